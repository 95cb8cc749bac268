"""The three plan-file formats: TOML (primary), YAML and JSON, chosen by file extension.

:func:`decode` turns a file's bytes into plain data or raises :class:`ParseError` with a
message naming the line where it can; :func:`encode` writes plain data back.
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Literal, TypeAlias

from rightsplan.io import _json, toml_writer

__all__ = ["EXTENSIONS", "Format", "ParseError", "decode", "encode", "format_of", "text_of"]

Format: TypeAlias = Literal["toml", "yaml", "json"]

EXTENSIONS: dict[str, Format] = {".toml": "toml", ".yaml": "yaml", ".yml": "yaml", ".json": "json"}
"""Which format each file extension means."""

YAML_MISSING = (
    "YAML plan files need PyYAML, which is not installed: "
    "pip install 'rightsplan[yaml]' (or use a .toml file)"
)


class ParseError(Exception):
    """A file is not well-formed in its format (internal: the loaders add the file name)."""


def format_of(path: Path) -> Format | None:
    """The format a file's extension names, or ``None``."""
    return EXTENSIONS.get(path.suffix.lower())


def text_of(data: bytes) -> str:
    """A file's bytes as text: UTF-8 (a byte-order mark is allowed), else :class:`ParseError`."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ParseError(
            f"line {line}: not UTF-8 text (byte 0x{data[error.start]:02x} at offset "
            f"{error.start}); save the file as UTF-8"
        ) from None


def decode(data: bytes, fmt: Format) -> object:
    """Parse a file's bytes as ``fmt``. An empty file is ``None``.

    A TOML or JSON number with a fraction or an exponent (``percent = 4.99``) is read from
    its text as a :class:`~decimal.Decimal`, exactly: never through a binary float.
    """
    text = text_of(data)
    if not text.strip():
        return None
    try:
        if fmt == "toml":
            return tomllib.loads(text, parse_float=Decimal)
        if fmt == "json":
            return _json.loads(text, parse_float=Decimal)
        return _load_yaml(text)
    except tomllib.TOMLDecodeError as error:
        raise ParseError(f"not valid TOML: {error}") from None
    except json.JSONDecodeError as error:
        raise ParseError(
            f"line {error.lineno}, column {error.colno}: not valid JSON: {error.msg}"
        ) from None
    except _json.DuplicateKeyError as error:
        raise ParseError(str(error)) from None
    except RecursionError:
        raise ParseError("nested too deeply to be a plan file") from None
    except ValueError as error:  # e.g. a YAML date 2003-02-30, or an integer too long to read
        raise ParseError(f"not valid {fmt.upper()}: {error}") from None


def _load_yaml(text: str) -> object:
    try:
        import yaml

        from rightsplan.io._yaml import StrictLoader
    except ImportError:  # pragma: no cover - PyYAML is installed with the test extra
        raise ParseError(YAML_MISSING) from None
    try:
        return yaml.load(text, Loader=StrictLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ParseError(f"{where}not valid YAML: {problem}") from None
    except (TypeError, OverflowError) as error:
        raise ParseError(f"not valid YAML: {error}") from None


def _json_default(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")  # pragma: no cover


def encode(data: dict[str, object], fmt: Format) -> str:
    """Write plain data (tables, lists, text, integers, booleans, dates) as ``fmt``."""
    if fmt == "toml":
        return toml_writer.dumps(data)
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False, default=_json_default) + "\n"
    try:
        import yaml

        from rightsplan.io._yaml import StrictDumper
    except ImportError:  # pragma: no cover - PyYAML is installed with the test extra
        raise ParseError(YAML_MISSING) from None
    dumped: str = yaml.dump(
        data, Dumper=StrictDumper, sort_keys=False, allow_unicode=True, width=100
    )
    return dumped
