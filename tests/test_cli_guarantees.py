"""The command line's promises: what each exit status means, how outputs are written, escaping.

These are the cases of issue 12 that reach the command line: exit 1 means a holding triggers
and nothing else; no output ever spoils an input or leaves a temporary file behind; text from
files never reaches a terminal raw; numbers too large for a calendar are bad input (exit 2).
"""

from __future__ import annotations

import contextlib
import csv
import functools
import importlib.util
import io
import json
import os
import signal
import stat
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rightsplan as rp
from rightsplan import cli
from rightsplan._printable import json_safe, printable
from rightsplan.cli import main
from rightsplan.io._files import atomic_destination, csv_text, write_atomically

ROOT = Path(__file__).resolve().parent.parent
PLAN = str(ROOT / "examples" / "innotrac" / "plan.toml")
HOLDINGS = str(ROOT / "examples" / "innotrac" / "holdings.csv")
EVENTS = str(ROOT / "examples" / "innotrac" / "events.csv")
FILINGS = ROOT / "tests" / "data" / "filings"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def command(*argv: str, prelude: str = "") -> subprocess.CompletedProcess[str]:
    """Run ``rightsplan ARGV`` in a fresh interpreter, after ``prelude`` (Python statements)."""
    script = f"import sys\n{prelude}\nfrom rightsplan.cli import main\nsys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", script, *argv],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def plan_with(tmp_path: Path, provision: str, name: str = "plan.toml") -> str:
    """The Innotrac plan file with one more provision in its agreement."""
    text = Path(PLAN).read_text(encoding="utf-8")
    head, sep, rest = text.partition("\n[[agreement.provisions]]")
    path = tmp_path / name
    path.write_text(f"{head}\n[[agreement.provisions]]\n{provision}\n{sep}{rest}", "utf-8")
    return str(path)


def crash(*args: object, **kwargs: object) -> int:
    raise ZeroDivisionError("a bug")


class TestExitStatuses:
    def test_internal_error_is_70_with_one_line(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An uncaught internal error exits 70 (never 1) with one line saying it is a bug."""
        monkeypatch.delenv(cli.DEBUG_VARIABLE, raising=False)
        monkeypatch.setattr("rightsplan.cli.terms._terms", crash)
        status, out, err = run(capsys, "terms", PLAN)
        assert status == cli.EXIT_SOFTWARE == 70
        assert out == "" and "Traceback" not in err
        assert err.count("\n") == 1 and "bug" in err and "RIGHTSPLAN_DEBUG=1" in err

    @pytest.mark.parametrize("how", ["variable", "option"])
    def test_debug_shows_the_traceback(
        self, how: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """RIGHTSPLAN_DEBUG=1 or --debug prints the internal error's traceback; still exit 70."""
        monkeypatch.setattr("rightsplan.cli.terms._terms", crash)
        if how == "variable":
            monkeypatch.setenv(cli.DEBUG_VARIABLE, "1")
            status, _, err = run(capsys, "terms", PLAN)
        else:
            monkeypatch.delenv(cli.DEBUG_VARIABLE, raising=False)
            status, _, err = run(capsys, "--debug", "terms", PLAN)
        assert status == 70
        assert "Traceback" in err and "ZeroDivisionError: a bug" in err

    def test_ctrl_c_is_130_without_a_traceback(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Ctrl-C exits 130 with one line, no traceback."""

        def interrupted(*args: object, **kwargs: object) -> int:
            raise KeyboardInterrupt

        monkeypatch.setattr("rightsplan.cli.check._check", interrupted)
        status, _, err = run(capsys, "check", PLAN, HOLDINGS)
        assert status == 130
        assert err == "rightsplan: interrupted\n"

    def test_ctrl_c_while_rightsplan_is_imported_is_130_without_a_traceback(self) -> None:
        """The entry point exits 130 quietly on a Ctrl-C before main() can handle it."""
        # The console script, with an import rightsplan makes held up until the signal comes.
        script = (
            "import sys, time\n"
            "class Slow:\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name == 'pendulum':\n"
            "            sys.stderr.write('importing\\n'); sys.stderr.flush(); time.sleep(60)\n"
            "sys.meta_path.insert(0, Slow())\n"
            "from _rightsplan_launch import main\n"
            "sys.exit(main())\n"
        )
        process = subprocess.Popen(
            [sys.executable, "-c", script, "terms", PLAN],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert process.stderr is not None
        assert process.stderr.readline() == "importing\n"
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=120)
        assert process.returncode == cli.EXIT_INTERRUPTED == 130
        assert (out, err) == ("", "rightsplan: interrupted\n")

    def test_the_command_is_the_launcher(self) -> None:
        """The ``rightsplan`` script runs the launcher, whose statuses are the CLI's."""
        import tomllib

        import _rightsplan_launch

        project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
        assert project["project"]["scripts"]["rightsplan"] == "_rightsplan_launch:main"
        assert _rightsplan_launch.EXIT_SOFTWARE == cli.EXIT_SOFTWARE
        assert _rightsplan_launch.EXIT_INTERRUPTED == cli.EXIT_INTERRUPTED

    def test_a_broken_installation_is_70(self) -> None:
        """If rightsplan cannot be imported, the command says so in one line and exits 70."""
        script = (
            "import sys\nsys.modules['pendulum'] = None\n"
            "from _rightsplan_launch import main\nsys.exit(main())\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", script, "terms", PLAN],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            env={k: v for k, v in os.environ.items() if k != cli.DEBUG_VARIABLE},
        )
        assert result.returncode == 70
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert "cannot import rightsplan (ModuleNotFoundError" in result.stderr

    def test_broken_pipe_is_quiet(self) -> None:
        """`rightsplan check ... | head -1`: the closed pipe ends the command quietly (141)."""
        script = "from rightsplan.cli import main\nimport sys\nsys.exit(main(sys.argv[1:]))"
        process = subprocess.Popen(
            [sys.executable, "-c", script, "check", PLAN, HOLDINGS, "--format", "json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # the reader goes away before anything is written
        err = process.stderr.read()
        process.stderr.close()
        assert process.wait(timeout=120) == cli.EXIT_BROKEN_PIPE == 141
        assert err == b""

    def test_closed_standard_output_is_one_line(self) -> None:
        """With standard output closed, the command says so in one line and exits 2."""
        result = command("terms", PLAN, prelude="sys.stdout = None")
        assert result.returncode == 2
        assert result.stderr == "rightsplan: error: '-': cannot write: standard output is closed\n"

    def test_standard_output_that_cannot_hold_the_text(self) -> None:
        """An ASCII-only standard output is one clear line (exit 2), not an internal error."""
        result = command(
            "terms", PLAN, prelude="sys.stdout.reconfigure(encoding='ascii', errors='strict')"
        )
        assert result.returncode == 2
        assert "standard output (ascii) cannot hold" in result.stderr
        assert "Traceback" not in result.stderr

    def test_screen_without_polars_says_which_extra(self, tmp_path: Path) -> None:
        """`rightsplan screen` without polars names the extra to install and exits 2."""
        result = command(
            "screen",
            str(tmp_path),
            str(tmp_path / "positions.parquet"),
            "--output",
            str(tmp_path / "out.parquet"),
            prelude="sys.modules['polars'] = None",
        )
        assert result.returncode == 2
        assert "Traceback" not in result.stderr
        assert 'pip install "rightsplan[screen]"' in result.stderr

    def test_rp_screen_without_polars_says_which_extra(self) -> None:
        """Calling rp.screen without polars raises MissingExtraError, a ModuleNotFoundError."""
        script = (
            "import sys\nsys.modules['polars'] = None\nimport rightsplan as rp\n"
            "try:\n    rp.screen({}, [])\nexcept ModuleNotFoundError as error:\n"
            "    print(type(error).__name__, isinstance(error, rp.RightsPlanError), error)\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True
        )
        assert result.stdout == (
            "MissingExtraError True rightsplan.screen needs polars: "
            'pip install "rightsplan[screen]"\n'
        )


class TestOutputs:
    def test_screen_out_may_not_be_an_input(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`screen --out` naming a positions file is refused (exit 2) and the file is unchanged."""
        pytest.importorskip("polars")
        from tests.test_screen import innotrac_rows

        positions = tmp_path / "positions.parquet"
        innotrac_rows().write_parquet(positions)
        (tmp_path / "plans").mkdir()
        before = positions.read_bytes()
        status, out, err = run(
            capsys, "screen", str(tmp_path / "plans"), str(positions), "--output", str(positions)
        )
        assert status == 2 and out == ""
        assert "--out" in err and "input file" in err
        assert positions.read_bytes() == before

    def test_screen_out_may_not_be_a_plan(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`screen --out` naming a plan file in PLANS_DIR is refused too; the plan is unchanged."""
        pytest.importorskip("polars")
        (tmp_path / "plans").mkdir()
        plan = tmp_path / "plans" / "INOC.toml"
        plan.write_bytes(Path(PLAN).read_bytes())
        status, _, err = run(
            capsys,
            "screen",
            str(tmp_path / "plans"),
            str(tmp_path / "p.parquet"),
            "--output",
            str(plan),
        )
        assert status == 2 and "input file" in err
        assert plan.read_bytes() == Path(PLAN).read_bytes()

    def test_screen_out_dash_is_standard_output(self, tmp_path: Path) -> None:
        """`screen --out -` writes the verdicts to standard output, the summary to stderr."""
        pl = pytest.importorskip("polars")
        from tests.test_screen import innotrac_rows

        (tmp_path / "plans").mkdir()
        (tmp_path / "plans" / "INOC.toml").write_bytes(Path(PLAN).read_bytes())
        positions = tmp_path / "positions.parquet"
        innotrac_rows().write_parquet(positions)
        script = "import sys\nfrom rightsplan.cli import main\nsys.exit(main(sys.argv[1:]))"
        argv = ["screen", str(tmp_path / "plans"), str(positions), "--output", "-"]
        result = subprocess.run(
            [sys.executable, "-c", script, *argv], capture_output=True, check=False, timeout=300
        )
        assert result.returncode == 1
        assert pl.read_parquet(io.BytesIO(result.stdout)).height == innotrac_rows().height
        assert b"4 positions screened" in result.stderr
        assert sorted(p.name for p in tmp_path.iterdir()) == ["plans", "positions.parquet"]

    def test_temporary_names_are_unique(self, tmp_path: Path) -> None:
        """Two writes to one file at once use two temporary files in its folder; both finish."""
        target = tmp_path / "out.txt"
        with atomic_destination(target) as first, atomic_destination(target) as second:
            assert first != second
            assert first.parent == second.parent == tmp_path
            first.write_text("first")
            second.write_text("second")
        assert target.read_text() == "first"
        assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]

    def test_screen_writes_through_a_unique_temporary_file(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Screen's output is written to a uniquely named temporary file, not a fixed one."""
        pytest.importorskip("polars")
        import polars as pl

        from tests.test_screen import INNOTRAC, innotrac_rows

        positions = tmp_path / "positions.parquet"
        innotrac_rows().write_parquet(positions)
        fixed = tmp_path / ".out.parquet.partial"
        fixed.write_text("another run's partial file")
        rp.screening.screen_parquet({"INOC": INNOTRAC}, positions, tmp_path / "out.parquet")
        assert fixed.read_text() == "another run's partial file"
        assert pl.read_parquet(tmp_path / "out.parquet").height == innotrac_rows().height

    @pytest.mark.parametrize("fmt", ["table", "json", "csv"])
    def test_dash_is_standard_output(self, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
        """`--output -` writes to standard output, as no --output does."""
        _, plain, _ = run(capsys, "check", PLAN, HOLDINGS, "--format", fmt)
        status, dashed, _ = run(capsys, "check", PLAN, HOLDINGS, "--format", fmt, "--output", "-")
        assert status == 1 and dashed == plain != ""
        _, plain, _ = run(capsys, "history", PLAN, EVENTS)
        _, dashed, _ = run(capsys, "history", PLAN, EVENTS, "--output", "-")
        assert dashed == plain != ""

    def test_dev_null_is_written_not_replaced(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`--output /dev/null` writes to the device; it stays a character device."""
        status, out, err = run(capsys, "check", PLAN, HOLDINGS, "--output", os.devnull)
        assert (status, out, err) == (1, "", "")
        assert stat.S_ISCHR(os.stat(os.devnull).st_mode)

    def test_named_pipe_is_written_not_replaced(self, tmp_path: Path) -> None:
        """`--output` naming a named pipe writes into it; it stays a named pipe."""
        pipe = tmp_path / "verdicts"
        os.mkfifo(pipe)
        received: list[bytes] = []
        reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
        reader.start()
        try:
            status = main(["check", PLAN, HOLDINGS, "--format", "csv", "--output", str(pipe)])
        finally:
            reader.join(timeout=60)
        assert status == 1
        assert received and received[0].startswith(b"line,holder,date,status")
        assert stat.S_ISFIFO(os.stat(pipe).st_mode)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["verdicts"]

    def test_symlink_is_followed(self, tmp_path: Path) -> None:
        """`--output` naming a symbolic link replaces the file it points to; the link stays."""
        (tmp_path / "real").mkdir()
        real = tmp_path / "real" / "verdicts.csv"
        real.write_text("old")
        link = tmp_path / "link.csv"
        link.symlink_to(real)
        assert main(["check", PLAN, HOLDINGS, "--format", "csv", "--output", str(link)]) == 1
        assert link.is_symlink()
        assert real.read_text().startswith("line,holder")
        assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["verdicts.csv"]

    @pytest.mark.parametrize(
        ("output", "says"),
        [("", "--output '': no file named"), ("nowhere/out.csv", "no such folder")],
    )
    def test_bad_output_names_the_option(
        self,
        output: str,
        says: str,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """An empty --output or a missing folder names the option, not a temporary file."""
        monkeypatch.chdir(tmp_path)
        status, out, err = run(capsys, "check", PLAN, HOLDINGS, "--output", output)
        assert status == 2 and out == ""
        assert err.startswith("rightsplan: error: --output") and says in err
        assert ".tmp" not in err
        assert list(tmp_path.iterdir()) == []

    def test_output_folder_is_refused(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--output naming a folder is refused, naming the option."""
        status, _, err = run(capsys, "history", PLAN, EVENTS, "--output", str(tmp_path))
        assert status == 2 and "--output" in err and "is a folder" in err

    @pytest.mark.parametrize(("signum", "status"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
    def test_termination_removes_the_temporary_file(
        self, signum: int, status: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """SIGTERM (or SIGHUP) while the output is written exits 128 + it and leaves no file."""

        def terminated(fd: int) -> None:
            os.kill(os.getpid(), signum)

        monkeypatch.setattr(os, "fsync", terminated)
        with pytest.raises(SystemExit) as exit_:
            main(["check", PLAN, HOLDINGS, "--output", str(tmp_path / "verdicts.txt")])
        assert exit_.value.code == status
        assert list(tmp_path.iterdir()) == []
        assert signal.getsignal(signum) is signal.SIG_DFL

    @pytest.mark.parametrize(
        ("plot", "says"),
        [
            ("", "--plot '': no file named"),
            ("out", "--plot out: name the picture's format by its extension"),
            (".", "--plot .: is a folder"),
        ],
    )
    def test_plot_names_are_checked(
        self,
        plot: str,
        says: str,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """--plot '', a name without a picture format, or a folder is refused (exit 2)."""
        monkeypatch.chdir(tmp_path)
        status, out, err = run(capsys, "history", PLAN, EVENTS, "--plot", plot)
        assert status == 2 and out == ""
        assert says in err
        assert list(tmp_path.iterdir()) == []

    def test_plot_says_what_was_written(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--plot writes exactly the file named, and says so on standard error."""
        pytest.importorskip("matplotlib")
        monkeypatch.chdir(tmp_path)  # a short name: a long one is shown shortened
        picture = tmp_path / "ipof.png"
        status, _, err = run(capsys, "history", PLAN, EVENTS, "--plot", "ipof.png")
        assert status == 1
        assert picture.read_bytes().startswith(PNG_MAGIC)
        assert err == "rightsplan: the picture is in ipof.png\n"
        assert [p.name for p in tmp_path.iterdir()] == ["ipof.png"]

    def test_plot_is_written_atomically(
        self,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """A picture that cannot be put in place leaves the old file whole and no temporary."""
        pytest.importorskip("matplotlib")
        picture = tmp_path / "ipof.png"
        picture.write_bytes(b"old picture")
        seen: list[str] = []

        def refuse(source: str | os.PathLike[str], target: object) -> None:
            seen.append(os.fspath(source))
            assert Path(seen[-1]).read_bytes().startswith(PNG_MAGIC)  # written whole first
            raise OSError(28, "No space left on device")

        monkeypatch.setattr("rightsplan.io._files.os.replace", refuse)
        monkeypatch.chdir(tmp_path)  # a short name: a long one is shown shortened
        status, _, err = run(capsys, "history", PLAN, EVENTS, "--plot", "ipof.png")
        assert status == 2 and "--plot ipof.png: cannot write" in err
        # The temporary file is in the destination's folder.
        assert seen and Path(seen[0]).resolve().parent == tmp_path.resolve()
        assert picture.read_bytes() == b"old picture"
        assert [p.name for p in tmp_path.iterdir()] == ["ipof.png"]

    def test_plot_to_standard_output(self, tmp_path: Path) -> None:
        """--plot - writes the PNG to standard output when the report goes to --output."""
        pytest.importorskip("matplotlib")
        report = tmp_path / "report.txt"
        argv = ["history", PLAN, EVENTS, "--output", str(report), "--plot", "-"]
        result = subprocess.run(
            [sys.executable, "-m", "rightsplan", *argv],
            capture_output=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 1 and result.stderr == b""
        assert result.stdout.startswith(PNG_MAGIC)
        assert "became an Acquiring Person" in report.read_text("utf-8")

    def test_plot_to_a_text_only_standard_output_is_refused(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--plot - to a standard output without a binary stream is bad input, not a bug."""
        pytest.importorskip("matplotlib")
        report = tmp_path / "report.txt"
        argv = ["history", PLAN, EVENTS, "--output", str(report), "--plot", "-"]
        with contextlib.redirect_stdout(io.StringIO()):
            status = main(argv)
        assert status == 2
        assert "--plot -: standard output takes no binary data" in capsys.readouterr().err

    def test_library_plot_writes_the_name_given(self, tmp_path: Path) -> None:
        """rp.plot.timeline(path=...) writes under exactly that name, never adding ".png"."""
        pytest.importorskip("matplotlib")
        history = rp.replay(rp.load_plan(PLAN), rp.load_events(EVENTS))
        rp.plot.timeline(history, path=tmp_path / "picture")
        assert [p.name for p in tmp_path.iterdir()] == ["picture"]
        assert (tmp_path / "picture").read_bytes().startswith(PNG_MAGIC)

    def test_unencodable_output_is_bad_input(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A lone surrogate reaching a CSV file is exit 2 naming --output; nothing is left."""
        monkeypatch.setattr(
            "rightsplan.cli.check.csv_records", lambda records: "holder\nIPOF\udc80\n"
        )
        monkeypatch.chdir(tmp_path)  # a short name: a long one is shown shortened
        status, _, err = run(
            capsys,
            "check",
            str(Path(PLAN).resolve()),
            str(Path(HOLDINGS).resolve()),
            "--format",
            "csv",
            "--output",
            "verdicts.csv",
        )
        assert status == 2
        assert "--output verdicts.csv: cannot write \\udc80 as UTF-8" in err
        assert list(tmp_path.iterdir()) == []

    def test_write_atomically_names_the_file_given(self, tmp_path: Path) -> None:
        """A file that cannot be written is an OutputFileError naming it, not the temporary."""
        with pytest.raises(rp.errors.OutputFileError, match="no such folder") as error:
            write_atomically(tmp_path / "missing" / "plan.toml", "x")
        assert str(tmp_path / "missing" / "plan.toml") in str(error.value)
        assert isinstance(error.value, rp.RightsPlanError) and isinstance(error.value, OSError)


_FIELD = st.text(st.characters(codec="utf-8"), max_size=12)


class TestEscaping:
    @given(st.lists(st.tuples(_FIELD, _FIELD), max_size=5))
    def test_csv_reads_back_as_written(self, rows: list[tuple[str, str]]) -> None:
        """Every field of the CSV output, carriage returns and all, reads back as written."""
        records = [{"holder": holder, "note": note} for holder, note in rows]
        text = csv_text(["holder", "note"], records)
        assert list(csv.DictReader(io.StringIO(text, newline=""))) == records

    def test_check_csv_quotes_a_lone_carriage_return(self, tmp_path: Path) -> None:
        """A holder name with a lone carriage return is quoted: one CSV row per holding."""
        records = cli._shell.csv_records([{"line": 2, "holder": "IPOF\rGroup", "passive": True}])
        assert list(csv.DictReader(io.StringIO(records, newline=""))) == [
            {"line": "2", "holder": "IPOF\rGroup", "passive": "true"}
        ]

    def test_plan_text_is_escaped_in_tables(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Text with escape sequences that got past reading reaches the table escaped, never raw.

        Reading refuses control characters in plan text; this is the second line of defence,
        so the hostile name is planted behind the validators' back.
        """
        import attrs

        plan = rp.load_plan(PLAN)
        hostile = "Innotrac\x1b[2J\x1b[1;1H\r\u202e Corp"
        with pytest.raises(rp.InvalidInputError, match="company: .*control character"):
            attrs.evolve(plan.agreement, company=hostile)
        agreement = attrs.evolve(plan.agreement)
        object.__setattr__(agreement, "company", hostile)
        evil = attrs.evolve(plan, agreement=agreement)
        monkeypatch.setattr("rightsplan.cli._shell.load_plan", lambda path: evil)
        for argv in (["check", PLAN, HOLDINGS], ["terms", PLAN], ["history", PLAN, EVENTS]):
            _, out, _ = run(capsys, *argv)
            assert "\x1b" not in out and "\r" not in out and "\u202e" not in out
            assert "Innotrac\\x1b[2J\\x1b[1;1H\\x0d\\u202e Corp" in out
        _, out, _ = run(capsys, "check", PLAN, HOLDINGS, "--format", "json")
        assert "\x1b" not in out and json.loads(out)[0]["line"] == 2

    def test_printable_keeps_ordinary_text(self) -> None:
        """Printable text, accents and all, is shown as it is; controls and invisibles escaped."""
        assert printable("Société Générale — 15%\n") == "Société Générale — 15%\n"
        assert printable("a\tb\x7fc\u200bd\n", newlines=False) == "a\\x09b\\x7fc\\u200bd\\x0a"

    def test_json_safe_escapes_a_lone_surrogate(self) -> None:
        """JSON output with a lone surrogate or a C1 control stays valid JSON, encodable."""
        text = json_safe(json.dumps({"holder": "a\udc80b\x9b"}, ensure_ascii=False))
        assert text.encode("utf-8") and json.loads(text) == {"holder": "a\udc80b\x9b"}


class TestTooLarge:
    def test_batch_rows_too_large(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`screen --batch-rows 99999999999999999999` is a usage error (exit 2), not a crash."""
        pytest.importorskip("polars")
        with pytest.raises(SystemExit) as exit_:
            main(["screen", ".", "x.parquet", "--output", "y", "--batch-rows", "9" * 20])
        assert exit_.value.code == 2
        assert "--batch-rows: expected a number of rows from 1 to" in capsys.readouterr().err

    @pytest.mark.parametrize("digits", ["1" * 5000, "0." + "1" * 5000])
    def test_huge_warn_at_is_shown_short(
        self, digits: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A 5,000-digit --warn-at is an error (exit 2) whose message stays short."""
        with pytest.raises(SystemExit) as exit_:
            main(["check", PLAN, HOLDINGS, "--warn-at", digits])
        assert exit_.value.code == 2
        err = capsys.readouterr().err
        assert "--warn-at" in err and "characters" in err and len(err) < 600

    def test_expiring_on_the_last_date(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A Final Expiration Date of 9999-12-31 is read and shown, by terms and history alike."""
        plan = plan_with(tmp_path, 'kind = "set-expiration"\ndate = 9999-12-31\nsection = "S 7"')
        status, out, _ = run(capsys, "terms", plan)
        assert status == 0 and "9999-12-31" in out
        status, out, err = run(capsys, "history", plan, EVENTS)
        assert status == 1 and err == ""

    @pytest.mark.parametrize("business", ["true", "false"])
    def test_huge_distribution_rule_blames_the_plan(
        self, business: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A distribution rule of 99,999,999,999 days is bad input in the plan (exit 2)."""
        plan = plan_with(
            tmp_path,
            'kind = "set-distribution-rule"\ndays = 99999999999\n'
            f'business_days = {business}\nsection = "Section 3(a)"',
        )
        status, out, err = run(capsys, "history", plan, EVENTS)
        assert status == 2 and out == ""
        assert err.startswith(f"rightsplan: error: {plan}: distribution rule (")
        assert "Section 3(a)" in err and EVENTS not in err


_SAMPLES = {
    "plan.toml": Path(PLAN).read_text(encoding="utf-8"),
    "holdings.csv": Path(HOLDINGS).read_text(encoding="utf-8"),
    "events.csv": Path(EVENTS).read_text(encoding="utf-8"),
    "filing.txt": (FILINGS / "01_harborview_item5_adoption.txt").read_text(encoding="utf-8"),
}
_NASTY = st.sampled_from(
    [
        *("", "0", "-1", "1e3", "9" * 30, "2003-02-30", "9999-12-31"),
        *("\x1b[2J", "\r", "\u202e", "\ufeff", "IPOF Group\u200b"),
    ]
)


@st.composite
def _contents(draw: st.DrawFn, name: str) -> str:
    """A sample file, whole or spoiled: lines dropped, repeated or with a value replaced."""
    lines = _SAMPLES[name].splitlines(keepends=True)
    for _ in range(draw(st.integers(0, 3))):
        if not lines:
            break
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "repeat", "replace", "truncate"]))
        if action == "drop":
            del lines[index]
        elif action == "repeat":
            lines.insert(index, lines[index])
        elif action == "truncate":
            lines[index] = lines[index][: draw(st.integers(0, len(lines[index])))]
        else:
            old = draw(
                st.sampled_from(lines[index].replace(",", " ").replace("=", " ").split() or [""])
            )
            lines[index] = lines[index].replace(old, draw(_NASTY), 1) if old else lines[index]
    return "".join(lines)


@functools.cache
def _positions() -> bytes:
    """Innotrac positions as a Parquet file's bytes (for screen): one triggers, one is clear."""
    import polars as pl

    out = io.BytesIO()
    pl.DataFrame(
        {
            "plan": ["INOC", "INOC"],
            "holder": ["IPOF Group", "Another Fund"],
            "date": ["2003-12-01", "2003-12-01"],
            "shares": [2_800_500, 1_735_848],
            "outstanding": [11_572_314, 11_572_314],
            "passive": [True, False],
        }
    ).write_parquet(out)
    return out.getvalue()


_COMMANDS = ["validate", "terms", "check", "history", "example", "ingest"]
if importlib.util.find_spec("polars") is not None:
    _COMMANDS.append("screen")


_PLOTS = ["plot.png", "plot.svg", "plot.pdf", "plot.txt", "plot", "", ".", "-", "events.csv"]
"""--plot values: each format, an unknown extension, none, empty, a folder, "-", an input."""


@st.composite
def _invocations(draw: st.DrawFn, *, plot: bool = False) -> tuple[list[str], dict[str, bytes]]:
    """A command with its arguments, and the contents of the files it names.

    With ``plot``, the command is ``history`` with a ``--plot`` (matplotlib draws it).
    """
    name = "history" if plot else draw(st.sampled_from(_COMMANDS))
    files: dict[str, str | bytes] = {"plan.toml": draw(_contents("plan.toml"))}
    argv = [name]
    if name == "example":
        files = {}
    elif name == "ingest":
        files = {"filing.txt": draw(_contents("filing.txt"))}
        argv.append("filing.txt")
    elif name == "screen":
        whole = _positions()
        files = {
            "plans/INOC.toml": files["plan.toml"],
            "positions.parquet": whole[: draw(st.sampled_from([len(whole), len(whole) // 2, 0]))],
        }
        argv += ["plans", "positions.parquet"]
    else:
        argv.append("plan.toml")
    if name == "check":
        files["holdings.csv"] = draw(_contents("holdings.csv"))
        argv.append("holdings.csv")
    if name == "history":
        files["events.csv"] = draw(_contents("events.csv"))
        argv.append("events.csv")
    options = {
        "terms": ["--on"],
        "check": ["--on", "--warn-at", "--format", "--output"],
        "history": ["--warn-at", "--format", "--output", "--calendar"],
        "example": ["--warn-at"],
        "ingest": ["--format"],
        "screen": ["--warn-at", "--batch-rows"],
    }.get(name, [])
    outputs = ["out.txt", "-", "", "plan.toml", "missing/out.txt", "."]
    values = {
        "--on": st.sampled_from(["2003-11-24", "2003-12-01", "1990-01-01", "9999-12-31"]) | _NASTY,
        "--warn-at": st.sampled_from(["0.9", "90%", "1", "0"]) | _NASTY,
        "--format": st.sampled_from(["table", "json", "csv", "toml", "xml"]),
        "--output": st.sampled_from(outputs),
        "--calendar": st.sampled_from(["new-york", "nyse"]),
        "--batch-rows": st.sampled_from(["1", "3", "0", "1,000"]) | _NASTY,
    }
    for option in draw(st.lists(st.sampled_from(options), unique=True)) if options else []:
        argv += [option, draw(values[option])]
    if plot:
        argv += ["--plot", draw(st.sampled_from(_PLOTS))]
    if name == "screen":  # --out is required; not "-": the test's standard output holds text
        out = draw(st.sampled_from([o for o in outputs if o != "-"] + list(files)))
        argv += ["--output", out]
    return argv, {
        path: text if isinstance(text, bytes) else text.encode() for path, text in files.items()
    }


def _tree() -> set[str]:
    return {
        os.path.relpath(os.path.join(top, name)) for top, _, names in os.walk(".") for name in names
    }


class TestFuzz:
    @settings(max_examples=40, deadline=None)
    @given(_invocations())
    def test_any_invocation_keeps_the_promises(
        self, invocation: tuple[list[str], dict[str, bytes]]
    ) -> None:
        """Any command on spoiled files exits 0, 1 (a trigger) or 2; inputs kept, nothing left."""
        self._keeps_the_promises(*invocation)

    @settings(max_examples=25, deadline=None)
    @given(_invocations(plot=True))
    def test_history_with_a_plot_keeps_the_promises(
        self, invocation: tuple[list[str], dict[str, bytes]]
    ) -> None:
        """History with any --plot: the same promises, and a picture only in the format named."""
        pytest.importorskip("matplotlib", reason="--plot needs the plot extra (matplotlib)")
        self._keeps_the_promises(*invocation)

    def _keeps_the_promises(self, argv: list[str], files: dict[str, bytes]) -> None:
        with tempfile.TemporaryDirectory() as folder, contextlib.chdir(folder):
            for name, data in files.items():
                Path(name).parent.mkdir(exist_ok=True)
                Path(name).write_bytes(data)
            # Standard output with a binary buffer, as a terminal's or a pipe's (--plot -).
            out, err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8"), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                status: object
                try:
                    status = main(argv)
                except SystemExit as exit_:  # argparse's usage errors
                    status = exit_.code
            out.flush()
            printed = out.buffer.getvalue()
            assert status in (0, 1, 2), err.getvalue()
            assert "Traceback" not in err.getvalue()
            for name, data in files.items():
                assert Path(name).read_bytes() == data
            target = next(
                (argv[i + 1] for i, arg in enumerate(argv[:-1]) if arg in ("--output", "--output")),
                None,
            )
            picture = next(
                (argv[i + 1] for i, arg in enumerate(argv[:-1]) if arg == "--plot"), None
            )
            written = sorted(_tree() - set(files))
            assert set(written) <= {target, picture}
            if written:
                assert status != 2
            if picture in written:
                magic = {".png": PNG_MAGIC, ".svg": b"<?xml", ".pdf": b"%PDF"}
                data = Path(picture).read_bytes()
                assert data.startswith(magic[Path(picture).suffix])
                assert f"rightsplan: the picture is in {picture}" in err.getvalue()
            elif picture == "-" and status != 2:
                assert printed.startswith(PNG_MAGIC)  # the report went to --output
            elif picture is not None:
                assert status == 2
            report = "" if picture == "-" else printed.decode("utf-8")
            if target in written and argv[0] != "screen":
                report += Path(target).read_text("utf-8")
            if status == 1:
                assert "triggered" in report or "became an Acquiring Person" in report
