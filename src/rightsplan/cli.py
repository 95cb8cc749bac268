"""The ``rightsplan`` command line: ``validate``, ``terms``, ``check`` and ``example``.

Every command exits 0 when no holding triggers a plan, 1 when one does, and 2 for bad input
or usage. Errors go to standard error, one line per problem, never a traceback. Nothing the
command reads is ever modified; ``--output`` is written atomically.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from collections import Counter
from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path

import attrs
import pendulum

from rightsplan import examples
from rightsplan.assess import Assessment, Status, assess, in_force
from rightsplan.assess import _warn_ratio as assess_warn_ratio
from rightsplan.dates import to_date
from rightsplan.errors import HoldingsFileError, InvalidInputError, RightsPlanError
from rightsplan.io import Holding, load_holdings, load_plan
from rightsplan.io._files import write_atomically
from rightsplan.ownership import Position
from rightsplan.percent import format_percent

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


_CHECK_EPILOG = """\
Rows that give a date are checked on that date; --on gives the date for rows that have none
(it never overrides a row's own date). A row with no date and no --on is an error: there is
no implicit "today".

Exit status: 0 when no holding triggers the plan, 1 when any does, 2 for bad input or usage.

Example:
  rightsplan check examples/innotrac/plan.toml examples/innotrac/holdings.csv
  rightsplan check plan.toml holdings.csv --on 2003-12-01 --format json --output verdicts.json
"""


def _date_argument(text: str) -> pendulum.Date:
    try:
        return to_date(text, what="date")
    except RightsPlanError as error:
        raise argparse.ArgumentTypeError(str(error).removeprefix("date: ")) from None


def _warn_at_argument(text: str) -> str:
    try:
        assess_warn_ratio(text)
    except RightsPlanError as error:
        raise argparse.ArgumentTypeError(str(error).removeprefix("warn_at: ")) from None
    return text


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="rightsplan",
        description="Shareholder rights plans: replay amendments, check holdings.",
        epilog=(
            "Examples:\n"
            "  rightsplan example\n"
            "  rightsplan check examples/innotrac/plan.toml examples/innotrac/holdings.csv\n\n"
            "Run 'rightsplan COMMAND --help' for a command's options."
        ),
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
        type=_warn_at_argument,
        metavar="SHARE",
        help="warn at or above this share of the limit (default 0.9)",
    )
    validate = commands.add_parser(
        "validate",
        help="check a plan file and report every problem in it",
        description=(
            "Read a plan file (.toml, .yaml, .yml or .json), check every field and replay the "
            "amendments. Prints a one-line summary, or every problem found, each with its "
            "field path. Exits 0 when the plan is valid, 2 otherwise."
        ),
        epilog="Example: rightsplan validate examples/innotrac/plan.toml",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    validate.add_argument("plan", metavar="PLAN", help="the plan file")
    terms = commands.add_parser(
        "terms",
        help="the terms in force on a date, or the whole timeline",
        description=(
            "Print the terms of a plan in force on a date (--on), each with the instrument and "
            "section that set it; without --on, the whole timeline of the plan."
        ),
        epilog=(
            "Examples:\n"
            "  rightsplan terms examples/innotrac/plan.toml\n"
            "  rightsplan terms examples/innotrac/plan.toml --on 2003-11-24"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    terms.add_argument("plan", metavar="PLAN", help="the plan file")
    terms.add_argument("--on", type=_date_argument, metavar="DATE", help="the date, as YYYY-MM-DD")
    check = commands.add_parser(
        "check",
        help="one verdict per holding: clear, warning, triggered, exempt or inactive",
        description=(
            "Assess every holding of a holdings file (.csv or .jsonl; columns holder, shares, "
            "outstanding, and optionally passive, date, kind) against the plan in force on its "
            "date: the verdict, the binding limit with its source, the largest holding that "
            "does not trigger, and the headroom."
        ),
        epilog=_CHECK_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("plan", metavar="PLAN", help="the plan file")
    check.add_argument("holdings", metavar="HOLDINGS", help="the holdings file")
    check.add_argument(
        "--on",
        type=_date_argument,
        metavar="DATE",
        help="the date for rows that give none, as YYYY-MM-DD",
    )
    check.add_argument(
        "--warn-at",
        default="0.9",
        type=_warn_at_argument,
        metavar="SHARE",
        help="warn at or above this share of the limit, like 0.9 or 90%% (default 0.9)",
    )
    check.add_argument(
        "--format",
        choices=("table", "json", "csv"),
        default="table",
        help="table (default, for people), json (an array of objects) or csv",
    )
    check.add_argument(
        "--output",
        metavar="FILE",
        help="write the verdicts to FILE (atomically) instead of standard output",
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


def _validate(path: str) -> int:
    plan = load_plan(path)
    numbers = ", ".join(f"No. {a.number} ({a.effective_date.isoformat()})" for a in plan.amendments)
    amended = f"; {len(plan.amendments)} amendment(s): {numbers}" if plan.amendments else ""
    print(
        f"{path}: valid — {plan.company}, {plan.agreement.name} dated "
        f"{plan.agreement.dated.isoformat()}{amended}"
    )
    return EXIT_CLEAR


def _terms(path: str, on: pendulum.Date | None) -> int:
    plan = load_plan(path)
    if on is None:
        print(plan.describe())
        return EXIT_CLEAR
    terms, why_not = in_force(plan, on)
    if terms is None or why_not is not None:
        print(f"{plan.company}: no plan in force on {on.isoformat()}: {why_not}.")
        return EXIT_CLEAR
    print(f"{plan.company}: terms in force on {on.isoformat()}")
    print(terms.describe())
    return EXIT_CLEAR


# --- check ---------------------------------------------------------------------------------

_PLACES = 6


def _decimal_percent(value: Fraction) -> str:
    """Exact when the decimal terminates, else rounded to six places."""
    exact = format_percent(value)
    if "/" not in exact:
        return exact
    return format_percent(Fraction(round(value * 10**_PLACES), 10**_PLACES))


def _rounded_down(value: Fraction, places: int = 4) -> str:
    """A holding for the table: rounded down, so that a holding below a limit never shows it."""
    whole, part = divmod(value.numerator * 10**places // value.denominator, 10**places)
    return f"{whole}.{part:0{places}d}%"


def _source(assessment: Assessment) -> str | None:
    if assessment.limit is not None:
        return assessment.limit.source.cite()
    if assessment.exemption is not None:
        return assessment.exemption.source.cite()
    return None


def _record(holding: Holding, assessment: Assessment) -> dict[str, object]:
    """One verdict as the JSON and CSV outputs give it."""
    position = holding.position
    limit = assessment.limit
    percent = assessment.percent
    return {
        "line": holding.line,
        "holder": position.holder,
        "date": assessment.on.isoformat(),
        "status": assessment.status.value,
        "percent": _decimal_percent(percent),
        "percent_exact": f"{percent.numerator}/{percent.denominator}",
        "shares": position.shares,
        "outstanding": position.outstanding,
        "passive": position.passive,
        "limit": format_percent(limit.percent) if limit is not None else None,
        "comparison": limit.comparison.value if limit is not None else None,
        "max_shares": assessment.max_shares,
        "headroom": assessment.headroom,
        "source": _source(assessment),
        "reason": assessment.reason,
    }


_COLOURS = {
    Status.TRIGGERED: "\033[1;31m",
    Status.WARNING: "\033[33m",
    Status.CLEAR: "\033[32m",
    Status.EXEMPT: "\033[36m",
    Status.INACTIVE: "\033[2m",
}
_RESET = "\033[0m"


def _table(company: str, rows: list[tuple[Holding, Assessment]], *, colour: bool) -> str:
    sources: list[str] = []
    header = (
        "LINE",
        "DATE",
        "HOLDER",
        "SHARES",
        "OUTSTANDING",
        "HOLDING",
        "STATUS",
        "LIMIT",
        "MAX SHARES",
        "HEADROOM",
    )
    table: list[tuple[str, ...]] = [header]
    for holding, assessment in rows:
        source = _source(assessment)
        note = ""
        if source is not None:
            if source not in sources:
                sources.append(source)
            note = f" [{sources.index(source) + 1}]"
        if assessment.limit is not None:
            limit = assessment.limit.threshold.describe() + note
        elif assessment.status is Status.EXEMPT:
            limit = "Exempt Person" + note
        else:
            limit = "no plan in force"
        position = holding.position
        table.append(
            (
                str(holding.line),
                assessment.on.isoformat(),
                position.holder + (" (passive)" if position.passive else ""),
                f"{position.shares:,}",
                f"{position.outstanding:,}",
                _rounded_down(assessment.percent),
                assessment.status.value,
                limit,
                f"{assessment.max_shares:,}" if assessment.max_shares is not None else "-",
                f"{assessment.headroom:,}" if assessment.headroom is not None else "-",
            )
        )
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    numeric = {0, 3, 4, 5, 8, 9}
    lines = [f"{company}: {len(rows)} holding(s) checked", ""]
    for index, row in enumerate(table):
        cells = []
        for column, cell in enumerate(row):
            text = cell.rjust(widths[column]) if column in numeric else cell.ljust(widths[column])
            if colour and index and column == 6:
                text = f"{_COLOURS[rows[index - 1][1].status]}{text}{_RESET}"
            cells.append(text)
        lines.append("  ".join(cells).rstrip())
    if sources:
        lines.append("")
        lines.extend(f"[{number}] {source}" for number, source in enumerate(sources, start=1))
    counts = Counter(assessment.status for _, assessment in rows)
    summary = ", ".join(f"{counts[status]} {status.value}" for status in Status if counts[status])
    lines.extend(["", f"Summary: {summary}", "(HOLDING is rounded down to 4 decimals.)"])
    return "\n".join(lines) + "\n"


def _csv_cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _csv(records: list[dict[str, object]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(records[0]), lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({key: _csv_cell(value) for key, value in record.items()})
    return out.getvalue()


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def _check(
    plan_path: str,
    holdings_path: str,
    *,
    on: pendulum.Date | None,
    warn_at: str,
    output_format: str,
    output: str | None,
) -> int:
    if output is not None:
        for given in (plan_path, holdings_path):
            if _same_file(output, given):
                raise InvalidInputError(
                    f"--output {output}: that is an input file; rightsplan never overwrites "
                    "what it reads"
                )
    plan = load_plan(plan_path)
    holdings = load_holdings(holdings_path)
    undated = [holding for holding in holdings if holding.date is None]
    if undated and on is None:
        raise HoldingsFileError(
            holdings_path,
            tuple(
                f"{holdings_path}:{holding.line}: date: missing; give the row a date, or pass "
                "--on DATE for rows without one"
                for holding in undated
            ),
        )
    rows = []
    for holding in holdings:
        day = holding.date if holding.date is not None else on
        assert day is not None
        rows.append((holding, assess(plan, holding.position, on=day, warn_at=warn_at)))
    if output_format == "json":
        text = json.dumps([_record(h, a) for h, a in rows], indent=2, ensure_ascii=False) + "\n"
    elif output_format == "csv":
        text = _csv([_record(h, a) for h, a in rows])
    else:
        colour = output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        text = _table(plan.company, rows, colour=colour)
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomically(Path(output), text)
    triggered = any(a.status is Status.TRIGGERED for _, a in rows)
    return EXIT_TRIGGERED if triggered else EXIT_CLEAR


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "example":
            return _example(args.warn_at)
        if args.command == "validate":
            return _validate(args.plan)
        if args.command == "terms":
            return _terms(args.plan, args.on)
        if args.command == "check":
            return _check(
                args.plan,
                args.holdings,
                on=args.on,
                warn_at=args.warn_at,
                output_format=args.format,
                output=args.output,
            )
    except RightsPlanError as error:
        print(f"rightsplan: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:
        print(f"rightsplan: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    raise AssertionError(f"unhandled command {args.command!r}")  # pragma: no cover


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
