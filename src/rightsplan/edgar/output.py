"""Drafts written out for review: a plan-file fragment, and the full drafts as JSON data.

:func:`to_fragment` turns a :class:`~rightsplan.edgar.history.PlanDraft` into the plain data
of a plan file (``[agreement]`` with its ``provisions``, ``[[amendments]]`` with their
``changes``; the keys of a change are the attrs field names of its rightsplan class, its
``kind`` the class name in kebab case). Each change's ``note`` says where it was drafted from,
with its confidence and span. :func:`drafts_to_data` gives everything, spans and quotes
included, as JSON-ready data.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from decimal import Decimal
from fractions import Fraction
from typing import TypeVar, cast

import attrs

from rightsplan import _check
from rightsplan._printable import json_safe, printable
from rightsplan.amendments import AppointRightsAgent, Change, SetThreshold
from rightsplan.edgar.draft import (
    Conflict,
    DraftAmendment,
    DraftChange,
    DraftHolding,
    Evidence,
    FilingDraft,
    Found,
    kind_name,
)
from rightsplan.edgar.history import PlanDraft
from rightsplan.io import toml_writer
from rightsplan.percent import format_percent
from rightsplan.unknowns import UnknownPercent

__all__ = ["drafts_to_data", "to_fragment", "to_json", "to_toml"]

T = TypeVar("T")


def _plain(value: object) -> object:
    """A field value as plan files write it."""
    if isinstance(value, Fraction):
        return format_percent(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, value.day)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, UnknownPercent):
        # As plan files write one: {unknown = true, at_least = "20", at_most = "20", reason}.
        table: dict[str, object] = {"unknown": True}
        for field in attrs.fields(UnknownPercent):
            bound = getattr(value, field.name)
            if bound is not None:
                table[field.name] = _plain(bound)
        return table
    return value


def _shown(value: object) -> object:
    r"""``value`` with every invisible or control character in its text escaped (``\x1b``).

    A filing's text is already rid of them when read (:func:`rightsplan.edgar.read_filing`
    notes what it removed); this catches the rest, such as a file name: a draft then holds no
    character the plan reader refuses or a terminal acts on, and loads back as a plan.
    """
    if isinstance(value, str):
        if not _check.hidden(value):
            return value
        return "".join(printable(char) if _check.invisible(char) else char for char in value)
    if isinstance(value, dict):
        return {key: _shown(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_shown(item) for item in value]
    return value


def _where(evidence: Evidence, confidence: float) -> str:
    return f"drafted from {evidence.describe()}; confidence {confidence:.2f}"


def change_table(drafted: DraftChange) -> dict[str, object]:
    """One drafted change as a plan-file table: ``kind`` then its fields, then the note."""
    change: Change = drafted.change
    table: dict[str, object] = {"kind": kind_name(type(change))}
    for field in attrs.fields(type(change)):
        if field.name == "note":
            continue
        value = getattr(change, field.name)
        if value is None or value == () or (field.name == "members" and not value):
            continue
        if (
            field.default is not attrs.NOTHING
            and value == field.default
            and field.name not in ("requires_passive",)
        ):
            continue
        table[field.name] = _plain(value)
    table["note"] = "; ".join(
        filter(None, [change.note, _where(drafted.evidence, drafted.confidence)])
    )
    return table


def _document(amendment: DraftAmendment) -> str | None:
    evidence = next(
        (
            f.evidence
            for f in (amendment.number, amendment.executed, amendment.authorized)
            if f is not None
        ),
        amendment.changes[0].evidence if amendment.changes else None,
    )
    if evidence is None:
        return None
    return f"{evidence.filing} ({evidence.document})"


def to_fragment(plan: PlanDraft) -> dict[str, object]:
    """The plan-file fragment for review, as plain data (dates are :class:`datetime.date`).

    >>> from rightsplan.edgar import combine, draft_filing, read_filing
    >>> plan = combine([draft_filing(read_filing("tests/data/filings/seed_004.txt"))])
    >>> fragment = to_fragment(plan)
    >>> [(a["number"], str(a["executed"])) for a in fragment["amendments"]]
    [(1, '2000-11-30'), (2, '2003-08-14'), (3, '2003-11-24')]
    """
    agreement: dict[str, object] = {}
    if plan.company is not None:
        agreement["company"] = plan.company.value
    if plan.agreement_date is not None:
        agreement["dated"] = _plain(plan.agreement_date.value)
    provisions = [change_table(p) for p in plan.provisions]
    successors = {
        c.change.name
        for a in plan.amendments
        for c in a.changes
        if isinstance(c.change, AppointRightsAgent)
    }
    if plan.rights_agent is not None and plan.rights_agent.value not in successors:
        agent = plan.rights_agent
        provisions.append(
            change_table(
                DraftChange(
                    AppointRightsAgent(
                        name=agent.value, quote=" ".join(agent.evidence.quote.split())
                    ),
                    agent.evidence,
                    agent.confidence,
                )
            )
        )
    notes = list(plan.notes)
    if plan.rights_agent is not None and plan.rights_agent.value in successors:
        notes.append(
            f"{plan.rights_agent.value} is named as rights agent, but as a successor appointed by "
            "an amendment; the original rights agent is not stated"
        )
    if not any(isinstance(p.change, SetThreshold) for p in plan.provisions):
        notes.append("the agreement's general threshold was not found: add set-threshold by hand")
    if provisions:
        agreement["provisions"] = provisions
    if notes:
        agreement["note"] = "; ".join(notes)
    fragment: dict[str, object] = {"agreement": agreement}
    amendments = []
    for amendment in plan.amendments:
        table: dict[str, object] = {}
        if amendment.number is not None:
            table["number"] = amendment.number.value
        if amendment.title is not None:
            table["title"] = amendment.title
        if amendment.authorized is not None:
            table["authorized"] = _plain(amendment.authorized.value)
        if amendment.executed is not None:
            table["executed"] = _plain(amendment.executed.value)
        document = _document(amendment)
        if document is not None:
            table["document"] = document
        if not amendment.current:
            table["note"] = "recited in a later filing, not reported by its own filing here"
        table["changes"] = [change_table(c) for c in amendment.changes] or [
            {
                "kind": "other-change",
                "description": "changes not described in the filings read",
                "note": "placeholder: an amendment makes at least one change; "
                "read the amendment itself",
            }
        ]
        amendments.append(table)
    if amendments:
        fragment["amendments"] = amendments
    return cast(dict[str, object], _shown(fragment))


def _jsonable(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


def _evidence(evidence: Evidence) -> dict[str, object]:
    return {
        "filing": evidence.filing,
        "document": evidence.document,
        "authority": evidence.authority.label,
        "start": evidence.start,
        "end": evidence.end,
        "quote": evidence.quote,
    }


def _found(found: Found[T] | None) -> object:
    if found is None:
        return None
    return {
        "value": _jsonable(_plain(found.value)),
        "confidence": found.confidence,
        "level": found.level,
        "reason": found.reason,
        **_evidence(found.evidence),
    }


def _drafted(drafted: DraftChange) -> dict[str, object]:
    table = change_table(drafted)
    table.pop("note")
    return {
        "change": _jsonable(table),
        "note": drafted.change.note,
        "wording": drafted.wording,
        "comparison_stated": drafted.comparison_stated,
        "confidence": drafted.confidence,
        **_evidence(drafted.evidence),
    }


def _amendment(amendment: DraftAmendment) -> dict[str, object]:
    return {
        "number": _found(amendment.number),
        "title": amendment.title,
        "current": amendment.current,
        "authorized": _found(amendment.authorized),
        "executed": _found(amendment.executed),
        "changes": [_drafted(c) for c in amendment.changes],
    }


def _holding(holding: DraftHolding) -> dict[str, object]:
    return {
        "holder": holding.holder,
        "shares": holding.shares,
        "percent": None if holding.percent is None else format_percent(holding.percent),
        "confidence": holding.confidence,
        **_evidence(holding.evidence),
    }


def _conflict(conflict: Conflict) -> dict[str, object]:
    return {
        "subject": conflict.subject,
        "kept": _drafted(conflict.kept),
        "other": _drafted(conflict.other),
        "reason": conflict.reason,
    }


def filing_to_data(draft: FilingDraft) -> dict[str, object]:
    """One filing's draft as JSON-ready data, with every span, quote and confidence."""
    return {
        "filing": draft.filing,
        "form": draft.form,
        "document": {
            "kind": draft.document.kind.value,
            "confidence": draft.document.confidence,
            "reason": draft.document.reason,
        },
        "date": None if draft.date is None else draft.date.isoformat(),
        "event": {
            "kind": draft.event.kind.value,
            "confidence": draft.event.confidence,
            "reason": draft.event.reason,
            "start": draft.event.start,
            "end": draft.event.end,
            "quote": draft.event.quote,
        },
        "company": _found(draft.company),
        "agreement_date": _found(draft.agreement_date),
        "rights_agent": _found(draft.rights_agent),
        "provisions": [_drafted(p) for p in draft.provisions],
        "amendments": [_amendment(a) for a in draft.amendments],
        "holdings": [_holding(h) for h in draft.holdings],
        "conflicts": [_conflict(c) for c in draft.conflicts],
        "notes": list(draft.notes),
    }


def drafts_to_data(plan: PlanDraft) -> dict[str, object]:
    """Everything drafted, as JSON-ready data: the fragment, each filing's draft, conflicts.

    Each conflict is listed once: a conflict between the documents of one filing under that
    filing, one between filings (found when combining them) under the top-level
    ``conflicts``. The data grows linearly with what was drafted.
    """
    within = {id(c) for d in plan.filings for c in d.conflicts}
    return cast(
        dict[str, object],
        _shown(
            {
                "plan": _jsonable(to_fragment(plan)),
                "filings": [filing_to_data(d) for d in plan.filings],
                "holdings": [_holding(h) for h in plan.holdings],
                "conflicts": [_conflict(c) for c in plan.conflicts if id(c) not in within],
            }
        ),
    )


def to_json(plan: PlanDraft) -> str:
    """:func:`drafts_to_data` as indented JSON text."""
    return json_safe(json.dumps(drafts_to_data(plan), indent=2, ensure_ascii=False)) + "\n"


def to_toml(plan: PlanDraft) -> str:
    """The plan-file fragment as TOML text."""
    return toml_writer.dumps(to_fragment(plan))
