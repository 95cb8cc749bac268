"""Holdings files: CSV (``.csv``) and JSON lines (``.jsonl``), one holding per row.

Columns (CSV header, or JSON keys): ``holder``, ``shares``, ``outstanding`` (required);
``passive`` (``true``/``false``, default false), ``date`` (``YYYY-MM-DD``), ``kind``
(``other`` by default, or ``company``, ``subsidiary``, ``benefit-plan``, ``government``),
``rights_to_acquire``, ``rights_to_acquire_later`` and ``derivatives`` (share counts,
default 0). Share counts are whole numbers; in CSV, thousands separators are allowed
(``"2,800,500"``). Every bad row is reported at once, with its line and column.

The optional standing columns say what the holder's past makes of the holding (see
:mod:`rightsplan.standing`): ``standing`` (``none``, the default, ``grandfathered``,
``buyback``, ``inadvertent``, ``acquiring-person`` or ``exempted``), ``standing_since``,
``standing_shares``, ``standing_until``, ``standing_cap_percent`` and
``standing_cap_comparison``; :func:`rightsplan.standing.standing_from_fields` says which kind
uses which. A value a row's kind does not use is an error, never dropped.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Callable, Mapping
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pendulum

from rightsplan.errors import (
    HoldingsFileError,
    InputTypeError,
    InvalidInputError,
    InvalidPositionError,
    RightsPlanError,
)
from rightsplan.io import _json, _values
from rightsplan.io._csv import csv_rows
from rightsplan.io._files import jsonl_lines, read_bytes
from rightsplan.io.formats import ParseError, text_of
from rightsplan.ownership import Position
from rightsplan.percent import Comparison, format_percent
from rightsplan.standing import (
    ORDINARY,
    STANDING_KINDS,
    BoardExempted,
    BuybackExcused,
    Grandfathered,
    InadvertentExcused,
    Ordinary,
    Standing,
    check_standing,
    standing_from_fields,
    starts_after,
)
from rightsplan.terms import HolderKind

__all__ = [
    "COLUMNS",
    "REQUIRED_COLUMNS",
    "STANDING_COLUMNS",
    "Holding",
    "load_holdings",
    "loads_holdings",
    "standing_columns",
]

REQUIRED_COLUMNS = ("holder", "shares", "outstanding")
"""The columns every holdings file has."""
_POSITION_COLUMNS = (
    *REQUIRED_COLUMNS,
    "passive",
    "date",
    "kind",
    "rights_to_acquire",
    "rights_to_acquire_later",
    "derivatives",
)
STANDING_COLUMNS = (
    "standing",
    "standing_since",
    "standing_shares",
    "standing_until",
    "standing_cap_percent",
    "standing_cap_comparison",
)
"""The optional columns that give the holder's standing (see ``standing_from_fields``)."""
COLUMNS = (*_POSITION_COLUMNS, *STANDING_COLUMNS)
"""Every column a holdings file may have."""
_COUNTS = ("shares", "outstanding", "rights_to_acquire", "rights_to_acquire_later", "derivatives")
_COUNT = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)")
_MAX_DIGITS = 40
_EXTENSIONS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}


def _position(value: Position) -> Position:
    if not isinstance(value, Position):
        raise InputTypeError(f"position: expected a Position, got {value!r}")
    return value


def _optional_date(value: pendulum.Date | None) -> pendulum.Date | None:
    return None if value is None else _values.date(value, "date")


def _line(value: int) -> int:
    return _values.whole_number(value, "line")


@attrs.frozen
class Holding:
    """One row of a holdings file: the position, the date it was held (if given), the line.

    ``date`` is ``None`` when the row gives none; the caller decides which date applies
    (``rightsplan check --on``). ``line`` is where the row starts in the file (1 is the
    header of a CSV file). ``standing`` is what the holder's past makes of the holding
    (:class:`~rightsplan.Ordinary` when the row gives none); it may not start after the
    row's date.
    """

    position: Position = attrs.field(converter=_position)
    date: pendulum.Date | None = attrs.field(default=None, converter=_optional_date)
    line: int = attrs.field(default=0, kw_only=True, converter=_line)
    standing: Standing = attrs.field(default=ORDINARY, kw_only=True, converter=check_standing)

    def __attrs_post_init__(self) -> None:
        if self.date is not None:
            problem = self.standing_problem(self.date)
            if problem is not None:
                raise InvalidInputError(problem)

    def standing_problem(self, on: pendulum.Date) -> str | None:
        """Why the standing cannot apply to a holding ``on`` that date, or ``None`` if it can.

        A standing that starts after the holding (grandfathered by an amendment not yet
        made, say) says nothing about it; the row is wrong, not the plan.
        """
        problem = starts_after(self.standing, on)
        return None if problem is None else f"standing_since: {problem}"


def _absent(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _count(value: object, what: str) -> int:
    if isinstance(value, str):
        text = value.strip()
        if len(text) > _MAX_DIGITS or _COUNT.fullmatch(text) is None:
            raise InvalidInputError(
                f"{what}: expected a whole number of shares like 2800500 or 2,800,500, "
                f"got {_values.show(value)}"
            )
        number = int(text.replace(",", ""))
    elif isinstance(value, float):
        raise InputTypeError(f"{what}: expected a whole number of shares, got {value!r} (a float)")
    else:
        number = _values.whole_number(value, what)
    if number < 0:
        raise InvalidPositionError(f"{what}: expected zero or more shares, got {number:,}")
    if what == "outstanding" and number == 0:
        raise InvalidPositionError(
            "outstanding: expected a positive number of shares outstanding, got 0"
        )
    return number


def _flag(value: object, what: str) -> bool:
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    if isinstance(value, bool):
        return value
    raise InvalidInputError(f"{what}: expected true or false, got {_values.show(value)}")


def _text(value: object, what: str) -> str:
    text = _values.text(value.strip() if isinstance(value, str) else value, what)
    if any(unicodedata.category(char) == "Cc" and char not in "\t\n\r" for char in text):
        raise InvalidInputError(
            f"{what}: {_values.show(text)} contains control characters; is this a text file?"
        )
    return text


def _date(value: object, what: str) -> pendulum.Date:
    return _values.date(value.strip() if isinstance(value, str) else value, what)


def _kind(value: object, what: str) -> HolderKind:
    return _values.member(HolderKind, value.strip() if isinstance(value, str) else value, what)


_STANDING_NAMES = tuple(kind.kind for kind in STANDING_KINDS)


def _standing_kind(value: object, what: str) -> str:
    name = value.strip() if isinstance(value, str) else value
    if name not in _STANDING_NAMES:
        raise InvalidInputError(
            f"{what}: expected one of {', '.join(_STANDING_NAMES)}, got {_values.show(value)}"
        )
    assert isinstance(name, str)
    return name


def _percent(value: object, what: str) -> Fraction:
    return _values.percent(value.strip() if isinstance(value, str) else value, what)


def _comparison(value: object, what: str) -> Comparison:
    return _values.member(Comparison, value.strip() if isinstance(value, str) else value, what)


_READERS: dict[str, Callable[[object, str], object]] = {
    "holder": _text,
    "passive": _flag,
    "date": _date,
    "kind": _kind,
    **dict.fromkeys(_COUNTS, _count),
    "standing": _standing_kind,
    "standing_since": _date,
    "standing_shares": _count,
    "standing_until": _date,
    "standing_cap_percent": _percent,
    "standing_cap_comparison": _comparison,
}


# The standing classes name their own fields (a divest-by date before the crossing is a
# "divest_by" problem); a file's reader knows the column.
_STANDING_FIELD_COLUMNS = {
    "since": "standing_since",
    "base_shares": "standing_shares",
    "divest_by": "standing_until",
    "percent": "standing_cap_percent",
}


def _column_named(message: str) -> str:
    field, _, rest = message.partition(": ")
    column = _STANDING_FIELD_COLUMNS.get(field)
    return f"{column}: {rest}" if column is not None and rest else message


def _row(values: Mapping[str, object], name: str, line: int, problems: list[str]) -> Holding | None:
    """One row's values (absent ones omitted or blank) as a holding, or ``None`` and problems."""
    where = f"{name}:{line}"
    before = len(problems)
    read: dict[str, Any] = {}  # each value checked by its reader, then by Position
    for column in COLUMNS:
        raw = values.get(column)
        if _absent(raw):
            if column in REQUIRED_COLUMNS:
                problems.append(f"{where}: {column}: missing")
            continue
        try:
            read[column] = _READERS[column](raw, column)
        except RightsPlanError as error:
            problems.append(f"{where}: {error}")
    standing: Standing = ORDINARY
    if len(problems) == before and any(column in read for column in STANDING_COLUMNS):
        try:
            standing = standing_from_fields(
                read.pop("standing", "none"),
                since=read.pop("standing_since", None),
                shares=read.pop("standing_shares", None),
                until=read.pop("standing_until", None),
                cap_percent=read.pop("standing_cap_percent", None),
                cap_comparison=read.pop("standing_cap_comparison", None),
            )
        except RightsPlanError as error:
            problems.append(f"{where}: {_column_named(str(error))}")
    if len(problems) > before:
        return None
    try:
        on = read.pop("date", None)
        return Holding(Position(**read), on, line=line, standing=standing)
    except RightsPlanError as error:
        problems.append(f"{where}: {error}")
        return None


def standing_columns(standing: Standing) -> dict[str, str | int | None]:
    """A standing as the standing columns of a holdings file (``None``: left blank).

    The inverse of reading them: ``standing_from_fields`` given these values (with the
    ``standing_`` prefix dropped) gives back a standing of the same kind, dates, base and
    cap. What a file cannot say is left out: the source of a grandfathering, its clause, a
    buyback tolerance, the cause of an Acquiring Person's crossing.
    """
    standing = check_standing(standing)
    columns: dict[str, str | int | None] = dict.fromkeys(STANDING_COLUMNS)
    columns["standing"] = standing.kind
    if isinstance(standing, Ordinary):
        return columns
    columns["standing_since"] = standing.since.isoformat()
    if isinstance(standing, Grandfathered | BuybackExcused):
        columns["standing_shares"] = standing.base_shares
    elif isinstance(standing, InadvertentExcused):
        columns["standing_until"] = standing.divest_by.isoformat()
    elif isinstance(standing, BoardExempted) and standing.cap is not None:
        columns["standing_cap_percent"] = format_percent(standing.cap.percent)
        columns["standing_cap_comparison"] = standing.cap.comparison.value
    return columns


def _from_csv(text: str, name: str) -> tuple[list[Holding], list[str]]:
    problems: list[str] = []
    holdings: list[Holding] = []
    rows = csv_rows(
        text,
        name,
        known=COLUMNS,
        required=REQUIRED_COLUMNS,
        example=f"{','.join(REQUIRED_COLUMNS)},passive,date",
        problems=problems,
    )
    for line, values in rows:
        holding = _row(values, name, line, problems)
        if holding is not None:
            holdings.append(holding)
    return holdings, problems


def _from_jsonl(text: str, name: str) -> tuple[list[Holding], list[str]]:
    problems: list[str] = []
    holdings: list[Holding] = []
    for number, line in jsonl_lines(text):
        where = f"{name}:{number}"
        try:
            value = _json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(f"{where}: column {error.colno}: not valid JSON: {error.msg}")
            continue
        except _json.DuplicateKeyError as error:
            problems.append(f"{where}: {str(error).removeprefix('line 1, ')}")
            continue
        except (ValueError, RecursionError) as error:
            problems.append(f"{where}: not valid JSON: {error}")
            continue
        if not isinstance(value, dict):
            problems.append(
                f"{where}: expected an object with keys {', '.join(REQUIRED_COLUMNS)}, "
                f"got {_values.show(value)}"
            )
            continue
        unknown = [key for key in value if key not in COLUMNS]
        for key in unknown:
            problems.append(
                f"{where}: unknown key {_values.show(key)}; expected some of: {', '.join(COLUMNS)}"
            )
        if unknown:
            continue
        holding = _row(value, name, number, problems)
        if holding is not None:
            holdings.append(holding)
    return holdings, problems


def loads_holdings(
    data: bytes | str, fmt: str = "csv", *, name: str = "<holdings>"
) -> tuple[Holding, ...]:
    """Read holdings from the contents of a ``"csv"`` or ``"jsonl"`` file.

    ``name`` is used for the file in error messages. Raises
    :class:`~rightsplan.HoldingsFileError` listing every bad row.
    """
    if fmt not in ("csv", "jsonl"):
        raise ValueError(f'fmt: expected "csv" or "jsonl", got {fmt!r}')
    if isinstance(data, str):
        text = data
    else:
        try:
            text = text_of(data)
        except ParseError as error:
            raise HoldingsFileError(name, (f"{name}: {error}",)) from None
    holdings, problems = (_from_csv if fmt == "csv" else _from_jsonl)(text, name)
    if not problems and not holdings:
        problems.append(f"{name}: no holdings: the file has no rows after the header")
    if problems:
        raise HoldingsFileError(name, tuple(problems))
    return tuple(holdings)


def load_holdings(path: str | os.PathLike[str]) -> tuple[Holding, ...]:
    """Read a holdings file: CSV (``.csv``) or JSON lines (``.jsonl``), one holding a row.

    >>> import rightsplan as rp
    >>> first = rp.load_holdings("examples/innotrac/holdings.csv")[0]
    >>> first.position.shares, first.date
    (2800500, Date(2003, 9, 1))
    """
    where = Path(path)
    name = os.fspath(path)
    fmt = _EXTENSIONS.get(where.suffix.lower())
    if fmt is None:
        raise HoldingsFileError(
            name,
            (
                f"{name}: cannot tell the format from the extension "
                f"{where.suffix or '(none)'!r}; expected a .csv or .jsonl file",
            ),
        )
    data = read_bytes(where)
    if isinstance(data, str):
        raise HoldingsFileError(name, (f"{name}: {data}",))
    return loads_holdings(data, fmt, name=name)
