#!/usr/bin/env bash
# Installs what the tests need and runs every check. README command 2; .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/.."

python -m pip install --quiet --upgrade pip
python -m pip install --quiet ".[test]"

echo "== cargo fmt";    cargo fmt --all -- --check
echo "== cargo clippy"; cargo clippy --all-targets --all-features -- -D warnings
echo "== cargo test";   cargo test --quiet
echo "== ruff";         ruff check python tests bench fuzz && ruff format --check python tests bench fuzz
echo "== mypy";         python -m mypy python/warta
echo "== stubtest";     python -m mypy.stubtest warta._native
echo "== pytest";       python -m pytest -q -p no:cacheprovider tests
