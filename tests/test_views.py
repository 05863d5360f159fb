"""Article text and table cells shown in the book's HTML are escaped, so markup renders as text."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.corpus import article_from_text
from analysis.views import article_html, html_table

TEXT = "WASHINGTON (Reuters) - He said <script>alert(1)</script> was \u201cfine,\u201d officials said."
SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


@pytest.fixture(scope="module")
def article():
    return article_from_text(TEXT, doc_id="x")


def test_article_text_with_markup_is_shown_as_text(article):
    out = article_html(article)
    assert ESCAPED in out
    assert "<script" not in out
    # Escaping keeps the words and the typographic quotes a reader sees.
    assert "was \u201cfine,\u201d officials said." in out


def test_highlighted_statement_and_labels_are_escaped(article):
    start = article.original.index(SCRIPT)
    quotes = pd.DataFrame([{
        "quote_id": "Q1", "speaker": "<b>He</b>", "speaker_id": "A1",
        "start": start, "end": start + len(SCRIPT),
    }])
    actors = pd.DataFrame([{"actor_id": "A1", "institution": "<i>Office</i>"}])
    out = article_html(article, quotes=quotes, actors=actors)
    assert "<mark" in out  # the statement is highlighted ...
    assert ESCAPED in out  # ... and its text, inside the mark, is still escaped
    assert "&lt;b&gt;He&lt;/b&gt;" in out  # the speaker label too
    assert "<script" not in out and "<b>" not in out and "<i>" not in out

    ents = article_html(article, entities=[(start, start + len(SCRIPT), "<u>ORG</u>")])
    assert ESCAPED in ents and "&lt;u&gt;ORG&lt;/u&gt;" in ents
    assert "<script" not in ents and "<u>" not in ents


def test_table_cells_with_markup_are_escaped():
    df = pd.DataFrame({
        "statement": [SCRIPT, 'a "quoted" <b>bold</b> & more'],
        "sentence": ["0", "1;2"],
    })
    out = html_table(df, sentence_column="sentence")
    assert ESCAPED in out
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; more" in out
    assert "<script" not in out and "<b>" not in out
    # The sentence column is the one place where links are meant to be HTML.
    assert '<a href="03_claims.html#s02">S02</a> <a href="03_claims.html#s03">S03</a>' in out


def test_table_headers_and_index_with_markup_are_escaped():
    df = pd.DataFrame({"<b>actor</b>": ["x"]}, index=["<i>row</i>"])
    out = html_table(df, index=True)
    assert "<b>" not in out and "<i>" not in out
