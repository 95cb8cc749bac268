"""Exact integer comparisons, vectorized, with a proof that they cannot overflow.

A limit is ``P = num / den`` percent with a comparison; a holding is ``s`` shares (as the plan
counts them) of ``o`` outstanding (the holder's own denominator). rightsplan's scalar rule
(:meth:`rightsplan.Comparison.crosses`) is::

    s * 100 * den  >=  num * o      ("P% or more")
    s * 100 * den  >   num * o      ("more than P%")

and the warning line (:func:`rightsplan.assess`) is ``s * 100 / o >= (wn / wd) * P``, i.e.
``s * WU >= WN * o`` with ``WN / WU = wn * num / (wd * 100 * den)`` (reduced).

Both products can exceed 64 bits (``10**12`` shares times ``100 * den``), so the vectorized
path never forms them. With ``U = 100 * den`` and ``o = q * U + r`` (``0 <= r < U``)::

    max_shares = num * q + floor((num * r - a) / U)      a = 1 for "or more", 0 for "more than"
    warn_min   = WN * q' + ceil(WN * r' / WU)             o = q' * WU + r'

``max_shares`` is the largest holding that does not cross (exactly
:meth:`rightsplan.Comparison.max_shares`), so a holding crosses iff ``s > max_shares``, and it
warns iff ``s >= warn_min``. The floor is computed as ``(num * r - a + U) // U - 1`` so that
every division has a non-negative dividend.

**Bound.** Let every count be below ``2**60`` (checked on input), so ``s`` and ``o`` as counted
(shares plus rights to acquire plus derivatives) are below ``2**62``. Since ``P <= 100``,
``num <= U`` and ``WN <= WU``. Then ``num * q <= U * q <= o < 2**62``; ``num * r - a + U <=
U * (U - 1) + U = U**2``; likewise ``WN * r' + WU - 1 < WU**2``; and the sums are below
``o + U``. So when ``U`` and ``WU`` are at most :data:`INT64_UNIT_BOUND` (``3,037,000,499``,
the largest ``x`` with ``x**2 < 2**63``) every intermediate fits in a signed 64-bit integer.
That covers every percentage with ``den * wd <= 30,370,004`` — 4.99 (``den`` 100), 33 1/3
(``den`` 3), 4.999 (``den`` 1000) with the default 0.9 warn line (``wd`` 10), and far more.

Beyond that bound the plain products are formed in 128-bit integers instead, which is exact
while ``U`` and ``WU`` stay below ``2**62`` (the products are then below ``2**124``); a
percentage finer than that (a denominator over ``10**16``) is refused with
:class:`~rightsplan.errors.ScreenInputError` rather than risked.
"""

from __future__ import annotations

from fractions import Fraction
from math import gcd

import attrs
import numpy as np
import polars as pl

from rightsplan.errors import ScreenInputError
from rightsplan.percent import Comparison, format_percent

__all__ = [
    "INT64_UNIT_BOUND",
    "INT128_UNIT_BOUND",
    "Constants",
    "constants",
    "verdict",
    "verdict_int64",
]

INT64_UNIT_BOUND = 3_037_000_499
"""The largest unit ``x`` with ``x * x < 2**63``: the 64-bit path is exact up to it."""
INT128_UNIT_BOUND = 2**62
"""Units below this are exact in the 128-bit path."""
MAX_COUNT = 2**60 - 1
"""The largest share count (shares, outstanding, rights, derivatives) screening accepts."""


@attrs.frozen
class Constants:
    """The integers the vectorized comparison uses for one limit and warn line."""

    unit: int
    """``100 * den``."""
    warn_num: int
    """``WN``: the warn line is ``s * warn_unit >= warn_num * o``."""
    warn_unit: int
    """``WU``."""

    @property
    def fits_int64(self) -> bool:
        """Whether the 64-bit decomposition is exact for this limit (see the module proof)."""
        return self.unit <= INT64_UNIT_BOUND and self.warn_unit <= INT64_UNIT_BOUND


def constants(percent: Fraction, comparison: Comparison, warn_at: Fraction) -> Constants:
    """The :class:`Constants` of a limit of ``percent`` and a warn line at ``warn_at`` of it."""
    unit = 100 * percent.denominator
    warn_num = warn_at.numerator * percent.numerator
    warn_unit = warn_at.denominator * unit
    common = gcd(warn_num, warn_unit)
    warn_num, warn_unit = warn_num // common, warn_unit // common
    if unit >= INT128_UNIT_BOUND or warn_unit >= INT128_UNIT_BOUND:
        raise ScreenInputError(
            f"limit {comparison.describe(percent)} (exactly {format_percent(percent)}%): its "
            "denominator is too fine to screen exactly in 128-bit integers; assess these "
            "holdings one by one with rightsplan.assess"
        )
    return Constants(unit, warn_num, warn_unit)


def verdict(
    shares: pl.Expr,
    outstanding: pl.Expr,
    *,
    num: pl.Expr,
    unit: pl.Expr,
    at_least: pl.Expr,
    warn_num: pl.Expr,
    warn_unit: pl.Expr,
    wide: bool,
) -> tuple[pl.Expr, pl.Expr, pl.Expr]:
    """``(max_shares, triggered, warns)`` as exact expressions (all ``Int64``/``Boolean``).

    ``wide`` selects the 128-bit path, needed only when some limit's constants exceed
    :data:`INT64_UNIT_BOUND`.
    """
    a = at_least.cast(pl.Int64)
    if not wide:
        q = outstanding // unit
        r = outstanding % unit
        max_shares = num * q + (num * r - a + unit) // unit - 1
        q2 = outstanding // warn_unit
        r2 = outstanding % warn_unit
        warn_min = warn_num * q2 + (warn_num * r2 + warn_unit - 1) // warn_unit
        return max_shares, shares > max_shares, shares >= warn_min
    big = pl.Int128
    line = num.cast(big) * outstanding.cast(big) - a.cast(big)
    max_shares = (line // unit.cast(big)).cast(pl.Int64)
    warns = shares.cast(big) * warn_unit.cast(big) >= warn_num.cast(big) * outstanding.cast(big)
    return max_shares, shares > max_shares, warns


def verdict_int64(
    shares: np.ndarray,
    outstanding: np.ndarray,
    *,
    num: np.ndarray,
    unit: np.ndarray,
    a: np.ndarray,
    warn_num: np.ndarray,
    warn_unit: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(max_shares, triggered, warns)`` over ``int64`` arrays, exactly (see the bound).

    Every array holds one value per row (``a`` is 1 for "or more", 0 for "more than"). The
    caller guarantees the module's bound: counts below ``2**62`` and every ``unit`` and
    ``warn_unit`` at most :data:`INT64_UNIT_BOUND`, so no intermediate overflows.
    """
    q, r = np.divmod(outstanding, unit)
    r *= num
    r -= a
    r += unit
    r //= unit
    q *= num
    q += r
    q -= 1
    max_shares = q
    q2, r2 = np.divmod(outstanding, warn_unit)
    r2 *= warn_num
    r2 += warn_unit
    r2 -= 1
    r2 //= warn_unit
    q2 *= warn_num
    q2 += r2
    return max_shares, shares > max_shares, shares >= q2
