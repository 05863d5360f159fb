"""Tables as the stages hand them on: rows first, a DataFrame only for a reader who wants one.

A stage makes its table as rows (dicts or tuples) and wraps them in a
:class:`Table`. The next stages read the rows back with :func:`tuples`,
:func:`records` and :func:`column`, and ``python -m analysis extract``
writes its part files from :meth:`Table.values` and :meth:`Table.dtypes`:
neither builds a DataFrame. :meth:`Table.frame` builds it, once, exactly as
``pd.DataFrame(rows, columns=...)`` does, for the notebooks and the
:class:`~analysis.pipeline.Analysis` attributes. (Building the small
DataFrames of one article, with pandas' Arrow-backed string columns, cost
about as much as all the rules of a stage; see ``benchmarks/analysis_time.py``.)

Whatever reads a table sees the values the DataFrame would give, as
:func:`analysis.output.table_values` reads them: a missing text is ``nan``,
an integer in a column with fractions is a float, and so on. For the column
types the stages make (texts, integers, fractions, booleans, each possibly
missing) :class:`Table` works them out itself, by pandas' rules; for any
other column it builds the DataFrame and reads it.

The helpers also take a DataFrame, so a caller may pass either.
"""
from __future__ import annotations

import math
from collections import namedtuple
from functools import lru_cache
from typing import Iterable, Sequence

import pandas as pd

from .output import table_values

_NONE = type(None)
_INT64 = (-(2**63), 2**63 - 1)


@lru_cache(maxsize=1)
def _str_dtype():
    """The dtype pandas gives a column of texts (``str``, Arrow-backed, ``nan`` for missing)."""
    return pd.Series(["a"]).dtype


@lru_cache(maxsize=1)
def _plain_dtypes() -> dict:
    import numpy as np

    return {"int64": np.dtype("int64"), "float64": np.dtype("float64"), "bool": np.dtype("bool")}


class Table:
    """One table of one article: its rows, and the DataFrame made from them when first asked for.

    ``rows`` are dicts (read by column name) or sequences (in column order),
    as ``pd.DataFrame(rows, columns=columns)`` takes them; they are copied
    at once, so changing them later does not change the table. ``casts``
    gives a column a dtype the rows do not infer (``{"score": "Int64"}``),
    set as ``df[col] = pd.array(values, dtype=dtype)`` would.
    """

    __slots__ = ("columns", "_rows", "casts", "_frame", "_plain")

    def __init__(self, rows: Iterable, columns: Sequence[str], casts: dict[str, str] | None = None) -> None:
        self.columns = tuple(columns)
        self.casts = dict(casts or {})
        self._frame: pd.DataFrame | None = None
        self._plain: tuple[tuple, list[list]] | None = None
        rows = list(rows)
        if rows and isinstance(rows[0], dict):
            try:
                rows = [tuple([r[c] for c in self.columns]) for r in rows]
            except KeyError:  # a row without a column: pandas fills it in
                self._frame = self._make(rows)
                rows = None
        else:
            rows = [tuple(r) for r in rows]
        self._rows = rows

    @classmethod
    def of(cls, df: pd.DataFrame) -> "Table":
        """A table holding a DataFrame that is already made (read from it)."""
        table = cls.__new__(cls)
        table.columns = tuple(df.columns)
        table.casts = {}
        table._frame = df
        table._plain = None
        table._rows = None
        return table

    def __getstate__(self) -> tuple:
        # what is made from the rows is made again where it is needed (a table goes to
        # the main process with its article's network)
        return self.columns, self._rows, self.casts, self._frame if self._rows is None else None

    def __setstate__(self, state: tuple) -> None:
        self.columns, self._rows, self.casts, self._frame = state
        self._plain = None

    def __len__(self) -> int:
        return len(self._rows) if self._rows is not None else len(self._frame)

    @property
    def empty(self) -> bool:
        return len(self) == 0

    def _make(self, rows) -> pd.DataFrame:
        df = pd.DataFrame(rows, columns=list(self.columns))
        for col, dtype in self.casts.items():
            k = self.columns.index(col)
            df[col] = pd.array([r[col] if isinstance(r, dict) else r[k] for r in rows], dtype=dtype)
        return df

    def frame(self) -> pd.DataFrame:
        """The table as a DataFrame (made once; the same object each time)."""
        if self._frame is None:
            self._frame = self._make(self._rows)
        return self._frame

    def dtypes(self) -> tuple:
        """The dtype of each column, as :meth:`frame` has them."""
        return self._read()[0]

    def values(self) -> list[list]:
        """Each row as a list of Python objects, as :func:`analysis.output.table_values` reads :meth:`frame`."""
        return self._read()[1]

    def _read(self) -> tuple[tuple, list[list]]:
        if self._plain is None:
            plain = self._infer() if self._frame is None else None
            if plain is None:
                df = self.frame()
                plain = (tuple(df.dtypes), table_values(df))
            self._plain = plain
        return self._plain

    def _infer(self) -> tuple[tuple, list[list]] | None:
        """Dtypes and values by pandas' rules, for the column types the stages make; None for any other."""
        rows = self._rows
        if not rows:
            return (_empty_dtypes(self.columns), []) if not self.casts else None
        dtypes, columns = [], []
        for k, (name, values) in enumerate(zip(self.columns, zip(*rows))):
            kinds = set(map(type, values))
            cast = self.casts.get(name)
            if cast is not None:
                if cast != "Int64" or not kinds <= {int, _NONE}:
                    return None
                dtypes.append(pd.Int64Dtype())
                columns.append([pd.NA if v is None else v for v in values])
            elif kinds <= {str, _NONE} and str in kinds:
                dtypes.append(_str_dtype())
                columns.append(values if _NONE not in kinds else [math.nan if v is None else v for v in values])
            elif kinds == {int}:
                if min(values) < _INT64[0] or max(values) > _INT64[1]:
                    return None
                dtypes.append(_plain_dtypes()["int64"])
                columns.append(values)
            elif kinds == {bool}:
                dtypes.append(_plain_dtypes()["bool"])
                columns.append(values)
            elif float in kinds and kinds <= {int, float}:
                if any(type(v) is int and not _INT64[0] <= v <= _INT64[1] for v in values):
                    return None  # pandas keeps an integer past int64 as an object, not a float
                dtypes.append(_plain_dtypes()["float64"])
                columns.append(values if kinds == {float} else [float(v) for v in values])
            else:
                return None
        if len(columns) != len(self.columns):
            return None
        return tuple(dtypes), [list(r) for r in zip(*columns)]


@lru_cache(maxsize=64)
def _empty_dtypes(columns: tuple[str, ...]) -> tuple:
    return tuple(pd.DataFrame([], columns=list(columns)).dtypes)


class TableField:
    """A field of a (frozen) dataclass that holds a table: set from a DataFrame or a
    :class:`Table`, read as a DataFrame (made on first read).

    The object keeps the :class:`Table` under the field's name in its
    ``__dict__`` (see :func:`rows_of`). The field has no default (its class
    access raises ``AttributeError``, as :mod:`dataclasses` asks of a
    descriptor without one), so the dataclass's constructor,
    ``dataclasses.replace`` and the field order are as with a plain field.
    """

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, obj, owner=None) -> pd.DataFrame:
        if obj is None:
            raise AttributeError(self.name)
        return obj.__dict__[self.name].frame()

    def __set__(self, obj, value: "Table | pd.DataFrame") -> None:
        obj.__dict__[self.name] = as_table(value)


def rows_of(obj, name: str) -> Table:
    """The :class:`Table` behind the :class:`TableField` ``name`` of ``obj``."""
    return obj.__dict__[name]


def as_frame(table: "Table | pd.DataFrame") -> pd.DataFrame:
    """The table as a DataFrame."""
    return table.frame() if isinstance(table, Table) else table


def as_table(table: "Table | pd.DataFrame") -> Table:
    """The table as a :class:`Table`."""
    return table if isinstance(table, Table) else Table.of(table)


@lru_cache(maxsize=128)
def _row_type(columns: tuple[str, ...]):
    return namedtuple("Row", columns, rename=True)


def tuples(table: "Table | pd.DataFrame") -> list:
    """The rows as named tuples, like ``df.itertuples(index=False)``."""
    kind = _row_type(tuple(str(c) for c in _columns(table)))
    return [kind._make(values) for values in _values(table)]


def records(table: "Table | pd.DataFrame") -> list[dict]:
    """The rows as dicts, like ``df.to_dict("records")`` (except that a missing
    nullable integer stays ``pd.NA`` instead of becoming ``None``)."""
    columns = list(_columns(table))
    return [dict(zip(columns, values)) for values in _values(table)]


def column(table: "Table | pd.DataFrame", name: str) -> list:
    """One column's values, like ``df[name].tolist()``."""
    if isinstance(table, Table):
        k = table.columns.index(name)
        return [row[k] for row in table.values()]
    return table[name].tolist()


def _columns(table) -> tuple:
    return table.columns if isinstance(table, Table) else tuple(table.columns)


def _values(table) -> list[list]:
    """Each row's values as Python objects (one conversion of the whole table)."""
    return table.values() if isinstance(table, Table) else table_values(table)
