"""The Rights Agreement: the instrument a plan starts from."""

from __future__ import annotations

from collections.abc import Iterable

import attrs
import pendulum

from rightsplan import _check
from rightsplan.amendments import (
    AddException,
    AddExemptPerson,
    AppointRightsAgent,
    Change,
    OtherChange,
    SetDistributionRule,
    SetExpiration,
    SetGrandfathering,
    SetOwnershipRules,
    SetPassiveTier,
    SetThreshold,
    _change,
    apply_change,
)
from rightsplan.dates import DateLike, to_date
from rightsplan.errors import InvalidInputError, PlanHistoryError
from rightsplan.percent import Threshold
from rightsplan.sources import Source
from rightsplan.terms import HolderKind, Terms

__all__ = ["RightsAgreement", "standard_exempt_persons"]

PROVISION_KINDS: tuple[type[Change], ...] = (
    SetThreshold,
    SetPassiveTier,
    AddException,
    AddExemptPerson,
    SetExpiration,
    AppointRightsAgent,
    SetOwnershipRules,
    SetGrandfathering,
    SetDistributionRule,
    OtherChange,
)
"""The change kinds an agreement can state as its own provisions."""

_AT_MOST_ONCE: tuple[type[Change], ...] = (
    SetThreshold,
    SetPassiveTier,
    SetExpiration,
    AppointRightsAgent,
    SetOwnershipRules,
    SetGrandfathering,
    SetDistributionRule,
)


def standard_exempt_persons(*, section: str | None = None) -> tuple[AddExemptPerson, ...]:
    """The Exempt Persons nearly every plan names: the Company, its Subsidiaries, its plans.

    ``section`` is where the agreement says so (often the definition of Acquiring Person).

    >>> [p.category.value for p in standard_exempt_persons()]
    ['company', 'subsidiary', 'benefit-plan']
    """
    return (
        AddExemptPerson(name="the Company", category=HolderKind.COMPANY, section=section),
        AddExemptPerson(
            name="any Subsidiary of the Company", category=HolderKind.SUBSIDIARY, section=section
        ),
        AddExemptPerson(
            name="any employee benefit plan of the Company or a Subsidiary",
            category=HolderKind.BENEFIT_PLAN,
            section=section,
        ),
    )


def _provisions(value: Iterable[Change]) -> tuple[Change, ...]:
    provisions = _check.tuple_of(value, "provisions", _change)
    for index, provision in enumerate(provisions):
        if not isinstance(provision, PROVISION_KINDS):
            allowed = ", ".join(kind.__name__ for kind in PROVISION_KINDS)
            raise InvalidInputError(
                f"provisions[{index}]: a Rights Agreement cannot state {type(provision).__name__} "
                f"(that is for amendments); its provisions are {allowed}"
            )
    for kind in _AT_MOST_ONCE:
        places = [i for i, provision in enumerate(provisions) if type(provision) is kind]
        if len(places) > 1:
            raise InvalidInputError(
                f"provisions: {kind.__name__} appears {len(places)} times "
                f"(at {', '.join(f'provisions[{i}]' for i in places)}); state it once"
            )
    if not any(isinstance(provision, SetThreshold) for provision in provisions):
        raise InvalidInputError(
            "provisions: a Rights Agreement needs its general threshold: add "
            "SetThreshold(percent=..., comparison=...) from the definition of Acquiring Person"
        )
    return provisions


def _company(value: str) -> str:
    return _check.text(value, "company")


def _dated(value: DateLike) -> pendulum.Date:
    return to_date(value, what="dated")


@attrs.frozen(kw_only=True)
class RightsAgreement:
    """A Rights Agreement between a company and its rights agent, and the terms it states.

    ``provisions`` uses the same kinds of change as amendments: it must set the general
    threshold (:class:`~rightsplan.SetThreshold`) and may set a passive tier, named-holder
    exceptions, Exempt Persons (see :func:`standard_exempt_persons`), the Final Expiration
    Date and the rights agent. ``document`` says where its text was read.
    """

    company: str = attrs.field(converter=_company)
    dated: pendulum.Date = attrs.field(converter=_dated)
    provisions: tuple[Change, ...] = attrs.field(converter=_provisions)
    title: str | None = attrs.field(default=None, converter=_check.title)
    document: str | None = attrs.field(default=None, converter=_check.document)
    note: str | None = attrs.field(default=None, converter=_check.note)

    def __attrs_post_init__(self) -> None:
        for index, provision in enumerate(self.provisions):
            if (
                isinstance(provision, SetExpiration)
                and isinstance(provision.date, pendulum.Date)
                and provision.date < self.dated
            ):
                raise InvalidInputError(
                    f"provisions[{index}].date: the Final Expiration Date "
                    f"{provision.date.isoformat()} is before the {self.name} itself "
                    f"(dated {self.dated.isoformat()})"
                )

    @property
    def name(self) -> str:
        """How the agreement is cited: its title, or ``"Rights Agreement"``."""
        return self.title or "Rights Agreement"

    @property
    def threshold(self) -> Threshold:
        """The general threshold the agreement states."""
        for provision in self.provisions:
            if isinstance(provision, SetThreshold):
                return provision.threshold
        raise AssertionError("unreachable: provisions are validated")  # pragma: no cover

    def source(self, provision: Change) -> Source:
        """The source of one of the agreement's provisions."""
        return Source(
            self.name,
            self.dated,
            section=provision.section,
            quote=provision.quote,
            document=self.document,
            note=provision.note,
        )

    def initial_terms(self) -> Terms:
        """The terms as the agreement states them, before any amendment."""
        first = next(p for p in self.provisions if isinstance(p, SetThreshold))
        terms = Terms(
            company=self.company,
            general=first.general(self.source(first)),
            instruments=(Source(self.name, self.dated, document=self.document, note=self.note),),
        )
        for index, provision in enumerate(self.provisions):
            if provision is first:
                continue
            try:
                terms = apply_change(provision, terms, self.source(provision), self.dated)
            except PlanHistoryError as error:
                raise PlanHistoryError(
                    f"{self.name} ({self.dated.isoformat()}), provisions[{index}] "
                    f"({type(provision).__name__}): {error}"
                ) from None
        return terms
