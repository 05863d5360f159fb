"""analysis.frames: a table handed on as rows reads exactly as the DataFrame made from them.

The stages and ``extract`` read a :class:`Table` without making its
DataFrame; the notebooks read the DataFrame. Both must see the same dtypes,
values and CSV text, or the published tables would depend on who asked.
"""
from __future__ import annotations

import dataclasses
import math
import pickle

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.frames import Table, column, records, tuples
from analysis.output import csv_rows, table_values
from analysis.pipeline import article_rows
from analysis.scale import part_bytes

COLUMNS = ("a", "b", "c")

_cells = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.text(max_size=5),
    st.floats(allow_nan=True, allow_infinity=True),
)
# a column of one kind, with some cells missing, as the stages make them; or anything at all
_kinds = [
    st.one_of(st.text(max_size=5), st.none()), st.integers(-(2**40), 2**40), st.booleans(),
    st.one_of(st.integers(-100, 100), st.floats(allow_nan=False, width=32)),
    st.one_of(st.integers(-100, 100), st.none()), _cells,
]


@st.composite
def _rows(draw):
    kinds = [draw(st.sampled_from(_kinds)) for _ in COLUMNS]
    n = draw(st.integers(0, 6))
    rows = [tuple(draw(k) for k in kinds) for _ in range(n)]
    if draw(st.booleans()):
        return [dict(zip(COLUMNS, r)) for r in rows]
    return rows


def _same(x, y) -> bool:
    """Equal values of the same type, ``nan`` equal to ``nan``."""
    if type(x) is not type(y):
        return False
    if isinstance(x, float) and math.isnan(x):
        return math.isnan(y)
    if isinstance(x, list):
        return len(x) == len(y) and all(_same(a, b) for a, b in zip(x, y))
    return x is y or x == y


def _check(table: Table, frame: pd.DataFrame) -> None:
    assert table.dtypes() == tuple(frame.dtypes)
    assert _same(table.values(), table_values(frame))
    if len(frame):
        assert csv_rows(frame) == csv_rows(frame, table.values())


@settings(max_examples=300, deadline=None)
@given(_rows())
def test_a_table_reads_as_the_dataframe_of_its_rows(rows):
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    table = Table(rows, COLUMNS)
    _check(table, frame)
    pd.testing.assert_frame_equal(table.frame(), frame)
    assert _same([list(r) for r in tuples(table)], [list(r) for r in tuples(frame)])
    assert _same(column(table, "b"), frame["b"].tolist())


def test_a_cast_column_reads_as_the_cast_dataframe():
    for scores in ([1, -2, 0], [], [None, 2]):
        rows = [{"a": "x", "b": s, "c": 1.5} for s in scores]
        frame = pd.DataFrame(rows, columns=list(COLUMNS))
        frame["b"] = pd.array([r["b"] for r in rows], dtype="Int64")
        table = Table(rows, COLUMNS, casts={"b": "Int64"})
        _check(table, frame)
        pd.testing.assert_frame_equal(table.frame(), frame)


def test_changing_the_rows_later_does_not_change_the_table():
    rows = [{"a": "x", "b": 1, "c": 2.0}]
    table = Table(rows, COLUMNS)
    rows[0]["b"] = 5
    assert records(table)[0]["b"] == 1 and table.frame()["b"].tolist() == [1]


def test_every_table_of_an_analysis_reads_as_its_dataframe(analyse_text):
    a = analyse_text(
        'The mayor, Ann Lee, proposed a new tax on sugar. "It will save lives," she said on Monday. '
        "Tom Hill, who leads the opposition, said the tax would hurt families and he would vote against it. "
        "Shop owners criticised the plan."
    )
    tables = article_rows(a)
    assert any(len(t) for t in tables.values())
    for table in tables.values():
        _check(table, pd.DataFrame(table._rows, columns=list(table.columns)) if not table.casts else table.frame())
    # the part file is the same whether it is made from the rows or from the DataFrames
    from_rows = pickle.loads(part_bytes(tables))
    from_frames = pickle.loads(part_bytes({name: t.frame() for name, t in tables.items()}))
    assert repr(from_rows) == repr(from_frames)


def test_an_analysis_given_dataframes_keeps_them():
    frame = pd.DataFrame({"quote_id": ["Q1"]})
    a = dataclasses.replace(_empty_analysis(), quotes=frame)
    assert a.quotes is frame


def _empty_analysis():
    from analysis.corpus import article_from_bytes
    from analysis.pipeline import analyse_doc
    from analysis.nlp import load_pipeline, parse

    article = article_from_bytes(b"Nothing happened on Monday.", doc_id="t")
    return analyse_doc(article, parse(article, load_pipeline()))


def test_a_pickled_table_reads_the_same():
    rows = [{"a": "x", "b": None, "c": 1}, {"a": None, "b": 2, "c": 2.5}]
    for table in (Table(rows, COLUMNS), Table.of(pd.DataFrame(rows, columns=list(COLUMNS)))):
        table.values()
        copy = pickle.loads(pickle.dumps(table))
        assert copy.dtypes() == table.dtypes() and _same(copy.values(), table.values())
        pd.testing.assert_frame_equal(copy.frame(), table.frame())


def test_an_integer_past_int64_beside_a_float_reads_as_pandas_reads_it():
    rows = [(0, None, -9_223_372_036_854_775_809), (0, "", 0.0)]
    table = Table(rows, ["a", "b", "c"])
    _check(table, pd.DataFrame(rows, columns=["a", "b", "c"]))
