"""``rightsplan ingest [FILING...] [--cik N | --ticker T] [--accession A]``: draft a plan.

:func:`ingest_main` is the command; the main ``rightsplan`` command dispatches to it. Filings
come from files, from EDGAR (:mod:`rightsplan.edgar.fetch`, the ``edgar`` extra), or both.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import stat
import sys
import warnings
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from rightsplan._printable import printable
from rightsplan.edgar.draft import FilingDraft, draft_filing
from rightsplan.edgar.filing import MAX_BYTES, Filing, parse_filing, read_filing
from rightsplan.edgar.history import combine
from rightsplan.edgar.output import to_json, to_toml
from rightsplan.errors import FilingError, InvalidInputError, RightsPlanError
from rightsplan.reports.read import parse_report

if TYPE_CHECKING:
    from rightsplan.edgar.fetch import EdgarClient, FilingRef, RateLimiter, Transport

__all__ = ["DEFAULT_MAX_MIB", "ingest_main"]

_EPILOG = """\
examples:
  rightsplan ingest tests/data/filings/seed_004.txt --format toml > innotrac-draft.toml
  rightsplan ingest --ticker CNO --user-agent "Jane Doe jane@example.com" -o cno-draft.toml
  rightsplan ingest --cik 842913 --accession 0000842913-95-000005 --format json

documents: a filing is read whole: its report (8-K, 8-A), the agreement's own text (EX-4
exhibits: the agreement or an amendment) and press releases (EX-99 exhibits). Where they
disagree, the agreement's words are kept over the report's and the report's over a press
release's; every other reading is kept too, as a conflict, each listed once. Every document
is read, cover page or not, and its kind named in the JSON (filings[].document.kind: 8-K,
8-A, 8-A/A, EX-4 agreement, EX-4 amendment, EX-99 press release, 10-Q note, 10-K note, proxy
or unknown), with how sure the reader is of it and the words that decided.

confidence: each drafted value carries a confidence from 0 to 1 and the span of text (with
its quotation) it came from. Values read from the agreement's own text score highest, those
from the report and press releases lower. Confidence ranks how directly the words state a
value; it is not a probability. Review the fragment before loading it as a plan.

fetching (pip install "rightsplan[edgar]"): --cik or --ticker lists the company's filings on
EDGAR and keeps Forms 8-A12B and 8-A12G (and their amendments), 8-Ks reporting Item 1.01,
3.03 or 5.03, and 8-Ks filed before 23 August 2004 (rights plans were then Item 5, among
other events; those that report none contribute nothing). --accession reads the filings
named instead, whatever their form (with --cik or --ticker: EDGAR's addresses need the
company's CIK; the form and filing date come from the company's list). Of each
filing, the report and its EX-4 and EX-99 exhibits are fetched (a 1990s filing: its complete
submission text). EDGAR asks every program to say who runs it: --user-agent, or the
RIGHTSPLAN_EDGAR_IDENTITY variable, must give a name and an e-mail address. At most ten
requests a second are sent (the SEC's limit).

caching: every response is kept in the user's cache folder (--cache-dir names another;
~/.cache/rightsplan/edgar on Linux): a filed document for good, a company's list of filings
for a day. A second run reads what it has kept without asking EDGAR. --no-cache neither
reads nor keeps anything.

Terminal escape sequences, control characters and characters that show nothing are removed
from a filing's text as it is read; what was removed is named on standard error and in the
draft's notes. A filing that reports no rights-plan event is named on standard error and
contributes nothing (a Schedule 13D or 13G is named as one, with the commands that read it:
rightsplan reports read, rightsplan watch). A filing that cannot be read (or fetched) is
named on standard error with the reason, and the others are still read; the draft is then
written from those that could be, and the command exits 2. On a terminal, reading many
filings shows progress.
Exit status: 0 on success, 2 for bad input (any filing unreadable, too large or not
fetched, no user agent, the edgar extra missing), 70 for an internal error.
"""


DEFAULT_MAX_MIB = 8
"""The largest filing ``rightsplan ingest`` reads unless told otherwise (``--max-size``)."""

_REPORT_HINT = (
    "it is a Schedule 13D or 13G: 'rightsplan reports read FILE' reads its cover, and "
    "'rightsplan watch PLAN FOLDER' judges the holdings against a plan"
)


def _is_ownership_report(filing: Filing) -> bool:
    """Whether a filing is a Schedule 13D or 13G, by the reports reader's own test.

    Asked only of a filing with no rights-plan event, so that ``ingest`` points to the
    commands that read it.
    """
    try:
        parse_report(filing.text, name=filing.name)
    except RightsPlanError:
        return False
    return True


def _mebibytes(text: str) -> int:
    """``--max-size``: a whole number of mebibytes, 1 to the most a filing may be."""
    most = MAX_BYTES // 1_048_576
    if not text.isdigit() or not 1 <= int(text) <= most:
        raise argparse.ArgumentTypeError(
            f"expected a whole number of mebibytes from 1 to {most}, got {printable(text)!r}"
        )
    return int(text)


def _accession(text: str) -> str:
    """``--accession``: an accession number, checked as it is read."""
    from rightsplan.edgar.fetch import normal_accession

    try:
        return normal_accession(text)
    except InvalidInputError as error:
        raise argparse.ArgumentTypeError(printable(str(error))) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rightsplan ingest",
        description=(
            "Read rights-plan documents (8-K and 8-A filings, stand-alone agreements, amendments, "
            "press releases, 10-Q and 10-K notes, proxies; plain text, EDGAR full submission or "
            "HTML; from files or fetched from EDGAR), find their rights-plan events and draft "
            "the plan history "
            "they describe, as a plan-file fragment (TOML) or the full drafts with spans and "
            "confidence (JSON)."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "filings",
        nargs="*",
        metavar="FILING",
        help="filing files to read (- reads one filing from standard input)",
    )
    parser.add_argument(
        "--format",
        choices=("toml", "json"),
        default="toml",
        help="toml: the plan-file fragment; json: the fragment and every draft (default: toml)",
    )
    parser.add_argument(
        "--max-size",
        type=_mebibytes,
        default=DEFAULT_MAX_MIB,
        metavar="MIB",
        help=(
            f"refuse a filing (or a fetched document) larger than MIB mebibytes (default: "
            f"{DEFAULT_MAX_MIB}; at most {MAX_BYTES // 1_048_576}); rights-plan filings are "
            "far smaller"
        ),
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the draft to FILE (atomically) instead of standard output (- is stdout)",
    )
    from rightsplan.cli._shell import add_edgar_arguments

    fetch = add_edgar_arguments(parser, "the rights-plan filings")
    fetch.add_argument(
        "--accession",
        type=_accession,
        action="append",
        default=[],
        metavar="A",
        help="fetch only filing A (0000950123-09-012345; repeatable; needs --cik or --ticker)",
    )
    return parser


def _size_checked(path: str, max_bytes: int) -> None:
    """Refuse a regular file over the limit before reading it, saying how to raise it."""
    try:
        status = os.stat(path)
    except OSError:
        return  # read_filing says why it cannot be read
    if stat.S_ISREG(status.st_mode) and status.st_size > max_bytes:
        raise FilingError(
            f"{path}: {status.st_size / 1_048_576:.1f} MiB, more than the "
            f"{max_bytes // 1_048_576} MiB a filing may be (--max-size MIB raises the limit)"
        )


_PROGRESS_FROM = 10
"""Reading this many filings or more shows progress (on a terminal)."""

_Source = tuple[str, Callable[[], Filing]]
"""A filing to read: its name, and how to read it."""


def _from_stdin(max_bytes: int) -> Filing:
    """The filing on standard input (``-``), named ``<stdin>`` in messages, at most the limit."""
    from rightsplan.cli._shell import STDIN_NAME

    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise FilingError(f"{STDIN_NAME}: standard input is closed")
    data: bytes = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise FilingError(
            f"{STDIN_NAME}: more than the {max_bytes // 1_048_576} MiB a filing may be "
            "(--max-size MIB raises the limit)"
        )
    return parse_filing(data, name=STDIN_NAME, max_bytes=max_bytes)


def _from_files(paths: list[str], max_bytes: int) -> Iterator[_Source]:
    from rightsplan.cli._shell import STDIN, STDIN_NAME

    for path in paths:

        def read(path: str = path) -> Filing:
            if path == STDIN:
                return _from_stdin(max_bytes)
            _size_checked(path, max_bytes)
            return read_filing(path, max_bytes=max_bytes)

        yield (STDIN_NAME if path == STDIN else path), read


def _from_edgar(client: EdgarClient, args: argparse.Namespace) -> Iterator[_Source]:
    """The filings to fetch, each fetched and parsed when its turn comes."""
    cik: int = args.cik if args.cik is not None else client.cik_for_ticker(args.ticker)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UserWarning)
        company, refs = client.rights_refs(cik, tuple(args.accession))
    for warning in caught:  # the listing could not be read; the filings named still are
        print(f"rightsplan ingest: note: {printable(str(warning.message))}", file=sys.stderr)
    if not refs:
        raise FilingError(
            f"CIK {cik}: EDGAR lists no rights-plan filing (8-A12B or 8-A12G, an 8-K of Item "
            "1.01, 3.03 or 5.03, or an 8-K before August 2004); --accession reads a filing "
            "by its number"
        )
    for ref in refs:

        def read(ref: FilingRef = ref) -> Filing:
            fetched = client.filing(cik, ref, company=company)
            return parse_filing(fetched.data, name=fetched.name, max_bytes=client.max_bytes)

        yield f"{ref.accession}.txt", read
    print(
        f"rightsplan ingest: CIK {cik}: {len(refs)} {'filing' if len(refs) == 1 else 'filings'} "
        f"from EDGAR ({len(client.requested)} requests sent, the rest read from the cache)",
        file=sys.stderr,
    )


def ingest_main(
    argv: list[str],
    *,
    transport: Transport | None = None,
    limiter: RateLimiter | None = None,
) -> int:
    """Run ``rightsplan ingest`` with ``argv`` (the arguments after ``ingest``).

    Returns the exit status: 0 on success, 2 for bad input (one error line on standard
    error, never a traceback). An internal error (a bug) propagates, noted with the filing
    being read, for :func:`rightsplan.cli.main` to report in one line (exit 70).
    ``transport`` and ``limiter`` replace the network and the clock (tests).
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
        fetching = args.cik is not None or args.ticker is not None
        if args.accession and not fetching:
            parser.error("--accession needs --cik or --ticker (EDGAR's addresses need the CIK)")
        if not args.filings and not fetching:
            parser.error("name filing files, or --cik or --ticker to fetch them from EDGAR")
        if fetching and args.no_cache and args.cache_dir is not None:
            parser.error("--cache-dir and --no-cache: keep responses in DIR, or keep none")
    except SystemExit as exit_:
        return 0 if exit_.code in (0, None) else 2
    from rightsplan._progress import on_terminal, progress_bar
    from rightsplan.cli._shell import deliver, one_standard_input, refuse_inputs

    max_bytes = args.max_size * 1_048_576
    drafts: list[FilingDraft] = []
    failed: list[str] = []
    name = ""
    total = len(args.filings)
    progress = progress_bar("reading", "filings") if total >= _PROGRESS_FROM else None
    if not on_terminal():
        progress = None
    try:
        with contextlib.ExitStack() as stack:
            refuse_inputs({"--output": args.output}, args.filings)
            one_standard_input(*args.filings)
            sources: list[Iterator[_Source]] = [_from_files(args.filings, max_bytes)]
            if fetching:
                from rightsplan.edgar.fetch import open_client

                client = stack.enter_context(
                    open_client(
                        args.user_agent,
                        cache_dir=args.cache_dir,
                        no_cache=args.no_cache,
                        transport=transport,
                        limiter=limiter,
                        max_bytes=max_bytes,
                    )
                )
                sources.append(_from_edgar(client, args))
            done = 0
            for source in sources:
                for name, read in source:
                    done += 1
                    try:
                        filing = read()
                        if filing.removed_note is not None:
                            print(printable(f"{name}: {filing.removed_note}"), file=sys.stderr)
                        draft = draft_filing(filing)
                    except RightsPlanError as error:
                        # One unreadable filing among many: say which and why, read the rest.
                        first = str(error).splitlines()[0] if str(error) else type(error).__name__
                        print(f"rightsplan ingest: error: {printable(first)}", file=sys.stderr)
                        failed.append(name)
                    else:
                        if not draft.found_event:
                            reason = draft.notes[0] if draft.notes else "no rights-plan event found"
                            if _is_ownership_report(filing):
                                reason += f"; {_REPORT_HINT}"
                            print(f"{printable(name)}: {printable(reason)}", file=sys.stderr)
                        drafts.append(draft)
                    if progress is not None:
                        progress(min(done, total), total)
        total = done
        if failed and not drafts:
            if total > 1:
                print(
                    f"rightsplan ingest: none of the {total} filings could be read", file=sys.stderr
                )
            return 2
        plan = combine(drafts)
        text = to_json(plan) if args.format == "json" else to_toml(plan)
        deliver(text, args.output)
    except RightsPlanError as error:
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        print(f"rightsplan ingest: error: {printable(first)}", file=sys.stderr)
        return 2
    except MemoryError:
        # Drafting and writing are linear in the input, so this is the machine's limit.
        print(
            "rightsplan ingest: error: out of memory drafting these filings; read fewer at a "
            "time or a smaller --max-size",
            file=sys.stderr,
        )
        return 2
    except Exception as error:  # a bug, not bad input: rightsplan.cli.main reports it (70)
        error.add_note(f"while reading {name}")
        raise
    if failed:
        print(
            f"rightsplan ingest: {len(failed)} of {total} filings could not be read "
            f"({', '.join(printable(name) for name in failed[:5])}"
            f"{', ...' if len(failed) > 5 else ''}); the draft is from the others",
            file=sys.stderr,
        )
        return 2
    return 0
