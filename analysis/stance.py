"""Positions on each issue at stake, each resting on evidence from the text.

:func:`extract_stances` returns a :class:`StanceResult` with three tables,
one row set per issue of :mod:`analysis.issues` (``issue_id``).

``stances`` (one row per voice and issue)
    ``doc_id, issue_id, actor, actor_id, actor_type, institution, stance, score,
    conditions, evidence, confidence``: ``score`` is on the scale +2
    support, +1 conditional support, 0 neutral or unclear, -1 skeptical,
    -2 opposed, and ``stance`` is its label; ``conditions`` are the
    conditions the voice attaches (';'-joined); ``evidence`` lists the claim
    ids (``C07``) and reporter sentences (``S04``) the score rests on;
    ``confidence`` is low when the evidence points both ways. A voice that
    says nothing about an issue has no row for it.
``evidence`` (one row per piece of evidence)
    ``doc_id, issue_id, actor_id, source, ref, score, cue, start, end, text``
    with ``source`` one of ``owner`` (the voice proposes or made the issue),
    ``speaks_for`` (a spokesperson or aide of the owner), ``framing`` (the
    reporter's description of a reaction: "drew criticism from X", "X
    voted against the bill"), ``side`` (a group named by its side:
    "supporters", "critics"), ``stance`` (the voice's own words of support
    or opposition), ``evaluation`` (what the voice's words say of the issue
    or its owner), ``consequence`` (a predicted effect: "would cost jobs"),
    ``condition`` (a demand or an "if"), ``neutral`` (declined to comment),
    ``target`` (the one a restrictive issue acts against: "a call to abandon
    X") and ``context`` (the voice's words near the issue, weighed lightly).
``institutions``
    the mean score of each institution's voices, per issue.

The words each source reads are in ``analysis/data/stance_lexicon.yml``,
with their provenance in ``analysis/data/README.md``; the valence of
evaluations is VADER's lexicon (Hutto & Gilbert 2014).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
from spacy.tokens import Doc

from .actors import ActorTable
from .corpus import Article
from .evidence import (
    act_evidence, camp_evidence, claim_evidence, commitment_evidence, context_evidence, continuation_evidence,
    owner_evidence, relayed_evidence, verdict_evidence,
)
from .reactions import (
    act_framing_evidence, alignment_evidence, framing_evidence, neutral_evidence, reaction_evidence, relation_evidence,
    same_side_evidence, side_evidence, target_evidence,
)
from .frames import Table, TableField, column
from .issues import IssueSet
from .reading import Context, Evidence, lexicon

STANCE_COLUMNS = [
    "doc_id", "issue_id", "actor", "actor_id", "actor_type", "institution", "stance", "score", "conditions",
    "evidence", "confidence",
]
EVIDENCE_COLUMNS = ["doc_id", "issue_id", "actor_id", "source", "ref", "score", "cue", "start", "end", "text"]
#: Positions are placed on the main issue and the next most salient one.
MAX_ISSUES = 2
INSTITUTION_COLUMNS = ["doc_id", "issue_id", "institution", "score", "stance", "voices", "actors"]


def label(score: int) -> str:
    """The name of a position on the scale (``2`` -> ``support``)."""
    return lexicon()["labels"][int(score)]


@dataclass(frozen=True)
class StanceResult:
    """The result of :func:`extract_stances`.

    ``stances``, ``evidence`` and ``institutions`` are given as DataFrames
    or as rows (:class:`analysis.frames.Table`) and read as DataFrames, made
    on first read; ``frames.rows_of(result, "stances")`` gives the rows.
    """

    stances: pd.DataFrame = TableField()
    evidence: pd.DataFrame = TableField()
    institutions: pd.DataFrame = TableField()
    voices: tuple[str, ...] = ()      # every actor who speaks or is described reacting

    def for_issue(self, issue_id: str) -> pd.DataFrame:
        """The positions on one issue."""
        return self.stances[self.stances["issue_id"] == issue_id]


# --------------------------------------------------------------------------- positions

def _position(items: list[Evidence], lex: dict) -> tuple[int, float, bool] | None:
    """(score, confidence, mixed) from a voice's evidence, or None when it says nothing.

    Speaking for the owner (``speaks_for``: a camp member, a spokesman relaying a line) is a
    presumption: when the voice's own words take a side (framing, side or stance words, not the
    tone of what it says), they alone place it, unless they come to 0."""
    bounds = lex["bounds"]
    conf = lex["confidence"]
    if any(e.source == "owner" for e in items):
        return 2, 1.0, False
    own = [e for e in items if e.source != "speaks_for"]
    if len(own) < len(items) and any(e.source in ("framing", "side", "stance") for e in own):
        found = _position(own, lex)
        if found is not None and found[0] != 0:
            return found
    explicit = [e for e in items if e.source not in ("context", "mention")]
    mentioned = any(e.source == "mention" for e in items)
    used = explicit or items
    if not used:
        return None
    total = sum(e.weight for e in used)
    mean = sum(e.score * e.weight for e in used) / total
    positive = sum(e.weight for e in used if e.score > 0)
    negative = sum(e.weight for e in used if e.score < 0)
    conditional = any(e.source == "condition" for e in used)
    if abs(mean) >= bounds["strong"]:
        score = 2 if mean > 0 else -2
    elif abs(mean) >= bounds["weak"]:
        score = 1 if mean > 0 else -1
    else:
        score = _lean_of_own_words(used)
    if score == 2 and conditional:
        score = 1
    mixed = positive >= 1.0 and negative >= 1.0
    if mixed:
        score = max(-1, min(1, score))
    if not explicit and score == 0 and not mentioned:
        return None  # only words near the issue, and they say nothing: no position
    agree = sum(e.weight for e in used if (e.score > 0) == (score > 0) and (e.score < 0) == (score < 0))
    share = agree / total if total else 0.0
    confidence = round(min(1.0, conf["base"] + conf["step"] * len(used)) * max(share, 0.25), 2)
    if not explicit and not mentioned:
        confidence = round(confidence * 0.5, 2)
    if mixed:
        confidence = min(confidence, 0.4)  # evidence both ways: a reading, not a finding
    return score, confidence, mixed


def _lean_of_own_words(used: list[Evidence]) -> int:
    """The lean of evidence that averages out (``bounds.weak``): when tone and effects cancel,
    the voice's own stance words ("concerned", "welcomed", "block the deal") still say which
    way it leans (+1 or -1); 0 when they are absent or cancel too."""
    own = sum(e.score * e.weight for e in used if e.source == "stance" and e.score)
    return (own > 0) - (own < 0)


#: The readers of evidence, in the order their items are gathered for each issue.
_SOURCES = (owner_evidence, camp_evidence, framing_evidence, act_framing_evidence, neutral_evidence, side_evidence,
            claim_evidence, act_evidence, commitment_evidence, continuation_evidence, verdict_evidence,
            alignment_evidence, same_side_evidence, reaction_evidence)


def extract_stances(
    article: Article, doc: Doc, actors: ActorTable, quotes: pd.DataFrame, claims: pd.DataFrame, issues: IssueSet,
) -> StanceResult:
    """Each voice's position on each issue, with its conditions and evidence."""
    ctx = Context(article, doc, actors, quotes, claims, issues)
    voices: list[str] = []
    for sid in column(quotes, "speaker_id"):
        for aid in str(sid).split(";"):
            if aid and aid not in voices:
                voices.append(aid)
    rows, ev_rows = [], []
    lex = ctx.lex
    for issue in issues.issues[:MAX_ISSUES]:
        items: list[Evidence] = []
        ctx.relations = []
        for source in _SOURCES:
            items.extend(source(ctx, issue))
        items = [e for e in items if e.source != "context"]
        # a voice who only speaks of the issue, with no side in those words, is read by its tone too
        items.extend(context_evidence(ctx, issue, {e.actor_id for e in items if e.source != "mention"}))
        by_actor: dict[str, list[Evidence]] = {}
        for e in items:
            if e.actor_id in ctx.info:
                by_actor.setdefault(e.actor_id, []).append(e)
        first = {aid: found[0] for aid, ev in by_actor.items() if (found := _position(ev, lex)) is not None}
        for e in relation_evidence(ctx, issue, first):
            own = by_actor.get(e.actor_id, [])
            if not any(x.source not in ("context", "relation") for x in own):
                by_actor.setdefault(e.actor_id, []).append(e)
        for e in target_evidence(ctx, issue):  # a lean, for a voice with no side of its own
            if not any(x.source not in ("context", "mention", "target") for x in by_actor.get(e.actor_id, [])):
                by_actor.setdefault(e.actor_id, []).append(e)
        for e in relayed_evidence(ctx, issue, first, by_actor):
            by_actor.setdefault(e.actor_id, []).append(e)
        for aid, evidence in by_actor.items():
            if aid not in voices:
                voices.append(aid)
            found = _position(evidence, lex)
            for e in evidence:
                ev_rows.append({"doc_id": article.doc_id, "issue_id": issue.issue_id, "actor_id": aid,
                                "source": e.source, "ref": e.ref, "score": e.score, "cue": e.cue, "start": e.start,
                                "end": e.end, "text": article.original[e.start:e.end]})
            if found is None:
                continue
            score, confidence, _mixed = found
            conditions = list(dict.fromkeys(article.original[e.start:e.end] for e in evidence
                                            if e.source == "condition"))
            row = ctx.info[aid]
            rows.append({
                "doc_id": article.doc_id, "issue_id": issue.issue_id, "actor": row["name"], "actor_id": aid,
                "actor_type": row["type"], "institution": row["institution"], "stance": label(score),
                "score": score, "conditions": "; ".join(conditions),
                "evidence": ";".join(dict.fromkeys(e.ref for e in evidence if e.ref not in ("owner", "role", "name"))
                                     ) or evidence[0].source, "confidence": confidence,
            })
    rows.sort(key=lambda r: (r["issue_id"], -r["score"], r["actor_id"]))
    stances = Table(rows, STANCE_COLUMNS)
    evidence = Table(ev_rows, EVIDENCE_COLUMNS, casts={"score": "Int64"})
    return StanceResult(stances, evidence, _institution_table(rows, article.doc_id), tuple(voices))


def _institution_table(stances: list[dict], doc_id: str) -> Table:
    rows = []
    by_inst: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for r in stances:
        institutions = [i.strip() for i in str(r["institution"] or "").split(";") if i.strip()]
        for inst in institutions or ["(institution not stated)"]:
            by_inst.setdefault((r.get("issue_id", ""), inst), []).append((r["actor"], int(r["score"])))
    for (issue_id, inst), members in by_inst.items():
        mean = sum(s for _a, s in members) / len(members)
        rows.append({
            "doc_id": doc_id, "issue_id": issue_id, "institution": inst, "score": round(mean, 2),
            "stance": label(int(max(-2, min(2, math.floor(mean + 0.5))))),
            "voices": len(members), "actors": "; ".join(a for a, _s in members),
        })
    rows.sort(key=lambda r: (r["issue_id"], -r["score"], r["institution"]))
    return Table(rows, INSTITUTION_COLUMNS)
