"""Hostile inputs of the readers, defined once.

The tests run each one for its answer (a draft whose every quote is its span, or a refusal);
``benchmarks/hostile_bench.py`` times each one against an ordinary document of its kind. No
test asserts a time: a machine shared with other work makes wall-clock bounds flaky, and
"performance is measured, not claimed" (the benchmark prints the ratios).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from rightsplan.edgar import FilingDraft
from rightsplan.edgar.output import filing_to_data

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "data" / "filings" / "seed_004.txt"
REPORT = ROOT / "tests" / "data" / "reports-fixtures" / "tci-music-13d.txt"

NEAR_MISS_LINE = (
    "Item 5 of this Form   Amendment No. 3 to the Rights Agreement dated as of "
    'fifteen one-half of one percent more than 40% "IPOF" ("X," and together with '
    "Aaaa Bbbb Cccc Dddd Eeee Ffff Gggg Hhhh 2,800,500 shares owns 24.2% %%%% \n"
)
"""One line of near-misses of the reader's patterns, repeated to make a large filing."""

RUN_UNITS: tuple[str, ...] = (
    "a ",
    "A ",
    "1",
    "1,",
    '"',
    "(",
    "percent ",
    "Item ",
    "-",
    " ",
    "\n",
    # an agent's name in capitals, again and again; a defined term of a change of agent
    "Rights Agreement between A and B, N.A. (x), ",
    'Acme ("Resigning Rights Agent") ',
)
"""Units repeated into long runs of one character or word, which make a naive pattern
backtrack."""

LETTER_BLANKS: tuple[str, ...] = (" " * 3000, " |\n" * 1000)
"""Blanks after a letter's "Re:" (the subject pattern took minutes on these when cubic)."""


def large_filing(size: int = 2_000_000) -> str:
    """The Innotrac seed 8-K with ``size`` characters of near-misses inserted in its Item 5."""
    seed = SEED.read_text("utf-8")
    at = seed.index("ITEM 7.")
    return seed[:at] + NEAR_MISS_LINE * (size // len(NEAR_MISS_LINE)) + seed[at:]


def runs(size: int = 200_000) -> Iterator[tuple[str, str]]:
    """Each unit of :data:`RUN_UNITS` repeated to about ``size`` characters after a cover."""
    for unit in RUN_UNITS:
        yield unit, "FORM 8-K\nRights Agreement\n" + unit * (size // len(unit))


def hostile_reports(scale: float = 1.0) -> Iterator[tuple[str, str]]:
    """Deep HTML, deep XML and label floods for the ownership-report reader."""

    def n(count: int) -> int:
        return max(1, int(count * scale))

    yield (
        "deep HTML",
        ("<html><body>" + "<div>" * n(50_000) + "SCHEDULE 13D" + "</div>" * n(50_000)),
    )
    yield "deep XML", "<edgarSubmission>" + "<a>" * n(300_000) + "<issuerName>X"
    yield "label flood", "SCHEDULE 13D\n" + "NAME OF REPORTING PERSON\n" * n(100_000)
    yield (
        "vote flood",
        ("SCHEDULE 13D\nNAME OF REPORTING PERSON\n" + "SOLE VOTING POWER 1\n" * n(100_000)),
    )
    yield "clause flood", "SCHEDULE 13D\n" + "(a) " * n(500_000)


def spans_hold(text: str, draft: FilingDraft) -> int:
    """Check every quote of a draft is exactly its span of ``text``; return how many there are."""
    count = 0
    stack: list[object] = [filing_to_data(draft)]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            if {"start", "end", "quote"} <= value.keys():
                start, end, quote = value["start"], value["end"], value["quote"]
                if (start, end, quote) != (None, None, None):  # None: nothing was quoted
                    assert isinstance(start, int) and isinstance(end, int), value
                    assert text[start:end] == quote, (start, end, quote)
                    count += 1
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return count
