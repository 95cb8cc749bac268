"""Where a term came from: the instrument, its date, the section and the words."""

from __future__ import annotations

import attrs
import pendulum

from rightsplan import _check
from rightsplan.dates import to_date

__all__ = ["Source"]


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

    instrument: str = attrs.field(converter=lambda v: _check.text(v, "source.instrument"))
    date: pendulum.Date = attrs.field(converter=lambda v: to_date(v, what="source.date"))
    section: str | None = attrs.field(
        default=None, kw_only=True, converter=lambda v: _check.optional_text(v, "source.section")
    )
    quote: str | None = attrs.field(
        default=None, kw_only=True, converter=lambda v: _check.optional_text(v, "source.quote")
    )
    document: str | None = attrs.field(
        default=None, kw_only=True, converter=lambda v: _check.optional_text(v, "source.document")
    )
    note: str | None = attrs.field(
        default=None, kw_only=True, converter=lambda v: _check.optional_text(v, "source.note")
    )

    def cite(self) -> str:
        """A short citation: instrument, date and section."""
        text = f"{self.instrument} ({self.date.isoformat()})"
        if self.section:
            text += f", {self.section}"
        return text
