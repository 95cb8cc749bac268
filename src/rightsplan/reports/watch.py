"""Watch a company: each reported holding assessed against the plan on the report's date.

:func:`watch` takes a plan and the issuer's reports (:func:`~rightsplan.reports.positions`
puts them in date order and makes each joint filing one holder) and assesses every
position with :func:`rightsplan.assess`, so the verdict rules are the rulebook's own:

- with the shares outstanding known (stated in a report, the latest such figure on or before
  the report's date, or given by the caller) the aggregate amount is assessed exactly, as a
  :class:`~rightsplan.Position`;
- otherwise the percent of class as printed is assessed as a
  :class:`~rightsplan.ReportedHolding`, ``UNCERTAIN`` where its rounding straddles the limit;
- passivity is the form's (13G passive, 13D active), so a 13G filer that files a 13D is
  judged under the lower tier from that report's date;
- a holder found ``TRIGGERED`` stays an Acquiring Person in every later row (the standing is
  sticky: selling down does not undo it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction

import attrs

from rightsplan import _check
from rightsplan.assess import Assessment, assess
from rightsplan.errors import NotAdoptedError
from rightsplan.ownership import Position, ReportedHolding
from rightsplan.plan import Plan
from rightsplan.report import Column, ColumnType, _Frames, html_table, verdict_record
from rightsplan.reports.ledger import ReportedPosition, positions
from rightsplan.reports.model import Report
from rightsplan.rules import DEFAULT_WARN_AT, Status
from rightsplan.standing import AcquiringPerson, Standing
from rightsplan.terms import exception_covering

__all__ = ["WATCH_COLUMNS", "Watch", "Watched", "watch"]

_T = ColumnType

WATCH_COLUMNS = (
    Column("date", _T.DATE, "the report's date: its event date (else its filed-as-of date)"),
    Column("holder", _T.TEXT, "the holder: the name the plan gives the filers, else the "
           "first reporting person of the filing"),
    Column("members", _T.NAMES, "every reporting person of the filing (a joint filing is "
           "one holder)"),
    Column("form", _T.TEXT, "the form: Schedule 13D or 13G, and the amendment number"),
    Column("status", _T.TEXT, "the verdict: clear, warning (near the limit), triggered, "
           "exempt, excused, uncertain or inactive"),
    Column("shares", _T.INTEGER, "the aggregate amount reported (null: assessed from the "
           "percentage)"),
    Column("reported_percent", _T.TEXT, "the percent of class as printed"),
    Column("outstanding", _T.INTEGER, "the shares outstanding used (null: not known)"),
    Column("passive", _T.BOOLEAN, "from the form: a 13G is passive, a 13D is not"),
    Column("standing", _T.TEXT, "none, or acquiring-person once a report triggered"),
    Column("standing_since", _T.DATE, "the day the standing began"),
    Column("limit", _T.PERCENT, "the binding limit on that date"),
    Column("comparison", _T.TEXT, "at-least (\"X% or more\") or more-than (\"more than X%\")"),
    Column("max_shares", _T.INTEGER, "the largest holding that does not trigger"),
    Column("headroom", _T.INTEGER, "shares that may still be acquired (negative: over; null: "
           "not a number of shares)"),
    Column("plan_source", _T.TEXT, "the plan clause relied on"),
    Column("report_source", _T.TEXT, "the report and the cover rows relied on, quoted"),
    Column("reason", _T.TEXT, "the verdict in words"),
)  # fmt: skip
"""The columns of :class:`Watch`, in order."""

_SHOWN = ("date", "holder", "form", "status", "shares", "reported_percent", "limit",
          "comparison", "headroom", "plan_source")  # fmt: skip


@attrs.frozen
class Watched:
    """One reported position and its assessment."""

    position: ReportedPosition
    assessment: Assessment

    def record(self) -> dict[str, object]:
        """The row of :data:`WATCH_COLUMNS`, values typed."""
        verdict = verdict_record(self.assessment)
        position = self.position
        return {
            "date": position.on,
            "holder": self.assessment.holder,
            "members": list(position.members),
            "form": position.report.form_name,
            "status": verdict["status"],
            "shares": verdict["shares"],
            "reported_percent": position.percent.value if position.percent is not None else None,
            "outstanding": verdict["outstanding"],
            "passive": verdict["passive"],
            "standing": verdict["standing"],
            "standing_since": verdict["standing_since"],
            "limit": verdict["limit"],
            "comparison": verdict["comparison"],
            "max_shares": verdict["max_shares"],
            "headroom": verdict["headroom"],
            "plan_source": verdict["source"],
            "report_source": position.source(),
            "reason": verdict["reason"],
        }


class Watch(tuple[Watched, ...], _Frames):
    """The watched positions (a tuple), exportable: one row each (:data:`WATCH_COLUMNS`)."""

    __slots__ = ()
    columns = WATCH_COLUMNS

    def records(self) -> list[dict[str, object]]:
        """One record per position, in date order."""
        return [watched.record() for watched in self]

    def triggered(self) -> tuple[Watched, ...]:
        """The positions that trigger the plan."""
        return tuple(w for w in self if w.assessment.status is Status.TRIGGERED)

    def _repr_html_(self) -> str:
        return html_table(_SHOWN, self.records())


def _holding(
    position: ReportedPosition, holder: str, passive: bool, outstanding: int | None
) -> Position | ReportedHolding | None:
    if (
        position.shares is not None
        and outstanding is not None
        and position.shares.value <= outstanding
    ):
        return Position(holder, position.shares.value, outstanding, passive=passive)
    if position.percent is not None:
        return ReportedHolding(
            holder, position.percent.value, passive=passive, outstanding=outstanding
        )
    return None


def _plan_name(plan: Plan, position: ReportedPosition) -> str:
    """The name the plan gives the filers, if its terms name any of them; else the holder's."""
    try:
        terms = plan.terms_at(position.on)
    except NotAdoptedError:
        return position.holder
    for member in position.members:
        exception = exception_covering(terms, member)
        if exception is not None:
            return exception.holder
    return position.holder


def _keys(names: Iterable[str]) -> set[str]:
    return {_check.name_key(name) for name in names}


def watch(
    plan: Plan,
    reports: Iterable[Report],
    *,
    outstanding: int | None = None,
    passive: Mapping[str, bool] | None = None,
    warn_at: Fraction | str = DEFAULT_WARN_AT,
) -> Watch:
    """Every position ``reports`` state, assessed against ``plan`` on the report's date.

    ``outstanding`` is the shares outstanding to use until a report states a figure (the
    latest stated figure is used from its report's date on). A position with neither an
    aggregate amount and a known outstanding figure nor a percentage is left out.

    Passivity is the form's unless ``passive`` says otherwise for a holder (by the filing's
    or a member's name, or the name the plan gives them): a determination the user makes,
    such as a 13D filer whose Item 4 disclaims any intention of changing or influencing
    control. Where the plan's terms name one of a filing's persons (a named-holder
    exception's holder or members), the holding is assessed under the plan's name.

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
    overrides = {_check.name_key(name): bool(flag) for name, flag in (passive or {}).items()}
    known = outstanding
    standings: dict[str, Standing] = {}
    rows: list[Watched] = []
    for position in positions(reports).positions:
        if position.outstanding is not None:
            known = position.outstanding.value
        holder = _plan_name(plan, position)
        names = _keys((holder, position.holder, *position.members))
        chosen = [overrides[key] for key in names if key in overrides]
        is_passive = chosen[0] if chosen else bool(position.passive)
        holding = _holding(position, holder, is_passive, known)
        if holding is None:
            continue
        key = _check.name_key(holder)
        assessment = assess(
            plan, holding, on=position.on, standing=standings.get(key), warn_at=warn_at
        )
        if assessment.status is Status.TRIGGERED and key not in standings:
            standings[key] = AcquiringPerson(
                position.on, cause=f"reported holding triggered the plan ({position.source()})"
            )
        rows.append(Watched(position, assessment))
    return Watch(rows)
