"""Business days, for the clock that runs after a plan is triggered.

A plan's Distribution Date usually falls at the close of business on the 10th business day
after the Shares Acquisition Date, where a business day is one on which New York banks and
the exchange are open. The holidays come from the maintained ``holidays`` package (the New
York Stock Exchange's calendar, including its unscheduled closures, and the Federal Reserve's),
never from a hand-written list. Each calendar states the range of dates it covers; a date
outside it is an error, not a guess.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import attrs
import holidays
import pendulum

from rightsplan.dates import DateLike, to_date
from rightsplan.errors import InvalidInputError

__all__ = ["BusinessCalendar", "CalendarRangeError", "new_york", "new_york_or_nyse", "nyse"]


class CalendarRangeError(InvalidInputError):
    """A date falls outside the range a business-day calendar covers."""


@attrs.frozen
class BusinessCalendar:
    """Business days between ``first`` and ``last``: weekdays that are not holidays.

    Build one with :func:`new_york` or :func:`nyse`, or from any ``is_holiday`` function.

    >>> cal = new_york()
    >>> cal.add_business_days("2003-11-24", 10).isoformat()   # Thanksgiving on 11-27
    '2003-12-09'
    """

    name: str
    first: pendulum.Date
    last: pendulum.Date
    is_holiday: Callable[[dt.date], bool] = attrs.field(eq=False, repr=False)

    def _check(self, day: pendulum.Date) -> None:
        if not self.first <= day <= self.last:
            raise CalendarRangeError(
                f"{day.isoformat()} is outside the {self.name} calendar, which covers "
                f"{self.first.isoformat()} to {self.last.isoformat()}{_which_would(self, day)}"
            )

    def is_business_day(self, on: DateLike) -> bool:
        """Whether ``on`` is a business day."""
        day = to_date(on, what="on")
        self._check(day)
        return day.isoweekday() < 6 and not self.is_holiday(day)

    def add_business_days(self, on: DateLike, days: int) -> pendulum.Date:
        """The ``days``-th business day after ``on`` (``on`` itself is not counted)."""
        day = to_date(on, what="on")
        if isinstance(days, bool) or not isinstance(days, int) or days < 0:
            raise InvalidInputError(f"days: expected zero or more whole days, got {days!r}")
        self._check(day)
        counted = 0
        while counted < days:
            day = day.add(days=1)
            if self.is_business_day(day):
                counted += 1
        return day

    def add_days(self, on: DateLike, days: int, *, business: bool) -> pendulum.Date:
        """``days`` business days after ``on`` if ``business``, else calendar days."""
        if business:
            return self.add_business_days(on, days)
        day = to_date(on, what="on")
        if isinstance(days, bool) or not isinstance(days, int) or days < 0:
            raise InvalidInputError(f"days: expected zero or more whole days, got {days!r}")
        try:
            return day.add(days=days)
        except OverflowError:  # past 9999-12-31, or more days than a timedelta holds
            raise CalendarRangeError(
                f"{days:,} calendar days after {day.isoformat()} is past the last date "
                "rightsplan can count to (9999-12-31)"
            ) from None


def _holiday_test(*markets: str) -> Callable[[dt.date], bool]:
    calendars = [holidays.financial_holidays(market) for market in markets]

    def is_holiday(day: dt.date) -> bool:
        return any(day in calendar for calendar in calendars)

    return is_holiday


def _years(*markets: str) -> tuple[pendulum.Date, pendulum.Date]:
    classes = [type(holidays.financial_holidays(market)) for market in markets]
    first = max(int(getattr(cls, "start_year", 1900)) for cls in classes)
    last = min(int(getattr(cls, "end_year", 2099)) for cls in classes)
    return pendulum.Date(first, 1, 1), pendulum.Date(last, 12, 31)


def new_york() -> BusinessCalendar:
    """New York banks and the New York Stock Exchange both open (the usual plan wording).

    Holidays are the union of the NYSE's (with its unscheduled closures) and the Federal
    Reserve's; the range is where the ``holidays`` package covers both.
    """
    first, last = _years("NYSE", "FED")
    return BusinessCalendar(
        "New York (NYSE and Federal Reserve)", first, last, _holiday_test("NYSE", "FED")
    )


def nyse() -> BusinessCalendar:
    """The New York Stock Exchange alone, for plans (or dates) the Federal Reserve data miss."""
    first, last = _years("NYSE")
    return BusinessCalendar("New York Stock Exchange", first, last, _holiday_test("NYSE"))


def new_york_or_nyse() -> BusinessCalendar:
    """:func:`new_york` where it reaches, the NYSE alone before (the default of ``replay``).

    The ``holidays`` package has the Federal Reserve's holidays from 1999 only; many plans
    are older (Innotrac's is of 1997). Before :func:`new_york`'s first day, a business day
    is one on which the exchange is open; from it on, banks and the exchange both. A
    replay that counts a day before it says so in its notes.

    >>> cal = new_york_or_nyse()
    >>> cal.add_business_days("1998-11-24", 10).isoformat()   # Thanksgiving on 11-26
    '1998-12-09'
    """
    both, exchange = new_york(), nyse()
    fed_from = both.first

    def is_holiday(day: dt.date) -> bool:
        return exchange.is_holiday(day) if day < fed_from else both.is_holiday(day)

    return BusinessCalendar(
        f"New York (NYSE and Federal Reserve; NYSE alone before {fed_from.isoformat()})",
        exchange.first,
        min(both.last, exchange.last),
        is_holiday,
    )


def _which_would(calendar: BusinessCalendar, day: pendulum.Date) -> str:
    """A hint naming a calendar that covers ``day``, when one does."""
    for other, how in ((nyse(), "rightsplan.calendars.nyse(), --calendar nyse"),):
        if other.name != calendar.name and other.first <= day <= other.last:
            return (
                f"; the {other.name} calendar ({how}) covers {other.first.isoformat()} to "
                f"{other.last.isoformat()}"
            )
    return ""
