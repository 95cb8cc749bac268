"""Positions in, as a polars LazyFrame with checked column types (private)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import polars as pl

from rightsplan._check import INVISIBLE_PATTERN
from rightsplan.errors import ScreenInputError
from rightsplan.plan import Plan
from rightsplan.rules import HOLDER_KINDS
from rightsplan.screening._process import LastCall
from rightsplan.screening._standings import STANDING_COLUMNS, check_types
from rightsplan.screening.exact import MAX_COUNT

__all__ = ["COLUMNS", "Positions", "load_plans", "positions_frame", "validate"]

ISSUER_NAMES = ("issuer", "plan", "issuer_id", "plan_id")
"""Accepted names for the column saying whose plan a position is screened against."""

COLUMNS = {
    "issuer": "the issuer (plan id) whose plan applies",
    "holder": "the holder's name",
    "date": "the date of the holding (a Date, or text YYYY-MM-DD)",
    "shares": "shares beneficially owned (a whole number)",
    "outstanding": "shares outstanding (a whole number)",
    "passive": "whether the holder is passive, Schedule 13G-eligible (true/false; optional)",
    "kind": "company, subsidiary, benefit-plan, government or other (optional)",
    "rights_to_acquire": "shares it may acquire within 60 days (optional)",
    "rights_to_acquire_later": "shares it may acquire, not within 60 days (optional)",
    "derivatives": "derivative share equivalents (optional)",
    **STANDING_COLUMNS,
}
"""The columns :func:`rightsplan.screen` reads; the others are ignored."""

COUNTS = ("shares", "outstanding", "rights_to_acquire", "rights_to_acquire_later", "derivatives")
EXTRAS = ("rights_to_acquire", "rights_to_acquire_later", "derivatives")
_UNSUPPORTED = {
    "reported": "reported (rounded) percentages are not screened in bulk; assess a "
    "rightsplan.ReportedHolding with rightsplan.assess",
    "percent": "positions are screened from exact share counts, not percentages; give "
    "shares and outstanding",
}

Positions = Any
"""A polars or pandas DataFrame, a polars LazyFrame, a pyarrow Table, or Parquet path(s)."""


def load_plans(plans: Mapping[str, Plan] | str | os.PathLike[str]) -> dict[str, Plan]:
    """Plans by issuer id: a mapping, or a directory of plan files (the file stem is the id)."""
    if isinstance(plans, str | os.PathLike):
        from rightsplan.io import load_plan

        folder = Path(plans)
        if not folder.is_dir():
            raise ScreenInputError(f"{os.fspath(plans)}: expected a directory of plan files")
        from rightsplan.io.formats import format_of

        # The same test load_plan makes (the suffix in any case: INNO.TOML is a plan file).
        files = sorted(p for p in folder.iterdir() if format_of(p) is not None)
        if not files:
            raise ScreenInputError(
                f"{os.fspath(plans)}: no plan files (.toml, .yaml, .yml or .json) in it"
            )
        found: dict[str, Plan] = {}
        for file in files:
            if file.stem in found:
                raise ScreenInputError(
                    f"{file}: a second plan file for issuer {file.stem!r}; one file per issuer"
                )
            found[file.stem] = load_plan(file)
        return found
    if not isinstance(plans, Mapping):
        raise ScreenInputError(
            f"plans: expected a mapping of issuer id to Plan, or a directory, got {plans!r}"
        )
    keys, values = list(plans), list(plans.values())
    checked = _CHECKED.get(None, keys, values)
    if checked is not None:
        return dict(checked)  # the same keys and plan objects as last time: checked already
    out: dict[str, Plan] = {}
    for key, plan in zip(keys, values, strict=True):
        if not isinstance(plan, Plan):
            raise ScreenInputError(f"plans[{key!r}]: expected a Plan, got {plan!r}")
        out[str(key)] = plan
    if not out:
        raise ScreenInputError("plans: expected at least one plan, got none")
    _CHECKED.put(out, None, keys, values)
    return dict(out)


_CHECKED: LastCall[dict[str, Plan]] = LastCall()
"""The last mapping :func:`load_plans` checked, kept by its keys and plans (a screen call
with the same plans costs a comparison of references, not a pass in Python)."""


def positions_frame(positions: Positions) -> pl.LazyFrame:
    """Positions as a LazyFrame, read lazily from Parquet when given path(s)."""
    if isinstance(positions, pl.LazyFrame):
        return positions
    if isinstance(positions, pl.DataFrame):
        return positions.lazy()
    if isinstance(positions, str | os.PathLike):
        return _scan([positions])
    if (
        isinstance(positions, Sequence)
        and positions
        and all(isinstance(p, str | os.PathLike) for p in positions)
    ):
        return _scan(list(positions))
    module = type(positions).__module__.split(".")[0]
    if module == "pyarrow":
        frame = pl.from_arrow(positions)
        if isinstance(frame, pl.DataFrame):
            return frame.lazy()
    if module == "pandas":
        return pl.from_pandas(positions).lazy()
    raise ScreenInputError(
        "positions: expected a polars or pandas DataFrame, a pyarrow Table or Parquet "
        f"path(s), got {type(positions).__name__}"
    )


def _scan(paths: list[str | os.PathLike[str]]) -> pl.LazyFrame:
    for path in paths:
        if not Path(path).exists():
            raise ScreenInputError(f"{os.fspath(path)}: no such Parquet file")
    return pl.scan_parquet([os.fspath(p) for p in paths])


def _describe(dtype: pl.DataType) -> str:
    return str(dtype)


def normalize(
    frame: pl.LazyFrame, *, defaults: bool = True
) -> tuple[pl.LazyFrame, tuple[str, ...]]:
    """Rename and type-check the columns; return the frame and the extra count columns found.

    The standing columns found (:data:`STANDING_COLUMNS`) are kept, type-checked, as they are
    (text columns as text); their values are read row by row where a row has a standing.

    With ``defaults`` a missing ``passive`` column is filled with false and a missing
    ``kind`` with ``other``; without, they are left out. Raises :class:`ScreenInputError`
    naming the column and what was expected.
    """
    try:
        schema = frame.collect_schema()
    except (pl.exceptions.PolarsError, OSError) as error:
        raise ScreenInputError(f"positions: cannot be read: {error}") from None
    names = list(schema.names())
    for column, why in _UNSUPPORTED.items():
        if column in names:
            raise ScreenInputError(f"{column}: {why}")
    issuer = next((name for name in ISSUER_NAMES if name in names), None)
    missing = [c for c in ("holder", "date", "shares", "outstanding") if c not in names]
    if issuer is None:
        missing.insert(0, "issuer")
    if missing:
        raise ScreenInputError(
            f"{missing[0]}: missing column ({COLUMNS[missing[0]]}); positions need columns "
            f"issuer (or plan), holder, date, shares, outstanding; got {', '.join(names)}"
        )
    assert issuer is not None
    exprs: list[pl.Expr] = []
    issuer_type = schema[issuer]
    if issuer_type.is_integer():
        exprs.append(pl.col(issuer).cast(pl.String).alias("issuer"))
    elif isinstance(issuer_type, pl.String | pl.Categorical | pl.Enum):
        exprs.append(pl.col(issuer).alias("issuer"))
    else:
        raise ScreenInputError(
            f"{issuer}: expected text or integer issuer ids, got {_describe(issuer_type)}"
        )
    holder_type = schema["holder"]
    if not isinstance(holder_type, pl.String | pl.Categorical | pl.Enum):
        raise ScreenInputError(f"holder: expected text, got {_describe(holder_type)}")
    exprs.append(pl.col("holder"))
    date_type = schema["date"]
    if isinstance(date_type, pl.Date):
        exprs.append(pl.col("date"))
    elif isinstance(date_type, pl.String):
        # Strict ISO, as every other path reads dates (rightsplan.to_date): "2003-1-5" is
        # refused, not read as a day; text of any other shape becomes null, and is named.
        exprs.append(
            pl.when(pl.col("date").str.contains(r"^\d{4}-\d{2}-\d{2}$"))
            .then(pl.col("date").str.strptime(pl.Date, "%Y-%m-%d", strict=False))
            .alias("date")
        )
    elif isinstance(date_type, pl.Datetime) and date_type.time_zone is None:
        # Date-times at midnight are days (pandas has no date type, so its dates look like
        # this); any other time of day is refused, row by row, rather than cut off.
        exprs.append(pl.col("date").dt.date())
        exprs.append((pl.col("date").dt.time() != dt.time(0)).alias("_date_time"))
    else:
        hint = (
            " (a date-time with a time zone: its day depends on the zone; pass the day)"
            if isinstance(date_type, pl.Datetime)
            else ""
        )
        raise ScreenInputError(
            f"date: expected dates (a Date column, text YYYY-MM-DD, or date-times at "
            f"midnight), got {_describe(date_type)}{hint}"
        )
    extras = tuple(c for c in EXTRAS if c in names)
    for column in ("shares", "outstanding", *extras):
        dtype = schema[column]
        if not dtype.is_integer():
            hint = (
                " (floats are inexact: share counts are whole numbers)" if dtype.is_float() else ""
            )
            raise ScreenInputError(
                f"{column}: expected whole numbers (an integer column), got "
                f"{_describe(dtype)}{hint}"
            )
        if dtype == pl.UInt64:
            exprs.append(pl.col(column).clip(upper_bound=MAX_COUNT + 1).cast(pl.Int64))
        else:
            exprs.append(pl.col(column).cast(pl.Int64))
    if "passive" in names:
        if schema["passive"] != pl.Boolean:
            got = _describe(schema["passive"])
            raise ScreenInputError(f"passive: expected true/false (a Boolean column), got {got}")
        exprs.append(pl.col("passive"))
    elif defaults:
        exprs.append(pl.lit(False).alias("passive"))
    if "kind" in names:
        if not isinstance(schema["kind"], pl.String | pl.Categorical | pl.Enum):
            raise ScreenInputError(f"kind: expected text, got {_describe(schema['kind'])}")
        exprs.append(pl.col("kind").cast(pl.String))
    elif defaults:
        exprs.append(pl.lit("other").alias("kind"))
    exprs.extend(check_types(schema))
    if "date" in names and isinstance(date_type, pl.String):
        exprs.append(pl.col("date").alias("_date_text"))
    return frame.select(exprs), extras


INVISIBLE_HOLDER = (
    "holder: contains an invisible or control character; names are matched by what they "
    "show, so give the name without it"
)


def validate(
    frame: pl.LazyFrame, issuers: tuple[str, ...], extras: tuple[str, ...], *, first_row: int = 0
) -> None:
    """Check every value once; raise :class:`ScreenInputError` for the first problem kind.

    Rows are named by their position among all the positions: ``first_row`` is that of the
    frame's first row (a batch of a larger file starts further on).
    """
    kinds = [kind.value for kind in HOLDER_KINDS]
    checks: list[tuple[str, pl.Expr]] = []
    if "_date_text" in frame.collect_schema().names():
        checks.append(
            (
                'date: expected an ISO date like "2003-11-24" (YYYY-MM-DD)',
                pl.col("date").is_null() & pl.col("_date_text").is_not_null(),
            )
        )
    if "_date_time" in frame.collect_schema().names():
        checks.append(
            (
                "date: expected dates; this date-time is not at midnight (pass the day)",
                pl.col("_date_time"),
            )
        )
    for column in ("issuer", "holder", "date", "shares", "outstanding", "passive", *extras):
        checks.append((f"{column}: missing value (null)", pl.col(column).is_null()))
    for column in ("shares", *extras):
        checks.append((f"{column}: expected zero or more shares", pl.col(column) < 0))
    checks.append(("outstanding: expected a positive number", pl.col("outstanding") <= 0))
    for column in ("shares", "outstanding", *extras):
        checks.append(
            (f"{column}: expected at most {MAX_COUNT:,} shares", pl.col(column) > MAX_COUNT)
        )
    checks.append(
        (
            INVISIBLE_HOLDER,
            pl.col("holder").cast(pl.String).str.contains(INVISIBLE_PATTERN),
        )
    )
    checks.append(
        (
            "shares: exceed the shares outstanding",
            pl.col("shares") > pl.col("outstanding"),
        )
    )
    checks.append(
        (
            "issuer: no plan given for this issuer",
            ~pl.col("issuer").cast(pl.String).is_in(list(issuers)),
        )
    )
    checks.append(
        (
            f"kind: expected one of {', '.join(kinds)}",
            ~pl.col("kind").is_in(kinds),
        )
    )
    query = frame.with_row_index("_row").select(
        *(
            pl.col("_row").filter(bad.fill_null(False)).first().alias(str(index))
            for index, (_, bad) in enumerate(checks)
        ),
        *(bad.fill_null(False).sum().alias(f"n{index}") for index, (_, bad) in enumerate(checks)),
    )
    try:
        found = query.collect(engine="streaming").row(0)
    except (pl.exceptions.PolarsError, OSError) as error:
        raise ScreenInputError(f"positions: cannot be read: {error}") from None
    count = len(checks)
    for index, (message, _) in enumerate(checks):
        first = found[index]
        if first is not None:
            many = found[count + index]
            also = f" ({many:,} rows in all)" if many > 1 else ""
            column = message.split(":", 1)[0]
            if column in ("issuer", "kind") or message is INVISIBLE_HOLDER:  # name the value
                value = frame.slice(first, 1).select(pl.col(column).cast(pl.String)).collect()
                message = f"{message}, got {value.item()!r}"
            raise ScreenInputError(f"{message}, at row {first_row + first}{also}")
