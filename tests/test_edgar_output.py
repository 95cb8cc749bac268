"""Drafts written out (rightsplan.edgar.output): every format grows linearly with the input.

The conflict fixture (10) reads a press release's "more than 4.75%" against its agreement's
"4.75% or more": a submission repeated k times holds k of each, so k conflicting readings.
Before issue 15 each conflict repeated every other reading, and the JSON grew with k squared.
"""

from __future__ import annotations

import json
import tomllib
import tracemalloc
from pathlib import Path

import pytest

from rightsplan.edgar import combine, draft_filing, parse_filing, to_json, to_toml
from rightsplan.edgar.history import PlanDraft

DATA = Path(__file__).resolve().parent / "data" / "filings"
CONFLICT = DATA / "10_solano_conflict_submission.txt"


def _plan(copies: int) -> PlanDraft:
    """The conflict submission's documents ``copies`` times over, drafted and combined."""
    data = CONFLICT.read_bytes()
    head, sep, documents = data.partition(b"<DOCUMENT>")
    body, end, tail = (sep + documents).rpartition(b"</SEC-DOCUMENT>")
    return combine([draft_filing(parse_filing(head + body * copies + end + tail, name="x"))])


_FORMATS = {"json": to_json, "toml": to_toml}


class TestLinearOutput:
    @pytest.mark.parametrize("output_format", sorted(_FORMATS))
    def test_output_grows_linearly(self, output_format: str) -> None:
        """Four times the conflicting readings give at most about four times the output."""
        write = _FORMATS[output_format]
        small, large = len(write(_plan(5))), len(write(_plan(20)))
        assert large <= 4.5 * small

    def test_each_conflict_listed_once(self) -> None:
        """The JSON lists each conflict once, and each names two readings: its own and the kept."""
        plan = _plan(8)
        assert len(plan.conflicts) == 8
        data = json.loads(to_json(plan))
        listed = data["conflicts"] + [c for f in data["filings"] for c in f["conflicts"]]
        assert len(listed) == len(plan.conflicts)
        for conflict in listed:
            assert conflict["reason"].count(" says ") == 2
            assert "more than 4.75%" in conflict["reason"]

    def test_kept_note_is_bounded(self) -> None:
        """The kept threshold's note quotes a few readings and counts the rest."""
        notes = {}
        for copies in (4, 40):
            threshold = next(p for p in _plan(copies).provisions if p.kind == "set-threshold")
            assert threshold.change.note is not None
            notes[copies] = threshold.change.note
        assert len(notes[40]) <= len(notes[4]) + 10
        assert 'says "more than 4.75%" (40 places)' in notes[40]
        assert "(see the conflicts)" in notes[40]

    def test_toml_fragment_reads_back(self) -> None:
        """The fragment of many conflicting readings is valid TOML with one threshold."""
        fragment = tomllib.loads(to_toml(_plan(20)))
        kinds = [p["kind"] for p in fragment["agreement"]["provisions"]]
        assert kinds.count("set-threshold") == 1

    def test_memory_grows_linearly(self) -> None:
        """Four times the readings take at most about four times the memory to draft and write."""
        peaks = []
        for copies in (5, 20):
            tracemalloc.start()
            try:
                to_json(_plan(copies))
                peaks.append(tracemalloc.get_traced_memory()[1])
            finally:
                tracemalloc.stop()
        assert peaks[1] <= 5 * peaks[0]
