"""Measuring drafts against hand-written expectations: facts, precision and recall.

A draft is flattened into :func:`facts`, short strings such as
``"amendment[3].executed=2003-11-24"`` or ``"agreement.set-threshold=15% or more"``, one per
drafted value. :func:`score` compares the facts drafted from a set of filings with the facts a
person wrote down for them.

:func:`evaluate_corpus` does the same for the real-filing corpus (``tests/data/corpus``), on one
half of its split by company, and counts precision and recall per kind of fact
(:func:`fact_kind`). From the command line (deterministic; text, JSON or the Markdown table
docs/filings.md shows)::

    python -m rightsplan.edgar.evaluate --corpus tests/data/corpus --half development
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from pathlib import Path

import attrs
import pendulum

from rightsplan.amendments import (
    AddException,
    AppointRightsAgent,
    Change,
    OtherChange,
    Redeem,
    ReplaceException,
    SetExpiration,
    SetGrandfathering,
    SetPassiveTier,
    SetThreshold,
)
from rightsplan.edgar.classify import DocumentKind
from rightsplan.edgar.draft import (
    FilingDraft,
    draft_filing,
    kind_name,
    unstated_words,
)
from rightsplan.edgar.filing import parse_filing, read_filing
from rightsplan.errors import FilingError, InvalidInputError
from rightsplan.percent import format_percent

__all__ = [
    "HALVES",
    "KIND_ORDER",
    "CorpusDocument",
    "CorpusScore",
    "Score",
    "change_fact",
    "comparable",
    "corpus_documents",
    "document_facts",
    "evaluate_corpus",
    "fact_kind",
    "facts",
    "main",
    "score",
    "score_directory",
    "to_data",
    "to_markdown",
]


def change_fact(change: Change) -> str:
    """A change as a fact's value: its kind and what it sets."""
    kind = kind_name(type(change))
    unstated = unstated_words(change)
    if isinstance(change, AddException | ReplaceException):
        members = f"; members {' | '.join(change.members)}" if change.members else ""
        passive = "; passive" if change.requires_passive else ""
        cap = change.words() if unstated is None else unstated
        return f"{kind}={change.holder}: {cap}{passive}{members}"
    if unstated is not None:
        return f"{kind}={unstated}"
    if isinstance(change, SetThreshold | SetPassiveTier) and isinstance(change.percent, Fraction):
        return f"{kind}={change.threshold.describe()}"
    if isinstance(change, SetGrandfathering):
        tolerance = change.tolerance()
        return f"{kind}={tolerance.describe() if tolerance else 'no additional share'}"
    if isinstance(change, SetExpiration):
        date = change.date
        return f"{kind}={date.isoformat() if isinstance(date, pendulum.Date) else date.describe()}"
    if isinstance(change, Redeem):
        return f"{kind}={change.price}"
    if isinstance(change, AppointRightsAgent):
        return f"{kind}={change.name}"
    if isinstance(change, OtherChange):
        return kind
    return f"{kind}={change.describe()}"


def facts(draft: FilingDraft) -> frozenset[str]:
    """Every value drafted from one filing, as a fact string."""
    out = {f"event={draft.event.kind.value}"}
    # The company is a fact of every document, whether or not it reports a plan event.
    if draft.company is not None:
        out.add(f"company={draft.company.value}")
    if draft.agreement_date is not None:
        out.add(f"agreement.dated={draft.agreement_date.value.isoformat()}")
    if draft.rights_agent is not None:
        out.add(f"agreement.rights_agent={draft.rights_agent.value}")
    for provision in draft.provisions:
        out.add(f"agreement.{change_fact(provision.change)}")
    for amendment in draft.amendments:
        where = f"amendment[{amendment.number.value if amendment.number else '-'}]"
        if amendment.authorized is not None:
            out.add(f"{where}.authorized={amendment.authorized.value.isoformat()}")
        if amendment.executed is not None:
            out.add(f"{where}.executed={amendment.executed.value.isoformat()}")
        for change in amendment.changes:
            out.add(f"{where}.{change_fact(change.change)}")
    for holding in draft.holdings:
        percent = "" if holding.percent is None else f" {format_percent(holding.percent)}%"
        out.add(f"holding={holding.holder} {holding.shares}{percent}")
    return frozenset(out)


@attrs.frozen
class Score:
    """How drafted facts compare with expected ones."""

    drafted: int
    expected: int
    correct: int
    missed: tuple[str, ...]
    wrong: tuple[str, ...]

    @property
    def precision(self) -> float:
        """Correct facts as a share of those drafted."""
        return self.correct / self.drafted if self.drafted else 1.0

    @property
    def recall(self) -> float:
        """Correct facts as a share of those expected."""
        return self.correct / self.expected if self.expected else 1.0


# Facts whose value is a name (or, for named holders, begins with one): the company, the
# rights agent, a successor agent, a named holder or exempt person.
_NAME_MARKERS = (
    "company=",
    "agreement.rights_agent=",
    ".appoint-rights-agent=",
    "-exception=",
    ".add-exempt-person=",
)
_SIGNS = str.maketrans("", "", "\u2122\u00ae")


def comparable(fact: str) -> str:
    """The form in which a fact is compared: names without case or trademark signs.

    Case carries no information in a name a text prints in capitals, and gold files written
    from such a text disagree on it; so do ™ and ® signs. Every other fact is compared as is.

    >>> comparable("company=MANITEX INTERNATIONAL, INC.")
    'company=manitex international, inc.'
    >>> comparable("agreement.set-threshold=15% or more")
    'agreement.set-threshold=15% or more'
    """
    key, sep, value = fact.partition("=")
    if not sep or not any((key + sep).endswith(marker) for marker in _NAME_MARKERS):
        return fact
    return f"{key}={' '.join(value.translate(_SIGNS).split()).casefold()}"


def score(drafted: Mapping[str, Iterable[str]], expected: Mapping[str, Iterable[str]]) -> Score:
    """Compare facts per filing (keyed by filing name) with the expected facts.

    Facts are compared in their :func:`comparable` form; missed and wrong facts are listed as
    written.
    """
    got = {
        f"{name}: {comparable(fact)}": f"{name}: {fact}"
        for name, values in drafted.items()
        for fact in values
    }
    want = {
        f"{name}: {comparable(fact)}": f"{name}: {fact}"
        for name, values in expected.items()
        for fact in values
    }
    return Score(
        drafted=len(got),
        expected=len(want),
        correct=len(got.keys() & want.keys()),
        missed=tuple(sorted(want[key] for key in want.keys() - got.keys())),
        wrong=tuple(sorted(got[key] for key in got.keys() - want.keys())),
    )


def score_directory(directory: str | Path) -> Score:
    """Draft every filing listed in ``directory/expected.json`` and score the drafts.

    ``expected.json`` maps each file name to the list of facts a person expects from it.
    """
    folder = Path(directory)
    expected: dict[str, list[str]] = json.loads((folder / "expected.json").read_text("utf-8"))
    drafted = {name: facts(draft_filing(read_filing(folder / name))) for name in expected}
    return score(drafted, expected)


# --- the real-filing corpus ---------------------------------------------------------------------

HALVES = ("development", "test")
"""The halves of the corpus's split by company (``split.json``)."""

# The gold files name a document's kind in this vocabulary; the reader's DocumentKind is finer
# (8-A and 8-A/A apart) and says "unknown" where the gold file says "other" (a 13D/A, a
# certificate of designation: documents that are none of the rights-plan kinds).
_GOLD_KIND = {
    DocumentKind.FORM_8A_AMENDMENT: "8-A",
    DocumentKind.UNKNOWN: "other",
}

# Fact kinds, in the order reports list them; a fact's kind is the first whose test matches.
_KINDS: tuple[tuple[str, str], ...] = (
    ("document kind", "document="),
    ("event", "event="),
    ("company", "company="),
    ("date: agreement dated", "agreement.dated="),
    ("date: amendment authorized", ".authorized="),
    ("date: amendment executed", ".executed="),
    ("date: expiration", ".set-expiration="),
    ("threshold", ".set-threshold="),
    ("passive tier", ".set-passive-tier="),
    ("named holder", "-exception="),
    ("named holder", ".add-exempt-person="),
    ("grandfathering", ".set-grandfathering="),
    ("rights agent", "agreement.rights_agent="),
    ("successor rights agent", ".appoint-rights-agent="),
    ("redemption", ".redeem="),
    ("termination", ".terminate"),
    ("other change", ".other-change"),
    ("holding", "holding="),
)
KIND_ORDER = (*dict.fromkeys(kind for kind, _ in _KINDS), "other")
"""Fact kinds in the order reports list them."""

_GROUPS: tuple[tuple[str, frozenset[str]], ...] = (
    (
        "thresholds (comparison and holder)",
        frozenset({"threshold", "passive tier", "named holder"}),
    ),
    (
        "dates",
        frozenset(
            {
                "date: agreement dated",
                "date: amendment authorized",
                "date: amendment executed",
                "date: expiration",
            }
        ),
    ),
)


def fact_kind(fact: str) -> str:
    """The kind of a fact string, for per-kind scores: ``"threshold"``, ``"date: expiration"``.

    >>> fact_kind("amendment[1].set-threshold=10% or more")
    'threshold'
    >>> fact_kind("agreement.dated=1996-09-30")
    'date: agreement dated'
    """
    for kind, marker in _KINDS:
        if fact.startswith(marker) or (marker.startswith((".", "-")) and marker in fact):
            return kind
    return "other"


@attrs.frozen
class CorpusDocument:
    """One document of the corpus: where it is, its half, its kind and its gold facts."""

    slug: str
    path: Path
    half: str
    kind: str
    """The document kind the gold file gives ("8-K", "EX-4 amendment", "other"...)."""
    expected: frozenset[str]
    """The gold facts, and ``document=<kind>``."""

    @property
    def name(self) -> str:
        """``<company slug>/<file name>``, as reports name it."""
        return f"{self.slug}/{self.path.name}"


def _split(corpus: Path) -> dict[str, list[str]]:
    try:
        data = json.loads((corpus / "split.json").read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise InvalidInputError(
            f"{corpus / 'split.json'}: cannot read the corpus split ({error})"
        ) from None
    # "retired_from_test" records former test companies, now development: not a third half.
    if (
        not isinstance(data, dict)
        or not set(HALVES) <= set(data) <= {*HALVES, "retired_from_test"}
        or not all(
            isinstance(slugs, list) and all(isinstance(slug, str) for slug in slugs)
            for slugs in data.values()
        )
    ):
        raise InvalidInputError(
            f"{corpus / 'split.json'}: expected an object with the keys "
            f"{' and '.join(HALVES)} (and optionally retired_from_test), "
            "each a list of company slugs"
        )
    return {half: list(data[half]) for half in HALVES}


def corpus_documents(corpus: str | Path, half: str) -> tuple[CorpusDocument, ...]:
    """The documents of one half of the corpus (``"development"`` or ``"test"``), sorted.

    Raises :class:`~rightsplan.errors.InvalidInputError` for an unknown half or a corpus
    without a readable ``split.json``.
    """
    if half not in HALVES:
        raise InvalidInputError(f"half: expected one of {', '.join(HALVES)}, got {half!r}")
    folder = Path(corpus)
    out = []
    for slug in sorted(_split(folder)[half]):
        for path in sorted((folder / slug).glob("*.txt")):
            gold = json.loads(path.with_suffix(".gold.json").read_text("utf-8"))
            kind = str(gold["document_kind"])
            expected = frozenset(str(f["fact"]) for f in gold["facts"]) | {f"document={kind}"}
            out.append(CorpusDocument(slug, path, half, kind, expected))
    return tuple(out)


def document_facts(path: str | Path) -> frozenset[str]:
    """The facts drafted from one corpus document, with its kind as ``document=<kind>``.

    The first line (``Source: <url>``) is the corpus's record of where the excerpt came from,
    not part of the document, and is not read. A document the reader refuses gives only
    ``document=unread``.
    """
    file = Path(path)
    text = file.read_text("utf-8").split("\n", 1)
    body = text[1] if len(text) > 1 else ""
    try:
        draft = draft_filing(parse_filing(body, name=str(file)))
    except FilingError:
        return frozenset({"document=unread"})
    kind = draft.document.kind
    return facts(draft) | {f"document={_GOLD_KIND.get(kind, kind.value)}"}


@attrs.frozen
class CorpusScore:
    """Precision and recall on one half of the corpus, overall, per fact kind and per group."""

    half: str
    documents: int
    total: Score
    kinds: tuple[tuple[str, Score], ...]
    """Per fact kind (:func:`fact_kind`), in a fixed order; kinds with no fact are left out."""
    groups: tuple[tuple[str, Score], ...]
    """Thresholds (with their comparison and holder: general, passive tier, named holders),
    and dates (every date kind)."""
    unscored: tuple[str, ...]
    """Facts not scored: an event drafted for a document whose gold file states none."""

    def kind(self, name: str) -> Score:
        """The score of one fact kind (or group): an empty score if it has no fact."""
        for kind, value in (*self.kinds, *self.groups):
            if kind == name:
                return value
        return score({}, {})


def evaluate_corpus(corpus: str | Path, half: str) -> CorpusScore:
    """Draft every document of one half of the corpus and score the drafts per fact kind.

    A gold file that states no event (the excerpt does not say what happened) leaves the
    event unscored for that document; every other drafted fact is scored, so a value the
    gold file does not state counts against precision.
    """
    drafted: dict[str, frozenset[str]] = {}
    expected: dict[str, frozenset[str]] = {}
    unscored: list[str] = []
    documents = corpus_documents(corpus, half)
    for document in documents:
        got = document_facts(document.path)
        if not any(f.startswith("event=") for f in document.expected):
            unscored.extend(f"{document.name}: {f}" for f in sorted(got) if f.startswith("event="))
            got = frozenset(f for f in got if not f.startswith("event="))
        drafted[document.name] = got
        expected[document.name] = document.expected
    kinds = []
    for kind in KIND_ORDER:
        result = score(_only(drafted, {kind}), _only(expected, {kind}))
        if result.drafted or result.expected:
            kinds.append((kind, result))
    groups = tuple(
        (group, score(_only(drafted, members), _only(expected, members)))
        for group, members in _GROUPS
    )
    return CorpusScore(
        half=half,
        documents=len(documents),
        total=score(drafted, expected),
        kinds=tuple(kinds),
        groups=groups,
        unscored=tuple(unscored),
    )


def _only(
    facts_by_name: Mapping[str, Iterable[str]], kinds: set[str] | frozenset[str]
) -> dict[str, list[str]]:
    return {
        name: [f for f in values if fact_kind(f) in kinds] for name, values in facts_by_name.items()
    }


def _cell(value: Score) -> str:
    return (
        f"{value.correct}/{value.expected} recall {value.recall:.2f}, "
        f"{value.correct}/{value.drafted} precision {value.precision:.2f}"
    )


def to_markdown(scores: Sequence[CorpusScore]) -> str:
    """Per-kind figures of one or more halves side by side, as a Markdown table.

    Each cell is ``correct/expected recall R, correct/drafted precision P``.
    """
    names = [kind for kind in KIND_ORDER if any(s.kind(kind) != score({}, {}) for s in scores)]
    names += [group for group, _ in _GROUPS]
    header = "| fact kind | " + " | ".join(f"{s.half} ({s.documents} documents)" for s in scores)
    lines = [header + " |", "| --- |" + " --- |" * len(scores)]
    for name in names:
        lines.append(f"| {name} | " + " | ".join(_cell(s.kind(name)) for s in scores) + " |")
    lines.append("| all facts | " + " | ".join(_cell(s.total) for s in scores) + " |")
    return "\n".join(lines) + "\n"


def to_data(result: CorpusScore) -> dict[str, object]:
    """One half's figures as JSON-ready data, with every missed and wrong fact."""

    def one(value: Score) -> dict[str, object]:
        return {
            "expected": value.expected,
            "drafted": value.drafted,
            "correct": value.correct,
            "precision": round(value.precision, 4),
            "recall": round(value.recall, 4),
        }

    return {
        "half": result.half,
        "documents": result.documents,
        "all": one(result.total),
        "kinds": {kind: one(value) for kind, value in result.kinds},
        "groups": {group: one(value) for group, value in result.groups},
        "missed": list(result.total.missed),
        "wrong": list(result.total.wrong),
        "unscored": list(result.unscored),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m rightsplan.edgar.evaluate``: score the reader on halves of the corpus.

    Exit status 0, or 2 for bad input (an unknown half, a folder that is not a corpus).
    """
    parser = argparse.ArgumentParser(
        prog="python -m rightsplan.edgar.evaluate",
        description=(
            "Draft every document of one half of the real-filing corpus and print precision "
            "and recall per kind of fact. Deterministic."
        ),
        epilog="example:\n  python -m rightsplan.edgar.evaluate --corpus tests/data/corpus "
        "--half development --show-errors",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--corpus", default="tests/data/corpus", help="the corpus folder")
    parser.add_argument(
        "--half",
        choices=(*HALVES, "both"),
        default="development",
        help="which half of the split to score (default: development)",
    )
    parser.add_argument(
        "--format",
        choices=("markdown", "json"),
        default="markdown",
        help="markdown: the per-kind table; json: figures with every missed and wrong fact",
    )
    parser.add_argument(
        "--show-errors", action="store_true", help="list missed and wrong facts (markdown)"
    )
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return 0 if exit_.code in (0, None) else 2
    halves = HALVES if args.half == "both" else (args.half,)
    try:
        results = [evaluate_corpus(args.corpus, half) for half in halves]
    except (InvalidInputError, OSError) as error:
        print(f"rightsplan.edgar.evaluate: error: {error}", file=sys.stderr)
        return 2
    if args.format == "json":
        print(json.dumps([to_data(r) for r in results], indent=2))
        return 0
    print(to_markdown(results), end="")
    if args.show_errors:
        for result in results:
            print(f"\n{result.half}: missed")
            print("".join(f"  {fact}\n" for fact in result.total.missed), end="")
            print(f"{result.half}: wrong")
            print("".join(f"  {fact}\n" for fact in result.total.wrong), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
