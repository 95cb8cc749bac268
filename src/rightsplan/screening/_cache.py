"""Prepared plans kept between runs of ``rightsplan screen`` (private).

Reading a directory of plan files and materializing their intervals costs seconds for
thousands of plans, the same seconds on every run. So the command keeps what
:func:`~rightsplan.screening.polars_engine.prepare` made, in the user's cache folder, under a
key that is a SHA-256 of everything it depends on: the library's version, the warn line,
and every plan file's name and bytes (an edited file is a new key, never a stale answer).

An entry is trusted only when it proves itself: it starts with a header holding the SHA-256
of the rest, checked before anything is unpickled, and the unpickled value must carry its own
key; anything else (a truncated write, a flipped byte, another version's layout) is treated
as no entry, and rebuilt. Entries are written to a temporary file in the same folder and
renamed into place, so a concurrent run sees an old entry, a new one, or none, never half of
one; two runs building the same entry both write a whole one. If the plan files change
while they are read, nothing is stored. The cache is a convenience: a folder that cannot be
written to is skipped silently, and ``--no-cache`` bypasses it.

The folder is ``--cache-dir`` if given; else, as platformdirs places a user cache,
``$XDG_CACHE_HOME/rightsplan`` (``~/.cache/rightsplan`` without it) on Linux and other
Unix, ``~/Library/Caches/rightsplan`` on macOS, ``%LOCALAPPDATA%/rightsplan/Cache`` on
Windows. Entries are pickles the library wrote for this user; the folder is created private
(mode 0700).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from fractions import Fraction
from pathlib import Path

from rightsplan.screening._inputs import load_plans
from rightsplan.screening.polars_engine import Prepared, prepare

__all__ = ["cache_folder", "plans_key", "prepared_plans"]

_MAGIC = b"rightsplan prepared plans\n"
_LAYOUT = 3
"""Bumped when what an entry holds changes shape within one version of the library."""
_KEEP = 8
"""Entries kept: the most recently used."""


def cache_folder(given: str | os.PathLike[str] | None = None) -> Path:
    """Where prepared plans are kept: ``given``, else the user's cache folder for rightsplan."""
    if given is not None:
        return Path(given)
    home = Path.home()
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        base = Path(local) if local else home / "AppData" / "Local"
        return base / "rightsplan" / "Cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "rightsplan"
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    # The XDG specification: a relative path is invalid and is ignored.
    base = Path(xdg) if xdg and os.path.isabs(xdg) else home / ".cache"
    return base / "rightsplan"


def plans_key(folder: str | os.PathLike[str], warn_at: Fraction) -> str | None:
    """The entry key of a plans directory: SHA-256 of the version, warn line and files.

    ``None`` when the directory cannot be read (the uncached path then names the problem).
    """
    from rightsplan import __version__
    from rightsplan.io.formats import format_of

    try:
        files = sorted(path for path in Path(folder).iterdir() if format_of(path) is not None)
        digest = hashlib.sha256(
            f"rightsplan {__version__}\nlayout {_LAYOUT}\npython {sys.version_info[:2]}\n"
            f"warn_at {warn_at}\n".encode()
        )
        for path in files:
            content = path.read_bytes()
            name = path.name.encode("utf-8", "surrogateescape")
            digest.update(b"%d:%s%d:" % (len(name), name, len(content)))
            digest.update(content)
    except OSError:
        return None
    return digest.hexdigest()


def _read(entry: Path, key: str) -> Prepared | None:
    """The entry's prepared plans, if it is whole and is this key's; else ``None``."""
    try:
        blob = entry.read_bytes()
    except OSError:
        return None
    if not blob.startswith(_MAGIC):
        return None
    head, _, payload = blob[len(_MAGIC) :].partition(b"\n")
    if head.decode("ascii", "replace") != hashlib.sha256(payload).hexdigest():
        return None
    try:
        found = pickle.loads(payload)
    except Exception:  # a payload that passed its checksum yet fails: treated as no entry
        return None
    if not (
        isinstance(found, tuple)
        and len(found) == 2
        and found[0] == key
        and isinstance(found[1], Prepared)
    ):
        return None
    with contextlib.suppress(OSError):
        os.utime(entry)  # recently used: kept when older entries are pruned
    prepared: Prepared = found[1]
    return prepared


def _write(folder: Path, entry: Path, key: str, prepared: Prepared) -> None:
    """Store ``prepared`` under ``key``, atomically; skipped if the folder is not writable."""
    payload = pickle.dumps((key, prepared), protocol=pickle.HIGHEST_PROTOCOL)
    blob = _MAGIC + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload
    temporary: str | None = None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".plans-", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(blob)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, entry)
        temporary = None
        _prune(folder)
    except OSError:
        pass
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _prune(folder: Path) -> None:
    """Remove all but the :data:`_KEEP` most recently used entries."""
    entries = []
    for path in folder.glob("plans-*.pickle"):
        with contextlib.suppress(OSError):
            entries.append((path.stat().st_mtime, path))
    for _, path in sorted(entries, reverse=True)[_KEEP:]:
        with contextlib.suppress(OSError):
            path.unlink()


def prepared_plans(
    folder: str | os.PathLike[str], *, warn_at: Fraction, cache: Path | None
) -> Prepared:
    """The plans of a directory, prepared for screening; through the cache unless ``None``."""
    key = plans_key(folder, warn_at) if cache is not None else None
    if cache is None or key is None:
        return prepare(load_plans(folder), warn_at=warn_at)
    entry = cache / f"plans-{key}.pickle"
    found = _read(entry, key)
    if found is not None:
        return found
    prepared = prepare(load_plans(folder), warn_at=warn_at)
    prepared.plan_names  # noqa: B018  # built now, so that cached runs need not build them
    prepared.text_issuers  # noqa: B018
    if plans_key(folder, warn_at) == key:  # not edited while it was read
        _write(cache, entry, key, prepared)
    return prepared
