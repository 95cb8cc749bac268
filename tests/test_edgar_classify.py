"""Naming a document's kind and the rights-plan event it reports, from the structure of its words.

Each case is a short variation of real wording (the corpus documents it comes from are named).
"""

from __future__ import annotations

import pytest

from rightsplan.edgar import DocumentKind, EventKind, classify, document_kind, parse_filing


def event(text: str) -> EventKind:
    return classify(parse_filing(text, name="doc.txt")).kind


def kind(text: str) -> DocumentKind:
    return document_kind(parse_filing(text, name="doc.txt")).kind


NOTE = "Stockholder Rights Plan\n12 Months Ended\nDec. 31, 2019\n\n"


class TestEvents:
    @pytest.mark.parametrize(
        "sentence",
        [
            "On August 28, 2019, our Board of Directors approved a Stockholder Rights Agreement "
            "(the “Rights Agreement”).",
            "On April 25, 2008, the Board of Directors adopted a Tax Benefits Preservation "
            "Rights Plan.",
            "The Board of Directors has declared a dividend distribution of one preferred share "
            "purchase right for each outstanding share of common stock.",
        ],
    )
    def test_adoption_in_a_note(self, sentence: str) -> None:
        """A note's wording of an adoption: adopted, approved by the board, a dividend of rights."""
        assert event(NOTE + sentence) is EventKind.ADOPTION

    @pytest.mark.parametrize(
        "sentence",
        [
            "On December 15, 2014, the Board of Directors approved the redemption of the rights "
            "accompanying our common stock, which effectively terminated the plan.",
            "On March 1, 2010, the Company redeemed the rights at $0.01 per right.",
            "On March 1, 2010, the Board voted to redeem the Rights.",
        ],
    )
    def test_redemption_in_a_note(self, sentence: str) -> None:
        """Someone redeemed the rights: a redemption, whatever the words around "all"."""
        assert event(NOTE + sentence) is EventKind.REDEMPTION

    def test_the_board_may_redeem_is_no_event(self) -> None:
        """A note that only says what the board may do, or when rights end, reports nothing."""
        text = (
            NOTE + "Under the plan, the Board may redeem the rights for $0.001 per right. The "
            "rights will expire on August 28, 2020, unless earlier redeemed or exchanged."
        )
        assert event(text) is EventKind.NONE

    def test_expiration_reported_by_an_8a_amendment(self) -> None:
        """An 8-A/A filed "to reflect the expiration of" the rights reports their expiration."""
        text = (
            "FORM 8-A/A\n(AMENDMENT NO. 1)\nEXPLANATORY NOTE\nThis Form 8-A/A is filed by Cerus "
            "Corporation (the “Registrant”) to reflect the expiration of the preferred share "
            "purchase rights (the “Rights”) registered on the Form 8-A filed by the Registrant "
            "on October 30, 2009.\n"
        )
        assert event(text) is EventKind.EXPIRATION

    def test_termination_by_acceleration_to_a_date(self) -> None:
        """An amendment accelerating the expiration to a date ends the plan: a termination."""
        text = (
            "Note 15 - Expiration of Rights Under Rights Agreement\n9 Months Ended\nDec. 31, "
            "2016\nOn September 26, 2016, a special committee resolved to amend the Rights "
            "Agreement to accelerate the expiration of the Rights from December 26, 2017 to "
            "September 26, 2016. As a result of the Amendment, the Rights Agreement was "
            "effectively terminated on September 26, 2016.\n"
        )
        assert event(text) is EventKind.TERMINATION

    def test_expiry_moved_earlier_is_a_termination(self) -> None:
        """An expiration date changed "from" a date "to" an earlier one is an acceleration."""
        text = (
            "FORM 8-A/A\nItem 1. Description of Registrant's Securities to be Registered.\nOn "
            "June 20, 2006, the Company amended the Rights Agreement to change the Final "
            "Expiration Date of the Rights from October 30, 2008 to June 30, 2006. As a result, "
            "the Rights will expire as of June 30, 2006.\n"
        )
        assert event(text) is EventKind.TERMINATION

    def test_expiry_moved_later_is_an_amendment(self) -> None:
        """The same words moving the date later extend the plan: an amendment."""
        text = (
            NOTE + "On May 6, 2019 the Board approved a First Amendment to Rights Agreement, "
            "which extends the final expiration date from May 18, 2019 to May 18, 2022."
        )
        assert event(text) is EventKind.AMENDMENT

    def test_acceleration_to_a_pending_merger_is_an_amendment(self) -> None:
        """An expiration moved to "immediately prior to the Merger" amends the plan; it goes on."""
        text = (
            "Shareholders Rights Plan\n6 Months Ended\nJun. 30, 2011\nOn April 25, 2008, the "
            "Company's Board of Directors approved the adoption of a shareholder rights plan. "
            "As of December 22, 2010, the Company amended the shareholder rights plan to exclude "
            "the pending merger and to accelerate the expiration date of the plan to "
            "immediately prior to the Merger.\n"
        )
        assert event(text) is EventKind.AMENDMENT

    def test_new_plan_not_the_end_of_the_old_one(self) -> None:
        """An 8-K entering into a new plan and ending the original one reports the adoption."""
        text = (
            "FORM 8-K\nItem 1.01 Entry into a Material Definitive Agreement.\nThe information "
            "set forth under Item 3.03 with respect to the entry into the NOL Rights Agreement "
            "is incorporated by reference.\nItem 1.02 Termination of a Material Definitive "
            "Agreement.\nThe information set forth under Item 3.03 with respect to the "
            "termination of the Original Rights Agreement is incorporated by reference.\n"
        )
        assert event(text) is EventKind.ADOPTION

    def test_new_plan_replacing_an_expired_one(self) -> None:
        """One sentence adopting a plan "to replace the rights plan that expired": an adoption."""
        text = (
            NOTE + "On March 1, 2019, the Board adopted a new rights plan to replace the rights "
            "plan that expired on February 28, 2019."
        )
        assert event(text) is EventKind.ADOPTION

    def test_adopting_an_accelerating_amendment_ends_the_plan(self) -> None:
        """The board adopting an amendment that accelerates the expiration: a termination."""
        text = (
            NOTE + "On June 1, 2019, the Board adopted an amendment to the Rights Agreement to "
            "accelerate the Final Expiration Date to June 1, 2019."
        )
        assert event(text) is EventKind.TERMINATION

    def test_prior_to_is_not_history(self) -> None:
        """The words "immediately prior to" date an act; they do not make the sentence history."""
        text = (
            NOTE + "On March 3, 2020, the Board of Directors adopted a Rights Plan, effective "
            "immediately prior to the opening of business."
        )
        reading = classify(parse_filing(text, name="doc.txt"))
        assert reading.kind is EventKind.ADOPTION
        assert reading.confidence == pytest.approx(0.9)

    def test_amended_and_restated_plan_is_an_amendment(self) -> None:
        """Entering into an "Amended and Restated Rights Agreement" amends the plan."""
        text = (
            "FORM 8-K\nItem 1.01 Entry into a Material Definitive Agreement.\nOn April 5, 2024, "
            "the Company entered into an Amended and Restated Rights Agreement, which extends "
            "the expiration date of the Rights from August 5, 2025 to August 5, 2034.\n"
        )
        assert event(text) is EventKind.AMENDMENT

    def test_board_approving_an_amendment_is_no_adoption(self) -> None:
        """A board approving "an amendment to the Rights Agreement" amends the plan."""
        text = (
            NOTE + "On May 5, 2019, the Board of Directors approved an amendment to the Rights "
            "Agreement to extend the Final Expiration Date to May 5, 2022."
        )
        assert event(text) is EventKind.AMENDMENT

    def test_stockholders_approving_a_plan_is_no_adoption(self) -> None:
        """Stockholders approving (ratifying) a plan at a meeting do not adopt it."""
        text = NOTE + "Our stockholders approved the Tax Benefit Preservation Plan at the meeting."
        assert event(text) is EventKind.NONE

    def test_bare_8a_amendment_cover(self) -> None:
        """A cover alone of a Form 8-A/A is an amendment, said with low confidence."""
        text = (
            "SECURITIES AND EXCHANGE COMMISSION\nFORM 8-A/A AMENDING FORM 8-A DATED MAY 22, "
            "1986\nFOR REGISTRATION OF CERTAIN CLASSES OF SECURITIES\nSYSCO Corporation\n(Exact "
            "name of registrant as specified in its charter)\n"
        )
        reading = classify(parse_filing(text, name="doc.txt"))
        assert reading.kind is EventKind.AMENDMENT
        assert reading.confidence < 0.5

    @pytest.mark.parametrize(
        "text",
        [
            "CERTIFICATE OF DESIGNATION OF PREFERENCES, RIGHTS AND LIMITATIONS OF SERIES D "
            "PERPETUAL PREFERRED STOCK\nThe Corporation is authorized to issue 10,000,000 shares "
            "of preferred stock, of which 1,000,000 are designated Series A Junior Participating "
            "Preferred Stock.\n",
            "FORM 8-K\nItem 3.03 Material Modification to Rights of Security Holders.\nOn May 1, "
            "2020, the Company filed a Certificate of Designations of its Series B Preferred "
            "Stock, which ranks senior to the common stock as to dividends.\n",
            NOTE + "Each right entitles the holder to purchase one one-thousandth of a share of "
            "preferred stock, until the earlier of the redemption or expiration of the Rights.\n",
        ],
    )
    def test_mentions_without_an_event_stay_none(self, text: str) -> None:
        """Preferred stock, rights of security holders, a plan's terms: no event is reported."""
        assert event(text) is EventKind.NONE


class TestDocumentKinds:
    def test_proxy_by_its_voting_words(self) -> None:
        """A proxy excerpt without its cover is known by how it says shares are voted."""
        text = (
            "What if I am a record holder and I do not specify how I want my shares voted?\nIf "
            "you return a completed proxy card that does not specify how you want to vote, the "
            "designated proxies will vote your shares for each proposal.\nAbstentions and broker "
            "non-votes will have the effect of a vote against this proposal.\n"
        )
        assert kind(text) is DocumentKind.PROXY

    def test_proxy_proposal_to_ratify_a_plan(self) -> None:
        """A proposal to ratify a rights plan is read from a proxy statement."""
        text = (
            "PROPOSAL NO. 4 – RATIFICATION OF THE SECOND AMENDMENT TO THE RIGHTS AGREEMENT\n"
            "On August 14, 2020, our Board adopted a Section 382 rights plan and declared a "
            "dividend distribution of one right for each outstanding share of Common Stock.\n"
        )
        assert kind(text) is DocumentKind.PROXY

    def test_description_of_registered_securities(self) -> None:
        """A 10-K's exhibit describing registered securities is neither agreement nor note."""
        text = (
            "Exhibit 4.4\n\nAVIAT NETWORKS, INC.\nDESCRIPTION OF REGISTERED SECURITIES\nGeneral\n"
            "Aviat Networks, Inc. (the “Company”) has two classes of registered securities, "
            "common stock and preferred share purchase rights.\n"
        )
        assert kind(text) is DocumentKind.UNKNOWN

    def test_agreement_title_with_its_defined_term(self) -> None:
        """A title followed by its defined term, then "effective as of", opens an agreement."""
        text = (
            "Contract\nRIGHTS AGREEMENT (the “Rights Agreement”), effective\nas of February 19, "
            "2010, between SHEERVISION, INC., a Delaware corporation (the “Company”), and "
            "CONTINENTAL STOCK TRANSFER & TRUST COMPANY (the “Rights Agent”).\n"
        )
        reading = document_kind(parse_filing(text, name="doc.txt"))
        assert reading.kind is DocumentKind.AGREEMENT
        assert reading.confidence == "high"

    def test_amendment_no_to_form_8a(self) -> None:
        """A cover titled "Amendment No. 1 to FORM 8-A" is an 8-A/A."""
        text = (
            "SECURITIES AND EXCHANGE COMMISSION\nAmendment No. 1 to\nFORM 8-A\nFOR REGISTRATION "
            "OF CERTAIN CLASSES OF SECURITIES\nCNS, INC.\n(Exact name of registrant as "
            "specified in its charter)\nPreferred Stock Purchase Rights\n"
        )
        assert kind(text) is DocumentKind.FORM_8A_AMENDMENT

    def test_form_8a_with_its_amendment_number(self) -> None:
        """A cover reading "FORM 8-A" then "(Amendment No. 2)" is an 8-A/A."""
        text = "FORM 8-A\n(Amendment No. 2)\nFOR REGISTRATION OF CERTAIN CLASSES OF SECURITIES\n"
        assert kind(text) is DocumentKind.FORM_8A_AMENDMENT

    def test_8a_amendment_names_the_8a_it_amends(self) -> None:
        """An 8-A/A that names the Form 8-A it amends is an 8-A/A, surely."""
        text = (
            "PUBLIC DOCUMENT COUNT: 2 FILED AS OF DATE: 19990716 " * 20
            + "FORM 8-A/A AMENDING FORM 8-A DATED MAY 22, 1986\n"
        )
        reading = document_kind(parse_filing(text, name="doc.txt"))
        assert reading.kind is DocumentKind.FORM_8A_AMENDMENT
        assert reading.confidence == "high"


class TestPressReleases:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "Acme Bancorp Announces Adoption of Shareholder Rights Plan\n\nDALLAS, TX -- "
                "Acme Bancorp (NASDAQ: ABCP) announced today that its Board of Directors adopted "
                "a shareholder rights plan.",
                EventKind.ADOPTION,
            ),
            (
                "Exhibit 99.1\nAcme Therapeutics Terminates Stockholder Rights Plan\nBOSTON, May "
                "1, 2019 -- Acme Therapeutics, Inc. (NASDAQ: ACMT) today announced that its Board "
                "has voted to terminate the Company's stockholder rights plan.",
                EventKind.TERMINATION,
            ),
            (
                "Acme Corp. Extends Shareholder Rights Plan\nDENVER, June 2, 2012 — Acme Corp. "
                "(NYSE: AC) today announced that its Board of Directors has approved an amendment "
                "to extend the expiration date of the plan from June 10, 2012 to June 10, 2015.",
                EventKind.AMENDMENT,
            ),
        ],
    )
    def test_headline_is_not_an_agreement_title(self, text: str, expected: EventKind) -> None:
        """A headline ending "... Rights Plan" opens a press release, not an agreement."""
        reading = document_kind(parse_filing(text, name="doc.txt"))
        assert reading.kind is DocumentKind.PRESS_RELEASE
        assert event(text) is expected

    def test_dateline(self) -> None:
        """A wire story's dateline ("DENVER, June 2, 2012 —") marks a press release."""
        text = (
            "DENVER, June 2, 2012 — Acme Corp. said that its Board of Directors has voted to "
            "redeem all of the outstanding rights issued under its rights agreement."
        )
        assert kind(text) is DocumentKind.PRESS_RELEASE
        assert event(text) is EventKind.REDEMPTION

    def test_title_line_still_opens_an_agreement(self) -> None:
        """A plan's title on a line of its own (no headline verb) still opens an agreement."""
        text = (
            "Exhibit 4.1\n\nTAX BENEFIT PRESERVATION PLAN\n\nbetween\n\nACME CORP.\n\nand\n\n"
            "COMPUTERSHARE TRUST COMPANY, N.A.,\nas Rights Agent\n"
        )
        assert kind(text) is DocumentKind.AGREEMENT
