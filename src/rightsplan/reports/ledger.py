"""One issuer's Schedules 13D and 13G, in date order, as positions and as ledger events.

Modelling choices, stated once:

- **A report is dated by its event date** (the "Date of Event Which Requires Filing"), else
  by its filed-as-of date; a report with neither is left out and named in
  :attr:`Positions.undated`.
- **A joint filing is one holder.** The reporting persons of one report that file together
  (several persons, box (a) checked, or a joint filing agreement) are one holder, named by
  the first person; reports sharing any person's name (:func:`rightsplan._check.name_key`)
  are the same holder, whatever the order of the persons. Its holding is the largest
  aggregate any of its persons reports: the persons of a group report the group's shares on
  every cover, so adding them up would count the same shares several times. Where the
  persons report different aggregates the largest is a lower bound of the group's holding,
  and the position says so (:attr:`ReportedPosition.note`).
- **Passivity comes from the form.** A Schedule 13G is filed by a holder without any
  intention of changing or influencing control; a 13D by one that may have it. A holder
  whose report is a 13D is active from that report's date, even if it filed 13Gs before.
- **Shares as reported, percentages as printed.** The events carry the aggregate amount
  exactly; a percentage is kept as printed (a :class:`~rightsplan.ReportedHolding` in
  :func:`~rightsplan.reports.watch`), never turned into shares.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs
import pendulum

from rightsplan import _check
from rightsplan.io.events import EventsFormat, dumps_events
from rightsplan.ledger import Event, Ledger, OutstandingChanged, PositionReported
from rightsplan.reports.model import Report, Stated

__all__ = [
    "Positions",
    "ReportedPosition",
    "events_from_reports",
    "events_text",
    "ledger_from_reports",
    "positions",
]


@attrs.frozen
class ReportedPosition:
    """One holder's position as one report states it."""

    holder: str
    """The holder: the report's first reporting person (a joint filing is one holder)."""
    members: tuple[str, ...]
    """Every reporting person of the report, in cover-page order."""
    on: pendulum.Date
    report: Report = attrs.field(repr=False)
    shares: Stated[int] | None
    """The aggregate amount beneficially owned (the largest a member reports)."""
    percent: Stated[str] | None
    """The percent of class as printed, for the person whose aggregate is taken."""
    passive: bool | None
    """From the form: ``True`` for a 13G, ``False`` for a 13D, ``None`` if not stated."""
    outstanding: Stated[int] | None = None
    """The shares outstanding the report says it computed on, if it does."""
    note: str | None = None

    def source(self) -> str:
        """The report and the cover rows relied on, quoted."""
        parts = [self.report.cite()]
        if self.shares is not None:
            parts.append(f'aggregate amount "{" ".join(self.shares.quote.split())}"')
        if self.percent is not None:
            parts.append(f'percent of class "{" ".join(self.percent.quote.split())}"')
        return "; ".join(parts)


@attrs.frozen
class Positions:
    """Positions from reports, in date order, and the reports that gave none."""

    positions: tuple[ReportedPosition, ...]
    undated: tuple[str, ...] = ()
    """Reports with no event date and no filed-as-of date (left out)."""
    without_holding: tuple[str, ...] = ()
    """Reports whose covers state no reporting person (left out)."""


def _holding(report: Report) -> tuple[Stated[int] | None, Stated[str] | None, str | None]:
    amounts = [p for p in report.persons if p.aggregate is not None]
    if not amounts:
        first = report.persons[0]
        return None, first.percent, None
    best = max(amounts, key=lambda p: p.aggregate.value if p.aggregate is not None else -1)
    assert best.aggregate is not None
    values = {p.aggregate.value for p in amounts if p.aggregate is not None}
    note = None
    if len(values) > 1 and report.group_filing:
        note = (
            f"the reporting persons report different aggregates ({len(values)} figures); the "
            f"largest, {best.aggregate.value:,}, is taken as the group's holding (a lower bound)"
        )
    return best.aggregate, best.percent, note


def positions(reports: Iterable[Report]) -> Positions:
    """The positions ``reports`` state, in date order (same date: the order given)."""
    dated: list[tuple[pendulum.Date, int, Report]] = []
    undated: list[str] = []
    without: list[str] = []
    for index, report in enumerate(reports):
        if not isinstance(report, Report):
            raise TypeError(f"reports: expected Report objects, got {report!r}")
        if report.date is None:
            undated.append(report.name)
        elif not report.persons:
            without.append(report.name)
        else:
            dated.append((report.date, index, report))
    dated.sort(key=lambda item: (item[0], item[1]))
    names: dict[str, str] = {}  # name key -> holder
    found: list[ReportedPosition] = []
    for day, _, report in dated:
        members = tuple(person.name.value for person in report.persons)
        keys = [_check.name_key(member) for member in members]
        holder = next((names[key] for key in keys if key in names), members[0])
        for key in keys:
            names.setdefault(key, holder)
        shares, percent, note = _holding(report)
        found.append(
            ReportedPosition(
                holder=holder,
                members=members,
                on=day,
                report=report,
                shares=shares,
                percent=percent,
                passive=report.passive,
                outstanding=report.outstanding,
                note=note,
            )
        )
    return Positions(tuple(found), tuple(undated), tuple(without))


def events_from_reports(reports: Iterable[Report]) -> tuple[Event, ...]:
    """Ledger events for ``reports``: the shares outstanding a report states, then its holding.

    A report that gives a percentage but no aggregate amount gives no event (a percentage
    is not a number of shares); :func:`~rightsplan.reports.watch` still assesses it.
    """
    events: list[Event] = []
    for position in positions(reports).positions:
        if position.outstanding is not None:
            stated = " ".join(position.outstanding.quote.split())
            events.append(
                OutstandingChanged(
                    on=position.on,
                    outstanding=position.outstanding.value,
                    source=f'{position.report.cite()}; "{stated}"',
                )
            )
        if position.shares is not None:
            events.append(
                PositionReported(
                    on=position.on,
                    holder=position.holder,
                    shares=position.shares.value,
                    passive=position.passive,
                    source=position.source(),
                )
            )
    return tuple(events)


def ledger_from_reports(reports: Iterable[Report]) -> Ledger:
    """A :class:`~rightsplan.Ledger` of :func:`events_from_reports`."""
    return Ledger(events_from_reports(reports))


def events_text(reports: Iterable[Report], fmt: EventsFormat = "csv") -> str:
    """The events of ``reports`` as an events file (CSV, JSON or JSON lines) to review and edit."""
    return dumps_events(ledger_from_reports(reports), fmt)
