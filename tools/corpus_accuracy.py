"""Measure statement and speaker accuracy on hand-annotated articles outside the repository.

Usage:
    python tools/corpus_accuracy.py [--gold DIR] [--texts DIR] [--out FILE]

Defaults: gold files in ../local/corpus_gold, articles in ../shared/corpus
(both next to the repository; the articles are copyright Reuters and are not
committed, nor are their annotations, which quote them). Writes a Markdown
table of aggregate figures only (no article text) to book/corpus_accuracy.md,
which the validation chapter shows.
"""
from __future__ import annotations

import argparse
import platform
import sys
from datetime import date
from pathlib import Path

from analysis import ROOT
from analysis.evaluate import evaluate_folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=str(ROOT.parent / "local" / "corpus_gold"))
    parser.add_argument("--texts", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--out", default=str(ROOT / "book" / "corpus_accuracy.md"))
    args = parser.parse_args(argv)
    gold, texts = Path(args.gold), Path(args.texts)
    if not gold.is_dir() or not texts.is_dir():
        print(f"error: need gold files in {gold} and articles in {texts}", file=sys.stderr)
        return 2
    per, pooled = evaluate_folder(gold, texts)
    p = pooled.iloc[0]
    lines = [
        f"Statements and speakers on {int(p['articles'])} hand-annotated Reuters stories other than the seed "
        f"({int(p['gold'])} annotated statements), measured {date.today().isoformat()} with "
        f"Python {platform.python_version()} by `tools/corpus_accuracy.py`.",
        "",
        "| article | annotated | found | matched | precision | recall | F1 | speaker accuracy |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in per.itertuples(index=False):
        lines.append(f"| {r.doc_id} | {r.gold} | {r.predicted} | {r.matched} | {r.precision:.2f} | "
                     f"{r.recall:.2f} | {r.F1:.2f} | {getattr(r, '_7'):.2f} |")
    lines.append(f"| **all (pooled)** | **{int(p['gold'])}** | **{int(p['predicted'])}** | **{int(p['matched'])}** | "
                 f"**{p['precision']:.2f}** | **{p['recall']:.2f}** | **{p['F1']:.2f}** | **{p['speaker accuracy']:.2f}** |")
    out = Path(args.out)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
