r"""The ``rightsplan`` command line: ``validate``, ``terms``, ``check``, ``history``, ``example``.

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
import io
import json
import os
import shutil
import signal
import sys
import textwrap
import threading
import traceback
import warnings
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from fractions import Fraction
from pathlib import Path

import attrs
import pendulum

from rightsplan import __version__, calendars, examples, report
from rightsplan._printable import json_safe, plural, printable
from rightsplan.assess import Assessment, Status, assess, warn_ratio
from rightsplan.dates import to_date
from rightsplan.errors import (
    HoldingsFileError,
    InvalidInputError,
    OutputFileError,
    PlanFileError,
    PlanHistoryError,
    RightsPlanError,
)
from rightsplan.history import History, LedgerError, StatusPeriod, replay
from rightsplan.io import Holding, load_events, load_holdings, load_plan
from rightsplan.io._files import MAX_FILE_BYTES, csv_text, write_atomically
from rightsplan.io.events import loads_events
from rightsplan.io.holdings import loads_holdings
from rightsplan.io.plans import loads_plan
from rightsplan.ledger import Ledger
from rightsplan.ownership import Position
from rightsplan.plan import Plan
from rightsplan.rules import in_force_or_unknown, status_meaning
from rightsplan.standing import Ordinary

__all__ = ["main"]

EXIT_CLEAR = 0
EXIT_TRIGGERED = 1
EXIT_USAGE = 2
EXIT_SOFTWARE = 70
"""An internal error, a bug in rightsplan (``EX_SOFTWARE`` of BSD's ``sysexits.h``)."""
EXIT_INTERRUPTED = 130
"""Interrupted (Ctrl-C): 128 + SIGINT, as shells report it."""
EXIT_BROKEN_PIPE = 141
"""Standard output was closed by its reader (``| head``): 128 + SIGPIPE, as shells report it."""
EXIT_TERMINATED = 143
"""Terminated (SIGTERM): 128 + SIGTERM, after removing any temporary file (SIGHUP: 129)."""
DEBUG_VARIABLE = "RIGHTSPLAN_DEBUG"
"""Set (to anything but empty) to print the traceback of an internal error."""

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


STDIN = "-"
"""An input file named ``-`` is standard input; an output file named ``-`` standard output."""
STDIN_NAME = "<stdin>"
"""How messages name standard input."""


def read_standard_input() -> bytes:
    """Standard input's bytes, at most the largest file rightsplan reads."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InvalidInputError(f"{STDIN_NAME}: standard input is closed")
    data: bytes = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise InvalidInputError(
            f"{STDIN_NAME}: larger than {MAX_FILE_BYTES // 1_048_576} MiB, more than any plan, "
            "holdings or events file"
        )
    return data


def _first_byte(data: bytes) -> bytes:
    """The first byte that is not white space (a UTF-8 byte-order mark aside)."""
    return data.removeprefix(b"\xef\xbb\xbf").lstrip()[:1]


def read_input(path: str, kind: str) -> Plan | tuple[Holding, ...] | Ledger:
    """Read an input file of ``kind`` (``plan``, ``holdings`` or ``events``); ``-`` is stdin.

    A file's format comes from its extension; standard input has none, so its format is
    told from its first character: a plan is JSON if it starts with ``{``, else TOML;
    holdings are JSON lines if they start with ``{``, else CSV; events are JSON if they
    start with ``[``, JSON lines if with ``{``, else CSV.
    """
    if path != STDIN:
        if kind == "plan":
            return load_plan(path)
        return load_holdings(path) if kind == "holdings" else load_events(path)
    data = read_standard_input()
    first = _first_byte(data)
    if kind == "plan":
        return loads_plan(data, "json" if first == b"{" else "toml", name=STDIN_NAME)
    if kind == "holdings":
        return loads_holdings(data, "jsonl" if first == b"{" else "csv", name=STDIN_NAME)
    if first == b"[":
        return loads_events(data, "json", name=STDIN_NAME)
    return loads_events(data, "jsonl" if first == b"{" else "csv", name=STDIN_NAME)


def _read_plan(path: str) -> Plan:
    plan = read_input(path, "plan")
    assert isinstance(plan, Plan)
    return plan


def _one_standard_input(*paths: str) -> None:
    if sum(path == STDIN for path in paths) > 1:
        raise InvalidInputError("only one input can be - (standard input); name the other files")


def _terminal_width() -> int | None:
    """The width to fit tables to: the terminal's (or $COLUMNS), ``None`` when unknown."""
    if not (_terminal() or os.environ.get("COLUMNS")):
        return None
    return shutil.get_terminal_size().columns


def _argument_error(text: str, error: Exception, prefix: str) -> argparse.ArgumentTypeError:
    """A command-line value's error, the value shown escaped and at most 80 characters long."""
    message = str(error).removeprefix(prefix)
    if isinstance(error, RightsPlanError):
        for given in (repr(text), text):
            message = message.replace(given, _shown(text))
    else:  # e.g. Python's limit on the digits of an integer's text
        message = f"cannot read {_shown(text)}"
    return argparse.ArgumentTypeError(message)


def _date_argument(text: str) -> pendulum.Date:
    try:
        return to_date(text, what="date")
    except (RightsPlanError, ValueError, OverflowError) as error:
        raise _argument_error(text, error, "date: ") from None


def _warn_at_argument(text: str) -> str:
    """``--warn-at``: a share of the limit (0.9, 90%), checked as it is read."""
    try:
        warn_ratio(text)
    except (RightsPlanError, ValueError, OverflowError) as error:
        raise _argument_error(text, error, "warn_at: ") from None
    return text


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
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
    _add_format(example, ("text", "json"))
    _add_output(example)
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
    _add_format(validate, ("text", "json"))
    _add_output(validate)
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
    terms.add_argument("--on", type=_date_argument, metavar="DATE", help="the date, as YYYY-MM-DD")
    terms.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default, for people) or json (every rule with its source; see docs)",
    )
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
    _add_output(check)
    _add_history(commands)
    for name, summary in _DELEGATED_HELP.items():
        # Listed here for `rightsplan --help`; their own parsers read their arguments.
        commands.add_parser(name, help=summary, add_help=False)
    return parser


def _add_format(parser: argparse.ArgumentParser, choices: tuple[str, ...]) -> None:
    parser.add_argument(
        "--format",
        choices=choices,
        default=choices[0],
        help=f"{choices[0]} (default, for people) or json",
    )


def _add_output(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE (atomically) instead of standard output (- is standard output)",
    )


def _json_text(value: object) -> str:
    """A report as JSON text: dates as ISO text (:func:`rightsplan.report.json_value`)."""
    return json_safe(json.dumps(report.json_value(value), indent=2, ensure_ascii=False)) + "\n"


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
        record = _record(Holding(position, assessment.on), assessment, flat=False)
        del record["line"]
        records.append({"case": when, **record, "explanation": assessment.explain()})
        if assessment.status is Status.TRIGGERED and position.passive:
            worst = EXIT_TRIGGERED
    if output_format == "json":
        _deliver(_json_text({"company": plan.company, "assessments": records}), output)
    else:
        _deliver(printable("\n".join(out).rstrip() + "\n"), output)
    return worst


def _validate(path: str, *, output_format: str = "text", output: str | None = None) -> int:
    _refuse_inputs({"--output": output}, (path,))
    name = STDIN_NAME if path == STDIN else path
    if output_format == "json":
        try:
            plan = _read_plan(path)
        except PlanFileError as error:
            record = {"file": name, "valid": False, "problems": list(error.problems)}
            _deliver(_json_text(record), output)
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
        _deliver(_json_text(record), output)
        return EXIT_CLEAR
    plan = _read_plan(path)
    names = ", ".join(f"{a.name} ({a.effective_date.isoformat()})" for a in plan.amendments)
    count = plural(len(plan.amendments), "instrument")
    amended = f"; {count} after it: {names}" if names else ""
    _deliver(
        printable(
            f"{name}: valid — {plan.company}, {plan.agreement.name} dated "
            f"{plan.agreement.dated.isoformat()}{amended}\n"
        ),
        output,
    )
    return EXIT_CLEAR


def _terms(path: str, on: pendulum.Date | None, output_format: str) -> int:
    plan = _read_plan(path)
    if output_format == "json":
        document = plan.to_json(on=on)
        _stdout(json_safe(json.dumps(document, indent=2, ensure_ascii=False)) + "\n")
        return EXIT_CLEAR
    if on is None:
        _emit(plan.describe() + "\n")
        return EXIT_CLEAR
    terms, why_not, unknown = in_force_or_unknown(plan, on)
    if terms is None or why_not is not None:
        _emit(f"{plan.company}: no plan in force on {on.isoformat()}: {why_not}.\n")
        return EXIT_CLEAR
    if unknown is not None:
        _emit(
            f"{plan.company}: on {on.isoformat()}, {unknown}; the terms, if it is:\n"
            f"{terms.describe()}\n"
        )
        return EXIT_CLEAR
    _emit(f"{plan.company}: terms in force on {on.isoformat()}\n{terms.describe()}\n")
    return EXIT_CLEAR


# --- check ---------------------------------------------------------------------------------


def _rounded_down(value: Fraction, places: int = 4) -> str:
    """A holding for the table: rounded down, so that a holding below a limit never shows it."""
    whole, part = divmod(value.numerator * 10**places // value.denominator, 10**places)
    return f"{whole}.{part:0{places}d}%"


def _record(holding: Holding, assessment: Assessment, *, flat: bool) -> dict[str, object]:
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
                _rounded_down(assessment.percent),
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
                f"{painted(field['STATUS'], index)}: {field['SHARES']} of {field['OUTSTANDING']} "
                f"shares ({field['HOLDING']}); {standing_text}limit {field['LIMIT']}; "
                f"max shares {field['MAX SHARES']}; headroom {field['HEADROOM']}"
            )
            lines.extend(
                textwrap.wrap(
                    detail,
                    width=max(width, 40),
                    initial_indent="  ",
                    subsequent_indent="    ",
                    break_on_hyphens=False,
                )
            )
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


def _csv(records: list[dict[str, object]]) -> str:
    rows = [{key: report.csv_value(value) for key, value in record.items()} for record in records]
    return csv_text(list(records[0]), rows)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def _refuse_inputs(outputs: dict[str, str | None], inputs: Sequence[str]) -> None:
    """Refuse an output path that names one of the command's inputs (or a link to one)."""
    for option, target in outputs.items():
        if target is None or target == "-":
            continue
        if not target:
            raise InvalidInputError(f"{option} '': no file named; give a file name (or - )")
        for given in inputs:
            if _same_file(target, given):
                raise InvalidInputError(
                    f"{option} {_shown(target)}: that is an input file; rightsplan never "
                    "overwrites what it reads"
                )


def _shown(text: str, limit: int = 80) -> str:
    """Text from the command line for a message: quoted, escaped and at most ``limit`` long."""
    shown = printable(text, newlines=False)
    if len(shown) > limit:
        shown = f"{shown[: limit - 20]}...{shown[-10:]} ({len(text):,} characters)"
    return repr(shown) if shown != text or not shown or " " in shown else shown


def _terminal() -> bool:
    return sys.stdout is not None and sys.stdout.isatty()


def _emit(text: str) -> None:
    """Write ``text`` to standard output, escaping what a terminal would act on."""
    _stdout(printable(text))


def _unwritable(error: UnicodeEncodeError) -> str:
    return printable(error.object[error.start : error.end], newlines=False)


def _stdout(text: str) -> None:
    if sys.stdout is None:
        raise OutputFileError("-", "standard output is closed")
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError as error:
        raise InvalidInputError(
            f"standard output ({sys.stdout.encoding}) cannot hold {_unwritable(error)}; "
            "set PYTHONIOENCODING=utf-8, or give --output FILE"
        ) from None


def _deliver(text: str, output: str | None, *, option: str = "--output") -> None:
    """The command's report to standard output (no ``output``, or ``-``) or to a file.

    A file is written atomically (see :func:`rightsplan.io._files.write_atomically`): a
    symbolic link is followed, a device or named pipe is written to directly.
    """
    if output is None or output == "-":
        _stdout(text)
        return
    try:
        write_atomically(output, text)
    except OutputFileError as error:
        raise InvalidInputError(
            f"{option} {_shown(output)}: cannot write: {error.reason}"
        ) from None
    except UnicodeEncodeError as error:  # a lone surrogate that an input let through
        raise InvalidInputError(
            f"{option} {_shown(output)}: cannot write {_unwritable(error)} as UTF-8"
        ) from None


def _check(
    plan_path: str,
    holdings_path: str,
    *,
    on: pendulum.Date | None,
    warn_at: str,
    output_format: str,
    output: str | None,
) -> int:
    _refuse_inputs({"--output": output}, (plan_path, holdings_path))
    _one_standard_input(plan_path, holdings_path)
    plan = _read_plan(plan_path)
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
        text = _json_text([_record(h, a, flat=False) for h, a in rows])
    elif output_format == "csv":
        text = _csv([_record(h, a, flat=True) for h, a in rows])
    else:
        to_screen = output in (None, "-")
        colour = to_screen and _terminal() and not os.environ.get("NO_COLOR")
        width = _terminal_width() if to_screen else None
        text = _table(plan.company, rows, colour=colour, width=width, warn_at=warn_at)
    _deliver(text, output)
    triggered = any(a.status is Status.TRIGGERED for _, a in rows)
    return EXIT_TRIGGERED if triggered else EXIT_CLEAR


# --- history -------------------------------------------------------------------------------

_HISTORY_EPILOG = """\
EVENTS is an events file (.csv, .json or .jsonl; see docs/ownership-history.md): dated
acquisitions, dispositions, reported positions, shares outstanding, splits, passivity, groups,
board determinations, announcements and tender offers. The plan's amendments and the events
are replayed together, day by day.

Exit status: 0 when nobody became an Acquiring Person, 1 when someone did, 2 for bad input or
usage (including an inconsistent ledger or a date outside the business-day calendar; 70 for
an internal error, see 'rightsplan --help'). --output FILE may be - (standard output).

Examples:
  rightsplan history examples/innotrac/plan.toml examples/innotrac/events.csv
  rightsplan history examples/innotrac/plan.toml examples/innotrac/events-inadvertent.csv \\
      --format json --plot ipof.png
"""

_CALENDARS = {"new-york": calendars.new_york, "nyse": calendars.nyse}


def _add_history(commands: argparse._SubParsersAction[_Parser]) -> None:
    history = commands.add_parser(
        "history",
        help="replay an ownership history: each holder's periods, triggers and the clock",
        description=(
            "Replay a plan's amendments together with an events file and print, for each "
            "holder, the periods of its status (counted shares against the shares outstanding, "
            "and the limit in force with its source); then who became an Acquiring Person, "
            "when, under which rule and why, with the Shares Acquisition Date and the "
            "Distribution Date; tender offers; and warnings about amendments that favour an "
            "Acquiring Person."
        ),
        epilog=_HISTORY_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    history.add_argument("plan", metavar="PLAN", help="the plan file")
    history.add_argument("events", metavar="EVENTS", help="the events file (- for standard input)")
    history.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="table (default, for people) or json",
    )
    history.add_argument(
        "--plot",
        metavar="PNG",
        help=(
            "also draw each holder's holding against its limit to this file, .png, .svg or "
            ".pdf by its extension (- for standard output, with --output; needs matplotlib)"
        ),
    )
    history.add_argument(
        "--calendar",
        choices=tuple(_CALENDARS),
        default=None,
        help=(
            "business days for the Distribution Date: new-york (banks and NYSE) or nyse; by "
            "default new-york, and nyse alone before 1999 (noted in the report)"
        ),
    )
    history.add_argument(
        "--warn-at",
        default="0.9",
        type=_warn_at_argument,
        metavar="SHARE",
        help="warn at or above this share of the limit, like 0.9 or 90%% (default 0.9)",
    )
    _add_output(history)


_PICTURE_FORMATS = ("png", "svg", "pdf")


def _plot_format(plot: str, output: str | None) -> str:
    """The picture's format, from ``--plot``'s extension; ``-`` (standard output) is PNG."""
    if plot == "-":
        if output in (None, "-"):
            raise InvalidInputError(
                "--plot -: the report already goes to standard output; give --output FILE "
                "for the report, or a file name for the picture"
            )
        return "png"
    suffix = Path(plot).suffix.lower().lstrip(".")
    if os.path.isdir(plot):
        raise InvalidInputError(
            f"--plot {_shown(plot)}: is a folder; name a .png, .svg or .pdf file"
        )
    if suffix not in _PICTURE_FORMATS:
        raise InvalidInputError(
            f"--plot {_shown(plot)}: name the picture's format by its extension: .png, .svg or .pdf"
        )
    return suffix


def _plot(history: History, plot: str) -> None:
    """Draw the picture and write it, atomically, where ``--plot`` says; say where."""
    from rightsplan import plot as plotting

    figure = plotting.timeline(history)
    picture = io.BytesIO()
    try:
        figure.savefig(picture, format=_plot_format(plot, None if plot != "-" else "file"))
    except (ValueError, OSError) as error:  # pragma: no cover - matplotlib's own failure
        raise InvalidInputError(
            f"--plot {_shown(plot)}: cannot draw the picture: {error}"
        ) from None
    if plot == "-":
        binary = getattr(sys.stdout, "buffer", None)  # None: closed, or a text-only stream
        if binary is None:
            raise InvalidInputError(
                "--plot -: standard output takes no binary data here; name a file for the picture"
            )
        binary.write(picture.getvalue())
        return
    try:
        write_atomically(plot, picture.getvalue())
    except OutputFileError as error:
        raise InvalidInputError(f"--plot {_shown(plot)}: cannot write: {error.reason}") from None
    print(f"rightsplan: the picture is in {_shown(plot)}", file=sys.stderr)


def _iso(day: pendulum.Date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _headroom(period: StatusPeriod) -> int | None:
    """The rulebook's headroom: shares that may still be acquired (``None``: none can trigger)."""
    return period.status.headroom


def _period_record(holder: str, period: StatusPeriod) -> object:
    """One period of a holder's standing, as the JSON output gives it (grouped by holder)."""
    record = report.history_record(holder, period)
    del record["holder"]
    return report.json_value(record)


def _history_record(history: History, calendar: calendars.BusinessCalendar) -> dict[str, object]:
    """The whole replay as one JSON object."""
    return {
        "company": history.plan.company,
        "calendar": calendar.name,
        "holders": {
            name: [_period_record(name, period) for period in history.periods(name)]
            for name in history.holders()
        },
        "first_crossings": {
            name: _iso(history.first_crossing(name))
            for name in history.holders()
            if history.first_crossing(name) is not None
        },
        "near_matches": {
            name: list(near)
            for name, near in ((name, history.near_matches(name)) for name in history.holders())
            if near
        },
        "triggers": report.json_value(history.triggers().records()),
        "possible_triggers": [
            {
                "holder": possible.label,
                "holders": list(possible.holders),
                "on": possible.on.isoformat(),
                "rule": possible.limit.describe(),
                "source": possible.limit.source.cite(),
                "cause": possible.cause,
                "unknown": possible.why,
            }
            for possible in history.possible_triggers
        ],
        "tender_offers": [
            {
                "offeror": offer.offeror,
                "commenced": offer.commenced.isoformat(),
                "deferred": offer.deferred,
                "distribution_date": _iso(offer.distribution_date),
                "rights_end": offer.rights_end,
            }
            for offer in history.tender_offers
        ],
        "warnings": list(history.warnings),
        "notes": list(history.notes),
        "distribution_date": _iso(history.distribution_date()),
    }


def _columns(rows: list[tuple[str, ...]], numeric: set[int], indent: str) -> list[str]:
    rows = [tuple(printable(cell, newlines=False) for cell in row) for row in rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        indent
        + "  ".join(
            cell.rjust(widths[i]) if i in numeric else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ).rstrip()
        for row in rows
    ]


def _history_table(history: History, calendar: calendars.BusinessCalendar) -> str:
    sources: list[str] = []

    def note(source: str) -> str:
        if source not in sources:
            sources.append(source)
        return f"[{sources.index(source) + 1}]"

    events = len(history.ledger.events)
    lines = [
        f"{history.plan.company}: {plural(events, 'event')} replayed with the plan's amendments "
        f"(business days: {calendar.name})",
    ]
    header = ("FROM", "TO", "STATUS", "SHARES", "OUTSTANDING", "HOLDING", "LIMIT", "HEADROOM")
    for name in history.holders():
        lines.extend(["", name])
        periods = history.periods(name)
        if not periods:
            lines.append("  (no holding recorded)")
            continue
        rows: list[tuple[str, ...]] = [header]
        for period in periods:
            standing = period.status
            counted = standing.counted
            limit = standing.limit
            headroom = _headroom(period)
            rows.append(
                (
                    period.start.isoformat(),
                    period.end.isoformat() if period.end is not None else "onwards",
                    standing.status.value,
                    f"{counted.shares:,}" if counted is not None else "-",
                    f"{counted.outstanding:,}" if counted is not None else "-",
                    _rounded_down(counted.percent) if counted is not None else "-",
                    f"{limit.describe()} {note(limit.source.cite())}" if limit else "-",
                    f"{headroom:,}" if headroom is not None else "-",
                )
            )
        lines.extend(_columns(rows, {3, 4, 5, 7}, "  "))
        for period in periods:
            if period.status.status not in (Status.CLEAR, Status.WARNING):
                lines.append(f"  {period.start.isoformat()}: {period.status.reason}")
        crossing = history.first_crossing(name)
        if crossing is not None:
            lines.append(f"  First over its limit on {crossing.isoformat()}.")
        near = history.near_matches(name)
        if near:
            lines.append(
                f"  Note: not a name the plan uses, but close to "
                f"{' and '.join(printable(repr(other)) for other in near)}: check the spelling."
            )
    lines.extend(["", "Triggers"])
    if not history.triggers():
        lines.append("  Nobody became an Acquiring Person.")
    for trigger in history.triggers():
        clock = trigger.clock
        members = ""
        if trigger.holders != (trigger.label,):
            members = f" ({', '.join(trigger.holders)})"
        assumed = " (assumed: no announcement recorded)" if clock.assumed else " (announced)"
        unit = "business" if clock.business_days else "calendar"
        rule = (
            note(clock.rule_source.cite())
            if clock.rule_source is not None
            else "(rightsplan's default rule)"
        )
        lines.extend(
            [
                f"  {trigger.label}{members} became an Acquiring Person on "
                f"{trigger.on.isoformat()}: {trigger.cause}.",
                f"    Rule: {trigger.limit.describe()} {note(trigger.limit.source.cite())}",
                f"    Shares Acquisition Date: {clock.shares_acquisition_date.isoformat()}"
                f"{assumed}",
                f"    Distribution Date: {clock.distribution_date.isoformat()} "
                f"({clock.days} {unit} days later) {rule}"
                if clock.distribution_date is not None
                else f"    Distribution Date: none: {clock.describe()}",
            ]
        )
    if history.possible_triggers:
        lines.extend(["", "Possible triggers (uncertain: not triggers; exit status 0)"])
        lines.extend(f"  {possible.explain()}" for possible in history.possible_triggers)
    if history.tender_offers:
        lines.extend(["", "Tender offers"])
        for offer in history.tender_offers:
            if offer.deferred:
                outcome = "the board deferred the Distribution Date"
            elif offer.rights_end is not None:
                outcome = f"no Distribution Date: the rights are gone by then ({offer.rights_end})"
            elif offer.distribution_date is None:
                outcome = "no plan in force, no Distribution Date"
            else:
                outcome = f"Distribution Date {offer.distribution_date.isoformat()}"
            lines.append(f"  {offer.offeror}: commenced {offer.commenced.isoformat()}; {outcome}")
    if history.warnings:
        lines.extend(["", "Warnings"])
        lines.extend(f"  - {warning}" for warning in history.warnings)
    if history.notes:
        lines.extend(["", "Notes"])
        lines.extend(f"  - {note_text}" for note_text in history.notes)
    distribution = history.distribution_date()
    lines.extend(
        [
            "",
            "Distribution Date: "
            + (
                distribution.isoformat() + " (the earliest)"
                if distribution
                else "none"
                + (
                    " (the rights end before any trigger's Distribution Date)"
                    if history.triggers()
                    else ""
                )
            ),
        ]
    )
    if sources:
        lines.append("")
        lines.extend(f"[{number}] {source}" for number, source in enumerate(sources, start=1))
    lines.extend(["", "(HOLDING is rounded down to 4 decimals.)"])
    return "\n".join(lines) + "\n"


def _history(
    plan_path: str,
    events_path: str,
    *,
    output_format: str,
    plot: str | None,
    calendar_name: str | None,
    warn_at: str,
    output: str | None,
) -> int:
    _refuse_inputs({"--output": output, "--plot": plot}, (plan_path, events_path))
    _one_standard_input(plan_path, events_path)
    if plot is not None:
        _plot_format(plot, output)
    plan = _read_plan(plan_path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", FutureWarning)
        read = read_input(events_path, "events")
    for warning in caught:  # e.g. an events file spelling its date column "on"
        print(f"rightsplan: note: {printable(str(warning.message))}", file=sys.stderr)
    assert isinstance(read, Ledger)
    ledger = read
    events_path = STDIN_NAME if events_path == STDIN else events_path
    chosen = _CALENDARS[calendar_name]() if calendar_name is not None else None
    calendar = chosen if chosen is not None else calendars.new_york_or_nyse()
    try:
        history = replay(plan, ledger, calendar=chosen, warn_at=warn_at)
    except (LedgerError, calendars.CalendarRangeError) as error:
        raise InvalidInputError(f"{events_path}: {error}") from None
    except PlanHistoryError as error:  # e.g. a distribution rule no calendar can count
        raise InvalidInputError(str(error)) from None  # it names the plan file (Plan.origin)
    if plot is not None:
        _plot(history, plot)
    if output_format == "json":
        record = _history_record(history, calendar)
        text = json_safe(json.dumps(record, indent=2, ensure_ascii=False)) + "\n"
    else:
        text = printable(_history_table(history, calendar))
    _deliver(text, output)
    return EXIT_TRIGGERED if history.triggers() else EXIT_CLEAR


_DELEGATED_HELP = {
    "ingest": "read 8-K and 8-A filings and draft the plan changes they describe",
    "screen": "screen many positions against many plans at once (the 'screen' extra)",
}


def _delegated(command: str) -> Callable[[list[str]], int]:
    if command == "ingest":
        from rightsplan.edgar.cli import ingest_main

        return ingest_main
    from rightsplan.screening.cli import screen_main

    return screen_main


def _run(arguments: list[str]) -> int:
    if arguments and arguments[0] in _DELEGATED_HELP:
        return _delegated(arguments[0])(arguments[1:])
    args = _parser().parse_args(arguments)
    if args.command == "example":
        return _example(args.warn_at, output_format=args.format, output=args.output)
    if args.command == "validate":
        return _validate(args.plan, output_format=args.format, output=args.output)
    if args.command == "terms":
        return _terms(args.plan, args.on, args.format)
    if args.command == "check":
        return _check(
            args.plan,
            args.holdings,
            on=args.on,
            warn_at=args.warn_at,
            output_format=args.format,
            output=args.output,
        )
    if args.command == "history":
        return _history(
            args.plan,
            args.events,
            output_format=args.format,
            plot=args.plot,
            calendar_name=args.calendar,
            warn_at=args.warn_at,
            output=args.output,
        )
    raise AssertionError(f"unhandled command {args.command!r}")  # pragma: no cover


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
