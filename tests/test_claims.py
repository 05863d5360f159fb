"""analysis.claims: the policy at stake, codebooks, and the typed, targeted claims of each statement."""
from __future__ import annotations

from pathlib import Path

import pytest

from analysis.claims import CodebookError, apply_codebook, load_codebook
from analysis.corpus import load_article
from analysis.pipeline import analyse

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


# --------------------------------------------------------------------------- the policy

def test_policy_is_found_with_its_owner_and_later_references(analyse_text):
    r = analyse_text(PROPOSAL)
    p = r.policy
    assert (p.label, p.owner, p.owner_id) == ("Reed\u2019s proposal", "Mark Reed", _id(r, "Mark Reed"))
    assert p.description == "a new toll on the state\u2019s bridges"
    refs = [text for _s, _e, text in p.mentions]
    assert {"Reed\u2019s plan", "the plan", "The move"} <= set(refs)
    for start, end, text in p.mentions:
        assert r.article.original[start:end] == text


def test_policy_proposed_with_a_verb_is_owned_by_the_subject(analyse_text):
    r = analyse_text("Governor Mark Reed proposed a new toll on bridges. Drivers criticised the plan on Monday.")
    assert (r.policy.owner, r.policy.description) == ("Mark Reed", "a new toll on bridges")
    assert [t for _s, _e, t in r.policy.mentions] == ["the plan"]


def test_policy_from_one_possessive_with_what_it_would_do(analyse_text):
    r = analyse_text(
        "Governor Mark Reed\u2019s proposal would create a new toll on bridges. "
        "Drivers criticised the plan on Monday. The move has angered unions."
    )
    assert r.policy is not None and r.policy.owner == "Mark Reed"


def test_no_policy_in_a_story_without_one(analyse_text):
    assert analyse_text("Senator Tom Hill said the weather was mild on Monday.").policy is None


# --------------------------------------------------------------------------- codebooks

def _codebook(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "story.codebook.yml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text,problem", [
    ("policy:\n  label: toll\nthemes: [x]\n", "unknown codebook keys: themes"),
    ("policy: [label: toll\n", "cannot read codebook"),
    ("- just\n- a list\n", "a codebook must be a mapping"),
    ("policy:\n  colour: red\n", "'policy' takes label, owner, description and terms"),
    ("concepts:\n  split: [K01]\n", "'concepts' takes rename and merge"),
], ids=["unknown-key", "bad-yaml", "not-a-mapping", "bad-policy-key", "bad-concepts-key"])
def test_a_bad_codebook_is_refused_naming_the_file(tmp_path, text, problem):
    path = _codebook(tmp_path, text)
    with pytest.raises(CodebookError) as info:
        load_codebook(path)
    assert str(info.value).startswith(f"{path}: ")
    assert problem in str(info.value)


def test_a_codebook_pins_label_and_owner(tmp_path, analyse_text):
    r = analyse_text(PROPOSAL)
    book = load_codebook(_codebook(tmp_path, "policy:\n  label: the bridge toll\n  owner: Ann Lee\n"))
    pinned = apply_codebook(r.policy, book, r.article, r.actors)
    assert (pinned.label, pinned.owner, pinned.owner_id) == ("the bridge toll", "Ann Lee", _id(r, "Ann Lee"))
    assert pinned.source == "codebook"
    assert any("owner: Mark Reed" in c for c in pinned.changes)
    assert pinned.mentions == r.policy.mentions  # the references stay as detected


def test_a_codebook_owner_who_is_not_an_actor_leaves_the_owner_and_says_so(tmp_path, analyse_text):
    r = analyse_text(PROPOSAL)
    book = load_codebook(_codebook(tmp_path, "policy:\n  owner: Nobody Known\n"))
    pinned = apply_codebook(r.policy, book, r.article, r.actors)
    assert pinned.owner == "Mark Reed"
    assert any("not an actor" in c for c in pinned.changes)


def test_a_codebook_next_to_the_article_is_used_by_the_pipeline(tmp_path, nlp):
    article = tmp_path / "story.txt"
    article.write_text(PROPOSAL, encoding="utf-8")
    _codebook(tmp_path, "policy:\n  label: the bridge toll\n  terms: [new toll]\n")
    r = analyse(load_article(article), nlp)
    assert (r.policy.label, r.policy.source) == ("the bridge toll", "codebook")
    assert r.detected_policy.label == "Reed\u2019s proposal"
    assert "new toll" in [t for _s, _e, t in r.policy.mentions]
    assert set(r.claims.loc[r.claims["target_id"] == "policy", "target"]) == {"the bridge toll"}


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


def test_a_claim_about_the_plan_targets_the_policy(analyse_text):
    r = analyse_text(PROPOSAL)
    row = r.claims[r.claims["speaker_id"] == _id(r, "Ann Lee")].iloc[0]
    assert (row["target"], row["target_id"], row["target_type"], row["polarity"]) == (
        "Reed\u2019s proposal", "policy", "policy", "negative")


def test_a_claim_naming_no_one_has_no_target(analyse_text):
    r = analyse_text("Senator Tom Hill said the weather was mild.")
    assert r.claims[["target", "target_id"]].values.tolist() == [["", ""]]


@pytest.mark.parametrize("quote,polarity", [
    ("I think they can deliver", "positive"),
    ("I don\u2019t think they can deliver", "negative"),
    ("I do not think they can deliver", "negative"),
], ids=["plain", "dont", "do-not"])
def test_negation_flips_polarity(analyse_text, quote, polarity):
    r = analyse_text(f"\u201c{quote},\u201d Mayor Tom Hill said of the unions.")
    assert r.claims["polarity"].tolist() == [polarity]


def test_the_holder_of_a_reported_position_is_recorded(analyse_text):
    r = analyse_text(f"{PROPOSAL} Spokesman Bob Reyes said Senator Jim Cole supported the plan.")
    row = r.claims[r.claims["speaker_id"] == _id(r, "Bob Reyes")].iloc[0]
    assert (row["holder_id"], row["target_id"], row["polarity"]) == (_id(r, "Jim Cole"), "policy", "positive")


def test_every_claim_is_exactly_the_original_text_inside_its_statement(analyse_text):
    text = f"{PROPOSAL}\n\"The toll is fair, but the timing is wrong,\" Mayor Tom Hill said.Lee disagreed."
    r = analyse_text(text)
    quotes = r.quotes.set_index("quote_id")
    assert len(r.claims) >= 3
    for c in r.claims.itertuples(index=False):
        assert text[c.start:c.end] == c.text
        q = quotes.loc[c.quote_id]
        assert q["start"] <= c.start and c.end <= q["end"]
