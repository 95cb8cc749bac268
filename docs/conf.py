"""Sphinx configuration: Markdown pages (MyST), the example notebooks, an API reference.

The API reference gives every public class and function a page of its own, generated from
the docstrings by autosummary into ``docs/api/`` (not committed). The notebooks are
``examples/*.ipynb``, linked from ``docs/notebooks/`` and rendered with the outputs they
were committed with: the build never runs them (tests/test_notebooks.py does).

Build strictly (warnings are errors), from the repository root::

    python -m sphinx -W --keep-going -b html docs docs/_build/html
"""

from __future__ import annotations

import importlib
import importlib.metadata

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

project = "rightsplan"
author = "rightsplan developers"
copyright = "rightsplan developers"
release = importlib.metadata.version("rightsplan")
version = release

extensions = [
    "myst_nb",  # Markdown pages (it includes myst_parser) and notebooks
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
]

# .rst first: autosummary writes its generated pages with the first suffix.
source_suffix = {".rst": "restructuredtext", ".md": "myst-nb", ".ipynb": "myst-nb"}
root_doc = "index"
exclude_patterns = ["_build", "_templates", "Thumbs.db", ".DS_Store", "**/.ipynb_checkpoints"]
templates_path = ["_templates"]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# A page left out of every toctree is reported, not fatal: index.md globs every page anyway.
suppress_warnings = ["toc.not_included"]

# The notebooks as committed, outputs and all: executing them is the test suite's job.
nb_execution_mode = "off"

autosummary_generate = True
autosummary_imported_members = True

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
# attrs classes and dates are named in signatures; not every name resolves to a page.
nitpicky = False

# No network during the build: intersphinx inventories are off unless cached.
intersphinx_mapping: dict[str, tuple[str, str | None]] = {}

html_theme = "furo"
html_title = "rightsplan"
html_static_path = ["_static"]


class OptionalAutomodule(SphinxDirective):
    """``optional-automodule``: document a module if it imports, else say it is not installed.

    For parts of rightsplan that are optional or still landing (``rightsplan.screen``), so the
    reference never fails to build because one of them is absent.
    """

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        """Parse an ``automodule`` directive for the module, or a note that it is absent."""
        name = self.arguments[0]
        try:
            importlib.import_module(name)
        except ImportError:
            text = f"``{name}`` is not available in this build."
        else:
            text = f".. automodule:: {name}\n   :members:"
        container = nodes.container()
        self.state.nested_parse(
            StringList(text.splitlines(), source=self.get_source_info()[0]),
            self.content_offset,
            container,
        )
        return list(container.children)


def setup(app: Sphinx) -> dict[str, bool]:
    """Register the ``optional-automodule`` directive."""
    app.add_directive("optional-automodule", OptionalAutomodule)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
