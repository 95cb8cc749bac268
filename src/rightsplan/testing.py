"""Hypothesis strategies for rights plans, for rightsplan's own tests and for yours.

Requires ``hypothesis`` (the ``test`` extra). Every strategy draws whole, valid objects with
bounded dates, so a property can be stated directly::

    from hypothesis import given
    import rightsplan as rp
    from rightsplan import testing

    @given(testing.plans(), testing.dates())
    def test_terms_exist_after_adoption(plan, on):
        if on >= plan.agreement.dated:
            assert plan.terms_at(on).general.percent > 0

:func:`positions` draws boundary-hugging holdings (exactly at, one share under and one
share over a limit) more often than chance would; :func:`boundary_positions` draws nothing
else, often at exactly the limit's percentage.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from decimal import Decimal
from fractions import Fraction

import pendulum
from hypothesis import strategies as st

from rightsplan.agreement import RightsAgreement, standard_exempt_persons
from rightsplan.amendments import (
    AddException,
    AddExemptPerson,
    Amendment,
    AppointRightsAgent,
    Change,
    OtherChange,
    Redeem,
    RemoveException,
    RemoveExemptPerson,
    RemovePassiveTier,
    ReplaceException,
    SetExpiration,
    SetPassiveTier,
    SetThreshold,
    Terminate,
)
from rightsplan.ledger import (
    Acquisition,
    Disposition,
    Event,
    Ledger,
    OutstandingChanged,
    PassivityChanged,
    PositionReported,
    StockSplit,
)
from rightsplan.ownership import Position
from rightsplan.percent import Comparison, Threshold
from rightsplan.plan import Plan
from rightsplan.terms import HolderKind

__all__ = [
    "HOLDER_NAMES",
    "LEDGER_START",
    "MAX_DATE",
    "MIN_DATE",
    "amendment_histories",
    "boundary_positions",
    "comparisons",
    "dates",
    "ledgers",
    "percents",
    "plans",
    "positions",
    "thresholds",
]

MIN_DATE = pendulum.Date(1985, 1, 1)
"""The earliest date drawn (rights plans date from the mid-1980s)."""
MAX_DATE = pendulum.Date(2040, 12, 31)
"""The latest date drawn."""

HOLDER_NAMES = (
    "IPOF Group",
    "IPOF Fund, L.P.",
    "David Dadante",
    "Alpha Capital",
    "Beta Partners LP",
    "Gamma Holdings",
    "Delta Value Fund",
)
"""A small pool of holder names, so that drawn plans and positions often meet."""


def dates(
    min_value: pendulum.Date = MIN_DATE, max_value: pendulum.Date = MAX_DATE
) -> st.SearchStrategy[pendulum.Date]:
    """Days between ``min_value`` and ``max_value``, as :class:`pendulum.Date`."""
    return st.dates(min_value, max_value).map(lambda d: pendulum.Date(d.year, d.month, d.day))


def comparisons() -> st.SearchStrategy[Comparison]:
    """``AT_LEAST`` or ``MORE_THAN``."""
    return st.sampled_from(Comparison)


def percents(
    min_value: Fraction = Fraction(1, 100), max_value: Fraction = Fraction(100)
) -> st.SearchStrategy[Fraction]:
    """Percentages as plans write them, between the bounds (inclusive).

    Whole numbers, decimals like 4.99 (to three places), thirds, and the common thresholds,
    drawn within the bounds rather than filtered, so narrow ranges cost nothing.
    """
    low, high = Fraction(min_value), Fraction(max_value)
    if low > high:
        raise ValueError(f"percents: min_value {low} is above max_value {high}")
    families: list[st.SearchStrategy[Fraction]] = []
    for scale in (1, 3, 100, 1000):
        first, last = math.ceil(low * scale), math.floor(high * scale)
        if first <= last:
            families.append(st.integers(first, last).map(functools.partial(_over, scale)))
    common = [p for p in _COMMON_PERCENTS if low <= p <= high]
    if common:
        families.insert(0, st.sampled_from(common))
    if not families:
        return st.just(low)
    return st.one_of(families)


def _over(scale: int, numerator: int) -> Fraction:
    return Fraction(numerator, scale)


_COMMON_PERCENTS = tuple(
    Fraction(p) for p in ("4.75", "4.9", "4.99", "5", "10", "15", "20", "25", "40")
)


def thresholds(
    min_value: Fraction = Fraction(1, 100), max_value: Fraction = Fraction(100)
) -> st.SearchStrategy[Threshold]:
    """A percentage with its comparison."""
    return st.builds(Threshold, percents(min_value, max_value), comparisons())


def _loosest(a: Threshold, b: Threshold) -> Threshold:
    return max(a, b, key=Threshold.sort_key)


def _strictest(a: Threshold, b: Threshold) -> Threshold:
    return min(a, b, key=Threshold.sort_key)


@st.composite
def amendment_histories(
    draw: st.DrawFn,
    *,
    dated: pendulum.Date | None = None,
    general: Threshold | None = None,
    max_amendments: int = 6,
) -> tuple[RightsAgreement, tuple[Amendment, ...]]:
    """A Rights Agreement and a consistent history of amendments to it.

    Each drawn change fits the terms before it (nothing removed that does not exist, the
    passive tier never below the general threshold), numbers and dates run together, and a
    termination or redemption, if any, comes last.
    """
    dated = dated if dated is not None else draw(dates(MIN_DATE, pendulum.Date(2020, 12, 31)))
    general = general if general is not None else draw(thresholds(Fraction(1), Fraction(50)))
    passive = draw(st.none() | thresholds(general.percent, Fraction(60)))
    if passive is not None:
        passive = _loosest(passive, general)
    provisions: list[Change] = [
        SetThreshold(percent=general.percent, comparison=general.comparison)
    ]
    if passive is not None:
        provisions.append(SetPassiveTier(percent=passive.percent, comparison=passive.comparison))
    provisions.extend(standard_exempt_persons())
    exceptions: set[str] = set()
    named_exempt: set[str] = set()
    if draw(st.booleans()):
        holder = draw(st.sampled_from(HOLDER_NAMES[:1] + HOLDER_NAMES[3:]))
        cap = draw(thresholds(Fraction(1), Fraction(100)))
        provisions.append(
            AddException(
                holder=holder,
                percent=cap.percent,
                comparison=cap.comparison,
                requires_passive=draw(st.booleans()),
                members=("IPOF Fund, L.P.", "David Dadante") if holder == "IPOF Group" else (),
            )
        )
        exceptions.add(holder)
    agreement = RightsAgreement(company="Example Corp", dated=dated, provisions=tuple(provisions))

    count = draw(st.integers(0, max_amendments))
    amendments: list[Amendment] = []
    day = dated
    for number in range(1, count + 1):
        day = day.add(days=draw(st.integers(0, 400)))
        last = number == count
        changes: list[Change] = []
        for _ in range(draw(st.integers(1, 3))):
            kinds = ["threshold", "passive", "exception", "exempt", "agent", "other"]
            kind = draw(st.sampled_from(kinds))
            if kind == "threshold":
                new = draw(thresholds(Fraction(1), Fraction(50)))
                if passive is not None:
                    new = _strictest(new, passive)
                general = new
                changes.append(SetThreshold(percent=new.percent, comparison=new.comparison))
            elif kind == "passive":
                if passive is not None and draw(st.booleans()):
                    passive = None
                    changes.append(RemovePassiveTier())
                else:
                    new = _loosest(draw(thresholds(general.percent, Fraction(60))), general)
                    passive = new
                    changes.append(SetPassiveTier(percent=new.percent, comparison=new.comparison))
            elif kind == "exception":
                cap = draw(thresholds(Fraction(1), Fraction(100)))
                requires = draw(st.booleans())
                free = [n for n in (HOLDER_NAMES[0], *HOLDER_NAMES[3:]) if n not in exceptions]
                action = draw(st.sampled_from(["add", "replace", "remove"]))
                if action == "add" and free:
                    holder = draw(st.sampled_from(free))
                    members = ("IPOF Fund, L.P.", "David Dadante") if holder == "IPOF Group" else ()
                    exceptions.add(holder)
                    changes.append(
                        AddException(
                            holder=holder,
                            percent=cap.percent,
                            comparison=cap.comparison,
                            requires_passive=requires,
                            members=members,
                        )
                    )
                elif exceptions:
                    holder = draw(st.sampled_from(sorted(exceptions)))
                    members = ("IPOF Fund, L.P.", "David Dadante") if holder == "IPOF Group" else ()
                    if action == "remove":
                        exceptions.discard(holder)
                        changes.append(RemoveException(holder=holder))
                    else:
                        changes.append(
                            ReplaceException(
                                holder=holder,
                                percent=cap.percent,
                                comparison=cap.comparison,
                                requires_passive=requires,
                                members=members,
                            )
                        )
                else:
                    changes.append(OtherChange(description="no exception to change"))
            elif kind == "exempt":
                holder = draw(st.sampled_from(HOLDER_NAMES[3:]))
                if holder in named_exempt:
                    named_exempt.discard(holder)
                    changes.append(RemoveExemptPerson(name=holder))
                elif holder not in exceptions:
                    named_exempt.add(holder)
                    changes.append(AddExemptPerson(name=holder))
                else:
                    changes.append(OtherChange(description=f"{holder} left as it was"))
            elif kind == "agent":
                changes.append(
                    AppointRightsAgent(
                        name=draw(st.sampled_from(["SunTrust Bank", "Computershare"]))
                    )
                )
            else:
                changes.append(OtherChange(description="amended in certain other particulars"))
        if last:
            ending = draw(st.sampled_from(["none", "expire", "terminate", "redeem"]))
            if ending == "expire":
                changes.append(SetExpiration(date=day.add(days=draw(st.integers(0, 2000)))))
            elif ending == "terminate":
                changes.append(Terminate())
            elif ending == "redeem":
                changes.append(Redeem(price=Decimal("0.001")))
        executed = day
        lead = draw(st.none() | st.integers(0, 10))
        authorized = None if lead is None else max(executed.subtract(days=lead), dated)
        amendments.append(
            Amendment(
                number=number,
                executed=executed,
                authorized=authorized,
                changes=tuple(changes),
            )
        )
    return agreement, tuple(amendments)


@st.composite
def plans(draw: st.DrawFn, *, max_amendments: int = 6) -> Plan:
    """Whole plans: an agreement and a consistent history of up to ``max_amendments``."""
    agreement, amendments = draw(amendment_histories(max_amendments=max_amendments))
    return Plan(agreement, draw(st.permutations(amendments)))


@st.composite
def positions(
    draw: st.DrawFn,
    plan: Plan | None = None,
    *,
    on: pendulum.Date | dt.date | None = None,
    max_outstanding: int = 10**12,
) -> Position:
    """Holdings, often hugging a limit of ``plan`` (exactly at, one under, one over).

    Holder names come from :data:`HOLDER_NAMES` and ``plan``'s named holders, so positions
    meet the plan's exceptions and Exempt Persons.
    """
    names = list(HOLDER_NAMES)
    outstanding = draw(
        st.one_of(st.integers(1, 1000), st.integers(1, max_outstanding), st.just(11_572_314))
    )
    holder = draw(st.sampled_from(names))
    passive = draw(st.booleans())
    kind = draw(
        st.sampled_from([HolderKind.OTHER] * 6 + list(HolderKind)),
    )
    shares = draw(st.integers(0, outstanding))
    if plan is not None and draw(st.booleans()):
        day = on if on is not None else draw(dates(plan.agreement.dated, MAX_DATE))
        terms = plan.terms_at(pendulum.Date(day.year, day.month, day.day))
        limits = [terms.general.threshold]
        if terms.passive is not None:
            limits.append(terms.passive.threshold)
        limits.extend(exception.cap for exception in terms.exceptions)
        limit = draw(st.sampled_from(limits))
        edge = limit.max_shares(outstanding) + draw(st.sampled_from([-1, 0, 1]))
        shares = min(max(edge, 0), outstanding)
    return Position(holder, shares, outstanding, passive=passive, kind=kind)


@st.composite
def boundary_positions(
    draw: st.DrawFn,
    plan: Plan,
    *,
    on: pendulum.Date | dt.date | None = None,
    max_outstanding: int = 10**12,
) -> Position:
    """Holdings that always hug a limit of ``plan``: exactly at it, one share under or over.

    A limit in force on ``on`` (drawn from the plan's life if not given) is chosen: the
    general threshold, the passive tier or a named holder's cap. Half the time the shares
    outstanding make that limit a whole number of shares, so that "exactly at" means a holding
    of exactly the limit's percentage, the holding where "X% or more" and "more than X%"
    differ (and where arithmetic in floats goes wrong); otherwise "exactly at" is the largest
    holding that does not cross it. The holder and its passivity are chosen so that the
    chosen limit applies to it (the binding limit is still the most generous rule that
    applies). Unlike :func:`positions`, every draw hugs a limit.
    """
    day = on if on is not None else draw(dates(plan.agreement.dated, MAX_DATE))
    terms = plan.terms_at(pendulum.Date(day.year, day.month, day.day))
    choices: list[tuple[Threshold, str | None, bool]] = [(terms.general.threshold, None, False)]
    if terms.passive is not None:
        choices.append((terms.passive.threshold, None, True))
    choices.extend((e.cap, e.holder, True) for e in terms.exceptions)
    limit, named, passive = draw(st.sampled_from(choices))
    unit = (limit.percent / 100).denominator
    if unit <= max_outstanding and draw(st.booleans()):
        outstanding = unit * draw(st.integers(1, max_outstanding // unit))
        line = int(limit.percent * outstanding / 100)
    else:
        outstanding = draw(st.integers(1, max_outstanding))
        line = limit.max_shares(outstanding)
    shares = min(max(line + draw(st.sampled_from([-1, 0, 1])), 0), outstanding)
    if named is None:
        unnamed = [
            name
            for name in HOLDER_NAMES
            if terms.exception_for(name) is None
            and terms.exemption_for(name, HolderKind.OTHER) is None
        ]
        holder = draw(st.sampled_from(unnamed or ["Unnamed Holder"]))
    else:
        holder = named
    return Position(holder, shares, outstanding, passive=passive)


LEDGER_START = pendulum.Date(2010, 1, 4)
"""Where :func:`ledgers` start by default: a Monday."""


@st.composite
def ledgers(
    draw: st.DrawFn,
    *,
    start: pendulum.Date = LEDGER_START,
    holders: tuple[str, ...] = ("Alpha Capital", "Beta Partners LP", "Gamma Holdings"),
    max_events: int = 12,
    outstanding: int | None = None,
) -> Ledger:
    """Consistent ownership histories from ``start`` on.

    The shares outstanding are set first; then acquisitions, dispositions (never more than
    held), position reports, buybacks (never below what holders own), issuances, splits and
    passivity changes, on days moving forward. Every event is valid, so a replay of the
    ledger against any plan adopted on or before ``start`` never raises for the ledger's sake.
    """
    total = outstanding if outstanding is not None else draw(st.integers(100, 10**9))
    events: list[Event] = [OutstandingChanged(on=start, outstanding=total)]
    held = dict.fromkeys(holders, 0)
    day = start
    for _ in range(draw(st.integers(0, max_events))):
        day = day.add(days=draw(st.integers(0, 60)))
        holder = draw(st.sampled_from(holders))
        kind = draw(
            st.sampled_from(
                ["acquire", "acquire", "dispose", "report", "buyback", "issue", "split", "passive"]
            )
        )
        free = total - sum(held.values())
        if kind == "acquire" and free > 0:
            amount = draw(st.integers(1, max(1, min(free, total // 5))))
            held[holder] += amount
            events.append(Acquisition(on=day, holder=holder, shares=amount))
        elif kind == "dispose" and held[holder] > 0:
            amount = draw(st.integers(1, held[holder]))
            held[holder] -= amount
            events.append(Disposition(on=day, holder=holder, shares=amount))
        elif kind == "report":
            amount = draw(st.integers(0, held[holder] + free))
            held[holder] = amount
            events.append(
                PositionReported(on=day, holder=holder, shares=amount, passive=draw(st.booleans()))
            )
        elif kind == "buyback" and total - 1 >= max(1, total - free):
            total = draw(st.integers(max(1, total - free), total - 1))
            events.append(OutstandingChanged(on=day, outstanding=total, reason="buyback"))
        elif kind == "issue":
            total += draw(st.integers(1, max(1, total // 4)))
            events.append(OutstandingChanged(on=day, outstanding=total, reason="issuance"))
        elif kind == "split":
            ratio = draw(st.sampled_from([Fraction(2), Fraction(3), Fraction(3, 2)]))
            if (total * ratio).denominator == 1:
                total = int(total * ratio)
                held = {name: int(amount * ratio) for name, amount in held.items()}
                events.append(StockSplit(on=day, ratio=ratio))
        else:
            events.append(PassivityChanged(on=day, holder=holder, passive=draw(st.booleans())))
    return Ledger(events)
