"""analysis.evaluate: precision, recall and F1, and the rule that matches statements to gold ones.

The predicted statements are a hand-made table put into a real analysis of a
calm text, so each overlap is chosen and the scores can be worked out by hand.
"""
from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from analysis.evaluate import evaluate, prf
from analysis.quotes import QUOTE_COLUMNS

CALM = "The weather in the valley was mild on Tuesday and the market stayed open late. " * 4


@pytest.mark.parametrize("tp,n_pred,n_gold,expected", [
    (3, 4, 6, (0.75, 0.5, 0.6)),        # F1 = 2 * .75 * .5 / 1.25
    (2, 2, 2, (1.0, 1.0, 1.0)),
    (0, 3, 5, (0.0, 0.0, 0.0)),
    (0, 0, 0, (0.0, 0.0, 0.0)),         # undefined counts as 0, not an error
    (2, 0, 4, (0.0, 0.5, 0.0)),
], ids=["3-of-4-and-6", "perfect", "no-hit", "nothing", "no-prediction"])
def test_precision_recall_f1(tp, n_pred, n_gold, expected):
    assert prf(tp, n_pred, n_gold) == pytest.approx(expected)


def _with_quotes(analysis, spans):
    """The analysis with its statements replaced by ``spans`` (start, end), ids Q01, Q02, …"""
    rows = []
    for n, (start, end) in enumerate(spans, 1):
        rows.append({
            "doc_id": "t", "quote_id": f"Q{n:02d}", "speaker": "unresolved", "speaker_id": "", "speaker_type": "",
            "kind": "indirect", "cue": "say", "start": start, "end": end, "text": analysis.article.original[start:end],
            "sentence_index": 0, "paragraph_index": 0, "cue_start": -1, "cue_end": -1, "speaker_start": -1,
            "speaker_end": -1,
        })
    return replace(analysis, quotes=pd.DataFrame(rows, columns=QUOTE_COLUMNS))


def _gold(spans):
    return {"doc_id": "t", "actors": [], "positions": [], "statements": [
        {"id": f"g{n}", "start": s, "end": e, "text": CALM[s:e], "kind": "indirect", "speaker": "unresolved"}
        for n, (s, e) in enumerate(spans, 1)
    ]}


def _scores(ev):
    return {m: ev.value("statements", m) for m in ("precision", "recall", "F1")}


def test_statement_scores_on_a_small_gold(analyse_text):
    base = analyse_text(CALM)
    gold = _gold([(10, 30), (50, 70), (100, 120), (120, 140), (170, 190)])
    predicted = _with_quotes(base, [
        (20, 40),    # g1: 10 of 20 characters = 50% > 30%      -> match
        (64, 80),    # g2: 6 of 20 = 30%, not more than 30%     -> no match
        (100, 140),  # covers g3 and g4 entirely; one to one    -> matches g3 only
        (200, 210),  # no gold statement there                  -> false statement
    ])                # g5 has no prediction                     -> missed
    ev = evaluate(predicted, gold)
    # 2 matched of 4 predicted and 5 gold: P = 0.5, R = 0.4, F1 = 2 * .5 * .4 / .9 = 0.4444
    assert _scores(ev) == {"precision": 0.5, "recall": 0.4, "F1": 0.4444}
    errors = ev.errors[ev.errors["level"] == "statements"]
    assert sorted(errors.loc[errors["kind"] == "missed statement", "gold_id"]) == ["g2", "g4", "g5"]
    assert sorted(errors.loc[errors["kind"] == "false statement", "predicted_id"]) == ["Q02", "Q04"]


@pytest.mark.parametrize("end,matched", [(66, False), (67, True)], ids=["30-percent", "35-percent"])
def test_a_statement_must_cover_more_than_30_percent_of_the_gold(analyse_text, end, matched):
    ev = evaluate(_with_quotes(analyse_text(CALM), [(60, end)]), _gold([(50, 70)]))
    assert ev.value("statements", "recall") == (1.0 if matched else 0.0)


def test_overlap_is_measured_on_the_gold_statement_not_the_prediction(analyse_text):
    # the prediction is 200 characters long and covers all of the 20-character gold statement
    ev = evaluate(_with_quotes(analyse_text(CALM), [(0, 200)]), _gold([(50, 70)]))
    assert _scores(ev) == {"precision": 1.0, "recall": 1.0, "F1": 1.0}


def test_largest_overlap_is_matched_first_and_each_statement_only_once(analyse_text):
    base = analyse_text(CALM)
    gold = _gold([(0, 20)])
    ev = evaluate(_with_quotes(base, [(12, 40), (5, 30)]), gold)  # 8 and 15 characters of g1
    assert ev.value("statements", "recall") == 1.0
    false = ev.errors[ev.errors["kind"] == "false statement"]
    assert false["predicted_id"].tolist() == ["Q01"]  # the smaller overlap is left over


def test_one_prediction_matches_only_one_of_two_gold_statements(analyse_text):
    ev = evaluate(_with_quotes(analyse_text(CALM), [(0, 40)]), _gold([(0, 20), (20, 40)]))
    assert _scores(ev) == {"precision": 1.0, "recall": 0.5, "F1": 0.6667}


def test_speaker_accuracy_counts_matched_statements_only(analyse_text):
    base = analyse_text(CALM)
    ev = evaluate(_with_quotes(base, [(0, 20), (100, 120)]), _gold([(0, 20), (50, 70)]))
    # one matched statement, unresolved in both gold and prediction: right
    assert ev.value("speakers", "accuracy (matched statements)") == 1.0
    n = ev.scores.loc[ev.scores["measure"] == "accuracy (matched statements)", "n"].item()
    assert n == 1
