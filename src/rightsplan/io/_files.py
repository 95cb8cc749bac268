"""Reading files without surprises and writing them atomically (private)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

__all__ = ["read_bytes", "write_atomically"]


def read_bytes(path: Path) -> bytes | str:
    """The file's bytes, or a message saying why it cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return "no such file"
    except IsADirectoryError:
        return "is a directory, not a file"
    except PermissionError:
        return "permission denied"
    except OSError as error:
        return f"cannot read the file ({error.strerror or error})"


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` so that readers see the old file or the new, whole.

    The text goes to a temporary file in the same directory, which then replaces ``path``.
    """
    directory = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        os.chmod(temporary, _mode_for(path))
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _mode_for(path: Path) -> int:
    """The permissions a written file gets: those of the file it replaces, else the umask's."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def jsonl_lines(text: str) -> list[tuple[int, str]]:
    """The numbered, non-blank lines of a JSON-lines text.

    Lines are separated by a line feed alone (a carriage return before it is dropped):
    ``str.splitlines`` would also split inside a value holding U+2028 or U+2029.
    """
    numbered = []
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if line.strip():
            numbered.append((number, line))
    return numbered
