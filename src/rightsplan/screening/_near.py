"""The screen's ``near_match`` column: names a plan uses that a holder's nearly matches (private).

The answer for a row is :func:`rightsplan.assess.near_matches` of the terms on its date, as
``rightsplan check`` reports it. Asking that of every row would cost a Python call per row,
so rows are first narrowed down in bulk: a holder can only be near a name its issuer's plan
uses in some period, and two near names share a key of
:func:`rightsplan._check.near_index_keys`. Only the rows left (few: likely misspellings)
are asked.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import polars as pl

from rightsplan import _check
from rightsplan.dates import to_date
from rightsplan.plan import Plan, effective_terms
from rightsplan.screening import kernel
from rightsplan.screening.intervals import FIRST_DAY

__all__ = ["NEAR_MATCH", "NearNames"]

_EPOCH = dt.date(1970, 1, 1)
_MOST_ANSWERS = 1 << 16
_DENSE_USES = 1 << 24
"""The largest plans-by-names table kept as booleans (else its pairs are searched)."""
"""Answers kept between calls (:meth:`NearNames._answer`), at most."""

NEAR_MATCH = pl.List(pl.String)
"""The column's type: the names, in the order the terms give them; null when none."""


def _plan_names(plan: Plan) -> set[str]:
    """Every name the plan's terms use, in any period: exceptions' holders and members."""
    names: set[str] = set()
    read: set[int] = set()  # the sequences of clauses read (a replay's terms share them)
    for _, terms in effective_terms(plan):  # the timeline's terms, without its periods
        exceptions, exemptions = terms.exceptions, terms.exemptions
        if id(exceptions) not in read:
            read.add(id(exceptions))
            names.update(name for exception in exceptions for name in exception.names())
        if id(exemptions) not in read:
            read.add(id(exemptions))
            names.update(exemption.name for exemption in exemptions)  # and Exempt Persons
    return names


@kernel._jit(nogil=True, boundscheck=False)
def _flag_near(
    suspects: np.ndarray,
    set_of_row: np.ndarray,
    issuer: np.ndarray,
    offsets: np.ndarray,
    members: np.ndarray,
    uses: np.ndarray,
    width: int,
    out: np.ndarray,
) -> int:
    """The suspect rows near a name their own plan uses, in order, into ``out``; how many."""
    count = 0
    for i in suspects:
        near = set_of_row[i]
        base = issuer[i] * width
        for k in range(offsets[near], offsets[near + 1]):
            if uses[base + members[k]]:
                out[count] = i
                count += 1
                break
    return count


_GOLDEN = 0x9E3779B97F4A7C15
"""Fibonacci hashing's multiplier (2**64 over the golden ratio)."""


@kernel._jit(inline="always")
def _slot(key: int, shift: int) -> Any:
    """``key``'s first slot in a table of ``2**(64 - shift)`` slots (Fibonacci hashing)."""
    return np.int64((np.uint64(key) * np.uint64(_GOLDEN)) >> np.uint64(shift))


@kernel._jit(nogil=True, boundscheck=False)
def _fill_pairs(
    offsets: np.ndarray,
    members: np.ndarray,
    name_first: np.ndarray,
    name_plans: np.ndarray,
    n_plans: int,
    shift: int,
    slots: np.ndarray,
    plan_bits: np.ndarray,
) -> None:
    """Put ``set * n_plans + plan + 1`` in ``slots`` for every plan using a name of the set.

    And in ``plan_bits[set]``, bit ``plan % 64`` of each such plan: a row whose plan's bit
    is not set is near no name its plan uses, without a probe of the (large) table.
    """
    mask = slots.size - 1
    for near in range(1, offsets.size - 1):
        for k in range(offsets[near], offsets[near + 1]):
            name = members[k]
            for j in range(name_first[name], name_first[name + 1]):
                plan_bits[near] |= np.uint64(1) << np.uint64(name_plans[j] & 63)
                key = near * n_plans + name_plans[j] + 1
                slot = _slot(key, shift)
                while slots[slot] != 0 and slots[slot] != key:
                    slot = (slot + 1) & mask
                slots[slot] = key


@kernel._jit(nogil=True, boundscheck=False)
def _flag_near_coded(
    codes: np.ndarray,
    set_of_code: np.ndarray,
    issuer: np.ndarray,
    n_plans: int,
    shift: int,
    slots: np.ndarray,
    plan_bits: np.ndarray,
    out: np.ndarray,
) -> int:
    """The rows near a name their own plan uses, in order, into ``out``; how many.

    A row's near set is read through its code; its plan's bit in the set's ``plan_bits``
    (:func:`_fill_pairs`) rules most rows out; for the others the pair (set, plan) is
    looked up in the open-addressing table :func:`_fill_pairs` made, not a look-up per
    name of the set (few, but a branch each).
    """
    mask = slots.size - 1
    count = 0
    for i in range(codes.size):
        near = set_of_code[codes[i]]
        if near == 0:
            continue
        if not (plan_bits[near] >> np.uint64(issuer[i] & 63)) & np.uint64(1):
            continue
        key = near * n_plans + issuer[i] + 1
        slot = _slot(key, shift)
        while slots[slot] != 0:
            if slots[slot] == key:
                out[count] = i
                count += 1
                break
            slot = (slot + 1) & mask
    return count


def _list_column(
    rows: int, at: np.ndarray, which: np.ndarray, answers: Sequence[list[str] | None]
) -> pl.Series:
    """The ``near_match`` column: ``answers[which[k]]`` on row ``at[k]`` (ascending), else null.

    Built as one Arrow list array (offsets, validity, the few names) rather than by gathering
    a list column a million times: nearly every row is null, and a gather copies each row.
    """
    import pyarrow as pa  # type: ignore[import-untyped]  # pyarrow ships no stubs

    if not at.size:
        return NearNames.nothing(rows)
    lengths = np.array([len(answer) if answer else 0 for answer in answers], dtype=np.int64)
    first = np.zeros(len(answers) + 1, dtype=np.int64)
    np.cumsum(lengths, out=first[1:])
    names = pa.array([name for answer in answers if answer for name in answer], pa.string())
    size = lengths[which]
    # 64-bit offsets (a large list): what polars keeps, so it takes them without a copy.
    # They are constant between the rows with an answer: one run each, written in one pass
    # (no row-sized temporaries).
    ends = np.zeros(at.size + 1, dtype=np.int64)
    np.cumsum(size, out=ends[1:])
    runs = np.diff(np.concatenate(([0], at + 1, [rows + 1])))
    offsets = np.repeat(ends, runs)
    # The names of the rows with an answer, in row order: answer k's names are
    # names[first[k]:first[k + 1]].
    within = np.arange(int(size.sum()), dtype=np.int64) - np.repeat(ends[:-1], size)
    values = names.take(pa.array(np.repeat(first[which], size) + within))
    # The validity bits of the few rows with an answer, set in a zeroed bitmap.
    present = at[np.array([answer is not None for answer in answers], dtype=np.bool_)[which]]
    validity = np.zeros((rows + 7) // 8, dtype=np.uint8)
    np.bitwise_or.at(validity, present >> 3, (1 << (present & 7)).astype(np.uint8))
    array = pa.Array.from_buffers(
        pa.large_list(pa.string()),
        rows,
        [pa.py_buffer(validity), pa.py_buffer(offsets)],
        null_count=rows - present.size,
        children=[values],
    )
    column = pl.from_arrow(array)
    assert isinstance(column, pl.Series)
    if column.dtype != NEAR_MATCH:
        column = column.cast(NEAR_MATCH)
    return column.alias("near_match")


_UNKNOWN: Any = object()
"""Not answered yet."""


def _remember(known: dict[Any, list[str] | None], key: Any, answer: list[str] | None) -> None:
    """Keep ``answer`` under ``key`` (at most :data:`_MOST_ANSWERS` kept)."""
    if len(known) > _MOST_ANSWERS:
        known.clear()
    known[key] = answer


def _marked(bits: int, bit_of: Mapping[str, int]) -> Callable[[str], bool]:
    """Whether a key's bit (a plan's name, :class:`rightsplan.screening._text.PlanNames`) is set."""

    def near(key: str) -> bool:
        return bool(bits >> bit_of.get(key, 63) & 1)

    return near


def _among(ids: frozenset[int], id_of: Mapping[str, int]) -> Callable[[str], bool]:
    """Whether a key's id is one of ``ids``."""

    def near(key: str) -> bool:
        return id_of.get(key, 0) in ids

    return near


class NearNames:
    """The plans' names, indexed to find the rows whose holder is near one of them."""

    def __init__(self, plans: Mapping[str, Plan], issuers: Sequence[str]) -> None:
        self.plans = [plans[issuer] for issuer in issuers]
        self.ids: dict[str, int] = {}  # a named key's id (1, 2, ...)
        self.index: dict[str, list[int]] = {}  # near_index_keys -> ids
        ids = self.ids
        numbers: list[int] = []  # the (plan number, name id) pairs, as two columns
        named: list[int] = []
        for number, plan in enumerate(self.plans):
            for name in sorted(_plan_names(plan)):
                key = _check.name_key(name)
                id_ = ids.get(key)
                if id_ is None:
                    id_ = ids[key] = len(ids) + 1
                    for found in _check.near_index_keys(name):
                        self.index.setdefault(found, []).append(id_)
                numbers.append(number)
                named.append(id_)
        self.width = len(self.ids) + 1
        self.spelled: list[str] = ["", *self.ids]
        """Each id's key (the key is enough: whether a name is near one depends on its key)."""
        self.pairs = np.unique(
            np.array(numbers, dtype=np.int64) * self.width + np.array(named, dtype=np.int64)
        )
        by_name = np.sort((self.pairs % self.width) * len(self.plans) + self.pairs // self.width)
        self.name_plans = by_name % max(len(self.plans), 1)
        """The plans using each name id, ascending: name ``i``'s are
        ``name_plans[name_first[i]:name_first[i + 1]]``."""
        self.name_first = np.searchsorted(
            by_name, np.arange(self.width + 1, dtype=np.int64) * len(self.plans)
        ).astype(np.int64)
        self._pairs_of_sets: (
            tuple[int, int, np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None
        ) = None
        """For the sets made so far (their number first): the shift, the (set, plan) table
        of :func:`_fill_pairs`, the sets' offsets and members as arrays, their plan bits."""
        self.uses: np.ndarray | None = None
        """Whether plan ``p`` uses name id ``i``, at ``p * width + i`` (when small enough)."""
        if len(self.plans) * self.width <= _DENSE_USES:
            self.uses = np.zeros(len(self.plans) * self.width, dtype=np.bool_)
            self.uses[self.pairs] = True
        # Near sets, by holder name: 0 is none; set i is the names its holders nearly match,
        # members[offsets[i]:offsets[i + 1]], and the name they are (own[i], 0 if none).
        self.set_of_name: dict[str, int] = {}
        self.set_of_ids: dict[tuple[int, tuple[int, ...]], int] = {(0, ()): 0}
        self.members: list[int] = []
        self.offsets: list[int] = [0, 0]
        self.own: list[int] = [0]
        self.answers: dict[tuple[int, int, str | None, object], list[str] | None] = {}
        """Answers by (plan, interval start, own name, near names): see :meth:`_answer`."""
        self.by_set: dict[tuple[int, int], list[str] | None] = {}
        self.by_bits: dict[tuple[int, int, int], list[str] | None] = {}
        """The same answers by (interval, near set) and by (interval, own name, near bits), as
        :meth:`column` and :meth:`from_bits` group rows: one dictionary look-up a group
        (intervals and near sets are numbered for good: sets are only ever added)."""

    def _set(self, name: str) -> int:
        found = self.set_of_name.get(name)
        if found is not None:
            return found
        own = self.ids.get(_check.name_key(name), 0)
        candidates = {
            id_
            for key in _check.near_index_keys(name)
            for id_ in self.index.get(key, ())
            if id_ != own
        }
        # Only the names it is near (a shared index key only makes them candidates).
        near = tuple(
            sorted(id_ for id_ in candidates if _check.near_names(name, [self.spelled[id_]]))
        )
        number = 0
        if near:
            number = self.set_of_ids.get((own, near), -1)
            if number < 0:
                number = self.set_of_ids[(own, near)] = len(self.offsets) - 1
                self.members.extend(near)
                self.offsets.append(len(self.members))
                self.own.append(own)
        if len(self.set_of_name) > _MOST_ANSWERS:
            self.set_of_name.clear()
        self.set_of_name[name] = number
        return number

    def sets_of(self, names: list[str | None]) -> np.ndarray:
        """Each name's candidate set (0: none), as a table for coded columns."""
        return np.array([0 if name is None else self._set(name) for name in names], np.int64)

    def text_sets(self, holder: pl.Series) -> np.ndarray:
        """Each row's candidate set, for a text column: each distinct name looked up once."""
        text = holder.cast(pl.String)
        distinct = text.unique().drop_nulls()
        sets = self.sets_of(distinct.to_list())
        if not sets.any():
            return np.zeros(len(text), np.int64)
        return text.replace_strict(
            distinct, pl.Series(sets), default=0, return_dtype=pl.Int64
        ).to_numpy()

    def from_bits(
        self,
        bits: np.ndarray,
        own: np.ndarray,
        issuer: np.ndarray,
        day: np.ndarray,
        periods_of: Callable[[np.ndarray, np.ndarray], np.ndarray],
        starts: np.ndarray,
        local: Sequence[Mapping[str, int]],
        holder: pl.Series,
    ) -> pl.Series:
        """The ``near_match`` column from the compiled text loop's near bits.

        ``bits[row]`` marks the names of the row's plan (``local[plan]``: key to bit) that
        its holder nearly matches, in any period (-1: not worked out; such rows take
        :meth:`column`); ``own[row]`` is the plan's name the holder *is* (-1: none). The
        answer for a row then depends only on its interval, own name and bits: one
        :func:`~rightsplan.assess.near_matches`-equivalent answer per distinct triple.
        ``periods_of(issuer, day)`` gives rows' intervals, ``starts`` the intervals' first
        days (``FIRST_DAY``: before the agreement, no terms).
        """
        rows = len(holder)
        unknown = np.flatnonzero(bits < 0)
        near = np.flatnonzero(bits > 0)
        if not unknown.size and not near.size:
            return self.nothing(rows)
        answers: list[list[str] | None] = []
        answered: list[np.ndarray] = []
        answer_of: list[np.ndarray] = []
        if near.size:
            plan = issuer[near].astype(np.int64)
            period = periods_of(plan, day[near])
            keys = np.stack([period, own[near].astype(np.int64), bits[near]], axis=1)
            groups, first, inverse = np.unique(keys, axis=0, return_index=True, return_inverse=True)
            known = self.by_bits
            for (period_id, own_id, group_bits), at in zip(
                groups.tolist(), first.tolist(), strict=True
            ):
                answer = known.get((period_id, own_id, group_bits), _UNKNOWN)
                if answer is _UNKNOWN:
                    number = int(plan[at])
                    bit_of = local[number]
                    answer = self._answer(
                        number,
                        int(starts[period_id]),
                        list(bit_of)[own_id] if own_id >= 0 else None,
                        ("bits", group_bits),
                        functools.partial(_marked, group_bits, bit_of),
                    )
                    _remember(known, (period_id, own_id, group_bits), answer)
                answers.append(answer)
            answered.append(near)
            answer_of.append(inverse.ravel().astype(np.int64))
        if unknown.size:
            found = self.column(
                self.text_sets(holder.gather(unknown)),
                issuer[unknown],
                day[unknown],
                periods_of,
                starts,
            ).to_list()
            answered.append(unknown)
            answer_of.append(np.arange(len(answers), len(answers) + len(found), dtype=np.int64))
            answers.extend(found)
        rows_at = np.concatenate(answered)
        order = np.argsort(rows_at, kind="stable")
        return _list_column(rows, rows_at[order], np.concatenate(answer_of)[order], answers)

    def _answer(
        self,
        plan: int,
        start: int,
        own: str | None,
        marker: object,
        near_of: Callable[[], Callable[[str], bool]],
    ) -> list[str] | None:
        """:func:`~rightsplan.assess.near_matches` for one kind of holder of one interval.

        The interval is the plan's that begins on day ``start``; the holder's name has the
        key ``own`` (``None``: no name a plan uses) and nearly matches the names whose keys
        ``near_of()`` accepts (``marker`` says which, for the memo; made only when the answer
        is not remembered). As ``near_matches``: nothing
        when the terms use the holder's own name; else the names the terms use that it is
        near, each key once, by its first spelling, in the terms' order.
        """
        memo = (plan, start, own, marker)
        if memo in self.answers:
            return self.answers[memo]
        answer: list[str] | None = None
        if start != FIRST_DAY:
            terms = self.plans[plan].terms_at(
                to_date(_EPOCH + dt.timedelta(days=start), what="date")
            )
            named = [name for exception in terms.exceptions for name in exception.names()]
            named.extend(exemption.name for exemption in terms.exemptions)
            keys: dict[str, str] = {}
            for name in named:
                keys.setdefault(_check.name_key(name), name)
            if own not in keys:
                near = near_of()
                answer = [name for key, name in keys.items() if near(key)] or None
        _remember(self.answers, memo, answer)
        return answer

    def _near_set(self, set_id: int) -> Callable[[str], bool]:
        """Whether a key is one of near set ``set_id``'s names."""
        return _among(
            frozenset(self.members[self.offsets[set_id] : self.offsets[set_id + 1]]), self.ids
        )

    @staticmethod
    def nothing(rows: int) -> pl.Series:
        """A column of ``rows`` nulls: no near match anywhere."""
        return pl.Series("near_match", dtype=NEAR_MATCH).extend_constant(None, rows)

    def column(
        self,
        set_of_row: np.ndarray,
        issuer: np.ndarray,
        day: np.ndarray,
        periods_of: Callable[[np.ndarray, np.ndarray], np.ndarray],
        starts: np.ndarray,
        *,
        codes: np.ndarray | None = None,
    ) -> pl.Series:
        """The ``near_match`` column of a screened batch.

        ``set_of_row`` is each row's near set (:meth:`sets_of`, :meth:`text_sets`), or with
        ``codes`` (a coded column's physical codes) each code's, ``set_of_row[codes]`` being
        the rows' (read in the same pass, not gathered first); ``issuer`` each row's plan
        index, ``day`` its day number; ``periods_of(issuer, day)`` gives rows' intervals,
        ``starts`` the intervals' first days. The answer of a row depends only on its
        interval and near set: it is worked out once per pair.
        """
        rows = set_of_row.size if codes is None else codes.size
        if not set_of_row.any():
            return self.nothing(rows)
        if codes is not None and kernel.available():
            shift, slots, plan_bits = self._set_plan_table()
            found = np.empty(rows, dtype=np.int64)
            flag_all: Any = _flag_near_coded
            # int32: the table is read at random, once per row; the narrower, the more of it
            # stays in cache.
            narrow = set_of_row.astype(np.int32)
            count = flag_all(codes, narrow, issuer, len(self.plans), shift, slots, plan_bits, found)
            flagged = found[:count]
            set_of_row = np.take(set_of_row, codes[flagged])
            issuer, day = issuer[flagged], day[flagged]
            flagged_rows = flagged
            flagged = np.arange(count)
        else:
            if codes is not None:
                set_of_row = np.take(set_of_row, codes)
            flagged_rows = self._flagged(set_of_row, issuer)
            flagged = flagged_rows
        if not flagged.size:
            return self.nothing(rows)
        plan = issuer[flagged].astype(np.int64)
        period = periods_of(plan, day[flagged])
        keys = np.stack([period, set_of_row[flagged].astype(np.int64)], axis=1)
        groups, first, inverse = np.unique(keys, axis=0, return_index=True, return_inverse=True)
        answers: list[list[str] | None] = []
        known = self.by_set
        for (period_id, set_id), at in zip(groups.tolist(), first.tolist(), strict=True):
            answer = known.get((period_id, set_id), _UNKNOWN)
            if answer is _UNKNOWN:
                answer = self._answer(
                    int(plan[at]),
                    int(starts[period_id]),
                    self.spelled[self.own[set_id]] if self.own[set_id] else None,
                    ("set", set_id),
                    functools.partial(self._near_set, set_id),
                )
                _remember(known, (period_id, set_id), answer)
            answers.append(answer)
        return _list_column(rows, flagged_rows, inverse.ravel().astype(np.int64), answers)

    def _arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """The near sets' offsets and members as arrays (remade only when sets were added)."""
        kept = self._pairs_of_sets
        if kept is not None and kept[0] == len(self.offsets):
            return kept[3], kept[4]
        return np.array(self.offsets, dtype=np.int64), np.array(self.members, dtype=np.int64)

    def _set_plan_table(self) -> tuple[int, np.ndarray, np.ndarray]:
        """The (near set, plan) pairs where the plan uses a name of the set, hashed.

        Remade when sets were added since (names not seen before); the shift, the slots and
        each set's plan bits (:func:`_fill_pairs`).
        """
        kept = self._pairs_of_sets
        if kept is not None and kept[0] == len(self.offsets):
            return kept[1], kept[2], kept[5]
        offsets, members = self._arrays()
        plans_per_name = self.name_first[members + 1] - self.name_first[members]
        bits = max(4, (2 * int(plans_per_name.sum()) + 1).bit_length())
        slots = np.zeros(1 << bits, dtype=np.int64)
        plan_bits = np.zeros(max(offsets.size - 1, 1), dtype=np.uint64)
        fill: Any = _fill_pairs
        fill(
            offsets,
            members,
            self.name_first,
            self.name_plans,
            len(self.plans),
            64 - bits,
            slots,
            plan_bits,
        )
        self._pairs_of_sets = (len(self.offsets), 64 - bits, slots, offsets, members, plan_bits)
        return 64 - bits, slots, plan_bits

    def _flagged(self, set_of_row: np.ndarray, issuer: np.ndarray) -> np.ndarray:
        """The rows whose near set holds a name their own plan uses, in order."""
        suspects = np.flatnonzero(set_of_row)
        if not suspects.size:
            return suspects
        offsets, members = self._arrays()
        if self.uses is not None and kernel.available():
            # Compiled: each suspect row's near names against its plan's, no temporaries.
            found = np.empty(suspects.size, dtype=np.int64)
            flag: Any = _flag_near
            count = flag(
                suspects, set_of_row, issuer, offsets, members, self.uses, self.width, found
            )
            flagged = found[:count]
        else:
            start = offsets[set_of_row[suspects]]
            count = offsets[set_of_row[suspects] + 1] - start
            # Each suspect row once per name it is near: is that a name its issuer's plan uses?
            row = np.repeat(suspects, count)
            within = np.arange(row.size) - np.repeat(np.cumsum(count) - count, count)
            candidate = members[np.repeat(start, count) + within]
            pair = issuer[row].astype(np.int64) * self.width + candidate
            used = self.uses[pair] if self.uses is not None else np.isin(pair, self.pairs)
            flagged = np.unique(row[used])
        return flagged
