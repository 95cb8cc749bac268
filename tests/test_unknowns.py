"""Unknown (and bounded) terms: plans encoded from real filings that leave a term unknown.

The quotes are the filings' own words, with their source addresses; what the filings at hand
do not state is encoded as unknown, never guessed.
"""

from __future__ import annotations

import json
import math
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import assume, event, given, settings
from hypothesis import strategies as st

import rightsplan as rp
from rightsplan import testing
from rightsplan.cli import main
from rightsplan.io.plans import dumps_plan, loads_plan
from rightsplan.unknowns import UnknownDate, UnknownPercent

AT_LEAST = rp.Comparison.AT_LEAST
MORE_THAN = rp.Comparison.MORE_THAN
UNCERTAIN = rp.Status.UNCERTAIN

CANDELA_SECOND = "https://lawinsider.com/contracts/cjQx8zd1aD0"
USEC_FIRST = "https://lawinsider.com/contracts/l3bFJ3MNWIh"
ENZON_FIFTH = (
    "https://www.sec.gov/Archives/edgar/data/727510/000110465925095078/tm2527543d1_ex4-1.htm"
)
ENZON_10Q = "https://www.sec.gov/Archives/edgar/data/727510/000141057825001810/R16.htm"
SOTHEBYS_10Q = "https://www.sec.gov/Archives/edgar/data/823094/000082309414000023/R27.htm"


def candela() -> rp.Plan:
    """Candela's plan as its Second Amendment tells it; the 1992 agreement is not at hand.

    The Second Amendment, "dated as of November 9, 2000 ... to the Rights Agreement dated as
    of September 4, 1992 and amended March 25, 1996", restates Section 1(a): an Acquiring
    Person "shall be the Beneficial Owner of more than 30% of the shares of Common Stock then
    outstanding" (CANDELA_SECOND). What the agreement and the 1996 amendment said is unknown.
    """
    agreement = rp.RightsAgreement(
        company="Candela Corporation",
        dated="1992-09-04",
        provisions=[
            rp.SetThreshold(
                percent=UnknownPercent(reason="the 1992 Rights Agreement is not at hand"),
                comparison=None,
                section="Section 1(a)",
            ),
            *rp.standard_exempt_persons(section="Section 1(a)"),
        ],
    )
    first = rp.Amendment(
        number=1,
        executed="1996-03-25",
        changes=[rp.OtherChange(description="amended March 25, 1996; its text is not at hand")],
    )
    second = rp.Amendment(
        number=2,
        executed="2000-11-09",
        document=CANDELA_SECOND,
        changes=[
            rp.SetThreshold(
                percent="30",
                comparison=MORE_THAN,
                section="Section 1(a)",
                quote="shall be the Beneficial Owner of more than 30% of the shares of Common "
                "Stock then outstanding",
            )
        ],
    )
    return rp.Plan(agreement, [first, second])


def usec() -> rp.Plan:
    """USEC's plan as its First Amendment tells it; the 2001 agreement's threshold is unknown.

    The First Amendment, "dated as of May 25, 2010 ... to the Rights Agreement, dated as of
    April 24, 2001", restates Section 1(a): "shall be the Beneficial Owner of fifteen
    percent (15%) or more of the Common Stock then outstanding" (USEC_FIRST).
    """
    agreement = rp.RightsAgreement(
        company="USEC Inc.",
        dated="2001-04-24",
        provisions=[
            rp.SetThreshold(
                percent=UnknownPercent(reason="the 2001 Rights Agreement is not at hand"),
                comparison=None,
            )
        ],
    )
    first = rp.Amendment(
        number=1,
        executed="2010-05-25",
        document=USEC_FIRST,
        changes=[
            rp.SetThreshold(
                percent="15",
                comparison=AT_LEAST,
                section="Section 1(a)",
                quote="shall be the Beneficial Owner of fifteen percent (15%) or more of the "
                "Common Stock then outstanding",
            )
        ],
    )
    return rp.Plan(agreement, [first])


def enzon(*, through: int) -> rp.Plan:
    """Enzon's 2020 Section 382 plan, with its amendments up to No. ``through``.

    The Fifth Amendment (ENZON_FIFTH) recites "that certain Section 382 Rights Agreement,
    dated as of August 14, 2020 ... as initially amended on June 4, 2021, further amended on
    May 16, 2024, further amended on March 31, 2025, and further amended on August 13, 2025
    (the “Fourth Amendment”)", and that "the Rights Agreement, under the terms of the Fourth
    Amendment, will expire on September 30, 2025"; it extends "the Final Expiration Date to
    December 31, 2025". The Third Amendment's own date is not at hand: it was still in force
    when the Fourth was made, so its Final Expiration Date is on or after 2025-08-13. The
    threshold is not quoted in these filings: unknown too. The Company is an Exempt Person.
    """
    agreement = rp.RightsAgreement(
        company="Enzon Pharmaceuticals, Inc.",
        dated="2020-08-14",
        title="Section 382 Rights Agreement",
        provisions=[
            rp.SetThreshold(
                percent=UnknownPercent(reason="not quoted in the filings at hand"),
                comparison=None,
            ),
            *rp.standard_exempt_persons(),
        ],
    )
    unquoted = "its text is not at hand"
    amendments = [
        rp.Amendment(
            number=1, executed="2021-06-04", changes=[rp.OtherChange(description=unquoted)]
        ),
        rp.Amendment(
            number=2, executed="2024-05-16", changes=[rp.OtherChange(description=unquoted)]
        ),
        rp.Amendment(
            number=3,
            executed="2025-03-31",
            document=ENZON_FIFTH,
            changes=[
                rp.SetExpiration(
                    date=UnknownDate(
                        on_or_after="2025-08-13",
                        reason="the Third Amendment's text is not at hand; the Fourth "
                        "Amendment of 2025-08-13 amended a plan still in force",
                    )
                )
            ],
        ),
        rp.Amendment(
            number=4,
            executed="2025-08-13",
            document=ENZON_10Q,
            changes=[
                rp.SetExpiration(
                    date="2025-09-30",
                    quote="to provide that the Final Expiration Date (as defined in the Rights "
                    "Agreement) of the rights issued thereunder would be the close of business "
                    "on September 30, 2025",
                )
            ],
        ),
        rp.Amendment(
            number=5,
            executed="2025-09-30",
            document=ENZON_FIFTH,
            changes=[
                rp.SetExpiration(
                    date="2025-12-31",
                    quote="to extend the Final Expiration Date to December 31, 2025",
                )
            ],
        ),
    ]
    return rp.Plan(agreement, amendments[:through])


def sotheby(*, meeting: str | None) -> rp.Plan:
    """Sotheby's 2013 plan: Amendment No. 1 ties the expiry to the 2014 annual meeting.

    "On May 5, 2014, Sotheby's entered into Amendment No. 1 to the Rights Plan ... The
    Amendment accelerates the expiration of the Rights Plan from the close of business on
    October 3, 2014, in the absence of prior approval of the Rights Plan by Sotheby's
    shareholders, to the close of business on the date that Sotheby's 2014 annual meeting of
    shareholders is completed" (SOTHEBYS_10Q). ``meeting`` is the day the meeting was
    completed, once known; before that the date is unknown, at the latest October 3, 2014.
    The agreement's own date and threshold are not in that note: placeholders below are
    labelled as such and the tests ask nothing that depends on them.
    """
    agreement = rp.RightsAgreement(
        company="Sotheby's",
        dated="2013-10-04",
        note="test fixture: the agreement's date is illustrative, not from a filing",
        provisions=[
            rp.SetThreshold(
                percent=UnknownPercent(reason="not in the note quoted"), comparison=None
            ),
            rp.SetExpiration(date="2014-10-03"),
            *rp.standard_exempt_persons(),
        ],
    )
    condition = (
        "the close of business on the date the 2014 annual meeting of shareholders is completed"
    )
    date: object = UnknownDate(on_or_before="2014-10-03") if meeting is None else meeting
    amendment = rp.Amendment(
        number=1,
        executed="2014-05-05",
        document=SOTHEBYS_10Q,
        changes=[
            rp.SetExpiration(
                date=date,  # type: ignore[arg-type]
                condition=condition,
                quote="to the close of business on the date that Sotheby’s 2014 annual "
                "meeting of shareholders is completed",
            )
        ],
    )
    return rp.Plan(agreement, [amendment])


def status(plan: rp.Plan, holder: rp.Position | rp.ReportedHolding, on: str) -> rp.Status:
    return rp.assess(plan, holder, on=on).status


class TestUnknownPercent:
    def test_bounds_in_order(self) -> None:
        """A lower bound above the upper one is an error naming both."""
        with pytest.raises(rp.InvalidPercentError, match="at_least: 30 is more than at_most"):
            UnknownPercent(at_least="30", at_most="20")

    def test_no_float(self) -> None:
        """A bound is exact: a float is refused as any percentage is."""
        with pytest.raises(rp.PercentTypeError):
            UnknownPercent(at_least=10.5)  # type: ignore[arg-type]

    def test_describe(self) -> None:
        """The words say the bounds there are."""
        assert UnknownPercent(at_least="10").describe() == "unknown (at least 10%)"
        assert UnknownPercent(at_most="4.99").describe() == "unknown (at most 4.99%)"

    def test_contains(self) -> None:
        """Bounds are inclusive."""
        bounds = UnknownPercent(at_least="10", at_most="20")
        assert bounds.contains(Fraction(10)) and bounds.contains(Fraction(20))
        assert not bounds.contains(Fraction(21))


class TestUnknownDate:
    def test_bounds_in_order(self) -> None:
        """A lower bound after the upper one is an error naming both."""
        with pytest.raises(rp.InvalidInputError, match="on_or_after: 2026-01-01 is after"):
            UnknownDate(on_or_after="2026-01-01", on_or_before="2025-01-01")

    def test_dates_strict(self) -> None:
        """Bounds are read as dates are: compact forms are refused."""
        with pytest.raises(rp.InvalidDateError, match="on_or_after"):
            UnknownDate(on_or_after="20250813")

    def test_describe(self) -> None:
        """The words say the bounds there are."""
        both = UnknownDate(on_or_after="2025-08-13", on_or_before="2025-12-31")
        assert both.describe() == "unknown (between 2025-08-13 and 2025-12-31)"
        assert UnknownDate().describe() == "unknown"


class TestUnknownThreshold:
    @pytest.mark.parametrize("plan", [candela(), usec()], ids=["candela", "usec"])
    def test_uncertain_before_the_amendment_that_states_it(self, plan: rp.Plan) -> None:
        """Before the amendment stating the threshold a holding is UNCERTAIN, naming the term."""
        first_known = plan.amendments[-1].effective_date
        before = first_known.subtract(days=1).isoformat()
        found = rp.assess(plan, rp.Position("A Fund", 1_000, 100_000), on=before)
        assert found.status is UNCERTAIN
        assert "the general threshold is unknown" in found.reason
        assert "Rights Agreement (" in found.reason  # its source
        assert found.max_shares is None and found.headroom is None

    def test_exact_after_candela(self) -> None:
        """After Candela's Second Amendment: "more than 30%", exactly, cited."""
        plan = candela()
        at = rp.assess(plan, rp.Position("A Fund", 30_000, 100_000), on="2000-11-09")
        over = rp.assess(plan, rp.Position("A Fund", 30_001, 100_000), on="2000-11-09")
        assert (at.status, over.status) == (rp.Status.WARNING, rp.Status.TRIGGERED)
        assert at.max_shares == 30_000
        assert over.limit is not None and "Amendment No. 2" in over.limit.source.cite()

    def test_exact_after_usec(self) -> None:
        """After USEC's First Amendment: "15% or more", exactly."""
        plan = usec()
        assert (
            status(plan, rp.Position("A Fund", 14_999, 100_000), "2010-05-25") is rp.Status.WARNING
        )
        assert (
            status(plan, rp.Position("A Fund", 15_000, 100_000), "2010-05-25")
            is rp.Status.TRIGGERED
        )

    def test_exempt_persons_stay_exact(self) -> None:
        """The Company is an Exempt Person whatever the unknown threshold."""
        plan = candela()
        company = rp.Position("Candela Corporation", 50_000, 100_000, kind=rp.HolderKind.COMPANY)
        assert status(plan, company, "1999-01-01") is rp.Status.EXEMPT

    def test_no_shares_stays_exact(self) -> None:
        """A holding of no shares crosses no possible threshold: CLEAR, exactly."""
        assert status(candela(), rp.Position("A Fund", 0, 100_000), "1999-01-01") is rp.Status.CLEAR

    def test_bounded(self) -> None:
        """Between 10% and 20%: 5% CLEAR, 9.5% WARNING, 12% UNCERTAIN, 25% TRIGGERED."""
        agreement = rp.RightsAgreement(
            company="Example Corp",
            dated="2000-01-01",
            provisions=[
                rp.SetThreshold(
                    percent=UnknownPercent(at_least="10", at_most="20"), comparison=AT_LEAST
                )
            ],
        )
        plan = rp.Plan(agreement)
        found = [
            status(plan, rp.Position("A Fund", shares, 1_000), "2001-01-01")
            for shares in (50, 95, 120, 250)
        ]
        assert found == [rp.Status.CLEAR, rp.Status.WARNING, UNCERTAIN, rp.Status.TRIGGERED]

    def test_reported_holding(self) -> None:
        """A rounded holding against an unknown threshold: the same extremes decide."""
        agreement = rp.RightsAgreement(
            company="Example Corp",
            dated="2000-01-01",
            provisions=[
                rp.SetThreshold(
                    percent=UnknownPercent(at_least="10", at_most="20"), comparison=AT_LEAST
                )
            ],
        )
        plan = rp.Plan(agreement)
        assert status(plan, rp.ReportedHolding("A Fund", "12%"), "2001-01-01") is UNCERTAIN
        assert (
            status(plan, rp.ReportedHolding("A Fund", "25%"), "2001-01-01") is rp.Status.TRIGGERED
        )
        assert status(plan, rp.ReportedHolding("A Fund", "5%"), "2001-01-01") is rp.Status.CLEAR

    def test_passive_tier_below_every_possible_threshold(self) -> None:
        """A passive tier below the unknown threshold's lower bound is refused."""
        with pytest.raises(rp.PlanHistoryError, match="passive-investor tier"):
            rp.RightsAgreement(
                company="Example Corp",
                dated="2000-01-01",
                provisions=[
                    rp.SetThreshold(percent=UnknownPercent(at_least="15"), comparison=None),
                    rp.SetPassiveTier(percent="10", comparison=AT_LEAST),
                ],
            ).initial_terms()

    def test_known_percent_needs_a_comparison(self) -> None:
        """Only an unknown percent may leave its comparison unknown."""
        with pytest.raises(rp.InvalidInputError, match="comparison"):
            rp.SetThreshold(percent="15", comparison=None)

    def test_binding_limit_refuses(self) -> None:
        """binding_limit, which cannot say UNCERTAIN, refuses an unknown general threshold."""
        terms = candela().terms_at("1999-01-01")
        with pytest.raises(rp.UnknownTermError, match="the general threshold is unknown"):
            rp.rules.binding_limit(terms, "A Fund", passive=False)


class TestUnknownExpiry:
    def test_enzon_third_amendment(self) -> None:
        """Up to 2025-08-13 exact; after it UNCERTAIN, never INACTIVE (no upper bound)."""
        plan = enzon(through=3)
        company = rp.Position("Enzon", 0, 1_000, kind=rp.HolderKind.COMPANY)
        stranger = rp.Position("A Fund", 0, 1_000)
        for day in ("2025-03-31", "2025-08-13"):
            assert status(plan, company, day) is rp.Status.EXEMPT
            assert status(plan, stranger, day) is rp.Status.CLEAR
        for day in ("2025-08-14", "2030-01-01", "2999-01-01"):
            found = rp.assess(plan, company, on=day)
            assert found.status is UNCERTAIN
            assert "unknown (on or after 2025-08-13)" in found.reason
            assert "Amendment No. 3 (2025-03-31)" in found.reason
            assert status(plan, stranger, day) is UNCERTAIN

    def test_enzon_settled_by_the_fourth_and_fifth(self) -> None:
        """The later amendments settle it: exact throughout, INACTIVE after 2025-12-31."""
        plan = enzon(through=5)
        company = rp.Position("Enzon", 0, 1_000, kind=rp.HolderKind.COMPANY)
        assert status(plan, company, "2025-08-12") is rp.Status.EXEMPT
        assert status(plan, company, "2025-12-31") is rp.Status.EXEMPT
        assert status(plan, company, "2026-01-01") is rp.Status.INACTIVE
        assert plan.unknowns()  # the threshold, still
        assert all("Final Expiration Date" not in u for u in plan.terms_at("2025-09-01").unknowns())

    def test_the_next_amendment_is_never_after_an_unknown_expiry(self) -> None:
        """An amendment made while the expiry is unknown is valid, and proves it in force."""
        agreement = rp.RightsAgreement(
            company="Example Corp",
            dated="2000-01-01",
            provisions=[
                rp.SetThreshold(percent="15", comparison=AT_LEAST),
                rp.SetExpiration(date=UnknownDate(on_or_after="2001-01-01")),
            ],
        )
        later = rp.Amendment(
            number=1,
            executed="2005-06-01",
            changes=[rp.SetThreshold(percent="20", comparison=AT_LEAST)],
        )
        plan = rp.Plan(agreement, [later])
        holder = rp.Position("A Fund", 100, 1_000)
        # Every day up to the amendment was in force: the amendment says so.
        assert status(plan, holder, "2003-01-01") is rp.Status.CLEAR
        assert status(plan, holder, "2005-06-01") is rp.Status.CLEAR
        assert status(plan, holder, "2005-06-02") is UNCERTAIN

    def test_an_amendment_after_a_known_upper_bound_is_refused(self) -> None:
        """Past the latest day an unknown expiry allows, an amendment is after expiry."""
        agreement = rp.RightsAgreement(
            company="Example Corp",
            dated="2000-01-01",
            provisions=[
                rp.SetThreshold(percent="15", comparison=AT_LEAST),
                rp.SetExpiration(date=UnknownDate(on_or_before="2001-01-01")),
            ],
        )
        late = rp.Amendment(number=1, executed="2001-01-02", changes=[rp.Terminate()])
        with pytest.raises(rp.PlanHistoryError, match="no longer in force"):
            rp.Plan(agreement, [late])

    def test_terminated_is_exact_again(self) -> None:
        """A termination settles an unknown expiry: INACTIVE from its day, exactly."""
        agreement = rp.RightsAgreement(
            company="Example Corp",
            dated="2000-01-01",
            provisions=[
                rp.SetThreshold(percent="15", comparison=AT_LEAST),
                rp.SetExpiration(date=UnknownDate(on_or_after="2001-01-01")),
            ],
        )
        plan = rp.Plan(
            agreement, [rp.Amendment(number=1, executed="2004-01-01", changes=[rp.Terminate()])]
        )
        holder = rp.Position("A Fund", 100, 1_000)
        assert status(plan, holder, "2003-12-31") is rp.Status.CLEAR
        assert status(plan, holder, "2004-01-01") is rp.Status.INACTIVE

    def test_timeline(self) -> None:
        """The timeline marks the unknown window: in force, then None, no expiry after it."""
        periods = enzon(through=3).timeline()
        assert [p.in_force for p in periods[-2:]] == [True, None]
        assert periods[-1].start == pendulum.Date(2025, 8, 14)
        assert "in force or expired" in periods[-1].describe()


class TestEventTiedExpiry:
    def test_before_the_meeting(self) -> None:
        """Before the meeting is known, days after the amendment and up to Oct 3 are UNCERTAIN."""
        plan = sotheby(meeting=None)
        company = rp.Position("Sotheby's", 0, 1_000, kind=rp.HolderKind.COMPANY)
        assert status(plan, company, "2014-05-05") is rp.Status.EXEMPT
        found = rp.assess(plan, company, on="2014-05-06")
        assert found.status is UNCERTAIN
        assert "2014 annual meeting" in found.reason
        assert status(plan, company, "2014-10-03") is UNCERTAIN
        assert status(plan, company, "2014-10-04") is rp.Status.INACTIVE

    def test_once_the_meeting_fixed_it(self) -> None:
        """Once the day is known, every answer is exact, and the condition is kept."""
        plan = sotheby(meeting="2014-05-06")
        company = rp.Position("Sotheby's", 0, 1_000, kind=rp.HolderKind.COMPANY)
        assert status(plan, company, "2014-05-06") is rp.Status.EXEMPT
        assert status(plan, company, "2014-05-07") is rp.Status.INACTIVE
        expiration = plan.terms_at("2014-05-06").expiration
        assert expiration is not None and "2014 annual meeting" in (expiration.condition or "")
        assert "tied to an event" in plan.describe()


def window_plan() -> rp.Plan:
    """A plan whose Amendment No. 1 leaves its Final Expiration Date unknown, on or after a day.

    "15% or more" from 2020-01-02, expiring 2022-12-31 until Amendment No. 1 (2022-06-01)
    extends it to a date the filings at hand do not give, only that it is on or after
    2024-06-28 (illustrative dates: the shape of Enzon's Third Amendment, with a known
    threshold so that every other answer is exact).
    """
    agreement = rp.RightsAgreement(
        company="Example Corp",
        dated="2020-01-02",
        note="test fixture: an illustrative plan, not from a filing",
        provisions=[
            rp.SetThreshold(percent="15", comparison=AT_LEAST),
            rp.SetExpiration(date="2022-12-31"),
        ],
    )
    extension = rp.Amendment(
        number=1,
        executed="2022-06-01",
        changes=[
            rp.SetExpiration(
                date=UnknownDate(
                    on_or_after="2024-06-28", reason="the amendment's text is not at hand"
                )
            )
        ],
    )
    return rp.Plan(agreement, [extension])


WINDOW_DAYS = {
    # day: (status of a 10% holder, of a 20% holder); a 20% holder acquired on 2021-03-01.
    "2019-12-31": (rp.Status.INACTIVE, rp.Status.INACTIVE),
    "2022-12-31": (rp.Status.CLEAR, rp.Status.TRIGGERED),
    "2023-01-01": (rp.Status.CLEAR, rp.Status.TRIGGERED),
    "2024-06-28": (rp.Status.CLEAR, rp.Status.TRIGGERED),
    "2024-06-29": (UNCERTAIN, UNCERTAIN),
    "2099-01-01": (UNCERTAIN, UNCERTAIN),
}


def screen_rows(plans: dict[str, rp.Plan], rows: list[tuple[str, str, str, int, int]]) -> Any:
    pl = pytest.importorskip("polars")
    return rp.screen(
        plans,
        pl.DataFrame(
            {
                "issuer": [r[0] for r in rows],
                "holder": [r[1] for r in rows],
                "date": [pendulum.Date.fromisoformat(r[2]) for r in rows],
                "shares": [r[3] for r in rows],
                "outstanding": [r[4] for r in rows],
            }
        ),
    )


class TestMustShow:
    """The issue's two Must-show cases, on check, history and screen."""

    def test_unknown_expiry_on_check(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """check: INACTIVE before adoption only, exact up to the bound, UNCERTAIN after it."""
        path = write(tmp_path, window_plan())
        holdings = tmp_path / "holdings.csv"
        holdings.write_text(
            "holder,shares,outstanding\nA Fund,100,1000\nB Fund,200,1000\n", "utf-8"
        )
        for day, want in WINDOW_DAYS.items():
            code = main(["check", str(path), str(holdings), "--on", day, "--format", "json"])
            rows = json.loads(capsys.readouterr().out)
            assert tuple(rp.Status(row["status"]) for row in rows) == want, day
            assert code == (1 if rp.Status.TRIGGERED in want else 0)
            if want[0] is UNCERTAIN:
                assert "unknown (on or after 2024-06-28)" in rows[0]["reason"]
                assert "Amendment No. 1 (2022-06-01)" in rows[0]["reason"]

    def test_unknown_expiry_in_a_history(self) -> None:
        """history: the same answers day by day, and no INACTIVE after the unknown window opens."""
        events = [
            rp.OutstandingChanged(on="2020-01-02", outstanding=1_000),
            rp.PositionReported(on="2020-01-02", holder="A Fund", shares=100),
            rp.PositionReported(on="2020-01-02", holder="B Fund", shares=100),
            rp.Acquisition(on="2021-03-01", holder="B Fund", shares=100),
        ]
        history = rp.replay(window_plan(), events)
        for day, want in WINDOW_DAYS.items():
            got = tuple(history.status_of(h, on=day).status for h in ("A Fund", "B Fund"))
            assert got == want, day
        assert [t.on for t in history.triggers()] == [pendulum.Date(2021, 3, 1)]
        assert not history.possible_triggers
        found = history.status_of("B Fund", on="2024-06-29")
        assert "unknown (on or after 2024-06-28)" in found.reason
        assert "If it still is: TRIGGERED" in found.reason

    def test_unknown_expiry_on_screen(self) -> None:
        """screen: the same answers row by row, the reason naming the unknown expiry."""
        rows = [
            ("EX", holder, day, shares, 1_000)
            for day in WINDOW_DAYS
            for holder, shares in (("A Fund", 100), ("B Fund", 200))
        ]
        result = screen_rows({"EX": window_plan()}, rows)
        got = [rp.Status(value) for value in result["status"].cast(str).to_list()]
        assert got == [status for want in WINDOW_DAYS.values() for status in want]
        reasons = result["reason"].to_list() if "reason" in result.columns else [None] * len(rows)
        assert all(
            (reason is not None and "unknown (on or after 2024-06-28)" in reason)
            == (status is UNCERTAIN)
            for reason, status in zip(reasons, got, strict=True)
        )

    def test_unknown_threshold_on_check(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """check: Candela's 12% holder is UNCERTAIN before the Second Amendment, exact after."""
        path = write(tmp_path, candela())
        holdings = tmp_path / "holdings.csv"
        holdings.write_text("holder,shares,outstanding\nA Fund,12000,100000\n", "utf-8")
        code = main(["check", str(path), str(holdings), "--on", "2000-11-08", "--format", "json"])
        assert code == 0  # nothing is known to trigger
        before = json.loads(capsys.readouterr().out)[0]
        main(["check", str(path), str(holdings), "--on", "2000-11-09", "--format", "json"])
        after = json.loads(capsys.readouterr().out)[0]
        assert (
            before["status"] == "uncertain" and "general threshold is unknown" in before["reason"]
        )
        assert (after["status"], after["limit"], after["max_shares"]) == ("clear", "30", 30_000)

    def test_unknown_threshold_in_a_history(self) -> None:
        """history: UNCERTAIN before the Second Amendment, exact after if it never may have crossed.

        One who may have crossed before is a possible trigger, not a trigger.
        """
        events = [
            rp.OutstandingChanged(on="1999-01-04", outstanding=100_000),
            rp.PositionReported(on="1999-01-04", holder="A Fund", shares=12_000),
            rp.PositionReported(on="1999-01-04", holder="B Fund", shares=0),
            rp.Acquisition(on="2001-01-03", holder="B Fund", shares=12_000),
            rp.Acquisition(on="2001-05-01", holder="B Fund", shares=20_000),
        ]
        history = rp.replay(candela(), events)
        assert history.status_of("A Fund", on="2000-11-08").status is UNCERTAIN
        assert "general threshold is unknown" in history.status_of("A Fund", on="2000-11-08").reason
        b = [history.status_of("B Fund", on=day).status for day in ("2001-01-03", "2001-05-01")]
        assert b == [rp.Status.CLEAR, rp.Status.TRIGGERED]
        assert [(t.label, t.on) for t in history.triggers()] == [
            ("B Fund", pendulum.Date(2001, 5, 1))
        ]
        (possible,) = history.possible_triggers
        assert (possible.label, possible.on) == ("A Fund", pendulum.Date(1999, 1, 4))
        assert "the general threshold is unknown" in possible.why
        # The status sticks: whether A Fund became an Acquiring Person in 1999 still matters.
        later = history.status_of("A Fund", on="2001-06-01")
        assert later.status is UNCERTAIN and "may have become an Acquiring Person" in later.reason
        assert isinstance(later.standing, rp.PossibleAcquiringPerson)

    def test_unknown_threshold_on_screen(self) -> None:
        """screen: Candela rows before the Second Amendment UNCERTAIN, after exact and cited."""
        rows = [("CLZR", "A Fund", day, 12_000, 100_000) for day in ("2000-11-08", "2000-11-09")]
        result = screen_rows({"CLZR": candela()}, rows)
        assert result["status"].cast(str).to_list() == ["uncertain", "clear"]
        assert result["limit"].cast(str).to_list() == [None, "30"]
        reason = result["reason"].to_list()
        assert "the general threshold is unknown" in reason[0]
        assert reason[1] is None  # the vectorized path: every term known that day


class TestOtherPaths:
    def test_not_sticky_exact_again_under_every_line(self) -> None:
        """Not sticky: a possible crossing stops mattering once under every line allowed."""
        agreement = rp.RightsAgreement(
            company="Example Corp",
            dated="2010-01-04",
            provisions=[
                rp.SetThreshold(
                    percent=UnknownPercent(at_least="10", at_most="20"), comparison=AT_LEAST
                ),
                rp.SetOwnershipRules(sticky=False),
            ],
        )
        events = [
            rp.OutstandingChanged(on="2010-01-04", outstanding=1_000),
            rp.Acquisition(on="2010-02-01", holder="A Fund", shares=150),
            rp.Disposition(on="2010-03-01", holder="A Fund", shares=100),
        ]
        history = rp.replay(rp.Plan(agreement), events)
        assert history.status_of("A Fund", on="2010-02-01").status is UNCERTAIN
        assert history.status_of("A Fund", on="2010-03-01").status is rp.Status.CLEAR
        assert history.standing("A Fund", on="2010-03-01") == rp.Ordinary()
        sticky = rp.replay(
            rp.Plan(attrs.evolve(agreement, provisions=agreement.provisions[:1])), events
        )
        assert sticky.status_of("A Fund", on="2010-03-01").status is UNCERTAIN

    def test_certain_crossing_after_a_possible_one(self) -> None:
        """A holder that may have crossed, and then certainly crosses, is an Acquiring Person."""
        agreement = rp.RightsAgreement(
            company="Example Corp",
            dated="2010-01-04",
            provisions=[
                rp.SetThreshold(
                    percent=UnknownPercent(at_least="10", at_most="20"), comparison=AT_LEAST
                ),
            ],
        )
        events = [
            rp.OutstandingChanged(on="2010-01-04", outstanding=1_000),
            rp.Acquisition(on="2010-02-01", holder="A Fund", shares=150),
            rp.Acquisition(on="2010-03-01", holder="A Fund", shares=100),
        ]
        history = rp.replay(rp.Plan(agreement), events)
        assert [p.on for p in history.possible_triggers] == [pendulum.Date(2010, 2, 1)]
        assert [t.on for t in history.triggers()] == [pendulum.Date(2010, 3, 1)]
        assert history.status_of("A Fund", on="2010-03-01").status is rp.Status.TRIGGERED

    def test_assess_with_the_replays_standing(self) -> None:
        """rp.assess given a possible Acquiring Person's standing says what the replay says."""
        agreement = rp.RightsAgreement(
            company="Example Corp",
            dated="2010-01-04",
            provisions=[
                rp.SetThreshold(
                    percent=UnknownPercent(at_least="10", at_most="20"), comparison=AT_LEAST
                ),
            ],
        )
        plan = rp.Plan(agreement)
        history = rp.replay(
            plan,
            [
                rp.OutstandingChanged(on="2010-01-04", outstanding=1_000),
                rp.Acquisition(on="2010-02-01", holder="A Fund", shares=150),
                rp.Disposition(on="2010-03-01", holder="A Fund", shares=140),
            ],
        )
        found = history.status_of("A Fund", on="2010-03-01")
        again = rp.assess(
            plan,
            rp.Position("A Fund", 10, 1_000),
            on="2010-03-01",
            standing=history.standing("A Fund", on="2010-03-01"),
        )
        assert (
            (again.status, again.reason)
            == (found.status, found.reason)
            == (
                UNCERTAIN,
                found.reason,
            )
        )

    def test_history_exits_zero_with_possible_triggers(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`rightsplan history` lists possible triggers apart and exits 0.

        As check does for UNCERTAIN: only a certain trigger exits 1.
        """
        path = write(tmp_path, candela())
        events = tmp_path / "events.csv"
        events.write_text(
            "event,date,holder,shares,outstanding\n"
            "outstanding-changed,1999-01-04,,,100000\n"
            "acquisition,1999-01-04,A Fund,12000,\n",
            "utf-8",
        )
        assert main(["history", str(path), str(events), "--format", "json"]) == 0
        record = json.loads(capsys.readouterr().out)
        assert record["triggers"] == []
        (possible,) = record["possible_triggers"]
        assert possible["holder"] == "A Fund" and possible["on"] == "1999-01-04"
        assert "the general threshold is unknown" in possible["unknown"]
        assert main(["history", str(path), str(events)]) == 0
        assert "Possible triggers (uncertain" in capsys.readouterr().out


def write(tmp_path: Path, plan: rp.Plan, fmt: str = "toml") -> Path:
    path = tmp_path / f"plan.{fmt}"
    path.write_text(dumps_plan(plan, fmt), "utf-8")  # type: ignore[arg-type]
    return path


class TestPlanFiles:
    @pytest.mark.parametrize("fmt", ["toml", "yaml", "json"])
    @pytest.mark.parametrize(
        "build", [candela, lambda: enzon(through=5), lambda: sotheby(meeting=None)]
    )
    def test_round_trip(self, fmt: str, build: object) -> None:
        """A plan with unknown terms reads back from its file exactly, in every format."""
        plan = build()  # type: ignore[operator]
        assert loads_plan(dumps_plan(plan, fmt), fmt) == plan  # type: ignore[arg-type]

    def test_toml_spelling(self) -> None:
        """TOML writes an unknown as "unknown" or an inline table with unknown = true."""
        text = dumps_plan(enzon(through=3), "toml")
        assert 'percent = {unknown = true, reason = "not quoted in the filings at hand"}' in text
        assert "date = {unknown = true, on_or_after = 2025-08-13, reason = " in text

    def test_plain_unknown(self) -> None:
        """`percent = "unknown"` reads as a fully unknown threshold."""
        text = (
            '[agreement]\ncompany = "X"\ndated = 2000-01-01\n[[agreement.provisions]]\n'
            'kind = "set-threshold"\npercent = "unknown"\n'
        )
        plan = loads_plan(text, "toml")
        assert plan.agreement.provisions[0] == rp.SetThreshold(
            percent=UnknownPercent(), comparison=None
        )

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            (
                '{unknown = false, at_least = "10"}',
                "percent.unknown: a table here describes an unknown term",
            ),
            ("{unknown = true, at_least = true}", "percent.at_least: expected a percentage"),
            ('{unknown = true, atleast = "10"}', "percent: unknown key 'atleast'"),
            (
                '{unknown = true, at_least = "30", at_most = "20"}',
                "percent.at_least: 30 is more than at_most",
            ),
            ('"unknwn"', "percent: expected a percentage"),
        ],
    )
    def test_bad_unknowns_name_the_field(self, value: str, message: str) -> None:
        """A bad unknown is an error naming the file, the field path and what was expected."""
        text = (
            '[agreement]\ncompany = "X"\ndated = 2000-01-01\n[[agreement.provisions]]\n'
            f'kind = "set-threshold"\npercent = {value}\n'
        )
        with pytest.raises(rp.PlanFileError) as caught:
            loads_plan(text, "toml", name="plan.toml")
        assert f"plan.toml: agreement.provisions[0].{message}" in str(caught.value)


class TestCli:
    def test_terms_prints_unknowns(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`rightsplan terms` prints an unknown expiry as "unknown (on or after ...)"."""
        path = write(tmp_path, enzon(through=3))
        assert main(["terms", str(path)]) == 0
        out = capsys.readouterr().out
        assert "Final Expiration Date: unknown (on or after 2025-08-13)" in out
        assert "General rule: unknown" in out

    def test_terms_on_a_day_in_the_window(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`rightsplan terms --on` a day an unknown expiry decides says so, then the terms."""
        path = write(tmp_path, enzon(through=3))
        assert main(["terms", str(path), "--on", "2025-09-01"]) == 0
        out = capsys.readouterr().out
        assert "whether the plan is still in force is unknown" in out

    def test_check_uncertain_exits_zero(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`rightsplan check` reports UNCERTAIN and exits 0: nothing is known to trigger."""
        path = write(tmp_path, candela())
        holdings = tmp_path / "holdings.csv"
        holdings.write_text("holder,shares,outstanding\nA Fund,12000,100000\n", "utf-8")
        status_code = main(
            ["check", str(path), str(holdings), "--on", "1999-01-01", "--format", "json"]
        )
        rows = json.loads(capsys.readouterr().out)
        assert status_code == 0
        assert rows[0]["status"] == "uncertain"


# --- properties -------------------------------------------------------------------------------

FAR = pendulum.Date(2100, 1, 1)
"""The latest Final Expiration Date substituted for an unknown one without an upper bound."""


def _day(draw: st.DrawFn, plan: rp.Plan) -> pendulum.Date:
    return draw(testing.dates(plan.agreement.dated, testing.MAX_DATE))


@st.composite
def cases(
    draw: st.DrawFn, *, focus: bool = False
) -> tuple[rp.Plan, rp.Plan, rp.Position, pendulum.Date]:
    """A plan with unknowns, its concrete twin, and a holding on a day, often where it matters.

    Half the time the day falls where an unknown expiry decides (if there is such a window)
    and the holding between an unknown threshold's bounds (if unknown that day); with
    ``focus``, always where there is such a place.
    """
    unknown, concrete = draw(testing.plans_with_unknowns())
    if focus:
        assume(unknown.unknowns())
    day = _day(draw, concrete)
    windows = [p for p in unknown.timeline() if p.in_force is None]
    in_window = focus or draw(st.booleans())
    if windows and in_window:
        window = draw(st.sampled_from(windows))
        day = draw(testing.dates(window.start, window.end or testing.MAX_DATE))
    position = draw(testing.positions(concrete, on=day))
    general = unknown.terms_at(day).general
    between = focus or draw(st.booleans())
    if isinstance(general, rp.terms.UnknownLimit) and between:
        outstanding = position.outstanding
        low = (general.percent.at_least or Fraction(0)) * outstanding / 100
        high = (general.percent.at_most or Fraction(100)) * outstanding / 100
        first, last = math.floor(low), math.ceil(high)
        shares = draw(st.integers(max(first, 0), min(last, outstanding)))
        position = attrs.evolve(
            position, shares=shares, rights_to_acquire=0, rights_to_acquire_later=0, derivatives=0
        )
    return unknown, concrete, position, day


def _same(found: rp.Assessment, other: rp.Assessment) -> None:
    """``other`` (a substitution's answer) agrees with ``found``, an answer not UNCERTAIN."""
    if found.status is rp.Status.WARNING:
        # Near some possible limit: a substitution is near it (WARNING) or below (CLEAR).
        assert other.status in (rp.Status.WARNING, rp.Status.CLEAR)
        return
    assert other.status is found.status, (found.explain(), other.explain())
    if found.max_shares is not None:
        assert other.max_shares == found.max_shares
        assert other.headroom == found.headroom


def _extremes(plan: rp.Plan, outstanding: int) -> list[rp.Plan]:
    """``plan`` at the corners of its unknowns: strictest or most generous, earliest or latest."""
    proofs = testing.expiry_proofs(plan)
    passive = next(
        (p.threshold for p in plan.agreement.provisions if isinstance(p, rp.SetPassiveTier)), None
    )

    def strictest(change: rp.SetThreshold) -> rp.Threshold:
        bounds = change.percent
        assert isinstance(bounds, UnknownPercent)
        comparison = change.comparison or AT_LEAST
        low = bounds.at_least
        if low is None:  # crossed by one share
            one = Fraction(100, outstanding) / (1 if comparison is AT_LEAST else 2)
            low = min(one, bounds.at_most or Fraction(100))
        return rp.Threshold(low, comparison)

    def generous(change: rp.SetThreshold) -> rp.Threshold:
        bounds = change.percent
        assert isinstance(bounds, UnknownPercent)
        most = rp.Threshold(bounds.at_most or Fraction(100), change.comparison or MORE_THAN)
        return most if passive is None else min(most, passive, key=rp.Threshold.sort_key)

    def earliest(bounds: UnknownDate, on: pendulum.Date) -> pendulum.Date:
        return max(bounds.on_or_after or on, on, proofs[on])

    def latest(bounds: UnknownDate, on: pendulum.Date) -> pendulum.Date:
        return bounds.on_or_before or FAR

    found = []
    for threshold in (strictest, generous):
        for date in (earliest, latest):
            try:
                found.append(testing.known_plan(plan, threshold=threshold, date=date))
            except rp.PlanHistoryError:
                continue
    return found


class TestProperties:
    @given(testing.plans_with_unknowns(), st.sampled_from(["toml", "yaml", "json"]))
    def test_round_trip(self, plans: tuple[rp.Plan, rp.Plan], fmt: str) -> None:
        """Every plan with unknown terms reads back from its file exactly."""
        unknown, _ = plans
        assert loads_plan(dumps_plan(unknown, fmt), fmt) == unknown  # type: ignore[arg-type]

    @given(cases(), st.data())
    def test_exact_answers_hold_for_every_value(
        self, case: tuple[rp.Plan, rp.Plan, rp.Position, pendulum.Date], data: st.DataObject
    ) -> None:
        """An answer not UNCERTAIN is the answer of any substitution within the bounds."""
        unknown, concrete, position, day = case
        found = rp.assess(unknown, position, on=day)
        assume(found.status is not UNCERTAIN)
        _same(found, rp.assess(concrete, position, on=day))
        substituted = data.draw(testing.substitutions(unknown))
        _same(found, rp.assess(substituted, position, on=day))

    @given(cases(focus=True))
    def test_uncertainty_is_real(
        self, case: tuple[rp.Plan, rp.Plan, rp.Position, pendulum.Date]
    ) -> None:
        """An UNCERTAIN answer has substitutions within the bounds that answer differently."""
        unknown, _, position, day = case
        found = rp.assess(unknown, position, on=day)
        event(found.status.value)  # --hypothesis-show-statistics: how often it is UNCERTAIN
        if found.status is not UNCERTAIN:
            return
        statuses = {
            rp.assess(plan, position, on=day).status
            for plan in _extremes(unknown, position.outstanding)
        }
        assert len(statuses) > 1, (found.explain(), statuses)

    @given(cases())
    def test_no_unknown_no_change(
        self, case: tuple[rp.Plan, rp.Plan, rp.Position, pendulum.Date]
    ) -> None:
        """A plan without unknowns answers as it always did: never UNCERTAIN for a Position."""
        _, concrete, position, day = case
        assert rp.assess(concrete, position, on=day).status is not UNCERTAIN


def test_a_decimal_bound_in_toml_is_read_exactly(tmp_path: Path) -> None:
    """A bound written as a TOML decimal literal (at_least = 10.5) is read exactly, as text is."""
    path = tmp_path / "plan.toml"
    path.write_text(
        '[agreement]\ncompany = "Example Corp"\ndated = 2000-01-01\n\n'
        "[[agreement.provisions]]\n"
        'kind = "set-threshold"\npercent = {unknown = true, at_least = 10.5, at_most = "20"}\n',
        encoding="utf-8",
    )
    general = rp.load_plan(path).terms_at("2000-01-01").general
    assert isinstance(general, rp.terms.UnknownLimit)
    assert general.percent.at_least == Fraction(21, 2)


# --- every path: histories and screens with unknowns ------------------------------------------

HOLDERS = ("Alpha Capital", "Beta Partners LP", "Gamma Holdings")
TINY = Fraction(1, 10**12)
"""The strictest threshold substituted where an unknown one has no lower bound: crossed by
one share of any count of shares outstanding a ledger draws (at most 10**9), as the
rulebook's own extreme (one share) is."""


@st.composite
def unknown_histories(draw: st.DrawFn) -> tuple[rp.Plan, rp.Ledger]:
    """A plan adopted on the ledgers' first day with unknown terms, and a trading ledger.

    The general threshold is unknown (bounds present or not, the wording maybe unknown);
    an amendment may state it later; the Final Expiration Date may be unknown, on or after
    a day within the ledger's reach; the status sticks or not.
    """
    value = draw(testing.thresholds(Fraction(1), Fraction(40)))
    start = testing.LEDGER_START
    provisions: list[rp.Change] = [
        rp.SetThreshold(
            percent=draw(testing.unknown_percents(value.percent)),
            comparison=draw(st.sampled_from([value.comparison, None])),
        ),
        rp.SetOwnershipRules(sticky=draw(st.booleans())),
    ]
    amendments = []
    stated = draw(st.none() | st.integers(1, 400))
    if stated is not None:
        known = draw(testing.thresholds(Fraction(1), Fraction(40)))
        amendments.append(
            rp.Amendment(
                number=1,
                executed=start.add(days=stated),
                changes=[rp.SetThreshold(percent=known.percent, comparison=known.comparison)],
            )
        )
    expiry = draw(st.none() | st.integers(max(stated or 0, 1), 600))
    if expiry is not None:
        low = start.add(days=expiry)
        high = draw(st.none() | st.integers(0, 200).map(low.add))
        provisions.append(rp.SetExpiration(date=UnknownDate(on_or_after=low, on_or_before=high)))
    agreement = rp.RightsAgreement(company="Example Corp", dated=start, provisions=provisions)
    ledger = draw(testing.ledgers(holders=HOLDERS, kinds=testing.TRADING_EVENTS))
    return rp.Plan(agreement, amendments), ledger


def history_days(plan: rp.Plan, ledger: rp.Ledger) -> list[pendulum.Date]:
    """Every day something happened, or a period of the plan began."""
    days = {event.on for event in ledger.events}
    days.update(period.start for period in plan.timeline())
    return sorted(days)


def corners(plan: rp.Plan) -> list[rp.Plan]:
    """``plan`` at the corners of its unknowns: strictest or most generous, earliest or latest."""

    def strictest(change: rp.SetThreshold) -> rp.Threshold:
        bounds = change.percent
        assert isinstance(bounds, UnknownPercent)
        low = bounds.at_least if bounds.at_least is not None else TINY
        return rp.Threshold(low, change.comparison or AT_LEAST)

    def generous(change: rp.SetThreshold) -> rp.Threshold:
        bounds = change.percent
        assert isinstance(bounds, UnknownPercent)
        return rp.Threshold(bounds.at_most or Fraction(100), change.comparison or MORE_THAN)

    def earliest(bounds: UnknownDate, on: pendulum.Date) -> pendulum.Date:
        return max(bounds.on_or_after or on, on)

    def latest(bounds: UnknownDate, on: pendulum.Date) -> pendulum.Date:
        return bounds.on_or_before or FAR

    return [
        testing.known_plan(plan, threshold=threshold, date=date)
        for threshold in (strictest, generous)
        for date in (earliest, latest)
    ]


def not_over(status: rp.Status) -> rp.Status:
    """A status with WARNING read as CLEAR: warning lines are advice, not the answer."""
    return rp.Status.CLEAR if status is rp.Status.WARNING else status


class TestEveryPath:
    @settings(max_examples=60, deadline=None)
    @given(unknown_histories())
    def test_history_agrees_with_assess(self, case: tuple[rp.Plan, rp.Ledger]) -> None:
        """(a) Every day of a history, rp.assess with the replay's standing says the same.

        UNCERTAIN included, with the same reason, limit, max shares and headroom.
        """
        plan, ledger = case
        history = rp.replay(plan, ledger)
        for name in history.holders():
            for day in history_days(plan, ledger):
                found = history.status_of(name, on=day)
                event(found.status.value)
                if found.counted is None or found.status is rp.Status.INACTIVE:
                    continue
                position = rp.Position(
                    name, found.counted.shares, found.counted.outstanding, passive=found.passive
                )
                assessed = rp.assess(
                    plan, position, on=day, standing=history.standing(name, on=day)
                )
                assert (
                    assessed.status,
                    assessed.limit,
                    assessed.max_shares,
                    assessed.headroom,
                    assessed.reason,
                ) == (found.status, found.limit, found.max_shares, found.headroom, found.reason), (
                    name,
                    day,
                )

    @settings(max_examples=60, deadline=None)
    @given(unknown_histories(), st.data())
    def test_history_exact_answers_hold_for_every_value(
        self, case: tuple[rp.Plan, rp.Ledger], data: st.DataObject
    ) -> None:
        """(b) A history's answer not UNCERTAIN is that of any value drawn within the bounds.

        Warnings aside (CLEAR and WARNING are both "not over"); after each of its certain
        triggers, the substituted holder is an Acquiring Person too (perhaps from earlier).
        """
        plan, ledger = case
        history = rp.replay(plan, ledger)
        substituted = data.draw(testing.substitutions(plan))
        other = rp.replay(substituted, ledger)
        for name in history.holders():
            for day in history_days(plan, ledger):
                found = history.status_of(name, on=day).status
                if found is UNCERTAIN:
                    continue
                got = other.status_of(name, on=day).status
                assert not_over(got) == not_over(found), (name, day, found, got)
        for trigger in history.triggers():
            # Certain: the substituted holder is one by then (it may have become one earlier).
            assert any(t.label == trigger.label and t.on <= trigger.on for t in other.triggers())

    @settings(max_examples=60, deadline=None)
    @given(unknown_histories())
    def test_history_uncertainty_is_real(self, case: tuple[rp.Plan, rp.Ledger]) -> None:
        """(c) Where a history says UNCERTAIN, values within the bounds give different answers."""
        plan, ledger = case
        history = rp.replay(plan, ledger)
        uncertain = [
            (name, day)
            for name in history.holders()
            for day in history_days(plan, ledger)
            if history.status_of(name, on=day).status is UNCERTAIN
        ]
        event("uncertain" if uncertain else "exact throughout")
        if not uncertain:
            return
        others = [rp.replay(corner, ledger) for corner in corners(plan)]
        for name, day in uncertain:
            statuses = {not_over(h.status_of(name, on=day).status) for h in others}
            assert len(statuses) > 1, (name, day, history.status_of(name, on=day).reason)

    @settings(max_examples=40, deadline=None)
    @given(st.lists(testing.plans_with_unknowns(), min_size=1, max_size=3), st.data())
    def test_screen_agrees_with_assess(
        self, pairs: list[tuple[rp.Plan, rp.Plan]], data: st.DataObject
    ) -> None:
        """(a) Screen gives rp.assess's verdict and reason row for row, UNCERTAIN included.

        (b) Its exact rows are those of a screen with values drawn within the bounds; (c) its
        UNCERTAIN rows differ between the corners of the bounds.
        """
        pl = pytest.importorskip("polars")
        plans = {f"P{index}": unknown for index, (unknown, _) in enumerate(pairs)}
        concrete = {f"P{index}": known for index, (_, known) in enumerate(pairs)}
        rows = []
        for _ in range(data.draw(st.integers(1, 10))):
            issuer = data.draw(st.sampled_from(sorted(plans)))
            case = data.draw(cases_for(plans[issuer], concrete[issuer]))
            rows.append((issuer, *case))
        frame = pl.DataFrame(
            {
                "issuer": [r[0] for r in rows],
                "holder": [r[1].holder for r in rows],
                "date": [r[2] for r in rows],
                "shares": [r[1].shares for r in rows],
                "outstanding": [r[1].outstanding for r in rows],
                "passive": [r[1].passive for r in rows],
                "kind": [r[1].kind.value for r in rows],
            },
            schema_overrides={"date": pl.Date},
        )
        result = rp.screen(plans, frame)
        bare = [
            (i, rp.Position(p.holder, p.shares, p.outstanding, passive=p.passive, kind=p.kind), d)
            for i, p, d in rows
        ]
        assessed = [rp.assess(plans[i], p, on=d) for i, p, d in bare]
        statuses = [rp.Status(s) for s in result["status"].cast(str).to_list()]
        assert statuses == [a.status for a in assessed]
        reasons = result["reason"].to_list() if "reason" in result.columns else [None] * len(rows)
        for reason, found in zip(reasons, assessed, strict=True):
            assert reason is None or reason == found.reason
            if found.status is UNCERTAIN:
                assert reason == found.reason
        substituted = {i: data.draw(testing.substitutions(p)) for i, p in plans.items()}
        other = rp.screen(substituted, frame)["status"].cast(str).to_list()
        for status, got in zip(statuses, other, strict=True):
            if status is not UNCERTAIN:
                assert not_over(rp.Status(got)) == not_over(status)
        for index, status in enumerate(statuses):
            if status is not UNCERTAIN:
                continue
            issuer, position, day = bare[index]
            seen = {
                rp.assess(corner, position, on=day).status
                for corner in _extremes(plans[issuer], position.outstanding)
            }
            assert len(seen) > 1


@st.composite
def cases_for(
    draw: st.DrawFn, unknown: rp.Plan, concrete: rp.Plan
) -> tuple[rp.Position, pendulum.Date]:
    """A holding on a day of ``unknown``'s, often in an unknown window or between bounds."""
    day = _day(draw, concrete)
    windows = [p for p in unknown.timeline() if p.in_force is None]
    in_window: bool = draw(st.booleans())
    if windows and in_window:
        window = draw(st.sampled_from(windows))
        day = draw(testing.dates(window.start, window.end or testing.MAX_DATE))
    position = draw(testing.positions(concrete, on=day))
    position = attrs.evolve(position, rights_to_acquire=0, rights_to_acquire_later=0, derivatives=0)
    general = unknown.terms_at(day).general if day >= unknown.agreement.dated else None
    if isinstance(general, rp.terms.UnknownLimit) and draw(st.booleans()):
        outstanding = position.outstanding
        low = (general.percent.at_least or Fraction(0)) * outstanding / 100
        high = (general.percent.at_most or Fraction(100)) * outstanding / 100
        shares = draw(st.integers(max(math.floor(low), 0), min(math.ceil(high), outstanding)))
        position = attrs.evolve(position, shares=shares)
    return position, day
