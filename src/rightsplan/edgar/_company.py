"""Which company a document is about: the registrant on its cover, or as its text introduces it.

A cover page names the registrant above its label (:mod:`rightsplan.edgar.filing` reads it).
A document without a cover introduces its company in one of a few ways, tried in this order:

1. it defines the name as "the Company" (or "the Corporation", "the Registrant", "the
   Issuer"), alone or among other short names: ``Aviat Networks, Inc. (the "Company," "we," or
   "our")``, ``Jaguar Health, Inc., a Delaware corporation (the "Corporation")``;
2. it gives the name with a ticker symbol: ``Acme Corp. (NASDAQ: ACME)``, ``Ford Motor
   Company [NYSE: F]``, the legal name before a "dba";
3. a press release's first sentence (after any dateline) names who announces: ``Myrexis, Inc.
   MYRX announced today``, ``R.R. Donnelley & Sons (RRD) announced``;
4. an agreement's heading names the parties: ``between THE RYLAND GROUP, INC. and ...``, or
   the company and then the agent on lines of their own (``INTERPHASE CORPORATION`` / ``and``
   / ``COMPUTERSHARE TRUST COMPANY, N.A.,`` / ``as Rights Agent``, or the agreement's title);
5. a mirror's title for the filing: ``American Shared Hospital Services – ‘8-K’ for 3/22/99``.

What comes before the name in the same phrase is dropped when it is not part of a name: the
"Board of Directors of", "Preferred Stock Purchase Rights of", an agreement's title run into
its parties ("RIGHTS AGREEMENT INTERPHASE CORPORATION"). A generic word ("the Company") and a
mirror's redaction ("THE XXXXXX GROUP, INC.") are never taken for a name.
"""

from __future__ import annotations

import re

import attrs

from rightsplan.edgar.filing import Filing

__all__ = ["AGENT_AS_PARTY", "CompanyMention", "find_company"]

_W = r"[ \t\n]+"
_SUFFIX = (
    # after spaces and at most one line break: a suffix never starts a new paragraph
    # "N. A." typed with a space; "F.S.B.", a federal savings bank's
    r"(?:,?(?:[ \t]+\n?|\n)[ \t]*(?i:N\.[ \t]?A\.|F\.S\.B\.|Inc\.?|Incorporated|LLC|L\.L\.C\.|"
    r"L\.P\.|LP|Ltd\.?|Limited|Corp\.?|Corporation|Co\.|Company|plc|N\.V\.|S\.A\.|"
    r"National[ \t\n]+Association)"
    r"(?![\w]))"
)
# A trademark sign may end a word of the name ("ModusLink Global Solutions™, Inc.").
# A lower-case word inside a name ("Jack in the Box Inc.") only with a capitalised word after.
_WORD = r"(?:[A-Z0-9][\w.&'’-]*[™®]?|of|&|de|la|n'|n’|in[ \t]+the(?=[ \t]+[A-Z]))"
# A name's first word starts with a capital ("Acme"), or a brand's lower-case prefix before
# one ("iRobot", "eBay", "hopTo"), or digits with letters ("1-800-FLOWERS.COM", "3M"); never
# inside a word, and never a year alone.
# A dateline's double dash may touch it ("--(BUSINESS WIRE)--Pier 1 Imports, Inc."), but is
# never part of it ("March 17, 2010--Acme" is no "2010--Acme"), nor is a time ("10:26PM").
_FIRST = (
    # never a dateline's year run into the name: "Oct. 1, 2003-Siebel Systems, Inc."
    r"(?:(?<=--)|(?<=(?<!\d)(?:19|20)\d\d-)|(?<![\w.&'’:-]))(?!(?:19|20)\d\d-[A-Z][a-z])"
    r"(?:[A-Z]|[a-z]{1,4}[A-Z]|\d(?:\d|-(?!-))*[A-Za-z])[\w.&'’-]*"
    # an asterisk between capitals is part of the name: "E*TRADE Financial Corporation"
    r"(?:\*[A-Z][\w.&'’-]*)?[™®]?"
)
# Between a name's words: spaces and at most one line break. A blank line ends a paragraph,
# and a name never runs across one ("... for Net Operating Losses" / "" / "Hannon Armstrong").
_GAP = r"(?:[ \t]+\n?|\n)[ \t]*"
_ENTITY = rf"{_FIRST}(?:{_GAP}{_WORD}){{0,6}}{_SUFFIX}{{0,2}}"
_ENTITY_LINE = rf"{_FIRST}(?:[ \t]+{_WORD}){{0,6}}{_SUFFIX}{{0,2}}"
_ENTITY_SUFFIXED = rf"{_FIRST}(?:{_GAP}{_WORD}){{0,6}}{_SUFFIX}{{1,2}}"
# "a Delaware corporation", "a corporation continued under the Business Corporations Act
# (British Columbia)": a parenthesis may stand inside, but not another party's defined term.
# "and Oklahoma corporation" is the article mistyped ("Acme Corporation, and Oklahoma
# corporation (the "Company")"): a state's name and "corporation" after it.
_DESCRIPTOR = (
    rf"(?:,?{_W}(?:an?|and(?={_W}[A-Z][a-z]+(?:{_W}[A-Z][a-z]+)?{_W}corporation\b)){_W}"
    rf"(?:[^()]|\([^()\"“”]{{0,40}}\)){{1,100}}?)"
)
_OPEN = r"[\"“”]"
# a mismatched closing quote as typed: (the “Company’)
_CLOSE = r"[\"”“’]"
_DEFINED = re.compile(
    # a former name, in parentheses or after a comma: "AIM ImmunoTech Inc., f/k/a Hemispherx
    # Biopharma, Inc., a Delaware corporation"
    rf"(?P<name>{_ENTITY})(?:[ \t\n]*\((?:f/k/a|formerly|d/b/a)[^()]{{0,60}}\)|"
    # "The Allied Defense Group, Inc., formerly known as Allied Research Corporation, a
    # Delaware corporation": the name before the former one
    rf",?{_W}(?:f/k/a|formerly(?:{_W}known{_W}as)?|d/b/a){_W}{_ENTITY})?{_DESCRIPTOR}?"
    # A ticker on a line of its own may stand between ("J. C. Penney Company, Inc." / "JCP" /
    # "(the "Company")", as a quote page lays it out).
    rf"(?:\n[ \t]*[A-Z]{{1,5}}[ \t]*(?=\n))?"
    rf"[ \t\n]*\([ \t\n]*(?:[^()]{{0,60}}?{_W})?(?:the{_W})?"
    # the article inside the quotes as well: ("the Company"), (“the Company,” NYSE: TDW); the
    # term in capitals: (the "COMPANY")
    rf"{_OPEN}(?:the{_W})?(?:Company|Corporation|Registrant|Issuer|COMPANY|CORPORATION)[,.]?"
    # a closing quote the converter put on the next line: (the “Company\n”)
    rf"\n?{_CLOSE}[^()]{{0,60}}\)"
)
# "Acme Corp. (NASDAQ: ACME)", "Ford Motor Company [NYSE: F]", "PetMed Express, Inc. dba
# PetMeds and parent company of PetCareRx (NASDAQ: PETS)": the legal name, before any "dba".
_TICKER = re.compile(
    rf"(?P<name>{_ENTITY})(?:,?{_W}(?i:dba|d/b/a){_W}[^()\[\]\n]{{1,80}}?)?,?[ \t\n]*"
    rf"(?:\([^)\n]{{0,40}}\)[ \t\n]*)?[(\[](?:NASDAQ|Nasdaq|NYSE|OTC|AMEX|"
    # a quotation service is a market too: "(Pink Sheets: HAMP.PK)", "(Pink\nSheets: JPST)"
    rf"TSX|NYSE[ \t]+(?:MKT|American|Arca)|Pink{_W}Sheets)[^)\]\n]{{0,30}}[)\]]"
)
# Where a release's first sentence starts: a line's start, a sentence's end (not an initial's:
# "R. R. Donnelley"), or a dateline's dash ("CHICAGO (News release) -- R. R. Donnelley").
_OPENS = r"(?:^|(?<=[.!?\n])(?<![ \t\n][A-Z]\.)[ \t]*|(?:(?<=--)|(?<=[—–]))[ \t]*|(?<= - ))"
# A press release opens with who announces: "Myrexis, Inc. MYRX announced today that ...",
# "R.R. Donnelley & Sons (RRD) announced": a name with its suffix, or with its ticker.
_ANNOUNCES = re.compile(
    rf"{_OPENS}(?:(?P<name>{_ENTITY_SUFFIXED})(?:[ \t]+\(?(?:[A-Za-z]{{2,8}}:[ \t]*)?"
    rf"[A-Z]{{1,5}}\)?|[ \t]+\({_OPEN}?[A-Z][\w&.'’-]{{1,20}}{_CLOSE}?\))?"
    rf"|(?P<ticked>{_ENTITY})[ \t]+\((?:[A-Za-z]{{2,8}}:[ \t]*)?[A-Z]{{2,5}}\)),?"
    rf"{_W}(?:(?:today|has|have){_W})?(?:announced|reported|said)\b",
    re.MULTILINE,
)
# "The Board of Directors of Acme Stores, Inc. yesterday adopted": a release may name the
# company only as its board's.
_BOARD_OF = re.compile(rf"\bBoard{_W}of{_W}Directors{_W}of{_W}(?P<name>{_ENTITY_SUFFIXED})")
# A form's field for the issuer, its name on the next line: a Canadian material change report's
# "Reporting Issuer" / "International Widget Corporation".
_ISSUER_FIELD = re.compile(
    rf"^[ \t|]*(?:Reporting[ \t]+Issuer|Name[ \t]+and[ \t]+Address[ \t]+of[ \t]+(?:the[ \t]+)?"
    rf"(?:Company|Issuer|Corporation))[ \t|]*\n[ \t|]*(?P<name>{_ENTITY_LINE})[ \t|]*$",
    re.MULTILINE,
)
# A headline that names who acts on its plan: "Acme Adopts Tax Benefit Preservation Plan"; not
# a possessive ("Acme Corporation's Board ... Terminates") nor initials alone ("ACM Adopts").
_HEADLINE_ACTOR = re.compile(
    rf"^[ \t]*(?P<name>(?![A-Z]+[ \t])[A-Z][\w.&-]*(?:[ \t]+[A-Z][\w.&-]*){{0,4}}{_SUFFIX}{{0,2}})"
    rf"[ \t]+(?:Adopts|Amends|Extends|Terminates|Redeems)[ \t]+"
    rf"(?:[A-Z][\w'’-]*[ \t]+){{0,4}}?(?:Rights|Preservation|Protection)[ \t]+(?:Plan|Agreement)",
    re.MULTILINE,
)
# A mirror's title for a filing: "American Shared Hospital Services – ‘8-K’ for 3/22/99".
_FILER_TITLE = re.compile(
    rf"^[ \t]*(?P<name>{_ENTITY_LINE})[ \t]+[–—-][ \t]+[‘'\"]?(?:8-K|8-A|10-K|10-Q|DEF 14A|"
    rf"SC 13[DG])[^\n]{{0,10}}[’'\"]?[ \t]+(?:for|on)\b",
    re.MULTILINE,
)
_BETWEEN = re.compile(
    # a footnote's asterisk may mark the name ("by and between" / "* J. C. PENNEY COMPANY")
    rf"\b(?i:between)[ \t\n:]+(?:\*[ \t]*)?(?P<name>{_ENTITY})(?P<descriptor>{_DESCRIPTOR})?"
    # its short name after the description: 'a Delaware corporation ("Midway"), and'
    rf"(?:,?[ \t\n]*\([ \t\n]*{_OPEN}[^()\"“”]{{1,40}}{_CLOSE}[ \t\n]*\))?"
    rf"[ \t\n,-]+(?i:and)\b"
)
# A title page: the company, "and", the agent (with any description), then "Rights Agent" or
# the agreement's title ("CROWN CORK & SEAL COMPANY, INC." / "and" / "FIRST CHICAGO TRUST
# COMPANY OF NEW YORK" / "AMENDED AND RESTATED RIGHTS AGREEMENT").
_HEADING = re.compile(
    rf"^[ \t]*(?:\*[ \t]*)?(?P<name>{_ENTITY_LINE})[ \t\n]+(?i:and)[ \t\n]+\[?{_ENTITY}\]?,?"
    rf"(?:[ \t\n]+an?[ \t]+[^\n]{{1,80}})?[ \t\n]+"
    rf"(?:(?:(?i:as)[ \t\n]+)?(?i:Rights[ \t\n]+Agent)\b|"
    rf"(?:AMENDED[ \t\n]+AND[ \t\n]+RESTATED[ \t\n]+)?(?:[A-Z][A-Z'’&-]*[ \t]+){{0,4}}"
    rf"RIGHTS[ \t\n]+(?:AGREEMENT|PLAN)\b)",
    re.MULTILINE,
)
# The party after "between X and": the rights agent, so named ("between KB Home and Mellon
# Investor Services LLC, as Rights Agent"); then X is the company, whatever its name's form.
_AGENT_AFTER = re.compile(
    rf"[ \t\n]+{_ENTITY}(?:,?{_W}an?{_W}[^,()]{{1,80}}?)?,?{_W}(?i:as){_W}(?i:the{_W})?"
    rf"(?i:rights{_W}agent)\b"
)
_HAS_SUFFIX = re.compile(rf"{_SUFFIX}$")
_SPACE_RUN = re.compile(r"[ \t]+")
# Longer than any suffix with the comma and gap before it ("National Association", spaces read
# as one).
_SUFFIX_WINDOW = 40


def _suffix_window(text: str) -> str:
    """The end of `text` that decides whether it ends with a suffix, its space runs as one.

    The suffix's gaps read a run of spaces and tabs as one, so collapsing runs changes no
    answer; searching the raw text for "...$" retried a long run from every space in it.
    """
    return _SPACE_RUN.sub(" ", text)[-_SUFFIX_WINDOW:]


def _has_suffix(text: str) -> bool:
    """Whether `text` ends with an entity suffix ("Acme Corp.", "Acme, Inc.")."""
    return _HAS_SUFFIX.search(_suffix_window(text)) is not None


_DAY = rf"[A-Z][a-z]{{2,8}}\.?{_W}\d{{1,2}},?{_W}(?:19|20)\d\d"
# What may stand between a plan's name and its parties: its defined term, its date, "as amended".
_PLAN_TAIL = (
    rf"(?:[ \t\n]*(?:\([^()]{{0,80}}\)|,|(?i:dated|effective)(?:{_W}(?i:as){_W}of)?{_W}{_DAY}|"
    # "... (the "Rights Agreement") entered into between the Company and X"
    rf"(?i:as){_W}amended(?:{_W}and{_W}restated)?|(?i:entered{_W}into)))*"
)
_PARTY_OF_PLAN = (
    rf"(?i:rights{_W}agreement|rights{_W}plan(?:{_W}agreement)?|(?:preservation|protection){_W}"
    rf"(?:rights{_W})?plan)"
    rf"{_PLAN_TAIL}{_W}(?:(?i:by){_W}(?i:and){_W})?(?i:between){_W}"
    rf"(?:the{_W}(?:Company|Registrant|Corporation)|{_ENTITY}{_DESCRIPTOR}?"
    rf"(?:[ \t\n]*\([^()]{{0,40}}\))?),?{_W}(?i:and){_W}(?![Xx]{{3,}}\b)"
)
AGENT_AS_PARTY = re.compile(
    # "Computershare Trust Company of Canada", "First Chicago Trust Company of New York"
    rf"{_PARTY_OF_PLAN}(?P<agent>{_ENTITY_SUFFIXED}(?:{_W}of{_W}[A-Z][\w'’-]*(?:{_W}[A-Z][\w'’-]*)?"
    rf"(?=[ \t\n]*[,.(]|{_W}dated\b))?|(?:The{_W})?[A-Z][\w.&'’-]*(?:{_W}(?:[A-Z][\w.&'’-]*"
    rf"|of|&)){{0,5}}(?=[ \t\n]*\((?i:as){_W}(?i:rights{_W}agent)\)))(?=[,( \t\n]|\.(?:[ \t\n]|$))"
)
"""A rights agreement's other party: "the Tax Benefits Preservation Plan (the "Agreement"),
dated as of January 22, 2024, between LivePerson, Inc., a Delaware corporation (the
"Company"), and Equiniti Trust Company, LLC, a New York limited liability trust company"; "the
rights agreement ... between the Company and Computershare Inc. as successor-in-interest to";
"between Cyprus Amax Minerals Company (the "Company") and The Bank of New York (as Rights
Agent)". The agent is named with an entity's suffix, or followed by "(as Rights Agent)"."""
# Words that make what comes before "of" a description of the company, not part of its name:
# "Board of Directors of X", "Series A Preferred Stock Purchase Rights of X".
_BODIES = frozenset({"board", "directors", "committee", "members", "officers", "subsidiaries"})
_SECURITIES = frozenset({"rights", "stock", "shares", "securities"})
_HOLDERS = frozenset({"holders", "stockholders", "shareholders"})
# An officer's title: "Vice President, Secretary and General Counsel of The Toro Company".
_OFFICES = frozenset({"counsel", "secretary", "president", "treasurer", "officer", "chairman"})
_GENERIC_NOUNS = _BODIES | _SECURITIES | _HOLDERS | _OFFICES
_NOT_A_NAME = frozenset(
    {"company", "corporation", "registrant", "issuer", "rights", "board", "this", "agreement"}
)
_TITLE_WORD = re.compile(r"\b(?i:agreement|plan)\b")
# A rule typed under a cover's name ("DHB INDUSTRIES, INC. ______"): the name ends there.
_RULE = re.compile(r"[ \t\n]*(?:_{3,}|-{4,}|={3,})")
# Words a company's name never holds; before a line break they are a neighbouring line's
# (a headline's "Value for All Shareholders", a dateline's "Sep 9 2009").
_NOT_IN_NAMES = _HOLDERS | {"board", "directors"}
_NUMBER = re.compile(r"\d{1,4},?")
# A dateline's day before a name ("Oct. 8 NOVT Corporation", "May 2, 2005 Acme Inc."): a
# month and a day are never a name's first words.
_DATELINE_DAY = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?[ \t\n]+\d{1,2}"
    r"(?:,?[ \t\n]+(?:19|20)\d\d)?,?[ \t\n]+(?=[A-Za-z0-9])"
)
_REDACTED = re.compile(r"\b[Xx]{3,}\b")
# A redaction just before the match is the name's own start ("XXXX XXXXXX, DISCOVER & CO."):
# what follows it is part of a redacted name, not a name.
_REDACTED_BEFORE = re.compile(r"\b[Xx]{3,}[ \t,.&]{0,3}$")
_SCAN = 20_000
# "SAKS INCORPORATED.": a sentence's period after a word written out, never an abbreviation's
# ("Inc.", "Corp.", "L.L.C.").
_SENTENCE_END = re.compile(r"(?<=[A-Za-z]{5})\.$")
# A headline's verb ends no company's name ("Acme Adopts", "Acme Announces").
_HEADLINE_VERB = re.compile(r"Adopts|Amends|Extends|Terminates|Redeems|Announces|Reports")


@attrs.frozen
class CompanyMention:
    """A company's name as found, where (``start``-``end`` of the filing's text) and how."""

    name: str
    start: int
    end: int
    how: str


def find_company(filing: Filing) -> CompanyMention | None:
    """The company ``filing`` is about, or ``None`` when its text does not name one."""
    text = filing.text
    name = _RULE.split(filing.registrant.name or "", maxsplit=1)[0].strip()
    name = _SENTENCE_END.sub("", name)
    if name:
        found = _locate(text, name, filing.main.start)
        start, end = found if found is not None else (0, 0)
        return CompanyMention(
            " ".join(name.split()), start, end, "the registrant named on the cover"
        )
    stop = min(len(text), filing.main.start + _SCAN)
    for pattern, how in (
        (_DEFINED, 'the party the text defines as the "Company"'),
        (_TICKER, "the name given with a ticker symbol"),
        (_ANNOUNCES, "the company the release's first sentence says announced"),
        (_BETWEEN, "the first party named in the agreement's heading"),
        (_HEADING, "the first party named in the agreement's heading"),
        (_FILER_TITLE, "the filer named in a mirror's title for the filing"),
        (_BOARD_OF, "the company whose board the text names"),
        (_ISSUER_FIELD, "the issuer a form's field names"),
        (_HEADLINE_ACTOR, "the company a headline says acts on its plan"),
    ):
        for match in pattern.finditer(text, filing.main.start, stop):
            if pattern is _BETWEEN and not (
                match["descriptor"]
                or _has_suffix(match["name"])
                or _AGENT_AFTER.match(text, match.end())
            ):
                continue  # "between Pathfinder and the Company": not a party's full name
            group = "ticked" if "ticked" in match.re.groupindex and match["ticked"] else "name"
            # A name given with its ticker symbol is a company's, "The" and all ("The Men's
            # Wearhouse (NYSE: MW)").
            ticked = pattern is _TICKER or group == "ticked"
            cleaned = _clean(text, match.start(group), match.end(group), ticked=ticked)
            if cleaned is not None:
                start, end = cleaned
                return CompanyMention(_joined(text[start:end]), start, end, how)
    return None


def _joined(written: str) -> str:
    """A name on one line: "Alpha-" / "Beta Technology, Inc." is "Alpha-Beta Technology, Inc."."""
    return " ".join(_BROKEN_AT_HYPHEN.sub("-", written).split())


_BROKEN_AT_HYPHEN = re.compile(r"(?<=[A-Za-z])-[ \t]*\n[ \t]*(?=[A-Z])")


def _locate(text: str, name: str, start: int) -> tuple[int, int] | None:
    """Where ``name`` is written in ``text`` (any spacing or line breaks between its words)."""
    words = name.split()
    if not words:
        return None
    pattern = re.compile(r"[ \t\n|]+".join(re.escape(word) for word in words))
    match = pattern.search(text, start) or pattern.search(text)
    return None if match is None else (match.start(), match.end())


def _clean(text: str, start: int, end: int, *, ticked: bool = False) -> tuple[int, int] | None:
    """The span of the name proper within a matched name, or ``None`` if it is not a name."""
    found = text[start:end]
    title = max(_TITLE_WORD.finditer(found), key=lambda m: m.start(), default=None)
    if title is not None:  # "RIGHTS AGREEMENT INTERPHASE CORPORATION": the title runs in
        rest = found[title.end() :]
        start += title.end() + len(rest) - len(rest.lstrip())
        found = text[start:end]
    for line_break in reversed([m.end() for m in re.finditer(r"\n[ \t]*", found)]):
        heading = found[:line_break].rstrip().split("\n")[-1]
        line_start = start + found.rfind("\n", 0, line_break - 1) + 1
        whole_line = not text[text.rfind("\n", 0, line_start) + 1 : line_start].strip()
        rest = found[line_break:]
        heading_like = heading.isupper() or len(heading.split()) == 1
        if whole_line and heading_like and _has_suffix(rest):
            if not re.fullmatch(rf"{_SUFFIX}", " " + rest):
                # "DESCRIPTION OF SECURITIES" / "General" / "Aviat Networks, Inc. (the ...":
                # a heading's lines run into the name below them.
                start += line_break
                found = rest
            break
    for line_break in reversed([m.end() for m in re.finditer(r"\n[ \t]*", found)]):
        words = [w.casefold().strip(",") for w in found[:line_break].split()]
        rest = found[line_break:]
        neighbour = any(w in _NOT_IN_NAMES or _NUMBER.fullmatch(w) for w in words)
        if neighbour and _has_suffix(rest) and not re.fullmatch(_SUFFIX, " " + rest):
            start += line_break  # the name is on the line below its neighbour's words
            found = rest
            break
    dated = _DATELINE_DAY.match(found)
    if dated is not None:  # "Calif., Oct. 8 NOVT Corporation": the dateline's day runs in
        start += dated.end()
        found = text[start:end]
    parts = list(re.finditer(rf"{_W}of{_W}", found))
    for part in reversed(parts):
        before = {word.casefold() for word in found[: part.start()].split()}
        if before & _GENERIC_NOUNS:
            start += part.end()
            found = text[start:end]
            break
    words = found.split()
    if not words or _REDACTED.search(found):
        return None
    if _REDACTED_BEFORE.search(text, max(0, start - 12), start):
        return None
    if _SENTENCE_END.search(found.rstrip()):
        # "3Com Corporation., a Delaware corporation": the period typed after the name
        end = start + len(found.rstrip()) - 1
        found = text[start:end]
        words = found.split()
    first = words[1] if words[0].casefold() == "the" and len(words) > 1 else words[0]
    if first.casefold().strip(",") in _NOT_A_NAME or not re.match(_FIRST, first):
        return None
    if re.fullmatch(_SUFFIX, " " + first):
        return None  # "Inc. JCP": a name's end, not its start
    if words[0].casefold() == "the" and not (_has_suffix(found) or ticked):
        return None  # "The Board", "The Rights": a name that starts "The" ends "Inc."
    if _HEADLINE_VERB.fullmatch(words[-1]):
        return None  # "IEC Adopts a Tax Benefit Preservation Plan": a headline, not a name
    return start, end
