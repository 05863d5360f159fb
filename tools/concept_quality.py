#!/usr/bin/env python3
"""How readable are the concept names of the discourse network? A check over many stories.

Each concept of the network is named by the gist of one of its claims: a short statement
("Russia cannot be trusted"). A reader cannot take in a name that is a fragment. This tool
runs the pipeline over the stories of ``../shared/corpus`` (and ``polnear/``) and counts, per
source, the concept names (other than the issue itself, K00) that are **fragments**:

- ``dangling``: it ends on a word that needs a continuation (a preposition, article,
  conjunction, "to", a relative pronoun: "... can help bring about a");
- ``no verb``: it has no finite verb or copula ("Anger about the proposal which several");
- ``no subject``: it opens with "to" or a finite verb ("To be seen", "Are biased"); a base
  form reads as a proposal ("Streamline the process") and a gerund as a topic, and both pass;
- ``bare pronoun``: its subject is a pronoun the reader cannot resolve ("It was serious");
  existential "there" passes;
- ``empty copula``: it ends on a form of *be* or *have* ("Israel was").

It reads no gold and is not a score of correctness; it measures one property any reader
notices. Usage: ``python tools/concept_quality.py [--texts ../shared] [--show]``.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.corpus_gold import source_of  # noqa: E402

DANGLING = {"a", "an", "the", "of", "to", "for", "in", "on", "at", "by", "with", "from", "about", "into",
            "and", "or", "but", "that", "which", "who", "whom", "whose", "if", "than", "as", "because",
            "his", "her", "its", "their", "our", "my", "your", "this", "these", "those", "over", "after",
            "before", "while", "when", "where", "whether", "not", "no", "so", "very", "more", "most"}
BARE = {"it", "they", "this", "that", "these", "those", "he", "she"}
FINITE = {"VBZ", "VBP", "VBD", "MD"}
COPULA = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
          "can", "could", "should", "may", "might", "must", "do", "does", "did"}


def problems(name: str, tags: list[tuple[str, str]]) -> list[str]:
    """The kinds of fragment a concept name is (empty when it reads as a statement).
    ``tags`` are the (coarse, fine) parts of speech of its words, from the parse of the name."""
    words = [w.strip(".,;:!?\u201c\u201d\"'").lower() for w in name.split()]
    words = [w for w in words if w]
    if not words:
        return ["empty"]
    out = []
    if words[-1] in DANGLING:
        out.append("dangling")
    if not any(pos in ("VERB", "AUX") for pos, _tag in tags):
        out.append("no verb")
    elif tags and (words[0] == "to" or tags[0][1] in FINITE):
        out.append("no subject")
    if words[0] in BARE and len(words) > 1 and tags and tags[0][0] == "PRON":
        out.append("bare pronoun")
    if words[-1] in COPULA:
        out.append("empty copula")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--texts", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--show", action="store_true", help="print every fragment with its claim")
    args = parser.parse_args()
    corpus = args.texts / "corpus"
    files = sorted(corpus.glob("*.txt")) + sorted((corpus / "polnear").glob("*.txt"))
    if not files:
        print(f"no stories under {corpus}: nothing to check")
        return 0
    from analysis.nlp import load_pipeline
    from analysis.pipeline import analyse

    nlp = load_pipeline()
    totals: dict[str, Counter] = defaultdict(Counter)
    for path in files:
        a = analyse(path, nlp)
        source = "reuters" if source_of(path.stem) == "reuters" else "U.S. outlets"
        for row in a.network.concepts.itertuples(index=False):
            if row.concept_id == "K00":
                continue
            tags = [(t.pos_, t.tag_) for t in nlp(row.concept)]
            kinds = problems(row.concept, tags)
            totals[source]["concepts"] += 1
            totals[source]["fragments"] += bool(kinds)
            for k in kinds:
                totals[source][k] += 1
            if kinds and args.show:
                print(f"{path.stem[:32]:32} {row.concept_id} {', '.join(kinds):24} {row.concept!r}\n"
                      f"{'':58}<- {row.example[:110]!r}")
    kinds = ["dangling", "no verb", "no subject", "bare pronoun", "empty copula"]
    print("| source | concepts | readable | " + " | ".join(kinds) + " |")
    print("|---|---:|---:|" + "---:|" * len(kinds))
    for source in ("reuters", "U.S. outlets"):
        t = totals[source]
        if not t["concepts"]:
            continue
        ok = t["concepts"] - t["fragments"]
        print(f"| {source} | {t['concepts']} | {ok} ({ok / t['concepts']:.2f}) | "
              + " | ".join(str(t[k]) for k in kinds) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
