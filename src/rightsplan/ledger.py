"""Ownership over time: dated events about holders, the shares outstanding and the board.

A :class:`Ledger` is a list of events in date order. Replayed alongside a plan's own
history (see :func:`rightsplan.replay`), it says who became an Acquiring Person, when, and
why. Events on the same day are applied in the order given.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from typing import TypeAlias

import attrs
import pendulum

from rightsplan import _check
from rightsplan.dates import DateLike, to_date
from rightsplan.errors import InputTypeError, InvalidInputError
from rightsplan.percent import Comparison, PercentLike, Threshold, to_percent

__all__ = [
    "AcquiringPersonAnnounced",
    "Acquisition",
    "Affiliated",
    "Disposition",
    "Event",
    "ExemptionGranted",
    "ExemptionRevoked",
    "GroupDissolved",
    "GroupFormed",
    "InadvertenceDetermination",
    "Ledger",
    "OutstandingChanged",
    "PassivityChanged",
    "PositionReported",
    "RightsExercised",
    "StockSplit",
    "TenderOfferCommenced",
]


def _on(value: DateLike) -> pendulum.Date:
    return to_date(value, what="on")


def _optional_text(value: str | None) -> str | None:
    return _check.optional_text(value, "source")


def _holder(value: str) -> str:
    return _check.holder_name(value, "holder")


def _count(what: str, value: int) -> int:
    number = _check.whole_number(value, what)
    if number < 0:
        raise InvalidInputError(f"{what}: expected zero or more shares, got {number:,}")
    return number


def _shares(value: int) -> int:
    return _count("shares", value)


def _rights(value: int) -> int:
    return _count("rights_to_acquire", value)


def _rights_later(value: int) -> int:
    return _count("rights_to_acquire_later", value)


def _derivatives(value: int) -> int:
    return _count("derivatives", value)


@attrs.frozen(kw_only=True)
class Event:
    """What every event has: its date and, optionally, where it is recorded."""

    on: pendulum.Date = attrs.field(converter=_on)
    """The day it happened."""
    source: str | None = attrs.field(default=None, converter=_optional_text)
    """Where it is recorded, e.g. ``"Schedule 13D/A filed 2003-08-15"``."""

    def describe(self) -> str:
        """The event in a few words."""
        raise NotImplementedError  # pragma: no cover - every kind overrides it


@attrs.frozen(kw_only=True)
class _Trade(Event):
    """What acquisitions and dispositions both carry: whose, and how much of each kind."""

    holder: str = attrs.field(converter=_holder)
    shares: int = attrs.field(default=0, converter=_shares)
    rights_to_acquire: int = attrs.field(default=0, converter=_rights)
    rights_to_acquire_later: int = attrs.field(default=0, converter=_rights_later)
    derivatives: int = attrs.field(default=0, converter=_derivatives)


@attrs.frozen(kw_only=True)
class Acquisition(_Trade):
    """A holder acquires shares, rights to acquire shares, or derivative exposure.

    ``shares`` are common shares; ``rights_to_acquire`` options, warrants or conversion
    rights exercisable within 60 days (``rights_to_acquire_later`` beyond that);
    ``derivatives`` the share equivalent of derivative positions such as cash-settled swaps.
    """

    def describe(self) -> str:
        """The event in a few words."""
        return f"{self.holder} acquired {_amounts(self)}"


@attrs.frozen(kw_only=True)
class Disposition(_Trade):
    """A holder disposes of shares, rights to acquire, or derivative exposure."""

    def describe(self) -> str:
        """The event in a few words."""
        return f"{self.holder} disposed of {_amounts(self)}"


def _optional_count(what: str, value: int | None) -> int | None:
    return None if value is None else _count(what, value)


def _optional_rights(value: int | None) -> int | None:
    return _optional_count("rights_to_acquire", value)


def _optional_rights_later(value: int | None) -> int | None:
    return _optional_count("rights_to_acquire_later", value)


def _optional_derivatives(value: int | None) -> int | None:
    return _optional_count("derivatives", value)


def _optional_passive(value: bool | None) -> bool | None:
    return None if value is None else _check.flag(value, "passive")


@attrs.frozen(kw_only=True)
class PositionReported(Event):
    """A holder's whole position as reported (e.g. on Schedule 13D); replaces what was known.

    An increase over the known position counts as an acquisition, a decrease as a
    disposition. Fields left ``None`` keep their previous value.
    """

    holder: str = attrs.field(converter=_holder)
    shares: int = attrs.field(converter=_shares)
    rights_to_acquire: int | None = attrs.field(default=None, converter=_optional_rights)
    rights_to_acquire_later: int | None = attrs.field(
        default=None, converter=_optional_rights_later
    )
    derivatives: int | None = attrs.field(default=None, converter=_optional_derivatives)
    passive: bool | None = attrs.field(default=None, converter=_optional_passive)
    """Whether the report is passive (Schedule 13G) or active (13D); ``None`` keeps it."""

    def describe(self) -> str:
        """The event in a few words."""
        return f"{self.holder} reported holding {self.shares:,} shares"


def _outstanding(value: int) -> int:
    number = _check.whole_number(value, "outstanding")
    if number <= 0:
        raise InvalidInputError(f"outstanding: expected a positive share count, got {number:,}")
    return number


def _reason(value: str) -> str:
    reason = _check.text(value, "reason")
    if reason not in OUTSTANDING_REASONS:
        raise InvalidInputError(
            f"reason: expected one of {', '.join(OUTSTANDING_REASONS)}, got {value!r}"
        )
    return reason


OUTSTANDING_REASONS = ("reported", "buyback", "issuance")
"""Why the shares outstanding changed. None of these is an acquisition by a holder."""


@attrs.frozen(kw_only=True)
class OutstandingChanged(Event):
    """The number of common shares outstanding (treasury shares excluded) is now ``outstanding``.

    ``reason`` is ``"reported"`` (a new figure, e.g. from a 10-Q), ``"buyback"`` (the
    company repurchased shares) or ``"issuance"``. For stock splits and stock dividends use
    :class:`StockSplit`, which scales every holding too.
    """

    outstanding: int = attrs.field(converter=_outstanding)
    reason: str = attrs.field(default="reported", converter=_reason)

    def describe(self) -> str:
        """The event in a few words."""
        return f"shares outstanding now {self.outstanding:,} ({self.reason})"


def _ratio(value: PercentLike) -> Fraction:
    ratio = to_percent(value, what="ratio")
    if ratio <= 0:
        raise InvalidInputError(f'ratio: expected a positive ratio like "2" or "3/2", got {ratio}')
    return ratio


@attrs.frozen(kw_only=True)
class StockSplit(Event):
    """A stock split or stock dividend: every holding and the shares outstanding scale by ``ratio``.

    ``ratio`` is new shares per old share (``2`` for two-for-one, ``"21/20"`` for a 5% stock
    dividend). Fractional shares are rounded down (cashed out). It is not an acquisition.
    """

    ratio: Fraction = attrs.field(converter=_ratio)

    def describe(self) -> str:
        """The event in a few words."""
        return f"stock split or dividend, {self.ratio} new shares per share"


def _passive(value: bool) -> bool:
    return _check.flag(value, "passive")


@attrs.frozen(kw_only=True)
class PassivityChanged(Event):
    """A holder starts or stops holding without any intention to change or influence control.

    ``passive=False`` is, for example, a switch from Schedule 13G to 13D. A holder that turns
    active falls to the lower tier at once, without buying a share.
    """

    holder: str = attrs.field(converter=_holder)
    passive: bool = attrs.field(converter=_passive)

    def describe(self) -> str:
        """The event in a few words."""
        return f"{self.holder} became {'passive' if self.passive else 'active'}"


def _group(value: str) -> str:
    return _check.holder_name(value, "group")


def _members(value: Iterable[str]) -> tuple[str, ...]:
    members = _check.tuple_of(value, "members", _check.holder_name)
    if len(members) < 2:
        raise InvalidInputError(f"members: a group has at least two members, got {len(members)}")
    return members


@attrs.frozen(kw_only=True)
class GroupFormed(Event):
    """Persons agree to act together: the group owns all its members' shares (Rule 13d-5(b)).

    Forming a group is an acquisition, by each member, of the other members' shares.
    Membership is a dated determination, never inferred from data.
    """

    group: str = attrs.field(converter=_group)
    members: tuple[str, ...] = attrs.field(converter=_members)

    def describe(self) -> str:
        """The event in a few words."""
        return f"group {self.group} formed ({', '.join(self.members)})"


@attrs.frozen(kw_only=True)
class GroupDissolved(Event):
    """A group ceases to act together."""

    group: str = attrs.field(converter=_group)

    def describe(self) -> str:
        """The event in a few words."""
        return f"group {self.group} dissolved"


def _affiliate(value: str) -> str:
    return _check.holder_name(value, "affiliate")


@attrs.frozen(kw_only=True)
class Affiliated(Event):
    """``affiliate`` is an Affiliate or Associate of ``holder``: their holdings count together."""

    holder: str = attrs.field(converter=_holder)
    affiliate: str = attrs.field(converter=_affiliate)

    def describe(self) -> str:
        """The event in a few words."""
        return f"{self.affiliate} is an Affiliate or Associate of {self.holder}"


def _exercised(value: int) -> int:
    number = _count("shares", value)
    if number == 0:
        raise InvalidInputError("shares: expected a positive number of shares, got 0")
    return number


def _later(value: bool) -> bool:
    return _check.flag(value, "later")


@attrs.frozen(kw_only=True)
class RightsExercised(Event):
    """A holder exercises or converts rights to acquire into ``shares`` common shares.

    The rights used are those exercisable within 60 days, or with ``later`` the others.
    Where the plan counts those rights its count of the holding does not change; where the
    plan says so (:attr:`rightsplan.Grandfathering.exercise_ends`) the exercise still ends a
    grandfathering (Airgas, 2015).
    """

    holder: str = attrs.field(converter=_holder)
    shares: int = attrs.field(converter=_exercised)
    later: bool = attrs.field(default=False, converter=_later)

    def describe(self) -> str:
        """The event in a few words."""
        which = "later rights" if self.later else "rights"
        return f"{self.holder} exercised {which} to acquire {self.shares:,} shares"


def _divest_by(value: DateLike) -> pendulum.Date:
    return to_date(value, what="divest_by")


@attrs.frozen(kw_only=True)
class InadvertenceDetermination(Event):
    """The board determines in good faith that ``holder`` crossed the line inadvertently.

    The holder is not an Acquiring Person if it is back under its limit by the end of
    ``divest_by``; otherwise it is one from the day it crossed.
    """

    holder: str = attrs.field(converter=_holder)
    divest_by: pendulum.Date = attrs.field(converter=_divest_by)

    def __attrs_post_init__(self) -> None:
        if self.divest_by < self.on:
            raise InvalidInputError(
                f"divest_by: {self.divest_by.isoformat()} is before the determination "
                f"({self.on.isoformat()})"
            )

    def describe(self) -> str:
        """The event in a few words."""
        return f"board found {self.holder}'s crossing inadvertent (divest by {self.divest_by})"


def _optional_percent(value: PercentLike | None) -> Fraction | None:
    return None if value is None else to_percent(value, what="percent")


def _optional_comparison(value: Comparison | None) -> Comparison | None:
    if value is None or isinstance(value, Comparison):
        return value
    raise InputTypeError(f"comparison: expected a Comparison or None, got {value!r}")


@attrs.frozen(kw_only=True)
class ExemptionGranted(Event):
    """The board exempts ``holder`` from the plan, wholly or up to a cap.

    With ``percent`` and ``comparison`` the holder may go up to that cap (e.g. "more than
    20%" ends the exemption); without them it is exempt outright.
    """

    holder: str = attrs.field(converter=_holder)
    percent: Fraction | None = attrs.field(default=None, converter=_optional_percent)
    comparison: Comparison | None = attrs.field(default=None, converter=_optional_comparison)

    def __attrs_post_init__(self) -> None:
        if (self.percent is None) != (self.comparison is None):
            raise InvalidInputError("percent and comparison: give both for a cap, or neither")
        self.cap()

    def cap(self) -> Threshold | None:
        """The cap, or ``None`` for an outright exemption."""
        if self.percent is None or self.comparison is None:
            return None
        return Threshold(self.percent, self.comparison)

    def describe(self) -> str:
        """The event in a few words."""
        cap = self.cap()
        return f"board exempted {self.holder}" + (f" up to {cap.describe()}" if cap else "")


@attrs.frozen(kw_only=True)
class ExemptionRevoked(Event):
    """The board withdraws an exemption it granted to ``holder``."""

    holder: str = attrs.field(converter=_holder)

    def describe(self) -> str:
        """The event in a few words."""
        return f"board revoked {self.holder}'s exemption"


@attrs.frozen(kw_only=True)
class AcquiringPersonAnnounced(Event):
    """The first public announcement that ``holder`` has become an Acquiring Person.

    Its date is the Shares Acquisition Date, which starts the clock to the Distribution Date.
    """

    holder: str = attrs.field(converter=_holder)

    def describe(self) -> str:
        """The event in a few words."""
        return f"announced that {self.holder} is an Acquiring Person"


def _offeror(value: str) -> str:
    return _check.holder_name(value, "offeror")


def _deferred(value: bool) -> bool:
    return _check.flag(value, "deferred")


@attrs.frozen(kw_only=True)
class TenderOfferCommenced(Event):
    """A tender or exchange offer starts that would make ``offeror`` an Acquiring Person.

    It starts the second prong of the Distribution Date clock unless the board ``deferred``
    that prong.
    """

    offeror: str = attrs.field(converter=_offeror)
    deferred: bool = attrs.field(default=False, converter=_deferred)

    def describe(self) -> str:
        """The event in a few words."""
        deferred = " (board deferred the Distribution Date)" if self.deferred else ""
        return f"tender offer by {self.offeror} commenced{deferred}"


AnyEvent: TypeAlias = (
    Acquisition
    | Disposition
    | PositionReported
    | RightsExercised
    | OutstandingChanged
    | StockSplit
    | PassivityChanged
    | GroupFormed
    | GroupDissolved
    | Affiliated
    | InadvertenceDetermination
    | ExemptionGranted
    | ExemptionRevoked
    | AcquiringPersonAnnounced
    | TenderOfferCommenced
)

EVENT_KINDS: tuple[type[Event], ...] = (
    Acquisition,
    Disposition,
    PositionReported,
    RightsExercised,
    OutstandingChanged,
    StockSplit,
    PassivityChanged,
    GroupFormed,
    GroupDissolved,
    Affiliated,
    InadvertenceDetermination,
    ExemptionGranted,
    ExemptionRevoked,
    AcquiringPersonAnnounced,
    TenderOfferCommenced,
)


def _amounts(event: _Trade) -> str:
    parts = []
    if event.shares:
        parts.append(f"{event.shares:,} shares")
    if event.rights_to_acquire:
        parts.append(f"rights to acquire {event.rights_to_acquire:,} shares")
    if event.rights_to_acquire_later:
        parts.append(f"later rights to acquire {event.rights_to_acquire_later:,} shares")
    if event.derivatives:
        parts.append(f"derivatives on {event.derivatives:,} shares")
    return ", ".join(parts) or "nothing"


def _event(value: object, what: str) -> Event:
    if not isinstance(value, EVENT_KINDS):
        kinds = ", ".join(kind.__name__ for kind in EVENT_KINDS)
        raise InputTypeError(f"{what}: expected an event ({kinds}), got {value!r}")
    return value


def _events(value: Iterable[Event]) -> tuple[Event, ...]:
    events = _check.tuple_of(value, "events", _event)
    # A stable sort: same-day events keep the order they were given in.
    return tuple(sorted(events, key=lambda event: event.on))


@attrs.frozen
class Ledger:
    """Dated ownership events, kept in date order (same-day events in the order given)."""

    events: tuple[Event, ...] = attrs.field(converter=_events)

    def holders(self) -> tuple[str, ...]:
        """Every holder named in the ledger, in order of first appearance."""
        seen: dict[str, str] = {}
        for event in self.events:
            for name in _names(event):
                seen.setdefault(_check.name_key(name), name)
        return tuple(seen.values())

    def on(self, day: pendulum.Date) -> tuple[Event, ...]:
        """The events of one day, in order."""
        return tuple(event for event in self.events if event.on == day)


def _names(event: Event) -> tuple[str, ...]:
    if isinstance(event, GroupFormed):
        return event.members
    if isinstance(event, Affiliated):
        return (event.holder, event.affiliate)
    holder = getattr(event, "holder", None)
    return (holder,) if isinstance(holder, str) else ()


def as_ledger(value: Ledger | Iterable[Event]) -> Ledger:
    """A :class:`Ledger`, or any iterable of events made one (what replay and dump_events take)."""
    if isinstance(value, Ledger):
        return value
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InputTypeError(f"ledger: expected a Ledger or a list of events, got {value!r}")
    return Ledger(value)
