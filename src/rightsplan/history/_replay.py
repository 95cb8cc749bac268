"""The replay: events folded day by day, then the periods and triggers seen in hindsight."""

from __future__ import annotations

import typing
from collections.abc import Iterable
from fractions import Fraction

import attrs
import pendulum

from rightsplan.calendars import BusinessCalendar, new_york, new_york_or_nyse
from rightsplan.errors import InputTypeError, PlanHistoryError
from rightsplan.history._clock import _clock, _tender_offer
from rightsplan.history._events import _Episode
from rightsplan.history._results import (
    History,
    HolderStatus,
    PossibleTrigger,
    StatusPeriod,
    TenderOfferProng,
    Trigger,
)
from rightsplan.history._settle import _Became, _Entry, _Possible, _Replay, _same
from rightsplan.ledger import (
    Event,
    InadvertenceDetermination,
    Ledger,
    TenderOfferCommenced,
    as_ledger,
)
from rightsplan.plan import Plan
from rightsplan.rules import (
    DEFAULT_WARN_AT,
    if_in_force,
    verdict,
    warn_ratio,
)
from rightsplan.standing import (
    AcquiringPerson,
    Standing,
)

_Record = typing.TypeVar("_Record", _Became, _Possible)

_ledger = as_ledger


def replay(
    plan: Plan,
    ledger: Ledger | Iterable[Event],
    *,
    calendar: BusinessCalendar | None = None,
    warn_at: Fraction | str | int = DEFAULT_WARN_AT,
) -> History:
    """Replay ``plan``'s amendments and ``ledger``'s events together, in date order.

    ``calendar`` counts the business days to the Distribution Date (default
    :func:`rightsplan.calendars.new_york_or_nyse`: New York banks and the exchange, and the
    exchange alone before 1999, where the Federal Reserve's holidays are not known; a clock
    started before then is noted in :attr:`History.notes`); ``warn_at`` is the warning
    line, as for :func:`rightsplan.assess`.
    """
    if not isinstance(plan, Plan):
        raise InputTypeError(f"plan: expected a Plan, got {plan!r}")
    ledger = _ledger(ledger)
    chosen = calendar is None
    calendar = calendar if calendar is not None else new_york_or_nyse()
    if not isinstance(calendar, BusinessCalendar):
        raise InputTypeError(f"calendar: expected a BusinessCalendar, got {calendar!r}")
    ratio = warn_ratio(warn_at)
    try:
        return _replayed(plan, ledger, calendar, ratio, chosen=chosen)
    except PlanHistoryError as error:  # the plan's fault: name its file, if it has one
        if plan.origin is None:
            raise
        raise PlanHistoryError(f"{plan.origin}: {error}") from None


def _replayed(
    plan: Plan, ledger: Ledger, calendar: BusinessCalendar, ratio: Fraction, *, chosen: bool
) -> History:
    state = _Replay(plan, ratio)

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
        notes=_calendar_notes(calendar, triggers, offers) if chosen else (),
        possible_triggers=_possible_triggers(state),
    )


def _possible_triggers(state: _Replay) -> tuple[PossibleTrigger, ...]:
    """The possible crossings, a record per entity and day (a group's members together)."""
    books = state.books
    found: dict[tuple[pendulum.Date, str], list[_Possible]] = {}
    for possible in state.possible:
        found.setdefault((possible.on, possible.label_key), []).append(possible)
    return tuple(
        PossibleTrigger(books.names[label_key], holders, on, lead.limit, lead.cause, lead.why)
        for on, label_key, lead, holders in _by_entity(state, found)
    )


def _by_entity(
    state: _Replay, found: dict[tuple[pendulum.Date, str], list[_Record]]
) -> list[tuple[pendulum.Date, str, _Record, tuple[str, ...]]]:
    """Records of one day and entity together, in order of day and entity.

    For each: the entity's own record (else the first) and the holders counted (a group's
    members).
    """
    books = state.books
    order = books.order
    entities = []
    for (on, label_key), group in sorted(
        found.items(), key=lambda item: (item[0][0], order[item[0][1]])
    ):
        lead = next((r for r in group if r.key == label_key), group[0])
        holders = tuple(
            books.names[r.key]
            for r in sorted(group, key=lambda r: order[r.key])
            if r.key not in books.groups
        ) or (books.names[lead.key],)
        entities.append((on, label_key, lead, holders))
    return entities


def _calendar_notes(
    calendar: BusinessCalendar,
    triggers: tuple[Trigger, ...],
    offers: tuple[TenderOfferProng, ...],
) -> tuple[str, ...]:
    """The default calendar's choice, said where a clock started before New York's reach."""
    fed_from = new_york().first
    starts = [t.clock.shares_acquisition_date for t in triggers if t.clock.business_days]
    starts += [offer.commenced for offer in offers if offer.distribution_date is not None]
    early = sorted(day for day in starts if day < fed_from)
    if not early:
        return ()
    return (
        f"Business days before {fed_from.isoformat()} (from {early[0].isoformat()}) were "
        "counted on the New York Stock Exchange's calendar alone: the Federal Reserve's "
        f"holidays are known from {fed_from.isoformat()} only (calendar: {calendar.name}).",
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
    if entry.unknown is not None:
        found = if_in_force(found, entry.unknown)
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
            StatusPeriod(status.start, _day_before(following) if following else None, status)
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
    triggers = []
    for on, label_key, lead, holders in _by_entity(state, kept):
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


def _day_before(day: pendulum.Date) -> pendulum.Date:
    # Ordinal arithmetic: pendulum's subtract() costs more than the rest of a period.
    return pendulum.Date.fromordinal(day.toordinal() - 1)
