"""Invariants of the extraction on arbitrary text (hypothesis).

For any text: the analysis does not crash; every span it reports lies
inside the original text and ``original[start:end]`` is exactly the text
it reports (actor mentions, quotes, claims, stance evidence); analysing the
same text twice gives the same tables. Two kinds of input: any Unicode
text, and text assembled from news-like pieces (names, titles, reporting
verbs, straight, curly and unbalanced quote marks, line breaks), which
reaches far more of the rules.
"""
from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.corpus import ArticleError, article_from_text
from analysis.nlp import load_pipeline, parse
from analysis.pipeline import analyse_doc, article_tables

#: Tables with text spans: (table, start column, end column, text column or None for bounds only).
SPANS = [
    ("mentions", "start", "end", "text"),
    ("quotes", "start", "end", "text"),
    ("quotes", "cue_start", "cue_end", None),
    ("quotes", "speaker_start", "speaker_end", None),
    ("claims", "start", "end", "text"),
    ("stance_evidence", "start", "end", "text"),
]

PIECES = [
    "The", "the", "minister", "Minister", "President", "Anna Kovacs", "John Smith", "Senator Lee Park",
    "the council", "the Finance Ministry", "officials", "a spokesman", "he", "she", "they", "it", "his", "her",
    "said", "says", "told reporters", "added", "warned", "argued", "denied", "according to", "that",
    "the plan", "the proposal", "his proposal", "the tax", "would", "will", "must", "not", "never", "support",
    "oppose", "reject", "welcome", "is", "was", "a", "good", "bad", "dangerous", "fair", "idea", "deal",
    "if", "only if", "but", "and", "on Monday", "in Brussels", "Russia", "U.S.", "Mr.", "Dr.", "(Reuters)",
    "-", "\u2014", ",", ".", ".", "?", "!", ":", ";", "\"", "\"", "\u201c", "\u201d", "\u2018", "\u2019",
    "'", "\n", "\n", "\n\n", "  ", "WASHINGTON", "BREAKING NEWS", "3.5", "percent", "$10", "e.g.",
    # whole statements, so that quotes, claims and positions are found often
    "\u201cWe will not accept this plan,\u201d Anna Kovacs said.",
    "\u201cIt is a fair deal for everyone,\u201d said the minister, adding that it must pass.",
    "John Smith said the proposal was dangerous and should be rejected.",
    "The council welcomed the plan, according to a spokesman.",
    "\"The tax is unfair, Senator Lee Park told reporters.",
    "Officials said they would support the deal only if Russia agreed.",
]

news_text = st.lists(st.sampled_from(PIECES), min_size=1, max_size=60).map(" ".join)
any_text = st.text(min_size=1, max_size=300)
PROPERTY_SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


def _analyse(text: str, nlp):
    """The tables of ``text``, or None when the text is blank (refused by design)."""
    try:
        article = article_from_text(text, doc_id="prop")
    except ArticleError:
        assert not text.strip(), f"a non-blank text was refused: {text!r}"
        return None, None
    return article, article_tables(analyse_doc(article, parse(article, nlp), keep_doc=False))


def _check_spans(article, tables) -> None:
    original = article.original
    for table, start_col, end_col, text_col in SPANS:
        df = tables[table]
        for row in df.to_dict("records"):
            start, end = row[start_col], row[end_col]
            if pd.isna(start) and pd.isna(end):
                continue  # a row without a span (e.g. evidence that is not a passage)
            start, end = int(start), int(end)
            if text_col is None and start == end == -1:
                continue  # documented in analysis.quotes: -1 when there is no cue or speaker
            assert 0 <= start <= end <= len(original), (table, start_col, start, end, len(original))
            if text_col is not None:
                assert original[start:end] == row[text_col], (table, start, end, row[text_col])


@PROPERTY_SETTINGS
@given(text=news_text)
def test_news_like_text_spans_are_exact(nlp, text):
    article, tables = _analyse(text, nlp)
    if article is not None:
        _check_spans(article, tables)


@PROPERTY_SETTINGS
@given(text=any_text)
def test_any_text_never_crashes_and_spans_are_exact(nlp, text):
    article, tables = _analyse(text, nlp)
    if article is not None:
        _check_spans(article, tables)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=news_text)
def test_same_text_gives_the_same_tables(nlp, text):
    _, first = _analyse(text, nlp)
    _, second = _analyse(text, nlp)
    if first is None:
        assert second is None
        return
    for name in first:
        assert first[name].to_csv(index=False) == second[name].to_csv(index=False), name


# --------------------------------------------------------------------------- CSV lines

_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
_COLUMNS = {
    "str": (st.one_of(st.none(), _TEXT), None),
    "object": (st.one_of(st.none(), _TEXT, st.integers(-10**6, 10**6), st.floats(allow_nan=True),
                         st.booleans()), object),
    "int64": (st.integers(-2**62, 2**62), "int64"),
    "Int64": (st.one_of(st.none(), st.integers(-2**62, 2**62)), "Int64"),
    "float64": (st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True)), "float64"),
    "bool": (st.booleans(), "bool"),
}


@st.composite
def frames(draw):
    kinds = draw(st.lists(st.sampled_from(sorted(_COLUMNS)), min_size=1, max_size=6))
    n = draw(st.integers(0, 6))
    data = {}
    for k, kind in enumerate(kinds):
        values, dtype = _COLUMNS[kind]
        column = draw(st.lists(values, min_size=n, max_size=n))
        data[f"c{k}"] = pd.Series(column, dtype=dtype)
    return pd.DataFrame(data)


@settings(max_examples=300, deadline=None)
@given(frames())
def test_csv_lines_are_what_pandas_writes(df):
    """analysis.output.csv_rows formats the cells itself; it must give pandas' bytes exactly."""
    from analysis.output import csv_rows

    assert csv_rows(df) == df.to_csv(index=False, header=False, lineterminator="\n")
