"""Time the analysis after parsing, in one process: what ``extract`` adds to spaCy's parse.

Run from the repository root::

    python benchmarks/analysis_time.py                       # ../shared/corpus, best of 3
    python benchmarks/analysis_time.py --repeat 5 PATH ...   # other files or folders
    python benchmarks/analysis_time.py --profile 40          # also the 40 costliest functions

The articles are read and parsed once (``analysis.nlp.parse_many``, untimed);
then, ``--repeat`` times over all the parses, three figures per article:

``analyse_doc``
    every analysis stage (:func:`analysis.pipeline.analyse_doc`);
``tables``
    the published tables of the analysis as ``extract`` takes them
    (:func:`analysis.pipeline.article_rows`; in versions without it,
    :func:`analysis.pipeline.article_tables`, so the script times older
    commits too);
``part_bytes``
    the part file ``extract`` writes from them (:func:`analysis.scale.part_bytes`).

The best round of each is printed, in milliseconds per article, beside the
parse's own cost. The machine's other work slows every figure: to compare two
versions of the code, run this script for each in turn, several times,
under the same load (A, B, A, B), rather than comparing with a figure taken
earlier.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"


def _paths(args: list[str]) -> list[Path]:
    from analysis.corpus import iter_article_paths

    return list(iter_article_paths([Path(a) for a in args]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(DEFAULT_CORPUS)], help="article files or folders")
    parser.add_argument("--repeat", type=int, default=3, help="rounds over every parse (the best is shown)")
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="profile one more round and print the N functions with the most own time")
    args = parser.parse_args(argv)

    from analysis.corpus import load_article
    from analysis.nlp import load_pipeline, parse_many, tune_allocator
    from analysis import pipeline
    from analysis.pipeline import analyse_doc
    from analysis.scale import part_bytes

    article_tables = getattr(pipeline, "article_rows", None) or pipeline.article_tables
    tune_allocator()
    nlp = load_pipeline()
    articles = [load_article(p) for p in _paths(args.paths)]
    start = time.perf_counter()
    parsed = list(parse_many(articles, nlp))
    parse_ms = (time.perf_counter() - start) * 1000 / len(parsed)

    def one_round() -> tuple[float, float, float]:
        spent = [0.0, 0.0, 0.0]
        for article, doc in parsed:
            t0 = time.perf_counter()
            a = analyse_doc(article, doc, keep_doc=False)
            t1 = time.perf_counter()
            tables = article_tables(a)
            t2 = time.perf_counter()
            part_bytes(tables)
            t3 = time.perf_counter()
            spent[0] += t1 - t0
            spent[1] += t2 - t1
            spent[2] += t3 - t2
        return tuple(s * 1000 / len(parsed) for s in spent)

    one_round()  # caches of rules and word lists filled, as in a long run
    rounds = [one_round() for _ in range(args.repeat)]
    best = [min(r[k] for r in rounds) for k in range(3)]
    total = sum(best)
    print(f"{len(parsed)} articles; parse (nlp.pipe, one run) {parse_ms:.1f} ms/article")
    print(f"best of {args.repeat}, ms/article: analyse_doc {best[0]:.2f}  tables {best[1]:.2f}  "
          f"part_bytes {best[2]:.2f}  total {total:.2f}  ({total / parse_ms:.1%} of the parse)")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        one_round()
        profiler.disable()
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
