"""rightsplan.rules: the rulebook's lines, tie-break and standings, against reference models."""

from __future__ import annotations

from fractions import Fraction

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import rightsplan as rp
from rightsplan import rules, testing
from rightsplan.standing import STANDING_KINDS, Standing

from .strategies import thresholds

ON = pendulum.Date(2026, 3, 2)
ADOPTED = pendulum.Date(2026, 1, 2)


@st.composite
def standing_plans(draw: st.DrawFn) -> rp.Plan:
    """Plans in force on ON with every rule a standing reads: tiers, grandfathering, ownership."""
    general = draw(thresholds(Fraction(1), Fraction(30)))
    provisions: list[rp.Change] = [
        rp.SetThreshold(percent=general.percent, comparison=general.comparison)
    ]
    if draw(st.booleans()):
        tier = max(
            draw(thresholds(general.percent, Fraction(40))), general, key=rp.Threshold.sort_key
        )
        provisions.append(rp.SetPassiveTier(percent=tier.percent, comparison=tier.comparison))
    provisions.append(draw(testing.grandfatherings()))
    provisions.append(draw(testing.ownership_rules()))
    return rp.Plan(rp.RightsAgreement(company="Example Corp", dated=ADOPTED, provisions=provisions))


def with_standing(
    kinds: tuple[type[Standing], ...] = STANDING_KINDS,
) -> st.SearchStrategy[tuple[rp.Plan, rp.Position, Standing]]:
    """A plan, and a holding on ON with a standing of one of ``kinds``."""
    return standing_plans().flatmap(
        lambda plan: testing.positions_with_standing(
            plan, on=ON, kinds=kinds, max_outstanding=10**9
        ).map(lambda drawn: (plan, *drawn))
    )


def at(position: rp.Position, shares: int) -> rp.Position:
    return attrs.evolve(position, shares=shares)


def lapses(plan: rp.Plan, standing: Standing) -> bool:
    """Whether the standing ends once the holder is back at or under the binding limit."""
    if isinstance(standing, rp.BuybackExcused | rp.InadvertentExcused):
        return True
    if isinstance(standing, rp.Grandfathered):
        clause = standing.rules or plan.terms_at(ON).grandfathering
        return clause.lapses_below_threshold
    return False


# --- a naive reference model of the excused line, in Fractions ----------------------------


def allowed(
    shares: int,
    base: int,
    outstanding: int,
    tolerance: rp.Threshold | None,
    cap: rp.Threshold | None,
) -> bool:
    """Whether a grandfathered holder may hold ``shares``: the plan's words, read literally."""
    if shares > outstanding:
        return False
    added = Fraction(shares - base, outstanding) * 100
    if tolerance is None:
        ok = shares <= base
    elif tolerance.comparison is rp.Comparison.AT_LEAST:
        ok = added < tolerance.percent
    else:
        ok = added <= tolerance.percent
    if cap is not None:
        held = Fraction(shares, outstanding) * 100
        ok = ok and (
            held < cap.percent if cap.comparison is rp.Comparison.AT_LEAST else held <= cap.percent
        )
    return ok


def largest_allowed(
    base: int, outstanding: int, tolerance: rp.Threshold | None, cap: rp.Threshold | None
) -> int:
    """The largest allowed holding, by bisection over the predicate (-1 if none)."""
    low, high = -1, outstanding  # allowed(low) holds (or low is -1); find the last True
    while low < high:
        middle = (low + high + 1) // 2
        if allowed(middle, base, outstanding, tolerance, cap):
            low = middle
        else:
            high = middle - 1
    return low


class TestExcusedLine:
    @given(
        st.integers(1, 10**9).flatmap(lambda o: st.tuples(st.just(o), st.integers(0, o))),
        st.none() | thresholds(Fraction(1, 100), Fraction(10)),
        st.none() | thresholds(Fraction(1), Fraction(60)),
    )
    def test_agrees_with_the_reference_model(
        self,
        drawn: tuple[int, int],
        tolerance: rp.Threshold | None,
        cap: rp.Threshold | None,
    ) -> None:
        """excused_line is the largest holding the plan's words allow, computed in Fractions."""
        outstanding, base = drawn
        line = rules.excused_line(base, outstanding, tolerance=tolerance, cap=cap)
        assert line == largest_allowed(base, outstanding, tolerance, cap)

    def test_the_tax_asset_example(self) -> None:
        """610,000 of 10,000,000 with "additional shares of 0.5% or more": 659,999 at most."""
        tolerance = rp.Threshold(Fraction("0.5"), rp.Comparison.AT_LEAST)
        assert rules.excused_line(610_000, 10_000_000, tolerance=tolerance) == 659_999
        more_than = rp.Threshold(Fraction("0.5"), rp.Comparison.MORE_THAN)
        assert rules.excused_line(610_000, 10_000_000, tolerance=more_than) == 660_000

    def test_no_tolerance_is_the_base(self) -> None:
        """Without a tolerance the line is the base holding: any acquisition counts."""
        assert rules.excused_line(610_000, 10_000_000, tolerance=None) == 610_000

    def test_the_cap_and_the_shares_outstanding_bound_it(self) -> None:
        """The line never passes the cap nor the shares outstanding."""
        cap = rp.Threshold(Fraction(6), rp.Comparison.MORE_THAN)
        tolerance = rp.Threshold(Fraction(5), rp.Comparison.AT_LEAST)
        assert rules.excused_line(580_000, 10_000_000, tolerance=tolerance, cap=cap) == 600_000
        assert rules.excused_line(98, 100, tolerance=tolerance) == 100


class TestGrandfatheredVerdict:
    @given(with_standing((rp.Grandfathered, rp.BuybackExcused)))
    def test_agrees_with_the_reference_model(
        self, drawn: tuple[rp.Plan, rp.Position, Standing]
    ) -> None:
        """Triggered exactly when over the binding limit and past the line the words allow."""
        plan, position, standing = drawn
        assert isinstance(standing, rp.Grandfathered | rp.BuybackExcused)
        ordinary = rp.assess(plan, position, on=ON)
        if ordinary.max_shares is None:
            return  # an Exempt Person: no standing changes that
        terms = plan.terms_at(ON)
        if isinstance(standing, rp.Grandfathered):
            clause = standing.rules or terms.grandfathering
            tolerance, cap = clause.known_tolerance(), clause.cap
        else:
            points = standing.tolerance
            if points is None:
                points = terms.ownership.buyback_tolerance
            tolerance = rp.Threshold(points, rp.Comparison.MORE_THAN) if points else None
            cap = None
        over = position.shares > ordinary.max_shares
        ok = allowed(position.shares, standing.base_shares, position.outstanding, tolerance, cap)
        verdict = rp.assess(plan, position, on=ON, standing=standing)
        assert (verdict.status is rp.Status.TRIGGERED) == (over and not ok)
        assert (verdict.status is rp.Status.EXCUSED) == (over and ok)
        line = largest_allowed(standing.base_shares, position.outstanding, tolerance, cap)
        if over or not lapses(plan, standing):
            assert verdict.max_shares == max(line, ordinary.max_shares)
        else:
            assert verdict.max_shares == ordinary.max_shares


class TestEveryStanding:
    @given(with_standing())
    def test_headroom_is_the_distance_to_max_shares(
        self, drawn: tuple[rp.Plan, rp.Position, Standing]
    ) -> None:
        """Where there is a line, headroom == max_shares - counted; where none, no headroom."""
        plan, position, standing = drawn
        verdict = rp.assess(plan, position, on=ON, standing=standing)
        if verdict.max_shares is None:
            assert verdict.headroom is None
            assert verdict.status in (rp.Status.EXEMPT, rp.Status.TRIGGERED)
        else:
            assert verdict.counted is not None
            assert verdict.headroom == verdict.max_shares - verdict.counted.shares
            assert (verdict.status is rp.Status.TRIGGERED) == (verdict.headroom < 0)

    @given(with_standing())
    def test_one_share_past_max_shares_triggers(
        self, drawn: tuple[rp.Plan, rp.Position, Standing]
    ) -> None:
        """At max_shares the holding does not trigger; one share more does (while it stands)."""
        plan, position, standing = drawn
        verdict = rp.assess(plan, position, on=ON, standing=standing)
        line = verdict.max_shares
        if line is None or not 0 <= line < position.outstanding:
            return
        ordinary = rp.assess(plan, position, on=ON)
        if lapses(plan, standing) and ordinary.max_shares is not None:
            if position.shares <= ordinary.max_shares:
                # Back at or under the limit the standing has lapsed: judged as anyone else.
                assert (verdict.status, verdict.max_shares, verdict.headroom) == (
                    ordinary.status,
                    ordinary.max_shares,
                    ordinary.headroom,
                )
                return
            if isinstance(standing, rp.InadvertentExcused):
                # Over the limit it is excused while it acquires nothing more: no headroom.
                assert verdict.status is rp.Status.EXCUSED
                assert (verdict.max_shares, verdict.headroom) == (position.shares, 0)
                return
        at_line = rp.assess(plan, at(position, line), on=ON, standing=standing)
        past = rp.assess(plan, at(position, line + 1), on=ON, standing=standing)
        assert at_line.status is not rp.Status.TRIGGERED
        assert at_line.max_shares == line
        assert past.status is rp.Status.TRIGGERED

    @given(with_standing())
    def test_a_standing_only_excuses(self, drawn: tuple[rp.Plan, rp.Position, Standing]) -> None:
        """Save a sticky Acquiring Person's, no standing triggers where no standing would not."""
        plan, position, standing = drawn
        verdict = rp.assess(plan, position, on=ON, standing=standing)
        ordinary = rp.assess(plan, position, on=ON)
        sticky = plan.terms_at(ON).ownership.sticky
        if isinstance(standing, rp.AcquiringPerson) and sticky:
            assert verdict.status is rp.Status.TRIGGERED
        elif verdict.status is rp.Status.TRIGGERED:
            assert ordinary.status is rp.Status.TRIGGERED
        if ordinary.max_shares is not None and verdict.max_shares is not None:
            assert verdict.max_shares >= ordinary.max_shares

    @given(with_standing())
    def test_the_limit_cited_is_the_line(
        self, drawn: tuple[rp.Plan, rp.Position, Standing]
    ) -> None:
        """The limit a verdict cites allows exactly max_shares (save an excused crossing's)."""
        plan, position, standing = drawn
        verdict = rp.assess(plan, position, on=ON, standing=standing)
        if verdict.limit is None or verdict.max_shares is None:
            return
        if isinstance(standing, rp.InadvertentExcused) and verdict.status is rp.Status.EXCUSED:
            return  # it cites the limit it crossed; its line is what it holds
        assert verdict.limit.threshold.max_shares(position.outstanding) == verdict.max_shares

    @given(with_standing())
    def test_more_shares_never_untrigger(
        self, drawn: tuple[rp.Plan, rp.Position, Standing]
    ) -> None:
        """With the same standing, a holding that triggers still triggers with one share more."""
        plan, position, standing = drawn
        if position.shares == position.outstanding:
            return
        before = rp.assess(plan, position, on=ON, standing=standing)
        after = rp.assess(plan, at(position, position.shares + 1), on=ON, standing=standing)
        if before.status is rp.Status.TRIGGERED:
            assert after.status is rp.Status.TRIGGERED


def limits() -> st.SearchStrategy[rp.Limit]:
    """Limits of every kind, from a few thresholds so that ties are common."""
    few = st.sampled_from(
        [
            rp.Threshold(Fraction(5), rp.Comparison.AT_LEAST),
            rp.Threshold(Fraction(5), rp.Comparison.MORE_THAN),
            rp.Threshold(Fraction(15), rp.Comparison.AT_LEAST),
        ]
    )
    return st.builds(
        rp.Limit,
        few,
        st.sampled_from(rp.LimitKind),
        st.sampled_from([rp.Source("Rights Agreement", ADOPTED), rp.Source("Amendment No. 1", ON)]),
        holder=st.none() | st.sampled_from(testing.HOLDER_NAMES),
    )


class TestMostGenerous:
    @given(
        st.lists(limits(), min_size=1, max_size=6).flatmap(
            lambda found: st.tuples(st.just(found), st.permutations(found))
        )
    )
    def test_independent_of_order(self, drawn: tuple[list[rp.Limit], list[rp.Limit]]) -> None:
        """The same limits in any order give the same binding limit."""
        found, shuffled = drawn
        assert rules.most_generous(shuffled) == rules.most_generous(found)

    @given(st.lists(limits(), min_size=1, max_size=6))
    def test_the_most_generous_binds(self, found: list[rp.Limit]) -> None:
        """The binding limit allows the most shares; among equals, the highest PRECEDENCE."""
        winner = rules.most_generous(found)
        best = max(limit.threshold.sort_key() for limit in found)
        assert winner.threshold.sort_key() == best
        tied = [limit for limit in found if limit.threshold.sort_key() == best]
        assert rules.PRECEDENCE[winner.kind] == max(rules.PRECEDENCE[lim.kind] for lim in tied)

    def test_every_kind_has_a_precedence(self) -> None:
        """Each LimitKind has its own place in PRECEDENCE."""
        assert set(rules.PRECEDENCE) == set(rp.LimitKind)
        assert len(set(rules.PRECEDENCE.values())) == len(rp.LimitKind)

    def test_a_grandfathered_line_beats_an_equal_general_rule(self) -> None:
        """Equally generous, the more specific rule binds, whichever comes first."""
        threshold = rp.Threshold(Fraction(5), rp.Comparison.AT_LEAST)
        source = rp.Source("Rights Agreement", ADOPTED)
        general = rp.Limit(threshold, rp.LimitKind.GENERAL, source)
        own = rp.Limit(threshold, rp.LimitKind.GRANDFATHERED, source, holder="Fund")
        assert rules.most_generous([general, own]) is own
        assert rules.most_generous([own, general]) is own


class TestLineWritten:
    @pytest.mark.parametrize(
        ("outstanding", "tolerance", "written", "line"),
        [
            (10_000_000, "0.5", "6.6", 659_999),
            (9_999_999, "0.5", "6.6", 659_999),
            (7_777_777, "0.5", "8.34285", 648_888),
            (9_999_999, None, "6.10001", 610_000),
        ],
    )
    def test_a_line_in_shares_is_written_as_a_short_decimal(
        self, outstanding: int, tolerance: str | None, written: str, line: int
    ) -> None:
        """A grandfathered line is cited as a short decimal, never as "6 12000011/19999998%"."""
        clause = rp.SetGrandfathering(
            tolerance_percent=tolerance,
            tolerance_comparison=None if tolerance is None else rp.Comparison.AT_LEAST,
        )
        plan = rp.Plan(
            rp.RightsAgreement(
                company="NOL Corp",
                dated=ADOPTED,
                provisions=[
                    rp.SetThreshold(percent="4.99", comparison=rp.Comparison.AT_LEAST),
                    clause,
                ],
            )
        )
        verdict = rp.assess(
            plan,
            rp.Position("Fund", 610_000, outstanding),
            on=ON,
            standing=rp.Grandfathered(ADOPTED, 610_000),
        )
        assert verdict.limit is not None and verdict.max_shares == line
        assert rp.format_percent(verdict.limit.percent) == written
        assert verdict.limit.threshold.max_shares(outstanding) == line
        assert "/" not in verdict.explain()


# --- caps in shares, listed Affiliates, provisos (issue 13) -----------------------------------

_ENZON_AMENDMENT = (
    "https://contracts.justia.com/companies/enzon-pharmaceuticals-inc-6971/contract/380154/"
)
_RENAISSANCE_MEMBERS = (
    "Renaissance Technologies LLC",
    "Renaissance Technologies Holdings Corporation",
)


def _enzon() -> rp.Plan:
    """Enzon's Section 382 Rights Agreement (2014-05-01) and its First Amendment (2016-02-22).

    The First Amendment's recitals, verbatim: Renaissance Technologies LLC ("RTC") and
    Renaissance Technologies Holdings Corporation ("RTHC" and together with RTC,
    collectively, "Renaissance") reported "beneficial ownership of 3,501,585 shares", and
    "the Board of Directors of the Company has determined that Renaissance's beneficial
    ownership of 3,501,585 shares of Common Stock would not jeopardize or endanger the
    availability to the Company of its net operating loss carryforwards". The operative
    clause was not read: the exemption up to that many shares is as the recitals state it.
    """
    agreement = rp.RightsAgreement(
        company="Enzon Pharmaceuticals, Inc.",
        dated="2014-05-01",
        title="Section 382 Rights Agreement",
        provisions=(
            rp.SetThreshold(
                percent="4.99",
                comparison=rp.Comparison.AT_LEAST,
                quote=(
                    "acquires beneficial ownership of 4.99% or more of the Company's common stock"
                ),
                note="as Enzon's press release of 2014-05-01 (thestreet.com) summarises it",
            ),
            *rp.standard_exempt_persons(),
        ),
    )
    first = rp.Amendment(
        number=1,
        title="First Amendment to Section 382 Rights Agreement",
        executed="2016-02-22",
        document=_ENZON_AMENDMENT,
        changes=[
            rp.AddExemptPerson(
                name="Renaissance",
                members=_RENAISSANCE_MEMBERS,
                share_cap=3_501_585,
                quote=(
                    "the Board of Directors of the Company has determined that Renaissance’s "
                    "beneficial ownership of 3,501,585 shares of Common Stock would not "
                    "jeopardize or endangerthe availability to the Company of its net "
                    "operating loss carryforwards"
                ),
                note="The operative clause was not read; the cap is the recitals' figure.",
            )
        ],
    )
    return rp.Plan(agreement, [first])


ENZON = _enzon()
ENZON_TERMS = ENZON.terms_at("2016-03-01")
ENZON_OUTSTANDING = 44_000_000  # an illustrative count: 4.99% of it is 2,195,600 shares


def _judge(
    terms: rp.Terms, holder: str, shares: int, outstanding: int, *, passive: bool = False
) -> rules.Verdict:
    counted = rp.ownership.Counted(shares, outstanding)
    return rules.verdict(terms, holder, counted, passive=passive)


class TestShareCappedExemption:
    def test_exempt_up_to_the_cap_exactly(self) -> None:
        """At 3,501,585 shares Renaissance is exempt, no headroom left, citing the amendment."""
        found = _judge(ENZON_TERMS, "Renaissance", 3_501_585, ENZON_OUTSTANDING)
        assert found.status is rules.Status.EXEMPT
        assert (found.max_shares, found.headroom) == (3_501_585, 0)
        assert "First Amendment to Section 382 Rights Agreement (2016-02-22)" in found.reason

    def test_one_share_over_the_cap_triggers(self) -> None:
        """At 3,501,586 shares (above 4.99% too) the general rule makes it an Acquiring Person."""
        found = _judge(ENZON_TERMS, "Renaissance", 3_501_586, ENZON_OUTSTANDING)
        assert found.status is rules.Status.TRIGGERED
        assert found.headroom == -1
        assert "Above the 3,501,585 shares" in found.reason

    def test_headroom_in_shares_is_exact(self) -> None:
        """Below the cap the headroom is the cap less the holding, to the share."""
        found = _judge(ENZON_TERMS, "Renaissance", 1_000_000, ENZON_OUTSTANDING)
        assert found.status is rules.Status.EXEMPT
        assert found.headroom == 2_501_585

    def test_listed_affiliates_are_covered(self) -> None:
        """RTC and RTHC, listed as Renaissance, are exempt up to the same cap."""
        for member in _RENAISSANCE_MEMBERS:
            found = _judge(ENZON_TERMS, member, 3_000_000, ENZON_OUTSTANDING)
            assert found.status is rules.Status.EXEMPT
            assert found.exemption is not None and found.exemption.name == "Renaissance"
        stranger = _judge(ENZON_TERMS, "Renaissance Capital Partners", 3_000_000, ENZON_OUTSTANDING)
        assert stranger.status is rules.Status.TRIGGERED

    def test_the_general_line_when_more_generous_than_the_cap(self) -> None:
        """With many more shares outstanding, 4.99% allows more than the cap and binds above it."""
        found = _judge(ENZON_TERMS, "Renaissance", 4_000_000, 100_000_000)
        assert found.status is rules.Status.CLEAR
        assert found.max_shares == 4_989_999

    @given(
        shares=st.integers(0, 10_000_000),
        outstanding=st.integers(10_000_000, 200_000_000),
    )
    def test_the_line_is_the_cap_or_the_general_rule(self, shares: int, outstanding: int) -> None:
        """Triggered exactly when the holding passes both the cap and the general line."""
        shares = min(shares, outstanding)
        general = Fraction(499, 100) * outstanding / 100  # 4.99% or more crosses
        general_max = -(-general.numerator // general.denominator) - 1
        line = max(3_501_585, general_max)
        found = _judge(ENZON_TERMS, "Renaissance", shares, outstanding)
        assert found.max_shares == line
        assert (found.status is rules.Status.TRIGGERED) == (shares > line)
        assert (found.status is rules.Status.EXEMPT) == (shares <= 3_501_585)

    def test_a_reported_percentage_is_refused(self) -> None:
        """A rounded percentage cannot be held against a cap in shares: a clear error."""
        reported = rp.ReportedHolding("Renaissance", "7.9%", outstanding=ENZON_OUTSTANDING)
        with pytest.raises(rp.InvalidInputError, match="capped at|caps it at 3,501,585 shares"):
            rp.assess(ENZON, reported, on="2016-03-01")

    def test_the_terms_show_the_cap_and_members(self) -> None:
        """describe() lists the Exempt Person with its members and its cap."""
        text = ENZON_TERMS.describe()
        assert (
            "Exempt Person: Renaissance (Renaissance Technologies LLC; Renaissance Technologies "
            "Holdings Corporation), up to 3,501,585 shares"
        ) in text


def _capped_exception(share_cap: int) -> rp.Terms:
    """Innotrac's IPOF exception (more than 40%) with a cap in shares added (not in the filing)."""
    plan = rp.examples.innotrac()
    last = plan.amendments[-1]
    change = last.changes[0]
    assert isinstance(change, rp.ReplaceException)
    capped = attrs.evolve(change, share_cap=share_cap)
    return rp.Plan(
        plan.agreement, [*plan.amendments[:-1], attrs.evolve(last, changes=[capped])]
    ).terms_at("2003-11-24")


class TestShareCappedException:
    def test_the_share_cap_ends_the_exception_below_the_percentage(self) -> None:
        """Above its share cap the holder is past its line even under 40%."""
        terms = _capped_exception(3_000_000)
        outstanding = 11_572_314
        assert (
            _judge(terms, "IPOF Group", 3_000_000, outstanding, passive=True).status
            is not rules.Status.TRIGGERED
        )
        over = _judge(terms, "IPOF Group", 3_000_001, outstanding, passive=True)
        assert over.status is rules.Status.TRIGGERED
        assert over.max_shares == 3_000_000
        assert "more than 3,000,000 shares" in over.reason

    def test_the_general_rule_binds_when_the_cap_is_below_it(self) -> None:
        """A share cap below the general line leaves the general rule as the most generous."""
        terms = _capped_exception(1_000)
        found = _judge(terms, "IPOF Group", 1_500_000, 11_572_314, passive=True)
        assert found.limit is not None and found.limit.kind is rp.LimitKind.GENERAL

    def test_the_screen_refuses_a_share_cap(self) -> None:
        """The screen engines take percentage limits only: a share cap is refused by name."""
        from rightsplan.screening import intervals

        with pytest.raises(rp.ScreenInputError, match="IPOF Group is capped at 3,000,000 shares"):
            intervals._refuse_share_caps(_capped_exception(3_000_000))


class TestProviso:
    def test_an_exceptions_lapse_condition_is_cited(self) -> None:
        """A proviso is recorded with the exception and quoted in the reasons considered."""
        plan = rp.examples.innotrac()
        last = plan.amendments[-1]
        change = last.changes[0]
        assert isinstance(change, rp.ReplaceException)
        clause = (
            "(ii) ceases to hold any of the common stock which it beneficially owns without any "
            "intention of changing or influencing control of the Company"
        )
        provised = attrs.evolve(change, proviso=clause)
        amended = rp.Plan(
            plan.agreement, [*plan.amendments[:-1], attrs.evolve(last, changes=[provised])]
        )
        terms = amended.terms_at("2003-11-24")
        considered, _ = rules.binding_limit(terms, "IPOF Group", passive=True)
        assert any(clause in c.reason for c in considered)
        assert f"(proviso: {clause})" in terms.describe()


def _rounded(position: rp.Position) -> rp.ReportedHolding:
    """The holding as a report prints it: its percentage rounded to one decimal place."""
    tenths = round(Fraction(position.shares * 1000, position.outstanding))
    return rp.ReportedHolding(
        position.holder,
        f"{tenths // 10}.{tenths % 10}%",
        passive=position.passive,
        kind=position.kind,
        outstanding=position.outstanding,
    )


def _ends(reported: rp.ReportedHolding, outstanding: int) -> tuple[int, int]:
    """The fewest and the most shares whose percentage rounds to the reported figure."""
    low, high = reported.interval
    fewest = -(-low * outstanding // 100)  # ceiling
    return int(fewest), int(min(high * outstanding // 100, outstanding))


class TestReportedHoldingStandings:
    @pytest.mark.parametrize("kind", STANDING_KINDS, ids=lambda kind: kind.__name__)
    @given(data=st.data())
    def test_every_standing_kind(self, kind: type[Standing], data: st.DataObject) -> None:
        """Every standing kind, with a rounded holding: one rule, the exact holdings' oracle.

        An Acquiring Person's (the sticky rule, rules.sticky_acquiring_person) and none are
        judged on the percentage, and never contradict the exact holdings the rounding allows
        judged with the same standing (TRIGGERED only where the fewest and the most shares
        both trigger, CLEAR or WARNING only where neither does). Every other kind rests on a
        number of shares (a base holding, a line) and is refused, saying to give them.
        """
        plan, position, standing = data.draw(with_standing((kind,)))
        terms = plan.terms_at(ON)
        capped = [e.share_cap for e in terms.exemptions] + [e.share_cap for e in terms.exceptions]
        if any(cap is not None for cap in capped):
            return  # a cap in shares cannot be held against a percentage (refused elsewhere)
        reported = _rounded(position)
        if not isinstance(standing, rp.Ordinary | rp.AcquiringPerson):
            with pytest.raises(rp.InputTypeError, match="give the exact shares as a Position"):
                rp.assess(plan, reported, on=ON, standing=standing)
            return
        found = rp.assess(plan, reported, on=ON, standing=standing)
        assert found.standing == standing
        fewest, most = _ends(reported, position.outstanding)
        exact = [
            rp.assess(
                plan,
                rp.Position(position.holder, shares, position.outstanding,
                            passive=position.passive, kind=position.kind),
                on=ON,
                standing=standing,
            ).status
            for shares in (fewest, most)
        ]  # fmt: skip
        if isinstance(standing, rp.AcquiringPerson) and terms.ownership.sticky:
            assert found.status is rp.Status.TRIGGERED
            assert (found.max_shares, found.headroom) == (None, None)
        if found.status is rp.Status.TRIGGERED and fewest <= most:
            assert exact == [rp.Status.TRIGGERED] * 2
        if found.status in (rp.Status.CLEAR, rp.Status.WARNING):
            assert rp.Status.TRIGGERED not in exact
