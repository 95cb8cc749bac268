"""One holding against the terms in force on a date: verdict, limit, headroom and reasons.

Each rule a plan states is an "is not an Acquiring Person unless" clause: the general
threshold binds everyone; a passive tier lets passive holders go higher; a named-holder
exception lets its holder go higher still, while its conditions hold. A holder triggers the
plan only when it crosses every rule that applies to it, so the limit that binds is the most
generous applicable one, and that is the limit reported, with its source.
"""

from __future__ import annotations

import enum
import functools
from fractions import Fraction

import attrs
import pendulum

from rightsplan.dates import DateLike, to_date
from rightsplan.errors import InputTypeError, InvalidPercentError
from rightsplan.ownership import Counted, Position, ReportedHolding
from rightsplan.percent import format_percent, readable_percent, to_percent
from rightsplan.plan import Plan
from rightsplan.terms import Exemption, Limit, LimitKind, Terms

__all__ = [
    "DEFAULT_WARN_AT",
    "Assessment",
    "Consideration",
    "Status",
    "assess",
    "binding_limit",
    "in_force",
    "warn_ratio",
]

DEFAULT_WARN_AT = Fraction(9, 10)
"""By default a holding at or above 90% of its limit is a :attr:`Status.WARNING`."""


class Status(enum.Enum):
    """The verdict on one holding."""

    CLEAR = "clear"
    """Below the limit, and below the warning line."""
    WARNING = "warning"
    """Below the limit, but at or above the warning share of it (90% by default)."""
    TRIGGERED = "triggered"
    """At or over the limit: the holding would make the holder an Acquiring Person."""
    EXEMPT = "exempt"
    """The holder is an Exempt Person and can never be an Acquiring Person."""
    INACTIVE = "inactive"
    """No plan is in force on the date (not yet adopted, expired, terminated or redeemed)."""
    UNCERTAIN = "uncertain"
    """A holding known only as a rounded percentage whose rounding straddles the limit."""
    EXCUSED = "excused"
    """Over the limit but not an Acquiring Person, in a history: grandfathered, pushed over
    by a buyback, or within a cure period after an inadvertent crossing."""


@attrs.frozen
class Consideration:
    """A rule the assessment looked at, whether it applied to this holder, and why."""

    limit: Limit
    applies: bool
    reason: str


@attrs.frozen
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

    @property
    def holder(self) -> str:
        """The holder assessed."""
        return self.position.holder

    @property
    def percent(self) -> Fraction:
        """The holding as an exact percentage: as counted, or as reported."""
        if isinstance(self.position, ReportedHolding):
            return self.position.value
        if self.counted is not None:
            return self.counted.percent
        return self.position.percent

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
        if self.limit is not None:
            lines.append(f"Limit: {self.limit.describe()}, set by {self.limit.source.cite()}.")
            if self.limit.source.quote:
                lines.append(f'  "{self.limit.source.quote}"')
            if self.limit.source.note:
                lines.append(f"  Note: {self.limit.source.note}")
            if self.max_shares is not None:
                lines.append(f"Largest holding that does not trigger: {self.max_shares:,} shares.")
            if self.headroom is not None:
                if self.headroom >= 0:
                    lines.append(f"Headroom: {self.headroom:,} more shares may be acquired.")
                else:
                    lines.append(f"Over the limit by {-self.headroom:,} shares.")
        others = [c for c in self.considered if c.limit is not self.limit]
        if others:
            lines.append("Also considered:")
            lines.extend(
                f"  - {c.limit.describe()} ({c.limit.source.cite()}): {c.reason}" for c in others
            )
        return "\n".join(lines)


def warn_ratio(value: object) -> Fraction:
    """Read a warning line: a share of the limit in (0, 1].

    Given like ``"0.9"``, ``"90%"`` or a Fraction, never a float; anything else raises
    :class:`~rightsplan.errors.InvalidPercentError` (or a TypeError subclass for a float).

    >>> warn_ratio("90%")
    Fraction(9, 10)
    """
    if value is DEFAULT_WARN_AT:
        return DEFAULT_WARN_AT
    if type(value) is Fraction and 0 < value.numerator <= value.denominator:
        return value
    if isinstance(value, str):
        return _warn_ratio_text(value)
    return _read_warn_ratio(value)


@functools.lru_cache(maxsize=256)
def _warn_ratio_text(value: str) -> Fraction:
    return _read_warn_ratio(value)


def _read_warn_ratio(value: object) -> Fraction:
    if isinstance(value, str) and value.strip().endswith("%"):
        ratio = to_percent(value, what="warn_at") / 100
    else:
        ratio = to_percent(value, what="warn_at")
    if not 0 < ratio <= 1:
        raise InvalidPercentError(
            f'warn_at: expected a share of the limit in (0, 1], like "0.9" or "90%", '
            f"got {format_percent(ratio)}"
        )
    return ratio


def assess(
    plan: Plan,
    position: Position | ReportedHolding,
    *,
    on: DateLike,
    warn_at: Fraction | str | int = DEFAULT_WARN_AT,
) -> Assessment:
    """Assess one holding against the terms of ``plan`` in force ``on`` that date.

    ``position`` is a :class:`~rightsplan.Position` (exact shares) or a
    :class:`~rightsplan.ReportedHolding` (a rounded, reported percentage). ``warn_at`` is the
    share of the limit at or above which a holding below it is a :attr:`Status.WARNING` (a
    Fraction, Decimal, or text like ``"0.9"`` or ``"90%"``).

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
    company = plan.company

    terms, why_not = in_force(plan, day)
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
        )

    exemption = terms.exemption_for(position.holder, position.kind)
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

    considered, limit = binding_limit(terms, position.holder, passive=position.passive)
    if isinstance(position, ReportedHolding):
        return _assess_reported(company, position, day, ratio, terms, considered, limit)
    counted = position.counted(terms.ownership)
    threshold = limit.threshold
    max_shares = threshold.max_shares(counted.outstanding)
    headroom = max_shares - counted.shares
    if headroom < 0:
        # Crossing is monotone in the shares held, so the holding crosses the threshold
        # exactly when it is over the largest holding that does not: one comparison fewer.
        status = Status.TRIGGERED
        reason = (
            f"The holding crosses {threshold.describe()}: it would make "
            f"{position.holder} an Acquiring Person."
        )
    elif _at_least_share(counted, ratio, limit.percent):
        status = Status.WARNING
        line = _warning_line(ratio.numerator, ratio.denominator)
        reason = f"The holding is below the limit but at or above {line}% of it."
    else:
        status = Status.CLEAR
        reason = "The holding is below the limit."
    return Assessment(
        company,
        position,
        day,
        status,
        limit,
        max_shares,
        headroom,
        ratio,
        reason,
        considered=considered,
        counted=counted,
        terms=terms,
    )


@functools.lru_cache(maxsize=256)
def _warning_line(numerator: int, denominator: int) -> str:
    """The warning line ``numerator / denominator`` of the limit, written as a percentage.

    Keyed by the two integers: multiplying and writing a Fraction on every call costs more
    than the rest of a warning.
    """
    return format_percent(Fraction(numerator, denominator) * 100)


def _at_least_share(counted: Counted, ratio: Fraction, percent: Fraction) -> bool:
    """Whether the counted holding is at least ``ratio`` of ``percent``, in integers."""
    return (
        counted.shares * 100 * ratio.denominator * percent.denominator
        >= ratio.numerator * percent.numerator * counted.outstanding
    )


def in_force(plan: Plan, day: pendulum.Date) -> tuple[Terms | None, str | None]:
    """The terms on ``day`` and, when no plan is in force then, why not (else ``None``)."""
    agreement = plan.agreement
    if day < agreement.dated:
        return None, f"the {agreement.name} is dated {agreement.dated.isoformat()}"
    terms = plan.terms_at(day)
    if terms.ended is not None and terms.ended.on <= day:
        return terms, (
            f"{terms.ended.kind.value} on {terms.ended.on.isoformat()} by "
            f"{terms.ended.source.cite()}"
        )
    if terms.expiration is not None and day > terms.expiration.date:
        return terms, (
            f"the rights expired at the close of business on "
            f"{terms.expiration.date.isoformat()} (Final Expiration Date, "
            f"{terms.expiration.source.cite()})"
        )
    return terms, None


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
            f"{_warning_line(ratio.numerator, ratio.denominator)}% of it."
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


_SPECIFICITY = {LimitKind.GENERAL: 0, LimitKind.PASSIVE: 1, LimitKind.EXCEPTION: 2}


_EVERY_HOLDER = "applies to every holder"


_GENERAL_ONLY: dict[int, tuple[Limit, tuple[Consideration, ...]]] = {}
"""What :func:`binding_limit` answers when only the general rule applies, by that limit.

Keyed by identity, since hashing a Limit means hashing its Fraction and its Source; each
entry holds its limit, so no other object can take the id while the entry stands."""

_GENERAL_ONLY_SIZE = 4096


def _general_only(general: Limit) -> tuple[Consideration, ...]:
    entry = _GENERAL_ONLY.get(id(general))
    if entry is not None and entry[0] is general:
        return entry[1]
    considered = (Consideration(general, True, _EVERY_HOLDER),)
    if len(_GENERAL_ONLY) >= _GENERAL_ONLY_SIZE:
        _GENERAL_ONLY.clear()
    _GENERAL_ONLY[id(general)] = (general, considered)
    return considered


def binding_limit(
    terms: Terms, holder: str, *, passive: bool
) -> tuple[tuple[Consideration, ...], Limit]:
    """Every rule looked at for ``holder``, and the one that binds.

    The binding rule is the most generous applicable one (on a tie, the most specific).
    """
    exception = terms.exception_for(holder)
    if terms.passive is None and exception is None:
        # Only the general rule: the common case, answered without comparing rules.
        return _general_only(terms.general), terms.general
    considered = [Consideration(terms.general, True, _EVERY_HOLDER)]
    if terms.passive is not None:
        if passive:
            considered.append(
                Consideration(terms.passive, True, "the holder is passive (Schedule 13G-eligible)")
            )
        else:
            considered.append(
                Consideration(
                    terms.passive,
                    False,
                    "not available: the holder is not passive (it holds with an intention of "
                    "changing or influencing control)",
                )
            )
    if exception is not None:
        if exception.requires_passive and not passive:
            considered.append(
                Consideration(
                    exception.limit(),
                    False,
                    f"lost: the exception lasts only while {exception.holder} holds without any "
                    "intention of changing or influencing control, and this holding is not "
                    "passive, so the general rule applies",
                )
            )
        else:
            considered.append(
                Consideration(exception.limit(), True, f"{holder} is covered by this exception")
            )
    winner = max(
        (c for c in considered if c.applies),
        key=lambda c: (c.limit.threshold.sort_key(), _SPECIFICITY[c.limit.kind]),
    )
    marked = tuple(
        c
        if c is winner or not c.applies
        else attrs.evolve(c, reason=f"{c.reason}; a more generous applicable rule binds")
        for c in considered
    )
    return marked, winner.limit
