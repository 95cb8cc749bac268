"""The Rights Agreement: the instrument a plan starts from."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import attrs
import pendulum

from rightsplan import _check
from rightsplan.amendments import (
    PROVISION_KINDS,
    AddExemptPerson,
    Change,
    SetExpiration,
    SetThreshold,
    _change,
    apply_change,
    check_provisions,
)
from rightsplan.dates import DateLike, to_date
from rightsplan.errors import InvalidInputError, PlanHistoryError
from rightsplan.percent import Threshold
from rightsplan.sources import Source
from rightsplan.terms import HolderKind, Terms

__all__ = ["PROVISION_KINDS", "RightsAgreement", "standard_exempt_persons", "stated_terms"]


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
    check_provisions(provisions, "provisions", "a Rights Agreement")
    return provisions


def stated_terms(
    company: str,
    provisions: Sequence[Change],
    source: Callable[[Change], Source],
    on: pendulum.Date,
    instruments: Sequence[Source],
    what: str,
) -> Terms:
    """The terms an agreement's ``provisions`` state, from nothing, effective ``on``.

    Used for the Rights Agreement and for an amended and restated one: ``source`` cites
    each provision, ``instruments`` are the instruments folded in so far (the restatement
    included), ``what`` names the provisions in errors (``"provisions"``, ``"changes"``).
    """
    first = next(p for p in provisions if isinstance(p, SetThreshold))
    terms = Terms(
        company=company,
        general=first.general(source(first)),
        instruments=instruments,
    )
    for index, provision in enumerate(provisions):
        if provision is first:
            continue
        try:
            terms = apply_change(provision, terms, source(provision), on)
        except PlanHistoryError as error:
            raise PlanHistoryError(
                f"{what}[{index}] ({type(provision).__name__}): {error}"
            ) from None
    return terms


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
        try:
            return stated_terms(
                self.company,
                self.provisions,
                self.source,
                self.dated,
                (Source(self.name, self.dated, document=self.document, note=self.note),),
                "provisions",
            )
        except PlanHistoryError as error:
            raise PlanHistoryError(f"{self.name} ({self.dated.isoformat()}), {error}") from None
