"""Reading SEC filings: read any rights-plan document, name its kind, find its event, draft changes.

>>> from rightsplan import edgar
>>> filing = edgar.read_filing("tests/data/filings/seed_004.txt")
>>> edgar.classify(filing).kind.value
'amendment'
>>> plan = edgar.combine([edgar.draft_filing(filing)])
>>> [change["kind"] for change in edgar.to_fragment(plan)["amendments"][-1]["changes"]]
['replace-exception']
"""

from __future__ import annotations

from rightsplan.edgar.classify import (
    RIGHTS_FORMS,
    Classification,
    DocumentKind,
    DocumentReading,
    EventKind,
    classify,
    document_kind,
)
from rightsplan.edgar.draft import (
    Authority,
    Conflict,
    DraftAmendment,
    DraftChange,
    DraftHolding,
    Evidence,
    FilingDraft,
    Found,
    draft_filing,
)
from rightsplan.edgar.filing import (
    MAX_BYTES,
    Document,
    Exhibit,
    Filing,
    Item,
    Registrant,
    Signature,
    parse_filing,
    read_filing,
)
from rightsplan.edgar.history import PlanDraft, combine
from rightsplan.edgar.numbers import PercentMention, find_percents, spelled_number
from rightsplan.edgar.output import drafts_to_data, to_fragment, to_json, to_toml

__all__ = [
    "MAX_BYTES",
    "RIGHTS_FORMS",
    "Authority",
    "Classification",
    "Conflict",
    "Document",
    "DocumentKind",
    "DocumentReading",
    "DraftAmendment",
    "DraftChange",
    "DraftHolding",
    "EventKind",
    "Evidence",
    "Exhibit",
    "Filing",
    "FilingDraft",
    "Found",
    "Item",
    "PercentMention",
    "PlanDraft",
    "Registrant",
    "Signature",
    "classify",
    "combine",
    "document_kind",
    "draft_filing",
    "drafts_to_data",
    "find_percents",
    "parse_filing",
    "read_filing",
    "spelled_number",
    "to_fragment",
    "to_json",
    "to_toml",
]
