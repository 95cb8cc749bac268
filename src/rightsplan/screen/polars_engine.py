"""The polars engine: positions joined to the plans' intervals, verdicts in exact integers.

The join is an as-of join on issuer and date, done as array look-ups rather than a sort:
the intervals of all issuers are laid out in one dense table indexed by ``(issuer, day)``
(days clipped to the span the plans' boundaries cover, since before the first boundary and
after the last nothing changes), so a position's interval is one gather. When that table
would be large (many issuers over a long span) the look-up is a binary search over the
sorted interval starts instead. A holder's name class is looked up the same way, by
``(interval, name)``; the rule of the class then gives the limit's constants, which
:func:`rightsplan.screen.exact.verdict` turns into the verdict. No position is looped over
or sorted in Python: every step is a polars expression over whole columns.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

import numpy as np
import polars as pl

from rightsplan.plan import Plan
from rightsplan.screen import exact
from rightsplan.screen._inputs import normalize, validate
from rightsplan.screen.intervals import FIRST_DAY, KINDS, LAST_DAY, Intervals, materialize

__all__ = ["OUTPUT_COLUMNS", "STATUSES", "prepare", "screen_frame"]

STATUSES = ("clear", "warning", "triggered", "exempt", "inactive")
"""The verdicts, as ``rightsplan check --format json`` writes them."""
STATUS = pl.Enum(list(STATUSES))
OUTPUT_COLUMNS = (
    "row",
    "issuer",
    "holder",
    "date",
    "status",
    "shares",
    "outstanding",
    "passive",
    "limit",
    "comparison",
    "max_shares",
    "headroom",
    "source",
)
"""The columns of :func:`rightsplan.screen`'s result, in order."""

_DENSE_LIMIT = 1 << 24
"""The most entries a dense look-up table may have (64 MiB of Int32) before binary search."""


class Prepared:
    """The plans' intervals turned into the arrays the per-row look-ups gather from."""

    def __init__(self, intervals: Intervals) -> None:
        self.intervals = intervals
        periods = intervals.periods
        issuer_idx = periods["issuer_idx"].to_numpy().astype(np.int64)
        starts = periods["start"].cast(pl.Int32).to_numpy().astype(np.int64)
        n_periods = periods.height
        n_issuers = len(intervals.issuers)
        self.n_periods = n_periods
        real = starts[starts > FIRST_DAY]
        self.day0 = int(real.min()) - 1 if real.size else 0
        self.span = (int(real.max()) - self.day0 + 1) if real.size else 1
        self.dense_periods = n_issuers * self.span <= _DENSE_LIMIT
        if self.dense_periods:
            # Periods are laid out issuer by issuer in order of start, and each issuer's row
            # starts with its "before adoption" period, so each period fills the table from
            # its offset to the next period's offset.
            offsets = issuer_idx * self.span + np.clip(starts - self.day0, 0, self.span - 1)
            lengths = np.diff(np.append(offsets, n_issuers * self.span))
            table = np.repeat(np.arange(n_periods, dtype=np.int32), lengths)
            self.period_table = pl.Series("period_table", table)
        else:
            keys = issuer_idx * (1 << 32) + (starts + (1 << 31))
            self.period_keys = pl.Series("period_keys", keys)
        self.rights_mode = periods["rights_mode"]
        self.derivatives_counted = periods["derivatives_counted"]

        classes = intervals.classes
        period = classes["period"].to_numpy().astype(np.int64)
        name_id = classes["name_id"].to_numpy().astype(np.int64)
        kind = classes["kind_code"].to_numpy().astype(np.int64)
        passive = classes["passive"].to_numpy().astype(np.int64)
        named = name_id > 0
        self.n_names = int(name_id.max()) + 1 if name_id.size else 1
        pair_keys = np.unique(period[named] * self.n_names + name_id[named])
        self.n_pairs = pair_keys.size
        self.dense_pairs = n_periods * self.n_names <= _DENSE_LIMIT
        if self.dense_pairs:
            pair_table = np.full(n_periods * self.n_names, -1, dtype=np.int32)
            pair_table[pair_keys] = np.arange(pair_keys.size, dtype=np.int32)
            self.pair_table = pl.Series("pair_table", pair_table)
        else:
            self.pair_keys = pl.Series("pair_keys", pair_keys)
        pair_of = np.searchsorted(pair_keys, period * self.n_names + name_id)
        slot = np.where(named, n_periods + pair_of, period) * 10 + kind * 2 + passive
        rule_of_class = np.zeros((n_periods + self.n_pairs) * 10, dtype=np.int32)
        rule_of_class[slot] = classes["rule"].to_numpy()
        self.rule_of_class = pl.Series("rule_of_class", rule_of_class)

        rules = intervals.rules
        self.wide = not all(
            (unit is None or unit <= exact.INT64_UNIT_BOUND)
            and (warn is None or warn <= exact.INT64_UNIT_BOUND)
            for unit, warn in zip(rules["unit"], rules["warn_unit"], strict=True)
        )
        self.rule_status = rules["status"]
        self.rule_num = rules["num"].fill_null(0)
        self.rule_unit = rules["unit"].fill_null(1)
        self.rule_at_least = rules["at_least"].fill_null(False)
        self.rule_warn_num = rules["warn_num"].fill_null(0)
        self.rule_warn_unit = rules["warn_unit"].fill_null(1)
        self.rule_limit = _enum(rules["limit"])
        self.rule_comparison = rules["comparison"].cast(pl.Enum(["at-least", "more-than"]))
        self.rule_source = _enum(rules["source"])
        self.issuer_enum = pl.Enum(list(intervals.issuers))

    def period_expr(self, issuer_idx: pl.Expr, day: pl.Expr) -> pl.Expr:
        """The interval of each row (always one: before adoption is an interval too)."""
        if self.dense_periods:
            index = issuer_idx * self.span + (day - self.day0).clip(0, self.span - 1)
            return pl.lit(self.period_table).gather(index)
        key = issuer_idx * (1 << 32) + (day.clip(FIRST_DAY, LAST_DAY) + (1 << 31))
        return pl.lit(self.period_keys).search_sorted(key, side="right").cast(pl.Int64) - 1

    def pair_expr(self, period: pl.Expr, name_id: pl.Expr) -> pl.Expr:
        """The (interval, name) pair of each row, or -1 when the interval does not name it."""
        if self.n_pairs == 0:
            return pl.lit(-1, dtype=pl.Int64)
        key = period * self.n_names + name_id
        if self.dense_pairs:
            return pl.lit(self.pair_table).gather(key).cast(pl.Int64)
        found = pl.lit(self.pair_keys).search_sorted(key, side="left").cast(pl.Int64)
        hit = pl.lit(self.pair_keys).gather(found.clip(0, self.n_pairs - 1)) == key
        return pl.when(hit).then(found).otherwise(-1)


def _enum(values: pl.Series) -> pl.Series:
    categories = sorted({value for value in values.to_list() if value is not None})
    return values.cast(pl.Enum(categories))


def prepare(plans: Mapping[str, Plan], *, warn_at: Fraction) -> Prepared:
    """Materialize ``plans`` once, for screening any number of position batches."""
    return Prepared(materialize(plans, warn_at=warn_at))


def name_expr(prepared: Prepared, holders: list[str]) -> pl.Expr:
    """Each row's ``name_id``: which name the plans use the holder matches (0 for none)."""
    matched = prepared.intervals.name_ids(holders)
    if not matched:
        return pl.lit(0, dtype=pl.Int64)
    groups: dict[int, list[str]] = {}
    for spelling, name_id in matched.items():
        groups.setdefault(name_id, []).append(spelling)
    if len(groups) > 32:
        return (
            pl.col("holder")
            .cast(pl.String)
            .replace_strict(matched, default=0, return_dtype=pl.Int64)
        )
    holder = pl.col("holder")
    expr: pl.Expr = pl.lit(0, dtype=pl.Int64)
    for name_id, spellings in groups.items():
        expr = (
            pl.when(holder.is_in(spellings)).then(pl.lit(name_id, dtype=pl.Int64)).otherwise(expr)
        )
    return expr


def verdicts(
    prepared: Prepared, frame: pl.LazyFrame, extras: tuple[str, ...], holders: list[str]
) -> pl.LazyFrame:
    """The verdict columns for a normalized, validated frame (see :data:`OUTPUT_COLUMNS`)."""
    kinds = pl.Enum([kind.value for kind in KINDS])
    issuer_idx = pl.col("issuer").cast(pl.String).cast(prepared.issuer_enum).to_physical()
    day = pl.col("date").to_physical().cast(pl.Int64)
    frame = frame.with_columns(
        _period=prepared.period_expr(issuer_idx.cast(pl.Int64), day).cast(pl.Int64),
        _name=name_expr(prepared, holders),
        _sub=pl.col("kind").cast(kinds).to_physical().cast(pl.Int64) * 2
        + pl.col("passive").cast(pl.Int64),
    )
    pair = prepared.pair_expr(pl.col("_period"), pl.col("_name"))
    slot = pl.when(pl.col("_name") > 0).then(
        pl.when(pair >= 0).then(prepared.n_periods + pair).otherwise(pl.col("_period"))
    ).otherwise(pl.col("_period")) * 10 + pl.col("_sub")
    frame = frame.with_columns(_rule=pl.lit(prepared.rule_of_class).gather(slot))
    rule = pl.col("_rule")
    shares = pl.col("shares")
    outstanding = pl.col("outstanding")
    if extras:
        mode = pl.lit(prepared.rights_mode).gather(pl.col("_period"))
        rights = pl.lit(0, dtype=pl.Int64)
        if "rights_to_acquire" in extras:
            rights = rights + pl.when(mode >= 1).then(pl.col("rights_to_acquire")).otherwise(0)
        if "rights_to_acquire_later" in extras:
            rights = rights + pl.when(mode == 2).then(pl.col("rights_to_acquire_later")).otherwise(
                0
            )
        derivatives = pl.lit(0, dtype=pl.Int64)
        if "derivatives" in extras:
            counted = pl.lit(prepared.derivatives_counted).gather(pl.col("_period"))
            derivatives = pl.when(counted).then(pl.col("derivatives")).otherwise(0)
        frame = frame.with_columns(
            _shares=shares + rights + derivatives, _outstanding=outstanding + rights
        )
        shares, outstanding = pl.col("_shares"), pl.col("_outstanding")
    max_shares, _triggered, warns = exact.verdict(
        shares,
        outstanding,
        num=pl.lit(prepared.rule_num).gather(rule),
        unit=pl.lit(prepared.rule_unit).gather(rule),
        at_least=pl.lit(prepared.rule_at_least).gather(rule),
        warn_num=pl.lit(prepared.rule_warn_num).gather(rule),
        warn_unit=pl.lit(prepared.rule_warn_unit).gather(rule),
        wide=prepared.wide,
    )
    frame = frame.with_columns(
        _kind=pl.lit(prepared.rule_status).gather(rule), _max=max_shares
    ).with_columns(_triggered=pl.col("_max") < shares, _warns=warns)
    status_kind = pl.col("_kind")
    limited = status_kind == 2
    status = (
        pl.when(status_kind == 0)
        .then(pl.lit("inactive"))
        .when(status_kind == 1)
        .then(pl.lit("exempt"))
        .when(pl.col("_triggered"))
        .then(pl.lit("triggered"))
        .when(pl.col("_warns"))
        .then(pl.lit("warning"))
        .otherwise(pl.lit("clear"))
        .cast(STATUS)
    )
    return frame.select(
        pl.col("_row").alias("row"),
        pl.col("issuer").cast(pl.String).cast(prepared.issuer_enum),
        pl.col("holder"),
        pl.col("date"),
        status.alias("status"),
        pl.col("shares"),
        pl.col("outstanding"),
        pl.col("passive"),
        pl.lit(prepared.rule_limit).gather(rule).alias("limit"),
        pl.lit(prepared.rule_comparison).gather(rule).alias("comparison"),
        pl.when(limited).then(pl.col("_max")).alias("max_shares"),
        pl.when(limited).then(pl.col("_max") - shares).alias("headroom"),
        pl.lit(prepared.rule_source).gather(rule).alias("source"),
    )


def unique_holders(frame: pl.LazyFrame) -> list[str]:
    """The distinct holder names (one streaming pass over the holder column)."""
    found = frame.select(pl.col("holder").cast(pl.String).unique()).collect(engine="streaming")
    return [holder for holder in found["holder"].to_list() if holder is not None]


def screen_frame(
    prepared: Prepared, raw: pl.LazyFrame, *, check: bool = True, first_row: int = 0
) -> pl.LazyFrame:
    """The lazy screening query for one frame of positions (validated first when ``check``)."""
    frame, extras = normalize(raw)
    if check:
        validate(frame, prepared.intervals.issuers, extras)
    frame = frame.with_row_index("_row", offset=first_row)
    return verdicts(prepared, frame, extras, unique_holders(frame))
