"""``rightsplan history``: replay an ownership history against the plan, day by day."""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import warnings
from pathlib import Path

import pendulum

from rightsplan import calendars, report
from rightsplan._printable import json_safe, plural, printable
from rightsplan.assess import Status
from rightsplan.cli._shell import (
    EXIT_CLEAR,
    EXIT_TRIGGERED,
    STDIN,
    STDIN_NAME,
    Parser,
    add_output,
    columns,
    deliver,
    one_standard_input,
    read_input,
    read_plan,
    refuse_inputs,
    rounded_down,
    shown,
    warn_at_argument,
)
from rightsplan.errors import (
    InvalidInputError,
    OutputFileError,
    PlanHistoryError,
)
from rightsplan.history import History, LedgerError, StatusPeriod, replay
from rightsplan.io._files import write_atomically
from rightsplan.ledger import Ledger

__all__ = ["add_command"]

_HISTORY_EPILOG = """\
EVENTS is an events file (.csv, .json or .jsonl; see docs/ownership-history.md): dated
acquisitions, dispositions, reported positions, shares outstanding, splits, passivity, groups,
board determinations, announcements and tender offers. The plan's amendments and the events
are replayed together, day by day.

Exit status: 0 when nobody became an Acquiring Person, 1 when someone did, 2 for bad input or
usage (including an inconsistent ledger or a date outside the business-day calendar; 70 for
an internal error, see 'rightsplan --help'). --output FILE may be - (standard output).

Examples:
  rightsplan history examples/innotrac/plan.toml examples/innotrac/events.csv
  rightsplan history examples/innotrac/plan.toml examples/innotrac/events-inadvertent.csv \\
      --format json --plot ipof.png
"""

_CALENDARS = {"new-york": calendars.new_york, "nyse": calendars.nyse}


def add_command(commands: argparse._SubParsersAction[Parser]) -> None:
    """Register ``rightsplan history`` with the main parser."""
    history = commands.add_parser(
        "history",
        help="replay an ownership history: each holder's periods, triggers and the clock",
        description=(
            "Replay a plan's amendments together with an events file and print, for each "
            "holder, the periods of its status (counted shares against the shares outstanding, "
            "and the limit in force with its source); then who became an Acquiring Person, "
            "when, under which rule and why, with the Shares Acquisition Date and the "
            "Distribution Date; tender offers; and warnings about amendments that favour an "
            "Acquiring Person."
        ),
        epilog=_HISTORY_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    history.add_argument("plan", metavar="PLAN", help="the plan file")
    history.add_argument("events", metavar="EVENTS", help="the events file (- for standard input)")
    history.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="table (default, for people) or json",
    )
    history.add_argument(
        "--plot",
        metavar="PNG",
        help=(
            "also draw each holder's holding against its limit to this file, .png, .svg or "
            ".pdf by its extension (- for standard output, with --output; needs matplotlib)"
        ),
    )
    history.add_argument(
        "--calendar",
        choices=tuple(_CALENDARS),
        default=None,
        help=(
            "business days for the Distribution Date: new-york (banks and NYSE) or nyse; by "
            "default new-york, and nyse alone before 1999 (noted in the report)"
        ),
    )
    history.add_argument(
        "--warn-at",
        default="0.9",
        type=warn_at_argument,
        metavar="SHARE",
        help="warn at or above this share of the limit, like 0.9 or 90%% (default 0.9)",
    )
    add_output(history)
    history.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    return _history(
        args.plan,
        args.events,
        output_format=args.format,
        plot=args.plot,
        calendar_name=args.calendar,
        warn_at=args.warn_at,
        output=args.output,
    )


_PICTURE_FORMATS = ("png", "svg", "pdf")


def _plot_format(plot: str, output: str | None) -> str:
    """The picture's format, from ``--plot``'s extension; ``-`` (standard output) is PNG."""
    if plot == "-":
        if output in (None, "-"):
            raise InvalidInputError(
                "--plot -: the report already goes to standard output; give --output FILE "
                "for the report, or a file name for the picture"
            )
        return "png"
    suffix = Path(plot).suffix.lower().lstrip(".")
    if os.path.isdir(plot):
        raise InvalidInputError(
            f"--plot {shown(plot)}: is a folder; name a .png, .svg or .pdf file"
        )
    if suffix not in _PICTURE_FORMATS:
        raise InvalidInputError(
            f"--plot {shown(plot)}: name the picture's format by its extension: .png, .svg or .pdf"
        )
    return suffix


def _folder_exists(path: str | None, option: str) -> None:
    """Refuse a file in a missing folder before anything else is written (the picture)."""
    if path is None or path == "-" or os.path.exists(path):
        return
    folder = Path(os.path.realpath(path)).parent
    if not folder.is_dir():
        raise InvalidInputError(f"{option} {shown(path)}: cannot write: no such folder: {folder}")


def _plot(history: History, plot: str) -> None:
    """Draw the picture and write it, atomically, where ``--plot`` says; say where."""
    from rightsplan import plot as plotting

    figure = plotting.timeline(history)
    picture = io.BytesIO()
    try:
        figure.savefig(picture, format=_plot_format(plot, None if plot != "-" else "file"))
    except (ValueError, OSError) as error:  # pragma: no cover - matplotlib's own failure
        raise InvalidInputError(f"--plot {shown(plot)}: cannot draw the picture: {error}") from None
    if plot == "-":
        binary = getattr(sys.stdout, "buffer", None)  # None: closed, or a text-only stream
        if binary is None:
            raise InvalidInputError(
                "--plot -: standard output takes no binary data here; name a file for the picture"
            )
        binary.write(picture.getvalue())
        return
    try:
        write_atomically(plot, picture.getvalue())
    except OutputFileError as error:
        raise InvalidInputError(f"--plot {shown(plot)}: cannot write: {error.reason}") from None
    print(f"rightsplan: the picture is in {shown(plot)}", file=sys.stderr)


def _iso(day: pendulum.Date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _headroom(period: StatusPeriod) -> int | None:
    """The rulebook's headroom: shares that may still be acquired (``None``: none can trigger)."""
    return period.status.headroom


def _period_record(holder: str, period: StatusPeriod) -> object:
    """One period of a holder's standing, as the JSON output gives it (grouped by holder)."""
    record = report.history_record(holder, period)
    del record["holder"]
    return report.json_value(record)


def _history_record(history: History, calendar: calendars.BusinessCalendar) -> dict[str, object]:
    """The whole replay as one JSON object."""
    return {
        "company": history.plan.company,
        "calendar": calendar.name,
        "holders": {
            name: [_period_record(name, period) for period in history.periods(name)]
            for name in history.holders()
        },
        "first_crossings": {
            name: _iso(history.first_crossing(name))
            for name in history.holders()
            if history.first_crossing(name) is not None
        },
        "near_matches": {
            name: list(near)
            for name, near in ((name, history.near_matches(name)) for name in history.holders())
            if near
        },
        "triggers": report.json_value(history.triggers().records()),
        "possible_triggers": [
            {
                "holder": possible.label,
                "holders": list(possible.holders),
                "on": possible.on.isoformat(),
                "rule": possible.limit.describe(),
                "source": possible.limit.source.cite(),
                "cause": possible.cause,
                "unknown": possible.why,
            }
            for possible in history.possible_triggers
        ],
        "tender_offers": [
            {
                "offeror": offer.offeror,
                "commenced": offer.commenced.isoformat(),
                "deferred": offer.deferred,
                "distribution_date": _iso(offer.distribution_date),
                "rights_end": offer.rights_end,
            }
            for offer in history.tender_offers
        ],
        "warnings": list(history.warnings),
        "notes": list(history.notes),
        "distribution_date": _iso(history.distribution_date()),
    }


def _history_table(history: History, calendar: calendars.BusinessCalendar) -> str:
    sources: list[str] = []

    def note(source: str) -> str:
        if source not in sources:
            sources.append(source)
        return f"[{sources.index(source) + 1}]"

    events = len(history.ledger.events)
    lines = [
        f"{history.plan.company}: {plural(events, 'event')} replayed with the plan's amendments "
        f"(business days: {calendar.name})",
    ]
    header = ("FROM", "TO", "STATUS", "SHARES", "OUTSTANDING", "HOLDING", "LIMIT", "HEADROOM")
    for name in history.holders():
        lines.extend(["", name])
        periods = history.periods(name)
        if not periods:
            lines.append("  (no holding recorded)")
            continue
        rows: list[tuple[str, ...]] = [header]
        for period in periods:
            standing = period.status
            counted = standing.counted
            limit = standing.limit
            headroom = _headroom(period)
            rows.append(
                (
                    period.start.isoformat(),
                    period.end.isoformat() if period.end is not None else "onwards",
                    standing.status.value,
                    f"{counted.shares:,}" if counted is not None else "-",
                    f"{counted.outstanding:,}" if counted is not None else "-",
                    rounded_down(counted.percent) if counted is not None else "-",
                    f"{limit.describe()} {note(limit.source.cite())}" if limit else "-",
                    f"{headroom:,}" if headroom is not None else "-",
                )
            )
        lines.extend(columns(rows, {3, 4, 5, 7}, "  "))
        for period in periods:
            if period.status.status not in (Status.CLEAR, Status.WARNING):
                lines.append(f"  {period.start.isoformat()}: {period.status.reason}")
        crossing = history.first_crossing(name)
        if crossing is not None:
            lines.append(f"  First over its limit on {crossing.isoformat()}.")
        near = history.near_matches(name)
        if near:
            lines.append(
                f"  Note: not a name the plan uses, but close to "
                f"{' and '.join(printable(repr(other)) for other in near)}: check the spelling."
            )
    lines.extend(["", "Triggers"])
    if not history.triggers():
        lines.append("  Nobody became an Acquiring Person.")
    for trigger in history.triggers():
        clock = trigger.clock
        members = ""
        if trigger.holders != (trigger.label,):
            members = f" ({', '.join(trigger.holders)})"
        assumed = " (assumed: no announcement recorded)" if clock.assumed else " (announced)"
        unit = "business" if clock.business_days else "calendar"
        rule = (
            note(clock.rule_source.cite())
            if clock.rule_source is not None
            else "(rightsplan's default rule)"
        )
        lines.extend(
            [
                f"  {trigger.label}{members} became an Acquiring Person on "
                f"{trigger.on.isoformat()}: {trigger.cause}.",
                f"    Rule: {trigger.limit.describe()} {note(trigger.limit.source.cite())}",
                f"    Shares Acquisition Date: {clock.shares_acquisition_date.isoformat()}"
                f"{assumed}",
                f"    Distribution Date: {clock.distribution_date.isoformat()} "
                f"({clock.days} {unit} days later) {rule}"
                if clock.distribution_date is not None
                else f"    Distribution Date: none: {clock.describe()}",
            ]
        )
    if history.possible_triggers:
        lines.extend(["", "Possible triggers (uncertain: not triggers; exit status 0)"])
        lines.extend(f"  {possible.explain()}" for possible in history.possible_triggers)
    if history.tender_offers:
        lines.extend(["", "Tender offers"])
        for offer in history.tender_offers:
            if offer.deferred:
                outcome = "the board deferred the Distribution Date"
            elif offer.rights_end is not None:
                outcome = f"no Distribution Date: the rights are gone by then ({offer.rights_end})"
            elif offer.distribution_date is None:
                outcome = "no plan in force, no Distribution Date"
            else:
                outcome = f"Distribution Date {offer.distribution_date.isoformat()}"
            lines.append(f"  {offer.offeror}: commenced {offer.commenced.isoformat()}; {outcome}")
    if history.warnings:
        lines.extend(["", "Warnings"])
        lines.extend(f"  - {warning}" for warning in history.warnings)
    if history.notes:
        lines.extend(["", "Notes"])
        lines.extend(f"  - {note_text}" for note_text in history.notes)
    distribution = history.distribution_date()
    lines.extend(
        [
            "",
            "Distribution Date: "
            + (
                distribution.isoformat() + " (the earliest)"
                if distribution
                else "none"
                + (
                    " (the rights end before any trigger's Distribution Date)"
                    if history.triggers()
                    else ""
                )
            ),
        ]
    )
    if sources:
        lines.append("")
        lines.extend(f"[{number}] {source}" for number, source in enumerate(sources, start=1))
    lines.extend(["", "(HOLDING is rounded down to 4 decimals.)"])
    return "\n".join(lines) + "\n"


def _history(
    plan_path: str,
    events_path: str,
    *,
    output_format: str,
    plot: str | None,
    calendar_name: str | None,
    warn_at: str,
    output: str | None,
) -> int:
    refuse_inputs({"--output": output, "--plot": plot}, (plan_path, events_path))
    one_standard_input(plan_path, events_path)
    if plot is not None:
        _plot_format(plot, output)
    plan = read_plan(plan_path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", FutureWarning)
        read = read_input(events_path, "events")
    for warning in caught:  # e.g. an events file spelling its date column "on"
        print(f"rightsplan: note: {printable(str(warning.message))}", file=sys.stderr)
    assert isinstance(read, Ledger)
    ledger = read
    events_path = STDIN_NAME if events_path == STDIN else events_path
    chosen = _CALENDARS[calendar_name]() if calendar_name is not None else None
    calendar = chosen if chosen is not None else calendars.new_york_or_nyse()
    try:
        history = replay(plan, ledger, calendar=chosen, warn_at=warn_at)
    except (LedgerError, calendars.CalendarRangeError) as error:
        raise InvalidInputError(f"{events_path}: {error}") from None
    except PlanHistoryError as error:  # e.g. a distribution rule no calendar can count
        raise InvalidInputError(str(error)) from None  # it names the plan file (Plan.origin)
    if plot is not None:
        _folder_exists(output, "--output")  # nothing written when the report cannot be
        _plot(history, plot)
    if output_format == "json":
        record = _history_record(history, calendar)
        text = json_safe(json.dumps(record, indent=2, ensure_ascii=False)) + "\n"
    else:
        text = printable(_history_table(history, calendar))
    deliver(text, output)
    return EXIT_TRIGGERED if history.triggers() else EXIT_CLEAR
