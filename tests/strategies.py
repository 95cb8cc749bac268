"""Strategies shared by rightsplan's tests.

The public ones live in :mod:`rightsplan.testing` (users' tests use them too); this module
re-exports them and adds the few only our own tests need.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from rightsplan.testing import (
    HOLDER_NAMES,
    MAX_DATE,
    MIN_DATE,
    amendment_histories,
    comparisons,
    dates,
    percents,
    plans,
    positions,
    thresholds,
)

__all__ = [
    "HOLDER_NAMES",
    "MAX_DATE",
    "MIN_DATE",
    "amendment_histories",
    "comparisons",
    "dates",
    "floats",
    "not_percent_like",
    "percents",
    "plans",
    "positions",
    "share_counts",
    "thresholds",
]


def floats() -> st.SearchStrategy[float]:
    """Any binary float, including the ones that look exact (25.0)."""
    return st.floats(allow_nan=True, allow_infinity=True)


def share_counts(max_value: int = 10**12) -> st.SearchStrategy[int]:
    """Whole share counts, small and large."""
    return st.one_of(st.integers(0, 1000), st.integers(0, max_value))


def not_percent_like() -> st.SearchStrategy[object]:
    """Values that are not percentages at all."""
    return st.one_of(
        st.none(),
        st.booleans(),
        st.lists(st.integers(), max_size=2),
        st.binary(max_size=4),
        st.just(Decimal("NaN")),
    )
