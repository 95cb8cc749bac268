"""Dates as dates: :class:`pendulum.Date`, read strictly.

A date may be given as a :class:`pendulum.Date`, a :class:`datetime.date` or a strict ISO
``YYYY-MM-DD`` string. A ``datetime`` is refused (a time of day is not a date), and so are
compact forms such as ``"20031124"``. There is no implicit "today" anywhere in rightsplan.
"""

from __future__ import annotations

import datetime as dt
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
    if isinstance(value, dt.datetime):
        raise InvalidDateError(
            f"{what}: expected a date, got the date-time {value.isoformat()!r}; "
            "pass value.date() if the day is what you mean"
        )
    if isinstance(value, pendulum.Date):
        return value
    if isinstance(value, dt.date):
        return pendulum.Date(value.year, value.month, value.day)
    if isinstance(value, str):
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
    raise InvalidDateError(
        f'{what}: expected a date (pendulum.Date, datetime.date or "YYYY-MM-DD"), '
        f"got {value!r} of type {type(value).__name__}"
    )
