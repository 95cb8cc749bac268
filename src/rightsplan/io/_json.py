"""JSON read strictly: a key repeated in one object is an error naming its line (private).

Every JSON reader (plan files, events files, holdings rows) goes through :func:`loads`, so a
repeated key is refused the same way everywhere rather than the last value silently winning.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

__all__ = ["DuplicateKeyError", "loads"]


class DuplicateKeyError(ValueError):
    """A key appears twice in one object; the message names the line and column if found."""


class _Repeated(Exception):
    """Raised by the fast pass to abandon it; the slow pass then finds where."""


def _refuse_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    table = dict(pairs)
    if len(table) != len(pairs):
        raise _Repeated
    return table


def loads(text: str, *, parse_float: Callable[[str], object] | None = None) -> object:
    """Parse JSON text, refusing a key that appears twice in one object.

    ``parse_float`` reads a number with a fraction or an exponent from its text, as
    :func:`json.loads` does (``decimal.Decimal`` reads it exactly); the default is ``float``.
    Raises :class:`json.JSONDecodeError` for malformed text and :class:`DuplicateKeyError`
    ("line 3, column 5: the key 'company' appears twice in one object (first on line 2)").
    """
    try:
        return json.loads(text, object_pairs_hook=_refuse_repeats, parse_float=parse_float)
    except _Repeated:
        pass
    # The C decoder keeps no positions, so only a file that has a repeat pays for a second
    # pass with the pure-Python scanner, which lets us see where each object starts.
    raise DuplicateKeyError(_where_repeated(text)) from None


def _where_repeated(text: str) -> str:
    """Describe the first repeated key in ``text`` (which is known to have one)."""
    try:
        found = _Walk(text).value(0)
    except (RecursionError, ValueError, IndexError):  # pragma: no cover - the fast pass parsed it
        found = None
    if found is None:  # pragma: no cover - the fast pass found a repeat
        return "a key appears twice in one object"
    at, key, first = found
    earlier = _line_column(text, first)
    if _line(text, first) == _line(text, at):
        earlier = earlier.partition(", ")[2]
    repeated = f"the key {key!r} appears twice in one object"
    return f"{_line_column(text, at)}: {repeated} (first at {earlier})"


_SPACE = re.compile(r"[ \t\n\r]*")
_SCALARS = json.JSONDecoder()


class _Walk:
    """Walk well-formed JSON text, in order, to the first key repeated in its object.

    Only the public ``raw_decode`` is used, for strings and scalars; objects and arrays are
    walked here so that every key's offset is known.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.at = 0

    def skip(self) -> str:
        match = _SPACE.match(self.text, self.at)
        assert match is not None  # the pattern matches the empty string
        self.at = match.end()
        return self.text[self.at]

    def value(self, at: int) -> tuple[int, str, int] | None:
        """From ``at``, the first repeat as (offset, key, offset of its first use), or None."""
        self.at = at
        opening = self.skip()
        if opening == "{":
            return self.members()
        if opening == "[":
            self.at += 1
            if self.skip() == "]":
                self.at += 1
                return None
            while True:
                found = self.value(self.at)
                if found is not None:
                    return found
                closing = self.skip()
                self.at += 1
                if closing == "]":
                    return None
        _, self.at = _SCALARS.raw_decode(self.text, self.at)
        return None

    def members(self) -> tuple[int, str, int] | None:
        seen: dict[str, int] = {}
        self.at += 1
        if self.skip() == "}":
            self.at += 1
            return None
        while True:
            self.skip()
            key_at = self.at
            key, self.at = _SCALARS.raw_decode(self.text, key_at)
            if key in seen:
                return key_at, key, seen[key]
            seen[key] = key_at
            self.skip()  # the colon
            found = self.value(self.at + 1)
            if found is not None:
                return found
            closing = self.skip()
            self.at += 1
            if closing == "}":
                return None


def _line(text: str, at: int) -> int:
    return text.count("\n", 0, at) + 1


def _line_column(text: str, at: int) -> str:
    return f"line {_line(text, at)}, column {at - text.rfind(chr(10), 0, at)}"
