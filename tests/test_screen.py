from __future__ import annotations

import datetime as dt
import gc
import json
from fractions import Fraction
from pathlib import Path
from typing import Any
from unittest import mock

import polars as pl
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import rightsplan as rp
from rightsplan import testing
from rightsplan.assess import Status
from rightsplan.screening import exact, kernel, polars_engine, screen, screen_parquet

INNOTRAC = rp.examples.innotrac()


def expected(assessment: rp.Assessment) -> dict[str, object]:
    """The verdict columns as ``rightsplan check --format json`` writes them."""
    limit = assessment.limit
    source = (
        limit.source.cite()
        if limit is not None
        else assessment.exemption.source.cite()
        if assessment.exemption is not None
        else None
    )
    return {
        "status": assessment.status.value,
        "limit": rp.format_percent(limit.percent) if limit is not None else None,
        "comparison": limit.comparison.value if limit is not None else None,
        "max_shares": assessment.max_shares,
        "headroom": assessment.headroom,
        "source": source,
    }


def frame(rows: list[tuple[str, rp.Position, dt.date]]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "issuer": [issuer for issuer, _, _ in rows],
            "holder": [p.holder for _, p, _ in rows],
            "date": [day for _, _, day in rows],
            "shares": [p.shares for _, p, _ in rows],
            "outstanding": [p.outstanding for _, p, _ in rows],
            "passive": [p.passive for _, p, _ in rows],
            "kind": [p.kind.value for _, p, _ in rows],
        },
        schema={
            "issuer": pl.String,
            "holder": pl.String,
            "date": pl.Date,
            "shares": pl.Int64,
            "outstanding": pl.Int64,
            "passive": pl.Boolean,
            "kind": pl.String,
        },
    )


def verdicts(result: pl.DataFrame) -> list[dict[str, object]]:
    columns = ["status", "limit", "comparison", "max_shares", "headroom", "source"]
    return [
        {key: (str(value) if isinstance(value, str) else value) for key, value in row.items()}
        for row in result.select(
            pl.col(c).cast(pl.String)
            if c in ("status", "limit", "comparison", "source")
            else pl.col(c)
            for c in columns
        ).iter_rows(named=True)
    ]


@st.composite
def screenings(
    draw: st.DrawFn, max_amendments: int = 4
) -> tuple[dict[str, rp.Plan], list[tuple[str, rp.Position, dt.date]]]:
    plans = {
        f"P{index}": draw(testing.plans(max_amendments=max_amendments, share_caps=False))
        for index in range(draw(st.integers(1, 3)))
    }
    rows = []
    for _ in range(draw(st.integers(1, 12))):
        issuer = draw(st.sampled_from(sorted(plans)))
        plan = plans[issuer]
        dated = plan.agreement.dated
        day = draw(
            st.one_of(
                testing.dates(),
                testing.dates(dated.subtract(days=3), dated.add(days=3)),
                st.sampled_from([p.start for p in plan.timeline()]),
                st.sampled_from([p.end for p in plan.timeline() if p.end is not None] or [dated]),
            )
        )
        position = draw(testing.positions(plan, on=day if day >= dated else None))
        rows.append((issuer, position, dt.date(day.year, day.month, day.day)))
    return plans, rows


def one_limit(company: str, percent: str | Fraction, comparison: rp.Comparison) -> rp.Plan:
    """A plan adopted 2000-01-03 whose only term is one threshold."""
    agreement = rp.RightsAgreement(
        company=company,
        dated="2000-01-03",
        provisions=(rp.SetThreshold(percent=percent, comparison=comparison),),
    )
    return rp.Plan(agreement)


LAYOUTS = [
    "categories freed and their codes reused",
    "binary search",
    "sorted keys",
    "categorical",
    "enum",
]


ENGINES = [
    pytest.param(
        "compiled",
        marks=pytest.mark.skipif(not kernel.available(), reason="numba is not installed"),
    ),
    "numpy",
]


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run the test with the compiled per-row loop, then with the numpy path."""
    if request.param == "numpy":
        monkeypatch.setenv("RIGHTSPLAN_NO_JIT", "1")
    else:
        monkeypatch.delenv("RIGHTSPLAN_NO_JIT", raising=False)
    assert kernel.available() == (request.param == "compiled")
    return str(request.param)


@pytest.mark.usefixtures("engine")
class TestAgreesWithAssess:
    @settings(max_examples=60)
    @given(screenings())
    def test_row_for_row(
        self, case: tuple[dict[str, rp.Plan], list[tuple[str, rp.Position, dt.date]]]
    ) -> None:
        """Screen gives rp.assess's verdict, limit, max_shares, headroom and source, row for row."""
        plans, rows = case
        result = screen(plans, frame(rows))
        want = [expected(rp.assess(plans[i], p, on=day)) for i, p, day in rows]
        assert verdicts(result) == want
        assert result["row"].to_list() == list(range(len(rows)))
        # The verdict columns' nulls follow the status (what lets them be put back by it);
        # and gathered with their nulls as they are, they are the same.
        prepared = polars_engine.prepare(plans, warn_at=Fraction(9, 10))
        assert prepared.masked
        with mock.patch.object(prepared, "masked", False):
            assert polars_engine.screen_batch(prepared, frame(rows)).equals(result)

    @settings(max_examples=60)
    @given(screenings(), st.data())
    def test_row_for_row_with_standings(
        self,
        case: tuple[dict[str, rp.Plan], list[tuple[str, rp.Position, dt.date]]],
        data: st.DataObject,
    ) -> None:
        """With standing columns, screen gives rp.assess's verdict with each row's standing."""
        from tests.test_screen_standings import (
            standing_fields,
            standing_of,
            standing_rules,
            with_standings,
        )

        drawn, rows = case
        plans = {issuer: data.draw(standing_rules(plan)) for issuer, plan in drawn.items()}
        fields = [data.draw(standing_fields(p, d)) for _, p, d in rows]
        result = screen(plans, with_standings(frame(rows), fields))
        want = [
            expected(rp.assess(plans[i], p, on=d, standing=standing_of(f)))
            for (i, p, d), f in zip(rows, fields, strict=True)
        ]
        assert verdicts(result) == want
        assert result["standing"].cast(pl.String).to_list() == [standing_of(f).kind for f in fields]

    @settings(max_examples=40)
    @given(screenings(max_amendments=12), st.sampled_from(LAYOUTS))
    def test_every_lookup_path(
        self,
        case: tuple[dict[str, rp.Plan], list[tuple[str, rp.Position, dt.date]]],
        layout: str,
    ) -> None:
        """Binary search, sorted keys, Categorical and Enum columns all give assess's verdicts."""
        plans, rows = case
        positions = frame(rows)
        # Several chunks, so the thread pool is used.
        patches: dict[str, Any] = {"_CHUNK_ROWS": 3, "_KERNEL_CHUNK_ROWS": 3}
        if layout == "binary search":
            patches["_LINEAR"] = 1
        elif layout == "sorted keys":
            patches["_DENSE_LIMIT"] = 0
        if layout == "categorical":
            positions = positions.with_columns(pl.col("issuer", "holder").cast(pl.Categorical))
        elif layout == "enum":
            names = sorted({*positions["holder"], "Nobody"})
            positions = positions.with_columns(
                pl.col("issuer").cast(pl.Enum(sorted({*plans, "Q"}))),
                pl.col("holder").cast(pl.Enum(names)),
            )
        with mock.patch.multiple(polars_engine, **patches):
            polars_engine._CACHED.clear()
            if layout == "categories freed and their codes reused":
                # polars frees categories no column uses, and gives their codes to new names:
                # screen the holders in another order first (a table is remembered for those
                # codes), free them, and only then make the positions' categories.
                reordered = positions.with_columns(
                    pl.col("issuer", "holder").reverse().cast(pl.Categorical)
                )
                screen(plans, reordered)
                del reordered
                gc.collect()
                positions = positions.with_columns(pl.col("issuer", "holder").cast(pl.Categorical))
            result = screen(plans, positions)
        polars_engine._CACHED.clear()
        want = [expected(rp.assess(plans[i], p, on=day)) for i, p, day in rows]
        assert verdicts(result) == want
        assert result["holder"].cast(pl.String).to_list() == [p.holder for _, p, _ in rows]

    @given(
        st.integers(1, 10**12),
        st.sampled_from(["4.99", "33 1/3", "15", "4.999", "0.01"]),
        st.sampled_from(list(rp.Comparison)),
        st.sampled_from([-1, 0, 1]),
    )
    def test_boundary_at_a_trillion(
        self, outstanding: int, percent: str, comparison: rp.Comparison, step: int
    ) -> None:
        """Holdings one share under, at and over a limit are judged exactly up to 10**12 shares."""
        plan = one_limit("Big Corp", percent, comparison)
        limit = rp.Threshold(percent, comparison)
        shares = min(max(limit.max_shares(outstanding) + step, 0), outstanding)
        position = rp.Position("Holder", shares, outstanding)
        rows = [("BIG", position, dt.date(2001, 1, 1))]
        result = screen({"BIG": plan}, frame(rows))
        assert verdicts(result) == [expected(rp.assess(plan, position, on="2001-01-01"))]

    @given(
        st.integers(1, exact.MAX_COUNT) | st.integers(2**58, exact.MAX_COUNT),
        st.integers(0, exact.MAX_COUNT),
        st.just(0) | st.integers(0, 2**40) | st.integers(0, exact.MAX_COUNT),
        st.sampled_from(["4.99", "33 1/3", "15", "4.999", "0.01", "99.99", "50"]),
        st.sampled_from(list(rp.Comparison)),
        st.sampled_from(["limit", "warn line", None]),
        st.sampled_from([-1, 0, 1]),
    )
    @example(exact.MAX_COUNT, 0, 0, "15", rp.Comparison.AT_LEAST, "warn line", 0)
    @example(exact.MAX_COUNT, 0, 7, "33 1/3", rp.Comparison.MORE_THAN, "limit", 1)
    @example(exact.MAX_COUNT, 0, exact.MAX_COUNT, "4.99", rp.Comparison.AT_LEAST, "limit", 0)
    def test_counts_up_to_the_bound(
        self,
        outstanding: int,
        shares: int,
        rights: int,
        percent: str,
        comparison: rp.Comparison,
        hug: str | None,
        step: int,
    ) -> None:
        """Counts up to 2**60 (where the plain products overflow 64 bits) are judged exactly."""
        plan = one_limit("Huge Corp", percent, comparison)
        counted = outstanding + rights  # rights to acquire count in both (the holder's own)
        if hug == "limit":
            shares = rp.Threshold(percent, comparison).max_shares(counted) + step - rights
        elif hug == "warn line":  # the fewest shares at 90% of the limit, and one either side
            line = Fraction(9, 10) * rp.to_percent(percent) / 100 * counted
            shares = -(-line.numerator // line.denominator) + step - rights
        shares = min(max(shares, 0), outstanding)
        position = rp.Position("Holder", shares, outstanding, rights_to_acquire=rights)
        rows = frame([("HUGE", position, dt.date(2001, 1, 1))]).with_columns(
            pl.Series("rights_to_acquire", [rights])
        )
        result = screen({"HUGE": plan}, rows)
        assert verdicts(result) == [expected(rp.assess(plan, position, on="2001-01-01"))]

    def test_wide_denominators_take_the_128_bit_path(self) -> None:
        """A percentage too fine for the 64-bit decomposition is still judged exactly."""
        percent = Fraction(1, 3) + Fraction(1, 10**9)
        plan = one_limit("Fine Corp", percent, rp.Comparison.AT_LEAST)
        outstanding = 10**12 - 7
        edge = rp.Threshold(percent, rp.Comparison.AT_LEAST).max_shares(outstanding)
        rows = [
            ("F", rp.Position("H", edge + step, outstanding), dt.date(2001, 1, 1))
            for step in (-1, 0, 1)
        ]
        result = screen({"F": plan}, frame(rows))
        assert verdicts(result) == [expected(rp.assess(plan, p, on=d)) for _, p, d in rows]
        assert result["status"].cast(pl.String).to_list() == ["warning", "warning", "triggered"]


def innotrac_rows() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "plan": ["INOC"] * 4,
            "holder": ["IPOF Group", "Another Fund", "The  COMPANY", "Someone"],
            "date": ["2003-12-01", "2003-12-01", "2003-12-01", "1996-01-01"],
            "shares": [2_800_500, 1_735_848, 5, 5],
            "outstanding": [11_572_314] * 2 + [10, 10],
            "passive": [True, False, False, False],
        }
    )


class TestInputs:
    def test_pandas_arrow_and_parquet_agree(self, tmp_path: Path) -> None:
        """A pandas DataFrame, an Arrow table and a Parquet file give the polars result."""
        rows = innotrac_rows()
        plans = {"INOC": INNOTRAC}
        want = screen(plans, rows)
        path = tmp_path / "positions.parquet"
        rows.write_parquet(path)
        for given_rows in (rows.to_pandas(), rows.to_arrow(), path, [str(path)]):
            assert screen(plans, given_rows).equals(want)
        assert want["status"].cast(pl.String).to_list() == [
            "clear",
            "triggered",
            "exempt",
            "inactive",
        ]

    @pytest.mark.usefixtures("engine")
    def test_date_times_at_midnight_are_days(self) -> None:
        """Date-times at midnight (pandas' dates) are read as their days, for both engines."""
        rows = innotrac_rows()
        want = screen({"INOC": INNOTRAC}, rows)
        as_datetimes = rows.with_columns(pl.col("date").str.to_datetime())
        for given_rows in (as_datetimes, as_datetimes.to_pandas()):
            got = screen({"INOC": INNOTRAC}, given_rows)
            assert got.equals(want)
        assert as_datetimes.to_pandas()["date"].dtype.kind == "M"  # pandas datetime64

    def test_plans_directory(self, tmp_path: Path) -> None:
        """A directory of plan files is read with load_plan, the file stem naming the issuer."""
        rp.dump_plan(INNOTRAC, tmp_path / "INOC.toml")
        assert screen(tmp_path, innotrac_rows()).equals(screen({"INOC": INNOTRAC}, innotrac_rows()))

    def test_plans_directory_any_case(self, tmp_path: Path) -> None:
        """A plan file's suffix is read in any case, as load_plan reads it (INOC.TOML)."""
        rp.dump_plan(INNOTRAC, tmp_path / "INOC.toml")
        (tmp_path / "INOC.toml").rename(tmp_path / "INOC.TOML")
        assert screen(tmp_path, innotrac_rows()).equals(screen({"INOC": INNOTRAC}, innotrac_rows()))

    def test_rp_screen_is_the_function(self) -> None:
        """rp.screen is a plain function, still after the engines are imported; same result."""
        import inspect

        import rightsplan.screening.api  # noqa: F401  # importing the engines changes nothing

        assert inspect.isfunction(rp.screen)
        result = rp.screen({"INOC": INNOTRAC}, innotrac_rows())
        assert result.equals(screen({"INOC": INNOTRAC}, innotrac_rows()))
        assert rp.screening.screen_parquet is screen_parquet

    def test_a_mapping_changed_between_calls_is_read_again(self) -> None:
        """The plans are checked by reference: a plan replaced in the same dict is used."""
        positions = pl.DataFrame(
            {
                "issuer": ["A"],
                "holder": ["Fund"],
                "date": [dt.date(2001, 1, 2)],
                "shares": [120],
                "outstanding": [1000],
            }
        )
        plans: dict[str, Any] = {"A": one_limit("A Corp", "15", rp.Comparison.AT_LEAST)}
        assert screen(plans, positions)["status"].to_list() == ["clear"]
        plans["A"] = one_limit("A Corp", "10", rp.Comparison.AT_LEAST)
        assert screen(plans, positions)["status"].to_list() == ["triggered"]
        plans["B"] = "not a plan"
        with pytest.raises(rp.ScreenInputError, match="expected a Plan"):
            screen(plans, positions)

    def test_no_positions(self) -> None:
        """An empty table of positions gives an empty table of verdicts, with every column."""
        result = screen({"INOC": INNOTRAC}, innotrac_rows().head(0))
        assert result.height == 0
        assert result.columns == list(polars_engine.RESULT_COLUMNS)

    def test_categorical_codes_are_extended(self) -> None:
        """Categorical columns meeting categories new since the last screening are read right."""
        plans = {"INOC": INNOTRAC}
        screen(plans, innotrac_rows().with_columns(pl.col("plan", "holder").cast(pl.Categorical)))
        rows = innotrac_rows().with_columns(
            pl.Series("holder", ["ipof  GROUP", "A name not seen before", "the company", "X"])
        )
        want = screen(plans, rows)
        got = screen(plans, rows.with_columns(pl.col("plan", "holder").cast(pl.Categorical)))
        assert verdicts(got) == verdicts(want)
        assert got["status"].cast(pl.String).to_list() == [
            "clear",
            "triggered",
            "exempt",
            "inactive",
        ]

    @pytest.mark.usefixtures("engine")
    def test_categories_read_from_parquet_are_not_mistaken(self, tmp_path: Path) -> None:
        """A Categorical read from Parquet is read by its own names, not an equal list's."""
        import pyarrow.parquet as pq  # type: ignore[import-untyped]  # pyarrow ships no stubs

        plans = {"INOC": INNOTRAC}
        others = ["Someone", "Another Fund", "The  COMPANY", "X", "IPOF Group"]
        screen(  # remembers a table for the global categories, in this order
            plans,
            pl.DataFrame(
                {
                    "plan": ["INOC"] * 5,
                    "holder": pl.Series(others).cast(pl.Categorical),
                    "date": ["2003-12-01"] * 5,
                    "shares": [1] * 5,
                    "outstanding": [10] * 5,
                }
            ),
        )
        rows = innotrac_rows()
        want = screen(plans, rows)
        rows.with_columns(pl.col("holder").cast(pl.Categorical)).write_parquet(
            tmp_path / "in.parquet"
        )
        read = pl.from_arrow(pq.read_table(tmp_path / "in.parquet"))
        assert isinstance(read, pl.DataFrame)
        assert verdicts(screen(plans, read)) == verdicts(want)
        screen_parquet(plans, tmp_path / "in.parquet", tmp_path / "out.parquet", batch_rows=3)
        assert verdicts(pl.read_parquet(tmp_path / "out.parquet")) == verdicts(want)

    def test_rights_to_acquire_are_counted_as_the_plan_says(self) -> None:
        """Rights to acquire within 60 days count, with the holder's own denominator."""
        rows = (
            innotrac_rows()
            .head(2)
            .with_columns(
                pl.Series("rights_to_acquire", [0, 1_000_000]),
                pl.Series("derivatives", [5, 5]),
            )
        )
        result = screen({"INOC": INNOTRAC}, rows)
        position = rp.Position(
            "Another Fund", 1_735_848, 11_572_314, rights_to_acquire=1_000_000, derivatives=5
        )
        want = expected(rp.assess(INNOTRAC, position, on="2003-12-01"))
        assert verdicts(result)[1] == want


class TestBadInput:
    @pytest.mark.parametrize(
        ("change", "message"),
        [
            (lambda f: f.drop("holder"), "holder: missing column"),
            (lambda f: f.drop("plan"), "issuer: missing column"),
            (
                lambda f: f.with_columns(pl.col("shares").cast(pl.Float64)),
                "shares: expected whole numbers.*Float64.*floats are inexact",
            ),
            (
                lambda f: f.with_columns(pl.col("passive").cast(pl.Int8)),
                "passive: expected true/false",
            ),
            (
                lambda f: f.with_columns(
                    pl.col("date").str.to_datetime().dt.replace_time_zone("UTC")
                ),
                "date: expected dates.*a date-time with a time zone",
            ),
            (
                lambda f: f.with_columns(
                    pl.col("date").str.to_datetime()
                    + pl.Series([dt.timedelta(0)] * 3 + [dt.timedelta(hours=12)])
                ),
                "date: expected dates; this date-time is not at midnight .*, at row 3$",
            ),
            (
                lambda f: f.with_columns(pl.lit("2003-13-01").alias("date")),
                "date: expected an ISO date",
            ),
            (  # strict ISO, as check reads it: not a day read from "2003-1-5"
                lambda f: f.with_columns(pl.lit("2003-1-5").alias("date")),
                "date: expected an ISO date",
            ),
            (
                lambda f: f.with_columns(pl.lit(-1).alias("shares")),
                "shares: expected zero or more shares, at row 0 \\(4 rows in all\\)",
            ),
            (
                lambda f: f.with_columns(pl.lit(0).alias("outstanding")),
                "outstanding: expected a positive number",
            ),
            (
                lambda f: f.with_columns(pl.lit(20).alias("shares")).tail(1),
                "shares: exceed the shares outstanding",
            ),
            (lambda f: f.with_columns(pl.lit("XYZ").alias("plan")), "issuer: no plan given"),
            (
                lambda f: f.with_columns(pl.lit(None, dtype=pl.String).alias("holder")),
                "holder: missing value",
            ),
            (lambda f: f.with_columns(pl.lit("bank").alias("kind")), "kind: expected one of"),
            (
                lambda f: f.with_columns(pl.lit("24.2%").alias("reported")),
                "reported: reported .*percentages",
            ),
        ],
    )
    def test_each_problem_names_its_column(self, change: object, message: str) -> None:
        """Every bad input raises ScreenInputError naming the column and what was expected."""
        assert callable(change)
        with pytest.raises(rp.ScreenInputError, match=message):
            screen({"INOC": INNOTRAC}, change(innotrac_rows()))

    @pytest.mark.usefixtures("engine")
    def test_unknown_issuer_in_a_later_chunk(self) -> None:
        """An issuer with no plan is caught whichever chunk of rows it is in."""
        rows = pl.concat([innotrac_rows()] * 3).with_columns(
            pl.Series("plan", ["INOC"] * 11 + ["XYZ"]).cast(pl.Categorical)
        )
        patches: dict[str, Any] = {"_CHUNK_ROWS": 2, "_KERNEL_CHUNK_ROWS": 2}
        with (
            mock.patch.multiple(polars_engine, **patches),
            pytest.raises(
                rp.ScreenInputError,
                match="issuer: no plan given for this issuer, got 'XYZ', at row 11$",
            ),
        ):
            screen({"INOC": INNOTRAC}, rows)

    def test_not_a_table(self) -> None:
        """Positions of an unknown type are refused with the types accepted."""
        with pytest.raises(rp.ScreenInputError, match="expected a polars or pandas DataFrame"):
            screen({"INOC": INNOTRAC}, 42)

    def test_missing_parquet(self, tmp_path: Path) -> None:
        """A Parquet path that does not exist is named."""
        with pytest.raises(rp.ScreenInputError, match="no such Parquet file"):
            screen({"INOC": INNOTRAC}, tmp_path / "nope.parquet")


class TestScreenParquet:
    def test_batches_write_the_same_verdicts(self, tmp_path: Path) -> None:
        """Screening a Parquet file in small batches writes what screen returns, and counts it."""
        rows = pl.concat([innotrac_rows()] * 5)
        source = tmp_path / "in.parquet"
        rows.write_parquet(source)
        seen: list[tuple[int, int]] = []
        counts = screen_parquet(
            {"INOC": INNOTRAC},
            source,
            tmp_path / "out.parquet",
            batch_rows=3,
            progress=lambda done, total: seen.append((done, total)),
        )
        written = pl.read_parquet(tmp_path / "out.parquet")
        want = screen({"INOC": INNOTRAC}, rows)
        text = ("issuer", "status", "limit", "comparison", "source")
        assert written.cast(dict.fromkeys(text, pl.String)).equals(
            want.cast(dict.fromkeys(text, pl.String))
        )
        assert counts["triggered"] == 5 and counts["exempt"] == 5
        assert seen[-1] == (20, 20)

    def test_files_holding_a_column_differently_write_one_file(self, tmp_path: Path) -> None:
        """Text holders in one file and dictionary-coded in the next are written as the first."""
        rows = innotrac_rows()
        rows.write_parquet(tmp_path / "a.parquet")
        rows.with_columns(pl.col("holder").cast(pl.Categorical)).write_parquet(
            tmp_path / "b.parquet"
        )
        out = tmp_path / "out.parquet"
        paths = [tmp_path / "a.parquet", tmp_path / "b.parquet"]
        counts = screen_parquet({"INOC": INNOTRAC}, paths, out, batch_rows=3)
        written = pl.read_parquet(out)
        want = screen({"INOC": INNOTRAC}, pl.concat([rows, rows]))
        assert written["holder"].dtype == pl.String
        assert verdicts(written) == verdicts(want)
        assert written["row"].to_list() == list(range(8))
        assert counts["triggered"] == 2

    def test_a_failed_write_is_named(self, tmp_path: Path) -> None:
        """A write that fails is reported as ScreenInputError naming the output file."""
        from concurrent.futures import Future

        from rightsplan.screening.api import _written

        failed: Future[None] = Future()
        failed.set_exception(OSError("No space left on device\nmore detail"))
        with pytest.raises(
            rp.ScreenInputError, match="out.parquet: cannot write the verdicts: No space left"
        ) as caught:
            _written(failed, tmp_path / "out.parquet")
        assert "more detail" not in str(caught.value)

    def test_a_bad_row_in_a_later_batch_is_named_by_its_row(self, tmp_path: Path) -> None:
        """Rows are named by their place in the file, not in the batch they were read in."""
        rows = innotrac_rows().with_columns(pl.Series("shares", [1, 2, 3, -4]))
        source = tmp_path / "in.parquet"
        rows.write_parquet(source)
        with pytest.raises(rp.ScreenInputError, match="expected zero or more shares, at row 3$"):
            screen_parquet({"INOC": INNOTRAC}, source, tmp_path / "out.parquet", batch_rows=2)

    def test_bad_batch_leaves_no_output(self, tmp_path: Path) -> None:
        """A bad row stops the run and leaves no partial output file."""
        rows = innotrac_rows().with_columns(pl.Series("shares", [1, 2, 3, 40]))
        source = tmp_path / "in.parquet"
        rows.write_parquet(source)
        with pytest.raises(rp.ScreenInputError, match="exceed the shares outstanding"):
            screen_parquet({"INOC": INNOTRAC}, source, tmp_path / "out.parquet", batch_rows=2)
        assert list(tmp_path.iterdir()) == [source]


def test_status_values_match_the_enum() -> None:
    """Every status screen writes is one of rp.Status's values."""
    from rightsplan.rules import STATUSES

    assert set(STATUSES) <= {status.value for status in Status}


class TestCommand:
    def test_exit_codes_and_output(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The command exits 1 when a position triggers, writes Parquet, and 2 on bad input."""
        from rightsplan.screening.cli import screen_main

        rp.dump_plan(INNOTRAC, tmp_path / "INOC.toml")
        source = tmp_path / "in.parquet"
        innotrac_rows().write_parquet(source)
        out = tmp_path / "out.parquet"
        assert screen_main([str(tmp_path), str(source), "--output", str(out)]) == 1
        assert pl.read_parquet(out).height == 4
        assert "1 triggered" in capsys.readouterr().out
        assert screen_main([str(tmp_path), str(tmp_path / "no.parquet"), "--output", str(out)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "no such positions file" in err and "Traceback" not in err
        clear = innotrac_rows().head(1)
        clear.write_parquet(source)
        assert screen_main([str(tmp_path), str(source), "--output", str(out)]) == 0


class TestCommandConventions:
    """rightsplan screen reads CSV as well as Parquet, takes -o, and prints a JSON summary."""

    def _plans(self, tmp_path: Path) -> Path:
        plans = tmp_path / "plans"
        plans.mkdir()
        rp.dump_plan(INNOTRAC, plans / "INOC.toml")
        return plans

    def test_csv_gives_the_parquet_verdicts(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The same positions as CSV and as Parquet give the same verdicts, in small batches."""
        from rightsplan.screening.api import screen_parquet

        plans = self._plans(tmp_path)
        rows = pl.concat([innotrac_rows()] * 3)
        rows.write_parquet(tmp_path / "in.parquet")
        rows.write_csv(tmp_path / "in.csv")
        seen: list[tuple[int, int]] = []
        want = screen_parquet(plans, tmp_path / "in.parquet", tmp_path / "a.parquet")
        got = screen_parquet(
            plans,
            tmp_path / "in.csv",
            tmp_path / "b.parquet",
            batch_rows=2,
            progress=lambda done, total: seen.append((done, total)),
        )
        assert got == want
        a, b = pl.read_parquet(tmp_path / "a.parquet"), pl.read_parquet(tmp_path / "b.parquet")
        assert a.select("holder", "status").equals(b.select("holder", "status"))
        assert seen[-1] == (rows.height, rows.height)

    @pytest.mark.parametrize(
        ("name", "content", "fragment"),
        [
            ("in.txt", b"plan,holder\n", "cannot tell the format from the extension '.txt'"),
            ("in.parquet", b"plan,holder\nINOC,A\n", "not a Parquet file"),
            (
                "in.csv",
                b'plan,holder,date,shares,outstanding\nINOC,A,2003-12-01,"2,800",10000\n',
                "cannot read this CSV file",
            ),
        ],
    )
    def test_unreadable_positions_are_named(
        self,
        name: str,
        content: bytes,
        fragment: str,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """An unknown extension, CSV named .parquet, or a bad CSV count: one clear line, exit 2."""
        from rightsplan.screening.cli import screen_main

        plans = self._plans(tmp_path)
        (tmp_path / name).write_bytes(content)
        status = screen_main([str(plans), str(tmp_path / name), "-o", str(tmp_path / "o.pq")])
        err = capsys.readouterr().err
        assert status == 2
        assert fragment in err and name in err and "magic bytes" not in err
        assert err.count("\n") == 1

    def test_out_is_a_deprecated_alias(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--out still works, with a note on standard error; --format json gives the counts."""
        from rightsplan.screening.cli import screen_main

        plans = self._plans(tmp_path)
        innotrac_rows().write_csv(tmp_path / "in.csv")
        out = tmp_path / "o.parquet"
        argv = [str(plans), str(tmp_path / "in.csv"), "--out", str(out), "--format", "json"]
        assert screen_main(argv) == 1
        captured = capsys.readouterr()
        assert "--out is now -o/--output" in captured.err
        summary = json.loads(captured.out)
        assert summary["positions"] == 4 and summary["statuses"]["triggered"] == 1
        assert pl.read_parquet(out).height == 4

    def test_an_output_is_required(self, tmp_path: Path) -> None:
        """Without -o (or --out) the command is a usage error, exit 2."""
        from rightsplan.screening.cli import screen_main

        with pytest.raises(SystemExit) as exit_:
            screen_main([str(tmp_path), str(tmp_path / "in.csv")])
        assert exit_.value.code == 2
