"""Corpus-scale extraction: streaming, worker processes, resumption, Dask.

:func:`extract` is what ``python -m analysis extract`` runs. It reads the
input files one batch at a time, analyses each batch with
:func:`analyse_batch` (spaCy's ``nlp.pipe`` with batching, then every stage
of :mod:`analysis.pipeline`), and writes each article's tables to a part
file as soon as it is done, so memory does not grow with the corpus. At the
end it assembles the published tables from the part files in sorted
``doc_id`` order, so the output depends only on the input, never on the
order in which workers finish.

Where the batches run:

``jobs=1``
    in this process.
``jobs=N``
    in ``N`` worker processes, each with its own spaCy pipeline. Each worker
    runs the whole analysis of its batch, not only the parse: with spaCy's
    own ``nlp.pipe(n_process=N)`` the parses come back to this process and
    the analysis of every article would run here, one at a time.
``dask=...``
    on a ``dask.distributed`` cluster (``pip install .[dask]``): a
    ``LocalCluster`` of ``jobs`` workers, or the scheduler at an address
    such as ``tcp://10.0.0.5:8786``. Workers get the file bytes and return
    the tables, so they need the package and the same model installed but
    no access to the input or output folders.

All three run the same :func:`analyse_batch` and the same assembly, so they
write byte-identical tables.

The output folder holds, besides the tables and ``graphml/``:

``manifest.csv``
    one row per input file: ``doc_id, path, sha256, bytes, codebook_sha256,
    pipeline, status, tokens, problem, warnings``. ``sha256`` is the hash of
    the file's bytes; ``pipeline`` a hash of the package's code and data,
    the spaCy and model versions and the encoding; ``status`` is ``ok`` or
    ``skipped``. Sorted by ``doc_id``; no timestamps.
``.parts/``
    one part file per analysed article (see :func:`part_bytes`; an internal
    cache: delete it to start afresh) and, while a run is going, the journal
    of finished articles. A repeated run skips every article whose
    ``sha256``, codebook and ``pipeline`` match a finished one, and so
    resumes a run that was interrupted. A manifest row says ``ok`` only for
    an article whose part file is there; one whose part file is missing is
    analysed again.
``.lock``
    while a run goes on: its process id. The run holds an ``fcntl.flock`` on
    it (:class:`OutputLock`), so a second run into the same folder stops at
    once with :class:`OutputBusyError`; the lock of a killed run is released
    by the kernel. At the start of a run, the temporary files a killed run
    left are removed; at the end, the GraphML files of articles not in the
    manifest as analysed.
"""
from __future__ import annotations

import csv
import errno
import hashlib
import json
import math
import os
import pickle
import re
import sys
import tempfile
import threading
from contextlib import contextmanager
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from types import SimpleNamespace
from typing import Callable, Iterable, Iterator

import pandas as pd

from . import __version__
from .corpus import MAX_BYTES, ArticleError, article_from_bytes, read_article_bytes
from .output import discard, write_atomic, write_table

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows has no flock: the output folder is not locked there
    fcntl = None

MANIFEST = "manifest.csv"
PARTS = ".parts"
JOURNAL = "journal.jsonl"
#: The lock file of a run in progress (see :class:`OutputLock`).
LOCK = ".lock"
MANIFEST_COLUMNS = [
    "doc_id", "path", "sha256", "bytes", "codebook_sha256", "pipeline", "status", "tokens", "problem", "warnings",
]
#: The GraphML files of one article: ``graphml/<doc_id>.<kind>.graphml`` (see :func:`analysis.network.write_graphml`).
GRAPHML_KINDS = ("actor_concept", "actor_signed")


@dataclass(frozen=True)
class Options:
    """How articles are read and analysed; sent to every worker."""

    encoding: str = "utf-8"
    max_bytes: int = MAX_BYTES
    batch_size: int = 16
    model: str | None = None


@dataclass(frozen=True)
class Item:
    """One input file, read by the coordinating process: what a worker needs."""

    doc_id: str
    path: str
    raw: bytes
    sha256: str
    codebook: dict | None = None
    codebook_sha256: str = ""


@dataclass
class Result:
    """What happened to one input file."""

    doc_id: str
    path: str
    sha256: str = ""
    size: int = 0
    codebook_sha256: str = ""
    status: str = "ok"  # "ok" or "skipped"
    problem: str = ""
    warnings: tuple[str, ...] = ()
    tokens: int = 0
    part: bytes | None = field(default=None, repr=False)  # see part_bytes
    network: object | None = field(default=None, repr=False)
    resumed: bool = False


@dataclass
class Summary:
    """The outcome of :func:`extract`."""

    analysed: int = 0
    resumed: int = 0
    skipped: int = 0
    tokens: int = 0
    written: list[Path] = field(default_factory=list)
    results: list[Result] = field(default_factory=list, repr=False)


class ExtractError(RuntimeError):
    """A run that cannot go on (no article analysed, a cluster that differs, ...)."""


class OutputFolderError(ExtractError):
    """The output folder cannot be used: it is a file, or it cannot be created or written.
    Found before the first article is read."""


class OutputBusyError(ExtractError):
    """Another run is writing into the same output folder."""


class OutputWriteError(ExtractError):
    """Writing into the output folder failed during the run (a full disk, an I/O error).
    The articles finished before it are kept: the same command resumes the run."""

    def __init__(self, out: Path, exc: OSError) -> None:
        self.errno = exc.errno
        where = exc.filename if exc.filename else f"in {out}"
        reason = exc.strerror or str(exc) or type(exc).__name__
        advice = {
            errno.ENOSPC: "free some space, then",
            errno.EDQUOT: "free some space within your quota, then",
        }.get(exc.errno, "fix that, then")
        super().__init__(f"cannot write {where}: {reason}; {advice} run the same command again to resume "
                         "(finished articles are kept)")


@contextmanager
def _writing(out: Path) -> Iterator[None]:
    """Turn a failure to write into the output folder into an :class:`OutputWriteError`."""
    try:
        yield
    except BrokenPipeError:
        raise  # the reader of standard output went away: not the output folder's fault
    except OSError as exc:
        raise OutputWriteError(out, exc) from exc


# --------------------------------------------------------------------------- one batch

def analyse_batch(items: list[Item], options: Options) -> list[Result]:
    """Check, parse and analyse a batch of articles; runs in a worker.

    Parsing goes through ``nlp.pipe`` (batched); an article whose checks
    fail, or whose analysis raises, becomes a ``skipped`` result naming the
    problem, and the rest of the batch goes on. Results come in input order.
    """
    from .nlp import load_pipeline, parse_many, tune_allocator

    tune_allocator()
    nlp = load_pipeline(options.model)
    results: dict[int, Result] = {}
    articles = []
    for i, item in enumerate(items):
        base = Result(item.doc_id, item.path, item.sha256, len(item.raw), item.codebook_sha256)
        try:
            article = article_from_bytes(
                item.raw, doc_id=item.doc_id, path=item.path, encoding=options.encoding, max_bytes=options.max_bytes,
            )
        except ArticleError as exc:
            base.status, base.problem = "skipped", exc.problem
            results[i] = base
            continue
        base.warnings = article.warnings
        results[i] = base
        articles.append((i, article))
    try:
        parsed = list(parse_many((a for _, a in articles), nlp, batch_size=options.batch_size))
    except Exception:  # noqa: BLE001 - one bad text must not lose the batch: parse one by one
        parsed = []
        for _, article in articles:
            try:
                parsed.extend(parse_many([article], nlp, batch_size=1))
            except Exception as exc:  # noqa: BLE001
                parsed.append((article, exc))
    for (i, _), (article, doc) in zip(articles, parsed):
        _analyse_one(results[i], article, doc, items[i].codebook)
    return [results[i] for i in range(len(items))]


def _analyse_one(result: Result, article, doc, codebook: dict | None) -> None:
    from .pipeline import analyse_doc, article_rows

    if isinstance(doc, Exception):
        result.status, result.problem = "skipped", _failure("parsing", doc)
        return
    try:
        # the coordinator has looked for the codebook already: {} stands for "none", so that
        # analyse_doc does not look again (a worker need not see the input folder)
        analysis = analyse_doc(article, doc, codebook=codebook if codebook is not None else {}, keep_doc=False)
        result.part = part_bytes(article_rows(analysis))
    except Exception as exc:  # noqa: BLE001 - reported per article, the corpus goes on
        result.status, result.problem = "skipped", _failure("analysis", exc)
        return
    result.network = analysis.network
    result.tokens = len(doc)


def _failure(stage: str, exc: Exception) -> str:
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{stage} failed ({type(exc).__name__}{': ' + first if first else ''}); please report this as a bug"


# --------------------------------------------------------------------------- fingerprint

def pipeline_fingerprint(encoding: str = "utf-8", model: str | None = None) -> str:
    """A short hash of everything besides the input that decides the output.

    The package's code and data files, the versions of the package, spaCy,
    pandas and the model package, and the text encoding. A part file made
    under another fingerprint is not reused. The model is not loaded.
    """
    import spacy
    from spacy.util import get_package_version

    from .nlp import model_name

    model = model or model_name()
    h = hashlib.sha256()
    for value in (__version__, spacy.__version__, pd.__version__, model, get_package_version(model), encoding):
        h.update(f"{value}\0".encode())
    package = Path(__file__).resolve().parent
    for path in sorted([*package.glob("*.py"), *(package / "data").glob("*")]):
        if path.is_file():
            h.update(path.relative_to(package).as_posix().encode() + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()[:16]


def _worker_fingerprint(encoding: str, model: str | None) -> str:
    return pipeline_fingerprint(encoding, model)


# --------------------------------------------------------------------------- the run

def extract(
    paths: Iterable[str | Path],
    out: str | Path,
    *,
    fmt: str = "csv",
    jobs: int = 1,
    batch_size: int = 16,
    encoding: str = "utf-8",
    max_bytes: int = MAX_BYTES,
    progress: bool = True,
    dask: str | bool | None = None,
    dask_processes: bool = True,
    report: Callable[[str], None] | None = None,
) -> Summary:
    """Analyse article files and write the tables, the GraphML files and the manifest into ``out``.

    ``paths`` are article files (already expanded from folders, see
    :func:`analysis.corpus.iter_article_paths`). ``report`` receives the
    ``skipped: ...`` and ``warning: ...`` lines (default: standard error).

    Before the first article is read, the model is looked up
    (:class:`analysis.nlp.ModelNotFoundError`) and the output folder is
    created if needed, checked and locked for the whole run
    (:class:`OutputLock`: :class:`OutputFolderError`,
    :class:`OutputBusyError`); temporary files that a killed run left in it
    are removed. A failure to write during the run raises
    :class:`OutputWriteError`. Raises :class:`ExtractError` if no article
    could be analysed; then nothing is written (a folder made for the run is
    removed again).
    """
    from .nlp import model_name

    paths = [Path(p) for p in paths]
    out = Path(out)
    model = model_name()
    options = Options(encoding=encoding, max_bytes=max_bytes, batch_size=batch_size, model=model)
    fingerprint = pipeline_fingerprint(encoding, model)
    with OutputLock(out):
        with _writing(out):
            _remove_temporaries(out)
        return _extract_locked(paths, out, options, fingerprint, fmt=fmt, jobs=max(1, int(jobs)),
                               progress=progress, dask=dask, dask_processes=dask_processes, report=report)


def _extract_locked(
    paths: list[Path], out: Path, options: Options, fingerprint: str, *, fmt: str, jobs: int, progress: bool,
    dask: str | bool | None, dask_processes: bool, report: Callable[[str], None] | None,
) -> Summary:
    """The run of :func:`extract`, in an output folder this process has locked."""
    done = _finished(out, fingerprint)
    summary = Summary()
    Bar = _progress_bar()
    bar = Bar(total=len(paths), unit="article", file=sys.stderr, disable=not progress, dynamic_ncols=True,
              smoothing=0.1)
    say = report or (lambda line: Bar.write(line, file=sys.stderr))
    store = _Store(out, fingerprint)

    def handle(result: Result) -> None:
        store.record(result)
        summary.results.append(_slim(result))
        if result.status == "ok":
            summary.tokens += result.tokens
            if result.resumed:
                summary.resumed += 1
            else:
                summary.analysed += 1
        else:
            summary.skipped += 1
            say(f"skipped: {result.path}: {result.problem}")
        for note in result.warnings:
            if not result.resumed:
                say(f"warning: {result.path}: {note}")
        bar.update(1)

    task = task_size(len(paths), jobs, options.batch_size) if jobs > 1 or dask else options.batch_size
    batches = _batches(paths, done, task, options.max_bytes, handle)
    try:
        if dask is not None and dask is not False:
            _run_dask(batches, options, handle, jobs, None if dask is True else str(dask), dask_processes,
                      fingerprint)
        elif jobs > 1:
            _run_pool(batches, options, handle, jobs)
        else:
            for batch in batches:
                for result in analyse_batch(batch, options):
                    handle(result)
    finally:
        bar.close()
        store.close()
    ok = sorted((r for r in summary.results if r.status == "ok"), key=lambda r: r.doc_id)
    if not ok:
        raise ExtractError("no article could be analysed")
    parts = [(r.doc_id, store.part_path(r.doc_id, r.sha256)) for r in ok]
    with _writing(out):
        summary.written = assemble(out, parts, fmt)
        summary.written.append(_write_manifest(out, summary.results, fingerprint))
        store.finish({p.name for _, p in parts}, {r.doc_id for r in ok})
    summary.written.extend(out / "graphml" / f"{r.doc_id}.{kind}.graphml" for r in ok for kind in GRAPHML_KINDS)
    return summary


def _progress_bar():
    """tqdm's bar without its monitor thread.

    By default tqdm starts a thread that watches for stalled bars. A running
    thread makes forking the workers unsafe (:func:`_pool_context`), so with
    it every run with ``jobs > 1`` spawned fresh interpreters that import the
    package and load the model again: 30 articles on 2 workers took 5.2 s
    where 2.8 s parse them. This bar only counts finished articles, which
    needs no monitor.
    """
    from tqdm import tqdm

    class Bar(tqdm):
        monitor_interval = 0

    return Bar


def _slim(result: Result) -> Result:
    """The result without its part and network, kept for the manifest."""
    return Result(result.doc_id, result.path, result.sha256, result.size, result.codebook_sha256, result.status,
                  result.problem, result.warnings, result.tokens, resumed=result.resumed)


def _batches(
    paths: list[Path], done: dict[tuple[str, str, str], Result], size: int, max_bytes: int,
    handle: Callable[[Result], None],
) -> Iterator[list[Item]]:
    """Read the inputs lazily into batches; files that fail to read, repeats and finished articles are handled here."""
    from .codebook import CodebookError, codebook_path, load_codebook

    seen: dict[str, Path] = {}
    batch: list[Item] = []
    for path in paths:
        doc_id = path.stem
        if doc_id in seen:
            handle(Result(doc_id, str(path), status="skipped",
                          problem=f"another input, {seen[doc_id]}, has the same name (doc_id {doc_id!r}); rename one"))
            continue
        seen[doc_id] = path
        try:
            raw = read_article_bytes(path, max_bytes)
        except ArticleError as exc:
            handle(Result(doc_id, str(path), status="skipped", problem=exc.problem))
            continue
        sha = hashlib.sha256(raw).hexdigest()
        codebook, codebook_sha = None, ""
        # The same rule as analyse_doc uses: <stem>.codebook.yml beside the article.
        book = codebook_path(SimpleNamespace(path=str(path)))
        if book is not None:
            codebook_sha = hashlib.sha256(book.read_bytes()).hexdigest()
            try:
                codebook = load_codebook(book)
            except CodebookError as exc:
                handle(Result(doc_id, str(path), sha, len(raw), codebook_sha, status="skipped", problem=str(exc)))
                continue
        previous = done.get((doc_id, sha, codebook_sha))
        if previous is not None:
            handle(Result(doc_id, str(path), sha, len(raw), codebook_sha, tokens=previous.tokens,
                          warnings=previous.warnings, resumed=True))
            continue
        batch.append(Item(doc_id, str(path), raw, sha, codebook, codebook_sha))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def task_size(articles: int, workers: int, batch_size: int) -> int:
    """Articles per task sent to ``workers`` worker processes (or Dask workers): at most
    ``batch_size``, and at least eight tasks per worker, so that none is left with a long
    last task while the others wait (120 articles on 2 workers: 10.0 s with tasks of 8,
    11.0 s with tasks of 15, measured with ``benchmarks/benchmark.py``'s corpus)."""
    return min(batch_size, max(1, math.ceil(articles / (workers * 8))))


def _init_worker(model: str | None) -> None:
    from .nlp import load_pipeline

    load_pipeline(model)


def _pool_context(model: str | None):
    """How worker processes start: forked from this process when that is safe, else spawned.

    A fork starts at once and shares the model this process loads first (copy on write),
    as spaCy's own ``nlp.pipe(n_process=...)`` does; a spawned worker is a fresh
    interpreter that imports the package and loads the model again (about 1.4 s each,
    which doubled the time of 30 articles on 2 workers). Forking is safe only from a
    process with one thread (a fork copies no other thread, and a lock another thread
    holds stays locked in the child) and only on Linux (macOS's system libraries are not
    fork-safe), so elsewhere, or when a thread runs (a Dask client, a notebook's
    kernel threads), workers are spawned."""
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        from .nlp import load_pipeline

        load_pipeline(model)
        return get_context("fork")
    return get_context("spawn")


def _run_pool(batches: Iterator[list[Item]], options: Options, handle, jobs: int) -> None:
    """Run batches in ``jobs`` processes; at most two batches per worker are in flight."""
    pool = ProcessPoolExecutor(jobs, mp_context=_pool_context(options.model), initializer=_init_worker,
                               initargs=(options.model,))
    pending: set = set()

    def collect() -> None:
        nonlocal pending
        finished, pending = wait(pending, return_when=FIRST_COMPLETED)
        for future in sorted(finished, key=lambda f: f.sequence):
            for result in future.result():
                handle(result)

    try:
        for sequence, batch in enumerate(batches):
            while len(pending) >= 2 * jobs:
                collect()
            future = pool.submit(analyse_batch, batch, options)
            future.sequence = sequence
            pending.add(future)
        while pending:
            collect()
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _run_dask(batches, options: Options, handle, jobs: int, address: str | None, processes: bool,
              fingerprint: str) -> None:
    """Run batches on a Dask cluster: a LocalCluster, or the scheduler at ``address``."""
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise ExtractError("--dask needs Dask: pip install 'news-disagreement[dask]'") from None
    cluster = None
    if address:
        client = Client(address, timeout="30s")
    else:
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=processes,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        if address:
            theirs = client.run(_worker_fingerprint, options.encoding, options.model)
            differ = sorted(w for w, f in theirs.items() if f != fingerprint)
            if differ:
                raise ExtractError(
                    f"the Dask worker(s) {', '.join(differ)} run another version of the analysis, of spaCy or "
                    "of the model than this machine; install the same versions everywhere"
                )
        window = 2 * max(1, len(client.scheduler_info().get("workers", {})) or jobs)
        pending = as_completed()
        in_flight = 0
        for batch in batches:
            pending.add(client.submit(analyse_batch, batch, options, pure=False))
            in_flight += 1
            while in_flight >= window:
                future = next(pending)
                in_flight -= 1
                for result in future.result():
                    handle(result)
                future.release()
        for future in pending:
            for result in future.result():
                handle(result)
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# --------------------------------------------------------------------------- parts and manifest

class OutputLock:
    """Exclusive use of an output folder by one run: ``fcntl.flock`` on ``<out>/.lock``.

    Entering checks the folder before any work: it exists or can be made
    (with its parents), is a folder and can be written in
    (:class:`OutputFolderError`). Then it takes the lock without waiting: if
    another run holds it, :class:`OutputBusyError` names the folder and that
    run's process id, which the lock file holds while a run goes on. The
    kernel releases a ``flock`` when its process ends, however it ends, so
    the lock file of a killed run never blocks the next one. Leaving removes
    the lock file, and the folders entering made if nothing else was put in
    them. Where ``fcntl`` is missing (Windows) the folder is checked but not
    locked.
    """

    def __init__(self, out: str | Path) -> None:
        self.out = Path(out)
        self.path = self.out / LOCK
        self._fd: int | None = None
        self._made: list[Path] = []

    def __enter__(self) -> "OutputLock":
        try:
            self._make_folder()
            self._lock()
            self._check_writable()
        except BaseException:
            self._release()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self._release()

    def _make_folder(self) -> None:
        missing = []
        folder = self.out
        while not folder.exists() and folder != folder.parent:
            missing.append(folder)
            folder = folder.parent
        if not folder.is_dir():
            where = "is a file, not a folder" if folder == self.out else f"cannot be made: {folder} is a file"
            raise OutputFolderError(f"output folder {self.out} {where}")
        for folder in reversed(missing):
            try:
                folder.mkdir()
            except FileExistsError:
                continue  # made by another process meanwhile
            except OSError as exc:
                raise OutputFolderError(f"output folder {self.out} cannot be made ({exc.strerror or exc})") from None
            self._made.append(folder)

    def _lock(self) -> None:
        while True:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
            except OSError as exc:
                raise OutputFolderError(f"cannot write in the output folder {self.out} ({exc.strerror or exc})") from None
            if fcntl is None:
                break
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                if exc.errno not in (errno.EWOULDBLOCK, errno.EACCES):
                    os.close(fd)
                    raise OutputFolderError(f"cannot lock the output folder {self.out} ({exc.strerror or exc})") from None
                holder = os.read(fd, 32).decode("ascii", "replace").strip()
                os.close(fd)
                by = f"another run (process {holder})" if holder.isdigit() else "another run"
                raise OutputBusyError(f"the output folder {self.out} is in use by {by}; wait for it to finish "
                                      "or choose another --out") from None
            try:
                if os.stat(self.path).st_ino == os.fstat(fd).st_ino:
                    break
            except FileNotFoundError:
                pass
            os.close(fd)  # the run that held it removed the file as it finished: lock the new one
        self._fd = fd
        os.ftruncate(fd, 0)  # the process id of a killed run may be there
        os.write(fd, f"{os.getpid()}\n".encode())

    def _check_writable(self) -> None:
        """Write a file as the run will; the lock file may be there from before and the folder read-only."""
        try:
            fd, probe = tempfile.mkstemp(prefix=f"{LOCK}.", suffix=".tmp", dir=self.out)
            os.close(fd)
            os.unlink(probe)
        except OSError as exc:
            raise OutputFolderError(f"cannot write in the output folder {self.out} ({exc.strerror or exc})") from None

    def _release(self) -> None:
        if self._fd is not None:
            discard(self.path)  # while still locked: the next run locks a new file
            os.close(self._fd)
            self._fd = None
        for folder in self._made[::-1]:
            try:
                folder.rmdir()  # only if the run left nothing in it
            except OSError:
                break
        self._made = []


#: Temporary files this package writes: ``tempfile.mkstemp(prefix=".<name>.", suffix=".tmp")``
#: in the output folder and ``.parts`` (:mod:`analysis.output`), and
#: ``<doc_id>.<kind>.graphml.tmp`` in ``graphml`` (:func:`analysis.network.write_graphml`).
_TEMPORARY = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")
_GRAPHML_TEMPORARY = re.compile(r".+\.(?:%s)\.graphml\.tmp" % "|".join(GRAPHML_KINDS))


def _remove_temporaries(out: Path) -> int:
    """Remove the temporary files a killed or failed run left behind; returns how many.

    Only safe while the folder is locked: another run's files would look the same.
    """
    removed = 0
    for folder, pattern in ((out, _TEMPORARY), (out / PARTS, _TEMPORARY), (out / "graphml", _GRAPHML_TEMPORARY)):
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            if pattern.fullmatch(path.name) and path.is_file():
                path.unlink()
                removed += 1
    return removed


class _Store:
    """The output folder's part files, journal and GraphML files, written by one process."""

    def __init__(self, out: Path, fingerprint: str) -> None:
        self.out = out
        self.fingerprint = fingerprint
        self.parts = out / PARTS
        self._journal = None

    def part_path(self, doc_id: str, sha256: str) -> Path:
        return self.parts / f"{doc_id}.{sha256[:16]}.pkl"

    def record(self, result: Result) -> None:
        """Write a newly analysed article's part file and GraphML files, then note it in the journal
        (so an interrupted run resumes after it); raises :class:`OutputWriteError`."""
        if result.status != "ok" or result.resumed:
            return
        from .network import write_graphml

        with _writing(self.out):
            self.parts.mkdir(parents=True, exist_ok=True)
            write_atomic(self.part_path(result.doc_id, result.sha256), result.part)
            try:
                write_graphml(result.network, self.out / "graphml", result.doc_id)
            except BaseException:
                for kind in GRAPHML_KINDS:
                    discard(self.out / "graphml" / f"{result.doc_id}.{kind}.graphml.tmp")
                raise
            if self._journal is None:
                self._journal = (self.parts / JOURNAL).open("a", encoding="utf-8")
            self._journal.write(json.dumps(_row(_slim(result), self.fingerprint), sort_keys=True) + "\n")
            self._journal.flush()

    def close(self) -> None:
        """Close the journal; never raises (it is flushed after every line)."""
        if self._journal is not None:
            try:
                self._journal.close()
            except OSError:
                pass
            self._journal = None

    def finish(self, keep_parts: set[str], keep_ids: set[str]) -> None:
        """Drop the journal (the manifest now holds it), stale part files, and every GraphML
        file of an article that is not in the manifest as analysed (no longer in the input,
        or now refused, or written by an earlier run that failed)."""
        (self.parts / JOURNAL).unlink(missing_ok=True)
        for part in self.parts.glob("*.pkl"):
            if part.name not in keep_parts:
                part.unlink()
        folder = self.out / "graphml"
        if folder.is_dir():
            for path in folder.iterdir():
                doc_id = _graphml_doc_id(path.name)
                if doc_id is not None and doc_id not in keep_ids:
                    path.unlink()


def _graphml_doc_id(name: str) -> str | None:
    """The article of a GraphML file name ``<doc_id>.<kind>.graphml``, or None for another file."""
    for kind in GRAPHML_KINDS:
        suffix = f".{kind}.graphml"
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[:-len(suffix)]
    return None


def _row(result: Result, fingerprint: str) -> dict:
    return {
        "doc_id": result.doc_id, "path": result.path, "sha256": result.sha256, "bytes": result.size,
        "codebook_sha256": result.codebook_sha256, "pipeline": fingerprint, "status": result.status,
        "tokens": result.tokens, "problem": result.problem, "warnings": " | ".join(result.warnings),
    }


def _finished(out: Path, fingerprint: str) -> dict[tuple[str, str, str], Result]:
    """Articles analysed by an earlier run under the same fingerprint whose part file is still there.

    Read from the manifest of the last complete run and from the journal of
    an interrupted one.
    """
    rows: list[dict] = []
    manifest = out / MANIFEST
    if manifest.is_file():
        with manifest.open(encoding="utf-8", newline="") as fh:
            rows.extend(csv.DictReader(fh))
    journal = out / PARTS / JOURNAL
    if journal.is_file():
        for line in journal.read_text(encoding="utf-8").splitlines():
            try:
                row = json.loads(line)
            except ValueError:
                continue  # a line cut short when a run was killed
            if isinstance(row, dict):
                rows.append(row)
    done = {}
    store = _Store(out, fingerprint)
    for row in rows:
        if row.get("status") != "ok" or row.get("pipeline") != fingerprint:
            continue
        key = (row["doc_id"], row["sha256"], row.get("codebook_sha256") or "")
        if store.part_path(row["doc_id"], row["sha256"]).is_file():
            warnings = tuple(w for w in str(row.get("warnings") or "").split(" | ") if w)
            done[key] = Result(row["doc_id"], row["path"], row["sha256"], int(row.get("bytes") or 0),
                               key[2], tokens=int(row.get("tokens") or 0), warnings=warnings)
    return done


def _write_manifest(out: Path, results: list[Result], fingerprint: str) -> Path:
    rows = sorted((_row(r, fingerprint if r.status == "ok" else "") for r in results),
                  key=lambda r: (r["doc_id"], r["path"]))
    return write_table(pd.DataFrame(rows, columns=MANIFEST_COLUMNS), out / MANIFEST, "csv")


# --------------------------------------------------------------------------- assembly

def part_bytes(tables: dict) -> bytes:
    """The content of a part file, made in the worker: three pickles, each read only when needed.

    ``{name: (rows, columns, dtypes)}``; ``{name: CSV lines}`` (see
    :func:`analysis.output.csv_rows`); ``{name: values}``, each row as a list
    of Python objects (:func:`analysis.output.table_values`; with the first
    pickle they give the table back, see :func:`_part_frames`). Assembling
    CSV tables reads the first two, and the values only of a table whose
    dtypes differ from the whole table's. ``tables`` are DataFrames or
    :class:`analysis.frames.Table` objects (read without making a DataFrame).
    """
    from .frames import as_table
    from .output import csv_rows, plain_csv_rows, plain_dtypes

    heads, lines, values = {}, {}, {}
    for name, table in tables.items():
        table = as_table(table)
        dtypes = table.dtypes()
        heads[name] = (len(table), table.columns, dtypes)
        values[name] = table.values()
        if len(table):
            if table.columns and plain_dtypes(dtypes):
                lines[name] = plain_csv_rows(values[name])
            else:
                lines[name] = csv_rows(table.frame(), values[name])
    return b"".join(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL) for obj in (heads, lines, values))


def _load_part(path: Path, upto: int = 3) -> list:
    """The first ``upto`` objects of a part file: heads, CSV lines, values."""
    with path.open("rb") as fh:
        return [pickle.load(fh) for _ in range(upto)]


def _part_frames(path: Path) -> dict[str, pd.DataFrame]:
    """The tables of a part file as DataFrames, each with the dtypes it was made with."""
    from .output import table_frame

    heads, _lines, values = _load_part(path)
    return {name: table_frame(columns, dtypes, values[name]) for name, (_rows, columns, dtypes) in heads.items()}


def assemble(out: str | Path, parts: list[tuple[str, Path]], fmt: str = "csv") -> list[Path]:
    """Write the published tables from part files, in the given (sorted) order.

    Two passes, one part in memory at a time: the first finds each table's
    columns and the dtype ``pandas.concat`` would give the whole column
    (from the parts' heads only, for CSV), the second writes every part's
    rows cast to it (for CSV, the lines the worker made, unless a cast is
    needed). So the tables equal those of
    :func:`analysis.pipeline.tables` over all the articles, without holding
    them all.
    """
    from .output import FORMATS, StreamWriter, TableSchema
    from .pipeline import TABLES

    if fmt not in FORMATS:
        raise ValueError(f"unknown table format {fmt!r}; choose one of {', '.join(FORMATS)}")
    out = Path(out)
    schemas = {name: TableSchema(fmt) for name in TABLES}
    for _, path in parts:
        if fmt == "csv":
            for name, head in _load_part(path, 1)[0].items():
                schemas.setdefault(name, TableSchema(fmt)).add_head(*head)
        else:
            for name, df in _part_frames(path).items():
                schemas.setdefault(name, TableSchema(fmt)).add(df)
    writers = {}
    try:
        for name, schema in schemas.items():
            writers[name] = StreamWriter(out / f"{name}.{fmt}", schema, fmt)
        for _, path in parts:
            if fmt == "csv":
                heads, lines = _load_part(path, 2)
                frames = None
                for name, (rows, columns, dtypes) in heads.items():
                    if not rows:
                        continue
                    if schemas[name].matches(columns, dtypes):
                        writers[name].write_text(lines[name])
                    else:
                        frames = frames or _part_frames(path)
                        writers[name].write(frames[name])
            else:
                for name, df in _part_frames(path).items():
                    if len(df):
                        writers[name].write(df)
        return [w.close() for w in writers.values()]
    finally:
        for w in writers.values():
            w.abort()
