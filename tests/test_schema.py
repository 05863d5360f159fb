"""analysis.schema: the data dictionary says exactly which columns the pipeline writes.

If a stage adds, drops or reorders a column without updating the dictionary
(or the book's copy of it), these tests fail.
"""
from __future__ import annotations

import pytest

from analysis import ROOT, schema
from analysis.pipeline import TABLES, article_tables

#: A story that fills every table: a policy with an owner, statements, claims, positions, concepts and edges.
STORY = (
    "Governor Mark Reed\u2019s proposal would create a new toll on the state\u2019s bridges and share the money "
    "with Canada. Reed\u2019s plan was unveiled on Monday.\n"
    "The Chamber of Commerce offered lukewarm support for the plan.\n"
    "Senator Ann Lee said the plan was a mistake and Canada could not be trusted.\n"
    "\u201cThe plan is a mistake and Canada cannot be trusted,\u201d Mayor Tom Hill said.\n"
    "\u201cThe plan is a fine idea,\u201d Senator Jim Cole said.\n"
)


@pytest.fixture(scope="module")
def tables(analyse_text):
    return article_tables(analyse_text(STORY))


def test_every_published_table_is_documented_and_nothing_else():
    assert list(schema.TABLES) == list(TABLES)


@pytest.mark.parametrize("name", TABLES)
def test_columns_of_each_table_are_the_documented_ones_in_order(tables, name):
    assert len(tables[name]) > 0, f"the story leaves {name} empty; the test would prove nothing"
    assert list(tables[name].columns) == schema.columns(name)


def test_every_column_has_a_description():
    for name, (about, cols) in schema.TABLES.items():
        assert about.strip(), name
        assert len({c for c, _d in cols}) == len(cols), f"{name}: a column is documented twice"
        for column, description in cols:
            assert description.strip(), f"{name}.{column}"


def test_the_books_data_dictionary_is_up_to_date():
    committed = (ROOT / "book" / "dictionary.md").read_text(encoding="utf-8")
    assert committed == schema.markdown(), "run: python tools/write_dictionary.py"


def test_the_dictionary_lists_every_column_of_every_table():
    md = schema.markdown()
    for name in TABLES:
        assert f"### `{name}`" in md
        for column in schema.columns(name):
            assert f"| `{column}` |" in md
