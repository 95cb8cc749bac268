"""The kinds of change a plan's instruments make, and how each one applies to the terms.

The Rights Agreement states its provisions and each amendment states its changes with the
same kinds (:class:`SetThreshold`, :class:`AddException`, ...). Applying a change to
:class:`~rightsplan.terms.Terms` gives new terms; nothing is modified in place.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import TypeAlias

import attrs
import pendulum

from rightsplan import _check
from rightsplan.dates import DateLike, to_date
from rightsplan.errors import (
    InputTypeError,
    InvalidInputError,
    PlanHistoryError,
    UnknownTermError,
)
from rightsplan.percent import (
    Comparison,
    PercentLike,
    Threshold,
    format_percent,
    to_percent,
    to_points,
)
from rightsplan.sources import Source
from rightsplan.terms import (
    DistributionRule,
    Ending,
    EndingKind,
    Exemption,
    Expiration,
    GrandfatherBase,
    GrandfatherCutoff,
    Grandfathering,
    HolderKind,
    Limit,
    LimitKind,
    NamedException,
    OwnershipRules,
    RightsAgentTerm,
    RightsToAcquire,
    Terms,
    UnknownLimit,
    UnknownThreshold,
    evolve,
    exception_covering,
    find_exemption,
    share_cap_words,
    unknown_words,
    with_exception_changed,
    with_exemption,
    without_exemption,
)
from rightsplan.unknowns import UnknownDate, UnknownPercent, UnknownShares

__all__ = [
    "AddException",
    "AddExemptPerson",
    "Amendment",
    "AppointRightsAgent",
    "Change",
    "ExchangeRights",
    "InstrumentKind",
    "OtherChange",
    "Redeem",
    "RemoveException",
    "RemoveExemptPerson",
    "RemovePassiveTier",
    "ReplaceException",
    "SetDistributionRule",
    "SetExpiration",
    "SetGrandfathering",
    "SetOwnershipRules",
    "SetPassiveTier",
    "SetThreshold",
    "Terminate",
    "apply_change",
]


def _section(value: str | None) -> str | None:
    return _check.optional_text(value, "section")


def _quote(value: str | None) -> str | None:
    return _check.optional_text(value, "quote")


def _percent(value: PercentLike) -> Fraction:
    return to_percent(value, what="percent")


def _holder(value: str) -> str:
    return _check.holder_name(value, "holder")


def _members(value: Iterable[str]) -> tuple[str, ...]:
    return _check.tuple_of(value, "members", _check.holder_name)


def _share_cap(value: int | UnknownShares | None) -> int | UnknownShares | None:
    if value is None or isinstance(value, UnknownShares):
        return value
    cap = _check.whole_number(value, "share_cap")
    if cap < 1:
        raise InvalidInputError(f"share_cap: expected a number of shares above zero, got {cap}")
    return cap


def _proviso(value: str | None) -> str | None:
    return _check.optional_text(value, "proviso")


def _lapse(value: str | None) -> str | None:
    return _check.optional_text(value, "lapse")


def _requires_passive(value: bool) -> bool:
    return _check.flag(value, "requires_passive")


def _name(value: str) -> str:
    return _check.holder_name(value, "name")


def _description(value: str) -> str:
    return _check.text(value, "description")


def _date(value: DateLike) -> pendulum.Date:
    return to_date(value, what="date")


def _condition(value: str | None) -> str | None:
    return _check.optional_text(value, "condition")


def _executed(value: DateLike) -> pendulum.Date:
    return to_date(value, what="executed")


@attrs.frozen(kw_only=True)
class Change:
    """What every change has: where it sits in its instrument and its words.

    Not meant to be subclassed outside rightsplan: the kinds below cover what plans do.
    """

    section: str | None = attrs.field(default=None, converter=_section)
    """The section or paragraph of the instrument, e.g. ``"Section 1"``."""
    quote: str | None = attrs.field(default=None, converter=_quote)
    """The operative words, quoted from the instrument."""
    note: str | None = attrs.field(default=None, converter=_check.note)
    """Anything a reader must know about this change (an assumption, a conflicting summary)."""

    def describe(self) -> str:
        """The change in a few words."""
        raise NotImplementedError  # pragma: no cover - every kind overrides it


def _maybe_percent(value: PercentLike | UnknownPercent) -> Fraction | UnknownPercent:
    return value if isinstance(value, UnknownPercent) else _percent(value)


@attrs.frozen(kw_only=True)
class _ThresholdChange(Change):
    """A change that carries a threshold: a percent with its comparison.

    ``percent`` may be an :class:`~rightsplan.UnknownPercent` where the filings do not
    state it (with its bounds, if any), and then ``comparison`` may be ``None`` if the
    wording is unknown too; answers that depend on it are UNCERTAIN.
    """

    percent: Fraction | UnknownPercent = attrs.field(converter=_maybe_percent)
    comparison: Comparison | None = None
    """Required with a known percent; ``None`` only where the wording is unknown too."""

    def __attrs_post_init__(self) -> None:
        if isinstance(self.percent, UnknownPercent):
            if self.comparison is not None and not isinstance(self.comparison, Comparison):
                raise InvalidInputError(
                    f"comparison: expected Comparison.AT_LEAST, Comparison.MORE_THAN or None "
                    f"(unknown), got {self.comparison!r}"
                )
            return
        if self.comparison is None:
            raise InvalidInputError(
                'comparison: expected "at-least" ("X% or more") or "more-than" ("more than '
                'X%"); it may be left out only when the percent is unknown'
            )
        self.threshold  # noqa: B018 - a bad percent fails at construction

    @property
    def threshold(self) -> Threshold:
        """The percent and comparison as a Threshold (an error if the percent is unknown)."""
        percent, comparison = self.percent, self.comparison
        if isinstance(percent, UnknownPercent):
            raise UnknownTermError(
                f"the {self._term} is {unknown_words(percent, comparison)}: it has no Threshold"
            )
        assert comparison is not None  # checked at construction
        return Threshold(percent, comparison)

    @property
    def known(self) -> bool:
        """Whether the percent is stated (not an :class:`~rightsplan.UnknownPercent`)."""
        return not isinstance(self.percent, UnknownPercent)

    def bound(self) -> Threshold | UnknownThreshold:
        """The threshold, or an :class:`~rightsplan.terms.UnknownThreshold` where unknown."""
        if isinstance(self.percent, UnknownPercent):
            return UnknownThreshold(self.percent, self.comparison)
        return self.threshold

    def words(self) -> str:
        """The threshold in words: ``"15% or more"``, ``'unknown (at least 10%)'``."""
        return self.bound().describe()

    _term = "threshold"


@attrs.frozen(kw_only=True)
class SetThreshold(_ThresholdChange):
    """Set the general threshold in the definition of Acquiring Person.

    ``percent`` may be an :class:`~rightsplan.UnknownPercent` where the filings do not
    state it (with its bounds, if any), and then ``comparison`` may be ``None`` if the
    wording is unknown too; answers that depend on it are UNCERTAIN.

    >>> SetThreshold(percent="4.99", comparison=Comparison.AT_LEAST).describe()
    'general threshold set to 4.99% or more'
    >>> unknown = UnknownPercent(at_least="10", at_most="20")
    >>> SetThreshold(percent=unknown, comparison=None).describe()
    'general threshold set to unknown (between 10% and 20%)'
    """

    _term = "general threshold"

    def general(self, source: Source) -> Limit | UnknownLimit:
        """The general rule this sets, citing ``source``."""
        if isinstance(self.percent, UnknownPercent):
            return UnknownLimit(self.percent, self.comparison, source)
        return Limit(self.threshold, LimitKind.GENERAL, source)

    def describe(self) -> str:
        """The change in a few words."""
        return f"general threshold set to {self.words()}"


@attrs.frozen(kw_only=True)
class SetPassiveTier(_ThresholdChange):
    """Set (or change) the higher threshold for passive holders eligible for Schedule 13G.

    ``percent`` may be an :class:`~rightsplan.UnknownPercent` (``comparison`` then
    ``None`` if the wording is unknown too), as for :class:`SetThreshold`.
    """

    _term = "passive-investor tier"

    def tier(self, source: Source) -> Limit | UnknownLimit:
        """The passive tier this sets, citing ``source``."""
        if isinstance(self.percent, UnknownPercent):
            return UnknownLimit(self.percent, self.comparison, source, LimitKind.PASSIVE)
        return Limit(self.threshold, LimitKind.PASSIVE, source)

    def describe(self) -> str:
        """The change in a few words."""
        return f"passive-investor tier set to {self.words()}"


@attrs.frozen(kw_only=True)
class RemovePassiveTier(Change):
    """Remove the passive-investor tier: passive holders fall under the general rule."""

    def describe(self) -> str:
        """The change in a few words."""
        return "passive-investor tier removed"


@attrs.frozen(kw_only=True)
class _ExceptionChange(_ThresholdChange):
    """A named holder's exception: whom it covers, its cap, and its passivity condition."""

    holder: str = attrs.field(converter=_holder)
    # Declared again so that files and reprs list the holder first, then its cap.
    percent: Fraction | UnknownPercent = attrs.field(converter=_maybe_percent)
    comparison: Comparison | None = None
    requires_passive: bool = attrs.field(converter=_requires_passive)
    members: tuple[str, ...] = attrs.field(default=(), converter=_members)
    share_cap: int | UnknownShares | None = attrs.field(default=None, converter=_share_cap)
    proviso: str | None = attrs.field(default=None, converter=_proviso)
    lapse: str | None = attrs.field(default=None, converter=_lapse)

    _term = "exception's cap"

    def shares_words(self) -> str:
        """The cap in shares, if any, as words follow the cap: ``" or more than ... shares"``."""
        if self.share_cap is None:
            return ""
        return f" or more than {share_cap_words(self.share_cap)}"


@attrs.frozen(kw_only=True)
class AddException(_ExceptionChange):
    """Let a named holder exceed the general threshold up to a cap.

    ``holder`` is the name the plan gives ("IPOF Group"), ``members`` the persons it
    comprises; ``percent`` and ``comparison`` are the cap ("more than 25%" ends the
    exception); ``requires_passive`` says whether the exception also ends when the holder
    ceases to hold without any intention of changing or influencing control. ``share_cap``
    ends it above a number of shares too ("up to 3,501,585 shares"); ``proviso`` quotes a
    lapse condition or limiting clause the plan attaches (recorded and cited, not evaluated).
    The cap may be unknown: ``percent`` an :class:`~rightsplan.UnknownPercent` (with
    ``comparison`` ``None`` if the wording is unknown too), ``share_cap`` an
    :class:`~rightsplan.UnknownShares`; answers that depend on it are UNCERTAIN. ``lapse``
    quotes a condition on which the exception lapses ("until the stockholders approve")
    that is not known to have happened: while it stands, answers that depend on the
    exception are UNCERTAIN; once the lapse is known, a later instrument records it (a
    ``RemoveException`` effective the day it lapsed, or a ``ReplaceException`` without
    ``lapse`` once it is known never to).
    """

    def describe(self) -> str:
        """The change in a few words."""
        return f"exception added for {self.holder}, ending at {self.words()}{self.shares_words()}"


@attrs.frozen(kw_only=True)
class ReplaceException(_ExceptionChange):
    """Replace an existing named-holder exception (a new cap, members or condition)."""

    def describe(self) -> str:
        """The change in a few words."""
        return (
            f"exception for {self.holder} replaced, now ending at "
            f"{self.words()}{self.shares_words()}"
        )


@attrs.frozen(kw_only=True)
class RemoveException(Change):
    """Remove a named holder's exception: the general rule applies to it again."""

    holder: str = attrs.field(converter=_holder)

    def describe(self) -> str:
        """The change in a few words."""
        return f"exception for {self.holder} removed"


def _category(value: HolderKind | None) -> HolderKind | None:
    if value is None or isinstance(value, HolderKind):
        return value
    raise InputTypeError(f"category: expected a HolderKind or None, got {value!r}")


@attrs.frozen(kw_only=True)
class AddExemptPerson(Change):
    """Make a person an Exempt Person, never an Acquiring Person.

    With ``category`` (:attr:`~rightsplan.HolderKind.COMPANY`, ``SUBSIDIARY``,
    ``BENEFIT_PLAN``, ``GOVERNMENT``), every holder of that kind is exempt; without it,
    the holder called ``name`` or one of its ``members`` (the Affiliates the plan lists).
    ``share_cap`` exempts it only up to that many shares: above them the plan's other rules
    judge it (an :class:`~rightsplan.UnknownShares` where the filings do not say how many:
    answers that depend on it are UNCERTAIN). ``proviso`` quotes a limiting clause
    (recorded and cited, not evaluated).
    """

    name: str = attrs.field(converter=_name)
    category: HolderKind | None = attrs.field(default=None, converter=_category)
    members: tuple[str, ...] = attrs.field(default=(), converter=_members)
    share_cap: int | UnknownShares | None = attrs.field(default=None, converter=_share_cap)
    proviso: str | None = attrs.field(default=None, converter=_proviso)
    lapse: str | None = attrs.field(default=None, converter=_lapse)
    """A condition on which the exemption lapses, not known to have happened (as for
    :class:`AddException`)."""

    def describe(self) -> str:
        """The change in a few words."""
        up_to = "" if self.share_cap is None else f" up to {share_cap_words(self.share_cap)}"
        return f"{self.name} made an Exempt Person{up_to}"


@attrs.frozen(kw_only=True)
class RemoveExemptPerson(Change):
    """Remove an Exempt Person, by the name it was added under."""

    name: str = attrs.field(converter=_name)

    def describe(self) -> str:
        """The change in a few words."""
        return f"{self.name} no longer an Exempt Person"


def _expiry(value: DateLike | UnknownDate) -> pendulum.Date | UnknownDate:
    return value if isinstance(value, UnknownDate) else _date(value)


@attrs.frozen(kw_only=True)
class SetExpiration(Change):
    """Set the Final Expiration Date (extend the plan, or end it early by accelerating it).

    ``date`` may be an :class:`~rightsplan.UnknownDate` (with bounds, if the filings give
    any); ``condition`` records an expiry tied to an event, in words ("the close of business
    on the day the 2014 annual meeting is completed"), with ``date`` the day it fixed once
    known, unknown before. Answers that depend on an unknown date are UNCERTAIN.
    """

    date: pendulum.Date | UnknownDate = attrs.field(converter=_expiry)
    condition: str | None = attrs.field(default=None, converter=_condition)

    def describe(self) -> str:
        """The change in a few words."""
        date = self.date
        text = date.isoformat() if isinstance(date, pendulum.Date) else date.describe()
        if self.condition:
            text += f", tied to an event: {self.condition}"
        return f"Final Expiration Date set to {text}"


@attrs.frozen(kw_only=True)
class Terminate(Change):
    """End the plan as of the instrument's effective date."""

    def describe(self) -> str:
        """The change in a few words."""
        return "plan terminated"


def _price(value: Decimal | str | None) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, Decimal) and value.is_finite() and value >= 0:
        return value
    if isinstance(value, str):
        try:
            price = Decimal(value)
        except ArithmeticError:
            price = None
        if price is not None and price.is_finite() and price >= 0:
            return price
    raise InvalidInputError(
        f'price: expected a redemption price per right like "0.001" (text or Decimal), '
        f"got {value!r}"
    )


@attrs.frozen(kw_only=True)
class Redeem(Change):
    """The board redeems the rights (typically $0.001 per right): the plan ends."""

    price: Decimal | None = attrs.field(default=None, converter=_price)

    def describe(self) -> str:
        """The change in a few words."""
        at = f" at ${self.price} per right" if self.price is not None else ""
        return f"rights redeemed{at}"


def _shares_per_right(value: Decimal | str | None) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, Decimal) and value.is_finite() and value > 0:
        return value
    if isinstance(value, str):
        try:
            ratio = Decimal(value)
        except ArithmeticError:
            ratio = None
        if ratio is not None and ratio.is_finite() and ratio > 0:
            return ratio
    raise InvalidInputError(
        f'shares_per_right: expected the shares given for each right, like "1" or "0.5" '
        f"(text or Decimal, more than zero), got {value!r}"
    )


def _all_rights(value: bool) -> bool:
    return _check.flag(value, "all_rights")


@attrs.frozen(kw_only=True)
class ExchangeRights(Change):
    """The board exchanges rights for shares (usually Section 24): the rights exchanged end.

    ``all_rights`` (the default) says every outstanding right was exchanged (those of an
    Acquiring Person are void and are not): the plan ends, as after a redemption. With
    ``all_rights=False`` only some were; the plan stays in force for the others and this
    records the exchange. ``shares_per_right`` is the exchange ratio, when known. Only an
    instrument of kind :attr:`InstrumentKind.EXCHANGE` states one.
    """

    shares_per_right: Decimal | None = attrs.field(default=None, converter=_shares_per_right)
    all_rights: bool = attrs.field(default=True, converter=_all_rights)

    def describe(self) -> str:
        """The change in a few words."""
        ratio = (
            f" for {self.shares_per_right} share(s) each"
            if self.shares_per_right is not None
            else ""
        )
        if self.all_rights:
            return f"all outstanding rights exchanged{ratio}"
        return f"some rights exchanged{ratio}; the others remain outstanding"


@attrs.frozen(kw_only=True)
class AppointRightsAgent(Change):
    """Appoint a (successor) rights agent. Changes no threshold; still part of the history."""

    name: str = attrs.field(converter=_name)

    def describe(self) -> str:
        """The change in a few words."""
        return f"{self.name} appointed rights agent"


@attrs.frozen(kw_only=True)
class OtherChange(Change):
    """A change rightsplan does not model (e.g. "amended ... in certain other particulars").

    Recorded so the history is complete; it changes no term.
    """

    description: str = attrs.field(converter=_description)

    def describe(self) -> str:
        """The change in a few words."""
        return self.description


def _rights_to_acquire(value: RightsToAcquire) -> RightsToAcquire:
    if not isinstance(value, RightsToAcquire):
        raise InputTypeError(f"rights_to_acquire: expected a RightsToAcquire, got {value!r}")
    return value


def _points(value: PercentLike) -> Fraction:
    return to_points(value, what="buyback_tolerance")


def _derivatives_counted(value: bool) -> bool:
    return _check.flag(value, "derivatives_counted")


def _sticky(value: bool) -> bool:
    return _check.flag(value, "sticky")


def _lapses(value: bool) -> bool:
    return _check.flag(value, "lapses_below_threshold")


def _business_days(value: bool) -> bool:
    return _check.flag(value, "business_days")


@attrs.frozen(kw_only=True)
class SetOwnershipRules(Change):
    """State how the plan counts beneficial ownership and whether status sticks.

    ``derivatives_counted``: derivative positions count at their share equivalent.
    ``rights_to_acquire``: which options, warrants and conversion rights count.
    ``buyback_tolerance``: percentage points a holder pushed over the line by a company
    buyback may still acquire before it becomes an Acquiring Person (0: not a share).
    ``sticky``: an Acquiring Person stays one after selling down (the usual rule).
    """

    derivatives_counted: bool = attrs.field(default=False, converter=_derivatives_counted)
    rights_to_acquire: RightsToAcquire = attrs.field(
        default=RightsToAcquire.WITHIN_60_DAYS, converter=_rights_to_acquire
    )
    buyback_tolerance: Fraction = attrs.field(default=Fraction(0), converter=_points)
    sticky: bool = attrs.field(default=True, converter=_sticky)

    def describe(self) -> str:
        """The change in a few words."""
        counted = ["shares", f"rights to acquire ({self.rights_to_acquire.value})"]
        if self.derivatives_counted:
            counted.append("derivatives")
        buyback = (
            f"buyback tolerance {format_percent(self.buyback_tolerance)} points"
            if self.buyback_tolerance
            else "no buyback tolerance"
        )
        sticky = "status sticky" if self.sticky else "status not sticky"
        return f"beneficial ownership counts {', '.join(counted)}; {buyback}; {sticky}"


def _optional_threshold(
    percent: Fraction | None, comparison: Comparison | None, what: str
) -> Threshold | None:
    if percent is None and comparison is None:
        return None
    if percent is None or comparison is None:
        raise InvalidInputError(
            f"{what}: give both {what}_percent and {what}_comparison, or neither"
        )
    return Threshold(percent, comparison)


def _optional_percent(value: PercentLike | None) -> Fraction | None:
    return None if value is None else to_percent(value, what="percent")


def _tolerance_percent(
    value: PercentLike | UnknownPercent | None,
) -> Fraction | UnknownPercent | None:
    if value is None or isinstance(value, UnknownPercent):
        return value
    return to_percent(value, what="tolerance_percent")


def _optional_comparison(value: Comparison | None) -> Comparison | None:
    if value is None or isinstance(value, Comparison):
        return value
    raise InputTypeError(f"expected a Comparison or None, got {value!r}")


def _measured_from(value: GrandfatherBase) -> GrandfatherBase:
    if not isinstance(value, GrandfatherBase):
        raise InputTypeError(f"measured_from: expected a GrandfatherBase, got {value!r}")
    return value


def _cutoff(value: GrandfatherCutoff) -> GrandfatherCutoff:
    if not isinstance(value, GrandfatherCutoff):
        raise InputTypeError(f"cutoff: expected a GrandfatherCutoff, got {value!r}")
    return value


def _exercise_ends(value: bool) -> bool:
    return _check.flag(value, "exercise_ends")


@attrs.frozen(kw_only=True)
class SetGrandfathering(Change):
    """State what holders already over the threshold at adoption may still acquire.

    Without a tolerance, any acquisition after the cut-off while at or above the threshold
    makes a grandfathered holder an Acquiring Person ("acquires beneficial ownership of any
    additional shares"). With ``tolerance_percent`` and ``tolerance_comparison`` (e.g.
    ``"0.5"``, ``AT_LEAST``: "additional shares representing 0.5% or more"), additional
    percentage points short of the tolerance are allowed, counted from the holding at the
    cut-off or, with ``measured_from=GrandfatherBase.LOWEST_SINCE`` (``measured_from =
    "lowest-since"`` in a plan file), from the lowest holding since.
    ``cap_percent``/``cap_comparison`` set a ceiling; ``lapses_below_threshold`` ends the
    grandfathering when the holder falls below; ``cutoff`` says whether the adoption day's
    own acquisitions are grandfathered (``CLOSE_OF_BUSINESS``) or not (``BEFORE_ADOPTION``,
    the default); ``exercise_ends`` that exercising rights to acquire ends it. Python takes
    the enum members (:class:`~rightsplan.Comparison`, :class:`~rightsplan.GrandfatherBase`,
    :class:`~rightsplan.GrandfatherCutoff`), a plan file their text (``"at-least"``,
    ``"lowest-since"``, ``"close-of-business"``). See :class:`~rightsplan.Grandfathering`.

    ``tolerance_percent`` may be an :class:`~rightsplan.UnknownPercent` where the filings do
    not state it (``tolerance_comparison`` then ``None`` if the wording is unknown too):
    answers for a grandfathered holder that depend on it are UNCERTAIN.
    """

    tolerance_percent: Fraction | UnknownPercent | None = attrs.field(
        default=None, converter=_tolerance_percent
    )
    tolerance_comparison: Comparison | None = attrs.field(
        default=None, converter=_optional_comparison
    )
    measured_from: GrandfatherBase = attrs.field(
        default=GrandfatherBase.AT_GRANDFATHERING, converter=_measured_from
    )
    cap_percent: Fraction | None = attrs.field(default=None, converter=_optional_percent)
    cap_comparison: Comparison | None = attrs.field(default=None, converter=_optional_comparison)
    lapses_below_threshold: bool = attrs.field(default=False, converter=_lapses)
    cutoff: GrandfatherCutoff = attrs.field(
        default=GrandfatherCutoff.BEFORE_ADOPTION, converter=_cutoff
    )
    exercise_ends: bool = attrs.field(default=False, converter=_exercise_ends)

    def __attrs_post_init__(self) -> None:
        self.tolerance()
        self.cap()

    def tolerance(self) -> Threshold | UnknownThreshold | None:
        """The tolerance as a threshold on additional percentage points, or ``None``.

        An :class:`~rightsplan.terms.UnknownThreshold` where the percent is unknown.
        """
        percent = self.tolerance_percent
        if isinstance(percent, UnknownPercent):
            return UnknownThreshold(percent, self.tolerance_comparison)
        return _optional_threshold(percent, self.tolerance_comparison, "tolerance")

    def cap(self) -> Threshold | None:
        """The ceiling a grandfathered holder may never cross, or ``None``."""
        return _optional_threshold(self.cap_percent, self.cap_comparison, "cap")

    def grandfathering(self, source: Source | None) -> Grandfathering:
        """The :class:`~rightsplan.Grandfathering` terms this clause sets, citing ``source``."""
        return Grandfathering(
            tolerance=self.tolerance(),
            measured_from=self.measured_from,
            cap=self.cap(),
            lapses_below_threshold=self.lapses_below_threshold,
            cutoff=self.cutoff,
            exercise_ends=self.exercise_ends,
            source=source,
        )

    def describe(self) -> str:
        """The change in a few words."""
        tolerance = self.tolerance()
        if tolerance is None:
            allowed = "no additional share"
        else:
            base = (
                "the lowest holding since"
                if self.measured_from is GrandfatherBase.LOWEST_SINCE
                else "the holding when grandfathered"
            )
            allowed = (
                f"additional holdings short of {tolerance.describe()}, measured from {base} "
                f"({self.measured_from.value})"
            )
        parts = [f"grandfathered holders may acquire {allowed}"]
        cap = self.cap()
        if cap is not None:
            parts.append(f"never up to {cap.describe()}")
        if self.lapses_below_threshold:
            parts.append("lapses below the threshold")
        if self.cutoff is not GrandfatherCutoff.BEFORE_ADOPTION:
            parts.append(f"cut-off {self.cutoff.value}")
        if self.exercise_ends:
            parts.append("exercise ends it")
        return "; ".join(parts)


def _days(value: int) -> int:
    days = _check.whole_number(value, "days")
    if days < 0:
        raise InvalidInputError(f"days: expected zero or more days, got {days}")
    return days


@attrs.frozen(kw_only=True)
class SetDistributionRule(Change):
    """State when the rights separate: ``days`` (business or calendar) after the trigger."""

    days: int = attrs.field(default=10, converter=_days)
    business_days: bool = attrs.field(default=True, converter=_business_days)

    def describe(self) -> str:
        """The change in a few words."""
        unit = "business" if self.business_days else "calendar"
        return f"Distribution Date {self.days} {unit} days after the Shares Acquisition Date"


AnyChange: TypeAlias = (
    SetThreshold
    | SetPassiveTier
    | RemovePassiveTier
    | AddException
    | ReplaceException
    | RemoveException
    | AddExemptPerson
    | RemoveExemptPerson
    | SetExpiration
    | Terminate
    | Redeem
    | ExchangeRights
    | AppointRightsAgent
    | SetOwnershipRules
    | SetGrandfathering
    | SetDistributionRule
    | OtherChange
)

CHANGE_KINDS: tuple[type[Change], ...] = (
    SetThreshold,
    SetPassiveTier,
    RemovePassiveTier,
    AddException,
    ReplaceException,
    RemoveException,
    AddExemptPerson,
    RemoveExemptPerson,
    SetExpiration,
    Terminate,
    Redeem,
    ExchangeRights,
    AppointRightsAgent,
    SetOwnershipRules,
    SetGrandfathering,
    SetDistributionRule,
    OtherChange,
)

PROVISION_KINDS: tuple[type[Change], ...] = (
    SetThreshold,
    SetPassiveTier,
    AddException,
    AddExemptPerson,
    SetExpiration,
    AppointRightsAgent,
    SetOwnershipRules,
    SetGrandfathering,
    SetDistributionRule,
    OtherChange,
)
"""The change kinds an agreement (or an amended and restated one) states as its provisions."""

_AT_MOST_ONCE: tuple[type[Change], ...] = (
    SetThreshold,
    SetPassiveTier,
    SetExpiration,
    AppointRightsAgent,
    SetOwnershipRules,
    SetGrandfathering,
    SetDistributionRule,
)


def check_provisions(provisions: tuple[Change, ...], what: str, stated_by: str) -> None:
    """Refuse provisions an agreement cannot state: ``what`` names them, ``stated_by`` it.

    An agreement (first or amended and restated) states each term at most once, never an
    ending or a removal, and always its general threshold.
    """
    for index, provision in enumerate(provisions):
        if not isinstance(provision, PROVISION_KINDS):
            allowed = ", ".join(kind.__name__ for kind in PROVISION_KINDS)
            raise InvalidInputError(
                f"{what}[{index}]: {stated_by} cannot state {type(provision).__name__} "
                f"(that is for amendments); its provisions are {allowed}"
            )
    for kind in _AT_MOST_ONCE:
        places = [i for i, provision in enumerate(provisions) if type(provision) is kind]
        if len(places) > 1:
            raise InvalidInputError(
                f"{what}: {kind.__name__} appears {len(places)} times "
                f"(at {', '.join(f'{what}[{i}]' for i in places)}); state it once"
            )
    if not any(isinstance(provision, SetThreshold) for provision in provisions):
        raise InvalidInputError(
            f"{what}: {stated_by} needs its general threshold: add "
            "SetThreshold(percent=..., comparison=...) from the definition of Acquiring Person"
        )


def _change(value: object, what: str) -> Change:
    if not isinstance(value, CHANGE_KINDS):
        kinds = ", ".join(kind.__name__ for kind in CHANGE_KINDS)
        raise InputTypeError(f"{what}: expected a change ({kinds}), got {value!r}")
    return value


def _changes(value: Iterable[Change]) -> tuple[Change, ...]:
    changes = _check.tuple_of(value, "changes", _change)
    if not changes:
        raise InvalidInputError(
            "changes: an amendment makes at least one change "
            "(use OtherChange to record one rightsplan does not model)"
        )
    return changes


class InstrumentKind(enum.Enum):
    """What an instrument after the Rights Agreement is, as its filing calls it.

    Only amendments are numbered, as the filings number them (gaps allowed: a missing
    amendment keeps its number free; an amendment its filing does not number has none).
    Instruments without a number are cited by their title or by their kind and date, never
    by a number the filings do not give.
    """

    AMENDMENT = "amendment"
    """An amendment: "Amendment No. 3", "Third Amendment", or unnumbered ("Amendment to
    Rights Agreement", Selectica 2008-11-17)."""
    AMENDED_AND_RESTATED = "amended-and-restated"
    """An amended and restated agreement: it states every term anew, replacing the old ones
    (Selectica, 2009-01-02). Amendments after it are numbered anew."""
    SUPPLEMENT = "supplement"
    """A supplement to the agreement: it changes terms, unnumbered."""
    BOARD_RESOLUTION = "board-resolution"
    """A resolution of the board (or its committee) that changes terms, unnumbered."""
    EXCHANGE = "exchange"
    """The board's exchange of rights for shares (:class:`ExchangeRights`)."""
    RIGHTS_AGENT_ASSIGNMENT = "rights-agent-assignment"
    """An assignment or appointment of a (successor) rights agent
    (:class:`AppointRightsAgent`)."""

    @property
    def label(self) -> str:
        """The kind as a citation names it: ``"Amended and Restated Rights Agreement"``."""
        return _LABELS[self]


_LABELS = {
    InstrumentKind.AMENDMENT: "Amendment",
    InstrumentKind.AMENDED_AND_RESTATED: "Amended and Restated Rights Agreement",
    InstrumentKind.SUPPLEMENT: "Supplement",
    InstrumentKind.BOARD_RESOLUTION: "Board resolution",
    InstrumentKind.EXCHANGE: "Exchange of rights",
    InstrumentKind.RIGHTS_AGENT_ASSIGNMENT: "Rights agent assignment",
}

_REQUIRED_CHANGE: dict[InstrumentKind, type[Change]] = {
    InstrumentKind.EXCHANGE: ExchangeRights,
    InstrumentKind.RIGHTS_AGENT_ASSIGNMENT: AppointRightsAgent,
}
"""The change an instrument of these kinds exists to make."""


def _kind(value: InstrumentKind) -> InstrumentKind:
    if not isinstance(value, InstrumentKind):
        kinds = ", ".join(kind.name for kind in InstrumentKind)
        raise InputTypeError(f"kind: expected an InstrumentKind ({kinds}), got {value!r}")
    return value


def _number(value: int | None) -> int | None:
    if value is None:
        return None
    number = _check.whole_number(value, "number")
    if number < 1:
        raise InvalidInputError(f"number: amendments are numbered from 1, got {number}")
    return number


def _authorized(value: DateLike | None) -> pendulum.Date | None:
    return None if value is None else to_date(value, what="authorized")


def _effective(value: DateLike | None) -> pendulum.Date | None:
    return None if value is None else to_date(value, what="effective")


@attrs.frozen(kw_only=True)
class Amendment:
    """An instrument after the Rights Agreement: a numbered amendment, or another ``kind``.

    ``kind`` (:class:`InstrumentKind`) says what the filing is: an
    :attr:`~InstrumentKind.AMENDMENT` (the default, and the only kind with a ``number``,
    given when the filing numbers it),
    an :attr:`~InstrumentKind.AMENDED_AND_RESTATED` agreement (its ``changes`` are its
    provisions, stated as a Rights Agreement states them, and replace every term), a
    supplement, a board resolution, an exchange of rights (with :class:`ExchangeRights`) or
    a rights-agent assignment (with :class:`AppointRightsAgent`).

    It takes effect on ``effective`` if the instrument says so, else on the day it was
    ``executed``; ``authorized`` is when the board approved it. ``document`` says where its
    text was read (e.g. ``"Form 8-K filed 2003-11-24, Item 5"``).

    >>> Amendment(number=3, executed="2003-11-24", changes=[Terminate()]).name
    'Amendment No. 3'
    >>> Amendment(
    ...     kind=InstrumentKind.EXCHANGE, executed="2009-01-02", changes=[ExchangeRights()]
    ... ).name
    'Exchange of rights dated 2009-01-02'
    """

    kind: InstrumentKind = attrs.field(default=InstrumentKind.AMENDMENT, converter=_kind)
    number: int | None = attrs.field(default=None, converter=_number)
    executed: pendulum.Date = attrs.field(converter=_executed)
    changes: tuple[Change, ...] = attrs.field(converter=_changes)
    authorized: pendulum.Date | None = attrs.field(default=None, converter=_authorized)
    effective: pendulum.Date | None = attrs.field(default=None, converter=_effective)
    title: str | None = attrs.field(default=None, converter=_check.title)
    document: str | None = attrs.field(default=None, converter=_check.document)
    note: str | None = attrs.field(default=None, converter=_check.note)

    def __attrs_post_init__(self) -> None:
        kind = self.kind
        if kind is not InstrumentKind.AMENDMENT and self.number is not None:
            raise InvalidInputError(
                f"number: only amendments are numbered; cite this {kind.label.lower()} by its "
                "title instead"
            )
        if kind is InstrumentKind.AMENDED_AND_RESTATED:
            check_provisions(self.changes, "changes", "an amended and restated agreement")
        required = _REQUIRED_CHANGE.get(kind)
        if required is not None and not any(isinstance(c, required) for c in self.changes):
            raise InvalidInputError(f"changes: {kind.label.lower()} states {required.__name__}")
        for index, change in enumerate(self.changes):
            if isinstance(change, ExchangeRights) and kind is not InstrumentKind.EXCHANGE:
                raise InvalidInputError(
                    f"changes[{index}]: an exchange of rights is an instrument of its own: "
                    'give it kind = "exchange" (InstrumentKind.EXCHANGE)'
                )
        if self.authorized is not None and self.authorized > self.executed:
            raise InvalidInputError(
                f"{self.name}: authorized {self.authorized.isoformat()} is after it was "
                f"executed {self.executed.isoformat()}"
            )

    @property
    def name(self) -> str:
        """How the instrument is cited: its title, ``"Amendment No. N"``, or kind and date."""
        if self.title:
            return self.title
        if self.number is not None:
            return f"Amendment No. {self.number}"
        return f"{self.kind.label} dated {self.executed.isoformat()}"

    @property
    def restates(self) -> bool:
        """Whether this is an amended and restated agreement (its changes replace all terms)."""
        return self.kind is InstrumentKind.AMENDED_AND_RESTATED

    @property
    def effective_date(self) -> pendulum.Date:
        """The day the changes take effect: ``effective`` if given, else ``executed``."""
        return self.effective if self.effective is not None else self.executed

    def source(self, change: Change) -> Source:
        """The source of one of this instrument's changes."""
        return Source(
            self.name,
            self.executed,
            section=change.section,
            quote=change.quote,
            document=self.document,
            note=change.note,
        )


class ChangeConflict(Exception):
    """A change does not fit the terms it is applied to (internal; wrapped by the plan)."""


@functools.singledispatch
def _apply(change: Change, terms: Terms, source: Source, on: pendulum.Date) -> Terms:
    raise TypeError(f"no rule to apply {type(change).__name__}")  # pragma: no cover


def apply_change(change: Change, terms: Terms, source: Source, on: pendulum.Date) -> Terms:
    """Apply one change to ``terms``, effective ``on``, citing ``source``.

    Raises :class:`~rightsplan.errors.PlanHistoryError` when the change does not fit the
    terms (removing an exception that does not exist, for example).
    """
    try:
        return _apply(change, terms, source, on)
    except ChangeConflict as conflict:
        raise PlanHistoryError(str(conflict)) from None


@_apply.register
def _(change: SetThreshold, terms: Terms, source: Source, on: pendulum.Date) -> Terms:
    general = change.general(source)
    _check_tiers(general, terms.passive)
    return evolve(terms, general=general)


@_apply.register
def _(change: SetPassiveTier, terms: Terms, source: Source, on: pendulum.Date) -> Terms:
    passive = change.tier(source)
    _check_tiers(terms.general, passive)
    return evolve(terms, passive=passive)


def _check_tiers(general: Limit | UnknownLimit, passive: Limit | UnknownLimit | None) -> None:
    """Refuse a passive tier stricter than the general threshold, whatever their unknowns.

    Only what is known can conflict: the tier at its most generous below the general
    threshold at its strictest.
    """
    if passive is None:
        return
    if isinstance(passive, UnknownLimit):
        high = passive.percent.at_most
        tier = None if high is None else Threshold(high, passive.comparison or Comparison.MORE_THAN)
    else:
        tier = passive.threshold
    if isinstance(general, UnknownLimit):
        low = general.percent.at_least
        base = None if low is None else Threshold(low, general.comparison or Comparison.AT_LEAST)
    else:
        base = general.threshold
    if tier is not None and base is not None and tier.sort_key() < base.sort_key():
        raise ChangeConflict(
            f"the passive-investor tier ({_words(passive)}) would be stricter than the general "
            f"threshold ({_words(general)}); a passive tier is the higher one"
        )


def _words(limit: Limit | UnknownLimit) -> str:
    return limit.describe() if isinstance(limit, UnknownLimit) else limit.threshold.describe()


@_apply.register
def _(change: RemovePassiveTier, terms: Terms, source: Source, on: pendulum.Date) -> Terms:
    if terms.passive is None:
        raise ChangeConflict("there is no passive-investor tier to remove")
    return evolve(terms, passive=None)


def _exception(change: _ExceptionChange, source: Source) -> NamedException:
    return NamedException(
        holder=change.holder,
        members=change.members,
        cap=change.bound(),
        requires_passive=change.requires_passive,
        source=source,
        share_cap=change.share_cap,
        proviso=change.proviso,
        lapse=change.lapse,
    )


def _find_exception(terms: Terms, holder: str) -> NamedException | None:
    """The exception for ``holder`` (as its holder, not as a member of another's group)."""
    found = exception_covering(terms, holder)
    if found is None or _check.name_key(found.holder) != _check.name_key(holder):
        return None
    return found


def _check_no_overlap(
    new: NamedException, terms: Terms, replacing: NamedException | None = None
) -> None:
    """No name may be covered by two exceptions: which cap applied would be ambiguous."""
    for name in new.names():
        other = exception_covering(terms, name)
        if other is not None and other is not replacing:
            raise ChangeConflict(
                f"{name!r} is already covered by the exception for {other.holder!r} "
                f"({other.source.cite()}); use ReplaceException to change that one"
            )


@_apply.register
def _(change: AddException, terms: Terms, source: Source, on: pendulum.Date) -> Terms:
    new = _exception(change, source)
    _check_no_overlap(new, terms)
    return with_exception_changed(terms, None, new)


@_apply.register
def _(change: ReplaceException, terms: Terms, source: Source, on: pendulum.Date) -> Terms:
    old = _find_exception(terms, change.holder)
    if old is None:
        raise ChangeConflict(f"there is no exception for {change.holder!r} to replace")
    new = _exception(change, source)
    _check_no_overlap(new, terms, replacing=old)
    return with_exception_changed(terms, old, new)


@_apply.register
def _(change: RemoveException, terms: Terms, source: Source, on: pendulum.Date) -> Terms:
    old = _find_exception(terms, change.holder)
    if old is None:
        raise ChangeConflict(f"there is no exception for {change.holder!r} to remove")
    return with_exception_changed(terms, old, None)


@_apply.register
def _(change: AddExemptPerson, terms: Terms, source: Source, on: pendulum.Date) -> Terms:
    if find_exemption(terms, change.name) is not None:
        raise ChangeConflict(f"{change.name!r} is already an Exempt Person")
    exemption = Exemption(
        change.name,
        change.category,
        source,
        members=change.members,
        share_cap=change.share_cap,
        proviso=change.proviso,
        lapse=change.lapse,
    )
    return with_exemption(terms, exemption)


@_apply.register
def _(change: RemoveExemptPerson, terms: Terms, source: Source, on: pendulum.Date) -> Terms:
    exemption = find_exemption(terms, change.name)
    if exemption is None:
        raise ChangeConflict(f"{change.name!r} is not an Exempt Person, so cannot be removed")
    return without_exemption(terms, exemption)


@_apply.register
def _(change: SetExpiration, terms: Terms, source: Source, on: pendulum.Date) -> Terms:
    if isinstance(change.date, UnknownDate):
        high = change.date.on_or_before
        if high is not None and high < on:
            raise ChangeConflict(
                f"date: the Final Expiration Date is {change.date.describe()}, before "
                f"{source.instrument} takes effect ({on.isoformat()})"
            )
        # Never before the instrument setting it takes effect (as a known date may not be).
        low = change.date.on_or_after
        date = (
            change.date
            if low is not None and low >= on
            else attrs.evolve(change.date, on_or_after=on)
        )
        return evolve(terms, expiration=Expiration(date, source, change.condition))
    if change.date < on:
        # The plan would have expired before the instrument setting its expiry took effect:
        # the days between would be in force by the old terms and expired by the new.
        raise ChangeConflict(
            f"date: the Final Expiration Date {change.date.isoformat()} is before "
            f"{source.instrument} takes effect ({on.isoformat()}); to end the plan that day, "
            "set it to that day or use Terminate"
        )
    return evolve(terms, expiration=Expiration(change.date, source, change.condition))


@_apply.register
def _(change: Terminate, terms: Terms, source: Source, on: pendulum.Date) -> Terms:
    return evolve(terms, ended=Ending(EndingKind.TERMINATED, on, source))


@_apply.register
def _(change: Redeem, terms: Terms, source: Source, on: pendulum.Date) -> Terms:
    return evolve(terms, ended=Ending(EndingKind.REDEEMED, on, source, price=change.price))


@_apply.register
def _(change: ExchangeRights, terms: Terms, source: Source, on: pendulum.Date) -> Terms:
    if not change.all_rights:
        return terms
    return evolve(terms, ended=Ending(EndingKind.EXCHANGED, on, source))


@_apply.register
def _(change: AppointRightsAgent, terms: Terms, source: Source, on: pendulum.Date) -> Terms:
    return evolve(terms, rights_agent=RightsAgentTerm(change.name, source))


@_apply.register
def _(change: OtherChange, terms: Terms, source: Source, on: pendulum.Date) -> Terms:
    return terms


@_apply.register
def _(change: SetOwnershipRules, terms: Terms, source: Source, on: pendulum.Date) -> Terms:
    rules = OwnershipRules(
        derivatives_counted=change.derivatives_counted,
        rights_to_acquire=change.rights_to_acquire,
        buyback_tolerance=change.buyback_tolerance,
        sticky=change.sticky,
        source=source,
    )
    return evolve(terms, ownership=rules)


@_apply.register
def _(change: SetGrandfathering, terms: Terms, source: Source, on: pendulum.Date) -> Terms:
    return evolve(terms, grandfathering=change.grandfathering(source))


@_apply.register
def _(change: SetDistributionRule, terms: Terms, source: Source, on: pendulum.Date) -> Terms:
    rule = DistributionRule(days=change.days, business_days=change.business_days, source=source)
    return evolve(terms, distribution=rule)
