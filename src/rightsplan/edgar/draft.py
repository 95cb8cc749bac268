"""Drafting plan changes from a filing, each value tied to the words it came from.

:func:`draft_filing` reads a parsed :class:`~rightsplan.edgar.filing.Filing` and drafts what
it says about the plan: the agreement's date and rights agent, the amendment's number and its
authorized and executed dates, thresholds with their comparison, passive tiers, named-holder
exceptions with their members, caps and conditions, grandfathering tolerances, expiration
dates, redemptions and holdings. Every drafted value carries an :class:`Evidence` (the
document, the character span and the quoted words) and a confidence in [0, 1].

Drafts are for a person to review, not to be trusted blindly: a summary in an 8-K or a press
release may paraphrase ("more than 15%" where the agreement says "15% or more"). Where the
documents of a filing (or several filings) disagree, the draft keeps every reading, prefers the
agreement's own text (an EX-4 exhibit) over the report and the report over a press release, and
says so in a :class:`Conflict` and in the kept change's note.
"""

from __future__ import annotations

import bisect
import enum
import re
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

import attrs
import pendulum

from rightsplan._printable import quoted
from rightsplan.amendments import (
    AddException,
    AddExemptPerson,
    AppointRightsAgent,
    Change,
    OtherChange,
    Redeem,
    ReplaceException,
    SetExpiration,
    SetGrandfathering,
    SetPassiveTier,
    SetThreshold,
    Terminate,
)
from rightsplan.edgar import _text
from rightsplan.edgar._company import AGENT_AS_PARTY, find_company
from rightsplan.edgar.classify import (
    _CONFORMED,
    _MAYBE,
    PLAN_NOUN,
    Classification,
    DocumentKind,
    DocumentReading,
    EventKind,
    classify,
    document_kind,
)
from rightsplan.edgar.filing import Document, Filing
from rightsplan.edgar.numbers import PercentMention, find_percents
from rightsplan.percent import Comparison, format_percent
from rightsplan.terms import GrandfatherBase, GrandfatherCutoff
from rightsplan.unknowns import UnknownPercent

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped]  # pandas ships no stubs
    import polars as pl

__all__ = [
    "Authority",
    "Conflict",
    "DraftAmendment",
    "DraftChange",
    "DraftHolding",
    "Evidence",
    "FilingDraft",
    "Found",
    "draft_filing",
    "stated_percent",
    "unstated_comparison",
    "unstated_words",
]

T = TypeVar("T")

_THRESHOLD_CHANGES = (SetThreshold, SetPassiveTier, AddException, ReplaceException)

COMPARISON_NOT_STATED = "comparison not stated"
"""How a threshold whose comparison the text does not state is written: "20% (comparison not
stated)"."""


def unstated_comparison(percent: Fraction) -> UnknownPercent:
    """A percentage the text states without saying whether reaching it or exceeding it counts.

    Drafted as an :class:`~rightsplan.UnknownPercent` pinned to the number (both bounds the
    number) with no comparison: a plan file then says the wording is unknown, and answers that
    turn on it (a holder at exactly the number) are UNCERTAIN, where an assumed "or more" would
    give a confident answer the text does not support.
    """
    shown = format_percent(percent)
    return UnknownPercent(
        at_least=percent,
        at_most=percent,
        reason=(
            f"the text gives {shown}% but not whether reaching it or exceeding it counts "
            f'("{shown}% or more" or "more than {shown}%")'
        ),
    )


def stated_percent(change: Change) -> Fraction | None:
    """The number of a threshold the text gives without its comparison, else ``None``.

    ``None`` for a change with no threshold, one with its comparison, and an unknown percent.
    """
    percent = getattr(change, "percent", None)
    if (
        isinstance(percent, UnknownPercent)
        and getattr(change, "comparison", True) is None
        and percent.at_least is not None
        and percent.at_least == percent.at_most
    ):
        return percent.at_least
    return None


def unstated_words(change: Change) -> str | None:
    """``"20% (comparison not stated)"`` for a threshold the text gives without its comparison.

    The one way readings, conflicts and corpus facts write such a threshold; ``None`` for every
    other change (see :func:`stated_percent`).
    """
    percent = stated_percent(change)
    return None if percent is None else f"{format_percent(percent)}% ({COMPARISON_NOT_STATED})"


class Authority(enum.IntEnum):
    """How much a document's words weigh when readings differ (higher wins)."""

    PRESS_RELEASE = 1
    """A press release (EX-99): written for the public, loosest."""
    REPORT = 2
    """The report itself (the 8-K or 8-A text): a summary of the agreement."""
    AGREEMENT = 3
    """The Rights Agreement or an amendment's own text (an EX-4 exhibit): operative."""

    @property
    def label(self) -> str:
        """The kind of document in words."""
        return {1: "press release", 2: "report", 3: "agreement text"}[self.value]


@attrs.frozen
class Evidence:
    """Where a drafted value was read: the filing, the document and the quoted words.

    ``start`` and ``end`` index the filing's :attr:`~rightsplan.edgar.filing.Filing.text`;
    ``quote`` is exactly ``text[start:end]``.
    """

    filing: str
    document: str
    authority: Authority
    start: int
    end: int
    quote: str

    def describe(self) -> str:
        """Where, in a few words: ``"004.txt (8-K, report), span 1234-1302"``."""
        return (
            f"{self.filing} ({self.document}, {self.authority.label}), span {self.start}-{self.end}"
        )


def _confidence(value: float) -> float:
    if not 0 <= value <= 1:
        raise ValueError(f"confidence: expected a number in [0, 1], got {value!r}")
    return round(value, 2)


@attrs.frozen
class Found(Generic[T]):
    """A single drafted value (a date, a name, a number) with its evidence and confidence."""

    value: T
    evidence: Evidence
    confidence: float = attrs.field(converter=_confidence)
    reason: str | None = None
    """Why the reader is unsure of the value, when it is (a guess it had to make)."""

    @property
    def level(self) -> str:
        """``"high"`` or ``"low"``: whether a reviewer may take the value as read."""
        return "high" if self.confidence >= 0.7 and self.reason is None else "low"


@attrs.frozen
class DraftChange:
    """A drafted change (or agreement provision): a rightsplan change with its evidence.

    ``change`` is a real :class:`~rightsplan.Change` (its ``quote`` and ``note`` filled in);
    ``wording`` is the comparison as the text writes it ("more than", "or more", "up to").
    """

    change: Change
    evidence: Evidence
    confidence: float = attrs.field(converter=_confidence)
    wording: str | None = None

    @property
    def comparison_stated(self) -> bool | None:
        """Whether the text states the threshold's comparison; ``None`` for a change without one.

        False where the text gives the number but not whether reaching it or exceeding it
        counts ("raise from 15% to 20% the threshold"): the change's percent is then an
        :class:`~rightsplan.UnknownPercent` pinned to the number, with no comparison.
        """
        if stated_percent(self.change) is not None:
            return False
        if getattr(self.change, "comparison", None) is not None:
            return True
        return None

    @property
    def kind(self) -> str:
        """The change's kind as plan files name it ("set-threshold")."""
        return kind_name(type(self.change))

    def key(self) -> tuple[str, str]:
        """What the change is about: its kind and, for an exception, the holder."""
        # Whom it is about: an exception's holder, an Exempt Person's name (two exempt
        # persons are two changes, not two readings of one).
        holder = getattr(self.change, "holder", None) or getattr(self.change, "name", "")
        kind = self.kind.replace("replace-", "add-")
        return (kind, " ".join(str(holder).split()).casefold())

    def reading(self) -> str:
        """The value read, in words, to compare readings and report conflicts."""
        unstated = unstated_words(self.change)
        if unstated is not None:
            return unstated
        change = self.change
        if isinstance(change, _THRESHOLD_CHANGES) and change.known:
            return change.threshold.describe()
        return change.describe()


@attrs.frozen
class Conflict:
    """Two documents that say different things about the same term, and which was kept."""

    subject: str
    kept: DraftChange
    other: DraftChange
    reason: str


@attrs.frozen
class DraftHolding:
    """A holding reported in the text: who, how many shares, what percent (as stated)."""

    holder: str
    shares: int
    percent: Fraction | None
    evidence: Evidence
    confidence: float = attrs.field(converter=_confidence)


@attrs.frozen
class DraftAmendment:
    """An amendment (or other instrument, such as a redemption) the filing reports or recites.

    ``current`` is true for the instrument the filing reports, false for earlier amendments it
    recites ("as previously amended by Amendment No. 1, dated as of November 30, 2000").
    ``number`` is ``None`` when the text gives none (a board's redemption).
    """

    number: Found[int] | None
    authorized: Found[pendulum.Date] | None
    executed: Found[pendulum.Date] | None
    changes: tuple[DraftChange, ...]
    current: bool
    title: str | None = None


@attrs.frozen(repr=False)
class FilingDraft:
    """Everything drafted from one filing."""

    filing: str
    form: str
    date: pendulum.Date | None
    event: Classification
    document: DocumentReading
    """What kind of document the filing is (8-K, EX-4 amendment, 10-Q note...), and why."""
    company: Found[str] | None = None
    file_number: str | None = None
    agreement_date: Found[pendulum.Date] | None = None
    rights_agent: Found[str] | None = None
    provisions: tuple[DraftChange, ...] = ()
    """Terms of the agreement the filing states (an adoption) or restates (a summary)."""
    amendments: tuple[DraftAmendment, ...] = ()
    holdings: tuple[DraftHolding, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    notes: tuple[str, ...] = ()

    def __repr__(self) -> str:
        from rightsplan.edgar.history import draft_repr

        return draft_repr(self)

    def _repr_html_(self) -> str:
        from rightsplan.report import draft_html

        return draft_html(self)

    def to_polars(self) -> pl.DataFrame:
        """The drafted changes as a polars DataFrame: a row per change, with its evidence."""
        from rightsplan.report import CHANGE_COLUMNS, change_records, to_polars

        return to_polars(CHANGE_COLUMNS, change_records(self))

    def to_pandas(self) -> pd.DataFrame:
        """The drafted changes as a pandas DataFrame: a row per change, with its evidence."""
        from rightsplan.report import CHANGE_COLUMNS, change_records, to_pandas

        return to_pandas(CHANGE_COLUMNS, change_records(self))

    @property
    def found_event(self) -> bool:
        """Whether the filing reports a rights-plan event."""
        return self.event.kind is not EventKind.NONE


def kind_name(kind: type[Change]) -> str:
    """A change class's kind as plan files write it: ``SetThreshold`` -> ``"set-threshold"``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "-", kind.__name__).lower()


# --- patterns -----------------------------------------------------------------------------------

_W = r"[ \t\n]+"
_NAME = (
    r"[A-Z][\w.&'-]*(?:[ \t\n]+(?:[A-Z][\w.&'-]*|of|and|&|de|la)){0,7}"
    r"(?:,[ \t\n]+(?:N\.A\.|Inc\.|LLC|L\.L\.C\.|L\.P\.|LP|Ltd\.|National[ \t\n]+Association))?"
)
_DATE = _text.DATE.pattern
_AMENDMENT_REF = re.compile(
    # "Amendment #1 thereto dated as of February 5, 1996" as well
    rf"\bAmendment(?:{_W}(?:No\.|Number)(?:{_W})?|[ \t]*#[ \t]*)(?P<number>\d{{1,2}})\b|"
    rf"\b(?P<ordinal>First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)"
    rf"{_W}Amendment\b|"
    # "Amendment One to the Rights Agreement": the number in words, capitalised as a name.
    # "Amendment Number One, dated as of May 26, 1998": "Number" written out too; "AMENDMENT
    # NO. THREE TO PREFERRED SHARES RIGHTS AGREEMENT": "No." before the word.
    rf"\bAmendment{_W}(?:(?:Number|No\.){_W})?"
    # "AMENDMENT NUMBER FOUR TO RIGHTS AGREEMENT": a title in capitals
    rf"(?P<word>(?-i:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|"
    rf"ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN))\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = {
    word: number
    for number, word in enumerate(
        ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"), 1
    )
}
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
_AGREEMENT_DATED = re.compile(
    rf"(?i:Rights{_W}Agreement|Rights{_W}Plan|Tax{_W}Benefit{_W}Preservation{_W}Plan)"
    rf"(?:{_W}\([^)\n]{{0,60}}\))?,?{_W}(?i:dated|effective){_W}(?:as{_W}of{_W})?(?P<date>{_DATE})"
)
# "Rights Agreement, dated as of X", "Plan, originally dated as of X", "Rights Agreement, X" on
# one line; a date on the line below a plan's name without "dated" is a headline's dateline.
_PLAN_DATED = re.compile(
    rf"{PLAN_NOUN},?(?P<defined>[ \t\n]*\([^)]{{0,60}}\))?,?"
    # The parties may come between: "Shareholder Rights Agreement, between the Company and the
    # Rights Agent, dated as of December 28, 2009", "between the Company and Lake Bank, N.A.
    # (f/k/a River Bank), as Rights Agent, dated", "between the Company and the Rights Agent
    # dated as of".
    rf"(?:{_W}(?i:(?:by{_W}and{_W})?between){_W}"
    # (and a party's description: "National City Bank, an Ohio corporation, as Rights Agent")
    rf"(?:[^,;()]|,{_W}(?:N\.A\.|Inc\.|LLC|L\.L\.C\.|an?{_W}(?=[^,;()]{{1,60}},))"
    rf"|\([^()]{{0,60}}\)){{1,120}}?"
    rf"(?:,{_W}(?i:as){_W}(?i:the{_W})?(?i:rights{_W}agent))?,?)?"
    rf"(?:[ \t\n]+(?:(?i:originally){_W})?"
    rf"(?:(?i:dated|effective|made|entered{_W}into|adopted)[ \t\n]+)(?:(?i:as){_W}of[ \t\n]+)?"
    rf"|[ \t]+(?:(?i:as){_W}of[ \t\n]+)?)(?:this[ \t\n]+)?(?P<date>{_DATE})"
)
# "..., is hereby adopted as of July 29, 1999", "is hereby adopted on October 20, 1998": the
# instrument's own verb, after its title and whatever that recites.
_IS_HEREBY_MADE = re.compile(
    rf"\bis{_W}hereby{_W}(?:adopted|made|executed|entered{_W}into)"
    rf"(?:{_W}(?:as{_W}of|on|effective(?:{_W}as{_W}of)?))?{_W}(?P<date>{_DATE})",
    re.IGNORECASE,
)
# "Amendment No. 2 to the Rights Agreement, dated ...": the date that follows is the amendment's.
_ORDINAL_WORDS = "|".join(_ORDINALS)
_AMENDMENT_OF = re.compile(
    rf"\b(?:this{_W}|(?:{_ORDINAL_WORDS}){_W})?amendment\b(?:{_W}no\.?[ \t\n]*\d{{1,2}})?"
    rf"(?:[ \t\n]*\([^)]{{0,60}}\))?,?{_W}(?:to|of){_W}(?:the{_W}|that{_W}certain{_W})?"
    rf"(?:[\w'’&-]+{_W}){{0,8}}$",
    re.IGNORECASE,
)
_DEFINES_AGREEMENT = re.compile(
    rf"[ \t\n]*\((?:as{_W}amended,{_W})?the{_W}[\"“](?:Rights{_W})?(?:Agreement|Plan)[\"”]",
    re.IGNORECASE,
)
_ACTED_ON = re.compile(
    r"\b(?:terminat(?:e|es|ed|ing)|redeem(?:s|ed|ing)?)[ \t\n]+"
    r"(?:(?:the|its|our)[ \t\n]+)?(?:[\w'’-]+[ \t\n]+){0,4}$",
    re.IGNORECASE,
)
# '(the "Rights Agreement")' right after the plan's name: what follows dates the agreement.
_NAMES_AGREEMENT = re.compile(r"[\"“](?:Rights[ \t\n]+)?(?:Agreement|Plan)[\"”]", re.I)
_DEFINES_AMENDMENT = re.compile(r"[ \t\n]*\((?:the|this)[ \t\n]+[\"“]Amendment", re.IGNORECASE)
_AMENDMENT_START = re.compile(
    rf"(?:an?{_W}|the{_W})?(?:(?:{_ORDINAL_WORDS}){_W})?amendment\b", re.I
)
# "On X, the Board adopted (enacted, approved) a rights plan", "Effective as of X, the Board
# ... adopted a Rights Agreement": the plan's date, less directly than "dated as of".
_PLAN_WORDS = rf"(?:(?:[\w'’&-]+|\([^()\n]{{0,20}}\)){_W}){{0,8}}?"


def _on_date_acting(verbs: str, reach: int) -> re.Pattern[str]:
    """A date, then within ``reach`` characters an act on a plan: "On X, <who> <verb> <a plan>".

    The date comes first ("On", "As of", "Effective (as of)", "On or about"); an abbreviation's
    full stop ("Inc.,") or one inside a name ("CarParts.com") does not end the reach, and a
    parenthesis of defined names ('(the "Company," "our Company," "us," "we" ...)') counts as
    one step of it.
    """
    return re.compile(
        rf"\b(?i:on(?:{_W}or{_W}about)?|as{_W}of|effective(?:{_W}as{_W}of)?){_W}(?P<date>{_DATE}),?"
        rf"(?:[^.;()]|\([^().;]{{0,120}}\)|\.(?=\w|,?[ \t\n]+[(a-z])){{0,{reach}}}?"
        rf"\b(?P<verb>{verbs})[ \t\n]+"
        rf"(?P<what>(?:(?:the|a|an|its|our|that{_W}certain){_W})?{_PLAN_WORDS}{PLAN_NOUN})"
    )


_ON_DATE_ADOPTED = _on_date_acting(
    rf"(?i:entered{_W}into|adopted|enacted|approved(?:{_W}the{_W}adoption{_W}of)?|executed|"
    rf"signed|resolved{_W}to{_W}adopt)",
    120,
)
# "adopted a rights plan (the "Plan") on March 20, 2020": the act's date after the plan.
_ADOPTED_ON_DATE = re.compile(
    rf"\b(?P<verb>(?i:entered{_W}into|adopted|enacted|approved))[ \t\n]+"
    rf"(?P<what>(?:(?:the|a|an|its|our){_W})?{_PLAN_WORDS}{PLAN_NOUN})"
    rf"(?:[ \t\n]*\([^)\n]{{0,60}}\))?,?{_W}(?i:on){_W}(?P<date>{_DATE})"
)
# "The new Rights Agreement became effective as of April 27, 2011": the plan's own date.
_BECAME_EFFECTIVE = re.compile(
    rf"{PLAN_NOUN}(?:[ \t\n]*\([^)\n]{{0,60}}\))?,?{_W}(?i:became|becomes){_W}(?i:effective)"
    rf"{_W}(?i:as{_W}of|on){_W}(?P<date>{_DATE})"
)
# "amends and restates The PMI Group's original Tax Benefits Preservation Plan entered into
# between The PMI Group and the rights agent on August 12, 2010": the date of the plan an
# amendment amends (the agreement's), never the amendment's.
_ORIGINAL_DATED = re.compile(
    rf"\b(?i:original|existing|initial)(?:[ \t\n]+[\w'’&-]+){{0,5}}?[ \t\n]+{PLAN_NOUN}"
    rf"[^.;]{{0,120}}?\b(?i:dated|entered{_W}into|adopted|executed)\b[^.;]{{0,80}}?(?P<date>{_DATE})"
)
# What an act on a plan may be about other than adopting it.
_OTHER_ACT = re.compile(r"amend|terminat|redempt|redeem|expir|extend|extension", re.IGNORECASE)
# "replaces the Company's prior rights agreement, dated May 6, 2016": another plan than the one a
# filing adopts.
_OTHER_PLAN = re.compile(
    r"\b(?:prior|previous|former|existing|expired|expiring|old|earlier|original|past)"
    r"(?:[ \t\n]+[\w'’-]+){0,2}[ \t\n]+$",
    re.IGNORECASE,
)
# A title page: "RIGHTS AGREEMENT / X, INC. / and / Y / Rights Agent / Dated as of March 31, 1998":
# a line that is only the date (with or without "Dated"), or "Dated" after "Rights Agent" on a
# flattened title line.
# "Dated originally as of July 11, 1988"; a flattened title page runs on into its contents:
# "X and Y Rights Agent Rights Agreement Dated as of February 19, 1998 TABLE OF CONTENTS".
_TITLE_DATED = re.compile(
    rf"(?:^[ \t|]*(?:(?i:dated|effective)(?:[ \t]+(?i:originally))?(?:[ \t]+(?i:as[ \t]+of))?"
    rf"[ \t:]+|(?i:as[ \t]+of)[ \t]+)?|(?i:rights[ \t]+agent),?[ \t]+(?:[A-Z][\w'’-]*[ \t]+){{0,6}}"
    rf"(?:Dated|DATED)"
    rf"(?:[ \t]+(?i:as[ \t]+of))?[ \t:]+)"
    rf"(?P<date>{_DATE})[ \t.,|]*(?:$|(?i:table[ \t]+of[ \t]+contents))",
    re.MULTILINE,
)
# "As amended and restated on April 25, 1997" under a title: the restatement's date.
_TITLE_RESTATED = re.compile(
    rf"^[ \t|]*(?i:as[ \t]+)?(?i:amended[ \t]+and[ \t]+restated)(?:[ \t]+(?i:on|as[ \t]+of|"
    rf"effective(?:[ \t]+as[ \t]+of)?))?[ \t:]+(?P<date>{_DATE})[ \t.,|]*$",
    re.MULTILINE,
)
_AMENDMENT_TITLE = re.compile(
    rf"\bamendment\b(?:{_W}no\.?[ \t\n]*\d{{1,2}})?{_W}to{_W}(?:the{_W})?"
    rf"(?:[\w'’&,.-]+{_W}){{0,6}}?"
    rf"{PLAN_NOUN}",
    re.IGNORECASE,
)
_RECITAL_WORDS = re.compile(r"\b(?:whereas|hereby|shall)\b", re.IGNORECASE)
_TITLE_PAGE = 3000
"""How far into a document its title page may reach."""
# "This Amendment", "This is Amendment No. 3", '(this "Amendment")': the document names itself.
# The date of the agreement an amendment names ("that certain Amended and Restated Shareholder
# Rights Plan Agreement dated October 15, 1999"): never the amendment's own.
# Nor is an earlier amendment's ("as amended by Amendment no. 1 dated October 6, 2008"); "This
# Amendment No. 2, dated as of X" is the instrument's own.
_OTHER_DATED = re.compile(
    rf"(?<!(?i:this) )\b(?i:Agreement|Plan|Amendment{_W}No\.?[ \t\n]*\d{{1,2}})\b,?{_W}"
    rf"(?i:dated|effective)(?:{_W}(?i:as){_W}(?i:of))?[ \t\n]*$"
)
_DATE_NO_GROUPS = re.sub(r"\(\?P<\w+>", "(?:", _DATE)
# An amendment that calls itself an agreement: 'AMENDMENT NO. 4 / This Agreement, dated as of
# May 26, 1999 (this "Agreement"), is between ...', in an amendment document: its own date.
_THIS_AGREEMENT = re.compile(
    rf"\bThis{_W}Agreement,?{_W}(?:dated|made|effective)(?:{_W}as{_W}of)?{_W}{_DATE_NO_GROUPS}"
    rf",?{_W}\(this{_W}[\"“]Agreement[\"”]\)"
)
_THIS_AMENDMENT = re.compile(
    rf"\bThis{_W}(?:is{_W})?(?:(?:{_ORDINAL_WORDS}){_W})?Amendment\b|"
    rf"\(this{_W}[\"“](?:(?:{_ORDINAL_WORDS}){_W})?Amendment|"
    # A 1990s preamble opens with the instrument and its date: "AMENDMENT, dated as of January
    # 20, 1998, to the Rights Agreement", "Amendment, dated as of November 13, 1997, to the
    # Shareholder Rights Agreement" (at a line's start: never a narrative's "an amendment").
    rf"(?-i:\bAMENDMENT),?{_W}dated\b|^[ \t]*Amendment,?{_W}dated\b",
    re.I | re.M,
)
# "extended Acme's Shareholder Rights Plan": the plan by any of its names (PLAN_NOUN).
_EXTENDED_PLAN = re.compile(rf"\bextended{_W}(?:[\w'’-]+{_W}){{0,4}}?{PLAN_NOUN}")
_EFFECTIVE_OPENING = re.compile(rf"[ \t\n]*(?i:effective)(?:{_W}as{_W}of)?{_W}(?P<date>{_DATE}),")
_EFFECTIVE = re.compile(rf"(?i:effective){_W}(?:(?i:as){_W}of{_W})?{_DATE}")
_DATED_BEFORE = re.compile(rf"(?i:dated|effective)(?:{_W}as{_W}of)?[ \t\n]*$")
# Between a name's words, at most one line break: a name never runs across a blank line
# ("RAMP CORPORATION" / "" / "and" / "" / "COMPUTERSHARE TRUST COMPANY, INC.").
_GAP = r"(?:[ \t]+\n?|\n)[ \t]*"
_AGENT_NAME = (
    rf"\[?[A-Z][\w.&'’-]*(?:{_GAP}(?:(?![Aa][Ss]\b)[A-Z][\w.&'’-]*|of|and|&|de|la)){{0,7}}"
    # a national bank's city before its suffix: "Firstar Bank, Milwaukee, N.A."
    r"(?:(?:,[ \t\n]+[A-Z][a-z]+)?,?[ \t\n]+N\.[ \t]?A\."
    r"|,?[ \t\n]+(?i:Inc\.|LLC|L\.L\.C\.|L\.P\.|LP|Ltd\.|National[ \t\n]+Association))?\]?"
)
# A parenthesis, with one inside it: "(as successor to Firstar Trust Company (formerly known as
# First Wisconsin Trust Company))".
_PARENTHESIS = r"\((?:[^()]|\([^()]{0,80}\)){0,160}\)"
# "and X, a New York limited liability company, as Rights Agent", "X (the "Rights Agent")",
# "X Rights Agent" under an agreement's title; never "as successor rights agent".
_AGENT = re.compile(
    # never the predecessor after "successor in interest to" or "f/k/a": the agent is the name
    # before it ("X f/k/a Y, as Rights Agent", "X, successor in interest to Y, as Rights Agent")
    # ("X, as successor rights agent to Y (the "Rights Agent")": Y is the predecessor)
    rf"(?:\b(?i:and|with)|(?<![Ss]uccessor )(?<![Ii]nterest )(?<![Aa]gent )\b(?i:to)|^)[ \t\n-]+"
    rf"(?P<agent>{_AGENT_NAME})"
    rf"(?:,?{_W}(?:an?{_W}[^,()]{{1,80}}?|{_PARENTHESIS}|(?i:(?:as{_W})?successor(?:[ -]in[ -]"
    rf"interest)?){_W}to{_W}[^,()]{{1,80}}?|(?i:f/k/a|formerly{_W}known{_W}as){_W}[^,()]"
    rf"{{1,80}}?))*?[ \t]*,?[ \t\n]+"
    # the defined term in capitals as well: (the "RIGHTS AGENT")
    rf"(?:(?i:as){_W}(?i:the{_W})?(?i:rights{_W}agent)\b"
    # (the “Rights Agent\n”): a closing quote the converter put on the next line
    rf"|\((?i:the{_W})?[\"“](?:Rights{_W}Agent|RIGHTS{_W}AGENT)\n?[\"”]\)"
    rf"|Rights{_W}Agent\b(?![ \t]*[\"”]))",
    re.MULTILINE,
)
# "entered into a rights agreement (the "Rights Agreement") with X": the other party.
_AGENT_WITH = re.compile(
    rf"{PLAN_NOUN}(?:[ \t\n]*\([^)\n]{{0,60}}\))?,?{_W}with{_W}(?P<agent>{_AGENT_NAME})"
)
# An amendment that changes the rights agent defines each by its part in the change: 'The
# First Chicago Trust Company of New York (the "Resigning Rights Agent") and The Bank of New
# York, a New York banking corporation (the "Successor Rights Agent")'. The agent that leaves
# is the one the agreement was made with.
_AGENT_IN_CHANGE = re.compile(
    rf"(?<![\w.&'’-])(?P<agent>{_AGENT_NAME})(?:,{_W}an?{_W}[^,()]{{1,80}}?)?"
    rf"[ \t\n]*\([ \t\n]*(?i:the{_W})?"
    rf"[\"“](?P<part>(?i:resigning|retiring|outgoing|removed|predecessor|prior|former|existing|"
    rf"original|successor|new)){_W}(?i:rights{_W}agent)[\"”][ \t\n]*\)"
)
_LEAVING = frozenset({"resigning", "retiring", "outgoing", "removed", "predecessor", "prior"})
_LEAVING |= {"former", "existing", "original"}
# A recital of who the agreement's parties are: "the Corporation and First Chicago are
# currently parties to the Rights Agreement"; "the Company and U.S. Bank (as successor to
# Firstar Trust Company) are parties to that certain Rights Agreement" (the agreement was made
# with the agent succeeded). "under which First Chicago Trust Company of New York was named
# the "Rights Agent"": the agent an agreement named.
_AGENT_PARTY_TO = re.compile(
    rf"\b(?i:the){_W}(?:Company|Corporation|Registrant|Bank|Trust){_W}and{_W}"
    rf"(?P<agent>{_AGENT_NAME})(?:[ \t\n]*\((?i:as{_W}successor{_W}to){_W}(?P<original>"
    rf"{_AGENT_NAME})[^()]{{0,80}}\))?,?{_W}(?:are|were)(?:{_W}currently)?{_W}parties{_W}to\b"
    rf"|(?<![\w.&'’-])(?P<named>{_AGENT_NAME}){_W}was{_W}named{_W}(?:as{_W})?the{_W}[\"“]Rights{_W}Agent[\"”]"
)
# The agent the agreement was made with, named as the present agent's predecessor: "the Company
# and ChaseMellon Shareholder Services, L.L.C., the predecessor to the Rights Agent, executed a
# Rights Agreement"; "the Rights Agent has been appointed by the Company as successor to National
# City Bank, as Rights Agent under that certain Rights Agreement".
_PREDECESSOR_PARTY = re.compile(
    rf"\b(?i:the){_W}(?:Company|Corporation){_W}and{_W}(?P<original>{_AGENT_NAME}),{_W}"
    rf"(?i:the){_W}predecessor{_W}(?:in{_W}interest{_W})?to{_W}the{_W}Rights{_W}Agent,{_W}"
    rf"(?:executed|entered{_W}into)\b"
    rf"|\bappointed{_W}(?:by{_W}the{_W}(?:Company|Corporation){_W})?as{_W}(?:the{_W})?successor"
    rf"{_W}(?:rights{_W}agent{_W})?to{_W}(?P<succeeded>{_AGENT_NAME}),?{_W}as{_W}Rights{_W}Agent"
    rf"{_W}under\b"
)
# Words of a heading or of a plan's terms, never of a rights agent's name ("Appointment of
# Successor Rights Agent", "Shareholder Rights Plan with Qualifying Offer Exception").
_NOT_AGENT_WORDS = frozenset(
    {"appointment", "successor", "exception", "amendment", "removal", "resignation", "offer"}
)
# "Toshiba Corporation, together with its Affiliates, shall not be deemed an Acquiring Person":
# a name that carries an entity's suffix, then within the clause the words that exclude it.
_HOLDER_ENTITY = (
    r"[A-Z][\w.&'’-]*(?:[ \t\n]+(?:[A-Z0-9][\w.&'’-]*|of|&)){0,5}"
    r"(?:,?[ \t\n]+(?:Corporation|Inc\.|Incorporated|LLC|L\.L\.C\.|L\.P\.|LP|Ltd\.|Limited|"
    r"Company|Co\.|plc|N\.V\.|AG|S\.A\.))"
)
"""A holder's name that carries an entity's suffix ("Blue Harbor Capital, L.P.")."""
_DEEMED_ACQUIRING = (
    rf"(?:be{_W}deemed{_W}(?:to{_W}be{_W}|to{_W}have{_W}become{_W})?|(?:be{_W}or{_W})?become{_W}|"
    rf"constitute{_W})"
    rf"an?{_W}[\"“]?"
    rf"Acquiring{_W}Person"
)
# The name may be followed by its short name, which may hold a period: "Heartland Advisors, Inc.
# ("Heartland Advisors Inc.") shall not constitute an Acquiring Person".
_EXCLUDED = re.compile(
    rf"(?P<name>{_HOLDER_ENTITY})(?!\w)(?:[ \t\n]*\([^()]{{1,80}}\))?[^.;%]{{0,200}}?"
    rf"\b(?:shall|will){_W}not{_W}"
    rf"{_DEEMED_ACQUIRING}"
)
_NOT_DEEMED = re.compile(rf"\b(?:shall|will){_W}not{_W}{_DEEMED_ACQUIRING}")
# A holder as a waiver names it: up to six capitalised words ("Luxor Capital Group").
_CAPITALISED_NAME = rf"[A-Z][\w.&'’-]*(?:{_W}[A-Z][\w.&'’-]*){{0,5}}"
# A board's waiver for a named holder: "waived the 15% limitation ... with respect to Luxor, to
# allow Luxor to become the beneficial owner of up to 26% of the shares ..., without being deemed
# to be an "acquiring person"": the holder's cap, its name as the text gives it.
_ALLOWED_TO_OWN = re.compile(
    rf"\b(?:allow|permit)(?:s|ted|ting)?{_W}(?P<name>{_CAPITALISED_NAME})"
    rf"{_W}to{_W}(?:become|acquire|own|beneficially{_W}own|increase)\b"
)
# "agreed to further waive all of the existing limitations under the Rights Agreement so that
# Luxor would not be considered an "acquiring person" under the Rights Agreement under any
# circumstance": a waiver that exempts the holder outright.
_WAIVED_FOR = re.compile(
    rf"\bwaive[sd]?\b[^.;%]{{0,160}}?\bso{_W}that{_W}"
    rf"(?P<name>{_CAPITALISED_NAME}){_W}(?:would|will|shall){_W}not{_W}"
    rf"be{_W}(?:considered|deemed)(?:{_W}to{_W}be)?{_W}an?{_W}[\"“]?(?i:acquiring{_W}person)"
)
# "waived the 15% limitation": the line waived, not the holder's cap.
_LIMITATION = re.compile(r"[ \t\n]*(?:limitation|limit|threshold)\b", re.IGNORECASE)
# An amendment made so that a named party is never an Acquiring Person: "to amend the Rights
# Agreement ... so that the Offeror and its Affiliates do not become Acquiring Persons", "to
# provide that the Investor and its Affiliates will be excluded from the definition of
# "Acquiring Person"".
_AMENDED_TO_EXCLUDE = re.compile(
    rf"\bamend\w{{0,3}}\b[^.;]{{0,120}}?\b(?:provide|so){_W}that{_W}(?:the{_W})?"
    rf"(?P<name>[A-Z][\w'’&.-]*(?:{_W}[A-Z][\w'’&.-]*){{0,5}}){_W}and{_W}(?:its|their){_W}"
    rf"Affiliates{_W}(?:(?:do|will|shall){_W}not{_W}become{_W}(?:an?{_W})?[\"“]?Acquiring{_W}"
    rf"Persons?|(?:will|shall){_W}be{_W}excluded{_W}from{_W}the{_W}definition{_W}of{_W}"
    rf"[\"“]?Acquiring{_W}Person)"
)
# Named holders listed before "and their Affiliates", which the clause exempts: "Parent,
# Purchaser (as defined below) and their Affiliates are exempt from the definition of Acquiring
# Person" (nalco-chemical), "will cause EMC, Epiphany Merger Sub (each as defined herein) or any
# of their Affiliates or Associates to become an Acquiring Person" (captiva-software: a
# recital's purpose, "to ensure ... that neither ... will cause"), "Johnson & Johnson and its
# Affiliates and Associates shall not be or become an "Acquiring Person"" (closure-medical).
_PARTY = r"[A-Z][\w.&'’-]*(?:[ \t\n]+(?:[A-Z0-9][\w.&'’-]*|&|of)){0,5}"
_PARTY_LIST = (
    rf"(?P<list>{_PARTY}(?:[ \t\n]*\([^()]{{1,40}}\))?"
    # parties are parted by a comma or "and"/"or", never by a space alone: one reading only
    rf"(?:(?:,{_W}(?:and{_W}|or{_W})?|{_W}(?:and|or){_W}){_PARTY}"
    rf"(?:[ \t\n]*\([^()]{{1,40}}\))?){{0,4}})"
)
_PARTIES_EXEMPT = re.compile(
    rf"(?:\bcause{_W}{_PARTY_LIST},?{_W}or{_W}any{_W}of{_W}their{_W}(?:respective{_W})?"
    rf"Affiliates(?:{_W}(?:and|or){_W}Associates)?{_W}to{_W}become{_W}an?{_W}[\"“]?Acquiring"
    rf"{_W}Person|(?<![\w&’'-]){_PARTY_LIST.replace('?P<list>', '?P<list2>')},?{_W}and{_W}"
    rf"(?:its|their){_W}(?:respective{_W})?Affiliates(?:{_W}(?:and|or){_W}Associates)?"
    rf"{_W}(?:are{_W}exempt{_W}from{_W}the{_W}definition{_W}of{_W}[\"“]?Acquiring{_W}Person|"
    rf"(?:shall|will){_W}not{_W}be{_W}or{_W}become{_W}an?{_W}[\"“]?Acquiring{_W}Person))"
)
_PARTY_SPLIT = re.compile(rf",?{_W}(?:and|or|nor){_W}|,{_W}")
# An entity's suffix after its name's comma: "Regeneration Technologies, Inc."
_PARTY_SUFFIX = re.compile(
    r"(?:Inc\.|Incorporated|Corp\.|Corporation|LLC|L\.L\.C\.|L\.P\.|LP|Ltd\.|Limited|N\.A\.|Co\.)"
)
# "an amendment to the Rights Agreement ... by adding Ocular Sciences, Inc. to the definition of
# "Exempt Person"": the holder the amendment makes an Exempt Person, recital or operative words.
_ADDED_TO_EXEMPT = re.compile(
    rf"\badding{_W}(?P<name>[A-Z][\w'’&.-]*(?:,?{_W}[A-Z][\w'’&.-]*){{0,5}})"
    rf"{_W}(?:to{_W}the{_W}(?:definition{_W}of{_W}|list{_W}of{_W})?|as{_W}an?{_W})"
    rf"[\"“]?Exempt{_W}Persons?\b"
)
# "neither Newco, Xxxxx nor any Affiliate of either Newco or Xxxxx shall be deemed to be an
# Acquiring Person": parties excluded one by one, listed before the words that exclude them.
# So are those of "none of Danaher Corporation ("Parent"), its subsidiaries, ..., including
# without limitation Raven Acquisition Corp. ("Sub"), ... is or shall be an Acquiring Person"; an
# abbreviation's period before a parenthesis or a comma does not end the list.
_NEITHER_NOR = re.compile(
    # a party's defined short name may stand between: 'neither Acme Corporation ("Acme") nor'
    rf"\b(?:[Nn]either|[Nn]one{_W}of){_W}(?P<list>(?:[^.;:()]|\.(?=[ \t\n]*[(,])|"
    rf"\([^().;:]{{0,40}}\)){{1,300}}?){_W}(?:is{_W}or{_W})?(?:shall|will){_W}"
    rf"(?:{_DEEMED_ACQUIRING}|be{_W}an?{_W}[\"“]?Acquiring{_W}Person)"
)
# 'the term "Acquiring Person" shall not include X Corporation'; 'exempts X Corporation ... from
# the definition of Acquiring Person': the same exclusion, the name after the words.
_ENTITY_NAME = re.compile(rf"(?P<name>{_HOLDER_ENTITY})(?!\w)")
# '"Exempt Person" shall mean (i) the Company, ... and (iv) X Corporation'; "X Corporation shall
# be an Exempt Person"; "designates X Corporation ... as an Exempt Person".
_EXEMPT_DEFINED = re.compile(
    rf"[\"“]Exempt{_W}Persons?[\"”],?{_W}(?:shall{_W})?(?:mean|means|include|includes)\b",
    re.IGNORECASE,
)
_EXEMPT_NAMED = re.compile(
    rf"(?:\bdesignat\w*{_W})?(?P<name>{_HOLDER_ENTITY})(?!\w)[^.;%]{{0,80}}?\b(?:(?:shall|will)"
    rf"{_W}(?:also{_W})?be{_W}(?:deemed{_W}(?:to{_W}be{_W})?)?an?{_W}|as{_W}(?:an?{_W})?)"
    rf"[\"“]?Exempt{_W}Persons?\b"
)
# "the status of Liberty Media Corporation and its Affiliates as Exempt Persons shall not be
# affected": an exemption the holder has already, kept, not granted by the sentence.
_STATUS_OF = re.compile(rf"\b(?i:the){_W}(?:existing{_W})?status{_W}of[ \t\n]*$")
# "in no event shall any purchaser of common stock pursuant to those certain Securities Purchase
# Agreements ... (each, a "Purchaser") ... be considered an Acquiring Person unless and until the
# Purchaser ... has become the Beneficial Owner of in excess of 15%": holders a short name
# defines, capped at the number that follows.
_IN_NO_EVENT = re.compile(
    rf"\b[Ii]n{_W}no{_W}event{_W}shall{_W}(?:any|the|a|an){_W}[^.;%]{{0,250}}?\([ \t\n]*"
    rf"(?:each,?{_W})?(?:a|an|the){_W}[\"“](?P<name>[A-Z][\w'’&.-]*(?:{_W}[A-Z][\w'’&.-]*){{0,4}})"
    rf"[\"”][ \t\n]*\)[^.;%]{{0,200}}?\bbe{_W}(?:considered|deemed)(?:{_W}to{_W}be)?{_W}an?{_W}"
    rf"[\"“]?Acquiring{_W}Person"
)
# "amended the Rights Agreement to exclude Peter R. Kellogg from the definition of "Acquiring
# Person" unless and until ... more than 19.9%": a holder excluded by name, suffix or none.
_EXCLUDED_FROM = re.compile(
    rf"\bexclud(?:e|es|ed|ing){_W}(?P<name>{_CAPITALISED_NAME}){_W}from{_W}the{_W}definition"
    rf"{_W}of{_W}[\"“]?Acquiring{_W}Person"
)
# Short names the filing gives itself or its instruments, never a holder's.
_NOT_HOLDER_SHORT = frozenset(
    {
        "company",
        "rights agreement",
        "registrant",
        "issuer",
        "corporation",
        "amendment",
        # '... of the Registrant ("Common Stock")': a class of shares, never a holder
        "common stock",
        "common shares",
        "preferred stock",
        "shares",
    }
)
_IN_THE_CASE_OF = re.compile(
    rf"[ \t\n]*,?{_W}in{_W}the{_W}case{_W}of{_W}(?P<name>{_CAPITALISED_NAME})(?=[ \t\n]*[,.;(])"
)
_NOT_INCLUDE = re.compile(
    rf"Acquiring{_W}Person[\"”]?,?{_W}(?:shall|will|does){_W}not{_W}include{_W}"
    rf"(?P<name>{_HOLDER_ENTITY})"
)
_SHALL_NOT_INCLUDE = re.compile(rf"\b(?:shall|will|does){_W}not{_W}include\b", re.IGNORECASE)
# An item of such a list that names someone: "(v) Dr. Richard B. Mazess," (a capitalised name
# of two words or more, after an enumerator that is not a section's "1(a)").
_LISTED_NAME = re.compile(
    rf"(?<![\w)])\((?:[ivx]{{1,4}}|[a-h])\){_W}(?P<name>(?:(?:Dr|Mr|Mrs|Ms)\.{_W})?"
    rf"[A-Z][\w.'’&-]*(?:{_W}[A-Z][\w.'’&-]*){{1,5}})(?=,|{_W}(?:and|or)\b)"
)
_EXEMPTS = re.compile(
    rf"\bexempt(?:s|ed|ing)?{_W}(?P<name>{_HOLDER_ENTITY})(?!\w)[^.;%]{{0,120}}?"
    rf"\bAcquiring{_W}Person"
)
# Capitalised words that begin a list's clause, not a party: "WHEREAS, Parent and ...".
_NOT_A_PARTY = frozenset(
    {"whereas", "provided", "section", "agreement", "amendment", "person", "persons", "board"}
    | {"rights", "neither", "none", "nor", "the", "this", "such", "any", "no", "each", "company"}
)
_NOT_A_HOLDER = frozenset(
    {"the", "this", "such", "any", "no", "each", "company", "notwithstanding", "however", "if"}
)
_OPERATIVE = re.compile(
    rf"[^.;:]{{0,160}}\b(?:is|are){_W}hereby{_W}(?:amended|deleted|replaced|restated|modified)\b"
    rf"(?![^.;]{{0,40}}\bas{_W}follows)[^.;:]{{0,120}}",
    re.IGNORECASE,
)
# An instruction whose new words follow it: "The definition of "Expiration Date" in Section 1
# of the Plan is hereby amended to read in its entirety as follows:", "the Company hereby amends
# the Rights Agreement as follows:", "is replaced in its entirety with the following:". What
# follows, up to the next instruction, is the amendment's own new text.
_NEW_TEXT = re.compile(
    # a numbered instruction in a letter: "2. To amend Section 1(a) to add the following at
    # the end of Section 1(a):"
    rf"^[ \t]*(?:\d{{1,2}}\.[ \t]+)?To{_W}amend\b[^.;:]{{0,160}}?\b(?:as{_W}follows|the{_W}"
    rf"following)\b[^.;:]{{0,80}}?:|"
    rf"\b(?:is|are|shall{_W}be)(?:{_W}hereby)?(?:{_W}further)?{_W}(?:amended|restated|replaced|"
    rf"modified|"
    rf"supplemented)\b[^.;:]{{0,160}}?\b(?:as{_W}follows|the{_W}following)\b[^.;:]{{0,80}}?:|"
    rf"\bhereby{_W}amends?\b[^.;:]{{0,80}}?"
    rf"\bas{_W}follows[ \t]*:|\b(?:replaced|substituted)(?:{_W}in{_W}its{_W}entirety)?{_W}"
    rf"(?:with|by)"
    rf"{_W}the{_W}following[ \t]*:|"
    # "Section 1(a) is hereby deleted in its entirety and the following is inserted in lieu
    # thereof:"
    rf"\bthe{_W}following{_W}(?:is|shall{_W}be)(?:{_W}hereby)?{_W}(?:inserted|substituted)"
    rf"(?:{_W}in{_W}lieu{_W}thereof|{_W}therefor)?[ \t]*:",
    re.IGNORECASE | re.MULTILINE,
)
_NEXT_INSTRUCTION = _text.phrase(
    "is hereby", "are hereby", "hereby amend", "hereby amends", "in witness"
)
# What an instruction names as changed, when that is a term the reader models itself (or may
# be: Section 1 of a rights agreement holds its definitions, "Acquiring Person" among them).
_MODELLED_TERM = re.compile(
    r"acquiring\s+person|exempt\s+person|expir|threshold|percent|beneficial|registration\s+"
    r"statement|form\s+8-a|\bsection\s+1\b(?![.\d])",
    re.IGNORECASE,
)
# An instruction that adds words rather than restating a part: "by adding the following
# definition", "to add a new clause (v)", "is supplemented to add the following definitions".
_ADDS = re.compile(r"\b(?:add|adding|supplemented|insert|inserting)\b", re.IGNORECASE)
# A named part of a plan: "The WHEREAS clause of the Rights Agreement", "Section 7(a) of the
# Plan", "The introductory paragraph of the Agreement".
_PART_OF_PLAN = re.compile(
    r"\b(?:clause|section|paragraph|definition|exhibit|subsection|sentence)\b[^:]{0,80}"
    r"\b(?:agreement|plan)\b",
    re.IGNORECASE,
)
_NEW_TEXT_REACH = 4000
"""How far an instruction's new words may run before the next instruction."""
_LEAST_NEW_TEXT = 25
"""Fewer characters after an instruction are a heading or a cut-off excerpt, not new words."""
_SENTENCE_END = re.compile(r"[.:;][\"”’)]?(?=[ \t]*\n|[ \t]+[(A-Z\"“])")


def _last_sentence_end(text: str, start: int, end: int) -> int:
    """Where the last sentence ending in ``text[start:end]`` ends (``start`` if none does)."""
    last = start
    for match in _SENTENCE_END.finditer(text, start, end):
        last = match.end()
    return last


# The rights' price changed: "changes the purchase price from $36.00 to $72.00", "the
# Purchase Price ... has been increased from $50.00 to $65.00", "to $35 from $100".
_PRICE_CHANGE = re.compile(
    rf"\b(?:purchase|exercise){_W}price\b[^.;$]{{0,100}}?\b(?:from{_W}\$[\d,]+(?:\.\d+)?{_W}to"
    rf"|to{_W}\$[\d,]+(?:\.\d+)?{_W}from){_W}\$[\d,]+(?:\.\d+)?",
    re.IGNORECASE,
)
# A report of what an amendment does, in words rightsplan does not model: "the Rights Agreement
# was amended so that it no longer requires certain actions to be taken only by Continuing
# Directors", "the Plan has been amended to exempt the Merger Agreement", "Amendment No. 1 ...
# deletes certain so-called "dead hand" provisions", "removes all references to ...".
_AMENDED_TO_DO = re.compile(
    rf"\bamended{_W}(?:so{_W}that|to{_W}(?:provide|exempt|permit|exclude|render|eliminate|"
    rf"allow)\b)[^.;]{{0,160}}"
    rf"|\b(?:deletes|removes|eliminates){_W}(?:all{_W}|certain{_W})?(?:so-called{_W})?"
    rf"[^.;]{{0,60}}?\b(?:provisions?|references?){_W}?[^.;]{{0,80}}",
    re.IGNORECASE,
)
_SUMMARY_CHANGE = re.compile(
    rf"\b(?:changes|increases|decreases|reduces|modifies){_W}the{_W}(?P<what>[^.;()]{{1,80}}?)"
    rf"(?:[ \t\n]*\([^)]{{0,60}}\))?{_W}from\b[^.;]{{0,80}}?\bto\b[ \t\n]+[^ \t\n;,.]+"
    rf"(?:[ \t\n]+(?:business{_W})?days)?",
    re.IGNORECASE,
)
# Definitions added to a section: "The following definitions shall be added to Section 1 of the
# Rights Agreement" (closure-medical), an operative change of its own.
_DEFINITIONS_ADDED = re.compile(
    rf"\b(?:the{_W}following{_W})?(?:new{_W})?definitions?{_W}(?:shall{_W}be|is|are){_W}"
    rf"(?:hereby{_W})?added{_W}to{_W}Section{_W}\d{{1,2}}[^.;:]{{0,80}}",
    re.IGNORECASE,
)
# A report's summary of a definition an amendment revised: "The Rights Amendment revised the
# definition of beneficial ownership to mean securities which ...".
_REVISED_DEFINITION = re.compile(
    rf"\b(?:revised|revises|modified|modifies|changed|changes){_W}the{_W}definition{_W}of{_W}"
    rf"(?P<what>[^.;,()]{{1,60}}?){_W}to{_W}(?:mean|include|exclude|provide)\b"
    # and in the passive: 'The definition of "Exempt Acquisition" has been changed to cap ...'
    rf"|\bdefinition{_W}of{_W}(?P<passive>[^.;,()]{{1,60}}?){_W}has{_W}been{_W}"
    rf"(?:revised|changed|modified|amended){_W}to\b",
    re.IGNORECASE,
)
_SUCCESSOR_AS = re.compile(
    rf"(?:\b(?i:and|with)|\b(?i:appoint\w{{0,6}})(?:{_W}of)?)[ \t\n]+(?P<agent>[A-Z][\w.&'’-]*"
    rf"(?:[ \t\n]+(?:(?![Aa][Ss]\b)[A-Z][\w.&'’-]*|of|and|&)){{0,7}}"
    rf"(?:,?[ \t\n]+(?i:N\.A\.|Inc\.|LLC|L\.L\.C\.|L\.P\.|LP|Ltd\.))?)"
    rf"(?:,?{_W}(?:an?{_W}[^,()]{{1,80}}?|\([^)]{{0,60}}\))){{0,3}},?{_W}"
    rf"(?i:as{_W}(?:a{_W}|the{_W})?successor{_W}rights{_W}agent)"
)
# What follows a party "X, as successor Rights Agent" that names it as the agent serving: its
# predecessor ("to Y"), then a defined name or the sentence's end: '(the "Rights Agent")',
# '("Computershare")', '(the "Rights Agreement")', "."; never "under the Rights Agreement".
_PARTY_BEFORE = re.compile(r"(?i:and|with)\b")
# the predecessor's city may follow its name: "as successor Rights Agent to SunTrust Bank,
# Atlanta (the "Rights Agent")" (j-alexanders)
_SUCCESSOR_TO = re.compile(
    rf",?{_W}to{_W}{_AGENT_NAME}"
    rf"(?:,{_W}[A-Z][a-z]{{2,20}}(?:[ \t][A-Z][a-z]{{2,20}})?(?=[ \t\n]*\())?"
)
# A predecessor the document defines by its part in a change ('to Y (the "Predecessor
# Agent")') makes it the document's own appointment.
_PARTY_AFTER = re.compile(
    r"[ \t\n]*(?:\([ \t\n]*(?:the[ \t\n]+)?[\"“](?!(?i:predecessor|resigning|prior|former|"
    r"outgoing|retiring))|\.(?:[ \t\n]|$))"
)
# "the Company has appointed X as successor", "appointed X": an appointment told in the past,
# and the words that make it this document's own ("effective as of the date hereof").
_PAST_APPOINTED = re.compile(r"(?:(?i:has|have|had)[ \t\n]+)?appointed\b|(?i:and|with)\b")
# "the Company appointed X as successor Rights Agent and entered into Amendment No. 4": a
# report of the appointment the amendment it reports makes.
_APPOINTED_NOW = re.compile(
    r"(?i:date[ \t\n]+hereof|hereby|herewith|this[ \t\n]+(?:amendment|agreement|instrument)"
    r"|and[ \t\n]+entered[ \t\n]+into[ \t\n]+(?:an?[ \t\n]+|the[ \t\n]+)?amendment\b)"
)
_DEFINED_AS_AGENT = re.compile(
    rf"[ \t\n]*\([ \t\n]*(?i:the{_W})?[\"“]Rights{_W}Agent[\"”][ \t\n]*\)"
)
# "The Bank of New York is being appointed as the successor Rights Agent": the passive.
# 'Registrar and Transfer Company, a New Jersey corporation ("R&T"), is hereby appointed as
# the successor Rights Agent': its description and short name between.
_SUCCESSOR_PASSIVE = re.compile(
    rf"(?P<agent>{_NAME})(?:,{_W}an?{_W}[^,()\n]{{1,60}}?)?(?:{_W}\([^()]{{0,40}}\))?,?{_W}"
    rf"(?:is|was|has{_W}been|is{_W}being|will{_W}be)(?:{_W}hereby)?{_W}appointed{_W}"
    rf"(?i:as{_W}(?:a{_W}|the{_W})?successor{_W}rights{_W}agent)"
)
# "The Company hereby appoints AST as rights agent pursuant to Section 21", "the Company
# desires to appoint UMB as rights agent": an amendment appointing a new agent by name (an
# agreement's own "appoints the Rights Agent" names no one).
_APPOINTS_AS_AGENT = re.compile(
    rf"\b(?:hereby{_W}appoints?|desires?{_W}to{_W}appoint){_W}(?P<agent>{_NAME}){_W}"
    rf"(?i:as{_W}(?:the{_W}|a{_W})?(?:successor{_W})?rights{_W}agent)\b"
    # "to appoint Wells Fargo to replace The Bank of New York Mellon ... as the Company's
    # transfer agent, registrar and dividend disbursing agent and rights agent"
    rf"|\b(?i:appoint(?:s|ed|ing)?){_W}(?P<replacing>{_NAME}){_W}(?i:to{_W}replace)\b"
    rf"[^.;]{{0,160}}?\b(?i:rights{_W}agent)\b"
)
_SUCCESSOR = re.compile(
    rf"(?i:appoint\w{{0,6}}){_W}(?:of{_W})?(?P<agent>{_NAME}){_W}"
    rf"(?:(?i:as{_W}(?:a{_W}|the{_W})?successor{_W}rights{_W}agent)|to{_W}succeed\b)"
)
# "the Company intends to appoint the Successor Rights Agent": the agent the amendment defines
# by that term.
_SUCCESSOR_DEFINED = re.compile(
    rf"(?i:appoint\w{{0,6}}){_W}the{_W}(?:Successor|New){_W}Rights{_W}Agent\b"
)
# 'X, a Delaware corporation (the "Short")', 'X (together with its Affiliates, "Short")'.
_DEFINED = re.compile(
    # "FMR Corp. and its affiliates ("FMR")": the holder with its affiliates, as named
    rf"(?P<name>{_NAME}(?:,?{_W}and{_W}(?:its|their){_W}affiliates)?)"
    rf"(?:,{_W}an?{_W}[A-Za-z][A-Za-z .\n-]{{0,60}}?)?[ \t\n]*\([ \t\n]*"
    rf"(?:together{_W}with{_W}(?:its|his|her|their){_W}[^,()\"“]{{1,40}},{_W})?"
    # a line break inside the short name as the page wraps it: ("LaSalle\nBank")
    rf"(?:the{_W})?[\"“](?P<short>[^\"”\n](?:[^\"”\n]|\n(?![ \t]*\n)){{0,39}}?),?[\"”]"
)
_GROUP_TOGETHER = re.compile(
    rf"[\"“](?P<short>[^\"”\n]{{1,40}}?),?[\"”],?{_W}and{_W}together{_W}with{_W}"
    rf"(?P<other>{_NAME}),?{_W}(?:referred{_W}to{_W}herein{_W}as{_W}|collectively{_W})?"
    rf"(?:the{_W})?[\"“](?P<group>[^\"”\n]{{1,40}}?)[\"”]"
)
_GROUP_COLLECTIVELY = re.compile(
    rf"(?P<list>[A-Z][\w.&'-]*(?:,?[ \t\n]+(?:[A-Z][\w.&'-]*|of|and|&)){{1,30}})"
    rf"[ \t\n]*\([ \t\n]*"
    rf"collectively,?{_W}(?:the{_W})?[\"“](?P<group>[^\"”\n]{{1,40}}?)[\"”]"
)
_HOLDING = re.compile(
    rf"(?P<shares>\b\d{{1,3}}(?:,\d{{3}}){{1,4}}|\b\d{{4,10}})"
    rf"(?:{_W}(?i:common|ordinary|class{_W}[ab]))?{_W}(?i:shares)\b"
)
_OWNS = re.compile(r"\b(?:own|owns|owned|holds|held|beneficial)")
_OTHER_EXPIRY = re.compile(
    r"restrictions?|certificate of incorporation|charter|carryforwards?|operating loss|credits?",
    re.IGNORECASE,
)
_EXPIRES = re.compile(
    r"\bexpir(?:e|es|ing)\b|\bexpiration date\b|\b(?:continue|remain)s? in effect\b"
)
# "will continue in effect to September 16, 2016": the plan's expiry, in other words.
_IN_EFFECT_UNTIL = re.compile(
    # "The Amendment (i) extends the term of the Rights until June 26, 2006": the same
    rf"(?:\bextend(?:s|ed)?{_W}the{_W}term{_W}of{_W}the{_W}(?:[\w'’-]+{_W}){{0,2}}?"
    rf"(?:Rights|Agreement|Plan){_W}(?:to|until|through){_W}|"
    rf"\b(?:continues?|remains?)(?:{_W}in{_W}full{_W}force{_W}and|{_W}in){_W}effect{_W}"
    rf"(?:to|until|through){_W}(?:(?:the{_W})?close{_W}of{_W}business{_W}on{_W})?)(?={_DATE})",
    re.IGNORECASE,
)
# "if such stockholder ratification were obtained, the Rights Plan as so extended would expire
# on August 28, 2022": a possibility, not a term.
# A sentence opening with its condition, the expiry in the main clause: "If the Pulte
# shareholders do not approve the Rights Plan at the 2010 Annual Meeting of Shareholders, it
# will expire on June 1, 2010" (an expiry on a condition, not the plan's term).
_IF_CLAUSE = re.compile(r"[ \t\n\W]*If\b[^.;]{0,200},[^,.;]{0,40}$")
_HYPOTHETICAL = re.compile(r"\b(?:would|could|might|if|were)\b[^.;]{0,80}$", re.IGNORECASE)
# "If not redeemed, they would expire on December 23, 2019": the plan's own term, in the
# conditional mood its summaries use.
_UNLESS_ENDED = _text.phrase(
    *(
        f"if not {when} {ended}"
        for when in ("", "earlier", "previously")
        for ended in ("redeemed", "exchanged", "terminated")
    )
)
# "was scheduled to expire on September 30, 2015": the term before the change reported.
_WAS_SCHEDULED = _text.phrase(
    *(
        f"{was} {how} to expire"
        for was in ("was", "were", "had been")
        for how in ("scheduled", "set", "due")
    ),
    # "Under the terms of the Rights Agreement, the Rights were to expire on X": the term as
    # it stood, not a hypothesis
    "was to expire",
    "were to expire",
)
_EXPIRED_AT = re.compile(
    rf"[ \t\n]*(?i:effective|as{_W}of|at|on)(?:{_W}(?i:as{_W}of|at))?(?:{_W}(?i:the))?"
    rf"(?:{_W}(?i:close{_W}of{_W}business|5:00{_W}p\.m\.[^,]{{0,30}}?){_W}(?i:on))?{_W}"
    rf"(?P<date>{_DATE}),"
)
# "Under the terms of the Rights Agreement, the Rights were to expire on X": the agreement's term.
_TERM_EXTENDED = re.compile(
    rf"\bextend(?:s|ed|ing)?{_W}(?:the{_W})?(?:term|(?:final{_W})?expiration)\b", re.IGNORECASE
)
_UNDER_ITS_TERMS = re.compile(
    rf"\b(?i:under|pursuant{_W}to|by){_W}(?i:the){_W}terms{_W}of{_W}(?i:the|its){_W}"
    rf"(?:[\w'’-]+{_W}){{0,3}}?(?i:agreement|plan)\b"
)
# "the existing rights plan which is scheduled to expire on March 28, 1999", in the release
# adopting its replacement: the old plan's expiry.
_REPLACED_PLAN = re.compile(
    r"\b(?:prior|previous|former|existing|old|expiring)(?:[ \t\n]+[\w'’-]+){0,3}?[ \t\n]+"
    r"(?:rights[ \t\n]+)?(?:plan|agreement)\b[^.;]{0,60}$|"
    # "The New Rights Plan, which replaces the Company's shareholder rights plan that was set
    # to expire on X": the object of "replaces" is the plan replaced.
    r"\breplac(?:e|es|ing)(?:[ \t\n]+[\w'’-]+){0,4}?[ \t\n]+(?:rights[ \t\n]+)?(?:plan|agreement)\b"
    r"[^.;]{0,60}$",
    re.IGNORECASE,
)
# "adopted a new shareholder rights agreement that will take effect when the current plan,
# adopted in 1998, expires on November 19, 2008": beside a new plan, the current one is the
# plan it replaces.
_NEW_PLAN = re.compile(r"\bnew\b[^.;]{0,60}\b(?:plan|agreement)\b")
_CURRENT_PLAN = re.compile(
    r"\bcurrent(?:[ \t\n]+[\w'’-]+){0,3}?[ \t\n]+(?:rights[ \t\n]+)?(?:plan|agreement)\b"
    r"[^.;]{0,60}$",
    re.IGNORECASE,
)
_TERMINATES = re.compile(
    rf"\bterminat(?:e|es|ed|ing|ion{_W}of){_W}(?:(?:the|its|our|that{_W}certain){_W})?"
    rf"(?:[\w'’&-]+{_W}){{0,6}}?{PLAN_NOUN}",
    re.IGNORECASE,
)
_SPACES = re.compile(r"[ \t\n]{0,20}")
_ALLOWED_TO_ACQUIRE = re.compile(
    r"\b(?:allow(?:s|ed)?|permit(?:s|ted)?)\b[^.;%]{0,60}?\bto[ \t\n]+(?:acquire|own|purchase)\b"
    r"[^.;%]{0,30}$"
)
# "Between X Corporation and Y LLC", "X Corporation and Y LLC": a company and its agent run
# together in one name; what the company's suffix and "and" end is the company.
_TWO_PARTIES = re.compile(
    r"(?:(?i:by and )?(?i:between) )?[A-Z][^,;()]{0,80}? "
    r"(?:Corporation|Corp\.|Incorporated|Inc\.|Company|CORPORATION|INC\.|COMPANY),? "
    r"(?i:and) (?=[A-Z])"
)
# "Between KB Home and Mellon Investor Services LLC": a heading's parties, the company first,
# whatever its name's form (an agent's own "and" comes later: "Harris Trust and Savings Bank").
_BETWEEN_PARTIES = re.compile(r"(?i:by and )?(?i:between) [^,;()]{1,80}? (?i:and) (?=[A-Z])")
# "The Registrant and U.S. Stock Transfer Corporation (the "Rights Agent")": the company by its
# defined role, then the agent.
_ROLE_AND = re.compile(r"(?i:the) (?:Registrant|Company|Corporation|Issuer) (?i:and) (?=[A-Z])")
# A signature block: the officer's title on its own line above the agent's name ("General
# Counsel and Secretary\nCHASEMELLON SHAREHOLDER SERVICES, L.L.C.\nas successor Rights Agent").
_SIGNATURE_TITLE = re.compile(
    r"[^\n]{0,60}?\b(?:Secretary|President|Treasurer|Officer|Counsel|Director)[ \t]*\n[ \t]*"
    r"(?=[A-Z])"
)
# A recital, also after the "; and" that ends the one before it ("...; and / WHEREAS, ...").
# A recital, the "W I T N E S S E T H" heading over it or not (a sentence may open with it).
_RECITAL = re.compile(
    r"\W*(?:w ?i ?t ?n ?e ?s ?s ?e ?t ?h\W*|recitals?\W*)?(?:and\W+)?(?:whereas|recitals?)\b"
)
# Where a grandfathering clause starts: holders already over the line when the plan (or a
# lower threshold) is adopted.
_GRANDFATHER = re.compile(
    # ("the existing shareholder rights plan" is the plan, not its holders)
    rf"\b(?:already|grandfather\w*|existing{_W}(?:holders?|stockholders?|shareholders?)"
    rf"(?!{_W}(?i:rights|protection)\b)|"
    # "any existing 4.99 percent or greater stockholder", "any existing 5% or greater
    # shareholder": the holders over the line when the plan is adopted.
    rf"existing{_W}\d{{1,2}}(?:\.\d{{1,2}})?[ \t\n]*(?:%|{_W}percent)"
    rf"(?:{_W}or{_W}(?:greater|more))?{_W}(?:beneficial{_W}owners?|holders?|stockholders?|"
    rf"shareholders?)|"
    # "Investors holding in excess of 20 percent on the date of amendment are exempted": the
    # holders over the line when the amendment is made.
    rf"(?:investors?|holders?|stockholders?|shareholders?|persons?){_W}(?:holding|owning)\b"
    rf"(?=[^.;]{{0,80}}\b(?:on|as{_W}of){_W}the{_W}date{_W}of\b)|"
    # "in the case of any person ... that beneficially owns 10% or more ..., upon the
    # acquisition of additional shares by such person": a holder already over the line, for
    # whom only additional shares count.
    rf"(?:persons?|holders?|stockholders?|shareholders?)(?:{_W}\([^()]{{0,80}}\))?{_W}"
    rf"(?:that|who|which){_W}(?:(?:beneficially{_W})?owns?|(?:was|were){_W}the{_W}beneficial"
    rf"{_W}owners?{_W}of)\b"
    # "a person who was the beneficial owner of 20 percent or more ... at the time the plan
    # was implemented to acquire an additional 1 percent": the same, with a tolerance.
    rf"(?=[^.;]{{0,160}}\badditional{_W}(?:shares|stock|purchases|\d|one|two)\b)|"
    rf"whose{_W}beneficial{_W}ownership{_W}exceed\w*|lowest{_W}percentage|"
    rf"(?:currently|presently){_W}(?:own|hold|beneficially)\w*)\b|"
    # "Stockholders who beneficially own 4.95% or more ... as of the time of the first public
    # announcement of the Plan": holders over the line when the plan was announced.
    # The clause starts at the announcement: the level before it is the plan's threshold.
    rf"\b(?:own|owned|owner|held|hold)\b(?:[^.;]|\.(?=\d)){{0,80}}?"
    rf"(?P<announced>\b(?:as{_W}of|prior{_W}to|before|on){_W}the{_W}"
    rf"(?:(?:time|date){_W}of{_W}the{_W})?(?:first{_W})?public{_W}announcement\b)",
    re.IGNORECASE,
)
_TOLERANCE = re.compile(
    rf"(?:increas\w*|additional|plus|exceeds?{_W}by|by{_W}more{_W}than|by)[^.;%]{{0,60}}$", re.I
)
_NO_ADDITIONAL = re.compile(
    rf"\b(?:do|does|did)(?:{_W}not|n['’]t){_W}(?:thereafter{_W})?(?:acquire|increase|purchase)"
    rf"{_W}(?:any{_W})?(?:additional|their|its|further|more)\b|\bno{_W}additional{_W}shares?\b|"
    rf"\b(?:unless|if|until)\b[^.;%]{{0,60}}\bacquires?\b[^.;%]{{0,40}}\badditional"
    rf"(?:{_W}\w+){{0,2}}?{_W}(?:shares|stock)\b|"
    # After a grandfathering clause's start: "acquires additional shares", "acquires
    # beneficial ownership of any additional shares", "from acquiring additional shares",
    # "upon the acquisition of additional shares", "triggered by any additional purchases".
    rf"\b(?:acquir(?:es?|ing)|acquisition{_W}of|purchas(?:es?|ing))(?:{_W}beneficial{_W}"
    rf"ownership{_W}of)?(?:{_W}any)?{_W}additional{_W}(?:shares|stock|securities)\b|"
    rf"\bby{_W}any{_W}additional{_W}purchases\b|"
    # "if such Person is or becomes the Beneficial Owner of additional Common Shares"
    rf"\bbecomes?{_W}the{_W}beneficial{_W}owner{_W}of{_W}(?:any{_W})?additional\b",
    re.IGNORECASE,
)
# "The rights plan exempts any person or group owning 10% or more ... immediately prior to
# ..." then "However, the rights will be exercisable if any such person or group acquires any
# additional shares": the holders a sentence exempts, and the next sentence's limit on them.
# "to amend the Rights Agreement to lower the thresholds set forth in Section 1(a) and 3(a) of
# the Rights Agreement to 15%": an amendment's purpose, recited.
_RECITED_NEW_THRESHOLD = re.compile(
    rf"\bto{_W}(?:lower|reduce|decrease|raise|increase)(?:{_W}each{_W}of)?{_W}the{_W}"
    rf"(?:[\w-]+{_W}){{0,3}}?(?:thresholds?|percentages?)\b[^.;%]{{0,120}}?"
    # "from 15% of the Company's Common Shares to 17.5%": the old value first
    rf"(?:\bfrom{_W}\d{{1,2}}(?:\.\d{{1,3}})?[ \t]*(?:%|percent\b)[^.;%]{{0,80}}?)?{_W}to{_W}"
    rf"(?P<value>\d{{1,2}}(?:\.\d{{1,3}})?[ \t]*(?:%|percent\b))",
    re.IGNORECASE,
)
_EXEMPTS_OWNERS = re.compile(
    rf"\bexempts?{_W}(?:any|all|each){_W}(?:persons?|holders?|stockholders?|shareholders?)"
    rf"\b[^.;]{{0,40}}?\b(?:owning|holding|who{_W}owns?|that{_W}owns?)\b",
    re.IGNORECASE,
)
_SUCH_HOLDER = re.compile(
    rf"\bsuch{_W}(?:persons?|holders?|stockholders?|shareholders?)\b", re.IGNORECASE
)
_ACQUIRES_ADDITIONAL = re.compile(
    r"\b(?:acquires?|purchases?|obtains?)(?:[ \t\n]+an)?[ \t\n]+additional[ \t\n]*$", re.I
)
_LOWEST_SINCE = re.compile(
    rf"\blowest{_W}(?:percentage|number|amount)\b[^.;]{{0,160}}\bsince\b", re.I
)
_EXPIRY_NAMED = re.compile(
    rf"(?P<date>{_DATE})[ \t\n]*\([ \t\n]*(?:(?:the|such){_W})?[\"“](?:Final{_W})?Expiration"
    rf"{_W}(?:Date|Time)[\"”]"
)
_CLOSE_OF_BUSINESS = _text.phrase("close of business on")
# "WHEREAS, the Board ... has determined ... to amend the Rights Agreement to, among other
# things, extend the Final Expiration Date by three years so that it shall be X": a recital
# of the instrument's own purpose, its new expiry the value after "to" or "so that it shall be".
_EXPIRATION_EFFECTIVE = re.compile(
    rf"\bexpiration{_W}effective(?:{_W}as{_W}of)?{_W}(?P<date>{_DATE})", re.IGNORECASE
)
_RECITED_EXTENSION = re.compile(
    rf"\bto{_W}(?:amend\b[^.;]{{0,80}}?\b)?(?:extend|advanc|accelerat)\w*{_W}the{_W}"
    rf"(?:Final{_W})?Expiration{_W}"
    rf"(?:Date|Time)\b|"
    # "... pursuant to which the Rights Agreement will be amended to provide that (i) the
    # Rights will expire at the Close of Business on May 13, 2016"
    rf"\bamended{_W}to{_W}provide{_W}that\b[^.;]{{0,40}}?\bwill{_W}expire\b|"
    # "that the Rights Agreement be amended to provide for its final expiration effective X"
    rf"\bamended{_W}to{_W}provide{_W}for{_W}(?:its|the){_W}(?:final{_W})?expiration\b",
    re.IGNORECASE,
)
_REPLACED = re.compile(
    rf"\b(?:replac\w*|substitut\w*|deleting)\b[^.;]{{0,200}}?\bwith\b|"
    rf"\bsubstituted{_W}therefore\b|"
    # 'The references to "10%" ... shall be changed to "15%"'; "amended by changing from 15% to
    # 20% the reference therein": what comes before is old
    rf"\bbe{_W}changed{_W}to\b|"
    rf"\bchang\w*{_W}from{_W}[^.;]{{0,40}}?(?:%|percent)[\"”]?{_W}to\b|"
    # 'all references to "10%" are amended and restated so that such references read "12.5%"'
    rf"\bso{_W}that{_W}(?:such|each|all|the){_W}(?:references?|instances?){_W}(?:shall{_W})?"
    rf"reads?\b",
    re.IGNORECASE,
)
# "10% (or 20% in certain circumstances) or more", "more than 15% (up to 20% with the prior
# approval of the Board)": a qualification of the number before it, not a second threshold.
_QUALIFIED = re.compile(
    r"\([ \t\n]*(?:or|up[ \t\n]+to|and|but)\b[^()]{0,120}?(?:%|percent)[^()]{0,240}\)"
)
# "deterring certain acquisitions of Company stock by persons or groups beneficially owning 5% or
# more": the level describes who acquires (a purpose sentence's words), not the trigger.
_ACQUISITIONS_BY = re.compile(
    rf"\bacquisitions?\b[^.;%]{{0,60}}\bby{_W}(?:persons?|groups?|holders?|stockholders?|"
    rf"shareholders?)(?:{_W}or{_W}groups?)?{_W}(?:beneficially{_W})?(?:owning|holding)[ \t\n]*$",
    re.IGNORECASE,
)
_REACHES = re.compile(
    rf"\b(?:acquires|acquiring|reaches|reaching|obtains|obtaining)"
    rf"(?:{_W}(?:beneficial{_W})?ownership{_W}of)?[ \t\n]*$",
    re.IGNORECASE,
)
_BECOMES_ACQUIRING = re.compile(
    rf"[^;]{{0,160}}?\bbecomes?{_W}an?{_W}[\"“]?Acquiring{_W}Person", re.IGNORECASE
)
# "raises from 10% to 15% the level of beneficial ownership ... the acquisition of which by a
# person ... would result in the rights becoming exercisable": acquiring the level, reaching it,
# is what triggers.
_ACQUISITION_OF_WHICH = re.compile(
    rf"[^;]{{0,160}}?\bthe{_W}acquisition{_W}of{_W}which\b[^;]{{0,200}}?\b(?:would|will|shall)\b",
    re.IGNORECASE,
)
_PASSIVE_MARK = re.compile(r"passive|13G\b", re.IGNORECASE)
# "(other than certain passive institutional investors)": passive holders left out of the
# test, not a tier of their own.
_EXCLUDING = re.compile(
    r"\b(?:other[ \t\n]+than|except(?:[ \t\n]+for)?|excluding)(?:[ \t\n]+\w+){0,2}[ \t\n]*$",
    re.IGNORECASE,
)


def _clause_start(grandfather: re.Match[str], sentence: int) -> int:
    """Where a grandfathering clause's own numbers start (after the holders' level).

    When the sentence says its holders "are grandfathered" ("Stockholders owning five percent
    or more ... at the time of adoption of the Plan are grandfathered"), its subject is the
    grandfathered holders: their level is who is grandfathered, not a threshold it sets.
    """
    if grandfather["announced"]:
        return grandfather.start("announced")
    if grandfather.group().lower().startswith("grandfathered"):
        return sentence
    return grandfather.start()


def _nearest(mentions: list[PercentMention], marks: Iterable[re.Match[str]]) -> set[int]:
    """The indexes of the mentions each mark is nearest to (a mark is read with one number).

    Mentions are in text order, so each mark needs only its two neighbours: linear reading.
    """
    starts = [m.start for m in mentions]
    out: set[int] = set()
    for mark in marks:
        if not mentions:
            break
        at = mark.start()
        after = bisect.bisect_left(starts, at)
        near = [i for i in (after - 1, after) if 0 <= i < len(mentions)]
        out.add(min(near, key=lambda i: max(mentions[i].start - at, at - mentions[i].end, 0)))
    return out


_NEVER_A_THRESHOLD = 50
"""Percent at or above which a number is never a general or passive threshold."""
_PASSIVE_WORDS = re.compile(r"passive|13G|institutional", re.IGNORECASE)
# '"Triggering Percentage" shall mean 4.99%', '"Threshold Percentage" means', "the Beneficial
# Ownership Threshold is": a number given as the value of a defined term.
_TERM_DEFINED = re.compile(
    rf"[\"“](?P<term>[A-Z][\w-]*(?:{_W}[A-Z][\w-]*){{0,4}})[\"”],?{_W}(?:shall{_W})?"
    rf"(?:mean|means|be|is|equals?|refers{_W}to){_W}(?:the{_W})?[^.;\"“”]{{0,40}}$"
)
# A percentage of something other than the shares: "50% or more of its assets or earning
# power", "at a 50% discount", "50% of the current market price".
_NOT_SHARES = re.compile(
    rf"(?:{_W}or{_W}(?:more|greater))?(?:{_W}(?:discount|premium)\b|{_W}of{_W}(?:(?:the|its|our|"
    rf"such|the{_W}Company['’]s|their){_W})?(?:(?:consolidated|total|combined|current){_W})?"
    rf"(?:assets|earning|cash|revenues?|market{_W}(?:price|value)|net{_W}income)\b)",
    re.IGNORECASE,
)
_IN_CASE_OF = re.compile(
    rf"\([ \t\n]*or{_W}(?P<value>[^()]{{1,40}}?){_W}in{_W}the{_W}case{_W}of{_W}"
    rf"(?P<holder>[A-Z][^()]{{1,120}}?)(?:,?{_W}(?:and|together{_W}with){_W}(?:his|her|its|their){_W}"
    rf"(?:affiliates|Affiliates)(?:{_W}and{_W}(?:associates|Associates))?)?[ \t\n]*\)"
)
# The holder first, then its own number and comparison, anywhere after the general one: "15% or
# more of the Company's Common Stock (or with respect to Eastborne, 20% or more)".
_NAMED_TIER = re.compile(
    rf"\([ \t\n]*or,?{_W}(?:with{_W}respect{_W}to|in{_W}the{_W}case{_W}of){_W}"
    rf"(?P<holder>[A-Z][^(),;]{{0,80}}?),{_W}(?P<value>[^()]{{1,40}}?)[ \t\n]*\)"
)
# Words that refer to a redemption told elsewhere, never the act: "as described in Item 3.03",
# "shares issued in consideration of the redemption of the Rights".
_DESCRIBED_IN_ITEM = re.compile(r"\bas described in item\b|\bin consideration of the redemption\b")
# never a par value: "common stock, $0.01 par value"
_PRICE = re.compile(
    r"\$[ \t]?(?P<price>\d{0,3}\.\d{1,6}|\d{1,3})(?![ \t\n]+par[ \t\n]+value)(?![\d.])"
)
# "more than an additional 1%": the comparison governs the tolerance the words add.
_ADDITIONAL = (
    rf"(?:{_W}an)?(?:{_W}additional)?"
    # "in excess of the lesser of (i) seventeen percent (17%) ... and (ii) ...": the comparison
    # governs the first of the numbers the words compare
    rf"(?:{_W}the{_W}lesser{_W}of(?:{_W}\([ \t\n]*(?:i|a|1|A)[ \t\n]*\))?)?"
)
_MORE = re.compile(
    rf"(?:more{_W}than|greater{_W}than|in{_W}excess{_W}of|exceeds?|exceeding|over){_ADDITIONAL}"
    r"[ \t\n]*$",
    re.IGNORECASE,
)
# "equal to or exceeding 4.9%": "equal to or" before any "more than" wording makes it at least.
_AT_LEAST = re.compile(
    rf"(?:at{_W}least|equal{_W}to{_W}or{_W}(?:greater{_W}than|more{_W}than|in{_W}excess{_W}of|"
    rf"exceeds?|exceeding|above|over)){_ADDITIONAL}[ \t\n]*$",
    re.I,
)
_LESS_THAN = re.compile(rf"\bless{_W}than[ \t\n]*$", re.IGNORECASE)
_UP_TO = re.compile(rf"(?:up{_W}to|as{_W}much{_W}as)[ \t\n]*$", re.IGNORECASE)
# "or more" after the number; a unit written twice ("10% percent or more") is still the number.
_OR_MORE = re.compile(
    rf"[ \t\n]*(?:per[ \t]?cent{_W})?(?:or{_W}more|or{_W}greater)\b", re.IGNORECASE
)
_FROM_BEFORE = re.compile(r"\bfrom[ \t\n]*$", re.IGNORECASE)
# "from 15% of the Company's common stock to 20%": what the old number is a percentage of may
# stand between it and "to"; the new number follows "to" directly.
_OF_THEN_TO = re.compile(
    r"[ \t\n]+of[ \t\n]+[^%.;()]{1,60}?[ \t\n]to[ \t\n]*(?=\d|[a-z]+[ \t\n]*\()"
)
# "(with no change to the 15% triggering threshold for other acquirers)": a value the change
# leaves as it is, not one it sets.
_UNCHANGED_BEFORE = re.compile(
    rf"\b(?:no{_W}change{_W}(?:to|in)|without{_W}(?:any{_W})?chang\w*|not{_W}chang\w*)"
    rf"(?:{_W}the)?[ \t\n]*$",
    re.IGNORECASE,
)
# 'each reference in this definition to "15%" shall be deemed to be a reference to "24.9%"': the
# number before "shall be deemed ... a reference to" is the one the words replace.
_DEEMED_REFERENCE = re.compile(
    rf"[\"”']?{_W}(?:shall|will){_W}(?:be{_W}deemed{_W}(?:to{_W}be{_W})?|mean{_W}|be{_W}read{_W}as{_W})"
    rf"(?:a{_W})?references?{_W}to\b",
    re.IGNORECASE,
)
# 'Whenever Fifth Street Partners, LLC is the "Person" referred to in this definition': the
# holder a substituted number is for.
_WHENEVER_PERSON = re.compile(
    rf"\bWhenever{_W}(?P<holder>{_NAME}){_W}is{_W}the{_W}[\"“]?Person\b", re.IGNORECASE
)
# "10% or more (subject to the grandfathering provisions discussed below)": a pointer to the
# grandfathering clause, which is read where it is written, not a clause of its own.
_GRANDFATHER_REFERENCE = re.compile(
    rf"\bsubject{_W}to{_W}(?:the{_W}|certain{_W})?grandfather\w*(?:{_W}\w+){{0,3}}", re.IGNORECASE
)
# "from 5:00 p.m., Eastern time, on December 26, 2017 to the Close of Business on September 26,
# 2016": the words that may stand between "from" or "to" and the date they introduce.
# ... "5:00 p.m., New York City time", "5:00 p.m. ET" (a time zone's letters).
_TIME_OF_DAY = (
    rf"(?:the{_W})?(?:close{_W}of{_W}business|\d{{1,2}}(?::\d\d)?[ \t\n]*[ap]\.?[ \t\n]?m\.?"
    rf"(?:,?{_W}(?:(?:[A-Z][a-z]+{_W}){{1,3}}time|[A-Z]{{1,3}}T\b))?|midnight)"
)
# The old and the new value may be lettered: "from (a) 5:00 P.M. ... on January 3, 2019 ... to
# (b) 5:00 P.M. ... on March 27, 2018"; "prior to" a time is no new value.
_ENUMERATOR = r"(?:[ \t\n]*\([a-z0-9]{1,3}\))?"
_TIME_OF_DAY_OPT = rf"(?:[ \t\n]*{_TIME_OF_DAY},?)?"
# "from X", and "originally set at X" (a term's old value, the new one following: "the
# expiration date ..., originally set at March 24, 2009, to March 24, 2010").
_OLD_VALUE = re.compile(
    rf"(?:(?<![A-Za-z])from{_ENUMERATOR}|\boriginally{_W}(?:set|scheduled|fixed){_W}"
    rf"(?:at|for|as|on)){_TIME_OF_DAY_OPT}(?:{_W}on)?[ \t\n]*$",
    re.IGNORECASE,
)
# "to X", "until X", and "so that it shall be X" (a term's new value: "extend the Final
# Expiration Date by three years so that it shall be September 2, 2019").
_NEW_VALUE = re.compile(
    rf"(?:(?<![A-Za-z])(?<!prior )(?:to|until|through){_ENUMERATOR}|"
    rf"\bso{_W}that{_W}(?:it|such{_W}date|the{_W}(?:Final{_W})?Expiration{_W}Date)"
    rf"{_W}(?:shall|will|would){_W}be){_TIME_OF_DAY_OPT}(?:{_W}on)?[ \t\n]*$",
    re.IGNORECASE,
)
_DATE_LOOKBACK = 80
_AS_A_RESULT = re.compile(
    r"\b(?:effect[ \t\n]+of|effectively|as[ \t\n]+a[ \t\n]+result|upon|following)\b",
    re.IGNORECASE,
)
# The act in lower case: "Amended" in a title ("approved the Second Amended and Restated Rights
# Agreement") names an instrument, not the act of amending.
_ON_DATE_AMENDED = _on_date_acting("amended", 100)
_ON_DATE_AFTER = re.compile(
    rf"(?:[ \t\n]*\([^)\n]{{0,60}}\))?,?{_W}(?i:on|as{_W}of){_W}(?P<date>{_DATE})"
)
# "the Rights Agreement, dated January 19, 2005, as amended on October 24, 2005", "as amended by
# an amendment dated as of X": an earlier amendment recited without its number.
# "Atmel has entered into an Amendment, dated as of November 10, 2008 (the "Rights Agreement
# Amendment"), by and between ...": a report's unnumbered amendment and its own date.
_ENTERED_AN_AMENDMENT = re.compile(
    rf"\b(?:entered{_W}into|executed|signed){_W}an{_W}Amendment,?{_W}(?:dated|effective)"
    rf"(?:{_W}as{_W}of)?{_W}(?P<date>{_DATE})(?=,?{_W}\((?:the|this){_W}[\"“])"
)
# A report's exhibit line: "EX-4.1 - AMENDMENT DATED DECEMBER 14, 2009 TO RIGHTS AGREEMENT
# DATED AS OF NOVEMBER 25, 2008": the instrument reported, in capitals, and its date.
_LISTED_AMENDMENT = re.compile(
    rf"(?-i:\bAMENDMENT),?{_W}(?-i:DATED)(?:{_W}AS{_W}OF)?{_W}(?P<date>{_DATE}),?{_W}TO{_W}"
    rf"(?:THE{_W})?(?:[A-Z'’&-]+{_W}){{0,3}}?RIGHTS{_W}(?:AGREEMENT|PLAN)\b"
)
_AMENDMENT_DATED = (
    # "by an Amendment to Rights Agreement, dated October 24, 1988"
    rf"by{_W}(?:(?:an|the|that{_W}certain){_W})?amendment(?:{_W}to{_W}(?:the{_W})?"
    rf"(?:[\w'’-]+{_W}){{0,3}}?"
    rf"(?:agreement|plan))?,?{_W}dated(?:{_W}as{_W}of)?"
)
_AS_AMENDED_ON = re.compile(
    rf"\bas{_W}amended{_W}(?:on|as{_W}of|{_AMENDMENT_DATED})"
    rf"{_W}(?P<date>{_DATE})",
    re.IGNORECASE,
)
# A recital listing earlier instruments without numbers: "a Rights Agreement dated July 14,
# 1988, an Amendment to Rights Agreement dated May 9, 1990, and an Amendment to Rights Agreement
# dated May 10, 1995" (an amendment with the indefinite article is never this one).
_AN_AMENDMENT_DATED = re.compile(
    rf"\ban{_W}amendment{_W}to{_W}(?:the{_W})?(?:[\w'’-]+{_W}){{0,3}}?(?:agreement|plan),?{_W}"
    rf"dated(?:{_W}as{_W}of)?{_W}(?P<date>{_DATE})",
    re.IGNORECASE,
)
# The chain of earlier amendments after an agreement's date, each without its number: "as
# amended on December 7, 1987 and August 21, 1995", "as amended March 28, 1991, and October 1,
# 1992", "as amended effective June 13, 1992, and amended and restated as of December 12,
# 1997", "as further amended by the Amendment, dated February 2, 2017".
# What makes a restated agreement the instrument a report is of: an act bringing it into being
# ("entered into a", "in the form of a"), or its line in an exhibit list ("4  First ...").
_MAKES_RESTATEMENT = re.compile(
    rf"(?:\b(?:entered{_W}into|approved|adopted|executed|in{_W}the{_W}form{_W}of|reflected{_W}in)"
    rf"(?:{_W}(?:a|an|the))?|^[ \t|]*\d{{1,2}}(?:\.\d{{1,2}})?[ \t|]+)(?:[ \t\n]*[\w'’-]+){{0,2}}?"
    rf"[ \t\n]*\Z",
    re.IGNORECASE | re.MULTILINE,
)
_LINE_BREAKS_IN = re.compile(r"\n[^\n]*\n")
# The dash or wire after a release's dateline date: "December 14, 2016 —", "(May 4, 2009) --".
_DATELINE_DASH = re.compile(r"\)?[ \t]*(?:—|–|--|/PRNewswire)")
# Documents other than the plan that a text may say were "amended on" a date.
_OTHER_DOCUMENT = re.compile(
    r"\bSchedule[ \t\n]+13[DG]\b|\bForm[ \t\n]+\d{1,2}-[A-Z]\b|"
    r"\b(?:Certificate|Articles)[ \t\n]+of\b|\b[Bb]y-?[Ll]aws\b|\bCharter\b|"
    r"\bCredit[ \t\n]+Agreement\b"
)
_ANY_DATE = _DATE_NO_GROUPS
"""A date as :data:`_DATE` reads it, without its named groups (to be repeated)."""
# "Section 7(a) of the Rights Agreement is hereby amended to replace the date "X" with the date
# "Y"", "Section 7(a)(i) is amended by deleting the reference to "X" and inserting "Y"".
_EXPIRY_SECTION_REPLACED = re.compile(
    # The section's number as plans write it: "Section 7(a)", "Section 7.a.", "Section 7.1"
    # (a tax plan's), "clause (i) of Section 7.1".
    rf"(?:\b[Cc]lause{_W}\(i\){_W}of{_W})?\bSection{_W}7(?:\(a\)(?:\(i\))?|\.a\b\.?|\.1\b)"
    rf"[^;]{{0,120}}?\b(?i:replac\w*|delet\w*)\b[^.;]{{0,60}}?"
    rf"(?P<old>{_ANY_DATE})[^.;]{{0,60}}?\b(?i:with|insert\w*|substitut\w*)\b[^.;]{{0,40}}?"
    rf"(?P<new>{_ANY_DATE})"
)
_AMENDED_CHAIN = re.compile(
    # "... with Continental Stock Transfer and Trust Company most recently amended on December
    # 9, 2005": the chain's words without "as"
    rf"(?:\b(?:as|and)(?:{_W}(?:further|previously|most{_W}recently))?|\bmost{_W}recently|"
    rf"\blast){_W}amended"
    rf"(?:{_W}and{_W}restated)?,?{_W}"
    rf"(?:(?:on|effective(?:{_W}(?:as{_W}of|on))?|as{_W}of|{_AMENDMENT_DATED}){_W})?{_ANY_DATE}"
    rf"(?:,?{_W}(?:and{_W})?(?:on{_W}|as{_W}of{_W})?{_ANY_DATE}){{0,6}}",
    re.IGNORECASE,
)
# "Amendment No. 2, dated August 14, 2003", "Amendment No. 1 thereto dated August 5, 2015",
# "the First Amendment to the Rights Agreement, dated as of X": an amendment and its date.
# Also with the plan's title and the parties between ("First Amendment to Shareholder Rights
# Agreement, between the Company and the Rights Agent, dated August 31, 2012").
_RECITED_AMENDMENT = re.compile(
    rf"(?:{_AMENDMENT_REF.pattern})(?:{_W}\([^)\n]{{0,60}}\))?(?:{_W}(?:thereto|hereto))?"
    rf"(?P<titled>{_W}to{_W}(?:the{_W})?(?:[\w'’&-]+{_W}){{0,6}}?(?:Agreement|Plan)\b)?"
    rf"(?:,?{_W}(?:by{_W}and{_W})?between{_W}[^,;()]{{1,80}}?(?:{_W}\([^)\n]{{0,60}}\))?"
    rf"(?=,))?,?{_W}"
    rf"(?:(?:dated|effective)(?:{_W}and{_W}effective)?{_W}(?:as{_W}of{_W})?|as{_W}of{_W})"
    rf"(?P<date>{_DATE})"
    # After the plan's title the date may be the plan's: "Amendment No. 5 to the rights
    # agreement, dated as of July 7, 2005, as amended (the "Original Rights Agreement")".
    # Unless the parenthesis defines the amendment first ("(“First Amendment”, collectively
    # with the Original Agreement, the “Rights Agreement”)").
    rf"(?(titled)(?!,?{_W}as{_W}amended|[ \t\n]*\((?![\"“](?:[\w-]+{_W})?Amendment\b)"
    rf"[^)]{{0,60}}(?:Agreement|Plan))|)",
    re.IGNORECASE,
)
# "On November 18, 2018, the Original Agreement was amended by a first amendment (the "First
# Amendment")": an earlier amendment, its number and the day it was made.
_AMENDED_BY_ON = re.compile(
    rf"\bOn{_W}(?P<date>{_DATE}),?{_W}[^.;]{{0,80}}?\bwas{_W}amended{_W}by{_W}(?:an?|the){_W}"
    rf"(?:Amendment{_W}No\.(?:{_W})?(?P<number>\d{{1,2}})\b|(?P<ordinal>{_ORDINAL_WORDS}){_W}"
    rf"amendment\b)",
    re.IGNORECASE,
)
# "its Rights Agreement, dated as of October 17, 2008, as amended by that certain First Amendment
# to Rights Agreement, dated as of May 24, 2018 (as amended, the "Rights Agreement")": after "as
# amended by", the plan's date already given, the date after the amendment's title is its own.
_AMENDED_BY_TITLED = re.compile(
    # "... as amended by Amendment No. 1 ..., dated as of X and by Amendment No. 2 ...": each
    rf"\b(?:as(?:{_W}further)?{_W}amended|and){_W}by{_W}(?:(?:that{_W}certain|the|an?){_W})?"
    rf"(?:{_AMENDMENT_REF.pattern})"
    rf"(?:{_W}to{_W}(?:the{_W})?(?:[\w'’&-]+{_W}){{0,6}}?(?:Agreement|Plan)\b)?,?{_W}"
    rf"dated{_W}(?:as{_W}of{_W})?(?P<date>{_DATE})",
    re.IGNORECASE,
)
# A preamble reciting each earlier amendment by the day it was entered into: "on September 4,
# 1992, the Company and Chemical Bank (as successor to MHTCo.) entered into Amendment No. 1 to
# the Rights Agreement, on August 12, 1998, ... entered into Amendment No. 2": the words
# between the date and its amendment never hold another act of entering into.
_ENTERED_INTO_ON = re.compile(
    rf"\bOn{_W}(?P<date>{_DATE}),?{_W}(?:(?!entered{_W}into\b)[^;]){{0,160}}?"
    rf"\bentered{_W}into{_W}(?:(?:the|an|that{_W}certain){_W})?(?:{_AMENDMENT_REF.pattern})",
    re.IGNORECASE,
)
# "entered into that certain Amendment No. 1 to Section 382 Rights Agreement on December 18,
# 2020": the act, then its day.
_ENTERED_INTO_AMENDMENT_ON = re.compile(
    rf"\bentered{_W}into{_W}(?:(?:the|an|that{_W}certain){_W})?(?:{_AMENDMENT_REF.pattern})"
    rf"(?:{_W}to{_W}(?:the{_W})?(?:[\w'’-]+{_W}){{0,5}}?(?:Agreement|Plan))?,?{_W}on{_W}"
    rf"(?P<date>{_DATE})",
    re.IGNORECASE,
)
# "the Rights Agreement dated as of June 11, 1986, as first amended on August 21, 1990 and
# second amended on May 31, 1996": each earlier amendment numbered by its adverb.
_ORDINAL_AMENDED = re.compile(
    rf"\b(?:as|and)(?:{_W}(?:was|were))?{_W}(?P<ordinal>{_ORDINAL_WORDS}){_W}amended,?{_W}"
    rf"(?:(?:on|effective(?:{_W}as{_W}of)?|as{_W}of){_W})?(?P<date>{_DATE})",
    re.IGNORECASE,
)
_RIGHTS_AGENT_WORDS = re.compile(r"rights\s+agent", re.IGNORECASE)
# A board's act on the plan that names no amendment (read in lower case): "to amend", "to
# supplement and amend", "authorized an amendment to", "authorized and approved this amendment".
_BOARD_ON_AMENDMENT = re.compile(
    r"\bto (?:\w+ and )?amend\b|\bauthorized an amendment to\b|"
    r"\b(?:authorized|approved|adopted)(?: and (?:authorized|approved|adopted))? this amendment\b"
)
_AMENDMENT_TO_BEFORE = re.compile(r"\bamendment[ \t\n]+to[ \t\n]+(?:the[ \t\n]+)?\Z", re.I)
_DECLARED_DIVIDEND = re.compile(r"\bdeclared a dividend\b")
_BOARD_ACTED = re.compile(
    r"\b(?:authorized|approved|determined|voted|resolved|adopted|declared)\b", re.IGNORECASE
)
# A charter's own transfer restriction, not a term of the plan: "This new charter provision
# restricts the transfer of stock ... to 4.75 percent or above".
_CHARTER_PROVISION = re.compile(
    r"\b(?:charter|certificate\s+of\s+incorporation|articles\s+of\s+incorporation)\s+"
    r"(?:provision|amendment)s?\b[^.;]{0,60}\brestrict"
)
# "the reduction of the threshold required for shareholders to call a special meeting to 25%":
# another governance right's level, not the plan's.
_SPECIAL_MEETING = re.compile(r"\b(?:call|request)\s+(?:a\s+)?special\s+meetings?\b")
_HOLDERS_CALLING = re.compile(
    r"\b(?:holders?|stockholders?|shareholders?)\s+(?:representing|holding|owning)\b[^.;]{0,120}"
    r"\bto\s+(?:call|request)\b"
)
# "the change-of-control threshold in that [credit] agreement was increased to 40% from the
# prior 20%": a financing instrument's own level, not the plan's.
_FINANCING_THRESHOLD = re.compile(
    r"\b(?:(?:credit|loan|revolving|financing)\s+(?:agreement|facility)|indenture)\b|"
    r"\bchange[-\s]of[-\s]control\s+threshold\b"
)
_CHARTER = _text.phrase(
    "certificate of incorporation", "articles of incorporation", "charter", "bylaws", "by-laws"
)
_ORIGINALLY_BEFORE = re.compile(
    rf"\b(?:originally|initially|first){_W}(?:adopted|dated|entered{_W}into|approved)"
    rf"(?:{_W}(?:on|as{_W}of))?[ \t\n]*$",
    re.IGNORECASE,
)
_ON_OR_AS_OF = re.compile(rf"{_W}(?:on|as{_W}of){_W}", re.IGNORECASE)
_EXECUTED = re.compile(rf"\b(?:executed|entered{_W}into|signed)\b", re.IGNORECASE)
_TO_BEFORE = re.compile(r"\bto[ \t\n]*$", re.IGNORECASE)
_TO_AFTER = re.compile(r"[ \t\n]*to\b", re.IGNORECASE)
_STOP_NAMES = frozenset(
    [
        "as",
        "on",
        "the",
        "in",
        "company",
        "common",
        "stock",
        "board",
        "directors",
        "schedule",
        "rights",
        "rule",
        "section",
        "amendment",
        "exhibit",
        "item",
        "form",
        "this",
        "that",
        "each",
        "if",
        "under",
        "pursuant",
    ]
)


# --- reading helpers -----------------------------------------------------------------------------


@attrs.frozen
class _Context:
    filing: Filing
    documents: tuple[tuple[Document, Authority, int, int], ...]
    names: dict[str, str]
    """Short defined names and group members' names, keyed case-folded, to full names."""
    groups: dict[str, tuple[str, ...]]
    """Group name -> member names (full)."""

    def evidence(self, start: int, end: int) -> Evidence:
        document = self.filing.document_at(start)
        authority = next((a for d, a, _, _ in self.documents if d is document), Authority.REPORT)
        return Evidence(
            self.filing.name,
            document.type,
            authority,
            start,
            end,
            self.filing.text[start:end],
        )

    def full_name(self, name: str) -> str:
        return self.names.get(" ".join(name.split()).casefold(), " ".join(name.split()))


_AUTHORITY_FACTOR = {Authority.AGREEMENT: 1.0, Authority.REPORT: 0.9, Authority.PRESS_RELEASE: 0.8}


# A document read on its own carries the kind its reading named (draft_filing): that kind,
# not words in its first lines, says how much its words weigh.
_KIND_AUTHORITY = {
    DocumentKind.AGREEMENT.value: Authority.AGREEMENT,
    DocumentKind.AMENDMENT.value: Authority.AGREEMENT,
    DocumentKind.PRESS_RELEASE.value: Authority.PRESS_RELEASE,
}


def _authority(document: Document, text: str) -> Authority | None:
    if document.type in _KIND_AUTHORITY:
        return _KIND_AUTHORITY[document.type]
    kind = document.type.upper()
    head = text[document.start : min(document.end, document.start + 600)].upper()
    if kind.startswith("EX-4") or (
        kind.startswith("EX-") and re.search(r"RIGHTS AGREEMENT|AMENDMENT NO", head)
    ):
        return Authority.AGREEMENT
    if kind.startswith("EX-99"):
        return Authority.PRESS_RELEASE
    if kind.startswith("EX-") or kind in ("GRAPHIC", "ZIP", "XML", "JSON"):
        return None
    return Authority.REPORT


def _regions(filing: Filing) -> tuple[tuple[Document, Authority, int, int], ...]:
    out = []
    for index, document in enumerate(filing.documents):
        authority = _authority(document, filing.text)
        if authority is None:
            continue
        start, end = document.start, document.end
        if index == 0 and filing.items:
            # The items, and any explanatory note about the rights before them (an 8-A/A).
            first = _FIRST_MENTION.search(filing.text, document.start, filing.items[0].start)
            start = (
                filing.items[0].start
                if first is None
                else min(first.start(), filing.items[0].start)
            )
            start = _text.line_start(filing.text, start)
            end = max(item.end for item in filing.items)
        out.append((document, authority, start, end))
    return tuple(out)


_PLAN_IN_SENTENCE = re.compile(PLAN_NOUN)
# "The plan is designed to reduce the likelihood of an ownership change ... by discouraging
# ...": the plan, named by its short name, is what the sentence is about.
_PLAN_AS_SUBJECT = re.compile(r"[ \t\n]*(?:The|This|Our)[ \t\n]+(?:[\w-]+[ \t\n]+){0,2}?plan\b")
_FIRST_MENTION = re.compile(rf"\b(?:On|This|In){_W}[^\n]{{0,300}}?{PLAN_NOUN}")


def _sentences(context: _Context) -> list[tuple[int, int, Authority]]:
    out = []
    for _, authority, start, end in context.documents:
        for s, e in _text.sentence_bounds(context.filing.text, start, end):
            out.append((s, e, authority))
    return out


_EXPIR = re.compile("expir", re.IGNORECASE)

_MAX_NAMES = 40
# A release's "20% stock ownership threshold", "the 5% ownership threshold".
_OWNERSHIP_THRESHOLD = re.compile(
    rf"(?<![\d.])\d{{1,2}}(?:\.\d{{1,2}})?(?:[ \t]?%|{_W}percent){_W}(?:stock{_W}|share{_W})?"
    rf"ownership{_W}threshold\b"
)
_SCAN_LIMIT = 200_000
# A mirror's redaction of a word of a name: "Xxxxxx Trust and Savings Bank", "Xxxxx Fargo".
_REDACTED_NAME = re.compile(r"\b(?:X[x]{3,}|XXX{2,})\b")


def _listed_parties(listed: str) -> list[str]:
    """The capitalised parties of a list, their parentheses dropped, each suffix kept.

    "Regeneration Technologies, Inc., a Delaware company ("RT"), nor Rockets FL Corp., a
    Florida company" lists "Regeneration Technologies, Inc." and "Rockets FL Corp."; "any of
    their Affiliates", "a Delaware company" and other descriptions are not parties.
    """
    bare = re.sub(r"\([^()]{0,80}\)", " ", listed)
    parts: list[str] = []
    for part in _PARTY_SPLIT.split(bare):
        written = " ".join(part.split())
        if parts and _PARTY_SUFFIX.fullmatch(written):
            parts[-1] = f"{parts[-1]}, {written}"
        elif written:
            parts.append(written)
    return [
        p
        for p in parts[:_MAX_NAMES]
        if p[0].isupper() and p.split()[0].casefold().strip(",") not in _NOT_A_PARTY
    ]


"""Defined names kept per filing: real filings define a handful; the cap keeps reading linear."""


def _expand_suffix(text: str, name: str) -> str:
    """``"IPOF Fund"`` -> ``"IPOF Fund, L.P."`` when the fuller form appears in the text."""
    match = re.search(re.escape(name) + r",?[ \t\n]+(L\.P\.|LP|LLC|L\.L\.C\.|Inc\.|Ltd\.)", text)
    return f"{name}, {match.group(1)}" if match is not None else name


_INSTRUMENT_NAME = re.compile(r"\b(?:Plan|Agreement|Amendment)$")
_RELATED = r"(?:Affiliates|Associates|Subsidiaries|affiliates|associates|subsidiaries)"
_RELATED_ONLY = re.compile(rf"{_RELATED}(?:{_W}(?:and|or|and/or){_W}{_RELATED})*")
_OWNER_OF_RELATED = re.compile(
    rf"(?P<name>{_NAME})(?<!and)(?<!or),?{_W}(?:and|or){_W}(?:any{_W}of{_W}|all{_W}of{_W})?"
    rf"(?:its|their|his|her){_W}$"
)
_LIST_LETTER = re.compile(r"(?P<letter>[A-Z])\.[ \t\n]+(?=[A-Z][a-z])")


def _without_list_letter(text: str, at: int, name: str) -> str:
    """``"B. First Bank System, Inc."`` -> ``"First Bank System, Inc."`` in a lettered list.

    A recital's letter is read as one when the letter before it opens an item shortly before
    ("RECITALS A. The Company ... B. First Bank ..."); "B. Riley" alone keeps its initial.
    """
    letter = _LIST_LETTER.match(name)
    if letter is None:
        return name
    previous = chr(ord(letter["letter"]) - 1)
    opens = re.compile(rf"(?:^|[\s.;:)])(?:{previous}\.)[ \t\n]+[A-Z]") if previous >= "A" else None
    if opens is None or opens.search(text, max(0, at - 3000), at) is None:
        return name
    return name[letter.end() :]


def _names(
    filing: Filing, regions: Iterable[tuple[Document, Authority, int, int]]
) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    text = filing.text
    names: dict[str, str] = {}
    groups: dict[str, tuple[str, ...]] = {}
    for _, _, start, end in regions:
        for match in _DEFINED.finditer(text, start, end):
            full = _without_list_letter(text, match.start("name"), " ".join(match["name"].split()))
            if _INSTRUMENT_NAME.search(full):
                continue  # 'a Stockholder Rights Plan ("NOL Rights Plan")': a plan, not a party
            if _RELATED_ONLY.fullmatch(full):
                # "WMS Industries Inc. and any of its Affiliates and Associates ("WMS")": the
                # short name is the entity's, with its affiliates; never "Affiliates and Associates"
                owner = _OWNER_OF_RELATED.search(
                    text, max(start, match.start() - 200), match.start()
                )
                if owner is None:
                    continue
                full = " ".join(owner["name"].split())
            short = " ".join(match["short"].split())
            if full.split()[0].lower() in _STOP_NAMES and " and " in full:
                # "between the Company and Acme Holdings Limited, a company ... (the
                # "Investor")": the party after "and" is the one defined
                full = full.rsplit(" and ", 1)[1]
            if short.lower() in ("company", "rights") or (
                full.split()[0].lower() in _STOP_NAMES
                and not (full.split()[0] == "The" and _ENTITY_NAME.fullmatch(full))
            ):
                continue  # but "The M.A. Xxxxx Company, a Delaware corporation ("Xxxxx")"
            if len(names) < _MAX_NAMES:
                names.setdefault(short.casefold(), full)
                names.setdefault(full.casefold(), full)
        for match in _GROUP_TOGETHER.finditer(text, start, end):
            first = names.get(" ".join(match["short"].split()).casefold())
            second = names.get(" ".join(match["other"].split()).casefold(), match["other"])
            if first is None:
                continue
            members = tuple(_expand_suffix(text, n) for n in (first, " ".join(second.split())))
            if len(groups) < _MAX_NAMES:
                groups.setdefault(" ".join(match["group"].split()), members)
        for match in _GROUP_COLLECTIVELY.finditer(text, start, end):
            parts = re.split(rf",?{_W}and{_W}|,{_W}", match["list"])
            members = tuple(" ".join(p.split()) for p in parts if p.strip())
            if len(groups) < _MAX_NAMES:
                groups.setdefault(" ".join(match["group"].split()), members)
    return names, groups


def _comparison(
    text: str, mention: PercentMention, floor: int, ceiling: int, *, after: int | None = None
) -> tuple[Comparison | None, str | None, int, int]:
    """The comparison written around a percentage, the words, and the span including them.

    ``after`` is where the words after the number start, when a parenthesis intervenes
    ("15 percent (or 20 percent in the case of ...) or more").
    """
    before = text[max(floor, mention.start - 40) : mention.start]
    tail = mention.end if after is None else after
    following = text[tail : min(ceiling, tail + 20)]
    least = _AT_LEAST.search(before)
    if least is not None:
        words = " ".join(least.group().split())
        return Comparison.AT_LEAST, words, mention.start - len(before) + least.start(), mention.end
    more = _MORE.search(before)
    if more is not None:
        words = " ".join(more.group().split())
        return Comparison.MORE_THAN, words, mention.start - len(before) + more.start(), mention.end
    upto = _UP_TO.search(before)
    if upto is not None:
        return (
            Comparison.MORE_THAN,
            "up to",
            mention.start - len(before) + upto.start(),
            mention.end,
        )
    ormore = _OR_MORE.match(following)
    if ormore is not None:
        return Comparison.AT_LEAST, "or more", mention.start, tail + ormore.end()
    less = _LESS_THAN.search(before)
    if less is not None:
        # "to permit a Passive Institutional Investor to ... own less than 17.5% ... without
        # becoming an Acquiring Person": what is permitted ends where reaching the number starts
        return (
            Comparison.AT_LEAST,
            "less than",
            mention.start - len(before) + less.start(),
            mention.end,
        )
    return None, None, mention.start, mention.end


def _stated_comparisons(
    text: str, sentences: Iterable[tuple[int, int, Authority]]
) -> dict[Fraction, tuple[Comparison, bool]]:
    """Each percentage the text writes with a comparison, and the first comparison it writes.

    A grandfathering clause's numbers are the grandfathered holders' levels ("Stockholders
    owning five percent or more ... are grandfathered"), not a threshold's: counted only for a
    number no other sentence gives a comparison, and marked (true) as read from such a clause.
    """
    out: dict[Fraction, Comparison] = {}
    # A grandfathering clause's numbers count only where no other sentence gives one: "any
    # Person [that] had already become the Beneficial Owner of 10% or more (but not 15% or
    # more)" states the new threshold's comparison in an amendment that only swaps numbers.
    clauses: dict[Fraction, Comparison] = {}
    for start, end, _ in sentences:  # sentence by sentence, as everything else is read
        grandfather = _GRANDFATHER.search(text, start, end)
        clause = end if grandfather is None else _clause_start(grandfather, start)
        for mention in find_percents(text, start, end):
            into = out if mention.start < clause else clauses
            if mention.value not in into:
                comparison, _, _, _ = _comparison(text, mention, start, end)
                if comparison is not None:
                    into[mention.value] = comparison
    return {
        **{value: (comparison, True) for value, comparison in clauses.items()},
        **{value: (comparison, False) for value, comparison in out.items()},
    }


def _dates_outside_dated(text: str, start: int, end: int) -> list[tuple[int, int, pendulum.Date]]:
    """Dates in ``text[start:end]`` that are not an instrument's "dated as of" date."""
    return [
        (s, e, day)
        for s, e, day in _text.find_dates(text, start, end)
        if _DATED_BEFORE.search(text, max(start, s - 20), s) is None
    ]


def _amendment_number(match: re.Match[str]) -> int:
    if match.groupdict().get("number") is not None:
        return int(match["number"])
    if match.groupdict().get("word") is not None:
        return _NUMBER_WORDS[match["word"].lower()]
    return _ORDINALS[match["ordinal"].lower()]


# --- the drafting -------------------------------------------------------------------------------

# A letter's subject line, then its salutation: "Re: Amendment to Rights Agreement /
# Gentlemen:", "Re: | Amendment No. 1 to ... Rights Agreement ... / Ladies and Gentlemen:".
# The subject may be underlined by a rule ("Re: Amendment No. 1" / "-----" / "Dear ..."), or
# stand without a salutation when it names the agreement the letter amends.
# The blanks after "Re:" are taken whole (*+): a subject never starts with one that the
# same match could have skipped, and giving them back made a long run cubic to search.
_LETTER = re.compile(
    r"\bRe:[ \t|\n]*+(?P<subject>[^\n]{0,400}?)[ \t|\n]*(?:-{3,}[ \t|\n]*)?"
    r"(?:(?:Ladies[ \t]+and[ \t]+Gentlemen|Gentlemen|Dear[ \t]+[A-Z][^\n:,]{0,60})[:,]|"
    r"(?<=(?i:rights agreement))(?=[ \t]*\n))"
)
_LETTER_TOP = 3000
"""How far into a document a letter's subject line is looked for."""


@attrs.define
class _Amendment:
    """A mutable working record while a filing is read (never leaves this module)."""

    number: Found[int] | None = None
    authorized: Found[pendulum.Date] | None = None
    executed: Found[pendulum.Date] | None = None
    changes: list[DraftChange] = attrs.field(factory=list)
    current: bool = False
    title: str | None = None


def draft_filing(filing: Filing) -> FilingDraft:
    """Draft what ``filing`` says about its company's rights plan.

    Every document is read, whatever its kind (:func:`~rightsplan.edgar.document_kind`
    names it); one that reports no rights-plan event gets a draft whose ``event.kind`` is
    :attr:`~rightsplan.edgar.EventKind.NONE` and whose notes say so.

    >>> from rightsplan.edgar.filing import read_filing
    >>> draft = draft_filing(read_filing("tests/data/filings/seed_004.txt"))
    >>> [(a.number.value, a.authorized.value.isoformat(), a.executed.value.isoformat())
    ...  for a in draft.amendments if a.current]
    [(3, '2003-11-21', '2003-11-24')]
    """
    document = document_kind(filing)
    if len(filing.documents) == 1 and not filing.main.type:
        # A document read on its own: its kind names it in the evidence ("EX-4 amendment").
        main = attrs.evolve(filing.main, type=document.kind.value)
        filing = attrs.evolve(filing, documents=(main,))
    event = classify(filing, document=document.kind)
    company = _company(filing)
    base = FilingDraft(
        filing=filing.name,
        form=filing.form,
        date=filing.date,
        event=event,
        document=document,
        company=company,
        file_number=filing.registrant.file_number,
    )
    if event.kind is EventKind.NONE:
        draft = attrs.evolve(base, notes=(f"no rights-plan event found: {event.reason}",))
        if event.start is not None:
            draft = _terms_without_event(filing, document.kind, company, draft)
    else:
        regions = _regions(filing)
        names, groups = _names(filing, regions)
        context = _Context(filing, regions, names, groups)
        reader = _Reader(context, event, document.kind)
        reader.company = company.value if company is not None else None
        reader.read()
        draft = reader.result(base)
    if filing.removed_note is None:
        return draft
    return attrs.evolve(draft, notes=(*draft.notes, filing.removed_note))


_NOTES = (DocumentKind.QUARTERLY_NOTE, DocumentKind.ANNUAL_NOTE)
_STATED_TERMS = (SetThreshold, SetPassiveTier, AddException, AddExemptPerson, SetGrandfathering)


def _terms_without_event(
    filing: Filing, kind: DocumentKind, company: Found[str] | None, draft: FilingDraft
) -> FilingDraft:
    """The plan's own terms a text states when it reports no event on the plan.

    A description of registered securities, an 8-K's summary of the agreement cut from its
    report, a note: the agreement's date and rights agent and its thresholds, read as an
    adoption's terms would be; nothing the text would have to report as an event (an
    amendment, an expiry) is kept.
    """
    regions = _regions(filing)
    names, groups = _names(filing, regions)
    context = _Context(filing, regions, names, groups)
    stand_in = attrs.evolve(draft.event, kind=EventKind.ADOPTION)
    reader = _Reader(context, stand_in, kind)
    reader.company = company.value if company is not None else None
    reader.read()
    read = reader.result(draft)
    note = "no event is reported; the terms drafted are the plan's as the text states them"
    return attrs.evolve(
        draft,
        agreement_date=read.agreement_date,
        rights_agent=read.rights_agent,
        provisions=tuple(p for p in read.provisions if isinstance(p.change, _STATED_TERMS)),
        # Earlier amendments a note recites by date ("as amended on April 13, 2017 and June 29,
        # 2017"): a note tells the plan's history; a description of securities, its terms now.
        amendments=tuple(
            a for a in read.amendments if kind in _NOTES and not a.current and not a.changes
        ),
        notes=(*draft.notes, note),
    )


_KEEP_UPPER = re.compile(r"[A-Z]{1,3}|(?:[A-Z]\.){1,3}|[A-Z](?:-[A-Z])+|L\.L\.C\.|LLC|N\.A\.|PLC")
_SMALL_WORDS = frozenset({"of", "and", "the", "de", "la", "for"})
# A three-letter word in capitals that is spoken as a word, not spelled as initials: two vowels
# of three letters ("BAY", "AID", "ECO"); initials rarely hold more than one ("CTI", "MDS").
_SPOKEN = re.compile(r"(?=(?:[^AEIOUY]*[AEIOUY]){2})[A-Z]{3}")


def _title_case(name: str, text: str = "", seen: dict[str, str | None] | None = None) -> str:
    """A name written in capitals, as ordinary text would write it.

    ``"YOUBET.COM, INC."`` -> ``"Youbet.com, Inc."``; acronyms ("US", "R-M", "LLC", "N.A.")
    stay in capitals, unless ``text`` writes the word in ordinary case elsewhere ("New" in "New
    York" makes "OF NEW YORK" "of New York").
    """
    words = name.split()
    out = []
    for index, word in enumerate(words):
        core = word.rstrip(",")
        tail = word[len(core) :]
        written = (
            _written_word(text, core, {} if seen is None else seen)
            if text and core.isalpha()
            else None
        )
        if written is not None and index and core.lower() not in _SMALL_WORDS:
            out.append(written + tail)
        elif (
            _KEEP_UPPER.fullmatch(core)
            and core not in ("CO.", "INC", "THE", "AND", "OF")
            and not _SPOKEN.fullmatch(core)
        ):
            out.append(word)
        elif index and core.lower() in _SMALL_WORDS:
            out.append(core.lower() + tail)
        else:  # each part of a hyphened word: "KNIGHT-RIDDER" is "Knight-Ridder"
            out.append("-".join(part[:1].upper() + part[1:].lower() for part in core.split("-")))
            out[-1] += tail
    return " ".join(out)


def _shown_name(
    text: str, name: str, after: int, seen: dict[str, str | None] | None = None
) -> tuple[str, bool]:
    """A name as the text writes it in ordinary case, if it does; else title-cased from capitals.

    Returns the name and whether it was found so written.
    """
    if not name.isupper():
        return name, True
    lowered = text.lower()
    needle = name.lower()
    # At most _WORD_TRIES occurrences each way: a text repeating a name in capitals thousands
    # of times is not searched thousands of times per name.
    for begin, stop in ((after, len(text)), (0, after)):
        position = lowered.find(needle, begin, stop + len(needle))
        for _ in range(_WORD_TRIES):
            if position < 0:
                break
            candidate = text[position : position + len(name)]
            if not candidate.isupper():
                return candidate, True
            position = lowered.find(needle, position + 1, stop + len(needle))
    return _title_case(name, text, seen), False


_WORD_TRIES = 50
"""Occurrences of a word looked at for the way the text writes it in ordinary case."""
_MAX_WORDS_SEEN = 200
"""Words whose written form is remembered per text (names have a few words each)."""


def _written_word(text: str, word: str, seen: dict[str, str | None]) -> str | None:
    """How ``text`` writes ``word`` capitalised, not in capitals ("New" for "NEW"), if it does."""
    if word in seen:  # once per word and text: reading stays linear
        return seen[word]
    pattern = re.compile(rf"(?<![\w.&'’-]){re.escape(word)}(?![\w&'’-])", re.IGNORECASE)
    found = None
    for tries, match in enumerate(pattern.finditer(text)):
        if tries >= _WORD_TRIES:
            break
        if not match.group().isupper() and match.group()[:1].isupper():
            found = match.group()  # a name's word as a name is written: "New", not "new"
            break
    if len(seen) < _MAX_WORDS_SEEN:
        seen[word] = found
    return found


def _company(filing: Filing) -> Found[str] | None:
    """The company: the registrant on a cover page, or else as the text introduces it.

    :func:`~rightsplan.edgar._company.find_company` says where and how it was found.
    """
    found = find_company(filing)
    if found is None:
        return None
    text = filing.text
    shown, in_text = _shown_name(text, found.name, found.end)
    document = filing.document_at(found.start)
    return Found(
        " ".join(shown.split()),
        Evidence(
            filing.name,
            document.type,
            Authority.REPORT,
            found.start,
            found.end,
            text[found.start : found.end],
        ),
        0.95 if in_text else 0.8,
        None if in_text else f"{found.how}, written in capitals in the text: the case is a guess",
    )


@attrs.frozen
class _Flags:
    """What one sentence is about."""

    changing: bool
    holder: tuple[str, tuple[str, ...]] | None
    exception: bool
    passive: bool
    as_described: bool
    previous: bool
    about_plan: bool
    named: tuple[str, tuple[str, ...]] | None = None
    """A holder named with an entity's suffix before "shall not be deemed an Acquiring Person"."""


_NO_FLAGS = _Flags(False, None, False, False, False, False, False)
_CHANGING = re.compile(r"\b(?:amend|lower|reduc|increas|rais|chang|decreas|replac)\w{0,12}\b")
_EXCEPTION = re.compile(
    r"not be deemed|shall not be|will not be|not constitute|exception|exempt|permit|"
    r"without triggering|"
    r"without becoming|without being deemed|in no event shall|"
    # "X ("Investor") is not, nor shall Investor ... be deemed to be, an Acquiring Person for so
    # long as ...": the same exception, the negation carried by "nor"
    r"\bnor\b[^.;]{0,100}\bbe\s+deemed|"
    r"\bexclud\w{0,3}\s[^.;]{0,100}\bfrom\s+the\s+definition\s+of|"
    # "will not result in FMR becoming an "Acquiring Person" ... so long as"
    r"\bnot\s+result\s+in\s[^.;]{0,80}\bbecoming\s+an?\s+\W?acquiring\s+person"
)
_PASSIVE = re.compile(
    r"without any intention of changing or influencing control|ceases to hold|passive|"
    r"schedule 13g"
)
_AS_DESCRIBED = re.compile(r"preceding paragraph|described above")
_PREVIOUS = re.compile(r"previous|prior|\bhad\b")
_ABOUT_PLAN = re.compile(
    r"acquiring person|beneficial own|trigger|threshold|rights agreement|rights plan|"
    r"exercisable|\b(?:person|group|stockholder|shareholder|entity|investor)s?\b[^.;]{0,80}"
    r"\b(?:acquir|obtain)|"
    # "each reference to "4.99%" in the Agreement ... replaced with "9.99%"": an amendment
    # that changes a percentage wherever the agreement states it changes the plan's line.
    r"\b(?:each|every|all)[ \t\n]+(?:references?|instances?|occurrences?)[ \t\n]+(?:to|of)"
    r"[ \t\n]+[\"“]?\d{1,2}(?:\.\d{1,3})?[ \t\n]*(?:%|percent)"
)


class _Reader:
    """Reads a filing's sentences once, gathering what the draft needs."""

    def __init__(self, context: _Context, event: Classification, document: DocumentKind) -> None:
        self.context = context
        self.document = document
        self.text = context.filing.text
        self.event = event
        self.sentences = _sentences(context)
        self.amendments: dict[int | None, _Amendment] = {}
        self.current_number: int | None = None
        self.agreement_dates: list[Found[pendulum.Date]] = []
        self.agreement_ranks: list[int] = []
        self.ambiguous: list[tuple[int | None, Found[pendulum.Date]]] = []
        self._stated: dict[Fraction, tuple[Comparison, bool]] | None = None
        self._recited_expiries: list[tuple[_Amendment, DraftChange]] = []
        self._chains: list[tuple[int, int]] = []
        """The spans of "as amended on X and Y" chains: earlier amendments' dates."""
        self._appointed: dict[int | None, list[str]] = {}
        self._conformed: tuple[tuple[pendulum.Date, int, int], ...] | None = None
        """The agreement's date a conformed preamble gives, with its span (once per filing)."""
        """The agents appointed so far, by amendment (casefolded names)."""
        # Where thresholds read from a recital's purpose start (see _recited_threshold).
        self._recital_terms: set[int] = set()
        # The sentence before exempted holders over the line (see _EXEMPTS_OWNERS).
        self._exempted_owners = False
        """How directly each agreement date is stated (:data:`_DATE_RANKS`), index for index."""
        self._terms: dict[str, Comparison | None] = {}
        """How the text compares with each defined term that names a threshold, once each."""
        self.agents: list[Found[str]] = []
        self.original_agents: list[Found[str]] = []
        self.amendment_agents: list[Found[str]] = []
        # successors the text names as serving ("X, as successor Rights Agent", "the Company has
        # appointed X as the successor Rights Agent"): later than the agreement's first party
        self.serving_agents: list[Found[str]] = []
        """An amendment's other party: the agent, when the text names no other."""
        """The agent the agreement was made with, as a later instrument recites it (the
        resigning one, the one succeeded): preferred to the agent now serving."""
        self.recited: dict[pendulum.Date, Found[pendulum.Date]] = {}
        """Earlier amendments an "as amended on X and Y" chain recites without numbers."""
        self.defined_successor: str | None = None
        """The agent an amendment defines as "the Successor Rights Agent"."""
        self.provisions: list[DraftChange] = []
        self.stated_expiry: list[DraftChange] = []
        """The agreement's expiry as a report of another event states it (a candidate)."""
        self.holdings: list[DraftHolding] = []
        self.notes: list[str] = []
        self._flag_cache: tuple[tuple[int, int], _Flags] = ((-1, -1), _NO_FLAGS)
        self._short_names: dict[str, bool] = {}
        self._scheduled_expiry: set[int] = set()
        """Where an expiry the plan "was scheduled" (or "were") to have is stated."""
        self._was_scheduled: set[int] = set()
        """Where any expiry "was scheduled" (a term before the event) is stated."""
        self.claimed_dates: set[int] = set()
        """Where dates start that are the agreement's, not the instrument's."""
        self._words_seen: dict[str, str | None] = {}
        """How the text writes each word of a name given in capitals (see _title_case)."""
        self.instructions: list[tuple[int, int, int, Authority]] = []
        """Each operative instruction with new words after it: (start, colon, end of the new
        words, authority)."""
        self.company: str | None = None
        """The company's name, never drafted as one of its own plan's holders."""

    # the instrument -------------------------------------------------------------------

    def _find_current_number(self) -> None:
        verbs = re.compile(
            r"\b(?:authorized|approved|executed|enter(?:ed|ing)[ \t\n]+into|adopted|This)\b"
            r"[^.;]{0,40}$",
            re.IGNORECASE,
        )
        if self.document is DocumentKind.AMENDMENT:
            # An instrument's title names it: "AMENDMENT No. 5 to the Rights Agreement" at a
            # line's start near the top, before the preamble recites the earlier ones.
            for _, _, start, end in self.context.documents:
                stop = min(end, start + 400)
                for match in _AMENDMENT_REF.finditer(self.text, start, stop):
                    if self.text[
                        _text.line_start(self.text, match.start()) : match.start()
                    ].strip():
                        continue
                    self.current_number = _amendment_number(match)
                    self._amendment(self.current_number, current=True).number = Found(
                        self.current_number, self.context.evidence(match.start(), match.end()), 0.95
                    )
                    return
        for start, end, authority in self.sentences:
            if _RECITAL.match(self.text[start : min(end, start + 40)].lower()):
                continue  # "WHEREAS, on X, ... entered into Amendment No. 1": the history recited
            for match in _AMENDMENT_REF.finditer(self.text, start, end):
                if verbs.search(self.text, max(start, match.start() - 60), match.start()):
                    self.current_number = _amendment_number(match)
                    self._amendment(self.current_number, current=True).number = Found(
                        self.current_number,
                        self.context.evidence(match.start(), match.end()),
                        0.9 * _AUTHORITY_FACTOR[authority],
                    )
                    return
        for _, authority, start, end in self.context.documents:
            if authority is Authority.AGREEMENT:
                title = _AMENDMENT_REF.search(self.text, start, min(end, start + 400))
                if title is not None:
                    match = title
                    self.current_number = _amendment_number(match)
                    self._amendment(self.current_number, current=True).number = Found(
                        self.current_number, self.context.evidence(match.start(), match.end()), 0.95
                    )
                    return

    def _letter(self) -> None:
        """An amendment made as a letter to the rights agent: its subject line and its date.

        "May 7, 2004 / First Bank / ... / Re: Amendment No. 1 to Rights Agreement / Ladies and
        Gentlemen:": the subject names the instrument; the date above the addressee is the
        day the company signed it.
        """
        if self.document is not DocumentKind.AMENDMENT:
            return
        for _, _, start, end in self.context.documents:
            letter = _LETTER.search(self.text, start, min(end, start + _LETTER_TOP))
            if letter is None:
                continue
            ref = _AMENDMENT_REF.search(self.text, letter.start("subject"), letter.end("subject"))
            if ref is not None and self.current_number is None:
                self.current_number = _amendment_number(ref)
                self._amendment(self.current_number, current=True).number = Found(
                    self.current_number, self.context.evidence(ref.start(), ref.end()), 0.85
                )
            dates = list(_text.find_dates(self.text, start, letter.start()))
            record = self._amendment(self.current_number, current=True)
            if dates and record.executed is None:
                s, e, day = dates[-1]
                record.executed = Found(
                    day,
                    self.context.evidence(s, e),
                    0.75,
                    "the date of the letter that makes the amendment",
                )
            return

    def _amendment(self, number: int | None, *, current: bool = False) -> _Amendment:
        record = self.amendments.get(number)
        if record is None:
            record = self.amendments[number] = _Amendment(current=current)
        record.current = record.current or current
        return record

    def read(self) -> None:
        """Read every sentence of the documents that matter."""
        self._find_current_number()
        self._letter()
        if self.event.kind is EventKind.REDEMPTION:
            self._amendment(None, current=True).title = "Redemption of the Rights"
        elif self.event.kind in (EventKind.AMENDMENT, EventKind.TERMINATION) and (
            self.current_number is None
        ):
            self._amendment(None, current=True).title = "Amendment to the Rights Agreement"
        self._title_date()
        self._conformed_date()
        self._title_agent()
        self._find_instructions()
        for start, end, authority in self.sentences:
            self._sentence(start, end, authority)
        self._listed_amendment()
        for record, recited in self._recited_expiries:
            if not any(isinstance(c.change, SetExpiration) for c in record.changes):
                record.changes.append(recited)
        self._unread_instructions()
        self._prior_dates()

    def _listed_amendment(self) -> None:
        """A report's exhibit list naming the amendment and its date, when nothing else dates it.

        "EX-4.1 - AMENDMENT DATED DECEMBER 14, 2009 TO RIGHTS AGREEMENT DATED AS OF NOVEMBER 25,
        2008", above a report's items or in its exhibit index: the instrument reported.
        """
        if self.event.kind is not EventKind.AMENDMENT or self.document in (
            DocumentKind.AGREEMENT,
            DocumentKind.AMENDMENT,
        ):
            return
        record = self._amendment(self.current_number, current=True)
        if record.executed is not None:
            return
        match = _LISTED_AMENDMENT.search(self.text)
        day = _text.parse_date(match) if match is not None else None
        if match is not None and day is not None:
            record.executed = Found(
                day,
                self.context.evidence(match.start(), match.end()),
                0.7,
                "the amendment an exhibit list names, and its date",
            )

    def _find_instructions(self) -> None:
        """Where an amendment's operative instructions put their new words (:data:`_NEW_TEXT`)."""
        if self.event.kind not in (EventKind.AMENDMENT, EventKind.TERMINATION):
            return
        for _, authority, start, end in self.context.documents:
            for match in _NEW_TEXT.finditer(self.text, start, end):
                if len(self.instructions) >= _MAX_NAMES:
                    return
                sentence = _text.line_start(self.text, match.start())
                if _RECITAL.match(self.text[sentence : match.start()].lower()):
                    continue
                stop = min(end, match.end() + _NEW_TEXT_REACH)
                following = _NEXT_INSTRUCTION.search(self.text, match.end(), stop)
                if following is not None:
                    # The next instruction's subject ("(a) The definition of ... in Section 1")
                    # is not new words: they end where the last sentence before it ends.
                    stop = _last_sentence_end(self.text, match.end(), following.start())
                begin = max(sentence, match.start() - 200)
                if len("".join(self.text[match.end() : stop].split())) < _LEAST_NEW_TEXT:
                    # Cut off, or only a heading: no new words to read. What the instruction
                    # changes is still said when it names a part of the plan.
                    stop = match.end()
                self.instructions.append((begin, match.end(), stop, authority))

    def _in_new_text(self, start: int, end: int) -> bool:
        """Whether a sentence holds an instruction's new words (the amendment's own terms)."""
        return any(
            colon <= start < stop or (start <= colon < end and stop > colon)
            for _, colon, stop, _ in self.instructions
        )

    def _changing(self, start: int, end: int, low: str) -> bool:
        """Whether a sentence changes the plan: by its words, or as an instruction's new words."""
        if self.event.kind is EventKind.ADOPTION:
            return False
        return bool(_CHANGING.search(low)) or self._in_new_text(start, end)

    def _unread_instructions(self) -> None:
        """An instruction whose new words drafted no modelled change: an other change.

        "The introductory paragraph of the Agreement is hereby amended as follows:" followed by
        words the reader does not model: kept so the amendment's history is complete.
        """
        if self.event.kind is not EventKind.AMENDMENT:
            return
        drafted = [
            c.evidence.start
            for record in self.amendments.values()
            for c in record.changes
            if not isinstance(c.change, OtherChange)
        ] + [c.evidence.start for c in self.provisions]
        for start, colon, stop, authority in self.instructions:
            if any(start <= at < stop for at in drafted):
                continue
            begin = self.text.rfind(".", start, colon - 1) + 1 or start
            subject = self.text[begin:colon]
            if stop == colon and not _PART_OF_PLAN.search(subject):
                # New words cut off, of no named part of the plan ("Items 1 and 2 of the Form
                # 8-A ... are hereby further amended to read in their entirety as follows:").
                # (Cut off after a part of the plan, a term the reader models among them, the
                # instruction still says that part was changed: an other change, its new words
                # for a reviewer to read in the instrument.)
                continue
            evidence = self.context.evidence(_SPACES.match(self.text, begin).end(), colon)  # type: ignore[union-attr]
            words = " ".join(evidence.quote.split())
            record = self._amendment(self.current_number, current=True)
            if re.search(r"\bappointment\b", subject, re.IGNORECASE) and any(
                isinstance(c.change, AppointRightsAgent) for c in record.changes
            ):
                continue  # "amended to ... reflect the appointment of X as Rights Agent": drafted
            if any(
                isinstance(c.change, OtherChange) and c.evidence.start <= colon < c.evidence.end + 1
                for c in record.changes
            ):
                continue
            record.changes.append(
                DraftChange(
                    OtherChange(description=words, quote=words),
                    evidence,
                    0.7 * _AUTHORITY_FACTOR[authority],
                )
            )

    def _sentence(self, start: int, end: int, authority: Authority) -> None:
        text = self.text
        low = " ".join(text[start:end].split()).lower()
        refs = [(_amendment_number(m), m) for m in _AMENDMENT_REF.finditer(text, start, end)]
        factor = _AUTHORITY_FACTOR[authority]
        self._own_dates(start, end, low, refs, factor)
        for match in (
            *_AGENT.finditer(text, start, end),
            *_AGENT_WITH.finditer(text, start, end),
            *AGENT_AS_PARTY.finditer(text, start, end),
        ):
            if match.re is AGENT_AS_PARTY and _AMENDMENT_TO_BEFORE.search(
                text, max(start, match.start() - 30), match.start()
            ):
                # "Second Amendment to Rights Agreement ..., by and between the Company and X":
                # the amendment's party, the agreement's agent only if no other is named
                before = len(self.agents)
                self._add_agent(match, 0.85 * factor)
                self.amendment_agents.extend(self.agents[before:])
                del self.agents[before:]
                continue
            self._add_agent(match, 0.85 * factor)
        self._agents_in_change(start, end, factor)
        self._amended_chain(start, end, factor)
        self._instrument_dates(start, end, low, refs, factor)
        drafted = self._count_changes()
        self._successor(start, end, low, refs, authority)
        self._holdings(start, end, authority)
        self._percents(start, end, low, refs, authority)
        self._expiration(start, end, low, authority, refs)
        self._redemption(start, end, low, authority)
        self._termination(start, end, low, authority)
        self._exclusion(start, end, low, authority)
        if self._count_changes() == drafted:
            self._other_change(start, end, low, authority)
        else:
            self._price_change(start, end, low, authority)

    def _price_change(self, start: int, end: int, low: str, authority: Authority) -> None:
        """A change of the rights' price beside a modelled change in one sentence.

        "extends the expiration date ... and changes the purchase price from $36.00 to $72.00":
        the price is a term rightsplan does not model, an other change of its own.
        """
        if self.event.kind is not EventKind.AMENDMENT or _RECITAL.match(low) or "$" not in low:
            return
        match = _PRICE_CHANGE.search(self.text, start, end)
        if match is None:
            return
        record = self._amendment(self.current_number, current=True)
        if any(
            isinstance(c.change, OtherChange) and c.evidence.start <= match.start() < c.evidence.end
            for c in record.changes[-3:]  # the sentence's own, drafted just now
        ):
            return
        evidence = self.context.evidence(match.start(), match.end())
        words = " ".join(evidence.quote.split())
        record.changes.append(
            DraftChange(
                OtherChange(description=words, quote=words),
                evidence,
                0.7 * _AUTHORITY_FACTOR[authority],
            )
        )

    def _exclusion(self, start: int, end: int, low: str, authority: Authority) -> None:
        """A named holder excluded without a percentage: an Exempt Person.

        "X Corporation ... shall not be deemed an Acquiring Person", '"Exempt Person" shall
        mean ... X Corporation', "X Corporation shall be an Exempt Person"; with a percentage
        in the sentence it is an exception instead, read with the percentages, unless the
        definition lists it among those it "shall not include" ("(v) Dr. Richard B. Mazess").
        """
        purpose = _AMENDED_TO_EXCLUDE.search(self.text, start, end) or _ADDED_TO_EXEMPT.search(
            self.text, start, end
        )
        if purpose is not None:
            # The purpose a recital gives the amendment is its effect: "desires to amend the
            # Plan to provide that the Investor and its Affiliates will be excluded from the
            # definition of "Acquiring Person"" (a short name read as the name it stands for).
            name = " ".join(purpose["name"].split())
            name = self.context.names.get(name.casefold(), name)
            self._add_exempt([(name, purpose.start(), purpose.end())], authority)
            return
        parties = _PARTIES_EXEMPT.search(self.text, start, end)
        if parties is not None:
            listed = parties["list"] or parties["list2"]
            self._add_exempt(
                [(name, parties.start(), parties.end()) for name in _listed_parties(listed)],
                authority,
            )
            return
        if _RECITAL.match(low):
            return
        if "%" in low or "percent" in low:
            # A definition's list of who is never an Acquiring Person names a holder among
            # the generic ones, whatever the threshold beside it: '"Acquiring Person" shall
            # mean any Person who ... 20% or more ..., but shall not include (i) the Company,
            # ..., or (v) Dr. Richard B. Mazess, any Affiliate of Dr. Richard B. Mazess'.
            named = self._listed_exclusions(start, end) if "acquiring person" in low else []
            self._add_exempt(named, authority)
            return
        matches: list[re.Match[str]] = []
        if "acquiring person" in low:
            match = (
                _EXCLUDED.search(self.text, start, end)
                or _NOT_INCLUDE.search(self.text, start, end)
                or _EXEMPTS.search(self.text, start, end)
                or _WAIVED_FOR.search(self.text, start, end)
            )
            matches += [match] if match is not None else []
        if "exempt person" in low and not matches:
            defined = _EXEMPT_DEFINED.search(self.text, start, end)
            if defined is not None:
                matches += list(_ENTITY_NAME.finditer(self.text, defined.end(), end))
            match = _EXEMPT_NAMED.search(self.text, start, end)
            if match is not None and _STATUS_OF.search(
                self.text, max(start, match.start() - 40), match.start()
            ):
                match = None  # "the status of X as Exempt Persons shall not be affected": held
            matches += [match] if match is not None and defined is None else []
        named = [(" ".join(m["name"].split()), m.start(), m.end()) for m in matches]
        if "acquiring person" in low and not named:
            named = self._neither_nor(start, end)
        if "acquiring person" in low and not named:
            named = self._short_name_excluded(start, end)
        waiver = any(m.re is _WAIVED_FOR for m in matches)
        self._add_exempt(named, authority, waiver=waiver)

    def _short_name_excluded(self, start: int, end: int) -> list[tuple[str, int, int]]:
        """A party named by its defined short name, then "shall not be deemed ... Acquiring Person".

        'Xxxxx Fargo shall not be deemed to be an Acquiring Person solely by virtue of ...',
        where the text defines 'Xxxxx Fargo & Company ("Xxxxx Fargo")'.
        """
        verb = _NOT_DEEMED.search(self.text, start, end)
        if verb is None:
            return []
        floor = max(start, verb.start() - 200)
        found: list[tuple[str, int, int]] = []
        for match in re.finditer(_CAPITALISED_NAME, self.text[floor : verb.start()]):
            name = " ".join(match.group().split())
            if name.casefold() in self.context.names and name.casefold() != "company":
                found = [(name, floor + match.start(), verb.end())]
        return found

    def _listed_exclusions(self, start: int, end: int) -> list[tuple[str, int, int]]:
        """The named items of a 'shall not include (i) ..., (ii) ...' list (never 'the Company')."""
        clause = _SHALL_NOT_INCLUDE.search(self.text, start, end)
        if clause is None:
            return []
        return [
            (" ".join(m["name"].split()), m.start("name"), m.end("name"))
            for m in _LISTED_NAME.finditer(self.text, clause.end(), end)
        ][:_MAX_NAMES]

    def _add_exempt(
        self, named: list[tuple[str, int, int]], authority: Authority, *, waiver: bool = False
    ) -> None:
        """Named holders made Exempt Persons: the agreement's, or (a waiver too) a change's."""
        company = " ".join((self.company or "").split()).casefold()
        for name, at, stop in named[:_MAX_NAMES]:
            first = name.split()[0]
            if name.casefold() == company or (
                first.lower() in _NOT_A_HOLDER
                and not (first == "The" and _ENTITY_NAME.fullmatch(name))
            ):
                continue  # "The Board", "Such Person"; but "The M.A. Xxxxx Company" is a name
            evidence = self.context.evidence(at, stop)
            change = AddExemptPerson(
                name=name,
                quote=" ".join(evidence.quote.split()),
                note="named as never an Acquiring Person; check any conditions the clause sets",
            )
            drafted = DraftChange(change, evidence, 0.7 * _AUTHORITY_FACTOR[authority])
            if self.event.kind is EventKind.ADOPTION and not waiver:
                self.provisions.append(drafted)
            else:
                self._amendment(self.current_number, current=True).changes.append(drafted)

    def _neither_nor(self, start: int, end: int) -> list[tuple[str, int, int]]:
        """The parties a clause excludes one by one ("neither Newco, Xxxxx nor any ...").

        "neither Newco, Xxxxx nor any Affiliate of either Newco or Xxxxx shall be deemed to be
        an Acquiring Person": each listed party counts when the text defines it (a short name
        it gives in quotes, resolved to the full name it stands for) or names it with an
        entity's suffix; "any Affiliate of ..." and other descriptions are not parties.
        """
        clause = _NEITHER_NOR.search(self.text, start, end)
        if clause is None:
            return []
        out = []
        for written in _listed_parties(clause["list"]):
            full = self.context.names.get(written.casefold())
            if full is None and not (
                _ENTITY_NAME.fullmatch(written)
                or _PARTY_SUFFIX.fullmatch(written.rsplit(" ", 1)[-1])
                or self._defined_short_name(written)
            ):
                continue
            out.append((full or written, clause.start(), clause.end()))
        return out

    def _defined_short_name(self, name: str) -> bool:
        """Whether the text defines ``name`` as a short name: '... Ohio corporation ("Newco")'."""
        if name not in self._short_names:  # once per name: reading stays linear
            words = r"[ \t\n]+".join(re.escape(w) for w in name.split())
            # '... Ohio corporation ("Newco")', or a definition: '"Adobe" shall mean ...'
            found = re.search(
                rf"\([ \t\n]*(?:the[ \t\n]+)?[\"“]{words}[\"”]|"
                rf"[\"“]{words}[\"”][ \t\n]+(?:shall[ \t\n]+mean|means)\b",
                self.text,
            )
            if len(self._short_names) >= _MAX_NAMES:
                return found is not None
            self._short_names[name] = found is not None
        return self._short_names[name]

    def _count_changes(self) -> int:
        return len(self.provisions) + sum(len(r.changes) for r in self.amendments.values())

    def _other_change(self, start: int, end: int, low: str, authority: Authority) -> None:
        """An operative change rightsplan does not model, when the sentence drafted nothing else.

        "Section 1(y) is hereby amended", "changes the initial purchase price ... from $13.86
        to $13.39": kept so the amendment's history is complete.
        """
        if self.event.kind is not EventKind.AMENDMENT or _RECITAL.match(low):
            return
        text = self.text
        match = (
            _OPERATIVE.search(text, start, end)
            or _SUMMARY_CHANGE.search(text, start, end)
            or _REVISED_DEFINITION.search(text, start, end)
            or _PRICE_CHANGE.search(text, start, end)
            or _AMENDED_TO_DO.search(text, start, end)
            or _DEFINITIONS_ADDED.search(text, start, end)
        )
        if match is None:
            return
        if match.re is _REVISED_DEFINITION and re.search(
            r"acquiring|exempt\s+person|expir|threshold|percent",
            match["what"] or match["passive"],
            re.IGNORECASE,
        ):
            return  # a modelled term's definition revised, its new words not read here
        if match.re is _AMENDED_TO_DO and _RIGHTS_AGENT_WORDS.search(match.group()):
            return  # "removes all references to X as Rights Agent": the agent's change, modelled
        if match.re is _SUMMARY_CHANGE and re.search(
            r"expir|threshold|percent|beneficial", match["what"], re.IGNORECASE
        ):
            return  # a change of a modeled term, not read: better nothing than a wrong kind
        if text[end:].strip() == "" and text[start:end].rstrip().endswith(":"):
            return  # the new words are cut off: nothing to review
        record = self._amendment(self.current_number, current=True)
        expiries = {c.change.date for c in record.changes if isinstance(c.change, SetExpiration)}
        if any(day in expiries for _, _, day in _text.find_dates(text, match.start(), end)):
            # 'All references ... to "June 30, 2021" are hereby amended and replaced with "June
            # 30, 2024"': the new expiry the instrument sets, said again; not another change.
            return
        evidence = self.context.evidence(match.start(), match.end())
        words = " ".join(evidence.quote.split())
        record.changes.append(
            DraftChange(
                OtherChange(description=words, quote=words),
                evidence,
                0.7 * _AUTHORITY_FACTOR[authority],
            )
        )

    def _own_dates(
        self,
        start: int,
        end: int,
        low: str,
        refs: list[tuple[int, re.Match[str]]],
        factor: float,
    ) -> None:
        """The dates of the agreement and of the instrument itself, by how the text ties them.

        "Rights Agreement, dated as of X" dates the agreement, unless the words before make it
        an amendment's ("Amendment No. 2 to the Rights Agreement, dated as of X"); "On X, the
        Company entered into (or the Board adopted) a rights agreement" dates it less directly.
        "Today announced ... adopted" does not: a release's own date is when the plan was
        announced, not a date the text gives the agreement. "This Amendment ... is made as of X"
        dates the amendment a document is.
        """
        text = self.text
        claimed: list[tuple[int, int]] = []
        for match in _PLAN_DATED.finditer(text, start, end):
            day = _text.parse_date(match)
            if day is None:
                continue
            claimed.append((match.start("date"), match.end("date")))
            evidence = self.context.evidence(match.start(), match.end())
            before = text[max(start, match.start() - 140) : match.start()]
            if _ACTED_ON.search(before) and re.search("effective", match.group(), re.I):
                continue  # "terminate the Rights Agreement effective X": the act's date
            amendment = _AMENDMENT_OF.search(before)
            names_agreement = match["defined"] is not None and _NAMES_AGREEMENT.search(
                match["defined"]
            )
            if amendment is not None and not names_agreement:
                ref = _AMENDMENT_REF.search(amendment.group())
                number = _amendment_number(ref) if ref is not None else self.current_number
                defines = _DEFINES_AGREEMENT.match(text, match.end(), end)
                if defines is not None and "amended" not in defines.group().lower():
                    self._agreement_date(day, evidence, 3, factor)
                    continue
                # "... Second Amendment to the Rights Agreement dated as of X (as amended, the
                # "Agreement")": the name covers the chain; X is decided below.
                if _DEFINES_AMENDMENT.match(text, match.end(), end):
                    record = self._amendment(number, current=number == self.current_number)
                    if record.number is None and number is not None:
                        record.number = Found(number, evidence, 0.9 * factor)
                    if record.executed is None:
                        record.executed = Found(day, evidence, 0.9 * factor)
                else:
                    # "Amendment No. 3 to the Rights Agreement, dated as of X": the agreement's
                    # date or the amendment's? Decided once every date is known.
                    self.ambiguous.append((number, Found(day, evidence, 0.75 * factor)))
                continue
            if self.event.kind is EventKind.ADOPTION and _OTHER_PLAN.search(
                text, max(start, match.start() - 40), match.start()
            ):
                continue  # the plan a new one replaces: not the adopted plan's date
            # "AMENDED AND RESTATED SHAREHOLDER RIGHTS PLAN AGREEMENT Dated as of X": the words
            # of the title between are the plan's name; "restating the Amended and Restated
            # ... Agreement dated as of Y" names the agreement restated, not this one.
            restated = re.search(
                r"(?<!the )amended[ \t\n]+and[ \t\n]+restated(?:[ \t\n]+[\w'’&-]+){0,3}?[ \t\n]*$",
                before,
                re.I,
            )
            if (
                restated is not None
                and self.document is DocumentKind.AGREEMENT
                and self.event.kind is EventKind.AMENDMENT
                and day not in self._conformed_days()
            ):
                record = self._amendment(self.current_number, current=True)
                if record.executed is None:
                    record.executed = Found(
                        day,
                        evidence,
                        0.8 * factor,
                        "an amended and restated agreement: its date is taken as the date it "
                        "was executed",
                    )
                continue
            if (
                restated is not None
                and self.document not in (DocumentKind.AGREEMENT, DocumentKind.AMENDMENT)
                and _MAKES_RESTATEMENT.search(before, 0, restated.start())
            ):
                # A report's "entered into a Second Amended and Restated Rights Agreement, dated
                # as of X", an exhibit list's "4 First Amended and Restated Rights Agreement dated
                # X": the restatement the report is of, an amendment made on X. (The one it
                # "amends and restates" is the agreement, dated so.)
                if day not in self.recited and len(self.recited) < _MAX_NAMES:
                    self.recited[day] = Found(
                        day,
                        evidence,
                        0.7 * factor,
                        "a restated agreement's date: the restatement amended the plan then",
                    )
                continue
            self._agreement_date(day, evidence, 3, factor)
        if _RECITAL.match(low):
            # "WHEREAS, on October 25, 1989 the Company and X entered into a Rights Agreement":
            # a recital of the parties' own act dates the agreement; no other recital does.
            for match in _ON_DATE_ADOPTED.finditer(text, start, end):
                day = _text.parse_date(match)
                entered = match["verb"].lower().startswith(("entered", "executed", "signed"))
                if day is None or not entered or _AMENDMENT_START.match(match["what"]):
                    continue
                if _OTHER_ACT.search(match["what"]) or _OTHER_PLAN.search(match["what"]):
                    continue
                self._agreement_date(
                    day, self.context.evidence(match.start(), match.end()), 2, factor
                )
            return
        if self.event.kind is not EventKind.ADOPTION:
            for match in _ORIGINAL_DATED.finditer(text, start, end):
                day = _text.parse_date(match)
                if day is not None:
                    self.claimed_dates.add(match.start("date"))
                    self._agreement_date(
                        day, self.context.evidence(match.start(), match.end()), 2, factor
                    )
        for match in _ON_DATE_ADOPTED.finditer(text, start, end):
            day = _text.parse_date(match)
            if day is None or _AMENDMENT_START.match(match["what"]):
                continue
            if _OTHER_ACT.search(match["what"]):
                continue  # "approved the termination of the Rights Agreement"
            rank = 2 if match["verb"].lower().startswith(("entered", "executed", "signed")) else 1
            about = re.match(r"on[ \t\n]+or[ \t\n]+about", match.group(), re.IGNORECASE)
            self._agreement_date(
                day,
                self.context.evidence(match.start(), match.end()),
                rank,
                factor * (0.8 if about else 1.0),
                "the text says 'on or about' this date" if about else None,
            )
        for match in _BECAME_EFFECTIVE.finditer(text, start, end):
            day = _text.parse_date(match)
            if day is None or (
                self.event.kind is EventKind.ADOPTION
                and _OTHER_PLAN.search(text, max(start, match.start() - 40), match.start())
            ):
                continue
            self._agreement_date(day, self.context.evidence(match.start(), match.end()), 1, factor)
        for match in _ADOPTED_ON_DATE.finditer(text, start, end):
            day = _text.parse_date(match)
            if day is None or _AMENDMENT_START.match(match["what"]):
                continue
            if _OTHER_ACT.search(match["what"]):
                continue
            rank = 2 if match["verb"].lower().startswith("entered") else 1
            self._agreement_date(
                day, self.context.evidence(match.start(), match.end()), rank, factor
            )
        if self.event.kind is EventKind.AMENDMENT:
            for match in _ENTERED_AN_AMENDMENT.finditer(text, start, end):
                day = _text.parse_date(match)
                record = self._amendment(self.current_number, current=True)
                if day is not None and record.executed is None:
                    record.executed = Found(
                        day, self.context.evidence(match.start(), match.end()), 0.85 * factor
                    )
                    self.claimed_dates.add(match.start("date"))
        if self.document is DocumentKind.AMENDMENT and (
            _THIS_AMENDMENT.search(text, start, end) or _THIS_AGREEMENT.search(text, start, end)
        ):
            record = self._amendment(self.current_number, current=True)
            if record.executed is not None:
                return
            # "(as amended by the First Amendment, dated as of August 21, 2023, ...)": an
            # earlier amendment's date, recited by this one, is not this one's.
            claimed += [
                (m.start("date"), m.end("date"))
                for m in _RECITED_AMENDMENT.finditer(text, start, end)
                if _amendment_number(m) != self.current_number
            ]
            # "This Second Amendment to the Rights Agreement between ..., dated October 19,
            # 1998, ..., is hereby adopted as of July 29, 1999": the verb of the instrument's
            # own sentence dates it, whatever dates its title recites before
            own = _IS_HEREBY_MADE.search(text, start, end)
            own_day = _text.parse_date(own) if own is not None else None
            if (
                own is not None
                and own_day is not None
                and not any(a <= own.start("date") < b for a, b in claimed)
            ):
                evidence = self.context.evidence(own.start(), own.end())
                record.executed = Found(own_day, evidence, 0.85 * factor)
                return
            for s, e, day in _text.find_dates(text, start, end):
                if any(a <= s < b for a, b in claimed):
                    continue
                # a mirror's "Published on X" dates its page, not the instrument; so does its
                # listing's field between bullets ("PLAN • March 16th, 2022 • Acme Inc. •")
                # and its "Filed" column ("Contract Type FiledMarch 16th, 2022 Company")
                if re.search(
                    r"(?:\b(?:amended|filed|(?i:published|posted))[ \t\n]+"
                    r"(?:on[ \t\n]+|as[ \t\n]+of[ \t\n]+)?|\u2022[ \t]*|\bType[ \t]+Filed)$",
                    text[max(start, s - 20) : s],
                ):
                    continue
                if _OTHER_DATED.search(text, max(start, s - 60), s):
                    continue  # "pursuant to ... Rights Plan Agreement dated October 15, 1999"
                record.executed = Found(day, self.context.evidence(s, e), 0.85 * factor)
                break

    def _title_date(self) -> None:
        """The date on an instrument's title page: "Dated as of March 31, 1998".

        It dates the agreement when the title names a rights plan and no amendment; an
        amendment's title page dates the amendment a document is.
        """
        for _, authority, start, end in self.context.documents:
            if authority is not Authority.AGREEMENT:
                continue
            stop = min(end, start + _TITLE_PAGE)
            match = _TITLE_DATED.search(self.text, start, stop)
            day = _text.parse_date(match) if match is not None else None
            if match is None or day is None:
                continue
            title = self.text[start : match.start()]
            if not re.search(PLAN_NOUN, title) or _RECITAL_WORDS.search(title):
                continue  # not a title page: the text has begun
            self._title_restated(match.end(), stop)
            evidence = self.context.evidence(match.start("date"), match.end("date"))
            restated = re.search(r"amended[ \t\n]+and[ \t\n]+restated", title, re.IGNORECASE)
            if restated is not None and day in self._conformed_days():
                # "Amended and Restated Rights Agreement / Dated as of June 30, 1986" over
                # "Agreement, dated as of June 30, 1986, ... as amended on ...": the agreement's
                # own date, its amendments restated in it
                self._agreement_date(day, evidence, 3, 1.0)
                continue
            # An amendment's title ("AMENDMENT No. 4 to the ... PLAN"), not a "Certificate of
            # Amendment" an agreement's exhibit list names.
            amendment = _AMENDMENT_TITLE.search(title)
            if amendment is not None or restated is not None:
                if amendment is not None and re.search(rf"{PLAN_NOUN}[ \t\n]*$", title):
                    # "AMENDMENT NO. 1 / TO THE / ACME RIGHTS AGREEMENT / DATED AS OF X": the
                    # date after the plan's name may be the plan's; decided once all are known.
                    self.ambiguous.append((self.current_number, Found(day, evidence, 0.75)))
                    continue
                if self.event.kind is EventKind.AMENDMENT or amendment is not None:
                    record = self._amendment(self.current_number, current=True)
                    if record.executed is None:
                        record.executed = Found(
                            day,
                            evidence,
                            0.8,
                            None
                            if amendment is not None
                            else "an amended and restated agreement: the date on its title page "
                            "is taken as the date it was executed",
                        )
                continue
            self._agreement_date(day, evidence, 3, 1.0)

    def _conformed_days(self) -> tuple[pendulum.Date, ...]:
        """The agreement's date in a conformed text's preamble, the agreement as amended.

        "Agreement, dated as of X and amended as of Y": X, when the document is the agreement.
        Read once per filing (the reading stays linear).
        """
        if self._conformed is None:
            self._conformed = ()
            if self.document is DocumentKind.AGREEMENT:
                for _, authority, start, end in self.context.documents:
                    if authority is not Authority.AGREEMENT:
                        continue
                    conformed = _CONFORMED.search(self.text, start, min(end, start + 3000))
                    first = (
                        _text.DATE.search(self.text, conformed.start(), conformed.end())
                        if conformed is not None
                        else None
                    )
                    day = _text.parse_date(first) if first is not None else None
                    if first is not None and day is not None:
                        self._conformed = ((day, first.start(), first.end()),)
                        break
        return tuple(day for day, _, _ in self._conformed)

    def _conformed_date(self) -> None:
        """The agreement's date in a conformed text's preamble, when nothing dated it before."""
        if self.agreement_dates or not self._conformed_days():
            return
        assert self._conformed
        day, start, end = self._conformed[0]
        self._agreement_date(day, self.context.evidence(start, end), 3, 1.0)

    def _title_agent(self) -> None:
        """The rights agent on an agreement's title page, its parties a paragraph each.

        "RENAISSANCE WORLDWIDE, INC." / "and" / "Fleet National Bank" / "as Rights Agent",
        with blank lines between: read over the title page, which sentences would cut apart.
        """
        for _, authority, start, end in self.context.documents:
            if authority is not Authority.AGREEMENT:
                continue
            stop = min(end, start + _TITLE_PAGE)
            text_begins = _RECITAL_WORDS.search(self.text, start, stop)
            stop = text_begins.start() if text_begins is not None else stop
            for match in _AGENT.finditer(self.text, start, stop):
                if re.search(r"\n[ \t]*\n", match.group()) is None:
                    continue  # within one paragraph: read with its sentence
                self._add_agent(match, 0.85)

    def _amended_chain(self, start: int, end: int, factor: float) -> None:
        """The days of earlier amendments an "as amended on X and Y" chain recites."""
        for chain in _AMENDED_CHAIN.finditer(self.text, start, end):
            if self._amends_another_document(start, chain.start()):
                continue
            if len(self._chains) < _MAX_NAMES:
                self._chains.append((chain.start(), chain.end()))
            for match in _text.DATE.finditer(self.text, chain.start(), chain.end()):
                day = _text.parse_date(match)
                if day is not None and day not in self.recited and len(self.recited) < _MAX_NAMES:
                    self.recited[day] = Found(
                        day,
                        self.context.evidence(chain.start(), match.end()),
                        0.7 * factor,
                        "an earlier amendment recited without its number",
                    )

    def _amends_another_document(self, start: int, at: int) -> bool:
        """Whether what an "and amended on X" at ``at`` amends is another document than the plan.

        "parties to a certain Schedule 13D filed ... on August 19, 1997, and amended on
        September 16, 1997": the schedule's amendments; the document named last before the
        chain is the one amended.
        """
        floor = max(start, at - _DATE_LOOKBACK * 3)
        plan = max((m.end() for m in _PLAN_IN_SENTENCE.finditer(self.text, floor, at)), default=-1)
        other = max((m.end() for m in _OTHER_DOCUMENT.finditer(self.text, floor, at)), default=-1)
        return other > plan

    def _agents_in_change(self, start: int, end: int, factor: float) -> None:
        """The agents an amendment changing the rights agent names by their part in it."""
        for match in _AGENT_IN_CHANGE.finditer(self.text, start, end):
            leaving = match["part"].lower() in _LEAVING
            if not leaving and self.defined_successor is None:
                self.defined_successor = " ".join(match["agent"].split())
            self._add_agent(match, 0.85 * factor, original=leaving)
        for match in _AGENT_PARTY_TO.finditer(self.text, start, end):
            # "the Company and U.S. Bank (as successor to Firstar Trust Company) are parties":
            # the agent serving is the successor; the one it succeeded is history
            group = "named" if match["named"] else "agent"
            refs = list(_AMENDMENT_REF.finditer(self.text, start, match.start()))
            if group == "named" and refs:
                # "entered into a First Amendment ... (the "First Amendment"), under which X
                # was named the "Rights Agent"": that amendment appointed X
                name = " ".join(match["named"].split())
                evidence = self.context.evidence(refs[-1].start(), match.end())
                self._amendment(_amendment_number(refs[-1])).changes.append(
                    DraftChange(
                        AppointRightsAgent(name=name, quote=" ".join(evidence.quote.split())),
                        evidence,
                        0.75 * factor,
                    )
                )
                continue
            self._add_agent(match, 0.85 * factor, group=group, original=True)
        for match in _PREDECESSOR_PARTY.finditer(self.text, start, end):
            if match["original"]:
                # "the Company and ChaseMellon ..., the predecessor to the Rights Agent,
                # executed a Rights Agreement": history; the agent serving is the Rights Agent
                continue
            self._add_agent(match, 0.85 * factor, group="succeeded", original=True)

    def _add_agent(
        self,
        match: re.Match[str],
        confidence: float,
        *,
        group: str = "agent",
        original: bool = False,
    ) -> None:
        """A rights agent named by ``match`` (its ``group``), unless no name is there.

        A short name the text defines ("First Chicago") is read as the full name it stands for.
        """
        text = self.text
        if len(self.agents) + len(self.original_agents) + len(self.amendment_agents) >= _MAX_NAMES:
            return  # the first agents named are the ones read; a text naming hundreds is noise
        words = match[group].strip("[]").split()
        if match[group].startswith("["):
            return  # a blank in a form of agreement: "[CHASEMELLON SHAREHOLDER SERVICES]"
        if any(word.lower() in _NOT_AGENT_WORDS for word in words):
            return
        written = " ".join(match[group].strip("[]").split())
        # "Between Harsco Corporation and Mellon Investor Services LLC": a heading's two
        # parties run together; the agent is the party after the company.
        parties = (
            _TWO_PARTIES.match(written)
            or _BETWEEN_PARTIES.match(written)
            or _ROLE_AND.match(written)
            or _SIGNATURE_TITLE.match(match[group])
        )
        if parties is not None:
            written = written[parties.end() :]
            match_start = match.start(group) + match[group].find(written.split()[0])
        else:
            match_start = match.start(group)
        written = self.context.names.get(written.casefold(), written)
        words = written.split()
        if (words[0].lower() in _STOP_NAMES and words[0].lower() != "the") or (
            len(words) < 2 or words[1].lower() in ("company", "rights", "board")
        ):
            return
        shown, in_text = _shown_name(text, written, match.end(), self._words_seen)
        (self.original_agents if original else self.agents).append(
            Found(
                shown,
                self.context.evidence(match_start, match.end()),
                confidence if in_text else confidence - 0.15,
                None if in_text else "written in capitals in the text: the case is a guess",
            )
        )

    def _title_restated(self, start: int, stop: int) -> None:
        """A title page's "As amended and restated on X" line under the original date.

        The agreement keeps its original date; the restatement is the instrument the document
        is, executed on X.
        """
        if self.event.kind is not EventKind.AMENDMENT:
            return
        restated = _TITLE_RESTATED.search(self.text, start, min(stop, start + 200))
        day = _text.parse_date(restated) if restated is not None else None
        if restated is None or day is None:
            return
        record = self._amendment(self.current_number, current=True)
        if record.executed is None:
            record.executed = Found(
                day,
                self.context.evidence(restated.start("date"), restated.end("date")),
                0.8,
                "the date the title page gives for the agreement's restatement",
            )

    def _resolve_ambiguous(self) -> None:
        """Decide "Amendment No. N to the Rights Agreement, dated X" once every date is known.

        X is the amendment's when the text dates the agreement earlier elsewhere and does not
        date that amendment otherwise ("On September 11, 2013, the Company entered into an
        Amendment No. 1 to the Rights Agreement, dated September 17, 2003": the amendment has
        its date, so X is the agreement's), else the agreement's; either way the value says why
        (a lower confidence and a reason).
        """
        others = [f.value for f in self.agreement_dates]
        for number, found in self.ambiguous:
            if found.value in self.recited and others and min(others) < found.value:
                continue  # "an Amendment to Rights Agreement dated X": an earlier one's day
            known = self.amendments.get(number)
            dated_otherwise = (
                known is not None
                and known.executed is not None
                and known.executed.value != found.value
            )
            if others and min(others) < found.value and not dated_otherwise:
                record = self._amendment(number, current=number == self.current_number)
                if record.number is None and number is not None:
                    record.number = Found(number, found.evidence, found.confidence)
                if record.executed is None:
                    record.executed = attrs.evolve(
                        found,
                        reason="a date after 'Amendment ... to the Rights Agreement': the "
                        "amendment's, as the text dates the agreement earlier",
                    )
            else:
                self.agreement_dates.append(
                    attrs.evolve(
                        found,
                        reason="a date after 'Amendment ... to the Rights Agreement': taken "
                        "as the agreement's, as the text gives no other",
                    )
                )
                self.agreement_ranks.append(3)

    def _agreement_date(
        self,
        day: pendulum.Date,
        evidence: Evidence,
        rank: int,
        factor: float,
        reason: str | None = None,
    ) -> None:
        confidence = {3: 0.9, 2: 0.85, 1: 0.75}[rank] * factor
        self.agreement_dates.append(Found(day, evidence, confidence, reason))
        self.agreement_ranks.append(rank)

    def _instrument_dates(
        self,
        start: int,
        end: int,
        low: str,
        refs: list[tuple[int, re.Match[str]]],
        factor: float,
    ) -> None:
        if self.event.kind in (EventKind.ADOPTION, EventKind.EXPIRATION):
            return  # no instrument: the plan's own dates are read elsewhere
        current = self.current_number
        listed = self._listed(start, end, refs)
        if listed is not None:
            self._listed_executed(listed, start, end, factor)
            return
        mentions_current = current is None or any(n == current for n, _ in refs)
        # "the Board ... extended GenCorp's Shareholder Rights Plan": an act on the plan (never
        # "the Rights Plan as so extended would expire")
        extends = _EXTENDED_PLAN.search(low)
        board = (
            "board" in low
            and (
                re.search(r"\b(?:authorized|approved|determined|voted|resolved|adopted)\b", low)
                or extends
            )
            # "The Board ... has authorized and declared a dividend of one preferred share
            # purchase right", in an agreement's text restated: the plan's adoption, not the
            # instrument's authorization
            and not (
                self.document is DocumentKind.AGREEMENT
                and _DECLARED_DIVIDEND.search(low) is not None
            )
        )
        # "On X, the Board resolved to amend the Rights Agreement": a board's act on the plan
        # that names no amendment is the current one's authorization (never its execution).
        # So is "the Board ... adopted and authorized an amendment to the Rights Agreement".
        unnamed = (
            not refs
            and bool(board)
            # "determined it desirable ... to supplement and amend certain provisions"
            # "the Board authorized and approved this Amendment"
            and _BOARD_ON_AMENDMENT.search(low) is not None
        )
        if not mentions_current and not unnamed:
            return
        if not re.search(r"amend|redeem|redemption|terminat", low) and not extends:
            return
        if _CHARTER.search(low) and not _PLAN_IN_SENTENCE.search(self.text, start, end):
            return  # "an amendment to our Restated Certificate of Incorporation": not the plan
        # The old and new values of a term ("from July 27, 2018 to July 26, 2021") are not the
        # instrument's dates.
        dates = [
            d
            for d in _dates_outside_dated(self.text, start, end)
            if not self._old_value(start, d[0])
            and not self._new_value(start, d[0])
            and d[0] not in self.claimed_dates
            # "(the "Rights Agreement"), as amended on March 13 2020": an earlier amendment's
            and not any(a <= d[0] < b for a, b in self._chains)
            # "the plan, which was originally adopted May 18, 2011": the plan's past
            and not _ORIGINALLY_BEFORE.search(self.text, max(start, d[0] - 40), d[0])
            # 'amended to read as follows: "... duly executed ... January 31, 2007 (the "Final
            # Expiration Date")"': the new terms' dates, not the instrument's
            and not any(colon <= d[0] < stop for _, colon, stop, _ in self.instructions)
        ]
        amended = _ON_DATE_AMENDED.search(self.text, start, end) if mentions_current else None
        if amended is not None and (
            re.search(
                r"\bdated[ \t\n]*$", self.text[max(start, amended.start() - 12) : amended.start()]
            )
            or re.search(
                r"\bas[ \t\n]+$",
                self.text[max(start, amended.start("verb") - 6) : amended.start("verb")],
            )
        ):
            # "its Rights Agreement, dated as of X, as amended by ...": X is the agreement's
            amended = None
        when = _text.parse_date(amended) if amended is not None else None
        if amended is not None and when is not None:
            # "As of December 22, 2010, the Company amended the shareholder rights plan";
            # "Effective March 2, 2021, the Board amended the Rights Agreement"
            record = self._amendment(current, current=True)
            if record.executed is None:
                record.executed = Found(
                    when, self.context.evidence(amended.start(), amended.end()), 0.8 * factor
                )
        # "Effective as of February 28, 2006, the Company and X entered into that certain First
        # Amendment": the parties' act, dated by the sentence's opening, as a board's is.
        acting = board or (mentions_current and _EXECUTED.search(self.text, start, end))
        opening = _EFFECTIVE_OPENING.match(self.text, start, end) if acting else None
        if not dates and opening is not None and (day := _text.parse_date(opening)) is not None:
            # "Effective April 15, 1999, the Board ... approved ...": the day the board acted
            dates = [(opening.start("date"), opening.end("date"), day)]
        if not dates:
            return
        record = self._amendment(current, current=True)
        executed = _EXECUTED.search(self.text, start, end)
        # "NEW YORK, December 14, 2016 — Acme announced today that its Board has adopted
        # Amendment No. 2": the release's dateline dates the news, not the board's act.
        acts = [d for d in dates if not ("today" in low and _DATELINE_DASH.match(self.text, d[1]))]
        if board and record.authorized is None and acts:
            # "On October 2, 2021, the Board ... approved the redemption": the date the board
            # acted on is the last before its verb (a mirror's "8-K on 10/07/2021" above it in
            # the same run of text is not), else the first.
            acted = _BOARD_ACTED.search(self.text, start, end)
            before_act = [d for d in acts if acted is not None and d[1] <= acted.start()]
            s, e, day = before_act[-1] if before_act else acts[0]
            record.authorized = Found(day, self.context.evidence(s, e), 0.9 * factor)
        if executed and record.executed is None and not (unnamed and not mentions_current):
            # "executed on X" after the verb; else "On X, ... entered into": the date before.
            after = [
                d
                for d in dates
                if d[0] >= executed.end()
                and _ON_OR_AS_OF.fullmatch(self.text, executed.end(), d[0])
            ]
            before = [d for d in dates if d[1] <= executed.start()]
            s, e, day = after[0] if after else before[-1] if before else dates[-1]
            record.executed = Found(day, self.context.evidence(s, e), 0.9 * factor)
        if board and self.event.kind is EventKind.REDEMPTION and record.executed is None:
            # The redemption takes effect on the date the text says it does; the board's
            # approval is its authorization, not its execution.
            effective = _EFFECTIVE.search(self.text, start, end)
            when = _text.parse_date(effective) if effective is not None else None
            if effective is not None and when is not None:
                record.executed = Found(
                    when, self.context.evidence(effective.start(), effective.end()), 0.8
                )

    def _listed_executed(self, number: int, start: int, end: int, factor: float) -> None:
        """The date a listed amendment was entered into: "On X, ... entered into"."""
        record = self._amendment(number)
        executed = _EXECUTED.search(self.text, start, end)
        if record.executed is not None or executed is None:
            return
        before = [
            d
            for d in _dates_outside_dated(self.text, start, executed.start())
            if not self._old_value(start, d[0]) and not self._new_value(start, d[0])
        ]
        if before:
            s, e, day = before[-1]
            record.executed = Found(day, self.context.evidence(s, e), 0.85 * factor)

    def _listed(self, start: int, end: int, refs: list[tuple[int, re.Match[str]]]) -> int | None:
        """The one earlier amendment a report's sentence says was entered into, if any (numbered).

        A report may list a plan's amendments one sentence each ("On August 10, 2011, the
        Company ... entered into Amendment Two ..., which extended the Expiration Date from
        August 10, 2011 to August 10, 2012."): that sentence's date and change are that
        amendment's, not the current one's. An instrument's own text is never such a list.
        """
        if self.document in (DocumentKind.AGREEMENT, DocumentKind.AMENDMENT) or not refs:
            return None
        numbers = {n for n, _ in refs}
        if len(numbers) != 1 or self.current_number in numbers:
            return None
        if _EXECUTED.search(self.text, start, end) is None:
            return None
        number, match = refs[0]
        record = self._amendment(number)
        if record.number is None:
            evidence = self.context.evidence(match.start(), match.end())
            record.number = Found(number, evidence, 0.85)
        return number

    def _old_value(self, floor: int, at: int) -> bool:
        """Whether the value at ``at`` is the old one of a change ("from X to Y")."""
        return _OLD_VALUE.search(self.text, max(floor, at - _DATE_LOOKBACK), at) is not None

    def _new_value(self, floor: int, at: int) -> bool:
        """Whether the value at ``at`` is the new one of a change ("to Y", "until Y")."""
        return _NEW_VALUE.search(self.text, max(floor, at - _DATE_LOOKBACK), at) is not None

    def _prior_dates(self) -> None:
        """The date of each amendment recited: "Amendment No. 2, dated August 14, 2003"."""
        for _, authority, start, end in self.context.documents:
            recited = (
                *_RECITED_AMENDMENT.finditer(self.text, start, end),
                *_AMENDED_BY_ON.finditer(self.text, start, end),
                *_ENTERED_INTO_ON.finditer(self.text, start, end),
                *_ENTERED_INTO_AMENDMENT_ON.finditer(self.text, start, end),
                *_AMENDED_BY_TITLED.finditer(self.text, start, end),
                *_ORDINAL_AMENDED.finditer(self.text, start, end),
            )
            for match in recited:
                number = _amendment_number(match)
                if (
                    number == self.current_number
                    and match.groupdict().get("titled") is not None
                    and _LINE_BREAKS_IN.search(match.group()) is not None
                ):
                    # "AMENDMENT NO. 5 / TO / RIGHTS AGREEMENT / dated as of X": this
                    # instrument's title page, the date the plan's or its own; its preamble says.
                    continue
                record = self._amendment(number)
                if record.number is None:
                    record.number = Found(
                        number, self.context.evidence(match.start(), match.end()), 0.85
                    )
                if record.executed is None:
                    day = _text.parse_date(match)
                    if day is not None:
                        record.executed = Found(
                            day,
                            self.context.evidence(match.start(), match.end()),
                            0.85 * _AUTHORITY_FACTOR[authority],
                        )
        self._unnumbered_prior()

    def _unnumbered_prior(self) -> None:
        """Earlier amendments recited without numbers ("as amended on October 24, 2005").

        Left unnumbered, one per day: an amendment's number is only the one the text gives it.
        Counting back from this instrument's number ("the Second Amendment recites one before
        it, so that one is No. 1") is an inference the text does not state: an amendment may be
        missing from the recital, or the agreement restated in between.
        """
        for _, authority, start, end in self.context.documents:
            for match in (
                *_AS_AMENDED_ON.finditer(self.text, start, end),
                *_AN_AMENDMENT_DATED.finditer(self.text, start, end),
            ):
                day = _text.parse_date(match)
                if day is not None and day not in self.recited and len(self.recited) < _MAX_NAMES:
                    self.recited[day] = Found(
                        day,
                        self.context.evidence(match.start(), match.end()),
                        0.7 * _AUTHORITY_FACTOR[authority],
                    )

    def _successor_serving(self, match: re.Match[str], start: int, end: int) -> bool:
        """Whether a successor agent ``match`` names is the agent serving, not one appointed now.

        'and X, as successor Rights Agent (the "Rights Agent")', 'and X, as successor rights
        agent to Y (the "Rights Agent")', 'between the registrant and X, as successor Rights
        Agent.': a party named with its past. "the Company has appointed X as the successor
        Rights Agent", "whereby the Company ... appointed X as Successor Rights Agent": an
        earlier appointment recited, unless the sentence makes it now ("as of the date hereof").
        """
        text = self.text
        if _DEFINED_AS_AGENT.match(text, match.end(), end):
            return True
        if match.re is _SUCCESSOR_AS and _PARTY_BEFORE.match(match.group()):
            after = _SUCCESSOR_TO.match(text, match.end(), end)
            tail = after.end() if after is not None else match.end()
            return bool(_PARTY_AFTER.match(text, tail, end))
        if match.re in (_SUCCESSOR, _SUCCESSOR_AS) and _PAST_APPOINTED.match(match.group()):
            sentence = text[start:end]
            if re.search(r"\bwhereby\b", text[start : match.start()]):
                return True  # "an Amendment ..., whereby the Company ... appointed X": recited
            return _APPOINTED_NOW.search(sentence) is None
        return False

    def _successor(
        self,
        start: int,
        end: int,
        low: str,
        refs: list[tuple[int, re.Match[str]]],
        authority: Authority,
    ) -> None:
        match = (
            _SUCCESSOR.search(self.text, start, end)
            or _SUCCESSOR_AS.search(self.text, start, end)
            or _SUCCESSOR_PASSIVE.search(self.text, start, end)
        )
        group = "agent"
        if match is None and self.event.kind is EventKind.AMENDMENT:
            match = _APPOINTS_AS_AGENT.search(self.text, start, end)
            if match is not None and match["replacing"] is not None:
                group = "replacing"
        if match is not None and group == "agent" and self._successor_serving(match, start, end):
            # 'and X, as successor Rights Agent (the "Rights Agent")': a party serving as the
            # agent, appointed before; the agent the instrument names, not its appointment
            before = len(self.agents)
            self._add_agent(match, 0.8 * _AUTHORITY_FACTOR[authority])
            self.serving_agents.extend(self.agents[before:])
            return
        if match is not None:
            raw = match[group]
            signed = _SIGNATURE_TITLE.match(raw)  # "Secretary\nBETA SERVICES, L.L.C."
            name = " ".join(raw[signed.end() if signed else 0 :].split())
        elif self.defined_successor is not None:
            match = _SUCCESSOR_DEFINED.search(self.text, start, end)
            if match is None:
                return
            name = self.defined_successor
        else:
            return
        # "... removed as Rights Agent and The Bank of New York is being appointed": the name
        # after the agent removed.
        name = re.split(r"\bRights Agent and (?=[A-Z])", name)[-1]
        # "Computershare is being appointed": the full name the text defines the short one for
        name = self.context.names.get(name.casefold(), name)
        number = refs[0][0] if refs else self.current_number
        record = self._amendment(number)
        evidence = self.context.evidence(match.start(), match.end())
        factor = _AUTHORITY_FACTOR[authority]
        # "appoint National City Corporation as Rights Agent", then "appoints National City":
        # one agent, its full name kept.
        key = name.casefold()
        named = self._appointed.setdefault(number, [])  # at most _MAX_NAMES: stays linear
        if len(named) < _MAX_NAMES and not any(n.startswith(key) for n in named):
            shorter = [n for n in named if key.startswith(n)]
            if shorter:
                named[:] = [n for n in named if n not in shorter]
                record.changes[:] = [
                    c
                    for c in record.changes
                    if not (
                        isinstance(c.change, AppointRightsAgent)
                        and c.change.name.casefold() in shorter
                    )
                ]
            named.append(key)
            record.changes.append(
                DraftChange(
                    AppointRightsAgent(name=name, quote=" ".join(evidence.quote.split())),
                    evidence,
                    0.85 * factor,
                )
            )
        other = re.search(
            r"amended[^.;]{0,40}in\s+certain\s+other\s+particulars", self.text[start:end]
        )
        if other is not None:
            evidence = self.context.evidence(start + other.start(), start + other.end())
            record.changes.append(
                DraftChange(
                    OtherChange(
                        description=" ".join(evidence.quote.split()),
                        quote=" ".join(evidence.quote.split()),
                    ),
                    evidence,
                    0.8 * factor,
                )
            )

    def _holdings(self, start: int, end: int, authority: Authority) -> None:
        text = self.text
        for match in _HOLDING.finditer(text, start, end):
            percents = find_percents(text, match.end(), min(end, match.end() + 120))
            if not percents:
                # A count without its share of the class ("disclosure by X of beneficial
                # ownership of 3,338,051 shares", "in exchange for 1,000 shares") tells the
                # story of a transaction; a position is reported with its percentage.
                continue
            percent = percents[0].value
            stop = percents[0].end
            lookback = max(start, match.start() - 300)
            if not _OWNS.search(text, lookback, match.start()):
                continue
            holder = self._holder_before(lookback, match.start())
            if holder is None:
                continue
            evidence = self.context.evidence(match.start(), stop)
            self.holdings.append(
                DraftHolding(
                    holder,
                    int(match["shares"].replace(",", "")),
                    percent,
                    evidence,
                    0.85 * _AUTHORITY_FACTOR[authority],
                )
            )

    def _holder_before(self, start: int, end: int) -> str | None:
        segment = self.text[start:end]
        best: str | None = None
        for match in re.finditer(_NAME, segment):
            name = " ".join(match.group().split())
            first = name.split()[0].lower().rstrip(",")
            if (
                first in _STOP_NAMES
                or _text.DATE.match(name)
                or first
                in (
                    [
                        "january",
                        "february",
                        "march",
                        "april",
                        "may",
                        "june",
                        "july",
                        "august",
                        "september",
                        "october",
                        "november",
                        "december",
                    ]
                )
            ):
                continue
            known = name.casefold() in self.context.names or name in self.context.groups
            if known:
                return self.context.full_name(name)
            best = name if best is None else best
        return best

    def _holder_in(self, start: int, end: int) -> tuple[str, tuple[str, ...]] | None:
        segment = " ".join(self.text[start:end].split())
        company = " ".join((self.company or "").split()).casefold()
        for group, members in self.context.groups.items():
            if group in segment:
                return group, members
        for short, full in self.context.names.items():
            if (
                company and full.casefold() in (company, company.split(",")[0])
            ) or _NOT_HOLDER_SHORT.intersection((short, full.casefold())):
                continue  # the company's own short name ("Evans & Sutherland") is no holder
            if re.search(rf"\b{re.escape(short)}\b", segment, re.IGNORECASE):
                return full, ()
        return None

    # percentages ----------------------------------------------------------------------

    def _percents(
        self,
        start: int,
        end: int,
        low: str,
        refs: list[tuple[int, re.Match[str]]],
        authority: Authority,
    ) -> None:
        text = self.text
        exempted = self._exempted_owners
        self._exempted_owners = _EXEMPTS_OWNERS.search(text, start, end) is not None
        if _RECITAL.match(low) and self.event.kind is EventKind.AMENDMENT:
            self._recited_threshold(start, end, authority)
        if _RECITAL.match(low) or (
            "ownership change" in low
            and _PLAN_IN_SENTENCE.search(text, start, end) is None
            and _PLAN_AS_SUBJECT.match(text, start, end) is None
        ):
            # A recital, or Section 382's own test ("an ownership change would occur if ...
            # at least five percent"): no term of the plan is set here. A sentence that names
            # the plan acting against an ownership change ("The NOL Plan reduces the risk of an
            # ownership change by deterring any person from obtaining ... 4.9 percent or more")
            # states the plan's threshold.
            return
        if _CHARTER_PROVISION.search(low) and _PLAN_IN_SENTENCE.search(text, start, end) is None:
            return  # "This new charter provision restricts the transfer of stock ... 4.75
            # percent or above": the charter's limit, not the plan's
        if (
            _FINANCING_THRESHOLD.search(low)
            and _PLAN_IN_SENTENCE.search(text, start, end) is None
            and "acquiring person" not in low
        ):
            return  # a credit agreement's change-of-control level, not the plan's
        if _SPECIAL_MEETING.search(low) and (
            _PLAN_IN_SENTENCE.search(text, start, end) is None
            or (
                _HOLDERS_CALLING.search(low) is not None
                and "acquiring person" not in low
                and "trigger" not in low
            )
        ):
            # the holders who may call a special meeting: a bylaw's level, or a qualifying
            # offer's ("shareholders representing at least 10% ... to call a special meeting
            # to vote to rescind the Revised Rights Agreement")
            return
        mentions = find_percents(text, start, end)
        grandfather = _GRANDFATHER.search(text, start, end)
        references = [
            (m.start(), m.end()) for m in _GRANDFATHER_REFERENCE.finditer(text, start, end)
        ]
        if grandfather is not None and any(a <= grandfather.start() < b for a, b in references):
            grandfather = None  # "(subject to the grandfathering provisions discussed below)"
        if grandfather is None and exempted:
            grandfather = _SUCH_HOLDER.search(text, start, end)
        if grandfather is not None:
            self._grandfathering(grandfather, start, end, mentions, authority)
        if not mentions:
            return
        held = {h.evidence.end for h in self.holdings if start <= h.evidence.start < end}
        factor = _AUTHORITY_FACTOR[authority]
        # "Each "15%" ... is hereby replaced with "10%"": what comes before the new words is old.
        replaced = _REPLACED.search(text, start, end)
        tiers = {m.start: m for m in _IN_CASE_OF.finditer(text, start, end)}
        inside = [(m.start(), m.end()) for m in tiers.values()]
        named_tiers = [
            m
            for m in _NAMED_TIER.finditer(text, start, end)
            if any(n.end <= m.start() for n in mentions)
            and find_percents(text, m.start("value"), m.end("value"))
        ]
        inside += [(m.start(), m.end()) for m in named_tiers]
        for named_tier in named_tiers:
            # The tier's own words give its comparison ("20% or more"); without one, nothing
            # is drafted (a guessed comparison is worse than none).
            value = find_percents(text, named_tier.start("value"), named_tier.end("value"))[0]
            own, _, _, _ = _comparison(text, value, named_tier.start("value"), named_tier.end())
            if own is not None:
                self._tier_exception(named_tier, own, [], start, end, factor)
        # A qualification attaches to the number it directly follows; a parenthesis elsewhere
        # ("... outstanding (or, in the case of a Passive Institutional Investor, 20% or
        # more)") is read as any other words.
        # So does one after the number's own comparison: "10% or more (or, in the case of
        # certain passive institutional investors ..., 20% or more)".
        follows = {_SPACES.match(text, m.end, end).end() for m in mentions}  # type: ignore[union-attr]
        follows |= {
            _SPACES.match(text, more.end(), end).end()  # type: ignore[union-attr]
            for m in mentions
            if (more := _OR_MORE.match(text, m.end, end)) is not None
        }
        qualified = {
            m.start(): m for m in _QUALIFIED.finditer(text, start, end) if m.start() in follows
        }
        inside += [(m.start(), m.end()) for m in qualified.values()]
        passive = _nearest(
            mentions,
            (
                mark
                for mark in _PASSIVE_MARK.finditer(text, start, end)
                if not _EXCLUDING.search(text, max(start, mark.start() - 30), mark.start())
                # a qualification's passive words are read with its own number
                and not any(q.start() <= mark.start() < q.end() for q in qualified.values())
            ),
        )
        sentence_comparison: Comparison | None = None
        for index, mention in enumerate(mentions):
            if mention.end in held:
                continue
            if grandfather is not None and mention.start >= _clause_start(grandfather, start):
                continue  # the grandfathering clause: read as such above
            if replaced is not None and mention.end <= replaced.end():
                continue  # the old value: 'X is replaced with', 'replacing X with'
            if text[mention.end : mention.end + 30].lstrip().lower().startswith("percentage point"):
                continue
            if any(a <= mention.start < b for a, b in inside):
                continue  # the named holder's own tier, or a qualification: read with the number
            if _NOT_SHARES.match(text, mention.end, end):
                continue  # a share of assets or of a price: no threshold
            if _ACQUISITIONS_BY.search(text, max(start, mention.start - 120), mention.start):
                continue  # who makes the acquisitions a plan deters, not what triggers it
            previous_end = mentions[index - 1].end if index else start
            next_start = mentions[index + 1].start if index + 1 < len(mentions) else end
            if _FROM_BEFORE.search(text, max(start, mention.start - 8), mention.start) and (
                _TO_AFTER.match(text, mention.end, end) or _OF_THEN_TO.match(text, mention.end, end)
            ):
                continue  # the old value of a change "from X to Y"
            if _UNCHANGED_BEFORE.search(text, max(start, mention.start - 40), mention.start):
                continue  # "with no change to the 15% triggering threshold"
            if _DEEMED_REFERENCE.match(text, mention.end, end):
                continue  # the old value: '"15%" shall be deemed to be a reference to "24.9%"'
            if "whenever" in low and _DEEMED_REFERENCE.search(text, start, mention.start):
                # 'Whenever X is the "Person" referred to ..., each reference to "15%" shall be
                # deemed to be a reference to "24.9%"': a value for one holder, not the plan's
                # line: X's exception, capped at the new number with the agreement's comparison,
                # which the text does not state.
                self._whenever_exception(mention, start, end, low, factor)
                continue
            window_start = previous_end
            if index and _TO_BEFORE.search(text, max(start, mention.start - 8), mention.start):
                # "from 15% to 20%": the words before "from" describe both numbers
                window_start = mentions[index - 2].end if index >= 2 else start
            window = " ".join(
                _GRANDFATHER_REFERENCE.sub(" ", text[window_start:next_start]).split()
            ).lower()
            is_passive = index in passive or (
                window_start != previous_end and index >= 1 and index - 1 in passive
            )
            gap = _SPACES.match(text, mention.end, end)
            tier = _IN_CASE_OF.match(text, gap.end() if gap else mention.end, end)
            qualification = qualified.get(gap.end() if gap else mention.end)
            trailing = None  # a qualification after the number's own "or more"
            if qualification is None and (more := _OR_MORE.match(text, mention.end, end)):
                trailing = qualified.get(_SPACES.match(text, more.end(), end).end())  # type: ignore[union-attr]
            if tier is not None:
                # "15 percent (or 20 percent in the case of X and its affiliates) or more"
                comparison, wording, s, e = _comparison(text, mention, start, end, after=tier.end())
            elif qualification is not None:
                comparison, wording, s, e = _comparison(
                    text, mention, start, end, after=qualification.end()
                )
            else:
                comparison, wording, s, e = _comparison(text, mention, start, end)
            confidence = 0.85 * factor
            assumed = from_clause = False
            notes: list[str] = []
            term = _TERM_DEFINED.search(text, max(start, mention.start - 120), mention.start)
            if comparison is None and is_passive and sentence_comparison is not None:
                # "10% or more of the common stock (15% in the case of a passive institutional
                # investor)": the tier is another value of the same test.
                comparison = sentence_comparison
                confidence = 0.75 * factor
                notes.append(
                    "the passive tier's comparison is the general threshold's, stated before it "
                    "in the sentence"
                )
            if comparison is None and term is not None:
                # '"Triggering Percentage" shall mean 4.99%': the comparison is written where
                # the defined term is used ("the Triggering Percentage or more").
                comparison = self._term_comparison(" ".join(term["term"].split()))
                if comparison is not None:
                    confidence = 0.8 * factor
                    notes.append(
                        f"the comparison is read where the text uses {term['term']!r}, the "
                        "defined term this number is the value of"
                    )
            if comparison is None and (
                (
                    _REACHES.search(text, max(start, mention.start - 60), mention.start)
                    and _BECOMES_ACQUIRING.match(text, mention.end, end)
                )
                or _ACQUISITION_OF_WHICH.match(text, mention.end, end)
            ):
                # "A person that acquires 4.9% of the common stock becomes an Acquiring Person":
                # acquiring the number, reaching it, is what makes one: 4.9% or more.
                comparison = Comparison.AT_LEAST
                confidence = 0.75 * factor
                notes.append("acquiring the number makes an Acquiring Person: read as reaching it")
            if comparison is None:
                if self._stated is None:  # once per filing: reading stays linear
                    self._stated = _stated_comparisons(text, self.sentences)
                stated, from_clause = self._stated.get(mention.value, (None, False))
                if stated is not None:
                    comparison = stated
                    confidence = 0.7 * factor
                    notes.append(
                        "the comparison is not stated next to the number; taken from where the "
                        f"text writes {format_percent(mention.value)}% with one"
                    )
                else:
                    # Neither here nor anywhere else: the comparison is unknown, and drafted
                    # so (below); "or more" stands in only for what the number's role needs.
                    comparison = Comparison.AT_LEAST
                    assumed = True
                    confidence = 0.6 * factor
                    notes.append(
                        "the text does not state the comparison: whether reaching "
                        f"{format_percent(mention.value)}% or exceeding it counts is not known"
                    )
            general = None if assumed else comparison  # None: the text does not state it
            if tier is not None:
                self._tier_exception(tier, general, refs, start, end, factor)
            for passive_words in (qualification, trailing):
                if passive_words is not None and _PASSIVE_WORDS.search(passive_words.group()):
                    self._qualified_passive(passive_words, general, start, end, factor)
            if wording == "up to":
                confidence *= 0.8
                notes.append(
                    f'"up to {format_percent(mention.value)}%" read as ending at '
                    f'"more than {format_percent(mention.value)}%"'
                )
            if not mention.agrees:
                confidence *= 0.5
                notes.append("the number in words and the numeral beside it disagree")
            evidence = self.context.evidence(s, e)
            change, target = self._percent_role(
                mention, comparison, low, window, refs, start, end, notes, passive=is_passive
            )
            if isinstance(change, SetThreshold) and not assumed and sentence_comparison is None:
                sentence_comparison = comparison
            if change is None or (
                (assumed or from_clause)
                and target == "provision"
                and isinstance(change, SetThreshold | SetPassiveTier)
            ):
                # "an ownership trigger threshold of 15%": a line the text draws without
                # saying whether reaching it or exceeding it triggers; "or more" would be a
                # guess, and a plausible wrong threshold is worse than none. (A change "from
                # 15% to 10%" keeps the agreement's comparison: drafted, its guess said.)
                continue
            if (
                authority is not Authority.AGREEMENT
                and target == "provision"
                and (self.event.kind is not EventKind.ADOPTION)
            ):
                confidence *= 0.7
                notes.append(
                    f"restated in a {authority.label}, which may paraphrase the agreement "
                    '("more than" for "or more"); confirm against the Rights Agreement'
                )
            if assumed and isinstance(change, _THRESHOLD_CHANGES):
                change = attrs.evolve(
                    change, percent=unstated_comparison(mention.value), comparison=None
                )
            note = "; ".join(notes) or None
            if isinstance(change, AddException):
                stripped = text[start:end].strip()
                at = start + text[start:end].index(stripped[:1]) if stripped else start
                evidence = self.context.evidence(at, at + len(stripped))
            change = attrs.evolve(change, quote=" ".join(evidence.quote.split()), note=note)
            drafted = DraftChange(change, evidence, min(confidence, 1.0), wording)
            if target == "provision":
                self.provisions.append(drafted)
            else:
                number = self.current_number if target == "current" else int(target)
                self._amendment(number, current=target == "current").changes.append(drafted)

    def _whenever_exception(
        self, mention: PercentMention, start: int, end: int, low: str, factor: float
    ) -> None:
        """A named holder's number substituted 'whenever' it is the Person: its exception."""
        whenever = _WHENEVER_PERSON.search(
            self.text, max(start, mention.start - 600), mention.start
        )
        if whenever is None or not self._changing(start, end, low):
            return  # an agreement's own clause with no comparison: nothing guessed
        if self._stated is None:  # once per filing: reading stays linear
            self._stated = _stated_comparisons(self.text, self.sentences)
        stated, from_clause = self._stated.get(mention.value, (None, False))
        if from_clause:
            stated = None
        holder = " ".join(whenever["holder"].split())
        evidence = self.context.evidence(whenever.start(), mention.end)
        change = AddException(
            holder=holder,
            percent=mention.value if stated else unstated_comparison(mention.value),
            comparison=stated,
            requires_passive=False,
            quote=" ".join(evidence.quote.split()),
            note="the number substituted for the threshold whenever the holder is the Person"
            + ("" if stated else "; the text does not state the comparison"),
        )
        record = self._amendment(self.current_number, current=True)
        record.changes.append(DraftChange(change, evidence, 0.6 * factor))

    def _ownership_threshold(self) -> None:
        """A release's "20% stock ownership threshold", when nothing else gave the threshold.

        "The rights plan provides for a 20% stock ownership threshold at which rights ... may
        become exercisable", "shareholders wanting to exceed the 5% ownership threshold": the
        plan's threshold, its comparison not stated (whether reaching it triggers is not said);
        never a threshold changed "from" it or one in force "prior to" a change.
        """
        for match in _OWNERSHIP_THRESHOLD.finditer(self.text, 0, min(len(self.text), _SCAN_LIMIT)):
            before = self.text[max(0, match.start() - 80) : match.start()].casefold()
            if re.search(r"\b(?:from|prior|previous|previously|former|old)\b", before):
                continue
            values = find_percents(self.text, match.start(), match.end())
            if len(values) != 1:
                continue
            evidence = self.context.evidence(match.start(), match.end())
            change = SetThreshold(
                percent=unstated_comparison(values[0].value),
                quote=" ".join(evidence.quote.split()),
                note="a release's ownership threshold; the text does not state the comparison",
            )
            self.provisions.append(DraftChange(change, evidence, 0.5))
            return

    def _recited_threshold(self, start: int, end: int, authority: Authority) -> None:
        """The new threshold a recital gives as the amendment's purpose.

        "WHEREAS, the Board ... has determined ... to amend the Rights Agreement to lower the
        thresholds set forth in Section 1(a) and 3(a) ... to 15%, in each case as set forth in
        this Amendment": the instrument's change, when its operative words are not read. The
        comparison is the agreement's, which the recital does not state: drafted as not stated
        (see :func:`unstated_comparison`).
        """
        match = _RECITED_NEW_THRESHOLD.search(self.text, start, end)
        if match is None:
            return
        values = find_percents(self.text, match.start("value"), match.end())
        if len(values) != 1:
            return
        evidence = self.context.evidence(match.start(), match.end())
        change = SetThreshold(
            percent=unstated_comparison(values[0].value),
            quote=" ".join(evidence.quote.split()),
            note="the purpose a recital states; the text does not state the comparison",
        )
        record = self._amendment(self.current_number, current=True)
        if any(isinstance(c.change, SetThreshold) for c in record.changes):
            return
        factor = _AUTHORITY_FACTOR[authority]
        record.changes.append(DraftChange(change, evidence, 0.5 * factor))
        self._recital_terms.add(evidence.start)

    def _grandfathering(
        self,
        clause: re.Match[str],
        start: int,
        end: int,
        mentions: list[PercentMention],
        authority: Authority,
    ) -> None:
        """A grandfathering clause, with its tolerance or none.

        "by more than 0.5%", "plus one percent"; or no tolerance: "so long as they do not
        acquire additional shares". "lowest percentage ... since" and "the close of business
        on" set what the tolerance is measured from and the cut-off.
        """
        text = self.text
        factor = _AUTHORITY_FACTOR[authority]
        tolerance = None
        for mention in mentions:
            if mention.start < clause.start() or mention.value > 2:
                continue
            if _TOLERANCE.search(text, max(start, mention.start - 60), mention.start):
                tolerance = mention
                break
        if tolerance is None and not _NO_ADDITIONAL.search(text, clause.start(), end):
            return
        words = text[clause.start() : end]
        extra: dict[str, object] = {}
        if _LOWEST_SINCE.search(words):
            extra["measured_from"] = GrandfatherBase.LOWEST_SINCE
        if _CLOSE_OF_BUSINESS.search(words):
            extra["cutoff"] = GrandfatherCutoff.CLOSE_OF_BUSINESS
        if tolerance is None:
            change = SetGrandfathering(**extra)  # type: ignore[arg-type]
            s, e, confidence, note = clause.start(), end, 0.75 * factor, None
        else:
            comparison, _, s, e = _comparison(text, tolerance, start, end)
            note = None
            if comparison is None:
                before = " ".join(text[clause.start() : tolerance.start].split()).lower()
                if "at least" in before:
                    comparison = Comparison.AT_LEAST  # "at least that percentage ... plus 1%"
                elif "more than" in before or "exceed" in before:
                    comparison = Comparison.MORE_THAN
                elif _ACQUIRES_ADDITIONAL.search(before):
                    # "only if they acquire an additional one percent": acquiring that much
                    # more is what triggers, so the tolerance is reached at it.
                    comparison = Comparison.AT_LEAST
            if comparison is None:
                comparison = Comparison.MORE_THAN
                note = 'the comparison is not stated next to the tolerance; assumed "more than"'
            change = SetGrandfathering(
                tolerance_percent=tolerance.value,
                tolerance_comparison=comparison,
                **extra,  # type: ignore[arg-type]
            )
            confidence = (0.8 if note is None else 0.55) * factor
        evidence = self.context.evidence(clause.start(), max(e, s))
        low = " ".join(text[start:end].split()).lower()
        changing = self._changing(start, end, low)
        drafted = DraftChange(
            attrs.evolve(change, quote=" ".join(evidence.quote.split()), note=note),
            evidence,
            confidence,
        )
        if changing or self.event.kind is EventKind.AMENDMENT:
            self._amendment(self.current_number, current=True).changes.append(drafted)
        else:
            self.provisions.append(drafted)

    def _term_comparison(self, term: str) -> Comparison | None:
        """How the text compares with a defined term ("the Threshold Percentage or more")."""
        if term not in self._terms:
            words = r"[ \t\n]+".join(re.escape(w) for w in term.split())
            after = re.search(rf"{words}[\"”]?{_W}or{_W}(?:more|greater)\b", self.text)
            before = re.search(
                rf"(?P<equal>equal{_W}to{_W}or{_W})?"
                rf"(?:more{_W}than|in{_W}excess{_W}of|exceed(?:s|ing)?|greater{_W}than){_W}"
                rf"(?:the{_W})?(?:then[ -]applicable{_W})?[\"“]?{words}",
                self.text,
                re.IGNORECASE,
            )
            found = None
            if after is not None and (before is None or after.start() < before.start()):
                found = Comparison.AT_LEAST
            elif before is not None:
                # "equal to or exceeding the Threshold Percentage": at least.
                found = Comparison.AT_LEAST if before["equal"] else Comparison.MORE_THAN
            self._terms[term] = found
        return self._terms[term]

    def _qualified_passive(
        self,
        qualification: re.Match[str],
        comparison: Comparison | None,
        start: int,
        end: int,
        factor: float,
    ) -> None:
        """A passive tier in a qualification: "10% (or 20% in the case of passive investors)"."""
        values = find_percents(self.text, qualification.start(), qualification.end())
        if len(values) != 1:
            return
        # The tier's own words, where it has them ("..., 20% or more)"), else the general one's.
        own, _, _, _ = _comparison(self.text, values[0], qualification.start(), qualification.end())
        evidence = self.context.evidence(qualification.start(), qualification.end())
        low = " ".join(self.text[start:end].split()).lower()
        changing = self._changing(start, end, low)
        stated = own or comparison
        if stated is None and not changing:
            return  # an agreement's term without its comparison: a guess would be worse
        change = SetPassiveTier(
            percent=values[0].value if stated else unstated_comparison(values[0].value),
            comparison=stated,
            quote=" ".join(evidence.quote.split()),
            note="a passive investors' tier, in a parenthesis after the general threshold"
            + ("" if stated else "; the text does not state the comparison"),
        )
        drafted = DraftChange(change, evidence, 0.75 * factor)
        if changing:
            self._amendment(self.current_number, current=True).changes.append(drafted)
        else:
            self.provisions.append(drafted)

    def _tier_exception(
        self,
        tier: re.Match[str],
        comparison: Comparison | None,
        refs: list[tuple[int, re.Match[str]]],
        start: int,
        end: int,
        factor: float,
    ) -> None:
        """The named holder's tier in "15% (or 20% in the case of X and its affiliates) or more"."""
        values = find_percents(self.text, tier.start("value"), tier.end("value"))
        if not values:
            return
        holder = " ".join(tier["holder"].split())
        evidence = self.context.evidence(tier.start(), tier.end())
        low = " ".join(self.text[start:end].split()).lower()
        changing = self._changing(start, end, low)
        if comparison is None and not changing:
            return  # an agreement's term without its comparison: a guess would be worse
        change = AddException(
            holder=holder,
            percent=values[0].value if comparison else unstated_comparison(values[0].value),
            comparison=comparison,
            requires_passive=False,
            quote=" ".join(evidence.quote.split()),
            note="a second tier for a named holder in the sentence that sets the general one"
            + ("" if comparison else "; the text does not state the comparison"),
        )
        drafted = DraftChange(change, evidence, 0.75 * factor)
        if changing:
            self._amendment(self.current_number, current=True).changes.append(drafted)
        else:
            self.provisions.append(drafted)

    def _percent_role(
        self,
        mention: PercentMention,
        comparison: Comparison,
        low: str,
        window: str,
        refs: list[tuple[int, re.Match[str]]],
        start: int,
        end: int,
        notes: list[str],
        *,
        passive: bool = False,
    ) -> tuple[Change | None, str]:
        """What a percentage sets, and where it goes: "provision", "current" or a number."""
        value = mention.value
        flags = self._flags(start, end, low)
        target = (
            "current"
            if self.event.kind is not EventKind.ADOPTION and flags.changing
            else "provision"
        )
        if ("additional" in window and value <= 2) or "grandfather" in window:
            return (
                SetGrandfathering(tolerance_percent=value, tolerance_comparison=comparison),
                target,
            )
        holder = flags.holder
        exception = flags.exception
        if holder is None and flags.changing:
            # "The amendment changes that threshold, from 15% to 20%, in the case of Neil
            # Gagnon": the new number is the named holder's, the line for others unchanged
            case = _IN_THE_CASE_OF.match(self.text, mention.end, min(end, mention.end + 80))
            if case is not None and case["name"].split()[0].lower() not in _NOT_A_HOLDER:
                holder, exception = (" ".join(case["name"].split()), ()), True
        if holder is None and exception:
            # "X Capital, L.P. ... shall not be deemed an Acquiring Person unless ... more than
            # 25%": a named holder the text does not define a short name for.
            holder = flags.named
        if holder is not None and exception:
            if _LIMITATION.match(self.text, mention.end):
                return None, target
            name, members = holder
            passive = flags.passive
            if not passive and flags.as_described:
                passive = self._passive_of(name)
                notes.append("conditions as described for the current exception")
            prior = [n for n, _ in refs if n != self.current_number]
            if prior and flags.previous:
                target = str(prior[0])
            elif self.event.kind is not EventKind.ADOPTION or "waive" in low:
                target = "current"  # a board's waiver changes the plan as an amendment does
            return (
                AddException(
                    holder=name,
                    members=members,
                    percent=value,
                    comparison=comparison,
                    requires_passive=passive,
                ),
                target,
            )
        if value >= _NEVER_A_THRESHOLD:
            # "before the Acquiring Person owns 50% or more ..., the Board may exchange the
            # Rights": a half of the shares is control, never where a plan draws its line.
            return None, target
        if passive:
            if flags.exception and self.event.kind is EventKind.AMENDMENT:
                # "The Amendment provides for an exception ... to permit a Passive Institutional
                # Investor to ... own less than 17.5%": the tier the amendment adds
                target = "current"
            return SetPassiveTier(percent=value, comparison=comparison), target
        if _ALLOWED_TO_ACQUIRE.search(self.text, max(start, mention.start - 100), mention.start):
            # "This amendment allowed two investors to acquire more than 5%": an exception
            # for some holders, not the line the plan draws for all.
            return None, target
        if flags.about_plan:
            return SetThreshold(percent=value, comparison=comparison), target
        return None, target

    def _flags(self, start: int, end: int, low: str) -> _Flags:
        """What a sentence is about, worked out once per sentence (keeps the reading linear)."""
        key = (start, end)
        if self._flag_cache[0] != key:
            self._flag_cache = (
                key,
                _Flags(
                    changing=(bool(_CHANGING.search(low)) and "continues to" not in low)
                    or self._in_new_text(start, end),
                    holder=self._holder_in(start, end),
                    exception=_EXCEPTION.search(low) is not None,
                    passive=_PASSIVE.search(low) is not None,
                    as_described=_AS_DESCRIBED.search(low) is not None,
                    previous=_PREVIOUS.search(low) is not None,
                    about_plan=_ABOUT_PLAN.search(low) is not None,
                    named=self._named_holder(start, end, low),
                ),
            )
        return self._flag_cache[1]

    def _named_holder(self, start: int, end: int, low: str) -> tuple[str, tuple[str, ...]] | None:
        if _EXCEPTION.search(low) is None:
            return None
        named = _EXCLUDED.search(self.text, start, end)
        if named is None and "exclud" in low:
            named = _EXCLUDED_FROM.search(self.text, start, end)
        if named is None and "in no event" in low:
            named = _IN_NO_EVENT.search(self.text, start, end)
        if named is None and "waive" in low and "without being deemed" in low:
            named = _ALLOWED_TO_OWN.search(self.text, start, end)
        if named is None or named["name"].split()[0].lower() in _NOT_A_HOLDER:
            return None
        return (" ".join(named["name"].split()), ())

    def _passive_of(self, holder: str) -> bool:
        for record in self.amendments.values():
            for drafted in record.changes:
                if isinstance(drafted.change, AddException) and drafted.change.holder == holder:
                    return drafted.change.requires_passive
        return False

    # endings ---------------------------------------------------------------------------

    def _expiration(
        self,
        start: int,
        end: int,
        low: str,
        authority: Authority,
        refs: list[tuple[int, re.Match[str]]],
    ) -> None:
        """The plan's expiration date, as the sentence ties it to the plan.

        "expires on X", "the Final Expiration Date ... to X", "will continue in effect to X".
        Not drafted: an expiry said hypothetically ("if ... ratification were obtained, the
        Rights Plan as so extended would expire on X"), the expiry a replaced plan had, in an
        adoption ("the existing rights plan which is scheduled to expire on X"). One the plan
        "was scheduled" to have is its old term, never the instrument's new one.
        """
        if _RECITAL.match(low) and not (
            self.event.kind in (EventKind.AMENDMENT, EventKind.TERMINATION)
            and _RECITED_EXTENSION.search(self.text, start, end) is not None
        ):
            return
        in_effect = (
            _IN_EFFECT_UNTIL.search(self.text, start, end)
            if "in effect" in low or "term of" in low
            else None
        )
        if "expir" not in low and in_effect is None:
            self._expiry_section_date(start, end, authority)
            return
        found = _EXPIR.search(self.text, start, end) or in_effect  # not text.lower(): quadratic
        if found is None:
            return
        anchor = found.start()
        if _OTHER_EXPIRY.search(self.text, max(start, anchor - 100), anchor):
            return  # something else expires: charter transfer restrictions, tax losses
        if (
            _HYPOTHETICAL.search(self.text, max(start, anchor - 80), anchor)
            or _IF_CLAUSE.match(self.text, start, anchor)
        ) and not (
            _UNLESS_ENDED.search(self.text, max(start, anchor - 80), anchor)
            or _WAS_SCHEDULED.match(self.text, max(start, anchor - 8), anchor + 20)
        ):
            return
        if self.event.kind is EventKind.ADOPTION and (
            _REPLACED_PLAN.search(self.text, max(start, anchor - 100), anchor)
            or (
                _NEW_PLAN.search(low) is not None
                and _CURRENT_PLAN.search(self.text, max(start, anchor - 100), anchor)
            )
        ):
            return
        was_scheduled = _WAS_SCHEDULED.search(self.text, max(start, anchor - 40), anchor + 20)
        dates = [d for d in _dates_outside_dated(self.text, start, end) if d[0] > anchor]
        effective = _EXPIRATION_EFFECTIVE.search(self.text, anchor, end)
        day_effective = _text.parse_date(effective) if effective is not None else None
        if not dates and effective is not None and day_effective is not None:
            # "to provide for its final expiration effective July 31, 2004": the expiry's day,
            # though "effective" stands before it
            dates = [(effective.start("date"), effective.end("date"), day_effective)]
        named = _EXPIRY_NAMED.search(self.text, start, end)
        replaced = _REPLACED.search(self.text, start, end)
        if named is not None and replaced is not None and named.start() < replaced.end():
            # 'replace the phrase "May 31, 2006 ("Final Expiration Date")" with the phrase
            # "May 31, 2011 ("Final Expiration Date")"': the term named after "with" is new.
            named = _EXPIRY_NAMED.search(self.text, replaced.end(), end) or named
        day_named = _text.parse_date(named) if named is not None else None
        if (
            named is not None
            and day_named is not None
            and not self._old_value(start, named.start())
        ):
            # 'the Close of Business on March 1, 2014 (the "Final Expiration Date")': the date
            # the defined term names, wherever "expir" first appears
            dates = [(named.start("date"), named.end("date"), day_named)]
            anchor = min(anchor, named.start())
        if not dates and self.event.kind is EventKind.EXPIRATION and "expired" in low:
            # "Effective as of the close of business on X, the Rights Agreement ... expired":
            # the day the sentence opens with is the expiry's.
            opening = _EXPIRED_AT.match(self.text, start, anchor)
            day = _text.parse_date(opening) if opening is not None else None
            if opening is not None and day is not None:
                dates = [(opening.start("date"), opening.end("date"), day)]
        if not dates:
            return
        # "extends the Final Expiration Date from May 18, 2019 to May 18, 2022": the new date
        # follows "to"; the one after "from" is the old value.
        # 'is hereby amended by deleting "March 19, 2021" and replacing it with "March 19,
        # 2024"': what comes before the new words is old.
        if replaced is not None and replaced.start() < dates[-1][0]:
            dates = [d for d in dates if d[0] >= replaced.end()] or dates[-1:]
        s, e, day = dates[0]
        if self._old_value(start, s):
            later = [d for d in dates[1:] if self._new_value(start, d[0])]
            if not later:
                return
            s, e, day = later[0]
        evidence = self.context.evidence(min(anchor, s), e)
        factor = _AUTHORITY_FACTOR[authority]
        if self.event.kind is EventKind.ADOPTION:
            if _EXPIRES.search(low):
                self.provisions.append(
                    DraftChange(
                        SetExpiration(date=day, quote=" ".join(evidence.quote.split())),
                        evidence,
                        0.8 * factor,
                    )
                )
            return
        if self.event.kind is EventKind.EXPIRATION and "expired" in low:
            self.provisions.append(
                DraftChange(
                    SetExpiration(
                        date=day,
                        quote=" ".join(evidence.quote.split()),
                        note="the rights expired on this date by the agreement's own terms",
                    ),
                    evidence,
                    0.75 * factor,
                )
            )
            return
        if not was_scheduled and (
            "accelerat" in low
            or re.search(
                r"\bextend\w*\b|\bamend\w*\b|\bchang(?:e|ed|es|ing)\b[^.;]{0,120}?\bfrom\b", low
            )
            or self._in_new_text(start, end)
        ):
            note = None
            if self.event.kind is EventKind.TERMINATION:
                note = "the expiration date is accelerated: the plan ends on this date"
            change = SetExpiration(date=day, quote=" ".join(evidence.quote.split()), note=note)
            listed = self._listed(start, end, refs)
            record = (
                self._amendment(self.current_number, current=True)
                if listed is None
                else self._amendment(listed)
            )
            # A date the words give as the new one ("to X", "replacing it with X") is surer
            # than one a sentence about the change merely states.
            new = self._new_value(start, s) or (replaced is not None and s >= replaced.end())
            if _RECITAL.match(low):
                # a recital's purpose: kept only if no operative words set the expiry
                self._recited_expiries.append((record, DraftChange(change, evidence, 0.7 * factor)))
                return
            if not any(
                isinstance(c.change, SetExpiration) and c.change.date == day for c in record.changes
            ):
                record.changes.append(DraftChange(change, evidence, (0.8 if new else 0.7) * factor))
        elif was_scheduled or (_EXPIRES.search(low) and not _CHANGING.search(low)):
            if was_scheduled and _UNDER_ITS_TERMS.search(self.text, start, anchor):
                self._scheduled_expiry.add(min(anchor, s))
            if was_scheduled:
                self._was_scheduled.add(min(anchor, s))
            # "we maintained a rights plan with an expiration date of October 31, 2018", in a
            # report of another event: the agreement's own term, kept unless the filing's
            # instrument sets a new one (see result()).
            self.stated_expiry.append(
                DraftChange(
                    SetExpiration(
                        date=day,
                        quote=" ".join(evidence.quote.split()),
                        note="the expiration date the agreement sets, as this filing states it",
                    ),
                    evidence,
                    0.7 * factor,
                )
            )

    def _expiry_section_date(self, start: int, end: int, authority: Authority) -> None:
        """A date replaced by a later one in Section 7(a), the expiry of the standard form.

        Rights agreements follow one form, whose Section 7 is "Exercise of Rights; Purchase
        Price; Expiration Date of Rights" and whose 7(a) ends the rights at the Final
        Expiration Date: "Section 7(a) ... is hereby amended to replace the date "February 16,
        2017" with the date "February 16, 2027"" moves the expiry, the word unsaid.
        """
        if self.event.kind is not EventKind.AMENDMENT:
            return
        match = _EXPIRY_SECTION_REPLACED.search(self.text, start, end)
        if match is None:
            return
        olds = _text.find_dates(self.text, match.start("old"), match.end("old"))
        news = _text.find_dates(self.text, match.start("new"), match.end("new"))
        if not olds or not news or news[0][2] == olds[0][2]:
            return
        new = news[0][2]
        evidence = self.context.evidence(match.start(), match.end())
        record = self._amendment(self.current_number, current=True)
        if new < olds[0][2] and (record.executed is None or new < record.executed.value):
            # an earlier date accelerates the expiry only from the instrument's own day on
            # ("replace the words "September 30, 2020" with the words "June 21, 2011"", in an
            # amendment entered into as of June 21, 2011)
            return
        if any(isinstance(c.change, SetExpiration) for c in record.changes):
            return
        record.changes.append(
            DraftChange(
                SetExpiration(
                    date=new,
                    quote=" ".join(evidence.quote.split()),
                    note="Section 7(a), the expiry of the standard form: a later date replaces "
                    "an earlier one",
                ),
                evidence,
                0.7 * _AUTHORITY_FACTOR[authority],
            )
        )

    def _termination(self, start: int, end: int, low: str, authority: Authority) -> None:
        """The plan terminated by the board or an amendment.

        "terminated the Rights Agreement", "a resolution to terminate the Rights Agreement
        effective January 14, 2021": a Terminate change, and the date it took effect.
        """
        if self.event.kind is not EventKind.TERMINATION or _RECITAL.match(low):
            return
        match = _TERMINATES.search(self.text, start, end)
        if match is None or _MAYBE.search(self.text, max(start, match.start() - 60), match.start()):
            return
        record = self._amendment(self.current_number, current=True)
        if any(isinstance(c.change, Terminate) for c in record.changes):
            return
        if any(isinstance(c.change, SetExpiration) for c in record.changes) and _AS_A_RESULT.search(
            self.text, max(start, match.start() - 60), match.start()
        ):
            return  # "accelerates the expiration ... and has the effect of terminating": the
            # instrument's change is the new expiration date, read as such
        factor = _AUTHORITY_FACTOR[authority]
        evidence = self.context.evidence(match.start(), match.end())
        record.changes.append(
            DraftChange(Terminate(quote=" ".join(evidence.quote.split())), evidence, 0.8 * factor)
        )
        if record.executed is None:
            effective = _EFFECTIVE.search(self.text, start, end)
            when = _text.parse_date(effective) if effective is not None else None
            if effective is not None and when is not None:
                record.executed = Found(
                    when, self.context.evidence(effective.start(), effective.end()), 0.8 * factor
                )
            else:
                dates = [
                    d
                    for d in _dates_outside_dated(self.text, start, match.start())
                    if not self._old_value(start, d[0]) and not self._new_value(start, d[0])
                ]
                on = _ON_DATE_AFTER.match(self.text, match.end(), end)
                if dates:
                    s, _, day = dates[0]
                    record.executed = Found(
                        day,
                        self.context.evidence(s, match.end()),
                        0.7 * factor,
                        "the date given in the sentence that terminates the plan",
                    )
                elif on is not None and (when := _text.parse_date(on)) is not None:
                    # "terminated the Rights Agreement on March 20, 2021"
                    record.executed = Found(
                        when, self.context.evidence(match.start(), on.end()), 0.8 * factor
                    )

    def _redemption(self, start: int, end: int, low: str, authority: Authority) -> None:
        if self.event.kind is not EventKind.REDEMPTION or (
            "redeem" not in low and "redemption" not in low
        ):
            return
        price = _PRICE.search(self.text, start, end)
        if price is None and _DESCRIBED_IN_ITEM.search(low):
            return  # "the redemption ... as described in Item 3.03": told elsewhere
        record = self._amendment(None, current=True)
        drafted = [c.change for c in record.changes if isinstance(c.change, Redeem)]
        if drafted and (price is None or any(c.price is not None for c in drafted)):
            return
        # "approved the redemption of the rights. The redemption price of $0.01 per share...":
        # the sentence that gives the price replaces a reading without one.
        record.changes[:] = [c for c in record.changes if not isinstance(c.change, Redeem)]
        s = price.start() if price is not None else start
        e = price.end() if price is not None else end
        evidence = self.context.evidence(s, e)
        record.changes.append(
            DraftChange(
                Redeem(
                    price=Decimal(price["price"]) if price is not None else None,
                    quote=" ".join(self.text[start:end].split()),
                ),
                evidence,
                (0.85 if price is not None else 0.6) * _AUTHORITY_FACTOR[authority],
            )
        )

    # the result ------------------------------------------------------------------------

    def _recited_amendments(self, drafted: list[DraftAmendment]) -> list[DraftAmendment]:
        """Each earlier amendment a chain recites, unless drafted already or not after the plan.

        A day no later than the agreement's is the agreement's own, not an amendment's.
        """
        known = {a.executed.value for a in drafted if a.executed is not None}
        floor = min((f.value for f in self.agreement_dates), default=None)
        return [
            DraftAmendment(number=None, authorized=None, executed=found, changes=(), current=False)
            for day, found in self.recited.items()
            if day not in known and (floor is None or day > floor)
        ]

    def result(self, base: FilingDraft) -> FilingDraft:
        """The draft: readings reconciled, conflicts kept, values in document order."""
        self._resolve_ambiguous()
        if not any(
            isinstance(c.change, SetExpiration)
            for drafted in (self.provisions, *(r.changes for r in self.amendments.values()))
            for c in drafted
        ):
            # "The Plan ... was scheduled to expire on April 27, 1998", in a report of the
            # amendment extending its term: the term before the change, no longer the plan's.
            # (Beside amendments to other terms it is still the plan's own.)
            extended = (
                self.event.kind is EventKind.AMENDMENT
                and _TERM_EXTENDED.search(self.text) is not None
            )
            self.provisions.extend(
                c
                for c in self.stated_expiry
                if not extended or c.evidence.start not in self._was_scheduled
            )
        else:
            # "the Rights were to expire on X (the "Expiration Date")" beside amendments that
            # moved it: X is the term the agreement set, the one they changed.
            moved = [
                c.change.date
                for drafted in (self.provisions, *(r.changes for r in self.amendments.values()))
                for c in drafted
                if isinstance(c.change, SetExpiration) and isinstance(c.change.date, pendulum.Date)
            ]
            self.provisions.extend(
                c
                for c in self.stated_expiry
                if c.evidence.start in self._scheduled_expiry
                and isinstance(c.change, SetExpiration)
                and isinstance(c.change.date, pendulum.Date)
                and moved
                and c.change.date < min(moved)
            )
        current = self.amendments.get(self.current_number)
        if current is not None and current.current:
            # "The Amendment ... increase[s] the ownership threshold ... from 15% to 20%. The
            # rights become exercisable ... 20% or more": a term the instrument sets, said
            # again as the plan now stands, is the instrument's new term, not the original's.
            new = {(c.key(), c.reading()) for c in current.changes}
            self.provisions = [p for p in self.provisions if (p.key(), p.reading()) not in new]
        if self.event.kind is EventKind.ADOPTION and not any(
            isinstance(c.change, SetThreshold)
            for c in [*self.provisions, *(c for r in self.amendments.values() for c in r.changes)]
        ):
            self._ownership_threshold()
        conflicts: list[Conflict] = []
        provisions = _reconcile(self.provisions, conflicts, "the agreement")
        amendments = []
        for number, record in self.amendments.items():
            stated = [c for c in record.changes if c.evidence.start not in self._recital_terms]
            if any(isinstance(c.change, SetThreshold) for c in stated):
                record.changes = stated  # the operative words, not the purpose recited
            changes = _reconcile(
                record.changes,
                conflicts,
                f"Amendment No. {number}"
                if number is not None
                else (record.title or "the instrument"),
            )
            if not changes and not record.current and record.executed is None:
                continue
            amendments.append(
                DraftAmendment(
                    number=record.number,
                    authorized=record.authorized,
                    executed=record.executed,
                    changes=tuple(changes),
                    current=record.current,
                    title=record.title if number is None else None,
                )
            )
        amendments.extend(self._recited_amendments(amendments))
        amendments.sort(key=lambda a: a.number.value if a.number else 10**6)
        seen: set[str] = {
            " ".join(p.change.holder.split()).casefold()
            for p in provisions
            if isinstance(p.change, AddException)
        }
        amendments = [
            attrs.evolve(a, changes=tuple(_replace_later(a.changes, seen))) for a in amendments
        ]
        best_rank = max(self.agreement_ranks, default=0)
        candidates = [
            f
            for f, r in zip(self.agreement_dates, self.agreement_ranks, strict=True)
            if r == best_rank
        ]
        agreement_date = min(
            candidates,
            key=lambda f: (f.value, -f.evidence.authority, -f.confidence),
            default=None,
        )
        agent = max(
            self.original_agents or self.serving_agents or self.agents or self.amendment_agents,
            key=lambda f: f.evidence.authority,
            default=None,
        )
        notes = list(self.notes)
        if agent is not None and _REDACTED_NAME.search(str(agent.value)):
            # "Xxxxxx Trust and Savings Bank": a name the mirror has redacted is no name
            notes.append("the rights agent's name is redacted in this copy; not drafted")
            agent = None
        if len({f.value for f in candidates}) > 1 and agreement_date is not None:
            reason = (
                "several dates are given for the Rights Agreement; the earliest, "
                f"{agreement_date.value.isoformat()}, is taken as the agreement's"
            )
            notes.append(reason)
            agreement_date = attrs.evolve(agreement_date, reason=reason)
        return attrs.evolve(
            base,
            agreement_date=agreement_date,
            rights_agent=agent,
            provisions=tuple(provisions),
            amendments=tuple(amendments),
            holdings=tuple(_unique_holdings(self.holdings)),
            conflicts=tuple(conflicts),
            notes=tuple(notes),
        )


def _unique_holdings(holdings: list[DraftHolding]) -> list[DraftHolding]:
    seen: dict[tuple[str, int], DraftHolding] = {}
    for holding in holdings:
        key = (holding.holder.casefold(), holding.shares)
        if key not in seen or holding.evidence.authority > seen[key].evidence.authority:
            seen[key] = holding
    return list(seen.values())


def _reconcile(
    readings: list[DraftChange], conflicts: list[Conflict], where: str
) -> list[DraftChange]:
    """One change per subject: the most authoritative reading, the others kept as conflicts."""
    by_key: dict[tuple[str, str], list[DraftChange]] = {}
    order: list[tuple[str, str]] = []
    for reading in readings:
        key = reading.key()
        if key not in by_key:
            by_key[key] = []
            order.append(key)
        by_key[key].append(reading)
    kept: list[DraftChange] = []
    for key in order:
        group = by_key[key]
        if key[0] in ("other-change", "appoint-rights-agent"):
            kept.extend(_dedupe(group))
            continue
        best = max(group, key=lambda r: (r.evidence.authority, r.confidence))
        others = [r for r in group if r.reading() != best.reading()]
        if others:
            # Each conflict names its own reading and the kept one, and the kept change's
            # note at most a few: n readings give output linear in n, not n squared.
            for other in others:
                conflicts.append(
                    Conflict(f"{where}: {best.kind}", best, other, _conflict_reason(best, other))
                )
            note = "; ".join(filter(None, [best.change.note, _conflicts_note(best, others)]))
            best = attrs.evolve(best, change=attrs.evolve(best.change, note=note))
        kept.append(best)
    return kept


_NOTED_READINGS = 3
"""Other readings a kept change's note quotes; the conflicts list every one of them."""


def _said(reading: DraftChange, other: DraftChange) -> str:
    quote = quoted(" ".join(reading.evidence.quote.split()))
    return f"the {reading.evidence.authority.label} ({_where(reading, other)}) says {quote}"


def _conflict_reason(best: DraftChange, other: DraftChange) -> str:
    """Why ``best`` was kept over ``other``: the two readings, in their own words."""
    said = f"{_said(other, best)}; {_said(best, other)}"
    if other.evidence.authority == best.evidence.authority:
        return f"{said}; the reading kept is the most confident one"
    return f"{said}; the {best.evidence.authority.label}'s words are used"


def _conflicts_note(best: DraftChange, others: list[DraftChange]) -> str:
    """The kept change's note: a few differing readings, each once with how often it occurs."""
    if len(others) == 1:
        return _conflict_reason(best, others[0])
    distinct: dict[str, list[DraftChange]] = {}
    for other in others:
        distinct.setdefault(other.reading(), []).append(other)
    said = []
    for places in list(distinct.values())[:_NOTED_READINGS]:
        count = f" ({len(places)} places)" if len(places) > 1 else ""
        said.append(_said(places[0], best) + count)
    if len(distinct) > _NOTED_READINGS:
        said.append(f"{len(distinct) - _NOTED_READINGS} more readings differ")
    rule = (
        "the reading kept is the most confident one"
        if all(o.evidence.authority == best.evidence.authority for o in others)
        else f"the {best.evidence.authority.label}'s words are used"
    )
    return f"{'; '.join(said)}; {_said(best, others[0])}; {rule} (see the conflicts)"


def _where(reading: DraftChange, other: DraftChange) -> str:
    """The document of a reading, with its filing when the other reading is from another."""
    if reading.evidence.filing == other.evidence.filing:
        return reading.evidence.document
    return f"{reading.evidence.document} of {Path(reading.evidence.filing).name}"


def _dedupe(group: list[DraftChange]) -> list[DraftChange]:
    out: dict[str, DraftChange] = {}
    for reading in group:
        out.setdefault(reading.reading(), reading)
    return list(out.values())


def _replace_later(changes: Iterable[DraftChange], seen: set[str]) -> list[DraftChange]:
    """An exception for a holder already excepted earlier in the history replaces it."""
    out = []
    for drafted in changes:
        change = drafted.change
        if isinstance(change, AddException | ReplaceException):
            key = " ".join(change.holder.split()).casefold()
            kind: type[AddException] | type[ReplaceException] = (
                ReplaceException if key in seen else AddException
            )
            seen.add(key)
            if type(change) is not kind:
                change = kind(
                    holder=change.holder,
                    members=change.members,
                    percent=change.percent,
                    comparison=change.comparison,
                    requires_passive=change.requires_passive,
                    section=change.section,
                    quote=change.quote,
                    note=change.note,
                )
                drafted = attrs.evolve(drafted, change=change)
        out.append(drafted)
    return out
