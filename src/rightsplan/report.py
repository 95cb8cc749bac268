"""Results as records, tables and frames: every column defined once.

Each kind of result (a verdict, a period of a plan's timeline, a period of a holder's
history, a trigger, a drafted change) has one tuple of :class:`Column` s, in order, with
its type and meaning, and one record builder. ``rightsplan check --format json/csv``,
:func:`rightsplan.screen` and the ``to_polars()`` / ``to_pandas()`` exports all read them,
so a column means the same wherever it appears.

Types, the same in every export:

- dates are real dates (``pl.Date``; ``datetime64[s]`` in pandas; ISO text in JSON and CSV);
- share counts are 64-bit integers (``pl.Int64``; pandas ``Int64``); a column holding a
  count beyond the signed 64-bit range is written as text instead, never rounded;
- percentages are exact text that :func:`rightsplan.to_percent` reads back to the same
  Fraction: ``"4.99"``, ``"33 1/3"`` (:func:`rightsplan.format_percent`) or, for
  ``percent_exact``, ``"numerator/denominator"``; no percentage is ever a float;
- names (a group's members, near matches) are lists in JSON, ``"; "``-joined text elsewhere.

>>> import rightsplan as rp
>>> frame = rp.examples.innotrac().timeline().to_polars()
>>> frame.select("start", "term", "limit", "comparison").row(0)
(datetime.date(1997, 12, 31), 'general', '15', 'at-least')
"""

from __future__ import annotations

import datetime as dt
import enum
import html
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from rightsplan._printable import printable
from rightsplan.errors import MissingExtraError
from rightsplan.percent import format_percent, readable_percent

if TYPE_CHECKING:  # the results import this module: their types are named, not imported
    import pandas as pd  # type: ignore[import-untyped]  # pandas ships no stubs
    import polars as pl

    from rightsplan.assess import Assessment
    from rightsplan.edgar.draft import DraftChange, FilingDraft
    from rightsplan.edgar.history import PlanDraft
    from rightsplan.history import History, StatusPeriod, Trigger
    from rightsplan.plan import Period, Plan
    from rightsplan.standing import Standing
    from rightsplan.terms import Limit, Terms, UnknownLimit

__all__ = [
    "CHANGE_COLUMNS",
    "HISTORY_COLUMNS",
    "STANDING_COLUMNS",
    "TIMELINE_COLUMNS",
    "TRIGGER_COLUMNS",
    "VERDICT_COLUMNS",
    "Assessments",
    "Column",
    "ColumnType",
    "Timeline",
    "Triggers",
    "json_keys",
    "screen_columns",
    "screen_result_columns",
    "verdict_record",
]


class ColumnType(enum.Enum):
    """What a column holds, and so its type in every export."""

    TEXT = "text"
    """Text (``pl.String``; pandas ``string``)."""
    INTEGER = "integer"
    """A whole number (``pl.Int64``; pandas ``Int64``; text beyond 64 bits)."""
    DATE = "date"
    """A day (``pl.Date``; pandas ``datetime64[s]``; ISO text in JSON and CSV)."""
    BOOLEAN = "boolean"
    """True or false (``pl.Boolean``; pandas ``boolean``)."""
    PERCENT = "percent"
    """An exact percentage as text that :func:`rightsplan.to_percent` reads back."""
    NAMES = "names"
    """Names: a list in JSON, ``"; "``-joined text in CSV and frames."""
    NUMBER = "number"
    """A score, not a legal value (a draft's confidence): ``pl.Float64``."""


@attrs.frozen
class Column:
    """One column of a result table: its name, type and meaning.

    ``screened`` marks the verdict columns :func:`rightsplan.screen` computes too.
    """

    name: str
    type: ColumnType
    meaning: str
    screened: bool = False


_T = ColumnType

STANDING_COLUMNS = (
    Column("standing", _T.TEXT, "the holder's standing: none, grandfathered, buyback, "
           "inadvertent, acquiring-person or exempted"),
    Column("standing_since", _T.DATE, "the day the standing began"),
    Column("standing_shares", _T.INTEGER, "a grandfathered or buyback holder's base holding"),
    Column("standing_until", _T.DATE, "an inadvertent crossing's divest-by date"),
    Column("standing_cap_percent", _T.PERCENT, "a board exemption's cap"),
    Column("standing_cap_comparison", _T.TEXT, "the cap's comparison: at-least or more-than"),
)  # fmt: skip
"""The standing, as the standing columns of a holdings file; one object in JSON."""

VERDICT_COLUMNS = (
    Column("holder", _T.TEXT, "the holder assessed", screened=True),
    Column("date", _T.DATE, "the day assessed", screened=True),
    Column("status", _T.TEXT, "the verdict: clear, warning (at or above the warning line, "
           "by default 90% of the limit), triggered, exempt, excused, uncertain or inactive "
           "(no plan in force)", screened=True),
    Column("percent", _T.TEXT, "the holding as counted, in percent, for reading: exact when "
           "the decimal ends, else rounded to six places (percent_exact is exact)"),
    Column("percent_exact", _T.PERCENT, "the holding as counted, exactly: "
           "numerator/denominator"),
    Column("shares", _T.INTEGER, "shares held (as given)", screened=True),
    Column("outstanding", _T.INTEGER, "shares outstanding (as given)", screened=True),
    Column("passive", _T.BOOLEAN, "whether the holder is passive (no intent to control)",
           screened=True),
    *STANDING_COLUMNS,
    Column("limit", _T.PERCENT, "the binding limit (null: exempt or no plan in force)",
           screened=True),
    Column("comparison", _T.TEXT, "at-least (\"X% or more\") or more-than (\"more than X%\")",
           screened=True),
    Column("max_shares", _T.INTEGER, "the largest holding that does not trigger",
           screened=True),
    Column("headroom", _T.INTEGER, "shares that may still be acquired (negative: over; "
           "null: nothing can trigger, or a reported percentage)", screened=True),
    Column("source", _T.TEXT, "the citation of the limit, exemption or standing relied on",
           screened=True),
    Column("reason", _T.TEXT, "the verdict in words"),
    Column("near_match", _T.NAMES, "names the plan uses that the holder's name nearly "
           "matches: a likely misspelling"),
)  # fmt: skip
"""A verdict's columns, in order: ``rightsplan check`` (after ``line``), :class:`Assessments`
and, for those marked ``screened``, :func:`rightsplan.screen` (after ``row`` and ``issuer``)."""

TIMELINE_COLUMNS = (
    Column("period", _T.INTEGER, "the period's index in the timeline, from 0"),
    Column("start", _T.DATE, "the period's first day"),
    Column("end", _T.DATE, "the period's last day (null: open-ended)"),
    Column("in_force", _T.BOOLEAN, "whether the plan is in force in the period"),
    Column("opened_by", _T.TEXT, "what began the period"),
    Column("term", _T.TEXT, "which term: general, passive, exception, exempt-person, "
           "expiration, rights-agent, ended, ownership, grandfathering, distribution; "
           "not-in-force for a period without a plan"),
    Column("name", _T.TEXT, "whom the term names: the excepted holder, the Exempt Person, "
           "the rights agent"),
    Column("limit", _T.PERCENT, "the threshold or cap"),
    Column("comparison", _T.TEXT, "the threshold's comparison: at-least or more-than"),
    Column("on", _T.DATE, "the term's date: the Final Expiration Date, the day the plan ended"),
    Column("detail", _T.TEXT, "the term in words"),
    Column("source", _T.TEXT, "the citation of the instrument and section that set the term "
           "(null: rightsplan's default, the plan does not say)"),
    Column("quote", _T.TEXT, "the operative words, when the plan file quotes them"),
)  # fmt: skip
"""A plan's timeline: one row per period and term."""

HISTORY_COLUMNS = (
    Column("holder", _T.TEXT, "the holder (or group) as the ledger names it"),
    Column("start", _T.DATE, "the period's first day"),
    Column("end", _T.DATE, "the period's last day (null: open-ended)"),
    Column("status", _T.TEXT, "the verdict over the period"),
    Column("counted_as", _T.TEXT, "whose holding was counted: the holder, or its group"),
    Column("shares", _T.INTEGER, "shares counted"),
    Column("outstanding", _T.INTEGER, "shares outstanding, as counted"),
    Column("percent", _T.TEXT, "the holding in percent, for reading (see percent_exact)"),
    Column("percent_exact", _T.PERCENT, "the holding, exactly: numerator/denominator"),
    Column("limit", _T.PERCENT, "the binding limit"),
    Column("comparison", _T.TEXT, "at-least or more-than"),
    Column("limit_kind", _T.TEXT, "general, passive, exception, board-exemption, "
           "grandfathered or buyback"),
    Column("rule", _T.TEXT, "the binding rule in words"),
    Column("source", _T.TEXT, "the citation of the binding rule"),
    Column("max_shares", _T.INTEGER, "the largest holding that does not trigger"),
    Column("headroom", _T.INTEGER, "shares that may still be acquired (null: none can "
           "trigger)"),
    Column("standing", _T.TEXT, "the holder's standing over the period"),
    Column("standing_since", _T.DATE, "the day the standing began"),
    Column("acquiring_person_since", _T.DATE, "the day the holder became an Acquiring Person"),
    Column("reason", _T.TEXT, "the verdict in words"),
)  # fmt: skip
"""A replayed history: one row per holder and period, with the standing over it."""

TRIGGER_COLUMNS = (
    Column("holder", _T.TEXT, "who became an Acquiring Person (a group's name, for a group)"),
    Column("holders", _T.NAMES, "every holder in it"),
    Column("on", _T.DATE, "the day it became one"),
    Column("rule", _T.TEXT, "the rule crossed, in words"),
    Column("limit", _T.PERCENT, "the limit crossed"),
    Column("comparison", _T.TEXT, "at-least or more-than"),
    Column("source", _T.TEXT, "the citation of the rule crossed"),
    Column("cause", _T.TEXT, "what made it cross"),
    Column("shares_acquisition_date", _T.DATE, "the first public announcement (or, assumed, "
           "the day of the crossing)"),
    Column("shares_acquisition_date_assumed", _T.BOOLEAN, "whether no announcement was "
           "recorded"),
    Column("distribution_date", _T.DATE, "when the rights separate (null: never)"),
    Column("rights_end", _T.TEXT, "why there is no Distribution Date"),
    Column("days", _T.INTEGER, "days from the Shares Acquisition Date to the Distribution "
           "Date"),
    Column("business_days", _T.BOOLEAN, "whether those are business days"),
    Column("distribution_rule_source", _T.TEXT, "the citation of the Distribution Date rule "
           "(null: the default, 10 business days)"),
)  # fmt: skip
"""Everyone who became an Acquiring Person, with the clock after."""

CHANGE_COLUMNS = (
    Column("instrument", _T.TEXT, "the agreement, or the amendment drafted"),
    Column("number", _T.INTEGER, "the amendment's number (null: the agreement)"),
    Column("executed", _T.DATE, "the day the instrument was executed, as read"),
    Column("kind", _T.TEXT, "the change's kind, as plan files name it"),
    Column("reading", _T.TEXT, "the value read, in words"),
    Column("wording", _T.TEXT, "the comparison as the text words it"),
    Column("filing", _T.TEXT, "the filing it was read in"),
    Column("document", _T.TEXT, "the document of the filing"),
    Column("authority", _T.TEXT, "how much the document weighs: agreement text, report or "
           "press release"),
    Column("quote", _T.TEXT, "the words read"),
    Column("confidence", _T.NUMBER, "the drafter's confidence, from 0 to 1 (a score)"),
)  # fmt: skip
"""An ingest draft's changes: one row per drafted provision or amendment change."""


def screen_columns() -> tuple[str, ...]:
    """The columns of :func:`rightsplan.screen`'s result, in order.

    ``row`` and ``issuer``, then the verdict columns marked ``screened``, in
    :data:`VERDICT_COLUMNS`' order.
    """
    return ("row", "issuer", *(column.name for column in VERDICT_COLUMNS if column.screened))


def screen_result_columns() -> tuple[str, ...]:
    """The columns of :func:`rightsplan.screen`'s result.

    :func:`screen_columns`, then ``near_match`` (found after the engines have run, from the
    few names the plans use).
    """
    return (*screen_columns(), "near_match")


def json_keys() -> tuple[str, ...]:
    """A verdict's keys in ``rightsplan check --format json``, after ``line``.

    The verdict columns, with the standing columns as one ``standing`` object.
    """
    standing = {column.name for column in STANDING_COLUMNS}
    keys = [c.name for c in VERDICT_COLUMNS if c.name not in standing or c.name == "standing"]
    return tuple(keys)


# --- records ---------------------------------------------------------------------------------

_PLACES = 6


def decimal_percent(value: Fraction) -> str:
    """A percentage for reading: exact when the decimal terminates, else rounded to six places."""
    exact = format_percent(value)
    if "/" not in exact:
        return exact
    return format_percent(Fraction(round(value * 10**_PLACES), 10**_PLACES))


def exact_percent(value: Fraction) -> str:
    """A percentage exactly, as ``numerator/denominator``."""
    return f"{value.numerator}/{value.denominator}"


def _cite(source: Any) -> str | None:
    return source.cite() if source is not None else None


def verdict_source(assessment: Assessment) -> str | None:
    if assessment.limit is not None:
        return assessment.limit.source.cite()
    if assessment.exemption is not None:
        return assessment.exemption.source.cite()
    return _cite(assessment.standing.source)


def _standing_flat(standing: Standing) -> dict[str, object]:
    from rightsplan.io.holdings import standing_columns

    columns: dict[str, object] = dict(standing_columns(standing))
    for name in ("standing_since", "standing_until"):
        value = columns[name]
        if isinstance(value, str):
            columns[name] = dt.date.fromisoformat(value)
    return columns


def _standing_object(standing: Standing) -> dict[str, object]:
    """The standing as one JSON object: its kind, then its own fields."""
    fields = _json_field(standing)
    assert isinstance(fields, dict)
    return {"kind": standing.kind, **fields}


def _json_field(value: object) -> object:
    """A standing's field for JSON: dates as text, percentages exact, sources cited."""
    from rightsplan.sources import Source

    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Fraction):
        return format_percent(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Source):
        return value.cite()
    cls = type(value)
    if attrs.has(cls):
        return {field.name: _json_field(getattr(value, field.name)) for field in attrs.fields(cls)}
    raise TypeError(f"no JSON form for {value!r}")  # pragma: no cover - a new field type


def verdict_record(assessment: Assessment, *, flat: bool = True) -> dict[str, object]:
    """One verdict as a record of :data:`VERDICT_COLUMNS`, values typed (dates are dates).

    ``flat`` false gives the JSON shape instead: the standing as one object
    (:func:`json_keys`). :func:`to_json` and :func:`to_csv` write either shape.
    """
    position = assessment.position
    limit = assessment.limit
    percent = assessment.percent
    standing: Mapping[str, object] = (
        _standing_flat(assessment.standing)
        if flat
        else {"standing": _standing_object(assessment.standing)}
    )
    return {
        "holder": position.holder,
        "date": assessment.on,
        "status": assessment.status.value,
        "percent": decimal_percent(percent),
        "percent_exact": exact_percent(percent),
        "shares": getattr(position, "shares", None),  # None: a reported percentage
        "outstanding": position.outstanding,
        "passive": position.passive,
        **standing,
        "limit": format_percent(limit.percent) if limit is not None else None,
        "comparison": limit.comparison.value if limit is not None else None,
        "max_shares": assessment.max_shares,
        "headroom": assessment.headroom,
        "source": verdict_source(assessment),
        "reason": assessment.reason,
        "near_match": list(assessment.near_matches),
    }


def _limit_cells(limit: Limit | UnknownLimit | None) -> tuple[str | None, str | None]:
    from rightsplan.terms import UnknownLimit

    if limit is None:
        return None, None
    if isinstance(limit, UnknownLimit):  # the percent unknown; the detail says its bounds
        return None, None if limit.comparison is None else limit.comparison.value
    return format_percent(limit.percent), limit.comparison.value


def history_record(holder: str, period: StatusPeriod) -> dict[str, object]:
    """One period of a holder's history as a record of :data:`HISTORY_COLUMNS`."""
    status = period.status
    counted = status.counted
    limit = status.limit
    percent = counted.percent if counted is not None else None
    percent_cell, comparison = _limit_cells(limit)
    return {
        "holder": holder,
        "start": period.start,
        "end": period.end,
        "status": status.status.value,
        "counted_as": status.label,
        "shares": counted.shares if counted is not None else None,
        "outstanding": counted.outstanding if counted is not None else None,
        "percent": decimal_percent(percent) if percent is not None else None,
        "percent_exact": exact_percent(percent) if percent is not None else None,
        "limit": percent_cell,
        "comparison": comparison,
        "limit_kind": limit.kind.value if limit is not None else None,
        "rule": limit.describe() if limit is not None else None,
        "source": limit.source.cite() if limit is not None else None,
        "max_shares": status.max_shares,
        "headroom": status.headroom,
        "standing": status.standing.kind,
        "standing_since": getattr(status.standing, "since", None),
        "acquiring_person_since": status.acquiring_person_since,
        "reason": status.reason,
    }


def trigger_record(trigger: Trigger) -> dict[str, object]:
    """One trigger as a record of :data:`TRIGGER_COLUMNS`."""
    clock = trigger.clock
    return {
        "holder": trigger.label,
        "holders": list(trigger.holders),
        "on": trigger.on,
        "rule": trigger.limit.describe(),
        "limit": format_percent(trigger.limit.percent),
        "comparison": trigger.limit.comparison.value,
        "source": trigger.limit.source.cite(),
        "cause": trigger.cause,
        "shares_acquisition_date": clock.shares_acquisition_date,
        "shares_acquisition_date_assumed": clock.assumed,
        "distribution_date": clock.distribution_date,
        "rights_end": clock.rights_end,
        "days": clock.days,
        "business_days": clock.business_days,
        "distribution_rule_source": _cite(clock.rule_source),
    }


def _term_rows(terms: Terms) -> list[dict[str, object]]:
    """The terms of one period, one record per term (the period's own columns left out)."""

    def row(term: str, **values: object) -> dict[str, object]:
        source = values.pop("source_object", None)
        return {
            "term": term,
            "name": None,
            "limit": None,
            "comparison": None,
            "on": None,
            "detail": None,
            "source": _cite(source),
            "quote": getattr(source, "quote", None),
            **values,
        }

    rows = []
    for limit, term in ((terms.general, "general"), (terms.passive, "passive")):
        if limit is not None:
            percent, comparison = _limit_cells(limit)
            rows.append(
                row(term, limit=percent, comparison=comparison, detail=limit.describe(),
                    source_object=limit.source)
            )  # fmt: skip
    for exception in terms.exceptions:
        percent, comparison = _limit_cells(exception.limit())
        members = f" (members: {'; '.join(exception.members)})" if exception.members else ""
        passive = " or stops being passive" if exception.requires_passive else ""
        rows.append(
            row("exception", name=exception.holder, limit=percent, comparison=comparison,
                detail=f"not an Acquiring Person unless it holds {exception.cap.describe()}"
                f"{passive}{members}", source_object=exception.source)
        )  # fmt: skip
    for exemption in terms.exemptions:
        category = f" ({exemption.category.value})" if exemption.category is not None else ""
        rows.append(
            row("exempt-person", name=exemption.name, detail=f"Exempt Person{category}",
                source_object=exemption.source)
        )  # fmt: skip
    if terms.expiration is not None:
        rows.append(
            row("expiration", on=terms.expiration.date, detail="Final Expiration Date",
                source_object=terms.expiration.source)
        )  # fmt: skip
    if terms.rights_agent is not None:
        rows.append(
            row("rights-agent", name=terms.rights_agent.name, detail="rights agent",
                source_object=terms.rights_agent.source)
        )  # fmt: skip
    if terms.ended is not None:
        rows.append(
            row("ended", on=terms.ended.on, detail=terms.ended.kind.value,
                source_object=terms.ended.source)
        )  # fmt: skip
    ownership, grand, distribution = terms.ownership, terms.grandfathering, terms.distribution
    rows.append(
        row("ownership", detail=f"rights to acquire: {ownership.rights_to_acquire.value}; "
            f"derivatives {'counted' if ownership.derivatives_counted else 'not counted'}; "
            f"buyback tolerance {format_percent(ownership.buyback_tolerance)} points; "
            f"status {'sticky' if ownership.sticky else 'not sticky'}",
            source_object=ownership.source)
    )  # fmt: skip
    tolerance = grand.tolerance.describe() if grand.tolerance is not None else "none"
    rows.append(
        row("grandfathering", detail=f"tolerance {tolerance}, measured from "
            f"{grand.measured_from.value}; cut-off {grand.cutoff.value}"
            f"{'; cap ' + grand.cap.describe() if grand.cap is not None else ''}"
            f"{'; lapses below the threshold' if grand.lapses_below_threshold else ''}",
            source_object=grand.source)
    )  # fmt: skip
    unit = "business" if distribution.business_days else "calendar"
    rows.append(
        row("distribution", detail=f"{distribution.days} {unit} days after the Shares "
            "Acquisition Date", source_object=distribution.source)
    )  # fmt: skip
    return rows


def timeline_records(periods: Sequence[Period]) -> list[dict[str, object]]:
    """A timeline as records of :data:`TIMELINE_COLUMNS`: one per period and term."""
    records = []
    for index, period in enumerate(periods):
        head = {
            "period": index,
            "start": period.start,
            "end": period.end,
            "in_force": period.in_force,
            "opened_by": period.opened_by,
        }
        if not period.in_force:
            empty = dict.fromkeys(name.name for name in TIMELINE_COLUMNS[5:])
            records.append({**head, **empty, "term": "not-in-force", "detail": "no plan in force"})
            continue
        records.extend({**head, **term} for term in _term_rows(period.terms))
    return records


def _found_value(found: Any) -> Any:
    return found.value if found is not None else None


def change_records(draft: PlanDraft | FilingDraft) -> list[dict[str, object]]:
    """An ingest draft's changes as records of :data:`CHANGE_COLUMNS`."""
    instruments: list[tuple[str, int | None, object, Iterable[DraftChange]]] = [
        ("Rights Agreement", None, _found_value(draft.agreement_date), draft.provisions)
    ]
    for amendment in draft.amendments:
        number = _found_value(amendment.number)
        name = amendment.title or (
            f"Amendment No. {number}" if number is not None else "instrument without a number"
        )
        instruments.append((name, number, _found_value(amendment.executed), amendment.changes))
    return [
        {
            "instrument": name,
            "number": number,
            "executed": executed,
            "kind": change.kind,
            "reading": change.reading(),
            "wording": change.wording,
            "filing": change.evidence.filing,
            "document": change.evidence.document,
            "authority": change.evidence.authority.label,
            "quote": change.evidence.quote,
            "confidence": change.confidence,
        }
        for name, number, executed, changes in instruments
        for change in changes
    ]


# --- writing records -------------------------------------------------------------------------


def json_value(value: object) -> object:
    """A record's value as JSON holds it: dates as ISO text, the rest as they are."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: json_value(each) for key, each in value.items()}
    if isinstance(value, list | tuple):
        return [json_value(each) for each in value]
    return value


def csv_value(value: object) -> object:
    """A record's value as a CSV cell: blank for null, true/false, names joined by "; "."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "; ".join(str(each) for each in value)
    return value


_INT64 = (-(1 << 63), (1 << 63) - 1)


def _cell(kind: ColumnType, value: object) -> object:
    """A value as the frames hold it (dates as plain dates, names joined)."""
    if value is None:
        return None
    if kind is ColumnType.NAMES:
        assert isinstance(value, list | tuple)
        return "; ".join(str(each) for each in value) or None
    if kind is ColumnType.DATE:
        assert isinstance(value, dt.date)
        return dt.date(value.year, value.month, value.day)
    return value


def _day(value: object) -> dt.date:
    assert isinstance(value, dt.date)
    return value


def _fits(values: list[object]) -> bool:
    low, high = _INT64
    return all(value is None or low <= value <= high for value in values)  # type: ignore[operator]


def _columns_of(
    columns: Sequence[Column], records: Sequence[Mapping[str, object]]
) -> dict[Column, list[object]]:
    return {
        column: [_cell(column.type, record[column.name]) for record in records]
        for column in columns
    }


def to_polars(columns: Sequence[Column], records: Sequence[Mapping[str, object]]) -> pl.DataFrame:
    """``records`` as a polars DataFrame with the types :class:`ColumnType` gives."""
    try:
        import polars as pl
    except ImportError as error:
        raise MissingExtraError("to_polars()", "screen", error) from None
    types = {
        ColumnType.TEXT: pl.String,
        ColumnType.PERCENT: pl.String,
        ColumnType.NAMES: pl.String,
        ColumnType.INTEGER: pl.Int64,
        ColumnType.DATE: pl.Date,
        ColumnType.BOOLEAN: pl.Boolean,
        ColumnType.NUMBER: pl.Float64,
    }
    series = []
    for column, values in _columns_of(columns, records).items():
        if column.type is ColumnType.INTEGER and not _fits(values):
            # Beyond 64 bits: exact text rather than an overflow or a rounded float.
            values = [None if value is None else str(value) for value in values]
            series.append(pl.Series(column.name, values, dtype=pl.String))
        else:
            series.append(pl.Series(column.name, values, dtype=types[column.type]))
    return pl.DataFrame(series)


def to_pandas(columns: Sequence[Column], records: Sequence[Mapping[str, object]]) -> pd.DataFrame:
    """``records`` as a pandas DataFrame, in pandas' nullable types.

    Dates are ``datetime64[s]``, counts ``Int64``, text ``string``, flags ``boolean``.
    """
    try:
        import numpy as np
        import pandas as pd
    except ImportError as error:
        raise MissingExtraError("to_pandas()", "pandas", error) from None
    data: dict[str, object] = {}
    for column, values in _columns_of(columns, records).items():
        kind = column.type
        if kind is ColumnType.DATE:
            days = np.array(
                [
                    np.datetime64("NaT") if v is None else np.datetime64(_day(v), "D")
                    for v in values
                ],
                dtype="datetime64[D]",
            )
            data[column.name] = pd.Series(days.astype("datetime64[s]"), dtype="datetime64[s]")
        elif kind is ColumnType.INTEGER and _fits(values):
            data[column.name] = pd.array(values, dtype="Int64")
        elif kind is ColumnType.INTEGER:
            data[column.name] = pd.array(
                [None if v is None else str(v) for v in values], dtype="string"
            )
        elif kind is ColumnType.BOOLEAN:
            data[column.name] = pd.array(values, dtype="boolean")
        elif kind is ColumnType.NUMBER:
            data[column.name] = pd.array(values, dtype="Float64")
        else:
            data[column.name] = pd.array(values, dtype="string")
    return pd.DataFrame(data, columns=[column.name for column in columns])


# --- display ---------------------------------------------------------------------------------


def short(text: str, limit: int = 60) -> str:
    """``text`` on one line, controls escaped, cut to ``limit`` characters."""
    one = printable(" ".join(text.split()), newlines=False)
    return one if len(one) <= limit else one[: limit - 3] + "..."


def _html_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return html.escape("; ".join(str(each) for each in value))
    if isinstance(value, int):
        return f"{value:,}"
    return html.escape(str(value))


def html_table(
    columns: Sequence[str],
    records: Sequence[Mapping[str, object]],
    *,
    caption: str | None = None,
) -> str:
    """An HTML table of ``records``' ``columns``; every text escaped (plan text is input)."""
    head = "".join(f"<th>{html.escape(name)}</th>" for name in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{_html_cell(record.get(name))}</td>" for name in columns) + "</tr>"
        for record in records
    )
    title = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return f"<table>{title}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


_TIMELINE_SHOWN = ("start", "end", "term", "name", "limit", "comparison", "on", "source")
_VERDICT_SHOWN = ("holder", "date", "status", "percent", "limit", "comparison", "max_shares",
                  "headroom", "source")  # fmt: skip
_HISTORY_SHOWN = ("holder", "start", "end", "status", "shares", "outstanding", "limit",
                  "comparison", "headroom", "source")  # fmt: skip
_TRIGGER_SHOWN = ("holder", "on", "rule", "source", "shares_acquisition_date",
                  "distribution_date")  # fmt: skip


def plan_html(plan: Plan) -> str:
    """A plan's timeline as an HTML table, a row per period and term, with citations."""
    title = f"{plan.company} — {plan.agreement.name} dated {plan.agreement.dated.isoformat()}"
    return html_table(_TIMELINE_SHOWN, timeline_records(plan.timeline()), caption=title)


def terms_html(terms: Terms) -> str:
    """The terms as an HTML table, a row per term, with citations."""
    return html_table(
        ("term", "name", "limit", "comparison", "on", "detail", "source"),
        _term_rows(terms),
        caption=f"{terms.company}: terms",
    )


def assessment_html(assessment: Assessment) -> str:
    """A verdict as an HTML table, with the clause it rests on and the explanation."""
    # For people: "about 24.2%" rather than the record's six-place decimal.
    record = {**verdict_record(assessment), "percent": readable_percent(assessment.percent)}
    table = html_table(_VERDICT_SHOWN, [record], caption=f"{assessment.company}: verdict")
    quote = assessment.limit.source.quote if assessment.limit is not None else None
    said = f"<blockquote>{html.escape(quote)}</blockquote>" if quote else ""
    return f"{table}{said}<p>{html.escape(assessment.reason)}</p>"


def history_html(history: History) -> str:
    """A history as HTML: every holder's periods, then the triggers and warnings."""
    parts = [
        html_table(
            _HISTORY_SHOWN, history_records(history), caption=f"{history.plan.company}: history"
        )
    ]
    triggers = history.triggers()
    if triggers:
        parts.append(html_table(_TRIGGER_SHOWN, [trigger_record(t) for t in triggers],
                                caption="Triggers"))  # fmt: skip
    parts.extend(f"<p>Warning: {html.escape(warning)}</p>" for warning in history.warnings)
    return "".join(parts)


def history_records(history: History) -> list[dict[str, object]]:
    """Every holder's periods, as records of :data:`HISTORY_COLUMNS`, holder by holder."""
    return [
        history_record(name, period)
        for name in history.holders()
        for period in history.periods(name)
    ]


def draft_html(draft: PlanDraft | FilingDraft) -> str:
    """An ingest draft's changes as an HTML table, each with its evidence."""
    company = _found_value(draft.company) or "unknown company"
    return html_table(
        ("instrument", "executed", "kind", "reading", "filing", "authority", "confidence"),
        change_records(draft),
        caption=f"{company}: drafted plan",
    )


# --- collections -----------------------------------------------------------------------------


class _Frames:
    """``to_polars()``, ``to_pandas()`` and an HTML table from a collection's records."""

    __slots__ = ()
    columns: tuple[Column, ...] = ()

    def records(self) -> list[dict[str, object]]:
        """One record per row, values typed (the keys are :attr:`columns`' names)."""
        raise NotImplementedError  # pragma: no cover - each collection has its own

    def to_polars(self) -> pl.DataFrame:
        """The rows as a polars DataFrame (needs the ``screen`` extra)."""
        return to_polars(self.columns, self.records())

    def to_pandas(self) -> pd.DataFrame:
        """The rows as a pandas DataFrame (needs the ``pandas`` extra)."""
        return to_pandas(self.columns, self.records())


class Timeline(tuple["Period", ...], _Frames):
    """A plan's periods (a tuple), exportable: a row per period and term.

    The columns are :data:`TIMELINE_COLUMNS`.
    """

    __slots__ = ()
    columns = TIMELINE_COLUMNS

    def records(self) -> list[dict[str, object]]:
        """One record per period and term."""
        return timeline_records(self)

    def _repr_html_(self) -> str:
        return html_table(_TIMELINE_SHOWN, self.records())


class Assessments(tuple["Assessment", ...], _Frames):
    """Verdicts (a tuple), exportable: one row per verdict (:data:`VERDICT_COLUMNS`).

    >>> import rightsplan as rp
    >>> plan = rp.examples.innotrac()
    >>> verdicts = rp.Assessments(
    ...     rp.assess(plan, rp.Position(name, shares, 11_572_314), on="2003-12-01")
    ...     for name, shares in (("A", 1_000_000), ("B", 2_000_000))
    ... )
    >>> verdicts.to_polars()["status"].to_list()
    ['clear', 'triggered']
    """

    __slots__ = ()
    columns = VERDICT_COLUMNS

    def records(self) -> list[dict[str, object]]:
        """One record per verdict."""
        return [verdict_record(assessment) for assessment in self]

    def _repr_html_(self) -> str:
        return html_table(_VERDICT_SHOWN, self.records())


class Triggers(tuple["Trigger", ...], _Frames):
    """Triggers (a tuple), exportable: one row per trigger (:data:`TRIGGER_COLUMNS`)."""

    __slots__ = ()
    columns = TRIGGER_COLUMNS

    def records(self) -> list[dict[str, object]]:
        """One record per trigger."""
        return [trigger_record(trigger) for trigger in self]

    def _repr_html_(self) -> str:
        return html_table(_TRIGGER_SHOWN, self.records())
