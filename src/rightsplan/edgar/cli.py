"""``rightsplan ingest FILING... [--format json|toml]``: draft a plan from filings.

:func:`ingest_main` is the command; the main ``rightsplan`` command dispatches to it.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys

from rightsplan._printable import printable
from rightsplan.edgar.draft import FilingDraft, draft_filing
from rightsplan.edgar.filing import MAX_BYTES, read_filing
from rightsplan.edgar.history import combine
from rightsplan.edgar.output import to_json, to_toml
from rightsplan.errors import FilingError, RightsPlanError

__all__ = ["ingest_main"]

_EPILOG = """\
example:
  rightsplan ingest tests/data/filings/seed_004.txt --format toml > innotrac-draft.toml

Each drafted value carries a confidence and the span of text it came from; review the
fragment before loading it as a plan. A filing that reports no rights-plan event is named on
standard error and contributes nothing. Terminal escape sequences, control characters and
characters that show nothing are removed from a filing's text as it is read; what was
removed is named on standard error and in the draft's notes. A filing that cannot be read is
named on standard error with the reason, and the others are still read; the draft is then
written from those that could be, and the command exits 2. On a terminal, reading many
filings shows progress (files, rate and time left) on standard error. Exit status: 0 on
success, 2 for bad input (any filing unreadable), 70 for an internal error.
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rightsplan ingest",
        description=(
            "Read 8-K and 8-A filings (plain text, EDGAR full submission or HTML), find their "
            "rights-plan events and draft the plan history they describe, as a plan-file "
            "fragment (TOML) or the full drafts with spans and confidence (JSON)."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("filings", nargs="+", metavar="FILING", help="filing files to read")
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
            f"refuse a filing larger than MIB mebibytes (default: {DEFAULT_MAX_MIB}; at most "
            f"{MAX_BYTES // 1_048_576}); rights-plan filings are far smaller"
        ),
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the draft to FILE (atomically) instead of standard output (- is stdout)",
    )
    return parser


DEFAULT_MAX_MIB = 8
"""The largest filing ``rightsplan ingest`` reads unless told otherwise (``--max-size``)."""


def _mebibytes(text: str) -> int:
    """``--max-size``: a whole number of mebibytes, 1 to the most a filing may be."""
    most = MAX_BYTES // 1_048_576
    if not text.isdigit() or not 1 <= int(text) <= most:
        raise argparse.ArgumentTypeError(
            f"expected a whole number of mebibytes from 1 to {most}, got {printable(text)!r}"
        )
    return int(text)


def _size_checked(path: str, max_bytes: int) -> None:
    """Refuse a regular file over the limit before reading it, saying how to raise it."""
    try:
        status = os.stat(path)
    except OSError:
        return  # read_filing says why it cannot be read
    if stat.S_ISREG(status.st_mode) and status.st_size > max_bytes:
        raise FilingError(
            f"{path}: {status.st_size / 1_048_576:.1f} MiB, more than the "
            f"{max_bytes // 1_048_576} MiB "
            "a filing may be (--max-size MIB raises the limit)"
        )


_PROGRESS_FROM = 10
"""Reading this many filings or more shows progress (on a terminal)."""


def ingest_main(argv: list[str]) -> int:
    """Run ``rightsplan ingest`` with ``argv`` (the arguments after ``ingest``).

    Returns the exit status: 0 on success, 2 for bad input (one error line on standard
    error, never a traceback). An internal error (a bug) propagates, noted with the filing
    being read, for :func:`rightsplan.cli.main` to report in one line (exit 70).
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return 0 if exit_.code in (0, None) else 2
    from rightsplan._progress import on_terminal, progress_bar
    from rightsplan.cli import _deliver, _refuse_inputs

    drafts: list[FilingDraft] = []
    failed: list[str] = []
    path = ""
    total = len(args.filings)
    progress = progress_bar("reading", "filings") if total >= _PROGRESS_FROM else None
    if not on_terminal():
        progress = None
    try:
        _refuse_inputs({"--output": args.output}, args.filings)
        for done, path in enumerate(args.filings, start=1):
            try:
                _size_checked(path, args.max_size * 1_048_576)
                filing = read_filing(path, max_bytes=args.max_size * 1_048_576)
                if filing.removed_note is not None:
                    print(printable(f"{path}: {filing.removed_note}"), file=sys.stderr)
                draft = draft_filing(filing)
            except RightsPlanError as error:
                # One unreadable filing among many: say which and why, and read the rest.
                first = str(error).splitlines()[0] if str(error) else type(error).__name__
                print(f"rightsplan ingest: error: {printable(first)}", file=sys.stderr)
                failed.append(path)
            else:
                if not draft.found_event:
                    reason = draft.notes[0] if draft.notes else "no rights-plan event found"
                    print(f"{printable(path)}: {printable(reason)}", file=sys.stderr)
                drafts.append(draft)
            if progress is not None:
                progress(done, total)
        if failed and not drafts:
            if total > 1:
                print(
                    f"rightsplan ingest: none of the {total} filings could be read", file=sys.stderr
                )
            return 2
        plan = combine(drafts)
        text = to_json(plan) if args.format == "json" else to_toml(plan)
        _deliver(text, args.output)
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
        error.add_note(f"while reading {path}")
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
