"""Positions on the policy at stake, each resting on evidence from the text.

:func:`extract_stances` returns a :class:`StanceResult` with three tables.

``stances`` (one row per voice)
    ``doc_id, actor, actor_id, actor_type, institution, stance, score,
    conditions, evidence, confidence``: ``score`` is on the scale +2
    support, +1 conditional support, 0 neutral or unclear, -1 skeptical,
    -2 opposed, and ``stance`` is its label; ``conditions`` are the
    conditions the actor attaches (';'-joined); ``evidence`` lists the claim
    ids (``C07``) and reporter sentences (``S04``) the score rests on.
``evidence`` (one row per piece of evidence)
    ``doc_id, actor_id, source, ref, score, cue, start, end, text`` with
    ``source`` one of ``owner`` (the actor proposed the policy), ``claim``
    (a claim about the policy or its partner), ``condition`` and ``framing``
    (the reporter's description of a reaction, "offered lukewarm support").
``institutions``
    the mean score of each institution's voices.

A voice is an actor who makes a statement, whose position a statement
reports ("the minister supported ..."), or whom the reporter describes reacting.
The cues and their scores are in ``analysis/data/stance_cues.yml``.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
from spacy.tokens import Doc, Token

from .actors import ActorTable
from .claims import POLICY_ID, Policy, rules as claim_rules
from .corpus import Article, quotation_spans
from .frames import records, tuples
from .nlp import forms
from .quotes import verb_subject
from .resources import load_yaml

STANCE_COLUMNS = [
    "doc_id", "actor", "actor_id", "actor_type", "institution", "stance", "score", "conditions",
    "evidence", "confidence",
]
EVIDENCE_COLUMNS = ["doc_id", "actor_id", "source", "ref", "score", "cue", "start", "end", "text"]
INSTITUTION_COLUMNS = ["doc_id", "institution", "score", "stance", "voices", "actors"]


@lru_cache(maxsize=1)
def cues() -> dict:
    """The stance cues (``analysis/data/stance_cues.yml``)."""
    data = load_yaml("stance_cues.yml")
    data["labels"] = {int(k): v for k, v in data["labels"].items()}
    data["cues"] = {str(k).lower(): int(v) for k, v in data["cues"].items()}
    return data


def label(score: int) -> str:
    """The name of a position on the scale (``2`` -> ``support``)."""
    return cues()["labels"][int(score)]


@dataclass(frozen=True)
class StanceResult:
    """The result of :func:`extract_stances`."""

    stances: pd.DataFrame
    evidence: pd.DataFrame
    institutions: pd.DataFrame


@lru_cache(maxsize=1)
def _cue_patterns() -> tuple[tuple[str, re.Pattern, int], ...]:
    """Every cue with its whole-word pattern, longest first."""
    table = cues()["cues"]
    return tuple(
        (phrase, re.compile(r"(?<![\w\u2019'])" + re.escape(phrase) + r"(?![\w])"), table[phrase])
        for phrase in sorted(table, key=len, reverse=True)
    )


def cue_score(text: str) -> tuple[int | None, str]:
    """The strongest stance cue in a text, with negation reversing it; ``(None, '')`` if none."""
    low = text.lower()
    negators = [str(n).lower() for n in claim_rules()["negators"]]
    best: tuple[int, str] | None = None
    taken: list[tuple[int, int]] = []
    for phrase, pattern, value in _cue_patterns():
        if phrase not in low:
            continue
        for m in pattern.finditer(low):
            if any(a <= m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            score = value
            before = low[max(0, m.start() - 25):m.start()].split()[-3:]
            if any(b in negators or b.endswith(("n't", "n\u2019t")) for b in before):
                score = -score
            if best is None or abs(score) > abs(best[0]):
                best = (score, phrase)
    return (best[0], best[1]) if best else (None, "")


class _Collector:
    def __init__(self, article, doc, actors, quotes, claims, policy):
        self.article = article
        self.doc = doc
        self.actors = actors
        self.quotes = quotes
        self.claims = claims
        self.policy = policy
        self.info = actors.info
        self.claim_rows = tuples(claims)  # read once: every pass below goes through the claims
        self.rows: list[dict] = []
        self.conditions: dict[str, list[str]] = {}
        self.voices: list[str] = []

    def voice(self, aid: str) -> None:
        if aid and aid in self.info and aid not in self.voices:
            self.voices.append(aid)

    def add(self, aid, source, ref, score, cue, start, end):
        self.voice(aid)
        self.rows.append({
            "doc_id": self.article.doc_id, "actor_id": aid, "source": source, "ref": ref,
            "score": score, "cue": cue, "start": start, "end": end,
            "text": self.article.original[start:end],
        })

    # ------------------------------------------------------------------ sources
    def owner(self) -> None:
        p = self.policy
        if p is None or not p.owner_id:
            return
        start, end = (p.mentions[0][0], p.mentions[0][1]) if p.mentions else (0, 0)
        self.add(p.owner_id, "owner", "owner", 2, "proposes the policy", start, end)

    def from_claims(self) -> None:
        r = cues()
        partners = set(self.policy.partner_ids) if self.policy else set()
        for c in self.claim_rows:
            holders = [s for s in str(c.speaker_id).split(";") if s]
            if c.holder_id:
                holders.append(c.holder_id)
            for h in holders:
                self.voice(h)
            against = c.target_id == POLICY_ID and (cue_score(c.text)[0] or 0) < 0
            if c.type in r["condition_types"] and not against:
                for h in holders:
                    self.conditions.setdefault(h, []).append(c.text)
                    self.add(h, "condition", c.claim_id, None, c.type, c.start, c.end)
                continue
            score, cue = None, ""
            if c.target_id == POLICY_ID:
                score, cue = cue_score(c.text)
                if score is None and c.polarity != "neutral":
                    score, cue = (1 if c.polarity == "positive" else -1), f"{c.polarity} about the policy"
            elif c.target_id and c.target_id in partners and c.polarity in r["partner_scores"]:
                score = r["partner_scores"][c.polarity]
                cue = f"{c.polarity} about {c.target}"
            if score is None:
                continue
            for h in holders:
                self.add(h, "claim", c.claim_id, max(-2, min(2, score)), cue, c.start, c.end)

    def framing(self) -> None:
        """The reporter's descriptions of reactions ("offered lukewarm support for the plan")."""
        doc = self.doc
        table = cues()["cues"]
        reaction = set(cues()["reaction_nouns"])
        in_quote = quotation_spans(self.article.text)
        policy_sents = set()
        if self.policy is not None:
            for s, _e, _t in self.policy.mentions:
                policy_sents.add(self.article.sentence_index(s))
        policy_nouns = set(claim_rules()["policy_nouns"]["strong"]) | set(claim_rules()["policy_nouns"]["weak"])
        statements = [
            (s, e, {a for a in str(sid).split(";") if a})
            for s, e, sid in zip(self.quotes["start"].tolist(), self.quotes["end"].tolist(),
                                 self.quotes["speaker_id"].tolist())
        ]
        counted = {(r["actor_id"], r["ref"]) for r in self.rows}
        claim_at = [(c.start, c.end, c.claim_id) for c in self.claim_rows]
        self.lows = forms(doc).lower
        self.phrase_starts = {p.split()[0] for p in table if " " in p}
        quoted = set()
        for s_, e_ in in_quote:
            span = doc.char_span(s_, e_, alignment_mode="expand")
            if span is not None:
                quoted.update(range(span.start, span.end))
        skip_until = -1
        for i, low in enumerate(self.lows):
            if low not in table and low not in self.phrase_starts:
                continue  # no cue starts here
            tok = doc[i]
            if tok.i <= skip_until or tok.i in quoted or tok.idx < len(self.article.dateline):
                continue
            cue, score, end_tok = self.match(tok, table)
            if cue is None:
                continue
            skip_until = end_tok.i
            if end_tok.i == tok.i and tok.dep_ in ("compound", "amod") and tok.head.pos_ in ("NOUN", "PROPN"):
                continue  # "opposition forces": part of a name, not an attitude
            start, end = self.article.to_original(tok.idx, end_tok.idx + len(end_tok.text))
            sent = self.article.sentence_index(start)
            inside = [spk for s, e, spk in statements if s <= start < e]
            claim = next((cid for s, e, cid in claim_at if s <= start < e), "")
            for actor in self.holders_of(tok, end_tok):
                if any(actor in spk for spk in inside) or (actor, claim) in counted:
                    continue  # the speaker's own words already count as claims
                anchored = sent in policy_sents or sent - 1 in policy_sents or self.reacts(tok, reaction) or any(
                    t.lemma_.lower() in policy_nouns for t in tok.subtree if t.i != tok.i
                ) or any(t.lemma_.lower() in policy_nouns for t in tok.head.subtree if t.dep_ == "dobj")
                if not anchored and self.info[actor]["type"] not in ("group", "anonymous"):
                    continue
                self.add(actor, "framing", f"S{sent + 1:02d}", score, cue, start, end)

    def match(self, tok: Token, table: dict) -> tuple[str | None, int, Token]:
        doc = self.doc
        lows = self.lows
        for n in (3, 2):
            if tok.i + n <= len(doc) and lows[tok.i] in self.phrase_starts:
                phrase = " ".join(lows[tok.i:tok.i + n])
                if phrase in table:
                    return phrase, table[phrase], doc[tok.i + n - 1]
        if lows[tok.i] in table:
            return lows[tok.i], table[lows[tok.i]], tok
        return None, 0, tok

    def reacts(self, tok: Token, reaction: set[str]) -> bool:
        head = tok.head
        subj = [c for c in head.children if c.dep_ == "nsubj"]
        return any(s.lemma_.lower() in reaction for s in subj) or tok.lemma_.lower() in reaction

    def holders_of(self, tok: Token, last: Token) -> list[str]:
        """Whose reaction a cue describes (several for "the White House and Pentagon")."""
        ta = self.actors.token_actor
        node = last if last.i != tok.i else tok

        def actors_in(tokens) -> list[str]:
            found: list[str] = []
            for t in tokens:
                aid = ta.get(t.i) or next((ta[x.i] for x in t.subtree if x.i in ta), "")
                if aid and aid not in found:
                    found.append(aid)
            return found

        # "The move has angered X": the plan as subject, the actor as object
        if node.pos_ == "VERB" and self.policy is not None:
            subj = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj and any(self.policy.refers(*self.article.to_original(t.idx, t.idx + len(t.text))) for t in subj):
                found = actors_in(c for c in node.children if c.dep_ == "dobj")
                if found:
                    return found
        # the verb that governs the cue ("offered lukewarm support", "expressed anger", "X criticized")
        verb = node if node.pos_ in ("VERB", "AUX") else node.head
        for _ in range(3):
            if verb.pos_ in ("VERB", "AUX"):
                break
            verb = verb.head
        subj = verb_subject(verb, ta) if verb.pos_ in ("VERB", "AUX") else []
        if not subj and verb.dep_ in ("advcl", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head  # "... spoke anonymously to criticize ..."
            subj = verb_subject(verb, ta)
        found: list[str] = []
        for s in subj:
            if s.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
                s = verb.head
            aid = ta.get(s.i)
            if not aid:
                poss = [c for c in s.children if c.dep_ == "poss" and c.i in ta]
                aid = ta[poss[0].i] if poss else ""
            if aid and aid not in found:
                found.append(aid)
        return found

    # ------------------------------------------------------------------ aggregate
    def result(self) -> StanceResult:
        doc_id = self.article.doc_id
        evidence = pd.DataFrame(self.rows, columns=EVIDENCE_COLUMNS)
        # empty for a condition, an integer otherwise
        evidence["score"] = pd.array([r["score"] for r in self.rows], dtype="Int64")
        conf = cues()["confidence"]
        rows = []
        for aid in self.voices:
            ev = [r for r in self.rows if r["actor_id"] == aid]
            scored = [r for r in ev if r["score"] is not None and r["score"] != 0]
            conditions = list(dict.fromkeys(self.conditions.get(aid, [])))
            owner = any(r["source"] == "owner" for r in ev)
            if owner:
                score = 2
            elif not scored:
                score = 1 if conditions else 0
            else:
                values = [r["score"] for r in scored]
                support = any(r["score"] > 0 and (r["source"] == "framing" or self.about_policy(r)) for r in scored)
                doubt = any(v < 0 for v in values)
                mean = sum(values) / len(values)
                if support and doubt:
                    score = 1
                elif mean > 0:
                    score = 1 if conditions else int(min(2, math.floor(mean + 0.5)))
                else:
                    score = int(max(-2, -math.floor(-mean + 0.5)))
            agree = [r for r in scored if (r["score"] > 0) == (score > 0)] if score else []
            share = (len(agree) / len(scored)) if (scored and score) else (1.0 if score == 0 and not scored else 0.5)
            confidence = 1.0 if owner else round(min(1.0, conf["base"] + conf["step"] * len(ev)) * share, 2)
            refs = list(dict.fromkeys(r["ref"] for r in ev))
            if not refs:  # a voice with nothing about the policy: show what was read
                refs = self.claims_by_speaker().get(aid, [])
            row = self.info[aid]
            rows.append({
                "doc_id": doc_id, "actor": row["name"], "actor_id": aid, "actor_type": row["type"],
                "institution": row["institution"], "stance": label(score), "score": score,
                "conditions": "; ".join(conditions), "evidence": ";".join(refs), "confidence": confidence,
            })
        rows.sort(key=lambda r: (-r["score"], r["actor_id"]))  # strongest support first
        stances = pd.DataFrame(rows, columns=STANCE_COLUMNS)
        return StanceResult(stances, evidence, _institution_table(rows, doc_id))

    def claims_by_speaker(self) -> dict[str, list[str]]:
        if not hasattr(self, "_by_speaker"):
            self._by_speaker: dict[str, list[str]] = {}
            for c in self.claim_rows:
                for a in str(c.speaker_id).split(";"):
                    self._by_speaker.setdefault(a, []).append(c.claim_id)
        return self._by_speaker

    def about_policy(self, r: dict) -> bool:
        if r["source"] != "claim":
            return False
        if not hasattr(self, "_targets"):
            self._targets = {c.claim_id: c.target_id for c in self.claim_rows}
        return self._targets.get(r["ref"]) == POLICY_ID


def institution_positions(stances: pd.DataFrame) -> pd.DataFrame:
    """Mean position of each institution's voices (an actor with several institutions counts for each)."""
    return _institution_table(records(stances), stances["doc_id"].iloc[0] if len(stances) else "")


def _institution_table(stances: list[dict], doc_id: str) -> pd.DataFrame:
    rows = []
    by_inst: dict[str, list[tuple[str, int]]] = {}
    for r in stances:
        institutions = [i.strip() for i in str(r["institution"] or "").split(";") if i.strip()]
        for inst in institutions or ["(institution not stated)"]:
            by_inst.setdefault(inst, []).append((r["actor"], int(r["score"])))
    for inst, members in by_inst.items():
        mean = sum(s for _a, s in members) / len(members)
        rows.append({
            "doc_id": doc_id, "institution": inst, "score": round(mean, 2),
            "stance": label(int(max(-2, min(2, math.floor(mean + 0.5))))),
            "voices": len(members), "actors": "; ".join(a for a, _s in members),
        })
    rows.sort(key=lambda r: (-r["score"], r["institution"]))
    return pd.DataFrame(rows, columns=INSTITUTION_COLUMNS)


def extract_stances(
    article: Article, doc: Doc, actors: ActorTable, quotes: pd.DataFrame, claims: pd.DataFrame,
    policy: Policy | None,
) -> StanceResult:
    """Each voice's position on the policy, with conditions and evidence."""
    col = _Collector(article, doc, actors, quotes, claims, policy)
    for sid in quotes["speaker_id"]:
        for aid in str(sid).split(";"):
            col.voice(aid)
    col.owner()
    col.from_claims()
    col.framing()
    return col.result()
