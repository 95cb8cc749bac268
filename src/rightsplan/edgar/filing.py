r"""A filing, parsed: its form, registrant, items, exhibits, documents and signatures.

:func:`parse_filing` reads a filing given as the plain text of its main document (as old 8-Ks
are), as an EDGAR full submission (an SGML ``<SEC-HEADER>`` followed by ``<DOCUMENT>``\\ s,
each with ``<TYPE>``, ``<FILENAME>`` and ``<TEXT>``) or as HTML. :func:`read_filing` does the
same for a file and refuses what cannot be read as text (empty, binary, too large) with a
:class:`~rightsplan.errors.FilingError`. Any text is read: a document without a cover page
(an exhibit, a press release, a note) has the form ``""``.

Every offset (``start``, ``end``) indexes :attr:`Filing.text`, the filing's readable text: for
a plain-text filing the file itself (line endings made ``\\n``), for a submission its documents'
texts one after another (HTML turned into text), each :class:`Document` saying where its text
lies.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

import attrs
import pendulum

from rightsplan.edgar import _text
from rightsplan.errors import FilingError

__all__ = [
    "MAX_BYTES",
    "Document",
    "Exhibit",
    "Filing",
    "Item",
    "Registrant",
    "Signature",
    "parse_filing",
    "read_filing",
]

MAX_BYTES = 32 * 1024 * 1024
"""The largest file :func:`read_filing` reads (32 MiB). Rights-plan filings are far smaller."""


@attrs.frozen
class Registrant:
    """Who filed, as the cover page (or the SGML header) says."""

    name: str | None = None
    state: str | None = None
    file_number: str | None = None
    irs_number: str | None = None
    address: str | None = None
    phone: str | None = None


@attrs.frozen
class Item:
    """An item of a report: "5" (before August 2004) or "3.03", its title and its text.

    ``start`` and ``end`` delimit the item's text (after the heading) in :attr:`Filing.text`.
    """

    number: str
    title: str
    text: str
    start: int
    end: int


@attrs.frozen
class Exhibit:
    """A row of the exhibit index: the exhibit's number ("99.1") and its description."""

    number: str
    description: str


@attrs.frozen
class Signature:
    """A signature: who signed, in what capacity, and when."""

    signer: str
    title: str | None = None
    date: pendulum.Date | None = None


@attrs.frozen
class Document:
    """One document of a filing: its type ("8-K", "EX-4.1", "EX-99.1"), file name and text.

    ``start`` and ``end`` delimit its text in :attr:`Filing.text`.
    """

    type: str
    filename: str | None
    description: str | None
    start: int
    end: int


@attrs.frozen
class Filing:
    """A parsed filing. Absent facts are ``None`` (or empty), never guessed."""

    name: str
    """Where the filing was read from (a path, or a name the caller gave)."""
    text: str = attrs.field(repr=False)
    """The readable text all offsets index."""
    form: str
    """The form type on the cover or in the SGML header ("8-K", "8-A12B/A"); ``""`` when the
    text names none (an exhibit, a press release, a note read on its own)."""
    registrant: Registrant
    reported: pendulum.Date | None
    """The date of report (date of the earliest event reported)."""
    filed: pendulum.Date | None
    """The filed-as-of date, when an SGML header gives it."""
    accession: str | None
    items: tuple[Item, ...]
    exhibits: tuple[Exhibit, ...]
    documents: tuple[Document, ...]
    signatures: tuple[Signature, ...]
    removed: tuple[tuple[str, int], ...] = ()
    """What was removed from the file's text, as (what, how many times): terminal escape
    sequences, control characters, characters that show nothing (each by its code point)."""

    @property
    def removed_note(self) -> str | None:
        """:attr:`removed` in words, or ``None`` if nothing was removed."""
        return _text.describe_removed(dict(self.removed))

    @property
    def main(self) -> Document:
        """The main document (the report itself, before any exhibit)."""
        return self.documents[0]

    def document_at(self, offset: int) -> Document:
        """The document whose text contains ``offset``."""
        for document in self.documents:
            if document.start <= offset < document.end:
                return document
        return self.documents[-1]

    def item(self, number: str) -> Item | None:
        """The first item with this number ("5", "3.03"), or ``None``."""
        return next((item for item in self.items if item.number == number), None)

    @property
    def date(self) -> pendulum.Date | None:
        """The filing's date: filed-as-of if known, else the date of report, else signed."""
        if self.filed is not None:
            return self.filed
        if self.reported is not None:
            return self.reported
        return next((s.date for s in self.signatures if s.date is not None), None)


# --- reading a file ---------------------------------------------------------------------------


def read_filing(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> Filing:
    """Read and parse the filing in the file ``path``.

    Raises :class:`~rightsplan.errors.FilingError` naming the file when it cannot be read, is
    empty, is larger than ``max_bytes``, holds binary data, or is a truncated submission.
    """
    name = os.fspath(path)
    file = Path(name)
    try:
        # Bounded by the bytes actually read: a device (/dev/zero) reports a size of 0.
        with file.open("rb") as stream:
            data = stream.read(max_bytes + 1)
    except OSError as error:
        raise FilingError(f"{name}: cannot read the file ({error.strerror or error})") from None
    if len(data) > max_bytes:
        raise FilingError(
            f"{name}: the file is larger than {max_bytes / 1_048_576:.0f} MiB; filings "
            "larger than that are not read"
        )
    return parse_filing(data, name=name, max_bytes=max_bytes)


def _check_bytes(data: bytes, name: str, max_bytes: int) -> None:
    if len(data) > max_bytes:
        raise FilingError(
            f"{name}: the filing is {len(data) / 1_048_576:.1f} MiB; filings larger than "
            f"{max_bytes / 1_048_576:.0f} MiB are not read"
        )
    if not data.strip():
        raise FilingError(f"{name}: the file is empty")
    sample = data[:8192]
    controls = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    if b"\x00" in sample or controls > len(sample) // 100:
        raise FilingError(f"{name}: binary data, not the text of a filing")


def parse_filing(
    data: bytes | str, *, name: str = "<filing>", max_bytes: int = MAX_BYTES
) -> Filing:
    """Parse a filing from its bytes or text.

    >>> data = Path("tests/data/filings/seed_004.txt").read_bytes()
    >>> filing = parse_filing(data, name="004")
    >>> filing.form, filing.registrant.name, [item.number for item in filing.items]
    ('8-K', 'INNOTRAC CORPORATION', ['5', '7', '9'])
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    _check_bytes(data, name, max_bytes)
    removed: Counter[str] = Counter()
    text = _text.decode(data, removed=removed)
    if _SGML_HINT.search(text, 0, 4000) is not None:
        filing = _parse_submission(text, name, removed)
    else:
        if _text.looks_like_html(text):
            text = _text.html_to_text(text, removed=removed)
        form = _form_from_cover(text, name)
        document = Document(form, None, None, 0, len(text))
        filing = _build(name, text, form, (document,), header={})
    return attrs.evolve(filing, removed=tuple(sorted(removed.items())))


# --- EDGAR full submissions ---------------------------------------------------------------------

_SGML_HINT = re.compile(r"<(?:SEC-DOCUMENT|SEC-HEADER|IMS-HEADER|DOCUMENT)>")
_HEADER_FIELD = re.compile(r"^[ \t]*(?P<key>[A-Z][A-Z -]{1,40}):[ \t]*(?P<value>[^\n]*)$", re.M)
_TAG_LINE = re.compile(
    r"^<(?P<tag>TYPE|SEQUENCE|FILENAME|DESCRIPTION)>[ \t]*(?P<value>[^\n]*)$", re.M
)


def _parse_submission(raw: str, name: str, removed: Counter[str]) -> Filing:
    header: dict[str, str] = {}
    head_start = raw.find("<SEC-HEADER>")
    if head_start < 0:
        head_start = raw.find("<IMS-HEADER>")
    if head_start >= 0:
        head_end = raw.find("</SEC-HEADER>", head_start)
        if head_end < 0:
            head_end = raw.find("</IMS-HEADER>", head_start)
        if head_end < 0:
            raise FilingError(f"{name}: truncated submission: the SEC header has no end")
        for match in _HEADER_FIELD.finditer(raw, head_start, head_end):
            header.setdefault(match["key"].strip(), match["value"].strip())
    pieces: list[str] = []
    documents: list[Document] = []
    offset = 0
    position = 0
    while True:
        begin = raw.find("<DOCUMENT>", position)
        if begin < 0:
            break
        finish = raw.find("</DOCUMENT>", begin)
        if finish < 0:
            raise FilingError(
                f"{name}: truncated submission: document {len(documents) + 1} has no </DOCUMENT>"
            )
        tags: dict[str, str] = {}
        body_start = raw.find("<TEXT>", begin, finish)
        for match in _TAG_LINE.finditer(raw, begin, body_start if body_start >= 0 else finish):
            tags.setdefault(match["tag"], match["value"].strip())
        if body_start < 0:
            body = ""
        else:
            body_end = raw.find("</TEXT>", body_start, finish)
            body = raw[body_start + len("<TEXT>") : body_end if body_end >= 0 else finish]
        if _text.looks_like_html(body):
            body = _text.html_to_text(body, removed=removed)
        body = body.strip("\n") + "\n"
        doc_type = tags.get("TYPE", "").upper() or "UNKNOWN"
        documents.append(
            Document(
                doc_type,
                tags.get("FILENAME") or None,
                tags.get("DESCRIPTION") or None,
                offset,
                offset + len(body),
            )
        )
        pieces.append(body)
        pieces.append("\n")
        offset += len(body) + 1
        position = finish + len("</DOCUMENT>")
    if not documents:
        raise FilingError(f"{name}: truncated submission: an SEC header but no <DOCUMENT>")
    if "<SEC-DOCUMENT>" in raw[:4000] and "</SEC-DOCUMENT>" not in raw[position:]:
        raise FilingError(
            f"{name}: truncated submission: no </SEC-DOCUMENT> after the last document"
        )
    text = "".join(pieces)
    form = (
        header.get("CONFORMED SUBMISSION TYPE")
        or documents[0].type
        or _form_from_cover(text[: documents[0].end], name)
    ).upper()
    return _build(name, text, form, tuple(documents), header=header)


# --- the cover page ---------------------------------------------------------------------------

_FORMS = (
    r"8-K(?:/A)?|8-A12[BG](?:/A)?|8-A(?:/A)?|10-K(?:/A)?|10-Q(?:/A)?|6-K|20-F|S-1|S-3|"
    r"DEF 14A|SC 13[DG](?:/A)?|SC TO-[CT]"
)
_FORM = re.compile(rf"\bFORM[ \t\n]+(?P<form>{_FORMS})(?![\w-])", re.IGNORECASE)
_COVER = 12_000
_FORM_TRIES = 20


def _form_from_cover(text: str, name: str) -> str:
    """The form type on the cover page ("8-K"), or "" when the text names none.

    A stand-alone exhibit, a press release or a note to financial statements has no cover
    page: it is read all the same (:func:`rightsplan.edgar.classify.document_kind` names it).
    A form named as another document ("in a Form 8-K") or on an exhibit's header line
    ("8-A12B/A, EX-99, 2000-05-30") is not the cover's (:func:`_text.names_another_document`).
    """
    for tries, match in enumerate(_FORM.finditer(text, 0, _COVER)):
        if tries >= _FORM_TRIES:
            break
        if not _text.names_another_document(text, match.start()):
            return " ".join(match["form"].upper().split())
    return ""


_DASHES = re.compile(r"^[ \t_=-]*$")
_IRS = re.compile(r"\b\d{2}-\d{7}\b")
_FILE_NUMBER = re.compile(r"\b\d{1,3}-\d{3,6}\b")
_ZIP = re.compile(r"^\d{5}(?:-\d{4})?$")
_PHONE = re.compile(r"\(?\b\d{3}\)?[ \t.-]{0,2}\d{3}[ \t.-]\d{4}\b")
_CELLS = re.compile(r"[ \t]{2,}")
_REPORT = re.compile(r"Date[ \t]+of[ \t]+Report", re.IGNORECASE)


def _lines(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """The lines of ``text[start:end]`` with their offsets."""
    out = []
    position = start
    for line in text[start:end].split("\n"):
        out.append((position, line))
        position += len(line) + 1
    return out


def _label_index(lines: list[tuple[int, str]], label: str) -> int | None:
    needle = label.lower()
    for index, (_, line) in enumerate(lines):
        if needle in line.lower():
            return index
    return None


def _values_above(lines: list[tuple[int, str]], index: int, limit: int = 4) -> list[str]:
    """The non-blank, non-rule lines just above ``lines[index]``, top to bottom."""
    found: list[str] = []
    i = index - 1
    while i >= 0 and len(found) < limit:
        line = lines[i][1]
        if _DASHES.match(line) or _MARKUP_LINE.match(line):
            if found and not line.strip():
                break
        elif line.strip().endswith(")") and "(" in line and not any(c.isdigit() for c in line):
            break
        else:
            found.append(line)
        i -= 1
    return list(reversed(found))


# The registrant's name is written just above the label "(Exact name of registrant as
# specified in its charter)", in its many forms: "as specified in charter", "Name of
# Registrant", split over several lines by an HTML table, or run into one line with the rest
# of the cover when a page flattens it ("... ACT OF 1934 Kash n' Karry Food Stores, Inc.
# (Exact name ...").
_NAME_LABEL = re.compile(
    r"\([ \t\n|]*(?:Exact[ \t\n|]+)?Name[ \t\n|]+of[ \t\n|]+(?:the[ \t\n|]+)?Registrant\b"
    r"[^()]{0,80}\)",
    re.IGNORECASE,
)
# What ends a name read backwards from the label: a number ("OF 1934", a date's year, a zip
# code), a bracket, a colon; a line above that is the cover's own wording.
_NOT_NAME_WORD = re.compile(r"\d{3,}|^\d+[,.]?$|[():|<>\[\]]|^-+$")
# The cover's own phrases (a name may hold one of their words: "Washington Federal, Inc.").
_COVER_WORDS = re.compile(
    r"\bFORM[ \t]+\S|\bCURRENT[ \t]+REPORT\b|\bPURSUANT\b|\bEXCHANGE[ \t]+ACT\b|"
    r"\bSECURITIES[ \t]+AND[ \t]+EXCHANGE\b|\bREGISTRATION[ \t]+STATEMENT\b|\bCLASSES[ \t]+OF\b|"
    r"\bSCHEDULE[ \t]+14|\bPROXY[ \t]+STATEMENT\b|\bTABLE[ \t]+OF[ \t]+CONTENTS\b|"
    r"\bAMENDMENT[ \t]+NO\b|\bPICTURE\b|\bLOGO\b|^\(?Mark[ \t]+One\)?$",
    re.IGNORECASE,
)
_MARKUP_LINE = re.compile(r"^[ \t]*(?:</?[A-Z]{1,10}>[ \t]*)+$")


def _cover_name(text: str, end: int) -> str | None:
    """The registrant's name written just above (or run in before) the name label, if any."""
    label = _NAME_LABEL.search(text, 0, min(end, _COVER))
    if label is None:
        return None
    words: list[str] = []
    lines = text[max(0, label.start() - 600) : label.start()].split("\n")
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index].replace("|", " ").strip()
        if not line or _DASHES.match(line) or _MARKUP_LINE.match(line):
            if words:
                break
            continue
        cells = _CELLS.split(line)
        stop = len(cells) > 1  # a name shares its line only with blank space
        line_words = cells[-1].split()
        taken: list[str] = []
        for word in reversed(line_words):
            if _NOT_NAME_WORD.search(word) or len(words) + len(taken) >= 12:
                stop = True
                break
            taken.append(word)
        if _COVER_WORDS.search(" ".join(reversed(taken))):
            break  # the cover's own wording ("CURRENT REPORT"), not a name
        words = list(reversed(taken)) + words
        if stop or len(taken) < len(line_words):
            break
    name = " ".join(words).strip(" ,")
    if not any(ch.isalpha() for ch in name) or name.casefold() in ("registrant", "the registrant"):
        return _name_below(text, label.end())
    return name


# A name that carries an entity's suffix ("Inc.", "Corporation"), alone on its line.
_NAMED_ENTITY = re.compile(
    r"[A-Za-z0-9][\w.,&'’ -]{0,80}?,?[ \t]+(?:Inc\.?|Incorporated|Corp\.?|Corporation|Company|"
    r"Co\.|Ltd\.?|Limited|LLC|L\.P\.|plc|N\.V\.|Holdings|Bancorp(?:oration)?|Trust)",
    re.IGNORECASE,
)


def _name_below(text: str, after: int) -> str | None:
    """The name on the first line below the label, when a layout puts it there.

    Only a line that is all name (it ends with an entity's suffix, has no digits and none of
    the cover's wording) is taken: below the label, most covers have the state and file number.
    """
    for raw in text[after : after + 300].split("\n")[1:4]:
        line = " ".join(raw.replace("|", " ").split())
        if not line or _DASHES.match(line) or _MARKUP_LINE.match(line):
            continue
        plain = not any(ch.isdigit() for ch in line) and "(" not in line
        if plain and _NAMED_ENTITY.fullmatch(line) and _COVER_WORDS.search(line) is None:
            return line
        return None
    return None


def _registrant(text: str, end: int, header: dict[str, str]) -> Registrant:
    lines = _lines(text, 0, min(end, _COVER))
    name = state = file_number = irs = address = phone = None
    name = _cover_name(text, end)
    at = _label_index(lines, "(state or other jurisdiction")
    if at is None:
        at = _label_index(lines, "(state of incorporation")
    if at is not None:
        cells = [c for line in _values_above(lines, at, 3) for c in _CELLS.split(line.strip()) if c]
        for cell in cells:
            if irs is None and _IRS.fullmatch(cell):
                irs = cell
            elif file_number is None and _FILE_NUMBER.fullmatch(cell):
                file_number = cell
            elif state is None and not any(ch.isdigit() for ch in cell):
                state = cell
    at = _label_index(lines, "(address of principal executive offices")
    if at is not None:
        parts: list[str] = []
        zip_code = None
        for line in _values_above(lines, at, 3):
            for cell in _CELLS.split(line.strip()):
                if _ZIP.fullmatch(cell):
                    zip_code = cell
                elif cell:
                    parts.append(cell)
        if parts:
            address = ", ".join(parts) + (f" {zip_code}" if zip_code else "")
    at = _label_index(lines, "telephone number")
    if at is not None:
        window = " ".join(line for _, line in lines[max(0, at - 2) : at + 2])
        match = _PHONE.search(window)
        if match is not None:
            phone = match.group()
    business_phone = header.get("BUSINESS PHONE")
    return Registrant(
        name=name or header.get("COMPANY CONFORMED NAME"),
        state=state or header.get("STATE OF INCORPORATION"),
        file_number=file_number or header.get("SEC FILE NUMBER"),
        irs_number=irs or _irs_from_header(header.get("IRS NUMBER")),
        address=address,
        phone=phone or business_phone,
    )


def _irs_from_header(value: str | None) -> str | None:
    if value is None or not re.fullmatch(r"\d{9}", value):
        return value
    return f"{value[:2]}-{value[2:]}"


def _reported(text: str, end: int, header: dict[str, str]) -> pendulum.Date | None:
    match = _REPORT.search(text, 0, min(end, _COVER))
    if match is not None:
        dates = _text.find_dates(text, match.end(), min(match.end() + 300, end))
        if dates:
            return dates[0][2]
        before = _text.find_dates(text, max(0, match.start() - 200), match.start())
        if before:
            return before[-1][2]
    return _header_date(header.get("CONFORMED PERIOD OF REPORT"))


def _header_date(value: str | None) -> pendulum.Date | None:
    if value is None or not re.fullmatch(r"\d{8}", value):
        return None
    try:
        return pendulum.Date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError:
        return None


# --- items, exhibits, signatures ----------------------------------------------------------------

_ITEM = re.compile(
    r"^[ \t]{0,10}ITEM[ \t]+(?P<number>\d{1,2}(?:\.\d{2})?)(?![\d.]*\d)[ \t]*[.:\-–—]?[ \t]*"
    r"(?P<title>[^\n]*)$",
    re.IGNORECASE | re.MULTILINE,
)
_SIGNATURES = re.compile(r"^[ \t]*SIGNATURES?[ \t]*$", re.MULTILINE | re.IGNORECASE)


def _items(text: str, start: int, end: int) -> tuple[tuple[Item, ...], int]:
    """The items of the main document, and where its signatures begin."""
    signatures = _SIGNATURES.search(text, start, end)
    stop = signatures.start() if signatures is not None else end
    heads = []
    for match in _ITEM.finditer(text, start, stop):
        title = match["title"].strip().rstrip(".").strip()
        if (
            not title
            or not (title[0].isupper() or title[0] == "(")
            or title.lower().startswith("of ")
        ):
            continue
        heads.append((match, " ".join(title.split())))
    items = []
    for index, (match, title) in enumerate(heads):
        body_start = match.end()
        body_end = heads[index + 1][0].start() if index + 1 < len(heads) else stop
        items.append(
            Item(match["number"], title, text[body_start:body_end].strip(), body_start, body_end)
        )
    return tuple(items), (signatures.end() if signatures is not None else end)


_EXHIBIT_ROW = re.compile(
    r"^[ \t]{0,24}(?:Exhibit[ \t]+)?(?P<number>\d{1,3}(?:\.\d{1,3})?(?:\([a-z]\))?)"
    r"(?:[ \t]{2,}|[ \t]*\t|[ \t]+[-–—][ \t]+)(?P<description>\S[^\n]*)$"
)


def _exhibits(items: tuple[Item, ...]) -> tuple[Exhibit, ...]:
    exhibits: list[Exhibit] = []
    for item in items:
        if "exhibit" not in item.title.lower():
            continue
        lines = item.text.split("\n")
        current: list[str] | None = None
        number = ""
        for line in lines:
            row = _EXHIBIT_ROW.match(line)
            if row is not None:
                if current is not None:
                    exhibits.append(Exhibit(number, " ".join(" ".join(current).split())))
                number, current = row["number"], [row["description"]]
            elif current is not None and line.strip() and not _DASHES.match(line):
                if line[:1].isspace() or not line.strip()[:1].isdigit():
                    current.append(line.strip())
            elif current is not None and not line.strip():
                exhibits.append(Exhibit(number, " ".join(" ".join(current).split())))
                current = None
        if current is not None:
            exhibits.append(Exhibit(number, " ".join(" ".join(current).split())))
    return tuple(exhibits)


_SIGNED = re.compile(r"/s/[ \t]*(?P<name>[^\n]*?)[ \t]*$")
_DATED = re.compile(r"Dated?:?[ \t]*" + _text.DATE.pattern)


def _signatures(text: str, start: int, end: int) -> tuple[Signature, ...]:
    """The signatures after the SIGNATURES heading: "/s/ name", title lines, "Date: ..."."""
    signed: list[tuple[str, list[str], list[pendulum.Date]]] = []
    section_date: pendulum.Date | None = None
    open_block = False
    for _, raw_line in _lines(text, start, min(end, start + 6000)):
        line = raw_line
        dated = _DATED.search(line)
        if dated is not None:
            day = _text.parse_date(dated)
            line = line[: dated.start()] + " " + line[dated.end() :]
            if day is not None:
                section_date = day
                if signed and open_block:
                    signed[-1][2].append(day)
        by = _SIGNED.search(line)
        if by is not None and by["name"].strip():
            signed.append((" ".join(by["name"].split()), [], []))
            open_block = True
            continue
        words = " ".join(line.split())
        if not signed or not open_block:
            continue
        if not words:
            open_block = not signed[-1][1]
            continue
        if _DASHES.match(words) or words.lower().startswith("by:"):
            continue
        signer, titles, _dates = signed[-1]
        name = re.match(r"Name:[ \t]*(.+)", words, re.IGNORECASE)
        title = re.match(r"(?:Its|Title):?[ \t]+(.+)", words, re.IGNORECASE)
        if name is not None:
            signed[-1] = (name.group(1), titles, _dates)
        elif title is not None:
            titles.append(title.group(1))
        elif words.casefold() != signer.casefold():
            titles.append(words)
    return tuple(
        Signature(signer, " ".join(titles) or None, dates[0] if dates else section_date)
        for signer, titles, dates in signed
    )


def _build(
    name: str, text: str, form: str, documents: tuple[Document, ...], *, header: dict[str, str]
) -> Filing:
    main = documents[0]
    items, signatures_at = _items(text, main.start, main.end)
    return Filing(
        name=name,
        text=text,
        form=form,
        registrant=_registrant(text, main.end, header),
        reported=_reported(text, main.end, header),
        filed=_header_date(header.get("FILED AS OF DATE")),
        accession=header.get("ACCESSION NUMBER"),
        items=items,
        exhibits=_exhibits(items),
        documents=documents,
        signatures=_signatures(text, signatures_at, main.end),
    )
