"""Percentages as filings write them: "15%", "fifteen percent (15%)", "one-half of one percent".

:func:`find_percents` finds every percentage in a stretch of text, with its span and its exact
value as a :class:`~fractions.Fraction`; :func:`spelled_number` reads a number written in words.
Both run in time linear in the text: every pattern is anchored on a literal ("%", "percent")
and looks back over a bounded number of words.
"""

from __future__ import annotations

import re
from fractions import Fraction

import attrs

__all__ = ["PercentMention", "find_percents", "spelled_number"]

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "tenth": 10,
    "tenths": 10,
    "hundredth": 100,
    "hundredths": 100,
}
_WORD = re.compile(r"[a-z]+")
_LOOKBACK_WORDS = 10
_LOOKBACK_CHARS = 120


def _integer(words: list[str], i: int) -> tuple[int, int] | None:
    """An integer below one thousand starting at ``words[i]``: (value, next index)."""
    value = 0
    seen = False
    if i < len(words) and words[i] in _UNITS and words[i + 1 : i + 2] == ["hundred"]:
        value = _UNITS[words[i]] * 100
        i += 2
        seen = True
        if i < len(words) and words[i] == "and" and i + 1 < len(words):
            nxt = words[i + 1]
            if nxt in _TENS or nxt in _UNITS:
                i += 1
    if i < len(words) and words[i] in _TENS:
        value += _TENS[words[i]]
        i += 1
        seen = True
        if i < len(words) and words[i] in _UNITS and 0 < _UNITS[words[i]] < 10:
            value += _UNITS[words[i]]
            i += 1
    elif i < len(words) and words[i] in _UNITS:
        value += _UNITS[words[i]]
        i += 1
        seen = True
    return (value, i) if seen else None


def _fraction(words: list[str], i: int) -> tuple[Fraction, int] | None:
    """A fraction in words ("one-half", "ninety-nine one-hundredths", "a quarter")."""
    if i < len(words) and words[i] == "a":
        numerator, j = 1, i + 1
    else:
        read = _integer(words, i)
        if read is None:
            return None
        numerator, j = read
    if (
        j < len(words)
        and words[j] == "one"
        and words[j + 1 : j + 2] in (["hundredths"], ["hundredth"])
    ):
        j += 1
    if j < len(words) and words[j] in _DENOMINATORS:
        return Fraction(numerator, _DENOMINATORS[words[j]]), j + 1
    return None


def _number(words: list[str]) -> Fraction | None:
    """The whole of ``words`` read as one number, or ``None`` if it is not one."""
    i = 0
    value: Fraction
    whole = _integer(words, i)
    fraction = _fraction(words, i)
    if fraction is not None and (whole is None or fraction[1] > whole[1]):
        value, i = fraction
    elif whole is not None:
        value, i = Fraction(whole[0]), whole[1]
        if i < len(words) and words[i] == "and":
            rest = _fraction(words, i + 1)
            if rest is None:
                return None
            value += rest[0]
            i = rest[1]
    else:
        return None
    if words[i:] == ["of", "one"] or words[i:] == ["of", "a"]:
        i = len(words)
    return value if i == len(words) else None


def spelled_number(text: str) -> Fraction | None:
    """Read a number written in words, or ``None`` if ``text`` is not exactly one.

    >>> spelled_number("fifteen"), spelled_number("one-half of one")
    (Fraction(15, 1), Fraction(1, 2))
    >>> spelled_number("four and ninety-nine one-hundredths")
    Fraction(499, 100)
    >>> spelled_number("the") is None
    True
    """
    words = _WORD.findall(text.lower())
    if not words or len(words) > _LOOKBACK_WORDS:
        return None
    return _number(words)


@attrs.frozen
class PercentMention:
    """A percentage found in text: where it is, its exact value and how it was written.

    ``start`` and ``end`` are offsets into the text searched. ``spelled`` is true when the
    number was written in words; ``agrees`` is false when the words and a numeral beside them
    ("fifteen percent (20%)") disagree, in which case ``value`` is the numeral's.
    """

    start: int
    end: int
    value: Fraction
    spelled: bool = False
    agrees: bool = True


# A whole number may carry a common fraction: "17 1/2%" is 17.5%, "1/2%" is one half of one
# percent (never "2%").
_NUMERAL = re.compile(
    r"(?<![\d.,/])(?:(?P<num>\d{1,3}(?:\.\d{1,4})?)"
    r"(?:[ \t-](?P<over>[1-9])/(?P<under>[2-9]|1[0-6]))?"
    r"|(?P<alone>[1-9])/(?P<alone_under>[2-9]|1[0-6]))"
    r"[ \t]?(?:%|-?percent\b|per[ \t]cent\b)",
    re.IGNORECASE,
)
_WORDS_PERCENT = re.compile(r"\b(?:percent|per[ \t]cent)\b", re.IGNORECASE)
_PAREN_NUMERAL = re.compile(r"[ \t\n]*\([ \t]*(?P<num>\d{1,3}(?:\.\d{1,4})?)[ \t]?%[ \t]*\)")
_TOKEN_BACK = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*[ \t\n]*$")


def _spelled_before(text: str, end: int, floor: int) -> tuple[int, Fraction] | None:
    """The longest run of words ending at ``end`` that reads as a number: (start, value)."""
    window_start = max(floor, end - _LOOKBACK_CHARS)
    window = text[window_start:end]
    starts = [m.start() for m in re.finditer(r"[A-Za-z]+(?:-[A-Za-z]+)*", window)]
    best: tuple[int, Fraction] | None = None
    for start in starts[-_LOOKBACK_WORDS:]:
        value = spelled_number(window[start:])
        if value is not None:
            best = (window_start + start, value)
            break
    return best


def _numeral_value(match: re.Match[str]) -> Fraction:
    """The value a :data:`_NUMERAL` match writes: "15", "4.99", "17 1/2", "1/2"."""
    if match["alone"] is not None:
        return Fraction(int(match["alone"]), int(match["alone_under"]))
    value = Fraction(match["num"])
    if match["over"] is not None:
        value += Fraction(int(match["over"]), int(match["under"]))
    return value


def find_percents(text: str, start: int = 0, end: int | None = None) -> list[PercentMention]:
    """Every percentage in ``text[start:end]``, in order, with spans into ``text``.

    >>> [(m.value, m.spelled) for m in find_percents("fifteen percent (15%) or more")]
    [(Fraction(15, 1), True)]
    >>> [str(m.value) for m in find_percents("more than one-half of one percent and 4.99%")]
    ['1/2', '499/100']
    """
    stop = len(text) if end is None else end
    found: list[PercentMention] = []
    taken_until = start
    for match in _WORDS_PERCENT.finditer(text, start, stop):
        spelled = _spelled_before(text, match.start(), start)
        if spelled is None:
            continue
        mention_end = match.end()
        value = spelled[1]
        agrees = True
        paren = _PAREN_NUMERAL.match(text, mention_end, stop)
        if paren is not None:
            numeral = Fraction(paren["num"])
            agrees = numeral == value
            value = numeral
            mention_end = paren.end()
        if spelled[0] >= taken_until:
            found.append(PercentMention(spelled[0], mention_end, value, True, agrees))
            taken_until = mention_end
    spelled_spans = [(m.start, m.end) for m in found]
    for match in _NUMERAL.finditer(text, start, stop):
        if any(s <= match.start() < e for s, e in spelled_spans):
            continue
        found.append(PercentMention(match.start(), match.end(), _numeral_value(match)))
    found.sort(key=lambda mention: mention.start)
    return found
