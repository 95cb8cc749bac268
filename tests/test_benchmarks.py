from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("polars")

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "screen_bench.py"


def test_screen_benchmark_prints_every_figure() -> None:
    """The benchmark script runs (small) and prints each figure the README reports."""
    done = subprocess.run(
        [sys.executable, str(BENCH), "--rows", "20000", "--plans", "20", "--sample", "200"],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    for figure in (
        "per-row work:",
        "screen (categorical columns):",
        "screen (text columns):",
        "screen (Enum-coded columns):",
        "numpy floor (pre-joined arrays):",
        "screen / floor time ratio:",
        "per-row assess loop",
        "screen speed-up over the per-row loop:",
        "peak memory",
        "screen_parquet,",
        "assess on a plan with 20 amendments:",
    ):
        assert figure in done.stdout, figure


REPLAY_BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "replay_bench.py"


def test_replay_benchmark_prints_every_figure() -> None:
    """The replay benchmark runs (small) and prints events per second against its floor."""
    done = subprocess.run(
        [sys.executable, str(REPLAY_BENCH), "--events", "3000", "--holders", "200"],
        env={**os.environ, "PYTHONPATH": str(REPLAY_BENCH.parent.parent / "src")},
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    for figure in (
        "events: 3,000 over 200 holders",
        "replay:",
        "events per second",
        "floor (plain fold into share counts):",
        "replay / floor time ratio:",
        "a tenth of the events:",
    ):
        assert figure in done.stdout, figure
