"""Where a term came from: the instrument, its date, the section and the words."""

from __future__ import annotations

import attrs
import pendulum

from rightsplan import _check
from rightsplan.dates import DateLike, to_date

__all__ = ["Source"]


def _instrument(value: str) -> str:
    return _check.text(value, "source.instrument")


def _date(value: DateLike) -> pendulum.Date:
    return to_date(value, what="source.date")


def _section(value: str | None) -> str | None:
    return _check.optional_text(value, "source.section")


def _quote(value: str | None) -> str | None:
    return _check.optional_text(value, "source.quote")


def _document(value: str | None) -> str | None:
    return _check.optional_text(value, "source.document")


def _note(value: str | None) -> str | None:
    return _check.optional_text(value, "source.note")


@attrs.frozen
class Source:
    """The instrument that set a term, and where in it.

    ``instrument`` names it as the law does ("Rights Agreement", "Amendment No. 2");
    ``date`` is the instrument's date; ``section`` the provision ("Section 1, definition of
    Acquiring Person"); ``quote`` the operative words; ``document`` where the text was read
    (a filing and exhibit); ``note`` anything a reader must know, such as an assumption.

    >>> Source("Amendment No. 2", "2003-08-14", section="Section 1").cite()
    'Amendment No. 2 (2003-08-14), Section 1'
    """

    instrument: str = attrs.field(converter=_instrument)
    date: pendulum.Date = attrs.field(converter=_date)
    section: str | None = attrs.field(default=None, kw_only=True, converter=_section)
    quote: str | None = attrs.field(default=None, kw_only=True, converter=_quote)
    document: str | None = attrs.field(default=None, kw_only=True, converter=_document)
    note: str | None = attrs.field(default=None, kw_only=True, converter=_note)

    def cite(self) -> str:
        """A short citation: instrument, date and section."""
        text = f"{self.instrument} ({self.date.isoformat()})"
        if self.section:
            text += f", {self.section}"
        return text
