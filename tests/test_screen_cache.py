"""The prepared plans `rightsplan screen` keeps between runs (rightsplan.screening._cache)."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from fractions import Fraction
from pathlib import Path
from unittest import mock

import polars as pl
import pytest

import rightsplan as rp
from rightsplan.screening import _cache, _inputs
from rightsplan.screening.cli import screen_main

INNOTRAC = rp.examples.innotrac()
NINE_TENTHS = Fraction(9, 10)


def plans_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    rp.dump_plan(INNOTRAC, folder / "INOC.toml")
    return folder


def positions(tmp_path: Path) -> Path:
    source = tmp_path / "in.parquet"
    pl.DataFrame(
        {
            "plan": ["INOC", "INOC"],
            "holder": ["IPOF Group", "Another Fund"],
            "date": ["2003-12-01", "2003-12-01"],
            "shares": [2_800_500, 1_735_848],
            "outstanding": [11_572_314, 11_572_314],
            "passive": [True, False],
        }
    ).write_parquet(source)
    return source


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("plans-*.pickle"))


class TestFolder:
    def test_xdg_cache_home_is_respected(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """On Linux the folder is $XDG_CACHE_HOME/rightsplan, ~/.cache/rightsplan without it."""
        monkeypatch.setattr(sys, "platform", "linux")
        monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere/cache")
        assert _cache.cache_folder() == Path("/somewhere/cache/rightsplan")
        monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # invalid by the XDG rules
        assert _cache.cache_folder() == Path.home() / ".cache" / "rightsplan"
        monkeypatch.delenv("XDG_CACHE_HOME")
        assert _cache.cache_folder() == Path.home() / ".cache" / "rightsplan"
        assert _cache.cache_folder("given") == Path("given")


class TestEntries:
    def test_a_second_run_reads_no_plan_file(self, tmp_path: Path) -> None:
        """The second run with the same plan files takes the prepared plans from the cache."""
        plans, cache = plans_folder(tmp_path), tmp_path / "cache"
        first = _cache.prepared_plans(plans, warn_at=NINE_TENTHS, cache=cache)
        assert len(entries(cache)) == 1
        with mock.patch.object(_cache, "load_plans", side_effect=AssertionError("read again")):
            again = _cache.prepared_plans(plans, warn_at=NINE_TENTHS, cache=cache)
        assert again.plans == first.plans
        assert again.intervals.table().equals(first.intervals.table())

    def test_an_edited_plan_file_is_read_afresh(self, tmp_path: Path) -> None:
        """Editing a plan file (or the warn line) makes a new key: no stale answer."""
        plans, cache = plans_folder(tmp_path), tmp_path / "cache"
        _cache.prepared_plans(plans, warn_at=NINE_TENTHS, cache=cache)
        edited = rp.Plan(
            rp.RightsAgreement(
                company="Innotrac Corporation",
                dated="1997-12-31",
                provisions=(rp.SetThreshold(percent="20", comparison=rp.Comparison.AT_LEAST),),
            )
        )
        rp.dump_plan(edited, plans / "INOC.toml")
        found = _cache.prepared_plans(plans, warn_at=NINE_TENTHS, cache=cache)
        assert found.intervals.rules["limit"].drop_nulls().to_list() == ["20"]
        assert len(entries(cache)) == 2
        _cache.prepared_plans(plans, warn_at=Fraction(1, 2), cache=cache)
        assert len(entries(cache)) == 3

    @pytest.mark.parametrize(
        "damage",
        [
            lambda blob: blob[: len(blob) // 2],  # a write cut short
            lambda blob: blob[:-10] + bytes([blob[-10] ^ 1]) + blob[-9:],  # a flipped bit
            lambda blob: b"not an entry at all",
            lambda blob: b"",
        ],
    )
    def test_a_damaged_entry_is_rebuilt(self, tmp_path: Path, damage: object) -> None:
        """A truncated, corrupted or foreign entry is rebuilt (and replaced), never an error."""
        plans, cache = plans_folder(tmp_path), tmp_path / "cache"
        _cache.prepared_plans(plans, warn_at=NINE_TENTHS, cache=cache)
        (entry,) = entries(cache)
        entry.write_bytes(damage(entry.read_bytes()))  # type: ignore[operator]
        loads = mock.Mock(wraps=_inputs.load_plans)
        with mock.patch.object(_cache, "load_plans", loads):
            found = _cache.prepared_plans(plans, warn_at=NINE_TENTHS, cache=cache)
        assert loads.call_count == 1
        assert found.plans["INOC"] == INNOTRAC
        assert _cache._read(entry, _cache.plans_key(plans, NINE_TENTHS) or "") is not None

    def test_an_entry_of_another_key_is_not_used(self, tmp_path: Path) -> None:
        """A whole entry stored under the wrong name (another key inside) is not trusted."""
        plans, cache = plans_folder(tmp_path), tmp_path / "cache"
        _cache.prepared_plans(plans, warn_at=NINE_TENTHS, cache=cache)
        (entry,) = entries(cache)
        assert _cache._read(entry, "0" * 64) is None

    def test_an_unwritable_cache_is_skipped(self, tmp_path: Path) -> None:
        """A cache folder that cannot be made is skipped: the plans are prepared all the same."""
        plans = plans_folder(tmp_path)
        blocker = tmp_path / "file"
        blocker.write_text("not a folder")
        found = _cache.prepared_plans(plans, warn_at=NINE_TENTHS, cache=blocker / "cache")
        assert found.plans["INOC"] == INNOTRAC

    def test_old_entries_are_pruned(self, tmp_path: Path) -> None:
        """Only the most recently used entries are kept."""
        plans, cache = plans_folder(tmp_path), tmp_path / "cache"
        for number in range(_cache._KEEP + 3):
            _cache.prepared_plans(plans, warn_at=Fraction(number + 1, 100), cache=cache)
        assert len(entries(cache)) == _cache._KEEP

    def test_no_temporary_file_is_left(self, tmp_path: Path) -> None:
        """An entry is written beside a temporary file renamed into place: none is left."""
        plans, cache = plans_folder(tmp_path), tmp_path / "cache"
        _cache.prepared_plans(plans, warn_at=NINE_TENTHS, cache=cache)
        assert [path.name.startswith("plans-") for path in cache.iterdir()] == [True]


class TestCommand:
    def test_cache_dir_and_no_cache(self, tmp_path: Path) -> None:
        """--cache-dir names the folder; --no-cache keeps nothing; the verdicts are the same."""
        plans, source = plans_folder(tmp_path), positions(tmp_path)
        cache = tmp_path / "mine"
        out = [tmp_path / f"out{number}.parquet" for number in range(3)]
        args = [str(plans), str(source), "-o"]
        assert screen_main([*args, str(out[0]), "--cache-dir", str(cache)]) == 1
        assert len(entries(cache)) == 1
        assert screen_main([*args, str(out[1]), "--cache-dir", str(cache)]) == 1
        assert screen_main([*args, str(out[2]), "--no-cache", "--cache-dir", str(tmp_path / "x")])
        assert not (tmp_path / "x").exists()
        first = pl.read_parquet(out[0])
        assert all(first.equals(pl.read_parquet(path)) for path in out[1:])

    @pytest.mark.parametrize("cached", [True, False])
    def test_the_collector_is_left_as_found(self, tmp_path: Path, cached: bool) -> None:
        """The command reads plans with the collector off and frozen, and leaves it as found.

        On, nothing frozen, after a run; and the command's answers are those of a run with
        the collector left alone.
        """
        import gc

        plans, source = plans_folder(tmp_path), positions(tmp_path)
        flags = ["--cache-dir", str(tmp_path / "cache")] if cached else ["--no-cache"]
        out = tmp_path / "out.parquet"
        assert gc.isenabled() and gc.get_freeze_count() == 0
        assert screen_main([str(plans), str(source), "-o", str(out), *flags]) == 1
        assert gc.isenabled() and gc.get_freeze_count() == 0
        with mock.patch("rightsplan.screening.cli.collector_off", return_value=nullcontext()):
            again = tmp_path / "again.parquet"
            assert screen_main([str(plans), str(source), "-o", str(again), *flags]) == 1
        assert pl.read_parquet(out).equals(pl.read_parquet(again))

    def test_the_default_folder_is_the_users(self, tmp_path: Path) -> None:
        """Without --cache-dir, entries go to $XDG_CACHE_HOME/rightsplan."""
        plans, source = plans_folder(tmp_path), positions(tmp_path)
        with (
            mock.patch.object(sys, "platform", "linux"),
            mock.patch.dict("os.environ", {"XDG_CACHE_HOME": str(tmp_path / "xdg")}),
        ):
            screen_main([str(plans), str(source), "-o", str(tmp_path / "out.parquet")])
        assert len(entries(tmp_path / "xdg" / "rightsplan")) == 1
