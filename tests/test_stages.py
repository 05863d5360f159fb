"""The actor and quote stages run pass by pass: each pass works on a short text on its own.

analysis.actors.find_actors gives the draft cast, analysis.coreference.resolve
finishes it; the quote passes (analysis.reported, analysis.quotations,
analysis.speakers) share one Reading. These tests call the passes directly,
so a wrong answer can be traced to the pass that gave it.
"""
from __future__ import annotations

from pandas.testing import assert_frame_equal

from analysis import coreference, names, quotations, reported, unnamed
from analysis.actors import extract_actors, find_actors, new_cast
from analysis.corpus import article_from_text
from analysis.nlp import parse
from analysis.quotes import new_reading


def _parsed(nlp, text):
    article = article_from_text(text, doc_id="t")
    return article, parse(article, nlp)


def test_the_draft_cast_has_no_pronouns_and_coreference_adds_them(nlp):
    article, doc = _parsed(nlp, "Senator Tom Hill arrived on Monday. He said the talks were useful.")
    draft = find_actors(article, doc)
    assert [(doc[m.start:m.end].text, m.how) for m in draft.mentions] == [("Tom Hill", "name")]
    table = coreference.resolve(draft)
    assert list(zip(table.mentions["text"], table.mentions["how"], table.mentions["actor_id"])) == [
        ("Tom Hill", "name", "A01"), ("He", "pronoun", "A01")]
    again = extract_actors(article, doc)
    assert_frame_equal(again.actors, table.actors)
    assert_frame_equal(again.mentions, table.mentions)


def test_the_unnamed_pass_on_its_own_makes_one_source_per_indefinite_official(nlp):
    article, doc = _parsed(nlp, "A Pentagon official said the plan failed. Another official disagreed.")
    cast = new_cast(article, doc)
    unnamed.unnamed(cast)
    assert [(a.type, a.role, a.institution) for a in cast.actors] == [
        ("anonymous", "Pentagon official", "Department of Defense"), ("anonymous", "official", "")]


def test_the_naming_pass_reads_the_title_before_a_name(nlp):
    article, doc = _parsed(nlp, "State Department spokesman Tom Reed spoke on Monday.")
    cast = new_cast(article, doc)
    names.people(cast)
    (reed,) = cast.actors
    assert (reed.names, reed.role, reed.institution, reed.gender) == (
        ["Tom Reed"], "State Department spokesman", "State Department", "M")


def test_the_quote_passes_on_a_sentence(nlp):
    text = "Tom Hill said the talks had failed. \u201cWe will try again,\u201d he added."
    article, doc = _parsed(nlp, text)
    rd = new_reading(article, doc, extract_actors(article, doc))
    verbs = reported.reporting_verb_tokens(rd)
    assert [v.lemma_ for v in verbs] == ["say", "add"]
    speech, used_for_quote = reported.reported_speech(rd, verbs)
    assert [(st.cue, article.text[st.cs:st.ce]) for st in speech] == [("say", "the talks had failed")]
    direct = quotations.direct_quotations(rd, speech, verbs, used_for_quote)
    assert [(st.cue, article.text[st.cs:st.ce]) for st in direct] == [("add", "We will try again,")]
