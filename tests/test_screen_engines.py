from __future__ import annotations

import datetime as dt
import os
import shutil
import unicodedata
import warnings
from collections.abc import Iterator
from typing import Any

import numpy as np
import polars as pl
import pytest

import rightsplan as rp
from rightsplan.screening import screen
from rightsplan.screening.sql import screen_duckdb, screen_spark

TEXT = ("issuer", "status", "limit", "comparison", "source", "holder")


def plans() -> dict[str, rp.Plan]:
    nol = rp.Plan(
        rp.RightsAgreement(
            company="NOL Corp",
            dated="2009-03-02",
            provisions=(
                rp.SetThreshold(percent="4.99", comparison=rp.Comparison.AT_LEAST),
                rp.SetPassiveTier(percent="33 1/3", comparison=rp.Comparison.MORE_THAN),
                *rp.standard_exempt_persons(),
            ),
        ),
        (
            rp.Amendment(
                number=1,
                executed="2010-06-01",
                changes=(rp.SetExpiration(date="2011-12-31"),),
            ),
        ),
    )
    return {"INOC": rp.examples.innotrac(), "NOL": nol}


def unknown_plans() -> dict[str, rp.Plan]:
    """Plans with unknown terms (tests/test_unknowns.py), beside :func:`plans`.

    Candela's threshold before its Second Amendment, and an expiry known only to be on or
    after 2024-06-28.
    """
    from tests.test_unknowns import candela, window_plan

    return {"CLZR": candela(), "EX": window_plan(), **plans()}


def unknown_positions() -> pl.DataFrame:
    """Rows on days the unknowns decide, and on days they do not."""
    rows = [
        (issuer, holder, day, shares, outstanding)
        for issuer, days, outstanding in (
            ("CLZR", ("1991-01-01", "1999-01-01", "2000-11-09", "2020-01-01"), 100_000),
            ("EX", ("2019-12-31", "2022-06-01", "2024-06-28", "2024-06-29", "2030-01-01"), 1_000),
        )
        for day in days
        for holder, shares in (("A Fund", 0), ("B Fund", 120), ("Candela Corporation", 50_000))
        if shares <= outstanding
    ]
    return pl.DataFrame(
        {
            "issuer": [r[0] for r in rows],
            "holder": [r[1] for r in rows],
            "date": [dt.date.fromisoformat(r[2]) for r in rows],
            "shares": [r[3] for r in rows],
            "outstanding": [r[4] for r in rows],
            "passive": [False] * len(rows),
            "kind": ["company" if r[1].startswith("Candela") else "other" for r in rows],
        }
    )


def positions(rows: int = 300) -> pl.DataFrame:
    rng = np.random.default_rng(7)
    outstanding = rng.integers(1, 10**12, rows)
    percent = rng.choice([4.99, 15, 25, 33.3334, 40, 2, 50], rows) / 100
    shares = np.minimum(
        (outstanding * percent).astype(np.int64) + rng.integers(-1, 2, rows), outstanding
    )
    days = [dt.date(1997, 1, 1) + dt.timedelta(days=int(d)) for d in rng.integers(0, 6000, rows)]
    holders = ["IPOF Group", "ipof fund, L.P.", "Another Fund", "the Company", "DAVID  DADANTE"]
    return pl.DataFrame(
        {
            "issuer": rng.choice(["INOC", "NOL"], rows),
            "holder": rng.choice(holders, rows),
            "date": days,
            "shares": np.maximum(shares, 0),
            "outstanding": outstanding,
            "passive": rng.random(rows) < 0.5,
            "kind": rng.choice(["other", "other", "other", "subsidiary"], rows),
        }
    )


def as_text(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.with_columns(pl.col(TEXT).cast(pl.String), pl.col("row").cast(pl.Int64))


class TestDuckDB:
    def test_same_as_polars(self) -> None:
        """DuckDB SQL gives the polars engine's verdicts, row for row."""
        data = positions()
        want = as_text(screen(plans(), data))
        got = as_text(screen_duckdb(plans(), data))
        assert got.equals(want)
        assert set(want["status"]) >= {"clear", "triggered", "exempt", "inactive"}

    def test_unknowns_same_as_polars(self) -> None:
        """Where an unknown term decides, DuckDB gives the polars engine's rows and reasons."""
        data = pl.concat([positions(), unknown_positions()], how="diagonal_relaxed")
        want = as_text(screen(unknown_plans(), data))
        got = as_text(screen_duckdb(unknown_plans(), data))
        assert got.equals(want)
        assert "uncertain" in set(want["status"])
        uncertain = want.filter(pl.col("status") == "uncertain")
        assert uncertain["reason"].null_count() == 0

    def test_rights_columns_are_refused(self) -> None:
        """Columns only the polars engine screens are refused by name."""
        data = positions(3).with_columns(pl.lit(1).alias("derivatives"))
        with pytest.raises(rp.ScreenInputError, match="derivatives: .*polars"):
            screen_duckdb(plans(), data)


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    if shutil.which("java") is None:
        pytest.skip("Java is missing: PySpark needs a Java 17+ runtime to run locally")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", ResourceWarning)
        from pyspark.sql import SparkSession

        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # stay on the loopback

        session = (
            SparkSession.builder.master("local[2]")
            .appName("rightsplan-screen-test")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate()
        )
        yield session
        session.stop()


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.filterwarnings("ignore::UserWarning")
@pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")
class TestSpark:
    def test_same_as_polars(self, spark: Any) -> None:
        """PySpark (local[2], 300 rows) gives the polars engine's verdicts, row for row."""
        data = positions()
        want = as_text(screen(plans(), data)).drop("near_match")  # not on Spark
        result = screen_spark(spark, plans(), data).toPandas()
        got = as_text(pl.from_pandas(result).select(want.columns))
        assert got.equals(want)

    def test_unknowns_same_as_polars(self, spark: Any) -> None:
        """Where an unknown term decides, Spark gives the polars engine's rows and reasons."""
        data = unknown_positions()
        want = as_text(screen(unknown_plans(), data)).drop("near_match")  # not on Spark
        result = screen_spark(spark, unknown_plans(), data).toPandas()
        got = as_text(pl.from_pandas(result).select(want.columns))
        assert got.equals(want)
        assert "uncertain" in set(want["status"])

    def test_spark_dataframe_in_partitions(self, spark: Any) -> None:
        """A Spark DataFrame of positions in several partitions gets the same verdicts."""
        data = positions().with_row_index("row").with_columns(pl.col("row").cast(pl.Int64))
        want = as_text(screen(plans(), data.drop("row"))).drop("near_match")  # not on Spark
        frame = spark.createDataFrame(data.to_pandas()).repartition(3)
        assert frame.rdd.getNumPartitions() == 3
        result = screen_spark(spark, plans(), frame).toPandas()
        got = as_text(pl.from_pandas(result).select(want.columns)).sort("row")
        assert got.equals(want)

    def test_intervals_are_broadcast(self, spark: Any) -> None:
        """The plan shows the intervals and names broadcast: the positions are not shuffled."""
        result = screen_spark(spark, plans(), positions(20))
        plan = result._jdf.queryExecution().executedPlan().toString()
        assert "Broadcast" in plan
        assert "SortMergeJoin" not in plan
        assert "Exchange hashpartitioning" not in plan

    def test_standing_columns_are_refused(self, spark: Any) -> None:
        """Standing columns, in a polars frame or a Spark DataFrame, are refused by name."""
        data = positions(3).with_columns(pl.lit("none").alias("standing"))
        with pytest.raises(rp.ScreenInputError, match="standing: .*polars"):
            screen_spark(spark, plans(), data)
        frame = spark.createDataFrame(data.to_pandas())
        with pytest.raises(rp.ScreenInputError, match="standing: .*polars"):
            screen_spark(spark, plans(), frame)

    def test_names_as_the_other_engines_match_them(self, spark: Any) -> None:
        """A Spark DataFrame's NFD holder gets its NFC exception; a zero-width space is refused."""
        plan = rp.Plan(
            rp.RightsAgreement(
                company="Example Corp",
                dated="2010-01-04",
                provisions=(
                    rp.SetThreshold(percent=15, comparison=rp.Comparison.AT_LEAST),
                    rp.AddException(
                        holder="Société Générale",
                        percent=30,
                        comparison=rp.Comparison.MORE_THAN,
                        requires_passive=False,
                    ),
                ),
            )
        )
        data = pl.DataFrame(
            {
                "issuer": ["X", "X"],
                "holder": [unicodedata.normalize("NFD", "Société Générale"), "Other"],
                "date": [dt.date(2011, 1, 3)] * 2,
                "shares": [200, 200],
                "outstanding": [1000, 1000],
            }
        )
        frame = spark.createDataFrame(data.to_pandas())
        got = screen_spark(spark, {"X": plan}, frame).toPandas().sort_values("row")
        assert list(got["status"]) == ["clear", "triggered"]
        hidden = spark.createDataFrame(
            data.with_columns(pl.lit("IPOF Group\u200b").alias("holder")).to_pandas()
        )
        with pytest.raises(rp.ScreenInputError, match=r"invisible or control.*Group\\u200b"):
            screen_spark(spark, {"X": plan}, hidden)
