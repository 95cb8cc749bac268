"""The fold: a holding per holder, and one handler per kind of ledger event.

Each handler replaces frozen values in the tables and notes what the day's events did (who
acquired, joined a group, turned active, exercised rights); it never judges a holding: that
is :mod:`rightsplan.history._settle`'s job, at the end of the day.
"""

from __future__ import annotations

import functools
from fractions import Fraction

import attrs
import pendulum

from rightsplan import _check
from rightsplan.history._results import LedgerError
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
    OutstandingChanged,
    PassivityChanged,
    PositionReported,
    RightsExercised,
    StockSplit,
    TenderOfferCommenced,
)
from rightsplan.ownership import Counted, Position
from rightsplan.sources import Source
from rightsplan.standing import (
    ORDINARY,
    AcquiringPerson,
    BoardExempted,
    BuybackExcused,
    Grandfathered,
    InadvertentExcused,
    PossibleAcquiringPerson,
    Standing,
)
from rightsplan.terms import HolderKind, Limit, Terms

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


class _GroupNamedError(LedgerError):
    """An event names a group where only a holder will do (the caller says which event)."""


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
        if key in self.groups:
            # A group holds nothing of its own: a holding under its name would stand in for
            # the members' combined one.
            raise _GroupNamedError(
                f"{name!r} is a group, which holds nothing of its own; record the event for "
                "its members"
            )
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
        books.standings[key] = _split_standing(standing, event.ratio)


def _split_standing(standing: Standing, ratio: Fraction) -> Standing:
    """A standing after a split: a base in shares scales, nested ones too.

    A possible Acquiring Person keeps, for the world where it did not cross, a standing of
    its own: its base scales as well.
    """
    if isinstance(standing, Grandfathered | BuybackExcused):
        return attrs.evolve(standing, base_shares=int(standing.base_shares * ratio))
    if isinstance(standing, PossibleAcquiringPerson):
        return attrs.evolve(standing, otherwise=_split_standing(standing.otherwise, ratio))
    return standing


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
    if key in books.holdings:
        raise LedgerError(
            f"{_where(event)}: {event.group!r} already names a holder; give the group a name "
            "of its own"
        )
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
    key = books.key(event.holder)
    named = books.groups.get(key)
    if named is None:
        books.holding(event.holder)  # a holder (not a group, which holds nothing of its own)
    books.touched[key] = None
    # Everyone assessed with the holder (its group) that triggered is excused with it; naming
    # the group names its members.
    candidates = [key, *(named.members if named is not None else ())]
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


def _where(event: Event) -> str:
    return f"{type(event).__name__} on {event.on.isoformat()}"
