"""``python -m sister_agreements``: the command line."""

import sys

from sister_agreements.cli import main

if __name__ == "__main__":
    sys.exit(main())
