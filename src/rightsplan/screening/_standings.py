"""Rows the rulebook judges one by one: those with a standing, and those an unknown decides.

A holder's standing (grandfathered, excused by a buyback or an inadvertent crossing, an
Acquiring Person already, exempted by the board) is rare in a table of positions, and what
it does to a verdict depends on history the intervals table does not hold. Likewise a row
on a day whose terms leave the general threshold unknown, or that an unknown Final
Expiration Date may have ended (a *judged* interval, see
:mod:`rightsplan.screening.intervals`). So these rows are taken out of the vectorized verdicts
and judged one by one by :func:`rightsplan.rules.verdict` (and
:func:`rightsplan.rules.if_in_force`), with the terms in force on the row's date and the
holding as those terms count it: exactly what :func:`rightsplan.assess` does with the same
standing. The other rows keep the vectorized verdicts, untouched. (Private.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import numpy as np
import pendulum
import polars as pl

from rightsplan.dates import to_date
from rightsplan.errors import RightsPlanError, ScreenInputError
from rightsplan.ownership import Position
from rightsplan.percent import format_percent
from rightsplan.plan import Plan
from rightsplan.rules import STATUSES, Verdict, if_in_force, in_force_or_unknown, verdict
from rightsplan.standing import (
    ORDINARY,
    STANDING_KINDS,
    Standing,
    standing_from_fields,
    starts_after,
)
from rightsplan.terms import HolderKind, Terms

__all__ = [
    "STANDING",
    "STANDING_COLUMNS",
    "check_types",
    "judge",
    "patched",
    "read_standing",
    "rows_with_standing",
]

STANDING_COLUMNS = {
    "standing": "the holder's standing: none, grandfathered, buyback, inadvertent, "
    "acquiring-person or exempted (optional; null is none)",
    "standing_since": "the day the standing began; for inadvertent, the day it crossed (a "
    "date, as in the date column)",
    "standing_shares": "the base holding of a grandfathered or buyback-excused holder (a whole "
    "number)",
    "standing_until": "the divest-by date of an inadvertent crossing (a date)",
    "standing_cap_percent": 'the cap of a board exemption, a percent as text like "10"',
    "standing_cap_comparison": "the cap's comparison: at-least or more-than",
}
"""The optional columns giving each row's standing (see :mod:`rightsplan.standing`)."""

STANDING = pl.Enum([kind.kind for kind in STANDING_KINDS])
"""The ``standing`` output column's type: the standing kinds."""

_DATES = ("standing_since", "standing_until")
_FIELDS = {
    "standing_since": "since",
    "standing_shares": "shares",
    "standing_until": "until",
    "standing_cap_percent": "cap_percent",
    "standing_cap_comparison": "cap_comparison",
}
"""Each column's keyword of :func:`rightsplan.standing.standing_from_fields`."""


def check_types(schema: Mapping[str, pl.DataType]) -> list[pl.Expr]:
    """The standing columns of ``schema``, type-checked; text columns read as text.

    Raises :class:`ScreenInputError` naming the column whose type cannot hold its values.
    """
    exprs: list[pl.Expr] = []
    for column in STANDING_COLUMNS:
        if column not in schema:
            continue
        dtype = schema[column]
        if isinstance(dtype, pl.Null):
            exprs.append(pl.col(column))
            continue
        if column in _DATES:
            fine = isinstance(dtype, pl.Date | pl.String) or (
                isinstance(dtype, pl.Datetime) and dtype.time_zone is None
            )
            expected = "dates (a Date column, text YYYY-MM-DD, or date-times at midnight)"
        elif column == "standing_shares":
            fine = dtype.is_integer()
            expected = "whole numbers (an integer column)"
        elif column == "standing_cap_percent":
            fine = isinstance(dtype, pl.String | pl.Categorical | pl.Enum | pl.Decimal) or (
                dtype.is_integer()
            )
            expected = 'percentages as text, like "10" or "33 1/3"'
        else:
            fine = isinstance(dtype, pl.String | pl.Categorical | pl.Enum)
            expected = "text"
        if not fine:
            hint = " (floats are inexact)" if dtype.is_float() else ""
            raise ScreenInputError(f"{column}: expected {expected}, got {dtype}{hint}")
        if isinstance(dtype, pl.Categorical | pl.Enum | pl.Decimal) or (
            column == "standing_cap_percent" and dtype.is_integer()
        ):
            exprs.append(pl.col(column).cast(pl.String))
        else:
            exprs.append(pl.col(column))
    return exprs


def rows_with_standing(standing: pl.DataFrame) -> np.ndarray:
    """The rows that give any standing field (a standing other than none, or a detail).

    A row whose standing is null or ``none`` with no other field is an ordinary holder.
    """
    given = [pl.col(column).is_not_null() for column in standing.columns if column != "standing"]
    if "standing" in standing.columns:
        kind = pl.col("standing").cast(pl.String).str.strip_chars()
        given.append(kind.is_not_null() & (kind != "none"))
    if not given:
        return np.zeros(0, dtype=np.int64)
    mask = standing.select(pl.any_horizontal(given).fill_null(False)).to_series()
    return np.flatnonzero(mask.to_numpy())


def _day(value: object, column: str) -> pendulum.Date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        if value.time() != dt.time(0):
            raise ScreenInputError(
                f"{column}: expected dates; this date-time is not at midnight (pass the day)"
            )
        value = value.date()
    return to_date(value, what=column)


def read_standing(values: Mapping[str, object]) -> Standing:
    """The standing of one row's standing columns (``standing_from_fields``).

    Raises a :class:`~rightsplan.RightsPlanError` whose message names the column.
    """
    kind = values.get("standing")
    fields: dict[str, Any] = {}
    for column, keyword in _FIELDS.items():
        value = values.get(column)
        if column in _DATES:
            value = _day(value, column)
        elif column == "standing_shares" and isinstance(value, int) and value < 0:
            raise ScreenInputError(f"standing_shares: expected zero or more shares, got {value}")
        fields[keyword] = value
    return standing_from_fields("none" if kind is None else str(kind), **fields)


_COLUMN_OF = {
    "since": "standing_since",
    "crossed_on": "standing_since",
    "divest_by": "standing_until",
    "base_shares": "standing_shares",
    "cap": "standing_cap_percent",
}
"""The column each field of a standing is read from (its errors name the field)."""


def _failed(error: RightsPlanError, row: int) -> ScreenInputError:
    message = str(error)
    field, colon, rest = message.partition(":")
    if colon and field in _COLUMN_OF:
        message = f"{_COLUMN_OF[field]}:{rest}"
    elif not message.startswith("standing"):
        message = f"standing: {message}"
    return ScreenInputError(f"{message}, at row {row}")


class Judged:
    """The rulebook's verdicts on the rows with a standing, as output column values."""

    def __init__(self, rows: np.ndarray) -> None:
        self.rows = rows
        self.status: list[str] = []
        self.limit: list[str | None] = []
        self.comparison: list[str | None] = []
        self.max_shares: list[int | None] = []
        self.headroom: list[int | None] = []
        self.source: list[str | None] = []
        self.reason: list[str] = []

    def add(self, found: Verdict) -> None:
        limit = found.limit
        self.reason.append(found.reason)
        self.status.append(found.status.value)
        self.limit.append(format_percent(limit.percent) if limit is not None else None)
        self.comparison.append(limit.comparison.value if limit is not None else None)
        self.max_shares.append(found.max_shares)
        self.headroom.append(found.headroom)
        if limit is not None:
            self.source.append(limit.source.cite())
        elif found.exemption is not None:
            self.source.append(found.exemption.source.cite())
        else:
            self.source.append(None)


def judge(
    plans: Mapping[str, Plan],
    frame: pl.DataFrame,
    standing: pl.DataFrame | None,
    rows: np.ndarray,
    *,
    warn_at: Fraction,
    first_row: int,
) -> tuple[list[Standing], list[Verdict | None]]:
    """Each row's standing and, where a plan is (or may be) in force, the rulebook's verdict.

    ``frame`` holds the checked position columns, ``standing`` the standing columns (``None``:
    every row is ordinary); only ``rows`` are read. ``None`` where no plan is in force (the
    vectorized verdict, inactive, stands: a standing changes nothing then). On a day an
    unknown expiry decides whether the plan is in force, :func:`rightsplan.rules.if_in_force`.
    """
    taken = pl.Series(rows)
    picked = frame.select(pl.all().gather(taken)).to_dicts()
    standings: list[Standing] = []
    if standing is None:
        standings = [ORDINARY] * len(rows)
    else:
        details = standing.select(pl.all().gather(taken)).to_dicts()
        for index, values in zip(rows.tolist(), details, strict=True):
            try:
                standings.append(read_standing(values))
            except RightsPlanError as error:
                raise _failed(error, first_row + index) from None
    verdicts: list[Verdict | None] = []
    terms_of: dict[tuple[str, dt.date], tuple[Terms | None, str | None, str | None]] = {}
    for index, values, held in zip(rows.tolist(), picked, standings, strict=True):
        issuer = str(values["issuer"])
        day = values["date"]
        key = (issuer, day)
        found = terms_of.get(key)
        on = to_date(day)
        if found is None:
            found = terms_of[key] = in_force_or_unknown(plans[issuer], on)
        late = starts_after(held, on)
        if late is not None:
            raise ScreenInputError(f"standing_since: {late}, at row {first_row + index}")
        terms, why_not, unknown = found
        if terms is None or why_not is not None:
            verdicts.append(None)
            continue
        kind = values.get("kind")
        position = Position(
            str(values["holder"]),
            values["shares"],
            values["outstanding"],
            passive=bool(values.get("passive") or False),
            kind=HolderKind(kind) if kind is not None else HolderKind.OTHER,
            rights_to_acquire=values.get("rights_to_acquire") or 0,
            rights_to_acquire_later=values.get("rights_to_acquire_later") or 0,
            derivatives=values.get("derivatives") or 0,
        )
        judged = verdict(
            terms,
            position.holder,
            position.counted(terms.ownership),
            kind=position.kind,
            passive=position.passive,
            standing=held,
            ratio=warn_at,
            on=on,
        )
        verdicts.append(judged if unknown is None else if_in_force(judged, unknown))
    return standings, verdicts


def patched(
    result: pl.DataFrame,
    rows: np.ndarray,
    standings: list[Standing],
    verdicts: list[Verdict | None],
    *,
    standing: bool = True,
    reasons: bool = False,
) -> pl.DataFrame:
    """``result`` with the rulebook's verdicts on ``rows``.

    With ``standing``, a ``standing`` column (last); with ``reasons``, a ``reason`` column
    after ``source``: the rulebook's reason on ``rows``, null on the rows it did not judge.
    """
    kinds = np.zeros(result.height, dtype=np.uint8)
    order = [kind.kind for kind in STANDING_KINDS]
    kinds[rows] = [order.index(held.kind) for held in standings]
    judged = Judged(rows[[found is not None for found in verdicts]])
    for found in verdicts:
        if found is not None:
            judged.add(found)
    columns = {name: result[name] for name in result.columns}
    if judged.rows.size:
        at = judged.rows
        for name, values in (
            ("status", judged.status),
            ("limit", judged.limit),
            ("comparison", judged.comparison),
            ("source", judged.source),
        ):
            column = columns[name]
            dtype = column.dtype
            if isinstance(dtype, pl.Enum):
                known = dtype.categories.to_list()
                new = sorted({v for v in values if v is not None} - set(known))
                if new:
                    dtype = pl.Enum([*known, *new])
                    column = column.cast(dtype)
            column = column.clone()
            column.scatter(at, pl.Series(values, dtype=dtype))
            columns[name] = column
        for name, numbers in (("max_shares", judged.max_shares), ("headroom", judged.headroom)):
            column = columns[name].clone()
            column.scatter(at, pl.Series(numbers, dtype=column.dtype))
            columns[name] = column
    if reasons:
        text = pl.Series("reason", [None] * result.height, dtype=pl.String)
        if judged.rows.size:
            text.scatter(judged.rows, pl.Series(judged.reason, dtype=pl.String))
        names = list(columns)
        cut = names.index("source") + 1
        columns = {
            **{name: columns[name] for name in names[:cut]},
            "reason": text,
            **{name: columns[name] for name in names[cut:]},
        }
    if standing:
        columns["standing"] = pl.Series("standing", order, dtype=STANDING).gather(kinds)
    assert set(judged.status) <= set(STATUSES)
    return pl.DataFrame(list(columns.values()))
