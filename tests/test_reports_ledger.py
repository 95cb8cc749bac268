"""One issuer's reports as positions and ledger events: dates, joint filings, passivity."""

from __future__ import annotations

import pendulum

import rightsplan as rp
from rightsplan.reports import (
    events_from_reports,
    events_text,
    ledger_from_reports,
    parse_report,
    positions,
)
from tests.reports_render import DrawnPerson, DrawnReport, render_text


def person(name: str, shares: int, percent: str, group: str | None = None) -> DrawnPerson:
    return DrawnPerson(name, group, shares, 0, shares, 0, shares, percent, "PN")


def report(form: str, day: str, *people: DrawnPerson, amendment: int = 0) -> rp.reports.Report:
    drawn = DrawnReport(
        form, amendment, "Target Inc.", "123456789", pendulum.parse(day).date(),  # type: ignore[union-attr]
        "13d-1(c)" if form == "13G" else None, people,
    )  # fmt: skip
    return parse_report(render_text(drawn), name=f"{form}-{day}.txt")


class TestPositions:
    def test_date_order(self) -> None:
        """Reports are put in event-date order whatever order they are given in."""
        later = report("13D", "2021-07-01", person("Activist Fund", 1_500_000, "15.0"))
        earlier = report("13G", "2021-06-01", person("Activist Fund", 1_200_000, "12.0"))
        found = positions([later, earlier]).positions
        assert [p.on.isoformat() for p in found] == ["2021-06-01", "2021-07-01"]

    def test_joint_filing_is_one_holder_counted_once(self) -> None:
        """A joint filing's persons, each reporting the group's shares, are one holding."""
        joint = report(
            "13D",
            "2021-06-01",
            person("Fund One LP", 1_200_000, "12.0", "a"),
            person("Fund One GP LLC", 1_200_000, "12.0", "a"),
        )
        (position,) = positions([joint]).positions
        assert position.holder == "Fund One LP"
        assert position.members == ("Fund One LP", "Fund One GP LLC")
        assert position.shares is not None and position.shares.value == 1_200_000
        (event,) = events_from_reports([joint])
        assert isinstance(event, rp.PositionReported)
        assert (event.holder, event.shares) == ("Fund One LP", 1_200_000)

    def test_same_group_in_another_order_is_the_same_holder(self) -> None:
        """A later filing naming the persons in another order is the same holder."""
        first = report("13D", "2021-06-01", person("Fund One LP", 1_200_000, "12.0", "a"),
                       person("Fund One GP LLC", 1_200_000, "12.0", "a"))  # fmt: skip
        second = report("13D", "2021-08-01", person("Fund One GP LLC", 1_300_000, "13.0", "a"),
                        person("Fund One LP", 1_300_000, "13.0", "a"), amendment=1)  # fmt: skip
        assert {p.holder for p in positions([first, second]).positions} == {"Fund One LP"}

    def test_different_aggregates_take_the_largest_and_say_so(self) -> None:
        """Where a group's persons report different aggregates, the largest is taken, noted."""
        joint = report("13D", "2021-06-01", person("Fund One LP", 900_000, "9.0", "a"),
                       person("Fund Two LP", 1_000_000, "10.0", "a"))  # fmt: skip
        (position,) = positions([joint]).positions
        assert position.shares is not None and position.shares.value == 1_000_000
        assert position.note is not None and "lower bound" in position.note


class TestPassivity:
    def test_13g_then_13d_turns_active_on_the_13d_date(self) -> None:
        """A 13G filer that files a 13D is reported active from the 13D's date."""
        passive = report("13G", "2021-06-01", person("Activist Fund", 1_500_000, "15.0"))
        active = report("13D", "2021-07-01", person("Activist Fund", 1_500_000, "15.0"))
        ledger = ledger_from_reports([active, passive])
        flags = [(e.on.isoformat(), e.passive) for e in ledger.events]  # type: ignore[attr-defined]
        assert flags == [("2021-06-01", True), ("2021-07-01", False)]


class TestEventsFile:
    def test_events_file_reads_back(self) -> None:
        """The events file written for review loads back as the same ledger."""
        reports = [
            report("13G", "2021-06-01", person("Activist Fund", 1_500_000, "15.0")),
            report("13D", "2021-07-01", person("Activist Fund", 1_600_000, "16.0")),
        ]
        text = events_text(reports)
        assert text.startswith("event,date,holder,shares,passive,source\n")
        assert rp.io.loads_events(text, "csv") == ledger_from_reports(reports)

    def test_sources_quote_the_rows(self) -> None:
        """Each event's source names the report and quotes the aggregate and percentage."""
        (event,) = events_from_reports(
            [report("13D", "2021-07-01", person("Activist Fund", 1_600_000, "16.0"))]
        )
        assert event.source is not None
        assert 'aggregate amount "1,600,000"' in event.source
        assert 'percent of class "16.0%"' in event.source
