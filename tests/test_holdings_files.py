"""Holdings files: CSV and JSON lines into positions with their dates and lines."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

import rightsplan as rp
from rightsplan.io import loads_holdings

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
