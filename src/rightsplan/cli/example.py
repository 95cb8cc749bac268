"""``rightsplan example``: the built-in Innotrac plan and IPOF's reported holding."""

from __future__ import annotations

import argparse

import attrs

from rightsplan import examples
from rightsplan._printable import printable
from rightsplan.assess import Status, assess
from rightsplan.cli._shell import (
    EXIT_CLEAR,
    EXIT_TRIGGERED,
    Parser,
    add_format,
    add_output,
    deliver,
    json_text,
    warn_at_argument,
)
from rightsplan.cli.check import verdict_record
from rightsplan.io import Holding
from rightsplan.ownership import Position

__all__ = ["add_command"]

_IPOF_REPORTED = Position("IPOF Group", 2_800_500, 11_572_314, passive=True)
"""IPOF's holding as the 8-K of 2003-11-24 reports it: 2,800,500 shares, "or 24.2%"."""

_EXAMPLE_DATES = (
    ("2003-09-01", "with Amendment No. 2 in force"),
    ("2003-11-23", "the day before Amendment No. 3 was executed"),
    ("2003-11-24", "with Amendment No. 3 in force"),
)


def add_command(commands: argparse._SubParsersAction[Parser]) -> None:
    """Register ``rightsplan example`` with the main parser."""
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
        type=warn_at_argument,
        metavar="SHARE",
        help="warn at or above this share of the limit (default 0.9)",
    )
    add_format(example, ("text", "json"))
    add_output(example)
    example.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    return _example(args.warn_at, output_format=args.format, output=args.output)


def _example(warn_at: str, *, output_format: str = "text", output: str | None = None) -> int:
    plan = examples.innotrac()
    out = [plan.describe(), ""]
    worst = EXIT_CLEAR
    cases = [(_IPOF_REPORTED, on, when) for on, when in _EXAMPLE_DATES]
    cases.append(
        (attrs.evolve(_IPOF_REPORTED, passive=False), "2003-12-01", "if IPOF turned active")
    )
    records: list[dict[str, object]] = []
    for position, on, when in cases:
        assessment = assess(plan, position, on=on, warn_at=warn_at)
        out.append(f"--- {on}, {when}")
        out.append(assessment.explain())
        out.append("")
        record = verdict_record(Holding(position, assessment.on), assessment, flat=False)
        del record["line"]
        records.append({"case": when, **record, "explanation": assessment.explain()})
        if assessment.status is Status.TRIGGERED and position.passive:
            worst = EXIT_TRIGGERED
    if output_format == "json":
        deliver(json_text({"company": plan.company, "assessments": records}), output)
    else:
        deliver(printable("\n".join(out).rstrip() + "\n"), output)
    return worst
