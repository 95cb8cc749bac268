"""Files in and out: plan files, holdings files and events files.

Plan files are TOML, YAML or JSON; holdings files CSV or JSON lines; events files (an
ownership ledger) CSV, JSON or JSON lines.

>>> import rightsplan as rp
>>> plan = rp.load_plan("examples/innotrac/plan.toml")
>>> [h.position.holder for h in rp.load_holdings("examples/innotrac/holdings.csv")][:2]
['IPOF Group', 'IPOF Group']
"""

from __future__ import annotations

from rightsplan.io.events import dump_events, dumps_events, load_events, loads_events
from rightsplan.io.holdings import Holding, load_holdings, loads_holdings
from rightsplan.io.plans import dump_plan, dumps_plan, load_plan, loads_plan

__all__ = [
    "Holding",
    "dump_events",
    "dump_plan",
    "dumps_events",
    "dumps_plan",
    "load_events",
    "load_holdings",
    "load_plan",
    "loads_events",
    "loads_holdings",
    "loads_plan",
]
