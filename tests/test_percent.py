"""Exact percentages and the two comparisons."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import rightsplan as rp
from rightsplan.percent import holding_percent

from .strategies import floats, not_percent_like, percents


class TestToPercent:
    @pytest.mark.parametrize(
        ("given_value", "expected"),
        [
            (15, Fraction(15)),
            ("15", Fraction(15)),
            ("4.99", Fraction(499, 100)),
            (" 4.99 ", Fraction(499, 100)),
            ("24.2%", Fraction(242, 10)),
            ("24.2 %", Fraction(242, 10)),
            ("100/3", Fraction(100, 3)),
            ("33 1/3", Fraction(100, 3)),
            (Decimal("4.75"), Fraction(475, 100)),
            (Fraction(1, 3), Fraction(1, 3)),
            ("0.25", Fraction(1, 4)),
        ],
    )
    def test_reads_exact_forms(self, given_value: rp.PercentLike, expected: Fraction) -> None:
        """Integers, decimal and ratio text, Decimals and Fractions are read exactly."""
        assert rp.to_percent(given_value) == expected

    def test_four_point_nine_nine_is_not_five(self) -> None:
        """4.99 stays 4.99: the literal decimal is kept, not rounded."""
        assert rp.to_percent("4.99") != 5
        assert rp.to_percent("4.99") == Fraction(499, 100)

    @given(floats())
    def test_refuses_every_float(self, value: float) -> None:
        """A binary float is refused with a TypeError that says why, whatever its value."""
        with pytest.raises(rp.PercentTypeError, match="float") as caught:
            rp.to_percent(value)
        assert isinstance(caught.value, TypeError)
        assert isinstance(caught.value, rp.RightsPlanError)

    def test_float_message_names_the_field_and_the_fix(self) -> None:
        """The error for 25.0 names the field and says to write the number as a string."""
        with pytest.raises(rp.PercentTypeError) as caught:
            rp.to_percent(25.0, what="amendments[2].changes[0].percent")
        message = str(caught.value)
        assert message.startswith("amendments[2].changes[0].percent: ")
        assert "25.0 (a float)" in message
        assert "string" in message

    @pytest.mark.parametrize("text", ["", "%", "abc", "1e2", "4,99", "1/0", "--5", "5%%", "0x10"])
    def test_refuses_unreadable_text(self, text: str) -> None:
        """Text that is not a plain decimal, ratio or mixed number is refused and quoted back."""
        with pytest.raises(rp.InvalidPercentError) as caught:
            rp.to_percent(text)
        assert repr(text) in str(caught.value)

    @given(not_percent_like())
    def test_refuses_other_types(self, value: object) -> None:
        """Values that are not numbers at all are refused with a RightsPlanError."""
        with pytest.raises(rp.RightsPlanError):
            rp.to_percent(value)

    @given(st.decimals(allow_nan=False, allow_infinity=False, places=4))
    def test_decimal_text_and_decimal_agree(self, value: Decimal) -> None:
        """A Decimal and its text are the same percentage."""
        assert rp.to_percent(str(value)) == rp.to_percent(value) == Fraction(value)

    @pytest.mark.parametrize("text", ["1" * 5000, "1/" + "1" * 5000, "0." + "9" * 4400 + "%"])
    def test_overlong_text_is_a_clear_error(self, text: str) -> None:
        """Percentage text of thousands of digits is refused by name, not a bare ValueError."""
        with pytest.raises(rp.InvalidPercentError, match=r"threshold: .* characters"):
            rp.to_percent(text, what="threshold")


class _OwnFraction(Fraction):
    """A Fraction that is not exactly a Fraction, so format_percent writes it afresh."""


class TestFormatPercent:
    @pytest.mark.parametrize(
        ("value", "text"),
        [
            (Fraction(15), "15"),
            (Fraction(499, 100), "4.99"),
            (Fraction(1, 8), "0.125"),
            (Fraction(100, 3), "33 1/3"),
            (Fraction(1, 3), "1/3"),
            (Fraction(-5, 2), "-2.5"),
        ],
    )
    def test_shortest_exact_form(self, value: Fraction, text: str) -> None:
        """Terminating decimals are written as decimals, others as mixed numbers."""
        assert rp.format_percent(value) == text

    @given(st.fractions())
    def test_round_trips(self, value: Fraction) -> None:
        """Whatever it writes, to_percent reads back as the same Fraction."""
        assert rp.to_percent(rp.format_percent(value)) == value

    @given(st.fractions())
    def test_remembered_text_is_the_written_text(self, value: Fraction) -> None:
        """A Fraction's text, remembered after the first call, is what any equal value gets.

        Exact Fractions are looked up by their integers; a Fraction subclass and an int are
        written afresh, so they check the remembered text against a new one.
        """
        first = rp.format_percent(value)
        assert rp.format_percent(value) == first
        assert rp.format_percent(_OwnFraction(value)) == first
        if value.denominator == 1:
            assert rp.format_percent(value.numerator) == first  # type: ignore[arg-type]

    def test_readable_percent(self) -> None:
        """Readable percentages are exact when short and marked "about" when rounded."""
        assert rp.readable_percent(Fraction(242, 10)) == "24.2%"
        assert rp.readable_percent(holding_percent(2_362_788, 11_486_465)) == "about 20.57%"


class TestThreshold:
    def test_converts_and_validates(self) -> None:
        """A Threshold reads its percent like to_percent and checks the range (0, 100]."""
        assert rp.Threshold("4.99", rp.Comparison.AT_LEAST).percent == Fraction(499, 100)
        assert rp.Threshold(100, rp.Comparison.MORE_THAN).percent == 100
        for bad in (0, "-1", "100.01"):
            with pytest.raises(rp.InvalidPercentError, match=r"\(0, 100\]"):
                rp.Threshold(bad, rp.Comparison.AT_LEAST)

    def test_requires_a_comparison(self) -> None:
        """The comparison must be a Comparison: there is no default and no guessing from text."""
        with pytest.raises(rp.InvalidPercentError, match="comparison"):
            rp.Threshold(15, "at-least")  # type: ignore[arg-type]

    def test_innotrac_boundaries(self) -> None:
        """With 11,572,314 shares out: 15% or more allows 1,735,847; more than 25%, 2,893,078."""
        outstanding = 11_572_314
        general = rp.Threshold(15, rp.Comparison.AT_LEAST)
        assert general.max_shares(outstanding) == 1_735_847
        assert not general.crossed_by(1_735_847, outstanding)
        assert general.crossed_by(1_735_848, outstanding)
        cap = rp.Threshold(25, rp.Comparison.MORE_THAN)
        assert cap.max_shares(outstanding) == 2_893_078
        assert rp.Threshold(40, rp.Comparison.MORE_THAN).max_shares(outstanding) == 4_628_925

    def test_exact_boundary_share_depends_on_the_comparison(self) -> None:
        """Exactly 15% of 1,000 shares (150) crosses "15% or more" but not "more than 15%"."""
        assert rp.Threshold(15, rp.Comparison.AT_LEAST).crossed_by(150, 1000)
        assert not rp.Threshold(15, rp.Comparison.MORE_THAN).crossed_by(150, 1000)
        assert rp.Threshold(15, rp.Comparison.MORE_THAN).crossed_by(151, 1000)
        assert rp.Threshold(15, rp.Comparison.AT_LEAST).max_shares(1000) == 149
        assert rp.Threshold(15, rp.Comparison.MORE_THAN).max_shares(1000) == 150

    def test_four_point_nine_nine_boundary(self) -> None:
        """4.99% or more of 10,000 shares is crossed at 499, and 498 is the most allowed."""
        nol = rp.Threshold("4.99", rp.Comparison.AT_LEAST)
        assert nol.max_shares(10_000) == 498
        assert nol.crossed_by(499, 10_000)

    def test_describes_itself_in_the_plan_s_words(self) -> None:
        """The two comparisons read as the plans write them."""
        assert rp.Threshold("4.99", rp.Comparison.AT_LEAST).describe() == "4.99% or more"
        assert rp.Threshold(25, rp.Comparison.MORE_THAN).describe() == "more than 25%"

    def test_more_than_is_more_generous_at_the_same_percent(self) -> None:
        """Sorting puts "X% or more" before "more than X%", and both after lower percents."""
        at_least = rp.Threshold(15, rp.Comparison.AT_LEAST)
        more_than = rp.Threshold(15, rp.Comparison.MORE_THAN)
        lower = rp.Threshold("14.99", rp.Comparison.MORE_THAN)
        assert sorted([more_than, at_least, lower], key=rp.Threshold.sort_key) == [
            lower,
            at_least,
            more_than,
        ]

    @given(percents(), st.integers(1, 10**12))
    def test_max_shares_is_within_outstanding(self, percent: Fraction, outstanding: int) -> None:
        """The largest holding that does not cross lies between 0 and the shares outstanding."""
        for comparison in rp.Comparison:
            assert 0 <= rp.Threshold(percent, comparison).max_shares(outstanding) <= outstanding
