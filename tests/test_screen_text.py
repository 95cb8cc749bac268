"""Text issuer and holder columns read in place (rightsplan.screening._text)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rightsplan as rp
from rightsplan.screening import _text, kernel, screen

NAMED = (
    "IPOF Group",
    "Holder 12",
    "Société Générale",
    "A Very Long Named Holder, L.P.",
    "Acme",
)


def named_plan(names: tuple[str, ...]) -> rp.Plan:
    """A 15% plan whose Amendment No. 1 lets each of ``names`` reach more than 25%."""
    agreement = rp.RightsAgreement(
        company="Named Corp",
        dated="2000-01-03",
        provisions=(
            rp.SetThreshold(percent="15", comparison=rp.Comparison.AT_LEAST),
            *rp.standard_exempt_persons(),
        ),
    )
    changes = tuple(
        rp.AddException(
            holder=name,
            percent="25",
            comparison=rp.Comparison.MORE_THAN,
            requires_passive=False,
        )
        for name in names
    )
    return rp.Plan(agreement, (rp.Amendment(number=1, executed="2001-01-02", changes=changes),))


@st.composite
def spellings(draw: st.DrawFn) -> str:
    """A name as a holder column may spell it, near a plan's name or not.

    A plan's name in another case and spacing, one letter off, a letter more or less, a
    non-ASCII letter, or another name.
    """
    name = draw(st.sampled_from([*NAMED, "Another Fund", "Holder 123", "Holder 1"]))
    how = draw(st.sampled_from(["as is", "case", "spaces", "edit", "drop", "add", "accent"]))
    if how == "case":
        name = "".join(c.upper() if draw(st.booleans()) else c.lower() for c in name)
    elif how == "spaces":
        name = draw(st.sampled_from(["", " ", "\t"])) + "  \n ".join(name.split())
    elif how in ("edit", "drop", "add") and name:
        at = draw(st.integers(0, len(name) - 1))
        letter = draw(st.sampled_from(["x", "0", " ", ".", "é"]))
        name = {
            "edit": name[:at] + letter + name[at + 1 :],
            "drop": name[:at] + name[at + 1 :],
            "add": name[:at] + letter + name[at:],
        }[how]
    elif how == "accent":
        name = name.replace("e", "é", 1)
    return name if name.strip() else "Nobody"


@settings(max_examples=80, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(["N1", "N2"]),
            spellings(),
            st.dates(dt.date(1999, 6, 1), dt.date(2002, 1, 1)),
            st.integers(0, 1000),
            st.booleans(),
        ),
        min_size=1,
        max_size=30,
    )
)
def test_text_columns_give_assess_verdicts_and_near_matches(
    rows: list[tuple[str, str, dt.date, int, bool]],
) -> None:
    """Text, Categorical and Enum holder columns give assess's verdict and near matches."""
    plans = {"N1": named_plan(NAMED), "N2": named_plan(NAMED[:2])}
    frame = pl.DataFrame(
        {
            "issuer": [row[0] for row in rows],
            "holder": [row[1] for row in rows],
            "date": [row[2] for row in rows],
            "shares": [row[3] for row in rows],
            "outstanding": [1000] * len(rows),
            "passive": [row[4] for row in rows],
        }
    )
    want = []
    for issuer, holder, day, shares, passive in rows:
        found = rp.assess(plans[issuer], rp.Position(holder, shares, 1000, passive=passive), on=day)
        limit = found.limit
        want.append(
            (
                found.status.value,
                None if limit is None else rp.format_percent(limit.percent),
                found.max_shares,
                list(found.near_matches) or None,
            )
        )
    coded = frame.with_columns(pl.col("holder").cast(pl.Categorical))
    enum = frame.with_columns(pl.col("holder").cast(pl.Enum(sorted(set(frame["holder"])))))
    for positions in (frame, coded, enum):
        result = screen(plans, positions)
        got = result.select(
            pl.col("status").cast(pl.String),
            pl.col("limit").cast(pl.String),
            "max_shares",
            "near_match",
        ).rows()
        assert [tuple(row) for row in got] == want


SHORT_NAMED = ("Holder 12", "Acme", "Ho.lder 123", "Holder 123456", "Holder 1234567")
"""Names about the 12 bytes a string view holds inline (the loop's word-at-a-time path)."""


@settings(max_examples=150, deadline=None)
@given(
    holders=st.lists(
        st.text(alphabet="Holder 1234567.AcmeHOLDR \t-", min_size=1, max_size=14).filter(str.strip),
        min_size=1,
        max_size=30,
    ),
    day=st.dates(dt.date(1999, 6, 1), dt.date(2002, 1, 1)),
)
def test_short_names_match_word_at_a_time_as_assess_does(holders: list[str], day: dt.date) -> None:
    """Names of at most 12 bytes (matched as words) and longer: assess's verdict, near matches.

    Spaces leading, trailing or doubled, tabs, capitals and punctuation, one letter off or
    not, either side of the 12 bytes a view holds inline.
    """
    plans = {"N1": named_plan(SHORT_NAMED)}
    frame = pl.DataFrame(
        {
            "issuer": ["N1"] * len(holders),
            "holder": holders,
            "date": [day] * len(holders),
            "shares": [200] * len(holders),
            "outstanding": [1000] * len(holders),
        }
    )
    want = []
    for holder in holders:
        found = rp.assess(plans["N1"], rp.Position(holder, 200, 1000), on=day)
        limit = found.limit
        want.append(
            (
                found.status.value,
                None if limit is None else rp.format_percent(limit.percent),
                list(found.near_matches) or None,
            )
        )
    got = (
        screen(plans, frame)
        .select(pl.col("status").cast(pl.String), pl.col("limit").cast(pl.String), "near_match")
        .rows()
    )
    assert [tuple(row) for row in got] == want


class TestIssuers:
    def test_unknown_issuer_is_named(self) -> None:
        """A text issuer with no plan is refused with its name and row, as before."""
        frame = pl.DataFrame(
            {
                "issuer": ["N1", "N1 ", "N1"],
                "holder": ["A", "B", "C"],
                "date": ["2001-01-02"] * 3,
                "shares": [1, 1, 1],
                "outstanding": [10, 10, 10],
            }
        )
        with pytest.raises(rp.ScreenInputError, match=r"no plan given.*'N1 '.*at row 1"):
            screen({"N1": named_plan(NAMED)}, frame)

    def test_long_issuer_ids_match_byte_for_byte(self) -> None:
        """Issuer ids longer than a view's 12 inline bytes, and non-ASCII ones, are found."""
        plans = {"A much longer issuer id": named_plan(NAMED), "Émetteur": named_plan(NAMED)}
        frame = pl.DataFrame(
            {
                "issuer": ["A much longer issuer id", "Émetteur"],
                "holder": ["IPOF Group", "ipof group"],
                "date": ["2001-01-02"] * 2,
                "shares": [200, 200],
                "outstanding": [1000, 1000],
            }
        )
        assert screen(plans, frame)["limit"].cast(pl.String).to_list() == ["25", "25"]

    @pytest.mark.skipif(not kernel.available(), reason="the text loop is compiled only")
    @settings(max_examples=60, deadline=None)
    @given(
        ids=st.lists(st.text(min_size=0, max_size=16), min_size=1, max_size=8, unique=True),
        others=st.lists(st.text(min_size=0, max_size=16), max_size=8),
        picks=st.lists(st.integers(0, 15), min_size=1, max_size=30),
    )
    def test_issuer_rows_are_a_dictionary_look_up(
        self, ids: list[str], others: list[str], picks: list[int]
    ) -> None:
        """Each row's issuer index is the id's, byte for byte (any length), else 'no plan'."""
        pool = ids + others
        rows = [pool[pick % len(pool)] for pick in picks]
        found = _text.views(pl.Series(rows, dtype=pl.String))
        assert found is not None
        codes, missing = _text.issuer_rows(_text.IssuerTable(ids), found, slice(0, len(rows)))
        expected = [ids.index(row) if row in ids else len(ids) for row in rows]
        assert codes.tolist() == expected
        assert missing == sum(row not in ids for row in rows)


def test_control_character_in_an_ascii_name_is_refused() -> None:
    """An ASCII holder name with a control character is refused, naming its row."""
    frame = pl.DataFrame(
        {
            "issuer": ["N1", "N1"],
            "holder": ["IPOF Group", "IPOF\x07Group"],
            "date": ["2001-01-02"] * 2,
            "shares": [1, 1],
            "outstanding": [10, 10],
        }
    )
    with pytest.raises(rp.ScreenInputError, match=r"invisible or control.*at row 1"):
        screen({"N1": named_plan(NAMED)}, frame)


def test_views_read_every_layout() -> None:
    """Strings inline in their view, in a data buffer, and from several chunks are read."""
    pieces = [pl.Series(["short", "a name longer than twelve bytes"]), pl.Series(["x" * 40])]
    column = pl.concat(pieces, rechunk=False)
    found = _text.views(column)
    assert found is not None
    views32, _, _, _ = found
    assert views32[0::4].tolist() == [5, 31, 40]


@settings(max_examples=15, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(["N1", "N2"]),
            spellings(),
            st.dates(dt.date(1999, 6, 1), dt.date(2002, 1, 1)),
            st.integers(0, 1000),
            st.booleans(),
        ),
        min_size=1,
        max_size=12,
    ),
    suffix=st.sampled_from([".parquet", ".csv"]),
)
def test_the_command_gives_assess_verdicts_from_files(
    rows: list[tuple[str, str, dt.date, int, bool]], suffix: str
) -> None:
    """`rightsplan screen` on a Parquet or CSV file gives assess's verdicts, row for row."""
    import tempfile
    from pathlib import Path

    from rightsplan.screening.cli import screen_main

    plans = {"N1": named_plan(NAMED), "N2": named_plan(NAMED[:2])}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "plans").mkdir()
        for issuer, plan in plans.items():
            rp.dump_plan(plan, folder / "plans" / f"{issuer}.toml")
        frame = pl.DataFrame(
            {
                "issuer": [row[0] for row in rows],
                "holder": [row[1] for row in rows],
                "date": [row[2].isoformat() for row in rows],
                "shares": [row[3] for row in rows],
                "outstanding": [1000] * len(rows),
                "passive": [row[4] for row in rows],
            }
        )
        source = folder / f"positions{suffix}"
        if suffix == ".csv":
            frame.write_csv(source)
        else:
            frame.write_parquet(source)
        out = folder / "verdicts.parquet"
        arguments = [str(folder / "plans"), str(source), "-o", str(out)]
        status = screen_main([*arguments, "--cache-dir", str(folder / "cache")])
        result = pl.read_parquet(out)
    want = []
    for issuer, holder, day, shares, passive in rows:
        found = rp.assess(plans[issuer], rp.Position(holder, shares, 1000, passive=passive), on=day)
        limit = found.limit
        want.append(
            (
                found.status.value,
                None if limit is None else rp.format_percent(limit.percent),
                found.max_shares,
            )
        )
    got = result.select(
        pl.col("status").cast(pl.String), pl.col("limit").cast(pl.String), "max_shares"
    ).rows()
    assert [tuple(row) for row in got] == want
    assert status == (1 if any(row[0] == "triggered" for row in want) else 0)
