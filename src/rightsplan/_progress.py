"""A progress line for long runs, with the rate and the time left (private).

Shown on standard error, and only when it is a terminal: a pipe or a log file gets nothing.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

__all__ = ["progress_bar", "progress_text"]


def _duration(seconds: float) -> str:
    whole = int(seconds + 0.5)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def progress_text(label: str, unit: str, done: int, total: int, elapsed: float) -> str:
    """One progress line: bar, count, rate and time left (left unknown before any progress).

    >>> progress_text("screening", "rows", 250, 1000, 5.0)
    'screening [#######.......................] 250/1,000 rows, 50 rows/s, 0:15 left'
    """
    width = 30
    filled = width * min(done, total) // max(total, 1)
    rate = done / elapsed if elapsed > 0 else 0.0
    left = f"{_duration((total - done) / rate)} left" if rate > 0 and done < total else ""
    if done >= total:
        left = f"done in {_duration(elapsed)}"
    shown_rate = f"{rate:,.0f} {unit}/s" if rate >= 1 else f"{rate:.2f} {unit}/s"
    parts = [f"{done:,}/{total:,} {unit}", shown_rate, *([left] if left else [])]
    return f"{label} [{'#' * filled}{'.' * (width - filled)}] " + ", ".join(parts)


def progress_bar(
    label: str, unit: str, *, clock: Callable[[], float] = time.monotonic
) -> Callable[[int, int], None]:
    """A ``progress(done, total)`` callback that redraws one line on standard error."""
    start = clock()

    def show(done: int, total: int) -> None:
        text = progress_text(label, unit, done, total, clock() - start)
        sys.stderr.write("\r" + text + "\033[K" + ("\n" if done >= total else ""))
        sys.stderr.flush()

    return show


def on_terminal() -> bool:
    """Whether progress should be shown: standard error is a terminal."""
    return sys.stderr is not None and sys.stderr.isatty()
