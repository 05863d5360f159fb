#!/usr/bin/env python3
"""How often is a statement left without a speaker on stories nobody annotated?

The development gold measures speakers on the stories its rules were written against; the share
of statements whose speaker is ``unresolved`` can be counted on any story, annotated or not. This
tool counts it, per source, on the tables ``python -m analysis extract`` wrote for a folder of
articles, and on request lists each unresolved statement with the words before it, for reading.

Not every ``unresolved`` is an error: the guideline (gold/GUIDELINE.md section 3) keeps it for
hearsay of unstated origin ("reports say"), so the share is an upper bound on the errors. It is
the figure to watch for transfer: on 2026-12-01 the 236 ABC stories no one annotated had 7.1%
unresolved where the 64 annotated ABC stories had 2%.

Usage::

    python tools/unresolved_share.py --unannotated FOLDER   # link the ABC stories with no gold into FOLDER
    python -m analysis extract FOLDER --out OUT --quiet
    python tools/unresolved_share.py OUT [--texts FOLDER] [--show]
"""
from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.corpus_gold import source_of  # noqa: E402


def unannotated(folder: Path) -> int:
    """Link into ``folder`` the ABC stories of ``texts/lee`` that no gold file annotates."""
    gold = {p.stem for family in ("statements", "positions") for p in (ROOT / "gold" / "corpus" / family).glob("*.yml")}
    stories = sorted(p for p in (ROOT / "texts" / "lee").glob("*.txt") if p.stem not in gold)
    if not stories:
        print("no ABC stories without gold in texts/lee: run `make texts` first", file=sys.stderr)
        return 2
    folder.mkdir(parents=True, exist_ok=True)
    for p in stories:
        link = folder / p.name
        if not link.exists():
            link.symlink_to(p.resolve())
    print(f"{len(stories)} stories without gold linked into {folder}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, nargs="?", help="a folder `python -m analysis extract` wrote (holds quotes.csv)")
    ap.add_argument("--texts", type=Path, help="the folder of articles, to show the words before each statement")
    ap.add_argument("--show", action="store_true", help="list every unresolved statement")
    ap.add_argument("--unannotated", type=Path, metavar="FOLDER",
                    help="link the ABC stories that have no gold into FOLDER, and stop")
    args = ap.parse_args(argv)
    if args.unannotated is not None:
        return unannotated(args.unannotated)
    if args.out is None:
        ap.error("give the folder `python -m analysis extract` wrote, or --unannotated FOLDER")
    path = args.out / "quotes.csv"
    if not path.is_file():
        print(f"{path}: no quotes.csv here; run `python -m analysis extract FOLDER --out {args.out}` first",
              file=sys.stderr)
        return 2
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    total, unresolved = Counter(), Counter()
    for r in rows:
        src = source_of(r["doc_id"])
        for key in (src, "all"):
            total[key] += 1
            unresolved[key] += r["speaker"] == "unresolved"
    print("| source | stories | statements | unresolved |\n|---|---:|---:|---:|")
    stories = Counter()
    for doc in {r["doc_id"] for r in rows}:
        stories[source_of(doc)] += 1
        stories["all"] += 1
    for key in sorted(total, key=lambda k: (k == "all", k)):
        print(f"| {key} | {stories[key]} | {total[key]} | {unresolved[key]} ({unresolved[key] / total[key]:.1%}) |")
    if args.show:
        for r in (r for r in rows if r["speaker"] == "unresolved"):
            before = ""
            if args.texts is not None and (args.texts / f"{r['doc_id']}.txt").is_file():
                text = (args.texts / f"{r['doc_id']}.txt").read_text(encoding="utf-8")
                k = text.find(r["text"][:40])
                before = text[max(0, k - 100):k].replace("\n", " ") if k >= 0 else ""
            print(f"{r['doc_id']} [{r['cue']}] ...{before} [[{r['text'][:60]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
