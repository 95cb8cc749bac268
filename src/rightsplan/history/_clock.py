"""The clock after a trigger: the Distribution Date, or why none comes (the rights gone)."""

from __future__ import annotations

import pendulum

from rightsplan import _check
from rightsplan.calendars import BusinessCalendar, CalendarRangeError
from rightsplan.errors import PlanHistoryError
from rightsplan.history._results import (
    Clock,
    TenderOfferProng,
)
from rightsplan.ledger import (
    AcquiringPersonAnnounced,
    Ledger,
    TenderOfferCommenced,
)
from rightsplan.plan import Plan
from rightsplan.rules import in_force_or_unknown
from rightsplan.terms import DistributionRule


def _distribution_date(
    calendar: BusinessCalendar, start: pendulum.Date, rule: DistributionRule
) -> pendulum.Date:
    """``rule.days`` after ``start``; a day no calendar can count to is the plan's fault.

    A plan's rule of billions of days, or one that runs past the business-day calendar, is an
    error naming the rule's instrument and section (not the events, which only started the
    clock).
    """
    try:
        return calendar.add_days(start, rule.days, business=rule.business_days)
    except CalendarRangeError as error:
        if rule.source is None:  # rightsplan's default rule: the events ran past the calendar
            raise
        detail = str(error)
        if rule.business_days:
            detail = f"{rule.days:,} business days after {start.isoformat()}: {detail}"
        raise PlanHistoryError(f"distribution rule ({rule.source.cite()}): {detail}") from None


def _rights_gone(plan: Plan, day: pendulum.Date) -> tuple[str | None, str | None]:
    """Why the rights are gone at the close of business on ``day`` (``None``: they are not).

    The second value says why that is unknown, where an unknown expiry decides (the
    Distribution Date is then given, with that said).
    """
    _, why_not, unknown = in_force_or_unknown(plan, day)
    return why_not, None if unknown is None else f"the rights may be gone by then: {unknown}"


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
    distribution = _distribution_date(calendar, sad, rule)
    gone, maybe = _rights_gone(plan, distribution)
    if gone is not None:
        return Clock(
            sad, not announced, None, rule.days, rule.business_days, rule.source, gone, distribution
        )
    return Clock(
        sad, not announced, distribution, rule.days, rule.business_days, rule.source, maybe
    )


def _tender_offer(
    plan: Plan, calendar: BusinessCalendar, event: TenderOfferCommenced
) -> TenderOfferProng:
    terms, why_not, _ = in_force_or_unknown(plan, event.on)
    if event.deferred or terms is None or why_not is not None:
        return TenderOfferProng(event.offeror, event.on, None, event.deferred)
    rule = plan.terms_at(event.on).distribution
    distribution = _distribution_date(calendar, event.on, rule)
    gone, maybe = _rights_gone(plan, distribution)
    if gone is not None:
        return TenderOfferProng(event.offeror, event.on, None, event.deferred, gone)
    return TenderOfferProng(event.offeror, event.on, distribution, event.deferred, maybe)
