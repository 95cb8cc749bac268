"""Dates as filings write them, and sentences as notes rendered from XBRL run them together."""

from __future__ import annotations

import datetime
import re

import pendulum
from hypothesis import given
from hypothesis import strategies as st

from rightsplan.edgar import _text

MONTHS = [datetime.date(2000, month, 1).strftime("%B") for month in range(1, 13)]

days = st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2039, 12, 31))


def _ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def written(day: datetime.date) -> list[str]:
    """The forms a filing writes one day in."""
    month = MONTHS[day.month - 1]
    return [
        f"{month} {day.day}, {day.year}",
        f"{month.upper()} {day.day}, {day.year}",
        f"{month} {_ordinal(day.day)}, {day.year}",
        f"the {_ordinal(day.day)} day of {month}, {day.year}",
        f"{day.day} {month} {day.year}",
        f"{day.month}/{day.day}/{day.year}",
        f"{day.month:02d}/{day.day:02d}/{day.year}",
        f"{month}\n{day.day},\n{day.year}",
    ]


class TestDates:
    @given(days, st.sampled_from(["", "between", "to", ".", ", the"]))
    def test_every_form_reads_back_the_day(self, day: datetime.date, after: str) -> None:
        """Each written form of a day, followed by anything (even a run-on word), reads as it."""
        expected = pendulum.Date(day.year, day.month, day.day)
        for form in written(day):
            text = f"effective {form}{after} more words"
            assert [d for _, _, d in _text.find_dates(text)] == [expected], form

    def test_not_dates(self) -> None:
        """Fractions, prices, impossible days and longer numbers are no dates."""
        for text in ("1/100/2003", "$1/2/2003", "31 February 2003", "13/01/2003", "May 5, 20031"):
            assert _text.find_dates(text) == [], text

    def test_month_run_into_its_day(self) -> None:
        """A scraped page's "January3, 2018" reads as a day; "May 2018" alone still does not."""
        found = [d for _, _, d in _text.find_dates("On January3, 2018, the Company acted.")]
        assert found == [pendulum.Date(2018, 1, 3)]
        assert _text.find_dates("In May 2018 the Company acted.") == []
        assert _text.find_dates("In May2018 the Company acted.") == []


class TestSentences:
    def test_full_stop_run_into_the_next_sentence(self) -> None:
        """'on September 26, 2016.Thereafter, ...' (an XBRL rendering) is two sentences."""
        text = "expired on September 26, 2016.Thereafter, the Company paid $0.01 per Right."
        bounds = _text.sentence_bounds(text, 0, len(text))
        assert [text[s:e].strip() for s, e in bounds] == [
            "expired on September 26, 2016.",
            "Thereafter, the Company paid $0.01 per Right.",
        ]

    def test_table_rows_stand_apart(self) -> None:
        """A note's heading rows ('|Dec. 31, 2016') are not part of its first sentence."""
        text = "|9 Months Ended\n|Dec. 31, 2016\nOn May 1, 2016, the Board adopted a plan."
        bounds = _text.sentence_bounds(text, 0, len(text))
        assert text[bounds[-1][0] : bounds[-1][1]].strip() == (
            "On May 1, 2016, the Board adopted a plan."
        )

    def test_time_of_day_ends_no_sentence(self) -> None:
        """'from 5:00 p.m. ET, on August 1, 2022' stays one sentence."""
        text = "accelerating the expiration from 5:00 p.m. ET, on August 1, 2022, to a day."
        assert _text.sentence_bounds(text, 0, len(text)) == [(0, len(text))]


class TestDatePattern:
    def test_embedded_pattern_keeps_its_alternatives_together(self) -> None:
        """'effective ' + DATE never matches a numeric date that no 'effective' precedes."""
        effective = re.compile("effective " + _text.DATE.pattern)
        assert effective.search("from a 8-K on 10/07/2021") is None
        assert effective.search("effective 10/07/2021") is not None


class TestSentencesRunTogether:
    def test_a_stop_run_into_the_next_sentence_after_a_word(self) -> None:
        """'of the Company.As previously disclosed': a mirror's joined sentences are split."""
        text = "It was declared by the Company.As previously disclosed, it was amended."
        assert len(_text.sentence_bounds(text, 0, len(text))) == 2

    def test_a_dotted_name_is_not_split(self) -> None:
        """A lower-case domain ('Acme.com') and initials ('U.S.A.') stay in one sentence."""
        text = "Shares of Acme.com were held in the U.S.A. by many holders."
        assert len(_text.sentence_bounds(text, 0, len(text))) == 1
