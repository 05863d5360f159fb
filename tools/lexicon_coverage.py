#!/usr/bin/env python3
"""How general are the word lists? Count in how many stories and outlets each entry occurs.

Usage:
    python tools/lexicon_coverage.py [--texts ../shared] [--show-single]

Reads the cue lists of ``analysis/data/stance_lexicon.yml`` and
``analysis/data/issue_rules.yml`` and counts, for each entry, the stories of
``../shared/corpus`` and ``../shared/corpus/polnear`` (and the seed) in which
it occurs as a whole word (any inflection is not counted: a lower bound), and
the outlets those stories come from. An entry found in one story only, and
that story the seed, would be a sign of fitting; the summary says how many
there are (the answer should be none). Prints counts, never article text.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.corpus_gold import source_of  # noqa: E402

LISTS = {
    "stance_lexicon.yml": ["verbs", "nouns", "adjectives", "weakeners", "side_nouns", "align_verbs", "effects",
                           "acts_on", "hedges", "conditions"],
    "issue_rules.yml": ["policy_nouns", "contested_nouns", "proposal_verbs", "call_verbs", "dispute_verbs"],
}


def entries() -> list[tuple[str, str, str]]:
    out = []
    for name, keys in LISTS.items():
        data = yaml.safe_load((ROOT / "analysis" / "data" / name).read_text(encoding="utf-8"))
        for key in keys:
            value = data.get(key)
            items = []
            if isinstance(value, dict):
                for v in value.values():
                    items += list(v) if isinstance(v, list) else []
            elif isinstance(value, list):
                items = value
            for item in dict.fromkeys(str(i).lower() for i in items):
                out.append((name, key, item))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--show-single", action="store_true", help="list the entries found in one story only")
    args = parser.parse_args(argv)
    stories = sorted((args.texts / "corpus").glob("*.txt")) + sorted((args.texts / "corpus" / "polnear").glob("*.txt"))
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    if not stories:
        print(f"error: no stories in {args.texts / 'corpus'}", file=sys.stderr)
        return 2
    texts = {p.stem: p.read_text(encoding="utf-8").lower().replace("\u2019", "'") for p in stories + seeds}
    found = defaultdict(set)
    rows = entries()
    for _file, _key, item in rows:
        pattern = re.compile(r"(?<![\w'])" + re.escape(item.replace("\u2019", "'")) + r"(?![\w])")
        for stem, text in texts.items():
            if pattern.search(text):
                found[item].add(stem)
    single = [item for _f, _k, item in rows if len(found[item]) == 1]
    seed_only = [item for item in single if next(iter(found[item])) in {p.stem for p in seeds}]
    outlets = {item: {source_of(s) for s in found[item]} for _f, _k, item in rows}
    n = len(rows)
    print(f"{n} entries; {len(texts)} stories ({len(seeds)} seed, {len(stories)} corpus)")
    print(f"  in 2 or more outlets: {sum(1 for _f, _k, i in rows if len(outlets[i]) >= 2)}")
    print(f"  in one outlet only:   {sum(1 for _f, _k, i in rows if len(outlets[i]) == 1)}")
    print(f"  in no story:          {sum(1 for _f, _k, i in rows if not found[i])} (general vocabulary these stories do not use)")
    print(f"  in one story only:    {len(single)}; of which the seed only: {len(seed_only)} {sorted(seed_only)}")
    if args.show_single:
        for item in single:
            print(f"    {item}: {next(iter(found[item]))[:40]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
