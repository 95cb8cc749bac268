"""What a Schedule 13D or 13G states, each value with the span of text that states it.

Every offset (``start``, ``end``) indexes :attr:`Report.text`: the report's readable text
(HTML turned into text, an EDGAR submission's documents one after another) or, for the
structured XML filed since December 2024, the XML itself. A value the report does not state
is ``None``, never guessed; a field the report states twice, differently, is an
:class:`Inconsistency`, not resolved.
"""

from __future__ import annotations

import enum
import re
from fractions import Fraction
from typing import Any, Generic, TypeVar

import attrs
import pendulum

from rightsplan.errors import InvalidInputError

__all__ = [
    "Fact",
    "Inconsistency",
    "Layout",
    "PassiveBasis",
    "Report",
    "ReportingPerson",
    "Stated",
]

T = TypeVar("T")


class PassiveBasis(enum.Enum):
    """What a report's form and a 13G's rule box show of its holders' passivity: the rule, once.

    Every reader of passivity (:attr:`Report.passive`, the events file, the watch) asks this,
    never whether a flag happens to be ``None``. :attr:`passive` is what the report shows;
    :attr:`established` whether it shows it at all; :attr:`recorded` what an events file
    records until a reviewer says otherwise.
    """

    SCHEDULE_13D = "schedule-13d"
    """A Schedule 13D: its filer may intend to change or influence control. Active."""
    RULE_13D_1_B = "rule-13d-1(b)"
    """A 13G under Rule 13d-1(b), a qualified institution. Passive."""
    RULE_13D_1_C = "rule-13d-1(c)"
    """A 13G under Rule 13d-1(c), a passive investor certifying no control purpose. Passive."""
    NO_RULE_STATED = "13g-no-rule-stated"
    """A 13G whose cover marks no rule (older filings, or a copy that lost the boxes).
    Passive by the form alone."""
    RULE_13D_1_D = "rule-13d-1(d)"
    """A 13G under Rule 13d-1(d), an exempt investor, which files on 13G whatever its intent.
    Not established."""
    NO_FORM = "no-form"
    """The text does not say whether it is a 13D or a 13G. Not established."""

    @property
    def passive(self) -> bool | None:
        """What the report shows: passive, active, or ``None`` (not established)."""
        if self is PassiveBasis.SCHEDULE_13D:
            return False
        if self in (PassiveBasis.RULE_13D_1_D, PassiveBasis.NO_FORM):
            return None
        return True

    @property
    def established(self) -> bool:
        """Whether the report shows the holder passive or active (else both are judged)."""
        return self.passive is not None

    @property
    def recorded(self) -> bool:
        """The passivity an events file records until a reviewer says otherwise.

        Where not established, active (the general threshold, the cautious reading), which the
        event's source says.
        """
        return bool(self.passive)


_PASSIVE_RULES = {
    "13d-1(b)": (
        PassiveBasis.RULE_13D_1_B,
        "a qualified institution, holding without any purpose of changing or influencing control",
    ),
    "13d-1(c)": (
        PassiveBasis.RULE_13D_1_C,
        "a passive investor, certifying that it holds without any purpose of changing or "
        "influencing control",
    ),
    "13d-1(d)": (
        PassiveBasis.RULE_13D_1_D,
        "an exempt investor, holding shares acquired before the class was registered, files "
        "on 13G whatever its intent, so the report does not show that it holds without any "
        "intention of changing or influencing control",
    ),
}
"""Each Schedule 13G rule: its basis, and why, in words."""


@attrs.frozen
class Stated(Generic[T]):
    """A value and where the report states it: ``text[start:end] == quote``."""

    value: T
    start: int
    end: int
    quote: str


class Layout(enum.Enum):
    """How the report was filed."""

    TEXT = "text"
    """Plain text (the 1990s fixed-width covers), or text already flattened from HTML."""
    SGML = "sgml"
    """An EDGAR full submission: an SGML header and ``<DOCUMENT>``\\ s."""
    HTML = "html"
    """An HTML document (cover-page tables flattened into lines)."""
    XML = "xml"
    """The structured Schedule 13D/13G XML EDGAR has taken since December 2024."""


@attrs.frozen
class ReportingPerson:
    """One reporting person's cover page: rows 1 to 14 (13D) or 1 to 12 (13G)."""

    name: Stated[str]
    group: Stated[str] | None = None
    """``"a"`` or ``"b"``: the box checked in row 2, or ``None`` when neither is."""
    sole_voting: Stated[int] | None = None
    shared_voting: Stated[int] | None = None
    sole_dispositive: Stated[int] | None = None
    shared_dispositive: Stated[int] | None = None
    aggregate: Stated[int] | None = None
    """The aggregate amount beneficially owned (row 11 of a 13D, row 9 of a 13G)."""
    percent: Stated[str] | None = None
    """The percent of class as printed, without the ``%`` sign (``"24.2"``)."""
    type: Stated[str] | None = None
    """The type of reporting person as printed: one code or several (``"PN; IA"``)."""

    @property
    def types(self) -> tuple[str, ...]:
        """The type codes (``IN``, ``CO``, ``PN``, ``IA``...), in the order printed."""
        return () if self.type is None else tuple(re.findall(r"[A-Z]{2}", self.type.value))

    @property
    def percent_value(self) -> Fraction | None:
        """The printed percentage as an exact fraction, or ``None`` if not stated."""
        return None if self.percent is None else Fraction(self.percent.value)


@attrs.frozen
class Inconsistency:
    """A field the report states more than once, with different values."""

    field: str
    """The fact's name (``"cusip"``, ``"person[1].percent"``)."""
    values: tuple[Stated[str], ...]

    def describe(self) -> str:
        """The inconsistency in words."""
        shown = " and ".join(repr(value.quote) for value in self.values)
        return f"{self.field} is stated differently: {shown}"


@attrs.frozen
class Fact:
    """A fact in the corpus vocabulary (``person[1].aggregate=2800500``) and its quote."""

    fact: str
    quote: str
    start: int
    end: int

    @property
    def key(self) -> str:
        """The fact's name, before ``=`` (``person[1].aggregate``)."""
        return self.fact.partition("=")[0]

    @property
    def value(self) -> str:
        """The fact's value, after ``=``."""
        return self.fact.partition("=")[2]


def _known_rule(rule: Stated[str] | None) -> None:
    if rule is not None and rule.value not in _PASSIVE_RULES:
        raise InvalidInputError(
            f"rule: expected one of {', '.join(_PASSIVE_RULES)}, got {rule.value!r}"
        )


@attrs.frozen
class Report:
    """A Schedule 13D or 13G, or an amendment of one, as read. Absent facts are ``None``."""

    name: str
    """Where the report was read from (a path, or a name the caller gave)."""
    text: str = attrs.field(repr=False)
    """The text every offset indexes."""
    layout: Layout
    form: Stated[str] | None
    """``"13D"`` or ``"13G"``."""
    amendment: Stated[int] | None
    """The amendment number, 0 for an original statement, ``None`` if the text gives none."""
    issuer: Stated[str] | None
    cusip: Stated[str] | None
    """The CUSIP as printed on the first cover page (``"87229N 10 1"``)."""
    event_date: Stated[pendulum.Date] | None
    """The date of the event which requires the filing of the statement."""
    rule: Stated[str] | None = attrs.field(validator=lambda _, __, rule: _known_rule(rule))
    """For a 13G: the rule relied on, ``"13d-1(b)"``, ``"13d-1(c)"`` or ``"13d-1(d)"``."""
    persons: tuple[ReportingPerson, ...]
    purpose: Stated[str] | None = None
    """For a 13D: Item 4 (Purpose of Transaction), its whole text."""
    joint_filing: Stated[str] | None = None
    """Where the report says its persons file jointly (a joint filing agreement)."""
    outstanding: Stated[int] | None = None
    """The shares outstanding the percentages were computed on, where the report says."""
    filed: pendulum.Date | None = None
    """The filed-as-of date, when an SGML header gives it."""
    inconsistencies: tuple[Inconsistency, ...] = ()
    removed: tuple[tuple[str, int], ...] = ()
    """What was removed from the file's text (terminal escapes, invisible characters)."""

    @property
    def passivity(self) -> PassiveBasis:
        """What the form and the 13G's rule box show of passivity (:class:`PassiveBasis`)."""
        if self.form is None:
            return PassiveBasis.NO_FORM
        if self.form.value != "13G":
            return PassiveBasis.SCHEDULE_13D
        if self.rule is None:
            return PassiveBasis.NO_RULE_STATED
        return _PASSIVE_RULES[self.rule.value][0]

    @property
    def passive(self) -> bool | None:
        """Whether the report shows its holders passive, by its form and its rule box.

        ``False`` for a 13D. For a 13G, ``True`` under Rule 13d-1(b) (a qualified
        institution) or 13d-1(c) (a passive investor certifying no purpose of changing or
        influencing control), and where the cover states no rule (older 13Gs: passive by the
        form alone); ``None`` under Rule 13d-1(d) (an exempt investor, which files on 13G
        whatever its intent) and where the report states no form. :attr:`passivity` says which,
        :attr:`passive_basis` why, in words.
        """
        return self.passivity.passive

    @property
    def passive_basis(self) -> str:
        """Why :attr:`passive` is what it is, in words, quoting the rule box where marked."""
        basis = self.passivity
        if basis is PassiveBasis.NO_FORM:
            return "a report that does not say whether it is a 13D or a 13G"
        if basis is PassiveBasis.SCHEDULE_13D:
            return "a Schedule 13D, whose filer may intend to change or influence control"
        rule = self.rule
        if rule is None:
            return (
                "a Schedule 13G whose cover states no rule (13d-1(b), (c) or (d)): passive by "
                "the form alone"
            )
        quote = " ".join(rule.quote.split())
        marked = f'a Schedule 13G under Rule {rule.value} (its rule box marks "{quote}")'
        return f"{marked}: {_PASSIVE_RULES[rule.value][1]}"

    @property
    def form_name(self) -> str:
        """The form in words: ``"Schedule 13D/A (Amendment No. 6)"``."""
        form = self.form.value if self.form is not None else "13D/13G"
        if self.amendment is None or self.amendment.value == 0:
            return f"Schedule {form}"
        return f"Schedule {form}/A (Amendment No. {self.amendment.value})"

    @property
    def date(self) -> pendulum.Date | None:
        """The report's date: the event date, else the filed-as-of date."""
        return self.event_date.value if self.event_date is not None else self.filed

    @property
    def group_filing(self) -> bool:
        """Whether the reporting persons file as one: several persons, box (a) or an agreement."""
        return (
            len(self.persons) > 1
            or self.joint_filing is not None
            or any(p.group is not None and p.group.value == "a" for p in self.persons)
        )

    def cite(self) -> str:
        """The report in a citation: form, issuer, event date and file."""
        issuer = f" on {self.issuer.value}" if self.issuer is not None else ""
        when = self.date.isoformat() if self.date is not None else "undated"
        return f"{self.form_name}{issuer}, event {when} ({self.name})"

    def facts(self) -> tuple[Fact, ...]:
        """Every stated value as a fact of the corpus vocabulary, with its quote."""
        out: list[Fact] = []

        def add(key: str, value: object, stated: Stated[Any]) -> None:
            out.append(Fact(f"{key}={value}", stated.quote, stated.start, stated.end))

        if self.issuer is not None:
            add("issuer", self.issuer.value, self.issuer)
        if self.cusip is not None:
            add("cusip", self.cusip.value, self.cusip)
        if self.form is not None:
            add("form", self.form.value, self.form)
        if self.amendment is not None:
            add("amendment", self.amendment.value, self.amendment)
        if self.event_date is not None:
            add("event_date", self.event_date.value.isoformat(), self.event_date)
        if self.rule is not None:
            add("rule", self.rule.value, self.rule)
        for index, person in enumerate(self.persons, start=1):
            prefix = f"person[{index}]"
            add(f"{prefix}.name", person.name.value, person.name)
            if person.group is not None:
                add(f"{prefix}.group", person.group.value, person.group)
            for field in (
                "sole_voting",
                "shared_voting",
                "sole_dispositive",
                "shared_dispositive",
                "aggregate",
                "percent",
                "type",
            ):
                stated = getattr(person, field)
                if stated is not None:
                    add(f"{prefix}.{field}", stated.value, stated)
        if self.purpose is not None:
            first = _first_sentence(self.purpose)
            add("purpose", "stated", first)
        for inconsistency in self.inconsistencies:
            known = {fact.fact for fact in out}
            for value in inconsistency.values:
                fact = f"{inconsistency.field}={value.value}"
                if fact not in known:
                    out.append(Fact(fact, value.quote, value.start, value.end))
                    known.add(fact)
            first_value = inconsistency.values[0]
            add("inconsistent", inconsistency.field, first_value)
        return tuple(out)


def _first_sentence(purpose: Stated[str]) -> Stated[str]:
    """The first sentence of Item 4 (or its first line, if that ends sooner)."""
    from rightsplan.edgar._text import sentence_bounds

    text = purpose.quote
    bounds = sentence_bounds(text, 0, len(text))
    start, end = bounds[0] if bounds else (0, len(text))
    line_end = text.find("\n", start + 1)
    if 0 <= line_end < end and text[start:line_end].strip():
        end = line_end
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    stripped = piece.strip()
    begin = purpose.start + start + lead
    return Stated("stated", begin, begin + len(stripped), stripped)
