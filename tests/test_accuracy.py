"""Accuracy targets, measured against hand annotations, as regression tests.

The seed's targets come from the project's issues (statements F1 >= 0.95,
speakers >= 0.95, every position within one step, clear advocates and
opponents on the right side). The articles in tests/fixtures/ are fictional
stories in other outlets' house styles; their floors are set a little under
what the rules reach today, so that a change which breaks a style fails here.
"""
from __future__ import annotations


import pytest

from analysis import GOLD, ROOT, SEEDS
from analysis.evaluate import evaluate, load_gold
from analysis.pipeline import analyse

FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="module")
def seed_evaluation():
    gold_file = next(GOLD.glob("*.yml"))
    gold = load_gold(gold_file)
    return evaluate(analyse(SEEDS / f"{gold['doc_id']}.txt"), gold)


@pytest.mark.parametrize("level, measure, floor", [
    ("statements", "F1", 0.95),
    ("speakers", "accuracy (matched statements)", 0.95),
    ("actors", "recall", 0.95),
    ("positions", "within one step", 1.0),
    ("positions", "right side (clear advocates and opponents)", 1.0),
])
def test_seed_meets_its_targets(seed_evaluation, level, measure, floor):
    assert seed_evaluation.value(level, measure) >= floor, seed_evaluation.errors.to_string()


STYLES = {  # statement F1 floor, speaker accuracy floor
    "style_ap": (0.9, 0.75),
    "style_british": (0.9, 0.8),
    "style_wire_multiparagraph": (0.8, 0.75),
    "style_blog": (0.9, 0.6),
    "style_policy": (0.9, 0.85),
}


@pytest.mark.parametrize("name", sorted(STYLES))
def test_other_house_styles_stay_above_their_floor(name):
    gold = load_gold(FIXTURES / "gold" / f"{name}.yml")
    ev = evaluate(analyse(FIXTURES / "articles" / f"{name}.txt"), gold)
    f1_floor, speaker_floor = STYLES[name]
    assert ev.value("statements", "F1") >= f1_floor, ev.errors.to_string()
    assert ev.value("speakers", "accuracy (matched statements)") >= speaker_floor, ev.errors.to_string()
