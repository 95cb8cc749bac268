"""Exact percentages and the two comparisons a rights plan can use.

A plan says either "15% or more" (:attr:`Comparison.AT_LEAST`) or "more than 25%"
(:attr:`Comparison.MORE_THAN`). The two differ exactly at the boundary share, so every
threshold carries its comparison, and every comparison is made in integers::

    shares * 100 * denominator  versus  numerator * outstanding

where ``numerator / denominator`` is the percentage as a :class:`~fractions.Fraction`.
"""

from __future__ import annotations

import enum
import functools
import re
from decimal import Decimal
from fractions import Fraction
from typing import Final, TypeAlias

import attrs

from rightsplan.errors import InvalidPercentError, PercentTypeError

__all__ = [
    "Comparison",
    "PercentLike",
    "Threshold",
    "format_percent",
    "holding_percent",
    "readable_percent",
    "to_percent",
    "to_points",
]

PercentLike: TypeAlias = int | str | Decimal | Fraction
"""What a percentage may be given as: ``15``, ``"4.99"``, ``"24.2%"``, ``"33 1/3"``,
``Decimal("4.99")`` or ``Fraction(100, 3)``. Never a ``float``."""

_DECIMAL = re.compile(r"[+-]?\d+(?:\.\d+)?")
_RATIO = re.compile(r"(?P<sign>[+-]?)(?:(?P<whole>\d+)\s+)?(?P<num>\d+)/(?P<den>\d+)")


def to_percent(value: object, *, what: str = "percentage") -> Fraction:
    """Read a percentage exactly.

    ``value`` may be an ``int``, a :class:`~fractions.Fraction`, a :class:`~decimal.Decimal`
    or a string: a decimal (``"4.99"``), optionally with a ``%`` sign (``"24.2%"``), a ratio
    (``"100/3"``) or a mixed number (``"33 1/3"``). A ``float`` is refused with
    :class:`~rightsplan.errors.PercentTypeError`, since 4.99 has no exact binary form.

    ``what`` names the value in error messages (a field path, for example).

    >>> to_percent("4.99")
    Fraction(499, 100)
    >>> to_percent("33 1/3")
    Fraction(100, 3)
    """
    if isinstance(value, bool):
        raise PercentTypeError(f'{what}: expected a percentage like "15" or "4.99", got {value!r}')
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, float):
        raise PercentTypeError(
            f'{what}: expected a percentage like "25" or "4.99", got {value!r} (a float); '
            "binary floats are inexact, so write the number as a string, an int, a Decimal "
            "or a Fraction"
        )
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InvalidPercentError(f"{what}: expected a finite percentage, got {value!r}")
        return Fraction(value)
    if isinstance(value, str):
        return _parse_percent_text(value, what)
    raise PercentTypeError(
        f"{what}: expected a percentage (int, str, Decimal or Fraction), "
        f"got {value!r} of type {type(value).__name__}"
    )


def to_points(value: object, *, what: str) -> Fraction:
    """Read percentage points in [0, 100] (a tolerance), exactly, as :func:`to_percent` does."""
    points = to_percent(value, what=what)
    if not 0 <= points <= 100:
        raise InvalidPercentError(
            f"{what}: expected percentage points in [0, 100], got {format_percent(points)}"
        )
    return points


_MAX_PERCENT_TEXT = 100
"""The longest percentage text read: far past any plan's, short of Python's limit on
converting digits to integers (4,300), which would otherwise raise a bare ValueError."""


def _parse_percent_text(text: str, what: str) -> Fraction:
    body = text.strip()
    if len(body) > _MAX_PERCENT_TEXT:
        raise InvalidPercentError(
            f'{what}: expected a percentage like "15" or "4.99", got text of {len(body):,} '
            f"characters ({body[:20]!r}...); no plan's percentage is that long"
        )
    if body.endswith("%"):
        body = body[:-1].rstrip()
    if _DECIMAL.fullmatch(body):
        return Fraction(body)
    ratio = _RATIO.fullmatch(body)
    if ratio is not None:
        den = int(ratio["den"])
        if den == 0:
            raise InvalidPercentError(f"{what}: {text!r} divides by zero")
        magnitude = int(ratio["whole"] or 0) + Fraction(int(ratio["num"]), den)
        return -magnitude if ratio["sign"] == "-" else magnitude
    raise InvalidPercentError(
        f'{what}: expected a percentage like "15", "4.99", "24.2%" or "33 1/3", got {text!r}'
    )


def format_percent(value: Fraction) -> str:
    """Write a percentage exactly, in the shortest form :func:`to_percent` reads back.

    Terminating decimals are written as decimals, others as mixed numbers.

    >>> format_percent(Fraction(499, 100))
    '4.99'
    >>> format_percent(Fraction(100, 3))
    '33 1/3'
    """
    if type(value) is Fraction:
        # The common case, looked up by its two integers: hashing them is cheaper than
        # hashing the Fraction, and far cheaper than writing it again.
        return _format_fraction(value.numerator, value.denominator)
    # Anything else (an int, a subclass) is written afresh, step for step as it always was.
    sign = "-" if value < 0 else ""
    value = abs(value)
    return sign + _write_unsigned(value.numerator, value.denominator)


@functools.lru_cache(maxsize=4096)
def _format_fraction(numerator: int, denominator: int) -> str:
    """:func:`format_percent` of ``numerator / denominator``, in lowest terms."""
    if numerator < 0:
        return "-" + _write_unsigned(-numerator, denominator)
    return _write_unsigned(numerator, denominator)


def _write_unsigned(numerator: int, denominator: int) -> str:
    """The shortest exact form of ``numerator / denominator`` (lowest terms, not negative)."""
    den = denominator
    twos = fives = 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    if den == 1:
        places = max(twos, fives)
        scaled = numerator * (10**places) // denominator
        text = str(scaled).rjust(places + 1, "0")
        if places:
            text = f"{text[:-places]}.{text[-places:]}"
        return text
    whole, rest = divmod(numerator, denominator)
    if whole:
        return f"{whole} {rest}/{denominator}"
    return f"{rest}/{denominator}"


def holding_percent(shares: int, outstanding: int) -> Fraction:
    """The exact percentage ``shares`` is of ``outstanding``."""
    return Fraction(shares * 100, outstanding)


def readable_percent(value: Fraction, places: int = 2) -> str:
    """A percentage for people: exact when it has at most ``places`` decimals, else rounded.

    >>> readable_percent(Fraction(242, 10)), readable_percent(Fraction(2800500 * 100, 11572314))
    ('24.2%', 'about 24.2%')
    """
    exact = format_percent(value)
    if "/" not in exact and len(exact.partition(".")[2]) <= places:
        return f"{exact}%"
    scale = 10**places
    return f"about {format_percent(Fraction(round(value * scale), scale))}%"


class Comparison(enum.Enum):
    """How a threshold compares: "X% or more" or "more than X%"."""

    AT_LEAST = "at-least"
    """"X% or more": a holding of exactly X% crosses the threshold."""

    MORE_THAN = "more-than"
    """"more than X%": a holding of exactly X% does not cross it; one share more does."""

    def crosses(self, shares: int, outstanding: int, percent: Fraction) -> bool:
        """Whether ``shares`` of ``outstanding`` crosses ``percent`` under this comparison."""
        held = shares * 100 * percent.denominator
        line = percent.numerator * outstanding
        if self is Comparison.AT_LEAST:
            return held >= line
        return held > line

    def crosses_percent(self, held: Fraction, percent: Fraction) -> bool:
        """Whether a holding of exactly ``held`` percent crosses ``percent``."""
        if self is Comparison.AT_LEAST:
            return held >= percent
        return held > percent

    def max_shares(self, outstanding: int, percent: Fraction) -> int:
        """The largest whole number of shares that does not cross ``percent``."""
        line = percent.numerator * outstanding
        unit = 100 * percent.denominator
        if self is Comparison.AT_LEAST:
            # largest s with s * unit < line
            return -(-line // unit) - 1
        # largest s with s * unit <= line
        return line // unit

    def describe(self, percent: Fraction) -> str:
        """The plan's own words for a threshold: ``"15% or more"`` or ``"more than 25%"``."""
        if self is Comparison.AT_LEAST:
            return f"{format_percent(percent)}% or more"
        return f"more than {format_percent(percent)}%"


_HUNDRED: Final = Fraction(100)


def _percent_field(value: PercentLike) -> Fraction:
    return to_percent(value)


def _check_range(
    instance: Threshold, attribute: attrs.Attribute[Fraction], value: Fraction
) -> None:
    if not 0 < value <= _HUNDRED:
        raise InvalidPercentError(
            f"percent: expected a percentage in (0, 100], got {format_percent(value)}"
        )


def _check_comparison(
    instance: Threshold, attribute: attrs.Attribute[Comparison], value: object
) -> None:
    if not isinstance(value, Comparison):
        raise InvalidPercentError(
            f'comparison: expected Comparison.AT_LEAST ("X% or more") or '
            f'Comparison.MORE_THAN ("more than X%"), got {value!r}'
        )


@attrs.frozen
class Threshold:
    """A percentage of the shares outstanding together with how it compares.

    >>> t = Threshold("15", Comparison.AT_LEAST)
    >>> t.describe(), t.max_shares(11_572_314)
    ('15% or more', 1735847)
    """

    percent: Fraction = attrs.field(converter=_percent_field, validator=_check_range)
    comparison: Comparison = attrs.field(validator=_check_comparison)

    def crossed_by(self, shares: int, outstanding: int) -> bool:
        """Whether a holding of ``shares`` out of ``outstanding`` crosses this threshold."""
        return self.comparison.crosses(shares, outstanding, self.percent)

    def max_shares(self, outstanding: int) -> int:
        """The largest holding, in shares, that does not cross this threshold."""
        return self.comparison.max_shares(outstanding, self.percent)

    def describe(self) -> str:
        """The threshold in the plan's own style of words."""
        return self.comparison.describe(self.percent)

    def sort_key(self) -> tuple[Fraction, bool]:
        """Orders thresholds from strictest to most generous.

        "more than X%" is more generous than "X% or more": it lets a holder own exactly X%.
        """
        return (self.percent, self.comparison is Comparison.MORE_THAN)
