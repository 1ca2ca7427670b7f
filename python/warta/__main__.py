"""``python -m warta`` runs the command line (see ``warta.cli``)."""

import sys

from warta.cli import main

sys.exit(main())
