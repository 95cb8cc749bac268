"""What rights-plan event, if any, a filing reports.

:func:`classify` looks for the words that report each kind of event (a redemption, an
accelerated expiration, an amendment, an adoption) and returns the strongest, with the words
it relied on. A filing that never mentions a rights plan is :attr:`EventKind.NONE`.
"""

from __future__ import annotations

import enum
import re

import attrs
import pendulum

from rightsplan.edgar import _text
from rightsplan.edgar.filing import Filing

__all__ = [
    "RIGHTS_FORMS",
    "Classification",
    "DocumentKind",
    "DocumentReading",
    "EventKind",
    "classify",
    "document_kind",
]

RIGHTS_FORMS = frozenset(
    {"8-K", "8-K/A", "8-A12B", "8-A12G", "8-A12B/A", "8-A12G/A", "8-A", "8-A/A"}
)
"""The forms that report rights-plan events."""


class DocumentKind(enum.Enum):
    """The kind of document a filing's text is, as users meet them on EDGAR's index pages."""

    FORM_8K = "8-K"
    FORM_8A = "8-A"
    FORM_8A_AMENDMENT = "8-A/A"
    AGREEMENT = "EX-4 agreement"
    """A Rights Agreement (or tax benefit preservation plan, or amended and restated one)."""
    AMENDMENT = "EX-4 amendment"
    """An amendment to a Rights Agreement, as its own exhibit."""
    PRESS_RELEASE = "EX-99 press release"
    QUARTERLY_NOTE = "10-Q note"
    ANNUAL_NOTE = "10-K note"
    PROXY = "proxy"
    UNKNOWN = "unknown"
    """None of the above (a Schedule 13D, a certificate of designation), or not told apart."""


@attrs.frozen
class DocumentReading:
    """What kind of document a filing is, how sure the reader is, and why.

    ``confidence`` is ``"high"`` when a form type, an exhibit title or an XBRL heading at the
    top of the document names the kind, ``"low"`` when it was inferred from words further in;
    ``reason`` says which words decided (``quote``, at ``start``-``end`` of the filing's text).
    """

    kind: DocumentKind
    confidence: str
    reason: str
    start: int | None = None
    end: int | None = None
    quote: str | None = None


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


# A rights plan by any of its names: "Rights Agreement", "Section 382 Rights Agreement", "Tax
# Benefits Preservation Plan", "Tax Asset Protection Plan", "NOL Plan", "preference share
# purchase rights", the title misspelt "Right Agreement"; never a "Registration Rights
# Agreement".
PLAN_NOUN = (
    # "Shareholder Rights Plan Agreement": a Canadian plan's title, one noun
    r"(?:(?<![Rr]egistration )(?<!REGISTRATION )(?i:\brights[ \t\n]+(?:agreement|plan(?:[ \t\n]+"
    r"agreement)?)\b|"
    r"\b(?:preservation|protection)[ \t\n]+(?:rights[ \t\n]+)?(?:plan|agreement)"
    r"(?:[ \t\n]+agreement)?\b|"
    r"\bNOL[ \t\n]+plan\b)"
    # "to the Right Agreement, dated as of ...": the title misspelt, capitalised as a name
    r"|\bRight[ \t\n]+Agreement\b)"
)
_PLAN = re.compile(
    rf"{PLAN_NOUN}|\bpurchase[ \t\n]+rights?\b|\bshare(?:holder)?[ \t\n]+rights\b|"
    r"\brights[ \t\n]+to[ \t\n]+purchase\b|"
    # "declared a dividend distribution of one Right for each outstanding share": the rights
    # of a plan, whatever the plan is called.
    r"\bdividend(?:[ \t\n]+distribution)?[ \t\n]+of[ \t\n]+one[ \t\n]+"
    r"(?:[\w-]+[ \t\n]+){0,4}?right\b|"
    r"\bpreferred[ \t\n]+(?:stock|share)[ \t\n]+rights\b|"
    r"\bstockholder[ \t\n]+rights\b",
    re.IGNORECASE,
)
_W = r"[ \t\n]+"
_RIGHTS = rf"(?:[\w-]+{_W}){{0,4}}?[Rr]ights\b"
# What a document says it does, as a noun: "This Form 8-A/A is filed ... to reflect the
# expiration of the preferred share purchase rights", "reports the termination of".
_REPORTS = (
    rf"\b(?:to{_W}(?:reflect|report|give{_W}effect{_W}to)|reflect(?:s|ing)|report(?:s|ing))"
    rf"{_W}the{_W}"
)
_THE_PLAN = (
    rf"(?:(?:the|a|an|its|our|that{_W}certain|this){_W})?(?:[\w'’&-]+{_W}){{0,6}}?{PLAN_NOUN}"
)
# A report's other item pointing at the redemption it reports: "In consideration of the
# redemption of the Rights as described in Item 3.03, the Company expects to issue ... shares".
_REDEMPTION_IN_ITEM = re.compile(
    rf"\bredemption{_W}of{_W}the{_W}{_RIGHTS}{_W}as{_W}described{_W}in{_W}Item\b"
)
_SIGNALS: tuple[tuple[EventKind, float, str, re.Pattern[str]], ...] = (
    (
        EventKind.REDEMPTION,
        0.9,
        "the board redeemed the rights",
        re.compile(
            rf"\b(?:to{_W}redeem|redeemed|redemption{_W}of){_W}all{_W}(?:of{_W}the{_W})?"
            rf"(?:outstanding{_W})?(?:preferred{_W}(?:stock|share){_W}purchase{_W})?[Rr]ights\b|"
            # "the Company redeemed the rights", "voted to redeem the Rights", "approved the
            # redemption of the rights", "the Rights were redeemed": someone did it.
            rf"\b(?:redeemed|(?:voted|resolved|decided|determined|elected|agreed){_W}to{_W}redeem|"
            rf"(?:approved|authorized|announced|effected|completed){_W}the{_W}redemption{_W}of)"
            rf"{_W}(?:all{_W}(?:of{_W})?)?the{_W}(?:outstanding{_W})?{_RIGHTS}|"
            rf"\b{_RIGHTS}{_W}were(?:{_W}\w+ly)?{_W}redeemed\b|{_REPORTS}redemption{_W}of\b|"
            rf"{_REDEMPTION_IN_ITEM.pattern}|"
            # "redeemed as of March 26, 1999 (the "Redemption Date") each outstanding right to
            # purchase": the rights redeemed, named one by one.
            rf"\bredeemed{_W}(?:as{_W}of{_W}[^.;()]{{1,40}}?(?:\([^()]{{0,60}}\){_W})?)?"
            rf"(?:each|all){_W}(?:of{_W}the{_W})?outstanding{_W}(?:[\w-]+{_W}){{0,4}}?rights?\b",
            re.IGNORECASE,
        ),
    ),
    (
        EventKind.TERMINATION,
        0.9,
        "the plan was terminated, or its expiration date accelerated",
        re.compile(
            rf"\baccelerat\w{{0,4}}{_W}(?:the{_W})?(?:Final{_W})?Expiration(?:{_W}(?:Date|Time))?\b|"
            # "entered into the Amendment and Termination (the "Amendment and Termination") of
            # the Rights Agreement": the instrument's short name between.
            rf"\bterminat(?:e|es|ed|ing|ion(?:{_W}\([^)\n]{{0,60}}\))?{_W}of){_W}{_THE_PLAN}|"
            # "the Rights Agreement was effectively terminated": the plan, then the verb.
            rf"{PLAN_NOUN}(?:{_W}\([^)]{{0,60}}\))?,?{_W}(?:was|were|has{_W}been|is{_W}hereby)"
            rf"(?:{_W}\w+ly)?{_W}terminated\b|{_REPORTS}termination{_W}of\b",
            re.IGNORECASE,
        ),
    ),
    (
        EventKind.EXPIRATION,
        0.8,
        "the rights expired by their terms",
        re.compile(
            # "all rights in connection with the ... dividend of one preferred share purchase
            # right ... outstanding immediately prior to the Effective Time expired"
            rf"\b(?:Rights|{PLAN_NOUN}|purchase{_W}right)\b[^.;]{{0,200}}?(?<!have )(?<!had )"
            rf"(?<!not )\bexpired\b|"
            rf"{_REPORTS}expiration{_W}of\b|"
            # The board lets the plan run out: "determined to allow the expiration of its
            # existing stockholder rights plan in accordance with its terms", "decided not to
            # renew its shareholder rights plan. The Rights Agreement ... will expire by the
            # terms of the agreement".
            rf"\ballow(?:s|ed|ing)?{_W}the{_W}expiration{_W}of{_W}{_THE_PLAN}|"
            rf"\b(?:decided|determined|resolved|elected){_W}not{_W}to{_W}(?:renew|extend)"
            rf"{_W}{_THE_PLAN}",
            re.IGNORECASE,
        ),
    ),
    (
        EventKind.AMENDMENT,
        0.9,
        "an amendment to the rights plan",
        re.compile(
            rf"\b(?:Amendment(?:{_W}No\.?{_W}?\d{{1,2}}|{_W}\d{{1,2}})?|(?:First|Second|Third|Fourth|"
            rf"Fifth|Sixth|Seventh|Eighth|Ninth|Tenth){_W}Amendment|"
            # "the adoption of the amended Rights Agreement": an adjective, no act of amending
            rf"(?<!the )(?<!The )(?<!its )(?<!our )amend(?:s|ed|ing)?)"
            rf"(?:{_W}\([^)\n]{{0,40}}\))?,?"
            # an exhibit's line: "AMENDMENT DATED DECEMBER 14, 2009 TO RIGHTS AGREEMENT"
            rf"(?:{_W}dated(?:{_W}as{_W}of)?{_W}[a-z]{{3,9}}\.?{_W}\d{{1,2}},?{_W}\d{{4}})?"
            rf"{_W}(?:to{_W}|of{_W})?{_THE_PLAN}|"
            # "entered into a Rights Agreement Amendment dated as of July 15, 1997"
            rf"\b(?:entered{_W}into|executed|approved|adopted){_W}(?:an?|the){_W}"
            rf"(?:[\w'’&-]+{_W}){{0,3}}?{PLAN_NOUN}{_W}Amendment\b|"
            rf"\b(?:authorized|approved|executed|entered{_W}into|adopted){_W}"
            rf"(?:an{_W}|the{_W})?Amendment(?:{_W}No\.|{_W}to\b|{_W}Number\b)|"
            # "has entered into an Amendment, dated as of X (the "..."), by and between the
            # Company and Y, as successor Rights Agent ..., to its Amended and Restated
            # Preferred Shares Rights Agreement": the parties between the noun and the plan.
            rf"\b(?:executed|entered{_W}into){_W}an{_W}Amendment,?{_W}(?:dated|effective)\b"
            rf"(?:[^.;]|(?<=\b[A-Z])\.){{0,300}}?{_W}to{_W}{_THE_PLAN}|"
            # "approved the form of an amendment (the "Amendment") to be effective May 22,
            # 2000, to its Rights Agreement": its short name and its effective date between.
            rf"\b(?:approved|adopted|authorized|entered{_W}into,?)(?:{_W}the{_W}form{_W}of)?{_W}"
            rf"an{_W}amendment(?:{_W}\([^)\n]{{0,40}}\))?"
            rf"(?:{_W}to{_W}be{_W}effective{_W}[^.;,]{{1,40}},(?:{_W}\d{{4}},)?)?{_W}to\b|"
            # An extension amends the plan's expiry: "Ford Extends Tax Benefit Preservation
            # Plan", "approved a three-year extension of its current ... plan", "extends the
            # final expiration date of the plan".
            rf"\b(?:extend(?:s|ed|ing)?|extension{_W}of){_W}(?:the{_W}(?:term|(?:final{_W})?"
            rf"expiration(?:{_W}date)?){_W}of{_W})?{_THE_PLAN}",
            re.IGNORECASE | re.MULTILINE,
        ),
    ),
    (
        EventKind.ADOPTION,
        0.9,
        "the board adopted a rights plan",
        re.compile(
            # "declared a dividend of one preferred share purchase right", "declared a dividend
            # (the "Dividend") of one ... right", "declared a dividend of Preferred Share
            # Purchase Rights": rights issued as a dividend are a plan's adoption.
            rf"\bdeclared{_W}a{_W}(?:dividend|distribution){_W}(?:distribution{_W})?"
            rf"(?:\([^()\n]{{0,40}}\){_W})?"
            rf"of{_W}(?:one{_W}(?:[\w-]+{_W}){{0,4}}?right\b|(?:[\w-]+{_W}){{0,4}}?rights\b)|"
            # A heading that names the act: "RELATING TO ADOPTION OF A RIGHTS PLAN", "Adoption
            # of Stockholder Rights Plan" (a line of its own, not a sentence's words).
            rf"^[ \t|]*(?:[\w'’&,.-]+[ \t]+){{0,6}}?adoption[ \t]+of[ \t]+"
            rf"(?:(?:a|an|the|its|our)[ \t]+)?(?:[\w'’&-]+[ \t]+){{0,5}}?{PLAN_NOUN}[ \t]*$|"
            rf"\b(?:adopt(?:s|ed|ing)?|approved{_W}the{_W}adoption{_W}of){_W}{_THE_PLAN}|"
            # "executed a Rights Agreement", "implemented a Tax Benefit Preservation Plan".
            rf"\b(?:entered{_W}into|entry{_W}into|executed|implemented){_W}{_THE_PLAN}"
            rf"(?!{_W}Amendment\b)|"
            # "authorized, effective November 1, 2004, subject to ... approval, adoption of a
            # shareholder rights plan"; "a new Rights Agreement entered into between X and Y".
            rf"\b(?:authorized|approved),?{_W}[^.;]{{0,100}}?\badoption{_W}of{_W}{_THE_PLAN}|"
            rf"\ba{_W}new{_W}(?:[\w'’&-]+{_W}){{0,3}}?{PLAN_NOUN}(?:{_W}was)?{_W}"
            rf"(?:entered{_W}into|adopted)\b|"
            # "filing this Current Report on Form 8-K to report the adoption of a Shareholder
            # Rights Plan": what the document says it reports.
            rf"{_REPORTS}adoption{_W}of{_W}{_THE_PLAN}|"
            # "our Board of Directors approved a Stockholder Rights Agreement": the board's
            # approval adopts a plan (a vote of stockholders only ratifies one).
            # The board's name may hold a company's ("the Board of Directors of CutCo
            # Industries, Inc. (the "Company") approved a stockholder rights plan").
            rf"\bBoard\b(?:[^.;]|(?<=Inc)\.|(?<=Corp)\.|(?<=Co)\.){{0,80}}?\bapproved{_W}"
            rf"(?:(?:the|a|an|its|our){_W})?"
            rf"(?:(?!(?i:amend|terminat|redempt|extens))[\w'’&-]+{_W}){{0,6}}?{PLAN_NOUN}",
            re.IGNORECASE | re.MULTILINE,
        ),
    ),
)
_ORDER = {kind: rank for rank, (kind, _, _, _) in enumerate(_SIGNALS)}
# What makes a sentence history rather than the event reported: a recital, or words that put
# the plan in the past ("the prior rights plan expired", "replaces the plan adopted in 2009").
_HISTORY = re.compile(
    r"^\W*WHEREAS\b|\b(?:prior(?![ \t\n]+to\b)|previous(?:ly)?|existing|former(?:ly)?|"
    r"original(?:ly)?|heretofore|"
    # "the Company's past Shareholder Protection Rights Agreement": a past plan, not the past
    r"past(?=(?:[ \t\n]+[\w'’-]+){0,3}?[ \t\n]+(?:rights|plan|agreement)\b)|"
    r"replac(?:es|ed|ing))\b",
    re.IGNORECASE,
)
# Words that make what follows a possibility, not an event: "if the Board adopts a rights
# plan", "will obtain approval of any rights plan", "may amend the Rights Agreement".
_MAYBE = re.compile(
    r"\b(?:[Ii]f|may|might|would|could|should|will|shall|intends?|proposes?|[Uu]nless)\b"
    r"[^.;]{0,50}$"
)
# "we will promptly amend the Company's rights plan": a commitment the board made, not a maybe.
_ACCELERATION = "the expiration date was moved earlier (an acceleration amends the expiry)"
_COMMITTED = re.compile(r"\bwill[ \t\n]+(?:promptly|immediately)[ \t\n]+$")
# A date the plan expires on ("with an expiration date of August 1, 2022", "the Rights expire
# on ...", "expiration of the Rights from ... August 1, 2022") is a term of the plan, not the
# day of the event a sentence reports.
_EXPIRY_TERM = re.compile(r"\bexpir(?!ed\b)\w*\b[^.;]{0,40}$", re.IGNORECASE)
# A date after "Months Ended" is the period a note covers, not the day of an event.
_PERIOD = re.compile(r"\b(?:Months|Years?|Quarter|Period)[ \t]+Ended[ \t|\n]*$", re.I)
# An ending tied to a transaction that has not happened ("to accelerate the expiration date of
# the plan to immediately prior to the Merger") amends the plan; it has not ended it.
_CONTINGENT = re.compile(
    r"^[^.;]{0,120}?\b(?:prior[ \t\n]+to|before|upon|at)[ \t\n]+(?:the[ \t\n]+)?"
    r"(?:Effective[ \t\n]+Time|effective[ \t\n]+time|consummation|closing|completion|Closing|"
    r"Merger|merger)\b"
)
# "to change the Final Expiration Date ... from October 30, 2008 to June 30, 2006": an expiry
# moved earlier is an acceleration (a later one, an extension), whatever verb says it; either
# way the instrument amends the expiry, and the event is an amendment, not a termination.
_EXPIRY_FROM = re.compile(r"\bexpir\w*\b[^.;]{0,200}?\bfrom\b", re.IGNORECASE)
_TO = re.compile(r"^[^.;]{0,60}?\bto\b[^.;]{0,30}$")
_SPAN = re.compile(r"[\s\S]+")
_AMENDS = re.compile(r"\bamend", re.IGNORECASE)
# "In accordance with the terms of the Agreement as amended by the Amendment ..., the Rights
# expired": an expiry the amendment brought about; the amendment is the event reported.
_BY_THE_AMENDMENT = re.compile(
    r"\b(?:as[ \t\n]+amended[ \t\n]+by|as[ \t\n]+a[ \t\n]+result[ \t\n]+of|pursuant[ \t\n]+to)"
    r"[ \t\n]+the[ \t\n]+Amendment\b"
)
_RESTATED = _text.phrase("amended and restated")
_PLAN_IN_CHARTER = _text.phrase("certificate of incorporation")


# --- the kind of document -------------------------------------------------------------------------

_S = r"[ \t\n]+"
_ORDINAL = r"(?:FIRST|SECOND|THIRD|FOURTH|FIFTH|SIXTH|SEVENTH|EIGHTH|NINTH|TENTH)"
_CARDINAL = r"(?:ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN)"
_PLAN_TITLE = (
    rf"(?:[A-Z0-9][\w'’&.,-]*{_S}){{0,6}}?(?:RIGHTS{_S}(?:PLAN{_S})?(?:AGREEMENT|PLAN)|PRESERVATION{_S}"
    rf"(?:PLAN|AGREEMENT)|PROTECTION{_S}(?:PLAN|AGREEMENT))"
)
_AMENDMENT_TITLE = (
    # "AMENDMENT NUMBER TWO TO THE RIGHTS AGREEMENT": the number in words as well
    rf"(?:{_ORDINAL}{_S})?AMENDMENT"
    rf"(?:{_S}NO\.?[ \t]*\d{{1,2}}|{_S}NUMBER{_S}(?:\d{{1,2}}|{_CARDINAL}))?"
    rf"(?:{_S}\([^)\n]{{0,40}}\))?,?{_S}"
    rf"(?:TO|OF){_S}(?:THE{_S})?(?:{_ORDINAL}{_S})?(?:AMENDED{_S}AND{_S}RESTATED{_S})?{_PLAN_TITLE}"
)
# A headline is no title: "Acme Bancorp Announces Adoption of Shareholder Rights Plan".
_HEADLINE = (
    r"[^\n]{0,80}?\b(?:Adopts?|Announces?|Terminates?|Amends?|Extends?|Redeems?|Approves?|"
    r"Adoption|Termination|Extension|Expiration|Redemption|New|Renews?|Implements?)\b"
)
# A wire story's dateline: "DENVER, June 2, 2012 —", "CHICAGO, IL, June 2, 2012 --", or the
# city and the wire without a date: "CHICAGO (News release) --", "BOSTON (Business Wire) —".
_DATELINE = (
    r"^[ \t]*[A-Z][A-Z .'-]{2,30}(?:,[ \t]+[A-Z][A-Za-z.]{1,12}){0,2},[ \t]+[A-Z][a-z]{2,8}\.?"
    r"[ \t]+\d{1,2},[ \t]+(?:19|20)\d\d[ \t]*(?:/|\(|--|–|—|-)"
    r"|^[ \t]*[A-Z][A-Z .'-]{2,30}(?:,[ \t]+[A-Z][A-Za-z.]{1,12}){0,2}[ \t]+\([A-Za-z ]{0,20}"
    r"(?:Wire|WIRE|Newswire|NEWSWIRE|News|NEWS|[Rr]elease|RELEASE)\b[^()\n]{0,20}\)[ \t]*(?:--|–|—)"
    # The city in its own case, the date after a comma or a dash and a dash after it ("Austin,
    # Texas, December 21, 2022 –", "San Jose, CA – September 1, 2004 –", "New York, NY
    # (November 17, 2009)—").
    r"|^[ \t]*[A-Z][A-Za-z .'-]{2,30}(?:,[ \t]+[A-Z][A-Za-z.]{1,12}){0,2}"
    r"(?:,[ \t]*|[ \t]*(?:--|–|—|-)[ \t]*|[ \t]+(?=\())\(?[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},"
    r"[ \t]*(?:19|20)\d\d\)?[ \t]*(?:--|–|—|-)"
)
# A story's first words, a city in capitals and a dash before its first sentence, with no date
# ("TORONTO – Based on recommendations ..."): a dateline only in the document's first lines.
_BARE_DATELINE_AT_TOP = re.compile(
    r"[ \t\n|]*(?:[^\n]{0,300}\n[ \t\n]*)?"
    r"(?!(?:NOTE|ITEM|PART|SECTION|ARTICLE|EXHIBIT|SCHEDULE)\b)[A-Z][A-Z .'-]{2,30}"
    r"(?:,[ \t]+[A-Z][A-Za-z.]{1,12}){0,2}[ \t]+(?:--|–|—)[ \t]+[A-Z][a-z]+[ \t]+[a-z]"
)
# A headline in the document's first lines: who does what to a rights plan, the verb in the
# present tense of news ("Allergan adopts one-year stockholder rights plan", "RRD Amends
# Existing Stockholder Rights Plan", "ACME, INC. / ADOPTS REPLACEMENT STOCKHOLDER / PROTECTION
# RIGHTS AGREEMENT"). An agreement's title names the plan, not an act on it.
_HEADLINE_AT_TOP = re.compile(
    r"[ \t\n|]*(?:[^\n]{0,150}\n[ \t\n]*){0,2}?[^\n.]{0,150}?\b(?i:adopts|amends|extends|"
    r"terminates|redeems|announces|approves|renews|implements)\b[^.\n]{0,80}?"
    r"(?:\n[^.\n]{0,80}?)?\b(?i:rights|preservation|protection)\b"
)
# Signals: (kind, weight, pattern). A signal counts fully near the top of the document and less
# further in (a press release quotes "Rights Agreement"; an agreement's title is at its top).
# Each names the structure documents share (a cover's form type, an exhibit's title, an XBRL
# note's period heading, a wire service's dateline), not one company's words.
_KIND_SIGNALS: tuple[tuple[DocumentKind, int, re.Pattern[str]], ...] = (
    (
        # Neither a release nor a report to the SEC: a Canadian material change report ("MATERIAL
        # CHANGE REPORT", Form 51-102F3), a letter to shareholders ("To Our Shareholders:",
        # "Dear Fellow Stockholders,"): said at their top, in their own form's words.
        DocumentKind.UNKNOWN,
        12,
        re.compile(
            r"^[ \t|]*(?:MATERIAL[ \t]+CHANGE[ \t]+REPORT|FORM[ \t]+51-102F3)\b|"
            r"^[ \t]*(?:To[ \t]+(?:Our|All|the)[ \t]+(?:Shareholders|Stockholders)|Dear[ \t]+"
            r"(?:Fellow[ \t]+)?(?:Shareholders?|Stockholders?))[ \t]*[:,]|"
            # A prospectus or its supplement, said on its cover: "Filed Pursuant to Rule
            # 424(b)(3)", "SUPPLEMENT NO. 2, DATED DECEMBER 8, 2020, TO THE PROSPECTUS".
            r"^[ \t|]*Filed[ \t]+(?:Pursuant|pursuant)[ \t]+to[ \t]+Rule[ \t]+424\(b\)|"
            r"^[ \t|]*(?:PROSPECTUS[ \t]+SUPPLEMENT|SUPPLEMENT[ \t]+NO\.[ \t]*\d{1,2},?[ \t]"
            r"[^\n]{0,40}?TO[ \t]+(?:THE[ \t]+)?PROSPECTUS)\b",
            re.M,
        ),
    ),
    (
        # An officer's certificate ("I, X, the Corporate Secretary of ..., DO HEREBY CERTIFY:",
        # the rights' price adjusted after a split) or a letter to a person ("Dear Mr. Nelson,",
        # a notice removing the rights agent): filed as an exhibit 4, neither the agreement nor
        # an amendment of it (an amendment in a letter's form says it "hereby amends" the
        # agreement "as follows", a stronger signal).
        DocumentKind.UNKNOWN,
        9,
        re.compile(
            r"\b(?:DO|do)[ \t\n]+(?:HEREBY|hereby)[ \t\n]+(?:CERTIFY|certify)[ \t]*:|"
            r"^[ \t]*Dear[ \t]+(?:Mr|Ms|Mrs|Dr)\.?[ \t]+[A-Z][\w'’-]+[ \t]*[:,]",
            re.M,
        ),
    ),
    (
        # A summary of the plan, not the plan: "SUMMARY OF PLAN ADJUSTMENTS", "This summary is
        # qualified by reference to the Rights Agreement" (an agreement's text never says so).
        DocumentKind.UNKNOWN,
        12,
        re.compile(r"^[ \t]*SUMMARY[ \t]+OF\b|\bThis[ \t\n]+summary[ \t\n]+(?:is|does)\b", re.M),
    ),
    (
        DocumentKind.FORM_8A_AMENDMENT,
        11,
        re.compile(
            r"\bFORM[ \t\n]+8-A(?:12[BG])?[ \t]*/[ \t]*A\b|^[ \t]*8-A12[BG]/A\b|"
            # "The undersigned registrant hereby amends the Registration Statement on Form 8-A
            # filed ... on March 15, 2019": an 8-A/A's opening, its cover cut off
            r"\bhereby[ \t\n]+amends[ \t\n]+(?:the|its)[ \t\n]+(?:[\w-]+[ \t\n]+){0,3}?"
            r"Registration[ \t\n]+Statement[ \t\n]+on[ \t\n]+Form[ \t\n]+8-A(?:12[BG])?\b|"
            r"\bAmendment[ \t]+(?:No\.?|Number)[ \t]*\d{1,2}[ \t]+to[ \t\n]+FORM[ \t]+8-A\b|"
            r"\bFORM[ \t]+8-A(?:12[BG])?[ \t]*\n?[ \t]*\(?Amendment[ \t]+No\.?[ \t]*\d",
            re.I | re.M,
        ),
    ),
    (
        DocumentKind.FORM_8A,
        10,
        re.compile(
            # the dash as a converter may type it: "FORM 8−A" (a minus sign)
            r"\bFORM[ \t\n]+8[-−‐‑–]A(?:12[BG])?\b(?![ \t]*/)|^[ \t]*8-A12[BG]\b(?!/)|"
            # the form's own Item 1, which no other form has
            r"^[ \t|]*Item[ \t]*1\.?[ \t|]+Description[ \t]+of[ \t]+(?:the[ \t]+)?Registrant['’]s"
            r"[ \t]+Securities[ \t]+to[ \t]+be[ \t]+Registered\b",
            re.I | re.M,
        ),
    ),
    (
        DocumentKind.FORM_8K,
        10,
        re.compile(
            # "Item1.01.": a mirror may drop the space.
            # "FORM 8K", the dash dropped
            r"\bFORM[ \t\n]+8-?K\b|[‘'\"]8-K[’'\"]|^[ \t|]*Item[ \t]*(?:1\.01|3\.03|5\.03|8\.01)"
            r"(?!\d)|^[ \t]*Item[ \t]+5\.?[ \t]+Other[ \t]+Events\b"
            # The title of the 8-K item that reports a rights plan (Item 3.03), wherever the
            # page puts it: only a current report is headed with it ("... of Securities
            # Holders", "... of Security HoldersITEM 3.03" as a mirror runs it on).
            r"|(?<![A-Za-z])Material[ \t]+Modifications?[ \t]+to[ \t]+Rights[ \t]+of"
            r"[ \t]+Securit(?:y|ies)[ \t]+Holders(?-i:(?![a-z]))"
            # a mirror's extract says which filing it is taken from: "Extract: ... from a 8-K
            # on 10/07/2021"
            r"|^[ \t]*Extract:[^\n]{0,120}\bfrom[ \t]+an?[ \t]+8-K[ \t]+on\b",
            re.I | re.M,
        ),
    ),
    (
        DocumentKind.AMENDMENT,
        12,
        re.compile(
            # a compound title ending in the amendment: "AGREEMENT OF SUBSTITUTION AND
            # AMENDMENT OF COMMON STOCK RIGHTS AGREEMENT"
            rf"^[ \t]*(?:(?:[A-Z]+{_S}){{1,4}}?AND{_S})?{_AMENDMENT_TITLE}[ \t]*$|"
            rf"^[ \t]*THIS{_S}{_AMENDMENT_TITLE}|"
            # The title opening the instrument's first sentence ("SECOND AMENDMENT TO AMENDED
            # AND RESTATED RIGHTS AGREEMENT, dated as of January 24, 2020"), or after the
            # exhibit's label on a flattened page ("Exhibit 4.2 FIRST AMENDMENT TO RIGHTS
            # AGREEMENT", "EXHIBIT 99 THIRD AMENDMENT TO RIGHTS AGREEMENT").
            rf"^[ \t]*{_AMENDMENT_TITLE},?{_S}(?:dated|made|entered)\b|"
            rf"\bEXHIBIT[ \t]+[\d.()A-Za-z]{{1,8}}[ \t]+(?-i:{_AMENDMENT_TITLE})\b|"
            # an instrument titled by what it is, in capitals on a line of its own: "AMENDMENT
            # AGREEMENT" (its own short name then "this Agreement")
            rf"^[ \t]*(?-i:AMENDMENT{_S}AGREEMENT)[ \t]*$",
            re.I | re.M,
        ),
    ),
    (
        # A 1990s amendment's preamble names it by its date, the plan after: "AMENDMENT,
        # dated as of September 21, 1999 (the "Amendment"), to the Rights Agreement, dated
        # as of April 15, 1996" (in capitals: a narrative's "an amendment, dated ..." is not),
        # its short name may come first: 'AMENDMENT NO. 4 (the "Amendment") dated as of ...'.
        DocumentKind.AMENDMENT,
        11,
        re.compile(
            rf"(?:\b(?:{_ORDINAL}{_S})?AMENDMENT|^[ \t]*(?:{_ORDINAL}{_S})?Amendment)"
            rf"(?:{_S}NO\.?[ \t]*\d{{1,2}})?(?:{_S}\([^()\n]{{0,40}}\))?,?{_S}dated{_S}"
            rf"(?i:as{_S}of{_S})?[^()\n;]{{1,40}}?(?:[ \t\n]*\([^()\n]{{0,40}}\),?{_S})?"
            rf"(?i:to{_S}(?:the|that{_S}certain){_S})(?i:{_PLAN_TITLE})",
            re.M,
        ),
    ),
    (
        # An amendment titled by its number alone, on a line of its own under the plan's title
        # ("COMMON STOCK RIGHTS AGREEMENT / AMENDMENT NO. 4", "FIFTH AMENDMENT"), or an
        # instrument that says what it does in its first clause: "This Agreement amends the
        # Common Stock Rights Agreement dated as of June 14, 1990".
        DocumentKind.AMENDMENT,
        11,
        re.compile(
            rf"^[ \t]*(?:AMENDMENT{_S}NO\.?[ \t]*\d{{1,2}}|{_ORDINAL}{_S}AMENDMENT)[ \t]*$|"
            rf"\b(?:[Tt]his|THIS){_S}(?i:Agreement|Instrument){_S}amends{_S}(?:the{_S})?"
            rf"(?:[\w'’-]+{_S}){{0,4}}?(?i:Rights{_S}(?:Plan{_S})?Agreement|Plan)\b",
            re.M,
        ),
    ),
    (
        # An instrument calls itself "this Amendment" in its operative clauses ("shall be
        # deemed amended in a manner consistent with this Amendment"); a report or a release
        # speaks of "the Amendment". A weaker signal than a title.
        DocumentKind.AMENDMENT,
        8,
        re.compile(
            # "this Notice and Amendment", "this Amendment": the instrument's own name
            rf"\b(?:[Tt]his|THIS){_S}(?:{_ORDINAL}{_S}|(?:[A-Z][a-z]{{2,12}}|[A-Z]{{3,12}}){_S}and{_S})?"
            rf"(?i:Amendment)\b"
            rf"(?![ \t\n]+(?i:to|of){_S}(?:the{_S})?(?i:certificate|articles|charter|by-?laws))"
        ),
    ),
    (
        DocumentKind.AGREEMENT,
        11,
        re.compile(
            # A heading about the plan is no title: "Approval of Continuation of Shareholder
            # Rights Plan", "SUMMARY OF PLAN ADJUSTMENTS" (but "FORM OF RIGHTS AGREEMENT" is).
            rf"^[ \t]*(?:AMENDED{_S}AND{_S}RESTATED{_S})?(?!(?i:{_HEADLINE}))"
            rf"(?![^\n]{{0,80}}?(?<!FORM )(?<!Form )\b(?i:of)\b[^\n]{{0,80}}?(?i:rights|plan))"
            rf"{_PLAN_TITLE}[ \t]*$",
            re.M,
        ),
    ),
    (
        # The title in ordinary case ("Rights Plan" on a line of its own) may as well head a
        # note's section: weaker than the title set in capitals.
        DocumentKind.AGREEMENT,
        8,
        re.compile(
            rf"^[ \t]*(?:AMENDED{_S}AND{_S}RESTATED{_S})?(?!{_HEADLINE})"
            rf"(?![^\n]{{0,80}}?(?<!FORM )(?<!Form )\bof\b[^\n]{{0,80}}?(?:rights|plan))"
            rf"{_PLAN_TITLE}[ \t]*$",
            re.I | re.M,
        ),
    ),
    (
        DocumentKind.AGREEMENT,
        11,
        re.compile(
            rf"^[ \t]*THIS{_S}(?:AMENDED{_S}AND{_S}RESTATED{_S})?{_PLAN_TITLE},?{_S}"
            rf"(?:dated|effective|is{_S}(?:made|entered))",
            re.I | re.M,
        ),
    ),
    (
        DocumentKind.AGREEMENT,
        11,
        re.compile(
            r"\b(?:[A-Z0-9'’&-]+[ \t\n]+){0,6}(?:RIGHTS[ \t\n]+AGREEMENT|PRESERVATION[ \t\n]+PLAN|"
            r"PROTECTION[ \t\n]+PLAN)(?:[ \t\n]*\([^()\n]{0,40}\))?[ \t\n,]+"
            r"(?i:dated|effective[ \t\n]+as[ \t\n]+of|is[ \t\n]+(?:made|entered))\b"
        ),
    ),
    (
        DocumentKind.AGREEMENT,
        6,
        re.compile(r"\bEX(?:HIBIT)?[ \t\n]*[-.]?[ \t\n]*4\b(?![\d,])", re.I),
    ),
    (
        # A document names itself when it defines its own short name: an amendment is
        # '(this "Amendment")', an agreement '(this "Agreement")'; a report or a release
        # speaks of "the Amendment", never "this" one.
        DocumentKind.AMENDMENT,
        12,
        re.compile(
            rf"\([ \t\n]*this{_S}[\"“](?:{_ORDINAL}{_S})?Amendment(?:{_S}No\.?[ \t]*\d{{1,2}})?"
            rf"[\"”]",
            re.I,
        ),
    ),
    (
        DocumentKind.AGREEMENT,
        11,
        re.compile(
            rf"\([ \t\n]*this{_S}[\"“](?:Rights{_S})?(?:Agreement|Plan)[\"”][ \t\n]*\)", re.I
        ),
    ),
    (
        # The operative words of an amendment, in whatever form it comes (a letter to the
        # rights agent among them): "the Company ... hereby amends ... the Rights Agreement as
        # follows". A report says the agreement "was amended"; only the instrument amends.
        DocumentKind.AMENDMENT,
        10,
        re.compile(r"\bhereby[ \t\n]+amends?\b[^.;]{0,120}?\bas[ \t\n]+follows\b", re.I),
    ),
    (
        # A title page: the title in capitals, then its parties or its date ("FORM OF RIGHTS
        # AGREEMENT between X and Y", "Rights Agreement\nDated as of ..."); prose writes
        # "the Rights Agreement dated ..." in lower case.
        DocumentKind.AGREEMENT,
        11,
        re.compile(
            rf"\b{_PLAN_TITLE}{_S}(?:between|BETWEEN|by{_S}and{_S}between|BY{_S}AND{_S}BETWEEN)\b"
            rf"|\b(?:Rights|RIGHTS)[ \t]+(?:Plan[ \t]+|PLAN[ \t]+)?"
            rf"(?:Agreement|AGREEMENT|Plan|PLAN)"
            rf"[ \t]*\n?[ \t\n]*"
            rf"(?:Dated|DATED)\b"
        ),
    ),
    (
        # Section 1 of a rights agreement defines its terms: "Section 1. Certain Definitions",
        # in its text or its table of contents.
        DocumentKind.AGREEMENT,
        9,
        re.compile(r"^[ \t|]*(?:Section[ \t]+)?1\.?[ \t|]+Certain[ \t]+Definitions\b", re.I | re.M),
    ),
    (
        DocumentKind.PRESS_RELEASE,
        9,
        re.compile(
            r"/PRNewswire|\bBusiness[ \t]*Wire\b|\bGLOBE[ \t]*NEWSWIRE\b|\bACCESSWIRE\b|"
            r"\bMarketwired\b|\bFor[ \t]+Immediate[ \t]+Release\b|\bPRESS[ \t]+RELEASE\b",
            re.I,
        ),
    ),
    (
        DocumentKind.PRESS_RELEASE,
        7,
        re.compile(r"\bEX(?:HIBIT)?[ \t\n]*[-.]?[ \t\n]*99\b", re.I),
    ),
    (
        DocumentKind.PRESS_RELEASE,
        6,
        re.compile(
            r"\b(?:today[ \t]+announced|announced[ \t]+today|said[ \t]+today|Adopts|Announces|"
            r"Terminates|Redeems|Extends)\b"
        ),
    ),
    (
        # A dateline opens a wire story and nothing else: a city, the date, a dash.
        DocumentKind.PRESS_RELEASE,
        12,
        re.compile(_DATELINE, re.M),
    ),
    (
        DocumentKind.QUARTERLY_NOTE,
        13,
        re.compile(
            r"^[ \t]*FORM[ \t]+10-Q\b|\b(?:3|6|9|Three|Six|Nine)[ \t]+Months[ \t]+Ended\b", re.M
        ),
    ),
    (
        DocumentKind.ANNUAL_NOTE,
        13,
        re.compile(r"^[ \t]*FORM[ \t]+10-K\b|\b(?:12|Twelve)[ \t]+Months[ \t]+Ended\b", re.M),
    ),
    (
        # A page of an annual report: "Acme's 2010 Annual Report - Page 68", "Acme 2002 Annual
        # Report Download - page 66" (a viewer's word between the title and the page).
        DocumentKind.ANNUAL_NOTE,
        10,
        re.compile(
            r"^[^\n]{0,80}\b(?:19|20)\d\d[ \t]+Annual[ \t]+Report(?:[ \t]+[A-Z][a-z]+)?[ \t]+"
            r"[-–—][ \t]+[Pp]age\b",
            re.M,
        ),
    ),
    (
        DocumentKind.ANNUAL_NOTE,
        5,
        re.compile(r"XBRL|\[Abstract\]|^[ \t|]*Note[ \t]+\d{1,2}\b|\bfiscal[ \t]+year\b", re.M),
    ),
    (
        DocumentKind.PROXY,
        10,
        re.compile(r"\bSCHEDULE[ \t]+14A\b|\bDEF[ \t]+14A\b|\bPROXY[ \t]+STATEMENT\b", re.I),
    ),
    (
        DocumentKind.PROXY,
        9,
        # A solicitation's own words: how shares are voted on its proposals.
        re.compile(
            r"\bproxy[ \t]+card\b|\bbroker[ \t]+non-votes?\b|\bdesignated[ \t]+proxies\b|"
            r"\bvote[ \t]+your[ \t]+shares\b|\bvoting[ \t]+instructions\b|"
            r"^[ \t]*PROPOSAL[ \t]+(?:NO\.?|NUMBER)?[ \t]*\d{1,2}\b|"
            r"\b(?:ratify|ratification[ \t]+of)[ \t\n]+(?:the[ \t\n]+)?(?:[\w'’-]+[ \t\n]+){0,6}?"
            r"(?:rights[ \t\n]+(?:agreement|plan)|preservation[ \t\n]+plan)\b",
            re.I | re.M,
        ),
    ),
    (
        DocumentKind.UNKNOWN,
        10,
        re.compile(
            r"\bSchedule[ \t]+13[DG]\b|\bSC[ \t]+13[DG]\b|\bCERTIFICATE[ \t]+OF[ \t]+"
            r"DESIGNATIONS?\b|^[ \t]*DESCRIPTION[ \t]+OF[ \t]+(?:THE[ \t]+)?"
            r"(?:REGISTRANT['’]S[ \t]+|COMPANY['’]S[ \t]+|REGISTERED[ \t]+)?"
            r"(?:CAPITAL[ \t]+STOCK|SECURITIES)\b",
            re.M,
        ),
    ),
)
# A foreign private issuer's report on Form 6-K ("FORM 6-K", "Report of Foreign Private
# Issuer" on its cover) is none of the kinds read here, whatever it quotes of its agreement.
_FOREIGN_REPORT = (
    DocumentKind.UNKNOWN,
    13,
    re.compile(
        r"^[ \t]*(?i:FORM)[ \t]+6-K\b|\bReport[ \t\n]+of[ \t\n]+Foreign[ \t\n]+Private[ \t\n]+"
        r"Issuer\b",
        re.M | re.I,
    ),
)
_FORM_KINDS = (
    (re.compile(r"8-A(?:12[BG])?/A"), DocumentKind.FORM_8A_AMENDMENT),
    (re.compile(r"8-A(?:12[BG])?"), DocumentKind.FORM_8A),
    (re.compile(r"8-K(?:/A)?"), DocumentKind.FORM_8K),
    (re.compile(r"10-Q(?:/A)?"), DocumentKind.QUARTERLY_NOTE),
    (re.compile(r"10-K(?:/A)?"), DocumentKind.ANNUAL_NOTE),
    (re.compile(r"DEF 14A|PRE 14A|DEFA14A"), DocumentKind.PROXY),
    (re.compile(r"EX-4.*"), DocumentKind.AGREEMENT),
    (re.compile(r"EX-99.*"), DocumentKind.PRESS_RELEASE),
)
_HEAD = 1500
_BODY = 6000
_SCAN = 20_000


_COVER_TOP = 800
_COVERS = frozenset({DocumentKind.FORM_8K, DocumentKind.FORM_8A, DocumentKind.FORM_8A_AMENDMENT})
_FORM_KINDS_NAMED = _COVERS | {DocumentKind.QUARTERLY_NOTE, DocumentKind.ANNUAL_NOTE}


# A note's own heading at the top of an XBRL page: "8. Stockholders' Equity", "Note 12 - Rights
# Plan". Whether the note is a 10-K's or a 10-Q's only a period heading tells ("12 Months
# Ended"); without one it is read as a 10-K's, with low confidence.
_NOTE_HEADING = re.compile(
    r"[ \t\n|]*(?:Note[ \t]+)?\d{1,2}(?:\.|[ \t]*[-–—:])[ \t]+[A-Z][A-Za-z'’ ,&/()-]{2,80}[ \t]*\n"
)
_FORM_NUMBER = re.compile(r"8[-−‐‑–][AK]|10-[KQ]", re.I)
# "Description of Securities Registered Pursuant to Section 12 of the Securities Exchange Act",
# "Description of Acme, Inc. Securities Registered under Section 12": an annual report's exhibit.
_DESCRIPTION_OF_SECURITIES = re.compile(
    r"\bDescription[ \t\n]+of[ \t\n]+(?:[^\n]{0,80}?[ \t\n])?Securities[ \t\n]+Registered[ \t\n]+"
    r"(?:under|pursuant[ \t\n]+to)[ \t\n]+Section[ \t\n]+12\b",
    re.IGNORECASE,
)
_MAX_TRIES = 20
# A mirror's header line names the filing's form ("8-A12B/A, 1994-01-12"); a form's own cover
# says who it is filed with and what it registers.
_HEADER_FORM = re.compile(r"[ \t]*8-A12[BG]")
_COVER_WORDS = re.compile(
    r"SECURITIES[ \t\n]+AND[ \t\n]+EXCHANGE[ \t\n]+COMMISSION|\bFORM[ \t\n]+8-A|"
    r"\bItem[ \t]*1\.?[ \t|]+Description\b|\bto[ \t\n]+be[ \t\n]+registered\b",
    re.IGNORECASE,
)
_SCHEDULE_13 = re.compile(r"S(?:CHEDULE|chedule|C)[ \t]+13[DG]")
_ANOTHER_SCHEDULE = re.compile(r"\b(?:an?|\w+['’]s)[ \t\n]+$", re.I)
# A verb of news: a headline's, never in an agreement's title (which names the plan, not an
# act on it), whatever the lines the title's words run over.
_NEWS_VERB = re.compile(
    r"\b(?i:adopts|announces|terminates|amends|extends|redeems|approves|renews|implements)\b"
)


def _first_signal(
    kind: DocumentKind, pattern: re.Pattern[str], text: str, start: int, stop: int
) -> re.Match[str] | None:
    """The first match of a signal that counts for ``kind``.

    A form type counts as a document's cover only where it is not a reference to another
    document ("in a Form 8-K") and not on a header line naming an exhibit filed with that form
    ("8-A12B/A, EX-99, 2000-05-30"): such a document is the exhibit.
    """
    for tries, match in enumerate(pattern.finditer(text, start, stop)):
        if tries >= _MAX_TRIES:
            return None
        if kind is DocumentKind.AGREEMENT and _NEWS_VERB.search(match.group()):
            continue  # "BANKWORCESTER ADOPTS SHAREHOLDER RIGHTS PLAN": a headline, not a title
        if kind in (DocumentKind.AGREEMENT, DocumentKind.AMENDMENT) and _headline_above(
            text, start, match.start()
        ):
            continue  # "ACME\nADOPTS TAX BENEFIT PRESERVATION\nAMENDMENT\nTO RIGHTS AGREEMENT"
        if (
            kind is DocumentKind.UNKNOWN
            and _SCHEDULE_13.match(match.group())
            and _ANOTHER_SCHEDULE.search(text, max(start, match.start() - 40), match.start())
        ):
            # "as disclosed in a Schedule 13G/A filed with the SEC", "the Group's Schedule 13D
            # filing": another filing, which a release reports; an amendment to a schedule
            # speaks of "the Schedule 13D" it amends.
            continue
        if kind not in _FORM_KINDS_NAMED or not _FORM_NUMBER.search(match.group()):
            return match
        if not _text.names_another_document(text, match.start()):
            return match
    return None


def _headline_above(text: str, start: int, at: int) -> bool:
    """Whether the line above a title, set in capitals like it, holds a verb of news.

    A headline's words run over several lines; the last of them may read as a title.
    """
    line = text.rfind("\n", start, at)
    if line < 0 or text[line + 1 : at].strip(" \t|"):
        return False  # the title does not open its line
    above = text[text.rfind("\n", start, line) + 1 : line]
    return not any(c.islower() for c in above) and _NEWS_VERB.search(above) is not None


def _position_factor(kind: DocumentKind, offset: int) -> float:
    if kind in _COVERS and offset < _COVER_TOP:
        return 2.0  # a cover page is at the top: a form type there names the document
    return 1.0 if offset < _HEAD else 0.6 if offset < _BODY else 0.3


def document_kind(filing: Filing) -> DocumentReading:
    """What kind of document ``filing`` is, and why.

    The kinds: 8-K, 8-A, 8-A/A, EX-4 agreement or amendment, EX-99 press release, 10-Q or
    10-K note, proxy, or unknown. A form type given by an EDGAR submission's header decides;
    otherwise the strongest signal in the text does (a cover's form type, an exhibit's title,
    an XBRL note's period heading, a wire service's dateline), weighed by how near the top it
    is. An agreement exhibit that
    turns out to be an amendment is read as an amendment.

    >>> from rightsplan.edgar.filing import read_filing
    >>> document_kind(read_filing("tests/data/filings/seed_004.txt")).kind
    <DocumentKind.FORM_8K: '8-K'>
    """
    text = filing.text
    main = filing.main
    if filing.form and (len(filing.documents) > 1 or filing.accession is not None):
        for pattern, kind in _FORM_KINDS:
            if pattern.fullmatch(filing.form):
                return DocumentReading(kind, "high", f"the submission's form type is {filing.form}")
    stop = min(main.end, main.start + _SCAN)
    best: tuple[float, int, DocumentKind, re.Match[str]] | None = None
    strongest: dict[DocumentKind, float] = {}
    signals = [
        (kind, weight, _first_signal(kind, pattern, text, main.start, stop))
        for kind, weight, pattern in (*_KIND_SIGNALS, _FOREIGN_REPORT)
    ]
    signals.append((DocumentKind.PRESS_RELEASE, 9, _HEADLINE_AT_TOP.match(text, main.start, stop)))
    signals.append(
        (DocumentKind.PRESS_RELEASE, 10, _BARE_DATELINE_AT_TOP.match(text, main.start, stop))
    )
    signals.append((DocumentKind.ANNUAL_NOTE, 9, _NOTE_HEADING.match(text, main.start, stop)))
    for kind, weight, match in signals:
        if match is None:
            continue
        if (
            kind in (DocumentKind.FORM_8A, DocumentKind.FORM_8A_AMENDMENT)
            and _HEADER_FORM.match(match.group())
            and _COVER_WORDS.search(text, main.start, stop) is None
        ):
            # "CUMMINS ENGINE CO INC\n8-A12B/A, 1994-01-12" above an instrument with no cover
            # of its own: the mirror's header names the filing, the page is an exhibit to it.
            continue
        strength = weight * _position_factor(kind, match.start() - main.start)
        strongest[kind] = max(strongest.get(kind, 0.0), strength)
        if best is None or (strength, -match.start()) > (best[0], -best[1]):
            best = (strength, match.start(), kind, match)
    if best is None:
        return DocumentReading(
            DocumentKind.UNKNOWN, "low", "no form type, exhibit title or note heading found"
        )
    strength, _, kind, match = best
    if kind is DocumentKind.AGREEMENT:
        described = _DESCRIPTION_OF_SECURITIES.search(
            text, main.start, min(stop, main.start + _HEAD)
        )
        if described is not None:
            # An annual report's exhibit describing its registered securities tells of the
            # plan among them; it is no agreement.
            return DocumentReading(
                DocumentKind.UNKNOWN,
                "low",
                f"{' '.join(described.group().split())!r}: a description of securities",
                described.start(),
                described.end(),
                described.group(),
            )
    if kind is DocumentKind.ANNUAL_NOTE and strongest.get(DocumentKind.QUARTERLY_NOTE, 0) >= 6:
        kind = DocumentKind.QUARTERLY_NOTE
    if kind is DocumentKind.AGREEMENT and strongest.get(DocumentKind.AMENDMENT, 0) >= 6:
        kind = DocumentKind.AMENDMENT
    # An agreement's words are quoted by every kind; an 8-A/A names the 8-A it amends.
    allies = {kind, DocumentKind.AGREEMENT}
    if kind is DocumentKind.FORM_8A_AMENDMENT:
        allies.add(DocumentKind.FORM_8A)
    rivals = [v for k, v in strongest.items() if k not in allies]
    sure = strength >= 9 and all(v < strength - 2 for v in rivals)
    quote = " ".join(match.group().split())
    return DocumentReading(
        kind,
        "high" if sure else "low",
        f"{quote!r} {'at the top' if match.start() - main.start < _HEAD else 'further in'}"
        + ("" if sure else "; other kinds' signals are close or the signal is weak"),
        match.start(),
        match.end(),
        match.group(),
    )


def classify(filing: Filing, *, document: DocumentKind | None = None) -> Classification:
    """What rights-plan event ``filing`` reports.

    Each sentence's words for an event (a redemption, a termination, an expiration, an
    amendment, an adoption) are found; sentences that tell history (recitals, "the prior
    plan", "replaces the plan adopted in 2009") count only when nothing else reports an
    event. ``document`` is the filing's kind (:func:`document_kind` is asked when it is not
    given): an agreement exhibit adopts its plan (or amends it, amended and restated); an
    amendment exhibit or a Form 8-A/A amends it unless its operative words end it; a Form
    8-A registers a new plan. Otherwise, of the events reported, the one with the latest
    date in its sentence is the filing's (a note tells the plan's whole history, its latest
    event last), and a press release's first event (its headline) decides.

    >>> from rightsplan.edgar.filing import read_filing
    >>> classify(read_filing("tests/data/filings/seed_004.txt")).kind
    <EventKind.AMENDMENT: 'amendment'>
    >>> classify(read_filing("tests/data/filings/seed_002.txt")).kind
    <EventKind.NONE: 'none'>
    """
    text = filing.text
    kind_of_document = document_kind(filing).kind if document is None else document
    if _PLAN.search(text) is None:
        if kind_of_document is DocumentKind.FORM_8A_AMENDMENT:
            # A cover alone ("FORM 8-A/A AMENDING FORM 8-A DATED MAY 22, 1986"): it amends a
            # registration, but its words do not say of what; said with low confidence.
            return Classification(
                EventKind.AMENDMENT,
                0.4,
                "a Form 8-A/A amends a registration statement; its text does not name the rights",
            )
        replaced = _AGENT_REPLACED.search(text)
        if replaced is not None:
            # A report that names no plan but its agent, replaced: the plan's agent changed
            return Classification(
                EventKind.AMENDMENT,
                0.6,
                "a new rights agent appointed in place of the old one",
                replaced.start(),
                replaced.end(),
                replaced.group(),
            )
        pointed = _REDEMPTION_IN_ITEM.search(text)
        if pointed is not None:
            # The plan's own item cut off, another item names the redemption it reports
            return Classification(
                EventKind.REDEMPTION,
                0.6,
                "another item of the report refers to the redemption of the rights",
                pointed.start(),
                pointed.end(),
                pointed.group(),
            )
        return Classification(EventKind.NONE, 0.95, "no mention of a rights plan")
    found: list[tuple[EventKind, float, str, re.Match[str], bool, pendulum.Date | None]] = []
    # A note tells the plan's history in order: a sentence without a date of its own ("The
    # Rights Plan had a three-year term which expired in July 2012") is no earlier than the
    # dates told before it.
    narrative = kind_of_document in (DocumentKind.QUARTERLY_NOTE, DocumentKind.ANNUAL_NOTE)
    told: list[pendulum.Date] = []
    for start, end in _text.sentence_bounds(text, 0, len(text)):
        first = len(found)
        history = _HISTORY.search(text, start, end) is not None
        dates = [
            day
            for at, _, day in _text.find_dates(text, start, end)
            # a note's table puts "12 Months Ended" and its date in sentences of their own
            if _PERIOD.search(text, max(0, at - 30), at) is None
            and _EXPIRY_TERM.search(text, max(start, at - 50), at) is None
        ]
        if narrative:
            told = [max([*told, *dates])] if told or dates else []
            dates = dates or told
        for kind, confidence, reason, pattern in _SIGNALS:
            match = pattern.search(text, start, end)
            if match is None or (
                _MAYBE.search(text, max(start, match.start() - 60), match.start())
                and not _COMMITTED.search(text, max(start, match.start() - 60), match.start())
            ):
                continue
            if kind is EventKind.EXPIRATION and (
                _PLAN_IN_CHARTER.search(text, start, end)
                or _BY_THE_AMENDMENT.search(text, start, match.start())
            ):
                continue
            if kind is EventKind.TERMINATION and _CONTINGENT.search(text[match.end() : end]):
                continue
            if kind is EventKind.AMENDMENT and _NOUN_AS_SUBJECT.match(match.group()):
                # '(the "Amendment") ... The Amendment is part of a new Rights Agreement': the
                # word names another instrument (a charter's), the subject of its own verb.
                continue
            if kind is EventKind.ADOPTION and _ADJECTIVE_BEFORE.search(
                text, max(start, match.start() - 20), match.start()
            ):
                # "has terminated its previously adopted ... Rights Plan": the participle
                # describes the plan another verb acts on; no adoption is reported.
                continue
            if kind is EventKind.ADOPTION and _AMENDS.search(match.group()):
                # "adopted amendments to the Rights Agreement": an amendment, not a new plan.
                kind, reason = EventKind.AMENDMENT, "an amendment to the rights plan"
            elif kind is EventKind.ADOPTION and _RESTATED.search(match.group()):
                # "entered into an Amended and Restated Rights Agreement": the plan goes on.
                kind, reason = (
                    EventKind.AMENDMENT,
                    "an amended and restated plan replaces its terms",
                )
            told_past = history and _history_outside_clauses(text, start, end, match)
            found.append((kind, confidence, reason, match, told_past, max(dates, default=None)))
        moved = _expiry_moved_earlier(text, start, end)
        if moved is not None:
            # "to accelerate the expiration date from X to Y": the sentence's acceleration
            # moves the expiry to a date it names; it amends the expiry, ending nothing yet.
            found[first:] = [
                f
                for f in found[first:]
                if not (f[0] is EventKind.TERMINATION and f[3].group().lower().startswith("accel"))
            ]
            reason = _ACCELERATION
            found.append(
                (EventKind.AMENDMENT, 0.9, reason, moved, history, max(dates, default=None))
            )
        if any(f[0] is EventKind.ADOPTION and _NEW.search(f[3].group()) for f in found[first:]):
            # "approved the extension of the benefits afforded by the existing rights plan by
            # adopting a new shareholder rights plan": the new plan is the event.
            found[first:] = [f for f in found[first:] if f[0] is not EventKind.AMENDMENT]
        if any(f[0] is EventKind.ADOPTION for f in found[first:]):
            # "adopted a new rights plan to replace the rights plan that expired": one sentence
            # adopting a plan and ending one reports the new plan; the ending is of the old.
            found[first:] = [f for f in found[first:] if not f[0].ends_plan]
    if kind_of_document is DocumentKind.PRESS_RELEASE and any(
        f[2] == _ACCELERATION for f in found if not f[4]
    ):
        # A release headed "Acme Terminates Rights Plan" over "advancing its expiration date
        # from X to Y": the plan ends because its expiry was moved earlier; the board amends
        # the expiry. (A note's "was effectively terminated" still reports a termination.)
        found = [
            (EventKind.AMENDMENT, f[1], _ACCELERATION, *f[3:])
            if f[0] is EventKind.TERMINATION
            else f
            for f in found
        ]
    current = [f for f in found if not f[4]] or found
    by_document = _by_document(kind_of_document, current, text)
    if by_document is not None:
        return by_document
    if not current:
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
    if kind_of_document is DocumentKind.PRESS_RELEASE:
        chosen = current[0]
    else:
        chosen = max(
            current,
            key=lambda f: (f[5] is not None, f[5] or _NO_DATE, -_ORDER[f[0]], -f[3].start()),
        )
    kind, confidence, reason, match, history, _ = chosen
    if history:
        confidence *= 0.6
        reason += " (in words that may tell history; nothing else reports an event)"
    return Classification(kind, confidence, reason, match.start(), match.end(), match.group())


_NO_DATE = pendulum.Date(1, 1, 1)
# "..., which was originally adopted May 18, 2011, and under which ...": a relative clause after
# the event's words tells the plan's past, not the event's.
_RELATIVE_CLAUSE = re.compile(r",[ \t\n]*(?:which|that|who)\b[^,;]*", re.IGNORECASE)


def _history_outside_clauses(text: str, start: int, end: int, match: re.Match[str]) -> bool:
    """Whether words of history stand outside the relative clauses after the event's words.

    "approved an amendment to the plan, which was originally adopted ...": the clause tells
    the plan's past; the amendment is the news.
    """
    if _HISTORY.search(text, start, match.end()):
        return True
    rest = _RELATIVE_CLAUSE.sub("", text[match.end() : end])
    return _HISTORY.search(rest) is not None


_NEW = re.compile(r"\bnew\b", re.IGNORECASE)
_ADJECTIVE_BEFORE = re.compile(
    r"\b(?:its|the|our|their)[ \t\n]+(?:previously|originally|earlier|formerly)[ \t\n]*$",
    re.IGNORECASE,
)
_NOUN_AS_SUBJECT = re.compile(r"Amendment[ \t\n]+(?:is|was|are|were|forms?)\b", re.IGNORECASE)


def _expiry_moved_earlier(text: str, start: int, end: int) -> re.Match[str] | None:
    """The words that move a plan's expiration from a date to an earlier one, if any."""
    expiry = _EXPIRY_FROM.search(text, start, end)
    if expiry is None:
        return None
    dates = _text.find_dates(text, expiry.end(), end)
    if len(dates) < 2 or dates[0][0] - expiry.end() > 60:
        return None
    (_, old_end, old), (new_start, new_end, new) = dates[0], dates[1]
    if new >= old or _TO.search(text[old_end:new_start]) is None:
        return None
    return _SPAN.match(text, expiry.start(), new_end)


def _by_document(
    kind: DocumentKind,
    found: list[tuple[EventKind, float, str, re.Match[str], bool, pendulum.Date | None]],
    text: str,
) -> Classification | None:
    """The event a document's kind implies, unless its own words say otherwise."""
    ending = [f for f in found if f[0].ends_plan and not f[4]]
    if kind in (DocumentKind.FORM_8A_AMENDMENT, DocumentKind.AMENDMENT):
        if ending:
            event, confidence, reason, match, _, _ = ending[0]
            return Classification(
                event, confidence, reason, match.start(), match.end(), match.group()
            )
        amendment = next((f for f in found if f[0] is EventKind.AMENDMENT), None)
        if amendment is not None:
            _, confidence, reason, match, _, _ = amendment
            return Classification(
                EventKind.AMENDMENT, confidence, reason, match.start(), match.end(), match.group()
            )
        return _whole_document(EventKind.AMENDMENT, kind, text)
    if kind is DocumentKind.AGREEMENT:
        # Amended and restated is the plan itself ("Amended and Restated Rights Agreement",
        # "Rights Agreement ... As amended and restated on April 25, 1997"), not the charter
        # ("Certificate of Amendment to the Second Amended and Restated Certificate of
        # Incorporation").
        restated = re.search(
            rf"\bAMENDED{_W}AND{_W}RESTATED{_W}(?:(?:[\w'’&-]+{_W}){{0,4}}?{PLAN_NOUN}|"
            rf"(?:on|as{_W}of|effective)\b)",
            text[:3000],
            re.IGNORECASE,
        )
        if restated is not None:
            return Classification(
                EventKind.AMENDMENT,
                0.7,
                "an amended and restated agreement replaces the plan's terms",
                restated.start(),
                restated.end(),
                restated.group(),
            )
        conformed = _CONFORMED.search(text, 0, 3000)
        if conformed is not None:
            return Classification(
                EventKind.AMENDMENT,
                0.6,
                "the agreement's text as amended: its preamble gives the amendments' dates",
                conformed.start(),
                conformed.end(),
                conformed.group(),
            )
        return _whole_document(EventKind.ADOPTION, kind, text)
    if kind is DocumentKind.FORM_8A and not ending:
        return _whole_document(EventKind.ADOPTION, kind, text)
    return None


# An agreement's text as amended, its preamble saying so: "Agreement, dated as of July 9, 1998
# and amended as of July 3, 2000, between ...", "Agreement, dated as of June 30, 1986, between
# ... as amended on December 6, 1986, ... and hereby restated": the document is the plan as
# its amendments left it.
_CONFORMED = re.compile(
    rf"\bAgreement,?{_W}dated(?:{_W}as{_W}of)?{_W}[A-Z][a-z]{{2,8}}\.?{_W}\d{{1,2}},?{_W}"
    rf"\d{{4}}[^;]{{0,300}}?\b(?:and|as)(?:{_W}further)?{_W}amended{_W}(?:as{_W}of|on|"
    rf"effective){_W}[A-Z][a-z]{{2,8}}\.?{_W}\d{{1,2}},?{_W}\d{{4}}"
)


# The plan's agent replaced, in a report that names no plan: "to appoint Wells Fargo to replace
# The Bank of New York Mellon ... as the Company's transfer agent, registrar ... and rights
# agent" (an appointment, not a notice that one will be made).
_AGENT_REPLACED = re.compile(
    rf"\bappoint(?:s|ed|ing)?{_W}[A-Z][^.;]{{0,80}}?{_W}(?:to{_W}replace|as{_W}successor{_W}to)"
    rf"\b[^.;]{{0,160}}?\brights{_W}agent\b",
    re.IGNORECASE,
)


def _whole_document(event: EventKind, kind: DocumentKind, text: str) -> Classification:
    match = _PLAN.search(text)
    assert match is not None
    return Classification(
        event, 0.7, f"a {kind.value} about rights", match.start(), match.end(), match.group()
    )
