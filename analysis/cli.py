"""Command line: ``python -m analysis <command>``.

``extract``   analyse articles and write the tables (CSV or Parquet), GraphML files and a manifest;
              streams any number of articles, in worker processes (``--jobs``) or on Dask
              (``--dask``), and resumes an interrupted or repeated run (see :mod:`analysis.scale`)
``check``     check input files and show what cleaning would repair, without analysing
``evaluate``  score the analysis against a gold annotation
``model``     show which spaCy model is used and where it comes from

Bad input is reported in one line naming the file and the problem, never
with a traceback: ``error: <path>: <problem>`` when the run is one file
(exit status 2, nothing written), ``skipped: <path>: <problem>`` for each
bad file of a folder (the others are analysed; exit status 1).
``warning: <path>: ...`` lines (text that does not look like English, a
sentence cut because it was too long) do not change the exit status.
Problems of the machine are one ``error: ...`` line too, saying what to do.
``extract`` checks the output folder before the first article and locks it
for the whole run, so that two runs never write into one folder.

Exit status:

====  ==========================================================================
0     every file was analysed
1     some files were skipped (bad input); the others were analysed
2     the command could not start, and wrote nothing: bad usage; no article
      could be analysed; an input folder that cannot be read; an output folder
      that is a file, or cannot be made or written in; no spaCy model installed
3     an unexpected failure, a bug (``--debug`` shows its traceback)
4     writing the output failed during the run (a full disk, an I/O error);
      the finished articles are kept: make room and rerun the command to resume
75    another run is writing into the same ``--out`` (the message gives its
      process id): wait for it, or choose another folder (EX_TEMPFAIL)
130   interrupted (rerun the command to resume)
141   standard output was closed by its reader (``check FOLDER | head -1``):
      the command stops quietly, as Unix tools do
====  ==========================================================================
"""
from __future__ import annotations

import argparse
import codecs
import os
import sys
from pathlib import Path

from . import __version__
from .corpus import MAX_BYTES, ArticleError, iter_article_paths, load_article


#: The exit status when writing the output failed during the run (a full disk, an I/O error).
WRITE_FAILED = 4
#: The exit status when another run is writing into the same output folder: EX_TEMPFAIL of
#: BSD's sysexits.h ("try again later"), which batch tools and schedulers know.
BUSY = 75
#: The exit status when the reader of standard output went away: 128 + SIGPIPE, what a shell
#: reports for a Unix tool ended by a closed pipe (``set -o pipefail`` sees it; plain pipes do not).
PIPE_CLOSED = 141


def _fail(message: str, code: int = 2) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code


def _reader_gone() -> int:
    """Standard output was closed by its reader (``check FOLDER | head -1``): stop quietly, as
    Unix tools do. Python's own flush at exit would fail on the closed pipe again, so the
    output goes to ``os.devnull`` from here on (the recipe of Python's ``signal`` docs)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        try:
            os.dup2(devnull, stream.fileno())
        except (OSError, ValueError):  # a stream without a file descriptor
            pass
    return PIPE_CLOSED


def _paths(args) -> list[Path]:
    missing = [p for p in map(Path, args.paths) if not p.exists()]
    if missing:
        raise ArticleError(missing[0], "no such file or folder")
    paths = list(iter_article_paths(args.paths))
    if not paths:
        raise ArticleError(args.paths[0], "no article files (*.txt) found")
    return paths


def _check_options(args) -> str | None:
    """The problem with the reading options, if any."""
    try:
        codecs.lookup(args.encoding)
    except LookupError:
        return f"unknown encoding {args.encoding!r} (--encoding)"
    if args.max_bytes < 1:
        return "--max-bytes must be a positive number of bytes"
    return None


def cmd_extract(args) -> int:
    from .scale import ExtractError, OutputBusyError, OutputWriteError, extract

    problem = _check_options(args)
    if problem:
        return _fail(problem)
    if args.jobs < 1 or args.batch_size < 1:
        return _fail("--jobs and --batch-size must be at least 1")
    if args.format == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            return _fail("--format parquet needs pyarrow: pip install 'news-disagreement[parquet]'")
    paths = _paths(args)
    single = len(args.paths) == 1 and Path(args.paths[0]).is_file()

    def report(line: str) -> None:
        if single and line.startswith("skipped: "):
            line = "error: " + line[len("skipped: "):]
        from tqdm import tqdm

        tqdm.write(line, file=sys.stderr)

    try:
        summary = extract(
            paths, args.out, fmt=args.format, jobs=args.jobs, batch_size=args.batch_size, encoding=args.encoding,
            max_bytes=args.max_bytes, progress=not (args.quiet or single), dask=args.dask, report=report,
        )
    except OutputBusyError as exc:
        return _fail(str(exc), BUSY)
    except OutputWriteError as exc:
        return _fail(str(exc), WRITE_FAILED)
    except ExtractError as exc:  # also OutputFolderError: found before the first article
        if single and str(exc) == "no article could be analysed":
            return 2  # the file's own error line says why
        return _fail(str(exc))
    except KeyboardInterrupt:
        print(f"interrupted: finished articles are kept in {args.out}; run the same command again to resume",
              file=sys.stderr)
        return 130
    if not args.quiet:
        done = f" ({summary.resumed} unchanged since the last run)" if summary.resumed else ""
        skipped = f"; skipped {summary.skipped} file(s)" if summary.skipped else ""
        print(f"analysed {summary.analysed + summary.resumed} article(s){done}{skipped}; "
              f"wrote {len(summary.written)} files to {args.out}")
    return 1 if summary.skipped else 0


def cmd_check(args) -> int:
    problem = _check_options(args)
    if problem:
        return _fail(problem)
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
        for note in a.warnings:
            print(f"warning: {path}: {note}", file=sys.stderr)
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
    parser.add_argument("--debug", action="store_true", help="show the traceback of an unexpected failure")
    sub = parser.add_subparsers(dest="command", metavar="command")

    def inputs(p):
        p.add_argument("paths", nargs="+", help="article files (*.txt) or folders of them")
        p.add_argument("--encoding", default="utf-8", help="text encoding of the files (default utf-8)")
        p.add_argument("--max-bytes", type=int, default=MAX_BYTES,
                       help=f"largest file accepted, in bytes (default {MAX_BYTES:,})")

    p = sub.add_parser("extract", help="analyse articles and write the tables")
    inputs(p)
    p.add_argument("--out", required=True, help="folder for the tables")
    p.add_argument("--format", choices=("csv", "parquet"), default="csv",
                   help="table format (default csv; parquet needs the [parquet] extra)")
    p.add_argument("--jobs", type=int, default=1, metavar="N",
                   help="worker processes (default 1); with --dask, workers of the local cluster")
    p.add_argument("--batch-size", type=int, default=16, metavar="N",
                   help="articles per nlp.pipe batch and per task (default 16)")
    p.add_argument("--dask", nargs="?", const=True, default=None, metavar="ADDRESS",
                   help="run on Dask: a local cluster, or the scheduler at ADDRESS (tcp://host:8786); "
                        "needs the [dask] extra")
    p.add_argument("--quiet", action="store_true",
                   help="no progress bar (shown for folders, on standard error) and no summary; errors only")
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
        code = args.func(args)
        sys.stdout.flush()  # a reader that has gone shows here, not in Python's flush at exit
        return code
    except BrokenPipeError:
        return _reader_gone()
    except ArticleError as exc:
        return _fail(str(exc))
    except Exception as exc:  # noqa: BLE001 - a clear line instead of a traceback
        nlp = sys.modules.get("analysis.nlp")  # whatever raised it has imported it
        if nlp is not None and isinstance(exc, nlp.ModelNotFoundError):
            return _fail(str(exc))
        if getattr(args, "debug", False):
            raise
        name = type(exc).__name__
        return _fail(f"{name}: {exc}", 3)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
