"""What a user would write instead of ``rp.screen``: range joins over a plan-period table.

Two peers, each exact in 64-bit integers and each checked row for row against ``rp.screen``
by the benchmark: a DuckDB range join (``JOIN ... ON issuer AND date BETWEEN start AND
end``) and a polars one (``join_asof`` on the period's first day by issuer, then ``date <=
end``). Both cover the general rule, the passive tier and named-holder exceptions (the
holder named exactly as the plan spells it, passive where the exception requires it), pick
the most generous applicable limit, and give the status (clear, warning at 90% of the limit,
triggered; inactive before the plan), the largest holding that does not trigger, and the
headroom. They do less than ``rp.screen`` (no Exempt Persons by kind, no rights to acquire,
no expiry splits, no name folding, no validation, no citation, no near matches): the floor
of what a careful user would write for these plans, not a replacement.

The limit ``p`` percent (``num / den``) with comparison ``at-least`` allows at most
``floor((num * o - 1) / (100 * den))`` shares of ``o`` outstanding, ``more-than``
``floor(num * o / (100 * den))``; the warning is ``s * 1000 * den >= 9 * num * o``. With
``o`` below ``10**12`` and ``den <= 3``, every product is below ``2**63``.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

import polars as pl

import rightsplan as rp

_FAR = dt.date(9999, 12, 31)
_LIMITS = ("g", "p", "x")
"""The general rule, the passive tier, the exception: the peers' candidate limits."""


def period_table(plans: dict[str, rp.Plan]) -> pl.DataFrame:
    """One row per plan period: its days and its limits as integers (built once, untimed)."""
    rows: list[dict[str, object]] = []
    for issuer, plan in plans.items():
        for period in plan.timeline():
            terms = period.terms
            general = terms.known_general()
            passive = terms.passive
            exceptions = terms.exceptions
            if len(exceptions) > 1:
                raise ValueError("the peers model one named exception per period")
            exception = exceptions[0] if exceptions else None
            row: dict[str, object] = {
                "p_issuer": issuer,
                "start": period.start,
                "end": period.end or _FAR,
                "x_holder": exception.holder if exception else None,
                "x_passive": exception.requires_passive if exception else None,
            }
            limits = (general, passive, exception.limit() if exception else None)
            for prefix, limit in zip(_LIMITS, limits, strict=True):
                percent = limit.percent if limit is not None else None
                row[f"{prefix}_num"] = percent.numerator if percent is not None else None
                row[f"{prefix}_den"] = percent.denominator if percent is not None else None
                row[f"{prefix}_more"] = (
                    limit.comparison is rp.Comparison.MORE_THAN if limit is not None else None
                )
            rows.append(row)
    table = pl.DataFrame(rows)
    return table.with_columns(
        pl.col("start", "end").cast(pl.Date),
        pl.col("^._num$", "^._den$").cast(pl.Int64),
        pl.col("^._more$", "x_passive").cast(pl.Boolean),
    )


def _polars_verdicts(joined: pl.LazyFrame) -> pl.LazyFrame:
    """Status and max_shares from the joined limit columns, most generous applicable limit."""
    applies = {
        "g": pl.col("g_num").is_not_null(),
        "p": pl.col("passive") & pl.col("p_num").is_not_null(),
        "x": (pl.col("holder") == pl.col("x_holder")).fill_null(False)
        & (~pl.col("x_passive") | pl.col("passive")),
    }
    num, den, more = pl.col("g_num"), pl.col("g_den"), pl.col("g_more")
    frame = joined.with_columns(b_num=num, b_den=den, b_more=more)
    for prefix in ("p", "x"):
        other_num, other_den = pl.col(f"{prefix}_num"), pl.col(f"{prefix}_den")
        left = other_num * pl.col("b_den")
        right = pl.col("b_num") * other_den
        better = applies[prefix] & (
            (left > right) | ((left == right) & pl.col(f"{prefix}_more") & ~pl.col("b_more"))
        )
        frame = frame.with_columns(
            b_num=pl.when(better).then(other_num).otherwise(pl.col("b_num")),
            b_den=pl.when(better).then(other_den).otherwise(pl.col("b_den")),
            b_more=pl.when(better).then(pl.col(f"{prefix}_more")).otherwise(pl.col("b_more")),
        )
    line = pl.col("b_num") * pl.col("outstanding") - (~pl.col("b_more")).cast(pl.Int64)
    max_shares = line // (100 * pl.col("b_den"))
    warns = pl.col("shares") * 1000 * pl.col("b_den") >= 9 * pl.col("b_num") * pl.col("outstanding")
    return frame.select(
        "_row",
        pl.when(pl.col("b_num").is_null())
        .then(pl.lit("inactive"))
        .when(pl.col("shares") > max_shares)
        .then(pl.lit("triggered"))
        .when(warns)
        .then(pl.lit("warning"))
        .otherwise(pl.lit("clear"))
        .alias("status"),
        max_shares.alias("max_shares"),
        (max_shares - pl.col("shares")).alias("headroom"),
    )


def polars_peer(positions: pl.DataFrame, periods: pl.DataFrame) -> pl.DataFrame:
    """The polars range join: each position's period by ``join_asof``, then its verdict."""
    issuer_type = positions.schema["issuer"]
    table = periods.with_columns(pl.col("p_issuer").cast(issuer_type)).sort("start")
    joined = (
        positions.lazy()
        .with_row_index("_row")
        .sort("date")
        .join_asof(
            table.lazy(),
            left_on="date",
            right_on="start",
            by_left="issuer",
            by_right="p_issuer",
            strategy="backward",
            check_sortedness=False,  # sorted by date above; polars cannot check within groups
        )
        .with_columns(
            pl.when(pl.col("date") <= pl.col("end")).then(pl.col(f"^{prefix}_.*$")).otherwise(None)
            for prefix in _LIMITS
        )
        .with_columns(pl.col("holder").cast(pl.String), pl.col("x_holder").cast(pl.String))
    )
    return _polars_verdicts(joined).sort("_row").drop("_row").collect()


DUCKDB_QUERY = """
WITH j AS (
  SELECT x."row", x.holder, x.shares, x.outstanding, x.passive, p.*
  FROM positions x LEFT JOIN periods p
    ON p.p_issuer = x.issuer AND x.date BETWEEN p.start AND p."end"
), a AS (
  SELECT *,
    passive AND p_num IS NOT NULL AS p_ok,
    coalesce(holder = x_holder AND (NOT x_passive OR passive), false) AS x_ok
  FROM j
), b1 AS (
  SELECT *,
    CASE WHEN p_ok AND (p_num * g_den > g_num * p_den
                        OR (p_num * g_den = g_num * p_den AND p_more AND NOT g_more))
         THEN p_num ELSE g_num END AS n1,
    CASE WHEN p_ok AND (p_num * g_den > g_num * p_den
                        OR (p_num * g_den = g_num * p_den AND p_more AND NOT g_more))
         THEN p_den ELSE g_den END AS d1,
    CASE WHEN p_ok AND (p_num * g_den > g_num * p_den
                        OR (p_num * g_den = g_num * p_den AND p_more AND NOT g_more))
         THEN p_more ELSE g_more END AS m1
  FROM a
), b2 AS (
  SELECT "row", shares, outstanding,
    CASE WHEN x_ok AND (x_num * d1 > n1 * x_den OR (x_num * d1 = n1 * x_den AND x_more AND NOT m1))
         THEN x_num ELSE n1 END AS n,
    CASE WHEN x_ok AND (x_num * d1 > n1 * x_den OR (x_num * d1 = n1 * x_den AND x_more AND NOT m1))
         THEN x_den ELSE d1 END AS d,
    CASE WHEN x_ok AND (x_num * d1 > n1 * x_den OR (x_num * d1 = n1 * x_den AND x_more AND NOT m1))
         THEN x_more ELSE m1 END AS m
  FROM b1
), v AS (
  SELECT "row", shares, outstanding, n, d,
    (n * outstanding - CASE WHEN m THEN 0 ELSE 1 END) // (100 * d) AS max_shares
  FROM b2
)
SELECT
  CASE WHEN n IS NULL THEN 'inactive'
       WHEN shares > max_shares THEN 'triggered'
       WHEN shares * 1000 * d >= 9 * n * outstanding THEN 'warning'
       ELSE 'clear' END AS status,
  max_shares,
  max_shares - shares AS headroom
FROM v ORDER BY "row"
"""


def duckdb_peer(connection: object, positions: pl.DataFrame, periods: pl.DataFrame) -> pl.DataFrame:
    """The DuckDB range join over the plan-period table, in one SQL query."""
    table = positions.select(
        pl.int_range(pl.len(), dtype=pl.Int64).alias("row"),
        "issuer",
        "holder",
        "date",
        "shares",
        "outstanding",
        "passive",
    )
    connection.register("positions", table.to_arrow())  # type: ignore[attr-defined]
    connection.execute("SET preserve_insertion_order = false")  # type: ignore[attr-defined]
    connection.register("periods", periods.to_arrow())  # type: ignore[attr-defined]
    fetched = pl.from_arrow(connection.sql(DUCKDB_QUERY).to_arrow_table())  # type: ignore[attr-defined]
    assert isinstance(fetched, pl.DataFrame)
    return fetched


def disagreements(peer: pl.DataFrame, screened: pl.DataFrame) -> int:
    """Rows where a peer's status or max_shares differs from ``rp.screen``'s (0: agrees)."""
    mine = screened.select(
        pl.col("status").cast(pl.String),
        pl.col("max_shares"),
    )
    theirs = peer.select(
        pl.col("status").cast(pl.String),
        pl.when(pl.col("status") == "inactive")
        .then(None)
        .otherwise(pl.col("max_shares"))
        .alias("max_shares"),
    )
    differ = (mine["status"] != theirs["status"]) | ~mine["max_shares"].eq_missing(
        theirs["max_shares"]
    )
    return int(differ.sum())


class JoinFloor:
    """The least a screen that joins must do: a compiled kernel over pre-encoded integers.

    Not a peer a user would write but a floor with the join in it: each row's period found
    by binary search among its issuer's periods (issuer index and day numbers encoded before
    timing), the most generous applicable limit (general, passive tier, the named exception
    by a pre-encoded holder code), the status and ``max_shares`` in exact 64-bit integers, as
    the peers give them, on both cores. No names read, no validation, no result frame: it
    shows what the join itself costs over the numpy floor's pre-joined arrays.
    """

    def __init__(self, positions: pl.DataFrame, periods: pl.DataFrame) -> None:
        import numpy as np

        table = periods.with_columns(pl.col("p_issuer").cast(pl.String)).sort("p_issuer", "start")
        issuers = table["p_issuer"].unique(maintain_order=True)
        counts = table.group_by("p_issuer", maintain_order=True).len()["len"].to_numpy()
        self.offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        named = sorted(set(table["x_holder"].drop_nulls()))
        self.start = table["start"].to_physical().to_numpy().astype(np.int32)
        self.end = table["end"].to_physical().to_numpy().astype(np.int32)

        def limits(prefix: str) -> tuple[np.ndarray, ...]:
            return (
                table[f"{prefix}_num"].fill_null(-1).to_numpy().astype(np.int64),
                table[f"{prefix}_den"].fill_null(1).to_numpy().astype(np.int64),
                table[f"{prefix}_more"].fill_null(False).to_numpy().astype(np.bool_),
            )

        self.limits = limits("g") + limits("p") + limits("x")
        self.x_code = (
            table["x_holder"]
            .replace_strict(named, list(range(len(named))), default=-1, return_dtype=pl.Int32)
            .to_numpy()
        )
        self.x_passive = table["x_passive"].fill_null(False).to_numpy().astype(np.bool_)
        self.issuer = (
            positions["issuer"]
            .cast(pl.String)
            .replace_strict(issuers, list(range(len(issuers))), return_dtype=pl.Int32)
            .to_numpy()
        )
        self.holder = (
            positions["holder"]
            .cast(pl.String)
            .replace_strict(named, list(range(len(named))), default=-1, return_dtype=pl.Int32)
            .to_numpy()
        )
        self.date = positions["date"].to_physical().to_numpy().astype(np.int32)
        self.shares = positions["shares"].to_numpy().astype(np.int64)
        self.outstanding = positions["outstanding"].to_numpy().astype(np.int64)
        self.passive = positions["passive"].to_numpy().astype(np.bool_)
        self.status = np.empty(positions.height, np.int8)
        self.max_shares = np.empty(positions.height, np.int64)
        self.headroom = np.empty(positions.height, np.int64)

    def run(self) -> None:
        """The timed part: one kernel call over the encoded arrays."""
        _join_floor_kernel()(
            self.issuer,
            self.holder,
            self.date,
            self.shares,
            self.outstanding,
            self.passive,
            self.offsets,
            self.start,
            self.end,
            *self.limits,
            self.x_code,
            self.x_passive,
            self.status,
            self.max_shares,
            self.headroom,
        )

    def verdicts(self) -> pl.DataFrame:
        """The last run's status, max_shares and headroom, as the peers give them."""
        names = pl.Series(["inactive", "clear", "warning", "triggered"])
        return pl.DataFrame(
            {
                "status": names.gather(self.status),
                "max_shares": self.max_shares,
                "headroom": self.headroom,
            }
        )


@functools.cache
def _join_floor_kernel() -> Any:
    """The join floor's kernel, compiled on first use (numba, both cores)."""
    import numba

    @numba.njit(parallel=True, nogil=True, cache=False)
    def kernel(  # type: ignore[no-untyped-def]
        issuer, holder, date, shares, outstanding, passive, offsets, start, end,
        g_num, g_den, g_more, p_num, p_den, p_more, x_num, x_den, x_more, x_code, x_passive,
        status, max_shares, headroom,
    ):  # fmt: skip
        for row in numba.prange(issuer.shape[0]):
            low = offsets[issuer[row]]
            high = offsets[issuer[row] + 1]
            day = date[row]
            while low < high:  # the first period starting after the day
                middle = (low + high) // 2
                if start[middle] <= day:
                    low = middle + 1
                else:
                    high = middle
            period = low - 1
            status[row] = 0
            max_shares[row] = -1
            headroom[row] = 0
            if period < offsets[issuer[row]] or day > end[period]:
                continue
            num, den, more = g_num[period], g_den[period], g_more[period]
            if passive[row] and p_num[period] >= 0:
                left, right = p_num[period] * den, num * p_den[period]
                if num < 0 or left > right or (left == right and p_more[period] and not more):
                    num, den, more = p_num[period], p_den[period], p_more[period]
            code = holder[row]
            if code >= 0 and code == x_code[period] and (passive[row] or not x_passive[period]):
                left, right = x_num[period] * den, num * x_den[period]
                if num < 0 or left > right or (left == right and x_more[period] and not more):
                    num, den, more = x_num[period], x_den[period], x_more[period]
            if num < 0:
                continue
            line = num * outstanding[row] - (0 if more else 1)
            most = line // (100 * den)
            max_shares[row] = most
            headroom[row] = most - shares[row]
            if shares[row] > most:
                status[row] = 3
            elif shares[row] * 1000 * den >= 9 * num * outstanding[row]:
                status[row] = 2
            else:
                status[row] = 1

    return kernel
