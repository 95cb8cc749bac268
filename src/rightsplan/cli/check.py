"""``rightsplan check``: one verdict per holding, with its limit, source and headroom."""

from __future__ import annotations

import argparse
import os
import textwrap
from collections import Counter
from collections.abc import Sequence

import pendulum

from rightsplan import report
from rightsplan._printable import plural, printable
from rightsplan.assess import Assessment, Status, assess
from rightsplan.cli import _shell
from rightsplan.cli._shell import (
    EXIT_CLEAR,
    EXIT_TRIGGERED,
    STDIN,
    STDIN_NAME,
    Parser,
    add_output,
    csv_records,
    date_argument,
    deliver,
    json_text,
    one_standard_input,
    read_input,
    read_plan,
    refuse_inputs,
    rounded_down,
    terminal_width,
    warn_at_argument,
)
from rightsplan.errors import (
    HoldingsFileError,
)
from rightsplan.io import Holding
from rightsplan.rules import status_meaning
from rightsplan.standing import Ordinary
from rightsplan.terms import UnknownLimit

__all__ = ["add_command"]

_CHECK_EPILOG = """\
Rows that give a date are checked on that date; --on gives the date for rows that have none
(it never overrides a row's own date). A row with no date and no --on is an error: there is
no implicit "today".

The optional standing columns give what a holder's past makes of its holding (standing:
none, grandfathered, buyback, inadvertent, acquiring-person or exempted; standing_since,
standing_shares, standing_until, standing_cap_percent, standing_cap_comparison). A holder
over the general limit but within its own line (grandfathered, or over only because of a
buyback) is "excused": not a trigger.

Exit status: 0 when no holding triggers the plan, 1 when any does, 2 for bad input or usage
(70 for an internal error; see 'rightsplan --help'). FILE may be - (standard output); a
symbolic link is followed, a device or named pipe written to, and no input is overwritten.

HOLDINGS may be - (standard input: CSV, or JSON lines when it starts with {). The table ends
with a legend defining each status shown; on a terminal too narrow for it, each holding is a
short block instead.

Example:
  rightsplan check examples/innotrac/plan.toml examples/innotrac/holdings.csv
  rightsplan check plan.toml holdings.csv --on 2003-12-01 --format json -o verdicts.json
  cat holdings.csv | rightsplan check plan.toml - --format json | jq .
"""


def add_command(commands: argparse._SubParsersAction[Parser]) -> None:
    """Register ``rightsplan check`` with the main parser."""
    check = commands.add_parser(
        "check",
        help="one verdict per holding: clear, warning, triggered, excused, exempt or inactive",
        description=(
            "Assess every holding of a holdings file (.csv or .jsonl; columns holder, shares, "
            "outstanding, and optionally passive, date, kind and the holder's standing) "
            "against the plan in force on its date: the verdict, the binding limit with its "
            "source, the largest holding that does not trigger, and the headroom."
        ),
        epilog=_CHECK_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("plan", metavar="PLAN", help="the plan file")
    check.add_argument(
        "holdings", metavar="HOLDINGS", help="the holdings file (- for standard input)"
    )
    check.add_argument(
        "--on",
        type=date_argument,
        metavar="DATE",
        help="the date for rows that give none, as YYYY-MM-DD",
    )
    check.add_argument(
        "--warn-at",
        default="0.9",
        type=warn_at_argument,
        metavar="SHARE",
        help="warn at or above this share of the limit, like 0.9 or 90%% (default 0.9)",
    )
    check.add_argument(
        "--format",
        choices=("table", "json", "csv"),
        default="table",
        help="table (default, for people), json (an array of objects) or csv",
    )
    add_output(check)
    check.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    return _check(
        args.plan,
        args.holdings,
        on=args.on,
        warn_at=args.warn_at,
        output_format=args.format,
        output=args.output,
    )


def verdict_record(holding: Holding, assessment: Assessment, *, flat: bool) -> dict[str, object]:
    """One verdict as the JSON (``flat`` false) and CSV (``flat`` true) outputs give it.

    The columns are :data:`rightsplan.report.VERDICT_COLUMNS`, after the holdings file's line;
    the standing is an object in JSON, and in CSV the holdings file's standing columns.
    """
    return {"line": holding.line, **report.verdict_record(assessment, flat=flat)}


_COLOURS = {
    Status.TRIGGERED: "\033[1;31m",
    Status.WARNING: "\033[33m",
    Status.CLEAR: "\033[32m",
    Status.EXEMPT: "\033[36m",
    Status.EXCUSED: "\033[35m",
    Status.UNCERTAIN: "\033[35m",
    Status.INACTIVE: "\033[2m",
}
_RESET = "\033[0m"


def _limit_cell(assessment: Assessment) -> str:
    if assessment.limit is not None:
        return assessment.limit.threshold.describe()
    if assessment.status is Status.EXEMPT:
        return "Exempt Person" if assessment.exemption is not None else "board exemption"
    if assessment.status is not Status.INACTIVE and assessment.terms is not None:
        # No limit binds because the plan leaves its threshold unknown: say so, not "no plan".
        general = assessment.terms.general
        return general.describe() if isinstance(general, UnknownLimit) else "unknown"
    return "no plan in force"


def _table(
    company: str,
    rows: list[tuple[Holding, Assessment]],
    *,
    colour: bool,
    width: int | None = None,
    warn_at: str = "0.9",
) -> str:
    """The verdicts for people: a table, or one block per holding where a table is too wide.

    ``width`` is the terminal's; a table wider than it is given as blocks instead, so that
    no row wraps. A legend defines each status shown.
    """
    sources: list[str] = []
    # The STANDING column appears only when some row gives a standing: most files give none.
    standings = any(type(a.standing) is not Ordinary for _, a in rows)
    header = (
        "LINE",
        "DATE",
        "HOLDER",
        "SHARES",
        "OUTSTANDING",
        "HOLDING",
        *(("STANDING",) if standings else ()),
        "STATUS",
        "LIMIT",
        "MAX SHARES",
        "HEADROOM",
    )
    table: list[tuple[str, ...]] = [header]
    for holding, assessment in rows:
        source = report.verdict_source(assessment)
        note = ""
        if source is not None:
            if source not in sources:
                sources.append(source)
            note = f" [{sources.index(source) + 1}]"
        standing = assessment.standing
        position = holding.position
        table.append(
            (
                str(holding.line),
                assessment.on.isoformat(),
                position.holder + (" (passive)" if position.passive else ""),
                f"{position.shares:,}",
                f"{position.outstanding:,}",
                rounded_down(assessment.percent),
                *((standing.kind if type(standing) is not Ordinary else "-",) if standings else ()),
                assessment.status.value,
                _limit_cell(assessment) + note,
                f"{assessment.max_shares:,}" if assessment.max_shares is not None else "-",
                f"{assessment.headroom:,}" if assessment.headroom is not None else "-",
            )
        )
    table = [tuple(printable(cell, newlines=False) for cell in row) for row in table]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    numeric = {
        header.index(name)
        for name in ("LINE", "SHARES", "OUTSTANDING", "HOLDING", "MAX SHARES", "HEADROOM")
    }
    status_column = header.index("STATUS")
    lines = [
        f"{printable(company, newlines=False)}: {plural(len(rows), 'holding')} checked",
        "",
    ]

    def painted(text: str, index: int) -> str:
        if not colour:
            return text
        return f"{_COLOURS[rows[index - 1][1].status]}{text}{_RESET}"

    if width is not None and sum(widths) + 2 * (len(widths) - 1) > width:
        # Too wide for the terminal: a short block per holding, wrapped to its width.
        for index, row in enumerate(table[1:], start=1):
            field = dict(zip(header, row, strict=True))
            has = field.get("STANDING", "-") != "-"
            standing_text = f"standing {field['STANDING']}; " if has else ""
            lines.append(f"Line {field['LINE']}, {field['DATE']}: {field['HOLDER']}")
            detail = (
                f"{field['STATUS']}: {field['SHARES']} of {field['OUTSTANDING']} "
                f"shares ({field['HOLDING']}); {standing_text}limit {field['LIMIT']}; "
                f"max shares {field['MAX SHARES']}; headroom {field['HEADROOM']}"
            )
            # Wrapped as plain text, then the status painted: colour codes take no width.
            wrapped = textwrap.wrap(
                detail,
                width=max(width, 40),
                initial_indent="  ",
                subsequent_indent="    ",
                break_on_hyphens=False,
            )
            status = field["STATUS"]
            wrapped[0] = "  " + painted(status, index) + wrapped[0][2 + len(status) :]
            lines.extend(wrapped)
    else:
        for index, row in enumerate(table):
            cells = []
            for column, cell in enumerate(row):
                text = (
                    cell.rjust(widths[column]) if column in numeric else cell.ljust(widths[column])
                )
                if index and column == status_column:
                    text = painted(text, index)
                cells.append(text)
            lines.append("  ".join(cells).rstrip())
    if sources:
        lines.append("")
        lines.extend(
            f"[{number}] {printable(source, newlines=False)}"
            for number, source in enumerate(sources, start=1)
        )
    near = [(holding, assessment) for holding, assessment in rows if assessment.near_matches]
    if near:
        lines.append("")
        lines.extend(
            printable(
                f"Line {holding.line}: {assessment.holder!r} is close to "
                f"{' and '.join(repr(name) for name in assessment.near_matches)}, a name the "
                "plan uses, and was checked as another holder: check the spelling.",
                newlines=False,
            )
            for holding, assessment in near
        )
    counts = Counter(assessment.status for _, assessment in rows)
    summary = ", ".join(f"{counts[status]} {status.value}" for status in Status if counts[status])
    lines.extend(["", f"Summary: {summary}", ""])
    lines.extend(_legend([status for status in Status if counts[status]], warn_at))
    lines.append("(HOLDING is rounded down to 4 decimals.)")
    return "\n".join(lines) + "\n"


def _legend(statuses: Sequence[Status], warn_at: str) -> list[str]:
    """What each status shown means, one line each (defined once, in :mod:`rightsplan.rules`)."""
    if not statuses:
        return []
    label = max(len(status.value) for status in statuses)
    return [
        f"{status.value + ':':<{label + 1}} {status_meaning(status, warn_at)}"
        for status in statuses
    ]


def _check(
    plan_path: str,
    holdings_path: str,
    *,
    on: pendulum.Date | None,
    warn_at: str,
    output_format: str,
    output: str | None,
) -> int:
    refuse_inputs({"--output": output}, (plan_path, holdings_path))
    one_standard_input(plan_path, holdings_path)
    plan = read_plan(plan_path)
    read = read_input(holdings_path, "holdings")
    assert isinstance(read, tuple)
    holdings = read
    holdings_path = STDIN_NAME if holdings_path == STDIN else holdings_path
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
    if on is not None:
        late = [(holding, holding.standing_problem(on)) for holding in undated]
        if any(problem is not None for _, problem in late):
            raise HoldingsFileError(
                holdings_path,
                tuple(
                    f"{holdings_path}:{holding.line}: {problem} (--on)"
                    for holding, problem in late
                    if problem is not None
                ),
            )
    rows = []
    for holding in holdings:
        day = holding.date if holding.date is not None else on
        assert day is not None
        verdict = assess(plan, holding.position, on=day, standing=holding.standing, warn_at=warn_at)
        rows.append((holding, verdict))
    if output_format == "json":
        text = json_text([verdict_record(h, a, flat=False) for h, a in rows])
    elif output_format == "csv":
        text = csv_records([verdict_record(h, a, flat=True) for h, a in rows])
    else:
        to_screen = output in (None, "-")
        colour = to_screen and _shell.terminal() and not os.environ.get("NO_COLOR")
        width = terminal_width() if to_screen else None
        text = _table(plan.company, rows, colour=colour, width=width, warn_at=warn_at)
    deliver(text, output)
    triggered = any(a.status is Status.TRIGGERED for _, a in rows)
    return EXIT_TRIGGERED if triggered else EXIT_CLEAR
