"""The ``rightsplan ingest`` command: fragment as TOML, drafts as JSON, clear errors."""

from __future__ import annotations

import io
import json
import sys
import tomllib
from pathlib import Path

import pytest

from rightsplan.edgar.cli import DEFAULT_MAX_MIB, ingest_main

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

    def test_a_schedule_13d_points_to_the_reports_reader(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A Schedule 13D given to ingest is named as one, with the commands that read it."""
        report = Path(__file__).parent / "data" / "reports" / "aci-worldwide" / "01-13d-a.txt"
        assert ingest_main([str(report), str(DATA / "seed_002.txt")]) == 0
        lines = capsys.readouterr().err.splitlines()
        (about_report,) = [line for line in lines if "01-13d-a.txt" in line]
        assert "it is a Schedule 13D or 13G: 'rightsplan reports read FILE'" in about_report
        (about_seed,) = [line for line in lines if "seed_002.txt" in line]
        assert "Schedule 13D" not in about_seed and "reports read" not in about_seed

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


def _hostile(tmp_path: Path, *, name: str = "hostile.txt") -> Path:
    """seed_004 with escape sequences, a carriage return, a NUL and bidi overrides in it."""
    text = (DATA / "seed_004.txt").read_text()
    text = text.replace("INNOTRAC CORPORATION", "INNOTRAC\x1b[2J CORPORATION\u202e", 1)
    text = text.replace(
        "Pursuant to Amendment No. 3, David", "Pursuant to Amendment\x1b]0;pwned\x07 No. 3,\r David"
    )
    text = text.replace("more\nthan 40%", "more\nthan\x1b[1A\x1b[2K 40%\u202d")
    # A NUL past the first 8 KiB (where the binary check looks) and a C1 control.
    text += ("\nordinary closing text of the filing, padded " * 4 + "\n") * 60 + "\x00\x85\x9b2J\n"
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


class TestHostileFilingText:
    """Text a filing should not hold never reaches a terminal or a draft's plan file."""

    def test_toml_draft_loads_back_as_a_plan(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A TOML draft of a filing with ESC, CR, NUL and bidi overrides loads as a plan."""
        import rightsplan as rp

        assert ingest_main([str(_hostile(tmp_path))]) == 0
        captured = capsys.readouterr()
        draft = tmp_path / "draft.toml"
        draft.write_text(captured.out, encoding="utf-8")
        plan = rp.load_plan(draft)
        assert plan.agreement.company == "Innotrac Corporation"
        assert [a.number for a in plan.amendments] == [1, 2, 3]
        assert "pwned" not in captured.out
        assert "[2J" not in captured.out
        assert "\\u001B" not in captured.out.upper()

    def test_what_was_removed_is_said(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """What was removed is named on standard error and in the draft's note."""
        assert ingest_main([str(_hostile(tmp_path))]) == 0
        captured = capsys.readouterr()
        said = "removed from the filing's text"
        assert said in captured.err
        for what in ("terminal escape sequence (5 times)", "U+0000", "U+202E RIGHT-TO-LEFT"):
            assert what in captured.err
        note = tomllib.loads(captured.out)["agreement"]["note"]
        assert said in note
        assert "U+202D LEFT-TO-RIGHT OVERRIDE" in note

    @pytest.mark.parametrize("output_format", ["toml", "json"])
    def test_nothing_a_terminal_acts_on(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], output_format: str
    ) -> None:
        """Neither the draft nor the messages hold a control or invisible character."""
        import unicodedata

        path = _hostile(tmp_path, name="file\x1b[31mname\u202e.txt")
        assert ingest_main([str(path), "--format", output_format]) == 0
        captured = capsys.readouterr()
        for stream in (captured.out, captured.err):
            shown = [c for c in stream if c != "\n" and unicodedata.category(c) in ("Cc", "Cf")]
            assert shown == []
        assert "file\\x1b[31mname\\u202e.txt" in captured.err

    def test_json_draft_keeps_the_json_values(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The JSON drafts read back; a file name's escape sequence is text, not a control."""
        path = _hostile(tmp_path, name="esc\x1b[2J.txt")
        assert ingest_main([str(path), "--format", "json"]) == 0
        data = json.loads(capsys.readouterr().out)
        (filing,) = data["filings"]
        assert filing["filing"] == str(path).replace("\x1b", "\\x1b")
        assert all("\x1b" not in h["quote"] for h in filing["holdings"])

    def test_error_lines_are_escaped(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An error naming a file with an escape sequence in its name shows it escaped."""
        path = tmp_path / "empty\x1b[2J.txt"
        path.write_bytes(b"")
        assert ingest_main([str(path)]) == 2
        err = capsys.readouterr().err
        assert "\x1b" not in err
        assert "empty\\x1b[2J.txt" in err


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

    def test_dash_reads_standard_input(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """- reads the filing from standard input, drafted as if read from its file."""
        assert ingest_main([SEED]) == 0
        from_file = capsys.readouterr().out
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(Path(SEED).read_bytes())))
        assert ingest_main(["-"]) == 0
        from_stdin = capsys.readouterr().out
        assert from_stdin == from_file.replace(SEED, "<stdin>")

    def test_only_one_dash(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Standard input can be read once: two - are refused, exit 2."""
        assert ingest_main(["-", "-"]) == 2
        assert "only one input can be -" in capsys.readouterr().err


CORPUS = Path(__file__).resolve().parent / "data" / "corpus"
REAL_EXCERPT = CORPUS / "cerus" / "01-8a-a.txt"
"""A real Form 8-A/A, verbatim (its line 1 names the EDGAR page it came from)."""


def _excerpt() -> bytes:
    """The excerpt's text without its ``Source:`` line."""
    return REAL_EXCERPT.read_bytes().split(b"\n", 1)[1]


def _repeated(tmp_path: Path, size: int, name: str = "repeated.txt") -> Path:
    """The real excerpt repeated to at least ``size`` bytes."""
    excerpt = _excerpt()
    path = tmp_path / name
    path.write_bytes(excerpt * (size // len(excerpt) + 1))
    return path


def _peak(argv: list[str]) -> tuple[int, int]:
    """``rightsplan ingest argv``'s exit status and peak memory traced (bytes), in process."""
    import tracemalloc

    import rightsplan._progress
    import rightsplan.cli  # noqa: F401  # imported first: its import is not the command's cost

    tracemalloc.start()
    try:
        status = ingest_main(argv)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return status, peak


_MEASURED = """\
import resource, sys
from rightsplan.cli import main
status = main(sys.argv[1:])
try:  # Linux: this process's own peak; ru_maxrss keeps the parent's across fork and exec
    with open("/proc/self/status") as lines:
        peak = next(int(line.split()[1]) * 1024 for line in lines if line.startswith("VmHWM:"))
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak *= 1 if sys.platform == "darwin" else 1024
print(f"peak {peak}", file=sys.stderr)
sys.exit(status)
"""


def _measured(argv: list[str]) -> tuple[int, str, str, int]:
    """``rightsplan argv`` in a fresh process: status, stdout, stderr and peak RSS (bytes).

    tracemalloc slows a parse of 400,000 tags tenfold; the process's own peak resident
    memory (``resource``) bounds what the command needs, its Python start-up included.
    """
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, "-c", _MEASURED, *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    err, _, peak = done.stderr.rpartition("peak ")
    return done.returncode, done.stdout, err, int(peak)


_STARTUP = 150 * 1_048_576
"""A generous allowance for the interpreter and rightsplan's imports (about 40 MB seen)."""


def _one_error_line(err: str) -> str:
    """The single error line of standard error (no traceback)."""
    lines = [line for line in err.splitlines() if line.startswith("rightsplan ingest: error:")]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize("output_format", ["toml", "json"])
class TestHostileInputs:
    """Hostile inputs: bounded memory, a clear draft or a one-line refusal (exit 2)."""

    def test_twenty_megabytes_refused_unread(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], output_format: str
    ) -> None:
        """20 MB of a real excerpt repeated is refused before it is read, naming --max-size."""
        path = _repeated(tmp_path, 20 * 1_048_576)
        status, peak = _peak([str(path), "--format", output_format])
        assert status == 2
        line = _one_error_line(capsys.readouterr().err)
        assert "--max-size" in line and "20.0 MiB" in line
        assert peak < 1_048_576  # not read: a refusal costs no more than a megabyte

    def test_over_the_limit_given(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], output_format: str
    ) -> None:
        """A filing over --max-size is refused, naming the limit given."""
        path = _repeated(tmp_path, 1_100_000)
        status, peak = _peak([str(path), "--max-size", "1", "--format", output_format])
        assert status == 2
        assert "more than the 1 MiB" in _one_error_line(capsys.readouterr().err)
        assert peak < 1_048_576

    def test_repeated_excerpt_drafted_in_bounded_memory(
        self, tmp_path: Path, output_format: str
    ) -> None:
        """A repeated real excerpt within the limit is drafted in memory linear in its size."""
        path = _repeated(tmp_path, 400_000)
        size = path.stat().st_size
        status, out, err, peak = _measured(["ingest", str(path), "--format", output_format])
        assert status == 0, err
        assert "Traceback" not in err
        assert len(out) < size  # a draft, not a copy of the input, let alone its square
        assert peak < _STARTUP + 40 * size

    def test_deeply_nested_html(self, tmp_path: Path, output_format: str) -> None:
        """HTML nested 200,000 deep is read without recursion; no event, exit 0, no traceback."""
        depth = 200_000
        path = tmp_path / "deep.htm"
        path.write_bytes(
            b"<html><body>" + b"<div>" * depth + _excerpt() + b"</div>" * depth + b"</body></html>"
        )
        size = path.stat().st_size
        status, out, err, peak = _measured(["ingest", str(path), "--format", output_format])
        assert status == 0, err
        assert "Traceback" not in err
        if output_format == "json":
            (filing,) = json.loads(out)["filings"]
            assert filing["form"] == "8-A/A"
        else:
            assert tomllib.loads(out)["agreement"]
        assert peak < _STARTUP + 40 * size

    @pytest.mark.parametrize(
        "content",
        [
            bytes(range(256)) * 4096,  # binary: every byte value
            b"\x00" * 1_000_000,  # NUL bytes only
        ],
        ids=["binary", "nul-bytes"],
    )
    def test_binary_refused(
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        output_format: str,
        content: bytes,
    ) -> None:
        """A binary file or one of NUL bytes is refused in one line: not a filing, exit 2."""
        path = tmp_path / "data.bin"
        path.write_bytes(content)
        status, peak = _peak([str(path), "--format", output_format])
        assert status == 2
        assert "binary data" in _one_error_line(capsys.readouterr().err)
        # Bounded by the limit, whatever the file: reading allocates up to --max-size at once.
        assert peak < 2 * DEFAULT_MAX_MIB * 1_048_576

    def test_nul_bytes_inside_a_filing(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], output_format: str
    ) -> None:
        """NUL bytes inside a real filing: refused as binary in one line (exit 2)."""
        excerpt = _excerpt()
        path = tmp_path / "nul.txt"
        path.write_bytes(excerpt[:900] + b"\x00" * 16 + excerpt[900:])
        assert ingest_main([str(path), "--format", output_format]) == 2
        assert "binary data" in _one_error_line(capsys.readouterr().err)
