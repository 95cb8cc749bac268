"""Precision and recall of the drafts on the test filings, as docs/filings.md reports them."""

from __future__ import annotations

import json
import re
from pathlib import Path

from rightsplan.edgar import draft_filing, read_filing
from rightsplan.edgar.evaluate import facts, score, score_directory

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "filings"


def doc_table() -> dict[str, str]:
    text = (ROOT / "docs" / "filings.md").read_text("utf-8")
    section = text.split("## Accuracy on the test set", 1)[1].split("\n## ", 1)[0]
    return dict(re.findall(r"^\| ([a-z ]+) \| ([\d.]+) \|$", section, re.MULTILINE))


class TestAccuracy:
    def test_docs_report_the_measured_numbers(self) -> None:
        """The precision and recall in docs/filings.md are those measured now."""
        measured = score_directory(DATA)
        table = doc_table()
        assert int(table["facts expected"]) == measured.expected
        assert int(table["facts drafted"]) == measured.drafted
        assert int(table["drafted and correct"]) == measured.correct
        assert table["precision"] == f"{measured.precision:.2f}"
        assert table["recall"] == f"{measured.recall:.2f}"

    def test_every_test_filing_has_expectations(self) -> None:
        """Every filing in tests/data/filings is listed in expected.json."""
        expected = json.loads((DATA / "expected.json").read_text("utf-8"))
        files = {p.name for p in DATA.iterdir() if p.suffix in (".txt", ".htm")}
        assert set(expected) == files

    def test_seed_004_facts(self) -> None:
        """Seed 004: every fact the issue names is drafted."""
        drafted = facts(draft_filing(read_filing(DATA / "seed_004.txt")))
        ipof = "IPOF Group: more than {}%; passive; members IPOF Fund, L.P. | David Dadante"
        for fact in (
            "amendment[3].authorized=2003-11-21",
            "amendment[3].executed=2003-11-24",
            f"amendment[3].replace-exception={ipof.format(40)}",
            f"amendment[2].add-exception={ipof.format(25)}",
            "amendment[2].executed=2003-08-14",
            "agreement.set-threshold=more than 15%",
            "holding=IPOF Fund 2800500 24.2%",
        ):
            assert fact in drafted

    def test_score_counts(self) -> None:
        """score() counts correct, missed and wrong facts across filings."""
        result = score({"a": ["x", "y"], "b": ["z"]}, {"a": ["x"], "b": ["z", "w"]})
        assert (result.drafted, result.expected, result.correct) == (3, 3, 2)
        assert result.missed == ("b: w",) and result.wrong == ("a: y",)
        assert result.precision == result.recall == 2 / 3
