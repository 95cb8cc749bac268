"""What a report says of an intention of changing or influencing control (Item 4, the form)."""

from __future__ import annotations

import pendulum
import pytest

import rightsplan as rp
from rightsplan.reports import parse_report, stated_intent
from tests.reports_render import DrawnPerson, DrawnReport, render_text


def report(
    form: str, purpose: str | None = None, rule: str | None = "13d-1(c)"
) -> rp.reports.Report:
    drawn = DrawnReport(
        form, 0, "Target Inc.", "123456789", pendulum.Date(2021, 6, 1),
        rule if form == "13G" else None,
        (DrawnPerson("Fund", None, 1_000, 0, 1_000, 0, 1_000, "10.0", "PN"),),
    )  # fmt: skip
    text = render_text(drawn)
    if purpose is not None:
        text += (
            f"\n\nItem 4.  Purpose of Transaction.\n\n      {purpose}\n\n"
            "Item 5.  Interest in Securities of the Issuer.\n\n      None.\n"
        )
    return parse_report(text, name=f"{form}.txt")


class TestStatedIntent:
    @pytest.mark.parametrize("rule", ["13d-1(b)", "13d-1(c)"])
    def test_13g_under_b_or_c_is_passive(self, rule: str) -> None:
        """A 13G under Rule 13d-1(b) or (c) is filed without intent to change control.

        The rule box is the quote relied on.
        """
        intent = stated_intent(report("13G", rule=rule))
        assert intent.passive is True
        assert intent.quote is not None and intent.quote.quote == f"Rule {rule}"

    def test_13g_under_d_does_not_settle_it(self) -> None:
        """A 13G under Rule 13d-1(d) is filed whatever the intent: not settled, and why."""
        intent = stated_intent(report("13G", rule="13d-1(d)"))
        assert intent.passive is None
        assert "whatever its intent" in intent.why

    def test_13g_stating_no_rule_is_passive_by_its_form(self) -> None:
        """A 13G whose cover states no rule is taken at its form's word, and says so."""
        intent = stated_intent(report("13G", rule=None))
        assert intent.passive is True
        assert "states no rule" in intent.why

    def test_13d_without_item_4_does_not_settle_it(self) -> None:
        """A 13D with no Item 4 leaves the intent open, and says so."""
        intent = stated_intent(report("13D"))
        assert intent.passive is None
        assert "states no Item 4" in intent.why

    def test_disclaimer_is_passive_and_quoted(self) -> None:
        """Item 4 denying an intention of changing or influencing control: passive, quoted."""
        sentence = (
            "The Reporting Persons acquired the Shares for investment and have no intention "
            "of changing or influencing control of the Issuer."
        )
        found = report("13D", sentence)
        intent = stated_intent(found)
        assert intent.passive is True
        assert intent.quote is not None
        assert found.text[intent.quote.start : intent.quote.end] == sentence
        assert "disclaims" in intent.why

    def test_stated_intention_is_active(self) -> None:
        """Item 4 stating an intention to influence control: active."""
        intent = stated_intent(report("13D", "The Reporting Persons intend to seek to "
                                      "influence control of the Issuer."))  # fmt: skip
        assert intent.passive is False

    @pytest.mark.parametrize(
        "purpose",
        [
            "The Reporting Persons have not determined whether to seek to change control of "
            "the Issuer.",
            "The Shares were bought for investment.",
            "The Reporting Persons have no present plans that would result in a change in "
            "control of the Issuer.",
        ],
    )
    def test_hedged_or_silent_item_4_does_not_settle_it(self, purpose: str) -> None:
        """A hedge, silence, or Item 4(j)'s "change in control" leave the intent open."""
        assert stated_intent(report("13D", purpose)).passive is None

    def test_not_a_report_is_refused(self) -> None:
        """Anything but a Report is a TypeError."""
        with pytest.raises(TypeError, match="expected a Report"):
            stated_intent("13D")  # type: ignore[arg-type]
