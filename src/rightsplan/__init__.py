"""rightsplan: shareholder rights plans, replayed and checked exactly.

Build a :class:`Plan` from a :class:`RightsAgreement` and its :class:`Amendment` s, ask for
the :meth:`Plan.terms_at` a date, and :func:`assess` a :class:`Position` against them.

>>> import rightsplan as rp
>>> ipof = rp.Position("IPOF Group", 2_800_500, 11_572_314, passive=True)
>>> rp.assess(rp.examples.innotrac(), ipof, on="2003-09-01").status
<Status.WARNING: 'warning'>
"""

from __future__ import annotations

from rightsplan import examples
from rightsplan.agreement import RightsAgreement, standard_exempt_persons
from rightsplan.amendments import (
    AddException,
    AddExemptPerson,
    Amendment,
    AppointRightsAgent,
    Change,
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
from rightsplan.dates import DateLike, to_date
from rightsplan.errors import (
    InputTypeError,
    InvalidDateError,
    InvalidInputError,
    InvalidPercentError,
    InvalidPositionError,
    NotAdoptedError,
    PercentTypeError,
    PlanHistoryError,
    RightsPlanError,
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
from rightsplan.sources import Source
from rightsplan.terms import (
    DistributionRule,
    Ending,
    EndingKind,
    Exemption,
    Expiration,
    GrandfatherBase,
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

__all__ = [
    "DEFAULT_WARN_AT",
    "AddException",
    "AddExemptPerson",
    "Amendment",
    "AppointRightsAgent",
    "Assessment",
    "Change",
    "Comparison",
    "Consideration",
    "Counted",
    "DateLike",
    "DistributionRule",
    "Ending",
    "EndingKind",
    "Exemption",
    "Expiration",
    "GrandfatherBase",
    "Grandfathering",
    "HolderKind",
    "InputTypeError",
    "InvalidDateError",
    "InvalidInputError",
    "InvalidPercentError",
    "InvalidPositionError",
    "Limit",
    "LimitKind",
    "NamedException",
    "NotAdoptedError",
    "OtherChange",
    "OwnershipRules",
    "PercentLike",
    "PercentTypeError",
    "Period",
    "Plan",
    "PlanHistoryError",
    "Position",
    "Redeem",
    "RemoveException",
    "RemoveExemptPerson",
    "RemovePassiveTier",
    "ReplaceException",
    "ReportedHolding",
    "RightsAgentTerm",
    "RightsAgreement",
    "RightsPlanError",
    "RightsToAcquire",
    "SetDistributionRule",
    "SetExpiration",
    "SetGrandfathering",
    "SetOwnershipRules",
    "SetPassiveTier",
    "SetThreshold",
    "Source",
    "Status",
    "Terminate",
    "Terms",
    "Threshold",
    "assess",
    "examples",
    "format_percent",
    "readable_percent",
    "standard_exempt_persons",
    "to_date",
    "to_percent",
]
