"""Reading a table row by row without pandas' per-row cost.

The stages hand each other small DataFrames (a few dozen rows) and read them
row by row. ``DataFrame.itertuples`` and ``to_dict("records")`` cost a
fraction of a millisecond per call, which over a corpus adds up to a
noticeable share of the analysis; these helpers convert the whole frame to
Python objects at once and give the same values (NumPy integers come back
as Python integers).
"""
from __future__ import annotations

from collections import namedtuple
from functools import lru_cache

import pandas as pd

from .output import table_values


@lru_cache(maxsize=128)
def _row_type(columns: tuple[str, ...]):
    return namedtuple("Row", columns, rename=True)


def tuples(df: pd.DataFrame) -> list:
    """The rows of ``df`` as named tuples, like ``df.itertuples(index=False)``."""
    kind = _row_type(tuple(str(c) for c in df.columns))
    return [kind._make(values) for values in _values(df)]


def records(df: pd.DataFrame) -> list[dict]:
    """The rows of ``df`` as dicts, like ``df.to_dict("records")`` (except that a missing
    nullable integer stays ``pd.NA`` instead of becoming ``None``)."""
    columns = list(df.columns)
    return [dict(zip(columns, values)) for values in _values(df)]


def _values(df: pd.DataFrame) -> list[list]:
    """Each row's values as Python objects (one conversion of the whole frame)."""
    return table_values(df)
