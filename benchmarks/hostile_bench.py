"""Benchmark the readers on hostile input: each case's time against an ordinary document's.

Run it from the repository root::

    python benchmarks/hostile_bench.py               # the sizes the tests use
    python benchmarks/hostile_bench.py --scale 0.1   # a tenth of them

The cases are those of ``tests/hostile.py`` (the tests check each one's answer; no test
asserts a time). For each case it prints the characters read, the time (best of ``--repeat``)
and the cost per character as a multiple of the same reader's on an ordinary document, timed
in the same process: the Innotrac seed 8-K for the filing reader, a real Schedule 13D for the
ownership-report reader. A multiple near 1 means the case costs what ordinary text costs; a
pattern that backtracked would show hundreds or thousands.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests import hostile  # noqa: E402

from rightsplan.edgar import draft as draft_module  # noqa: E402
from rightsplan.edgar import draft_filing, parse_filing  # noqa: E402
from rightsplan.errors import FilingError  # noqa: E402
from rightsplan.reports import parse_report, read_report  # noqa: E402


def best(action: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs of ``action``, in seconds (a refusal is an answer too)."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        with contextlib.suppress(FilingError):
            action()
        times.append(time.perf_counter() - started)
    return min(times)


def draft_text(text: str) -> None:
    """Parse and draft one filing's text."""
    draft_filing(parse_filing(text, name="bench.txt"))


def line(label: str, chars: int, seconds: float, per_char: float) -> str:
    """One case: its size, its time and its cost per character against the ordinary one."""
    ratio = seconds / chars / per_char
    return f"{label}: {chars:,} characters, {seconds:.3f} s, {ratio:,.1f}x ordinary per character"


def filings(scale: float, repeat: int) -> None:
    """The filing reader: a large filing of near-misses, long runs, a letter's blanks."""
    seed = hostile.SEED.read_text("utf-8")
    ordinary = best(lambda: draft_text(seed), max(repeat, 5)) / len(seed)
    print(
        f"filing reader, ordinary: the seed 8-K, {len(seed):,} characters, "
        f"{ordinary * 1e6:.2f} µs a character"
    )
    large = hostile.large_filing(int(2_000_000 * scale))
    took = best(lambda: draft_text(large), repeat)
    print(line("near-misses inside an 8-K's Item 5", len(large), took, ordinary))
    for unit, text in hostile.runs(int(200_000 * scale)):
        took = best(lambda text=text: draft_text(text), repeat)  # type: ignore[misc]
        print(line(f"a run of {unit!r}", len(text), took, ordinary))
    for blanks in hostile.LETTER_BLANKS:
        subject = "Re:" + blanks
        took = best(lambda s=subject: draft_module._LETTER.search(s, 0, 3000), repeat)  # type: ignore[misc]
        print(f"a letter's subject pattern on {subject[:6]!r}...: {took * 1e6:,.0f} µs")


def reports(scale: float, repeat: int) -> None:
    """The ownership-report reader: deep markup, label floods, a file over the size limit."""
    report = hostile.REPORT.read_text("utf-8")
    usual = best(lambda: parse_report(report, name="bench"), max(repeat, 5)) / len(report)
    print(
        f"ownership-report reader, ordinary: a Schedule 13D, {len(report):,} characters, "
        f"{usual * 1e6:.2f} µs a character"
    )
    for kind, markup in hostile.hostile_reports(scale):
        took = best(lambda markup=markup: parse_report(markup, name="bench"), repeat)  # type: ignore[misc]
        print(line(kind, len(markup), took, usual))
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "big.txt"
        size = max(17 * 2**20, int(20_000_000 * scale))  # over the 16 MiB limit at any scale
        big.write_bytes(b"SCHEDULE 13D\n" + b"a" * size)
        took = best(lambda: read_report(big), repeat)
        print(f"a {size / 2**20:.0f} MiB file refused from its size: {took:.3f} s")


def main(argv: list[str] | None = None) -> int:
    """Time every hostile case against an ordinary document of its reader."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="case sizes (1: the tests')")
    parser.add_argument("--repeat", type=int, default=3, help="runs per case; the best is shown")
    args = parser.parse_args(argv)
    filings(args.scale, args.repeat)
    reports(args.scale, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
