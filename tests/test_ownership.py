"""Holdings as a plan counts them: rights to acquire, derivatives, reported percentages."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import rightsplan as rp

AT_LEAST = rp.Comparison.AT_LEAST


def plan_with(rules: rp.SetOwnershipRules | None = None) -> rp.Plan:
    provisions: list[rp.Change] = [rp.SetThreshold(percent=10, comparison=AT_LEAST)]
    if rules is not None:
        provisions.append(rules)
    return rp.Plan(
        rp.RightsAgreement(company="Example Corp", dated="2020-01-01", provisions=provisions)
    )


class TestCounted:
    position = rp.Position(
        "Fund", 80, 1000, rights_to_acquire=15, rights_to_acquire_later=10, derivatives=30
    )

    def test_defaults_count_rights_within_60_days(self) -> None:
        """By default, rights exercisable within 60 days count, in numerator and denominator."""
        counted = self.position.counted()
        assert (counted.shares, counted.outstanding) == (95, 1015)
        assert (counted.rights, counted.derivatives) == (15, 0)

    def test_plans_choose_what_counts(self) -> None:
        """A plan may count all rights, none, and derivatives at their share equivalent."""
        every = rp.OwnershipRules(
            derivatives_counted=True, rights_to_acquire=rp.RightsToAcquire.ALL
        )
        assert self.position.counted(every) == rp.Counted(135, 1025, 25, 30)
        none = rp.OwnershipRules(rights_to_acquire=rp.RightsToAcquire.NONE)
        assert self.position.counted(none) == rp.Counted(80, 1000, 0, 0)

    def test_denominator_includes_only_the_holder_s_own_rights(self) -> None:
        """Rule 13d-3(d)(1): 95 of 1,015 crosses 10% or more only if rights count."""
        assert rp.assess(plan_with(), self.position, on="2020-06-01").status is rp.Status.WARNING
        swaps = plan_with(rp.SetOwnershipRules(derivatives_counted=True))
        assessment = rp.assess(swaps, self.position, on="2020-06-01")
        assert assessment.status is rp.Status.TRIGGERED
        assert assessment.counted == rp.Counted(125, 1015, 15, 30)
        assert assessment.max_shares == 101
        assert assessment.headroom == -24
        assert "derivative share equivalents" in assessment.explain()

    def test_negative_extras_are_refused(self) -> None:
        """Rights and derivatives are counts of shares: never negative."""
        with pytest.raises(rp.InvalidPositionError, match="derivatives"):
            rp.Position("Fund", 1, 10, derivatives=-1)


class TestReportedHolding:
    plan = rp.examples.innotrac()

    def test_interval_follows_the_reported_decimals(self) -> None:
        """A report of 24.2% stands for 24.15% to 24.25%; one of 5% for 4.5% to 5.5%."""
        assert rp.ReportedHolding("X", "24.2%").interval == (Fraction("24.15"), Fraction("24.25"))
        assert rp.ReportedHolding("X", "5").interval == (Fraction("4.5"), Fraction("5.5"))

    @pytest.mark.parametrize(
        ("reported", "status"),
        [
            ("14.5%", rp.Status.CLEAR),
            ("14.9%", rp.Status.WARNING),
            ("14.95%", rp.Status.WARNING),
            ("15.0%", rp.Status.UNCERTAIN),
            ("15%", rp.Status.UNCERTAIN),
            ("15.1%", rp.Status.TRIGGERED),
            ("15.05%", rp.Status.TRIGGERED),
        ],
    )
    def test_status_over_the_interval(self, reported: str, status: rp.Status) -> None:
        """UNCERTAIN exactly when the rounding interval straddles "15% or more"."""
        holding = rp.ReportedHolding("Another Fund", reported, outstanding=11_572_314)
        assessment = rp.assess(self.plan, holding, on="2003-12-01", warn_at="0.99")
        assert assessment.status is status
        assert assessment.max_shares == 1_735_847
        assert assessment.headroom is None

    def test_ipof_reported_percentage(self) -> None:
        """IPOF's reported 24.2% is clear under Amendment No. 3 and a warning under No. 2."""
        ipof = rp.ReportedHolding("IPOF Group", "24.2%", passive=True)
        assert rp.assess(self.plan, ipof, on="2003-11-24").status is rp.Status.CLEAR
        before = rp.assess(self.plan, ipof, on="2003-11-23")
        assert before.status is rp.Status.WARNING
        assert before.percent_range == (Fraction("24.15"), Fraction("24.25"))
        assert "between 24.15% and 24.25%" in before.explain()

    @pytest.mark.parametrize("text", ["about 24%", "24,2%", "-1%", "101%", ""])
    def test_unreadable_reports(self, text: str) -> None:
        """Only plain decimal percentages up to 100 can be reported."""
        with pytest.raises(rp.RightsPlanError, match="reported"):
            rp.ReportedHolding("X", text)


class TestNumpyIntegers:
    @given(shares=st.integers(0, 2**62), extra=st.integers(1, 2**62))
    def test_numpy_integers_are_their_int(self, shares: int, extra: int) -> None:
        """np.int64/np.uint64 share counts read as the same int, never through a float."""
        np = pytest.importorskip("numpy")
        position = rp.Position("A", np.int64(shares), np.uint64(shares + extra))
        assert (position.shares, position.outstanding) == (shares, shares + extra)
        assert type(position.shares) is int and type(position.outstanding) is int

    def test_numpy_floats_and_booleans_stay_refused(self) -> None:
        """np.float64 (a float) and np.bool_ are refused like their Python kin."""
        np = pytest.importorskip("numpy")
        with pytest.raises(rp.InputTypeError, match="a float"):
            rp.Position("A", np.float64(5), 10)
        with pytest.raises(rp.InputTypeError, match="whole number"):
            rp.Position("A", np.bool_(True), 10)
