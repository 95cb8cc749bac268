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

    def test_headline_terminates_over_an_acceleration(self) -> None:
        """A release headed "Terminates" that moves the expiry earlier reports an amendment."""
        text = (
            "ACME CORP. TERMINATES SHAREHOLDER RIGHTS PLAN\nNew York, New York (May 4, 2009) -- "
            "Acme Corp. today announced that its Board voted to amend the Company's Shareholder "
            "Rights Plan, advancing its expiration date from November 26, 2018 to May 4, 2009.\n"
        )
        assert event(text) is EventKind.AMENDMENT

    def test_promised_amendment_is_an_amendment(self) -> None:
        """'we will promptly amend the rights plan': a commitment, not a hypothetical."""
        text = (
            "Acme Corp. today sent a letter to shareholders. We told them that we will promptly "
            "amend the Company's existing shareholder rights plan.\n"
        )
        assert event(text) is EventKind.AMENDMENT

    def test_expiry_moved_earlier_is_an_amendment(self) -> None:
        """An expiry moved "from" a date "to" an earlier one amends the expiry; no termination."""
        text = (
            "FORM 8-A/A\nItem 1. Description of Registrant's Securities to be Registered.\nOn "
            "June 20, 2006, the Company amended the Rights Agreement to change the Final "
            "Expiration Date of the Rights from October 30, 2008 to June 30, 2006. As a result, "
            "the Rights will expire as of June 30, 2006.\n"
        )
        assert event(text) is EventKind.AMENDMENT

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


class TestAmendmentThatEndsThePlan:
    def test_expiry_brought_about_by_the_amendment(self) -> None:
        """Rights that expire "as amended by the Amendment" report the amendment, not an expiry."""
        text = (
            "Item 3.03 Material Modification to Rights of Security Holders.\nOn March 25, 2018, "
            "the Board approved, and on March 27, 2018, the Company and the rights agent entered "
            'into, an amendment to the Agreement (the "Amendment"). The Amendment changed the '
            "final expiration date of the Rights under the Tax Benefits Preservation Plan to "
            "March 27, 2018. In accordance with the terms of the Agreement as "
            "amended by the Amendment, all of the Rights expired on March 27, 2018.\n"
        )
        assert event(text) is EventKind.AMENDMENT


class TestDocumentKinds:
    def test_annual_report_page_is_an_annual_note(self) -> None:
        """A page of an annual report ("Acme's 2010 Annual Report - Page 68") is a 10-K note."""
        text = (
            "Acme's 2010 Annual Report - Page 68\n\nOn March 1, 2002, the Board adopted a "
            "stockholder rights plan. The rights expire on March 1, 2012.\n"
        )
        assert kind(text) is DocumentKind.ANNUAL_NOTE

    def test_description_of_securities_is_no_agreement(self) -> None:
        """An EX-4 describing registered securities, a rights plan among them, is no agreement."""
        text = (
            "EX-4.5 2 ex45.htm EX-4.5\nExhibit 4.5\nDescription of Securities Registered "
            "Pursuant to Section 12 of the Securities Exchange Act of 1934\nAcme Corp. has one "
            "class of common stock. Each share carries one right under our Rights Agreement, "
            "dated as of May 1, 2019, with Example Trust Company, as Rights Agent.\n"
        )
        assert kind(text) is DocumentKind.UNKNOWN
        assert event(text) is not EventKind.ADOPTION

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

    def test_eight_a_amendment_numbered_in_words(self) -> None:
        """An 8-A/A headed "AMENDMENT NUMBER 1 TO FORM 8-A" is read as one headed "No. 1"."""
        text = (
            "SECURITIES AND EXCHANGE COMMISSION Washington, D.C. 20549 ---- AMENDMENT NUMBER 1 "
            "TO FORM 8-A FOR REGISTRATION OF CERTAIN CLASSES OF SECURITIES\n"
        )
        assert kind(text) is DocumentKind.FORM_8A_AMENDMENT

    def test_eight_k_item_title_outside_a_line_start(self) -> None:
        """The title of the 8-K item on rights of security holders names a current report."""
        text = (
            "Acme Corp Files An 8-K Material Modification to Rights of Security HoldersItem "
            "3.03 Material Modification to Rights of Security Holders.\nOn March 2, 2018, the "
            "Company entered into an amendment to its Rights Agreement. See Exhibit4.1.\n"
        )
        assert kind(text) is DocumentKind.FORM_8K

    def test_letter_that_hereby_amends_is_an_amendment(self) -> None:
        """A letter to the rights agent that "hereby amends ... as follows" is an amendment."""
        text = (
            "Exhibit 4.1\nMay 7, 2004\nFirst Bank\nRe: Changes to Rights Agreement\n"
            "Pursuant to Section 27 of the Rights Agreement, dated as of May 11, 1998, the "
            "Company hereby amends the Rights Agreement as follows:\n"
        )
        assert kind(text) is DocumentKind.AMENDMENT

    def test_summary_of_a_plan_is_not_the_plan(self) -> None:
        """A plan's title above "This summary is qualified by reference ..." heads a summary."""
        text = (
            "EXHIBIT I-1\n\nSHAREHOLDER RIGHTS PLAN\n\nEach share of our common stock includes "
            "one right. The rights are issued pursuant to the Rights Agreement dated as of "
            "January 1, 2002 between us and Lake Bank. This summary is qualified by reference to "
            "the Rights Agreement.\n"
        )
        assert kind(text) is DocumentKind.UNKNOWN

    def test_mirror_extract_from_a_current_report(self) -> None:
        """A mirror's "Extract: ... from a 8-K on <date>" line names the extract's form."""
        text = (
            "Acme Corp.\nExtract: Poison Pill Activity: Redemption from a 8-K on 10/07/2021\n"
            "On October 2, 2021, the Board approved the redemption of the rights.\n"
        )
        assert kind(text) is DocumentKind.FORM_8K

    def test_title_of_a_rights_plan_agreement(self) -> None:
        """A line reading "... SHAREHOLDER RIGHTS PLAN AGREEMENT" titles an agreement."""
        text = "AMENDED AND RESTATED SHAREHOLDER RIGHTS PLAN AGREEMENT\nBETWEEN\nACME INC.\n"
        assert kind(text) is DocumentKind.AGREEMENT


class TestPressReleases:
    def test_dateline_without_a_date(self) -> None:
        """A city in capitals and a dash before the first sentence opens a news story."""
        text = (
            "TORONTO – Based on advice received, the board of directors has amended the "
            "shareholders' rights plan that was adopted on July 28.\n"
        )
        assert kind(text) is DocumentKind.PRESS_RELEASE

    def test_note_heading_with_a_dash_is_no_dateline(self) -> None:
        """A note's lettered heading followed by a dash is not a story's dateline."""
        text = "NOTE T — Stockholders rights plan\nThe Company has a rights plan.\n"
        assert kind(text) is not DocumentKind.PRESS_RELEASE

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

    @pytest.mark.parametrize(
        "dateline",
        [
            "Springfield, Ohio, May 4, 2021 \u2013",
            "Springfield, OH \u2013 May 4, 2021 \u2013",
            "SPRINGFIELD, Ohio \u2013 May 4, 2021 -",
            "Springfield, OH (May 4, 2021)\u2014",
        ],
    )
    def test_dateline_in_its_own_case_under_a_title_like_headline(self, dateline: str) -> None:
        """A dateline in any case, its date after a comma or a dash, outweighs a headline."""
        text = (
            "Exhibit 99.1\nACME ADOPTS LIMITED DURATION\nSTOCKHOLDER RIGHTS PLAN\n"
            f"{dateline} Acme Corp. today announced that its Board of Directors has adopted a "
            "stockholder rights plan.\n"
        )
        assert kind(text) is DocumentKind.PRESS_RELEASE

    def test_title_line_still_opens_an_agreement(self) -> None:
        """A plan's title on a line of its own (no headline verb) still opens an agreement."""
        text = (
            "Exhibit 4.1\n\nTAX BENEFIT PRESERVATION PLAN\n\nbetween\n\nACME CORP.\n\nand\n\n"
            "COMPUTERSHARE TRUST COMPANY, N.A.,\nas Rights Agent\n"
        )
        assert kind(text) is DocumentKind.AGREEMENT


class TestExhibitsAndReferences:
    """A form type names the document only where it is the document's own cover."""

    @pytest.mark.parametrize(
        "text",
        [
            # crown-cork-seal: a mirror's header names the 8-A/A the exhibit was filed with.
            "CROWN CORK & SEAL CO INC\n8-A12B/A, EX-99, 2000-05-30\nMETAL CANS\n\n"
            "Exhibit No. 1\n\nCROWN CORK & SEAL COMPANY, INC.\n\nand\n\nFIRST CHICAGO TRUST "
            "COMPANY OF NEW YORK\n\nAMENDED AND RESTATED RIGHTS AGREEMENT\n\nDated as of May 25, "
            "2000\n",
            # ramp: EDGAR's own header line for the exhibit of a Form 8-A.
            "EX-1 2 form8a_20040527-ex1.htm Ramp Corporation - Form 8-A, May 27, 2004 - "
            "Exhibit 1\n\nRAMP CORPORATION\n\nand\n\nCOMPUTERSHARE TRUST COMPANY, INC.,\nas "
            "Rights Agent\n\nRIGHTS AGREEMENT\n\nDated as of May 27, 2004\n",
        ],
    )
    def test_exhibit_of_an_8a_is_the_exhibit(self, text: str) -> None:
        """The agreement filed with an 8-A is an agreement, and its text has no cover's form."""
        assert kind(text) is DocumentKind.AGREEMENT
        assert parse_filing(text, name="doc.txt").form == ""

    def test_form_named_as_another_document(self) -> None:
        """'in a Form 8-K and ... on Form 8-A/A that ... is filing' is no cover (pmi-group)."""
        text = (
            "The PMI Group, Inc. (NYSE: PMI) today announced that its Board of Directors has "
            "adopted an Amended and Restated Tax Benefits Preservation Plan.\nAdditional "
            "information regarding the amended plan will be contained in a Form 8-K and in a "
            "Registration Statement on Form 8-A/A that The PMI Group is filing with the "
            "Securities and Exchange Commission.\n"
        )
        filing = parse_filing(text, name="doc.txt")
        assert filing.form == ""
        assert document_kind(filing).kind is DocumentKind.PRESS_RELEASE

    def test_cover_written_across_lines(self) -> None:
        """'Form' / '8-A/A' on lines of their own is the cover, not the 8-A it amends."""
        text = (
            "SECURITIES\nAND\nEXCHANGE COMMISSION\nForm\n8-A/A\nAmendment\nNo. 4\nFor\n"
            "Registration of Certain Classes of Securities\nThe Company hereby amends Items 1 "
            "and 2 of its Registration Statement on Form 8-A filed with the Commission.\n"
        )
        assert kind(text) is DocumentKind.FORM_8A_AMENDMENT


class TestTitlesAndHeadings:
    @pytest.mark.parametrize(
        "text",
        [
            # limestone-bancorp: the company's name between "to the" and the plan's title.
            "Exhibit 4\n\nAMENDMENT No. 4\nto the\nLIMESTONE BANCORP, INC.\nTAX BENEFITS "
            "PRESERVATION PLAN\n\nThis is Amendment No. 4 (this \u201cAmendment\u201d) dated as of "
            "May 19, 2021, to the TAX BENEFITS PRESERVATION PLAN dated as of June 25, 2015.\n",
            # n2h2: a flattened page whose title runs into the text.
            "EX-4.1 6 v91885exv4w1.txt EXHIBIT 4.1 AMENDMENT NO. 1 TO RIGHTS AGREEMENT THIS "
            'AMENDMENT NO. 1 TO RIGHTS AGREEMENT (this "AMENDMENT NO. 1"), dated as of July 28, '
            "2003, is made by and between N2H2, Inc. and Mellon Investor Services LLC.\n",
        ],
    )
    def test_an_amendment_names_itself(self, text: str) -> None:
        """An amendment's title or its '(this "Amendment")': an amendment, not the agreement."""
        assert kind(text) is DocumentKind.AMENDMENT
        assert event(text) is EventKind.AMENDMENT

    @pytest.mark.parametrize(
        "text",
        [
            # trico-marine-services: a title page flattened onto one line.
            "TRICO MARINE SERVICES, INC. and CHASEMELLON SHAREHOLDER SERVICES, L.L.C. Rights "
            "Agent Rights Agreement Dated as of February 19, 1998 TABLE OF CONTENTS\n",
            # fargo-electronics: a form of agreement.
            "FORM OF RIGHTS AGREEMENT between FARGO ELECTRONICS, INC. and NORWEST BANK "
            "MINNESOTA, N.A. Dated as of January , 2000\nTABLE OF CONTENTS\nSection | Page\n"
            "1. | Certain Definitions. | 1\n",
        ],
    )
    def test_title_page_of_an_agreement(self, text: str) -> None:
        """A title followed by its parties or 'Dated', or Section 1's definitions: an agreement."""
        assert kind(text) is DocumentKind.AGREEMENT

    @pytest.mark.parametrize(
        "text",
        [
            "Allergan adopts one-year stockholder rights plan\nApril 23, 2014\nIrvine, "
            "Calif.-based Allergan has announced its board of directors has unanimously adopted a "
            "one-year stockholder rights plan.\n",
            "RRD Amends Existing Stockholder Rights Plan\n\nCHICAGO (News release) -- R. R. "
            "Donnelley & Sons Company announced that its Board of Directors has approved an "
            "amendment of the Company's stockholder rights plan.\n",
            "XXXXXXX XXXXXXX, INC.\nADOPTS REPLACEMENT STOCKHOLDER\nPROTECTION RIGHTS AGREEMENT\n"
            "FULLERTON, CALIFORNIA, February 4, 1999 - Xxxxxxx Xxxxxxx, Inc. announced that its "
            "Board of Directors today adopted a replacement Stockholder Protection Rights "
            "Agreement.\n",
        ],
    )
    def test_headline_or_dateline_opens_a_release(self, text: str) -> None:
        """A headline acting on a plan, or a dateline, opens a press release."""
        assert kind(text) is DocumentKind.PRESS_RELEASE

    def test_numbered_note_heading(self) -> None:
        """An XBRL page opening on a numbered note heading is a note (a 10-K's, unless said)."""
        text = (
            "|\n8. Stockholders' Equity\nCommon Stock Purchase Rights\nOn November 18, 2002, the "
            'Board of Directors resolved to adopt a Shareholders\' Rights Plan ("Rights Plan").\n'
        )
        reading = document_kind(parse_filing(text, name="doc.txt"))
        assert reading.kind is DocumentKind.ANNUAL_NOTE


class TestEventsByStructure:
    @pytest.mark.parametrize(
        "text",
        [
            # cenveo: the dividend's defined term between "dividend" and "of one ... right".
            "ITEM 3.03 MATERIAL MODIFICATION TO RIGHTS OF SECURITY HOLDERS. On April 17, 2005, "
            'the Board of Directors declared a dividend (the "Dividend") of one preferred share '
            'purchase right (a "Right") for each outstanding share of common stock.\n',
            # a letter to stockholders: the rights, plural, as the dividend.
            "To Our Stockholders:\nYour Board of Directors today declared a dividend of Preferred "
            "Share Purchase Rights. This letter describes the Rights Agreement.\n",
            # edgewater-technology: only the cover's heading says what the report is.
            "FORM 8-K\n\nRELATING TO ADOPTION OF A RIGHTS PLAN\n\nItem 5.   Other Events.\n",
        ],
    )
    def test_adoption(self, text: str) -> None:
        """Rights declared as a dividend, or a heading naming the adoption: an adoption."""
        assert event(text) is EventKind.ADOPTION

    def test_adoption_in_prose_is_not_a_heading(self) -> None:
        """'the adoption of the Rights Agreement would be beneficial' reports no adoption."""
        text = (
            NOTE + "The Board determined that the adoption of the Rights Agreement would be "
            "beneficial to the Company.\n"
        )
        assert event(text) is EventKind.NONE

    @pytest.mark.parametrize(
        "text",
        [
            "Ford Extends Tax Benefit Preservation Plan\n\nDEARBORN\u2014 Ford Motor Company "
            "today announced that its Board of Directors approved a three-year extension of its "
            "current tax benefit preservation plan. As part of the plan, in 2009 the Board of "
            "Directors declared a dividend of one preferred share purchase right.\n",
        ],
    )
    def test_extension_is_an_amendment(self, text: str) -> None:
        """A plan extended is a plan amended, whatever the release recalls of its adoption."""
        assert event(text) is EventKind.AMENDMENT

    def test_restated_charter_is_not_a_restated_plan(self) -> None:
        """An agreement listing a 'Second Amended and Restated Certificate of Incorporation'."""
        text = (
            "Tax Asset Protection Plan, dated as of September 12, 2019, between Eastman Kodak "
            "Company and Computershare Trust Company, N.A., as Rights Agent, which includes as "
            "Exhibit B the form of Certificate of Amendment to the Second Amended and Restated "
            "Certificate of Incorporation\nExhibit 4.1\nTAX ASSET PROTECTION PLAN\ndated as of\n"
            "September 12, 2019\n"
        )
        assert event(text) is EventKind.ADOPTION

    def test_restated_under_the_title(self) -> None:
        """'As amended and restated on April 25, 1997' under a title: the plan goes on."""
        text = (
            "FLUKE CORPORATION\nand\nCONTINENTAL STOCK TRANSFER & TRUST COMPANY\nRights Agent\n"
            "Rights Agreement\nDated originally as of July 11, 1988\nAs amended and restated on "
            "April 25, 1997\nTABLE OF CONTENTS\nSection 1. Certain Definitions ......1\n"
        )
        assert event(text) is EventKind.AMENDMENT

    def test_later_expiry_does_not_date_the_adoption(self) -> None:
        """An expiry date in the adoption's sentence does not make it the latest event."""
        text = (
            "|6 Months Ended\nAug. 01, 2020\n8. Stockholder Rights Plan\nOn July 31, 2019, the "
            "Board of Directors adopted a limited duration stockholder rights plan with an "
            "expiration date of August 1, 2022.\nOn July 31, 2020, the Board of Directors "
            "adopted an amendment to the Rights Plan accelerating the expiration of the Rights "
            "from 5:00 p.m. ET, on August 1, 2022, to 5:00 p.m. ET, on August 1, 2020.\n"
        )
        assert event(text) is EventKind.TERMINATION


class TestOlderWordings:
    """1990s wordings of events and instruments (issue 15, the third half's errors)."""

    @pytest.mark.parametrize(
        "text",
        [
            # altair-international/01-8k-item5.txt
            'Item 5.  Other Events.\n\nAltair International Inc. (the "Company") is filing this '
            "Current Report on Form 8-K to report the adoption of a Shareholder Rights Plan "
            "dated November 27, 1998.\n",
            # cutco-industries/01-8k-item5.txt
            "Item 5.  Other Events.\n\nOn November 10, 1998, the Board of Directors of CutCo\n"
            'Industries, Inc. (the "Company") approved a stockholder rights plan.\n',
            # insight-enterprises/01-8k-item5.txt: the rights named, never the plan
            "Item 5.  Distribution of Preferred Stock Rights\n\nOn December 4, 1998, the Board "
            'of Directors of Insight Enterprises, Inc. (the "Company") declared a dividend '
            "distribution of one Right for each outstanding share of common stock.\n",
        ],
    )
    def test_item_5_adoption(self, text: str) -> None:
        """An Item 5 report of an adoption: 'to report the adoption of', a board's approval."""
        assert event(text) is EventKind.ADOPTION

    def test_rights_redeemed_one_by_one(self) -> None:
        """'redeemed as of March 26, 1999 (...) each outstanding right' is a redemption."""
        text = (
            "Item 5.  Other Events.\n\nOn March 10, 1999, the Board of Directors of J. C. "
            'PENNEY COMPANY, INC. (the "Company") redeemed as of March 26, 1999 (the '
            '"Redemption Date") each outstanding right to purchase one four-hundredth of a '
            "share of Series A Junior Participating Preferred Stock, issued pursuant to the "
            "Rights Agreement dated as of February 14, 1990.\n"
        )
        assert event(text) is EventKind.REDEMPTION

    def test_double_spaced_sentence(self) -> None:
        """A sentence typed with a blank line after each line is read whole."""
        text = (
            "      Item 5.  Other Events.\n \n\n"
            "                   On August 22, 1996, the Board of Directors of\n \n\n"
            '      Beneficial Corporation (the "Company") approved the renewal of the\n \n\n'
            "      Company's existing stockholder rights plan by adopting a Renewed\n \n\n"
            "      Rights Agreement between the Company and First Chicago Trust\n \n\n"
            '      Company of New York, dated as of August 22, 1996 (the "Renewed\n \n\n'
            '      Rights Agreement").\n'
        )
        assert event(text) is EventKind.ADOPTION

    @pytest.mark.parametrize(
        "text",
        [
            # bone-care-international/01-ex4-amendment.txt
            "Exhibit 4.2 FIRST AMENDMENT TO RIGHTS AGREEMENT ----- AMENDMENT, dated as of "
            'September 21, 1999 (the "Amendment"), to the Rights Agreement, dated as of April '
            '15, 1996 (the "Rights Agreement"), between Bone Care International, Inc.',
            # crompton-knowles/01-ex4-amendment.txt, without the exhibit's title
            "AMENDMENT, dated as of January 20, 1998, to the Rights Agreement, dated as of July "
            '20, 1988, as amended March 28, 1991, and October 1, 1992, (the "Rights Agreement")',
            # j-c-penney/01-ex4-amendment.txt
            "Exhibit 4.1\nSECOND AMENDMENT TO AMENDED AND RESTATED RIGHTS AGREEMENT, dated as of "
            "January 24, 2020 (“Second Amendment”), by and between J. C. Penney Company, Inc.\n",
            # dst-systems/01-ex99-amendment.txt: an amendment filed as EX-99
            "EX-99 3 form8-a12ba_csxexh.txt EXHIBIT 99 THIRD AMENDMENT TO RIGHTS AGREEMENT This "
            "Third Amendment dated as of September 25, 2001 is to the Rights Agreement",
            # cik-1596993/01-ex4-amendment.txt: only its operative clauses
            '|1.\n|\nThe definition of "Final Expiration Date" set forth in Section 1 of the '
            "Rights Agreement is hereby amended and restated in its entirety as follows:\n|2.\n|"
            "\nExhibits A and B to the Rights Agreement shall be deemed amended in a manner "
            "consistent with this Amendment.\n",
        ],
    )
    def test_amendment_without_a_title_line(self, text: str) -> None:
        """An amendment known by its preamble, an exhibit label's title, or 'this Amendment'."""
        assert kind(text) is DocumentKind.AMENDMENT

    def test_a_release_speaks_of_the_amendment(self) -> None:
        """A release's 'an amendment, dated as of ...' in prose does not make it an amendment."""
        text = (
            "ACME Corp. Amends Rights Plan\nNEW YORK, June 2, 2012 -- ACME Corp. (NYSE: ACM) "
            "today announced that it entered into an amendment, dated as of June 1, 2012, to "
            "the Rights Agreement. The Amendment extends the plan.\n"
        )
        assert kind(text) is DocumentKind.PRESS_RELEASE

    @pytest.mark.parametrize(
        "sentence",
        [
            # cik-49615/01-10q-note.txt
            "The Rights Plan had a three-year term which expired in July 2012.",
            # cik-844965/01-10k-note.txt
            "As a result of its expiration, the rights issued pursuant to the Rights Plan "
            "expired and are no longer outstanding.",
        ],
    )
    def test_note_ending_without_a_date(self, sentence: str) -> None:
        """A note's last, undated sentence saying the plan expired is its latest event."""
        text = (
            NOTE + "On July 13, 2009, the Company entered into a shareholder rights plan (the "
            "“Rights Plan”), under which the Board of Directors declared a dividend of one Right "
            "for each share of common stock. " + sentence + "\n"
        )
        assert event(text) is EventKind.EXPIRATION

    @pytest.mark.parametrize(
        "text",
        [
            # international-royalty/01-material-change-report.txt
            "|MATERIAL CHANGE REPORT\n|1.\n|Reporting Issuer\n|International Royalty Corporation\n"
            "|2.\n|Date of Material Change\n|April 18, 2005\n",
            # synovus-financial/01-ex99-letter.txt
            "EX-99.1 3 g23145exv99w1.htm EX-99.1 exv99w1\nExhibit 99.1\n[ON SYNOVUS LETTERHEAD]\n"
            "May 4, 2010\nTo Our Shareholders:\n     On April 26, 2010, the Board of Directors of "
            "Synovus Financial Corp. adopted a Shareholder Rights Plan (the “Rights Plan”).\n",
        ],
    )
    def test_report_or_letter_is_not_a_release(self, text: str) -> None:
        """A material change report or a letter to shareholders is neither a release nor a form."""
        assert kind(text) is DocumentKind.UNKNOWN

    def test_heading_about_the_plan_is_no_title(self) -> None:
        """'Approval of Continuation of Shareholder Rights Plan' heads a circular's section."""
        # connacher-oil-and-gas/01-proxy-circular.txt
        text = (
            "Approval of Continuation of Shareholder Rights Plan\n\nThe Corporation instituted a "
            'shareholder rights plan (the "Rights Plan") in 2007, which was approved by '
            "Shareholders at the Corporation's 2007 annual and special meeting.\n"
        )
        assert kind(text) is not DocumentKind.AGREEMENT
        assert event(text) is not EventKind.ADOPTION

    def test_mirror_s_list_of_files_names_no_cover(self) -> None:
        """'8-K - FORM 8-K - SAFEWAY INCd600469d8k.htm' lists files; the document is the release."""
        # safeway/01-ex99-press-release.txt
        text = (
            "Attached files\n\nfile filename\n8-K - FORM 8-K - SAFEWAY INCd600469d8k.htm\n"
            "EX-4.1 - EX-4.1 - SAFEWAY INCd600469dex41.htm\n\nExhibit 99.1\n\nSafeway Declares "
            "Dividend Distribution of Preferred Stock Purchase Rights\n\nPLEASANTON, CA, "
            "September 17, 2013 — Safeway Inc. (NYSE: SWY) today announced that it has adopted "
            "a one-year stockholder rights plan.\n"
        )
        assert kind(text) is DocumentKind.PRESS_RELEASE

    def test_amended_as_an_adjective_is_no_amendment(self) -> None:
        """'In connection with the adoption of the amended Rights Agreement' amends nothing."""
        # cik-1040570/01-10k-note.txt
        text = (
            NOTE + "On June 8, 2011, the Board of Directors adopted a Stockholder Rights "
            "Agreement, or Rights Agreement between the Company and Mellon Investor Services "
            "LLC, as rights agent. In connection with the adoption of the amended Rights "
            "Agreement, the Board of Directors of the Company declared a dividend of one "
            "preferred stock purchase right, or Right, for each outstanding share of Common "
            "Stock to stockholders of record as of the close of business on June 22, 2011.\n"
        )
        assert event(text) is EventKind.ADOPTION


class TestReportHeadingsRunOn:
    @pytest.mark.parametrize(
        "heading",
        [
            "Acme Corp. Files An 8-K Material Modification to Rights of Security HoldersITEM "
            "3.03Material Modification to Rights of Securities Holders\n",
            "Acme Corp. Files An 8-K Entry into a Material Definitive Agreement\n\nItem1.01.\n",
        ],
    )
    def test_an_item_heading_a_mirror_runs_on(self, heading: str) -> None:
        """An 8-K item's heading still names a current report when a mirror runs it on."""
        text = (
            heading + "On May 1, 2021, the Company entered into an amendment to its rights plan.\n"
        )
        assert kind(text) is DocumentKind.FORM_8K


class TestRound6:
    def test_period_cell_dates_no_event(self) -> None:
        """A note's "12 Months Ended" date in a table cell of its own dates no event told later."""
        text = (
            "Stockholder Rights Plan\n|12 Months Ended\n|\nDec. 31, 2011\n|\nIn 2011 the Company "
            "adopted a shareholder rights plan. On August 19, 2011, the Board determined to "
            "amend the Rights Plan to accelerate the expiration date from the close of business "
            "on January 24, 2012 to the close of business on September 30, 2011.\n"
        )
        assert event(text) is EventKind.AMENDMENT

    def test_a_past_plan_is_history(self) -> None:
        """'The Company's past Rights Agreement ... expired': history beside the new plan."""
        text = (
            NOTE + "In April 2019, the Board adopted a Rights Agreement. The Company's past "
            "Shareholder Rights Agreement, dated as of April 20, 2009, expired on April 27, "
            "2019. The Rights will expire on April 27, 2029."
        )
        assert event(text) is EventKind.ADOPTION

    def test_headline_in_capitals_after_a_mirrors_line_is_no_title(self) -> None:
        """A capitalised line 'ACME ADOPTS SHAREHOLDER RIGHTS PLAN' is a headline, not a title."""
        text = (
            "Printer Friendly\n\nACME ADOPTS SHAREHOLDER RIGHTS PLAN\n\n ACME ADOPTS SHAREHOLDER "
            "RIGHTS PLAN\n At a meeting held Tuesday, June 23, the board of directors of Acme "
            "Corporation adopted a shareholder rights plan.\n"
        )
        assert kind(text) is not DocumentKind.AGREEMENT

    @pytest.mark.parametrize(
        "cover",
        [
            "UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\nFORM 8\u2212A\n",
            "INFORMATION REQUIRED IN REGISTRATION STATEMENT\nItem 1.    Description of "
            "Registrant\u2019s Securities to be Registered.\n",
        ],
    )
    def test_form_8a_as_a_mirror_types_it(self, cover: str) -> None:
        """A Form 8-A's dash typed as a minus sign, or its own Item 1 title, names the form."""
        text = (
            cover
            + "On March 16, 2010, the Board declared a dividend of one right for each share.\n"
        )
        assert kind(text) is DocumentKind.FORM_8A

    def test_compound_title_ending_in_the_amendment(self) -> None:
        """'AGREEMENT OF SUBSTITUTION AND AMENDMENT OF ... RIGHTS AGREEMENT' heads an amendment."""
        text = (
            "AGREEMENT OF SUBSTITUTION AND AMENDMENT OF COMMON STOCK RIGHTS AGREEMENT\nExhibit "
            "10.1\nThis Agreement of Substitution and Amendment is entered into as of February "
            "14, 2003, by and between Acme Corporation and Beta Stock Transfer and Trust "
            "Company.\nRECITALS\nA. The Company wishes to substitute Beta as rights agent.\n"
        )
        assert kind(text) is DocumentKind.AMENDMENT


class TestRound7:
    def test_foreign_private_issuer_report_is_other(self) -> None:
        """A Form 6-K report quoting its rights agreement's title is no agreement."""
        text = (
            "FORM 6-K\nReport of Foreign Private Issuer\nPursuant to Rule 13a-16 or 15d-16\n"
            "ACME LTD.\nAdoption of Rights Plan\nOn July 24, 2022, the Board of Acme Ltd. "
            "adopted a rights plan.\nRIGHTS AGREEMENT dated as of July 24, 2022 between Acme "
            "Ltd. and Beta Trust Company.\n"
        )
        assert kind(text) is DocumentKind.UNKNOWN

    def test_annual_report_page_with_a_viewers_word(self) -> None:
        """'Acme 2002 Annual Report Download - page 66' heads a page of an annual report."""
        text = (
            "Acme 2002 Annual Report Download - page 66\n\n9. Common Stock\nShareholder Rights "
            "Plan\nOn August 6, 2002, the Board adopted a shareholder rights plan.\n"
        )
        assert kind(text) is DocumentKind.ANNUAL_NOTE

    def test_schedule_named_as_another_filing_in_a_release(self) -> None:
        """'as disclosed in a Schedule 13G/A filed with the SEC': the release is a release."""
        text = (
            "Press Release\n\nAcme Adopts Limited Duration Stockholder Rights Agreement\n\n"
            "ATLANTA\u2013(BUSINESS WIRE)\u2013Acme, Inc. today announced that its Board has "
            "adopted a stockholder rights agreement. Acme recently became aware of the rapid "
            "accumulation of 16.86% of its common stock by Beta, Inc., as disclosed in a Schedule "
            "13G/A filed with the SEC.\n"
        )
        assert kind(text) is DocumentKind.PRESS_RELEASE

    def test_amendment_title_under_a_headline_in_capitals(self) -> None:
        """An amendment's title under a headline line in capitals ('ADOPTS ...') is a release's."""
        text = (
            "Exhibit 99.1\nACME\nADOPTS TAX BENEFIT PRESERVATION\nAMENDMENT\nTO RIGHTS "
            "AGREEMENT\nBALDWYN,\nMS, November 17, 2009 \u2013 Acme Fabrics, Inc. today "
            "announced that its Board has adopted an amendment to the Company\u2019s Rights "
            "Agreement.\n"
        )
        assert kind(text) is DocumentKind.PRESS_RELEASE

    def test_history_in_a_relative_clause_leaves_the_event_current(self) -> None:
        """'approved an amendment to the plan, which was originally adopted ...' is the news."""
        text = (
            "ACME EXTENDS SHAREHOLDER RIGHTS PLAN\nTULSA, Okla., February 21, 2012 -- Acme, Inc. "
            "today announced that its Board of Directors has approved an amendment to the "
            'Company\'s shareholder rights plan ("Rights Plan"), which was originally adopted May '
            '18, 2011. The chairman said, "When our Board adopted the Rights Plan last year, we '
            'believed it would be a short-term measure."\n'
        )
        assert event(text) is EventKind.AMENDMENT

    def test_charter_amendment_as_subject_beside_a_new_agreement(self) -> None:
        """'The Amendment is part of a new Rights Agreement entered into ...' adopts a plan."""
        text = (
            "FORM 8-K\nItem 5.03. Amendment to Articles of Incorporation or Bylaws.\nOn September "
            "15, 2008, the Board approved a Certificate of Amendment of the Certificate of "
            'Incorporation (the "Amendment"). The Amendment is part of a new Rights Agreement '
            "entered into between the Registrant and Beta & Associates, Inc., as Rights Agent, "
            "dated as of October 5, 2008.\n"
        )
        assert event(text) is EventKind.ADOPTION

    def test_authorized_adoption_with_conditions_between(self) -> None:
        """'authorized, effective X, subject to approval, adoption of a rights plan' adopts."""
        text = (
            "FORM 8-K\nItem 8.01 Other Events.\nThe Board of Directors of Acme Corporation "
            "authorized, effective November 1, 2004, subject to regulatory and shareholder "
            "approval, adoption of a shareholder rights plan.\n"
        )
        assert event(text) is EventKind.ADOPTION

    def test_amendment_number_in_words(self) -> None:
        """'entered into Amendment Number One ... to that certain Rights Agreement' amends."""
        text = (
            "FORM 8-K\nItem 1.01.\nOn August 18, 2006, Acme Company entered into Amendment Number "
            'One (the "Amendment"), dated as of August 18, 2006, between the Company and Beta '
            "Trust Company, as Rights Agent, to that certain Rights Agreement, dated as of "
            "December 5, 1997, between the parties.\n"
        )
        assert event(text) is EventKind.AMENDMENT

    def test_rights_declared_as_a_distribution(self) -> None:
        """'declared a distribution of one preferred share purchase right' adopts a plan."""
        text = (
            "FORM 8-K\nItem 3.03.\nOn November 25, 2008, the Board of Directors of Acme "
            "Incorporated declared a distribution of one preferred share purchase right for each "
            "outstanding share of common stock.\n"
        )
        assert event(text) is EventKind.ADOPTION

    def test_new_plan_adopted_to_extend_the_existing_ones_benefits(self) -> None:
        """'extension of the existing plan's benefits by adopting a new rights plan' adopts."""
        text = (
            "FORM 8-K\nItem 5. Other Events.\nOn July 26, 2006, the Board of Directors of Acme "
            "Corporation approved the extension of the benefits afforded by the Company's "
            "existing rights plan by adopting a new shareholder rights plan.\n"
        )
        assert event(text) is EventKind.ADOPTION


class TestRound8:
    """Kinds and events by the structure of the text: short constructed documents."""

    def test_mirror_header_form_above_an_instrument_without_a_cover(self) -> None:
        """A mirror's '8-A12B/A, 1994-01-12' header above an amendment alone: the amendment."""
        text = (
            "ACME ENGINE CO INC\n8-A12B/A, 1994-01-12\nENGINES\n\n"
            "     AMENDMENT NO. 7 dated as of December 29, 1993, to the Rights\n"
            "Agreement dated as of September 9, 1986, as amended, between Acme Engine Company, "
            'Inc. (the "Company"), and Beta Bank, as Rights Agent.\n'
            "     1. Section 1(a) of the Rights Agreement is hereby amended to read in its "
            "entirety as follows:\n"
        )
        assert kind(text) is DocumentKind.AMENDMENT

    def test_mirror_header_form_above_a_cover_is_the_form(self) -> None:
        """The same header above the form's own cover is the 8-A/A."""
        text = (
            "ACME ENGINE CO INC\n8-A12B/A, 1994-01-12\nENGINES\n\n"
            "SECURITIES AND EXCHANGE COMMISSION\nWashington, D.C. 20549\nFORM 8-A/A\n"
            "Item 1. Description of Registrant's Securities to be Registered.\n"
        )
        assert kind(text) is DocumentKind.FORM_8A_AMENDMENT

    def test_amendment_preamble_with_its_short_name_before_the_date(self) -> None:
        """'AMENDMENT NO. 4 (the "Amendment") dated as of ..., to the Rights Agreement'."""
        text = (
            '     AMENDMENT NO. 4 (the "Amendment") dated as of July 10, 2000, to the Rights\n'
            'Agreement dated as of October 14, 1993, between Acme Oil Corporation (the "Company")'
            ", and Beta Shareholder Services, L.L.C., as rights agent.\n"
            "     Section 1. AMENDMENTS TO RIGHTS AGREEMENT. The Rights Agreement is hereby "
            "amended as follows:\n"
        )
        assert kind(text) is DocumentKind.AMENDMENT

    def test_executed_a_rights_agreement_adopts(self) -> None:
        """'On June 22, 2010, Acme, Inc. executed a Rights Agreement' adopts a plan."""
        text = (
            "FORM 8-K\nItem 3.03 Material Modifications to Rights of Security Holders.\nOn June "
            "22, 2010, Acme Homes, Inc. executed a Rights Agreement between the Company and Beta "
            "Trust Company, as Rights Agent, dated as of June 22, 2010.\n"
        )
        assert event(text) is EventKind.ADOPTION

    def test_implemented_a_plan_adopts(self) -> None:
        """A note's 'the Company implemented a Tax Benefit Preservation Plan' adopts a plan."""
        text = (
            "NOTE 9. On May 12, 2019, the Company implemented a Tax Benefit Preservation Plan "
            "with the intent to preserve the value of certain deferred tax benefits.\n"
        )
        assert event(text) is EventKind.ADOPTION

    def test_approved_the_form_of_an_amendment_effective_later(self) -> None:
        """'approved the form of an amendment (the "Amendment") to be effective X, to its ...'."""
        text = (
            "FORM 8-K\nItem 5. Other Events.\nOn May 18, 2000, the Board of Directors of the "
            'Company approved the form of an amendment (the "Amendment") to be effective May 22, '
            "2000, to its Rights Agreement dated as of February 4, 1999.\n"
        )
        assert event(text) is EventKind.AMENDMENT


class TestRound12:
    """Round 12: kinds read from an instrument's own title."""

    def test_amendment_agreement_title_is_an_amendment(self) -> None:
        """An instrument titled 'AMENDMENT AGREEMENT' (its short name 'this Agreement') amends."""
        text = (
            "Exhibit 4.1\nAMENDMENT AGREEMENT\nAMENDMENT AGREEMENT (this \u201cAgreement\u201d) "
            "dated as of November 12, 2007 between Acme Medical, Inc., a Florida corporation, and "
            "Harbor Trust Company, N.A. (the \u201cRights Agent\u201d).\nWHEREAS, the Company and "
            "Rights Agent have previously entered into a Rights Agreement, dated as of July 16, "
            "2002;\n"
        )
        assert kind(text) is DocumentKind.AMENDMENT
        assert event(text) is EventKind.AMENDMENT

    def test_other_item_pointing_at_the_redemption(self) -> None:
        """'In consideration of the redemption of the Rights as described in Item 3.03' redeems."""
        text = (
            "FORM 8-K\nItem 3.02. Unregistered Sales of Equity Securities\nIn consideration of "
            "the redemption of the Rights as described in Item 3.03, the Company expects to issue "
            "an aggregate of approximately 243,892 shares of its common stock, $0.01 par value.\n"
        )
        assert event(text) is EventKind.REDEMPTION
