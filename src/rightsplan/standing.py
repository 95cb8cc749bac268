"""A holder's standing under a plan: what its past makes of its holding today.

Whether a holding triggers a plan can depend on history as much as on the snapshot: a
holder over the threshold when the plan was adopted is grandfathered; one pushed over by a
company buyback is excused until it acquires more; one the board found to have crossed
inadvertently is excused while it divests; an Acquiring Person stays one; the board may have
exempted a holder up to a cap. A :class:`Standing` says which of these applies, with its
dates and its source. :meth:`rightsplan.History.standing` gives it from a replay, and
:func:`rightsplan.assess`, ``rightsplan check`` and :func:`rightsplan.screen` accept it, so a
one-date check says what the replay says.

The standings form a tagged union of frozen classes; each has a ``kind`` (its name in files
and tables) and :meth:`describe`. What each one does to a verdict is defined once, in
:func:`rightsplan.rules.verdict`.
"""

from __future__ import annotations

from fractions import Fraction
from typing import ClassVar, TypeAlias

import attrs
import pendulum

from rightsplan import _check
from rightsplan.dates import DateLike, to_date
from rightsplan.errors import InputTypeError, InvalidInputError
from rightsplan.percent import Comparison, PercentLike, Threshold, to_percent, to_points
from rightsplan.sources import Source
from rightsplan.terms import Grandfathering, Limit

__all__ = [
    "STANDING_KINDS",
    "AcquiringPerson",
    "BoardExempted",
    "BuybackExcused",
    "Grandfathered",
    "InadvertentExcused",
    "Ordinary",
    "PossibleAcquiringPerson",
    "Standing",
    "standing_from_fields",
    "starts_after",
]


def _since(value: DateLike) -> pendulum.Date:
    return to_date(value, what="since")


def _base(value: int) -> int:
    shares = _check.whole_number(value, "base_shares")
    if shares < 0:
        raise InvalidInputError(f"base_shares: expected zero or more shares, got {shares:,}")
    return shares


def _optional_source(value: Source | None) -> Source | None:
    if value is None or isinstance(value, Source):
        return value
    raise InputTypeError(f"source: expected a Source or None, got {value!r}")


def _source(value: Source) -> Source:
    if isinstance(value, Source):
        return value
    raise InputTypeError(f"source: expected a Source, got {value!r}")


def _optional_rules(value: Grandfathering | None) -> Grandfathering | None:
    if value is None or isinstance(value, Grandfathering):
        return value
    raise InputTypeError(f"rules: expected a Grandfathering or None, got {value!r}")


def _tolerance(value: PercentLike) -> Fraction:
    return to_points(value, what="tolerance")


def _optional_tolerance(value: PercentLike | None) -> Fraction | None:
    return None if value is None else _tolerance(value)


def _optional_cap(value: Threshold | None) -> Threshold | None:
    if value is None or isinstance(value, Threshold):
        return value
    raise InputTypeError(f"cap: expected a Threshold or None, got {value!r}")


def _optional_limit(value: Limit | None) -> Limit | None:
    if value is None or isinstance(value, Limit):
        return value
    raise InputTypeError(f"limit: expected a Limit or None, got {value!r}")


def _optional_cause(value: str | None) -> str | None:
    return _check.optional_text(value, "cause")


@attrs.frozen
class Ordinary:
    """No standing of its own: the holding is judged by the terms alone."""

    kind: ClassVar[str] = "none"

    @property
    def source(self) -> Source | None:
        """Nothing sets an ordinary standing."""
        return None

    def describe(self) -> str:
        """The standing in words."""
        return "no standing of its own"


@attrs.frozen
class Grandfathered:
    """Over the threshold when the plan (or a lower threshold) was adopted: grandfathered.

    ``base_shares`` is the holding (as the plan counts it) that additional acquisitions are
    measured from: the holding at the cut-off ``since`` or, where the plan measures from the
    lowest holding since (and for "any additional share" plans, where any acquisition while
    over the threshold counts), the lowest holding since then. ``source`` is the instrument
    whose adoption grandfathered the holder; ``rules`` the plan's grandfathering clause
    (``None``: the clause in force on the date asked about).
    """

    kind: ClassVar[str] = "grandfathered"

    since: pendulum.Date = attrs.field(converter=_since)
    base_shares: int = attrs.field(converter=_base)
    source: Source | None = attrs.field(default=None, kw_only=True, converter=_optional_source)
    rules: Grandfathering | None = attrs.field(
        default=None, kw_only=True, converter=_optional_rules
    )

    def describe(self) -> str:
        """The standing in words."""
        by = f" by {self.source.cite()}" if self.source is not None else ""
        return (
            f"grandfathered{by} on {self.since.isoformat()}, measured from "
            f"{self.base_shares:,} shares"
        )


@attrs.frozen
class BuybackExcused:
    """Over the threshold only because the company bought back shares: excused.

    Not an Acquiring Person unless it acquires additional shares beyond ``tolerance``
    percentage points of the shares outstanding (0: any additional share) over
    ``base_shares``, its lowest holding since ``since``; ``None`` (the default) reads the
    tolerance from the plan in force (:attr:`rightsplan.OwnershipRules.buyback_tolerance`),
    as a holdings file's standing does. It lapses once the holder is back under the
    threshold. ``source`` is the plan's ownership rules that set the tolerance (``None``: the
    plan's, or rightsplan's default, no tolerance).
    """

    kind: ClassVar[str] = "buyback"

    since: pendulum.Date = attrs.field(converter=_since)
    base_shares: int = attrs.field(converter=_base)
    tolerance: Fraction | None = attrs.field(
        default=None, kw_only=True, converter=_optional_tolerance
    )
    source: Source | None = attrs.field(default=None, kw_only=True, converter=_optional_source)

    def describe(self) -> str:
        """The standing in words."""
        return (
            f"over the line only because of a buyback on {self.since.isoformat()}, at "
            f"{self.base_shares:,} shares"
        )


def _divest_by(value: DateLike) -> pendulum.Date:
    return to_date(value, what="divest_by")


@attrs.frozen
class InadvertentExcused:
    """The board found the holder's crossing on ``crossed_on`` inadvertent.

    It is not an Acquiring Person if it is back under its limit by the end of ``divest_by``
    and acquires nothing more while over it; otherwise it is one from ``crossed_on``.
    ``source`` is the board's determination.
    """

    kind: ClassVar[str] = "inadvertent"

    crossed_on: pendulum.Date = attrs.field(converter=_since)
    divest_by: pendulum.Date = attrs.field(converter=_divest_by)
    source: Source = attrs.field(kw_only=True, converter=_source)

    def __attrs_post_init__(self) -> None:
        if self.divest_by < self.crossed_on:
            raise InvalidInputError(
                f"divest_by: {self.divest_by.isoformat()} is before the crossing "
                f"({self.crossed_on.isoformat()})"
            )

    @property
    def since(self) -> pendulum.Date:
        """The day it crossed."""
        return self.crossed_on

    def describe(self) -> str:
        """The standing in words."""
        return (
            f"crossed inadvertently on {self.crossed_on.isoformat()} "
            f"({self.source.cite()}): excused if back under its limit by "
            f"{self.divest_by.isoformat()}"
        )


@attrs.frozen
class AcquiringPerson:
    """An Acquiring Person since ``since``: the status sticks (where the plan says so).

    ``limit`` is the rule it crossed and ``cause`` how, when known.
    """

    kind: ClassVar[str] = "acquiring-person"

    since: pendulum.Date = attrs.field(converter=_since)
    cause: str | None = attrs.field(default=None, kw_only=True, converter=_optional_cause)
    limit: Limit | None = attrs.field(default=None, kw_only=True, converter=_optional_limit)

    @property
    def source(self) -> Source | None:
        """The instrument that set the limit it crossed, when known."""
        return self.limit.source if self.limit is not None else None

    def describe(self) -> str:
        """The standing in words."""
        cause = f" ({self.cause})" if self.cause else ""
        return f"an Acquiring Person since {self.since.isoformat()}{cause}"


@attrs.frozen
class BoardExempted:
    """The board exempted the holder from ``since``: wholly, or up to ``cap``.

    The exemption is the holder's own: those acting with it (a group, Affiliates) are not
    exempted by it.
    """

    kind: ClassVar[str] = "exempted"

    since: pendulum.Date = attrs.field(converter=_since)
    cap: Threshold | None = attrs.field(default=None, kw_only=True, converter=_optional_cap)
    source: Source | None = attrs.field(default=None, kw_only=True, converter=_optional_source)

    def describe(self) -> str:
        """The standing in words."""
        cap = f" up to {self.cap.describe()}" if self.cap is not None else ""
        by = f" ({self.source.cite()})" if self.source is not None else ""
        return f"exempted by the board{cap} since {self.since.isoformat()}{by}"


Known: TypeAlias = (
    Ordinary | Grandfathered | BuybackExcused | InadvertentExcused | AcquiringPerson | BoardExempted
)
"""A standing known for certain: every kind but :class:`PossibleAcquiringPerson`."""

STANDING_KINDS: tuple[type[Known], ...] = (
    Ordinary,
    Grandfathered,
    BuybackExcused,
    InadvertentExcused,
    AcquiringPerson,
    BoardExempted,
)
"""Every kind of standing a file or a table may give, in the order they list them.

:class:`PossibleAcquiringPerson` is not among them: only a replay gives it."""

ORDINARY = Ordinary()


def _otherwise(value: object) -> Known:
    if isinstance(value, STANDING_KINDS):
        return value
    raise InputTypeError(
        f"otherwise: expected the standing the holder has if it did not cross (not a possible "
        f"Acquiring Person), got {value!r}"
    )


def _why(value: str) -> str:
    return _check.text(value, "why")


@attrs.frozen
class PossibleAcquiringPerson:
    """May have become an Acquiring Person on ``since``: whether it did turns on an unknown.

    A replay gives this standing where a holder did what makes an Acquiring Person (acquired
    shares, turned active) on a day the answer depends on a term the plan leaves unknown
    (:mod:`rightsplan.unknowns`): a general threshold its holding lies within the bounds
    of, or a Final Expiration Date that may have passed. ``why`` names the term and its
    source; ``otherwise`` is the standing the holder has if it did not cross; ``cause`` and
    ``limit`` say what it did and the strictest line it may have crossed.

    The rulebook (:func:`rightsplan.rules.verdict`) judges the holding both ways: as an
    Acquiring Person since ``since`` and with ``otherwise``. Where both give the same
    verdict it is exact; else UNCERTAIN. Where the plan's status sticks, a crossing can
    never be undone, so the answer stays UNCERTAIN until the holder certainly is one; where
    it does not stick, the replay returns the holder to ``otherwise`` once its holding is
    below every line the unknown allows.
    """

    kind: ClassVar[str] = "possible-acquiring-person"

    since: pendulum.Date = attrs.field(converter=_since)
    why: str = attrs.field(converter=_why)
    otherwise: Known = attrs.field(default=ORDINARY, kw_only=True, converter=_otherwise)
    cause: str | None = attrs.field(default=None, kw_only=True, converter=_optional_cause)
    limit: Limit | None = attrs.field(default=None, kw_only=True, converter=_optional_limit)

    @property
    def source(self) -> Source | None:
        """The instrument that set the line it may have crossed, when known."""
        return self.limit.source if self.limit is not None else None

    def describe(self) -> str:
        """The standing in words."""
        cause = f" ({self.cause})" if self.cause else ""
        return f"possibly an Acquiring Person since {self.since.isoformat()}{cause}: {self.why}"


Standing: TypeAlias = Known | PossibleAcquiringPerson
"""A holder's standing: one of the classes above."""

ANY_STANDING: tuple[type[Standing], ...] = (*STANDING_KINDS, PossibleAcquiringPerson)
"""Every kind of standing, :class:`PossibleAcquiringPerson` (a replay's) included."""


_BY_KIND: dict[str, type[Standing]] = {kind.kind: kind for kind in STANDING_KINDS}


def check_standing(value: object, what: str = "standing") -> Standing:
    """``value`` if it is a standing (``None`` reads as :class:`Ordinary`), else an error."""
    if value is None:
        return ORDINARY
    if isinstance(value, ANY_STANDING):
        return value
    kinds = ", ".join(kind.__name__ for kind in ANY_STANDING)
    raise InputTypeError(f"{what}: expected a standing ({kinds}), got {value!r}")


def starts_after(standing: Standing, on: pendulum.Date) -> str | None:
    """Why ``standing`` cannot apply to a holding ``on`` that day, or ``None`` if it can.

    A standing that starts after the day (grandfathered by an amendment not yet made, an
    Acquiring Person only later) says nothing about the holding then: the input is wrong.
    The message names ``since`` (for an inadvertent crossing, the day it crossed).
    """
    if isinstance(standing, Ordinary) or standing.since <= on:
        return None
    return (
        f"the {standing.kind} standing starts on {standing.since.isoformat()}, after the "
        f"holding's date {on.isoformat()}"
    )


def standing_from_fields(
    kind: str,
    *,
    since: DateLike | None = None,
    shares: int | None = None,
    until: DateLike | None = None,
    cap_percent: PercentLike | None = None,
    cap_comparison: Comparison | str | None = None,
) -> Standing:
    """A standing from the flat fields of a holdings file or a screening column set.

    ``kind`` is one of ``none``, ``grandfathered``, ``buyback``, ``inadvertent``,
    ``acquiring-person``, ``exempted``. ``since`` is required by all but ``none`` (for
    ``inadvertent``, the day it crossed); ``shares`` (the base holding) by ``grandfathered``
    and ``buyback``; ``until`` (the divest-by date) by ``inadvertent``; ``cap_percent``
    with ``cap_comparison`` are optional for ``exempted``. A field a kind does not use is an
    error, not silently dropped. The plan in force supplies the rest (grandfathering clause,
    tolerances).

    >>> standing_from_fields("grandfathered", since="2026-03-02", shares=610_000)
    Grandfathered(since=Date(2026, 3, 2), base_shares=610000, source=None, rules=None)
    """
    if not isinstance(kind, str) or kind.strip() not in _BY_KIND:
        raise InvalidInputError(f"standing: expected one of {', '.join(_BY_KIND)}, got {kind!r}")
    name = kind.strip()
    given = {
        "standing_since": since,
        "standing_shares": shares,
        "standing_until": until,
        "standing_cap_percent": cap_percent,
        "standing_cap_comparison": cap_comparison,
    }
    needs = {
        "none": (),
        "grandfathered": ("standing_since", "standing_shares"),
        "buyback": ("standing_since", "standing_shares"),
        "inadvertent": ("standing_since", "standing_until"),
        "acquiring-person": ("standing_since",),
        "exempted": ("standing_since",),
    }[name]
    allowed = set(needs) | (
        {"standing_cap_percent", "standing_cap_comparison"} if name == "exempted" else set()
    )
    for field, value in given.items():
        if value is None and field in needs:
            raise InvalidInputError(f"{field}: required for a standing of {name!r}")
        if value is not None and field not in allowed:
            raise InvalidInputError(
                f"{field}: not used by a standing of {name!r} (it uses "
                f"{', '.join(sorted(allowed)) or 'no other field'})"
            )
    if name == "none":
        return ORDINARY
    assert since is not None
    if name == "grandfathered":
        assert shares is not None
        return Grandfathered(since, shares)
    if name == "buyback":
        assert shares is not None
        return BuybackExcused(since, shares)
    if name == "inadvertent":
        assert until is not None
        day = to_date(since, what="standing_since")
        return InadvertentExcused(
            day, until, source=Source("Board determination", day, note="from a holdings file")
        )
    if name == "acquiring-person":
        return AcquiringPerson(since)
    cap: Threshold | None = None
    if (cap_percent is None) != (cap_comparison is None):
        raise InvalidInputError(
            "standing_cap_percent and standing_cap_comparison: give both for a cap, or neither"
        )
    if cap_percent is not None and cap_comparison is not None:
        comparison = (
            cap_comparison
            if isinstance(cap_comparison, Comparison)
            else _comparison(cap_comparison)
        )
        cap = Threshold(to_percent(cap_percent, what="standing_cap_percent"), comparison)
    return BoardExempted(since, cap=cap)


def _comparison(value: str) -> Comparison:
    for member in Comparison:
        if value.strip() == member.value:
            return member
    raise InvalidInputError(
        f"standing_cap_comparison: expected at-least or more-than, got {value!r}"
    )
