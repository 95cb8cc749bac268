"""Reading Schedules 13D and 13G: cover facts with spans, in every layout; bad input refused."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

from rightsplan.errors import FilingError, InvalidInputError
from rightsplan.reports import Layout, Report, Stated, parse_report, read_report
from tests import hostile
from tests.reports_render import (
    RULE_LAYOUTS,
    DrawnReport,
    render_html,
    render_sgml,
    render_text,
    render_xml,
    reports,
)

FIXTURES = Path(__file__).resolve().parent / "data" / "reports-fixtures"
TCI = FIXTURES / "tci-music-13d.txt"
MAI = FIXTURES / "mai-systems-13d-a.txt"
CORPUS = Path(__file__).resolve().parent / "data" / "reports"
VIPERS = CORPUS / "vanguard-extended-market-index-fund" / "01-13g.txt"


def _facts(report: Report) -> dict[str, str]:
    return {fact.fact: fact.quote for fact in report.facts()}


def _spans_hold(report: Report) -> None:
    for fact in report.facts():
        assert report.text[fact.start : fact.end] == fact.quote, fact


class TestRealFilings:
    def test_1997_text_13d(self) -> None:
        """A 1997 fixed-width 13D gives its issuer, CUSIP, form, amendment and event date."""
        report = read_report(TCI)
        assert report.layout is Layout.TEXT
        assert _facts(report) == {
            "issuer=TCI MUSIC, INC.": "TCI MUSIC, INC.",
            "cusip=87229N 10 1": "87229N 10 1",
            "form=13D": "SCHEDULE 13D",
            "amendment=0": "Amendment No.__",
            "event_date=1997-07-11": "JULY 11, 1997",
        }
        _spans_hold(report)
        assert report.passive is False

    def test_2004_amendment(self) -> None:
        """A 13D/A flattened from HTML gives its amendment number and its reporting person."""
        report = read_report(MAI)
        facts = _facts(report)
        assert facts["amendment=6"] == "Amendment No. 6"
        assert facts["cusip=552620 20 5"] == "552620 20 5"
        assert facts["person[1].name=Richard S. Ressler"] == "Richard S. Ressler"
        assert "person[1].group=a" not in facts and "person[1].group=b" not in facts
        assert report.form_name == "Schedule 13D/A (Amendment No. 6)"
        _spans_hold(report)

    def test_2004_institutional_13g_rule_b(self) -> None:
        """A real 13G cover marked "[x] Rule 13d-1(b)" gives that rule, and the form's passivity.

        A 13G under Rule 13d-1(b) is passive (:attr:`Report.passive`), citing the box; this
        is the one Rule 13d-1(b) cover in the corpus (2004 fixed-width text, lower-case box,
        the event label "Date of event that requires filing of this statement").
        """
        report = read_report(VIPERS)
        assert report.layout is Layout.TEXT
        assert report.rule is not None and report.rule.value == "13d-1(b)"
        assert report.rule.quote == "Rule 13d-1(b)"
        assert report.text[report.rule.start - 4 : report.rule.start] == "[x] "
        facts = _facts(report)
        assert facts["event_date=2004-01-02"] == "January 2, 2004"
        assert facts["amendment=0"] == "AMENDMENT NO. __________"
        assert report.passive is True
        assert 'its rule box marks "Rule 13d-1(b)"' in report.passive_basis
        _spans_hold(report)

    def test_13d_1_d_does_not_show_passivity(self) -> None:
        """Bessemer's real 13G/A on Procore marks Rule 13d-1(d): passivity not established."""
        report = read_report(CORPUS / "procore-technologies" / "01-13g-a.txt")
        assert report.rule is not None and report.rule.value == "13d-1(d)"
        assert report.passive is None
        assert "whatever its intent" in report.passive_basis


class TestLayouts:
    @given(reports())
    def test_text(self, drawn: DrawnReport) -> None:
        """Fixed-width text covers give back every drawn fact, each span quoting it."""
        report = parse_report(render_text(drawn), name="drawn.txt")
        assert {fact.fact for fact in report.facts()} == drawn.facts()
        _spans_hold(report)

    @given(reports())
    def test_text_with_other_boxes(self, drawn: DrawnReport) -> None:
        """Checkbox glyphs ☒/☐ and zeros written 0 read as [X]/[ ] and -0- do."""
        report = parse_report(render_text(drawn, dash=False, marks=("☒", "☐")), name="d.txt")
        assert {fact.fact for fact in report.facts()} == drawn.facts()

    @pytest.mark.parametrize("layout", RULE_LAYOUTS)
    @pytest.mark.parametrize(
        "marks",
        [("[X]", "[ ]"), ("x", "o"), ("þ", "¨"), ("ý", "o"), ("☒", "☐"), ("(X)", "( )"),
         ("Checkbox checked", "Checkbox not checked")],
    )  # fmt: skip
    @settings(max_examples=15)  # 28 glyph-and-layout pairs; each draws whole 13Gs
    @given(drawn=reports(form="13G"))
    def test_rule_box(self, drawn: DrawnReport, layout: str, marks: tuple[str, str]) -> None:
        """A 13G's rule box reads in every glyph, its box before, above, after or below it."""
        text = render_text(drawn, rule_marks=marks, rule_layout=layout)
        report = parse_report(text, name="drawn.txt")
        assert {fact.fact for fact in report.facts()} == drawn.facts()
        _spans_hold(report)

    @given(drawn=reports(form="13G"))
    def test_rule_lines_without_boxes(self, drawn: DrawnReport) -> None:
        """Rule lines whose boxes a copy lost (no mark on any) state no rule."""
        text = render_text(drawn, rule_marks=("", ""))
        report = parse_report(text, name="drawn.txt")
        assert report.rule is None

    @given(reports())
    def test_html(self, drawn: DrawnReport) -> None:
        """HTML cover tables (Wingdings þ and ¨ boxes) give back every drawn fact."""
        report = parse_report(render_html(drawn), name="drawn.htm")
        assert report.layout is Layout.HTML
        assert {fact.fact for fact in report.facts()} == drawn.facts()
        _spans_hold(report)

    @given(reports())
    def test_sgml(self, drawn: DrawnReport) -> None:
        """An EDGAR full submission gives back every drawn fact and its filed-as-of date."""
        report = parse_report(render_sgml(drawn), name="drawn.txt")
        assert report.layout is Layout.SGML
        assert {fact.fact for fact in report.facts()} == drawn.facts()
        assert report.filed is not None and report.filed.isoformat() == "2000-01-01"
        _spans_hold(report)

    @given(reports())
    def test_xml(self, drawn: DrawnReport) -> None:
        """The 2024 XML (13D and 13G shapes) gives back every drawn fact, spans in the XML."""
        report = parse_report(render_xml(drawn), name="primary_doc.xml")
        assert report.layout is Layout.XML
        assert {fact.fact for fact in report.facts()} == drawn.facts()
        _spans_hold(report)

    @given(reports())
    def test_xml_outstanding_from_the_items_prose(self, drawn: DrawnReport) -> None:
        """No XML element holds the shares outstanding: an item's prose stating them is read."""
        prose = (
            "<items1To7><item4><amountBeneficiallyOwned>calculated based upon an aggregate of"
            " 35,324,685 shares of Common Stock outstanding</amountBeneficiallyOwned></item4>"
            "</items1To7>"
        )
        text = render_xml(drawn).replace("</formData>", prose + "</formData>")
        report = parse_report(text, name="primary_doc.xml")
        assert report.outstanding is not None and report.outstanding.value == 35_324_685
        assert report.outstanding.quote == "35,324,685 shares of Common Stock outstanding"
        assert text[report.outstanding.start : report.outstanding.end] == report.outstanding.quote

    @given(reports())
    def test_xml_nested_cusip(self, drawn: DrawnReport) -> None:
        """Later XML filings nest the CUSIP (issuerCusips/issuerCusipNumber); it still reads."""
        report = parse_report(render_xml(drawn, nested_cusip=True), name="primary_doc.xml")
        assert {fact.fact for fact in report.facts()} == drawn.facts()
        _spans_hold(report)


class TestCoverDetails:
    def test_irs_number_after_the_name(self) -> None:
        """An IRS number printed on the name's line is not part of the name."""
        text = (
            "SCHEDULE 13G\n|1.\n|NAME OF REPORTING PERSON\n"
            "I. R. S. Identification No. of Above Person (entities only)\n"
            "Example Fund II, Ltd. I.R.S. Identification No. 12-3456789\n"
            "|2.\n|CHECK THE APPROPRIATE BOX IF A MEMBER OF A GROUP\n|(a) o\n|(b) o\n"
        )
        report = parse_report(text, name="cover.txt")
        assert [person.name.value for person in report.persons] == ["Example Fund II, Ltd."]
        _spans_hold(report)

    def test_cusip_after_a_table_border(self) -> None:
        """A CUSIP in the next cell of a flattened table, after a border line, is read."""
        report = parse_report("SCHEDULE 13G\n|\nCUSIP No.\n|\n12345A109\n|Page\n", name="c.txt")
        assert report.cusip is not None and report.cusip.value == "12345A109"


class TestInconsistencies:
    @given(reports(form="13G"))
    @settings(max_examples=20)
    def test_cusip_differs_from_item_2(self, drawn: DrawnReport) -> None:
        """A cover CUSIP that differs from Item 2's is reported, both values kept."""
        other = "99999Z999" if drawn.cusip.replace(" ", "") != "99999Z999" else "88888Y888"
        text = render_text(drawn) + f"\nItem 2(e).  CUSIP Number: {other}\n"
        report = parse_report(text, name="d.txt")
        (found,) = report.inconsistencies
        assert found.field == "cusip"
        assert [value.value for value in found.values] == [drawn.cusip, other]
        facts = {fact.fact for fact in report.facts()}
        assert {f"cusip={drawn.cusip}", f"cusip={other}", "inconsistent=cusip"} <= facts

    def test_percent_on_cover_and_in_item_4(self) -> None:
        """5.1% on the cover and 5.08% in Item 4 is an inconsistency; 5.1 and 5.10 are not."""
        drawn = next(iter([_one_person("5.1")]))
        for item, expected in (("5.08%", True), ("5.10%", False)):
            text = render_text(drawn) + f"\nItem 4.  Ownership\n\n(b) Percent of class: {item}\n"
            report = parse_report(text, name="d.txt")
            fields = [found.field for found in report.inconsistencies]
            assert (fields == ["person[1].percent"]) is expected


def _one_person(percent: str) -> DrawnReport:
    import pendulum

    from tests.reports_render import DrawnPerson

    person = DrawnPerson("Some Fund", None, 10, 0, 10, 0, 10, percent, "PN")
    return DrawnReport("13G", 0, "Some Issuer Inc.", "123456789", pendulum.Date(2020, 1, 1),
                       "13d-1(c)", (person,))  # fmt: skip


class TestBadInput:
    @pytest.mark.parametrize(
        ("content", "message"),
        [
            (b"", "the file is empty"),
            (b"   \n\n", "the file is empty"),
            (b"SCHEDULE 13D\x00\x00 (Name of Issuer)", "binary"),
            (bytes(range(256)) * 40, "binary"),
            (b"Just a letter to shareholders.\n", "not a Schedule 13D or 13G"),
        ],
    )
    def test_refused_naming_the_file(self, tmp_path: Path, content: bytes, message: str) -> None:
        """Empty, binary, NUL-laden and non-report files are refused, naming the file."""
        path = tmp_path / "bad.txt"
        path.write_bytes(content)
        with pytest.raises(FilingError, match=message) as caught:
            read_report(path)
        assert str(path) in str(caught.value)

    def test_twenty_megabytes_refused_without_reading_it_all(self, tmp_path: Path) -> None:
        """A 20 MB file is refused as too large, naming the file."""
        path = tmp_path / "big.txt"
        path.write_bytes(b"SCHEDULE 13D\n" + b"a" * 20_000_000)
        with pytest.raises(FilingError, match="larger than 16 MiB") as caught:
            read_report(path)
        assert str(path) in str(caught.value)

    @pytest.mark.parametrize(
        ("kind", "markup", "refusal"),
        [
            (kind, markup, refusal)
            for (kind, markup), refusal in zip(
                hostile.hostile_reports(),
                [
                    None,
                    "not a Schedule 13D or 13G",
                    "more than 1,000 reporting persons",
                    None,
                    None,
                ],
                strict=True,
            )
        ],
        ids=lambda value: value if isinstance(value, str) and len(value) < 40 else "",
    )
    def test_hostile_structure_is_bounded(
        self, kind: str, markup: str, refusal: str | None
    ) -> None:
        """Deep HTML, deep XML and label floods are read, or refused naming the input and why.

        Their time is measured by benchmarks/hostile_bench.py.
        """
        if refusal is None:
            assert isinstance(parse_report(markup, name="hostile"), Report), kind
        else:
            with pytest.raises(FilingError, match=f"^hostile: {refusal}"):
                parse_report(markup, name="hostile")


class TestReportModel:
    def test_a_rule_no_13g_states_is_refused(self) -> None:
        """A report whose rule is not 13d-1(b), (c) or (d) is refused, naming the rule."""
        found = read_report(FIXTURES / "tci-music-13d.txt")
        with pytest.raises(InvalidInputError, match=r"rule: .*'13d-1\(e\)'"):
            attrs.evolve(found, rule=Stated("13d-1(e)", 0, 1, "x"))

    def test_drawn_primary_doc_reads_as_a_structured_13g_amendment(self) -> None:
        """The drawn XML fixture says it is drawn and gives every cover value with its span."""
        path = FIXTURES / "drawn-13g-a-primary_doc.xml"
        text = path.read_text("utf-8")
        assert "DRAWN EXAMPLE, NOT A FILING" in text[:200]
        found = read_report(path)
        assert (found.layout, found.form_name, found.passive) == (
            Layout.XML,
            "Schedule 13G/A (Amendment No. 2)",
            True,
        )
        assert [(p.name.value, p.aggregate and p.aggregate.value) for p in found.persons] == [
            ("Sample Value Fund, L.P.", 1_250_000),
            ("Sample Value Advisers LLC", 1_250_000),
        ]
        assert found.outstanding is not None and found.outstanding.value == 19_841_270
        for fact in found.facts():
            assert text[fact.start : fact.end] == fact.quote, fact
