"""Small eager validators shared by the value objects (private)."""

from __future__ import annotations

import functools
import operator
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from typing import TypeVar

from rightsplan.errors import InputTypeError, InvalidInputError

T = TypeVar("T")


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
"""Control characters but tab and line breaks, and lone surrogates: never in a plan's text
(a terminal would act on an escape sequence; no file can hold a lone surrogate)."""


def _nonblank(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise InputTypeError(f"{what}: expected text, got {value!r} of type {type(value).__name__}")
    if not value.strip():
        raise InvalidInputError(f"{what}: expected non-blank text, got {value!r}")
    return value


def _label(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, unicodedata.category(char))}"


def text(value: object, what: str) -> str:
    """Non-blank text, kept exactly as given.

    Control characters (but tab and line breaks) are refused, naming the character and
    where it is: plan text reaches terminals, where an escape sequence would act.
    """
    given = _nonblank(value, what)
    found = _CONTROL.search(given)
    if found is not None:
        shown = given if len(given) <= 60 else given[:57] + "..."
        raise InvalidInputError(
            f"{what}: {shown!r} contains a control character, {_label(found.group())} "
            f"(character {found.start() + 1}); text may hold tabs and line breaks, not "
            "control characters"
        )
    return given


def optional_text(value: object, what: str) -> str | None:
    """Non-blank text or ``None``."""
    return None if value is None else text(value, what)


def numpy_integer(value: object) -> int | None:
    """``value`` as an ``int`` if it is a numpy integer (``np.int64``...), else ``None``.

    What ``df.itertuples()`` and ``array[i]`` yield. Read through ``operator.index``, never
    through a float; numpy is never imported here: a value can only be a numpy integer if
    numpy is already loaded. ``np.bool_`` is not a ``np.integer``, so it stays refused.
    """
    numpy = sys.modules.get("numpy")
    if numpy is not None and isinstance(value, numpy.integer):
        return operator.index(value)
    return None


def whole_number(value: object, what: str) -> int:
    """An ``int`` or a numpy integer (never a ``bool`` or a ``float``), as an ``int``."""
    if type(value) is int:
        return value
    converted = numpy_integer(value)
    if converted is not None:
        return converted
    if isinstance(value, bool) or not isinstance(value, int):
        hint = " (a float); share counts are whole numbers" if isinstance(value, float) else ""
        raise InputTypeError(
            f"{what}: expected a whole number, got {value!r} of type {type(value).__name__}{hint}"
        )
    return value


def flag(value: object, what: str) -> bool:
    """A ``bool``: ``true``/``false``, never a number or text that looks like one."""
    if not isinstance(value, bool):
        raise InputTypeError(f"{what}: expected true or false, got {value!r}")
    return value


def tuple_of(value: object, what: str, item: Callable[[object, str], T]) -> tuple[T, ...]:
    """A tuple from any iterable but a string, each item checked by ``item``."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InputTypeError(f"{what}: expected a list, got {value!r}")
    return tuple(item(element, f"{what}[{index}]") for index, element in enumerate(value))


# Unicode's Default_Ignorable_Code_Point characters outside the categories refused whole
# (Cc, Cf, Cs): fillers, joiners and variation selectors that show nothing.
_IGNORABLE = (
    (0x034F, 0x034F),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0xE0000, 0xE0FFF),
)

INVISIBLE_PATTERN = r"[[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]--[\t\n\r]]"
"""The characters :func:`invisible` finds, as a Rust regex class (polars matches with it).

The two agree on every character Python's Unicode database assigns (tested); a character
assigned only in a newer Unicode may be refused by one and not the other."""


def invisible(char: str) -> bool:
    """Whether ``char`` is a control (but tab and line breaks) or shows nothing.

    Refused: control characters (Cc) but tab, line feed and carriage return (white space,
    which matching ignores); format characters (Cf: zero-width space and joiners, the byte
    order mark, bidirectional controls, the soft hyphen); lone surrogates (Cs); and the rest
    of Unicode's Default_Ignorable_Code_Point (fillers, variation selectors, tags).
    """
    if char in "\t\n\r":
        return False
    if unicodedata.category(char) in ("Cc", "Cf", "Cs"):
        return True
    point = ord(char)
    return any(low <= point <= high for low, high in _IGNORABLE)


def hidden(name: str) -> bool:
    """Whether ``name`` holds a character :func:`invisible` finds."""
    return not (name.isascii() and name.isprintable()) and any(map(invisible, name))


def holder_name(value: object, what: str) -> str:
    """A holder's name: non-blank text without invisible or control characters.

    Names are matched by what they show (:func:`name_key`), so a character that shows
    nothing would make two names that look the same name two holders: it is refused, with
    the field, the character and where it is. The name is kept exactly as given. The cost:
    a name whose script needs a joiner (some Persian or Indic spellings, emoji sequences)
    must be given without it; names in a US filing never need one.
    """
    given = _nonblank(value, what)
    if not hidden(given):
        return given
    for index, char in enumerate(given):
        if invisible(char):
            raise InvalidInputError(
                f"{what}: {given!r} contains an invisible or control character, "
                f"{_label(char)} (character {index + 1}); names are matched by "
                "what they show, so give the name without it"
            )
    return given


@functools.lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """How names are matched: Unicode canonical equivalents, case and white space aside.

    The key is the canonical caseless form (Unicode's definition D145: decompose, case-fold,
    then compose again, NFC) with runs of white space made one space. So "Société Générale"
    typed with composed letters (NFC) or with letters and combining accents (NFD) is one
    name: the two are the same text in two encodings, and every reader sees the same thing.

    Compatibility forms (NFKC) are deliberately not folded: full-width "ＩＰＯＦ", a
    superscript "²", a circled "Ⓐ" look different from "IPOF", "2" and "A", and a plan's
    exception or exemption is not given to a name the plan does not use: such a name is
    warned about instead (:func:`near_names`). Case folding already joins the few
    compatibility letters it knows (the ligature "ﬁ" is "fi").
    """
    folded = unicodedata.normalize("NFD", name).casefold()
    return " ".join(unicodedata.normalize("NFC", folded).split())


NEAR_EDIT_LENGTH = 5
"""The shortest name (in characters) whose one-edit misspellings are flagged: "A" and "B"
are different holders, "IPOF Grop" is likely IPOF Group misspelled."""


@functools.lru_cache(maxsize=1 << 16)
def _squashed(key: str) -> str:
    # Letters and digits only, compatibility forms folded and accents dropped (decomposed, a
    # combining mark is not alphanumeric): what a careless retyping keeps.
    return "".join(char for char in unicodedata.normalize("NFKD", key).casefold() if char.isalnum())


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one insertion, deletion or substitution."""
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1 or a == b:
        return False
    start = 0
    while start < len(a) and a[start] == b[start]:
        start += 1
    if len(a) == len(b):
        return a[start + 1 :] == b[start + 1 :]
    return a[start:] == b[start + 1 :]


def near_names(name: str, known: Iterable[str]) -> tuple[str, ...]:
    """The names in ``known`` that ``name`` nearly matches but does not: likely misspellings.

    Near: the same letters and digits once case, spacing, punctuation, accents and
    compatibility forms are set aside ("I.P.O.F. Group", "ＩＰＯＦ Group", "Societe
    Generale" for "Société Générale"), or one edit away for names of
    :data:`NEAR_EDIT_LENGTH` characters or more ("IPOF Grop"). Nothing is near a name that
    matches one of ``known``. Each known name is given once, in the order given.
    """
    key = name_key(name)
    keys: dict[str, str] = {}
    for other in known:
        keys.setdefault(name_key(other), other)
    if key in keys:
        return ()
    squashed = _squashed(key)
    return tuple(
        other
        for other_key, other in keys.items()
        if (squashed and _squashed(other_key) == squashed)
        or (min(len(key), len(other_key)) >= NEAR_EDIT_LENGTH and _one_edit(key, other_key))
    )


def near_index_keys(name: str) -> frozenset[str]:
    """Keys that any two names :func:`near_names` pairs share: to find near names fast.

    A name's squashed form, and (for names of :data:`NEAR_EDIT_LENGTH` characters or more)
    its canonical key and the key with each one character left out: one insertion, deletion
    or substitution apart, two keys have one of these in common. A shared key only makes
    two names candidates; :func:`near_names` decides.
    """
    key = name_key(name)
    found = {"s:" + _squashed(key)}
    if len(key) >= NEAR_EDIT_LENGTH:
        found.add("d:" + key)
        found.update("d:" + key[:index] + key[index + 1 :] for index in range(len(key)))
    return frozenset(found)


def title(value: str | None) -> str | None:
    """An instrument's optional title (a converter for attrs fields)."""
    return optional_text(value, "title")


def document(value: str | None) -> str | None:
    """Where an instrument's text was read, optional (a converter for attrs fields)."""
    return optional_text(value, "document")


def note(value: str | None) -> str | None:
    """An optional note for readers (a converter for attrs fields)."""
    return optional_text(value, "note")
