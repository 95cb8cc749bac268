"""Plan files: the schema, round trips in every format, and the shipped Innotrac plan."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rightsplan as rp
from rightsplan.amendments import CHANGE_KINDS
from rightsplan.io import dumps_plan, loads_plan, toml_writer
from rightsplan.io.formats import Format
from rightsplan.io.schema import KIND_NAMES, change_fields
from tests.strategies import plans

ROOT = Path(__file__).resolve().parent.parent
FORMATS: tuple[Format, ...] = ("toml", "yaml", "json")
ACQUIRING_PERSON = "Section 1 (definition of Acquiring Person)"


def _agreement(*provisions: rp.Change) -> rp.RightsAgreement:
    return rp.RightsAgreement(
        company="Example Corp",
        dated="2009-01-01",
        provisions=(
            rp.SetThreshold(percent="4.99", comparison=rp.Comparison.AT_LEAST),
            *provisions,
        ),
    )


def _every_kind_plan() -> rp.Plan:
    """A plan that uses every change kind, with every optional field set off its default."""
    agreement = _agreement(
        rp.SetPassiveTier(percent="33 1/3", comparison=rp.Comparison.MORE_THAN),
        rp.AddException(
            holder="Alpha Capital",
            members=("Alpha Fund", "Alpha GP"),
            percent=20,
            comparison=rp.Comparison.MORE_THAN,
            requires_passive=False,
            section="Section 1(a)",
            quote='"Exempt" \\ with a tab\tand a newline\n',
            note="ünïcødé — “quotes”",
        ),
        rp.AddExemptPerson(name="the United States", category=rp.HolderKind.GOVERNMENT),
        rp.AddExemptPerson(name="Beta Partners LP"),
        rp.SetExpiration(date="2012-01-01"),
        rp.AppointRightsAgent(name="Computershare"),
        rp.SetOwnershipRules(
            derivatives_counted=True,
            rights_to_acquire=rp.RightsToAcquire.ALL,
            buyback_tolerance="0.5",
            sticky=False,
        ),
        rp.SetGrandfathering(
            tolerance_percent="0.5",
            tolerance_comparison=rp.Comparison.MORE_THAN,
            measured_from=rp.GrandfatherBase.LOWEST_SINCE,
            cap_percent="9.99",
            cap_comparison=rp.Comparison.AT_LEAST,
            lapses_below_threshold=True,
        ),
        rp.SetDistributionRule(days=10, business_days=False),
        rp.OtherChange(description="certain other particulars"),
    )
    amendments = (
        rp.Amendment(
            number=1,
            executed="2010-03-01",
            authorized="2010-02-26",
            effective="2010-03-02",
            title="First Amendment",
            document="Form 8-K, Exhibit 4.1",
            note="a note",
            changes=(
                rp.SetThreshold(percent="4.9", comparison=rp.Comparison.AT_LEAST),
                rp.ReplaceException(
                    holder="Alpha Capital",
                    percent="25",
                    comparison=rp.Comparison.AT_LEAST,
                    requires_passive=True,
                ),
                rp.RemoveExemptPerson(name="Beta Partners LP"),
                rp.RemovePassiveTier(),
            ),
        ),
        rp.Amendment(
            number=2,
            executed="2011-01-01",
            changes=(rp.RemoveException(holder="Alpha Capital"), rp.Redeem(price="0.001")),
        ),
    )
    return rp.Plan(agreement, amendments)


class TestSchema:
    def test_kind_names(self) -> None:
        """Each change kind is written as its class name in kebab case."""
        assert KIND_NAMES[rp.SetThreshold] == "set-threshold"
        assert KIND_NAMES[rp.AddExemptPerson] == "add-exempt-person"
        assert KIND_NAMES[rp.OtherChange] == "other-change"
        assert len(set(KIND_NAMES.values())) == len(CHANGE_KINDS)

    def test_fields_come_from_the_model(self) -> None:
        """A kind's keys are its attrs fields, its own first, then section, quote and note."""
        names = [spec.name for spec in change_fields(rp.AddException)]
        assert names == [
            "holder",
            "percent",
            "comparison",
            "requires_passive",
            "members",
            "share_cap",
            "proviso",
            "lapse",
            "section",
            "quote",
            "note",
        ]

    def test_every_kind_is_documented(self) -> None:
        """docs/plan-files.md names every kind and every one of its keys."""
        docs = (ROOT / "docs" / "plan-files.md").read_text("utf-8")
        for kind, name in KIND_NAMES.items():
            assert f"`{name}`" in docs
            for spec in change_fields(kind):
                assert f"`{spec.name}`" in docs


class TestRoundTrip:
    @pytest.mark.parametrize("fmt", FORMATS)
    def test_share_caps_members_and_provisos(self, fmt: Format) -> None:
        """An exemption with members and a share cap, an exception's proviso, read back equal."""
        text = """
[agreement]
company = "Enzon Pharmaceuticals, Inc."
dated = 2014-05-01
[[agreement.provisions]]
kind = "set-threshold"
percent = "4.99"
comparison = "at-least"
[[agreement.provisions]]
kind = "add-exception"
holder = "IPOF Group"
percent = "40"
comparison = "more-than"
requires_passive = true
share_cap = 3000000
proviso = "ceases to hold ... without any intention of changing or influencing control"
[[amendments]]
number = 1
executed = 2016-02-22
[[amendments.changes]]
kind = "add-exempt-person"
name = "Renaissance"
members = ["Renaissance Technologies LLC", "Renaissance Technologies Holdings Corporation"]
share_cap = 3501585
"""
        plan = loads_plan(text, "toml")
        exemption = plan.terms_at("2016-02-22").exemption_for(
            "Renaissance Technologies LLC", rp.HolderKind.OTHER
        )
        assert exemption is not None and exemption.share_cap == 3_501_585
        assert loads_plan(dumps_plan(plan, fmt), fmt) == plan

    def test_a_bad_share_cap_names_its_field(self) -> None:
        """A share cap of zero is refused with its field path."""
        text = """
[agreement]
company = "X"
dated = 2014-05-01
[[agreement.provisions]]
kind = "set-threshold"
percent = "4.99"
comparison = "at-least"
[[agreement.provisions]]
kind = "add-exempt-person"
name = "Renaissance"
share_cap = 0
"""
        with pytest.raises(rp.PlanFileError, match=r"agreement\.provisions\[1\]\.share_cap"):
            loads_plan(text, "toml", name="enzon.toml")

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_instrument_kinds(self, fmt: Format) -> None:
        """Selectica's exchange and restatement read back with their kinds, in every format."""
        plan = rp.load_plan(ROOT / "examples" / "selectica" / "plan.toml")
        text = dumps_plan(plan, fmt)
        assert "amended-and-restated" in text
        assert "exchange-rights" in text
        assert loads_plan(text, fmt) == plan

    @pytest.mark.parametrize("fmt", FORMATS)
    @settings(max_examples=40)
    @given(plan=plans())
    def test_generated_plans(self, fmt: Format, plan: rp.Plan) -> None:
        """Every generated plan reads back equal from its own plan file, in every format."""
        assert loads_plan(dumps_plan(plan, fmt), fmt) == plan

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_every_kind_and_field(self, fmt: Format) -> None:
        """A plan using every kind and optional field reads back equal, in every format."""
        plan = _every_kind_plan()
        assert loads_plan(dumps_plan(plan, fmt), fmt) == plan

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_dump_then_load(self, fmt: Format, tmp_path: Path) -> None:
        """dump_plan writes a file load_plan reads back equal, leaving no temporary file."""
        path = tmp_path / f"plan.{fmt}"
        rp.dump_plan(rp.examples.innotrac(), path)
        assert rp.load_plan(path) == rp.examples.innotrac()
        assert [p.name for p in tmp_path.iterdir()] == [path.name]

    def test_percent_written_as_strings(self) -> None:
        """Percentages are written as exact strings, never floats; prices as decimal strings."""
        text = dumps_plan(_every_kind_plan(), "toml")
        assert 'percent = "33 1/3"' in text
        assert 'price = "0.001"' in text
        data = tomllib.loads(text)
        assert data["agreement"]["provisions"][0]["percent"] == "4.99"

    def test_dump_refuses_unknown_extension(self, tmp_path: Path) -> None:
        """dump_plan refuses an extension that names no format, and writes nothing."""
        with pytest.raises(rp.PlanFileError, match=r"plan\.txt: cannot tell the format"):
            rp.dump_plan(rp.examples.innotrac(), tmp_path / "plan.txt")
        assert not list(tmp_path.iterdir())


class TestTomlWriter:
    @given(
        st.dictionaries(
            st.text(min_size=1),
            st.one_of(st.text(), st.integers(), st.booleans(), st.lists(st.text())),
        )
    )
    def test_scalars_round_trip(self, table: dict[str, object]) -> None:
        """Any text (quotes, backslashes, control characters), integer or flag reads back."""
        assert tomllib.loads(toml_writer.dumps({"t": table})) == {"t": table}

    def test_arrays_of_tables(self) -> None:
        """Nested arrays of tables are written as [[a]] and [[a.b]] headers."""
        data = {"a": [{"x": 1, "b": [{"y": "z"}, {"y": "w"}]}, {"x": 2}]}
        text = toml_writer.dumps(data)
        assert "[[a.b]]" in text
        assert tomllib.loads(text) == data


class TestInnotrac:
    def test_shipped_plan_is_the_example(self) -> None:
        """examples/innotrac/plan.toml describes exactly rp.examples.innotrac()."""
        assert rp.load_plan(ROOT / "examples" / "innotrac" / "plan.toml") == rp.examples.innotrac()

    def test_ipof_cap_from_the_file(self) -> None:
        """The file's Amendment No. 3 gives IPOF "more than 40%" from 2003-11-24."""
        plan = rp.load_plan(ROOT / "examples" / "innotrac" / "plan.toml")
        exception = plan.terms_at("2003-11-24").exception_for("IPOF Group")
        assert exception is not None
        assert (exception.cap.percent, exception.cap.comparison) == (
            Fraction(40),
            rp.Comparison.MORE_THAN,
        )
        assert exception.source.section == ACQUIRING_PERSON


class TestReading:
    def test_integer_and_string_percents(self) -> None:
        """A percent may be an integer or a string; both are exact."""
        text = (
            '[agreement]\ncompany = "X"\ndated = "2000-01-01"\n'
            '[[agreement.provisions]]\nkind = "set-threshold"\npercent = 15\n'
            'comparison = "at-least"\n'
            '[[agreement.provisions]]\nkind = "set-passive-tier"\npercent = "20.5"\n'
            'comparison = "more-than"\n'
        )
        plan = loads_plan(text, "toml")
        terms = plan.terms_at("2000-01-01")
        assert terms.general.percent == 15
        assert terms.passive is not None and terms.passive.percent == Fraction("20.5")

    def test_every_problem_at_once(self) -> None:
        """The loader reports every problem of a file together, each with its field path."""
        text = (
            '{"agreement": {"company": 1, "dated": "1997-12-32", "provisions": ['
            '{"kind": "set-threshold", "percent": [15.5], "comparison": "at-most"}]},'
            ' "amendmends": []}'
        )
        with pytest.raises(rp.PlanFileError) as caught:
            loads_plan(text, "json", name="plan.json")
        problems = caught.value.problems
        assert len(problems) == 5
        assert all(problem.startswith("plan.json: ") for problem in problems)
        joined = "\n".join(problems)
        for path in (
            "amendmends",
            "agreement.company",
            "agreement.dated",
            "agreement.provisions[0].percent",
            "agreement.provisions[0].comparison",
        ):
            assert f"plan.json: {path}: " in joined

    @pytest.mark.parametrize("fmt", ["toml", "json"])
    @given(
        percent=st.decimals(min_value=1, max_value=100, places=6, allow_nan=False),
        price=st.decimals(min_value=0, max_value=10, places=8, allow_nan=False),
    )
    def test_decimal_literals_read_exactly(
        self, fmt: Format, percent: Decimal, price: Decimal
    ) -> None:
        """A TOML or JSON percent 4.99 or price 0.001 is the exact decimal of its text."""
        literal = format(percent, "f")
        if fmt == "toml":
            text = (
                '[agreement]\ncompany = "X"\ndated = 2000-01-01\n'
                f'[[agreement.provisions]]\nkind = "set-threshold"\npercent = {literal}\n'
                'comparison = "at-least"\n'
                "[[amendments]]\nnumber = 1\nexecuted = 2001-01-01\n"
                f'[[amendments.changes]]\nkind = "redeem"\nprice = {format(price, "f")}\n'
            )
        else:
            text = (
                '{"agreement": {"company": "X", "dated": "2000-01-01", "provisions": '
                f'[{{"kind": "set-threshold", "percent": {literal}, "comparison": "at-least"}}]}},'
                ' "amendments": [{"number": 1, "executed": "2001-01-01", "changes": '
                f'[{{"kind": "redeem", "price": {format(price, "f")}}}]}}]}}'
            )
        plan = loads_plan(text, fmt)
        assert plan.terms_at("2000-06-01").general.percent == Fraction(literal)
        assert plan.amendments[0].changes[0].price == price  # type: ignore[attr-defined]

    def test_yaml_float_percent_is_refused(self) -> None:
        """YAML reads 4.99 as a binary float, so there it is refused with the string to write."""
        text = (
            "agreement:\n  company: X\n  dated: 2000-01-01\n  provisions:\n"
            "    - {kind: set-threshold, percent: 4.99, comparison: at-least}\n"
        )
        refused = r'4\.99 \(a float\); write it as a string: "4\.99"'
        with pytest.raises(rp.PlanFileError, match=refused):
            loads_plan(text, "yaml")

    def test_decimal_price_reads_exactly(self) -> None:
        """A price string reads as the exact Decimal."""
        plan = _every_kind_plan()
        again = loads_plan(dumps_plan(plan, "json"), "json")
        redeem = again.amendments[1].changes[1]
        assert isinstance(redeem, rp.Redeem) and redeem.price == Decimal("0.001")

    def test_plan_file_error_is_a_value_error(self) -> None:
        """PlanFileError is a RightsPlanError and a ValueError, with .path and .problems."""
        with pytest.raises(ValueError, match="empty") as caught:
            loads_plan(b"", "toml", name="p.toml")
        assert isinstance(caught.value, rp.RightsPlanError)
        assert isinstance(caught.value, rp.PlanFileError)
        assert caught.value.path == "p.toml"
        assert len(caught.value.problems) == 1


class TestOrigin:
    """A plan read from a file remembers it, and errors found replaying the plan name it."""

    @staticmethod
    def _huge_rule(tmp_path: Path) -> Path:
        text = (ROOT / "examples" / "innotrac" / "plan.toml").read_text(encoding="utf-8")
        head, sep, rest = text.partition("\n[[agreement.provisions]]")
        rule = 'kind = "set-distribution-rule"\ndays = 99999999999\nsection = "Section 3(a)"'
        path = tmp_path / "plan.toml"
        path.write_text(f"{head}\n[[agreement.provisions]]\n{rule}\n{sep}{rest}", "utf-8")
        return path

    def test_load_plan_sets_the_origin(self) -> None:
        """load_plan records the file; equality ignores it; a plan built in Python has none."""
        path = ROOT / "examples" / "innotrac" / "plan.toml"
        plan = rp.load_plan(path)
        assert plan.origin == str(path)
        assert plan == rp.examples.innotrac()
        assert rp.examples.innotrac().origin is None
        assert loads_plan(path.read_text(encoding="utf-8"), "toml", name="x.toml").origin == (
            "x.toml"
        )

    def test_replay_errors_name_the_file(self, tmp_path: Path) -> None:
        """An error the plan causes while replayed against events begins with its file."""
        path = self._huge_rule(tmp_path)
        plan = rp.load_plan(path)
        events = rp.load_events(ROOT / "examples" / "innotrac" / "events.csv")
        with pytest.raises(rp.PlanHistoryError) as caught:
            rp.replay(plan, events)
        message = str(caught.value)
        assert message.startswith(f"{path}: distribution rule (")
        assert message.count(str(path)) == 1
        # The same plan built in Python: the error names the instrument, no file.
        built = rp.Plan(plan.agreement, plan.amendments)
        with pytest.raises(rp.PlanHistoryError, match=r"^distribution rule \("):
            rp.replay(built, events)

    def test_history_command_names_the_file_once(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`rightsplan history` shows the plan file once, then the amendment at fault."""
        from rightsplan.cli import main

        path = self._huge_rule(tmp_path)
        events = str(ROOT / "examples" / "innotrac" / "events.csv")
        assert main(["history", str(path), events]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"rightsplan: error: {path}: distribution rule (")
        assert err.count(str(path)) == 1

    def test_a_non_text_origin_is_refused(self) -> None:
        """A plan's origin is a file's name or None."""
        with pytest.raises(rp.InputTypeError, match="origin"):
            rp.Plan(rp.examples.innotrac().agreement, origin=3)
