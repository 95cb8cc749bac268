"""Schedule 13D/13G covers drawn by hypothesis and rendered in EDGAR's layouts (tests only).

These are not filings: they are the cover pages' labels laid out as each layout lays them
out (fixed-width text, an HTML table, the SGML wrapper, the 2024 XML), around values drawn
at random. The reader must give back exactly the values drawn, each with a span whose text
is the value as rendered: the oracle is the drawing itself.
"""

from __future__ import annotations

import html

import attrs
import pendulum
from hypothesis import strategies as st

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip
TYPES = ("IN", "CO", "PN", "IA", "OO", "HC", "BD", "BK", "EP")


@attrs.frozen
class DrawnPerson:
    name: str
    group: str | None
    sole_voting: int
    shared_voting: int
    sole_dispositive: int
    shared_dispositive: int
    aggregate: int
    percent: str
    type: str


@attrs.frozen
class DrawnReport:
    form: str
    amendment: int
    issuer: str
    cusip: str
    event: pendulum.Date
    rule: str | None
    persons: tuple[DrawnPerson, ...]

    def facts(self) -> set[str]:
        """The facts a reader must find, in the corpus vocabulary."""
        found = {
            f"form={self.form}",
            f"amendment={self.amendment}",
            f"issuer={self.issuer}",
            f"cusip={self.cusip}",
            f"event_date={self.event.isoformat()}",
        }
        if self.rule is not None:
            found.add(f"rule={self.rule}")
        for index, person in enumerate(self.persons, start=1):
            p = f"person[{index}]"
            found |= {
                f"{p}.name={person.name}",
                f"{p}.sole_voting={person.sole_voting}",
                f"{p}.shared_voting={person.shared_voting}",
                f"{p}.sole_dispositive={person.sole_dispositive}",
                f"{p}.shared_dispositive={person.shared_dispositive}",
                f"{p}.aggregate={person.aggregate}",
                f"{p}.percent={person.percent}",
                f"{p}.type={person.type}",
            }
            if person.group is not None:
                found.add(f"{p}.group={person.group}")
        return found


_WORD = st.text(alphabet="abcdefghijklmnoprstuvwy", min_size=3, max_size=9).map(str.title)
_NAME = st.builds(
    lambda words, suffix: " ".join(words) + suffix,
    st.lists(_WORD, min_size=1, max_size=3),
    st.sampled_from(("", " Capital", " Partners, L.P.", " LLC", " Fund Ltd")),
)
_PERCENT = st.builds(
    lambda whole, places: (
        f"{whole // 10**places}.{whole % 10**places:0{places}d}" if places else str(whole)
    ),
    st.integers(0, 9999),
    st.sampled_from((0, 1, 2)),
).filter(lambda text: float(text) <= 100)


@st.composite
def persons(draw: st.DrawFn) -> DrawnPerson:
    numbers = st.integers(0, 5_000_000_000)
    return DrawnPerson(
        name=draw(_NAME),
        group=draw(st.sampled_from((None, "a", "b"))),
        sole_voting=draw(numbers),
        shared_voting=draw(numbers),
        sole_dispositive=draw(numbers),
        shared_dispositive=draw(numbers),
        aggregate=draw(numbers),
        percent=draw(_PERCENT),
        type="; ".join(draw(st.lists(st.sampled_from(TYPES), min_size=1, max_size=2, unique=True))),
    )


@st.composite
def reports(draw: st.DrawFn, *, form: str | None = None) -> DrawnReport:
    chosen = form or draw(st.sampled_from(("13D", "13G")))
    cusip = draw(st.from_regex(r"[0-9]{6}[0-9A-Z]{2}[0-9]", fullmatch=True))
    if draw(st.booleans()):
        cusip = f"{cusip[:6]} {cusip[6:8]} {cusip[8]}"
    return DrawnReport(
        form=chosen,
        amendment=draw(st.integers(0, 40)),
        issuer=draw(_NAME) + " Inc.",
        cusip=cusip,
        event=draw(
            st.dates(
                min_value=pendulum.date(1994, 1, 1), max_value=pendulum.date(2026, 12, 31)
            ).map(lambda d: pendulum.Date(d.year, d.month, d.day))
        ),
        rule=draw(st.sampled_from(("13d-1(b)", "13d-1(c)", "13d-1(d)")))
        if chosen == "13G"
        else None,
        persons=tuple(draw(st.lists(persons(), min_size=1, max_size=3))),
    )


def _count(value: int, dash: bool) -> str:
    return "-0-" if value == 0 and dash else f"{value:,}"


def _words_date(day: pendulum.Date) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


RULE_LAYOUTS = ("before", "line-above", "after", "line-below")
"""Where a cover puts each rule's box: before it, alone on the line above, after it, below."""


def _rule_lines(rule: str, mark: str, layout: str) -> list[str]:
    return {
        "before": [f"     {mark} Rule {rule}"],
        "line-above": [f"     {mark}", f"     Rule {rule}"],
        "after": [f"     Rule {rule}  {mark}"],
        "line-below": [f"     Rule {rule}", f"     {mark}", ""],
    }[layout]


def render_text(
    report: DrawnReport,
    *,
    dash: bool = True,
    marks: tuple[str, str] = ("[X]", "[ ]"),
    rule_marks: tuple[str, str] | None = None,
    rule_layout: str = "before",
) -> str:
    """The covers as 1990s fixed-width text (the rule boxes laid out as ``rule_layout`` says)."""
    checked, unchecked = marks
    rule_checked, rule_unchecked = rule_marks or marks
    amendment = str(report.amendment) if report.amendment else "   "
    lines = [
        "                       SECURITIES AND EXCHANGE COMMISSION",
        "                             Washington, D.C. 20549",
        "",
        f"                                  SCHEDULE {report.form}",
        "",
        "                   Under the Securities Exchange Act of 1934",
        f"                               (Amendment No. {amendment})*",
        "",
        f"                              {report.issuer}",
        "                                (Name of Issuer)",
        "",
        "                         Common Stock, $.01 par value",
        "                         (Title of Class of Securities)",
        "",
        f"                                  {report.cusip}",
        "                                 (CUSIP Number)",
        "",
        f"                              {_words_date(report.event)}",
        "            (Date of Event which Requires Filing of this Statement)",
        "",
    ]
    if report.rule is not None:
        lines.append("Check the appropriate box to designate the rule pursuant to which this")
        lines.append("Schedule is filed:")
        for rule in ("13d-1(b)", "13d-1(c)", "13d-1(d)"):
            mark = rule_checked if rule == report.rule else rule_unchecked
            lines += _rule_lines(rule, mark, rule_layout)
        lines.append("")
    for person in report.persons:
        a = checked if person.group == "a" else unchecked
        b = checked if person.group == "b" else unchecked
        lines += [
            f"CUSIP No. {report.cusip}",
            "-" * 78,
            "  1   NAME OF REPORTING PERSON",
            "      S.S. OR I.R.S. IDENTIFICATION NO. OF ABOVE PERSON",
            "",
            f"      {person.name}",
            "-" * 78,
            f"  2   CHECK THE APPROPRIATE BOX IF A MEMBER OF A GROUP*         (a) {a}",
            f"                                                                (b) {b}",
            "-" * 78,
            "  3   SEC USE ONLY",
            "-" * 78,
            f"  7   SOLE VOTING POWER              {_count(person.sole_voting, dash)}",
            f"  8   SHARED VOTING POWER            {_count(person.shared_voting, dash)}",
            f"  9   SOLE DISPOSITIVE POWER         {_count(person.sole_dispositive, dash)}",
            f" 10   SHARED DISPOSITIVE POWER       {_count(person.shared_dispositive, dash)}",
            "-" * 78,
            " 11   AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON",
            "",
            f"      {_count(person.aggregate, dash)}",
            "-" * 78,
            " 13   PERCENT OF CLASS REPRESENTED BY AMOUNT IN ROW (11)",
            "",
            f"      {person.percent}%",
            "-" * 78,
            " 14   TYPE OF REPORTING PERSON*",
            "",
            f"      {person.type}",
            "-" * 78,
            "",
        ]
    lines += ["Item 1(a).  Name of Issuer:", "", f"            {report.issuer}", ""]
    return "\n".join(lines)


def render_html(report: DrawnReport, *, marks: tuple[str, str] = ("þ", "¨")) -> str:
    """The covers as an HTML document whose cover pages are tables."""
    checked, unchecked = marks
    e = html.escape
    amendment = str(report.amendment) if report.amendment else "&nbsp;&nbsp;"
    parts = [
        "<html><body>",
        f"<p align=center><b>SCHEDULE {report.form}</b></p>",
        f"<p align=center>(Amendment No. {amendment})*</p>",
        f"<p align=center>{e(report.issuer)}</p><p align=center>(Name of Issuer)</p>",
        f"<p align=center>{e(report.cusip)}</p><p align=center>(CUSIP Number)</p>",
        f"<p align=center>{_words_date(report.event)}</p>",
        "<p align=center>(Date of Event Which Requires Filing of this Statement)</p>",
    ]
    if report.rule is not None:
        for rule in ("13d-1(b)", "13d-1(c)", "13d-1(d)"):
            mark = checked if rule == report.rule else unchecked
            parts.append(f"<p>{mark} Rule {rule}</p>")
    for person in report.persons:
        a = checked if person.group == "a" else unchecked
        b = checked if person.group == "b" else unchecked

        def row(number: str, label: str, value: str) -> str:
            return f"<tr><td>{number}</td><td>{label}</td><td>{value}</td></tr>"

        parts += [
            "<table>",
            row("1", "NAMES OF REPORTING PERSONS", e(person.name)),
            row("2", "CHECK THE APPROPRIATE BOX IF A MEMBER OF A GROUP (SEE INSTRUCTIONS)",
                f"(a) {a}<br>(b) {b}"),
            row("3", "SEC USE ONLY", ""),
            row("5", "SOLE VOTING POWER", f"{person.sole_voting:,}"),
            row("6", "SHARED VOTING POWER", f"{person.shared_voting:,}"),
            row("7", "SOLE DISPOSITIVE POWER", f"{person.sole_dispositive:,}"),
            row("8", "SHARED DISPOSITIVE POWER", f"{person.shared_dispositive:,}"),
            row("9", "AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON",
                f"{person.aggregate:,}"),
            row("11", "PERCENT OF CLASS REPRESENTED BY AMOUNT IN ROW (9)", f"{person.percent}%"),
            row("12", "TYPE OF REPORTING PERSON (SEE INSTRUCTIONS)", person.type),
            "</table>",
        ]  # fmt: skip
    parts.append("<p>Item 1(a). Name of Issuer:</p></body></html>")
    return "\n".join(parts)


def render_sgml(report: DrawnReport) -> str:
    """The text covers wrapped in an EDGAR full submission."""
    return "\n".join(
        [
            "<SEC-DOCUMENT>0000000000-00-000000.txt : 20000101",
            "<SEC-HEADER>0000000000-00-000000.hdr.sgml : 20000101",
            f"CONFORMED SUBMISSION TYPE:\tSC {report.form}{'/A' if report.amendment else ''}",
            "FILED AS OF DATE:\t\t20000101",
            "</SEC-HEADER>",
            "<DOCUMENT>",
            f"<TYPE>SC {report.form}",
            "<SEQUENCE>1",
            "<TEXT>",
            render_text(report),
            "</TEXT>",
            "</DOCUMENT>",
            "</SEC-DOCUMENT>",
        ]
    )


def render_xml(report: DrawnReport, *, nested_cusip: bool = False) -> str:
    """The covers as the structured XML EDGAR takes since December 2024 (13D or 13G shape).

    ``nested_cusip`` writes the CUSIP as later filings do, ``<issuerCusips><issuerCusipNumber>``.
    """
    e = html.escape
    date = report.event.format("MM/DD/YYYY")

    def cusip(flat: str) -> str:
        if nested_cusip:
            number = f"<issuerCusipNumber>{e(report.cusip)}</issuerCusipNumber>"
            return f"<issuerCusips>{number}</issuerCusips>"
        return f"<{flat}>{e(report.cusip)}</{flat}>"

    kind = "A" if report.amendment else ""
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<edgarSubmission xmlns="http://www.sec.gov/edgar/schedule13{report.form[-1]}">',
        f"<headerData><submissionType>SCHEDULE {report.form}{'/' + kind if kind else ''}"
        "</submissionType></headerData>",
        "<formData><coverPageHeader>",
        f"<amendmentNo>{report.amendment}</amendmentNo>" if report.amendment else "",
    ]
    if report.form == "13D":
        out.append(f"<dateOfEvent>{date}</dateOfEvent>")
        out.append(
            f"<issuerInfo>{cusip('issuerCUSIP')}"
            f"<issuerName>{e(report.issuer)}</issuerName></issuerInfo></coverPageHeader>"
            "<reportingPersons>"
        )
    else:
        out.append(f"<eventDateRequiresFilingThisStatement>{date}"
                   "</eventDateRequiresFilingThisStatement>")  # fmt: skip
        out.append(
            f"<issuerInfo><issuerName>{e(report.issuer)}</issuerName>"
            f"{cusip('issuerCusip')}</issuerInfo>"
            "<designateRulesPursuantThisScheduleFiled><designateRulePursuantThisScheduleFiled>"
            f"Rule {report.rule}</designateRulePursuantThisScheduleFiled>"
            "</designateRulesPursuantThisScheduleFiled></coverPageHeader>"
        )
    for person in report.persons:
        types = "".join(
            f"<typeOfReportingPerson>{code}</typeOfReportingPerson>"
            for code in person.type.split("; ")
        )
        powers = (
            f"<soleVotingPower>{person.sole_voting}</soleVotingPower>"
            f"<sharedVotingPower>{person.shared_voting}.00</sharedVotingPower>"
            f"<soleDispositivePower>{person.sole_dispositive}</soleDispositivePower>"
            f"<sharedDispositivePower>{person.shared_dispositive}</sharedDispositivePower>"
        )
        if report.form == "13D":
            group = f"<memberOfGroup>{person.group}</memberOfGroup>" if person.group else ""
            out.append(
                f"<reportingPersonInfo><reportingPersonName>{e(person.name)}"
                f"</reportingPersonName>{group}{powers}"
                f"<aggregateAmountOwned>{person.aggregate}</aggregateAmountOwned>"
                f"<percentOfClass>{person.percent}</percentOfClass>{types}"
                "</reportingPersonInfo>"
            )
        else:
            group = f"<memberGroup>{person.group}</memberGroup>" if person.group else ""
            out.append(
                f"<coverPageHeaderReportingPersonDetails><reportingPersonName>{e(person.name)}"
                f"</reportingPersonName>{group}<reportingPersonBeneficiallyOwnedNumberOfShares>"
                f"{powers}</reportingPersonBeneficiallyOwnedNumberOfShares>"
                "<reportingPersonBeneficiallyOwnedAggregateNumberOfShares>"
                f"{person.aggregate}</reportingPersonBeneficiallyOwnedAggregateNumberOfShares>"
                f"<classPercent>{person.percent}</classPercent>{types}"
                "</coverPageHeaderReportingPersonDetails>"
            )
    if report.form == "13D":
        out.append("</reportingPersons>")
    out.append("</formData></edgarSubmission>")
    return "\n".join(out)
