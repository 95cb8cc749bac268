from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pendulum
import polars as pl
import pytest
from hypothesis import strategies as st

import rightsplan as rp
from rightsplan import amendments, testing
from rightsplan.rules import HOLDER_KINDS, STATUSES
from rightsplan.screening import screen, screen_parquet
from rightsplan.screening.sql import screen_duckdb
from rightsplan.standing import STANDING_KINDS, standing_from_fields
from rightsplan.terms import LimitKind
from rightsplan.unknowns import UnknownDate, UnknownPercent
from tests.test_screen import engine, expected, frame, verdicts

__all__ = ["engine"]  # the fixture, used by name

OUTSTANDING = 10_000_000
ADOPTED = "2026-01-05"
AMENDED = "2026-03-02"


def nol_plan() -> rp.Plan:
    """A 4.99% plan, amended to grandfather with a tolerance of "0.5% or more"."""
    agreement = rp.RightsAgreement(
        company="NOL Corp",
        dated=ADOPTED,
        provisions=(rp.SetThreshold(percent="4.99", comparison=rp.Comparison.AT_LEAST),),
    )
    amendment = rp.Amendment(
        number=1,
        executed=AMENDED,
        changes=(
            rp.SetGrandfathering(
                tolerance_percent="0.5", tolerance_comparison=rp.Comparison.AT_LEAST
            ),
        ),
    )
    return rp.Plan(agreement, (amendment,))


STANDING_FIELDS = {
    "standing": pl.String,
    "standing_since": pl.String,
    "standing_shares": pl.Int64,
    "standing_until": pl.String,
    "standing_cap_percent": pl.String,
    "standing_cap_comparison": pl.String,
}


def with_standings(positions: pl.DataFrame, fields: list[dict[str, Any]]) -> pl.DataFrame:
    """``positions`` with standing columns, one dict of fields per row (missing: null)."""
    columns = {
        column: pl.Series(column, [row.get(column) for row in fields], dtype=dtype)
        for column, dtype in STANDING_FIELDS.items()
    }
    return positions.with_columns(**columns)


def standing_of(fields: dict[str, Any]) -> rp.Standing:
    """The standing rp.assess is given for a row's standing fields."""
    return standing_from_fields(
        fields.get("standing") or "none",
        since=fields.get("standing_since"),
        shares=fields.get("standing_shares"),
        until=fields.get("standing_until"),
        cap_percent=fields.get("standing_cap_percent"),
        cap_comparison=fields.get("standing_cap_comparison"),
    )


@pytest.mark.usefixtures("engine")
class TestGrandfathered:
    def test_the_holders_own_line(self) -> None:
        """A grandfathered holder's row is excused at its own line, as rp.assess says."""
        plan = nol_plan()
        day = dt.date(2026, 4, 1)
        rows = [
            ("NOL", rp.Position("Fund", shares, OUTSTANDING), day) for shares in (610_000, 640_000)
        ]
        fields = {
            "standing": "grandfathered",
            "standing_since": AMENDED,
            "standing_shares": 610_000,
        }
        result = screen({"NOL": plan}, with_standings(frame(rows), [fields, fields]))
        got = verdicts(result)
        assert [row["status"] for row in got] == ["excused", "excused"]
        assert [(row["limit"], row["comparison"]) for row in got] == [("6.6", "at-least")] * 2
        assert [row["max_shares"] for row in got] == [659_999, 659_999]
        assert [row["headroom"] for row in got] == [49_999, 19_999]
        assert result["standing"].cast(pl.String).to_list() == ["grandfathered"] * 2
        standing = rp.Grandfathered(AMENDED, 610_000)
        want = [expected(rp.assess(plan, p, on=d, standing=standing)) for _, p, d in rows]
        assert got == want
        assert got[0]["source"] == "Amendment No. 1 (2026-03-02)"

    def test_without_standing_columns_nothing_changes(self) -> None:
        """No standing columns: no standing column out, and the general limit binds."""
        plan = nol_plan()
        rows = [("NOL", rp.Position("Fund", 610_000, OUTSTANDING), dt.date(2026, 4, 1))]
        result = screen({"NOL": plan}, frame(rows))
        assert "standing" not in result.columns
        assert verdicts(result)[0]["status"] == "triggered"
        assert verdicts(result)[0]["limit"] == "4.99"

    def test_parquet_streaming_carries_standings(self, tmp_path: Path) -> None:
        """screen_parquet gives screen's verdicts for rows with a standing, batch by batch."""
        plan = nol_plan()
        rows = [
            ("NOL", rp.Position("Fund", shares, OUTSTANDING), dt.date(2026, 4, 1))
            for shares in (610_000, 640_000, 660_000, 100)
        ]
        fields = [
            {"standing": "grandfathered", "standing_since": AMENDED, "standing_shares": 610_000}
        ] * 3 + [{}]
        positions = with_standings(frame(rows), fields)
        source = tmp_path / "in.parquet"
        positions.write_parquet(source)
        out = tmp_path / "out.parquet"
        counts = screen_parquet({"NOL": plan}, source, out, batch_rows=3)
        written = pl.read_parquet(out)
        assert verdicts(written) == verdicts(screen({"NOL": plan}, positions))
        assert counts["excused"] == 2 and counts["triggered"] == 1 and counts["clear"] == 1

    def test_parquet_a_line_first_seen_in_a_later_batch(self, tmp_path: Path) -> None:
        """A grandfathered line first met in a later batch is read back, not as null."""
        plan = nol_plan()
        rows = [
            ("NOL", rp.Position("Other", 100, OUTSTANDING), dt.date(2026, 4, 1)),
            ("NOL", rp.Position("Fund", 640_000, 9_999_999), dt.date(2026, 4, 1)),
        ]
        fields = [
            {},
            {"standing": "grandfathered", "standing_since": AMENDED, "standing_shares": 610_000},
        ]
        positions = with_standings(frame(rows), fields)
        source = tmp_path / "in.parquet"
        positions.write_parquet(source)
        out = tmp_path / "out.parquet"
        screen_parquet({"NOL": plan}, source, out, batch_rows=1)
        written = pl.read_parquet(out)
        assert written["limit"].cast(pl.String).to_list() == ["4.99", "6.6"]
        assert verdicts(written) == verdicts(screen({"NOL": plan}, positions))


def change_of(
    kind: type[amendments.Change], comparison: rp.Comparison, other: rp.Comparison
) -> amendments.Change:
    """A change of ``kind`` that the base plan of :func:`every_kind_plans` can take."""
    made: dict[type[amendments.Change], amendments.Change] = {
        rp.SetThreshold: rp.SetThreshold(percent="10", comparison=comparison),
        rp.SetPassiveTier: rp.SetPassiveTier(percent="25", comparison=other),
        rp.RemovePassiveTier: rp.RemovePassiveTier(),
        rp.AddException: rp.AddException(
            holder="Big Holder", percent="30", comparison=comparison, requires_passive=False
        ),
        rp.ReplaceException: rp.ReplaceException(
            holder="IPOF Group", percent="35", comparison=other, requires_passive=False
        ),
        rp.RemoveException: rp.RemoveException(holder="IPOF Group"),
        rp.AddExemptPerson: rp.AddExemptPerson(name="New Exempt"),
        rp.RemoveExemptPerson: rp.RemoveExemptPerson(name="Old Exempt"),
        rp.SetExpiration: rp.SetExpiration(date="2021-03-01"),
        rp.Terminate: rp.Terminate(),
        rp.Redeem: rp.Redeem(price=Decimal("0.001")),
        rp.ExchangeRights: rp.ExchangeRights(shares_per_right="1"),
        rp.AppointRightsAgent: rp.AppointRightsAgent(name="Computershare"),
        rp.SetOwnershipRules: rp.SetOwnershipRules(
            rights_to_acquire=rp.RightsToAcquire.ALL,
            derivatives_counted=True,
            buyback_tolerance="0.5",
            sticky=False,
        ),
        rp.SetGrandfathering: rp.SetGrandfathering(
            tolerance_percent="0.5",
            tolerance_comparison=comparison,
            cap_percent="18",
            cap_comparison=other,
        ),
        rp.SetDistributionRule: rp.SetDistributionRule(days=5),
        rp.OtherChange: rp.OtherChange(description="amended in other particulars"),
    }
    return made[kind]


def every_kind_plans() -> dict[str, tuple[rp.Plan, type[amendments.Change]]]:
    """One plan per change kind and comparison: a base plan amended by that change."""
    found: dict[str, tuple[rp.Plan, type[amendments.Change]]] = {}
    for comparison, other in itertools.permutations(rp.Comparison):
        for kind in amendments.CHANGE_KINDS:
            agreement = rp.RightsAgreement(
                company="Every Corp",
                dated="2020-01-06",
                provisions=(
                    rp.SetThreshold(percent="15", comparison=comparison),
                    rp.SetPassiveTier(percent="20", comparison=other),
                    *rp.standard_exempt_persons(),
                    rp.AddExemptPerson(name="Old Exempt"),
                    rp.AddException(
                        holder="IPOF Group",
                        percent="22",
                        comparison=comparison,
                        requires_passive=True,
                    ),
                ),
            )
            exchange = kind is rp.ExchangeRights  # an exchange is an instrument of its own kind
            amendment = rp.Amendment(
                kind=rp.InstrumentKind.EXCHANGE if exchange else rp.InstrumentKind.AMENDMENT,
                number=None if exchange else 1,
                executed="2021-01-04",
                changes=(change_of(kind, comparison, other),),
            )
            found[f"{kind.__name__}/{comparison.value}"] = (rp.Plan(agreement, (amendment,)), kind)
        # Unknowns: the threshold (between 10% and 18%, wording unknown) until an amendment
        # leaves the expiry unknown after 2021-03-01: the rows the rulebook judges one by one.
        agreement = rp.RightsAgreement(
            company="Unknown Corp",
            dated="2020-01-06",
            provisions=(
                rp.SetThreshold(
                    percent=UnknownPercent(at_least="10", at_most="18"), comparison=None
                ),
                rp.SetPassiveTier(percent="20", comparison=other),
                *rp.standard_exempt_persons(),
                rp.AddException(
                    holder="IPOF Group", percent="22", comparison=comparison, requires_passive=True
                ),
            ),
        )
        amendment = rp.Amendment(
            number=1,
            executed="2021-01-04",
            changes=(
                rp.SetThreshold(percent="15", comparison=comparison),
                rp.SetExpiration(date=UnknownDate(on_or_after="2021-03-01")),
            ),
        )
        found[f"unknown/{comparison.value}"] = (
            rp.Plan(agreement, (amendment,)),
            rp.SetExpiration,
        )
    return found


# Every standing begins before the first day screened (a later one is refused).
STANDINGS: list[dict[str, Any]] = [
    {},
    {"standing": "none"},
    {"standing": "grandfathered", "standing_since": "2019-05-01", "standing_shares": 1_700_000},
    {"standing": "buyback", "standing_since": "2019-05-01", "standing_shares": 1_600_000},
    {"standing": "inadvertent", "standing_since": "2019-05-01", "standing_until": "2021-12-31"},
    {"standing": "acquiring-person", "standing_since": "2019-05-01"},
    {"standing": "exempted", "standing_since": "2019-05-01"},
    {
        "standing": "exempted",
        "standing_since": "2019-05-01",
        "standing_cap_percent": "18",
        "standing_cap_comparison": "more-than",
    },
    {
        "standing": "exempted",
        "standing_since": "2019-05-01",
        "standing_cap_percent": "16",
        "standing_cap_comparison": "at-least",
    },
]
HOLDERS = ("Fund", "IPOF Group", "Big Holder", "Old Exempt", "New Exempt")
SHARES = (900_000, 1_499_999, 1_500_000, 1_650_000, 1_700_000, 1_749_999, 1_750_000, 2_600_000)
DAYS = (dt.date(2019, 6, 3), dt.date(2020, 6, 1), dt.date(2021, 6, 1))


def test_every_kind_screens_as_assess(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every holder, limit, standing and change kind, both comparisons: screen equals assess.

    Both polars engines (compiled loop and numpy path) with standing columns, and DuckDB on
    the rows without a standing (it refuses standing columns), row for row.
    """
    plans = every_kind_plans()
    rows: list[tuple[str, rp.Position, dt.date]] = []
    fields: list[dict[str, Any]] = []
    for issuer in plans:
        combos = itertools.product(DAYS, HOLDERS, (False, True), STANDINGS, SHARES)
        for index, (day, holder, passive, standing, shares) in enumerate(combos):
            kind = HOLDER_KINDS[index // len(SHARES) % len(HOLDER_KINDS)]
            rights = 60_000 if index % 3 == 0 else 0
            rows.append(
                (
                    issuer,
                    rp.Position(
                        holder,
                        shares,
                        OUTSTANDING,
                        passive=passive,
                        kind=kind,
                        rights_to_acquire=rights,
                        derivatives=rights // 2,
                    ),
                    day,
                )
            )
            fields.append(standing)
    just_plans = {issuer: plan for issuer, (plan, _) in plans.items()}
    assessed = [
        rp.assess(just_plans[i], p, on=d, standing=standing_of(f))
        for (i, p, d), f in zip(rows, fields, strict=True)
    ]
    want = [expected(a) for a in assessed]
    positions = with_standings(frame(rows), fields).with_columns(
        rights_to_acquire=pl.Series([p.rights_to_acquire for _, p, _ in rows]),
        derivatives=pl.Series([p.derivatives for _, p, _ in rows]),
    )
    engines = ["numpy"]
    from rightsplan.screening import kernel

    if kernel.HAS_NUMBA:
        engines.append("compiled")
    for name in engines:
        if name == "numpy":
            monkeypatch.setenv("RIGHTSPLAN_NO_JIT", "1")
        else:
            monkeypatch.delenv("RIGHTSPLAN_NO_JIT", raising=False)
        assert kernel.available() == (name == "compiled")
        result = screen(just_plans, positions)
        assert verdicts(result) == want, name
        assert result["standing"].cast(pl.String).to_list() == [
            f.get("standing") or "none" for f in fields
        ]

    # DuckDB: the rows without a standing, and no rights columns (polars only as well).
    plain = [(i, p, d) for (i, p, d), f in zip(rows, fields, strict=True) if not f]
    bare = [
        (i, rp.Position(p.holder, p.shares, p.outstanding, passive=p.passive, kind=p.kind), d)
        for i, p, d in plain
    ]
    duck = screen_duckdb(just_plans, frame(bare))
    assert verdicts(duck) == [expected(rp.assess(just_plans[i], p, on=d)) for i, p, d in bare]

    # What was covered is every kind there is: a new kind fails here until it is covered.
    assert {kind for _, kind in plans.values()} == set(amendments.CHANGE_KINDS)
    assert {p.kind for _, p, _ in rows} == set(rp.HolderKind)
    assert {standing_of(f).kind for f in fields} == {kind.kind for kind in STANDING_KINDS}
    assert {a.limit.kind for a in assessed if a.limit is not None} == set(LimitKind)
    assert {a.limit.comparison for a in assessed if a.limit is not None} == set(rp.Comparison)
    assert {a.status.value for a in assessed} == set(STATUSES)

    # The rows the rulebook judged (an unknown decides the day, or a standing is given on a
    # day a plan is in force) carry its reason, as rp.assess gives it; the others none.
    def judged(a: rp.Assessment, f: dict[str, Any], issuer: str, day: dt.date) -> bool:
        if a.terms is None or a.status is rp.Status.INACTIVE:
            return False
        on = pendulum.Date(day.year, day.month, day.day)
        unknown = rp.rules.in_force_or_unknown(just_plans[issuer], on)
        general = isinstance(a.terms.general, rp.terms.UnknownLimit)
        return general or unknown[2] is not None or (bool(f) and f.get("standing") != "none")

    flags = [judged(a, f, i, d) for a, f, (i, _, d) in zip(assessed, fields, rows, strict=True)]
    assert result["reason"].to_list() == [
        a.reason if flag else None for a, flag in zip(assessed, flags, strict=True)
    ]
    assert duck["reason"].to_list() == [
        a.reason if flag else None
        for a, flag, f in zip(assessed, flags, fields, strict=True)
        if not f
    ]


class TestRefusals:
    def base(self) -> pl.DataFrame:
        rows = [
            ("NOL", rp.Position("Fund", 610_000, OUTSTANDING), dt.date(2026, 4, 1)),
            ("NOL", rp.Position("Other", 10, OUTSTANDING), dt.date(2026, 4, 1)),
        ]
        return frame(rows)

    @pytest.mark.parametrize(
        ("fields", "message"),
        [
            ({"standing": "godfathered"}, "standing: expected one of none, grandfathered"),
            ({"standing": "grandfathered", "standing_shares": 5}, "standing_since: required"),
            (
                {"standing": "grandfathered", "standing_since": "2026-03-02"},
                "standing_shares: required",
            ),
            (
                {"standing": "none", "standing_since": "2026-03-02"},
                "standing_since: not used by a standing of 'none'",
            ),
            (
                {"standing": "buyback", "standing_since": "2026-3-2", "standing_shares": 1},
                "standing_since: ",
            ),
            (
                {
                    "standing": "inadvertent",
                    "standing_since": "2026-03-02",
                    "standing_until": "2026-03-01",
                },
                "standing_until: 2026-03-01 is before the crossing",
            ),
            (
                {"standing": "buyback", "standing_since": "2026-03-02", "standing_shares": -1},
                "standing_shares: expected zero or more shares",
            ),
            (
                {
                    "standing": "exempted",
                    "standing_since": "2026-03-02",
                    "standing_cap_percent": "10",
                },
                "standing_cap_percent and standing_cap_comparison: give both",
            ),
            (
                {
                    "standing": "exempted",
                    "standing_since": "2026-03-02",
                    "standing_cap_percent": "ten",
                    "standing_cap_comparison": "at-least",
                },
                "standing_cap_percent: ",
            ),
            (
                {
                    "standing": "exempted",
                    "standing_since": "2026-03-02",
                    "standing_cap_percent": "10",
                    "standing_cap_comparison": "over",
                },
                "standing_cap_comparison: expected at-least or more-than",
            ),
        ],
    )
    def test_bad_standing_values_name_column_and_row(
        self, fields: dict[str, Any], message: str
    ) -> None:
        """A bad or missing standing field is a ScreenInputError naming its column and row."""
        positions = with_standings(self.base(), [{}, fields])
        with pytest.raises(rp.ScreenInputError, match=f"^{message}.*at row 1$"):
            screen({"NOL": nol_plan()}, positions)

    def test_standing_that_starts_later_names_column_and_row(self) -> None:
        """A standing that starts after the row's date is refused, as rp.assess refuses it."""
        positions = with_standings(
            self.base(), [{}, {"standing": "acquiring-person", "standing_since": "2099-01-02"}]
        )
        with pytest.raises(
            rp.ScreenInputError, match="^standing_since: .* starts on 2099-01-02, .*at row 1$"
        ):
            screen({"NOL": nol_plan()}, positions)

    @pytest.mark.parametrize(
        ("column", "values", "message"),
        [
            ("standing_shares", [1.5, None], "standing_shares: expected whole numbers"),
            ("standing_since", [1, 2], "standing_since: expected dates"),
            ("standing", [1, 2], "standing: expected text"),
            ("standing_cap_percent", [1.5, None], "standing_cap_percent: expected percentages"),
        ],
    )
    def test_bad_column_types_are_named(
        self, column: str, values: list[object], message: str
    ) -> None:
        """A standing column of the wrong type is refused by name."""
        positions = self.base().with_columns(pl.Series(column, values))
        with pytest.raises(rp.ScreenInputError, match=message):
            screen({"NOL": nol_plan()}, positions)

    def test_dates_as_dates_and_midnight_date_times(self) -> None:
        """Standing dates may be Date columns or date-times at midnight, like date."""
        positions = self.base().with_columns(
            standing=pl.Series(["grandfathered", None]),
            standing_since=pl.Series([dt.datetime(2026, 3, 2), None]),
            standing_shares=pl.Series([610_000, None]),
        )
        result = screen({"NOL": nol_plan()}, positions)
        assert verdicts(result)[0]["headroom"] == 49_999
        late = positions.with_columns(standing_since=pl.Series([dt.datetime(2026, 3, 2, 9), None]))
        with pytest.raises(rp.ScreenInputError, match="standing_since: .*midnight.*at row 0"):
            screen({"NOL": nol_plan()}, late)

    def test_categorical_and_all_null_columns(self) -> None:
        """Categorical standing text and an all-null column (as pandas gives) are read."""
        positions = self.base().with_columns(
            standing=pl.Series(["grandfathered", None]).cast(pl.Categorical),
            standing_since=pl.Series([dt.date(2026, 3, 2), None]),
            standing_shares=pl.Series([610_000, None], dtype=pl.UInt64),
            standing_until=pl.Series([None, None]),
        )
        assert positions["standing_until"].dtype == pl.Null
        result = screen({"NOL": nol_plan()}, positions)
        assert [row["headroom"] for row in verdicts(result)] == [49_999, 498_989]
        assert result["standing"].cast(pl.String).to_list() == ["grandfathered", "none"]

    def test_sql_engines_refuse_standings(self) -> None:
        """DuckDB refuses standing columns by name: the polars engine screens them."""
        positions = with_standings(self.base(), [{}, {}])
        with pytest.raises(rp.ScreenInputError, match=r"standing: .*rightsplan.screen \(polars\)"):
            screen_duckdb({"NOL": nol_plan()}, positions)


@st.composite
def standing_fields(draw: st.DrawFn, position: rp.Position, day: dt.date) -> dict[str, Any]:
    """A row's standing fields: every kind, begun by the row's day, bases and caps near it."""
    kind = draw(st.sampled_from([kind.kind for kind in STANDING_KINDS]))
    last = pendulum.Date(day.year, day.month, day.day)
    since_day = draw(testing.dates(min(testing.MIN_DATE, last), last))
    since = since_day.isoformat()
    if kind == "none":
        return draw(st.sampled_from([{}, {"standing": "none"}]))
    fields: dict[str, Any] = {"standing": kind, "standing_since": since}
    if kind in ("grandfathered", "buyback"):
        near = position.shares + draw(st.sampled_from([-1, 0, 1, -1000, 1000]))
        fields["standing_shares"] = draw(
            st.sampled_from([max(near, 0)]) | st.integers(0, position.outstanding)
        )
    elif kind == "inadvertent":
        until = draw(testing.dates(since_day, testing.MAX_DATE))
        fields["standing_until"] = until.isoformat()
    elif kind == "exempted" and draw(st.booleans()):
        cap = draw(testing.thresholds(Fraction(1), Fraction(100)))
        fields["standing_cap_percent"] = rp.format_percent(cap.percent)
        fields["standing_cap_comparison"] = cap.comparison.value
    return fields


@st.composite
def standing_rules(draw: st.DrawFn, plan: rp.Plan) -> rp.Plan:
    """``plan``, sometimes with grandfathering, buyback and stickiness rules of its own."""
    extra: list[amendments.Change] = []
    if draw(st.booleans()):
        tolerance = draw(st.none() | testing.thresholds(Fraction(1, 100), Fraction(5)))
        cap = draw(st.none() | testing.thresholds(Fraction(1), Fraction(60)))
        extra.append(
            rp.SetGrandfathering(
                tolerance_percent=None if tolerance is None else tolerance.percent,
                tolerance_comparison=None if tolerance is None else tolerance.comparison,
                cap_percent=None if cap is None else cap.percent,
                cap_comparison=None if cap is None else cap.comparison,
                lapses_below_threshold=draw(st.booleans()),
            )
        )
    if draw(st.booleans()):
        extra.append(
            rp.SetOwnershipRules(
                buyback_tolerance=draw(st.sampled_from(["0", "0.5", "1", "2.25"])),
                sticky=draw(st.booleans()),
            )
        )
    if not extra:
        return plan
    # A provision stated once: the drawn one gives way to the one drawn here.
    replaced = {type(change) for change in extra}
    kept = tuple(p for p in plan.agreement.provisions if type(p) not in replaced)
    agreement = attrs.evolve(plan.agreement, provisions=(*kept, *extra))
    return rp.Plan(agreement, plan.amendments)
