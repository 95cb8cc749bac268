"""A minimal TOML writer for plan-file fragments (private).

Writes tables, arrays of tables, basic strings (every control character escaped), integers,
booleans, local dates and inline arrays of those. Anything else is a :class:`TypeError`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

__all__ = ["dumps"]

_BARE = re.compile(r"[A-Za-z0-9_-]+")
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
    return key if _BARE.fullmatch(key) else _string(key)


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, dt.datetime):
        raise TypeError("TOML writer: date-times are not written, only dates")
    if isinstance(value, dt.date):
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_scalar(item) for item in value) + "]"
    raise TypeError(f"TOML writer: cannot write a {type(value).__name__}")


def _table_array(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, Mapping) for v in value)


def _emit(table: Mapping[str, object], path: tuple[str, ...], lines: list[str]) -> None:
    nested: list[tuple[str, object]] = []
    for key, value in table.items():
        if isinstance(value, Mapping) or _table_array(value):
            nested.append((key, value))
        elif value is not None:
            lines.append(f"{_key(key)} = {_scalar(value)}")
    for key, value in nested:
        here = (*path, _key(key))
        if isinstance(value, Mapping):
            lines.extend(["", f"[{'.'.join(here)}]"])
            _emit(value, here, lines)
        else:
            assert isinstance(value, list)
            for element in value:
                lines.extend(["", f"[[{'.'.join(here)}]]"])
                _emit(element, here, lines)


def dumps(data: Mapping[str, object]) -> str:
    """``data`` as TOML text.

    >>> import datetime, tomllib
    >>> text = dumps({"a": {"b": datetime.date(2003, 11, 24), "c": [{"d": 'x"y'}]}})
    >>> tomllib.loads(text) == {"a": {"b": datetime.date(2003, 11, 24), "c": [{"d": 'x"y'}]}}
    True
    """
    lines: list[str] = []
    _emit(data, (), lines)
    return "\n".join(lines).lstrip("\n") + "\n"
