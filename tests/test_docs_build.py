"""The documentation builds with Sphinx in strict mode: any warning fails the build."""

from __future__ import annotations

import enum
import importlib.util
import subprocess
import sys
import types
from pathlib import Path

import pytest

import rightsplan as rp

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

pytestmark = pytest.mark.skipif(
    any(importlib.util.find_spec(name) is None for name in ("sphinx", "myst_nb", "furo")),
    reason='the docs build needs sphinx, myst-nb and furo: pip install -e ".[test]"',
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
        """The API reference has an entry for the main public names and the testing strategies."""
        html, _ = built
        pages = "".join(
            page.read_text("utf-8")
            for page in [
                html / "api.html",
                *(html / "api").glob("*.html"),
                *(html / "reference").glob("*.html"),
            ]
        )
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
            assert f'id="{name}"' in pages, name

    def test_a_page_per_public_name(
        self, built: tuple[Path, subprocess.CompletedProcess[str]]
    ) -> None:
        """Every name in rightsplan.__all__ (but the modules) has a page of its own."""
        html, _ = built
        names = [name for name in rp.__all__ if not isinstance(getattr(rp, name), types.ModuleType)]
        missing = [
            name
            for name in names
            if f'id="rightsplan.{name}"' not in _read(html / "api" / f"rightsplan.{name}.html")
        ]
        assert missing == []

    def test_a_page_per_module(self, built: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
        """Every public module (rp.rules, rp.calendars...) has a page under reference/."""
        html, _ = built
        for name in rp.__all__:
            if isinstance(getattr(rp, name), types.ModuleType):
                assert f'id="module-rightsplan.{name}"' in _read(
                    html / "reference" / f"{name}.html"
                ), name

    def test_every_enum_member_is_shown(
        self, built: tuple[Path, subprocess.CompletedProcess[str]]
    ) -> None:
        """An enum's page lists every member (HolderKind.COMPANY...), each with its own anchor."""
        html, _ = built
        for name in rp.__all__:
            kind = getattr(rp, name)
            if isinstance(kind, type) and issubclass(kind, enum.Enum):
                page = _read(html / "api" / f"rightsplan.{name}.html")
                for member in kind:
                    assert f'id="rightsplan.{name}.{member.name}"' in page, (name, member)

    def test_notebooks_rendered_with_their_outputs(
        self, built: tuple[Path, subprocess.CompletedProcess[str]]
    ) -> None:
        """Each example notebook is a page, with its committed outputs (text and the chart)."""
        html, _ = built
        innotrac = _read(html / "notebooks" / "innotrac.html")
        assert "General rule: 15% or more" in innotrac  # a cell's printed output
        assert "<img" in innotrac  # the timeline chart
        for name in ("fund-positions", "property-testing"):
            assert "cell_output" in _read(html / "notebooks" / f"{name}.html"), name

    def test_maintained_theme(self, built: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
        """The pages use the furo theme, not Sphinx's default."""
        html, _ = built
        assert "furo" in _read(html / "index.html")


def _read(page: Path) -> str:
    return page.read_text("utf-8") if page.is_file() else ""
