"""The documentation builds with Sphinx in strict mode: any warning fails the build."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("sphinx") is None or importlib.util.find_spec("myst_parser") is None,
    reason='the docs build needs sphinx and myst-parser: pip install -e ".[test]"',
)


def _build(out: Path, builder: str = "html") -> subprocess.CompletedProcess[str]:
    # A subprocess, exactly as the README's command runs it: Sphinx's own deprecation
    # warnings stay out of this process, where filterwarnings=error would turn them into
    # failures that say nothing about our docs.
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "--keep-going",
            "-q",
            "-b",
            builder,
            "-d",
            str(out / "doctrees"),
            str(DOCS),
            str(out / builder),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


@pytest.fixture(scope="module")
def built(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    out = tmp_path_factory.mktemp("docs")
    return out / "html", _build(out)


class TestStrictBuild:
    def test_builds_without_warnings(
        self, built: tuple[Path, subprocess.CompletedProcess[str]]
    ) -> None:
        """sphinx-build -W --keep-going succeeds: no warning anywhere in the docs or docstrings."""
        _, done = built
        assert done.returncode == 0, done.stderr
        assert "WARNING" not in done.stderr, done.stderr

    def test_every_page_is_built(
        self, built: tuple[Path, subprocess.CompletedProcess[str]]
    ) -> None:
        """Every Markdown page under docs/ becomes an HTML page (the index's glob finds them)."""
        html, _ = built
        pages = sorted(p.relative_to(DOCS).with_suffix("") for p in DOCS.glob("**/*.md"))
        pages = [p for p in pages if "_build" not in p.parts]
        missing = [str(p) for p in pages if not (html / p).with_suffix(".html").is_file()]
        assert pages
        assert missing == []

    def test_every_page_is_in_the_toctree(
        self, built: tuple[Path, subprocess.CompletedProcess[str]]
    ) -> None:
        """The index links every page, so none is an orphan in the navigation."""
        html, _ = built
        index = (html / "index.html").read_text("utf-8")
        for page in DOCS.glob("**/*.md"):
            name = page.relative_to(DOCS).with_suffix(".html").as_posix()
            if name != "index.html" and "_build" not in name:
                assert f'href="{name}' in index, name

    def test_api_reference_documents_the_public_names(
        self, built: tuple[Path, subprocess.CompletedProcess[str]]
    ) -> None:
        """The API page has an entry for the main public names and the testing strategies."""
        html, _ = built
        api = (html / "api.html").read_text("utf-8")
        for name in (
            "rightsplan.assess",
            "rightsplan.Plan",
            "rightsplan.Threshold",
            "rightsplan.replay",
            "rightsplan.testing.positions",
            "rightsplan.testing.ledgers",
            "rightsplan.plot.timeline",
            "rightsplan.calendars.BusinessCalendar",
        ):
            assert f'id="{name}"' in api, name
