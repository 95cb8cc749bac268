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


def report(
    form: str, day: str, *people: DrawnPerson, amendment: int = 0, rule: str | None = "13d-1(c)"
) -> rp.reports.Report:
    drawn = DrawnReport(
        form, amendment, "Target Inc.", "123456789", pendulum.parse(day).date(),  # type: ignore[union-attr]
        rule if form == "13G" else None, people,
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
        """Persons reporting different aggregates: at least the largest, at most their sum.

        The position notes both; the events carry the largest.
        """
        joint = report("13D", "2021-06-01", person("Fund One LP", 900_000, "9.0", "a"),
                       person("Fund Two LP", 1_000_000, "10.0", "a"))  # fmt: skip
        (position,) = positions([joint]).positions
        assert position.shares is not None and position.shares.value == 1_000_000
        assert position.most == 1_900_000
        assert position.note is not None
        assert "at least the largest, 1,000,000, and at most their sum, 1,900,000" in position.note
        (event,) = ledger_from_reports([joint]).events
        assert event.shares == 1_000_000  # type: ignore[attr-defined]

    def test_same_aggregates_are_one_holding(self) -> None:
        """Persons reporting the same aggregate report the group's shares: no range, no note."""
        joint = report("13D", "2021-06-01", person("Fund One LP", 900_000, "9.0", "a"),
                       person("Fund One GP LLC", 900_000, "9.0", "a"))  # fmt: skip
        (position,) = positions([joint]).positions
        assert (position.most, position.note) == (None, None)


class TestPassivity:
    def test_13g_then_13d_turns_active_on_the_13d_date(self) -> None:
        """A 13G filer that files a 13D is reported active from the 13D's date."""
        passive = report("13G", "2021-06-01", person("Activist Fund", 1_500_000, "15.0"))
        active = report("13D", "2021-07-01", person("Activist Fund", 1_500_000, "15.0"))
        ledger = ledger_from_reports([active, passive])
        flags = [(e.on.isoformat(), e.passive) for e in ledger.events]  # type: ignore[attr-defined]
        assert flags == [("2021-06-01", True), ("2021-07-01", False)]

    def test_13g_under_b_is_passive_citing_its_rule_box(self) -> None:
        """A 13G under Rule 13d-1(b) is reported passive, its rule box quoted in the source."""
        found = report("13G", "2021-06-01", person("Bank", 1_500_000, "15.0"), rule="13d-1(b)")
        (event,) = events_from_reports([found])
        assert isinstance(event, rp.PositionReported)
        assert event.passive is True
        assert 'rule "Rule 13d-1(b)"' in str(event.source)

    def test_13g_under_d_is_recorded_active_and_says_why(self) -> None:
        """A 13G under Rule 13d-1(d) does not show passivity: recorded active, with the reason.

        The position itself leaves passivity open (``None``) for the watch to judge both ways.
        """
        found = report("13G", "2021-06-01", person("Fund", 1_500_000, "15.0"), rule="13d-1(d)")
        (position,) = positions([found]).positions
        assert position.passive is None
        (event,) = events_from_reports([found])
        assert isinstance(event, rp.PositionReported)
        assert event.passive is False
        assert 'rule "Rule 13d-1(d)": passivity not established' in str(event.source)
        assert "recorded as active" in str(event.source)

    def test_13g_stating_no_rule_is_passive_and_says_so(self) -> None:
        """A 13G whose cover states no rule is passive by its form; the source says so."""
        found = report("13G", "2021-06-01", person("Fund", 1_500_000, "15.0"), rule=None)
        (event,) = events_from_reports([found])
        assert isinstance(event, rp.PositionReported)
        assert event.passive is True
        assert "no rule stated" in str(event.source)


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
        assert 'aggregate amount "1,600,000"' in str(event.source)
        assert 'percent of class "16.0%"' in str(event.source)


def alone(name: str, shares: int, group: str | None = None) -> DrawnPerson:
    return DrawnPerson(name, group, shares, 0, shares, 0, shares, "5.0", "PN")


def separate_then_joint() -> list[rp.reports.Report]:
    """Fund A and Fund B file apart, then jointly as a group (box (a))."""
    return [
        report("13D", "2021-06-01", alone("Fund A", 600_000)),
        report("13D", "2021-06-15", alone("Fund B", 500_000)),
        report("13D", "2021-08-01", alone("Fund A", 1_100_000, "a"),
               alone("Fund B", 1_100_000, "a"), amendment=1),
    ]  # fmt: skip


class TestGroupsOfSeparateFilers:
    def test_joint_filing_states_the_group_from_its_date(self) -> None:
        """A joint filing naming earlier separate filers states their group on its date."""
        (group,) = positions(separate_then_joint()).groups
        assert (group.members, group.on) == (("Fund A", "Fund B"), pendulum.Date(2021, 8, 1))
        assert group.source.startswith("joint filing Schedule 13D/A (Amendment No. 1)")

    def test_events_count_the_group_once(self) -> None:
        """The joint holding goes under its first holder; the other's is reported within it."""
        events = events_from_reports(separate_then_joint())
        last = [e for e in events if e.on == pendulum.Date(2021, 8, 1)]
        assert [type(e).__name__ for e in last] == [
            "PositionReported", "PositionReported", "GroupFormed"]  # fmt: skip
        joint, within, formed = last
        assert (joint.holder, joint.shares) == ("Fund A", 1_100_000)  # type: ignore[attr-defined]
        assert (within.holder, within.shares) == ("Fund B", 0)  # type: ignore[attr-defined]
        assert "reported within the holding of Fund A" in str(within.source)
        assert formed.members == ("Fund A", "Fund B")  # type: ignore[attr-defined]
        history = rp.replay(ten_percent_plan(), [rp.OutstandingChanged(on="2021-05-01",
                            outstanding=10_000_000), *events])  # fmt: skip
        assert history.status_of("Fund B", on="2021-08-01").counted.shares == 1_100_000  # type: ignore[union-attr]

    def test_caller_group_from_the_second_members_report(self) -> None:
        """A group the caller states counts from the day a second member reports."""
        found = positions(separate_then_joint()[:2], groups={"A and B": ["Fund A", "fund b"]})
        (group,) = found.groups
        assert (group.name, group.on, group.source) == (
            "A and B", pendulum.Date(2021, 6, 15), "stated by the caller")  # fmt: skip
        events = events_from_reports(
            separate_then_joint()[:2], groups={"A and B": ["Fund A", "Fund B"]}
        )
        assert [type(e).__name__ for e in events] == [
            "PositionReported", "PositionReported", "GroupFormed"]  # fmt: skip

    def test_group_events_file_reads_back(self) -> None:
        """An events file with a group reads back as the same ledger."""
        reports = separate_then_joint()
        assert rp.io.loads_events(events_text(reports), "csv") == ledger_from_reports(reports)

    def test_box_a_alone_is_noted(self) -> None:
        """A lone filer checking box (a) names a group it does not describe: noted."""
        (position,) = positions([report("13D", "2021-06-01", alone("Fund", 1, "a"))]).positions
        assert position.unnamed_group is not None

    def test_shared_rows_are_kept(self) -> None:
        """The shares a person reports with shared power are kept with the position."""
        shared = DrawnPerson("Fund", None, 100, 300, 200, 250, 400, "4.0", "PN")
        (position,) = positions([report("13D", "2021-06-01", shared)]).positions
        assert position.shared == 300


def ten_percent_plan() -> rp.Plan:
    threshold = rp.SetThreshold(percent=10, comparison=rp.Comparison.AT_LEAST, section="S1")
    return rp.Plan(
        rp.RightsAgreement(company="Target Inc.", dated="2021-03-01", provisions=(threshold,))
    )


class TestOutstandingGiven:
    def test_outstanding_given_opens_the_ledger(self) -> None:
        """outstanding= records the shares outstanding on the first report's date, cited."""
        found = report("13D", "2021-06-01", person("Holder", 1_500_000, "15.0"))
        first, holding = events_from_reports([found], outstanding=10_000_000)
        assert isinstance(first, rp.OutstandingChanged) and isinstance(holding, rp.PositionReported)
        assert (first.on, first.outstanding, first.source) == (
            pendulum.Date(2021, 6, 1),
            10_000_000,
            "given by the caller",
        )
