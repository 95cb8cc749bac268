"""Positions files for ``screen_parquet``: Parquet or CSV, told apart by extension (private).

Both are read in batches, so a file larger than memory is fine. A CSV file's columns are
read with the types the screen expects (share counts as 64-bit integers, dates and names as
text, ``passive`` as true/false) rather than guessed block by block: a guess made from the
first rows could differ from the next block's.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rightsplan.errors import ScreenInputError
from rightsplan.screening._inputs import COUNTS, ISSUER_NAMES
from rightsplan.screening._standings import STANDING_COLUMNS

__all__ = ["PositionsFile", "open_positions"]

PARQUET_SUFFIXES = (".parquet", ".pq")
CSV_SUFFIXES = (".csv",)
_TEXT = ("holder", "date", "kind", *ISSUER_NAMES, *STANDING_COLUMNS)
_COUNTED = (*COUNTS, "standing_shares")


class PositionsFile:
    """One positions file: its row count (for progress) and its batches of Arrow records."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = os.fspath(path)
        suffix = Path(self.path).suffix.lower()
        if not Path(self.path).is_file():
            raise ScreenInputError(f"{self.path}: no such positions file")
        if suffix in PARQUET_SUFFIXES:
            self.kind = "parquet"
        elif suffix in CSV_SUFFIXES:
            self.kind = "csv"
        else:
            raise ScreenInputError(
                f"{self.path}: cannot tell the format from the extension {suffix or '(none)'!r}; "
                "expected a Parquet (.parquet) or CSV (.csv) positions file"
            )
        self._parquet: Any = None
        if self.kind == "parquet":
            import pyarrow.parquet as pq  # type: ignore[import-untyped]  # no stubs

            with open(self.path, "rb") as file:
                head = file.read(4)
            if head != b"PAR1":
                raise ScreenInputError(
                    f"{self.path}: not a Parquet file (it does not start with Parquet's "
                    "marker PAR1); a CSV file must be named .csv"
                )
            try:
                self._parquet = pq.ParquetFile(self.path)
            except (OSError, ValueError) as error:
                raise ScreenInputError(
                    f"{self.path}: not a readable Parquet file ({error}); a .parquet file must "
                    "hold Parquet, and CSV must be named .csv"
                ) from None

    @property
    def rows(self) -> int:
        """The number of positions (for CSV, the lines after the header: an estimate)."""
        if self._parquet is not None:
            return int(self._parquet.metadata.num_rows)
        lines = 0
        last = b"\n"
        with open(self.path, "rb") as file:
            # Counted in blocks: a file larger than memory is fine.
            for block in iter(lambda: file.read(1 << 20), b""):
                lines += block.count(b"\n")
                last = block[-1:]
        lines += last != b"\n"
        return max(lines - 1, 0)

    def batches(self, batch_rows: int) -> Iterator[Any]:
        """The file's positions as Arrow record batches of about ``batch_rows`` rows."""
        if self._parquet is not None:
            yield from self._parquet.iter_batches(batch_size=batch_rows)
            return
        yield from self._csv_batches(batch_rows)

    def _csv_batches(self, batch_rows: int) -> Iterator[Any]:
        import pyarrow as pa
        from pyarrow import csv

        types = {name: pa.string() for name in _TEXT}
        types.update({name: pa.int64() for name in _COUNTED})
        types["passive"] = pa.bool_()
        # About 100 bytes a row: blocks of roughly batch_rows rows, at most 64 MiB.
        block = min(max(batch_rows * 100, 1 << 16), 1 << 26)
        try:
            reader = csv.open_csv(
                self.path,
                read_options=csv.ReadOptions(block_size=block),
                convert_options=csv.ConvertOptions(
                    column_types=types, strings_can_be_null=True, quoted_strings_can_be_null=False
                ),
            )
            yield from reader
        except (pa.ArrowInvalid, pa.ArrowTypeError, UnicodeDecodeError) as error:
            message = str(error).splitlines()[0] if str(error) else type(error).__name__
            raise ScreenInputError(
                f"{self.path}: cannot read this CSV file: {message} (share counts are plain "
                "digits like 2800500, passive is true or false, the file is UTF-8)"
            ) from None


def open_positions(paths: list[str | os.PathLike[str]]) -> list[PositionsFile]:
    """Each positions file opened (Parquet or CSV by extension), or a clear error."""
    return [PositionsFile(path) for path in paths]
