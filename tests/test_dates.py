"""Dates are read strictly, and never from a clock."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import rightsplan as rp


class TestToDate:
    def test_accepts_the_three_forms(self) -> None:
        """A pendulum.Date, a datetime.date and a strict ISO string all give a pendulum.Date."""
        expected = pendulum.Date(2003, 11, 24)
        for value in (expected, dt.date(2003, 11, 24), "2003-11-24"):
            result = rp.to_date(value)
            assert result == expected
            assert type(result) is pendulum.Date

    @pytest.mark.parametrize(
        "text", ["20031124", "2003-11-24T00:00:00", "2003/11/24", "24 Nov 2003", " 2003-11-24", ""]
    )
    def test_refuses_loose_text(self, text: str) -> None:
        """Compact, timestamped or free-form text is refused, with the expected form named."""
        with pytest.raises(rp.InvalidDateError, match="YYYY-MM-DD"):
            rp.to_date(text)

    def test_refuses_impossible_days(self) -> None:
        """2003-02-30 looks like a date but is not a real day."""
        with pytest.raises(rp.InvalidDateError, match="not a real day"):
            rp.to_date("2003-02-30", what="executed")

    def test_refuses_date_times(self) -> None:
        """A datetime (pendulum's or the standard one) is a moment, not a day: refused."""
        for value in (pendulum.datetime(2003, 11, 24), dt.datetime(2003, 11, 24)):
            with pytest.raises(rp.InvalidDateError, match="date-time"):
                rp.to_date(value)

    @pytest.mark.parametrize("value", [None, 20031124, 2003.11, b"2003-11-24"])
    def test_refuses_other_types(self, value: object) -> None:
        """Numbers, bytes and None are not dates; the message names the field."""
        with pytest.raises(rp.InvalidDateError, match="^executed: "):
            rp.to_date(value, what="executed")

    @given(st.dates())
    def test_iso_round_trip(self, day: dt.date) -> None:
        """Every day's ISO text reads back as the same day."""
        assert rp.to_date(day.isoformat()) == day

    @given(st.dates())
    def test_each_form_reads_the_same_day_every_time(self, day: dt.date) -> None:
        """Read once or again (the second time remembered), every form gives the same Date."""
        expected = pendulum.Date(day.year, day.month, day.day)
        text = day.isoformat()
        forms = (day, _OwnDate(day.year, day.month, day.day), text, _OwnText(text))
        for value in forms * 2:
            result = rp.to_date(value)
            assert result == expected
            assert type(result) is pendulum.Date

    def test_errors_are_raised_afresh(self) -> None:
        """A refused text is refused every time, naming the field of each call."""
        for what in ("executed", "on", "executed"):
            with pytest.raises(rp.InvalidDateError, match=f"^{what}: .*not a real day"):
                rp.to_date("2003-02-30", what=what)
            with pytest.raises(rp.InvalidDateError, match=f"^{what}: .*YYYY-MM-DD"):
                rp.to_date(_OwnText("20031124"), what=what)


class _OwnDate(dt.date):
    """A date that is not exactly a ``datetime.date``."""


class _OwnText(str):
    """Text that is not exactly a ``str``."""

    __slots__ = ()


class TestSource:
    def test_cites_instrument_date_and_section(self) -> None:
        """A citation names the instrument, its date and the section."""
        source = rp.Source("Amendment No. 3", "2003-11-24", section="Section 1")
        assert source.cite() == "Amendment No. 3 (2003-11-24), Section 1"
        assert rp.Source("Rights Agreement", "1997-12-31").cite() == "Rights Agreement (1997-12-31)"

    def test_validates_its_fields(self) -> None:
        """Blank instruments and bad dates are refused."""
        with pytest.raises(rp.InvalidInputError, match="source.instrument"):
            rp.Source("  ", "2003-11-24")
        with pytest.raises(rp.InvalidDateError, match="source.date"):
            rp.Source("Amendment No. 3", "2003-11-31")


class TestFrameDates:
    """Dates from data frames: a pandas Timestamp or a numpy datetime64 at midnight."""

    @given(day=st.dates())
    def test_midnight_timestamps_are_their_day(self, day: dt.date) -> None:
        """A Timestamp or datetime64 at midnight (naive or UTC) reads as its calendar day."""
        pd = pytest.importorskip("pandas")
        np = pytest.importorskip("numpy")
        expected = pendulum.Date(day.year, day.month, day.day)
        assert rp.to_date(np.datetime64(day.isoformat(), "D")) == expected
        assert rp.to_date(np.datetime64(day.isoformat(), "s")) == expected
        if 1677 < day.year < 2262:  # pandas' nanosecond range
            assert rp.to_date(pd.Timestamp(day)) == expected
            assert rp.to_date(pd.Timestamp(day, tz="UTC")) == expected

    @pytest.mark.parametrize(
        ("make", "fragment"),
        [
            (lambda pd, np: pd.Timestamp("2003-11-24 10:30"), "has a time of day"),
            (lambda pd, np: pd.Timestamp("2003-11-24", tz="America/New_York"), "time zone"),
            (lambda pd, np: pd.NaT, "missing date (NaT)"),
            (lambda pd, np: np.datetime64("NaT"), "missing date (NaT)"),
            (lambda pd, np: np.datetime64("2003-11-24T00:00:01"), "has a time of day"),
        ],
    )
    def test_times_and_zones_are_refused(self, make: Any, fragment: str) -> None:
        """A time of day, a zone other than UTC, or a missing date is refused, saying which."""
        pd = pytest.importorskip("pandas")
        np = pytest.importorskip("numpy")
        with pytest.raises(rp.InvalidDateError, match=re.escape(fragment)):
            rp.to_date(make(pd, np), what="on")

    def test_dates_module_imports_neither(self) -> None:
        """Reading dates never imports pandas or numpy: they are looked for, not loaded."""
        import subprocess
        import sys

        code = (
            "import sys, rightsplan as rp; rp.to_date('2003-11-24'); "
            "print('pandas' in sys.modules or 'numpy' in sys.modules)"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert out.stdout.strip() == "False"
