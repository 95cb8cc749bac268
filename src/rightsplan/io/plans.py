"""Plan files: :func:`load_plan` and :func:`dump_plan`, for TOML, YAML and JSON."""

from __future__ import annotations

import os
from pathlib import Path

from rightsplan.errors import PlanFileError
from rightsplan.io import formats
from rightsplan.io._files import read_bytes, write_atomically
from rightsplan.io.schema import plan_from_data, plan_to_data
from rightsplan.plan import Plan

__all__ = ["dump_plan", "dumps_plan", "load_plan", "loads_plan"]

_FORMATS = "a .toml, .yaml, .yml or .json file"


def _format(path: Path, name: str) -> formats.Format:
    fmt = formats.format_of(path)
    if fmt is None:
        raise PlanFileError(
            name,
            (
                f"{name}: cannot tell the format from the extension {path.suffix or '(none)'!r}; "
                f"expected {_FORMATS}",
            ),
        )
    return fmt


def loads_plan(data: bytes | str, fmt: formats.Format, *, name: str = "<plan>") -> Plan:
    """Read a plan from the contents of a plan file in format ``fmt``.

    ``name`` is used for the file in error messages, and is the plan's
    :attr:`~rightsplan.Plan.origin`. Raises :class:`PlanFileError` listing every problem found.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        parsed = formats.decode(raw, fmt)
    except formats.ParseError as error:
        raise PlanFileError(name, (f"{name}: {error}",)) from None
    plan, problems = plan_from_data(parsed, origin=name)
    if plan is None:
        raise PlanFileError(name, tuple(f"{name}: {problem}" for problem in problems))
    return plan


def load_plan(path: str | os.PathLike[str]) -> Plan:
    """Read a plan file: TOML (``.toml``), YAML (``.yaml``, ``.yml``) or JSON (``.json``).

    The schema is described in ``docs/plan-files.md``. Every problem in the file is found
    before anything is built and reported at once in a :class:`~rightsplan.PlanFileError`
    (``.problems`` lists them, each naming the file and the field path).

    >>> import rightsplan as rp
    >>> rp.load_plan("examples/innotrac/plan.toml") == rp.examples.innotrac()
    True
    """
    where = Path(path)
    name = os.fspath(path)
    fmt = _format(where, name)
    data = read_bytes(where)
    if isinstance(data, str):
        raise PlanFileError(name, (f"{name}: {data}",))
    return loads_plan(data, fmt, name=name)


def dumps_plan(plan: Plan, fmt: formats.Format) -> str:
    """A plan as the text of a plan file in format ``fmt``; :func:`loads_plan` reads it back."""
    if not isinstance(plan, Plan):
        raise TypeError(f"plan: expected a Plan, got {plan!r}")
    try:
        return formats.encode(plan_to_data(plan), fmt)
    except formats.ParseError as error:
        raise PlanFileError(f"<{fmt}>", (str(error),)) from None


def dump_plan(plan: Plan, path: str | os.PathLike[str]) -> None:
    """Write ``plan`` to a plan file, in the format its extension names, atomically.

    ``load_plan(path) == plan`` afterwards. Fields at their default values are left out.
    """
    where = Path(path)
    text = dumps_plan(plan, _format(where, os.fspath(path)))
    write_atomically(where, text)
