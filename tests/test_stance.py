"""analysis.stance: each voice's position on the policy (-2 .. +2), resting on evidence from the text."""
from __future__ import annotations

import pytest

from analysis.stance import cue_score, label

#: One policy (the governor's toll, shared with Canada) and one voice for each kind of evidence.
STORY = (
    "Governor Mark Reed\u2019s proposal would create a new toll on the state\u2019s bridges and share the money "
    "with Canada. Reed\u2019s plan was unveiled on Monday.\n"
    "The Chamber of Commerce offered lukewarm support for the plan.\n"
    "The move has angered U.S. diplomats.\n"
    "Senator Ann Lee said she would back the plan if the money went to repairs.\n"
    "\u201cI don\u2019t think Canada can deliver,\u201d Mayor Tom Hill said.\n"
    "Union leaders expressed anger about Reed\u2019s proposal, which several called naive.\n"
)


def _stance(result, name):
    s = result.stances.stances
    rows = s[s["actor"] == name]
    assert len(rows) == 1, f"no position for {name!r}: {s[['actor', 'score']].to_dict('records')}"
    return rows.iloc[0].to_dict()


def _evidence(result, actor_id):
    e = result.stances.evidence
    return e[e["actor_id"] == actor_id].to_dict("records")


def test_the_owner_of_the_policy_supports_it(analyse_text):
    r = analyse_text(STORY)
    reed = _stance(r, "Mark Reed")
    assert (reed["score"], reed["stance"], reed["confidence"]) == (2, "support", 1.0)
    assert [e["source"] for e in _evidence(r, reed["actor_id"])] == ["owner"]


def test_lukewarm_support_in_the_reporters_words_is_conditional_support(analyse_text):
    r = analyse_text(STORY)
    chamber = _stance(r, "Chamber of Commerce")
    assert (chamber["score"], chamber["stance"]) == (1, "conditional support")
    (ev,) = _evidence(r, chamber["actor_id"])
    assert (ev["source"], ev["cue"], ev["text"]) == ("framing", "lukewarm support", "lukewarm support")
    assert ev["ref"] == "S03"  # the sentence the reporter says it in


def test_a_plan_that_angers_a_group_puts_the_group_against_it(analyse_text):
    r = analyse_text(STORY)
    diplomats = _stance(r, "U.S. diplomats")
    assert (diplomats["score"], diplomats["stance"]) == (-2, "opposed")
    assert [e["source"] for e in _evidence(r, diplomats["actor_id"])] == ["framing"]


def test_anger_and_calling_the_plan_naive_is_opposition(analyse_text):
    r = analyse_text(STORY)
    assert _stance(r, "Union leaders")["score"] == -2


def test_a_condition_makes_support_conditional(analyse_text):
    r = analyse_text(STORY)
    lee = _stance(r, "Ann Lee")
    assert (lee["score"], lee["conditions"]) == (1, "she would back the plan if the money went to repairs")
    assert [e["source"] for e in _evidence(r, lee["actor_id"])] == ["condition"]


def test_the_same_support_without_a_condition_is_full_support(analyse_text):
    r = analyse_text(STORY.replace(" if the money went to repairs", ""))
    lee = _stance(r, "Ann Lee")
    assert (lee["score"], lee["conditions"]) == (2, "")


def test_doubting_the_partner_of_the_plan_is_skepticism(analyse_text):
    r = analyse_text(STORY)
    assert r.policy.partner_ids == (r.actors.actors.loc[r.actors.actors["name"] == "Canada", "actor_id"].iloc[0],)
    hill = _stance(r, "Tom Hill")
    assert (hill["score"], hill["stance"]) == (-1, "skeptical")
    (ev,) = _evidence(r, hill["actor_id"])
    assert (ev["source"], ev["score"]) == ("claim", -1)


def test_every_position_rests_on_evidence_that_quotes_the_text(analyse_text):
    r = analyse_text(STORY)
    stances, evidence = r.stances.stances, r.stances.evidence
    claim_ids = set(r.claims["claim_id"])
    assert len(stances) >= 6
    for s in stances.itertuples(index=False):
        refs = [x for x in s.evidence.split(";") if x]
        assert refs, f"{s.actor} has a position ({s.score}) without evidence"
        mine = evidence[evidence["actor_id"] == s.actor_id]
        assert refs == list(dict.fromkeys(mine["ref"]))
        for ref in refs:
            assert ref == "owner" or ref in claim_ids or (
                ref[0] == "S" and 0 < int(ref[1:]) <= len(r.article.sentences)), ref
    for e in evidence.itertuples(index=False):
        assert r.article.original[e.start:e.end] == e.text


def test_institutions_table_has_the_mean_position_of_their_voices(analyse_text):
    r = analyse_text(STORY)
    inst = r.stances.institutions.set_index("institution")
    assert inst.loc["State Department", "score"] == -2
    assert inst.loc["State Department", "actors"] == "U.S. diplomats"


def test_a_demand_to_withdraw_the_plan_is_not_support(analyse_text):
    r = analyse_text(STORY + "\u201cThe governor must withdraw the plan,\u201d Senator Jim Cole said.\n")
    assert _stance(r, "Jim Cole")["score"] < 0


# --------------------------------------------------------------------------- cues

@pytest.mark.parametrize("text,expected", [
    ("offered lukewarm support for the plan", (1, "lukewarm support")),
    ("they support the plan", (2, "support")),
    ("they do not support the plan", (-2, "support")),
    ("a healthy dose of skepticism", (-1, "skepticism")),
    ("the weather was mild", (None, "")),
], ids=["lukewarm", "support", "negated", "skepticism", "none"])
def test_cue_score_takes_the_longest_phrase_and_negation(text, expected):
    assert cue_score(text) == expected


def test_labels_of_the_scale():
    assert [label(s) for s in (2, 1, 0, -1, -2)] == [
        "support", "conditional support", "neutral or unclear", "skeptical", "opposed"]
