"""The Rights Agreement and the replay of its amendments into terms over time."""

from __future__ import annotations

import gc
import json
import sys
import tracemalloc
from fractions import Fraction
from pathlib import Path

import attrs
import pendulum
import pytest
from hypothesis import given, settings

import rightsplan as rp
from rightsplan import testing
from rightsplan.amendments import apply_change
from rightsplan.terms import exception_covering, find_exemption

AT_LEAST = rp.Comparison.AT_LEAST
MORE_THAN = rp.Comparison.MORE_THAN


def agreement(**overrides: object) -> rp.RightsAgreement:
    fields: dict[str, object] = {
        "company": "Example Corp",
        "dated": "2010-01-15",
        "provisions": (
            rp.SetThreshold(percent=15, comparison=AT_LEAST, section="Section 1(a)"),
            rp.SetExpiration(date="2020-01-15", section="Section 7(a)"),
            *rp.standard_exempt_persons(),
        ),
    }
    fields.update(overrides)
    return rp.RightsAgreement(**fields)  # type: ignore[arg-type]


def amendment(number: int, executed: str, *changes: rp.Change, **fields: object) -> rp.Amendment:
    return rp.Amendment(number=number, executed=executed, changes=changes, **fields)  # type: ignore[arg-type]


class TestRightsAgreement:
    def test_needs_its_general_threshold(self) -> None:
        """An agreement without SetThreshold is refused, saying what to add."""
        with pytest.raises(rp.InvalidInputError, match="needs its general threshold"):
            agreement(provisions=(rp.SetExpiration(date="2020-01-15"),))

    def test_states_single_valued_terms_once(self) -> None:
        """The threshold, passive tier, expiration and agent are stated at most once."""
        with pytest.raises(rp.InvalidInputError, match="SetThreshold appears 2 times"):
            agreement(
                provisions=(
                    rp.SetThreshold(percent=15, comparison=AT_LEAST),
                    rp.SetThreshold(percent=20, comparison=AT_LEAST),
                )
            )

    def test_refuses_amendment_only_changes(self) -> None:
        """Removals, replacements and endings belong to amendments, not to the agreement."""
        with pytest.raises(
            rp.InvalidInputError,
            match=r"provisions\[1\]: a Rights Agreement cannot state Terminate",
        ):
            agreement(provisions=(rp.SetThreshold(percent=15, comparison=AT_LEAST), rp.Terminate()))

    def test_initial_terms_cite_the_agreement(self) -> None:
        """Each initial term cites the agreement, its date and the provision's section."""
        terms = agreement().initial_terms()
        assert terms.known_general().threshold == rp.Threshold(15, AT_LEAST)
        assert terms.general.source.cite() == "Rights Agreement (2010-01-15), Section 1(a)"
        assert terms.expiration is not None
        assert terms.expiration.source.section == "Section 7(a)"
        assert [e.category for e in terms.exemptions] == [
            rp.HolderKind.COMPANY,
            rp.HolderKind.SUBSIDIARY,
            rp.HolderKind.BENEFIT_PLAN,
        ]

    def test_conflicting_provisions_name_the_provision(self) -> None:
        """A passive tier stricter than the general rule is reported at its provision."""
        with pytest.raises(rp.PlanHistoryError, match=r"provisions\[1\] \(SetPassiveTier\)"):
            agreement(
                provisions=(
                    rp.SetThreshold(percent=15, comparison=AT_LEAST),
                    rp.SetPassiveTier(percent=10, comparison=AT_LEAST),
                )
            ).initial_terms()


class TestInnotrac:
    """The built-in Innotrac plan, pinned to the facts of its filings."""

    plan = rp.examples.innotrac()

    def test_agreement(self) -> None:
        """Rights Agreement dated as of 1997-12-31: 15% or more, the agreement's own words."""
        assert self.plan.company == "Innotrac Corporation"
        assert self.plan.agreement.dated == pendulum.Date(1997, 12, 31)
        assert self.plan.agreement.threshold == rp.Threshold(15, AT_LEAST)
        general = self.plan.terms_at("2003-12-01").general
        assert general.source.instrument == "Rights Agreement"
        assert "more than 15%" in (general.source.note or "")

    def test_amendment_dates(self) -> None:
        """No. 1 dated 2000-11-30; No. 2 2003-08-14; No. 3 authorized 11-21, executed 11-24."""
        one, two, three = self.plan.amendments
        assert (one.number, one.executed) == (1, pendulum.Date(2000, 11, 30))
        assert (two.number, two.executed) == (2, pendulum.Date(2003, 8, 14))
        assert (three.number, three.authorized, three.executed) == (
            3,
            pendulum.Date(2003, 11, 21),
            pendulum.Date(2003, 11, 24),
        )

    def test_amendment_one_appoints_suntrust_and_changes_no_threshold(self) -> None:
        """Amendment No. 1 appointed SunTrust Bank and left the thresholds alone."""
        before = self.plan.terms_at("2000-11-29")
        after = self.plan.terms_at("2000-11-30")
        assert before.rights_agent is None
        assert after.rights_agent is not None and after.rights_agent.name == "SunTrust Bank"
        assert (after.general, after.passive, after.exceptions) == (
            before.general,
            before.passive,
            before.exceptions,
        )

    def test_ipof_exception_over_time(self) -> None:
        """IPOF: no exception before 2003-08-14; over 25% to 11-23; over 40% from 11-24."""
        assert self.plan.terms_at("2003-08-13").exception_for("IPOF Group") is None
        for day, cap, source in (
            ("2003-08-14", 25, "Amendment No. 2"),
            ("2003-11-23", 25, "Amendment No. 2"),
            ("2003-11-24", 40, "Amendment No. 3"),
        ):
            exception = self.plan.terms_at(day).exception_for("IPOF Group")
            assert exception is not None
            assert exception.cap == rp.Threshold(cap, MORE_THAN)
            assert exception.requires_passive
            assert exception.members == ("IPOF Fund, L.P.", "David Dadante")
            assert exception.source.instrument == source
            assert exception.source.section == "Section 1 (definition of Acquiring Person)"

    def test_timeline(self) -> None:
        """Four periods, split where each amendment took effect; the last is open-ended."""
        periods = self.plan.timeline()
        assert [(p.start.isoformat(), p.end and p.end.isoformat()) for p in periods] == [
            ("1997-12-31", "2000-11-29"),
            ("2000-11-30", "2003-08-13"),
            ("2003-08-14", "2003-11-23"),
            ("2003-11-24", None),
        ]
        assert all(p.in_force for p in periods)
        assert periods[3].opened_by.startswith("Amendment No. 3")
        assert "more than 40%" in self.plan.describe()


class TestReplay:
    def test_terms_before_adoption_are_an_error(self) -> None:
        """There are no terms before the agreement's date, and the error says so."""
        plan = rp.Plan(agreement())
        with pytest.raises(
            rp.NotAdoptedError, match="dated 2010-01-15: there were no terms on 2010-01-14"
        ):
            plan.terms_at("2010-01-14")
        assert not plan.in_force_on("2010-01-14")
        assert plan.in_force_on("2010-01-15")

    def test_same_day_amendments_apply_in_number_order(self) -> None:
        """Two amendments effective the same day apply in number order and open one period."""
        plan = rp.Plan(
            agreement(),
            [
                amendment(2, "2012-05-01", rp.SetThreshold(percent=20, comparison=AT_LEAST)),
                amendment(1, "2012-05-01", rp.SetThreshold(percent=10, comparison=AT_LEAST)),
            ],
        )
        assert plan.terms_at("2012-05-01").general.percent == 20
        opened = [p.opened_by for p in plan.timeline() if p.start == pendulum.Date(2012, 5, 1)]
        assert len(opened) == 1
        assert opened[0].index("Amendment No. 1") < opened[0].index("Amendment No. 2")

    def test_effective_date_governs(self) -> None:
        """An amendment with a later effective date changes nothing until that date."""
        plan = rp.Plan(
            agreement(),
            [
                amendment(
                    1,
                    "2012-05-01",
                    rp.SetThreshold(percent=10, comparison=AT_LEAST),
                    effective="2012-06-01",
                )
            ],
        )
        assert plan.terms_at("2012-05-31").general.percent == 15
        assert plan.terms_at("2012-06-01").general.percent == 10

    def test_expiration_ends_the_plan_after_its_day(self) -> None:
        """The plan is in force through its Final Expiration Date and not after."""
        plan = rp.Plan(agreement())
        assert plan.in_force_on("2020-01-15")
        assert not plan.in_force_on("2020-01-16")
        periods = plan.timeline()
        assert [(p.start.isoformat(), p.in_force) for p in periods] == [
            ("2010-01-15", True),
            ("2020-01-16", False),
        ]
        assert periods[0].end == pendulum.Date(2020, 1, 15)
        assert "Final Expiration Date 2020-01-15 passed" in periods[1].opened_by

    def test_accelerated_expiration_and_extension(self) -> None:
        """An amendment can bring the expiration forward or push it back."""
        plan = rp.Plan(
            agreement(),
            [
                amendment(1, "2015-01-01", rp.SetExpiration(date="2015-06-30")),
            ],
        )
        assert plan.in_force_on("2015-06-30")
        assert not plan.in_force_on("2015-07-01")
        extended = rp.Plan(
            agreement(), [amendment(1, "2019-12-01", rp.SetExpiration(date="2023-01-15"))]
        )
        assert extended.in_force_on("2022-06-01")

    def test_termination_and_redemption_end_the_plan_on_their_day(self) -> None:
        """A plan terminated or redeemed by an amendment is not in force from its effective date."""
        for ending in (rp.Terminate(), rp.Redeem(price="0.001")):
            plan = rp.Plan(agreement(), [amendment(1, "2014-03-03", ending)])
            assert plan.in_force_on("2014-03-02")
            assert not plan.in_force_on("2014-03-03")
            assert [p.in_force for p in plan.timeline()] == [True, False]

    def test_amend_returns_a_new_plan(self) -> None:
        """plan.amend adds amendments without changing the original."""
        plan = rp.Plan(agreement())
        amended = plan.amend(
            amendment(1, "2012-01-01", rp.SetThreshold(percent=10, comparison=AT_LEAST))
        )
        assert plan.amendments == ()
        assert amended.terms_at("2012-01-01").general.percent == 10

    def test_every_term_remembers_its_instrument(self) -> None:
        """Terms list the instruments folded into them, in order."""
        plan = rp.examples.innotrac()
        names = [s.instrument for s in plan.terms_at("2003-11-24").instruments]
        assert names == [
            "Rights Agreement",
            "Amendment No. 1",
            "Amendment No. 2",
            "Amendment No. 3",
        ]

    def test_instruments_behave_as_a_tuple(self) -> None:
        """Each period's instruments read, index, slice, compare and hash as the tuple would."""
        plan = rp.examples.innotrac()
        every = plan.terms_at("2003-11-24").instruments
        earlier = plan.terms_at("2003-08-14").instruments
        expected = tuple(every)
        assert len(every) == 4 and len(earlier) == 3
        assert tuple(earlier) == expected[:3]
        assert every[0] == expected[0] and every[-1] == expected[-1]
        assert earlier[-1] == expected[2]
        assert every[1:3] == expected[1:3]
        assert every == expected and expected == every and earlier != every
        assert hash(every) == hash(expected)
        with pytest.raises(IndexError):
            earlier[3]
        terms = plan.terms_at("2003-08-14")
        assert attrs.evolve(terms, instruments=tuple(earlier)) == terms

    def test_many_amendments_on_one_day(self) -> None:
        """Amendments effective the same day open one period, named in order."""
        changes = [rp.OtherChange(description=f"change {n}") for n in range(1, 301)]
        plan = rp.Plan(
            agreement(),
            [amendment(n, "2012-01-01", change) for n, change in enumerate(changes, start=1)],
        )
        opened = plan.timeline()[1].opened_by
        assert opened.startswith("Amendment No. 1 (change 1); Amendment No. 2 (change 2); ")
        assert opened.endswith("; Amendment No. 300 (change 300)")
        assert len(plan.terms_at("2012-01-01").instruments) == 301

    def test_plans_are_values(self) -> None:
        """Plans built from equal parts are equal and hash alike, whatever the amendment order."""
        first = rp.examples.innotrac()
        second = rp.Plan(first.agreement, tuple(reversed(first.amendments)))
        assert first == second
        assert hash(first) == hash(second)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            first.amendments = ()  # type: ignore[misc]


class TestInconsistentHistories:
    """Each inconsistent history fails at construction, naming the amendment at fault."""

    def test_duplicate_numbers(self) -> None:
        """Two amendments numbered 2."""
        with pytest.raises(rp.PlanHistoryError, match="Amendment No. 2 appears twice"):
            rp.Plan(
                agreement(),
                [
                    amendment(2, "2012-01-01", rp.Terminate()),
                    amendment(2, "2012-02-01", rp.Terminate()),
                ],
            )

    def test_numbers_and_dates_disagree(self) -> None:
        """Amendment No. 2 executed before Amendment No. 1."""
        with pytest.raises(
            rp.PlanHistoryError,
            match=r"Amendment No. 2 was executed 2011-01-01, before Amendment No. 1",
        ):
            rp.Plan(
                agreement(),
                [
                    amendment(1, "2012-01-01", rp.OtherChange(description="x")),
                    amendment(2, "2011-01-01", rp.OtherChange(description="y")),
                ],
            )

    def test_before_the_agreement(self) -> None:
        """An amendment executed, or effective, before the agreement it amends."""
        with pytest.raises(
            rp.PlanHistoryError,
            match="Amendment No. 1 executed 2009-12-31, before the Rights Agreement",
        ):
            rp.Plan(agreement(), [amendment(1, "2009-12-31", rp.Terminate())])
        with pytest.raises(
            rp.PlanHistoryError, match="Amendment No. 1 takes effect 2009-12-31, before"
        ):
            rp.Plan(
                agreement(), [amendment(1, "2011-01-01", rp.Terminate(), effective="2009-12-31")]
            )

    def test_authorized_before_the_agreement(self) -> None:
        """An amendment authorized before the agreement it amends existed is refused."""
        with pytest.raises(
            rp.PlanHistoryError,
            match="Amendment No. 1 was authorized 2009-12-01, before the Rights Agreement",
        ):
            rp.Plan(
                agreement(),
                [amendment(1, "2011-01-01", rp.Terminate(), authorized="2009-12-01")],
            )

    def test_expiration_before_the_agreement(self) -> None:
        """A Final Expiration Date before the agreement's own date names the provision's date."""
        with pytest.raises(
            rp.InvalidInputError,
            match=(
                r"provisions\[1\].date: the Final Expiration Date 2009-01-15 is before the "
                r"Rights Agreement itself \(dated 2010-01-15\)"
            ),
        ):
            agreement(
                provisions=(
                    rp.SetThreshold(percent=15, comparison=AT_LEAST),
                    rp.SetExpiration(date="2009-01-15"),
                )
            )

    def test_expiration_on_the_agreement_date(self) -> None:
        """A plan may expire on the day it is dated (at that day's close of business)."""
        plan = rp.Plan(
            agreement(
                provisions=(
                    rp.SetThreshold(percent=15, comparison=AT_LEAST),
                    rp.SetExpiration(date="2010-01-15"),
                )
            )
        )
        assert plan.in_force_on("2010-01-15")
        assert not plan.in_force_on("2010-01-16")

    def test_expiration_before_the_amendment_takes_effect(self) -> None:
        """An amendment cannot set a Final Expiration Date before it takes effect."""
        with pytest.raises(
            rp.PlanHistoryError,
            match=(
                r"Amendment No. 1 \(2012-03-01\), changes\[0\] \(SetExpiration\): date: the Final "
                r"Expiration Date 2012-02-01 is before Amendment No. 1 takes effect \(2012-03-01\)"
            ),
        ):
            rp.Plan(agreement(), [amendment(1, "2012-03-01", rp.SetExpiration(date="2012-02-01"))])

    def test_removing_what_does_not_exist(self) -> None:
        """Replacing or removing an exception that was never added names the change."""
        with pytest.raises(
            rp.PlanHistoryError,
            match=(
                r"Amendment No. 1 \(2012-01-01\), changes\[1\] \(RemoveException\): "
                "there is no exception for 'Nobody'"
            ),
        ):
            rp.Plan(
                agreement(),
                [
                    amendment(
                        1,
                        "2012-01-01",
                        rp.OtherChange(description="x"),
                        rp.RemoveException(holder="Nobody"),
                    )
                ],
            )

    def test_after_the_plan_ended(self) -> None:
        """An amendment taking effect after termination, or after expiration, is refused."""
        with pytest.raises(
            rp.PlanHistoryError,
            match=(
                r"Amendment No. 2 takes effect 2015-01-01, when the plan is no longer in force "
                r"\(terminated on 2014-01-01"
            ),
        ):
            rp.Plan(
                agreement(),
                [
                    amendment(1, "2014-01-01", rp.Terminate()),
                    amendment(2, "2015-01-01", rp.OtherChange(description="x")),
                ],
            )
        with pytest.raises(
            rp.PlanHistoryError, match="expired at the close of business on 2020-01-15"
        ):
            rp.Plan(agreement(), [amendment(1, "2021-01-01", rp.OtherChange(description="x"))])

    def test_cap_outside_the_range(self) -> None:
        """A cap that is not a percentage in (0, 100] cannot even be written as a change."""
        with pytest.raises(rp.InvalidPercentError, match=r"\(0, 100\]"):
            rp.ReplaceException(
                holder="X", percent=Fraction(201, 2), comparison=MORE_THAN, requires_passive=False
            )

    def test_wrong_types(self) -> None:
        """A plan needs a RightsAgreement and a list of Amendments."""
        with pytest.raises(rp.InputTypeError, match="agreement"):
            rp.Plan("Innotrac")  # type: ignore[arg-type]
        with pytest.raises(rp.InputTypeError, match=r"amendments\[0\]"):
            rp.Plan(agreement(), ["Amendment No. 1"])  # type: ignore[list-item]


def _described_by_text(period: rp.Period, previous: rp.Period | None) -> str:
    """Reference: the period's lines not among the previous period's, thresholds always."""
    span = f"{period.start.isoformat()} " + (
        f"to {period.end.isoformat()}" if period.end is not None else "onwards"
    )
    head = f"{span}: {period.opened_by}"
    if not period.in_force:
        return f"{head}\n  no plan in force"
    seen = set(previous.terms.describe().splitlines()) if previous is not None else set()
    always = ("General rule", "Passive-investor tier", "Exception for")
    lines = [
        line
        for line in period.terms.describe().splitlines()
        if line.startswith(always) or line not in seen
    ]
    return "\n".join([head, *(f"  {line}" for line in lines)])


class TestDescribe:
    @settings(max_examples=150)
    @given(testing.plans(max_amendments=8))
    def test_same_as_comparing_the_texts(self, plan: rp.Plan) -> None:
        """Each period lists what comparing its whole text with the previous period's would."""
        periods = plan.timeline()
        for index, period in enumerate(periods):
            previous = periods[index - 1] if index else None
            assert period.describe(previous) == _described_by_text(period, previous)

    def test_exempt_persons_shown_where_added(self) -> None:
        """An Exempt Person is listed in the period it was added, not in the later ones."""
        plan = rp.Plan(
            agreement(),
            [
                amendment(1, "2012-01-01", rp.AddExemptPerson(name="A Fund")),
                amendment(2, "2013-01-01", rp.AddExemptPerson(name="B Fund")),
                amendment(3, "2014-01-01", rp.RemoveExemptPerson(name="A Fund")),
                amendment(4, "2015-01-01", rp.AddExemptPerson(name="C Fund")),
            ],
        )
        texts = [
            period.describe(None if i == 0 else plan.timeline()[i - 1])
            for i, period in enumerate(plan.timeline())
        ]
        assert ["Exempt Person: A Fund" in text for text in texts[1:5]] == [
            True,
            False,
            False,
            False,
        ]
        assert ["Exempt Person: B Fund" in text for text in texts[1:5]] == [
            False,
            True,
            False,
            False,
        ]
        assert "Exempt Person: C Fund" in texts[4] and "A Fund" not in texts[4]


class TestToJson:
    @settings(max_examples=60, deadline=None)
    @given(testing.plans(max_amendments=6))
    def test_timeline_lists_every_rule_of_each_period(self, plan: rp.Plan) -> None:
        """Each period of the JSON timeline has every rule in force, or what ended the plan."""
        document = json.loads(json.dumps(plan.to_json()))
        periods = plan.timeline()
        assert len(document["periods"]) == len(periods)
        for shown, period in zip(document["periods"], periods, strict=True):
            assert shown["start"] == period.start.isoformat()
            assert shown["end"] == (None if period.end is None else period.end.isoformat())
            assert shown["in_force"] is period.in_force
            expected = period.terms.to_json()["rules"]
            assert isinstance(expected, list)
            if not period.in_force:  # only what ended it: the ending, the expiry
                expected = [
                    rule
                    for rule in expected
                    if isinstance(rule, dict) and rule["kind"] in ("ended", "expiration")
                ]
                assert expected
            assert shown["rules"] == json.loads(json.dumps(expected))

    @settings(max_examples=60, deadline=None)
    @given(testing.plans(max_amendments=6), testing.dates())
    def test_on_a_day_agrees_with_terms_at(self, plan: rp.Plan, day: pendulum.Date) -> None:
        """On any day, the JSON is in force exactly when the plan is, with terms_at's threshold."""
        document = json.loads(json.dumps(plan.to_json(on=day)))
        assert document["on"] == day.isoformat()
        assert document["in_force"] is plan.in_force_on(day)
        assert (document["why_not"] is None) is document["in_force"]
        if not document["in_force"]:
            kinds = {rule["kind"] for rule in document["rules"]}
            assert kinds <= {"ended", "expiration"}
            assert bool(kinds) is (day >= plan.agreement.dated)  # what ended it, once adopted
            return
        (general,) = [rule for rule in document["rules"] if rule["kind"] == "general"]
        threshold = plan.terms_at(day).known_general().threshold
        assert rp.to_percent(general["threshold"]["percent"]) == threshold.percent
        assert general["threshold"]["comparison"] == threshold.comparison.value


class TestDescribeManyExceptions:
    def test_beyond_the_limit_only_new_exceptions_are_listed(self) -> None:
        """Past EXCEPTIONS_ALWAYS_LISTED, a period lists its new exceptions and counts the rest."""
        limit = rp.terms.EXCEPTIONS_ALWAYS_LISTED
        plan = rp.Plan(
            agreement(),
            [
                amendment(
                    n,
                    f"2012-01-{n:02d}",
                    rp.AddException(
                        holder=f"Holder {n}",
                        percent=20,
                        comparison=MORE_THAN,
                        requires_passive=False,
                    ),
                )
                for n in range(1, limit + 3)
            ],
        )
        periods = plan.timeline()
        at_limit = periods[limit].describe(periods[limit - 1])
        assert at_limit.count("Exception for") == limit and "other holders" not in at_limit
        beyond = periods[limit + 2].describe(periods[limit + 1])
        assert beyond.count("Exception for") == 1
        assert f"Exception for Holder {limit + 2}:" in beyond
        assert f"Exceptions for {limit + 1} other holders: as in the period before" in beyond
        assert plan.describe().count("Exception for Holder 1:") == limit


class TestLookupsCarriedThroughTheReplay:
    @settings(max_examples=150)
    @given(testing.plans(max_amendments=10))
    def test_same_answers_as_lookups_built_afresh(self, plan: rp.Plan) -> None:
        """Terms from a replay find the same clauses, by lookup and register, as a fresh copy."""
        for period in plan.timeline():
            terms = period.terms
            fresh = attrs.evolve(terms)  # a new Terms, which builds its own lookups
            names = {
                *testing.HOLDER_NAMES,
                *(exemption.name for exemption in terms.exemptions),
                *(name for exception in terms.exceptions for name in exception.names()),
            }
            for name in names:
                assert terms.exception_for(name) is fresh.exception_for(name)
                assert exception_covering(terms, name) is fresh.exception_for(name)
                assert find_exemption(terms, name) is find_exemption(fresh, name)
                for kind in rp.HolderKind:
                    assert terms.exemption_for(name, kind) is fresh.exemption_for(name, kind)

    def test_category_clause_removed_then_another_listed_first(self) -> None:
        """Removing the first clause of a category lets the next one answer, not a later one."""
        government = rp.HolderKind.GOVERNMENT
        plan = rp.Plan(
            agreement(),
            [
                amendment(
                    1, "2012-01-01", rp.AddExemptPerson(name="Uncle Sam", category=government)
                ),
                amendment(
                    2, "2012-02-01", rp.AddExemptPerson(name="Treasury", category=government)
                ),
                amendment(3, "2012-03-01", rp.RemoveExemptPerson(name="uncle  SAM")),
                amendment(4, "2012-04-01", rp.AddExemptPerson(name="The Fed", category=government)),
                amendment(5, "2012-05-01", rp.AddExemptPerson(name="Uncle Sam")),
            ],
        )
        answers = {
            on: plan.terms_at(on).exemption_for("Anyone", government)
            for on in ("2012-02-01", "2012-03-01", "2012-04-01", "2012-05-01")
        }
        assert {on: e.name if e else None for on, e in answers.items()} == {
            "2012-02-01": "Uncle Sam",
            "2012-03-01": "Treasury",
            "2012-04-01": "Treasury",
            "2012-05-01": "Treasury",
        }
        later = plan.terms_at("2012-05-01")
        found = later.exemption_for("Uncle Sam", rp.HolderKind.OTHER)
        assert found is not None and found.name == "Uncle Sam"

    def test_changes_applied_to_earlier_terms(self) -> None:
        """A change applied to an earlier period's terms sees that period's Exempt Persons."""
        plan = rp.Plan(
            agreement(),
            [
                amendment(1, "2012-01-01", rp.AddExemptPerson(name="A Fund")),
                amendment(2, "2012-02-01", rp.AddExemptPerson(name="B Fund")),
                amendment(3, "2012-03-01", rp.RemoveExemptPerson(name="A Fund")),
            ],
        )
        earlier = plan.terms_at("2012-01-01")
        source = rp.Source("Side letter", "2012-01-02")
        branch = apply_change(rp.AddExemptPerson(name="B Fund"), earlier, source, source.date)
        assert [e.name for e in branch.exemptions][-2:] == ["A Fund", "B Fund"]
        with pytest.raises(rp.PlanHistoryError, match="'C Fund' is not an Exempt Person"):
            apply_change(rp.RemoveExemptPerson(name="C Fund"), branch, source, source.date)
        again = apply_change(rp.RemoveExemptPerson(name="A Fund"), earlier, source, source.date)
        assert "A Fund" not in [e.name for e in again.exemptions]
        assert [e.name for e in plan.terms_at("2012-03-01").exemptions][-1:] == ["B Fund"]
        assert plan.terms_at("2012-02-01").exemption_for("A Fund", rp.HolderKind.OTHER)
        with pytest.raises(rp.PlanHistoryError, match="'a fund' is already an Exempt Person"):
            apply_change(rp.AddExemptPerson(name="a fund"), earlier, source, source.date)


def _many_clauses(count: int, kind: str) -> list[rp.Amendment]:
    """``count`` amendments, each adding one Exempt Person or one named-holder exception."""
    dated = pendulum.Date(2011, 1, 3)
    change: rp.Change
    made = []
    for n in range(1, count + 1):
        if kind == "exempt":
            change = rp.AddExemptPerson(name=f"Fund {n}")
        else:
            change = rp.AddException(
                holder=f"Holder {n}", percent=20, comparison=MORE_THAN, requires_passive=False
            )
        made.append(rp.Amendment(number=n, executed=dated.add(days=n), changes=(change,)))
    return made


class TestClausesSharedThroughTheReplay:
    def test_exempt_persons_and_exceptions_behave_as_tuples(self) -> None:
        """Each period's clauses read, index, slice, compare, hash and evolve as the tuple would."""
        plan = rp.Plan(
            agreement(),
            [
                amendment(1, "2012-01-01", rp.AddExemptPerson(name="A Fund")),
                amendment(
                    2,
                    "2012-02-01",
                    rp.AddExemptPerson(name="B Fund"),
                    rp.AddException(
                        holder="H1", percent=20, comparison=MORE_THAN, requires_passive=False
                    ),
                    rp.AddException(
                        holder="H2", percent=25, comparison=MORE_THAN, requires_passive=False
                    ),
                ),
                amendment(
                    3,
                    "2012-03-01",
                    rp.RemoveExemptPerson(name="A Fund"),
                    rp.ReplaceException(
                        holder="H1", percent=30, comparison=MORE_THAN, requires_passive=False
                    ),
                ),
            ],
        )
        terms = plan.terms_at("2012-03-01")
        names = [e.name for e in terms.exemptions]
        assert names[-1] == "B Fund" and "A Fund" not in names
        assert [e.holder for e in terms.exceptions] == ["H1", "H2"]
        assert terms.exceptions[0].cap.percent == 30 and terms.exceptions[-1].holder == "H2"
        for clauses in (terms.exemptions, terms.exceptions):
            expected = tuple(clauses)
            assert len(clauses) == len(expected) and clauses[1:] == expected[1:]
            assert clauses == expected and expected == clauses and hash(clauses) == hash(expected)
            assert clauses != plan.terms_at("2012-01-01").exemptions
            with pytest.raises(IndexError):
                clauses[len(expected)]
        copy = attrs.evolve(
            terms, exemptions=tuple(terms.exemptions), exceptions=list(terms.exceptions)
        )
        assert copy == terms and hash(copy) == hash(terms)
        assert copy != attrs.evolve(terms, exceptions=terms.exceptions[:1])
        assert plan.terms_at("2012-02-01").exceptions[0].cap.percent == 20

    @settings(max_examples=100)
    @given(testing.plans(max_amendments=10))
    def test_same_clauses_and_new_clauses_as_tuples(self, plan: rp.Plan) -> None:
        """The clauses, and those new since the period before, are what plain tuples give."""
        periods = plan.timeline()
        for index, period in enumerate(periods):
            terms = period.terms
            assert len(terms.exemptions) == len(tuple(terms.exemptions))
            assert len(terms.exceptions) == len(tuple(terms.exceptions))
            if index:
                before = periods[index - 1].terms
                for mine, theirs in (
                    (terms.exemptions, before.exemptions),
                    (terms.exceptions, before.exceptions),
                ):
                    fast = rp.terms._new_items(mine, theirs)
                    assert list(fast) == list(rp.terms._new_items(tuple(mine), tuple(theirs)))

    @pytest.mark.parametrize("kind", ["exempt", "exceptions"])
    def test_memory_grows_linearly_with_the_clauses(self, kind: str) -> None:
        """A replay of n amendments each adding a clause keeps memory in proportion to n."""
        kept = []
        for count in (300, 1_200):
            amendments = _many_clauses(count, kind)
            gc.collect()
            tracemalloc.start()
            try:
                plan = rp.Plan(agreement(), amendments)
                kept.append(tracemalloc.get_traced_memory()[0])
            finally:
                tracemalloc.stop()
            assert (
                len(
                    plan.terms_at("2020-01-01").exemptions
                    if kind == "exempt"
                    else plan.terms_at("2020-01-01").exceptions
                )
                >= count
            )
        assert kept[1] / kept[0] < 6  # linear is 4; copying every clause into every period, ~10


class TestCostIsLinear:
    def test_sixteen_times_the_amendments_is_not_the_square(self) -> None:
        """Building and describing a plan make about linearly many calls in its amendments.

        An operation count, not a timing (timings live in benchmarks/plan_bench.py, which times
        these and the other steps at 4,000 amendments): every Python and built-in call made while
        building and describing plans of 125 and 2,000 amendments is counted with a profiler
        hook. Linear work makes 16 times the calls (measured 15.8 and 16.3); work per amendment
        that grows with the plan, the quadratic cost issue 12 found, makes up to 256 times.
        """
        import importlib.util

        bench = Path(__file__).resolve().parent.parent / "benchmarks" / "plan_bench.py"
        spec = importlib.util.spec_from_file_location("plan_bench", bench)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)

        def calls(count: int) -> dict[str, int]:
            plan = module.make_plan(count)
            steps = {
                "build": lambda: rp.Plan(plan.agreement, plan.amendments),
                "describe": plan.describe,
            }
            counter = [0]

            def hook(frame: object, event: str, arg: object) -> None:
                if event in ("call", "c_call"):
                    counter[0] += 1

            made = {}
            for name, step in steps.items():
                step()  # caches warm, as on every later call
                counter[0] = 0
                sys.setprofile(hook)
                try:
                    step()
                finally:
                    sys.setprofile(None)
                made[name] = counter[0]
            return made

        small, large = calls(125), calls(2000)
        assert all(small[name] > 1000 for name in small), small  # the hook saw the work
        ratios = {name: large[name] / small[name] for name in small}
        assert all(ratio < 24 for ratio in ratios.values()), ratios


SELECTICA = rp.load_plan("examples/selectica/plan.toml")
"""Selectica's plan, 2003-2017, from its filings (examples/selectica/plan.toml)."""


def restatement(executed: str, *changes: rp.Change, **fields: object) -> rp.Amendment:
    return rp.Amendment(
        kind=rp.InstrumentKind.AMENDED_AND_RESTATED,
        executed=executed,
        changes=changes,
        **fields,  # type: ignore[arg-type]
    )


def exchange(executed: str, *, all_rights: bool = True) -> rp.Amendment:
    return rp.Amendment(
        kind=rp.InstrumentKind.EXCHANGE,
        executed=executed,
        changes=[rp.ExchangeRights(shares_per_right="1", all_rights=all_rights)],
    )


class TestSelectica:
    """An exchange of every right and an amended and restated agreement, as Selectica filed."""

    def test_before_the_restatement_the_old_instruments_answer(self) -> None:
        """On 2009-01-01 the 2008 amendment's 4.99% and the 2003 rights agent apply."""
        terms = SELECTICA.terms_at("2009-01-01")
        assert terms.known_general().threshold == rp.Threshold("4.99", AT_LEAST)
        assert terms.general.source.instrument == "Amendment to Rights Agreement"
        assert terms.rights_agent is not None
        assert terms.rights_agent.source.instrument == "Rights Agreement"

    def test_the_restatement_replaces_every_term(self) -> None:
        """From 2009-01-02 every term cites the restatement (or a later instrument)."""
        terms = SELECTICA.terms_at("2009-01-02")
        name = "Amended and Restated Rights Agreement dated 2009-01-02"
        assert terms.general.source.instrument == name
        assert terms.rights_agent is not None
        assert terms.rights_agent == rp.RightsAgentTerm(
            "Computershare Trust Company, N.A.", terms.rights_agent.source
        )
        assert terms.rights_agent.source.instrument == name
        assert terms.ended is None
        assert SELECTICA.in_force_on("2009-01-02")

    def test_numbers_restart_after_the_restatement(self) -> None:
        """Amendments 2, 3 and No. 4 to the restated agreement; the first is unnumbered."""
        numbers = [a.number for a in SELECTICA.amendments]
        assert numbers == [None, None, None, None, None, 2, 3, 4]
        agent = SELECTICA.terms_at("2009-04-27").rights_agent
        assert agent is not None
        assert agent.name == "Wells Fargo Bank, N.A."

    def test_expires_as_amendment_no_4_says(self) -> None:
        """In force through 2017-12-28, citing Amendment No. 4; not the day after."""
        assert SELECTICA.in_force_on("2017-12-28")
        assert not SELECTICA.in_force_on("2017-12-29")
        expiration = SELECTICA.terms_at("2017-12-28").expiration
        assert expiration is not None
        assert expiration.source.instrument.startswith("Amendment No. 4")

    def test_the_exchange_alone_ends_the_plan_citing_it(self) -> None:
        """Without the restatement, the exchange of every right ends the plan that day."""
        kept = [a for a in SELECTICA.amendments if a.effective_date < pendulum.Date(2009, 1, 3)]
        plan = rp.Plan(SELECTICA.agreement, [a for a in kept if not a.restates])
        assert plan.in_force_on("2009-01-01")
        assert not plan.in_force_on("2009-01-02")
        terms, why = rp.rules.in_force(plan, pendulum.Date(2009, 1, 2))
        assert why == "exchanged on 2009-01-02 by Exchange of rights dated 2009-01-02 (2009-01-02)"
        assert terms is not None
        with pytest.raises(rp.PlanHistoryError, match="no longer in force .exchanged on"):
            plan.amend(amendment(1, "2009-02-01", rp.OtherChange(description="x")))

    def test_the_timeline_names_each_instrument_as_what_it_is(self) -> None:
        """describe() shows the exchange and the restatement by kind, never as numbers."""
        text = SELECTICA.describe()
        assert "Exchange of rights dated 2009-01-02 (all outstanding rights exchanged" in text
        assert "Amended and Restated Rights Agreement dated 2009-01-02 (restates every term" in text
        assert "No. None" not in text

    def test_each_instrument_has_its_kind(self) -> None:
        """The plan file gives each instrument its own kind, in the order they apply."""
        kinds = [a.kind for a in SELECTICA.amendments]
        assert kinds == [
            rp.InstrumentKind.AMENDMENT,
            rp.InstrumentKind.AMENDMENT,
            rp.InstrumentKind.EXCHANGE,
            rp.InstrumentKind.AMENDED_AND_RESTATED,
            *[rp.InstrumentKind.AMENDMENT] * 4,
        ]


class TestInstrumentOrder:
    def test_by_effective_date_not_number(self) -> None:
        """An unnumbered supplement between two amendments applies on its own date."""
        supplement = rp.Amendment(
            kind=rp.InstrumentKind.SUPPLEMENT,
            executed="2012-06-01",
            changes=[rp.SetThreshold(percent=20, comparison=AT_LEAST)],
        )
        plan = rp.Plan(
            agreement(),
            [
                amendment(2, "2013-01-01", rp.SetThreshold(percent=10, comparison=AT_LEAST)),
                supplement,
                amendment(1, "2011-01-01", rp.SetThreshold(percent=12, comparison=AT_LEAST)),
            ],
        )
        assert [a.name for a in plan.amendments] == [
            "Amendment No. 1",
            "Supplement dated 2012-06-01",
            "Amendment No. 2",
        ]
        assert plan.terms_at("2012-06-01").general.percent == 20
        assert plan.terms_at("2013-01-01").general.percent == 10

    def test_same_day_instruments_apply_in_the_order_given(self) -> None:
        """On one day the unnumbered ones keep the order given; numbered ones go by number."""
        resolution = rp.Amendment(
            kind=rp.InstrumentKind.BOARD_RESOLUTION,
            executed="2012-06-01",
            changes=[rp.SetThreshold(percent=20, comparison=AT_LEAST)],
        )
        first = amendment(1, "2012-06-01", rp.SetThreshold(percent=12, comparison=AT_LEAST))
        second = amendment(2, "2012-06-01", rp.SetThreshold(percent=11, comparison=AT_LEAST))
        plan = rp.Plan(agreement(), [second, resolution, first])
        assert plan.amendments == (first, resolution, second)
        assert plan.terms_at("2012-06-01").general.percent == 11

    def test_a_gap_in_the_numbers_is_allowed(self) -> None:
        """Amendments No. 1 and No. 3, No. 2 missing from the filings at hand, replay."""
        plan = rp.Plan(
            agreement(),
            [
                amendment(1, "2011-01-01", rp.OtherChange(description="x")),
                amendment(3, "2013-01-01", rp.SetThreshold(percent=10, comparison=AT_LEAST)),
            ],
        )
        assert plan.terms_at("2013-01-01").general.source.instrument == "Amendment No. 3"

    def test_numbers_are_unique_per_agreement(self) -> None:
        """The same number before and after a restatement is fine; twice in one is not."""
        restated = restatement("2012-01-01", rp.SetThreshold(percent=10, comparison=AT_LEAST))
        one = amendment(1, "2011-01-01", rp.OtherChange(description="x"))
        again = amendment(1, "2013-01-01", rp.OtherChange(description="x"))
        plan = rp.Plan(agreement(), [one, restated, again])
        assert plan.terms_at("2013-01-01").general.source.instrument.startswith("Amended")
        with pytest.raises(rp.PlanHistoryError, match="Amendment No. 1 appears twice"):
            rp.Plan(agreement(), [one, again])

    def test_a_restatement_drops_what_it_does_not_restate(self) -> None:
        """Exempt Persons and the expiry of the old agreement are gone unless restated."""
        restated = restatement("2012-01-01", rp.SetThreshold(percent=10, comparison=AT_LEAST))
        plan = rp.Plan(agreement(), [restated])
        before, after = plan.terms_at("2011-12-31"), plan.terms_at("2012-01-01")
        assert before.exemptions and before.expiration is not None
        assert not after.exemptions and after.expiration is None
        assert [s.instrument for s in after.instruments] == [
            "Rights Agreement",
            "Amended and Restated Rights Agreement dated 2012-01-01",
        ]

    def test_a_bad_restatement_names_itself(self) -> None:
        """An expiry before the restatement takes effect is refused, naming it and the field."""
        restated = restatement(
            "2012-01-01",
            rp.SetThreshold(percent=10, comparison=AT_LEAST),
            rp.SetExpiration(date="2011-06-01"),
        )
        with pytest.raises(
            rp.PlanHistoryError,
            match=r"Amended and Restated Rights Agreement dated 2012-01-01 \(2012-01-01\), "
            r"changes\[1\] \(SetExpiration\)",
        ):
            rp.Plan(agreement(), [restated])

    def test_a_partial_exchange_leaves_the_plan_in_force(self) -> None:
        """An exchange of some rights is recorded and ends nothing."""
        plan = rp.Plan(agreement(), [exchange("2012-01-01", all_rights=False)])
        assert plan.in_force_on("2012-01-02")


class TestEffectiveTerms:
    @settings(max_examples=60, deadline=None)
    @given(testing.plans_with_unknowns(share_caps=False))
    def test_the_timelines_periods_before_expiry_splits(
        self, drawn: tuple[rp.Plan, object]
    ) -> None:
        """Each terms with its first day: the timeline's periods, merged where expiry split them."""
        from rightsplan.plan import effective_terms

        plan = drawn[0]
        merged: list[tuple[pendulum.Date, rp.Terms]] = []
        for period in plan.timeline():
            if not merged or merged[-1][1] is not period.terms:
                merged.append((period.start, period.terms))
        assert list(effective_terms(plan)) == merged
