#!/usr/bin/env python3
"""Merge two independent stand-off readings into adjudicated gold, and report their agreement.

Usage:
    python tools/adjudicate.py positions  [--write]
    python tools/adjudicate.py statements [--write] [--decisions FILE] [--disputes FILE]

Reads ``gold/corpus/annotators/a/<kind>/`` and ``.../b/<kind>/``.

Positions (the rule of ``../shared/gold/positions``, applied mechanically so
that no one reads a held-out story to adjudicate it): a voice is kept when
both annotators list it (matched by name: surname for people, head noun
otherwise) and their intervals overlap; its interval is the hull of the two,
widened to the camp for a clear side ([2, 2] becomes [1, 2], [-2, -2]
becomes [-2, -1]). Voices only one annotator lists, or with disjoint
intervals, are named under ``left_out``. The issue is annotator A's label,
with B's kept as ``policy_b``.

Statements: a statement is kept when both readings have it (more than 30%
character overlap, one to one); its span is the union of the two spans
when their kinds agree, otherwise A's. Speakers that agree are kept; where
they differ, the decision comes from ``gold/corpus/decisions.yml`` (or
``--decisions``: a YAML file mapping ``<doc_id>:<start>`` to the speaker, made
by a third reader who sees only the disputed items), and an item without a
decision is left out and counted. The committed gold is what this script
writes from the committed readings and decisions (``tests/test_corpus_gold.py``).

Agreement is printed and, with ``--write``, saved to
``gold/corpus/agreement.json`` next to the adjudicated files.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.corpus_gold import match_voices, name_score  # noqa: E402
from analysis.evaluate import one_to_one, overlap  # noqa: E402
from tools.standoff import dump  # noqa: E402

GOLD = ROOT / "gold" / "corpus"


def heldout() -> set[str]:
    """Stories listed in gold/corpus/heldout.txt (only ever scored, never read to change a rule)."""
    path = GOLD / "heldout.txt"
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    return {x.strip() for x in lines if x.strip() and not x.startswith("#")}


def _set_of(stem: str) -> str:
    """development, heldout, or seed (the article the rules were written on)."""
    if (ROOT / "seeds" / f"{stem}.txt").is_file():
        return "seed"
    return "heldout" if stem in heldout() else "development"


def _load(folder: Path) -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.yml"))}


def _widen(lo: int, hi: int) -> list[int]:
    if lo == hi == 2:
        return [1, 2]
    if lo == hi == -2:
        return [-2, -1]
    return [lo, hi]


def positions(wanted_set: str, write: bool) -> dict:
    a_all, b_all = _load(GOLD / "annotators" / "a" / "positions"), _load(GOLD / "annotators" / "b" / "positions")
    stats = {"stories": 0, "voices_a": 0, "voices_b": 0, "both_listed": 0, "overlapping": 0, "same_interval": 0,
             "kept": 0, "issue_kind_agrees": 0}
    for stem in sorted(set(a_all) & set(b_all)):
        a, b = a_all[stem], b_all[stem]
        as_pred = [{"name": v["name"], "type": v["type"]} for v in b["voices"]]
        mapping = match_voices(a["voices"], as_pred)
        kept, left = [], []
        for i, va in enumerate(a["voices"]):
            if i not in mapping:
                left.append(f"{va['name']} (only A)")
                continue
            vb = b["voices"][mapping[i]]
            (alo, ahi), (blo, bhi) = va["interval"], vb["interval"]
            stats["both_listed"] += 1
            stats["same_interval"] += [alo, ahi] == [blo, bhi]
            if max(alo, blo) <= min(ahi, bhi):
                stats["overlapping"] += 1
                evidence = sorted({tuple(x) for x in va["evidence"] + vb["evidence"]})
                kept.append({"name": va["name"], "type": va["type"], "interval": _widen(min(alo, blo), max(ahi, bhi)),
                             "evidence": [list(x) for x in evidence]})
            else:
                left.append(f"{va['name']} (A {va['interval']}, B {vb['interval']})")
        matched_b = set(mapping.values())
        left += [f"{vb['name']} (only B)" for j, vb in enumerate(b["voices"]) if j not in matched_b]
        stats["stories"] += 1
        stats["voices_a"] += len(a["voices"])
        stats["voices_b"] += len(b["voices"])
        stats["kept"] += len(kept)
        stats["issue_kind_agrees"] += (a.get("policy") is None) == (b.get("policy") is None)
        out = {"doc_id": stem, "source": a["source"], "annotator": "adjudicated (a, b)", "chars": a["chars"],
               "set": _set_of(stem), "origin": "two independent readings (gold/corpus/annotators), merged by "
                                            "tools/adjudicate.py", "policy": a.get("policy"),
               "policy_b": b.get("policy"), "owner": a.get("owner") or b.get("owner"),
               "contested": a.get("contested") or (b.get("contested") if a.get("policy") is None else None),
               "voices": kept, "left_out": left}
        if write:
            (GOLD / "positions" / f"{stem}.yml").write_text(dump(out), encoding="utf-8")
    union = stats["voices_a"] + stats["voices_b"] - stats["both_listed"]
    stats["voice_agreement"] = round(stats["both_listed"] / union, 3) if union else 0.0
    stats["interval_overlap_share"] = round(stats["overlapping"] / stats["both_listed"], 3) if stats["both_listed"] else 0.0
    return stats


def _speakers(st: dict, mapping: dict | None = None) -> list[str]:
    sp = st["speaker"] if isinstance(st["speaker"], list) else [st["speaker"]]
    return [mapping.get(x, x) for x in sp] if mapping else list(sp)


def _one_speaker_or_list(speaker: list[str]):
    return speaker if len(speaker) > 1 else speaker[0]


def _pairs(a: dict, b: dict) -> dict[int, int]:
    """A's statements matched one to one with B's (more than 30% of the shorter one overlaps)."""
    pairs = []
    for i, sa in enumerate(a["statements"]):
        for j, sb in enumerate(b["statements"]):
            ov = overlap((sa["start"], sa["end"]), (sb["start"], sb["end"]))
            shorter = min(sa["end"] - sa["start"], sb["end"] - sb["start"])
            if shorter and ov / shorter > 0.3:
                pairs.append((ov, i, j))
    return one_to_one(pairs)


def _actor_map(a: dict, b: dict) -> tuple[dict[str, str], dict[str, dict]]:
    """B's actor ids in A's (by the first mention, else by name; 'b:<id>' when A has none) and
    the actors of both readings under those ids."""
    b_to_a = {}
    for ab in b["actors"]:
        hit = next((aa["id"] for aa in a["actors"] if overlap(aa["first"], ab["first"])), None)
        if hit is None:
            scored = [(name_score(aa["name"], aa["type"], ab["name"], ab["type"]), aa["id"]) for aa in a["actors"]]
            best = max(scored, default=(0, None))
            hit = best[1] if best[0] > 0 else None
        b_to_a[ab["id"]] = hit or f"b:{ab['id']}"
    actors = {x["id"]: x for x in a["actors"]}
    for ab in b["actors"]:
        if b_to_a[ab["id"]].startswith("b:"):
            actors[b_to_a[ab["id"]]] = {**ab, "id": b_to_a[ab["id"]]}
    return b_to_a, actors


def _both_read(stem, a, b, match, b_to_a, decisions, stats, disputes) -> list[dict]:
    """The statements both readers found: the union span when their kinds agree, the agreed
    speaker or the third reader's."""
    kept = []
    for i, j in sorted(match.items()):
        sa, sb = a["statements"][i], b["statements"][j]
        stats["both"] += 1
        same_kind = sa["kind"] == sb["kind"]
        stats["same_kind"] += same_kind
        spa, spb = sorted(_speakers(sa)), sorted(_speakers(sb, b_to_a))
        start, end = (min(sa["start"], sb["start"]), max(sa["end"], sb["end"])) if same_kind else (sa["start"], sa["end"])
        speaker = spa
        if spa == spb:
            stats["same_speaker"] += 1
        else:
            key = f"{stem}:{sa['start']}"
            if key not in decisions:
                stats["undecided"] += 1
                disputes.append({"key": key, "a": spa, "b": spb, "start": start, "end": end})
                continue
            stats["decided"] += 1
            d = decisions[key]
            speaker = sorted(d if isinstance(d, list) else [d])
        kept.append({"start": start, "end": end, "kind": sa["kind"], "speaker": _one_speaker_or_list(speaker),
                     "cue": sa["cue"]})
    return kept


def _one_read(stem, a, b, match, b_to_a, decisions, stats, disputes) -> list[dict]:
    """The statements only one reader found: kept when the third reader says so."""
    kept = []
    for who, reading, used in (("a", a, set(match)), ("b", b, set(match.values()))):
        for k, st in enumerate(reading["statements"]):
            if k in used:
                continue
            key = f"{stem}:{st['start']}:{who}"
            sp = _speakers(st, b_to_a if who == "b" else None)
            d = decisions.get(key)
            if d is None:
                stats["undecided_single"] += 1
                disputes.append({"key": key, "only": who, "speaker": sp, "start": st["start"],
                                 "end": st["end"], "kind": st["kind"], "cue": st["cue"]})
                continue
            stats["decided_single"] += 1
            if d.get("keep"):
                speaker = sorted(d["speaker"] if isinstance(d.get("speaker"), list) else [d.get("speaker") or sp[0]])
                kept.append({"start": st["start"], "end": st["end"], "kind": st["kind"],
                             "speaker": _one_speaker_or_list(speaker), "cue": st["cue"]})
    return kept


def statements(wanted_set: str, write: bool, decisions: dict) -> dict:
    a_all = _load(GOLD / "annotators" / "a" / "statements")
    b_all = _load(GOLD / "annotators" / "b" / "statements")
    stats = {"stories": 0, "statements_a": 0, "statements_b": 0, "both": 0, "same_kind": 0, "same_speaker": 0,
             "decided": 0, "undecided": 0, "decided_single": 0, "undecided_single": 0, "kept": 0}
    disputes: list[dict] = []
    for stem in sorted(set(a_all) & set(b_all)):
        a, b = a_all[stem], b_all[stem]
        match = _pairs(a, b)
        b_to_a, actors = _actor_map(a, b)
        kept = _both_read(stem, a, b, match, b_to_a, decisions, stats, disputes)
        kept += _one_read(stem, a, b, match, b_to_a, decisions, stats, disputes)
        kept.sort(key=lambda s: s["start"])
        for n, s in enumerate(kept, 1):
            s["id"] = f"S{n:02d}"
        used_ids = {x for s in kept for x in _speakers(s)}
        out = {"doc_id": stem, "source": a["source"], "annotator": "adjudicated (a, b)", "chars": a["chars"],
               "set": _set_of(stem),
               "actors": [x for x in actors.values() if x["id"] in used_ids],
               "statements": [{"id": s["id"], **{k: s[k] for k in ("start", "end", "kind", "speaker", "cue")}}
                              for s in kept]}
        stats["stories"] += 1
        stats["statements_a"] += len(a["statements"])
        stats["statements_b"] += len(b["statements"])
        stats["kept"] += len(kept)
        if write:
            (GOLD / "statements" / f"{stem}.yml").write_text(dump(out), encoding="utf-8")
    union = stats["statements_a"] + stats["statements_b"] - stats["both"]
    stats["statement_agreement"] = round(stats["both"] / union, 3) if union else 0.0
    stats["speaker_agreement"] = round(stats["same_speaker"] / stats["both"], 3) if stats["both"] else 0.0
    stats["disputes"] = disputes
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=["positions", "statements"])
    parser.add_argument("--decisions", type=Path, help="third reader's decisions on statements (default: "
                        "gold/corpus/decisions.yml)")
    parser.add_argument("--disputes", type=Path, help="write the items a third reader must decide to this file")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    (GOLD / args.kind).mkdir(parents=True, exist_ok=True)
    if args.kind == "positions":
        stats = positions("", args.write)
    else:
        path = args.decisions or GOLD / "decisions.yml"
        decisions = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {}
        stats = statements("", args.write, decisions or {})
    shown = {k: v for k, v in stats.items() if k != "disputes"}
    print(json.dumps(shown, indent=1))
    if stats.get("disputes"):
        print(f"{len(stats['disputes'])} items without a decision", file=sys.stderr)
        if args.disputes:
            args.disputes.write_text(yaml.safe_dump(stats["disputes"], allow_unicode=True, sort_keys=False),
                                     encoding="utf-8")
    if args.write:
        path = GOLD / "agreement.json"
        data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
        data[args.kind] = shown
        path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
