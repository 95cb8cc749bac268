"""Innotrac Corporation's Rights Agreement of 1997-12-31 and Amendments No. 1-3.

Facts are taken from the three Innotrac 8-K filings the project began from (the seeds),
chiefly the Form 8-K filed 2003-11-24 (Item 5), and from Amendment No. 2 itself (Exhibit
4.2). What the filings do not state is left unset rather than guessed: the original rights
agent and the Final Expiration Date.
"""

from __future__ import annotations

from rightsplan.agreement import RightsAgreement, standard_exempt_persons
from rightsplan.amendments import (
    AddException,
    Amendment,
    AppointRightsAgent,
    OtherChange,
    ReplaceException,
    SetThreshold,
)
from rightsplan.percent import Comparison
from rightsplan.plan import Plan

__all__ = ["innotrac"]

_ACQUIRING_PERSON = "Section 1 (definition of Acquiring Person)"
_FORM_8K_2003_11_24 = "Form 8-K filed 2003-11-24 (EDGAR accession 0000891092-03-003468), Item 5"
_IPOF_GROUP = "IPOF Group"
_IPOF_MEMBERS = ("IPOF Fund, L.P.", "David Dadante")


def innotrac() -> Plan:
    """Innotrac's plan, 1997-12-31 to Amendment No. 3 of 2003-11-24.

    15% or more generally; the IPOF Group excepted up to more than 25% (Amendment No. 2),
    then more than 40% (Amendment No. 3), while it holds without intent to change or
    influence control.

    >>> import rightsplan as rp
    >>> plan = rp.examples.innotrac()
    >>> plan.terms_at("2003-11-24").exception_for("IPOF Group").cap.describe()
    'more than 40%'
    """
    agreement = RightsAgreement(
        company="Innotrac Corporation",
        dated="1997-12-31",
        provisions=(
            SetThreshold(
                percent=15,
                comparison=Comparison.AT_LEAST,
                section=_ACQUIRING_PERSON,
                note=(
                    'The agreement says "15% or more", as the Agreement of 2003-08-14 between '
                    "the Company and the IPOF Group recites; the 8-K of 2003-11-24 paraphrases "
                    'it as "more than 15%". The agreement\'s words govern.'
                ),
            ),
            *standard_exempt_persons(section=_ACQUIRING_PERSON),
        ),
        document="Rights Agreement dated as of December 31, 1997 (cited in "
        + _FORM_8K_2003_11_24
        + ")",
        note=(
            "The original rights agent and the Final Expiration Date are not stated in the "
            "filings this example is drawn from, and are left unset: the example treats the "
            "plan as in force until amended."
        ),
    )
    amendment_1 = Amendment(
        number=1,
        executed="2000-11-30",
        changes=(
            AppointRightsAgent(
                name="SunTrust Bank",
                quote="provided for the appointment of SunTrust Bank as a successor rights agent",
            ),
            OtherChange(
                description="amended the Rights Agreement in certain other particulars",
                quote="amended the Rights Agreement in certain other particulars",
            ),
        ),
        document="Described in " + _FORM_8K_2003_11_24 + ' ("dated as of November 30, 2000")',
    )
    amendment_2 = Amendment(
        number=2,
        executed="2003-08-14",
        changes=(
            AddException(
                holder=_IPOF_GROUP,
                members=_IPOF_MEMBERS,
                percent=25,
                comparison=Comparison.MORE_THAN,
                requires_passive=True,
                section=_ACQUIRING_PERSON,
                quote=(
                    'shall not be deemed to be an "Acquiring Person" unless and until the '
                    "earlier of such time as the IPOF Group ... becomes the Beneficial Owner of "
                    "more than 25% of the Common Shares then outstanding or (ii) ceases to hold "
                    "any of the Common Shares ... without any intention of changing or "
                    "influencing control"
                ),
            ),
        ),
        document="Exhibit 4.2 (EDGAR accession 0000950144-03-010271); summarised in "
        + _FORM_8K_2003_11_24,
    )
    amendment_3 = Amendment(
        number=3,
        authorized="2003-11-21",
        executed="2003-11-24",
        changes=(
            ReplaceException(
                holder=_IPOF_GROUP,
                members=_IPOF_MEMBERS,
                percent=40,
                comparison=Comparison.MORE_THAN,
                requires_passive=True,
                section=_ACQUIRING_PERSON,
                quote=(
                    "unless and until the earlier of such time as the IPOF Group, together with "
                    "all its affiliates and associates, (i) directly or indirectly, becomes the "
                    "beneficial owner of more than 40% of the Company's common stock then "
                    "outstanding or (ii) ceases to hold any of the common stock which it "
                    "beneficially owns without any intention of changing or influencing "
                    "control of the Company"
                ),
            ),
        ),
        document=_FORM_8K_2003_11_24,
    )
    return Plan(agreement, (amendment_1, amendment_2, amendment_3))
