"""The terms of a plan in force at one moment: thresholds, tiers, exceptions and exemptions.

Every term remembers the :class:`~rightsplan.sources.Source` that set it, so any answer
built from the terms can say which instrument and section it rests on.
"""

from __future__ import annotations

import enum
import itertools
import typing
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeAlias

import attrs
import pendulum

from rightsplan import _check
from rightsplan.errors import InvalidInputError, UnknownTermError
from rightsplan.percent import Comparison, Threshold, format_percent
from rightsplan.sources import Source
from rightsplan.unknowns import UnknownDate, UnknownPercent, UnknownShares

_T = typing.TypeVar("_T")

__all__ = [
    "DEFAULT_CITATION",
    "DistributionRule",
    "Ending",
    "EndingKind",
    "Exemption",
    "Expiration",
    "GrandfatherBase",
    "GrandfatherCutoff",
    "Grandfathering",
    "HolderKind",
    "JSONValue",
    "Limit",
    "LimitKind",
    "NamedException",
    "OwnershipRules",
    "Provision",
    "ProvisionKind",
    "RightsAgentTerm",
    "RightsToAcquire",
    "Terms",
    "UnknownLimit",
    "UnknownThreshold",
    "share_cap_words",
    "source_json",
    "threshold_json",
]


class HolderKind(enum.Enum):
    """What kind of person a holder is, as far as the Exempt Persons clause cares."""

    COMPANY = "company"
    """The issuer itself."""
    SUBSIDIARY = "subsidiary"
    """A Subsidiary of the issuer."""
    BENEFIT_PLAN = "benefit-plan"
    """An employee benefit plan of the issuer or a Subsidiary, or an entity holding for one."""
    GOVERNMENT = "government"
    """The United States Government, exempt in some tax-asset plans."""
    OTHER = "other"
    """Anyone else: funds, individuals, groups."""


class LimitKind(enum.Enum):
    """Which kind of rule a :class:`Limit` is."""

    GENERAL = "general"
    """The general threshold in the definition of Acquiring Person."""
    PASSIVE = "passive"
    """The higher tier for holders eligible to report on Schedule 13G."""
    EXCEPTION = "exception"
    """A named holder's own cap."""
    BOARD_EXEMPTION = "board-exemption"
    """The cap of an exemption the board granted a holder (a ledger event, not the plan)."""
    GRANDFATHERED = "grandfathered"
    """A grandfathered holder's own line: its base holding plus what the plan tolerates."""
    BUYBACK = "buyback"
    """The line of a holder over the threshold only because the company bought back shares."""


@attrs.frozen
class Limit:
    """A threshold as a plan applies it: the rule, whom it binds, and the instrument behind it."""

    threshold: Threshold
    kind: LimitKind
    source: Source
    holder: str | None = None
    """The named holder, for an exception; ``None`` for the general rule and the passive tier."""
    share_cap: int | None = None
    """A cap in shares the rule also sets ("up to 3,501,585 shares"): the holder crosses the
    limit above that many shares, whatever the percentage."""

    def max_shares(self, outstanding: int) -> int:
        """The largest holding that does not cross this limit, of ``outstanding`` shares."""
        line = self.threshold.max_shares(outstanding)
        return line if self.share_cap is None else min(line, self.share_cap)

    @property
    def percent(self) -> Fraction:
        """The percentage of the shares then outstanding."""
        return self.threshold.percent

    @property
    def comparison(self) -> Comparison:
        """Whether the plan says "X% or more" or "more than X%"."""
        return self.threshold.comparison

    def describe(self) -> str:
        """The rule in words, e.g. ``"more than 25% (exception for IPOF Group)"``."""
        text = self.threshold.describe()
        if self.share_cap is not None:
            text += f" or more than {self.share_cap:,} shares"
        if self.kind is LimitKind.PASSIVE:
            return f"{text} (passive-investor tier)"
        if self.kind is LimitKind.EXCEPTION:
            return f"{text} (exception for {self.holder})"
        if self.kind is LimitKind.BOARD_EXEMPTION:
            return f"{text} (board exemption for {self.holder})"
        if self.kind is LimitKind.GRANDFATHERED:
            return f"{text} (grandfathered line of {self.holder})"
        if self.kind is LimitKind.BUYBACK:
            return f"{text} (buyback line of {self.holder})"
        return text


def unknown_words(percent: UnknownPercent, comparison: Comparison | None) -> str:
    """An unknown threshold in words: ``'unknown (between 10% and 20%), "or more"'``."""
    text = percent.describe()
    if comparison is Comparison.AT_LEAST:
        return f'{text}, "or more"'
    if comparison is Comparison.MORE_THAN:
        return f'{text}, "more than"'
    return text


@attrs.frozen
class UnknownThreshold:
    """A threshold whose percentage the filings do not state: its bounds, and its wording.

    ``comparison`` is ``None`` when the wording ("X% or more" or "more than X%") is unknown
    too. :mod:`rightsplan.rules` answers from the two extreme thresholds the bounds allow
    (:meth:`strictest` and :meth:`most_generous`).

    >>> UnknownThreshold(UnknownPercent(at_least="25", at_most="40"), None).most_generous()
    Threshold(percent=Fraction(40, 1), comparison=<Comparison.MORE_THAN: 'more-than'>)
    """

    percent: UnknownPercent
    comparison: Comparison | None

    def describe(self) -> str:
        """The threshold in words, e.g. ``'unknown (between 10% and 20%), "or more"'``."""
        return unknown_words(self.percent, self.comparison)

    def strictest(self, smallest: Fraction) -> Threshold:
        """The strictest threshold the bounds allow.

        Without a lower bound, ``smallest`` (a percentage the caller knows any holding that
        counts reaches, such as one share's) stands for it, capped at the upper bound.
        """
        comparison = self.comparison or Comparison.AT_LEAST
        low = self.percent.at_least
        if low is None:
            # Crossed by a holding of ``smallest``: "that or more", or "more than half that".
            low = smallest if comparison is Comparison.AT_LEAST else smallest / 2
            high = self.percent.at_most
            low = low if high is None else min(low, high)
        return Threshold(low, comparison)

    def most_generous(self) -> Threshold:
        """The most generous threshold the bounds allow ("more than 100%" without a bound)."""
        high = self.percent.at_most if self.percent.at_most is not None else Fraction(100)
        return Threshold(high, self.comparison or Comparison.MORE_THAN)


def _lapse_why(what: str, lapse: str, source: Source) -> str:
    """Whether a clause has lapsed is unknown: ``"whether ... has lapsed is unknown ..."``."""
    return f"whether {what} has lapsed is unknown (it lapses {lapse}), per {source.cite()}"


def _cite_why(what: str, words: str, source: Source | None, reason: str | None) -> str:
    """``"<what> is <words>, per <source>"`` and the reason: an unknown term, for a reason."""
    why = f"{what} is {words}"
    if source is not None:
        why += f", per {source.cite()}"
    if reason:
        why += f" ({reason})"
    return why


@attrs.frozen
class UnknownLimit:
    """The general threshold or the passive tier, where the filings do not state it.

    Its bounds, its wording (``comparison`` is ``None`` when that is unknown too), its
    source, and ``kind``: :attr:`LimitKind.GENERAL` or :attr:`LimitKind.PASSIVE`.
    :mod:`rightsplan.rules` answers from the two extreme thresholds the bounds allow
    (:meth:`strictest` and :meth:`most_generous`): an answer both give is exact, one they
    disagree on is UNCERTAIN.
    """

    percent: UnknownPercent
    comparison: Comparison | None
    source: Source
    kind: LimitKind = LimitKind.GENERAL
    """:attr:`LimitKind.GENERAL` (the default) or :attr:`LimitKind.PASSIVE`."""

    def __attrs_post_init__(self) -> None:
        if self.kind not in (LimitKind.GENERAL, LimitKind.PASSIVE):
            raise InvalidInputError(
                f"kind: an unknown limit is general or passive, got {self.kind!r}"
            )

    @property
    def threshold(self) -> UnknownThreshold:
        """The percentage's bounds and the wording, as an :class:`UnknownThreshold`."""
        return UnknownThreshold(self.percent, self.comparison)

    def describe(self) -> str:
        """The rule in words, e.g. ``'unknown (between 10% and 20%), "or more"'``."""
        return unknown_words(self.percent, self.comparison)

    def why(self) -> str:
        """The unknown term and its source, for a reason: ``"the general threshold is ..."``."""
        what = (
            "the passive-investor tier"
            if self.kind is LimitKind.PASSIVE
            else "the general threshold"
        )
        return _cite_why(what, self.describe(), self.source, self.percent.reason)

    def strictest(self, smallest: Fraction) -> Threshold:
        """The strictest threshold the bounds allow (see :meth:`UnknownThreshold.strictest`)."""
        return self.threshold.strictest(smallest)

    def most_generous(self) -> Threshold:
        """The most generous threshold the bounds allow ("more than 100%" without a bound)."""
        return self.threshold.most_generous()

    def known(self, threshold: Threshold) -> Limit:
        """The rule as it would be if the threshold were ``threshold``."""
        return Limit(threshold, self.kind, self.source)


@attrs.frozen
class NamedException:
    """A named holder that may exceed the general threshold up to a cap.

    The holder "shall not be deemed an Acquiring Person unless and until" it crosses ``cap``
    or, when ``requires_passive`` is set, it ceases to hold without any intention of changing
    or influencing control. When the exception ends, the general rule applies again.
    """

    holder: str
    members: tuple[str, ...]
    cap: Threshold | UnknownThreshold
    """The cap, or an :class:`UnknownThreshold` where the filings do not state it."""
    requires_passive: bool
    source: Source
    share_cap: int | UnknownShares | None = None
    """A cap in shares besides ``cap``: the exception ends above that many shares (an
    :class:`~rightsplan.UnknownShares` where the filings do not say how many)."""
    proviso: str | None = None
    """A limiting clause the plan attaches, quoted; recorded and cited in answers, never
    evaluated."""
    lapse: str | None = None
    """A condition on which the exception lapses ("until the stockholders approve"), not
    known to have happened: whether the exception still stands is unknown, so answers that
    depend on it are UNCERTAIN. Once the lapse is known, a later instrument records it."""

    def names(self) -> tuple[str, ...]:
        """The holder's name and its members' names."""
        return (self.holder, *self.members)

    def covers(self, name: str) -> bool:
        """Whether ``name`` is the holder or one of its members (case and spacing aside)."""
        key = _check.name_key(name)
        return any(_check.name_key(known) == key for known in self.names())

    def unknowns(self) -> tuple[str, ...]:
        """Its unknown caps, each described with its source (empty if none)."""
        found = []
        if isinstance(self.cap, UnknownThreshold):
            found.append(
                _cite_why(
                    f"the cap of the exception for {self.holder}",
                    self.cap.describe(),
                    self.source,
                    self.cap.percent.reason,
                )
            )
        if isinstance(self.share_cap, UnknownShares):
            found.append(
                _cite_why(
                    f"the cap in shares of the exception for {self.holder}",
                    self.share_cap.describe(),
                    self.source,
                    self.share_cap.reason,
                )
            )
        if self.lapse is not None:
            found.append(_lapse_why(f"the exception for {self.holder}", self.lapse, self.source))
        return tuple(found)

    def limit(self) -> Limit:
        """The cap as a :class:`Limit`; :class:`~rightsplan.errors.UnknownTermError` if unknown.

        Unknown too where the exception may have lapsed (:attr:`lapse`).
        """
        cap, shares = self.cap, self.share_cap
        if isinstance(cap, UnknownThreshold) or isinstance(shares, UnknownShares) or self.lapse:
            raise UnknownTermError(f"this answer needs the exception, but {self.unknowns()[0]}")
        return Limit(cap, LimitKind.EXCEPTION, self.source, holder=self.holder, share_cap=shares)


@attrs.frozen
class Exemption:
    """An Exempt Person: never an Acquiring Person, whatever it holds.

    Matches holders of ``category`` (the Company, its Subsidiaries, its benefit plans, the
    Government) or, when ``category`` is ``None``, the holder called ``name`` or one of its
    ``members`` (its Affiliates the plan lists: "Renaissance" is RTC and RTHC). With
    ``share_cap`` it is exempt only up to that many shares ("3,501,585 shares"): above
    them the plan's other rules judge it. ``proviso`` is a limiting clause the plan attaches,
    quoted and cited in answers, never evaluated. ``lapse`` is a condition on which the
    exemption lapses, not known to have happened: answers that depend on it are UNCERTAIN.
    """

    name: str
    category: HolderKind | None
    source: Source
    members: tuple[str, ...] = ()
    share_cap: int | UnknownShares | None = None
    """A cap in shares (an :class:`~rightsplan.UnknownShares` where the filings do not say
    how many), or ``None``: exempt whatever it holds."""
    proviso: str | None = None
    lapse: str | None = None
    key: str = attrs.field(init=False, eq=False, repr=False, hash=False)
    """``name`` as names are matched (:func:`rightsplan._check.name_key`), worked out once."""

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "key", _check.name_key(self.name))

    def names(self) -> tuple[str, ...]:
        """The name and its members' names."""
        return (self.name, *self.members)

    def unknowns(self) -> tuple[str, ...]:
        """Its unknown cap in shares and lapse, described with its source (empty if none)."""
        found = []
        if isinstance(self.share_cap, UnknownShares):
            found.append(
                _cite_why(
                    f"the cap in shares of the Exempt Person {self.name}",
                    self.share_cap.describe(),
                    self.source,
                    self.share_cap.reason,
                )
            )
        if self.lapse is not None:
            found.append(_lapse_why(f"the exemption of {self.name}", self.lapse, self.source))
        return tuple(found)

    def covers(self, holder: str, kind: HolderKind) -> bool:
        """Whether a holder with this name and kind is this Exempt Person (or a member)."""
        if self.category not in (None, HolderKind.OTHER) and kind is self.category:
            return True
        key = _check.name_key(holder)
        return key == self.key or any(_check.name_key(m) == key for m in self.members)


@attrs.frozen
class Expiration:
    """The Final Expiration Date: the rights expire at the close of business on ``date``.

    ``date`` is an :class:`~rightsplan.UnknownDate` where the filings do not state it;
    ``condition`` is the event an expiry is tied to, in words ("the day the 2014 annual
    meeting is completed"), known date or not.
    """

    date: pendulum.Date | UnknownDate
    source: Source
    condition: str | None = None

    def describe(self) -> str:
        """The date, or ``"unknown (on or after 2025-08-13)"``, and the condition if any."""
        date = self.date
        text = date.isoformat() if isinstance(date, pendulum.Date) else date.describe()
        if self.condition:
            text += f" (tied to an event: {self.condition})"
        return text

    def why(self) -> str:
        """The unknown date and its source, for a reason."""
        why = f"the Final Expiration Date is {self.describe()}, per {self.source.cite()}"
        if isinstance(self.date, UnknownDate) and self.date.reason:
            why += f" ({self.date.reason})"
        return why

    def known_date(self) -> pendulum.Date:
        """The date; :class:`~rightsplan.errors.UnknownTermError` if it is unknown."""
        if isinstance(self.date, pendulum.Date):
            return self.date
        raise UnknownTermError(f"this answer needs the Final Expiration Date, but {self.why()}")

    def in_force_on(self, on: pendulum.Date) -> bool | None:
        """Whether the rights are unexpired on ``on``; ``None`` when the unknown date decides.

        The rights expire at the close of business on the date, so the date itself is in
        force: with a date known to be on or after ``D``, every day up to ``D`` is.
        """
        date = self.date
        if isinstance(date, pendulum.Date):
            return on <= date
        if date.on_or_after is not None and on <= date.on_or_after:
            return True
        if date.on_or_before is not None and on > date.on_or_before:
            return False
        return None


@attrs.frozen
class RightsAgentTerm:
    """The rights agent in office, and the instrument that appointed it."""

    name: str
    source: Source


class EndingKind(enum.Enum):
    """How a plan ended before its Final Expiration Date."""

    TERMINATED = "terminated"
    """An amendment ended the plan (for instance by accelerating its expiration)."""
    REDEEMED = "redeemed"
    """The board redeemed the rights."""
    EXCHANGED = "exchanged"
    """The board exchanged every outstanding right for shares."""


@attrs.frozen
class Ending:
    """The end of a plan by termination or redemption, effective at the start of ``on``."""

    kind: EndingKind
    on: pendulum.Date
    source: Source
    price: Decimal | None = None
    """The redemption price per right, when the plan was redeemed and the price is known."""


class RightsToAcquire(enum.Enum):
    """Which rights to acquire shares (options, warrants, conversion rights) a plan counts."""

    WITHIN_60_DAYS = "within-60-days"
    """Rights exercisable within 60 days, as Rule 13d-3(d)(1) counts them."""
    ALL = "all"
    """All rights to acquire, whether or not exercisable within 60 days."""
    NONE = "none"
    """No rights to acquire: only shares owned."""


@attrs.frozen
class OwnershipRules:
    """How a plan counts beneficial ownership, and how lasting Acquiring Person status is.

    ``source`` is ``None`` when the plan does not say, and these are rightsplan's defaults:
    derivatives not counted, rights to acquire within 60 days counted (with the holder's own
    rights added to the shares outstanding for its percentage, per Rule 13d-3(d)(1)), no
    tolerance after a buyback, and status that sticks once acquired.
    """

    derivatives_counted: bool = False
    """Whether derivative positions count, at their share equivalent (economic exposure)."""
    rights_to_acquire: RightsToAcquire = RightsToAcquire.WITHIN_60_DAYS
    buyback_tolerance: Fraction = Fraction(0)
    """Percentage points a holder over the line only because of a buyback may still acquire."""
    sticky: bool = True
    """Whether an Acquiring Person stays one after selling down."""
    source: Source | None = None


class GrandfatherBase(enum.Enum):
    """What a grandfathered holder's additional acquisitions are measured from."""

    AT_GRANDFATHERING = "at-grandfathering"
    """The holding at the cut-off, when the holder was grandfathered."""
    LOWEST_SINCE = "lowest-since"
    """The lowest holding since then: selling down uses up the allowance."""


class GrandfatherCutoff(enum.Enum):
    """Which holdings the grandfathering covers: when the plan (or lower threshold) is adopted."""

    BEFORE_ADOPTION = "before-adoption"
    """Holdings immediately before the adoption (or its announcement): that day's own
    acquisitions are not grandfathered."""
    CLOSE_OF_BUSINESS = "close-of-business"
    """Holdings "as of the Close of Business on" the adoption day: that day's own acquisitions
    are grandfathered too (Selectica's drafting)."""


@attrs.frozen
class Grandfathering:
    """What a holder already over the threshold when it was adopted (or lowered) may do.

    Such a holder is not an Acquiring Person by the adoption itself. Without ``tolerance``
    (rightsplan's default, the commonest drafting: "acquires beneficial ownership of any
    additional shares") any acquisition after the cut-off while at or above the threshold
    makes it one. With ``tolerance`` it may acquire additional shares whose percentage
    points of the shares outstanding stay short of the tolerance (e.g. "0.5% or more"),
    counted from its holding at the cut-off or, with ``measured_from``
    :attr:`~GrandfatherBase.LOWEST_SINCE`, from its lowest holding since. ``cap``, when set,
    is a ceiling it may never cross. ``lapses_below_threshold`` ends the grandfathering once
    the holder falls below the threshold. ``cutoff`` says whether the adoption day's own
    acquisitions are grandfathered; ``exercise_ends`` that exercising or converting rights
    to acquire while at or above the threshold ends it (Airgas, 2015). ``source`` is
    ``None`` when the plan states none of this and these are rightsplan's defaults.
    """

    tolerance: Threshold | UnknownThreshold | None = None
    """The tolerance, ``None`` for none (any additional share), or an
    :class:`UnknownThreshold` where the filings do not state it."""
    measured_from: GrandfatherBase = GrandfatherBase.AT_GRANDFATHERING
    cap: Threshold | None = None
    lapses_below_threshold: bool = False
    cutoff: GrandfatherCutoff = GrandfatherCutoff.BEFORE_ADOPTION
    exercise_ends: bool = False
    source: Source | None = None

    def unknowns(self) -> tuple[str, ...]:
        """Its unknown tolerance, described with its source (empty if known)."""
        tolerance = self.tolerance
        if not isinstance(tolerance, UnknownThreshold):
            return ()
        what = "the grandfathering tolerance"
        return (_cite_why(what, tolerance.describe(), self.source, tolerance.percent.reason),)

    def known_tolerance(self) -> Threshold | None:
        """The tolerance; :class:`~rightsplan.errors.UnknownTermError` if it is unknown."""
        tolerance = self.tolerance
        if isinstance(tolerance, UnknownThreshold):
            raise UnknownTermError(f"this answer needs the tolerance, but {self.unknowns()[0]}")
        return tolerance


@attrs.frozen
class DistributionRule:
    """When the rights separate after a trigger: ``days`` after the Shares Acquisition Date.

    Business days by default (New York banks and the exchange open); some plans count
    calendar days. ``source`` is ``None`` for the default, the close of business on the 10th
    business day.
    """

    days: int = 10
    business_days: bool = True
    source: Source | None = None


class _Instruments(Sequence[Source]):
    """The first ``length`` instruments of a list that only grows (a read-only view).

    A plan's replay appends each instrument once to one list, and every period's terms
    see a prefix of it, so the periods share the list instead of each copying it.
    """

    __slots__ = ("_items", "_length")

    def __init__(self, items: list[Source], length: int) -> None:
        self._items = items
        self._length = length

    def __len__(self) -> int:
        return self._length

    @typing.overload
    def __getitem__(self, index: int) -> Source: ...

    @typing.overload
    def __getitem__(self, index: slice) -> tuple[Source, ...]: ...

    def __getitem__(self, index: int | slice) -> Source | tuple[Source, ...]:
        if isinstance(index, slice):
            return tuple(self._items[: self._length][index])
        position = index + self._length if index < 0 else index
        if not 0 <= position < self._length:
            raise IndexError("instrument index out of range")
        return self._items[position]

    def __iter__(self) -> Iterator[Source]:
        return itertools.islice(self._items, self._length)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(other) == self._length and tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))

    def extended(self, source: Source) -> _Instruments:
        """These instruments and ``source`` after them (appending to the list if at its end)."""
        if self._length == len(self._items):
            self._items.append(source)
            return _Instruments(self._items, self._length + 1)
        return _Instruments([*self, source], self._length + 1)  # pragma: no cover - a branch


def _instruments(value: Iterable[Source]) -> Sequence[Source]:
    return value if isinstance(value, _Instruments) else tuple(value)


class _Clauses(Sequence[_T]):
    """A read-only sequence of clauses: an earlier one with one change, built when first read.

    A plan's replay makes a Terms for every change, and copying every Exempt Person or
    exception into each would cost periods x clauses. Each Terms keeps only its parent and
    the change instead; the clauses are materialized (from the nearest materialized
    ancestor, without recursion) the first time they are read, and then kept. Its length,
    and the clauses added since an ancestor, are known without materializing it. It
    compares and hashes as the tuple of its clauses.

    A change's new clause is never already among the clauses it changes (the replay makes a
    new clause object for every change, and refuses a second clause under the same name).
    """

    __slots__ = ("_change", "_items", "_length", "_parent", "_unknowns")

    def __init__(
        self,
        parent: _Clauses[_T] | None,
        change: tuple[_T | None, _T | None],
        items: tuple[_T, ...] | None = None,
    ) -> None:
        self._parent = parent
        self._change = change
        self._items = items
        self._unknowns: tuple[str, ...] | None = None
        """Its clauses' unknowns (see :func:`_unknowns_of`), once asked."""
        if items is not None or parent is None:
            self._length = 0 if items is None else len(items)
        else:
            old, new = change
            self._length = parent._length + (new is not None) - (old is not None)

    @classmethod
    def of(cls, items: Iterable[_T]) -> _Clauses[_T]:
        """The clauses ``items``, materialized."""
        return cls(None, (None, None), tuple(items))

    def changed(self, old: _T | None, new: _T | None) -> _Clauses[_T]:
        """These clauses with one change, recorded now and applied when first read.

        ``old`` (found by identity) is replaced by ``new`` in its place, or removed if
        ``new`` is ``None``; if ``old`` is ``None``, ``new`` is added at the end.
        """
        return _Clauses(self, (old, new))

    def added_since(self, ancestor: Sequence[_T]) -> list[_T] | None:
        """The clauses here that are not in ``ancestor``, in order, if cheaply known.

        ``None`` unless ``ancestor`` is one of the sequences these were changed from, in a
        few steps, and none of those steps replaced one of its clauses in place.
        """
        steps: list[tuple[_T | None, _T | None]] = []
        node: _Clauses[_T] | None = self
        budget = self._length + len(ancestor) + 1  # no more than comparing them would cost
        while node is not ancestor:
            if node is None or len(steps) > budget:
                return None
            steps.append(node._change)
            node = node._parent
        added: list[_T] = []
        for old, new in reversed(steps):
            if old is None:
                if new is not None:
                    added.append(new)
                continue
            index = next((i for i, item in enumerate(added) if item is old), None)
            if index is None:  # one of the ancestor's clauses
                if new is not None:
                    return None  # replaced in its place, among the ancestor's clauses
            elif new is None:
                del added[index]
            else:
                added[index] = new
        return added

    def _tuple(self) -> tuple[_T, ...]:
        if self._items is not None:
            return self._items
        pending: list[_Clauses[_T]] = []
        node: _Clauses[_T] | None = self
        while node is not None and node._items is None:
            pending.append(node)
            node = node._parent
        items: list[_T] = [] if node is None or node._items is None else list(node._items)
        for step in reversed(pending):
            old, new = step._change
            if old is None:
                if new is not None:
                    items.append(new)
                continue
            # By identity, in C: comparing clauses with == would call their __eq__ one by one.
            index = list(map(id, items)).index(id(old))
            if new is None:
                del items[index]
            else:
                items[index] = new
        self._items = tuple(items)
        return self._items

    def __len__(self) -> int:
        return self._length

    @typing.overload
    def __getitem__(self, index: int) -> _T: ...

    @typing.overload
    def __getitem__(self, index: slice) -> tuple[_T, ...]: ...

    def __getitem__(self, index: int | slice) -> _T | tuple[_T, ...]:
        return self._tuple()[index]

    def __iter__(self) -> Iterator[_T]:
        return iter(self._tuple())

    def __contains__(self, value: object) -> bool:
        return value in self._tuple()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, _Clauses):
            return self._tuple() == other._tuple()
        if isinstance(other, tuple):
            return self._tuple() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._tuple())

    def __repr__(self) -> str:
        return repr(self._tuple())

    def __reduce__(self) -> tuple[Any, ...]:
        return (_Clauses.of, (self._tuple(),))


def _clauses(value: Iterable[_T]) -> _Clauses[_T]:
    return value if isinstance(value, _Clauses) else _Clauses.of(value)


def _unknowns_of(clauses: Sequence[NamedException] | Sequence[Exemption]) -> tuple[str, ...]:
    """Each clause's unknowns, in order.

    Remembered by a :class:`_Clauses`: the terms of one replay share their sequences of
    clauses, and the clauses are immutable.
    """
    if isinstance(clauses, _Clauses):
        found = clauses._unknowns
        if found is None:
            found = clauses._unknowns = tuple(
                item for clause in clauses for item in clause.unknowns()
            )
        return found
    return tuple(item for clause in clauses for item in clause.unknowns())


def _exemptions(value: Iterable[Exemption]) -> Sequence[Exemption]:
    return _clauses(value)


def _exceptions(value: Iterable[NamedException]) -> Sequence[NamedException]:
    return _clauses(value)


# --- the replay's steps ---------------------------------------------------------------------
#
# A plan's replay makes a Terms for every change. Indexing each one's clauses, or searching
# every clause for each Exempt Person added or removed, would cost the square of the clauses
# (and keeping an index per Terms, the square in memory). The replay's Terms share one
# register of Exempt Persons by name instead, each Terms knowing its version of it.


@attrs.define(eq=False)
class _Record:
    """One clause in a register: present from version ``added`` until ``removed``."""

    clause: Exemption | NamedException
    added: int
    removed: float = float("inf")


@attrs.define(eq=False)
class _Register:
    """The Exempt Persons and exceptions of one replay by name key, over its versions.

    Private. Only the newest version (``head``) is extended; a Terms of an older version that
    is extended again (a branch) starts a register of its own.
    """

    exemptions: dict[str, list[_Record]] = attrs.field(factory=dict)
    exceptions: dict[str, list[_Record]] = attrs.field(factory=dict)
    head: int = 0

    @classmethod
    def of(cls, terms: Terms) -> _Register:
        register = cls()
        for exemption in terms.exemptions:
            register.exemptions.setdefault(exemption.key, []).append(_Record(exemption, 0))
        for exception in terms.exceptions:
            register.add_exception(exception, 0)
        return register

    def add_exception(self, exception: NamedException, version: int) -> None:
        record = _Record(exception, version)
        for key in {_check.name_key(name) for name in exception.names()}:
            self.exceptions.setdefault(key, []).append(record)

    @staticmethod
    def find(records: dict[str, list[_Record]], key: str, version: int) -> _Record | None:
        for record in records.get(key, ()):
            if record.added <= version < record.removed:
                return record
        return None


def _register(terms: Terms) -> tuple[_Register, int]:
    if terms._register is not None:
        return terms._register
    return _Register.of(terms), 0


def _next(terms: Terms) -> tuple[_Register, int]:
    """The register to extend from ``terms``, and the version the result will have."""
    register, version = _register(terms)
    if version != register.head:  # a branch from an older version
        register, version = _Register.of(terms), 0
    register.head = version + 1
    return register, version + 1


def _registered(terms: Terms, register: _Register, version: int, **changes: Any) -> Terms:
    evolved = attrs.evolve(terms, **changes)
    object.__setattr__(evolved, "_register", (register, version))
    return evolved


def evolve(terms: Terms, **changes: Any) -> Terms:
    """``attrs.evolve`` for a change that keeps the Exempt Persons and exceptions."""
    evolved = attrs.evolve(terms, **changes)
    object.__setattr__(evolved, "_register", terms._register)
    return evolved


def with_instrument(terms: Terms, source: Source) -> Terms:
    """``terms`` with ``source`` added to the instruments folded into them (no copying)."""
    current = terms.instruments
    if not isinstance(current, _Instruments):
        current = _Instruments(list(current), len(current))
    return evolve(terms, instruments=current.extended(source))


def find_exemption(terms: Terms, name: str) -> Exemption | None:
    """The Exempt Person clause added under ``name`` (matched as names are), if any."""
    register, version = _register(terms)
    found = register.find(register.exemptions, _check.name_key(name), version)
    return None if found is None else typing.cast(Exemption, found.clause)


def with_exemption(terms: Terms, exemption: Exemption) -> Terms:
    """``terms`` with ``exemption`` listed after the other Exempt Persons."""
    register, version = _next(terms)
    register.exemptions.setdefault(exemption.key, []).append(_Record(exemption, version))
    return _registered(
        terms, register, version, exemptions=_clauses(terms.exemptions).changed(None, exemption)
    )


def without_exemption(terms: Terms, exemption: Exemption) -> Terms:
    """``terms`` without the clause ``exemption`` (one of ``terms.exemptions``)."""
    register, version = _next(terms)
    found = register.find(register.exemptions, exemption.key, version - 1)
    if found is not None and found.clause is exemption:
        found.removed = version
    kept = _clauses(terms.exemptions).changed(exemption, None)
    return _registered(terms, register, version, exemptions=kept)


def exception_covering(terms: Terms, name: str) -> NamedException | None:
    """The named-holder exception whose holder or members include ``name``, if any."""
    register, version = _register(terms)
    found = register.find(register.exceptions, _check.name_key(name), version)
    return None if found is None else typing.cast(NamedException, found.clause)


def with_exception_changed(
    terms: Terms, old: NamedException | None, new: NamedException | None
) -> Terms:
    """``terms`` with exception ``old`` replaced by ``new`` in its place, removed, or added."""
    register, version = _next(terms)
    if old is not None:
        for key in {_check.name_key(name) for name in old.names()}:
            found = register.find(register.exceptions, key, version - 1)
            if found is not None and found.clause is old:
                found.removed = version
    exceptions = _clauses(terms.exceptions).changed(old, new)
    if new is not None:
        register.add_exception(new, version)
    return _registered(terms, register, version, exceptions=exceptions)


@attrs.frozen
class _Lookups:
    """A :class:`Terms`' clauses by matching key: assessments ask on every call."""

    exceptions_by_name: dict[str, NamedException]
    exemptions_by_name: dict[str, tuple[int, Exemption]]
    exemptions_by_category: dict[HolderKind, tuple[int, Exemption]]

    @classmethod
    def of(cls, terms: Terms) -> _Lookups:
        """The lookups of ``terms``, built from its clauses."""
        exceptions_by_name: dict[str, NamedException] = {}
        exemptions_by_name: dict[str, tuple[int, Exemption]] = {}
        by_category: dict[HolderKind, tuple[int, Exemption]] = {}
        for index, exemption in enumerate(terms.exemptions):
            exemptions_by_name.setdefault(exemption.key, (index, exemption))
            for member in exemption.members:
                exemptions_by_name.setdefault(_check.name_key(member), (index, exemption))
            if exemption.category is not None and exemption.category is not HolderKind.OTHER:
                by_category.setdefault(exemption.category, (index, exemption))
        for exception in terms.exceptions:
            for name in exception.names():
                exceptions_by_name.setdefault(_check.name_key(name), exception)
        return cls(exceptions_by_name, exemptions_by_name, by_category)


@attrs.frozen(repr=False)
class Terms:
    """Everything a plan provides at one moment, each term with its source.

    Obtain these from :meth:`rightsplan.Plan.terms_at`; they are the result of folding the
    Rights Agreement and every amendment effective by that date, in order.
    """

    company: str
    general: Limit | UnknownLimit
    """The general threshold, or an :class:`UnknownLimit` where the filings do not state it."""
    passive: Limit | UnknownLimit | None = None
    """The passive-investor tier, if any (an :class:`UnknownLimit` where it is unknown)."""
    exceptions: Sequence[NamedException] = attrs.field(default=(), converter=_exceptions)
    """The named-holder exceptions, in order: a read-only sequence that compares and hashes
    as the tuple of them (in a replay, built only when first read)."""
    exemptions: Sequence[Exemption] = attrs.field(default=(), converter=_exemptions)
    """The Exempt Person clauses, in order: a read-only sequence like :attr:`exceptions`."""
    expiration: Expiration | None = None
    rights_agent: RightsAgentTerm | None = None
    ended: Ending | None = None
    ownership: OwnershipRules = OwnershipRules()
    grandfathering: Grandfathering = Grandfathering()
    distribution: DistributionRule = DistributionRule()
    instruments: Sequence[Source] = attrs.field(default=(), converter=_instruments)
    """Every instrument folded into these terms, in the order applied.

    A tuple, or for the terms a :class:`~rightsplan.Plan` replays, a read-only view of the
    plan's one list of instruments (each period's terms see its first so many): copying the
    whole list into every period would cost the square of the number of amendments.
    """
    _lookups: _Lookups | None = attrs.field(
        init=False, default=None, eq=False, repr=False, hash=False
    )
    _register: tuple[_Register, int] | None = attrs.field(
        init=False, default=None, eq=False, repr=False, hash=False
    )
    memo: dict[str, object] = attrs.field(
        init=False, factory=dict, eq=False, repr=False, hash=False
    )
    """Answers derived from these terms alone, remembered by :mod:`rightsplan.rules` (the
    terms are immutable, so they never go stale)."""

    def _index(self) -> _Lookups:
        # Built on the first lookup, not with the terms: a plan's replay makes a Terms for
        # every change, and indexing each would cost the square of the Exempt Persons.
        lookups = self._lookups
        if lookups is None:
            lookups = _Lookups.of(self)
            object.__setattr__(self, "_lookups", lookups)
        return lookups

    def __repr__(self) -> str:
        from rightsplan.report import short

        return (
            f"<Terms {short(self.company)!r}: {_general_words(self.general)} "
            f"({short(self.general.source.cite())}), {len(self.exceptions)} exceptions, "
            f"{len(self.exemptions)} Exempt Persons>"
        )

    def _repr_html_(self) -> str:
        from rightsplan.report import terms_html

        return terms_html(self)

    def in_force_on(self, on: pendulum.Date) -> bool:
        """Whether the plan is in force on ``on``: not ended, and not past its expiration.

        Raises :class:`~rightsplan.errors.UnknownTermError` where that depends on an unknown
        Final Expiration Date (see :meth:`in_force_or_unknown`).
        """
        found = self.in_force_or_unknown(on)
        if found is None:
            assert self.expiration is not None
            raise UnknownTermError(
                f"whether the plan is in force on {on.isoformat()} is unknown: "
                f"{self.expiration.why()}"
            )
        return found

    def in_force_or_unknown(self, on: pendulum.Date) -> bool | None:
        """Like :meth:`in_force_on`, but ``None`` where an unknown expiry decides."""
        if self.ended is not None and self.ended.on <= on:
            return False
        return True if self.expiration is None else self.expiration.in_force_on(on)

    def known_general(self) -> Limit:
        """The general rule; :class:`~rightsplan.errors.UnknownTermError` if it is unknown."""
        general = self.general
        if isinstance(general, UnknownLimit):
            raise UnknownTermError(f"this answer needs the general threshold, but {general.why()}")
        return general

    def unknowns(self) -> tuple[str, ...]:
        """The unknown terms in force, each described with its source (empty if none)."""
        found = list(self.unknown_limits())
        if self.expiration is not None and isinstance(self.expiration.date, UnknownDate):
            found.append(self.expiration.why())
        return tuple(found)

    def unknown_limits(self) -> tuple[str, ...]:
        """The unknown terms a verdict may depend on, with their sources (empty if none).

        Every term of :meth:`unknowns` but the Final Expiration Date: the general threshold,
        the passive tier, the exceptions' caps, the Exempt Persons' caps in shares, whether
        an exception or an exemption has lapsed on its condition, and the grandfathering
        tolerance (remembered: the terms are immutable).
        """
        found = self.memo.get("unknown-limits")
        if found is None:
            items: list[str] = []
            for limit in (self.general, self.passive):
                if isinstance(limit, UnknownLimit):
                    items.append(limit.why())
            items.extend(_unknowns_of(self.exceptions))
            items.extend(_unknowns_of(self.exemptions))
            items.extend(self.grandfathering.unknowns())
            found = self.memo["unknown-limits"] = tuple(items)
        assert isinstance(found, tuple)
        return found

    def known_passive(self) -> Limit | None:
        """The passive tier; :class:`~rightsplan.errors.UnknownTermError` if it is unknown."""
        passive = self.passive
        if isinstance(passive, UnknownLimit):
            raise UnknownTermError(
                f"this answer needs the passive-investor tier, but {passive.why()}"
            )
        return passive

    def exception_for(self, holder: str) -> NamedException | None:
        """The named-holder exception covering ``holder``, if any."""
        return self._index().exceptions_by_name.get(_check.name_key(holder))

    def exemption_for(self, holder: str, kind: HolderKind) -> Exemption | None:
        """The Exempt Person clause covering this holder (the first listed, if several)."""
        lookups = self._index()
        by_name = lookups.exemptions_by_name.get(_check.name_key(holder))
        # No clause is indexed under OTHER, the usual kind: skip hashing it.
        by_kind = None if kind is HolderKind.OTHER else lookups.exemptions_by_category.get(kind)
        found = by_name
        if by_kind is not None and (by_name is None or by_kind[0] < by_name[0]):
            found = by_kind  # the clause listed first wins
        return None if found is None else found[1]

    def describe(self) -> str:
        """Every rule in force, one line each, with its source.

        The lines are those of :meth:`provisions`: the thresholds, the named-holder
        exceptions, the Exempt Persons, the grandfathering, ownership and distribution rules
        (marked as rightsplan's defaults where the plan states none), the rights agent, the
        Final Expiration Date and any ending.
        """
        return "\n".join(provision.describe() for provision in self.provisions())

    def provisions(self) -> tuple[Provision, ...]:
        """Every rule in force, in the order :meth:`describe` lists them, each with its source."""
        return (
            *self._head_provisions(),
            *(_exception_provision(exception) for exception in self.exceptions),
            *(_exemption_provision(exemption) for exemption in self.exemptions),
            *self._last_provisions(),
        )

    def to_json(self) -> dict[str, JSONValue]:
        """These terms as JSON-ready values: the company, every rule, every instrument.

        The keys are documented in :doc:`/plan-files` ("The terms as JSON"); percentages
        are exact text (``"4.99"``, ``"33 1/3"``) that :func:`~rightsplan.to_percent` reads
        back to the very same :class:`~fractions.Fraction`.
        """
        return {
            "company": self.company,
            "rules": [provision.to_json() for provision in self.provisions()],
            "instruments": [source_json(source) for source in self.instruments],
        }

    def describe_since(self, previous: Terms | None) -> str:
        """The lines of :meth:`describe` worth reading after ``previous``'s.

        The thresholds are always listed, and so are the named-holder exceptions when there
        are at most :data:`EXCEPTIONS_ALWAYS_LISTED` of them (beyond that, the new ones and
        a count of the others); other terms (Exempt Persons, the grandfathering, ownership
        and distribution rules, the rights agent, the Final Expiration Date, an ending)
        only where they differ from ``previous``. A clause is new when it is not one of
        ``previous``'s (the same object, as a replay keeps it), so each period of a long
        plan costs the changes it made, not every clause again.
        """
        return "\n".join(self._lines(previous))

    def _lines(self, previous: Terms | None) -> list[str]:
        lines = [provision.describe() for provision in self._head_provisions()]
        exceptions: Sequence[NamedException] = self.exceptions
        if previous is not None and len(exceptions) > EXCEPTIONS_ALWAYS_LISTED:
            exceptions = _new_items(self.exceptions, previous.exceptions)
        lines.extend(_exception_provision(exception).describe() for exception in exceptions)
        if len(exceptions) < len(self.exceptions):
            lines.append(
                f"Exceptions for {len(self.exceptions) - len(exceptions)} other holders: "
                "as in the period before"
            )
        exemptions = self.exemptions
        for exemption in (
            exemptions if previous is None else _new_items(exemptions, previous.exemptions)
        ):
            lines.append(_exemption_provision(exemption).describe())
        last = [provision.describe() for provision in self._last_provisions()]
        if previous is not None:
            before = {provision.describe() for provision in previous._last_provisions()}
            last = [line for line in last if line not in before]
        return lines + last

    def _head_provisions(self) -> list[Provision]:
        provisions = [_limit_provision(self.general)]
        if self.passive is not None:
            provisions.append(_limit_provision(self.passive))
        return provisions

    def _last_provisions(self) -> list[Provision]:
        provisions = [
            _grandfathering_provision(self.grandfathering),
            _ownership_provision(self.ownership),
            _distribution_provision(self.distribution),
        ]
        if self.rights_agent is not None:
            agent = self.rights_agent
            provisions.append(
                Provision(
                    ProvisionKind.RIGHTS_AGENT, agent.name, agent.source, {"name": agent.name}
                )
            )
        if self.expiration is not None:
            provisions.append(_expiration_provision(self.expiration))
        if self.ended is not None:
            provisions.append(_ending_provision(self.ended))
        return provisions


def _exempt_text(exemption: Exemption) -> str:
    text = exemption.name
    if exemption.members:
        text += f" ({'; '.join(exemption.members)})"
    if exemption.share_cap is not None:
        text += f", up to {share_cap_words(exemption.share_cap)}"
    if exemption.proviso is not None:
        text += f" (proviso: {exemption.proviso})"
    if exemption.lapse is not None:
        text += f" (lapses {exemption.lapse}; not known to have lapsed)"
    return text


EXCEPTIONS_ALWAYS_LISTED = 12
"""Up to this many named-holder exceptions, :meth:`Terms.describe_since` lists them all."""


def _new_items(mine: Sequence[_T], theirs: Sequence[_T]) -> Sequence[_T]:
    """The clauses in ``mine`` that are not in ``theirs`` (by identity), in order."""
    # A replay's next period: the few changes between them say which.
    if isinstance(mine, _Clauses):
        added = mine.added_since(theirs)
        if added is not None:
            return added
    # The usual case, compared in C (identical items compare equal without a call): the
    # clauses were kept and some added after them.
    if tuple(mine[: len(theirs)]) == tuple(theirs):
        return mine[len(theirs) :]
    # Otherwise (some were removed or replaced) find the new ones by identity, still in C,
    # and only put those few back in order.
    position = dict(zip(map(id, mine), range(len(mine)), strict=True))
    new = position.keys() - set(map(id, theirs))
    return [mine[index] for index in sorted(map(position.__getitem__, new))]


# --- the terms in words and as JSON -----------------------------------------------------------

JSONValue: TypeAlias = "str | int | bool | list[JSONValue] | dict[str, JSONValue] | None"
"""What :meth:`Terms.to_json` is made of: values :func:`json.dumps` writes as they are."""

DEFAULT_CITATION = "rightsplan's default (not stated in the plan file)"
"""What a rule cites when the plan file does not state it and rightsplan's default applies."""


class ProvisionKind(enum.Enum):
    """Which rule of the terms a :class:`Provision` states (its ``kind`` in JSON)."""

    GENERAL = "general"
    """The general threshold of the definition of Acquiring Person."""
    PASSIVE = "passive"
    """The passive-investor tier (holders eligible to report on Schedule 13G)."""
    EXCEPTION = "exception"
    """A named holder's exception, up to its cap."""
    EXEMPT_PERSON = "exempt-person"
    """An Exempt Person: a named holder or a kind of holder (the Company, its Subsidiaries...)."""
    GRANDFATHERING = "grandfathering"
    """What holders already over the threshold when it was adopted may still acquire."""
    OWNERSHIP = "ownership"
    """How beneficial ownership is counted, the buyback tolerance, whether status sticks."""
    DISTRIBUTION = "distribution"
    """When the rights separate after a Shares Acquisition Date."""
    RIGHTS_AGENT = "rights-agent"
    """The rights agent in office."""
    EXPIRATION = "expiration"
    """The Final Expiration Date."""
    ENDED = "ended"
    """The plan's end by termination or redemption."""


_HEADINGS = {
    ProvisionKind.GENERAL: "General rule",
    ProvisionKind.PASSIVE: "Passive-investor tier",
    ProvisionKind.EXEMPT_PERSON: "Exempt Person",
    ProvisionKind.GRANDFATHERING: "Grandfathering",
    ProvisionKind.OWNERSHIP: "Beneficial ownership",
    ProvisionKind.DISTRIBUTION: "Distribution Date",
    ProvisionKind.RIGHTS_AGENT: "Rights agent",
    ProvisionKind.EXPIRATION: "Final Expiration Date",
    ProvisionKind.ENDED: "Ended",
}


@attrs.frozen
class Provision:
    """One rule of the terms in force: in words, as values, and the instrument that set it.

    ``source`` is ``None`` for a rule the plan does not state, where rightsplan's default
    applies (:data:`DEFAULT_CITATION`). ``values`` are the rule's own fields, JSON-ready, as
    documented in :doc:`/plan-files`.

    >>> from rightsplan import examples
    >>> terms = examples.innotrac().terms_at("2003-11-24")
    >>> general = terms.provisions()[0]
    >>> general.kind, general.text, general.source.instrument
    (<ProvisionKind.GENERAL: 'general'>, '15% or more', 'Rights Agreement')
    """

    kind: ProvisionKind
    text: str
    """The rule in words, without its heading or citation."""
    source: Source | None
    values: dict[str, JSONValue] = attrs.field(eq=False, hash=False, repr=False)
    heading: str = attrs.field(kw_only=True, default="")
    """The line's heading; the kind's own (``"General rule"``...) when empty."""

    def citation(self) -> str:
        """The source's citation, or :data:`DEFAULT_CITATION`."""
        return DEFAULT_CITATION if self.source is None else self.source.cite()

    def describe(self) -> str:
        """The rule on one line: heading, words and citation."""
        return f"{self.heading or _HEADINGS[self.kind]}: {self.text} — {self.citation()}"

    def to_json(self) -> dict[str, JSONValue]:
        """``kind``, ``text``, ``citation``, ``source`` (``null`` for a default), then values."""
        return {
            "kind": self.kind.value,
            "text": self.text,
            "citation": self.citation(),
            "source": None if self.source is None else source_json(self.source),
            **self.values,
        }


def source_json(source: Source) -> dict[str, JSONValue]:
    """A :class:`~rightsplan.sources.Source` as JSON-ready values (absent parts ``null``)."""
    return {
        "instrument": source.instrument,
        "date": source.date.isoformat(),
        "section": source.section,
        "quote": source.quote,
        "document": source.document,
        "note": source.note,
        "citation": source.cite(),
    }


def threshold_json(threshold: Threshold | None) -> JSONValue:
    """A threshold as ``{"percent": "4.99", "comparison": "at-least", "text": ...}``.

    ``percent`` is exact text (:func:`~rightsplan.percent.format_percent`): a decimal, or
    a mixed number like ``"33 1/3"``, never a rounded float.
    """
    if threshold is None:
        return None
    return {
        "percent": format_percent(threshold.percent),
        "comparison": threshold.comparison.value,
        "text": threshold.describe(),
    }


def _general_words(limit: Limit | UnknownLimit) -> str:
    return limit.describe() if isinstance(limit, UnknownLimit) else limit.threshold.describe()


def _unknown_threshold_json(threshold: UnknownThreshold) -> dict[str, JSONValue]:
    """An unknown threshold's bounds, wording and reason (the ``"unknown"`` of a rule)."""
    percent, comparison = threshold.percent, threshold.comparison
    return {
        "at_least": _percent_text(percent.at_least),
        "at_most": _percent_text(percent.at_most),
        "comparison": None if comparison is None else comparison.value,
        "reason": percent.reason,
    }


def _maybe_threshold_json(threshold: Threshold | UnknownThreshold | None) -> JSONValue:
    """A threshold as :func:`threshold_json`, or an unknown one as ``{"unknown": true, ...}``."""
    if isinstance(threshold, UnknownThreshold):
        return {"unknown": True, **_unknown_threshold_json(threshold)}
    return threshold_json(threshold)


def _share_cap_json(cap: int | UnknownShares | None) -> JSONValue:
    """A cap in shares: a number, ``null``, or ``{"unknown": true, "at_least": ...}``."""
    if isinstance(cap, UnknownShares):
        return {
            "unknown": True,
            "at_least": cap.at_least,
            "at_most": cap.at_most,
            "reason": cap.reason,
        }
    return cap


def share_cap_words(cap: int | UnknownShares) -> str:
    """A cap in shares in words: ``"3,501,585 shares"`` or ``"an unknown number of shares"``.

    With the bounds of an unknown one: ``"an unknown number of shares (at least 1,000
    shares)"``.
    """
    if isinstance(cap, UnknownShares):
        bounds = cap.bounds()
        return "an unknown number of shares" + (f" ({bounds})" if bounds else "")
    return f"{cap:,} shares"


def _limit_provision(limit: Limit | UnknownLimit) -> Provision:
    kind = ProvisionKind.PASSIVE if limit.kind is LimitKind.PASSIVE else ProvisionKind.GENERAL
    if isinstance(limit, UnknownLimit):
        return Provision(
            kind,
            limit.describe(),
            limit.source,
            {"threshold": None, "unknown": _unknown_threshold_json(limit.threshold)},
        )
    text = limit.threshold.describe()
    return Provision(kind, text, limit.source, {"threshold": threshold_json(limit.threshold)})


def _percent_text(value: Fraction | None) -> str | None:
    return None if value is None else format_percent(value)


def _expiration_provision(expiration: Expiration) -> Provision:
    date = expiration.date
    values: dict[str, JSONValue] = {
        "date": date.isoformat() if isinstance(date, pendulum.Date) else None,
        "condition": expiration.condition,
    }
    if isinstance(date, UnknownDate):
        values["unknown"] = {
            "on_or_after": None if date.on_or_after is None else date.on_or_after.isoformat(),
            "on_or_before": None if date.on_or_before is None else date.on_or_before.isoformat(),
            "reason": date.reason,
        }
    return Provision(ProvisionKind.EXPIRATION, expiration.describe(), expiration.source, values)


def _exception_provision(exception: NamedException) -> Provision:
    members = f" ({'; '.join(exception.members)})" if exception.members else ""
    ends = f"it holds {exception.cap.describe()}"
    if exception.share_cap is not None:
        ends += f" or more than {share_cap_words(exception.share_cap)}"
    if exception.requires_passive:
        ends += " or stops being passive"
    if exception.proviso is not None:
        ends += f" (proviso: {exception.proviso})"
    if exception.lapse is not None:
        ends += f" (lapses {exception.lapse}; not known to have lapsed)"
    return Provision(
        ProvisionKind.EXCEPTION,
        f"not an Acquiring Person unless {ends}",
        exception.source,
        {
            "holder": exception.holder,
            "members": list(exception.members),
            "cap": _maybe_threshold_json(exception.cap),
            "share_cap": _share_cap_json(exception.share_cap),
            "requires_passive": exception.requires_passive,
            "proviso": exception.proviso,
            "lapse": exception.lapse,
        },
        heading=f"Exception for {exception.holder}{members}",
    )


def _exemption_provision(exemption: Exemption) -> Provision:
    category = None if exemption.category is None else exemption.category.value
    return Provision(
        ProvisionKind.EXEMPT_PERSON,
        _exempt_text(exemption),
        exemption.source,
        {
            "name": exemption.name,
            "category": category,
            "members": list(exemption.members),
            "share_cap": _share_cap_json(exemption.share_cap),
            "proviso": exemption.proviso,
            "lapse": exemption.lapse,
        },
    )


_CUTOFFS = {
    GrandfatherCutoff.BEFORE_ADOPTION: "immediately before the adoption",
    GrandfatherCutoff.CLOSE_OF_BUSINESS: "at the close of business on the adoption day",
}


def _grandfathering_provision(rule: Grandfathering) -> Provision:
    if rule.tolerance is None:
        allowed = "may acquire no additional share"
    else:
        base = (
            "its lowest holding since"
            if rule.measured_from is GrandfatherBase.LOWEST_SINCE
            else "its holding when grandfathered"
        )
        allowed = (
            f"may acquire additional shares short of {rule.tolerance.describe()} "
            f"of the shares outstanding, measured from {base} ({rule.measured_from.value})"
        )
    parts = [
        f"a holder at or above the threshold {_CUTOFFS[rule.cutoff]} ({rule.cutoff.value}) "
        f"{allowed}"
    ]
    if rule.cap is not None:
        parts.append(f"never up to {rule.cap.describe()}")
    if rule.lapses_below_threshold:
        parts.append("the grandfathering lapses once the holder falls below the threshold")
    if rule.exercise_ends:
        parts.append("exercising rights to acquire while at or above the threshold ends it")
    return Provision(
        ProvisionKind.GRANDFATHERING,
        "; ".join(parts),
        rule.source,
        {
            "tolerance": _maybe_threshold_json(rule.tolerance),
            "measured_from": rule.measured_from.value,
            "cap": threshold_json(rule.cap),
            "lapses_below_threshold": rule.lapses_below_threshold,
            "cutoff": rule.cutoff.value,
            "exercise_ends": rule.exercise_ends,
        },
    )


_RIGHTS_TO_ACQUIRE = {
    RightsToAcquire.WITHIN_60_DAYS: "rights to acquire exercisable within 60 days",
    RightsToAcquire.ALL: "all rights to acquire",
    RightsToAcquire.NONE: "no rights to acquire",
}


def _ownership_provision(rule: OwnershipRules) -> Provision:
    counted = f"shares, {_RIGHTS_TO_ACQUIRE[rule.rights_to_acquire]}"
    counted += ", and derivatives" if rule.derivatives_counted else ", not derivatives"
    tolerance = format_percent(rule.buyback_tolerance)
    buyback = (
        "a holder over the threshold only by a buyback may acquire no additional share"
        if not rule.buyback_tolerance
        else f"a holder over the threshold only by a buyback may acquire "
        f"{tolerance} percentage points more"
    )
    sticky = (
        "an Acquiring Person stays one after selling down"
        if rule.sticky
        else "an Acquiring Person that sells below the threshold is one no longer"
    )
    return Provision(
        ProvisionKind.OWNERSHIP,
        f"counts {counted}; {buyback}; {sticky}",
        rule.source,
        {
            "derivatives_counted": rule.derivatives_counted,
            "rights_to_acquire": rule.rights_to_acquire.value,
            "buyback_tolerance": tolerance,
            "sticky": rule.sticky,
        },
    )


def _distribution_provision(rule: DistributionRule) -> Provision:
    unit = "business" if rule.business_days else "calendar"
    return Provision(
        ProvisionKind.DISTRIBUTION,
        f"the close of business on the {_ordinal(rule.days)} {unit} day after the Shares "
        "Acquisition Date",
        rule.source,
        {"days": rule.days, "business_days": rule.business_days},
    )


def _ending_provision(ending: Ending) -> Provision:
    price = "" if ending.price is None else f" at ${ending.price} per right"
    return Provision(
        ProvisionKind.ENDED,
        f"{ending.kind.value} on {ending.on.isoformat()}{price}",
        ending.source,
        {
            "how": ending.kind.value,
            "on": ending.on.isoformat(),
            "price": None if ending.price is None else str(ending.price),
        },
    )


def _ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"
