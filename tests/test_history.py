"""A plan and an ownership ledger replayed together: status over time, triggers, the clock."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

import rightsplan as rp

AT_LEAST = rp.Comparison.AT_LEAST
MORE_THAN = rp.Comparison.MORE_THAN


def plan(*provisions: rp.Change, amendments: tuple[rp.Amendment, ...] = ()) -> rp.Plan:
    agreement = rp.RightsAgreement(
        company="Example Corp",
        dated="2010-01-04",
        provisions=(
            rp.SetThreshold(percent=10, comparison=AT_LEAST, section="Section 1(a)"),
            *rp.standard_exempt_persons(),
            *provisions,
        ),
    )
    return rp.Plan(agreement, amendments)


def start(outstanding: int = 1000) -> list[rp.Event]:
    return [rp.OutstandingChanged(on="2010-01-04", outstanding=outstanding)]


def status(history: rp.History, holder: str, on: str) -> rp.Status:
    return history.status_of(holder, on=on).status


class TestInnotrac:
    """Innotrac's real sequence in 2003, with and without an inadvertence determination."""

    plan = rp.examples.innotrac()
    events: tuple[rp.Event, ...] = (
        rp.OutstandingChanged(on="2003-07-31", outstanding=11_564_730, source="10-Q"),
        rp.PositionReported(on="2003-08-01", holder="IPOF Group", shares=2_362_788, passive=True),
        rp.OutstandingChanged(on="2003-11-20", outstanding=11_572_314),
        rp.PositionReported(on="2003-11-20", holder="IPOF Group", shares=2_800_500),
    )

    def test_without_a_determination_ipof_is_an_acquiring_person(self) -> None:
        """Crossing 15% or more in August makes IPOF an Acquiring Person, and it sticks."""
        history = rp.replay(self.plan, self.events)
        (trigger,) = history.triggers()
        assert trigger.on == pendulum.Date(2003, 8, 1)
        assert trigger.limit.threshold == rp.Threshold(15, AT_LEAST)
        assert trigger.clock.assumed
        assert trigger.clock.distribution_date == pendulum.Date(2003, 8, 15)
        for day in ("2003-08-01", "2003-08-14", "2003-11-24"):
            assert status(history, "IPOF Group", day) is rp.Status.TRIGGERED
        assert history.status_of("IPOF Group", on="2003-12-01").acquiring_person_since == (
            pendulum.Date(2003, 8, 1)
        )

    def test_amendments_favouring_an_acquiring_person_are_flagged(self) -> None:
        """Amendments No. 2 and No. 3 loosen IPOF's limit after it triggered: two warnings."""
        warnings = rp.replay(self.plan, self.events).warnings
        assert len(warnings) == 2
        assert warnings[0].startswith("Amendment No. 2 (2003-08-14) loosens the terms for IPOF")
        assert "15% or more becomes more than 25%" in warnings[0]

    def test_inadvertence_cured_by_amendment_two(self) -> None:
        """With a determination, Amendment No. 2 lifts IPOF's limit before the deadline: cured."""
        determination = rp.InadvertenceDetermination(
            on="2003-08-05", holder="IPOF Group", divest_by="2003-09-30"
        )
        history = rp.replay(self.plan, (*self.events, determination))
        assert history.triggers() == ()
        assert history.warnings == ()
        assert status(history, "IPOF Group", "2003-08-01") is rp.Status.EXCUSED
        assert status(history, "IPOF Group", "2003-08-14") is rp.Status.CLEAR
        assert status(history, "IPOF Group", "2003-11-20") is rp.Status.WARNING
        assert status(history, "IPOF Group", "2003-11-24") is rp.Status.CLEAR
        assert history.headroom("IPOF Group", on="2003-11-24") == 1_828_425
        assert history.first_crossing("IPOF Group") == pendulum.Date(2003, 8, 1)

    def test_inadvertence_not_cured_in_time(self) -> None:
        """With a deadline before Amendment No. 2, IPOF is an Acquiring Person from its crossing."""
        determination = rp.InadvertenceDetermination(
            on="2003-08-05", holder="IPOF Group", divest_by="2003-08-10"
        )
        history = rp.replay(self.plan, (*self.events, determination))
        (trigger,) = history.triggers()
        assert trigger.on == pendulum.Date(2003, 8, 1)
        assert "not cured by 2003-08-10" in trigger.cause
        assert status(history, "IPOF Group", "2003-08-05") is rp.Status.TRIGGERED


class TestBuybacks:
    def test_buyback_alone_does_not_trigger(self) -> None:
        """Pushed over 10% by a buyback: EXCUSED; the next acquisition triggers."""
        events = [
            *start(1000),
            rp.Acquisition(on="2010-02-01", holder="Fund", shares=95),
            rp.OutstandingChanged(on="2010-03-01", outstanding=900, reason="buyback"),
            rp.Acquisition(on="2010-04-01", holder="Fund", shares=1),
        ]
        history = rp.replay(plan(), events)
        assert status(history, "Fund", "2010-02-01") is rp.Status.WARNING
        assert status(history, "Fund", "2010-03-01") is rp.Status.EXCUSED
        assert status(history, "Fund", "2010-04-01") is rp.Status.TRIGGERED
        (trigger,) = history.triggers()
        assert trigger.cause == "acquired more shares while over the line after a buyback"

    def test_buyback_tolerance(self) -> None:
        """A plan's tolerance lets a holder over by buyback add up to that many points."""
        rules = rp.SetOwnershipRules(buyback_tolerance="1")
        events = [
            *start(1000),
            rp.Acquisition(on="2010-02-01", holder="Fund", shares=95),
            rp.OutstandingChanged(on="2010-03-01", outstanding=900, reason="buyback"),
            rp.Acquisition(on="2010-04-01", holder="Fund", shares=9),
            rp.Acquisition(on="2010-05-01", holder="Fund", shares=1),
        ]
        history = rp.replay(plan(rules), events)
        assert status(history, "Fund", "2010-04-01") is rp.Status.EXCUSED  # 9 of 900 = 1%
        assert status(history, "Fund", "2010-05-01") is rp.Status.TRIGGERED

    def test_falling_below_ends_the_carve_out(self) -> None:
        """Back under the line, the holder is an ordinary holder again."""
        events = [
            *start(1000),
            rp.Acquisition(on="2010-02-01", holder="Fund", shares=95),
            rp.OutstandingChanged(on="2010-03-01", outstanding=900, reason="buyback"),
            rp.Disposition(on="2010-03-15", holder="Fund", shares=10),
            rp.Acquisition(on="2010-04-01", holder="Fund", shares=4),
        ]
        history = rp.replay(plan(), events)
        assert status(history, "Fund", "2010-03-15") is rp.Status.WARNING
        assert status(history, "Fund", "2010-04-01") is rp.Status.WARNING  # 89 of 900


class TestGrandfathering:
    def events(self) -> list[rp.Event]:
        """A holder at 12% since before the plan."""
        return [
            rp.OutstandingChanged(on="2009-06-01", outstanding=1000),
            rp.Acquisition(on="2009-06-01", holder="Old Holder", shares=120),
        ]

    def test_holders_over_at_adoption_are_grandfathered(self) -> None:
        """Over 10% before the plan: not an Acquiring Person by the adoption itself."""
        history = rp.replay(plan(), self.events())
        assert status(history, "Old Holder", "2010-01-04") is rp.Status.EXCUSED
        assert history.triggers() == ()

    def test_any_additional_share_triggers_by_default(self) -> None:
        """Without a stated tolerance, one more share makes it an Acquiring Person."""
        events = [*self.events(), rp.Acquisition(on="2010-05-01", holder="Old Holder", shares=1)]
        history = rp.replay(plan(), events)
        assert status(history, "Old Holder", "2010-05-01") is rp.Status.TRIGGERED

    def test_percentage_point_tolerance(self) -> None:
        """A tolerance of more than 0.5% additional: 5 more shares of 1,000 pass, 6 do not."""
        rules = rp.SetGrandfathering(tolerance_percent="0.5", tolerance_comparison=MORE_THAN)
        events = [*self.events(), rp.Acquisition(on="2010-05-01", holder="Old Holder", shares=5)]
        assert status(rp.replay(plan(rules), events), "Old Holder", "2010-05-01") is (
            rp.Status.EXCUSED
        )
        events.append(rp.Acquisition(on="2010-06-01", holder="Old Holder", shares=1))
        assert status(rp.replay(plan(rules), events), "Old Holder", "2010-06-01") is (
            rp.Status.TRIGGERED
        )

    def test_lowest_since_uses_up_the_allowance(self) -> None:
        """0.5 points over the lowest since: selling 10 and buying 10 back triggers."""
        lowest = rp.SetGrandfathering(
            measured_from=rp.GrandfatherBase.LOWEST_SINCE,
            tolerance_percent="0.5",
            tolerance_comparison=MORE_THAN,
        )
        events = [
            *self.events(),
            rp.Disposition(on="2010-03-01", holder="Old Holder", shares=10),
            rp.Acquisition(on="2010-04-01", holder="Old Holder", shares=10),
        ]
        assert status(rp.replay(plan(lowest), events), "Old Holder", "2010-04-01") is (
            rp.Status.TRIGGERED
        )
        at_cutoff = rp.SetGrandfathering(tolerance_percent="0.5", tolerance_comparison=MORE_THAN)
        assert status(rp.replay(plan(at_cutoff), events), "Old Holder", "2010-04-01") is (
            rp.Status.EXCUSED
        )

    def test_footstar_any_additional_share_after_selling(self) -> None:
        """By default (Footstar 2009) selling 10 and buying 1 back while over triggers."""
        events = [
            *self.events(),
            rp.Disposition(on="2010-03-01", holder="Old Holder", shares=10),
            rp.Acquisition(on="2010-04-01", holder="Old Holder", shares=1),
        ]
        history = rp.replay(plan(), events)
        assert status(history, "Old Holder", "2010-03-01") is rp.Status.EXCUSED
        assert history.headroom("Old Holder", on="2010-03-01") == 0
        assert status(history, "Old Holder", "2010-04-01") is rp.Status.TRIGGERED
        (trigger,) = history.triggers()
        assert trigger.cause == "a grandfathered holder acquired additional shares"

    def test_cap(self) -> None:
        """A grandfathered holder may never cross the cap, tolerance or not."""
        rules = rp.SetGrandfathering(
            tolerance_percent="5",
            tolerance_comparison=MORE_THAN,
            cap_percent=13,
            cap_comparison=AT_LEAST,
        )
        events = [*self.events(), rp.Acquisition(on="2010-05-01", holder="Old Holder", shares=10)]
        assert status(rp.replay(plan(rules), events), "Old Holder", "2010-05-01") is (
            rp.Status.TRIGGERED
        )

    def test_lapse_below_threshold(self) -> None:
        """Where the plan says so, falling below the threshold ends the grandfathering."""
        rules = rp.SetGrandfathering(lapses_below_threshold=True)
        events = [
            *self.events(),
            rp.Disposition(on="2010-03-01", holder="Old Holder", shares=40),
            rp.Acquisition(on="2010-04-01", holder="Old Holder", shares=25),
        ]
        history = rp.replay(plan(rules), events)
        assert status(history, "Old Holder", "2010-03-01") is rp.Status.CLEAR
        assert status(history, "Old Holder", "2010-04-01") is rp.Status.TRIGGERED

    def test_lowering_the_threshold_grandfathers(self) -> None:
        """An amendment from 15% to 4.99% grandfathers holders already between the two."""
        lowered = rp.Amendment(
            number=1,
            executed="2012-01-02",
            changes=[rp.SetThreshold(percent="4.99", comparison=AT_LEAST)],
        )
        base = rp.RightsAgreement(
            company="NOL Corp",
            dated="2010-01-04",
            provisions=[rp.SetThreshold(percent=15, comparison=AT_LEAST)],
        )
        events = [*start(1000), rp.Acquisition(on="2011-01-03", holder="Fund", shares=60)]
        history = rp.replay(rp.Plan(base, [lowered]), events)
        assert status(history, "Fund", "2011-06-01") is rp.Status.CLEAR
        standing = history.status_of("Fund", on="2012-01-02")
        assert standing.status is rp.Status.EXCUSED
        assert "grandfathered since 2012-01-02" in standing.reason

    def test_a_second_lowering_grandfathers_a_formerly_grandfathered_holder_afresh(
        self,
    ) -> None:
        """Lowered, raised, lowered again: grandfathered anew like anyone, not as by a buyback."""
        lowered = [
            rp.SetThreshold(percent="4.99", comparison=AT_LEAST),
            rp.SetGrandfathering(tolerance_percent="0.5", tolerance_comparison=AT_LEAST),
        ]
        amendments = (
            rp.Amendment(number=1, executed="2012-01-03", changes=lowered),
            rp.Amendment(
                number=2,
                executed="2012-06-01",
                changes=[rp.SetThreshold(percent=15, comparison=AT_LEAST)],
            ),
            rp.Amendment(
                number=3,
                executed="2012-09-04",
                changes=[rp.SetThreshold(percent="4.99", comparison=AT_LEAST)],
            ),
        )
        base = rp.RightsAgreement(
            company="NOL Corp",
            dated="2010-01-04",
            provisions=[rp.SetThreshold(percent=15, comparison=AT_LEAST)],
        )
        events = [
            *start(10_000_000),
            rp.Acquisition(on="2011-01-03", holder="Old", shares=610_000),
            rp.Acquisition(on="2011-01-03", holder="New", shares=1_000_000),
            rp.Acquisition(on="2012-07-02", holder="Old", shares=390_000),
        ]
        history = rp.replay(rp.Plan(base, amendments), events)
        assert history.triggers() == ()
        old, new = (history.status_of(h, on="2012-09-04") for h in ("Old", "New"))
        assert isinstance(old.standing, rp.Grandfathered)
        assert old.standing.since == pendulum.Date(2012, 9, 4)
        assert (
            (old.status, old.max_shares, old.headroom)
            == (
                new.status,
                new.max_shares,
                new.headroom,
            )
            == (rp.Status.EXCUSED, 1_049_999, 49_999)
        )


class TestActivity:
    def test_turning_active_crosses_the_lower_tier_without_buying(self) -> None:
        """A 15% passive holder under a 10%/20% plan triggers by filing a 13D."""
        two_tier = plan(rp.SetPassiveTier(percent=20, comparison=AT_LEAST))
        events = [
            *start(1000),
            rp.PositionReported(on="2010-02-01", holder="Index Fund", shares=150, passive=True),
            rp.PassivityChanged(on="2010-03-01", holder="Index Fund", passive=False),
        ]
        history = rp.replay(two_tier, events)
        assert status(history, "Index Fund", "2010-02-01") is rp.Status.CLEAR
        assert status(history, "Index Fund", "2010-03-01") is rp.Status.TRIGGERED
        assert history.triggers()[0].cause == "turned active (no longer passive)"


class TestGroups:
    def test_a_group_owns_its_members_shares_once(self) -> None:
        """Three 4% holders forming a group hold 12%: each becomes an Acquiring Person."""
        events = [
            *start(1000),
            *(rp.Acquisition(on="2010-02-01", holder=h, shares=40) for h in "ABC"),
            rp.GroupFormed(on="2010-03-01", group="ABC Group", members=["A", "B", "C"]),
        ]
        history = rp.replay(plan(), events)
        for holder in ("A", "B", "C", "ABC Group"):
            standing = history.status_of(holder, on="2010-03-01")
            assert standing.status is rp.Status.TRIGGERED
            assert standing.counted == rp.Counted(120, 1000)
        (trigger,) = history.triggers()
        assert trigger.holders == ("A", "B", "C")
        assert trigger.cause == "formed a group"

    def test_daisy_chain(self) -> None:
        """A acts with B and B with C: A, B and C are assessed together."""
        events = [
            *start(1000),
            *(rp.Acquisition(on="2010-02-01", holder=h, shares=40) for h in "ABC"),
            rp.GroupFormed(on="2010-03-01", group="A+B", members=["A", "B"]),
            rp.GroupFormed(on="2010-03-01", group="B+C", members=["B", "C"]),
        ]
        history = rp.replay(plan(), events)
        assert history.status_of("C", on="2010-03-01").counted == rp.Counted(120, 1000)

    def test_affiliates_count_together(self) -> None:
        """A holder and its Affiliate are assessed on their combined holding."""
        events = [
            *start(1000),
            rp.Acquisition(on="2010-02-01", holder="Parent", shares=60),
            rp.Acquisition(on="2010-02-01", holder="Subsidiary Fund", shares=30),
            rp.Affiliated(on="2010-02-01", holder="Parent", affiliate="Subsidiary Fund"),
        ]
        standing = rp.replay(plan(), events).status_of("Parent", on="2010-02-01")
        assert standing.status is rp.Status.WARNING
        assert standing.counted == rp.Counted(90, 1000)

    def test_dissolution(self) -> None:
        """After the group dissolves its members are assessed alone again."""
        events = [
            *start(1000),
            *(rp.Acquisition(on="2010-02-01", holder=h, shares=30) for h in "AB"),
            rp.GroupFormed(on="2010-03-01", group="AB", members=["A", "B"]),
            rp.GroupDissolved(on="2010-04-01", group="AB"),
        ]
        history = rp.replay(plan(), events)
        assert history.status_of("A", on="2010-03-01").counted == rp.Counted(60, 1000)
        assert history.status_of("A", on="2010-04-01").counted == rp.Counted(30, 1000)


class TestStickinessAndSplits:
    def test_selling_down_does_not_undo_it(self) -> None:
        """Once an Acquiring Person, still one after selling below the line."""
        events = [
            *start(1000),
            rp.Acquisition(on="2010-02-01", holder="Raider", shares=100),
            rp.Disposition(on="2010-03-01", holder="Raider", shares=50),
        ]
        assert status(rp.replay(plan(), events), "Raider", "2010-03-01") is rp.Status.TRIGGERED

    def test_plans_that_are_not_sticky(self) -> None:
        """A plan may say status ends when the holder falls below the line."""
        events = [
            *start(1000),
            rp.Acquisition(on="2010-02-01", holder="Raider", shares=100),
            rp.Disposition(on="2010-03-01", holder="Raider", shares=50),
        ]
        loose = plan(rp.SetOwnershipRules(sticky=False))
        assert status(rp.replay(loose, events), "Raider", "2010-03-01") is rp.Status.CLEAR

    def test_splits_scale_everything(self) -> None:
        """A two-for-one split doubles holdings and shares outstanding: no trigger."""
        events = [
            *start(1000),
            rp.Acquisition(on="2010-02-01", holder="Fund", shares=99),
            rp.StockSplit(on="2010-03-01", ratio=2),
        ]
        history = rp.replay(plan(), events)
        assert history.status_of("Fund", on="2010-03-01").counted == rp.Counted(198, 2000)
        assert history.triggers() == ()


class TestBoard:
    def test_exemption_with_a_cap(self) -> None:
        """A board exemption up to "more than 20%" lets the holder pass 10%, not 20%."""
        events = [
            *start(1000),
            rp.ExemptionGranted(
                on="2010-02-01", holder="Friend", percent=20, comparison=MORE_THAN, source="minutes"
            ),
            rp.Acquisition(on="2010-03-01", holder="Friend", shares=200),
            rp.Acquisition(on="2010-04-01", holder="Friend", shares=1),
        ]
        history = rp.replay(plan(), events)
        standing = history.status_of("Friend", on="2010-03-01")
        assert standing.status is rp.Status.WARNING
        assert standing.limit is not None
        assert standing.limit.source.instrument == "Board determination"
        assert status(history, "Friend", "2010-04-01") is rp.Status.TRIGGERED

    def test_outright_exemption_and_revocation(self) -> None:
        """An outright exemption makes the holder EXEMPT until revoked."""
        events = [
            *start(1000),
            rp.ExemptionGranted(on="2010-02-01", holder="Friend"),
            rp.Acquisition(on="2010-03-01", holder="Friend", shares=300),
            rp.ExemptionRevoked(on="2010-04-01", holder="Friend"),
        ]
        history = rp.replay(plan(), events)
        assert status(history, "Friend", "2010-03-01") is rp.Status.EXEMPT
        assert status(history, "Friend", "2010-04-01") is rp.Status.EXCUSED


class TestClock:
    events: tuple[rp.Event, ...] = (
        *start(1000),
        rp.Acquisition(on="2010-02-01", holder="Raider", shares=100),
        rp.AcquiringPersonAnnounced(on="2010-02-03", holder="Raider"),
    )

    def test_announcement_starts_the_clock(self) -> None:
        """The Shares Acquisition Date is the announcement; ten business days later, separation."""
        (trigger,) = rp.replay(plan(), self.events).triggers()
        assert trigger.clock.shares_acquisition_date == pendulum.Date(2010, 2, 3)
        assert not trigger.clock.assumed
        # Presidents' Day, 2010-02-15, is not a business day.
        assert trigger.clock.distribution_date == pendulum.Date(2010, 2, 18)
        assert "Distribution Date 2010-02-18" in trigger.explain()

    def test_calendar_days_where_the_plan_says_so(self) -> None:
        """A plan counting calendar days separates ten days after the announcement."""
        rule = rp.SetDistributionRule(days=10, business_days=False)
        (trigger,) = rp.replay(plan(rule), self.events).triggers()
        assert trigger.clock.distribution_date == pendulum.Date(2010, 2, 13)

    def test_tender_offer_prong(self) -> None:
        """A tender offer starts its own clock, unless the board deferred it."""
        events = [*start(1000), rp.TenderOfferCommenced(on="2010-06-01", offeror="Bidder")]
        history = rp.replay(plan(), events)
        assert history.distribution_date() == pendulum.Date(2010, 6, 15)
        deferred = [
            *start(1000),
            rp.TenderOfferCommenced(on="2010-06-01", offeror="B", deferred=True),
        ]
        assert rp.replay(plan(), deferred).distribution_date() is None

    def test_innotrac_with_a_1998_event(self) -> None:
        """The 1997 Innotrac plan replayed with a 1998 trigger counts NYSE days, and says so."""
        innotrac = rp.examples.innotrac()
        events = [
            rp.OutstandingChanged(on="1998-03-02", outstanding=1000),
            rp.Acquisition(on="1998-03-02", holder="Raider", shares=200),
        ]
        history = rp.replay(innotrac, events)
        nyse = rp.replay(innotrac, events, calendar=rp.calendars.nyse())
        assert history.triggers()[0].clock.distribution_date == pendulum.Date(1998, 3, 16)
        assert history.triggers() == nyse.triggers()
        (note,) = history.notes
        assert "counted on the New York Stock Exchange's calendar alone" in note
        assert "1998-03-02" in note and "1999-01-01" in note
        assert nyse.notes == ()  # a calendar chosen by the caller needs no note

    def test_no_note_when_new_york_reaches(self) -> None:
        """A replay whose clocks all start from 1999 on has no calendar note."""
        events = rp.load_events(Path(__file__).parent.parent / "examples/innotrac/events.csv")
        assert rp.replay(rp.examples.innotrac(), events).notes == ()

    def test_dates_outside_a_chosen_calendar_are_errors(self) -> None:
        """Outside a calendar the caller chose, the error names a calendar that covers the day."""
        innotrac = rp.examples.innotrac()
        events = [
            rp.OutstandingChanged(on="1998-03-02", outstanding=1000),
            rp.Acquisition(on="1998-03-02", holder="Raider", shares=200),
        ]
        with pytest.raises(rp.CalendarRangeError, match="1998-03-02 is outside") as caught:
            rp.replay(innotrac, events, calendar=rp.calendars.new_york())
        assert "the New York Stock Exchange calendar (rightsplan.calendars.nyse()" in str(
            caught.value
        )


class TestBadLedgers:
    @pytest.mark.parametrize(
        "event",
        [
            rp.Acquisition(on="2010-05-03", holder="A+B", shares=5),
            rp.Disposition(on="2010-05-03", holder="A+B", shares=5),
            rp.PassivityChanged(on="2010-05-03", holder="A+B", passive=True),
            rp.ExemptionGranted(on="2010-05-03", holder="A+B"),
            rp.GroupFormed(on="2010-05-03", group="A+B+C", members=["A+B", "C"]),
        ],
    )
    def test_a_group_named_as_a_holder(self, event: rp.Event) -> None:
        """An event giving a group's name where a holder's belongs is refused, naming both."""
        events = [
            *start(1000),
            rp.Acquisition(on="2010-02-01", holder="A", shares=30),
            rp.Acquisition(on="2010-02-01", holder="B", shares=30),
            rp.GroupFormed(on="2010-04-01", group="A+B", members=["A", "B"]),
            event,
        ]
        with pytest.raises(rp.LedgerError, match=r"on 2010-05-03: 'A\+B' is a group"):
            rp.replay(plan(), events)

    def test_a_group_named_like_a_holder(self) -> None:
        """A group may not take the name of a holder already in the ledger."""
        events = [
            *start(1000),
            rp.Acquisition(on="2010-02-01", holder="A", shares=30),
            rp.ExemptionGranted(on="2010-03-01", holder="A and B"),
            rp.GroupFormed(on="2010-04-01", group="A and B", members=["A", "B"]),
        ]
        with pytest.raises(rp.LedgerError, match="'A and B' already names a holder"):
            rp.replay(plan(), events)

    def test_holdings_need_the_shares_outstanding(self) -> None:
        """An acquisition before any figure for the shares outstanding is an error."""
        with pytest.raises(
            rp.LedgerError, match="Acquisition on 2010-02-01: the shares outstanding"
        ):
            rp.replay(plan(), [rp.Acquisition(on="2010-02-01", holder="X", shares=1)])

    def test_selling_more_than_held(self) -> None:
        """A disposition larger than the holding names the event and the numbers."""
        events = [*start(1000), rp.Disposition(on="2010-02-01", holder="X", shares=5)]
        with pytest.raises(
            rp.LedgerError, match=r"X disposes of more shares \(5\) than it holds \(0\)"
        ):
            rp.replay(plan(), events)

    def test_holding_more_than_outstanding(self) -> None:
        """A buyback below what a holder owns is impossible."""
        events = [
            *start(1000),
            rp.Acquisition(on="2010-02-01", holder="X", shares=500),
            rp.OutstandingChanged(on="2010-03-01", outstanding=400, reason="buyback"),
        ]
        with pytest.raises(rp.LedgerError, match="more than the 400 outstanding"):
            rp.replay(plan(), events)

    def test_nothing_is_assessed_before_the_shares_outstanding_are_known(self) -> None:
        """A holder named before any share count has no standing until one is recorded."""
        events = [
            rp.PassivityChanged(on="2010-01-05", holder="X", passive=True),
            rp.OutstandingChanged(on="2010-02-01", outstanding=1000),
            rp.Acquisition(on="2010-02-01", holder="X", shares=50),
        ]
        history = rp.replay(plan(), events)
        (period,) = history.periods("X")
        assert period.start == pendulum.Date(2010, 2, 1)
        early = history.status_of("X", on="2010-01-20")
        assert early.status is rp.Status.CLEAR
        assert early.reason == "No holding recorded before 2010-02-01."

    def test_unknown_holders(self) -> None:
        """Asking about a holder the ledger never names is a LookupError naming who is known."""
        history = rp.replay(
            plan(), [*start(1000), rp.Acquisition(on="2010-02-01", holder="X", shares=5)]
        )
        with pytest.raises(rp.UnknownHolderError, match="known: X"):
            history.status_of("Y", on="2010-02-01")

    def test_determination_without_a_crossing_is_a_warning(self) -> None:
        """A determination for a holder under the line changes nothing, and says so."""
        events = [
            *start(1000),
            rp.Acquisition(on="2010-02-01", holder="X", shares=5),
            rp.InadvertenceDetermination(on="2010-02-02", holder="X", divest_by="2010-03-01"),
        ]
        (warning,) = rp.replay(plan(), events).warnings
        assert "has no effect" in warning


def nol_plan(*grandfathering: rp.Change) -> rp.Plan:
    """A 15% plan lowered to "4.99% or more" by Amendment No. 1 on 2012-01-03."""
    base = rp.RightsAgreement(
        company="NOL Corp",
        dated="2010-01-04",
        provisions=[rp.SetThreshold(percent=15, comparison=AT_LEAST)],
    )
    lowered = rp.Amendment(
        number=1,
        executed="2012-01-03",
        changes=[rp.SetThreshold(percent="4.99", comparison=AT_LEAST), *grandfathering],
    )
    return rp.Plan(base, [lowered])


class TestStanding:
    half_point = rp.SetGrandfathering(tolerance_percent="0.5", tolerance_comparison=AT_LEAST)
    events = (
        rp.OutstandingChanged(on="2010-01-04", outstanding=10_000_000),
        rp.Acquisition(on="2011-05-02", holder="Fund", shares=610_000),
        rp.Acquisition(on="2012-02-01", holder="Fund", shares=30_000),
    )

    def test_headroom_is_the_grandfathered_line(self) -> None:
        """6.1% grandfathered with "additional shares of 0.5% or more": 49,999, then 19,999."""
        history = rp.replay(nol_plan(self.half_point), self.events)
        on_amendment = history.status_of("Fund", on="2012-01-03")
        assert on_amendment.status is rp.Status.EXCUSED
        assert on_amendment.headroom == 49_999
        assert on_amendment.max_shares == 659_999
        assert on_amendment.limit is not None
        assert on_amendment.limit.kind is rp.LimitKind.GRANDFATHERED
        assert history.headroom("Fund", on="2012-02-01") == 19_999

    def test_standing_names_its_base_source_and_rules(self) -> None:
        """The standing is grandfathered at 610,000 by Amendment No. 1, with the plan's rules."""
        history = rp.replay(nol_plan(self.half_point), self.events)
        standing = history.standing("Fund", on="2012-02-01")
        assert isinstance(standing, rp.Grandfathered)
        assert standing.since == pendulum.Date(2012, 1, 3)
        assert standing.base_shares == 610_000
        assert standing.source is not None and standing.source.instrument == "Amendment No. 1"
        assert standing.rules == nol_plan(self.half_point).terms_at("2012-01-03").grandfathering

    def test_assess_with_the_standing_agrees(self) -> None:
        """rp.assess with History.standing gives the replay's status, limit and headroom."""
        plan = nol_plan(self.half_point)
        history = rp.replay(plan, self.events)
        replayed = history.status_of("Fund", on="2012-02-01")
        assessed = rp.assess(
            plan,
            rp.Position("Fund", 640_000, 10_000_000),
            on="2012-02-01",
            standing=history.standing("Fund", on="2012-02-01"),
        )
        assert (assessed.status, assessed.limit, assessed.max_shares, assessed.headroom) == (
            replayed.status,
            replayed.limit,
            replayed.max_shares,
            replayed.headroom,
        )

    def test_ordinary_and_acquiring_person_standings(self) -> None:
        """Before the amendment the holder has no standing; past its line it is an AP."""
        events = (*self.events, rp.Acquisition(on="2012-03-01", holder="Fund", shares=20_000))
        history = rp.replay(nol_plan(self.half_point), events)
        assert history.standing("Fund", on="2011-06-01") == rp.standing.ORDINARY
        standing = history.standing("Fund", on="2012-03-01")
        assert isinstance(standing, rp.AcquiringPerson)
        assert standing.since == pendulum.Date(2012, 3, 1)
        assert history.headroom("Fund", on="2012-03-01") is None


class TestGrandfatheringAsPlansWriteIt:
    def selectica(self, cutoff: rp.GrandfatherCutoff) -> rp.History:
        """4% before a 4.99% plan's adoption day, 6% at its close."""
        agreement = rp.RightsAgreement(
            company="Selectica-like",
            dated="2010-01-04",
            provisions=[
                rp.SetThreshold(percent="4.99", comparison=AT_LEAST),
                rp.SetGrandfathering(cutoff=cutoff),
            ],
        )
        events = [
            rp.OutstandingChanged(on="2009-06-01", outstanding=1000),
            rp.Acquisition(on="2009-06-01", holder="Trigger", shares=40),
            rp.Acquisition(on="2010-01-04", holder="Trigger", shares=20),
        ]
        return rp.replay(rp.Plan(agreement), events)

    def test_close_of_business_grandfathers_the_adoption_days_purchases(self) -> None:
        """Holdings "as of the close of business" on adoption day: buying to 6% then is covered."""
        history = self.selectica(rp.GrandfatherCutoff.CLOSE_OF_BUSINESS)
        assert status(history, "Trigger", "2010-01-04") is rp.Status.EXCUSED
        standing = history.standing("Trigger", on="2010-01-04")
        assert isinstance(standing, rp.Grandfathered) and standing.base_shares == 60

    def test_before_adoption_does_not(self) -> None:
        """Holdings immediately before adoption: buying from 4% to 6% that day triggers."""
        history = self.selectica(rp.GrandfatherCutoff.BEFORE_ADOPTION)
        assert status(history, "Trigger", "2010-01-04") is rp.Status.TRIGGERED
        assert history.triggers()[0].on == pendulum.Date(2010, 1, 4)

    def airgas(self, exercise_ends: bool) -> rp.History:
        """A grandfathered 12% holder (2% in counted options) exercising its options."""
        agreement = rp.RightsAgreement(
            company="Airgas-like",
            dated="2010-01-04",
            provisions=[
                rp.SetThreshold(percent=10, comparison=AT_LEAST),
                rp.SetGrandfathering(exercise_ends=exercise_ends),
            ],
        )
        events = [
            rp.OutstandingChanged(on="2009-06-01", outstanding=1000),
            rp.Acquisition(on="2009-06-01", holder="Holder", shares=100, rights_to_acquire=20),
            rp.RightsExercised(on="2010-03-01", holder="Holder", shares=20),
        ]
        return rp.replay(rp.Plan(agreement), events)

    def test_exercise_ends_grandfathering_where_the_plan_says_so(self) -> None:
        """Airgas (2015): exercising counted rights while over ends the grandfathering."""
        history = self.airgas(exercise_ends=True)
        assert status(history, "Holder", "2010-01-04") is rp.Status.EXCUSED
        assert status(history, "Holder", "2010-03-01") is rp.Status.TRIGGERED
        assert "exercised rights" in history.triggers()[0].cause

    def test_exercise_of_counted_rights_keeps_it_otherwise(self) -> None:
        """Without exercise_ends, converting rights already counted acquires nothing."""
        history = self.airgas(exercise_ends=False)
        assert status(history, "Holder", "2010-03-01") is rp.Status.EXCUSED
        assert history.triggers() == ()

    def test_exercise_of_uncounted_rights_is_an_acquisition(self) -> None:
        """Rights exercisable only later are not counted; exercising them acquires shares."""
        agreement = rp.RightsAgreement(
            company="Example",
            dated="2010-01-04",
            provisions=[rp.SetThreshold(percent=10, comparison=AT_LEAST)],
        )
        events = [
            rp.OutstandingChanged(on="2009-06-01", outstanding=1000),
            rp.Acquisition(on="2009-06-01", holder="H", shares=100, rights_to_acquire_later=20),
            rp.RightsExercised(on="2010-03-01", holder="H", shares=20, later=True),
        ]
        history = rp.replay(rp.Plan(agreement), events)
        assert status(history, "H", "2010-03-01") is rp.Status.TRIGGERED


class TestInadvertenceCure:
    events = (
        *start(1000),
        rp.Acquisition(on="2010-02-01", holder="Fund", shares=120),
        rp.InadvertenceDetermination(on="2010-02-03", holder="Fund", divest_by="2010-03-31"),
    )

    def test_excused_with_no_headroom_while_curing(self) -> None:
        """During the cure period the holder is EXCUSED and may acquire nothing more."""
        events = (*self.events, rp.Disposition(on="2010-03-15", holder="Fund", shares=50))
        history = rp.replay(plan(), events)
        assert status(history, "Fund", "2010-02-01") is rp.Status.EXCUSED
        assert history.headroom("Fund", on="2010-02-03") == 0
        assert isinstance(history.standing("Fund", on="2010-02-03"), rp.InadvertentExcused)
        assert history.triggers() == ()

    def test_acquiring_more_while_curing_ends_the_excuse(self) -> None:
        """Buying while over during the cure: an Acquiring Person from the crossing day."""
        events = (*self.events, rp.Acquisition(on="2010-02-10", holder="Fund", shares=1))
        history = rp.replay(plan(), events)
        (trigger,) = history.triggers()
        assert trigger.on == pendulum.Date(2010, 2, 1)
        assert "acquired more while over the line" in trigger.cause
        assert status(history, "Fund", "2010-02-03") is rp.Status.TRIGGERED
        assert history.status_of("Fund", on="2010-02-10").acquiring_person_since == (
            pendulum.Date(2010, 2, 1)
        )

    def test_a_determination_naming_the_group(self) -> None:
        """Naming the group excuses its crossing as naming a member does; no phantom holding."""
        formed = (
            *start(1000),
            rp.Acquisition(on="2010-02-01", holder="A", shares=60),
            rp.Acquisition(on="2010-02-01", holder="B", shares=50),
            rp.GroupFormed(on="2010-04-01", group="A+B", members=["A", "B"]),
        )
        cure = (rp.Disposition(on="2010-04-20", holder="B", shares=15),)
        by_member, by_group = (
            rp.replay(
                plan(),
                (
                    *formed,
                    rp.InadvertenceDetermination(
                        on="2010-04-05", holder=who, divest_by="2010-05-03"
                    ),
                    *cure,
                ),
            )
            for who in ("A", "A+B")
        )
        assert by_group.triggers() == by_member.triggers() == ()
        for name in ("A", "B", "A+B"):
            assert by_group.periods(name) == by_member.periods(name), name
        assert by_group.status_of("A+B", on="2010-04-05").counted == rp.Counted(110, 1000)

    def test_not_cured_by_the_deadline(self) -> None:
        """Still over after divest_by: an Acquiring Person from the crossing day."""
        history = rp.replay(plan(), self.events)
        (trigger,) = history.triggers()
        assert trigger.on == pendulum.Date(2010, 2, 1)
        assert "not cured by 2010-03-31" in trigger.cause
        assert status(history, "Fund", "2010-02-03") is rp.Status.TRIGGERED

    def test_cured_by_selling(self) -> None:
        """Back under the line by the deadline: never an Acquiring Person."""
        events = (*self.events, rp.Disposition(on="2010-03-01", holder="Fund", shares=50))
        history = rp.replay(plan(), events)
        assert history.triggers() == ()
        assert status(history, "Fund", "2010-03-01") is rp.Status.CLEAR
        assert history.standing("Fund", on="2010-03-01") == rp.standing.ORDINARY


class TestExemptionsDoNotSpread:
    def test_a_group_with_an_exempt_person(self) -> None:
        """Toshiba is exempt; the fund acting with it is an Acquiring Person at 25%."""
        agreement = rp.RightsAgreement(
            company="Example",
            dated="2010-01-04",
            provisions=[
                rp.SetThreshold(percent=15, comparison=AT_LEAST),
                rp.AddExemptPerson(name="Toshiba Corporation"),
            ],
        )
        events = [
            *start(1000),
            rp.Acquisition(on="2010-02-01", holder="Toshiba Corporation", shares=200),
            rp.Acquisition(on="2010-02-01", holder="Fund", shares=50),
            rp.GroupFormed(
                on="2010-03-01", group="Toshiba Group", members=["Toshiba Corporation", "Fund"]
            ),
        ]
        history = rp.replay(rp.Plan(agreement), events)
        assert status(history, "Toshiba Corporation", "2010-03-01") is rp.Status.EXEMPT
        for holder in ("Fund", "Toshiba Group"):
            found = history.status_of(holder, on="2010-03-01")
            assert found.status is rp.Status.TRIGGERED
            assert found.counted == rp.Counted(250, 1000)
            assert found.limit is not None and found.limit.threshold == rp.Threshold(15, AT_LEAST)
        (trigger,) = history.triggers()
        assert trigger.holders == ("Fund",)

    def test_a_named_exception_covers_its_holder_only(self) -> None:
        """An exception for one member lets it, not its partner, go past the general line."""
        exception = rp.AddException(
            holder="Insider", percent=30, comparison=MORE_THAN, requires_passive=False
        )
        events = [
            *start(1000),
            rp.Acquisition(on="2010-02-01", holder="Insider", shares=150),
            rp.Acquisition(on="2010-02-01", holder="Friend", shares=10),
            rp.Affiliated(on="2010-03-01", holder="Insider", affiliate="Friend"),
        ]
        history = rp.replay(plan(exception), events)
        assert status(history, "Insider", "2010-03-01") is rp.Status.CLEAR
        assert status(history, "Friend", "2010-03-01") is rp.Status.TRIGGERED

    def test_a_board_exemption_covers_its_holder_only(self) -> None:
        """The board's exemption for one member does not cover the members acting with it."""
        events = [
            *start(1000),
            rp.ExemptionGranted(on="2010-01-05", holder="Friend"),
            rp.Acquisition(on="2010-02-01", holder="Friend", shares=150),
            rp.Acquisition(on="2010-02-01", holder="Partner", shares=10),
            rp.GroupFormed(on="2010-03-01", group="Pair", members=["Friend", "Partner"]),
        ]
        history = rp.replay(plan(), events)
        assert status(history, "Friend", "2010-03-01") is rp.Status.EXEMPT
        assert history.headroom("Friend", on="2010-03-01") is None
        assert status(history, "Partner", "2010-03-01") is rp.Status.TRIGGERED


class TestRightsGone:
    def southwest(self, *extra: rp.Event) -> rp.History:
        """A 12.5% plan expiring 2024-10-25 and a holder crossing that very day."""
        agreement = rp.RightsAgreement(
            company="Southwest-like",
            dated="2024-07-02",
            provisions=[
                rp.SetThreshold(percent="12.5", comparison=AT_LEAST),
                rp.SetExpiration(date="2024-10-25"),
            ],
        )
        events = [
            rp.OutstandingChanged(on="2024-07-02", outstanding=1000),
            rp.Acquisition(on="2024-10-25", holder="Activist", shares=130),
            *extra,
        ]
        return rp.replay(rp.Plan(agreement), events)

    def test_a_trigger_on_the_final_expiration_date_sets_no_distribution_date(self) -> None:
        """Crossing on the expiry day: an Acquiring Person, but the rights end before separation."""
        history = self.southwest()
        (trigger,) = history.triggers()
        assert trigger.on == pendulum.Date(2024, 10, 25)
        assert trigger.clock.distribution_date is None
        assert trigger.clock.would_have_been == pendulum.Date(2024, 11, 8)
        assert trigger.clock.rights_end is not None and "expired" in trigger.clock.rights_end
        assert history.distribution_date() is None
        assert "no Distribution Date" in trigger.explain()

    def test_after_expiry_nothing_is_assessed(self) -> None:
        """The day after the Final Expiration Date no plan is in force."""
        history = self.southwest(rp.Acquisition(on="2024-10-28", holder="Other", shares=200))
        assert status(history, "Other", "2024-10-28") is rp.Status.INACTIVE
        assert len(history.triggers()) == 1


class TestDeterminism:
    SCRIPT = """
import rightsplan as rp
agreement = rp.RightsAgreement(
    company="Tie Corp",
    dated="2010-01-04",
    provisions=[
        rp.SetThreshold(percent=10, comparison=rp.Comparison.AT_LEAST),
        rp.AddException(
            holder="Beta Partners", percent=10, comparison=rp.Comparison.AT_LEAST,
            requires_passive=False,
        ),
        rp.AddException(
            holder="Alpha Fund", percent=10, comparison=rp.Comparison.AT_LEAST,
            requires_passive=False,
        ),
    ],
)
events = [
    rp.OutstandingChanged(on="2010-01-04", outstanding=1000),
    *(
        rp.Acquisition(on="2010-02-01", holder=h, shares=30)
        for h in ("Alpha Fund", "Beta Partners", "Gamma")
    ),
    rp.GroupFormed(on="2010-03-01", group="Trio", members=["Gamma", "Beta Partners", "Alpha Fund"]),
    rp.Disposition(on="2010-04-01", holder="Gamma", shares=30),
]
history = rp.replay(rp.Plan(agreement), events)
print(history.describe())
for name in history.holders():
    for period in history.periods(name):
        print(repr(period))
"""

    def test_byte_identical_under_any_hash_seed(self) -> None:
        """Tied limits and set-like memberships give the same output under every PYTHONHASHSEED."""
        import os
        import subprocess
        import sys
        from pathlib import Path

        src = str(Path(__file__).resolve().parent.parent / "src")
        outputs = set()
        for seed in ("0", "1", "2", "3", "123"):
            env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": src}
            done = subprocess.run(
                [sys.executable, "-c", self.SCRIPT], env=env, capture_output=True, check=True
            )
            outputs.add(done.stdout)
        assert len(outputs) == 1
        assert b"exception for Alpha Fund" in outputs.pop()


class TestBoardExemptionsLast:
    def test_a_capped_exemption_outlasts_a_buyback(self) -> None:
        """Pushed over its cap by a buyback, then back under: the exemption still stands."""
        events = [
            *start(1000),
            rp.ExemptionGranted(on="2010-01-05", holder="Friend", percent=20, comparison=MORE_THAN),
            rp.Acquisition(on="2010-02-01", holder="Friend", shares=190),
            rp.OutstandingChanged(on="2010-03-01", outstanding=900, reason="buyback"),
            rp.OutstandingChanged(on="2010-04-01", outstanding=1000, reason="issuance"),
            rp.Acquisition(on="2010-05-01", holder="Friend", shares=10),
        ]
        history = rp.replay(plan(), events)
        assert status(history, "Friend", "2010-03-01") is rp.Status.EXCUSED
        assert isinstance(history.standing("Friend", on="2010-04-01"), rp.BoardExempted)
        assert status(history, "Friend", "2010-05-01") is rp.Status.WARNING
        assert history.headroom("Friend", on="2010-05-01") == 0

    def test_revoking_an_exemption_granted_to_an_acquiring_person(self) -> None:
        """An exemption granted after the trigger does not undo it; revoking it is no error."""
        events = [
            *start(1000),
            rp.Acquisition(on="2010-02-01", holder="Raider", shares=150),
            rp.ExemptionGranted(on="2010-03-01", holder="Raider"),
            rp.ExemptionRevoked(on="2010-04-01", holder="Raider"),
        ]
        history = rp.replay(plan(), events)
        assert status(history, "Raider", "2010-03-01") is rp.Status.TRIGGERED
        assert status(history, "Raider", "2010-04-01") is rp.Status.TRIGGERED
        assert "already an Acquiring Person" in history.warnings[0]


class TestWhatCountsAsAcquiring:
    def test_uncounted_derivatives_are_not_an_acquisition(self) -> None:
        """Swaps a plan does not count, bought on a buyback day, do not make an AP."""
        events = [
            *start(1000),
            rp.Acquisition(on="2010-02-01", holder="Fund", shares=95),
            rp.OutstandingChanged(on="2010-03-01", outstanding=900, reason="buyback"),
            rp.Acquisition(on="2010-03-01", holder="Fund", derivatives=50),
        ]
        history = rp.replay(plan(), events)
        assert status(history, "Fund", "2010-03-01") is rp.Status.EXCUSED
        counting = plan(rp.SetOwnershipRules(derivatives_counted=True))
        assert status(rp.replay(counting, events), "Fund", "2010-03-01") is rp.Status.TRIGGERED

    def test_a_day_nets_out(self) -> None:
        """Selling 10 and buying 5 the same day is no acquisition (end-of-day holdings)."""
        events = [
            rp.OutstandingChanged(on="2009-06-01", outstanding=1000),
            rp.Acquisition(on="2009-06-01", holder="Old Holder", shares=120),
            rp.Disposition(on="2010-03-01", holder="Old Holder", shares=10),
            rp.Acquisition(on="2010-03-01", holder="Old Holder", shares=5),
        ]
        history = rp.replay(plan(), events)
        assert status(history, "Old Holder", "2010-03-01") is rp.Status.EXCUSED


class TestHindsightUnderNewTerms:
    def test_an_excused_holder_is_judged_under_each_days_terms(self) -> None:
        """An inadvertence excuse seen in hindsight cites each day's terms, an amendment's too."""
        plan = rp.Plan(
            rp.RightsAgreement(
                company="Example Corp",
                dated="2010-01-04",
                provisions=[rp.SetThreshold(percent="5", comparison=rp.Comparison.AT_LEAST)],
            ),
            amendments=[
                rp.Amendment(
                    number=1,
                    executed="2010-01-09",
                    changes=[rp.SetThreshold(percent="4.75", comparison=rp.Comparison.AT_LEAST)],
                )
            ],
        )
        ledger = rp.Ledger(
            [
                rp.OutstandingChanged(on="2009-12-25", outstanding=1000),
                rp.Acquisition(on="2009-12-25", holder="Alpha Capital", shares=48),
                rp.Acquisition(on="2010-01-04", holder="Alpha Capital", shares=2),
                rp.InadvertenceDetermination(
                    on="2010-01-10", holder="Alpha Capital", divest_by="2010-01-20"
                ),
                rp.Disposition(on="2010-01-15", holder="Alpha Capital", shares=5),
            ]
        )
        history = rp.replay(plan, ledger)
        for day, instrument in (
            ("2010-01-08", "Rights Agreement"),
            ("2010-01-09", "Amendment No. 1"),
        ):
            found = history.status_of("Alpha Capital", on=day)
            assert found.status is rp.Status.EXCUSED
            assert found.limit is not None and found.limit.source.instrument == instrument
            assessed = rp.assess(
                plan,
                rp.Position("Alpha Capital", 50, 1000),
                on=day,
                standing=history.standing("Alpha Capital", on=day),
            )
            assert (assessed.status, assessed.limit, assessed.headroom) == (
                found.status,
                found.limit,
                found.headroom,
            )


class TestBuybackThenSaleThenPurchase:
    def test_a_share_bought_back_after_a_sale_while_over_triggers(self) -> None:
        """Over only by a buyback, a holder that sells one share and buys one back triggers."""
        plan = rp.Plan(
            rp.RightsAgreement(
                company="Example Corp",
                dated="2010-01-04",
                provisions=[rp.SetThreshold(percent="4.75", comparison=rp.Comparison.AT_LEAST)],
            )
        )
        history = rp.replay(
            plan,
            [
                rp.OutstandingChanged(on="2010-01-04", outstanding=100),
                rp.Acquisition(on="2010-01-05", holder="Fund", shares=2),
                rp.OutstandingChanged(on="2010-01-07", outstanding=2, reason="buyback"),
                rp.Disposition(on="2010-01-08", holder="Fund", shares=1),
                rp.Acquisition(on="2010-01-09", holder="Fund", shares=1),
            ],
        )
        assert status(history, "Fund", "2010-01-08") is rp.Status.EXCUSED
        assert status(history, "Fund", "2010-01-09") is rp.Status.TRIGGERED
