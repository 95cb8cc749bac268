"""Tests for rightsplan.screening._near: the near_match column built from its few rows."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from rightsplan.screening._near import NEAR_MATCH, _list_column

ANSWERS = st.lists(
    st.none() | st.lists(st.sampled_from(["IPOF Group", "Acme", "Ünïcode Fund"]), max_size=3),
    min_size=1,
    max_size=4,
)


@given(st.integers(1, 200), ANSWERS, st.data())
def test_the_list_column_puts_each_answer_on_its_row(
    rows: int, answers: list[list[str] | None], data: st.DataObject
) -> None:
    """Row ``at[k]`` holds ``answers[which[k]]`` (an empty list stays a list), the rest null."""
    at = sorted(data.draw(st.sets(st.integers(0, rows - 1), max_size=rows)))
    which = [data.draw(st.integers(0, len(answers) - 1)) for _ in at]
    column = _list_column(
        rows, np.array(at, dtype=np.int64), np.array(which, dtype=np.int64), answers
    )
    expected: list[list[str] | None] = [None] * rows
    for row, k in zip(at, which, strict=True):
        expected[row] = answers[k]
    assert column.dtype == NEAR_MATCH
    assert column.name == "near_match"
    assert column.to_list() == expected
    assert column.null_count() == expected.count(None)
