"""Files in and out: plan files (TOML, YAML, JSON) and holdings files (CSV, JSON lines).

>>> import rightsplan as rp
>>> plan = rp.load_plan("examples/innotrac/plan.toml")
>>> [h.position.holder for h in rp.load_holdings("examples/innotrac/holdings.csv")][:2]
['IPOF Group', 'IPOF Group']
"""

from __future__ import annotations

from rightsplan.io.holdings import Holding, load_holdings, loads_holdings
from rightsplan.io.plans import dump_plan, dumps_plan, load_plan, loads_plan

__all__ = [
    "Holding",
    "dump_plan",
    "dumps_plan",
    "load_holdings",
    "load_plan",
    "loads_holdings",
    "loads_plan",
]
