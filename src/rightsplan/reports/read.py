r"""Reading a Schedule 13D or 13G: a file or its bytes in, a :class:`~.Report` out.

Every layout EDGAR has used is read the same way: plain text as it is; an EDGAR full
submission (an SGML ``<SEC-HEADER>`` then ``<DOCUMENT>``\ s) by its documents' texts one
after another; HTML by its text (:func:`rightsplan.edgar._text.html_to_text`); and the
structured XML since December 2024 by its elements. What is not a report (empty, binary,
too large, or with no Schedule 13D or 13G cover) is a :class:`~rightsplan.errors.FilingError`
naming the file.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

import pendulum

from rightsplan.edgar import _text
from rightsplan.errors import FilingError
from rightsplan.reports._cover import Cover, read_cover
from rightsplan.reports._xml import looks_like_xml, read_xml
from rightsplan.reports.model import Layout, Report, Stated

__all__ = ["MAX_BYTES", "parse_report", "read_report"]

MAX_BYTES = 16 * 1024 * 1024
"""The largest file :func:`read_report` reads (16 MiB); Schedules 13D and 13G with their
exhibits are far smaller."""


def read_report(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> Report:
    """Read the Schedule 13D or 13G in the file ``path``.

    >>> report = read_report("tests/data/reports-fixtures/tci-music-13d.txt")
    >>> report.form_name, report.issuer.value, report.cusip.value
    ('Schedule 13D', 'TCI MUSIC, INC.', '87229N 10 1')
    """
    name = os.fspath(path)
    try:
        # Bounded by the bytes actually read: a device (/dev/zero) reports a size of 0.
        with Path(name).open("rb") as stream:
            data = stream.read(max_bytes + 1)
    except OSError as error:
        raise FilingError(f"{name}: cannot read the file ({error.strerror or error})") from None
    return parse_report(data, name=name, max_bytes=max_bytes)


def _check_bytes(data: bytes, name: str, max_bytes: int) -> None:
    if len(data) > max_bytes:
        raise FilingError(
            f"{name}: the file is larger than {max_bytes / 1_048_576:.0f} MiB; reports "
            "larger than that are not read"
        )
    if not data.strip():
        raise FilingError(f"{name}: the file is empty")
    sample = data[:8192]
    controls = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    if b"\x00" in data or controls > len(sample) // 100:
        raise FilingError(f"{name}: binary data (NUL or control bytes), not the text of a report")


_SGML_HINT = re.compile(r"<(?:SEC-DOCUMENT|SEC-HEADER|IMS-HEADER|DOCUMENT)>")
_HEADER_FIELD = re.compile(
    r"^[ \t]*(?P<key>[A-Z][A-Z -]{1,40}):[ \t]*(?P<value>[^\n]{0,200})$", re.M
)


def _submission(raw: str, name: str, removed: Counter[str]) -> tuple[str, bool]:
    """The SGML header as filed, then the documents' texts; and whether the first is XML."""
    head_end = raw.find("</SEC-HEADER>")
    if head_end < 0:
        head_end = raw.find("</IMS-HEADER>")
    first = raw.find("<DOCUMENT>")
    if head_end >= 0:
        head = raw[: head_end + len("</SEC-HEADER>")]
    else:
        head = raw[: first if first >= 0 else min(len(raw), 20_000)]
    pieces: list[str] = [head.rstrip("\n") + "\n"]
    position = len(head)
    xml = False
    while True:
        begin = raw.find("<DOCUMENT>", position)
        if begin < 0:
            break
        finish = raw.find("</DOCUMENT>", begin)
        stop = finish if finish >= 0 else len(raw)
        body_start = raw.find("<TEXT>", begin, stop)
        body = raw[body_start + len("<TEXT>") : stop] if body_start >= 0 else ""
        body_end = body.find("</TEXT>")
        body = body[:body_end] if body_end >= 0 else body
        if len(pieces) == 1 and looks_like_xml(body):
            xml = True
            pieces.append(body.strip("\n") + "\n")
        elif _text.looks_like_html(body):
            pieces.append(_text.html_to_text(body, removed=removed))
        else:
            pieces.append(body.strip("\n") + "\n")
        if finish < 0:
            break
        position = finish + len("</DOCUMENT>")
    return "\n".join(pieces), xml


def _header(text: str) -> dict[str, Stated[str]]:
    """The SGML header's fields (the first of each name: the subject company's), with spans."""
    end = text.find("</SEC-HEADER>")
    end = end if end >= 0 else min(len(text), 20_000)
    fields: dict[str, Stated[str]] = {}
    for match in _HEADER_FIELD.finditer(text, 0, end):
        value = match["value"].strip()
        if value:
            start = match.start("value") + (len(match["value"]) - len(match["value"].lstrip()))
            fields.setdefault(match["key"].strip(), Stated(value, start, start + len(value), value))
    return fields


def _from_header(cover: Cover, header: dict[str, Stated[str]]) -> None:
    """What the cover does not say and the SGML header does: the form, the subject company."""
    submission = header.get("CONFORMED SUBMISSION TYPE")
    if cover.form is None and submission is not None:
        form = re.search(r"13([DG])", submission.value)
        if form is not None:
            cover.form = Stated(f"13{form[1]}", submission.start, submission.end, submission.quote)
    subject = header.get("COMPANY CONFORMED NAME")
    if cover.issuer is None and subject is not None:
        cover.issuer = subject


def _header_date(stated: Stated[str] | None) -> pendulum.Date | None:
    value = None if stated is None else stated.value
    if value is None or not re.fullmatch(r"\d{8}", value):
        return None
    try:
        return pendulum.Date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError:
        return None


def parse_report(
    data: bytes | str, *, name: str = "<report>", max_bytes: int = MAX_BYTES
) -> Report:
    """Read a Schedule 13D or 13G from its bytes or text (``name`` is used in messages)."""
    if isinstance(data, str):
        data = data.encode("utf-8", errors="surrogatepass")
    _check_bytes(data, name, max_bytes)
    removed: Counter[str] = Counter()
    text = _text.decode(data, removed=removed)
    header: dict[str, Stated[str]] = {}
    if looks_like_xml(text):
        layout, xml = Layout.XML, True
    elif _SGML_HINT.search(text, 0, 4000) is not None:
        text, xml = _submission(text, name, removed)
        header = _header(text)
        layout = Layout.XML if xml else Layout.SGML
    elif _text.looks_like_html(text):
        text = _text.html_to_text(text, removed=removed)
        layout, xml = Layout.HTML, False
    else:
        layout, xml = Layout.TEXT, False
    try:
        cover: Cover = read_xml(text) if xml else read_cover(text)
    except FilingError as error:
        raise FilingError(f"{name}: {error}") from None
    _from_header(cover, header)
    if cover.form is None and not cover.persons:
        raise FilingError(
            f"{name}: not a Schedule 13D or 13G: no 'SCHEDULE 13D' or 'SCHEDULE 13G' on its "
            "cover page, no SC 13D or SC 13G in an EDGAR header, and no reporting person's cover"
        )
    return Report(
        name=name,
        text=text,
        layout=layout,
        form=cover.form,
        amendment=cover.amendment,
        issuer=cover.issuer,
        cusip=cover.cusip,
        event_date=cover.event_date,
        rule=cover.rule,
        persons=tuple(cover.persons),
        purpose=cover.purpose,
        joint_filing=cover.joint_filing,
        outstanding=cover.outstanding,
        filed=_header_date(header.get("FILED AS OF DATE")),
        inconsistencies=tuple(cover.inconsistencies),
        removed=tuple(sorted(removed.items())),
    )
