"""Events files: an ownership :class:`~rightsplan.Ledger` as CSV, JSON or JSON lines.

One schema for the three formats. Each record has ``event`` (the kebab-case name of an event
class: ``Acquisition`` -> ``"acquisition"``, ``PositionReported`` -> ``"position-reported"``),
``on`` (a strict ISO date), optionally ``source``, and the event's own fields under their
attribute names. The fields are derived from the event classes themselves (their attrs
fields), so a new event kind or field is a new kind or key here with no second list to keep
in step.

- CSV (``.csv``): a header naming ``event``, ``on`` and any of the other fields (the union
  over all kinds); a blank cell means "not given". ``members`` is a ``;``-separated list;
  share counts may have thousands separators (``"2,800,500"``); ``ratio`` and ``percent``
  are text (``3/2``, ``20``).
- JSON (``.json``): an array of objects.
- JSON lines (``.jsonl``, ``.ndjson``): one object per line.

Percentages and ratios are never floats. Every problem in a file is reported at once in an
:class:`~rightsplan.EventsFileError`, each naming the file, the line (CSV and JSON lines) or
the record index (JSON) and the field.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import typing
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Literal, TypeAlias

import attrs
import pendulum

from rightsplan.errors import (
    EventsFileError,
    InvalidInputError,
    PercentTypeError,
    RightsPlanError,
)
from rightsplan.io import _json, _values
from rightsplan.io._csv import csv_rows
from rightsplan.io._files import csv_text, jsonl_lines, read_bytes, write_atomically
from rightsplan.io.formats import ParseError, text_of
from rightsplan.io.holdings import _count, _date, _flag
from rightsplan.ledger import EVENT_KINDS, Event, Ledger, as_ledger
from rightsplan.percent import Comparison, format_percent, to_percent

__all__ = [
    "COLUMNS",
    "EVENTS_BY_NAME",
    "EVENT_NAMES",
    "EventsFormat",
    "dump_events",
    "dumps_events",
    "event_fields",
    "load_events",
    "loads_events",
]

EventsFormat: TypeAlias = Literal["csv", "json", "jsonl"]

_EXTENSIONS: dict[str, EventsFormat] = {
    ".csv": "csv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
_FORMATS = "a .csv, .json or .jsonl file"
_MEMBER_SEPARATOR = ";"


def _kebab(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


EVENT_NAMES: dict[type[Event], str] = {kind: _kebab(kind.__name__) for kind in EVENT_KINDS}
"""The ``event`` each class is written as: ``PositionReported`` -> ``"position-reported"``."""
EVENTS_BY_NAME: dict[str, type[Event]] = {name: kind for kind, name in EVENT_NAMES.items()}


# --- reading one value ---------------------------------------------------------------------


def _text(value: object, what: str) -> str:
    """Non-blank text without control characters, kept exactly as given."""
    text = _values.text(value, what)
    if any(unicodedata.category(char) == "Cc" and char not in "\t\n\r" for char in text):
        raise InvalidInputError(
            f"{what}: {_values.show(text)} contains control characters; is this a text file?"
        )
    return text


def _stripped(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


def _percent(value: object, what: str) -> Fraction:
    return _values.percent(_stripped(value), what)


def _ratio(value: object, what: str) -> Fraction:
    example = 'like "2" (two-for-one) or "3/2"'
    if isinstance(value, float):
        hint = ""
        if value == value and value not in (float("inf"), float("-inf")):
            hint = f'; write it as text: "{format_percent(Fraction(Decimal(repr(value))))}"'
        raise PercentTypeError(f"{what}: expected a ratio {example}, got {value!r} (a float){hint}")
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise PercentTypeError(f"{what}: expected a ratio {example}, got {_values.show(value)}")
    value = _stripped(value)
    if isinstance(value, str) and len(value) > _values.MAX_TEXT:
        raise InvalidInputError(f"{what}: {_values.show(value)} is far too long for a ratio")
    try:
        return to_percent(value, what=what)
    except RightsPlanError:
        raise InvalidInputError(
            f"{what}: expected a ratio of new shares per old share {example}, "
            f"got {_values.show(value)}"
        ) from None


def _members_json(value: object, what: str) -> tuple[str, ...]:
    texts = _values.texts(value, what)
    return tuple(_text(item, f"{what}[{index}]") for index, item in enumerate(texts))


def _members_csv(value: object, what: str) -> tuple[str, ...]:
    if not isinstance(value, str):
        return _members_json(value, what)
    parts = [part.strip() for part in value.split(_MEMBER_SEPARATOR)]
    return tuple(_text(part, f"{what}[{index}]") for index, part in enumerate(parts))


def _comparison(value: object, what: str) -> Comparison:
    return _values.member(Comparison, _stripped(value), what)


def _write_members_csv(value: object) -> str:
    assert isinstance(value, tuple)
    for member in value:
        if _MEMBER_SEPARATOR in member or member != member.strip():
            raise InvalidInputError(
                f"members: {member!r} cannot be written to CSV (it contains "
                f'"{_MEMBER_SEPARATOR}" or spaces at either end); write a .json file instead'
            )
    return _MEMBER_SEPARATOR.join(value)


def _write_date(value: object) -> str:
    assert isinstance(value, pendulum.Date)
    return value.isoformat()


def _write_fraction(value: object) -> str:
    assert isinstance(value, Fraction)
    return format_percent(value)


def _write_enum(value: object) -> str:
    assert isinstance(value, Comparison)
    return value.value


def _write_list(value: object) -> object:
    assert isinstance(value, tuple)
    return list(value)


def _same(value: object) -> object:
    return value


def _write_csv_flag(value: object) -> str:
    return "true" if value else "false"


Reader = Callable[[object, str], object]
Writer = Callable[[object], object]


@attrs.frozen
class _Codec:
    json_read: Reader
    csv_read: Reader
    json_write: Writer
    csv_write: Writer
    expects: str


_CODECS: dict[object, _Codec] = {
    pendulum.Date: _Codec(_date, _date, _write_date, _write_date, 'a date like "2003-08-01"'),
    str: _Codec(_text, _text, _same, _same, "text"),
    int: _Codec(_count, _count, _same, str, "a whole number of shares like 2800500"),
    bool: _Codec(_flag, _flag, _same, _write_csv_flag, "true or false"),
    Fraction: _Codec(_percent, _percent, _write_fraction, _write_fraction, 'text like "20"'),
    tuple[str, ...]: _Codec(
        _members_json,
        _members_csv,
        _write_list,
        _write_members_csv,
        'a list of names (["A", "B"]; in CSV "A;B")',
    ),
    Comparison: _Codec(
        _comparison,
        _comparison,
        _write_enum,
        _write_enum,
        "one of " + ", ".join(f'"{item.value}"' for item in Comparison),
    ),
}
_RATIO = _Codec(_ratio, _ratio, _write_fraction, _write_fraction, 'a ratio like "2" or "3/2"')


@attrs.frozen
class FieldSpec:
    """One key of an event record: the attrs field it fills and how it is read and written."""

    name: str
    required: bool
    default: object
    codec: _Codec = attrs.field(repr=False)
    converter: Callable[[object], object] | None = attrs.field(default=None, repr=False)
    """The model's own converter for the field, run on the decoded value for its checks."""

    @property
    def expects(self) -> str:
        """What a file must give for this field, in words."""
        return self.codec.expects


def _base_type(hint: object) -> object:
    args = [arg for arg in typing.get_args(hint) if arg is not type(None)]
    if typing.get_origin(hint) is not tuple and type(None) in typing.get_args(hint):
        return args[0]
    return hint


def _specs(kind: type[Event]) -> tuple[FieldSpec, ...]:
    hints = typing.get_type_hints(kind)
    own: list[FieldSpec] = []
    common: list[FieldSpec] = []
    for field in attrs.fields(kind):
        if not field.init:  # pragma: no cover - no event has such a field
            continue
        base = _base_type(hints[field.name])
        codec = _RATIO if field.name == "ratio" else _CODECS.get(base)
        if codec is None:  # pragma: no cover - a test checks every kind has codecs
            raise TypeError(f"no events-file codec for {kind.__name__}.{field.name}")
        converter = field.converter if callable(field.converter) else None
        spec = FieldSpec(
            field.name, field.default is attrs.NOTHING, field.default, codec, converter
        )
        (common if field.name in ("on", "source") else own).append(spec)
    on = [spec for spec in common if spec.name == "on"]
    source = [spec for spec in common if spec.name == "source"]
    return (*on, *own, *source)


_FIELDS: dict[type[Event], tuple[FieldSpec, ...]] = {kind: _specs(kind) for kind in EVENT_KINDS}


def event_fields(kind: type[Event]) -> tuple[FieldSpec, ...]:
    """The keys a record of this kind may have besides ``event``: ``on``, its own, ``source``."""
    return _FIELDS[kind]


DATE_COLUMN = "date"
"""The column (or key) of an event's date in events files: ``date``, as in holdings files."""
OLD_DATE_COLUMN = "on"
"""The earlier spelling of :data:`DATE_COLUMN`, still read, with a :class:`FutureWarning`."""


def _union() -> tuple[str, ...]:
    names = ["event", "on"]
    for specs in _FIELDS.values():
        names.extend(
            spec.name for spec in specs if spec.name not in names and spec.name != "source"
        )
    return (*names, "source")


COLUMNS: tuple[str, ...] = tuple(DATE_COLUMN if name == "on" else name for name in _union())
"""Every column an events CSV file may have (the union of every kind's fields), in order;
the event's date is the column ``date`` (the field :attr:`Event.on`)."""


# --- reading a record ----------------------------------------------------------------------


def _absent(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _names(kind: type[Event]) -> str:
    return ", ".join(spec.name for spec in _FIELDS[kind])


def _kind_names() -> str:
    return ", ".join(f'"{name}"' for name in EVENTS_BY_NAME)


class _Record:
    """Where one record is, for messages: ``file:line: field`` or ``file: [index].field``."""

    def __init__(
        self,
        name: str,
        *,
        line: int | None = None,
        index: int | None = None,
        date_key: str = DATE_COLUMN,
    ) -> None:
        self.name = name
        self.line = line
        self.index = index
        self.date_key = date_key

    def field(self, key: str) -> str:
        key = self.date_key if key == "on" else key
        return key if self.index is None else f"[{self.index}].{key}"

    def at(self, message: str) -> str:
        if self.line is not None:
            return f"{self.name}:{self.line}: {message}"
        if self.index is not None and not message.startswith(f"[{self.index}]"):
            return f"{self.name}: [{self.index}]: {message}"
        return f"{self.name}: {message}"

    def relabel(self, message: str, names: tuple[str, ...]) -> str:
        """Put the record's location before a message the model raised (``"percent: ..."``)."""
        head, sep, rest = message.partition(": ")
        if sep and head in names:
            return self.at(f"{self.field(head)}: {rest}")
        return self.at(message)


def _note_old_spelling(name: str, used: bool) -> None:
    if used:
        warnings.warn(
            f"{name}: the date column is spelled 'on'; it is now 'date', as in holdings "
            "files ('on' is still read)",
            FutureWarning,
            stacklevel=4,
        )


def _date_spelled(
    values: Mapping[str, object], where: _Record, problems: list[str]
) -> tuple[Mapping[str, object], _Record]:
    """The record with its date under the model's field name, and how the file spelled it."""
    if DATE_COLUMN not in values:
        if OLD_DATE_COLUMN not in values:
            return values, where
        return values, _Record(where.name, line=where.line, index=where.index, date_key="on")
    if OLD_DATE_COLUMN in values and not _absent(values[OLD_DATE_COLUMN]):
        problems.append(
            where.at(
                f"{where.field(DATE_COLUMN)}: the date is given twice, as date and as on "
                "(its earlier spelling); give date only"
            )
        )
    renamed = {("on" if key == DATE_COLUMN else key): value for key, value in values.items()}
    return renamed, where


def _read_record(
    values: Mapping[str, object], where: _Record, fmt: EventsFormat, problems: list[str]
) -> Event | None:
    """One record (absent values omitted or blank) as an event, or ``None`` and problems."""
    values, where = _date_spelled(values, where, problems)
    raw_kind = values.get("event")
    kind: type[Event] | None = None
    if _absent(raw_kind):
        problems.append(
            where.at(f"{where.field('event')}: missing; expected one of {_kind_names()}")
        )
    else:
        key = raw_kind.strip() if isinstance(raw_kind, str) else raw_kind
        kind = EVENTS_BY_NAME.get(key) if isinstance(key, str) else None
        if kind is None:
            close = (
                difflib.get_close_matches(key, EVENTS_BY_NAME, n=1) if isinstance(key, str) else []
            )
            hint = f' (did you mean "{close[0]}"?)' if close else ""
            problems.append(
                where.at(
                    f"{where.field('event')}: unknown event {_values.show(raw_kind)}{hint}; "
                    f"expected one of {_kind_names()}"
                )
            )
    if kind is None:
        return None
    specs = _FIELDS[kind]
    allowed = tuple(spec.name for spec in specs)
    ok = True
    for key, raw in values.items():
        if key == "event" or key in allowed:
            continue
        if fmt == "csv":
            if _absent(raw):
                continue
            problems.append(
                where.at(
                    f'{key}: not a field of "{EVENT_NAMES[kind]}" events, whose fields are '
                    f"{_names(kind)}; leave it blank"
                )
            )
        else:
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = f' (did you mean "{close[0]}"?)' if close else ""
            problems.append(
                where.at(
                    f"{where.field(key) if len(key) <= 60 else where.field('?')}: unknown key "
                    f'{_values.show(key)}{hint}; "{EVENT_NAMES[kind]}" events have: '
                    f"{_names(kind)}"
                )
            )
        ok = False
    read: dict[str, Any] = {}  # each value checked by its reader and the model's converter
    for spec in specs:
        raw = values.get(spec.name)
        what = where.field(spec.name)
        if _absent(raw):
            if spec.required:
                problems.append(where.at(f"{what}: missing; expected {spec.expects}"))
                ok = False
            continue
        reader = spec.codec.csv_read if fmt == "csv" else spec.codec.json_read
        try:
            value = reader(raw, what)
            read[spec.name] = value if spec.converter is None else spec.converter(value)
        except RightsPlanError as error:
            problems.append(where.relabel(str(error), allowed))
            ok = False
    if not ok:
        return None
    try:
        return kind(**read)
    except RightsPlanError as error:
        problems.append(where.relabel(str(error), allowed))
        return None


# --- the three formats ---------------------------------------------------------------------


def _from_csv(text: str, name: str) -> tuple[list[Event], list[str]]:
    problems: list[str] = []
    events: list[Event] = []
    rows = csv_rows(
        text,
        name,
        known=(*COLUMNS, OLD_DATE_COLUMN),
        required=("event",),
        example="event,date,holder,shares,outstanding,source",
        problems=problems,
    )
    if rows and DATE_COLUMN not in rows[0][1] and OLD_DATE_COLUMN not in rows[0][1]:
        problems.append(
            f"{name}:1: missing column 'date'; the header must name at least event, date"
        )
        return [], problems
    _note_old_spelling(name, bool(rows) and DATE_COLUMN not in rows[0][1])
    for line, values in rows:
        event = _read_record(values, _Record(name, line=line), "csv", problems)
        if event is not None:
            events.append(event)
    return events, problems


def _parse_json(text: str) -> object:
    """Parse JSON text; raise :class:`ParseError` naming the line and column where it can."""
    try:
        return _json.loads(text)
    except json.JSONDecodeError as error:
        raise ParseError(
            f"line {error.lineno}, column {error.colno}: not valid JSON: {error.msg}"
        ) from None
    except _json.DuplicateKeyError as error:
        raise ParseError(str(error)) from None
    except RecursionError:
        raise ParseError("nested too deeply to be an events file") from None
    except ValueError as error:  # e.g. an integer too long to read
        raise ParseError(f"not valid JSON: {error}") from None


def _object(value: object, where: _Record, problems: list[str]) -> dict[str, object] | None:
    if not isinstance(value, dict):
        problems.append(
            where.at(f"expected an object with keys event, on, ..., got {_values.show(value)}")
        )
        return None
    return value


def _from_json(text: str, name: str) -> tuple[list[Event], list[str]]:
    if not text.strip():
        return [], [f"{name}: the file is empty; expected a JSON array of event objects"]
    try:
        data = _parse_json(text)
    except ParseError as error:
        return [], [f"{name}: {error}"]
    if not isinstance(data, list):
        return [], [
            f"{name}: expected a JSON array of event objects ([{{...}}, ...]), "
            f"got {_values.show(data)}"
        ]
    problems: list[str] = []
    events: list[Event] = []
    _note_old_spelling(
        name, any(isinstance(item, dict) and OLD_DATE_COLUMN in item for item in data)
    )
    for index, item in enumerate(data):
        where = _Record(name, index=index)
        table = _object(item, where, problems)
        if table is None:
            continue
        event = _read_record(table, where, "json", problems)
        if event is not None:
            events.append(event)
    return events, problems


def _from_jsonl(text: str, name: str) -> tuple[list[Event], list[str]]:
    problems: list[str] = []
    events: list[Event] = []
    old = False
    for number, line in jsonl_lines(text):
        where = _Record(name, line=number)
        try:
            value = _parse_json(line)
        except ParseError as error:
            problems.append(where.at(str(error).removeprefix("line 1, ")))
            continue
        table = _object(value, where, problems)
        if table is None:
            continue
        old = old or OLD_DATE_COLUMN in table
        event = _read_record(table, where, "jsonl", problems)
        if event is not None:
            events.append(event)
    _note_old_spelling(name, old)
    return events, problems


_READERS = {"csv": _from_csv, "json": _from_json, "jsonl": _from_jsonl}


def _check_format(fmt: object) -> EventsFormat:
    if fmt not in _READERS:
        raise InvalidInputError(f'fmt: expected "csv", "json" or "jsonl", got {fmt!r}')
    return typing.cast(EventsFormat, fmt)


def loads_events(data: bytes | str, fmt: EventsFormat = "csv", *, name: str = "<events>") -> Ledger:
    r"""Read a ledger from the contents of an events file in format ``fmt``.

    ``fmt`` is ``"csv"``, ``"json"`` (an array of objects) or ``"jsonl"`` (one object per
    line); ``name`` is used for the file in error messages. Raises
    :class:`~rightsplan.EventsFileError` listing every problem found.

    >>> from rightsplan.io import loads_events
    >>> ledger = loads_events("event,date,outstanding\noutstanding-changed,2003-07-31,11564730\n")
    >>> ledger.events[0].outstanding
    11564730
    """
    fmt = _check_format(fmt)
    if isinstance(data, str):
        text = data
    else:
        try:
            text = text_of(data)
        except ParseError as error:
            raise EventsFileError(name, (f"{name}: {error}",)) from None
    events, problems = _READERS[fmt](text, name)
    if problems:
        raise EventsFileError(name, tuple(problems))
    return Ledger(events)


def _format(path: Path, name: str) -> EventsFormat:
    fmt = _EXTENSIONS.get(path.suffix.lower())
    if fmt is None:
        raise EventsFileError(
            name,
            (
                f"{name}: cannot tell the format from the extension "
                f"{path.suffix or '(none)'!r}; expected {_FORMATS}",
            ),
        )
    return fmt


def load_events(path: str | os.PathLike[str]) -> Ledger:
    """Read an events file: CSV (``.csv``), JSON (``.json``) or JSON lines (``.jsonl``).

    The schema is described in ``docs/ownership-history.md``. Every problem in the file is
    found before the ledger is built and reported at once in an
    :class:`~rightsplan.EventsFileError` (``.problems`` lists them, each naming the file,
    the line or record, and the field).

    >>> import rightsplan as rp
    >>> ledger = rp.load_events("examples/innotrac/events.csv")
    >>> ledger.events[1].describe()
    'IPOF Group reported holding 2,362,788 shares'
    """
    where = Path(path)
    name = os.fspath(path)
    fmt = _format(where, name)
    data = read_bytes(where)
    if isinstance(data, str):
        raise EventsFileError(name, (f"{name}: {data}",))
    return loads_events(data, fmt, name=name)


# --- writing -------------------------------------------------------------------------------


def _record(event: Event, fmt: EventsFormat) -> dict[str, object]:
    kind = type(event)
    record: dict[str, object] = {"event": EVENT_NAMES[kind]}
    for spec in _FIELDS[kind]:
        value = getattr(event, spec.name)
        if value is None or (not spec.required and value == spec.default):
            continue
        write = spec.codec.csv_write if fmt == "csv" else spec.codec.json_write
        record[DATE_COLUMN if spec.name == "on" else spec.name] = write(value)
    return record


_ledger = as_ledger


def dumps_events(ledger: Ledger | Iterable[Event], fmt: EventsFormat) -> str:
    """A ledger as the text of an events file in format ``fmt``; :func:`loads_events` reads it.

    ``ledger`` is a :class:`~rightsplan.Ledger` or a list of events, as :func:`replay` takes.

    Fields at their defaults are left out (blank in CSV, whose columns are those the
    ledger's kinds use). A group member whose name contains ``;`` cannot be written to CSV.
    """
    ledger = _ledger(ledger)
    fmt = _check_format(fmt)
    records = [_record(event, fmt) for event in ledger.events]
    if fmt == "json":
        return json.dumps(records, indent=2, ensure_ascii=False) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    used = {key for record in records for key in record}
    columns = [column for column in COLUMNS if column in used or column in ("event", DATE_COLUMN)]
    return csv_text(columns, records)


def dump_events(ledger: Ledger | Iterable[Event], path: str | os.PathLike[str]) -> None:
    """Write ``ledger`` to an events file, in the format its extension names, atomically.

    ``ledger`` is a :class:`~rightsplan.Ledger` or a list of events, as :func:`replay` takes.

    ``load_events(path) == ledger`` afterwards.
    """
    where = Path(path)
    text = dumps_events(ledger, _format(where, os.fspath(path)))
    write_atomically(where, text)
