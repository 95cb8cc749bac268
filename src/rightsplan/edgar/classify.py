"""What rights-plan event, if any, a filing reports.

:func:`classify` looks for the words that report each kind of event (a redemption, an
accelerated expiration, an amendment, an adoption) and returns the strongest, with the words
it relied on. A filing that never mentions a rights plan is :attr:`EventKind.NONE`.
"""

from __future__ import annotations

import enum
import re

import attrs

from rightsplan.edgar.filing import Filing

__all__ = ["RIGHTS_FORMS", "Classification", "EventKind", "classify"]

RIGHTS_FORMS = frozenset(
    {"8-K", "8-K/A", "8-A12B", "8-A12G", "8-A12B/A", "8-A12G/A", "8-A", "8-A/A"}
)
"""The forms that report rights-plan events."""


class EventKind(enum.Enum):
    """The kind of rights-plan event a filing reports."""

    ADOPTION = "adoption"
    AMENDMENT = "amendment"
    REDEMPTION = "redemption"
    TERMINATION = "termination"
    """The plan ended early, typically by an amendment accelerating the expiration date."""
    EXPIRATION = "expiration"
    """The plan expired by its own terms."""
    NONE = "none"
    """No rights-plan event."""

    @property
    def ends_plan(self) -> bool:
        """Whether the event ends the plan."""
        return self in (EventKind.REDEMPTION, EventKind.TERMINATION, EventKind.EXPIRATION)


@attrs.frozen
class Classification:
    """What a filing reports: the kind of event, how sure, and the words relied on.

    ``start`` and ``end`` delimit the deciding words in :attr:`Filing.text` (``None`` for
    :attr:`EventKind.NONE`).
    """

    kind: EventKind
    confidence: float
    reason: str
    start: int | None = None
    end: int | None = None
    quote: str | None = None


_PLAN = re.compile(
    r"\bRights[ \t\n]+Agreement\b|\brights[ \t\n]+plan\b|\bpurchase[ \t\n]+rights?\b|"
    r"\bRights[ \t\n]+Plan\b|\bshare(?:holder)?[ \t\n]+rights\b|\bstockholder[ \t\n]+rights\b",
    re.IGNORECASE,
)
_W = r"[ \t\n]+"
_SIGNALS: tuple[tuple[EventKind, float, str, re.Pattern[str]], ...] = (
    (
        EventKind.REDEMPTION,
        0.9,
        "the board redeemed the rights",
        re.compile(
            rf"\b(?:to{_W}redeem|redeemed|redemption{_W}of){_W}all{_W}(?:of{_W}the{_W})?"
            rf"(?:outstanding{_W})?(?:preferred{_W}(?:stock|share){_W}purchase{_W})?[Rr]ights\b",
            re.IGNORECASE,
        ),
    ),
    (
        EventKind.TERMINATION,
        0.9,
        "the expiration date was accelerated",
        re.compile(
            rf"\baccelerat\w{{0,4}}{_W}(?:the{_W})?(?:Final{_W})?Expiration{_W}Date\b|"
            rf"\bterminat\w{{0,4}}{_W}(?:the{_W})?(?:Company's{_W})?(?:Rights{_W}Agreement|"
            rf"rights{_W}plan)\b",
            re.IGNORECASE,
        ),
    ),
    (
        EventKind.EXPIRATION,
        0.8,
        "the rights expired by their terms",
        re.compile(
            rf"\b(?:Rights|rights{_W}plan)\b[^.;]{{0,200}}?(?<!have )(?<!had )(?<!not )\bexpired\b",
            re.IGNORECASE,
        ),
    ),
    (
        EventKind.ADOPTION,
        0.9,
        "the board adopted a rights plan",
        re.compile(
            rf"\bdeclared{_W}a{_W}dividend{_W}(?:distribution{_W})?of{_W}one{_W}"
            rf"(?:preferred{_W}(?:stock|share){_W}purchase{_W})?right\b|"
            rf"\badopted{_W}a{_W}(?:(?:share|stock)holder{_W})?rights{_W}(?:plan|agreement)\b|"
            rf"\bentered{_W}into{_W}a{_W}(?:Tax{_W}Benefit{_W}Preservation{_W}Plan|"
            rf"(?:Section{_W}382{_W})?Rights{_W}Agreement)\b",
            re.IGNORECASE,
        ),
    ),
    (
        EventKind.AMENDMENT,
        0.9,
        "an amendment to the Rights Agreement",
        re.compile(
            rf"\b(?:Amendment{_W}No\.{_W}?\d{{1,2}}|(?:First|Second|Third|Fourth|Fifth|Sixth)"
            rf"{_W}Amendment|amendment|amended){_W}(?:to{_W}|of{_W})?(?:the{_W})?"
            rf"(?:Company's{_W})?(?:its{_W})?Rights{_W}Agreement\b|"
            rf"\b(?:authorized|approved|executed|entered{_W}into|adopted){_W}"
            rf"(?:an{_W})?Amendment{_W}No\.",
            re.IGNORECASE,
        ),
    ),
)


def classify(filing: Filing) -> Classification:
    """What rights-plan event ``filing`` reports.

    >>> from rightsplan.edgar.filing import read_filing
    >>> classify(read_filing("tests/data/filings/seed_004.txt")).kind
    <EventKind.AMENDMENT: 'amendment'>
    >>> classify(read_filing("tests/data/filings/seed_002.txt")).kind
    <EventKind.NONE: 'none'>
    """
    text = filing.text
    if filing.form.upper() not in RIGHTS_FORMS:
        return Classification(
            EventKind.NONE, 0.9, f"form {filing.form} does not report rights-plan events"
        )
    if _PLAN.search(text) is None:
        return Classification(EventKind.NONE, 0.95, "no mention of a rights plan")
    for kind, confidence, reason, pattern in _SIGNALS:
        match = pattern.search(text)
        if match is None:
            continue
        if (
            kind is EventKind.AMENDMENT
            and filing.form.startswith("8-A")
            and (not filing.form.endswith("/A"))
        ):
            continue
        if kind is EventKind.ADOPTION and filing.form.endswith("/A"):
            kind = EventKind.AMENDMENT
        return Classification(kind, confidence, reason, match.start(), match.end(), match.group())
    if filing.form.startswith("8-A"):
        kind = EventKind.AMENDMENT if filing.form.endswith("/A") else EventKind.ADOPTION
        match = _PLAN.search(text)
        assert match is not None
        return Classification(
            kind,
            0.6,
            f"Form {filing.form} registering rights",
            match.start(),
            match.end(),
            match.group(),
        )
    match = _PLAN.search(text)
    assert match is not None
    return Classification(
        EventKind.NONE,
        0.5,
        "a rights plan is mentioned, but no adoption, amendment or ending is reported",
        match.start(),
        match.end(),
        match.group(),
    )
