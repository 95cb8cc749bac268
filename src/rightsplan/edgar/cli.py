"""``rightsplan ingest FILING... [--format json|toml]``: draft a plan from filings.

:func:`ingest_main` is the command; the main ``rightsplan`` command dispatches to it.
"""

from __future__ import annotations

import argparse
import sys

from rightsplan._printable import printable
from rightsplan.edgar.draft import FilingDraft, draft_filing
from rightsplan.edgar.filing import read_filing
from rightsplan.edgar.history import combine
from rightsplan.edgar.output import to_json, to_toml
from rightsplan.errors import RightsPlanError

__all__ = ["ingest_main"]

_EPILOG = """\
example:
  rightsplan ingest tests/data/filings/seed_004.txt --format toml > innotrac-draft.toml

Each drafted value carries a confidence and the span of text it came from; review the
fragment before loading it as a plan. A filing that reports no rights-plan event is named on
standard error and contributes nothing. Terminal escape sequences, control characters and
characters that show nothing are removed from a filing's text as it is read; what was
removed is named on standard error and in the draft's notes. Exit status: 0 on success,
2 for bad input, 70 for an internal error.
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
    return parser


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
    drafts: list[FilingDraft] = []
    path = ""
    try:
        for path in args.filings:
            filing = read_filing(path)
            if filing.removed_note is not None:
                print(printable(f"{path}: {filing.removed_note}"), file=sys.stderr)
            draft = draft_filing(filing)
            if not draft.found_event:
                reason = draft.notes[0] if draft.notes else "no rights-plan event found"
                print(printable(f"{path}: {reason}"), file=sys.stderr)
            drafts.append(draft)
        plan = combine(drafts)
    except RightsPlanError as error:
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        print(f"rightsplan ingest: error: {printable(first)}", file=sys.stderr)
        return 2
    except Exception as error:  # a bug, not bad input: rightsplan.cli.main reports it (70)
        error.add_note(f"while reading {path}")
        raise
    text = to_json(plan) if args.format == "json" else to_toml(plan)
    sys.stdout.write(text)
    return 0
