"""Watch a company: reported holdings judged against the plan on every date that matters.

:func:`watch` takes a plan and the issuer's reports (:func:`~rightsplan.reports.positions`
puts them in date order, makes each joint filing one holder and finds the groups the
filings state) and judges every holder on each of its reports' dates and on every date the
plan changes (an amendment, a term's end, the plan's expiry), its holding carried forward
from its latest report. The verdicts are the rulebook's, through the plan's own history
machinery:

- the reports become a ledger (:func:`~rightsplan.reports.ledger_from_reports`) replayed
  with the plan (:func:`rightsplan.replay`): the replay says each holder's standing on each
  date (an Acquiring Person for good once it triggered, grandfathered when a lower
  threshold finds it over, and so on), and :func:`rightsplan.assess` judges the holding
  with that standing, so each row agrees with ``rp.assess`` and the replay alike;
- with the shares outstanding known (stated in a report, the latest such figure on or before
  the report's date, or given by the caller) the aggregate amount is judged exactly;
  otherwise the percent of class as printed is assessed as a
  :class:`~rightsplan.ReportedHolding`, ``UNCERTAIN`` where its rounding straddles the limit;
- passivity is the form's and the 13G's rule box's (:attr:`~rightsplan.reports.Report.passive`):
  a 13D is active, so a 13G filer that files a 13D is judged under the lower tier from that
  report's date; a 13G under Rule 13d-1(b) or (c), or stating no rule, is passive; a 13G
  under Rule 13d-1(d) (filed whatever the holder's intent), or a report stating no form,
  does not settle it (:class:`~rightsplan.reports.PassiveBasis`), so both
  answers are judged and the row is ``UNCERTAIN`` where the passive tier decides whether it
  triggers (a warning where it decides only between warning and clear), saying why. Where
  the plan's exception for the holder lasts only while it holds "without any intention of
  changing or influencing control", that is a matter of intent, not of the form: a 13D's
  Item 4 decides (:func:`~rightsplan.reports.stated_intent`), and where it does not, both
  answers are judged in the same way;
- a group's members are judged on their holdings together (Rule 13d-5(b)), each share
  counted once: where the members' shares with shared power may or may not overlap, both
  counts are judged, ``UNCERTAIN`` if they differ; a lone filer that checks box (a) of a
  group no report names is ``UNCERTAIN`` unless its own holding already triggers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction

import attrs
import pendulum

from rightsplan import _check
from rightsplan.assess import Assessment, assess
from rightsplan.errors import RightsPlanError
from rightsplan.history import History, replay
from rightsplan.ledger import Event, OutstandingChanged, PositionReported
from rightsplan.ownership import Position, ReportedHolding
from rightsplan.plan import Plan
from rightsplan.report import (
    Column,
    ColumnType,
    _Frames,
    html_table,
    verdict_record,
    verdict_source,
)
from rightsplan.reports.intent import Intent, stated_intent
from rightsplan.reports.ledger import (
    Positions,
    ReportedPosition,
    StatedGroup,
    _walk,
    _Walked,
    positions,
)
from rightsplan.reports.model import PassiveBasis, Report
from rightsplan.rules import (
    DEFAULT_WARN_AT,
    Status,
    acquiring_person_lapses,
    at_least,
    either_fact,
    warn_ratio,
)
from rightsplan.standing import ORDINARY, AcquiringPerson, PossibleAcquiringPerson
from rightsplan.terms import NamedException, exception_covering

__all__ = ["WATCH_COLUMNS", "Watch", "Watched", "watch"]

_T = ColumnType

WATCH_COLUMNS = (
    Column("date", _T.DATE, "the date judged: a report's date (its event date, else its "
           "filed-as-of date) or a date the plan changes"),
    Column("occasion", _T.TEXT, "why the date is judged: the report, or what changed in the "
           "plan (the holding carried forward from the latest report)"),
    Column("holder", _T.TEXT, "the holder: the name the plan gives the filers, else the "
           "first reporting person of the filing"),
    Column("members", _T.NAMES, "every reporting person of the filing (a joint filing is "
           "one holder), or the holders of its group"),
    Column("form", _T.TEXT, "the form of the latest report: Schedule 13D or 13G, and the "
           "amendment number"),
    Column("status", _T.TEXT, "the verdict: clear, warning (near the limit), triggered, "
           "exempt, excused, uncertain or inactive"),
    Column("shares", _T.INTEGER, "the holding judged, with its group's (null: assessed from "
           "the percentage)"),
    Column("reported_percent", _T.TEXT, "the percent of class as printed"),
    Column("outstanding", _T.INTEGER, "the shares outstanding used (null: not known)"),
    Column("passive", _T.BOOLEAN, "whether the holding was judged passive (null: the filings "
           "do not settle it)"),
    Column("standing", _T.TEXT, "the holder's standing from the replay: none, "
           "acquiring-person, grandfathered..."),
    Column("standing_since", _T.DATE, "the day the standing began"),
    Column("limit", _T.PERCENT, "the binding limit on that date"),
    Column("comparison", _T.TEXT, "at-least (\"X% or more\") or more-than (\"more than X%\")"),
    Column("max_shares", _T.INTEGER, "the largest holding that does not trigger"),
    Column("headroom", _T.INTEGER, "shares that may still be acquired (negative: over; null: "
           "not a number of shares)"),
    Column("plan_source", _T.TEXT, "the plan clause relied on"),
    Column("report_source", _T.TEXT, "the reports and the cover rows relied on, quoted"),
    Column("open", _T.TEXT, "what the filings leave open for this holding (null: nothing)"),
    Column("reason", _T.TEXT, "the verdict in words"),
)  # fmt: skip
"""The columns of :class:`Watch`, in order."""

_SHOWN = ("date", "holder", "form", "status", "shares", "reported_percent", "limit",
          "comparison", "headroom", "plan_source")  # fmt: skip


@attrs.frozen
class Watched:
    """One holder judged on one date: its latest report, the occasion and the assessment."""

    position: ReportedPosition
    """The holder's latest report on or before :attr:`on`."""
    assessment: Assessment
    on: pendulum.Date | None = None
    """The date judged (``None``: the report's own date)."""
    occasion: str = "report"
    """``"report"``, or what changed in the plan that day."""
    reports: tuple[ReportedPosition, ...] = ()
    """Every report the holding rests on (a group's members' latest), besides
    :attr:`position`."""
    group: StatedGroup | None = None
    open: str | None = None
    """What the filings leave open for this holding (``None``: nothing)."""
    readings: tuple[Assessment, Assessment] | None = attrs.field(default=None, repr=False)
    """Where the filings leave something open: the assessments at the most and the least
    favourable reading, which :attr:`assessment` combines."""

    def plan_sources(self) -> str | None:
        """The plan clauses relied on: both readings' where they differ."""
        found = [verdict_source(a) for a in (self.readings or (self.assessment,))]
        cited = [text for text in dict.fromkeys(found) if text is not None]
        return " | ".join(cited) or None

    @property
    def day(self) -> pendulum.Date:
        """The date judged."""
        return self.on if self.on is not None else self.position.on

    def record(self) -> dict[str, object]:
        """The row of :data:`WATCH_COLUMNS`, values typed."""
        verdict = verdict_record(self.assessment)
        position = self.position
        used = dict.fromkeys((position, *self.reports))
        return {
            "date": self.day,
            "occasion": self.occasion,
            "holder": self.assessment.holder,
            "members": list(self.group.members if self.group is not None else position.members),
            "form": position.report.form_name,
            "status": verdict["status"],
            "shares": verdict["shares"],
            "reported_percent": position.percent.value if position.percent is not None else None,
            "outstanding": verdict["outstanding"],
            "passive": None
            if self.readings is not None and len({a.position.passive for a in self.readings}) > 1
            else verdict["passive"],
            "standing": verdict["standing"],
            "standing_since": verdict["standing_since"],
            "limit": verdict["limit"],
            "comparison": verdict["comparison"],
            "max_shares": verdict["max_shares"],
            "headroom": verdict["headroom"],
            "plan_source": self.plan_sources(),
            "report_source": " | ".join(p.source() for p in used),
            "open": self.open,
            "reason": verdict["reason"],
        }


class Watch(tuple[Watched, ...], _Frames):
    """The watched holdings (a tuple), exportable: one row each (:data:`WATCH_COLUMNS`)."""

    __slots__ = ()
    columns = WATCH_COLUMNS

    def records(self) -> list[dict[str, object]]:
        """One record per holder and date, in date order."""
        return [watched.record() for watched in self]

    def triggered(self) -> tuple[Watched, ...]:
        """The rows whose holding triggers the plan."""
        return tuple(w for w in self if w.assessment.status is Status.TRIGGERED)

    def _repr_html_(self) -> str:
        return html_table(_SHOWN, self.records())


def _named_exception(plan: Plan, names: Iterable[str]) -> NamedException | None:
    """The first exception, in any period of the plan, whose holder or members include one."""
    for period in plan.timeline():
        for name in names:
            found = exception_covering(period.terms, name)
            if found is not None:
                return found
    return None


def _keys(names: Iterable[str]) -> set[str]:
    return {_check.name_key(name) for name in names}


def _change_dates(plan: Plan) -> dict[pendulum.Date, str]:
    """The days the plan's terms or force change, and what changed."""
    periods = plan.timeline()
    found = {period.start: period.opened_by for period in periods}
    for period in periods:
        if period.end is not None:
            found.setdefault(
                pendulum.Date.fromordinal(period.end.toordinal() + 1),
                f"the end of the period opened by {period.opened_by}",
            )
    return found


@attrs.frozen
class _Reading:
    """How the caller's and the filings' words make each position passive or not."""

    plan: Plan
    overrides: dict[str, bool]
    intent_matters: dict[str, NamedException]  # holder -> the exception that turns on intent

    def exception(self, position: ReportedPosition, holder: str) -> NamedException | None:
        """The exception turning on intent that covers the holder.

        The one in force on the report's date if there is one, else the first the plan makes.
        """
        first = self.intent_matters.get(position.holder)
        if first is None:
            return None
        try:
            terms = self.plan.terms_at(position.on)
        except RightsPlanError:
            return first
        for name in (holder, position.holder, *position.members):
            found = exception_covering(terms, name)
            if found is not None and found.requires_passive:
                return found
        return first

    def passive(self, position: ReportedPosition, holder: str) -> tuple[bool | None, str | None]:
        """The position's passivity, or ``None`` with why where the filings leave it open."""
        names = _keys((holder, position.holder, *position.members))
        chosen = [self.overrides[key] for key in names if key in self.overrides]
        if chosen:
            return chosen[0], None
        exception = self.exception(position, holder)
        report = position.report
        basis = report.passivity
        if (
            exception is not None
            and basis is not PassiveBasis.NO_FORM
            and basis.passive is not True
        ):
            intent: Intent = stated_intent(report)
            if intent.passive is not None:
                return intent.passive, None
            return None, (
                f"the exception for {exception.holder} ({exception.source.cite()}) lasts only "
                "while it holds without any intention of changing or influencing control, which "
                f"is a matter of intent, not of the form; {intent.why}"
            )
        if not basis.established:
            return None, (
                f"{report.cite()} is {report.passive_basis}: whether {holder} is passive "
                "(eligible for a passive-investor tier) is not established, so it is judged both "
                "ways; --passive or --active (passive= in Python) settles it"
            )
        return bool(basis.passive), None


def watch(
    plan: Plan,
    reports: Iterable[Report],
    *,
    outstanding: int | None = None,
    passive: Mapping[str, bool] | None = None,
    groups: Mapping[str, Iterable[str]] | None = None,
    warn_at: Fraction | str = DEFAULT_WARN_AT,
) -> Watch:
    """Every holder ``reports`` name, judged against ``plan`` on every date that matters.

    A holder is judged on the date of each of its reports and on every date the plan's terms
    change after its first report (its holding carried forward from its latest report),
    with its standing from the replay of the reports' ledger with the plan.

    ``outstanding`` is the shares outstanding to use until a report states a figure (the
    latest stated figure is used from its report's date on). A position with neither an
    aggregate amount and a known outstanding figure nor a percentage is left out.

    Passivity is the form's and the rule box's (a 13D is active; a 13G under Rule 13d-1(b)
    or (c), or stating no rule, passive; a 13G under Rule 13d-1(d) not established, judged
    both ways and ``UNCERTAIN`` where that decides whether it triggers), except where the plan's
    exception for the holder turns on intent (then a 13D's Item 4 decides, and where it does
    not the row says so), and except where ``passive`` says otherwise for a holder (by the
    filing's or a member's name, or the name the plan gives them): a determination the
    caller makes. ``groups`` states groups of separate filers the filings do not (a group
    name and its members' names).
    Where the plan's terms name one of a filing's persons (a named-holder exception's holder
    or members), the holding is judged under the plan's name.

    >>> import rightsplan as rp
    >>> from rightsplan import reports
    >>> found = reports.read_report("examples/innotrac/reports/01-13d-derived.txt")
    >>> watched = reports.watch(
    ...     rp.examples.innotrac(), [found], outstanding=11_572_314, passive={"IPOF Group": True}
    ... )
    >>> [(w.assessment.status.value, w.assessment.headroom) for w in watched]
    [('clear', 1828425)]
    """
    if not isinstance(plan, Plan):
        raise TypeError(f"plan: expected a Plan, got {plan!r}")
    ratio = warn_ratio(warn_at)
    reports = list(reports)
    overrides = {_check.name_key(name): bool(flag) for name, flag in (passive or {}).items()}
    covered: dict[str, NamedException] = {}
    for position in positions(reports).positions:
        if position.holder not in covered:
            exception = _named_exception(plan, (position.holder, *position.members))
            if exception is not None:
                covered[position.holder] = exception
    # Holders filing apart that the plan names together (an exception's holder and members)
    # are the group the plan names, from the day a second of them reports.
    named: dict[str, list[str]] = {}
    for holder, exception in covered.items():
        named.setdefault(exception.holder, []).append(holder)
    plan_groups = {name: members for name, members in named.items() if len(members) > 1}
    stated_by = {
        name: f"named together in {covered[members[0]].source.cite()}"
        for name, members in plan_groups.items()
    }
    given = dict(groups or {})
    for name in given:
        stated_by.pop(name, None)  # the caller's own group of that name
    found = positions(reports, groups={**plan_groups, **given}, stated_by=stated_by)
    names: dict[str, str] = {}
    intent: dict[str, NamedException] = {}
    for position in found.positions:
        holder = position.holder
        if holder in names:
            continue
        exception = covered.get(holder)
        together = exception is not None and exception.holder in plan_groups
        names[holder] = exception.holder if exception is not None and not together else holder
        if exception is not None and exception.requires_passive:
            intent[holder] = exception
    reading = _Reading(plan, overrides, intent)
    return _Watcher(plan, found, names, reading, outstanding, ratio).rows()


class _Watcher:
    """The two readings of the reports (most and least favourable), replayed and combined."""

    def __init__(
        self,
        plan: Plan,
        found: Positions,
        names: dict[str, str],
        reading: _Reading,
        outstanding: int | None,
        ratio: Fraction,
    ) -> None:
        self.plan, self.found, self.names, self.reading = plan, found, names, reading
        self.ratio = ratio
        self.open_passive: dict[int, str] = {}
        self.flags: dict[int, tuple[bool, bool]] = {}
        self.known: dict[int, int | None] = {}
        known = outstanding
        for index, position in enumerate(found.positions):
            flag, why = reading.passive(position, names[position.holder])
            if why is not None:
                self.open_passive[index] = why
            self.flags[index] = (True, False) if flag is None else (flag, flag)
            if position.outstanding is not None:
                known = position.outstanding.value
            self.known[index] = known
        flags = self.flags
        self.index_of = index_of = {id(p): i for i, p in enumerate(found.positions)}

        def rename(holder: str) -> str:
            return names.get(holder, holder)

        def world(lower: bool) -> tuple[_Walked, History]:
            walked = _walk(
                found,
                lower=lower,
                rename=rename,
                passive_of=lambda p: flags[index_of[id(p)]][0 if lower else 1],
                outstanding=outstanding,
                exact_only=True,
                most=not lower,
            )
            return walked, replay(plan, walked.events, warn_at=ratio)

        self.lower, self.lower_history = world(True)
        self.upper, self.upper_history = world(False)

    def rows(self) -> Watch:
        found = self.found
        if not found.positions:
            return Watch(())
        changes = _change_dates(self.plan)
        first = found.positions[0].on
        days = sorted({p.on for p in found.positions} | {d for d in changes if d >= first})
        latest: dict[str, int] = {}
        by_day: dict[pendulum.Date, list[int]] = {}
        for index, position in enumerate(found.positions):
            by_day.setdefault(position.on, []).append(index)
        rows: list[Watched] = []
        sticky: dict[str, AcquiringPerson] = {}
        for day in days:
            reported: dict[str, None] = {}
            for index in by_day.get(day, ()):
                holder = found.positions[index].holder
                latest[holder] = index
                reported[holder] = None
            groups = [g for g in found.groups if g.on <= day]
            for holder in list(reported):
                for group in groups:
                    if holder in group.members:
                        reported.update(dict.fromkeys(m for m in group.members if m in latest))
            chosen = latest if day in changes else reported
            for holder in [h for h in latest if h in chosen]:
                index = latest[holder]
                if index not in self.lower.exact and found.positions[index].percent is None:
                    continue  # neither a number of shares to judge nor a percentage
                occasion = "report" if holder in reported else changes[day]
                rows.append(self.row(day, holder, latest, groups, occasion, sticky))
        return Watch(rows)

    def row(
        self,
        day: pendulum.Date,
        holder: str,
        latest: dict[str, int],
        groups: list[StatedGroup],
        occasion: str,
        sticky: dict[str, AcquiringPerson],
    ) -> Watched:
        found = self.found
        index = latest[holder]
        position = found.positions[index]
        group = next((g for g in reversed(groups) if holder in g.members), None)
        members = group.members if group is not None else (holder,)
        used = tuple(found.positions[latest[m]] for m in members if m in latest)
        name = self.names[holder]
        # A group the plan names (its exception's holder) is judged under that name, as the
        # replay judges its members: under the most generous name that covers them.
        rule_name = (
            group.name
            if group is not None and _named_exception(self.plan, (group.name,)) is not None
            else name
        )
        whys = [self.open_passive[latest[m]] for m in members if latest.get(m) in self.open_passive]
        if all(latest[m] in self.lower.exact for m in members if m in latest):
            renamed = tuple(self.names.get(m, m) for m in members)
            lower = self.exact(day, name, rule_name, renamed, self.lower_history)
            upper = self.exact(day, name, rule_name, renamed, self.upper_history)
            overlap = [
                why for on, g, why in self.lower.open if group and g == group.name and on <= day
            ]
            if overlap and lower.position != upper.position:
                whys.append(overlap[-1])
            differ = [p.note for p in used if p.most is not None and p.note is not None]
            if differ and lower.position != upper.position:
                whys.extend(differ)
        else:
            if index in self.lower.exact:  # its own shares known, a member's only as a percentage
                own = (self.names.get(holder, holder),)
                lower = self.exact(day, name, rule_name, own, self.lower_history)
                upper = self.exact(day, name, rule_name, own, self.upper_history)
            else:
                lower = self.reported(day, rule_name, position, True, sticky)
                upper = self.reported(day, rule_name, position, False, sticky)
            if group is not None:
                why = (
                    f"{name}'s group ({group.name}) holds its members' shares too, and a member "
                    "known only by a percentage gives no number of shares to add"
                )
                lower, upper = self.floor(lower, why), self.floor(upper, why)
                whys.append(why)
        if lower != upper and not whys:
            whys.append("the two readings of the reports differ")
        assessment = upper if lower == upper else _either(lower, upper, "; ".join(whys))
        unnamed = position.unnamed_group
        if group is None and unnamed is not None:
            why = (
                f"{position.report.cite()} checks box (a), member of a group, but names no "
                "other member, and no report names its group"
            )
            assessment = self.floor(assessment, why)
            whys.append(why)
        # The holder's standing from here on, by the rulebook's rules as the replay keeps it:
        # an Acquiring Person from the day it triggers (the crossing limit cited), and, where
        # the status does not stick, ordinary again once its holding no longer triggers.
        if assessment.status is Status.TRIGGERED and not isinstance(
            assessment.standing, AcquiringPerson
        ):
            became = sticky.setdefault(
                rule_name,
                AcquiringPerson(
                    day, cause=f"triggered ({position.source()})", limit=assessment.limit
                ),
            )
            assessment = attrs.evolve(assessment, standing=became)
        elif acquiring_person_lapses(assessment.standing, assessment.as_verdict()):
            sticky.pop(rule_name, None)
            assessment = attrs.evolve(assessment, standing=ORDINARY)
        return Watched(
            position,
            assessment,
            day,
            occasion,
            tuple(p for p in used if p is not position),
            group,
            "; ".join(dict.fromkeys(whys)) or None,
            None if lower == upper else (lower, upper),
        )

    def exact(
        self,
        day: pendulum.Date,
        name: str,
        rule_name: str,
        members: tuple[str, ...],
        history: History,
    ) -> Assessment:
        """The holding in one reading: ``name`` in the ledger, judged as ``rule_name``."""
        status = history.status_of(name, on=day)
        counted = status.counted
        if counted is None:  # no plan in force: the holding (with its group's) from the ledger
            shares, outstanding = _held(history.ledger.events, members, day)
            holding = Position(rule_name, shares, outstanding, passive=status.passive)
        else:
            holding = Position(
                rule_name, counted.shares, counted.outstanding, passive=status.passive
            )
        return assess(self.plan, holding, on=day, standing=status.standing, warn_at=self.ratio)

    def reported(
        self,
        day: pendulum.Date,
        name: str,
        position: ReportedPosition,
        lower: bool,
        sticky: dict[str, AcquiringPerson],
    ) -> Assessment:
        flag = self.flags[self.index_of[id(position)]][0 if lower else 1]
        assert position.percent is not None  # rows() leaves out positions without either
        holding = ReportedHolding(name, position.percent.value, passive=flag)
        # A holder that triggered on an earlier row is an Acquiring Person: the rulebook
        # (rules.sticky_acquiring_person, through assess) says what that makes this holding.
        return assess(self.plan, holding, on=day, standing=sticky.get(name), warn_at=self.ratio)

    def floor(self, found: Assessment, why: str) -> Assessment:
        return found.rejudged(at_least(found.as_verdict(), why))


def _held(events: Iterable[Event], members: tuple[str, ...], day: pendulum.Date) -> tuple[int, int]:
    """The members' shares together, and the shares outstanding, in a ledger at ``day``."""
    keys = _keys(members)
    shares: dict[str, int] = {}
    outstanding = 1
    for event in events:
        if event.on > day:
            break
        if isinstance(event, OutstandingChanged):
            outstanding = event.outstanding
        elif isinstance(event, PositionReported) and _check.name_key(event.holder) in keys:
            shares[_check.name_key(event.holder)] = event.shares
    return sum(shares.values()), outstanding


def _either(lower: Assessment, upper: Assessment, why: str) -> Assessment:
    judged = either_fact(lower.as_verdict(), upper.as_verdict(), why)
    standing = upper.standing
    if (
        isinstance(standing, AcquiringPerson)
        and judged.status is Status.UNCERTAIN
        and not isinstance(lower.standing, AcquiringPerson | PossibleAcquiringPerson)
    ):
        # An Acquiring Person on one reading only: possibly one, the other standing otherwise.
        standing = PossibleAcquiringPerson(
            standing.since,
            why,
            otherwise=lower.standing,
            cause=standing.cause,
            limit=standing.limit,
        )
    return attrs.evolve(upper.rejudged(judged), standing=standing)
