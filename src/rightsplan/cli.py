"""The ``rightsplan`` command line.

Every command exits 0 when no holding triggers a plan, 1 when one does, and 2 for bad input
or usage. Errors are one line on standard error, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import attrs

from rightsplan import examples
from rightsplan.assess import Status, assess
from rightsplan.errors import RightsPlanError
from rightsplan.ownership import Position

__all__ = ["main"]

EXIT_CLEAR = 0
EXIT_TRIGGERED = 1
EXIT_USAGE = 2

_IPOF_REPORTED = Position("IPOF Group", 2_800_500, 11_572_314, passive=True)
"""IPOF's holding as the 8-K of 2003-11-24 reports it: 2,800,500 shares, "or 24.2%"."""

_EXAMPLE_DATES = (
    ("2003-09-01", "with Amendment No. 2 in force"),
    ("2003-11-23", "the day before Amendment No. 3 was executed"),
    ("2003-11-24", "with Amendment No. 3 in force"),
)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors exit with status 2 and one clear line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="rightsplan",
        description="Shareholder rights plans: replay amendments, check holdings.",
        epilog="Example: rightsplan example",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True
    example = commands.add_parser(
        "example",
        help="show the built-in Innotrac plan and assess IPOF's reported holding",
        description=(
            "Print the Innotrac Rights Agreement's terms timeline (1997 agreement, Amendments "
            "No. 1-3) and assess the IPOF Group's reported holding of 2,800,500 of 11,572,314 "
            "shares on dates before and after each amendment."
        ),
        epilog="Example: rightsplan example --warn-at 0.95",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    example.add_argument(
        "--warn-at",
        default="0.9",
        metavar="SHARE",
        help="warn at or above this share of the limit (default 0.9)",
    )
    return parser


def _example(warn_at: str) -> int:
    plan = examples.innotrac()
    out = [plan.describe(), ""]
    worst = EXIT_CLEAR
    cases = [(_IPOF_REPORTED, on, when) for on, when in _EXAMPLE_DATES]
    cases.append(
        (attrs.evolve(_IPOF_REPORTED, passive=False), "2003-12-01", "if IPOF turned active")
    )
    for position, on, when in cases:
        assessment = assess(plan, position, on=on, warn_at=warn_at)
        out.append(f"--- {on}, {when}")
        out.append(assessment.explain())
        out.append("")
        if assessment.status is Status.TRIGGERED and position.passive:
            worst = EXIT_TRIGGERED
    print("\n".join(out).rstrip())
    return worst


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "example":
            return _example(args.warn_at)
    except RightsPlanError as error:
        print(f"rightsplan: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    raise AssertionError(f"unhandled command {args.command!r}")  # pragma: no cover


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
