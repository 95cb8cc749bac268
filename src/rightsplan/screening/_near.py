"""The screen's ``near_match`` column: names a plan uses that a holder's nearly matches (private).

The answer for a row is :func:`rightsplan.assess.near_matches` of the terms on its date, as
``rightsplan check`` reports it. Asking that of every row would cost a Python call per row,
so rows are first narrowed down in bulk: a holder can only be near a name its issuer's plan
uses in some period, and two near names share a key of
:func:`rightsplan._check.near_index_keys`. Only the rows left (few: likely misspellings)
are asked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

import numpy as np
import polars as pl

from rightsplan import _check
from rightsplan.assess import near_matches
from rightsplan.dates import to_date
from rightsplan.plan import Plan
from rightsplan.rules import in_force
from rightsplan.screening.intervals import FIRST_DAY

__all__ = ["NEAR_MATCH", "NearNames"]

_EPOCH = dt.date(1970, 1, 1)
_MOST_ANSWERS = 1 << 16
"""Answers kept between calls (:meth:`NearNames._answer`), at most."""

NEAR_MATCH = pl.List(pl.String)
"""The column's type: the names, in the order the terms give them; null when none."""


def _plan_names(plan: Plan) -> set[str]:
    """Every name the plan's terms use, in any period: exceptions' holders and members."""
    names: set[str] = set()
    for period in plan.timeline():
        terms = period.terms
        names.update(name for exception in terms.exceptions for name in exception.names())
        names.update(exemption.name for exemption in terms.exemptions)  # and Exempt Persons
    return names


class NearNames:
    """The plans' names, indexed to find the rows whose holder is near one of them."""

    def __init__(self, plans: Mapping[str, Plan], issuers: Sequence[str]) -> None:
        self.plans = [plans[issuer] for issuer in issuers]
        self.ids: dict[str, int] = {}  # a named key's id (1, 2, ...)
        self.index: dict[str, list[int]] = {}  # near_index_keys -> ids
        pairs: list[tuple[int, int]] = []
        for number, plan in enumerate(self.plans):
            for name in sorted(_plan_names(plan)):
                key = _check.name_key(name)
                if key not in self.ids:
                    self.ids[key] = len(self.ids) + 1
                    for found in _check.near_index_keys(name):
                        self.index.setdefault(found, []).append(self.ids[key])
                pairs.append((number, self.ids[key]))
        self.width = len(self.ids) + 1
        self.pairs = np.unique(
            np.array([number * self.width + id_ for number, id_ in pairs], dtype=np.int64)
        )
        # Candidate sets, by holder name: 0 is none; the members of set i are
        # members[offsets[i]:offsets[i + 1]].
        self.set_of_name: dict[str, int] = {}
        self.set_of_ids: dict[tuple[int, ...], int] = {(): 0}
        self.members: list[int] = []
        self.offsets: list[int] = [0, 0]
        self.answers: dict[tuple[int, int, int, int], list[str] | None] = {}
        """Answers by (plan, interval start, own name, near bits): see :meth:`from_bits`."""

    def _set(self, name: str) -> int:
        found = self.set_of_name.get(name)
        if found is not None:
            return found
        own = self.ids.get(_check.name_key(name))
        candidates = tuple(
            sorted(
                {
                    id_
                    for key in _check.near_index_keys(name)
                    for id_ in self.index.get(key, ())
                    if id_ != own
                }
            )
        )
        number = self.set_of_ids.get(candidates)
        if number is None:
            number = self.set_of_ids[candidates] = len(self.offsets) - 1
            self.members.extend(candidates)
            self.offsets.append(len(self.members))
        self.set_of_name[name] = number
        return number

    def sets_of(self, names: list[str | None]) -> np.ndarray:
        """Each name's candidate set (0: none), as a table for coded columns."""
        return np.array([0 if name is None else self._set(name) for name in names], np.int64)

    def text_sets(self, holder: pl.Series) -> np.ndarray:
        """Each row's candidate set, for a text column: each distinct name looked up once."""
        text = holder.cast(pl.String)
        distinct = text.unique().drop_nulls()
        sets = self.sets_of(distinct.to_list())
        if not sets.any():
            return np.zeros(len(text), np.int64)
        return text.replace_strict(
            distinct, pl.Series(sets), default=0, return_dtype=pl.Int64
        ).to_numpy()

    def from_bits(
        self,
        bits: np.ndarray,
        own: np.ndarray,
        issuer: np.ndarray,
        day: np.ndarray,
        periods_of: Callable[[np.ndarray, np.ndarray], np.ndarray],
        starts: np.ndarray,
        local: Sequence[Mapping[str, int]],
        holder: pl.Series,
        date: pl.Series,
    ) -> pl.Series:
        """The ``near_match`` column from the compiled text loop's near bits.

        ``bits[row]`` marks the names of the row's plan (``local[plan]``: key to bit) that
        its holder nearly matches, in any period (-1: not worked out; such rows take
        :meth:`column`); ``own[row]`` is the plan's name the holder *is* (-1: none). The
        answer for a row then depends only on its interval, own name and bits: one
        :func:`~rightsplan.assess.near_matches`-equivalent answer per distinct triple.
        ``periods_of(issuer, day)`` gives rows' intervals, ``starts`` the intervals' first
        days (``FIRST_DAY``: before the agreement, no terms).
        """
        rows = len(holder)
        unknown = np.flatnonzero(bits < 0)
        near = np.flatnonzero(bits > 0)
        if not unknown.size and not near.size:
            return self.nothing(rows)
        index = np.full(rows, -1, dtype=np.int64)
        answers: list[list[str] | None] = []
        if near.size:
            plan = issuer[near].astype(np.int64)
            period = periods_of(plan, day[near])
            keys = np.stack([period, own[near].astype(np.int64), bits[near]], axis=1)
            groups, first, inverse = np.unique(keys, axis=0, return_index=True, return_inverse=True)
            for (period_id, own_id, group_bits), at in zip(
                groups.tolist(), first.tolist(), strict=True
            ):
                number = int(plan[at])
                answers.append(
                    self._answer(number, int(starts[period_id]), own_id, group_bits, local[number])
                )
            index[near] = inverse.ravel()
        if unknown.size:
            some = holder.gather(unknown)
            found = self.column(
                self.text_sets(some), some, issuer[unknown], date.gather(unknown)
            ).to_list()
            index[unknown] = np.arange(len(answers), len(answers) + len(found))
            answers.extend(found)
        index[index < 0] = len(answers)
        values = pl.Series("near_match", [*answers, None], dtype=NEAR_MATCH)
        return values.gather(index)

    def _answer(
        self, plan: int, start: int, own: int, bits: int, local: Mapping[str, int]
    ) -> list[str] | None:
        """:func:`~rightsplan.assess.near_matches` for one kind of holder of one interval.

        The interval is the plan's that begins on day ``start``; the holder is the plan's
        name ``own`` (-1: none) and nearly matches the names ``bits`` marks.
        """
        key = (plan, start, own, bits)
        if key in self.answers:
            return self.answers[key]
        answer: list[str] | None = None
        if start != FIRST_DAY:
            terms = self.plans[plan].terms_at(
                to_date(_EPOCH + dt.timedelta(days=start), what="date")
            )
            named = [name for exception in terms.exceptions for name in exception.names()]
            named.extend(exemption.name for exemption in terms.exemptions)
            keys: dict[str, str] = {}
            for name in named:
                keys.setdefault(_check.name_key(name), name)
            spelled = list(local)
            if own < 0 or spelled[own] not in keys:
                answer = [name for k, name in keys.items() if bits >> local[k] & 1] or None
        if len(self.answers) > _MOST_ANSWERS:
            self.answers.clear()
        self.answers[key] = answer
        return answer

    @staticmethod
    def nothing(rows: int) -> pl.Series:
        """A column of ``rows`` nulls: no near match anywhere."""
        return pl.Series("near_match", dtype=NEAR_MATCH).extend_constant(None, rows)

    def column(
        self, set_of_row: np.ndarray, holder: pl.Series, issuer: np.ndarray, date: pl.Series
    ) -> pl.Series:
        """The ``near_match`` column of a screened batch.

        ``set_of_row`` is each row's candidate set (:meth:`sets_of`, :meth:`text_sets`),
        ``issuer`` each row's plan index.
        """
        rows = len(holder)
        suspects = np.flatnonzero(set_of_row)
        if not suspects.size:
            return self.nothing(rows)
        offsets = np.array(self.offsets, dtype=np.int64)
        members = np.array(self.members, dtype=np.int64)
        start = offsets[set_of_row[suspects]]
        count = offsets[set_of_row[suspects] + 1] - start
        # Each suspect row once per candidate name: is that name one its issuer's plan uses?
        row = np.repeat(suspects, count)
        within = np.arange(row.size) - np.repeat(np.cumsum(count) - count, count)
        candidate = members[np.repeat(start, count) + within]
        used = np.isin(issuer[row].astype(np.int64) * self.width + candidate, self.pairs)
        flagged = np.unique(row[used])
        if not flagged.size:
            return self.nothing(rows)
        names = holder.gather(flagged).cast(pl.String).to_list()
        days = date.gather(flagged).to_list()
        plans = issuer[flagged].tolist()
        answers: dict[tuple[int, object, str], list[str] | None] = {}
        values: list[list[str] | None] = []
        for name, day, plan in zip(names, days, plans, strict=True):
            key = (plan, day, name)
            if key not in answers:
                terms, _ = in_force(self.plans[plan], to_date(day, what="date"))
                answers[key] = list(near_matches(terms, name)) or None
            values.append(answers[key])
        found = pl.DataFrame({"row": flagged, "near_match": pl.Series(values, dtype=NEAR_MATCH)})
        every = pl.DataFrame({"row": np.arange(rows, dtype=flagged.dtype)})
        return every.join(found, on="row", how="left", maintain_order="left")["near_match"]
