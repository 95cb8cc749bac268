"""The ``rightsplan`` command's entry point (private): it runs before rightsplan is imported.

Importing rightsplan (pendulum, attrs, the plan schema...) takes a moment, and a Ctrl-C in
that moment would end in a traceback, before :func:`rightsplan.cli.main` handles it. Any
module inside the package runs only after the package's ``__init__`` has imported all that,
so the entry point lives here, outside it, and imports rightsplan itself.
"""

from __future__ import annotations

import os
import sys
import traceback

__all__ = ["main"]

EXIT_SOFTWARE = 70  # rightsplan.cli.EXIT_SOFTWARE, which cannot be imported yet
EXIT_INTERRUPTED = 130  # rightsplan.cli.EXIT_INTERRUPTED


def main() -> int:
    """Import rightsplan and run its command line; a Ctrl-C at any moment exits 130 quietly.

    A failure to import rightsplan (a broken installation) exits 70 with one line, never 1.
    """
    try:
        from rightsplan.cli import main as run
    except KeyboardInterrupt:
        print("rightsplan: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as error:
        if os.environ.get("RIGHTSPLAN_DEBUG"):
            traceback.print_exc()
        print(
            f"rightsplan: internal error: cannot import rightsplan ({type(error).__name__}: "
            f"{error!s:.200}); is it installed whole? Set RIGHTSPLAN_DEBUG=1 to see the "
            "traceback",
            file=sys.stderr,
        )
        return EXIT_SOFTWARE
    try:
        return run()
    except KeyboardInterrupt:  # in the few steps main() takes outside its own handler
        print("rightsplan: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
