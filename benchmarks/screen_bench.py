"""Benchmark rp.screen against its floor, the range joins a user would write, and assess.

Run it with the screen and duckdb extras installed::

    python benchmarks/screen_bench.py                    # 1 million positions, 2,000 plans
    python benchmarks/screen_bench.py --rows 10000000    # 10 million (about 8 GB at peak)
    python benchmarks/screen_bench.py --peers-only       # the floor and peer comparison only

The comparison runs in rounds, in one process: in each, for categorical, Enum and text
issuer/holder columns, ``rp.screen`` (best of ``--repeat`` calls), the numpy floor, and two
peers over a plan-period table (``peers.py``: a DuckDB range join and a polars one, exact
integers, the general rule, the passive tier and named exceptions), each peer's verdicts
checked against ``rp.screen``'s row for row; then the spread of the ratios over the rounds.
The first call (plans prepared, compiled loop loaded) is timed apart. Then:

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
import importlib.util
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


def measured(function, repeat: int = 1):  # type: ignore[no-untyped-def]
    """``(best wall seconds, best CPU seconds, result)`` over ``repeat`` calls.

    CPU time (all the process's threads) is the steadier figure on a shared machine: it
    leaves out the time spent waiting for a core that another tenant holds.
    """
    wall = cpu = float("inf")
    result = None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = function()
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    return wall, cpu, result


FLOOR_CPU: list[float] = []
"""The floor's CPU seconds, per measurement (for the same rows as its wall time)."""


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
    FLOOR_CPU.append(measured(run, repeat=3)[1])
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


def with_named_holders(
    positions: pl.DataFrame, plans: dict[str, rp.Plan], rng: np.random.Generator, share: float
) -> pl.DataFrame:
    """``positions`` with ``share`` of the rows held by the holder their issuer's plan names."""
    named = {
        issuer: next(
            (e.holder for period in plan.timeline() for e in period.terms.exceptions), None
        )
        for issuer, plan in plans.items()
    }
    mapping = pl.DataFrame(
        {"issuer": list(named), "_named": list(named.values())},
        schema={"issuer": pl.String, "_named": pl.String},
    )
    chosen = pl.Series(rng.random(positions.height) < share)
    return (
        positions.with_columns(pl.col("issuer").cast(pl.String), pl.col("holder").cast(pl.String))
        .join(mapping, on="issuer", how="left", maintain_order="left")
        .with_columns(
            pl.when(chosen & pl.col("_named").is_not_null())
            .then(pl.col("_named"))
            .otherwise(pl.col("holder"))
            .alias("holder")
        )
        .drop("_named")
        .with_columns(pl.col("issuer", "holder").cast(pl.Categorical))
    )


def floor_time(result: pl.DataFrame, rows: int) -> tuple[float, float]:
    """The numpy floor's wall and CPU time for ``rows`` rows: pre-joined arrays compared."""
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
    scale = rows / max(joined.height, 1)
    return numpy_floor(joined) * scale, FLOOR_CPU[-1] * scale


def ratio(over: list[float], under: list[float]) -> str:
    """The spread of ``over[i] / under[i]``, as ``low–highx``."""
    return spread([a / b for a, b in zip(over, under, strict=True)]) + "x"


def spread(values: list[float]) -> str:
    """``low–high`` (or the one value) with two decimals."""
    low, high = min(values), max(values)
    return (
        f"{low:.2f}"
        if len(values) == 1 or f"{low:.2f}" == f"{high:.2f}"
        else f"{low:.2f}–{high:.2f}"
    )


def compare_with_peers(
    plans: dict[str, rp.Plan], positions: pl.DataFrame, args: argparse.Namespace
) -> None:
    """rp.screen against the floor and the peers, per input form, in rounds; checked rows."""
    import duckdb
    import peers

    start = time.perf_counter()
    periods = peers.period_table(plans)
    print(
        f"plan-period table for the peers: {periods.height:,} rows "
        f"(built in {time.perf_counter() - start:.2f} s, not timed below)"
    )
    forms = {
        "categorical": positions,
        "Enum": positions.with_columns(
            pl.col("issuer").cast(pl.String).cast(pl.Enum(sorted(plans))),
            pl.col("holder")
            .cast(pl.String)
            .cast(pl.Enum(sorted(set(positions["holder"].cast(pl.String))))),
        ),
        "text": positions.with_columns(pl.col("issuer", "holder").cast(pl.String)),
    }
    connection = duckdb.connect()
    figures = ("screen", "screen cpu", "polars", "polars cpu", "duckdb", "duckdb cpu")
    seconds_of = {form: {figure: [] for figure in figures} for form in forms}
    floors: list[float] = []
    floors_cpu: list[float] = []
    joins: list[float] = []
    joins_cpu: list[float] = []
    join_floor = None
    if importlib.util.find_spec("numba") is not None:
        join_floor = peers.JoinFloor(positions, periods)  # encoded before timing, like the floor
        join_floor.run()  # compiled
    else:
        print("join floor: not measured (numba is not installed)")
    for number in range(1, args.rounds + 1):
        for form, frame in forms.items():
            took, took_cpu, result = measured(
                lambda frame=frame: screen(plans, frame), repeat=args.repeat
            )
            if form == "categorical":
                floor, floor_cpu = floor_time(result, frame.height)
                floors.append(floor)
                floors_cpu.append(floor_cpu)
                if join_floor is not None:
                    join_seconds, join_cpu, _ = measured(join_floor.run, repeat=args.repeat)
                    joins.append(join_seconds)
                    joins_cpu.append(join_cpu)
                    wrong = peers.disagreements(join_floor.verdicts(), result)
                    if wrong:
                        raise SystemExit(f"the join floor disagrees with rp.screen on {wrong} rows")
            polars_seconds, polars_cpu, polars_result = measured(
                lambda frame=frame: peers.polars_peer(frame, periods), repeat=args.repeat
            )
            duckdb_seconds, duckdb_cpu, duckdb_result = measured(
                lambda frame=frame: peers.duckdb_peer(connection, frame, periods),
                repeat=args.repeat,
            )
            for name, peer in (("polars", polars_result), ("DuckDB", duckdb_result)):
                wrong = peers.disagreements(peer, result)
                if wrong:
                    raise SystemExit(f"the {name} peer disagrees with rp.screen on {wrong} rows")
            del result, polars_result, duckdb_result
            for figure, value in zip(
                figures,
                (took, took_cpu, polars_seconds, polars_cpu, duckdb_seconds, duckdb_cpu),
                strict=True,
            ):
                seconds_of[form][figure].append(value)
            print(
                f"round {number}, {form} columns: screen {took:.3f} s "
                f"(CPU {took_cpu:.3f} s) = {took / floors[-1]:.2f}x the floor "
                f"({floors[-1]:.3f} s; CPU {took_cpu / floors_cpu[-1]:.2f}x), "
                + (
                    f"{took / joins[-1]:.2f}x the join floor ({joins[-1]:.3f} s; CPU "
                    f"{took_cpu / joins_cpu[-1]:.2f}x); "
                    if joins
                    else ""
                )
                + f"polars range join "
                f"{polars_seconds:.3f} s ({polars_seconds / took:.2f}x screen; CPU "
                f"{polars_cpu / took_cpu:.2f}x), DuckDB range join {duckdb_seconds:.3f} s "
                f"({duckdb_seconds / took:.2f}x screen; CPU {duckdb_cpu / took_cpu:.2f}x)"
            )
    print(
        "every peer's and the join floor's status and max_shares agree with rp.screen's, "
        "row for row, every round"
    )
    print(
        f"summary over {args.rounds} round(s) of best-of-{args.repeat}, {positions.height:,} rows "
        f"(floor {spread(floors)} s, CPU {spread(floors_cpu)} s"
        + (
            f"; join floor {spread(joins)} s, CPU {spread(joins_cpu)} s, "
            f"{ratio(joins, floors)} the floor"
            if joins
            else ""
        )
        + "); wall time, CPU time in brackets:"
    )
    print(
        "| input | screen s | screen / floor | screen / join floor | polars range join / screen "
        "| DuckDB range join / screen |"
    )
    print("| --- | --- | --- | --- | --- | --- |")
    for form in forms:
        mine = seconds_of[form]
        wall, cpu = mine["screen"], mine["screen cpu"]

        print(
            f"| {form} | {spread(wall)} ({spread(cpu)}) | {ratio(wall, floors)} "
            f"({ratio(cpu, floors_cpu)}) | "
            + (f"{ratio(wall, joins)} ({ratio(cpu, joins_cpu)})" if joins else "not measured")
            + f" | {ratio(mine['polars'], wall)} "
            f"({ratio(mine['polars cpu'], cpu)}) | {ratio(mine['duckdb'], wall)} "
            f"({ratio(mine['duckdb cpu'], cpu)}) |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--rows",
        type=int,
        default=1_000_000,
        help="positions (1 million; 10 million: --rows 10000000)",
    )
    parser.add_argument("--plans", type=int, default=2_000, help="plans (2,000)")
    parser.add_argument("--sample", type=int, default=20_000, help="rows for the assess loop")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the peer comparison (3)")
    parser.add_argument("--repeat", type=int, default=3, help="calls per figure, best kept (3)")
    parser.add_argument(
        "--named", type=float, default=0.01, help="share of rows held by a plan's named holder"
    )
    parser.add_argument(
        "--peers-only", action="store_true", help="only the floor and peer comparison"
    )
    parser.add_argument(
        "--stream-child", nargs=2, metavar=("POSITIONS", "OUT"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    rng = np.random.default_rng(20031124)
    start = time.perf_counter()
    plans = make_plans(args.plans, rng)
    made = time.perf_counter() - start
    if args.stream_child:  # the streaming figure's own process (see streamed() below)
        screen(plans, make_positions(10, sorted(plans), rng))  # intervals built, loop loaded
        start = time.perf_counter()
        screen_parquet(plans, args.stream_child[0], args.stream_child[1])
        print(time.perf_counter() - start, own_peak_memory())
        return
    positions = with_named_holders(
        make_positions(args.rows, sorted(plans), rng), plans, rng, args.named
    )
    print(
        f"data: {args.rows:,} positions ({args.named:.0%} held by a plan's named holder), "
        f"{args.plans:,} plans with 4-period histories (made in {made:.2f} s); "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    engine = "compiled loop (numba)" if kernel.available() else "numpy path (numba not used)"
    print(f"per-row work: {engine}")
    from rightsplan.screening import polars_engine

    start = time.perf_counter()
    polars_engine.prepare(plans, warn_at=Fraction(9, 10))
    prepared_in = time.perf_counter() - start
    print(f"first call: the {args.plans:,} plans prepared (intervals built) in {prepared_in:.2f} s")
    cold, _ = timed(lambda: screen(plans, positions))
    print(
        f"first call: screen, categorical columns, plans prepared, compiled loop loaded: "
        f"{cold:.2f} s"
    )
    compare_with_peers(plans, positions, args)
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    if args.peers_only:
        return

    if kernel.available():  # the same screening without numba, for those who have none
        os.environ["RIGHTSPLAN_NO_JIT"] = "1"
        numpy_seconds, _ = timed(lambda: screen(plans, positions), repeat=3)
        del os.environ["RIGHTSPLAN_NO_JIT"]
        print(
            f"screen, numpy path (RIGHTSPLAN_NO_JIT=1), categorical columns: "
            f"{args.rows / numpy_seconds:,.0f} rows/s ({numpy_seconds:.2f} s)"
        )
    seconds, _ = timed(lambda: screen(plans, positions), repeat=3)
    loop_rate = assess_rate(plans, positions, args.sample)
    print(
        f"per-row assess loop ({args.sample:,}-row sample, extrapolated): {loop_rate:,.0f} "
        f"rows/s ({args.rows / loop_rate:,.0f} s for all rows); screen (categorical) "
        f"{args.rows / seconds / loop_rate:,.0f}x faster"
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
