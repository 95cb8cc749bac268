"""Each plan's term history, materialized once as a small table of validity intervals.

:func:`rp.assess <rightsplan.assess>` answers one holding at a time by looking up the terms in
force on its date and choosing the binding rule for its holder. For screening, the same
choice is made once per *holder class* of every interval of every plan, and the millions of
positions are then joined to the result. A holder class is what the choice depends on:

* the interval: the issuer and the span of days over which the terms did not change (the
  days before the agreement, and the days after an expiration, termination or redemption,
  are intervals too, with no plan in force);
* the holder's name, but only as far as the terms name it: a named-holder exception (its
  holder or a member) or a named Exempt Person, matched the way rightsplan matches names
  (case-folded, runs of white space collapsed). Every other holder is in the generic class,
  ``name_id`` 0;
* the holder's kind (the Company, a Subsidiary, ... ) for the Exempt Persons clause;
* whether the holding is passive (for the passive tier, and for exceptions that require it).

Each class row carries its verdict rule: inactive, exempt (with the Exempt Person clause's
citation), or a limit as an exact fraction ``num / den`` of a percent with its comparison,
citation, and the integer constants the vectorized comparison uses (see
:mod:`rightsplan.screening.exact`). An interval whose terms leave the general threshold
unknown, or whose days an unknown Final Expiration Date may have ended, has one rule for
every class, *judged*: its rows are judged one by one by :func:`rightsplan.rules.verdict`,
as :func:`rightsplan.assess` judges them (UNCERTAIN where the unknown decides).
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Iterable, Mapping
from fractions import Fraction

import attrs
import numpy as np
import pendulum
import polars as pl

from rightsplan import _check
from rightsplan.errors import InputTypeError, ScreenInputError
from rightsplan.percent import Comparison, format_percent
from rightsplan.plan import Plan
from rightsplan.rules import HOLDER_KINDS, RULE_KINDS, binding_limit
from rightsplan.screening import exact
from rightsplan.terms import Exemption, Limit, RightsToAcquire, Terms, UnknownLimit
from rightsplan.unknowns import UnknownDate, UnknownShares

__all__ = ["Intervals", "materialize"]

_INACTIVE, _EXEMPT, _LIMIT = RULE_KINDS["inactive"], RULE_KINDS["exempt"], RULE_KINDS["limit"]
_JUDGED = RULE_KINDS["judged"]

_EPOCH = dt.date(1970, 1, 1)
FIRST_DAY = -(2**31) + 1
"""The day number standing for "any day before" (days are counted from 1970-01-01)."""
LAST_DAY = 2**31 - 2
"""The day number standing for "any day after"."""

_NO_NAME = "\x00"  # a holder name no plan can name: it never matches a name key


def day_number(day: pendulum.Date | dt.date) -> int:
    """Days since 1970-01-01, as polars stores a ``Date``."""
    return (dt.date(day.year, day.month, day.day) - _EPOCH).days


@attrs.frozen
class _Rule:
    status: int
    source: str | None
    limit: Limit | None = None


@attrs.frozen
class Intervals:
    """The materialized histories of a set of plans, ready to be joined to positions.

    ``periods``: one row per interval (``period`` id, ``issuer``, ``issuer_idx``, ``start``
    and ``end`` days, both inclusive, as ``Date``; ``in_force``; ``rights_mode`` 0/1/2 for
    rights to acquire counted none/within 60 days/all; ``derivatives_counted``).
    ``classes``: one row per holder class of each interval (``period``, ``name_id``,
    ``kind_code``, the index in :data:`rightsplan.rules.HOLDER_KINDS`, ``passive``) with its
    ``rule`` id. ``rules``: one row per distinct rule (``rule``, ``status`` as
    :data:`rightsplan.rules.RULE_KINDS` codes it, ``num``, ``den``, ``at_least``,
    ``limit``, ``comparison``, ``source`` and the exact-comparison constants). ``names``:
    the name keys the plans use, with their ``name_id`` (1, 2, ...).
    """

    issuers: tuple[str, ...]
    periods: pl.DataFrame
    classes: pl.DataFrame
    rules: pl.DataFrame
    names: pl.DataFrame
    warn_at: Fraction

    def table(self) -> pl.DataFrame:
        """One row per interval and holder class, with its rule: the joinable intervals table."""
        return (
            self.classes.join(self.periods, on="period", how="left")
            .join(self.rules, on="rule", how="left")
            .sort("period", "name_id", "kind_code", "passive")
        )

    def name_ids(self, holders: Iterable[str]) -> dict[str, int]:
        """The ``name_id`` of each holder name a plan names; other names are left out."""
        keys, ids = self.names["name_key"].to_list(), self.names["name_id"].to_list()
        known = dict(zip(keys, ids, strict=True))
        found: dict[str, int] = {}
        for holder in holders:
            if holder is None:
                continue
            name_id = known.get(_check.name_key(holder))
            if name_id is not None:
                found[holder] = name_id
        return found


class _Builder:
    def __init__(self, warn_at: Fraction) -> None:
        self.warn_at = warn_at
        self.rule_ids: dict[object, int] = {}
        self.rule_rows: list[dict[str, object]] = []
        self.name_ids: dict[str, int] = {}
        self.periods: dict[str, list[object]] = {
            key: []
            for key in (
                "period",
                "issuer",
                "issuer_idx",
                "start",
                "end",
                "in_force",
                "rights_mode",
                "derivatives_counted",
            )
        }
        # The holder classes, a row per (period, name) with the rule of each (kind, passive):
        # built per distinct rule and name, laid out as columns once (see :meth:`classes`).
        self.class_period: list[int] = []
        self.class_name: list[int] = []
        self.class_rules: list[list[int]] = []
        self.limit_rules: dict[tuple[int, ...], tuple[int, tuple[object, ...]]] = {}
        self.exempt_rules: dict[int, tuple[int, object]] = {}
        self.exempt_lists: dict[tuple[int, str], tuple[list[int], object]] = {}

    def rule(self, rule: _Rule) -> int:
        limit = rule.limit
        key: object = (
            (rule.status, rule.source)
            if limit is None
            else (rule.status, rule.source, limit.percent, limit.comparison)
        )
        found = self.rule_ids.get(key)
        if found is not None:
            return found
        number = len(self.rule_rows)
        self.rule_ids[key] = number
        row: dict[str, object] = {
            "rule": number,
            "status": rule.status,
            "source": rule.source,
            "limit": None,
            "comparison": None,
            "num": None,
            "den": None,
            "at_least": None,
            "unit": None,
            "warn_num": None,
            "warn_unit": None,
        }
        if limit is not None:
            constants = exact.constants(limit.percent, limit.comparison, self.warn_at)
            row.update(
                limit=format_percent(limit.percent),
                comparison=limit.comparison.value,
                num=limit.percent.numerator,
                den=limit.percent.denominator,
                at_least=limit.comparison is Comparison.AT_LEAST,
                unit=constants.unit,
                warn_num=constants.warn_num,
                warn_unit=constants.warn_unit,
            )
        self.rule_rows.append(row)
        return number

    def name_id(self, name: str) -> int:
        key = _check.name_key(name)
        found = self.name_ids.get(key)
        if found is None:
            found = self.name_ids[key] = len(self.name_ids) + 1
        return found

    def period(
        self,
        issuer: str,
        issuer_idx: int,
        start: int,
        end: int,
        terms: Terms | None,
        in_force: bool | None,
        inactive_source: str | None = None,
    ) -> None:
        period = len(self.periods["period"])
        rights = terms.ownership.rights_to_acquire if terms is not None else None
        for key, value in (
            ("period", period),
            ("issuer", issuer),
            ("issuer_idx", issuer_idx),
            ("start", start),
            ("end", end),
            ("in_force", in_force),
            ("rights_mode", _RIGHTS_MODE.get(rights, 0) if rights is not None else 0),
            (
                "derivatives_counted",
                terms.ownership.derivatives_counted if terms is not None else False,
            ),
        ):
            self.periods[key].append(value)
        if terms is None or in_force is False:
            inactive = self.rule(_Rule(_INACTIVE, inactive_source))
            self._add(period, 0, [inactive] * _PER_NAME)
            return
        _refuse_share_caps(terms)
        if in_force is None or terms.unknown_limits():
            # An unknown decides some answers: the rulebook judges each row (and cites).
            judged = self.rule(_Rule(_JUDGED, _unknown_source(terms)))
            self._add(period, 0, [judged] * _PER_NAME)
            return
        # The names these terms mention, each by a representative spelling.
        excepted: dict[int, str] = {}
        for exception in terms.exceptions:
            for name in exception.names():
                excepted.setdefault(self.name_id(name), name)
        mentioned = dict(excepted)
        exempted: set[int] = set()
        for exemption in terms.exemptions:
            for name in exemption.names():
                exempted.add(self.name_id(name))
                mentioned.setdefault(self.name_id(name), name)
        # The rulebook's lookup itself, terms.exemption_for: the first Exempt Person covering
        # name or kind. A name no Exempt Person names is covered as any name is: by kind.
        by_kind = self._exempt_by_kind(terms, _NO_NAME)
        generic = (self._limit(terms, _NO_NAME, False), self._limit(terms, _NO_NAME, True))
        for name_id, name in [(0, _NO_NAME), *sorted(mentioned.items())]:
            limits = generic
            if name_id in excepted:
                limits = (self._limit(terms, name, False), self._limit(terms, name, True))
            exempt = by_kind
            if name_id in exempted:
                exempt = self._exempt_by_kind(terms, name)
            rules: list[int] = []
            for found in exempt:
                rules.extend(limits if found < 0 else (found, found))
            self._add(period, name_id, rules)

    def _limit(self, terms: Terms, name: str, passive: bool) -> int:
        """The rule id of the limit binding ``name`` (:func:`rightsplan.rules.binding_limit`).

        Asked once per distinct question: what ``binding_limit`` reads (the general rule,
        the passive tier, the exception covering the name, the passive flag) is the key, by
        the identity of the terms' own objects (unchanged rules are the same objects from
        one period to the next; the key keeps them alive, so identities stay theirs).
        """
        read = (terms.known_general(), terms.passive, terms.exception_for(name))
        key = (*map(id, read), passive)
        found = self.limit_rules.get(key)
        if found is None:
            limit = binding_limit(terms, name, passive=passive)[1]
            found = self.limit_rules[key] = (
                self.rule(_Rule(_LIMIT, limit.source.cite(), limit)),
                read,
            )
        return found[0]

    def _exempt_by_kind(self, terms: Terms, name: str) -> list[int]:
        """For each holder kind, the rule id of the Exempt Person covering ``name`` (-1: none).

        By :meth:`rightsplan.Terms.exemption_for`, asked once per list of Exempt Persons (an
        unamended list is the same object from one period to the next; kept alive by the key).
        """
        key = (id(terms.exemptions), _check.name_key(name))
        found = self.exempt_lists.get(key)
        if found is None:
            rules = [self._exempt(terms.exemption_for(name, kind)) for kind in HOLDER_KINDS]
            found = self.exempt_lists[key] = (rules, terms.exemptions)
        return found[0]

    def _exempt(self, exemption: Exemption | None) -> int:
        """The rule id of an Exempt Person clause (-1 for none), once per clause."""
        if exemption is None:
            return -1
        found = self.exempt_rules.get(id(exemption))
        if found is None:
            rule = self.rule(_Rule(_EXEMPT, exemption.source.cite()))
            found = self.exempt_rules[id(exemption)] = (rule, exemption)
        return found[0]

    def _add(self, period: int, name_id: int, rules: list[int]) -> None:
        """The rules of one (period, name): for each kind, not passive then passive."""
        self.class_period.append(period)
        self.class_name.append(name_id)
        self.class_rules.append(rules)

    def classes(self) -> dict[str, np.ndarray]:
        """The holder classes as columns: one row per (period, name, kind, passive)."""
        rows = len(self.class_period)
        kinds = len(HOLDER_KINDS)
        rules = np.array(self.class_rules, dtype=np.int64).reshape(rows * _PER_NAME)
        return {
            "period": np.repeat(np.array(self.class_period, dtype=np.int64), _PER_NAME),
            "name_id": np.repeat(np.array(self.class_name, dtype=np.int64), _PER_NAME),
            "kind_code": np.tile(np.repeat(np.arange(kinds, dtype=np.int64), 2), rows),
            "passive": np.tile(np.array([False, True]), rows * kinds),
            "rule": rules,
        }


_CLASS_COLUMNS = ("period", "name_id", "kind_code", "passive", "rule")
_PER_NAME = len(HOLDER_KINDS) * 2
"""Holder classes per (period, name): each kind, passive or not."""

_RIGHTS_MODE = {RightsToAcquire.NONE: 0, RightsToAcquire.WITHIN_60_DAYS: 1, RightsToAcquire.ALL: 2}


def _split(plan: Plan) -> list[tuple[int, int, Terms, bool | None]]:
    """The plan's timeline as (start, end, terms, in force) with end days inclusive.

    Split again where an ending or an expiration (or an unknown expiry's bounds) falls
    inside a period, so that ``in_force`` holds for every day of each piece (it is decided by
    :meth:`Terms.in_force_or_unknown`, as :func:`rightsplan.rules.in_force_or_unknown`
    decides it: ``None`` where an unknown expiry decides).
    """
    pieces: list[tuple[int, int, Terms, bool | None]] = []
    for period in plan.timeline():
        start = day_number(period.start)
        end = day_number(period.end) if period.end is not None else LAST_DAY
        terms = period.terms
        cuts = {start}
        if terms.ended is not None:
            cuts.add(day_number(terms.ended.on))
        expiration = terms.expiration
        if expiration is not None:
            date = expiration.date
            if isinstance(date, UnknownDate):
                # The unknown window: from the day after the earliest date the bounds allow
                # to the latest (in_force_or_unknown is None there), then expired.
                for bound in (date.on_or_after, date.on_or_before):
                    if bound is not None:
                        cuts.add(day_number(bound) + 1)
            else:
                cuts.add(day_number(date) + 1)
        bounds = sorted(cut for cut in cuts if start <= cut <= end)
        for index, first in enumerate(bounds):
            last = bounds[index + 1] - 1 if index + 1 < len(bounds) else end
            on = _EPOCH + dt.timedelta(days=first)
            pieces.append(
                (
                    first,
                    last,
                    terms,
                    terms.in_force_or_unknown(pendulum.Date(on.year, on.month, on.day)),
                )
            )
    return pieces


@attrs.frozen
class _Local:
    """One plan's intervals with plan-local ids, ready to be merged into a set of plans."""

    builder: _Builder
    classes: dict[str, np.ndarray]
    rule_tokens: list[tuple[int, int]]
    """(process-wide token of the rule's key, local rule id) for each of the plan's rules."""
    name_keys: list[tuple[str, int]]


_CACHE: dict[tuple[int, Fraction], tuple[weakref.ref[Plan], _Local]] = {}
"""Each plan's own intervals, by ``(id(plan), warn_at)``, while the plan lives (plans are
immutable, so a plan object's intervals never change)."""
_RULE_TOKENS: dict[object, int] = {}
"""A small integer for every rule key seen, so merging compares integers, not fractions."""


def _plan_intervals(plan: Plan, warn_at: Fraction) -> _Local:
    """The intervals of one plan, with plan-local period, name and rule ids (cached)."""
    key = (id(plan), warn_at)
    cached = _CACHE.get(key)
    if cached is not None and cached[0]() is plan:
        return cached[1]
    builder = _Builder(warn_at)
    builder.period("", 0, FIRST_DAY, day_number(plan.agreement.dated) - 1, None, False)
    for start, end, terms, in_force in _split(plan):
        builder.period("", 0, start, end, terms, in_force)
    local = _Local(
        builder,
        builder.classes(),
        [
            (_RULE_TOKENS.setdefault(rule_key, len(_RULE_TOKENS)), local_id)
            for rule_key, local_id in builder.rule_ids.items()
        ],
        list(builder.name_ids.items()),
    )

    def forget(_: object, key: tuple[int, Fraction] = key) -> None:
        _CACHE.pop(key, None)

    _CACHE[key] = (weakref.ref(plan, forget), local)
    return local


def materialize(plans: Mapping[str, Plan], *, warn_at: Fraction) -> Intervals:
    """Materialize the term histories of ``plans`` (issuer id -> plan) as :class:`Intervals`.

    The plans' timelines are read once; the binding rule of every holder class of every
    interval is chosen with :func:`rightsplan.rules.binding_limit` and
    :meth:`rightsplan.Terms.exemption_for`, the functions :func:`rightsplan.assess` uses.
    Each plan's own intervals are cached for as long as the :class:`~rightsplan.Plan` object
    lives (plans are immutable), so screening again against the same plans reuses them.
    """
    builder = _Builder(warn_at)
    issuers = tuple(plans)
    rule_ids: dict[int, int] = {}
    class_parts: dict[str, list[np.ndarray]] = {key: [] for key in _CLASS_COLUMNS}
    for issuer_idx, issuer in enumerate(issuers):
        plan = plans[issuer]
        if not isinstance(plan, Plan):
            raise InputTypeError(f"plans[{issuer!r}]: expected a Plan, got {plan!r}")
        local = _plan_intervals(plan, warn_at)
        offset = len(builder.periods["period"])
        count = len(local.builder.periods["period"])
        for column, values in local.builder.periods.items():
            if column == "period":
                builder.periods[column].extend(range(offset, offset + count))
            elif column == "issuer":
                builder.periods[column].extend([issuer] * count)
            elif column == "issuer_idx":
                builder.periods[column].extend([issuer_idx] * count)
            else:
                builder.periods[column].extend(values)
        rule_map = np.empty(len(local.rule_tokens), dtype=np.int64)
        for token, local_id in local.rule_tokens:
            found = rule_ids.get(token)
            if found is None:
                found = rule_ids[token] = len(builder.rule_rows)
                builder.rule_rows.append({**local.builder.rule_rows[local_id], "rule": found})
            rule_map[local_id] = found
        name_map = np.zeros(len(local.name_keys) + 1, dtype=np.int64)
        for name_key, local_id in local.name_keys:
            found = builder.name_ids.get(name_key)
            if found is None:
                found = builder.name_ids[name_key] = len(builder.name_ids) + 1
            name_map[local_id] = found
        local_classes = local.classes
        class_parts["period"].append(local_classes["period"] + offset)
        class_parts["name_id"].append(name_map[local_classes["name_id"]])
        class_parts["rule"].append(rule_map[local_classes["rule"]])
        class_parts["kind_code"].append(local_classes["kind_code"])
        class_parts["passive"].append(local_classes["passive"])
    class_columns = {
        key: np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
        for key, parts in class_parts.items()
    }
    periods = pl.DataFrame(
        builder.periods,
        schema={
            "period": pl.Int32,
            "issuer": pl.String,
            "issuer_idx": pl.Int32,
            "start": pl.Int32,
            "end": pl.Int32,
            "in_force": pl.Boolean,
            "rights_mode": pl.Int8,
            "derivatives_counted": pl.Boolean,
        },
    ).with_columns(pl.col("start").cast(pl.Date), pl.col("end").cast(pl.Date))
    classes = pl.DataFrame(
        class_columns,
        schema={
            "period": pl.Int32,
            "name_id": pl.Int32,
            "kind_code": pl.Int8,
            "passive": pl.Boolean,
            "rule": pl.Int32,
        },
    )
    rules = pl.DataFrame(
        builder.rule_rows,
        schema={
            "rule": pl.Int32,
            "status": pl.Int8,
            "source": pl.String,
            "limit": pl.String,
            "comparison": pl.String,
            "num": pl.Int64,
            "den": pl.Int64,
            "at_least": pl.Boolean,
            "unit": pl.Int64,
            "warn_num": pl.Int64,
            "warn_unit": pl.Int64,
        },
    )
    names = pl.DataFrame(
        {"name_key": list(builder.name_ids), "name_id": list(builder.name_ids.values())},
        schema={"name_key": pl.String, "name_id": pl.Int32},
    )
    return Intervals(issuers, periods, classes, rules, names, warn_at)


def _unknown_source(terms: Terms) -> str:
    """The citation a judged interval's rows carry until the rulebook has judged them."""
    for limit in (terms.general, terms.passive):
        if isinstance(limit, UnknownLimit):
            return limit.source.cite()
    for exception in terms.exceptions:
        if exception.unknowns():
            return exception.source.cite()
    for exemption in terms.exemptions:
        if exemption.unknowns():
            return exemption.source.cite()
    if terms.expiration is not None and isinstance(terms.expiration.date, UnknownDate):
        return terms.expiration.source.cite()
    return terms.known_general().source.cite()  # an unknown grandfathering tolerance


def _refuse_share_caps(terms: Terms) -> None:
    """The screen's rules are percentages of each row's shares outstanding: refuse a share cap.

    A cap in shares ("up to 3,501,585 shares") is a line of its own whose generosity against
    the percentage rules depends on each row's shares outstanding; the screen's rule table
    has one limit per interval and name. Such plans are assessed (``rightsplan.assess``,
    ``rightsplan check``, the history), never screened approximately.
    """
    capped = [(e.holder, e.share_cap, e.source) for e in terms.exceptions]
    capped.extend((e.name, e.share_cap, e.source) for e in terms.exemptions)
    for name, cap, source in capped:
        if cap is not None:
            raise ScreenInputError(
                f"plan of {terms.company}: {name} is capped at "
                f"{cap.describe() if isinstance(cap, UnknownShares) else f'{cap:,}'} shares "
                f"({source.cite()}); the screen engines take limits in percentages "
                "only: assess these holdings with rightsplan.assess or `rightsplan check`"
            )
