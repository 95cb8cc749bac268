"""The ``rightsplan ingest`` command: fragment as TOML, drafts as JSON, clear errors."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from rightsplan.edgar.cli import ingest_main

DATA = Path(__file__).resolve().parent / "data" / "filings"
SEED = str(DATA / "seed_004.txt")


class TestIngest:
    def test_toml(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The default output is a TOML plan-file fragment."""
        assert ingest_main([SEED]) == 0
        data = tomllib.loads(capsys.readouterr().out)
        assert data["agreement"]["company"] == "Innotrac Corporation"
        assert [a["number"] for a in data["amendments"]] == [1, 2, 3]

    def test_json_has_spans(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--format json gives the fragment and every draft with spans, quotes, confidence."""
        assert ingest_main([SEED, "--format", "json"]) == 0
        data = json.loads(capsys.readouterr().out)
        (filing,) = data["filings"]
        (holding,) = filing["holdings"]
        assert (holding["holder"], holding["shares"], holding["percent"]) == (
            "IPOF Fund",
            2800500,
            "24.2",
        )
        assert holding["quote"].startswith("2,800,500")
        assert data["plan"]["amendments"][-1]["executed"] == "2003-11-24"

    def test_several_filings_and_no_event(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Filings with no event are named on standard error; the others are combined."""
        assert ingest_main([str(DATA / "seed_002.txt"), SEED]) == 0
        captured = capsys.readouterr()
        assert "seed_002.txt: no rights-plan event found" in captured.err
        assert "replace-exception" in captured.out

    def test_help_has_an_example(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--help exits 0 and shows an example."""
        assert ingest_main(["--help"]) == 0
        assert "rightsplan ingest tests/data/filings/seed_004.txt" in capsys.readouterr().out

    @pytest.mark.parametrize(
        ("content", "message"), [(b"", "the file is empty"), (b"\x00\x01\x02" * 50, "binary")]
    )
    def test_bad_input_is_one_line(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
    ) -> None:
        """Bad input exits 2 with one error line naming the file, never a traceback."""
        path = tmp_path / "bad.txt"
        path.write_bytes(content)
        assert ingest_main([str(path)]) == 2
        captured = capsys.readouterr()
        (line,) = captured.err.strip().splitlines()
        assert line.startswith("rightsplan ingest: error: ") and "bad.txt" in line
        assert message in line and captured.out == ""

    def test_internal_error_is_one_line(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A bug inside rightsplan exits 70 (never 1) with one line naming the file."""
        from rightsplan.cli import main

        def broken(filing: object) -> object:
            raise KeyError("boom")

        monkeypatch.setattr("rightsplan.edgar.cli.draft_filing", broken)
        monkeypatch.delenv("RIGHTSPLAN_DEBUG", raising=False)
        assert main(["ingest", SEED]) == 70
        (line,) = capsys.readouterr().err.strip().splitlines()
        assert "internal error" in line and "while reading" in line and "seed_004.txt" in line

    def test_bad_arguments(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A bad option exits 2."""
        assert ingest_main([SEED, "--format", "yaml"]) == 2
        assert "invalid choice" in capsys.readouterr().err


class TestIngestConventions:
    def test_goes_on_past_a_bad_file(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An unreadable filing among good ones is reported; the rest are drafted; exit 2."""
        bad = tmp_path / "bad.txt"
        bad.write_bytes(b"")
        alone = ingest_main([SEED])
        want = capsys.readouterr().out
        assert alone == 0
        assert ingest_main([str(bad), SEED]) == 2
        captured = capsys.readouterr()
        assert captured.out == want  # the draft of the readable filing, as if read alone
        assert "bad.txt" in captured.err and "the file is empty" in captured.err
        assert "1 of 2 filings could not be read" in captured.err

    def test_output_option(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """-o FILE writes the draft there (atomically), nothing to standard output."""
        target = tmp_path / "draft.toml"
        assert ingest_main([SEED, "-o", str(target)]) == 0
        assert capsys.readouterr().out == ""
        assert tomllib.loads(target.read_text("utf-8"))["agreement"]

    def test_output_may_not_name_a_filing(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """-o naming one of the filings is refused, exit 2, and the filing is untouched."""
        copy = tmp_path / "seed.txt"
        copy.write_bytes(Path(SEED).read_bytes())
        assert ingest_main([str(copy), "-o", str(copy)]) == 2
        assert copy.read_bytes() == Path(SEED).read_bytes()
        assert "input file" in capsys.readouterr().err
