"""rightsplan.testing: each public strategy draws what its docstring says it draws."""

from __future__ import annotations

import functools
import itertools
import subprocess
import sys
from collections.abc import Callable
from fractions import Fraction

import pendulum
import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st

import rightsplan as rp
from rightsplan import testing
from rightsplan.amendments import CHANGE_KINDS
from rightsplan.ledger import EVENT_KINDS
from rightsplan.standing import STANDING_KINDS

FEW = settings(max_examples=40)
"""Whole plans are slow to draw; these properties hold by construction, so few examples do."""

FIND = settings(
    max_examples=2_000,
    database=None,
    phases=[Phase.generate],  # existence is the point: the first example found will do
    suppress_health_check=list(HealthCheck),
)
"""Settings for :func:`hypothesis.find`: look hard, remember nothing, do not shrink."""


def _limits(plan: rp.Plan, on: pendulum.Date) -> list[rp.Threshold]:
    terms = plan.terms_at(on)
    limits = [terms.known_general().threshold]
    passive = terms.known_passive()
    if passive is not None:
        limits.append(passive.threshold)
    limits.extend(exception.limit().threshold for exception in terms.exceptions)
    return limits


def _exactly_at(position: rp.Position, limit: rp.Threshold) -> bool:
    return position.shares * 100 == limit.percent * position.outstanding


def _hugs(position: rp.Position, limit: rp.Threshold) -> bool:
    """At the limit's largest non-crossing holding or its exact percentage, or one share off."""
    lines = [limit.max_shares(position.outstanding)]
    exact = limit.percent * position.outstanding / 100
    if exact.denominator == 1:
        lines.append(int(exact))
    near = {min(max(line + d, 0), position.outstanding) for line in lines for d in (-1, 0, 1)}
    return position.shares in near


INNOTRAC = rp.examples.innotrac()
NOVEMBER_24 = pendulum.Date(2003, 11, 24)


def _comparison_is(comparison: rp.Comparison) -> Callable[[rp.Threshold], bool]:
    return lambda threshold: threshold.comparison is comparison


def _off_max_shares_by(offset: int) -> Callable[[rp.Position], bool]:
    def condition(p: rp.Position) -> bool:
        limits = _limits(INNOTRAC, NOVEMBER_24)
        return 1 < p.shares < p.outstanding and any(
            p.shares == limit.max_shares(p.outstanding) + offset for limit in limits
        )

    return condition


def _off_the_percentage_by(offset: int, limit: rp.Threshold) -> Callable[[rp.Position], bool]:
    def condition(p: rp.Position) -> bool:
        return (
            p.holder != "IPOF Group"
            and 0 < p.shares < p.outstanding
            and (p.shares - offset) * 100 == limit.percent * p.outstanding
        )

    return condition


class TestLazyImport:
    def test_rp_testing_is_an_attribute_loaded_on_first_use(self) -> None:
        """Importing rightsplan does not import hypothesis; rp.testing loads the strategies then."""
        code = (
            "import sys, rightsplan as rp\n"
            "assert 'hypothesis' not in sys.modules\n"
            "assert rp.testing.positions is not None\n"
            "assert 'rightsplan.testing' in sys.modules\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr

    def test_everything_in_all_is_there(self) -> None:
        """Every name in rightsplan.testing.__all__ exists, and the documented ones are in it."""
        assert all(hasattr(testing, name) for name in testing.__all__)
        for name in ("percents", "thresholds", "plans", "amendment_histories", "positions"):
            assert name in testing.__all__
        assert {"boundary_positions", "ledgers", "dates", "comparisons"} <= set(testing.__all__)


class TestPercents:
    @given(testing.percents(Fraction(1), Fraction(50)))
    def test_within_bounds(self, percent: Fraction) -> None:
        """Drawn percentages lie within the bounds asked for, as exact fractions."""
        assert isinstance(percent, Fraction)
        assert Fraction(1) <= percent <= Fraction(50)

    def test_draws_the_decimals_plans_write(self) -> None:
        """4.99 (not 5) and a third-based percentage both come up."""
        assert find(testing.percents(), lambda p: p == Fraction("4.99"), settings=FIND)
        third = find(testing.percents(), lambda p: p.denominator == 3, settings=FIND)
        assert third.denominator == 3


class TestThresholds:
    def test_both_comparisons(self) -> None:
        """Thresholds come with either comparison."""
        for comparison in rp.Comparison:
            found = find(testing.thresholds(), _comparison_is(comparison), settings=FIND)
            assert found.comparison is comparison


class TestPlans:
    @FEW
    @given(testing.amendment_histories())
    def test_histories_are_consistent(
        self, history: tuple[rp.RightsAgreement, tuple[rp.Amendment, ...]]
    ) -> None:
        """Numbers rise with the dates (anew after a restatement); dates in order; a plan."""
        agreement, amendments = history
        numbers: list[int] = []
        for amendment in amendments:
            if amendment.restates:
                numbers = []
            elif amendment.number is not None:
                assert not numbers or amendment.number > numbers[-1]
                numbers.append(amendment.number)
        dates = [a.executed for a in amendments]
        assert dates == sorted(dates)
        assert all(day >= agreement.dated for day in dates)
        rp.Plan(agreement, amendments)

    @FEW
    @given(testing.plans())
    def test_an_ending_comes_last(self, plan: rp.Plan) -> None:
        """A termination, redemption or exchange of every right, if any, is in the last one."""
        for amendment in plan.amendments[:-1]:
            assert not any(isinstance(c, rp.Terminate | rp.Redeem) for c in amendment.changes)
            assert not any(
                isinstance(c, rp.ExchangeRights) and c.all_rights for c in amendment.changes
            )

    def test_plans_have_amendment_histories(self) -> None:
        """Plans with several amendments, and ones that raise and lower thresholds, come up."""
        found = find(testing.plans(), lambda p: len(p.amendments) >= 3, settings=FIND)
        assert len(found.amendments) >= 3
        changes = find(
            testing.plans(),
            lambda p: any(isinstance(c, rp.SetThreshold) for a in p.amendments for c in a.changes),
            settings=FIND,
        )
        assert changes.amendments


class TestPositions:
    @given(testing.positions(INNOTRAC, on=NOVEMBER_24))
    def test_valid_holdings(self, position: rp.Position) -> None:
        """Shares never exceed the shares outstanding; the holding can be assessed."""
        assert 0 <= position.shares <= position.outstanding
        rp.assess(INNOTRAC, position, on=NOVEMBER_24)

    def test_hugging_each_side_of_a_limit(self) -> None:
        """Positions exactly at, one under and one over a limit of the plan all come up."""
        strategy = testing.positions(INNOTRAC, on=NOVEMBER_24)
        for offset in (-1, 0, 1):
            found = find(strategy, _off_max_shares_by(offset), settings=FIND)
            assert 0 < found.shares < found.outstanding


class TestBoundaryPositions:
    @FEW
    @given(st.data())
    def test_every_draw_hugs_a_limit(self, data: st.DataObject) -> None:
        """Every position is at, one under or one over some limit in force, for any plan."""
        plan = data.draw(testing.plans(max_amendments=3), label="plan")
        on = data.draw(testing.dates(plan.agreement.dated, testing.MAX_DATE), label="on")
        position = data.draw(testing.boundary_positions(plan, on=on), label="position")
        assert 0 <= position.shares <= position.outstanding
        assert any(_hugs(position, limit) for limit in _limits(plan, on))

    @given(testing.boundary_positions(INNOTRAC, on=NOVEMBER_24))
    def test_the_chosen_limit_applies_to_the_holder(self, position: rp.Position) -> None:
        """A position hugging the IPOF cap is the IPOF Group's and passive; others are not IPOF."""
        ipof = rp.Threshold(40, rp.Comparison.MORE_THAN)
        general = rp.Threshold(15, rp.Comparison.AT_LEAST)
        if position.holder == "IPOF Group":
            assert position.passive
            assert _hugs(position, ipof)
        else:
            assert INNOTRAC.terms_at(NOVEMBER_24).exception_for(position.holder) is None
            assert _hugs(position, general)

    def test_exactly_at_the_percentage_for_both_comparisons(self) -> None:
        """Holdings of exactly 15% ("or more": triggers) and exactly 40% ("more than": not)."""
        strategy = testing.boundary_positions(INNOTRAC, on=NOVEMBER_24)
        at_15 = find(
            strategy,
            lambda p: (
                p.holder != "IPOF Group"
                and p.shares > 0
                and _exactly_at(p, rp.Threshold(15, rp.Comparison.AT_LEAST))
            ),
            settings=FIND,
        )
        assert rp.assess(INNOTRAC, at_15, on=NOVEMBER_24).status is rp.Status.TRIGGERED
        at_40 = find(
            strategy,
            lambda p: (
                p.holder == "IPOF Group"
                and p.shares > 0
                and _exactly_at(p, rp.Threshold(40, rp.Comparison.MORE_THAN))
            ),
            settings=FIND,
        )
        assert rp.assess(INNOTRAC, at_40, on=NOVEMBER_24).status is not rp.Status.TRIGGERED

    def test_one_share_either_side(self) -> None:
        """One share under and one share over the exact percentage both come up."""
        strategy = testing.boundary_positions(INNOTRAC, on=NOVEMBER_24)
        general = rp.Threshold(15, rp.Comparison.AT_LEAST)
        for offset in (-1, 1):
            found = find(strategy, _off_the_percentage_by(offset, general), settings=FIND)
            triggered = rp.assess(INNOTRAC, found, on=NOVEMBER_24).status is rp.Status.TRIGGERED
            assert triggered == (offset == 1)


class TestLedgers:
    PLAN = rp.Plan(
        rp.RightsAgreement(
            company="Example Corp",
            dated=testing.LEDGER_START,
            provisions=[rp.SetThreshold(percent=10, comparison=rp.Comparison.AT_LEAST)],
        )
    )

    @given(testing.ledgers())
    def test_consistent_histories_replay(self, ledger: rp.Ledger) -> None:
        """Events run forward in time from LEDGER_START and replay without a ledger error."""
        days = [event.on for event in ledger.events]
        assert days == sorted(days)
        assert days[0] == testing.LEDGER_START
        assert isinstance(ledger.events[0], rp.OutstandingChanged)
        rp.replay(self.PLAN, ledger)

    def test_histories_that_trigger_come_up(self) -> None:
        """Some drawn histories make a holder an Acquiring Person under a 10% plan."""
        found = find(
            testing.ledgers(),
            lambda ledger: bool(rp.replay(self.PLAN, ledger).triggers()),
            settings=FIND,
        )
        assert rp.replay(self.PLAN, found).triggers()


EVERY = settings(
    max_examples=400,
    derandomize=True,
    database=None,
    deadline=None,
    phases=[Phase.generate],
    suppress_health_check=list(HealthCheck),
)
"""Settings for drawing a fixed, repeatable sample in which every kind must come up."""


def _drawn(strategy: st.SearchStrategy[object]) -> list[object]:
    """A fixed sample of ``strategy`` (derandomized: the same in every run)."""
    sample: list[object] = []

    @EVERY
    @given(strategy)
    def collect(value: object) -> None:
        sample.append(value)

    collect()
    return sample


def _missing(expected: tuple[type, ...], seen: set[object]) -> list[str]:
    """The names of the kinds never drawn, for the failure message."""
    return [getattr(kind, "__name__", repr(kind)) for kind in expected if kind not in seen]


@functools.cache
def _drawn_histories() -> tuple[tuple[rp.RightsAgreement, tuple[rp.Amendment, ...]], ...]:
    """A fixed sample of amendment histories (drawn once per session)."""
    return tuple(_drawn(testing.amendment_histories()))  # type: ignore[arg-type]


@functools.cache
def _drawn_changes() -> tuple[rp.Change, ...]:
    """Every change in a fixed sample of amendment histories (drawn once per session)."""
    return tuple(c for h in _drawn_histories() for c in _changes(h))


def _has_gap(history: tuple[rp.RightsAgreement, tuple[rp.Amendment, ...]]) -> bool:
    """Whether a numbered amendment follows another with a number between them missing."""
    numbers = [a.number for a in history[1] if a.number is not None or a.restates]
    return any(
        a is not None and b is not None and b > a + 1 for a, b in itertools.pairwise(numbers)
    )


def _changes(history: object) -> list[rp.Change]:
    assert isinstance(history, tuple)
    agreement, amendments = history
    return [*agreement.provisions, *(c for a in amendments for c in a.changes)]


class TestEveryKind:
    """The strategies reach every kind: these fail when a kind is added and never drawn."""

    def test_every_change_kind(self) -> None:
        """Every change kind in CHANGE_KINDS, and every setting of each, comes up."""
        changes = _drawn_changes()
        kinds = {type(c) for c in changes}
        assert kinds == set(CHANGE_KINDS), _missing(CHANGE_KINDS, set(kinds))
        comparisons = {c.comparison for c in changes if isinstance(c, rp.SetThreshold)}
        assert comparisons == set(rp.Comparison)
        categories = {c.category for c in changes if isinstance(c, rp.AddExemptPerson)}
        assert None in categories
        assert set(rp.HolderKind) - {rp.HolderKind.OTHER} <= categories
        assert {type(c.price) for c in changes if isinstance(c, rp.Redeem)} >= {type(None)}

    def test_every_instrument_kind(self) -> None:
        """Every InstrumentKind, gaps in the numbering, and both kinds of exchange come up."""
        drawn = [a for _, amendments in _drawn_histories() for a in amendments]
        kinds: set[object] = {a.kind for a in drawn}
        assert kinds == set(rp.InstrumentKind), _missing(tuple(rp.InstrumentKind), kinds)
        exchanges = {
            c.all_rights for a in drawn for c in a.changes if isinstance(c, rp.ExchangeRights)
        }
        assert exchanges == {True, False}
        assert any(_has_gap(history) for history in _drawn_histories())

    def test_real_shapes(self) -> None:
        """Exceptions and Exempt Persons with members, caps in shares and provisos come up."""
        changes = _drawn_changes()
        exceptions = [c for c in changes if isinstance(c, rp.AddException | rp.ReplaceException)]
        exempt = [c for c in changes if isinstance(c, rp.AddExemptPerson) and c.category is None]
        for clauses in (exceptions, exempt):
            assert {c.share_cap is None for c in clauses} == {False, True}
            assert {c.proviso is None for c in clauses} == {False, True}
            assert {bool(c.members) for c in clauses} == {False, True}

    def test_no_share_caps_for_a_screen(self) -> None:
        """plans(share_caps=False) never draws a cap in shares."""
        for plan in _drawn(testing.plans(share_caps=False)):
            changes = [*plan.agreement.provisions, *(c for a in plan.amendments for c in a.changes)]  # type: ignore[attr-defined]
            assert all(getattr(c, "share_cap", None) is None for c in changes)

    def test_every_unknown_term(self) -> None:
        """plans_with_unknowns makes every term that may be unknown unknown, now and then."""
        found: set[str] = set()
        for pair in _drawn(testing.plans_with_unknowns()):
            assert isinstance(pair, tuple)
            for words in pair[0].unknowns():
                term = words.split(" is ")[0].split(" for ")[0]  # no holder's name
                for named in (" Person ", " exemption of "):
                    term = term.split(named)[0] + named.rstrip() if named in term else term
                found.add(term)
        assert found == {
            "the general threshold",
            "the passive-investor tier",
            "the cap of the exception",
            "the cap in shares of the exception",
            "the cap in shares of the Exempt Person",
            "the grandfathering tolerance",
            "the Final Expiration Date",
            "whether the exception",
            "whether the exemption of",
        }, found

    def test_every_grandfathering_setting(self) -> None:
        """Grandfathering clauses with every cutoff, base, tolerance, cap, lapse and exercise."""
        clauses = [c for c in _drawn_changes() if isinstance(c, rp.SetGrandfathering)]
        assert {c.cutoff for c in clauses} == set(rp.GrandfatherCutoff)
        assert {c.measured_from for c in clauses} == set(rp.GrandfatherBase)
        assert {c.tolerance_comparison for c in clauses} == {None, *rp.Comparison}
        assert {c.cap_comparison for c in clauses} == {None, *rp.Comparison}
        assert {c.lapses_below_threshold for c in clauses} == {False, True}
        assert {c.exercise_ends for c in clauses} == {False, True}

    def test_every_ownership_setting(self) -> None:
        """Ownership rules with every rights-to-acquire mode, derivatives, tolerance, sticky."""
        rules = [c for c in _drawn_changes() if isinstance(c, rp.SetOwnershipRules)]
        assert {r.rights_to_acquire for r in rules} == set(rp.RightsToAcquire)
        assert {r.derivatives_counted for r in rules} == {False, True}
        assert {r.sticky for r in rules} == {False, True}
        assert {r.buyback_tolerance > 0 for r in rules} == {False, True}
        distribution = [c for c in _drawn_changes() if isinstance(c, rp.SetDistributionRule)]
        assert {c.business_days for c in distribution} == {False, True}

    def test_every_event_kind(self) -> None:
        """Every event kind in EVENT_KINDS comes up, with rights, derivatives and caps."""
        events = [e for ledger in _drawn(testing.ledgers()) for e in ledger.events]  # type: ignore[attr-defined]
        kinds = {type(e) for e in events}
        assert kinds == set(EVENT_KINDS), _missing(EVENT_KINDS, set(kinds))
        trades = [e for e in events if isinstance(e, rp.Acquisition | rp.Disposition)]
        for field in ("rights_to_acquire", "rights_to_acquire_later", "derivatives"):
            assert any(getattr(e, field) for e in trades), field
        grants = [e for e in events if isinstance(e, rp.ExemptionGranted)]
        assert {e.cap() is None for e in grants} == {False, True}
        # Exercises are rare among every kind: a sample of trading with exercises shows both.
        exercising = testing.ledgers(kinds=(rp.Acquisition, rp.RightsExercised))
        exercised = [
            e
            for ledger in _drawn(exercising)
            for e in ledger.events  # type: ignore[attr-defined]
            if isinstance(e, rp.RightsExercised)
        ]
        assert {e.later for e in exercised} == {False, True}
        reasons = {e.reason for e in events if isinstance(e, rp.OutstandingChanged)}
        assert reasons == {"reported", "buyback", "issuance"}

    def test_every_standing_kind(self) -> None:
        """Every standing kind in STANDING_KINDS comes up, with and without its options."""
        drawn = _drawn(testing.standings())
        kinds = {type(s) for s in drawn}
        assert kinds == set(STANDING_KINDS), _missing(STANDING_KINDS, set(kinds))
        exempted = [s for s in drawn if isinstance(s, rp.BoardExempted)]
        assert {s.cap is None for s in exempted} == {False, True}
        grandfathered = [s for s in drawn if isinstance(s, rp.Grandfathered)]
        assert {s.rules is None for s in grandfathered} == {False, True}
        buyback = [s for s in drawn if isinstance(s, rp.BuybackExcused)]
        assert {None if s.tolerance is None else s.tolerance > 0 for s in buyback} == {
            None,
            False,
            True,
        }

    def test_every_holder_kind(self) -> None:
        """Positions of every holder kind, passive or not, come up."""
        drawn = _drawn(testing.positions(INNOTRAC, on=NOVEMBER_24))
        assert {(p.kind, p.passive) for p in drawn} == {  # type: ignore[attr-defined]
            (kind, passive) for kind in rp.HolderKind for passive in (False, True)
        }


class TestLedgerKinds:
    @given(testing.ledgers(kinds=testing.TRADING_EVENTS))
    def test_kinds_restricts_the_events(self, ledger: rp.Ledger) -> None:
        """ledgers(kinds=TRADING_EVENTS) draws only those kinds, in shares only."""
        assert {type(e) for e in ledger.events} <= set(testing.TRADING_EVENTS)
        for event in ledger.events:
            if isinstance(event, rp.Acquisition | rp.Disposition):
                assert event.rights_to_acquire == event.derivatives == 0

    def test_unknown_kinds_are_refused(self) -> None:
        """A kind that is not an event kind is an error naming the argument."""
        with pytest.raises(ValueError, match="^ledgers: kinds"):
            find(testing.ledgers(kinds=[rp.Position]), lambda _: True)  # type: ignore[list-item]

    @FEW
    @given(st.data())
    def test_every_kind_replays_against_any_plan(self, data: st.DataObject) -> None:
        """Ledgers of every kind replay without a ledger error against any drawn plan."""
        plan = data.draw(testing.plans(max_amendments=3), label="plan")
        start = max(plan.agreement.dated, testing.LEDGER_START)  # the calendar starts in 1999
        ledger = data.draw(testing.ledgers(start=start), label="ledger")
        rp.replay(plan, ledger)

    @given(testing.ledgers())
    def test_never_more_held_than_outstanding(self, ledger: rp.Ledger) -> None:
        """Folded by hand: never more held than outstanding, nothing negative, no orphan ends."""
        held: dict[str, int] = {}
        rights: dict[tuple[str, bool], int] = {}
        total = 0
        formed: set[str] = set()
        exempted: set[str] = set()
        for event in ledger.events:
            if isinstance(event, rp.OutstandingChanged):
                total = event.outstanding
            elif isinstance(event, rp.Acquisition | rp.Disposition):
                sign = 1 if isinstance(event, rp.Acquisition) else -1
                held[event.holder] = held.get(event.holder, 0) + sign * event.shares
                for later, amount in (
                    (False, event.rights_to_acquire),
                    (True, event.rights_to_acquire_later),
                ):
                    key = (event.holder, later)
                    rights[key] = rights.get(key, 0) + sign * amount
            elif isinstance(event, rp.PositionReported):
                held[event.holder] = event.shares
                for later, reported in (
                    (False, event.rights_to_acquire),
                    (True, event.rights_to_acquire_later),
                ):
                    if reported is not None:
                        rights[(event.holder, later)] = reported
            elif isinstance(event, rp.RightsExercised):
                rights[(event.holder, event.later)] = (
                    rights.get((event.holder, event.later), 0) - event.shares
                )
                held[event.holder] = held.get(event.holder, 0) + event.shares
            elif isinstance(event, rp.StockSplit):
                total = int(total * event.ratio)
                held = {name: int(amount * event.ratio) for name, amount in held.items()}
                rights = {key: int(amount * event.ratio) for key, amount in rights.items()}
            elif isinstance(event, rp.GroupFormed):
                formed.add(event.group)
            elif isinstance(event, rp.GroupDissolved):
                assert event.group in formed
                formed.discard(event.group)
            elif isinstance(event, rp.ExemptionGranted):
                exempted.add(event.holder)
            elif isinstance(event, rp.ExemptionRevoked):
                assert event.holder in exempted
                exempted.discard(event.holder)
            assert min([0, *held.values(), *rights.values()]) == 0
            assert sum(held.values()) <= total


class TestStandings:
    @given(testing.standings(kinds=[rp.Grandfathered, rp.BoardExempted]))
    def test_kinds_restricts_the_standings(self, standing: rp.Grandfathered) -> None:
        """standings(kinds=...) draws only those kinds."""
        assert isinstance(standing, rp.Grandfathered | rp.BoardExempted)

    @given(testing.positions_with_standing(INNOTRAC, on=NOVEMBER_24))
    def test_positions_with_standing_are_valid(
        self, drawn: tuple[rp.Position, rp.Standing]
    ) -> None:
        """The standing began by the day asked about; its base is at most the shares outstanding."""
        position, standing = drawn
        assert 0 <= position.shares <= position.outstanding
        assert isinstance(standing, rp.Ordinary) or standing.since <= NOVEMBER_24
        if isinstance(standing, rp.Grandfathered | rp.BuybackExcused):
            assert standing.base_shares <= position.outstanding
        rp.assess(INNOTRAC, position, on=NOVEMBER_24, standing=standing)

    def test_the_lines_of_a_standing_come_up(self) -> None:
        """Excused holdings, and holdings exactly at a grandfathered line and one past, come up."""
        strategy = testing.positions_with_standing(
            INNOTRAC, on=NOVEMBER_24, kinds=[rp.Grandfathered]
        )

        def verdict(drawn: tuple[rp.Position, rp.Standing]) -> rp.Assessment:
            return rp.assess(INNOTRAC, drawn[0], on=NOVEMBER_24, standing=drawn[1])

        def has_status(status: rp.Status) -> Callable[[tuple[rp.Position, rp.Standing]], bool]:
            return lambda drawn: verdict(drawn).status is status

        def own_line_headroom(headroom: int) -> Callable[[tuple[rp.Position, rp.Standing]], bool]:
            def condition(drawn: tuple[rp.Position, rp.Standing]) -> bool:
                found = verdict(drawn)
                return (
                    found.headroom == headroom
                    and found.limit is not None
                    and found.limit.kind is rp.LimitKind.GRANDFATHERED
                )

            return condition

        for status in (rp.Status.EXCUSED, rp.Status.TRIGGERED):
            found = find(strategy, has_status(status), settings=FIND)
            assert verdict(found).status is status
        for headroom in (0, -1):
            found = find(strategy, own_line_headroom(headroom), settings=FIND)
            assert verdict(found).headroom == headroom
