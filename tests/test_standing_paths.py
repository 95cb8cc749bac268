"""The replay's standing, handed to every one-date path, gives the replay's own verdict.

A tax-asset amendment lowers the threshold to 4.99% and grandfathers a holder at 6.1%, with
a tolerance of "additional shares of 0.5% or more". The replay says what the holder may do;
``rp.assess``, ``rightsplan check`` (standing columns in the holdings file) and
``rp.screen`` (standing columns) must say the same, given ``History.standing``.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pendulum
import pytest

import rightsplan as rp
from rightsplan.cli import main
from rightsplan.io.holdings import standing_columns

AMENDED = "2026-03-02"
PLAN_TOML = f"""\
[agreement]
company = "Tax Asset Inc."
dated = "2025-01-02"
provisions = [{{ kind = "set-threshold", percent = "15", comparison = "at-least" }}]

[[amendments]]
number = 1
executed = "{AMENDED}"

[[amendments.changes]]
kind = "set-threshold"
percent = "4.99"
comparison = "at-least"
section = "Section 1(a)"

[[amendments.changes]]
kind = "set-grandfathering"
tolerance_percent = "0.5"
tolerance_comparison = "at-least"
section = "Section 1(b)"
"""

EVENTS = [
    rp.OutstandingChanged(on="2025-01-02", outstanding=10_000_000),
    rp.Acquisition(on="2025-06-02", holder="Old Fund", shares=610_000),
    rp.Acquisition(on="2026-04-01", holder="Old Fund", shares=30_000),
]
DAYS = {AMENDED: (610_000, 49_999), "2026-04-01": (640_000, 19_999)}


@pytest.fixture(scope="module")
def plan_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plan") / "tax.toml"
    path.write_text(PLAN_TOML, "utf-8")
    return path


@pytest.fixture(scope="module")
def history(plan_path: Path) -> rp.History:
    return rp.replay(rp.load_plan(plan_path), EVENTS)


def _expected(history: rp.History, on: str) -> tuple[str, str, str, int | None, int | None]:
    status = history.status_of("Old Fund", on=on)
    assert status.limit is not None
    return (
        status.status.value,
        rp.format_percent(status.limit.percent),
        status.limit.comparison.value,
        status.max_shares,
        status.headroom,
    )


class TestReplay:
    @pytest.mark.parametrize("on", sorted(DAYS))
    def test_grandfathered_headroom(self, history: rp.History, on: str) -> None:
        """The replay gives the grandfathered holder its own line: 49,999 then 19,999."""
        shares, headroom = DAYS[on]
        status = history.status_of("Old Fund", on=on)
        assert status.status is rp.Status.EXCUSED
        assert status.counted == rp.Counted(shares, 10_000_000)
        assert (status.max_shares, status.headroom) == (659_999, headroom)
        assert history.headroom("Old Fund", on=on) == headroom
        standing = history.standing("Old Fund", on=on)
        assert isinstance(standing, rp.Grandfathered)
        assert (standing.since, standing.base_shares) == (pendulum.Date(2026, 3, 2), 610_000)

    @pytest.mark.parametrize("on", sorted(DAYS))
    def test_assess_agrees(self, history: rp.History, on: str) -> None:
        """rp.assess with the replay's standing gives the replay's status, limit and headroom."""
        shares, _ = DAYS[on]
        a = rp.assess(
            history.plan,
            rp.Position("Old Fund", shares, 10_000_000),
            on=on,
            standing=history.standing("Old Fund", on=on),
        )
        assert a.limit is not None
        got = (
            a.status.value,
            rp.format_percent(a.limit.percent),
            a.limit.comparison.value,
            a.max_shares,
            a.headroom,
        )
        assert got == _expected(history, on) == ("excused", "6.6", "at-least", 659_999, DAYS[on][1])
        assert "Section 1(b)" in a.explain()


class TestCheck:
    def test_check_with_standing_columns(
        self,
        history: rp.History,
        plan_path: Path,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """The check command, with the replay's standing as columns, agrees with the replay."""
        holdings = tmp_path / "holdings.csv"
        rows = []
        for on, (shares, _) in sorted(DAYS.items()):
            row = {"holder": "Old Fund", "shares": shares, "outstanding": 10_000_000, "date": on}
            row.update(standing_columns(history.standing("Old Fund", on=on)))
            rows.append(row)
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
        holdings.write_text(out.getvalue(), "utf-8")
        code = main(["check", str(plan_path), str(holdings), "--format", "json"])
        records = json.loads(capsys.readouterr().out)
        assert code == 0  # excused is not a trigger
        for record in records:
            got = (
                record["status"],
                record["limit"],
                record["comparison"],
                record["max_shares"],
                record["headroom"],
            )
            assert got == _expected(history, record["date"])
            assert record["standing"]["kind"] == "grandfathered"

    def test_check_without_standing_triggers(
        self, plan_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without its standing the same holding would trigger the plan: exit status 1."""
        holdings = tmp_path / "holdings.csv"
        holdings.write_text(f"holder,shares,outstanding,date\nOld Fund,610000,10000000,{AMENDED}\n")
        assert main(["check", str(plan_path), str(holdings), "--format", "json"]) == 1
        (record,) = json.loads(capsys.readouterr().out)
        assert (record["status"], record["headroom"]) == ("triggered", -111_001)


class TestScreen:
    def test_screen_with_standing_columns(self, history: rp.History) -> None:
        """rp.screen, with the replay's standing as columns, agrees with the replay."""
        pl = pytest.importorskip("polars")
        rows = []
        for on, (shares, _) in sorted(DAYS.items()):
            row: dict[str, object] = {
                "issuer": "TAX",
                "holder": "Old Fund",
                "date": on,
                "shares": shares,
                "outstanding": 10_000_000,
            }
            row.update(standing_columns(history.standing("Old Fund", on=on)))
            rows.append(row)
        frame = pl.DataFrame(rows).with_columns(
            pl.col("standing_since", "standing_until").cast(pl.String)
        )
        from rightsplan.screening import screen

        result = screen({"TAX": history.plan}, frame)
        for record in result.iter_rows(named=True):
            got = (
                record["status"],
                record["limit"],
                record["comparison"],
                record["max_shares"],
                record["headroom"],
            )
            assert got == _expected(history, str(record["date"]))
            assert record["standing"] == "grandfathered"


class TestAmendedClause:
    def test_a_later_clause_governs_every_path(self) -> None:
        """A grandfathering clause amended later applies from its date, on every path."""
        at_least = rp.Comparison.AT_LEAST
        plan = rp.Plan(
            rp.RightsAgreement(
                company="T",
                dated="2025-01-02",
                provisions=[rp.SetThreshold(percent=15, comparison=at_least)],
            ),
            [
                rp.Amendment(
                    number=1,
                    executed="2026-03-02",
                    changes=[rp.SetThreshold(percent="4.99", comparison=at_least)],
                ),
                rp.Amendment(
                    number=2,
                    executed="2026-06-01",
                    changes=[
                        rp.SetGrandfathering(tolerance_percent="1", tolerance_comparison=at_least)
                    ],
                ),
            ],
        )
        history = rp.replay(plan, EVENTS[:2])
        assert history.headroom("Old Fund", on="2026-05-31") == 0  # any acquisition, before
        assert history.headroom("Old Fund", on="2026-06-01") == 99_999  # 1% or more, after
        standing = history.standing("Old Fund", on="2026-07-01")
        assert standing_columns(standing)["standing_since"] == "2026-03-02"
        from rightsplan.standing import standing_from_fields

        flat = standing_from_fields("grandfathered", since="2026-03-02", shares=610_000)
        position = rp.Position("Old Fund", 610_000, 10_000_000)
        replayed = rp.assess(plan, position, on="2026-07-01", standing=standing)
        given = rp.assess(plan, position, on="2026-07-01", standing=flat)
        assert (replayed.status, replayed.headroom) == (given.status, given.headroom)
        assert replayed.headroom == 99_999
