"""The README and the docs say what works: their Python examples run, their commands match CI."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
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
