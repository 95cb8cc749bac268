"""A plan's history and an ownership ledger replayed together, day by day.

Whether a holder is an Acquiring Person depends on what happened before: once one, always one
(unless the plan says otherwise); a grandfathered holder triggers only by acquiring more; a
holder pushed over the line by a buyback is not one until it acquires more; a crossing the
board finds inadvertent does not count if it is cured in time. :func:`replay` folds the
ledger's events, one handler per kind, into the holdings; at the end of each day it asks the
rulebook (:func:`rightsplan.rules.verdict`) what each holding is, given the holder's
standing (:mod:`rightsplan.standing`), and decides only the *transitions*: who becomes an
Acquiring Person, who is grandfathered or excused, whose standing lapses.

The parts: :mod:`~rightsplan.history._events` (the holdings and one handler per event kind),
:mod:`~rightsplan.history._settle` (the end of a day: verdicts and transitions),
:mod:`~rightsplan.history._clock` (the Distribution Date) and
:mod:`~rightsplan.history._replay` (the day loop, and the view in hindsight); what a replay
gives back is in :mod:`~rightsplan.history._results`. The holdings, groups and standings are
frozen values; the tables that hold them belong to the replay and are updated value by value
rather than copied on every event, which would make a replay quadratic in the holders.

Modelling choices, stated once:

- Holdings are evaluated at the end of each day on which something happens; a sale and a
  purchase on the same day net out.
- A holder becomes an Acquiring Person only on a day it acquires something the plan counts
  (shares, counted rights or derivatives, net of that day's sales; or other members' shares
  by forming a group or an affiliation), exercises rights to acquire into more counted
  shares, or turns active; a day on which only the shares outstanding change never makes one.
- When the terms change (adoption, a lower threshold, an exception removed) or the board
  revokes its exemption, a holder then over the new line is grandfathered: at its holding
  before that day's own acquisitions (:attr:`~rightsplan.GrandfatherCutoff.BEFORE_ADOPTION`)
  or at the close of business that day (:attr:`~rightsplan.GrandfatherCutoff.CLOSE_OF_BUSINESS`).
- A grandfathered holder without a stated tolerance may not acquire any additional share
  while over the line: its line is its lowest holding since the cut-off. With a tolerance,
  additional shares are measured from the cut-off holding, or from the lowest since where
  the plan says so.
- Exercising rights to acquire ends a grandfathering where the plan says so
  (``exercise_ends``); otherwise it acquires only what the plan did not already count.
- A holder over the line without acquiring anything and without a change of terms was
  pushed over by the shares outstanding falling: it is excused as after a buyback.
- An inadvertent crossing is cured if the holder is back under its limit on some day from
  the determination to ``divest_by`` and acquires nothing while over; if not, the holder was
  an Acquiring Person from the day it crossed. The records show what was known each day;
  the periods are the view in hindsight (cured: excused from the crossing; not cured: an
  Acquiring Person from the crossing).
- Members of a group, and a holder with its Affiliates, are assessed on their combined
  holding, each share counted once, but each against its own limits and with its own
  standing: an Exempt Person, a board exemption or a named exception covers its own holder
  (and a group's exception its members), never those acting with it.
- Where a term the plan leaves unknown decides (a general threshold between its bounds, a
  Final Expiration Date that may have passed), the day is UNCERTAIN, and a crossing it
  decides is possible, never certain: a :class:`PossibleTrigger`, no clock, and the
  standing :class:`~rightsplan.PossibleAcquiringPerson`, judged both ways (as an Acquiring
  Person, and with the standing it keeps otherwise) until an exact answer is possible
  again: a certain crossing, or, where the status does not stick, a holding under every
  line the unknown allows. A possible crossing is looked for only on a day that can move a
  holder over (an acquisition, turning active, new terms, the shares outstanding falling).
- A Distribution Date that would fall when the rights are gone (expired after the close of
  business on the Final Expiration Date, terminated or redeemed) never comes.
"""

from __future__ import annotations

from rightsplan.history._replay import replay
from rightsplan.history._results import (
    Clock,
    History,
    HolderStatus,
    LedgerError,
    PossibleTrigger,
    StatusPeriod,
    TenderOfferProng,
    Trigger,
    UnknownHolderError,
)

__all__ = [
    "Clock",
    "History",
    "HolderStatus",
    "LedgerError",
    "PossibleTrigger",
    "StatusPeriod",
    "TenderOfferProng",
    "Trigger",
    "UnknownHolderError",
    "replay",
]
