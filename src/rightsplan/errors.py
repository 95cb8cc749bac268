"""The exceptions rightsplan raises.

Every error is a :class:`RightsPlanError`. The leaves also subclass the builtin they resemble,
so ``except ValueError`` and ``except TypeError`` keep working for callers that expect them.
"""

from __future__ import annotations

import os

__all__ = [
    "EventsFileError",
    "FilingError",
    "HoldingsFileError",
    "InputFileError",
    "InputTypeError",
    "InvalidDateError",
    "InvalidInputError",
    "InvalidPercentError",
    "InvalidPositionError",
    "MissingExtraError",
    "NotAdoptedError",
    "OutputFileError",
    "PercentTypeError",
    "PlanFileError",
    "PlanHistoryError",
    "RightsPlanError",
    "ScreenInputError",
    "UnknownTermError",
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


class UnknownTermError(RightsPlanError, ValueError):
    """An answer depends on a term the plan leaves unknown, where no UNCERTAIN answer can be given.

    :func:`rightsplan.assess` and ``rightsplan check`` answer
    :attr:`~rightsplan.Status.UNCERTAIN` instead; paths that cannot (an ownership history
    through the unknown, a screen) refuse with this error, naming the term and its source.
    """


class NotAdoptedError(RightsPlanError, LookupError):
    """Terms were asked for a date before the Rights Agreement existed."""


_SHOWN = 50
"""How many of a file's problems the message lists (``problems`` keeps them all)."""


class InputFileError(RightsPlanError, ValueError):
    """A file could not be read, or what it says is not acceptable.

    ``path`` is the file as it was named; ``problems`` lists every problem found, each a
    self-contained line that starts with the file name and the field path or line number
    (``plan.toml: amendments[1].changes[0].percent: ...``, ``holdings.csv:5: shares: ...``).
    """

    def __init__(self, path: str, problems: tuple[str, ...]) -> None:
        self.path = path
        self.problems = problems
        if len(problems) == 1:
            message = problems[0]
        else:
            shown = list(problems[:_SHOWN])
            if len(problems) > _SHOWN:
                shown.append(f"{path}: ... and {len(problems) - _SHOWN} more")
            message = "\n".join([f"{path}: {len(problems)} problems", *shown])
        super().__init__(message)


class PlanFileError(InputFileError):
    """A plan file (TOML, YAML or JSON) cannot be read or does not describe a valid plan."""


class HoldingsFileError(InputFileError):
    """A holdings file (CSV or JSON lines) cannot be read or has bad rows."""


class EventsFileError(InputFileError):
    """An events file (CSV, JSON or JSON lines) cannot be read or has bad records."""


class FilingError(RightsPlanError, ValueError):
    """A filing cannot be read: empty, binary, too large, truncated, or not a filing at all.

    The message names the file and says what is wrong with it.
    """


class ScreenInputError(RightsPlanError, ValueError):
    """Positions or plans that :func:`rightsplan.screen` cannot screen exactly.

    The message names the column (or plan) and says what was expected: a missing column, a
    float share count, a null, a holding larger than the shares outstanding, an issuer with
    no plan, and so on.
    """


class MissingExtraError(RightsPlanError, ModuleNotFoundError):
    """A part of rightsplan needs an optional extra that is not installed.

    The message names the extra and the command that installs it, e.g.
    ``pip install "rightsplan[screen]"``.
    """

    def __init__(self, what: str, extra: str, error: ImportError) -> None:
        module = (error.name or "").partition(".")[0] or "a module that is not installed"
        super().__init__(f'{what} needs {module}: pip install "rightsplan[{extra}]"')
        self.name = error.name
        self.extra = extra


class OutputFileError(RightsPlanError, OSError):
    """A file cannot be written: a folder, a missing folder, permission denied, and so on.

    The message names the file as it was given (never a temporary file) and says why.
    """

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(f"{os.fspath(path)!r}: cannot write: {reason}")
        self.path = path
        self.reason = reason
