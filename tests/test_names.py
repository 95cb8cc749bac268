"""Holder names: matched after Unicode normalisation, refused when they hide characters."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rightsplan as rp
from rightsplan import _check
from rightsplan.cli import main
from rightsplan.edgar import _text
from rightsplan.io.events import loads_events
from rightsplan.io.plans import loads_plan
from rightsplan.screening import screen
from rightsplan.screening.sql import screen_duckdb

MORE_THAN = rp.Comparison.MORE_THAN
AT_LEAST = rp.Comparison.AT_LEAST
SG = "Société Générale"
SG_NFC = unicodedata.normalize("NFC", SG)
SG_NFD = unicodedata.normalize("NFD", SG)

# Characters that show nothing or control the terminal, each with a name a reader knows.
HIDDEN = {
    "\u200b": "ZERO WIDTH SPACE",
    "\u200c": "ZERO WIDTH NON-JOINER",
    "\u200d": "ZERO WIDTH JOINER",
    "\u2060": "WORD JOINER",
    "\ufeff": "ZERO WIDTH NO-BREAK SPACE",  # the byte order mark
    "\u202e": "RIGHT-TO-LEFT OVERRIDE",
    "\u2066": "LEFT-TO-RIGHT ISOLATE",
    "\u200f": "RIGHT-TO-LEFT MARK",
    "\u00ad": "SOFT HYPHEN",
    "\u034f": "COMBINING GRAPHEME JOINER",
    "\u3164": "HANGUL FILLER",
    "\ufe0f": "VARIATION SELECTOR-16",
    "\U000e0041": "TAG LATIN CAPITAL LETTER A",
    "\x00": "Cc",
    "\x1b": "Cc",
    "\x7f": "Cc",
    "\x85": "Cc",
    "\x0b": "Cc",
}


def exception_plan(holder: str = SG_NFC, members: tuple[str, ...] = ()) -> rp.Plan:
    """15% or more triggers; ``holder`` (and its members) may hold up to 30%."""
    return rp.Plan(
        rp.RightsAgreement(
            company="Example Corp",
            dated="2010-01-04",
            provisions=(
                rp.SetThreshold(percent=15, comparison=AT_LEAST),
                rp.AddException(
                    holder=holder,
                    members=members,
                    percent=30,
                    comparison=MORE_THAN,
                    requires_passive=False,
                ),
                *rp.standard_exempt_persons(),
            ),
        )
    )


def forms(name: str) -> list[str]:
    return [unicodedata.normalize(form, name) for form in ("NFC", "NFD")]


def visible_names() -> st.SearchStrategy[str]:
    """Non-blank names with no character that shows nothing (what a Position accepts)."""
    characters = st.characters(codec="utf-8").filter(lambda c: not _check.invisible(c))
    return st.text(characters, min_size=1, max_size=12).filter(str.strip)


class TestNameKey:
    def test_composed_and_decomposed_are_one_name(self) -> None:
        """An NFD "Société Générale" has the key of its NFC spelling."""
        assert SG_NFC != SG_NFD
        assert _check.name_key(SG_NFD) == _check.name_key(SG_NFC) == "société générale"

    @given(st.text())
    def test_every_canonical_form_has_one_key(self, name: str) -> None:
        """Any text, composed or decomposed, has the key of the text as given."""
        key = _check.name_key(name)
        assert all(_check.name_key(form) == key for form in forms(name))

    @given(st.text())
    def test_the_key_is_canonical_caseless(self, name: str) -> None:
        """The key is Unicode's canonical caseless form (D145), white space made one space."""
        nfd = unicodedata.normalize
        want = " ".join(nfd("NFC", nfd("NFD", nfd("NFD", name).casefold())).split())
        assert _check.name_key(name) == want

    @pytest.mark.parametrize(
        ("shown", "plain"),
        [("ＩＰＯＦ Group", "IPOF Group"), ("Fund²", "Fund2"), ("Ⓐ Capital", "A Capital")],
    )
    def test_compatibility_forms_are_other_names(self, shown: str, plain: str) -> None:
        """Full-width, superscript and circled letters are not folded (NFC, not NFKC)."""
        assert _check.name_key(shown) != _check.name_key(plain)
        assert unicodedata.normalize("NFKC", shown) == plain  # what NFKC would have merged


class TestAssess:
    def test_decomposed_name_gets_its_exception(self) -> None:
        """An NFD "Société Générale" holding 20% is within its 30% exception, not over 15%."""
        for name in (SG_NFC, SG_NFD):
            position = rp.Position(name, 200, 1000)
            assessment = rp.assess(exception_plan(), position, on="2011-01-03")
            assert assessment.status is rp.Status.CLEAR
            assert assessment.limit is not None and assessment.limit.holder == SG_NFC

    def test_decomposed_exception_covers_composed_holding(self) -> None:
        """A plan that spells the name decomposed covers a holding that spells it composed."""
        position = rp.Position(SG_NFC, 200, 1000)
        assessment = rp.assess(exception_plan(SG_NFD), position, on="2011-01-03")
        assert assessment.status is rp.Status.CLEAR

    def test_decomposed_exempt_person(self) -> None:
        """An Exempt Person named composed covers a holding named decomposed."""
        plan = rp.Plan(
            rp.RightsAgreement(
                company="Example Corp",
                dated="2010-01-04",
                provisions=(
                    rp.SetThreshold(percent=15, comparison=AT_LEAST),
                    rp.AddExemptPerson(name=SG_NFC),
                ),
            )
        )
        assessment = rp.assess(plan, rp.Position(SG_NFD, 900, 1000), on="2011-01-03")
        assert assessment.status is rp.Status.EXEMPT

    @given(name=visible_names(), shares=st.integers(0, 1000), named=st.booleans())
    def test_every_form_of_a_name_gets_one_verdict(
        self, name: str, shares: int, named: bool
    ) -> None:
        """Any name, in its NFC or NFD form, gets the verdict of the name as given."""
        plan = exception_plan(name if named else "Someone Else")
        want = rp.assess(plan, rp.Position(name, shares, 1000), on="2011-01-03")
        for form in forms(name):
            got = rp.assess(plan, rp.Position(form, shares, 1000), on="2011-01-03")
            assert (got.status, got.limit) == (want.status, want.limit)
        if named and want.status is not rp.Status.EXEMPT:  # the plan's name: its exception
            assert want.limit is not None and want.limit.holder == name


class TestReplay:
    @pytest.mark.parametrize("member", [SG_NFC, SG_NFD])
    def test_decomposed_group_member_is_the_same_holder(self, member: str) -> None:
        """A member named decomposed in the group owns the shares it reported composed."""
        events = [
            rp.OutstandingChanged(on="2010-01-04", outstanding=1000),
            rp.Acquisition(on="2010-02-01", holder=SG_NFC, shares=100),
            rp.Acquisition(on="2010-02-01", holder="B", shares=100),
            rp.GroupFormed(on="2010-03-01", group="G", members=[member, "B"]),
        ]
        plan = exception_plan("Someone Else")
        history = rp.replay(plan, events)
        (trigger,) = history.triggers()
        assert trigger.on.isoformat() == "2010-03-01"
        assert len(history.holders()) == 3  # one Société Générale, B and the group
        assert history.status_of(SG_NFD, on="2010-03-01").status is rp.Status.TRIGGERED


class TestScreen:
    @pytest.mark.parametrize("engine", [screen, screen_duckdb])
    def test_decomposed_name_gets_its_exception(self, engine: object) -> None:
        """Every engine gives an NFD holder its NFC exception, as assess does."""
        frame = pl.DataFrame(
            {
                "issuer": ["X", "X", "X"],
                "holder": [SG_NFC, SG_NFD, "Other"],
                "date": ["2011-01-03"] * 3,
                "shares": [200, 200, 200],
                "outstanding": [1000, 1000, 1000],
            }
        )
        result = engine({"X": exception_plan()}, frame)  # type: ignore[operator]
        assert result["status"].cast(pl.String).to_list() == ["clear", "clear", "triggered"]

    @settings(max_examples=40, deadline=None)
    @given(name=visible_names(), shares=st.integers(0, 1000), named=st.booleans())
    def test_every_form_of_a_name_gets_assess_verdict(
        self, name: str, shares: int, named: bool
    ) -> None:
        """Both engines give a name's NFC and NFD forms the verdict assess gives the name."""
        plan = exception_plan(name if named else "Someone Else")
        want = rp.assess(plan, rp.Position(name, shares, 1000), on="2011-01-03").status.value
        holders = forms(name)
        frame = pl.DataFrame(
            {
                "issuer": ["X"] * len(holders),
                "holder": holders,
                "date": ["2011-01-03"] * len(holders),
                "shares": [shares] * len(holders),
                "outstanding": [1000] * len(holders),
            }
        )
        for engine in (screen, screen_duckdb):
            got = engine({"X": plan}, frame)["status"].cast(pl.String).to_list()
            assert got == [want] * len(holders)

    @pytest.mark.parametrize("engine", [screen, screen_duckdb])
    def test_hidden_characters_are_refused(self, engine: object) -> None:
        """A holder name with a zero-width space is refused with its row and value."""
        frame = pl.DataFrame(
            {
                "issuer": ["X", "X"],
                "holder": ["B", "IPOF Group\u200b"],
                "date": ["2011-01-03"] * 2,
                "shares": [200, 200],
                "outstanding": [1000, 1000],
            }
        )
        with pytest.raises(rp.ScreenInputError) as error:
            engine({"X": exception_plan()}, frame)  # type: ignore[operator]
        message = str(error.value)
        assert message.startswith("holder: contains an invisible or control character")
        assert "'IPOF Group\\u200b'" in message and "at row 1" in message

    @pytest.mark.parametrize("dtype", [pl.Categorical, pl.Enum(["B", "IPOF Group\u200b"])])
    def test_hidden_characters_in_categories(self, dtype: pl.DataType) -> None:
        """A hidden name is refused from a Categorical or Enum holder column too."""
        frame = pl.DataFrame(
            {
                "issuer": ["X", "X"],
                "holder": pl.Series(["B", "IPOF Group\u200b"], dtype=dtype),
                "date": ["2011-01-03"] * 2,
                "shares": [200, 200],
                "outstanding": [1000, 1000],
            }
        )
        with pytest.raises(rp.ScreenInputError, match=r"invisible or control.*at row 1"):
            screen({"X": exception_plan()}, frame)

    def test_an_unused_hidden_category_is_not_refused(self) -> None:
        """An Enum category no row uses is not a holder, and is not refused."""
        holder = pl.Series([SG_NFD], dtype=pl.Enum([SG_NFD, "IPOF Group\u200b"]))
        frame = pl.DataFrame(
            {
                "issuer": ["X"],
                "holder": holder,
                "date": ["2011-01-03"],
                "shares": [200],
                "outstanding": [1000],
            }
        )
        result = screen({"X": exception_plan()}, frame)
        assert result["status"].cast(pl.String).to_list() == ["clear"]


def no_name_plan() -> rp.Plan:
    """A plan that names no one: a threshold and nothing else."""
    return rp.Plan(
        rp.RightsAgreement(
            company="Example Corp",
            dated="2010-01-04",
            provisions=(rp.SetThreshold(percent=15, comparison=AT_LEAST),),
        )
    )


class TestScreenWhenNoPlanNamesAnyone:
    @pytest.mark.parametrize(
        "dtype", [pl.String, pl.Categorical, pl.Enum(["B", "IPOF Group\u200b"])]
    )
    @pytest.mark.parametrize("engine", [screen, screen_duckdb])
    def test_hidden_characters_are_refused(self, dtype: pl.DataType, engine: object) -> None:
        """A hidden holder name is refused even when no plan names anyone, as assess does."""
        frame = pl.DataFrame(
            {
                "issuer": ["X", "X"],
                "holder": pl.Series(["B", "IPOF Group\u200b"], dtype=dtype),
                "date": ["2011-01-03"] * 2,
                "shares": [200, 200],
                "outstanding": [1000, 1000],
            }
        )
        with pytest.raises(rp.ScreenInputError, match=r"invisible or control.*at row 1"):
            engine({"X": no_name_plan()}, frame)  # type: ignore[operator]
        with pytest.raises(rp.InvalidInputError):
            rp.Position("IPOF Group\u200b", 200, 1000)


INNOTRAC_ROWS = {
    "holder": ["IPOF Grop", "I.P.O.F. Group", "IPOF Group", "ipof  group", "IPOF Grop", "Other"],
    "date": ["2003-11-24"] * 4 + ["2001-01-02", "2003-11-24"],
}


class TestScreenNearMatches:
    @pytest.mark.parametrize("dtype", [pl.String, pl.Categorical])
    @pytest.mark.parametrize("engine", [screen, screen_duckdb])
    def test_near_match_column_is_assess(self, dtype: pl.DataType, engine: object) -> None:
        """The near_match column lists what assess's near_matches does, null where none."""
        plan = rp.examples.innotrac()
        frame = pl.DataFrame(
            {
                "issuer": ["INOC"] * 6,
                "holder": pl.Series(INNOTRAC_ROWS["holder"], dtype=dtype),
                "date": INNOTRAC_ROWS["date"],
                "shares": [100] * 6,
                "outstanding": [1000] * 6,
            }
        )
        result = engine({"INOC": plan}, frame)  # type: ignore[operator]
        assert result.schema["near_match"] == pl.List(pl.String)
        want = [
            list(rp.assess(plan, rp.Position(holder, 100, 1000), on=day).near_matches) or None
            for holder, day in zip(INNOTRAC_ROWS["holder"], INNOTRAC_ROWS["date"], strict=True)
        ]
        assert want[:2] == [["IPOF Group"], ["IPOF Group"]]  # before Amendment No. 2: none
        assert want[2:] == [None] * 4
        assert result["near_match"].to_list() == want

    @settings(max_examples=60, deadline=None)
    @given(
        holders=st.lists(
            st.sampled_from(
                [
                    "IPOF Group",
                    "IPOF Grop",
                    "IPOF Groups",
                    "I.P.O.F. Group",
                    "David Dadanté",
                    "David Dadante",
                    "IPOF Fund LP",
                    "the Compani",
                    "the Company",
                    "Acme1",
                    "Another Fund",
                ]
            ),
            min_size=1,
            max_size=8,
        ),
        days=st.lists(st.dates(dt.date(1997, 1, 1), dt.date(2005, 1, 1)), min_size=8, max_size=8),
    )
    def test_near_match_is_assess_row_for_row(
        self, holders: list[str], days: list[dt.date]
    ) -> None:
        """For any holders and dates, the screen's near_match is assess's, row for row."""
        plan = rp.examples.innotrac()
        frame = pl.DataFrame(
            {
                "issuer": ["INOC"] * len(holders),
                "holder": holders,
                "date": days[: len(holders)],
                "shares": [1] * len(holders),
                "outstanding": [10] * len(holders),
            }
        )
        got = screen({"INOC": plan}, frame)["near_match"].to_list()
        want = [
            list(rp.assess(plan, rp.Position(holder, 1, 10), on=day).near_matches) or None
            for holder, day in zip(holders, days, strict=False)
        ]
        assert got == want

    @given(a=visible_names(), data=st.data())
    def test_near_names_share_an_index_key(self, a: str, data: st.DataObject) -> None:
        """A name and any one edit of it, when near_names pairs them, share an index key."""
        position = data.draw(st.integers(0, len(a)))
        char = data.draw(st.characters(codec="utf-8").filter(lambda c: not _check.invisible(c)))
        edit = data.draw(st.sampled_from(["insert", "delete", "replace"]))
        if edit == "insert":
            b = a[:position] + char + a[position:]
        elif edit == "delete":
            b = a[:position] + a[position + 1 :]
        else:
            b = a[:position] + char + a[position + 1 :]
        if b.strip() and _check.near_names(a, [b]):
            assert _check.near_index_keys(a) & _check.near_index_keys(b)

    @pytest.mark.parametrize(("a", "b"), [("IPOF Grop", "IPOF Group"), ("Acme1", "Acme2")])
    def test_near_names_share_an_index_key_examples(self, a: str, b: str) -> None:
        """One edit apart (insertion, substitution): the names share an index key."""
        assert _check.near_names(a, [b])
        assert _check.near_index_keys(a) & _check.near_index_keys(b)


class TestRefused:
    @pytest.mark.parametrize("char", sorted(HIDDEN))
    def test_a_position_refuses_hidden_characters(self, char: str) -> None:
        """Each invisible or control character in a holder's name is refused, named."""
        with pytest.raises(rp.InvalidInputError) as error:
            rp.Position(f"IPOF{char} Group", 1, 10)
        message = str(error.value)
        assert message.startswith("holder: ")
        assert f"U+{ord(char):04X} {HIDDEN[char]}" in message and "(character 5)" in message

    def test_polars_and_python_refuse_the_same_characters(self) -> None:
        """The screen's regex and the readers' rule agree on every character Python knows."""
        known = [
            chr(point)
            for point in range(0x110000)
            if not 0xD800 <= point <= 0xDFFF and unicodedata.category(chr(point)) != "Cn"
        ]
        found = pl.Series(known).str.contains(_check.INVISIBLE_PATTERN).to_list()
        assert [c for c, hit in zip(known, found, strict=True) if hit != _check.invisible(c)] == []

    def test_white_space_is_not_hidden(self) -> None:
        """Tab, line breaks and no-break spaces are white space: kept, and matched as spaces."""
        for name in ("IPOF\tGroup", "IPOF\nGroup", "IPOF\r\nGroup", "IPOF\xa0Group"):
            assert rp.Position(name, 1, 10).holder == name
            assert _check.name_key(name) == "ipof group"

    @pytest.mark.parametrize(
        ("build", "field"),
        [
            (lambda n: rp.PositionReported(on="2010-01-04", holder=n, shares=1), "holder"),
            (lambda n: rp.GroupFormed(on="2010-01-04", group=n, members=["A", "B"]), "group"),
            (
                lambda n: rp.GroupFormed(on="2010-01-04", group="G", members=["A", n]),
                "members[1]",
            ),
            (lambda n: rp.GroupDissolved(on="2010-01-04", group=n), "group"),
            (lambda n: rp.Affiliated(on="2010-01-04", holder="A", affiliate=n), "affiliate"),
            (lambda n: rp.TenderOfferCommenced(on="2010-01-04", offeror=n), "offeror"),
            (lambda n: rp.AcquiringPersonAnnounced(on="2010-01-04", holder=n), "holder"),
            (
                lambda n: rp.AddException(
                    holder=n, percent=20, comparison=AT_LEAST, requires_passive=False
                ),
                "holder",
            ),
            (
                lambda n: rp.AddException(
                    holder="G", members=[n], percent=20, comparison=AT_LEAST, requires_passive=False
                ),
                "members[0]",
            ),
            (lambda n: rp.RemoveException(holder=n), "holder"),
            (lambda n: rp.AddExemptPerson(name=n), "name"),
            (lambda n: rp.RemoveExemptPerson(name=n), "name"),
        ],
    )
    def test_every_name_field_refuses_hidden_characters(self, build: object, field: str) -> None:
        """Events and plan changes that name a holder refuse a zero-width space, by field."""
        assert build("IPOF Group")  # type: ignore[operator]
        with pytest.raises(rp.InvalidInputError) as error:
            build("IPOF Group\u200b")  # type: ignore[operator]
        assert str(error.value).startswith(f"{field}: 'IPOF Group\\u200b' contains")

    def test_holdings_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """The check command refuses a holding whose name ends in a zero-width space (2)."""
        plan = tmp_path / "plan.toml"
        rp.dump_plan(exception_plan("IPOF Group"), plan)
        holdings = tmp_path / "h.csv"
        holdings.write_text("holder,shares,outstanding\nIPOF Group\u200b,200,1000\n", "utf-8")
        status = main(["check", str(plan), str(holdings), "--on", "2011-01-03"])
        err = capsys.readouterr().err
        assert status == 2
        assert f"{holdings}:2: holder: " in err and "U+200B ZERO WIDTH SPACE" in err

    def test_events_file(self) -> None:
        """An events file naming a group member with a byte order mark inside is refused."""
        text = 'event,date,group,members\ngroup-formed,2010-01-04,G,"A;\ufeffB"\n'
        with pytest.raises(rp.EventsFileError, match=r"ev\.csv:2: members\[1\]: .*U\+FEFF"):
            loads_events(text, "csv", name="ev.csv")

    def test_plan_file(self) -> None:
        """A plan file whose exception names a holder with a bidi override is refused."""
        text = (
            '[agreement]\ncompany = "X"\ndated = 2010-01-04\n'
            '[[agreement.provisions]]\nkind = "set-threshold"\npercent = "15"\n'
            'comparison = "at-least"\n'
            '[[agreement.provisions]]\nkind = "add-exception"\nholder = "IPOF\\u202eGroup"\n'
            'percent = "25"\ncomparison = "more-than"\nrequires_passive = false\n'
        )
        with pytest.raises(rp.PlanFileError) as error:
            loads_plan(text, "toml", name="p.toml")
        message = str(error.value)
        assert "p.toml" in message and "holder: " in message and "U+202E" in message


class TestCheck:
    def test_decomposed_holding_gets_its_exception(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The check command gives an NFD "Société Générale" its NFC 30% exception (0)."""
        plan = tmp_path / "plan.toml"
        rp.dump_plan(exception_plan(), plan)
        holdings = tmp_path / "h.jsonl"
        row = {"holder": SG_NFD, "shares": 200, "outstanding": 1000, "date": "2011-01-03"}
        holdings.write_text(json.dumps(row, ensure_ascii=False) + "\n", "utf-8")
        status = main(["check", str(plan), str(holdings), "--format", "json"])
        (result,) = json.loads(capsys.readouterr().out)
        assert status == 0
        assert result["status"] == "clear"


class TestFilings:
    def test_hidden_characters_are_dropped_from_filings(self) -> None:
        """Soft hyphens and zero-width spaces in a filing, raw or as entities, are not read."""
        assert _text.decode(b"IPOF\xad Group") == "IPOF Group"  # Windows-1252 soft hyphen
        assert _text.decode("IPOF\u200b Group\n".encode()) == "IPOF Group\n"
        assert _text.html_to_text("<p>IPOF&shy; Group&#8203;\ufeff</p>") == "IPOF Group\n"
        # Accented letters stay; a form feed (a page break) is a line break.
        assert _text.decode("Soci\u00e9t\u00e9\x0c".encode()) == "Soci\u00e9t\u00e9\n"


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, by the textbook table (the oracle for one edit apart)."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, start=1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, start=1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
    return row[-1]


INNOTRAC_NAMES = ("IPOF Group", "IPOF Fund, L.P.", "David Dadante", "the Company")


class TestNearMatches:
    @pytest.mark.parametrize(
        ("name", "near"),
        [
            ("IPOF Grop", ("IPOF Group",)),  # a letter dropped
            ("IPOF Groups", ("IPOF Group",)),  # a letter added
            ("IPOF Gruop", ()),  # two letters swapped: two edits
            ("I.P.O.F. Group", ("IPOF Group",)),  # punctuation
            ("IPOF-Group", ("IPOF Group",)),
            ("ＩＰＯＦ Group", ("IPOF Group",)),  # full width
            ("IPOF Fund LP", ("IPOF Fund, L.P.",)),
            ("David Dadanté", ("David Dadante",)),  # an accent
            ("ipof   GROUP", ()),  # the same name: matched, so near nothing
            ("Another Fund", ()),
            ("the Compani", ("the Company",)),
        ],
    )
    def test_near_names(self, name: str, near: tuple[str, ...]) -> None:
        """Punctuation, accents, full width or one edit from a plan's name is near it."""
        assert _check.near_names(name, INNOTRAC_NAMES) == near

    def test_short_names_are_not_one_edit_near(self) -> None:
        """Short names one edit apart are two holders; one edit counts from five characters."""
        assert _check.near_names("B", ["A"]) == ()
        assert _check.near_names("Acme", ["Acma"]) == ()
        assert _check.near_names("Acme1", ["Acme2"]) == ("Acme2",)
        assert _check.near_names("A.", ["A"]) == ("A",)  # the same letters still count

    @given(st.text("abc ", max_size=7), st.text("abc ", max_size=7))
    def test_one_edit_is_levenshtein_one(self, a: str, b: str) -> None:
        """Two texts are one edit apart exactly when their Levenshtein distance is 1."""
        assert _check._one_edit(a, b) is (edit_distance(a, b) == 1)

    def test_explain_names_the_near_match(self) -> None:
        """A misspelt holder is assessed as a stranger, and explain() names the plan's name."""
        ipof = rp.Position("IPOF Grop", 2_800_500, 11_572_314, passive=True)
        assessment = rp.assess(rp.examples.innotrac(), ipof, on="2003-11-24")
        assert assessment.status is rp.Status.TRIGGERED  # the general 15%, not IPOF's 40%
        assert assessment.near_matches == ("IPOF Group",)
        assert "'IPOF Grop' is not a name the plan uses, but is close to 'IPOF Group'" in (
            assessment.explain()
        )
        exact = rp.assess(rp.examples.innotrac(), rp.Position("IPOF Group", 1, 10), on="2003-11-24")
        assert exact.near_matches == () and "close to" not in exact.explain()

    @pytest.mark.parametrize("fmt", ["json", "csv", "table"])
    def test_check_shows_the_near_match(
        self, fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The check command's JSON, CSV and table show a holding's near match."""
        holdings = tmp_path / "h.csv"
        holdings.write_text(
            "holder,shares,outstanding,date\nI.P.O.F. Group,1,10,2003-11-24\n"
            "IPOF Group,1,10,2003-11-24\n",
            "utf-8",
        )
        plan = str(Path(__file__).resolve().parent.parent / "examples/innotrac/plan.toml")
        main(["check", plan, str(holdings), "--format", fmt])
        out = capsys.readouterr().out
        if fmt == "json":
            assert [r["near_match"] for r in json.loads(out)] == [["IPOF Group"], []]
        elif fmt == "csv":
            assert out.splitlines()[0].endswith(",near_match")
            assert out.splitlines()[1].endswith(",IPOF Group")
            assert out.splitlines()[2].endswith(",")
        else:
            assert "Line 2: 'I.P.O.F. Group' is close to 'IPOF Group'" in out
            assert "Line 3:" not in out


class TestNearMatchesInAReplay:
    EVENTS = (
        "event,date,holder,shares,outstanding,passive\n"
        "outstanding-changed,2003-08-01,,,11572314,\n"
        "position-reported,2003-08-01,IPOF Grop,2800500,,true\n"
        "position-reported,2003-08-01,Another Fund,10,,false\n"
    )

    def test_history_names_the_near_match(self) -> None:
        """A ledger holder misspelling a plan's named holder is noted in the replay."""
        history = rp.replay(rp.examples.innotrac(), loads_events(self.EVENTS, "csv"))
        assert history.near_matches("IPOF Grop") == ("IPOF Group",)
        assert history.near_matches("Another Fund") == ()
        assert "'IPOF Grop' is not a name the plan uses" in history.describe()

    def test_history_command_shows_it(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The history command notes the near match in its table and lists it in JSON."""
        events = tmp_path / "events.csv"
        events.write_text(self.EVENTS, "utf-8")
        plan = str(Path(__file__).parent.parent / "examples" / "innotrac" / "plan.toml")
        main(["history", plan, str(events)])
        out = capsys.readouterr().out
        assert "close to 'IPOF Group': check the spelling" in out
        main(["history", plan, str(events), "--format", "json"])
        record = json.loads(capsys.readouterr().out)
        assert record["near_matches"] == {"IPOF Grop": ["IPOF Group"]}
