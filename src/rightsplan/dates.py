"""Dates as dates: :class:`pendulum.Date`, read strictly.

A date may be given as a :class:`pendulum.Date`, a :class:`datetime.date` or a strict ISO
``YYYY-MM-DD`` string. A ``datetime`` is refused (a time of day is not a date), and so are
compact forms such as ``"20031124"``. There is no implicit "today" anywhere in rightsplan.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import TypeAlias

import pendulum

from rightsplan.errors import InvalidDateError

__all__ = ["DateLike", "to_date"]

DateLike: TypeAlias = pendulum.Date | dt.date | str
"""What a date may be given as: ``pendulum.Date``, ``datetime.date`` or ``"YYYY-MM-DD"``."""

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def to_date(value: object, *, what: str = "date") -> pendulum.Date:
    """Read a date strictly and return it as a :class:`pendulum.Date`.

    ``what`` names the value in error messages.

    >>> to_date("2003-11-24")
    Date(2003, 11, 24)
    """
    if type(value) is pendulum.Date:
        return value
    if type(value) is dt.date:
        return _from_stdlib(value)
    if isinstance(value, dt.datetime):
        raise InvalidDateError(
            f"{what}: expected a date, got the date-time {value.isoformat()!r}; "
            "pass value.date() if the day is what you mean"
        )
    if isinstance(value, pendulum.Date):
        return value
    if isinstance(value, dt.date):
        return pendulum.Date(value.year, value.month, value.day)
    if type(value) is str:
        return _from_iso(value, what)
    if isinstance(value, str):
        return _from_iso.__wrapped__(value, what)
    raise InvalidDateError(
        f'{what}: expected a date (pendulum.Date, datetime.date or "YYYY-MM-DD"), '
        f"got {value!r} of type {type(value).__name__}"
    )


# Dates are immutable, so equal inputs may share one result: the same few thousand days come
# back again and again (a screen, a history, a benchmark), and building a pendulum.Date or
# matching the ISO pattern costs more than looking one up.


@functools.lru_cache(maxsize=4096)
def _from_stdlib(value: dt.date) -> pendulum.Date:
    """The pendulum.Date for a plain ``datetime.date`` (exactly that type)."""
    return pendulum.Date(value.year, value.month, value.day)


@functools.lru_cache(maxsize=4096)
def _from_iso(value: str, what: str) -> pendulum.Date:
    """The pendulum.Date for strict ISO text; errors are raised afresh, never cached."""
    match = _ISO_DATE.fullmatch(value)
    if match is None:
        raise InvalidDateError(
            f'{what}: expected an ISO date like "2003-11-24" (YYYY-MM-DD), got {value!r}'
        )
    year, month, day = (int(part) for part in match.groups())
    try:
        return pendulum.Date(year, month, day)
    except ValueError as error:
        raise InvalidDateError(f"{what}: {value!r} is not a real day ({error})") from None
