"""What a replay gives back: verdicts over time, standings, triggers and their clocks."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import attrs
import pendulum

from rightsplan import _check
from rightsplan.dates import DateLike, to_date
from rightsplan.errors import InputTypeError, RightsPlanError
from rightsplan.ledger import Ledger
from rightsplan.ownership import Counted
from rightsplan.plan import Plan
from rightsplan.report import (
    HISTORY_COLUMNS,
    Triggers,
    history_html,
    history_records,
    short,
    to_pandas,
    to_polars,
)
from rightsplan.rules import (
    Status,
    in_force_or_unknown,
)
from rightsplan.sources import Source
from rightsplan.standing import (
    ORDINARY,
    Standing,
)
from rightsplan.terms import Limit

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped]  # pandas ships no stubs
    import polars as pl


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

    ``rights_end`` is also set beside a ``distribution_date`` where an unknown Final
    Expiration Date may end the rights before it (it says so).

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
            maybe = f"; {self.rights_end}" if self.rights_end else ""
            return (
                f"Distribution Date {self.distribution_date.isoformat()} "
                f"({self.days} {unit} days later){maybe}"
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
class PossibleTrigger:
    """A holder (and its group) that may have become an Acquiring Person: not a trigger.

    Whether it did turns on a term the plan leaves unknown: ``why`` names it and its source
    (an unknown general threshold its holding lies within the bounds of, or a Final
    Expiration Date that may have passed). ``limit`` is the strictest line it may have
    crossed. No clock runs from it; the holder's periods say UNCERTAIN from ``on`` until an
    exact answer is possible again (see :class:`~rightsplan.PossibleAcquiringPerson`).
    """

    label: str
    holders: tuple[str, ...]
    on: pendulum.Date
    limit: Limit
    cause: str
    why: str

    def explain(self) -> str:
        """The possible trigger in words, with the unknown it turns on."""
        return (
            f"{self.label} may have become an Acquiring Person on {self.on.isoformat()} "
            f"({self.cause}), if the unknown term makes it cross (at the strictest, "
            f"{self.limit.describe()}, {self.limit.source.cite()}): {self.why}."
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


@attrs.frozen(repr=False)
class History:
    """The outcome of :func:`replay`: verdicts over time, standings, triggers and clocks.

    :meth:`to_polars` and :meth:`to_pandas` give every holder's periods, with the standing
    over each (:data:`rightsplan.report.HISTORY_COLUMNS`); ``triggers().to_polars()`` the
    triggers.
    """

    plan: Plan
    ledger: Ledger
    periods_by_holder: dict[str, tuple[StatusPeriod, ...]] = attrs.field(repr=False)
    names: dict[str, str] = attrs.field(repr=False)
    crossings: dict[str, pendulum.Date] = attrs.field(repr=False)
    trigger_list: tuple[Trigger, ...]
    tender_offers: tuple[TenderOfferProng, ...]
    warnings: tuple[str, ...]
    notes: tuple[str, ...] = ()
    """Choices the replay made that a reader should know: the business-day calendar used
    before 1999 (see :func:`rightsplan.calendars.new_york_or_nyse`)."""
    possible_triggers: tuple[PossibleTrigger, ...] = ()
    """Holders that may have become Acquiring Persons, as a term the plan leaves unknown
    decides: reported as possible, never as triggers (:meth:`triggers` has the certain ones)."""

    def __repr__(self) -> str:
        holders, triggers = len(self.names), len(self.trigger_list)
        return (
            f"<History {short(self.plan.company)!r}: {holders} "
            f"holder{'' if holders == 1 else 's'}, {triggers} "
            f"trigger{'' if triggers == 1 else 's'}, {len(self.warnings)} "
            f"warning{'' if len(self.warnings) == 1 else 's'}>"
        )

    def _repr_html_(self) -> str:
        return history_html(self)

    def to_polars(self) -> pl.DataFrame:
        """Every holder's periods as a polars DataFrame: a row per holder and period."""
        return to_polars(HISTORY_COLUMNS, history_records(self))

    def to_pandas(self) -> pd.DataFrame:
        """Every holder's periods as a pandas DataFrame: a row per holder and period."""
        return to_pandas(HISTORY_COLUMNS, history_records(self))

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
            terms, why_not, unknown = in_force_or_unknown(self.plan, day)
            status = (
                Status.INACTIVE
                if terms is None or why_not is not None
                else Status.UNCERTAIN
                if unknown is not None
                else Status.CLEAR
            )
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

        ``None`` where no purchase can trigger (exempt without a cap; an Acquiring Person),
        and where there is nothing to measure (before the ledger records any holding of the
        holder, or no plan in force).
        """
        return self.status_of(holder, on=on).headroom

    def first_crossing(self, holder: str) -> pendulum.Date | None:
        """The first day the holder (with its group) was over its limit, excused or not."""
        return self.crossings.get(self._key(holder))

    def near_matches(self, holder: str) -> tuple[str, ...]:
        """Names the plan uses, in any period, that ``holder``'s name nearly matches but does not.

        A likely misspelling in the ledger ("IPOF Grop"): the holder was judged as a
        stranger, not under the named holder's exception or exemption. Empty when the name
        is one the plan uses, or near none.
        """
        name = self.names[self._key(holder)]
        named: dict[str, None] = {}
        for period in self.plan.timeline():
            for exception in period.terms.exceptions:
                named.update(dict.fromkeys(exception.names()))
            named.update(dict.fromkeys(exemption.name for exemption in period.terms.exemptions))
        return _check.near_names(name, named)

    def triggers(self) -> Triggers:
        """Everyone who became an Acquiring Person: who, when, which rule, the clock.

        A tuple whose ``to_polars()`` and ``to_pandas()`` give a row per trigger.
        """
        return Triggers(self.trigger_list)

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
                span = (
                    f"{period.start.isoformat()} to {period.end.isoformat()}"
                    if period.end
                    else f"{period.start.isoformat()} onwards"
                )
                status = period.status
                extra = ""
                if status.counted is not None and status.limit is not None:
                    extra = (
                        f" — {status.counted.shares:,} of {status.counted.outstanding:,} "
                        f"against {status.limit.describe()}"
                    )
                lines.append(f"  {span}: {status.status.name}{extra}")
            near = self.near_matches(self.names[key])
            if near:
                lines.append(f"  {_near_note(self.names[key], near)}")
        for trigger in self.trigger_list:
            lines.append(trigger.explain())
        for possible in self.possible_triggers:
            lines.append(f"Possible trigger (uncertain): {possible.explain()}")
        lines.extend(f"Warning: {warning}" for warning in self.warnings)
        return "\n".join(lines)


def _near_note(name: str, near: tuple[str, ...]) -> str:
    return (
        f"Note: {name!r} is not a name the plan uses, but is close to "
        f"{' and '.join(repr(other) for other in near)}; names must match (case and spacing "
        "aside), so check the spelling."
    )


def _period_start(period: StatusPeriod) -> pendulum.Date:
    return period.start
