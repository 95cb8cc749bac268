"""Bad input: one broken file per failure mode, each message naming the file, where, and what."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import rightsplan as rp
from rightsplan.io import loads_holdings, loads_plan, toml_writer
from rightsplan.io.formats import Format, ParseError, decode, encode
from rightsplan.io.schema import plan_from_data

BAD = Path(__file__).resolve().parent / "data" / "bad"

PLAN_CASES = {
    "empty.toml": ["the file is empty", "[agreement]"],
    "binary.toml": ["line 2", "not UTF-8 text", "byte 0x80"],
    "latin-1.toml": ["line 2", "not UTF-8 text", "byte 0xe9"],
    "truncated.toml": ["not valid TOML", "Unterminated string"],
    "float-percent.yaml": [
        'agreement.provisions[0].percent: expected a percentage like "25" or "4.99", '
        'got 15.0 (a float); write it as a string: "15"'
    ],
    "impossible-date.toml": ["not valid TOML", "Invalid date", "line 3"],
    "impossible-date-string.toml": ["amendments[0].executed: '2003-02-30' is not a real day"],
    "datetime.toml": ["agreement.dated: expected a date", "date-time"],
    "duplicate-numbers.toml": ["amendments[1].number: 2 is also the number of amendments[0]"],
    "unknown-key.toml": ["agreement.compnay: unknown key", 'did you mean "company"?'],
    "unknown-kind.toml": ["agreement.provisions[0].kind: expected one of", "'set-treshold'"],
    "amendment-kind-in-agreement.toml": [
        'agreement.provisions[1].kind: a Rights Agreement cannot state "terminate"'
    ],
    "missing-agreement.toml": ["agreement: missing"],
    "huge-number.toml": ["amendments[0].number:", "far too large"],
    "percent-out-of-range.toml": ["agreement.provisions[0].percent: expected a percentage in"],
    "bad-comparison.toml": [
        'agreement.provisions[0].comparison: expected one of "at-least", "more-than"'
    ],
    "inconsistent-history.toml": [
        "history does not hold together",
        "Amendment No. 1",
        "no exception for 'IPOF Group' to remove",
    ],
    "many-problems.toml": [
        "6 problems",
        "agreement.colour: unknown key",
        "agreement.company: expected non-blank text",
        "agreement.dated: expected an ISO date",
        'agreement.provisions[0].percent: expected a percentage like "25" or "4.99" '
        "(a string or a number), got true",
        "amendments[0].number: amendments are numbered from 1, got 0",
        "amendments[0].changes[0].requires_passive: missing; expected true or false",
    ],
    "expiration-before-agreement.toml": [
        "agreement.provisions[1].date: the Final Expiration Date 1997-12-30 is before the "
        "Rights Agreement itself (dated 1997-12-31)"
    ],
    "expiration-before-amendment.toml": [
        "Amendment No. 1 (2003-08-14), changes[0] (SetExpiration): date: the Final Expiration "
        "Date 2003-08-13 is before Amendment No. 1 takes effect (2003-08-14)"
    ],
    "not-a-table.json": ["expected a table", "got a list"],
    "trailing-comma.json": ["line 1, column 31: not valid JSON"],
    "duplicate-key.json": [
        "line 1, column 32: the key 'company' appears twice",
        "(first at column 16)",
    ],
    "huge-exponent.json": [
        "agreement.provisions[0].percent: a number too large or too small to be a plan's "
        "is far too large or too small"
    ],
    "bad-indentation.yaml": ["line 3, column 2: not valid YAML"],
    "impossible-date.yaml": ["agreement.dated: '2003-02-30' is not a real day"],
    "octal-percent.yaml": [
        "line 6, column 16",
        "020: a number written with a leading zero",
        "write 20",
    ],
    "sexagesimal-percent.yaml": [
        "agreement.provisions[0].percent: expected a percentage",
        "'1:05'",
    ],
    "duplicate-key.yaml": [
        "line 7, column 7",
        "the key 'percent' appears twice",
        "(first on line 6)",
    ],
    "python-tag.yaml": ["line 1", "not valid YAML", "could not determine a constructor"],
    "plan.txt": ["cannot tell the format from the extension '.txt'"],
}

HOLDINGS_CASES = {
    "empty.csv": ["the file is empty", "header"],
    "header-only.csv": ["no holdings"],
    "binary.csv": [":2: holder:", "control characters"],
    "latin-1.csv": ["line 2", "not UTF-8 text"],
    "missing-column.csv": [":1: missing column 'outstanding'"],
    "unknown-column.csv": [":1: column 4: unknown column 'percent'"],
    "negative-shares.csv": [":2: shares: expected zero or more shares, got -5"],
    "shares-above-outstanding.csv": [":2: IPOF Group: shares (2,000) exceed"],
    "zero-outstanding.csv": [":2: outstanding: expected a positive number"],
    "impossible-date.csv": [":2: date: '2003-02-30' is not a real day"],
    "bad-separators.csv": [":2: shares: expected a whole number of shares", "'2,80,500'"],
    "fractional-shares.csv": [":2: shares: expected a whole number of shares", "'100.5'"],
    "huge-number.csv": [":2: outstanding: expected a whole number", "(5000 characters)"],
    "bad-passive.csv": [":2: passive: expected true or false, got 'yes'"],
    "many-bad-rows.csv": [
        "4 problems",
        ":2: shares: expected zero or more shares",
        ":4: shares: expected a whole number",
        ":5: holder: missing",
        ":5: date: '2003-13-01' is not a real day",
    ],
    "float-shares.jsonl": [":1: shares: expected a whole number of shares", "(a float)"],
    "not-an-object.jsonl": [":2: expected an object"],
    "truncated.jsonl": [":2: column 17: not valid JSON"],
    "duplicate-key.jsonl": [
        ":2: column 66: the key 'shares' appears twice",
        "(first at column 26)",
    ],
    "standing-unused-column.csv": [
        ":2: standing_until: not used by a standing of 'grandfathered'",
        "it uses standing_shares, standing_since",
    ],
    "standing-missing-shares.csv": [
        ":2: standing_shares: required for a standing of 'grandfathered'"
    ],
    "standing-many-problems.csv": [
        "4 problems",
        ":2: standing: expected one of none, grandfathered, buyback",
        "'grandfathred'",
        ":3: standing_since: '2026-02-30' is not a real day",
        ":3: standing_shares: expected a whole number of shares",
        ":4: standing_until: 2026-03-01 is before the crossing (2026-03-02)",
    ],
    "standing-float-cap.jsonl": [
        ':1: standing_cap_percent: expected a percentage like "25" or "4.99", got 6.5 (a float)'
    ],
    "standing-after-date.csv": [
        ":2: standing_since: the grandfathered standing starts on 2026-03-02, after the "
        "holding's date 2026-02-01"
    ],
}


def test_every_bad_file_has_a_case() -> None:
    """Each file in tests/data/bad/ is exercised by exactly one case below."""
    files = {path.name for path in BAD.iterdir() if path.is_file()}
    assert files == set(PLAN_CASES) | set(HOLDINGS_CASES)


class TestBadPlanFiles:
    @pytest.mark.parametrize(("name", "expected"), sorted(PLAN_CASES.items()))
    def test_message(self, name: str, expected: list[str]) -> None:
        """The error names the file, the field path or line, and what was expected."""
        path = BAD / name
        original = path.read_bytes()
        with pytest.raises(rp.PlanFileError) as caught:
            rp.load_plan(path)
        message = str(caught.value)
        assert all(problem.startswith(f"{path}") for problem in caught.value.problems)
        for fragment in expected:
            assert fragment in message
        assert path.read_bytes() == original


class TestBadHoldingsFiles:
    @pytest.mark.parametrize(("name", "expected"), sorted(HOLDINGS_CASES.items()))
    def test_message(self, name: str, expected: list[str]) -> None:
        """The error names the file, the line and column, and what was expected."""
        path = BAD / name
        with pytest.raises(rp.HoldingsFileError) as caught:
            rp.load_holdings(path)
        message = str(caught.value)
        assert all(problem.startswith(f"{path}") for problem in caught.value.problems)
        for fragment in expected:
            assert fragment in message


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=2**300, max_value=2**900),
    st.floats(),
    st.text(max_size=12),
    st.dates(),
    st.datetimes(),
    st.sampled_from(["15", "4.99", "at-least", "more-than", "2003-08-14", "set-threshold"]),
)
KEYS = st.sampled_from(
    [
        "agreement",
        "amendments",
        "company",
        "dated",
        "provisions",
        "changes",
        "kind",
        "percent",
        "comparison",
        "number",
        "executed",
        "holder",
        "members",
        "requires_passive",
        "x",
    ]
)
structures = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=6),
    max_leaves=30,
)


class TestArbitraryInput:
    @settings(max_examples=200)
    @given(structures)
    def test_structures(self, data: object) -> None:
        """Any nested structure gives a plan or problems, never another exception."""
        plan, problems = plan_from_data(data)
        assert (plan is None) == bool(problems)

    @settings(max_examples=60)
    @given(st.dictionaries(KEYS, structures, max_size=4))
    def test_structures_through_files(self, data: dict[str, object]) -> None:
        """Arbitrary tables written as JSON or TOML load, or fail with a PlanFileError."""
        texts: list[tuple[Format, str]] = []
        try:
            texts.append(("json", json.dumps(data, default=str)))
            texts.append(("toml", toml_writer.dumps(data)))
        except (TypeError, ValueError):
            pass
        for fmt, text in texts:
            with contextlib.suppress(rp.PlanFileError):
                loads_plan(text, fmt)

    @pytest.mark.parametrize("fmt", ["toml", "yaml", "json"])
    @settings(max_examples=60)
    @given(data=st.binary(max_size=200))
    def test_bytes_to_plan_loader(self, fmt: Format, data: bytes) -> None:
        """Arbitrary bytes load as a plan or raise a RightsPlanError, nothing else."""
        with contextlib.suppress(rp.RightsPlanError):
            loads_plan(data, fmt)

    @pytest.mark.parametrize("fmt", ["csv", "jsonl"])
    @settings(max_examples=60)
    @given(data=st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
    def test_bytes_to_holdings_loader(self, fmt: str, data: bytes) -> None:
        """Arbitrary bytes load as holdings or raise a RightsPlanError, nothing else."""
        with contextlib.suppress(rp.RightsPlanError):
            loads_holdings(data, fmt)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
class TestEndlessFiles:
    @pytest.mark.parametrize(
        ("name", "load", "error"),
        [
            ("plan.toml", rp.load_plan, rp.PlanFileError),
            ("holdings.csv", rp.load_holdings, rp.HoldingsFileError),
            ("events.csv", rp.load_events, rp.EventsFileError),
        ],
    )
    def test_a_link_to_dev_zero_is_refused(
        self, tmp_path: Path, name: str, load: object, error: type[Exception]
    ) -> None:
        """A file that never ends is refused once the limit is read, naming the file."""
        link = tmp_path / name
        link.symlink_to("/dev/zero")
        assert callable(load)
        with pytest.raises(error, match=rf"{name}: larger than 256 MiB"):
            load(link)


class TestYamlScalars:
    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("1:05", "1:05"),
            ("yes", "yes"),
            ("off", "off"),
            ("1_000", "1_000"),
            ("0b11", "0b11"),
            ("2003-11-24", "2003-11-24"),
            ("0o17", 15),
            ("0x1F", 31),
            ("-0", 0),
            ("20", 20),
            ("TRUE", True),
            ("tRue", "tRue"),
            ("~", None),
            ("'020'", "020"),
        ],
    )
    def test_core_schema(self, text: str, value: object) -> None:
        """A plain YAML scalar means what the YAML 1.2 core schema says, not YAML 1.1."""
        assert decode(f"key: {text}\n".encode(), "yaml") == {"key": value}

    @pytest.mark.parametrize("text", ["020", "010", "-07", "+09", "00"])
    def test_leading_zero_refused(self, text: str) -> None:
        """An integer written with a leading zero is refused, naming the line and the fix."""
        with pytest.raises(ParseError, match=r"line 2, column 4: .*leading zero.*write"):
            decode(f"a: 1\nb: {text}\n".encode(), "yaml")

    def test_repeated_key_in_a_nested_mapping(self) -> None:
        """A key repeated in a nested mapping names its line and the first one's."""
        text = "a:\n  b: 1\n  c: 2\n  b: 3\n"
        with pytest.raises(ParseError, match=r"line 4, .*'b' appears twice.*first on line 2"):
            decode(text.encode(), "yaml")

    @settings(max_examples=200)
    @given(st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12))
    @example("\x85")  # NEL, a line break to YAML, read back as a space when written plain
    @example("a\u2028b\u2029")
    def test_text_round_trips(self, text: str) -> None:
        """Any text written to YAML reads back as the same text (quoted where it must be)."""
        assert decode(encode({"key": text}, "yaml").encode(), "yaml") == {"key": text}


class TestJsonRepeatedKeys:
    @pytest.mark.parametrize(
        ("text", "where"),
        [
            ('{"a": 1, "a": 2}', "line 1, column 10: the key 'a' .*first at column 2"),
            ('[{"x": {}}, {"y": [1, {"b": 1,\n "b": 2}]}]', "line 2, column 2: .*'b'.*line 1"),
            ('{"a": {"b": 1, "b": 1}, "a": 2}', "line 1, column 16: the key 'b'"),
        ],
    )
    def test_first_repeat_located(self, text: str, where: str) -> None:
        """The first repeated key in reading order is named by its line and column."""
        with pytest.raises(ParseError, match=where):
            decode(text.encode(), "json")


class TestControlCharactersInPlanText:
    @pytest.mark.parametrize("char", ["\x1b", "\x07", "\x00", "\x7f", "\x9b", "\x85"])
    @pytest.mark.parametrize("field", ["company", "section", "quote", "note"])
    def test_refused_naming_the_field(self, char: str, field: str) -> None:
        """A control character in any plan text is refused with its path and code point."""
        values = {"company": "Acme", "section": "S1", "quote": "15% or more", "note": "n"}
        values[field] = f"A{char}[2J"
        provision = (
            f'{{kind = "set-threshold", percent = "15", comparison = "at-least", '
            f"section = {json.dumps(values['section'])}, quote = {json.dumps(values['quote'])}, "
            f"note = {json.dumps(values['note'])}}}"
        )
        text = (
            f"[agreement]\ncompany = {json.dumps(values['company'])}\ndated = 2010-01-01\n"
            f"provisions = [{provision}]\n"
        )
        with pytest.raises(rp.PlanFileError, match=rf"{field}: .*control character, U\+"):
            loads_plan(text, "toml")

    def test_tabs_and_line_breaks_stay(self) -> None:
        """Quotes may span lines and hold tabs, as filings do."""
        plan = loads_plan(
            '[agreement]\ncompany = "Acme"\ndated = 2010-01-01\nprovisions = [{kind = '
            '"set-threshold", percent = "15", comparison = "at-least", quote = "a\\tb\\r\\nc"}]\n',
            "toml",
        )
        assert plan.terms_at("2010-01-01").general.source.quote == "a\tb\r\nc"
