"""Entry point of ``python -m pedatlas.users``; see pedatlas.auth.cli."""

import sys

from pedatlas.auth.cli import main

if __name__ == "__main__":
    sys.exit(main())
