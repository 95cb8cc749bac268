"""Events files: the schema, the three formats, the round trip and one broken file per mistake."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import rightsplan as rp
from rightsplan import _check
from rightsplan.io import dumps_events, loads_events
from rightsplan.io.events import COLUMNS, EVENT_NAMES, EVENTS_BY_NAME, EventsFormat, event_fields
from rightsplan.ledger import EVENT_KINDS
from rightsplan.testing import ledgers

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "innotrac"
BAD = Path(__file__).resolve().parent / "data" / "bad" / "events"
FORMATS = ("csv", "json", "jsonl")

EVERY_KIND = rp.Ledger(
    [
        rp.OutstandingChanged(on="2003-07-31", outstanding=11_564_730, source="10-Q, July 2003"),
        rp.Acquisition(
            on="2003-08-01",
            holder="IPOF Fund, L.P.",
            shares=1_000,
            rights_to_acquire=2,
            rights_to_acquire_later=3,
            derivatives=4,
        ),
        rp.Disposition(on="2003-08-02", holder="IPOF Fund, L.P.", shares=10, derivatives=1),
        rp.PositionReported(
            on="2003-08-03",
            holder="IPOF Fund, L.P.",
            shares=2_362_788,
            rights_to_acquire=0,
            passive=True,
            source='Schedule 13D: "approximately 20.57%"',
        ),
        rp.PositionReported(on="2003-08-03", holder="David Dadante", shares=5),
        rp.RightsExercised(on="2003-08-03", holder="IPOF Fund, L.P.", shares=2, later=True),
        rp.OutstandingChanged(on="2003-08-04", outstanding=11_500_000, reason="buyback"),
        rp.StockSplit(on="2003-08-05", ratio="3/2"),
        rp.PassivityChanged(on="2003-08-06", holder="David Dadante", passive=False),
        rp.GroupFormed(on="2003-08-07", group="IPOF Group", members=("IPOF Fund, L.P.", "Dadante")),
        rp.GroupDissolved(on="2003-08-08", group="IPOF Group"),
        rp.Affiliated(on="2003-08-09", holder="IPOF Fund, L.P.", affiliate="Dadante"),
        rp.InadvertenceDetermination(on="2003-08-10", holder="IPOF Group", divest_by="2003-09-30"),
        rp.ExemptionGranted(on="2003-08-11", holder="Friendly Fund"),
        rp.ExemptionGranted(
            on="2003-08-11",
            holder="Capped Fund",
            percent="33 1/3",
            comparison=rp.Comparison.MORE_THAN,
        ),
        rp.ExemptionRevoked(on="2003-08-12", holder="Friendly Fund"),
        rp.AcquiringPersonAnnounced(on="2003-08-13", holder="IPOF Group"),
        rp.TenderOfferCommenced(on="2003-08-14", offeror="Bidder Inc.", deferred=True),
        rp.TenderOfferCommenced(on="2003-08-15", offeror="Other Bidder"),
    ]
)


def _text_values() -> st.SearchStrategy[str]:
    """Text a file can hold: no control characters but tab and line breaks, never blank."""
    characters = st.characters(blacklist_categories=("Cc", "Cs")) | st.sampled_from("\t\n\r,;\"'")
    return st.text(characters, min_size=1, max_size=20).filter(str.strip)


def _holder_names() -> st.SearchStrategy[str]:
    """Text a holder's name can be: no character that shows nothing (format characters...)."""
    return _text_values().filter(lambda s: not _check.hidden(s))


def _names() -> st.SearchStrategy[str]:
    """Names that a CSV ";"-separated members list can carry unchanged."""
    return _holder_names().filter(lambda s: ";" not in s and s == s.strip())


_days = st.dates(min_value=pendulum.Date(1990, 1, 1), max_value=pendulum.Date(2040, 12, 31)).map(
    lambda d: pendulum.Date(d.year, d.month, d.day)
)
_counts = st.integers(0, 10**12)


@st.composite
def events(draw: st.DrawFn) -> rp.Event:
    """Any one event of any kind, with any field given or left out, and awkward text."""
    kind = draw(st.sampled_from(EVENT_KINDS))
    on = draw(_days)
    values: dict[str, Any] = {"on": on, "source": draw(st.none() | _text_values())}
    for spec in event_fields(kind):
        if spec.name in values:
            continue
        if not spec.required and draw(st.booleans()):
            continue
        name = spec.name
        if name == "members":
            values[name] = tuple(draw(st.lists(_names(), min_size=2, max_size=4)))
        elif name in ("holder", "group", "affiliate", "offeror"):
            values[name] = draw(_holder_names())
        elif name == "outstanding":
            values[name] = draw(st.integers(1, 10**12))
        elif name == "reason":
            values[name] = draw(st.sampled_from(rp.ledger.OUTSTANDING_REASONS))
        elif name == "ratio":
            values[name] = draw(st.fractions(min_value=Fraction(1, 100), max_value=100))
        elif name == "divest_by":
            values[name] = on.add(days=draw(st.integers(0, 400)))
        elif name in ("passive", "deferred", "later"):
            values[name] = draw(st.booleans())
        elif kind is rp.RightsExercised and name == "shares":
            values[name] = draw(_counts.filter(bool))
        elif name in ("percent", "comparison"):
            values["percent"] = draw(st.integers(1, 10_000)) / Fraction(100)
            values["comparison"] = draw(st.sampled_from(rp.Comparison))
        else:
            values[name] = draw(_counts)
    return kind(**values)


class TestSchema:
    def test_every_kind_has_a_name(self) -> None:
        """Each event class is named in kebab case, and the names read back to the class."""
        assert EVENT_NAMES[rp.PositionReported] == "position-reported"
        assert EVENT_NAMES[rp.InadvertenceDetermination] == "inadvertence-determination"
        assert {EVENTS_BY_NAME[name] for name in EVENT_NAMES.values()} == set(EVENT_KINDS)

    def test_fields_follow_the_model(self) -> None:
        """A kind's keys are its attrs fields: on first, its own next, source last."""
        for kind in EVENT_KINDS:
            names = [spec.name for spec in event_fields(kind)]
            assert sorted(names) == sorted(f.name for f in attrs.fields(kind))
            assert names[0] == "on" and names[-1] == "source"
        assert [s.name for s in event_fields(rp.StockSplit)] == ["on", "ratio", "source"]

    def test_columns_are_the_union(self) -> None:
        """The CSV columns are event, date (the field on), every kind's own fields, then source."""
        every = {spec.name for kind in EVENT_KINDS for spec in event_fields(kind)}
        assert set(COLUMNS) == (every - {"on"}) | {"event", "date"}
        assert len(COLUMNS) == len(set(COLUMNS))
        assert COLUMNS[:2] == ("event", "date") and COLUMNS[-1] == "source"


class TestReading:
    def test_innotrac_example(self) -> None:
        """The shipped Innotrac events file reads as the sequence the replay tests use."""
        ledger = rp.load_events(EXAMPLES / "events.csv")
        assert [type(e) for e in ledger.events] == [
            rp.OutstandingChanged,
            rp.PositionReported,
            rp.OutstandingChanged,
            rp.PositionReported,
        ]
        first, report, _, later = ledger.events
        assert isinstance(first, rp.OutstandingChanged) and first.outstanding == 11_564_730
        assert isinstance(report, rp.PositionReported)
        assert (report.shares, report.passive) == (2_362_788, True)
        assert isinstance(later, rp.PositionReported) and later.passive is None
        assert report.source is not None and '"approximately 20.57%"' in report.source

    def test_csv_conventions(self) -> None:
        """Blank cells are not given; members split on ";"; separators and ratios as text."""
        text = (
            "event,date,holder,shares,outstanding,ratio,group,members,percent,comparison\n"
            'outstanding-changed,2003-07-31,,,"11,564,730",,,,,\n'
            "stock-split,2003-08-01,,,,3/2,,,,\n"
            "group-formed,2003-08-02,,,,,G,A; B ;C,,\n"
            "exemption-granted,2003-08-03,A,,,,,,20,more-than\n"
        )
        outstanding, split, group, exemption = loads_events(text, "csv").events
        assert isinstance(outstanding, rp.OutstandingChanged)
        assert outstanding.outstanding == 11_564_730
        assert isinstance(split, rp.StockSplit) and split.ratio == Fraction(3, 2)
        assert isinstance(group, rp.GroupFormed) and group.members == ("A", "B", "C")
        assert isinstance(exemption, rp.ExemptionGranted)
        assert exemption.cap() == rp.Threshold(20, rp.Comparison.MORE_THAN)

    def test_json_and_jsonl_agree_with_csv(self) -> None:
        """The same events read from CSV, JSON and JSON lines give the same ledger."""
        ledger = rp.load_events(EXAMPLES / "events-inadvertent.csv")
        records = json.loads(dumps_events(ledger, "json"))
        lines = "".join(json.dumps(record) + "\n" for record in records)
        assert loads_events(json.dumps(records), "json") == ledger
        assert loads_events(lines, "jsonl") == ledger

    def test_empty_containers_are_empty_ledgers(self) -> None:
        """A header-only CSV, an empty JSON array and an empty JSON-lines file hold no events."""
        assert loads_events("event,date\n", "csv") == rp.Ledger([])
        assert loads_events("[]", "json") == rp.Ledger([])
        assert loads_events("", "jsonl") == rp.Ledger([])

    def test_jsonl_splits_only_on_newlines(self) -> None:
        """A Unicode line separator inside a JSON string does not split a JSON-lines record."""
        line = (
            '{"event": "affiliated", "date": "2003-08-01", "holder": "A\u2028B", "affiliate": "C"}'
        )
        (event,) = loads_events(line + "\r\n", "jsonl").events
        assert isinstance(event, rp.Affiliated) and event.holder == "A\u2028B"

    def test_unknown_format(self) -> None:
        """loads_events refuses a format it does not know."""
        with pytest.raises(rp.InvalidInputError, match='expected "csv", "json" or "jsonl"'):
            loads_events("", "toml")  # type: ignore[arg-type]

    def test_error_subclasses_input_file_error(self) -> None:
        """EventsFileError is an InputFileError (and a ValueError) with every problem listed."""
        with pytest.raises(rp.InputFileError) as caught:
            loads_events("event,date\nsale,2003-01-01\nbuy,2003-01-02\n", "csv", name="x.csv")
        assert isinstance(caught.value, rp.EventsFileError | ValueError)
        assert caught.value.problems[0].startswith("x.csv:2: event: unknown event 'sale'")
        assert caught.value.problems[1].startswith("x.csv:3: event: unknown event 'buy'")


class TestRoundTrip:
    @pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
    def test_long_exact_ratio(self, fmt: EventsFormat) -> None:
        """A split ratio whose exact decimal is long is written and read back unchanged."""
        ratio = Fraction(2**40 + 1, 2**40)
        ledger = rp.Ledger([rp.StockSplit(on="2010-01-04", ratio=ratio)])
        assert loads_events(dumps_events(ledger, fmt), fmt) == ledger

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_every_kind(self, fmt: str, tmp_path: Path) -> None:
        """A hand-built ledger with every event kind and awkward text survives dump and load."""
        path = tmp_path / f"events.{fmt}"
        rp.dump_events(EVERY_KIND, path)
        assert {type(e) for e in EVERY_KIND.events} == set(EVENT_KINDS)
        assert rp.load_events(path) == EVERY_KIND

    @given(ledger=ledgers())
    def test_generated_ledgers(self, ledger: rp.Ledger) -> None:
        """load(dump(ledger)) == ledger for the consistent histories rightsplan.testing draws."""
        for fmt in FORMATS:
            assert loads_events(dumps_events(ledger, fmt), fmt) == ledger  # type: ignore[arg-type]

    @given(ledger=st.lists(events(), max_size=6).map(rp.Ledger))
    def test_any_events(self, ledger: rp.Ledger) -> None:
        """load(dump(ledger)) == ledger for events of every kind with any optional field given."""
        for fmt in FORMATS:
            assert loads_events(dumps_events(ledger, fmt), fmt) == ledger  # type: ignore[arg-type]

    def test_csv_columns_are_those_used(self) -> None:
        """A dumped CSV names event, on and only the columns its events use, in schema order."""
        text = dumps_events(rp.load_events(EXAMPLES / "events.csv"), "csv")
        assert text.splitlines()[0] == "event,date,holder,shares,passive,outstanding,source"

    def test_csv_refuses_a_member_it_cannot_carry(self) -> None:
        """A member whose name contains ";" cannot be written to CSV, and the error says so."""
        ledger = rp.Ledger([rp.GroupFormed(on="2003-01-01", group="G", members=("A;B", "C"))])
        with pytest.raises(rp.InvalidInputError, match="write a .json file instead"):
            dumps_events(ledger, "csv")
        assert loads_events(dumps_events(ledger, "json"), "json") == ledger

    def test_dump_takes_what_replay_takes(self, tmp_path: Path) -> None:
        """dump_events takes a Ledger or a list of events, as replay does; both write alike."""
        rp.dump_events(list(EVERY_KIND.events), tmp_path / "list.json")
        rp.dump_events(EVERY_KIND, tmp_path / "ledger.json")
        assert (tmp_path / "list.json").read_bytes() == (tmp_path / "ledger.json").read_bytes()
        assert rp.load_events(tmp_path / "list.json") == EVERY_KIND

    def test_dump_refuses_what_is_not_a_ledger(self, tmp_path: Path) -> None:
        """dump_events checks its argument and the extension before writing anything."""
        with pytest.raises(rp.InputTypeError):
            rp.dump_events("events", tmp_path / "e.csv")  # type: ignore[arg-type]
        with pytest.raises(rp.InputTypeError):
            rp.dump_events([42], tmp_path / "e.csv")  # type: ignore[list-item]
        with pytest.raises(rp.EventsFileError, match="'.toml'"):
            rp.dump_events(EVERY_KIND, tmp_path / "e.toml")
        assert list(tmp_path.iterdir()) == []


BAD_CASES = {
    "empty.csv": [": the file is empty; expected a header line"],
    "unknown-column.csv": [":1: column 4: unknown column 'sahres'", 'did you mean "shares"?'],
    "missing-date-column.csv": [":1: missing column 'date'"],
    "unknown-event.csv": [":2: event: unknown event 'aquisition'", 'did you mean "acquisition"?'],
    "missing-fields.csv": ["2 problems", ":2: holder: missing", ":2: shares: missing"],
    "field-of-another-kind.csv": [':2: holder: not a field of "stock-split" events'],
    "bad-separators.csv": [":2: shares: expected a whole number of shares", "'2,80,500'"],
    "impossible-date.csv": [":2: date: '2003-02-30' is not a real day"],
    "loose-date.csv": [':2: date: expected an ISO date like "2003-11-24"', "'20030801'"],
    "bad-passive.csv": [":2: passive: expected true or false, got 'yes'"],
    "bad-reason.csv": [":2: reason: expected one of reported, buyback, issuance"],
    "empty-member.csv": [":2: members[1]: expected non-blank text"],
    "divest-before-determination.csv": [":2: divest_by: 2003-07-30 is before the determination"],
    "latin-1.csv": ["line 2: not UTF-8 text", "byte 0xe9"],
    "unclosed-quote.csv": [":4: not valid CSV"],
    "many-problems.csv": [
        "5 problems",
        ":2: outstanding: expected a positive number",
        ":3: shares: expected zero or more shares, got -5",
        ":4: date: expected an ISO date",
        ":5: ratio: expected a ratio of new shares per old share",
        ":6: event: unknown event 'sale'",
    ],
    "float-ratio.json": [
        ': [1].ratio: expected a ratio like "2"',
        '1.5 (a float); write it as text: "1.5"',
    ],
    "float-shares.json": [": [0].shares: expected a whole number of shares", "(a float)"],
    "unknown-key.json": [": [0].sahres: unknown key 'sahres'", 'did you mean "shares"?'],
    "not-an-array.json": [": expected a JSON array of event objects", "got a table"],
    "trailing-comma.json": [": line 1, column 88: not valid JSON"],
    "duplicate-key.json": [": line 1, column 73: the key 'holder' appears twice", "column 49"],
    "duplicate-key.jsonl": [":2: column 72: the key 'date' appears twice", "(first at column 26)"],
    "half-a-cap.json": [": [0]: percent and comparison: give both for a cap, or neither"],
    "float-percent.jsonl": [':1: percent: expected a percentage like "25"', "20.0 (a float)"],
    "not-an-object.jsonl": [":2: expected an object", "got a list"],
    "truncated.jsonl": [":2: column 58: not valid JSON"],
    "missing-event.jsonl": [":1: event: missing; expected one of"],
    "events.txt": [": cannot tell the format from the extension '.txt'"],
}


class TestBadEventsFiles:
    def test_every_bad_file_has_a_case(self) -> None:
        """Each file in tests/data/bad/events/ is exercised by exactly one case."""
        assert {path.name for path in BAD.iterdir()} == set(BAD_CASES)

    @pytest.mark.parametrize(("name", "expected"), sorted(BAD_CASES.items()))
    def test_message(self, name: str, expected: list[str]) -> None:
        """The error names the file, the line or record, the field, and what was expected."""
        path = BAD / name
        original = path.read_bytes()
        with pytest.raises(rp.EventsFileError) as caught:
            rp.load_events(path)
        assert all(problem.startswith(f"{path}") for problem in caught.value.problems)
        message = str(caught.value)
        for fragment in expected:
            assert fragment in message
        assert path.read_bytes() == original

    def test_missing_file(self, tmp_path: Path) -> None:
        """A file that does not exist is an EventsFileError naming it."""
        with pytest.raises(rp.EventsFileError, match="no such file"):
            rp.load_events(tmp_path / "nothing.csv")


class TestDateColumn:
    """Events files name the date column date, as holdings files do; on is still read."""

    TEXT = "event,{},outstanding\noutstanding-changed,2003-07-31,11564730\n"

    def test_on_is_read_with_a_note(self) -> None:
        """A file spelling the column on reads the same ledger, with a FutureWarning."""
        with pytest.warns(FutureWarning, match="spelled 'on'; it is now 'date'"):
            old = loads_events(self.TEXT.format("on"), "csv", name="old.csv")
        assert old == loads_events(self.TEXT.format("date"), "csv")

    @pytest.mark.parametrize("fmt", ["json", "jsonl"])
    def test_json_keys_too(self, fmt: str) -> None:
        """In JSON and JSON lines the key date is read; on is read with a FutureWarning."""
        record = '{{"event": "outstanding-changed", "{}": "2003-07-31", "outstanding": 5}}'
        wrap = "[{}]" if fmt == "json" else "{}\n"
        new = loads_events(wrap.format(record.format("date")), fmt)  # type: ignore[arg-type]
        with pytest.warns(FutureWarning):
            old = loads_events(wrap.format(record.format("on")), fmt)  # type: ignore[arg-type]
        assert new == old and new.events[0].on == pendulum.Date(2003, 7, 31)

    def test_both_spellings_at_once_are_refused(self) -> None:
        """A record giving both date and on is an error naming date."""
        text = "event,date,on,outstanding\noutstanding-changed,2003-07-31,2003-07-31,5\n"
        with pytest.raises(rp.EventsFileError, match=r":2: date: the date is given twice"):
            loads_events(text, "csv")

    def test_written_as_date(self) -> None:
        """dump_events writes the column date, in every format."""
        ledger = rp.Ledger([rp.OutstandingChanged(on="2003-07-31", outstanding=5)])
        assert dumps_events(ledger, "csv").startswith("event,date,")
        assert '"date": "2003-07-31"' in dumps_events(ledger, "json")
