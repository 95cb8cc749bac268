"""Benchmark rp.screen against its floor and against a per-row assess loop.

Run it with the screen extra installed::

    python benchmarks/screen_bench.py               # 10 million positions, 2,000 plans
    python benchmarks/screen_bench.py --rows 1000000

It prints one line per figure: whether the per-row work runs compiled (numba) or as numpy;
rows per second for ``screen`` (positions with categorical
issuer/holder columns, as Parquet's dictionary columns load; with plain text columns; and
with Enum columns, integer codes over a fixed category list, the closest to the floor's
pre-joined integer arrays; and, when numba is installed, also without it);
(a) the floor, a plain numpy comparison of pre-joined arrays (no join, no exactness work);
(b) a per-row ``rp.assess`` loop on a sample, extrapolated; the process's peak memory;
``screen_parquet`` streaming the positions from a Parquet file to a Parquet file of verdicts,
in a process of its own, with that process's peak memory; and ``rp.assess`` calls per second
on a plan with 20 amendments.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import subprocess
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

import numpy as np
import polars as pl

import rightsplan as rp
from rightsplan.screening import kernel, screen, screen_parquet

PERCENTS = ("4.99", "10", "15", "20", "33 1/3", "4.75", "25")


def make_plans(count: int, rng: np.random.Generator) -> dict[str, rp.Plan]:
    """``count`` plans, each with 3 amendments (4 periods): thresholds, an exception, a tier."""
    plans = {}
    for index in range(count):
        dated = dt.date(2000, 1, 3) + dt.timedelta(days=int(rng.integers(0, 3000)))
        general = PERCENTS[int(rng.integers(0, len(PERCENTS)))]
        agreement = rp.RightsAgreement(
            company=f"Issuer {index}",
            dated=dated,
            provisions=(
                rp.SetThreshold(percent=general, comparison=rp.Comparison.AT_LEAST),
                *rp.standard_exempt_persons(),
            ),
        )
        day = dated
        amendments = []
        changes: list[tuple[rp.Change, ...]] = [
            (rp.SetPassiveTier(percent="40", comparison=rp.Comparison.AT_LEAST),),
            (
                rp.AddException(
                    holder=f"Holder {int(rng.integers(0, 1000))}",
                    percent="45",
                    comparison=rp.Comparison.MORE_THAN,
                    requires_passive=True,
                ),
            ),
            (rp.SetThreshold(percent="10", comparison=rp.Comparison.MORE_THAN),),
        ]
        for number, change in enumerate(changes, start=1):
            day = day + dt.timedelta(days=int(rng.integers(30, 700)))
            amendments.append(rp.Amendment(number=number, executed=day, changes=change))
        plans[f"ISS{index:05d}"] = rp.Plan(agreement, amendments)
    return plans


HOLDERS = [f"Holder {i}" for i in range(50_000)]


def make_positions(rows: int, issuers: list[str], rng: np.random.Generator) -> pl.DataFrame:
    holders = np.array(HOLDERS)
    outstanding = rng.integers(1_000_000, 10**12, rows)
    shares = (outstanding * rng.random(rows) * 0.5).astype(np.int64)
    days = rng.integers(
        (dt.date(1999, 1, 1) - dt.date(1970, 1, 1)).days,
        (dt.date(2016, 1, 1) - dt.date(1970, 1, 1)).days,
        rows,
    )
    return pl.DataFrame(
        {
            "issuer": pl.Series(np.array(issuers)[rng.integers(0, len(issuers), rows)]).cast(
                pl.Categorical
            ),
            "holder": pl.Series(holders[rng.integers(0, holders.size, rows)]).cast(pl.Categorical),
            "date": pl.Series(days.astype(np.int32)).cast(pl.Date),
            "shares": shares,
            "outstanding": outstanding,
            "passive": rng.random(rows) < 0.3,
        }
    )


def timed(function, repeat: int = 1):  # type: ignore[no-untyped-def]
    best = float("inf")
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


def numpy_floor(joined: pl.DataFrame) -> float:
    shares = joined["shares"].to_numpy()
    outstanding = joined["outstanding"].to_numpy()
    num = joined["num"].to_numpy()
    unit = joined["unit"].to_numpy()

    def run() -> tuple[np.ndarray, ...]:
        line = num * outstanding
        held = shares * unit
        triggered = held >= line
        warning = held * 10 >= line * 9
        max_shares = line // unit
        return triggered, warning, max_shares, max_shares - shares

    seconds: float = timed(run, repeat=3)[0]
    return seconds


def assess_rate(plans: dict[str, rp.Plan], positions: pl.DataFrame, sample: int) -> float:
    rows = positions.head(sample).with_columns(pl.col("issuer", "holder").cast(pl.String))
    data = rows.rows()
    start = time.perf_counter()
    for issuer, holder, day, shares, outstanding, passive in data:
        rp.assess(plans[issuer], rp.Position(holder, shares, outstanding, passive=passive), on=day)
    return sample / (time.perf_counter() - start)


def twenty_amendments() -> rp.Plan:
    agreement = rp.RightsAgreement(
        company="Amended Corp",
        dated="2000-01-03",
        provisions=(
            rp.SetThreshold(percent="15", comparison=rp.Comparison.AT_LEAST),
            *rp.standard_exempt_persons(),
        ),
    )
    day = dt.date(2000, 1, 3)
    amendments = []
    for number in range(1, 21):
        day += dt.timedelta(days=90)
        percent = Fraction(10 + number % 7) + Fraction(number, 100)
        amendments.append(
            rp.Amendment(
                number=number,
                executed=day,
                changes=(rp.SetThreshold(percent=percent, comparison=rp.Comparison.AT_LEAST),),
            )
        )
    return rp.Plan(agreement, amendments)


def own_peak_memory() -> float:
    """This process's peak resident memory in GB, since it started its own program.

    Read from ``VmHWM`` (Linux), which a new program starts afresh; ``ru_maxrss`` would
    include the memory of the parent it was forked from.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024**2
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2


def streamed(positions: pl.DataFrame, args: argparse.Namespace) -> None:
    """Time ``screen_parquet`` on the positions written to Parquet, in a process of its own.

    Its own process, so that its peak memory is its own: the batches' (a million rows at a
    time), not the whole input's.
    """
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "positions.parquet"
        positions.write_parquet(source, row_group_size=1_000_000)
        size = source.stat().st_size / 1024**2
        command = [sys.executable, __file__, "--plans", str(args.plans)]
        command += ["--stream-child", str(source), str(Path(folder) / "verdicts.parquet")]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
    seconds, peak = (float(word) for word in done.stdout.split()[-2:])
    print(
        f"screen_parquet, {size:,.0f} MB Parquet file to a Parquet file of verdicts, "
        f"1,000,000-row batches (intervals built beforehand): {args.rows / seconds:,.0f} "
        f"rows/s ({seconds:.2f} s), "
        f"peak memory of its process {peak:.2f} GB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000, help="positions (10 million)")
    parser.add_argument("--plans", type=int, default=2_000, help="plans (2,000)")
    parser.add_argument("--sample", type=int, default=20_000, help="rows for the assess loop")
    parser.add_argument(
        "--stream-child", nargs=2, metavar=("POSITIONS", "OUT"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    rng = np.random.default_rng(20031124)
    plans = make_plans(args.plans, rng)
    if args.stream_child:  # the streaming figure's own process (see streamed() below)
        screen(plans, make_positions(10, sorted(plans), rng))  # intervals built, loop loaded
        start = time.perf_counter()
        screen_parquet(plans, args.stream_child[0], args.stream_child[1])
        print(time.perf_counter() - start, own_peak_memory())
        return
    positions = make_positions(args.rows, sorted(plans), rng)
    print(f"data: {args.rows:,} positions, {args.plans:,} plans with 4-period histories")

    engine = "compiled loop (numba)" if kernel.available() else "numpy path (numba not used)"
    print(f"per-row work: {engine}")
    cold, _ = timed(lambda: screen(plans, positions))
    print(
        f"screen, first call (the plans' intervals built, then cached), categorical columns: "
        f"{args.rows / cold:,.0f} rows/s ({cold:.2f} s)"
    )
    seconds, result = timed(lambda: screen(plans, positions), repeat=3)
    rate = args.rows / seconds
    print(f"screen (categorical columns): {rate:,.0f} rows/s ({seconds:.2f} s)")
    text = positions.with_columns(pl.col("issuer", "holder").cast(pl.String))
    text_seconds, _ = timed(lambda: screen(plans, text), repeat=3)
    print(f"screen (text columns): {args.rows / text_seconds:,.0f} rows/s ({text_seconds:.2f} s)")
    # Integer-coded inputs, like the floor's: Enum columns (a fixed category list per column).
    coded = positions.with_columns(
        pl.col("issuer").cast(pl.String).cast(pl.Enum(sorted(plans))),
        pl.col("holder").cast(pl.String).cast(pl.Enum(HOLDERS)),
    )
    coded_seconds, _ = timed(lambda: screen(plans, coded), repeat=3)
    print(
        f"screen (Enum-coded columns): {args.rows / coded_seconds:,.0f} rows/s "
        f"({coded_seconds:.2f} s)"
    )

    numpy_seconds = float("nan")
    if kernel.available():  # the same screening without numba, for those who have none
        os.environ["RIGHTSPLAN_NO_JIT"] = "1"
        numpy_seconds, _ = timed(lambda: screen(plans, positions), repeat=3)
        del os.environ["RIGHTSPLAN_NO_JIT"]
        print(
            f"screen, numpy path (RIGHTSPLAN_NO_JIT=1), categorical columns: "
            f"{args.rows / numpy_seconds:,.0f} rows/s ({numpy_seconds:.2f} s)"
        )

    # Pre-join the limits (not timed): the floor's inputs.
    from rightsplan.screening.exact import constants

    limits = result.select("limit", "comparison").unique().drop_nulls()
    limits = limits.with_columns(
        pl.Series(
            "num",
            [rp.to_percent(str(limit)).numerator for limit in limits["limit"]],
            dtype=pl.Int64,
        ),
        pl.Series(
            "unit",
            [
                constants(
                    rp.to_percent(str(limit)), rp.Comparison(str(comparison)), Fraction(9, 10)
                ).unit
                for limit, comparison in limits.iter_rows()
            ],
            dtype=pl.Int64,
        ),
    )
    joined = (
        result.filter(pl.col("limit").is_not_null())
        .select("shares", "outstanding", "limit", "comparison")
        .join(limits, on=["limit", "comparison"], how="left", maintain_order="left")
        .select("shares", "outstanding", "num", "unit")
    )
    del result
    floor_seconds = numpy_floor(joined) * args.rows / max(joined.height, 1)
    floor_rate = args.rows / floor_seconds
    print(f"numpy floor (pre-joined arrays): {floor_rate:,.0f} rows/s ({floor_seconds:.2f} s)")
    print(
        f"screen / floor time ratio: {seconds / floor_seconds:.2f}x categorical, "
        f"{text_seconds / floor_seconds:.2f}x text, {coded_seconds / floor_seconds:.2f}x Enum-coded"
        + (
            f", {numpy_seconds / floor_seconds:.2f}x numpy path (categorical)"
            if numpy_seconds == numpy_seconds
            else ""
        )
    )

    loop_rate = assess_rate(plans, positions, args.sample)
    print(
        f"per-row assess loop ({args.sample:,}-row sample, extrapolated): {loop_rate:,.0f} "
        f"rows/s ({args.rows / loop_rate:,.0f} s for all rows)"
    )
    print(
        f"screen speed-up over the per-row loop: {rate / loop_rate:,.0f}x categorical, "
        f"{args.rows / text_seconds / loop_rate:,.0f}x text, "
        f"{args.rows / coded_seconds / loop_rate:,.0f}x Enum-coded"
    )

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2
    print(f"peak memory (whole process, data included): {peak:.2f} GB")
    streamed(positions, args)

    plan = twenty_amendments()
    position = rp.Position("Some Fund", 1_500_000, 10_000_000)
    days = [dt.date(2000, 1, 3) + dt.timedelta(days=int(d)) for d in rng.integers(0, 2400, 1000)]
    calls = 100_000
    start = time.perf_counter()
    for index in range(calls):
        rp.assess(plan, position, on=days[index % 1000])
    per_second = calls / (time.perf_counter() - start)
    print(f"assess on a plan with 20 amendments: {per_second:,.0f} calls/s")


if __name__ == "__main__":
    main()
