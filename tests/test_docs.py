"""The README and the docs say what works: their Python examples run, their commands match CI."""

from __future__ import annotations

import enum
import json
import os
import re
import shlex
import subprocess
import sys
import types
from pathlib import Path

import pytest

import rightsplan as rp
from rightsplan.terms import ProvisionKind

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("**/*.md"))]
FENCE = re.compile(r"^```(?P<lang>[\w-]*)\n(?P<body>.*?)^```$", re.MULTILINE | re.DOTALL)


def _blocks(path: Path, lang: str) -> list[str]:
    return [m["body"] for m in FENCE.finditer(path.read_text("utf-8")) if m["lang"] == lang]


def _python_blocks() -> list[tuple[str, str]]:
    return [
        (f"{path.relative_to(ROOT)}#{index}", body)
        for path in DOCUMENTS
        for index, body in enumerate(_blocks(path, "python"))
    ]


@pytest.mark.parametrize(("where", "code"), _python_blocks())
def test_python_examples_run(
    where: str, code: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every ```python block in the README and docs runs as written, from the repository root."""
    monkeypatch.chdir(ROOT)
    exec(compile(code, where, "exec"), {"__name__": f"docs:{where}"})


def _quickstart() -> list[str]:
    text = (ROOT / "README.md").read_text("utf-8")
    section = text.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    return [
        body.strip() for m in FENCE.finditer(section) if m["lang"] == "sh" for body in [m["body"]]
    ]


class TestQuickstart:
    def test_two_commands(self) -> None:
        """The Quickstart gives exactly two one-line commands: the main job and the tests."""
        commands = _quickstart()
        assert len(commands) == 2
        assert all("\n" not in command for command in commands)
        assert commands[1].endswith("python -m pytest")

    def test_ci_runs_the_readme_test_command(self) -> None:
        """.ci/run runs the README's test command verbatim."""
        ci = (ROOT / ".ci" / "run").read_text("utf-8").splitlines()
        assert _quickstart()[1] in ci

    def test_main_job_runs(self) -> None:
        """The main-job command, after its install step, prints the timeline and the verdicts."""
        steps = _quickstart()[0].split(" && ")
        assert steps[0].startswith("python -m pip install")
        output = []
        codes = []
        for step in steps[1:]:
            words = shlex.split(step)
            assert words[0] == "rightsplan"
            done = subprocess.run(
                [sys.executable, "-m", "rightsplan", *words[1:]],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=False,
            )
            assert done.stderr == ""
            output.append(done.stdout)
            codes.append(done.returncode)
        assert codes == [0, 1]  # the README says: two sample holdings trigger
        assert "Amendment No. 3" in output[0]
        assert "2,893,078" in output[1]
        assert "triggered" in output[1]


def _public_enums() -> list[type[enum.Enum]]:
    kinds = [getattr(rp, name) for name in rp.__all__]
    return [
        kind
        for kind in [*kinds, ProvisionKind]
        if isinstance(kind, type) and issubclass(kind, enum.Enum)
    ]


class TestReference:
    def test_api_page_lists_every_public_name(self) -> None:
        """docs/api.md names every public class and function, so each gets a page of its own."""
        listed = set(
            re.findall(r"^\s*rightsplan\.(\w+)$", (DOCS / "api.md").read_text("utf-8"), re.M)
        )
        names = [n for n in rp.__all__ if not isinstance(getattr(rp, n), types.ModuleType)]
        assert [name for name in names if name not in listed] == []

    def test_every_module_has_a_page(self) -> None:
        """Every public module (rp.rules, rp.calendars...) has a page under docs/reference/."""
        modules = [n for n in rp.__all__ if isinstance(getattr(rp, n), types.ModuleType)]
        assert [n for n in modules if not (DOCS / "reference" / f"{n}.md").is_file()] == []

    @pytest.mark.parametrize("kind", _public_enums(), ids=lambda kind: kind.__name__)
    def test_enums_in_both_spellings(self, kind: type[enum.Enum]) -> None:
        """The plan-file page shows every enum member as its text and as its Python name."""
        page = (DOCS / "plan-files.md").read_text("utf-8")
        for member in kind:
            python = f"{kind.__name__}.{member.name}`"
            assert python in page, python
            assert f'"{member.value}"' in page or f"`{member.value}`" in page, member


def _submodule_enums() -> list[tuple[type[enum.Enum], str, str]]:
    """Public enums outside ``rp.__all__``: each, the page showing it, its text attribute."""
    from rightsplan import edgar, report, reports

    return [
        (report.ColumnType, "tables.md", "value"),
        (reports.PassiveBasis, "ownership-reports.md", "value"),
        (edgar.EventKind, "json.md", "value"),
        (edgar.Authority, "json.md", "label"),
    ]


@pytest.mark.parametrize(
    ("kind", "page", "text"), _submodule_enums(), ids=lambda value: getattr(value, "__name__", "")
)
def test_submodule_enums_in_both_spellings(kind: type[enum.Enum], page: str, text: str) -> None:
    """An enum of rp.report or rp.edgar is shown as its text and as its Python name."""
    shown = (DOCS / page).read_text("utf-8")
    for member in kind:
        assert f"{kind.__name__}.{member.name}`" in shown, member
        value = getattr(member, text)
        assert f'"{value}"' in shown or f"`{value}`" in shown, member


def _keys(value: object) -> set[str]:
    """Every key of every object in a JSON value."""
    if isinstance(value, dict):
        return set(value).union(*(_keys(item) for item in value.values()))
    if isinstance(value, list):
        return set().union(*(_keys(item) for item in value))
    return set()


def _documented(output: str) -> set[str]:
    """The fields docs/json.md lists for an output: the first column of its section's tables."""
    page = (DOCS / "json.md").read_text("utf-8")
    section = page.split(f"## `rightsplan {output} ", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    cells = [row.split(" | ")[0] for row in rows]
    # A quoted first cell is a value ("adoption") in a table of both spellings, not a field.
    return {name for cell in cells for name in re.findall(r"`([^`\"]+)`", cell)}


def _cli_json(*argv: str, stream: str = "stdout") -> object:
    done = subprocess.run(
        [sys.executable, "-m", "rightsplan", *argv, "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    return json.loads(getattr(done, stream))


EVERY_STANDING = """\
holder,shares,outstanding,date,standing,standing_since,standing_shares,standing_until,\
standing_cap_percent,standing_cap_comparison
A,610000,10000000,2026-04-01,grandfathered,2026-03-02,610000,,,
B,610000,10000000,2026-04-01,buyback,2026-03-02,600000,,,
C,610000,10000000,2026-04-01,inadvertent,2026-03-02,,2026-04-15,,
D,610000,10000000,2026-04-01,acquiring-person,2026-03-02,,,,
E,610000,10000000,2026-04-01,exempted,2026-03-02,,,10,at-least
"""
"""A holdings file with every standing a holdings file can give."""

UNKNOWN_THRESHOLD_PLAN = """\
[agreement]
company = "Example Corp"
dated = 2000-01-03

[[agreement.provisions]]
kind = "set-threshold"
percent = {unknown = true, at_least = "10", at_most = "20", reason = "not in the filings at hand"}
comparison = "at-least"
"""
"""A plan whose threshold is known only to lie between 10% and 20%."""

CROSSES_THE_UNKNOWN = """\
event,date,holder,shares,outstanding
outstanding-changed,2000-01-03,,,1000000
position-reported,2000-02-01,A Fund,150000,
"""
"""A holder at 15%: over the threshold if it is 10%, under it if it is 20%."""

TENDER_OFFER = """\
event,date,holder,shares,outstanding,offeror,deferred
outstanding-changed,2003-07-31,,,11564730,,
position-reported,2003-08-01,A Fund,100000,,,
tender-offer-commenced,2003-09-02,,,,Bidder Corp,
"""
"""An events file with a tender offer, so that its fields are printed."""


class TestJsonFields:
    """docs/json.md lists exactly the fields each command prints: none missing, none extra."""

    def test_check(self, tmp_path: Path) -> None:
        """`check --format json`: the verdict and standing fields, every standing kind."""
        (tmp_path / "standings.csv").write_text(EVERY_STANDING, "utf-8")
        printed = set[str]()
        for plan, holdings in (
            ("examples/innotrac/plan.toml", "examples/innotrac/holdings.csv"),
            ("examples/tax-asset/plan.toml", "examples/tax-asset/holdings.csv"),
            ("examples/tax-asset/plan.toml", str(tmp_path / "standings.csv")),
        ):
            printed |= _keys(_cli_json("check", plan, holdings))
        assert printed == _documented("check")

    def test_history(self, tmp_path: Path) -> None:
        """`history --format json`: periods, triggers, tender offers; holders' names aside."""
        (tmp_path / "tender.csv").write_text(TENDER_OFFER, "utf-8")
        (tmp_path / "unknown.toml").write_text(UNKNOWN_THRESHOLD_PLAN, "utf-8")
        (tmp_path / "possible.csv").write_text(CROSSES_THE_UNKNOWN, "utf-8")
        printed = set[str]()
        for plan, events in (
            ("examples/innotrac/plan.toml", "examples/innotrac/events.csv"),
            ("examples/innotrac/plan.toml", "examples/innotrac/events-inadvertent.csv"),
            ("examples/tax-asset/plan.toml", "examples/tax-asset/events.csv"),
            ("examples/innotrac/plan.toml", str(tmp_path / "tender.csv")),
            (str(tmp_path / "unknown.toml"), str(tmp_path / "possible.csv")),
        ):
            document = _cli_json("history", plan, events)
            assert isinstance(document, dict)
            names = {  # the holders' names key these objects: they are not fields
                name
                for field in ("holders", "first_crossings", "near_matches")
                for name in document[field]
            }
            printed |= _keys(document) - names
        assert printed == _documented("history")

    def test_terms(self) -> None:
        """`terms --format json`: every kind of rule, unknown terms, with and without --on."""
        from tests.test_terms import every_kind_plan
        from tests.test_unknowns import candela, enzon, every_unknown, sotheby

        plans = [
            every_kind_plan(),
            every_unknown(),
            candela(),
            enzon(through=3),
            sotheby(meeting=None),
            *(rp.load_plan(f"examples/{name}/plan.toml") for name in ("innotrac", "selectica")),
        ]
        printed = set[str]()
        for plan in plans:
            printed |= _keys(plan.to_json()) | _keys(plan.to_json(on="2013-01-01"))
        printed |= _keys(_cli_json("terms", "examples/selectica/plan.toml", "--on", "2009-01-02"))
        assert printed == _documented("terms")

    def test_screen(self, tmp_path: Path) -> None:
        """`screen --format json`: the summary's fields; the statuses' names key their counts."""
        pytest.importorskip("polars")
        plans = tmp_path / "plans"
        plans.mkdir()
        (plans / "INNO.toml").write_text(
            (ROOT / "examples/innotrac/plan.toml").read_text("utf-8"), "utf-8"
        )
        (tmp_path / "in.csv").write_text(
            "issuer,holder,date,shares,outstanding,passive\n"
            "INNO,IPOF Group,2003-11-24,2800500,11572314,true\n",
            "utf-8",
        )
        argv = ["screen", str(plans), str(tmp_path / "in.csv"), "-o", str(tmp_path / "o.pq")]
        summary = _cli_json(*argv)
        assert isinstance(summary, dict)
        assert set(summary["statuses"]) <= {status.value for status in rp.Status}
        assert set(summary) == _documented("screen")

    def test_reports_read(self) -> None:
        """`reports read --format json`: every report's fields, a 13D's, a 13G's and an XML's."""
        reports = (
            "tests/data/reports/cik-1816233/01-13d-a.txt",  # states the shares outstanding
            "tests/data/reports/procore-technologies/01-13g-a.txt",
            "tests/data/reports-fixtures/drawn-13g-a-primary_doc.xml",
        )
        document = _cli_json("reports", "read", *reports)
        assert isinstance(document, list) and all(item["outstanding"] for item in document[::2])
        assert _keys(document) == _documented("reports read")

    def test_reports_score(self) -> None:
        """`reports score --format json`: the half, the counts and each field's row."""
        document = _cli_json("reports", "score", "tests/data/reports", "--half", "test")
        assert _keys(document) == _documented("reports score")

    def test_watch(self) -> None:
        """`watch --format json`: every column of the watch, for the Innotrac example."""
        argv = ("watch", "examples/innotrac/plan.toml", "examples/innotrac/reports")
        document = _cli_json(*argv, "--outstanding", "11572314")
        assert _keys(document) == _documented("watch")

    def test_ingest(self) -> None:
        """`ingest --format json`: drafts, found values, conflicts; plan-file keys aside."""
        printed = set[str]()
        plan_keys = set[str]()
        for filing in ("seed_004.txt", "10_solano_conflict_submission.txt"):
            document = _cli_json("ingest", f"tests/data/filings/{filing}")
            plan_keys |= _keys(_subtrees(document, {"plan", "change"}))
            printed |= _keys(_pruned(document, {"plan", "change"}))
        assert printed == _documented("ingest")
        schema = (DOCS / "plan-files.md").read_text("utf-8")
        named = [k for k in plan_keys if f"`{k}`" in schema or f"[{k}]" in schema]
        assert sorted(plan_keys - set(named)) == []

    def test_validate(self, tmp_path: Path) -> None:
        """`validate --format json`: a valid plan file and a broken one."""
        (tmp_path / "broken.toml").write_text("x\n", "utf-8")
        printed = _keys(_cli_json("validate", "examples/selectica/plan.toml"))
        broken = subprocess.run(
            [
                sys.executable,
                "-m",
                "rightsplan",
                "validate",
                str(tmp_path / "broken.toml"),
                "--format",
                "json",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        assert broken.returncode == 2
        printed |= _keys(json.loads(broken.stdout))
        assert printed == _documented("validate")

    def test_example(self) -> None:
        """`example --format json`: the verdict fields of `check` but `line`, with two more."""
        printed = _keys(_cli_json("example"))
        own = _documented("example")
        assert own <= printed
        assert printed <= own | (_documented("check") - {"line"})


def _pruned(value: object, names: set[str]) -> object:
    """``value`` with the contents of the keys ``names`` left out (the keys themselves kept)."""
    if isinstance(value, dict):
        return {k: (None if k in names else _pruned(v, names)) for k, v in value.items()}
    if isinstance(value, list):
        return [_pruned(item, names) for item in value]
    return value


def _subtrees(value: object, names: set[str]) -> list[object]:
    """The values of the keys ``names``, wherever they are in ``value``."""
    if isinstance(value, dict):
        found = [v for k, v in value.items() if k in names]
        return found + [s for v in value.values() for s in _subtrees(v, names)]
    if isinstance(value, list):
        return [s for item in value for s in _subtrees(item, names)]
    return []


HOWTO = DOCS / "howto" / "encode-a-plan.md"
"""The how-to that walks Selectica's plan from its filings to the example plan file."""

_SKETCH = """\
[agreement]
company = "Example Corp"
dated = 1990-01-01

[[agreement.provisions]]
kind = "set-threshold"
percent = "15"
comparison = "at-least"

"""
"""A plan for a fragment to sit in: the fragments are one instrument or change of a plan."""


def _console_examples() -> list[tuple[str, str, str]]:
    """Every ```console block of the docs: where, the ``$ rightsplan ...`` line, its output."""
    examples = []
    for path in DOCUMENTS:
        for index, body in enumerate(_blocks(path, "console")):
            command, _, shown = body.partition("\n")
            examples.append((f"{path.relative_to(ROOT)}#{index}", command, shown))
    return examples


@pytest.mark.parametrize(("where", "command", "shown"), _console_examples())
def test_console_examples_print_what_the_page_shows(where: str, command: str, shown: str) -> None:
    """A ```console block's command, run from the repository root, prints what the page shows.

    A last line ``...`` stands for the rest of the output, left out of the page.
    """
    assert command.startswith("$ rightsplan "), where
    done = subprocess.run(
        [sys.executable, "-m", "rightsplan", *shlex.split(command)[2:]],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "COLUMNS": "200", "NO_COLOR": "1"},
    )
    assert done.returncode in (0, 1), done.stderr
    lines = shown.rstrip("\n").splitlines()
    printed = done.stdout.rstrip("\n").splitlines()
    if lines and lines[-1] == "...":
        lines, printed = lines[:-1], printed[: len(lines) - 1]
    assert printed == lines


class TestEncodeAPlan:
    """docs/howto/encode-a-plan.md: its plan file is the example, and every fragment loads."""

    def _walk_and_rest(self) -> tuple[list[str], list[str]]:
        text = HOWTO.read_text("utf-8")
        walk, rest = text.split("\n## 8. ", 1)
        return _toml_blocks(walk), _toml_blocks(rest)

    def test_the_file_grows_into_the_example(self) -> None:
        """The TOML blocks of the walk, one instrument each, make examples/selectica/plan.toml."""
        walk, _ = self._walk_and_rest()
        assert len(walk) == 6  # the agreement, then sections 3 to 7
        built = rp.io.loads_plan("\n".join(walk), "toml", name="encode-a-plan.md")
        assert built == rp.load_plan(ROOT / "examples" / "selectica" / "plan.toml")

    def test_every_later_fragment_loads(self) -> None:
        """The fragments after the walk (a missing date, an event, a supplement) load in a plan."""
        _, rest = self._walk_and_rest()
        assert rest
        for fragment in rest:
            first = fragment.splitlines()[0]
            if first == "[[amendments]]":
                text = _SKETCH + fragment
            else:
                change = (
                    ""
                    if first == "[[amendments.changes]]"
                    else ('[[amendments.changes]]\nkind = "set-expiration"\n')
                )
                text = _SKETCH + "[[amendments]]\nexecuted = 1999-01-01\n\n" + change + fragment
            plan = rp.io.loads_plan(text, "toml", name="encode-a-plan.md")
            assert len(plan.amendments) == 1

    def test_the_holdings_shown_are_the_example_file(self) -> None:
        """The ```text block is examples/selectica/holdings.csv, byte for byte."""
        (shown,) = _blocks(HOWTO, "text")
        assert shown == (ROOT / "examples" / "selectica" / "holdings.csv").read_text("utf-8")

    def test_check_exits_1_as_the_page_says(self) -> None:
        """The page says the check exits 1 (a holding triggers): it does."""
        assert "The exit status is 1" in HOWTO.read_text("utf-8")
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "rightsplan",
                "check",
                "examples/selectica/plan.toml",
                "examples/selectica/holdings.csv",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 1, done.stderr


def _toml_blocks(text: str) -> list[str]:
    return [m["body"] for m in FENCE.finditer(text) if m["lang"] == "toml"]
