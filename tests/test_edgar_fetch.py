"""Filings fetched from EDGAR (rightsplan.edgar.fetch), offline, on recorded responses.

No test touches the network: a recorded transport answers from tests/data/edgar (its README
says which responses are real filing text and which are built in EDGAR's layouts), and a fake
clock stands in for time.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rightsplan.edgar import parse_filing
from rightsplan.edgar.cli import ingest_main
from rightsplan.edgar.fetch import (
    IDENTITY_VARIABLE,
    DiskCache,
    EdgarClient,
    EdgarToolsTransport,
    FetchError,
    FilingRef,
    RateLimiter,
    check_user_agent,
    default_cache_dir,
    is_rights_filing,
    normal_accession,
)
from rightsplan.errors import InvalidInputError

RECORDED = Path(__file__).resolve().parent / "data" / "edgar"
AGENT = "Rightsplan Tests tests@example.com"


class RecordedTransport:
    """Answers from the recorded responses; an address not recorded is EDGAR's 404."""

    def __init__(self) -> None:
        self.responses: dict[str, str] = json.loads((RECORDED / "responses.json").read_text())
        self.sent: list[tuple[str, str]] = []

    def get(self, url: str, *, user_agent: str) -> bytes:
        """The recorded body of ``url``."""
        self.sent.append((url, user_agent))
        if url not in self.responses:
            raise FetchError(f"{url}: EDGAR answered 404")
        return (RECORDED / self.responses[url]).read_bytes()


class FakeClock:
    """A clock that moves only when slept on."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        """The time now."""
        return self.now

    def sleep(self, seconds: float) -> None:
        """Move the clock on."""
        assert seconds > 0
        self.slept.append(seconds)
        self.now += seconds


@pytest.fixture(autouse=True)
def _edgartools_data(tmp_path_factory: pytest.TempPathFactory) -> None:
    """edgartools, when first imported, makes its data folder: a temporary one here."""
    os.environ.setdefault("EDGAR_LOCAL_DATA_DIR", str(tmp_path_factory.mktemp("edgartools")))


def _ingest(
    argv: list[str], transport: RecordedTransport, cache: Path, clock: FakeClock | None = None
) -> int:
    clock = clock or FakeClock()
    limiter = RateLimiter(clock=clock, sleep=clock.sleep)
    return ingest_main(
        [*argv, "--user-agent", AGENT, "--cache-dir", str(cache)],
        transport=transport,
        limiter=limiter,
    )


class TestUserAgent:
    def test_name_and_address(self) -> None:
        """A name with an e-mail address is declared as given (white space made single)."""
        assert check_user_agent("  Jane  Doe jane@example.com ") == "Jane Doe jane@example.com"

    def test_from_the_environment(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without --user-agent, RIGHTSPLAN_EDGAR_IDENTITY is used."""
        monkeypatch.setenv(IDENTITY_VARIABLE, "Ops ops@example.org")
        assert check_user_agent(None) == "Ops ops@example.org"

    def test_none_is_refused(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """No user agent at all: refused, saying how to give one."""
        monkeypatch.delenv(IDENTITY_VARIABLE, raising=False)
        with pytest.raises(InvalidInputError, match=f"--user-agent.*{IDENTITY_VARIABLE}"):
            check_user_agent(None)

    def test_no_address_is_refused(self) -> None:
        """A user agent without a contact address is refused (the SEC asks for one)."""
        with pytest.raises(InvalidInputError, match="e-mail address"):
            check_user_agent("python-requests/2.31")

    def test_refused_before_any_request(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """`ingest --cik` without a user agent exits 2 in one line, having sent nothing."""
        monkeypatch.delenv(IDENTITY_VARIABLE, raising=False)
        transport = RecordedTransport()
        status = ingest_main(["--cik", "842913", "--cache-dir", str(tmp_path)], transport=transport)
        assert status == 2
        assert transport.sent == []
        (line,) = capsys.readouterr().err.splitlines()
        assert "--user-agent" in line


def _reference_sends(arrivals: list[float], per_second: int) -> list[float]:
    """When each request may go: on arrival, or one second after the per_second-th before it."""
    sent: list[float] = []
    for index, arrival in enumerate(arrivals):
        earliest = sent[index - per_second] + 1.0 if index >= per_second else arrival
        sent.append(max(arrival, earliest))
    return sent


class TestRateLimiter:
    def test_ten_a_second(self) -> None:
        """25 requests at once: 10 go at once, then 10 a second later, then 5 after another."""
        clock = FakeClock()
        limiter = RateLimiter(clock=clock, sleep=clock.sleep)
        start = clock.now
        sent = []
        for _ in range(25):
            limiter.wait()
            sent.append(clock.now - start)
        assert sent == [0.0] * 10 + [1.0] * 10 + [2.0] * 5

    def test_more_than_the_sec_allows_is_refused(self) -> None:
        """A limiter faster than the SEC's ten a second cannot be made."""
        with pytest.raises(InvalidInputError, match="the SEC's limit"):
            RateLimiter(11)

    @given(
        gaps=st.lists(st.floats(min_value=0, max_value=0.5), min_size=1, max_size=60),
        per_second=st.integers(min_value=1, max_value=10),
    )
    def test_matches_the_reference(self, gaps: list[float], per_second: int) -> None:
        """Whatever the arrivals, each request goes when the reference model says, no sooner."""
        clock = FakeClock()
        limiter = RateLimiter(per_second, clock=clock, sleep=clock.sleep)
        arrivals, sent = [], []
        at = clock.now
        for gap in gaps:
            at = max(at + gap, clock.now)  # a request arrives; the caller may have waited
            clock.now = at
            arrivals.append(at)
            limiter.wait()
            sent.append(clock.now)
        assert sent == pytest.approx(_reference_sends(arrivals, per_second))
        for index in range(per_second, len(sent)):
            assert sent[index] - sent[index - per_second] >= 1.0 - 1e-9


class TestDiskCache:
    def test_kept_and_read_back(self, tmp_path: Path) -> None:
        """A response kept is read back as it was."""
        cache = DiskCache(tmp_path)
        url = "https://www.sec.gov/Archives/edgar/data/1/x.htm"
        assert cache.get(url) is None
        cache.put(url, b"<html>text</html>")
        assert cache.get(url) == b"<html>text</html>"

    def test_listings_expire_documents_do_not(self, tmp_path: Path) -> None:
        """After a day a listing is asked again; a filed document is kept for good."""
        clock = FakeClock()
        clock.now = dt.datetime(2030, 1, 1).timestamp()
        cache = DiskCache(tmp_path, clock=clock)
        listing = "https://data.sec.gov/submissions/CIK0000842913.json"
        document = "https://www.sec.gov/Archives/edgar/data/842913/0000842913-95-000005.txt"
        cache.put(listing, b"{}")
        cache.put(document, b"text")
        assert cache.get(listing) == b"{}"
        clock.now += 2 * 24 * 3600
        assert cache.get(listing) is None
        assert cache.get(document) == b"text"

    def test_unwritable_folder_is_named(self, tmp_path: Path) -> None:
        """A cache folder that cannot be written is an error naming it and the way out."""
        blocker = tmp_path / "file"
        blocker.write_text("not a folder")
        with pytest.raises(FetchError, match="--cache-dir.*--no-cache"):
            DiskCache(blocker).put("https://www.sec.gov/Archives/x", b"x")

    def test_default_folder_is_the_users(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """On Linux the default is under $XDG_CACHE_HOME."""
        monkeypatch.setattr("sys.platform", "linux")
        monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere/cache")
        assert default_cache_dir() == Path("/somewhere/cache/rightsplan/edgar")


class TestWhichFilings:
    @pytest.mark.parametrize(
        ("form", "filed", "items", "kept"),
        [
            ("8-A12B", "2009-03-02", (), True),
            ("8-A12G/A", "2019-03-01", (), True),
            ("8-K", "2009-03-02", ("3.03", "9.01"), True),
            ("8-K", "2009-03-02", ("1.01",), True),
            ("8-K/A", "2012-05-01", ("5.03",), True),
            ("8-K", "2009-03-02", ("2.02", "9.01"), False),
            ("8-K", "1999-06-01", (), True),  # before August 2004: Item 5 held everything
            ("10-K", "1999-06-01", (), False),
            ("SC 13D", "2009-03-02", (), False),
        ],
    )
    def test_forms_and_items(
        self, form: str, filed: str, items: tuple[str, ...], kept: bool
    ) -> None:
        """8-A12B/G always; 8-Ks of Items 1.01, 3.03 or 5.03, or filed before August 2004."""
        ref = FilingRef("0000950123-09-012345", form, dt.date.fromisoformat(filed), items)
        assert is_rights_filing(ref) is kept

    @pytest.mark.parametrize("text", ["0000950123-09-012345", "000095012309012345"])
    def test_accession_numbers(self, text: str) -> None:
        """Accession numbers are read with or without their dashes."""
        assert normal_accession(text) == "0000950123-09-012345"

    def test_bad_accession(self) -> None:
        """An accession number of the wrong shape is refused, with an example."""
        with pytest.raises(InvalidInputError, match="0000950123-09-012345"):
            normal_accession("12-34")

    def test_listing_read(self) -> None:
        """The recorded listing gives the company and its filing, form and date."""
        pytest.importorskip("edgar")
        client = EdgarClient(AGENT, transport=RecordedTransport())
        company, refs = client.company(842913)
        assert company == "KASH N KARRY FOOD STORES INC"
        assert refs == [
            FilingRef("0000842913-95-000005", "8-K/A", dt.date(1995, 4, 17)),
        ]

    def test_accession_takes_form_and_date_from_the_listing(self) -> None:
        """A filing named by number gets the form and filing date its listing gives."""
        client = EdgarClient(AGENT, transport=RecordedTransport())
        company, refs = client.rights_refs(842913, ("000084291395000005",))
        assert company == "KASH N KARRY FOOD STORES INC"
        assert refs == [FilingRef("0000842913-95-000005", "8-K/A", dt.date(1995, 4, 17))]

    def test_broken_listing(self, tmp_path: Path) -> None:
        """A listing whose columns differ in length is refused, naming the column."""

        class Broken(RecordedTransport):
            def get(self, url: str, *, user_agent: str) -> bytes:
                listing = {"filings": {"recent": {"accessionNumber": ["1", "2"], "form": ["8-K"]}}}
                return json.dumps(listing).encode()

        client = EdgarClient(AGENT, transport=Broken())
        with pytest.raises(FetchError, match="'form' is not a list as long"):
            client.company(1)


@pytest.fixture
def edgartools() -> None:
    """The index pages are read with edgartools' parser: these tests need the extra."""
    pytest.importorskip("edgar.attachments")


@pytest.mark.usefixtures("edgartools")
class TestFetchAndDraft:
    def test_cik_drafts_the_plan(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--cik lists the filings, fetches the rights-plan one and drafts its adoption."""
        transport = RecordedTransport()
        assert _ingest(["--cik", "842913", "--format", "json"], transport, tmp_path) == 0
        sent = [url for url, _ in transport.sent]
        assert sent == [
            "https://data.sec.gov/submissions/CIK0000842913.json",
            "https://www.sec.gov/Archives/edgar/data/842913/000084291395000005/"
            "0000842913-95-000005-index.htm",
            "https://www.sec.gov/Archives/edgar/data/842913/0000842913-95-000005.txt",
        ]
        assert {agent for _, agent in transport.sent} == {AGENT}
        (filing,) = json.loads(capsys.readouterr().out)["filings"]
        assert filing["filing"] == "0000842913-95-000005.txt"
        assert filing["form"] == "8-A"
        assert filing["event"]["kind"] == "adoption"

    def test_second_run_reads_the_cache(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A second run sends no request and drafts the same fragment."""
        first, second = RecordedTransport(), RecordedTransport()
        assert _ingest(["--cik", "842913"], first, tmp_path) == 0
        drafted = capsys.readouterr().out
        assert _ingest(["--cik", "842913"], second, tmp_path) == 0
        captured = capsys.readouterr()
        assert second.sent == []
        assert captured.out == drafted
        assert "0 requests sent" in captured.err

    def test_no_cache(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """--no-cache asks EDGAR every time and keeps nothing in the user's cache folder."""
        monkeypatch.setattr("sys.platform", "linux")
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
        for _ in range(2):
            transport = RecordedTransport()
            clock = FakeClock()
            status = ingest_main(
                ["--cik", "842913", "--user-agent", AGENT, "--no-cache"],
                transport=transport,
                limiter=RateLimiter(clock=clock, sleep=clock.sleep),
            )
            assert status == 0
            assert len(transport.sent) == 3
        assert not (tmp_path / "cache").exists()
        capsys.readouterr()

    def test_an_8a_amendment_listed(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A listed Form 8-A12B/A is fetched as its complete submission text and read."""
        transport = RecordedTransport()
        assert _ingest(["--cik", "96021", "--format", "json"], transport, tmp_path) == 0
        assert [url.rsplit("/", 1)[-1] for url, _ in transport.sent] == [
            "CIK0000096021.json",
            "0000914062-99-000190-index.htm",
            "0000914062-99-000190.txt",
        ]
        (filing,) = json.loads(capsys.readouterr().out)["filings"]
        assert filing["filing"] == "0000914062-99-000190.txt"
        assert filing["form"] == "8-A/A"

    def test_ticker_and_accession(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--ticker finds the CIK; --accession fetches that filing (its listing if it can)."""
        transport = RecordedTransport()
        argv = ["--ticker", "cno", "--accession", "0001224608-23-000069", "--format", "json"]
        assert _ingest(argv, transport, tmp_path) == 0
        assert [url.rsplit("/", 1)[-1] for url, _ in transport.sent] == [
            "company_tickers.json",
            "CIK0001224608.json",  # for the filing's form and date: not recorded here
            "0001224608-23-000069-index.htm",
            "form8-aa.htm",
        ]
        captured = capsys.readouterr()
        assert (
            "note: https://data.sec.gov/submissions/CIK0001224608.json: EDGAR answered 404; "
            "the filings named are read without the form and date it gives" in captured.err
        )
        (filing,) = json.loads(captured.out)["filings"]
        assert filing["form"] == "8-A12B/A"
        assert filing["company"]["value"] == "CNO Financial Group, Inc."

    def test_exhibit_kept_verbatim(self) -> None:
        """A fetched EX-4.1 is wrapped as a submission document, its text as fetched."""
        client = EdgarClient(AGENT, transport=RecordedTransport())
        fetched = client.filing(1224608, FilingRef("0001224608-15-000022", ""))
        body = (RECORDED / "cno03312015ex41.htm").read_bytes()
        assert body in fetched.data
        filing = parse_filing(fetched.data, name=fetched.name)
        assert [d.type for d in filing.documents] == ["EX-4.1"]
        assert "FIRST AMENDMENT TO RIGHTS AGREEMENT" in filing.text

    def test_rate_limited(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Fetching through a one-a-second limiter waits between requests (fake clock)."""
        clock = FakeClock()
        transport = RecordedTransport()
        status = ingest_main(
            ["--cik", "842913", "--user-agent", AGENT, "--cache-dir", str(tmp_path)],
            transport=transport,
            limiter=RateLimiter(1, clock=clock, sleep=clock.sleep),
        )
        assert status == 0
        assert clock.slept == [1.0, 1.0]  # three requests, one a second
        capsys.readouterr()

    def test_unknown_company(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A CIK EDGAR does not know: one line naming the address, exit 2."""
        assert _ingest(["--cik", "1"], RecordedTransport(), tmp_path) == 2
        (line,) = capsys.readouterr().err.splitlines()
        assert "CIK0000000001.json: EDGAR answered 404" in line

    def test_unknown_ticker(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A ticker not in EDGAR's table: one line naming it, exit 2."""
        assert _ingest(["--ticker", "ZZZZ"], RecordedTransport(), tmp_path) == 2
        assert "'ZZZZ': not in EDGAR's table" in capsys.readouterr().err

    def test_unfetched_filing_named(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A filing that cannot be fetched is named; the others are drafted; exit 2."""
        argv = [
            "--ticker",
            "CNO",
            "--accession",
            "0001224608-23-000069",
            "--accession",
            "0001224608-99-000001",
        ]
        assert _ingest(argv, RecordedTransport(), tmp_path) == 2
        captured = capsys.readouterr()
        assert "0001224608-99-000001-index.htm: EDGAR answered 404" in captured.err
        assert "1 of 2 filings could not be read" in captured.err
        assert tomllib.loads(captured.out)["agreement"]

    def test_document_over_the_limit(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A fetched document over --max-size is refused, saying how to raise the limit."""

        class Huge(RecordedTransport):
            def get(self, url: str, *, user_agent: str) -> bytes:
                body = super().get(url, user_agent=user_agent)
                return body * (1_100_000 // len(body) + 1) if url.endswith(".txt") else body

        assert _ingest(["--cik", "842913", "--max-size", "1"], Huge(), tmp_path) == 2
        assert "--max-size MIB raises it" in capsys.readouterr().err

    def test_document_too_large_by_the_index(self, tmp_path: Path) -> None:
        """A document the index says is over the limit is refused without being fetched."""

        class Sized(RecordedTransport):
            def get(self, url: str, *, user_agent: str) -> bytes:
                body = super().get(url, user_agent=user_agent)
                if url.endswith("-index.htm"):
                    body = body.replace(b'<td scope="row"></td></tr>', b"<td>9999999</td></tr>")
                return body

        transport = Sized()
        client = EdgarClient(AGENT, transport=transport, max_bytes=1_048_576)
        with pytest.raises(FetchError, match=r"9\.5 MiB by the index, more than the 1 MiB"):
            client.filing(1224608, FilingRef("0001224608-23-000069", "8-A12B/A"))
        assert not any(url.endswith("form8-aa.htm") for url, _ in transport.sent)

    def test_inline_xbrl_link(self) -> None:
        """An index linking its report through the inline XBRL viewer fetches the document."""

        class Viewer(RecordedTransport):
            def get(self, url: str, *, user_agent: str) -> bytes:
                body = super().get(url, user_agent=user_agent)
                if url.endswith("-index.htm"):
                    body = body.replace(b'href="/Archives/', b'href="/ix?doc=/Archives/')
                return body

        transport = Viewer()
        client = EdgarClient(AGENT, transport=transport)
        fetched = client.filing(1224608, FilingRef("0001224608-23-000069", "8-A12B/A"))
        assert fetched.documents == (
            "https://www.sec.gov/Archives/edgar/data/1224608/000122460823000069/form8-aa.htm",
        )


class TestCommandLine:
    def test_accession_needs_a_company(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--accession without --cik or --ticker is a usage error (exit 2)."""
        assert ingest_main(["--accession", "0000842913-95-000005"]) == 2
        assert "--accession needs --cik or --ticker" in capsys.readouterr().err

    def test_nothing_to_read(self, capsys: pytest.CaptureFixture[str]) -> None:
        """No file and no company: a usage error naming both ways."""
        assert ingest_main([]) == 2
        assert "--cik or --ticker" in capsys.readouterr().err

    def test_bad_cik(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A CIK that is not a number is refused as it is read."""
        assert ingest_main(["--cik", "abc"]) == 2
        assert "expected a CIK" in capsys.readouterr().err

    def test_missing_extra(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without edgartools, fetching says which extra to install (exit 2)."""
        import sys

        monkeypatch.setitem(sys.modules, "edgar", None)
        monkeypatch.setitem(sys.modules, "edgar.httprequests", None)
        status = ingest_main(
            ["--cik", "842913", "--user-agent", AGENT, "--cache-dir", str(tmp_path)]
        )
        assert status == 2
        (line,) = capsys.readouterr().err.splitlines()
        assert line.endswith(
            'fetching filings from EDGAR needs edgartools: pip install "rightsplan[edgar]"'
        )

    def test_help_describes_fetching(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--help describes document kinds, confidence, the fetch options and the cache."""
        assert ingest_main(["--help"]) == 0
        out = capsys.readouterr().out
        for words in (
            "EX-4",
            "EX-99",
            "confidence",
            "--cik",
            "--ticker",
            "--accession",
            "--user-agent",
            IDENTITY_VARIABLE,
            "--cache-dir",
            "--no-cache",
            "ten",
            'pip install "rightsplan[edgar]"',
        ):
            assert words in out, words


class TestEdgarToolsTransport:
    """The default transport, its network call replaced: what it asks of edgartools."""

    class _Response:
        def __init__(self, status_code: int, content: bytes) -> None:
            self.status_code = status_code
            self.content = content

    def _transport(
        self, monkeypatch: pytest.MonkeyPatch, answer: object
    ) -> tuple[EdgarToolsTransport, list[tuple[str, object]]]:
        pytest.importorskip("edgar.httprequests")
        monkeypatch.setenv("EDGAR_IDENTITY", "someone else@example.com")  # restored after
        transport = EdgarToolsTransport()
        calls: list[tuple[str, object]] = []

        def fake_get(url: str, identity: object = None) -> object:
            calls.append((url, identity))
            if isinstance(answer, Exception):
                raise answer
            return answer

        monkeypatch.setattr(transport, "_get", fake_get)
        return transport, calls

    def test_identity_declared(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The user agent is edgartools' identity (no prompt) and the request's own."""
        transport, calls = self._transport(monkeypatch, self._Response(200, b"body"))
        assert transport.get("https://www.sec.gov/x", user_agent=AGENT) == b"body"
        assert calls == [("https://www.sec.gov/x", AGENT)]
        assert os.environ["EDGAR_IDENTITY"] == AGENT

    def test_error_status(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """An answer other than 200 is a FetchError naming the address and the status."""
        transport, _ = self._transport(monkeypatch, self._Response(404, b""))
        with pytest.raises(FetchError, match="https://www.sec.gov/x: EDGAR answered 404"):
            transport.get("https://www.sec.gov/x", user_agent=AGENT)

    def test_network_failure(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A failure inside edgartools (no network) is a FetchError naming the address."""
        transport, _ = self._transport(monkeypatch, ConnectionError("Name or service not known"))
        with pytest.raises(FetchError, match="did not answer .ConnectionError: Name or service"):
            transport.get("https://www.sec.gov/x", user_agent=AGENT)
