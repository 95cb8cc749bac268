"""What a report says of its filer's intention of changing or influencing control.

A plan's passive tier is for holders eligible to report on Schedule 13G because they hold
without intent to change or influence control, so for the tier the form and its rule box
decide (a 13D filer is active; a 13G under Rule 13d-1(d) is filed whatever the intent). A
named-holder exception that lasts only while its holder holds "without any intention of
changing or influencing control" turns on intent, not on the form: a holder of more than 20%
must file a 13D whatever its intent (Rule 13d-1(c) is for less than 20%). For such an
exception the 13D's Item 4 (Purpose of Transaction) is what the filings say;
:func:`stated_intent` reads it, and says when it does not settle the question rather than
guessing.
"""

from __future__ import annotations

import re

import attrs

from rightsplan.reports.model import Report, Stated

__all__ = ["Intent", "stated_intent"]

# "changing or influencing (the) control", "influence control", "change control": the words
# plans and Rule 13d-1(c) use. "A change in control" (Item 4(j)'s list) is not among them.
_CONTROL = re.compile(
    r"\b(?:chang|influenc)\w{0,4}\s{1,4}(?:or\s{1,4}(?:chang|influenc)\w{0,4}\s{1,4})?"
    r"(?:the\s{1,4})?control\b",
    re.IGNORECASE,
)
_NEGATION = re.compile(r"\b(?:no|not|without|neither|nor|never)\b|n't\b", re.IGNORECASE)
# Words that make a sentence about control a hedge, not an answer ("has not decided whether
# to seek to influence control", "may in the future").
_HEDGE = re.compile(
    r"\b(?:whether|decided|determined|determine|may|might|could|except|unless|reserves?)\b",
    re.IGNORECASE,
)
_NEAR = 80
"""How far before the words about control a denial may stand (characters)."""
_SENTENCE_END = re.compile(r"[.;](?:\s|$)")


@attrs.frozen
class Intent:
    """What a report says of its filer's intention of changing or influencing control.

    ``passive`` is ``True`` (it disclaims any such intention), ``False`` (it states one) or
    ``None`` (the report does not settle it); ``why`` says so in words, quoting the report;
    ``quote`` is the sentence relied on, with its span.
    """

    passive: bool | None
    why: str
    quote: Stated[str] | None = None


def _sentence(text: str, at: int, floor: int, ceiling: int) -> tuple[int, int]:
    starts = [m.end() for m in _SENTENCE_END.finditer(text, floor, at)]
    start = starts[-1] if starts else floor
    end_match = _SENTENCE_END.search(text, at, ceiling)
    end = end_match.start() + 1 if end_match is not None else ceiling
    return start, end


def stated_intent(report: Report) -> Intent:
    """What ``report`` says of an intention of changing or influencing control.

    A Schedule 13G under Rule 13d-1(b) or (c) is filed without one (its certification says
    so), and one stating no rule is taken at its form's word; under Rule 13d-1(d) (an exempt
    investor, filing whatever its intent) it does not settle the question, and ``quote`` is
    the rule box where marked (:attr:`Report.passive_basis
    <rightsplan.reports.Report.passive_basis>`). For a 13D, Item 4 is
    read for a sentence about changing or influencing control: denied ("no", "not",
    "without" before the words), the filer disclaims the intention; stated without a denial,
    it has it; no such sentence, both kinds, or no Item 4: not settled.
    """
    if not isinstance(report, Report):
        raise TypeError(f"report: expected a Report, got {report!r}")
    if report.form is None:
        return Intent(None, f"{report.cite()} does not say whether it is a 13D or a 13G")
    if report.form.value == "13G":
        return Intent(report.passive, f"{report.cite()} is {report.passive_basis}", report.rule)
    purpose = report.purpose
    if purpose is None:
        return Intent(
            None,
            f"{report.cite()} is a Schedule 13D, and states no Item 4 (Purpose of "
            "Transaction) saying whether its filer intends to change or influence control",
        )
    text = report.text
    found: dict[bool | None, Stated[str]] = {}
    for match in _CONTROL.finditer(text, purpose.start, purpose.end):
        start, end = _sentence(text, match.start(), purpose.start, purpose.end)
        start += len(text[start:end]) - len(text[start:end].lstrip())
        before = text[max(start, match.start() - _NEAR) : match.start()]
        disclaims: bool | None = _NEGATION.search(before) is not None
        if _HEDGE.search(text, start, match.start()) is not None:
            disclaims = None
        found.setdefault(disclaims, Stated(text[start:end], start, end, text[start:end]))
    if len(found) == 1 and None not in found:
        ((flag, quote),) = found.items()
        disclaims = bool(flag)
        said = " ".join(quote.quote.split())
        verb = "disclaims" if disclaims else "states"
        return Intent(
            disclaims,
            f"{report.cite()}, Item 4, {verb} an intention of changing or influencing "
            f'control: "{said}"',
            quote,
        )
    if found:
        return Intent(
            None,
            f"{report.cite()}, Item 4, speaks of changing or influencing control without "
            "settling whether its filer intends to",
        )
    return Intent(
        None,
        f"{report.cite()} is a Schedule 13D whose Item 4 does not say whether its filer "
        "intends to change or influence control",
    )
