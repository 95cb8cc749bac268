"""The per-row work of screening as a compiled loop (numba), when numba is installed.

:func:`rightsplan.screen` does the same few steps for every position: map its issuer and
holder codes to the plans' issuer index and name id, find its interval, its holder class's
rule, and the verdict in exact integers. Done as whole-column numpy operations, each step
makes a pass over memory with temporaries of its own (about forty passes); compiled, a chunk
of rows takes two: one finds each row's rule, the next its verdict (split so that each loop
stays small enough to run fast). The loop releases the GIL and is run on chunks of rows in a
thread pool, like the numpy path it stands in for.

The arithmetic is that of :func:`rightsplan.screening.exact.verdict_int64`, exact in 64 bits
under the same bound (counts below ``2**62``, units at most
:data:`~rightsplan.screening.exact.INT64_UNIT_BOUND`). Where the plain products fit, which the
per-rule limits ``direct_max`` say (``num * o`` for the crossing line, ``s * WU`` and
``WN * o`` for the warn line), they are formed directly, with one division instead of two or
none; otherwise the decomposition ``o = q * U + r`` of the module proof is used. Both give
the same integers: the direct forms are the definitions themselves (``max_shares`` is
``floor((num * o - a) / U)``, the warn line ``s * WU >= WN * o``), used only where
``direct_max`` guarantees each product is at most ``2**63 - 1``. The property tests check
both forms against :func:`rightsplan.assess` row for row, counts up to ``2**60`` included,
for the compiled loop and the numpy path alike.

The one division per row, ``floor(line / U)`` with ``line = num * o - a``, is done by
:func:`floor_divide` in doubles with an exact correction when ``line < 2**53``.

The numpy path is used instead when numba cannot be imported, or when the environment
variable ``RIGHTSPLAN_NO_JIT`` is set to a non-empty value. The compiled loop is cached on
disk (numba's ``cache=True``) so it is compiled once per installation.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

import numpy as np

from rightsplan import rules

__all__ = ["HAS_NUMBA", "available", "direct_limits", "floor_divide", "screen_rows"]


def _import_numba() -> Any:
    try:
        import numba
    except ImportError:  # the numpy path is used instead
        return None
    return numba


_numba = _import_numba()
HAS_NUMBA = _numba is not None
"""Whether numba is installed (``RIGHTSPLAN_NO_JIT`` may still switch the loop off)."""

_INT64_MAX = 2**63 - 1
_EXACT_IN_DOUBLE = 2**53
"""Every integer below this is a double exactly."""

_Function = TypeVar("_Function", bound=Callable[..., Any])


def _jit(**options: object) -> Callable[[_Function], _Function]:
    """Compile with numba (lazily, at the first call) when it is installed; else leave as is."""

    def decorate(function: _Function) -> _Function:
        if _numba is None:
            return function
        compiled: _Function = _numba.njit(cache=True, **options)(function)
        return compiled

    return decorate


@_jit(inline="always")
def floor_divide(line: int, unit: int) -> int:
    """``line // unit`` for ``-1 <= line < 2**53`` and ``1 <= unit < 2**32``, in doubles.

    Integer division is slow; here the double quotient is truncated, then corrected once,
    exactly. Both operands are doubles exactly, and the correctly rounded quotient is never
    below an integer the true quotient reaches, so truncated it is the floor or one more
    (for ``line = -1``, 0 instead of -1); the exact remainder says which.
    """
    quotient = np.int64(np.float64(line) / np.float64(unit))
    left = line - quotient * unit
    if left < 0:
        quotient -= 1
    elif left >= unit:
        quotient += 1
    return int(quotient)


_holder_class = _jit(inline="always")(rules.holder_class)
""":func:`rightsplan.rules.holder_class`, compiled into the loop."""


@_jit(nogil=True, boundscheck=False)
def _loop(
    issuer_codes: np.ndarray,
    issuer_table: np.ndarray,
    holder_codes: np.ndarray,
    holder_table: np.ndarray,
    day: np.ndarray,
    shares: np.ndarray,
    outstanding: np.ndarray,
    passive: np.ndarray,
    kind: np.ndarray,
    rights: np.ndarray,
    rights_later: np.ndarray,
    derivatives: np.ndarray,
    starts: np.ndarray,
    first_period: np.ndarray,
    period_count: np.ndarray,
    rights_mode: np.ndarray,
    derivatives_counted: np.ndarray,
    pair_keys: np.ndarray,
    pair_start: np.ndarray,
    n_names: int,
    n_periods: int,
    other_kind: int,
    classes_per_interval: int,
    rule_of_class: np.ndarray,
    rule_special: np.ndarray,
    rule_num: np.ndarray,
    rule_unit: np.ndarray,
    rule_a: np.ndarray,
    rule_warn_num: np.ndarray,
    rule_warn_unit: np.ndarray,
    direct_max: np.ndarray,
    issuer_out: np.ndarray,
    rule_out: np.ndarray,
    status_out: np.ndarray,
    max_out: np.ndarray,
    headroom_out: np.ndarray,
    counted_out: np.ndarray,
    total_out: np.ndarray,
) -> int:
    """Fill the outputs for every row; return how many rows have an issuer with no plan."""
    unknown = 0
    named = holder_table.size > 0 and pair_keys.size > 0
    has_passive = passive.size > 0
    has_kind = kind.size > 0
    has_rights = rights.size > 0
    has_later = rights_later.size > 0
    has_derivatives = derivatives.size > 0
    extras = counted_out.size > 0
    # First pass: each row's rule (and, with rights or derivatives, its counts).
    for i in range(day.size):
        issuer = issuer_table[issuer_codes[i]]
        if issuer < 0:
            unknown += 1
            issuer = 0
        # The interval: the last of the issuer's periods starting on or before the day (its
        # first, "before adoption", starts before any day). Counted rather than searched:
        # issuers have few periods, and a count has no branch to mispredict.
        first = first_period[issuer]
        today = day[i]
        later = 0
        for j in range(first + 1, first + period_count[issuer]):
            later += starts[j] <= today
        period = first + later
        sub = _holder_class(
            kind[i] if has_kind else other_kind, passive[i] if has_passive else False
        )
        slot = period * classes_per_interval + sub
        if named:
            name = holder_table[holder_codes[i]]
            if name > 0:
                # Searched among the names this interval's terms use (few), not all pairs.
                key = period * n_names + name
                low = pair_start[period]
                high = pair_start[period + 1]
                end = high
                while low < high:
                    middle = (low + high) >> 1
                    if pair_keys[middle] < key:
                        low = middle + 1
                    else:
                        high = middle
                if low < end and pair_keys[low] == key:
                    slot = (n_periods + low) * classes_per_interval + sub
        issuer_out[i] = issuer
        rule_out[i] = rule_of_class[slot]
        if extras:
            mode = rights_mode[period]
            added = 0
            if has_rights and mode >= 1:
                added += rights[i]
            if has_later and mode == 2:
                added += rights_later[i]
            held = shares[i] + added
            if has_derivatives and derivatives_counted[period]:
                held += derivatives[i]
            counted_out[i] = held
            total_out[i] = outstanding[i] + added
    # Second pass: the verdict of each row under its rule.
    counted = counted_out if extras else shares
    totals = total_out if extras else outstanding
    for i in range(day.size):
        rule = rule_out[i]
        held = counted[i]
        total = totals[i]
        num = rule_num[rule]
        unit = rule_unit[rule]
        if total <= direct_max[rule * 3]:
            line = num * total - rule_a[rule]
            max_shares = floor_divide(line, unit) if line < _EXACT_IN_DOUBLE else line // unit
        else:
            q = total // unit
            r = total - q * unit
            max_shares = num * q + (num * r - rule_a[rule] + unit) // unit - 1
        warn_num = rule_warn_num[rule]
        warn_unit = rule_warn_unit[rule]
        if held <= direct_max[rule * 3 + 1] and total <= direct_max[rule * 3 + 2]:
            warns = held * warn_unit >= warn_num * total
        else:
            q = total // warn_unit
            r = total - q * warn_unit
            warns = held >= warn_num * q + (warn_num * r + warn_unit - 1) // warn_unit
        crosses = held > max_shares
        # clear 0, warning 1, triggered 2; an exempt or inactive rule's own status wins.
        status_out[i] = max(rule_special[rule], 2 * crosses + (warns and not crosses))
        max_out[i] = max_shares
        headroom_out[i] = max_shares - held
    return unknown


def direct_limits(
    num: np.ndarray, unit: np.ndarray, warn_num: np.ndarray, warn_unit: np.ndarray
) -> np.ndarray:
    """Per rule, how large the counts may be for the loop to form the plain products.

    Three limits per rule, interleaved: the largest ``o`` with ``num * o`` in 64 bits, the
    largest ``s`` with ``s * WU``, and the largest ``o`` with ``WN * o``.

    Up to them the loop forms the plain products; ``num * o - a`` then needs ``num * o``
    to fit, and ``a`` is 0 or 1 (subtracted, so it cannot overflow either way).
    """
    limits = np.empty(num.size * 3, dtype=np.int64)
    for index, values in enumerate((num, warn_unit, warn_num)):
        limits[index::3] = [
            _INT64_MAX if value <= 0 else _INT64_MAX // int(value) for value in values.tolist()
        ]
    return limits


def available() -> bool:
    """Whether the compiled loop can be used (numba importable, not switched off)."""
    return _kernel() is not None


def _kernel() -> Callable[..., int] | None:
    if _numba is None or os.environ.get("RIGHTSPLAN_NO_JIT"):
        return None
    return _loop


_OUTPUTS = 7
"""The last arguments of :func:`_loop`, the arrays it writes."""


def _read_only(value: Any) -> Any:
    if isinstance(value, np.ndarray) and value.flags.writeable:
        value = value.view()
        value.flags.writeable = False
    return value


def screen_rows(*arguments: Any) -> int:
    """Run the compiled loop over one chunk (see :func:`_loop` for the arguments).

    The input arrays are passed as read-only views (those polars hands over are read-only
    already), so that one compiled version serves every call.
    """
    kernel = _kernel()
    assert kernel is not None, "screen_rows is only called when available() is true"
    inputs = [_read_only(value) for value in arguments[:-_OUTPUTS]]
    return int(kernel(*inputs, *arguments[-_OUTPUTS:]))
