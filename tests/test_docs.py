"""The README and the docs say what works: their Python examples run, their commands match CI."""

from __future__ import annotations

import enum
import json
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


def _keys(value: object) -> set[str]:
    """Every key of every object in a JSON value."""
    if isinstance(value, dict):
        return set(value).union(*(_keys(item) for item in value.values()))
    if isinstance(value, list):
        return set().union(*(_keys(item) for item in value))
    return set()


class TestJsonFieldsDocumented:
    def test_terms_json(self) -> None:
        """Every key of `rightsplan terms --format json` is named in docs/plan-files.md."""
        from tests.test_terms import every_kind_plan

        plan = every_kind_plan()
        keys = _keys(plan.to_json()) | _keys(plan.to_json(on="2013-01-01"))
        page = (DOCS / "plan-files.md").read_text("utf-8")
        assert sorted(key for key in keys if f"`{key}`" not in page) == []

    def _cli_json(self, *argv: str) -> object:
        done = subprocess.run(
            [sys.executable, "-m", "rightsplan", *argv, "--format", "json"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode in (0, 1), done.stderr
        return json.loads(done.stdout)

    def test_check_json(self) -> None:
        """Every key of `rightsplan check --format json` is named in the check-holdings how-to."""
        keys = set[str]()
        for example in ("innotrac", "tax-asset"):
            folder = f"examples/{example}"
            keys |= _keys(self._cli_json("check", f"{folder}/plan.toml", f"{folder}/holdings.csv"))
        page = (DOCS / "howto" / "check-holdings.md").read_text("utf-8")
        assert sorted(key for key in keys if f"`{key}`" not in page) == []

    def test_history_json(self) -> None:
        """Every key of `rightsplan history --format json` is named in ownership-history.md."""
        keys = set[str]()
        for plan, events in (
            ("innotrac/plan.toml", "innotrac/events.csv"),
            ("innotrac/plan.toml", "innotrac/events-inadvertent.csv"),
            ("tax-asset/plan.toml", "tax-asset/events.csv"),
        ):
            document = self._cli_json("history", f"examples/{plan}", f"examples/{events}")
            assert isinstance(document, dict)
            names = {  # the holders' names key these objects: they are not fields
                name
                for field in ("holders", "first_crossings", "near_matches")
                for name in document[field]
            }
            keys |= _keys(document) - names
        page = (DOCS / "ownership-history.md").read_text("utf-8")
        assert sorted(key for key in keys if f"`{key}`" not in page) == []
