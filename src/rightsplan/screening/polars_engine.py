"""The polars engine: positions joined to the plans' intervals, verdicts in exact integers.

The join is an as-of join on issuer and date, done as array look-ups rather than a sort or
a hash join. The compiled loop counts the issuer's interval starts on or before the day; the
numpy path lays each issuer's starts out in one small table, a row per issuer padded to a
power of two, and finds a position's interval by counting, or by a branch-free binary
search of a few gathers from that table (when the table would be large, by
:func:`numpy.searchsorted` on ``(issuer, day)`` keys over the sorted interval starts). The
issuer is an integer code: an ``Enum``'s or a ``Categorical``'s physical code mapped
through a table built over its (few) categories, or text cast to an ``Enum`` of the plans'
issuers. A holder's name matters only if a plan names it, so names are matched (case-folded,
white space collapsed) only over the distinct names of the column, and each row gets a name
id by one gather. The row's holder class is then one integer, its rule one gather, and
:func:`rightsplan.screening.exact.verdict_int64` gives the verdict in 64-bit integers, with the
bound proven there; rows whose limit is too fine for it take the 128-bit path.

No position is looped over or sorted in Python. With numba installed, the per-row steps
(codes to issuer and name, interval, rule, verdict) run as one compiled loop,
:mod:`rightsplan.screening.kernel`; otherwise each is a numpy operation over whole columns.
Either way they run on chunks of rows in a thread pool (both release the GIL), and give the
same answers.
Validation is folded in: a few column reductions (null counts, minima, maxima) are checked
first, and only if one fails is the column-by-column check that names the first bad row
run.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from fractions import Fraction
from typing import Any, NoReturn

import numpy as np
import polars as pl

from rightsplan import _check
from rightsplan.errors import ScreenInputError
from rightsplan.plan import Plan
from rightsplan.report import screen_columns, screen_result_columns
from rightsplan.rules import (
    CLASSES_PER_INTERVAL,
    HOLDER_KINDS,
    RULE_KINDS,
    STATUSES,
    holder_class,
)
from rightsplan.screening import _text, exact, kernel
from rightsplan.screening._inputs import normalize, validate
from rightsplan.screening._near import NearNames
from rightsplan.screening._process import LastCall, collector_off
from rightsplan.screening._standings import STANDING_COLUMNS, judge, patched, rows_with_standing
from rightsplan.screening.intervals import FIRST_DAY, LAST_DAY, Intervals, materialize

__all__ = [
    "OUTPUT_COLUMNS",
    "RESULT_COLUMNS",
    "STATUSES",
    "Prepared",
    "prepare",
    "screen_batch",
]

STATUS = pl.Enum(list(STATUSES))
"""The ``status`` column's type: :data:`rightsplan.rules.STATUSES`, in the order of their codes."""
OUTPUT_COLUMNS = screen_columns()
"""The verdict columns every engine gives, in order, as :mod:`rightsplan.report` defines them.
:func:`rightsplan.screen` (and DuckDB) add ``near_match`` after them (:data:`RESULT_COLUMNS`);
``standing`` follows them when the positions have standing columns."""
RESULT_COLUMNS = screen_result_columns()
"""The columns of :func:`rightsplan.screen`'s result, in order (``near_match``, a column of
:data:`rightsplan.report.VERDICT_COLUMNS`, is last)."""

_DENSE_LIMIT = 1 << 24
"""The most entries a look-up table may have before binary search over sorted keys."""
_CHUNK_ROWS = 1 << 16
"""Rows per chunk of the per-row work (spread over the thread pool; small enough that the
temporaries stay in the CPU's cache)."""
_KERNEL_CHUNK_ROWS = 1 << 20
"""Rows per call of the compiled loop (it keeps nothing per row but its outputs)."""
_EMPTY_BOOL = np.zeros(0, dtype=np.bool_)
_EMPTY_BYTE = np.zeros(0, dtype=np.uint8)
_EMPTY_INT = np.zeros(0, dtype=np.int64)
_EMPTY_CODES = np.zeros(0, dtype=np.uint32)
"""Stand-ins for the optional columns a batch does not have (one compiled signature)."""
_NO_NAMES = pl.Series(dtype=pl.String)
_NO_TABLE = np.zeros(0, dtype=np.int64)
"""A Categorical column's remembered code table before there is one (see :func:`_coded`)."""
_LINEAR = 9
"""Up to this many intervals per issuer, a row's interval is found by counting starts."""
_NO_DAY = 2**31 - 1
"""Pads the interval-start table: later than any date polars can hold."""
_KIND_CODES = pl.Enum([kind.value for kind in HOLDER_KINDS])
_OTHER = [kind.value for kind in HOLDER_KINDS].index("other")
_CLASS_OF = np.array(
    [
        [holder_class(code, passive) for passive in (False, True)]
        for code in range(len(HOLDER_KINDS))
    ],
    dtype=np.int64,
)
"""The holder class of each (kind code, passive): :func:`rightsplan.rules.holder_class`."""
_FIRST_CLASS = holder_class(0, False)
_KIND_STRIDE = holder_class(1, False) - _FIRST_CLASS
_PASSIVE_STEP = holder_class(0, True) - _FIRST_CLASS
"""The class layout as arithmetic, for the numpy path (a gather from :data:`_CLASS_OF` is
several times slower); checked against the rulebook's own classes here."""
if not np.array_equal(
    _CLASS_OF,
    _FIRST_CLASS
    + np.arange(len(HOLDER_KINDS))[:, None] * _KIND_STRIDE
    + np.array([0, _PASSIVE_STEP]),
):
    raise AssertionError("rules.holder_class is no longer linear: use _CLASS_OF instead")
_SPECIAL = np.zeros(len(RULE_KINDS), dtype=np.uint8)
_SPECIAL[RULE_KINDS["inactive"]] = STATUSES.index("inactive")
_SPECIAL[RULE_KINDS["exempt"]] = STATUSES.index("exempt")
_SPECIAL[RULE_KINDS["judged"]] = STATUSES.index("uncertain")
"""A rule's status when it is no limit (inactive, exempt, judged), else 0: the row's status
is the larger of it and the limit's verdict (clear 0, warning 1, triggered 2). A judged
rule's rows come out "uncertain" and are then judged by the rulebook (:func:`screen_batch`)."""
_JUDGED = STATUSES.index("uncertain")
_LIMITED = STATUSES.index("exempt")
"""Statuses below this code are a limit's verdicts (clear, warning, triggered)."""


class Prepared:
    """The plans' intervals turned into the arrays the per-row look-ups gather from."""

    def __init__(self, intervals: Intervals, plans: Mapping[str, Plan]) -> None:
        self.intervals = intervals
        self.plans = dict(plans)
        """The plans by issuer id (rows with a standing are judged against their terms)."""
        periods = intervals.periods
        issuer_idx = periods["issuer_idx"].to_numpy().astype(np.int64)
        starts = periods["start"].cast(pl.Int32).to_numpy().astype(np.int64)
        n_periods = periods.height
        n_issuers = len(intervals.issuers)
        self.n_periods = n_periods
        # Periods are laid out issuer by issuer in order of start, each issuer's first period
        # being "before adoption" (start FIRST_DAY), so every day falls in one of them.
        counts = np.bincount(issuer_idx, minlength=n_issuers)
        self.first_period = np.concatenate(([0], np.cumsum(counts)[:-1])).astype(np.int64)
        self.period_count = counts.astype(np.int64)
        self.starts = starts.astype(np.int32)  # days fit: FIRST_DAY and LAST_DAY are int32
        self.most = int(counts.max())
        width = 1 << max(self.most - 1, 0).bit_length()
        self.width = width
        self.dense = n_issuers * width <= _DENSE_LIMIT
        if self.dense:
            position = np.arange(n_periods) - self.first_period[issuer_idx]
            table = np.full(n_issuers * width, _NO_DAY, dtype=np.int32)
            table[issuer_idx * width + position] = starts
            self.start_table = table
            period_of_slot = np.zeros(n_issuers * width, dtype=np.int64)
            period_of_slot[issuer_idx * width + position] = np.arange(n_periods)
            self.period_of_slot = period_of_slot
        else:
            self.period_keys = (issuer_idx << 32) + (starts + (1 << 31))
        self.rights_mode = periods["rights_mode"].to_numpy()
        self.derivatives_counted = periods["derivatives_counted"].to_numpy()

        keys, ids = intervals.names["name_key"].to_list(), intervals.names["name_id"].to_list()
        self.name_of_key: dict[str, int] = dict(zip(keys, ids, strict=True))
        # Every name id a holder can get is below n_names (the compiled loop indexes by it);
        # the named (period, name) pairs sorted, where each interval's begin among them, and
        # each class's rule: the intervals' generic classes, then each pair's.
        self.n_names, self.pair_keys, self.pair_start, self.rule_of_class = intervals.class_layout()

        rules = intervals.rules
        self.rule_wide = np.array(
            [
                not (
                    (unit is None or unit <= exact.INT64_UNIT_BOUND)
                    and (warn is None or warn <= exact.INT64_UNIT_BOUND)
                )
                for unit, warn in zip(rules["unit"], rules["warn_unit"], strict=True)
            ],
            dtype=bool,
        )
        self.wide = bool(self.rule_wide.any())
        self.rule_status = rules["status"].to_numpy().astype(np.int8)
        self.rule_special = _SPECIAL[self.rule_status]
        self.judging = bool(np.any(self.rule_status == RULE_KINDS["judged"]))
        """Whether a plan leaves a term unknown on some days: the rows of those days are
        judged by the rulebook, and the result has a ``reason`` column."""
        # 64-bit constants; a wide rule's are replaced by harmless ones (its rows are redone
        # in 128 bits), so that no 64-bit product can overflow.
        narrow = ~self.rule_wide
        self.rule_num = np.where(narrow, rules["num"].fill_null(0).to_numpy(), 0)
        self.rule_unit = np.where(narrow, rules["unit"].fill_null(1).to_numpy(), 1)
        self.rule_a = np.where(narrow, rules["at_least"].fill_null(False).to_numpy(), 0).astype(
            np.int64
        )
        self.rule_warn_num = np.where(narrow, rules["warn_num"].fill_null(0).to_numpy(), 0)
        self.rule_warn_unit = np.where(narrow, rules["warn_unit"].fill_null(1).to_numpy(), 1)
        self.direct_max = kernel.direct_limits(
            self.rule_num, self.rule_unit, self.rule_warn_num, self.rule_warn_unit
        )
        self.rules = rules
        self.rule_limit = _enum(rules["limit"])
        self.rule_comparison = rules["comparison"].cast(pl.Enum(["at-least", "more-than"]))
        self.rule_source = _enum(rules["source"])
        # A gather that yields nulls is several times slower than one that does not; so the
        # verdict columns are gathered from tables with their nulls filled in, and the nulls
        # put back by the row's status, where the status says exactly which rows have none:
        # a limit and its comparison for a limit's verdicts (clear, warning, triggered), a
        # source for all but "inactive". Checked here, rule by rule; else gathered as they are.
        limit_rule = self.rule_status == RULE_KINDS["limit"]
        inactive_rule = self.rule_status == RULE_KINDS["inactive"]
        self.masked = bool(
            np.array_equal(self.rule_limit.is_null().to_numpy(), ~limit_rule)
            and np.array_equal(self.rule_comparison.is_null().to_numpy(), ~limit_rule)
            and np.array_equal(self.rule_source.is_null().to_numpy(), inactive_rule)
        )
        self.rule_limit_filled = _filled(self.rule_limit)
        self.rule_comparison_filled = _filled(self.rule_comparison)
        self.rule_source_filled = _filled(self.rule_source)
        self.issuer_enum = pl.Enum(list(intervals.issuers))
        self.issuer_index = {name: number for number, name in enumerate(intervals.issuers)}
        self.issuer_text_table = np.append(np.arange(n_issuers, dtype=np.int64), -1)
        """Issuer codes of a text column (cast to :attr:`issuer_enum`, null as the last)."""
        self.issuer_values = pl.Series("issuer", intervals.issuers, dtype=self.issuer_enum)
        self.status_values = pl.Series("status", STATUSES, dtype=STATUS)
        self.near = NearNames(plans, intervals.issuers)
        """The plans' names, for the ``near_match`` column."""
        self._text_issuers: _text.IssuerTable | None = None
        self._plan_names: _text.PlanNames | None = None
        self.issuer_tables: dict[object, Any] = {}
        self.holder_tables: dict[object, Any] = {}
        """Code tables of the Categorical and Enum columns seen (see :func:`_coded_tables`)."""

    @property
    def text_issuers(self) -> _text.IssuerTable:
        """The issuer ids as the compiled text loop looks them up (built at first use)."""
        if self._text_issuers is None:
            self._text_issuers = _text.IssuerTable(self.intervals.issuers)
        return self._text_issuers

    @property
    def plan_names(self) -> _text.PlanNames:
        """Each plan's names as the compiled text loop matches them (built at first use)."""
        if self._plan_names is None:
            self._plan_names = _text.PlanNames(self.plans, self.intervals.issuers, self.name_of_key)
        return self._plan_names

    def periods_of(self, issuer: np.ndarray, day: np.ndarray) -> np.ndarray:
        """The interval of each row (always one: before adoption is an interval too)."""
        if self.dense and self.most <= _LINEAR:
            # Few intervals per issuer: count the starts on or before the day.
            base = issuer * self.width
            later = np.zeros(issuer.size, dtype=np.int64)
            for position in range(1, self.most):
                later += np.take(self.start_table, base + position) <= day
            return np.take(self.first_period, issuer) + later
        if self.dense:
            # A branch-free binary search within the issuer's row of the table.
            found = issuer * self.width
            step = self.width >> 1
            while step:
                candidate = found + step
                found = np.where(np.take(self.start_table, candidate) <= day, candidate, found)
                step >>= 1
            periods: np.ndarray = np.take(self.period_of_slot, found)
            return periods
        keys = (issuer << 32) + (np.clip(day.astype(np.int64), FIRST_DAY, LAST_DAY) + (1 << 31))
        after: np.ndarray = np.searchsorted(self.period_keys, keys, side="right")
        return after.astype(np.int64) - 1

    def rules_of(
        self, period: np.ndarray, name_id: np.ndarray | None, sub: np.ndarray
    ) -> np.ndarray:
        """The rule of each row's holder class: its interval, the name if named, kind, passive."""
        slot = period * CLASSES_PER_INTERVAL
        slot += sub
        if name_id is not None and self.pair_keys.size:
            named = np.flatnonzero(name_id)
            if named.size:
                key = period[named] * self.n_names + name_id[named]
                pair = np.searchsorted(self.pair_keys, key)
                hit = self.pair_keys[np.minimum(pair, self.pair_keys.size - 1)] == key
                slot[named[hit]] = (self.n_periods + pair[hit]) * CLASSES_PER_INTERVAL + sub[
                    named[hit]
                ]
        return np.take(self.rule_of_class, slot)

    def name_table(self, names: list[str | None]) -> np.ndarray:
        """The ``name_id`` of each of ``names`` (0 for a name no plan uses)."""
        known = self.name_of_key
        return np.array(
            [0 if name is None else known.get(_check.name_key(name), 0) for name in names],
            dtype=np.int64,
        )


def _filled(values: pl.Series) -> pl.Series:
    """``values`` with its nulls replaced by its first value (unchanged if all null)."""
    present = values.drop_nulls()
    return values.fill_null(present[0]) if len(present) else values


def _enum(values: pl.Series) -> pl.Series:
    categories = sorted({value for value in values.to_list() if value is not None})
    return values.cast(pl.Enum(categories))


_CACHED: LastCall[Prepared] = LastCall()
"""The last :func:`prepare` result, kept by its warn line, issuer ids and plans."""


def prepare(plans: Mapping[str, Plan], *, warn_at: Fraction) -> Prepared:
    """Materialize ``plans`` once, for screening any number of position batches.

    The last result is reused while the same plan objects are screened again under the same
    issuer ids and warn line (plans are immutable). Building it afresh is cheap where plans
    share shapes of terms (see :func:`~rightsplan.screening.intervals.materialize`).
    """
    issuers, values = tuple(plans), tuple(plans.values())
    known = _CACHED.get((warn_at, issuers), values)
    if known is not None:
        return known
    # The builder's short-lived containers are in no cycles: about a twentieth of the time
    # for 20,000 plans was young collections walking them for nothing.
    with collector_off():
        prepared = Prepared(materialize(plans, warn_at=warn_at), plans)
    _CACHED.put(prepared, (warn_at, issuers), values)
    return prepared


Categories = Callable[[list[str | None]], np.ndarray]
"""Gives the code of each of the names (a column's categories) in one of our tables."""


def _coded(
    column: pl.Series,
    dtype: pl.DataType,
    categories: Categories,
    memo: dict[object, Any],
    distinct: pl.Series | None = None,
) -> tuple[np.ndarray, np.ndarray] | None:
    """A Categorical or Enum column's physical codes and a table mapping them to our codes.

    ``categories(names)`` gives the code of each category; a row's code is the table's entry
    at its physical code (nulls read as code 0: callers check nulls separately). ``None``
    for a column of another type. See :func:`_coded_tables`.
    """
    found = _coded_tables(column, dtype, {"": categories}, memo, distinct)
    return None if found is None else (found[0], found[1][""])


def _coded_tables(
    column: pl.Series,
    dtype: pl.DataType,
    functions: Mapping[str, Categories],
    memo: dict[object, Any],
    distinct: pl.Series | None = None,
) -> tuple[np.ndarray, dict[str, np.ndarray]] | None:
    """A Categorical or Enum column's physical codes and a table per function of ``functions``.

    ``dtype`` is the column's type, read once by the caller (see :class:`_Batch`). The tables
    are checked against the column's categories once for all of them. ``None``
    for a column of another type; ``distinct``, a Categorical column's distinct non-null
    values if already found. The tables are kept in ``memo``, so that a call costs
    what the column does, not what polars' category list has grown to: by Enum categories
    (compared whole, without a Python pass), and for a Categorical by its Categories with
    the name each table entry was made for. polars frees the categories no column uses any
    more and gives their codes to new names, so the names of the codes the column uses are
    compared with those remembered (in bulk); only the codes whose name is new or changed
    are looked up.
    """
    if isinstance(dtype, pl.Enum):
        tables = _enum_tables(dtype, functions, memo)
    elif isinstance(dtype, pl.Categorical):
        tables = _categorical_tables(column, dtype, functions, memo, distinct)
    else:
        return None
    tables = {
        name: table if table.size else np.zeros(1, dtype=np.int64) for name, table in tables.items()
    }
    codes = column.to_physical().fill_null(0).to_numpy().astype(np.uint32, copy=False)
    return codes, tables


def _enum_tables(
    dtype: pl.Enum, functions: Mapping[str, Categories], memo: dict[object, Any]
) -> dict[str, np.ndarray]:
    """The code tables of an Enum: fixed by its categories (hashing an Enum walks them)."""
    names = dtype.categories
    kept: list[tuple[pl.Series, dict[str, np.ndarray]]] = memo.setdefault(("enum", len(names)), [])
    tables: dict[str, np.ndarray] | None = None
    for known, known_tables in kept:
        if known.equals(names):
            tables = known_tables
            break
    if tables is None:
        tables = {}
        kept.append((names, tables))
    missing = [name for name in functions if name not in tables]
    if missing:
        spelled = names.to_list()
        for name in missing:
            tables[name] = functions[name](spelled)
    return {name: tables[name] for name in functions}


def _categorical_tables(
    column: pl.Series,
    dtype: pl.Categorical,
    functions: Mapping[str, Categories],
    memo: dict[object, Any],
    given: pl.Series | None = None,
) -> dict[str, np.ndarray]:
    """The code tables of a Categorical column, checked for the codes the column uses.

    ``given``: the column's distinct non-null values, if already found.
    """
    distinct = _distinct(column) if given is None else given
    codes = distinct.to_physical().cast(pl.Int64).to_numpy()
    names = distinct.cast(pl.String)
    key = ("categorical", dtype.categories)
    known_names, known = memo.get(key, (_NO_NAMES, {}))
    size = max(len(known_names), int(codes.max()) + 1 if codes.size else 0)
    tables = dict(known)
    if size > len(known_names):
        grown = size - len(known_names)
        tables = {
            name: np.concatenate((table, np.zeros(grown, dtype=np.int64)))
            for name, table in tables.items()
        }
        known_names = known_names.extend_constant(None, grown)
    for name in functions:
        if name not in tables:  # a table not made before: for every name remembered
            tables[name] = np.zeros(size, dtype=np.int64)
            present = np.flatnonzero(known_names.is_not_null().to_numpy())
            if present.size:
                tables[name][present] = functions[name](known_names.gather(present).to_list())
    same = (known_names.gather(codes) == names).fill_null(False).to_numpy()
    if not same.all():
        stale = ~same
        fresh = names.filter(pl.Series(stale))
        spelled = fresh.to_list()
        # The tables not asked for now are dropped (made afresh when next asked for).
        tables = {name: tables[name].copy() for name in functions}
        for name, function in functions.items():
            tables[name][codes[stale]] = function(spelled)
        known_names = known_names.clone()
        known_names.scatter(codes[stale], fresh)
    memo[key] = (known_names, tables)
    return {name: tables[name] for name in functions}


@kernel._jit(nogil=True, boundscheck=False)
def _first_rows(codes: np.ndarray, seen: np.ndarray, out: np.ndarray) -> int:
    """The row of each code's first occurrence, into ``out``; how many distinct codes."""
    count = 0
    for i in range(codes.size):
        code = codes[i]
        if not seen[code]:
            seen[code] = True
            out[count] = i
            count += 1
    return count


def _distinct(column: pl.Series) -> pl.Series:
    """A Categorical column's distinct non-null values, in no particular order.

    Compiled, one pass over the physical codes marks the first row of each (a hashing
    ``unique`` costs several times that); the values are then gathered from those rows.
    """
    if not kernel.available() or column.null_count() or not len(column):
        return column.unique().drop_nulls()
    codes = column.to_physical().to_numpy()
    seen = np.zeros(int(codes.max()) + 1, dtype=np.bool_)
    rows = np.empty(min(codes.size, seen.size), dtype=np.int64)
    first: Any = _first_rows
    count = first(kernel._read_only(codes), seen, rows)
    return column.gather(rows[:count])


def _pool() -> int:
    return max(1, min(os.cpu_count() or 1, pl.thread_pool_size()))


def _chunks(rows: int, size: int) -> list[slice]:
    return [slice(start, min(start + size, rows)) for start in range(0, rows, size)]


def _kernel_chunk(rows: int) -> int:
    """Rows per call of a compiled loop (at most :data:`_KERNEL_CHUNK_ROWS`).

    Few enough that a batch of a million rows is shared among the pool's threads; not below
    :data:`_CHUNK_ROWS` (a thread is not worth a smaller chunk).
    """
    return min(_KERNEL_CHUNK_ROWS, max(_CHUNK_ROWS, -(-rows // _pool())))


def _run(work: Callable[[slice], None], rows: int, size: int = _CHUNK_ROWS) -> None:
    parts = _chunks(rows, size)
    if len(parts) <= 1 or _pool() == 1:
        for part in parts:
            work(part)
        return
    with ThreadPoolExecutor(_pool()) as pool:
        for _ in pool.map(work, parts):
            pass


def _text_name_ids(prepared: Prepared, holder: pl.Series) -> np.ndarray:
    """Each text holder's ``name_id``: names matched once per distinct name of each chunk."""
    import pyarrow.compute as pc  # type: ignore[import-untyped]  # pyarrow ships no stubs

    text = holder.cast(pl.String)
    out = np.zeros(len(text), dtype=np.int64)

    def work(part: slice) -> None:
        piece = text.slice(part.start, part.stop - part.start)
        # As large_string (offsets and bytes): faster to encode than the string views.
        encoded = pc.dictionary_encode(piece.to_arrow())
        if hasattr(encoded, "combine_chunks"):
            encoded = encoded.combine_chunks()
        names = encoded.dictionary.to_pylist()
        if any(name is not None and _check.hidden(name) for name in names):
            raise _HiddenNameError  # each name of a chunk's dictionary is some row's
        table = prepared.name_table(names)
        if table.size:
            indices = encoded.indices.to_numpy(zero_copy_only=False)
            out[part] = np.take(table, indices)

    _run(work, len(text), max(1, -(-len(text) // _pool())))
    return out


class _HiddenNameError(Exception):
    """A holder name with an invisible or control character: :func:`validate` names it."""


def _hidden_table(names: list[str | None]) -> np.ndarray:
    """1 for each name with an invisible or control character (:func:`_check.hidden`)."""
    return np.array([name is not None and _check.hidden(name) for name in names], dtype=np.int64)


def _holder_tables(
    prepared: Prepared, batch: _Batch
) -> tuple[np.ndarray, dict[str, np.ndarray]] | None:
    """A Categorical or Enum holder column's codes and code tables, made once for the batch.

    ``hidden`` (1: a name with an invisible or control character), and ``name`` (the
    ``name_id``) when a plan names anyone, ``near`` (the near set) when the ``near_match``
    column is looked for: checked against the column's categories once for all three.
    ``None`` for a text column.
    """
    if batch.holder_tables is None:
        functions: dict[str, Categories] = {"hidden": _hidden_table}
        if prepared.name_of_key:
            functions["name"] = prepared.name_table
        if prepared.near.index:
            functions["near"] = prepared.near.sets_of
        batch.holder_tables = _coded_tables(
            batch.holder,
            batch.holder_type,
            functions,
            prepared.holder_tables,
            batch.holder_distinct(),
        ) or (_EMPTY_CODES, {})
    codes, tables = batch.holder_tables
    return None if not tables else (codes, tables)


def _holder_coded(prepared: Prepared, batch: _Batch) -> tuple[np.ndarray, np.ndarray]:
    """Each row's holder code, and the table from codes to ``name_id``.

    Both are empty when no plan names anyone. Text holders are coded by their name ids
    themselves, the table then being the identity. A name with an invisible or control
    character is refused (:class:`_HiddenNameError`) whether or not a plan names anyone.
    """
    holder = batch.holder
    coded = _holder_tables(prepared, batch)
    if coded is not None:
        codes, tables = coded
        hidden = tables["hidden"]
        # Categories may be unused, so only a row whose category is hidden is refused.
        if hidden.any() and hidden[codes].any():
            raise _HiddenNameError
        if not prepared.name_of_key:
            return _EMPTY_CODES, _EMPTY_INT
        return codes, tables["name"]
    if not prepared.name_of_key:
        if bool(holder.cast(pl.String).str.contains(_check.INVISIBLE_PATTERN).any()):
            raise _HiddenNameError
        return _EMPTY_CODES, _EMPTY_INT
    names = _text_name_ids(prepared, holder)  # refuses hidden names as it goes
    return names.astype(np.uint32), np.arange(prepared.n_names, dtype=np.int64)


def _issuer_table(prepared: Prepared) -> Callable[[list[str | None]], np.ndarray]:
    index = prepared.issuer_index

    def table(names: list[str | None]) -> np.ndarray:
        return np.array(
            [-1 if name is None else index.get(name, -1) for name in names], dtype=np.int64
        )

    return table


def _issuer_coded(
    prepared: Prepared, issuer: pl.Series, dtype: pl.DataType
) -> tuple[np.ndarray, np.ndarray]:
    """Each row's issuer code and the table from codes to issuer index (-1: no plan)."""
    coded = _coded(issuer, dtype, _issuer_table(prepared), prepared.issuer_tables)
    if coded is not None:
        return coded
    count = len(prepared.intervals.issuers)
    cast = issuer.cast(pl.String).cast(prepared.issuer_enum, strict=False)
    codes = cast.to_physical().cast(pl.UInt32).fill_null(count).to_numpy()
    return codes, prepared.issuer_text_table


def _both_coded(
    prepared: Prepared, batch: _Batch
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``(issuer codes, issuer table, holder codes, holder table)`` of a checked batch.

    Independent passes (text columns make them long), so run side by side.
    """
    with ThreadPoolExecutor(1) as pool:
        holders = pool.submit(_holder_coded, prepared, batch)
        issuer_codes, issuer_table = _issuer_coded(prepared, batch.issuer, batch.issuer_type)
        holder_codes, holder_table = holders.result()
    return issuer_codes, issuer_table, holder_codes, holder_table


def _problem(frame: pl.DataFrame, extras: tuple[str, ...]) -> bool:
    """Whether any value is bad (cheap reductions; :func:`validate` then names it)."""
    if frame.null_count().row(0) != (0,) * frame.width:
        return True
    if "kind" in frame.columns:
        kind = frame["kind"].cast(_KIND_CODES, strict=False)
        if kind.null_count():
            return True
    counts = ("shares", *extras)
    bad = [
        pl.min_horizontal(*(pl.col(column).min() for column in counts)) < 0,
        pl.col("outstanding").min() <= 0,
        pl.max_horizontal(*(pl.col(column).max() for column in (*counts, "outstanding")))
        > exact.MAX_COUNT,
        (pl.col("shares") > pl.col("outstanding")).any(),
    ]
    return bool(frame.select(pl.any_horizontal(bad)).item())


class _Batch:
    """One batch's input columns as arrays, and the arrays the verdicts are written to."""

    def __init__(self, frame: pl.DataFrame, extras: tuple[str, ...]) -> None:
        rows = frame.height
        self.rows = rows
        self.extras = extras
        self.issuer = frame["issuer"]
        self.holder = frame["holder"]
        """The issuer and holder columns, one Series each for every reader of the batch."""
        self.issuer_type = self.issuer.dtype
        self.holder_type = self.holder.dtype
        """Their types, read once: polars makes an Enum's type afresh each time it is asked
        for, its category list included (about a millisecond for 50,000 categories)."""
        self._holder_distinct: pl.Series | None = None
        self.holder_tables: tuple[np.ndarray, dict[str, np.ndarray]] | None = None
        """A Categorical or Enum holder column's codes and tables (:func:`_holder_tables`)."""
        self.day = frame["date"].to_physical().to_numpy()
        self.shares = frame["shares"].to_numpy()
        self.outstanding = frame["outstanding"].to_numpy()
        self.passive = frame["passive"].to_numpy() if "passive" in frame.columns else None
        self.kind = (
            frame["kind"].cast(_KIND_CODES).to_physical().to_numpy().astype(np.uint8)
            if "kind" in frame.columns
            else None
        )
        self.extra = {column: frame[column].to_numpy() for column in extras}
        self.rule_out = np.empty(rows, dtype=np.uint32)
        self.status_out = np.empty(rows, dtype=np.uint8)
        self.max_out = np.empty(rows, dtype=np.int64)
        self.headroom_out = np.empty(rows, dtype=np.int64)
        self.counted_out = np.empty(rows, dtype=np.int64) if extras else self.shares
        self.total_out = np.empty(rows, dtype=np.int64) if extras else self.outstanding
        self.issuer_out = np.empty(rows, dtype=np.uint32)
        self.near_bits: np.ndarray | None = None
        """For a text holder column read by the compiled loop: each row's near bits and own
        name (:mod:`rightsplan.screening._text`), which the ``near_match`` column reads."""
        self.own: np.ndarray | None = None

    def holder_distinct(self) -> pl.Series | None:
        """A Categorical holder column's distinct names, found once for the batch's readers."""
        if not isinstance(self.holder_type, pl.Categorical):
            return None
        if self._holder_distinct is None:
            self._holder_distinct = _distinct(self.holder)
        return self._holder_distinct


def _invalid(
    prepared: Prepared, lazy: pl.LazyFrame, extras: tuple[str, ...], first_row: int
) -> NoReturn:
    """Raise the :class:`ScreenInputError` that names the first bad value."""
    full, _ = normalize(lazy)
    validate(full, prepared.intervals.issuers, extras, first_row=first_row)
    raise ScreenInputError("positions: cannot be screened")  # validate names the problem


def screen_batch(
    prepared: Prepared, raw: pl.LazyFrame | pl.DataFrame, *, first_row: int = 0
) -> pl.DataFrame:
    """Screen one in-memory batch of positions; raise :class:`ScreenInputError` if bad."""
    lazy = raw.lazy()
    checked, extras = normalize(lazy, defaults=False)
    try:
        frame = checked.collect()
    except (pl.exceptions.PolarsError, OSError) as error:
        raise ScreenInputError(f"positions: cannot be read: {error}") from None
    if (
        _problem(frame.drop("_date_text", "_date_time", *STANDING_COLUMNS, strict=False), extras)
        or (
            "_date_text" in frame.columns
            and frame["date"].null_count() != frame["_date_text"].null_count()
        )
        or ("_date_time" in frame.columns and bool(frame["_date_time"].any()))
    ):
        _invalid(prepared, lazy, extras, first_row)
    held = [column for column in frame.columns if column in STANDING_COLUMNS]
    standing = frame.select(held) if held else None
    frame = frame.drop(held)
    batch = _Batch(frame, extras)
    try:
        if kernel.available():
            unknown = _compiled_rows(prepared, frame, batch)
        else:
            unknown = _numpy_rows(prepared, frame, batch)
    except _HiddenNameError:
        _invalid(prepared, lazy, extras, first_row)
    if unknown:
        _invalid(prepared, lazy, extras, first_row)
    result = _result(prepared, frame, batch, first_row)
    result = result.with_columns(_near_column(prepared, frame, batch))
    if standing is None and not prepared.judging:
        return result
    # The rows with a standing (rare), and those on days an unknown term may decide, are
    # judged by the rulebook itself, as rp.assess judges them.
    rows = rows_with_standing(standing) if standing is not None else _EMPTY_INT
    if prepared.judging:
        rows = np.union1d(rows, np.flatnonzero(batch.status_out == _JUDGED))
    standings, verdicts = judge(
        prepared.plans,
        frame,
        standing,
        rows,
        warn_at=prepared.intervals.warn_at,
        first_row=first_row,
    )
    return patched(
        result,
        rows,
        standings,
        verdicts,
        standing=standing is not None,
        reasons=prepared.judging,
    )


def _near_column(prepared: Prepared, frame: pl.DataFrame, batch: _Batch) -> pl.Series:
    """The ``near_match`` column (:mod:`rightsplan.screening._near`)."""
    near = prepared.near
    issuer = batch.issuer_out
    if not near.index:
        return near.nothing(frame.height)
    holder = batch.holder
    if batch.near_bits is not None and batch.own is not None:
        return near.from_bits(
            batch.near_bits,
            batch.own,
            issuer,
            batch.day,
            prepared.periods_of,
            prepared.starts,
            prepared.plan_names.local,
            holder,
        )
    coded = _holder_tables(prepared, batch)
    if coded is None:
        return near.column(
            near.text_sets(holder), issuer, batch.day, prepared.periods_of, prepared.starts
        )
    codes, tables = coded
    return near.column(
        tables["near"], issuer, batch.day, prepared.periods_of, prepared.starts, codes=codes
    )


def _read_coded(
    prepared: Prepared, frame: pl.DataFrame, batch: _Batch
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``(issuer codes, issuer table, holder codes, holder table)`` for the compiled loop.

    Text columns are read in place by :mod:`rightsplan.screening._text` (which also finds
    the rows near a plan's name, kept on ``batch``); Categorical and Enum columns through
    their codes.
    """
    issuer, holder = batch.issuer, batch.holder
    issuer_views = _text.views(issuer) if batch.issuer_type == pl.String else None
    holder_views = _text.views(holder) if batch.holder_type == pl.String else None
    if issuer_views is None and holder_views is None:
        return _both_coded(prepared, batch)
    count = len(prepared.intervals.issuers)
    if issuer_views is not None:
        table = prepared.text_issuers
        issuer_codes = np.empty(batch.rows, dtype=np.uint32)

        def issuers(part: slice) -> None:
            issuer_codes[part] = _text.issuer_rows(table, issuer_views, part)[0]

        _run(issuers, batch.rows, _kernel_chunk(batch.rows))
        issuer_table = prepared.issuer_text_table
    else:
        issuer_codes, issuer_table = _issuer_coded(prepared, issuer, batch.issuer_type)
    if holder_views is None:
        holder_codes, holder_table = _holder_coded(prepared, batch)
        return issuer_codes, issuer_table, holder_codes, holder_table
    if issuer_views is not None:
        plan_of_row = issuer_codes  # the issuer index already; ``count``: no plan
    else:
        plan_of_row = np.take(issuer_table, issuer_codes)
        plan_of_row[plan_of_row < 0] = count
        plan_of_row = plan_of_row.astype(np.uint32)
    names = prepared.plan_names
    name_out = np.empty(batch.rows, dtype=np.int32)
    own_out = np.empty(batch.rows, dtype=np.int32)
    near_out = np.empty(batch.rows, dtype=np.int64)
    hidden: list[int] = []

    def holders(part: slice) -> None:
        found = _text.holder_rows(
            names, holder_views, plan_of_row, part, name_out, own_out, near_out
        )
        hidden.append(found)

    _run(holders, batch.rows, _kernel_chunk(batch.rows))
    if sum(hidden):
        raise _HiddenNameError
    unicode = np.flatnonzero(name_out == _text.FALLBACK)
    if unicode.size:
        # Names with a non-ASCII character: Unicode folding, once per distinct name.
        some = holder.gather(unicode)
        distinct = some.unique()
        spelled = distinct.to_list()
        if any(name is not None and _check.hidden(name) for name in spelled):
            raise _HiddenNameError
        ids = pl.Series(prepared.name_table(spelled), dtype=pl.Int32)
        name_out[unicode] = some.replace_strict(distinct, ids, return_dtype=pl.Int32).to_numpy()
    batch.near_bits, batch.own = near_out, own_out
    holder_codes = name_out.view(np.uint32)
    return issuer_codes, issuer_table, holder_codes, np.arange(prepared.n_names, dtype=np.int64)


def _compiled_rows(prepared: Prepared, frame: pl.DataFrame, batch: _Batch) -> int:
    """The per-row work by the compiled loop (:mod:`rightsplan.screening.kernel`)."""
    issuer_codes, issuer_table, holder_codes, holder_table = _read_coded(prepared, frame, batch)
    # Small tables the loop gathers from at random: the narrower, the more stay in cache.
    issuer_table = issuer_table.astype(np.int32)
    holder_table = holder_table.astype(np.int32)
    no_bool, no_byte, no_int = _EMPTY_BOOL, _EMPTY_BYTE, _EMPTY_INT
    extra = batch.extra
    unknown: list[int] = []

    def work(part: slice) -> None:
        count = kernel.screen_rows(
            issuer_codes[part],
            issuer_table,
            holder_codes[part] if holder_codes.size else holder_codes,
            holder_table,
            batch.day[part],
            batch.shares[part],
            batch.outstanding[part],
            batch.passive[part] if batch.passive is not None else no_bool,
            batch.kind[part] if batch.kind is not None else no_byte,
            extra["rights_to_acquire"][part] if "rights_to_acquire" in extra else no_int,
            extra["rights_to_acquire_later"][part]
            if "rights_to_acquire_later" in extra
            else no_int,
            extra["derivatives"][part] if "derivatives" in extra else no_int,
            prepared.starts,
            prepared.first_period,
            prepared.period_count,
            prepared.rights_mode,
            prepared.derivatives_counted,
            prepared.pair_keys,
            prepared.pair_start,
            prepared.n_names,
            prepared.n_periods,
            _OTHER,
            CLASSES_PER_INTERVAL,
            prepared.rule_of_class,
            prepared.rule_special,
            prepared.rule_num,
            prepared.rule_unit,
            prepared.rule_a,
            prepared.rule_warn_num,
            prepared.rule_warn_unit,
            prepared.direct_max,
            batch.issuer_out[part],
            batch.rule_out[part],
            batch.status_out[part],
            batch.max_out[part],
            batch.headroom_out[part],
            batch.counted_out[part] if batch.extras else no_int,
            batch.total_out[part] if batch.extras else no_int,
        )
        unknown.append(count)  # one append per chunk: atomic, unlike a += from threads

    _run(work, batch.rows, _kernel_chunk(batch.rows))
    return sum(unknown)


def _numpy_rows(prepared: Prepared, frame: pl.DataFrame, batch: _Batch) -> int:
    """The per-row work as whole-column numpy operations (when numba is not installed)."""
    issuer_codes, issuer_table, holder_codes, holder_table = _both_coded(prepared, batch)
    issuer = np.take(issuer_table, issuer_codes)
    names = np.take(holder_table, holder_codes) if holder_table.size else None
    if issuer.size and int(issuer.min()) < 0:
        return int(np.count_nonzero(issuer < 0))
    rows, extras, extra = batch.rows, batch.extras, batch.extra
    day, shares, outstanding = batch.day, batch.shares, batch.outstanding
    passive, kind = batch.passive, batch.kind
    rule_out, status_out = batch.rule_out, batch.status_out
    max_out, headroom_out = batch.max_out, batch.headroom_out
    counted_out, total_out = batch.counted_out, batch.total_out

    def work(part: slice) -> None:
        period = prepared.periods_of(issuer[part], day[part])
        if kind is not None:
            sub = kind[part].astype(np.int64)
            sub *= _KIND_STRIDE
            sub += _FIRST_CLASS
        else:
            sub = np.full(period.size, _CLASS_OF[_OTHER, 0], dtype=np.int64)
        if passive is not None:
            sub += passive[part] if _PASSIVE_STEP == 1 else passive[part] * _PASSIVE_STEP
        rule = prepared.rules_of(period, names[part] if names is not None else None, sub)
        held, total = shares[part], outstanding[part]
        if extras:
            rights = np.zeros(period.size, dtype=np.int64)
            mode = np.take(prepared.rights_mode, period)
            if "rights_to_acquire" in extra:
                rights += np.where(mode >= 1, extra["rights_to_acquire"][part], 0)
            if "rights_to_acquire_later" in extra:
                rights += np.where(mode == 2, extra["rights_to_acquire_later"][part], 0)
            held = held + rights
            if "derivatives" in extra:
                counted = np.take(prepared.derivatives_counted, period)
                held += np.where(counted, extra["derivatives"][part], 0)
            total = total + rights
            counted_out[part] = held
            total_out[part] = total
        max_shares, triggered, warns = exact.verdict_int64(
            held,
            total,
            num=np.take(prepared.rule_num, rule),
            unit=np.take(prepared.rule_unit, rule),
            a=np.take(prepared.rule_a, rule),
            warn_num=np.take(prepared.rule_warn_num, rule),
            warn_unit=np.take(prepared.rule_warn_unit, rule),
        )
        status = np.take(prepared.rule_special, rule)
        np.maximum(status, warns.view(np.uint8), out=status)
        np.maximum(status, triggered.view(np.uint8) << np.uint8(1), out=status)
        status_out[part] = status
        max_out[part] = max_shares
        np.subtract(max_shares, held, out=headroom_out[part])
        rule_out[part] = rule

    _run(work, rows)
    batch.issuer_out = issuer.astype(np.uint32)
    return 0


def _result(prepared: Prepared, frame: pl.DataFrame, batch: _Batch, first_row: int) -> pl.DataFrame:
    """The verdict table of a screened batch (after the 128-bit rows are redone)."""
    rows = batch.rows
    if prepared.wide:
        _redo_wide(
            prepared,
            batch.rule_out,
            batch.counted_out,
            batch.total_out,
            batch.max_out,
            batch.status_out,
        )
        np.subtract(batch.max_out, batch.counted_out, out=batch.headroom_out)
    inputs = pl.DataFrame(
        [
            pl.Series("_issuer", batch.issuer_out),
            pl.Series("_status", batch.status_out),
            pl.Series("_rule", batch.rule_out),
            pl.Series("max_shares", batch.max_out),
            pl.Series("headroom", batch.headroom_out),
        ]
    )
    rule = pl.col("_rule")
    limited_ = pl.col("_status") < _LIMITED
    limit: pl.Expr
    comparison: pl.Expr
    source: pl.Expr
    if prepared.masked:
        cited = pl.col("_status") != STATUSES.index("inactive")
        limit = pl.when(limited_).then(pl.lit(prepared.rule_limit_filled).gather(rule))
        comparison = pl.when(limited_).then(pl.lit(prepared.rule_comparison_filled).gather(rule))
        source = pl.when(cited).then(pl.lit(prepared.rule_source_filled).gather(rule))
    else:
        limit = pl.lit(prepared.rule_limit).gather(rule)
        comparison = pl.lit(prepared.rule_comparison).gather(rule)
        source = pl.lit(prepared.rule_source).gather(rule)
    out = inputs.select(
        pl.int_range(first_row, first_row + rows, dtype=pl.get_index_type()).alias("row"),
        pl.lit(prepared.issuer_values).gather(pl.col("_issuer")).alias("issuer"),
        pl.lit(prepared.status_values).gather(pl.col("_status")).alias("status"),
        limit.alias("limit"),
        comparison.alias("comparison"),
        pl.when(limited_).then(pl.col("max_shares")).alias("max_shares"),
        pl.when(limited_).then(pl.col("headroom")).alias("headroom"),
        source.alias("source"),
    )
    passive_column = (
        frame["passive"]
        if batch.passive is not None
        else pl.Series("passive", np.zeros(rows, bool))
    )
    return pl.DataFrame(
        [
            out["row"],
            out["issuer"],
            frame["holder"],
            frame["date"],
            out["status"],
            frame["shares"],
            frame["outstanding"],
            passive_column,
            out["limit"],
            out["comparison"],
            out["max_shares"],
            out["headroom"],
            out["source"],
        ]
    )


def _redo_wide(
    prepared: Prepared,
    rule: np.ndarray,
    shares: np.ndarray,
    outstanding: np.ndarray,
    max_out: np.ndarray,
    status_out: np.ndarray,
) -> None:
    """Recompute, in 128-bit integers, the rows whose limit is too fine for 64 bits."""
    rows = np.flatnonzero(prepared.rule_wide[rule])
    if not rows.size:
        return
    rules = prepared.rules
    picked = pl.Series(rule[rows])
    small = pl.DataFrame(
        {
            "s": shares[rows],
            "o": outstanding[rows],
            "num": rules["num"].gather(picked),
            "unit": rules["unit"].gather(picked),
            "a": rules["at_least"].gather(picked),
            "wn": rules["warn_num"].gather(picked),
            "wu": rules["warn_unit"].gather(picked),
        }
    )
    max_shares, triggered, warns = exact.verdict(
        pl.col("s"),
        pl.col("o"),
        num=pl.col("num"),
        unit=pl.col("unit"),
        at_least=pl.col("a"),
        warn_num=pl.col("wn"),
        warn_unit=pl.col("wu"),
        wide=True,
    )
    done = small.select(m=max_shares, t=triggered, w=warns)
    max_out[rows] = done["m"].to_numpy()
    status_out[rows] = np.where(done["t"].to_numpy(), 2, np.where(done["w"].to_numpy(), 1, 0))
