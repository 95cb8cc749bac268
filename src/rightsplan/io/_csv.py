"""Reading a CSV file with a header, gathering every problem with its line (private)."""

from __future__ import annotations

import csv
import difflib
import io
from collections.abc import Sequence

from rightsplan.io import _values


def _header(
    row: list[str], name: str, known: Sequence[str], required: Sequence[str], problems: list[str]
) -> list[str]:
    columns = [cell.strip().lower() for cell in row]
    for index, column in enumerate(columns):
        if column not in known:
            close = difflib.get_close_matches(column, known, n=1)
            hint = f' (did you mean "{close[0]}"?)' if close else ""
            problems.append(
                f"{name}:1: column {index + 1}: unknown column {_values.show(row[index])}{hint}; "
                f"expected some of: {', '.join(known)}"
            )
        elif columns.index(column) != index:
            problems.append(f"{name}:1: column {index + 1}: {column!r} appears twice")
    for column in required:
        if column not in columns:
            problems.append(
                f"{name}:1: missing column {column!r}; the header must name at least "
                f"{', '.join(required)}"
            )
    return columns


def csv_rows(
    text: str,
    name: str,
    *,
    known: Sequence[str],
    required: Sequence[str],
    example: str,
    problems: list[str],
) -> list[tuple[int, dict[str, str]]]:
    """The data rows of a CSV text, each with its line number and cells by column name.

    The header (the first non-blank line) must name ``required`` columns and only ``known``
    ones; blank lines are skipped; a row with more cells than the header is a problem.
    Problems are appended to ``problems``, each starting with ``name:line``. A bad header
    stops the reading; ``example`` is the header suggested for an empty file.
    """
    rows: list[tuple[int, dict[str, str]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    columns: list[str] | None = None
    try:
        while True:
            start = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                break
            if not any(cell.strip() for cell in row):
                continue
            if columns is None:
                if start != 1:
                    problems.append(f"{name}:{start}: the header must be the first line")
                before = len(problems)
                columns = _header(row, name, known, required, problems)
                if len(problems) > before:
                    return []
                continue
            if len(row) > len(columns) and any(cell.strip() for cell in row[len(columns) :]):
                problems.append(
                    f"{name}:{start}: expected {len(columns)} fields ({', '.join(columns)}), "
                    f"got {len(row)}"
                )
                continue
            rows.append((start, dict(zip(columns, row, strict=False))))
    except csv.Error as error:
        problems.append(f"{name}:{reader.line_num}: not valid CSV: {error}")
    if columns is None:
        problems.append(f"{name}: the file is empty; expected a header line such as {example}")
    return rows
