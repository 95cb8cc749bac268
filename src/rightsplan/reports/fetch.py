"""An issuer's Schedules 13D and 13G fetched from EDGAR (the ``edgar`` extra), read as reports.

:func:`fetch_reports` asks EDGAR, through the same client ``rightsplan ingest --cik`` uses
(:func:`rightsplan.edgar.fetch.open_client`: a declared User-Agent, at most ten requests a
second, responses kept on disk), for the filings a company's listing names with a Schedule 13D
or 13G form type (``SC 13D``, ``SC 13G`` and their amendments; ``SCHEDULE 13D`` and the like,
the structured XML, since December 2024), fetches each one's schedule (the XML itself where
the filing has it) and its EX-99 exhibits, and reads them with
:func:`~rightsplan.reports.parse_report`. :func:`rightsplan.reports.watch` then watches them.

EDGAR lists a schedule under the company it is about and under each filer, so a company that
itself reports holdings in others has those schedules in its listing too: a report whose cover
CUSIP names another issuer (its first six characters differ from those most of the company's
reports give) is set aside, with the reason.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import attrs

from rightsplan.errors import FilingError, InvalidInputError
from rightsplan.reports.model import Report
from rightsplan.reports.read import MAX_BYTES, parse_report

if TYPE_CHECKING:
    from rightsplan.edgar.fetch import RateLimiter, Transport

__all__ = ["FetchedReports", "fetch_reports"]


@attrs.frozen
class FetchedReports:
    """What EDGAR gave for one company: the reports read, and the filings set aside, with why."""

    cik: int
    company: str | None
    """The company's name as EDGAR's listing gives it (``None``: not given)."""
    reports: tuple[Report, ...]
    """The Schedules 13D and 13G read, oldest filing first (each named ``<accession>.txt``)."""
    set_aside: tuple[tuple[str, str], ...] = ()
    """``(filing, why)`` for each filing not read (unreadable) or not about the company."""
    requested: int = 0
    """The requests actually sent to EDGAR (the rest were read from the cache)."""


def _cusip6(report: Report) -> str | None:
    if report.cusip is None:
        return None
    printed = re.sub(r"[\s-]", "", report.cusip.value).upper()
    return printed[:6] if len(printed) >= 6 else None


def _about_the_company(
    reports: Iterable[Report],
) -> tuple[list[Report], list[tuple[str, str]]]:
    """The reports about the issuer most of them name (by CUSIP), and the others with why."""
    found = list(reports)
    counted = Counter(c for c in map(_cusip6, found) if c is not None)
    if len(counted) < 2:
        return found, []
    (issuer, most), *rest = counted.most_common()
    if rest and rest[0][1] == most:
        return found, []  # no issuer most of them name: keep them all
    kept: list[Report] = []
    other: list[tuple[str, str]] = []
    for report in found:
        own = _cusip6(report)
        if own is None or own == issuer:
            kept.append(report)
        else:
            other.append(
                (
                    report.name,
                    f"its cover CUSIP {report.cusip.value if report.cusip else ''} names another "
                    f"issuer than the {most} reports with CUSIP {issuer}... (a schedule the "
                    "company filed on another, or one EDGAR lists under it as a filer)",
                )
            )
    return kept, other


def fetch_reports(
    cik: int | None = None,
    *,
    ticker: str | None = None,
    user_agent: str | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    no_cache: bool = False,
    transport: Transport | None = None,
    limiter: RateLimiter | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> FetchedReports:
    """The Schedules 13D and 13G EDGAR lists for the company with ``cik`` (or ``ticker``).

    ``user_agent`` is who runs this, as EDGAR asks (``"Name you@example.com"``; ``None`` reads
    ``RIGHTSPLAN_EDGAR_IDENTITY``); ``cache_dir`` where responses are kept (default: the
    user's cache folder; a filed document is kept for good, the company's listing for a day),
    ``no_cache`` to keep none. ``transport`` and ``limiter`` replace the network and the clock
    (:class:`rightsplan.edgar.fetch.Transport`, :class:`~rightsplan.edgar.fetch.RateLimiter`;
    tests); ``progress``, if given, is called with the filings done and their number after
    each one. Needs the edgar extra (``pip install "rightsplan[edgar]"``) unless a transport is
    given.

    A filing that cannot be read as a schedule (no cover, a document EDGAR did not give) is
    set aside with why, as is one about another issuer; a company whose listing names no
    Schedule 13D or 13G is a :class:`~rightsplan.errors.FilingError`.
    """
    from rightsplan.edgar.fetch import FetchError, open_client

    if (cik is None) == (ticker is None):
        raise InvalidInputError("name the company by its CIK or by its ticker (one of them)")
    if cik is not None and (isinstance(cik, bool) or not isinstance(cik, int) or cik <= 0):
        raise InvalidInputError(f"cik: expected a positive whole number, got {cik!r}")
    with open_client(
        user_agent,
        cache_dir=cache_dir,
        no_cache=no_cache,
        transport=transport,
        limiter=limiter,
        max_bytes=MAX_BYTES,
    ) as client:
        number = cik if cik is not None else client.cik_for_ticker(str(ticker))
        company, refs = client.ownership_refs(number)
        if not refs:
            raise FilingError(
                f"CIK {number}: EDGAR lists no Schedule 13D or 13G (SC 13D, SC 13G, SCHEDULE 13D, "
                "SCHEDULE 13G or an amendment) for this company"
            )
        read: list[Report] = []
        unread: list[tuple[str, str]] = []
        for done, ref in enumerate(refs, start=1):
            name = f"{ref.accession}.txt"
            try:
                fetched = client.filing(number, ref, company=company)
                read.append(parse_report(fetched.data, name=fetched.name, max_bytes=MAX_BYTES))
            except FetchError as error:
                unread.append((name, str(error)))
            except FilingError as error:
                unread.append((name, str(error).removeprefix(f"{name}: ")))
            if progress is not None:
                progress(done, len(refs))
        kept, other = _about_the_company(read)
        return FetchedReports(
            number, company, tuple(kept), (*unread, *other), len(client.requested)
        )
