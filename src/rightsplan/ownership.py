"""Holdings: who owns how many of the shares outstanding."""

from __future__ import annotations

from fractions import Fraction

import attrs

from rightsplan import _check
from rightsplan.errors import InputTypeError, InvalidPositionError
from rightsplan.percent import holding_percent
from rightsplan.terms import HolderKind

__all__ = ["Position"]


def _holder(value: str) -> str:
    return _check.text(value, "holder")


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

    def __attrs_post_init__(self) -> None:
        if self.shares > self.outstanding:
            raise InvalidPositionError(
                f"{self.holder}: shares ({self.shares:,}) exceed the shares outstanding "
                f"({self.outstanding:,})"
            )

    @property
    def percent(self) -> Fraction:
        """The exact percentage of the shares outstanding this holder owns."""
        return holding_percent(self.shares, self.outstanding)
