"""The progress line of long runs: count, rate and time left, on a terminal only."""

from __future__ import annotations

import io
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rightsplan import _progress


class TestProgressText:
    @given(
        total=st.integers(1, 10**9),
        fraction=st.fractions(0, 1),
        elapsed=st.floats(0.01, 10**5),
    )
    def test_rate_and_time_left(self, total: int, fraction: object, elapsed: float) -> None:
        """The rate is done/elapsed, and the time left (total-done)/rate, in m:ss or h:mm:ss."""
        done = int(total * fraction)  # type: ignore[operator]
        text = _progress.progress_text("screening", "rows", done, total, elapsed)
        assert f"{done:,}/{total:,} rows" in text
        rate = done / elapsed
        if done >= total:
            assert "done in" in text
        elif rate > 0:
            left = math.floor((total - done) / rate + 0.5)  # the nearest second, halves up
            hours, rest = divmod(left, 3600)
            minutes, seconds = divmod(rest, 60)
            clock = f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
            assert text.endswith(f"{clock} left")

    def test_half_a_second_rounds_up(self) -> None:
        """A time left of exactly 6,012.5 s shows as 1:40:13 (halves round up, not to even)."""
        text = _progress.progress_text("reading", "files", 1, 2, 6012.5)
        assert text.endswith("1:40:13 left")

    def test_the_line_is_redrawn_on_standard_error(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Each call redraws one line on standard error; the last ends it."""
        err = io.StringIO()
        monkeypatch.setattr("sys.stderr", err)
        ticks = iter([0.0, 2.0, 4.0])
        show = _progress.progress_bar("reading", "files", clock=lambda: next(ticks))
        show(1, 2)
        show(2, 2)
        assert err.getvalue().count("\r") == 2 and err.getvalue().endswith("\n")
        assert "1/2 files, 0.50 files/s, 0:02 left" in err.getvalue()
        assert "2/2 files, 0.50 files/s, done in 0:04" in err.getvalue()
