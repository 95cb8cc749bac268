"""The example notebooks run top to bottom, and they are committed with their outputs."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
NOTEBOOKS = sorted(EXAMPLES.glob("*.ipynb"))
CELL_TIMEOUT = 120
"""Seconds one cell may take before the notebook fails."""

needs_jupyter = pytest.mark.skipif(
    any(importlib.util.find_spec(name) is None for name in ("nbclient", "nbformat", "ipykernel")),
    reason="executing the notebooks needs nbclient, nbformat and ipykernel: "
    'pip install -e ".[test]"',
)


def _code_cells(path: Path) -> list[dict[str, object]]:
    notebook = json.loads(path.read_text("utf-8"))
    return [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]


def _source(cell: dict[str, object]) -> str:
    source = cell["source"]
    return source if isinstance(source, str) else "".join(str(line) for line in source)  # type: ignore[attr-defined]


class TestCommitted:
    def test_the_three_notebooks_exist(self) -> None:
        """examples/ has the Innotrac story, the fund's positions and the property tests."""
        names = {path.name for path in NOTEBOOKS}
        assert {"innotrac.ipynb", "fund-positions.ipynb", "property-testing.ipynb"} <= names

    @pytest.mark.parametrize("path", NOTEBOOKS, ids=[path.name for path in NOTEBOOKS])
    def test_committed_with_outputs_in_order(self, path: Path) -> None:
        """Every code cell was executed, in order, and the notebook has outputs to read."""
        cells = _code_cells(path)
        counts = [cell["execution_count"] for cell in cells]
        assert counts == list(range(1, len(cells) + 1))
        assert any(cell["outputs"] for cell in cells)
        errors = [o for cell in cells for o in cell["outputs"] if o["output_type"] == "error"]  # type: ignore[attr-defined]
        assert errors == []

    @pytest.mark.parametrize("path", NOTEBOOKS, ids=[path.name for path in NOTEBOOKS])
    def test_asserts_its_key_results(self, path: Path) -> None:
        """Each notebook checks what it shows: its own cells assert on key results."""
        asserting = [cell for cell in _code_cells(path) if "assert " in _source(cell)]
        assert len(asserting) >= 3


@needs_jupyter
class TestExecution:
    @pytest.mark.parametrize("path", NOTEBOOKS, ids=[path.name for path in NOTEBOOKS])
    def test_runs_without_error(self, path: Path) -> None:
        """The notebook executes in a fresh python3 kernel from examples/, every cell passing."""
        import nbformat
        from nbclient import NotebookClient

        notebook = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
        client = NotebookClient(
            notebook,
            timeout=CELL_TIMEOUT,
            kernel_name="python3",
            resources={"metadata": {"path": str(EXAMPLES)}},
            record_timing=False,
        )
        client.execute()  # raises CellExecutionError, with the cell and traceback, if one fails
        cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
        assert all(cell.execution_count is not None for cell in cells)
