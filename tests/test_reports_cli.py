"""``rightsplan reports`` and ``rightsplan watch``: facts with spans as JSON and CSV, the watch."""

from __future__ import annotations

import csv
import io
import json
import random
import subprocess
import sys
from pathlib import Path

import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rightsplan.cli import main
from tests.reports_render import (
    DrawnPerson,
    DrawnReport,
    render_html,
    render_text,
    render_xml,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "data" / "reports-fixtures"
PLAN = str(ROOT / "examples" / "innotrac" / "plan.toml")
REPORTS = str(ROOT / "examples" / "innotrac" / "reports")


def _drawn(form: str, amendment: int = 0) -> DrawnReport:
    person = DrawnPerson("Hill Capital LLC", "b", 1_000, 0, 1_000, 0, 1_000, "5.2", "IA")
    return DrawnReport(form, amendment, "Lake Inc.", "512345106", pendulum.Date(2024, 12, 31),
                       "13d-1(b)" if form == "13G" else None, (person,))  # fmt: skip


@pytest.fixture
def four(tmp_path: Path) -> dict[str, str]:
    """A 13D, a 13D/A (real excerpts), a 13G (HTML) and an XML 13G/A (drawn)."""
    g = tmp_path / "13g.htm"
    g.write_text(render_html(_drawn("13G")), encoding="utf-8")
    x = tmp_path / "primary_doc.xml"
    x.write_text(render_xml(_drawn("13G", amendment=2)), encoding="utf-8")
    return {
        "13d": str(FIXTURES / "tci-music-13d.txt"),
        "13d-a": str(FIXTURES / "mai-systems-13d-a.txt"),
        "13g": str(g),
        "xml": str(x),
    }


class TestRead:
    def test_json_has_facts_with_spans(
        self, four: dict[str, str], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Each of a 13D, a 13D/A, a 13G and an XML filing gives its cover facts with spans."""
        assert main(["reports", "read", *four.values()]) == 0
        data = json.loads(capsys.readouterr().out)
        by_file = {item["file"]: item for item in data}
        for path in four.values():
            text = Path(path).read_text(encoding="utf-8")
            for fact in by_file[path]["facts"]:
                assert fact["quote"] in text
                assert fact["end"] - fact["start"] == len(fact["quote"])
        facts = {p: {(f["fact"], f["value"]) for f in by_file[p]["facts"]} for p in four.values()}
        assert ("cusip", "87229N 10 1") in facts[four["13d"]]
        assert ("amendment", "6") in facts[four["13d-a"]]
        assert {("rule", "13d-1(b)"), ("person[1].aggregate", "1000")} <= facts[four["13g"]]
        assert {("form", "13G"), ("amendment", "2"), ("person[1].group", "b")} <= facts[four["xml"]]
        assert by_file[four["xml"]]["layout"] == "xml"

    def test_csv(self, four: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
        """--format csv gives one row per fact: file, fact, value, start, end, quote."""
        assert main(["reports", "read", *four.values(), "--format", "csv"]) == 0
        rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
        assert list(rows[0]) == ["file", "fact", "value", "start", "end", "quote"]
        assert {row["file"] for row in rows} == set(four.values())
        event = next(r for r in rows if r["file"] == four["13d"] and r["fact"] == "event_date")
        assert (event["value"], event["quote"]) == ("1997-07-11", "JULY 11, 1997")

    @pytest.mark.parametrize(
        ("content", "message"),
        [(b"", "empty"), (b"SCHEDULE 13D\x00", "binary"), (b"\x89PNG\r\n\x1a\n" * 900, "binary")],
    )
    def test_bad_input_exits_2(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
    ) -> None:
        """Bad input exits 2 with one error line naming the file, never a traceback."""
        path = tmp_path / "bad.txt"
        path.write_bytes(content)
        assert main(["reports", "read", str(path)]) == 2
        err = capsys.readouterr().err
        assert str(path) in err and message in err and "Traceback" not in err

    def test_twenty_megabytes_exit_2(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A 20 MB file exits 2, named, without being read whole."""
        path = tmp_path / "big.txt"
        path.write_bytes(b"x" * 20_000_000)
        assert main(["reports", "read", str(path)]) == 2
        assert "larger than 16 MiB" in capsys.readouterr().err

    @pytest.mark.parametrize(
        ("action", "said"),
        [
            ("read", ["its span", "a Schedule 13D or 13G file", "csv: one row per fact"]),
            ("events", ["rightsplan history", "a Schedule 13D or 13G file", "default csv"]),
            ("score", ["precision and recall", "with split.json", "the\n  held-back half"]),
        ],
    )
    def test_each_action_has_help_with_an_example(
        self, action: str, said: list[str], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """'reports ACTION --help' says what it does and what its arguments are, with an example."""
        assert main(["reports", action, "--help"]) == 0
        out = capsys.readouterr().out
        assert f"examples:\n  rightsplan reports {action} " in out and "Exit status" in out
        flat = " ".join(out.split())
        for words in said:
            assert " ".join(words.split()) in flat, words

    def test_events(self, capsys: pytest.CaptureFixture[str]) -> None:
        """'reports events' writes an events file for 'rightsplan history'."""
        assert main(["reports", "events", f"{REPORTS}/01-13d-derived.txt"]) == 0
        out = capsys.readouterr().out
        assert out.splitlines()[1].startswith("position-reported,2003-11-24,IPOF Fund,2800500,")


_PEAK = """\
import resource, sys
from rightsplan.cli import main
status = main(sys.argv[1:])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
sys.exit(status)
"""
"""A command run in a child that prints its own peak memory (KiB on Linux) on its last line."""


def _run_measured(*argv: str) -> tuple[int, int, str]:
    """Exit status, peak resident memory in MiB and standard error of a command."""
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, *argv], capture_output=True, text=True, check=False
    )
    *lines, peak = done.stderr.strip().splitlines()
    return done.returncode, int(peak) // 1024, "\n".join(lines)


class TestHostileInputIsBounded:
    @pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss is in KiB on Linux")
    @pytest.mark.parametrize(
        ("kind", "message"),
        [
            ("binary-20mb", "larger than 16 MiB"),
            ("text-20mb", "larger than 16 MiB"),
            ("nul-after-15mb", "binary data"),
            ("nul-in-a-report", "binary data"),
        ],
    )
    def test_exit_2_in_bounded_time_and_memory(
        self, tmp_path: Path, kind: str, message: str
    ) -> None:
        """Binary, 20 MB and NUL-bearing files exit 2, named, never held whole.

        Their time is measured by benchmarks/hostile_bench.py.

        Peak memory stays within 16 MiB of the same command reading a small real report (a
        20 MB file read whole would add at least 20; 1-2 MiB measured).
        """
        cover = (FIXTURES / "tci-music-13d.txt").read_bytes()
        content = {
            "binary-20mb": random.Random(16).randbytes(20 * 2**20),
            "text-20mb": cover * (20 * 2**20 // len(cover) + 1),
            "nul-after-15mb": cover * (15 * 2**20 // len(cover)) + b"\x00",
            "nul-in-a-report": cover[:2000] + b"\x00" + cover[2000:],
        }[kind]
        path = tmp_path / f"{kind}.txt"
        path.write_bytes(content)
        status, floor, _ = _run_measured("reports", "read", str(FIXTURES / "tci-music-13d.txt"))
        assert status == 0
        status, peak, err = _run_measured("reports", "read", str(path))
        assert status == 2 and str(path) in err and message in err, err
        assert len(err.splitlines()) == 1 and "Traceback" not in err
        assert peak - floor < 16, (peak, floor)


class TestWatch:
    def test_table(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The table gives status, limit, headroom and numbered citations of plan and report."""
        args = ["watch", PLAN, REPORTS, "--outstanding", "11572314", "--passive", "IPOF Group"]
        assert main(args) == 0
        out = capsys.readouterr().out
        assert "2003-11-24  report  IPOF Group" in out
        assert "CLEAR" in out and "more than 40%" in out and "1,828,425" in out
        assert "[1] Amendment No. 3 (2003-11-24), Section 1" in out
        assert "[2] Schedule 13D on INNOTRAC CORPORATION, event 2003-11-24" in out

    def test_json_and_exit_1_when_triggered(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Held active (--active), IPOF falls outside its exception: JSON, exit status 1."""
        assert main(["watch", PLAN, REPORTS, "--format", "json", "--active", "IPOF Group"]) == 1
        (row,) = json.loads(capsys.readouterr().out)
        assert (row["status"], row["limit"], row["comparison"], row["date"]) == (
            "triggered", "15", "at-least", "2003-11-24")  # fmt: skip
        assert row["members"] == ["IPOF Fund", "David Dadante"]

    def test_13d_without_item_4_is_uncertain(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A 13D without Item 4 does not settle IPOF's intent: UNCERTAIN, saying why; exit 0."""
        assert main(["watch", PLAN, REPORTS, "--format", "json"]) == 0
        (row,) = json.loads(capsys.readouterr().out)
        assert row["status"] == "uncertain"
        assert "without any intention of changing or influencing control" in row["open"]
        assert "states no Item 4" in row["open"]

    def test_group_option_adds_separate_filers(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--group makes separate filers one group: 8% and 9% of Innotrac together trigger."""
        for name, shares, day in (("Fund A", 925_000, 1), ("Fund B", 1_040_000, 2)):
            person = DrawnPerson(name, None, shares, 0, shares, 0, shares, "8.0", "PN")
            drawn = DrawnReport("13D", 0, "Innotrac Corporation", "45767M109",
                                pendulum.Date(2004, 1, day), None, (person,))  # fmt: skip
            (tmp_path / f"{name}.txt").write_text(render_text(drawn), encoding="utf-8")
        args = ["watch", PLAN, str(tmp_path), "--outstanding", "11572314", "--format", "json"]
        assert main(args) == 0
        assert main([*args, "--group", "A and B=Fund A; Fund B"]) == 1
        rows = json.loads(capsys.readouterr().out.split("\n]\n")[1] + "\n]")
        assert [(r["holder"], r["status"], r["shares"]) for r in rows][-2:] == [
            ("Fund A", "triggered", 1_965_000), ("Fund B", "triggered", 1_965_000)]  # fmt: skip

    @pytest.mark.parametrize("given", ["A and B", "=Fund A;Fund B", "G=Fund A"])
    def test_bad_group_option_exits_2(self, given: str, capsys: pytest.CaptureFixture[str]) -> None:
        """A --group without a name and two members exits 2, saying what it expects."""
        assert main(["watch", PLAN, REPORTS, "--group", given]) == 2
        assert "--group: expected NAME=MEMBER;MEMBER" in capsys.readouterr().err

    def test_unreadable_report_exits_2(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A folder holding an unreadable report exits 2, naming it."""
        (tmp_path / "bad.txt").write_bytes(b"\x00\x01")
        assert main(["watch", PLAN, str(tmp_path)]) == 2
        assert "bad.txt" in capsys.readouterr().err

    def test_help(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--help exits 0 with an example."""
        assert main(["watch", "--help"]) == 0
        assert "rightsplan watch examples/innotrac/plan.toml" in capsys.readouterr().out


_SPOILED = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=2000).map(lambda text: text.encode("utf-8", "surrogatepass")),
    st.builds(
        lambda data, at, junk: data[:at] + junk + data[at:],
        st.sampled_from([(FIXTURES / "tci-music-13d.txt").read_bytes(),
                         (FIXTURES / "mai-systems-13d-a.txt").read_bytes()]),
        st.integers(0, 2000),
        st.binary(max_size=40) | st.sampled_from([b"\x00", b"\x1b[2J", b"<div>" * 50, b"(a) x"]),
    ),
)  # fmt: skip


class TestFuzz:
    @settings(
        max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(_SPOILED, st.sampled_from(["read", "events", "watch"]))
    def test_spoiled_reports_keep_the_promises(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, command: str
    ) -> None:
        """Any bytes as a report: exit 0, 1 (watch: a trigger) or 2 with one line, no traceback."""
        folder = tmp_path / "reports"
        folder.mkdir(exist_ok=True)
        path = folder / "report.txt"
        path.write_bytes(data)
        argv = (
            ["watch", PLAN, str(folder)] if command == "watch" else ["reports", command, str(path)]
        )
        status = main(argv)
        err = capsys.readouterr().err
        assert status in ((0, 1, 2) if command == "watch" else (0, 2))
        assert "Traceback" not in err and "internal error" not in err
        if status == 2:
            assert len(err.strip().splitlines()) == 1


class TestEventsReplay:
    def test_events_with_outstanding_replay_in_history(self, tmp_path: Path) -> None:
        """'reports events --outstanding N' writes a file 'rightsplan history' replays as is."""
        events = tmp_path / "ipof.csv"
        argv = ["reports", "events", f"{REPORTS}/01-13d-derived.txt", "--outstanding", "11572314"]
        assert main([*argv, "-o", str(events)]) == 0
        first = events.read_text("utf-8").splitlines()[1]
        assert first.startswith("outstanding-changed,2003-11-24,,,,11572314,given by the caller")
        assert main(["history", PLAN, str(events)]) == 1  # the 13D as filed: active, over 15%

    def test_events_without_outstanding_name_what_history_needs(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without it, history refuses the file and says to record the shares outstanding."""
        events = tmp_path / "ipof.csv"
        assert main(["reports", "events", f"{REPORTS}/01-13d-derived.txt", "-o", str(events)]) == 0
        assert main(["history", PLAN, str(events)]) == 2
        assert "record an OutstandingChanged event" in capsys.readouterr().err

    def test_events_refuse_a_count_that_is_not_positive(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--outstanding 0 exits 2 with one line."""
        argv = ["reports", "events", f"{REPORTS}/01-13d-derived.txt", "--outstanding", "0"]
        assert main(argv) == 2
        assert "expected a positive share count" in capsys.readouterr().err
