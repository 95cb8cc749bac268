"""Screening at scale: many positions against many plans, exactly, in one vectorized pass.

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

import sys
import types
from typing import Any

from rightsplan.errors import MissingExtraError

try:
    from rightsplan.screen.api import screen, screen_parquet
except ModuleNotFoundError as error:  # polars, pyarrow or numba: the screen extra
    if error.name is None or error.name.startswith("rightsplan"):
        raise
    raise MissingExtraError("rightsplan.screen", "screen", error) from None

__all__ = ["screen", "screen_parquet"]


class _CallableModule(types.ModuleType):
    """``rightsplan.screen`` is both this package and the function :func:`screen`.

    Importing the package makes it the ``screen`` attribute of :mod:`rightsplan` (Python
    sets a package's submodules on it), so the module itself forwards calls to the function:
    ``rp.screen(plans, positions)`` works whichever of the two ``rp.screen`` names.
    """

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return screen(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
