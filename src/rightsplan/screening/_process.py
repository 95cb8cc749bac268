"""What screening keeps, and holds off, for the life of the process (private).

Two things, each needed in two places: the last call's result kept for a call with the very
same objects (checking the plans, preparing them), and the cyclic garbage collector held off
while plans are read or prepared.
"""

from __future__ import annotations

import contextlib
import gc
import operator
from collections.abc import Iterator, Sequence
from typing import Generic, TypeVar

__all__ = ["LastCall", "collector_off"]

_Value = TypeVar("_Value")


def _same_objects(known: Sequence[object], given: Sequence[object]) -> bool:
    """Whether the two lists hold the very same objects, in order (compared in C)."""
    return len(known) == len(given) and all(map(operator.is_, known, given))


class LastCall(Generic[_Value]):
    """The last result of a call, given back while it is called with the same arguments.

    An argument is a key, compared by equality, and lists of objects, compared by reference
    (in C: thousands of plans cost a pass of pointer comparisons, not a Python loop). The
    objects are held with the result, so that no other object can take their ids. One entry,
    replaced whole: a thread reads it once and sees a whole entry or none.
    """

    __slots__ = ("_entry",)

    def __init__(self) -> None:
        self._entry: tuple[object, tuple[Sequence[object], ...], _Value] | None = None

    def get(self, key: object, *objects: Sequence[object]) -> _Value | None:
        """The result kept for ``key`` and ``objects``, or ``None``."""
        entry = self._entry  # one read: another thread may replace it
        if entry is None:
            return None
        known_key, known_objects, value = entry
        if (
            known_key == key
            and len(known_objects) == len(objects)
            and all(map(_same_objects, known_objects, objects))
        ):
            return value
        return None

    def put(self, value: _Value, key: object, *objects: Sequence[object]) -> None:
        """Keep ``value`` as the result for ``key`` and ``objects``."""
        self._entry = (key, objects, value)

    def clear(self) -> None:
        """Forget the result (as in a new process)."""
        self._entry = None


@contextlib.contextmanager
def collector_off(*, freeze: bool = False) -> Iterator[None]:
    """Run the block with the cyclic garbage collector off; switched back on after if it was.

    Reading and preparing plans makes hundreds of thousands of objects in no cycles, which
    young collections would walk for nothing; a full collection made due meanwhile falls
    after the block, not inside it (put off, not saved). With ``freeze``, the objects alive
    at the end are then moved out of the collector's sight (:func:`gc.freeze`), for a
    process that keeps them to its end: no later full collection walks them again.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if collecting:
            gc.enable()
