"""Results as records, tables and frames: one definition of each column, in every export."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from pathlib import Path

import pendulum
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rightsplan as rp
from rightsplan import edgar, report, reports
from rightsplan.cli import main
from rightsplan.io import holdings
from rightsplan.screening import polars_engine, screen
from rightsplan.testing import LEDGER_START, ledgers

from .strategies import plans, positions, thresholds

ROOT = Path(__file__).resolve().parent.parent
PLAN = str(ROOT / "examples" / "innotrac" / "plan.toml")
HOLDINGS = str(ROOT / "examples" / "innotrac" / "holdings.csv")
EVENTS = str(ROOT / "examples" / "innotrac" / "events.csv")
FILINGS = ROOT / "tests" / "data" / "filings"
INNOTRAC = rp.examples.innotrac()
OUTSTANDING = 11_572_314


def names(columns: tuple[report.Column, ...]) -> list[str]:
    return [column.name for column in columns]


def innotrac_verdicts() -> rp.Assessments:
    return rp.Assessments(
        rp.assess(INNOTRAC, rp.Position(holder, shares, OUTSTANDING, passive=passive), on=on)
        for holder, shares, passive, on in (
            ("IPOF Group", 2_800_500, True, "2003-09-01"),
            ("IPOF Group", 2_800_500, False, "2003-12-01"),
            ("Another Fund", 1_735_847, False, "2003-12-01"),
            ("Innotrac Corporation", 5_000_000, False, "2003-12-01"),
            ("Late Fund", 100, False, "2099-01-01"),
        )
    )


class TestOneDefinition:
    def test_screen_columns_are_the_screened_verdict_columns(self) -> None:
        """rp.screen's result has row, issuer, the verdict columns marked screened, near_match."""
        positions = pl.DataFrame(
            {
                "issuer": ["INOC"],
                "holder": ["IPOF Group"],
                "date": [dt.date(2003, 12, 1)],
                "shares": [2_800_500],
                "outstanding": [OUTSTANDING],
            }
        )
        result = screen({"INOC": INNOTRAC}, positions)
        screened = [c.name for c in report.VERDICT_COLUMNS if c.screened]
        assert result.columns == ["row", "issuer", *screened, "near_match"]
        assert report.screen_columns() == polars_engine.OUTPUT_COLUMNS
        assert report.screen_result_columns() == polars_engine.RESULT_COLUMNS

    def test_screen_values_equal_the_verdict_frame(self) -> None:
        """Every screened column of rp.screen holds what Assessments.to_polars() holds."""
        verdicts = innotrac_verdicts()
        positions = pl.DataFrame(
            {
                "issuer": ["INOC"] * len(verdicts),
                "holder": [v.holder for v in verdicts],
                "date": [dt.date(v.on.year, v.on.month, v.on.day) for v in verdicts],
                "shares": [getattr(v.position, "shares", None) for v in verdicts],
                "outstanding": [v.position.outstanding for v in verdicts],
                "passive": [v.position.passive for v in verdicts],
                "kind": [v.position.kind.value for v in verdicts],
            }
        )
        screened = [c.name for c in report.VERDICT_COLUMNS if c.screened]
        as_text = [pl.col(name).cast(pl.String) for name in screened]
        result = screen({"INOC": INNOTRAC}, positions).select(as_text)
        assert result.rows() == verdicts.to_polars().select(as_text).rows()

    def test_check_json_keys_and_csv_header(self, capsys: pytest.CaptureFixture[str]) -> None:
        """JSON verdicts have line then json_keys(); the CSV header is line then the columns."""
        main(["check", PLAN, HOLDINGS, "--format", "json"])
        records = json.loads(capsys.readouterr().out)
        assert all(list(record) == ["line", *report.json_keys()] for record in records)
        main(["check", PLAN, HOLDINGS, "--format", "csv"])
        header = next(csv.reader(io.StringIO(capsys.readouterr().out)))
        assert header == ["line", *names(report.VERDICT_COLUMNS)]

    def test_check_json_values_are_the_records(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The check command's JSON verdicts are verdict_record's, dates written as ISO text."""
        main(["check", PLAN, HOLDINGS, "--format", "json"])
        records = json.loads(capsys.readouterr().out)
        holdings = rp.load_holdings(HOLDINGS)
        for record, holding in zip(records, holdings, strict=True):
            assert holding.date is not None
            verdict = rp.assess(INNOTRAC, holding.position, on=holding.date)
            expected = report.json_value(report.verdict_record(verdict, flat=False))
            assert {key: value for key, value in record.items() if key != "line"} == expected

    def test_standing_columns_are_the_holdings_files(self) -> None:
        """The verdict's standing columns are named as holdings files name them, in order."""
        assert names(report.STANDING_COLUMNS) == list(holdings.STANDING_COLUMNS)

    @pytest.mark.parametrize(
        "columns",
        [
            report.VERDICT_COLUMNS,
            report.TIMELINE_COLUMNS,
            report.HISTORY_COLUMNS,
            report.TRIGGER_COLUMNS,
            report.CHANGE_COLUMNS,
        ],
    )
    def test_columns_are_named_once_and_explained(self, columns: tuple[report.Column, ...]) -> None:
        """Each table's column names are unique, and each column says what it means."""
        assert len(set(names(columns))) == len(columns)
        assert all(column.meaning.strip() for column in columns)


class TestTimeline:
    def test_still_a_tuple_of_periods(self) -> None:
        """plan.timeline() compares, indexes and slices as the tuple of its periods."""
        timeline = INNOTRAC.timeline()
        assert isinstance(timeline, tuple)
        assert timeline == tuple(timeline)
        assert timeline[1:] == tuple(timeline)[1:]
        assert isinstance(timeline[0], rp.Period)

    def test_innotrac_dtypes(self) -> None:
        """Dates are pl.Date, the period index Int64, percentages text."""
        frame = INNOTRAC.timeline().to_polars()
        assert frame.schema["start"] == pl.Date
        assert frame.schema["end"] == pl.Date
        assert frame.schema["period"] == pl.Int64
        assert frame.schema["limit"] == pl.String
        ipof = frame.filter(pl.col("term") == "exception", pl.col("start") == dt.date(2003, 11, 24))
        assert ipof.select("name", "limit", "comparison").row(0) == (
            "IPOF Group",
            "40",
            "more-than",
        )
        assert ipof["source"][0].startswith("Amendment No. 3 (2003-11-24)")

    @settings(max_examples=40, deadline=None)
    @given(plan=plans())
    def test_rows_are_the_periods_terms(self, plan: rp.Plan) -> None:
        """One row per period and term: every period appears, with its own dates and limits."""
        timeline = plan.timeline()
        frame = timeline.to_polars()
        assert frame["period"].unique().sort().to_list() == list(range(len(timeline)))
        for index, period in enumerate(timeline):
            rows = frame.filter(pl.col("period") == index)
            assert set(rows["start"].to_list()) == {period.start}
            assert set(rows["in_force"].to_list()) == {period.in_force}
            if not period.in_force:
                assert rows["term"].to_list() == ["not-in-force"]
                continue
            general = rows.filter(pl.col("term") == "general")
            assert general.height == 1
            known = period.terms.known_general()
            assert rp.to_percent(general["limit"][0]) == known.percent
            assert general["comparison"][0] == known.comparison.value
            exceptions = rows.filter(pl.col("term") == "exception")
            assert [rp.to_percent(text) for text in exceptions["limit"]] == [
                exception.cap.percent for exception in period.terms.exceptions
            ]
            assert rows.filter(pl.col("term") == "exempt-person").height == len(
                period.terms.exemptions
            )

    def test_pandas_frame_holds_the_same_values(self) -> None:
        """to_pandas() has the same columns and values as to_polars(), in pandas' types."""
        timeline = INNOTRAC.timeline()
        frame = timeline.to_pandas()
        assert list(frame.columns) == names(report.TIMELINE_COLUMNS)
        assert str(frame["start"].dtype) == "datetime64[s]"
        assert str(frame["period"].dtype) == "Int64"
        polars = timeline.to_polars()
        assert [day.date() for day in frame["start"]] == polars["start"].to_list()
        assert frame["limit"].isna().tolist() == polars["limit"].is_null().to_list()


class TestAssessments:
    @settings(max_examples=60, deadline=None)
    @given(data=st.data(), plan=plans(max_amendments=3))
    def test_frame_values_are_the_assessments(self, data: st.DataObject, plan: rp.Plan) -> None:
        """Each row holds its verdict's values; every percent text reads back exactly."""
        on = plan.agreement.dated.add(days=data.draw(st.integers(0, 3000)))
        verdicts = rp.Assessments(
            rp.assess(plan, position, on=on)
            for position in data.draw(st.lists(positions(plan, on=on), min_size=1, max_size=4))
        )
        frame = verdicts.to_polars()
        assert frame.columns == names(report.VERDICT_COLUMNS)
        for row, verdict in zip(frame.iter_rows(named=True), verdicts, strict=True):
            assert row["date"] == on
            assert row["status"] == verdict.status.value
            assert row["shares"] == getattr(verdict.position, "shares", None)
            assert row["max_shares"] == verdict.max_shares
            assert row["headroom"] == verdict.headroom
            assert rp.to_percent(row["percent_exact"]) == verdict.percent
            if verdict.limit is None:
                assert row["limit"] is None
            else:
                assert rp.to_percent(row["limit"]) == verdict.limit.percent

    def test_counts_beyond_64_bits_are_text(self) -> None:
        """A share count beyond the signed 64-bit range is exact text, never an overflow."""
        huge = rp.Position("Huge Fund", 2**70, 2**72)
        verdicts = rp.Assessments([rp.assess(INNOTRAC, huge, on="2003-12-01")])
        frame = verdicts.to_polars()
        assert frame.schema["shares"] == pl.String
        assert frame["shares"][0] == str(2**70)
        assert str(verdicts.to_pandas()["outstanding"][0]) == str(2**72)

    def test_missing_pandas_names_the_extra(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without pandas, to_pandas() raises MissingExtraError naming the pandas extra."""
        monkeypatch.setitem(sys.modules, "pandas", None)
        with pytest.raises(rp.MissingExtraError, match=r"rightsplan\[pandas\]"):
            innotrac_verdicts().to_pandas()

    def test_missing_polars_names_the_extra(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without polars, to_polars() raises MissingExtraError naming the screen extra."""
        monkeypatch.setitem(sys.modules, "polars", None)
        with pytest.raises(rp.MissingExtraError, match=r"rightsplan\[screen\]"):
            INNOTRAC.timeline().to_polars()


HOLDERS = ("Alpha Capital", "Beta Partners LP", "Gamma Holdings")


@st.composite
def simple_plans(draw: st.DrawFn) -> rp.Plan:
    general = draw(thresholds())
    agreement = rp.RightsAgreement(
        company="Example Corp",
        dated=LEDGER_START,
        provisions=[rp.SetThreshold(percent=general.percent, comparison=general.comparison)],
    )
    return rp.Plan(agreement)


class TestHistory:
    @settings(max_examples=40, deadline=None)
    @given(plan=simple_plans(), ledger=ledgers(holders=HOLDERS, max_events=8))
    def test_a_row_per_holder_and_period(self, plan: rp.Plan, ledger: rp.Ledger) -> None:
        """history.to_polars() has one row per holder and period, with the period's values."""
        history = rp.replay(plan, ledger)
        frame = history.to_polars()
        expected = [(name, p) for name in history.holders() for p in history.periods(name)]
        assert frame.height == len(expected)
        for row, (name, period) in zip(frame.iter_rows(named=True), expected, strict=True):
            assert (row["holder"], row["start"], row["end"]) == (name, period.start, period.end)
            assert row["status"] == period.status.status.value
            assert row["headroom"] == period.status.headroom
            counted = period.status.counted
            if counted is not None:
                assert row["shares"] == counted.shares
                assert rp.to_percent(row["percent_exact"]) == counted.percent
        triggers = history.triggers().to_polars()
        assert triggers.height == len(history.triggers())
        assert triggers["on"].to_list() == [t.on for t in history.triggers()]

    def test_innotrac_history_and_triggers(self) -> None:
        """The Innotrac replay exports its periods and its trigger with real dates."""
        history = rp.replay(INNOTRAC, rp.load_events(EVENTS))
        frame = history.to_polars()
        assert frame.schema["start"] == pl.Date
        assert frame.schema["shares"] == pl.Int64
        assert set(frame["holder"]) == set(history.holders())
        triggers = history.triggers()
        assert isinstance(triggers, tuple)
        assert triggers == history.trigger_list
        assert triggers.to_pandas().shape[0] == len(triggers)


class TestDrafts:
    def test_a_row_per_drafted_change(self) -> None:
        """A plan draft's frame has a row per provision and amendment change, with evidence."""
        drafts = [
            edgar.draft_filing(edgar.read_filing(path)) for path in sorted(FILINGS.glob("0[1-2]*"))
        ]
        draft = edgar.combine(drafts[:1])
        frame = draft.to_polars()
        count = len(draft.provisions) + sum(len(a.changes) for a in draft.amendments)
        assert frame.height == count > 0
        assert frame.columns == names(report.CHANGE_COLUMNS)
        assert frame.schema["executed"] == pl.Date
        assert all(frame["quote"].str.len_chars() > 0)
        assert draft.filings[0].to_polars().equals(frame)


TEXT = st.characters(
    categories=("L", "N", "P", "S", "Zs"),
    exclude_characters="\u115f\u1160\u3164\uffa0",  # fillers that show nothing: refused
)
"""Visible text, markup characters (<, >, &, quotes) included."""


class TestDisplay:
    def objects(self) -> list[object]:
        """A plan, its terms, a verdict, a history, a plan draft and a filing's draft."""
        history = rp.replay(INNOTRAC, rp.load_events(EVENTS))
        draft = edgar.combine(
            [edgar.draft_filing(edgar.read_filing(FILINGS / "01_harborview_item5_adoption.txt"))]
        )
        return [
            INNOTRAC,
            INNOTRAC.terms_at("2003-12-01"),
            innotrac_verdicts()[0],
            history,
            draft,
            draft.filings[0],
        ]

    def test_short_one_line_reprs(self) -> None:
        """Plan, Terms, Assessment, History and drafts have a one-line repr under 200 chars."""
        for thing in self.objects():
            text = repr(thing)
            assert "\n" not in text
            assert len(text) < 200, text
            assert text.startswith(f"<{type(thing).__name__} ")

    def test_html_tables_with_citations(self) -> None:
        """Each rich display is an HTML table that cites its sources."""
        for thing in self.objects():
            shown = thing._repr_html_()  # type: ignore[attr-defined]
            assert shown.startswith("<table>")
            assert "</table>" in shown
        assert "Amendment No. 3 (2003-11-24)" in INNOTRAC._repr_html_()

    def test_equality_is_still_by_value(self) -> None:
        """A plan rebuilt from the same instruments is equal: the generated __eq__ is kept."""
        again = rp.Plan(INNOTRAC.agreement, INNOTRAC.amendments)
        assert again == INNOTRAC and again is not INNOTRAC
        verdicts = innotrac_verdicts()
        assert verdicts[0] == innotrac_verdicts()[0]

    @settings(max_examples=60, deadline=None)
    @given(name=st.text(TEXT, min_size=1).filter(str.strip))
    def test_text_is_escaped(self, name: str) -> None:
        """A holder's and company's text reaches the HTML escaped: no markup gets through."""
        import html

        agreement = rp.RightsAgreement(
            company=f"<b>{name}</b>",
            dated="2001-01-01",
            provisions=[rp.SetThreshold(percent=15, comparison=rp.Comparison.AT_LEAST)],
        )
        plan = rp.Plan(agreement)
        verdict = rp.assess(plan, rp.Position(f"<i>{name}", 10, 100), on="2001-06-01")
        for shown in (
            plan._repr_html_(),
            verdict._repr_html_(),
            plan.terms_at("2001-06-01")._repr_html_(),
        ):
            assert "<b>" not in shown and "<i>" not in shown
        assert html.escape(f"<i>{name}") in verdict._repr_html_()


def test_dates_are_plain_dates() -> None:
    """Frames hold plain dates, never pendulum's subclass."""
    value = INNOTRAC.timeline().to_polars()["start"][0]
    assert type(value) is dt.date
    assert value == pendulum.Date(1997, 12, 31)


class TestDocs:
    @pytest.mark.parametrize(
        "columns",
        [
            report.VERDICT_COLUMNS,
            report.TIMELINE_COLUMNS,
            report.HISTORY_COLUMNS,
            report.TRIGGER_COLUMNS,
            report.CHANGE_COLUMNS,
            reports.WATCH_COLUMNS,
        ],
    )
    def test_every_column_documented_with_its_type(
        self, columns: tuple[report.Column, ...]
    ) -> None:
        """docs/tables.md lists each column with its type and meaning, as report.py has it."""
        page = (ROOT / "docs" / "tables.md").read_text("utf-8")
        for column in columns:
            mark = " (also in `rp.screen`)" if column.screened else ""
            meaning = column.meaning.replace("|", "/")
            assert f"| `{column.name}` | {column.type.value} | {meaning}{mark} |" in page
