"""Text helpers for filings (private): decoding, HTML to text, dates in words, sentences.

Everything here runs in time linear in its input: regular expressions are anchored on
literals and use bounded repetition only.
"""

from __future__ import annotations

import html.parser
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping

import pendulum

from rightsplan import _check

__all__ = [
    "DATE",
    "decode",
    "describe_removed",
    "find_dates",
    "html_to_text",
    "line_start",
    "looks_like_html",
    "names_another_document",
    "parse_date",
    "phrase",
    "readable",
    "sentence_bounds",
]

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|"
    r"JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)"
)
# A year ends at a non-digit, not a word boundary: notes rendered from XBRL run words together
# ("December 15, 2014between", "2017to"); pages scraped from them lose the space after the
# month ("January3, 2018"), read when a comma follows the day.
# The whole pattern is one group, so a pattern that embeds it ("effective as of " + DATE) takes
# its alternatives together: the numeric form is never an alternative to the words before it.
DATE = re.compile(
    rf"(?:\b(?:{_MONTH}(?:[ \t\n]{{1,4}}|(?=\d{{1,2}},))(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?"
    rf"[ \t\n]{{0,4}}"
    rf"(?P<year>(?:19|20)\d\d)(?!\d)"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?[ \t\n]{{1,4}}day[ \t\n]{{1,4}}of[ \t\n]{{1,4}}"
    rf"{_MONTH.replace('month', 'month2')},?[ \t\n]{{1,4}}(?P<year2>(?:19|20)\d\d)(?!\d)"
    rf"|(?P<day3>\d{{1,2}})[ \t\n]{{1,4}}{_MONTH.replace('month', 'month3')},?[ \t\n]{{1,4}}"
    rf"(?P<year3>(?:19|20)\d\d)(?!\d))"
    r"|(?<![\d/.$])(?P<month4>1[0-2]|0?[1-9])/(?P<day4>3[01]|[12]\d|0?[1-9])/"
    r"(?P<year4>(?:19|20)\d\d)(?![\d/]))"
)
"""A date as filings write it: "November 24, 2003", "Nov. 24, 2003", "December 6,1997",
"NOVEMBER 17, 2008", "June 30th, 2010", "the 17th day of November, 2008", "17 November 2008",
"11/24/2003" (month first, as U.S. filings write it)."""


def parse_date(match: re.Match[str]) -> pendulum.Date | None:
    """The day a :data:`DATE` match names, or ``None`` if it names no real day."""
    groups = match.groupdict()
    for suffix in ("", "2", "3", "4"):
        month_name = groups.get(f"month{suffix}")
        day = groups.get(f"day{suffix}")
        year = groups.get(f"year{suffix}")
        if month_name is None or day is None or year is None:
            continue
        month = int(month_name) if month_name.isdigit() else _MONTHS[month_name[:3].lower()]
        try:
            return pendulum.Date(int(year), month, int(day))
        except ValueError:
            return None
    return None


def find_dates(
    text: str, start: int = 0, end: int | None = None
) -> list[tuple[int, int, pendulum.Date]]:
    """Every real date written in words in ``text[start:end]``: (start, end, date)."""
    stop = len(text) if end is None else end
    found = []
    for match in DATE.finditer(text, start, stop):
        day = parse_date(match)
        if day is not None:
            found.append((match.start(), match.end(), day))
    return found


def decode(data: bytes, *, removed: Counter[str] | None = None) -> str:
    r"""Bytes to text: UTF-8 (with or without a byte-order mark), else Windows-1252.

    Line endings (and form feeds and vertical tabs, page and line breaks in old filings)
    become ``\\n``. What a terminal would act on or what shows nothing is removed
    (:func:`readable`) and counted in ``removed``.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    text = text.replace("\r\n", "\n").translate(_LINE_BREAKS)
    return readable(text, Counter() if removed is None else removed)


_LINE_BREAKS = str.maketrans({"\r": "\n", "\f": "\n", "\v": "\n"})
_SUSPECT = re.compile(r"[^\t\n\x20-\x7e]+")
# ECMA-48 sequences (CSI with its parameters, OSC and the other strings up to their end, and
# two-character escapes) go whole: dropping only the ESC would leave "[2J" in a name.
_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]{0,64}[ -/]{0,8}[@-~]"
    r"|\x1b[\]PX^_][^\x07\x1b\x9c]{0,4096}(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]{0,8}[0-~]"
)


def _label(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}" if name else f"U+{ord(char):04X} (a control character)"


def readable(text: str, removed: Counter[str]) -> str:
    """``text`` without what a terminal would act on or what shows nothing, counted in ``removed``.

    Removed: terminal escape sequences, whole (counted as "terminal escape sequence"), and
    every character :func:`rightsplan._check.invisible` finds (controls but tab and line
    breaks, zero-width and bidirectional controls, soft hyphens...), each counted by its
    code point and name. A filing's reader sees "IPOF Group" whatever hides in it; names
    read from the text must hold no such character (:func:`rightsplan._check.holder_name`)
    and plan text no control character, so a draft loads back as a plan.
    """
    if not _SUSPECT.search(text):
        return text
    if "\x1b" in text or "\x9b" in text:

        def sequence(match: re.Match[str]) -> str:
            removed["terminal escape sequence"] += 1
            return ""

        text = _ESCAPE_SEQUENCE.sub(sequence, text)

    def shown(run: re.Match[str]) -> str:
        kept = []
        for char in run[0]:
            if _check.invisible(char):
                removed[_label(char)] += 1
            else:
                kept.append(char)
        return "".join(kept)

    return _SUSPECT.sub(shown, text)


def describe_removed(removed: Mapping[str, int]) -> str | None:
    """What :func:`readable` removed, in words (with counts), or ``None`` if nothing."""
    if not removed:
        return None
    counts = ", ".join(
        what if count == 1 else f"{what} ({count} times)" for what, count in sorted(removed.items())
    )
    return (
        "removed from the filing's text, as a terminal would act on them or they show "
        f"nothing: {counts}"
    )


# Not <TABLE> alone: EDGAR's plain-text documents of the 1990s mark their tables with <TABLE>,
# <CAPTION>, <S> and <C> around columns laid out by spaces; an HTML table always has <tr>/<td>.
_HTML_HINT = re.compile(r"<(?:html|body|p|div|tr|td|br|font)\b", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    r"""Whether a document's text is HTML (judged from its first few thousand characters).

    >>> looks_like_html("<TABLE>\n<S>         <C>\n DELAWARE    0-15827\n</TABLE>")
    False
    """
    return _HTML_HINT.search(text, 0, 4000) is not None


_BLOCK = frozenset(
    [
        "p",
        "div",
        "br",
        "tr",
        "li",
        "ul",
        "ol",
        "table",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "pre",
        "center",
        "blockquote",
        "title",
        "dt",
        "dd",
    ]
)
_CELL = frozenset(("td", "th"))
_SKIP = frozenset(("script", "style", "head"))
_SPACES = re.compile(r"[ \t\n\r\f\v\xa0]+")


class _TextExtractor(html.parser.HTMLParser):
    """Collects an HTML document's text: blocks become lines, table cells columns."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.line: list[str] = []
        self.skipping = 0
        self.cell_open = False

    def _break(self) -> None:
        text = "".join(self.line).strip()
        self.line = []
        self.cell_open = False
        if text or (self.lines and self.lines[-1]):
            self.lines.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCK:
            self._break()
        elif tag in _CELL:
            if self.cell_open and "".join(self.line).strip():
                self.line.append("  ")
            self.cell_open = True

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK and tag != "br":
            self._break()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.line.append(_SPACES.sub(" ", data))

    def text(self) -> str:
        self._break()
        return "\n".join(line for line in self.lines).strip("\n") + "\n"


def html_to_text(markup: str, *, removed: Counter[str] | None = None) -> str:
    r"""The readable text of an HTML document.

    Tags are dropped and entities decoded; paragraphs and table rows become lines, and the
    cells of a row are kept apart by two spaces so tables stay readable.

    >>> html_to_text("<p>Item&nbsp;5.</p><table><tr><td>99.1</td><td>Release</td></tr></table>")
    'Item 5.\n\n99.1  Release\n'
    """
    extractor = _TextExtractor()
    extractor.feed(markup)
    extractor.close()
    # Again: entities (&shy;, &#27;) are decoded only now.
    return readable(extractor.text(), Counter() if removed is None else removed)


_ABBREVIATIONS = frozenset(
    [
        "no",
        "inc",
        "corp",
        "co",
        "ltd",
        "mr",
        "mrs",
        "ms",
        "dr",
        "jr",
        "sr",
        "st",
        "l",
        "p",
        "n",
        "a",
        "u",
        "s",
        "vs",
        "sec",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "e",
        "g",
        "i",
        "llc",
        "m",  # "5:00 p.m. ET, on August 1, 2020": a time of day, not a sentence's end
    ]
)
# Also a full stop run into the next sentence after a number ("on September 26, 2016.Thereafter",
# as XBRL note pages render) or a word ("of the Company.As previously disclosed", as a mirror
# joins paragraphs), and a line of a table ("|Dec. 31, 2016"): never part of a sentence.
_END = re.compile(
    r"[.;!?](?=[\"”')\]]?[ \t\n])|\n[ \t]*\n|(?<=\d)\.(?=[A-Z][a-z])|\n(?=[ \t]*\|)"
    r"|(?<=[a-z]{2})\.(?=[A-Z][a-z]{1,20}[ \t])"
    r"|^[ \t]*\|[^\n]{0,300}\n",
    re.MULTILINE,
)


def line_start(text: str, offset: int) -> int:
    """Where the line holding ``offset`` begins."""
    return text.rfind("\n", 0, offset) + 1


def sentence_bounds(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentences (and blank-line separated paragraphs).

    Abbreviations such as "No." and "L.P." do not end a sentence.
    """
    bounds = []
    begin = start
    for match in _END.finditer(text, start, end):
        stop = match.end()
        if match.group().count("\n") == 2 and _runs_on(text, match.start(), stop, end):
            continue
        if match.group().startswith("."):
            word = re.search(r"([A-Za-z]{1,5})$", text[max(begin, stop - 7) : stop - 1])
            if word is not None and (
                word.group(1).lower() in _ABBREVIATIONS
                or (len(word.group(1)) == 1 and word.group(1).isupper())
            ):
                continue
        if text[begin:stop].strip():
            bounds.append((begin, stop))
        begin = stop
    if text[begin:end].strip():
        bounds.append((begin, end))
    return [piece for bound in bounds for piece in _cap(text, *bound)]


_WRAPPED_LINE = 90
"""A typed page's line is at most this long (a flattened paragraph is longer)."""
_FULL_LINE = 40
"""A line this long that ends without a stop is part of a sentence, not a heading."""
_PROSE_WORDS = 2
_LOWER_WORD = re.compile(r"(?<![\w-])[a-z]")


def _runs_on(text: str, at: int, stop: int, end: int) -> bool:
    """Whether a blank line (``at``-``stop``) only double-spaces a sentence's lines.

    Some 1990s submissions are typed with a blank line after every line (``"the Board of
    Directors of"`` / ``""`` / ``"Beneficial Corporation (the "Company") approved"``): there
    the blank line ends no paragraph. It is read so when the line before is a line of prose
    typed on its own between blank lines, full and without a stop, and the next is a typed
    line too (a flattened paragraph's long line, a heading in capitals end where they end).
    """
    line_begin = text.rfind("\n", max(0, at - 2 * _WRAPPED_LINE), at) + 1
    line = text[line_begin:at].strip()
    if not line_begin or not _FULL_LINE <= len(line) <= _WRAPPED_LINE:
        return False
    if line[-1] in '.:;!?"”)' or len(_LOWER_WORD.findall(line)) < _PROSE_WORDS:
        return False
    before_begin = text.rfind("\n", max(0, line_begin - 2 * _WRAPPED_LINE), line_begin - 1) + 1
    if text[before_begin : line_begin - 1].strip():
        return False  # a paragraph's last line: the blank line after it ends the paragraph
    following = text[stop : min(end, stop + 2 * _WRAPPED_LINE)].lstrip("\n \t")
    next_line = following.split("\n", 1)[0].strip()
    return bool(next_line) and len(next_line) <= _WRAPPED_LINE


MAX_SENTENCE = 3000
"""Longer "sentences" (runs of text without a full stop) are cut at line breaks."""


def _cap(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind("\n", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        stop = cut + 1 if cut >= 0 else start + MAX_SENTENCE
        pieces.append((start, stop))
        start = stop
    pieces.append((start, end))
    return pieces


_HEADER_LINE = 300
"""How far either side of a form type its header line is read (a flattened line is long)."""
# Lines of a mirror's or EDGAR's header that name an exhibit and the form it was filed with:
# "8-A12B/A, EX-99, 2000-05-30", "EX-1 2 form8a.htm Ramp Corporation - Form 8-A - Exhibit 1".
# The form there is the submission's, not the document's.
_EXHIBIT_LINE = re.compile(r"\bEX(?:HIBIT)?[ \t]*[-.]?[ \t]*\d{1,3}\b", re.I)
# A line ending with a file's name lists a submission's files ("8-K - FORM 8-K - SAFEWAY
# INCd600469d8k.htm" above the exhibit a mirror shows): its form is the submission's.
_FILE_AT_END = re.compile(r"\.(?:htm|html|txt)[ \t]*$", re.I)
# A form named as another document: "in a Form 8-K", "on Form 8-A/A that the Company is
# filing", "to the Form 8-A": a reference, not the document's cover. "this Current Report on
# Form 8-K" is the document naming itself, and so is a title, "CURRENT REPORT ON FORM 8-K".
_FORM_REFERENCE = re.compile(
    r"\b(?:(?P<self>this)[ \t\n]+(?:(?:Current|Annual|Quarterly)[ \t\n]+Report|Registration"
    r"[ \t\n]+Statement|Amendment)[ \t\n]+(?:No\.[ \t]*\d{1,2}[ \t\n]+)?(?:on|to)[ \t\n]+"
    r"|(?:a|an|the|its|our|their|in|(?<!report[ \t\n])(?<!statement[ \t\n])on|under|with|to|of"
    r"|by|from)[ \t\n]+"
    r"(?:(?:(?:Current|Annual|Quarterly)[ \t\n]+Report|Registration[ \t\n]+Statement)"
    r"[ \t\n]+on[ \t\n]+)?)$",
    re.I,
)


def names_another_document(text: str, at: int) -> bool:
    """Whether the form type named at ``at`` is another document's than the one being read.

    It is on a header line naming an exhibit filed with that form ("8-A12B/A, EX-99,
    2000-05-30": the document is the exhibit), or the words before it refer to another
    document ("in a Form 8-K", "on Form 8-A/A that the Company is filing").

    >>> text = "Details will be in a Form 8-K."
    >>> names_another_document(text, text.index("Form"))
    True
    >>> text = "This Current Report on Form 8-K reports the rights."
    >>> names_another_document(text, text.index("Form"))
    False
    >>> text = "CURRENT REPORT ON FORM 8-K"
    >>> names_another_document(text, text.index("FORM"))
    False
    """
    floor = max(0, at - _HEADER_LINE)
    line_start = text.rfind("\n", floor, at) + 1 or floor
    line_end = text.find("\n", at, at + _HEADER_LINE)
    if _EXHIBIT_LINE.search(text, line_start, line_end if line_end >= 0 else at + _HEADER_LINE):
        return True
    if line_end >= 0 and _FILE_AT_END.search(text, at, line_end):
        return True  # "8-K - FORM 8-K - SAFEWAY INCd600469d8k.htm": a mirror's list of files
    reference = _FORM_REFERENCE.search(text, max(0, at - 60), at)
    return reference is not None and reference["self"] is None


def phrase(*phrases: str) -> re.Pattern[str]:
    r"""Any of ``phrases``, in any case, its words apart by any spaces or line breaks.

    Filings break lines anywhere and write headings in capitals: "AMENDED AND" / "RESTATED" is
    "amended and restated". Linear: the words are literals.

    >>> phrase("amended and restated").search("an AMENDED AND\nRESTATED plan").group()
    'AMENDED AND\nRESTATED'
    >>> phrase("close of business", "midnight").search("at the closes of business") is None
    True
    """
    alternatives = "|".join(
        r"[ \t\n]+".join(re.escape(word) for word in words.split()) for words in phrases
    )
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)
