"""The disagreement as a discourse network: concepts, congruence and conflict, coalitions.

Following discourse network analysis (Leifeld), a statement is a triple
(actor, concept, agreement). :func:`build_network` makes them from the
claims and positions of one article and returns a :class:`DiscourseNetwork`:

``concepts``
    ``doc_id, concept_id, concept, target, family, claims, polarity``: claims
    about the same target and of the same family (a verdict, or a demand or
    condition) form one concept, named by its most representative claim
    (the claim sharing most words with the others). The main issue itself is
    concept ``K00``: each voice agrees or disagrees with it according to its
    position. A codebook may rename or merge concepts.
``statements``
    ``doc_id, actor_id, actor, concept_id, concept, agreement, weight, claims``:
    the actor × concept links (a claim links the actor whose position it
    states: its holder when a speaker reports someone else's position, as
    discourse network coding does, otherwise its speakers); ``agreement`` is +1 when the actor's claims
    share the polarity of the concept's representative claim, -1 when they
    oppose it; on the issue concept it is the graded position (-2 .. +2).
``edges``
    ``doc_id, source, target, source_name, target_name, congruence, conflict,
    weight``: the one-mode actor networks. Congruence is the Jaccard share of
    the two actors' concepts on which they take the same side (on the graded
    issue concept: the same position; support and conditional support are
    neither congruent nor in conflict), conflict the share on which they
    take opposite sides, both over the union of their concepts;
    ``weight = congruence - conflict``.
``coalitions``
    ``doc_id, actor_id, actor, coalition`` from Louvain community detection
    (networkx, fixed seed) on the positive part of the signed network;
    actors with no positive tie are coalitions of their own.
``polarisation``
    Leifeld's modularity-based polarisation: for a partition ``c``,
    ``P = (Q(congruence, c) - Q(conflict, c)) / 2`` with ``Q`` Newman's
    weighted modularity. Reported for the coalitions and for the best
    division into two equal halves (DNA's default, found exhaustively for up
    to 16 actors).
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import networkx as nx
import pandas as pd
from networkx.algorithms import community as nx_comm

from .frames import Table, TableField, column, rows_of, tuples
from .issues import Issue
from .gists import reads_alone
from .stance import StanceResult

CONCEPT_COLUMNS = ["doc_id", "concept_id", "concept", "target", "family", "claims", "polarity", "example"]
STATEMENT_COLUMNS = ["doc_id", "actor_id", "actor", "concept_id", "concept", "agreement", "weight", "claims"]
EDGE_COLUMNS = ["doc_id", "source", "target", "source_name", "target_name", "congruence", "conflict", "weight"]
COALITION_COLUMNS = ["doc_id", "actor_id", "actor", "coalition", "score"]
SEED = 42
_STOP = frozenset(
    "a an the of to in on at for and or but that this these those is are was were be been being it its "
    "they their them he his she her we our us you your i my me not no with by from as about up if then "
    "would could should will can has have had do does did so than also just there what which who".split()
)
FAMILIES = {"demand": "demand", "condition": "demand"}
#: The target of the claims about the main issue (they name no actor).
ISSUE_TARGET = "issue"


@dataclass(frozen=True)
class DiscourseNetwork:
    """The result of :func:`build_network`.

    ``concepts``, ``statements``, ``edges`` and ``coalitions`` are given as
    DataFrames or as rows (:class:`analysis.frames.Table`) and read as
    DataFrames, made on first read; ``frames.rows_of(network, "concepts")`` and so on give the rows.
    """

    concepts: pd.DataFrame = TableField()
    statements: pd.DataFrame = TableField()
    edges: pd.DataFrame = TableField()
    coalitions: pd.DataFrame = TableField()
    polarisation: float
    two_mode: nx.Graph = field(repr=False)
    signed: nx.Graph = field(repr=False)
    changes: tuple[str, ...] = ()
    issue_id: str = ""          # the issue whose positions are concept K00

    @cached_property
    def polarisation_halves(self) -> float:
        """Polarisation of the best division into two equal halves (computed when asked for)."""
        return best_halves_polarisation(self.signed)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z'\u2019-]+", text.lower()) if w not in _STOP}


def _representative(texts: list[str]) -> int:
    """Index of the text sharing most words (Jaccard) with the others."""
    if len(texts) <= 2:
        return 0
    bags = [_words(t) for t in texts]

    def score(i: int) -> float:
        sims = [len(bags[i] & bags[j]) / max(1, len(bags[i] | bags[j])) for j in range(len(bags)) if j != i]
        # a very short claim shares little but looks similar to everything: weigh by length
        return sum(sims) / len(sims) * min(1.0, len(texts[i].split()) / 8)

    return max(range(len(texts)), key=lambda i: (score(i), -i))


def _concept_name(label: str, words: int = 8) -> str:
    """The main issue as a concept: its label, cut to a few words."""
    parts = label.split()
    return " ".join(parts[:words]) + (" \u2026" if len(parts) > words else "")


def _short(text: str, words: int = 12) -> str:
    parts = text.replace("\n", " ").split()
    return " ".join(parts[:words]) + (" \u2026" if len(parts) > words else "")


def build_network(
    claims: pd.DataFrame | Table,
    stances: StanceResult,
    actors: pd.DataFrame | Table,
    issue: Issue | None,
    doc_id: str,
    codebook: dict | None = None,
    about: dict[str, str] | None = None,
) -> DiscourseNetwork:
    """Concepts, the actor x concept network, congruence/conflict, coalitions, polarisation."""
    names = dict(zip(column(actors, "actor_id"), column(actors, "name")))
    issue_id = issue.issue_id if issue is not None else ""
    stances = [r for r in tuples(rows_of(stances, "stances")) if r.issue_id == issue_id] if issue_id else []
    concept_rows, links = _issue_concept(stances, issue, doc_id)
    rows, claim_links = _claim_concepts(claims, issue, doc_id, about or {})
    concept_rows += rows
    for key, items in claim_links.items():
        links.setdefault(key, []).extend(items)
    concepts = Table(concept_rows, CONCEPT_COLUMNS)
    changes: list[str] = []
    if codebook and codebook.get("concepts"):
        concepts, links, changes = _apply_codebook(concepts.frame(), links, codebook["concepts"])
        concepts = Table.of(concepts)
    statements = _statements(concepts, links, names, doc_id)
    two_mode = _two_mode(concepts, statements, names, doc_id)
    edges, signed = _one_mode(statements, names, doc_id)
    coalitions, partition = _coalitions(signed, names, doc_id, stances)
    pol = polarisation(signed, partition)
    return DiscourseNetwork(concepts, statements, edges, coalitions, pol, two_mode, signed, tuple(changes), issue_id)


Links = dict[tuple[str, str], list[tuple[int, str]]]


def _issue_concept(stances: list, issue: Issue | None, doc_id: str) -> tuple[list[dict], Links]:
    """K00: the main issue itself, with each voice's graded position as its agreement
    (``stances``: the rows of the positions on it, as :func:`analysis.frames.tuples` reads them)."""
    links: Links = {}
    if issue is None:
        return [], links
    row = {"doc_id": doc_id, "concept_id": "K00", "concept": _concept_name(issue.label), "target": issue.label,
           "family": "position", "claims": "", "polarity": "positive", "example": issue.label}
    for r in stances:
        if r.issue_id == issue.issue_id and int(r.score) != 0:
            links.setdefault((r.actor_id, "K00"), []).append((int(r.score), "position"))
    return [row], links


def _claim_concepts(claims: pd.DataFrame | Table, issue: Issue | None, doc_id: str,
                    about: dict[str, str]) -> tuple[list[dict], Links]:
    """Claims grouped by target and family into concepts K01, K02 ..., each named by the gist of
    a representative claim, and each claim's holder linked to its concept."""
    groups: dict[tuple[str, str], list] = {}
    for c in tuples(claims):
        if not c.target_id and c.claim_id in about and issue is not None:
            c = c._replace(target_id=ISSUE_TARGET, target=issue.label)  # a claim about the main issue
        if not c.target_id:
            continue
        groups.setdefault((c.target_id, FAMILIES.get(c.type, "verdict")), []).append(c)
    rows: list[dict] = []
    links: Links = {}
    ordered = sorted(groups.items(), key=lambda kv: min(x.start for x in kv[1]))
    for n, ((_target_id, family), members) in enumerate(ordered, 1):
        cid = f"K{n:02d}"
        polar = [m.polarity for m in members if m.polarity != "neutral"]
        polarity = max(sorted(set(polar)), key=polar.count) if polar else "neutral"
        pool = [m for m in members if m.polarity == polarity] or members
        named = [m for m in pool if reads_alone(m.gist)] or pool  # "It was ..." names nothing
        rep = named[_representative([m.text for m in named])]
        rows.append({
            "doc_id": doc_id, "concept_id": cid, "concept": rep.gist or _short(rep.text, 8),
            "target": members[0].target, "family": f"{family}", "claims": ";".join(m.claim_id for m in members),
            "polarity": polarity, "example": rep.text,
        })
        for m in members:
            agree = 1 if (m.polarity == polarity or m.polarity == "neutral" or polarity == "neutral") else -1
            # as in discourse network coding, a claim belongs to the actor whose position it
            # states: the holder when a speaker reports someone else's ("the minister
            # supported ..." said by her spokesman), otherwise the speaker(s)
            holders = [m.holder_id] if m.holder_id else [s for s in str(m.speaker_id).split(";") if s]
            for h in holders:
                links.setdefault((h, cid), []).append((agree, m.claim_id))
    return rows, links


def _statements(concepts: Table, links: Links, names: dict[str, str], doc_id: str) -> Table:
    """One row per actor and concept: agreement (the graded position for K00) and weight."""
    concept_name = dict(zip(column(concepts, "concept_id"), column(concepts, "concept")))
    rows = []
    for (aid, cid), items in sorted(links.items()):
        if aid not in names or cid not in concept_name:
            continue
        agreement = items[0][0] if cid == "K00" else (1 if sum(a for a, _ in items) >= 0 else -1)
        rows.append({
            "doc_id": doc_id, "actor_id": aid, "actor": names[aid], "concept_id": cid,
            "concept": concept_name[cid], "agreement": agreement, "weight": len(items),
            "claims": ";".join(ref for _a, ref in items if ref != "position"),
        })
    return Table(rows, STATEMENT_COLUMNS)


def _two_mode(concepts: Table, statements: Table, names: dict[str, str], doc_id: str) -> nx.Graph:
    """The actor x concept graph (actors and the concepts they are linked to)."""
    two_mode = nx.Graph(name=f"{doc_id} actor x concept")
    for aid in sorted(set(column(statements, "actor_id"))):
        two_mode.add_node(aid, label=names[aid], kind="actor", bipartite=0)
    linked = set(column(statements, "concept_id"))
    for r in tuples(concepts):
        if r.concept_id in linked:
            two_mode.add_node(r.concept_id, label=r.concept, kind="concept", bipartite=1)
    for r in tuples(statements):
        two_mode.add_edge(r.actor_id, r.concept_id, agreement=int(r.agreement), weight=int(r.weight))
    return two_mode


def _only(stances: StanceResult, issue_id: str) -> StanceResult:
    """The positions on one issue (none when there is no issue)."""
    rows = stances.stances[stances.stances["issue_id"] == issue_id] if issue_id else stances.stances.iloc[0:0]
    return StanceResult(rows.reset_index(drop=True), stances.evidence, stances.institutions, stances.voices)


def _apply_codebook(concepts, links, spec):
    changes = []
    concepts = concepts.copy()
    for group in spec.get("merge") or []:
        group = [str(g) for g in group]
        keep, rest = group[0], group[1:]
        missing = [g for g in group if g not in set(concepts["concept_id"])]
        if missing:
            changes.append(f"merge {', '.join(group)}: unknown concept {', '.join(missing)}; skipped")
            continue
        for (aid, cid) in list(links):
            if cid in rest:
                links.setdefault((aid, keep), []).extend(links.pop((aid, cid)))
        concepts = concepts[~concepts["concept_id"].isin(rest)]
        changes.append(f"merged {', '.join(rest)} into {keep}")
    for cid, name in (spec.get("rename") or {}).items():
        mask = concepts["concept_id"] == str(cid)
        if mask.any():
            changes.append(f"renamed {cid}: {concepts.loc[mask, 'concept'].iloc[0]} \u2192 {name}")
            concepts.loc[mask, "concept"] = str(name)
        else:
            changes.append(f"rename {cid}: no such concept; skipped")
    return concepts.reset_index(drop=True), links, changes


def _one_mode(statements: Table, names: dict, doc_id: str) -> tuple[Table, nx.Graph]:
    sides: dict[str, dict[str, int]] = {}
    for r in tuples(statements):
        sides.setdefault(r.actor_id, {})[r.concept_id] = int(r.agreement)
    signed = nx.Graph(name=f"{doc_id} congruence minus conflict")
    for aid in sorted(sides):
        signed.add_node(aid, label=names[aid])
    rows = []
    for a, b in itertools.combinations(sorted(sides), 2):
        union = set(sides[a]) | set(sides[b])
        shared = set(sides[a]) & set(sides[b])
        if not shared:
            continue
        same = opposite = 0.0
        for c in shared:
            x, y = sides[a][c], sides[b][c]
            if x == y:
                same += 1
            elif (x > 0) != (y > 0):
                opposite += 1
            # same side of a graded position but another strength: neither
        congruence = same / len(union)
        conflict = opposite / len(union)
        weight = round(congruence - conflict, 4)
        congruence, conflict = round(congruence, 4), round(conflict, 4)
        rows.append({
            "doc_id": doc_id, "source": a, "target": b, "source_name": names[a], "target_name": names[b],
            "congruence": congruence, "conflict": conflict, "weight": weight,
        })
        signed.add_edge(a, b, congruence=congruence, conflict=conflict, weight=weight)
    return Table(rows, EDGE_COLUMNS), signed


def _layer(graph: nx.Graph, attr: str) -> nx.Graph:
    layer = nx.Graph()
    layer.add_nodes_from(graph.nodes)
    layer.add_weighted_edges_from((a, b, d[attr]) for a, b, d in graph.edges(data=True) if d[attr] > 0)
    return layer


def polarisation(signed: nx.Graph, partition: list[set[str]], layers: tuple[nx.Graph, nx.Graph] | None = None) -> float:
    """Leifeld's polarisation of a partition: (Q(congruence) - Q(conflict)) / 2.

    ``layers`` may pass the congruence and conflict graphs already built (see
    :func:`best_halves_polarisation`, which scores many partitions).
    """
    if signed.number_of_nodes() < 2 or len(partition) < 2:
        return 0.0
    layers = layers or (_layer(signed, "congruence"), _layer(signed, "conflict"))
    q = [nx_comm.modularity(layer, partition, weight="weight") if layer.number_of_edges() else 0.0
         for layer in layers]
    return round((q[0] - q[1]) / 2, 4)


def best_halves_polarisation(signed: nx.Graph, limit: int = 14) -> float:
    """The largest polarisation over divisions into two equal halves.

    Exhaustive up to ``limit`` connected actors (1,716 divisions for 14); above
    that, the Kernighan-Lin bisection of the congruence network.
    """
    degree = dict(signed.degree())
    nodes = sorted(n for n in signed.nodes if degree[n] > 0)
    if len(nodes) < 2:
        return 0.0
    sub = signed.subgraph(nodes)
    layers = (_layer(sub, "congruence"), _layer(sub, "conflict"))
    if len(nodes) > limit:
        halves = nx_comm.kernighan_lin_bisection(layers[0], seed=SEED)
        return polarisation(sub, [set(h) for h in halves], layers)
    best = 0.0
    first, rest = nodes[0], nodes[1:]
    size = len(nodes) // 2
    for combo in itertools.combinations(rest, size - 1):
        left = {first, *combo}
        best = max(best, polarisation(sub, [left, set(nodes) - left], layers))
    return round(best, 4)


def _coalitions(signed: nx.Graph, names: dict, doc_id: str, stances: list):
    """Coalitions of the signed network (``stances``: the rows of the positions on the main issue)."""
    positive = nx.Graph()
    positive.add_nodes_from(sorted(signed.nodes))
    positive.add_weighted_edges_from(
        (a, b, d["weight"]) for a, b, d in sorted(signed.edges(data=True)) if d["weight"] > 0
    )
    if positive.number_of_edges():
        found = nx_comm.louvain_communities(positive, weight="weight", seed=SEED)
    else:
        found = [{n} for n in positive.nodes]
    score = {r.actor_id: r.score for r in stances}
    # number coalitions from the most supportive to the most opposed
    ranked = sorted(found, key=lambda c: (-sum(score.get(a, 0) for a in c) / len(c), min(c)))
    rows = []
    for k, members in enumerate(ranked, 1):
        for aid in sorted(members):
            rows.append({"doc_id": doc_id, "actor_id": aid, "actor": names[aid], "coalition": k,
                         "score": score.get(aid, 0)})
    return Table(rows, COALITION_COLUMNS), [set(c) for c in ranked]


def write_graphml(net: DiscourseNetwork, folder: str | Path, doc_id: str) -> list[Path]:
    """Write the two-mode and the signed one-mode network as GraphML (Gephi, visone)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for graph, name in ((net.two_mode, "actor_concept"), (net.signed, "actor_signed")):
        path = folder / f"{doc_id}.{name}.graphml"
        tmp = path.with_suffix(".graphml.tmp")
        tmp.write_bytes(graphml_bytes(graph))
        tmp.replace(path)
        out.append(path)
    return out


def graphml_bytes(graph: nx.Graph) -> bytes:
    """The GraphML file of a graph, byte for byte what ``networkx.write_graphml_xml`` writes.

    networkx's own writer builds the document (keys, types, data); the document is then
    indented as that writer does and serialised here in one pass, which takes half the time
    of ``ElementTree.write`` (no namespace and QName bookkeeping for a document that has
    none). ``networkx.write_graphml`` would pick the lxml writer where lxml is installed,
    which lays the file out differently: this always gives the layout of the plain one.
    """
    from xml.etree.ElementTree import _escape_attrib, _escape_cdata  # the escaping ElementTree.write uses

    from networkx.readwrite.graphml import GraphMLWriter

    writer = GraphMLWriter(graph=graph, encoding="utf-8", prettyprint=True)
    writer.indent(writer.xml)
    parts = ["<?xml version='1.0' encoding='utf-8'?>\n"]
    write = parts.append

    def serialise(elem) -> None:
        tag, text = elem.tag, elem.text
        write("<" + tag)
        for key, value in elem.items():
            write(f' {key}="{_escape_attrib(value)}"')
        if text or len(elem):
            write(">")
            if text:
                write(_escape_cdata(text))
            for child in elem:
                serialise(child)
            write("</" + tag + ">")
        else:
            write(" />")
        if elem.tail:
            write(_escape_cdata(elem.tail))

    serialise(writer.xml)
    return "".join(parts).encode("utf-8", "xmlcharrefreplace")


@dataclass(frozen=True)
class Camp:
    """One coalition described for a reader."""

    coalition: int
    members: tuple[str, ...]
    mean_score: float
    conditions: tuple[str, ...]
    agrees_with: tuple[str, ...]      # concepts most of its members agree with
    evidence: tuple[str, ...]          # claim ids its members cite
    scores: tuple[int, ...] = ()       # each member's position, in the order of ``members``


@dataclass(frozen=True)
class Split:
    """The disagreement in plain terms: camps, shared ground and dividing lines."""

    camps: tuple[Camp, ...]
    shared: tuple[str, ...]            # concepts on which members of different camps agree
    dividing: tuple[str, ...]          # concepts on which members of different camps conflict
    unaligned: tuple[str, ...]         # actors with no tie to anyone


def describe_split(net: DiscourseNetwork, stances: StanceResult) -> Split:
    """What each camp stands for, what camps share and what divides them."""
    stances = _only(stances, net.issue_id)
    coal = dict(zip(net.coalitions["actor_id"].tolist(), net.coalitions["coalition"].tolist()))
    names = dict(zip(net.coalitions["actor_id"].tolist(), net.coalitions["actor"].tolist()))
    sizes = net.coalitions.groupby("coalition").size()
    concept = dict(zip(net.concepts["concept_id"].tolist(), net.concepts["concept"].tolist()))
    st = stances.stances.set_index("actor_id") if len(stances.stances) else stances.stances
    camps = []
    unaligned = []
    for k in sorted(sizes.index):
        members = sorted(a for a, c in coal.items() if c == k)
        if len(members) == 1 and not any(d["weight"] for _a, _b, d in net.signed.edges(members[0], data=True)):
            unaligned.append(names[members[0]])  # no agreement or conflict with anyone
            continue
        rows = net.statements[net.statements["actor_id"].isin(members)]
        counts = rows[rows["agreement"] > 0].groupby("concept_id").size().sort_values(ascending=False)
        agrees = tuple(concept[c] for c in counts.index if counts[c] >= max(2, len(members) // 2) and c != "K00")
        conditions = []
        for a in members:
            if a in st.index and st.loc[a, "conditions"]:
                conditions.extend(x.strip() for x in str(st.loc[a, "conditions"]).split(";") if x.strip())
        evidence = sorted({c for cl in rows["claims"] for c in str(cl).split(";") if c})
        scores = [float(st.loc[a, "score"]) for a in members if a in st.index]
        camps.append(Camp(k, tuple(names[a] for a in members), round(sum(scores) / max(1, len(scores)), 2),
                          tuple(dict.fromkeys(conditions)), agrees, tuple(evidence),
                          tuple(int(st.loc[a, "score"]) if a in st.index else 0 for a in members)))
    shared, dividing = [], []
    for cid, rows in net.statements.groupby("concept_id"):
        sides = {}
        for r in rows.itertuples(index=False):
            sides.setdefault(coal.get(r.actor_id), set()).add(1 if r.agreement > 0 else -1)
        camps_here = [c for c in sides if c is not None]
        if len(camps_here) < 2:
            continue
        values = set().union(*sides.values())
        if len(values) > 1 and any(sides[a] != sides[b] for a in camps_here for b in camps_here):
            dividing.append(concept[cid])
        elif len(values) == 1:
            shared.append(concept[cid])
    return Split(tuple(camps), tuple(shared), tuple(dividing), tuple(unaligned))
