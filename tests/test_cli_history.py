"""The rightsplan history command: output, JSON, exit statuses, the picture and bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rightsplan.cli import main

ROOT = Path(__file__).resolve().parent.parent
PLAN = str(ROOT / "examples" / "innotrac" / "plan.toml")
EVENTS = str(ROOT / "examples" / "innotrac" / "events.csv")
INADVERTENT = str(ROOT / "examples" / "innotrac" / "events-inadvertent.csv")
BAD = Path(__file__).resolve().parent / "data" / "bad"
BAD_EVENTS = BAD / "events"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def write(tmp_path: Path, text: str, name: str = "events.csv") -> str:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return str(path)


class TestHelp:
    def test_help_has_an_example(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The history command's --help exits 0 and shows an example with the Innotrac files."""
        with pytest.raises(SystemExit) as exit_:
            main(["history", "--help"])
        assert exit_.value.code == 0
        out = capsys.readouterr().out
        assert "Example" in out and "examples/innotrac/events.csv" in out

    def test_listed_in_the_main_help(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The main --help lists the history command."""
        with pytest.raises(SystemExit):
            main(["--help"])
        assert "history" in capsys.readouterr().out

    @pytest.mark.parametrize(
        "argv",
        [
            ["history", PLAN],
            ["history", PLAN, EVENTS, "--calendar", "london"],
            ["history", PLAN, EVENTS, "--format", "csv"],
            ["history", PLAN, EVENTS, "--warn-at", "1.5"],
        ],
    )
    def test_usage_errors_exit_2(self, argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
        """A missing argument or a bad option value is a usage error (exit 2)."""
        with pytest.raises(SystemExit) as exit_:
            main(argv)
        assert exit_.value.code == 2
        assert "error:" in capsys.readouterr().err


class TestInnotracTable:
    def test_without_a_determination(self, capsys: pytest.CaptureFixture[str]) -> None:
        """IPOF is an Acquiring Person from 2003-08-01; Amendments 2 and 3 are flagged; exit 1."""
        status, out, err = run(capsys, "history", PLAN, EVENTS)
        assert status == 1 and err == ""
        assert "IPOF Group became an Acquiring Person on 2003-08-01: acquired shares." in out
        assert "Rule: 15% or more [1]" in out
        assert "Shares Acquisition Date: 2003-08-01 (assumed: no announcement recorded)" in out
        assert "Distribution Date: 2003-08-15 (10 business days later)" in out
        assert "- Amendment No. 2 (2003-08-14) loosens the terms for IPOF Group" in out
        assert "- Amendment No. 3 (2003-11-24) loosens the terms for IPOF Group" in out
        assert "Distribution Date: 2003-08-15 (the earliest)" in out
        assert "[1] Rights Agreement (1997-12-31), Section 1" in out

    def test_periods(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Each period shows its dates, status, counted shares, outstanding, limit and source."""
        _, out, _ = run(capsys, "history", PLAN, EVENTS)
        rows = [line.split() for line in out.splitlines() if line.startswith("  2003-")]
        # An Acquiring Person is shown against the rule it crossed, whatever the later terms.
        assert [row[:3] for row in rows[:2]] == [
            ["2003-08-01", "2003-11-19", "triggered"],
            ["2003-11-20", "onwards", "triggered"],
        ]
        assert rows[0][3:6] == ["2,362,788", "11,564,730", "20.4309%"]
        assert rows[1][-2:] == ["[1]", "-"]  # no headroom once an Acquiring Person

    def test_with_the_inadvertence_determination(self, capsys: pytest.CaptureFixture[str]) -> None:
        """With the board's determination IPOF is excused, then clear: nobody triggers; exit 0."""
        status, out, _ = run(capsys, "history", PLAN, INADVERTENT)
        assert status == 0
        assert "Nobody became an Acquiring Person." in out
        assert "Warnings" not in out
        assert "Distribution Date: none" in out
        assert "the board found the crossing inadvertent" in out
        assert "back under the limit by 2003-09-30" in out
        assert "First over its limit on 2003-08-01." in out
        statuses = [line.split()[2] for line in out.splitlines() if line.startswith("  2003-")][:4]
        assert statuses == ["excused", "clear", "warning", "clear"]

    def test_warn_at(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--warn-at moves the warning line: at 0.99 of 25%, 24.2% is clear."""
        _, out, _ = run(capsys, "history", PLAN, INADVERTENT, "--warn-at", "0.99")
        statuses = [line.split()[2] for line in out.splitlines() if line.startswith("  2003-")][:4]
        assert statuses == ["excused", "clear", "clear", "clear"]


class TestInnotracJson:
    def test_keys_and_trigger(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--format json gives holders, triggers, warnings and the Distribution Date."""
        status, out, _ = run(capsys, "history", PLAN, EVENTS, "--format", "json")
        assert status == 1
        record = json.loads(out)
        assert {"holders", "triggers", "warnings", "distribution_date"} <= set(record)
        assert record["distribution_date"] == "2003-08-15"
        (trigger,) = record["triggers"]
        assert {k: trigger[k] for k in ("holder", "on", "limit", "comparison")} == {
            "holder": "IPOF Group",
            "on": "2003-08-01",
            "limit": "15",
            "comparison": "at-least",
        }
        assert trigger["cause"] == "acquired shares"
        assert trigger["shares_acquisition_date"] == "2003-08-01"
        assert trigger["shares_acquisition_date_assumed"] is True
        assert (trigger["distribution_date"], trigger["days"], trigger["business_days"]) == (
            "2003-08-15",
            10,
            True,
        )
        assert trigger["source"].startswith("Rights Agreement (1997-12-31)")
        assert len(record["warnings"]) == 2
        assert record["first_crossings"] == {"IPOF Group": "2003-08-01"}

    def test_periods(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Each holder's periods carry exact counts, the exact percent, the limit and source."""
        _, out, _ = run(capsys, "history", PLAN, INADVERTENT, "--format", "json")
        record = json.loads(out)
        assert record["triggers"] == [] and record["warnings"] == []
        assert record["distribution_date"] is None
        periods = record["holders"]["IPOF Group"]
        assert [p["status"] for p in periods] == ["excused", "clear", "warning", "clear"]
        first, _, _, last = periods
        assert (first["start"], first["end"]) == ("2003-08-01", "2003-08-13")
        assert (first["shares"], first["outstanding"]) == (2_362_788, 11_564_730)
        assert first["percent_exact"] == "2625320/128497"
        assert (last["end"], last["limit"], last["comparison"]) == (None, "40", "more-than")
        assert last["source"].startswith("Amendment No. 3 (2003-11-24)")
        assert last["headroom"] == 1_828_425

    def test_a_zero_holding_is_exact(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A holder that sold out still has an exact percentage, 0/1, not null."""
        events = write(
            tmp_path,
            "event,date,holder,shares,outstanding\n"
            "outstanding-changed,2003-07-31,,,1000\n"
            "acquisition,2003-08-01,A,5,\n"
            "disposition,2003-09-01,A,5,\n",
        )
        status, out, _ = run(capsys, "history", PLAN, events, "--format", "json")
        assert status == 0
        last = json.loads(out)["holders"]["A"][-1]
        assert (last["percent"], last["percent_exact"], last["status"]) == ("0", "0/1", "clear")

    def test_output_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--output writes the report there and nothing to standard output."""
        output = tmp_path / "history.json"
        status, out, _ = run(
            capsys, "history", PLAN, EVENTS, "--format", "json", "--output", str(output)
        )
        assert status == 1 and out == ""
        assert json.loads(output.read_text("utf-8"))["distribution_date"] == "2003-08-15"
        assert [p.name for p in tmp_path.iterdir()] == ["history.json"]


class TestClock:
    def test_announcement_and_tender_offer(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An announcement sets the Shares Acquisition Date; a tender offer has its own prong."""
        events = write(
            tmp_path,
            "event,date,holder,shares,outstanding,offeror,deferred\n"
            'outstanding-changed,2003-07-31,,,"11,564,730",,\n'
            'acquisition,2003-08-01,Raider LP,"2,000,000",,,\n'
            "acquiring-person-announced,2003-08-04,Raider LP,,,,\n"
            "tender-offer-commenced,2003-09-02,,,,Bidder Inc.,\n"
            "tender-offer-commenced,2003-09-03,,,,Other Bidder,true\n",
        )
        status, out, _ = run(capsys, "history", PLAN, events, "--format", "json")
        assert status == 1
        record = json.loads(out)
        (trigger,) = record["triggers"]
        assert trigger["shares_acquisition_date"] == "2003-08-04"
        assert trigger["shares_acquisition_date_assumed"] is False
        assert trigger["distribution_date"] == "2003-08-18"
        offers = record["tender_offers"]
        assert offers[0] == {
            "offeror": "Bidder Inc.",
            "commenced": "2003-09-02",
            "deferred": False,
            "distribution_date": "2003-09-16",
            "rights_end": None,
        }
        assert offers[1]["deferred"] is True and offers[1]["distribution_date"] is None
        _, table, _ = run(capsys, "history", PLAN, events)
        assert "Shares Acquisition Date: 2003-08-04 (announced)" in table
        assert "Bidder Inc.: commenced 2003-09-02; Distribution Date 2003-09-16" in table
        assert "Other Bidder: commenced 2003-09-03; the board deferred" in table

    def test_calendar_range(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A 1998 trigger counts NYSE days with a note; --calendar new-york is exit 2 then."""
        events = write(
            tmp_path,
            "event,date,holder,shares,outstanding\n"
            "outstanding-changed,1998-03-02,,,1000\n"
            "acquisition,1998-03-02,Early Raider,200,\n",
        )
        status, out, _ = run(capsys, "history", PLAN, events)
        assert status == 1
        assert "Distribution Date: 1998-03-16 (the earliest)" in out
        assert "Notes\n  - Business days before 1999-01-01 (from 1998-03-02)" in out
        status, out, _ = run(capsys, "history", PLAN, events, "--format", "json")
        assert "New York Stock Exchange's calendar alone" in json.loads(out)["notes"][0]
        status, out, err = run(capsys, "history", PLAN, events, "--calendar", "new-york")
        assert status == 2 and out == ""
        assert err.count("\n") == 1 and "Traceback" not in err
        assert "outside the New York (NYSE and Federal Reserve) calendar" in err
        assert "--calendar nyse" in err
        assert events in err
        status, out, _ = run(capsys, "history", PLAN, events, "--calendar", "nyse")
        assert status == 1
        assert "business days: New York Stock Exchange" in out
        assert "Distribution Date: 1998-03-16 (the earliest)" in out

    def test_groups_are_reported(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Forming a group that crosses the line triggers it, and the group has its own periods."""
        events = write(
            tmp_path,
            "event,date,holder,shares,outstanding,group,members\n"
            "outstanding-changed,2003-07-31,,,1000,,\n"
            "acquisition,2003-08-01,A,100,,,\n"
            "acquisition,2003-08-01,B,100,,,\n"
            "group-formed,2003-08-05,,,,Pack,A;B\n",
        )
        status, out, _ = run(capsys, "history", PLAN, events, "--format", "json")
        assert status == 1
        record = json.loads(out)
        assert set(record["holders"]) == {"A", "B", "Pack"}
        (trigger,) = record["triggers"]
        assert (trigger["holder"], trigger["holders"], trigger["cause"]) == (
            "Pack",
            ["A", "B"],
            "formed a group",
        )


class TestPlot:
    def test_writes_a_png(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--plot writes a PNG of the history and the report still goes to standard output."""
        pytest.importorskip("matplotlib")
        picture = tmp_path / "ipof.png"
        status, out, _ = run(capsys, "history", PLAN, EVENTS, "--plot", str(picture))
        assert status == 1 and "IPOF Group" in out
        assert picture.read_bytes().startswith(PNG_MAGIC)

    def test_report_in_a_missing_folder_writes_no_picture(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--output in a missing folder is exit 2 before the picture is written."""
        pytest.importorskip("matplotlib")
        picture = tmp_path / "ipof.png"
        report_file = str(tmp_path / "missing" / "out.txt")
        status, _, err = run(
            capsys, "history", PLAN, EVENTS, "--plot", str(picture), "--output", report_file
        )
        assert status == 2 and "no such folder" in err
        assert not picture.exists()

    def test_unknown_picture_format(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A picture format matplotlib cannot write is a clear error (exit 2), no traceback."""
        pytest.importorskip("matplotlib")
        status, out, err = run(capsys, "history", PLAN, EVENTS, "--plot", str(tmp_path / "x.xyz"))
        assert status == 2 and out == ""
        assert "--plot" in err and ".png, .svg or .pdf" in err and "Traceback" not in err

    def test_without_matplotlib(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without matplotlib, --plot is exit 2 with the install hint and nothing printed."""
        monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
        status, out, err = run(capsys, "history", PLAN, EVENTS, "--plot", str(tmp_path / "x.png"))
        assert status == 2 and out == ""
        assert 'needs matplotlib: pip install "rightsplan[plot]"' in err
        assert err.count("\n") == 1
        assert list(tmp_path.iterdir()) == []


class TestBadInput:
    @pytest.mark.parametrize("name", sorted(p.name for p in BAD_EVENTS.iterdir()))
    def test_bad_events_files(self, name: str, capsys: pytest.CaptureFixture[str]) -> None:
        """Every broken events file gives exit 2 and a message naming it, no traceback."""
        status, out, err = run(capsys, "history", PLAN, str(BAD_EVENTS / name))
        assert status == 2 and out == ""
        assert name in err and "Traceback" not in err

    def test_bad_plan(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A broken plan file gives exit 2 and its problems."""
        status, _, err = run(capsys, "history", str(BAD / "many-problems.toml"), EVENTS)
        assert status == 2 and "6 problems" in err

    def test_inconsistent_ledger(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Selling more than is held is one clear line naming the file and the event, exit 2."""
        events = write(
            tmp_path,
            "event,date,holder,shares,outstanding\n"
            "outstanding-changed,2003-07-31,,,1000\n"
            "disposition,2003-08-01,A,5,\n",
        )
        status, out, err = run(capsys, "history", PLAN, events)
        assert status == 2 and out == ""
        assert err == (
            f"rightsplan: error: {events}: Disposition on 2003-08-01: A disposes of more shares "
            "(5) than it holds (0)\n"
        )

    def test_missing_outstanding(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """An acquisition before any shares-outstanding figure is exit 2 with a hint."""
        events = write(tmp_path, "event,date,holder,shares\nacquisition,2003-08-01,A,5\n")
        status, _, err = run(capsys, "history", PLAN, events)
        assert status == 2 and "record an OutstandingChanged event" in err

    @pytest.mark.parametrize("option", ["--output", "--plot"])
    def test_never_overwrites_an_input(
        self, option: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--output or --plot naming an input file is refused and the input is untouched."""
        events = write(tmp_path, Path(EVENTS).read_text("utf-8"))
        before = Path(events).read_bytes()
        status, _, err = run(capsys, "history", PLAN, events, option, events)
        assert status == 2 and "never overwrites" in err
        assert Path(events).read_bytes() == before


TIE_PLAN = """
[agreement]
company = "Tie Corp"
dated = 2010-01-04

[[agreement.provisions]]
kind = "set-threshold"
percent = "10"
comparison = "at-least"

[[agreement.provisions]]
kind = "add-exception"
holder = "Beta Partners"
percent = "10"
comparison = "at-least"
requires_passive = false

[[agreement.provisions]]
kind = "add-exception"
holder = "Alpha Fund"
percent = "10"
comparison = "at-least"
requires_passive = false
"""

TIE_EVENTS = (
    "event,date,holder,shares,outstanding,group,members\n"
    "outstanding-changed,2010-01-04,,,1000,,\n"
    "acquisition,2010-02-01,Alpha Fund,40,,,\n"
    "acquisition,2010-02-01,Beta Partners,40,,,\n"
    "acquisition,2010-02-01,Gamma,40,,,\n"
    "group-formed,2010-03-01,,,,Trio,Gamma;Beta Partners;Alpha Fund\n"
    "disposition,2010-04-01,Gamma,30,,,\n"
)


class TestDeterminism:
    def test_json_is_byte_identical_under_any_hash_seed(self, tmp_path: Path) -> None:
        """Limits that tie, in a group, give the same JSON under every PYTHONHASHSEED."""
        plan = tmp_path / "plan.toml"
        plan.write_text(TIE_PLAN, "utf-8")
        events = write(tmp_path, TIE_EVENTS)
        src = str(ROOT / "src")
        outputs = set()
        for seed in ("0", "1", "2", "3", "123"):
            done = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "rightsplan",
                    "history",
                    str(plan),
                    events,
                    "--format",
                    "json",
                ],
                env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": src},
                capture_output=True,
                check=False,
            )
            assert done.returncode == 1, done.stderr
            outputs.add(done.stdout)
        (output,) = outputs
        record = json.loads(output)
        assert (
            record["holders"]["Alpha Fund"][0]["rule"] == "10% or more (exception for Alpha Fund)"
        )


class TestDateColumnNote:
    def test_old_spelling_is_noted(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An events file with the column on replays as with date, with one note on stderr."""
        text = Path(EVENTS).read_text("utf-8")
        old = tmp_path / "old.csv"
        old.write_text(text.replace("event,date,", "event,on,", 1), "utf-8")
        _, want, _ = run(capsys, "history", PLAN, EVENTS)
        _, out, err = run(capsys, "history", PLAN, str(old))
        assert out == want
        assert err == (
            f"rightsplan: note: {old}: the date column is spelled 'on'; it is now 'date', as "
            "in holdings files ('on' is still read)\n"
        )
