"""The structured Schedule 13D and 13G XML EDGAR has taken since December 2024 (private).

The elements are found by name with bounded regular expressions over the XML text, not by an
XML parser: spans then index the file as filed, a namespace prefix or an unknown wrapper
changes nothing, and a hostile document (deeply nested, entity-laden) costs time linear in
its length and no recursion. Element names follow EDGAR's Schedule 13D and 13G technical
specifications; where the two schedules name a field differently both names are read.
"""

from __future__ import annotations

import html
import re
from decimal import Decimal, InvalidOperation

import pendulum

from rightsplan.reports._cover import Cover, stated_outstanding
from rightsplan.reports.model import ReportingPerson, Stated

__all__ = ["looks_like_xml", "read_xml"]

_ROOT = re.compile(r"<(?:[\w.-]{1,40}:)?edgarSubmission\b", re.IGNORECASE)


def looks_like_xml(text: str) -> bool:
    """Whether ``text`` is a Schedule 13D/13G XML submission (judged from its start)."""
    return _ROOT.search(text, 0, 4000) is not None


def _element(name: str) -> re.Pattern[str]:
    return re.compile(
        rf"<(?:[\w.-]{{1,40}}:)?(?:{name})(?:[ \t\n][^<>]{{0,400}})?>"
        rf"(?P<value>[^<]{{0,100000}})</(?:[\w.-]{{1,40}}:)?(?:{name})[ \t\n]{{0,8}}>"
    )


_SUBMISSION = _element("submissionType")
_AMENDMENT = _element("amendmentNo")
_ISSUER = _element("issuerName")
# The first schemas name the CUSIP issuerCUSIP (13D) and issuerCusip (13G); later filings nest
# one or more as <issuerCusips><issuerCusipNumber> in both.
_CUSIP = _element("issuerCUSIP|issuerCusip|issuerCusipNumber")
_EVENT = _element("dateOfEvent|eventDateRequiresFilingThisStatement")
_RULE = _element("designateRulePursuantThisScheduleFiled")
_PERSON_START = re.compile(
    r"<(?:[\w.-]{1,40}:)?(?:reportingPersonInfo|coverPageHeaderReportingPersonDetails)\b"
)
_NAME = _element("reportingPersonName")
_GROUP = _element("memberOfGroup|memberGroup")
_SOLE_VOTING = _element("soleVotingPower")
_SHARED_VOTING = _element("sharedVotingPower")
_SOLE_DISPOSITIVE = _element("soleDispositivePower")
_SHARED_DISPOSITIVE = _element("sharedDispositivePower")
_AGGREGATE = _element(
    "aggregateAmountOwned|reportingPersonBeneficiallyOwnedAggregateNumberOfShares"
)
_PERCENT = _element("percentOfClass|classPercent")
_TYPE = _element("typeOfReportingPerson")
_PURPOSE = _element("transactionPurpose|purposeOfTransaction|item4")
_OUTSTANDING = _element("sharesOutstanding|outstandingShares")
_ITEMS = re.compile(r"<(?:[\w.-]{1,40}:)?items(?:1To7)?\b")


def _value(match: re.Match[str]) -> Stated[str] | None:
    raw = match["value"]
    value = " ".join(html.unescape(raw).split())
    if not value:
        return None
    lead = len(raw) - len(raw.lstrip())
    start = match.start("value") + lead
    stripped = raw.strip()
    return Stated(value, start, start + len(stripped), stripped)


def _first(pattern: re.Pattern[str], text: str, start: int, end: int) -> Stated[str] | None:
    for match in pattern.finditer(text, start, end):
        found = _value(match)
        if found is not None:
            return found
    return None


def _whole(stated: Stated[str] | None) -> Stated[int] | None:
    """A share count: XML writes ``1151108.00``; a fraction of a share is not a count."""
    if stated is None:
        return None
    try:
        number = Decimal(stated.value.replace(",", ""))
    except InvalidOperation:
        return None
    if number != number.to_integral_value() or number < 0:
        return None
    return Stated(int(number), stated.start, stated.end, stated.quote)


def _date(stated: Stated[str] | None) -> Stated[pendulum.Date] | None:
    if stated is None:
        return None
    match = re.fullmatch(r"(\d{2})/(\d{2})/(\d{4})|(\d{4})-(\d{2})-(\d{2})", stated.value)
    if match is None:
        return None
    try:
        if match[1]:
            day = pendulum.Date(int(match[3]), int(match[1]), int(match[2]))
        else:
            day = pendulum.Date(int(match[4]), int(match[5]), int(match[6]))
    except ValueError:
        return None
    return Stated(day, stated.start, stated.end, stated.quote)


def _types(text: str, start: int, end: int) -> Stated[str] | None:
    """Every ``typeOfReportingPerson`` of a person, as one value (``"CO; HC"``)."""
    found = [value for match in _TYPE.finditer(text, start, end) if (value := _value(match))]
    if not found:
        return None
    joined = "; ".join(value.value for value in found)
    return Stated(joined, found[0].start, found[-1].end, text[found[0].start : found[-1].end])


def read_xml(text: str) -> Cover:
    """Everything a Schedule 13D/13G XML submission states, each value with its span."""
    cover = Cover()
    end = len(text)
    submission = _first(_SUBMISSION, text, 0, end)
    if submission is not None:
        form = re.search(r"13\s{0,2}([DG])", submission.value, re.IGNORECASE)
        if form is not None:
            cover.form = Stated(
                f"13{form[1].upper()}", submission.start, submission.end, submission.quote
            )
        amended = "/A" in submission.value.upper()
        number = _whole(_first(_AMENDMENT, text, 0, end))
        if number is not None:
            cover.amendment = number
        elif not amended:
            cover.amendment = Stated(0, submission.start, submission.end, submission.quote)
    issuer = _first(_ISSUER, text, 0, end)
    cover.issuer = issuer
    cover.cusip = _first(_CUSIP, text, 0, end)
    cover.event_date = _date(_first(_EVENT, text, 0, end))
    rule = _first(_RULE, text, 0, end)  # the first of up to three; filers mark one
    if rule is not None:
        found = re.search(r"13d-1\s{0,2}\(([bcd])\)", rule.value, re.IGNORECASE)
        if found is not None:
            cover.rule = Stated(f"13d-1({found[1].lower()})", rule.start, rule.end, rule.quote)
    starts = [match.start() for match in _PERSON_START.finditer(text)]
    for index, start in enumerate(starts):
        stop = starts[index + 1] if index + 1 < len(starts) else end
        name = _first(_NAME, text, start, stop)
        if name is None:
            continue
        group = _first(_GROUP, text, start, stop)
        percent = _first(_PERCENT, text, start, stop)
        if percent is not None and re.fullmatch(r"\d{1,3}(?:\.\d{1,8})?", percent.value) is None:
            percent = None
        cover.persons.append(
            ReportingPerson(
                name=name,
                group=group if group is not None and group.value in ("a", "b") else None,
                sole_voting=_whole(_first(_SOLE_VOTING, text, start, stop)),
                shared_voting=_whole(_first(_SHARED_VOTING, text, start, stop)),
                sole_dispositive=_whole(_first(_SOLE_DISPOSITIVE, text, start, stop)),
                shared_dispositive=_whole(_first(_SHARED_DISPOSITIVE, text, start, stop)),
                aggregate=_whole(_first(_AGGREGATE, text, start, stop)),
                percent=percent,
                type=_types(text, start, stop),
            )
        )
    purpose = _first(_PURPOSE, text, 0, end)
    if purpose is not None and cover.form is not None and cover.form.value == "13D":
        cover.purpose = purpose
    cover.outstanding = _whole(_first(_OUTSTANDING, text, 0, end))
    items = _ITEMS.search(text)
    if cover.outstanding is None and items is not None:
        # The filed schemas have no element for it: filers state it in an item's prose
        # ("calculated based upon an aggregate of 35,324,685 shares of Common Stock
        # outstanding"), as text covers do.
        cover.outstanding = stated_outstanding(text, items.start())
    return cover
