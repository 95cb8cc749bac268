r"""The ``rightsplan`` command line: ``validate``, ``terms``, ``check``, ``history``, ``example``.

One module per command (:mod:`rightsplan.cli.check`, ...); the conventions they share are in
``rightsplan.cli._shell``.

Exit statuses (every command, ``ingest`` and ``screen`` included):

- 0: no holding triggers a plan (or the command has no verdict to give);
- 1: a holding triggers a plan; **nothing else exits 1**;
- 2: bad input or usage, one line per problem on standard error, never a traceback;
- 70: an internal error, a bug in rightsplan (``EX_SOFTWARE``): one line on standard error;
  set ``RIGHTSPLAN_DEBUG=1`` or run ``rightsplan --debug COMMAND ...`` for the traceback;
- 130: interrupted (Ctrl-C); 141: standard output closed by its reader (``| head``), quietly;
  143: terminated (SIGTERM), after removing any temporary file.

Nothing the command reads is ever modified, and no output may name an input. ``-`` as an
input file is standard input (one input per command: a plan, holdings or events; see
:func:`read_input`). Outputs (``-o/--output``, ``--plot``) are written atomically through
a uniquely named temporary file in the destination's folder; a symbolic link is followed
(the file it points to is replaced, the link stays); a device or named pipe is written to,
never replaced; ``-`` is standard output. Text from files (a company, a section, a
quotation, a holder's name) is shown with control and invisible characters escaped
(``\x1b``), in tables and messages; JSON output escapes them as ``\uXXXX``; CSV output
keeps them, quoted, to read back as written.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Iterator, Sequence

from rightsplan import __version__
from rightsplan._printable import printable
from rightsplan.cli import check, example, history, terms, validate
from rightsplan.cli._shell import (
    EXIT_BROKEN_PIPE,
    EXIT_CLEAR,
    EXIT_INTERRUPTED,
    EXIT_SOFTWARE,
    EXIT_TERMINATED,
    EXIT_TRIGGERED,
    EXIT_USAGE,
    Parser,
)
from rightsplan.errors import RightsPlanError

__all__ = [
    "DEBUG_VARIABLE",
    "EXIT_BROKEN_PIPE",
    "EXIT_CLEAR",
    "EXIT_INTERRUPTED",
    "EXIT_SOFTWARE",
    "EXIT_TERMINATED",
    "EXIT_TRIGGERED",
    "EXIT_USAGE",
    "main",
]

DEBUG_VARIABLE = "RIGHTSPLAN_DEBUG"
"""Set (to anything but empty) to print the traceback of an internal error."""


def _parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="rightsplan",
        description="Shareholder rights plans: replay amendments, check holdings.",
        epilog=(
            "Examples:\n"
            "  rightsplan example\n"
            "  rightsplan check examples/innotrac/plan.toml examples/innotrac/holdings.csv\n\n"
            "Exit status: 0 when no holding triggers, 1 when one does (and for nothing else), "
            "2 for bad\ninput or usage, 70 for an internal error (a bug: set RIGHTSPLAN_DEBUG=1 "
            "or pass --debug\nfor its traceback), 130 when interrupted, 141 when standard output "
            "is closed by its\nreader, 143 when terminated.\n\n"
            "Run 'rightsplan COMMAND --help' for a command's options."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"rightsplan {__version__}")
    parser.add_argument(
        "--debug",
        action="store_true",
        help=f"show the traceback of an internal error (as {DEBUG_VARIABLE}=1 does)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    commands.required = True
    for command in (example, validate, terms, check, history):
        command.add_command(commands)
    for name, summary in _DELEGATED_HELP.items():
        # Listed here for `rightsplan --help`; their own parsers read their arguments.
        commands.add_parser(name, help=summary, add_help=False)
    return parser


_DELEGATED_HELP = {
    "ingest": "read rights-plan filings (or fetch them from EDGAR) and draft the plan",
    "screen": "screen many positions against many plans at once (the 'screen' extra)",
    "reports": "read Schedules 13D and 13G: cover facts with spans, an events file, scores",
    "watch": "watch a company: each 13D/13G holding against the plan on its date",
}


def _delegated(command: str) -> Callable[[list[str]], int]:
    if command == "ingest":
        from rightsplan.edgar.cli import ingest_main

        return ingest_main
    if command in ("reports", "watch"):
        from rightsplan.reports import cli as reports_cli

        return reports_cli.reports_main if command == "reports" else reports_cli.watch_main
    from rightsplan.screening.cli import screen_main

    return screen_main


def _run(arguments: list[str]) -> int:
    if arguments and arguments[0] in _DELEGATED_HELP:
        return _delegated(arguments[0])(arguments[1:])
    args = _parser().parse_args(arguments)
    handler: Callable[[argparse.Namespace], int] = args.handler
    return handler(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status.

    The statuses are those of :mod:`rightsplan.cli`'s docstring; whatever goes wrong, the
    status is never 1 unless a holding triggers.
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    debug = bool(os.environ.get(DEBUG_VARIABLE))
    if arguments[:1] == ["--debug"]:
        debug = True
        arguments = arguments[1:]
    with _terminated_as_exit():
        try:
            status = _run(arguments)
            if sys.stdout is not None:
                sys.stdout.flush()  # a broken pipe is found here, not at interpreter exit
        except BrokenPipeError:
            _quiet_stdout()
            return EXIT_BROKEN_PIPE
        except KeyboardInterrupt:
            print("rightsplan: interrupted", file=sys.stderr)
            return EXIT_INTERRUPTED
        except (RightsPlanError, OSError) as error:
            print(f"rightsplan: error: {printable(str(error))}", file=sys.stderr)
            return EXIT_USAGE
        except Exception as error:
            if debug:
                traceback.print_exc()
            notes = "".join(f" {note}" for note in getattr(error, "__notes__", ()))
            print(
                f"rightsplan: internal error (a bug in rightsplan, please report it): "
                f"{type(error).__name__}{printable(notes, newlines=False)}; set "
                f"{DEBUG_VARIABLE}=1 or run 'rightsplan --debug ...' to see the traceback",
                file=sys.stderr,
            )
            return EXIT_SOFTWARE
    return status


def _quiet_stdout() -> None:
    """After a broken pipe, point standard output at /dev/null so that exiting is quiet.

    Python's documented recipe (the ``signal`` module's note on SIGPIPE): the interpreter
    flushes standard output at exit, which would fail again on the closed pipe.
    """
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


class _Terminated(BaseException):
    """A termination signal, raised where the program is: temporary files go on the way out."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


_TERMINATING = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


@contextlib.contextmanager
def _terminated_as_exit() -> Iterator[None]:
    """While running, SIGTERM or SIGHUP unwinds the stack, removing temporary files.

    The program then exits 128 + the signal's number (143 for SIGTERM), as shells report a
    program the signal ended.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminate(signum: int, frame: object) -> None:
        raise _Terminated(signum)

    previous = {signum: signal.signal(signum, terminate) for signum in _TERMINATING}
    try:
        yield
    except _Terminated as terminated:
        name = signal.Signals(terminated.signum).name
        print(f"rightsplan: terminated ({name})", file=sys.stderr)
        raise SystemExit(128 + terminated.signum) from None
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
