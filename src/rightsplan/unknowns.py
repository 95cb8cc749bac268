"""Terms the filings leave unknown, with whatever bounds they do give.

A filing may not state a term: the original threshold of a plan whose agreement is not at
hand (Candela before its Second Amendment), or the new Final Expiration Date of an amendment
that says only that it is later than some day (Enzon's Third Amendment of 2020), or an expiry
tied to an event that has not happened yet (Sotheby's: "the day the 2014 annual meeting is
completed"). rightsplan records such a term as unknown, never as a guess: every answer that
depends on it is :attr:`~rightsplan.Status.UNCERTAIN`, naming the term and its source, and
answers that do not depend on it stay exact (see :mod:`rightsplan.rules`).

Bounds are inclusive. ``UnknownPercent(at_least="10", at_most="20")`` is a percentage
``p`` with ``10 <= p <= 20``; ``UnknownDate(on_or_after="2025-08-13")`` a date ``d`` with
``d >= 2025-08-13``; ``UnknownShares(at_least=3_000_000)`` a number of shares ``n`` with
``n >= 3,000,000``. Either bound may be missing.
"""

from __future__ import annotations

from fractions import Fraction

import attrs
import pendulum

from rightsplan import _check
from rightsplan._printable import plural
from rightsplan.dates import DateLike, to_date
from rightsplan.errors import InvalidInputError, InvalidPercentError
from rightsplan.percent import PercentLike, format_percent, to_percent

__all__ = ["UnknownDate", "UnknownPercent", "UnknownShares"]


def _percent_bound(value: PercentLike | None, what: str) -> Fraction | None:
    if value is None:
        return None
    percent = to_percent(value, what=what)
    if not 0 < percent <= 100:
        raise InvalidPercentError(
            f"{what}: expected a percentage in (0, 100], got {format_percent(percent)}"
        )
    return percent


def _at_least(value: PercentLike | None) -> Fraction | None:
    return _percent_bound(value, "at_least")


def _at_most(value: PercentLike | None) -> Fraction | None:
    return _percent_bound(value, "at_most")


def _on_or_after(value: DateLike | None) -> pendulum.Date | None:
    return None if value is None else to_date(value, what="on_or_after")


def _on_or_before(value: DateLike | None) -> pendulum.Date | None:
    return None if value is None else to_date(value, what="on_or_before")


def _shares_bound(value: int | None, what: str) -> int | None:
    if value is None:
        return None
    shares = _check.whole_number(value, what)
    if shares < 1:
        raise InvalidInputError(f"{what}: expected a number of shares above zero, got {shares}")
    return shares


def _fewest(value: int | None) -> int | None:
    return _shares_bound(value, "at_least")


def _most(value: int | None) -> int | None:
    return _shares_bound(value, "at_most")


def _reason(value: str | None) -> str | None:
    return _check.optional_text(value, "reason")


@attrs.frozen(kw_only=True)
class UnknownPercent:
    """A percentage the filings do not state, known at most to lie between two bounds.

    ``reason`` says why it is unknown (which filing is missing).

    >>> UnknownPercent(at_least="10", at_most="20").describe()
    'unknown (between 10% and 20%)'
    >>> UnknownPercent().describe()
    'unknown'
    """

    at_least: Fraction | None = attrs.field(default=None, converter=_at_least)
    at_most: Fraction | None = attrs.field(default=None, converter=_at_most)
    reason: str | None = attrs.field(default=None, converter=_reason)

    def __attrs_post_init__(self) -> None:
        low, high = self.at_least, self.at_most
        if low is not None and high is not None and low > high:
            raise InvalidPercentError(
                f"at_least: {format_percent(low)} is more than at_most ({format_percent(high)})"
            )

    def contains(self, percent: Fraction) -> bool:
        """Whether ``percent`` is one of the values the bounds allow."""
        low, high = self.at_least, self.at_most
        return (low is None or low <= percent) and (high is None or percent <= high)

    def bounds(self) -> str:
        """The bounds in words (empty when there are none)."""
        low, high = self.at_least, self.at_most
        if low is not None and high is not None:
            if low == high:  # pragma: no cover - a known value; kept readable all the same
                return f"{format_percent(low)}%"
            return f"between {format_percent(low)}% and {format_percent(high)}%"
        if low is not None:
            return f"at least {format_percent(low)}%"
        if high is not None:
            return f"at most {format_percent(high)}%"
        return ""

    def describe(self) -> str:
        """``"unknown"``, with the bounds: ``"unknown (between 10% and 20%)"``."""
        bounds = self.bounds()
        return f"unknown ({bounds})" if bounds else "unknown"


@attrs.frozen(kw_only=True)
class UnknownDate:
    """A date the filings do not state, known at most to lie between two bounds.

    ``reason`` says why it is unknown: a missing filing, or for an expiry tied to an event,
    the event that will fix it (the condition's own words go in the change's ``condition``
    and ``quote``).

    >>> UnknownDate(on_or_after="2025-08-13").describe()
    'unknown (on or after 2025-08-13)'
    """

    on_or_after: pendulum.Date | None = attrs.field(default=None, converter=_on_or_after)
    on_or_before: pendulum.Date | None = attrs.field(default=None, converter=_on_or_before)
    reason: str | None = attrs.field(default=None, converter=_reason)

    def __attrs_post_init__(self) -> None:
        low, high = self.on_or_after, self.on_or_before
        if low is not None and high is not None and low > high:
            raise InvalidInputError(
                f"on_or_after: {low.isoformat()} is after on_or_before ({high.isoformat()})"
            )

    def contains(self, day: pendulum.Date) -> bool:
        """Whether ``day`` is one of the dates the bounds allow."""
        low, high = self.on_or_after, self.on_or_before
        return (low is None or low <= day) and (high is None or day <= high)

    def bounds(self) -> str:
        """The bounds in words (empty when there are none)."""
        low, high = self.on_or_after, self.on_or_before
        if low is not None and high is not None:
            return f"between {low.isoformat()} and {high.isoformat()}"
        if low is not None:
            return f"on or after {low.isoformat()}"
        if high is not None:
            return f"on or before {high.isoformat()}"
        return ""

    def describe(self) -> str:
        """``"unknown"``, with the bounds: ``"unknown (on or after 2025-08-13)"``."""
        bounds = self.bounds()
        return f"unknown ({bounds})" if bounds else "unknown"


@attrs.frozen(kw_only=True)
class UnknownShares:
    """A number of shares the filings do not state, known at most to lie between two bounds.

    For a cap in shares left open: an exception or an Exempt Person "up to" a number of
    shares the filings at hand do not give. ``reason`` says why it is unknown.

    >>> UnknownShares(at_least=3_000_000).describe()
    'unknown (at least 3,000,000 shares)'
    """

    at_least: int | None = attrs.field(default=None, converter=_fewest)
    at_most: int | None = attrs.field(default=None, converter=_most)
    reason: str | None = attrs.field(default=None, converter=_reason)

    def __attrs_post_init__(self) -> None:
        low, high = self.at_least, self.at_most
        if low is not None and high is not None and low > high:
            raise InvalidInputError(f"at_least: {low:,} is more than at_most ({high:,})")

    def contains(self, shares: int) -> bool:
        """Whether ``shares`` is one of the numbers the bounds allow."""
        low, high = self.at_least, self.at_most
        return (low is None or low <= shares) and (high is None or shares <= high)

    def bounds(self) -> str:
        """The bounds in words (empty when there are none)."""
        low, high = self.at_least, self.at_most
        if low is not None and high is not None:
            return f"between {low:,} and {plural(high, 'share')}"
        if low is not None:
            return f"at least {plural(low, 'share')}"
        if high is not None:
            return f"at most {plural(high, 'share')}"
        return ""

    def describe(self) -> str:
        """``"unknown"``, with the bounds: ``"unknown (at least 3,000,000 shares)"``."""
        bounds = self.bounds()
        return f"unknown ({bounds})" if bounds else "unknown"
