"""``python -m sister_agreements``: the command line."""

import sys

from sister_agreements.cli import main

sys.exit(main())
