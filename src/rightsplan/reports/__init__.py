"""Schedules 13D and 13G: read them, turn them into a ledger, watch a company's plan.

>>> import rightsplan as rp
>>> from rightsplan import reports
>>> report = reports.read_report("tests/data/reports-fixtures/mai-systems-13d-a.txt")
>>> report.form_name, report.event_date.value.isoformat(), report.persons[0].name.value
('Schedule 13D/A (Amendment No. 6)', '2004-04-09', 'Richard S. Ressler')
>>> ipof = reports.read_report("examples/innotrac/reports/01-13d-derived.txt")
>>> plan = rp.examples.innotrac()
>>> [w.assessment.status.value for w in reports.watch(plan, [ipof])]  # a 13D without Item 4
['uncertain']
>>> passive = {"IPOF Group": True}  # holding without intent to control, as the exception asks
>>> [w.assessment.status.value for w in reports.watch(plan, [ipof], passive=passive)]
['clear']
>>> [w.assessment.status.value for w in reports.watch(plan, [ipof], passive={"IPOF Group": False})]
['triggered']
"""

from __future__ import annotations

from rightsplan.reports.fetch import FetchedReports, fetch_reports
from rightsplan.reports.intent import Intent, stated_intent
from rightsplan.reports.ledger import (
    Positions,
    ReportedPosition,
    StatedGroup,
    events_from_reports,
    events_text,
    ledger_from_reports,
    positions,
)
from rightsplan.reports.model import (
    Fact,
    Inconsistency,
    Layout,
    PassiveBasis,
    Report,
    ReportingPerson,
    Stated,
)
from rightsplan.reports.read import MAX_BYTES, parse_report, read_report
from rightsplan.reports.score import FieldScore, Score, score
from rightsplan.reports.watch import WATCH_COLUMNS, Watch, Watched, watch

__all__ = [
    "MAX_BYTES",
    "WATCH_COLUMNS",
    "Fact",
    "FetchedReports",
    "FieldScore",
    "Inconsistency",
    "Intent",
    "Layout",
    "PassiveBasis",
    "Positions",
    "Report",
    "ReportedPosition",
    "ReportingPerson",
    "Score",
    "Stated",
    "StatedGroup",
    "Watch",
    "Watched",
    "events_from_reports",
    "events_text",
    "fetch_reports",
    "ledger_from_reports",
    "parse_report",
    "positions",
    "read_report",
    "score",
    "stated_intent",
    "watch",
]
