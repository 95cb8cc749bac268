"""The same screening as SQL: on DuckDB (one machine) and on PySpark (a cluster).

Both engines join the positions to the plans' intervals table
(:meth:`~rightsplan.screening.intervals.Intervals.table`) with a range join on issuer and
validity interval (``date BETWEEN start AND end``) plus the holder class (name, kind,
passive), and compute the verdict with the exact 64-bit decomposition of
:mod:`rightsplan.screening.exact` in ``BIGINT``. On Spark the intervals table is broadcast, so
the join never shuffles the positions. Holder names are matched in Python on the distinct
names only (case-folded, white space collapsed, as rightsplan matches names).

Supported columns: ``issuer`` (or ``plan``), ``holder``, ``date``, ``shares``,
``outstanding``, ``passive``, ``kind``. Rights to acquire, derivatives and standings (the
``standing`` columns) are screened by the polars engine only, and refused here by name;
limits too fine for 64 bits (see :mod:`rightsplan.screening.exact`) too. DuckDB's result
has :func:`rightsplan.screen`'s ``near_match`` column; Spark's has not (names are near
matched in Python, row by row where the bulk test cannot rule a row out).

Rows on days a plan leaves a term unknown (a *judged* interval: status code 3) come out of
the query as ``uncertain`` and are then judged one by one by the rulebook, in Python, as
:func:`rightsplan.screen` judges them (on Spark, those rows only are collected to the
driver); the result then has :func:`rightsplan.screen`'s ``reason`` column.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import numpy as np
import polars as pl

from rightsplan import _check
from rightsplan.assess import DEFAULT_WARN_AT, warn_ratio
from rightsplan.errors import ScreenInputError
from rightsplan.plan import Plan
from rightsplan.rules import HOLDER_KINDS
from rightsplan.screening._inputs import (
    INVISIBLE_HOLDER,
    load_plans,
    normalize,
    positions_frame,
    validate,
)
from rightsplan.screening._standings import STANDING_COLUMNS, judge, patched
from rightsplan.screening.polars_engine import OUTPUT_COLUMNS, Prepared, prepare

__all__ = ["intervals_for_sql", "screen_duckdb", "screen_spark", "sql_query"]


def intervals_for_sql(prepared: Prepared) -> pl.DataFrame:
    """The intervals table with SQL-friendly types (dates clipped to years 1-9999)."""
    if prepared.wide:
        raise ScreenInputError(
            "plans: a limit's percentage is too fine for the 64-bit SQL path; screen these "
            "positions with rightsplan.screen (polars), which switches to 128-bit integers"
        )
    kinds = [kind.value for kind in HOLDER_KINDS]
    low, high = dt.date(1, 1, 1), dt.date(9999, 12, 31)
    return prepared.intervals.table().select(
        "issuer",
        pl.col("start").clip(low, high).alias("start"),
        pl.col("end").clip(low, high).alias("end"),
        pl.col("name_id").cast(pl.Int64),
        pl.col("kind_code")
        .replace_strict(dict(enumerate(kinds)), return_dtype=pl.String)
        .alias("kind"),
        "passive",
        pl.col("status").cast(pl.Int64),
        pl.col("num").fill_null(0),
        pl.col("unit").fill_null(1),
        pl.col("at_least").fill_null(False).cast(pl.Int64),
        pl.col("warn_num").fill_null(0),
        pl.col("warn_unit").fill_null(1),
        "limit",
        "comparison",
        "source",
    )


def sql_query(positions: str, intervals: str, names: str, *, div: str = "//") -> str:
    """The screening query over three tables; ``div`` is the integer-division operator."""

    def pick(column: str) -> str:
        return f"CASE WHEN s.status IS NOT NULL THEN s.{column} ELSE g.{column} END"

    return f"""
WITH p AS (
  SELECT pos.*, COALESCE(n.name_id, 0) AS name_id
  FROM {positions} pos LEFT JOIN {names} n ON pos.holder = n.holder
),
j AS (
  SELECT p.row, p.issuer, p.holder, p.date, p.shares, p.outstanding, p.passive,
    {pick("status")} AS k, {pick("num")} AS num, {pick("unit")} AS unit,
    {pick("at_least")} AS a, {pick("warn_num")} AS wn, {pick("warn_unit")} AS wu,
    {pick("limit")} AS lim, {pick("comparison")} AS cmp, {pick("source")} AS src
  FROM p
  JOIN {intervals} g
    ON g.issuer = p.issuer AND p.date BETWEEN g.start AND g.end
   AND g.name_id = 0 AND g.kind = p.kind AND g.passive = p.passive
  LEFT JOIN {intervals} s
    ON p.name_id > 0 AND s.issuer = p.issuer AND p.date BETWEEN s.start AND s.end
   AND s.name_id = p.name_id AND s.kind = p.kind AND s.passive = p.passive
),
v AS (
  SELECT j.*,
    num * (outstanding {div} unit) + ((num * (outstanding % unit) - a + unit) {div} unit) - 1
      AS max_shares,
    wn * (outstanding {div} wu) + ((wn * (outstanding % wu) + wu - 1) {div} wu) AS warn_min
  FROM j
)
SELECT row, issuer, holder, date,
  CASE WHEN k = 0 THEN 'inactive' WHEN k = 1 THEN 'exempt' WHEN k = 3 THEN 'uncertain'
       WHEN shares > max_shares THEN 'triggered'
       WHEN shares >= warn_min THEN 'warning' ELSE 'clear' END AS status,
  shares, outstanding, passive, lim AS limit, cmp AS comparison,
  CASE WHEN k = 2 THEN max_shares END AS max_shares,
  CASE WHEN k = 2 THEN max_shares - shares END AS headroom,
  src AS source
FROM v
ORDER BY row
"""


def _refuse_standings(columns: list[str]) -> None:
    """Standings are judged by the rulebook row by row: the polars engine does it."""
    found = [column for column in STANDING_COLUMNS if column in columns]
    if found:
        raise ScreenInputError(
            f"{found[0]}: standings are screened by rightsplan.screen (polars) only, which "
            "judges rows with a standing by the rulebook (rightsplan.rules.verdict); screen "
            "these positions there, or drop the standing columns"
        )


def _prepare_positions(
    plans: Mapping[str, Plan] | Any, positions: Any, warn_at: Fraction | str | int
) -> tuple[Prepared, pl.DataFrame, pl.DataFrame]:
    prepared = prepare(load_plans(plans), warn_at=warn_ratio(warn_at))
    frame, extras = normalize(positions_frame(positions))
    _refuse_standings(frame.collect_schema().names())
    if extras:
        raise ScreenInputError(
            f"{extras[0]}: rights to acquire and derivatives are screened by "
            "rightsplan.screen (polars) only"
        )
    validate(frame, prepared.intervals.issuers, extras)
    table = (
        frame.select(
            pl.col("issuer").cast(pl.String),
            pl.col("holder").cast(pl.String),
            "date",
            "shares",
            "outstanding",
            "passive",
            "kind",
        )
        .with_row_index("row")
        .with_columns(pl.col("row").cast(pl.Int64))
        .collect()
    )
    holders = table["holder"].unique().to_list()
    matched = prepared.intervals.name_ids(holders)
    names = pl.DataFrame(
        {"holder": list(matched), "name_id": list(matched.values())},
        schema={"holder": pl.String, "name_id": pl.Int64},
    )
    return prepared, table, names


def screen_duckdb(
    plans: Mapping[str, Plan] | Any,
    positions: Any,
    *,
    warn_at: Fraction | str | int = DEFAULT_WARN_AT,
) -> pl.DataFrame:
    """Screen with DuckDB SQL; the result equals :func:`rightsplan.screen`'s (``duckdb`` extra)."""
    import duckdb

    prepared, table, names = _prepare_positions(plans, positions, warn_at)
    intervals = intervals_for_sql(prepared)
    connection = duckdb.connect()
    try:
        connection.register("positions", table.to_arrow())
        connection.register("intervals", intervals.to_arrow())
        connection.register("names", names.to_arrow())
        fetched = pl.from_arrow(
            connection.sql(sql_query("positions", "intervals", "names")).to_arrow_table()
        )
    finally:
        connection.close()
    assert isinstance(fetched, pl.DataFrame)
    issuer = (
        fetched["issuer"]
        .cast(pl.String)
        .replace_strict(prepared.issuer_index, return_dtype=pl.Int64)
    )
    holder = fetched["holder"]
    sets = prepared.near.text_sets(holder)
    near = prepared.near.column(
        sets,
        issuer.to_numpy(),
        fetched["date"].to_physical().to_numpy(),
        prepared.periods_of,
        prepared.starts,
    )
    result = fetched.select(OUTPUT_COLUMNS).with_columns(near)
    if not prepared.judging:
        return result
    return _judged(prepared, table, result)


def _judged(prepared: Prepared, table: pl.DataFrame, result: pl.DataFrame) -> pl.DataFrame:
    """``result`` (rows in ``table``'s order) with the rulebook's verdicts on judged rows."""
    rows = (result["status"].cast(pl.String) == "uncertain").arg_true().to_numpy()
    standings, verdicts = judge(
        prepared.plans, table, None, rows, warn_at=prepared.intervals.warn_at, first_row=0
    )
    return patched(result, rows, standings, verdicts, standing=False, reasons=True)


def screen_spark(
    spark: Any,
    plans: Mapping[str, Plan] | Any,
    positions: Any,
    *,
    warn_at: Fraction | str | int = DEFAULT_WARN_AT,
) -> Any:
    """Screen on PySpark; returns a Spark DataFrame with :func:`rightsplan.screen`'s columns.

    ``positions`` may be a Spark DataFrame (the cluster case: its distinct holder names are
    collected to match them against the plans' names) or anything
    :func:`rightsplan.screen` accepts. The intervals table is broadcast to every executor.
    """
    from pyspark.sql import functions as F

    if type(positions).__module__.startswith("pyspark"):
        prepared = prepare(load_plans(plans), warn_at=warn_ratio(warn_at))
        issuer = next(
            (c for c in ("issuer", "plan", "issuer_id", "plan_id") if c in positions.columns), None
        )
        if issuer is None:
            raise ScreenInputError(
                "issuer: missing column (the issuer (plan id) whose plan applies)"
            )
        _refuse_standings(list(positions.columns))
        frame = positions.withColumnRenamed(issuer, "issuer")
        if "passive" not in frame.columns:
            frame = frame.withColumn("passive", F.lit(False))
        if "kind" not in frame.columns:
            frame = frame.withColumn("kind", F.lit("other"))
        if "row" not in frame.columns:
            frame = frame.withColumn("row", F.monotonically_increasing_id())
        holders = [r[0] for r in frame.select("holder").distinct().collect()]
        hidden = next((h for h in holders if h is not None and _check.hidden(h)), None)
        if hidden is not None:  # a Spark DataFrame is not validated row by row
            raise ScreenInputError(f"{INVISIBLE_HOLDER}, got {hidden!r}")
        matched = prepared.intervals.name_ids(holders)
        names_df = spark.createDataFrame(
            list(matched.items()) or [("\x00", 0)], "holder string, name_id long"
        )
        positions_df = frame
    else:
        prepared, table, names = _prepare_positions(plans, positions, warn_at)
        positions_df = spark.createDataFrame(table.to_pandas())
        names_df = spark.createDataFrame(
            names.to_pandas() if names.height else [("\x00", 0)], "holder string, name_id long"
        )
    intervals = intervals_for_sql(prepared)
    intervals_df = F.broadcast(spark.createDataFrame(intervals.to_pandas()))
    positions_df.createOrReplaceTempView("rp_positions")
    intervals_df.createOrReplaceTempView("rp_intervals")
    F.broadcast(names_df).createOrReplaceTempView("rp_names")
    result = spark.sql(sql_query("rp_positions", "rp_intervals", "rp_names", div="div"))
    if not prepared.judging:
        return result
    return _spark_judged(spark, prepared, positions_df, result)


def _spark_judged(spark: Any, prepared: Prepared, positions: Any, result: Any) -> Any:
    """Spark's ``result`` with the judged rows (collected to the driver) judged by the rulebook."""
    from pyspark.sql import functions as F

    uncertain = F.col("status") == "uncertain"
    picked = positions.join(result.filter(uncertain).select("row"), on="row")
    columns = ["row", "issuer", "holder", "date", "shares", "outstanding", "passive", "kind"]
    table = pl.from_pandas(picked.select(columns).toPandas()).sort("row")
    judged_rows = pl.from_pandas(result.filter(uncertain).toPandas()).sort("row")
    rows = judged_rows["row"].to_numpy()
    everything = np.arange(len(rows))
    standings, verdicts = judge(
        prepared.plans,
        table.with_columns(pl.col("date").cast(pl.Date)),
        None,
        everything,
        warn_at=prepared.intervals.warn_at,
        first_row=0,
    )
    done = patched(judged_rows, everything, standings, verdicts, standing=False, reasons=True)
    schema = result.withColumn("reason", F.lit(None).cast("string")).schema
    fixed = spark.createDataFrame(done.select(schema.fieldNames()).to_pandas(), schema=schema)
    kept = result.filter(~uncertain).withColumn("reason", F.lit(None).cast("string"))
    return kept.unionByName(fixed).orderBy("row")
