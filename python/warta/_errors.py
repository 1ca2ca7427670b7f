"""warta's exceptions. Each also subclasses the builtin a caller would catch."""

from __future__ import annotations


class WartaError(Exception):
    """Base class of every error warta raises on purpose."""

    index: int | None = None
    """For batch calls: the index of the item that failed."""


class InputError(WartaError, ValueError):
    """An input value of the right type that cannot be used (a bad date, a bad option)."""


class InputTypeError(WartaError, TypeError):
    """An input of the wrong type (a number where text was expected)."""


class ConfigError(WartaError, ValueError):
    """A pipeline option that is invalid (a gazetteer entry with an unknown label)."""


class ModelError(WartaError, OSError):
    """A model or data file that cannot be read."""


class InternalError(WartaError, RuntimeError):
    """A bug in warta, caught before it could abort the interpreter. Please report it."""
