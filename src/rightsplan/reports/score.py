"""Precision and recall of the Schedule 13D/13G reader, per field, on a corpus half.

The corpus (``tests/data/reports/``) holds one folder per issuer, each with reports
(``NN-13d.txt``...) and their gold facts (``NN-13d.gold.json``), and ``split.json`` naming
each issuer's half. :func:`score` reads every report of one half and compares the facts it
finds with the gold ones: a fact is found when the reader states the same ``key=value``
(white space aside). Per field (``person[N].aggregate`` counted as ``person.aggregate``),
precision is the share of the reader's facts that are gold, recall the share of gold facts
the reader found. A report the reader refuses counts every gold fact of it as missed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Iterable
from fractions import Fraction
from pathlib import Path

import attrs

from rightsplan.errors import FilingError, InvalidInputError
from rightsplan.reports.read import read_report

__all__ = ["FieldScore", "Score", "half_of", "score"]


def half_of(slug: str) -> str:
    """The half an issuer falls in: the parity of its slug's SHA-256 (even: development)."""
    return "development" if hashlib.sha256(slug.encode()).digest()[0] % 2 == 0 else "test"


@attrs.frozen
class FieldScore:
    """One field's counts: facts found that are gold, found that are not, gold not found."""

    field: str
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> Fraction | None:
        """Found facts that are gold, as a fraction (``None`` when nothing was found)."""
        found = self.true_positives + self.false_positives
        return Fraction(self.true_positives, found) if found else None

    @property
    def recall(self) -> Fraction | None:
        """Gold facts found, as a fraction (``None`` when there are no gold facts)."""
        gold = self.true_positives + self.false_negatives
        return Fraction(self.true_positives, gold) if gold else None


@attrs.frozen
class Score:
    """The reader's figures on one half of a corpus."""

    half: str
    reports: int
    refused: tuple[str, ...]
    """Reports the reader refused (each with the reason)."""
    fields: tuple[FieldScore, ...]

    @property
    def total(self) -> FieldScore:
        """Every field's counts added up."""
        return FieldScore(
            "all",
            sum(f.true_positives for f in self.fields),
            sum(f.false_positives for f in self.fields),
            sum(f.false_negatives for f in self.fields),
        )

    def table(self) -> str:
        """The figures as a Markdown table: field, gold, found, precision, recall."""

        def shown(value: Fraction | None) -> str:
            return "n/a" if value is None else f"{float(value) * 100:.1f}%"

        lines = [
            f"{self.reports} reports in the {self.half} half"
            + (f"; {len(self.refused)} refused" if self.refused else ""),
            "",
            "| field | gold | found | correct | precision | recall |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        for row in (*self.fields, self.total):
            lines.append(
                f"| {row.field} | {row.true_positives + row.false_negatives} | "
                f"{row.true_positives + row.false_positives} | {row.true_positives} | "
                f"{shown(row.precision)} | {shown(row.recall)} |"
            )
        return "\n".join(lines) + "\n"


_PERSON = re.compile(r"person\[\d+\]")


def _field(fact: str) -> str:
    return _PERSON.sub("person", fact.partition("=")[0])


def _normal(fact: str) -> str:
    key, _, value = fact.partition("=")
    return f"{key.strip()}={' '.join(value.split())}"


def _gold(path: Path) -> list[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [_normal(str(item["fact"])) for item in data["facts"]]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise InvalidInputError(f"{path}: not a gold file ({error})") from None


def _reports(corpus: Path, half: str) -> Iterable[tuple[Path, Path]]:
    split_path = corpus / "split.json"
    slugs: list[str]
    if split_path.exists():
        try:
            split = json.loads(split_path.read_text(encoding="utf-8"))
            slugs = [str(slug) for slug in split[half]]
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise InvalidInputError(f"{split_path}: not a split file ({error})") from None
    else:
        slugs = sorted(p.name for p in corpus.iterdir() if p.is_dir() and half_of(p.name) == half)
    for slug in sorted(slugs):
        folder = corpus / slug
        if not folder.is_dir():
            continue
        for gold in sorted(folder.glob("*.gold.json")):
            text = gold.with_name(gold.name.removesuffix(".gold.json") + ".txt")
            if text.exists():
                yield text, gold


def score(corpus: str | os.PathLike[str], *, half: str = "development") -> Score:
    """Read every report of ``half`` (``"development"`` or ``"test"``) and score the reader."""
    if half not in ("development", "test"):
        raise InvalidInputError(f'half: expected "development" or "test", got {half!r}')
    root = Path(corpus)
    if not root.is_dir():
        raise InvalidInputError(f"{root}: no such corpus folder")
    counts: dict[str, Counter[str]] = {}
    refused: list[str] = []
    reports = 0
    for text, gold_path in _reports(root, half):
        reports += 1
        gold = Counter(_gold(gold_path))
        try:
            found = Counter(_normal(fact.fact) for fact in read_report(text).facts())
        except FilingError as error:
            refused.append(str(error))
            found = Counter()
        for fact in gold | found:
            field = _field(fact)
            tally = counts.setdefault(field, Counter())
            both = min(gold[fact], found[fact])
            tally["tp"] += both
            tally["fn"] += gold[fact] - both
            tally["fp"] += found[fact] - both
    fields = tuple(
        FieldScore(field, tally["tp"], tally["fp"], tally["fn"])
        for field, tally in sorted(counts.items())
    )
    return Score(half, reports, tuple(refused), fields)
