"""Holdings: who owns how many of the shares outstanding."""

from __future__ import annotations

import re
from fractions import Fraction

import attrs

from rightsplan import _check
from rightsplan.errors import InputTypeError, InvalidPercentError, InvalidPositionError
from rightsplan.percent import holding_percent
from rightsplan.terms import HolderKind, OwnershipRules, RightsToAcquire

__all__ = ["Counted", "Position", "ReportedHolding"]


def _holder(value: str) -> str:
    return _check.holder_name(value, "holder")


def _shares(value: int) -> int:
    shares = _check.whole_number(value, "shares")
    if shares < 0:
        raise InvalidPositionError(f"shares: expected zero or more shares, got {shares:,}")
    return shares


def _outstanding(value: int) -> int:
    outstanding = _check.whole_number(value, "outstanding")
    if outstanding <= 0:
        raise InvalidPositionError(
            f"outstanding: expected a positive number of shares outstanding, got {outstanding:,}"
        )
    return outstanding


def _extra(what: str, value: int) -> int:
    number = _check.whole_number(value, what)
    if number < 0:
        raise InvalidPositionError(f"{what}: expected zero or more shares, got {number:,}")
    return number


def _rights_to_acquire(value: int) -> int:
    return _extra("rights_to_acquire", value)


def _rights_to_acquire_later(value: int) -> int:
    return _extra("rights_to_acquire_later", value)


def _derivatives(value: int) -> int:
    return _extra("derivatives", value)


def _passive(value: bool) -> bool:
    return _check.flag(value, "passive")


def _kind(value: HolderKind) -> HolderKind:
    if not isinstance(value, HolderKind):
        raise InputTypeError(f"kind: expected a HolderKind, got {value!r}")
    return value


@attrs.frozen
class Position:
    """One holder's beneficial ownership against the shares then outstanding.

    ``shares`` is everything the holder beneficially owns together with its Affiliates and
    Associates; ``outstanding`` the common shares then outstanding (treasury shares
    excluded). ``passive`` says the holder holds without any intention of changing or
    influencing control (eligible to report on Schedule 13G); it defaults to ``False``, the
    stricter reading. ``kind`` matters only for the Exempt Persons clause.

    >>> Position("IPOF Group", 2_800_500, 11_572_314, passive=True).percent
    Fraction(46675000, 1928719)
    """

    holder: str = attrs.field(converter=_holder)
    shares: int = attrs.field(converter=_shares)
    outstanding: int = attrs.field(converter=_outstanding)
    passive: bool = attrs.field(default=False, kw_only=True, converter=_passive)
    kind: HolderKind = attrs.field(default=HolderKind.OTHER, kw_only=True, converter=_kind)
    rights_to_acquire: int = attrs.field(default=0, kw_only=True, converter=_rights_to_acquire)
    """Shares the holder may acquire within 60 days (options, warrants, conversions)."""
    rights_to_acquire_later: int = attrs.field(
        default=0, kw_only=True, converter=_rights_to_acquire_later
    )
    """Shares the holder may acquire, but not within 60 days."""
    derivatives: int = attrs.field(default=0, kw_only=True, converter=_derivatives)
    """The share equivalent of derivative positions (cash-settled swaps and the like)."""

    def __attrs_post_init__(self) -> None:
        if self.shares > self.outstanding:
            raise InvalidPositionError(
                f"{self.holder}: shares ({self.shares:,}) exceed the shares outstanding "
                f"({self.outstanding:,})"
            )

    @property
    def percent(self) -> Fraction:
        """The exact percentage of the shares outstanding this holder owns outright."""
        return holding_percent(self.shares, self.outstanding)

    def counted(self, rules: OwnershipRules | None = None) -> Counted:
        """The holding as a plan with ``rules`` counts it (rightsplan's defaults if ``None``).

        Rights to acquire that count are added to the holding and, for this holder's
        percentage only, to the shares outstanding (Rule 13d-3(d)(1)); derivatives that
        count are added to the holding at their share equivalent.
        """
        rules = rules if rules is not None else OwnershipRules()
        rights = 0
        which = rules.rights_to_acquire
        if which is not RightsToAcquire.NONE:
            rights = self.rights_to_acquire
            if which is RightsToAcquire.ALL:
                rights += self.rights_to_acquire_later
        derivatives = self.derivatives if rules.derivatives_counted else 0
        if not (rights or derivatives):
            # The common case: nothing to add (assess asks on every call).
            return Counted(self.shares, self.outstanding, 0, 0)
        return Counted(
            shares=self.shares + rights + derivatives,
            outstanding=self.outstanding + rights,
            rights=rights,
            derivatives=derivatives,
        )


@attrs.frozen
class Counted:
    """A holding as a plan counts it: the numerator and the holder's own denominator."""

    shares: int
    """Shares owned, plus counted rights to acquire and derivative share equivalents."""
    outstanding: int
    """Shares outstanding, plus the holder's own counted rights to acquire."""
    rights: int = 0
    """The rights to acquire included."""
    derivatives: int = 0
    """The derivative share equivalents included."""

    @property
    def percent(self) -> Fraction:
        """The counted holding as an exact percentage of the holder's denominator."""
        return holding_percent(self.shares, self.outstanding)


_REPORTED = re.compile(r"(?P<whole>\d+)(?:\.(?P<decimals>\d+))?\s*%?")


def _reported(value: str) -> str:
    text = _check.text(value, "reported")
    if _REPORTED.fullmatch(text.strip()) is None:
        raise InvalidPercentError(
            f'reported: expected a reported percentage like "24.2%" or "5.1", got {value!r}'
        )
    return text


def _optional_outstanding(value: int | None) -> int | None:
    return None if value is None else _outstanding(value)


@attrs.frozen
class ReportedHolding:
    """A holding known only as a rounded percentage, as a Schedule 13D or 13G reports it.

    ``reported`` is the text as filed (``"24.2%"``); its number of decimals sets the
    rounding, so ``"24.2%"`` stands for any holding from 24.15% to 24.25%. Assessing it gives
    :attr:`~rightsplan.Status.UNCERTAIN` when that interval straddles the limit.
    ``outstanding``, when known, turns the limit into a number of shares.

    >>> ReportedHolding("IPOF Group", "24.2%").interval
    (Fraction(483, 20), Fraction(97, 4))
    """

    holder: str = attrs.field(converter=_holder)
    reported: str = attrs.field(converter=_reported)
    passive: bool = attrs.field(default=False, kw_only=True, converter=_passive)
    kind: HolderKind = attrs.field(default=HolderKind.OTHER, kw_only=True, converter=_kind)
    outstanding: int | None = attrs.field(
        default=None, kw_only=True, converter=_optional_outstanding
    )

    def __attrs_post_init__(self) -> None:
        if self.value > 100:
            raise InvalidPercentError(
                f"reported: a holding cannot exceed 100% of the shares, got {self.reported!r}"
            )

    @property
    def value(self) -> Fraction:
        """The percentage as reported."""
        return Fraction(self.reported.strip().rstrip("%").strip())

    @property
    def places(self) -> int:
        """How many decimals the report gives."""
        match = _REPORTED.fullmatch(self.reported.strip())
        assert match is not None  # checked at construction
        return len(match["decimals"] or "")

    @property
    def interval(self) -> tuple[Fraction, Fraction]:
        """The holdings, as exact percentages, that round to the reported figure."""
        half = Fraction(1, 2 * 10**self.places)
        return (max(self.value - half, Fraction(0)), min(self.value + half, Fraction(100)))
