"""One holding assessed against the terms in force on a date."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import rightsplan as rp
import rightsplan.testing

AT_LEAST = rp.Comparison.AT_LEAST
MORE_THAN = rp.Comparison.MORE_THAN
OUTSTANDING = 11_572_314
IPOF = rp.Position("IPOF Group", 2_800_500, OUTSTANDING, passive=True)


def two_tier_plan() -> rp.Plan:
    agreement = rp.RightsAgreement(
        company="Two Tier Inc.",
        dated="2021-03-01",
        provisions=(
            rp.SetThreshold(percent=10, comparison=AT_LEAST, section="Section 1(a)"),
            rp.SetPassiveTier(percent=20, comparison=AT_LEAST, section="Section 1(a)(ii)"),
            rp.SetExpiration(date="2022-03-01", section="Section 7(a)"),
            *rp.standard_exempt_persons(section="Section 1(a)"),
        ),
    )
    return rp.Plan(agreement)


class TestIssueExample:
    def test_must_run_as_written(self) -> None:
        """The core issue's example runs as written."""
        plan = rp.examples.innotrac()
        ipof = rp.Position(
            holder="IPOF Group", shares=2_800_500, outstanding=11_572_314, passive=True
        )

        a = rp.assess(plan, ipof, on="2003-09-01")  # Amendment No. 2 in force: more than 25%
        assert a.status is rp.Status.WARNING
        assert a.limit is not None
        assert a.limit.percent == Fraction(25) and a.limit.comparison is rp.Comparison.MORE_THAN
        assert (a.max_shares, a.headroom) == (2_893_078, 92_578)
        assert "Amendment No. 2" in a.explain()

        limit = rp.assess(plan, ipof, on="2003-11-23").limit  # authorized 11-21, not yet executed
        assert limit is not None and limit.percent == 25
        a = rp.assess(plan, ipof, on="2003-11-24")  # Amendment No. 3: more than 40%
        assert a.status is rp.Status.CLEAR and a.max_shares == 4_628_925

        a = rp.assess(plan, attrs.evolve(ipof, passive=False), on="2003-12-01")
        assert a.status is rp.Status.TRIGGERED  # exception lost; 15% or more applies

        other = rp.Position(holder="Another Fund", shares=1_735_847, outstanding=11_572_314)
        assert rp.assess(plan, other, on="2003-12-01").max_shares == 1_735_847
        over = attrs.evolve(other, shares=1_735_848)
        assert rp.assess(plan, over, on="2003-12-01").status is rp.Status.TRIGGERED
        assert rp.assess(plan, other, on="1997-06-30").status is rp.Status.INACTIVE


class TestInnotrac:
    plan = rp.examples.innotrac()

    def test_ipof_in_august_2003_before_amendment_two(self) -> None:
        """IPOF's 2,362,788 shares (about 20.57%) crossed 15% or more before Amendment No. 2."""
        position = rp.Position("IPOF Group", 2_362_788, 11_486_465, passive=True)
        a = rp.assess(self.plan, position, on="2003-08-13")
        assert a.status is rp.Status.TRIGGERED
        assert a.limit is not None and a.limit.kind is rp.LimitKind.GENERAL
        assert rp.assess(self.plan, position, on="2003-08-14").status is rp.Status.CLEAR

    def test_explanation_cites_amendment_section_and_words(self) -> None:
        """explain() names the amendment, its date, the section, the limit and the numbers."""
        text = rp.assess(self.plan, IPOF, on="2003-11-24").explain()
        assert "Amendment No. 3 (2003-11-24), Section 1 (definition of Acquiring Person)" in text
        assert "more than 40%" in text
        assert "4,628,925" in text and "1,828,425" in text
        assert "CLEAR" in text

    def test_lost_exception_is_explained(self) -> None:
        """When IPOF is not passive, the explanation says the exception was lost and why."""
        a = rp.assess(self.plan, attrs.evolve(IPOF, passive=False), on="2003-12-01")
        assert a.limit is not None and a.limit.kind is rp.LimitKind.GENERAL
        lost = [c for c in a.considered if not c.applies]
        assert len(lost) == 1 and lost[0].limit.kind is rp.LimitKind.EXCEPTION
        assert "without any intention of changing or influencing control" in a.explain()
        assert "Over the limit by 1,064,653 shares" in a.explain()

    def test_members_share_the_exception(self) -> None:
        """The exception covers the IPOF Group's members by name, case and spacing aside."""
        member = attrs.evolve(IPOF, holder="david   DADANTE")
        a = rp.assess(self.plan, member, on="2003-11-24")
        assert a.limit is not None and a.limit.holder == "IPOF Group"

    def test_exempt_persons(self) -> None:
        """The Company, its Subsidiaries and benefit plans are EXEMPT whatever they hold."""
        for kind in (rp.HolderKind.COMPANY, rp.HolderKind.SUBSIDIARY, rp.HolderKind.BENEFIT_PLAN):
            position = rp.Position("Innotrac 401(k) Plan", OUTSTANDING, OUTSTANDING, kind=kind)
            a = rp.assess(self.plan, position, on="2003-12-01")
            assert a.status is rp.Status.EXEMPT
            assert (a.limit, a.max_shares, a.headroom) == (None, None, None)
            assert a.exemption is not None and a.exemption.category is kind
            assert "Exempt Person" in a.explain()
        government = rp.Position(
            "United States", OUTSTANDING, OUTSTANDING, kind=rp.HolderKind.GOVERNMENT
        )
        assert rp.assess(self.plan, government, on="2003-12-01").status is rp.Status.TRIGGERED

    def test_inactive_before_adoption(self) -> None:
        """Before the agreement there is no plan: INACTIVE, with no limit, saying why."""
        a = rp.assess(self.plan, IPOF, on="1997-12-30")
        assert a.status is rp.Status.INACTIVE
        assert (a.limit, a.max_shares, a.headroom, a.terms) == (None, None, None, None)
        assert "dated 1997-12-31" in a.explain()


class TestTwoTierPlan:
    plan = two_tier_plan()

    def test_passive_holders_get_the_higher_tier(self) -> None:
        """A passive holder is limited by the 20% tier, an active one by the 10% rule."""
        passive = rp.Position("Index Fund", 150, 1000, passive=True)
        a = rp.assess(self.plan, passive, on="2021-06-01")
        assert a.status is rp.Status.CLEAR
        assert a.limit is not None and a.limit.kind is rp.LimitKind.PASSIVE
        assert a.limit.source.section == "Section 1(a)(ii)"
        assert a.max_shares == 199
        active = rp.assess(self.plan, attrs.evolve(passive, passive=False), on="2021-06-01")
        assert active.status is rp.Status.TRIGGERED
        assert active.max_shares == 99

    def test_expired_plan_is_inactive(self) -> None:
        """After the Final Expiration Date, nothing triggers, and the date is cited."""
        big = rp.Position("Raider LLC", 900, 1000)
        assert rp.assess(self.plan, big, on="2022-03-01").status is rp.Status.TRIGGERED
        a = rp.assess(self.plan, big, on="2022-03-02")
        assert a.status is rp.Status.INACTIVE
        assert "expired at the close of business on 2022-03-01" in a.reason
        assert "Section 7(a)" in a.reason

    def test_redeemed_plan_is_inactive(self) -> None:
        """From the redemption date, the plan no longer applies."""
        redeemed = self.plan.amend(
            rp.Amendment(number=1, executed="2021-09-01", changes=[rp.Redeem(price="0.001")])
        )
        a = rp.assess(redeemed, rp.Position("Raider LLC", 900, 1000), on="2021-09-01")
        assert a.status is rp.Status.INACTIVE
        assert "redeemed on 2021-09-01 by Amendment No. 1" in a.reason

    def test_exception_below_the_general_rule_does_not_tighten_it(self) -> None:
        """An exception cap stricter than the general rule leaves the general rule binding."""
        plan = self.plan.amend(
            rp.Amendment(
                number=1,
                executed="2021-04-01",
                changes=[
                    rp.AddException(
                        holder="Small Fund", percent=5, comparison=MORE_THAN, requires_passive=False
                    )
                ],
            )
        )
        a = rp.assess(plan, rp.Position("Small Fund", 90, 1000), on="2021-05-01")
        assert a.status is rp.Status.WARNING
        assert a.limit is not None and a.limit.kind is rp.LimitKind.GENERAL

    def test_tie_prefers_the_specific_rule(self) -> None:
        """When an exception equals the general rule, the exception (naming the holder) is cited."""
        plan = self.plan.amend(
            rp.Amendment(
                number=1,
                executed="2021-04-01",
                changes=[
                    rp.AddException(
                        holder="Same Fund", percent=10, comparison=AT_LEAST, requires_passive=False
                    )
                ],
            )
        )
        a = rp.assess(plan, rp.Position("Same Fund", 10, 1000), on="2021-05-01")
        assert a.limit is not None and a.limit.kind is rp.LimitKind.EXCEPTION


class TestWarnings:
    plan = two_tier_plan()

    @pytest.mark.parametrize(
        ("shares", "warn_at", "status"),
        [
            (89, "0.9", rp.Status.CLEAR),
            (90, "0.9", rp.Status.WARNING),
            (99, "0.9", rp.Status.WARNING),
            (100, "0.9", rp.Status.TRIGGERED),
            (94, "95%", rp.Status.CLEAR),
            (95, "95%", rp.Status.WARNING),
            (99, 1, rp.Status.CLEAR),
            (50, Fraction(1, 2), rp.Status.WARNING),
        ],
    )
    def test_warning_line(
        self, shares: int, warn_at: str | int | Fraction, status: rp.Status
    ) -> None:
        """A holding at or above warn_at times the limit, but under it, is a WARNING."""
        position = rp.Position("Fund", shares, 1000)
        assert rp.assess(self.plan, position, on="2021-06-01", warn_at=warn_at).status is status

    @pytest.mark.parametrize(
        ("warn_at", "line"),
        [("0.9", "90%"), ("95%", "95%"), (Fraction(2, 3), "66 2/3%"), ("1/2", "50%")],
    )
    def test_warning_reason_names_the_line(self, warn_at: str | Fraction, line: str) -> None:
        """A WARNING says where the warning line is, for held and for reported holdings."""
        for _ in range(2):  # the line's text is remembered after the first call
            held = rp.assess(
                self.plan, rp.Position("Fund", 99, 1000), on="2021-06-01", warn_at=warn_at
            )
            assert held.status is rp.Status.WARNING
            assert held.reason == f"The holding is below the limit but at or above {line} of it."
            reported = rp.assess(
                self.plan, rp.ReportedHolding("Fund", "9.9%"), on="2021-06-01", warn_at=warn_at
            )
            assert reported.status is rp.Status.WARNING
            assert reported.reason.endswith(f"possibly at or above {line} of it.")

    @pytest.mark.parametrize("warn_at", ["0", "1.5", "-0.1", "150%"])
    def test_warn_at_must_be_a_share_of_the_limit(self, warn_at: str) -> None:
        """warn_at outside (0, 1] is refused with a message naming it."""
        with pytest.raises(rp.InvalidPercentError, match="warn_at"):
            rp.assess(self.plan, rp.Position("Fund", 1, 1000), on="2021-06-01", warn_at=warn_at)

    def test_warn_at_refuses_floats(self) -> None:
        """warn_at=0.9 (a float) is refused like any other float percentage."""
        with pytest.raises(rp.PercentTypeError, match="warn_at"):
            rp.assess(self.plan, rp.Position("Fund", 1, 1000), on="2021-06-01", warn_at=0.9)  # type: ignore[arg-type]


class TestArguments:
    plan = two_tier_plan()

    def test_the_date_is_required_and_keyword_only(self) -> None:
        """There is no implicit today: assess needs on=, by keyword."""
        position = rp.Position("Fund", 1, 1000)
        with pytest.raises(TypeError):
            rp.assess(self.plan, position)  # type: ignore[call-arg]
        with pytest.raises(TypeError):
            rp.assess(self.plan, position, "2021-06-01")  # type: ignore[call-arg]

    def test_wrong_types_are_named(self) -> None:
        """A plan or position of the wrong type is refused with the argument's name."""
        position = rp.Position("Fund", 1, 1000)
        with pytest.raises(rp.InputTypeError, match="^plan: "):
            rp.assess("plan", position, on="2021-06-01")  # type: ignore[arg-type]
        with pytest.raises(rp.InputTypeError, match="^position: "):
            rp.assess(self.plan, ("Fund", 1, 1000), on="2021-06-01")  # type: ignore[arg-type]
        with pytest.raises(rp.InvalidDateError, match="^on: "):
            rp.assess(self.plan, position, on="2021-6-1")


class TestPosition:
    @pytest.mark.parametrize(
        ("shares", "outstanding", "error", "message"),
        [
            (-1, 1000, rp.InvalidPositionError, "zero or more"),
            (1001, 1000, rp.InvalidPositionError, "exceed the shares outstanding"),
            (1, 0, rp.InvalidPositionError, "positive number of shares outstanding"),
            (1.0, 1000, rp.InputTypeError, "a float"),
            (True, 1000, rp.InputTypeError, "whole number"),
            ("1", 1000, rp.InputTypeError, "whole number"),
            (1, 1000.0, rp.InputTypeError, "a float"),
        ],
    )
    def test_rejects_impossible_holdings(
        self, shares: object, outstanding: object, error: type[Exception], message: str
    ) -> None:
        """Negative, fractional, textual or impossible share counts are refused clearly."""
        with pytest.raises(error, match=message):
            rp.Position("Fund", shares, outstanding)  # type: ignore[arg-type]

    def test_passive_must_be_a_bool(self) -> None:
        """The passive flag is true or false, never a string that looks like one."""
        with pytest.raises(rp.InputTypeError, match="passive"):
            rp.Position("Fund", 1, 10, passive="false")  # type: ignore[arg-type]

    def test_percent_is_exact(self) -> None:
        """The holding's percentage is an exact Fraction."""
        assert rp.Position("Fund", 1, 3).percent == Fraction(100, 3)


class TestRepeatedCalls:
    """What assess remembers between calls never changes an answer."""

    @given(st.data())
    def test_the_same_question_gets_the_same_answer(self, data: st.DataObject) -> None:
        """Asked again, and with the day in another form, assess answers exactly the same."""
        plan = data.draw(rp.testing.plans())
        day = data.draw(rp.testing.dates(plan.agreement.dated))
        position = data.draw(rp.testing.positions(plan, on=day))
        first = rp.assess(plan, position, on=day)
        for on in (dt.date(day.year, day.month, day.day), day.isoformat(), day):
            again = rp.assess(plan, position, on=on)
            assert again == first
            assert again.explain() == first.explain()
        if first.terms is not None and first.limit is not None:
            assert first.considered[0].limit is first.terms.general

    def test_each_plan_keeps_its_own_general_rule(self) -> None:
        """Plans asked in turn each answer with their own general rule and its source."""
        plans = [
            rp.Plan(
                rp.RightsAgreement(
                    company=f"Issuer {percent}",
                    dated="2021-03-01",
                    provisions=(rp.SetThreshold(percent=percent, comparison=AT_LEAST),),
                )
            )
            for percent in (10, 15, 10)
        ]
        position = rp.Position("Fund", 120, 1000)
        for _ in range(2):
            for plan, status in zip(plans, ["TRIGGERED", "CLEAR", "TRIGGERED"], strict=True):
                a = rp.assess(plan, position, on="2021-06-01")
                terms = plan.terms_at("2021-06-01")
                assert a.status is rp.Status[status]
                assert a.limit is terms.general
                assert [c.limit for c in a.considered] == [terms.general]
                assert a.considered[0].limit is terms.general


class TestExemptPersons:
    @pytest.mark.parametrize("named_first", [True, False])
    def test_the_clause_listed_first_covers_the_holder(self, named_first: bool) -> None:
        """A holder matched by name and by kind is exempt under whichever clause comes first."""
        named = rp.AddExemptPerson(name="Friendly Trust")
        by_kind = rp.AddExemptPerson(name="the Company", category=rp.HolderKind.COMPANY)
        plan = rp.Plan(
            rp.RightsAgreement(
                company="Order Inc.",
                dated="2021-03-01",
                provisions=(
                    rp.SetThreshold(percent=10, comparison=AT_LEAST),
                    *((named, by_kind) if named_first else (by_kind, named)),
                ),
            )
        )
        holder = rp.Position("friendly  TRUST", 500, 1000, kind=rp.HolderKind.COMPANY)
        a = rp.assess(plan, holder, on="2021-06-01")
        assert a.status is rp.Status.EXEMPT and a.exemption is not None
        assert a.exemption.name == ("Friendly Trust" if named_first else "the Company")
        other = attrs.evolve(holder, kind=rp.HolderKind.OTHER)
        exemption = rp.assess(plan, other, on="2021-06-01").exemption
        assert exemption is not None and exemption.name == "Friendly Trust"


def test_explain_counts_one_share_in_the_singular() -> None:
    """One share over, or one share of headroom, is written "1 share", not "1 shares"."""
    plan = rp.Plan(
        rp.RightsAgreement(
            company="Example Corp",
            dated="2026-01-05",
            provisions=(rp.SetThreshold(percent=10, comparison=AT_LEAST),),
        )
    )
    over = rp.assess(plan, rp.Position("F", 100, 1000), on="2026-02-02").explain()
    under = rp.assess(plan, rp.Position("F", 98, 1000), on="2026-02-02").explain()
    assert "Over the limit by 1 share." in over
    assert "Headroom: 1 more share may be acquired." in under


class TestStanding:
    """A one-date check given the holder's standing."""

    PLAN = rp.Plan(
        rp.RightsAgreement(
            company="Tax Asset Inc.",
            dated="2026-01-05",
            provisions=(rp.SetThreshold(percent="4.99", comparison=AT_LEAST),),
        )
    )
    EXCUSE = rp.InadvertentExcused(
        "2026-03-10", "2026-04-30", source=rp.Source("Board determination", "2026-03-12")
    )

    def test_inadvertent_within_the_cure_period(self) -> None:
        """Over the line by the divest-by day, an inadvertent crosser is excused, no headroom."""
        a = rp.assess(
            self.PLAN, rp.Position("F", 520, 10_000), on="2026-04-30", standing=self.EXCUSE
        )
        assert (a.status, a.headroom, a.max_shares) == (rp.Status.EXCUSED, 0, 520)
        assert "22 shares to dispose of" in a.reason

    def test_inadvertent_after_the_deadline(self) -> None:
        """Still over after the divest-by day, it is an Acquiring Person from its crossing."""
        a = rp.assess(
            self.PLAN, rp.Position("F", 520, 10_000), on="2026-05-01", standing=self.EXCUSE
        )
        assert (a.status, a.headroom, a.max_shares) == (rp.Status.TRIGGERED, None, None)
        assert "Acquiring Person from 2026-03-10" in a.reason

    def test_inadvertent_cured(self) -> None:
        """Back under the line, the excuse has nothing left to excuse: judged plainly."""
        a = rp.assess(
            self.PLAN, rp.Position("F", 498, 10_000), on="2026-05-01", standing=self.EXCUSE
        )
        assert (a.status, a.headroom) == (rp.Status.WARNING, 0)

    def test_reported_holding_refuses_a_standing(self) -> None:
        """A rounded, reported holding cannot be judged against a holder's own line."""
        with pytest.raises(rp.InputTypeError, match="standing"):
            rp.assess(
                self.PLAN,
                rp.ReportedHolding("F", "6.1%"),
                on="2026-05-01",
                standing=rp.Grandfathered("2026-03-02", 610),
            )

    @pytest.mark.parametrize(
        "standing",
        [
            rp.Grandfathered("2026-05-02", 610),
            rp.AcquiringPerson("2026-05-02"),
            rp.BoardExempted("2026-05-02"),
            rp.InadvertentExcused(
                "2026-05-02", "2026-06-01", source=rp.Source("Board determination", "2026-05-03")
            ),
        ],
    )
    def test_standing_that_starts_later_is_refused(self, standing: rp.Standing) -> None:
        """A standing that starts after the day assessed is refused, as a holdings file does."""
        with pytest.raises(rp.InvalidInputError, match="^standing: .* starts on 2026-05-02, after"):
            rp.assess(self.PLAN, rp.Position("F", 610, 10_000), on="2026-05-01", standing=standing)

    def test_not_a_standing(self) -> None:
        """Anything but a standing is refused, naming the argument."""
        with pytest.raises(rp.InputTypeError, match="standing: expected a standing"):
            rp.assess(self.PLAN, rp.Position("F", 1, 10), on="2026-05-01", standing="grandfathered")  # type: ignore[arg-type]
