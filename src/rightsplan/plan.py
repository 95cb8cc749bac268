"""A plan: a Rights Agreement and the instruments after it, replayed into terms over time.

The replay is a pure fold: the agreement's terms, then each instrument's changes applied in
order of effective date (on the same day, in the order given, numbered amendments by number).
An amended and restated agreement replaces every term with the ones it states; the terms
before it stay as they were for the days before it. The replay runs once, when the plan is
built, so that an inconsistent history fails at once and names the instrument at fault;
queries then look the terms up.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable

import attrs
import pendulum

from rightsplan import _check
from rightsplan.agreement import RightsAgreement, stated_terms
from rightsplan.amendments import Amendment, apply_change
from rightsplan.dates import DateLike, to_date
from rightsplan.errors import InputTypeError, NotAdoptedError, PlanHistoryError
from rightsplan.report import Timeline, plan_html, short
from rightsplan.sources import Source
from rightsplan.terms import JSONValue, ProvisionKind, Terms, evolve, with_instrument
from rightsplan.unknowns import UnknownDate

__all__ = ["Period", "Plan"]


@attrs.frozen
class Period:
    """A stretch of days over which the terms did not change.

    ``start`` and ``end`` are both days of the period (``end`` is ``None`` for the last,
    open-ended one). ``in_force`` is false once the plan has expired or ended, and
    ``None`` over days when whether it has depends on an unknown Final Expiration Date.
    ``opened_by`` says what began the period.
    """

    start: pendulum.Date
    end: pendulum.Date | None
    terms: Terms
    in_force: bool | None
    opened_by: str

    def contains(self, on: pendulum.Date) -> bool:
        """Whether ``on`` falls in this period."""
        return self.start <= on and (self.end is None or on <= self.end)

    def describe(self, previous: Period | None = None) -> str:
        """The period in a few readable lines.

        The thresholds are always listed; other terms (Exempt Persons, the rights agent...)
        only where they differ from ``previous``, the period before.
        """
        span = (
            f"{self.start.isoformat()} to {self.end.isoformat()}"
            if self.end is not None
            else f"{self.start.isoformat()} onwards"
        )
        head = f"{span}: {self.opened_by}"
        if self.in_force is None:
            assert self.terms.expiration is not None
            return f"{head}\n  in force or expired: {self.terms.expiration.why()}"
        if not self.in_force:
            return f"{head}\n  no plan in force"
        lines = self.terms.describe_since(previous.terms if previous is not None else None)
        return "\n".join([head, *(f"  {line}" for line in lines.splitlines())])

    def to_json(self) -> dict[str, JSONValue]:
        """The period as JSON-ready values: its days, what opened it, and every rule in force.

        ``rules`` lists every rule in force, as :meth:`Terms.to_json` does, not only the
        changes; when the plan is not in force (``in_force`` false), only the rules that
        ended it (the ending, the Final Expiration Date).
        """
        return {
            "start": self.start.isoformat(),
            "end": None if self.end is None else self.end.isoformat(),
            "in_force": self.in_force,
            "opened_by": self.opened_by,
            "rules": _rules_json(self.terms, in_force=self.in_force),
        }


def _amendment(value: object, what: str) -> Amendment:
    if not isinstance(value, Amendment):
        raise InputTypeError(f"{what}: expected an Amendment, got {value!r}")
    return value


def _in_order(value: Iterable[Amendment]) -> tuple[Amendment, ...]:
    """The instruments in the order they apply: by effective date, then as given.

    On one day, numbered amendments go by number among the places numbered ones hold, so
    the same amendments given in any order make the same plan; the other kinds keep the
    order given (the order of filing: an exchange of the old rights before the restatement
    that declares new ones).
    """
    amendments = _check.tuple_of(value, "amendments", _amendment)
    ordered = sorted(amendments, key=lambda amendment: amendment.effective_date)
    start = 0
    while start < len(ordered):
        end = start
        while end < len(ordered) and ordered[end].effective_date == ordered[start].effective_date:
            end += 1
        places = [i for i in range(start, end) if ordered[i].number is not None]
        numbered = sorted((ordered[i] for i in places), key=lambda a: a.number or 0)
        for place, amendment in zip(places, numbered, strict=True):
            ordered[place] = amendment
        start = end
    return tuple(ordered)


def _agreement(value: RightsAgreement) -> RightsAgreement:
    if not isinstance(value, RightsAgreement):
        raise InputTypeError(f"agreement: expected a RightsAgreement, got {value!r}")
    return value


def _origin(value: object) -> str | None:
    # A file's name as given: it may hold what plan text may not; messages escape it.
    if value is not None and not isinstance(value, str):
        raise InputTypeError(f"origin: expected a file's name or None, got {value!r}")
    return value


@attrs.frozen(repr=False)
class Plan:
    """A Rights Agreement with the instruments after it (amendments and the other kinds).

    ``amendments`` holds every instrument after the agreement, of any
    :class:`~rightsplan.InstrumentKind`. They may be given in any order; they are kept in the
    order they apply: by effective date, and on one day in the order given (numbered
    amendments by number). Building a plan replays the whole history and raises
    :class:`~rightsplan.errors.PlanHistoryError`, naming the instrument, when it is
    inconsistent.
    """

    agreement: RightsAgreement = attrs.field(converter=_agreement)
    amendments: tuple[Amendment, ...] = attrs.field(default=(), converter=_in_order)
    origin: str | None = attrs.field(
        default=None, kw_only=True, eq=False, repr=False, converter=_origin
    )
    """The file the plan was read from (:func:`~rightsplan.load_plan` sets it), named in
    errors found later, while the plan is replayed against events. Not part of equality: the
    same plan read from two files is one plan."""
    _dates: tuple[pendulum.Date, ...] = attrs.field(init=False, eq=False, repr=False)
    _states: tuple[Terms, ...] = attrs.field(init=False, eq=False, repr=False)
    _openers: tuple[int, ...] = attrs.field(init=False, eq=False, repr=False)
    """How many amendments took effect on each state's first day (the words that opened
    each period are written when the timeline is asked for, not on every replay)."""
    _timeline: Timeline | None = attrs.field(init=False, default=None, eq=False, repr=False)
    """The timeline, once asked for (the plan is immutable, so it never changes)."""

    def __attrs_post_init__(self) -> None:
        self._check_order()
        dates = [self.agreement.dated]
        states = [self.agreement.initial_terms()]
        openers = [0]  # the amendments that opened each state, counted
        for amendment in self.amendments:
            terms = states[-1]
            on = amendment.effective_date
            # A restatement stands on its own: it may follow an exchange of the old rights
            # (Selectica, 2009-01-02: exchange, then a new dividend under the restated terms).
            # An unknown expiry never makes a later instrument "after expiry": that it was
            # made at all says the plan was still in force (in_force_or_unknown is None).
            if not amendment.restates and terms.in_force_or_unknown(on) is False:
                raise PlanHistoryError(
                    f"{amendment.name} takes effect {on.isoformat()}, when the plan is no "
                    f"longer in force ({_why_not_in_force(terms, on)})"
                )
            if amendment.restates:
                terms = self._restated(amendment, terms)
            for index, change in enumerate(() if amendment.restates else amendment.changes):
                try:
                    terms = apply_change(change, terms, amendment.source(change), on)
                except PlanHistoryError as error:
                    raise PlanHistoryError(
                        f"{amendment.name} ({amendment.executed.isoformat()}), changes[{index}] "
                        f"({type(change).__name__}): {error}"
                    ) from None
            terms = with_instrument(
                terms,
                Source(
                    amendment.name,
                    amendment.executed,
                    document=amendment.document,
                    note=amendment.note,
                ),
            )
            if dates[-1] == on:
                states[-1] = terms
                openers[-1] += 1
            else:
                dates.append(on)
                states.append(terms)
                openers.append(1)
        _still_in_force(dates, states)
        object.__setattr__(self, "_dates", tuple(dates))
        object.__setattr__(self, "_states", tuple(states))
        object.__setattr__(self, "_openers", tuple(openers))

    def _opener_words(self) -> list[str]:
        """What opened each state: the agreement, or the amendments taking effect that day.

        Joined once per state: many amendments on one day would make joining as we go cost
        the square of their number.
        """
        words: list[str] = []
        agreement, amendments = self.agreement, iter(self.amendments)
        for index, count in enumerate(self._openers):
            each = [] if index else [f"{agreement.name} dated {agreement.dated.isoformat()}"]
            for amendment in itertools.islice(amendments, count):
                described = "; ".join(c.describe() for c in amendment.changes)
                if amendment.restates:
                    described = f"restates every term: {described}"
                each.append(f"{amendment.name} ({described})")
            words.append("; ".join(each))
        return words

    def _restated(self, restatement: Amendment, before: Terms) -> Terms:
        """The terms an amended and restated agreement states, replacing ``before``'s."""
        on = restatement.effective_date
        try:
            return stated_terms(
                self.agreement.company,
                restatement.changes,
                restatement.source,
                on,
                before.instruments,
                "changes",
            )
        except PlanHistoryError as error:
            raise PlanHistoryError(
                f"{restatement.name} ({restatement.executed.isoformat()}), {error}"
            ) from None

    def _check_order(self) -> None:
        agreement = self.agreement
        # Numbers are unique and run with the execution dates among the amendments to one
        # agreement: those after a restatement are numbered anew ("Amendment 2 to Amended and
        # Restated Rights Agreement").
        numbered: list[list[Amendment]] = [[]]
        for amendment in self.amendments:
            if amendment.restates:
                numbered.append([])
            elif amendment.number is not None:
                numbered[-1].append(amendment)
        for group in numbered:
            _check_numbers(sorted(group, key=lambda a: a.number or 0))
        for amendment in self.amendments:
            for what, day in (
                ("was authorized", amendment.authorized),
                ("executed", amendment.executed),
                ("takes effect", amendment.effective_date),
            ):
                if day is not None and day < agreement.dated:
                    raise PlanHistoryError(
                        f"{amendment.name} {what} {day.isoformat()}, before the "
                        f"{agreement.name} it amends (dated {agreement.dated.isoformat()})"
                    )

    @property
    def company(self) -> str:
        """The issuer."""
        return self.agreement.company

    def amend(self, *amendments: Amendment) -> Plan:
        """A new plan with ``amendments`` added to this one's history."""
        return Plan(self.agreement, (*self.amendments, *amendments))

    def terms_at(self, on: DateLike) -> Terms:
        """The terms on ``on``: the agreement and every amendment effective by then, in order.

        Raises :class:`~rightsplan.errors.NotAdoptedError` for a day before the agreement.
        Check :meth:`Terms.in_force_on` (or :meth:`in_force_on`) to know whether the plan
        had expired or ended by then.
        """
        day = to_date(on, what="on")
        index = bisect.bisect_right(self._dates, day) - 1
        if index < 0:
            raise NotAdoptedError(
                f"{self.company}'s {self.agreement.name} is dated "
                f"{self.agreement.dated.isoformat()}: there were no terms on {day.isoformat()}"
            )
        return self._states[index]

    def in_force_on(self, on: DateLike) -> bool:
        """Whether the plan was in force on ``on`` (adopted, not expired, not ended).

        Raises :class:`~rightsplan.errors.UnknownTermError` on a day an unknown Final
        Expiration Date decides (:func:`rightsplan.rules.in_force_or_unknown` says so instead).
        """
        day = to_date(on, what="on")
        if day < self.agreement.dated:
            return False
        return self.terms_at(day).in_force_on(day)

    def __repr__(self) -> str:
        amendments = len(self.amendments)
        return (
            f"<Plan {short(self.company)!r}: {short(self.agreement.name, 40)} dated "
            f"{self.agreement.dated.isoformat()}, {amendments} "
            f"amendment{'' if amendments == 1 else 's'}>"
        )

    def _repr_html_(self) -> str:
        return plan_html(self)

    def timeline(self) -> Timeline:
        """The whole history as consecutive periods, from the agreement's date on.

        A period ends where an amendment takes effect or where the plan expires; the last
        period is open-ended. The result is a tuple of :class:`Period` s whose
        ``to_polars()`` and ``to_pandas()`` give one row per period and term, with its
        source (:data:`rightsplan.report.TIMELINE_COLUMNS`).
        """
        if self._timeline is not None:
            return self._timeline
        periods: list[Period] = []
        openers = self._opener_words()
        for index, (start, terms) in enumerate(zip(self._dates, self._states, strict=True)):
            following = self._dates[index + 1] if index + 1 < len(self._dates) else None
            end = _day_before(following) if following is not None else None
            opener = openers[index]
            for first, last, state, why in _expiry_spans(start, end, terms):
                periods.append(Period(first, last, terms, state, why or opener))
        timeline = Timeline(periods)
        object.__setattr__(self, "_timeline", timeline)
        return timeline

    def unknowns(self) -> tuple[str, ...]:
        """Every term the plan leaves unknown at some point, with its source (empty if none)."""
        found: dict[str, None] = {}
        for terms in self._states:
            found.update(dict.fromkeys(terms.unknowns()))
        return tuple(found)

    def describe(self) -> str:
        """The plan's whole timeline, readable."""
        header = f"{self.company} — {self.agreement.name} dated {self.agreement.dated.isoformat()}"
        periods = self.timeline()
        described = [
            period.describe(periods[index - 1] if index else None)
            for index, period in enumerate(periods)
        ]
        return "\n".join([header, *described])

    def to_json(self, *, on: DateLike | None = None) -> dict[str, JSONValue]:
        """The terms as JSON-ready values, as ``rightsplan terms --format json`` prints them.

        Without ``on``, the whole timeline (``periods``); with it, the terms on that day
        (``on``, ``in_force``, ``why_not``, ``rules``, ``instruments``). ``format`` names the
        layout, :data:`TERMS_JSON_FORMAT`; every key is documented in :doc:`/json`.

        >>> from rightsplan import examples
        >>> document = examples.innotrac().to_json(on="2003-11-24")
        >>> document["in_force"], document["rules"][0]["threshold"]
        (True, {'percent': '15', 'comparison': 'at-least', 'text': '15% or more'})
        """
        document: dict[str, JSONValue] = {
            "format": TERMS_JSON_FORMAT,
            "company": self.company,
            "agreement": {"name": self.agreement.name, "dated": self.agreement.dated.isoformat()},
        }
        if on is None:
            document["periods"] = [period.to_json() for period in self.timeline()]
            return document
        day = to_date(on, what="on")
        document["on"] = day.isoformat()
        in_force: bool | None
        if day < self.agreement.dated:
            why_not: str | None = (
                f"the {self.agreement.name} is dated {self.agreement.dated.isoformat()}"
            )
            terms, in_force = None, False
        else:
            terms = self.terms_at(day)
            in_force = terms.in_force_or_unknown(day)
            if in_force is None:  # an unknown expiry decides: null, and why
                assert terms.expiration is not None
                why_not = f"whether it is in force is unknown: {terms.expiration.why()}"
            else:
                why_not = None if in_force else _why_not_in_force(terms, day)
        document["in_force"] = in_force
        document["why_not"] = why_not
        document["rules"] = [] if terms is None else _rules_json(terms, in_force=in_force)
        document["instruments"] = (
            [] if terms is None or in_force is False else terms.to_json()["instruments"]
        )
        return document


def effective_terms(plan: Plan) -> tuple[tuple[pendulum.Date, Terms], ...]:
    """Each of the plan's terms with the day it took effect, in order (private).

    The periods of :meth:`Plan.timeline` before they are split where an expiry changes
    whether the plan is in force: for readers that split them themselves (preparing plans
    for screening reads thousands of plans, and needs no :class:`Period` objects).
    """
    return tuple(zip(plan._dates, plan._states, strict=True))


TERMS_JSON_FORMAT = "rightsplan.terms/1"
"""The ``format`` of :meth:`Plan.to_json` and of ``rightsplan terms --format json``."""


_ENDINGS = (ProvisionKind.ENDED, ProvisionKind.EXPIRATION)


def _rules_json(terms: Terms, *, in_force: bool | None) -> list[JSONValue]:
    """Every rule of ``terms`` as JSON, or when not in force the rules that ended it.

    ``in_force`` is ``None`` where an unknown expiry decides: every rule is shown.
    """
    return [
        provision.to_json()
        for provision in terms.provisions()
        if in_force is not False or provision.kind in _ENDINGS
    ]


def _check_numbers(amendments: list[Amendment]) -> None:
    """Numbered amendments to one agreement, by number: unique, executed in that order."""
    for previous, amendment in itertools.pairwise(amendments):
        if amendment.number == previous.number:
            raise PlanHistoryError(
                f"Amendment No. {amendment.number} appears twice "
                f"(executed {previous.executed.isoformat()} and "
                f"{amendment.executed.isoformat()}); amendment numbers must be unique"
            )
        if amendment.executed < previous.executed:
            raise PlanHistoryError(
                f"{amendment.name} was executed {amendment.executed.isoformat()}, before "
                f"{previous.name} ({previous.executed.isoformat()}): numbers and execution "
                "dates must run in the same order"
            )


def _still_in_force(dates: list[pendulum.Date], states: list[Terms]) -> None:
    """Narrow unknown expiries by what the later instruments prove, in place.

    An instrument takes effect only while the plan is in force (the replay refuses one after
    expiry), so the last instrument made while an unknown Final Expiration Date governed (the
    one replacing it, or the plan's last) proves every day up to its own in force.
    """
    index = 0
    while index < len(states):
        expiration = states[index].expiration
        end = index
        while end + 1 < len(states) and states[end + 1].expiration is expiration:
            end += 1
        if expiration is not None and isinstance(expiration.date, UnknownDate):
            proof = dates[end + 1] if end + 1 < len(dates) else dates[end]
            low = expiration.date.on_or_after
            if low is None or low < proof:
                date = attrs.evolve(expiration.date, on_or_after=proof)
                narrowed = attrs.evolve(expiration, date=date)
                for each in range(index, end + 1):
                    states[each] = evolve(states[each], expiration=narrowed)
        index = end + 1


def _day_before(day: pendulum.Date) -> pendulum.Date:
    """The day before ``day`` (by ordinal: ``subtract(days=1)`` costs several times more)."""
    return pendulum.Date.fromordinal(day.toordinal() - 1)


def _day_after(day: pendulum.Date) -> pendulum.Date:
    """The day after ``day``."""
    return pendulum.Date.fromordinal(day.toordinal() + 1)


def _expiry_spans(
    start: pendulum.Date, end: pendulum.Date | None, terms: Terms
) -> list[tuple[pendulum.Date, pendulum.Date | None, bool | None, str | None]]:
    """The days from ``start`` to ``end`` split where the terms' expiry changes the answer.

    Each span: its first and last day, whether the plan is in force (``None``: an unknown
    expiry decides) and what opened it, if not the instrument.
    """
    state = terms.in_force_or_unknown(start)
    if state is False or terms.expiration is None:
        return [(start, end, state, None)]
    date = terms.expiration.date
    cuts: list[tuple[pendulum.Date, bool | None, str]]
    if isinstance(date, pendulum.Date):
        cuts = [(date, False, f"Final Expiration Date {date.isoformat()} passed")]
    else:
        cuts = []
        if date.on_or_after is not None:
            cuts.append((date.on_or_after, None, f"Final Expiration Date {date.describe()}"))
        if date.on_or_before is not None:
            cuts.append(
                (date.on_or_before, False, f"Final Expiration Date {date.describe()} passed")
            )
    spans: list[tuple[pendulum.Date, pendulum.Date | None, bool | None, str | None]] = []
    first, opener = start, None
    for last_in, after, why in cuts:
        # ``last_in`` is the last day of the state before; ``after`` the state from the next.
        if last_in < first or (end is not None and last_in >= end):
            continue
        if last_in >= pendulum.Date.max:  # the last day a date holds: no day after
            break
        spans.append((first, last_in, state, opener))
        first, state, opener = _day_after(last_in), after, why
    spans.append((first, end, state, opener))
    return spans


def _why_not_in_force(terms: Terms, on: pendulum.Date) -> str:
    if terms.ended is not None and terms.ended.on <= on:
        return (
            f"{terms.ended.kind.value} on {terms.ended.on.isoformat()} by "
            f"{terms.ended.source.cite()}"
        )
    assert terms.expiration is not None
    return (
        f"it expired at the close of business on {terms.expiration.describe()}, "
        f"per {terms.expiration.source.cite()}"
    )
