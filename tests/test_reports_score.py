"""The reader's precision and recall per field, on a corpus half."""

from __future__ import annotations

import json
import shutil
from fractions import Fraction
from pathlib import Path

import pytest

from rightsplan.cli import main
from rightsplan.reports import read_report, score
from rightsplan.reports.score import half_of

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "data" / "reports-fixtures"
CORPUS = ROOT / "tests" / "data" / "reports"


def _corpus(tmp_path: Path, *, wrong: bool = False) -> Path:
    """A corpus of the fixtures, gold facts from what the excerpts state (one made wrong)."""
    for slug, name in (
        ("tci-music", "tci-music-13d.txt"),
        ("mai-systems", "mai-systems-13d-a.txt"),
    ):
        folder = tmp_path / slug
        folder.mkdir()
        shutil.copy(FIXTURES / name, folder / "01-13d.txt")
        facts = [{"fact": f.fact, "quote": f.quote} for f in read_report(FIXTURES / name).facts()]
        if wrong and slug == "tci-music":
            facts[0] = {"fact": "issuer=TCI Music Inc", "quote": "TCI MUSIC, INC."}
        (folder / "01-13d.gold.json").write_text(json.dumps({"facts": facts}), encoding="utf-8")
    (tmp_path / "split.json").write_text(
        json.dumps({"development": ["tci-music", "mai-systems"], "test": []}), encoding="utf-8"
    )
    return tmp_path


class TestScore:
    def test_half_is_the_hash_parity(self) -> None:
        """An issuer's half is the parity of its slug's SHA-256, as the corpus split says."""
        assert {half_of("tci-music"), half_of("cik-1059786")} == {"development", "test"}

    def test_perfect_on_agreeing_gold(self, tmp_path: Path) -> None:
        """Gold equal to the reader's facts scores 100% precision and recall."""
        result = score(_corpus(tmp_path))
        assert result.reports == 2
        assert (result.total.precision, result.total.recall) == (Fraction(1), Fraction(1))

    def test_a_wrong_value_costs_both(self, tmp_path: Path) -> None:
        """An issuer the reader spells otherwise is a false positive and a false negative."""
        issuer = next(f for f in score(_corpus(tmp_path, wrong=True)).fields if f.field == "issuer")
        assert (issuer.true_positives, issuer.false_positives, issuer.false_negatives) == (1, 1, 1)

    def test_command(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """'rightsplan reports score CORPUS' prints the per-field table."""
        assert main(["reports", "score", str(_corpus(tmp_path))]) == 0
        out = capsys.readouterr().out
        assert "| person.name | 1 | 1 | 1 | 100.0% | 100.0% |" in out

    @pytest.mark.parametrize("half", ["development", "test"])
    def test_runs_on_the_shared_corpus(self, half: str, capsys: pytest.CaptureFixture[str]) -> None:
        """The command runs on whatever corpus tests/data/reports holds (either half)."""
        if not CORPUS.is_dir():
            pytest.skip("no corpus in tests/data/reports yet")
        assert main(["reports", "score", str(CORPUS), "--half", half, "--format", "json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["half"] == half and data["fields"][-1]["field"] == "all"
