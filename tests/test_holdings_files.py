"""Holdings files: CSV and JSON lines into positions with their dates and lines."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rightsplan as rp
from rightsplan import testing as rptest
from rightsplan.io import loads_holdings
from rightsplan.io.holdings import STANDING_COLUMNS, standing_columns
from rightsplan.standing import STANDING_KINDS, standing_from_fields

ROOT = Path(__file__).resolve().parent.parent


class TestCsv:
    def test_shipped_innotrac_holdings(self) -> None:
        """The shipped holdings file reads with separators, passive flags, dates and kinds."""
        holdings = rp.load_holdings(ROOT / "examples" / "innotrac" / "holdings.csv")
        first = holdings[0]
        assert first.position == rp.Position("IPOF Group", 2_800_500, 11_572_314, passive=True)
        assert (first.date, first.line) == (pendulum.Date(2003, 9, 1), 2)
        kinds = {h.position.kind for h in holdings}
        assert rp.HolderKind.BENEFIT_PLAN in kinds

    def test_optional_columns_default(self) -> None:
        """Without passive, date or kind, a row is active, undated and of kind other."""
        (holding,) = loads_holdings("Holder,Shares,Outstanding\nA Fund,5,100\n", "csv")
        assert holding.position == rp.Position("A Fund", 5, 100)
        assert holding.date is None

    def test_extra_share_columns(self) -> None:
        """Rights to acquire and derivatives columns fill the position's counts."""
        text = 'holder,shares,outstanding,rights_to_acquire,derivatives\nA,5,100,"1,000",7\n'
        (holding,) = loads_holdings(text, "csv")
        assert (holding.position.rights_to_acquire, holding.position.derivatives) == (1000, 7)

    def test_lines_count_blank_and_quoted_lines(self) -> None:
        """A row's line is where it starts, counting blank lines and multi-line quoted names."""
        text = 'holder,shares,outstanding\n\n"Two\nLines",1,10\nB,2,10\n'
        holdings = loads_holdings(text, "csv")
        assert [h.line for h in holdings] == [3, 5]

    def test_every_bad_row_at_once(self) -> None:
        """All bad rows are reported together, each with its line."""
        text = "holder,shares,outstanding\nA,-1,10\nB,1,10\nC,11,10\n"
        with pytest.raises(rp.HoldingsFileError) as caught:
            loads_holdings(text, "csv", name="h.csv")
        assert [p.split(": ")[0] for p in caught.value.problems] == ["h.csv:2", "h.csv:4"]


class TestJsonLines:
    def test_reads_the_same_keys(self) -> None:
        """JSON lines use the CSV column names as keys, with JSON types."""
        text = (
            '{"holder": "IPOF Group", "shares": 2800500, "outstanding": 11572314, '
            '"passive": true, "date": "2003-09-01"}\n\n'
            '{"holder": "B", "shares": "1,000", "outstanding": 5000, "kind": "company"}\n'
        )
        first, second = loads_holdings(text, "jsonl")
        assert first.position.passive and first.date == pendulum.Date(2003, 9, 1)
        assert (second.position.shares, second.position.kind, second.line) == (
            1000,
            rp.HolderKind.COMPANY,
            3,
        )

    def test_line_separators_inside_values_do_not_split_records(self) -> None:
        """A name holding U+2028 stays one record: JSON lines are split on newlines alone."""
        text = '{"holder": "Odd\u2028Name", "shares": 1, "outstanding": 10}\r\n'
        (holding,) = loads_holdings(text, "jsonl")
        assert holding.position.holder == "Odd\u2028Name"
        assert holding.line == 1

    def test_unknown_key(self) -> None:
        """An unknown key is an error naming the line."""
        with pytest.raises(rp.HoldingsFileError, match=r"h.jsonl:1: unknown key 'percent'"):
            loads_holdings('{"holder": "A", "percent": 5}', "jsonl", name="h.jsonl")

    def test_file_extension(self, tmp_path: Path) -> None:
        """load_holdings picks the format by extension and refuses others."""
        path = tmp_path / "h.jsonl"
        path.write_text('{"holder": "A", "shares": 1, "outstanding": 2}\n', "utf-8")
        assert rp.load_holdings(path)[0].position.holder == "A"
        other = tmp_path / "h.xlsx"
        other.write_bytes(b"")
        with pytest.raises(rp.HoldingsFileError, match=r"extension '\.xlsx'"):
            rp.load_holdings(other)

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file is a HoldingsFileError naming it."""
        with pytest.raises(rp.HoldingsFileError, match=r"nope\.csv: no such file"):
            rp.load_holdings(tmp_path / "nope.csv")


GRANDFATHERED_ROW = (
    "holder,shares,outstanding,date,standing,standing_since,standing_shares\n"
    'Harbor Value Fund,"640,000","10,000,000",2026-04-01,grandfathered,2026-03-02,"610,000"\n'
)


class TestStandingColumns:
    def test_grandfathered(self) -> None:
        """A grandfathered row gives its since date and base, separators allowed."""
        (holding,) = loads_holdings(GRANDFATHERED_ROW, "csv")
        assert holding.standing == rp.Grandfathered(pendulum.Date(2026, 3, 2), 610_000)

    def test_absent_or_blank_is_ordinary(self) -> None:
        """Without standing columns, or with them blank, a row has no standing of its own."""
        text = "holder,shares,outstanding,standing,standing_since\nA,1,10,,\nB,1,10, none ,\n"
        assert [h.standing for h in loads_holdings(text, "csv")] == [rp.Ordinary()] * 2
        (plain,) = loads_holdings("holder,shares,outstanding\nA,1,10\n", "csv")
        assert plain.standing == rp.Ordinary()

    @pytest.mark.parametrize(
        ("row", "expected"),
        [
            (
                '"standing": "buyback", "standing_since": "2026-03-02", "standing_shares": 600000',
                rp.BuybackExcused(pendulum.Date(2026, 3, 2), 600_000),
            ),
            (
                '"standing": "acquiring-person", "standing_since": "2026-03-02"',
                rp.AcquiringPerson(pendulum.Date(2026, 3, 2)),
            ),
            (
                '"standing": "exempted", "standing_since": "2026-03-02"',
                rp.BoardExempted(pendulum.Date(2026, 3, 2)),
            ),
            (
                '"standing": "exempted", "standing_since": "2026-03-02", '
                '"standing_cap_percent": "9.99", "standing_cap_comparison": "more-than"',
                rp.BoardExempted(
                    pendulum.Date(2026, 3, 2),
                    cap=rp.Threshold(Fraction("9.99"), rp.Comparison.MORE_THAN),
                ),
            ),
        ],
    )
    def test_each_kind_in_json_lines(self, row: str, expected: rp.Standing) -> None:
        """Each kind reads from JSON lines with the fields it uses, as standing_from_fields says."""
        text = '{"holder": "A", "shares": 1, "outstanding": 10, ' + row + "}\n"
        (holding,) = loads_holdings(text, "jsonl")
        assert holding.standing == expected

    def test_inadvertent(self) -> None:
        """An inadvertent crossing reads its crossing day and its divest-by date."""
        text = (
            "holder,shares,outstanding,standing,standing_since,standing_until\n"
            "A,6,100,inadvertent,2026-03-02,2026-04-15\n"
        )
        (holding,) = loads_holdings(text, "csv")
        assert isinstance(holding.standing, rp.InadvertentExcused)
        assert (holding.standing.crossed_on, holding.standing.divest_by) == (
            pendulum.Date(2026, 3, 2),
            pendulum.Date(2026, 4, 15),
        )

    def test_a_column_the_kind_does_not_use_is_an_error(self) -> None:
        """A standing value the row's kind does not use is reported, never dropped."""
        text = "holder,shares,outstanding,standing_shares\nA,1,10,5\n"
        with pytest.raises(rp.HoldingsFileError) as caught:
            loads_holdings(text, "csv", name="h.csv")
        assert caught.value.problems == (
            "h.csv:2: standing_shares: not used by a standing of 'none' (it uses no other field)",
        )

    def test_every_bad_value_at_once(self) -> None:
        """Bad standing values and bad position values of one row are reported together."""
        text = (
            "holder,shares,outstanding,standing,standing_since,standing_cap_percent\n"
            "A,-1,10,exempted,2026-13-01,1.5.0\n"
        )
        with pytest.raises(rp.HoldingsFileError) as caught:
            loads_holdings(text, "csv", name="h.csv")
        fields = [problem.split(": ")[1] for problem in caught.value.problems]
        assert fields == ["shares", "standing_since", "standing_cap_percent"]

    def test_standing_after_the_row_date(self) -> None:
        """A standing that starts after the row's date is an error; without a date it is not."""
        late = GRANDFATHERED_ROW.replace("2026-04-01", "2026-03-01")
        with pytest.raises(rp.HoldingsFileError, match=r"h.csv:2: standing_since: .* after"):
            loads_holdings(late, "csv", name="h.csv")
        (undated,) = loads_holdings(GRANDFATHERED_ROW.replace("2026-04-01", ""), "csv")
        assert undated.standing_problem(pendulum.Date(2026, 3, 1)) is not None
        assert undated.standing_problem(pendulum.Date(2026, 3, 2)) is None

    def test_holding_refuses_a_non_standing(self) -> None:
        """Holding.standing must be a standing; None reads as ordinary."""
        position = rp.Position("A", 1, 10)
        assert rp.Holding(position, standing=None).standing == rp.Ordinary()
        with pytest.raises(rp.InputTypeError, match="standing: expected a standing"):
            rp.Holding(position, standing="grandfathered")


@st.composite
def file_standings(draw: st.DrawFn) -> rp.Standing:
    """A standing a holdings file can state, built the way the loader builds it."""
    kind = draw(st.sampled_from([kind.kind for kind in STANDING_KINDS]))
    since = draw(rptest.dates(max_value=pendulum.Date(2030, 12, 31)))
    fields: dict[str, object] = {}
    if kind != "none":
        fields["since"] = since
    if kind in ("grandfathered", "buyback"):
        fields["shares"] = draw(st.integers(0, 10**12))
    if kind == "inadvertent":
        fields["until"] = since.add(days=draw(st.integers(0, 400)))
    if kind == "exempted" and draw(st.booleans()):
        cap = draw(rptest.thresholds())
        fields["cap_percent"] = cap.percent
        fields["cap_comparison"] = cap.comparison
    return standing_from_fields(kind, **fields)  # type: ignore[arg-type]


class TestStandingColumnsRoundTrip:
    @given(file_standings(), st.sampled_from(["csv", "jsonl"]))
    def test_written_columns_read_back(self, standing: rp.Standing, fmt: str) -> None:
        """standing_columns gives the columns that read back as the same standing."""
        columns = {k: v for k, v in standing_columns(standing).items() if v is not None}
        row = {"holder": "A", "shares": "1", "outstanding": "10", **columns}
        if fmt == "jsonl":
            text = json.dumps(row) + "\n"
        else:
            text = ",".join(row) + "\n" + ",".join(f'"{value}"' for value in row.values()) + "\n"
        (holding,) = loads_holdings(text, fmt)
        assert holding.standing == standing

    @settings(max_examples=80)
    @given(
        st.dictionaries(
            st.sampled_from(STANDING_COLUMNS),
            st.one_of(
                st.text(max_size=12),
                st.sampled_from(
                    ["grandfathered", "exempted", "inadvertent", "2026-03-02", "6", "at-least"]
                ),
                st.integers(-5, 10**6),
                st.floats(),
                st.none(),
                st.booleans(),
            ),
            max_size=6,
        )
    )
    def test_arbitrary_standing_values(self, values: dict[str, object]) -> None:
        """Any standing values give a holding or a HoldingsFileError naming a standing column."""
        row = {"holder": "A", "shares": 1, "outstanding": 10, **values}
        problems: tuple[str, ...] = ()
        try:
            (holding,) = loads_holdings(json.dumps(row), "jsonl", name="h.jsonl")
            assert isinstance(holding.standing, STANDING_KINDS)
        except rp.HoldingsFileError as error:
            problems = error.problems
        assert all(problem.startswith("h.jsonl:1: standing") for problem in problems), problems
