"""Pictures of a replayed history: each holder's ownership against the limit in force for it.

Needs matplotlib (``pip install "rightsplan[plot]"``). Percentages are exact fractions
everywhere else in rightsplan; they become floats here only to be drawn.

>>> import rightsplan as rp
>>> history = rp.replay(rp.examples.innotrac(), [
...     rp.OutstandingChanged(on="2003-07-31", outstanding=11_564_730),
...     rp.PositionReported(on="2003-08-01", holder="IPOF Group", shares=2_362_788, passive=True),
... ])
>>> figure = rp.plot.timeline(history)
>>> figure.axes[0].get_title()
'Innotrac Corporation: ownership against the limit in force'

Given an Axes (``ax=``), the holders are drawn on it and it is returned, to compose with
other plots; ``until`` takes a date in any form rightsplan reads:

>>> from matplotlib.figure import Figure
>>> ax = Figure().subplots()
>>> rp.plot.timeline(history, ax=ax, until="2004-01-31") is ax
True
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

import pendulum

from rightsplan.dates import DateLike, to_date
from rightsplan.errors import InputTypeError, MissingExtraError
from rightsplan.history import History
from rightsplan.io._files import write_atomically
from rightsplan.percent import holding_percent

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["PlotUnavailableError", "timeline"]


class PlotUnavailableError(MissingExtraError):
    """matplotlib (the ``plot`` extra) is not installed."""


def _figure_class() -> type[Figure]:
    try:
        from matplotlib.figure import Figure
    except ImportError as error:
        raise PlotUnavailableError("rightsplan.plot", "plot", error) from None
    return Figure


@overload
def timeline(
    history: History,
    holders: Sequence[str] | None = None,
    *,
    until: DateLike | None = None,
    path: str | Path | None = None,
    ax: None = None,
) -> Figure: ...


@overload
def timeline(
    history: History,
    holders: Sequence[str] | None = None,
    *,
    until: DateLike | None = None,
    path: str | Path | None = None,
    ax: Axes,
) -> Axes: ...


def timeline(
    history: History,
    holders: Sequence[str] | None = None,
    *,
    until: DateLike | None = None,
    path: str | Path | None = None,
    ax: Axes | None = None,
) -> Figure | Axes:
    """Draw each holder's counted ownership over time as a step chart against its limit.

    ``holders`` picks whom to draw (default: everyone in the ledger). The limit line is the
    binding limit in force for each holder on each day; dotted vertical lines mark the
    plan's amendments and red markers the days holders became Acquiring Persons. ``until``
    is where the last step ends (default: a month after the last change), a date in any form
    :func:`rightsplan.to_date` reads (``"2004-01-31"``). Without ``ax``, a new Figure with one
    Axes per holder is returned; with ``ax`` (a matplotlib Axes), every holder is drawn on it
    and it is returned. With ``path``, the figure is also written there, atomically and under
    exactly that name (PNG, SVG or PDF, by extension; PNG when it has none).
    """
    if not isinstance(history, History):
        raise InputTypeError(f"history: expected a History from rightsplan.replay, got {history!r}")
    figure_class = _figure_class()
    if ax is not None and not hasattr(ax, "step"):
        raise InputTypeError(f"ax: expected a matplotlib Axes, got {ax!r}")
    names = list(holders) if holders is not None else list(history.holders())
    starts = [p.start for name in names for p in history.periods(name)]
    first = min(starts, default=history.plan.agreement.dated)
    last = max(starts, default=first)
    end = to_date(until, what="until") if until is not None else last.add(months=1)
    margin = max((end - first).in_days() // 20, 1)
    shown = [a for a in history.plan.amendments if first <= a.effective_date <= end]
    amendments = [a.effective_date for a in shown]

    figure: Figure | None
    if ax is None:
        figure = figure_class(figsize=(10, 1.0 + 2.2 * max(1, len(names))), layout="constrained")
        axes = list(figure.subplots(max(1, len(names)), 1, sharex=True, squeeze=False)[:, 0])
    else:
        figure = ax.get_figure(root=True)
        axes = [ax] * max(1, len(names))
    for index, (axis, name) in enumerate(zip(axes, names, strict=False)):
        _draw(axis, history, name, end, amendments, colour=index if ax is not None else 0)
    axes[0].set_title(f"{history.plan.company}: ownership against the limit in force")
    axes[0].set_xlim(first.subtract(days=margin), end)
    for day, amendment in zip(amendments, shown, strict=True):
        axes[0].annotate(
            amendment.name,
            (day, 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(3, -3),
            textcoords="offset points",
            rotation=90,
            fontsize=7,
            va="top",
            color="grey",
        )
    if path is not None:
        if figure is None:
            raise InputTypeError("path: the Axes given belongs to no figure, so none can be saved")
        # Drawn in memory, then written atomically: a reader never sees half a picture.
        picture = io.BytesIO()
        figure.savefig(picture, format=Path(path).suffix.lstrip(".").lower() or None)
        write_atomically(path, picture.getvalue())
    if ax is not None:
        return ax
    assert figure is not None
    return figure


_HELD = ("tab:blue", "tab:green", "tab:purple", "tab:brown", "tab:pink", "tab:cyan")
_LIMIT = ("tab:orange", "tab:olive", "tab:red", "tab:gray", "gold", "navy")


def _draw(
    ax: Any,  # an Axes: matplotlib's stubs do not know it takes dates, which it converts
    history: History,
    name: str,
    end: pendulum.Date,
    amendments: list[pendulum.Date],
    *,
    colour: int,
) -> None:
    """One holder's holding and limit, amendments and triggers, on ``ax``."""
    xs: list[pendulum.Date] = []
    held: list[float] = []
    limits: list[float | None] = []
    for period in history.periods(name):
        standing = period.status
        xs.append(period.start)
        counted = standing.counted
        held.append(float(holding_percent(counted.shares, counted.outstanding)) if counted else 0.0)
        limits.append(float(standing.limit.percent) if standing.limit is not None else None)
    if not xs:
        return
    xs.append(end)
    held.append(held[-1])
    limits.append(limits[-1])
    ax.step(xs, held, where="post", label=f"{name}: holding (%)", color=_HELD[colour % 6])
    ax.step(
        xs,
        [limit if limit is not None else float("nan") for limit in limits],
        where="post",
        linestyle="--",
        color=_LIMIT[colour % 6],
        label="limit in force (%)" if colour == 0 else f"{name}: limit in force (%)",
    )
    for day in amendments:
        ax.axvline(day, color="grey", linestyle=":", linewidth=1)
    for trigger in history.triggers():
        if name == trigger.label or name in trigger.holders:
            ax.plot([trigger.on], [float(trigger.limit.percent)], "rv")
            ax.annotate(
                "Acquiring Person",
                (trigger.on, float(trigger.limit.percent)),
                textcoords="offset points",
                xytext=(4, 6),
                color="tab:red",
                fontsize=8,
            )
    ax.set_ylabel("% of shares")
    ax.legend(loc="best", fontsize=8)
    ax.grid(True, axis="y", alpha=0.3)
