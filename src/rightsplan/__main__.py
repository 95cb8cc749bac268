"""``python -m rightsplan``: the same as the ``rightsplan`` command."""

import sys

from rightsplan.cli import main

sys.exit(main())
