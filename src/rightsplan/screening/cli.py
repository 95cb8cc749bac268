"""``rightsplan screen PLANS_DIR POSITIONS -o results.parquet``.

Exit status: 0 when no position triggers a plan, 1 when any does, 2 for bad input or usage.
Errors are one line on standard error, never a traceback; the progress bar goes to standard
error, and only when it is a terminal.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

from rightsplan._printable import plural, printable
from rightsplan._progress import progress_bar
from rightsplan.cli._shell import argument_error, refuse_inputs, shown, warn_at_argument
from rightsplan.errors import OutputFileError, RightsPlanError
from rightsplan.screening._process import collector_off

if TYPE_CHECKING:
    from rightsplan.screening.polars_engine import Prepared

__all__ = ["screen_main"]

EXIT_CLEAR = 0
EXIT_TRIGGERED = 1
EXIT_USAGE = 2

_EPILOG = """\
POSITIONS is one or more Parquet (.parquet) or CSV (.csv) files with columns issuer (or
plan), holder, date, shares, outstanding and optionally passive, kind, rights_to_acquire,
rights_to_acquire_later and derivatives, and the holder's standing (standing: none,
grandfathered, buyback, inadvertent, acquiring-person or exempted; standing_since,
standing_shares, standing_until, standing_cap_percent, standing_cap_comparison; see
docs/screening.md). A holder over the general limit but within its own line is "excused":
not a trigger. PLANS_DIR holds one plan file per issuer, named ISSUER.toml (or .yaml,
.json). The positions are read in batches, so files larger than memory are fine.

Exit status: 0 when no position triggers a plan, 1 when any does, 2 for bad input or usage
(70 for an internal error; see 'rightsplan --help'). The plans, once read and prepared, are
kept in the user's cache folder (--cache-dir, --no-cache) under a key made of the plan
files' contents: an edited plan file is read afresh. -o/--output may not name a positions
file; --out is its old spelling, still accepted. On a terminal, progress (rows, rate and time
left) goes to standard error.

Examples:
  rightsplan screen plans/ positions-2024q4.parquet -o verdicts.parquet
  rightsplan screen plans/ positions.csv -o - --format json > verdicts.parquet
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="rightsplan screen",
        description=(
            "Screen many positions against many plans, exactly: one verdict per position "
            "(clear, warning, triggered, exempt, inactive, excused) with the binding limit, "
            "its source, the largest holding that does not trigger and the headroom, written "
            "to Parquet."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("plans", metavar="PLANS_DIR", help="directory of plan files")
    parser.add_argument("positions", metavar="POSITIONS", nargs="+", help="Parquet or CSV file(s)")
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=(
            "the verdicts, as Parquet, written atomically (a symbolic link is followed; - for "
            "standard output)"
        ),
    )
    parser.add_argument("--out", metavar="FILE", help="the old spelling of --output (deprecated)")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="the summary: text (default) or json (counts per status)",
    )
    parser.add_argument(
        "--warn-at",
        default="0.9",
        type=warn_at_argument,
        metavar="SHARE",
        help="warn at or above this share of the limit, like 0.9 or 90%% (default 0.9)",
    )
    parser.add_argument(
        "--cache-dir",
        metavar="DIR",
        help=(
            "where prepared plans are kept between runs, keyed by the plan files' contents "
            "(default: the user's cache folder, $XDG_CACHE_HOME/rightsplan or "
            "~/.cache/rightsplan on Linux)"
        ),
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="read and prepare the plans afresh, and keep nothing",
    )
    parser.add_argument(
        "--batch-rows",
        type=_batch_rows,
        default=1_000_000,
        metavar="N",
        help="positions read at a time (default 1,000,000)",
    )
    return parser


_MOST_BATCH_ROWS = 2**31 - 1
"""pyarrow counts a batch's rows in a 32-bit signed integer in places; no batch is larger."""


def _batch_rows(text: str) -> int:
    try:
        rows = int(text.replace(",", "").replace("_", ""))
    except ValueError as error:
        raise argument_error(text, error, "") from None
    if not 1 <= rows <= _MOST_BATCH_ROWS:
        raise argparse.ArgumentTypeError(
            f"expected a number of rows from 1 to {_MOST_BATCH_ROWS:,}, got {shown(text)}"
        )
    return rows


def _bar(stream: object) -> Callable[[int, int], None]:
    return progress_bar("screening", "rows")


def _plan_files(folder: str) -> list[str]:
    """The plan files in PLANS_DIR: inputs that --out may not name."""
    if not os.path.isdir(folder):
        return []
    suffixes = (".toml", ".yaml", ".yml", ".json")
    return [entry.path for entry in os.scandir(folder) if entry.name.lower().endswith(suffixes)]


@contextlib.contextmanager
def _destination(out: str) -> Iterator[str]:
    """Where the verdicts are written: ``out``, or with ``-`` a file copied to standard output."""
    if out != "-":
        yield out
        return
    with tempfile.TemporaryDirectory(prefix="rightsplan-screen-") as folder:
        written = os.path.join(folder, "verdicts.parquet")
        yield written
        with open(written, "rb") as verdicts:
            sys.stdout.flush()
            shutil.copyfileobj(verdicts, sys.stdout.buffer)
            sys.stdout.buffer.flush()


@contextlib.contextmanager
def _thawed() -> Iterator[None]:
    """Thaw what the command froze (:func:`_read_plans`) when it ends (it may run in-process).

    Unless objects were frozen before it began: those are left as their owner froze them.
    """
    frozen = gc.get_freeze_count()
    try:
        yield
    finally:
        if not frozen:
            gc.unfreeze()


def _read_plans(folder: str, *, warn_at: Fraction, cache: Path | None) -> Prepared:
    """The plans of ``folder`` read and prepared (or taken from the cache), out of sight.

    Reading and preparing thousands of plans makes millions of long-lived objects, in no
    cycles (a few hundred unreachable ones for 2,000 plans): left on, the collector walks
    them all, again and again as they are made (a third of the command's time for 2,000
    plan files, without the cache), and in every full collection after. So the collector is
    off meanwhile, and the objects are then frozen out of its sight; the command thaws them
    when it ends (:func:`_thawed`).
    """
    from rightsplan.screening._cache import prepared_plans

    with collector_off(freeze=True):
        return prepared_plans(folder, warn_at=warn_at, cache=cache)


def screen_main(argv: list[str]) -> int:
    """Run ``rightsplan screen`` with ``argv`` (the arguments after ``screen``)."""
    parser = _parser()
    args = parser.parse_args(argv)
    from rightsplan.assess import warn_ratio
    from rightsplan.screening._cache import cache_folder
    from rightsplan.screening.api import screen_prepared_parquet

    if args.out is not None:
        if args.output is not None:
            parser.error("give -o/--output only (--out is its old spelling)")
        print(
            "rightsplan screen: note: --out is now -o/--output; --out will be removed",
            file=sys.stderr,
        )
        args.output = args.out
    if args.output is None:
        parser.error("the following arguments are required: -o/--output")
    args.out = args.output
    try:
        refuse_inputs({"--output": args.out}, [*args.positions, *_plan_files(args.plans)])
    except RightsPlanError as error:
        print(f"rightsplan screen: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    progress = _bar(sys.stderr) if sys.stderr.isatty() else None
    cache = None if args.no_cache else cache_folder(args.cache_dir)
    try:
        with _destination(args.out) as out, _thawed():
            counts = screen_prepared_parquet(
                lambda: _read_plans(args.plans, warn_at=warn_ratio(args.warn_at), cache=cache),
                args.positions,
                out,
                batch_rows=args.batch_rows,
                progress=progress,
            )
    except OutputFileError as error:
        print(
            f"rightsplan screen: error: --output {shown(args.out)}: cannot write: {error.reason}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    except RightsPlanError as error:
        message = printable(str(error).replace("\n", "; "), newlines=False)
        print(f"rightsplan screen: error: {message}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:
        print(f"rightsplan screen: error: {printable(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    summary = ", ".join(f"{count:,} {status}" for status, count in counts.items() if count)
    total = sum(counts.values())
    if args.format == "json":
        text = json.dumps({"output": args.out, "positions": total, "statuses": counts}) + "\n"
    else:
        text = f"{shown(args.out)}: {plural(total, 'position')} screened: {summary}\n"
    # With -o -, the verdicts are standard output: the summary goes to standard error.
    (sys.stderr if args.out == "-" else sys.stdout).write(text)
    return EXIT_TRIGGERED if counts.get("triggered") else EXIT_CLEAR
