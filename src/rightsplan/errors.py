"""The exceptions rightsplan raises.

Every error is a :class:`RightsPlanError`. The leaves also subclass the builtin they resemble,
so ``except ValueError`` and ``except TypeError`` keep working for callers that expect them.
"""

from __future__ import annotations

__all__ = [
    "InputTypeError",
    "InvalidDateError",
    "InvalidInputError",
    "InvalidPercentError",
    "InvalidPositionError",
    "NotAdoptedError",
    "PercentTypeError",
    "PlanHistoryError",
    "RightsPlanError",
]


class RightsPlanError(Exception):
    """Root of every error rightsplan raises on purpose."""


class InputTypeError(RightsPlanError, TypeError):
    """A value was given as the wrong type (text where a number belongs, and so on)."""


class InvalidInputError(RightsPlanError, ValueError):
    """A value has the right type but is not acceptable (empty, negative, out of range...)."""


class PercentTypeError(InputTypeError):
    """A percentage was given as a type that cannot be exact (a binary float, for one)."""


class InvalidPercentError(InvalidInputError):
    """A percentage could not be read, or lies outside the range its use allows."""


class InvalidDateError(InvalidInputError):
    """A date is not a date, or not a strict ISO ``YYYY-MM-DD`` string naming a real day."""


class InvalidPositionError(InvalidInputError):
    """A holding is inconsistent: negative shares, more shares than outstanding, and so on."""


class PlanHistoryError(RightsPlanError, ValueError):
    """A Rights Agreement and its amendments do not form a consistent history.

    The message names the amendment (and the change within it) at fault.
    """


class NotAdoptedError(RightsPlanError, LookupError):
    """Terms were asked for a date before the Rights Agreement existed."""
