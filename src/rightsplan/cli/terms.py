"""``rightsplan terms``: every rule in force on a date, or the whole timeline, with sources."""

from __future__ import annotations

import argparse
import json

import pendulum

from rightsplan._printable import json_safe
from rightsplan.cli._shell import (
    EXIT_CLEAR,
    Parser,
    date_argument,
    emit,
    read_plan,
    stdout,
)
from rightsplan.rules import in_force_or_unknown

__all__ = ["add_command"]


def add_command(commands: argparse._SubParsersAction[Parser]) -> None:
    """Register ``rightsplan terms`` with the main parser."""
    terms = commands.add_parser(
        "terms",
        help="the terms in force on a date, or the whole timeline",
        description=(
            "Print every rule of a plan in force on a date (--on), each with the instrument and "
            "section that set it (or 'rightsplan's default' where the plan file states none); "
            "without --on, the whole timeline of the plan. --format json prints the same as "
            "one JSON document (format rightsplan.terms/1)."
        ),
        epilog=(
            "Examples:\n"
            "  rightsplan terms examples/innotrac/plan.toml\n"
            "  rightsplan terms examples/innotrac/plan.toml --on 2003-11-24\n"
            "  rightsplan terms examples/innotrac/plan.toml --format json"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    terms.add_argument("plan", metavar="PLAN", help="the plan file")
    terms.add_argument("--on", type=date_argument, metavar="DATE", help="the date, as YYYY-MM-DD")
    terms.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default, for people) or json (every rule with its source; see docs)",
    )
    terms.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    return _terms(args.plan, args.on, args.format)


def _terms(path: str, on: pendulum.Date | None, output_format: str) -> int:
    plan = read_plan(path)
    if output_format == "json":
        document = plan.to_json(on=on)
        stdout(json_safe(json.dumps(document, indent=2, ensure_ascii=False)) + "\n")
        return EXIT_CLEAR
    if on is None:
        emit(plan.describe() + "\n")
        return EXIT_CLEAR
    terms, why_not, unknown = in_force_or_unknown(plan, on)
    if terms is None or why_not is not None:
        emit(f"{plan.company}: no plan in force on {on.isoformat()}: {why_not}.\n")
        return EXIT_CLEAR
    if unknown is not None:
        emit(
            f"{plan.company}: on {on.isoformat()}, {unknown}; the terms, if it is:\n"
            f"{terms.describe()}\n"
        )
        return EXIT_CLEAR
    emit(f"{plan.company}: terms in force on {on.isoformat()}\n{terms.describe()}\n")
    return EXIT_CLEAR
