"""Tests for rightsplan.screening.intervals: each class's rule is the rulebook's own answer."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pendulum
import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

import rightsplan as rp
from rightsplan import _check, testing
from rightsplan.percent import format_percent
from rightsplan.rules import HOLDER_KINDS, RULE_KINDS, binding_limit, in_force_or_unknown
from rightsplan.screening import intervals
from rightsplan.screening.intervals import FIRST_DAY, LAST_DAY, materialize

WARN = Fraction(9, 10)
_STATUS = {code: name for name, code in RULE_KINDS.items()}


def _day(number: int) -> pendulum.Date:
    return pendulum.Date.fromordinal(dt.date(1970, 1, 1).toordinal() + number)


def _naive(
    plan: rp.Plan, day: pendulum.Date, name: str, kind: int, passive: bool
) -> tuple[str, str | None, str | None, str | None]:
    """The rule of one holder class on ``day``, asked of the rulebook directly (no memo)."""
    terms, why_not, unknown = in_force_or_unknown(plan, day)
    if terms is None or why_not is not None:
        return ("inactive", None, None, None)
    if unknown is not None or terms.unknown_limits():
        return ("judged", intervals._unknown_source(terms), None, None)
    exemption = terms.exemption_for(name, HOLDER_KINDS[kind])
    if exemption is not None:
        return ("exempt", exemption.source.cite(), None, None)
    limit = binding_limit(terms, name, passive=passive)[1]
    return ("limit", limit.source.cite(), format_percent(limit.percent), limit.comparison.value)


def _names_used(plan: rp.Plan, day: pendulum.Date) -> set[str]:
    """The matching keys of every name the terms on ``day`` use (exceptions, Exempt Persons)."""
    if day < plan.agreement.dated:
        return set()
    terms = plan.terms_at(day)
    names = [n for e in terms.exceptions for n in e.names()]
    names += [n for e in terms.exemptions for n in e.names()]
    return {_check.name_key(n) for n in names}


def check_against_rulebook(plans: dict[str, rp.Plan]) -> None:
    """Every class row of the materialized table equals the rulebook's answer, on both ends."""
    days_as_numbers = (pl.col("start").cast(pl.Int32), pl.col("end").cast(pl.Int32))
    table = materialize(plans, warn_at=WARN).table().with_columns(*days_as_numbers)
    names = {0: "\x00"}
    found = materialize(plans, warn_at=WARN).names
    names.update(zip(found["name_id"].to_list(), found["name_key"].to_list(), strict=True))
    rows_by_period: dict[int, set[int]] = {}
    for row in table.iter_rows(named=True):
        plan = plans[row["issuer"]]
        start, end = row["start"], row["end"]
        days = {plan.agreement.dated.subtract(days=1) if start == FIRST_DAY else _day(start)}
        if end != LAST_DAY:
            days.add(_day(end))
        got = (
            _STATUS[row["status"]],
            row["source"],
            row["limit"],
            row["comparison"],
        )
        for day in days:
            want = _naive(plan, day, names[row["name_id"]], row["kind_code"], row["passive"])
            if want[0] == "judged":
                assert got[:2] == want[:2]
            else:
                assert got == want, (row, day)
        rows_by_period.setdefault(row["period"], set()).add(row["name_id"])
    periods = materialize(plans, warn_at=WARN).periods.with_columns(*days_as_numbers)
    for period in periods.iter_rows(named=True):
        ids = rows_by_period[period["period"]]
        assert 0 in ids
        plan = plans[period["issuer"]]
        if period["in_force"] and period["start"] != FIRST_DAY:
            day = _day(period["start"])
            if not plan.terms_at(day).unknown_limits():
                assert {names[i] for i in ids - {0}} == _names_used(plan, day)


@st.composite
def plan_sets(draw: st.DrawFn) -> dict[str, rp.Plan]:
    plans: dict[str, rp.Plan] = {}
    for index in range(draw(st.integers(1, 4))):
        if draw(st.booleans()):
            plans[f"P{index}"] = draw(testing.plans(max_amendments=4, share_caps=False))
        else:
            plans[f"P{index}"] = draw(testing.plans_with_unknowns(share_caps=False))[0]
    return plans


class TestMaterialize:
    @settings(max_examples=60, deadline=None)
    @given(plan_sets())
    def test_every_class_is_the_rulebooks_answer(self, plans: dict[str, rp.Plan]) -> None:
        """Each class's rule (status, citation, limit) is what the rulebook answers on its days.

        The tables come from templates shared across plans and periods (by shape); the
        oracle asks binding_limit and exemption_for afresh for every class, unknowns,
        exceptions, Exempt Persons and expiry included.
        """
        intervals._TEMPLATES.clear()
        intervals._VALUES.clear()
        check_against_rulebook(plans)
        check_against_rulebook(plans)  # again, every shape now remembered

    def test_same_shape_other_names_and_dates(self) -> None:
        """Plans of one shape (other names, dates) share templates, each with its own citations."""

        def plan(company: str, dated: str, holder: str, general: str) -> rp.Plan:
            agreement = rp.RightsAgreement(
                company=company,
                dated=dated,
                provisions=(
                    rp.SetThreshold(percent=general, comparison=rp.Comparison.AT_LEAST),
                    *rp.standard_exempt_persons(),
                ),
            )
            day = pendulum.parse(dated).date()  # type: ignore[union-attr]
            return rp.Plan(
                agreement,
                (
                    rp.Amendment(
                        number=1,
                        executed=day.add(days=40),
                        changes=(
                            rp.SetPassiveTier(percent="20", comparison=rp.Comparison.AT_LEAST),
                        ),
                    ),
                    rp.Amendment(
                        number=2,
                        executed=day.add(days=90),
                        changes=(
                            rp.AddException(
                                holder=holder,
                                members=(f"{holder} GP",),
                                percent="25",
                                comparison=rp.Comparison.MORE_THAN,
                                requires_passive=True,
                            ),
                        ),
                    ),
                ),
            )

        plans = {
            "A": plan("A Corp", "2001-02-05", "Fund One", "15"),
            "B": plan("B Corp", "2004-06-07", "Other Fund", "15"),
            "C": plan("C Corp", "2002-03-04", "fund  ONE", "10"),
        }
        intervals._TEMPLATES.clear()
        intervals._VALUES.clear()
        materialize({"A": plans["A"]}, warn_at=WARN)
        shapes = len(intervals._TEMPLATES)
        materialize({"B": plans["B"]}, warn_at=WARN)
        assert len(intervals._TEMPLATES) == shapes  # B's shapes are A's
        check_against_rulebook(plans)
        table = materialize(plans, warn_at=WARN).table()
        sources = set(table.filter(pl.col("issuer") == "B")["source"].drop_nulls())
        assert sources and all("2004" in source for source in sources)

    @given(st.sampled_from(["Fund One", "FUND  one", "Fund Two"]), st.booleans(), st.booleans())
    @settings(max_examples=30, deadline=None)
    def test_shapes_tell_names_and_conditions_apart(
        self, exempt_name: str, requires_passive: bool, passive_tier: bool
    ) -> None:
        """Terms differing only in shared names, passive conditions or tiers get their own shape."""

        def plan(company: str, exempt: str, requires: bool, tier: bool) -> rp.Plan:
            changes: list[rp.Change] = [
                rp.AddException(
                    holder="Fund One",
                    percent="25",
                    comparison=rp.Comparison.MORE_THAN,
                    requires_passive=requires,
                ),
                rp.AddExemptPerson(name=exempt),
            ]
            if tier:
                changes.append(rp.SetPassiveTier(percent="30", comparison=rp.Comparison.AT_LEAST))
            agreement = rp.RightsAgreement(
                company=company,
                dated="2001-02-05",
                provisions=(rp.SetThreshold(percent="15", comparison=rp.Comparison.AT_LEAST),),
            )
            return rp.Plan(
                agreement, (rp.Amendment(number=1, executed="2001-05-07", changes=changes),)
            )

        first = plan("A Corp", "Fund Two", True, False)
        second = plan("B Corp", exempt_name, requires_passive, passive_tier)
        intervals._TEMPLATES.clear()
        intervals._VALUES.clear()
        materialize({"A": first}, warn_at=WARN)
        check_against_rulebook({"B": second})


def _rows_by_issuer(found: intervals.Intervals) -> dict[str, list[tuple[object, ...]]]:
    """Each issuer's class rows as plain values: its periods counted from 0, names by key.

    What a row means, without the ids a set of plans numbers together (period, name and
    rule ids).
    """
    keys = {0: None, **dict(zip(found.names["name_id"], found.names["name_key"], strict=True))}
    table = found.table().with_columns(
        (pl.col("period") - pl.col("period").min().over("issuer")).alias("period"),
        pl.col("start").cast(pl.Int32),
        pl.col("end").cast(pl.Int32),
    )
    rows: dict[str, list[tuple[object, ...]]] = {}
    columns = [c for c in table.columns if c not in {"issuer", "issuer_idx", "rule", "name_id"}]
    for row in table.iter_rows(named=True):
        values = (keys[row["name_id"]], *(row[c] for c in columns))
        rows.setdefault(row["issuer"], []).append(values)
    return {issuer: sorted(each, key=repr) for issuer, each in rows.items()}


def _one_shape(company: str, dated: dt.date, holder: str, general: str) -> rp.Plan:
    """A plan of the benchmark's shape: thresholds, a passive tier, a named exception."""
    agreement = rp.RightsAgreement(
        company=company,
        dated=dated,
        provisions=(
            rp.SetThreshold(percent=general, comparison=rp.Comparison.AT_LEAST),
            *rp.standard_exempt_persons(),
        ),
    )
    changes: list[rp.Change] = [
        rp.SetPassiveTier(percent="40", comparison=rp.Comparison.AT_LEAST),
        rp.AddException(
            holder=holder, percent="45", comparison=rp.Comparison.MORE_THAN, requires_passive=True
        ),
    ]
    amendments = [
        rp.Amendment(number=n, executed=dated + dt.timedelta(days=90 * n), changes=(change,))
        for n, change in enumerate(changes, start=1)
    ]
    return rp.Plan(agreement, amendments)


class TestPreparedTogether:
    @settings(max_examples=40, deadline=None)
    @given(plan_sets(), st.booleans(), st.booleans())
    def test_a_set_is_each_plan_alone(
        self, plans: dict[str, rp.Plan], again: bool, shared: bool
    ) -> None:
        """Preparing plans together gives each issuer the rows it gets prepared alone.

        Together, the work is shared (shapes, blocks per terms object, clauses read once);
        alone, nothing is. Also with one plan object under two issuer ids, and with every
        shape already remembered.
        """
        if shared:
            plans = {**plans, "again": next(iter(plans.values()))}
        intervals._TEMPLATES.clear()
        intervals._VALUES.clear()
        if again:
            materialize(plans, warn_at=WARN)
        together = _rows_by_issuer(materialize(plans, warn_at=WARN))
        for issuer, plan in plans.items():
            alone = _rows_by_issuer(materialize({issuer: plan}, warn_at=WARN))
            assert together[issuer] == alone[issuer]

    @settings(max_examples=30, deadline=None)
    @given(
        st.lists(
            st.tuples(
                st.dates(dt.date(1995, 1, 1), dt.date(2030, 1, 1)),
                st.sampled_from(["Fund One", "fund  ONE", "Other Fund", "Third LP"]),
                st.sampled_from(["10", "15", "20"]),
            ),
            min_size=2,
            max_size=5,
        )
    )
    def test_equal_shapes_keep_their_own_dates_and_names(
        self, drawn: list[tuple[dt.date, str, str]]
    ) -> None:
        """Plans of one shape get their own dates, companies, holders and citations.

        Every class is the rulebook's answer (each plan's own citations), each issuer's rows
        are its own alone, and its periods start on its own amendments' days.
        """
        plans = {
            f"P{index}": _one_shape(f"Company {index}", dated, holder, general)
            for index, (dated, holder, general) in enumerate(drawn)
        }
        check_against_rulebook(plans)
        found = materialize(plans, warn_at=WARN)
        together = _rows_by_issuer(found)
        for issuer, plan in plans.items():
            assert (
                together[issuer]
                == _rows_by_issuer(materialize({issuer: plan}, warn_at=WARN))[issuer]
            )
            starts = found.periods.filter(pl.col("issuer") == issuer)["start"].cast(pl.Int32)
            own = [_day(day) for day in starts.to_list()[1:]]
            assert own == [plan.agreement.dated + dt.timedelta(days=90 * n) for n in (0, 1, 2)]
            holder = _check.name_key(plan.terms_at(own[-1]).exceptions[0].holder)
            assert holder in {row[0] for row in together[issuer]}
