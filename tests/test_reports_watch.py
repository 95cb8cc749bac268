"""Watching a company: each reported holding assessed against the plan on its date."""

from __future__ import annotations

from pathlib import Path

import pendulum

import rightsplan as rp
from rightsplan.reports import Watch, parse_report, read_report, watch
from tests.reports_render import DrawnPerson, DrawnReport, render_text

AT_LEAST = rp.Comparison.AT_LEAST
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "innotrac" / "reports"


def two_tier_plan() -> rp.Plan:
    return rp.Plan(
        rp.RightsAgreement(
            company="Target Inc.",
            dated="2021-03-01",
            provisions=(
                rp.SetThreshold(percent=10, comparison=AT_LEAST, section="Section 1(a)"),
                rp.SetPassiveTier(percent=20, comparison=AT_LEAST, section="Section 1(a)(ii)"),
            ),
        )
    )


def report(form: str, day: str, *people: DrawnPerson, amendment: int = 0) -> rp.reports.Report:
    drawn = DrawnReport(
        form, amendment, "Target Inc.", "123456789", pendulum.parse(day).date(),  # type: ignore[union-attr]
        "13d-1(c)" if form == "13G" else None, people,
    )  # fmt: skip
    return parse_report(render_text(drawn), name=f"{form}-{day}.txt")


def person(name: str, shares: int, percent: str, group: str | None = None) -> DrawnPerson:
    return DrawnPerson(name, group, shares, 0, shares, 0, shares, percent, "PN")


class TestPassiveTier:
    def test_13d_loses_the_passive_tier_that_day(self) -> None:
        """A 13G filer at 15% is clear under the 20% passive tier; its 13D triggers at 10%."""
        watched = watch(
            two_tier_plan(),
            [
                report("13G", "2021-06-01", person("Activist Fund", 1_500_000, "15.0")),
                report("13D", "2021-07-01", person("Activist Fund", 1_500_000, "15.0")),
            ],
            outstanding=10_000_000,
        )
        rows = [(r["date"].isoformat(), r["status"], r["limit"], r["passive"])  # type: ignore[attr-defined]
                for r in watched.records()]  # fmt: skip
        assert rows == [
            ("2021-06-01", "clear", "20", True),
            ("2021-07-01", "triggered", "10", False),
        ]
        assert [w.position.on.isoformat() for w in watched.triggered()] == ["2021-07-01"]


class TestGroups:
    def test_joint_filing_counted_once(self) -> None:
        """Two joint filers reporting the same 800,000 shares are one 8% holder, not 16%."""
        joint = report("13D", "2021-06-01", person("Fund One LP", 800_000, "8.0", "a"),
                       person("Fund One GP LLC", 800_000, "8.0", "a"))  # fmt: skip
        (row,) = watch(two_tier_plan(), [joint], outstanding=10_000_000).records()
        assert (row["holder"], row["shares"], row["status"]) == ("Fund One LP", 800_000, "clear")
        assert row["headroom"] == 199_999


class TestReportedPercentages:
    def test_percentage_straddling_the_limit_is_uncertain(self) -> None:
        """Without the shares outstanding, "10.0%" against "10% or more" is UNCERTAIN."""
        (row,) = watch(two_tier_plan(), [report("13D", "2021-06-01",
                       person("Fund", 1_000_000, "10.0"))]).records()  # fmt: skip
        assert row["status"] == "uncertain"
        assert row["headroom"] is None

    def test_acquiring_person_is_sticky(self) -> None:
        """A holder that triggered stays an Acquiring Person after selling down."""
        watched = watch(
            two_tier_plan(),
            [
                report("13D", "2021-06-01", person("Fund", 1_200_000, "12.0")),
                report("13D", "2021-09-01", person("Fund", 500_000, "5.0"), amendment=1),
            ],
            outstanding=10_000_000,
        )
        records = watched.records()
        assert [(r["status"], r["standing"]) for r in records] == [
            ("triggered", "acquiring-person"),
            ("triggered", "acquiring-person"),
        ]
        assert [r["standing_since"] for r in records] == [pendulum.Date(2021, 6, 1)] * 2


class TestInnotrac:
    def test_ipof_under_amendment_no_3(self) -> None:
        """IPOF's reported 2,800,500 shares are clear of "more than 40%", citing both sources."""
        found = read_report(EXAMPLE / "01-13d-derived.txt")
        watched = watch(rp.examples.innotrac(), [found], outstanding=11_572_314,
                        passive={"IPOF Group": True})  # fmt: skip
        assert isinstance(watched, Watch)
        (row,) = watched.records()
        assert (row["holder"], row["status"], row["limit"], row["headroom"]) == (
            "IPOF Group", "clear", "40", 1_828_425)  # fmt: skip
        assert str(row["plan_source"]).startswith("Amendment No. 3 (2003-11-24)")
        assert "2,800,500" in str(row["report_source"])
        frame = watched.to_polars()
        assert frame["members"].to_list() == ["IPOF Fund; David Dadante"]
