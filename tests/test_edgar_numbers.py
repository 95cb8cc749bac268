"""Percentages in words and figures: spelled-out numbers and the percentages found in text."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rightsplan.edgar import find_percents, spelled_number
from rightsplan.percent import format_percent


class TestSpelledNumber:
    @pytest.mark.parametrize(
        ("words", "value"),
        [
            ("fifteen", Fraction(15)),
            ("twenty-five", Fraction(25)),
            ("forty", Fraction(40)),
            ("one hundred", Fraction(100)),
            ("one-half of one", Fraction(1, 2)),
            ("one-half", Fraction(1, 2)),
            ("a quarter of one", Fraction(1, 4)),
            ("three-quarters of one", Fraction(3, 4)),
            ("four and ninety-nine one-hundredths", Fraction(499, 100)),
            ("four and ninety-nine hundredths", Fraction(499, 100)),
            ("four and nine-tenths", Fraction(49, 10)),
            ("four and three-quarters", Fraction(19, 4)),
            ("thirty-three and one-third", Fraction(100, 3)),
        ],
    )
    def test_reads(self, words: str, value: Fraction) -> None:
        """Numbers written in words are read exactly."""
        assert spelled_number(words) == value

    @pytest.mark.parametrize("words", ["", "the", "fifteen shares", "and", "half of"])
    def test_refuses(self, words: str) -> None:
        """Words that are not exactly one number give None."""
        assert spelled_number(words) is None


class TestFindPercents:
    def test_words_and_numeral(self) -> None:
        """The words "fifteen percent (15%)" are one mention, with the numeral's value."""
        text = "owner of fifteen percent (15%) or more"
        (mention,) = find_percents(text)
        assert text[mention.start : mention.end] == "fifteen percent (15%)"
        assert mention.value == 15 and mention.spelled and mention.agrees

    def test_words_and_numeral_disagree(self) -> None:
        """When words and numeral disagree the numeral is kept and the mention says so."""
        (mention,) = find_percents("fifteen percent (20%)")
        assert mention.value == 20 and not mention.agrees

    def test_several(self) -> None:
        """Every percentage in the text is found, in order."""
        text = "4.99% or more, more than one-half of one percent, and 25 percent"
        assert [m.value for m in find_percents(text)] == [
            Fraction(499, 100),
            Fraction(1, 2),
            Fraction(25),
        ]

    def test_not_percentages(self) -> None:
        """Plain numbers, dates and share counts are not percentages."""
        assert find_percents("2,800,500 shares on November 24, 2003; item 5.01") == []

    @given(st.fractions(min_value=Fraction(1, 100), max_value=100).map(lambda f: round(f, 2)))
    def test_numerals_read_exactly(self, value: Fraction) -> None:
        """Any percentage written as a decimal numeral is read back exactly."""
        if value <= 0:
            return
        text = f"beneficial owner of more than {format_percent(value)}% of the shares"
        (mention,) = find_percents(text)
        assert mention.value == value


class TestRound12:
    """Round 12: a whole number with a common fraction."""

    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("the Beneficial Owner of 17 1/2% or more", Fraction(35, 2)),
            ("more than 1/2% of the shares", Fraction(1, 2)),
            ("12-1/2% or more", Fraction(25, 2)),
        ],
    )
    def test_numeral_with_a_fraction(self, text: str, value: Fraction) -> None:
        """'17 1/2%' is 17.5%, '1/2%' one half of one percent (never '2%')."""
        assert [m.value for m in find_percents(text)] == [value]
