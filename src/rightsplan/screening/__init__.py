"""Screening at scale: many positions against many plans, exactly, in one vectorized pass.

The function is :func:`rightsplan.screen` (this package's :func:`screen`); this package holds
it, :func:`screen_parquet` for files larger than memory, and the engines.

>>> import polars as pl
>>> import rightsplan as rp
>>> positions = pl.DataFrame({
...     "issuer": ["INOC", "INOC"],
...     "holder": ["IPOF Group", "Another Fund"],
...     "date": ["2003-12-01", "2003-12-01"],
...     "shares": [2_800_500, 1_735_848],
...     "outstanding": [11_572_314, 11_572_314],
...     "passive": [True, False],
... })
>>> result = rp.screen({"INOC": rp.examples.innotrac()}, positions)
>>> result.select("holder", "status", "limit", "max_shares", "headroom").rows()
[('IPOF Group', 'clear', '40', 4628925, 1828425), ('Another Fund', 'triggered', '15', 1735847, -1)]
"""

from __future__ import annotations

from rightsplan.errors import MissingExtraError

try:
    from rightsplan.screening.api import screen, screen_parquet
except ModuleNotFoundError as error:  # polars, pyarrow or numba: the screen extra
    if error.name is None or error.name.startswith("rightsplan"):
        raise
    raise MissingExtraError("rightsplan.screen", "screen", error) from None

__all__ = ["screen", "screen_parquet"]
