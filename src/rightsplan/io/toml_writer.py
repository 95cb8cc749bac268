"""A small TOML writer for plain data: tables, arrays of tables, text, integers, booleans, dates.

The standard library reads TOML (:mod:`tomllib`) but does not write it. Plan files need only
a small part of TOML, so rightsplan writes it itself rather than depend on a package: keys,
basic strings with every control character escaped, integers, booleans, local dates, inline
arrays of scalars, inline tables of scalars (a table of scalars inside another table, as an
unknown term's bounds are written) and (arrays of) tables, nested. Anything else is a
:class:`TypeError`.
Round trips through :func:`tomllib.loads` are property-tested.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

__all__ = ["dumps"]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def _string(value: str) -> str:
    out = []
    for char in value:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _string(key)


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, dt.datetime):
        raise TypeError("TOML writer: date-times are not part of the plan-file schema")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(item) for item in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{_key(k)} = {_scalar(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"TOML writer: cannot write {type(value).__name__}")


def _is_table_array(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, Mapping) for v in value)


def _inline(value: object, path: tuple[str, ...]) -> bool:
    """Whether a table is written inline: one of scalars only, inside another table."""
    return (
        bool(path)
        and isinstance(value, Mapping)
        and not any(isinstance(v, Mapping) or _is_table_array(v) for v in value.values())
    )


def _emit(table: Mapping[str, object], path: tuple[str, ...], lines: list[str]) -> None:
    subtables = []
    for key, value in table.items():
        if _inline(value, path):
            lines.append(f"{_key(key)} = {_scalar(value)}")
        elif isinstance(value, Mapping) or _is_table_array(value):
            subtables.append((key, value))
        else:
            lines.append(f"{_key(key)} = {_scalar(value)}")
    for key, value in subtables:
        name = ".".join(_key(part) for part in (*path, key))
        if isinstance(value, Mapping):
            lines.extend(["", f"[{name}]"])
            _emit(value, (*path, key), lines)
        else:
            assert isinstance(value, list)
            for item in value:
                lines.extend(["", f"[[{name}]]"])
                _emit(item, (*path, key), lines)


def dumps(data: Mapping[str, object]) -> str:
    """``data`` as a TOML document."""
    lines: list[str] = []
    _emit(data, (), lines)
    return "\n".join(lines).lstrip("\n") + "\n"
