"""Score the analysis against a hand-made gold annotation (``gold/*.yml``).

The gold format and the annotation guideline are in ``gold/GUIDELINE.md``.
:func:`evaluate` compares one :class:`~analysis.pipeline.Analysis` with its
gold file and returns an :class:`Evaluation`:

``scores``
    one row per measure: ``level, measure, value, n`` (actors, mentions,
    statements, speakers, positions).
``errors``
    every miss and false hit, and every wrong speaker or position, with the
    sentence it came from: ``level, kind, gold_id, gold, predicted_id,
    predicted, sentence_index, sentence``.
``positions``
    the gold and predicted position of each gold voice.

Matching rules. An actor matches a gold actor when they share mentions
(most shared first, one to one). A statement matches a gold statement
when it covers more than 30% of the gold statement's characters (largest
overlap first, one to one); its speaker is right when its actor(s) match
the gold speaker(s). A position is within one step when it differs from
the gold score by at most 1; a clear advocate or opponent (gold side
``for``/``against``) is on the right side when the sign agrees.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from .pipeline import Analysis

SCORE_COLUMNS = ["level", "measure", "value", "n"]
ERROR_COLUMNS = ["level", "kind", "gold_id", "gold", "predicted_id", "predicted", "sentence_index", "sentence"]
POSITION_COLUMNS = ["gold_actor", "actor", "actor_id", "gold_score", "score", "difference", "gold_side", "side_right"]
OVERLAP = 0.30


@dataclass(frozen=True)
class Evaluation:
    """Scores, errors and position comparison for one article."""

    doc_id: str
    scores: pd.DataFrame
    errors: pd.DataFrame
    positions: pd.DataFrame
    actor_map: dict[str, str]

    def value(self, level: str, measure: str) -> float:
        row = self.scores[(self.scores["level"] == level) & (self.scores["measure"] == measure)]
        return float(row["value"].iloc[0]) if len(row) else float("nan")


def load_gold(path: str | Path) -> dict:
    """Read a gold annotation file."""
    with open(path, encoding="utf-8") as fh:
        gold = yaml.safe_load(fh)
    gold.setdefault("actors", [])
    gold.setdefault("statements", [])
    gold.setdefault("positions", [])
    return gold


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (0 when undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters two spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))




def one_to_one(pairs: list[tuple]) -> dict:
    """Greedy one-to-one matching: ``pairs`` are ``(score, left, right)``; the best score first
    (ties by left, then right), each side used once. Returns left -> right."""
    out: dict = {}
    used: set = set()
    for _score, left, right in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
        if left not in out and right not in used:
            out[left] = right
            used.add(right)
    return out


def match_statements(gold_statements: list[dict], predicted: list[tuple[str, int, int]]) -> dict[str, str]:
    """Gold statement id -> predicted id (``predicted``: (id, start, end)): a predicted statement
    covering more than :data:`OVERLAP` of a gold one's characters, largest overlap first, one to one."""
    pairs = []
    for g in gold_statements:
        glen = g["end"] - g["start"]
        for qid, qs, qe in predicted:
            ov = overlap((g["start"], g["end"]), (int(qs), int(qe)))
            if glen and ov / glen > OVERLAP:
                pairs.append((ov, g["id"], qid))
    return one_to_one(pairs)


def match_actors(gold: dict, mentions: pd.DataFrame, actors: pd.DataFrame) -> dict[str, str]:
    """Gold actor id -> predicted actor id, by shared mentions (one to one, most shared first)."""
    pred_spans: dict[str, list[tuple[int, int, str]]] = {}
    for r in mentions.itertuples(index=False):
        pred_spans.setdefault(r.actor_id, []).append((int(r.start), int(r.end), r.how))
    names = {aid: str(n).lower().removeprefix("unnamed ") for aid, n in zip(actors["actor_id"], actors["name"])}
    pairs = []
    for g in gold["actors"]:
        gspans = [(m["start"], m["end"]) for m in g.get("mentions", [])]
        gname = str(g["name"]).lower()
        for aid, spans in pred_spans.items():
            # a shared name or description counts twice a shared pronoun; the same name breaks ties
            shared = sum(max((1 if how == "pronoun" else 2) for s, e, how in spans if overlap(gs, (s, e)) > 0)
                         for gs in gspans if any(overlap(gs, (s, e)) > 0 for s, e, _h in spans))
            if shared:
                pairs.append((shared + (1.5 if names.get(aid) == gname else 0), g["id"], aid))
    for g in gold["actors"]:
        aid = next((a for a, n in names.items() if n == str(g["name"]).lower()), None)
        if aid:
            pairs.append((0.5, g["id"], aid))
    return one_to_one(pairs)


def _sentence(a: Analysis, start: int) -> tuple[int, str]:
    idx = a.article.sentence_index(start)
    seg = a.article.sentences[idx]
    return idx, a.article.original[seg.start:seg.end].replace("\n", " ")


def _role_match(gold_role: str, role: str) -> bool:
    g = {w.strip(",.").lower() for w in str(gold_role).split() if w.lower() not in ("former",)}
    p = {w.strip(",.").lower() for w in str(role).split() if w.lower() not in ("former",)}
    if not g and not p:
        return True
    return bool(g and p) and len(g & p) / len(g | p) >= 0.5


class _Report:
    """The scores and errors of one evaluation, added stage by stage."""

    def __init__(self, a: Analysis):
        self.a = a
        self.scores: list[dict] = []
        self.errors: list[dict] = []

    def add(self, level: str, measure: str, value, n) -> None:
        self.scores.append({"level": level, "measure": measure, "value": round(float(value), 4), "n": int(n)})

    def err(self, level, kind, gid="", gtext="", pid="", ptext="", start=None) -> None:
        idx, sent = _sentence(self.a, start) if start is not None else (-1, "")
        self.errors.append({"level": level, "kind": kind, "gold_id": gid, "gold": gtext, "predicted_id": pid,
                            "predicted": ptext, "sentence_index": idx, "sentence": sent})


def evaluate(a: Analysis, gold: dict) -> Evaluation:
    """Compare one analysis with its gold annotation: actors and mentions, statements and
    speakers, positions (each scored by a function of its own)."""
    actors, mentions = a.actors.actors, a.actors.mentions
    amap = match_actors(gold, mentions, actors)
    rep = _Report(a)
    if gold["actors"]:
        _score_actors(rep, gold, amap, actors)
        _score_splits_and_misses(rep, gold, amap, actors, mentions)
        _score_mentions(rep, gold, amap, mentions)
    _score_statements(rep, gold, amap)
    positions = _score_positions(rep, gold, amap)
    return Evaluation(a.doc_id, pd.DataFrame(rep.scores, columns=SCORE_COLUMNS),
                      pd.DataFrame(rep.errors, columns=ERROR_COLUMNS), positions, amap)


def _score_actors(rep: _Report, gold: dict, amap: dict, actors: pd.DataFrame) -> None:
    """Actors found, by type; institutions and roles of the people found."""
    pred_row = {r["actor_id"]: r for r in actors.to_dict("records")}
    p, r, f = prf(len(amap), len(actors), len(gold["actors"]))
    rep.add("actors", "precision", p, len(actors))
    rep.add("actors", "recall", r, len(gold["actors"]))
    rep.add("actors", "F1", f, len(gold["actors"]))
    for kind in ("person", "organization", "country", "group", "anonymous"):
        g_ids = [g["id"] for g in gold["actors"] if g["type"] == kind]
        if g_ids:
            rep.add("actors", f"recall ({kind})", sum(1 for g in g_ids if g in amap) / len(g_ids), len(g_ids))
    people = [g for g in gold["actors"] if g["type"] == "person" and g["id"] in amap]
    if people:
        inst = sum(1 for g in people if str(pred_row[amap[g["id"]]]["institution"]) == str(g.get("institution", "")))
        role = sum(1 for g in people if _role_match(g.get("role", ""), pred_row[amap[g["id"]]]["role"]))
        rep.add("actors", "right institution (people)", inst / len(people), len(people))
        rep.add("actors", "right role (people)", role / len(people), len(people))
        for g in people:
            row = pred_row[amap[g["id"]]]
            if str(row["institution"]) != str(g.get("institution", "")):
                rep.err("actors", "wrong institution", g["id"], f"{g['name']}: {g.get('institution', '')}",
                        row["actor_id"], f"{row['name']}: {row['institution']}", int(row["first_start"]))


def _score_splits_and_misses(rep: _Report, gold: dict, amap: dict, actors: pd.DataFrame,
                             mentions: pd.DataFrame) -> None:
    """One real entity split into several actors; actors missed; actors the gold does not have."""
    inverse = {v: k for k, v in amap.items()}
    pred_row = {r["actor_id"]: r for r in actors.to_dict("records")}
    split = 0
    for g in gold["actors"]:
        names = [m for m in g.get("mentions", []) if m.get("how") in ("name", "alias")]
        hit = {r.actor_id for r in mentions.itertuples(index=False)
               for m in names if overlap((m["start"], m["end"]), (r.start, r.end)) > 0}
        if len(hit) > 1:
            split += 1
            rep.err("actors", "split into several actors", g["id"], g["name"], ";".join(sorted(hit)), "",
                    names[0]["start"])
    rep.add("actors", "split (count)", split, len(gold["actors"]))
    for g in gold["actors"]:
        if g["id"] not in amap:
            first = (g.get("mentions") or [{"start": 0}])[0]["start"]
            rep.err("actors", "missed actor", g["id"], f"{g['name']} ({g['type']})", start=first)
    for aid, row in pred_row.items():
        if aid not in inverse:
            rep.err("actors", "false actor", "", "", aid, f"{row['name']} ({row['type']})", int(row["first_start"]))


def _score_mentions(rep: _Report, gold: dict, amap: dict, mentions: pd.DataFrame) -> None:
    """Mentions tied to the right actor."""
    gold_m = [(g["id"], m["start"], m["end"]) for g in gold["actors"] for m in g.get("mentions", [])]
    hits = 0
    used = set()
    for gid, s, e in gold_m:
        want = amap.get(gid)
        for k, r in enumerate(mentions.itertuples(index=False)):
            if k not in used and r.actor_id == want and overlap((s, e), (r.start, r.end)) > 0:
                hits += 1
                used.add(k)
                break
    p, r, f = prf(hits, len(mentions), len(gold_m))
    rep.add("mentions", "precision", p, len(mentions))
    rep.add("mentions", "recall", r, len(gold_m))
    rep.add("mentions", "F1", f, len(gold_m))


def _score_statements(rep: _Report, gold: dict, amap: dict) -> None:
    """Statements found, their kind, and their speakers (through the actor matching)."""
    inverse = {v: k for k, v in amap.items()}
    gold_actor = {g["id"]: g for g in gold["actors"]}
    gold_st = gold["statements"]
    pred = rep.a.quotes
    if not gold_st and not len(pred):
        return
    matched = match_statements(gold_st, list(zip(pred["quote_id"], pred["start"], pred["end"])))
    used_q = set(matched.values())
    p, r, f = prf(len(matched), len(pred), len(gold_st))
    rep.add("statements", "precision", p, len(pred))
    rep.add("statements", "recall", r, len(gold_st))
    rep.add("statements", "F1", f, len(gold_st))
    qrow = {q["quote_id"]: q for q in pred.to_dict("records")}
    right = kind_right = 0
    for g in gold_st:
        if g["id"] not in matched:
            rep.err("statements", "missed statement", g["id"], g["text"], start=g["start"])
            continue
        q = qrow[matched[g["id"]]]
        kind_right += q["kind"] == g["kind"]
        gs = sorted(str(s) for s in (g["speaker"] if isinstance(g["speaker"], list) else [g["speaker"]]))
        ps = [s for s in str(q["speaker_id"]).split(";") if s]
        mapped = sorted(inverse.get(s, f"?{s}") for s in ps) or ["unresolved"]
        if mapped == gs:
            right += 1
        else:
            gnames = "; ".join(gold_actor[s]["name"] if s in gold_actor else s for s in gs)
            rep.err("statements", "wrong speaker", g["id"], f"{gnames}: {g['text']}", q["quote_id"],
                    f"{q['speaker']}", g["start"])
    for q in pred.itertuples(index=False):
        if q.quote_id not in used_q:
            rep.err("statements", "false statement", "", "", q.quote_id, f"{q.speaker}: {q.text}", int(q.start))
    if matched:
        rep.add("speakers", "accuracy (matched statements)", right / len(matched), len(matched))
        rep.add("statements", "right kind (matched)", kind_right / len(matched), len(matched))


def _score_positions(rep: _Report, gold: dict, amap: dict) -> pd.DataFrame:
    """Each annotated voice's position on the main issue against the analysis's, one row each."""
    gold_actor = {g["id"]: g for g in gold["actors"]}
    prows = []
    stance = {r["actor_id"]: r for r in rep.a.main_stances.to_dict("records")}
    for gp in gold.get("positions", []):
        aid = amap.get(gp["actor"], "")
        row = stance.get(aid)
        score = int(row["score"]) if row else 0
        gscore = int(gp["score"])
        side = gp.get("side", "between")
        side_right = (score > 0) if side == "for" else (score < 0) if side == "against" else None
        prows.append({
            "gold_actor": gold_actor.get(gp["actor"], {}).get("name", gp["actor"]),
            "actor": row["actor"] if row else "(no position found)", "actor_id": aid,
            "gold_score": gscore, "score": score, "difference": score - gscore, "gold_side": side,
            "side_right": side_right,
        })
        if abs(score - gscore) > 1 or side_right is False:
            start = gold_actor.get(gp["actor"], {}).get("mentions", [{"start": 0}])[0]["start"]
            rep.err("positions", "position off by more than one" if abs(score - gscore) > 1 else "wrong side",
                    gp["actor"], f"{gscore:+d}", aid, f"{score:+d}", start)
    positions = pd.DataFrame(prows, columns=POSITION_COLUMNS)
    if len(positions):
        n = len(positions)
        rep.add("positions", "within one step", (positions["difference"].abs() <= 1).mean(), n)
        rep.add("positions", "exact", (positions["difference"] == 0).mean(), n)
        rep.add("positions", "mean absolute error", positions["difference"].abs().mean(), n)
        clear = positions[positions["gold_side"].isin(["for", "against"])]
        if len(clear):
            rep.add("positions", "right side (clear advocates and opponents)",
                    clear["side_right"].astype(bool).mean(), len(clear))
        rep.add("positions", "voices with a position found", positions["actor_id"].isin(list(stance)).mean(), n)
    return positions


def evaluate_folder(gold_dir: str | Path, text_dir: str | Path, nlp=None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Score every gold file in a folder against its article; micro-averaged statement scores.

    Returns ``(per_article, pooled)``: one row per article with statement
    precision/recall/F1 and speaker accuracy, and the pooled figures.
    """
    from .pipeline import analyse

    rows = []
    tp = n_pred = n_gold = spk = 0
    for path in sorted(Path(gold_dir).glob("*.yml")):
        gold = load_gold(path)
        text = Path(text_dir) / f"{gold['doc_id']}.txt"
        if not text.is_file():
            continue
        ev = evaluate(analyse(text, nlp), gold)
        n_p = int(ev.scores.query("level == 'statements' and measure == 'precision'")["n"].iloc[0])
        n_g = int(ev.scores.query("level == 'statements' and measure == 'recall'")["n"].iloc[0])
        t = round(ev.value("statements", "recall") * n_g)
        s_acc = ev.value("speakers", "accuracy (matched statements)")
        rows.append({"doc_id": gold["doc_id"], "gold": n_g, "predicted": n_p, "matched": t,
                     "precision": ev.value("statements", "precision"), "recall": ev.value("statements", "recall"),
                     "F1": ev.value("statements", "F1"), "speaker accuracy": s_acc})
        tp += t
        n_pred += n_p
        n_gold += n_g
        spk += round((s_acc if s_acc == s_acc else 0) * t)
    p, r, f = prf(tp, n_pred, n_gold)
    pooled = pd.DataFrame([{"articles": len(rows), "gold": n_gold, "predicted": n_pred, "matched": tp,
                            "precision": round(p, 4), "recall": round(r, 4), "F1": round(f, 4),
                            "speaker accuracy": round(spk / tp, 4) if tp else 0.0}])
    return pd.DataFrame(rows), pooled
