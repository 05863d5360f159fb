"""Measure statements, speakers, positions and the issue on the stand-off gold of other stories.

Usage:
    python tools/corpus_accuracy.py                      # every story, figures per source
    python tools/corpus_accuracy.py --set development    # only the development set (or: heldout)
    python tools/corpus_accuracy.py --detail             # also every voice and every statement error
    python tools/corpus_accuracy.py --stories FILE       # only the stories whose stems FILE lists (a batch)
    python tools/corpus_accuracy.py --write              # also write book/corpus_accuracy.{md,json}, with
                                                         # each batch of gold/corpus/batches on its own

The gold is ``gold/corpus/`` (offsets, names and labels: see its README);
the stories are read from ``--texts`` (default ``../shared/corpus``), and a
story that is not there is skipped with a message. ``--detail`` prints the
story's words next to each error, on the terminal only; the files written
with ``--write`` hold aggregate figures only, no article text.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from analysis import ROOT
from analysis.corpus_gold import (SHARED, group_of, load, pooled, score_positions, score_statements, text_path)
from analysis.frames import records
from analysis.report import natural_key

SOURCES = ["reuters", "breitbart", "huff-post", "nyt", "politico", "usa-today", "wash-post", "west-journal",
           "U.S. outlets", "abc"]


def _analyse(path: Path, cache: dict):
    from analysis.pipeline import analyse

    key = str(path)
    if key not in cache:
        cache[key] = analyse(path)
    return cache[key]


def _issue_label(a) -> str:
    return a.issue.label if a.issue is not None else ""


def _stances(a) -> list[dict]:
    return [r for r in records(a.main_stances) if r.get("score") is not None]


def run(kind: str, wanted: str, texts: Path, detail: bool, cache: dict, stories: set[str] | None = None) -> list:
    scores = []
    for gold in load(kind):
        if wanted != "all" and gold.get("set", "development") != wanted:
            continue
        if stories is not None and gold["doc_id"] not in stories:
            continue
        path = text_path(gold, texts)
        if not path.is_file():
            print(f"skipped: {gold['doc_id']}: {path} is not there (the corpus is not committed)", file=sys.stderr)
            continue
        a = _analyse(path, cache)
        actors = records(a.actors.actors)
        if kind == "statements":
            s = score_statements(gold, records(a.quotes), actors, records(a.actors.mentions))
            if detail:
                text = a.article.original
                print(f"\n== {s.doc_id}: {s.matched}/{s.gold} found, {s.predicted} predicted, "
                      f"{s.speakers_right}/{s.matched} speakers right")
                for k, st, en, want, got in s.errors:
                    print(f"  {k:13} gold={want!r:28} got={got!r:28} {text[st:en][:110]!r}")
        else:
            s = score_positions(gold, _stances(a), actors, _issue_label(a))
            if detail:
                print(f"\n== {s.doc_id}: {s.inside}/{s.voices} inside; issue: {s.issue!r} (gold: {s.gold_issue!r})"
                      f"{'' if s.issue_alike else ' [another issue]'}")
                for name, lo, hi, score, pname in s.rows:
                    mark = " " if score is not None and lo <= score <= hi else "x"
                    print(f"  {mark} {name[:40]:40} [{lo:+d},{hi:+d}] got {score!s:>4} ({pname})")
        scores.append(s)
    return scores


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "–"


def _end_to_end(r: dict) -> float:
    """F1 of statements found with the right speaker: a statement found with a wrong speaker counts
    as a false statement and a missed one."""
    p = r["speakers_right"] / r["predicted"] if r["predicted"] else 0.0
    rec = r["speakers_right"] / r["gold"] if r["gold"] else 0.0
    return round(2 * p * rec / (p + rec), 3) if p + rec else 0.0


def statement_table(scores) -> tuple[list[str], dict]:
    fields = ["gold", "predicted", "matched", "speakers_right", "unresolved"]
    table = pooled(scores, fields)
    lines = ["| source | stories | statements (gold) | found | precision | recall | F1 | speakers right | unresolved | "
             "end-to-end F1 |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    out = {}
    for src in [s for s in SOURCES if s in table] + ["all"]:
        r = table[src]
        p = r["matched"] / r["predicted"] if r["predicted"] else 0.0
        rec = r["matched"] / r["gold"] if r["gold"] else 0.0
        f = 2 * p * rec / (p + rec) if p + rec else 0.0
        out[src] = {**r, "precision": round(p, 3), "recall": round(rec, 3), "F1": round(f, 3),
                    "speaker_accuracy": round(r["speakers_right"] / r["matched"], 3) if r["matched"] else 0.0,
                    "unresolved_share": round(r["unresolved"] / r["predicted"], 3) if r["predicted"] else 0.0,
                    "end_to_end_F1": _end_to_end(r)}
        o = out[src]
        lines.append(f"| {src} | {r['stories']} | {r['gold']} | {r['predicted']} | {p:.2f} | {rec:.2f} | {f:.2f} | "
                     f"{o['speaker_accuracy']:.2f} | {o['unresolved_share']:.0%} | {o['end_to_end_F1']:.2f} |")
    return lines, out


def position_table(scores) -> tuple[list[str], dict]:
    fields = ["voices", "inside", "within_one", "placed", "issue_in_gold", "issue_found", "issue_alike"]
    table = pooled(scores, fields)
    base: dict[str, dict[int, int]] = {}
    for s in scores:
        for key in dict.fromkeys(k for k in (s.source, group_of(s.source), "all") if k):
            for c, n in s.baseline.items():
                base.setdefault(key, {}).setdefault(c, 0)
                base[key][c] += n
    lines = ["| source | stories | voices | inside the interval | within one step | placed at all | "
             "baseline: all at +1 | issue found (stories with one) | issue labelled alike (all stories) |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    out = {}
    for src in [s for s in SOURCES if s in table] + ["all"]:
        r = table[src]
        found = sum(1 for s in scores if src in ("all", s.source, group_of(s.source)) and s.issue_in_gold and s.issue_found)
        out[src] = {**r, "issue_found_where_gold": found,
                    "inside_share": round(r["inside"] / r["voices"], 3) if r["voices"] else 0.0,
                    "within_one_share": round(r["within_one"] / r["voices"], 3) if r["voices"] else 0.0,
                    "baseline_plus_one": round(base[src][1] / r["voices"], 3) if r["voices"] else 0.0}
        lines.append(f"| {src} | {r['stories']} | {r['voices']} | {r['inside']} ({_ratio(r['inside'], r['voices'])}) | "
                     f"{_ratio(r['within_one'], r['voices'])} | {_ratio(r['placed'], r['voices'])} | "
                     f"{_ratio(base[src][1], r['voices'])} | {found} of {r['issue_in_gold']} | "
                     f"{r['issue_alike']} of {r['stories']} |")
    return lines, out


BATCHES = ROOT / "gold" / "corpus" / "batches"


def _stems(path: Path) -> set[str]:
    """The story stems a batch file lists (white space separated; '#' lines are comments)."""
    return {w for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
            for w in line.split()}


def _families(path: Path) -> tuple[str, ...]:
    """The families a batch was annotated for: a '# families: positions' line, else both."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# families:"):
            return tuple(w.strip(" ,") for w in line.split(":", 1)[1].split() if w.strip(" ,"))
    return ("statements", "positions")


def _note(path: Path) -> str:
    """What a batch file's '# note:' lines say of how it was scored and read (joined)."""
    lines = [line.split(":", 1)[1].strip() for line in path.read_text(encoding="utf-8").splitlines()
             if line.startswith("# note:")]
    return " ".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="all", choices=["all", "development", "heldout", "seed"])
    parser.add_argument("--texts", type=Path, default=SHARED, help="the folder that holds corpus/ (../shared)")
    parser.add_argument("--only", choices=["statements", "positions"], help="measure one family only")
    parser.add_argument("--detail", action="store_true", help="print every voice and statement error")
    parser.add_argument("--write", action="store_true", help="write book/corpus_accuracy.md and .json")
    parser.add_argument("--stories", type=Path, help="a file of story stems (white space separated): measure only "
                        "these, e.g. a batch annotated after the rules it is scored on were written")
    args = parser.parse_args(argv)
    if args.stories is not None and args.write:
        parser.error("--stories measures a batch; --write writes the book's figures for whole sets")
    stories = _stems(args.stories) if args.stories is not None else None
    cache: dict = {}
    lines: list[str] = []
    figures: dict = {}
    sets = ["seed", "development", "heldout"] if args.set == "all" else [args.set]
    for wanted in sets:
        for kind in ("statements", "positions"):
            if args.only and kind != args.only:
                continue
            scores = run(kind, wanted, args.texts, args.detail, cache, stories)
            if not scores:
                continue
            table, figs = (statement_table if kind == "statements" else position_table)(scores)
            figures.setdefault(wanted, {})[kind] = figs
            lines += [f"**{kind.capitalize()}, {wanted} set** ({len(scores)} stories)", ""] + table + [""]
    if args.write and args.set == "all":
        # each batch (gold/corpus/batches): the figures it had before that stop's rules were written
        # are in the commit that added it; these are today's, on stories scored but not read then
        for batch in sorted(BATCHES.glob("*.txt"), key=lambda p: natural_key(p.stem)):  # abc9 before abc10
            for kind in _families(batch):
                if args.only and kind != args.only:
                    continue
                scores = run(kind, "development", args.texts, False, cache, _stems(batch))
                if scores:
                    table, figs = (statement_table if kind == "statements" else position_table)(scores)
                    figures.setdefault("batches", {}).setdefault(batch.stem, {})[kind] = figs
                    if _note(batch):
                        figures["batches"][batch.stem]["note"] = _note(batch)
                    lines += [f"**{kind.capitalize()}, batch {batch.stem}** ({len(scores)} stories)", ""] + table + [""]
    if not lines:
        print("error: no gold story could be measured (is ../shared/corpus there?)", file=sys.stderr)
        return 2
    print("\n".join(lines))
    if args.write:
        (ROOT / "book" / "corpus_accuracy.md").write_text("\n".join(lines), encoding="utf-8")
        (ROOT / "book" / "corpus_accuracy.json").write_text(json.dumps(figures, indent=1, sort_keys=True) + "\n",
                                                            encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
