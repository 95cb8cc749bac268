"""Built-in example plans, encoded from their filings.

>>> import rightsplan as rp
>>> plan = rp.examples.innotrac()
>>> [a.name for a in plan.amendments]
['Amendment No. 1', 'Amendment No. 2', 'Amendment No. 3']
"""

from __future__ import annotations

from rightsplan.examples._innotrac import innotrac

__all__ = ["innotrac"]
