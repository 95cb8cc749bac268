from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests import hostile

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "screen_bench.py"


def test_screen_benchmark_prints_every_figure() -> None:
    """The benchmark script runs (small) and prints each figure the docs report."""
    pytest.importorskip("polars")
    pytest.importorskip("duckdb")
    done = subprocess.run(
        [
            sys.executable,
            str(BENCH),
            *("--rows", "20000", "--plans", "20", "--sample", "200"),
            *("--rounds", "1", "--repeat", "1"),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    for figure in (
        "per-row work:",
        "first call: the 20 plans prepared",
        "first call: screen, categorical columns",
        "round 1, categorical columns: screen",
        "round 1, Enum columns: screen",
        "round 1, text columns: screen",
        "polars range join",
        "DuckDB range join",
        # the join floor is a numba kernel: measured when numba is installed, said when not
        "x the join floor ("
        if importlib.util.find_spec("numba")
        else "join floor: not measured (numba is not installed)",
        "agree with rp.screen's, row for row",
        "| text |",
        "per-row assess loop",
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


PLAN_BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "plan_bench.py"


def test_plan_benchmark_prints_every_figure() -> None:
    """The plan benchmark runs (small) and prints each step at three sizes against its floor."""
    done = subprocess.run(
        [sys.executable, str(PLAN_BENCH), "--amendments", "200", "--repeat", "1"],
        env={**os.environ, "PYTHONPATH": str(PLAN_BENCH.parent.parent / "src")},
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    for figure in (
        "amendments: 200 (",
        "full/quarter",
        "build the Plan",
        "timeline()",
        "describe()",
        "dump_plan (TOML)",
        "load_plan (TOML)",
        "rightsplan terms",
        "floor (one pass over the changes)",
        "total (every step but the floor):",
    ):
        assert figure in done.stdout, figure


HOSTILE_BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "hostile_bench.py"


def test_hostile_benchmark_prints_every_figure() -> None:
    """The hostile-input benchmark runs (small) and prints each case against its ordinary text."""
    done = subprocess.run(
        [sys.executable, str(HOSTILE_BENCH), "--scale", "0.02", "--repeat", "1"],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    out = done.stdout
    assert "filing reader, ordinary: the seed 8-K" in out
    assert "ownership-report reader, ordinary: a Schedule 13D" in out
    assert "near-misses inside an 8-K's Item 5:" in out
    for case in ("deep HTML", "deep XML", "label flood", "vote flood", "clause flood"):
        assert f"{case}: " in out, case
    runs, markups = len(hostile.RUN_UNITS), len(list(hostile.hostile_reports(0.001)))
    assert out.count("x ordinary per character") == 1 + runs + markups
    assert out.count("a letter's subject pattern") == len(hostile.LETTER_BLANKS)
    assert "MiB file refused from its size" in out
