"""``rightsplan reports`` (read, events, score) and ``rightsplan watch``.

:func:`reports_main` and :func:`watch_main` are the commands; the main ``rightsplan``
command dispatches to them. Exit statuses: 0 fine, 1 only when a watched holding triggers
the plan, 2 for bad input (a report that cannot be read is named with the reason), 70 for
an internal error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rightsplan import report as frames
from rightsplan._printable import json_safe, printable
from rightsplan.errors import FilingError, InvalidInputError, RightsPlanError
from rightsplan.io._files import csv_text
from rightsplan.reports.ledger import events_text
from rightsplan.reports.model import Report, Stated
from rightsplan.reports.read import read_report
from rightsplan.reports.score import score
from rightsplan.reports.watch import Watch, watch

if TYPE_CHECKING:
    from rightsplan.edgar.fetch import RateLimiter, Transport

__all__ = ["reports_main", "watch_main"]

_READ_EPILOG = """\
examples:
  rightsplan reports read tests/data/reports-fixtures/tci-music-13d.txt --format json
  rightsplan reports events examples/innotrac/reports/*.txt --outstanding 11572314 \\
      -o ipof-events.csv
  rightsplan reports score tests/data/reports --half test

'read' gives every fact each report states, with its span (start and end offsets in the
report's text) and quote; a field the report states twice, differently, is listed as an
inconsistency. 'events' turns the reports of one issuer into an events file for 'rightsplan
history' (review and edit it first). 'score' gives the reader's precision and recall per field
on one half of a corpus. A report that cannot be read (empty, binary, larger than 16 MiB, no
Schedule 13D or 13G cover) is named on standard error with the reason and the command exits
2. Exit status: 0 on success, 2 for bad input, 70 for an internal error.
"""

_WATCH_EPILOG = """\
examples:
  rightsplan watch examples/innotrac/plan.toml examples/innotrac/reports \\
      --outstanding 11572314 --passive "IPOF Group"
  rightsplan watch plan.toml --ticker CSLR --user-agent "Jane Doe jane@example.com"

fetching (pip install "rightsplan[edgar]"): --cik or --ticker lists the company's filings on
EDGAR and reads every Schedule 13D and 13G among them (SC 13D, SC 13G and amendments; since
December 2024 SCHEDULE 13D and SCHEDULE 13G, read from their XML), with their EX-99 exhibits,
through the same client as 'rightsplan ingest': a declared User-Agent (--user-agent or
$RIGHTSPLAN_EDGAR_IDENTITY), at most ten requests a second, responses kept in the user's cache
folder (--cache-dir, --no-cache). A schedule about another issuer (the company's own filings on
others) and a filing that cannot be read are named on standard error.

Each holder is judged on its reports' event dates and on every date the plan changes (ON:
report or plan), its holding carried forward from its latest report, with its standing from
the replay of the reports with the plan: exactly when the shares outstanding are known
(stated in a report, or --outstanding), else from the percentage as printed (UNCERTAIN where
its rounding straddles the limit). Passivity is the form's and the 13G's rule box's: a 13D
is active; a 13G under Rule 13d-1(b) or (c) is passive, and one stating no rule is passive
by its form (the row says the rule was not stated); a 13G under Rule 13d-1(d) (an exempt
investor, filing whatever its intent) does not show passivity, nor does a report that does
not say whether it is a 13D or a 13G, so it is judged under both tiers: UNCERTAIN where the
passive tier decides whether it triggers, a warning where it decides only between warning and
clear, unless --passive or --active names the holder. An
exception that lasts only while its holder has no intention of changing or
influencing control turns on intent: a 13D's Item 4 decides that, and where it does not the
row is UNCERTAIN unless --passive or --active names the holder. A joint filing naming
earlier separate filers makes them a group from its date; --group states others. Each row
cites the plan clause and the reports. Exit status: 0 when no holding triggers, 1 when one
does, 2 for bad input, 70 for an internal error.
"""

_REPORT_SUFFIXES = frozenset(("", ".txt", ".htm", ".html", ".xml", ".sgml", ".nc"))


def _error(command: str, error: Exception) -> None:
    first = str(error).splitlines()[0] if str(error) else type(error).__name__
    print(f"rightsplan {command}: error: {printable(first)}", file=sys.stderr)


def _read_all(paths: Sequence[str], command: str) -> tuple[list[Report], bool]:
    """The reports that could be read, and whether any could not (each named on stderr)."""
    found: list[Report] = []
    failed = False
    for path in paths:
        try:
            found.append(read_report(path))
        except FilingError as error:
            _error(command, error)
            failed = True
    return found, failed


def _fact_records(reports: Sequence[Report]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for found in reports:
        for fact in found.facts():
            rows.append(
                {
                    "file": found.name,
                    "fact": fact.key,
                    "value": fact.value,
                    "start": fact.start,
                    "end": fact.end,
                    "quote": fact.quote,
                }
            )
    return rows


def _report_json(found: Report) -> dict[str, object]:
    return {
        "file": found.name,
        "layout": found.layout.value,
        "form": found.form_name,
        "date": found.date.isoformat() if found.date is not None else None,
        "facts": [
            {
                "fact": fact.key,
                "value": fact.value,
                "start": fact.start,
                "end": fact.end,
                "quote": fact.quote,
            }
            for fact in found.facts()
        ],
        "inconsistencies": [item.describe() for item in found.inconsistencies],
        "passive": found.passive,
        "passivity": found.passivity.value,
        "joint_filing": _span(found.joint_filing),
        "outstanding": _span(found.outstanding),
    }


def _span(stated: Stated[Any] | None) -> dict[str, object] | None:
    if stated is None:
        return None
    return {"value": stated.value, "start": stated.start, "end": stated.end, "quote": stated.quote}


_REPORT_HELP = "a Schedule 13D or 13G file: text, an EDGAR submission, HTML or XML"


def _action_epilog(action: str, *examples: str) -> str:
    shown = "\n".join(f"  rightsplan reports {action} {example}" for example in examples)
    refused = (
        "A corpus report that cannot be read is counted as refused in the figures. "
        if action == "score"
        else "A report that cannot be read (empty, binary, larger than 16 MiB, no Schedule 13D "
        "or 13G cover) is named on standard error with the reason and the command exits 2. "
    )
    return (
        f"examples:\n{shown}\n\n{refused}Exit status: 0 on success, 2 for bad input, 70 for "
        "an internal error.\n"
    )


def _reports_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rightsplan reports",
        description=(
            "Read Schedules 13D and 13G (1990s text, EDGAR submissions, HTML, the XML since "
            "December 2024): cover facts with their spans, an events file, the reader's scores."
        ),
        epilog=_READ_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    raw = argparse.RawDescriptionHelpFormatter
    read = commands.add_parser(
        "read",
        help="every fact each report states, with its span",
        description="Every fact each Schedule 13D or 13G states (issuer, CUSIP, form, "
        "amendment, event date, rule, each reporting person's cover rows, Item 4), each with "
        "its span (start and end offsets in the report's text; for XML, the XML as filed) "
        "and its quote; a field stated twice, differently, is an inconsistency.",
        epilog=_action_epilog(
            "read",
            "tests/data/reports-fixtures/tci-music-13d.txt --format csv",
            "tests/data/reports-fixtures/drawn-13g-a-primary_doc.xml -o facts.json",
        ),
        formatter_class=raw,
    )
    read.add_argument("reports", nargs="+", metavar="REPORT", help=_REPORT_HELP)
    read.add_argument(
        "--format",
        choices=("json", "csv"),
        default="json",
        help="json: one object per report with its facts (default); csv: one row per fact",
    )
    read.add_argument("-o", "--output", metavar="FILE", help="write to FILE (- is stdout)")
    events = commands.add_parser(
        "events",
        help="one issuer's reports as an events file",
        description="One issuer's reports, in date order, as an events file for 'rightsplan "
        "history' (review and edit it first): a position-reported event per report with its "
        "aggregate amount and its passivity (from the form and the 13G's rule box), "
        "outstanding-changed where a report states the shares outstanding, group-formed where "
        "a joint filing names earlier separate filers; each event cites its report.",
        epilog=_action_epilog(
            "events",
            "examples/innotrac/reports/*.txt --outstanding 11572314 -o ipof-events.csv",
        ),
        formatter_class=raw,
    )
    events.add_argument("reports", nargs="+", metavar="REPORT", help=_REPORT_HELP)
    events.add_argument(
        "--format",
        choices=("csv", "json", "jsonl"),
        default="csv",
        help="the events file's format (default csv)",
    )
    events.add_argument(
        "--outstanding",
        type=int,
        metavar="N",
        help="the shares outstanding until a report states a figure (a replay needs one "
        "before the first holding)",
    )
    events.add_argument("-o", "--output", metavar="FILE", help="write to FILE (- is stdout)")
    scored = commands.add_parser(
        "score",
        help="precision and recall per field on a corpus",
        description="The reader's precision and recall per field on one half of a corpus of "
        "reports with gold facts (<issuer>/<NN>-<form>.txt beside .gold.json, halves in "
        "split.json).",
        epilog=_action_epilog("score", "tests/data/reports --half test"),
        formatter_class=raw,
    )
    scored.add_argument("corpus", metavar="CORPUS", help="the corpus folder (with split.json)")
    scored.add_argument(
        "--half",
        choices=("development", "test"),
        default="development",
        help="which half to score (default development; test is the held-back half)",
    )
    scored.add_argument(
        "--format", choices=("table", "json"), default="table", help="default table"
    )
    scored.add_argument("-o", "--output", metavar="FILE", help="write to FILE (- is stdout)")
    return parser


def _parsed(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace | int:
    try:
        return parser.parse_args(argv)
    except SystemExit as exit_:
        return 0 if exit_.code in (0, None) else 2


def reports_main(argv: list[str]) -> int:
    """Run ``rightsplan reports`` with ``argv`` (the arguments after ``reports``)."""
    from rightsplan.cli._shell import deliver, refuse_inputs

    args = _parsed(_reports_parser(), argv)
    if isinstance(args, int):
        return args
    try:
        if args.action == "score":
            result = score(args.corpus, half=args.half)
            if args.format == "json":
                text = json.dumps(
                    {
                        "half": result.half,
                        "reports": result.reports,
                        "refused": list(result.refused),
                        "fields": [
                            {
                                "field": row.field,
                                "correct": row.true_positives,
                                "found": row.true_positives + row.false_positives,
                                "gold": row.true_positives + row.false_negatives,
                            }
                            for row in (*result.fields, result.total)
                        ],
                    },
                    indent=2,
                )
                text += "\n"
            else:
                text = result.table()
            deliver(text, args.output)
            return 0
        refuse_inputs({"--output": args.output}, args.reports)
        found, failed = _read_all(args.reports, "reports")
        if failed:
            return 2
        if args.action == "events":
            deliver(events_text(found, args.format, outstanding=args.outstanding), args.output)
        elif args.format == "csv":
            columns = ["file", "fact", "value", "start", "end", "quote"]
            deliver(csv_text(columns, _fact_records(found)), args.output)
        else:
            data = [_report_json(item) for item in found]
            deliver(json_safe(json.dumps(data, indent=2, ensure_ascii=False)) + "\n", args.output)
    except RightsPlanError as error:
        _error("reports", error)
        return 2
    return 0


def _watch_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rightsplan watch",
        description=(
            "Watch a company: read the Schedules 13D and 13G in a folder (or fetch them from "
            "EDGAR by CIK or ticker) and say, for each "
            "report's date, who is near, at or over their limit under the plan, with the "
            "standing, the headroom and the citations of the plan clause and the report."
        ),
        epilog=_WATCH_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("plan", metavar="PLAN", help="the plan file (TOML, YAML or JSON)")
    parser.add_argument(
        "reports",
        metavar="REPORTS",
        nargs="?",
        help="a folder of reports, or one report (or --cik / --ticker)",
    )
    parser.add_argument(
        "--outstanding",
        type=int,
        metavar="N",
        help="the shares outstanding until a report states a figure",
    )
    parser.add_argument("--passive", action="append", default=[], metavar="NAME",
                        help="treat NAME as passive whatever its form or rule box "
                        "(repeatable)")  # fmt: skip
    parser.add_argument("--active", action="append", default=[], metavar="NAME",
                        help="treat NAME as active whatever its form or rule box "
                        "(repeatable)")  # fmt: skip
    parser.add_argument("--group", action="append", default=[], metavar="NAME=A;B",
                        help="separate filers A and B act as group NAME (Rule 13d-5(b)); "
                        "members separated by ';' (repeatable)")  # fmt: skip
    parser.add_argument("--warn-at", default="0.9", help="the warning line (default 0.9)")
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (- is stdout)")
    from rightsplan.cli._shell import add_edgar_arguments

    add_edgar_arguments(parser, "the Schedules 13D and 13G", "on")
    return parser


def _groups(given: Sequence[str]) -> dict[str, list[str]]:
    """``--group NAME=A;B`` options as a mapping of group names to members."""
    found: dict[str, list[str]] = {}
    for text in given:
        name, equals, members = text.partition("=")
        listed = [member.strip() for member in members.split(";") if member.strip()]
        if not equals or not name.strip() or len(listed) < 2:
            raise InvalidInputError(
                f"--group: expected NAME=MEMBER;MEMBER (a name and at least two members), "
                f"got {text!r}"
            )
        found[name.strip()] = listed
    return found


def _report_paths(where: str) -> list[str]:
    path = Path(where)
    if path.is_dir():
        return [
            str(item)
            for item in sorted(path.iterdir())
            if item.is_file()
            and not item.name.startswith(".")
            and not item.name.endswith(".json")
            and item.suffix.lower() in _REPORT_SUFFIXES
        ]
    if path.is_file():
        return [where]
    raise InvalidInputError(f"{where}: no such report or folder of reports")


def _cell(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def watch_table(result: Watch) -> str:
    """The watch as a table, its citations numbered below it."""
    if not result:
        return "No report gives a holding to assess.\n"
    sources: list[str] = []

    def cite(text: object) -> str:
        if not isinstance(text, str):
            return "-"
        if text not in sources:
            sources.append(text)
        return f"[{sources.index(text) + 1}]"

    header = ("DATE", "ON", "HOLDER", "FORM", "STATUS", "SHARES", "REPORTED", "LIMIT",
              "HEADROOM", "STANDING", "PLAN", "REPORT")  # fmt: skip
    rows: list[tuple[str, ...]] = [header]
    for record in result.records():
        limit = record["limit"]
        comparison = record["comparison"]
        shown_limit = "-" if limit is None else (
            f"{limit}% or more" if comparison == "at-least" else f"more than {limit}%"
        )  # fmt: skip
        reported = record["reported_percent"]
        rows.append(
            (
                _cell(record["date"]),
                "report" if record["occasion"] == "report" else "plan",
                _cell(record["holder"]),
                _cell(record["form"]),
                str(record["status"]).upper(),
                _cell(record["shares"]),
                "-" if reported is None else f"{reported}%",
                shown_limit,
                _cell(record["headroom"]),
                _cell(record["standing"]),
                cite(record["plan_source"]),
                cite(record["report_source"]),
            )
        )
    from rightsplan.cli._shell import columns

    lines = columns(rows, {5, 8}, "")
    lines.append("")
    lines.extend(f"[{number}] {text}" for number, text in enumerate(sources, start=1))
    opened = dict.fromkeys(str(r["open"]) for r in result.records() if r["open"] is not None)
    if opened:
        lines.append("")
        lines.extend(f"Open: {text}." for text in opened)
    return "\n".join(lines) + "\n"


def _fetched(
    args: argparse.Namespace, transport: Transport | None, limiter: RateLimiter | None
) -> tuple[list[Report], bool]:
    """The company's reports from EDGAR, and whether any filing could not be read."""
    from rightsplan._progress import on_terminal, progress_bar
    from rightsplan.reports.fetch import fetch_reports

    got = fetch_reports(
        args.cik,
        ticker=args.ticker,
        user_agent=args.user_agent,
        cache_dir=args.cache_dir,
        no_cache=args.no_cache,
        transport=transport,
        limiter=limiter,
        progress=progress_bar("fetching", "filings") if on_terminal() else None,
    )
    unreadable = False
    for name, why in got.set_aside:
        about_another = why.startswith("its cover CUSIP")
        unreadable = unreadable or not about_another
        kind = "note" if about_another else "error"
        print(printable(f"rightsplan watch: {kind}: {name}: {why}"), file=sys.stderr)
    count = len(got.reports)
    print(
        f"rightsplan watch: CIK {got.cik}: {count} {'report' if count == 1 else 'reports'} "
        f"from EDGAR ({got.requested} requests sent, the rest read from the cache)",
        file=sys.stderr,
    )
    return list(got.reports), unreadable


def watch_main(
    argv: list[str],
    *,
    transport: Transport | None = None,
    limiter: RateLimiter | None = None,
) -> int:
    """Run ``rightsplan watch`` with ``argv`` (the arguments after ``watch``).

    ``transport`` and ``limiter`` replace the network and the clock (tests of --cik/--ticker).
    """
    from rightsplan.cli._shell import (
        EXIT_CLEAR,
        EXIT_TRIGGERED,
        deliver,
        read_plan,
        refuse_inputs,
    )

    parser = _watch_parser()
    args = _parsed(parser, argv)
    if isinstance(args, int):
        return args
    fetching = args.cik is not None or args.ticker is not None
    given = args.reports is not None
    if fetching == given or (not fetching and (args.user_agent or args.cache_dir or args.no_cache)):
        problem = (
            "name a folder of reports, or --cik or --ticker to fetch them from EDGAR (not both)"
            if fetching == given
            else "--user-agent, --cache-dir and --no-cache go with --cik or --ticker"
        )
        print(f"rightsplan watch: error: {problem}", file=sys.stderr)
        return 2
    try:
        refuse_inputs({"--output": args.output}, (args.plan, *([args.reports] if given else [])))
        plan = read_plan(args.plan)
        if fetching:
            found, failed = _fetched(args, transport, limiter)
        else:
            found, failed = _read_all(_report_paths(args.reports), "watch")
            if failed:
                return 2
        from rightsplan.reports.ledger import positions

        for name in positions(found).undated:
            print(
                printable(
                    f"rightsplan watch: note: {name}: no event date and no filing date, so "
                    "not watched"
                ),
                file=sys.stderr,
            )
        flags = dict.fromkeys(args.passive, True) | dict.fromkeys(args.active, False)
        result = watch(
            plan,
            found,
            outstanding=args.outstanding,
            passive=flags,
            groups=_groups(args.group),
            warn_at=args.warn_at,
        )
        records = result.records()
        if args.format == "json":
            data = [{k: frames.json_value(v) for k, v in r.items()} for r in records]
            text = json_safe(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"
        elif args.format == "csv":
            columns = [column.name for column in result.columns]
            rows = [{k: frames.csv_value(v) for k, v in r.items()} for r in records]
            text = csv_text(columns, rows)
        else:
            text = printable(watch_table(result))
        deliver(text, args.output)
    except RightsPlanError as error:
        _error("watch", error)
        return 2
    if failed:  # a filing fetched could not be read: the table is of the others
        return 2
    return EXIT_TRIGGERED if result.triggered() else EXIT_CLEAR
