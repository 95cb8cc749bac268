"""Every verdict rule, once: the rulebook that assessing, replaying and screening share.

- **In force** (:func:`in_force`): a plan is in force from its agreement's date until it
  ends (termination or redemption take effect at the start of their day) or its rights
  expire (at the close of business on the Final Expiration Date).
- **Unknown terms** (:func:`in_force_or_unknown`, :func:`verdict`): where the filings leave
  a term unknown (:mod:`rightsplan.unknowns`: the general threshold, the passive tier, an
  exception's cap in percent or shares, an Exempt Person's cap in shares, the
  grandfathering tolerance, the Final Expiration Date, whether an exception or an
  exemption has lapsed on its condition), an answer is worked out at the
  extremes the bounds allow (:func:`extremes`: every unknown at its strictest, then every
  one at its most generous); one they agree on is exact, one they disagree on is
  :attr:`Status.UNCERTAIN`, naming the terms that decide it and their sources. Between
  a possible crossing and none, UNCERTAIN; between a WARNING and a CLEAR, WARNING (the
  holding is near some possible limit, as for a rounded holding). Whether the plan is in
  force at all, if an unknown expiry decides, makes every answer that day UNCERTAIN.
- **Exempt Persons** (:meth:`rightsplan.Terms.exemption_for`): the first clause listed that
  covers the holder's name or kind.
- **The binding limit** (:func:`binding_limit`, :func:`most_generous`): every rule a plan
  states is an "is not an Acquiring Person unless" clause, so the limit that binds is the
  most generous one that applies; ties go to the more specific rule (:data:`PRECEDENCE`),
  then to the holder's name, so the choice never depends on the order rules were looked at.
- **The lines, in integers**: a holding of ``s`` counted shares of ``o`` crosses a limit
  when ``s > max_shares`` (:meth:`rightsplan.Threshold.max_shares`); it warns when
  ``s * 100 * wd * den >= wn * num * o`` for a warning line ``wn / wd`` of a limit
  ``num / den`` percent (:func:`warns`).
- **Standings** (:func:`verdict`): what grandfathering, a buyback, an inadvertent crossing,
  Acquiring Person status and a board exemption make of the lines (see
  :mod:`rightsplan.standing`).
- **Codes** the engines use: :data:`STATUSES` (the verdicts in their output order),
  :data:`RULE_KINDS` (what a rule row of a screening table is) and the holder-class layout
  (:data:`HOLDER_KINDS`, :func:`holder_class`, :data:`CLASSES_PER_INTERVAL`), derived from
  the enums, never typed by hand.
"""

from __future__ import annotations

import enum
import functools
from fractions import Fraction

import attrs
import pendulum

from rightsplan import _check
from rightsplan._printable import plural
from rightsplan.errors import InvalidPercentError, UnknownTermError
from rightsplan.ownership import Counted
from rightsplan.percent import Comparison, Threshold, format_percent, holding_percent, to_percent
from rightsplan.plan import Plan
from rightsplan.sources import Source
from rightsplan.standing import (
    ORDINARY,
    AcquiringPerson,
    BoardExempted,
    BuybackExcused,
    Grandfathered,
    InadvertentExcused,
    Ordinary,
    PossibleAcquiringPerson,
    Standing,
)
from rightsplan.terms import (
    Exemption,
    Grandfathering,
    HolderKind,
    Limit,
    LimitKind,
    NamedException,
    Terms,
    UnknownLimit,
    UnknownThreshold,
)
from rightsplan.unknowns import UnknownShares

__all__ = [
    "CLASSES_PER_INTERVAL",
    "DEFAULT_WARN_AT",
    "HOLDER_KINDS",
    "PRECEDENCE",
    "RULE_KINDS",
    "STATUSES",
    "Consideration",
    "Status",
    "Verdict",
    "acquiring_person_lapses",
    "at_least",
    "binding_limit",
    "combine",
    "deciding_unknowns",
    "either_fact",
    "excused_line",
    "exempt_within_cap",
    "extremes",
    "holder_class",
    "if_in_force",
    "in_force",
    "in_force_or_unknown",
    "known_share_cap",
    "limits_at_extremes",
    "most_generous",
    "sticky_acquiring_person",
    "verdict",
    "warn_ratio",
    "warns",
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
    """Over the limit: the holding would make the holder an Acquiring Person, or it is one."""
    EXEMPT = "exempt"
    """The holder is an Exempt Person (or exempted by the board without a cap) and can never
    be an Acquiring Person."""
    INACTIVE = "inactive"
    """No plan is in force on the date (not yet adopted, expired, terminated or redeemed)."""
    UNCERTAIN = "uncertain"
    """The answer depends on what is not known: a holding known only as a rounded
    percentage whose rounding straddles the limit, or a term the plan leaves unknown (a
    threshold, a Final Expiration Date) whose possible values give different answers."""
    EXCUSED = "excused"
    """Over the general limit but not an Acquiring Person, because of its standing:
    grandfathered, pushed over by a buyback, or within a cure period after an inadvertent
    crossing."""


STATUSES: tuple[str, ...] = (
    Status.CLEAR.value,
    Status.WARNING.value,
    Status.TRIGGERED.value,
    Status.EXEMPT.value,
    Status.INACTIVE.value,
    Status.EXCUSED.value,
    Status.UNCERTAIN.value,
)
"""The verdicts a screen gives, in the order of their codes (clear 0, warning 1,
triggered 2: a limit's verdict is ``2 * crosses + (warns and not crosses)``); uncertain
last, where a term the plan leaves unknown decides."""


def status_meaning(status: Status, warn_at: object = None) -> str:
    """What a verdict means, in a line: the legend of every table that shows statuses.

    ``warn_at`` is the warning line (a share of the limit, as :func:`warn_ratio` reads it;
    the default 90% when ``None``).

    >>> status_meaning(Status.WARNING, "0.95")
    'at or above 95% of the limit, not over it'
    """
    if status is Status.WARNING:
        ratio = DEFAULT_WARN_AT if warn_at is None else warn_ratio(warn_at)
        return f"at or above {format_percent(ratio * 100)}% of the limit, not over it"
    return _MEANINGS[status]


_MEANINGS = {
    Status.CLEAR: "below the limit and below the warning line",
    Status.TRIGGERED: "over the limit: the holder would be, or is, an Acquiring Person",
    Status.EXEMPT: "an Exempt Person, or exempted by the board: never an Acquiring Person",
    Status.INACTIVE: "no plan in force on the date",
    Status.UNCERTAIN: (
        "depends on what is not known: a rounded percentage straddling the limit, or a term "
        "the plan leaves unknown"
    ),
    Status.EXCUSED: (
        "over the general limit but not an Acquiring Person: grandfathered, pushed over by a "
        "buyback, or within a cure period"
    ),
}


RULE_KINDS = {"inactive": 0, "exempt": 1, "limit": 2, "judged": 3}
"""What a screening table's rule row is: no plan in force, an Exempt Person, a limit, or
terms with an unknown that decides (rows judged one by one by :func:`verdict`)."""

HOLDER_KINDS: tuple[HolderKind, ...] = tuple(HolderKind)
"""The holder kinds in the order of their codes."""

CLASSES_PER_INTERVAL = len(HOLDER_KINDS) * 2
"""Holder classes per interval and name: every kind, passive or not."""


def holder_class(kind_code: int, passive: int | bool) -> int:
    """The holder class of a kind's code and passivity: ``kind_code * 2 + passive``."""
    return kind_code * 2 + int(passive)


PRECEDENCE: dict[LimitKind, int] = {
    LimitKind.GENERAL: 0,
    LimitKind.PASSIVE: 1,
    LimitKind.EXCEPTION: 2,
    LimitKind.BOARD_EXEMPTION: 3,
    LimitKind.BUYBACK: 4,
    LimitKind.GRANDFATHERED: 5,
}
"""Which of two equally generous limits binds (the higher): the more specific rule."""


def _limit_order(limit: Limit) -> tuple[tuple[Fraction, bool], int, str, str]:
    holder = _check.name_key(limit.holder) if limit.holder is not None else ""
    return (limit.threshold.sort_key(), PRECEDENCE[limit.kind], holder, limit.source.cite())


def most_generous(
    limits: list[Limit] | tuple[Limit, ...], *, outstanding: int | None = None
) -> Limit:
    """The limit that binds among several that apply: the most generous one.

    Ties go to the more specific kind (:data:`PRECEDENCE`), then to the holder's name and
    the citation, so the same limits give the same answer in any order. A limit with a cap
    in shares is compared by the shares it allows of ``outstanding``, which must then be
    given (how generous "up to 3,501,585 shares" is depends on the shares outstanding).
    """
    if not any(limit.share_cap is not None for limit in limits):
        return max(limits, key=_limit_order)
    if outstanding is None:
        raise ValueError(
            "a limit with a cap in shares is compared at a number of shares outstanding"
        )
    return max(limits, key=lambda limit: (limit.max_shares(outstanding), *_limit_order(limit)[1:]))


@attrs.frozen
class Consideration:
    """A rule the assessment looked at, whether it applied to this holder, and why."""

    limit: Limit
    applies: bool
    reason: str


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


def warns(counted: Counted, ratio: Fraction, percent: Fraction) -> bool:
    """Whether the counted holding is at least ``ratio`` of ``percent``, in integers."""
    return (
        counted.shares * 100 * ratio.denominator * percent.denominator
        >= ratio.numerator * percent.numerator * counted.outstanding
    )


@functools.lru_cache(maxsize=256)
def warning_line_text(numerator: int, denominator: int) -> str:
    """The warning line ``numerator / denominator`` of the limit, written as a percentage.

    Keyed by the two integers: multiplying and writing a Fraction on every call costs more
    than the rest of a warning.
    """
    return format_percent(Fraction(numerator, denominator) * 100)


def in_force(plan: Plan, day: pendulum.Date) -> tuple[Terms | None, str | None]:
    """The terms on ``day`` and, when no plan is in force then, why not (else ``None``).

    Raises :class:`~rightsplan.errors.UnknownTermError` where an unknown Final Expiration
    Date decides (see :func:`in_force_or_unknown`).
    """
    terms, why_not, unknown = in_force_or_unknown(plan, day)
    if unknown is not None:
        raise UnknownTermError(f"on {day.isoformat()}, {unknown}")
    return terms, why_not


def in_force_or_unknown(
    plan: Plan, day: pendulum.Date
) -> tuple[Terms | None, str | None, str | None]:
    """:func:`in_force`, and a third value: why it is unknown, where an unknown expiry decides.

    ``(terms, None, None)``: in force; ``(terms, why_not, None)``: not in force;
    ``(terms, None, unknown)``: in force or not depending on a date the plan leaves unknown
    (the reason names it and its source).
    """
    agreement = plan.agreement
    if day < agreement.dated:
        return None, f"the {agreement.name} is dated {agreement.dated.isoformat()}", None
    terms = plan.terms_at(day)
    found = terms.in_force_or_unknown(day)  # the one test; what follows only says why not
    if found:
        return terms, None, None
    if terms.ended is not None and terms.ended.on <= day:
        return (
            terms,
            f"{terms.ended.kind.value} on {terms.ended.on.isoformat()} by "
            f"{terms.ended.source.cite()}",
            None,
        )
    expiration = terms.expiration
    assert expiration is not None
    if found is None:
        return terms, None, f"whether the plan is still in force is unknown: {expiration.why()}"
    date = expiration.date
    at = (
        date.isoformat() if isinstance(date, pendulum.Date) else f"{date.describe()}, at the latest"
    )
    return (
        terms,
        f"the rights expired at the close of business on {at} (Final Expiration Date, "
        f"{expiration.source.cite()})",
        None,
    )


_EVERY_HOLDER = "applies to every holder"


def _general_only(terms: Terms) -> tuple[Consideration, ...]:
    """What :func:`binding_limit` answers when only the general rule applies (remembered)."""
    found = terms.memo.get("general-only")
    if found is None:
        found = terms.memo["general-only"] = (
            Consideration(terms.known_general(), True, _EVERY_HOLDER),
        )
    assert isinstance(found, tuple)
    return found


def binding_limit(
    terms: Terms, holder: str, *, passive: bool, outstanding: int | None = None
) -> tuple[tuple[Consideration, ...], Limit]:
    """Every rule looked at for ``holder``, and the one that binds (:func:`most_generous`).

    ``outstanding`` is needed where an exception caps the holder in shares (see
    :func:`most_generous`).

    Raises :class:`~rightsplan.errors.UnknownTermError` if a rule it needs is unknown (the
    general threshold; the passive tier, for a passive holder; the holder's exception's
    cap): :func:`verdict` answers through that, this cannot.
    """
    exception = terms.exception_for(holder)
    general = terms.known_general()
    if terms.passive is None and exception is None:
        # Only the general rule: the common case, answered without comparing rules.
        return _general_only(terms), general
    considered = [Consideration(general, True, _EVERY_HOLDER)]
    tier = terms.known_passive() if passive else terms.passive
    # An unknown tier that does not apply is left out: its value is not for us to invent.
    if isinstance(tier, Limit):
        if passive:
            considered.append(
                Consideration(tier, True, "the holder is passive (Schedule 13G-eligible)")
            )
        else:
            considered.append(
                Consideration(
                    tier,
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
                Consideration(
                    exception.limit(),
                    True,
                    f"{holder} is covered by this exception"
                    + (f" (proviso: {exception.proviso})" if exception.proviso else ""),
                )
            )
    winner = most_generous([c.limit for c in considered if c.applies], outstanding=outstanding)
    marked = tuple(
        c
        if c.limit is winner or not c.applies
        else attrs.evolve(c, reason=f"{c.reason}; a more generous applicable rule binds")
        for c in considered
    )
    return marked, winner


# --- standings ----------------------------------------------------------------------------


def excused_line(
    base_shares: int,
    outstanding: int,
    *,
    tolerance: Threshold | None,
    cap: Threshold | None = None,
) -> int:
    """The largest holding a grandfathered (or buyback-excused) holder may reach.

    ``base_shares`` plus the largest number of additional shares short of ``tolerance``
    (percentage points of ``outstanding``; none without a tolerance: any acquisition
    counts), never past ``cap`` nor past ``outstanding``. In integers:
    ``min(base + tolerance.max_shares(outstanding), cap.max_shares(outstanding), outstanding)``.
    """
    line = base_shares
    if tolerance is not None:
        line += tolerance.max_shares(outstanding)
    if cap is not None:
        line = min(line, cap.max_shares(outstanding))
    return min(line, outstanding)


def _line_threshold(
    base_shares: int,
    outstanding: int,
    line: int,
    *,
    tolerance: Threshold | None,
    cap: Threshold | None,
) -> Threshold:
    """:func:`excused_line` as a threshold in the plan's own style (for ``line >= 1``).

    Its :meth:`~rightsplan.Threshold.max_shares` is ``line``: base plus "0.5% or more"
    is "P% or more" with ``P`` the base's exact percentage plus 0.5; with no tolerance,
    "more than" the base's percentage; where the cap binds, the cap.
    """
    if cap is not None and cap.max_shares(outstanding) == line:
        return cap
    if line >= outstanding:
        return Threshold(Fraction(100), Comparison.MORE_THAN)
    base = holding_percent(base_shares, outstanding)
    if tolerance is None:
        return _short(Threshold(base, Comparison.MORE_THAN), outstanding, line)
    return _short(Threshold(base + tolerance.percent, tolerance.comparison), outstanding, line)


def _short(exact: Threshold, outstanding: int, line: int) -> Threshold:
    """``exact``, or the shortest decimal threshold allowing ``line`` shares just the same.

    A line measured in shares is a percentage of the shares outstanding that rarely
    terminates (610,000 shares plus 0.5% of 9,999,999 is "6 12000011/19999998% or more").
    Every percentage that gives the same ``max_shares`` states the same line; where the
    exact one does not terminate, the shortest decimal among them is cited ("6.6% or more").
    """
    denominator = exact.percent.denominator
    while denominator % 2 == 0:
        denominator //= 2
    while denominator % 5 == 0:
        denominator //= 5
    if denominator == 1:
        return exact  # a terminating decimal already: the plan's own arithmetic, kept
    # The percentages allowing ``line`` shares start at 100 * line / outstanding (excluded
    # for "or more", where that much is the first holding that crosses).
    low = Fraction(100 * line, outstanding)
    for places in range(16):
        scale = 10**places
        candidate = Fraction(-((-low.numerator * scale) // low.denominator), scale)
        if exact.comparison is Comparison.AT_LEAST and candidate == low:
            candidate += Fraction(1, scale)
        short = Threshold(candidate, exact.comparison)
        if short.max_shares(outstanding) == line:
            return short
    return exact


_DEFAULT_GRANDFATHERING = "rightsplan's default grandfathering: any acquisition while over"


@attrs.frozen
class Verdict:
    """What the rulebook says of one holding: status, binding limit, lines and reasons.

    ``max_shares`` is the largest holding that does not trigger and ``headroom`` the shares
    that may still be acquired (``max_shares - counted``; negative when over); both are
    ``None`` where no purchase can trigger (an Exempt Person without a share cap, an
    exemption without a cap, an Acquiring Person already) or no plan is in force.
    """

    status: Status
    reason: str
    limit: Limit | None = None
    max_shares: int | None = None
    headroom: int | None = None
    considered: tuple[Consideration, ...] = ()
    exemption: Exemption | None = None
    standing: Standing = ORDINARY
    may_trigger: bool = False
    """For an UNCERTAIN verdict: whether some value of the unknown makes the holding
    trigger (what a replay reads as a possible crossing)."""


def _plain(
    holder: str,
    counted: Counted,
    limit: Limit,
    ratio: Fraction,
    considered: tuple[Consideration, ...],
    standing: Standing,
) -> Verdict:
    """The verdict against ``limit`` alone: triggered, warning or clear."""
    threshold = limit.threshold
    max_shares = limit.max_shares(counted.outstanding)
    headroom = max_shares - counted.shares
    in_shares = max_shares < threshold.max_shares(counted.outstanding)  # the share cap binds
    if headroom < 0:
        status = Status.TRIGGERED
        crossed = f"more than {max_shares:,} shares" if in_shares else threshold.describe()
        reason = (
            f"The holding crosses {crossed} ({limit.source.cite()}): it would make {holder} an "
            "Acquiring Person."
            if in_shares
            else f"The holding crosses {crossed}: it would make {holder} an Acquiring Person."
        )
    elif (
        counted.shares * ratio.denominator >= ratio.numerator * max_shares
        if in_shares
        else warns(counted, ratio, limit.percent)
    ):
        status = Status.WARNING
        line = warning_line_text(ratio.numerator, ratio.denominator)
        reason = f"The holding is below the limit but at or above {line}% of it."
    else:
        status = Status.CLEAR
        reason = "The holding is below the limit."
    return Verdict(status, reason, limit, max_shares, headroom, considered, standing=standing)


def verdict(
    terms: Terms,
    holder: str,
    counted: Counted,
    *,
    kind: HolderKind = HolderKind.OTHER,
    passive: bool = False,
    standing: Standing = ORDINARY,
    ratio: Fraction = DEFAULT_WARN_AT,
    on: pendulum.Date | None = None,
) -> Verdict:
    """The verdict on ``counted`` (a holding as the plan counts it) under ``terms``.

    The terms must be in force (see :func:`in_force`). ``standing`` is what the holder's
    past makes of it:

    - :class:`~rightsplan.Ordinary`: the binding limit alone.
    - :class:`~rightsplan.Grandfathered`: its own line, its base plus the plan's tolerance
      (none: any acquisition while over triggers), never past the cap; the more generous
      of that line and the binding limit binds. Over the binding limit but within its line
      it is EXCUSED. If the plan's grandfathering lapses below the threshold and the holding
      is at or below the binding limit, the standing has lapsed.
    - :class:`~rightsplan.BuybackExcused`: the same with the plan's buyback tolerance
      ("more than" that many points), lapsing below the threshold.
    - :class:`~rightsplan.InadvertentExcused`: EXCUSED while over the binding limit, with no
      headroom (acquiring more while over ends the excuse); back under, it has lapsed. Still
      over after ``divest_by`` (given the day, ``on``), it is an Acquiring Person from the
      day it crossed: TRIGGERED.
    - :class:`~rightsplan.AcquiringPerson`: TRIGGERED whatever the holding, where status
      sticks; otherwise judged afresh.
    - :class:`~rightsplan.BoardExempted`: EXEMPT without a cap; with one, the cap is a limit
      of its own, and the more generous binds.
    """
    exemption = terms.exemption_for(holder, kind)
    if exemption is not None and exemption.share_cap is None and exemption.lapse is None:
        return Verdict(
            Status.EXEMPT,
            f"{holder} is an Exempt Person ({exemption.name}), never an Acquiring Person, per "
            f"{exemption.source.cite()}{_proviso(exemption.proviso)}.",
            exemption=exemption,
            standing=standing,
        )
    if isinstance(standing, PossibleAcquiringPerson):
        return _possible(terms, holder, counted, kind, passive, standing, ratio, on)
    unknown = deciding_unknowns(terms, holder, kind=kind, passive=passive, standing=standing)
    if unknown:
        # One share: the smallest holding that counts.
        at = [
            verdict(
                known,
                holder,
                counted,
                kind=kind,
                passive=passive,
                standing=known_standing,
                ratio=ratio,
                on=on,
            )
            for known, known_standing in extremes(
                terms, Fraction(100, counted.outstanding), standing
            )
        ]
        return combine(at[0], at[1], "; ".join(unknown))
    considered, limit = binding_limit(
        terms, holder, passive=passive, outstanding=counted.outstanding
    )
    if exemption is not None:
        return _capped_exemption(
            exemption, holder, counted, limit, ratio, considered, standing, terms, on
        )
    if type(standing) is Ordinary:
        return _plain(holder, counted, limit, ratio, considered, standing)
    return _with_standing(terms, holder, counted, limit, ratio, considered, standing, on)


def _possible(
    terms: Terms,
    holder: str,
    counted: Counted,
    kind: HolderKind,
    passive: bool,
    standing: PossibleAcquiringPerson,
    ratio: Fraction,
    on: pendulum.Date | None,
) -> Verdict:
    """A holder that may have become an Acquiring Person: judged both ways, combined.

    If it crossed, it is an Acquiring Person since ``standing.since`` (TRIGGERED where the
    status sticks; judged afresh where it does not); if not, it has ``standing.otherwise``.
    The same status both ways is exact (with the lines where they agree too); different
    ones are UNCERTAIN, and between WARNING and CLEAR, WARNING, as :func:`combine` says.
    """

    def judged(held: Standing) -> Verdict:
        return verdict(
            terms, holder, counted, kind=kind, passive=passive, standing=held, ratio=ratio, on=on
        )

    otherwise = judged(standing.otherwise)
    became = AcquiringPerson(standing.since, cause=standing.cause, limit=standing.limit)
    crossed = judged(became if terms.ownership.sticky else ORDINARY)
    may = (
        f"{holder} may have become an Acquiring Person on {standing.since.isoformat()}"
        + (f" ({standing.cause})" if standing.cause else "")
        + f": whether it did depends on a term the plan leaves unknown: {standing.why}."
    )
    return _either(
        otherwise,
        crossed,
        standing,
        agreed=f"{may} Either way: {otherwise.reason}",
        near=f"{may} Near a limit either way.",
        differ=f"{may} If it did: {crossed.status.name} ({crossed.reason}) If not: "
        f"{otherwise.status.name} ({otherwise.reason})",
    )


def _either(
    first: Verdict, second: Verdict, standing: Standing, *, agreed: str, near: str, differ: str
) -> Verdict:
    """One answer from two verdicts that bound it (the one rule of :func:`combine`).

    The same status both ways is exact, with ``first``'s limit, ``max_shares`` and headroom
    where the two agree on them too; between WARNING and CLEAR, WARNING; otherwise
    UNCERTAIN, which may trigger where either does. ``agreed``, ``near`` and ``differ`` are
    the reasons for each case.
    """
    may_trigger = first.may_trigger or second.may_trigger
    if first.status is second.status:
        same = first.limit == second.limit
        return Verdict(
            first.status,
            agreed,
            first.limit if same else None,
            first.max_shares if same and first.max_shares == second.max_shares else None,
            first.headroom if same and first.headroom == second.headroom else None,
            first.considered if same else (),
            first.exemption,
            standing,
            may_trigger=may_trigger,
        )
    pair = {first.status, second.status}
    if pair == {Status.WARNING, Status.CLEAR}:
        return Verdict(Status.WARNING, near, standing=standing)
    return Verdict(
        Status.UNCERTAIN,
        differ,
        standing=standing,
        may_trigger=Status.TRIGGERED in pair or may_trigger,
    )


def either_fact(lower: Verdict, upper: Verdict, why: str) -> Verdict:
    """One verdict from two that a fact the filings leave open bounds (not a plan term).

    ``lower`` is the verdict where the open fact is most favourable to the holder (fewer
    shares, passive), ``upper`` where it is least; ``why`` says what the filings leave open
    and where. As in :func:`combine`: where they agree the answer is exact; between WARNING
    and CLEAR, WARNING; otherwise UNCERTAIN, which may trigger where either does.
    """
    return _either(
        lower,
        upper,
        upper.standing,
        agreed=f"{upper.reason} That holds either way: {why}.",
        near=f"Below the limit either way, but near it: {why}. At the least favourable: "
        f"{upper.reason}",
        differ=f"The answer depends on what the filings leave open: {why}. At the most "
        f"favourable: {lower.status.name} ({lower.reason}) At the least favourable: "
        f"{upper.status.name} ({upper.reason})",
    )


def at_least(found: Verdict, why: str) -> Verdict:
    """The verdict on a holding known only from below: ``found`` is the holding's floor's.

    More shares never make a holding safer, so a floor that triggers triggers, and one
    INACTIVE or exempt without a cap stays so; any other answer (clear, near, excused,
    within a capped exemption) may not hold for the whole holding: UNCERTAIN, saying
    ``why`` the holding may be larger, and that it may trigger.
    """
    if found.status in (Status.TRIGGERED, Status.INACTIVE) or (
        found.status is Status.EXEMPT and found.max_shares is None
    ):
        return found
    return attrs.evolve(
        found,
        status=Status.UNCERTAIN,
        reason=f"The holding may be larger than counted: {why}. For the holding counted: "
        f"{found.status.name} ({found.reason})",
        max_shares=None,
        headroom=None,
        may_trigger=True,
    )


def if_in_force(found: Verdict, unknown: str) -> Verdict:
    """The verdict on a day an unknown expiry decides whether the plan is in force at all.

    ``found`` is the verdict if it still is; ``unknown`` says why that is unknown (the
    third value of :func:`in_force_or_unknown`). Not in force, the answer would be
    INACTIVE, and ``found`` never is: so UNCERTAIN, without lines (no holding is known to
    be safe or not), naming the term. Where ``found`` triggers, it may trigger.
    """
    return attrs.evolve(
        found,
        status=Status.UNCERTAIN,
        reason=f"{unknown[:1].upper()}{unknown[1:]}. If it still is: {found.status.name}. "
        f"{found.reason}",
        max_shares=None,
        headroom=None,
        may_trigger=found.status is Status.TRIGGERED or found.may_trigger,
    )


def limits_at_extremes(
    terms: Terms, holder: str, counted: Counted, *, passive: bool
) -> tuple[Limit, Limit]:
    """The binding limit at the strictest and at the most generous values the unknowns allow.

    The same limit twice where no unknown term the limit reads is unknown. A holding over the first
    may cross; over the second, it crosses whatever the unknown is (see :func:`extremes`).
    """
    if not deciding_unknowns(terms, holder, passive=passive):
        limit = binding_limit(terms, holder, passive=passive, outstanding=counted.outstanding)[1]
        return limit, limit
    (strictest, _), (generous, _) = extremes(terms, Fraction(100, counted.outstanding))
    found = [
        binding_limit(known, holder, passive=passive, outstanding=counted.outstanding)[1]
        for known in (strictest, generous)
    ]
    return found[0], found[1]


def _proviso(text: str | None) -> str:
    return f" (proviso: {text})" if text else ""


def exempt_within_cap(exemption: Exemption | None, shares: int) -> bool:
    """Whether ``exemption`` covers a holding of ``shares``: always, or up to its share cap.

    Raises :class:`~rightsplan.errors.UnknownTermError` if the cap is unknown.
    """
    if exemption is None:
        return False
    cap = known_share_cap(exemption)
    return cap is None or shares <= cap


def known_share_cap(exemption: Exemption) -> int | None:
    """An Exempt Person's cap in shares (``None``: none).

    Raises :class:`UnknownTermError` if the cap is unknown or the exemption may have lapsed.
    """
    cap = exemption.share_cap
    if isinstance(cap, UnknownShares) or exemption.lapse is not None:
        raise UnknownTermError(f"this answer needs the exemption, but {exemption.unknowns()[0]}")
    return cap


def _capped_exemption(
    exemption: Exemption,
    holder: str,
    counted: Counted,
    limit: Limit,
    ratio: Fraction,
    considered: tuple[Consideration, ...],
    standing: Standing,
    terms: Terms,
    on: pendulum.Date | None,
) -> Verdict:
    """An Exempt Person up to a number of shares: exempt within it; above, the other rules.

    The largest holding that does not trigger is the cap or the binding limit's line,
    whichever allows more (an exemption is one more "not an Acquiring Person unless"
    clause, and the most generous binds).
    """
    cap = known_share_cap(exemption)
    assert cap is not None
    clause = (
        f"{holder} is an Exempt Person ({exemption.name}) up to {cap:,} shares, per "
        f"{exemption.source.cite()}{_proviso(exemption.proviso)}"
    )
    if type(standing) is Ordinary or counted.shares <= cap:
        others = _plain(holder, counted, limit, ratio, considered, standing)
    else:
        others = _with_standing(terms, holder, counted, limit, ratio, considered, standing, on)
    if counted.shares <= cap:
        line = cap if others.max_shares is None else max(cap, others.max_shares)
        return Verdict(
            Status.EXEMPT,
            f"{clause}: this holding is within it.",
            limit,
            line,
            line - counted.shares,
            considered,
            exemption=exemption,
            standing=standing,
        )
    beyond = (
        f"Above the {cap:,} shares {holder} may hold as an Exempt Person "
        f"({exemption.source.cite()}), the plan's other rules apply. "
    )
    if others.max_shares is None:  # an Acquiring Person already: no holding is below a line
        return attrs.evolve(others, reason=beyond + others.reason)
    line = max(cap, others.max_shares)
    return attrs.evolve(
        others, reason=beyond + others.reason, max_shares=line, headroom=line - counted.shares
    )


def deciding_unknowns(
    terms: Terms,
    holder: str,
    *,
    kind: HolderKind = HolderKind.OTHER,
    passive: bool = False,
    standing: Standing = ORDINARY,
) -> tuple[str, ...]:
    """The unknown terms a verdict on ``holder`` reads, each with its source (empty if none).

    The general threshold; the passive tier, for a passive holder; the caps of the
    exception and the Exempt Person covering the holder, and whether they have lapsed; the
    grandfathering tolerance, for a grandfathered holder. An unknown term none of these is
    never read, and never named.
    """
    grandfathered = isinstance(standing, Grandfathered)
    if not terms.unknown_limits() and not grandfathered:
        return ()
    found: list[str] = []
    if isinstance(terms.general, UnknownLimit):
        found.append(terms.general.why())
    if passive and isinstance(terms.passive, UnknownLimit):
        found.append(terms.passive.why())
    exception = terms.exception_for(holder)
    if exception is not None:
        found.extend(exception.unknowns())
    exemption = terms.exemption_for(holder, kind)
    if exemption is not None:
        found.extend(exemption.unknowns())
    if isinstance(standing, Grandfathered):
        rules = standing.rules if standing.rules is not None else terms.grandfathering
        found.extend(rules.unknowns())
    return tuple(found)


def extremes(
    terms: Terms, smallest: Fraction, standing: Standing = ORDINARY
) -> tuple[tuple[Terms, Standing], tuple[Terms, Standing]]:
    """``terms`` (and ``standing``) with every unknown at its strictest, then its most generous.

    Every rule is an "is not an Acquiring Person unless" clause, so a verdict never gets
    worse as a threshold, a tier, a cap (in percent or shares) or a tolerance gets more
    generous: the two extremes bound the verdict of every value the bounds allow.

    - The general threshold and the passive tier: their bounds (without a lower bound,
      ``smallest`` stands for the general threshold's, a percentage the caller knows any
      holding that counts reaches); the tier never below the general threshold, the
      threshold never above the tier.
    - An exception's cap: its bounds (``smallest`` without a lower one); its cap in
      shares: its bounds (one share without a lower one, no cap without an upper one).
    - An Exempt Person's cap in shares: its bounds, as for an exception.
    - An exception or an Exempt Person that may have lapsed (its ``lapse``): gone at the
      strictest, standing at the most generous.
    - The grandfathering tolerance (the plan's, and a grandfathered ``standing``'s own):
      none (any additional share) without a lower bound; "more than 100%" without an upper.
    """
    general, passive = terms.general, terms.passive
    low, high = _pair(general, smallest)
    tier = None if passive is None else _pair(passive, smallest, floor=low)
    if tier is not None and passive is not None:
        order = Threshold.sort_key
        high = _worded(min(high, tier[1], key=order), general, Comparison.AT_LEAST)
        low = _worded(min(low, high, key=order), general, Comparison.AT_LEAST)
        least = min(max(tier[0], low, key=order), tier[1], key=order)
        tier = (_worded(least, passive, Comparison.MORE_THAN), tier[1])
    found = []
    for index, generous in enumerate((False, True)):
        known = attrs.evolve(
            terms,
            general=Limit((low, high)[index], LimitKind.GENERAL, general.source),
            passive=None
            if tier is None or passive is None
            else Limit(tier[index], LimitKind.PASSIVE, passive.source),
            # A clause that may have lapsed: gone at the strictest, standing at the most
            # generous (an "is not an Acquiring Person unless" clause never makes it worse).
            exceptions=[
                _known_exception(e, smallest, generous)
                for e in terms.exceptions
                if generous or e.lapse is None
            ],
            exemptions=[
                _known_exemption(e, generous)
                for e in terms.exemptions
                if generous or e.lapse is None
            ],
            grandfathering=_known_grandfathering(terms.grandfathering, generous),
        )
        held = standing
        if isinstance(standing, Grandfathered) and standing.rules is not None:
            held = attrs.evolve(standing, rules=_known_grandfathering(standing.rules, generous))
        found.append((known, held))
    return found[0], found[1]


def _worded(threshold: Threshold, limit: Limit | UnknownLimit, limiting: Comparison) -> Threshold:
    """``threshold``, a bound of ``limit`` set by the other tier, in ``limit``'s wording.

    Where ``limit``'s wording is known and the other tier's differs, no value in that
    wording reaches the bound ("more than p%" never quite reaches a tier of "p% or more"),
    and the bound is the limit of the values that do: ``p%`` in the ``limiting`` wording
    ("p% or more" for a general threshold under a tier, "more than p%" for a tier over a
    threshold), which gives every holding the answer of some value allowed.
    """
    if limit.comparison is None or limit.comparison is threshold.comparison:
        return threshold
    return Threshold(threshold.percent, limiting)


def _pair(
    limit: Limit | UnknownLimit, smallest: Fraction, *, floor: Threshold | None = None
) -> tuple[Threshold, Threshold]:
    """A limit's strictest and most generous thresholds (the same, where it is known).

    ``floor`` is the strictest a tier may be (the general threshold's strictest).
    """
    if isinstance(limit, UnknownLimit):
        if floor is not None and limit.percent.at_least is None:
            # A tier is never below the general threshold: that is its strictest.
            return floor, limit.most_generous()
        return limit.strictest(smallest), limit.most_generous()
    return limit.threshold, limit.threshold


def _known_exception(
    exception: NamedException, smallest: Fraction, generous: bool
) -> NamedException:
    cap, shares = exception.cap, exception.share_cap
    if isinstance(cap, UnknownThreshold):
        cap = cap.most_generous() if generous else cap.strictest(smallest)
    if isinstance(shares, UnknownShares):
        shares = _shares_extreme(shares, generous)
    if cap is exception.cap and shares is exception.share_cap and exception.lapse is None:
        return exception
    return attrs.evolve(exception, cap=cap, share_cap=shares, lapse=None)


def _shares_extreme(shares: UnknownShares, generous: bool) -> int | None:
    """The most shares the bounds allow (no cap without an upper bound), or the fewest.

    A cap in shares is at least one share (:class:`~rightsplan.UnknownShares` bounds too).
    """
    if generous:
        return shares.at_most
    return shares.at_least if shares.at_least is not None else 1


def _known_exemption(exemption: Exemption, generous: bool) -> Exemption:
    cap = exemption.share_cap
    if not isinstance(cap, UnknownShares) and exemption.lapse is None:
        return exemption
    if isinstance(cap, UnknownShares):
        cap = _shares_extreme(cap, generous)
    return attrs.evolve(exemption, share_cap=cap, lapse=None)


def _known_grandfathering(rules: Grandfathering, generous: bool) -> Grandfathering:
    tolerance = rules.tolerance
    if not isinstance(tolerance, UnknownThreshold):
        return rules
    if generous:
        return attrs.evolve(rules, tolerance=tolerance.most_generous())
    low = tolerance.percent.at_least
    strictest = None if low is None else Threshold(low, tolerance.comparison or Comparison.AT_LEAST)
    return attrs.evolve(rules, tolerance=strictest)


def combine(strictest: Verdict, generous: Verdict, why: str) -> Verdict:
    """One verdict from those at the strictest and the most generous values allowed.

    Every rule is monotone in every unknown term (a more generous one never makes a
    holding worse; see :func:`extremes`), so the two extremes bound the verdicts of every
    value between: where they agree, so do all, and the answer is exact (the limit,
    ``max_shares`` and headroom kept only where they agree too); where they differ,
    UNCERTAIN; between WARNING and CLEAR, WARNING. ``why`` names the unknown terms that
    decide, with their sources.
    """
    return _either(
        strictest,
        generous,
        strictest.standing,
        agreed=f"{generous.reason} That holds at every value the plan allows: {why}.",
        near=f"Below every limit the plan allows, but near the strictest of them: {why}. At "
        f"the strictest: {strictest.reason}",
        differ=f"The answer depends on a term the plan leaves unknown: {why}. At the strictest "
        f"value it allows: {strictest.status.name} ({strictest.reason}) At the most "
        f"generous: {generous.status.name} ({generous.reason})",
    )


def sticky_acquiring_person(
    terms: Terms,
    holder: str,
    standing: AcquiringPerson,
    limit: Limit | None,
    considered: tuple[Consideration, ...] = (),
) -> Verdict | None:
    """The verdict on an Acquiring Person where the plan's status sticks, whatever it holds.

    Once an Acquiring Person, always one under a plan whose status sticks (the usual rule,
    ``terms.ownership.sticky``): TRIGGERED, citing the limit it crossed (``standing.limit``,
    else ``limit``), with no largest holding below the line, however small. ``None`` where
    the status does not stick: the holding is then judged afresh, the standing kept. One
    rule for an exact holding (:func:`verdict`) and a reported, rounded one
    (:func:`rightsplan.assess` of a :class:`~rightsplan.ReportedHolding`) alike.
    """
    if not terms.ownership.sticky:
        return None
    cause = f" ({standing.cause})" if standing.cause else ""
    return Verdict(
        Status.TRIGGERED,
        f"{holder} has been an Acquiring Person since {standing.since.isoformat()}{cause}; "
        "the status sticks whatever it holds now.",
        standing.limit or limit,
        None,  # no holding, however small, is below the line: there is no largest one
        None,
        considered,
        standing=standing,
    )


def acquiring_person_lapses(standing: Standing, found: Verdict) -> bool:
    """Whether a holder's Acquiring Person standing ends with ``found``, its verdict today.

    Under a plan whose status sticks it never does (:func:`sticky_acquiring_person` keeps
    the verdict TRIGGERED). Where the status does not stick, it ends once the holding no
    longer triggers, nor may (CLEAR, WARNING, EXCUSED...): the holder is ordinary again.
    """
    return isinstance(standing, AcquiringPerson) and found.status not in (
        Status.TRIGGERED,
        Status.UNCERTAIN,
    )


def _with_standing(
    terms: Terms,
    holder: str,
    counted: Counted,
    limit: Limit,
    ratio: Fraction,
    considered: tuple[Consideration, ...],
    standing: Standing,
    on: pendulum.Date | None,
) -> Verdict:
    outstanding = counted.outstanding
    if isinstance(standing, BoardExempted):
        source = standing.source or Source("Board determination", standing.since)
        if standing.cap is None:
            return Verdict(
                Status.EXEMPT,
                f"{holder} is exempted by the board ({source.cite()}), never an Acquiring "
                "Person while the exemption stands.",
                standing=standing,
            )
        granted = Limit(standing.cap, LimitKind.BOARD_EXEMPTION, source, holder=holder)
        considered = (
            *considered,
            Consideration(granted, True, f"the board exempted {holder} up to this cap"),
        )
        return _plain(holder, counted, most_generous([limit, granted]), ratio, considered, standing)
    if isinstance(standing, AcquiringPerson):
        stuck = sticky_acquiring_person(terms, holder, standing, limit, considered)
        if stuck is None:
            return _plain(holder, counted, limit, ratio, considered, standing)
        return stuck
    limit_max = limit.max_shares(outstanding)
    if isinstance(standing, InadvertentExcused):
        if counted.shares <= limit_max:
            return _plain(holder, counted, limit, ratio, considered, standing)
        over = counted.shares - limit_max
        if on is not None and on > standing.divest_by:
            return Verdict(
                Status.TRIGGERED,
                f"Over {limit.threshold.describe()} since {standing.crossed_on.isoformat()} and "
                f"not back under the limit by {standing.divest_by.isoformat()}: the board's "
                f"finding of inadvertence ({standing.source.cite()}) no longer excuses it; "
                f"{holder} is an Acquiring Person from {standing.crossed_on.isoformat()}.",
                limit,
                None,
                None,
                considered,
                standing=standing,
            )
        return Verdict(
            Status.EXCUSED,
            f"Over {limit.threshold.describe()} since {standing.crossed_on.isoformat()}, but "
            f"the board found the crossing inadvertent ({standing.source.cite()}): not an "
            f"Acquiring Person if back under the limit by {standing.divest_by.isoformat()} "
            f"({plural(over, 'share')} to dispose of) and it acquires nothing more meanwhile.",
            limit,
            counted.shares,
            0,
            considered,
            standing=standing,
        )
    if isinstance(standing, Grandfathered):
        rules = standing.rules if standing.rules is not None else terms.grandfathering
        if rules.lapses_below_threshold and counted.shares <= limit_max:
            return _plain(holder, counted, limit, ratio, considered, standing)
        tolerance, cap = rules.known_tolerance(), rules.cap
        source = _grandfathering_source(rules, standing, terms)
        what = (
            f"grandfathered since {standing.since.isoformat()} at {standing.base_shares:,} "
            f"shares ({source.cite()}); {_allowance(rules)}"
        )
        kind = LimitKind.GRANDFATHERED
    else:
        assert isinstance(standing, BuybackExcused)
        if counted.shares <= limit_max:
            return _plain(holder, counted, limit, ratio, considered, standing)
        points = (
            terms.ownership.buyback_tolerance if standing.tolerance is None else standing.tolerance
        )
        tolerance = Threshold(points, Comparison.MORE_THAN) if points else None
        cap = None
        source = standing.source or terms.ownership.source or limit.source
        what = (
            f"over the line only because of a buyback on {standing.since.isoformat()}, at "
            f"{plural(standing.base_shares, 'share')}; "
            + (
                "any additional share makes it an Acquiring Person"
                if tolerance is None
                else f"additional shares of {tolerance.describe()} make it an Acquiring Person"
            )
        )
        kind = LimitKind.BUYBACK
    line = excused_line(standing.base_shares, outstanding, tolerance=tolerance, cap=cap)
    if line <= limit_max:
        # Its own line allows no more than the plan's limit: the limit binds.
        return _plain(holder, counted, limit, ratio, considered, standing)
    threshold = _line_threshold(
        standing.base_shares, outstanding, line, tolerance=tolerance, cap=cap
    )
    own = Limit(threshold, kind, source, holder=holder)
    considered = (*considered, Consideration(own, True, f"{holder} is {what}"))
    headroom = line - counted.shares
    if headroom < 0:
        status = Status.TRIGGERED
        reason = (
            f"{holder} is {what}. This holding goes past that ({line:,} shares at most): it "
            "would make it an Acquiring Person."
        )
    elif counted.shares > limit_max:
        status = Status.EXCUSED
        reason = (
            f"Over {limit.threshold.describe()}, but not an Acquiring Person: {holder} is {what}."
        )
    else:
        plain = _plain(holder, counted, own, ratio, considered, standing)
        status, reason = plain.status, plain.reason
    return Verdict(status, reason, own, line, headroom, considered, standing=standing)


def _grandfathering_source(rules: Grandfathering, standing: Grandfathered, terms: Terms) -> Source:
    if rules.source is not None:
        return rules.source
    if standing.source is not None:
        return attrs.evolve(standing.source, note=_DEFAULT_GRANDFATHERING)
    return attrs.evolve(terms.known_general().source, note=_DEFAULT_GRANDFATHERING)


def _allowance(rules: Grandfathering) -> str:
    if rules.tolerance is None:
        allowed = "any acquisition while over the threshold makes it an Acquiring Person"
    else:
        start = (
            "its lowest holding since" if rules.measured_from.value == "lowest-since" else "that"
        )
        allowed = (
            f"additional shares of {rules.tolerance.describe()} of the shares outstanding over "
            f"{start} make it an Acquiring Person"
        )
    if rules.cap is not None:
        allowed += f", and so does holding {rules.cap.describe()}"
    return allowed
