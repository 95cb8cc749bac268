"""The end of a day: the rulebook's verdicts, and the transitions between standings.

Every verdict comes from :func:`rightsplan.rules.verdict` with the holder's standing; this
module decides only when a standing changes: who becomes an Acquiring Person, who is
grandfathered or excused, whose excuse lapses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from fractions import Fraction

import attrs
import pendulum

from rightsplan.errors import UnknownTermError
from rightsplan.history._events import (
    _apply,
    _Books,
    _GroupNamedError,
    _Holding,
    _where,
)
from rightsplan.history._results import HolderStatus, LedgerError
from rightsplan.ledger import Event
from rightsplan.ownership import Counted
from rightsplan.plan import Plan
from rightsplan.rules import (
    Status,
    Verdict,
    acquiring_person_lapses,
    binding_limit,
    deciding_unknowns,
    exempt_within_cap,
    if_in_force,
    in_force_or_unknown,
    known_share_cap,
    limits_at_extremes,
    most_generous,
    verdict,
)
from rightsplan.sources import Source
from rightsplan.standing import (
    ORDINARY,
    AcquiringPerson,
    BuybackExcused,
    Grandfathered,
    InadvertentExcused,
    Ordinary,
    PossibleAcquiringPerson,
    Standing,
)
from rightsplan.terms import (
    Exemption,
    GrandfatherBase,
    GrandfatherCutoff,
    HolderKind,
    Limit,
    Terms,
    UnknownLimit,
)


@attrs.frozen
class _Component:
    """Holders assessed together (a group, Affiliates), with the groups among them."""

    members: tuple[str, ...]
    groups: tuple[str, ...]

    @property
    def label(self) -> str:
        return self.groups[0] if self.groups else self.members[0]


def _components(books: _Books) -> dict[str, _Component]:
    """Each holder's component, by union-find over groups and affiliations."""
    parent = {key: key for key in books.holdings}

    def find(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb, key=books.order.__getitem__)] = min(
                ra, rb, key=books.order.__getitem__
            )

    for group in books.groups.values():
        for other in group.members[1:]:
            union(group.members[0], other)
    for one, other in books.links:
        union(one, other)
    members: dict[str, list[str]] = {}
    for key in books.holdings:
        members.setdefault(find(key), []).append(key)
    groups: dict[str, list[str]] = {}
    for gkey, group in books.groups.items():
        groups.setdefault(find(group.members[0]), []).append(gkey)
    by_root = {
        root: _Component(
            tuple(sorted(keys, key=books.order.__getitem__)),
            tuple(sorted(groups.get(root, ()), key=books.order.__getitem__)),
        )
        for root, keys in members.items()
    }
    return {key: by_root[find(key)] for key in books.holdings}


def _sum(holdings: Iterable[_Holding], outstanding: int, terms: Terms) -> Counted:
    shares = denominator = rights = derivatives = 0
    for holding in holdings:
        part = holding.counted(outstanding, terms)
        shares += part.shares
        denominator += part.outstanding - outstanding
        rights += part.rights
        derivatives += part.derivatives
    return Counted(shares, outstanding + denominator, rights, derivatives)


@attrs.frozen
class _Became:
    """One entity becoming an Acquiring Person (before hindsight)."""

    key: str
    on: pendulum.Date
    limit: Limit
    cause: str
    label_key: str


@attrs.frozen
class _Possible:
    """One entity possibly becoming an Acquiring Person: ``why`` names the unknown."""

    key: str
    on: pendulum.Date
    limit: Limit
    cause: str
    label_key: str
    why: str


@attrs.frozen
class _Entry:
    """A record as emitted, with what the rulebook needs to look at it again in hindsight."""

    status: HolderStatus
    terms: Terms | None
    name: str
    kind: HolderKind
    passive: bool
    unknown: str | None = None
    """Why the plan's being in force that day is unknown (``None``: it is known)."""


class _Replay:
    """The day loop: applies a day's events, then settles every component they touched."""

    def __init__(self, plan: Plan, ratio: Fraction) -> None:
        self.plan = plan
        self.ratio = ratio
        self.books = _Books()
        self.entries: dict[str, list[_Entry]] = {}
        self.crossings: dict[str, pendulum.Date] = {}
        self.became: list[_Became] = []
        self.possible: list[_Possible] = []
        self.components: dict[str, _Component] = {}
        self.previous_terms: Terms | None = None
        self.previous_active = False
        self.openers = {plan.agreement.dated: Source(plan.agreement.name, plan.agreement.dated)}
        for amendment in plan.amendments:
            self.openers[amendment.effective_date] = Source(
                amendment.name, amendment.effective_date, document=amendment.document
            )
        self.deadlines: dict[pendulum.Date, list[str]] = {}
        self.unknown: str | None = None
        self.outstanding: int | None = None
        self.fell = False
        """Whether the shares outstanding fell today (what pushes a holder over unbought)."""

    def day(self, day: pendulum.Date, events: Iterable[Event]) -> None:
        books = self.books
        books.new_day()
        for event in events:
            try:
                _apply(event, books)
            except _GroupNamedError as error:
                raise LedgerError(f"{_where(event)}: {error}") from None
        for key, episode in books.episodes.items():
            if episode.determined_on == day:
                self.deadlines.setdefault(episode.excuse.divest_by.add(days=1), []).append(key)
        terms, why_not, unknown = in_force_or_unknown(self.plan, day)
        active = terms is not None and why_not is None
        if books.regroup:
            self.components = _components(books)
        else:
            for key in books.touched:
                if key in books.holdings and key not in self.components:
                    self.components[key] = _Component((key,), ())
        due = self.deadlines.pop(day, [])
        if terms is None or not active:
            keys = books.holdings if self.previous_active else books.touched
            for key in keys:
                if key in books.holdings:
                    self.record(key, _inactive(books.names[key], day, why_not), None)
            self.previous_terms, self.previous_active = terms, False
            return
        if books.outstanding is None:
            # Nothing can be assessed before the shares outstanding are known; holders named
            # so far (by a passivity change, say) get their first record once they are.
            self.previous_terms, self.previous_active = terms, False
            return
        changed = not self.previous_active or (
            terms is not self.previous_terms and terms != self.previous_terms
        )
        # The first day an unknown expiry decides whether the plan is in force: every holding
        # is judged again (the terms are the same, so nothing else would look at it).
        if changed or books.everyone or (unknown is not None and self.unknown is None):
            roots: Iterable[_Component] = dict.fromkeys(self.components.values())
        else:
            picked: dict[_Component, None] = {}
            for key in (*books.touched, *due):
                component = self.component_of(key)
                if component is not None:
                    picked[component] = None
            roots = picked
        if changed and self.previous_terms is not None and self.previous_active:
            self.warn_loosening(day, self.previous_terms, terms)
        self.unknown = unknown
        before, self.outstanding = self.outstanding, books.outstanding
        self.fell = before is not None and books.outstanding < before
        for component in roots:
            self.settle(day, terms, changed, component)
        for gkey in books.touched:
            if gkey not in books.holdings and gkey not in books.groups and gkey in self.entries:
                self.dissolved(day, gkey)
        self.previous_terms, self.previous_active = terms, True

    def component_of(self, key: str) -> _Component | None:
        found = self.components.get(key)
        if found is not None:
            return found
        group = self.books.groups.get(key)
        if group is not None:
            return self.components.get(group.members[0])
        return None

    def dissolved(self, day: pendulum.Date, gkey: str) -> None:
        name = self.books.names[gkey]
        standing = self.books.standings.get(gkey, ORDINARY)
        since = standing.since if isinstance(standing, AcquiringPerson) else None
        reason = f"The group dissolved on {day.isoformat()}." + (
            f" It became an Acquiring Person on {since.isoformat()}." if since else ""
        )
        status = Status.TRIGGERED if since is not None else Status.CLEAR
        self.record(
            gkey,
            HolderStatus(name, day, status, reason, name, None, None, since, standing=standing),
            None,
        )

    def settle(
        self, day: pendulum.Date, terms: Terms, changed: bool, component: _Component
    ) -> None:
        books = self.books
        outstanding = books.outstanding
        assert outstanding is not None
        members = component.members
        holdings = [books.holdings[m] for m in members]
        counted = _sum(holdings, outstanding, terms)
        starts = tuple(books.day_start.get(m, h) for m, h in zip(members, holdings, strict=True))
        passive = all(h.passive for h in holdings)
        joined = not books.joined.isdisjoint(members)
        turned_active = not books.turned_active.isdisjoint(members)
        exercised = not books.exercised.isdisjoint(members)
        acquired = joined
        if not acquired and (exercised or not books.acquired.isdisjoint(members)):
            # Only what the plan counts is acquired, net of the day's sales: buying swaps a
            # plan ignores, or converting rights it already counts, acquires nothing.
            acquired = counted.shares > _sum(starts, outstanding, terms).shares
        label_key = component.label
        label = books.names[label_key]
        group_names = {
            m: [books.names[g] for g in component.groups if m in books.groups[g].members]
            for m in (members if component.groups else ())
        }
        facts = _Facts(
            day,
            terms,
            changed,
            counted,
            starts,
            acquired,
            joined,
            turned_active,
            exercised,
            self.unknown,
            self.fell,
        )
        for key in (*members, *component.groups):
            if key in books.groups:
                name, kind, covering = books.names[key], HolderKind.OTHER, [books.names[key]]
            else:
                holding = books.holdings[key]
                name, kind = holding.name, holding.kind
                covering = [name, *group_names.get(key, ())]
            self.settle_one(key, name, kind, passive, covering, label, label_key, facts)

    def settle_one(
        self,
        key: str,
        name: str,
        kind: HolderKind,
        passive: bool,
        covering: list[str],
        label: str,
        label_key: str,
        facts: _Facts,
    ) -> None:
        books = self.books
        terms, counted, day = facts.terms, facts.counted, facts.day
        if len(covering) > 1 and terms.exemption_for(name, kind) is None:
            # A group's named exception covers its members: assess under the name whose
            # binding limit is the most generous.
            limits = [limits_at_extremes(terms, n, counted, passive=passive)[1] for n in covering]
            winner = most_generous(limits, outstanding=counted.outstanding)
            name_for_rules = covering[limits.index(winner)]  # its own name on a tie
        else:
            name_for_rules = name
        standing = books.standings.get(key, ORDINARY)
        if isinstance(standing, Grandfathered) and standing.rules != terms.grandfathering:
            # The plan as amended governs: a later grandfathering clause applies from its
            # effective date, as it does to a standing given as columns of a file or a screen.
            standing = attrs.evolve(standing, rules=terms.grandfathering)
        # The binding limit at the strictest and the most generous value an unknown general
        # threshold allows (the same limit twice where it is known): over the second, the
        # holding is over whatever the unknown is; over the first only, it may be.
        strictest, generous = limits_at_extremes(terms, name_for_rules, counted, passive=passive)
        over: bool | None = counted.shares > generous.max_shares(counted.outstanding)
        if not over and counted.shares > strictest.max_shares(counted.outstanding):
            over = None
        limit = generous if over else strictest
        if (
            over
            and facts.unknown is None
            and _surely_unexempt(terms.exemption_for(name, kind), counted.shares)
        ):
            self.crossings.setdefault(key, day)

        def judge(held: Standing) -> Verdict:
            return verdict(
                terms,
                name_for_rules,
                counted,
                kind=kind,
                passive=passive,
                standing=held,
                ratio=self.ratio,
                on=day,
            )

        new: Standing = standing
        cause: str | None = None
        possible: str | None = None  # the cause of a crossing that depends on an unknown
        if isinstance(standing, PossibleAcquiringPerson):
            new, cause, result = self.undecided(key, name, standing, limit, over, facts, judge)
        else:
            if isinstance(standing, InadvertentExcused):
                episode = books.episodes[key]
                if over is False:
                    books.episodes[key] = attrs.evolve(episode, cured_on=day)
                    new = ORDINARY
                elif over and (facts.acquired or day > standing.divest_by):
                    failure = (
                        f"acquired more while over the line before {standing.divest_by.isoformat()}"
                        if facts.acquired
                        else f"not cured by {standing.divest_by.isoformat()}"
                    )
                    books.episodes[key] = attrs.evolve(episode, failed_on=day, failure=failure)
                    new = AcquiringPerson(
                        standing.crossed_on, cause=failure, limit=episode.limit or limit
                    )
            elif (
                isinstance(standing, Grandfathered)
                and over is not False
                and facts.exercised
                and ((standing.rules or terms.grandfathering).exercise_ends)
            ):
                cause = (
                    "a grandfathered holder exercised rights to acquire shares while over the line"
                )
                if not over:
                    possible, cause = cause, None
            result = judge(new)
            if (
                cause is None
                and possible is None
                and result.status is Status.TRIGGERED
                and not isinstance(new, AcquiringPerson)
            ):
                new, result, cause = self.transition(key, name, new, result, limit, facts, judge)
            elif (
                cause is None
                and possible is None
                and result.status is Status.UNCERTAIN
                and result.may_trigger
                and facts.moved
                and not isinstance(new, AcquiringPerson)
            ):
                # Over some line the unknown allows, not every one: what crossing it would do.
                moved, _, would = self.transition(key, name, new, result, limit, facts, judge)
                if would is None:  # grandfathered or excused, if over: no crossing either way
                    new, result = moved, judge(moved)
                else:
                    possible = would
            if cause is not None and facts.unknown is not None:
                possible, cause = cause, None  # the plan itself may have expired
        if possible is not None:
            whys = list(
                deciding_unknowns(
                    terms, name_for_rules, kind=kind, passive=passive, standing=standing
                )
            )
            if over and isinstance(terms.general, UnknownLimit):
                # Over every line the general threshold's bounds allow: it does not decide.
                whys.remove(terms.general.why())
            if facts.unknown is not None:
                whys.append(facts.unknown)
            why = "; ".join(whys)
            assert not isinstance(new, PossibleAcquiringPerson | AcquiringPerson)
            new = PossibleAcquiringPerson(
                day, why, otherwise=_carry(new, counted, terms, True), cause=possible, limit=limit
            )
            result = judge(new)
            self.possible.append(_Possible(key, day, limit, possible, label_key, why))
        if cause is not None:
            crossed = result.limit if result.limit is not None else limit
            new = AcquiringPerson(day, cause=cause, limit=crossed)
            result = judge(new)
            self.became.append(_Became(key, day, crossed, cause, label_key))
        elif acquiring_person_lapses(new, result):
            new = ORDINARY  # a plan whose status does not stick, and the holder is back under
        elif result.status in (Status.CLEAR, Status.WARNING, Status.EXCUSED) and not isinstance(
            new, PossibleAcquiringPerson
        ):
            carried = _carry(new, counted, terms, over is not False)
            if carried is not new:
                new, result = carried, judge(carried)
        exempted = books.exempted.get(key)
        if (
            exempted is not None
            and new is not exempted
            and not isinstance(new, AcquiringPerson | PossibleAcquiringPerson)
        ):
            # Back within the board's exemption, which still stands: it applies again.
            again = judge(exempted)
            if again.status is not Status.TRIGGERED:
                new, result = exempted, again
        books.standings[key] = new
        if facts.unknown is not None:
            result = if_in_force(result, facts.unknown)
        status = HolderStatus(
            name,
            day,
            result.status,
            result.reason,
            label,
            result.limit,
            counted,
            new.since if isinstance(new, AcquiringPerson) else None,
            result.max_shares,
            result.headroom,
            new,
            passive,
        )
        self.record(
            key, status, _Entry(status, terms, name_for_rules, kind, passive, facts.unknown)
        )

    def undecided(
        self,
        key: str,
        name: str,
        standing: PossibleAcquiringPerson,
        limit: Limit,
        over: bool | None,
        facts: _Facts,
        judge: Callable[[Standing], Verdict],
    ) -> tuple[Standing, str | None, Verdict]:
        """A day of a holder that may have become an Acquiring Person (its new standing).

        The world where it did not cross goes on as any other: ``otherwise`` is carried, or
        grandfathered or excused. Crossing there too, for certain, makes it an Acquiring
        Person whatever the unknown: the cause is returned. Where the status does not stick
        and the holding is under every line the unknown allows, both worlds agree again
        once ``otherwise`` is ordinary: the standing is settled.
        """
        terms, counted = facts.terms, facts.counted
        other: Standing = standing.otherwise
        found = judge(other)
        if facts.moved and (found.status is Status.TRIGGERED or found.may_trigger):
            moved, result, would = self.transition(key, name, other, found, limit, facts, judge)
            if would is None:
                other = moved
            elif found.status is Status.TRIGGERED and over and facts.unknown is None:
                return moved, would, result  # it crosses today whatever the unknown
        elif found.status in (Status.CLEAR, Status.WARNING, Status.EXCUSED):
            other = _carry(other, counted, terms, over is not False)
        if not terms.ownership.sticky and over is False and isinstance(other, Ordinary):
            return other, None, judge(other)
        assert not isinstance(other, PossibleAcquiringPerson)
        held = attrs.evolve(standing, otherwise=other)
        return held, None, judge(held)

    def transition(
        self,
        key: str,
        name: str,
        standing: Standing,
        result: Verdict,
        limit: Limit,
        facts: _Facts,
        judge: Callable[[Standing], Verdict],
    ) -> tuple[Standing, Verdict, str | None]:
        """Over its line: becomes an Acquiring Person, or is grandfathered or excused."""
        terms, counted, day = facts.terms, facts.counted, facts.day
        books = self.books
        line_moved = facts.changed or key in books.revoked
        # A grandfathered holder over its old line without acquiring anything was put there
        # by the new terms (a threshold lowered again after being raised): grandfathered anew.
        afresh = isinstance(standing, Ordinary | BuybackExcused) or (
            isinstance(standing, Grandfathered) and not facts.acquired
        )
        if line_moved and afresh:
            rules = terms.grandfathering
            before = _sum(facts.starts, counted.outstanding, terms)
            before_over = before.shares > limit.max_shares(counted.outstanding)
            if rules.cutoff is GrandfatherCutoff.CLOSE_OF_BUSINESS or not facts.acquired:
                base = counted.shares
            elif before_over:
                base = before.shares
            else:
                base = -1
            if base >= 0:
                source = (
                    Source("Board determination", day, note="exemption revoked")
                    if key in books.revoked
                    else self.openers.get(day, Source("The terms in force", day))
                )
                held = Grandfathered(day, base, source=source, rules=rules)
                again = judge(held)
                if again.status is not Status.TRIGGERED:
                    return held, again, None
                standing, result = held, again
        if facts.turned_active:
            return standing, result, "turned active (no longer passive)"
        if facts.acquired:
            if isinstance(standing, Grandfathered):
                return standing, result, "a grandfathered holder acquired additional shares"
            if isinstance(standing, BuybackExcused):
                return standing, result, "acquired more shares while over the line after a buyback"
            return standing, result, "formed a group" if facts.joined else "acquired shares"
        # Over without acquiring: the shares outstanding fell (a buyback).
        excused = BuybackExcused(
            day,
            counted.shares,
            tolerance=terms.ownership.buyback_tolerance,
            source=terms.ownership.source,
        )
        return excused, judge(excused), None

    def record(self, key: str, status: HolderStatus, entry: _Entry | None) -> None:
        day = status.start
        entries = self.entries.setdefault(key, [])
        if entry is None:
            entry = _Entry(status, None, status.holder, HolderKind.OTHER, False)
        if entries:
            last = entries[-1]
            if _same(last.status, status) and (
                last.terms is entry.terms or last.terms == entry.terms
            ):
                # Same record under the same terms. Under new terms a record is kept even if
                # it says the same: in hindsight (an inadvertence episode) it is judged again,
                # under the terms of its own days.
                return
            if last.status.start == day:
                entries[-1] = entry
                return
        entries.append(entry)

    def warn_loosening(self, day: pendulum.Date, old: Terms, new: Terms) -> None:
        names = [a.name for a in self.plan.amendments if a.effective_date == day] or ["the terms"]
        books = self.books
        for component in dict.fromkeys(self.components.values()):
            key = component.label
            standing = books.standings.get(key)
            if not isinstance(standing, AcquiringPerson):
                continue
            label = books.names[key]
            holding = books.holdings.get(key, _Holding(label))
            passive = all(books.holdings[m].passive for m in component.members)
            outstanding = books.outstanding
            try:
                was = _limit_text(old, label, holding, passive, outstanding)
                now = _limit_text(new, label, holding, passive, outstanding)
            except UnknownTermError as error:
                books.warnings.append(
                    f"{', '.join(names)} ({day.isoformat()}) changes the terms for {label}, an "
                    f"Acquiring Person since {standing.since.isoformat()}; whether it loosens "
                    f"them cannot be told: {error}."
                )
                continue
            if was[1] < now[1]:
                books.warnings.append(
                    f"{', '.join(names)} ({day.isoformat()}) loosens the terms for {label}, an "
                    f"Acquiring Person since {standing.since.isoformat()}: {was[0]} becomes "
                    f"{now[0]}. A board may not amend a plan to favour an Acquiring Person."
                )


@attrs.frozen
class _Facts:
    """What a component did today, as the transitions need it."""

    day: pendulum.Date
    terms: Terms
    changed: bool
    counted: Counted
    starts: tuple[_Holding, ...]
    acquired: bool
    joined: bool
    turned_active: bool
    exercised: bool
    unknown: str | None
    """Why it is unknown whether the plan is still in force today (``None``: it is known)."""
    fell: bool
    """Whether the shares outstanding fell today."""

    @property
    def moved(self) -> bool:
        """Whether today can put a holder over a line it was not over.

        It acquired, turned active or exercised rights; or the terms changed, or the shares
        outstanding fell.
        """
        return self.acquired or self.turned_active or self.exercised or self.changed or self.fell


def _surely_unexempt(exemption: Exemption | None, shares: int) -> bool:
    """Whether no Exempt Person clause covers ``shares``: False where an unknown cap decides."""
    try:
        return not exempt_within_cap(exemption, shares)
    except UnknownTermError:
        return False  # it may be exempt: not a certain crossing


def _limit_text(
    terms: Terms, name: str, holding: _Holding, passive: bool, outstanding: int | None
) -> tuple[str, tuple[Fraction, bool]]:
    exemption = terms.exemption_for(name, holding.kind)
    if exemption is not None and exemption.share_cap is None:
        return "exempt", (Fraction(101), True)
    limit = binding_limit(terms, name, passive=passive, outstanding=outstanding)[1]
    if limit.share_cap is None and (exemption is None or outstanding is None):
        return limit.describe(), limit.threshold.sort_key()
    # A cap in shares: compared as the percentage of the shares outstanding it allows.
    assert outstanding is not None  # most_generous needs it for a share cap
    line = limit.max_shares(outstanding)
    cap = None if exemption is None else known_share_cap(exemption)
    if cap is not None:
        line = max(line, cap)
    return f"{limit.describe()} (at most {line:,} shares)", (
        Fraction(100 * line, outstanding),
        False,
    )


def _carry(standing: Standing, counted: Counted, terms: Terms, over: bool) -> Standing:
    """A standing after a day that made nobody an Acquiring Person: lapsed, or its base lowered."""
    if isinstance(standing, Grandfathered):
        rules = standing.rules if standing.rules is not None else terms.grandfathering
        if rules.lapses_below_threshold and not over:
            return ORDINARY
        lowest = (
            rules.known_tolerance() is None or rules.measured_from is GrandfatherBase.LOWEST_SINCE
        )
        if lowest and counted.shares < standing.base_shares:
            return attrs.evolve(standing, base_shares=counted.shares)
        return standing
    if isinstance(standing, BuybackExcused):
        if not over:
            return ORDINARY
        if counted.shares < standing.base_shares:
            return attrs.evolve(standing, base_shares=counted.shares)
    return standing


def _inactive(name: str, day: pendulum.Date, why_not: str | None) -> HolderStatus:
    return HolderStatus(name, day, Status.INACTIVE, f"No plan in force: {why_not}.", name)


def _same(one: HolderStatus, other: HolderStatus) -> bool:
    """Whether two records say the same, whatever their start (no copy made to compare)."""
    return (
        one.status is other.status
        and one.counted == other.counted
        and one.headroom == other.headroom
        and one.max_shares == other.max_shares
        and one.acquiring_person_since == other.acquiring_person_since
        and one.passive == other.passive
        and one.label == other.label
        and one.limit == other.limit
        and one.standing == other.standing
        and one.reason == other.reason
    )
