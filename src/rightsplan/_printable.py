"""Text from files made safe to show: nothing a terminal would act on (private).

Plan files, holdings and events are read by rightsplan but written by others. Their text
(a company, a section, a quotation, a holder's name) reaches tables and messages; a control
character or escape sequence in it could clear the screen, move the cursor or repaint a
"triggered" row as "clear". Such characters are shown as Python-style escapes instead.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["json_safe", "plural", "printable", "quoted"]

# Control (Cc), format (Cf: zero-width and bidirectional controls), surrogate (Cs), and line
# and paragraph separators: invisible or acted upon by a terminal. Everything else prints.
_HIDDEN = frozenset(("Cc", "Cf", "Cs", "Zl", "Zp"))


def _hidden(char: str) -> bool:
    return unicodedata.category(char) in _HIDDEN


_ANY_HIDDEN = re.compile("[^\x20-\x7e\n]")  # a quick test: printable ASCII needs no look


def _escape(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def printable(text: str, *, newlines: bool = True) -> str:
    r"""``text`` with every control or invisible character shown as an escape (``\x1b``).

    Line feeds are kept when ``newlines`` is true (a whole report) and escaped otherwise (a
    table cell). A backslash is left alone: the result is for reading, not for parsing back.
    """
    if not _ANY_HIDDEN.search(text):
        return text
    return "".join(
        _escape(char) if _hidden(char) and not (newlines and char == "\n") else char
        for char in text
    )


def json_safe(text: str) -> str:
    r"""JSON text with every control or invisible character written as a ``\uXXXX`` escape.

    ``json.dumps(..., ensure_ascii=False)`` escapes only the characters JSON requires; the
    rest of the controls (DEL, C1, bidirectional overrides) would reach a terminal, and a lone
    surrogate could not be encoded at all. Outside strings JSON text holds no such character,
    so the result is the same JSON value.
    """
    if not _ANY_HIDDEN.search(text):
        return text

    def escape(char: str) -> str:
        if char == "\n" or not _hidden(char):
            return char
        code = ord(char)
        if code < 0x10000:
            return f"\\u{code:04x}"
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"

    return "".join(escape(char) for char in text)


def quoted(text: str) -> str:
    """``text`` in double quotes, a quotation inside it in single quotes (never nested doubles).

    >>> print(quoted('shall not be deemed an "Acquiring Person"'))
    "shall not be deemed an 'Acquiring Person'"
    """
    inner = text.replace("\u201c", "'").replace("\u201d", "'").replace('"', "'")
    return f'"{inner}"'


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``count`` and the noun it counts: "1 share", "7 holdings", "1,735,848 shares"."""
    noun = singular if count == 1 else (plural_form or singular + "s")
    return f"{count:,} {noun}"
