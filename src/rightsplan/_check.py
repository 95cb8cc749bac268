"""Small eager validators shared by the value objects (private)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import TypeVar

from rightsplan.errors import InputTypeError, InvalidInputError

T = TypeVar("T")


def text(value: object, what: str) -> str:
    """Non-blank text, kept exactly as given."""
    if not isinstance(value, str):
        raise InputTypeError(f"{what}: expected text, got {value!r} of type {type(value).__name__}")
    if not value.strip():
        raise InvalidInputError(f"{what}: expected non-blank text, got {value!r}")
    return value


def optional_text(value: object, what: str) -> str | None:
    """Non-blank text or ``None``."""
    return None if value is None else text(value, what)


def whole_number(value: object, what: str) -> int:
    """An ``int`` (never a ``bool`` or a ``float``)."""
    if isinstance(value, bool) or not isinstance(value, int):
        hint = " (a float); share counts are whole numbers" if isinstance(value, float) else ""
        raise InputTypeError(
            f"{what}: expected a whole number, got {value!r} of type {type(value).__name__}{hint}"
        )
    return value


def flag(value: object, what: str) -> bool:
    """A ``bool``: ``true``/``false``, never a number or text that looks like one."""
    if not isinstance(value, bool):
        raise InputTypeError(f"{what}: expected true or false, got {value!r}")
    return value


def tuple_of(value: object, what: str, item: Callable[[object, str], T]) -> tuple[T, ...]:
    """A tuple from any iterable but a string, each item checked by ``item``."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InputTypeError(f"{what}: expected a list, got {value!r}")
    return tuple(item(element, f"{what}[{index}]") for index, element in enumerate(value))


@functools.lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """How names are matched: case and runs of white space do not matter."""
    return " ".join(name.split()).casefold()


def title(value: str | None) -> str | None:
    """An instrument's optional title (a converter for attrs fields)."""
    return optional_text(value, "title")


def document(value: str | None) -> str | None:
    """Where an instrument's text was read, optional (a converter for attrs fields)."""
    return optional_text(value, "document")


def note(value: str | None) -> str | None:
    """An optional note for readers (a converter for attrs fields)."""
    return optional_text(value, "note")
