"""The rightsplan command: validate, terms and check, their output and exit statuses."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from pathlib import Path

import pendulum
import pytest

import rightsplan as rp
from rightsplan.cli import main
from rightsplan.io.holdings import STANDING_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
PLAN = str(ROOT / "examples" / "innotrac" / "plan.toml")
HOLDINGS = str(ROOT / "examples" / "innotrac" / "holdings.csv")
BAD = Path(__file__).resolve().parent / "data" / "bad"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


class TestHelp:
    @pytest.mark.parametrize("command", [[], ["validate"], ["terms"], ["check"], ["example"]])
    def test_help_has_an_example(
        self, command: list[str], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--help on every command exits 0 and shows an example."""
        with pytest.raises(SystemExit) as exit_:
            main([*command, "--help"])
        assert exit_.value.code == 0
        assert "Example" in capsys.readouterr().out

    def test_usage_error_exits_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A usage error exits 2 with a one-line message."""
        with pytest.raises(SystemExit) as exit_:
            main(["check", PLAN])
        assert exit_.value.code == 2
        assert "error:" in capsys.readouterr().err

    def test_bad_date_option(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--on 2003-02-30 is a usage error (exit 2)."""
        with pytest.raises(SystemExit) as exit_:
            main(["terms", PLAN, "--on", "2003-02-30"])
        assert exit_.value.code == 2
        assert "not a real day" in capsys.readouterr().err


class TestValidateAndTerms:
    def test_validate(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The validate command prints a summary of a valid plan and exits 0."""
        status, out, _ = run(capsys, "validate", PLAN)
        assert status == 0
        assert "valid — Innotrac Corporation" in out

    def test_validate_lists_every_problem(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The validate command, given a bad file prints every problem on stderr and exits 2."""
        status, out, err = run(capsys, "validate", str(BAD / "many-problems.toml"))
        assert status == 2 and out == ""
        assert "6 problems" in err and "Traceback" not in err

    def test_terms_on_a_date(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The terms command with --on gives the terms in force that day with their sources."""
        status, out, _ = run(capsys, "terms", PLAN, "--on", "2003-11-24")
        assert status == 0
        assert "more than 40%" in out and "Amendment No. 3 (2003-11-24)" in out

    def test_terms_before_adoption(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The terms command with --on before the agreement says no plan was in force."""
        _, out, _ = run(capsys, "terms", PLAN, "--on", "1990-01-01")
        assert "no plan in force on 1990-01-01" in out

    def test_timeline(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The terms command without --on prints the whole timeline."""
        _, out, _ = run(capsys, "terms", PLAN)
        assert "2003-08-14 to 2003-11-23" in out

    def test_terms_json_timeline(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The terms command with --format json gives every period, every rule, every source."""
        status, out, _ = run(capsys, "terms", PLAN, "--format", "json")
        assert status == 0
        document = json.loads(out)
        plan = rp.load_plan(PLAN)
        assert document == json.loads(json.dumps(plan.to_json()))
        assert document["format"] == "rightsplan.terms/1"
        assert [p["start"] for p in document["periods"]] == [
            p.start.isoformat() for p in plan.timeline()
        ]
        last = document["periods"][-1]["rules"]
        assert {"general", "exception", "exempt-person", "grandfathering", "rights-agent"} <= {
            rule["kind"] for rule in last
        }

    def test_terms_json_on_a_date(self, capsys: pytest.CaptureFixture[str]) -> None:
        """With --on and --format json, that day's rules: the threshold is the plan's, exactly."""
        _, out, _ = run(capsys, "terms", PLAN, "--on", "2003-11-24", "--format", "json")
        document = json.loads(out)
        terms = rp.load_plan(PLAN).terms_at("2003-11-24")
        assert (document["on"], document["in_force"], document["why_not"]) == (
            "2003-11-24",
            True,
            None,
        )
        general = next(rule for rule in document["rules"] if rule["kind"] == "general")
        threshold = general["threshold"]
        assert rp.to_percent(threshold["percent"]) == terms.general.percent
        assert rp.Comparison(threshold["comparison"]) is terms.general.comparison
        (exception,) = [rule for rule in document["rules"] if rule["kind"] == "exception"]
        assert exception["cap"]["percent"] == "40"
        assert exception["source"]["instrument"] == "Amendment No. 3"

    def test_terms_json_every_kind(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A plan file stating every kind of rule shows each in the JSON, the ending too."""
        from tests.test_terms import every_kind_plan

        path = tmp_path / "plan.toml"
        rp.dump_plan(every_kind_plan(), path)
        _, out, _ = run(capsys, "terms", str(path), "--format", "json")
        periods = json.loads(out)["periods"]
        kinds = {rule["kind"] for period in periods for rule in period["rules"]}
        assert kinds == {kind.value for kind in rp.terms.ProvisionKind}
        assert all(rule["source"] is not None for period in periods for rule in period["rules"])
        _, out, _ = run(capsys, "terms", str(path), "--on", "2015-01-01", "--format", "json")
        document = json.loads(out)
        assert document["in_force"] is False and document["instruments"] == []
        assert [rule["text"] for rule in document["rules"]] == [
            "2020-01-15",
            "redeemed on 2014-05-01 at $0.001 per right",
        ]
        assert document["why_not"] == "redeemed on 2014-05-01 by Amendment No. 2 (2014-05-01)"

    def test_terms_text_lists_every_kind(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The text form lists the grandfathering, ownership and distribution rules too."""
        _, out, _ = run(capsys, "terms", PLAN, "--on", "2003-11-24")
        for heading in ("Grandfathering: ", "Beneficial ownership: ", "Distribution Date: "):
            assert f"\n{heading}" in out, heading

    def test_terms_json_before_adoption(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Before the agreement, the JSON says no plan was in force, and why, with no rules."""
        status, out, _ = run(capsys, "terms", PLAN, "--on", "1990-01-01", "--format", "json")
        document = json.loads(out)
        assert status == 0
        assert document["in_force"] is False and document["rules"] == []
        assert document["why_not"] == "the Rights Agreement is dated 1997-12-31"

    def test_instruments_shown_as_what_they_are(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Selectica's exchange and restatement appear by kind in terms and validate."""
        selectica = str(PLAN).replace("innotrac", "selectica")
        status, out, _ = run(capsys, "terms", selectica, "--on", "2009-01-02")
        assert status == 0
        assert "Amended and Restated Rights Agreement dated 2009-01-02 (2009-01-02)" in out
        _, timeline, _ = run(capsys, "terms", selectica)
        assert "2009-01-02 to 2009-01-25: Exchange of rights dated 2009-01-02" in timeline
        _, valid, _ = run(capsys, "validate", selectica)
        assert "8 instruments after it" in valid and "No. None" not in valid


class TestCheck:
    def test_table_and_exit_1(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The check command prints a plain table off a TTY and exits 1 on a trigger."""
        status, out, _ = run(capsys, "check", PLAN, HOLDINGS)
        assert status == 1
        assert "triggered" in out and "\033[" not in out
        assert "[1] Amendment No. 2 (2003-08-14)" in out

    def test_unknown_threshold_named_in_the_limit_cell(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Under a threshold the plan leaves unknown, LIMIT says so, never "no plan in force"."""
        holdings = tmp_path / "holdings.csv"
        holdings.write_text(
            "holder,shares,outstanding,date\n"
            "Fund A,60,1000,2005-01-01\n"
            "Fund A,150,1000,2005-01-01\n"
        )
        selectica = PLAN.replace("innotrac", "selectica")
        status, out, _ = run(capsys, "check", selectica, str(holdings))
        assert status == 0
        rows = [line for line in out.splitlines() if "Fund A" in line]
        assert ["clear" in rows[0], "uncertain" in rows[1]] == [True, True]
        assert all("unknown (15%)" in row for row in rows)
        assert "no plan in force" not in out

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--format json gives one object per holding with exact percent, limit and source."""
        _, out, _ = run(capsys, "check", PLAN, HOLDINGS, "--format", "json")
        records = json.loads(out)
        first = records[0]
        assert {k: first[k] for k in ("holder", "date", "status", "limit", "comparison")} == {
            "holder": "IPOF Group",
            "date": "2003-09-01",
            "status": "warning",
            "limit": "25",
            "comparison": "more-than",
        }
        assert (first["max_shares"], first["headroom"]) == (2_893_078, 92_578)
        assert first["source"].startswith("Amendment No. 2 (2003-08-14), Section 1")
        assert first["percent_exact"] == "46675000/1928719"
        edge = records[4]
        assert (edge["status"], edge["percent"], edge["headroom"]) == ("triggered", "15.000008", -1)
        statuses = {r["status"] for r in records}
        assert statuses == {"clear", "warning", "triggered", "exempt", "inactive"}
        inactive = next(r for r in records if r["status"] == "inactive")
        assert inactive["limit"] is None and inactive["comparison"] is None

    def test_csv_to_output_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--output writes the verdicts to a file and nothing else in its directory."""
        output = tmp_path / "verdicts.csv"
        status, out, _ = run(
            capsys, "check", PLAN, HOLDINGS, "--format", "csv", "--output", str(output)
        )
        assert status == 1 and out == ""
        lines = output.read_text("utf-8").splitlines()
        assert lines[0].startswith("line,holder,date,status,percent,percent_exact")
        assert len(lines) == 8
        assert [p.name for p in tmp_path.iterdir()] == ["verdicts.csv"]

    def test_output_may_not_be_an_input(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--output naming an input file is refused and the input is untouched."""
        holdings = tmp_path / "h.csv"
        holdings.write_text("holder,shares,outstanding\nA,1,10\n", "utf-8")
        before = holdings.read_bytes()
        status, _, err = run(
            capsys, "check", PLAN, str(holdings), "--on", "2003-01-01", "--output", str(holdings)
        )
        assert status == 2 and "never overwrites" in err
        assert holdings.read_bytes() == before

    def test_undated_rows_need_on(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Rows without a date are an error without --on, and checked on --on with it."""
        holdings = tmp_path / "h.csv"
        holdings.write_text(
            "holder,shares,outstanding,date\nA,2,10,\nB,1,1000,2003-01-01\n", "utf-8"
        )
        status, _, err = run(capsys, "check", PLAN, str(holdings))
        assert status == 2
        assert f"{holdings}:2: date: missing" in err
        status, out, _ = run(
            capsys, "check", PLAN, str(holdings), "--on", "2003-12-01", "--format", "json"
        )
        assert status == 1
        assert [r["date"] for r in json.loads(out)] == ["2003-12-01", "2003-01-01"]

    def test_clear_exits_0(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """When no holding triggers, check exits 0."""
        holdings = tmp_path / "h.jsonl"
        holdings.write_text('{"holder": "A", "shares": 1, "outstanding": 10}\n', "utf-8")
        status, _, _ = run(capsys, "check", PLAN, str(holdings), "--on", "1999-01-01")
        assert status == 0

    @pytest.mark.parametrize(
        "name", sorted(p.name for p in BAD.iterdir() if p.suffix in {".csv", ".jsonl"})
    )
    def test_bad_holdings_exit_2(self, name: str, capsys: pytest.CaptureFixture[str]) -> None:
        """Every broken holdings file gives exit 2 and a message naming it, no traceback."""
        status, _, err = run(capsys, "check", PLAN, str(BAD / name), "--on", "2003-12-01")
        assert status == 2
        assert name in err and "Traceback" not in err

    @pytest.mark.parametrize(
        "name", sorted(p.name for p in BAD.iterdir() if p.suffix not in {".csv", ".jsonl"})
    )
    def test_bad_plans_exit_2(self, name: str, capsys: pytest.CaptureFixture[str]) -> None:
        """Every broken plan file gives exit 2 and a message naming it, no traceback."""
        status, _, err = run(capsys, "check", str(BAD / name), HOLDINGS)
        assert status == 2
        assert name in err and "Traceback" not in err

    @pytest.mark.parametrize("command", ["validate", "terms"])
    @pytest.mark.parametrize(
        "name", sorted(p.name for p in BAD.iterdir() if p.suffix not in {".csv", ".jsonl"})
    )
    def test_bad_plans_refused_by_every_command(
        self, command: str, name: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The validate and terms commands refuse every broken plan file: exit 2, no traceback."""
        status, _, err = run(capsys, command, str(BAD / name))
        assert status == 2
        assert name in err and "Traceback" not in err

    def test_bad_warn_at(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--warn-at outside (0, 1] is a usage error."""
        with pytest.raises(SystemExit) as exit_:
            main(["check", PLAN, HOLDINGS, "--warn-at", "1.5"])
        assert exit_.value.code == 2


class TestDelegatedCommands:
    def test_listed_in_the_main_help(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`rightsplan --help` lists ingest and screen beside the other commands."""
        with pytest.raises(SystemExit):
            main(["--help"])
        out = capsys.readouterr().out
        assert "ingest" in out
        assert "screen" in out

    def test_ingest_runs_through_the_main_command(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`rightsplan ingest FILING` drafts Amendment No. 3 from the Innotrac 8-K."""
        seed = str(ROOT / "tests" / "data" / "filings" / "seed_004.txt")
        code, out, err = run(capsys, "ingest", seed, "--format", "json")
        assert (code, err) == (0, "")
        assert "IPOF Group" in out
        assert "2003-11-24" in out

    def test_screen_help(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`rightsplan screen --help` reaches the screen command's own options."""
        with pytest.raises(SystemExit) as exit_:
            main(["screen", "--help"])
        assert exit_.value.code == 0
        assert "--out" in capsys.readouterr().out


TAX_PLAN = str(ROOT / "examples" / "tax-asset" / "plan.toml")
TAX_HOLDINGS = str(ROOT / "examples" / "tax-asset" / "holdings.csv")
STANDING_HEADER = "holder,shares,outstanding,date,standing,standing_since,standing_shares\n"


class TestCheckStandings:
    def test_grandfathered_headroom(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Grandfathered at 610,000 (4.99%, tolerance 0.5%): excused, headroom 49,999, exit 0."""
        holdings = tmp_path / "h.csv"
        row = 'Harbor Value Fund,"{}","10,000,000",{},grandfathered,2026-03-02,"610,000"\n'
        holdings.write_text(
            STANDING_HEADER
            + row.format("610,000", "2026-04-01")
            + row.format("640,000", "2026-05-01"),
            "utf-8",
        )
        status, out, _ = run(capsys, "check", TAX_PLAN, str(holdings), "--format", "json")
        assert status == 0
        records = json.loads(out)
        plan = rp.load_plan(TAX_PLAN)
        standing = rp.Grandfathered(pendulum.Date(2026, 3, 2), 610_000)
        for record, shares, day, headroom in zip(
            records, (610_000, 640_000), ("2026-04-01", "2026-05-01"), (49_999, 19_999), strict=True
        ):
            expected = rp.assess(
                plan,
                rp.Position("Harbor Value Fund", shares, 10_000_000),
                on=day,
                standing=standing,
            )
            assert expected.limit is not None
            assert (expected.status, expected.headroom) == (rp.Status.EXCUSED, headroom)
            assert expected.limit.threshold.describe() == "6.6% or more"
            assert record["status"] == "excused" == expected.status.value
            assert (record["limit"], record["comparison"]) == ("6.6", "at-least")
            assert (record["max_shares"], record["headroom"]) == (659_999, headroom)
            assert (record["max_shares"], record["headroom"]) == (
                expected.max_shares,
                expected.headroom,
            )
            assert record["source"] == expected.limit.source.cite()
            assert record["source"].startswith("Amendment No. 1 (2026-03-02)")
            assert record["reason"] == expected.reason
            assert record["standing"] == {
                "kind": "grandfathered",
                "since": "2026-03-02",
                "base_shares": 610_000,
                "source": None,
                "rules": None,
            }

    def test_without_standing_the_same_holder_triggers(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without standing columns the same 610,000 shares cross 4.99% or more: exit 1."""
        holdings = tmp_path / "h.csv"
        holdings.write_text(
            'holder,shares,outstanding,date\nHarbor Value Fund,"610,000","10,000,000",2026-04-01\n',
            "utf-8",
        )
        status, out, _ = run(capsys, "check", TAX_PLAN, str(holdings), "--format", "json")
        assert status == 1
        (record,) = json.loads(out)
        assert (record["status"], record["limit"], record["headroom"]) == (
            "triggered",
            "4.99",
            498_999 - 610_000,
        )
        assert record["standing"] == {"kind": "none"}

    def test_shipped_example_table(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The tax-asset table has a STANDING column; one share past either line triggers."""
        status, out, _ = run(capsys, "check", TAX_PLAN, TAX_HOLDINGS)
        assert status == 1
        lines = out.splitlines()
        header = lines[2].split()
        assert header[header.index("STANDING") + 1] == "STATUS"
        rows = {line.split()[0]: line for line in lines[3:8]}
        assert "grandfathered  excused    6.6% or more [1]      659,999    49,999" in rows["2"]
        assert rows["3"].endswith("19,999")
        assert "grandfathered  triggered" in rows["4"] and rows["4"].endswith("-1")
        assert "-              triggered  4.99% or more [1]" in rows["6"]
        assert "Summary: 1 warning, 2 triggered, 2 excused" in out

    def test_no_standing_column_without_standings(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A file that gives no standing keeps the table as it was, without a STANDING column."""
        _, out, _ = run(capsys, "check", PLAN, HOLDINGS)
        assert "STANDING" not in out.splitlines()[2].split()

    def test_csv_gives_the_standing_columns(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--format csv gives the holdings file's standing columns, blank where unused."""
        _, out, _ = run(capsys, "check", TAX_PLAN, TAX_HOLDINGS, "--format", "csv")
        rows = list(csv.DictReader(io.StringIO(out)))
        assert {k: rows[0][k] for k in STANDING_COLUMNS} == {
            "standing": "grandfathered",
            "standing_since": "2026-03-02",
            "standing_shares": "610000",
            "standing_until": "",
            "standing_cap_percent": "",
            "standing_cap_comparison": "",
        }
        assert (rows[0]["status"], rows[3]["standing"]) == ("excused", "none")

    def test_excused_is_coloured_on_a_terminal(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """On a terminal, excused has a colour of its own."""
        monkeypatch.delenv("NO_COLOR", raising=False)
        monkeypatch.setenv("COLUMNS", "200")
        monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
        _, out, _ = run(capsys, "check", TAX_PLAN, TAX_HOLDINGS)
        assert "\033[35mexcused  \033[0m" in out
        assert "\033[1;31mtriggered\033[0m" in out

    def test_board_exemption_and_acquiring_person(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A board exemption without a cap is exempt; an Acquiring Person stays triggered."""
        holdings = tmp_path / "h.jsonl"
        holdings.write_text(
            '{"holder": "Pier Trust", "shares": 900000, "outstanding": 10000000, '
            '"standing": "exempted", "standing_since": "2026-01-05"}\n'
            '{"holder": "Dock Capital", "shares": 1000, "outstanding": 10000000, '
            '"standing": "acquiring-person", "standing_since": "2026-02-10"}\n',
            "utf-8",
        )
        status, out, _ = run(capsys, "check", TAX_PLAN, str(holdings), "--on", "2026-04-01")
        assert status == 1
        rows = [line.split() for line in out.splitlines()[3:5]]
        assert rows[0][-6:] == ["exempted", "exempt", "board", "exemption", "-", "-"]
        assert rows[1][-8:-4] == ["acquiring-person", "triggered", "4.99%", "or"]

    def test_standing_after_on_is_an_error(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An undated row whose standing starts after --on is bad input (exit 2)."""
        holdings = tmp_path / "h.csv"
        holdings.write_text(
            STANDING_HEADER
            + 'Harbor Value Fund,"610,000","10,000,000",,grandfathered,2026-03-02,1\n',
            "utf-8",
        )
        status, _, err = run(capsys, "check", TAX_PLAN, str(holdings), "--on", "2026-03-01")
        assert status == 2
        assert (
            f"{holdings}:2: standing_since: the grandfathered standing starts on 2026-03-02" in err
        )
        assert "(--on)" in err

    def test_the_howto_shows_the_real_file_and_table(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The check-holdings guide shows the shipped tax-asset file and its table verbatim."""
        guide = (ROOT / "docs" / "howto" / "check-holdings.md").read_text("utf-8")
        blocks = re.findall(r"^```text\n(.*?)^```$", guide, re.MULTILINE | re.DOTALL)
        _, out, _ = run(capsys, "check", TAX_PLAN, TAX_HOLDINGS)
        assert Path(TAX_HOLDINGS).read_text("utf-8") in blocks
        assert out in blocks

    def test_json_standing_objects(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """JSON gives each standing's own fields: dates as text, a cap as percent and comparison."""
        holdings = tmp_path / "h.jsonl"
        holdings.write_text(
            '{"holder": "Inlet Fund", "shares": 520000, "outstanding": 10000000, '
            '"standing": "inadvertent", "standing_since": "2026-03-10", '
            '"standing_until": "2026-04-30"}\n'
            '{"holder": "Pier Trust", "shares": 900000, "outstanding": 10000000, '
            '"standing": "exempted", "standing_since": "2026-01-05", '
            '"standing_cap_percent": "9.99", "standing_cap_comparison": "more-than"}\n',
            "utf-8",
        )
        status, out, _ = run(
            capsys, "check", TAX_PLAN, str(holdings), "--on", "2026-04-01", "--format", "json"
        )
        inlet, pier = json.loads(out)
        assert status == 0
        assert (inlet["status"], inlet["standing"]) == (
            "excused",
            {
                "kind": "inadvertent",
                "crossed_on": "2026-03-10",
                "divest_by": "2026-04-30",
                "source": "Board determination (2026-03-10)",
            },
        )
        assert pier["standing"]["cap"] == {"percent": "9.99", "comparison": "more-than"}
        assert (pier["status"], pier["limit"], pier["comparison"]) == (
            "warning",
            "9.99",
            "more-than",
        )
        assert pier["source"] == "Board determination (2026-01-05)"


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


class TestConventions:
    """The conventions of other command-line tools: --version, -, -o, --format json, words."""

    def test_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--version prints the package's version, the one rightsplan.__version__ gives."""
        with pytest.raises(SystemExit) as exit_:
            main(["--version"])
        assert exit_.value.code == 0
        assert capsys.readouterr().out == f"rightsplan {rp.__version__}\n"
        assert rp.__version__[0].isdigit()

    def test_pipeline_check_json(self) -> None:
        """Holdings piped in (check PLAN - --format json), the output parses as JSON."""
        import subprocess

        done = subprocess.run(
            [sys.executable, "-m", "rightsplan", "check", PLAN, "-", "--format", "json"],
            input=Path(HOLDINGS).read_bytes(),
            capture_output=True,
            check=False,
        )
        assert done.returncode == 1, done.stderr  # IPOF's active holding triggers
        records = json.loads(done.stdout)
        assert [r["status"] for r in records][:3] == ["warning", "clear", "triggered"]
        assert done.stderr == b""

    @pytest.mark.parametrize("fmt", ["csv", "jsonl"])
    def test_check_reads_holdings_from_stdin(
        self, fmt: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Holdings on standard input (CSV, or JSON lines) give the verdicts the file gives."""
        _, from_file, _ = run(capsys, "check", PLAN, HOLDINGS, "--format", "json")
        rows = rp.load_holdings(HOLDINGS)
        if fmt == "csv":
            data = Path(HOLDINGS).read_bytes()
        else:
            data = "".join(
                json.dumps(
                    {
                        "holder": h.position.holder,
                        "shares": h.position.shares,
                        "outstanding": h.position.outstanding,
                        "passive": h.position.passive,
                        "date": h.date.isoformat() if h.date else None,
                        "kind": h.position.kind.value,
                    }
                )
                + "\n"
                for h in rows
            ).encode()
        _stdin(monkeypatch, data)
        status, out, err = run(capsys, "check", PLAN, "-", "--format", "json")
        assert status == 1, err
        strip = [{k: v for k, v in r.items() if k != "line"} for r in json.loads(out)]
        expected = [{k: v for k, v in r.items() if k != "line"} for r in json.loads(from_file)]
        assert strip == expected

    def test_stdin_errors_name_stdin(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A bad row on standard input is reported against <stdin>, with its line (exit 2)."""
        _stdin(monkeypatch, b"holder,shares,outstanding,date\nA,-5,100,2003-09-01\n")
        status, _, err = run(capsys, "check", PLAN, "-")
        assert status == 2
        assert "<stdin>:2" in err

    def test_only_one_stdin(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Naming - for two inputs is refused: standard input can be read once."""
        status, _, err = run(capsys, "check", "-", "-")
        assert status == 2
        assert "only one input can be - (standard input)" in err

    def test_validate_plan_from_stdin_as_json(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The validate command reads TOML from - (stdin); --format json describes the plan."""
        _stdin(monkeypatch, Path(PLAN).read_bytes())
        status, out, _ = run(capsys, "validate", "-", "--format", "json")
        record = json.loads(out)
        assert status == 0
        assert record["valid"] is True and record["file"] == "<stdin>"
        assert [a["number"] for a in record["amendments"]] == [1, 2, 3]

    def test_validate_json_lists_problems(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An invalid plan with --format json is described on standard output, exit 2."""
        status, out, _ = run(
            capsys, "validate", str(BAD / "many-problems.toml"), "--format", "json"
        )
        record = json.loads(out)
        assert status == 2
        assert record["valid"] is False and len(record["problems"]) == 6

    def test_example_json_and_output(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The example command with --format json -o FILE writes the sourced assessments there."""
        target = tmp_path / "example.json"
        status, out, _ = run(capsys, "example", "--format", "json", "-o", str(target))
        assert out == ""
        record = json.loads(target.read_text("utf-8"))
        assert status == 0  # only the hypothetical active IPOF triggers
        assert [a["status"] for a in record["assessments"]] == [
            "warning",
            "warning",
            "clear",
            "triggered",
        ]
        assert all(a["source"] for a in record["assessments"])

    def test_output_short_option(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """-o is --output: check -o FILE writes the verdicts there and nothing to stdout."""
        target = tmp_path / "verdicts.csv"
        status, out, _ = run(capsys, "check", PLAN, HOLDINGS, "--format", "csv", "-o", str(target))
        assert status == 1 and out == ""
        assert target.read_text("utf-8").startswith("line,holder,date,status")

    def test_legend_defines_each_status_shown(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The table ends with a legend: one line per status shown, the warning line given."""
        _, out, _ = run(capsys, "check", PLAN, HOLDINGS, "--warn-at", "95%")
        assert "warning:   at or above 95% of the limit, not over it" in out
        assert "exempt:    an Exempt Person" in out
        assert "excused:" not in out  # no row is excused
        assert "7 holdings checked" in out and "holding(s)" not in out

    @pytest.mark.parametrize("columns", [60, 80, 100])
    def test_narrow_terminal_fits(
        self, columns: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """On a terminal narrower than the table, no line of the holdings is wider than it."""
        monkeypatch.setenv("COLUMNS", str(columns))
        _, out, _ = run(capsys, "check", PLAN, HOLDINGS)
        body = out.split("\n\n[1]")[0]
        assert all(len(line) <= columns for line in body.splitlines())
        assert "Line 4, 2003-12-01: IPOF Group" in body

    @pytest.mark.parametrize("columns", [60, 80])
    def test_narrow_terminal_colours_take_no_width(
        self, columns: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """In colour, the blocks wrap where they wrap without colour: escape codes take no width."""
        monkeypatch.setenv("COLUMNS", str(columns))
        monkeypatch.delenv("NO_COLOR", raising=False)
        _, plain, _ = run(capsys, "check", PLAN, HOLDINGS)
        monkeypatch.setattr("rightsplan.cli._shell.terminal", lambda: True)
        _, painted, _ = run(capsys, "check", PLAN, HOLDINGS)
        assert "\x1b[" in painted
        assert re.sub(r"\x1b\[[0-9;]*m", "", painted) == plain
