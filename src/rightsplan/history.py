"""A plan's history and an ownership ledger replayed together, day by day.

Whether a holder is an Acquiring Person depends on what happened before: once one, always one
(unless the plan says otherwise); a grandfathered holder triggers only by acquiring more; a
holder pushed over the line by a buyback is not one until it acquires more; a crossing the
board finds inadvertent does not count if it is cured in time. :func:`replay` folds the
ledger's events, one handler per kind, into the holdings; at the end of each day it asks the
rulebook (:func:`rightsplan.rules.verdict`) what each holding is, given the holder's
standing (:mod:`rightsplan.standing`), and decides only the *transitions*: who becomes an
Acquiring Person, who is grandfathered or excused, whose standing lapses.

Modelling choices, stated once:

- Holdings are evaluated at the end of each day on which something happens; a sale and a
  purchase on the same day net out.
- A holder becomes an Acquiring Person only on a day it acquires something (shares, counted
  rights or derivatives, or other members' shares by forming a group or an affiliation),
  exercises rights to acquire into more counted shares, or turns active; a day on which only
  the shares outstanding change never makes one.
- When the terms change (adoption, a lower threshold, an exception removed) or the board
  revokes its exemption, a holder then over the new line is grandfathered: at its holding
  before that day's own acquisitions (:attr:`~rightsplan.GrandfatherCutoff.BEFORE_ADOPTION`)
  or at the close of business that day (:attr:`~rightsplan.GrandfatherCutoff.CLOSE_OF_BUSINESS`).
- A grandfathered holder without a stated tolerance may not acquire any additional share
  while over the line: its line is its lowest holding since the cut-off. With a tolerance,
  additional shares are measured from the cut-off holding, or from the lowest since where
  the plan says so.
- Exercising rights to acquire ends a grandfathering where the plan says so
  (``exercise_ends``); otherwise it acquires only what the plan did not already count.
- A holder over the line without acquiring anything and without a change of terms was
  pushed over by the shares outstanding falling: it is excused as after a buyback.
- An inadvertent crossing is cured if the holder is back under its limit on some day from
  the determination to ``divest_by`` and acquires nothing while over; if not, the holder was
  an Acquiring Person from the day it crossed. The records show what was known each day;
  the periods are the view in hindsight (cured: excused from the crossing; not cured: an
  Acquiring Person from the crossing).
- Members of a group, and a holder with its Affiliates, are assessed on their combined
  holding, each share counted once, but each against its own limits and with its own
  standing: an Exempt Person, a board exemption or a named exception covers its own holder
  (and a group's exception its members), never those acting with it.
- A Distribution Date that would fall when the rights are gone (expired after the close of
  business on the Final Expiration Date, terminated or redeemed) never comes.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterable
from fractions import Fraction

import attrs
import pendulum

from rightsplan import _check
from rightsplan.calendars import BusinessCalendar, new_york
from rightsplan.dates import DateLike, to_date
from rightsplan.errors import InputTypeError, RightsPlanError
from rightsplan.ledger import (
    AcquiringPersonAnnounced,
    Acquisition,
    Affiliated,
    Disposition,
    Event,
    ExemptionGranted,
    ExemptionRevoked,
    GroupDissolved,
    GroupFormed,
    InadvertenceDetermination,
    Ledger,
    OutstandingChanged,
    PassivityChanged,
    PositionReported,
    RightsExercised,
    StockSplit,
    TenderOfferCommenced,
)
from rightsplan.ownership import Counted, Position
from rightsplan.plan import Plan
from rightsplan.rules import (
    DEFAULT_WARN_AT,
    Status,
    Verdict,
    binding_limit,
    in_force,
    most_generous,
    verdict,
    warn_ratio,
)
from rightsplan.sources import Source
from rightsplan.standing import (
    ORDINARY,
    AcquiringPerson,
    BoardExempted,
    BuybackExcused,
    Grandfathered,
    InadvertentExcused,
    Ordinary,
    Standing,
)
from rightsplan.terms import GrandfatherBase, GrandfatherCutoff, HolderKind, Limit, Terms

__all__ = [
    "Clock",
    "History",
    "HolderStatus",
    "LedgerError",
    "StatusPeriod",
    "TenderOfferProng",
    "Trigger",
    "UnknownHolderError",
    "replay",
]


class LedgerError(RightsPlanError, ValueError):
    """The ownership events are inconsistent (selling more than is held, and so on)."""


class UnknownHolderError(RightsPlanError, LookupError):
    """A holder or group the ledger never names."""


@attrs.frozen
class HolderStatus:
    """A holder's verdict from ``start`` on: status, limit, lines, holding and standing.

    ``counted`` is the holding of the holder together with its group and Affiliates, as the
    plan counts it; ``label`` names that combination (the group's name, for a group).
    ``limit``, ``max_shares`` and ``headroom`` are the rulebook's
    (:func:`rightsplan.rules.verdict`) for that holding and ``standing``:
    ``headroom`` is the number of shares the holder may still acquire without becoming an
    Acquiring Person (negative when over; ``None`` where no purchase can trigger: exempt
    without a cap, or an Acquiring Person already). ``acquiring_person_since`` is the day it
    became an Acquiring Person, if it has.
    """

    holder: str
    start: pendulum.Date
    status: Status
    reason: str
    label: str
    limit: Limit | None = None
    counted: Counted | None = None
    acquiring_person_since: pendulum.Date | None = None
    max_shares: int | None = None
    headroom: int | None = None
    standing: Standing = ORDINARY
    passive: bool = False
    """Whether the holding was assessed as passive (every member without intent to control)."""


@attrs.frozen
class StatusPeriod:
    """A stretch of days (``end`` included; ``None`` when open) with one verdict."""

    start: pendulum.Date
    end: pendulum.Date | None
    status: HolderStatus


@attrs.frozen
class Clock:
    """The dates that run after a trigger.

    ``shares_acquisition_date`` is the first public announcement that the holder became an
    Acquiring Person, or, when the ledger records none, the day it became one (an assumption,
    flagged by ``assumed``). ``distribution_date`` is the close of business ``days`` business
    (or calendar) days later, per ``rule_source``, or ``None`` when the rights are gone by
    then: ``rights_end`` says why (expired, terminated or redeemed) and ``would_have_been``
    is the date it would have been.
    """

    shares_acquisition_date: pendulum.Date
    assumed: bool
    distribution_date: pendulum.Date | None
    days: int
    business_days: bool
    rule_source: Source | None
    rights_end: str | None = None
    would_have_been: pendulum.Date | None = None

    def describe(self) -> str:
        """The Distribution Date in words, or why there is none."""
        unit = "business" if self.business_days else "calendar"
        if self.distribution_date is not None:
            return (
                f"Distribution Date {self.distribution_date.isoformat()} "
                f"({self.days} {unit} days later)"
            )
        assert self.would_have_been is not None
        return (
            f"no Distribution Date: the rights are gone before "
            f"{self.would_have_been.isoformat()} ({self.days} {unit} days later): {self.rights_end}"
        )


@attrs.frozen
class Trigger:
    """A holder (and its group) becoming an Acquiring Person: who, when, which rule, why."""

    label: str
    holders: tuple[str, ...]
    on: pendulum.Date
    limit: Limit
    cause: str
    clock: Clock

    def explain(self) -> str:
        """The trigger in words, with the rule's source and the clock."""
        clock = self.clock
        sad = clock.shares_acquisition_date.isoformat()
        sad_note = " (assumed: no announcement recorded)" if clock.assumed else ""
        return (
            f"{self.label} became an Acquiring Person on {self.on.isoformat()}: {self.cause}, "
            f"crossing {self.limit.describe()} ({self.limit.source.cite()}). "
            f"Shares Acquisition Date {sad}{sad_note}; {clock.describe()}."
        )


@attrs.frozen
class TenderOfferProng:
    """The Distribution Date a commenced tender offer sets, unless the board deferred it.

    ``rights_end`` says why there is none when the rights are gone by then.
    """

    offeror: str
    commenced: pendulum.Date
    distribution_date: pendulum.Date | None
    deferred: bool
    rights_end: str | None = None


@attrs.frozen
class History:
    """The outcome of :func:`replay`: verdicts over time, standings, triggers and clocks."""

    plan: Plan
    ledger: Ledger
    periods_by_holder: dict[str, tuple[StatusPeriod, ...]] = attrs.field(repr=False)
    names: dict[str, str] = attrs.field(repr=False)
    crossings: dict[str, pendulum.Date] = attrs.field(repr=False)
    trigger_list: tuple[Trigger, ...]
    tender_offers: tuple[TenderOfferProng, ...]
    warnings: tuple[str, ...]

    def holders(self) -> tuple[str, ...]:
        """Every holder and group the history knows, in order of first appearance."""
        return tuple(self.names.values())

    def _key(self, holder: str) -> str:
        if not isinstance(holder, str):
            raise InputTypeError(f"holder: expected a name, got {holder!r}")
        key = _check.name_key(holder)
        if key not in self.names:
            known = ", ".join(self.names.values()) or "none"
            raise UnknownHolderError(f"{holder!r} does not appear in the ledger (known: {known})")
        return key

    def periods(self, holder: str) -> tuple[StatusPeriod, ...]:
        """The holder's verdicts over time, as consecutive periods."""
        return self.periods_by_holder[self._key(holder)]

    def status_of(self, holder: str, *, on: DateLike) -> HolderStatus:
        """The holder's verdict at the end of ``on``."""
        key = self._key(holder)
        day = to_date(on, what="on")
        periods = self.periods_by_holder[key]
        index = bisect.bisect_right(periods, day, key=_period_start) - 1
        if index < 0:
            terms, why_not = in_force(self.plan, day)
            status = Status.INACTIVE if terms is None or why_not is not None else Status.CLEAR
            return HolderStatus(
                self.names[key],
                day,
                status,
                f"No holding recorded before {periods[0].start.isoformat()}."
                if periods
                else "No holding recorded.",
                self.names[key],
            )
        return periods[index].status

    def standing(self, holder: str, *, on: DateLike) -> Standing:
        """The holder's standing at the end of ``on`` (in hindsight, as the periods show it).

        Pass it to :func:`rightsplan.assess` with the holder's position that day to get the
        same status, limit, ``max_shares`` and headroom as :meth:`status_of`.
        """
        return self.status_of(holder, on=on).standing

    def headroom(self, holder: str, *, on: DateLike) -> int | None:
        """Shares the holder may still acquire after ``on`` without becoming an Acquiring Person.

        ``None`` where no purchase can trigger (exempt without a cap; an Acquiring Person).
        """
        return self.status_of(holder, on=on).headroom

    def first_crossing(self, holder: str) -> pendulum.Date | None:
        """The first day the holder (with its group) was over its limit, excused or not."""
        return self.crossings.get(self._key(holder))

    def triggers(self) -> tuple[Trigger, ...]:
        """Everyone who became an Acquiring Person: who, when, which rule, the clock."""
        return self.trigger_list

    def distribution_date(self) -> pendulum.Date | None:
        """The earliest Distribution Date set by any trigger or undeferred tender offer.

        ``None`` when none will come (no trigger, or the rights are gone by then).
        """
        dates = [t.clock.distribution_date for t in self.trigger_list if t.clock.distribution_date]
        dates += [t.distribution_date for t in self.tender_offers if t.distribution_date]
        return min(dates) if dates else None

    def describe(self) -> str:
        """Every holder's periods, the triggers and the warnings, readable."""
        lines: list[str] = []
        for key, periods in self.periods_by_holder.items():
            lines.append(self.names[key])
            for period in periods:
                end = period.end.isoformat() if period.end else "onwards"
                status = period.status
                extra = ""
                if status.counted is not None and status.limit is not None:
                    extra = (
                        f" — {status.counted.shares:,} of {status.counted.outstanding:,} "
                        f"against {status.limit.describe()}"
                    )
                lines.append(f"  {period.start.isoformat()} to {end}: {status.status.name}{extra}")
        for trigger in self.trigger_list:
            lines.append(trigger.explain())
        lines.extend(f"Warning: {warning}" for warning in self.warnings)
        return "\n".join(lines)


# --- the fold: holdings and one handler per event kind --------------------------------------


@attrs.frozen
class _Holding:
    """One holder's own position, as the ledger has it so far."""

    name: str
    shares: int = 0
    rights: int = 0
    rights_later: int = 0
    derivatives: int = 0
    passive: bool = False
    kind: HolderKind = HolderKind.OTHER

    def amounts(self) -> tuple[int, int, int, int]:
        return (self.shares, self.rights, self.rights_later, self.derivatives)

    def with_amounts(
        self, shares: int, rights: int, rights_later: int, derivatives: int
    ) -> _Holding:
        return attrs.evolve(
            self, shares=shares, rights=rights, rights_later=rights_later, derivatives=derivatives
        )

    def scaled(self, ratio: Fraction) -> _Holding:
        """After a split: every amount times ``ratio``, fractions cashed out."""
        return self.with_amounts(*(int(amount * ratio) for amount in self.amounts()))

    def counted(self, outstanding: int, terms: Terms) -> Counted:
        if not (self.rights or self.rights_later or self.derivatives):
            return Counted(self.shares, outstanding)  # nothing the plan might add
        position = Position(
            self.name,
            self.shares,
            outstanding,
            rights_to_acquire=self.rights,
            rights_to_acquire_later=self.rights_later,
            derivatives=self.derivatives,
        )
        return position.counted(terms.ownership)


_AMOUNTS = ("shares", "rights", "rights_later", "derivatives")
_FIELD_WORDS = {
    "shares": "shares",
    "rights": "rights to acquire",
    "rights_later": "later rights to acquire",
    "derivatives": "derivative share equivalents",
}


@attrs.frozen
class _Group:
    name: str
    members: tuple[str, ...]


@attrs.frozen
class _Episode:
    """An inadvertence determination and how it ended (``None``: not yet)."""

    key: str
    excuse: InadvertentExcused
    determined_on: pendulum.Date
    cured_on: pendulum.Date | None = None
    failed_on: pendulum.Date | None = None
    failure: str | None = None
    limit: Limit | None = None
    cause: str = "crossed the line"


@attrs.frozen
class _Became:
    """One entity becoming an Acquiring Person (before hindsight)."""

    key: str
    on: pendulum.Date
    limit: Limit
    cause: str
    label_key: str


@attrs.frozen
class _Entry:
    """A record as emitted, with what the rulebook needs to look at it again in hindsight."""

    status: HolderStatus
    terms: Terms | None
    name: str
    kind: HolderKind
    passive: bool


class _Books:
    """The fold's tables: frozen values (holdings, groups, standings) by key.

    The tables are replaced value by value, never edited in place; they are the projector's
    own rather than copied on every event, which would make the replay quadratic.
    """

    def __init__(self) -> None:
        self.outstanding: int | None = None
        self.holdings: dict[str, _Holding] = {}
        self.names: dict[str, str] = {}
        self.order: dict[str, int] = {}
        self.groups: dict[str, _Group] = {}
        self.links: list[tuple[str, str]] = []
        self.standings: dict[str, Standing] = {}
        self.exempted: dict[str, BoardExempted] = {}  # granted and not revoked
        self.episodes: dict[str, _Episode] = {}
        self.warnings: list[str] = []
        # What today's events did (cleared each day).
        self.day_start: dict[str, _Holding] = {}
        self.touched: dict[str, None] = {}
        self.acquired: set[str] = set()
        self.joined: set[str] = set()
        self.turned_active: set[str] = set()
        self.exercised: set[str] = set()
        self.revoked: set[str] = set()
        self.everyone = False
        self.regroup = False

    def new_day(self) -> None:
        self.day_start = {}
        self.touched = {}
        self.acquired, self.joined, self.turned_active = set(), set(), set()
        self.exercised, self.revoked = set(), set()
        self.everyone = self.regroup = False

    def key(self, name: str) -> str:
        key = _check.name_key(name)
        if key not in self.names:
            self.names[key] = name
            self.order[key] = len(self.order)
        return key

    def holding(self, name: str) -> tuple[str, _Holding]:
        key = self.key(name)
        found = self.holdings.get(key)
        if found is None:
            found = self.holdings[key] = _Holding(self.names[key])
        return key, found

    def put(self, key: str, holding: _Holding) -> None:
        if key not in self.day_start:
            self.day_start[key] = self.holdings[key]
        self.holdings[key] = holding
        self.touched[key] = None
        outstanding = self.outstanding
        if outstanding is not None and holding.shares > outstanding:
            raise LedgerError(
                f"{holding.name} would hold {holding.shares:,} shares, more than the "
                f"{outstanding:,} outstanding"
            )

    def need_outstanding(self, event: Event) -> int:
        if self.outstanding is None:
            raise LedgerError(
                f"{_where(event)}: the shares outstanding are not known yet; record an "
                "OutstandingChanged event on or before this one"
            )
        return self.outstanding


@functools.singledispatch
def _apply(event: Event, books: _Books) -> None:
    raise TypeError(f"no handler for {type(event).__name__}")  # pragma: no cover


def _trade(event: Acquisition | Disposition, books: _Books, sign: int) -> None:
    books.need_outstanding(event)
    key, holding = books.holding(event.holder)
    changes = dict(
        zip(
            _AMOUNTS,
            (
                event.shares,
                event.rights_to_acquire,
                event.rights_to_acquire_later,
                event.derivatives,
            ),
            strict=True,
        )
    )
    values: dict[str, int] = {}
    for field, amount in changes.items():
        value = getattr(holding, field) + sign * amount
        if value < 0:
            raise LedgerError(
                f"{_where(event)}: {holding.name} disposes of more {_FIELD_WORDS[field]} "
                f"({amount:,}) than it holds ({getattr(holding, field):,})"
            )
        values[field] = value
    _put(books, event, key, holding.with_amounts(*values.values()))
    if sign > 0 and any(changes.values()):
        books.acquired.add(key)


def _put(books: _Books, event: Event, key: str, holding: _Holding) -> None:
    try:
        books.put(key, holding)
    except LedgerError as error:
        raise LedgerError(f"{_where(event)}: {error}") from None


@_apply.register
def _acquisition(event: Acquisition, books: _Books) -> None:
    _trade(event, books, 1)


@_apply.register
def _disposition(event: Disposition, books: _Books) -> None:
    _trade(event, books, -1)


@_apply.register
def _reported(event: PositionReported, books: _Books) -> None:
    books.need_outstanding(event)
    key, holding = books.holding(event.holder)
    after = attrs.evolve(
        holding,
        shares=event.shares,
        rights=holding.rights if event.rights_to_acquire is None else event.rights_to_acquire,
        rights_later=(
            holding.rights_later
            if event.rights_to_acquire_later is None
            else event.rights_to_acquire_later
        ),
        derivatives=holding.derivatives if event.derivatives is None else event.derivatives,
        passive=holding.passive if event.passive is None else event.passive,
    )
    if any(a > b for a, b in zip(after.amounts(), holding.amounts(), strict=True)):
        books.acquired.add(key)
    if holding.passive and not after.passive:
        books.turned_active.add(key)
    _put(books, event, key, after)


@_apply.register
def _exercised(event: RightsExercised, books: _Books) -> None:
    books.need_outstanding(event)
    key, holding = books.holding(event.holder)
    field = "rights_later" if event.later else "rights"
    held = getattr(holding, field)
    if held < event.shares:
        raise LedgerError(
            f"{_where(event)}: {holding.name} exercises more {_FIELD_WORDS[field]} "
            f"({event.shares:,}) than it holds ({held:,})"
        )
    if event.later:
        after = attrs.evolve(
            holding, shares=holding.shares + event.shares, rights_later=held - event.shares
        )
    else:
        after = attrs.evolve(
            holding, shares=holding.shares + event.shares, rights=held - event.shares
        )
    _put(books, event, key, after)
    books.exercised.add(key)


@_apply.register
def _outstanding(event: OutstandingChanged, books: _Books) -> None:
    books.outstanding = event.outstanding
    books.everyone = True
    for holding in books.holdings.values():  # on this day everyone is evaluated anyway
        if holding.shares > event.outstanding:
            raise LedgerError(
                f"{_where(event)}: {holding.name} would hold {holding.shares:,} shares, more "
                f"than the {event.outstanding:,} outstanding"
            )


@_apply.register
def _split(event: StockSplit, books: _Books) -> None:
    outstanding = books.need_outstanding(event)
    scaled = outstanding * event.ratio
    if scaled.denominator != 1:
        raise LedgerError(
            f"{_where(event)}: {outstanding:,} shares times {event.ratio} is not a whole "
            "number; record the shares outstanding after the split with "
            "OutstandingChanged instead"
        )
    books.outstanding = int(scaled)
    books.everyone = True
    for key, holding in list(books.holdings.items()):
        books.day_start.setdefault(key, holding)
        books.holdings[key] = holding.scaled(event.ratio)
        # A split is not an acquisition: the day's starting holding scales too.
        start = books.day_start[key]
        books.day_start[key] = start.scaled(event.ratio)
    for key, standing in list(books.standings.items()):
        if isinstance(standing, Grandfathered | BuybackExcused):
            books.standings[key] = attrs.evolve(
                standing, base_shares=int(standing.base_shares * event.ratio)
            )


@_apply.register
def _passivity(event: PassivityChanged, books: _Books) -> None:
    key, holding = books.holding(event.holder)
    if holding.passive and not event.passive:
        books.turned_active.add(key)
    books.day_start.setdefault(key, holding)
    books.holdings[key] = attrs.evolve(holding, passive=event.passive)
    books.touched[key] = None


@_apply.register
def _group_formed(event: GroupFormed, books: _Books) -> None:
    key = _check.name_key(event.group)
    if key in books.groups:
        raise LedgerError(f"{_where(event)}: group {event.group!r} already exists")
    members = tuple(dict.fromkeys(books.holding(member)[0] for member in event.members))
    books.key(event.group)
    books.groups[key] = _Group(event.group, members)
    books.joined.update(members)
    books.touched.update(dict.fromkeys(members))
    books.regroup = True


@_apply.register
def _group_dissolved(event: GroupDissolved, books: _Books) -> None:
    key = _check.name_key(event.group)
    group = books.groups.pop(key, None)
    if group is None:
        raise LedgerError(f"{_where(event)}: there is no group {event.group!r} to dissolve")
    books.touched.update(dict.fromkeys(group.members))
    books.touched[key] = None
    books.regroup = True


@_apply.register
def _affiliated(event: Affiliated, books: _Books) -> None:
    one = books.holding(event.holder)[0]
    other = books.holding(event.affiliate)[0]
    books.links.append((one, other))
    books.joined.update((one, other))
    books.touched.update({one: None, other: None})
    books.regroup = True


@_apply.register
def _granted(event: ExemptionGranted, books: _Books) -> None:
    key = books.holding(event.holder)[0]
    source = Source("Board determination", event.on, document=event.source)
    books.exempted[key] = BoardExempted(event.on, cap=event.cap(), source=source)
    if isinstance(books.standings.get(key), AcquiringPerson):
        books.warnings.append(
            f"{_where(event)}: {event.holder} is already an Acquiring Person; the exemption "
            "does not undo that"
        )
    else:
        books.standings[key] = books.exempted[key]
    books.touched[key] = None


@_apply.register
def _revoked(event: ExemptionRevoked, books: _Books) -> None:
    key = _check.name_key(event.holder)
    standing = books.standings.get(key)
    if books.exempted.pop(key, None) is None:
        raise LedgerError(f"{_where(event)}: {event.holder!r} has no board exemption")
    if not isinstance(standing, AcquiringPerson):
        books.standings[key] = ORDINARY
    books.revoked.add(key)
    books.touched[key] = None


@_apply.register
def _inadvertence(event: InadvertenceDetermination, books: _Books) -> None:
    key = books.holding(event.holder)[0]
    books.touched[key] = None
    # Everyone assessed with the holder (its group) that triggered is excused with it.
    candidates = [key]
    for gkey, group in books.groups.items():
        if key in group.members:
            candidates += [gkey, *group.members]
    found = False
    for candidate in dict.fromkeys(candidates):
        standing = books.standings.get(candidate)
        if not isinstance(standing, AcquiringPerson):
            continue
        found = True
        source = Source("Board determination", event.on, document=event.source)
        excuse = InadvertentExcused(standing.since, event.divest_by, source=source)
        books.standings[candidate] = excuse
        books.episodes[candidate] = _Episode(
            candidate,
            excuse,
            event.on,
            limit=standing.limit,
            cause=standing.cause or "crossed the line",
        )
        books.touched[candidate] = None
    if not found:
        books.warnings.append(
            f"{_where(event)}: the board found {event.holder}'s crossing inadvertent, but "
            f"{event.holder} is not an Acquiring Person then; the determination has no effect"
        )


@_apply.register
def _announced(event: AcquiringPersonAnnounced, books: _Books) -> None:
    books.key(event.holder)  # read from the ledger when the clock is computed


@_apply.register
def _tender(event: TenderOfferCommenced, books: _Books) -> None:
    """Read from the ledger when the clock is computed."""


# --- the end of a day: the rulebook and the transitions --------------------------------------


@attrs.frozen
class _Component:
    """Holders assessed together (a group, Affiliates), with the groups among them."""

    members: tuple[str, ...]
    groups: tuple[str, ...]

    @property
    def label(self) -> str:
        return self.groups[0] if self.groups else self.members[0]


def _components(books: _Books) -> dict[str, _Component]:
    """Each holder's component, by union-find over groups and affiliations."""
    parent = {key: key for key in books.holdings}

    def find(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb, key=books.order.__getitem__)] = min(
                ra, rb, key=books.order.__getitem__
            )

    for group in books.groups.values():
        for other in group.members[1:]:
            union(group.members[0], other)
    for one, other in books.links:
        union(one, other)
    members: dict[str, list[str]] = {}
    for key in books.holdings:
        members.setdefault(find(key), []).append(key)
    groups: dict[str, list[str]] = {}
    for gkey, group in books.groups.items():
        groups.setdefault(find(group.members[0]), []).append(gkey)
    by_root = {
        root: _Component(
            tuple(sorted(keys, key=books.order.__getitem__)),
            tuple(sorted(groups.get(root, ()), key=books.order.__getitem__)),
        )
        for root, keys in members.items()
    }
    return {key: by_root[find(key)] for key in books.holdings}


def _sum(holdings: Iterable[_Holding], outstanding: int, terms: Terms) -> Counted:
    shares = denominator = rights = derivatives = 0
    for holding in holdings:
        part = holding.counted(outstanding, terms)
        shares += part.shares
        denominator += part.outstanding - outstanding
        rights += part.rights
        derivatives += part.derivatives
    return Counted(shares, outstanding + denominator, rights, derivatives)


class _Replay:
    """The day loop: applies a day's events, then settles every component they touched."""

    def __init__(self, plan: Plan, ratio: Fraction) -> None:
        self.plan = plan
        self.ratio = ratio
        self.books = _Books()
        self.entries: dict[str, list[_Entry]] = {}
        self.crossings: dict[str, pendulum.Date] = {}
        self.became: list[_Became] = []
        self.components: dict[str, _Component] = {}
        self.previous_terms: Terms | None = None
        self.previous_active = False
        self.openers = {plan.agreement.dated: Source(plan.agreement.name, plan.agreement.dated)}
        for amendment in plan.amendments:
            self.openers[amendment.effective_date] = Source(
                amendment.name, amendment.effective_date, document=amendment.document
            )
        self.deadlines: dict[pendulum.Date, list[str]] = {}

    def day(self, day: pendulum.Date, events: Iterable[Event]) -> None:
        books = self.books
        books.new_day()
        for event in events:
            _apply(event, books)
        for key, episode in books.episodes.items():
            if episode.determined_on == day:
                self.deadlines.setdefault(episode.excuse.divest_by.add(days=1), []).append(key)
        terms, why_not = in_force(self.plan, day)
        active = terms is not None and why_not is None
        if books.regroup:
            self.components = _components(books)
        else:
            for key in books.touched:
                if key in books.holdings and key not in self.components:
                    self.components[key] = _Component((key,), ())
        due = self.deadlines.pop(day, [])
        if terms is None or not active:
            keys = books.holdings if self.previous_active else books.touched
            for key in keys:
                if key in books.holdings:
                    self.record(key, _inactive(books.names[key], day, why_not), None)
            self.previous_terms, self.previous_active = terms, False
            return
        if books.outstanding is None:
            # Nothing can be assessed before the shares outstanding are known; holders named
            # so far (by a passivity change, say) get their first record once they are.
            self.previous_terms, self.previous_active = terms, False
            return
        changed = not self.previous_active or (
            terms is not self.previous_terms and terms != self.previous_terms
        )
        if changed or books.everyone:
            roots: Iterable[_Component] = dict.fromkeys(self.components.values())
        else:
            picked: dict[_Component, None] = {}
            for key in (*books.touched, *due):
                component = self.component_of(key)
                if component is not None:
                    picked[component] = None
            roots = picked
        if changed and self.previous_terms is not None and self.previous_active:
            self.warn_loosening(day, self.previous_terms, terms)
        for component in roots:
            self.settle(day, terms, changed, component)
        for gkey in books.touched:
            if gkey not in books.holdings and gkey not in books.groups and gkey in self.entries:
                self.dissolved(day, gkey)
        self.previous_terms, self.previous_active = terms, True

    def component_of(self, key: str) -> _Component | None:
        found = self.components.get(key)
        if found is not None:
            return found
        group = self.books.groups.get(key)
        if group is not None:
            return self.components.get(group.members[0])
        return None

    def dissolved(self, day: pendulum.Date, gkey: str) -> None:
        name = self.books.names[gkey]
        standing = self.books.standings.get(gkey, ORDINARY)
        since = standing.since if isinstance(standing, AcquiringPerson) else None
        reason = f"The group dissolved on {day.isoformat()}." + (
            f" It became an Acquiring Person on {since.isoformat()}." if since else ""
        )
        status = Status.TRIGGERED if since is not None else Status.CLEAR
        self.record(
            gkey,
            HolderStatus(name, day, status, reason, name, None, None, since, standing=standing),
            None,
        )

    def settle(
        self, day: pendulum.Date, terms: Terms, changed: bool, component: _Component
    ) -> None:
        books = self.books
        outstanding = books.outstanding
        assert outstanding is not None
        members = component.members
        holdings = [books.holdings[m] for m in members]
        counted = _sum(holdings, outstanding, terms)
        starts = tuple(books.day_start.get(m, h) for m, h in zip(members, holdings, strict=True))
        passive = all(h.passive for h in holdings)
        acquired = any(m in books.acquired or m in books.joined for m in members)
        joined = any(m in books.joined for m in members)
        turned_active = any(m in books.turned_active for m in members)
        exercised = any(m in books.exercised for m in members)
        if exercised and not acquired:
            # Exercising acquires only what the plan did not already count.
            acquired = counted.shares > _sum(starts, outstanding, terms).shares
        label_key = component.label
        label = books.names[label_key]
        group_names = {
            m: [books.names[g] for g in component.groups if m in books.groups[g].members]
            for m in members
        }
        facts = _Facts(
            day, terms, changed, counted, starts, acquired, joined, turned_active, exercised
        )
        for key in (*members, *component.groups):
            if key in books.groups:
                name, kind, covering = books.names[key], HolderKind.OTHER, [books.names[key]]
            else:
                holding = books.holdings[key]
                name, kind = holding.name, holding.kind
                covering = [name, *group_names[key]]
            self.settle_one(key, name, kind, passive, covering, label, label_key, facts)

    def settle_one(
        self,
        key: str,
        name: str,
        kind: HolderKind,
        passive: bool,
        covering: list[str],
        label: str,
        label_key: str,
        facts: _Facts,
    ) -> None:
        books = self.books
        terms, counted, day = facts.terms, facts.counted, facts.day
        if len(covering) > 1 and terms.exemption_for(name, kind) is None:
            # A group's named exception covers its members: assess under the name whose
            # binding limit is the most generous.
            limits = [binding_limit(terms, n, passive=passive)[1] for n in covering]
            winner = most_generous(limits)
            name_for_rules = covering[limits.index(winner)]  # its own name on a tie
        else:
            name_for_rules = name
        standing = books.standings.get(key, ORDINARY)
        limit = binding_limit(terms, name_for_rules, passive=passive)[1]
        limit_max = limit.threshold.max_shares(counted.outstanding)
        over = counted.shares > limit_max
        if over and terms.exemption_for(name, kind) is None:
            self.crossings.setdefault(key, day)

        def judge(held: Standing) -> Verdict:
            return verdict(
                terms,
                name_for_rules,
                counted,
                kind=kind,
                passive=passive,
                standing=held,
                ratio=self.ratio,
            )

        new: Standing = standing
        cause: str | None = None
        if isinstance(standing, InadvertentExcused):
            episode = books.episodes[key]
            if not over:
                books.episodes[key] = attrs.evolve(episode, cured_on=day)
                new = ORDINARY
            elif facts.acquired or day > standing.divest_by:
                failure = (
                    f"acquired more while over the line before {standing.divest_by.isoformat()}"
                    if facts.acquired
                    else f"not cured by {standing.divest_by.isoformat()}"
                )
                books.episodes[key] = attrs.evolve(episode, failed_on=day, failure=failure)
                new = AcquiringPerson(
                    standing.crossed_on, cause=failure, limit=episode.limit or limit
                )
        elif (
            isinstance(standing, Grandfathered)
            and over
            and facts.exercised
            and ((standing.rules or terms.grandfathering).exercise_ends)
        ):
            cause = "a grandfathered holder exercised rights to acquire shares while over the line"
        result = judge(new)
        if (
            cause is None
            and result.status is Status.TRIGGERED
            and not isinstance(new, AcquiringPerson)
        ):
            new, result, cause = self.transition(key, name, new, result, limit, facts, judge)
        if cause is not None:
            crossed = result.limit if result.limit is not None else limit
            new = AcquiringPerson(day, cause=cause, limit=crossed)
            result = judge(new)
            self.became.append(_Became(key, day, crossed, cause, label_key))
        elif isinstance(new, AcquiringPerson) and result.status is not Status.TRIGGERED:
            new = ORDINARY  # a plan whose status does not stick, and the holder is back under
        elif result.status in (Status.CLEAR, Status.WARNING, Status.EXCUSED):
            carried = _carry(new, counted, terms, over)
            if carried is not new:
                new, result = carried, judge(carried)
        exempted = books.exempted.get(key)
        if exempted is not None and new is not exempted and not isinstance(new, AcquiringPerson):
            # Back within the board's exemption, which still stands: it applies again.
            again = judge(exempted)
            if again.status is not Status.TRIGGERED:
                new, result = exempted, again
        books.standings[key] = new
        status = HolderStatus(
            name,
            day,
            result.status,
            result.reason,
            label,
            result.limit,
            counted,
            new.since if isinstance(new, AcquiringPerson) else None,
            result.max_shares,
            result.headroom,
            new,
            passive,
        )
        self.record(key, status, _Entry(status, terms, name_for_rules, kind, passive))

    def transition(
        self,
        key: str,
        name: str,
        standing: Standing,
        result: Verdict,
        limit: Limit,
        facts: _Facts,
        judge: Callable[[Standing], Verdict],
    ) -> tuple[Standing, Verdict, str | None]:
        """Over its line: becomes an Acquiring Person, or is grandfathered or excused."""
        terms, counted, day = facts.terms, facts.counted, facts.day
        books = self.books
        line_moved = facts.changed or key in books.revoked
        if line_moved and isinstance(standing, Ordinary | BuybackExcused):
            rules = terms.grandfathering
            before = _sum(facts.starts, counted.outstanding, terms)
            before_over = before.shares > limit.threshold.max_shares(counted.outstanding)
            if rules.cutoff is GrandfatherCutoff.CLOSE_OF_BUSINESS or not facts.acquired:
                base = counted.shares
            elif before_over:
                base = before.shares
            else:
                base = -1
            if base >= 0:
                source = (
                    Source("Board determination", day, note="exemption revoked")
                    if key in books.revoked
                    else self.openers.get(day, Source("The terms in force", day))
                )
                held = Grandfathered(day, base, source=source, rules=rules)
                again = judge(held)
                if again.status is not Status.TRIGGERED:
                    return held, again, None
                standing, result = held, again
        if facts.turned_active:
            return standing, result, "turned active (no longer passive)"
        if facts.acquired:
            if isinstance(standing, Grandfathered):
                return standing, result, "a grandfathered holder acquired additional shares"
            if isinstance(standing, BuybackExcused):
                return standing, result, "acquired more shares while over the line after a buyback"
            return standing, result, "formed a group" if facts.joined else "acquired shares"
        # Over without acquiring: the shares outstanding fell (a buyback).
        excused = BuybackExcused(
            day,
            counted.shares,
            tolerance=terms.ownership.buyback_tolerance,
            source=terms.ownership.source,
        )
        return excused, judge(excused), None

    def record(self, key: str, status: HolderStatus, entry: _Entry | None) -> None:
        day = status.start
        entries = self.entries.setdefault(key, [])
        if entry is None:
            entry = _Entry(status, None, status.holder, HolderKind.OTHER, False)
        if entries:
            last = entries[-1]
            if _same(last.status, status):
                return
            if last.status.start == day:
                entries[-1] = entry
                return
        entries.append(entry)

    def warn_loosening(self, day: pendulum.Date, old: Terms, new: Terms) -> None:
        names = [a.name for a in self.plan.amendments if a.effective_date == day] or ["the terms"]
        books = self.books
        for component in dict.fromkeys(self.components.values()):
            key = component.label
            standing = books.standings.get(key)
            if not isinstance(standing, AcquiringPerson):
                continue
            label = books.names[key]
            holding = books.holdings.get(key, _Holding(label))
            passive = all(books.holdings[m].passive for m in component.members)
            was = _limit_text(old, label, holding, passive)
            now = _limit_text(new, label, holding, passive)
            if was[1] < now[1]:
                books.warnings.append(
                    f"{', '.join(names)} ({day.isoformat()}) loosens the terms for {label}, an "
                    f"Acquiring Person since {standing.since.isoformat()}: {was[0]} becomes "
                    f"{now[0]}. A board may not amend a plan to favour an Acquiring Person."
                )


@attrs.frozen
class _Facts:
    """What a component did today, as the transitions need it."""

    day: pendulum.Date
    terms: Terms
    changed: bool
    counted: Counted
    starts: tuple[_Holding, ...]
    acquired: bool
    joined: bool
    turned_active: bool
    exercised: bool


def _limit_text(
    terms: Terms, name: str, holding: _Holding, passive: bool
) -> tuple[str, tuple[Fraction, bool]]:
    exemption = terms.exemption_for(name, holding.kind)
    if exemption is not None:
        return "exempt", (Fraction(101), True)
    limit = binding_limit(terms, name, passive=passive)[1]
    return limit.describe(), limit.threshold.sort_key()


def _carry(standing: Standing, counted: Counted, terms: Terms, over: bool) -> Standing:
    """A standing after a day that made nobody an Acquiring Person: lapsed, or its base lowered."""
    if isinstance(standing, Grandfathered):
        rules = standing.rules if standing.rules is not None else terms.grandfathering
        if rules.lapses_below_threshold and not over:
            return ORDINARY
        lowest = rules.tolerance is None or rules.measured_from is GrandfatherBase.LOWEST_SINCE
        if lowest and counted.shares < standing.base_shares:
            return attrs.evolve(standing, base_shares=counted.shares)
        return standing
    if isinstance(standing, BuybackExcused):
        if not over:
            return ORDINARY
        if counted.shares < standing.base_shares:
            return attrs.evolve(standing, base_shares=counted.shares)
    return standing


def _inactive(name: str, day: pendulum.Date, why_not: str | None) -> HolderStatus:
    return HolderStatus(name, day, Status.INACTIVE, f"No plan in force: {why_not}.", name)


def _period_start(period: StatusPeriod) -> pendulum.Date:
    return period.start


def _where(event: Event) -> str:
    return f"{type(event).__name__} on {event.on.isoformat()}"


def _ledger(value: Ledger | Iterable[Event]) -> Ledger:
    if isinstance(value, Ledger):
        return value
    return Ledger(value)


def replay(
    plan: Plan,
    ledger: Ledger | Iterable[Event],
    *,
    calendar: BusinessCalendar | None = None,
    warn_at: Fraction | str | int = DEFAULT_WARN_AT,
) -> History:
    """Replay ``plan``'s amendments and ``ledger``'s events together, in date order.

    ``calendar`` counts the business days to the Distribution Date (default
    :func:`rightsplan.calendars.new_york`); ``warn_at`` is the warning line, as for
    :func:`rightsplan.assess`.
    """
    if not isinstance(plan, Plan):
        raise InputTypeError(f"plan: expected a Plan, got {plan!r}")
    ledger = _ledger(ledger)
    calendar = calendar if calendar is not None else new_york()
    if not isinstance(calendar, BusinessCalendar):
        raise InputTypeError(f"calendar: expected a BusinessCalendar, got {calendar!r}")
    state = _Replay(plan, warn_ratio(warn_at))

    by_day: dict[pendulum.Date, list[Event]] = {}
    for event in ledger.events:
        by_day.setdefault(event.on, []).append(event)
        if isinstance(event, InadvertenceDetermination):
            by_day.setdefault(event.divest_by.add(days=1), [])
    for amendment in plan.amendments:
        by_day.setdefault(amendment.effective_date, [])
    by_day.setdefault(plan.agreement.dated, [])
    for period in plan.timeline():
        by_day.setdefault(period.start, [])
    for day in sorted(by_day):
        state.day(day, by_day[day])

    periods = {key: _periods(state, key) for key in state.books.names if key in state.entries}
    for key in state.books.names:
        periods.setdefault(key, ())
    order = state.books.order
    triggers = _triggers(state, plan, ledger, calendar)
    offers = tuple(
        _tender_offer(plan, calendar, e)
        for e in ledger.events
        if isinstance(e, TenderOfferCommenced)
    )
    names = {
        key: state.books.names[key] for key in sorted(state.books.names, key=order.__getitem__)
    }
    return History(
        plan=plan,
        ledger=ledger,
        periods_by_holder={key: periods[key] for key in names},
        names=names,
        crossings=dict(state.crossings),
        trigger_list=triggers,
        tender_offers=offers,
        warnings=tuple(state.books.warnings),
    )


# --- hindsight: the periods and triggers as an inadvertence determination leaves them ------


def _hindsight(state: _Replay, key: str, entry: _Entry) -> HolderStatus:
    """A record seen in hindsight of the holder's inadvertence episode, if any."""
    episode = state.books.episodes.get(key)
    status = entry.status
    if episode is None or status.counted is None or entry.terms is None:
        return status
    start, excuse = status.start, episode.excuse
    if start < excuse.crossed_on:
        return status
    if episode.failed_on is not None:
        if start >= episode.failed_on:
            return status
        held: Standing = AcquiringPerson(
            excuse.crossed_on, cause=_failed_cause(episode), limit=episode.limit
        )
    elif start < episode.determined_on:
        held = excuse
    else:
        return status
    found = verdict(
        entry.terms,
        entry.name,
        status.counted,
        kind=entry.kind,
        passive=entry.passive,
        standing=held,
        ratio=state.ratio,
    )
    return attrs.evolve(
        status,
        status=found.status,
        reason=found.reason,
        limit=found.limit,
        acquiring_person_since=held.since if isinstance(held, AcquiringPerson) else None,
        max_shares=found.max_shares,
        headroom=found.headroom,
        standing=held,
    )


def _failed_cause(episode: _Episode) -> str:
    return f"{episode.cause}; {episode.failure}"


def _same(one: HolderStatus, other: HolderStatus) -> bool:
    """Whether two records say the same, whatever their start (no copy made to compare)."""
    return (
        one.status is other.status
        and one.counted == other.counted
        and one.headroom == other.headroom
        and one.max_shares == other.max_shares
        and one.acquiring_person_since == other.acquiring_person_since
        and one.passive == other.passive
        and one.label == other.label
        and one.limit == other.limit
        and one.standing == other.standing
        and one.reason == other.reason
    )


def _periods(state: _Replay, key: str) -> tuple[StatusPeriod, ...]:
    seen = [_hindsight(state, key, entry) for entry in state.entries[key]]
    merged: list[HolderStatus] = []
    for status in seen:
        if merged and _same(merged[-1], status):
            continue
        merged.append(status)
    spans = []
    for index, status in enumerate(merged):
        following = merged[index + 1].start if index + 1 < len(merged) else None
        spans.append(
            StatusPeriod(status.start, following.subtract(days=1) if following else None, status)
        )
    return tuple(spans)


def _triggers(
    state: _Replay, plan: Plan, ledger: Ledger, calendar: BusinessCalendar
) -> tuple[Trigger, ...]:
    books = state.books
    kept: dict[tuple[pendulum.Date, str], list[_Became]] = {}
    for became in state.became:
        episode = books.episodes.get(became.key)
        if episode is not None and became.on == episode.excuse.crossed_on:
            if episode.failed_on is None:
                continue  # cured, or still within the cure period
            became = attrs.evolve(became, cause=_failed_cause(episode))
        kept.setdefault((became.on, became.label_key), []).append(became)
    order = books.order
    triggers = []
    for (on, label_key), group in sorted(
        kept.items(), key=lambda item: (item[0][0], order[item[0][1]])
    ):
        lead = next((b for b in group if b.key == label_key), group[0])
        holders = tuple(
            books.names[b.key]
            for b in sorted(group, key=lambda b: order[b.key])
            if b.key not in books.groups
        ) or (books.names[lead.key],)
        label = (
            books.names[label_key]
            if lead.key == label_key or label_key in books.groups
            else books.names[lead.key]
        )
        triggers.append(
            Trigger(
                label,
                holders,
                on,
                lead.limit,
                lead.cause,
                _clock(plan, ledger, calendar, holders, label, on),
            )
        )
    return tuple(triggers)


def _rights_gone(plan: Plan, day: pendulum.Date) -> str | None:
    """Why the rights are gone at the close of business on ``day`` (``None``: they are not)."""
    _, why_not = in_force(plan, day)
    return why_not


def _clock(
    plan: Plan,
    ledger: Ledger,
    calendar: BusinessCalendar,
    holders: tuple[str, ...],
    label: str,
    on: pendulum.Date,
) -> Clock:
    keys = {_check.name_key(name) for name in (*holders, label)}
    announced = [
        event.on
        for event in ledger.events
        if isinstance(event, AcquiringPersonAnnounced)
        and _check.name_key(event.holder) in keys
        and event.on >= on
    ]
    sad = min(announced) if announced else on
    rule = plan.terms_at(sad).distribution
    distribution = calendar.add_days(sad, rule.days, business=rule.business_days)
    gone = _rights_gone(plan, distribution)
    if gone is not None:
        return Clock(
            sad, not announced, None, rule.days, rule.business_days, rule.source, gone, distribution
        )
    return Clock(sad, not announced, distribution, rule.days, rule.business_days, rule.source)


def _tender_offer(
    plan: Plan, calendar: BusinessCalendar, event: TenderOfferCommenced
) -> TenderOfferProng:
    if event.deferred or not plan.in_force_on(event.on):
        return TenderOfferProng(event.offeror, event.on, None, event.deferred)
    rule = plan.terms_at(event.on).distribution
    distribution = calendar.add_days(event.on, rule.days, business=rule.business_days)
    gone = _rights_gone(plan, distribution)
    if gone is not None:
        return TenderOfferProng(event.offeror, event.on, None, event.deferred, gone)
    return TenderOfferProng(event.offeror, event.on, distribution, event.deferred)
