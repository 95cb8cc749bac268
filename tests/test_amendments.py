"""The kinds of change, checked at construction and applied to the terms."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs
import pendulum
import pytest

import rightsplan as rp
from rightsplan.amendments import CHANGE_KINDS, apply_change

AT_LEAST = rp.Comparison.AT_LEAST
MORE_THAN = rp.Comparison.MORE_THAN
DAY = pendulum.Date(2003, 8, 14)
SOURCE = rp.Source("Amendment No. 2", DAY, section="Section 1")


def base_terms() -> rp.Terms:
    agreement = rp.RightsAgreement(
        company="Example Corp",
        dated="1997-12-31",
        provisions=(
            rp.SetThreshold(percent=15, comparison=AT_LEAST),
            *rp.standard_exempt_persons(),
        ),
    )
    return agreement.initial_terms()


def ipof(percent: int = 25, *, replace: bool = False) -> rp.AddException | rp.ReplaceException:
    kind = rp.ReplaceException if replace else rp.AddException
    return kind(
        holder="IPOF Group",
        members=("IPOF Fund, L.P.", "David Dadante"),
        percent=percent,
        comparison=MORE_THAN,
        requires_passive=True,
    )


class TestChangeConstruction:
    def test_every_kind_is_public_and_documented(self) -> None:
        """Each change kind is exported from rightsplan and has a docstring."""
        for kind in CHANGE_KINDS:
            assert getattr(rp, kind.__name__) is kind
            assert kind.__doc__

    def test_threshold_changes_validate_their_threshold(self) -> None:
        """A cap outside (0, 100] or a float percent is refused when the change is made."""
        with pytest.raises(rp.InvalidPercentError, match=r"\(0, 100\]"):
            rp.SetThreshold(percent=0, comparison=AT_LEAST)
        with pytest.raises(rp.InvalidPercentError, match=r"\(0, 100\]"):
            rp.AddException(holder="X", percent=101, comparison=MORE_THAN, requires_passive=False)
        with pytest.raises(rp.PercentTypeError, match="float"):
            rp.SetPassiveTier(percent=20.0, comparison=AT_LEAST)  # type: ignore[arg-type]

    def test_exceptions_state_their_passivity_condition(self) -> None:
        """requires_passive has no default: whether the exception needs passivity is stated."""
        with pytest.raises(TypeError, match="requires_passive"):
            rp.AddException(holder="X", percent=25, comparison=MORE_THAN)  # type: ignore[call-arg]
        with pytest.raises(rp.InputTypeError, match="requires_passive"):
            rp.AddException(holder="X", percent=25, comparison=MORE_THAN, requires_passive="yes")  # type: ignore[arg-type]

    def test_members_are_a_list_of_names(self) -> None:
        """Members are a tuple of names; a bare string is refused, not split into letters."""
        change = rp.AddException(
            holder="G", percent=25, comparison=MORE_THAN, requires_passive=True, members=["A", "B"]
        )
        assert change.members == ("A", "B")
        with pytest.raises(rp.InputTypeError, match="members"):
            rp.AddException(
                holder="G", percent=25, comparison=MORE_THAN, requires_passive=True, members="AB"
            )

    def test_redemption_price_is_exact(self) -> None:
        """A redemption price is a Decimal read from text; floats and negatives are refused."""
        assert rp.Redeem(price="0.001").price == Decimal("0.001")
        for bad in (0.001, "-1", "cheap"):
            with pytest.raises(rp.InvalidInputError, match="price"):
                rp.Redeem(price=bad)  # type: ignore[arg-type]

    def test_changes_are_frozen_values(self) -> None:
        """Changes compare by value and cannot be modified."""
        assert rp.SetThreshold(percent="4.99", comparison=AT_LEAST) == rp.SetThreshold(
            percent=Fraction(499, 100), comparison=AT_LEAST
        )
        change = rp.Terminate()
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            change.section = "Section 7"  # type: ignore[misc]


class TestAmendment:
    def test_effective_date_defaults_to_executed(self) -> None:
        """Without an effective date, the amendment takes effect the day it is executed."""
        amendment = rp.Amendment(
            number=3, authorized="2003-11-21", executed="2003-11-24", changes=[rp.Terminate()]
        )
        assert amendment.effective is None
        assert amendment.effective_date == pendulum.Date(2003, 11, 24)
        later = attrs.evolve(amendment, effective="2004-01-01")
        assert later.effective_date == pendulum.Date(2004, 1, 1)

    def test_is_cited_by_number_or_title(self) -> None:
        """An amendment is "Amendment No. N" unless it has a title of its own."""
        amendment = rp.Amendment(number=3, executed="2003-11-24", changes=[rp.Terminate()])
        assert amendment.name == "Amendment No. 3"
        assert attrs.evolve(amendment, title="First Amendment").name == "First Amendment"

    def test_rejects_inconsistent_fields(self) -> None:
        """Numbers start at 1, authorization precedes execution, and some change is made."""
        with pytest.raises(rp.InvalidInputError, match="numbered from 1"):
            rp.Amendment(number=0, executed="2003-11-24", changes=[rp.Terminate()])
        with pytest.raises(rp.InvalidInputError, match="authorized 2003-11-25 is after"):
            rp.Amendment(
                number=3, authorized="2003-11-25", executed="2003-11-24", changes=[rp.Terminate()]
            )
        with pytest.raises(rp.InvalidInputError, match="at least one change"):
            rp.Amendment(number=3, executed="2003-11-24", changes=[])
        with pytest.raises(rp.InputTypeError, match=r"changes\[0\]"):
            rp.Amendment(number=3, executed="2003-11-24", changes=["terminate"])  # type: ignore[list-item]

    def test_sources_carry_section_quote_and_note(self) -> None:
        """A change's source names the amendment, its date, and the change's section and words."""
        change = rp.SetThreshold(
            percent=10, comparison=AT_LEAST, section="Section 1", quote="10% or more", note="n"
        )
        amendment = rp.Amendment(number=4, executed="2020-03-01", changes=[change], document="8-K")
        source = amendment.source(change)
        assert (
            source.instrument,
            source.date,
            source.section,
            source.quote,
            source.note,
            source.document,
        ) == (
            "Amendment No. 4",
            pendulum.Date(2020, 3, 1),
            "Section 1",
            "10% or more",
            "n",
            "8-K",
        )


class TestInstrumentKinds:
    def test_only_amendments_are_numbered(self) -> None:
        """A supplement, resolution or restatement with a number is refused: cite it by title."""
        for kind in set(rp.InstrumentKind) - {rp.InstrumentKind.AMENDMENT}:
            with pytest.raises(rp.InvalidInputError, match="only amendments are numbered"):
                rp.Amendment(
                    kind=kind,
                    number=1,
                    executed="2009-01-02",
                    changes=[rp.SetThreshold(percent="4.99", comparison=AT_LEAST)],
                )

    def test_unnumbered_instruments_are_cited_by_title_or_kind_and_date(self) -> None:
        """Without a number, an instrument is its title, or its kind and date; never "No. None"."""
        supplement = rp.Amendment(
            kind=rp.InstrumentKind.SUPPLEMENT,
            executed="2016-02-22",
            changes=[rp.OtherChange(description="x")],
        )
        assert supplement.name == "Supplement dated 2016-02-22"
        unnumbered = rp.Amendment(executed="2008-11-17", changes=[rp.OtherChange(description="x")])
        assert unnumbered.name == "Amendment dated 2008-11-17"
        titled = attrs.evolve(unnumbered, title="Amendment to Rights Agreement")
        assert titled.name == "Amendment to Rights Agreement"

    def test_a_restatement_states_provisions_as_an_agreement_does(self) -> None:
        """An amended and restated agreement needs its threshold and states no removal."""
        restated = rp.InstrumentKind.AMENDED_AND_RESTATED
        with pytest.raises(rp.InvalidInputError, match="needs its general threshold"):
            rp.Amendment(
                kind=restated, executed="2009-01-02", changes=[rp.OtherChange(description="x")]
            )
        with pytest.raises(rp.InvalidInputError, match=r"changes\[1\]: an amended and restated"):
            rp.Amendment(
                kind=restated,
                executed="2009-01-02",
                changes=[
                    rp.SetThreshold(percent="4.99", comparison=AT_LEAST),
                    rp.RemovePassiveTier(),
                ],
            )

    def test_an_exchange_and_an_assignment_state_what_they_are(self) -> None:
        """An exchange states ExchangeRights, an assignment AppointRightsAgent; only there."""
        with pytest.raises(rp.InvalidInputError, match="exchange of rights states ExchangeRights"):
            rp.Amendment(
                kind=rp.InstrumentKind.EXCHANGE,
                executed="2009-01-02",
                changes=[rp.OtherChange(description="x")],
            )
        with pytest.raises(rp.InvalidInputError, match="states AppointRightsAgent"):
            rp.Amendment(
                kind=rp.InstrumentKind.RIGHTS_AGENT_ASSIGNMENT,
                executed="2009-04-27",
                changes=[rp.OtherChange(description="x")],
            )
        with pytest.raises(rp.InvalidInputError, match='kind = "exchange"'):
            rp.Amendment(number=1, executed="2009-01-02", changes=[rp.ExchangeRights()])

    def test_refuses_a_kind_that_is_not_an_instrument_kind(self) -> None:
        """``kind`` takes an InstrumentKind, not its text."""
        with pytest.raises(rp.InputTypeError, match="kind: expected an InstrumentKind"):
            rp.Amendment(kind="supplement", executed="2016-02-22", changes=[rp.Terminate()])  # type: ignore[arg-type]

    def test_exchange_ratios_are_exact(self) -> None:
        """The shares per right are a positive Decimal or text; a float is refused."""
        assert rp.ExchangeRights(shares_per_right="0.5").shares_per_right == Decimal("0.5")
        for bad in (0.5, "0", "-1", "half"):
            with pytest.raises(rp.InvalidInputError, match="shares_per_right"):
                rp.ExchangeRights(shares_per_right=bad)  # type: ignore[arg-type]


class TestApply:
    def test_set_threshold(self) -> None:
        """Setting the general threshold replaces it and cites the amendment."""
        terms = apply_change(
            rp.SetThreshold(percent="4.99", comparison=AT_LEAST), base_terms(), SOURCE, DAY
        )
        assert terms.known_general().threshold == rp.Threshold("4.99", AT_LEAST)
        assert terms.general.source == SOURCE

    def test_passive_tier_set_and_removed(self) -> None:
        """A passive tier can be set, changed and removed; removing a missing one is an error."""
        terms = apply_change(
            rp.SetPassiveTier(percent=20, comparison=AT_LEAST), base_terms(), SOURCE, DAY
        )
        assert terms.passive is not None and terms.passive.percent == 20
        terms = apply_change(rp.RemovePassiveTier(), terms, SOURCE, DAY)
        assert terms.passive is None
        with pytest.raises(rp.PlanHistoryError, match="no passive-investor tier to remove"):
            apply_change(rp.RemovePassiveTier(), terms, SOURCE, DAY)

    def test_passive_tier_cannot_be_stricter_than_the_general_rule(self) -> None:
        """A passive tier below the general threshold (or a general one above it) is an error."""
        with pytest.raises(rp.PlanHistoryError, match="stricter than the general threshold"):
            apply_change(
                rp.SetPassiveTier(percent=10, comparison=AT_LEAST), base_terms(), SOURCE, DAY
            )
        terms = apply_change(
            rp.SetPassiveTier(percent=20, comparison=AT_LEAST), base_terms(), SOURCE, DAY
        )
        with pytest.raises(rp.PlanHistoryError, match="stricter"):
            apply_change(rp.SetThreshold(percent=20, comparison=MORE_THAN), terms, SOURCE, DAY)
        same = apply_change(rp.SetThreshold(percent=20, comparison=AT_LEAST), terms, SOURCE, DAY)
        assert same.known_general().threshold == same.passive.threshold  # type: ignore[union-attr]

    def test_exceptions_added_replaced_removed(self) -> None:
        """An exception is added once, replaced only if present, removed only if present."""
        terms = apply_change(ipof(25), base_terms(), SOURCE, DAY)
        exception = terms.exception_for("IPOF Group")
        assert exception is not None and exception.cap == rp.Threshold(25, MORE_THAN)
        assert terms.exception_for("david  dadante") is exception
        with pytest.raises(rp.PlanHistoryError, match="already covered"):
            apply_change(ipof(30), terms, SOURCE, DAY)
        terms = apply_change(ipof(40, replace=True), terms, SOURCE, DAY)
        assert terms.exception_for("IPOF Group").cap.percent == 40  # type: ignore[union-attr]
        terms = apply_change(rp.RemoveException(holder="IPOF Group"), terms, SOURCE, DAY)
        assert terms.exceptions == ()
        with pytest.raises(rp.PlanHistoryError, match="no exception for 'IPOF Group' to remove"):
            apply_change(rp.RemoveException(holder="IPOF Group"), terms, SOURCE, DAY)
        with pytest.raises(rp.PlanHistoryError, match="no exception for 'IPOF Group' to replace"):
            apply_change(ipof(40, replace=True), terms, SOURCE, DAY)

    def test_exempt_persons(self) -> None:
        """Named Exempt Persons are added once and removed only if present."""
        change = rp.AddExemptPerson(name="State of Georgia Pension Fund")
        terms = apply_change(change, base_terms(), SOURCE, DAY)
        assert terms.exemption_for("State of Georgia Pension Fund", rp.HolderKind.OTHER) is not None
        with pytest.raises(rp.PlanHistoryError, match="already an Exempt Person"):
            apply_change(change, terms, SOURCE, DAY)
        terms = apply_change(
            rp.RemoveExemptPerson(name="State of Georgia Pension Fund"), terms, SOURCE, DAY
        )
        assert terms.exemption_for("State of Georgia Pension Fund", rp.HolderKind.OTHER) is None
        with pytest.raises(rp.PlanHistoryError, match="is not an Exempt Person"):
            apply_change(rp.RemoveExemptPerson(name="Nobody"), terms, SOURCE, DAY)

    def test_endings_and_history_only_changes(self) -> None:
        """Endings are recorded; agent and other changes leave the thresholds alone."""
        terms = base_terms()
        assert apply_change(
            rp.SetExpiration(date="2007-12-31"), terms, SOURCE, DAY
        ).expiration == rp.Expiration(pendulum.Date(2007, 12, 31), SOURCE)
        ended = apply_change(rp.Redeem(price="0.001"), terms, SOURCE, DAY).ended
        assert ended == rp.Ending(rp.EndingKind.REDEEMED, DAY, SOURCE, price=Decimal("0.001"))
        exchanged = apply_change(rp.ExchangeRights(), terms, SOURCE, DAY).ended
        assert exchanged == rp.Ending(rp.EndingKind.EXCHANGED, DAY, SOURCE)
        some = rp.ExchangeRights(all_rights=False)
        assert apply_change(some, terms, SOURCE, DAY) == terms
        assert apply_change(rp.Terminate(), terms, SOURCE, DAY).ended == rp.Ending(
            rp.EndingKind.TERMINATED, DAY, SOURCE
        )
        agent = apply_change(rp.AppointRightsAgent(name="SunTrust Bank"), terms, SOURCE, DAY)
        assert agent.rights_agent == rp.RightsAgentTerm("SunTrust Bank", SOURCE)
        assert agent.general == terms.general
        assert (
            apply_change(rp.OtherChange(description="other particulars"), terms, SOURCE, DAY)
            == terms
        )
