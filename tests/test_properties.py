"""Properties of the core, each checked against an oracle written independently of rightsplan.

The oracles use :class:`~fractions.Fraction` arithmetic on the plan's own definitions
("X% or more" is ``shares * 100 / outstanding >= X``), never rightsplan's integer shortcuts,
so an off-by-one at a boundary share shows up as a disagreement rather than passing quietly.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import assume, given, reject
from hypothesis import strategies as st

import rightsplan as rp

from .strategies import (
    HOLDER_NAMES,
    MAX_DATE,
    amendment_histories,
    comparisons,
    floats,
    percents,
    plans,
    positions,
    thresholds,
)

AT_LEAST = rp.Comparison.AT_LEAST
MORE_THAN = rp.Comparison.MORE_THAN
INNOTRAC_OUTSTANDING = 11_572_314
# Histories long enough to add, replace and remove; test_stateful.py drives longer ones.
MAX_AMENDMENTS = 4

# How far along the "more shares, worse verdict" scale a status lies.
RANK = {rp.Status.CLEAR: 0, rp.Status.WARNING: 1, rp.Status.TRIGGERED: 2}


# --- oracles ---------------------------------------------------------------------------------


def oracle_crosses(
    shares: int, outstanding: int, percent: Fraction, comparison: rp.Comparison
) -> bool:
    """The plan's words, read literally: "X% or more" or "more than X%" of the outstanding."""
    held = Fraction(shares * 100, outstanding)
    return held >= percent if comparison is AT_LEAST else held > percent


def oracle_max_shares(outstanding: int, percent: Fraction, comparison: rp.Comparison) -> int:
    """The largest share count that does not cross, from the exact boundary ``percent% * o``."""
    boundary = percent * outstanding / 100
    if comparison is AT_LEAST:
        return math.ceil(boundary) - 1  # every s < boundary is clear
    return math.floor(boundary)  # every s <= boundary is clear


def name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def oracle_applicable(terms: rp.Terms, position: rp.Position) -> list[rp.Threshold]:
    """Every rule that applies to a (non-exempt) holder: each is an "unless it crosses" clause."""
    applicable = [terms.known_general().threshold]
    passive = terms.known_passive()
    if position.passive and passive is not None:
        applicable.append(passive.threshold)
    key = name_key(position.holder)
    for exception in terms.exceptions:
        if key in {name_key(name) for name in (exception.holder, *exception.members)}:
            if position.passive or not exception.requires_passive:
                applicable.append(exception.limit().threshold)
            break  # the replay keeps each name under one exception at most
    return applicable


def oracle_exempt(terms: rp.Terms, position: rp.Position) -> bool:
    """An Exempt Person: named (case and spacing aside), or of an exempt kind (the Company...)."""
    return any(
        name_key(e.name) == name_key(position.holder)
        or (e.category not in (None, rp.HolderKind.OTHER) and e.category is position.kind)
        for e in terms.exemptions
    )


def boundary_hugging(outstanding: int, percent: Fraction) -> list[int]:
    """Share counts at, just under and just over the exact boundary, within [0, outstanding]."""
    boundary = percent * outstanding / 100
    edges = {math.floor(boundary) + d for d in (-1, 0, 1)} | {
        math.ceil(boundary) + d for d in (-1, 0, 1)
    }
    return sorted(s for s in edges if 0 <= s <= outstanding)


# --- strategies ------------------------------------------------------------------------------


def _spaced(name: str) -> str:
    return "  " + name.replace(" ", "   ") + " "


@st.composite
def holder_names(draw: st.DrawFn, also: tuple[str, ...] = ()) -> str:
    """Pool names (and ``also``), sometimes in other case and spacing, which must not matter."""
    name = draw(st.sampled_from(HOLDER_NAMES + also))
    spellings: list[Callable[[str], str]] = [str.strip, str.upper, str.casefold, _spaced]
    respell = draw(st.sampled_from(spellings))
    return respell(name)


def outstandings() -> st.SearchStrategy[int]:
    return st.one_of(st.integers(1, 1000), st.integers(1, 10**12), st.just(INNOTRAC_OUTSTANDING))


def usual_thresholds() -> st.SearchStrategy[rp.Threshold]:
    """General thresholds from 1% to 25%, where nearly every plan's lies (4.99%, 10%, 15%...).

    Drawn inside the range rather than filtered into it, and low enough that the passive
    tiers amendment_histories draws above them seldom miss: fewer examples are discarded.
    """
    percent = st.one_of(
        st.sampled_from([Fraction(p) for p in ("4.75", "4.9", "4.99", "5", "10", "15", "20")]),
        st.integers(1, 25).map(Fraction),
        st.integers(100, 2500).map(lambda n: Fraction(n, 100)),
    )
    return st.builds(rp.Threshold, percent, comparisons())


@st.composite
def any_plans(draw: st.DrawFn) -> rp.Plan:
    """Plans, in any order, whose amendments take effect when executed or on other days.

    Without caps in shares: the oracles here are percentages; caps in shares have their own
    (tests/test_rules.py, "caps in shares").
    """
    agreement, amendments = draw(
        amendment_histories(
            general=draw(usual_thresholds()), max_amendments=MAX_AMENDMENTS, share_caps=False
        )
    )
    if draw(st.booleans()):
        shifted = []
        for amendment in amendments:
            offset = draw(st.none() | st.integers(-30, 400))
            effective = None if offset is None else amendment.executed.add(days=offset)
            if effective is not None:
                effective = max(effective, agreement.dated)
            shifted.append(attrs.evolve(amendment, effective=effective))
        amendments = tuple(shifted)
    try:
        return rp.Plan(agreement, draw(st.permutations(amendments)))
    except rp.PlanHistoryError:
        # Moving an amendment's effective date can reorder the replay (a removal before its
        # addition); such a history is rightly refused, and is not what these tests are about.
        reject()


def last_day(plan: rp.Plan) -> pendulum.Date:
    days = [plan.agreement.dated, *(a.effective_date for a in plan.amendments)]
    return max(days)


@st.composite
def days_for(draw: st.DrawFn, plan: rp.Plan) -> pendulum.Date:
    """Days from the agreement on, mostly within the plan's history, sometimes at its dates."""
    start = plan.agreement.dated
    near = draw(st.integers(0, (last_day(plan) - start).days + 500))
    instruments = [start, *(a.effective_date for a in plan.amendments)]
    choice = draw(
        st.one_of(
            st.just(start.add(days=near)),
            st.sampled_from(instruments),
            st.sampled_from(instruments).map(lambda d: d.subtract(days=1)),
            st.dates(start, MAX_DATE).map(lambda d: pendulum.Date(d.year, d.month, d.day)),
        )
    )
    return max(choice, start)


@st.composite
def situations(draw: st.DrawFn) -> tuple[rp.Plan, pendulum.Date, rp.Position]:
    """A plan, a day from its adoption on, and a holding that often hugs one of its limits."""
    plan = draw(any_plans())
    on = draw(days_for(plan))
    position = draw(positions(plan, on=on))
    named = tuple(n for e in plan.terms_at(on).exceptions for n in (e.holder, *e.members))
    holder = draw(holder_names(also=named * 3))  # meet the plan's exceptions often
    return plan, on, attrs.evolve(position, holder=holder)


@st.composite
def warn_ats(draw: st.DrawFn) -> tuple[Fraction, Fraction | str]:
    """A share of the limit in (0, 1], and how it is given: a Fraction, "0.9" or "90%"."""
    ratio = draw(
        st.one_of(
            st.just(Fraction(9, 10)),
            st.just(Fraction(1)),
            st.integers(1, 1000).map(lambda n: Fraction(n, 1000)),
            st.fractions(min_value=0, max_value=1, max_denominator=10**6).filter(lambda f: f > 0),
        )
    )
    forms: list[Fraction | str] = [
        ratio,
        rp.format_percent(ratio),
        f"{rp.format_percent(ratio * 100)}%",
    ]
    return ratio, draw(st.sampled_from(forms))


# --- percentages -----------------------------------------------------------------------------


class TestPercentText:
    @given(st.one_of(percents(), st.fractions(), st.fractions(max_denominator=10**9)))
    def test_format_then_read_is_exact(self, value: Fraction) -> None:
        """to_percent reads back exactly what format_percent writes, for every Fraction."""
        text = rp.format_percent(value)
        assert rp.to_percent(text) == value
        assert rp.to_percent(f"{text}%") == value

    @given(
        st.integers(0, 6).flatmap(
            lambda places: st.decimals(allow_nan=False, allow_infinity=False, places=places)
        )
    )
    def test_decimal_text_reads_as_the_decimal(self, value: Decimal) -> None:
        """A Decimal written out positionally ("4.99") reads as exactly that Decimal."""
        assert rp.to_percent(str(value)) == Fraction(value)
        assert rp.to_percent(value) == Fraction(value)

    @given(st.decimals(allow_nan=False, allow_infinity=False))
    def test_decimal_text_is_never_misread(self, value: Decimal) -> None:
        """A Decimal's text is read exactly or, in exponent form ("1E+2"), refused; not misread."""
        text = str(value)
        if "E" in text.upper():
            try:
                read = rp.to_percent(text)
            except rp.InvalidPercentError:
                return
        else:
            read = rp.to_percent(text)  # positional text must always be read
        assert read == Fraction(value)


class TestNoFloats:
    WHERE: tuple[tuple[str, Callable[[Any], object]], ...] = (
        ("to_percent", rp.to_percent),
        ("Threshold", lambda f: rp.Threshold(f, AT_LEAST)),
        ("SetThreshold", lambda f: rp.SetThreshold(percent=f, comparison=AT_LEAST)),
        ("SetPassiveTier", lambda f: rp.SetPassiveTier(percent=f, comparison=MORE_THAN)),
        (
            "AddException",
            lambda f: rp.AddException(
                holder="IPOF Group", percent=f, comparison=MORE_THAN, requires_passive=True
            ),
        ),
        (
            "assess(warn_at=...)",
            lambda f: rp.assess(
                rp.examples.innotrac(),
                rp.Position("Alpha Capital", 1, INNOTRAC_OUTSTANDING),
                on="2003-12-01",
                warn_at=f,
            ),
        ),
        ("Position.shares", lambda f: rp.Position("Alpha Capital", f, INNOTRAC_OUTSTANDING)),
        ("Position.outstanding", lambda f: rp.Position("Alpha Capital", 0, f)),
    )

    @pytest.mark.parametrize(("where", "call"), WHERE, ids=[w for w, _ in WHERE])
    @given(value=st.one_of(st.sampled_from([25.0, 4.99, 15.0, 0.9, 1.0, 0.0]), floats()))
    def test_floats_are_refused_as_type_errors(
        self, where: str, call: Callable[[Any], object], value: float
    ) -> None:
        """A float percent or share count is a RightsPlanError and a TypeError that says "float"."""
        with pytest.raises(rp.RightsPlanError) as caught:
            call(value)
        assert isinstance(caught.value, TypeError), where
        assert "float" in str(caught.value), where


# --- thresholds ------------------------------------------------------------------------------


@st.composite
def holdings(draw: st.DrawFn, threshold: rp.Threshold) -> tuple[int, int]:
    """(shares, outstanding), the shares often right at the threshold's exact boundary."""
    outstanding = draw(outstandings())
    hugging = boundary_hugging(outstanding, threshold.percent)
    shares = draw(st.one_of(st.integers(0, outstanding), st.sampled_from(hugging)))
    return shares, outstanding


class TestThreshold:
    @given(percents(), st.integers(1, 10**6), st.sampled_from([-1, 0, 1]))
    def test_whole_boundary_share_follows_the_comparison(
        self, percent: Fraction, multiple: int, step: int
    ) -> None:
        """Exactly X% crosses "X% or more", not "more than X%"; a share less/more: neither/both."""
        outstanding = multiple * (percent / 100).denominator
        boundary = percent * outstanding / 100
        assert boundary.denominator == 1  # the boundary is a whole number of shares
        shares = int(boundary) + step
        assume(0 <= shares <= outstanding)
        at_least = rp.Threshold(percent, AT_LEAST).crossed_by(shares, outstanding)
        more_than = rp.Threshold(percent, MORE_THAN).crossed_by(shares, outstanding)
        assert (at_least, more_than) == {-1: (False, False), 0: (True, False), 1: (True, True)}[
            step
        ]

    @given(thresholds().flatmap(lambda t: st.tuples(st.just(t), holdings(t))))
    def test_crossed_by_matches_the_fraction_oracle(
        self, case: tuple[rp.Threshold, tuple[int, int]]
    ) -> None:
        """crossed_by agrees with shares*100/outstanding >= percent (or >), at the boundary too."""
        threshold, (shares, outstanding) = case
        expected = oracle_crosses(shares, outstanding, threshold.percent, threshold.comparison)
        assert threshold.crossed_by(shares, outstanding) is expected

    @given(thresholds(), outstandings())
    def test_max_shares_matches_the_oracle(self, threshold: rp.Threshold, outstanding: int) -> None:
        """max_shares matches the exact oracle: that holding does not cross, one share more does."""
        largest = threshold.max_shares(outstanding)
        assert largest == oracle_max_shares(outstanding, threshold.percent, threshold.comparison)
        assert 0 <= largest <= outstanding
        assert not threshold.crossed_by(largest, outstanding)
        if largest + 1 <= outstanding:
            assert threshold.crossed_by(largest + 1, outstanding)

    @given(thresholds(), st.integers(1, 300))
    def test_max_shares_by_counting(self, threshold: rp.Threshold, outstanding: int) -> None:
        """For small share counts, max_shares is the largest holding found by trying them all."""
        clear = [
            s
            for s in range(outstanding + 1)
            if not oracle_crosses(s, outstanding, threshold.percent, threshold.comparison)
        ]
        assert threshold.max_shares(outstanding) == max(clear)


# --- assessment ------------------------------------------------------------------------------


def without_exceptions(plan: rp.Plan, on: pendulum.Date) -> rp.Plan:
    """The same history up to ``on``, then an amendment effective ``on`` removing every exception.

    The history is cut at ``on`` (the replay-prefix property below shows that changes nothing
    on ``on``), so the removal is the last change applied on that day.
    """
    kept = [a for a in plan.amendments if a.effective_date <= on]
    prefix = rp.Plan(plan.agreement, kept)
    changes: list[rp.Change] = [
        rp.RemoveException(holder=e.holder) for e in prefix.terms_at(on).exceptions
    ]
    executed = max([on, *(a.executed for a in kept)])
    removal = rp.Amendment(
        number=max([0, *(a.number or 0 for a in kept)]) + 1,
        executed=executed,
        effective=on,
        changes=changes or [rp.OtherChange(description="no exception to remove")],
    )
    return prefix.amend(removal)


class TestAssess:
    @given(situations(), st.data())
    def test_more_shares_never_improve_the_verdict(
        self, situation: tuple[rp.Plan, pendulum.Date, rp.Position], data: st.DataObject
    ) -> None:
        """Under the same terms more shares never improve the verdict: TRIGGERED stays TRIGGERED."""
        plan, on, position = situation
        more = data.draw(st.integers(position.shares, position.outstanding), label="more")
        before = rp.assess(plan, position, on=on)
        after = rp.assess(plan, attrs.evolve(position, shares=more), on=on)
        if before.status in RANK:
            assert RANK[before.status] <= RANK[after.status]
            assert after.limit == before.limit and after.max_shares == before.max_shares
        else:  # exempt or no plan in force: the holding does not matter
            assert after.status is before.status

    @given(situations())
    def test_headroom_is_exactly_the_room_left(
        self, situation: tuple[rp.Plan, pendulum.Date, rp.Position]
    ) -> None:
        """Acquiring exactly the headroom stays untriggered and one share more triggers."""
        plan, on, position = situation
        a = rp.assess(plan, position, on=on)
        assume(a.headroom is not None)
        assert a.headroom is not None and a.max_shares is not None
        assert (a.headroom < 0) is (a.status is rp.Status.TRIGGERED)
        target = position.shares + a.headroom
        assert target == a.max_shares
        assume(target <= position.outstanding)
        at = rp.assess(plan, attrs.evolve(position, shares=target), on=on)
        assert at.status is not rp.Status.TRIGGERED and at.headroom == 0
        if target + 1 <= position.outstanding:
            over = rp.assess(plan, attrs.evolve(position, shares=target + 1), on=on)
            assert over.status is rp.Status.TRIGGERED and over.headroom == -1

    @given(situations(), warn_ats())
    def test_verdict_matches_the_oracle(
        self,
        situation: tuple[rp.Plan, pendulum.Date, rp.Position],
        warn: tuple[Fraction, Fraction | str],
    ) -> None:
        """TRIGGERED iff every applicable rule is crossed; else WARNING iff >= warn_at * limit."""
        plan, on, position = situation
        warn_at, given_as = warn
        a = rp.assess(plan, position, on=on, warn_at=given_as)
        assert a.warn_at == warn_at
        if not plan.in_force_on(on):
            assert a.status is rp.Status.INACTIVE
            return
        terms = plan.terms_at(on)
        if oracle_exempt(terms, position):
            assert a.status is rp.Status.EXEMPT and a.limit is None and a.max_shares is None
            return
        applicable = oracle_applicable(terms, position)
        shares, outstanding = position.shares, position.outstanding
        triggered = all(
            oracle_crosses(shares, outstanding, t.percent, t.comparison) for t in applicable
        )
        most_generous = max(t.percent for t in applicable)
        warning = not triggered and Fraction(shares * 100, outstanding) >= warn_at * most_generous
        expected = (
            rp.Status.TRIGGERED if triggered else rp.Status.WARNING if warning else rp.Status.CLEAR
        )
        assert a.status is expected
        assert a.max_shares == max(
            oracle_max_shares(outstanding, t.percent, t.comparison) for t in applicable
        )
        assert a.limit is not None and a.limit.percent == most_generous

    @given(situations())
    def test_turning_active_never_raises_the_limit(
        self, situation: tuple[rp.Plan, pendulum.Date, rp.Position]
    ) -> None:
        """Turning active (passive=False) never raises max_shares nor improves the verdict."""
        plan, on, position = situation
        passive = rp.assess(plan, attrs.evolve(position, passive=True), on=on)
        active = rp.assess(plan, attrs.evolve(position, passive=False), on=on)
        if passive.max_shares is None:
            assert active.status is passive.status
            return
        assert active.max_shares is not None
        assert active.max_shares <= passive.max_shares
        assert RANK[active.status] >= RANK[passive.status]

    @given(situations())
    def test_exceptions_benefit_only_their_holders(
        self, situation: tuple[rp.Plan, pendulum.Date, rp.Position]
    ) -> None:
        """A holder no exception covers is assessed exactly as if the plan had no exceptions."""
        plan, on, position = situation
        assume(plan.in_force_on(on))
        terms = plan.terms_at(on)
        assume(terms.exception_for(position.holder) is None)
        key = name_key(position.holder)
        assert all(  # the library agrees with the oracle that no exception names this holder
            key not in {name_key(n) for n in (e.holder, *e.members)} for e in terms.exceptions
        )
        bare = without_exceptions(plan, on)
        assert bare.terms_at(on).exceptions == ()
        a, b = rp.assess(plan, position, on=on), rp.assess(bare, position, on=on)
        assert (a.status, a.limit, a.max_shares, a.headroom) == (
            b.status,
            b.limit,
            b.max_shares,
            b.headroom,
        )

    @given(situations())
    def test_an_exception_never_tightens_the_rules(
        self, situation: tuple[rp.Plan, pendulum.Date, rp.Position]
    ) -> None:
        """Even for its holder, an exception never lowers max_shares below the plan without it."""
        plan, on, position = situation
        assume(plan.in_force_on(on))
        a = rp.assess(plan, position, on=on)
        b = rp.assess(without_exceptions(plan, on), position, on=on)
        if a.max_shares is None:
            assert a.status is b.status is rp.Status.EXEMPT
            return
        assert b.max_shares is not None
        assert a.max_shares >= b.max_shares
        assert RANK[a.status] <= RANK[b.status]


# --- the replay ------------------------------------------------------------------------------


class TestReplay:
    @given(any_plans().flatmap(lambda p: st.tuples(st.just(p), days_for(p))))
    def test_terms_on_a_day_are_the_replay_of_the_prefix(
        self, case: tuple[rp.Plan, pendulum.Date]
    ) -> None:
        """terms_at(d) equals the terms of the plan built only from amendments effective by d."""
        plan, on = case
        prefix = rp.Plan(plan.agreement, [a for a in plan.amendments if a.effective_date <= on])
        assert plan.terms_at(on) == prefix.terms_at(on)
        assert plan.in_force_on(on) == prefix.in_force_on(on)

    @given(any_plans(), st.data())
    def test_amendment_order_given_does_not_matter(
        self, plan: rp.Plan, data: st.DataObject
    ) -> None:
        """Any order of the same amendments gives an equal plan, timeline and terms."""
        shuffled = rp.Plan(plan.agreement, data.draw(st.permutations(plan.amendments)))
        assert shuffled == plan
        assert shuffled.timeline() == plan.timeline()
        assert shuffled.amendments == plan.amendments
        on = data.draw(days_for(plan), label="on")
        assert shuffled.terms_at(on) == plan.terms_at(on)

    # Regression: ReplaceException once skipped the check AddException makes, so a replacement
    # could leave a name under two exceptions and the first found silently won (fixed in
    # f37e26c).
    def test_replacement_cannot_make_two_exceptions_cover_one_name(self) -> None:
        """A ReplaceException whose members another exception covers is refused, as an add is."""
        agreement = rp.RightsAgreement(
            company="Example Corp",
            dated="2010-01-15",
            provisions=(
                rp.SetThreshold(percent=15, comparison=AT_LEAST),
                rp.AddException(
                    holder="IPOF Group",
                    members=("IPOF Fund, L.P.", "David Dadante"),
                    percent=25,
                    comparison=MORE_THAN,
                    requires_passive=True,
                ),
                rp.AddException(
                    holder="Alpha Capital", percent=20, comparison=MORE_THAN, requires_passive=False
                ),
            ),
        )
        add = rp.AddException(
            holder="Beta Partners LP",
            members=("David Dadante",),
            percent=40,
            comparison=MORE_THAN,
            requires_passive=False,
        )
        replace = rp.ReplaceException(
            holder="Alpha Capital",
            members=("David Dadante",),
            percent=40,
            comparison=MORE_THAN,
            requires_passive=False,
        )
        refused = r"^Amendment No\. 1 .*'David Dadante' is already covered"
        for change in (add, replace):
            with pytest.raises(rp.PlanHistoryError, match=refused):
                rp.Plan(
                    agreement, [rp.Amendment(number=1, executed="2011-01-03", changes=[change])]
                )


class TestTimeline:
    @given(any_plans().flatmap(lambda p: st.tuples(st.just(p), days_for(p))))
    def test_periods_tile_the_history(self, case: tuple[rp.Plan, pendulum.Date]) -> None:
        """Periods tile from the agreement on, only the last open; each as terms_at says."""
        plan, on = case
        periods = plan.timeline()
        assert periods[0].start == plan.agreement.dated
        assert periods[-1].end is None
        for earlier, later in itertools.pairwise(periods):
            assert earlier.end is not None
            assert earlier.start <= earlier.end
            assert later.start == earlier.end.add(days=1)
        for period in periods:
            days = [period.start] if period.end is None else [period.start, period.end]
            for day in days:
                assert plan.terms_at(day) == period.terms
                assert plan.in_force_on(day) is period.in_force
        containing = [p for p in periods if p.contains(on)]
        assert len(containing) == 1
        assert plan.terms_at(on) == containing[0].terms
        assert plan.in_force_on(on) is containing[0].in_force

    @given(plans(max_amendments=1), st.integers(1, 10_000))
    def test_nothing_before_the_agreement(self, plan: rp.Plan, days: int) -> None:
        """Before the agreement's date: no terms, no plan in force, and an INACTIVE verdict."""
        before = plan.agreement.dated.subtract(days=days)
        with pytest.raises(rp.NotAdoptedError, match=plan.agreement.dated.isoformat()):
            plan.terms_at(before)
        assert not plan.in_force_on(before)
        position = rp.Position("Alpha Capital", 1, 1)
        assert rp.assess(plan, position, on=before).status is rp.Status.INACTIVE
