"""``rightsplan.screen`` and ``rightsplan.screen_parquet``: the public entry points."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from fractions import Fraction
from pathlib import Path
from typing import Any

import polars as pl

from rightsplan.assess import DEFAULT_WARN_AT, warn_ratio
from rightsplan.errors import ScreenInputError
from rightsplan.io._files import atomic_destination
from rightsplan.plan import Plan
from rightsplan.rules import STATUSES
from rightsplan.screening._files import PositionsFile, open_positions
from rightsplan.screening._inputs import Positions, load_plans, positions_frame
from rightsplan.screening.polars_engine import Prepared, prepare, screen_batch

__all__ = ["screen", "screen_parquet"]

_DICTIONARY_COLUMNS = ("issuer", "holder", "date", "status", "limit", "comparison", "source")
_NO_STATISTICS = ("holder", "source")
_OPEN_ENDED = ("limit", "source")
"""Columns whose values can grow from batch to batch: a holder's own line (a standing) is a
limit, and its clause a source, that no earlier batch need have had."""

PlansLike = Mapping[str, Plan] | str | os.PathLike[str]
"""Plans by issuer id, or a directory of plan files named ``ISSUER.toml`` (or .yaml, .json)."""


def screen(
    plans: PlansLike,
    positions: Positions,
    *,
    warn_at: Fraction | str | int = DEFAULT_WARN_AT,
) -> pl.DataFrame:
    """Screen many positions against many plans; one verdict row per position, in order.

    ``plans`` maps issuer ids to :class:`~rightsplan.Plan` s (or names a directory of plan
    files, each read with :func:`~rightsplan.load_plan`, the file's stem being the issuer
    id). ``positions`` is a polars or pandas DataFrame, a polars LazyFrame, a pyarrow Table
    or Parquet path(s) with columns ``issuer`` (or ``plan``), ``holder``, ``date``,
    ``shares``, ``outstanding`` and optionally ``passive`` (default false), ``kind`` (for
    the Exempt Persons clause: ``company``, ``subsidiary``, ``benefit-plan``,
    ``government``, ``other``), ``rights_to_acquire``, ``rights_to_acquire_later`` and
    ``derivatives`` (counted as each interval's ownership rules say). Dates are a Date
    column, text ``YYYY-MM-DD``, or date-times at midnight without a time zone (pandas'
    dates); any other date-time is refused, not cut to its day.

    A holder's standing (see :mod:`rightsplan.standing`) is given by the optional columns
    ``standing`` (``none``, ``grandfathered``, ``buyback``, ``inadvertent``,
    ``acquiring-person``, ``exempted``; null is none), ``standing_since`` (a date, in the
    forms ``date`` takes), ``standing_shares`` (the base holding), ``standing_until`` (the
    divest-by date of an inadvertent crossing), ``standing_cap_percent`` (text) and
    ``standing_cap_comparison`` (``at-least`` or ``more-than``), the fields of
    :func:`rightsplan.standing.standing_from_fields`. Rows with a standing are judged one by
    one by :func:`rightsplan.rules.verdict`; the others keep the vectorized path.

    The verdicts are those of :func:`rightsplan.assess` (with the row's standing), row for
    row, computed in exact integer arithmetic (see :mod:`rightsplan.screening.exact`). The
    result has the verdict columns of ``rightsplan check --format json``: ``row`` (the
    position's index), ``issuer``, ``holder``, ``date``, ``status`` (clear, warning,
    triggered, exempt, inactive, excused, uncertain: :data:`rightsplan.rules.STATUSES`),
    ``shares``, ``outstanding``, ``passive``, ``limit`` (the binding percent, exactly, as
    text; for a holder with a standing, its own line where that binds), ``comparison``
    (``at-least`` or ``more-than``), ``max_shares``, ``headroom`` and ``source`` (the
    citation of the limit or Exempt Person clause); ``near_match``, the names the terms in
    force use that the holder's name nearly matches but does not
    (:func:`rightsplan.assess.near_matches`, as ``check`` reports them), null where there is
    none; and ``standing`` (the row's standing kind) when standing columns were given.

    Where a plan leaves a term unknown (:mod:`rightsplan.unknowns`), the rows of the days
    it may decide are judged one by one by the rulebook, as :func:`rightsplan.assess` judges
    them (``uncertain`` where the unknown decides), and the result has a ``reason`` column
    after ``source``: the rulebook's reason on the rows it judged, null on the others.

    Raises :class:`~rightsplan.ScreenInputError` naming the column for bad input: a missing
    column, floats for share counts, nulls, negative counts, more shares than outstanding,
    an issuer with no plan, an unknown kind, a bad or missing standing field (with the row).
    The positions are read into memory (the result holds their columns anyway); for inputs
    larger than memory write the verdicts to a file with :func:`screen_parquet`. Categorical
    or Enum ``issuer`` and ``holder`` columns are the fastest input: they are read through
    their integer codes. The plans' intervals are built once and reused while the same
    plans are screened again; the rulebook's choice for each shape of terms is shared by
    every plan and period of that shape.
    """
    prepared = prepare(load_plans(plans), warn_at=warn_ratio(warn_at))
    frame = positions_frame(positions)
    try:
        return screen_batch(prepared, frame)
    except pl.exceptions.PolarsError as error:
        raise ScreenInputError(f"positions: cannot be screened: {error}") from None


def _conformed(table: Any, schema: Any, out: str | os.PathLike[str]) -> Any:
    """``table`` cast to the schema of the file being written."""
    try:
        return table.cast(schema)
    except (ValueError, TypeError, NotImplementedError) as error:
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise ScreenInputError(
            f"{os.fspath(out)}: cannot write the verdicts of differently typed positions "
            f"to one file: {first}"
        ) from None


def _open_ended(table: Any) -> Any:
    """``table`` with :data:`_OPEN_ENDED` columns as plain dictionary-coded text.

    polars writes an Enum's categories into the file's schema, which is the first batch's:
    a value that only a later batch has (a grandfathered line) would read back as null.
    """
    import pyarrow as pa  # type: ignore[import-untyped]  # pyarrow ships no stubs

    coded = pa.dictionary(pa.int32(), pa.string())
    for name in _OPEN_ENDED:
        index = table.schema.get_field_index(name)
        if index >= 0:
            table = table.set_column(index, pa.field(name, coded), table[name].cast(coded))
    return table


def _written(pending: Future[None] | None, out: str | os.PathLike[str]) -> None:
    """Wait for the write in flight; a failure to write is a :class:`ScreenInputError`."""
    if pending is None:
        return
    import pyarrow as pa

    try:
        pending.result()
    except (OSError, ValueError, TypeError, pa.ArrowException) as error:
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise ScreenInputError(f"{os.fspath(out)}: cannot write the verdicts: {first}") from None


def screen_parquet(
    plans: PlansLike,
    positions: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    warn_at: Fraction | str | int = DEFAULT_WARN_AT,
    batch_rows: int = 1_000_000,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, int]:
    """Screen Parquet or CSV file(s) into a Parquet file of verdicts, in bounded memory.

    Each positions file is Parquet (``.parquet``) or CSV (``.csv``, share counts as plain
    digits), told by its extension; anything else is refused, naming the file.

    The positions are read ``batch_rows`` at a time, so memory stays bounded whatever the
    input's size (one batch is written while the next is read and screened: two batches
    at most). ``progress(done, total)`` is called after each batch. The output is written to a
    temporary file and renamed into place only when every batch has been screened, so a
    bad row never leaves a half-written result. Returns the number of rows per status.
    """
    ratio = warn_ratio(warn_at)
    return screen_prepared_parquet(
        lambda: prepare(load_plans(plans), warn_at=ratio),
        positions,
        out,
        batch_rows=batch_rows,
        progress=progress,
    )


def screen_prepared_parquet(
    prepared_by: Callable[[], Prepared],
    positions: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    batch_rows: int,
    progress: Callable[[int, int], None] | None,
) -> dict[str, int]:
    """:func:`screen_parquet`, the plans prepared by ``prepared_by()`` (the command's cache).

    ``prepared_by`` is called once the positions files are found readable.
    """
    paths = [positions] if isinstance(positions, str | os.PathLike) else list(positions)
    files = open_positions(paths)
    if batch_rows < 1:
        raise ScreenInputError(f"batch_rows: expected a positive number, got {batch_rows}")
    prepared = prepared_by()
    total = sum(file.rows for file in files)
    with atomic_destination(out) as temporary:
        return _screen_files(files, prepared, temporary, out, batch_rows, progress, total, paths)


def _screen_files(
    files: list[PositionsFile],
    prepared: Prepared,
    temporary: Path,
    out: str | os.PathLike[str],
    batch_rows: int,
    progress: Callable[[int, int], None] | None,
    total: int,
    paths: list[str | os.PathLike[str]],
) -> dict[str, int]:
    """Screen ``files`` batch by batch into ``temporary``; the counts per status."""
    import pyarrow.parquet as pq  # type: ignore[import-untyped]  # pyarrow ships no stubs

    counts = dict.fromkeys(STATUSES, 0)
    done = 0
    writer: pq.ParquetWriter | None = None
    # One batch is written (pyarrow, without the GIL) while the next is read and screened;
    # at most one write is in flight, so memory stays bounded by two batches.
    pool = ThreadPoolExecutor(1)
    pending: Future[None] | None = None
    try:
        for file in files:
            for batch in file.batches(batch_rows):
                frame = pl.from_arrow(batch)
                assert isinstance(frame, pl.DataFrame)
                result = screen_batch(prepared, frame, first_row=done)
                table = _open_ended(result.to_arrow())
                _written(pending, out)
                if writer is None:
                    writer = pq.ParquetWriter(
                        os.fspath(temporary),
                        table.schema,
                        # Dictionary pages where values repeat; statistics (for filtering the
                        # verdicts later) on all but the free-text holder and source, whose
                        # string minima and maxima cost more to write than they serve.
                        use_dictionary=list(_DICTIONARY_COLUMNS),
                        write_statistics=[
                            name for name in table.column_names if name not in _NO_STATISTICS
                        ],
                    )
                if not table.schema.equals(writer.schema, check_metadata=False):
                    # Files (or batches) that hold a column differently, e.g. holder as text
                    # in one and as a dictionary in another, are written as the first was.
                    table = _conformed(table, writer.schema, out)
                pending = pool.submit(writer.write_table, table)
                for status, count in result["status"].value_counts().iter_rows():
                    counts[str(status)] += count
                done += result.height
                if progress is not None:
                    progress(done, total)
        _written(pending, out)
        pending = None
        if writer is None:
            raise ScreenInputError(f"{os.fspath(paths[0])}: no positions in the file(s)")
        writer.close()
        writer = None
    finally:
        if pending is not None:
            pending.exception()  # let the write in flight end before the file is closed
        pool.shutdown()
        if writer is not None:
            writer.close()
    return counts
