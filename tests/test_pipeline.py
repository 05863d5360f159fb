"""analysis.pipeline: every stage on one article, the published tables, and repeatability."""
from __future__ import annotations

import pandas as pd

from analysis import schema
from analysis.corpus import article_from_text
from analysis.nlp import parse
from analysis.pipeline import TABLES, analyse, analyse_doc, analyse_many, article_tables, tables
from analysis.resources import load_yaml

CALM = (
    "The weather in the valley was mild on Tuesday.\n"
    "Farmers brought in the last apples of the season and the market stayed open late.\n"
)
STORY = (
    "Governor Mark Reed\u2019s proposal would create a new toll on the state\u2019s bridges. "
    "Reed\u2019s plan was unveiled on Monday.\n"
    "The Chamber of Commerce offered lukewarm support for the plan.\n"
    "\u201cThe plan is a mistake,\u201d Mayor Tom Hill said. \u201cNobody wants it.\u201d\n"
    "Senator Ann Lee said she would back the plan if the money went to repairs.\n"
)


def test_an_article_without_statements_gives_empty_tables_with_their_columns(nlp):
    article = article_from_text(CALM, doc_id="calm")
    result = article_tables(analyse_doc(article, parse(article, nlp)))
    assert list(result) == list(TABLES)
    for name in ("quotes", "claims", "stances", "stance_evidence", "institutions", "concepts", "statements",
                 "edges", "coalitions", "issues", "issue_claims"):
        assert result[name].empty, name
        assert list(result[name].columns) == schema.columns(name), name


def test_the_same_text_gives_identical_tables_twice(nlp):
    runs = []
    for _ in range(2):
        article = article_from_text(STORY, doc_id="story")
        runs.append(analyse_doc(article, parse(article, nlp)))
    first, second = (article_tables(a) for a in runs)
    assert len(first["quotes"]) and len(first["stances"])  # something to compare
    for name in TABLES:
        pd.testing.assert_frame_equal(first[name], second[name], obj=name)
    assert runs[0].network.polarisation == runs[1].network.polarisation
    assert runs[0].issues == runs[1].issues


def test_analyse_reads_a_file_and_reports_offsets_into_it(tmp_path, nlp):
    path = tmp_path / "toll-story.txt"
    path.write_text(STORY.replace("\u201c", '"').replace("\u201d", '"'), encoding="utf-8")
    result = analyse(path, nlp)
    assert result.doc_id == "toll-story"
    original = path.read_text(encoding="utf-8")
    for q in result.quotes.itertuples(index=False):
        assert original[q.start:q.end] == q.text
    assert set(result.quotes["doc_id"]) == {"toll-story"}


def test_analyse_many_gives_the_same_tables_as_analysing_one_by_one(nlp):
    articles = [article_from_text(STORY, doc_id="a"), article_from_text(CALM, doc_id="b")]
    streamed = tables(analyse_many(articles, nlp))
    one_by_one = tables(analyse_doc(a, parse(a, nlp)) for a in articles)
    for name in TABLES:
        pd.testing.assert_frame_equal(streamed[name], one_by_one[name], obj=name)


def test_tables_of_several_articles_keep_each_articles_rows_and_the_columns(nlp):
    articles = [article_from_text(CALM, doc_id="calm"), article_from_text(STORY, doc_id="story")]
    out = tables(analyse_doc(a, parse(a, nlp)) for a in articles)
    assert set(out["quotes"]["doc_id"]) == {"story"}
    assert list(out["quotes"].columns) == schema.columns("quotes")
    assert out["issues"]["doc_id"].tolist() == ["story"]


def test_tables_of_articles_without_statements_still_have_their_columns(nlp):
    articles = [article_from_text(CALM, doc_id="one"), article_from_text(CALM, doc_id="two")]
    out = tables(analyse_doc(a, parse(a, nlp)) for a in articles)
    for name in ("quotes", "claims", "issues"):
        assert out[name].empty
        assert list(out[name].columns) == schema.columns(name)


def test_the_issues_table_describes_the_main_issue_first(analyse_text):
    issue = article_tables(analyse_text(STORY))["issues"].iloc[0]
    assert (bool(issue["main"]), issue["owner"], issue["source"]) == (True, "Mark Reed", "detected")
    assert issue["label"].startswith("Governor Mark Reed\u2019s proposal")
    assert "the plan" in issue["references"]


def test_a_text_without_sentence_punctuation_reaches_the_stages_in_sentences_of_bounded_length(nlp):
    # Several rules of the later stages look at a whole sentence for each of its words: an
    # unbounded sentence made their time grow with the square of the text (corpus cuts it).
    limit = load_yaml("text_rules.yml")["max_sentence_tokens"]
    text = ("the minister said the plan would work " * 270)[:10_000]
    article = article_from_text(text, doc_id="run-on")
    doc = parse(article, nlp)
    assert len(doc) > 5 * limit
    assert [s.start_char for s in doc.sents] == [s.clean_start for s in article.sentences]
    assert max(len(s) for s in doc.sents) <= limit
    result = analyse_doc(article, doc)
    assert len(result.claims)  # still analysed, one part at a time
