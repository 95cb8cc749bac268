"""The plan-file schema: plain data (tables, lists, scalars) to a Plan, and back.

The schema is derived from the model itself: a change table has a ``kind`` (the class name in
kebab case, ``SetThreshold`` -> ``"set-threshold"``) and one key per attrs field of that class,
read by the codec for the field's type. A new field or kind in the model is a new key or kind
here with no second list to keep in step.

Reading gathers every problem with its field path (``amendments[1].changes[0].percent``) and
builds the plan only when there are none.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from fractions import Fraction

import attrs
import pendulum

from rightsplan.agreement import PROVISION_KINDS, RightsAgreement
from rightsplan.amendments import CHANGE_KINDS, Amendment, Change, InstrumentKind
from rightsplan.errors import RightsPlanError
from rightsplan.io import _values
from rightsplan.percent import Comparison, format_percent
from rightsplan.plan import Plan
from rightsplan.terms import GrandfatherBase, GrandfatherCutoff, HolderKind, RightsToAcquire
from rightsplan.unknowns import UnknownDate, UnknownPercent, UnknownShares

__all__ = [
    "KINDS_BY_NAME",
    "KIND_NAMES",
    "Codec",
    "FieldSpec",
    "change_fields",
    "plan_from_data",
    "plan_to_data",
]

Reader = Callable[[object, str], object]
Writer = Callable[[object], object]


@attrs.frozen
class Codec:
    """How one type of field is read from a file and written back."""

    read: Reader
    write: Writer
    expects: str
    """What a file must give, in words, for error messages and the docs."""


def _same(value: object) -> object:
    return value


def _plain_date(value: object) -> object:
    assert isinstance(value, dt.date)
    return dt.date(value.year, value.month, value.day)


def _write_percent(value: object) -> object:
    assert isinstance(value, Fraction)
    return format_percent(value)


def _write_enum(value: object) -> object:
    assert isinstance(
        value,
        Comparison
        | HolderKind
        | RightsToAcquire
        | GrandfatherBase
        | GrandfatherCutoff
        | InstrumentKind,
    )
    return value.value


def _write_list(value: object) -> object:
    assert isinstance(value, tuple)
    return list(value)


def _enum_codec(
    kind: type[
        Comparison
        | HolderKind
        | RightsToAcquire
        | GrandfatherBase
        | GrandfatherCutoff
        | InstrumentKind
    ],
) -> Codec:
    def read(value: object, what: str) -> object:
        return _values.member(kind, value, what)

    return Codec(read, _write_enum, "one of " + ", ".join(f'"{item.value}"' for item in kind))


_PERCENT = Codec(
    _values.percent,
    _write_percent,
    'a percentage: a number or a string: 15, 4.99, "4.99", "33 1/3"',
)
_TEXT = Codec(_values.text, _same, "text")
_DATE = Codec(_values.date, _plain_date, 'a date: 2003-11-24 (or the string "2003-11-24")')


def _write_unknown(value: UnknownPercent | UnknownDate | UnknownShares) -> object:
    table: dict[str, object] = {"unknown": True}
    for field in attrs.fields(type(value)):
        bound = getattr(value, field.name)
        if isinstance(bound, Fraction):
            table[field.name] = format_percent(bound)
        elif isinstance(bound, dt.date):
            table[field.name] = _plain_date(bound)
        elif bound is not None:
            table[field.name] = bound
    return _values.UNKNOWN if len(table) == 1 else table


def _write_percent_or_unknown(value: object) -> object:
    if isinstance(value, UnknownPercent):
        return _write_unknown(value)
    return _write_percent(value)


def _write_shares_or_unknown(value: object) -> object:
    if isinstance(value, UnknownShares):
        return _write_unknown(value)
    return value


def _write_date_or_unknown(value: object) -> object:
    if isinstance(value, UnknownDate):
        return _write_unknown(value)
    return _plain_date(value)


_PERCENT_OR_UNKNOWN = Codec(
    _values.percent_or_unknown,
    _write_percent_or_unknown,
    'a percentage as a string or an integer ("15", "4.99"), or "unknown", or '
    '{unknown = true, at_least = "10", at_most = "20", reason = "..."} (bounds optional)',
)

CODECS: dict[object, Codec] = {
    str: _TEXT,
    str | None: _TEXT,
    int: Codec(_values.whole_number, _same, "a whole number"),
    int | None: Codec(_values.whole_number, _same, "a whole number"),
    bool: Codec(_values.flag, _same, "true or false"),
    Fraction: _PERCENT,
    Fraction | None: _PERCENT,
    Fraction | UnknownPercent: _PERCENT_OR_UNKNOWN,
    Fraction | UnknownPercent | None: _PERCENT_OR_UNKNOWN,
    int | UnknownShares | None: Codec(
        _values.shares_or_unknown,
        _write_shares_or_unknown,
        'a whole number of shares (3501585), or "unknown", or {unknown = true, '
        'at_least = 3000000, at_most = 4000000, reason = "..."} (bounds optional)',
    ),
    pendulum.Date | UnknownDate: Codec(
        _values.date_or_unknown,
        _write_date_or_unknown,
        'a date (2003-11-24), or "unknown", or {unknown = true, on_or_after = 2025-08-13, '
        'on_or_before = 2026-08-13, reason = "..."} (bounds optional)',
    ),
    pendulum.Date: _DATE,
    pendulum.Date | None: _DATE,
    Decimal | None: Codec(_values.decimal, str, 'a decimal amount as a string: "0.001"'),
    tuple[str, ...]: Codec(_values.texts, _write_list, 'a list of text: ["A", "B"]'),
    Comparison: _enum_codec(Comparison),
    Comparison | None: _enum_codec(Comparison),
    HolderKind | None: _enum_codec(HolderKind),
    RightsToAcquire: _enum_codec(RightsToAcquire),
    GrandfatherBase: _enum_codec(GrandfatherBase),
    GrandfatherCutoff: _enum_codec(GrandfatherCutoff),
    InstrumentKind: _enum_codec(InstrumentKind),
}
"""The codec for each field type the model uses (keys are the resolved annotations)."""


@attrs.frozen
class FieldSpec:
    """One key of a table: the attrs field it fills, whether it is required, its codec."""

    name: str
    required: bool
    default: object
    codec: Codec
    converter: Callable[[object], object] | None = None
    """The model's own converter for the field, run on the decoded value for its checks."""


def _specs(cls: type, *, skip: tuple[str, ...] = ()) -> tuple[FieldSpec, ...]:
    hints = typing.get_type_hints(cls)
    specs = []
    for field in attrs.fields(cls):
        if field.name in skip or not field.init:
            continue
        codec = CODECS.get(hints[field.name])
        if codec is None:  # pragma: no cover - a test checks every kind has codecs
            raise TypeError(f"no plan-file codec for {cls.__name__}.{field.name}")
        required = field.default is attrs.NOTHING
        converter = field.converter if callable(field.converter) else None
        specs.append(FieldSpec(field.name, required, field.default, codec, converter))
    return tuple(specs)


def _kebab(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


KIND_NAMES: dict[type[Change], str] = {kind: _kebab(kind.__name__) for kind in CHANGE_KINDS}
"""The ``kind`` each change class is written as: ``SetThreshold`` -> ``"set-threshold"``."""
KINDS_BY_NAME: dict[str, type[Change]] = {name: kind for kind, name in KIND_NAMES.items()}

_COMMON = tuple(field.name for field in attrs.fields(Change))


def _change_specs(kind: type[Change]) -> tuple[FieldSpec, ...]:
    specs = _specs(kind)
    own = [spec for spec in specs if spec.name not in _COMMON]
    common = [spec for spec in specs if spec.name in _COMMON]
    return (*own, *common)


_CHANGE_FIELDS: dict[type[Change], tuple[FieldSpec, ...]] = {
    kind: _change_specs(kind) for kind in CHANGE_KINDS
}
_AGREEMENT_FIELDS = _specs(RightsAgreement, skip=("provisions",))
_AMENDMENT_FIELDS = _specs(Amendment, skip=("changes",))


def change_fields(kind: type[Change]) -> tuple[FieldSpec, ...]:
    """The keys a change table of this kind may have (besides ``kind``), own fields first."""
    return _CHANGE_FIELDS[kind]


# --- reading -------------------------------------------------------------------------------


class _Problems:
    """Problems found so far, each with its field path."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, message: str) -> None:
        self.items.append(message)


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _here(path: str) -> str:
    return path or "the top level"


def _prefix(path: str, message: str, names: tuple[str, ...]) -> str:
    """Put ``path`` before a message a model constructor raised (``"percent: ..."``)."""
    head, sep, rest = message.partition(": ")
    if sep and re.split(r"[.\[]", head, maxsplit=1)[0] in names:  # "provisions[1].date"
        return f"{_join(path, head)}: {rest}"
    return f"{_here(path)}: {message}"


def _table(value: object, path: str, problems: _Problems) -> Mapping[object, object] | None:
    if not isinstance(value, dict):
        problems.add(
            f"{_here(path)}: expected a table (key = value pairs), got {_values.show(value)}"
        )
        return None
    return value


def _list(value: object, path: str, problems: _Problems) -> list[object] | None:
    if not isinstance(value, list):
        problems.add(f"{path}: expected a list of tables, got {_values.show(value)}")
        return None
    return value


def _check_keys(
    table: Mapping[object, object], path: str, allowed: tuple[str, ...], problems: _Problems
) -> None:
    for key in table:
        if isinstance(key, str) and key in allowed:
            continue
        shown = _values.show(key)
        close = difflib.get_close_matches(key, allowed, n=1) if isinstance(key, str) else []
        hint = f' (did you mean "{close[0]}"?)' if close else ""
        where = _join(path, key) if isinstance(key, str) and len(key) <= 60 else _here(path)
        problems.add(f"{where}: unknown key {shown}{hint}; expected one of: {', '.join(allowed)}")


def _read_fields(
    table: Mapping[object, object],
    path: str,
    specs: tuple[FieldSpec, ...],
    problems: _Problems,
) -> dict[str, object] | None:
    values: dict[str, object] = {}
    ok = True
    for spec in specs:
        raw = table.get(spec.name)
        where = _join(path, spec.name)
        if raw is None:
            if spec.required:
                problems.add(f"{where}: missing; expected {spec.codec.expects}")
                ok = False
            continue
        try:
            value = spec.codec.read(raw, where)
        except RightsPlanError as error:
            problems.add(str(error))
            ok = False
            continue
        try:
            values[spec.name] = value if spec.converter is None else spec.converter(value)
        except RightsPlanError as error:
            problems.add(_prefix(path, str(error), (spec.name,)))
            ok = False
    return values if ok else None


def _build(
    cls: Callable[..., object],
    values: dict[str, object],
    path: str,
    names: tuple[str, ...],
    problems: _Problems,
) -> object | None:
    try:
        return cls(**values)
    except RightsPlanError as error:
        problems.add(_prefix(path, str(error), names))
        return None


def _change(
    value: object, path: str, allowed: tuple[type[Change], ...], problems: _Problems
) -> Change | None:
    table = _table(value, path, problems)
    if table is None:
        return None
    kind_path = _join(path, "kind")
    raw = table.get("kind")
    names = ", ".join(f'"{KIND_NAMES[kind]}"' for kind in allowed)
    if raw is None:
        problems.add(f"{kind_path}: missing; expected one of {names}")
        return None
    kind = KINDS_BY_NAME.get(raw) if isinstance(raw, str) else None
    if kind is None:
        problems.add(f"{kind_path}: expected one of {names}, got {_values.show(raw)}")
        return None
    if kind not in allowed:
        problems.add(
            f'{kind_path}: a Rights Agreement cannot state "{raw}" (that is for amendments); '
            f"its provisions are {names}"
        )
        return None
    specs = _CHANGE_FIELDS[kind]
    field_names = tuple(spec.name for spec in specs)
    _check_keys(table, path, ("kind", *field_names), problems)
    values = _read_fields(table, path, specs, problems)
    if values is None:
        return None
    built = _build(kind, values, path, field_names, problems)
    return built if isinstance(built, Change) else None


def _changes(
    value: object, path: str, allowed: tuple[type[Change], ...], problems: _Problems
) -> tuple[Change, ...] | None:
    items = _list(value, path, problems)
    if items is None:
        return None
    changes = [
        _change(item, _join(path, index), allowed, problems) for index, item in enumerate(items)
    ]
    if any(change is None for change in changes):
        return None
    return tuple(change for change in changes if change is not None)


def _record(
    cls: type[RightsAgreement] | type[Amendment],
    value: object,
    path: str,
    specs: tuple[FieldSpec, ...],
    nested: str,
    allowed: tuple[type[Change], ...],
    problems: _Problems,
) -> object | None:
    table = _table(value, path, problems)
    if table is None:
        return None
    names = (*(spec.name for spec in specs), nested)
    _check_keys(table, path, names, problems)
    values = _read_fields(table, path, specs, problems)
    raw = table.get(nested)
    if raw is None:
        kinds = "provision" if nested == "provisions" else "change"
        problems.add(
            f"{_join(path, nested)}: missing; expected a list of {kinds} tables "
            f"([[{_join(path, nested) if path else nested}]] in TOML)"
        )
        return None
    changes = _changes(raw, _join(path, nested), allowed, problems)
    if values is None or changes is None:
        return None
    values[nested] = changes
    return _build(cls, values, path, names, problems)


def plan_from_data(
    data: object, *, origin: str | None = None
) -> tuple[Plan | None, tuple[str, ...]]:
    """Read a whole plan from parsed data: the plan, or ``None`` and every problem found.

    Problems are messages that begin with their field path. The plan is built only when the
    data has no problem, so a history error from :class:`~rightsplan.Plan` is the last one
    found, alone. ``origin`` is the file the data was read from (:attr:`Plan.origin`).
    """
    problems = _Problems()
    if data is None:
        return None, ("the file is empty; a plan file needs an [agreement] table",)
    table = _table(data, "", problems)
    if table is None:
        return None, tuple(problems.items)
    _check_keys(table, "", ("agreement", "amendments"), problems)
    agreement: object | None = None
    if table.get("agreement") is None:
        problems.add(
            "agreement: missing; expected an [agreement] table with company, dated and "
            "[[agreement.provisions]]"
        )
    else:
        agreement = _record(
            RightsAgreement,
            table["agreement"],
            "agreement",
            _AGREEMENT_FIELDS,
            "provisions",
            PROVISION_KINDS,
            problems,
        )
    amendments: list[Amendment] = []
    raw = table.get("amendments")
    items = [] if raw is None else _list(raw, "amendments", problems)
    seen: dict[int, int] = {}
    for index, item in enumerate(items or []):
        path = _join("amendments", index)
        amendment = _record(
            Amendment, item, path, _AMENDMENT_FIELDS, "changes", CHANGE_KINDS, problems
        )
        if isinstance(amendment, Amendment):
            if amendment.restates:
                # Amendments after a restatement are numbered anew: Plan checks the numbers
                # to each agreement once the instruments are in the order they apply.
                seen = {}
            first = None if amendment.number is None else seen.setdefault(amendment.number, index)
            if first is not None and first != index:
                problems.add(
                    f"{path}.number: {amendment.number} is also the number of amendments[{first}]; "
                    "amendment numbers must be unique"
                )
            amendments.append(amendment)
    if problems.items or not isinstance(agreement, RightsAgreement):
        return None, tuple(problems.items)
    try:
        return Plan(agreement, tuple(amendments), origin=origin), ()
    except RightsPlanError as error:
        return None, (f"the history does not hold together: {error}",)


# --- writing -------------------------------------------------------------------------------


def _fields_to_table(obj: object, specs: tuple[FieldSpec, ...]) -> dict[str, object]:
    table: dict[str, object] = {}
    for spec in specs:
        value = getattr(obj, spec.name)
        if value is None or (not spec.required and value == spec.default):
            continue
        table[spec.name] = spec.codec.write(value)
    return table


def change_to_table(change: Change) -> dict[str, object]:
    """One change as a table: its ``kind``, then every field not at its default."""
    kind = type(change)
    return {"kind": KIND_NAMES[kind], **_fields_to_table(change, _CHANGE_FIELDS[kind])}


def plan_to_data(plan: Plan) -> dict[str, object]:
    """A plan as plain data (dicts, lists, text, integers, booleans and dates) for a file."""
    agreement = _fields_to_table(plan.agreement, _AGREEMENT_FIELDS)
    agreement["provisions"] = [change_to_table(change) for change in plan.agreement.provisions]
    data: dict[str, object] = {"agreement": agreement}
    if plan.amendments:
        amendments = []
        for amendment in plan.amendments:
            table = _fields_to_table(amendment, _AMENDMENT_FIELDS)
            table["changes"] = [change_to_table(change) for change in amendment.changes]
            amendments.append(table)
        data["amendments"] = amendments
    return data
