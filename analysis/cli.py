"""Command line: ``python -m analysis <command>``.

``extract``   analyse articles and write the tables (CSV or Parquet) and GraphML files
``check``     check input files and show what cleaning would repair, without analysing
``evaluate``  score the analysis against a gold annotation
``model``     show which spaCy model is used and where it comes from

Errors in the input are reported in one line naming the file and the
problem, never with a traceback; the exit status is non-zero.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .corpus import MAX_BYTES, ArticleError, iter_article_paths, load_article


def _fail(message: str, code: int = 2) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code


def _paths(args) -> list[Path]:
    paths = list(iter_article_paths(args.paths))
    missing = [p for p in map(Path, args.paths) if not p.exists()]
    if missing:
        raise ArticleError(missing[0], "no such file or folder")
    if not paths:
        raise ArticleError(args.paths[0], "no article files (*.txt) found")
    return paths


def cmd_extract(args) -> int:
    from .network import write_graphml
    from .output import write_tables
    from .pipeline import analyse_doc, tables
    from .nlp import load_pipeline, parse

    paths = _paths(args)
    nlp = load_pipeline()
    analyses = []
    failed = 0
    for path in paths:
        try:
            article = load_article(path, encoding=args.encoding, max_bytes=args.max_bytes)
        except ArticleError as exc:
            print(f"skipped: {exc}", file=sys.stderr)
            failed += 1
            continue
        analyses.append(analyse_doc(article, parse(article, nlp), keep_doc=False))
    if not analyses:
        return _fail("no article could be analysed")
    out = Path(args.out)
    written = write_tables(tables(analyses), out, args.format)
    for a in analyses:
        written += write_graphml(a.network, out / "graphml", a.doc_id)
    if not args.quiet:
        print(f"analysed {len(analyses)} article(s); wrote {len(written)} files to {out}")
    return 1 if failed else 0


def cmd_check(args) -> int:
    paths = _paths(args)
    bad = 0
    for path in paths:
        try:
            a = load_article(path, encoding=args.encoding, max_bytes=args.max_bytes)
        except ArticleError as exc:
            print(f"error: {exc}", file=sys.stderr)
            bad += 1
            continue
        print(f"{path}: ok ({len(a.paragraphs)} paragraphs, {len(a.sentences)} sentences, {len(a.repairs)} repairs)")
        for r in a.repairs:
            print(f"  {r.kind} at {r.start}: {r.reason}")
    return 1 if bad else 0


def cmd_evaluate(args) -> int:
    from .evaluate import evaluate, evaluate_folder, load_gold
    from .pipeline import analyse

    gold = Path(args.gold)
    if gold.is_dir():
        per, pooled = evaluate_folder(gold, args.texts)
        print(per.to_string(index=False))
        print(pooled.to_string(index=False))
        return 0
    g = load_gold(gold)
    text = Path(args.texts) / f"{g['doc_id']}.txt" if args.texts else Path(g.get("source", ""))
    ev = evaluate(analyse(load_article(text)), g)
    print(ev.scores.to_string(index=False))
    return 0


def cmd_model(args) -> int:
    from .nlp import MODEL_ENV, load_pipeline, model_name

    name = model_name()
    nlp = load_pipeline(name)
    print(f"{name} ({nlp.meta.get('name', '?')} {nlp.meta.get('version', '?')}, spaCy {nlp.meta.get('spacy_version', '?')})")
    print(f"components: {', '.join(nlp.pipe_names)}")
    print(f"set {MODEL_ENV} to use another installed model")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Actors, claims, positions and policy disagreement in news articles.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="command")

    def inputs(p):
        p.add_argument("paths", nargs="+", help="article files (*.txt) or folders of them")
        p.add_argument("--encoding", default="utf-8", help="text encoding of the files (default utf-8)")
        p.add_argument("--max-bytes", type=int, default=MAX_BYTES,
                       help=f"largest file accepted, in bytes (default {MAX_BYTES:,})")

    p = sub.add_parser("extract", help="analyse articles and write the tables")
    inputs(p)
    p.add_argument("--out", required=True, help="folder for the tables")
    p.add_argument("--format", choices=("csv", "parquet"), default="csv", help="table format (default csv)")
    p.add_argument("--quiet", action="store_true", help="print nothing but errors")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("check", help="check input files and show what cleaning repairs")
    inputs(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("evaluate", help="score the analysis against a gold annotation")
    p.add_argument("--gold", required=True, help="a gold file (gold/*.yml) or a folder of them")
    p.add_argument("--texts", default="", help="folder with the articles (default: the gold file's source)")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("model", help="show which spaCy model is used")
    p.set_defaults(func=cmd_model)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    try:
        return args.func(args)
    except ArticleError as exc:
        return _fail(str(exc))
    except Exception as exc:  # noqa: BLE001 - a clear line instead of a traceback
        if getattr(args, "debug", False):
            raise
        name = type(exc).__name__
        return _fail(f"{name}: {exc}", 3)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
