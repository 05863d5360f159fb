"""analysis.claims: the typed, targeted claims of each statement, and their short gists."""
from __future__ import annotations

import pytest


#: A story whose policy is owned by the governor and referred to in four ways.
PROPOSAL = (
    "Governor Mark Reed\u2019s proposal would create a new toll on the state\u2019s bridges. "
    "Reed\u2019s plan was unveiled on Monday. "
    "Senator Ann Lee said the plan was a mistake. "
    "The move has angered truck drivers."
)


def _claims(result):
    c = result.claims
    return list(zip(c["type"], c["polarity"], c["text"]))


def _id(result, name):
    a = result.actors.actors
    return a.loc[a["name"] == name, "actor_id"].iloc[0]


# --------------------------------------------------------------------------- claims

def test_a_statement_is_split_into_claims_at_but(analyse_text):
    r = analyse_text(f"{PROPOSAL} \u201cThe toll is fair, but the timing is wrong,\u201d Mayor Tom Hill said.")
    hill = r.claims[r.claims["speaker_id"] == _id(r, "Tom Hill")]
    assert list(zip(hill["polarity"], hill["text"])) == [
        ("positive", "The toll is fair"), ("negative", "but the timing is wrong")]
    assert hill["quote_id"].nunique() == 1


@pytest.mark.parametrize("quote,kind", [
    ("Who will pay for the repairs?", "question"),
    ("The governor must withdraw the plan,", "demand"),
    ("If the money goes to repairs, we will accept the plan,", "condition"),
    ("The toll will fail within a year,", "prediction"),
    ("The governor lied to voters about the toll,", "accusation"),
], ids=["question", "demand", "condition", "prediction", "accusation"])
def test_claim_types(analyse_text, quote, kind):
    r = analyse_text(f"{PROPOSAL} \u201c{quote}\u201d Mayor Tom Hill said.")
    hill = r.claims[r.claims["speaker_id"] == _id(r, "Tom Hill")]
    assert hill["type"].tolist() == [kind]


def test_a_demand_reported_with_demand_is_a_demand(analyse_text):
    r = analyse_text("The White House demanded that Moscow stop the bombing.")
    assert r.claims["type"].tolist() == ["demand"]


def test_an_accusation_is_negative_toward_whom_it_accuses(analyse_text):
    r = analyse_text(f"{PROPOSAL} \u201cThe governor lied to voters about the toll,\u201d Mayor Tom Hill said.")
    row = r.claims[r.claims["speaker_id"] == _id(r, "Tom Hill")].iloc[0]
    assert (row["target"], row["target_id"], row["polarity"]) == ("Mark Reed", _id(r, "Mark Reed"), "negative")


def test_a_claim_about_the_plan_is_linked_to_the_issue_not_to_an_actor(analyse_text):
    r = analyse_text(PROPOSAL)
    row = r.claims[r.claims["speaker_id"] == _id(r, "Ann Lee")].iloc[0]
    assert (row["target_id"], row["polarity"]) == ("", "negative")
    assert r.issues.claims_about(r.issue.issue_id).get(row["claim_id"]) == "reference"


@pytest.mark.parametrize("text,gist", [
    ("“Russia cannot be trusted,” Mayor Tom Hill said.", "Russia cannot be trusted"),
    ("“We will not pay for the wall,” Mayor Tom Hill said.", "Hill will not pay for the wall"),
    ("Mayor Tom Hill said the toll would cost thousands of jobs.", "The toll would cost thousands of jobs"),
    ("Mayor Tom Hill accused the council of negligence.", "Hill accuses the council of negligence"),
    ("Mayor Tom Hill ruled out any talks with the union.", "Hill rules out any talks with the union"),
    ("Mayor Tom Hill called for the resignation of the police chief.", "Hill calls for the resignation of the police"),
    ("Mayor Tom Hill Jr. denied the allegation.", "Hill Jr. denies the allegation"),
], ids=["passive", "first-person", "reported", "object-of-accuse", "particle", "call-for", "suffix"])
def test_a_claim_has_a_short_gist_from_subject_verb_and_object(analyse_text, text, gist):
    r = analyse_text(text)
    assert r.claims["gist"].tolist() == [gist]
    assert all(len(g.split()) <= 8 for g in r.claims["gist"])


def test_a_claim_naming_no_one_has_no_target(analyse_text):
    r = analyse_text("Senator Tom Hill said the weather was mild.")
    assert r.claims[["target", "target_id"]].values.tolist() == [["", ""]]


@pytest.mark.parametrize("quote,polarity", [
    ("I think they can succeed", "positive"),
    ("I don\u2019t think they can succeed", "negative"),
    ("I do not think they can succeed", "negative"),
], ids=["plain", "dont", "do-not"])
def test_negation_flips_polarity(analyse_text, quote, polarity):
    r = analyse_text(f"\u201c{quote},\u201d Mayor Tom Hill said of the unions.")
    assert r.claims["polarity"].tolist() == [polarity]


def test_the_holder_of_a_reported_position_is_recorded(analyse_text):
    r = analyse_text(f"{PROPOSAL} Spokesman Bob Reyes said Senator Jim Cole supported the plan.")
    row = r.claims[r.claims["speaker_id"] == _id(r, "Bob Reyes")].iloc[0]
    assert (row["holder_id"], row["polarity"]) == (_id(r, "Jim Cole"), "positive")


def test_every_claim_is_exactly_the_original_text_inside_its_statement(analyse_text):
    text = f"{PROPOSAL}\n\"The toll is fair, but the timing is wrong,\" Mayor Tom Hill said.Lee disagreed."
    r = analyse_text(text)
    quotes = r.quotes.set_index("quote_id")
    assert len(r.claims) >= 3
    for c in r.claims.itertuples(index=False):
        assert text[c.start:c.end] == c.text
        q = quotes.loc[c.quote_id]
        assert q["start"] <= c.start and c.end <= q["end"]


def test_the_statements_own_reporting_verb_gives_no_holder_even_when_misparsed(analyse_text):
    # the parser makes "The Russians" the subject of "said": the attribution is still not their side
    r = analyse_text("The Russians, said one official, had known for weeks about Kerry\u2019s visit to Moscow.")
    row = r.claims.iloc[0]
    assert row["holder_id"] == "" and row["target"] == "Russia"
