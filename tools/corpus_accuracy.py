"""Measure statement and speaker accuracy on hand-annotated articles outside the repository.

Usage:
    python tools/corpus_accuracy.py [--gold DIR] [--heldout DIR] [--texts DIR] [--out FILE]

Two sets of annotations, both next to the repository and not committed (the
articles are copyright Reuters, and the annotations quote them):

- ``--gold`` (default ../local/corpus_gold): the development set, stories
  that were read while the rules were written;
- ``--heldout`` (default ../local/corpus_gold_heldout): stories annotated
  afterwards and never used to change a rule, the honest test.

Articles are read from ``--texts`` (default ../shared/corpus). Writes Markdown
tables of aggregate figures only (no article text) to book/corpus_accuracy.md,
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


def _table(per, pooled) -> list[str]:
    p = pooled.iloc[0]
    lines = [
        "| article | annotated | found | matched | precision | recall | F1 | speaker accuracy |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in per.itertuples(index=False):
        lines.append(f"| {r.doc_id} | {r.gold} | {r.predicted} | {r.matched} | {r.precision:.2f} | "
                     f"{r.recall:.2f} | {r.F1:.2f} | {getattr(r, '_7'):.2f} |")
    lines.append(f"| **all (pooled)** | **{int(p['gold'])}** | **{int(p['predicted'])}** | **{int(p['matched'])}** | "
                 f"**{p['precision']:.2f}** | **{p['recall']:.2f}** | **{p['F1']:.2f}** | **{p['speaker accuracy']:.2f}** |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=str(ROOT.parent / "local" / "corpus_gold"))
    parser.add_argument("--heldout", default=str(ROOT.parent / "local" / "corpus_gold_heldout"))
    parser.add_argument("--texts", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--out", default=str(ROOT / "book" / "corpus_accuracy.md"))
    args = parser.parse_args(argv)
    texts = Path(args.texts)
    sets = [("Held-out set: annotated after the rules were written, never used to change them",
             Path(args.heldout)),
            ("Development set: read while the rules were written (so its figures flatter them)",
             Path(args.gold))]
    sets = [(title, path) for title, path in sets if path.is_dir()]
    if not sets or not texts.is_dir():
        print(f"error: need gold files in {args.gold} or {args.heldout}, and articles in {texts}", file=sys.stderr)
        return 2
    lines = [f"Statements and speakers on Reuters stories other than the seed, annotated by hand with the "
             f"guideline of `gold/`; measured {date.today().isoformat()} with Python "
             f"{platform.python_version()} by `tools/corpus_accuracy.py`.", ""]
    for title, path in sets:
        per, pooled = evaluate_folder(path, texts)
        lines += [f"**{title}** ({int(pooled.iloc[0]['articles'])} stories)", ""] + _table(per, pooled) + [""]
    out = Path(args.out)
    out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
