"""Schedules 13D and 13G: read them, turn them into a ledger, watch a company's plan.

>>> from rightsplan import reports
>>> report = reports.read_report("tests/data/reports-fixtures/mai-systems-13d-a.txt")
>>> report.form_name, report.event_date.value.isoformat(), report.persons[0].name.value
('Schedule 13D/A (Amendment No. 6)', '2004-04-09', 'Richard S. Ressler')
"""

from __future__ import annotations

from rightsplan.reports.model import Fact, Inconsistency, Layout, Report, ReportingPerson, Stated
from rightsplan.reports.read import MAX_BYTES, parse_report, read_report

__all__ = [
    "MAX_BYTES",
    "Fact",
    "Inconsistency",
    "Layout",
    "Report",
    "ReportingPerson",
    "Stated",
    "parse_report",
    "read_report",
]
