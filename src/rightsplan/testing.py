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

The strategies reach every kind rightsplan models: :func:`amendment_histories` every change
kind, :func:`ledgers` every event kind, :func:`standings` every standing kind
(:func:`positions_with_standing` pairs one with a holding at its line). rightsplan's own
tests fail if a kind is added and never drawn.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import typing
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction

import attrs
import pendulum
from hypothesis import strategies as st

from rightsplan.agreement import RightsAgreement, standard_exempt_persons
from rightsplan.amendments import (
    AddException,
    AddExemptPerson,
    Amendment,
    AppointRightsAgent,
    Change,
    ExchangeRights,
    InstrumentKind,
    OtherChange,
    Redeem,
    RemoveException,
    RemoveExemptPerson,
    RemovePassiveTier,
    ReplaceException,
    SetDistributionRule,
    SetExpiration,
    SetGrandfathering,
    SetOwnershipRules,
    SetPassiveTier,
    SetThreshold,
    Terminate,
)
from rightsplan.assess import assess
from rightsplan.errors import PlanHistoryError
from rightsplan.ledger import (
    EVENT_KINDS,
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
from rightsplan.ownership import Position
from rightsplan.percent import Comparison, Threshold
from rightsplan.plan import Plan
from rightsplan.sources import Source
from rightsplan.standing import (
    ORDINARY,
    STANDING_KINDS,
    AcquiringPerson,
    BoardExempted,
    BuybackExcused,
    Grandfathered,
    InadvertentExcused,
    Ordinary,
    Standing,
)
from rightsplan.terms import (
    GrandfatherBase,
    GrandfatherCutoff,
    HolderKind,
    Limit,
    LimitKind,
    RightsToAcquire,
)
from rightsplan.unknowns import UnknownDate, UnknownPercent, UnknownShares

__all__ = [
    "HOLDER_NAMES",
    "LEDGER_START",
    "MAX_DATE",
    "MIN_DATE",
    "TRADING_EVENTS",
    "amendment_histories",
    "boundary_positions",
    "comparisons",
    "dates",
    "distribution_rules",
    "expiry_proofs",
    "grandfatherings",
    "known_plan",
    "ledgers",
    "ownership_rules",
    "percents",
    "plans",
    "plans_with_unknowns",
    "positions",
    "positions_with_standing",
    "share_caps",
    "standings",
    "substitutions",
    "thresholds",
    "unknown_dates",
    "unknown_percents",
    "unknown_shares",
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


def grandfatherings() -> st.SearchStrategy[SetGrandfathering]:
    """Grandfathering clauses (:class:`~rightsplan.SetGrandfathering`) with every setting.

    No tolerance or one of either comparison, measured from the cut-off or the lowest
    holding since, with or without a cap, lapsing below the threshold or not, either
    cut-off, exercise of rights to acquire ending it or not.
    """
    return st.builds(
        _set_grandfathering,
        st.none() | thresholds(Fraction(1, 100), Fraction(5)),
        st.sampled_from(GrandfatherBase),
        st.none() | thresholds(Fraction(5), Fraction(60)),
        st.booleans(),
        st.sampled_from(GrandfatherCutoff),
        st.booleans(),
    )


def _set_grandfathering(
    tolerance: Threshold | None,
    measured_from: GrandfatherBase,
    cap: Threshold | None,
    lapses: bool,
    cutoff: GrandfatherCutoff,
    exercise_ends: bool,
) -> SetGrandfathering:
    return SetGrandfathering(
        tolerance_percent=None if tolerance is None else tolerance.percent,
        tolerance_comparison=None if tolerance is None else tolerance.comparison,
        measured_from=measured_from,
        cap_percent=None if cap is None else cap.percent,
        cap_comparison=None if cap is None else cap.comparison,
        lapses_below_threshold=lapses,
        cutoff=cutoff,
        exercise_ends=exercise_ends,
    )


def ownership_rules() -> st.SearchStrategy[SetOwnershipRules]:
    """Ownership rules (:class:`~rightsplan.SetOwnershipRules`) with every setting.

    Rights to acquire of each mode, derivatives counted or not, a buyback tolerance (often
    none), Acquiring Person status sticky or not.
    """
    return st.builds(
        SetOwnershipRules,
        derivatives_counted=st.booleans(),
        rights_to_acquire=st.sampled_from(RightsToAcquire),
        buyback_tolerance=st.just(Fraction(0)) | percents(Fraction(1, 100), Fraction(5)),
        sticky=st.booleans(),
    )


def distribution_rules() -> st.SearchStrategy[SetDistributionRule]:
    """When the rights separate: 0 to 20 business or calendar days after the trigger."""
    return st.builds(SetDistributionRule, days=st.integers(0, 20), business_days=st.booleans())


_GOVERNMENT = "the United States Government"
_NAMED_CAPS = (HOLDER_NAMES[0], *HOLDER_NAMES[3:])
"""The holders a drawn plan may give a cap of its own (IPOF Group covers two members)."""


def _members(holder: str) -> tuple[str, ...]:
    return ("IPOF Fund, L.P.", "David Dadante") if holder == "IPOF Group" else ()


_PROVISOS = (
    "provided that such Person does not thereafter acquire any additional shares",
    "until the stockholders approve the transaction",
    "so long as it holds without any intention of changing or influencing control",
)
"""Limiting clauses and lapse conditions as plans word them (recorded, never evaluated)."""

_AFFILIATES = ("Management LLC", "Master Fund, Ltd.")
"""What an Exempt Person's listed Affiliates are called after its name."""


def share_caps() -> st.SearchStrategy[int]:
    """Caps in shares as filings state them ("up to 3,501,585 shares"): any size, often real."""
    return st.sampled_from([3_501_585, 1_000_000]) | st.integers(1, 10**10)


def _proviso(draw: st.DrawFn) -> str | None:
    return draw(st.none() | st.sampled_from(_PROVISOS))


class _Drafting:
    """The terms a drawn history has reached, so that each next change fits them."""

    def __init__(
        self, general: Threshold, passive: Threshold | None, *, capped: bool = True
    ) -> None:
        self.general = general
        self.passive = passive
        self.capped = capped
        self.exceptions: set[str] = set()
        self.exempt: set[str] = set()

    def _share_cap(self, draw: st.DrawFn) -> int | None:
        """Now and then a cap in shares (never when the history is for a screen)."""
        if not self.capped or draw(st.integers(0, 3)) > 0:
            return None
        return draw(share_caps())

    def change(self, draw: st.DrawFn, kind: str) -> Change:
        """One change of ``kind`` that fits the terms so far (an OtherChange if none can)."""
        if kind == "threshold":
            new = draw(thresholds(Fraction(1), Fraction(50)))
            if self.passive is not None:
                new = _strictest(new, self.passive)
            self.general = new
            return SetThreshold(percent=new.percent, comparison=new.comparison)
        if kind == "passive":
            if self.passive is not None and draw(st.booleans()):
                self.passive = None
                return RemovePassiveTier()
            new = _loosest(draw(thresholds(self.general.percent, Fraction(60))), self.general)
            self.passive = new
            return SetPassiveTier(percent=new.percent, comparison=new.comparison)
        if kind == "exception":
            return self.exception(draw)
        if kind == "exempt":
            return self._exempt(draw)
        if kind == "agent":
            return AppointRightsAgent(
                name=draw(st.sampled_from(["SunTrust Bank", "Computershare"]))
            )
        if kind == "ownership":
            return draw(ownership_rules())
        if kind == "grandfathering":
            return draw(grandfatherings())
        if kind == "distribution":
            return draw(distribution_rules())
        return OtherChange(description="amended in certain other particulars")

    def exception(self, draw: st.DrawFn, *, add: bool = False) -> Change:
        """An exception added (only that, with ``add``), replaced or removed, if one fits."""
        cap = draw(thresholds(Fraction(1), Fraction(100)))
        requires = draw(st.booleans())
        free = [n for n in _NAMED_CAPS if n not in self.exceptions and n not in self.exempt]
        action = "add" if add else draw(st.sampled_from(["add", "replace", "remove"]))
        share_cap, proviso = self._share_cap(draw), _proviso(draw)
        if action == "add" and free:
            holder = draw(st.sampled_from(free))
            self.exceptions.add(holder)
            return AddException(
                holder=holder,
                percent=cap.percent,
                comparison=cap.comparison,
                requires_passive=requires,
                members=_members(holder),
                share_cap=share_cap,
                proviso=proviso,
            )
        if not self.exceptions:
            return OtherChange(description="no exception to change")
        holder = draw(st.sampled_from(sorted(self.exceptions)))
        if action == "remove":
            self.exceptions.discard(holder)
            return RemoveException(holder=holder)
        return ReplaceException(
            holder=holder,
            percent=cap.percent,
            comparison=cap.comparison,
            requires_passive=requires,
            members=_members(holder),
            share_cap=share_cap,
            proviso=proviso,
        )

    def _exempt(self, draw: st.DrawFn) -> Change:
        holder = draw(st.sampled_from([*HOLDER_NAMES[3:], _GOVERNMENT]))
        if holder in self.exempt:
            self.exempt.discard(holder)
            return RemoveExemptPerson(name=holder)
        if holder in self.exceptions:
            return OtherChange(description=f"{holder} left as it was")
        self.exempt.add(holder)
        if holder == _GOVERNMENT:
            return AddExemptPerson(name=holder, category=HolderKind.GOVERNMENT)
        # Its Affiliates, listed by name as plans list them ("Renaissance" is RTC and RTHC).
        count = draw(st.integers(0, len(_AFFILIATES)))
        return AddExemptPerson(
            name=holder,
            members=tuple(f"{holder} {suffix}" for suffix in _AFFILIATES[:count]),
            share_cap=self._share_cap(draw),
            proviso=_proviso(draw),
        )


_CHANGE_DRAFTS = (
    "threshold",
    "passive",
    "exception",
    "exempt",
    "agent",
    "ownership",
    "grandfathering",
    "distribution",
    "other",
)
"""What a drawn amendment may do besides ending the plan or setting its expiration."""


@st.composite
def amendment_histories(
    draw: st.DrawFn,
    *,
    dated: pendulum.Date | None = None,
    general: Threshold | None = None,
    max_amendments: int = 6,
    share_caps: bool = True,
) -> tuple[RightsAgreement, tuple[Amendment, ...]]:
    """A Rights Agreement and a consistent history of instruments after it.

    Every :class:`~rightsplan.InstrumentKind` comes up: numbered amendments (now and then with
    a gap where an amendment is missing, and numbered anew after a restatement), amended and
    restated agreements (their provisions drawn as an agreement's are), supplements, board
    resolutions, rights-agent assignments, and exchanges of rights (of every right only in
    the last instrument). An unnumbered instrument is alone on its day, so the order the
    instruments are given in never matters. Every kind of change in
    :data:`rightsplan.amendments.CHANGE_KINDS` comes up: thresholds, passive
    tiers added and removed, exceptions added, replaced and removed, Exempt Persons by name
    and by category, a rights agent, ownership rules (:func:`ownership_rules`),
    grandfathering (:func:`grandfatherings`), the distribution rule, an expiration, other
    changes, and a termination or redemption. Each drawn change fits the terms before it
    (nothing removed that does not exist, no name covered twice, the passive tier never
    below the general threshold), numbers and dates run together, and a termination or
    redemption, if any, comes last. The agreement itself may state ownership rules,
    grandfathering, a distribution rule and a Final Expiration Date, as tax-asset plans do.

    Exceptions and Exempt Persons come in the shapes filings give them: a named holder with
    its members, an Exempt Person with its Affiliates listed, now and then a cap in shares
    (:func:`share_caps`; none with ``share_caps=False``, for the screen, which takes
    limits in percentages only) and a proviso (a limiting clause or lapse condition).
    """
    dated = dated if dated is not None else draw(dates(MIN_DATE, pendulum.Date(2020, 12, 31)))
    drafting, provisions, expires = _stated(draw, dated, general, capped=share_caps)
    agreement = RightsAgreement(company="Example Corp", dated=dated, provisions=provisions)

    count = draw(st.integers(0, max_amendments))
    amendments: list[Amendment] = []
    day = dated
    number = 0  # the last number given, among the amendments to the current agreement
    alone = False  # whether the last instrument must be alone on its day (unnumbered)
    for index in range(count):
        last = index == count - 1
        previous = day
        day = day.add(days=draw(st.integers(0, 400)))
        if expires is not None:
            day = min(day, expires)  # an expired plan can no longer be amended
        kind = draw(st.sampled_from(_INSTRUMENT_DRAFTS))
        if kind is InstrumentKind.EXCHANGE and not last and draw(st.booleans()):
            kind = InstrumentKind.AMENDMENT
        # An unnumbered instrument is alone on its day: on a shared day instruments apply in
        # the order given, and plans() gives them in any order.
        if (kind is not InstrumentKind.AMENDMENT or alone) and day == previous:
            if expires is not None and day == expires:
                break
            day = day.add(days=1)
        alone = kind is not InstrumentKind.AMENDMENT
        if kind is InstrumentKind.AMENDED_AND_RESTATED:
            drafting, restated, expires = _stated(draw, day, None, capped=share_caps)
            amendments.append(Amendment(kind=kind, executed=day, changes=restated))
            number = 0
            continue
        if kind is InstrumentKind.EXCHANGE:
            every = last and draw(st.booleans())
            ratio = draw(st.none() | st.sampled_from([Decimal("1"), Decimal("0.5")]))
            exchange = ExchangeRights(shares_per_right=ratio, all_rights=every)
            amendments.append(Amendment(kind=kind, executed=day, changes=(exchange,)))
            continue
        if kind is InstrumentKind.RIGHTS_AGENT_ASSIGNMENT:
            agent = drafting.change(draw, "agent")
            amendments.append(Amendment(kind=kind, executed=day, changes=(agent,)))
            continue
        changes = [
            drafting.change(draw, draw(st.sampled_from(_CHANGE_DRAFTS)))
            for _ in range(draw(st.integers(1, 3)))
        ]
        ending = draw(st.sampled_from(["none", "none", "expire", "terminate", "redeem"]))
        if ending == "expire":
            expires = day.add(days=draw(st.integers(0, 2000)))
            changes.append(SetExpiration(date=expires))
        elif last and ending == "terminate":
            changes.append(Terminate())
        elif last and ending == "redeem":
            price = draw(st.none() | st.sampled_from([Decimal("0.001"), Decimal("0.01")]))
            changes.append(Redeem(price=price))
        executed = day
        lead = draw(st.none() | st.integers(0, 10))
        authorized = None if lead is None else max(executed.subtract(days=lead), dated)
        if kind is InstrumentKind.AMENDMENT:
            number += draw(st.sampled_from([1, 1, 1, 2]))  # now and then a missing amendment
        amendments.append(
            Amendment(
                kind=kind,
                number=number if kind is InstrumentKind.AMENDMENT else None,
                executed=executed,
                authorized=authorized,
                changes=tuple(changes),
            )
        )
    return agreement, tuple(amendments)


_INSTRUMENT_DRAFTS = (
    *[InstrumentKind.AMENDMENT] * 6,
    InstrumentKind.AMENDED_AND_RESTATED,
    InstrumentKind.SUPPLEMENT,
    InstrumentKind.BOARD_RESOLUTION,
    InstrumentKind.EXCHANGE,
    InstrumentKind.RIGHTS_AGENT_ASSIGNMENT,
)
"""The kinds of instrument a drawn history holds, numbered amendments most often."""


def _stated(
    draw: st.DrawFn, dated: pendulum.Date, general: Threshold | None, *, capped: bool
) -> tuple[_Drafting, tuple[Change, ...], pendulum.Date | None]:
    """Provisions an agreement (first, or amended and restated on ``dated``) may state."""
    general = general if general is not None else draw(thresholds(Fraction(1), Fraction(50)))
    passive = draw(st.none() | thresholds(general.percent, Fraction(60)))
    if passive is not None:
        passive = _loosest(passive, general)
    drafting = _Drafting(general, passive, capped=capped)
    provisions: list[Change] = [
        SetThreshold(percent=general.percent, comparison=general.comparison)
    ]
    if passive is not None:
        provisions.append(SetPassiveTier(percent=passive.percent, comparison=passive.comparison))
    provisions.extend(standard_exempt_persons())
    if draw(st.booleans()):
        provisions.append(drafting.exception(draw, add=True))
    if draw(st.integers(0, 3)) == 0:
        provisions.append(drafting.change(draw, "exempt"))
    for kind in ("ownership", "grandfathering", "distribution"):
        if draw(st.integers(0, 3)) == 0:
            provisions.append(drafting.change(draw, kind))
    expires: pendulum.Date | None = None
    if draw(st.integers(0, 3)) == 0:
        expires = dated.add(years=draw(st.integers(1, 10)))
        provisions.append(SetExpiration(date=expires))
    return drafting, tuple(provisions), expires


@st.composite
def plans(draw: st.DrawFn, *, max_amendments: int = 6, share_caps: bool = True) -> Plan:
    """Whole plans: an agreement and a consistent history of up to ``max_amendments``.

    See :func:`amendment_histories` (``share_caps=False``: no cap in shares, for a screen).
    """
    agreement, amendments = draw(
        amendment_histories(max_amendments=max_amendments, share_caps=share_caps)
    )
    return Plan(agreement, draw(st.permutations(amendments)))


# --- unknown terms ---------------------------------------------------------------------------

_REASONS = st.none() | st.sampled_from(
    ["the agreement is not at hand", "known only from a later amendment"]
)


@st.composite
def unknown_percents(draw: st.DrawFn, around: Fraction | None = None) -> UnknownPercent:
    """Unknown percentages, each bound present or not; both contain ``around`` if given."""
    low = draw(
        st.none() | percents(Fraction(1, 100), around if around is not None else Fraction(100))
    )
    high = draw(
        st.none() | percents(max(low or Fraction(1, 100), around or Fraction(0)), Fraction(100))
    )
    return UnknownPercent(at_least=low, at_most=high, reason=draw(_REASONS))


@st.composite
def unknown_dates(
    draw: st.DrawFn,
    around: pendulum.Date | None = None,
    *,
    not_before: pendulum.Date = MIN_DATE,
    lower_bound: bool | None = None,
) -> UnknownDate:
    """Unknown dates, each bound present or not, none before ``not_before``.

    Both bounds contain ``around`` if given. ``lower_bound`` forces ``on_or_after`` to be
    present (``True``) or absent (``False``).
    """
    top = around if around is not None else MAX_DATE
    low: pendulum.Date | None = None
    if lower_bound or (lower_bound is None and draw(st.booleans())):
        low = draw(dates(min(not_before, top), top))
    bottom = max(low or not_before, around or not_before)
    high = draw(st.none() | dates(bottom, max(bottom, MAX_DATE)))
    return UnknownDate(on_or_after=low, on_or_before=high, reason=draw(_REASONS))


@st.composite
def unknown_shares(draw: st.DrawFn, around: int | None = None) -> UnknownShares:
    """Unknown numbers of shares, each bound present or not; both contain ``around`` if given."""
    low = draw(st.none() | st.integers(1, around if around is not None else 10**10))
    floor = max(low or 1, around or 1)
    high = draw(st.none() | st.integers(floor, max(floor, 10**10)))
    return UnknownShares(at_least=low, at_most=high, reason=draw(_REASONS))


def _unknown_percent(
    draw: st.DrawFn, percent: Fraction | UnknownPercent, comparison: Comparison | None
) -> tuple[Fraction | UnknownPercent, Comparison | None]:
    """A known percent made unknown around its value (or kept), its wording kept or not."""
    if isinstance(percent, UnknownPercent) or not draw(st.booleans()):
        return percent, comparison
    return draw(unknown_percents(percent)), draw(st.sampled_from([comparison, None]))


_LAPSES = (
    "if the stockholders do not approve it at the next annual meeting",
    "twelve months after it was granted, unless the stockholders approve",
)
"""Conditions on which an exception or exemption lapses, not known to have happened."""


def _lapse(draw: st.DrawFn, lapse: str | None) -> str | None:
    return lapse if lapse is not None or draw(st.integers(0, 3)) else draw(st.sampled_from(_LAPSES))


def _unknown_cap(draw: st.DrawFn, cap: int | UnknownShares | None) -> int | UnknownShares | None:
    if isinstance(cap, int) and draw(st.booleans()):
        return draw(unknown_shares(cap))
    return cap


def _unknowing(draw: st.DrawFn, change: Change, on: pendulum.Date, proof: pendulum.Date) -> Change:
    """``change``, or the same change with terms unknown (each around its value).

    ``proof`` is the last day a later instrument proves the plan in force under this
    change's expiry (the replay narrows an unknown expiry to it).
    """
    if isinstance(change, SetThreshold | SetPassiveTier):
        percent, comparison = _unknown_percent(draw, change.percent, change.comparison)
        return attrs.evolve(change, percent=percent, comparison=comparison)
    if isinstance(change, AddException | ReplaceException):
        percent, comparison = _unknown_percent(draw, change.percent, change.comparison)
        share_cap = _unknown_cap(draw, change.share_cap)
        return attrs.evolve(
            change,
            percent=percent,
            comparison=comparison,
            share_cap=share_cap,
            lapse=_lapse(draw, change.lapse),
        )
    if isinstance(change, AddExemptPerson) and change.category is None:
        return attrs.evolve(
            change,
            share_cap=_unknown_cap(draw, change.share_cap),
            lapse=_lapse(draw, change.lapse),
        )
    if isinstance(change, SetGrandfathering) and change.tolerance_percent is not None:
        percent, comparison = _unknown_percent(
            draw, change.tolerance_percent, change.tolerance_comparison
        )
        return attrs.evolve(change, tolerance_percent=percent, tolerance_comparison=comparison)
    if (
        isinstance(change, SetExpiration)
        and isinstance(change.date, pendulum.Date)
        and draw(st.booleans())
    ):
        # A bound below ``proof`` would be narrowed by the replay: draw it at or above (or
        # leave it out when no later instrument proves anything).
        needs_low = True if proof > on else None
        floor = min(max(on, proof), change.date)
        date = draw(unknown_dates(change.date, not_before=floor, lower_bound=needs_low))
        condition = draw(st.none() | st.just("an event"))
        return SetExpiration(date=date, quote=change.quote, condition=condition)
    return change


def expiry_proofs(plan: Plan) -> dict[pendulum.Date, pendulum.Date]:
    """The day a later instrument proves each instrument's expiry still governed.

    For each day an instrument of ``plan`` takes effect: the next day an instrument sets a
    Final Expiration Date, else the plan's last instrument's day.
    """
    days = sorted({plan.agreement.dated, *(a.effective_date for a in plan.amendments)})
    setting = sorted(
        {
            a.effective_date
            for a in plan.amendments
            if any(isinstance(c, SetExpiration) for c in a.changes)
        }
    )
    return {day: next((other for other in setting if other > day), days[-1]) for day in days}


@st.composite
def plans_with_unknowns(
    draw: st.DrawFn, *, max_amendments: int = 4, share_caps: bool = True
) -> tuple[Plan, Plan]:
    """A plan with unknown terms, and a concrete plan it could be (the values it hides).

    Drawn from :func:`plans`: in every instrument, any of the terms filings leave open may
    be made unknown, with bounds around the true value (each present or not): the general
    threshold, the passive tier, an exception's cap (its percent and wording, its cap in
    shares), an Exempt Person's cap in shares, the grandfathering tolerance and the Final
    Expiration Date; and an exception or an Exempt Person may be given a lapse condition
    not known to have happened. The unknown plan is valid whatever its draws; the concrete
    one is one of its substitutions (:func:`substitutions`), with no lapse. With
    ``share_caps=False`` no cap in shares, known or not (for the screen, which refuses them).
    """
    concrete = draw(plans(max_amendments=max_amendments, share_caps=share_caps))
    proofs = expiry_proofs(concrete)

    def unknowing(changes: tuple[Change, ...], on: pendulum.Date) -> tuple[Change, ...]:
        return tuple(_unknowing(draw, change, on, proofs[on]) for change in changes)

    agreement = concrete.agreement
    provisions = unknowing(agreement.provisions, agreement.dated)
    amendments = tuple(
        attrs.evolve(amendment, changes=unknowing(amendment.changes, amendment.effective_date))
        for amendment in concrete.amendments
    )
    unknown = Plan(attrs.evolve(agreement, provisions=provisions), amendments)
    return unknown, concrete


def known_plan(
    plan: Plan,
    *,
    threshold: typing.Callable[[Change, UnknownPercent, Comparison | None], Threshold],
    date: typing.Callable[[UnknownDate, pendulum.Date], pendulum.Date],
    shares: typing.Callable[[UnknownShares], int],
) -> Plan:
    """``plan`` with every unknown term replaced by the value a function chooses.

    ``threshold(change, bounds, comparison)`` for an unknown percent (a general threshold,
    a passive tier, an exception's cap or a grandfathering tolerance, as ``change`` says),
    ``shares(bounds)`` for an unknown cap in shares, ``date(unknown, on)`` for an unknown
    Final Expiration Date set by an instrument taking effect ``on``. A lapse condition is
    taken as not (yet) happened: the clause stands, without it.

    May raise :class:`~rightsplan.errors.PlanHistoryError` if the values chosen do not fit
    the rest of the history (a general threshold above the passive tier, say).
    """

    def known(change: Change, on: pendulum.Date) -> Change:
        if isinstance(
            change, SetThreshold | SetPassiveTier | AddException | ReplaceException
        ) and isinstance(change.percent, UnknownPercent):
            chosen = threshold(change, change.percent, change.comparison)
            change = attrs.evolve(change, percent=chosen.percent, comparison=chosen.comparison)
        if isinstance(change, AddException | ReplaceException | AddExemptPerson):
            if isinstance(change.share_cap, UnknownShares):
                change = attrs.evolve(change, share_cap=shares(change.share_cap))
            if change.lapse is not None:
                change = attrs.evolve(change, lapse=None)
        if isinstance(change, SetGrandfathering) and isinstance(
            change.tolerance_percent, UnknownPercent
        ):
            chosen = threshold(change, change.tolerance_percent, change.tolerance_comparison)
            change = attrs.evolve(
                change, tolerance_percent=chosen.percent, tolerance_comparison=chosen.comparison
            )
        if isinstance(change, SetExpiration) and isinstance(change.date, UnknownDate):
            return attrs.evolve(change, date=date(change.date, on))
        return change

    agreement = plan.agreement
    provisions = tuple(known(change, agreement.dated) for change in agreement.provisions)
    amendments = tuple(
        attrs.evolve(
            amendment,
            changes=tuple(known(change, amendment.effective_date) for change in amendment.changes),
        )
        for amendment in plan.amendments
    )
    return Plan(attrs.evolve(agreement, provisions=provisions), amendments)


@st.composite
def substitutions(draw: st.DrawFn, plan: Plan) -> Plan:
    """``plan`` with a value drawn within the bounds for every unknown term.

    Draws that do not fit the rest of the history are rejected (``assume``).
    """
    from hypothesis import assume

    def threshold(
        change: Change, bounds: UnknownPercent, comparison: Comparison | None
    ) -> Threshold:
        low = bounds.at_least if bounds.at_least is not None else Fraction(1, 1000)
        high = bounds.at_most if bounds.at_most is not None else Fraction(100)
        return Threshold(draw(percents(low, high)), comparison or draw(comparisons()))

    def shares(bounds: UnknownShares) -> int:
        low = bounds.at_least or 1
        return draw(st.integers(low, bounds.at_most or max(low, 10**12)))

    def date(bounds: UnknownDate, on: pendulum.Date) -> pendulum.Date:
        low = max(bounds.on_or_after or on, on)
        high = bounds.on_or_before or max(low, MAX_DATE)
        return draw(dates(low, high))

    try:
        return known_plan(plan, threshold=threshold, date=date, shares=shares)
    except PlanHistoryError:
        assume(False)
        raise AssertionError("unreachable") from None  # pragma: no cover


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
        limits = [terms.known_general().threshold]
        if isinstance(terms.passive, Limit):
            limits.append(terms.passive.threshold)
        limits.extend(e.cap for e in terms.exceptions if isinstance(e.cap, Threshold))
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
    choices: list[tuple[Threshold, str | None, bool]] = [
        (terms.known_general().threshold, None, False)
    ]
    if isinstance(terms.passive, Limit):
        choices.append((terms.passive.threshold, None, True))
    choices.extend(
        (e.cap, e.holder, True) for e in terms.exceptions if isinstance(e.cap, Threshold)
    )
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


def _standing_kinds(kinds: Iterable[type[Standing]] | None) -> tuple[type[Standing], ...]:
    if kinds is None:
        return STANDING_KINDS
    chosen = tuple(kinds)
    if not chosen or any(kind not in STANDING_KINDS for kind in chosen):
        raise ValueError(
            f"standings: kinds must be some of rightsplan.standing.STANDING_KINDS, got {chosen!r}"
        )
    return chosen


@st.composite
def standings(
    draw: st.DrawFn,
    *,
    kinds: Iterable[type[Standing]] | None = None,
    max_base_shares: int = 10**12,
    since: pendulum.Date | None = None,
) -> Standing:
    """A holder's standing, of every kind (or of ``kinds``).

    The kinds are those of :data:`rightsplan.standing.STANDING_KINDS`.

    Fields are valid and varied: base holdings up to ``max_base_shares``; grandfathering
    that follows the plan's clause or carries its own (:func:`grandfatherings`); buyback
    tolerances of the plan's, none or a few points; a divest-by date on or after the crossing; an
    Acquiring Person with or without the limit it crossed; a board exemption with or
    without a cap. ``since`` fixes the day the standing began (drawn otherwise).
    """
    kind = draw(st.sampled_from(_standing_kinds(kinds)))
    day = since if since is not None else draw(dates())
    base = draw(st.integers(0, max_base_shares))
    if kind is Ordinary:
        return ORDINARY
    if kind is Grandfathered:
        source = draw(st.none() | st.just(Source("Rights Agreement", day)))
        rules = draw(st.none() | grandfatherings())
        return Grandfathered(
            day,
            base,
            source=source,
            rules=None if rules is None else rules.grandfathering(source),
        )
    if kind is BuybackExcused:
        tolerance = draw(st.none() | st.just(Fraction(0)) | percents(Fraction(1, 100), Fraction(5)))
        source = draw(st.none() | st.just(Source("Rights Agreement", day, section="Section 1")))
        return BuybackExcused(day, base, tolerance=tolerance, source=source)
    if kind is InadvertentExcused:
        return InadvertentExcused(
            day,
            day.add(days=draw(st.integers(0, 120))),
            source=Source("Board determination", day),
        )
    if kind is AcquiringPerson:
        limit = draw(
            st.none()
            | thresholds(Fraction(1), Fraction(50)).map(
                lambda threshold: Limit(
                    threshold, LimitKind.GENERAL, Source("Rights Agreement", day)
                )
            )
        )
        cause = draw(st.none() | st.just("acquired shares over the threshold"))
        return AcquiringPerson(day, cause=cause, limit=limit)
    cap = draw(st.none() | thresholds(Fraction(1), Fraction(60)))
    source = draw(st.none() | st.just(Source("Board determination", day)))
    return BoardExempted(day, cap=cap, source=source)


@st.composite
def positions_with_standing(
    draw: st.DrawFn,
    plan: Plan,
    *,
    on: pendulum.Date | dt.date | None = None,
    kinds: Iterable[type[Standing]] | None = None,
    max_outstanding: int = 10**12,
) -> tuple[Position, Standing]:
    """A holding of ``plan`` on ``on`` with a standing, often hugging the standing's own line.

    The standing (:func:`standings`) begins on or before ``on`` and its base holding is at
    most the shares outstanding, often just over the binding limit (where grandfathering
    and buyback excuses matter). Half the time the holding is then moved to exactly
    :func:`rightsplan.assess`'s ``max_shares`` for that standing, one share under or one over,
    so a property about the line sees both sides of it. ``on`` is drawn from the plan's life
    if not given.
    """
    day = on if on is not None else draw(dates(plan.agreement.dated, MAX_DATE))
    day = pendulum.Date(day.year, day.month, day.day)
    position = draw(positions(plan, on=day, max_outstanding=max_outstanding))
    outstanding = position.outstanding
    since = draw(dates(min(plan.agreement.dated, day), day))
    standing = draw(standings(kinds=kinds, max_base_shares=outstanding, since=since))
    if isinstance(standing, Grandfathered | BuybackExcused) and draw(st.booleans()):
        general = plan.terms_at(day).known_general().threshold.max_shares(outstanding)
        low = min(max(general + 1, 0), outstanding)
        standing = attrs.evolve(standing, base_shares=draw(st.integers(low, outstanding)))
    if draw(st.booleans()):
        line = assess(plan, position, on=day, standing=standing).max_shares
        if line is not None:
            shares = min(max(line + draw(st.sampled_from([-1, 0, 1])), 0), outstanding)
            position = attrs.evolve(position, shares=shares)
    return position, standing


LEDGER_START = pendulum.Date(2010, 1, 4)
"""Where :func:`ledgers` start by default: a Monday."""

TRADING_EVENTS: tuple[type[Event], ...] = (
    Acquisition,
    Disposition,
    PositionReported,
    OutstandingChanged,
    StockSplit,
    PassivityChanged,
)
"""The event kinds of plain trading: ``ledgers(kinds=TRADING_EVENTS)`` draws only these,
and (as for any subset of them) in shares only, with no rights to acquire or derivatives."""


class _Books:
    """What a drawn ledger has recorded so far, so that each next event fits it."""

    def __init__(self, holders: tuple[str, ...], total: int, rich: bool) -> None:
        self.holders = holders
        self.total = total
        self.rich = rich
        self.shares = dict.fromkeys(holders, 0)
        self.rights = dict.fromkeys(holders, 0)
        self.later = dict.fromkeys(holders, 0)
        self.derivatives = dict.fromkeys(holders, 0)
        self.groups: list[str] = []
        self.formed = 0
        self.exempted: set[str] = set()

    @property
    def free(self) -> int:
        return self.total - sum(self.shares.values())

    def _extra(self, draw: st.DrawFn, most: int) -> int:
        """A count of rights or derivatives: usually none."""
        if not self.rich or draw(st.integers(0, 2)) > 0:
            return 0
        return draw(st.integers(0, max(0, most)))

    def _reported(
        self, draw: st.DrawFn, book: dict[str, int], holder: str, most: int
    ) -> int | None:
        """A reported count of rights or derivatives (``None``: not reported, kept)."""
        if not self.rich or draw(st.booleans()):
            return None
        book[holder] = draw(st.integers(0, most))
        return book[holder]

    def event(self, draw: st.DrawFn, kind: type[Event], day: pendulum.Date) -> Event | None:
        """One event of ``kind`` on ``day`` that fits the books, or ``None`` if none can."""
        holder = draw(st.sampled_from(self.holders))
        tenth = max(1, self.total // 10)
        if kind is Acquisition:
            shares = draw(st.integers(0, min(self.free, max(1, self.total // 5))))
            rights = self._extra(draw, tenth)
            later = self._extra(draw, tenth)
            derivatives = self._extra(draw, tenth)
            if not shares + rights + later + derivatives:
                return None
            self.shares[holder] += shares
            self.rights[holder] += rights
            self.later[holder] += later
            self.derivatives[holder] += derivatives
            return Acquisition(
                on=day,
                holder=holder,
                shares=shares,
                rights_to_acquire=rights,
                rights_to_acquire_later=later,
                derivatives=derivatives,
            )
        if kind is Disposition:
            amounts = [
                draw(st.integers(0, book[holder]))
                for book in (self.shares, self.rights, self.later, self.derivatives)
            ]
            if not any(amounts):
                return None
            for book, amount in zip(
                (self.shares, self.rights, self.later, self.derivatives), amounts, strict=True
            ):
                book[holder] -= amount
            shares, rights, later, derivatives = amounts
            return Disposition(
                on=day,
                holder=holder,
                shares=shares,
                rights_to_acquire=rights,
                rights_to_acquire_later=later,
                derivatives=derivatives,
            )
        if kind is PositionReported:
            self.shares[holder] = draw(st.integers(0, self.shares[holder] + self.free))
            return PositionReported(
                on=day,
                holder=holder,
                shares=self.shares[holder],
                rights_to_acquire=self._reported(draw, self.rights, holder, tenth),
                rights_to_acquire_later=self._reported(draw, self.later, holder, tenth),
                derivatives=self._reported(draw, self.derivatives, holder, tenth),
                passive=draw(st.none() | st.booleans()),
            )
        if kind is RightsExercised:
            usable = [
                flag
                for flag, held in ((False, self.rights), (True, self.later))
                if min(held[holder], self.free) >= 1
            ]
            if not usable:
                return None
            later = draw(st.sampled_from(usable))
            book = self.later if later else self.rights
            amount = draw(st.integers(1, min(book[holder], self.free)))
            book[holder] -= amount
            self.shares[holder] += amount
            return RightsExercised(on=day, holder=holder, shares=amount, later=later)
        if kind is OutstandingChanged:
            reason = draw(st.sampled_from(["buyback", "issuance", "reported"]))
            floor = max(1, self.total - self.free)
            if reason == "issuance":
                self.total += draw(st.integers(1, max(1, self.total // 4)))
            elif reason == "buyback":
                if floor >= self.total:
                    return None
                self.total = draw(st.integers(floor, self.total - 1))
            else:
                self.total = draw(st.integers(floor, max(floor, self.total * 2)))
            return OutstandingChanged(on=day, outstanding=self.total, reason=reason)
        if kind is StockSplit:
            ratio = draw(st.sampled_from([Fraction(2), Fraction(3), Fraction(3, 2)]))
            if (self.total * ratio).denominator != 1:
                return None
            self.total = int(self.total * ratio)
            for book in (self.shares, self.rights, self.later, self.derivatives):
                for name, amount in book.items():
                    book[name] = int(amount * ratio)
            return StockSplit(on=day, ratio=ratio)
        if kind is PassivityChanged:
            return PassivityChanged(on=day, holder=holder, passive=draw(st.booleans()))
        if kind is GroupFormed:
            if len(self.holders) < 2:
                return None
            members = draw(
                st.lists(
                    st.sampled_from(self.holders),
                    min_size=2,
                    max_size=len(self.holders),
                    unique=True,
                )
            )
            self.formed += 1
            group = f"Group {self.formed}"
            self.groups.append(group)
            return GroupFormed(on=day, group=group, members=tuple(members))
        if kind is GroupDissolved:
            if not self.groups:
                return None
            group = draw(st.sampled_from(self.groups))
            self.groups.remove(group)
            return GroupDissolved(on=day, group=group)
        if kind is Affiliated:
            others = [name for name in self.holders if name != holder]
            if not others:
                return None
            return Affiliated(on=day, holder=holder, affiliate=draw(st.sampled_from(others)))
        if kind is InadvertenceDetermination:
            divest_by = day.add(days=draw(st.integers(0, 60)))
            return InadvertenceDetermination(on=day, holder=holder, divest_by=divest_by)
        if kind is ExemptionGranted:
            cap = draw(st.none() | thresholds(Fraction(1), Fraction(60)))
            self.exempted.add(holder)
            if cap is None:
                return ExemptionGranted(on=day, holder=holder)
            return ExemptionGranted(
                on=day, holder=holder, percent=cap.percent, comparison=cap.comparison
            )
        if kind is ExemptionRevoked:
            if not self.exempted:
                return None
            holder = draw(st.sampled_from(sorted(self.exempted)))
            self.exempted.discard(holder)
            return ExemptionRevoked(on=day, holder=holder)
        if kind is AcquiringPersonAnnounced:
            return AcquiringPersonAnnounced(on=day, holder=holder)
        if kind is TenderOfferCommenced:
            offeror = draw(st.sampled_from([*self.holders, "Acquisition Sub, Inc."]))
            return TenderOfferCommenced(on=day, offeror=offeror, deferred=draw(st.booleans()))
        raise ValueError(f"ledgers: no way to draw a {kind.__name__} event")  # pragma: no cover


def _event_kinds(kinds: Iterable[type[Event]] | None) -> tuple[type[Event], ...]:
    if kinds is None:
        return EVENT_KINDS
    chosen = tuple(kinds)
    unknown = [kind for kind in chosen if kind not in EVENT_KINDS]
    if unknown or not chosen:
        raise ValueError(
            f"ledgers: kinds must be some of rightsplan.ledger.EVENT_KINDS, got {chosen!r}"
        )
    return chosen


@st.composite
def ledgers(
    draw: st.DrawFn,
    *,
    start: pendulum.Date = LEDGER_START,
    holders: tuple[str, ...] = ("Alpha Capital", "Beta Partners LP", "Gamma Holdings"),
    max_events: int = 12,
    outstanding: int | None = None,
    kinds: Iterable[type[Event]] | None = None,
) -> Ledger:
    """Consistent ownership histories from ``start`` on.

    The shares outstanding are set first; then events of the ``kinds`` given (every kind in
    :data:`rightsplan.ledger.EVENT_KINDS` by default, :data:`TRADING_EVENTS` for plain trading) on
    days moving forward: acquisitions and dispositions of shares, rights to acquire and
    derivatives (never more disposed of than held), position reports, rights exercised
    (never more than held), buybacks (never below what holders own), issuances, splits,
    passivity changes, groups formed and dissolved (only groups formed), Affiliates,
    inadvertence determinations, board exemptions with or without a cap and their
    revocation (only of exemptions granted), Acquiring Person announcements and tender
    offers. Holders together never own more shares than are outstanding. Every event is
    valid, so a replay of the ledger against any plan adopted on or before ``start`` never
    raises for the ledger's sake.
    """
    chosen = _event_kinds(kinds)
    total = outstanding if outstanding is not None else draw(st.integers(100, 10**9))
    events: list[Event] = [OutstandingChanged(on=start, outstanding=total)]
    rich = not set(chosen) <= set(TRADING_EVENTS)
    books = _Books(holders, total, rich=rich)
    weighted = [kind for kind in chosen if kind is Acquisition] + list(chosen)
    day = start
    for _ in range(draw(st.integers(0, max_events))):
        day = day.add(days=draw(st.integers(0, 60)))
        event = books.event(draw, draw(st.sampled_from(weighted)), day)
        if event is not None:
            events.append(event)
    return Ledger(events)
