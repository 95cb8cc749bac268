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
* a name of at most 12 bytes (inline in its view) that is printable ASCII without leading,
  trailing or doubled spaces, most names, is matched word at a time: its key is its two
  words with A to Z lower-cased (a few bit operations on each word, no byte loop), compared
  with each of its plan's names as two words (the plan's names in one 64-byte record each),
  and the one-edit test is done on the words too; any other name takes the byte loop;
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
_PENDING = -4
"""A holder code while the loop runs: the name is left to the byte-by-byte loop."""
NEAR_UNKNOWN = -1
"""A row's near bits when they were not worked out in the loop (the Python path does)."""
_MOST_NAMES = 62
"""A plan with more names than this has its near matches found by the Python path."""
_RECORD = 8
"""Words per name in :attr:`PlanNames.records`."""
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


def _words(texts: Sequence[bytes]) -> np.ndarray:
    """Each of ``texts`` as two little-endian words (low, high), or zeros if longer than 16."""
    words = np.zeros(2 * max(len(texts), 1), dtype=np.uint64)
    for index, text in enumerate(texts):
        if len(text) <= 16:
            padded = text.ljust(16, b"\x00")
            words[2 * index] = int.from_bytes(padded[:8], "little")
            words[2 * index + 1] = int.from_bytes(padded[8:], "little")
    return words


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
        key_words = _words(keys).view(np.int64)
        squashed_words = _words(squashed).view(np.int64)
        records = np.zeros((max(len(keys), 1), _RECORD), dtype=np.int64)
        records[: len(keys), 0] = [len(key) for key in keys]
        records[:, 1], records[:, 2] = key_words[0::2], key_words[1::2]
        records[: len(keys), 3] = [len(text) for text in squashed]
        records[:, 4], records[:, 5] = squashed_words[0::2], squashed_words[1::2]
        records[: len(keys), 6] = ids
        records[: len(keys), 7] = nearable
        self.records = records.ravel()
        """Per name, what the loop's word-at-a-time path reads, in one 64-byte record: the
        key's length and two little-endian words (zero-padded; zeros for a key of more than
        16 bytes), the squashed form's likewise, the name id, whether near matches are looked
        for with it. A plan's names are adjacent: a row reads a few cache lines."""
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


_ONES = 0x0101010101010101
_HIGH = 0x8080808080808080
_LOW7 = 0x7F7F7F7F7F7F7F7F


@_jit(inline="always")
def _at_least(word: Any, byte: int) -> Any:
    """Bit 7 of each byte of ``word`` (all below 128) set where the byte is ``byte`` or more."""
    return ((word | np.uint64(_HIGH)) - np.uint64(byte * _ONES)) & np.uint64(_HIGH)


@_jit(inline="always")
def _nonzero(word: Any) -> Any:
    """Bit 7 of each byte of ``word`` set where the byte is not zero (exactly, any bytes)."""
    return (((word & np.uint64(_LOW7)) + np.uint64(_LOW7)) | word) & np.uint64(_HIGH)


@_jit(inline="always")
def _flags(word: Any) -> int:
    """How many bytes of ``word`` have bit 7 set, bit 7 being the only bits set."""
    return int(((word >> np.uint64(7)) * np.uint64(_ONES)) >> np.uint64(56))


@_jit(inline="always")
def _shifted(low: Any, high: Any, count: int) -> tuple[Any, Any]:
    """The 128-bit ``(low, high)`` shifted right by ``count`` bytes (0 to 16)."""
    if count == 0:
        return low, high
    if count < 8:
        bits = np.uint64(8 * count)
        return (low >> bits) | (high << (np.uint64(64) - bits)), high >> bits
    if count < 16:
        return high >> np.uint64(8 * (count - 8)), np.uint64(0)
    return np.uint64(0), np.uint64(0)


@_jit(inline="always")
def _one_edit_words(
    a_low: Any, a_high: Any, a_length: int, b_low: Any, b_high: Any, b_length: int
) -> bool:
    """:func:`_one_edit` on two texts of at most 16 bytes, held as zero-padded words.

    The same length: exactly one byte differs. One byte longer: past the first byte that
    differs, the longer text shifted by one byte is the shorter one.
    """
    if a_length > b_length:
        a_low, a_high, a_length, b_low, b_high, b_length = (
            b_low,
            b_high,
            b_length,
            a_low,
            a_high,
            a_length,
        )
    low_differ = _nonzero(a_low ^ b_low)
    high_differ = _nonzero(a_high ^ b_high)
    if a_length == b_length:
        return _flags(low_differ) + _flags(high_differ) == 1
    if b_length != a_length + 1:
        return False
    # The first byte that differs: the flags below the lowest one, counted.
    if low_differ:
        below = (low_differ & (np.uint64(0) - low_differ)) - np.uint64(1)
        first = _flags(below & np.uint64(_HIGH))
    else:
        below = (high_differ & (np.uint64(0) - high_differ)) - np.uint64(1)
        first = 8 + _flags(below & np.uint64(_HIGH))
    rest_a = _shifted(a_low, a_high, first)
    rest_b = _shifted(b_low, b_high, first + 1)
    same: bool = rest_a[0] == rest_b[0] and rest_a[1] == rest_b[1]
    return same


@_jit(inline="always")
def _squash_words(low: Any, high: Any, length: int) -> tuple[Any, Any]:
    """The letters and digits of a lower-cased ASCII text (at most 12 bytes), as words."""
    out_low = np.uint64(0)
    out_high = np.uint64(0)
    size = 0
    for k in range(length):
        byte = (low >> np.uint64(8 * k)) if k < 8 else (high >> np.uint64(8 * (k - 8)))
        byte &= np.uint64(0xFF)
        if np.uint64(48) <= byte <= np.uint64(57) or np.uint64(97) <= byte <= np.uint64(122):
            if size < 8:
                out_low |= byte << np.uint64(8 * size)
            else:
                out_high |= byte << np.uint64(8 * (size - 8))
            size += 1
    return out_low, out_high


@_jit(inline="always")
def _short_key(views32: np.ndarray, i: int, length: int) -> tuple[bool, Any, Any, Any, Any]:
    """Row ``i``'s name (at most 12 bytes) put in key form word at a time, if simple.

    Simple: printable ASCII without leading, trailing or doubled spaces (most names). Its
    key is then its bytes with A to Z lower-cased, as long as the name. Returns whether it
    is simple, the key's two words (zero-padded) and which bytes are the name's (bit 7 of
    each, per word). Anything else (white space to fold, a control or non-ASCII byte) is
    left to the byte loop.
    """
    low, high = _inline_at(views32, i, length)
    if length >= 8:
        real_low = np.uint64(_HIGH)
        real_high = ((np.uint64(1) << np.uint64(8 * (length - 8))) - np.uint64(1)) & np.uint64(
            _HIGH
        )
    else:
        real_low = ((np.uint64(1) << np.uint64(8 * length)) - np.uint64(1)) & np.uint64(_HIGH)
        real_high = np.uint64(0)
    high_bit = np.uint64(_HIGH)
    # Controls (tab and line breaks among them) and DEL; the padding bytes are zero, so the
    # flags are kept to the name's bytes.
    control = (
        ((_at_least(low, 0x20) ^ high_bit) | (_nonzero(low ^ np.uint64(0x7F * _ONES)) ^ high_bit))
        & real_low
    ) | (
        ((_at_least(high, 0x20) ^ high_bit) | (_nonzero(high ^ np.uint64(0x7F * _ONES)) ^ high_bit))
        & real_high
    )
    space_low = (_nonzero(low ^ np.uint64(0x20 * _ONES)) ^ high_bit) & real_low
    space_high = (_nonzero(high ^ np.uint64(0x20 * _ONES)) ^ high_bit) & real_high
    last = length - 1
    ends = (space_low & np.uint64(0x80)) | (
        (space_low >> np.uint64(8 * last + 7))
        if last < 8
        else (space_high >> np.uint64(8 * (last - 8) + 7))
    ) & np.uint64(1)
    doubled = (
        (space_low & (space_low << np.uint64(8)))
        | (space_high & (space_high << np.uint64(8)))
        | ((space_low >> np.uint64(63)) & (space_high >> np.uint64(7)) & np.uint64(1))
    )
    simple = ((low | high) & high_bit) == 0 and (control | ends | doubled) == 0
    low |= (_at_least(low, 0x41) & ~_at_least(low, 0x5B)) >> np.uint64(2)
    high |= (_at_least(high, 0x41) & ~_at_least(high, 0x5B)) >> np.uint64(2)
    return simple, low, high, real_low, real_high


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
    records: np.ndarray,
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
    # No name is longer than the data buffer holding it (or than a view's inline bytes):
    # scratch that large, rather than a pass over every view for the longest (untouched
    # memory costs nothing).
    longest = max(_INLINE, data.size)
    key = np.empty(longest, dtype=np.uint8)
    squashed = np.empty(longest, dtype=np.uint8)
    hidden = 0
    # Two loops, each small enough to run fast: the names matched word at a time, then the
    # others (marked _PENDING, no list allocated) byte by byte.
    waiting = 0
    for i in range(name_out.size):
        name_out[i] = 0
        own_out[i] = -1
        near_out[i] = 0
        length = views32[4 * i]
        if length <= _INLINE:
            short, low, high, real_low, real_high = _short_key(views32, i, length)
            if short and issuer[i] < first.size - 1:
                # Word at a time: the key is the name's bytes lower-cased, compared with the
                # plan's names as two words each; the one-edit test on words too.
                plan = issuer[i]
                low_name = first[plan]
                high_name = first[plan + 1]
                signed_low = np.int64(low)
                signed_high = np.int64(high)
                own = -1
                for j in range(low_name, high_name):
                    at = _RECORD * j
                    if (
                        records[at] == length
                        and records[at + 1] == signed_low
                        and records[at + 2] == signed_high
                    ):
                        name_out[i] = records[at + 6]
                        own = j - low_name
                        own_out[i] = own
                        break
                if high_name == low_name:
                    continue
                if not simple[plan]:
                    near_out[i] = NEAR_UNKNOWN
                    continue
                # Letters and digits: how many; which, when a name's squashed form is as long.
                alnum_low = (
                    (_at_least(low, 0x30) & ~_at_least(low, 0x3A))
                    | (_at_least(low, 0x61) & ~_at_least(low, 0x7B))
                ) & real_low
                alnum_high = (
                    (_at_least(high, 0x30) & ~_at_least(high, 0x3A))
                    | (_at_least(high, 0x61) & ~_at_least(high, 0x7B))
                ) & real_high
                squashed_size = _flags(alnum_low) + _flags(alnum_high)
                squashed_made = False
                squashed_low = signed_low
                squashed_high = signed_high
                bits = 0
                for j in range(low_name, high_name):
                    at = _RECORD * j
                    if not records[at + 7] or j - low_name == own:
                        continue
                    near = False
                    if squashed_size > 0 and records[at + 3] == squashed_size:
                        if not squashed_made and (alnum_low != real_low or alnum_high != real_high):
                            made_low, made_high = _squash_words(low, high, length)
                            squashed_low = np.int64(made_low)
                            squashed_high = np.int64(made_high)
                        squashed_made = True
                        near = records[at + 4] == squashed_low and records[at + 5] == squashed_high
                    if not near:
                        other = records[at]
                        if min(length, other) >= edit_length and abs(length - other) <= 1:
                            near = _one_edit_words(
                                low,
                                high,
                                length,
                                np.uint64(records[at + 1]),
                                np.uint64(records[at + 2]),
                                other,
                            )
                    if near:
                        bits |= 1 << (j - low_name)
                near_out[i] = bits
                continue
        name_out[i] = _PENDING
        waiting += 1
    for i in range(name_out.size if waiting else 0):
        if name_out[i] != _PENDING:
            continue
        name_out[i] = 0
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
        names.records,
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
