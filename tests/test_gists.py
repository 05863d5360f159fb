"""analysis.gists: a claim named as a short statement a reader takes in at a glance."""
from __future__ import annotations

import pytest

from analysis.gists import GIST_WORDS, gist, reads_alone


class NoActors:
    """No pronoun resolved: the gist is built from the words alone."""
    token_actor: dict = {}
    info: dict = {}


@pytest.mark.parametrize("text,expected", [
    ("The new bridge is a costly mistake for the county.", "The new bridge is a costly mistake"),
    ("Closing the plant would be a grave error.", "Closing the plant would be a grave error"),
    ("Senators need to make a stronger case about the tariff.", "Senators need to make a stronger case"),
    ("to streamline the permit process", "Streamline the permit process"),
    ("the council was not the body that approved the levy", "The council was not the body"),
], ids=["whole-sentence-root", "clausal-subject", "clause-complement", "proposal", "copula-negation"])
def test_a_gist_keeps_subject_verb_and_complement(nlp, text, expected):
    assert gist(list(nlp(text)), [], NoActors) == expected


@pytest.mark.parametrize("text", [
    "The mayor said on Monday that the new toll on the old bridge across the river would be delayed by",
    "So the governor is",
    "a plan in which the poorest families of the state",
])
def test_a_gist_never_ends_on_a_word_that_needs_a_continuation(nlp, text):
    out = gist(list(nlp(text)), [], NoActors)
    assert out and len(out.split()) <= GIST_WORDS
    last = out.split()[-1].lower()
    assert last not in {"by", "the", "a", "in", "which", "of", "is", "and", "to"}


def test_a_gist_left_without_a_verb_falls_back_on_the_first_words(nlp):
    assert gist(list(nlp("So the governor is")), [], NoActors) == "So the governor"


def test_a_gist_opening_with_a_pronoun_does_not_read_alone():
    assert not reads_alone("It was disruptive")
    assert reads_alone("The plan was disruptive")
    assert reads_alone("Yes")


def test_a_subject_the_parser_hangs_on_an_auxiliary_still_makes_the_inner_clause_the_gist(nlp):
    text = "but the mayor has also said that he\u2019s had questions about the toll plan"
    assert gist(list(nlp(text)), [], NoActors).startswith("He has had questions")


def test_a_fallback_gist_stops_before_a_relative_clause(nlp):
    assert gist(list(nlp("anger about the toll, which several called naive")), [], NoActors) == "Anger about the toll"


@pytest.mark.parametrize("text,expected", [
    ("You can not do both", "You can not do both"),
    ("They have to decide if they will raise the levy", "They have to decide if they will raise"),
], ids=["determiner-as-object", "if-clause"])
def test_a_gist_keeps_words_that_complete_or_carry_its_meaning(nlp, text, expected):
    assert gist(list(nlp(text)), [], NoActors).startswith(expected)


class Speaker:
    """One speaker, a person: "I" and "we" in the claim stand for her."""
    token_actor: dict = {}
    info: dict = {"a1": {"name": "Jane Moss", "type": "person"}}


@pytest.mark.parametrize("text,expected", [
    ("The council had played down the cost of the levy", "The council had played down"),
    ("members of the county board shouldn't weigh in on the levy", "Members of board should not weigh in"),
    ("We're deeply worried about the levy", "Moss is deeply worried"),
    ("I hope to stop the levy", "Moss hopes to stop the levy"),
    ("We need to stop the levy", "Moss needs to stop the levy"),
    ("I would expect the council to drop the levy", "Moss would expect the council to drop"),
], ids=["particle", "particle-at-the-end", "contracted-copula", "agreement", "agreement-we", "infinitive-clause"])
def test_a_gist_reads_as_a_sentence_about_the_speaker(nlp, text, expected):
    assert gist(list(nlp(text)), ["a1"], Speaker).startswith(expected)


@pytest.mark.parametrize("text,start,expected", [
    ("The mayor attacked the levy, which would cost hundreds of jobs.", "which", "The levy would cost hundreds of jobs"),
    ("Wages rose in Denmark, which the agency says had the world's highest wage floors.", "which",
     "Denmark had the world's highest wage floors"),
    ("He wants a new bridge, which he said the federal government should also pay for.", "which",
     "The federal government should pay"),
], ids=["relative-subject", "relative-in-a-reported-clause", "two-subjects"])
def test_a_relative_pronoun_gives_way_to_the_noun_it_stands_for(nlp, text, start, expected):
    doc = nlp(text)
    piece = [t for t in doc if t.idx >= text.index(start)]
    assert gist(piece, [], NoActors) == expected


def test_a_people_or_body_keeps_the_words_of_the_text_and_a_person_is_named_by_surname(nlp):
    class Cast:
        token_actor = {1: "c1", 9: "p1", 10: "p1"}
        info = {"c1": {"name": "Russia", "type": "country"}, "p1": {"name": "Jane Moss", "type": "person"}}
    doc = nlp("The Russians have no interest in talks. Senator Jane Moss wants a vote.")
    first, second = list(doc.sents)
    assert gist(list(first), [], Cast) == "The Russians have no interest"
    assert gist(list(second), [], Cast).startswith("Moss wants a vote")
