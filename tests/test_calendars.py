"""Business days from maintained holiday calendars, within their stated range."""

from __future__ import annotations

import pendulum
import pytest
from hypothesis import given

import rightsplan as rp

from .strategies import dates


class TestNewYork:
    calendar = rp.calendars.new_york()

    def test_weekends_and_holidays_are_not_business_days(self) -> None:
        """Saturdays, Sundays, Thanksgiving and Columbus Day (banks closed) are skipped."""
        assert not self.calendar.is_business_day("2003-11-22")  # Saturday
        assert not self.calendar.is_business_day("2003-11-27")  # Thanksgiving
        assert not self.calendar.is_business_day("2003-10-13")  # Columbus Day: banks closed
        assert self.calendar.is_business_day("2003-11-28")  # the day after Thanksgiving

    def test_unscheduled_closures_come_from_the_library(self) -> None:
        """The exchange's closures after 2001-09-11 and for Hurricane Sandy are holidays."""
        for day in ("2001-09-11", "2001-09-14", "2012-10-29", "2012-10-30"):
            assert not self.calendar.is_business_day(day)

    def test_tenth_business_day(self) -> None:
        """Ten business days after 2003-11-24, across Thanksgiving, is 2003-12-09."""
        assert self.calendar.add_business_days("2003-11-24", 10) == pendulum.Date(2003, 12, 9)
        assert self.calendar.add_business_days("2003-11-24", 0) == pendulum.Date(2003, 11, 24)

    def test_calendar_days(self) -> None:
        """Plans that count calendar days simply add days."""
        assert self.calendar.add_days("2003-11-24", 10, business=False) == pendulum.Date(
            2003, 12, 4
        )

    def test_dates_outside_the_range_are_errors(self) -> None:
        """The combined calendar starts in 1999, where the Federal Reserve data start."""
        assert self.calendar.first == pendulum.Date(1999, 1, 1)
        with pytest.raises(rp.CalendarRangeError, match="1998-06-01 is outside the New York"):
            self.calendar.add_business_days("1998-06-01", 10)
        with pytest.raises(rp.CalendarRangeError):
            self.calendar.is_business_day(self.calendar.last.add(days=1))

    def test_bad_day_counts(self) -> None:
        """A negative, fractional or boolean day count is refused."""
        for days in (-1, 1.5, True):
            with pytest.raises(rp.InvalidInputError, match="days"):
                self.calendar.add_business_days("2003-11-24", days)  # type: ignore[arg-type]

    @given(dates(pendulum.Date(1999, 1, 1), pendulum.Date(2090, 12, 31)))
    def test_result_is_a_business_day_after_the_start(self, day: pendulum.Date) -> None:
        """The n-th business day after a date is a later business day, with n-1 in between."""
        result = self.calendar.add_business_days(day, 10)
        assert result > day
        assert self.calendar.is_business_day(result)
        between = [day.add(days=i) for i in range(1, (result - day).in_days())]
        assert sum(self.calendar.is_business_day(d) for d in between) == 9


class TestNyse:
    def test_reaches_back_before_1999(self) -> None:
        """The exchange-only calendar covers Innotrac's 1997 agreement date."""
        calendar = rp.calendars.nyse()
        assert calendar.add_business_days("1997-12-31", 1) == pendulum.Date(1998, 1, 2)


class TestNewYorkOrNyse:
    calendar = rp.calendars.new_york_or_nyse()

    @given(dates(pendulum.Date(1863, 1, 1), pendulum.Date(2090, 12, 31)))
    def test_each_day_as_the_calendar_that_reaches_it(self, day: pendulum.Date) -> None:
        """Before 1999 a business day is the NYSE's; from 1999 on, banks' and the NYSE's."""
        oracle = rp.calendars.nyse() if day.year < 1999 else rp.calendars.new_york()
        assert self.calendar.is_business_day(day) == oracle.is_business_day(day)

    def test_reaches_the_1997_plans(self) -> None:
        """It reaches back to 1863, so a 1997 plan's clock can be counted."""
        assert self.calendar.first == pendulum.Date(1863, 1, 1)
        assert self.calendar.add_business_days("1998-11-24", 10) == pendulum.Date(1998, 12, 9)
