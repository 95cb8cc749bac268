"""rightsplan: shareholder rights plans, replayed and checked exactly.

Build a :class:`Plan` from a :class:`RightsAgreement` and its :class:`Amendment` s, ask for
the :meth:`Plan.terms_at` a date, and :func:`assess` a :class:`Position` against them.

>>> import rightsplan as rp
>>> ipof = rp.Position("IPOF Group", 2_800_500, 11_572_314, passive=True)
>>> rp.assess(rp.examples.innotrac(), ipof, on="2003-09-01").status
<Status.WARNING: 'warning'>
"""

from __future__ import annotations

import importlib.metadata as _metadata
from typing import TYPE_CHECKING

from rightsplan import calendars, edgar, examples, plot, report, reports, rules
from rightsplan.agreement import RightsAgreement, standard_exempt_persons
from rightsplan.amendments import (
    AddException,
    AddExemptPerson,
    Amendment,
    AppointRightsAgent,
    Change,
    ExchangeRights,
    InstrumentKind,
    OtherChange,
    Redeem,
    RemoveException,
    RemoveExemptPerson,
    RemovePassiveTier,
    ReplaceException,
    SetDistributionRule,
    SetExpiration,
    SetGrandfathering,
    SetOwnershipRules,
    SetPassiveTier,
    SetThreshold,
    Terminate,
)
from rightsplan.assess import DEFAULT_WARN_AT, Assessment, Consideration, Status, assess
from rightsplan.calendars import BusinessCalendar, CalendarRangeError
from rightsplan.dates import DateLike, to_date
from rightsplan.errors import (
    EventsFileError,
    FilingError,
    HoldingsFileError,
    InputFileError,
    InputTypeError,
    InvalidDateError,
    InvalidInputError,
    InvalidPercentError,
    InvalidPositionError,
    MissingExtraError,
    NotAdoptedError,
    PercentTypeError,
    PlanFileError,
    PlanHistoryError,
    RightsPlanError,
    ScreenInputError,
    UnknownTermError,
)
from rightsplan.history import (
    Clock,
    History,
    HolderStatus,
    LedgerError,
    PossibleTrigger,
    StatusPeriod,
    TenderOfferProng,
    Trigger,
    UnknownHolderError,
    replay,
)
from rightsplan.io import (
    Holding,
    dump_events,
    dump_plan,
    load_events,
    load_holdings,
    load_plan,
)
from rightsplan.ledger import (
    AcquiringPersonAnnounced,
    Acquisition,
    Affiliated,
    Disposition,
    Event,
    ExemptionGranted,
    ExemptionRevoked,
    GroupDissolved,
    GroupFormed,
    InadvertenceDetermination,
    Ledger,
    OutstandingChanged,
    PassivityChanged,
    PositionReported,
    RightsExercised,
    StockSplit,
    TenderOfferCommenced,
)
from rightsplan.ownership import Counted, Position, ReportedHolding
from rightsplan.percent import (
    Comparison,
    PercentLike,
    Threshold,
    format_percent,
    readable_percent,
    to_percent,
)
from rightsplan.plan import Period, Plan
from rightsplan.report import Assessments
from rightsplan.sources import Source
from rightsplan.standing import (
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
    DistributionRule,
    Ending,
    EndingKind,
    Exemption,
    Expiration,
    GrandfatherBase,
    GrandfatherCutoff,
    Grandfathering,
    HolderKind,
    Limit,
    LimitKind,
    NamedException,
    OwnershipRules,
    RightsAgentTerm,
    RightsToAcquire,
    Terms,
)
from rightsplan.unknowns import UnknownDate, UnknownPercent, UnknownShares

if TYPE_CHECKING:
    import os
    from collections.abc import Mapping
    from fractions import Fraction

    import polars

    from rightsplan.screening._inputs import Positions


def screen(
    plans: Mapping[str, Plan] | str | os.PathLike[str],
    positions: Positions,
    *,
    warn_at: Fraction | str | int = DEFAULT_WARN_AT,
) -> polars.DataFrame:
    """Screen many positions against many plans: one verdict row per position, in order.

    A function, not a module: the engines live in :mod:`rightsplan.screening` (which needs
    the ``screen`` extra, polars), imported on the first call. The arguments and the result
    are those of :func:`rightsplan.screening.screen`.
    """
    from rightsplan.screening import screen as run

    return run(plans, positions, warn_at=warn_at)


def _installed_version() -> str:
    try:
        return _metadata.version("rightsplan")
    except _metadata.PackageNotFoundError:  # pragma: no cover - run from a bare source tree
        return "0+unknown"


__version__: str = _installed_version()
"""The installed rightsplan's version, from its package metadata (``rightsplan --version``)."""

__all__ = [
    "DEFAULT_WARN_AT",
    "AcquiringPerson",
    "AcquiringPersonAnnounced",
    "Acquisition",
    "AddException",
    "AddExemptPerson",
    "Affiliated",
    "Amendment",
    "AppointRightsAgent",
    "Assessment",
    "Assessments",
    "BoardExempted",
    "BusinessCalendar",
    "BuybackExcused",
    "CalendarRangeError",
    "Change",
    "Clock",
    "Comparison",
    "Consideration",
    "Counted",
    "DateLike",
    "Disposition",
    "DistributionRule",
    "Ending",
    "EndingKind",
    "Event",
    "EventsFileError",
    "ExchangeRights",
    "Exemption",
    "ExemptionGranted",
    "ExemptionRevoked",
    "Expiration",
    "FilingError",
    "GrandfatherBase",
    "GrandfatherCutoff",
    "Grandfathered",
    "Grandfathering",
    "GroupDissolved",
    "GroupFormed",
    "History",
    "HolderKind",
    "HolderStatus",
    "Holding",
    "HoldingsFileError",
    "InadvertenceDetermination",
    "InadvertentExcused",
    "InputFileError",
    "InputTypeError",
    "InstrumentKind",
    "InvalidDateError",
    "InvalidInputError",
    "InvalidPercentError",
    "InvalidPositionError",
    "Ledger",
    "LedgerError",
    "Limit",
    "LimitKind",
    "MissingExtraError",
    "NamedException",
    "NotAdoptedError",
    "Ordinary",
    "OtherChange",
    "OutstandingChanged",
    "OwnershipRules",
    "PassivityChanged",
    "PercentLike",
    "PercentTypeError",
    "Period",
    "Plan",
    "PlanFileError",
    "PlanHistoryError",
    "Position",
    "PositionReported",
    "PossibleAcquiringPerson",
    "PossibleTrigger",
    "Redeem",
    "RemoveException",
    "RemoveExemptPerson",
    "RemovePassiveTier",
    "ReplaceException",
    "ReportedHolding",
    "RightsAgentTerm",
    "RightsAgreement",
    "RightsExercised",
    "RightsPlanError",
    "RightsToAcquire",
    "ScreenInputError",
    "SetDistributionRule",
    "SetExpiration",
    "SetGrandfathering",
    "SetOwnershipRules",
    "SetPassiveTier",
    "SetThreshold",
    "Source",
    "Standing",
    "Status",
    "StatusPeriod",
    "StockSplit",
    "TenderOfferCommenced",
    "TenderOfferProng",
    "Terminate",
    "Terms",
    "Threshold",
    "Trigger",
    "UnknownDate",
    "UnknownHolderError",
    "UnknownPercent",
    "UnknownShares",
    "UnknownTermError",
    "assess",
    "calendars",
    "dump_events",
    "dump_plan",
    "edgar",
    "examples",
    "format_percent",
    "load_events",
    "load_holdings",
    "load_plan",
    "plot",
    "readable_percent",
    "replay",
    "report",
    "reports",
    "rules",
    "screen",
    "standard_exempt_persons",
    "to_date",
    "to_percent",
]


def __getattr__(name: str) -> object:
    # rightsplan.testing needs hypothesis, which only the test extra installs: import it on
    # first use of rp.testing, so that the rest of the library never needs hypothesis.
    if name == "testing":
        import importlib

        return importlib.import_module("rightsplan.testing")
    # rp.screen needs polars (the screen extra): imported on first use too. The package
    # rightsplan.screen is callable, forwarding to rightsplan.screening.screen.
    if name == "screen":
        import importlib

        return importlib.import_module("rightsplan.screen")
    raise AttributeError(f"module 'rightsplan' has no attribute {name!r}")
