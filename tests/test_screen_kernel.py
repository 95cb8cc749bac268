from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from rightsplan.screening import kernel

INT64_MAX = 2**63 - 1

DIVIDERS: list[object] = [
    pytest.param(getattr(kernel.floor_divide, "py_func", kernel.floor_divide), id="python"),
    pytest.param(
        kernel.floor_divide,
        id="compiled",
        marks=pytest.mark.skipif(not kernel.HAS_NUMBA, reason="numba is not installed"),
    ),
]


@pytest.mark.parametrize("divide", DIVIDERS)
@given(
    st.integers(-1, 2**53 - 1) | st.integers(2**52, 2**53 - 1),
    st.integers(1, 2**32 - 1) | st.sampled_from([1, 100, 300, 10_000, 2**31, 2**32 - 1]),
    st.sampled_from([-1, 0, 1, None]),
)
@example(-1, 100, None)
@example(2**53 - 1, 2**32 - 1, None)
@example(2**53 - 1, 1, None)
def test_floor_divide_is_floor_division(
    divide: Callable[[int, int], int], line: int, unit: int, hug: int | None
) -> None:
    """floor_divide gives line // unit exactly below 2**53, at and either side of a multiple."""
    if hug is not None:  # a multiple of unit, and one either side
        line = min(max((line // unit) * unit + hug, -1), 2**53 - 1)
    assert divide(line, unit) == line // unit


def test_direct_limits_are_the_largest_safe_counts() -> None:
    """Each limit is the largest count whose product with the constant fits in 64 bits."""
    num = np.array([499, 1, 0, 100], dtype=np.int64)
    unit = np.array([10_000, 100, 1, 300], dtype=np.int64)
    warn_num = np.array([4491, 9, 0, 3], dtype=np.int64)
    warn_unit = np.array([100_000, 1000, 1, 10], dtype=np.int64)
    limits = kernel.direct_limits(num, unit, warn_num, warn_unit).reshape(-1, 3)
    columns = (num.tolist(), warn_unit.tolist(), warn_num.tolist())
    for row, constants in enumerate(zip(*columns, strict=True)):
        for limit, constant in zip(limits[row].tolist(), constants, strict=True):
            if constant == 0:
                assert limit == INT64_MAX
            else:
                assert limit * constant <= INT64_MAX < (limit + 1) * constant


def test_switched_off_by_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """RIGHTSPLAN_NO_JIT turns the compiled loop off; unset, it is on where numba is."""
    monkeypatch.setenv("RIGHTSPLAN_NO_JIT", "1")
    assert not kernel.available()
    monkeypatch.delenv("RIGHTSPLAN_NO_JIT")
    assert kernel.available() == kernel.HAS_NUMBA
