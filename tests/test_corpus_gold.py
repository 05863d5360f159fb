"""analysis.corpus_gold: how gold voices are paired with predicted actors when scoring positions."""
from __future__ import annotations

from analysis.corpus_gold import match_voices, name_score


def test_the_same_head_with_other_modifiers_is_another_actor():
    assert name_score("Lopez administration", "organization", "Moreau administration", "organization") == 0.0
    assert name_score("Lopez administration", "organization", "administration", "organization") > 0


def test_a_shared_modifier_still_pairs_descriptions():
    assert name_score("some farm unions", "group", "farm unions", "group") > 0


def test_a_gold_voice_without_its_actor_stays_unpaired():
    gold = [{"name": "Lopez administration", "type": "organization"}]
    predicted = [{"name": "Moreau administration", "type": "organization"}]
    assert match_voices(gold, predicted) == {}


def test_modifiers_must_agree_not_only_overlap():
    assert name_score("human rights groups", "group", "civil rights groups", "group") == 0.0
    assert name_score("four federal judges", "group", "federal judges", "group") > 0
