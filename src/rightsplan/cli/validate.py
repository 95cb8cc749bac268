"""``rightsplan validate``: check a plan file and report every problem in it."""

from __future__ import annotations

import argparse

from rightsplan._printable import plural, printable
from rightsplan.cli._shell import (
    EXIT_CLEAR,
    EXIT_USAGE,
    STDIN,
    STDIN_NAME,
    Parser,
    add_format,
    add_output,
    deliver,
    json_text,
    read_plan,
    refuse_inputs,
)
from rightsplan.errors import (
    PlanFileError,
)

__all__ = ["add_command"]


def add_command(commands: argparse._SubParsersAction[Parser]) -> None:
    """Register ``rightsplan validate`` with the main parser."""
    validate = commands.add_parser(
        "validate",
        help="check a plan file and report every problem in it",
        description=(
            "Read a plan file (.toml, .yaml, .yml or .json), check every field and replay the "
            "amendments. Prints a one-line summary, or every problem found, each with its "
            "field path. Exits 0 when the plan is valid, 2 otherwise."
        ),
        epilog=(
            "PLAN may be - (standard input: JSON if it starts with {, else TOML). With "
            "--format json,\na plan with problems is described on standard output too "
            '({"valid": false, "problems": [...]}).\n\n'
            "Examples:\n"
            "  rightsplan validate examples/innotrac/plan.toml\n"
            "  cat plan.json | rightsplan validate - --format json"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    validate.add_argument("plan", metavar="PLAN", help="the plan file (- for standard input)")
    add_format(validate, ("text", "json"))
    add_output(validate)
    validate.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    return _validate(args.plan, output_format=args.format, output=args.output)


def _validate(path: str, *, output_format: str = "text", output: str | None = None) -> int:
    refuse_inputs({"--output": output}, (path,))
    name = STDIN_NAME if path == STDIN else path
    if output_format == "json":
        try:
            plan = read_plan(path)
        except PlanFileError as error:
            record = {"file": name, "valid": False, "problems": list(error.problems)}
            deliver(json_text(record), output)
            return EXIT_USAGE
        record = {
            "file": name,
            "valid": True,
            "company": plan.company,
            "agreement": plan.agreement.name,
            "dated": plan.agreement.dated.isoformat(),
            "amendments": [
                {
                    "name": a.name,
                    "kind": a.kind.value,
                    "number": a.number,
                    "effective_date": a.effective_date.isoformat(),
                }
                for a in plan.amendments
            ],
        }
        deliver(json_text(record), output)
        return EXIT_CLEAR
    plan = read_plan(path)
    names = ", ".join(f"{a.name} ({a.effective_date.isoformat()})" for a in plan.amendments)
    count = plural(len(plan.amendments), "instrument")
    amended = f"; {count} after it: {names}" if names else ""
    deliver(
        printable(
            f"{name}: valid — {plan.company}, {plan.agreement.name} dated "
            f"{plan.agreement.dated.isoformat()}{amended}\n"
        ),
        output,
    )
    return EXIT_CLEAR
