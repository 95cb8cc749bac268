"""A plan's history and an ownership ledger replayed together, day by day.

Whether a holder is an Acquiring Person depends on what happened before: once one, always one
(unless the plan says otherwise); a grandfathered holder triggers only by acquiring more; a
holder pushed over the line by a buyback is not one until it acquires more; a crossing the
board finds inadvertent does not count if it is cured in time. :func:`replay` walks the plan's
amendments and the ledger's events in date order and records, for every holder, the periods
of each status, the day it first crossed its limit, the day it became an Acquiring Person, and
the clock that runs from there.

Modelling choices, stated once:

- Holdings are evaluated at the end of each day on which something happens.
- A holder becomes an Acquiring Person only on a day it acquires something (shares, counted
  rights or derivatives, or other members' shares by forming a group) or turns active; a day
  on which only the shares outstanding change never makes one.
- When the terms change (adoption, a lower threshold, an exception removed), a holder already
  over the new line before that day's own acquisitions is grandfathered at that holding.
- An inadvertent crossing is cured if the holder is back under its limit (by selling, or
  because the limit rose) on some day from the determination to ``divest_by``; if not, the
  holder was an Acquiring Person from the day it crossed.
- Members of a group, and a holder with its Affiliates, are assessed on their combined
  holding, each share counted once; each member shares the group's status.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from fractions import Fraction
from typing import Protocol

import attrs
import pendulum

from rightsplan import _check
from rightsplan.assess import DEFAULT_WARN_AT, Status, binding_limit, in_force, warn_ratio
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
from rightsplan.percent import Threshold, holding_percent
from rightsplan.plan import Plan
from rightsplan.sources import Source
from rightsplan.terms import GrandfatherBase, HolderKind, Limit, LimitKind, Terms

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
    """A holder's standing from ``start`` on: its status, limit and counted holding.

    ``acquiring_person_since`` is the day it became an Acquiring Person, if it has.
    ``counted`` is the holding of the holder together with its group and Affiliates, as the
    plan counts it; ``label`` names that combination (the group's name, for a group).
    """

    holder: str
    start: pendulum.Date
    status: Status
    reason: str
    label: str
    limit: Limit | None = None
    counted: Counted | None = None
    acquiring_person_since: pendulum.Date | None = None

    @property
    def headroom(self) -> int | None:
        """Shares that may still be acquired before the limit (negative when over)."""
        if self.limit is None or self.counted is None:
            return None
        return self.limit.threshold.max_shares(self.counted.outstanding) - self.counted.shares


@attrs.frozen
class StatusPeriod:
    """A stretch of days (``end`` included; ``None`` when open) with one standing."""

    start: pendulum.Date
    end: pendulum.Date | None
    status: HolderStatus


@attrs.frozen
class Clock:
    """The dates that run after a trigger.

    ``shares_acquisition_date`` is the first public announcement that the holder became an
    Acquiring Person, or, when the ledger records none, the day it became one (an assumption,
    flagged by ``assumed``). ``distribution_date`` is the close of business ``days`` business
    (or calendar) days later, per ``rule_source``.
    """

    shares_acquisition_date: pendulum.Date
    assumed: bool
    distribution_date: pendulum.Date
    days: int
    business_days: bool
    rule_source: Source | None


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
        unit = "business" if clock.business_days else "calendar"
        sad = clock.shares_acquisition_date.isoformat()
        sad_note = " (assumed: no announcement recorded)" if clock.assumed else ""
        return (
            f"{self.label} became an Acquiring Person on {self.on.isoformat()}: {self.cause}, "
            f"crossing {self.limit.describe()} ({self.limit.source.cite()}). "
            f"Shares Acquisition Date {sad}{sad_note}; Distribution Date "
            f"{clock.distribution_date.isoformat()} ({clock.days} {unit} days later)."
        )


@attrs.frozen
class TenderOfferProng:
    """The Distribution Date a commenced tender offer sets, unless the board deferred it."""

    offeror: str
    commenced: pendulum.Date
    distribution_date: pendulum.Date | None
    deferred: bool


@attrs.frozen
class History:
    """The outcome of :func:`replay`: standings over time, triggers, clocks and warnings."""

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
        """The holder's standing over time, as consecutive periods."""
        return self.periods_by_holder[self._key(holder)]

    def status_of(self, holder: str, *, on: DateLike) -> HolderStatus:
        """The holder's standing at the end of ``on``."""
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

    def headroom(self, holder: str, *, on: DateLike) -> int | None:
        """Shares the holder (with its group) may still acquire on ``on`` (``None`` if no limit)."""
        return self.status_of(holder, on=on).headroom

    def first_crossing(self, holder: str) -> pendulum.Date | None:
        """The first day the holder (with its group) was over its limit, excused or not."""
        return self.crossings.get(self._key(holder))

    def triggers(self) -> tuple[Trigger, ...]:
        """Everyone who became an Acquiring Person: who, when, which rule, the clock."""
        return self.trigger_list

    def distribution_date(self) -> pendulum.Date | None:
        """The earliest Distribution Date set by any trigger or undeferred tender offer."""
        dates = [t.clock.distribution_date for t in self.trigger_list]
        dates += [t.distribution_date for t in self.tender_offers if t.distribution_date]
        return min(dates) if dates else None

    def describe(self) -> str:
        """Every holder's periods, the triggers and the warnings, readable."""
        lines: list[str] = []
        for key, periods in self.periods_by_holder.items():
            lines.append(self.names[key])
            for period in periods:
                end = period.end.isoformat() if period.end else "onwards"
                standing = period.status
                extra = ""
                if standing.counted is not None and standing.limit is not None:
                    extra = (
                        f" — {standing.counted.shares:,} of {standing.counted.outstanding:,} "
                        f"against {standing.limit.describe()}"
                    )
                lines.append(
                    f"  {period.start.isoformat()} to {end}: {standing.status.name}{extra}"
                )
        for trigger in self.trigger_list:
            lines.append(trigger.explain())
        lines.extend(f"Warning: {warning}" for warning in self.warnings)
        return "\n".join(lines)


# --- the replay -------------------------------------------------------------------------


@attrs.define
class _Holder:
    name: str
    shares: int = 0
    rights: int = 0
    rights_later: int = 0
    derivatives: int = 0
    passive: bool = False
    kind: HolderKind = HolderKind.OTHER


@attrs.define
class _Excuse:
    """Why a component over its limit is not an Acquiring Person."""

    kind: str  # "grandfathered" | "buyback" | "inadvertent"
    base_shares: int
    base_percent: Fraction
    since: pendulum.Date
    divest_by: pendulum.Date | None = None
    crossed_on: pendulum.Date | None = None
    limit: Limit | None = None
    cause: str = ""


@attrs.define
class _Standing:
    """A holder's mutable standing during the replay."""

    ap_since: pendulum.Date | None = None
    ap_limit: Limit | None = None
    ap_cause: str = ""
    excuse: _Excuse | None = None


class _Settle(Protocol):
    def __call__(
        self,
        status: Status,
        reason: str,
        *,
        ap_since: pendulum.Date | None = None,
        ap_limit: Limit | None = None,
        cause: str = "",
        new_excuse: _Excuse | None = None,
    ) -> None: ...


def _position(holder: _Holder, outstanding: int) -> Position:
    return Position(
        holder.name,
        holder.shares,
        outstanding,
        passive=holder.passive,
        kind=holder.kind,
        rights_to_acquire=holder.rights,
        rights_to_acquire_later=holder.rights_later,
        derivatives=holder.derivatives,
    )


class _Replay:
    def __init__(self, plan: Plan, warn_at: Fraction) -> None:
        self.plan = plan
        self.warn_at = warn_at
        self.outstanding: int | None = None
        self.holders: dict[str, _Holder] = {}
        self.names: dict[str, str] = {}
        self.groups: dict[str, tuple[str, frozenset[str]]] = {}
        self.links: set[frozenset[str]] = set()
        self.board_exemptions: dict[str, tuple[Threshold | None, Source]] = {}
        self.standing: dict[str, _Standing] = {}
        self.records: dict[str, list[HolderStatus]] = {}
        self.crossings: dict[str, pendulum.Date] = {}
        self.triggers: list[tuple[str, tuple[str, ...], pendulum.Date, Limit, str]] = []
        self.warnings: list[str] = []
        self.previous_terms: Terms | None = None
        self.previous_in_force = False
        self.acquired: set[str] = set()
        self.turned_active: set[str] = set()
        self.joined: set[str] = set()

    # -- events --------------------------------------------------------------------------

    def holder(self, name: str) -> _Holder:
        key = _check.name_key(name)
        if key not in self.holders:
            self.holders[key] = _Holder(name)
            self.names.setdefault(key, name)
            self.standing[key] = _Standing()
            self.records[key] = []
        return self.holders[key]

    def need_outstanding(self, event: Event) -> int:
        if self.outstanding is None:
            raise LedgerError(
                f"{_where(event)}: the shares outstanding are not known yet; record an "
                "OutstandingChanged event on or before this one"
            )
        return self.outstanding

    def apply(self, event: Event) -> None:
        if isinstance(event, Acquisition | Disposition):
            self.need_outstanding(event)
            holder = self.holder(event.holder)
            sign = 1 if isinstance(event, Acquisition) else -1
            for field, amount in (
                ("shares", event.shares),
                ("rights", event.rights_to_acquire),
                ("rights_later", event.rights_to_acquire_later),
                ("derivatives", event.derivatives),
            ):
                value = getattr(holder, field) + sign * amount
                if value < 0:
                    raise LedgerError(
                        f"{_where(event)}: {holder.name} disposes of more {_FIELD_WORDS[field]} "
                        f"({amount:,}) than it holds ({getattr(holder, field):,})"
                    )
                setattr(holder, field, value)
            if sign > 0:
                self.acquired.add(_check.name_key(holder.name))
            self.check_capacity(event)
        elif isinstance(event, PositionReported):
            self.need_outstanding(event)
            holder = self.holder(event.holder)
            before = (holder.shares, holder.rights, holder.rights_later, holder.derivatives)
            holder.shares = event.shares
            if event.rights_to_acquire is not None:
                holder.rights = event.rights_to_acquire
            if event.rights_to_acquire_later is not None:
                holder.rights_later = event.rights_to_acquire_later
            if event.derivatives is not None:
                holder.derivatives = event.derivatives
            after = (holder.shares, holder.rights, holder.rights_later, holder.derivatives)
            if any(a > b for a, b in zip(after, before, strict=True)):
                self.acquired.add(_check.name_key(holder.name))
            if event.passive is not None:
                if holder.passive and not event.passive:
                    self.turned_active.add(_check.name_key(holder.name))
                holder.passive = event.passive
            self.check_capacity(event)
        elif isinstance(event, RightsExercised):
            self.need_outstanding(event)
            holder = self.holder(event.holder)
            field = "rights_later" if event.later else "rights"
            if getattr(holder, field) < event.shares:
                raise LedgerError(
                    f"{_where(event)}: {holder.name} exercises more {_FIELD_WORDS[field]} "
                    f"({event.shares:,}) than it holds ({getattr(holder, field):,})"
                )
            setattr(holder, field, getattr(holder, field) - event.shares)
            holder.shares += event.shares
            self.check_capacity(event)
        elif isinstance(event, OutstandingChanged):
            self.outstanding = event.outstanding
            self.check_capacity(event)
        elif isinstance(event, StockSplit):
            outstanding = self.need_outstanding(event)
            scaled = outstanding * event.ratio
            if scaled.denominator != 1:
                raise LedgerError(
                    f"{_where(event)}: {outstanding:,} shares times {event.ratio} is not a whole "
                    "number; record the shares outstanding after the split with "
                    "OutstandingChanged instead"
                )
            self.outstanding = int(scaled)
            for holder in self.holders.values():
                for field in ("shares", "rights", "rights_later", "derivatives"):
                    setattr(holder, field, int(getattr(holder, field) * event.ratio))
            for standing in self.standing.values():
                if standing.excuse is not None:
                    standing.excuse.base_shares = int(standing.excuse.base_shares * event.ratio)
        elif isinstance(event, PassivityChanged):
            holder = self.holder(event.holder)
            if holder.passive and not event.passive:
                self.turned_active.add(_check.name_key(holder.name))
            holder.passive = event.passive
        elif isinstance(event, GroupFormed):
            key = _check.name_key(event.group)
            if key in self.groups:
                raise LedgerError(f"{_where(event)}: group {event.group!r} already exists")
            members = frozenset(_check.name_key(self.holder(m).name) for m in event.members)
            self.groups[key] = (event.group, members)
            self.names.setdefault(key, event.group)
            self.standing.setdefault(key, _Standing())
            self.records.setdefault(key, [])
            self.joined.update(members)
        elif isinstance(event, GroupDissolved):
            key = _check.name_key(event.group)
            if key not in self.groups:
                raise LedgerError(f"{_where(event)}: there is no group {event.group!r} to dissolve")
            del self.groups[key]
            dissolved = self.standing.get(key)
            ap_since = dissolved.ap_since if dissolved is not None else None
            self.record(
                key,
                event.on,
                Status.TRIGGERED if ap_since is not None else Status.CLEAR,
                f"The group dissolved on {event.on.isoformat()}."
                + (f" It became an Acquiring Person on {ap_since}." if ap_since else ""),
                key,
                None,
                None,
                ap_since,
            )
        elif isinstance(event, Affiliated):
            pair = frozenset(
                {
                    _check.name_key(self.holder(event.holder).name),
                    _check.name_key(self.holder(event.affiliate).name),
                }
            )
            self.links.add(pair)
            self.joined.update(pair)
        elif isinstance(event, ExemptionGranted):
            self.holder(event.holder)
            source = Source("Board determination", event.on, document=event.source)
            self.board_exemptions[_check.name_key(event.holder)] = (event.cap(), source)
        elif isinstance(event, ExemptionRevoked):
            key = _check.name_key(event.holder)
            if key not in self.board_exemptions:
                raise LedgerError(f"{_where(event)}: {event.holder!r} has no board exemption")
            del self.board_exemptions[key]
        elif isinstance(event, InadvertenceDetermination):
            self.determine_inadvertence(event)
        elif isinstance(event, AcquiringPersonAnnounced):
            self.holder(event.holder)
        elif isinstance(event, TenderOfferCommenced):
            pass  # read from the ledger when the clock is computed

    def check_capacity(self, event: Event) -> None:
        outstanding = self.outstanding
        if outstanding is None:
            return
        for holder in self.holders.values():
            if holder.shares > outstanding:
                raise LedgerError(
                    f"{_where(event)}: {holder.name} would hold {holder.shares:,} shares, more "
                    f"than the {outstanding:,} outstanding"
                )

    # -- components --------------------------------------------------------------------

    def components(self) -> list[tuple[str, str, frozenset[str]]]:
        """(key, label, member keys) for each set of holders assessed together."""
        parent = {key: key for key in self.holders}

        def find(key: str) -> str:
            while parent[key] != key:
                parent[key] = parent[parent[key]]
                key = parent[key]
            return key

        def union(a: str, b: str) -> None:
            parent[find(a)] = find(b)

        for _, members in self.groups.values():
            first, *rest = sorted(members)
            for other in rest:
                union(first, other)
        for pair in self.links:
            first, *rest = sorted(pair)
            for other in rest:
                union(first, other)
        by_root: dict[str, set[str]] = {}
        for key in self.holders:
            by_root.setdefault(find(key), set()).add(key)
        result = []
        for root_members in by_root.values():
            frozen = frozenset(root_members)
            groups = [(k, name) for k, (name, m) in self.groups.items() if m <= frozen]
            if groups:
                key, label = groups[0]
            else:
                key = min(root_members, key=list(self.holders).index)
                label = self.holders[key].name
            result.append((key, label, frozen))
        return result

    def counted(self, members: frozenset[str], terms: Terms) -> Counted:
        outstanding = self.outstanding or 0
        total = Counted(0, outstanding)
        for key in members:
            part = _position(self.holders[key], outstanding).counted(terms.ownership)
            total = Counted(
                total.shares + part.shares,
                total.outstanding + part.rights,
                total.rights + part.rights,
                total.derivatives + part.derivatives,
            )
        return total

    def limit(
        self, label: str, members: frozenset[str], terms: Terms
    ) -> tuple[Limit | None, str | None]:
        """The binding limit for a component, or (None, why exempt)."""
        names = [self.holders[k].name for k in members]
        if label not in names:
            names.append(label)
        for key in members:
            holder = self.holders[key]
            exemption = terms.exemption_for(holder.name, holder.kind)
            if exemption is not None:
                return None, f"{holder.name} is an Exempt Person per {exemption.source.cite()}"
        passive = all(self.holders[k].passive for k in members)
        limits: list[Limit] = []
        for name in names:
            _, limit = binding_limit(terms, name, passive=passive)
            limits.append(limit)
            granted = self.board_exemptions.get(_check.name_key(name))
            if granted is not None:
                cap, source = granted
                if cap is None:
                    return None, f"{name} is exempt by {source.cite()}"
                limits.append(Limit(cap, LimitKind.EXCEPTION, source, holder=name))
        return max(limits, key=lambda lim: lim.threshold.sort_key()), None

    # -- inadvertence ------------------------------------------------------------------

    def determine_inadvertence(self, event: InadvertenceDetermination) -> None:
        self.holder(event.holder)
        key = _check.name_key(event.holder)
        component = next(c for c in self.components() if key in c[2])
        ckey, label, members = component
        standing = self.standing.get(ckey) or self.standing[key]
        ap_since = standing.ap_since
        if ap_since is None:
            self.warnings.append(
                f"{_where(event)}: the board found {event.holder}'s crossing inadvertent, but "
                f"{label} is not an Acquiring Person then; the determination has no effect"
            )
            return
        excuse = _Excuse(
            "inadvertent",
            0,
            Fraction(0),
            event.on,
            divest_by=event.divest_by,
            crossed_on=ap_since,
            limit=standing.ap_limit,
            cause=standing.ap_cause,
        )
        for k in {ckey, *members}:
            s = self.standing.setdefault(k, _Standing())
            s.ap_since, s.ap_limit, s.ap_cause, s.excuse = None, None, "", excuse
            self.relabel(k, ap_since, Status.EXCUSED, self.inadvertent_reason(excuse), None)
        self.triggers = [t for t in self.triggers if not (t[2] == ap_since and t[0] == label)]

    @staticmethod
    def inadvertent_reason(excuse: _Excuse) -> str:
        assert excuse.divest_by is not None
        return (
            f"Over the limit, but the board found the crossing inadvertent: not an Acquiring "
            f"Person if back under the limit by {excuse.divest_by.isoformat()}."
        )

    def relabel(
        self,
        key: str,
        since: pendulum.Date,
        status: Status,
        reason: str,
        ap_since: pendulum.Date | None,
    ) -> None:
        records = self.records.get(key, [])
        for index, record in enumerate(records):
            if record.start >= since:
                records[index] = attrs.evolve(
                    record, status=status, reason=reason, acquiring_person_since=ap_since
                )

    # -- one day -------------------------------------------------------------------------

    def day(self, day: pendulum.Date, events: tuple[Event, ...]) -> None:
        self.acquired, self.turned_active, self.joined = set(), set(), set()
        terms, why_not = in_force(self.plan, day)
        pre: dict[frozenset[str], Counted] = {}
        if terms is not None and self.outstanding is not None:
            for _, _, members in self.components():
                pre[members] = self.counted(members, terms)
        for event in events:
            self.apply(event)
        if terms is None or why_not is not None:
            for key in self.holders:
                self.record(
                    key, day, Status.INACTIVE, f"No plan in force: {why_not}.", key, None, None
                )
            self.previous_terms, self.previous_in_force = terms, False
            return
        if self.outstanding is None:
            # Nothing can be assessed before the shares outstanding are known; holders named
            # so far (by a passivity change, say) get their first record once they are.
            self.previous_terms, self.previous_in_force = terms, False
            return
        changed = not self.previous_in_force or terms != self.previous_terms
        for key, label, members in self.components():
            self.evaluate(day, terms, changed, key, label, members, pre)
        if changed and self.previous_terms is not None and self.previous_in_force:
            self.warn_loosening(day, self.previous_terms, terms)
        self.previous_terms, self.previous_in_force = terms, True

    def evaluate(
        self,
        day: pendulum.Date,
        terms: Terms,
        changed: bool,
        key: str,
        label: str,
        members: frozenset[str],
        pre: dict[frozenset[str], Counted],
    ) -> None:
        keys = {key, *members}
        standings = [self.standing.setdefault(k, _Standing()) for k in keys]
        counted = self.counted(members, terms)
        limit, exempt = self.limit(label, members, terms)
        ap = next((s for s in standings if s.ap_since is not None), None)
        excuse = next((s.excuse for s in standings if s.excuse is not None), None)

        def settle(
            status: Status,
            reason: str,
            *,
            ap_since: pendulum.Date | None = None,
            ap_limit: Limit | None = None,
            cause: str = "",
            new_excuse: _Excuse | None = None,
        ) -> None:
            for k in keys:
                s = self.standing[k]
                if status is Status.TRIGGERED:
                    s.ap_since, s.ap_limit, s.ap_cause = ap_since, ap_limit, cause
                s.excuse = new_excuse
                self.record(k, day, status, reason, label, limit, counted, ap_since)

        if limit is None:
            if ap is not None:
                settle(
                    Status.TRIGGERED,
                    f"An Acquiring Person since {ap.ap_since}; the exemption came after.",
                    ap_since=ap.ap_since,
                    ap_limit=ap.ap_limit,
                    cause=ap.ap_cause,
                )
            else:
                settle(Status.EXEMPT, f"{exempt}.")
            return

        crossed = limit.threshold.crossed_by(counted.shares, counted.outstanding)
        if crossed:
            for k in keys:
                self.crossings.setdefault(k, day)

        if ap is not None and (terms.ownership.sticky or crossed):
            settle(
                Status.TRIGGERED,
                f"An Acquiring Person since {ap.ap_since} ({ap.ap_cause}).",
                ap_since=ap.ap_since,
                ap_limit=ap.ap_limit,
                cause=ap.ap_cause,
            )
            return
        if ap is not None:
            for s in standings:
                s.ap_since, s.ap_limit, s.ap_cause = None, None, ""

        acquired = bool(keys & self.acquired) or bool(members & self.joined)
        turned_active = bool(members & self.turned_active)
        before = pre.get(members)
        if before is None:
            # membership changed today: the members' own holdings before today's events
            before = Counted(0, counted.outstanding)
            for old_members in pre:
                if old_members <= members:
                    part = pre[old_members]
                    before = Counted(before.shares + part.shares, counted.outstanding)

        if excuse is not None and excuse.kind == "inadvertent":
            assert excuse.divest_by is not None
            assert excuse.crossed_on is not None
            if not crossed:
                settle(*self.plain(counted, limit), new_excuse=None)
                return
            if day > excuse.divest_by:
                cause = f"{excuse.cause}; not cured by {excuse.divest_by.isoformat()}"
                for k in keys:
                    self.relabel(
                        k,
                        excuse.crossed_on,
                        Status.TRIGGERED,
                        _ap_reason(excuse.crossed_on, cause),
                        excuse.crossed_on,
                    )
                self.triggers.append(
                    (
                        label,
                        self.member_names(members),
                        excuse.crossed_on,
                        excuse.limit or limit,
                        cause,
                    )
                )
                settle(
                    Status.TRIGGERED,
                    _ap_reason(excuse.crossed_on, cause),
                    ap_since=excuse.crossed_on,
                    ap_limit=excuse.limit or limit,
                    cause=cause,
                )
                return
            settle(Status.EXCUSED, self.inadvertent_reason(excuse), new_excuse=excuse)
            return

        if not crossed:
            if excuse is not None and excuse.kind == "grandfathered":
                rules = terms.grandfathering
                if rules.lapses_below_threshold:
                    settle(*self.plain(counted, limit), new_excuse=None)
                    return
                self.lower_base(excuse, counted, terms)
                settle(*self.plain(counted, limit), new_excuse=excuse)
                return
            settle(*self.plain(counted, limit), new_excuse=None)
            return

        # Over the limit, and not (yet) an Acquiring Person.
        if (
            excuse is None
            and changed
            and before is not None
            and limit.threshold.crossed_by(before.shares, before.outstanding)
        ):
            excuse = _Excuse(
                "grandfathered",
                before.shares,
                holding_percent(before.shares, before.outstanding),
                day,
            )
        if excuse is None and changed and not acquired and not turned_active:
            excuse = _Excuse("grandfathered", counted.shares, counted.percent, day)

        if excuse is not None and excuse.kind == "grandfathered":
            self.lower_base(excuse, counted, terms)
            broke = self.grandfather_broken(excuse, counted, terms) if acquired else None
            if broke is None:
                settle(
                    Status.EXCUSED,
                    f"Over the limit, but grandfathered since {excuse.since.isoformat()} "
                    f"({_rule_text(terms.grandfathering.source)}).",
                    new_excuse=excuse,
                )
                return
            self.become_ap(day, label, members, limit, broke, settle)
            return

        if excuse is not None and excuse.kind == "buyback":
            if acquired:
                added = holding_percent(counted.shares - excuse.base_shares, counted.outstanding)
                if (
                    counted.shares > excuse.base_shares
                    and added > terms.ownership.buyback_tolerance
                ):
                    self.become_ap(
                        day,
                        label,
                        members,
                        limit,
                        "acquired more shares while over the line after a buyback",
                        settle,
                    )
                    return
            settle(
                Status.EXCUSED,
                "Over the limit only because the shares outstanding fell (a buyback): not an "
                "Acquiring Person unless it acquires more.",
                new_excuse=excuse,
            )
            return

        if turned_active:
            self.become_ap(day, label, members, limit, "turned active (no longer passive)", settle)
            return
        if acquired:
            cause = "formed a group" if members & self.joined else "acquired shares"
            self.become_ap(day, label, members, limit, cause, settle)
            return
        excuse = _Excuse("buyback", counted.shares, counted.percent, day)
        settle(
            Status.EXCUSED,
            "Over the limit only because the shares outstanding fell (a buyback): not an "
            "Acquiring Person unless it acquires more.",
            new_excuse=excuse,
        )

    def plain(self, counted: Counted, limit: Limit) -> tuple[Status, str]:
        if counted.percent >= self.warn_at * limit.percent:
            return Status.WARNING, "Below the limit, but at or above the warning line."
        return Status.CLEAR, "Below the limit."

    @staticmethod
    def lower_base(excuse: _Excuse, counted: Counted, terms: Terms) -> None:
        if terms.grandfathering.measured_from is GrandfatherBase.LOWEST_SINCE:
            if counted.shares < excuse.base_shares:
                excuse.base_shares = counted.shares
            excuse.base_percent = min(excuse.base_percent, counted.percent)

    @staticmethod
    def grandfather_broken(excuse: _Excuse, counted: Counted, terms: Terms) -> str | None:
        rules = terms.grandfathering
        if rules.cap is not None and rules.cap.crossed_by(counted.shares, counted.outstanding):
            return f"a grandfathered holder crossed its cap of {rules.cap.describe()}"
        added = counted.shares - excuse.base_shares
        if added <= 0:
            return None
        if rules.tolerance is None:
            return "a grandfathered holder acquired additional shares"
        points = holding_percent(added, counted.outstanding)
        if rules.tolerance.comparison.crosses_percent(points, rules.tolerance.percent):
            return (
                f"a grandfathered holder acquired additional shares amounting to "
                f"{rules.tolerance.describe()} of the shares outstanding"
            )
        return None

    def member_names(self, members: frozenset[str]) -> tuple[str, ...]:
        order = list(self.holders)
        return tuple(self.holders[k].name for k in sorted(members, key=order.index))

    def become_ap(
        self,
        day: pendulum.Date,
        label: str,
        members: frozenset[str],
        limit: Limit,
        cause: str,
        settle: _Settle,
    ) -> None:
        self.triggers.append((label, self.member_names(members), day, limit, cause))
        settle(Status.TRIGGERED, _ap_reason(day, cause), ap_since=day, ap_limit=limit, cause=cause)

    def record(
        self,
        key: str,
        day: pendulum.Date,
        status: Status,
        reason: str,
        label: str,
        limit: Limit | None,
        counted: Counted | None,
        ap_since: pendulum.Date | None = None,
    ) -> None:
        label_name = self.names.get(label, label)
        entry = HolderStatus(
            self.names[key], day, status, reason, label_name, limit, counted, ap_since
        )
        records = self.records.setdefault(key, [])
        if records and attrs.evolve(records[-1], start=day) == entry:
            return
        if records and records[-1].start == day:
            records[-1] = entry
        else:
            records.append(entry)

    def warn_loosening(self, day: pendulum.Date, old: Terms, new: Terms) -> None:
        names = [a.name for a in self.plan.amendments if a.effective_date == day] or ["the terms"]
        for key, label, members in self.components():
            standing = self.standing.get(key)
            if standing is None or standing.ap_since is None:
                continue
            old_limit, _ = self.limit(label, members, old)
            new_limit, exempt = self.limit(label, members, new)
            looser = new_limit is None or (
                old_limit is not None
                and new_limit.threshold.sort_key() > old_limit.threshold.sort_key()
            )
            if looser:
                now = exempt if new_limit is None else new_limit.describe()
                was = old_limit.describe() if old_limit is not None else "exempt"
                self.warnings.append(
                    f"{', '.join(names)} ({day.isoformat()}) loosens the terms for {label}, an "
                    f"Acquiring Person since {standing.ap_since.isoformat()}: {was} becomes "
                    f"{now}. A board may not amend a plan to favour an Acquiring Person."
                )


_FIELD_WORDS = {
    "shares": "shares",
    "rights": "rights to acquire",
    "rights_later": "later rights to acquire",
    "derivatives": "derivative share equivalents",
}


def _period_start(period: StatusPeriod) -> pendulum.Date:
    return period.start


def _rule_text(source: Source | None) -> str:
    return (
        source.cite()
        if source is not None
        else "rightsplan's default: any additional share triggers"
    )


def _ap_reason(day: pendulum.Date, cause: str) -> str:
    return f"Became an Acquiring Person on {day.isoformat()}: {cause}."


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
    ratio = warn_ratio(warn_at)
    state = _Replay(plan, ratio)

    days: set[pendulum.Date] = {event.on for event in ledger.events}
    days.update(amendment.effective_date for amendment in plan.amendments)
    days.add(plan.agreement.dated)
    for period in plan.timeline():
        days.add(period.start)
    for event in ledger.events:
        if isinstance(event, InadvertenceDetermination):
            days.add(event.divest_by.add(days=1))
    by_day: dict[pendulum.Date, list[Event]] = {}
    for event in ledger.events:
        by_day.setdefault(event.on, []).append(event)
    for day in sorted(days):
        state.day(day, tuple(by_day.get(day, ())))

    periods: dict[str, tuple[StatusPeriod, ...]] = {}
    for key, records in state.records.items():
        spans = []
        for index, record in enumerate(records):
            following = records[index + 1].start if index + 1 < len(records) else None
            spans.append(
                StatusPeriod(
                    record.start, following.subtract(days=1) if following else None, record
                )
            )
        periods[key] = tuple(spans)

    triggers = tuple(
        Trigger(
            label, holders, on, limit, cause, _clock(plan, ledger, calendar, holders, label, on)
        )
        for label, holders, on, limit, cause in sorted(state.triggers, key=lambda t: t[2])
    )
    offers = tuple(
        _tender_offer(plan, calendar, e)
        for e in ledger.events
        if isinstance(e, TenderOfferCommenced)
    )
    return History(
        plan=plan,
        ledger=ledger,
        periods_by_holder=periods,
        names=dict(state.names),
        crossings=dict(state.crossings),
        trigger_list=triggers,
        tender_offers=offers,
        warnings=tuple(state.warnings),
    )


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
    return Clock(sad, not announced, distribution, rule.days, rule.business_days, rule.source)


def _tender_offer(
    plan: Plan, calendar: BusinessCalendar, event: TenderOfferCommenced
) -> TenderOfferProng:
    if event.deferred or not plan.in_force_on(event.on):
        return TenderOfferProng(event.offeror, event.on, None, event.deferred)
    rule = plan.terms_at(event.on).distribution
    distribution = calendar.add_days(event.on, rule.days, business=rule.business_days)
    return TenderOfferProng(event.offeror, event.on, distribution, event.deferred)
