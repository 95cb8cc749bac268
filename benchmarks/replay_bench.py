"""Benchmark rp.replay: events per second, against a plain fold of the same events.

Run it from the repository root::

    python benchmarks/replay_bench.py                         # 500,000 events, 5,000 holders
    python benchmarks/replay_bench.py --events 20000 --holders 500

One plan (15% or more, adopted before the ledger starts), the shares outstanding reported
quarterly, and acquisitions and dispositions spread over the holders and the business days.
It prints the replay's events per second; the floor, a plain Python fold of the same events
into share counts (no verdicts, no standings), in the same process; their time ratio; and
the replay at a tenth of the events, to show the time grows linearly.
"""

from __future__ import annotations

import argparse
import random
import time

import pendulum

import rightsplan as rp


def make_plan() -> rp.Plan:
    """A classic plan: 15% or more, adopted 2009-12-31."""
    agreement = rp.RightsAgreement(
        company="Bench Corp",
        dated="2009-12-31",
        provisions=[rp.SetThreshold(percent=15, comparison=rp.Comparison.AT_LEAST)],
    )
    return rp.Plan(agreement)


def make_events(count: int, holders: int, seed: int = 7) -> list[rp.Event]:
    """``count`` events over ``holders`` holders, about 200 a business day, quarters reported."""
    rng = random.Random(seed)
    names = [f"Holder {index:05d}" for index in range(holders)]
    held = [0] * holders
    outstanding = 100 * holders * 1000
    day = pendulum.Date(2010, 1, 4)
    events: list[rp.Event] = [rp.OutstandingChanged(on=day, outstanding=outstanding)]
    per_day = 200
    quarter = day.quarter
    while len(events) < count:
        for _ in range(min(per_day, count - len(events))):
            index = rng.randrange(holders)
            if held[index] > 0 and rng.random() < 0.4:
                amount = rng.randint(1, held[index])
                held[index] -= amount
                events.append(rp.Disposition(on=day, holder=names[index], shares=amount))
            else:
                amount = rng.randint(1, 2000)
                held[index] += amount
                events.append(rp.Acquisition(on=day, holder=names[index], shares=amount))
        day = day.add(days=3 if day.day_of_week == pendulum.FRIDAY else 1)
        if day.quarter != quarter and len(events) < count:
            quarter = day.quarter
            outstanding += rng.randint(-outstanding // 100, outstanding // 50)
            outstanding = max(outstanding, sum(held) + 1)
            events.append(rp.OutstandingChanged(on=day, outstanding=outstanding))
    return events


def floor(events: list[rp.Event]) -> dict[str, int]:
    """The same events folded into share counts and nothing else."""
    held: dict[str, int] = {}
    for event in events:
        if isinstance(event, rp.Acquisition):
            held[event.holder] = held.get(event.holder, 0) + event.shares
        elif isinstance(event, rp.Disposition):
            held[event.holder] -= event.shares
    return held


def timed(plan: rp.Plan, ledger: rp.Ledger) -> tuple[float, rp.History]:
    """Seconds to replay, and the history."""
    began = time.perf_counter()
    history = rp.replay(plan, ledger, calendar=rp.calendars.nyse())
    return time.perf_counter() - began, history


def main() -> None:
    """Build the ledger, time the replay and the floor, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=500_000)
    parser.add_argument("--holders", type=int, default=5_000)
    args = parser.parse_args()
    plan = make_plan()
    events = make_events(args.events, args.holders)
    ledger = rp.Ledger(events)
    tenth = rp.Ledger(events[: max(2, len(events) // 10)])

    began = time.perf_counter()
    floor(events)
    floor_seconds = max(time.perf_counter() - began, 1e-9)
    seconds, history = timed(plan, ledger)
    tenth_seconds, _ = timed(plan, tenth)

    print(f"events: {len(events):,} over {args.holders:,} holders, one plan")
    print(f"replay: {seconds:.2f} s, {len(events) / seconds:,.0f} events per second")
    floor_rate = len(events) / floor_seconds
    print(f"floor (plain fold into share counts): {floor_rate:,.0f} events per second")
    print(f"replay / floor time ratio: {seconds / floor_seconds:,.0f}")
    print(
        f"a tenth of the events: {tenth_seconds:.2f} s "
        f"(full / tenth time ratio: {seconds / max(tenth_seconds, 1e-9):.1f}; linear is 10)"
    )
    print(f"triggers: {len(history.triggers()):,}")


if __name__ == "__main__":
    main()
