"""One holding against the terms in force on a date: verdict, limit, headroom and reasons.

Each rule a plan states is an "is not an Acquiring Person unless" clause: the general
threshold binds everyone; a passive tier lets passive holders go higher; a named-holder
exception lets its holder go higher still, while its conditions hold. A holder triggers the
plan only when it crosses every rule that applies to it, so the limit that binds is the most
generous applicable one, and that is the limit reported, with its source.
"""

from __future__ import annotations

from fractions import Fraction

import attrs
import pendulum

from rightsplan import _check
from rightsplan._printable import quoted
from rightsplan.dates import DateLike, to_date
from rightsplan.errors import InputTypeError, InvalidInputError
from rightsplan.ownership import Counted, Position, ReportedHolding
from rightsplan.percent import format_percent, readable_percent
from rightsplan.plan import Plan
from rightsplan.report import assessment_html, short
from rightsplan.rules import (
    DEFAULT_WARN_AT,
    Consideration,
    Status,
    Verdict,
    binding_limit,
    combine,
    deciding_unknowns,
    extremes,
    if_in_force,
    in_force,
    in_force_or_unknown,
    sticky_acquiring_person,
    verdict,
    warn_ratio,
    warning_line_text,
)
from rightsplan.standing import (
    ORDINARY,
    AcquiringPerson,
    Ordinary,
    Standing,
    check_standing,
    starts_after,
)
from rightsplan.terms import Exemption, Limit, Terms, share_cap_words

__all__ = [
    "DEFAULT_WARN_AT",
    "Assessment",
    "Consideration",
    "Status",
    "assess",
    "binding_limit",
    "in_force",
    "near_matches",
    "warn_ratio",
]


@attrs.frozen(repr=False)
class Assessment:
    """The verdict on one holding on one date, with the rule it rests on.

    ``limit`` is the rule that binds (``None`` when the holder is exempt or no plan is in
    force); ``max_shares`` the largest holding that does not trigger; ``headroom`` the
    shares that may still be acquired (negative when over). :meth:`explain` says it all in
    words, citing the instrument and section that set the limit.

    For a :class:`~rightsplan.Position`, ``counted`` is the holding as the plan counts it
    (rights to acquire and derivatives included or not); for a
    :class:`~rightsplan.ReportedHolding`, ``percent_range`` is the interval its rounding
    allows and ``headroom`` is ``None``.
    """

    company: str
    position: Position | ReportedHolding
    on: pendulum.Date
    status: Status
    limit: Limit | None
    max_shares: int | None
    headroom: int | None
    warn_at: Fraction
    reason: str
    considered: tuple[Consideration, ...] = ()
    exemption: Exemption | None = None
    counted: Counted | None = None
    percent_range: tuple[Fraction, Fraction] | None = None
    terms: Terms | None = attrs.field(default=None, repr=False)
    standing: Standing = ORDINARY
    """The standing the holding was assessed with (:class:`~rightsplan.Ordinary`: none)."""

    def __repr__(self) -> str:
        limit = f", limit {self.limit.threshold.describe()}" if self.limit is not None else ""
        return (
            f"<Assessment {short(self.holder)!r} on {self.on.isoformat()}: "
            f"{self.status.value}{limit}>"
        )

    def _repr_html_(self) -> str:
        return assessment_html(self)

    @property
    def holder(self) -> str:
        """The holder assessed."""
        return self.position.holder

    def as_verdict(self) -> Verdict:
        """The rulebook's :class:`~rightsplan.rules.Verdict` this assessment carries."""
        return Verdict(
            self.status,
            self.reason,
            self.limit,
            self.max_shares,
            self.headroom,
            self.considered,
            self.exemption,
            self.standing,
        )

    def rejudged(self, judged: Verdict) -> Assessment:
        """The same assessment with the answer of ``judged``, a rule applied to its verdict.

        The status, reason, limit, largest holding, headroom and considerations are
        ``judged``'s (a rule such as :func:`rightsplan.rules.at_least` or
        :func:`~rightsplan.rules.either_fact` applied to :meth:`as_verdict`); the holding,
        date and standing stay this one's.
        """
        return attrs.evolve(
            self,
            status=judged.status,
            reason=judged.reason,
            limit=judged.limit,
            max_shares=judged.max_shares,
            headroom=judged.headroom,
            considered=judged.considered,
        )

    @property
    def percent(self) -> Fraction:
        """The holding as an exact percentage: as counted, or as reported."""
        if isinstance(self.position, ReportedHolding):
            return self.position.value
        if self.counted is not None:
            return self.counted.percent
        return self.position.percent

    @property
    def near_matches(self) -> tuple[str, ...]:
        """Names the terms use that the holder's name nearly matches but does not.

        A likely misspelling ("IPOF Grop", "I.P.O.F. Group"): the holding was assessed as a
        stranger's, and :meth:`explain` says so. Empty when the name matches one the terms
        use (an exception's holder or member, an Exempt Person) or is near none.
        """
        return near_matches(self.terms, self.holder)

    def _describe_holding(self) -> str:
        position = self.position
        if isinstance(position, ReportedHolding):
            low, high = position.interval
            return (
                f"{position.holder} reports {position.reported.strip()} of {self.company}'s "
                f"shares (between {format_percent(low)}% and {format_percent(high)}% once "
                f"rounding is allowed for)"
            )
        text = (
            f"{position.holder} holds {position.shares:,} of {position.outstanding:,} "
            f"{self.company} shares outstanding ({readable_percent(position.percent)})"
        )
        counted = self.counted
        if counted is not None and (counted.rights or counted.derivatives):
            parts = []
            if counted.rights:
                parts.append(f"{counted.rights:,} shares it has the right to acquire")
            if counted.derivatives:
                parts.append(f"{counted.derivatives:,} derivative share equivalents")
            text += (
                f"; with {' and '.join(parts)}, the plan counts {counted.shares:,} of "
                f"{counted.outstanding:,} ({readable_percent(counted.percent)})"
            )
        return text

    def explain(self) -> str:
        """A short explanation citing the instrument and section that set the limit."""
        lines = [
            f"{self._describe_holding()} on {self.on.isoformat()}: {self.status.name}.",
            self.reason,
        ]
        if type(self.standing) is not Ordinary:
            lines.append(f"Standing: {self.standing.describe()}.")
        if self.limit is not None:
            lines.append(f"Limit: {self.limit.describe()}, set by {self.limit.source.cite()}.")
            if self.limit.source.quote:
                lines.append(f"  {quoted(self.limit.source.quote)}")
            if self.limit.source.note:
                lines.append(f"  Note: {self.limit.source.note}")
            if self.max_shares is not None:
                lines.append(f"Largest holding that does not trigger: {self.max_shares:,} shares.")
            if self.headroom is not None:
                if self.headroom >= 0:
                    more = "more share may" if self.headroom == 1 else "more shares may"
                    lines.append(f"Headroom: {self.headroom:,} {more} be acquired.")
                else:
                    over = "share" if self.headroom == -1 else "shares"
                    lines.append(f"Over the limit by {-self.headroom:,} {over}.")
        near = self.near_matches
        if near:
            lines.append(
                f"Note: {self.holder!r} is not a name the plan uses, but is close to "
                f"{' and '.join(repr(name) for name in near)}; names must match (case and "
                "spacing aside), so check the spelling."
            )
        others = [c for c in self.considered if c.limit is not self.limit]
        if others:
            lines.append("Also considered:")
            lines.extend(
                f"  - {c.limit.describe()} ({c.limit.source.cite()}): {c.reason}" for c in others
            )
        return "\n".join(lines)


def near_matches(terms: Terms | None, holder: str) -> tuple[str, ...]:
    """Names ``terms`` use that ``holder`` nearly matches but does not (a likely misspelling).

    The names are an exception's holder and members and the Exempt Persons; the test is
    :func:`rightsplan._check.near_names`. :attr:`Assessment.near_matches` and the screen's
    ``near_match`` column are this function.
    """
    if terms is None:
        return ()
    named = [name for exception in terms.exceptions for name in exception.names()]
    named.extend(exemption.name for exemption in terms.exemptions)
    return _check.near_names(holder, named)


def assess(
    plan: Plan,
    position: Position | ReportedHolding,
    *,
    on: DateLike,
    standing: Standing | None = None,
    warn_at: Fraction | str | int = DEFAULT_WARN_AT,
) -> Assessment:
    """Assess one holding against the terms of ``plan`` in force ``on`` that date.

    ``position`` is a :class:`~rightsplan.Position` (exact shares) or a
    :class:`~rightsplan.ReportedHolding` (a rounded, reported percentage). ``standing`` is
    what the holder's past makes of the holding (grandfathered, excused, an Acquiring Person
    already, exempted by the board; see :mod:`rightsplan.standing`), as
    :meth:`rightsplan.History.standing` gives it; ``None`` means none; one that starts
    after ``on`` is an :class:`~rightsplan.InvalidInputError`. ``warn_at`` is the
    share of the limit at or above which a holding below it is a :attr:`Status.WARNING` (a
    Fraction, Decimal, or text like ``"0.9"`` or ``"90%"``). The rules applied are those of
    :func:`rightsplan.rules.verdict`.

    >>> import rightsplan as rp
    >>> a = rp.assess(rp.examples.innotrac(),
    ...               rp.Position("Another Fund", 1_735_848, 11_572_314), on="2003-12-01")
    >>> a.status, a.max_shares, a.headroom
    (<Status.TRIGGERED: 'triggered'>, 1735847, -1)
    """
    if not isinstance(plan, Plan):
        raise InputTypeError(f"plan: expected a Plan, got {plan!r}")
    if not isinstance(position, (Position, ReportedHolding)):
        raise InputTypeError(
            f"position: expected a Position or a ReportedHolding, got {position!r}"
        )
    day = to_date(on, what="on")
    ratio = warn_ratio(warn_at)
    held = ORDINARY if standing is None else check_standing(standing)
    late = starts_after(held, day)
    if late is not None:
        raise InvalidInputError(f"standing: {late}")
    company = plan.company

    terms, why_not, unknown = in_force_or_unknown(plan, day)
    if terms is None or why_not is not None:
        return Assessment(
            company,
            position,
            day,
            Status.INACTIVE,
            None,
            None,
            None,
            ratio,
            f"No plan in force: {why_not}.",
            terms=terms,
            standing=held,
        )
    found = _assess_in_force(company, position, day, ratio, terms, held)
    if unknown is None:
        return found
    # In force or not, as an unknown expiry decides: the rulebook's rule (rules.if_in_force).
    return found.rejudged(if_in_force(found.as_verdict(), unknown))


def _assess_in_force(
    company: str,
    position: Position | ReportedHolding,
    day: pendulum.Date,
    ratio: Fraction,
    terms: Terms,
    held: Standing,
) -> Assessment:
    """The assessment on a day the plan is in force (or would be, if an unknown allows)."""
    if isinstance(position, ReportedHolding):
        if type(held) is not Ordinary and not isinstance(held, AcquiringPerson):
            raise InputTypeError(
                "standing: a reported (rounded) holding is assessed without a standing, or "
                "as an Acquiring Person's; give the exact shares as a Position"
            )
        reported = _assess_reported_holding(company, position, day, ratio, terms)
        if not isinstance(held, AcquiringPerson):
            return reported
        # An Acquiring Person already: the rulebook's rule for one, whatever it holds now.
        stuck = (
            None
            if reported.exemption is not None
            else sticky_acquiring_person(
                terms, position.holder, held, reported.limit, reported.considered
            )
        )
        judged = reported if stuck is None else reported.rejudged(stuck)
        return attrs.evolve(judged, standing=held)
    counted = position.counted(terms.ownership)
    found = verdict(
        terms,
        position.holder,
        counted,
        kind=position.kind,
        passive=position.passive,
        standing=held,
        ratio=ratio,
        on=day,
    )
    return Assessment(
        company,
        position,
        day,
        found.status,
        found.limit,
        found.max_shares,
        found.headroom,
        ratio,
        found.reason,
        considered=found.considered,
        exemption=found.exemption,
        counted=None if found.exemption is not None else counted,
        terms=terms,
        standing=held,
    )


def _assess_reported_holding(
    company: str,
    position: ReportedHolding,
    day: pendulum.Date,
    ratio: Fraction,
    terms: Terms,
) -> Assessment:
    """A reported, rounded holding judged on a day the plan is in force (no standing)."""
    exemption = terms.exemption_for(position.holder, position.kind)
    exception = terms.exception_for(position.holder)
    for capped in (exemption, exception):
        if capped is not None and capped.share_cap is not None:
            raise InvalidInputError(
                f"{position.holder}: the plan caps it at {share_cap_words(capped.share_cap)} "
                f"({capped.source.cite()}); a reported percentage cannot be held against "
                "a number of shares: give the exact shares as a Position"
            )
    if exemption is not None:
        return Assessment(
            company,
            position,
            day,
            Status.EXEMPT,
            None,
            None,
            None,
            ratio,
            f"{position.holder} is an Exempt Person ({exemption.name}), never an Acquiring "
            f"Person, per {exemption.source.cite()}.",
            exemption=exemption,
            terms=terms,
        )
    unknown = deciding_unknowns(
        terms, position.holder, kind=position.kind, passive=position.passive
    )
    if not unknown:
        considered, limit = binding_limit(terms, position.holder, passive=position.passive)
        return _assess_reported(company, position, day, ratio, terms, considered, limit)
    # The same two extremes the rulebook uses (rules.combine), for a rounded holding:
    # without a lower bound, any holding the rounding allows above none may cross.
    low = position.interval[0]
    smallest = low if low > 0 else Fraction(1, 10**9)
    at = []
    for known, _ in extremes(terms, smallest):
        considered, limit = binding_limit(known, position.holder, passive=position.passive)
        at.append(_assess_reported(company, position, day, ratio, known, considered, limit))
    combined = combine(at[0].as_verdict(), at[1].as_verdict(), "; ".join(unknown))
    return attrs.evolve(at[0].rejudged(combined), terms=terms)


def _assess_reported(
    company: str,
    position: ReportedHolding,
    day: pendulum.Date,
    ratio: Fraction,
    terms: Terms,
    considered: tuple[Consideration, ...],
    limit: Limit,
) -> Assessment:
    low, high = position.interval
    comparison, line = limit.comparison, limit.percent
    if comparison.crosses_percent(low, line):
        status = Status.TRIGGERED
        reason = (
            f"Even the lowest holding that rounds to {position.reported.strip()} crosses "
            f"{limit.threshold.describe()}."
        )
    elif comparison.crosses_percent(high, line):
        status = Status.UNCERTAIN
        reason = (
            f"The reported {position.reported.strip()} could be a holding on either side of "
            f"{limit.threshold.describe()}: the exact share count is needed."
        )
    elif high >= ratio * line:
        status = Status.WARNING
        reason = (
            f"Below the limit whatever the rounding, but possibly at or above "
            f"{warning_line_text(ratio.numerator, ratio.denominator)}% of it."
        )
    else:
        status = Status.CLEAR
        reason = "Below the limit whatever the rounding."
    max_shares = (
        limit.threshold.max_shares(position.outstanding)
        if position.outstanding is not None
        else None
    )
    return Assessment(
        company,
        position,
        day,
        status,
        limit,
        max_shares,
        None,
        ratio,
        reason,
        considered=considered,
        percent_range=(low, high),
        terms=terms,
    )
