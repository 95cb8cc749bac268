"""Cover pages and items of a Schedule 13D or 13G read from text (private).

The covers are found by their row labels ("SOLE VOTING POWER", "PERCENT OF CLASS
REPRESENTED BY AMOUNT IN ROW (11)"), not by row numbers or columns: fixed-width text,
flattened HTML tables and label-then-value lines all keep the labels in order, while the
numbers and the layout move. A value is what lies between its label and the next one.

Every regular expression here is anchored on a literal and bounded, so reading runs in time
linear in the text.
"""

from __future__ import annotations

import re
from fractions import Fraction

import pendulum

from rightsplan.errors import FilingError
from rightsplan.reports.model import Inconsistency, ReportingPerson, Stated

__all__ = ["Cover", "read_cover", "stated_outstanding"]

_S = r"[ \t\n\xa0]{1,12}"
"""White space between the words of a label, line breaks included (bounded)."""


def _words(*words: str) -> str:
    return _S.join(words)


# Row labels, in the order a cover gives them. Each is a named group of _LABELS.
_ROWS = {
    "name": r"names?" + _S + r"of" + _S + r"reporting" + _S + r"persons?",
    "group": _words("check", "the", "appropriate", "box", "if", "a", "member", "of", "a", "group"),
    "sec_use": _words("sec", "use", "only"),
    "funds": _words("source", "of", "funds"),
    "legal": _words("check", r"(?:box" + _S + r")?if", "disclosure", "of", "legal"),
    "citizenship": _words("citizenship", "or", "place", "of", "organi[sz]ation"),
    "number_of_shares": _words("number", "of", "shares", "beneficially", "owned"),
    "sole_voting": _words("sole", "voting", "power"),
    "shared_voting": _words("shared", "voting", "power"),
    "sole_dispositive": _words("sole", "dispositive", "power"),
    "shared_dispositive": _words("shared", "dispositive", "power"),
    "aggregate": _words("aggregate", "amount", "beneficially", "owned"),
    "excludes": _words("check", r"(?:box" + _S + r")?if", "the", "aggregate", "amount"),
    "percent": _words("percent", "of", "class", "represented"),
    "type": _words("type", "of", "reporting", "person"),
}
_LABELS = re.compile(
    "|".join(f"(?P<{name}>{pattern})" for name, pattern in _ROWS.items()), re.IGNORECASE
)
_VALUE_ROWS = (
    "sole_voting",
    "shared_voting",
    "sole_dispositive",
    "shared_dispositive",
    "aggregate",
)

# What may follow a label before its value: the rest of the label's printed words.
_LABEL_TAIL = re.compile(
    r"(?:[ \t\n\xa0]|[.:*]|\(see[ \t\n]{1,4}instructions?\)|\(entities[ \t\n]{1,4}only\)"
    r"|(?:s\.s\.[ \t\n]{1,4}or[ \t\n]{1,4})?i\.?[ \t]?r\.?[ \t]?s\.?[ \t\n]{1,4}identification"
    r"[ \t\n]{1,4}nos?\.?[ \t\n]{1,4}of[ \t\n]{1,4}(?:the[ \t\n]{1,4})?above"
    r"[ \t\n]{1,4}persons?|by[ \t\n]{1,4}each[ \t\n]{1,4}reporting[ \t\n]{1,4}person"
    r"|by[ \t\n]{1,4}amount[ \t\n]{1,4}in[ \t\n]{1,4}row[ \t\n]{0,4}\(?[ \t]{0,2}\d{1,2}"
    r"[ \t]{0,2}\)?|with|\((?:[a-z]{1,12}[ \t\n]{1,4}){0,6}[a-z]{1,12}\))+",
    re.IGNORECASE,
)
_ROW_NUMBER_AT_END = re.compile(
    r"[ \t\n\xa0|]*(?:\(\s{0,2}\d{1,2}\s{0,2}\)|\d{1,2}[.)]?)[ \t\n\xa0|]*\Z"
)

_VALUE_LEFT = re.compile(r"\d|-0-|\bnone\b|[A-Za-z]{3}", re.IGNORECASE)
_NUMBER = re.compile(
    r"(?<![\w.,/$(-])(?P<number>-0-|\d{1,3}(?:,\d{3})+(?:\.0{1,4})?|\d{1,15}(?:\.0{1,4})?)"
    r"(?![\w,/%-]|\.\d)"
)
_NONE = re.compile(r"\b(?:none|nil)\b", re.IGNORECASE)
_PERCENT = re.compile(r"(?<![\w.])(?P<number>\d{1,3}(?:\.\d{1,6})?)[ \t\xa0]{0,2}%")
_BARE_PERCENT = re.compile(r"(?<![\w.,])(?P<number>\d{1,3}\.\d{1,6}|\d{1,3})(?![\w,%]|\.\d)")
_LESS_THAN = re.compile(r"less[ \t\n]{1,4}than", re.IGNORECASE)
_TYPES = frozenset(
    ("BD", "BK", "IC", "IV", "IA", "EP", "HC", "SA", "CP", "CO", "PN", "IN", "OO", "FI")
)
_TYPE = re.compile(r"(?<![\w-])(?P<type>[A-Z]{2})(?![\w-])")

# Box glyphs: brackets with an X, the Wingdings checked boxes (þ, ý), the Unicode ones.
_CHECKED = re.compile(r"\[[ \t]{0,2}[xX][ \t]{0,2}\]|\|[xX]\||\([xX]\)|[þý☒☑✓✔✗✘■]|[xX](?![\w])")
_MARK = re.compile(
    r"\[[ \t]{0,2}[xX_]?[ \t]{0,2}\]|\|[xX_]\||\([xX ]\)|[þýo¨☐□☒☑✓✔✗✘■]|[xX](?![\w])"
)

_RENDERED_BOX = re.compile(r"[Cc]heckbox[ \t\xa0]{1,3}(?P<not>not[ \t\xa0]{1,3})?checked")
"""EDGAR's rendering of a structured filing writes its boxes as words: "Checkbox checked"."""
_SCHEDULE = re.compile(r"schedule[ \t\n\xa0]{1,6}13[ \t]{0,2}(?P<form>[DG])\b", re.IGNORECASE)
_AMENDMENT = re.compile(
    r"amendment[ \t\xa0]{1,4}no\.?[ \t\xa0]{0,4}:?[ \t\xa0]{0,4}"
    r"(?P<number>\d{1,3}|[A-Za-z]{3,12}|[_ \t\xa0]{0,12}(?=\)))",
    re.IGNORECASE,
)
_NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
_ISSUER_BELOW = re.compile(
    r"\([ \t]{0,2}name[ \t\n]{1,4}of[ \t\n]{1,4}(?:the[ \t\n]{1,4})?issuer[ \t]{0,2}\)",
    re.IGNORECASE,
)
_ISSUER_AFTER = re.compile(
    r"name[ \t]{1,4}of[ \t]{1,4}issuer[ \t]{0,4}:[ \t\xa0]{0,8}(?P<value>[^\n]{2,200})",
    re.IGNORECASE,
)
_CUSIP_BELOW = re.compile(
    r"\([ \t]{0,2}cusip[ \t\n]{1,4}(?:number|no\.?)[ \t]{0,2}\)", re.IGNORECASE
)
_CUSIP_AFTER = re.compile(
    r"cusip[ \t\xa0]{1,4}(?:number|no\.?|#)[ \t\xa0]{0,4}(?:of[ \t]{1,4}[^\n:]{0,40})?:?"
    r"[ \t\xa0\n|]{0,8}(?P<value>[^\n]{0,80})",  # a flattened table: "CUSIP No.\n|\n543442503"
    re.IGNORECASE,
)
_CUSIP = re.compile(r"(?<![\w-])[0-9A-Z]{6}[ -]?[0-9A-Z]{2}[ -]?[0-9](?![\w-])")
_EVENT_BELOW = re.compile(
    r"\(?[ \t]{0,2}date[ \t\n]{1,4}of[ \t\n]{1,4}event[ \t\n]{1,4}(?:which|that)"
    r"[ \t\n]{1,4}requires"
    r"[ \t\n]{1,4}filing(?:[ \t\n]{1,4}of[ \t\n]{1,4}(?:this|the)[ \t\n]{1,4}statement)?"
    r"[ \t]{0,2}\)?",
    re.IGNORECASE,
)
_MONTHS = {
    month: number
    for number, month in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
        start=1,
    )
}
_DATE = re.compile(
    r"\b(?:(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?[ \t\n]{1,4}"
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?,?[ \t\n]{1,4}(?P<year>\d{4})"
    r"|(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))\b",
    re.IGNORECASE,
)
_RULE = re.compile(r"rule[ \t\xa0]{0,4}13d-1[ \t]{0,2}\((?P<rule>[bcd])\)", re.IGNORECASE)
_ITEM_ONE = re.compile(
    r"^[ \t\xa0]{0,12}item[ \t\xa0]{1,4}1[ \t]{0,2}(?:\(a\)|[.:])", re.IGNORECASE | re.MULTILINE
)
_ITEM = re.compile(
    r"^[ \t\xa0|]{0,12}item[ \t\xa0]{1,4}(?P<number>\d{1,2})\b"
    r"(?![ \t]{1,4}(?:of|is|to|and|as|in|has|was|are|hereby|remains)\b)[^\n]{0,200}$",
    re.IGNORECASE | re.MULTILINE,
)
_PURPOSE_TITLE = re.compile(
    r"purposes?[ \t]{1,4}of[ \t]{1,4}(?:the[ \t]{1,4})?transactions?", re.IGNORECASE
)
_JOINT = re.compile(
    r"joint[ \t\n]{1,4}filing[ \t\n]{1,4}agreement|agree[ \t\n]{1,4}to[ \t\n]{1,4}the"
    r"[ \t\n]{1,4}joint[ \t\n]{1,4}filing|filed[ \t\n]{1,4}jointly|jointly[ \t\n]{1,4}file",
    re.IGNORECASE,
)
_OUTSTANDING = re.compile(
    r"(?P<number>\d{1,3}(?:,\d{3}){1,4})[ \t\n]{1,4}shares[ \t\n]{1,4}of[^.;]{0,80}?"
    r"[ \t\n]{1,4}(?:issued[ \t\n]{1,4}and[ \t\n]{1,4})?outstanding",
    re.IGNORECASE,
)
_ITEM_PERCENT_13G = re.compile(
    r"percent[ \t\n]{1,4}of[ \t\n]{1,4}class[ \t]{0,2}:?[^\n%]{0,40}?"
    r"(?P<number>\d{1,3}(?:\.\d{1,6})?)[ \t]{0,2}%",
    re.IGNORECASE,
)
_ITEM_PERCENT_13D = re.compile(
    r"(?:approximately|representing|represents|constitut\w{0,5})[ \t\n]{1,4}"
    r"(?P<number>\d{1,3}\.\d{1,6})[ \t]{0,2}%[ \t\n]{1,4}of[ \t\n]{1,4}the",
    re.IGNORECASE,
)

MAX_PERSONS = 1_000
"""The most reporting persons' covers one report may have (filings have a few dozen at most)."""
_MAX_LABELS = 40
"""Row labels read per cover: a cover has 14 rows; the rest of a flood is ignored."""

_COVER_REGION = 20_000
"""How far into the text the top of the first cover page is looked for."""


class Cover:
    """What :func:`read_cover` finds (a plain holder, not a value object)."""

    def __init__(self) -> None:
        self.form: Stated[str] | None = None
        self.amendment: Stated[int] | None = None
        self.issuer: Stated[str] | None = None
        self.cusip: Stated[str] | None = None
        self.event_date: Stated[pendulum.Date] | None = None
        self.rule: Stated[str] | None = None
        self.persons: list[ReportingPerson] = []
        self.purpose: Stated[str] | None = None
        self.joint_filing: Stated[str] | None = None
        self.outstanding: Stated[int] | None = None
        self.inconsistencies: list[Inconsistency] = []


def _stated(text: str, start: int, end: int, value: object) -> Stated[object]:
    return Stated(value, start, end, text[start:end])


def _lines_above(text: str, at: int, limit: int = 3) -> list[tuple[int, int]]:
    """The non-blank, non-rule lines just above offset ``at``, nearest first, as spans."""
    found: list[tuple[int, int]] = []
    end = text.rfind("\n", 0, at)
    steps = 0
    while end > 0 and len(found) < limit and steps < 12:
        steps += 1
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        stripped = line.strip(" \t\xa0")
        if stripped and not re.fullmatch(r"[-_=*. \t\xa0]{1,200}", stripped):
            lead = len(line) - len(line.lstrip(" \t\xa0"))
            found.append((start + lead, start + lead + len(stripped)))
            if stripped.startswith("(") and stripped.endswith(")"):
                break  # another label: the value is not above it
        end = start - 1
    return found


def _date_of(match: re.Match[str]) -> pendulum.Date | None:
    try:
        if match["month"]:
            month = _MONTHS[match["month"][:3].lower()]
            return pendulum.Date(int(match["year"]), month, int(match["day"]))
        if match["m"]:
            return pendulum.Date(int(match["y"]), int(match["m"]), int(match["d"]))
        return pendulum.Date(int(match["iy"]), int(match["im"]), int(match["id"]))
    except ValueError:
        return None


_SCHEDULE_HEADING = re.compile(
    r"^[ \t\xa0|]{0,60}(?P<schedule>schedule[ \t\xa0]{1,6}13[ \t]{0,2}(?P<form>[DG])(?:/A)?)"
    r"[ \t\xa0|*]{0,60}$",
    re.IGNORECASE | re.MULTILINE,
)
_BARE_FORM = re.compile(r"(?<![\w/-])13(?P<form>[DG])(?![\w-])(?=[ \t\xa0|]{0,40}(?:\n|$))")
_MENTION = re.compile(
    r"(?:statement[ \t\n]{1,4}on|filed[ \t\n]{1,4}on)[ \t\n]{1,4}\Z", re.IGNORECASE
)


def _form(text: str, cover: Cover, header_form: str | None) -> None:
    heading = _SCHEDULE_HEADING.search(text, 0, _COVER_REGION)
    if heading is not None:
        cover.form = Stated(
            f"13{heading['form'].upper()}",
            heading.start("schedule"),
            heading.end("schedule"),
            heading["schedule"],
        )
        return
    for match in _SCHEDULE.finditer(text, 0, _COVER_REGION):
        if _MENTION.search(text[max(0, match.start() - 20) : match.start()]) is not None:
            continue  # "a statement on Schedule 13G", "this Schedule 13D": a mention
        cover.form = Stated(f"13{match['form'].upper()}", match.start(), match.end(), match.group())
        return
    bare = _BARE_FORM.search(text, 0, _COVER_REGION)  # a page header: "CUSIP No. ... | 13D"
    if bare is not None:
        cover.form = Stated(f"13{bare['form'].upper()}", bare.start(), bare.end(), bare.group())


def _amendment(text: str, cover: Cover, stop: int) -> None:
    match = _AMENDMENT.search(text, 0, max(stop, 0) or _COVER_REGION)
    if match is None:
        return
    number = match["number"].strip(" \t\xa0_")
    if not number:
        value = 0
    elif number.isdigit():
        value = int(number)
    elif number.lower() in _NUMBER_WORDS:
        value = _NUMBER_WORDS[number.lower()]
    else:
        return
    cover.amendment = Stated(value, match.start(), match.end(), match.group())


def _issuer(text: str, cover: Cover) -> int:
    """The issuer; returns where its label is (the amendment number is looked for above)."""
    below = _ISSUER_BELOW.search(text, 0, _COVER_REGION)
    if below is not None:
        above = _lines_above(text, below.start(), limit=1)
        if above:
            start, end = above[0]
            cover.issuer = Stated(" ".join(text[start:end].split()), start, end, text[start:end])
        return below.start()
    after = _ISSUER_AFTER.search(text, 0, _COVER_REGION)
    if after is not None:
        value = after["value"].strip(" \t\xa0")
        if value:
            start = after.start("value")
            cover.issuer = Stated(" ".join(value.split()), start, start + len(value), value)
        return after.start()
    return -1


def _cusip_in(text: str, start: int, end: int) -> Stated[str] | None:
    for match in _CUSIP.finditer(text, start, end):
        if sum(char.isdigit() for char in match.group()) >= 5:
            return Stated(match.group(), match.start(), match.end(), match.group())
    return None


def _squash(cusip: str) -> str:
    return re.sub(r"[ -]", "", cusip).upper()


def _cusips(text: str, cover: Cover, covers_end: int) -> None:
    stated: list[Stated[str]] = []
    below = _CUSIP_BELOW.search(text, 0, _COVER_REGION)
    if below is not None:
        for start, end in _lines_above(text, below.start(), limit=2):
            found = _cusip_in(text, start, end)
            if found is not None:
                stated.append(found)
                break
    for match in _CUSIP_AFTER.finditer(text, 0, len(text)):
        found = _cusip_in(text, match.start("value"), match.end("value"))
        if found is not None:
            stated.append(found)
    if not stated:
        return
    cover.cusip = stated[0]
    different: dict[str, Stated[str]] = {}
    for value in stated:
        different.setdefault(_squash(value.value), value)
    if len(different) > 1:
        cover.inconsistencies.append(Inconsistency("cusip", tuple(different.values())))


def _event_date(text: str, cover: Cover) -> None:
    label = _EVENT_BELOW.search(text, 0, _COVER_REGION)
    if label is None:
        return
    for start, end in _lines_above(text, label.start(), limit=2):
        match = _DATE.search(text, start, end)
        if match is not None:
            day = _date_of(match)
            if day is not None:
                cover.event_date = Stated(day, match.start(), match.end(), match.group())
                return
    after_end = text.find("\n", label.end() + 1)
    after_end = len(text) if after_end < 0 else min(after_end, label.end() + 200)
    match = _DATE.search(text, label.end(), after_end)
    if match is not None:
        day = _date_of(match)
        if day is not None:
            cover.event_date = Stated(day, match.start(), match.end(), match.group())


def _checked_after(
    text: str, at: int, limit: int = 16, *, same_line: bool = False
) -> re.Match[str] | None:
    """The box mark just after ``at`` (white space aside), if it is a checked one."""
    window = text[at : at + limit]
    lead = len(window) - len(window.lstrip(" \t\xa0" if same_line else " \t\n\xa0|"))
    rendered = _RENDERED_BOX.match(text, at + lead, at + lead + 24)
    if rendered is not None:
        return None if rendered["not"] else rendered
    mark = _MARK.match(text, at + lead, at + limit)
    if mark is None:
        return None
    return _CHECKED.fullmatch(mark.group()) and mark


def _checked_before(text: str, at: int, limit: int = 8) -> re.Match[str] | None:
    start = max(0, at - limit)
    window = text[start:at].rstrip(" \t\xa0")
    for mark in _MARK.finditer(text, start, start + len(window)):
        if mark.end() == start + len(window) and _CHECKED.fullmatch(mark.group()):
            return mark
    return None


_BOX_SEPARATORS = " \t\xa0|"


def _box_on_line(text: str, start: int, end: int) -> tuple[bool, re.Match[str]] | None:
    """The box that is all a line holds (between ``start`` and ``end``): (checked, match)."""
    line = text[start:end].strip(_BOX_SEPARATORS)
    if not line or len(line) > 24:
        return None
    at = text.find(line, start, end)
    rendered = _RENDERED_BOX.fullmatch(text, at, at + len(line))
    if rendered is not None:
        return rendered["not"] is None, rendered
    mark = _MARK.fullmatch(text, at, at + len(line))
    if mark is None:
        return None
    return _CHECKED.fullmatch(mark.group()) is not None, mark


def _box_before(text: str, at: int) -> tuple[bool, re.Match[str]] | None:
    """The box just before ``at`` on its line, or alone on the nearest non-blank line above."""
    line_start = text.rfind("\n", 0, at) + 1
    before = text[line_start:at].rstrip(_BOX_SEPARATORS)
    if before:
        return _box_on_line(text, line_start + max(0, len(before) - 24), line_start + len(before))
    end = line_start - 1
    for _ in range(3):  # blank lines between a box and its rule
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        if text[start:end].strip(_BOX_SEPARATORS):
            return _box_on_line(text, start, end)
        end = start - 1
    return None


def _box_after(text: str, at: int) -> tuple[bool, re.Match[str]] | None:
    """The box just after ``at`` on its line, or alone on the nearest non-blank line below."""
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    after = text[at:line_end].lstrip(_BOX_SEPARATORS)
    if after:
        lead = line_end - at - len(after)
        return _box_on_line(text, at + lead, min(line_end, at + lead + 24))
    start = line_end + 1
    for _ in range(3):
        if start >= len(text):
            return None
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if text[start:end].strip(_BOX_SEPARATORS):
            return _box_on_line(text, start, end)
        start = end + 1
    return None


def _rule(text: str, cover: Cover, stop: int) -> None:
    """The rule box of a 13G: which of Rule 13d-1(b), (c), (d) is marked.

    Covers put the box before its rule ("☒ Rule 13d-1(b)", or the box on a line of its own
    above, as a flattened table does) or after it. The side is decided once for the three
    lines together: boxes alone on their own lines between the rules would otherwise belong
    to either neighbour.
    """
    rules: list[re.Match[str]] = []
    for match in _RULE.finditer(text, 0, stop):
        if rules and match.start() - rules[-1].end() > 400:
            break  # a later mention (Item 3's "pursuant to Rule 13d-1(b)"), not the box
        rules.append(match)
        if len(rules) == 3:
            break
    if not rules:
        return
    sides = (
        [_box_before(text, m.start()) for m in rules],
        [_box_after(text, m.end()) for m in rules],
    )
    for boxes in sides:
        if all(box is not None for box in boxes):
            for match, box in zip(rules, boxes, strict=True):
                if box is not None and box[0]:
                    rule = f"13d-1({match['rule'].lower()})"
                    cover.rule = Stated(rule, match.start(), match.end(), match.group())
                    return
            return  # every box read, none marked


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The value region between a label's end and the next label, its decorations off."""
    tail = _LABEL_TAIL.match(text, start, end)
    if tail is not None:
        start = tail.end()
    number = _ROW_NUMBER_AT_END.search(text, start, end)
    if number is not None and (
        _VALUE_LEFT.search(text, start, number.start()) is not None
        or _labels_the_next_row(text, number.start(), end)
    ):
        # The next row's number, unless it is the only figure: then it is this row's value,
        # save where it begins the next label's own line ("13  PERCENT OF CLASS").
        end = number.start()
    return start, max(start, end)


def _labels_the_next_row(text: str, start: int, end: int) -> bool:
    """Whether the figure in ``text[start:end]`` begins the line of the label at ``end``."""
    digits = re.search(r"\d", text[start:end])
    if digits is None or end >= len(text) or not text[end].isalpha():
        return False
    at = start + digits.start()
    line_start = text.rfind("\n", 0, at) + 1
    return "\n" not in text[at:end] and not text[line_start:at].strip(" \t\xa0|")


def _count(text: str, start: int, end: int) -> Stated[int] | None:
    match = _NUMBER.search(text, start, end)
    none = _NONE.search(text, start, end)
    if none is not None and (match is None or none.start() < match.start()):
        return Stated(0, none.start(), none.end(), none.group())
    if match is None:
        return None
    number = match["number"]
    value = 0 if number == "-0-" else int(number.split(".")[0].replace(",", ""))
    return Stated(value, match.start(), match.end(), match.group())


def _percent(text: str, start: int, end: int) -> Stated[str] | None:
    less = _LESS_THAN.search(text, start, min(end, start + 40))
    match = _PERCENT.search(text, start, end)
    if match is None:
        match = _BARE_PERCENT.search(text, start, end)
        if match is None:
            dash = re.search(r"-0-", text[start:end])
            if dash is not None:
                at = start + dash.start()
                return Stated("0", at, at + 3, "-0-")
            return None
    if less is not None and less.start() < match.start():
        return None  # "less than 1%" is a bound, not the percentage
    return Stated(match["number"], match.start(), match.end(), match.group())


_NAME_THEN_IRS = re.compile(
    r"[ \t\xa0]{1,8}(?:(?:s\.s\.[ \t]{1,4}or[ \t]{1,4})?i\.?[ \t]?r\.?[ \t]?s\.?[ \t]{1,4}"
    r"identification[ \t]{1,4}no|tax[ \t]{1,4}id)",
    re.IGNORECASE,
)
"""An IRS number printed on the name's line ("Mercury Fund VII, Ltd. I.R.S. Identification No.
20-4881368"): the name ends before it."""


def _name(text: str, start: int, end: int) -> Stated[str] | None:
    """The name: the first lines of text after the label (a name may wrap: "PARCHE,/LLC")."""
    position = start
    first: tuple[int, int] | None = None
    last_end = 0
    lines = 0
    while position < end and lines < 3:
        line_end = text.find("\n", position, end)
        line_end = end if line_end < 0 else line_end
        line = text[position:line_end]
        stripped = line.strip(" \t\xa0|*")
        tail = _LABEL_TAIL.match(line)
        decoration = not stripped or re.fullmatch(r"[-_=.\d ]{1,200}|\(?[a-z]\)?", stripped)
        if decoration or (tail is not None and tail.end() == len(line)):
            if first is not None:
                break
        else:
            lead = len(line) - len(line.lstrip(" \t\xa0|*"))
            cell = re.split(r"[ \t\xa0]{3,}|\|", stripped)[0].strip()
            irs = _NAME_THEN_IRS.search(cell)
            if irs is not None and irs.start() > 0:
                cell = cell[: irs.start()]
            at = position + lead
            if first is None:
                first = (at, at + len(cell))
            last_end = at + len(cell)
            lines += 1
            if len(cell) < len(stripped):
                break  # a table's next column: the name ends in this cell
        position = line_end + 1
    if first is None:
        return None
    quote = text[first[0] : last_end]
    return Stated(" ".join(quote.split()), first[0], last_end, quote)


def _group(text: str, start: int, end: int) -> Stated[str] | None:
    for box in re.finditer(r"\((?P<box>[ab])\)", text[start:end]):
        at = start + box.start()
        after = start + box.end()
        mark = _checked_after(text, after)
        if mark is None:
            mark = _checked_before(text, at, 6)
        if mark is not None:
            return Stated(box["box"], at, max(after, mark.end()), text[at : max(after, mark.end())])
    return None


def _type(text: str, start: int, end: int) -> Stated[str] | None:
    """The type codes as printed (``"PN; IA"``): from the first known code to the last."""
    first = last = None
    stop = min(end, start + 120)
    for match in _TYPE.finditer(text, start, stop):
        if match["type"] in _TYPES:
            if first is None:
                first = match
            elif re.fullmatch(r"[ \t,;/&and]{0,8}", text[last.end() : match.start()]) is None:  # type: ignore[union-attr]
                break
            last = match
        elif first is not None:
            break
    if first is None or last is None:
        return None
    quote = text[first.start() : last.end()]
    return Stated(" ".join(quote.split()), first.start(), last.end(), quote)


def _person(text: str, labels: list[re.Match[str]]) -> ReportingPerson | None:
    fields: dict[str, object] = {}
    for index, label in enumerate(labels):
        kind = label.lastgroup
        assert kind is not None
        end = labels[index + 1].start() if index + 1 < len(labels) else label.end() + 400
        end = min(end, len(text))
        start, stop = _trimmed(text, label.end(), end)
        if kind == "name" and "name" not in fields:
            fields["name"] = _name(text, start, stop)
        elif kind == "group" and "group" not in fields:
            fields["group"] = _group(text, label.end(), end)
        elif kind in _VALUE_ROWS and kind not in fields:
            fields[kind] = _count(text, start, stop)
        elif kind == "percent" and "percent" not in fields:
            fields["percent"] = _percent(text, start, stop)
        elif kind == "type" and "type" not in fields:
            fields["type"] = _type(text, start, stop)
    name = fields.pop("name", None)
    if not isinstance(name, Stated):
        return None
    return ReportingPerson(name=name, **{k: v for k, v in fields.items() if v is not None})  # type: ignore[arg-type]


def _persons(text: str, cover: Cover) -> int:
    """The reporting persons' covers; returns where the covers end."""
    first = None
    for match in _LABELS.finditer(text):
        if match.lastgroup == "name":
            first = match
            break
    if first is None:
        return 0
    item_one = _ITEM_ONE.search(text, first.end())
    covers_end = item_one.start() if item_one is not None else len(text)
    blocks: list[list[re.Match[str]]] = []
    for match in _LABELS.finditer(text, first.start(), covers_end):
        if match.lastgroup == "name":
            if len(blocks) == MAX_PERSONS:
                raise FilingError(
                    f"more than {MAX_PERSONS:,} reporting persons' cover pages: not a report "
                    "this reader reads"
                )
            blocks.append([match])
        elif blocks and len(blocks[-1]) < _MAX_LABELS:
            blocks[-1].append(match)
    for block in blocks:
        person = _person(text, block)
        if person is not None:
            cover.persons.append(person)
    return covers_end


def _items(text: str, start: int) -> dict[str, tuple[int, int, int]]:
    """Items after the covers: number -> (heading start, body start, body end)."""
    heads = list(_ITEM.finditer(text, start))
    found: dict[str, tuple[int, int, int]] = {}
    for index, head in enumerate(heads):
        body_end = heads[index + 1].start() if index + 1 < len(heads) else len(text)
        found.setdefault(head["number"], (head.start(), head.end(), body_end))
    return found


def _purpose(text: str, cover: Cover, items: dict[str, tuple[int, int, int]]) -> None:
    if "4" not in items:
        return
    head, body, end = items["4"]
    title = _PURPOSE_TITLE.search(text, head, min(end, body + 120))
    if title is None:
        return
    start = title.end()
    while start < end and text[start] in " \t\n\xa0.:-–—|":
        start += 1
    stop = end
    while stop > start and text[stop - 1] in " \t\n\xa0":
        stop -= 1
    if stop > start:
        cover.purpose = Stated(text[start:stop], start, stop, text[start:stop])


def _item_percent(
    text: str, cover: Cover, items: dict[str, tuple[int, int, int]], form: str | None
) -> None:
    if len(cover.persons) != 1 or cover.persons[0].percent is None:
        return
    number = "4" if form == "13G" else "5"
    if number not in items:
        return
    _, body, end = items[number]
    pattern = _ITEM_PERCENT_13G if form == "13G" else _ITEM_PERCENT_13D
    match = pattern.search(text, body, end)
    if match is None:
        return
    on_cover = cover.persons[0].percent
    stated = Stated(
        match["number"],
        match.start("number"),
        match.end(),
        text[match.start("number") : match.end()],
    )
    if Fraction(stated.value) != Fraction(on_cover.value):
        cover.inconsistencies.append(Inconsistency("person[1].percent", (on_cover, stated)))


def read_cover(text: str, *, header_form: str | None = None) -> Cover:
    """Everything the covers and items of ``text`` state, each with its span."""
    cover = Cover()
    _form(text, cover, header_form)
    issuer_at = _issuer(text, cover)
    _amendment(text, cover, issuer_at)
    covers_end = _persons(text, cover)
    first_person = next(
        (m.start() for m in _LABELS.finditer(text, 0, covers_end) if m.lastgroup == "name"),
        min(len(text), _COVER_REGION),
    )
    _cusips(text, cover, covers_end)
    _event_date(text, cover)
    if cover.form is None or cover.form.value == "13G":
        _rule(text, cover, first_person)
    items = _items(text, covers_end)
    if cover.form is None or cover.form.value == "13D":
        _purpose(text, cover, items)
    _item_percent(text, cover, items, cover.form.value if cover.form is not None else None)
    joint = _JOINT.search(text)
    if joint is not None:
        cover.joint_filing = Stated(joint.group(), joint.start(), joint.end(), joint.group())
    cover.outstanding = stated_outstanding(text, covers_end)
    return cover


def stated_outstanding(text: str, start: int) -> Stated[int] | None:
    """The shares outstanding an item states the percentages rest on, from ``start`` on.

    Text covers and XML alike ("35,324,685 shares of Common Stock outstanding").
    """
    found = _OUTSTANDING.search(text, start)
    if found is None:
        return None
    value = int(found["number"].replace(",", ""))
    return Stated(value, found.start(), found.end(), found.group())
