"""Dates as dates: :class:`pendulum.Date`, read strictly.

A date may be given as a :class:`pendulum.Date`, a :class:`datetime.date` or a strict ISO
``YYYY-MM-DD`` string; from a data frame, a pandas ``Timestamp`` or a ``numpy.datetime64``
at midnight (what a date column holds). A ``datetime`` is refused (a time of day is not a
date), and so are a ``Timestamp`` or ``datetime64`` with a time of day, a ``Timestamp`` in a
time zone other than UTC (its day depends on the zone), and compact forms such as
``"20031124"``. There is no implicit "today" anywhere in rightsplan.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import sys
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
    frame_day = _frame_date(value, what)
    if frame_day is not None:
        return frame_day
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


def _frame_date(value: object, what: str) -> pendulum.Date | None:
    """The day of a pandas ``Timestamp`` or ``numpy.datetime64`` at midnight, else ``None``.

    Neither library is imported here: a value can only be one of theirs if it is loaded.
    """
    pandas = sys.modules.get("pandas")
    if pandas is not None and isinstance(value, pandas.Timestamp):
        shown = f"the pandas Timestamp {str(value)!r}"
        offset = value.utcoffset()
        if offset is not None and offset != dt.timedelta(0):
            raise InvalidDateError(
                f"{what}: expected a date, got {shown} in the time zone {value.tzname()}, "
                "whose day depends on the zone; pass ts.tz_localize(None) for its local day "
                "or ts.tz_convert('UTC') for the day in UTC"
            )
        if (value.hour, value.minute, value.second, value.microsecond, value.nanosecond) != (
            0,
            0,
            0,
            0,
            0,
        ):
            raise InvalidDateError(
                f"{what}: expected a date, got {shown}, which has a time of day; pass "
                "ts.normalize() if the day is what you mean"
            )
        return pendulum.Date(value.year, value.month, value.day)
    if value is not None and type(value).__name__ == "NaTType":
        raise InvalidDateError(f"{what}: expected a date, got a missing date (NaT)")
    numpy = sys.modules.get("numpy")
    if numpy is not None and isinstance(value, numpy.datetime64):
        if numpy.isnat(value):
            raise InvalidDateError(f"{what}: expected a date, got a missing date (NaT)")
        day = value.astype("datetime64[D]")
        if day != value:
            raise InvalidDateError(
                f"{what}: expected a date, got numpy.datetime64({str(value)!r}), which has a "
                "time of day; pass value.astype('datetime64[D]') if the day is what you mean"
            )
        return _from_iso.__wrapped__(str(day), what)
    return None


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
