"""Properties of the ownership replay, and a state machine against a naive reference model."""

from __future__ import annotations

from fractions import Fraction

import pendulum
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

import rightsplan as rp
from rightsplan.testing import LEDGER_START, TRADING_EVENTS, ledgers

from .strategies import thresholds

HOLDERS = ("Alpha Capital", "Beta Partners LP", "Gamma Holdings")


@st.composite
def simple_plans(draw: st.DrawFn) -> rp.Plan:
    """Plans adopted on the ledgers' first day: a general rule and maybe a passive tier."""
    general = draw(thresholds(Fraction(1), Fraction(40)))
    provisions: list[rp.Change] = [
        rp.SetThreshold(percent=general.percent, comparison=general.comparison)
    ]
    if draw(st.booleans()):
        tier = max(
            draw(thresholds(general.percent, Fraction(60))), general, key=rp.Threshold.sort_key
        )
        provisions.append(rp.SetPassiveTier(percent=tier.percent, comparison=tier.comparison))
    agreement = rp.RightsAgreement(
        company="Example Corp", dated=LEDGER_START, provisions=provisions
    )
    return rp.Plan(agreement)


def holdings(ledger: rp.Ledger) -> tuple[dict[str, int], int]:
    """What each holder owns, and the shares outstanding, after the whole ledger."""
    held: dict[str, int] = {}
    total = 0
    for event in ledger.events:
        if isinstance(event, rp.OutstandingChanged):
            total = event.outstanding
        elif isinstance(event, rp.Acquisition):
            held[event.holder] = held.get(event.holder, 0) + event.shares
        elif isinstance(event, rp.Disposition):
            held[event.holder] -= event.shares
        elif isinstance(event, rp.PositionReported):
            held[event.holder] = event.shares
        elif isinstance(event, rp.StockSplit):
            total = int(total * event.ratio)
            held = {name: int(amount * event.ratio) for name, amount in held.items()}
    return held, total


def after(ledger: rp.Ledger, *extra: rp.Event) -> rp.Ledger:
    return rp.Ledger((*ledger.events, *extra))


def last_day(ledger: rp.Ledger) -> pendulum.Date:
    return max(event.on for event in ledger.events)


def trigger_keys(history: rp.History) -> set[tuple[str, pendulum.Date]]:
    return {(trigger.label, trigger.on) for trigger in history.triggers()}


class TestCarveOuts:
    @given(simple_plans(), ledgers(holders=HOLDERS), st.integers(1, 30), st.data())
    def test_a_buyback_alone_never_triggers(
        self, plan: rp.Plan, ledger: rp.Ledger, gap: int, data: st.DataObject
    ) -> None:
        """Adding a buyback, however deep, adds no trigger."""
        held, total = holdings(ledger)
        floor = max(sum(held.values()), 1)
        assume(floor < total)
        remaining = data.draw(st.integers(floor, total - 1))
        buyback = rp.OutstandingChanged(
            on=last_day(ledger).add(days=gap), outstanding=remaining, reason="buyback"
        )
        before = rp.replay(plan, ledger)
        with_buyback = rp.replay(plan, after(ledger, buyback))
        assert trigger_keys(with_buyback) == trigger_keys(before)

    @given(simple_plans(), ledgers(holders=HOLDERS), st.sampled_from([2, 3, 10]))
    def test_splits_never_trigger(self, plan: rp.Plan, ledger: rp.Ledger, ratio: int) -> None:
        """A stock split or dividend adds no trigger."""
        split = rp.StockSplit(on=last_day(ledger).add(days=1), ratio=ratio)
        assert trigger_keys(rp.replay(plan, after(ledger, split))) == trigger_keys(
            rp.replay(plan, ledger)
        )

    @given(simple_plans(), ledgers(holders=HOLDERS, kinds=TRADING_EVENTS), st.sampled_from(HOLDERS))
    def test_turning_active_never_raises_a_limit(
        self, plan: rp.Plan, ledger: rp.Ledger, holder: str
    ) -> None:
        """After a holder turns active, its limit is never more generous than before."""
        day = last_day(ledger).add(days=1)
        history = rp.replay(
            plan, after(ledger, rp.PositionReported(on=day, holder=holder, shares=0))
        )
        active = rp.replay(
            plan,
            after(
                ledger,
                rp.PositionReported(on=day, holder=holder, shares=0),
                rp.PassivityChanged(on=day.add(days=1), holder=holder, passive=False),
            ),
        )
        before = history.status_of(holder, on=day).limit
        now = active.status_of(holder, on=day.add(days=1)).limit
        assert before is not None
        assert now is not None
        assert now.threshold.sort_key() <= before.threshold.sort_key()


class TestStickiness:
    @given(simple_plans(), ledgers(holders=HOLDERS))
    def test_once_an_acquiring_person_always_one(self, plan: rp.Plan, ledger: rp.Ledger) -> None:
        """In a sticky plan, no period after a TRIGGERED one is anything else."""
        history = rp.replay(plan, ledger)
        for holder in history.holders():
            statuses = [p.status.status for p in history.periods(holder)]
            if rp.Status.TRIGGERED in statuses:
                first = statuses.index(rp.Status.TRIGGERED)
                assert set(statuses[first:]) == {rp.Status.TRIGGERED}

    @given(simple_plans(), ledgers(holders=HOLDERS))
    def test_every_trigger_is_a_crossing(self, plan: rp.Plan, ledger: rp.Ledger) -> None:
        """A holder becomes an Acquiring Person only on a day its holding crosses its limit."""
        history = rp.replay(plan, ledger)
        for trigger in history.triggers():
            standing = history.status_of(trigger.label, on=trigger.on)
            assert standing.counted is not None
            assert trigger.limit.threshold.crossed_by(
                standing.counted.shares, standing.counted.outstanding
            )
            first = history.first_crossing(trigger.label)
            assert first is not None
            assert first <= trigger.on


@st.composite
def grandfathered_histories(draw: st.DrawFn) -> tuple[rp.Plan, list[rp.Event]]:
    """A holder over the line before adoption that never acquires again, amid other activity."""
    general = draw(thresholds(Fraction(1), Fraction(40)))
    agreement = rp.RightsAgreement(
        company="Example Corp",
        dated=LEDGER_START,
        provisions=[rp.SetThreshold(percent=general.percent, comparison=general.comparison)],
    )
    total = draw(st.integers(1000, 10**7))
    old = general.max_shares(total) + draw(st.integers(1, max(1, total // 10)))
    assume(old <= total)
    events: list[rp.Event] = [
        rp.OutstandingChanged(on=LEDGER_START.subtract(days=30), outstanding=total),
        rp.Acquisition(on=LEDGER_START.subtract(days=30), holder="Old Holder", shares=old),
    ]
    held, other, day = old, 0, LEDGER_START
    for _ in range(draw(st.integers(0, 10))):
        day = day.add(days=draw(st.integers(1, 30)))
        kind = draw(st.sampled_from(["sell", "buyback", "issue", "split", "other", "active"]))
        if kind == "sell" and held > 0:
            amount = draw(st.integers(1, held))
            held -= amount
            events.append(rp.Disposition(on=day, holder="Old Holder", shares=amount))
        elif kind == "buyback" and total > held + other:
            total = draw(st.integers(held + other, total - 1))
            events.append(
                rp.OutstandingChanged(on=day, outstanding=max(total, 1), reason="buyback")
            )
        elif kind == "issue":
            total += draw(st.integers(1, total))
            events.append(rp.OutstandingChanged(on=day, outstanding=total, reason="issuance"))
        elif kind == "split":
            total, held, other = total * 2, held * 2, other * 2
            events.append(rp.StockSplit(on=day, ratio=2))
        elif kind == "other" and total > held + other:
            amount = draw(st.integers(1, total - held - other))
            other += amount
            events.append(rp.Acquisition(on=day, holder="Someone Else", shares=amount))
        else:
            events.append(
                rp.PassivityChanged(on=day, holder="Old Holder", passive=draw(st.booleans()))
            )
    return rp.Plan(agreement), events


class TestGrandfathering:
    @given(grandfathered_histories())
    def test_a_grandfathered_holder_that_never_buys_never_triggers(
        self, case: tuple[rp.Plan, list[rp.Event]]
    ) -> None:
        """Selling, buybacks, issuances, splits and others' trades never trigger it."""
        plan, events = case
        history = rp.replay(plan, events)
        assert all(trigger.label != "Old Holder" for trigger in history.triggers())
        assert history.status_of("Old Holder", on=LEDGER_START).status is rp.Status.EXCUSED


class ReferenceModel:
    """A naive model of one holder under a sticky plan adopted before it bought anything."""

    def __init__(self, general: rp.Threshold, tier: rp.Threshold | None, total: int) -> None:
        self.general, self.tier, self.total = general, tier, total
        self.shares, self.passive = 0, False
        self.acquiring_person, self.over_by_buyback = False, None  # type: (bool, int | None)

    def crosses(self) -> bool:
        """Whether the holding crosses the limit that applies to it."""
        limit = self.general
        if self.passive and self.tier is not None:
            limit = self.tier
        held = Fraction(self.shares * 100, self.total)
        if limit.comparison is rp.Comparison.AT_LEAST:
            return held >= limit.percent
        return held > limit.percent

    def step(self, *, acquired: bool = False, turned_active: bool = False) -> None:
        """Evaluate the day's end after one event."""
        if self.acquiring_person:
            return
        if not self.crosses():
            self.over_by_buyback = None
        elif self.over_by_buyback is not None:
            if acquired and self.shares > self.over_by_buyback:
                self.acquiring_person = True
        elif acquired or turned_active:
            self.acquiring_person = True
        else:
            self.over_by_buyback = self.shares


class ReplayMachine(RuleBasedStateMachine):
    """Drives the real replay one event a day, beside the reference model."""

    @initialize(
        general=thresholds(Fraction(1), Fraction(40)),
        tier=st.none() | thresholds(Fraction(1), Fraction(60)),
        total=st.integers(100, 10**6),
    )
    def start(self, general: rp.Threshold, tier: rp.Threshold | None, total: int) -> None:
        """A plan adopted on the first day, and a holder with nothing."""
        if tier is not None:
            tier = max(tier, general, key=rp.Threshold.sort_key)
        provisions: list[rp.Change] = [
            rp.SetThreshold(percent=general.percent, comparison=general.comparison)
        ]
        if tier is not None:
            provisions.append(rp.SetPassiveTier(percent=tier.percent, comparison=tier.comparison))
        agreement = rp.RightsAgreement(
            company="Example Corp", dated=LEDGER_START, provisions=provisions
        )
        self.plan = rp.Plan(agreement)
        self.events: list[rp.Event] = [
            rp.OutstandingChanged(on=LEDGER_START, outstanding=total),
            rp.PositionReported(on=LEDGER_START, holder="Fund", shares=0),
        ]
        self.model = ReferenceModel(general, tier, total)
        self.day = LEDGER_START

    def next_day(self) -> pendulum.Date:
        """One event a day."""
        self.day = self.day.add(days=1)
        return self.day

    @rule(data=st.data())
    def acquire(self, data: st.DataObject) -> None:
        """The holder buys some of the shares it does not own."""
        free = self.model.total - self.model.shares
        if free == 0:
            return
        amount = data.draw(st.integers(1, free))
        self.events.append(rp.Acquisition(on=self.next_day(), holder="Fund", shares=amount))
        self.model.shares += amount
        self.model.step(acquired=True)

    @rule(data=st.data())
    def dispose(self, data: st.DataObject) -> None:
        """The holder sells some of its shares."""
        if self.model.shares == 0:
            return
        amount = data.draw(st.integers(1, self.model.shares))
        self.events.append(rp.Disposition(on=self.next_day(), holder="Fund", shares=amount))
        self.model.shares -= amount
        self.model.step()

    @rule(data=st.data())
    def buyback(self, data: st.DataObject) -> None:
        """The company buys back shares, never below what the holder owns."""
        floor = max(self.model.shares, 1)
        if floor >= self.model.total:
            return
        total = data.draw(st.integers(floor, self.model.total - 1))
        self.events.append(
            rp.OutstandingChanged(on=self.next_day(), outstanding=total, reason="buyback")
        )
        self.model.total = total
        self.model.step()

    @rule(passive=st.booleans())
    def passivity(self, passive: bool) -> None:
        """The holder turns passive or active."""
        turned_active = self.model.passive and not passive
        self.events.append(rp.PassivityChanged(on=self.next_day(), holder="Fund", passive=passive))
        self.model.passive = passive
        self.model.step(turned_active=turned_active)

    @invariant()
    def agrees_with_the_model(self) -> None:
        """The replay's standing matches the reference model after every step."""
        standing = rp.replay(self.plan, self.events).status_of("Fund", on=self.day)
        assert (standing.status is rp.Status.TRIGGERED) == self.model.acquiring_person
        excused = self.model.over_by_buyback is not None and not self.model.acquiring_person
        assert (standing.status is rp.Status.EXCUSED) == excused


TestReplayMachine = ReplayMachine.TestCase
TestReplayMachine.settings = settings(max_examples=60, stateful_step_count=15, deadline=None)
