"""``rightsplan screen PLANS_DIR POSITIONS --out results.parquet``.

Exit status: 0 when no position triggers a plan, 1 when any does, 2 for bad input or usage.
Errors are one line on standard error, never a traceback; the progress bar goes to standard
error, and only when it is a terminal.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from rightsplan.errors import RightsPlanError

__all__ = ["screen_main"]

EXIT_CLEAR = 0
EXIT_TRIGGERED = 1
EXIT_USAGE = 2

_EPILOG = """\
POSITIONS is one or more Parquet files with columns issuer (or plan), holder, date, shares,
outstanding and optionally passive, kind, rights_to_acquire, rights_to_acquire_later and
derivatives, and the holder's standing (standing: none, grandfathered, buyback, inadvertent,
acquiring-person or exempted; standing_since, standing_shares, standing_until,
standing_cap_percent, standing_cap_comparison; see docs/screening.md). A holder over the
general limit but within its own line is "excused": not a trigger. PLANS_DIR holds one plan
file per issuer, named ISSUER.toml (or .yaml, .json). The positions are read in batches, so
files larger than memory are fine.

Exit status: 0 when no position triggers a plan, 1 when any does, 2 for bad input or usage.

Example:
  rightsplan screen plans/ positions-2024q4.parquet --out verdicts.parquet
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
    parser.add_argument("positions", metavar="POSITIONS", nargs="+", help="Parquet file(s)")
    parser.add_argument("--out", required=True, metavar="FILE", help="the verdicts, as Parquet")
    parser.add_argument(
        "--warn-at",
        default="0.9",
        metavar="SHARE",
        help="warn at or above this share of the limit, like 0.9 or 90%% (default 0.9)",
    )
    parser.add_argument(
        "--batch-rows",
        type=int,
        default=1_000_000,
        metavar="N",
        help="positions read at a time (default 1,000,000)",
    )
    return parser


def _bar(stream: object) -> Callable[[int, int], None]:
    def show(done: int, total: int) -> None:
        width = 30
        filled = width * done // max(total, 1)
        text = f"\rscreening [{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,}"
        sys.stderr.write(text + ("\n" if done >= total else ""))
        sys.stderr.flush()

    return show


def screen_main(argv: list[str]) -> int:
    """Run ``rightsplan screen`` with ``argv`` (the arguments after ``screen``)."""
    args = _parser().parse_args(argv)
    try:
        from rightsplan.screen.api import screen_parquet
    except ImportError as error:  # pragma: no cover - only without the extra
        print(
            f"rightsplan screen: error: needs the screen extra (pip install "
            f"'rightsplan[screen]'): {error}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    progress = _bar(sys.stderr) if sys.stderr.isatty() else None
    try:
        counts = screen_parquet(
            args.plans,
            args.positions,
            args.out,
            warn_at=args.warn_at,
            batch_rows=args.batch_rows,
            progress=progress,
        )
    except RightsPlanError as error:
        print(f"rightsplan screen: error: {error}".replace("\n", "; "), file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:
        print(f"rightsplan screen: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    summary = ", ".join(f"{count:,} {status}" for status, count in counts.items() if count)
    print(f"{args.out}: {sum(counts.values()):,} position(s) screened: {summary}")
    return EXIT_TRIGGERED if counts.get("triggered") else EXIT_CLEAR
