"""The terms in force in words and as JSON: every rule, each with its source."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction

import pendulum
from hypothesis import given, settings
from hypothesis import strategies as st

import rightsplan as rp
from rightsplan import testing
from rightsplan.terms import DEFAULT_CITATION, JSONValue, Provision, ProvisionKind

AT_LEAST = rp.Comparison.AT_LEAST
MORE_THAN = rp.Comparison.MORE_THAN


def every_kind_plan() -> rp.Plan:
    """A plan that states every kind of rule, redeemed at the end."""
    agreement = rp.RightsAgreement(
        company="Example Corp",
        dated="2010-01-15",
        provisions=(
            rp.SetThreshold(percent=10, comparison=AT_LEAST, section="Section 1(a)"),
            rp.SetPassiveTier(percent=20, comparison=AT_LEAST, section="Section 1(a)"),
            rp.SetExpiration(date="2020-01-15", section="Section 7(a)"),
            rp.AppointRightsAgent(name="Computershare Trust Company, N.A."),
            *rp.standard_exempt_persons(),
            rp.SetGrandfathering(
                tolerance_percent="0.5",
                tolerance_comparison=AT_LEAST,
                measured_from=rp.GrandfatherBase.LOWEST_SINCE,
                cap_percent="33 1/3",
                cap_comparison=MORE_THAN,
                lapses_below_threshold=True,
                cutoff=rp.GrandfatherCutoff.CLOSE_OF_BUSINESS,
                exercise_ends=True,
                section="Section 1(a)(iii)",
            ),
            rp.SetOwnershipRules(
                derivatives_counted=True,
                rights_to_acquire=rp.RightsToAcquire.ALL,
                buyback_tolerance="0.25",
                sticky=False,
                section="Section 1(d)",
            ),
            rp.SetDistributionRule(days=10, business_days=False, section="Section 3(a)"),
        ),
    )
    return rp.Plan(
        agreement,
        [
            rp.Amendment(
                number=1,
                executed="2012-03-01",
                changes=(
                    rp.AddException(
                        holder="IPOF Group",
                        members=("IPOF Fund, L.P.", "David Dadante"),
                        percent=25,
                        comparison=MORE_THAN,
                        requires_passive=True,
                    ),
                ),
            ),
            rp.Amendment(number=2, executed="2014-05-01", changes=(rp.Redeem(price="0.001"),)),
        ],
    )


def threshold_of(value: JSONValue) -> rp.Threshold | None:
    """The threshold a JSON rule's threshold object reads back to, exactly."""
    if value is None:
        return None
    assert isinstance(value, dict)
    percent, comparison = value["percent"], value["comparison"]
    assert isinstance(percent, str) and isinstance(comparison, str)
    return rp.Threshold(rp.to_percent(percent), rp.Comparison(comparison))


def rules_by_kind(rules: JSONValue) -> dict[str, list[dict[str, JSONValue]]]:
    assert isinstance(rules, list)
    found: dict[str, list[dict[str, JSONValue]]] = {}
    for rule in rules:
        assert isinstance(rule, dict) and isinstance(rule["kind"], str)
        found.setdefault(rule["kind"], []).append(rule)
    return found


class TestDescribe:
    def test_every_rule_in_force_is_listed_with_its_source(self) -> None:
        """describe() has a line for every kind of rule, each ending with its citation."""
        terms = every_kind_plan().terms_at("2013-01-01")
        provisions = terms.provisions()
        assert {provision.kind for provision in provisions} == set(ProvisionKind) - {
            ProvisionKind.ENDED
        }
        lines = terms.describe().splitlines()
        assert lines == [provision.describe() for provision in provisions]
        for line, provision in zip(lines, provisions, strict=True):
            assert provision.source is not None
            assert line.endswith(f" — {provision.source.cite()}")

    def test_grandfathering_in_full(self) -> None:
        """The grandfathering line gives tolerance, lowest-since, cap, lapse, cut-off, exercise."""
        line = every_kind_plan().terms_at("2013-01-01").describe().splitlines()[6]
        assert line.startswith("Grandfathering: ")
        for words in (
            "0.5% or more",
            "lowest holding since (lowest-since)",
            "never up to more than 33 1/3%",
            "lapses once the holder falls below the threshold",
            "at the close of business on the adoption day (close-of-business)",
            "exercising rights to acquire",
            "Rights Agreement (2010-01-15), Section 1(a)(iii)",
        ):
            assert words in line, words

    def test_ownership_and_distribution_in_full(self) -> None:
        """The ownership line: what counts, buyback tolerance, stickiness; then the days."""
        text = every_kind_plan().terms_at("2013-01-01").describe()
        assert (
            "Beneficial ownership: counts shares, all rights to acquire, and derivatives; a "
            "holder over the threshold only by a buyback may acquire 0.25 percentage points "
            "more; an Acquiring Person that sells below the threshold is one no longer — "
            "Rights Agreement (2010-01-15), Section 1(d)"
        ) in text
        assert (
            "Distribution Date: the close of business on the 10th calendar day after the "
            "Shares Acquisition Date — Rights Agreement (2010-01-15), Section 3(a)"
        ) in text

    def test_defaults_say_they_are_defaults(self) -> None:
        """Rules the plan file does not state cite rightsplan's default, not an instrument."""
        terms = rp.examples.innotrac().terms_at("2003-11-24")
        defaults = [p for p in terms.provisions() if p.source is None]
        assert [p.kind for p in defaults] == [
            ProvisionKind.GRANDFATHERING,
            ProvisionKind.OWNERSHIP,
            ProvisionKind.DISTRIBUTION,
        ]
        assert all(p.describe().endswith(f" — {DEFAULT_CITATION}") for p in defaults)

    def test_ending_with_its_price(self) -> None:
        """A redemption is listed with its day and price per right."""
        terms = every_kind_plan().terms_at("2014-05-01")
        assert terms.provisions()[-1].describe() == (
            "Ended: redeemed on 2014-05-01 at $0.001 per right — Amendment No. 2 (2014-05-01)"
        )

    def test_ordinals(self) -> None:
        """The Distribution Date says 1st, 2nd, 3rd, 11th, 21st... business day."""
        words = {
            days: rp.terms.Terms(
                "X",
                rp.terms.Limit(
                    rp.Threshold(15, AT_LEAST),
                    rp.terms.LimitKind.GENERAL,
                    rp.Source("Rights Agreement", "2010-01-01"),
                ),
                distribution=rp.terms.DistributionRule(days=days),
            )
            .provisions()[-1]
            .text.split()[6]
            for days in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)
        }
        assert list(words.values()) == [
            "1st",
            "2nd",
            "3rd",
            "4th",
            "11th",
            "12th",
            "13th",
            "21st",
            "22nd",
            "101st",
            "111th",
        ]


class TestToJson:
    def test_parses_and_has_every_kind(self) -> None:
        """The terms' JSON survives json.dumps/loads and has a rule of every kind in force."""
        terms = every_kind_plan().terms_at("2013-01-01")
        document = json.loads(json.dumps(terms.to_json()))
        assert document["company"] == "Example Corp"
        kinds = rules_by_kind(document["rules"])
        assert set(kinds) == {kind.value for kind in ProvisionKind} - {"ended"}
        assert [source["citation"] for source in document["instruments"]] == [
            "Rights Agreement (2010-01-15)",
            "Amendment No. 1 (2012-03-01)",
        ]

    def test_values_read_back_to_the_terms(self) -> None:
        """Each rule's JSON values rebuild the rule exactly (percentages as exact text)."""
        terms = every_kind_plan().terms_at("2013-01-01")
        kinds = rules_by_kind(json.loads(json.dumps(terms.to_json()))["rules"])
        (grandfathering,) = kinds["grandfathering"]
        rule = terms.grandfathering
        assert threshold_of(grandfathering["tolerance"]) == rule.tolerance
        assert threshold_of(grandfathering["cap"]) == rule.cap
        assert grandfathering["cap"] == {
            "percent": "33 1/3",
            "comparison": "more-than",
            "text": "more than 33 1/3%",
        }
        assert rp.GrandfatherBase(grandfathering["measured_from"]) is rule.measured_from
        assert rp.GrandfatherCutoff(grandfathering["cutoff"]) is rule.cutoff
        (ownership,) = kinds["ownership"]
        assert rp.to_percent(ownership["buyback_tolerance"]) == Fraction(1, 4)
        assert rp.RightsToAcquire(ownership["rights_to_acquire"]) is rp.RightsToAcquire.ALL
        (exception,) = kinds["exception"]
        assert exception["members"] == ["IPOF Fund, L.P.", "David Dadante"]
        assert threshold_of(exception["cap"]) == rp.Threshold(25, MORE_THAN)
        exempt = [rule["category"] for rule in kinds["exempt-person"]]
        assert [rp.HolderKind(category) for category in exempt if category] == [
            e.category for e in terms.exemptions if e.category is not None
        ]

    def test_ending_as_json(self) -> None:
        """An ending gives how, the day and the price as exact decimal text."""
        terms = every_kind_plan().terms_at("2014-05-01")
        (ended,) = rules_by_kind(terms.to_json()["rules"])["ended"]
        assert (ended["how"], ended["on"], ended["price"]) == ("redeemed", "2014-05-01", "0.001")
        assert Decimal(str(ended["price"])) == Decimal("0.001")

    def test_default_rules_have_no_source(self) -> None:
        """A default rule's source is null and its citation says it is rightsplan's default."""
        terms = rp.examples.innotrac().terms_at("2003-11-24")
        kinds = rules_by_kind(terms.to_json()["rules"])
        for kind in ("grandfathering", "ownership", "distribution"):
            (rule,) = kinds[kind]
            assert rule["source"] is None and rule["citation"] == DEFAULT_CITATION

    @settings(max_examples=60, deadline=None)
    @given(testing.plans(max_amendments=6), st.data())
    def test_thresholds_equal_the_terms_exactly(self, plan: rp.Plan, data: st.DataObject) -> None:
        """On any day, the JSON's thresholds and exception caps are the terms' own, exactly."""
        day = data.draw(testing.dates(plan.agreement.dated, pendulum.Date(2040, 12, 31)))
        terms = plan.terms_at(day)
        kinds = rules_by_kind(json.loads(json.dumps(terms.to_json()))["rules"])
        (general,) = kinds["general"]
        assert threshold_of(general["threshold"]) == terms.known_general().threshold
        passive = [threshold_of(rule["threshold"]) for rule in kinds.get("passive", [])]
        assert passive == ([] if terms.passive is None else [terms.passive.threshold])
        caps = [(rule["holder"], threshold_of(rule["cap"])) for rule in kinds.get("exception", [])]
        assert caps == [(e.holder, e.cap) for e in terms.exceptions]
        names = [rule["name"] for rule in kinds.get("exempt-person", [])]
        assert names == [e.name for e in terms.exemptions]
        for rule, provision in zip(
            json.loads(json.dumps(terms.to_json()))["rules"], terms.provisions(), strict=True
        ):
            assert rule["text"] == provision.text
            assert rule["citation"] == provision.citation()


class TestProvision:
    def test_heading_defaults_to_the_kinds(self) -> None:
        """A provision without a heading of its own uses its kind's."""
        provision = Provision(ProvisionKind.RIGHTS_AGENT, "Agent", None, {})
        assert provision.describe() == f"Rights agent: Agent — {DEFAULT_CITATION}"
