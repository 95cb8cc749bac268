"""Benchmark preparing plans for screening: intervals built, rules chosen and cited.

Run it from the repository root with the screen extra installed::

    python benchmarks/prepare_bench.py                 # 2,000 and 20,000 plans
    python benchmarks/prepare_bench.py --plans 2000

Two sets of plans, each prepared from fresh objects (nothing remembered from an earlier
call but the templates of shapes of terms, which is the point) and timed in CPU and wall
seconds, the best of ``--repeat`` (and the spread of every call):

* ``generator``: the plans of ``screen_bench.py`` (4 periods each: thresholds, a passive
  tier, a named exception, the standard Exempt Persons; every plan its own dates, holder
  name and company), whose terms fall into a few hundred shapes;
* ``variety``: plans drawn by :func:`rightsplan.testing.plans` (up to six amendments of
  every kind, random names and percentages: far more shapes than real filings have), a
  few hundred drawn and repeated to the size asked.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from fractions import Fraction
from pathlib import Path

import numpy as np

import rightsplan as rp
from rightsplan.screening import intervals, polars_engine

sys.path.insert(0, str(Path(__file__).parent))
from screen_bench import make_plans  # a sibling script


def drawn_plans(count: int) -> list[rp.Plan]:
    """``count`` plans drawn by rightsplan.testing.plans (the same ones on every run)."""
    from hypothesis import HealthCheck, given, settings

    from rightsplan import testing

    found: list[rp.Plan] = []

    @settings(
        max_examples=count,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(testing.plans(max_amendments=6, share_caps=False))
    def draw(plan: rp.Plan) -> None:
        found.append(plan)

    draw()
    return found


def timed(blobs: list[bytes], count: int, repeat: int) -> tuple[list[float], list[float]]:
    """CPU and wall seconds of each of ``repeat`` calls preparing ``count`` fresh plans."""
    cpus, walls = [], []
    for _ in range(repeat):
        plans = {f"I{i:06d}": pickle.loads(blobs[i % len(blobs)]) for i in range(count)}
        polars_engine._CACHED.clear()
        intervals._TEMPLATES.clear()  # as in a new process: no shape known yet
        intervals._VALUES.clear()
        cpu, wall = time.process_time(), time.perf_counter()
        polars_engine.prepare(plans, warn_at=Fraction(9, 10))
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return cpus, walls


def fresh(plan: rp.Plan) -> bytes:
    """The plan pickled without the timeline it may have remembered (preparing reads it)."""
    object.__setattr__(plan, "_timeline", None)
    return pickle.dumps(plan)


def main() -> None:
    """Print the CPU and wall time of preparing each set of plans at each size."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--plans", type=int, action="append", help="sizes (default 2000, 20000)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--drawn", type=int, default=500, help="distinct drawn plans")
    args = parser.parse_args()
    sizes = args.plans or [2_000, 20_000]
    generated = make_plans(max(sizes), np.random.default_rng(7))
    sets = {
        "generator": [fresh(plan) for plan in generated.values()],
        "variety": [fresh(plan) for plan in drawn_plans(args.drawn)],
    }
    for name, blobs in sets.items():
        for size in sizes:
            cpus, walls = timed(blobs, size, args.repeat)
            cpu, wall = min(cpus), min(walls)
            print(
                f"{name:9} {size:>7,} plans prepared: {cpu:6.2f} s CPU, {wall:6.2f} s wall "
                f"({cpu / size * 1e6:,.0f} µs CPU a plan); every call {cpu:.2f}-"
                f"{max(cpus):.2f} s CPU ({wall:.2f}-{max(walls):.2f} s wall)"
            )
            sys.stdout.flush()


if __name__ == "__main__":
    main()
