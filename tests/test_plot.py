"""The timeline picture: each holder's holding against its limit, amendments and triggers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pendulum
import pytest

import rightsplan as rp

EVENTS = (
    rp.OutstandingChanged(on="2003-07-31", outstanding=11_564_730),
    rp.PositionReported(on="2003-08-01", holder="IPOF Group", shares=2_362_788, passive=True),
    rp.Acquisition(on="2003-09-01", holder="Another Fund", shares=1_800_000),
)


class TestTimeline:
    history = rp.replay(rp.examples.innotrac(), EVENTS)

    def test_one_panel_per_holder_with_holding_and_limit(self) -> None:
        """Each holder gets a panel with its holding and its limit as step lines."""
        figure = rp.plot.timeline(self.history)
        assert len(figure.axes) == 2
        first = figure.axes[0]
        labels = [line.get_label() for line in first.get_lines()]
        assert "IPOF Group: holding (%)" in labels
        assert "limit in force (%)" in labels
        holding = next(
            line for line in first.get_lines() if str(line.get_label()).startswith("IPOF")
        )
        first_y = holding.get_ydata()[0]  # type: ignore[index]
        assert first_y == pytest.approx(20.431, abs=0.001)

    def test_triggers_and_amendments_are_marked(self) -> None:
        """Red markers at triggers and dotted lines at amendments in the range drawn."""
        # An Acquiring Person's periods no longer split at later amendments: draw to 2004.
        figure = rp.plot.timeline(self.history, ["Another Fund"], until=pendulum.Date(2004, 1, 2))
        (ax,) = figure.axes
        markers = [line for line in ax.get_lines() if line.get_marker() == "v"]
        assert len(markers) == 1
        texts = [t.get_text() for t in ax.texts]
        assert "Acquiring Person" in texts
        assert "Amendment No. 3" in texts

    def test_writes_an_image(self, tmp_path: Path) -> None:
        """With a path, the figure is written as a PNG."""
        path = tmp_path / "timeline.png"
        rp.plot.timeline(self.history, path=path)
        assert path.read_bytes().startswith(b"\x89PNG")

    def test_refuses_other_inputs(self) -> None:
        """Only a History from rightsplan.replay can be drawn."""
        with pytest.raises(rp.InputTypeError, match="history"):
            rp.plot.timeline(rp.examples.innotrac())  # type: ignore[call-overload]


class TestAxesAndDates:
    """timeline(..., ax=) draws on the caller's Axes and returns it; until takes any date."""

    history = rp.replay(
        rp.examples.innotrac(),
        [
            rp.OutstandingChanged(on="2003-07-31", outstanding=11_564_730),
            rp.PositionReported(on="2003-08-01", holder="IPOF Group", shares=2_362_788),
            rp.PositionReported(on="2003-09-01", holder="Other", shares=100_000),
        ],
    )

    @pytest.mark.parametrize(
        "until", ["2004-01-31", pendulum.Date(2004, 1, 31), dt.date(2004, 1, 31)]
    )
    def test_returns_the_axes_given(self, until: rp.DateLike) -> None:
        """Every holder is drawn on the Axes given, which is returned, ending at until."""
        from matplotlib.dates import num2date
        from matplotlib.figure import Figure

        ax = Figure().subplots()
        assert rp.plot.timeline(self.history, ax=ax, until=until) is ax
        labels = [line.get_label() for line in ax.get_lines()]
        assert "IPOF Group: holding (%)" in labels and "Other: holding (%)" in labels
        assert num2date(ax.get_xlim()[1]).date() == dt.date(2004, 1, 31)  # type: ignore[no-untyped-call]

    def test_a_bad_until_is_a_date_error(self) -> None:
        """until="31/01/2004" is an InvalidDateError naming until, not a TypeError."""
        with pytest.raises(rp.InvalidDateError, match="until"):
            rp.plot.timeline(self.history, until="31/01/2004")

    def test_ax_must_be_an_axes(self) -> None:
        """An ax that is not an Axes is refused, saying what was expected."""
        with pytest.raises(rp.InputTypeError, match="ax: expected a matplotlib Axes"):
            rp.plot.timeline(self.history, ax="left")  # type: ignore[call-overload]
