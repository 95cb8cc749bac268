r"""Drafts from several filings of one company, combined into one plan history.

:func:`combine` puts the filings in date order, merges what each says about the agreement and
about each amendment (an amendment reported in one filing and recited in a later one is one
amendment), keeps the most authoritative reading of every term and records the others as
:class:`~rightsplan.edgar.draft.Conflict`\\ s.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, TypeVar

import attrs
import pendulum

from rightsplan.edgar.classify import EventKind
from rightsplan.edgar.draft import (
    Conflict,
    DraftAmendment,
    DraftChange,
    DraftHolding,
    FilingDraft,
    Found,
    _reconcile,
    _replace_later,
)
from rightsplan.errors import FilingError
from rightsplan.report import (
    CHANGE_COLUMNS,
    change_records,
    draft_html,
    short,
    to_pandas,
    to_polars,
)

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped]  # pandas ships no stubs
    import polars as pl

__all__ = ["PlanDraft", "combine"]

T = TypeVar("T")


@attrs.frozen(repr=False)
class PlanDraft:
    """A company's plan history as drafted from its filings, for a person to review.

    :meth:`to_polars` and :meth:`to_pandas` give a row per drafted change, with its
    evidence (:data:`rightsplan.report.CHANGE_COLUMNS`).
    """

    company: Found[str] | None
    agreement_date: Found[pendulum.Date] | None
    rights_agent: Found[str] | None
    provisions: tuple[DraftChange, ...]
    amendments: tuple[DraftAmendment, ...]
    """In order of execution (then number); numbers the filings do not give are assigned."""
    holdings: tuple[DraftHolding, ...]
    conflicts: tuple[Conflict, ...]
    notes: tuple[str, ...]
    filings: tuple[FilingDraft, ...]
    """Every filing's own draft, in date order (including those with no event)."""

    def __repr__(self) -> str:
        return draft_repr(self)

    def _repr_html_(self) -> str:
        return draft_html(self)

    def to_polars(self) -> pl.DataFrame:
        """The drafted changes as a polars DataFrame: a row per change, with its evidence."""
        return to_polars(CHANGE_COLUMNS, change_records(self))

    def to_pandas(self) -> pd.DataFrame:
        """The drafted changes as a pandas DataFrame: a row per change, with its evidence."""
        return to_pandas(CHANGE_COLUMNS, change_records(self))


def draft_repr(draft: PlanDraft | FilingDraft) -> str:
    """A draft in one line: its company and how much was drafted."""
    company = short(draft.company.value) if draft.company is not None else "unknown company"
    changes = len(draft.provisions) + sum(len(a.changes) for a in draft.amendments)
    return (
        f"<{type(draft).__name__} {company!r}: {len(draft.amendments)} amendments, "
        f"{changes} changes, {len(draft.conflicts)} conflicts>"
    )


def _best(values: Iterable[Found[T] | None]) -> Found[T] | None:
    found = [value for value in values if value is not None]
    return max(found, key=lambda f: (f.evidence.authority, f.confidence), default=None)


def _order(draft: FilingDraft) -> tuple[pendulum.Date, str]:
    return (draft.date or pendulum.Date(9999, 12, 31), draft.filing)


def combine(drafts: Iterable[FilingDraft]) -> PlanDraft:
    """Combine drafts of one company's filings into one history, in date order.

    Raises :class:`~rightsplan.errors.FilingError` if the filings are of different companies
    (different Commission file numbers).
    """
    ordered = sorted(drafts, key=_order)
    numbers = {d.file_number for d in ordered if d.file_number and d.found_event}
    if len(numbers) > 1:
        raise FilingError(
            "the filings are of different companies (Commission file numbers "
            f"{', '.join(sorted(numbers))}); ingest one company's filings at a time"
        )
    events = [d for d in ordered if d.found_event]
    notes = [f"{d.filing}: {note}" for d in events for note in d.notes]
    conflicts: list[Conflict] = [c for d in events for c in d.conflicts]
    provisions = _reconcile([p for d in events for p in d.provisions], conflicts, "the agreement")
    by_number: dict[object, list[DraftAmendment]] = {}
    for draft in events:
        for amendment in draft.amendments:
            key: object = (
                amendment.number.value
                if amendment.number is not None
                else (draft.filing, id(amendment))
            )
            by_number.setdefault(key, []).append(amendment)
    merged = [_merge(group, conflicts) for group in by_number.values()]
    merged.sort(
        key=lambda a: (
            a.executed.value if a.executed is not None else pendulum.Date(9999, 12, 31),
            a.number.value if a.number is not None else 10**6,
        )
    )
    highest = max((a.number.value for a in merged if a.number is not None), default=0)
    numbered = []
    for amendment in merged:
        if amendment.number is None:
            highest += 1
            what = amendment.title or "an unnumbered instrument"
            notes.append(
                f"{what} has no amendment number in the filings; numbered {highest} here "
                "to keep the history in order"
            )
            evidence = amendment.changes[0].evidence if amendment.changes else None
            if evidence is not None:
                amendment = attrs.evolve(amendment, number=Found(highest, evidence, 0.5))
        numbered.append(amendment)
    seen = {
        " ".join(str(getattr(p.change, "holder", "")).split()).casefold()
        for p in provisions
        if p.kind == "add-exception"
    }
    numbered = [attrs.evolve(a, changes=tuple(_replace_later(a.changes, seen))) for a in numbered]
    company = _best(d.company for d in events) or _best(d.company for d in ordered)
    agreement_date = _best(d.agreement_date for d in events)
    dates = {d.agreement_date.value for d in events if d.agreement_date is not None}
    if len(dates) > 1 and agreement_date is not None:
        notes.append(
            "the filings give different agreement dates "
            f"({', '.join(sorted(x.isoformat() for x in dates))}); "
            f"{agreement_date.value.isoformat()} is from the most authoritative text"
        )
    holdings = [h for d in events for h in d.holdings]
    return PlanDraft(
        company=company,
        agreement_date=agreement_date,
        rights_agent=_best(d.rights_agent for d in events),
        provisions=tuple(provisions),
        amendments=tuple(numbered),
        holdings=tuple(holdings),
        conflicts=tuple(conflicts),
        notes=tuple(notes),
        filings=tuple(ordered),
    )


def _merge(group: list[DraftAmendment], conflicts: list[Conflict]) -> DraftAmendment:
    if len(group) == 1:
        return group[0]
    current = [a for a in group if a.current] or group
    changes = _reconcile(
        [c for a in current for c in a.changes]
        + [c for a in group if not a.current for c in a.changes],
        conflicts,
        f"Amendment No. {group[0].number.value}" if group[0].number is not None else "amendment",
    )
    return DraftAmendment(
        number=_best(a.number for a in group),
        authorized=_best(a.authorized for a in group),
        executed=_best(a.executed for a in current) or _best(a.executed for a in group),
        changes=tuple(changes),
        current=any(a.current for a in group),
        title=next((a.title for a in group if a.title), None),
    )


def has_event(drafts: Iterable[FilingDraft]) -> bool:
    """Whether any of the drafts reports a rights-plan event."""
    return any(d.event.kind is not EventKind.NONE for d in drafts)
