"""Execute the example notebooks and save them with their outputs.

Run from anywhere, after ``pip install -e ".[test]"``::

    python examples/run_notebooks.py                 # every notebook in examples/
    python examples/run_notebooks.py innotrac.ipynb  # just one

Each notebook runs top to bottom in a fresh ``python3`` kernel, with ``examples/`` as its
working directory, and is written back in place with its outputs, so that it reads well on
a repository browser. A cell that fails stops the run with the cell's error. The test suite
(``tests/test_notebooks.py``) executes the same notebooks the same way, without saving.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

HERE = Path(__file__).resolve().parent
TIMEOUT = 120
"""Seconds one cell may take."""


def execute(path: Path, *, timeout: int = TIMEOUT) -> nbformat.NotebookNode:
    """Run the notebook at ``path`` in a fresh kernel from ``examples/`` and return it."""
    notebook: nbformat.NotebookNode = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(HERE)}},
        record_timing=False,  # no timestamps: re-running an unchanged notebook changes nothing
    )
    client.execute()
    return notebook


def main(argv: list[str] | None = None) -> int:
    """Execute and save the named notebooks (default: all of examples/*.ipynb)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("notebooks", nargs="*", help="notebook files (default: all)")
    args = parser.parse_args(argv)
    paths = [Path(name) for name in args.notebooks] or sorted(HERE.glob("*.ipynb"))
    for path in paths:
        target = (path if path.is_absolute() or path.exists() else HERE / path).resolve()
        notebook = execute(target)
        nbformat.validate(notebook)
        nbformat.write(notebook, target)  # type: ignore[no-untyped-call]
        print(f"executed and saved {target.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
