"""Measuring drafts against hand-written expectations: facts, precision and recall.

A draft is flattened into :func:`facts`, short strings such as
``"amendment[3].executed=2003-11-24"`` or ``"agreement.set-threshold=15% or more"``, one per
drafted value. :func:`score` compares the facts drafted from a set of filings with the facts a
person wrote down for them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path

import attrs
import pendulum

from rightsplan.amendments import (
    AddException,
    AppointRightsAgent,
    Change,
    OtherChange,
    Redeem,
    ReplaceException,
    SetExpiration,
    SetGrandfathering,
)
from rightsplan.edgar.draft import FilingDraft, draft_filing, kind_name
from rightsplan.edgar.filing import read_filing
from rightsplan.percent import Threshold, format_percent

__all__ = ["Score", "change_fact", "facts", "score", "score_directory"]


def change_fact(change: Change) -> str:
    """A change as a fact's value: its kind and what it sets."""
    kind = kind_name(type(change))
    if isinstance(change, AddException | ReplaceException):
        members = f"; members {' | '.join(change.members)}" if change.members else ""
        passive = "; passive" if change.requires_passive else ""
        return f"{kind}={change.holder}: {change.threshold.describe()}{passive}{members}"
    threshold = getattr(change, "threshold", None)
    if isinstance(threshold, Threshold):
        return f"{kind}={threshold.describe()}"
    if isinstance(change, SetGrandfathering):
        tolerance = change.tolerance()
        return f"{kind}={tolerance.describe() if tolerance else 'no additional share'}"
    if isinstance(change, SetExpiration):
        date = change.date
        return f"{kind}={date.isoformat() if isinstance(date, pendulum.Date) else date.describe()}"
    if isinstance(change, Redeem):
        return f"{kind}={change.price}"
    if isinstance(change, AppointRightsAgent):
        return f"{kind}={change.name}"
    if isinstance(change, OtherChange):
        return kind
    return f"{kind}={change.describe()}"


def facts(draft: FilingDraft) -> frozenset[str]:
    """Every value drafted from one filing, as a fact string."""
    out = {f"event={draft.event.kind.value}"}
    if not draft.found_event:
        return frozenset(out)
    if draft.company is not None:
        out.add(f"company={draft.company.value}")
    if draft.agreement_date is not None:
        out.add(f"agreement.dated={draft.agreement_date.value.isoformat()}")
    if draft.rights_agent is not None:
        out.add(f"agreement.rights_agent={draft.rights_agent.value}")
    for provision in draft.provisions:
        out.add(f"agreement.{change_fact(provision.change)}")
    for amendment in draft.amendments:
        where = f"amendment[{amendment.number.value if amendment.number else '-'}]"
        if amendment.authorized is not None:
            out.add(f"{where}.authorized={amendment.authorized.value.isoformat()}")
        if amendment.executed is not None:
            out.add(f"{where}.executed={amendment.executed.value.isoformat()}")
        for change in amendment.changes:
            out.add(f"{where}.{change_fact(change.change)}")
    for holding in draft.holdings:
        percent = "" if holding.percent is None else f" {format_percent(holding.percent)}%"
        out.add(f"holding={holding.holder} {holding.shares}{percent}")
    return frozenset(out)


@attrs.frozen
class Score:
    """How drafted facts compare with expected ones."""

    drafted: int
    expected: int
    correct: int
    missed: tuple[str, ...]
    wrong: tuple[str, ...]

    @property
    def precision(self) -> float:
        """Correct facts as a share of those drafted."""
        return self.correct / self.drafted if self.drafted else 1.0

    @property
    def recall(self) -> float:
        """Correct facts as a share of those expected."""
        return self.correct / self.expected if self.expected else 1.0


def score(drafted: Mapping[str, Iterable[str]], expected: Mapping[str, Iterable[str]]) -> Score:
    """Compare facts per filing (keyed by filing name) with the expected facts."""
    got = {f"{name}: {fact}" for name, values in drafted.items() for fact in values}
    want = {f"{name}: {fact}" for name, values in expected.items() for fact in values}
    return Score(
        drafted=len(got),
        expected=len(want),
        correct=len(got & want),
        missed=tuple(sorted(want - got)),
        wrong=tuple(sorted(got - want)),
    )


def score_directory(directory: str | Path) -> Score:
    """Draft every filing listed in ``directory/expected.json`` and score the drafts.

    ``expected.json`` maps each file name to the list of facts a person expects from it.
    """
    folder = Path(directory)
    expected: dict[str, list[str]] = json.loads((folder / "expected.json").read_text("utf-8"))
    drafted = {name: facts(draft_filing(read_filing(folder / name))) for name in expected}
    return score(drafted, expected)
