"""A company's rights-plan filings fetched from EDGAR, politely, and cached on disk.

:class:`EdgarClient` lists a company's filings (EDGAR's submissions JSON), keeps the forms
that report rights-plan events (:func:`is_rights_filing`), reads each filing's index page and
fetches its report and its EX-4 and EX-99 exhibits, then hands them to
:func:`~rightsplan.edgar.parse_filing` as one EDGAR submission, exactly as a saved full
submission would be read. The same client fetches the Schedules 13D and 13G filed on a company
(:func:`is_ownership_report`, :meth:`EdgarClient.ownership_refs`): the schedule itself (its
structured XML where the filing has one) and its EX-99 exhibits, for
:func:`rightsplan.reports.parse_report`. :func:`open_client` builds the client both
``rightsplan ingest`` and ``rightsplan watch`` use.

The SEC's fair-access rules are kept: every request declares who sends it (a User-Agent
with a contact address, :func:`check_user_agent`), and :class:`RateLimiter` lets at most ten
requests a second through. What was fetched is kept in a :class:`DiskCache` (documents under
``/Archives`` for good, since EDGAR never changes a filed document; listings for a day).

The network is behind one seam, :class:`Transport`: :class:`EdgarToolsTransport` (the default)
sends requests with edgartools, the field's EDGAR client (``pip install "rightsplan[edgar]"``),
and tests pass a transport that answers from recorded responses.
"""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Protocol

import attrs

from rightsplan.edgar.filing import MAX_BYTES
from rightsplan.errors import FilingError, InvalidInputError, MissingExtraError

__all__ = [
    "IDENTITY_VARIABLE",
    "MAX_REQUESTS_PER_SECOND",
    "OWNERSHIP_FORMS",
    "DiskCache",
    "EdgarClient",
    "EdgarToolsTransport",
    "FetchError",
    "FetchedFiling",
    "FilingRef",
    "RateLimiter",
    "Transport",
    "check_user_agent",
    "default_cache_dir",
    "is_ownership_report",
    "is_rights_filing",
    "normal_accession",
    "open_client",
    "parse_cik",
]

IDENTITY_VARIABLE = "RIGHTSPLAN_EDGAR_IDENTITY"
"""The environment variable that may hold the User-Agent (``"Name name@example.com"``)."""
MAX_REQUESTS_PER_SECOND = 10
"""The SEC's limit for automated access to EDGAR."""
SEC = "https://www.sec.gov"
ARCHIVES = f"{SEC}/Archives/edgar/data"
SUBMISSIONS = "https://data.sec.gov/submissions"
TICKERS = f"{SEC}/files/company_tickers.json"

_RIGHTS_ITEMS = frozenset({"1.01", "3.03", "5.03"})
"""8-K items that report a rights plan: an agreement (1.01), a modification of holders' rights
(3.03), a charter amendment designating the preferred shares (5.03)."""
_NEW_ITEMS = dt.date(2004, 8, 23)
"""8-Ks filed before this date numbered their items the old way: a rights plan was Item 5."""
_FORMS_8A = frozenset({"8-A12B", "8-A12G", "8-A12B/A", "8-A12G/A"})
_FORMS_8K = frozenset({"8-K", "8-K/A"})
OWNERSHIP_FORMS = frozenset(
    {
        "SC 13D",
        "SC 13D/A",
        "SC 13G",
        "SC 13G/A",
        "SCHEDULE 13D",
        "SCHEDULE 13D/A",
        "SCHEDULE 13G",
        "SCHEDULE 13G/A",
    }
)
"""EDGAR's form types of Schedules 13D and 13G and their amendments: ``SC 13D`` and the like
until 18 December 2024, ``SCHEDULE 13D`` and the like (structured XML) since."""


class FetchError(FilingError):
    """EDGAR could not be asked, or did not answer as expected; the message says which address."""


# --- who asks ----------------------------------------------------------------------------------

_CONTACT = re.compile(r"[^@\s<>]+@[^@\s<>]+\.[A-Za-z]{2,}")


def check_user_agent(value: str | None) -> str:
    """The User-Agent to declare, checked: a name and a contact e-mail address.

    ``None`` or an empty value reads :data:`IDENTITY_VARIABLE`. Raises
    :class:`~rightsplan.errors.InvalidInputError` when there is none or it has no address.

    >>> check_user_agent("Jane Doe jane.doe@example.com")
    'Jane Doe jane.doe@example.com'
    """
    given = value if value else os.environ.get(IDENTITY_VARIABLE, "")
    given = " ".join(given.split())
    if not given:
        raise InvalidInputError(
            "EDGAR asks every program to say who runs it: pass --user-agent "
            f"'Your Name you@example.com' or set {IDENTITY_VARIABLE}"
        )
    if _CONTACT.search(given) is None or len(given) > 200:
        raise InvalidInputError(
            f"user agent {given[:80]!r}: expected a name and a contact e-mail address, "
            "such as 'Jane Doe jane.doe@example.com' (the SEC's fair-access rules)"
        )
    return given


# --- how fast ----------------------------------------------------------------------------------


class RateLimiter:
    """At most ``per_second`` requests in any one-second window (a sliding window).

    ``clock`` gives seconds (monotonic) and ``sleep`` waits; tests pass a fake pair.
    """

    def __init__(
        self,
        per_second: int = MAX_REQUESTS_PER_SECOND,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if not 1 <= per_second <= MAX_REQUESTS_PER_SECOND:
            raise InvalidInputError(
                f"per_second: expected 1 to {MAX_REQUESTS_PER_SECOND} (the SEC's limit), "
                f"got {per_second!r}"
            )
        self.per_second = per_second
        self._clock = clock
        self._sleep = sleep
        self._sent: collections.deque[float] = collections.deque(maxlen=per_second)

    def wait(self) -> None:
        """Return when one more request may be sent, and count it as sent.

        The times of the last ``per_second`` requests are kept: the next may go one second
        after the oldest of them, so no ``per_second + 1`` requests fall within one second.
        """
        now = self._clock()
        if len(self._sent) == self.per_second:
            earliest = self._sent[0] + 1.0
            if now < earliest:
                self._sleep(earliest - now)
                now = max(self._clock(), earliest)
        self._sent.append(now)


# --- where it is kept --------------------------------------------------------------------------


def default_cache_dir() -> Path:
    """The user's cache folder for rightsplan's EDGAR responses.

    ``$XDG_CACHE_HOME/rightsplan/edgar`` (``~/.cache/...``) on Linux and other Unixes,
    ``~/Library/Caches/rightsplan/edgar`` on macOS, ``rightsplan/edgar`` under
    ``%LOCALAPPDATA%`` on Windows.
    """
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "rightsplan" / "edgar"


LISTING_MAX_AGE = 24 * 3600.0
"""Seconds a listing (submissions JSON, ticker table) is reused before it is asked again."""


class DiskCache:
    """Responses kept on disk by address: one file per address, written atomically.

    A document under ``/Archives`` is kept for good (EDGAR does not change a filed
    document); any other response (a company's list of filings) for ``max_age`` seconds.
    """

    def __init__(
        self,
        folder: str | os.PathLike[str],
        *,
        max_age: float = LISTING_MAX_AGE,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.folder = Path(folder)
        self.max_age = max_age
        self._clock = clock

    def _path(self, url: str) -> Path:
        digest = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.folder / digest[:2] / digest

    def get(self, url: str) -> bytes | None:
        """The kept response for ``url``, or ``None`` (never kept, stale or unreadable)."""
        path = self._path(url)
        try:
            if "/Archives/" not in url and self._clock() - path.stat().st_mtime > self.max_age:
                return None
            return path.read_bytes()
        except OSError:
            return None

    def put(self, url: str, body: bytes) -> None:
        """Keep ``body`` for ``url``; a cache that cannot be written is an error naming it."""
        path = self._path(url)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".part-")
            with os.fdopen(handle, "wb") as stream:
                stream.write(body)
            os.replace(temporary, path)
            now = self._clock()
            os.utime(path, (now, now))  # when it was fetched, by the cache's own clock
        except OSError as error:
            with contextlib.suppress(OSError, UnboundLocalError):
                os.unlink(temporary)
            raise FetchError(
                f"--cache-dir {self.folder}: cannot keep a response there "
                f"({error.strerror or error}); name another folder or pass --no-cache"
            ) from None


# --- the network seam --------------------------------------------------------------------------


class Transport(Protocol):
    """Sends one GET request and gives the response's body (the seam tests replace)."""

    def get(self, url: str, *, user_agent: str) -> bytes:
        """The body of ``url``; raises :class:`FetchError` for anything but a 200 answer."""
        ...


def _missing(what: str) -> MissingExtraError:
    """The error for edgartools missing (its import name, ``edgar``, would puzzle)."""
    return MissingExtraError(what, "edgar", ImportError(name="edgartools"))


class EdgarToolsTransport:
    """Requests sent by edgartools (``pip install "rightsplan[edgar]"``).

    edgartools declares the User-Agent, retries what is worth retrying (backing off on 429
    Too Many Requests) and throttles itself below ten requests a second as well. It keeps
    its own HTTP cache in its data folder: unless ``EDGAR_LOCAL_DATA_DIR`` is set, that folder
    is ``data_dir`` (rightsplan passes a folder under its cache, or a temporary one with
    ``--no-cache``).
    """

    def __init__(self, *, data_dir: str | os.PathLike[str] | None = None) -> None:
        if data_dir is not None:
            os.environ.setdefault("EDGAR_LOCAL_DATA_DIR", os.fspath(data_dir))
        try:
            from edgar.httprequests import get_with_retry
        except ImportError:
            raise _missing("fetching filings from EDGAR") from None
        self._get = get_with_retry

    def get(self, url: str, *, user_agent: str) -> bytes:
        """The body of ``url``, or :class:`FetchError` naming it and the reason."""
        if os.environ.get("EDGAR_IDENTITY") != user_agent:
            # edgartools' client reads its User-Agent from here (and asks at the terminal
            # when it is unset); set_identity also renews the client that carries it.
            from edgar import set_identity

            set_identity(user_agent)
        try:
            response = self._get(url, identity=user_agent)
        except Exception as error:  # edgartools' and httpx's errors: the network's, not ours
            raise FetchError(
                f"{url}: EDGAR did not answer ({type(error).__name__}: {error})"
            ) from None
        if response.status_code != 200:
            raise FetchError(f"{url}: EDGAR answered {response.status_code}")
        body: bytes = response.content
        return body


# --- what is fetched ---------------------------------------------------------------------------


_ACCESSION = re.compile(r"(\d{10})-?(\d{2})-?(\d{6})")


def parse_cik(text: str) -> int:
    """EDGAR's Central Index Key as typed (``--cik``): up to ten digits, not all zero.

    >>> parse_cik("0000842913")
    842913
    """
    if not text.isdigit() or len(text) > 10 or int(text) == 0:
        raise InvalidInputError(
            f"expected a CIK of up to ten digits, such as 842913, got {text[:40]!r}"
        )
    return int(text)


def normal_accession(text: str) -> str:
    """An accession number as EDGAR writes it: ``0000950123-09-012345`` (dashes optional).

    >>> normal_accession("000095012309012345")
    '0000950123-09-012345'
    """
    match = _ACCESSION.fullmatch(text.strip())
    if match is None:
        raise InvalidInputError(
            f"accession {text[:40]!r}: expected ten, two and six digits, such as "
            "0000950123-09-012345"
        )
    return "-".join(match.groups())


@attrs.frozen
class FilingRef:
    """A filing as a company's listing names it."""

    accession: str
    form: str
    filed: dt.date | None = None
    items: tuple[str, ...] = ()
    primary_document: str | None = None


def is_rights_filing(ref: FilingRef) -> bool:
    """Whether a filing may report a rights-plan event, from its form and items alone.

    Forms 8-A12B and 8-A12G (and their amendments) register the rights; an 8-K (or 8-K/A)
    reports a plan under Item 1.01, 3.03 or 5.03, or before 23 August 2004 under Item 5 among
    other events: every such older 8-K is kept, and the drafter sets aside those that report
    none.

    >>> is_rights_filing(FilingRef("0000950123-09-012345", "8-K", dt.date(2009, 3, 2), ("8.01",)))
    False
    """
    if ref.form in _FORMS_8A:
        return True
    if ref.form not in _FORMS_8K:
        return False
    if ref.filed is not None and ref.filed < _NEW_ITEMS:
        return True
    return not _RIGHTS_ITEMS.isdisjoint(ref.items)


def is_ownership_report(ref: FilingRef) -> bool:
    """Whether a filing is a Schedule 13D or 13G or an amendment of one, from its form alone.

    >>> is_ownership_report(FilingRef("0001193125-24-036553", "SC 13G/A"))
    True
    >>> is_ownership_report(FilingRef("0000950170-25-014504", "SCHEDULE 13G"))
    True
    """
    return ref.form in OWNERSHIP_FORMS


def _oldest_first(refs: Iterable[FilingRef]) -> list[FilingRef]:
    return sorted(refs, key=lambda r: (r.filed or dt.date.max, r.accession))


@attrs.frozen
class FetchedFiling:
    """A filing as fetched: its name (``<accession>.txt``) and its text as an EDGAR submission."""

    name: str
    data: bytes = attrs.field(repr=False)
    documents: tuple[str, ...]
    """The addresses of the documents it holds."""


@attrs.frozen
class _Attachment:
    sequence: str
    description: str
    document: str
    type: str
    url: str
    size: int | None = None


def _wanted(attachment: _Attachment, form: str) -> bool:
    kind = attachment.type.upper()
    document = attachment.document.lower()
    if form in OWNERSHIP_FORMS and kind == form and document.endswith(".xml"):
        return True  # the structured schedule, or EDGAR's rendering of it (xsl.../*.xml)
    if not document.endswith((".htm", ".html", ".txt")):
        return False
    if form in OWNERSHIP_FORMS:
        return kind == form or kind.startswith("EX-99")  # EX-99: a joint filing agreement
    return kind == form or kind.startswith(("8-K", "8-A", "EX-4", "EX-99"))


def _structured_first(wanted: list[_Attachment], form: str) -> list[_Attachment]:
    """A structured 13D/13G's XML alone in place of its renderings, the exhibits after it."""
    structured = [
        a
        for a in wanted
        if a.type.upper() == form
        and a.document.lower().endswith(".xml")
        and "/xsl" not in a.url.lower()
    ]
    if not structured:
        return wanted
    return [structured[0], *(a for a in wanted if a.type.upper() != form)]


class EdgarClient:
    """Asks EDGAR for one company's rights-plan filings, within the SEC's fair-access rules.

    Every request goes through ``limiter`` (ten a second) and declares ``user_agent``;
    ``cache`` (if any) answers what it holds without a request. :attr:`requested` lists the
    addresses actually requested, in order.
    """

    def __init__(
        self,
        user_agent: str,
        *,
        transport: Transport,
        cache: DiskCache | None = None,
        limiter: RateLimiter | None = None,
        max_bytes: int = MAX_BYTES,
    ) -> None:
        self.user_agent = check_user_agent(user_agent)
        self.transport = transport
        self.cache = cache
        self.limiter = limiter if limiter is not None else RateLimiter()
        self.max_bytes = max_bytes
        self.requested: list[str] = []

    def get(self, url: str) -> bytes:
        """The body at ``url``: from the cache, or requested (rate-limited) and then kept."""
        if self.cache is not None:
            kept = self.cache.get(url)
            if kept is not None:
                return kept
        self.limiter.wait()
        self.requested.append(url)
        body = self.transport.get(url, user_agent=self.user_agent)
        if len(body) > self.max_bytes:
            raise FetchError(
                f"{url}: {len(body) / 1_048_576:.1f} MiB, more than the "
                f"{self.max_bytes // 1_048_576} MiB a filing may be (--max-size MIB raises it)"
            )
        if self.cache is not None:
            self.cache.put(url, body)
        return body

    def _json(self, url: str) -> object:
        body = self.get(url)
        try:
            return json.loads(body)
        except (ValueError, UnicodeDecodeError) as error:
            raise FetchError(f"{url}: not JSON ({error})") from None

    def cik_for_ticker(self, ticker: str) -> int:
        """The CIK of the company trading as ``ticker`` (EDGAR's ticker table)."""
        table = self._json(TICKERS)
        wanted = ticker.strip().upper()
        rows = table.values() if isinstance(table, dict) else ()
        for row in rows:
            if isinstance(row, dict) and str(row.get("ticker", "")).upper() == wanted:
                cik = row.get("cik_str")
                if isinstance(cik, int) or (isinstance(cik, str) and cik.isdigit()):
                    return int(cik)
        raise InvalidInputError(f"--ticker {ticker[:20]!r}: not in EDGAR's table of tickers")

    def company(self, cik: int) -> tuple[str | None, list[FilingRef]]:
        """The company's name and every filing its listing names (older pages included)."""
        url = f"{SUBMISSIONS}/CIK{cik:010d}.json"
        data = self._json(url)
        if not isinstance(data, dict):
            raise FetchError(f"{url}: expected a JSON object")
        filings = data.get("filings")
        if not isinstance(filings, dict):
            raise FetchError(f"{url}: no 'filings' in the listing")
        refs = _refs(filings.get("recent"), url)
        for page in filings.get("files") or ():
            name = page.get("name") if isinstance(page, dict) else None
            if isinstance(name, str) and re.fullmatch(r"[\w.-]+\.json", name):
                refs.extend(_refs(self._json(f"{SUBMISSIONS}/{name}"), name))
        name = data.get("name")
        return (name if isinstance(name, str) else None), refs

    def _attachments(self, cik: int, accession: str) -> list[_Attachment]:
        """The documents a filing's index page lists (read with edgartools' parser)."""
        folder = f"{ARCHIVES}/{cik}/{accession.replace('-', '')}"
        url = f"{folder}/{accession}-index.htm"
        page = self.get(url)
        try:
            from edgar.attachments import Attachments, parse_homepage_html
        except ImportError:
            raise _missing("reading EDGAR's filing index") from None
        listed = Attachments.load(parse_homepage_html(page))
        found = []
        for attachment in listed.documents:
            path = str(attachment.path or "")
            # edgartools' address: an inline XBRL report's link goes through the viewer
            # (/ix?doc=/Archives/...), the document itself is the part after it.
            address = str(attachment.url) if path.startswith("/") else f"{folder}/{path}"
            found.append(
                _Attachment(
                    str(attachment.sequence_number or ""),
                    str(attachment.description or ""),
                    str(attachment.document or ""),
                    str(attachment.document_type or ""),
                    address,
                    attachment.size if isinstance(attachment.size, int) else None,
                )
            )
        if not found:
            raise FetchError(f"{url}: the index lists no documents")
        return found

    def filing(self, cik: int, ref: FilingRef, *, company: str | None = None) -> FetchedFiling:
        """One filing's report and its EX-4 and EX-99 exhibits, as one EDGAR submission.

        A filing whose index gives only the complete submission text file (filings of the
        1990s) is that file, as EDGAR gives it.
        """
        listed = self._attachments(cik, ref.accession)
        form = ref.form or listed[0].type.upper()
        wanted = [a for a in listed if a.type and _wanted(a, form)]
        if form in OWNERSHIP_FORMS:
            wanted = _structured_first(wanted, form)
        name = f"{ref.accession}.txt"
        if not wanted:
            whole = next((a for a in listed if a.document == name), None) or next(
                (a for a in listed if a.document.lower().endswith(".txt")), None
            )
            if whole is None:
                raise FetchError(
                    f"{name}: the index lists no report, EX-4 or EX-99 document in text or HTML"
                )
            wanted = [whole]
        for attachment in wanted:  # refused before it is fetched, when the index says its size
            if attachment.size is not None and attachment.size > self.max_bytes:
                raise FetchError(
                    f"{attachment.url}: {attachment.size / 1_048_576:.1f} MiB by the index, more "
                    f"than the {self.max_bytes // 1_048_576} MiB a filing may be (--max-size "
                    "MIB raises it)"
                )
        bodies = [(a, self.get(a.url)) for a in wanted]
        if wanted[0].type == "":  # the complete submission text file, as EDGAR gives it
            return FetchedFiling(name, bodies[0][1], (wanted[0].url,))
        return FetchedFiling(
            name, _submission(cik, ref, form, company, bodies), tuple(a.url for a, _ in bodies)
        )

    def rights_refs(
        self, cik: int, accessions: tuple[str, ...] = ()
    ) -> tuple[str | None, list[FilingRef]]:
        """The company's name (when listed) and its rights-plan filings, oldest first.

        With ``accessions``, those filings, whatever their form, each with the form and date
        the listing gives; a listing that cannot be read leaves them without (a
        :class:`UserWarning` says why), since the filings themselves are still reachable.
        """
        if not accessions:
            company, listed = self.company(cik)
            return company, _oldest_first(r for r in listed if is_rights_filing(r))
        wanted = [normal_accession(a) for a in accessions]
        try:
            company, listed = self.company(cik)
        except FetchError as error:
            warnings.warn(
                f"{error}; the filings named are read without the form and date it gives",
                UserWarning,
                stacklevel=2,
            )
            return None, [FilingRef(a, "") for a in wanted]
        known = {r.accession: r for r in listed}
        return company, [known.get(a, FilingRef(a, "")) for a in wanted]

    def ownership_refs(self, cik: int) -> tuple[str | None, list[FilingRef]]:
        """The company's name (when listed) and the Schedules 13D and 13G its listing names.

        EDGAR lists a schedule under both the company it is about and each filer, so the
        listing of a company that itself files on others names those schedules too; the
        caller tells them apart by what they say (:func:`rightsplan.reports.fetch_reports`
        sets aside those about another issuer).
        """
        company, listed = self.company(cik)
        return company, _oldest_first(r for r in listed if is_ownership_report(r))


@contextlib.contextmanager
def open_client(
    user_agent: str | None,
    *,
    cache_dir: str | os.PathLike[str] | None = None,
    no_cache: bool = False,
    transport: Transport | None = None,
    limiter: RateLimiter | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[EdgarClient]:
    """An :class:`EdgarClient` as the commands build it, for the ``with`` block's duration.

    ``user_agent`` is checked first (:func:`check_user_agent`; ``None`` reads
    :data:`IDENTITY_VARIABLE`), before anything is imported or asked. Responses are kept in
    ``cache_dir`` (default :func:`default_cache_dir`); with ``no_cache`` nothing is kept, and
    edgartools' own HTTP cache goes to a temporary folder removed afterwards. ``transport``
    and ``limiter`` replace the network and the clock (tests).
    """
    agent = check_user_agent(user_agent)
    if no_cache and cache_dir is not None:
        raise InvalidInputError("--cache-dir and --no-cache: keep responses in DIR, or keep none")
    with contextlib.ExitStack() as stack:
        if no_cache:
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        else:
            folder = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        if transport is None:
            transport = EdgarToolsTransport(data_dir=folder / "edgartools")
        yield EdgarClient(
            agent,
            transport=transport,
            cache=None if no_cache else DiskCache(folder),
            limiter=limiter,
            max_bytes=max_bytes,
        )


def _column(recent: dict[str, object], key: str, size: int, where: str) -> list[object]:
    values = recent.get(key)
    if values is None:
        return [None] * size
    if not isinstance(values, list) or len(values) != size:
        raise FetchError(f"{where}: '{key}' is not a list as long as 'accessionNumber'")
    return values


def _refs(recent: object, where: str) -> list[FilingRef]:
    """The filings of a listing's column table (``accessionNumber``, ``form``, ...)."""
    if not isinstance(recent, dict):
        raise FetchError(f"{where}: expected a table of filings")
    accessions = recent.get("accessionNumber")
    if not isinstance(accessions, list):
        raise FetchError(f"{where}: no 'accessionNumber' list")
    size = len(accessions)
    forms = _column(recent, "form", size, where)
    dates = _column(recent, "filingDate", size, where)
    items = _column(recent, "items", size, where)
    documents = _column(recent, "primaryDocument", size, where)
    refs = []
    for accession, form, filed, item, document in zip(
        accessions, forms, dates, items, documents, strict=True
    ):
        if not isinstance(accession, str) or not isinstance(form, str):
            continue
        try:
            day = dt.date.fromisoformat(filed) if isinstance(filed, str) else None
        except ValueError:
            raise FetchError(f"{where}: filing {accession}: filingDate {filed!r}") from None
        refs.append(
            FilingRef(
                normal_accession(accession),
                form.upper(),
                day,
                tuple(i.strip() for i in item.split(",") if i.strip())
                if isinstance(item, str)
                else (),
                document if isinstance(document, str) and document else None,
            )
        )
    return refs


def _header_value(text: str) -> str:
    return " ".join(text.split())


def _submission(
    cik: int,
    ref: FilingRef,
    form: str,
    company: str | None,
    bodies: list[tuple[_Attachment, bytes]],
) -> bytes:
    """The documents fetched, wrapped as EDGAR wraps a full submission (SGML header first).

    Only facts the listing or the index gave go in the header; each document's text is its
    body as fetched.
    """
    header = [f"ACCESSION NUMBER:\t{ref.accession}"]
    if form:
        header.append(f"CONFORMED SUBMISSION TYPE:\t{_header_value(form)}")
    if ref.filed is not None:
        header.append(f"FILED AS OF DATE:\t{ref.filed:%Y%m%d}")
    if company:
        header.append(f"COMPANY CONFORMED NAME:\t{_header_value(company)}")
    header.append(f"CENTRAL INDEX KEY:\t{cik:010d}")
    parts = [
        f"<SEC-DOCUMENT>{ref.accession}.txt\n<SEC-HEADER>\n".encode(),
        ("\n".join(header) + "\n</SEC-HEADER>\n").encode(),
    ]
    for attachment, body in bodies:
        tags = [
            f"<TYPE>{_header_value(attachment.type)}",
            f"<SEQUENCE>{_header_value(attachment.sequence)}",
            f"<FILENAME>{_header_value(attachment.document)}",
        ]
        if attachment.description:
            tags.append(f"<DESCRIPTION>{_header_value(attachment.description)}")
        parts.append(("<DOCUMENT>\n" + "\n".join(tags) + "\n<TEXT>\n").encode())
        parts.append(body)
        parts.append(b"\n</TEXT>\n</DOCUMENT>\n")
    parts.append(b"</SEC-DOCUMENT>\n")
    return b"".join(parts)
