"""Parsing filings: cover, items, exhibits, documents, signatures; bad and hostile input."""

from __future__ import annotations

import contextlib
from collections import Counter
from pathlib import Path

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rightsplan.edgar import (
    DocumentKind,
    EventKind,
    Filing,
    draft_filing,
    parse_filing,
    read_filing,
)
from rightsplan.errors import FilingError, RightsPlanError
from tests import hostile

DATA = Path(__file__).resolve().parent / "data" / "filings"


NEAR_MISSES = [
    "Rights Agreement dated as of",
    "Amendment No.",
    "Amendment No. 2, dated",
    "more than",
    "15%",
    "fifteen percent (",
    "one-half of one",
    "or more",
    '("IPOF," and together with',
    'Aaaa Bbbb Cccc ("',
    "(collectively, the",
    "2,800,500 shares",
    "owns",
    "Item 5.",
    "/s/",
    "Date: March",
    "as rights agent",
    "and Xxx Yyy, N.A.,",
    "expire on March 3,",
    "redeem all of the Rights",
    "$0.001",
    "\n",
    ".",
    "(",
    '"',
]


def filing(name: str) -> Filing:
    return read_filing(DATA / name)


class TestSeeds:
    @pytest.mark.parametrize("name", ["seed_002.txt", "seed_003.txt", "seed_004.txt"])
    def test_cover_page(self, name: str) -> None:
        """Each seed's cover page gives form, name, state, file and IRS numbers, address, phone."""
        parsed = filing(name)
        assert parsed.form == "8-K"
        registrant = parsed.registrant
        assert registrant.name == "INNOTRAC CORPORATION"
        assert registrant.state == "Georgia"
        assert registrant.file_number == "000-23741"
        assert registrant.irs_number == "58-1592285"
        assert registrant.address == "6655 Sugarloaf Parkway, Duluth, Georgia 30097"
        assert registrant.phone == "(678) 584-4000"
        assert parsed.filed is None

    def test_seed_004_items_exhibits_signature(self) -> None:
        """Seed 004 has items 5, 7 and 9, exhibits 10.1 and 99.1, and one dated signature."""
        parsed = filing("seed_004.txt")
        assert parsed.reported == pendulum.Date(2003, 11, 24)
        assert [(i.number, i.title) for i in parsed.items] == [
            ("5", "OTHER EVENTS AND REQUIRED FD DISCLOSURE"),
            ("7", "FINANCIAL STATEMENTS, PRO FORMA INFORMATION AND EXHIBITS"),
            ("9", "REGULATION FD DISCLOSURE"),
        ]
        assert [e.number for e in parsed.exhibits] == ["10.1", "99.1"]
        assert parsed.exhibits[1].description.startswith("Press Release of the Company dated")
        (signature,) = parsed.signatures
        assert signature.signer == "David L. Gamsey"
        assert signature.title == "Senior Vice President, Chief Financial Officer and Secretary"
        assert signature.date == pendulum.Date(2003, 11, 24)

    def test_item_text_is_a_span_of_the_filing(self) -> None:
        """An item's text is the filing text between its heading and the next heading."""
        parsed = filing("seed_004.txt")
        for item in parsed.items:
            assert parsed.text[item.start : item.end].strip() == item.text

    @pytest.mark.parametrize(
        ("name", "items"), [("seed_002.txt", ["7", "12"]), ("seed_003.txt", ["7", "12"])]
    )
    def test_results_of_operations_items(self, name: str, items: list[str]) -> None:
        """The earnings 8-Ks have items 7 and 12 and exhibit 99.1."""
        parsed = filing(name)
        assert [i.number for i in parsed.items] == items
        assert [e.number for e in parsed.exhibits] == ["99.1"]

    def test_a_wrapped_item_reference_is_not_a_heading(self) -> None:
        """'Item 9.' alone at the start of a line (a wrapped reference) is not an item heading."""
        parsed = filing("seed_004.txt")
        assert len([i for i in parsed.items if i.number == "9"]) == 1


class TestCurrentItems:
    def test_decimal_items(self) -> None:
        """A post-2004 8-K has decimal items 1.01, 3.03, 8.01 and 9.01."""
        parsed = filing("02_meridian_item303_amendment.txt")
        assert [i.number for i in parsed.items] == ["1.01", "3.03", "8.01", "9.01"]
        assert parsed.item("3.03") is not None
        assert parsed.item("3.03").title == "Material Modification to Rights of Security Holders"  # type: ignore[union-attr]
        assert parsed.reported == pendulum.Date(2009, 9, 14)

    def test_name_and_title_signature(self) -> None:
        """'Name:' and 'Title:' lines give the signer and the title; the date line its date."""
        (signature,) = filing("02_meridian_item303_amendment.txt").signatures
        assert signature.signer == "Thomas R. Whitfield"
        assert signature.title == "Chief Financial Officer"
        assert signature.date == pendulum.Date(2009, 9, 14)

    def test_form_8a_amendment(self) -> None:
        """A Form 8-A12B/A is read with its integer items and its exhibit."""
        parsed = filing("03_cobalt_8a12ba.txt")
        assert parsed.form == "8-A12B/A"
        assert [i.number for i in parsed.items] == ["1", "2"]
        assert [e.number for e in parsed.exhibits] == ["4.3"]
        assert parsed.registrant.irs_number == "31-1650982"
        assert parsed.signatures[0].date == pendulum.Date(2012, 6, 22)


class TestSubmission:
    def test_header_and_documents(self) -> None:
        """A full submission gives the filed-as-of date, accession and each document's type."""
        parsed = filing("04_pinecrest_submission.txt")
        assert parsed.form == "8-K"
        assert parsed.filed == pendulum.Date(2011, 4, 18)
        assert parsed.reported == pendulum.Date(2011, 4, 15)
        assert parsed.accession == "0001093477-11-000214"
        assert [(d.type, d.filename) for d in parsed.documents] == [
            ("8-K", "d8k.txt"),
            ("EX-4.1", "dex41.txt"),
            ("EX-99.1", "dex991.txt"),
        ]
        assert [i.number for i in parsed.items] == ["1.01", "3.03", "9.01"]
        assert [e.number for e in parsed.exhibits] == ["4.1", "99.1"]

    def test_documents_tile_the_text(self) -> None:
        """Each document's span holds its own text: the EX-4.1 span starts the agreement."""
        parsed = filing("04_pinecrest_submission.txt")
        agreement = parsed.documents[1]
        assert "RIGHTS AGREEMENT" in parsed.text[agreement.start : agreement.end]
        assert parsed.document_at(agreement.start + 10) is agreement

    def test_registrant_from_cover_and_header(self) -> None:
        """The cover page gives the registrant; the header fills what the cover lacks."""
        registrant = filing("10_solano_conflict_submission.txt").registrant
        assert registrant.name == "SOLANO ENERGY HOLDINGS CORP."
        assert registrant.file_number == "001-34560"
        assert registrant.irs_number == "26-1847733"
        assert registrant.phone == "713-555-0185"


class TestHtml:
    def test_tables_stay_readable(self) -> None:
        """An HTML 8-K: cover table cells, items and the exhibit table are read from the text."""
        parsed = filing("05_lakeshore_8k.htm")
        assert parsed.form == "8-K"
        assert parsed.registrant.state == "Wisconsin"
        assert parsed.registrant.file_number == "001-36590"
        assert parsed.registrant.address == "750 Harbor Lane, Sheboygan, Wisconsin 53081"
        assert [i.number for i in parsed.items] == ["3.03", "9.01"]
        assert [e.number for e in parsed.exhibits] == ["4.1", "99.1"]
        assert "<" not in parsed.text
        (signature,) = parsed.signatures
        assert signature.signer == "Karen J. Olufsen"
        assert signature.title == "Executive Vice President and Chief Financial Officer"


class TestBadInput:
    def test_empty(self, tmp_path: Path) -> None:
        """An empty (or blank) file is refused with a FilingError naming the file."""
        for content in (b"", b"  \n\n "):
            path = tmp_path / "empty.txt"
            path.write_bytes(content)
            with pytest.raises(FilingError, match=r"empty\.txt: the file is empty"):
                read_filing(path)

    def test_binary(self, tmp_path: Path) -> None:
        """Binary data is refused, not decoded into nonsense."""
        path = tmp_path / "image.gif"
        path.write_bytes(b"GIF89a\x01\x00\x00\x00" + bytes(range(256)) * 20)
        with pytest.raises(FilingError, match="binary data"):
            read_filing(path)

    def test_missing_file(self, tmp_path: Path) -> None:
        """A file that does not exist is a FilingError, not an OSError."""
        with pytest.raises(FilingError, match="cannot read the file"):
            read_filing(tmp_path / "nope.txt")

    def test_text_without_a_cover_is_read(self) -> None:
        """Text without a form type on a cover is read all the same: no form, kind unknown."""
        parsed = parse_filing("Dear shareholders, the rights plan is great.", name="letter.txt")
        assert parsed.form == ""
        draft = draft_filing(parsed)
        assert draft.document.kind is DocumentKind.UNKNOWN
        assert draft.event.kind is EventKind.NONE

    def test_other_form_is_parsed_and_drafted(self) -> None:
        """A 10-Q is read and drafted like any document: its kind is named, not refused."""
        text = (DATA / "seed_004.txt").read_text("utf-8").replace("FORM 8-K", "FORM 10-Q", 1)
        parsed = parse_filing(text, name="10q.txt")
        assert parsed.form == "10-Q"
        draft = draft_filing(parsed)
        assert draft.document.kind is DocumentKind.QUARTERLY_NOTE
        assert draft.event.kind is EventKind.AMENDMENT

    @pytest.mark.parametrize(
        ("cut", "message"),
        [
            ("</DOCUMENT>\n<DOCUMENT>\n<TYPE>EX-99.1", "document 3 has no </DOCUMENT>"),
            ("</SEC-HEADER>", "the SEC header has no end"),
        ],
    )
    def test_truncated_submission(self, cut: str, message: str) -> None:
        """A submission cut short says which part is missing."""
        text = (DATA / "04_pinecrest_submission.txt").read_text("utf-8")
        truncated = text[: text.index(cut) + (len(cut) if cut.startswith("</D") else 0)]
        with pytest.raises(FilingError, match=message):
            parse_filing(truncated, name="cut.txt")

    def test_submission_without_its_end(self) -> None:
        """A submission whose last </SEC-DOCUMENT> is missing is reported as truncated."""
        text = (DATA / "04_pinecrest_submission.txt").read_text("utf-8")
        with pytest.raises(FilingError, match="no </SEC-DOCUMENT>"):
            parse_filing(text.replace("</SEC-DOCUMENT>", ""), name="cut.txt")

    def test_fifty_megabytes_refused(self, tmp_path: Path) -> None:
        """A 50 MB file is refused once the limit is read, not read whole."""
        path = tmp_path / "huge.txt"
        with path.open("wb") as file:
            file.truncate(50 * 1024 * 1024)
        with pytest.raises(FilingError, match=r"huge\.txt: the file is larger than 32 MiB"):
            read_filing(path)

    @pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
    def test_a_device_that_never_ends(self, tmp_path: Path) -> None:
        """/dev/zero (and a link to it) reports no size; reading stops at the limit."""
        link = tmp_path / "filing.txt"
        link.symlink_to("/dev/zero")
        for path in (Path("/dev/zero"), link):
            with pytest.raises(FilingError, match="larger than 32 MiB"):
                read_filing(path)

    def test_windows_1252_text(self) -> None:
        """Bytes that are not UTF-8 are read as Windows-1252 (curly quotes survive)."""
        data = (DATA / "seed_004.txt").read_bytes().replace(b'"Company"', b"\x93Company\x94")
        assert "\u201cCompany\u201d" in parse_filing(data).text

    def test_errors_are_value_errors(self) -> None:
        """FilingError is a RightsPlanError and a ValueError."""
        assert issubclass(FilingError, RightsPlanError)
        assert issubclass(FilingError, ValueError)


class TestLinear:
    @given(
        st.text(
            alphabet=st.sampled_from(list('ITEMitem 5.01%()"/s:<>DOCUMENTYPX-\n\t,0123')),
            max_size=400,
        )
    )
    def test_any_text_parses_or_is_refused(self, text: str) -> None:
        """Arbitrary text either parses or raises FilingError: never another exception."""
        body = "FORM 8-K\n" + text
        try:
            parsed = parse_filing(body)
        except FilingError:
            return
        for item in parsed.items:
            assert 0 <= item.start <= item.end <= len(parsed.text)
        draft_filing(parsed)

    @given(st.binary(max_size=300))
    def test_any_bytes_parse_or_are_refused(self, data: bytes) -> None:
        """Arbitrary bytes either parse or raise FilingError."""
        with contextlib.suppress(FilingError):
            parse_filing(data)

    def test_large_input_is_drafted(self) -> None:
        """A 2 MB filing full of near-miss patterns is parsed and drafted, every quote its span.

        Its time against an ordinary filing's is measured by benchmarks/hostile_bench.py.
        """
        parsed = parse_filing(hostile.large_filing(), name="large.txt")
        assert len(parsed.item("5").text) > 1_900_000  # type: ignore[union-attr]
        draft = draft_filing(parsed)
        assert draft.found_event
        assert hostile.spans_hold(parsed.text, draft) > 0

    @settings(max_examples=25)
    @given(st.lists(st.sampled_from(NEAR_MISSES), min_size=1, max_size=40), st.integers(1, 400))
    def test_generated_near_misses_finish(self, pieces: list[str], repeat: int) -> None:
        """Text built from near-misses of every pattern is drafted with every quote its span."""
        text = "FORM 8-K\nITEM 5. OTHER EVENTS\n" + " ".join(pieces) * repeat
        parsed = parse_filing(text)
        hostile.spans_hold(parsed.text, draft_filing(parsed))

    @pytest.mark.parametrize(("unit", "text"), list(hostile.runs()), ids=repr)
    def test_pathological_runs(self, unit: str, text: str) -> None:
        """A long run of one character or word after a cover is drafted, every quote its span."""
        parsed = parse_filing(text)
        assert hostile.spans_hold(parsed.text, draft_filing(parsed)) >= 1


class TestReadableText:
    """What a terminal acts on or what shows nothing is removed from a filing's text, counted."""

    @given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
    def test_nothing_hidden_is_left(self, text: str) -> None:
        """After reading, no character the name and plan-text checks refuse remains."""
        from rightsplan import _check
        from rightsplan.edgar import _text

        removed: Counter[str] = Counter()
        shown = _text.readable(text, removed)
        assert not any(_check.invisible(char) for char in shown)
        if not any(_check.invisible(char) for char in text):
            assert shown == text
            assert not removed

    @given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=80))
    def test_escape_sequences_go_whole(self, text: str) -> None:
        """A CSI or OSC sequence is removed with its parameters; the text around it is kept."""
        from rightsplan.edgar import _text

        removed: Counter[str] = Counter()
        hostile = f"\x1b[2J{text}\x1b]0;title\x07{text}\x1b[1;31m"
        assert _text.readable(hostile, removed) == text + text
        assert removed == {"terminal escape sequence": 3}

    def test_html_entities_are_read_then_checked(self) -> None:
        """A bidi override written as an HTML entity is removed too, and counted."""
        padding = b"<p>" + b"Ordinary text. " * 20 + b"</p>"  # one control in many bytes
        html = b"<html><body><p>FORM 8-K</p><p>Acme\x1b[2J Corp&#x202E;</p>%s</body></html>" % (
            padding
        )
        filing = parse_filing(html, name="x.htm")
        assert "FORM 8-K\n\nAcme Corp\n" in filing.text
        assert filing.removed == (
            ("U+202E RIGHT-TO-LEFT OVERRIDE", 1),
            ("terminal escape sequence", 1),
        )
        assert filing.removed_note is not None
        assert filing.removed_note.endswith(
            "U+202E RIGHT-TO-LEFT OVERRIDE, terminal escape sequence"
        )

    def test_line_breaks_are_kept_as_line_breaks(self) -> None:
        """CR, CRLF, form feed and vertical tab are line breaks, not removed characters."""
        data = (
            (DATA / "seed_004.txt").read_bytes().replace(b"\n", b"\r\n").replace(b"<PAGE>", b"\f")
        )
        filing = parse_filing(data, name="crlf")
        assert filing.removed == ()
        assert filing.removed_note is None
        assert "\r" not in filing.text
        assert "\f" not in filing.text


class TestCoverName:
    """The registrant's name above its label, in the layouts real covers use."""

    @pytest.mark.parametrize(
        ("cover", "name"),
        [
            (
                "FORM 8-K\nDate of Report (Date of earliest event reported): May 6, 2016\n"
                "CAPSTONE TURBINE CORPORATION\n(Exact name of registrant as specified in its "
                "charter)\n",
                "CAPSTONE TURBINE CORPORATION",
            ),
            (
                "FORM 8-K\n\n                            SHARPER IMAGE CORPORATION\n- ----------"
                "----------\n               (Exact name of registrant as specified in charter)\n",
                "SHARPER IMAGE CORPORATION",
            ),
            (
                "FORM 8-A\nExchange Act of 1934\nPEREGRINE\nPHARMACEUTICALS, INC.\n(Exact\n"
                "name of\nRegistrant as specified in its charter)\n|\nDelaware\n",
                "PEREGRINE PHARMACEUTICALS, INC.",
            ),
            (
                "FORM 8-A FOR REGISTRATION OF CERTAIN CLASSES OF SECURITIES PURSUANT TO SECTION "
                "12(b) OR (g) OF THE SECURITIES EXCHANGE ACT OF 1934 Kash n' Karry Food Stores, "
                "Inc. (Exact name of registrant as specified in its charter) Delaware 0-25260\n",
                "Kash n' Karry Food Stores, Inc.",
            ),
            (
                "FORM 8-K\nCURRENT REPORT\nBROADWIND ENERGY, INC.\n\n(Exact Name of Registrant "
                "as Specified in Its Charter)\n",
                "BROADWIND ENERGY, INC.",
            ),
        ],
    )
    def test_name_above_the_label(self, cover: str, name: str) -> None:
        """The name just above the label (or run in before it) is the registrant's, whole."""
        assert parse_filing(cover, name="cover.txt").registrant.name == name

    def test_name_below_the_label(self) -> None:
        """A layout that puts the label first has the name on the line below it."""
        cover = (
            "FORM 8-K\nCURRENT REPORT\n(Exact name of registrant as specified in its charter)\n"
            "ACME WIDGET CORPORATION\nDelaware  001-12345  12-3456789\n"
        )
        assert parse_filing(cover, name="cover.txt").registrant.name == "ACME WIDGET CORPORATION"

    def test_no_name_is_not_guessed(self) -> None:
        """A label with only the cover's own wording above it names no registrant."""
        cover = "FORM 8-K\nCURRENT REPORT\n\n(Exact name of registrant as specified in charter)\n"
        assert parse_filing(cover, name="cover.txt").registrant.name is None

    def test_edgar_plain_text_tables_are_not_html(self) -> None:
        """A 1990s plain-text cover with <TABLE>/<S>/<C> keeps its lines (it is not HTML)."""
        cover = (
            "FORM 8-K\n\n   TECUMSEH PRODUCTS COMPANY\n   (Exact name of registrant as specified"
            " in its charter)\n\n<TABLE>\n<S>          <C>\n   Michigan        38-1093240\n"
            "(State of Incorporation)   (I.R.S. Employer Identification Number)\n</TABLE>\n"
        )
        parsed = parse_filing(cover, name="cover.txt")
        assert parsed.registrant.name == "TECUMSEH PRODUCTS COMPANY"
        assert parsed.registrant.state == "Michigan"
        assert "<TABLE>" in parsed.text

    @pytest.mark.parametrize(
        "name",
        ["WASHINGTON FEDERAL, INC.", "ACT MANUFACTURING, INC.", "Security National Financial Corp"],
    )
    def test_names_with_cover_words(self, name: str) -> None:
        """A name that holds a word of the cover's wording ("Washington") is read whole."""
        cover = (
            "FORM 8-K\nCURRENT REPORT\nDate of Report: May 6, 2016\n"
            f"{name}\n(Exact name of registrant as specified in its charter)\n"
        )
        assert parse_filing(cover, name="cover.txt").registrant.name == name
