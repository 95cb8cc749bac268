"""Classifying filings, drafting plan changes with spans, combining drafts into one history."""

from __future__ import annotations

import datetime
import tomllib
from fractions import Fraction
from pathlib import Path
from typing import Any

import pendulum
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import rightsplan as rp
from rightsplan.edgar import (
    Authority,
    EventKind,
    FilingDraft,
    Found,
    classify,
    combine,
    draft_filing,
    parse_filing,
    read_filing,
    to_fragment,
    to_toml,
)
from rightsplan.errors import FilingError

DATA = Path(__file__).resolve().parent / "data" / "filings"
FILINGS = sorted(p.name for p in DATA.iterdir() if p.suffix in (".txt", ".htm"))


def draft(name: str) -> FilingDraft:
    return draft_filing(read_filing(DATA / name))


class TestClassify:
    @pytest.mark.parametrize(
        ("name", "kind"),
        [
            ("seed_002.txt", EventKind.NONE),
            ("seed_003.txt", EventKind.NONE),
            ("seed_004.txt", EventKind.AMENDMENT),
            ("01_harborview_item5_adoption.txt", EventKind.ADOPTION),
            ("02_meridian_item303_amendment.txt", EventKind.AMENDMENT),
            ("03_cobalt_8a12ba.txt", EventKind.AMENDMENT),
            ("04_pinecrest_submission.txt", EventKind.ADOPTION),
            ("05_lakeshore_8k.htm", EventKind.AMENDMENT),
            ("08_quarry_redemption.txt", EventKind.REDEMPTION),
            ("09_tidewater_termination.txt", EventKind.TERMINATION),
        ],
    )
    def test_kinds(self, name: str, kind: EventKind) -> None:
        """Each test filing is classified as the event it reports (the seeds 002, 003: none)."""
        assert classify(read_filing(DATA / name)).kind is kind

    def test_expiration_by_its_terms(self) -> None:
        """Rights that "expired" by their terms: an expiration event and the expiry date."""
        text = (
            "FORM 8-K\nItem 3.03 Material Modification to Rights of Security Holders.\n\n"
            "The Rights issued under the Rights Agreement, dated as of May 1, 2010, between the "
            "Company and Computershare Inc., as rights agent, expired in accordance with their "
            "terms at the close of business on May 1, 2020.\n"
        )
        drafted = draft_filing(parse_filing(text, name="expired.txt"))
        assert drafted.event.kind is EventKind.EXPIRATION
        (expiration,) = drafted.provisions
        assert isinstance(expiration.change, rp.SetExpiration)
        assert expiration.change.date == pendulum.Date(2020, 5, 1)

    def test_form_8a_registers_a_new_plan(self) -> None:
        """A Form 8-A12B (not /A) describing rights is an adoption."""
        text = (DATA / "01_harborview_item5_adoption.txt").read_text("utf-8")
        filing = parse_filing(text.replace("FORM 8-K", "FORM 8-A12B", 1), name="8a.txt")
        assert filing.form == "8-A12B"
        assert classify(filing).kind is EventKind.ADOPTION

    def test_no_event_is_said(self) -> None:
        """A filing with no rights-plan event drafts nothing and says so."""
        drafted = draft("seed_002.txt")
        assert not drafted.found_event
        assert drafted.notes == ("no rights-plan event found: no mention of a rights plan",)
        assert drafted.amendments == () and drafted.provisions == ()

    def test_ends_plan(self) -> None:
        """Redemption, termination and expiration end the plan; amendment does not."""
        assert EventKind.REDEMPTION.ends_plan and EventKind.TERMINATION.ends_plan
        assert not EventKind.AMENDMENT.ends_plan


class TestSeed004:
    def test_amendment_3(self) -> None:
        """Amendment No. 3 was authorized 2003-11-21 and executed 2003-11-24."""
        (amendment,) = [a for a in draft("seed_004.txt").amendments if a.current]
        assert amendment.number is not None and amendment.number.value == 3
        assert amendment.authorized is not None
        assert amendment.authorized.value == pendulum.Date(2003, 11, 21)
        assert amendment.executed is not None
        assert amendment.executed.value == pendulum.Date(2003, 11, 24)

    def test_ipof_exception_now_and_before(self) -> None:
        """IPOF Group (IPOF Fund, David Dadante): more than 40% now, more than 25% by No. 2."""
        drafted = draft("seed_004.txt")
        by_number = {a.number.value: a for a in drafted.amendments if a.number is not None}
        (now,) = by_number[3].changes
        assert isinstance(now.change, rp.ReplaceException)
        assert now.change.holder == "IPOF Group"
        assert now.change.members == ("IPOF Fund, L.P.", "David Dadante")
        assert now.change.threshold == rp.Threshold(40, rp.Comparison.MORE_THAN)
        assert now.change.requires_passive
        assert now.change.quote is not None
        assert "without any intention of changing or influencing control" in now.change.quote
        (before,) = by_number[2].changes
        assert isinstance(before.change, rp.AddException)
        assert before.change.threshold == rp.Threshold(25, rp.Comparison.MORE_THAN)
        assert before.wording == "up to"
        assert by_number[2].executed is not None
        assert by_number[2].executed.value == pendulum.Date(2003, 8, 14)

    def test_general_threshold_in_the_8k_words(self) -> None:
        """All others: 15% in the 8-K's own words, "more than 15%", flagged as a summary."""
        (threshold,) = draft("seed_004.txt").provisions
        assert isinstance(threshold.change, rp.SetThreshold)
        assert threshold.change.threshold == rp.Threshold(15, rp.Comparison.MORE_THAN)
        assert threshold.evidence.quote == "more than 15%"
        assert threshold.change.note is not None and "or more" in threshold.change.note
        assert threshold.confidence < 0.6

    def test_holding(self) -> None:
        """IPOF Fund's holding: 2,800,500 shares, 24.2%, as int and Fraction."""
        (holding,) = draft("seed_004.txt").holdings
        assert (holding.holder, holding.shares, holding.percent) == (
            "IPOF Fund",
            2_800_500,
            Fraction(242, 10),
        )
        assert type(holding.shares) is int

    def test_agreement_and_earlier_amendments(self) -> None:
        """The agreement of 1997-12-31; No. 1 appointed SunTrust Bank successor rights agent."""
        drafted = draft("seed_004.txt")
        assert drafted.agreement_date is not None
        assert drafted.agreement_date.value == pendulum.Date(1997, 12, 31)
        first = next(a for a in drafted.amendments if a.number and a.number.value == 1)
        assert [c.kind for c in first.changes] == ["appoint-rights-agent", "other-change"]


SMITH = """FORM 8-K
Item 3.03 Material Modification to Rights of Security Holders.

On June 3, 2015, the Board of Directors of Acme Widgets, Inc. (the "Company") approved
Amendment No. 2 to the Rights Agreement, dated as of May 1, 2010, between the Company and
Computershare Inc., as rights agent. The Company and the rights agent executed Amendment No. 2
on June 4, 2015.

Amendment No. 2 provides that John Q. Smith, Smith Capital LP and Smith Partners LLC
(collectively, the "Smith Group") shall not be deemed an Acquiring Person unless the Smith
Group becomes the beneficial owner of 18% or more of the outstanding common stock.

Item 8.01 Other Events.

On May 1, 2015 the Company entered into a Registration Rights Agreement with its lenders.
"""


class TestNamedGroups:
    def test_collectively_defined_group(self) -> None:
        """A group defined "(collectively, the ...)" gets its members and its cap."""
        drafted = draft_filing(parse_filing(SMITH, name="smith.txt"))
        (amendment,) = drafted.amendments
        (change,) = amendment.changes
        assert isinstance(change.change, rp.AddException)
        assert change.change.holder == "Smith Group"
        assert change.change.members == ("John Q. Smith", "Smith Capital LP", "Smith Partners LLC")
        assert change.change.threshold == rp.Threshold(18, rp.Comparison.AT_LEAST)
        assert not change.change.requires_passive
        assert change.evidence.quote.startswith("Amendment No. 2 provides that John Q. Smith")

    def test_registration_rights_agreement_is_not_a_plan(self) -> None:
        """A registration rights agreement is no rights-plan event."""
        text = SMITH.split("Item 8.01")[1]
        assert classify(parse_filing("FORM 8-K\nItem 8.01" + text)).kind is EventKind.NONE


class TestEvidence:
    @pytest.mark.parametrize("name", FILINGS)
    def test_every_value_quotes_its_span(self, name: str) -> None:
        """Every drafted value's quote is exactly the filing text at its span."""
        filing = read_filing(DATA / name)
        drafted = draft_filing(filing)
        found: list[Found[Any] | None] = [
            drafted.company,
            drafted.agreement_date,
            drafted.rights_agent,
        ]
        for amendment in drafted.amendments:
            found += [amendment.number, amendment.authorized, amendment.executed]
        evidences = [f.evidence for f in found if f is not None]
        evidences += [c.evidence for c in drafted.provisions]
        evidences += [c.evidence for a in drafted.amendments for c in a.changes]
        evidences += [h.evidence for h in drafted.holdings]
        for evidence in evidences:
            assert filing.text[evidence.start : evidence.end] == evidence.quote
        confidences = [f.confidence for f in found if f is not None]
        confidences += [c.confidence for a in drafted.amendments for c in a.changes]
        assert all(0 <= c <= 1 for c in confidences)

    def test_exact_types(self) -> None:
        """Percentages are Fractions, dates pendulum Dates, share counts ints: never floats."""
        drafted = draft("06_northwind_nol_adoption.txt")
        kinds = {c.kind: c.change for c in drafted.provisions}
        threshold = kinds["set-threshold"]
        assert isinstance(threshold, rp.SetThreshold)
        assert threshold.percent == Fraction(499, 100)
        grandfathering = kinds["set-grandfathering"]
        assert isinstance(grandfathering, rp.SetGrandfathering)
        assert grandfathering.tolerance() == rp.Threshold(Fraction(1, 2), rp.Comparison.MORE_THAN)
        expiration = kinds["set-expiration"]
        assert isinstance(expiration, rp.SetExpiration)
        assert type(expiration.date) is pendulum.Date


class TestPatterns:
    def test_two_tier(self) -> None:
        """A two-tier plan: 10% or more generally, 20% or more for passive 13G investors."""
        kinds = {c.kind: c.change for c in draft("07_ridgeline_two_tier.txt").provisions}
        assert kinds["set-threshold"].threshold == rp.Threshold(10, rp.Comparison.AT_LEAST)  # type: ignore[attr-defined]
        assert kinds["set-passive-tier"].threshold == rp.Threshold(20, rp.Comparison.AT_LEAST)  # type: ignore[attr-defined]

    def test_passive_tier_changed_from_to(self) -> None:
        """Passive investors' tier raised "from 15% to 20%" is a passive tier of 20%."""
        drafted = draft("12_granite_first_amendment.txt")
        (amendment,) = drafted.amendments
        (change,) = amendment.changes
        assert isinstance(change.change, rp.SetPassiveTier) and change.change.percent == 20

    def test_spelled_out_threshold(self) -> None:
        """The words "fifteen percent (15%) or more" are 15% or more."""
        (threshold, _) = draft("01_harborview_item5_adoption.txt").provisions
        assert threshold.change.threshold == rp.Threshold(15, rp.Comparison.AT_LEAST)  # type: ignore[attr-defined]
        assert threshold.evidence.quote == "fifteen percent (15%) or more"

    def test_at_least(self) -> None:
        """The words "at least 10%" are 10% or more."""
        provisions = draft("11_ashford_short_term.txt").provisions
        assert provisions[0].change.threshold == rp.Threshold(10, rp.Comparison.AT_LEAST)  # type: ignore[attr-defined]
        assert provisions[0].wording == "at least"

    def test_redemption(self) -> None:
        """A redemption: the board's date, the effective date and $0.001 per right."""
        (amendment,) = draft("08_quarry_redemption.txt").amendments
        assert amendment.number is None and amendment.title == "Redemption of the Rights"
        (change,) = amendment.changes
        assert isinstance(change.change, rp.Redeem) and str(change.change.price) == "0.001"
        assert amendment.executed is not None
        assert amendment.executed.value == pendulum.Date(2018, 7, 27)

    def test_accelerated_expiration(self) -> None:
        """A termination by accelerating the Final Expiration Date sets it, with a note."""
        (amendment,) = draft("09_tidewater_termination.txt").amendments
        (change,) = amendment.changes
        assert isinstance(change.change, rp.SetExpiration)
        assert change.change.date == pendulum.Date(2015, 12, 15)
        assert change.change.note is not None and "accelerated" in change.change.note

    def test_conflict_prefers_the_agreement(self) -> None:
        """Release "more than 4.75%", agreement "4.75% or more": both kept, agreement wins."""
        drafted = draft("10_solano_conflict_submission.txt")
        threshold = next(c for c in drafted.provisions if c.kind == "set-threshold")
        assert threshold.change.threshold == rp.Threshold("4.75", rp.Comparison.AT_LEAST)  # type: ignore[attr-defined]
        assert threshold.evidence.authority is Authority.AGREEMENT
        assert threshold.evidence.document == "EX-4.1"
        (conflict,) = drafted.conflicts
        assert conflict.other.evidence.document == "EX-99.1"
        assert conflict.other.change.threshold.describe() == "more than 4.75%"  # type: ignore[attr-defined]
        assert "the agreement text's words are used" in conflict.reason
        assert threshold.change.note is not None and "more than 4.75%" in threshold.change.note


class TestCombine:
    def test_history_in_date_order(self) -> None:
        """The three seeds combine into one history: Amendments 1, 2, 3 in order of execution."""
        names = ["seed_004.txt", "seed_002.txt", "seed_003.txt"]
        plan = combine([draft(n) for n in names])
        assert [a.number.value for a in plan.amendments if a.number] == [1, 2, 3]
        assert [d.filing.rsplit("/", 1)[-1] for d in plan.filings] == [
            "seed_002.txt",
            "seed_003.txt",
            "seed_004.txt",
        ]

    def test_order_of_input_does_not_matter(self) -> None:
        """Combining the same drafts in any order gives the same fragment."""
        drafts = [draft(n) for n in ("seed_002.txt", "seed_004.txt", "seed_003.txt")]
        assert to_fragment(combine(drafts)) == to_fragment(combine(reversed(drafts)))

    def test_adoption_then_amendment(self) -> None:
        """An adoption and a later amendment combine into a plan; the agreement's words win."""
        names = ["13_pinecrest_amendment.txt", "04_pinecrest_submission.txt"]
        plan = combine([draft(n) for n in names])
        (threshold, *_) = plan.provisions
        assert threshold.change.threshold == rp.Threshold(20, rp.Comparison.AT_LEAST)  # type: ignore[attr-defined]
        (conflict,) = plan.conflicts
        assert "8-K of 13_pinecrest_amendment.txt" in conflict.reason
        assert "more than 20%" in conflict.reason
        schema = pytest.importorskip("rightsplan.io.schema")
        built, problems = schema.plan_from_data(to_fragment(plan))
        assert problems == ()
        terms = built.terms_at("2013-04-02")
        assert terms.expiration.date == pendulum.Date(2017, 4, 15)

    def test_different_companies_are_refused(self) -> None:
        """Filings of two companies (two Commission file numbers) are not combined."""
        adoption = draft("01_harborview_item5_adoption.txt")
        amendment = draft("02_meridian_item303_amendment.txt")
        with pytest.raises(FilingError, match="different companies"):
            combine([adoption, amendment])

    def test_fragment_builds_a_plan(self) -> None:
        """The fragment of seed 004 has the schema's shape and replays into a valid Plan."""
        fragment = to_fragment(combine([draft("seed_004.txt")]))
        agreement = fragment["agreement"]
        assert isinstance(agreement, dict)
        assert agreement["company"] == "Innotrac Corporation"
        amendments = fragment["amendments"]
        assert isinstance(amendments, list)
        last = amendments[-1]
        assert (last["number"], str(last["authorized"]), str(last["executed"])) == (
            3,
            "2003-11-21",
            "2003-11-24",
        )
        change = last["changes"][0]
        assert change["kind"] == "replace-exception"
        assert change["members"] == ["IPOF Fund, L.P.", "David Dadante"]
        assert (change["percent"], change["comparison"]) == ("40", "more-than")
        assert change["requires_passive"] is True
        assert "confidence 0.77" in change["note"] and "span" in change["note"]
        schema = pytest.importorskip("rightsplan.io.schema")
        plan, problems = schema.plan_from_data(fragment)
        assert problems == ()
        assert plan.terms_at("2003-11-24").exception_for("IPOF Group").cap.describe() == (
            "more than 40%"
        )

    def test_toml_round_trip(self) -> None:
        """The TOML text of a fragment reads back (tomllib) as the same data."""
        for name in (
            "seed_004.txt",
            "10_solano_conflict_submission.txt",
            "08_quarry_redemption.txt",
        ):
            fragment = to_fragment(combine([draft(name)]))
            assert tomllib.loads(to_toml(combine([draft(name)]))) == fragment

    def test_unnumbered_redemption_is_numbered_with_a_note(self) -> None:
        """A redemption with no amendment number gets the next number, and the note says so."""
        plan = combine([draft("08_quarry_redemption.txt")])
        (amendment,) = plan.amendments
        assert amendment.number is not None and amendment.number.value == 1
        assert any("numbered 1 here" in note for note in plan.notes)


CORPUS = Path(__file__).resolve().parent / "data" / "corpus"


def corpus_draft(name: str) -> FilingDraft:
    """A development-half corpus document, drafted without its ``Source:`` line."""
    text = (CORPUS / name).read_text("utf-8").split("\n", 1)[1]
    return draft_filing(parse_filing(text, name=name))


def corpus_facts(name: str) -> frozenset[str]:
    from rightsplan.edgar.evaluate import facts

    return facts(corpus_draft(name))


AGREEMENT = (
    "EXHIBIT 4.1\nRIGHTS AGREEMENT\n\nThis Rights Agreement, dated as of March 1, 2011, is "
    'between Acme Widgets, Inc., a Delaware corporation (the "Company"), and Example Trust '
    "Company, N.A., as Rights Agent.\n\n{clause}\n"
)


class TestGeneralisation:
    """Behaviours the issue names, each on a sentence of its own or a development document."""

    def test_two_tiers_in_one_sentence(self) -> None:
        """'15 percent (or 20 percent in the case of X) or more': 15%, and 20% for X."""
        clause = (
            '"Acquiring Person" shall mean any Person who shall be the Beneficial Owner of 15 '
            "percent (or 20 percent in the case of Jane Holder and her affiliates) or more of "
            "the Common Shares then outstanding."
        )
        drafted = draft_filing(parse_filing(AGREEMENT.format(clause=clause), name="a.txt"))
        kinds = {p.kind: p.change for p in drafted.provisions}
        assert kinds["set-threshold"].threshold == rp.Threshold(15, rp.Comparison.AT_LEAST)  # type: ignore[attr-defined]
        exception = kinds["add-exception"]
        assert isinstance(exception, rp.AddException) and exception.holder == "Jane Holder"
        assert exception.threshold == rp.Threshold(20, rp.Comparison.AT_LEAST)

    def test_named_exclusion_without_a_percentage(self) -> None:
        """'X Corporation ... shall not be deemed an Acquiring Person' makes X an Exempt Person."""
        clause = (
            "Notwithstanding the foregoing, Blue Harbor Corporation, together with its "
            "Affiliates, shall not be deemed an Acquiring Person."
        )
        drafted = draft_filing(parse_filing(AGREEMENT.format(clause=clause), name="a.txt"))
        (exempt,) = [p.change for p in drafted.provisions if p.kind == "add-exempt-person"]
        assert isinstance(exempt, rp.AddExemptPerson) and exempt.name == "Blue Harbor Corporation"

    def test_grandfathering_lowest_since(self) -> None:
        """'exceeds by 0.5% or more the lowest percentage ... since': a lowest-since tolerance."""
        clause = (
            '"Acquiring Person" shall mean any Person who is the Beneficial Owner of 4.99% or '
            "more of the Common Shares; provided that a Person who already owned 4.99% or more "
            "shall not be an Acquiring Person unless its percentage exceeds by 0.5% or more the "
            "lowest percentage it has owned at any time since the date hereof."
        )
        drafted = draft_filing(parse_filing(AGREEMENT.format(clause=clause), name="a.txt"))
        kinds = {p.kind: p.change for p in drafted.provisions}
        assert kinds["set-threshold"].threshold == rp.Threshold("4.99", rp.Comparison.AT_LEAST)  # type: ignore[attr-defined]
        grandfathering = kinds["set-grandfathering"]
        assert isinstance(grandfathering, rp.SetGrandfathering)
        assert grandfathering.tolerance() == rp.Threshold("0.5", rp.Comparison.AT_LEAST)
        assert grandfathering.measured_from is rp.GrandfatherBase.LOWEST_SINCE
        assert [p.kind for p in drafted.provisions].count("set-threshold") == 1

    def test_replaced_value_is_the_new_one(self) -> None:
        """'Each "15%" ... is hereby replaced with "10%"': the amendment sets 10%; 15% is old."""
        drafted = corpus_facts("unnamed-lawinsider-8brqzoowwju/01-ex4-amendment.txt")
        assert "amendment[1].set-threshold=10% or more" in drafted
        assert not any("15%" in fact for fact in drafted)
        assert "amendment[1].set-grandfathering=1% or more" in drafted  # "plus one percent"

    def test_expiry_from_old_to_new(self) -> None:
        """'extends the final expiration date from May 18, 2019 to May 18, 2022': the new date."""
        drafted = corpus_facts("cik-1093082/01-10k-note.txt")
        assert "amendment[1].set-expiration=2022-05-18" in drafted
        assert not any("2019-05-18" in fact for fact in drafted)

    def test_recitals_are_not_events(self) -> None:
        """An amendment's recitals (the agreement, the old expiry) are no event and no change."""
        drafted = corpus_draft("furniture-brands-international/01-ex4-amendment.txt")
        assert drafted.event.kind is EventKind.AMENDMENT
        assert not any(c.kind == "set-expiration" for a in drafted.amendments for c in a.changes)

    def test_prior_plan_ending_is_history(self) -> None:
        """A release adopting a plan that replaces a terminated one reports an adoption."""
        assert corpus_draft("myrexis/01-press-release.txt").event.kind is EventKind.ADOPTION

    @pytest.mark.parametrize(
        ("name", "fact"),
        [
            ("sterling-house/01-ex4-amendment.txt", "amendment[1].executed=1997-07-30"),
            ("carlisle-holdings/01-ex-agreement.txt", "agreement.dated=1997-12-06"),
            ("unnamed-financialreports-32287/01-10q-note.txt", "agreement.dated=2022-09-08"),
            ("liveperson/01-ex99-press-release.txt", "agreement.dated=2024-01-22"),
            ("cik-922612/01-10k-note.txt", "amendment[-].executed=2021-01-14"),
        ],
    )
    def test_dates_in_the_forms_filings_use(self, name: str, fact: str) -> None:
        """'the 30th day of July, 1997', 'December 6,1997', 'On X, adopted', 'today'..."""
        assert fact in corpus_facts(name)

    def test_a_guess_says_so(self) -> None:
        """A name read in capitals and title-cased carries a low confidence and the reason."""
        drafted = corpus_draft("youbet-com/01-ex4-agreement.txt")
        assert drafted.company is not None and drafted.company.value == "Youbet.com, Inc."
        assert drafted.company.level == "low" and "capitals" in (drafted.company.reason or "")
        assert drafted.document.kind.value == "EX-4 agreement"


def development_documents() -> list[str]:
    import json

    slugs = json.loads((CORPUS / "split.json").read_text("utf-8"))["development"]
    return [f"{s}/{p.name}" for s in slugs for p in sorted((CORPUS / s).glob("*.txt"))]


@pytest.mark.parametrize("name", development_documents())
def test_development_document_is_read_and_loads(name: str) -> None:
    """Every development document is read, quotes its spans, and loads as a plan when it can."""
    drafted = corpus_draft(name)
    text = (CORPUS / name).read_text("utf-8").split("\n", 1)[1]
    values = [drafted.company, drafted.agreement_date, drafted.rights_agent]
    for found in values:
        if found is not None:
            assert text.replace("\r\n", "\n")[found.evidence.start : found.evidence.end] == (
                found.evidence.quote
            )
    fragment = to_fragment(combine([drafted]))
    schema = pytest.importorskip("rightsplan.io.schema")
    agreement = fragment.get("agreement")
    if isinstance(agreement, dict) and "dated" in agreement and "threshold" in agreement:
        _, problems = schema.plan_from_data(fragment)
        assert problems == ()


def text_facts(text: str) -> frozenset[str]:
    """The facts drafted from a short document given as text."""
    from rightsplan.edgar.evaluate import facts

    return facts(draft_filing(parse_filing(text, name="a.txt")))


class TestDatesInGeneralTerms:
    """Dates by how the language ties them to an instrument: short variations of real wording."""

    def test_title_page_dates_the_agreement(self) -> None:
        """A title page's own line 'Dated as of March 31, 1998' dates the agreement."""
        text = (
            "Exhibit 4.1\nRIGHTS AGREEMENT\n\nACME WIDGETS, INC.\nand\nEXAMPLE TRUST COMPANY\n"
            "Rights Agent\n\nDated as of March 31, 1998\n\nTABLE OF CONTENTS\n"
        )
        assert "agreement.dated=1998-03-31" in text_facts(text)

    def test_title_page_of_a_restatement_dates_the_instrument(self) -> None:
        """An amended and restated agreement's title-page date is the restatement's."""
        text = (
            "AMENDED AND RESTATED\nRIGHTS AGREEMENT\nBETWEEN\nACME WIDGETS, INC.\nAND\n"
            "EXAMPLE TRUST COMPANY, N.A.\nOCTOBER 16, 2002\n"
        )
        drafted = text_facts(text)
        assert "amendment[-].executed=2002-10-16" in drafted
        assert not any(f.startswith("agreement.dated") for f in drafted)

    def test_effective_as_of_the_board_adopted(self) -> None:
        """'Effective as of X, the Board of Y, Inc. (the "Company") adopted' dates the plan."""
        text = (
            "FORM 8-A\nItem 1. Description of Registrant's Securities to be Registered.\n"
            "Effective as of March 16, 2006, the Board of Directors of Acme Widgets,\nInc.\n"
            "(the \u201cCompany\u201d) adopted a Rights Agreement (the \u201cRights "
            "Agreement\u201d) and declared a dividend of one Right for each outstanding share of "
            "common stock.\n"
        )
        assert "agreement.dated=2006-03-16" in text_facts(text)

    def test_a_replaced_prior_plan_keeps_its_own_date(self) -> None:
        """A plan adopted 'today' replacing a 'prior rights agreement, dated X' is not dated X."""
        text = (
            "Acme Widgets Adopts New Tax Benefit Preservation Plan\nTUCSON, Ariz., May 6, 2019 "
            "(GLOBE NEWSWIRE) \u2014 Acme Widgets, Inc. today announced that its Board of "
            "Directors has adopted a new Net Operating Loss (\u201cNOL\u201d) Shareholder Rights "
            "Agreement (the \u201cNOL Rights Plan\u201d).\nThe NOL Rights Plan replaces the "
            "Company\u2019s prior rights agreement, dated May 6, 2016, which expired on May 6, "
            "2019.\n"
        )
        drafted = text_facts(text)
        assert "agreement.dated=2019-05-06" in drafted
        assert "agreement.dated=2016-05-06" not in drafted

    def test_on_x_entered_into_dates_the_amendment_not_the_new_expiry(self) -> None:
        """'On X, ... entered into a second amendment ... from Y to Z': executed X, expiring Z."""
        text = (
            "Note 21. Subsequent Events\nOn July 27, 2018, the Company and Example Trust Company, "
            "as rights agent (the \u201cRights Agent\u201d), entered into a second amendment to "
            "the Rights Agreement, dated as of July 28, 2015, between the Company and the Rights "
            "Agent "
            "(the \u201cRights Plan\u201d) to extend the \u201cFinal Expiration Date\u201d of the "
            "rights pursuant to the Rights Plan from July 27, 2018 to July 26, 2021.\n"
        )
        drafted = text_facts(text)
        assert {
            "agreement.dated=2015-07-28",
            "amendment[2].executed=2018-07-27",
            "amendment[2].set-expiration=2021-07-26",
        } <= drafted
        assert not any("2021-07-26" in f for f in drafted if "executed" in f)

    def test_acceleration_with_times_of_day(self) -> None:
        """'from 5:00 p.m. ... on X to 5:00 p.m. ... on Y' sets Y; no second change for it."""
        text = (
            "Note 15. Expiration of Rights\nOn September 26, 2016, the Board of Directors "
            "resolved to amend the Rights Agreement (the \u201cRights Agreement\u201d) dated as of "
            "December 15, 2014 to accelerate the expiration of the Rights. Thereafter, on "
            "September 26, 2016, the Company and the Rights Agent entered into Amendment No. 1 "
            "(the \u201cAmendment\u201d) to the Rights Agreement, which accelerates the expiration "
            "of the Rights from 5:00 p.m., Eastern time, on December 26, 2017 to 5:00 p.m., "
            "Eastern time, on September 26, 2016, and has the effect of terminating the Rights "
            "Agreement.\n"
        )
        drafted = text_facts(text)
        assert {
            "agreement.dated=2014-12-15",
            "amendment[1].authorized=2016-09-26",
            "amendment[1].executed=2016-09-26",
            "amendment[1].set-expiration=2016-09-26",
        } <= drafted
        assert not any("2017-12-26" in f or "terminate" in f for f in drafted)

    def test_as_of_x_the_company_amended(self) -> None:
        """'As of X, the Company amended the rights plan' dates it; the plan keeps its expiry."""
        text = (
            "Note 9. Shareholders Rights Plan\nOn April 25, 2008, the Company\u2019s Board of "
            "Directors approved the adoption of a shareholder rights plan. The rights are "
            "scheduled to expire on June 2, 2018.\nAs of December 22, 2010, the Company amended "
            "the shareholder rights plan to exclude the pending merger from triggering a "
            "distribution of rights under the plan.\n"
        )
        assert {
            "agreement.dated=2008-04-25",
            "agreement.set-expiration=2018-06-02",
            "amendment[-].executed=2010-12-22",
        } <= text_facts(text)

    def test_recited_amendments_keep_their_numbers_and_dates(self) -> None:
        """A Third Amendment's recitals date the agreement and the First and Second Amendments."""
        text = (
            "Exhibit 4.1\nTHIRD AMENDMENT TO RIGHTS AGREEMENT\nTHIS THIRD AMENDMENT TO RIGHTS "
            "AGREEMENT (this \u201cAmendment\u201d) is made and entered into as of February 3, "
            "2022, by and between Acme Widgets, Inc. (the \u201cCompany\u201d), and Example Trust "
            "Company, as rights agent.\nWHEREAS, the Company and the Rights Agent entered into a "
            "Rights Agreement dated as of February 12, 2013, which was amended by a First "
            "Amendment to Rights Agreement dated as of February 5, 2016 and a Second Amendment to "
            "Rights Agreement dated as of February 7, 2019 (as amended, the "
            "\u201cAgreement\u201d);\n"
        )
        assert {
            "agreement.dated=2013-02-12",
            "amendment[1].executed=2016-02-05",
            "amendment[2].executed=2019-02-07",
            "amendment[3].executed=2022-02-03",
        } <= text_facts(text)

    def test_redemption_price_and_the_plans_expiry(self) -> None:
        """A redemption whose price comes a sentence later, and the expiry the plan had."""
        text = (
            "Note 11. Rights Plan\nPrior to December 15, 2014, we maintained a rights plan with "
            "an expiration date of October 31, 2018. On December 15, 2014, the Board of "
            "Directors approved the redemption of all of the outstanding rights under the Rights "
            "Agreement. The redemption price of $0.01 per right will be paid on February 17, "
            "2015.\n"
        )
        drafted = text_facts(text)
        assert {
            "event=redemption",
            "agreement.set-expiration=2018-10-31",
            "amendment[-].authorized=2014-12-15",
            "amendment[-].redeem=0.01",
        } <= drafted
        assert "amendment[-].redeem=None" not in drafted

    @given(
        st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2030, 12, 31)),
        st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2030, 12, 31)),
        st.sampled_from(["", "5:00 p.m., New York City time, on ", "the Close of Business on "]),
    )
    def test_from_old_to_new(self, old: datetime.date, new: datetime.date, when: str) -> None:
        """'extends the Final Expiration Date from <old> to <new>': the new date, never the old."""
        assume(old != new)

        def words(day: datetime.date) -> str:
            return f"{day:%B} {day.day}, {day.year}"

        text = (
            "FORM 8-K\nItem 3.03 Material Modification to Rights of Security Holders.\n\n"
            "On March 2, 2020, the Company and the Rights Agent entered into Amendment No. 1 to "
            "the Rights Agreement. The Amendment extends the Final Expiration Date from "
            f"{when}{words(old)} to {when}{words(new)}.\n"
        )
        drafted = text_facts(text)
        assert f"amendment[1].set-expiration={new.isoformat()}" in drafted
        assert not any(old.isoformat() in f for f in drafted if old != datetime.date(2020, 3, 2))


class TestThresholdsInGeneralTerms:
    """Thresholds by the structure of the sentence that states them."""

    def test_note_without_acquiring_person(self) -> None:
        """'a person or group acquires 15%or more' is a threshold; '50% of its assets' is not."""
        text = (
            "Note 14. Shareholder Rights Plan\nOn June 9, 1999, the Board of Directors adopted a "
            "Shareholder Rights Plan (the \u201cPlan\u201d). The Rights will be exercisable only "
            "if a person or group acquires, or commences a tender offer to acquire, 15%or more of "
            "the Company\u2019s outstanding shares of common stock. If the Company is acquired, "
            "or 50% or more of its assets or earning power is sold, each Right entitles its "
            "holder to buy shares of the acquirer.\n"
        )
        thresholds = {f for f in text_facts(text) if "set-threshold" in f}
        assert thresholds == {"agreement.set-threshold=15% or more"}

    def test_qualified_number_keeps_its_comparison(self) -> None:
        """'10% (or 20% in certain circumstances) or more': 10% or more, and no second threshold."""
        text = (
            "Note 16. Stockholder Rights Plan\nOn August 28, 2019, our Board of Directors adopted "
            "a Stockholder Rights Agreement (the \u201cRights Agreement\u201d). The rights become "
            "exercisable 10 business days after a person acquires beneficial ownership of 10% (or "
            "20% in certain circumstances) or more of the outstanding shares of common stock.\n"
        )
        drafted = text_facts(text)
        assert "agreement.set-threshold=10% or more" in drafted
        assert not any("20%" in f for f in drafted)

    def test_passive_tier_in_a_parenthesis(self) -> None:
        """'10% (or 20% in the case of a passive institutional investor) or more': two tiers."""
        clause = (
            "The Rights become exercisable if a person or group acquires beneficial ownership of "
            "10% (or 20% in the case of a passive institutional investor) or more of the "
            "outstanding Common Shares."
        )
        drafted = text_facts(AGREEMENT.format(clause=clause))
        assert {
            "agreement.set-threshold=10% or more",
            "agreement.set-passive-tier=20% or more",
        } <= drafted

    @pytest.mark.parametrize(
        ("use", "definition", "expected"),
        [
            (
                "the Triggering Percentage or more",
                '"Triggering Percentage" shall mean 4.99%',
                "4.99% or more",
            ),
            (
                "more than the Threshold Percentage",
                '"Threshold Percentage" means 10%',
                "more than 10%",
            ),
            (
                "the Beneficial Ownership Threshold or more",
                '"Beneficial Ownership Threshold" shall mean 4.9%',
                "4.9% or more",
            ),
        ],
    )
    def test_defined_term_carries_the_comparison(
        self, use: str, definition: str, expected: str
    ) -> None:
        """A number given as a defined term's value takes the comparison written with the term."""
        clause = (
            f'"Acquiring Person" shall mean any Person who is the Beneficial Owner of {use} of '
            f"the Common Shares then outstanding. {definition}."
        )
        drafted = draft_filing(parse_filing(AGREEMENT.format(clause=clause), name="a.txt"))
        (threshold,) = [p for p in drafted.provisions if p.kind == "set-threshold"]
        assert threshold.reading() == expected
        assert threshold.confidence >= 0.7 and "defined term" in (threshold.change.note or "")


K8_AMENDMENT = (
    "FORM 8-K\nItem 3.03 Material Modification to Rights of Security Holders.\n\nOn June 1, "
    "2021, the Company and the Rights Agent entered into Amendment No. 1 to the Rights Agreement "
    "(the \u201cAmendment\u201d). {clause}\n"
)
K8_ADOPTION = (
    "FORM 8-K\nItem 3.03 Material Modification to Rights of Security Holders.\n\nOn March 20, "
    "2020, the Board of Directors adopted a rights agreement (the \u201cRights Agreement\u201d). "
    "{clause}\n"
)


class TestHoldersAndChanges:
    """Named holders, grandfathering and replaced values, in the words summaries use."""

    def test_named_holder_cap_without_a_short_name(self) -> None:
        """'X, L.P. (together with its Affiliates, "X") shall not be deemed ... more than 25%'."""
        clause = (
            "Notwithstanding the foregoing, Blue Harbor Capital, L.P. (together with its "
            'Affiliates, "Blue Harbor") shall not be deemed to be an Acquiring Person unless it '
            "becomes the Beneficial Owner of more than 25% of the Common Shares then outstanding."
        )
        drafted = text_facts(AGREEMENT.format(clause=clause))
        assert "agreement.add-exception=Blue Harbor Capital, L.P.: more than 25%" in drafted

    def test_permitted_holder_is_an_exception_not_a_threshold(self) -> None:
        """'permits X to acquire up to 19.9% ... without becoming an Acquiring Person'."""
        clause = (
            "The Amendment permits Blue Harbor Capital, L.P. (\u201cBlue Harbor\u201d) to acquire "
            "up to 19.9% of the outstanding common stock without becoming an Acquiring Person."
        )
        drafted = text_facts(K8_AMENDMENT.format(clause=clause))
        assert "amendment[1].add-exception=Blue Harbor Capital, L.P.: more than 19.9%" in drafted
        assert not any("set-threshold" in f for f in drafted)

    @pytest.mark.parametrize(
        "clause",
        [
            'The term "Acquiring Person" shall not include Blue Harbor Capital, L.P. or any of '
            "its Affiliates.",
            "The Amendment exempts Blue Harbor Capital, L.P. and its affiliates from the "
            "definition of Acquiring Person.",
        ],
    )
    def test_exclusion_with_the_name_after_the_words(self, clause: str) -> None:
        """'"Acquiring Person" shall not include X', 'exempts X ... from ... Acquiring Person'."""
        drafted = text_facts(K8_AMENDMENT.format(clause=clause))
        assert (
            "amendment[1].add-exempt-person=Blue Harbor Capital, L.P. made an Exempt Person"
            in drafted
        )

    def test_replacing_old_with_new(self) -> None:
        """'amended by replacing "15%" with "20%"': the amendment sets 20%, never 15%."""
        clause = (
            "Section 1(a) of the Rights Agreement is amended by replacing \u201c15%\u201d with "
            "\u201c20%\u201d each place it appears."
        )
        drafted = text_facts(K8_AMENDMENT.format(clause=clause))
        assert "amendment[1].set-threshold=20% or more" in drafted
        assert not any("15%" in f for f in drafted)

    def test_replaced_expiry_date(self) -> None:
        """'deleting "March 19, 2021" and replacing it with "March 19, 2024"': the new date."""
        text = (
            "Exhibit 4.1\nAMENDMENT NO. 1 TO RIGHTS AGREEMENT\nThis Amendment No. 1 to Rights "
            "Agreement (this \u201cAmendment\u201d) is entered into as of March 2, 2021, by and "
            "between Acme Widgets, Inc. (the \u201cCompany\u201d) and Example Trust Company (the "
            "\u201cRights Agent\u201d).\n1. The definition of \u201cFinal Expiration Date\u201d in "
            "Section 7(a) of the Rights Agreement is hereby amended by deleting \u201cMarch 19, "
            "2021\u201d and replacing it with \u201cMarch 19, 2024\u201d.\n"
        )
        drafted = text_facts(text)
        assert "amendment[1].set-expiration=2024-03-19" in drafted
        assert not any("2021-03-19" in f for f in drafted)

    @pytest.mark.parametrize(
        "clause",
        [
            "Stockholders who beneficially own 4.95% or more of the outstanding common stock as "
            "of the time of the first public announcement of the Rights Agreement will not "
            "trigger it so long as they do not acquire any additional shares.",
            "Any person who beneficially owned 4.95% or more of the common stock prior to the "
            "first public announcement of the Rights Agreement will not become an Acquiring "
            "Person unless it acquires beneficial ownership of additional shares.",
        ],
    )
    def test_grandfathered_at_the_announcement(self, clause: str) -> None:
        """Holders over the line when the plan was announced, who may acquire no more shares."""
        threshold = (
            "A person becomes an Acquiring Person upon acquiring 4.95% or more of the common "
            "stock. "
        )
        drafted = text_facts(K8_ADOPTION.format(clause=threshold + clause))
        assert {
            "agreement.set-threshold=4.95% or more",
            "agreement.set-grandfathering=no additional share",
        } <= drafted

    def test_exchange_limit_is_no_threshold(self) -> None:
        """'before the Acquiring Person owns 50% or more ..., the Board may exchange': no line."""
        clause = (
            "After a person becomes an Acquiring Person, but before the Acquiring Person owns 50% "
            "or more of the outstanding Common Stock, the Board may exchange the Rights."
        )
        assert not any("50%" in f for f in text_facts(K8_ADOPTION.format(clause=clause)))

    def test_on_or_about_says_so(self) -> None:
        """'On or about X, the Board adopted a plan' dates it, with the hedge as its reason."""
        text = (
            "FORM 8-K\nItem 3.03 Material Modification to Rights of Security Holders.\n\nOn or "
            "about March 30, 2020, the Board of Directors of Acme Widgets, Inc. adopted a "
            "stockholder rights plan and declared a dividend of one right per share.\n"
        )
        drafted = draft_filing(parse_filing(text, name="a.txt"))
        assert drafted.agreement_date is not None
        assert drafted.agreement_date.value == pendulum.Date(2020, 3, 30)
        assert drafted.agreement_date.level == "low"

    def test_passive_tier_words_before_the_number(self) -> None:
        """'10% or more ... (or, in the case of a Passive Institutional Investor, 20% or more)'."""
        clause = (
            '"Acquiring Person" shall mean any Person who is the Beneficial Owner of 10% or more '
            "of the Common Shares then outstanding (or, in the case of a Passive Institutional "
            "Investor, 20% or more of the Common Shares then outstanding)."
        )
        drafted = text_facts(AGREEMENT.format(clause=clause))
        assert {
            "agreement.set-threshold=10% or more",
            "agreement.set-passive-tier=20% or more",
        } <= drafted

    def test_expiry_named_after_the_date(self) -> None:
        """'on March 1, 2014 (the "Final Expiration Date")' sets the expiry."""
        clause = (
            "Section 7. (a) The Rights shall be exercisable at any time after the Distribution "
            "Date and prior to the earlier of (i) the Close of Business on March 1, 2014 (the "
            '"Final Expiration Date"), or (ii) the time at which the Rights are redeemed.'
        )
        assert "agreement.set-expiration=2014-03-01" in text_facts(AGREEMENT.format(clause=clause))

    def test_effective_x_the_board_amended(self) -> None:
        """'Effective March 2, 2021, the Board amended the Rights Agreement' dates the amendment."""
        text = (
            "FORM 8-K\nItem 3.03 Material Modification to Rights of Security Holders.\n\n"
            "Effective March 2, 2021, the Board of Directors amended the Rights Agreement, dated "
            "as of March 20, 2020, to reduce the Beneficial Ownership Threshold from 15% to 10%.\n"
        )
        assert {
            "agreement.dated=2020-03-20",
            "amendment[-].executed=2021-03-02",
            "amendment[-].set-threshold=10% or more",
        } <= text_facts(text)

    def test_act_dated_after_the_plan(self) -> None:
        """'entered into a Rights Agreement (...) on X' dates it; 'terminated ... on Y' ends it."""
        adopted = (
            "FORM 8-K\nItem 3.03 Material Modification to Rights of Security Holders.\n\nAcme "
            "Widgets, Inc. (the \u201cCompany\u201d) entered into a Rights Agreement (the "
            "\u201cRights Agreement\u201d) on March 20, 2020 with Example Trust Company, as "
            "rights agent.\n"
        )
        assert "agreement.dated=2020-03-20" in text_facts(adopted)
        ended = (
            "FORM 8-K\nItem 3.03 Material Modification to Rights of Security Holders.\n\nThe "
            "Board of Directors terminated the Rights Agreement on March 20, 2021.\n"
        )
        assert {
            "amendment[-].terminate=plan terminated",
            "amendment[-].executed=2021-03-20",
        } <= text_facts(ended)

    @pytest.mark.parametrize(
        "clause",
        [
            "The Plan is designed to deter any stockholder from obtaining 4.99% or more of the "
            "common stock. Existing holders of 4.99% or more will be grandfathered at their "
            "current ownership levels, but will trigger the Plan if they acquire additional "
            "shares of common stock.",
            "Any Person who is the Beneficial Owner of 4.99% or more of the Common Stock on the "
            "date of the first public announcement shall not be an Acquiring Person unless it "
            "acquires any additional Common Shares.",
        ],
    )
    def test_tax_plan_summary(self, clause: str) -> None:
        """A tax plan's summary: 4.99% or more, and grandfathered holders may buy no more."""
        text = (
            "FORM 8-K\nItem 3.03 Material Modification to Rights of Security Holders.\n\nOn "
            "March 20, 2020, the Board adopted a tax benefits preservation plan (the "
            f"\u201cPlan\u201d). {clause}\n"
        )
        assert {
            "agreement.set-threshold=4.99% or more",
            "agreement.set-grandfathering=no additional share",
        } <= text_facts(text)

    def test_unnumbered_earlier_amendment(self) -> None:
        """'as amended on X' in Amendment No. 2 can only be No. 1: numbered so, with a reason."""
        text = (
            'Exhibit 4.1\nAMENDMENT NO. 2 TO RIGHTS AGREEMENT\nThis Amendment No. 2 ("Amendment '
            'No. 2") to that certain rights agreement, dated as of September 25, 1995, as amended '
            'on June 17, 1998, by and between Acme Widgets, Inc. (the "Company") and Example '
            'Trust Company, as rights agent (as amended, the "Rights Agreement"), is made and '
            "entered into as of this 15th day of August, 2000.\n"
        )
        drafted = draft_filing(parse_filing(text, name="a.txt"))
        first = next(a for a in drafted.amendments if a.number and a.number.value == 1)
        assert first.executed is not None and first.executed.value == pendulum.Date(1998, 6, 17)
        assert first.executed.level == "low"
        assert {"agreement.dated=1995-09-25", "amendment[2].executed=2000-08-15"} <= text_facts(
            text
        )

    @pytest.mark.parametrize(
        "clause",
        [
            '"Exempt Person" shall mean (i) Acme Widgets, Inc., (ii) any Subsidiary of the '
            "Company, (iii) any employee benefit plan of the Company and (iv) Blue Harbor "
            "Capital, L.P.",
            "The Amendment provides that Blue Harbor Capital, L.P. shall be an Exempt Person.",
            "The Amendment designates Blue Harbor Capital, L.P. and its Affiliates as Exempt "
            "Persons under the Rights Agreement.",
        ],
    )
    def test_named_exempt_person(self, clause: str) -> None:
        """A holder named an Exempt Person is drafted as one; the company itself never is."""
        exempt = {
            f.split("=", 1)[1]
            for f in text_facts(AGREEMENT.format(clause=clause))
            if "add-exempt-person" in f
        }
        assert exempt == {"Blue Harbor Capital, L.P. made an Exempt Person"}
