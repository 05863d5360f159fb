"""analysis.network: concepts, congruence and conflict, coalitions, polarisation, GraphML.

The networks here are built by hand (claims and positions as plain tables)
so that every number can be worked out on paper; the arithmetic is in the
comments.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import networkx as nx
import pandas as pd
import pytest
from networkx.algorithms import community as nx_comm

from analysis.claims import CLAIM_COLUMNS
from analysis.issues import Issue
from analysis.network import best_halves_polarisation, build_network, polarisation, write_graphml
from analysis.stance import EVIDENCE_COLUMNS, INSTITUTION_COLUMNS, STANCE_COLUMNS, StanceResult


# --------------------------------------------------------------------------- polarisation by hand

def _four_actors() -> nx.Graph:
    """Two camps {A, B} and {C, D}: congruence inside them, conflict across them."""
    g = nx.Graph()
    for a, b, congruence, conflict in [
        ("A", "B", 1.0, 0.0),
        ("C", "D", 0.5, 0.0),
        ("A", "D", 0.25, 0.0),
        ("A", "C", 0.0, 1.0),
        ("B", "D", 0.0, 0.5),
    ]:
        g.add_edge(a, b, congruence=congruence, conflict=conflict, weight=congruence - conflict)
    return g


def test_polarisation_of_two_camps_equals_the_hand_computed_value():
    # Newman's weighted modularity: Q = sum over communities c of  L_c / m - (d_c / 2m)^2,
    # L_c the weight inside c, d_c the summed weighted degree of c, m the total weight.
    #
    # Congruence layer (A-B 1, C-D 0.5, A-D 0.25): m = 1.75
    #   {A,B}: L = 1,   d = (1 + 0.25) + 1 = 2.25
    #   {C,D}: L = 0.5, d = 0.5 + (0.5 + 0.25) = 1.25
    #   Q = 1/1.75 - (2.25/3.5)^2 + 0.5/1.75 - (1.25/3.5)^2 = 4/7 - 81/196 + 2/7 - 25/196 = 62/196 = 31/98
    # Conflict layer (A-C 1, B-D 0.5): m = 1.5, no weight inside a camp
    #   {A,B}: d = 1 + 0.5 = 1.5;  {C,D}: d = 1 + 0.5 = 1.5
    #   Q = -(1.5/3)^2 - (1.5/3)^2 = -1/2
    # P = (Q_congruence - Q_conflict) / 2 = (31/98 + 49/98) / 2 = 40/98 = 20/49 = 0.40816...
    assert polarisation(_four_actors(), [{"A", "B"}, {"C", "D"}]) == round(20 / 49, 4) == 0.4082


def test_polarisation_of_a_division_across_the_camps_is_negative():
    # {A,C} | {B,D}. Congruence: no weight inside; d = 1.25 + 0.5 = 1.75 and 1 + 0.75 = 1.75, m = 1.75:
    #   Q = -(1.75/3.5)^2 * 2 = -1/2
    # Conflict: {A,C}: L = 1, d = 1 + 1 = 2;  {B,D}: L = 0.5, d = 0.5 + 0.5 = 1;  m = 1.5:
    #   Q = 1/1.5 - (2/3)^2 + 0.5/1.5 - (1/3)^2 = 2/3 - 4/9 + 1/3 - 1/9 = 4/9
    # P = (-1/2 - 4/9) / 2 = -17/36 = -0.47222...
    assert polarisation(_four_actors(), [{"A", "C"}, {"B", "D"}]) == round(-17 / 36, 4)


def test_best_division_into_halves_is_the_two_camps():
    # The third division {A,D} | {B,C} gives (-18/49 + 1/2) / 2 = 13/196 = 0.0663; the camps win.
    assert best_halves_polarisation(_four_actors()) == 0.4082


def test_one_camp_has_no_polarisation():
    assert polarisation(_four_actors(), [{"A", "B", "C", "D"}]) == 0.0


# --------------------------------------------------------------------------- build_network on hand-made tables

POLICY = Issue("I1", "policy", "the toll", "plan", "A01", "Ann", "", ())


def _actors(ids) -> pd.DataFrame:
    return pd.DataFrame({"actor_id": list(ids), "name": [f"name of {i}" for i in ids]})


def _stances(scores: dict[str, int]) -> StanceResult:
    rows = [{"doc_id": "t", "issue_id": "I1", "actor": f"name of {a}", "actor_id": a, "actor_type": "person",
             "institution": "",
             "stance": "", "score": s, "conditions": "", "evidence": "", "confidence": 1.0}
            for a, s in scores.items()]
    return StanceResult(pd.DataFrame(rows, columns=STANCE_COLUMNS), pd.DataFrame(columns=EVIDENCE_COLUMNS),
                        pd.DataFrame(columns=INSTITUTION_COLUMNS))


def _claims(rows) -> pd.DataFrame:
    """rows: (claim_id, speaker_id, target_id, type, polarity)."""
    out = []
    for n, (cid, speaker, target, kind, polarity) in enumerate(rows):
        out.append({"doc_id": "t", "claim_id": cid, "quote_id": f"Q{n:02d}", "speaker_id": speaker, "type": kind,
                    "target": f"name of {target}", "polarity": polarity, "start": 10 * n, "end": 10 * n + 5,
                    "text": f"claim {cid} about {target}", "target_id": target, "target_type": "country",
                    "holder_id": "", "cues": "", "gist": f"gist of {cid}"})
    return pd.DataFrame(out, columns=CLAIM_COLUMNS)


def _small_network():
    # K00 the policy: A01 +2, A02 +2, A03 -2, A04 +1 (conditional support)
    # K01 verdicts about A05: A01 and A02 negative, A03 positive -> concept negative; A03 disagrees
    # K02 a demand about A06 by A01 only
    claims = _claims([
        ("C01", "A01", "A05", "evaluation", "negative"),
        ("C02", "A02", "A05", "evaluation", "negative"),
        ("C03", "A03", "A05", "evaluation", "positive"),
        ("C04", "A01", "A06", "demand", "neutral"),
    ])
    stances = _stances({"A01": 2, "A02": 2, "A03": -2, "A04": 1})
    return build_network(claims, stances, _actors(["A01", "A02", "A03", "A04", "A05", "A06"]), POLICY, "t")


def test_concepts_group_claims_by_target_and_family():
    net = _small_network()
    c = net.concepts.set_index("concept_id")
    assert list(c.index) == ["K00", "K01", "K02"]
    assert (c.loc["K01", "claims"], c.loc["K01", "polarity"], c.loc["K01", "family"]) == ("C01;C02;C03", "negative", "verdict")
    assert (c.loc["K02", "claims"], c.loc["K02", "family"]) == ("C04", "demand")


def test_statements_link_actors_to_concepts_with_their_side():
    net = _small_network()
    links = {(r.actor_id, r.concept_id): r.agreement for r in net.statements.itertuples(index=False)}
    assert links == {
        ("A01", "K00"): 2, ("A01", "K01"): 1, ("A01", "K02"): 1,
        ("A02", "K00"): 2, ("A02", "K01"): 1,
        ("A03", "K00"): -2, ("A03", "K01"): -1,
        ("A04", "K00"): 1,
    }


def test_congruence_and_conflict_are_jaccard_shares_of_the_union_of_concepts():
    net = _small_network()
    edges = {(r.source, r.target): (r.congruence, r.conflict, r.weight) for r in net.edges.itertuples(index=False)}
    assert edges == {
        # union {K00, K01, K02}: same side on K00 and K01 -> 2/3
        ("A01", "A02"): (0.6667, 0.0, 0.6667),
        # union of 3, opposite on K00 and K01 -> conflict 2/3
        ("A01", "A03"): (0.0, 0.6667, -0.6667),
        # share only K00, +2 against +1: neither congruent nor in conflict
        ("A01", "A04"): (0.0, 0.0, 0.0),
        # union {K00, K01}, opposite on both
        ("A02", "A03"): (0.0, 1.0, -1.0),
        ("A02", "A04"): (0.0, 0.0, 0.0),
        # union {K00, K01}, -2 against +1 on K00 -> conflict 1/2
        ("A03", "A04"): (0.0, 0.5, -0.5),
    }


def test_coalitions_are_numbered_from_the_most_supportive():
    net = _small_network()
    camps = dict(zip(net.coalitions["actor_id"], net.coalitions["coalition"]))
    # positive ties: only A01-A02; A04 (+1) and A03 (-2) are camps of their own
    assert camps == {"A01": 1, "A02": 1, "A04": 2, "A03": 3}


# --------------------------------------------------------------------------- Louvain is deterministic

RING = 6


def _ring_network():
    """Six actors, each sharing one concept with each neighbour: a ring of equal positive ties."""
    ids = [f"A{i:02d}" for i in range(1, RING + 1)]
    rows = []
    for i in range(RING):
        for a in (ids[i], ids[(i + 1) % RING]):
            rows.append((f"C{len(rows) + 1:02d}", a, f"T{i}", "evaluation", "positive"))
    return build_network(_claims(rows), _stances({}), _actors(ids), None, "ring")


def _partition(net) -> list[list[str]]:
    return [sorted(g["actor_id"]) for _k, g in net.coalitions.groupby("coalition")]


def test_the_ring_is_a_graph_where_louvain_depends_on_its_seed():
    # Otherwise the next tests could not fail: a ring of equal ties has several best partitions.
    net = _ring_network()
    positive = nx.Graph((a, b, {"weight": d["weight"]}) for a, b, d in net.signed.edges(data=True))
    assert positive.number_of_edges() == RING
    found = {tuple(sorted(tuple(sorted(c)) for c in nx_comm.louvain_communities(positive, seed=s)))
             for s in range(20)}
    assert len(found) > 1


def test_coalitions_are_the_same_on_every_run_in_one_process():
    first = _partition(_ring_network())
    assert all(_partition(_ring_network()) == first for _ in range(10))


def test_coalitions_are_the_same_in_fresh_processes_with_other_hash_seeds():
    script = (
        "import json, sys; sys.path.insert(0, {tests!r}); import test_network as t; "
        "print(json.dumps(t._partition(t._ring_network())))"
    ).format(tests=os.path.dirname(__file__))
    expected = _partition(_ring_network())
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
        assert json.loads(out.stdout) == expected


# --------------------------------------------------------------------------- GraphML

def test_graphml_files_read_back_with_the_same_edges(tmp_path):
    net = _small_network()
    paths = write_graphml(net, tmp_path / "graphml", "t")
    assert sorted(p.name for p in paths) == ["t.actor_concept.graphml", "t.actor_signed.graphml"]
    assert not list((tmp_path / "graphml").glob("*.tmp"))
    two_mode = nx.read_graphml(tmp_path / "graphml" / "t.actor_concept.graphml")
    signed = nx.read_graphml(tmp_path / "graphml" / "t.actor_signed.graphml")

    def edges(g, *attrs):
        return {(frozenset((a, b)), tuple(d[x] for x in attrs)) for a, b, d in g.edges(data=True)}

    assert edges(two_mode, "agreement", "weight") == edges(net.two_mode, "agreement", "weight")
    assert edges(signed, "congruence", "conflict", "weight") == edges(net.signed, "congruence", "conflict", "weight")
    assert nx.get_node_attributes(signed, "label") == nx.get_node_attributes(net.signed, "label")
    assert len(signed.edges) == len(net.edges) == 6


def test_a_network_without_claims_or_positions_is_empty_not_an_error():
    net = build_network(_claims([]), _stances({}), _actors([]), None, "t")
    assert net.concepts.empty and net.statements.empty and net.edges.empty and net.coalitions.empty
    assert (net.polarisation, net.polarisation_halves) == (0.0, 0.0)


@pytest.mark.parametrize("attr", ["polarisation", "polarisation_halves"])
def test_the_small_network_is_polarised(attr):
    assert getattr(_small_network(), attr) > 0
