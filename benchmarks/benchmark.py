"""Speed and memory of ``python -m analysis extract`` against spaCy's bare ``nlp.pipe``.

Run from the repository root (``make bench`` does)::

    python benchmarks/benchmark.py                      # ../shared/corpus x 1, 4, 16; 1 and 2 processes
    python benchmarks/benchmark.py --corpus DIR --scales 1 2 --jobs 1 --out /tmp/results.md

For each corpus size (the folder's ``*.txt`` files repeated under distinct
names in a temporary folder) and each number of worker processes, two
measurements, each in a fresh process of its own:

``nlp.pipe``
    read the files and run the same spaCy pipeline over their texts with
    ``nlp.pipe(texts, batch_size, n_process=jobs)``: the cost of parsing alone.
``extract``
    :func:`analysis.scale.extract` with ``jobs`` worker processes, as the
    command line runs it: checks, cleaning, parsing, every analysis stage,
    part files, the tables, the manifest and the GraphML files.

Both import their modules and load the model before the clock starts, once
per process; worker processes start inside the timed part. spaCy's workers are
forks of the measured process; ``extract``'s are forks too where
:func:`analysis.scale._pool_context` finds that safe (Linux, one thread), and
otherwise fresh interpreters that import the package and load the model
inside the timed part. Peak memory is the largest sum of the resident set sizes of
the measured process and all its children, sampled every 50 ms. Then one
more ``extract`` over the corpus, in one process, times each analysis
stage, to show where the time beyond parsing goes.

The result is a Markdown file (default ``benchmarks/results.md``) with the
machine it ran on and a paragraph of what the table shows; the book's methods
page includes it, and a run that writes the default file also copies the
table into the README, between its benchmark markers. The measured figures
are kept beside it as JSON (``results.json``): ``--from-json`` writes the
page again from them after a change to the wording, without measuring.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
TARGET = 1.25  # extract / nlp.pipe time: the analysis should cost less than 25% on top of parsing
STAGES = [
    # (label, module, function): wrapped with a timer in the stage run
    ("checks and cleaning", "analysis.scale", "article_from_bytes"),
    ("tokens and preset sentence starts (make_doc)", "analysis.nlp", "make_doc"),
    ("actors", "analysis.pipeline", "find_actors"),
    ("coreference", "analysis.coreference", "resolve"),
    ("quotes", "analysis.pipeline", "quote_table"),
    ("claims", "analysis.pipeline", "claim_table"),
    ("issues", "analysis.pipeline", "find_issues"),
    ("stances", "analysis.pipeline", "extract_stances"),
    ("network", "analysis.pipeline", "build_network"),
    ("tables of one article", "analysis.pipeline", "article_rows"),
    ("part file made (pickles, CSV lines)", "analysis.scale", "part_bytes"),
    ("part file and GraphML written", "analysis.scale", "_Store.record"),
    ("assembly of the tables", "analysis.scale", "assemble"),
]


# --------------------------------------------------------------------------- measured processes

def _paths(corpus: Path) -> list[Path]:
    return sorted(corpus.glob("*.txt"))


def run_bare(corpus: Path, jobs: int, batch_size: int) -> dict:
    """spaCy alone: read the texts and parse them with ``nlp.pipe``."""
    from analysis.nlp import load_pipeline, tune_allocator

    tune_allocator()  # as extract does: the comparison is of the work, not of the allocator settings
    nlp = load_pipeline()
    start = time.perf_counter()
    texts = [p.read_text(encoding="utf-8") for p in _paths(corpus)]
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size, n_process=jobs))
    return {"seconds": time.perf_counter() - start, "articles": len(texts), "tokens": tokens}


def run_extract(corpus: Path, jobs: int, batch_size: int) -> dict:
    """The whole extraction into a fresh output folder."""
    started = time.perf_counter()
    import analysis.pipeline  # noqa: F401 - the analysis modules, imported once per process like spaCy
    from analysis import scale
    from analysis.nlp import load_pipeline

    imports = time.perf_counter() - started
    started = time.perf_counter()
    load_pipeline()  # forked workers share it; spawned ones load their own
    load = time.perf_counter() - started
    method = scale._pool_context(None).get_start_method() if jobs > 1 else None
    out = Path(tempfile.mkdtemp(prefix="bench-out-"))
    try:
        start = time.perf_counter()
        summary = scale.extract(_paths(corpus), out, jobs=jobs, batch_size=batch_size, progress=False,
                                report=lambda line: None)
        seconds = time.perf_counter() - start
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return {"seconds": seconds, "articles": summary.analysed, "tokens": summary.tokens, "skipped": summary.skipped,
            "imports": imports, "load": load, "start_method": method}


def run_stages(corpus: Path, jobs: int, batch_size: int) -> dict:
    """One single-process extract with a timer around each stage."""
    import importlib

    timings: dict[str, float] = {}

    def timed(label, fn):
        def wrapper(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                timings[label] = timings.get(label, 0.0) + time.perf_counter() - t0
        return wrapper

    for label, module, name in STAGES:
        owner = importlib.import_module(module)
        *path, attr = name.split(".")
        for part in path:
            owner = getattr(owner, part)
        setattr(owner, attr, timed(label, getattr(owner, attr)))
    result = run_extract(corpus, 1, batch_size)
    missing = [label for label, _, _ in STAGES if label not in timings]
    if missing:
        raise SystemExit(f"stages never called: {', '.join(missing)}; update STAGES in {Path(__file__).name}")
    result["stages"] = timings
    return result


# --------------------------------------------------------------------------- the driver

def _measure(kind: str, corpus: Path, jobs: int, batch_size: int) -> dict:
    """Run one measurement in a fresh process; add the peak memory of its process tree."""
    import psutil

    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as fh:
        result_file = Path(fh.name)
    cmd = [sys.executable, str(Path(__file__).resolve()), "--run", kind, "--corpus", str(corpus),
           "--jobs", str(jobs), "--batch-size", str(batch_size), "--result", str(result_file)]
    proc = psutil.Popen(cmd, cwd=ROOT)
    peak = 0
    while proc.poll() is None:
        rss = 0
        try:
            for p in [proc, *proc.children(recursive=True)]:
                try:
                    rss += p.memory_info().rss
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    pass
        except psutil.NoSuchProcess:
            pass
        peak = max(peak, rss)
        time.sleep(0.05)
    if proc.returncode != 0:
        raise SystemExit(f"benchmark run failed: {' '.join(cmd)} (exit {proc.returncode})")
    result = json.loads(result_file.read_text())
    result_file.unlink()
    result["peak_mb"] = peak / 2**20
    return result


def make_corpus(source: Path, scale: int, folder: Path) -> Path:
    """``scale`` copies of every ``*.txt`` file of ``source``, with distinct names.

    The copy number leads the name, so in sorted order each copy of the corpus
    follows the previous one and every batch mixes articles as the original
    does (copies side by side would fill a batch with one long article
    sixteen times, and memory would measure that instead of the corpus size).
    """
    folder.mkdir(parents=True)
    for k in range(scale):
        for path in _paths(source):
            shutil.copyfile(path, folder / f"{k:03d}--{path.stem}.txt")
    return folder


def machine() -> dict:
    import pandas
    import psutil
    import spacy

    from analysis.nlp import load_pipeline, model_name

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    meta = load_pipeline().meta
    return {
        "code": _code_version(),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gb": psutil.virtual_memory().total / 2**30,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "model": f"{model_name()} ({meta.get('name')} {meta.get('version')})",
        "pandas": pandas.__version__,
        "load": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "date": dt.date.today().isoformat(),
    }


def _code_version() -> str:
    """The commit of the checkout, and whether ``analysis/`` differs from it."""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "analysis"], cwd=ROOT, capture_output=True,
                               text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return commit + (" with local changes in analysis/" if dirty else "")


def _analysis_fingerprint() -> str:
    """A hash of the package's code and data as they are on disk now."""
    from analysis.scale import pipeline_fingerprint

    return pipeline_fingerprint()


def report(rows: list[dict], stages: dict, info: dict, corpus: Path, batch_size: int, repeat: int = 1,
           argv: list[str] | None = None) -> str:
    """The Markdown page."""
    args = list(sys.argv[1:] if argv is None else argv)
    for option in ("--out", "--from-json"):  # where the page went is no part of how to measure again
        if option in args:
            del args[args.index(option):args.index(option) + 2]
    command = " ".join(["python benchmarks/benchmark.py", *args])
    imports = max((r["extract"].get("imports", 0.0) for r in rows), default=0.0)
    lines = [
        "# Benchmark: `extract` against spaCy's bare `nlp.pipe`",
        "",
        f"Generated by `{command}` (`make bench` runs it with the defaults); do not edit by hand.",
        "",
        f"Machine: {info['cpu']}, {info['cores']} cores, {info['ram_gb']:.0f} GB RAM, {info['os']}; "
        f"Python {info['python']}, spaCy {info['spacy']}, model {info['model']}, pandas {info['pandas']}; "
        f"code at commit {info['code']}. Run on {info['date']}"
        + (f"; load average before the run {info['load'][0]:.1f} (other work on the machine slows every "
           "figure alike)." if info.get("load") else "."),
        "",
        f"Corpus: `{corpus.name}/` ({rows[0]['base']} articles) repeated "
        f"{', '.join(f'{k}x' for k in dict.fromkeys(r['scale'] for r in rows))} under distinct names; "
        f"batch size {batch_size}. Seconds exclude importing the modules and loading the model in the measured "
        f"process (importing the analysis modules took {imports:.1f} s), and include starting worker processes"
        + (f"; each figure is the fastest of {repeat} runs" if repeat > 1 else "")
        + ". Peak memory: the largest total resident memory of the process and its workers"
        + (" over all runs." if repeat > 1 else "."),
        "",
        "| corpus | articles | tokens | processes | `nlp.pipe` s | `nlp.pipe` articles/s | `nlp.pipe` tokens/s "
        "| `extract` s | `extract` articles/s | `extract` tokens/s | `extract` / `nlp.pipe` time "
        "| peak MB `nlp.pipe` | peak MB `extract` |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        b, e = r["bare"], r["extract"]
        lines.append(
            f"| {r['scale']}x | {b['articles']:,} | {b['tokens']:,} | {r['jobs']} | {b['seconds']:.1f} "
            f"| {b['articles'] / b['seconds']:.1f} | {b['tokens'] / b['seconds']:,.0f} | {e['seconds']:.1f} "
            f"| {e['articles'] / e['seconds']:.1f} | {e['tokens'] / e['seconds']:,.0f} "
            f"| {e['seconds'] / b['seconds']:.2f} | {b['peak_mb']:.0f} | {e['peak_mb']:.0f} |"
        )
    lines += ["", findings(rows, batch_size)]
    if stages:
        total = stages["seconds"]
        lines += [
            "",
            f"Where the time of one single-process `extract` over the 1x corpus goes ({total:.1f} s in all; "
            "parsing and the rest is what the timed stages leave):",
            "",
            "| stage | seconds | share |",
            "| --- | ---: | ---: |",
        ]
        timed = 0.0
        for label, _, _ in STAGES:  # none is nested in another, so the times add up
            seconds = stages["stages"][label]
            timed += seconds
            lines.append(f"| {label} | {seconds:.2f} | {seconds / total:.0%} |")
        lines.append(f"| parsing (`nlp.pipe`) and the rest | {total - timed:.2f} | {(total - timed) / total:.0%} |")
    return "\n".join(lines) + "\n"


def findings(rows: list[dict], batch_size: int = 16) -> str:
    """What the table shows, in words, computed from it: time per article and peak
    memory from the smallest to the largest corpus, and the ratio against the target."""
    parts = []
    for jobs in dict.fromkeys(r["jobs"] for r in rows):
        mine = [r for r in rows if r["jobs"] == jobs]
        per = [1000 * r["extract"]["seconds"] / r["extract"]["articles"] for r in mine]
        ratios = [r["extract"]["seconds"] / r["bare"]["seconds"] for r in mine]
        first, last = mine[0], mine[-1]
        parts.append(
            f"With {jobs} process{'es' if jobs > 1 else ''}, `extract` took {_span(per, '.0f')} ms per article "
            f"from {first['extract']['articles']:,} to {last['extract']['articles']:,} articles, "
            f"its peak memory went from {first['extract']['peak_mb']:.0f} to {last['extract']['peak_mb']:.0f} MB, "
            f"and it took {_span(ratios, '.2f')} times as long as the bare parse."
        )
    many = [r for r in rows if r["jobs"] > 1]
    if many:
        from analysis.scale import task_size

        start = max(r["extract"].get("imports", 0.0) + r["extract"].get("load", 0.0) for r in rows)
        sizes = [f"{task_size(r['extract']['articles'], r['jobs'], batch_size)} at {r['scale']}x"
                 for r in many if r["jobs"] == many[0]["jobs"]]
        sizes[0] = sizes[0].replace(" at ", " articles at ", 1)
        tasks = sizes[0] if len(sizes) == 1 else f"{', '.join(sizes[:-1])} and {sizes[-1]}"
        methods = {r["extract"].get("start_method") for r in many}
        if methods == {"fork"}:
            how = ("The workers of `extract`, like spaCy's, are forks of the measured process, which holds the "
                   "package and the model already. ")
        else:
            how = (f"Workers of `extract` were fresh interpreters that import the package and load the model "
                   f"(about {start:.1f} s, as timed in the single-process runs), whereas spaCy's workers are forks of "
                   "a process that has both already: a fixed cost that weighs on the small corpora, not on the "
                   "large. ")
        parts.append(
            how + f"With {many[0]['jobs']} workers, tasks hold {tasks} (at least eight tasks per worker, at "
            f"most the batch size of {batch_size}): a bigger task is parsed in bigger arrays, so the workers' "
            "memory follows the task size, not the number of articles."
        )
    over = [f"{r['scale']}x with {r['jobs']} process{'es' if r['jobs'] > 1 else ''} "
            f"({r['extract']['seconds'] / r['bare']['seconds']:.2f})"
            for r in rows if r["extract"]["seconds"] / r["bare"]["seconds"] >= TARGET]
    parts.append(
        f"Target: the analysis costs less than {TARGET - 1:.0%} on top of parsing (a ratio below {TARGET:.2f}): "
        + ("met in every run." if not over else f"missed for {', '.join(over)}.")
    )
    return " ".join(parts)


def _span(values: list[float], spec: str) -> str:
    low, high = format(min(values), spec), format(max(values), spec)
    return low if low == high else f"{low} to {high}"


README_START = "<!-- benchmark results: written by benchmarks/benchmark.py from benchmarks/results.md -->"
README_END = "<!-- end of benchmark results -->"


def readme_block(results: str) -> str:
    """The part of ``results.md`` the README shows: machine, corpus, the table and what it shows."""
    lines = results.splitlines()
    start = next(k for k, line in enumerate(lines) if line.startswith("Machine: "))
    end = next((k for k, line in enumerate(lines) if line.startswith("Where the time")), len(lines))
    return "\n".join(lines[start:end]).strip() + "\n"


def sync_readme(results: str, readme: Path) -> bool:
    """Put :func:`readme_block` between the README's markers (atomically); False if it has none."""
    text = readme.read_text(encoding="utf-8")
    if README_START not in text or README_END not in text:
        return False
    head, rest = text.split(README_START, 1)
    _, tail = rest.split(README_END, 1)
    new = f"{head}{README_START}\n{readme_block(results)}{README_END}{tail}"
    if new != text:
        _atomic_text(readme, new)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of *.txt articles")
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 4, 16], help="corpus multiples")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="worker process counts")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--out", type=Path, default=HERE / "results.md", help="the Markdown result")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs of each measurement; the fastest counts (peak memory: the largest)")
    parser.add_argument("--no-stages", action="store_true", help="skip the per-stage timing")
    parser.add_argument("--from-json", type=Path, metavar="FILE",
                        help="measure nothing: write the page again from the figures a run saved "
                             "(benchmarks/results.json)")
    parser.add_argument("--run", choices=("bare", "extract", "stages"), help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.run:  # one measured process
        fn = {"bare": run_bare, "extract": run_extract, "stages": run_stages}[args.run]
        args.result.write_text(json.dumps(fn(args.corpus, args.jobs[0], args.batch_size)))
        return 0

    if args.from_json:
        saved = json.loads(args.from_json.read_text(encoding="utf-8"))
        return _publish(args.out, report(saved["rows"], saved["stages"], saved["info"], Path(saved["corpus"]),
                                         saved["batch_size"], saved["repeat"], saved["argv"]))
    if not _paths(args.corpus):
        parser.error(f"no *.txt articles in {args.corpus}")
    info = machine()
    start = _analysis_fingerprint()
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as tmp:
        for scale in args.scales:
            corpus = make_corpus(args.corpus, scale, Path(tmp) / f"x{scale}")
            for jobs in args.jobs:
                row = {"scale": scale, "jobs": jobs, "base": len(_paths(args.corpus))}
                runs: dict[str, list[dict]] = {"bare": [], "extract": []}
                for _ in range(args.repeat):  # alternate, so that a busy spell slows both alike
                    for kind in ("bare", "extract"):
                        r = _measure(kind, corpus, jobs, args.batch_size)
                        runs[kind].append(r)
                        print(f"{scale:>3}x  {jobs} process(es)  {kind:<8} {r['articles']:>5} articles  "
                              f"{r['seconds']:7.1f} s  {r['articles'] / r['seconds']:6.1f} articles/s  "
                              f"peak {r['peak_mb']:6.0f} MB", file=sys.stderr, flush=True)
                for kind, measured in runs.items():
                    row[kind] = dict(min(measured, key=lambda r: r["seconds"]))
                    row[kind]["peak_mb"] = max(r["peak_mb"] for r in measured)
                rows.append(row)
        stages = {} if args.no_stages else _measure("stages", Path(tmp) / f"x{args.scales[0]}", 1, args.batch_size)
    if _analysis_fingerprint() != start:
        print("warning: analysis/ changed while the benchmark ran; the figures mix two versions: rerun",
              file=sys.stderr)
        info["code"] += " (changed during the run: figures unreliable)"
    used = list(sys.argv[1:] if argv is None else argv)
    saved = {"rows": rows, "stages": stages, "info": info, "corpus": args.corpus.name,
             "batch_size": args.batch_size, "repeat": args.repeat, "argv": used}
    _atomic_text(args.out.with_suffix(".json"), json.dumps(saved, indent=1, sort_keys=True) + "\n")
    return _publish(args.out, report(rows, stages, info, args.corpus, args.batch_size, args.repeat, used))


def _publish(out: Path, text: str) -> int:
    """Write the page; a page written to the default place is copied into the README too."""
    _atomic_text(out, text)
    if out.resolve() == (HERE / "results.md").resolve() and sync_readme(text, ROOT / "README.md"):
        print("README.md: benchmark section updated", file=sys.stderr)
    print(text)
    return 0


def _atomic_text(path: Path, text: str) -> None:
    from analysis.output import write_atomic

    write_atomic(path, text.encode("utf-8"))


if __name__ == "__main__":
    sys.exit(main())
