"""What every command shares: exit statuses, ``-``, atomic outputs, terminal-safe text.

Standard input and output as ``-``, files written atomically, values read from the command
line, text from files made safe for a terminal.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from collections.abc import Sequence
from fractions import Fraction

import pendulum

from rightsplan import report
from rightsplan._printable import json_safe, printable
from rightsplan.assess import warn_ratio
from rightsplan.dates import to_date
from rightsplan.errors import (
    InvalidInputError,
    OutputFileError,
    RightsPlanError,
)
from rightsplan.io import Holding, load_events, load_holdings, load_plan
from rightsplan.io._files import MAX_FILE_BYTES, csv_text, write_atomically
from rightsplan.io.events import loads_events
from rightsplan.io.holdings import loads_holdings
from rightsplan.io.plans import loads_plan
from rightsplan.ledger import Ledger
from rightsplan.plan import Plan

__all__: list[str] = []

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


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors exit with status 2 and one clear line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


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


def read_plan(path: str) -> Plan:
    plan = read_input(path, "plan")
    assert isinstance(plan, Plan)
    return plan


def one_standard_input(*paths: str) -> None:
    if sum(path == STDIN for path in paths) > 1:
        raise InvalidInputError("only one input can be - (standard input); name the other files")


def terminal_width() -> int | None:
    """The width to fit tables to: the terminal's (or $COLUMNS), ``None`` when unknown."""
    if not (terminal() or os.environ.get("COLUMNS")):
        return None
    return shutil.get_terminal_size().columns


def argument_error(text: str, error: Exception, prefix: str) -> argparse.ArgumentTypeError:
    """A command-line value's error, the value shown escaped and at most 80 characters long."""
    message = str(error).removeprefix(prefix)
    if isinstance(error, RightsPlanError):
        for given in (repr(text), text):
            message = message.replace(given, shown(text))
    else:  # e.g. Python's limit on the digits of an integer's text
        message = f"cannot read {shown(text)}"
    return argparse.ArgumentTypeError(message)


def date_argument(text: str) -> pendulum.Date:
    try:
        return to_date(text, what="date")
    except (RightsPlanError, ValueError, OverflowError) as error:
        raise argument_error(text, error, "date: ") from None


def warn_at_argument(text: str) -> str:
    """``--warn-at``: a share of the limit (0.9, 90%), checked as it is read."""
    try:
        warn_ratio(text)
    except (RightsPlanError, ValueError, OverflowError) as error:
        raise argument_error(text, error, "warn_at: ") from None
    return text


def cik_argument(text: str) -> int:
    """``--cik``: EDGAR's Central Index Key, up to ten digits."""
    from rightsplan.edgar.fetch import parse_cik

    try:
        return parse_cik(text)
    except RightsPlanError as error:
        raise argparse.ArgumentTypeError(printable(str(error))) from None


def add_edgar_arguments(
    parser: argparse.ArgumentParser, what: str, of: str = "of"
) -> argparse._ArgumentGroup:
    """The options of a command that fetches ``what`` ``of`` a company from EDGAR, grouped.

    ``--cik`` or ``--ticker`` (one of them), ``--user-agent``, ``--cache-dir`` and
    ``--no-cache``, as :func:`rightsplan.edgar.fetch.open_client` takes them; the group is
    returned for a command's own options (``ingest --accession``).
    """
    group = parser.add_argument_group(
        "fetching from EDGAR", 'needs the edgar extra: pip install "rightsplan[edgar]"'
    )
    company = group.add_mutually_exclusive_group()
    company.add_argument("--cik", type=cik_argument, metavar="N", help=f"fetch {what} {of} CIK N")
    company.add_argument(
        "--ticker", metavar="T", help=f"fetch {what} {of} the company trading as T"
    )
    group.add_argument(
        "--user-agent",
        metavar="UA",
        help="who runs this, as EDGAR asks: 'Name email@example.com' "
        "(default: $RIGHTSPLAN_EDGAR_IDENTITY)",
    )
    group.add_argument(
        "--cache-dir",
        metavar="DIR",
        help="keep EDGAR's responses in DIR (default: the user's cache folder)",
    )
    group.add_argument(
        "--no-cache", action="store_true", help="neither read nor keep EDGAR's responses"
    )
    return group


def add_format(parser: argparse.ArgumentParser, choices: tuple[str, ...]) -> None:
    parser.add_argument(
        "--format",
        choices=choices,
        default=choices[0],
        help=f"{choices[0]} (default, for people) or json",
    )


def add_output(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE (atomically) instead of standard output (- is standard output)",
    )


def json_text(value: object) -> str:
    """A report as JSON text: dates as ISO text (:func:`rightsplan.report.json_value`)."""
    return json_safe(json.dumps(report.json_value(value), indent=2, ensure_ascii=False)) + "\n"


def rounded_down(value: Fraction, places: int = 4) -> str:
    """A holding for the table: rounded down, so that a holding below a limit never shows it."""
    whole, part = divmod(value.numerator * 10**places // value.denominator, 10**places)
    return f"{whole}.{part:0{places}d}%"


def csv_records(records: list[dict[str, object]]) -> str:
    rows = [{key: report.csv_value(value) for key, value in record.items()} for record in records]
    return csv_text(list(records[0]), rows)


def same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def refuse_inputs(outputs: dict[str, str | None], inputs: Sequence[str]) -> None:
    """Refuse an output path that names one of the command's inputs (or a link to one)."""
    for option, target in outputs.items():
        if target is None or target == "-":
            continue
        if not target:
            raise InvalidInputError(f"{option} '': no file named; give a file name (or - )")
        for given in inputs:
            if same_file(target, given):
                raise InvalidInputError(
                    f"{option} {shown(target)}: that is an input file; rightsplan never "
                    "overwrites what it reads"
                )


def shown(text: str, limit: int = 80) -> str:
    """Text from the command line for a message: quoted, escaped and at most ``limit`` long."""
    shown = printable(text, newlines=False)
    if len(shown) > limit:
        shown = f"{shown[: limit - 20]}...{shown[-10:]} ({len(text):,} characters)"
    return repr(shown) if shown != text or not shown or " " in shown else shown


def terminal() -> bool:
    return sys.stdout is not None and sys.stdout.isatty()


def emit(text: str) -> None:
    """Write ``text`` to standard output, escaping what a terminal would act on."""
    stdout(printable(text))


def unwritable(error: UnicodeEncodeError) -> str:
    return printable(error.object[error.start : error.end], newlines=False)


def stdout(text: str) -> None:
    if sys.stdout is None:
        raise OutputFileError("-", "standard output is closed")
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError as error:
        raise InvalidInputError(
            f"standard output ({sys.stdout.encoding}) cannot hold {unwritable(error)}; "
            "set PYTHONIOENCODING=utf-8, or give --output FILE"
        ) from None


def deliver(text: str, output: str | None, *, option: str = "--output") -> None:
    """The command's report to standard output (no ``output``, or ``-``) or to a file.

    A file is written atomically (see :func:`rightsplan.io._files.write_atomically`): a
    symbolic link is followed, a device or named pipe is written to directly.
    """
    if output is None or output == "-":
        stdout(text)
        return
    try:
        write_atomically(output, text)
    except OutputFileError as error:
        raise InvalidInputError(f"{option} {shown(output)}: cannot write: {error.reason}") from None
    except UnicodeEncodeError as error:  # a lone surrogate that an input let through
        raise InvalidInputError(
            f"{option} {shown(output)}: cannot write {unwritable(error)} as UTF-8"
        ) from None


def columns(rows: list[tuple[str, ...]], numeric: set[int], indent: str) -> list[str]:
    """Rows of cells as aligned text columns (``numeric`` columns right-aligned), escaped."""
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
