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
        assert isinstance(change.change, rp.SetPassiveTier)
        # "from 15% to 20%": the text does not say whether reaching 20% or exceeding it counts
        assert change.comparison_stated is False and change.change.comparison is None
        percent = change.change.percent
        assert isinstance(percent, rp.UnknownPercent) and percent.at_least == percent.at_most == 20
        assert "20%" in (percent.reason or "")

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
            ("cik-922612/01-10k-note.txt", "amendment[-].executed=2021-01-14"),
        ],
    )
    def test_dates_in_the_forms_filings_use(self, name: str, fact: str) -> None:
        """'the 30th day of July, 1997', 'December 6,1997', 'On X, adopted'..."""
        assert fact in corpus_facts(name)

    @pytest.mark.parametrize(
        "text",
        [
            "NEW YORK, May 4, 2021 -- Acme Corp. (NYSE: ACM) today announced that its Board of "
            "Directors has adopted a stockholder rights plan.\n",
            "EXHIBIT 3\nMarch 24, 1999\nTo Our Stockholders:\nYour Board of Directors today "
            "declared a dividend of Preferred Share\nPurchase Rights.\n",
        ],
    )
    def test_a_release_date_is_not_the_agreements(self, text: str) -> None:
        """A release or letter whose board adopted a plan 'today' states no agreement date."""
        drafted = text_facts(text)
        assert "event=adoption" in drafted
        assert not any(f.startswith("agreement.dated") for f in drafted)

    def test_a_release_stating_the_adoption_date(self) -> None:
        """A release that says 'On X, the Board adopted' dates the plan X."""
        text = (
            "NEW YORK, May 6, 2021 -- Acme Corp. (NYSE: ACM) today announced that on May 4, "
            "2021, its Board of Directors adopted a stockholder rights plan.\n"
        )
        assert "agreement.dated=2021-05-04" in text_facts(text)

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

    def test_recited_amendments_with_their_parties(self) -> None:
        """Earlier amendments recited with title and parties before 'dated' keep their dates."""
        # cti-biopharma/01-ex4-amendment.txt
        text = (
            "This FOURTH AMENDMENT TO SHAREHOLDER RIGHTS AGREEMENT is made and entered into as "
            "of September 22, 2017 (this “Amendment”), between CTI BioPharma Corp., a "
            "Washington corporation, and Computershare Trust Company, N.A. (the “Rights "
            "Agent”). The capitalized terms used herein have the meanings given to them in that "
            "certain Shareholder Rights Agreement, between the Company and the Rights Agent, "
            "dated as of December 28, 2009, as amended by that certain First Amendment to "
            "Shareholder Rights Agreement, between the Company and the Rights Agent, dated "
            "August 31, 2012, as further amended by that certain Second Amendment to "
            "Shareholder Rights Agreement, between the Company and the Rights Agent, dated "
            "December 6, 2012 (as so amended, the “Rights Agreement”).\n"
        )
        drafted = text_facts(text)
        assert {
            "agreement.dated=2009-12-28",
            "amendment[1].executed=2012-08-31",
            "amendment[2].executed=2012-12-06",
            "amendment[4].executed=2017-09-22",
        } <= drafted

    @pytest.mark.parametrize(
        ("text", "fact"),
        [
            (  # crompton-knowles/01-ex4-amendment.txt
                "Exhibit 4.1 AMENDMENT TO RIGHTS AGREEMENT AMENDMENT, dated as of January 20, "
                "1998, to the Rights Agreement, dated as of July 20, 1988, between Crompton & "
                'Knowles Corporation (the "Company"), and Mellon Bank, N.A., as Rights Agent.',
                "amendment[-].executed=1998-01-20",
            ),
            (  # alpha-beta-technology/01-ex4-amendment.txt
                "FIRST AMENDMENT TO\nSHAREHOLDER RIGHTS AGREEMENT\n-------\nAmendment, dated as "
                "of November 13, 1997, to the Shareholder Rights\nAgreement, dated as of February "
                '2, 1995 (the "Rights Agreement"), between Alpha-\nBeta Technology, Inc.\n',
                "amendment[1].executed=1997-11-13",
            ),
        ],
    )
    def test_1990s_preamble_dates_the_amendment(self, text: str, fact: str) -> None:
        """'AMENDMENT, dated as of X, to the Rights Agreement, dated as of Y': the amendment's X."""
        drafted = text_facts(text)
        assert fact in drafted
        assert "agreement.dated=" + fact.split("=")[1] not in drafted

    def test_amendment_with_a_blank_date_takes_no_other_s(self) -> None:
        """'executed this September __, 2010 ... Agreement dated X': X is not the amendment's."""
        # altair-international/02-ex4-amendment.txt
        text = (
            "AMENDMENT NO. 2\nto\nAMENDED AND RESTATED SHAREHOLDER RIGHTS PLAN AGREEMENT\nTHIS "
            "AMENDMENT NO. 2 TO AMENDED AND RESTATED SHAREHOLDER RIGHTS PLAN AGREEMENT (this "
            "“Amendment”) is executed this September __, 2010 pursuant to Article 5.4(a) of "
            "that certain Amended and Restated Shareholder Rights Plan Agreement dated October "
            "15, 1999, by and between Altair Nanotechnologies, Inc. (the “Company”) and Equity "
            "Transfer Services Inc. (the “Rights Agent”), as amended by Amendment no. 1 dated "
            "October 6, 2008 (as so amended, the “Shareholder Rights Plan”).\n"
        )
        assert not any(f.startswith("amendment[2].executed=") for f in text_facts(text))

    def test_canadian_plan_agreement_title(self) -> None:
        """'SHAREHOLDER RIGHTS PLAN AGREEMENT Dated as of X' (one noun) dates the agreement."""
        # gtr-group/01-ex-agreement.txt
        text = (
            "GTR GROUP INC. and MONTREAL TRUST COMPANY OF CANADA as Rights Agent SHAREHOLDER "
            "RIGHTS PLAN AGREEMENT Dated as of May 26, 2000\nExhibit 2.1\n"
        )
        assert "agreement.dated=2000-05-26" in text_facts(text)

    def test_restated_title_dates_the_restatement(self) -> None:
        """A restated title's date is the restatement's; the agreement it restates keeps its."""
        # olympus-pacific-minerals/01-ex99-agreement.txt, mds/01-ex4-agreement.txt
        text = (
            "AMENDED AND RESTATED SHAREHOLDER PROTECTION RIGHTS AGREEMENT Dated as of March 12, "
            "2009 BETWEEN MDS INC. - and - CIBC MELLON TRUST COMPANY as Rights Agent (amending "
            "and restating the Amended and Restated Shareholder Protection Rights Agreement "
            "dated as of March 9, 2006)\n"
        )
        drafted = text_facts(text)
        assert "agreement.dated=2009-03-12" not in drafted
        assert "agreement.dated=2006-03-09" in drafted

    def test_was_amended_by_a_first_amendment_on(self) -> None:
        """'On X, the Original Agreement was amended by a first amendment' dates amendment 1."""
        # hopto/02-ex4-amendment.txt
        text = (
            "SECOND AMENDMENT TO RIGHTS AGREEMENT\nWHEREAS, the Company and the Rights Agent "
            "entered into a Rights Agreement, dated as of February 16, 2018 (the “Original "
            "Agreement”).\nWHEREAS, on November 18, 2018, the Original Agreement was amended by "
            "a first amendment (the “First Amendment”).\n"
        )
        assert "amendment[1].executed=2018-11-18" in text_facts(text)

    def test_date_after_the_plan_title_is_the_plan_s(self) -> None:
        """'No. 5 ... to the rights agreement, dated as of X, as amended': X is the plan's."""
        # capstone-turbine/03-10k-note.txt
        text = (
            "Capstone also entered into Amendment No. 5 (the “Amendment”) to the rights "
            "agreement, dated as of July 7, 2005, as amended (the “Original Rights Agreement”), "
            "between the Company and Computershare Inc.\n"
        )
        assert "amendment[5].executed=2005-07-07" not in text_facts(text)

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
        assert "agreement.dated=2016-05-06" not in text_facts(text)

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

    def test_grandfathered_level_lends_no_comparison(self) -> None:
        """A grandfathered holders' 'five percent or more' gives no comparison to a bare '5%'."""
        # cik-1406587/01-10q-note.txt
        text = (
            "Tax Benefits Preservation Plan\nRights will be exercisable only if someone becomes "
            "a five-percent stockholder after adoption of the Plan without meeting certain "
            "customary exceptions. Stockholders owning five percent or more of our outstanding "
            "stock at the time of adoption of the Plan are grandfathered and will cause Rights "
            "to be distributed and become exercisable only if they acquire an additional one "
            "percent of our outstanding shares.\n"
        )
        drafted = text_facts(text)
        assert not any(".set-threshold=" in f for f in drafted)
        assert "agreement.set-grandfathering=1% or more" in drafted

    def test_grandfathering_more_than_an_additional(self) -> None:
        """'more than an additional 1%': the comparison follows the words, "more than"."""
        text = (
            "Tax Benefits Preservation Plan\nThe plan discourages any person from acquiring "
            "enough shares to\nconstitute 5% or more of the common stock. The plan also "
            "discourages preexisting 5% holders of\ncommon stock from acquiring additional "
            "shares representing more\nthan an additional 1%.\n"
        )
        drafted = text_facts(text)
        assert "agreement.set-grandfathering=more than 1%" in drafted
        assert "agreement.set-grandfathering=1% or more" not in drafted

    def test_grandfathered_holder_s_level_is_no_threshold(self) -> None:
        """'a person who was the beneficial owner of 20 percent ... an additional 1 percent'."""
        # maple-leaf-foods/01-press-release.txt
        text = (
            "Maple Leaf Foods board amends shareholder rights plan\nThe definition of "
            '"Acquiring Person" has been revised to enable a person who was the beneficial '
            "owner of 20 percent or more of the common shares at the time the plan was "
            "implemented to acquire an additional 1 percent of the company's shares without "
            "triggering the rights plan.\n"
        )
        assert not any(".set-threshold=20%" in f for f in text_facts(text))

    def test_who_acquires_is_no_threshold(self) -> None:
        """'deterring ... acquisitions ... by persons or groups beneficially owning 5% or more'."""
        # cik-749935/01-10k-note.txt
        text = (
            "382 Rights Agreement\nThe purpose of the 382 Rights Agreement is to help protect "
            "the Company's net operating loss tax asset by deterring certain acquisitions of "
            "Company stock by persons or groups beneficially owning 5% or more of the Company's "
            "outstanding stock.\n"
        )
        assert not any(".set-threshold=" in f for f in text_facts(text))

    def test_acquiring_is_a_threshold(self) -> None:
        """'deter any person from acquiring 4.99% or more' still states the threshold."""
        text = (
            "Tax Benefits Preservation Plan\nThe Plan is intended to deter any person from "
            "acquiring beneficial ownership of 4.99% or more of the Company's common stock.\n"
        )
        assert "agreement.set-threshold=4.99% or more" in text_facts(text)

    def test_named_item_of_a_shall_not_include_list(self) -> None:
        """'shall not include (i) the Company, ... or (v) Dr. Richard B. Mazess': exempt."""
        # bone-care-international/01-ex4-amendment.txt
        text = (
            "FIRST AMENDMENT TO RIGHTS AGREEMENT\n1. Section 1(a) of the Rights Agreement is "
            "hereby amended by deleting such Section in its entirety and by adding the following "
            'in lieu thereof: "(a) "Acquiring Person" shall mean any Person who or which, '
            "together with all Affiliates and Associates of such Person, shall be the Beneficial "
            "Owner of 20% or more of the shares of Common Stock of the Company then outstanding, "
            "but shall not include (i) the Company, (ii) any Subsidiary of the Company, (iii) "
            "any employee benefit plan of the Company, or (v) Dr. Richard B. Mazess, any "
            "Affiliate of Dr. Richard B. Mazess (the Persons in clauses (i) through (v) being "
            'hereinafter collectively called "Exempt Persons").\n'
        )
        drafted = text_facts(text)
        exempt = {f.split("=", 1)[1] for f in drafted if ".add-exempt-person=" in f}
        assert exempt == {"Dr. Richard B. Mazess made an Exempt Person"}

    def test_in_no_event_caps_a_defined_holder(self) -> None:
        """'in no event shall any purchaser (each, a "Purchaser") ... in excess of 15%': a cap."""
        # isoray/02-ex4-amendment.txt
        text = (
            "EIGHTH AMENDMENT TO RIGHTS AGREEMENT\nSection 1(a) of the Rights Agreement is "
            "hereby amended by adding the following at the end thereof:\n“Notwithstanding "
            "anything herein to the contrary, in no event shall any purchaser of common stock "
            "pursuant to those certain Securities Purchase Agreements dated July 9, 2018, "
            "between the Company and the respective “Purchasers” named therein (each, a "
            "“Purchaser”) or any of such Purchaser’s Affiliates and Associates be considered an "
            "Acquiring Person unless and until the Purchaser together with such Purchaser’s "
            "Affiliates and Associates has become the Beneficial Owner of in excess of 15% of "
            'the voting power of the Voting Capital Stock then outstanding."\n'
        )
        drafted = text_facts(text)
        assert any(f.endswith(".add-exception=Purchaser: more than 15%") for f in drafted)
        assert not any(".set-threshold=" in f for f in drafted)

    def test_named_tier_in_a_later_parenthesis(self) -> None:
        """'15% or more of the Common Stock (or with respect to X, 20% or more)': X's tier."""
        # pain-therapeutics/01-summary-clause.txt
        text = (
            "Summary of the Rights Agreement\nThe Rights may be redeemed at any time prior to "
            "the fifth day "
            "after public announcement that a Person has acquired beneficial ownership of 15% "
            "or more of the Company’s Common Stock (or with respect to Eastborne, 20% or more) "
            "(the “Shares Acquisition Date”).\n"
        )
        drafted = text_facts(text)
        assert "agreement.add-exception=Eastborne: 20% or more" in drafted
        assert "agreement.set-threshold=20% or more" not in drafted

    @pytest.mark.parametrize(
        ("text", "threshold"),
        [
            (  # carparts-com/02-press-release.txt
                "The Rights will generally become exercisable only if a person or group "
                "acquires beneficial ownership of 4.99% or more of the Company's common stock, or "
                "if a person or group that already owns 4.99% or more of the Company's common "
                "stock acquires additional shares.",
                "4.99% or more",
            ),
            (  # cik-1178711/01-10q-note.txt
                "The rights plan is intended to deter any person from acquiring 4.99 percent or "
                "more of the Company's stock; any existing 4.99 percent or greater stockholder "
                "that acquires beneficial ownership of any additional shares of the Company's "
                "securities without the approval of the Board of Directors would also be "
                "subject to dilution under the rights plan.",
                "4.99% or more",
            ),
            (  # j-c-penney/02-press-release.txt
                "Under the plan, these rights will generally be exercisable only if a person "
                'becomes an "acquiring person" by (i) acquiring beneficial ownership of 10% or '
                "more of the Company's common stock or, in the case of any person that "
                "beneficially owns 10% or more of the Company's outstanding common stock, upon "
                "the acquisition of additional shares by such person.",
                "10% or more",
            ),
        ],
    )
    def test_no_additional_shares_as_releases_word_it(self, text: str, threshold: str) -> None:
        """Holders over the line when the plan comes may buy no additional shares: grandfathered."""
        drafted = text_facts("Stockholder Rights Plan\n" + text + "\n")
        assert "agreement.set-grandfathering=no additional share" in drafted
        assert {f for f in drafted if ".set-threshold=" in f} == {
            f"agreement.set-threshold={threshold}"
        }

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
        assert "amendment[1].set-threshold=20% (comparison not stated)" in drafted
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

    def test_replaced_named_expiry_phrase(self) -> None:
        """A replaced phrase that names the Final Expiration Date: the one after "with" is new."""
        text = (
            "Exhibit 4.1\nAMENDMENT NO. 1 TO RIGHTS AGREEMENT\nThis Amendment No. 1 to Rights "
            "Agreement (this \u201cAmendment\u201d) is entered into as of May 1, 2006, by and "
            "between Acme Widgets, Inc. (the \u201cCompany\u201d) and Example Trust Company (the "
            "\u201cRights Agent\u201d).\n1. Section 7(a) of the Rights Agreement is hereby "
            "amended to replace the phrase \u201cJune 30, 2006 (\u201cFinal Expiration "
            "Date\u201d)\u201d with the phrase \u201cJune 30, 2011 (\u201cFinal Expiration "
            "Date\u201d)\u201d.\n"
        )
        drafted = text_facts(text)
        assert "amendment[1].set-expiration=2011-06-30" in drafted
        assert not any("2006-06-30" in f for f in drafted)

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
            "amendment[-].set-threshold=10% (comparison not stated)",
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
        """'as amended on X' in Amendment No. 2: an earlier amendment, left unnumbered."""
        text = (
            'Exhibit 4.1\nAMENDMENT NO. 2 TO RIGHTS AGREEMENT\nThis Amendment No. 2 ("Amendment '
            'No. 2") to that certain rights agreement, dated as of September 25, 1995, as amended '
            'on June 17, 1998, by and between Acme Widgets, Inc. (the "Company") and Example '
            'Trust Company, as rights agent (as amended, the "Rights Agreement"), is made and '
            "entered into as of this 15th day of August, 2000.\n"
        )
        drafted = draft_filing(parse_filing(text, name="a.txt"))
        first = next(a for a in drafted.amendments if a.number is None)
        assert first.executed is not None and first.executed.value == pendulum.Date(1998, 6, 17)
        assert not first.current
        assert {
            "agreement.dated=1995-09-25",
            "amendment[-].executed=1998-06-17",
            "amendment[2].executed=2000-08-15",
        } <= text_facts(text)
        # the text does not number it: counting back from No. 2 is an inference
        assert not any(f.startswith("amendment[1]") for f in text_facts(text))

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


class TestOperativeInstructions:
    """An amendment's instructions and the new words after them (short cases from the corpus)."""

    def test_report_of_a_revised_definition(self) -> None:
        """'The Amendment revised the definition of beneficial ownership to mean ...': other."""
        text = (
            "DENVER, Sept. 24, 2009 - Acme Homes, Inc. (NYSE: ACM) today announced it has "
            "entered into a second amendment to its Rights Agreement.\nThe Rights Amendment "
            "revised the definition of beneficial ownership to mean securities which such person "
            "directly owns.\n"
        )
        assert "amendment[2].other-change" in text_facts(text)

    def test_report_of_a_definition_changed_in_the_passive(self) -> None:
        """'The definition of "Exempt Acquisition" has been changed to cap ...': other change."""
        text = (
            "TORONTO - Acme Foods' board of directors has amended the shareholders' rights plan "
            'adopted on July 28.\nThe definition of "Exempt Acquisition" has been changed to '
            "cap the number of shares that can be issued to grandfathered persons.\n"
        )
        assert "amendment[-].other-change" in text_facts(text)

    def test_report_of_a_revised_modelled_definition(self) -> None:
        """A revised "Acquiring Person" definition, its words unread, drafts no other change."""
        text = (
            "DENVER, Sept. 24, 2009 - Acme Homes, Inc. (NYSE: ACM) today announced it has "
            "entered into a second amendment to its Rights Agreement.\nThe Rights Amendment "
            "revised the definition of Acquiring Person to exclude certain persons.\n"
        )
        assert "amendment[2].other-change" not in text_facts(text)

    def test_words_added_beside_a_modelled_term_cut_off(self) -> None:
        """'Section 1 ... is hereby amended by adding the following definition:', cut: other."""
        text = (
            "AMENDMENT NO. 2 TO RIGHTS AGREEMENT\nThis Amendment No. 2, dated as of May 2, 2001, "
            "amends the Rights Agreement.\n2. Section 1 of the Rights Agreement is hereby amended "
            "by adding the following definition thereto:\n"
        )
        assert "amendment[2].other-change" in text_facts(text)

    def test_modelled_term_restated_cut_off_is_an_other_change(self) -> None:
        """A cut-off restatement of "Exempt Person": the instruction changed it, an other change.

        (Round 9: seven development gold files record such an instruction as an other change,
        two leave it out.)
        """
        text = (
            "AMENDMENT NO. 2 TO RIGHTS AGREEMENT\nThis Amendment No. 2, dated as of May 2, 2001, "
            "amends the Rights Agreement.\n2. The definition of \u201cExempt Person\u201d in "
            "Section 1 of the Plan is hereby amended to read in its entirety as follows:\n"
        )
        assert "amendment[2].other-change" in text_facts(text)

    def test_shall_be_amended_as_follows(self) -> None:
        """'Section 7(a) ... shall be amended and restated in its entirety as follows:'."""
        text = (
            "AMENDMENT NO. 2 TO RIGHTS AGREEMENT\nThis Amendment No. 2, dated as of May 2, 2001, "
            "amends the Rights Agreement.\n1. Section 7(a) of the Rights Agreement shall be "
            "amended and restated in its entirety as follows:\n"
        )
        assert "amendment[2].other-change" in text_facts(text)

    AMENDMENT_4 = (
        "Exhibit 4\n\nAMENDMENT No. 4\nto the\nLIMESTONE BANCORP, INC.\nTAX BENEFITS "
        "PRESERVATION PLAN\n\nThis is Amendment No. 4 (this \u201cAmendment\u201d) dated as of "
        "May 19, 2021, to the TAX BENEFITS PRESERVATION PLAN dated as of June 25, 2015 (the "
        "\u201cPlan\u201d), between Limestone Bancorp, Inc. (the \u201cCompany\u201d), and "
        "American Stock Transfer & Trust Company, LLC, as Rights Agent, as amended by Amendment "
        "No. 1 thereto dated August 5, 2015, Amendment No. 2 thereto dated May 23, 2018, and "
        "Amendment No. 3 thereto dated November 25, 2019 (as so amended, the \u201cPlan\u201d).\n\n"
        "{instruction}\n\nIN WITNESS WHEREOF, the parties hereto have caused this Amendment No. 4 "
        "to be duly executed.\n"
    )

    def test_new_words_set_the_instruments_terms(self) -> None:
        """A definition given as new words is the amendment's; its date said again is no other."""
        instruction = (
            "The definition of \u201cFinal Expiration Date\u201d in Section 1 of the Plan is "
            "hereby amended to read in its entirety as follows:\n\nFinal Expiration Date\u201d "
            "means June 30, 2024.\u201d\n\nAll references in the Plan to \u201cJune 30, 2021\u201d "
            "are hereby amended and replaced with \u201cJune 30, 2024.\u201d"
        )
        drafted = text_facts(self.AMENDMENT_4.format(instruction=instruction))
        assert "amendment[4].set-expiration=2024-06-30" in drafted
        assert not any(f.startswith("agreement.set-expiration") for f in drafted)
        assert "amendment[4].other-change" not in drafted

    def test_recited_amendments_and_their_dates(self) -> None:
        """'as amended by Amendment No. 1 thereto dated X': each earlier amendment and its date."""
        drafted = text_facts(self.AMENDMENT_4.format(instruction=""))
        assert {
            "agreement.dated=2015-06-25",
            "amendment[1].executed=2015-08-05",
            "amendment[2].executed=2018-05-23",
            "amendment[3].executed=2019-11-25",
            "amendment[4].executed=2021-05-19",
        } <= drafted

    def test_this_is_amendment_dated_and_effective(self) -> None:
        """An amendment 'is dated and effective as of X'; the plan 'originally dated as of Y'."""
        text = (
            "AMENDMENT No. 3\nto the\nACME BANCORP, INC.\nTAX BENEFITS PRESERVATION PLAN\nThis is "
            "Amendment No. 3 to the Acme Bancorp, Inc. Tax Benefits Preservation Plan (this "
            "\u201cAmendment\u201d) between Acme Bancorp, Inc. and Example Trust Company, as "
            "Rights Agent, is dated and effective as of November 25, 2019.\nWHEREAS, the "
            "Company and the Rights Agent are parties to a Tax Benefits Preservation Plan, "
            "originally dated as of June 25, 2015, as amended by Amendment No. 1 thereto dated "
            "August 5, 2015 (the \u201cPlan\u201d),\n"
        )
        assert {
            "agreement.dated=2015-06-25",
            "amendment[1].executed=2015-08-05",
            "amendment[3].executed=2019-11-25",
        } <= text_facts(text)

    @pytest.mark.parametrize(
        ("instruction", "other"),
        [
            # New words the reader models nothing of: an other change.
            (
                "The definition of \u201cExpiration Date\u201d in Section 1 of the Plan is hereby "
                "amended to read in its entirety as follows:\n\nExpiration Date\u201d means the "
                "earliest of (i) the Final Expiration Date and (ii) the time at which all Rights "
                "are redeemed.",
                True,
            ),
            # Cut off, but the part of the plan is named: an other change (ecc-international).
            (
                "1. The WHEREAS clause of the Rights Agreement is hereby amended and restated to "
                "read in its entirety as follows:",
                True,
            ),
            # Cut off, and Section 1 holds the definitions the reader models: still a part of
            # the plan changed, an other change (round 9).
            (
                "1. Section 1 of the Rights Agreement is hereby amended by deleting paragraph (a) "
                "thereof and replacing it in its entirety with the following:",
                True,
            ),
        ],
    )
    def test_instruction_without_modelled_words(self, instruction: str, other: bool) -> None:
        """An instruction drafts an other change when nothing modelled is read from it."""
        text = (
            "AMENDMENT NO. 1 TO RIGHTS AGREEMENT\nThis Amendment No. 1 (this "
            "\u201cAmendment\u201d) to the Rights Agreement dated as of June 25, 1997 is "
            f"entered into as of July 30, 1997.\n{instruction}\n"
        )
        drafted = text_facts(text)
        assert ("amendment[1].other-change" in drafted) is other

    def test_registration_items_are_not_the_plan(self) -> None:
        """'Items 1 and 2 of the Form 8-A ... are hereby further amended ... as follows:'."""
        text = (
            "FORM 8-A/A\nAmendment No. 2\nClass A Stock Purchase Rights\n\nItems 1 and 2 of the "
            "Form 8-A Registration Statement concerning the Class A Stock Purchase Rights of the "
            "registrant, as heretofore amended, are hereby further amended to read in their "
            "entirety as follows:\n"
        )
        assert not any("other-change" in f for f in text_facts(text))


class TestNamedPartiesAndAgents:
    def test_parties_excluded_one_by_one(self) -> None:
        """'neither Newco, Xxxxx nor any Affiliate ... shall be deemed to be an Acquiring ...'."""
        text = (
            "AMENDMENT NO. 1 TO RIGHTS AGREEMENT\nThis AMENDMENT NO. 1, dated as of May 7, 2000, "
            'is between The Geon Company, a Delaware corporation (the "Corporation") and The Bank '
            'of New York ,\nas Rights Agent (the "Rights Agent").\nWHEREAS, The M.A. Xxxxx '
            'Company, a Delaware corporation ("Xxxxx"), and the Corporation propose to enter into '
            "an Agreement and Plan of Consolidation, pursuant to which Xxxxx, the Corporation and "
            'a to-be-formed Ohio corporation ("Newco") will consolidate; and\n1. Section 1(a) of '
            "the Rights Agreement is amended to add the following sentence at the end of such "
            'Section:\n"Notwithstanding anything in this Rights Agreement to the contrary, '
            "neither Newco, Xxxxx nor any Affiliate of either Newco or Xxxxx shall be deemed to "
            'be an Acquiring Person by virtue of the consummation of the Consolidation."\n'
        )
        drafted = text_facts(text)
        assert {
            "agreement.rights_agent=The Bank of New York",
            "amendment[1].add-exempt-person=Newco made an Exempt Person",
            "amendment[1].add-exempt-person=The M.A. Xxxxx Company made an Exempt Person",
        } <= drafted
        assert not any("other-change" in f for f in drafted)

    def test_successor_appointed_in_the_passive(self) -> None:
        """'Computershare is being appointed as the successor Rights Agent': its full name."""
        # unnamed-lawinsider-ffbiypzbnyg/02-ex4-amendment.txt
        text = (
            "SECOND AMENDMENT TO RIGHTS AGREEMENT\nThis SECOND AMENDMENT TO RIGHTS AGREEMENT "
            'effective as of August 22, 2006 (the "Amendment") is between Acme Inc. (the '
            '"Corporation"), and Computershare Investor Services, LLC, a Delaware limited '
            'liability\ncompany ("Computershare").\nWHEREAS, the Corporation has given notice '
            "that it is being removed as Rights Agent and Computershare is being appointed as "
            "the successor Rights Agent under the Rights Agreement; and\n"
        )
        assert (
            "amendment[2].appoint-rights-agent=Computershare Investor Services, LLC"
            in text_facts(text)
        )

    def test_agent_on_a_title_page(self) -> None:
        """The parties a paragraph each, blank lines between: the agent is read all the same."""
        text = (
            "Exhibit 99.1\n\n    RENAISSANCE WORLDWIDE, INC.\n\n            and\n\n    Fleet "
            "National Bank\n\n    as Rights Agent\n\n\n    Rights Agreement\n\n    Dated as of "
            "June 13, 2000\n"
        )
        assert {
            "agreement.rights_agent=Fleet National Bank",
            "agreement.dated=2000-06-13",
            "event=adoption",
        } <= text_facts(text)

    def test_a_name_never_runs_across_a_blank_line(self) -> None:
        """'RAMP CORPORATION' / '' / 'and' / '' / 'COMPUTERSHARE ...': two parties."""
        text = (
            "RAMP CORPORATION\n\nand\n\nCOMPUTERSHARE TRUST COMPANY, INC.,\nas Rights Agent\n\n"
            "RIGHTS AGREEMENT\n\nDated as of May 27, 2004\n"
        )
        agents = [f for f in text_facts(text) if f.startswith("agreement.rights_agent=")]
        assert agents == ["agreement.rights_agent=Computershare Trust Company, Inc."]

    def test_two_parties_run_together_are_split(self) -> None:
        """'By and Between X Corporation and Y LLC, as Rights Agent': the agent is Y alone."""
        text = (
            "Rights Agreement Dated as of May 1, 2007, By and Between Acme Widgets Corporation "
            "and Example Transfer Services LLC, as Rights Agent\n"
        )
        agents = [f for f in text_facts(text) if f.startswith("agreement.rights_agent=")]
        assert agents == ["agreement.rights_agent=Example Transfer Services LLC"]

    def test_successor_to_names_the_predecessor(self) -> None:
        """'X, successor to Mellon Bank N.A., as Rights Agent': the agent is X."""
        text = (
            'AMENDMENT NO. 2\nTO\nRIGHTS AGREEMENT\nThis AMENDMENT NO. 2 (the "Amendment") to '
            'the Rights Agreement (the\n"Rights Agreement") dated as of August 27, 1996, as '
            'amended, between ECC International Corp., a Delaware corporation (the "Company"), '
            "and ChaseMellon\nShareholder Services, L.L.C., successor to Mellon Bank N.A., as "
            'Rights Agent\n(the "Rights Agent"), is entered into as of the 12th day of March, '
            "1999.\n"
        )
        assert {
            "agreement.rights_agent=ChaseMellon Shareholder Services, L.L.C.",
            "agreement.dated=1996-08-27",
            "amendment[2].executed=1999-03-12",
        } <= text_facts(text)

    def test_words_of_a_name_in_capitals(self) -> None:
        """A word the text writes in ordinary case elsewhere is written so ("New", not "NEW")."""
        text = (
            "AMENDMENT NO. 1 TO RIGHTS AGREEMENT\nThis Amendment No. 1 is between Acme Corp. and "
            "FIRST CHICAGO TRUST COMPANY OF NEW YORK, as Rights Agent.\nThis Amendment shall be "
            "governed by the laws of the State of New York.\n"
        )
        assert "agreement.rights_agent=First Chicago Trust Company of New York" in text_facts(text)

    def test_resigning_and_successor_agents_by_their_defined_parts(self) -> None:
        """The "Resigning Rights Agent" is the agreement's; the "Successor" is appointed."""
        text = (
            "AMENDMENT TO RIGHTS AGREEMENT\nThis Amendment, dated as of May 2, 2001, is among "
            'Acme Inc. (the "Company"), Old River Trust Company (the "Resigning Rights Agent") '
            'and New Harbor Bank, a Delaware bank (the "Successor Rights Agent"), and amends the '
            "Rights Agreement dated as of March 3, 1990.\nB. The Company intends to appoint the "
            "Successor Rights Agent to succeed the Resigning Rights Agent as Rights Agent.\n"
        )
        drafted = text_facts(text)
        assert "agreement.rights_agent=Old River Trust Company" in drafted
        assert any(f.endswith("appoint-rights-agent=New Harbor Bank") for f in drafted)

    def test_successor_agent_alone_is_the_agent(self) -> None:
        """Without a resigning agent, the one defined as "Successor Rights Agent" is the agent."""
        text = (
            "AMENDMENT TO RIGHTS AGREEMENT\nThis Amendment, dated as of May 2, 2001, to the "
            'Rights Agreement between Acme Inc. (the "Company") and New Harbor Bank, a Delaware '
            'bank (the "Successor Rights Agent").\n'
        )
        drafted = text_facts(text)
        assert "agreement.rights_agent=New Harbor Bank" in drafted
        assert not any("appoint-rights-agent" in f for f in drafted)

    def test_parties_recital_names_the_successor_serving(self) -> None:
        """A recital that the Company and X (as successor to Y) are parties names X the agent."""
        text = (
            "FIRST AMENDMENT TO RIGHTS AGREEMENT\nThis First Amendment, dated as of May 2, 2001, "
            'is among River Bank ("River"), Acme Inc. (the "Company") and Harbor Bank '
            '("Harbor").\nWHEREAS, the Company and River (as successor to Lake Trust Company) '
            "are parties to that certain Rights Agreement, dated as of March 3, 1990;\n"
            "WHEREAS, the Company desires to appoint Harbor as a successor Rights Agent.\n"
        )
        drafted = text_facts(text)
        assert "agreement.rights_agent=River Bank" in drafted
        assert "agreement.rights_agent=Lake Trust Company" not in drafted
        assert "amendment[1].appoint-rights-agent=Harbor Bank" in drafted

    def test_predecessor_to_the_rights_agent_is_history(self) -> None:
        """An agreement executed with "the predecessor to the Rights Agent" names no agent."""
        text = (
            "AMENDMENT NO. 1 TO RIGHTS AGREEMENT\nTHIS AMENDMENT is made as of June 4, 2003, by "
            'and between Acme Inc. (the "Company"), and Harbor Investor Services LLC, a New '
            'Jersey corporation (the "Rights Agent").\nWHEREAS, the Company and River '
            "Shareholder Services, L.L.C., the predecessor to the Rights Agent, executed a "
            "Rights Agreement, dated as of August 4, 2000;\n"
        )
        drafted = text_facts(text)
        assert "agreement.rights_agent=Harbor Investor Services LLC" in drafted
        assert "agreement.rights_agent=River Shareholder Services, L.L.C." not in drafted

    def test_short_name_of_the_party_recited_is_read_in_full(self) -> None:
        """A short name in a recital of the parties is read as the full name it stands for."""
        text = (
            "AMENDMENT NO. 1 TO RIGHTS AGREEMENT\nThis Amendment No. 1, dated as of May 2, 2001, "
            'by and among Acme Corp. (the "Corporation"), Lake Trust Company, a New York '
            'corporation ("Lake"), and Harbor Bank, N.A., a national association ("Harbor").\n'
            "WHEREAS, the Corporation and Lake are currently parties to the Rights Agreement;\n"
            "WHEREAS, the Corporation intends to appoint Harbor to succeed Lake as Rights Agent;\n"
        )
        drafted = text_facts(text)
        assert "agreement.rights_agent=Lake Trust Company" in drafted
        assert "amendment[1].appoint-rights-agent=Harbor Bank, N.A." in drafted

    def test_agent_named_the_rights_agent_under_the_agreement(self) -> None:
        """The agent an agreement "named the "Rights Agent"" is the agreement's agent."""
        text = (
            "FIRST AMENDMENT TO RIGHTS AGREEMENT\nThis First Amendment effective as of May 2, "
            '2001 is between Acme Inc. (the "Corporation") and Harbor Bank ("Harbor").\n'
            "WHEREAS, the Corporation and River Bank entered into a Rights Agreement, dated as "
            'of March 3, 1990, under which Lake Trust Company was named the "Rights Agent"; and\n'
        )
        assert "agreement.rights_agent=Lake Trust Company" in text_facts(text)

    def test_agent_named_under_an_earlier_amendment(self) -> None:
        """'entered into a First Amendment ..., under which X was named the "Rights Agent"'."""
        text = (
            "SECOND AMENDMENT TO RIGHTS AGREEMENT\nThis Second Amendment effective as of August "
            '22, 2006 is between Acme Inc. (the "Corporation") and River Bank.\nWHEREAS, the '
            "Corporation and Lake Trust Company entered into a Rights Agreement, dated as of "
            'August 6, 1998, under which Lake Trust Company was named the "Rights Agent"; and\n'
            "WHEREAS, the Corporation and Harbor Bank entered into a First Amendment to Rights "
            'Agreement, dated as of September 29, 2003 (the "First Amendment"), under which '
            'Harbor Bank was named the "Rights Agent"; and\n'
        )
        drafted = text_facts(text)
        assert "agreement.rights_agent=Lake Trust Company" in drafted
        assert "amendment[1].appoint-rights-agent=Harbor Bank" in drafted

    def test_agent_with_a_nested_parenthesis(self) -> None:
        """A party "(as successor to X (formerly known as Y))" before "(the "Rights Agent")"."""
        text = (
            "On May 2, 2001, the Board approved an amendment to the Rights Agreement, dated as "
            "of March 3, 1990, between the Company and Harbor Bank Lakeside, N. A. (as successor "
            'to Lake Trust Company (formerly known as River Trust Company)) (the "Rights '
            'Agent").\n'
        )
        assert "agreement.rights_agent=Harbor Bank Lakeside, N. A." in text_facts(text)

    def test_successor_defined_as_the_rights_agent_is_the_agent(self) -> None:
        """'and X, as successor Rights Agent (the "Rights Agent")': the agent, no appointment."""
        text = (
            "AMENDMENT NO. 2 dated as of October 6, 1999, to the Rights Agreement dated as of "
            'October 6, 1989, between Acme Industries, Inc. (the "Company"), and Harbor Bank, '
            'as successor Rights Agent (the "Rights Agent").\n'
        )
        drafted = text_facts(text)
        assert "agreement.rights_agent=Harbor Bank" in drafted
        assert not any("appoint-rights-agent" in f for f in drafted)

    def test_headings_are_no_agents(self) -> None:
        """'Appointment of Successor Rights Agent', 'Plan with Offer Exception': no agent."""
        text = (
            "Acme Adopts Shareholder Rights Plan with Qualifying Offer Exception\nRe: Appointment "
            "of Successor Rights Agent\nThe Board of Acme Inc. adopted a rights plan today.\n"
        )
        assert not any(f.startswith("agreement.rights_agent=") for f in text_facts(text))

    def test_capitals_spoken_as_words_and_hyphened_words(self) -> None:
        """A name only in capitals: "BAY", "AID" read as words, each hyphened part capitalised."""
        text = (
            "AMENDMENT NO. 1 TO RIGHTS AGREEMENT\nThis Amendment No. 1 is between HILL-DALE BAY "
            'AID CORP., a Delaware corporation (the "Company"), and Lake Trust Company, as '
            "Rights Agent.\n"
        )
        assert "company=Hill-Dale Bay Aid Corp." in text_facts(text)

    def test_initials_stay_in_capitals(self) -> None:
        """Three capitals with at most one vowel are initials: "CTI", "MDS" stay as written."""
        text = (
            "AMENDMENT NO. 1 TO RIGHTS AGREEMENT\nThis Amendment No. 1 is between CTI MDS "
            'HOLDINGS, INC., a Delaware corporation (the "Company"), and Lake Trust Company, as '
            "Rights Agent.\n"
        )
        assert "company=CTI MDS Holdings, Inc." in text_facts(text)


class TestReleaseOwnershipThreshold:
    def test_stock_ownership_threshold_in_a_release(self) -> None:
        """'provides for a 20% stock ownership threshold': 20%, its comparison not stated."""
        # biospecifics-technologies/01-press-release.txt
        text = (
            "Acme Inc. Adopts Rights Plan\nOn April 9, 2020, the Board of Directors of Acme "
            "Inc. adopted a stockholder rights plan. The rights plan provides for a 20% stock "
            "ownership threshold at which rights under the plan may become exercisable.\n"
        )
        assert "agreement.set-threshold=20% (comparison not stated)" in text_facts(text)

    def test_threshold_changed_from_is_not_the_plans(self) -> None:
        """'lowered from the 20% ownership threshold': an old value, never drafted."""
        text = (
            "Acme Inc. Adopts Rights Plan\nOn April 9, 2020, the Board of Directors of Acme "
            "Inc. adopted a stockholder rights plan, lowered from the 20% ownership threshold "
            "of its earlier plan.\n"
        )
        assert not any("set-threshold=20%" in f for f in text_facts(text))


class TestSuccessorToACityNamedPredecessor:
    def test_successor_to_a_predecessor_with_its_city_is_serving(self) -> None:
        """'X, as successor Rights Agent to Y Bank, Atlanta (the "Rights Agent")': X serves."""
        # j-alexanders/01-ex4-amendment.txt
        text = (
            "AMENDMENT TO RIGHTS AGREEMENT\nTHIS AMENDMENT is made effective as of April 28, "
            '2009, between Acme Corporation, a Tennessee corporation (the "Company"), and Beta '
            "Trust Company, N.A., as successor Rights Agent to Gamma Bank, Atlanta (the "
            '"Rights Agent").\n1. Section 7(a) is hereby amended.\n'
        )
        drafted = text_facts(text)
        assert "agreement.rights_agent=Beta Trust Company, N.A." in drafted
        assert not any("appoint-rights-agent" in f for f in drafted)


class TestRedactedAgent:
    def test_redacted_rights_agent_is_not_drafted(self) -> None:
        """'Xxxxxx Trust and Savings Bank, as Rights Agent': a redacted name, no agent fact."""
        # pathogenesis/01-ex4-amendment.txt
        text = (
            "AMENDMENT NO. 1 TO RIGHTS AGREEMENT\nThis Amendment No. 1, dated as of May 2, "
            '1999, is between Acme Corporation, a Washington corporation (the "Company"), and '
            "Xxxxxx Trust and Savings Bank, an Illinois banking corporation, as Rights Agent "
            '(the "Rights Agent").\n1. Section 7(a) is hereby amended.\n'
        )
        assert not any("rights_agent" in f for f in text_facts(text))


class TestExemptByStructure:
    def test_two_defined_parties_before_nor(self) -> None:
        """'Neither Adobe, Merger Sub nor any of their ... Affiliates shall be deemed ...': both."""
        # macromedia/01-ex4-amendment.txt
        text = (
            "AMENDMENT NO. 1 TO RIGHTS AGREEMENT\nThis Amendment No. 1, dated as of April 17, "
            'amends the Rights Agreement.\n"Adobe" shall mean Adobe Systems Incorporated, a '
            'Delaware corporation.\n"Merger Sub" shall mean Avner Acquisition Corp., a Delaware '
            'corporation.\n2. Section 1(a) is hereby amended by adding the following:\n"(E) '
            "Neither Adobe, Merger Sub nor any of their respective Affiliates or Associates shall "
            'be deemed to be an Acquiring Person solely as a result of the Merger Agreement."\n'
        )
        drafted = text_facts(text)
        assert {
            "amendment[1].add-exempt-person=Adobe made an Exempt Person",
            "amendment[1].add-exempt-person=Merger Sub made an Exempt Person",
        } <= drafted

    def test_neither_nor_keeps_each_entity_suffix(self) -> None:
        """'neither X, Inc., a Delaware company ("RT"), nor Y Corp., ...': the two full names."""
        # tutogen-medical/01-ex4-amendment.txt
        text = (
            "AMENDMENT TO RIGHTS AGREEMENT\nThis Amendment, dated as of May 2, 2007, amends the "
            'Rights Agreement.\n1. The following is added to Section 1(a):\n"Notwithstanding '
            "anything herein to the contrary, neither Regeneration Technologies,\nInc., a "
            'Delaware company ("RT"), nor Rockets FL Corp., a Florida company ("RFC")\nshall be '
            'deemed to be an Acquiring Person by virtue of the Merger Agreement."\n'
        )
        drafted = text_facts(text)
        assert {
            "amendment[-].add-exempt-person=Regeneration Technologies, Inc. made an Exempt Person",
            "amendment[-].add-exempt-person=Rockets FL Corp. made an Exempt Person",
        } <= drafted
        assert not any("Delaware" in f or "Florida" in f for f in drafted)

    def test_parties_exempt_from_the_definition(self) -> None:
        """'Parent, Purchaser ... and their Affiliates are exempt from the definition ...'."""
        # nalco-chemical/01-ex4-amendment.txt
        text = (
            "AMENDMENT TO RIGHTS AGREEMENT\nThis Amendment, dated as of June 28, 1999, amends "
            "the Rights Agreement.\nWHEREAS, the Board of Directors further resolved to approve "
            "this Amendment which provides, among other things, that Parent, Purchaser (as "
            "defined below) and their Affiliates are exempt from the definition of Acquiring "
            "Person; and\n"
        )
        drafted = text_facts(text)
        assert {
            "amendment[-].add-exempt-person=Parent made an Exempt Person",
            "amendment[-].add-exempt-person=Purchaser made an Exempt Person",
        } <= drafted

    def test_recital_purpose_will_cause_parties_to_become(self) -> None:
        """'to ensure ... will cause EMC, Epiphany Merger Sub ... to become an Acquiring Person'."""
        # captiva-software/02-ex4-amendment.txt
        text = (
            "AMENDMENT NO. 3 TO RIGHTS AGREEMENT\nThis Amendment No. 3, dated as of October 20, "
            "2005, amends the Rights Agreement.\nWHEREAS, the Board has determined to amend the "
            "Rights Agreement to ensure that neither the approval of the EMC Merger Agreement nor "
            "the consummation of the transactions it contemplates will cause EMC, Epiphany Merger "
            "Sub (each as defined herein) or any of their Affiliates or Associates to become an "
            "Acquiring Person under the Rights Agreement; and\n"
        )
        drafted = text_facts(text)
        assert {
            "amendment[3].add-exempt-person=EMC made an Exempt Person",
            "amendment[3].add-exempt-person=Epiphany Merger Sub made an Exempt Person",
        } <= drafted

    def test_party_and_affiliates_shall_not_be_or_become(self) -> None:
        """'X and its Affiliates ... shall not be or become an "Acquiring Person"': X exempt."""
        # closure-medical/01-ex10-amendment.txt
        text = (
            "AMENDMENT TO RIGHTS AGREEMENT\nThis Amendment, dated as of March 3, 2005, amends "
            "the Rights Agreement.\n(a) Section 1(a) is hereby amended to add the following "
            "sentence:\n\u201cNotwithstanding the foregoing, Johnson & Johnson and its Affiliates "
            "and Associates shall not be or become an \u201cAcquiring Person\u201d as the result "
            "of the Merger.\u201d\n(b) The following definitions shall be added to Section 1 of "
            "the Rights Agreement:\n\u201c1(s) \u201cMerger\u201d shall have the meaning "
            "assigned to it in the Merger Agreement.\u201d\n"
        )
        drafted = text_facts(text)
        assert "amendment[-].add-exempt-person=Johnson & Johnson made an Exempt Person" in drafted
        assert "amendment[-].other-change" in drafted

    def test_no_party_named_no_exempt_person(self) -> None:
        """'will not cause any Person ... to become an Acquiring Person' names no holder."""
        text = (
            "AMENDMENT TO RIGHTS AGREEMENT\nThis Amendment, dated as of March 3, 2005, amends "
            "the Rights Agreement.\nWHEREAS, the Board desires that the Merger will not cause "
            "any Person or any of their Affiliates to become an Acquiring Person; and\n"
        )
        assert not any("exempt-person" in f for f in text_facts(text))

    def test_neither_with_a_defined_short_name_and_become(self) -> None:
        """'neither Acme Corporation ("Acme") nor any of its Affiliates shall become an ...'."""
        text = (
            "AMENDMENT TO RIGHTS AGREEMENT\nThis Amendment, dated as of May 2, 2001, amends the "
            "Rights Agreement.\n1. Section 1 is amended to provide that neither Acme "
            'Corporation ("Acme") nor any of its Affiliates shall become an Acquiring Person as a '
            "result of the execution of the Merger Agreement.\n"
        )
        assert "amendment[-].add-exempt-person=Acme Corporation made an Exempt Person" in (
            text_facts(text)
        )

    def test_amended_so_that_a_party_is_excluded(self) -> None:
        """A recital's purpose, "to provide that the Investor ... will be excluded", exempts it."""
        text = (
            "AMENDMENT NO. 2 TO RIGHTS AGREEMENT\nThis Amendment No. 2, dated as of May 2, 2001, "
            "amends the Rights Agreement.\nWHEREAS, the Company has agreed to sell shares to "
            'Lake Holdings Limited, a company organized under the laws of Ontario (the "Investor"'
            "); and\nWHEREAS, the Company desires to amend the Rights Agreement to provide that "
            'the Investor and its Affiliates will be excluded from the definition of "Acquiring '
            'Person" under the Rights Agreement.\n'
        )
        assert (
            "amendment[2].add-exempt-person=Lake Holdings Limited made an Exempt Person"
            in text_facts(text)
        )


class TestCharterProvisions:
    def test_charter_transfer_restriction_is_no_threshold(self) -> None:
        """A charter provision restricting transfers above 4.75 percent sets no plan threshold."""
        text = (
            "Acme Corp. today announced that its Board voted to terminate the Company's "
            "shareholder rights plan. This new charter provision restricts the transfer of stock "
            "to a transferee if the transfer would increase its ownership to 4.75 percent or "
            "above.\n"
        )
        assert not any("set-threshold" in f for f in text_facts(text))

    def test_threshold_raised_in_the_existing_shareholder_rights_plan(self) -> None:
        """A letter raising the plan's threshold "from 15% to 16.5%": an amendment, the new one."""
        text = (
            "Acme Corp. (NASDAQ: ACME) sent a letter to shareholders.\nWe will promptly amend "
            "the Company's existing shareholder rights plan so that the threshold for purposes "
            "of the Acquiring Person definition will be increased from 15% to 16.5%.\n"
        )
        drafted = text_facts(text)
        assert "event=amendment" in drafted
        assert "amendment[-].set-threshold=16.5% (comparison not stated)" in drafted
        assert not any("=15%" in f for f in drafted)

    def test_holders_allowed_to_acquire_is_no_threshold(self) -> None:
        """'allowed two investors to acquire more than 5%': an exception, not the threshold."""
        text = (
            "Note 9. Rights Plan\nIn 2014 the Company amended its rights plan. This amendment "
            "allowed two investors to acquire more than 5% of the Company's common stock.\n"
        )
        assert not any("set-threshold" in f for f in text_facts(text))

    def test_credit_agreement_threshold_is_no_threshold(self) -> None:
        """A credit agreement's change-of-control level sets no plan threshold."""
        text = (
            "Acme Corp. today announced that its Board voted to amend the Company's "
            "shareholder rights plan, advancing its expiration date to March 1, 2010. Under "
            "our new credit agreement, the change-of-control threshold was increased to 40% "
            "from the prior 20%.\n"
        )
        assert not any("set-threshold" in f for f in text_facts(text))


class TestTermsAsTextsStateThem:
    def test_terms_without_an_event(self) -> None:
        """A description of securities reports no event, but states the agreement's terms."""
        text = (
            "Exhibit 4.4\nDESCRIPTION OF REGISTERED SECURITIES\nThe terms of the Rights are "
            "described in that certain Tax Benefit Preservation Plan, dated as of March 3, 2020, "
            "between the Company and Computershare Inc., as rights agent.\n"
        )
        drafted = text_facts(text)
        assert "event=none" in drafted
        assert {
            "agreement.dated=2020-03-03",
            "agreement.rights_agent=Computershare Inc.",
        } <= drafted

    def test_threshold_without_a_comparison_is_left_out(self) -> None:
        """'an ownership trigger threshold of 15%': reaching or exceeding? Not drafted."""
        text = (
            "FORM 8-K\nItem 3.03.\nOn July 31, 2019, the Board adopted a stockholder rights plan "
            "with an ownership trigger threshold of 15%, subject to certain exceptions.\n"
        )
        assert not any("threshold" in f for f in text_facts(text))

    def test_passive_tier_takes_the_general_comparison(self) -> None:
        """'10% percent or more ... (15% in the case of a passive institutional investor)'."""
        text = (
            "FREMONT, Calif., Oct. 9, 2013 /PRNewswire/ \u2014 Acme Corp. (NYSE: AC) today "
            "announced that its Board of Directors has adopted a shareholder rights plan. The "
            "rights will become exercisable if a person or group acquires beneficial ownership of "
            "10% percent or more of Acme common stock (15% in the case of a passive institutional "
            "investor) in a transaction not approved by the Board.\n"
        )
        assert {
            "agreement.set-threshold=10% or more",
            "agreement.set-passive-tier=15% or more",
        } <= text_facts(text)

    def test_passive_investors_left_out_are_no_tier(self) -> None:
        """'(other than certain passive institutional investors)' is no passive tier."""
        text = (
            "CHICAGO (News release) -- Acme Corp. announced that its Board has approved an "
            'amendment of the Company\'s stockholder rights plan (the "Rights Plan"). The '
            "amendment raises from 10% to 15% the level of beneficial ownership of common stock "
            "the acquisition of which by a person or group (other than certain passive "
            "institutional investors) would result in the rights becoming exercisable.\n"
        )
        drafted = text_facts(text)
        assert "amendment[-].set-threshold=15% or more" in drafted
        assert not any("passive" in f for f in drafted)

    def test_plan_acting_against_an_ownership_change(self) -> None:
        """A sentence naming the plan's threshold against an ownership change states it."""
        text = (
            "HASI Adopts Tax Benefit Preservation Plan\n\nAcme Capital, Inc. (NYSE: HASI) today "
            "announced that its Board has adopted a tax benefits preservation plan (the \u201cNOL "
            "Plan\u201d). In general, an ownership change would occur if stockholders owning at "
            "least five percent increase their ownership by more than 50 percentage points. The "
            "NOL Plan reduces the risk of an ownership change by deterring any person from "
            "obtaining beneficial ownership of 4.9 percent or more of HASI stock.\n"
        )
        drafted = text_facts(text)
        assert "agreement.set-threshold=4.9% or more" in drafted
        assert not any("=5%" in f or "more than 50%" in f for f in drafted)

    def test_grandfathered_holders_level_and_tolerance(self) -> None:
        """'owning five percent or more ... are grandfathered ... an additional one percent'."""
        text = (
            "|9 Months Ended\nSep. 30, 2017\nCapital Stock\nPursuant to our tax benefits "
            'preservation plan ("Plan") adopted January 5, 2017, each share is coupled with one '
            "preferred stock purchase right. Stockholders owning five percent or more of our "
            "outstanding stock at the time of adoption of the Plan are grandfathered and will "
            "cause Rights to be distributed and become exercisable only if they acquire an "
            "additional one percent of our outstanding shares.\n"
        )
        drafted = text_facts(text)
        assert "agreement.set-grandfathering=1% or more" in drafted
        assert not any("set-threshold" in f for f in drafted)

    def test_amended_term_restated_is_the_amendments(self) -> None:
        """A term the amendment sets, said again as the plan now stands, is not the original's."""
        text = (
            "|12 Months Ended\nDec. 31, 2013\nStockholders' Equity\nOn September 16, 2003, the "
            "Company's Board of Directors adopted a shareholder rights plan.\nOn September 11, "
            "2013, the Company entered into an Amendment No. 1 to the Rights Agreement, dated "
            "September 17, 2003. Following the Amendment, the shareholder rights plan will "
            "continue in effect to September 16, 2016. The Amendment also includes changes to the "
            "definition of \u201cAcquiring Person\u201d to increase the ownership threshold "
            "triggering the rights from 15% to 20%. The rights become exercisable only after any "
            "Acquiring Person becomes the beneficial owner of 20% or more of the Company's "
            "outstanding stock.\n"
        )
        drafted = text_facts(text)
        assert {
            "agreement.dated=2003-09-17",
            "amendment[1].executed=2013-09-11",
            "amendment[1].set-expiration=2016-09-16",
            "amendment[1].set-threshold=20% or more",
        } <= drafted
        assert "agreement.set-threshold=20% or more" not in drafted


class TestDatesByStructure:
    def test_letter_reciting_the_first_amendment_by_its_title(self) -> None:
        """'as amended by an Amendment to Rights Agreement, dated X' in No. 2: unnumbered."""
        text = (
            "ACME CORPORATION\nOctober 28, 1991\nLake Bank\nRe: Amendment No. 2 to Rights "
            "Agreement\nGentlemen:\nPursuant to Section 26 of the Rights Agreement, dated as of "
            "October 6, 1987, as amended by an Amendment to Rights Agreement, dated October 24, "
            "1988, the Company hereby amends the Rights Agreement as follows:\n2. To amend "
            "Section 1(a) to add the following at the end of Section 1(a):\n"
        )
        drafted = text_facts(text)
        assert {
            "amendment[-].executed=1988-10-24",
            "amendment[2].executed=1991-10-28",
            "amendment[2].other-change",
        } <= drafted

    def test_note_without_event_keeps_the_amendments_it_recites(self) -> None:
        """A note reporting no event still recites the plan's earlier amendments by date."""
        text = (
            "Stockholders' Equity\n3 Months Ended\nMar. 31, 2018\nOur tax benefits preservation "
            'plan ("Plan") adopted January 5, 2017, as amended on April 13, 2017 and June 29, '
            "2017, is designed to protect our net operating losses.\n"
        )
        drafted = text_facts(text)
        assert {
            "amendment[-].executed=2017-04-13",
            "amendment[-].executed=2017-06-29",
        } <= drafted

    def test_on_date_entered_into_past_a_dotted_name(self) -> None:
        """'On X, Parts.com, Inc. (the "Company") entered into the ... Plan': X dates the plan."""
        text = (
            "Item 1. Description of Registrant's Securities to be Registered.\nOn April 5, 2024, "
            'Parts.com, Inc. (the "Company") entered into the Tax Benefits Preservation Plan (the '
            '"Plan"), between the Company and Lake Trust Company, as rights agent.\n'
        )
        assert "agreement.dated=2024-04-05" in text_facts(text)

    @pytest.mark.parametrize(
        "parties",
        [
            "between the Company and Lake Bank, as Rights Agent,",
            "between the Company and the Rights Agent",
            "between the Company and Lake Bank, N.A. (f/k/a River Bank, N.A.),",
        ],
    )
    def test_agreement_dated_after_its_parties(self, parties: str) -> None:
        """'the Rights Agreement between A and B[, as Rights Agent,] dated as of X' dates it."""
        text = (
            "AMENDMENT NO. 2 TO RIGHTS AGREEMENT\nThis Amendment No. 2, dated as of May 2, 2001, "
            f"amends the Rights Agreement {parties} dated as of August 16, 1988.\n"
        )
        assert "agreement.dated=1988-08-16" in text_facts(text)

    def test_board_extending_the_plan(self) -> None:
        """'On X, the Board extended Acme's Shareholder Rights Plan': the extension authorized X."""
        text = (
            "FORM 8-K\nItem 5. Other Events.\nOn January 20, 1997, the Board of Directors of "
            "Acme Inc. extended Acme's Shareholder Rights Plan for ten years.\n"
        )
        assert "amendment[-].authorized=1997-01-20" in text_facts(text)

    def test_board_extending_a_plan_by_another_name(self) -> None:
        """A board that 'extended' a plan under any of the plan's names (an NOL Plan) acts on it."""
        text = (
            "FORM 8-K\nItem 5. Other Events.\nOn January 20, 1997, the Board of Directors of "
            "Acme Inc. extended the Company's NOL Plan for three years.\n"
        )
        assert "amendment[-].authorized=1997-01-20" in text_facts(text)

    def test_plan_as_so_extended_is_no_act(self) -> None:
        """'the Rights Plan as so extended would expire on X' authorizes nothing."""
        text = (
            "Acme today announced that its Board amended the Rights Plan. As contemplated by "
            "the Board, if ratification were obtained, the Rights Plan as so extended would "
            "expire on August 28, 2022.\n"
        )
        assert not any(".authorized=2022-08-28" in f for f in text_facts(text))

    def test_recital_of_the_boards_resolution(self) -> None:
        """'WHEREAS, pursuant to a resolution adopted on X, the Board authorized an amendment'."""
        text = (
            "FIRST AMENDMENT TO RIGHTS AGREEMENT\nTHIS FIRST AMENDMENT TO RIGHTS AGREEMENT (this "
            '"Amendment"), dated to be effective as of February 14, 2001, amends the Rights '
            "Agreement dated as of April 28, 1999.\nWHEREAS, pursuant to a resolution duly "
            "adopted on January 18, 2001, the Board of Directors of the Company adopted and "
            "authorized an amendment to the Rights Agreement to clarify its terms;\n"
        )
        drafted = text_facts(text)
        assert {
            "amendment[1].authorized=2001-01-18",
            "amendment[1].executed=2001-02-14",
        } <= drafted

    def test_board_approving_an_amended_and_restated_agreement(self) -> None:
        """'Effective X, the Board approved the Second Amended and Restated ...': authorized X."""
        text = (
            "FORM 8-K\nITEM 5. OTHER EVENTS.\nEffective April 15, 1999, the Board of Directors "
            "of Acme Corporation approved the Second Amended and Restated Rights Agreement. The "
            "Second Amended and Restated Rights Agreement makes certain amendments to the "
            "Amended and Restated Rights Agreement.\n"
        )
        drafted = text_facts(text)
        assert "amendment[-].authorized=1999-04-15" in drafted
        assert "amendment[-].executed=1999-04-15" not in drafted

    def test_expiry_changed_from_to_in_a_release(self) -> None:
        """'The final expiration date was changed from X to Y': the amendment's new expiry Y."""
        text = (
            "DENVER, Sept. 24, 2009 - Acme Homes, Inc. (NYSE: ACM) today announced it has "
            "entered into a second amendment to its Rights Agreement.\nThe final expiration date "
            "was changed from March 16, 2019 to June 1, 2013.\n"
        )
        assert "amendment[2].set-expiration=2013-06-01" in text_facts(text)

    def test_lettered_old_and_new_expiry(self) -> None:
        """'from (a) 5:00 P.M. on X, ... prior to 5:00 P.M. on X, to (b) 5:00 P.M. on Y': Y."""
        text = (
            "On March 25, 2018, the Board approved, and on March 27, 2018, the Company entered "
            'into, an amendment to the Rights Agreement (the "Amendment"). The Amendment changed '
            "the final expiration date of the Rights from (a)5:00 P.M., New York City time, on "
            "January 3, 2019, if not approved by the stockholders prior to 5:00 P.M., New York "
            "City time, on January 3, 2019 to (b)5:00 P.M., New York City time, on March 27, "
            "2018.\n"
        )
        drafted = text_facts(text)
        assert "amendment[-].set-expiration=2018-03-27" in drafted
        assert "amendment[-].set-expiration=2019-01-03" not in drafted

    def test_amendment_made_as_a_letter(self) -> None:
        """A letter's subject names the amendment; the date above the addressee executes it."""
        text = (
            "Exhibit 4.1\nACME CORPORATION\nMay 7, 2004\nLake Trust Company\nAttention: Trust "
            "Officer\nRe: Amendment No. 1 to Rights Agreement\nLadies and Gentlemen:\n1. "
            "Pursuant to Section 27 of the Rights Agreement, dated as of May 11, 1998, the "
            "Company hereby amends the Rights Agreement as follows:\n"
        )
        drafted = text_facts(text)
        assert {"agreement.dated=1998-05-11", "amendment[1].executed=2004-05-07"} <= drafted

    @pytest.mark.parametrize(
        "between",
        ["\n", "\n--------------------\nDear Mr. Smith:\n"],
    )
    def test_letter_without_salutation_or_with_a_rule(self, between: str) -> None:
        """A letter's subject with no salutation, or underlined by a rule, still dates it."""
        text = (
            "Exhibit 4.1\nACME CORPORATION\nMay 7, 2004\nLake Trust Company\nAttention: Trust "
            f"Officer\nRe: Amendment No. 1 to Rights Agreement{between}Pursuant to Section 27 "
            "of the Rights Agreement, dated as of May 11, 1998, the Company hereby amends the "
            "Rights Agreement as follows:\n"
        )
        assert "amendment[1].executed=2004-05-07" in text_facts(text)

    def test_chain_of_earlier_amendments_without_numbers(self) -> None:
        """'as amended on X and Y' after the agreement's date: two unnumbered amendments."""
        text = (
            "AMENDMENT TO RIGHTS AGREEMENT\nThis Amendment, dated as of January 20, 1997 to the "
            "Rights Agreement dated as of February 18, 1987, as amended on December 7, 1987 and "
            'August 21, 1995, between Acme Inc. (the "Company") and Lake Trust Company, as '
            "Rights Agent.\n"
        )
        drafted = text_facts(text)
        assert {
            "agreement.dated=1987-02-18",
            "amendment[-].executed=1987-12-07",
            "amendment[-].executed=1995-08-21",
        } <= drafted

    def test_chain_without_on_and_restated(self) -> None:
        """'as amended March 28, 1991, and amended and restated as of December 12, 1997'."""
        text = (
            "AMENDMENT, dated as of January 20, 1998, to the Rights Agreement, dated as of July "
            "20, 1988, as amended March 28, 1991, and amended and restated as of December 12, "
            '1997, between Acme Inc. (the "Company") and Lake Trust Company.\n'
        )
        drafted = text_facts(text)
        assert {"amendment[-].executed=1991-03-28", "amendment[-].executed=1997-12-12"} <= drafted

    def test_date_after_the_plan_in_an_amendments_title(self) -> None:
        """'AMENDMENT NO. 1 / TO THE / ACME RIGHTS AGREEMENT / DATED AS OF X' may be the plan's."""
        text = (
            "AMENDMENT NO. 1\nTO THE\nACME INCORPORATED RIGHTS AGREEMENT\nDATED AS OF AUGUST 4, "
            "2000\nTHIS AMENDMENT is made and entered into as of this 4th day of June, 2003, by "
            'and between Acme Incorporated (the "Company") and Lake Trust Company (the "Rights '
            'Agent").\nWHEREAS, the Company and the Rights Agent executed a Rights Agreement, '
            'dated as of August 4, 2000 (the "Rights Agreement");\n'
        )
        drafted = text_facts(text)
        assert {"agreement.dated=2000-08-04", "amendment[1].executed=2003-06-04"} <= drafted
        assert "amendment[1].executed=2000-08-04" not in drafted

    def test_board_act_and_a_mirrors_date(self) -> None:
        """The board's date is the one before its act; a redemption is executed only when said."""
        text = (
            "Extract: Poison Pill Activity: Termination (proactive) from a 8-K on 10/07/2021   "
            "Download\nSEC Document\nOn October 2, 2021, the Board of Directors of Acme Corp. "
            "(the \u201cCompany\u201d) approved the redemption of all the outstanding preferred "
            "stock purchase rights granted pursuant to the Rights Agreement, dated March 1, 2015. "
            "The Rights will be redeemed at a redemption price of $0.01 per Right.\n"
        )
        drafted = text_facts(text)
        assert {
            "event=redemption",
            "agreement.dated=2015-03-01",
            "amendment[-].authorized=2021-10-02",
            "amendment[-].redeem=0.01",
        } <= drafted
        assert not any(".executed=" in f for f in drafted)

    def test_charter_amendment_is_not_the_plans(self) -> None:
        """'on May 9, 2013 our stockholders approved an amendment to our ... Certificate'."""
        text = (
            "|12 Months Ended\nDec. 31, 2015\nWe have a rights plan established under a rights "
            "agreement dated December 21, 2006, as amended. In 2013, the Board of Directors "
            "adopted amendments to the Rights Agreement. The Board of Directors also recommended, "
            "and on May 9, 2013 our stockholders approved, an amendment to our Restated "
            "Certificate of Incorporation, or the Protective Amendment.\n"
        )
        drafted = text_facts(text)
        assert "agreement.dated=2006-12-21" in drafted
        assert not any("2013-05-09" in f for f in drafted)

    def test_original_plans_date_is_the_agreements(self) -> None:
        """'amends and restates ... original Plan entered into ... on August 12, 2010'."""
        text = (
            "The PMI Group, Inc. (NYSE: PMI) today announced that its Board of Directors has "
            "adopted an Amended and Restated Tax Benefits Preservation Plan, which amends and "
            "restates The PMI Group's original Tax Benefits Preservation Plan entered into "
            "between The PMI Group and the rights agent on August 12, 2010.\n"
        )
        drafted = text_facts(text)
        assert "agreement.dated=2010-08-12" in drafted
        assert not any(f.startswith("amendment[") and "2010-08-12" in f for f in drafted)

    def test_headlines_date_is_not_the_plans(self) -> None:
        """A headline ending in the plan's name, the release's date on the line below."""
        text = (
            "Acme adopts one-year stockholder rights plan\nApril 23, 2014\nAcme has announced "
            "its board of directors has adopted a stockholder rights plan.\n"
        )
        assert not any(f.startswith("agreement.dated") for f in text_facts(text))

    @pytest.mark.parametrize(
        ("text", "dated"),
        [
            (
                "|12 Months Ended\nDec. 31, 2002\nOn November 18, 2002, the Board of Directors "
                'resolved to adopt a Shareholders\' Rights Plan ("Rights Plan").\n',
                "2002-11-18",
            ),
        ],
    )
    def test_adoption_dated(self, text: str, dated: str) -> None:
        """'resolved to adopt a ... Rights Plan' dates the plan."""
        assert f"agreement.dated={dated}" in text_facts(text)

    def test_time_of_day_ends_no_sentence(self) -> None:
        """'from 5:00 p.m. ET, on August 1, 2022, to 5:00 p.m. ET, on August 1, 2020'."""
        text = (
            "|6 Months Ended\nAug. 01, 2020\nOn July 31, 2020, the Board of Directors of the "
            "Company adopted an amendment to the Rights Plan accelerating the expiration of the "
            "Rights from 5:00 p.m. ET, on August 1, 2022, to 5:00 p.m. ET, on August 1, 2020.\n"
        )
        drafted = text_facts(text)
        assert {
            "event=termination",
            "amendment[-].authorized=2020-07-31",
            "amendment[-].set-expiration=2020-08-01",
        } <= drafted
        assert not any(f.endswith("=2022-08-01") and "amendment" in f for f in drafted)


class TestExpiriesByStructure:
    def test_hypothetical_expiry_is_no_term(self) -> None:
        """'if ... ratification were obtained, the plan as so extended would expire on X'."""
        text = (
            "CHICAGO (News release) -- Acme Corp. announced that its Board has approved an "
            'amendment of the Company\'s stockholder rights plan (the "Rights Plan").\n\nThe '
            "Rights Plan is scheduled to expire on August 28, 2021. As currently contemplated, if "
            "such stockholder ratification were obtained, the Rights Plan as so extended would "
            "expire on August 28, 2022.\n"
        )
        drafted = text_facts(text)
        assert "agreement.set-expiration=2021-08-28" in drafted
        assert not any("2022-08-28" in f for f in drafted)

    def test_current_plan_beside_a_new_one_is_replaced(self) -> None:
        """'adopted a new ... agreement that will take effect when the current plan ... expires'."""
        # daktronics/01-ex99-press-release.txt
        text = (
            "Daktronics, Inc. (Nasdaq - DAKT) today announced that its Board of Directors adopted "
            "a new shareholder rights agreement that will take effect when the current plan, "
            "adopted in 1998, expires on November 19, 2008.\n"
        )
        assert not any("set-expiration=2008-11-19" in f for f in text_facts(text))

    def test_expiry_on_a_condition_is_not_the_term(self) -> None:
        """'If the shareholders do not approve the Rights Plan ..., it will expire on X'."""
        # pulte-homes/02-press-release.txt
        text = (
            "Pulte Homes Amends Section 382 Rights Agreement\n\nIf the Pulte shareholders do not "
            "approve the Rights Plan at the 2010 Annual Meeting of Shareholders, it will expire "
            "on June 1, 2010.\n"
        )
        assert not any("set-expiration=2010-06-01" in f for f in text_facts(text))

    def test_if_not_redeemed_is_the_term(self) -> None:
        """'If not redeemed, they would expire on X': the plan's term, in the conditional."""
        text = K8_ADOPTION.format(clause="If not redeemed, they would expire on December 23, 2019.")
        assert "agreement.set-expiration=2019-12-23" in text_facts(text)

    def test_scheduled_before_the_extension(self) -> None:
        """'was scheduled to expire on X. The extension ... extends ... to Y': Y is the new one."""
        text = (
            "Acme Extends Tax Benefit Preservation Plan\n\nThe Board of Directors of Acme Corp. "
            "(NYSE: AC) approved a three-year extension of its current tax benefit preservation "
            "plan. The current plan, originally adopted in September 2009 and amended in "
            "September 2012, was scheduled to expire on September 30, 2015. The extension "
            "extends the final expiration date of the plan to September 30, 2018.\n"
        )
        drafted = text_facts(text)
        assert "amendment[-].set-expiration=2018-09-30" in drafted
        assert not any(f.startswith("amendment") and "2015-09-30" in f for f in drafted)

    def test_replaced_plans_expiry(self) -> None:
        """Adopting a replacement: 'the existing rights plan which is scheduled to expire on X'."""
        text = (
            "FULLERTON, CALIFORNIA, February 4, 1999 - Acme, Inc. announced that its Board of "
            "Directors today adopted a replacement Stockholder Protection Rights Agreement. The "
            "Rights Agreement is substantially the same as the existing rights plan which is "
            "scheduled to expire on March 28, 1999.\n"
        )
        assert not any("expiration" in f for f in text_facts(text))


class TestRound4:
    def test_every_reference_to_a_percentage_replaced(self) -> None:
        """An amendment replacing each reference to "4.99%" with "9.99%" sets the threshold."""
        text = (
            "FIRST AMENDMENT TO RIGHTS AGREEMENT\nTHIS FIRST AMENDMENT TO RIGHTS AGREEMENT (the "
            "\u201cAmendment\u201d) is entered into as of May 4, 2021, by Acme Corp.\n"
            "1. The Agreement is hereby amended so that each reference to \u201c4.99%\u201d in "
            "the Agreement be deleted and replaced with \u201c9.99%.\u201d\n"
        )
        drafted = text_facts(text)
        assert "amendment[1].set-threshold=9.99% (comparison not stated)" in drafted
        assert not any("4.99%" in f for f in drafted)

    def test_a_long_passive_qualification(self) -> None:
        """A passive tier's parenthesis may run long before the general number's "or more"."""
        text = (
            "NEW YORK, May 4, 2021 -- Acme Corp. (NYSE: ACM) today announced that its Board has "
            "adopted a stockholder rights plan.\nThe rights will become exercisable only if a "
            "person or group acquires beneficial ownership of 10 percent (or 15 percent in the "
            "case of certain institutional investors who report their holdings on Schedule 13G, "
            "as described in the Rights Plan) or more of Acme common stock.\n"
        )
        drafted = text_facts(text)
        assert "agreement.set-threshold=10% or more" in drafted
        assert "agreement.set-passive-tier=15% or more" in drafted

    def test_exempted_holders_limited_in_the_next_sentence(self) -> None:
        """Holders a release exempts, then "any such person ... acquires any additional shares"."""
        text = (
            "NEW YORK, May 4, 2021 -- Acme Corp. (NYSE: ACM) today announced that its Board has "
            "adopted a stockholder rights plan.\nIf a person or group acquires 10% or more of "
            "the outstanding shares, each right will entitle its holder to buy shares. The plan "
            "exempts any person or group owning 10% or more of Acme common stock today. "
            "However, the rights will be exercisable if any such person or group acquires any "
            "additional shares.\n"
        )
        assert "agreement.set-grandfathering=no additional share" in text_facts(text)

    def test_such_holder_alone_is_no_grandfathering(self) -> None:
        """'Any such person ... additional shares' after no exempting sentence is not read."""
        text = (
            "NEW YORK, May 4, 2021 -- Acme Corp. (NYSE: ACM) today announced that its Board has "
            "adopted a stockholder rights plan.\nIf a person or group acquires 10% or more of "
            "the outstanding shares, each right will entitle its holder to buy shares. However, "
            "the rights will be exercisable if any such person or group acquires any additional "
            "shares.\n"
        )
        assert not any("grandfathering" in f for f in text_facts(text))

    def test_becomes_the_owner_of_additional_shares(self) -> None:
        """A Grandfathered Shareholder who "becomes the Beneficial Owner of additional" shares."""
        text = (
            "FIRST AMENDMENT TO RIGHTS AGREEMENT\n1. Section 1(j) of the Rights Agreement is "
            "hereby amended and restated in its entirety to read as follows:\n\u201cGrandfathered "
            "Shareholders\u201d shall mean any Person who is the Beneficial Owner of 12% or more "
            "of the Common Shares on the date of this Agreement; provided that no such Person "
            "shall be a Grandfathered Shareholder if such Person is or becomes the Beneficial "
            "Owner of additional Common Shares.\n"
        )
        assert any(f.endswith("set-grandfathering=no additional share") for f in text_facts(text))

    def test_a_report_listing_yearly_extensions(self) -> None:
        """Each listed amendment keeps its own date and new expiry, sentences run together."""
        text = (
            "ITEM 3.03 Material Modification to Rights of Security Holders\nAs previously "
            "disclosed, on May 1, 2010, the Company and the Rights Agent entered into Amendment "
            "One to the Rights Agreement, which extended the Expiration Date from May 10, 2010 "
            "to May 10, 2011.As previously disclosed, on May 2, 2011, the Company and the Rights "
            "Agent entered into Amendment Two to the Rights Agreement, which extended the "
            "Expiration Date from May 10, 2011 to May 10, 2012.\n"
        )
        drafted = text_facts(text)
        assert {
            "amendment[1].executed=2010-05-01",
            "amendment[1].set-expiration=2011-05-10",
            "amendment[2].executed=2011-05-02",
            "amendment[2].set-expiration=2012-05-10",
        } <= drafted
        assert not any(f.startswith("amendment[-]") for f in drafted)

    def test_an_instrument_is_no_list(self) -> None:
        """An amendment's own text reciting an earlier one does not date it as listed."""
        text = (
            "AMENDMENT NO. 2 TO RIGHTS AGREEMENT\nThis Amendment No. 2 (this \u201cAmendment"
            "\u201d) is made as of June 3, 2012. On May 1, 2010, the Company and the Rights "
            "Agent entered into Amendment No. 1 to the Rights Agreement.\n"
        )
        assert "amendment[2].executed=2012-06-03" in text_facts(text)

    def test_amendment_number_run_on(self) -> None:
        """'Amendment No.1, dated as of X' (no space after 'No.') is recited with its date."""
        text = (
            "Item 1.01 Entry into a Material Definitive Agreement.\nOn May 4, 2021, Acme Corp. "
            "entered into an Amended and Restated Rights Agreement, which amends and restates "
            "the Rights Agreement dated as of June 1, 2015, as amended by Amendment No.1, dated "
            "as of May 2, 2016, and Amendment No.2, dated as of May 3, 2017.\n"
        )
        drafted = text_facts(text)
        assert {"amendment[1].executed=2016-05-02", "amendment[2].executed=2017-05-03"} <= drafted

    def test_a_preamble_reciting_each_amendment(self) -> None:
        """A preamble dates each amendment it says was entered into; the title numbers this one."""
        text = (
            "AMENDMENT TO RIGHTS AGREEMENT\nAMENDMENT No. 3 to the Rights Agreement, dated as of "
            'June 3, 2001 (the "Amendment No. 3"), by and between Acme Corp. (the "Company") '
            'and Example Trust Company (the "Rights Agent").\nWHEREAS, on May 1, 1999, the '
            "Company and Old Bank entered into Amendment No. 1 to the Rights Agreement, on May "
            "2, 2000, the Company and Example Trust Company entered into Amendment No. 2 to the "
            "Rights Agreement; and\nNOW, THEREFORE, the Agreement is hereby amended as follows:\n"
        )
        drafted = text_facts(text)
        assert {
            "amendment[1].executed=1999-05-01",
            "amendment[2].executed=2000-05-02",
            "amendment[3].executed=2001-06-03",
        } <= drafted

    def test_a_recited_amendments_date_is_not_this_ones(self) -> None:
        """An earlier amendment recited with its date in the preamble does not date this one."""
        text = (
            "SECOND AMENDMENT TO RIGHTS AGREEMENT\nThis Second Amendment to the Rights "
            "Agreement (this \u201cAmendment\u201d), dated as of June 3, 2024, amends that "
            "certain Rights Agreement, dated as of May 1, 2022 (as amended by the First "
            "Amendment, dated as of May 2, 2023, the \u201cRights Agreement\u201d), by and "
            "between Acme Corp. (the \u201cCompany\u201d) and Example Trust Company.\n"
        )
        drafted = text_facts(text)
        assert "amendment[2].executed=2024-06-03" in drafted
        assert "amendment[2].executed=2023-05-02" not in drafted

    def test_a_recital_lowering_the_threshold(self) -> None:
        """A recital amending the agreement 'to lower the thresholds ... to 15%' sets 15%."""
        text = (
            "AMENDMENT NO. 2 TO RIGHTS AGREEMENT\nWHEREAS, the Board of Directors of the Company "
            "has determined that it is desirable to amend the Rights Agreement to lower the "
            "thresholds set forth in Section 1(a) of the Rights Agreement to 15%, in each case "
            "as set forth in this Amendment;\n"
        )
        assert "amendment[2].set-threshold=15% (comparison not stated)" in text_facts(text)

    def test_the_operative_words_win_over_the_recital(self) -> None:
        """Where the operative words state the new threshold, the recital's is not drafted."""
        text = (
            "AMENDMENT NO. 2 TO RIGHTS AGREEMENT\nWHEREAS, the Board of Directors of the Company "
            "has determined to amend the Rights Agreement to lower the threshold to 15%;\n"
            "NOW, THEREFORE, the Rights Agreement is hereby amended as follows: the definition "
            'of "Acquiring Person" is amended so that an Acquiring Person is any Person who '
            "beneficially owns more than 15% of the Common Shares then outstanding.\n"
        )
        drafted = text_facts(text)
        assert "amendment[2].set-threshold=more than 15%" in drafted
        assert "amendment[2].set-threshold=15% or more" not in drafted

    def test_the_title_misspelt(self) -> None:
        """'to the Right Agreement, dated as of X' (the title misspelt) dates the agreement."""
        text = (
            'AMENDMENT TO RIGHTS AGREEMENT\nThis amendment ("Amendment"), dated as of May 4, '
            '1995, between Acme Corp. (the "Company") and Example Trust Company, as Rights '
            "Agent, to the Right Agreement, dated as of June 1, 1990, as amended, between the "
            "Company and the Rights Agent.\n"
        )
        assert "agreement.dated=1990-06-01" in text_facts(text)

    def test_dated_as_of_then_as_amended_is_the_agreements(self) -> None:
        """'... Rights Agreement, dated as of Y, as amended by': Y does not date the amendment."""
        text = (
            "Item 3.03 Material Modification to Rights of Security Holders.\nOn October 2, 2018, "
            "Acme Corp. (the \u201cCompany\u201d) entered into a second amendment (the \u201c"
            "Second Amendment\u201d) to its Rights Agreement, dated as of October 17, 2008, as "
            "amended by that certain First Amendment to Rights Agreement (as amended, the "
            "\u201cRights Agreement\u201d).\n"
        )
        drafted = text_facts(text)
        assert "amendment[2].executed=2018-10-02" in drafted
        assert "amendment[2].executed=2008-10-17" not in drafted

    def test_as_amended_by_a_titled_amendment_dated(self) -> None:
        """'as amended by that certain First Amendment to ..., dated as of X': X dates No. 1."""
        text = (
            "Item 3.03 Material Modification to Rights of Security Holders.\nOn October 2, 2018, "
            "Acme Corp. entered into a second amendment to its Rights Agreement, dated as of "
            "October 17, 2008, as amended by that certain First Amendment to Rights Agreement, "
            "dated as of May 24, 2018 (as amended, the \u201cRights Agreement\u201d).\n"
        )
        assert "amendment[1].executed=2018-05-24" in text_facts(text)

    def test_amended_as_of_is_an_earlier_amendment(self) -> None:
        """'dated as of X and amended as of Y ... entered into this Zth day': Z dates this one."""
        text = (
            'AMENDMENT NO. 2 TO RIGHTS AGREEMENT This Amendment No. 2 (this "AMENDMENT") to the '
            'Rights Agreement (the "RIGHTS AGREEMENT") dated as of May 1, 1997 and amended as of '
            'May 2, 2002 between Acme Corp., a Delaware corporation (the "COMPANY"), and Example '
            'Trust Company (the "RIGHTS AGENT"), is entered into this 12th day of May, 2004.\n'
        )
        drafted = text_facts(text)
        assert "amendment[2].executed=2004-05-12" in drafted

    def test_parties_defined_in_capitals(self) -> None:
        """Parties defined in capitals, (the "COMPANY") and (the "RIGHTS AGENT"), are read."""
        text = (
            'This Amendment No. 2 (this "AMENDMENT") to the Rights Agreement dated as of May 1, '
            '1997 between Acme Corp., a Delaware corporation (the "COMPANY"), and Example Trust '
            'Company (the "RIGHTS AGENT"), is entered into this 12th day of May, 2004.\n'
        )
        drafted = text_facts(text)
        assert "company=Acme Corp." in drafted
        assert "agreement.rights_agent=Example Trust Company" in drafted

    def test_a_boards_waiver_capping_a_named_holder(self) -> None:
        """A board's waiver letting a named holder own 'up to 26%' is an unnumbered change."""
        text = (
            "The Company adopted a Stockholder Rights Agreement in August 2009. The rights will "
            "become exercisable if a person or group acquires 15% or more of the "
            "Company\u2019s outstanding common stock. The Board had previously waived the 15% "
            "limitation in the Rights Agreement with respect to Blue, to allow Blue to become the "
            "beneficial owner of up to 26% of the shares of our Common Stock, without being "
            "deemed to be an \u201cacquiring person\u201d under the Rights Agreement.\n"
        )
        drafted = text_facts(text)
        assert "amendment[-].add-exception=Blue: more than 26%" in drafted
        assert "agreement.set-threshold=15% or more" in drafted
        assert not any("Blue: 15%" in f for f in drafted)

    def test_a_waiver_exempting_a_holder_outright(self) -> None:
        """A waiver 'so that X would not be considered an acquiring person' exempts X."""
        text = (
            "The Company adopted a Stockholder Rights Agreement in August 2009. The rights will "
            "become exercisable if a person or group acquires 15% or more of the "
            "Company\u2019s outstanding common stock. The Company agreed to further waive all of "
            "the existing limitations under the Rights Agreement so that Blue would not be "
            "considered an \u201cacquiring person\u201d under the Rights Agreement.\n"
        )
        assert "amendment[-].add-exempt-person=Blue made an Exempt Person" in text_facts(text)


class TestLetterSubjectLinear:
    def test_blanks_after_re_do_not_backtrack(self) -> None:
        """A long run of blanks after "Re:" is no subject (it took minutes when cubic).

        Its time is measured by benchmarks/hostile_bench.py.
        """
        from rightsplan.edgar import draft as draft_module
        from tests import hostile

        for blanks in hostile.LETTER_BLANKS:
            assert draft_module._LETTER.search("Re:" + blanks, 0, 3000) is None
        letter = draft_module._LETTER.search("Re:  Amendment No. 1 to Rights Agreement\nGentlemen:")
        assert letter is not None
        assert letter.group("subject") == "Amendment No. 1 to Rights Agreement"


class TestRound6:
    def test_earlier_amendments_numbered_by_their_adverb(self) -> None:
        """'as first amended on X and second amended on Y' dates amendments 1 and 2."""
        text = (
            "THIRD AMENDMENT TO RIGHTS AGREEMENT\nThis Third Amendment dated November 21, 2000 "
            "to the Rights Agreement dated as of June 11, 1986, as first amended on August 21, "
            '1990 and second amended on May 31, 1996 (the "Rights Agreement") between Acme '
            'Company and Beta Trust Company (the "Rights Agent").\n'
        )
        facts = text_facts(text)
        assert "amendment[1].executed=1990-08-21" in facts
        assert "amendment[2].executed=1996-05-31" in facts
        assert "amendment[3].executed=2000-11-21" in facts

    def test_earlier_amendments_listed_with_the_indefinite_article(self) -> None:
        """The Nth amendment listing 'an Amendment to ... dated X': each unnumbered, by its day."""
        text = (
            'THIRD AMENDMENT TO RIGHTS AGREEMENT\nTHIS THIRD AMENDMENT ("Amendment") to '
            'Rights Agreement between Acme, Inc. (the "Company") and Beta Bank (the "Rights '
            'Agent").\nPremises\nThe Company and the Rights Agent have previously executed a '
            "Rights Agreement dated July 14, 1988, an Amendment to Rights Agreement dated May 9, "
            "1990, and an Amendment to Rights Agreement dated May 10, 1995 (as amended, the "
            '"Rights Agreement").\n'
        )
        facts = text_facts(text)
        assert "amendment[-].executed=1990-05-09" in facts
        assert "amendment[-].executed=1995-05-10" in facts
        assert not any(f.startswith(("amendment[1]", "amendment[2]")) for f in facts)

    def test_agent_after_a_bare_company_name_in_a_title(self) -> None:
        """'Between Acme Home and Beta Services LLC, as Rights Agent': the agent is Beta's."""
        text = (
            "Rights Agreement Dated as of January 22, 2009, By and Between Acme Home and Beta "
            "Investor Services LLC, as Rights Agent\nSection 1. Certain Definitions.\n"
        )
        assert "agreement.rights_agent=Beta Investor Services LLC" in text_facts(text)

    def test_agent_defined_with_its_closing_quote_on_the_next_line(self) -> None:
        """'X (the “Rights Agent”)' with the closing quote on the next line still defines X."""
        text = (
            "THIS SECOND AMENDMENT TO RIGHTS AGREEMENT is entered into as of July 3, 2018, by "
            "Acme Corp., a Delaware corporation (the “Company\n”) and Beta Stock Transfer "
            "& Trust Company, LLC (the “Rights Agent\n”).\n"
        )
        facts = text_facts(text)
        assert "agreement.rights_agent=Beta Stock Transfer & Trust Company, LLC" in facts

    def test_amendments_of_another_document_are_not_the_plans(self) -> None:
        """'a Schedule 13D filed on X, and amended on Y and Z': the schedule's, not the plan's."""
        text = (
            "AMENDMENT NO. 1 TO RIGHTS AGREEMENT\nThis AMENDMENT NO. 1 TO RIGHTS AGREEMENT is "
            "entered into as of November 26, 1997, by and between Acme Corporation (the "
            '"Company") and Beta Trust Company (the "Rights Agent").\n(B) The term "Acquiring '
            'Person" shall not include those Persons who were parties to a certain Schedule 13D '
            "filed with the Commission on August 19, 1997, and amended on September 16, 1997 and "
            "November 3, 1997.\n"
        )
        facts = text_facts(text)
        assert not any(f.startswith("amendment[-].executed=") for f in facts)
        assert "amendment[1].executed=1997-11-26" in facts

    @pytest.mark.parametrize(
        "sentence",
        [
            "On October 23, 2008, the Company amended and restated its rights agreement in the "
            "form of a Second Amended and Restated Rights Agreement, dated as of October 23, "
            "2008, between the Company and Beta Bank, as Rights Agent.",
            "Exhibit\nNumber\nDescription\n4 First Amended and Restated Rights Agreement dated "
            "October 23, 2008 between Acme Incorporated and Beta Bank, as rights agent.",
        ],
    )
    def test_report_of_a_restatement_dates_the_restatement(self, sentence: str) -> None:
        """A report's restated agreement that it brings into being is an amendment, dated so."""
        facts = text_facts(
            "FORM 8-K\nItem 1.01 Entry into a Material Definitive Agreement.\n" + sentence
        )
        assert "amendment[-].executed=2008-10-23" in facts
        assert "agreement.dated=2008-10-23" not in facts

    def test_restatement_of_a_restated_agreement_dates_the_agreement(self) -> None:
        """The restated agreement a report says is 'amended and restated' dates the agreement."""
        text = (
            "FORM 8-K\nItem 3.03.\nOn February 26, 2007, Acme Stores, Inc. entered into a Third "
            "Amended and Restated Rights Agreement with Beta Bank, as Rights Agent. It amends "
            "and restates the Second Amended and Restated Rights Agreement, dated as of November "
            "4, 2003, by and between the Company and Beta Bank, as Rights Agent.\n"
        )
        assert "agreement.dated=2003-11-04" in text_facts(text)

    def test_amendment_number_written_out(self) -> None:
        """'Amendment Number One, dated as of X, to the Rights Agreement' is No. 1, executed X."""
        text = (
            "AMENDMENT TO RIGHTS AGREEMENT\nAmendment Number One, dated as of May 26, 1998, to "
            'the Rights Agreement, dated as of January 28, 1998 (the "Rights Agreement"), '
            'between Acme Corporation (the "Company"), and Beta Trust Company, as Rights Agent.\n'
        )
        facts = text_facts(text)
        assert {"amendment[1].executed=1998-05-26", "agreement.dated=1998-01-28"} <= facts

    def test_recital_of_the_parties_entering_into_the_agreement(self) -> None:
        """'WHEREAS, on X the Company and Y entered into a Rights Agreement' dates the agreement."""
        text = (
            "AMENDMENT No. 5 to the Rights Agreement, dated as of November 22, 1998 (the "
            '"Amendment No. 5"), by and between Acme Incorporated (the "Company"), and Beta '
            'Services L.L.C. (the "Rights Agent").\nWHEREAS, on October 25, 1989 the Company and '
            'Gamma Trust Company ("Gamma"), entered into a Rights Agreement (the "Original '
            'Agreement");\n'
        )
        assert "agreement.dated=1989-10-25" in text_facts(text)

    def test_a_mirrors_publication_date_is_not_the_amendments(self) -> None:
        """'Published on X' above 'This First Amendment ..., dated as of Y': Y is executed."""
        text = (
            "AMENDMENT TO RIGHTS PLAN\nPublished on January 24, 2008\nExhibit\n4\nFIRST\n"
            "AMENDMENT TO RIGHTS AGREEMENT\nThis\nFirst Amendment to Rights Agreement (this "
            "\u201cAmendment\u201d), dated as of\nJanuary 23, 2008, is by and between Acme "
            "Corporation (the \u201cCompany\u201d), and Beta Services, LLC, a Delaware limited "
            "liability company (\u201cBeta\u201d).\nWITNESSETH\nWHEREAS, "
            "the Company previously entered into a Rights Agreement, dated as of July 26, 2006 "
            "(the \u201cRights Agreement\u201d), with Beta as Rights Agent;\n"
        )
        facts = text_facts(text)
        assert "amendment[1].executed=2008-01-23" in facts
        assert "amendment[1].executed=2008-01-24" not in facts

    def test_second_amendment_recited_after_and_by(self) -> None:
        """'as amended by Amendment No. 1 ..., dated X and by Amendment No. 2 ..., dated Y'."""
        text = (
            "Amendment No. 3 to the Amended and Restated Rights Agreement, dated as of December "
            "8, 1997, between Acme, Inc. (the \u201cCompany\u201d), and Beta Trust Company, as "
            "rights agent, as amended by Amendment No. 1 to the Amended and Restated Rights "
            "Agreement, dated as of January 26, 2001 and by Amendment No. 2 to the Amended and "
            "Restated Rights Agreement, dated as of April 23, 2008 (as so amended, the "
            "\u201cRights Agreement\u201d), is entered into as of August 10, 2008.\n"
        )
        facts = text_facts(text)
        assert "amendment[1].executed=2001-01-26" in facts
        assert "amendment[2].executed=2008-04-23" in facts

    def test_parenthesis_defining_the_amendment_first(self) -> None:
        """A date before a parenthesis defining the First Amendment first is that amendment's."""
        text = (
            "SECOND AMENDMENT TO RIGHTS AGREEMENT\nThis Second Amendment is entered into as of "
            "June 18, 2024.\nWHEREAS, the Company and the Rights Agent entered into a First "
            "Amendment to the Original Agreement, dated as of September 28, 2021 (\u201cFirst "
            "Amendment\u201d, collectively with the Original Agreement, the \u201cRights "
            "Agreement\u201d);\n"
        )
        assert "amendment[1].executed=2021-09-28" in text_facts(text)

    def test_title_page_date_after_the_plan_is_not_this_amendments(self) -> None:
        """'AMENDMENT NO. 5 / TO / RIGHTS AGREEMENT / dated as of X': the preamble dates it."""
        text = (
            "EXHIBIT 4.1\nAMENDMENT NO. 5\nTO\nRIGHTS AGREEMENT\ndated as of December 23, 1994\n"
            "by and between\nACME AIRLINES, INC.\nand\nBETA SERVICES LLC\nas Rights Agent\n\n"
            'AMENDMENT NO. 5, dated as of August 29, 2002 (this "AMENDMENT"), to the\nRights '
            "Agreement, dated as of December 23, 1994, as amended from time to time\n(the "
            '"AGREEMENT"), between Acme Airlines, Inc. (the "COMPANY"), and Beta Services LLC.\n'
        )
        facts = text_facts(text)
        assert "amendment[5].executed=2002-08-29" in facts
        assert "agreement.dated=1994-12-23" in facts

    def test_term_under_the_agreement_beside_extensions(self) -> None:
        """'Under the terms of the Rights Agreement, the Rights were to expire on X': its term."""
        text = (
            "FORM 8-K\nItem 3.03 Material Modification to Rights of Security Holders.\nUnder the "
            "terms of the Rights Agreement, the Rights were to expire on August 10, 2010 (the "
            "\u201cExpiration Date\u201d) unless the Expiration Date was extended. On August 6, "
            "2013, the Company entered into Amendment Four to the Rights Agreement, which "
            "extended the Expiration Date from August 10, 2013 to August 10, 2014.\n"
        )
        facts = text_facts(text)
        assert "agreement.set-expiration=2010-08-10" in facts

    def test_scheduled_term_beside_an_extension_is_not_the_agreements(self) -> None:
        """'The Plan was scheduled to expire on X. Amendment No. 2 extends it': no X drafted."""
        text = (
            "Acme (NYSE: ACM) announced today that its Board has adopted Amendment No. 2 to its "
            "Tax Asset Protection Plan. The Plan was scheduled to expire on January 8, 2017. "
            "Amendment No. 2 extends the expiration date of the Plan to December 14, 2019.\n"
        )
        assert "agreement.set-expiration=2017-01-08" not in text_facts(text)

    def test_expiry_dated_by_the_sentences_opening(self) -> None:
        """'Effective as of the close of business on X, the Rights Agreement ... expired': X."""
        text = (
            "FORM 8-K\nItem 3.03 Material Modification to Rights of Security Holders.\nEffective "
            "as of the close of business on October 14, 2011, the Amended and Restated Rights "
            'Agreement (the "Rights Agreement"), dated as of October 14, 2008, between Acme '
            'Company (the "Company") and Beta Bank, as Rights Agent, expired in accordance with '
            "its terms.\n"
        )
        assert "agreement.set-expiration=2011-10-14" in text_facts(text)

    @pytest.mark.parametrize(
        ("instruction", "expiry"),
        [
            (
                "Section 7(a) of the Rights Agreement is hereby amended to replace the date "
                "\u201cFebruary 16, 2017\u201d with the date \u201cFebruary 16, 2027\u201d.",
                "2027-02-16",
            ),
            (
                "Section 7(a)(i) is amended by deleting the reference to "
                "\u201cMarch 23, 2008\u201d and inserting \u201cMarch 23, 2018.\u201d",
                "2018-03-23",
            ),
        ],
    )
    def test_later_date_in_the_standard_forms_expiry_section(
        self, instruction: str, expiry: str
    ) -> None:
        """A later date replacing an earlier one in Section 7(a) (the form's expiry) moves it."""
        text = (
            "AMENDMENT NO. 1 TO RIGHTS AGREEMENT\nThis Amendment No. 1 (this "
            "\u201cAmendment\u201d) is entered into as of January 5, 2017, between Acme, Inc. "
            "(the \u201cCompany\u201d) "
            "and Beta Trust Company (the \u201cRights Agent\u201d).\n1. " + instruction + "\n"
        )
        assert f"amendment[1].set-expiration={expiry}" in text_facts(text)

    def test_earlier_date_in_section_7a_moves_no_expiry(self) -> None:
        """Section 7(a) replacing a date by an earlier one sets no expiry from that alone."""
        text = (
            "AMENDMENT NO. 1 TO RIGHTS AGREEMENT\nThis Amendment No. 1 (this "
            "\u201cAmendment\u201d) is entered into as of January 5, 2017, between Acme, Inc. "
            "(the \u201cCompany\u201d) "
            "and Beta Trust Company (the \u201cRights Agent\u201d).\n1. Section 7(a) is amended to "
            "replace the date \u201cMay 1, 2020\u201d with the date \u201cMay 1, 2010\u201d.\n"
        )
        assert not any("set-expiration" in f for f in text_facts(text))

    def test_status_already_held_is_not_granted(self) -> None:
        """'the status of X as Exempt Persons shall not be affected': X is not made one here."""
        text = (
            "AMENDMENT NO. 1 TO RIGHTS AGREEMENT\nThis Amendment No. 1 (this "
            "\u201cAmendment\u201d) is entered into as of January 3, 2007.\n1. Section 1 is "
            "amended by adding: "
            '"; provided, however, that the status of Gamma Media Corporation and its Affiliates '
            'as Exempt Persons shall not be affected as a result of the grant of a proxy."\n'
        )
        assert not any("add-exempt-person" in f for f in text_facts(text))

    @pytest.mark.parametrize(
        ("recital", "agent"),
        [
            (
                "WHEREAS, the Company and Gamma Shareholder Services, L.L.C., the predecessor to "
                "the Rights Agent, executed a Rights Agreement, dated as of August 4, 2000 (the "
                '"Rights Agreement");',
                "Beta Investor Services LLC",
            ),
            (
                "WHEREAS, effective as of the date hereof, the Rights Agent has been appointed by "
                "the Company as successor to Gamma City Bank, as Rights Agent under that certain "
                'Rights Agreement, dated as of July 8, 2005 (the "Rights Agreement");',
                "Gamma City Bank",
            ),
        ],
    )
    def test_agent_the_agreement_was_made_with(self, recital: str, agent: str) -> None:
        """The agent serving: the party, or the one this document's appointment replaces."""
        text = (
            "AMENDMENT NO. 1 TO RIGHTS AGREEMENT\nThis Amendment is entered into as of June 4, "
            '2003, by and between Acme Incorporated (the "Company"), and Beta Investor Services '
            'LLC, a New Jersey corporation (the "Rights Agent").\n' + recital + "\n"
        )
        assert f"agreement.rights_agent={agent}" in text_facts(text)

    def test_release_dateline_does_not_date_the_boards_act(self) -> None:
        """'NEW YORK, December 14, 2016 — Acme announced today that its Board has adopted ...'."""
        text = (
            "NEW YORK, December 14, 2016 \u2014 Acme Group, Inc. (NYSE: ACM) announced today that "
            "its Board of Directors has adopted Amendment No. 2 to Acme\u2019s Tax Asset "
            "Protection Plan.\n"
        )
        assert not any(".authorized=" in f for f in text_facts(text))

    def test_past_plan_beside_the_new_one(self) -> None:
        """A 'past' plan's date is not the new one's; 'the new ... became effective as of X' is."""
        text = (
            "Note 12 - Shareholder Protection Rights Plan\n12 Months Ended\nJun. 30, 2013\n"
            "In April 2011, the Board of Directors adopted a Shareholder Protection Rights "
            "Agreement. The Company\u2019s past Shareholder Protection Rights Agreement, dated as "
            "of April 20, 2001, expired at the close of business on April 27, 2011. The new "
            "Rights Agreement became effective as of April 27, 2011.\n"
        )
        facts = text_facts(text)
        assert "agreement.dated=2011-04-27" in facts
        assert "agreement.dated=2001-04-20" not in facts

    def test_party_described_between_the_plan_and_its_date(self) -> None:
        """'a Rights Agreement, by and between us and X, an Ohio corporation, ..., dated Y'."""
        text = (
            "FORM 8-A\nItem 1. Description of Registrant\u2019s Securities to be Registered.\n"
            "On July 29, 2008, the Board of Directors of Acme, Inc. adopted a rights plan. The "
            "rights plan is set forth in a Rights Agreement, by and between us and Beta City "
            "Bank, an Ohio corporation, as Rights Agent, dated as of August 14, 2008.\n"
        )
        assert "agreement.dated=2008-08-14" in text_facts(text)


class TestRound7:
    """Thresholds, kinds and events by the structure of the text: short constructed sentences."""

    def test_old_value_followed_by_what_it_is_a_percentage_of(self) -> None:
        """'from 15% of the common stock to 20%' drafts 20%, never the old 15%."""
        text = (
            "FORM 8-K\nItem 3.03. On June 28, 2013, Acme Corp. entered into an Amended and "
            "Restated Rights Agreement. The amendment increases the ownership threshold for "
            'certain "passive institutional investors" from 15% of the Company\'s common stock '
            "to 20%.\n"
        )
        facts = text_facts(text)
        assert not any("=15%" in f for f in facts)
        assert "amendment[-].set-passive-tier=20% (comparison not stated)" in facts

    def test_value_left_unchanged_is_no_change(self) -> None:
        """'(with no change to the 15% triggering threshold ...)' drafts no 15% threshold."""
        text = (
            "FORM 8-K\nItem 3.03. On June 28, 2013, Acme Corp. entered into an Amended and "
            "Restated Rights Agreement. The amendment raises the threshold for passive "
            "institutional investors to 20% or more (with no change to the 15% triggering "
            "threshold for other acquirers).\n"
        )
        assert not any("=15%" in f for f in text_facts(text))

    def test_passive_tier_in_a_parenthesis_after_or_more(self) -> None:
        """'10% or more (or, in the case of certain passive investors, 20% or more)': two tiers."""
        clause = (
            "The Rights become exercisable if a person acquires beneficial ownership of 10% or "
            "more (or, in the case of certain passive institutional investors entitled to file "
            "statements on Schedule 13G, 20% or more) (subject to the grandfathering provisions "
            "discussed below) of the outstanding Common Shares."
        )
        facts = text_facts(AGREEMENT.format(clause=clause))
        assert {
            "agreement.set-threshold=10% or more",
            "agreement.set-passive-tier=20% or more",
        } <= facts
        assert not any("grandfathering" in f or "passive-tier=10%" in f for f in facts)

    def test_special_meeting_level_is_no_threshold(self) -> None:
        """A bylaw's level for holders to call a special meeting is not the plan's threshold."""
        text = (
            "Acme Corp. today announced that it is terminating its shareholder rights plan. The "
            "Board also approved an amendment to the bylaws reducing the threshold required for "
            "shareholders to call a special meeting to 25% of the outstanding common stock.\n"
        )
        assert not any("25%" in f for f in text_facts(text))

    def test_company_added_to_the_exempt_person_definition(self) -> None:
        """'amend ... by adding X, Inc. to the definition of "Exempt Person"' exempts X, Inc."""
        text = (
            "AMENDMENT NO. 1 TO RIGHTS AGREEMENT\nTHIS AMENDMENT is made as of March 19, 2000, "
            'between Acme, Inc. (the "Company") and Beta Trust Company (the "Rights Agent").\n'
            "WHEREAS, the Board of Directors of the Company has approved an amendment to the "
            "Rights Agreement to exempt the option by adding Gamma Sciences, Inc. to the "
            'definition of "Exempt Person" under the Rights Agreement.\n'
        )
        facts = text_facts(text)
        assert "amendment[1].add-exempt-person=Gamma Sciences, Inc. made an Exempt Person" in facts

    def test_share_count_without_its_percentage_is_no_holding(self) -> None:
        """'disclosure by X of beneficial ownership of 3,338,051 shares' drafts no holding."""
        text = (
            "FORM 8-K\nItem 3.03. On October 10, 2008, Acme Company entered into an amendment to "
            "the Rights Agreement following public disclosure by Gamma PLC of beneficial "
            "ownership of 3,338,051 shares of Common Stock previously owned by Delta Inc.\n"
        )
        assert not any(f.startswith("holding=") for f in text_facts(text))

    def test_plans_original_date_is_not_the_amendments(self) -> None:
        """'an amendment to the plan, which was originally adopted X': X authorizes nothing."""
        text = (
            "TULSA, Okla., February 21, 2012 -- Acme, Inc. today announced that its Board of "
            "Directors has approved an amendment to the Company's shareholder rights plan, which "
            "was originally adopted May 18, 2011.\n"
        )
        assert not any("2011-05-18" in f and "amendment" in f for f in text_facts(text))

    def test_report_entering_into_a_numbered_amendment(self) -> None:
        """'amended its Rights Agreement ... by entering into Amendment No. 2' reports No. 2."""
        text = (
            "FORM 8-K\nITEM 5. OTHER EVENTS. On February 8, 1996, the Board of Directors of Acme "
            'Corporation (the "Company") amended its Rights Agreement, dated as of December 14, '
            "1990, as amended by Amendment No. 1, dated as of December 1, 1994, by entering into "
            "Amendment No. 2, dated as of February 8, 1996, with Beta Trust Company.\n"
        )
        facts = text_facts(text)
        assert "amendment[2].executed=1996-02-08" in facts
        assert "amendment[-].executed=1996-02-08" not in facts

    def test_board_adopting_after_a_parenthesis_of_defined_names(self) -> None:
        """'On X, the Board of Acme Ltd. (the "Company," "us," "we" ...) adopted a rights plan'."""
        text = (
            "FORM 6-K\nReport of Foreign Private Issuer\nOn July 24, 2022, the Board of "
            "Directors (the \u201cBoard\u201d) of Acme Ltd., a company incorporated under the "
            "laws of the State of Israel (the \u201cCompany,\u201d \u201cour Company,\u201d "
            "\u201cus,\u201d \u201cwe\u201d or \u201cAcme\u201d), unanimously adopted a rights "
            "plan (the \u201cRights Plan\u201d).\n"
        )
        assert "agreement.dated=2022-07-24" in text_facts(text)

    def test_plan_as_subject_against_an_ownership_change(self) -> None:
        """'The plan' as subject, acting against an ownership change, states its threshold."""
        text = (
            "Acme Industries Adopts Stockholder Rights Plan\nNEW YORK, June 1, 2009 -- Acme "
            "Industries, Inc. today announced that its Board has adopted a stockholder rights "
            "plan. The plan is designed to reduce the likelihood of an ownership change under "
            "the Code, by discouraging any person or group from acquiring enough shares to "
            "constitute 5% or more of the outstanding shares of common stock of the Company.\n"
        )
        assert "agreement.set-threshold=5% or more" in text_facts(text)

    def test_expiry_of_the_plan_a_new_one_replaces(self) -> None:
        """'The New Rights Plan, which replaces the plan that was set to expire on X': not X."""
        text = (
            "FORM 6-K\nOn December 21, 2023, the Board of Acme Ltd. adopted a limited-duration "
            "shareholder rights plan (the \u201cNew Rights Plan\u201d). The New Rights Plan, which "
            "replaces the Company\u2019s shareholder rights plan that was set to expire on "
            "December 31, 2023, contains enhanced shareholder protections.\n"
        )
        assert not any("set-expiration=2023-12-31" in f for f in text_facts(text))

    def test_expiry_of_the_plan_to_be_replaced(self) -> None:
        """'adopted a Rights Agreement to replace the current one, which expires on X': not X."""
        text = (
            "FORM 8-K\nItem 5. Other Events\nOn May 23, 2000, the Board of Directors of the "
            'Company adopted a Rights Agreement ("Rights Agreement") to replace the Company\'s '
            "current Rights Agreement which expires on June 16, 2000.\n"
        )
        assert not any("set-expiration=2000-06-16" in f for f in text_facts(text))

    def test_term_before_an_extension_is_not_the_plans(self) -> None:
        """'voted to extend the term ...; it was scheduled to expire on X': X is the old term."""
        text = (
            "FORM 8-K\nItem 5. Other Events.\nOn April 20, 1998, the Board of Directors voted "
            "to amend and restate the Shareholder Rights Plan to extend the term of the Rights "
            "for an additional 10 years. The Shareholder Rights Plan was originally adopted in "
            "April of 1988 and was scheduled to expire on April 27, 1998.\n"
        )
        assert not any("set-expiration=1998-04-27" in f for f in text_facts(text))

    def test_date_in_an_amendments_new_words_is_not_its_execution(self) -> None:
        """A date in an amendment's new words does not date it; 'This Amendment is dated Y' does."""
        text = (
            "AMENDMENT\nTO\nRIGHTS AGREEMENT\nThis Amendment is made to that certain Rights "
            'Agreement dated as of February 5, 2003 (the "Agreement") by and between Acme, Inc. '
            '(the "Company"), and Beta Stock Transfer Corporation, as rights agent.\n1. Section '
            "7(a) of the Agreement is hereby amended in its entirety to read as follows:\n"
            "\u201c(a) The registered holder of any Right Certificate may exercise the Rights upon "
            "surrender of the Right Certificate, with the form of election duly executed, at or "
            "prior to the earliest of (i) January 31, 2007 (the \u201cFinal Expiration "
            "Date\u201d).\u201d\nThis Amendment is dated effective February 28, 2006.\n"
        )
        facts = text_facts(text)
        assert "amendment[-].executed=2006-02-28" in facts
        assert "amendment[-].executed=2007-01-31" not in facts

    def test_party_excluded_by_its_defined_short_name(self) -> None:
        """'Gamma Bank shall not be deemed to be an Acquiring Person', Gamma Bank a short name."""
        text = (
            "AMENDMENT NO. 1 TO RIGHTS AGREEMENT\nThis Amendment No. 1 is made as of June 7, "
            '1998, between Acme Corporation (the "Corporation") and Beta Trust Company.\n'
            'WHEREAS, Gamma Bank & Company, a Delaware corporation ("Gamma Bank") and the '
            "Corporation propose to merge.\n(a) Section 1(a) of the Rights Agreement is amended "
            'to add the following sentence at the end thereof: "Notwithstanding anything in this '
            "Rights Agreement to the contrary, Gamma Bank shall not be deemed to be an Acquiring "
            'Person solely by virtue of the consummation of the Merger."\n'
        )
        assert "amendment[1].add-exempt-person=Gamma Bank made an Exempt Person" in text_facts(text)


class TestRound8:
    """Comparisons, holders and kinds by the structure of the text: short constructed sentences."""

    def test_equal_to_or_exceeding_is_at_least(self) -> None:
        """'equal to or exceeding 4.9%' is 4.9% or more: 'equal to or' wins over 'exceeding'."""
        text = (
            "NOTE 5. On May 12, 2019, the Company adopted a Tax Benefit Preservation Plan. The "
            "plan is intended to deter any person from acquiring shares of the Company equal to "
            "or exceeding 4.9%.\n"
        )
        facts = text_facts(text)
        assert "agreement.set-threshold=4.9% or more" in facts
        assert "agreement.set-threshold=more than 4.9%" not in facts

    def test_named_holder_that_shall_not_constitute_an_acquiring_person(self) -> None:
        """'X, Inc. ("X Inc.") shall not constitute an Acquiring Person ... does not exceed 30%'."""
        text = (
            "FORM 8-K\nITEM 5. OTHER EVENTS\nThe Registrant entered into a Rights Agreement "
            "Amendment dated as of July 16, 1999 to the Rights Agreement dated as of May 22, 1995. "
            "The Amendment provides that funds managed by "
            'Delta Advisors, Inc. ("Delta Advisors Inc.") shall not constitute an Acquiring '
            "Person so long as its aggregate beneficial ownership of Common Stock does not "
            "exceed 30% of the Common Stock then outstanding.\n"
        )
        facts = text_facts(text)
        assert any(f.endswith(".add-exception=Delta Advisors, Inc.: more than 30%") for f in facts)
        assert not any("set-threshold" in f for f in facts)

    def test_reference_deemed_a_reference_to_another_value_for_one_holder(self) -> None:
        """When X is the Person, "15%" is deemed a reference to "24.9%": X's exception only."""
        text = (
            "AMENDMENT TO RIGHTS AGREEMENT\nThis Amendment is made as of June 1, 2001 to the "
            "Rights Agreement dated as of July 31, 1997 between Acme Corp. and Beta Trust "
            'Company.\n1. The definition of "Acquiring Person" in Section 1(a) is amended by '
            'adding the following sentence: "Whenever Gamma Group, LLC is the "Person" referred '
            'to in this definition, each reference in this definition to "15%" shall be deemed '
            'to be a reference to "24.9%".\n'
        )
        facts = text_facts(text)
        assert not any("set-threshold" in f for f in facts)
        # round 9: the holder's cap, its comparison the agreement's, which the text leaves out
        assert "amendment[-].add-exception=Gamma Group, LLC: 24.9% (comparison not stated)" in facts

    def test_recital_letter_is_not_part_of_a_name(self) -> None:
        """'RECITALS A. ... B. Gamma Bank, Inc. ("Gamma")': the party is Gamma Bank, Inc."""
        text = (
            "AMENDMENT TO RIGHTS AGREEMENT This AMENDMENT, dated as of August 6, 1995, is between "
            'Acme Financial, Inc. (the "Company"), and Beta Trust Company, as rights agent. '
            "RECITALS A. The Company and the Rights Agent are parties to a Rights Agreement dated "
            'as of December 19, 1994. B. Gamma Bank, Inc. ("Gamma") and the Company have entered '
            "into a Merger Agreement. 1. Section 1(a) of the Rights Agreement is amended to add "
            'the following sentence: "Notwithstanding anything in this Rights Agreement to the '
            "contrary, neither Gamma nor any of its Affiliates shall be deemed to be an Acquiring "
            'Person solely by virtue of the Merger Agreement."\n'
        )
        facts = text_facts(text)
        assert any(
            f.endswith("add-exempt-person=Gamma Bank, Inc. made an Exempt Person") for f in facts
        )
        assert not any("B. Gamma" in f for f in facts)

    def test_short_name_for_an_entity_with_its_affiliates(self) -> None:
        """'Gamma Inc. and any of its Affiliates and Associates ("Gamma")' names Gamma Inc."""
        text = (
            "FIRST AMENDMENT TO RIGHTS AGREEMENT\nThis agreement is entered into as of November "
            '6, 1997 between Acme Games Inc. ("Acme"), and Beta Bank (the "Rights Agent").\n'
            'WHEREAS, Gamma Inc. ("Gamma") has announced a distribution of its shares of Acme.\n'
            "WHEREAS, Acme and the Rights Agent are parties to a Rights Agreement dated as of "
            'October 24, 1996 (the "Rights Agreement").\n'
            '2. Section 1(a) shall be amended to read as follows: (a) "Acquiring Person" shall '
            "mean any Person who, together with all Affiliates and Associates of such Person, "
            "shall be the Beneficial Owner of 15% or more of the Common Stock, but shall not "
            "include an Exempt Person.\n"
            '3. Section 1(h) shall be amended to read as follows: (h) "Exempt Person" shall mean '
            "(i) the Company, any Subsidiary of the Company, Gamma Inc. and any of its Affiliates "
            'and Associates ("Gamma"), or any employee benefit plan of the Company; or (ii) any '
            "Person who is the Beneficial Owner of 15% or more of the outstanding shares of "
            "Common Stock at the close of business on the date of the distribution of the shares "
            "owned by Gamma Inc. to the stockholders of Gamma Inc.; or\n"
        )
        facts = text_facts(text)
        assert not any("Affiliates and Associates" in f for f in facts)

    def test_none_of_a_party_and_its_affiliates_is_an_acquiring_person(self) -> None:
        """'none of Gamma Corporation ("Parent"), its subsidiaries, ... is or shall be an AP'."""
        text = (
            "FIRST AMENDMENT TO RIGHTS AGREEMENT\nThis First Amendment is made as of October "
            '14, 2007 by and between Acme, Inc. (the "Company") and Beta Trust Company, amending '
            "the Rights Agreement dated as of June 21, 2000.\n1. Section 1(a) is amended by "
            "adding the following sentence: \u201cNotwithstanding the foregoing, none of Gamma "
            "Corporation (\u201cParent\u201d), its subsidiaries, Affiliates or Associates, "
            "including without limitation Delta Acquisition Corp. (\u201cSub\u201d), either "
            "individually or as a group, is or shall be an Acquiring Person by reason of the "
            "Merger Agreement.\u201d\n"
        )
        facts = text_facts(text)
        assert any(
            f.endswith("add-exempt-person=Gamma Corporation made an Exempt Person") for f in facts
        )
        assert not any("=Affiliates" in f or "=Associates" in f for f in facts)

    def test_a_plans_defined_name_is_no_holder(self) -> None:
        """'adopted a Stockholder Rights Plan ("NOL Plan")': the plan is never a named holder."""
        text = (
            "FORM 8-K\nItem 8.01. Other Events.\nOn March 16, 2009, the Board of Directors of "
            "Acme Corporation adopted a Stockholder Rights Plan (\u201cNOL Plan\u201d). A person "
            "that acquires 4.9% of the outstanding common stock becomes an \u201cAcquiring "
            "Person\u201d for purposes of the NOL Plan, subject to the Board\u2019s discretion "
            "to treat any transaction as an \u201cExempt Transaction\u201d under the NOL Plan.\n"
        )
        assert not any("Stockholder Rights Plan" in f for f in text_facts(text))

    def test_acquiring_the_number_makes_an_acquiring_person(self) -> None:
        """'A person that acquires 4.9% ... becomes an "Acquiring Person"' drafts 4.9% or more."""
        text = (
            "FORM 8-K\nItem 8.01. Other Events.\nOn March 16, 2009, the Board of Directors of "
            "Acme Corporation adopted a Stockholder Rights Plan. A person that acquires 4.9% of "
            "the outstanding common stock becomes an \u201cAcquiring Person\u201d for purposes "
            "of the plan.\n"
        )
        assert "agreement.set-threshold=4.9% or more" in text_facts(text)

    def test_agent_after_the_registrant_and(self) -> None:
        """'The Registrant and X Corporation (the "Rights Agent")': the agent is X Corporation."""
        text = (
            "FORM 8-K\nITEM 5. OTHER EVENTS\n      The Registrant and Beta Stock Transfer "
            'Corporation (the "Rights Agent") entered into a Rights Agreement Amendment dated as '
            "of July 16, 1999 to that certain Rights Agreement dated as of May 22, 1995.\n"
        )
        facts = text_facts(text)
        assert "agreement.rights_agent=Beta Stock Transfer Corporation" in facts
        assert not any("Registrant and" in f for f in facts)

    def test_signature_title_is_not_part_of_the_successor_agent(self) -> None:
        """A signer's 'Secretary' line above 'BETA SERVICES, L.L.C. as successor Rights Agent'."""
        text = (
            "AMENDMENT TO RIGHTS AGREEMENT\nThis Amendment is dated as of April 2, 1997, to the "
            "Rights Agreement dated as of February 1, 1990.\nACME CORPORATION\nBy: /s/ Jane Doe\n"
            "General Counsel and Secretary\nBETA SHAREHOLDER SERVICES, L.L.C.\n"
            "as successor Rights Agent\nBy: /s/ John Roe\n"
        )
        assert not any("Secretary" in f for f in text_facts(text))


class TestRound9:
    """Round 9: an unstated comparison is drafted as such; numbering; the tenth half's families."""

    RAISED = (
        "AMENDMENT NO. 1 TO RIGHTS AGREEMENT\nThis Amendment No. 1 is dated as of June 1, 2021, "
        "to the Rights Agreement dated as of March 20, 2020.\n1. Section 1(a) of the Rights "
        "Agreement is hereby amended by changing from 15% to 20% the reference therein to the "
        "percentage of the Common Shares then outstanding.\n"
    )

    def test_unstated_comparison_is_drafted_as_not_stated(self) -> None:
        """'from 15% to 20%' with no comparison anywhere: 20%, comparison not stated."""
        drafted = draft_filing(parse_filing(self.RAISED, name="a.txt"))
        (amendment,) = drafted.amendments
        (change,) = [c for c in amendment.changes if c.kind == "set-threshold"]
        assert change.comparison_stated is False
        assert change.change.comparison is None  # type: ignore[attr-defined]
        percent = change.change.percent  # type: ignore[attr-defined]
        assert isinstance(percent, rp.UnknownPercent) and percent.at_least == percent.at_most == 20
        assert change.reading() == "20% (comparison not stated)"
        assert "does not state the comparison" in (change.change.note or "")
        facts = text_facts(self.RAISED)
        assert "amendment[1].set-threshold=20% (comparison not stated)" in facts
        assert not any("20% or more" in f or "more than 20%" in f for f in facts)

    def test_unstated_comparison_in_json_and_toml(self) -> None:
        """The JSON says comparison_stated: false; the plan file writes the percent unknown."""
        import json

        from rightsplan.edgar.output import to_json

        drafted = draft_filing(parse_filing(self.RAISED, name="a.txt"))
        data = json.loads(to_json(combine([drafted])))
        changes = [
            c
            for d in data["filings"]
            for a in d["amendments"]
            for c in a["changes"]
            if c["change"]["kind"] == "set-threshold"
        ]
        assert [c["comparison_stated"] for c in changes] == [False]
        assert "comparison" not in changes[0]["change"]
        assert changes[0]["change"]["percent"]["unknown"] is True
        toml = tomllib.loads(to_toml(combine([drafted])))
        (change,) = [
            c for a in toml["amendments"] for c in a["changes"] if c["kind"] == "set-threshold"
        ]
        assert "comparison" not in change
        assert change["percent"]["unknown"] is True
        assert change["percent"]["at_least"] == change["percent"]["at_most"] == "20"

    def test_unstated_comparison_plan_loads_and_is_uncertain(self) -> None:
        """The fragment, with the agreement's threshold added, loads: 20% is 'unknown (20%)'."""
        drafted = draft_filing(parse_filing(self.RAISED, name="a.txt"))
        fragment = (
            to_toml(combine([drafted]))
            .replace("[agreement]", '[agreement]\ncompany = "Acme Corp."', 1)
            .replace(
                "[[amendments]]",
                '[[agreement.provisions]]\nkind = "set-threshold"\npercent = "15"\n'
                'comparison = "at-least"\n\n[[amendments]]',
                1,
            )
        )
        from rightsplan.io import loads_plan

        plan = loads_plan(fragment, "toml")
        changes = [c for a in plan.amendments for c in a.changes]
        (change,) = [c for c in changes if isinstance(c, rp.SetThreshold)]
        assert change.comparison is None and not change.known

    def test_comparison_stated_elsewhere_is_kept(self) -> None:
        """The number with a comparison elsewhere in the text: that comparison, stated."""
        text = self.RAISED + (
            "2. A Person who is the Beneficial Owner of 20% or more of the Common Shares shall "
            "be an Acquiring Person.\n"
        )
        facts = text_facts(text)
        assert "amendment[1].set-threshold=20% or more" in facts
        assert not any("comparison not stated" in f for f in facts)

    def test_comparison_in_a_grandfathering_clause(self) -> None:
        """'had already become the Beneficial Owner of 10% or more (but not 15% or more)'."""
        text = (
            "AMENDMENT NO. 1 TO RIGHTS AGREEMENT\nThis Amendment No. 1 is made as of December 10, "
            "1998 to the Rights Agreement dated as of September 30, 1996.\n1. Each and every "
            '"15%" that appears in Section 1(a) of the Rights Agreement is hereby replaced with '
            '"10%". However if, when the Board approved this Amendment, any Person had already '
            "become the Beneficial Owner of 10% or more (but not 15% or more) of the outstanding "
            "shares of Common Stock, then that Person shall not be treated as an Acquiring Person "
            "so long as that Person does not become the Beneficial Owner of any additional "
            "shares.\n"
        )
        assert "amendment[1].set-threshold=10% or more" in text_facts(text)

    def test_the_acquisition_of_which_would_trigger(self) -> None:
        """'the level of ownership the acquisition of which would result in ...': reaching it."""
        text = (
            "Acme Corp. announced that its Board of Directors has approved an amendment of the "
            "Company's stockholder rights plan. The amendment raises from 10% to 15% the level of "
            "beneficial ownership of common stock the acquisition of which by a person or group "
            "would result in the rights becoming exercisable.\n"
        )
        assert "amendment[-].set-threshold=15% or more" in text_facts(text)

    def test_unstated_comparison_of_an_agreement_is_not_drafted(self) -> None:
        """An adoption's 'ownership threshold of 15%': no comparison stated, nothing guessed."""
        text = K8_ADOPTION.format(
            clause="The Rights Agreement has an ownership trigger threshold of 15%."
        )
        assert not any("set-threshold" in f for f in text_facts(text))

    def test_recited_amendment_numbered_by_the_text(self) -> None:
        """'the Company adopted Amendment No. 1 as of May 10, 2005': No. 1, the text's number."""
        text = (
            "AMENDMENT NO. 3, dated as of May 14, 2008, to the Rights Agreement dated as of "
            "January 25, 2004, as amended as of May 10, 2005 and July 23, 2007.\nWHEREAS, the "
            "Company adopted Amendment No. 1 as of May 10, 2005 and the Company adopted "
            "Amendment No. 2 as of July 23, 2007;\n"
        )
        facts = text_facts(text)
        assert {"amendment[1].executed=2005-05-10", "amendment[2].executed=2007-07-23"} <= facts
        assert not any(f.startswith("amendment[-]") for f in facts)

    @pytest.mark.parametrize(
        "top",
        [
            # titled by its number alone under the plan's title
            "ACME CORPORATION\nAND\nBETA BANK, N.A.\nAS RIGHTS AGENT\nCOMMON STOCK RIGHTS "
            "AGREEMENT\nAMENDMENT NO. 4\nThis Agreement, dated as of May 26, 1999, is between "
            "Acme Corporation and Beta Bank, N.A., as Rights Agent.\n1. This Agreement amends the "
            "Common Stock Rights Agreement dated as of June 14, 1990 among the parties hereto.\n",
            # a 1990s preamble, its short name on the next line
            'SEVENTH AMENDMENT dated as of July 13, 1998\n(the "Amendment"), to the RIGHTS '
            "AGREEMENT\ndated as of September 9, 1986, between ACME CORPORATION and BETA BANK, "
            'N.A., as successor rights agent (the "Rights Agent").\n',
        ],
    )
    def test_amendment_that_opens_like_its_agreement(self, top: str) -> None:
        """An amendment whose top reads like the agreement's is an amendment, not an adoption."""
        drafted = draft_filing(parse_filing(top, name="a.txt"))
        assert drafted.document.kind.value == "EX-4 amendment"
        assert drafted.event.kind is EventKind.AMENDMENT

    @pytest.mark.parametrize(
        "text",
        [
            "Exhibit 4.1\nI, Jane Doe, the Corporate Secretary of Acme, Inc., a Wisconsin "
            "corporation (the \u201cCompany\u201d), in accordance with Section 12 of the Rights "
            "Agreement, dated as of May 26, 1998, between the Company and Beta Trust Company (the "
            "\u201cRights Agent\u201d), DO HEREBY CERTIFY:\n1. That the Purchase Price for each "
            "share shall be $35.00, effective as of the Record Date.\n",
            "EXHIBIT 4.3\n[Acme Corporation Letterhead]\nJune 23, 2000\nMr. John Roe\nBeta "
            "Stock Transfer & Trust Company\nRe: Rights Agreement\nDear Mr. Roe,\nIn accordance "
            "with Section 21 of the Rights Agreement dated May 4, 2000 between Acme Corporation "
            "and Beta Stock Transfer & Trust Company, this letter will serve as your thirty (30) "
            "day notice that Acme intends to remove Beta as the Rights Agent.\n",
        ],
    )
    def test_certificate_or_letter_is_no_agreement(self, text: str) -> None:
        """A price certificate or a letter to the rights agent, filed as exhibit 4: no adoption."""
        drafted = draft_filing(parse_filing(text, name="a.txt"))
        assert drafted.document.kind.value == "unknown"
        assert drafted.event.kind is not EventKind.ADOPTION

    @pytest.mark.parametrize(
        "clause",
        [
            "On April 30, 2010, the Board of Directors of Acme Corporation determined to allow "
            "the expiration of its existing stockholder rights plan in accordance with its terms "
            "without extension or replacement. The Rights Agreement dated as of May 4, 2000 "
            "provides for a Final Expiration Date of May 4, 2010.",
            "On May 3, 2006, the Board of Directors of Acme Corporation decided not to renew its "
            "shareholder rights plan. The Rights Agreement will expire by its terms at the close "
            "of business on May 4, 2010.",
        ],
    )
    def test_plan_left_to_expire(self, clause: str) -> None:
        """A board letting the plan run out reports its expiration."""
        text = (
            "FORM 8-K\nItem 3.03 Material Modification to Rights of Security Holders.\n\n"
            f"{clause}\n"
        )
        drafted = draft_filing(parse_filing(text, name="a.txt"))
        assert drafted.event.kind is EventKind.EXPIRATION
        assert "agreement.set-expiration=2010-05-04" in text_facts(text)

    @pytest.mark.parametrize(
        ("sentence", "agent"),
        [
            (
                "The Company hereby appoints AST as rights agent pursuant to Section 21 of the "
                "Rights Agreement.",
                "Beta Stock Transfer and Trust Company",
            ),
            (
                "Gamma Registrar Company, a New Jersey corporation (\u201cGRC\u201d), is hereby "
                "appointed as the successor Rights Agent.",
                "Gamma Registrar Company",
            ),
        ],
    )
    def test_amendment_appointing_the_agent(self, sentence: str, agent: str) -> None:
        """An amendment appointing a new rights agent by its short name, or in the passive."""
        text = (
            "AMENDMENT NO. 1 TO RIGHTS AGREEMENT\nThis Amendment No. 1 (this \u201cAmendment\u201d)"
            " is made as of May 1, 2001 between Acme Corporation, a Delaware corporation (the "
            "\u201cCompany\u201d), and Beta Stock Transfer and Trust Company, a New York "
            "corporation (\u201cAST\u201d).\nWHEREAS, the Company has removed Delta Bank as "
            f"rights agent;\n1. {sentence}\n"
        )
        assert f"amendment[1].appoint-rights-agent={agent}" in text_facts(text)

    def test_one_agent_appointed_under_two_names(self) -> None:
        """'desires to appoint X Corporation', then 'hereby appoints X': one appointment."""
        text = (
            "AMENDMENT NO. 1 (this \u201cAmendment\u201d), dated as of October 10, 2003, to the "
            "RIGHTS AGREEMENT, dated as of September 1, 1999, between ACME, INC. and NATIONAL "
            "BETA CORPORATION, as Rights Agent (\u201cNational Beta\u201d).\nWHEREAS, the Company "
            "desires to appoint National Beta Corporation as Rights Agent under the Rights "
            "Agreement; and\n1. The Company hereby appoints National Beta as Rights Agent under "
            "the Rights Agreement.\n"
        )
        facts = text_facts(text)
        assert "amendment[1].appoint-rights-agent=National Beta Corporation" in facts
        assert "amendment[1].appoint-rights-agent=National Beta" not in facts

    def test_threshold_percentage_defined_without_comparison(self) -> None:
        """'"Threshold Percentage" shall mean 15%' with the term never compared: not stated."""
        text = (
            "AMENDMENT NO. 1 TO RIGHTS AGREEMENT\nThis Amendment No. 1 is dated as of June 1, "
            "2021, to the Rights Agreement dated as of March 20, 2020.\n1. Section 1 of the "
            "Rights Agreement is amended to add: \u201cThreshold Percentage\u201d shall mean "
            "15%.\n"
        )
        facts = text_facts(text)
        assert not any("15% or more" in f or "more than 15%" in f for f in facts)

    @pytest.mark.parametrize(
        "party",
        [
            "BETA BANK, NATIONAL ASSOCIATION f/k/a GAMMA NATIONAL BANK, as Rights Agent",
            "Beta Bank, National Association, successor in interest to Gamma National Bank, as "
            "Rights Agent",
            "Beta Bank, National Association as successor in interest to Gamma National Bank, as "
            "Rights Agent",
        ],
    )
    def test_agent_named_before_its_predecessor(self, party: str) -> None:
        """'X f/k/a Y, as Rights Agent', 'X, successor in interest to Y, as Rights Agent': X."""
        text = (
            "AMENDMENT NO. 2 TO RIGHTS AGREEMENT\nThis Amendment No. 2 is made as of May 1, 2005 "
            "between Acme Corporation, a Delaware corporation (the \u201cCompany\u201d), and "
            f"{party}.\n1. Section 7(a) of the Rights Agreement is hereby amended to read in its "
            "entirety as follows:\n"
        )
        facts = text_facts(text)
        agents = {f for f in facts if f.startswith("agreement.rights_agent=")}
        assert len(agents) == 1
        assert agents.pop().casefold().endswith("beta bank, national association")

    @pytest.mark.parametrize(
        ("chain", "days"),
        [
            (
                "as previously amended on November 15, 2004, and December 8, 2006",
                ("2004-11-15", "2006-12-08"),
            ),
            ("as most recently amended on December 9, 2005", ("2005-12-09",)),
            ("as amended effective on May 15, 2002", ("2002-05-15",)),
            (
                "as amended by that certain Amendment to Rights Agreement, dated as of October "
                "10, 2008",
                ("2008-10-10",),
            ),
        ],
    )
    def test_chains_of_earlier_amendments(self, chain: str, days: tuple[str, ...]) -> None:
        """Earlier amendments a chain recites without numbers: each amendment[-] by its day."""
        text = (
            "AMENDMENT NO. 3 TO RIGHTS AGREEMENT\nThis Amendment No. 3 is made as of May 1, 2009 "
            f"to the Rights Agreement dated as of June 1, 2001, {chain} (the \u201cRights "
            "Agreement\u201d).\n"
        )
        facts = text_facts(text)
        assert {f"amendment[-].executed={day}" for day in days} <= facts
        assert "amendment[3].executed=2009-05-01" in facts

    def test_recital_raising_the_threshold_from_to(self) -> None:
        """A recital 'to increase the ... threshold ... from 15% of the Shares to 17.5%'."""
        text = (
            "AMENDMENT NO. 2 TO RIGHTS AGREEMENT\nWHEREAS, the Board of Directors has amended the "
            "Rights Agreement as set forth herein to increase the Beneficial Ownership threshold "
            "for a Person to become an Acquiring Person from 15% of the Company\u2019s Common "
            "Shares to 17.5% of the Company\u2019s Common Shares;\n"
        )
        facts = text_facts(text)
        assert "amendment[2].set-threshold=17.5% (comparison not stated)" in facts
        assert not any("=15%" in f for f in facts)

    def test_company_between_with_a_short_name(self) -> None:
        """'between Acme Games Inc., a Delaware corporation ("Acme"), and ...': the company."""
        text = (
            "FIRST AMENDMENT TO RIGHTS AGREEMENT\nThis agreement is entered into as of the 6th day "
            'of November, 1997\nbetween Acme Games Inc., a Delaware corporation ("Acme"), and The '
            'Bank of\nNew York, a New York banking corporation (the "Rights Agent").\n'
        )
        assert "company=Acme Games Inc." in text_facts(text)

    def test_agreement_text_as_amended(self) -> None:
        """'Agreement, dated as of X and amended as of Y, between ...': the plan as amended."""
        text = (
            "RIGHTS AGREEMENT\nExhibit 4\nAgreement, dated as of July 9, 1998 and amended as of "
            "July 3, 2000, between Acme Signal Corporation, a Delaware corporation (the "
            "\u201cCompany\u201d), and Beta Trust Company, N.A., a national banking association, "
            "(the \u201cRights Agent\u201d).\nThe Board of Directors of the Company has "
            "authorized and declared a dividend of one preferred share purchase right (a "
            "\u201cRight\u201d) for each Common Share outstanding as of the Close of Business on "
            "August 18, 1998.\n"
        )
        drafted = draft_filing(parse_filing(text, name="a.txt"))
        assert drafted.event.kind is EventKind.AMENDMENT
        facts = text_facts(text)
        assert {"agreement.dated=1998-07-09", "amendment[-].executed=2000-07-03"} <= facts
        # the rights' dividend is the plan's adoption, not the amendment's authorization
        assert not any(".authorized=" in f for f in facts)

    def test_report_of_the_agent_replaced(self) -> None:
        """An 8-K naming no plan but its agent replaced: an amendment appointing the new one."""
        text = (
            "FORM 8-K\nItem 3.03 Material Modification to Rights of Security Holders.\nAcme "
            "Corp. (the \u201cCompany\u201d) and Beta Bank, National Association (\u201cBeta\u201d)"
            " have entered into a Transfer Agent Services Agreement dated as of April 25, 2011 to "
            "appoint Beta to replace Gamma Trust Company as the Company\u2019s transfer agent, "
            "registrar and rights agent for its common stock, effective as of April 25, 2011.\n"
        )
        drafted = draft_filing(parse_filing(text, name="a.txt"))
        assert drafted.event.kind is EventKind.AMENDMENT
        assert "amendment[-].appoint-rights-agent=Beta Bank, National Association" in text_facts(
            text
        )

    @pytest.mark.parametrize(
        "sentence",
        [
            "EX-4.1 - AMENDMENT DATED DECEMBER 14, 2009 TO RIGHTS AGREEMENT DATED AS OF NOVEMBER "
            "25, 2008, BY AND BETWEEN ACME INCORPORATED AND BETA BANK, AS RIGHTS AGENT",
            "On July 15, 1997, the Company and Beta Stock Transfer Corporation entered into a "
            'Rights Agreement Amendment dated as of July 15, 1997 (the "Amendment") to that '
            "certain Rights Agreement dated as of May 22, 1995.",
        ],
    )
    def test_amendment_named_after_its_date_or_the_plan(self, sentence: str) -> None:
        """'AMENDMENT DATED X TO RIGHTS AGREEMENT', 'a Rights Agreement Amendment': amendments."""
        text = f"FORM 8-K\nItem 5. Other Events.\n{sentence}\n"
        assert draft_filing(parse_filing(text, name="a.txt")).event.kind is EventKind.AMENDMENT

    @pytest.mark.parametrize(
        "recital",
        [
            "WHEREAS, on December 2, 1999, the Board of Directors of the Company, in accordance "
            "with Section 27 of the Rights Agreement, determined it desirable and in the best "
            "interests of the Company and its shareholders to supplement and amend certain "
            "provisions of the Rights Agreement.",
            "WHEREAS, on December 2, 1999, the Board authorized and approved this Amendment.",
        ],
    )
    def test_board_recital_authorizes_the_instrument(self, recital: str) -> None:
        """A recital of the board's act on the plan, no amendment named: the authorization."""
        text = (
            "THIRD AMENDMENT TO RIGHTS AGREEMENT\nThis Third Amendment is made as of December 7, "
            f"1999 to the Rights Agreement dated as of October 19, 1990.\n{recital}\n"
        )
        assert "amendment[3].authorized=1999-12-02" in text_facts(text)

    def test_short_name_wrapped_across_a_line(self) -> None:
        """A short name the page wraps across a line defines the name the appointment uses."""
        text = (
            "FIRST AMENDMENT TO RIGHTS AGREEMENT\nThis First Amendment is made as of December 1, "
            "2006 between Acme Corporation, an Indiana corporation (the \u201cCompany\u201d) and "
            "Gamma Bank National Association (\u201cGamma\nBank\u201d).\nWHEREAS, Delta Bank is "
            "being removed as Rights Agent and Gamma Bank is being appointed as the successor "
            "Rights Agent under the Rights Agreement.\n"
        )
        assert "amendment[1].appoint-rights-agent=Gamma Bank National Association" in text_facts(
            text
        )

    @pytest.mark.parametrize(
        "sentence",
        [
            "The Amended and Restated Rights Agreement, among other things, extends the "
            "expiration date of the Rights Agreement from December 22, 2005 to December 22, 2015 "
            "and changes the purchase price from $36.00 to $72.00.",
            "The Rights Agreement is also amended to change the purchase price for the exercise "
            "of rights under the rights plan to $35 from $100.",
        ],
    )
    def test_purchase_price_changed(self, sentence: str) -> None:
        """A change of the rights' price is an other change, beside any modelled one."""
        text = (
            "FORM 8-K\nItem 3.03 Material Modification to Rights of Security Holders.\nOn "
            "December 22, 2005, Acme Industries, Inc. entered into Amendment No. 1 to its Rights "
            f"Agreement.\n{sentence}\n"
        )
        assert "amendment[1].other-change" in text_facts(text)

    @pytest.mark.parametrize(
        "sentence",
        [
            'Amendment No. 1 to the Rights Agreement deletes certain so-called "dead hand" '
            "provisions of the Rights Agreement.",
            "By Amendment No. 1, the Rights Agreement was amended so that it no longer requires "
            "certain actions to be taken only by Continuing Directors.",
            "Under Amendment No. 1, the Rights Agreement has been amended to provide that a "
            '"Qualifying Offer" will be exempt from the operation of the Rights Agreement.',
        ],
    )
    def test_report_of_what_an_amendment_does(self, sentence: str) -> None:
        """A report of an unmodelled change ('deletes ... provisions', 'amended so that')."""
        text = f"FORM 8-K\nItem 5. Other Events.\n{sentence}\n"
        assert any(f.endswith(".other-change") for f in text_facts(text))

    def test_agent_references_replaced_are_the_appointment(self) -> None:
        """'removes all references to X as Rights Agent': the agent's change, nothing more."""
        text = (
            "FORM 8-K\nItem 5. Other Events.\nOn July 17, 2001, the Company entered into "
            "Amendment No. 4 to the Rights Agreement, which appointed Beta Bank as successor "
            "Rights Agent. Amendment No. 4 removes all references to Gamma Trust Company as "
            "Rights Agent and replaces such references with Beta Bank.\n"
        )
        assert not any("other-change" in f for f in text_facts(text))

    def test_agreement_party_after_its_name_in_a_report(self) -> None:
        """'... entered into between the Company and X Trust Company of Canada.': the agent."""
        text = (
            "FORM 8-K\nItem 1.01.\nOn November 1, 2004, the Board approved the adoption of a "
            "shareholder rights plan pursuant to a Shareholder Rights Plan Agreement dated as of "
            "November 1, 2004 between the Company and Beta Trust Company of Canada. A copy of "
            "the Rights Plan Agreement is filed herewith.\n"
        )
        assert "agreement.rights_agent=Beta Trust Company of Canada" in text_facts(text)

    def test_an_amendments_party_yields_to_the_agreements(self) -> None:
        """The party of an 'Amendment to Rights Agreement' is the agent only if no other is."""
        text = (
            "FORM 8-K\nItem 3.03.\nOn July 11, 2007, Acme Electric Co., Inc. entered into the "
            "Second Amendment to Rights Agreement (the \u201cSecond Amendment\u201d), by and "
            "between the Company and Gamma Bank National Association. The Second Amendment "
            "further amends that certain Rights Agreement, dated as of October 15, 1999, by and "
            "between the Company and Beta Stock Transfer Company, as previously amended.\n"
        )
        assert "agreement.rights_agent=Beta Stock Transfer Company" in text_facts(text)

    def test_dateline_year_run_into_the_name(self) -> None:
        """'San Mateo, Calif.-January 30, 2003-Acme Systems, Inc. (Nasdaq: ACME) announced'."""
        text = (
            "Acme Systems, Inc. Adopts Stockholder Rights Plan\nSan Mateo, Calif.-January 30, "
            "2003-Acme Systems, Inc. (Nasdaq: ACME) announced that its Board of Directors "
            "approved the adoption of a Stockholder Rights Plan.\n"
        )
        assert "company=Acme Systems, Inc." in text_facts(text)

    def test_form_8k_without_its_dash(self) -> None:
        """'FORM 8K CURRENT REPORT': an 8-K."""
        text = (
            "SECURITIES AND EXCHANGE COMMISSION WASHINGTON, DC 20549 FORM 8K CURRENT REPORT "
            "PURSUANT TO SECTION 13 OR 15(d)\nItem 5. Other Events.\nOn February 7, 2003, the "
            "Board of Directors of Acme Corporation amended the Rights Agreement.\n"
        )
        assert draft_filing(parse_filing(text, name="a.txt")).document.kind.value == "8-K"

    def test_entered_into_an_amendment_on(self) -> None:
        """'entered into that certain Amendment No. 1 to ... Rights Agreement on X': No. 1's day."""
        text = (
            "AMENDMENT NO. 2 TO SECTION 382 RIGHTS AGREEMENT\nWHEREAS, the Company and the "
            "Rights Agent previously entered into that certain Amendment No. 1 to Section 382 "
            "Rights Agreement on December 18, 2020;\n"
        )
        assert "amendment[1].executed=2020-12-18" in text_facts(text)


class TestRound12:
    """Round 12: the rights agent serving when the document speaks, and its appointment."""

    def test_successor_party_to_its_predecessor_is_the_agent(self) -> None:
        """'and X, as successor rights agent to Y (the "Rights Agent")' names X, appoints none."""
        text = (
            "AMENDMENT AGREEMENT\nAMENDMENT AGREEMENT (this \u201cAgreement\u201d) dated as of "
            "November 12, 2007 between Acme Medical, Inc., a Florida corporation, and Harbor "
            "Trust Company, N.A., a federally chartered trust company, as successor rights agent "
            "to Lake Investor Services, LLC (the \u201cRights Agent\u201d).\nWHEREAS, the Company "
            "and Rights Agent have previously entered into a Rights Agreement, dated as of July "
            "16, 2002;\n"
        )
        drafted = text_facts(text)
        assert "agreement.rights_agent=Harbor Trust Company, N.A." in drafted
        assert "agreement.rights_agent=Lake Investor Services, LLC" not in drafted
        assert not any("appoint-rights-agent" in f for f in drafted)

    def test_successor_named_as_party_of_the_agreement_is_no_appointment(self) -> None:
        """'between the registrant and X, as successor Rights Agent.' names the agent serving."""
        text = (
            "FORM 8-A/A\nAcme Corporation\nItem 1. The registrant entered into Amendment No. 2 "
            '(the "Amendment") to the Rights Agreement dated as of June 26, 1986, as heretofore '
            'amended (the "Rights Agreement") between the registrant and Harbor Trust Company of '
            "New York, as successor Rights Agent. The Amendment extends the term of the Rights.\n"
        )
        drafted = text_facts(text)
        assert "agreement.rights_agent=Harbor Trust Company of New York" in drafted
        assert not any("appoint-rights-agent" in f for f in drafted)

    def test_successor_with_its_predecessor_defined_is_appointed(self) -> None:
        """'and X, as successor rights agent to Y (the "Predecessor Agent")' appoints X."""
        text = (
            "AMENDMENT NO. 1 TO RIGHTS AGREEMENT\nThis Amendment No. 1, dated as of May 2, 2005, "
            'is between Acme Brands, Inc., a Delaware corporation (the "Company"), and Harbor '
            'Stock Transfer Company, LLC ("HST"), as successor rights agent to Lake Bank (the '
            '"Predecessor Agent").\n'
        )
        drafted = text_facts(text)
        assert "amendment[1].appoint-rights-agent=Harbor Stock Transfer Company, LLC" in drafted

    @pytest.mark.parametrize(
        "recital",
        [
            "WHEREAS, the Company has appointed Harbor as the successor Rights Agent under the "
            "Agreement;",
            "WHEREAS, the Company and Harbor entered into that certain Amendment to Rights "
            "Agreement dated March 2, 2000, whereby the Company removed Lake Trust Company as "
            "rights agent and appointed Harbor as Successor Rights Agent;",
        ],
    )
    def test_appointment_recited_in_the_past_is_no_appointment(self, recital: str) -> None:
        """An earlier appointment the amendment recites is not the amendment's appointment."""
        text = (
            "AMENDMENT NO. 2 TO RIGHTS AGREEMENT\nThis Amendment No. 2, dated as of April 3, 2001,"
            ' is by and between Acme Corp. (the "Company") and Harbor Stock Transfer Company '
            '("Harbor").\n' + recital + "\n"
        )
        assert not any("appoint-rights-agent" in f for f in text_facts(text))

    def test_appointment_effective_as_of_the_date_hereof_is_made_now(self) -> None:
        """'the Company has appointed X ... as of the date hereof' is this amendment's own."""
        text = (
            "AMENDMENT NO. 1 TO RIGHTS AGREEMENT\nThis Amendment No. 1, dated as of September "
            '15, 1997, is by and between Acme Holding Corporation (the "Company") and Harbor Bank, '
            'N.A. ("Harbor").\nWHEREAS, the Company has appointed Harbor as successor Rights '
            "Agent under the Rights Agreement, and Harbor has agreed to accept such appointment "
            "as of the date hereof;\n"
        )
        drafted = text_facts(text)
        assert "amendment[1].appoint-rights-agent=Harbor Bank, N.A." in drafted

    def test_mirror_listing_date_is_not_the_amendments(self) -> None:
        """A mirror's "• March 16th, 2022 •" listing field does not date the amendment."""
        text = (
            "FIFTH AMENDMENT TO TAX ASSET PROTECTION PLANTax Asset Protection Plan \u2022 March "
            "16th, 2022 \u2022 Acme Solutions, Inc. \u2022 Delaware\nContract Type FiledMarch "
            "16th, 2022 Company JurisdictionThis FIFTH AMENDMENT TO TAX ASSET PROTECTION PLAN (this"
            ' "Amendment") is entered into as of March 15, 2022, by and between Acme Solutions, '
            'Inc., a Delaware corporation (the "Company"), and Harbor Trust Company, N.A. (the '
            '"Rights Agent").\n'
        )
        drafted = text_facts(text)
        assert "amendment[5].executed=2022-03-15" in drafted
        assert "amendment[5].executed=2022-03-16" not in drafted

    def test_following_inserted_in_lieu_thereof_is_the_new_text(self) -> None:
        """'deleted in its entirety and the following is inserted in lieu thereof:' sets it."""
        text = (
            "AMENDMENT NO. 3 TO RIGHTS AGREEMENT\nThis Amendment No. 3, dated as of June 19, "
            '2008, is made by and between Acme Enterprises, Inc. (the "Company") and Harbor '
            'Trust Company, N.A. (the "Rights Agent").\n\n1. Section 1(a) is hereby deleted in '
            "its entirety and the following is inserted in lieu thereof:\n\n\u201c(a) "
            "\u201cAcquiring Person\u201d means any Person who or which, together with all "
            "Affiliates and Associates of such Person, shall become the Beneficial Owner of 17 "
            "1/2% or more of the shares of Common Stock then outstanding.\u201d\n"
        )
        drafted = text_facts(text)
        assert "amendment[3].set-threshold=17.5% or more" in drafted
        assert not any(f.startswith("agreement.set-threshold") for f in drafted)

    def test_instrument_hereby_adopted_as_of_its_own_date(self) -> None:
        """An amendment 'dated X, as amended Y, ..., is hereby adopted as of Z' is dated Z."""
        text = (
            "SECOND AMENDMENT TO RIGHTS AGREEMENT\nThis Second Amendment to the Rights Agreement "
            'between Acme Inc., a Delaware corporation (the "Company"), and Harbor Trust Company '
            'of New York (the "Rights Agent"), dated October 19, 1998, as amended October 20, '
            '1998 (the "Rights Agreement"), is hereby adopted as of July 29, 1999.\n'
        )
        drafted = text_facts(text)
        assert "amendment[2].executed=1999-07-29" in drafted
        assert "amendment[2].executed=1998-10-19" not in drafted

    def test_par_value_is_no_redemption_price(self) -> None:
        """A redemption told in another item drafts no price from '$0.01 par value'."""
        text = (
            "FORM 8-K\nItem 3.02. Unregistered Sales of Equity Securities\nIn consideration of "
            "the redemption of the Rights as described in Item 3.03, the Company expects to issue "
            "an aggregate of approximately 243,892 shares of its common stock, $0.01 par value.\n"
        )
        drafted = text_facts(text)
        assert "event=redemption" in drafted
        assert not any("redeem" in f for f in drafted)

    def test_successor_recited_serves_over_the_agreements_first_party(self) -> None:
        """A successor 'the Company has appointed' serves, not the agreement's first party."""
        text = (
            "AMENDMENT NO. 1 TO RIGHTS AGREEMENT THIS AMENDMENT NO. 1 to the Rights Agreement (the "
            '"Agreement") dated as of February 5, 1996 by and between Acme Financial Corporation '
            '(the "Company") and Lake Shareholder Services, L.L.C. ("Lake") is entered into as of '
            "November 4, 1996 by and between the Company and Harbor Stock Transfer & Trust Company "
            '("Harbor"). WHEREAS, the Company has appointed Harbor as the successor Rights Agent '
            "under the Agreement;\n"
        )
        drafted = text_facts(text)
        assert "agreement.rights_agent=Harbor Stock Transfer & Trust Company" in drafted
        assert not any("appoint-rights-agent" in f for f in drafted)

    def test_final_expiration_effective_in_a_recital(self) -> None:
        """'be amended to provide for its final expiration effective X' sets the expiry X."""
        text = (
            "AMENDMENT NO. 1 TO RIGHTS AGREEMENT\nThis Amendment No. 1, dated as of July 7, 2004, "
            'is between Acme, Inc. (the "Company") and Harbor Trust Company, N.A. (the "Rights '
            'Agent").\nWHEREAS, the Board of Directors of the Company has determined that the '
            "Rights Agreement be amended to provide for its final expiration effective July 31, "
            "2004.\n"
        )
        assert "amendment[1].set-expiration=2004-07-31" in text_facts(text)

    def test_amendment_no_with_the_number_in_words(self) -> None:
        """'AMENDMENT NO. THREE TO PREFERRED SHARES RIGHTS AGREEMENT' numbers the amendment 3."""
        text = (
            "AMENDMENT NO. THREE TO PREFERRED SHARES RIGHTS AGREEMENT\nTHIS AMENDMENT NO. THREE "
            "TO THE PREFERRED SHARES RIGHTS AGREEMENT (this \u201cAmendment No. Three\u201d) is "
            "made as of this 23rd day of April, 2003 by and between ACME CORPORATION, a Delaware "
            "corporation (the \u201cCompany\u201d), and Harbor Trust Company, N.A. (the "
            "\u201cRights Agent\u201d).\n"
        )
        drafted = text_facts(text)
        assert "amendment[3].executed=2003-04-23" in drafted
        assert "amendment[-].executed=2003-04-23" not in drafted
