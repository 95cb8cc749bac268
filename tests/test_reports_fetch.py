"""An issuer's Schedules 13D and 13G fetched from EDGAR and watched, offline, on recorded responses.

No test touches the network: a recorded transport answers from tests/data/reports-edgar (its
README says which bodies are real filing text, from the corpus, and which responses are built
in EDGAR's layouts), and a fake clock stands in for time.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings

import rightsplan as rp
from rightsplan.edgar.fetch import (
    IDENTITY_VARIABLE,
    OWNERSHIP_FORMS,
    FetchError,
    FilingRef,
    RateLimiter,
    _Attachment,
    _structured_first,
    _wanted,
    is_ownership_report,
    is_rights_filing,
)
from rightsplan.errors import FilingError, InvalidInputError
from rightsplan.reports import Layout, fetch_reports, read_report, watch
from rightsplan.reports.cli import watch_main
from rightsplan.reports.fetch import _about_the_company
from tests.reports_render import DrawnReport, render_html, render_xml, reports

DATA = Path(__file__).resolve().parent / "data"
RECORDED = DATA / "reports-edgar"
CORPUS = DATA / "reports"
AGENT = "Rightsplan Tests tests@example.com"
NEUEHEALTH = 1671284
BESSEMER = "Bessemer Venture Partners IX L.P."


class RecordedTransport:
    """Answers from the recorded responses; an address not recorded is EDGAR's 404."""

    def __init__(self, *folders: Path, missing: frozenset[str] = frozenset()) -> None:
        self.responses: dict[str, Path] = {}
        for folder in folders or (RECORDED,):
            table = json.loads((folder / "responses.json").read_text())
            self.responses.update({url: folder / name for url, name in table.items()})
        self.missing = missing
        self.sent: list[tuple[str, str]] = []

    def get(self, url: str, *, user_agent: str) -> bytes:
        """The recorded body of ``url``."""
        self.sent.append((url, user_agent))
        if url not in self.responses or url in self.missing:
            raise FetchError(f"{url}: EDGAR answered 404")
        return self.responses[url].read_bytes()


class FakeClock:
    """A clock that moves only when slept on."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        """The time now."""
        return self.now

    def sleep(self, seconds: float) -> None:
        """Move the clock on."""
        self.now += seconds


@pytest.fixture(autouse=True)
def _edgartools_data(tmp_path_factory: pytest.TempPathFactory) -> None:
    """edgartools, when first imported, makes its data folder: a temporary one here."""
    os.environ.setdefault("EDGAR_LOCAL_DATA_DIR", str(tmp_path_factory.mktemp("edgartools")))


def _limiter() -> RateLimiter:
    clock = FakeClock()
    return RateLimiter(clock=clock, sleep=clock.sleep)


def _plan(tmp_path: Path) -> Path:
    """A drawn two-tier plan: 5% or more, 10% or more for a passive (13G) holder."""
    plan = rp.Plan(
        rp.RightsAgreement(
            company="Drawn Company",
            dated="2020-01-01",
            provisions=(
                rp.SetThreshold(percent=5, comparison=rp.Comparison.AT_LEAST, section="1(a)"),
                rp.SetPassiveTier(
                    percent=10, comparison=rp.Comparison.AT_LEAST, section="1(a)(ii)"
                ),
            ),
        )
    )
    path = tmp_path / "plan.toml"
    rp.dump_plan(plan, path)
    return path


def _watch(argv: list[str], transport: RecordedTransport, cache: Path) -> int:
    return watch_main(
        [*argv, "--user-agent", AGENT, "--cache-dir", str(cache)],
        transport=transport,
        limiter=_limiter(),
    )


class TestOwnershipForms:
    @pytest.mark.parametrize("form", sorted(OWNERSHIP_FORMS))
    def test_every_schedule_form_is_kept(self, form: str) -> None:
        """SC 13D/13G (to 2024) and SCHEDULE 13D/13G (since), with amendments, are reports."""
        ref = FilingRef("0001193125-24-036553", form)
        assert is_ownership_report(ref) and not is_rights_filing(ref)

    @pytest.mark.parametrize("form", ["8-K", "8-A12B", "SC TO-T", "13F-HR", "SC 14D9", "4"])
    def test_other_forms_are_not(self, form: str) -> None:
        """A tender offer, a 13F holdings report or a Form 4 is not a Schedule 13D or 13G."""
        assert not is_ownership_report(FilingRef("0001193125-24-036553", form))


class TestStructuredFirst:
    def test_xml_taken_instead_of_its_rendering(self) -> None:
        """Where the index lists the XML and EDGAR's rendering of it, the XML alone is read."""
        folder = "https://www.sec.gov/Archives/edgar/data/1/000000000125000001"
        rows = [
            _Attachment("1", "", "xslSCHEDULE_13D_X01/primary_doc.xml", "SCHEDULE 13D",
                        f"{folder}/xslSCHEDULE_13D_X01/primary_doc.xml"),
            _Attachment("1", "", "primary_doc.xml", "SCHEDULE 13D", f"{folder}/primary_doc.xml"),
            _Attachment("2", "", "ex99.htm", "EX-99.1", f"{folder}/ex99.htm"),
            _Attachment("3", "", "ex10.htm", "EX-10.1", f"{folder}/ex10.htm"),
        ]  # fmt: skip
        wanted = [a for a in rows if _wanted(a, "SCHEDULE 13D")]
        chosen = [a.document for a in _structured_first(wanted, "SCHEDULE 13D")]
        assert chosen == ["primary_doc.xml", "ex99.htm"]

    def test_rendering_when_no_xml(self) -> None:
        """With only the rendering listed, the rendering is read; an HTML 13D is read as it is."""
        folder = "https://www.sec.gov/Archives/edgar/data/1/000000000125000001"
        rendering = _Attachment("1", "", "xslSCHEDULE_13G_X01/primary_doc.xml", "SCHEDULE 13G",
                                f"{folder}/xslSCHEDULE_13G_X01/primary_doc.xml")  # fmt: skip
        html = _Attachment("1", "", "sc13d.htm", "SC 13D", f"{folder}/sc13d.htm")
        assert _structured_first([rendering], "SCHEDULE 13G") == [rendering]
        assert _wanted(html, "SC 13D") and _structured_first([html], "SC 13D") == [html]
        assert not _wanted(_Attachment("2", "", "x.xml", "EX-99", f"{folder}/x.xml"), "SC 13D")


class TestFetchReports:
    def test_by_cik_oldest_first(self, tmp_path: Path) -> None:
        """The company's 13G (2022) and 13G/A (2024) are fetched and read, oldest first."""
        transport = RecordedTransport()
        got = fetch_reports(
            NEUEHEALTH, user_agent=AGENT, cache_dir=tmp_path, transport=transport,
            limiter=_limiter(),
        )  # fmt: skip
        assert [r.form_name for r in got.reports] == [
            "Schedule 13G",
            "Schedule 13G/A (Amendment No. 1)",
        ]
        assert [r.name for r in got.reports] == [
            "0001193125-22-042530.txt",
            "0001193125-24-036553.txt",
        ]
        later = got.reports[1]
        assert later.persons[0].name.value == BESSEMER
        assert later.rule is not None and later.rule.value == "13d-1(d)"
        assert got.set_aside == () and got.requested == len(transport.sent) == 5
        assert {agent for _, agent in transport.sent} == {AGENT}

    def test_progress_after_each_filing(self, tmp_path: Path) -> None:
        """A progress callback hears of each filing done, with their number."""
        seen: list[tuple[int, int]] = []
        fetch_reports(NEUEHEALTH, user_agent=AGENT, cache_dir=tmp_path,
                      transport=RecordedTransport(),
                      progress=lambda done, total: seen.append((done, total)))  # fmt: skip
        assert seen == [(1, 2), (2, 2)]

    def test_second_run_reads_the_cache(self, tmp_path: Path) -> None:
        """A second run sends nothing: the listing (a day) and the documents (for good) are kept."""
        fetch_reports(NEUEHEALTH, user_agent=AGENT, cache_dir=tmp_path,
                      transport=RecordedTransport(), limiter=_limiter())  # fmt: skip
        again = RecordedTransport()
        got = fetch_reports(NEUEHEALTH, user_agent=AGENT, cache_dir=tmp_path, transport=again)
        assert again.sent == [] and got.requested == 0 and len(got.reports) == 2

    def test_by_ticker_a_structured_13g_rendering(self, tmp_path: Path) -> None:
        """A 2025 SCHEDULE 13G: the form from the submission type, the cover rows as rendered."""
        got = fetch_reports(ticker="cslr", user_agent=AGENT, cache_dir=tmp_path,
                            transport=RecordedTransport(), limiter=_limiter())  # fmt: skip
        (found,) = got.reports
        assert got.cik == 1838987 and found.form_name == "Schedule 13G"
        assert found.form is not None and found.form.quote == "SCHEDULE 13G"
        person = found.persons[0]
        assert (person.name.value, person.aggregate.value if person.aggregate else None) == (
            "KHP Fund GP LLC",
            4_045_435,
        )

    def test_unreadable_filing_is_set_aside(self, tmp_path: Path) -> None:
        """A document EDGAR does not give is set aside with why; the other report is read."""
        missing = "https://www.sec.gov/Archives/edgar/data/1671284/0001193125-22-042530.txt"
        got = fetch_reports(NEUEHEALTH, user_agent=AGENT, cache_dir=tmp_path,
                            transport=RecordedTransport(missing=frozenset({missing})))  # fmt: skip
        assert [r.name for r in got.reports] == ["0001193125-24-036553.txt"]
        ((name, why),) = got.set_aside
        assert name == "0001193125-22-042530.txt" and "404" in why

    def test_no_schedule_listed(self, tmp_path: Path) -> None:
        """A company whose listing names no Schedule 13D or 13G is an error saying so."""
        transport = RecordedTransport(RECORDED, DATA / "edgar")
        with pytest.raises(FilingError, match="CIK 96021: EDGAR lists no Schedule 13D or 13G"):
            fetch_reports(96021, user_agent=AGENT, cache_dir=tmp_path, transport=transport)

    @pytest.mark.parametrize(
        ("cik", "ticker"), [(None, None), (NEUEHEALTH, "CSLR"), (0, None), (True, None)]
    )
    def test_company_named_once(self, cik: int | None, ticker: str | None) -> None:
        """The company is named by a positive CIK or a ticker, exactly one of them."""
        with pytest.raises(InvalidInputError):
            fetch_reports(cik, ticker=ticker, user_agent=AGENT, transport=RecordedTransport())

    def test_schedules_on_another_issuer_set_aside(self) -> None:
        """A report whose CUSIP names another issuer than most of the listing's is set aside."""
        reports = [
            read_report(CORPUS / "neuehealth" / "01-13g.txt"),
            read_report(CORPUS / "neuehealth" / "02-13g-a.txt"),
            read_report(CORPUS / "procore-technologies" / "01-13g-a.txt"),
        ]
        kept, other = _about_the_company(reports)
        assert [r.name for r in kept] == [r.name for r in reports[:2]]
        ((name, why),) = other
        assert name == reports[2].name and "74275K108" in why and "10920V" in why


class TestWatchCommand:
    def test_watch_by_cik(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`watch PLAN --cik N`: Bessemer's 5.6% 13G/A under Rule 13d-1(d) is UNCERTAIN.

        Clear under the 10% passive tier, over 5% or more otherwise, and an exempt investor's
        13G does not show passivity; --passive settles it: clear under the tier.
        """
        plan = _plan(tmp_path)
        status = _watch([str(plan), "--cik", str(NEUEHEALTH), "--format", "json"],
                        RecordedTransport(), tmp_path / "cache")  # fmt: skip
        out, err = capsys.readouterr()
        assert status == 0, err
        (row,) = json.loads(out)
        assert (row["date"], row["holder"], row["status"], row["passive"]) == (
            "2023-12-31",
            BESSEMER,
            "uncertain",
            None,
        )
        assert "Rule 13d-1(d)" in row["open"]
        assert row["reported_percent"] == "5.6"
        assert "0001193125-24-036553.txt" in row["report_source"]
        assert "CIK 1671284: 2 reports from EDGAR (5 requests sent" in err
        argv = [str(plan), "--cik", str(NEUEHEALTH), "--format", "json", "--passive", BESSEMER]
        status = _watch(argv, RecordedTransport(), tmp_path / "cache")
        out, err = capsys.readouterr()
        assert status == 0, err
        (row,) = json.loads(out)
        assert (row["status"], row["passive"], row["limit"]) == ("clear", True, "10")

    def test_active_holder_triggers(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The same holding judged active is over 5% or more: exit 1, the table says TRIGGERED."""
        plan = _plan(tmp_path)
        status = _watch([str(plan), "--cik", str(NEUEHEALTH), "--active", BESSEMER],
                        RecordedTransport(), tmp_path / "cache")  # fmt: skip
        assert status == 1
        assert "TRIGGERED" in capsys.readouterr().out

    def test_by_ticker(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`watch PLAN --ticker T` finds the CIK in EDGAR's ticker table and reads its 13G."""
        plan = _plan(tmp_path)
        status = _watch([str(plan), "--ticker", "CSLR"], RecordedTransport(), tmp_path / "c")
        out, err = capsys.readouterr()
        assert status == 0
        assert "CIK 1838987: 1 report from EDGAR" in err
        # The rendering's excerpt states no event date and the listing no filing date: the
        # report is read but cannot be placed in time, and the command says so.
        assert "note: 0000950170-25-014504.txt: no event date and no filing date" in err
        assert out == "No report gives a holding to assess.\n"

    def test_unreadable_filing_exits_2(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A fetched filing that cannot be read is named on stderr; the rest is watched, exit 2."""
        missing = "https://www.sec.gov/Archives/edgar/data/1671284/0001193125-22-042530.txt"
        plan = _plan(tmp_path)
        transport = RecordedTransport(missing=frozenset({missing}))
        status = _watch([str(plan), "--cik", str(NEUEHEALTH)], transport, tmp_path / "c")
        out, err = capsys.readouterr()
        assert status == 2
        assert BESSEMER in out
        assert "error: 0001193125-22-042530.txt:" in err and "404" in err

    @pytest.mark.parametrize(
        "extra",
        [
            ["tests/data/reports/neuehealth", "--cik", "1671284"],  # both a folder and a CIK
            [],  # neither
            ["tests/data/reports/neuehealth", "--no-cache"],  # a fetching option, no fetching
        ],
    )
    def test_where_the_reports_come_from(
        self, extra: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A folder of reports or --cik/--ticker, exactly one; nothing is sent otherwise."""
        transport = RecordedTransport()
        status = watch_main([str(_plan(tmp_path)), *extra], transport=transport)
        assert status == 2 and transport.sent == []
        assert capsys.readouterr().err.startswith("rightsplan watch: error:")

    def test_no_user_agent(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without a user agent: exit 2 in one line, nothing sent."""
        monkeypatch.delenv(IDENTITY_VARIABLE, raising=False)
        transport = RecordedTransport()
        status = watch_main([str(_plan(tmp_path)), "--cik", "1671284"], transport=transport)
        assert status == 2 and transport.sent == []
        (line,) = capsys.readouterr().err.splitlines()
        assert "--user-agent" in line


class TestSameInPython:
    def test_fetch_then_watch(self, tmp_path: Path) -> None:
        """`watch(plan, fetch_reports(...).reports)` gives the command's rows."""
        plan = rp.load_plan(_plan(tmp_path))
        got = fetch_reports(NEUEHEALTH, user_agent=AGENT, cache_dir=tmp_path / "c",
                            transport=RecordedTransport())  # fmt: skip
        rows = watch(plan, got.reports).records()
        assert [(r["holder"], r["status"]) for r in rows] == [(BESSEMER, "uncertain")]


class DrawnTransport:
    """One drawn structured filing on EDGAR: its listing, index, XML and XML's rendering."""

    CIK = 1
    ACCESSION = "0000000001-25-000001"

    def __init__(self, drawn: DrawnReport) -> None:
        form = f"SCHEDULE {drawn.form}" + ("/A" if drawn.amendment else "")
        path = f"/Archives/edgar/data/{self.CIK}/{self.ACCESSION.replace('-', '')}"
        folder = f"https://www.sec.gov{path}"
        rendering = f"xslSCHEDULE_{drawn.form}_X01/primary_doc.xml"
        rows = "".join(
            f'<tr><td>1</td><td></td><td><a href="{path}/{doc}">{doc}</a></td>'
            f"<td>{form}</td><td></td></tr>"
            for doc in (rendering, "primary_doc.xml")
        )
        listing = {"filings": {"recent": {"accessionNumber": [self.ACCESSION], "form": [form]}}}
        self.bodies = {
            f"https://data.sec.gov/submissions/CIK{self.CIK:010d}.json": json.dumps(listing),
            f"{folder}/{self.ACCESSION}-index.htm": (
                f'<html><body><table class="tableFile"><tr><th>Seq</th></tr>{rows}</table>'
                "</body></html>"
            ),
            f"{folder}/primary_doc.xml": render_xml(drawn),
            f"{folder}/{rendering}": render_html(drawn),
        }
        self.sent: list[str] = []

    def get(self, url: str, *, user_agent: str) -> bytes:
        """The drawn body of ``url``; any other address is EDGAR's 404."""
        self.sent.append(url)
        if url not in self.bodies:
            raise FetchError(f"{url}: EDGAR answered 404")
        return self.bodies[url].encode("utf-8")


class TestStructuredFilingFetched:
    @settings(max_examples=25, deadline=None)
    @given(reports())
    def test_the_xml_is_read_not_its_rendering(self, drawn: DrawnReport) -> None:
        """A drawn SCHEDULE 13D/13G listed as XML and rendering: the XML gives every fact."""
        transport = DrawnTransport(drawn)
        got = fetch_reports(DrawnTransport.CIK, user_agent=AGENT, no_cache=True,
                            transport=transport)  # fmt: skip
        (found,) = got.reports
        assert found.layout is Layout.XML
        assert {fact.fact for fact in found.facts()} == drawn.facts()
        assert not any("/xsl" in url for url in transport.sent)
