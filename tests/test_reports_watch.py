"""Watching a company: each reported holding assessed against the plan on its date."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

import attrs
import pendulum
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import rightsplan as rp
from rightsplan.reports import (
    PassiveBasis,
    Watch,
    events_from_reports,
    parse_report,
    read_report,
    watch,
)
from tests.reports_render import DrawnPerson, DrawnReport, render_text

AT_LEAST = rp.Comparison.AT_LEAST
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "innotrac" / "reports"


def two_tier_plan() -> rp.Plan:
    return rp.Plan(
        rp.RightsAgreement(
            company="Target Inc.",
            dated="2021-03-01",
            provisions=(
                rp.SetThreshold(percent=10, comparison=AT_LEAST, section="Section 1(a)"),
                rp.SetPassiveTier(percent=20, comparison=AT_LEAST, section="Section 1(a)(ii)"),
            ),
        )
    )


def report(
    form: str, day: str, *people: DrawnPerson, amendment: int = 0, rule: str | None = "13d-1(c)"
) -> rp.reports.Report:
    """A drawn report; a 13G's cover marks ``rule`` (``None``: no rule lines at all)."""
    drawn = DrawnReport(
        form, amendment, "Target Inc.", "123456789", pendulum.parse(day).date(),  # type: ignore[union-attr]
        rule if form == "13G" else None, people,
    )  # fmt: skip
    return parse_report(render_text(drawn), name=f"{form}-{day}.txt")


def person(name: str, shares: int, percent: str, group: str | None = None) -> DrawnPerson:
    return DrawnPerson(name, group, shares, 0, shares, 0, shares, percent, "PN")


class TestPassiveTier:
    def test_13d_loses_the_passive_tier_that_day(self) -> None:
        """A 13G filer at 15% is clear under the 20% passive tier; its 13D triggers at 10%."""
        watched = watch(
            two_tier_plan(),
            [
                report("13G", "2021-06-01", person("Activist Fund", 1_500_000, "15.0")),
                report("13D", "2021-07-01", person("Activist Fund", 1_500_000, "15.0")),
            ],
            outstanding=10_000_000,
        )
        rows = [(r["date"].isoformat(), r["status"], r["limit"], r["passive"])  # type: ignore[attr-defined]
                for r in watched.records()]  # fmt: skip
        assert rows == [
            ("2021-06-01", "clear", "20", True),
            ("2021-07-01", "triggered", "10", False),
        ]
        assert [w.position.on.isoformat() for w in watched.triggered()] == ["2021-07-01"]


_RULES = ("13d-1(b)", "13d-1(c)", "13d-1(d)", None)
CORPUS = Path(__file__).resolve().parent / "data" / "reports"


def drawn_plan(general: int, passive: int) -> rp.Plan:
    return rp.Plan(
        rp.RightsAgreement(
            company="Target Inc.",
            dated="2020-01-01",
            provisions=(
                rp.SetThreshold(percent=general, comparison=AT_LEAST, section="1(a)"),
                rp.SetPassiveTier(percent=passive, comparison=AT_LEAST, section="1(a)(ii)"),
            ),
        )
    )


class TestPassivityByRuleBox:
    @pytest.mark.parametrize("rule", ["13d-1(b)", "13d-1(c)"])
    def test_institution_or_passive_investor_gets_the_passive_tier(self, rule: str) -> None:
        """A 13G filer under Rule 13d-1(b) or (c) at 15% is clear under the 20% tier.

        The row cites the rule box it relied on and leaves nothing open.
        """
        found = report("13G", "2021-06-01", person("Institution", 1_500_000, "15.0"), rule=rule)
        (row,) = watch(two_tier_plan(), [found], outstanding=10_000_000).records()
        assert (row["status"], row["limit"], row["passive"], row["open"]) == (
            "clear", "20", True, None)  # fmt: skip
        assert f'rule "Rule {rule}"' in str(row["report_source"])

    def test_exempt_investor_between_the_lines_is_uncertain(self) -> None:
        """A Rule 13d-1(d) filer at 15%, between 10% and the 20% tier, is UNCERTAIN, not clear.

        Filed whatever its intent, the 13G does not show passivity: both tiers are judged,
        and the row says why and how to settle it.
        """
        found = report(
            "13G", "2021-06-01", person("Venture Fund", 1_500_000, "15.0"), rule="13d-1(d)"
        )
        (row,) = watch(two_tier_plan(), [found], outstanding=10_000_000).records()
        assert (row["status"], row["passive"], row["limit"]) == ("uncertain", None, None)
        why = str(row["open"])
        assert 'its rule box marks "Rule 13d-1(d)"' in why and "whatever its intent" in why
        assert "--passive or --active" in why and "Venture Fund" in why
        assert 'rule "Rule 13d-1(d)": passivity not established' in str(row["report_source"])
        assert str(row["plan_source"]).count("Section 1(a)") == 2  # both tiers cited

    @pytest.mark.parametrize(
        ("flag", "expected"), [(True, ("clear", "20", True)), (False, ("triggered", "10", False))]
    )
    def test_passive_flag_settles_an_exempt_investor(
        self, flag: bool, expected: tuple[str, str, bool]
    ) -> None:
        """``passive=`` (--passive/--active) settles a 13d-1(d) filer: one tier, nothing open."""
        found = report(
            "13G", "2021-06-01", person("Venture Fund", 1_500_000, "15.0"), rule="13d-1(d)"
        )
        (row,) = watch(two_tier_plan(), [found], outstanding=10_000_000,
                       passive={"Venture Fund": flag}).records()  # fmt: skip
        assert (row["status"], row["limit"], row["passive"]) == expected
        assert row["open"] is None

    def test_exempt_investor_under_both_lines_is_exact(self) -> None:
        """Where the tier does not decide it (5%, under 10% and 20%) the answer is exact."""
        found = report("13G", "2021-06-01", person("Venture Fund", 500_000, "5.0"), rule="13d-1(d)")
        (row,) = watch(two_tier_plan(), [found], outstanding=10_000_000).records()
        assert (row["status"], row["passive"]) == ("clear", None)
        assert "13d-1(d)" in str(row["open"])

    def test_no_rule_stated_is_passive_by_the_form_and_says_so(self) -> None:
        """An older 13G stating no rule keeps the form's passivity, and the row says so."""
        found = report("13G", "2021-06-01", person("Older Filer", 1_500_000, "15.0"), rule=None)
        assert found.rule is None
        (row,) = watch(two_tier_plan(), [found], outstanding=10_000_000).records()
        assert (row["status"], row["limit"], row["passive"]) == ("clear", "20", True)
        assert "no rule stated" in str(row["report_source"])
        assert "passive by the form alone" in str(row["report_source"])

    @pytest.mark.parametrize("rule", _RULES)
    def test_13d_loses_the_tier_on_its_date_whatever_the_13g_rule(self, rule: str | None) -> None:
        """A 13G filer (any rule box) that files a 13D is judged under 10% from that day."""
        watched = watch(
            two_tier_plan(),
            [report("13G", "2021-06-01", person("Fund", 1_500_000, "15.0"), rule=rule),
             report("13D", "2021-07-01", person("Fund", 1_500_000, "15.0"))],
            outstanding=10_000_000,
        )  # fmt: skip
        assert [(r["date"].isoformat(), r["status"]) for r in watched.records()] == [  # type: ignore[attr-defined]
            ("2021-06-01", "clear" if rule != "13d-1(d)" else "uncertain"),
            ("2021-07-01", "triggered"),
        ]

    def test_real_13d_1_d_filer_between_the_lines(self) -> None:
        """Bessemer's real 2024 13G/A on NeueHealth (Rule 13d-1(d), 5.6%): 5%/10% is open.

        Under 5% or more generally and 10% or more for passive holders, the reported 5.6%
        is clear only if Bessemer is passive, which its rule box does not show.
        """
        found = read_report(CORPUS / "neuehealth" / "02-13g-a.txt")
        assert found.rule is not None and found.passive is None
        (row,) = watch(drawn_plan(5, 10), [found]).records()
        assert (row["status"], row["passive"], row["reported_percent"]) == (
            "uncertain", None, "5.6")  # fmt: skip
        assert "Rule 13d-1(d)" in str(row["open"])
        settled = watch(drawn_plan(5, 10), [found],
                        passive={"Bessemer Venture Partners IX L.P.": True}).records()  # fmt: skip
        assert [(r["status"], r["limit"]) for r in settled] == [("clear", "10")]

    def test_real_13d_1_d_filer_under_both_lines(self) -> None:
        """Bessemer's real 2023 13G/A on Procore (Rule 13d-1(d), 2.7%) is clear either way."""
        found = read_report(CORPUS / "procore-technologies" / "01-13g-a.txt")
        (row,) = watch(drawn_plan(5, 10), [found]).records()
        assert row["status"] == "clear"

    @settings(max_examples=60, deadline=None)
    @given(
        st.sampled_from(_RULES),
        st.integers(min_value=0, max_value=3_000_000),
        st.sampled_from((5, 10, 15)),
        st.sampled_from((0, 5, 10)),
        st.booleans(),
    )
    def test_exempt_investor_never_gets_the_passive_only_verdict(
        self, rule: str | None, shares: int, general: int, extra: int, exact: bool
    ) -> None:
        """A 13d-1(d) filer's verdict is the active one, or UNCERTAIN where the tiers differ.

        Never the verdict only the passive tier gives; a (b), (c) or no-rule filer gets the
        passive verdict. Exact counts and printed percentages alike.
        """
        plan = drawn_plan(general, general + extra)
        printed = f"{Decimal(shares) / 100_000:.1f}"  # the percent of class, not a float
        found = report("13G", "2021-06-01", person("Fund", shares, printed), rule=rule)
        given_outstanding = 10_000_000 if exact else None

        def status(passive: Mapping[str, bool] | None = None) -> str:
            (row,) = watch(plan, [found], outstanding=given_outstanding,
                           passive=passive).records()  # fmt: skip
            return str(row["status"])

        as_active, as_passive, judged = status({"Fund": False}), status({"Fund": True}), status()
        if rule != "13d-1(d)":
            assert judged == as_passive
        elif as_active == as_passive:
            assert judged == as_active
        else:  # the cautious of the two (a warning over clear), else open
            assert judged in (as_active, "uncertain") and judged != as_passive


BASES: dict[PassiveBasis, tuple[str | None, str | None, bool | None]] = {
    PassiveBasis.SCHEDULE_13D: ("13D", None, False),
    PassiveBasis.RULE_13D_1_B: ("13G", "13d-1(b)", True),
    PassiveBasis.RULE_13D_1_C: ("13G", "13d-1(c)", True),
    PassiveBasis.NO_RULE_STATED: ("13G", None, True),
    PassiveBasis.RULE_13D_1_D: ("13G", "13d-1(d)", None),
    PassiveBasis.NO_FORM: (None, None, None),
}
"""Each basis: the form, the rule box marked, and the passivity the report shows."""


class TestEveryPassiveBasis:
    def test_the_table_names_every_basis(self) -> None:
        """The table below covers every kind of passivity basis there is, and no other."""
        assert set(BASES) == set(PassiveBasis)

    @pytest.mark.parametrize("basis", list(PassiveBasis), ids=lambda basis: basis.value)
    def test_report_events_and_watch_follow_the_basis(self, basis: PassiveBasis) -> None:
        """The report, its events and the watch take one passivity from the stated basis.

        Shown passive or active, all three agree; not shown (Rule 13d-1(d), no form), the
        events record it as active and say so, and the watch judges both tiers, saying why.
        """
        form, rule, shown = BASES[basis]
        found = report(form or "13G", "2021-06-01", person("Holder", 1_500_000, "15.0"), rule=rule)
        if form is None:
            found = attrs.evolve(found, form=None)
        assert (found.passivity, found.passive, basis.passive) == (basis, shown, shown)
        assert basis.established is (shown is not None)
        (event,) = [e for e in events_from_reports([found]) if isinstance(e, rp.PositionReported)]
        assert event.passive is basis.recorded is bool(shown)
        assert ("recorded as active" in str(event.source)) is (shown is None)
        (row,) = watch(two_tier_plan(), [found], outstanding=10_000_000).records()
        verdict = {True: ("clear", True), False: ("triggered", False), None: ("uncertain", None)}
        assert (row["status"], row["passive"]) == verdict[shown]
        assert (row["open"] is not None) is (shown is None)


class TestGroups:
    def test_joint_filing_counted_once(self) -> None:
        """Two joint filers reporting the same 800,000 shares are one 8% holder, not 16%."""
        joint = report("13D", "2021-06-01", person("Fund One LP", 800_000, "8.0", "a"),
                       person("Fund One GP LLC", 800_000, "8.0", "a"))  # fmt: skip
        (row,) = watch(two_tier_plan(), [joint], outstanding=10_000_000).records()
        assert (row["holder"], row["shares"], row["status"]) == ("Fund One LP", 800_000, "clear")
        assert row["headroom"] == 199_999

    def test_persons_reporting_different_aggregates_bound_the_group(self) -> None:
        """900,000 and 600,000 on one joint filing: the group holds 900,000 to 1,500,000.

        Against "10% or more" of 10,000,000 the largest is clear and the sum triggers: the
        cover pages do not say which shares are the same, so the row is UNCERTAIN and says
        so; where both ends agree, the status is exact (the count still open).
        """
        joint = report("13D", "2021-06-01", person("Fund One LP", 900_000, "9.0", "a"),
                       person("Fund Two LP", 600_000, "6.0", "a"))  # fmt: skip
        (row,) = watch(two_tier_plan(), [joint], outstanding=10_000_000).records()
        assert row["status"] == "uncertain"
        assert "at least the largest, 900,000, and at most their sum, 1,500,000" in str(row["open"])
        small = report("13D", "2021-06-01", person("Fund One LP", 500_000, "5.0", "a"),
                       person("Fund Two LP", 300_000, "3.0", "a"))  # fmt: skip
        (row,) = watch(two_tier_plan(), [small], outstanding=10_000_000).records()
        assert row["status"] == "clear"  # 500,000 to 800,000: clear either way
        assert "at most their sum, 800,000" in str(row["open"])


class TestReportedPercentages:
    def test_percentage_straddling_the_limit_is_uncertain(self) -> None:
        """Without the shares outstanding, "10.0%" against "10% or more" is UNCERTAIN."""
        (row,) = watch(two_tier_plan(), [report("13D", "2021-06-01",
                       person("Fund", 1_000_000, "10.0"))]).records()  # fmt: skip
        assert row["status"] == "uncertain"
        assert row["headroom"] is None

    def test_acquiring_person_is_sticky(self) -> None:
        """A holder that triggered stays an Acquiring Person after selling down."""
        watched = watch(
            two_tier_plan(),
            [
                report("13D", "2021-06-01", person("Fund", 1_200_000, "12.0")),
                report("13D", "2021-09-01", person("Fund", 500_000, "5.0"), amendment=1),
            ],
            outstanding=10_000_000,
        )
        records = watched.records()
        assert [(r["status"], r["standing"]) for r in records] == [
            ("triggered", "acquiring-person"),
            ("triggered", "acquiring-person"),
        ]
        assert [r["standing_since"] for r in records] == [pendulum.Date(2021, 6, 1)] * 2


class TestStickyRuleIsTheRulebooks:
    @pytest.mark.parametrize("sticky", [True, False])
    def test_percentages_agree_with_the_replay(self, sticky: bool) -> None:
        """Known only by its percentages, a holder that triggered is judged as the replay says.

        Without the shares outstanding the watch judges the printed percentages with the
        rulebook's rule for an Acquiring Person (rules.sticky_acquiring_person); with them, the
        replay of the exact ledger gives the standing. Far from the limit, both agree: still
        TRIGGERED after selling down where the status sticks, judged afresh where it does not.
        """
        plan = rp.Plan(
            rp.RightsAgreement(
                company="Target Inc.",
                dated="2021-03-01",
                provisions=(
                    rp.SetThreshold(percent=10, comparison=AT_LEAST, section="Section 1(a)"),
                    rp.SetOwnershipRules(sticky=sticky, section="Section 1(d)"),
                ),
            )
        )
        reports = [
            report("13D", "2021-06-01", person("Fund", 1_200_000, "12.0")),
            report("13D", "2021-09-01", person("Fund", 500_000, "5.0"), amendment=1),
        ]
        by_percent = watch(plan, reports).records()
        by_replay = watch(plan, reports, outstanding=10_000_000).records()
        assert [r["shares"] for r in by_percent] == [None, None]  # judged on the percentages
        assert [(r["status"], r["standing"]) for r in by_percent] == [
            (r["status"], r["standing"]) for r in by_replay
        ]
        assert [r["status"] for r in by_percent] == (
            ["triggered", "triggered"] if sticky else ["triggered", "clear"]
        )


class TestInnotrac:
    def test_ipof_under_amendment_no_3(self) -> None:
        """IPOF's reported 2,800,500 shares are clear of "more than 40%", citing both sources."""
        found = read_report(EXAMPLE / "01-13d-derived.txt")
        watched = watch(rp.examples.innotrac(), [found], outstanding=11_572_314,
                        passive={"IPOF Group": True})  # fmt: skip
        assert isinstance(watched, Watch)
        (row,) = watched.records()
        assert (row["holder"], row["status"], row["limit"], row["headroom"]) == (
            "IPOF Group", "clear", "40", 1_828_425)  # fmt: skip
        assert str(row["plan_source"]).startswith("Amendment No. 3 (2003-11-24)")
        assert "2,800,500" in str(row["report_source"])
        frame = watched.to_polars()
        assert frame["members"].to_list() == ["IPOF Fund; David Dadante"]


def lowered_plan() -> rp.Plan:
    """20% or more, lowered to 10% or more by Amendment No. 1 (2021-07-15); expires 2022-03-01."""
    return rp.Plan(
        rp.RightsAgreement(
            company="Target Inc.",
            dated="2021-03-01",
            provisions=(
                rp.SetThreshold(percent=20, comparison=AT_LEAST, section="Section 1(a)"),
                rp.SetExpiration(date="2022-03-01"),
            ),
        ),
        amendments=(
            rp.Amendment(
                number=1,
                executed="2021-07-15",
                changes=(rp.SetThreshold(percent=10, comparison=AT_LEAST, section="Section 1(a)"),),
            ),
        ),
    )


def intent_plan() -> rp.Plan:
    """15% or more; Fund may hold up to "more than 25%" while it holds without intent."""
    return rp.Plan(
        rp.RightsAgreement(
            company="Target Inc.",
            dated="2021-03-01",
            provisions=(
                rp.SetThreshold(percent=15, comparison=AT_LEAST, section="Section 1(a)"),
                rp.AddException(
                    holder="Fund",
                    percent=25,
                    comparison=rp.Comparison.MORE_THAN,
                    requires_passive=True,
                    section="Section 1(a)(iii)",
                ),
            ),
        )
    )


def with_item_4(found: rp.reports.Report, purpose: str) -> rp.reports.Report:
    text = (
        f"{found.text}\n\nItem 4.  Purpose of Transaction.\n\n      {purpose}\n\n"
        "Item 5.  Interest in Securities of the Issuer.\n\n      None.\n"
    )
    return parse_report(text, name=found.name)


def rows(watched: Watch, *names: str) -> list[tuple[object, ...]]:
    return [tuple(r[name] for name in names) for r in watched.records()]


class TestDatesBetweenReports:
    def test_lowered_threshold_flags_on_the_amendment_date(self) -> None:
        """A threshold lowered between reports judges the holder that day, citing both."""
        watched = watch(
            lowered_plan(),
            [report("13D", "2021-06-01", person("Fund", 1_200_000, "12.0"))],
            outstanding=10_000_000,
        )
        first, lowered, expired = watched.records()
        assert (first["status"], first["limit"]) == ("clear", "20")
        assert lowered["date"] == pendulum.Date(2021, 7, 15)
        assert str(lowered["occasion"]).startswith("Amendment No. 1")
        # Over the new line without acquiring a share: grandfathered, not an Acquiring Person.
        assert (lowered["status"], lowered["standing"], lowered["shares"]) == (
            "excused", "grandfathered", 1_200_000)  # fmt: skip
        assert str(lowered["plan_source"]).startswith("Amendment No. 1 (2021-07-15)")
        assert "event 2021-06-01" in str(lowered["report_source"])
        assert (expired["date"], expired["status"]) == (pendulum.Date(2022, 3, 2), "inactive")

    def test_grandfathered_holder_buying_more_triggers(self) -> None:
        """After the amendment, a report of more shares makes the holder an Acquiring Person."""
        watched = watch(
            lowered_plan(),
            [
                report("13D", "2021-06-01", person("Fund", 1_200_000, "12.0")),
                report("13D", "2021-09-01", person("Fund", 1_250_000, "12.5"), amendment=1),
            ],
            outstanding=10_000_000,
        )
        assert rows(watched, "occasion", "status")[:3] == [
            ("report", "clear"),
            ("Amendment No. 1 (general threshold set to 10% or more)", "excused"),
            ("report", "triggered"),
        ]

    def test_under_the_new_line_is_a_warning_that_day(self) -> None:
        """9.5% is clear of 20% but, on the day 10% takes over, a warning."""
        watched = watch(lowered_plan(), [report("13G", "2021-06-01", person("Fund", 950_000,
                        "9.5"))], outstanding=10_000_000)  # fmt: skip
        assert rows(watched, "status", "headroom")[:2] == [
            ("clear", 1_049_999),
            ("warning", 49_999),
        ]

    def test_every_holder_is_carried_to_the_change(self) -> None:
        """Each holder known by an amendment's date gets a row that day."""
        watched = watch(
            lowered_plan(),
            [
                report("13G", "2021-06-01", person("Fund A", 500_000, "5.0")),
                report("13G", "2021-06-02", person("Fund B", 600_000, "6.0")),
            ],
            outstanding=10_000_000,
        )
        on_change = [
            r["holder"] for r in watched.records() if r["date"] == pendulum.Date(2021, 7, 15)
        ]
        assert on_change == ["Fund A", "Fund B"]


class TestPassivityByIntent:
    def test_13d_disclaiming_intent_keeps_the_exception(self) -> None:
        """A 13D whose Item 4 disclaims any intention of influencing control keeps it."""
        found = with_item_4(
            report("13D", "2021-06-01", person("Fund", 2_000_000, "20.0")),
            "The Fund holds the Shares for investment, without any intention of changing or "
            "influencing control of the Issuer.",
        )
        (row,) = watch(intent_plan(), [found], outstanding=10_000_000).records()
        assert (row["status"], row["limit"], row["passive"]) == ("clear", "25", True)
        assert row["open"] is None

    def test_13d_stating_intent_loses_it(self) -> None:
        """A 13D whose Item 4 states an intention to influence control falls to 15%."""
        found = with_item_4(
            report("13D", "2021-06-01", person("Fund", 2_000_000, "20.0")),
            "The Fund intends to seek to influence control of the Issuer.",
        )
        (row,) = watch(intent_plan(), [found], outstanding=10_000_000).records()
        assert (row["status"], row["limit"], row["passive"]) == ("triggered", "15", False)

    def test_13d_silent_on_intent_is_uncertain_and_says_why(self) -> None:
        """Without an answer in Item 4 both readings are judged: they differ, so UNCERTAIN."""
        found = report("13D", "2021-06-01", person("Fund", 2_000_000, "20.0"))
        (row,) = watch(intent_plan(), [found], outstanding=10_000_000).records()
        assert (row["status"], row["passive"], row["standing"]) == (
            "uncertain", None, "possible-acquiring-person")  # fmt: skip
        assert "Section 1(a)(iii)" in str(row["open"])
        assert "states no Item 4" in str(row["open"])
        assert str(row["plan_source"]).count("Section 1(a)") == 2  # both readings' clauses

    def test_silent_13d_under_both_lines_is_exact(self) -> None:
        """Where both readings agree (under 15% too) the answer is exact."""
        found = report("13D", "2021-06-01", person("Fund", 1_000_000, "10.0"))
        (row,) = watch(intent_plan(), [found], outstanding=10_000_000).records()
        assert row["status"] == "clear"

    def test_13g_under_d_does_not_settle_an_intent_exception(self) -> None:
        """A 13d-1(d) 13G says nothing of intent: the exception's two readings, UNCERTAIN.

        A 13d-1(c) 13G at the same holding keeps the exception (its filer certifies no purpose
        of changing or influencing control).
        """
        exempt = report("13G", "2021-06-01", person("Fund", 2_000_000, "20.0"), rule="13d-1(d)")
        (row,) = watch(intent_plan(), [exempt], outstanding=10_000_000).records()
        assert (row["status"], row["passive"]) == ("uncertain", None)
        assert "Section 1(a)(iii)" in str(row["open"]) and "13d-1(d)" in str(row["open"])
        certified = report("13G", "2021-06-01", person("Fund", 2_000_000, "20.0"), rule="13d-1(c)")
        (row,) = watch(intent_plan(), [certified], outstanding=10_000_000).records()
        assert (row["status"], row["limit"], row["passive"]) == ("clear", "25", True)

    def test_the_passive_tier_follows_the_form(self) -> None:
        """A passive tier is for 13G filers: a 13D disclaiming intent is still active for it."""
        found = with_item_4(
            report("13D", "2021-06-01", person("Fund", 1_500_000, "15.0")),
            "The Fund has no intention of changing or influencing control of the Issuer.",
        )
        (row,) = watch(two_tier_plan(), [found], outstanding=10_000_000).records()
        assert (row["status"], row["limit"]) == ("triggered", "10")


def sole(name: str, shares: int, shared: int = 0, group: str | None = None) -> DrawnPerson:
    percent = f"{Decimal(shares) / 100_000:.1f}"  # the percent of class, exactly
    return DrawnPerson(name, group, shares - shared, shared, shares - shared, shared, shares,
                       percent, "PN")  # fmt: skip


class TestSeparateFilersAsGroups:
    def test_joint_filing_naming_separate_filers_groups_them_from_its_date(self) -> None:
        """Separate filers are judged apart until a joint filing names them; then together."""
        watched = watch(
            two_tier_plan(),
            [
                report("13D", "2021-06-01", sole("Fund A", 600_000)),
                report("13D", "2021-06-15", sole("Fund B", 500_000)),
                report(
                    "13D",
                    "2021-08-01",
                    sole("Fund A", 1_100_000, group="a"),
                    sole("Fund B", 1_100_000, group="a"),
                    amendment=1,
                ),
            ],
            outstanding=10_000_000,
        )
        assert rows(watched, "date", "holder", "status", "shares") == [
            (pendulum.Date(2021, 6, 1), "Fund A", "clear", 600_000),
            (pendulum.Date(2021, 6, 15), "Fund B", "clear", 500_000),
            (pendulum.Date(2021, 8, 1), "Fund A", "triggered", 1_100_000),
            (pendulum.Date(2021, 8, 1), "Fund B", "triggered", 1_100_000),
        ]
        last = watched.records()[-1]
        assert last["members"] == ["Fund A", "Fund B"]
        assert "event 2021-08-01" in str(last["report_source"])  # the joint filing, cited
        assert "event 2021-06-15" in str(last["report_source"])  # and B's own report

    def test_caller_group_adds_members_holdings(self) -> None:
        """A group the caller states holds its members' shares together, each counted once."""
        watched = watch(
            two_tier_plan(),
            [
                report("13D", "2021-06-01", sole("Fund A", 600_000)),
                report("13D", "2021-06-15", sole("Fund B", 500_000)),
            ],
            outstanding=10_000_000,
            groups={"A and B": ["Fund A", "Fund B"]},
        )
        assert rows(watched, "date", "holder", "status", "shares") == [
            (pendulum.Date(2021, 6, 1), "Fund A", "clear", 600_000),
            (pendulum.Date(2021, 6, 15), "Fund A", "triggered", 1_100_000),
            (pendulum.Date(2021, 6, 15), "Fund B", "triggered", 1_100_000),
        ]

    def test_shared_power_that_may_overlap_is_uncertain(self) -> None:
        """Shares with shared power may be the same shares: 8% or 11%, so UNCERTAIN."""
        watched = watch(
            two_tier_plan(),
            [
                report("13D", "2021-06-01", sole("Fund A", 600_000, shared=300_000)),
                report("13D", "2021-06-15", sole("Fund B", 500_000, shared=300_000)),
            ],
            outstanding=10_000_000,
            groups={"A and B": ["Fund A", "Fund B"]},
        )
        last = watched[-1]
        assert last.assessment.status is rp.Status.UNCERTAIN
        assert last.readings is not None
        assert [a.position.shares for a in last.readings] == [800_000, 1_100_000]  # type: ignore[union-attr]
        assert "shared voting or dispositive power" in str(last.open)

    def test_shared_power_deciding_nothing_is_exact(self) -> None:
        """Where both counts give the same answer, the answer is exact."""
        watched = watch(
            two_tier_plan(),
            [
                report("13D", "2021-06-01", sole("Fund A", 400_000, shared=100_000)),
                report("13D", "2021-06-15", sole("Fund B", 300_000, shared=100_000)),
            ],
            outstanding=10_000_000,
            groups={"A and B": ["Fund A", "Fund B"]},
        )
        assert watched[-1].assessment.status is rp.Status.CLEAR

    def test_member_known_by_percentage_only_leaves_the_group_open(self) -> None:
        """A member whose shares cannot be judged (more than outstanding): the group is open."""
        watched = watch(
            two_tier_plan(),
            [
                report("13D", "2021-06-01", sole("Fund A", 600_000)),
                report("13D", "2021-06-15", person("Fund B", 20_000_000, "9.0")),
            ],
            outstanding=10_000_000,
            groups={"A and B": ["Fund A", "Fund B"]},
        )
        assert rows(watched, "holder", "status")[-2:] == [
            ("Fund A", "uncertain"), ("Fund B", "uncertain")]  # fmt: skip
        assert "known only by a percentage" in str(watched[-1].open)

    def test_box_a_alone_is_uncertain_unless_it_triggers(self) -> None:
        """A lone filer in a group its report does not name: its group may hold more."""
        lone = report("13D", "2021-06-01", sole("Fund", 800_000, group="a"))
        (row,) = watch(two_tier_plan(), [lone], outstanding=10_000_000).records()
        assert row["status"] == "uncertain"
        assert "box (a)" in str(row["open"])
        over = report("13D", "2021-06-01", sole("Fund", 1_200_000, group="a"))
        (row,) = watch(two_tier_plan(), [over], outstanding=10_000_000).records()
        assert row["status"] == "triggered"

    def test_unknown_group_member_is_refused(self) -> None:
        """A caller's group naming no reporting person is an error naming it."""
        with pytest.raises(rp.errors.InvalidInputError, match="'Fund Z' is not a reporting"):
            watch(two_tier_plan(), [report("13D", "2021-06-01", sole("Fund A", 1))],
                  outstanding=10, groups={"G": ["Fund A", "Fund Z"]})  # fmt: skip


_DAYS = st.integers(min_value=0, max_value=300).map(
    lambda n: pendulum.Date.fromordinal(pendulum.Date(2021, 3, 1).toordinal() + n)
)
_OUTSTANDING = 10_000_000


@st.composite
def plans(draw: st.DrawFn) -> rp.Plan:
    """A plan adopted 2021-03-01 whose amendments move the threshold; sometimes it expires."""
    percents = st.sampled_from((5, 10, 15, 20))
    comparisons = st.sampled_from((AT_LEAST, rp.Comparison.MORE_THAN))
    days = sorted(set(draw(st.lists(_DAYS.filter(lambda d: d.year == 2021 and d.month > 3),
                                    max_size=3))))  # fmt: skip
    provisions: list[rp.Change] = [
        rp.SetThreshold(percent=draw(percents), comparison=draw(comparisons), section="S1")
    ]
    if draw(st.booleans()):
        provisions.append(rp.SetPassiveTier(percent=25, comparison=AT_LEAST, section="S1(b)"))
    if draw(st.booleans()):  # after the last amendment: none is made once the plan is gone
        last = max(days, default=pendulum.Date(2021, 3, 1))
        expiry = last.toordinal() + draw(st.integers(min_value=0, max_value=200))
        provisions.append(rp.SetExpiration(date=pendulum.Date.fromordinal(expiry)))
    amendments = [
        rp.Amendment(
            number=number,
            executed=day,
            changes=(
                rp.SetThreshold(percent=draw(percents), comparison=draw(comparisons), section="S1"),
            ),
        )
        for number, day in enumerate(days, start=1)
    ]
    return rp.Plan(
        rp.RightsAgreement(company="Target Inc.", dated="2021-03-01", provisions=provisions),
        amendments=amendments,
    )


@st.composite
def filings(
    draw: st.DrawFn, holders: tuple[str, ...]
) -> list[tuple[str, pendulum.Date, int, int, str]]:
    """Reports as (holder, day, shares, shared, form), in no particular order."""
    return draw(
        st.lists(
            st.tuples(
                st.sampled_from(holders),
                _DAYS,
                st.integers(min_value=0, max_value=3_000_000),
                st.integers(min_value=0, max_value=100),
                st.sampled_from(("13D", "13G")),
            ).map(lambda t: (t[0], t[1], t[2], t[2] * t[3] // 100, t[4])),
            min_size=1,
            max_size=6,
        )
    )


def drawn(
    filed: list[tuple[str, pendulum.Date, int, int, str]], *, shared: bool
) -> list[rp.reports.Report]:
    found = []
    for index, (holder, day, shares, part, form) in enumerate(filed):
        cut = part if shared else 0
        drawn_report = DrawnReport(
            form, 0, "Target Inc.", "123456789", day, "13d-1(c)" if form == "13G" else None,
            (DrawnPerson(holder, None, shares - cut, cut, shares - cut, cut, shares,
                         f"{Decimal(shares) / 100_000:.1f}", "PN"),),
        )  # fmt: skip
        found.append(parse_report(render_text(drawn_report), name=f"{index}.txt"))
    return found


def reference_history(
    plan: rp.Plan,
    filed: list[tuple[str, pendulum.Date, int, int, str]],
    group: tuple[str, ...] = (),
) -> rp.History:
    """The naive ledger: each report's shares as reported, the group formed at the start."""
    ordered = sorted(enumerate(filed), key=lambda item: (item[1][1], item[0]))
    first = ordered[0][1][1]
    events: list[rp.Event] = [rp.OutstandingChanged(on=first, outstanding=_OUTSTANDING)]
    events += [
        rp.PositionReported(on=day, holder=holder, shares=shares, passive=form == "13G")
        for _, (holder, day, shares, _, form) in ordered
    ]
    if group:  # from the day a second member reports
        second = sorted(min(f[1] for f in filed if f[0] == member) for member in group)[1]
        at = max(i for i, e in enumerate(events) if e.on <= second) + 1
        events.insert(at, rp.GroupFormed(on=second, group="the group", members=group))
    return rp.replay(plan, events)


class TestProperties:
    @settings(max_examples=40, deadline=None)
    @given(plans(), filings(("Fund A", "Fund B")))
    def test_agrees_with_the_replay_and_assess_on_every_date(
        self, plan: rp.Plan, filed: list[tuple[str, pendulum.Date, int, int, str]]
    ) -> None:
        """Each report and plan change date has a row, as the replay and rp.assess give it.

        The holding is the holder's latest report's, carried forward.
        """
        watched = watch(plan, drawn(filed, shared=False), outstanding=_OUTSTANDING)
        history = reference_history(plan, filed)
        changes = {p.start for p in plan.timeline()}
        changes |= {p.end.add(days=1) for p in plan.timeline() if p.end is not None}
        seen = {(r["holder"], r["date"]) for r in watched.records()}
        for holder in {f[0] for f in filed}:
            own = sorted(f[1] for f in filed if f[0] == holder)
            expected = set(own) | {day for day in changes if day >= own[0]}
            assert {day for name, day in seen if name == holder} == expected
        for row in watched:
            record = row.record()
            day, holder = row.day, str(record["holder"])
            latest = [f for f in filed if f[0] == holder and f[1] <= day]
            latest_day = max(f[1] for f in latest)
            carried = [f for f in latest if f[1] == latest_day][-1]
            assert record["shares"] == carried[2]
            status = history.status_of(holder, on=day)
            assert row.assessment.status is status.status
            again = rp.assess(
                plan,
                rp.Position(holder, carried[2], _OUTSTANDING, passive=carried[4] == "13G"),
                on=day,
                standing=history.standing(holder, on=day),
            )
            assert row.assessment.status is again.status

    @settings(max_examples=40, deadline=None)
    @given(plans(), filings(("Fund A", "Fund B", "Fund C")), st.booleans())
    def test_group_holds_the_sum_of_its_members_latest_holdings(
        self,
        plan: rp.Plan,
        filed: list[tuple[str, pendulum.Date, int, int, str]],
        shared: bool,
    ) -> None:
        """A group of separate filers holds the sum of its members' latest holdings.

        Counted for each member where shared power may overlap; then judged both ways.
        """
        members = tuple(dict.fromkeys(f[0] for f in filed))
        assume(len(members) >= 2)
        watched = watch(plan, drawn(filed, shared=shared), outstanding=_OUTSTANDING,
                        groups={"the group": list(members)})  # fmt: skip
        naive = reference_history(plan, filed, members)
        for row in watched:
            day = row.day
            latest: dict[str, int] = {}
            for holder, filed_on, shares, _, _ in sorted(
                filed, key=lambda f: f[1]
            ):  # same-day reports: the last given wins, as the watch orders them
                if filed_on <= day:
                    latest[holder] = shares
            upper = row.readings[1] if row.readings is not None else row.assessment
            if row.group is not None:  # together: the sum of the members' latest holdings
                assert upper.position.shares == sum(latest.values())  # type: ignore[union-attr]
            else:  # before the group: its own
                own = str(row.position.holder)
                assert upper.position.shares == latest[own]  # type: ignore[union-attr]
            expected = naive.status_of(str(row.record()["holder"]), on=day).status
            if row.readings is None:
                assert row.assessment.status is expected
            else:
                assert upper.status is expected
                lower = row.readings[0]
                assert lower.position.shares <= upper.position.shares  # type: ignore[union-attr]
                assert row.open is not None


class TestGroupsThePlanNames:
    def test_members_of_a_named_group_filing_apart_are_added(self) -> None:
        """IPOF Fund and David Dadante filing apart are the IPOF Group the plan names."""
        fund = report("13G", "2003-12-01", sole("IPOF Fund, L.P.", 1_800_500))
        partner = report("13G", "2003-12-02", sole("David Dadante", 1_000_000))
        watched = watch(rp.examples.innotrac(), [fund, partner], outstanding=11_572_314)
        last = watched.records()[-2:]
        assert [(r["holder"], r["shares"], r["status"], r["limit"]) for r in last] == [
            ("IPOF Group", 2_800_500, "clear", "40"),
            ("IPOF Group", 2_800_500, "clear", "40"),
        ]
        assert watched[-1].group is not None
        assert watched[-1].group.source.startswith("named together in Amendment No. 2")

    def test_percentage_only_holder_stays_an_acquiring_person(self) -> None:
        """Known only by percentages, a holder that triggered stays an Acquiring Person.

        It is one from the day it triggers, as the replay of exact holdings says.
        """
        watched = watch(
            two_tier_plan(),
            [
                report("13D", "2021-06-01", person("Fund", 1_200_000, "12.0")),
                report("13D", "2021-09-01", person("Fund", 500_000, "5.0"), amendment=1),
            ],
        )
        assert rows(watched, "status", "shares", "standing") == [
            ("triggered", None, "acquiring-person"),
            ("triggered", None, "acquiring-person"),
        ]
