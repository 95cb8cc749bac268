"""Precision and recall of the drafts (fixtures, real-filing corpus), as docs/filings.md says."""

from __future__ import annotations

import functools
import json
import re
import shutil
from pathlib import Path

import pytest

from rightsplan.edgar import draft_filing, read_filing
from rightsplan.edgar.evaluate import (
    HALVES,
    CorpusScore,
    comparable,
    corpus_documents,
    evaluate_corpus,
    fact_kind,
    facts,
    main,
    score,
    score_directory,
    to_markdown,
)
from rightsplan.errors import InvalidInputError

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

    @pytest.mark.parametrize(
        ("drafted", "gold"),
        [
            ("company=Acme Widgets, Inc.", "company=ACME WIDGETS, INC."),
            (
                "agreement.rights_agent=Acme Trust Company",
                "agreement.rights_agent=ACME TRUST COMPANY",
            ),
            (
                "amendment[1].appoint-rights-agent=Acme Trust",
                "amendment[1].appoint-rights-agent=ACME TRUST",
            ),
            (
                "amendment[2].add-exception=ACME FUND: more than 25%",
                "amendment[2].add-exception=Acme Fund: more than 25%",
            ),
            (
                "amendment[1].add-exempt-person=ACME made an Exempt Person",
                "amendment[1].add-exempt-person=Acme made an Exempt Person",
            ),
            ("company=Acme\u00ae Widgets, Inc.", "company=Acme Widgets, Inc."),
            ("company=ACME\u2122 Inc.", "company=Acme Inc."),
        ],
    )
    def test_names_compared_without_case_or_signs(self, drafted: str, gold: str) -> None:
        """A name fact matches its gold in any case and without trademark signs."""
        result = score({"a": [drafted]}, {"a": [gold]})
        assert (result.correct, result.missed, result.wrong) == (1, (), ())

    @pytest.mark.parametrize(
        ("drafted", "gold"),
        [
            (
                "agreement.set-grandfathering=No additional share",
                "agreement.set-grandfathering=no additional share",
            ),
            ("event=Adoption", "event=adoption"),
            ("document=EX-4 Amendment", "document=EX-4 amendment"),
        ],
    )
    def test_other_facts_compared_as_written(self, drafted: str, gold: str) -> None:
        """Only name facts ignore case; every other fact must match exactly."""
        assert score({"a": [drafted]}, {"a": [gold]}).correct == 0

    def test_errors_listed_as_written(self) -> None:
        """Missed and wrong facts are listed in their own case, not the compared form."""
        result = score({"a": ["company=Acme Inc."]}, {"a": ["company=BETA CORP."]})
        assert result.missed == ("a: company=BETA CORP.",)
        assert result.wrong == ("a: company=Acme Inc.",)

    def test_comparable_form(self) -> None:
        """A name fact's compared form is case-folded, its signs and extra spaces removed."""
        assert comparable("company=ACME \u00ae  Corp.") == "company=acme corp."


CORPUS = ROOT / "tests" / "data" / "corpus"
FIGURES = re.compile(
    r"<!-- corpus figures: [^\n]*-->\n(?P<table>.*?)<!-- end of corpus figures -->", re.DOTALL
)


@functools.cache
def scored(half: str) -> CorpusScore:
    """One evaluation of a half of the corpus, shared by the tests that only read its figures."""
    return evaluate_corpus(CORPUS, half)


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    """A copy of four companies of the corpus, one of them its test half, with its split.json."""
    companies = json.loads((CORPUS / "split.json").read_text("utf-8"))["development"]
    chosen = {"development": companies[:3], "test": companies[3:4]}
    for slug in chosen["development"] + chosen["test"]:
        shutil.copytree(CORPUS / slug, tmp_path / slug)
    split = {**chosen, "retired_from_test": []}
    (tmp_path / "split.json").write_text(json.dumps(split), "utf-8")
    return tmp_path


class TestCorpusEvaluation:
    def test_command_prints_the_per_kind_table(
        self, small_corpus: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`python -m rightsplan.edgar.evaluate --half development` prints the per-kind table."""
        assert main(["--corpus", str(small_corpus), "--half", "development"]) == 0
        out = capsys.readouterr().out
        assert out == to_markdown([evaluate_corpus(small_corpus, "development")])
        assert out.startswith("| fact kind | development (")
        for kind in ("document kind", "event", "dates", "all facts"):
            assert f"| {kind} | " in out

    def test_json_and_errors(self, small_corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--format json gives each half's counts per kind and every missed and wrong fact."""
        args = ["--corpus", str(small_corpus), "--half", "both", "--format", "json"]
        assert main(args) == 0
        halves = json.loads(capsys.readouterr().out)
        assert [h["half"] for h in halves] == ["development", "test"]
        for half in halves:
            assert half["documents"] >= 1
            total = half["all"]
            assert total["expected"] - total["correct"] == len(half["missed"])
            assert total["drafted"] - total["correct"] == len(half["wrong"])

    def test_json_lists_the_errors_of_the_whole_half(self) -> None:
        """On the whole development half the error lists account for every miss and wrong fact."""
        half = scored("development")
        assert half.documents > 40
        assert half.total.expected - half.total.correct == len(half.total.missed)
        assert half.total.drafted - half.total.correct == len(half.total.wrong)

    def test_bad_input_exits_2(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown half or a folder without split.json exits 2 with one line."""
        assert main(["--half", "everything"]) == 2
        assert main(["--corpus", str(tmp_path), "--half", "test"]) == 2
        assert "split.json" in capsys.readouterr().err

    def test_retired_companies_are_development(self, tmp_path: Path) -> None:
        """split.json's retired_from_test list is a record, not a half: those are development."""
        (tmp_path / "acme").mkdir()
        (tmp_path / "acme" / "01-8k.txt").write_text("Source: https://example.com\nx\n", "utf-8")
        gold = {"document_kind": "8-K", "facts": [{"fact": "event=none", "quote": "x"}]}
        (tmp_path / "acme" / "01-8k.gold.json").write_text(json.dumps(gold), "utf-8")
        halves = {"development": ["acme"], "test": [], "retired_from_test": ["acme"]}
        (tmp_path / "split.json").write_text(json.dumps(halves), "utf-8")
        (document,) = corpus_documents(tmp_path, "development")
        assert (document.name, document.half) == ("acme/01-8k.txt", "development")
        assert corpus_documents(tmp_path, "test") == ()

    @pytest.mark.parametrize(
        "halves",
        [
            {"development": [], "test": [], "held_back": []},
            {"development": [], "retired_from_test": []},
            {"development": [], "test": "acme"},
        ],
    )
    def test_split_keys_checked(self, tmp_path: Path, halves: dict[str, object]) -> None:
        """A split.json with an unknown key, a missing half or a half not a list is refused."""
        (tmp_path / "split.json").write_text(json.dumps(halves), "utf-8")
        with pytest.raises(InvalidInputError, match="split.json.*retired_from_test"):
            corpus_documents(tmp_path, "development")

    def test_deterministic(self) -> None:
        """Two runs on the same half give the same figures and the same errors."""
        assert evaluate_corpus(CORPUS, "development") == scored("development")

    def test_docs_report_the_figures_it_computes(self) -> None:
        """docs/filings.md shows the figures the command computes for both halves and targets."""
        page = (ROOT / "docs" / "filings.md").read_text("utf-8")
        match = FIGURES.search(page)
        assert match is not None
        halves = [scored(half) for half in HALVES]
        assert match["table"] == to_markdown(halves)
        test = halves[1]
        for kind in ("thresholds (comparison and holder)", "dates"):
            value = test.kind(kind)
            assert f"recall {value.recall:.2f}, precision {value.precision:.2f} |" in page
        kinds = test.kind("document kind")
        assert f"| {kinds.correct} of {kinds.expected} documents |" in page

    def test_fact_kinds(self) -> None:
        """Every gold fact of the corpus falls in a named kind, never "other"."""
        for half in HALVES:
            for document in corpus_documents(CORPUS, half):
                assert [f for f in document.expected if fact_kind(f) == "other"] == []
