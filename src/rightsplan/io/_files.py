"""Reading files without surprises and writing them atomically (private)."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import shutil
import stat
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from rightsplan.errors import OutputFileError

__all__ = ["atomic_destination", "csv_text", "read_bytes", "write_atomically"]


MAX_FILE_BYTES = 256 * 1_048_576
"""The largest plan, holdings or events file read (256 MiB): far past any real one."""


def read_bytes(path: Path, *, limit: int = MAX_FILE_BYTES) -> bytes | str:
    """The file's bytes, or a message saying why it cannot be read.

    At most ``limit`` bytes are read, counted as they are read: a device or a link to one
    (``/dev/zero``) reports no size, so its size is never trusted.
    """
    try:
        with path.open("rb") as file:
            data = file.read(limit + 1)
        if len(data) > limit:
            return (
                f"larger than {limit / 1_048_576:g} MiB, more than any plan, holdings or "
                "events file; is this the right file? (screen large position sets with "
                "rightsplan screen)"
            )
        return data
    except FileNotFoundError:
        return "no such file"
    except IsADirectoryError:
        return "is a directory, not a file"
    except PermissionError:
        return "permission denied"
    except OSError as error:
        return f"cannot read the file ({error.strerror or error})"


def write_atomically(path: str | os.PathLike[str], text: str | bytes) -> None:
    """Write ``text`` (UTF-8 if ``str``) to ``path``: readers see the old file or the new, whole.

    See :func:`atomic_destination` for how the file is written.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    with atomic_destination(path) as temporary:
        try:
            with open(temporary, "wb") as out:
                out.write(data)
        except OSError as error:  # a full disk, a quota: name the file given, not ours
            raise OutputFileError(path, error.strerror or str(error)) from None


@contextlib.contextmanager
def atomic_destination(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary file to write; when the block ends without error, it becomes ``path``.

    The temporary file has a unique name in the destination's folder and replaces the
    destination in one step (readers see the old file or the new, whole); it is removed if
    anything goes wrong, including an exception raised by a signal handler. A symbolic link
    is followed: the file it points to is replaced and the link stays. A destination that
    exists and is not a regular file (a named pipe, ``/dev/null``, ``/dev/stdout``, a
    terminal) is written to, never replaced. Raises :class:`OutputFileError`, naming
    ``path`` as given, when it cannot be written (a folder, a missing folder, no permission).
    """
    if not os.fspath(path):
        raise OutputFileError(path, "no file named (the path is empty)")
    try:
        kind: int | None = os.stat(path).st_mode
    except FileNotFoundError:
        kind = None
    except OSError as error:
        raise OutputFileError(path, error.strerror or str(error)) from None
    if kind is not None and stat.S_ISDIR(kind):
        raise OutputFileError(path, "is a folder; name a file")
    special = kind is not None and not stat.S_ISREG(kind)
    # A device's or pipe's "folder" (/dev, /proc/self/fd) is no place for a temporary file.
    target = Path(os.path.realpath(path))
    folder = Path(tempfile.gettempdir()) if special else target.parent
    if not folder.is_dir():
        raise OutputFileError(path, f"no such folder: {folder}")
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        reason = f"cannot create a file in {folder} ({error.strerror or error})"
        raise OutputFileError(path, reason) from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        if special:
            _copy_into(path, temporary)
        else:
            try:
                os.chmod(temporary, _mode_for(target))
                with open(temporary, "rb+") as written:
                    os.fsync(written.fileno())
                os.replace(temporary, target)
            except OSError as error:  # the old file stays whole; name the file given
                raise OutputFileError(path, error.strerror or str(error)) from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _copy_into(path: str | os.PathLike[str], temporary: Path) -> None:
    """Copy what was written into a device or named pipe: replacing it would destroy it."""
    try:
        with open(temporary, "rb") as source, open(path, "wb") as out:
            shutil.copyfileobj(source, out)
    except OSError as error:
        raise OutputFileError(path, error.strerror or str(error)) from None


def _mode_for(path: Path) -> int:
    """The permissions a written file gets: those of the file it replaces, else the umask's."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def csv_text(columns: Sequence[str], records: Iterable[Mapping[str, object]]) -> str:
    r"""Records as CSV text with a header, lines ended by a line feed, read back as written.

    With ``"\n"`` line endings the csv module quotes a field holding a line feed but not one
    holding a lone carriage return, which a reader then takes for the end of a row: a row
    with any carriage return is quoted whole.
    """
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    quoted = csv.DictWriter(
        out, fieldnames=list(columns), lineterminator="\n", quoting=csv.QUOTE_ALL
    )
    writer.writeheader()
    for record in records:
        carriage = any(isinstance(value, str) and "\r" in value for value in record.values())
        (quoted if carriage else writer).writerow(record)
    return out.getvalue()


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
