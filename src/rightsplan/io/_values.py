"""Reading one value from a file: strict, with the field path in every message (private).

Each reader takes the raw value a parser produced and the path of the field (``what``), and
returns the model's value or raises a :class:`~rightsplan.errors.RightsPlanError` whose
message starts with ``what``. Values are described with :func:`show`, which never prints a
huge value in full.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import TypeVar

import pendulum

from rightsplan import _check
from rightsplan.dates import to_date
from rightsplan.errors import (
    InputTypeError,
    InvalidDateError,
    InvalidInputError,
    PercentTypeError,
    RightsPlanError,
)
from rightsplan.percent import format_percent, to_percent
from rightsplan.unknowns import UnknownDate, UnknownPercent, UnknownShares

E = TypeVar("E", bound=enum.Enum)

MAX_BITS = 256
"""Integers wider than this are refused before anything tries to print them."""
MAX_TEXT = 10_000
"""Longer text in a number or date field is refused without being parsed."""
MAX_EXPONENT = 1_000
"""A decimal number from a TOML or JSON file (``4.99``, ``5e1``) whose exponent is beyond
this is refused before it is made exact: ``1e999999999`` would take a billion digits."""


def show(value: object) -> str:
    """A short description of a raw value for an error message."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        if value.bit_length() > MAX_BITS:
            return f"a {value.bit_length()}-bit integer"
        return repr(value)
    if isinstance(value, float):
        return f"{value!r} (a float)"
    if isinstance(value, Decimal):
        if not value.is_finite() or abs(value.adjusted()) > MAX_EXPONENT:
            return "a number too large or too small to be a plan's"
        return f"the number {value}"
    if isinstance(value, str):
        return repr(value) if len(value) <= 60 else f"{value[:57]!r}... ({len(value)} characters)"
    if isinstance(value, dt.datetime):
        return f"the date-time {value.isoformat()}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list | tuple):
        return "a list"
    return f"a value of type {type(value).__name__}"


def _check_size(value: object, what: str) -> None:
    if isinstance(value, int) and value.bit_length() > MAX_BITS:
        raise InvalidInputError(f"{what}: {show(value)} is far too large")
    if isinstance(value, str) and len(value) > MAX_TEXT:
        raise InvalidInputError(f"{what}: {show(value)} is far too long")
    if isinstance(value, Decimal) and value.is_finite() and abs(value.adjusted()) > MAX_EXPONENT:
        raise InvalidInputError(f"{what}: {show(value)} is far too large or too small")


def text(value: object, what: str) -> str:
    """Non-blank text."""
    if not isinstance(value, str):
        raise InputTypeError(f"{what}: expected text, got {show(value)}")
    return _check.text(value, what)


def texts(value: object, what: str) -> tuple[str, ...]:
    """A list of non-blank texts."""
    if not isinstance(value, list | tuple):
        raise InputTypeError(f'{what}: expected a list of text like ["A", "B"], got {show(value)}')
    return tuple(text(item, f"{what}[{index}]") for index, item in enumerate(value))


def flag(value: object, what: str) -> bool:
    """``true`` or ``false``, never text or a number."""
    if not isinstance(value, bool):
        raise InputTypeError(f"{what}: expected true or false, got {show(value)}")
    return value


def whole_number(value: object, what: str) -> int:
    """A whole number, never a float or a boolean."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputTypeError(f"{what}: expected a whole number, got {show(value)}")
    _check_size(value, what)
    return value


def _float_hint(value: float) -> str:
    if value != value or value in (float("inf"), float("-inf")):
        return 'write a finite percentage as a string, like "25"'
    return f'write it as a string: "{format_percent(Fraction(Decimal(repr(value))))}"'


def percent(value: object, what: str) -> Fraction:
    """A percentage: a string (``"4.99"``, ``"33 1/3"``), an integer, or a decimal number.

    A decimal number (``4.99`` in TOML or JSON) arrives as the :class:`~decimal.Decimal` the
    parser read from its text, exactly; a float (YAML's ``4.99``) is refused.
    """
    if isinstance(value, float):
        raise PercentTypeError(
            f'{what}: expected a percentage like "25" or "4.99", got {value!r} (a float); '
            f"{_float_hint(value)}"
        )
    if isinstance(value, bool) or not isinstance(value, int | str | Decimal):
        raise PercentTypeError(
            f'{what}: expected a percentage like "25" or "4.99" (a string or a number), '
            f"got {show(value)}"
        )
    _check_size(value, what)
    return to_percent(value, what=what)


def date(value: object, what: str) -> pendulum.Date:
    """A date: a TOML or YAML date, or a strict ``"YYYY-MM-DD"`` string."""
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date | str):
        raise InvalidDateError(
            f'{what}: expected a date like 2003-11-24 (or the string "2003-11-24"), '
            f"got {show(value)}"
        )
    _check_size(value, what)
    return to_date(value, what=what)


def decimal(value: object, what: str) -> Decimal:
    """A non-negative decimal amount, such as a redemption price, written as a string."""
    if isinstance(value, float):
        raise InputTypeError(
            f'{what}: expected a decimal amount like "0.001", got {value!r} (a float); '
            f'write it as a string: "{value!r}"'
        )
    if isinstance(value, bool) or not isinstance(value, int | str | Decimal):
        raise InputTypeError(f'{what}: expected a decimal amount like "0.001", got {show(value)}')
    _check_size(value, what)
    try:
        amount = Decimal(value.strip() if isinstance(value, str) else value)
    except ArithmeticError:
        amount = None
    if amount is None or not amount.is_finite() or amount < 0:
        raise InvalidInputError(
            f'{what}: expected a decimal amount of zero or more like "0.001", got {show(value)}'
        )
    return amount


def member(kind: type[E], value: object, what: str) -> E:
    """One of an enumeration's values, by its text (``"at-least"``, ``"benefit-plan"``)."""
    choices = ", ".join(f'"{item.value}"' for item in kind)
    if isinstance(value, str):
        for item in kind:
            if item.value == value:
                return item
    raise InvalidInputError(f"{what}: expected one of {choices}, got {show(value)}")


UNKNOWN = "unknown"
"""How a file says a term is unknown without bounds; with bounds, ``{unknown = true, ...}``."""


def _unknown(
    value: object, what: str, bounds: dict[str, Callable[[object, str], object]]
) -> dict[str, object]:
    """The bounds of an unknown term written ``"unknown"`` or ``{unknown = true, ...}``."""
    if value == UNKNOWN:
        return {}
    keys = ", ".join(("unknown", *bounds, "reason"))
    if not isinstance(value, dict):
        raise InputTypeError(f'{what}: expected "unknown" or a table of {keys}, got {show(value)}')
    for key in value:
        if key not in ("unknown", "reason", *bounds):
            raise InvalidInputError(f"{what}: unknown key {show(key)}; expected one of: {keys}")
    if value.get("unknown") is not True:
        raise InvalidInputError(
            f"{what}.unknown: a table here describes an unknown term and needs unknown = true, "
            f"got {show(value.get('unknown'))}"
        )
    read: dict[str, object] = {}
    for key, reader in (*bounds.items(), ("reason", text)):
        if value.get(key) is not None:
            read[key] = reader(value[key], f"{what}.{key}")
    return read


def _built(cls: Callable[..., object], values: dict[str, object], what: str) -> object:
    try:
        return cls(**values)
    except RightsPlanError as error:
        raise InvalidInputError(f"{what}.{error}") from None


def percent_or_unknown(value: object, what: str) -> Fraction | UnknownPercent:
    """A percentage, or ``"unknown"``, or ``{unknown = true, at_least = "10", at_most = "20"}``."""
    if value == UNKNOWN or isinstance(value, dict):
        bounds = _unknown(value, what, {"at_least": percent, "at_most": percent})
        built = _built(UnknownPercent, bounds, what)
        assert isinstance(built, UnknownPercent)
        return built
    return percent(value, what)


def shares_or_unknown(value: object, what: str) -> int | UnknownShares:
    """A number of shares, or ``"unknown"``, or ``{unknown = true, at_least = 3000000}``."""
    if value == UNKNOWN or isinstance(value, dict):
        bounds = _unknown(value, what, {"at_least": whole_number, "at_most": whole_number})
        built = _built(UnknownShares, bounds, what)
        assert isinstance(built, UnknownShares)
        return built
    return whole_number(value, what)


def date_or_unknown(value: object, what: str) -> pendulum.Date | UnknownDate:
    """A date, or ``"unknown"``, or ``{unknown = true, on_or_after = 2025-08-13}``."""
    if value == UNKNOWN or isinstance(value, dict):
        bounds = _unknown(value, what, {"on_or_after": date, "on_or_before": date})
        built = _built(UnknownDate, bounds, what)
        assert isinstance(built, UnknownDate)
        return built
    return date(value, what)


__all__ = [
    "MAX_BITS",
    "UNKNOWN",
    "date",
    "date_or_unknown",
    "decimal",
    "flag",
    "member",
    "percent",
    "percent_or_unknown",
    "shares_or_unknown",
    "show",
    "text",
    "texts",
    "whole_number",
]
