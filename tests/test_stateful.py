"""Model-based test of the replay: a growing plan against a naive reference model.

A :class:`~hypothesis.stateful.RuleBasedStateMachine` adds amendments one at a time, some
consistent and some not, and after each step compares :class:`rightsplan.Plan` and
:func:`rightsplan.assess` with a reference model written here from the plan's own words: a
plain fold over dicts, comparisons in :class:`~fractions.Fraction`. The model shares no
code with rightsplan's fold, its name matching or :meth:`rightsplan.Threshold.max_shares`.
"""

from __future__ import annotations

import dataclasses
import math
import re
from fractions import Fraction

import pendulum
import pytest
from hypothesis import event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

import rightsplan as rp

from .strategies import MAX_DATE, comparisons, dates

AT_LEAST = rp.Comparison.AT_LEAST
MORE_THAN = rp.Comparison.MORE_THAN
IPOF_MEMBERS = ("IPOF Fund, L.P.", "David Dadante")
# "David Dadante" is also a member of the IPOF Group: an exception for one clashes with the other.
EXCEPTION_HOLDERS = ("IPOF Group", "Alpha Capital", "Beta Partners LP", "David Dadante")
EXEMPT_CANDIDATES: tuple[tuple[str, rp.HolderKind | None], ...] = (
    ("Gamma Holdings", None),
    ("Delta Value Fund", None),
    ("Alpha Capital", None),
    ("the United States Government", rp.HolderKind.GOVERNMENT),
)
NOBODY = "Nobody Ventures"
HOLDERS = (*EXCEPTION_HOLDERS, *IPOF_MEMBERS, "Gamma Holdings", "Delta Value Fund", NOBODY)


def members_of(holder: str) -> tuple[str, ...]:
    return IPOF_MEMBERS if holder == "IPOF Group" else ()


# --- the reference model ---------------------------------------------------------------------

Rule = tuple[Fraction, rp.Comparison, str]
"""A percent, its comparison, and the instrument that set it."""


class Conflict(Exception):
    """A change that does not fit the terms; ``number`` is the amendment (0: the agreement)."""

    def __init__(self, number: int = 0) -> None:
        super().__init__(number)
        self.number = number


@dataclasses.dataclass
class Model:
    general: Rule
    passive: Rule | None
    exceptions: dict[str, tuple[tuple[str, ...], Rule, bool]]  # holder: members, cap, passive-only
    exempt: dict[str, rp.HolderKind | None]  # name: category

    def copy(self) -> Model:
        """A copy to fold into, leaving this one as it was."""
        return Model(self.general, self.passive, dict(self.exceptions), dict(self.exempt))


def key(name: str) -> str:
    return " ".join(name.split()).casefold()


def generosity(rule: Rule) -> tuple[Fraction, bool]:
    return rule[0], rule[1] is MORE_THAN  # "more than X%" lets a holder own exactly X%


def model_apply(model: Model, change: rp.Change, instrument: str) -> None:
    if isinstance(change, rp.SetThreshold):
        threshold = change.threshold  # the machine draws known thresholds only
        model.general = (threshold.percent, threshold.comparison, instrument)
    elif isinstance(change, rp.SetPassiveTier):
        tier = change.threshold  # known, as the machine draws them
        model.passive = (tier.percent, tier.comparison, instrument)
    elif isinstance(change, rp.RemovePassiveTier):
        if model.passive is None:
            raise Conflict
        model.passive = None
    elif isinstance(change, rp.AddException | rp.ReplaceException):
        replacing = isinstance(change, rp.ReplaceException)
        if replacing and change.holder not in model.exceptions:
            raise Conflict
        others = [
            (h, m)
            for h, (m, _, _) in model.exceptions.items()
            if not replacing or h != change.holder
        ]
        taken = {key(n) for h, members in others for n in (h, *members)}
        if taken & {key(n) for n in (change.holder, *change.members)}:
            raise Conflict  # a name may be covered by one exception only
        limit = change.threshold  # known, as the machine draws them
        cap = (limit.percent, limit.comparison, instrument)
        model.exceptions[change.holder] = (change.members, cap, change.requires_passive)
    elif isinstance(change, rp.RemoveException):
        if model.exceptions.pop(change.holder, None) is None:
            raise Conflict
    elif isinstance(change, rp.AddExemptPerson):
        if change.name in model.exempt:
            raise Conflict
        model.exempt[change.name] = change.category
    elif isinstance(change, rp.RemoveExemptPerson):
        if change.name not in model.exempt:
            raise Conflict
        del model.exempt[change.name]
    # OtherChange and AppointRightsAgent change no threshold.
    if model.passive is not None and generosity(model.passive) < generosity(model.general):
        raise Conflict  # a passive tier stricter than the general rule


def model_fold(initial: Model, amendments: list[rp.Amendment], on: pendulum.Date | None) -> Model:
    """Every amendment effective by ``on`` (all if None), by effective day then number."""
    model = initial.copy()
    for amendment in sorted(amendments, key=lambda a: (a.effective or a.executed, a.number or 0)):
        if on is not None and (amendment.effective or amendment.executed) > on:
            break
        for change in amendment.changes:
            try:
                model_apply(model, change, f"Amendment No. {amendment.number}")
            except Conflict:
                raise Conflict(amendment.number or 0) from None
    return model


def largest_clear(rule: Rule, outstanding: int) -> int:
    boundary = rule[0] * outstanding / 100  # the exact holding at the threshold
    return math.ceil(boundary) - 1 if rule[1] is AT_LEAST else math.floor(boundary)


def model_verdict(model: Model, p: rp.Position) -> tuple[rp.Status, int | None, Rule | None]:
    """Status, max_shares and binding rule, read from the definition of Acquiring Person."""
    if any(
        key(name) == key(p.holder)
        or (category not in (None, rp.HolderKind.OTHER) and category is p.kind)
        for name, category in model.exempt.items()
    ):
        return rp.Status.EXEMPT, None, None
    rules = [(model.general, 0)]  # (rule, specificity)
    if p.passive and model.passive is not None:
        rules.append((model.passive, 1))
    for holder, (members, cap, passive_only) in model.exceptions.items():
        if key(p.holder) in {key(n) for n in (holder, *members)} and (
            p.passive or not passive_only
        ):
            rules.append((cap, 2))
    held = Fraction(100 * p.shares, p.outstanding)
    crossed = all(held >= r[0] if r[1] is AT_LEAST else held > r[0] for r, _ in rules)
    binding = max(rules, key=lambda pair: (generosity(pair[0]), pair[1]))[0]
    status = (
        rp.Status.TRIGGERED
        if crossed
        else rp.Status.WARNING
        if held >= Fraction(9, 10) * binding[0]
        else rp.Status.CLEAR
    )
    return status, max(largest_clear(r, p.outstanding) for r, _ in rules), binding


# --- the machine -----------------------------------------------------------------------------


def thresholds_within(low: int = 1, high: int = 100) -> st.SearchStrategy[rp.Threshold]:
    """Thresholds between ``low`` and ``high`` percent, as plans write them.

    Unlike ``tests.strategies.thresholds`` this draws within the range rather than filtering
    into it, so that no step of a long run is thrown away for an unlucky draw.
    """
    percent = st.one_of(
        st.sampled_from([Fraction(p) for p in ("4.99", "10", "15", "20", "25", "40")]).filter(
            lambda p: low <= p <= high
        ),
        st.integers(low, high).map(Fraction),
        st.integers(low * 100, high * 100).map(lambda n: Fraction(n, 100)),
        st.integers(low * 3, high * 3).map(lambda n: Fraction(n, 3)),
    )
    return st.builds(rp.Threshold, percent, comparisons())


def respelled(name: str) -> st.SearchStrategy[str]:
    return st.sampled_from([name, name.upper(), f"  {name.casefold()} ", name.replace(" ", "  ")])


def outstandings() -> st.SearchStrategy[int]:
    return st.one_of(st.integers(1, 200), st.integers(1, 10**10), st.just(11_572_314))


@settings(max_examples=60, stateful_step_count=40)
class PlanReplay(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.agreement = rp.RightsAgreement(
            company="Placeholder",
            dated="2000-01-01",
            provisions=[rp.SetThreshold(percent=15, comparison=AT_LEAST)],
        )
        self.initial = Model((Fraction(15), AT_LEAST, "Rights Agreement"), None, {}, {})
        self.amendments: list[rp.Amendment] = []
        self.plan = rp.Plan(self.agreement)

    # -- helpers --

    def latest(self) -> Model:
        """The model after every amendment so far."""
        return model_fold(self.initial, self.amendments, None)

    def last_executed(self) -> pendulum.Date:
        """When the last amendment was executed (the agreement's date before any)."""
        return self.amendments[-1].executed if self.amendments else self.agreement.dated

    def draw_change(self, data: st.DataObject) -> rp.Change:
        """A change that mostly fits the latest terms; sometimes anything, to meet conflicts."""
        latest = self.latest()
        wild = data.draw(st.integers(0, 5)) == 0
        kind = data.draw(
            st.sampled_from(
                [
                    "threshold",
                    "passive",
                    "exception",
                    "replace",
                    "remove",
                    "exempt",
                    "unexempt",
                    "other",
                ]
            )
        )
        if kind == "threshold":
            new = data.draw(thresholds_within(1, 50))
            if latest.passive is not None and not wild:
                new = min(
                    new,
                    rp.Threshold(latest.passive[0], latest.passive[1]),
                    key=rp.Threshold.sort_key,
                )
            return rp.SetThreshold(percent=new.percent, comparison=new.comparison)
        if kind == "passive":
            if latest.passive is not None and data.draw(st.booleans()):
                return rp.RemovePassiveTier()
            new = data.draw(thresholds_within(1, 60))
            if not wild:
                general = rp.Threshold(latest.general[0], latest.general[1])
                new = max(new, general, key=rp.Threshold.sort_key)
            return rp.SetPassiveTier(percent=new.percent, comparison=new.comparison)
        if kind in ("exception", "replace", "remove"):
            existing = list(latest.exceptions)
            if wild:
                pool = list(EXCEPTION_HOLDERS)
            elif kind == "exception":
                free = [h for h in EXCEPTION_HOLDERS if h not in existing]
                pool = free or list(EXCEPTION_HOLDERS)  # never NOBODY: it must stay missing
            else:
                pool = existing or [NOBODY]
            holder = data.draw(st.sampled_from(pool))
            if kind == "remove":
                return rp.RemoveException(holder=holder)
            cap = data.draw(thresholds_within())
            members = members_of(holder)
            if wild:  # new members, which may belong to another exception already
                members = data.draw(st.sampled_from([(), ("David Dadante",), ("Gamma Holdings",)]))
            kind_of = rp.AddException if kind == "exception" else rp.ReplaceException
            return kind_of(
                holder=holder,
                percent=cap.percent,
                comparison=cap.comparison,
                requires_passive=data.draw(st.booleans()),
                members=members,
            )
        if kind == "exempt":
            name, category = data.draw(st.sampled_from(EXEMPT_CANDIDATES))
            return rp.AddExemptPerson(name=name, category=category)
        if kind == "unexempt":
            names = list(latest.exempt) if not wild else [n for n, _ in EXEMPT_CANDIDATES]
            return rp.RemoveExemptPerson(name=data.draw(st.sampled_from(names or [NOBODY])))
        return data.draw(
            st.sampled_from(
                [
                    rp.OtherChange(description="amended in certain other particulars"),
                    rp.AppointRightsAgent(name="Computershare"),
                ]
            )
        )

    def expect_refusal(self, history: list[rp.Amendment], names: str) -> None:
        """Building the plan from ``history`` is a PlanHistoryError whose message matches."""
        with pytest.raises(rp.PlanHistoryError) as caught:
            rp.Plan(self.agreement, history)
        assert re.search(names, str(caught.value)), str(caught.value)
        assert rp.Plan(self.agreement, self.amendments) == self.plan  # nothing half-applied

    # -- rules --

    @initialize(
        dated=dates(max_value=pendulum.Date(2015, 12, 31)),
        general=thresholds_within(1, 25),
        passive=st.none() | thresholds_within(1, 60),
        exception=st.none()
        | st.tuples(st.sampled_from(EXCEPTION_HOLDERS), thresholds_within(), st.booleans()),
    )
    def adopt(
        self,
        dated: pendulum.Date,
        general: rp.Threshold,
        passive: rp.Threshold | None,
        exception: tuple[str, rp.Threshold, bool] | None,
    ) -> None:
        """Adopt an agreement: a threshold, maybe a tier, Exempt Persons, maybe an exception."""
        instrument = "Rights Agreement"
        provisions: list[rp.Change] = [
            rp.SetThreshold(percent=general.percent, comparison=general.comparison)
        ]
        model = Model((general.percent, general.comparison, instrument), None, {}, {})
        if passive is not None:
            tier = rp.SetPassiveTier(percent=passive.percent, comparison=passive.comparison)
            try:
                model_apply(model, tier, instrument)
                provisions.append(tier)
            except Conflict:  # a tier below the general rule: the agreement is refused
                model.passive = None
                event("agreement", "passive tier refused")
                with pytest.raises(
                    rp.PlanHistoryError, match=r"Rights Agreement .*provisions\[1\]"
                ):
                    rp.RightsAgreement(
                        company="Example Corp", dated=dated, provisions=[*provisions, tier]
                    ).initial_terms()
        for exempt in rp.standard_exempt_persons():
            model_apply(model, exempt, instrument)
            provisions.append(exempt)
        if exception is not None:
            holder, cap, passive_only = exception
            add = rp.AddException(
                holder=holder,
                percent=cap.percent,
                comparison=cap.comparison,
                requires_passive=passive_only,
                members=members_of(holder),
            )
            model_apply(model, add, instrument)
            provisions.append(add)
        self.agreement = rp.RightsAgreement(
            company="Example Corp", dated=dated, provisions=provisions
        )
        self.initial = model
        self.amendments = []
        self.plan = rp.Plan(self.agreement)

    @rule(
        data=st.data(),
        count=st.integers(1, 3),
        gap=st.integers(0, 400),
        shift=st.none() | st.integers(-60, 120),
    )
    def amend(self, data: st.DataObject, count: int, gap: int, shift: int | None) -> None:
        """Execute a numbered amendment on or after the last; the model predicts whether it fits."""
        changes = [self.draw_change(data) for _ in range(count)]
        executed = self.last_executed().add(days=gap)
        effective = None if shift is None else max(executed.add(days=shift), self.agreement.dated)
        amendment = rp.Amendment(
            number=len(self.amendments) + 1, executed=executed, effective=effective, changes=changes
        )
        history = [*self.amendments, amendment]
        try:
            model_fold(self.initial, history, None)
        except Conflict as conflict:
            # The first amendment in replay order that does not fit is named (it may be an
            # earlier one, when this amendment takes effect before it).
            self.expect_refusal(history, rf"^Amendment No\. {conflict.number} \(")
            event("amend", "refused" if conflict.number == amendment.number else "refused earlier")
            return
        plan = self.plan.amend(amendment)
        assert plan == rp.Plan(self.agreement, reversed(history))
        self.amendments, self.plan = history, plan
        event("amend", "accepted")
        event("history length", str(len(history)))

    @precondition(lambda self: bool(self.amendments))
    @rule(data=st.data())
    def reuse_a_number(self, data: st.DataObject) -> None:
        """An amendment numbered like an earlier one is refused, naming the number."""
        number = data.draw(st.sampled_from([a.number for a in self.amendments]))
        again = rp.Amendment(
            number=number,
            executed=self.last_executed(),
            changes=[rp.OtherChange(description="again")],
        )
        self.expect_refusal([*self.amendments, again], rf"Amendment No\. {number} appears twice")

    @rule(gap=st.integers(0, 400))
    def remove_a_missing_exception(self, gap: int) -> None:
        """Removing an exception nobody has is refused, naming the amendment and the holder."""
        number = len(self.amendments) + 1
        bad = rp.Amendment(
            number=number,
            executed=self.last_executed().add(days=gap),
            changes=[rp.OtherChange(description="first"), rp.RemoveException(holder=NOBODY)],
        )
        self.expect_refusal(
            [*self.amendments, bad],
            rf"^Amendment No\. {number} \(.*changes\[1\] \(RemoveException\).*{NOBODY}",
        )

    @precondition(
        lambda self: bool(self.amendments) and self.last_executed() > self.agreement.dated
    )
    @rule(data=st.data())
    def execute_out_of_order(self, data: st.DataObject) -> None:
        """A higher-numbered amendment executed before a lower-numbered one is refused."""
        back = data.draw(st.integers(1, (self.last_executed() - self.agreement.dated).days))
        number = len(self.amendments) + 1
        early = rp.Amendment(
            number=number,
            executed=self.last_executed().subtract(days=back),
            changes=[rp.OtherChange(description="early")],
        )
        self.expect_refusal([*self.amendments, early], rf"^Amendment No\. {number} was executed")

    @rule(data=st.data())
    def query(self, data: st.DataObject) -> None:
        """On a random day, the terms and a holding's verdict match the model's."""
        dated = self.agreement.dated
        instruments = [dated, *(a.effective_date for a in self.amendments)]
        span = (max(instruments) - dated).days + 400
        day = data.draw(
            st.one_of(
                st.sampled_from(instruments).flatmap(
                    lambda d: st.sampled_from([d.subtract(days=1), d, d.add(days=1)])
                ),
                st.integers(-30, span).map(lambda n: dated.add(days=n)),
            ),
            label="day",
        )
        if day < dated:
            with pytest.raises(rp.NotAdoptedError):
                self.plan.terms_at(day)
            position = rp.Position("Alpha Capital", 1, 10)
            assert rp.assess(self.plan, position, on=day).status is rp.Status.INACTIVE
            return
        model = model_fold(self.initial, self.amendments, day)
        self.check_terms(self.plan.terms_at(day), model)
        assert self.plan.in_force_on(day)
        for _ in range(3):
            self.check_verdict(day, data.draw(self.positions(model), label="position"), model)

    @invariant()
    def latest_terms_match(self) -> None:
        """After every step, the terms after the last amendment are the model's full fold."""
        self.check_terms(self.plan.terms_at(MAX_DATE), self.latest())

    # -- checks --

    def positions(self, model: Model) -> st.SearchStrategy[rp.Position]:
        """Holdings by the pool's holders, often at one of the model's limits."""
        rules = [model.general, *([model.passive] if model.passive else [])]
        rules += [cap for _, cap, _ in model.exceptions.values()]

        @st.composite
        def draw(draw: st.DrawFn) -> rp.Position:
            outstanding = draw(outstandings())
            boundary = draw(st.sampled_from(rules))[0] * outstanding / 100
            hugging = [math.floor(boundary) + d for d in (-1, 0, 1)] + [math.ceil(boundary) + 1]
            shares = draw(st.one_of(st.integers(0, outstanding), st.sampled_from(hugging)))
            return rp.Position(
                draw(st.sampled_from(HOLDERS).flatmap(respelled)),
                min(max(shares, 0), outstanding),
                outstanding,
                passive=draw(st.booleans()),
                kind=draw(st.sampled_from([rp.HolderKind.OTHER] * 4 + list(rp.HolderKind))),
            )

        return draw()

    def check_terms(self, terms: rp.Terms, model: Model) -> None:
        """The real terms have the model's rules, exceptions and Exempt Persons, with sources."""

        def rule_of(limit: rp.Limit) -> Rule:
            return limit.percent, limit.comparison, limit.source.instrument

        assert rule_of(terms.known_general()) == model.general
        passive = terms.known_passive()
        assert (None if passive is None else rule_of(passive)) == model.passive
        assert [
            (
                e.holder,
                e.members,
                (e.cap.percent, e.cap.comparison, e.source.instrument),
                e.requires_passive,
            )
            for e in terms.exceptions
        ] == [(h, *rest) for h, rest in model.exceptions.items()]
        assert [(e.name, e.category) for e in terms.exemptions] == list(model.exempt.items())

    def check_verdict(self, day: pendulum.Date, position: rp.Position, model: Model) -> None:
        """The assessment has the model's status, max_shares and binding rule."""
        assessment = rp.assess(self.plan, position, on=day)
        status, max_shares, binding = model_verdict(model, position)
        event("verdict", status.name + ("" if binding is None else f" by {binding[2]}"))
        assert (assessment.status, assessment.max_shares) == (status, max_shares), position
        limit = assessment.limit
        assert (
            None if limit is None else (limit.percent, limit.comparison, limit.source.instrument)
        ) == binding


TestPlanReplay = PlanReplay.TestCase


# --- the ownership replay: groups and standings -----------------------------------------------

PAIR = ("Fund", "Partner")
GROUP = "Pair"


@dataclasses.dataclass
class OwnerModel:
    """A naive reference for two holders that may form a group under a changing threshold.

    Standings, per entity (each holder and, once formed, the group): ``("none",)``,
    ``("ap",)``, ``("grandfathered", base)`` or ``("buyback", base)``, under rightsplan's
    default rules: any acquisition over the line ends grandfathering (base: the lowest since)
    and excuse alike; the grandfathering does not lapse; the excuse after a buyback does.
    """

    percent: Fraction
    comparison: rp.Comparison
    total: int
    shares: dict[str, int] = dataclasses.field(default_factory=lambda: dict.fromkeys(PAIR, 0))
    grouped: bool = False
    standing: dict[str, tuple[object, ...]] = dataclasses.field(default_factory=dict)

    def entities(self) -> tuple[str, ...]:
        """The holders, and the group once formed."""
        return (*PAIR, GROUP) if self.grouped else PAIR

    def held(self, entity: str) -> int:
        """What the entity holds with those acting with it."""
        if self.grouped or entity == GROUP:
            return sum(self.shares.values())
        return self.shares[entity]

    def largest(self) -> int:
        """The most shares that stay under the line, by a plain search in Fractions."""
        lo, hi = 0, self.total
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.crosses(mid):
                hi = mid - 1
            else:
                lo = mid
        return lo

    def crosses(self, held: int) -> bool:
        """Whether ``held`` shares cross the threshold, in Fractions."""
        share = Fraction(held * 100, self.total)
        if self.comparison is AT_LEAST:
            return share >= self.percent
        return share > self.percent

    def step(self, *, acquired: tuple[str, ...] = (), terms_changed: bool = False) -> None:
        """The end of a day: who became an Acquiring Person, who is excused or grandfathered."""
        for entity in self.entities():
            held = self.held(entity)
            bought = entity in acquired or (
                (self.grouped or entity == GROUP) and any(a in acquired for a in (*PAIR, GROUP))
            )
            state = self.standing.get(entity, ("none",))
            if state[0] == "ap":
                continue
            if state[0] == "grandfathered":
                base = int(state[1])  # type: ignore[call-overload]
                if held > max(base, self.largest()):
                    if bought:
                        state = ("ap",)
                    elif terms_changed:  # new terms put it over its old line: grandfathered anew
                        state = ("grandfathered", held)
                    else:
                        state = ("buyback", held)
                else:
                    state = ("grandfathered", min(base, held))
            elif state[0] == "buyback":
                base = int(state[1])  # type: ignore[call-overload]
                if not self.crosses(held):
                    state = ("none",)
                elif bought and held > base:
                    state = ("ap",)
                else:
                    state = ("buyback", min(base, held))
            elif self.crosses(held):
                if terms_changed:
                    state = ("grandfathered", held)
                elif bought:
                    state = ("ap",)
                else:
                    state = ("buyback", held)
            self.standing[entity] = state


class GroupReplay(RuleBasedStateMachine):
    """Two holders, a group they may form, buybacks and threshold changes, one event a day."""

    @initialize(
        general=st.sampled_from(["5", "10", "15"]),
        comparison=comparisons(),
        total=st.integers(100, 10**5),
        early=st.integers(0, 30),
    )
    def start(self, general: str, comparison: rp.Comparison, total: int, early: int) -> None:
        """A plan adopted on the first day over a Fund holding ``early`` percent before it."""
        self.agreement = rp.RightsAgreement(
            company="Example Corp",
            dated="2010-01-04",
            provisions=[rp.SetThreshold(percent=general, comparison=comparison)],
        )
        self.amendments: list[rp.Amendment] = []
        self.day = pendulum.Date(2010, 1, 4)
        before = self.day.subtract(days=3)
        self.events: list[rp.Event] = [rp.OutstandingChanged(on=before, outstanding=total)]
        self.model = OwnerModel(Fraction(general), comparison, total)
        held = total * early // 100
        if held:
            self.events.append(rp.Acquisition(on=before, holder="Fund", shares=held))
            self.model.shares["Fund"] = held
        self.model.step(terms_changed=True)  # the adoption grandfathers the Fund if over

    def next_day(self) -> pendulum.Date:
        """One event a day."""
        self.day = self.day.add(days=1)
        return self.day

    @rule(holder=st.sampled_from(PAIR), data=st.data())
    def acquire(self, holder: str, data: st.DataObject) -> None:
        """A holder buys some of the shares nobody in the pair owns."""
        free = self.model.total - sum(self.model.shares.values())
        if free == 0:
            return
        amount = data.draw(st.integers(1, max(1, min(free, self.model.total // 25))))
        self.events.append(rp.Acquisition(on=self.next_day(), holder=holder, shares=amount))
        self.model.shares[holder] += amount
        self.model.step(acquired=(holder,))

    @rule(holder=st.sampled_from(PAIR), data=st.data())
    def dispose(self, holder: str, data: st.DataObject) -> None:
        """A holder sells some of its shares."""
        if self.model.shares[holder] == 0:
            return
        amount = data.draw(st.integers(1, self.model.shares[holder]))
        self.events.append(rp.Disposition(on=self.next_day(), holder=holder, shares=amount))
        self.model.shares[holder] -= amount
        self.model.step()

    @rule(data=st.data())
    def buyback(self, data: st.DataObject) -> None:
        """The company buys back shares, never below what the pair owns."""
        floor = max(sum(self.model.shares.values()), 1)
        if floor >= self.model.total:
            return
        total = data.draw(st.integers(floor, self.model.total - 1))
        self.events.append(
            rp.OutstandingChanged(on=self.next_day(), outstanding=total, reason="buyback")
        )
        self.model.total = total
        self.model.step()

    @precondition(lambda self: not self.model.grouped)
    @rule()
    def form_group(self) -> None:
        """The two agree to act together: each acquires the other's shares."""
        self.events.append(rp.GroupFormed(on=self.next_day(), group=GROUP, members=list(PAIR)))
        self.model.grouped = True
        self.model.step(acquired=(GROUP,))

    @rule(percent=st.sampled_from(["4.99", "5", "8", "10", "20"]), comparison=comparisons())
    def change_threshold(self, percent: str, comparison: rp.Comparison) -> None:
        """An amendment sets a new threshold: holders then over it are grandfathered."""
        day = self.next_day()
        change = rp.SetThreshold(percent=percent, comparison=comparison)
        amendment = rp.Amendment(number=len(self.amendments) + 1, executed=day, changes=[change])
        self.amendments.append(amendment)
        changed = (Fraction(percent), comparison) != (self.model.percent, self.model.comparison)
        self.model.percent, self.model.comparison = Fraction(percent), comparison
        self.model.step(terms_changed=changed)

    @invariant()
    def agrees_with_the_model(self) -> None:
        """Every entity's status and standing match the reference model."""
        plan = rp.Plan(self.agreement, self.amendments)
        history = rp.replay(plan, self.events)
        for entity in self.model.entities():
            if entity not in history.holders():
                continue
            found = history.status_of(entity, on=self.day)
            state = self.model.standing.get(entity, ("none",))
            standing = found.standing
            event("standing", state[0])
            if state[0] == "ap":
                assert found.status is rp.Status.TRIGGERED, entity
                assert isinstance(standing, rp.AcquiringPerson)
            elif state[0] in ("grandfathered", "buyback"):
                assert standing.kind == state[0], (entity, standing)
                assert standing.base_shares == state[1]  # type: ignore[union-attr]
                over = self.model.crosses(self.model.held(entity))
                expected = rp.Status.EXCUSED if over else None
                if expected is not None:
                    assert found.status is expected, entity
            else:
                assert standing == rp.standing.ORDINARY, (entity, standing)
                assert found.status in (rp.Status.CLEAR, rp.Status.WARNING), entity


TestGroupReplay = GroupReplay.TestCase
TestGroupReplay.settings = settings(max_examples=60, stateful_step_count=15, deadline=None)
