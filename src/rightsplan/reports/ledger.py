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
  persons report different aggregates (each its own holding, or part of the group's) the
  largest is the least the group holds and their sum the most (each share counted for every
  person that reports it, at most the shares outstanding): the position says so
  (:attr:`ReportedPosition.note`, :attr:`ReportedPosition.most`), the events carry the
  largest, and the watch judges both.
- **Separate filers become a group when a filing says so** (Rule 13d-5(b): the group owns
  all its members' shares). A joint filing that names persons who filed separately before
  states their group from its date (a :class:`StatedGroup`); from then its holding, the
  group's, is recorded under its first holder and the others' earlier holdings are reported
  within it (zero on their own lines, so no share is counted twice). A group the caller
  states (``groups``) adds its members' holdings from the day a second member reports;
  shares a member reports with shared voting or dispositive power may be shared with
  another member (counted once) or with someone else (counted for each): the events count
  them for each member, as reported, and say so; the watch judges both ways.
- **A filer that checks box (a) alone** says it is a member of a group that its report does
  not name: the position says so (:attr:`ReportedPosition.unnamed_group`); its group's
  holding is at least its own.
- **Passivity comes from the form and the 13G's rule box.** A 13D is filed by a holder that
  may intend to change or influence control: active from that report's date, even if it
  filed 13Gs before. A 13G under Rule 13d-1(b) (a qualified institution) or 13d-1(c) (a
  passive investor) is passive, its rule box quoted. A 13G under Rule 13d-1(d) (an exempt
  investor: shares acquired before the class was registered) is filed whatever the holder's
  intent, so it does not show passivity: the events record it as active (the general
  threshold, the cautious reading) and say so, for the reviewer to change, and the watch
  judges it both ways; so is a report that does not say whether it is a 13D or a 13G. A 13G
  whose cover states no rule (older filings) is passive by the form alone, and the events say
  the rule was not stated. :class:`~rightsplan.reports.PassiveBasis` states this rule once,
  for the events and the watch alike. (Where a plan's exception turns
  on intent rather than on the form, :func:`~rightsplan.reports.watch` reads Item 4: see
  :func:`~rightsplan.reports.stated_intent`.)
- **Shares as reported, percentages as printed.** The events carry the aggregate amount
  exactly; a percentage is kept as printed (a :class:`~rightsplan.ReportedHolding` in
  :func:`~rightsplan.reports.watch`), never turned into shares.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import attrs
import pendulum

from rightsplan import _check
from rightsplan.errors import InputTypeError, InvalidInputError
from rightsplan.io.events import EventsFormat, dumps_events
from rightsplan.ledger import Event, GroupFormed, Ledger, OutstandingChanged, PositionReported
from rightsplan.reports.model import PassiveBasis, Report, Stated

__all__ = [
    "Positions",
    "ReportedPosition",
    "StatedGroup",
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
    """From the form and the rule box (:attr:`Report.passive <rightsplan.reports.Report.passive>`,
    by :class:`~rightsplan.reports.PassiveBasis`): ``True`` for a 13G under Rule 13d-1(b) or (c)
    or stating no rule, ``False`` for a 13D, ``None`` where not established (a 13G under Rule
    13d-1(d), or no form stated)."""
    outstanding: Stated[int] | None = None
    """The shares outstanding the report says it computed on, if it does."""
    note: str | None = None
    most: int | None = None
    """Where the persons of a joint filing report different aggregates: their sum, the most
    the group can hold (``shares`` is the least); ``None`` otherwise."""
    shared: int | None = None
    """Of ``shares``, those the person reports with shared voting or dispositive power (the
    larger of the two rows); ``None`` where the cover states neither row."""
    unnamed_group: Stated[str] | None = None
    """Box (a) checked by a lone filer: it says it is a member of a group it does not name."""

    def source(self) -> str:
        """The report and the cover rows relied on, quoted."""
        parts = [self.report.cite()]
        if self.shares is not None:
            parts.append(f'aggregate amount "{" ".join(self.shares.quote.split())}"')
        if self.percent is not None:
            parts.append(f'percent of class "{" ".join(self.percent.quote.split())}"')
        report = self.report
        basis = report.passivity
        if basis is PassiveBasis.NO_RULE_STATED:
            parts.append("no rule stated (13d-1(b), (c) or (d)): passive by the form alone")
        elif report.rule is not None:
            marked = f'rule "{" ".join(report.rule.quote.split())}"'
            parts.append(marked if basis.established else f"{marked}: passivity not established")
        elif not basis.established:
            parts.append("no form stated (13D or 13G): passivity not established")
        return "; ".join(parts)


@attrs.frozen
class StatedGroup:
    """Holders that act together as a group (Rule 13d-5(b)), from ``on``, and who says so."""

    name: str
    members: tuple[str, ...]
    """The holders (as :attr:`ReportedPosition.holder` names them)."""
    on: pendulum.Date
    source: str
    """The joint filing that names them (cited), or the caller's statement."""
    report: Report | None = attrs.field(default=None, repr=False, eq=False)
    """The joint filing that states the group; ``None`` for a group the caller states."""


@attrs.frozen
class Positions:
    """Positions from reports, in date order, and the reports that gave none."""

    positions: tuple[ReportedPosition, ...]
    undated: tuple[str, ...] = ()
    """Reports with no event date and no filed-as-of date (left out)."""
    without_holding: tuple[str, ...] = ()
    """Reports whose covers state no reporting person (left out)."""
    groups: tuple[StatedGroup, ...] = ()
    """Groups of holders that filed separately, each from the day a filing (or the caller)
    states it, in date order."""


def _holding(
    report: Report,
) -> tuple[Stated[int] | None, Stated[str] | None, str | None, int | None, int | None]:
    """The aggregate taken, its percent, the note and the most where persons differ, shared."""
    amounts = [p for p in report.persons if p.aggregate is not None]
    if not amounts:
        first = report.persons[0]
        return None, first.percent, None, None, None
    best = max(amounts, key=lambda p: p.aggregate.value if p.aggregate is not None else -1)
    assert best.aggregate is not None
    values = [p.aggregate.value for p in amounts if p.aggregate is not None]
    note = most = None
    if len(set(values)) > 1 and report.group_filing:
        most = sum(values)
        note = (
            f"the reporting persons of {report.cite()} report different aggregates "
            f"({', '.join(f'{v:,}' for v in values)}): the group holds at least the largest, "
            f"{best.aggregate.value:,}, and at most their sum, {most:,}; the cover pages do not "
            "say which of the persons' shares are the same"
        )
    rows = [row.value for row in (best.shared_voting, best.shared_dispositive) if row is not None]
    shared = min(max(rows), best.aggregate.value) if rows else None
    return best.aggregate, best.percent, note, most, shared


def _unnamed_group(report: Report) -> Stated[str] | None:
    if len(report.persons) != 1 or report.joint_filing is not None:
        return None
    box = report.persons[0].group
    return box if box is not None and box.value == "a" else None


def _caller_groups(
    groups: Mapping[str, Iterable[str]] | None,
) -> list[tuple[str, tuple[str, ...]]]:
    if groups is None:
        return []
    if not isinstance(groups, Mapping):
        raise InputTypeError(
            f"groups: expected a mapping of group names to members, got {groups!r}"
        )
    found = []
    for name, members in groups.items():
        group = _check.holder_name(name, "groups")
        if isinstance(members, str) or not isinstance(members, Iterable):
            raise InputTypeError(f"groups[{group!r}]: expected the members' names, got {members!r}")
        named = tuple(_check.holder_name(member, f"groups[{group!r}]") for member in members)
        if len({_check.name_key(member) for member in named}) < 2:
            raise InvalidInputError(
                f"groups[{group!r}]: a group has at least two members, got {len(named)}"
            )
        found.append((group, named))
    return found


def positions(
    reports: Iterable[Report],
    *,
    groups: Mapping[str, Iterable[str]] | None = None,
    stated_by: Mapping[str, str] | None = None,
) -> Positions:
    """The positions ``reports`` state, in date order (same date: the order given).

    ``groups`` states groups the filings do not (a determination the caller makes): a
    group's name and its members, each a reporting person of some report; the group counts
    from the day a second member reports (its members' holdings added from then).
    ``stated_by`` says, for a group name, who states it (default: "stated by the caller").
    """
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
    stated: list[StatedGroup] = []
    seen_groups: set[frozenset[str]] = set()
    for day, _, report in dated:
        members = tuple(person.name.value for person in report.persons)
        keys = [_check.name_key(member) for member in members]
        holders = tuple(dict.fromkeys(names[key] for key in keys if key in names))
        holder = holders[0] if holders else members[0]
        for key in keys:
            names.setdefault(key, holder)
        if len(holders) > 1 and frozenset(holders) not in seen_groups:
            seen_groups.add(frozenset(holders))
            stated.append(
                StatedGroup(
                    f"group of {' and '.join(holders)}",
                    holders,
                    day,
                    f"joint filing {report.cite()}",
                    report,
                )
            )
        shares, percent, note, most, shared = _holding(report)
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
                most=most,
                shared=shared,
                unnamed_group=_unnamed_group(report),
            )
        )
    for name, group_members in _caller_groups(groups):
        unknown = [m for m in group_members if _check.name_key(m) not in names]
        if unknown:
            known = ", ".join(dict.fromkeys(names.values())) or "none"
            raise InvalidInputError(
                f"groups[{name!r}]: {unknown[0]!r} is not a reporting person of any report "
                f"(holders: {known})"
            )
        holders = tuple(dict.fromkeys(names[_check.name_key(m)] for m in group_members))
        if len(holders) < 2:
            continue  # one holder already: a joint filing names them together
        # From the day two members have reported: before, a member's holding and passivity
        # are not known, and a member never reported would count as holding nothing, actively.
        firsts = sorted(min(p.on for p in found if p.holder == h) for h in holders)
        first = firsts[1]
        source = (stated_by or {}).get(name, "stated by the caller")
        stated.append(StatedGroup(name, holders, first, source))
    stated.sort(key=lambda group: group.on)
    return Positions(tuple(found), tuple(undated), tuple(without), tuple(stated))


@attrs.frozen
class _Walked:
    """The events of one way of reading the reports, and what that reading left open."""

    events: tuple[Event, ...]
    exact: frozenset[int]
    """Indices of the positions whose holding entered the ledger exactly."""
    open: tuple[tuple[pendulum.Date, str, str], ...]
    """(day, group, why): where the group's shares with shared power may overlap."""


def _overlap_why(group: str, held: Mapping[str, tuple[int, int | None]]) -> str:
    parts = [
        f"{member} {shared:,}" if shared is not None else f"{member} unknown (rows not stated)"
        for member, (amount, shared) in held.items()
        if amount and shared != 0
    ]
    return (
        f"in {group}, shares reported with shared voting or dispositive power "
        f"({'; '.join(parts)}) may be shared with another member (counted once) or with "
        "others (counted for each); the reports do not say which"
    )


def _walk(
    found: Positions,
    *,
    lower: bool = False,
    rename: Callable[[str], str] = str,
    passive_of: Callable[[ReportedPosition], bool | None] | None = None,
    outstanding: int | None = None,
    exact_only: bool = False,
    most: bool = False,
) -> _Walked:
    """The ledger events ``found`` gives, one way of reading it.

    ``lower`` counts the shares a group's members report with shared power once (the most
    favourable reading); otherwise for each member, as reported. ``rename`` gives the name
    a holder goes by in the ledger; ``passive_of`` a position's passivity (the form's by
    default); ``outstanding`` the shares outstanding until a report states them;
    ``exact_only`` leaves out holdings not known to be within the shares outstanding (a
    replay judges only those); ``most`` takes a joint filing whose persons report different
    aggregates at the most the group can hold (:attr:`ReportedPosition.most`, at most the
    shares outstanding) instead of the largest aggregate.
    """
    events: list[Event] = []
    exact: set[int] = set()
    opened: list[tuple[pendulum.Date, str, str]] = []
    known = outstanding
    held: dict[str, tuple[int, int | None]] = {}  # holder -> (aggregate, shared)
    put: dict[str, int] = {}  # holder -> shares in the ledger
    sources: dict[str, str] = {}
    group_of: dict[str, StatedGroup] = {}
    items: list[tuple[pendulum.Date, int, int, ReportedPosition | StatedGroup]] = [
        (p.on, 0, i, p) for i, p in enumerate(found.positions)
    ]
    items += [(g.on, 1, i, g) for i, g in enumerate(found.groups)]
    items.sort(key=lambda item: item[:3])
    if outstanding is not None and items:
        events.append(
            OutstandingChanged(
                on=items[0][0], outstanding=outstanding, source="given by the caller"
            )
        )

    def allot(
        group: StatedGroup,
        day: pendulum.Date,
        reporter: str | None = None,
        passive: bool | None = None,
    ) -> None:
        members = {m: held.get(m, (0, 0)) for m in group.members}
        cut = {m: amount if shared is None else shared for m, (amount, shared) in members.items()}
        keep = max(members, key=lambda m: cut[m])
        for member, (amount, _) in members.items():
            share = amount if not lower or member == keep else amount - cut[member]
            if put.get(member, 0) == share and member != reporter:
                continue
            put[member] = share
            note = (
                f"; in {group.name} its shares with shared power are counted once, under {keep}"
                if share != amount
                else ""
            )
            events.append(
                PositionReported(
                    on=day,
                    holder=rename(member),
                    shares=share,
                    passive=passive if member == reporter else None,
                    source=f"{sources.get(member, group.source)}{note}",
                )
            )
        if sum(1 for amount, shared in members.values() if amount and shared != 0) > 1:
            opened.append((day, group.name, _overlap_why(group.name, members)))

    for day, _, index, item in items:
        if isinstance(item, ReportedPosition):
            position = item
            if position.outstanding is not None:
                known = position.outstanding.value
                stated = " ".join(position.outstanding.quote.split())
                events.append(
                    OutstandingChanged(
                        on=day,
                        outstanding=known,
                        source=f'{position.report.cite()}; "{stated}"',
                    )
                )
            if position.shares is None or (
                exact_only and (known is None or position.shares.value > known)
            ):
                continue
            exact.add(index)
            holder = position.holder
            amount, source = position.shares.value, position.source()
            if most and position.most is not None:
                amount = position.most if known is None else min(position.most, known)
                source = f"{source}; the persons' aggregates added, the most the group holds"
            held[holder] = (amount, position.shared)
            basis = position.report.passivity
            if passive_of is not None:
                passive = passive_of(position)
            else:
                passive = basis.recorded
                if not basis.established:  # the cautious reading, said for the reviewer
                    why = (
                        "Rule 13d-1(d)"
                        if basis is PassiveBasis.RULE_13D_1_D
                        else "a report stating no form (13D or 13G)"
                    )
                    source = (
                        f"{source}; recorded as active (the general threshold): {why} does "
                        "not show that the holder is passive; set passive to true if it is"
                    )
            sources[holder] = source
            group = group_of.get(holder)
            if group is not None and group.report is None:
                allot(group, day, holder, passive)
                continue
            put[holder] = amount
            events.append(
                PositionReported(
                    on=day,
                    holder=rename(holder),
                    shares=amount,
                    passive=passive,
                    source=source,
                )
            )
        else:
            group = item
            for member in group.members:
                group_of.setdefault(member, group)
            if group.report is not None:
                # A joint filing states the group's whole holding, under its first holder:
                # the others' earlier holdings are now reported within it.
                lead = group.members[0]
                for member in group.members[1:]:
                    if put.get(member):
                        put[member] = 0
                        held[member] = (0, 0)
                        events.append(
                            PositionReported(
                                on=day,
                                holder=rename(member),
                                shares=0,
                                source=f"reported within the holding of {lead} in the "
                                f"{group.source}",
                            )
                        )
            else:
                allot(group, day)
            events.append(
                GroupFormed(
                    on=day,
                    group=group.name,
                    members=tuple(rename(m) for m in group.members),
                    source=group.source,
                )
            )
    return _Walked(tuple(events), frozenset(exact), tuple(opened))


def events_from_reports(
    reports: Iterable[Report],
    *,
    groups: Mapping[str, Iterable[str]] | None = None,
    outstanding: int | None = None,
) -> tuple[Event, ...]:
    """Ledger events for ``reports``: the shares outstanding a report states, then its holding.

    Groups (a joint filing naming earlier separate filers, or ``groups`` the caller states:
    see :func:`positions`) become :class:`~rightsplan.GroupFormed` events on the day they
    are stated. A report that gives a percentage but no aggregate amount gives no event (a
    percentage is not a number of shares); :func:`~rightsplan.reports.watch` still assesses
    it. ``outstanding`` is the shares outstanding until a report states a figure (an
    :class:`~rightsplan.OutstandingChanged` event on the first report's date, "given by the
    caller"): a replay needs one before the first holding.
    """
    return _walk(positions(reports, groups=groups), outstanding=outstanding).events


def ledger_from_reports(
    reports: Iterable[Report],
    *,
    groups: Mapping[str, Iterable[str]] | None = None,
    outstanding: int | None = None,
) -> Ledger:
    """A :class:`~rightsplan.Ledger` of :func:`events_from_reports`."""
    return Ledger(events_from_reports(reports, groups=groups, outstanding=outstanding))


def events_text(
    reports: Iterable[Report],
    fmt: EventsFormat = "csv",
    *,
    groups: Mapping[str, Iterable[str]] | None = None,
    outstanding: int | None = None,
) -> str:
    """The events of ``reports`` as an events file (CSV, JSON or JSON lines) to review and edit."""
    return dumps_events(ledger_from_reports(reports, groups=groups, outstanding=outstanding), fmt)
