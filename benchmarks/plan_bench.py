"""Benchmark plans with many amendments: building, describing, writing and reading them.

Run it from the repository root::

    python benchmarks/plan_bench.py                  # 4,000 amendments
    python benchmarks/plan_bench.py --amendments 400
    python benchmarks/plan_bench.py --shape exempt   # the Exempt Persons in force grow too
    python benchmarks/plan_bench.py --shape exceptions

The plan is a 15% agreement amended many times over, each amendment making a change or two
of every common kind: thresholds set, Exempt Persons added (and some removed), named-holder
exceptions added and later removed, the Final Expiration Date extended, rights agents
appointed, changes rightsplan does not model. It prints, for each step (build the
:class:`~rightsplan.Plan`, its timeline, ``describe()``, write it as TOML, read the TOML back,
and the ``rightsplan terms`` command on that file), the time at the full size and at a
quarter and a tenth of it (the best of three runs each), with the full / quarter ratio
(linear growth is 4); and the floor, a plain loop over the same amendments in the same
process, with each step's ratio to it. ``--shape exempt`` and ``--shape exceptions`` time the
worst shapes instead: every amendment adds an Exempt Person, or a named-holder exception, so
the clauses in force grow with the plan.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pendulum

import rightsplan as rp
from rightsplan.cli import main as cli_main

AT_LEAST = rp.Comparison.AT_LEAST
MORE_THAN = rp.Comparison.MORE_THAN


def make_plan(count: int, *, shape: str = "mixed") -> rp.Plan:
    """A plan dated 2000-01-03 with ``count`` amendments, one every few days."""
    agreement = rp.RightsAgreement(
        company="Bench Corp",
        dated="2000-01-03",
        provisions=[
            rp.SetThreshold(percent=15, comparison=AT_LEAST, section="Section 1(a)"),
            rp.SetExpiration(date="2010-01-03"),
            *rp.standard_exempt_persons(section="Section 1(a)"),
        ],
    )
    return rp.Plan(agreement, make_amendments(count, agreement.dated, shape=shape))


def make_amendments(
    count: int, dated: pendulum.Date, *, shape: str = "mixed"
) -> list[rp.Amendment]:
    """``count`` amendments a few days apart, cycling through the common kinds of change.

    With ``shape="exempt"`` each amendment adds an Exempt Person, with ``"exceptions"`` a
    named-holder exception, and none is removed: the clauses in force grow with the plan.
    """
    amendments: list[rp.Amendment] = []
    day = dated
    expires = pendulum.Date(2010, 1, 3)
    open_exceptions: list[str] = []
    exempt: list[str] = []
    for number in range(1, count + 1):
        day = day.add(days=3)
        if day > expires.subtract(days=30):
            expires = expires.add(years=5)
        changes: list[rp.Change] = []
        step = {"exempt": 1, "exceptions": 2}.get(shape, number % 6)
        if step == 0:
            percent = 10 + number % 11
            changes.append(rp.SetThreshold(percent=percent, comparison=AT_LEAST))
        elif step == 1:
            exempt.append(f"Exempt Holder {number}")
            changes.append(rp.AddExemptPerson(name=exempt[-1]))
        elif step == 2:
            holder = f"Holder {number}"
            open_exceptions.append(holder)
            changes.append(
                rp.AddException(
                    holder=holder,
                    members=(f"{holder} LP", f"{holder} GP"),
                    percent=25,
                    comparison=MORE_THAN,
                    requires_passive=True,
                )
            )
        elif step == 3 and len(open_exceptions) > 3 and shape == "mixed":
            changes.append(rp.RemoveException(holder=open_exceptions.pop(0)))
        elif step == 4:
            changes.append(rp.AppointRightsAgent(name=f"Agent {number % 7}"))
        if number % 10 == 0:
            changes.append(rp.SetExpiration(date=expires))
        if number % 25 == 0 and len(exempt) > 1 and shape == "mixed":
            changes.append(rp.RemoveExemptPerson(name=exempt.pop(0)))
        if not changes:
            changes.append(rp.OtherChange(description=f"Section {number} amended"))
        amendments.append(
            rp.Amendment(
                number=number,
                executed=day,
                changes=changes,
                document=f"Form 8-K filed {day.isoformat()}",
            )
        )
    return amendments


def floor(plan: rp.Plan) -> int:
    """The floor: one pass over the amendments and their changes, describing each change."""
    return sum(len(change.describe()) for a in plan.amendments for change in a.changes)


def terms_command(path: Path) -> str:
    """The output of ``rightsplan terms PATH``."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = cli_main(["terms", str(path)])
    if status != 0:
        raise SystemExit(f"rightsplan terms exited {status}")
    return out.getvalue()


def steps(count: int, folder: Path, *, repeat: int, shape: str) -> dict[str, float]:
    """Seconds for each step on a plan of ``count`` amendments (the best of ``repeat`` runs)."""
    seconds: dict[str, float] = {}

    def timed(name: str, work: Callable[[], object]) -> object:
        best = float("inf")
        for _ in range(repeat):
            began = time.perf_counter()
            result = work()
            best = min(best, time.perf_counter() - began)
        seconds[name] = best
        return result

    amendments = make_amendments(count, pendulum.Date(2000, 1, 3), shape=shape)
    plan = make_plan(count, shape=shape)
    agreement = plan.agreement
    timed("build the Plan", lambda: rp.Plan(agreement, amendments))
    timed("timeline()", plan.timeline)
    timed("describe()", plan.describe)
    path = folder / f"plan-{count}.toml"
    timed("dump_plan (TOML)", lambda: rp.dump_plan(plan, path))
    loaded = timed("load_plan (TOML)", lambda: rp.load_plan(path))
    if loaded != plan:
        raise SystemExit("the plan read back differs from the plan written")
    timed("rightsplan terms", lambda: terms_command(path))
    timed("floor (one pass over the changes)", lambda: floor(plan))
    return seconds


def main() -> None:
    """Time every step at full size, a quarter and a tenth; print the figures."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--amendments", type=int, default=4_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs per step; the best counts")
    parser.add_argument(
        "--shape",
        choices=("mixed", "exempt", "exceptions"),
        default="mixed",
        help="every common kind of change (mixed), or each amendment adding an Exempt "
        "Person (exempt) or a named-holder exception (exceptions), none removed",
    )
    args = parser.parse_args()
    count = args.amendments
    repeat, shape = args.repeat, args.shape
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        # A warm-up first: imports and first-use caches.
        steps(max(1, count // 10), folder, repeat=repeat, shape=shape)
        tenth = steps(max(1, count // 10), folder, repeat=repeat, shape=shape)
        quarter = steps(max(1, count // 4), folder, repeat=repeat, shape=shape)
        full = steps(count, folder, repeat=repeat, shape=shape)
        size = (folder / f"plan-{count}.toml").stat().st_size
    changes = sum(len(a.changes) for a in make_plan(count, shape=shape).amendments)
    shown = {
        "mixed": "every common kind",
        "exempt": "each adding an Exempt Person",
        "exceptions": "each adding a named-holder exception",
    }[shape]
    print(f"amendments: {count:,} ({changes:,} changes, {shown}), TOML file {size / 1000:,.0f} kB")
    floor_seconds = max(full["floor (one pass over the changes)"], 1e-9)
    width = max(len(step) for step in full)
    print(f"{'step':<{width}}  {'full':>8}  {'quarter':>8}  {'tenth':>8}  full/quarter  /floor")
    for step, seconds in full.items():
        print(
            f"{step:<{width}}  {seconds:>7.3f}s  {quarter[step]:>7.3f}s  {tenth[step]:>7.3f}s  "
            f"{seconds / max(quarter[step], 1e-9):>12.1f}  {seconds / floor_seconds:>6.0f}"
        )
    total = sum(seconds for step, seconds in full.items() if not step.startswith("floor"))
    print(f"total (every step but the floor): {total:.2f} s; linear growth is 4 (full/quarter)")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
