"""Which company a document is about, when it has no cover page: how the text introduces it."""

from __future__ import annotations

import pytest

from rightsplan.edgar import parse_filing
from rightsplan.edgar._company import AGENT_AS_PARTY, _has_suffix, _suffix_window, find_company


def company(text: str) -> str | None:
    found = find_company(parse_filing(text, name="doc.txt"))
    return None if found is None else found.name


class TestDefinedAsTheCompany:
    @pytest.mark.parametrize(
        ("text", "name"),
        [
            (
                "Aviat Networks, Inc. (the “Company,” “we,” or “our”) is incorporated in the "
                "State of Delaware.",
                "Aviat Networks, Inc.",
            ),
            (
                "They are officers of Jaguar Health, Inc., a Delaware corporation (the "
                "“Corporation”).",
                "Jaguar Health, Inc.",
            ),
            (
                'Acme Widget Corp. ("we," "us," "our" or the "Company") adopted a plan.',
                "Acme Widget Corp.",
            ),
        ],
    )
    def test_defined_name(self, text: str, name: str) -> None:
        """The name the text defines as "the Company", among other short names or alone."""
        assert company(text) == name

    @pytest.mark.parametrize(
        ("text", "name"),
        [
            (
                "Effective as of March 16, 2006, the Board of Directors of Peregrine "
                "Pharmaceuticals,\nInc.\n(the “Company”) adopted a Rights Agreement.",
                "Peregrine Pharmaceuticals, Inc.",
            ),
            (
                "The following describes the Series A Participating Preferred Stock Purchase "
                "Rights of SeaChange International, Inc. (the “Company”).",
                "SeaChange International, Inc.",
            ),
            (
                "AVIAT NETWORKS, INC.\nDESCRIPTION OF REGISTERED SECURITIES\nGeneral\nAviat "
                "Networks, Inc. (the “Company”) is incorporated in Delaware.",
                "Aviat Networks, Inc.",
            ),
        ],
    )
    def test_words_before_the_name_are_dropped(self, text: str, name: str) -> None:
        """Words like "Board of Directors of", "Purchase Rights of", a heading: not the name."""
        assert company(text) == name

    @pytest.mark.parametrize(
        ("text", "name"),
        [
            (
                "On March 5, 2019, iRobot Corporation (the “Company”) adopted a plan.",
                "iRobot Corporation",
            ),
            ("eBay Inc. (“eBay” or the “Company”) today announced a plan.", "eBay Inc."),
            ('1-800-FLOWERS.COM, Inc. (the "Company") adopted a plan.', "1-800-FLOWERS.COM, Inc."),
            ('On March 5, 2019 Acme Corp. (the "Company") adopted a plan.', "Acme Corp."),
            (
                "This Amendment is entered into between Acme Inc. (f/k/a Old Acme Inc.), a "
                "Delaware corporation (the “Company”), and Computershare.",
                "Acme Inc.",
            ),
        ],
    )
    def test_first_word_of_a_name(self, text: str, name: str) -> None:
        """A name starts at a word: a brand's lower-case prefix, digits with letters, no year."""
        assert company(text) == name

    def test_hard_wrapped_name_is_kept_whole(self) -> None:
        """A name broken over two lines of running text stays whole."""
        text = (
            "made and entered into this 30th day of July, 1997, by and between Sterling\n"
            'House Corporation, a Kansas corporation (the "Company"), and ChaseMellon'
        )
        assert company(text) == "Sterling House Corporation"


class TestOtherIntroductions:
    def test_press_release_first_sentence(self) -> None:
        """A release's first sentence names who announces, with or without a ticker."""
        text = (
            "Myrexis Adopts Tax Benefits Preservation Rights Plan\n\nMyrexis, Inc. MYRX "
            "announced today that its Board of Directors has adopted a plan."
        )
        assert company(text) == "Myrexis, Inc."

    def test_lower_case_words_inside_a_name(self) -> None:
        """A name with "in the" inside is kept whole, not cut at the lower-case words."""
        text = (
            "Cat in the Hat Inc. (NASDAQ: CATH) (the \u201cCompany\u201d) today announced "
            "that its Board adopted a plan."
        )
        assert company(text) == "Cat in the Hat Inc."

    def test_headline_verb_is_no_name(self) -> None:
        """A headline's verb ends no name; the name given with its ticker is taken."""
        text = (
            "ACM Adopts a Tax Benefit Preservation Plan\nSpringfield, IL - May 1, 2014 - ACM "
            "Widgets Corp. (NYSE MKT: ACM) (the \u201cCompany\u201d) announced today that its "
            "Board adopted a plan."
        )
        assert company(text) == "ACM Widgets Corp."

    def test_announcer_needs_an_entity_suffix(self) -> None:
        """A sentence like "The Board announced" names no company."""
        assert company("The Board of Directors announced today a rights plan.") is None

    def test_agreement_heading_parties(self) -> None:
        """The first party of an agreement's heading, also when its title runs in."""
        text = (
            "RIGHTS AGREEMENT INTERPHASE CORPORATION and COMPUTERSHARE TRUST COMPANY, N.A., "
            "as Rights Agent Dated as of July 29, 2011\n"
        )
        assert company(text) == "INTERPHASE CORPORATION"
        text = (
            "RIGHTS AGREEMENT dated as of December 18, 2008 between THE RYLAND GROUP, INC. "
            "and AMERICAN STOCK TRANSFER & TRUST COMPANY, LLC as Rights Agent"
        )
        assert company(text) == "THE RYLAND GROUP, INC."

    def test_redacted_and_generic_names_are_not_names(self) -> None:
        """A mirror's redaction, "the Company" and a bare word after "between" are refused."""
        assert company("Agreement between THE XXXXXX GROUP, INC. and the agent.") is None
        text = "to exclude the pending merger between Pathfinder and the Company from the plan"
        assert company(text) is None


class TestAgentAsParty:
    @pytest.mark.parametrize(
        ("text", "agent"),
        [
            (
                "This AMENDMENT NO. 1, dated as of February 16, 2024, to the Tax Benefits "
                "Preservation Plan (the “Agreement”), dated as of January 22, 2024, between "
                "LivePerson, Inc., a Delaware corporation (the “Company”), and Equiniti Trust "
                "Company, LLC, a New York limited liability trust company (“Equiniti”).",
                "Equiniti Trust Company, LLC",
            ),
            (
                "the rights agreement, dated as of July 7, 2005, as amended (the “Original Rights "
                "Agreement”), between the Company and Computershare Inc. as successor-in-interest "
                "to Mellon Investor Services LLC.",
                "Computershare Inc.",
            ),
            (
                "the Shareholder Rights Agreement dated as of July 27, 2012 by and between the "
                "Registrant and Computershare, Inc., successor-in-interest to Computershare "
                "Shareowner Services LLC",
                "Computershare, Inc.",
            ),
            (
                "to the Rights Agreement, dated as of February 28, 1999 by and between "
                "Cyprus\nAmax "
                'Minerals Company (the "Company") and The Bank of New York (as Rights Agent)',
                "The Bank of New York",
            ),
        ],
    )
    def test_other_party_of_the_plan(self, text: str, agent: str) -> None:
        """The party a rights plan is made with, after the company, is its rights agent."""
        match = AGENT_AS_PARTY.search(text)
        assert match is not None
        assert " ".join(match["agent"].split()) == agent

    @pytest.mark.parametrize(
        "text",
        [
            "the Merger Agreement between the Company and Parent Inc., dated as of May 1, 2020",
            "In connection with the Rights Agreement, the Company entered into an agreement "
            "between the Company and Acme Capital LLC.",
            "the Rights Agreement between the Company and Xxxxx Fargo Minnesota, N.A.",
        ],
    )
    def test_not_the_party_of_a_plan(self, text: str) -> None:
        """Another agreement's party, or a mirror's redaction, is no rights agent."""
        assert AGENT_AS_PARTY.search(text) is None


class TestIntroductionsInReleasesAndTitles:
    @pytest.mark.parametrize(
        ("text", "name"),
        [
            (
                "DEARBORN, Mich., Sept. 11, 2009 - Ford Motor Company [NYSE: F] today announced "
                "that its Board of Directors has adopted a plan.",
                "Ford Motor Company",
            ),
            (
                "DELRAY BEACH, Fla., Dec. 03, 2024 (GLOBE NEWSWIRE) -- PetMed Express, Inc. dba "
                "PetMeds and parent company of PetCareRx (NASDAQ: PETS) today announced a plan.",
                "PetMed Express, Inc.",
            ),
            (
                "FREMONT, Calif., Oct. 9, 2013 /PRNewswire/ \u2014 The Men\u2019s Wearhouse (NYSE: "
                "MW)  today announced that its Board of Directors has adopted a plan.",
                "The Men\u2019s Wearhouse",
            ),
        ],
    )
    def test_name_with_its_ticker(self, text: str, name: str) -> None:
        """A ticker in brackets, the legal name before a "dba", "The" kept with a ticker."""
        assert company(text) == name

    @pytest.mark.parametrize(
        ("text", "name"),
        [
            (
                "Adopts Rights Plan to Prevent Undue Influence\nR.R. Donnelley & Sons (RRD) "
                "announced that its board of directors has adopted a stockholder rights plan.",
                "R.R. Donnelley & Sons",
            ),
            (
                "RRD Amends Existing Stockholder Rights Plan\n\nCHICAGO (News release) -- R. R. "
                "Donnelley & Sons Company announced that its Board has approved an amendment.",
                "R. R. Donnelley & Sons Company",
            ),
            (
                "Ford Extends Tax Benefit Preservation Plan\n\nDEARBORN\u2014 Ford Motor Company "
                "today announced that its Board of Directors approved an extension.",
                "Ford Motor Company",
            ),
        ],
    )
    def test_announcer_after_a_dateline(self, text: str, name: str) -> None:
        """Who announces, after a dateline's dash; an initial's full stop starts no sentence."""
        assert company(text) == name

    def test_name_never_runs_across_a_blank_line(self) -> None:
        """A headline's last words above a blank line are not the name below it."""
        text = (
            "HASI Adopts Tax Benefit Preservation Plan for Net Operating Losses\n\nHannon "
            'Armstrong Sustainable Infrastructure Capital, Inc. ("HASI," "we," "our" or the '
            '"Company") (NYSE: HASI), today announced a plan.'
        )
        assert company(text) == "Hannon Armstrong Sustainable Infrastructure Capital, Inc."

    @pytest.mark.parametrize(
        ("text", "name"),
        [
            (
                "INVESTORS TITLE COMPANY\n\n\n          and\n\n\n  CENTRAL CAROLINA BANK,\n  a "
                "division of National Bank of Commerce\n\n\n     Rights Agent\n",
                "INVESTORS TITLE COMPANY",
            ),
            (
                "Exhibit No. 1\n\n  CROWN CORK & SEAL COMPANY, INC.\n\n   and\n\n  FIRST CHICAGO "
                "TRUST COMPANY OF NEW YORK\n\n   AMENDED AND RESTATED RIGHTS AGREEMENT\n",
                "CROWN CORK & SEAL COMPANY, INC.",
            ),
        ],
    )
    def test_title_page_parties(self, text: str, name: str) -> None:
        """The first party of a title page: the agent described, or the title below them."""
        assert company(text) == name

    def test_mirrors_title_for_the_filing(self) -> None:
        """'American Shared Hospital Services – ‘8-K’ for 3/22/99': the filer the title names."""
        text = (
            "   Home      Search      Help\n\nAmerican Shared Hospital Services \u2013 "
            "\u20188-K\u2019 for 3/22/99\n\nAs of:  Thursday, 4/1/99\n"
        )
        assert company(text) == "American Shared Hospital Services"


class TestNeighbouringLines:
    """A name is not run into the lines around it (issue 15, the third half's errors)."""

    @pytest.mark.parametrize(
        ("text", "name"),
        [
            (  # medical-staffing-network/01-press-release.txt: a dateline above
                "Sep 9 2009\nMedical Staffing Network Holdings, Inc. (OTCQX: MSNW) announced "
                "today that its Board of Directors has adopted a stockholder rights plan.",
                "Medical Staffing Network Holdings, Inc.",
            ),
            (  # lee-enterprises/01-press-release.txt: a headline's last line above
                "Board Committed to Protecting Long-Term\nValue for All Shareholders\nLee "
                "Enterprises, Incorporated (NASDAQ: LEE), today announced that its Board",
                "Lee Enterprises, Incorporated",
            ),
            (  # j-c-penney/02-press-release.txt: a ticker's line between name and definition
                'Loading...\nJ. C. Penney Company, Inc.\nJCP\n(the "Company"), today announced '
                "that its Board of Directors has adopted a stockholder rights plan.",
                "J. C. Penney Company, Inc.",
            ),
            (  # hopto/02-ex4-amendment.txt: a brand's lower-case prefix
                "SECOND AMENDMENT TO RIGHTS AGREEMENT, dated as of February 16, 2021, by and "
                "between hopTo Inc., a Delaware corporation (the “Company”), and American Stock",
                "hopTo Inc.",
            ),
            (  # alpha-beta-technology/01-ex4-amendment.txt: a name broken at its hyphen
                'the Rights Agreement, between Alpha-\nBeta Technology, Inc. (the "Company") '
                "and BankBoston, N.A.",
                "Alpha-Beta Technology, Inc.",
            ),
        ],
    )
    def test_name_alone(self, text: str, name: str) -> None:
        """Datelines, headlines and tickers on neighbouring lines are not part of the name."""
        assert company(text) == name

    def test_cover_name_ends_at_a_rule(self) -> None:
        """A cover's name typed above a rule of underscores ends where the rule begins."""
        # dhb-industries/01-8a-submission.txt
        text = (
            "SECURITIES AND EXCHANGE COMMISSION WASHINGTON, D.C. 20549 ___________ FORM 8-A FOR "
            "REGISTRATION OF CERTAIN CLASSES OF SECURITIES PURSUANT TO SECTION 12(B) OR (G) OF "
            "THE SECURITIES EXCHANGE ACT OF 1934 DHB INDUSTRIES, INC. "
            "_____________________________ (Exact name of registrant as specified in its "
            "charter) DELAWARE 11-3129361"
        )
        found = company(text)
        assert found is not None and "_" not in found

    @pytest.mark.parametrize(
        ("typed", "name"),
        [("ACME INCORPORATED.", "ACME INCORPORATED"), ("ACME WIDGETS, INC.", "ACME WIDGETS, INC.")],
    )
    def test_cover_name_without_a_sentence_period(self, typed: str, name: str) -> None:
        """A period after a word written out is dropped; an abbreviation's period is kept."""
        text = (
            "SECURITIES AND EXCHANGE COMMISSION\nFORM 8-K\nCURRENT REPORT\n"
            f"{typed}\n(Exact name of registrant as specified in its charter)\nDELAWARE\n"
        )
        assert company(text) == name

    def test_suffix_never_across_a_blank_line(self) -> None:
        """'First Chicago Trust' / '' / 'Company of New York': no agent cut at 'Company'."""
        # beneficial/01-8k-item5.txt, typed double-spaced
        text = (
            "adopting a Renewed\n \n\n      Rights Agreement between the Company and First "
            "Chicago Trust\n \n\n      Company of New York, dated as of August 22, 1996\n"
        )
        assert [m["agent"] for m in AGENT_AS_PARTY.finditer(text)] == []


class TestReleasesRound3:
    def test_name_starting_with_a_number_after_a_dateline_dash(self) -> None:
        """A dateline's "--" touching the name keeps its first word: "Pier 9 Stores, Inc."."""
        text = (
            "AUSTIN, Texas--(BUSINESS WIRE)--Pier 9 Stores, Inc. (NYSE:PNS) announced today "
            "that its Board of Directors has adopted a rights plan.\n"
        )
        assert company(text) == "Pier 9 Stores, Inc."

    def test_the_article_inside_the_defined_term(self) -> None:
        """(“the Company,” NYSE: ACM) defines the company as ("the Company") does."""
        text = (
            "HOUSTON--(BUSINESS WIRE)--Acme Marine Inc. (“the Company,” NYSE: ACM), said that "
            "its Board has adopted a plan.\n"
        )
        assert company(text) == "Acme Marine Inc."

    def test_announcer_with_its_defined_short_name(self) -> None:
        """'Acme Ore Royalty Corporation ("AORC") reported today': the name before its short."""
        text = (
            'TORONTO, May 2, 2018 /CNW/ - Acme Ore Royalty Corporation ("AORC") reported today '
            "that its rights plan has been amended.\n"
        )
        assert company(text) == "Acme Ore Royalty Corporation"

    def test_company_named_as_its_board(self) -> None:
        """A release naming the company only as its board's ("The Board of ... of X") names X."""
        text = (
            "Acme Adopts Rights Plan\nThe Board of Directors of Acme Stores, Inc. yesterday "
            "adopted a shareholder rights plan.\n"
        )
        assert company(text) == "Acme Stores, Inc."

    def test_descriptor_with_a_parenthesis(self) -> None:
        """'a corporation continued under the ... Act (British Columbia)' before ("Company")."""
        text = (
            "On October 12, 2022, Acme Bio Inc., a corporation continued under the Business "
            'Corporations Act (British Columbia) (the "Company"), entered into a rights plan.\n'
        )
        assert company(text) == "Acme Bio Inc."

    def test_descriptor_never_runs_over_another_party(self) -> None:
        """Another party's defined term ends a descriptor: the "Company" is the party after it."""
        text = (
            'This Amendment is among Lake Bank, a national banking association ("Lake"), Acme '
            'Engines Corporation, a Wisconsin corporation (the "Company"), and River Bank.\n'
        )
        assert company(text) == "Acme Engines Corporation"

    def test_issuer_named_in_a_forms_field(self) -> None:
        """A material change report's "Reporting Issuer" field names the company below it."""
        text = (
            "|MATERIAL CHANGE REPORT\n|1.\n|Reporting Issuer\n|Acme Royalty Corporation\n"
            "|10 Main Street\n|2.\n|Date of Material Change\n|April 18, 2005\n"
        )
        assert company(text) == "Acme Royalty Corporation"

    def test_headline_actor(self) -> None:
        """A headline "Acme Adopts Tax Benefit Preservation Plan" names Acme as a last resort."""
        text = (
            "News\n10/08/2009\nAcme Adopts Tax Benefit Preservation Plan Designed to Preserve "
            "NOLs\nAcme's ability to use its NOLs may be limited.\n"
        )
        assert company(text) == "Acme"

    def test_headline_possessive_or_initials_name_no_one(self) -> None:
        """A possessive ("Acme Corporation's Board ...") or initials alone name no company."""
        for headline in (
            "Acme Corporation's Board of Directors Terminates Shareholder Rights Plan",
            "ACM Adopts Tax Benefits Preservation Plan to Protect Tax Assets",
        ):
            assert company(headline + "\nThe plan protects tax assets.\n") is None


class TestDatelineDebris:
    @pytest.mark.parametrize(
        ("text", "name"),
        [
            (
                "SPRINGFIELD--(BUSINESS WIRE)--May 4, 2021--Acme Widgets Corporation (NASDAQ: "
                "ACMW) today announced that its board has adopted a plan.",
                "Acme Widgets Corporation",
            ),
            (
                "May 4, 2021 - 10:26PM\nAcme Widgets Ltd (\u201cAcme\u201d or the \u201cCompany"
                "\u201d) (NASDAQ:ACMW)\ntoday announced that its Board has adopted a plan.",
                "Acme Widgets Ltd",
            ),
        ],
    )
    def test_a_datelines_year_or_time_is_no_part_of_the_name(self, text: str, name: str) -> None:
        """A year touching a dateline's double dash, or a time before a name, is not the name's."""
        assert company(text) == name

    def test_digits_with_letters_still_start_a_name(self) -> None:
        """A name that starts with digits ("1-800-Widgets, Inc.") is still read whole."""
        text = '1-800-Widgets, Inc. (the "Company") adopted a plan.'
        assert company(text) == "1-800-Widgets, Inc."


class TestTrademarkSigns:
    def test_a_trademark_sign_inside_the_name(self) -> None:
        """A name with a trademark sign ("Acme Widgets\u2122, Inc.") is read whole."""
        text = (
            "SPRINGFIELD, Ohio, May 4, 2021 \u2013 Acme Widgets\u2122, Inc. (NASDAQ: ACMW) "
            "announced today that its Board of Directors has adopted a plan."
        )
        assert company(text) == "Acme Widgets\u2122, Inc."


class TestShortNameInBareParentheses:
    def test_short_name_without_quotes_before_announced(self) -> None:
        """'Acme\u2019s, Inc. (Acme\u2019s) announced': a short name in bare parentheses."""
        text = (
            "Houston, TX, May 4, 2021\nAcme\u2019s, Inc. (Acme\u2019s) announced that today its "
            "Board of Directors adopted a stockholders rights plan."
        )
        assert company(text) == "Acme\u2019s, Inc."


class TestSuffixAtTheEnd:
    @pytest.mark.parametrize(
        ("text", "ends_with_suffix"),
        [
            ("Acme" + " " * 100_000 + "Inc.", True),
            ("Acme," + " \t" * 50_000 + "\n National" + " " * 50_000 + "Association", True),
            ("Acme" + " " * 100_000, False),
            ("Acme" + " " * 100_000 + "x", False),
        ],
    )
    def test_long_space_runs(self, text: str, ends_with_suffix: bool) -> None:
        """A long run of spaces reads as one space: the suffix test looks at a short end only."""
        assert len(_suffix_window(text)) <= 40
        assert _has_suffix(text) is ends_with_suffix


class TestRound6:
    def test_bare_name_before_the_agent_in_a_title(self) -> None:
        """'By and Between Acme Home and Beta Services LLC, as Rights Agent': Acme Home."""
        text = (
            "Rights Agreement Dated as of January 22, 2009, By and Between Acme Home and Beta "
            "Investor Services LLC, as Rights Agent\nTABLE OF CONTENTS\n"
        )
        assert company(text) == "Acme Home"

    def test_bare_name_before_another_party_is_no_name(self) -> None:
        """'between Pathfinder and Beta LLC' without the agent's part names no company."""
        text = "The merger agreement between Pathfinder and Beta Services LLC was signed.\n"
        assert company(text) is None

    @pytest.mark.parametrize(
        ("text", "name"),
        [
            (
                "New York, N.Y. \u2013 August 13, 2008 \u2013Acme Group, Limited (Pink Sheets: "
                "ACME.PK) today announced that its Board adopted a Stockholder Rights Plan.",
                "Acme Group, Limited",
            ),
            (
                "Acme Widgets, Inc., (NASDAQ: ACMW), a maker of widgets, today provided an update "
                "to shareholders on its rights plan.",
                "Acme Widgets, Inc.",
            ),
        ],
    )
    def test_quotation_service_or_comma_before_the_ticker(self, text: str, name: str) -> None:
        """A ticker quoted on the Pink Sheets, or after a comma, still marks the name before it."""
        assert company(text) == name

    def test_a_datelines_day_is_no_part_of_the_name(self) -> None:
        """'Calif., Oct. 8 Acme Corporation(Pink Sheets: ACME.PK)': the day is the dateline's."""
        text = (
            'LOS GATOS, Calif., Oct. 8 Acme Corporation(Pink Sheets: ACME.PK) ("the Company") '
            "today announced that its Board voted to terminate the rights plan."
        )
        assert company(text) == "Acme Corporation"

    @pytest.mark.parametrize(
        ("text", "name"),
        [
            (
                "ACME INDUSTRIES, INC.\nand\nFIRST BANK OF OREGON, N. A.\nRights Agent\n"
                "Rights Agreement\n",
                "ACME INDUSTRIES, INC.",
            ),
            (
                "ACME SAVINGS BANK, F.S.B.\nand\nBETA SHAREHOLDER SERVICES, L.L.C.\n"
                "as rights agent\nRIGHTS AGREEMENT\n",
                "ACME SAVINGS BANK, F.S.B.",
            ),
            (
                "RIGHTS AGREEMENT\n\nby and between\n\n* ACME COMPANY, INC.\n\nand\n\n"
                "BETA INVESTOR SERVICES LLC\n\nas Rights Agent\n",
                "ACME COMPANY, INC.",
            ),
            (
                "This Amendment is entered into by Acme Technologies Corp., a Delaware "
                "corporation (the \u201cCompany\n\u201d) and Beta Trust Company, LLC.\n",
                "Acme Technologies Corp.",
            ),
        ],
    )
    def test_title_pages_as_typed(self, text: str, name: str) -> None:
        """Title pages as typed: 'N. A.' spaced, 'F.S.B.', a footnote's '*', a quote run over."""
        assert company(text) == name


class TestRound8:
    """Words next to a name are not the name: short constructed sentences."""

    def test_officers_title_before_the_company(self) -> None:
        """'... Secretary and General Counsel of The Acme Company, a Delaware corporation'."""
        text = (
            "The undersigned hereby certifies that he is the duly elected Vice President, "
            "Secretary and General Counsel of The Acme Company, a Delaware corporation (the "
            "\u201cCompany\u201d), and hereby certifies to the Rights Agent as follows:\n"
        )
        assert company(text) == "The Acme Company"

    def test_article_mistyped_as_and(self) -> None:
        """'Acme Energy Corporation, and Oklahoma corporation (the "Company")' names Acme."""
        text = (
            "THIS AMENDMENT NO. 1 TO RIGHTS AGREEMENT is by and between Acme Energy Corporation,"
            '\nand Oklahoma corporation (the "Company"), and Beta Bank, N.A., as Rights Agent.\n'
        )
        assert company(text) == "Acme Energy Corporation"

    def test_former_name_after_a_comma_and_a_mismatched_quote(self) -> None:
        """'Acme Inc., f/k/a Old Acme, Inc., a Delaware corporation (the \u201cCompany\u2019)'."""
        text = (
            "This Amendment to the Second Amended and Restated Rights Agreement is made by and "
            "between Acme Bio Inc., f/k/a Old Acme Biopharma, Inc., a Delaware corporation (the "
            "\u201cCompany\u2019), and Beta Trust Company, LLC (the \u201cRights Agent\u201d).\n"
        )
        assert company(text) == "Acme Bio Inc."


class TestRound12:
    """Round 12: a renamed company's former name in its preamble."""

    def test_formerly_known_as_after_a_comma(self) -> None:
        """'The Acme Group, Inc., formerly known as Acme Research ...': the name before it."""
        text = (
            "THIS FIRST AMENDMENT TO RIGHTS AGREEMENT (the \u201cAmendment\u201d) is made as of "
            "June 15, 2006, between The Acme Group, Inc., formerly known as Acme Research "
            "Corporation, a Delaware corporation (the \u201cCompany\u201d), and Beta Investor "
            "Services, LLC (the \u201cRights Agent\u201d).\n"
        )
        assert company(text) == "The Acme Group, Inc."


class TestRound13:
    """Round 13: an asterisk inside a name, a typed period after it, a redaction before it."""

    def test_asterisk_between_capitals(self) -> None:
        """'E*TRADE Financial Corporation' keeps the asterisk and what comes before it."""
        text = (
            "This Amendment is made between E*TRADE Financial Corporation, a Delaware "
            'corporation (the "Company"), and Beta Trust Company (the "Rights Agent").\n'
        )
        assert company(text) == "E*TRADE Financial Corporation"

    def test_period_typed_after_the_name(self) -> None:
        """'3Com Corporation., a Delaware corporation (the Company)': no period in the name."""
        text = (
            "This Amendment No. 2 is made by and between 3Com Corporation., a Delaware "
            'corporation (the "Company"), and Beta Trust Company (the "Rights Agent").\n'
        )
        assert company(text) == "3Com Corporation"

    def test_name_after_a_redaction_is_none(self) -> None:
        """'XXXX XXXXXX, DISCOVER & CO.': a redacted name's tail is no name."""
        text = (
            "This Amendment is made between XXXX XXXXXX, DISCOVER & CO., a Delaware "
            'corporation (the "Company"), and Beta Trust Company (the "Rights Agent").\n'
        )
        assert company(text) is None
