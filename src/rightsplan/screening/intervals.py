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
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any

import attrs
import numpy as np
import pendulum
import polars as pl

from rightsplan import _check
from rightsplan.errors import InputTypeError, ScreenInputError
from rightsplan.percent import Comparison, Threshold, format_percent
from rightsplan.plan import Plan, effective_terms
from rightsplan.rules import HOLDER_KINDS, PRECEDENCE, RULE_KINDS, binding_limit, holder_class
from rightsplan.screening import exact
from rightsplan.terms import (
    Exemption,
    Limit,
    LimitKind,
    NamedException,
    RightsToAcquire,
    Terms,
    UnknownLimit,
)
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


_EPOCH_ORDINAL = _EPOCH.toordinal()


def day_number(day: pendulum.Date | dt.date) -> int:
    """Days since 1970-01-01, as polars stores a ``Date``."""
    return day.toordinal() - _EPOCH_ORDINAL


@attrs.frozen
class Intervals:
    """The materialized histories of a set of plans, ready to be joined to positions.

    ``periods``: one row per interval (``period`` id, ``issuer``, ``issuer_idx``, ``start``
    and ``end`` days, both inclusive, as ``Date``; ``in_force``; ``rights_mode`` 0/1/2 for
    rights to acquire counted none/within 60 days/all; ``derivatives_counted``).
    :attr:`classes`: one row per holder class of each interval (``period``, ``name_id``,
    ``kind_code``, the index in :data:`rightsplan.rules.HOLDER_KINDS`, ``passive``) with its
    ``rule`` id, kept as one row per interval and name (``row_period``, ``row_name``, each
    period's generic row, ``name_id`` 0, first) with the rule of each of its classes
    (``row_rules``, in the order of :func:`rightsplan.rules.holder_class`). ``rules``: one
    row per distinct rule (``rule``, ``status`` as :data:`rightsplan.rules.RULE_KINDS`
    codes it, ``num``, ``den``, ``at_least``, ``limit``, ``comparison``, ``source`` and the
    exact-comparison constants). ``names``: the name keys the plans use, with their
    ``name_id`` (1, 2, ...).
    """

    issuers: tuple[str, ...]
    periods: pl.DataFrame
    row_period: np.ndarray = attrs.field(eq=False)
    row_name: np.ndarray = attrs.field(eq=False)
    row_rules: np.ndarray = attrs.field(eq=False)
    rules: pl.DataFrame
    names: pl.DataFrame
    warn_at: Fraction

    @property
    def classes(self) -> pl.DataFrame:
        """One row per holder class of each interval (laid out from the rows when asked)."""
        rows = self.row_period.size
        kinds = len(HOLDER_KINDS)
        return pl.DataFrame(
            {
                "period": np.repeat(self.row_period, _PER_NAME),
                "name_id": np.repeat(self.row_name, _PER_NAME),
                "kind_code": np.tile(np.repeat(np.arange(kinds, dtype=np.int8), 2), rows),
                "passive": np.tile(np.array([False, True]), rows * kinds),
                "rule": self.row_rules.ravel(),
            },
            schema={
                "period": pl.Int32,
                "name_id": pl.Int32,
                "kind_code": pl.Int8,
                "passive": pl.Boolean,
                "rule": pl.Int32,
            },
        )

    def class_layout(self) -> tuple[int, np.ndarray, np.ndarray, np.ndarray]:
        """The classes as the engine looks them up, in bulk from the rows.

        ``n_names`` (above every name id), the sorted keys ``period * n_names + name_id``
        of the named rows, where each period's keys begin among them, and the rule of
        every class: the periods' generic rows first, then the named rows in key order,
        each row's classes as :func:`rightsplan.rules.holder_class` numbers them.
        """
        n_periods = self.periods.height
        ids = self.names["name_id"].to_numpy()
        top = max(int(ids.max()) if ids.size else 0, int(self.row_name.max(initial=0)))
        n_names = top + 1
        generic = np.flatnonzero(self.row_name == 0)
        if not np.array_equal(self.row_period[generic], np.arange(n_periods)):
            raise AssertionError("every interval has one generic row, in order")
        named = np.flatnonzero(self.row_name)
        keys = self.row_period[named].astype(np.int64) * n_names + self.row_name[named]
        order = np.argsort(keys, kind="stable")
        pair_keys = keys[order]
        pair_start = np.searchsorted(
            pair_keys, np.arange(n_periods + 1, dtype=np.int64) * n_names
        ).astype(np.int64)
        rule_of_class = self.row_rules[np.concatenate((generic, named[order]))].ravel()
        return n_names, pair_keys, pair_start, rule_of_class.astype(np.int32, copy=False)

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


# --- the rulebook's answers per shape of terms ---------------------------------------------
#
# What a holder class's rule is depends on the terms' clauses, never on the instrument that
# made them: the rulebook reads thresholds, kinds, caps, flags and which names are the same
# name, and cites the source it picked. So the choice is made once per *shape* of terms (the
# clauses with their sources left out and their names numbered in order of first use), on
# the first terms of that shape met, and recorded as *roles* (the general rule, the passive
# tier, the j-th exception, the k-th Exempt Person); terms of the same shape, in any plan,
# take the rule of each role from their own clauses, with their own citations.
#
# Why the sources can be left out: rules.most_generous orders limits by threshold, then by
# PRECEDENCE of their kind, and only then by holder name and citation; binding_limit
# compares at most one limit of each role. Where the roles' kinds have distinct precedence
# (always, for a general rule, a passive tier and an exception) names and citations never
# decide, and the shape is shared. Otherwise (kinds a plan could only get by hand) the
# terms get a template of their own, not shared. Names enter only through matching keys
# (exception_for, exemption_for look names up by rightsplan._check.name_key), so numbering
# each distinct key keeps every answer: a holder's name matches a clause in one terms iff
# the same-numbered name matches the same-numbered clause in the other.

_PER_NAME = len(HOLDER_KINDS) * 2
"""Holder classes per (period, name): each kind, passive or not."""
if [holder_class(code, passive) for code in range(len(HOLDER_KINDS)) for passive in (0, 1)] != [
    *range(_PER_NAME)
]:
    raise AssertionError("a row's classes are laid out as rules.holder_class numbers them")


@attrs.frozen
class _Template:
    """A shape's holder classes: per name row (generic first), each class's rule as a role.

    ``roles`` are positions among the terms' clauses, in the order the general rule, the
    passive tier, each exception, each Exempt Person (:meth:`_Builder.shape`): the clauses the
    classes take their rules from. ``flat`` holds, row by row and class by class (each kind,
    not passive then passive), the index of the class's role in ``roles``.
    """

    roles: tuple[int, ...]
    flat: np.ndarray
    rows: int


_ONE_RULE = _Template((0,), np.zeros(_PER_NAME, dtype=np.int64), 1)
"""Every class of the generic row under one rule: inactive and judged intervals."""

_TEMPLATES: dict[tuple[object, ...], _Template] = {}
"""Templates by shape (see :meth:`_Builder.shape`)."""
_VALUES: dict[object, int] = {}
"""Each clause's value but for its names and source (see :func:`_clause_value`) with its
number of names, numbered: shapes hold the numbers, which hash fast. Emptied together with
:data:`_TEMPLATES`."""
_MOST_TEMPLATES = 1 << 16
"""Shapes kept, at most (both tables are emptied when full: a template is cheap to redo)."""


def _threshold_value(threshold: object) -> object:
    """A threshold as plain values (hashing its Fraction would cost more than the rest).

    (An enum member's ``_value_`` is its value, read without the ``value`` property's call.)
    """
    if isinstance(threshold, Threshold):
        percent = threshold.percent
        return (percent.numerator, percent.denominator, threshold.comparison._value_)
    return "unknown"  # such terms are judged, never templated


def _clause_value(clause: object) -> tuple[object, tuple[str | None, ...], bool]:
    """A clause's value without names or source, the names it matches, and a cap in shares.

    What :func:`~rightsplan.rules.binding_limit` and :meth:`~rightsplan.Terms.exemption_for`
    read of it: a limit's threshold, kind, cap in shares and holder; an exception's cap,
    passive condition, cap in shares, lapse and names; an Exempt Person's category, cap in
    shares, lapse and names.
    """
    if isinstance(clause, Limit):
        value: object = (
            "limit",
            _threshold_value(clause.threshold),
            clause.kind._value_,
            clause.share_cap,
        )
        return value, (clause.holder,), clause.share_cap is not None
    if isinstance(clause, NamedException):
        value = (
            "exception",
            _threshold_value(clause.cap),
            clause.requires_passive,
            clause.share_cap,
            clause.lapse is not None,
        )
        return value, clause.names(), clause.share_cap is not None
    if isinstance(clause, Exemption):
        category = None if clause.category is None else clause.category._value_
        value = ("exemption", category, clause.share_cap, clause.lapse is not None)
        return value, clause.names(), clause.share_cap is not None
    return "unknown", (), False  # an UnknownLimit: such terms are judged, never templated


def _shared(terms: Terms) -> bool:
    """Whether names and citations can never decide the binding limit (see above)."""
    kinds = [terms.known_general().kind, LimitKind.EXCEPTION]
    passive = terms.known_passive()
    if passive is not None:
        kinds.append(passive.kind)
    return len({PRECEDENCE[kind] for kind in kinds}) == len(kinds)


def _template(terms: Terms, spelled: tuple[str, ...]) -> _Template:
    """The rulebook's answer for every holder class of ``terms``, as roles.

    Asked of :func:`~rightsplan.rules.binding_limit` and
    :meth:`~rightsplan.Terms.exemption_for` themselves, for the generic holder and each
    name the terms use (``spelled``: one spelling of each, in order of first use).
    """
    general, passive = terms.known_general(), terms.passive
    exceptions = tuple(terms.exceptions)
    exception_at = {id(exception): 2 + at for at, exception in enumerate(exceptions)}
    first_exemption = 2 + len(exceptions)
    exemption_at = {
        id(exemption): first_exemption + at for at, exemption in enumerate(terms.exemptions)
    }
    roles: dict[int, int] = {}

    def role_of(position: int) -> int:
        return roles.setdefault(position, len(roles))

    def limit_role(name: str, holder_passive: bool) -> int:
        winner = binding_limit(terms, name, passive=holder_passive)[1]
        if winner is general:
            return role_of(0)
        if winner is passive:
            return role_of(1)
        exception = terms.exception_for(name)
        if exception is None or winner != exception.limit():
            raise AssertionError(f"binding_limit chose a rule of no clause: {winner!r}")
        return role_of(exception_at[id(exception)])

    flat: list[int] = []
    for name in (_NO_NAME, *spelled):
        limits = (limit_role(name, False), limit_role(name, True))
        for kind in HOLDER_KINDS:
            exemption = terms.exemption_for(name, kind)
            if exemption is None:
                flat.extend(limits)
            else:
                exempt = role_of(exemption_at[id(exemption)])
                flat.extend((exempt, exempt))
    return _Template(tuple(roles), np.array(flat, dtype=np.int64), len(spelled) + 1)


def _limit_columns(
    percent: Fraction, comparison: Comparison, warn_at: Fraction
) -> tuple[str, str, int, int, bool, int, int, int]:
    """A limit's rule-table entries: text, comparison, num, den, at_least and constants."""
    constants = exact.constants(percent, comparison, warn_at)
    return (
        format_percent(percent),
        comparison.value,
        percent.numerator,
        percent.denominator,
        comparison is Comparison.AT_LEAST,
        constants.unit,
        constants.warn_num,
        constants.warn_unit,
    )


_RULE_COLUMNS = (
    "limit",
    "comparison",
    "num",
    "den",
    "at_least",
    "unit",
    "warn_num",
    "warn_unit",
)
_NO_LIMIT = (None,) * len(_RULE_COLUMNS)

_Clause = tuple[object, tuple[str, ...], tuple[str, ...], bool, Any]
"""What the shapes read of a clause, or of a sequence of clauses: its value number (a tuple
of them for a sequence), its names' matching keys and their spellings, whether a cap in
shares is among them, and a clause's threshold as :func:`_threshold_value` gives it
(``None`` if it has none), a sequence's clauses."""
_NO_CLAUSE: _Clause = (-1, (), (), False, None)
"""A missing passive tier."""


class _Builder:
    """The intervals of a set of plans, gathered period by period, laid out as columns once.

    The work is done once per distinct *block*: a terms object (of any period, of any plan)
    in one state (in force, not, or unknown), giving its rules per holder class; a period is
    its days and its block. Within a plan, successive terms share most clause objects and
    their sequences of exceptions and Exempt Persons (a replay changes one at a time), so
    what a shape reads of them is read once per clause and once per sequence (by identity).
    """

    def __init__(self, warn_at: Fraction) -> None:
        self.warn_at = warn_at
        self.rule_ids: dict[tuple[object, ...], int] = {}
        self.rule_status: list[int] = []
        self.rule_source: list[str | None] = []
        self.rule_limit: list[tuple[object, ...]] = []
        self.name_ids: dict[str, int] = {}
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.in_force: list[bool | None] = []
        self.period_block: list[int] = []
        # The blocks: by (terms id, state) with the terms held; per block its columns, its
        # template, the rule ids of its roles (from block_roles on in role_rules) and its
        # rows' name ids (from block_names on in row_names, generic first).
        self.blocks: dict[tuple[int, bool | None], int] = {}
        self.block_rights: list[int] = []
        self.block_derivatives: list[bool] = []
        self.block_template: list[int] = []
        self.block_roles: list[int] = []
        self.block_names: list[int] = []
        self.templates: list[_Template] = []
        self.template_index: dict[int, int] = {}
        self.role_rules: list[int] = []
        self.row_names: list[int] = []
        # By clause or sequence of clauses: what a shape reads, and a clause's rule.
        self.clause_shapes: dict[int, _Clause] = {}
        self.group_shapes: dict[int, _Clause] = {}
        self.clause_rules: dict[int, int] = {}
        self.held: list[object] = []
        """Every object whose id is a key above, held so that the id stays its own. (The
        entries hold plain values only, which the cyclic garbage collector stops tracking:
        entries holding the objects would add hundreds of thousands of objects for it to
        walk, enough to set off full collections over every plan's objects.)"""
        self.limit_columns: dict[object, tuple[object, ...]] = {}

    def rule(self, status: int, source: str | None) -> int:
        """The id of a rule without a limit, one per distinct (status, source)."""
        return self._rule((status, source), _NO_LIMIT)

    def limit_rule(self, source: str, limit: Limit, value: object) -> int:
        """The id of a limit's rule, one per distinct (source, percent, comparison).

        ``value`` is the threshold as :func:`_threshold_value` gives it: the percent as two
        integers and the comparison's value (hashing a Fraction costs a modular inverse,
        hashing an enum member a Python call).
        """
        columns = self.limit_columns.get(value)
        if columns is None:
            columns = self.limit_columns[value] = _limit_columns(
                limit.percent, limit.comparison, self.warn_at
            )
        return self._rule((_LIMIT, source, value), columns)

    def _rule(self, key: tuple[object, ...], columns: tuple[object, ...]) -> int:
        found = self.rule_ids.get(key)
        if found is None:
            found = self.rule_ids[key] = len(self.rule_status)
            self.rule_status.append(key[0])  # type: ignore[arg-type]
            self.rule_source.append(key[1])  # type: ignore[arg-type]
            self.rule_limit.append(columns)
        return found

    def period(self, start: int, end: int, terms: Terms | None, in_force: bool | None) -> None:
        """One interval: ``terms`` in force (or not, or unknown) from ``start`` to ``end``."""
        self.starts.append(start)
        self.ends.append(end)
        self.in_force.append(in_force)
        key = (id(terms), in_force)
        found = self.blocks.get(key)
        if found is None:
            found = self.blocks[key] = self._block(terms, in_force)
            self.held.append(terms)
        self.period_block.append(found)

    def _block(self, terms: Terms | None, in_force: bool | None) -> int:
        """A new block: the columns and holder classes of ``terms`` in state ``in_force``."""
        if terms is None:
            rights, derivatives = 0, False
        else:
            ownership = terms.ownership
            rights = _RIGHTS_MODE_OF[id(ownership.rights_to_acquire)]
            derivatives = ownership.derivatives_counted
        if terms is None or in_force is False:
            return self._add(rights, derivatives, _ONE_RULE, [self.rule(_INACTIVE, None)], ())
        key, keys, spelled, capped, clauses = self.shape(terms)
        if capped:
            _refuse_share_caps(terms)
        if in_force is None or terms.unknown_limits():
            # An unknown decides some answers: the rulebook judges each row (and cites).
            rule = self.rule(_JUDGED, _unknown_source(terms))
            return self._add(rights, derivatives, _ONE_RULE, [rule], ())
        template = _TEMPLATES.get(key)
        if template is None:
            template = _template(terms, spelled)
            if _shared(terms):
                _TEMPLATES[key] = template
        known = self.clause_rules
        rules = []
        for at in template.roles:
            clause = clauses[at]
            rule = known.get(id(clause), -1)
            rules.append(rule if rule >= 0 else self._clause_rule(clause))
        return self._add(rights, derivatives, template, rules, keys)

    def _add(
        self,
        rights: int,
        derivatives: bool,
        template: _Template,
        rules: list[int],
        keys: tuple[str, ...],
    ) -> int:
        """A block's number, its columns, template, its roles' rules and its names' keys kept."""
        self.block_rights.append(rights)
        self.block_derivatives.append(derivatives)
        at = self.template_index.get(id(template))
        if at is None:
            at = self.template_index[id(template)] = len(self.templates)
            self.templates.append(template)  # held: the id stays the template's
        self.block_template.append(at)
        self.block_roles.append(len(self.role_rules))
        self.role_rules.extend(rules)
        row_names = self.row_names
        self.block_names.append(len(row_names))
        row_names.append(0)
        name_ids = self.name_ids
        for name_key in keys:  # each name's id: 1, 2, ... in order of first use
            name_id = name_ids.get(name_key)
            if name_id is None:
                name_id = name_ids[name_key] = len(name_ids) + 1
            row_names.append(name_id)
        return len(self.block_rights) - 1

    def shape(
        self, terms: Terms
    ) -> tuple[tuple[object, ...], tuple[str, ...], tuple[str, ...], bool, tuple[object, ...]]:
        """The shape of ``terms``, their names' keys and spellings, any cap in shares, clauses.

        The names are given in order of first use, one spelling of each distinct key; the
        clauses: the general rule, the passive tier, each exception, each Exempt Person (a
        template's roles point into them).
        The shape holds everything :func:`~rightsplan.rules.binding_limit` and
        :meth:`~rightsplan.Terms.exemption_for` read of the terms but the sources (see
        :func:`_clause_value`): the general rule, the passive tier, the exceptions and the
        Exempt Persons, each clause as its value's number (with its count of names), and
        which of the names are the same name (by matching key,
        :func:`rightsplan._check.name_key`): ``None`` when all differ, else each name's
        number among the distinct ones.
        """
        shapes, groups = self.clause_shapes, self.group_shapes
        general = shapes.get(id(terms.general)) or self._clause(terms.general)
        passive = terms.passive
        tier = _NO_CLAUSE if passive is None else shapes.get(id(passive)) or self._clause(passive)
        exceptions = groups.get(id(terms.exceptions)) or self._group(terms.exceptions)
        exemptions = groups.get(id(terms.exemptions)) or self._group(terms.exemptions)
        keys = general[1] + tier[1] + exceptions[1] + exemptions[1]
        spelled = general[2] + tier[2] + exceptions[2] + exemptions[2]
        capped = general[3] or tier[3] or exceptions[3] or exemptions[3]
        pattern: tuple[int, ...] | None = None
        if len(keys) > 1 and len(set(keys)) != len(keys):
            number: dict[str, int] = {}
            first: list[str] = []
            for name_key, name in zip(keys, spelled, strict=True):
                if name_key not in number:
                    number[name_key] = len(number)
                    first.append(name)
            pattern = tuple(number[name_key] for name_key in keys)
            keys, spelled = tuple(number), tuple(first)
        shape = (general[0], tier[0], exceptions[0], exemptions[0], pattern)
        clauses = (terms.general, passive, *exceptions[4], *exemptions[4])
        return shape, keys, spelled, capped, clauses

    def _clause(self, clause: object) -> _Clause:
        """What a shape reads of one clause (once per clause object)."""
        found = self.clause_shapes.get(id(clause))
        if found is None:
            value, names, capped = _clause_value(clause)
            spelled = tuple(name for name in names if name is not None)
            keys = tuple(map(_check.name_key, spelled))
            number = _VALUES.get((value, len(keys)))
            if number is None:
                number = _VALUES[value, len(keys)] = len(_VALUES)
            threshold = value[1] if isinstance(value, tuple) else None
            found = self.clause_shapes[id(clause)] = (number, keys, spelled, capped, threshold)
            self.held.append(clause)
        return found

    def _group(self, clauses: Iterable[object]) -> _Clause:
        """What a shape reads of a sequence of clauses (once per sequence object)."""
        found = self.group_shapes.get(id(clauses))
        if found is None:
            items = tuple(clauses)
            each = [self._clause(clause) for clause in items]
            found = (
                tuple(one[0] for one in each),
                tuple(key for one in each for key in one[1]),
                tuple(name for one in each for name in one[2]),
                any(one[3] for one in each),
                items,
            )
            self.group_shapes[id(clauses)] = found
            self.held.append(clauses)
        return found

    def _clause_rule(self, clause: object) -> int:
        """The rule id of a clause: its rule, cited (once per clause)."""
        found = self.clause_rules.get(id(clause))
        if found is not None:
            return found
        if isinstance(clause, Exemption):
            rule = self.rule(_EXEMPT, clause.source.cite())
        else:
            limit = clause.limit() if isinstance(clause, NamedException) else clause
            assert isinstance(limit, Limit)
            # The clause's threshold as _threshold_value gave it (a limit's, or the cap of
            # the exception whose limit this is).
            threshold = self.clause_shapes[id(clause)][4]
            rule = self.limit_rule(limit.source.cite(), limit, threshold)
        self.clause_rules[id(clause)] = rule
        self.held.append(clause)
        return rule

    def columns(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Each period's block, ``rights_mode`` and ``derivatives_counted``."""
        block = np.array(self.period_block, dtype=np.int64)
        rights = np.array(self.block_rights, dtype=np.int8)[block] if block.size else block
        derivatives = np.array(self.block_derivatives, dtype=bool)[block]
        return block, rights.astype(np.int8), derivatives

    def rows(self, block: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Each period's rows (its generic row first): period, name id and class rules.

        Laid out in bulk: each period's rows are its block's, each row's classes its
        template's, each class's rule the block's rule of the class's role.
        """
        if not block.size:
            empty = np.zeros(0, dtype=np.int32)
            return empty, empty, np.zeros((0, _PER_NAME), dtype=np.int32)
        template_rows = np.array([template.rows for template in self.templates], dtype=np.int64)
        flats = np.concatenate([template.flat for template in self.templates])
        flat_start = np.concatenate(([0], np.cumsum(template_rows * _PER_NAME)[:-1]))
        template = np.array(self.block_template, dtype=np.int64)[block]
        rows = template_rows[template]  # per period
        # Each period's name rows: its block's, from block_names on.
        names_at = _ranges(np.array(self.block_names, dtype=np.int64)[block], rows)
        row_name = np.array(self.row_names, dtype=np.int32)[names_at]
        # Each period's classes: its template's flat roles, offset into its block's rules.
        per_period = rows * _PER_NAME
        role = flats[_ranges(flat_start[template], per_period)]
        role += np.repeat(np.array(self.block_roles, dtype=np.int64)[block], per_period)
        row_rules = np.array(self.role_rules, dtype=np.int32)[role].reshape(-1, _PER_NAME)
        row_period = np.repeat(np.arange(block.size, dtype=np.int32), rows)
        return row_period, row_name, row_rules

    def rules(self) -> dict[str, list[object]]:
        """The rule table's columns."""
        columns: dict[str, list[object]] = {
            "rule": list(range(len(self.rule_status))),
            "status": list(self.rule_status),
            "source": list(self.rule_source),
        }
        limits = list(zip(*self.rule_limit, strict=True)) if self.rule_limit else []
        for at, column in enumerate(_RULE_COLUMNS):
            columns[column] = list(limits[at]) if limits else []
        return columns


def _ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """``starts[i], starts[i] + 1, ..., starts[i] + lengths[i] - 1`` for each ``i``, in order."""
    total = int(lengths.sum())
    ends = np.cumsum(lengths)
    # Each position's offset from the start of its range, added to that range's start.
    found: np.ndarray = np.arange(total, dtype=np.int64)
    found += np.repeat(starts - (ends - lengths), lengths)
    return found


_RIGHTS_MODE = {RightsToAcquire.NONE: 0, RightsToAcquire.WITHIN_60_DAYS: 1, RightsToAcquire.ALL: 2}
_RIGHTS_MODE_OF = {id(member): mode for member, mode in _RIGHTS_MODE.items()}
"""The same by the member's id: an enum member is one object (unpickled too), and hashing
it is a Python call."""


def _split(plan: Plan) -> list[tuple[int, int, Terms, bool | None]]:
    """The plan's timeline as (start, end, terms, in force) with end days inclusive.

    Each of the plan's terms from the day it took effect
    (:func:`rightsplan.plan.effective_terms`, the periods of :meth:`Plan.timeline` before
    their expiry splits) split where an ending or an expiration (or an unknown expiry's
    bounds) falls inside it, so that ``in_force`` holds for every day of each piece (it is
    decided by :meth:`Terms.in_force_or_unknown`, as
    :func:`rightsplan.rules.in_force_or_unknown` decides it: ``None`` where an unknown
    expiry decides). These cuts include every one the timeline makes.
    """
    pieces: list[tuple[int, int, Terms, bool | None]] = []
    states = effective_terms(plan)
    days = [first_day.toordinal() - _EPOCH_ORDINAL for first_day, _ in states]  # day_number
    days.append(LAST_DAY + 1)
    for index, (first_day, terms) in enumerate(states):
        start, end = days[index], days[index + 1] - 1
        cuts = [start]
        if terms.ended is not None:
            cuts.append(day_number(terms.ended.on))
        expiration = terms.expiration
        if expiration is not None:
            date = expiration.date
            if isinstance(date, UnknownDate):
                # The unknown window: from the day after the earliest date the bounds allow
                # to the latest (in_force_or_unknown is None there), then expired.
                for bound in (date.on_or_after, date.on_or_before):
                    if bound is not None:
                        cuts.append(day_number(bound) + 1)
            else:
                cuts.append(day_number(date) + 1)
        if len(cuts) == 1:  # no ending nor expiry: one piece, in force or not on its first day
            pieces.append((start, end, terms, terms.in_force_or_unknown(first_day)))
            continue
        bounds = sorted({cut for cut in cuts if start <= cut <= end})
        for at, first in enumerate(bounds):
            until = bounds[at + 1] - 1 if at + 1 < len(bounds) else end
            on = first_day if first == start else pendulum.Date.fromordinal(first + _EPOCH_ORDINAL)
            pieces.append((first, until, terms, terms.in_force_or_unknown(on)))
    return pieces


def materialize(plans: Mapping[str, Plan], *, warn_at: Fraction) -> Intervals:
    """Materialize the term histories of ``plans`` (issuer id -> plan) as :class:`Intervals`.

    The plans' timelines are read once; the binding rule of every holder class of every
    interval is chosen with :func:`rightsplan.rules.binding_limit` and
    :meth:`rightsplan.Terms.exemption_for`, the functions :func:`rightsplan.assess` uses,
    once per shape of terms (the same clauses but for their sources and the names' spelling,
    in any plan): each interval then takes its rules, with its own citations, from its own
    clauses.
    """
    if len(_TEMPLATES) >= _MOST_TEMPLATES or len(_VALUES) >= _MOST_TEMPLATES:
        # Both at once: a shape holds value numbers, which must keep their meaning.
        _TEMPLATES.clear()
        _VALUES.clear()
    builder = _Builder(warn_at)
    issuers = tuple(plans)
    counts: list[int] = []
    for issuer in issuers:
        plan = plans[issuer]
        if not isinstance(plan, Plan):
            raise InputTypeError(f"plans[{issuer!r}]: expected a Plan, got {plan!r}")
        before = len(builder.starts)
        builder.period(FIRST_DAY, day_number(plan.agreement.dated) - 1, None, False)
        for start, end, terms, in_force in _split(plan):
            builder.period(start, end, terms, in_force)
        counts.append(len(builder.starts) - before)
    block, rights_mode, derivatives_counted = builder.columns()
    issuer_idx = np.repeat(np.arange(len(issuers), dtype=np.int32), counts)
    periods = pl.DataFrame(
        {
            "period": np.arange(len(builder.starts), dtype=np.int32),
            "issuer": pl.Series(issuers, dtype=pl.String).gather(issuer_idx),
            "issuer_idx": issuer_idx,
            "start": pl.Series(builder.starts, dtype=pl.Int32).cast(pl.Date),
            "end": pl.Series(builder.ends, dtype=pl.Int32).cast(pl.Date),
            "in_force": pl.Series(builder.in_force, dtype=pl.Boolean),
            "rights_mode": pl.Series(rights_mode, dtype=pl.Int8),
            "derivatives_counted": pl.Series(derivatives_counted, dtype=pl.Boolean),
        }
    )
    row_period, row_name, row_rules = builder.rows(block)
    rules = pl.DataFrame(
        builder.rules(),
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
    return Intervals(issuers, periods, row_period, row_name, row_rules, rules, names, warn_at)


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
