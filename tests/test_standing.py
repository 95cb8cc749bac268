"""rightsplan.standing: each standing kind, what it does to a verdict, and its flat fields."""

from __future__ import annotations

from fractions import Fraction

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import rightsplan as rp
from rightsplan import testing
from rightsplan.standing import (
    ORDINARY,
    STANDING_KINDS,
    Standing,
    check_standing,
    standing_from_fields,
)

ADOPTED = pendulum.Date(2026, 1, 2)
ON = pendulum.Date(2026, 3, 2)
OUTSTANDING = 10_000_000
AT_LEAST = rp.Comparison.AT_LEAST
MORE_THAN = rp.Comparison.MORE_THAN


def tax_asset_plan(*provisions: rp.Change, comparison: rp.Comparison = AT_LEAST) -> rp.Plan:
    """A 4.99% plan adopted ADOPTED, with the given further provisions."""
    return rp.Plan(
        rp.RightsAgreement(
            company="Example Corp",
            dated=ADOPTED,
            provisions=[rp.SetThreshold(percent="4.99", comparison=comparison), *provisions],
        )
    )


HALF_A_POINT = rp.SetGrandfathering(tolerance_percent="0.5", tolerance_comparison=AT_LEAST)
LINE = rp.Threshold(Fraction("4.99"), AT_LEAST).max_shares(OUTSTANDING)  # 498,999


def fund(shares: int) -> rp.Position:
    return rp.Position("Fund", shares, OUTSTANDING)


def check(plan: rp.Plan, shares: int, standing: Standing) -> rp.Assessment:
    return rp.assess(plan, fund(shares), on=ON, standing=standing)


def fields(standing: Standing) -> dict[str, object]:
    """The flat fields a holdings file would carry for ``standing``."""
    if isinstance(standing, rp.Grandfathered | rp.BuybackExcused):
        return {"since": standing.since, "shares": standing.base_shares}
    if isinstance(standing, rp.InadvertentExcused):
        return {"since": standing.crossed_on, "until": standing.divest_by}
    if isinstance(standing, rp.AcquiringPerson):
        return {"since": standing.since}
    if isinstance(standing, rp.BoardExempted):
        if standing.cap is None:
            return {"since": standing.since}
        return {
            "since": standing.since,
            "cap_percent": standing.cap.percent,
            "cap_comparison": standing.cap.comparison,
        }
    return {}


FIELD_NAMES = {
    "since": "standing_since",
    "shares": "standing_shares",
    "until": "standing_until",
    "cap_percent": "standing_cap_percent",
    "cap_comparison": "standing_cap_comparison",
}
SAMPLE_VALUES: dict[str, object] = {
    "since": "2026-02-01",
    "shares": 610_000,
    "until": "2026-04-01",
    "cap_percent": "10",
    "cap_comparison": "more-than",
}


class TestStandingFromFields:
    @given(testing.standings())
    def test_round_trips(self, standing: Standing) -> None:
        """A standing's flat fields build the same standing, up to what files cannot carry."""
        rebuilt = standing_from_fields(standing.kind, **fields(standing))  # type: ignore[arg-type]
        assert type(rebuilt) is type(standing)
        assert fields(rebuilt) == fields(standing)

    def test_builds_each_kind(self) -> None:
        """Each kind name builds its class, with the fields given."""
        assert standing_from_fields("none") is ORDINARY
        assert standing_from_fields(
            "grandfathered", since="2026-01-02", shares=610_000
        ) == rp.Grandfathered(ADOPTED, 610_000)
        assert standing_from_fields("buyback", since="2026-01-02", shares=7) == rp.BuybackExcused(
            ADOPTED, 7
        )
        exempted = standing_from_fields(
            "exempted", since="2026-01-02", cap_percent="20", cap_comparison="more-than"
        )
        assert exempted == rp.BoardExempted(ADOPTED, cap=rp.Threshold(Fraction(20), MORE_THAN))
        assert {kind.kind for kind in STANDING_KINDS} == {
            "none",
            "grandfathered",
            "buyback",
            "inadvertent",
            "acquiring-person",
            "exempted",
        }

    @pytest.mark.parametrize("kind", [kind.kind for kind in STANDING_KINDS])
    def test_rejects_a_field_the_kind_does_not_use(self, kind: str) -> None:
        """A field a kind has no use for is an error naming the field, never dropped."""
        used = set(fields(_one(kind)))
        if kind == "exempted":
            used |= {"cap_percent", "cap_comparison"}
        for name in set(FIELD_NAMES) - used:
            given_fields = {**fields(_one(kind)), name: SAMPLE_VALUES[name]}
            with pytest.raises(rp.RightsPlanError, match=f"^{FIELD_NAMES[name]}: not used"):
                standing_from_fields(kind, **given_fields)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("kind", "missing"),
        [
            ("grandfathered", {"since": "2026-01-02"}),
            ("buyback", {"shares": 5}),
            ("inadvertent", {"since": "2026-01-02"}),
            ("acquiring-person", {}),
        ],
    )
    def test_requires_the_fields_the_kind_uses(self, kind: str, missing: dict[str, object]) -> None:
        """A field the kind needs and is not given is an error naming it."""
        with pytest.raises(rp.RightsPlanError, match=r"^standing_\w+: required"):
            standing_from_fields(kind, **missing)  # type: ignore[arg-type]

    def test_rejects_an_unknown_kind(self) -> None:
        """An unknown kind is an error listing the kinds."""
        with pytest.raises(rp.RightsPlanError, match="^standing: expected one of none, "):
            standing_from_fields("sticky")

    def test_a_cap_needs_both_fields(self) -> None:
        """A cap's percentage without its comparison is an error naming both fields."""
        with pytest.raises(rp.RightsPlanError, match="standing_cap_percent and"):
            standing_from_fields("exempted", since="2026-01-02", cap_percent="20")


def _one(kind: str) -> Standing:
    """A standing of ``kind`` as a holdings file would give it."""
    sample = {
        "none": {},
        "grandfathered": {"since": "2026-01-02", "shares": 610_000},
        "buyback": {"since": "2026-01-02", "shares": 610_000},
        "inadvertent": {"since": "2026-01-02", "until": "2026-02-01"},
        "acquiring-person": {"since": "2026-01-02"},
        "exempted": {"since": "2026-01-02"},
    }[kind]
    return standing_from_fields(kind, **sample)  # type: ignore[arg-type]


class TestCheckStanding:
    @given(testing.standings())
    def test_accepts_every_standing(self, standing: Standing) -> None:
        """Every drawn standing is a standing; None reads as Ordinary."""
        assert check_standing(standing) is standing
        assert check_standing(None) is ORDINARY
        assert standing.describe()

    def test_rejects_anything_else(self) -> None:
        """A value that is not a standing is an error naming the field."""
        with pytest.raises(rp.RightsPlanError, match="^standing: expected a standing"):
            check_standing("grandfathered")

    def test_divest_by_not_before_the_crossing(self) -> None:
        """An inadvertence cure period that ends before the crossing is an error naming it."""
        with pytest.raises(rp.RightsPlanError, match="^divest_by: "):
            rp.InadvertentExcused(ON, ADOPTED, source=rp.Source("Board determination", ON))


class TestGrandfathered:
    def test_the_tax_asset_example(self) -> None:
        """4.99%, 610,000 grandfathered with "0.5% or more": headroom 49,999, then 19,999."""
        plan = tax_asset_plan(HALF_A_POINT)
        standing = rp.Grandfathered(ADOPTED, 610_000)
        first = check(plan, 610_000, standing)
        assert (first.status, first.max_shares, first.headroom) == (
            rp.Status.EXCUSED,
            659_999,
            49_999,
        )
        assert first.limit is not None and first.limit.kind is rp.LimitKind.GRANDFATHERED
        later = check(plan, 640_000, standing)
        assert (later.status, later.headroom) == (rp.Status.EXCUSED, 19_999)
        assert check(plan, 659_999, standing).status is rp.Status.EXCUSED
        assert check(plan, 660_000, standing).status is rp.Status.TRIGGERED

    @pytest.mark.parametrize("comparison", list(rp.Comparison))
    def test_no_tolerance_no_headroom_while_over(self, comparison: rp.Comparison) -> None:
        """Without a tolerance, a holder over the line has headroom 0: any share triggers."""
        plan = tax_asset_plan(comparison=comparison)
        standing = rp.Grandfathered(ADOPTED, 610_000)
        at_base = check(plan, 610_000, standing)
        assert (at_base.status, at_base.headroom) == (rp.Status.EXCUSED, 0)
        assert check(plan, 610_001, standing).status is rp.Status.TRIGGERED

    @pytest.mark.parametrize("comparison", list(rp.Comparison))
    def test_lapses_below_the_threshold(self, comparison: rp.Comparison) -> None:
        """Where grandfathering lapses, a holder at or under the limit is judged as anyone."""
        clause = rp.SetGrandfathering(
            tolerance_percent="0.5", tolerance_comparison=AT_LEAST, lapses_below_threshold=True
        )
        plan = tax_asset_plan(clause, comparison=comparison)
        standing = rp.Grandfathered(ADOPTED, 610_000)
        line = rp.Threshold(Fraction("4.99"), comparison).max_shares(OUTSTANDING)
        under = check(plan, line, standing)
        plain = rp.assess(plan, fund(line), on=ON)
        assert (under.status, under.max_shares, under.headroom) == (
            plain.status,
            plain.max_shares,
            plain.headroom,
        )
        assert check(plan, line + 1, standing).status is rp.Status.EXCUSED

    def test_without_lapse_stays_excused_below(self) -> None:
        """Where it does not lapse, its own line still governs below the threshold."""
        plan = tax_asset_plan(HALF_A_POINT)
        standing = rp.Grandfathered(ADOPTED, 610_000)
        below = check(plan, 400_000, standing)
        assert below.max_shares == 659_999
        assert below.status is not rp.Status.TRIGGERED

    def test_the_cap_binds(self) -> None:
        """A grandfathering cap stops the line short of base plus tolerance."""
        clause = rp.SetGrandfathering(
            tolerance_percent="2",
            tolerance_comparison=AT_LEAST,
            cap_percent="7",
            cap_comparison=MORE_THAN,
        )
        standing = rp.Grandfathered(ADOPTED, 610_000)
        verdict = check(tax_asset_plan(clause), 610_000, standing)
        assert verdict.max_shares == 700_000
        assert check(tax_asset_plan(clause), 700_001, standing).status is rp.Status.TRIGGERED


class TestBuybackExcused:
    def test_over_by_a_buyback_is_excused_until_it_buys(self) -> None:
        """Pushed over by a buyback: excused at its holding, any share more triggers."""
        plan = tax_asset_plan()
        standing = rp.BuybackExcused(ADOPTED, 520_000)
        verdict = check(plan, 520_000, standing)
        assert (verdict.status, verdict.headroom) == (rp.Status.EXCUSED, 0)
        assert verdict.limit is not None and verdict.limit.kind is rp.LimitKind.BUYBACK
        assert check(plan, 520_001, standing).status is rp.Status.TRIGGERED

    def test_a_tolerance_is_more_than_that_many_points(self) -> None:
        """With a 1-point tolerance it may add up to exactly 1% of the shares outstanding."""
        standing = rp.BuybackExcused(ADOPTED, 520_000, tolerance="1")
        assert check(tax_asset_plan(), 520_000, standing).max_shares == 620_000
        assert check(tax_asset_plan(), 620_001, standing).status is rp.Status.TRIGGERED

    def test_the_plans_tolerance_by_default(self) -> None:
        """A buyback standing from a holdings file takes the plan's buyback tolerance."""
        plan = tax_asset_plan(rp.SetOwnershipRules(buyback_tolerance="1"))
        standing = standing_from_fields("buyback", since="2026-02-01", shares=520_000)
        verdict = check(plan, 520_001, standing)
        assert (verdict.status, verdict.max_shares) == (rp.Status.EXCUSED, 620_000)
        assert check(plan, 620_001, standing).status is rp.Status.TRIGGERED
        own = rp.BuybackExcused(ADOPTED, 520_000, tolerance=0)
        assert check(plan, 520_001, own).status is rp.Status.TRIGGERED

    def test_lapses_back_under(self) -> None:
        """Back under the limit, it is judged as anyone else."""
        standing = rp.BuybackExcused(ADOPTED, 520_000, tolerance="1")
        verdict = check(tax_asset_plan(), LINE, standing)
        assert (verdict.status, verdict.max_shares) == (rp.Status.WARNING, LINE)


class TestAcquiringPerson:
    def test_sticky_is_triggered_whatever_it_holds(self) -> None:
        """Where status sticks, an Acquiring Person is TRIGGERED with no line and no headroom."""
        standing = rp.AcquiringPerson(ADOPTED)
        for shares in (0, 100, LINE, OUTSTANDING):
            verdict = check(tax_asset_plan(), shares, standing)
            assert verdict.status is rp.Status.TRIGGERED
            assert (verdict.max_shares, verdict.headroom) == (None, None)
        assert (
            "Largest holding that does not trigger"
            not in check(tax_asset_plan(), 100, standing).explain()
        )

    def test_not_sticky_is_judged_afresh(self) -> None:
        """Where status does not stick, the holding is judged as anyone else's."""
        plan = tax_asset_plan(rp.SetOwnershipRules(sticky=False))
        standing = rp.AcquiringPerson(ADOPTED)
        for shares in (100, LINE, LINE + 1):
            verdict = check(plan, shares, standing)
            plain = rp.assess(plan, fund(shares), on=ON)
            assert (verdict.status, verdict.max_shares, verdict.headroom) == (
                plain.status,
                plain.max_shares,
                plain.headroom,
            )


class TestBoardExempted:
    def test_without_a_cap_exempt(self) -> None:
        """Exempted outright, no holding triggers."""
        verdict = check(tax_asset_plan(), OUTSTANDING, rp.BoardExempted(ADOPTED))
        assert (verdict.status, verdict.max_shares, verdict.headroom) == (
            rp.Status.EXEMPT,
            None,
            None,
        )

    @pytest.mark.parametrize("comparison", list(rp.Comparison))
    def test_a_more_generous_cap_binds(self, comparison: rp.Comparison) -> None:
        """A cap above the threshold is the holder's limit, cited as the board's exemption."""
        cap = rp.Threshold(Fraction(20), comparison)
        verdict = check(tax_asset_plan(), 1_000_000, rp.BoardExempted(ADOPTED, cap=cap))
        assert verdict.limit is not None
        assert verdict.limit.kind is rp.LimitKind.BOARD_EXEMPTION
        assert verdict.max_shares == cap.max_shares(OUTSTANDING)
        assert (
            check(
                tax_asset_plan(),
                cap.max_shares(OUTSTANDING) + 1,
                rp.BoardExempted(ADOPTED, cap=cap),
            ).status
            is rp.Status.TRIGGERED
        )

    def test_a_stricter_cap_does_not_bind(self) -> None:
        """A cap below the plan's threshold takes nothing away: the threshold binds."""
        cap = rp.Threshold(Fraction(2), AT_LEAST)
        verdict = check(tax_asset_plan(), 300_000, rp.BoardExempted(ADOPTED, cap=cap))
        assert verdict.limit is not None and verdict.limit.kind is rp.LimitKind.GENERAL
        assert verdict.max_shares == LINE


class TestInadvertentExcused:
    STANDING = rp.InadvertentExcused(
        ADOPTED, ON.add(days=30), source=rp.Source("Board determination", ADOPTED)
    )

    def test_over_the_line_excused_without_headroom(self) -> None:
        """Over its limit it is EXCUSED, with no headroom: acquiring more ends the excuse."""
        verdict = check(tax_asset_plan(), 700_000, self.STANDING)
        assert (verdict.status, verdict.max_shares, verdict.headroom) == (
            rp.Status.EXCUSED,
            700_000,
            0,
        )

    def test_under_the_line_judged_plainly(self) -> None:
        """Back under its limit, it is judged as anyone else."""
        for shares in (0, LINE):
            verdict = check(tax_asset_plan(), shares, self.STANDING)
            plain = rp.assess(tax_asset_plan(), fund(shares), on=ON)
            assert (verdict.status, verdict.max_shares, verdict.headroom) == (
                plain.status,
                plain.max_shares,
                plain.headroom,
            )


class TestOrdinary:
    @given(st.integers(0, OUTSTANDING))
    def test_ordinary_is_no_standing(self, shares: int) -> None:
        """An Ordinary standing gives the verdict of no standing at all."""
        plan = tax_asset_plan(HALF_A_POINT)
        assert check(plan, shares, ORDINARY) == rp.assess(plan, fund(shares), on=ON)
