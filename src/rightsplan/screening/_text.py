"""Text issuer and holder columns read in place, by a compiled loop over Arrow's string views.

A text column is what a CSV (and most Parquet files) gives. Turning ten million strings into
codes by hashing them all into a dictionary (or an Enum) costs several times the verdicts
themselves; yet a row needs little: its issuer's index among the plans, and whether its
holder's name is one of the *few* names its own plan uses. So the loop reads each string
where polars keeps it (an Arrow string view: 16 bytes per row, the string inline when it has
at most 12 bytes, else a pointer into a data buffer), without a copy and without a Python
pass over the distinct names:

* the issuer is looked up, byte for byte, in a small open-addressing table of the plans'
  issuer ids (exact, as a cast to an Enum of them is);
* the holder's name, when ASCII, is put in :func:`rightsplan._check.name_key` form as it is
  read (ASCII letters lower-cased, white space runs made one space, ends trimmed: for ASCII
  text exactly what ``name_key`` does) and compared with the names *its issuer's plan*
  uses, in any period; the same pass tells which of those names it nearly matches
  (:func:`rightsplan._check.near_names`: the same letters and digits, or one edit away),
  so the ``near_match`` column needs Python only for the few rows near a name;
* a control character in an ASCII name is reported (such a name is refused), and a name
  with any non-ASCII byte is left to the exact Python path (Unicode folding), which reads
  only the distinct names of those rows.

Used when numba is installed (see :mod:`rightsplan.screening.kernel`); the numpy path
dictionary-encodes the column instead. Both are checked against :func:`rightsplan.assess`
by the same property tests.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import polars as pl

from rightsplan import _check
from rightsplan.plan import Plan
from rightsplan.screening.kernel import _jit, _read_only

__all__ = [
    "FALLBACK",
    "HIDDEN",
    "NEAR_UNKNOWN",
    "IssuerTable",
    "PlanNames",
    "holder_rows",
    "issuer_rows",
    "views",
]

FALLBACK = -2
"""A holder code: the name has a non-ASCII byte; the Python path reads it."""
HIDDEN = -3
"""A holder code: the (ASCII) name has a control character; the name is refused."""
NEAR_UNKNOWN = -1
"""A row's near bits when they were not worked out in the loop (the Python path does)."""
_MOST_NAMES = 62
"""A plan with more names than this has its near matches found by the Python path."""
_INLINE = 12
"""Arrow keeps a string of at most this many bytes inside its 16-byte view."""
_FNV_OFFSET = -3750763034362895579  # 14695981039346656037 as a signed 64-bit integer
_FNV_PRIME = 1099511628211


def views(column: pl.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None:
    """A text column's Arrow string views and data, without copying the strings.

    ``(views as int32, views as bytes, data, start of each data buffer in data)``; ``None``
    when polars does not hand over string views (an older polars).
    """
    array = column.to_arrow(compat_level=pl.CompatLevel.newest())
    if str(array.type) != "string_view":
        return None
    buffers = array.buffers()
    offset = array.offset
    raw = np.frombuffer(buffers[1], dtype=np.uint8)[offset * 16 : (offset + len(array)) * 16]
    data_buffers = [
        np.frombuffer(buffer, dtype=np.uint8) if buffer is not None else np.zeros(0, np.uint8)
        for buffer in buffers[2:]
    ]
    if len(data_buffers) == 1:
        data = data_buffers[0]
        base = np.zeros(1, dtype=np.int64)
    elif data_buffers:
        # Rare (polars gives one buffer per chunk, and to_arrow rechunks): one copy.
        data = np.concatenate(data_buffers)
        sizes = np.array([buffer.size for buffer in data_buffers], dtype=np.int64)
        base = np.concatenate(([0], np.cumsum(sizes)[:-1])).astype(np.int64)
    else:
        data = np.zeros(1, dtype=np.uint8)
        base = np.zeros(1, dtype=np.int64)
    return raw.view(np.int32), raw, data, base


def _packed(texts: Sequence[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """``texts`` one after another, and where each starts (one more entry: the end)."""
    starts = np.zeros(len(texts) + 1, dtype=np.int64)
    starts[1:] = np.cumsum([len(text) for text in texts])
    packed = np.frombuffer(b"".join(texts) or b"\x00", dtype=np.uint8).copy()
    return packed, starts


def _fnv(text: bytes) -> int:
    """The loop's hash of ``text`` (64-bit FNV-1a, as a signed integer)."""
    value = _FNV_OFFSET
    for byte in text:
        value = ((value ^ byte) * _FNV_PRIME) & (2**64 - 1)
        if value >= 2**63:
            value -= 2**64
    return value


_GOLDEN = 0x9E3779B97F4A7C15
"""Fibonacci hashing's multiplier (2**64 over the golden ratio)."""
_WORD = 2**64 - 1


def _inline_words(text: bytes) -> tuple[int, int]:
    """A short text's bytes as Arrow's view holds them inline: two little-endian words."""
    padded = text.ljust(_INLINE, b"\x00")
    return int.from_bytes(padded[:8], "little"), int.from_bytes(padded[8:], "little")


def _inline_slot(low: int, high: int, length: int, shift: int) -> int:
    """The loop's first slot for a text of at most :data:`_INLINE` bytes (:func:`_inline_at`)."""
    mixed = ((low * _GOLDEN) & _WORD) ^ (high | length << 32)
    return ((mixed * _GOLDEN) & _WORD) >> shift


class IssuerTable:
    """The plans' issuer ids in an open-addressing table the loop looks them up in.

    An id of at most :data:`_INLINE` bytes is hashed from its two words (as a row's view
    holds it, so a row needs no pass over its bytes), a longer one by FNV-1a over its bytes.
    """

    def __init__(self, issuers: Sequence[str]) -> None:
        encoded = [issuer.encode() for issuer in issuers]
        self.count = len(encoded)
        self.bytes, self.starts = _packed(encoded)
        bits = max(4, (2 * len(encoded)).bit_length())
        size = 1 << bits
        self.shift = 64 - bits
        self.slots = np.zeros(size, dtype=np.int32)
        words = [_inline_words(text) if len(text) <= _INLINE else (0, 0) for text in encoded]
        # Stored as the signed 64-bit integers numba compares them as.
        self.low = np.array([low for low, _ in words], dtype=np.uint64).view(np.int64)
        self.high = np.array([high for _, high in words], dtype=np.uint64).view(np.int64)
        for index, text in enumerate(encoded):
            if len(text) <= _INLINE:
                slot = _inline_slot(*words[index], len(text), self.shift)
            else:
                slot = _fnv(text) & (size - 1)
            while self.slots[slot]:
                slot = (slot + 1) & (size - 1)
            self.slots[slot] = index + 1


class PlanNames:
    """Each plan's names (in any period), for the holder loop: keys, squashed forms, ids.

    ``first[p]:first[p + 1]`` are plan ``p``'s names (issuer order); for each, its
    :func:`~rightsplan._check.name_key` in UTF-8, its squashed form (letters and digits,
    the other half of :func:`~rightsplan._check.near_names`), its ``name_id`` among the
    intervals' names (0: it decides no rule) and whether near matches are looked for with
    it (the names :func:`rightsplan.assess.near_matches` reads). ``simple[p]``: whether the
    loop works out plan ``p``'s near bits (all its names ASCII and at most
    :data:`_MOST_NAMES`); else the Python path does.
    """

    def __init__(
        self, plans: Mapping[str, Plan], issuers: Sequence[str], name_ids: Mapping[str, int]
    ) -> None:
        keys: list[bytes] = []
        squashed: list[bytes] = []
        ids: list[int] = []
        nearable: list[bool] = []
        first = [0]
        simple: list[bool] = []
        self.local: list[dict[str, int]] = []
        """Per plan, the local index of each name key (a near bit's position)."""
        for issuer in issuers:
            found: dict[str, bool] = {}
            for period in plans[issuer].timeline():
                terms = period.terms
                for exception in terms.exceptions:
                    for name in exception.names():
                        found[_check.name_key(name)] = True
                for exemption in terms.exemptions:
                    found[_check.name_key(exemption.name)] = True
                    for name in exemption.names():
                        found.setdefault(_check.name_key(name), False)
            local: dict[str, int] = {}
            for key, near in found.items():
                local[key] = len(local)
                keys.append(key.encode())
                squashed.append(_check._squashed(key).encode())
                ids.append(name_ids.get(key, 0))
                nearable.append(near)
            self.local.append(local)
            simple.append(len(found) <= _MOST_NAMES and all(key.isascii() for key in found))
            first.append(first[-1] + len(found))
        self.first = np.array(first, dtype=np.int64)
        self.key_bytes, self.key_starts = _packed(keys)
        self.squashed_bytes, self.squashed_starts = _packed(squashed)
        self.ids = np.array(ids or [0], dtype=np.int32)
        self.nearable = np.array(nearable or [False], dtype=np.bool_)
        self.simple = np.array(simple, dtype=np.bool_)
        self.any = bool(keys)


@_jit(inline="always")
def _inline_at(views32: np.ndarray, i: int, length: int) -> tuple[Any, Any]:
    """Row ``i``'s inline text (at most :data:`_INLINE` bytes) as two words, past its end 0."""
    low = np.uint64(np.uint32(views32[4 * i + 1])) | (
        np.uint64(np.uint32(views32[4 * i + 2])) << np.uint64(32)
    )
    high = np.uint64(np.uint32(views32[4 * i + 3]))
    # Arrow leaves the bytes after a short string unspecified: cleared here, not trusted.
    if length < 8:
        low &= (np.uint64(1) << np.uint64(8 * length)) - np.uint64(1)
        high = np.uint64(0)
    else:
        high &= (np.uint64(1) << np.uint64(8 * (length - 8))) - np.uint64(1)
    return low, high


@_jit(nogil=True, boundscheck=False)
def _issuer_loop(
    views32: np.ndarray,
    views8: np.ndarray,
    data: np.ndarray,
    base: np.ndarray,
    key_bytes: np.ndarray,
    key_starts: np.ndarray,
    key_low: np.ndarray,
    key_high: np.ndarray,
    slots: np.ndarray,
    shift: int,
    missing_code: int,
    out: np.ndarray,
) -> int:
    """Each row's issuer index (``missing_code``: no plan); returns how many rows have none."""
    mask = slots.size - 1
    missing = 0
    for i in range(out.size):
        length = views32[4 * i]
        found = -1
        if length <= _INLINE:
            # Short (issuer ids mostly are): hashed and compared as two words, no byte loop.
            low, high = _inline_at(views32, i, length)
            mixed = (low * np.uint64(_GOLDEN)) ^ (high | (np.uint64(length) << np.uint64(32)))
            slot = np.int64((mixed * np.uint64(_GOLDEN)) >> np.uint64(shift))
            signed_low = np.int64(low)
            signed_high = np.int64(high)
            while slots[slot]:
                index = slots[slot] - 1
                if (
                    key_starts[index + 1] - key_starts[index] == length
                    and key_low[index] == signed_low
                    and key_high[index] == signed_high
                ):
                    found = index
                    break
                slot = (slot + 1) & mask
        else:
            text = data
            start = base[views32[4 * i + 2]] + views32[4 * i + 3]
            value = _FNV_OFFSET
            for k in range(length):
                value = (value ^ text[start + k]) * _FNV_PRIME
            slot = np.int64(value & mask)
            while slots[slot]:
                index = slots[slot] - 1
                first = key_starts[index]
                if key_starts[index + 1] - first == length:
                    same = True
                    for k in range(length):
                        if key_bytes[first + k] != text[start + k]:
                            same = False
                            break
                    if same:
                        found = index
                        break
                slot = (slot + 1) & mask
        if found < 0:
            out[i] = missing_code
            missing += 1
        else:
            out[i] = found
    return missing


@_jit(inline="always")
def _one_edit(a: np.ndarray, a_length: int, b: np.ndarray, b_start: int, b_length: int) -> bool:
    """:func:`rightsplan._check._one_edit` on bytes (ASCII text: a byte is a character)."""
    if a_length == b_length:
        differ = 0
        for k in range(a_length):
            if a[k] != b[b_start + k]:
                differ += 1
                if differ > 1:
                    return False
        return differ == 1
    if a_length == b_length + 1:  # one left out of a
        k = 0
        while k < b_length and a[k] == b[b_start + k]:
            k += 1
        for m in range(k, b_length):  # noqa: SIM110  # numba compiles no generator
            if a[m + 1] != b[b_start + m]:
                return False
        return True
    if b_length == a_length + 1:  # one left out of b
        k = 0
        while k < a_length and a[k] == b[b_start + k]:
            k += 1
        for m in range(k, a_length):  # noqa: SIM110  # numba compiles no generator
            if a[m] != b[b_start + m + 1]:
                return False
        return True
    return False


@_jit(nogil=True, boundscheck=False)
def _holder_loop(
    views32: np.ndarray,
    views8: np.ndarray,
    data: np.ndarray,
    base: np.ndarray,
    issuer: np.ndarray,
    first: np.ndarray,
    key_bytes: np.ndarray,
    key_starts: np.ndarray,
    squashed_bytes: np.ndarray,
    squashed_starts: np.ndarray,
    ids: np.ndarray,
    nearable: np.ndarray,
    simple: np.ndarray,
    edit_length: int,
    name_out: np.ndarray,
    own_out: np.ndarray,
    near_out: np.ndarray,
) -> int:
    """Each row's name id (or FALLBACK, HIDDEN), own local name (-1) and near bits.

    Returns how many rows hold a hidden character.
    """
    longest = 1
    for i in range(name_out.size):
        longest = max(longest, views32[4 * i])
    key = np.empty(longest, dtype=np.uint8)
    squashed = np.empty(longest, dtype=np.uint8)
    hidden = 0
    for i in range(name_out.size):
        name_out[i] = 0
        own_out[i] = -1
        near_out[i] = 0
        length = views32[4 * i]
        if length <= _INLINE:
            text = views8
            start = 16 * i + 4
        else:
            text = data
            start = base[views32[4 * i + 2]] + views32[4 * i + 3]
        # name_key for ASCII text: lower-cased, white space runs one space, ends trimmed.
        size = 0
        squashed_size = 0
        space = False
        state = 0
        for k in range(length):
            byte = text[start + k]
            if byte >= 128:
                state = FALLBACK
                break
            if byte == 9 or byte == 10 or byte == 13 or byte == 32:
                space = True
                continue
            if byte < 32 or byte == 127:
                state = HIDDEN
                break
            if space and size > 0:
                key[size] = 32
                size += 1
            space = False
            if 65 <= byte <= 90:
                byte += 32
            key[size] = byte
            size += 1
            if 48 <= byte <= 57 or 97 <= byte <= 122:
                squashed[squashed_size] = byte
                squashed_size += 1
        if state != 0:
            name_out[i] = state
            hidden += state == HIDDEN
            near_out[i] = NEAR_UNKNOWN
            continue
        plan = issuer[i]
        if plan >= first.size - 1:  # an issuer with no plan (refused afterwards)
            continue
        low = first[plan]
        high = first[plan + 1]
        for j in range(low, high):
            at = key_starts[j]
            if key_starts[j + 1] - at == size:
                same = True
                for k in range(size):
                    if key[k] != key_bytes[at + k]:
                        same = False
                        break
                if same:
                    name_out[i] = ids[j]
                    own_out[i] = j - low
                    break
        if high == low:
            continue
        if not simple[plan]:
            near_out[i] = NEAR_UNKNOWN
            continue
        bits = 0
        for j in range(low, high):
            if not nearable[j] or j - low == own_out[i]:
                continue
            at = squashed_starts[j]
            near = False
            if squashed_size > 0 and squashed_starts[j + 1] - at == squashed_size:
                near = True
                for k in range(squashed_size):
                    if squashed[k] != squashed_bytes[at + k]:
                        near = False
                        break
            if not near:
                at = key_starts[j]
                other = key_starts[j + 1] - at
                if min(size, other) >= edit_length:
                    near = _one_edit(key, size, key_bytes, at, other)
            if near:
                bits |= 1 << (j - low)
        near_out[i] = bits
    return hidden


def issuer_rows(
    table: IssuerTable, found: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray], part: slice
) -> tuple[np.ndarray, int]:
    """Each row's issuer index (the number of plans: no plan), and how many have none."""
    views32, views8, data, base = found
    out = np.empty(part.stop - part.start, dtype=np.uint32)
    inputs = [
        _read_only(value)
        for value in (
            views32[4 * part.start : 4 * part.stop],
            views8[16 * part.start : 16 * part.stop],
            data,
            base,
            table.bytes,
            table.starts,
            table.low,
            table.high,
            table.slots,
        )
    ]
    loop: Any = _issuer_loop
    missing = loop(*inputs, table.shift, table.count, out)
    return out, int(missing)


def holder_rows(
    names: PlanNames,
    found: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
    issuer: np.ndarray,
    part: slice,
    name_out: np.ndarray,
    own_out: np.ndarray,
    near_out: np.ndarray,
) -> int:
    """Fill the name id, own name and near bits of each row of ``part``; count hidden names."""
    views32, views8, data, base = found
    inputs: list[Any] = [
        views32[4 * part.start : 4 * part.stop],
        views8[16 * part.start : 16 * part.stop],
        data,
        base,
        issuer[part],
        names.first,
        names.key_bytes,
        names.key_starts,
        names.squashed_bytes,
        names.squashed_starts,
        names.ids,
        names.nearable,
        names.simple,
    ]
    loop: Any = _holder_loop
    return int(
        loop(
            *(_read_only(value) for value in inputs),
            _check.NEAR_EDIT_LENGTH,
            name_out[part],
            own_out[part],
            near_out[part],
        )
    )
