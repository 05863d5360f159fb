"""Corpus-scale extraction (analysis.scale): the same tables however the corpus is run.

Sorted and byte-identical output, resumption by content hash (also after an
interrupted run), worker processes, Parquet, lazy reading of the inputs,
atomic table writes. The articles are written for these tests.
"""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import scale
from analysis.cli import main
from analysis.corpus import iter_article_paths, load_article
from analysis.output import write_table, write_tables
from analysis.pipeline import TABLES, analyse_many, tables

ARTICLES = {
    "b-bridge": (
        "RIVERTON (Reuters) - The city council of Riverton on Monday approved a plan to close the old bridge "
        "over the Sand River for repairs.\n"
        "\u201cWe cannot keep sending buses over a bridge that is falling apart,\u201d Mayor Helen Marsh told "
        "reporters after the vote.\n"
        "Tom Price, who runs a bakery near the bridge, said the plan would ruin the shops of the old town.\n"
    ),
    "a-tax": (
        "LAKEFORD (Reuters) - Governor Ann Reyes proposed a new tax on sugary drinks on Thursday, saying the "
        "money would pay for school meals.\n"
        "The drinks industry said the tax was unfair and would cost jobs.\n"
        "\u201cThis is a tax on working families,\u201d said Mark Olsen, head of the Lakeford Beverage "
        "Association.\n"
        "Two senators said they would support the plan if the revenue went only to schools.\n"
    ),
    "c-calm": "The weather in the valley was mild on Tuesday.\nThe market stayed open late.\n",
}


def write_corpus(folder, articles=ARTICLES):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def files(folder):
    """Every output file (tables, manifest, GraphML) by relative path, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and ".parts" not in p.parts}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("in"))


@pytest.fixture(scope="module")
def single(corpus, tmp_path_factory):
    """A plain single-process run over the corpus: the reference output."""
    out = tmp_path_factory.mktemp("single")
    summary = scale.extract(sorted(corpus.glob("*.txt")), out, progress=False)
    return out, summary


def test_tables_are_sorted_by_doc_id_and_equal_the_in_memory_tables(corpus, single, tmp_path):
    out, summary = single
    assert (summary.analysed, summary.resumed, summary.skipped) == (3, 0, 0)
    articles = [load_article(p) for p in iter_article_paths([corpus])]
    write_tables(tables(analyse_many(articles)), tmp_path)
    for name in TABLES:
        assert (out / f"{name}.csv").read_bytes() == (tmp_path / f"{name}.csv").read_bytes(), name
    doc_ids = list(pd.read_csv(out / "actors.csv")["doc_id"])
    assert doc_ids == sorted(doc_ids) and set(doc_ids) == {"a-tax", "b-bridge"}


def test_same_input_gives_byte_identical_output(corpus, single, tmp_path):
    scale.extract(list(reversed(sorted(corpus.glob("*.txt")))), tmp_path, progress=False, batch_size=1)
    assert files(tmp_path) == files(single[0])


def test_manifest_records_the_content_hash_of_each_file(corpus, single):
    import hashlib

    manifest = pd.read_csv(single[0] / scale.MANIFEST, keep_default_na=False)
    assert list(manifest.columns) == scale.MANIFEST_COLUMNS
    assert list(manifest["doc_id"]) == ["a-tax", "b-bridge", "c-calm"]
    for row in manifest.itertuples():
        assert row.sha256 == hashlib.sha256((corpus / f"{row.doc_id}.txt").read_bytes()).hexdigest()
        assert row.status == "ok" and row.tokens > 0 and len(row.pipeline) == 16


def test_repeated_run_skips_finished_articles_and_redoes_changed_ones(corpus, single, tmp_path, monkeypatch):
    folder = write_corpus(tmp_path / "in")
    out = tmp_path / "out"
    scale.extract(sorted(folder.glob("*.txt")), out, progress=False)
    first = files(out)

    analysed = []
    real = scale.analyse_batch
    monkeypatch.setattr(scale, "analyse_batch", lambda items, options: analysed.extend(i.doc_id for i in items)
                        or real(items, options))
    again = scale.extract(sorted(folder.glob("*.txt")), out, progress=False)
    assert analysed == [] and (again.analysed, again.resumed) == (0, 3)
    assert files(out) == first

    (folder / "c-calm.txt").write_text(ARTICLES["c-calm"].replace("Tuesday", "Wednesday"), encoding="utf-8")
    changed = scale.extract(sorted(folder.glob("*.txt")), out, progress=False)
    assert analysed == ["c-calm"] and (changed.analysed, changed.resumed) == (1, 2)
    assert len(list((out / scale.PARTS).glob("c-calm.*.pkl"))) == 1  # the old part is gone


def test_an_interrupted_run_resumes_where_it_stopped(tmp_path, monkeypatch):
    folder = write_corpus(tmp_path / "in")
    out = tmp_path / "out"
    real = scale.analyse_batch
    calls = []

    def stop_after_first(items, options):
        calls.append(items)
        if len(calls) > 1:
            raise KeyboardInterrupt
        return real(items, options)

    monkeypatch.setattr(scale, "analyse_batch", stop_after_first)
    with pytest.raises(KeyboardInterrupt):
        scale.extract(sorted(folder.glob("*.txt")), out, progress=False, batch_size=1)
    assert not (out / "actors.csv").exists()  # no tables from half a run
    assert (out / scale.PARTS / scale.JOURNAL).is_file()

    monkeypatch.setattr(scale, "analyse_batch", real)
    summary = scale.extract(sorted(folder.glob("*.txt")), out, progress=False, batch_size=1)
    assert (summary.resumed, summary.analysed) == (1, 2)
    assert not (out / scale.PARTS / scale.JOURNAL).exists()
    reference = tmp_path / "reference"
    scale.extract(sorted(folder.glob("*.txt")), reference, progress=False)
    assert files(out) == files(reference)


def test_parts_of_another_pipeline_are_not_reused(tmp_path, monkeypatch):
    folder = write_corpus(tmp_path / "in", {"b-bridge": ARTICLES["b-bridge"]})
    out = tmp_path / "out"
    scale.extract([folder / "b-bridge.txt"], out, progress=False)
    monkeypatch.setattr(scale, "pipeline_fingerprint", lambda *a, **k: "0" * 16)
    assert scale.extract([folder / "b-bridge.txt"], out, progress=False).analysed == 1


def test_articles_no_longer_in_the_input_leave_the_output(tmp_path):
    folder = write_corpus(tmp_path / "in")
    out = tmp_path / "out"
    scale.extract(sorted(folder.glob("*.txt")), out, progress=False)
    assert (out / "graphml" / "a-tax.actor_signed.graphml").is_file()
    (folder / "a-tax.txt").unlink()
    scale.extract(sorted(folder.glob("*.txt")), out, progress=False)
    assert "a-tax" not in set(pd.read_csv(out / "actors.csv")["doc_id"])
    assert "a-tax" not in set(pd.read_csv(out / scale.MANIFEST)["doc_id"])
    assert not list((out / "graphml").glob("a-tax.*")) and not list((out / scale.PARTS).glob("a-tax.*"))


def test_two_files_with_the_same_name_are_reported(tmp_path):
    one = write_corpus(tmp_path / "one", {"x": ARTICLES["b-bridge"]})
    two = write_corpus(tmp_path / "two", {"x": ARTICLES["a-tax"]})
    lines = []
    summary = scale.extract([one / "x.txt", two / "x.txt"], tmp_path / "out", progress=False, report=lines.append)
    assert (summary.analysed, summary.skipped) == (1, 1)
    assert lines == [f"skipped: {two / 'x.txt'}: another input, {one / 'x.txt'}, has the same name "
                     "(doc_id 'x'); rename one"]


def test_inputs_are_read_one_batch_at_a_time(tmp_path, monkeypatch):
    folder = write_corpus(tmp_path / "in", {f"n{i:02d}": ARTICLES["c-calm"] for i in range(10)})
    reads = []
    real = scale.read_article_bytes
    monkeypatch.setattr(scale, "read_article_bytes", lambda path, limit: reads.append(path) or real(path, limit))
    batches = scale._batches(sorted(folder.glob("*.txt")), {}, 3, 10_000, lambda r: None)
    first = next(batches)
    assert len(first) == 3 and len(reads) == 3
    assert sum(len(b) for b in batches) == 7 and len(reads) == 10


def test_one_failing_article_does_not_stop_the_batch(tmp_path, monkeypatch):
    import analysis.pipeline as pipeline

    folder = write_corpus(tmp_path / "in")
    real = pipeline.analyse_doc

    def fail_on_tax(article, doc, **kwargs):
        if article.doc_id == "a-tax":
            raise RuntimeError("boom")
        return real(article, doc, **kwargs)

    monkeypatch.setattr(pipeline, "analyse_doc", fail_on_tax)
    lines = []
    summary = scale.extract(sorted(folder.glob("*.txt")), tmp_path / "out", progress=False, report=lines.append)
    assert (summary.analysed, summary.skipped) == (2, 1)
    assert lines == [f"skipped: {folder / 'a-tax.txt'}: analysis failed (RuntimeError: boom); please report this as a bug"]


def test_worker_processes_give_the_same_output(corpus, single, tmp_path):
    summary = scale.extract(sorted(corpus.glob("*.txt")), tmp_path, progress=False, jobs=2)
    assert summary.analysed == 3
    assert files(tmp_path) == files(single[0])


def test_spawned_workers_give_the_same_output_as_forked_ones(corpus, single, tmp_path, monkeypatch):
    """With another thread running, workers are fresh interpreters rather than forks."""
    monkeypatch.setattr(scale.threading, "active_count", lambda: 2)
    assert scale._pool_context(None).get_start_method() == "spawn"
    scale.extract(sorted(corpus.glob("*.txt")), tmp_path, progress=False, jobs=2)
    assert files(tmp_path) == files(single[0])


def test_workers_are_forked_only_from_a_single_thread_on_linux(monkeypatch):
    monkeypatch.setattr(scale.threading, "active_count", lambda: 1)
    monkeypatch.setattr(scale.sys, "platform", "linux")
    assert scale._pool_context(None).get_start_method() == "fork"
    monkeypatch.setattr(scale.sys, "platform", "darwin")
    assert scale._pool_context(None).get_start_method() == "spawn"


def test_the_progress_bar_starts_no_thread(corpus, tmp_path, monkeypatch):
    """tqdm's monitor thread made _pool_context judge forking unsafe: every pool spawned fresh
    interpreters. When the workers start, the process runs no thread it did not run before."""
    import threading

    before = {t.ident for t in threading.enumerate()}
    seen = []
    real = scale._pool_context

    def recording(model):
        seen.append({t.ident for t in threading.enumerate()} - before)
        return real(model)

    monkeypatch.setattr(scale, "_pool_context", recording)
    scale.extract(sorted(corpus.glob("*.txt")), tmp_path, progress=True, jobs=2)
    assert seen == [set()]


def test_parquet_tables_hold_the_same_rows_and_are_reproducible(corpus, single, tmp_path):
    pytest.importorskip("pyarrow")
    for out in (tmp_path / "p1", tmp_path / "p2"):
        scale.extract(sorted(corpus.glob("*.txt")), out, fmt="parquet", progress=False)
    assert files(tmp_path / "p1") == files(tmp_path / "p2")
    for name in TABLES:
        from_csv = pd.read_csv(single[0] / f"{name}.csv", keep_default_na=False, dtype=str)
        from_parquet = pd.read_parquet(tmp_path / "p1" / f"{name}.parquet")
        assert list(from_parquet.columns) == list(from_csv.columns), name
        assert len(from_parquet) == len(from_csv), name
        if name == "mentions":
            assert from_parquet["start"].dtype == "int64"
            assert list(from_parquet["text"]) == list(from_csv["text"])


def test_progress_bar_on_stderr_with_rate_and_time_left(corpus, tmp_path, capsys):
    scale.extract(sorted(corpus.glob("*.txt")), tmp_path / "on", progress=True)
    err = capsys.readouterr().err
    assert "3/3" in err and "article/s" in err and "<00:00" in err
    scale.extract(sorted(corpus.glob("*.txt")), tmp_path / "off", progress=False)
    assert capsys.readouterr().err == ""


def test_cli_extract_with_jobs_and_quiet(corpus, single, tmp_path, capsys):
    assert main(["extract", str(corpus), "--out", str(tmp_path), "--quiet", "--batch-size", "2"]) == 0
    assert capsys.readouterr() == ("", "")
    assert files(tmp_path) == files(single[0])


def test_write_table_is_atomic(tmp_path, monkeypatch):
    path = tmp_path / "t.csv"
    write_table(pd.DataFrame({"a": [1, 2]}), path)
    before = path.read_bytes()

    def broken(self, *args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(pd.DataFrame, "to_csv", broken)
    with pytest.raises(OSError):
        write_table(pd.DataFrame({"a": [3]}), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_assembly_gives_each_column_the_dtype_of_the_whole_table(tmp_path, fmt):
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    frames = [pd.DataFrame({"doc_id": [f"d{i}"] * len(score), "score": score})
              for i, score in enumerate(([1, 2], [0.5], [None, "x"], []))]
    parts = []
    for i, frame in enumerate(frames):
        part = tmp_path / f"{i}.pkl"
        part.write_bytes(scale.part_bytes({"stance_evidence": frame}))
        parts.append((f"d{i}", part))
    scale.assemble(tmp_path / "out", parts, fmt)
    whole = pd.concat(frames[:3], ignore_index=True)
    if fmt == "csv":
        expected = whole.to_csv(index=False, lineterminator="\n").encode()
        assert (tmp_path / "out" / "stance_evidence.csv").read_bytes() == expected
    else:
        back = pd.read_parquet(tmp_path / "out" / "stance_evidence.parquet")
        values = [None if pd.isna(v) else v for v in back["score"]]
        assert values == ["1", "2", "0.5", None, "x"]  # mixed values are written as text


def test_tables_written_in_several_chunks_are_the_same(corpus, single, tmp_path, monkeypatch):
    import analysis.output as output

    monkeypatch.setattr(output, "ROW_GROUP_ROWS", 2)
    scale.extract(sorted(corpus.glob("*.txt")), tmp_path, progress=False)
    assert files(tmp_path) == files(single[0])


def _benchmark_module():
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "benchmarks" / "benchmark.py"
    spec = importlib.util.spec_from_file_location("benchmark", script)
    benchmark = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(benchmark)
    return benchmark


def test_benchmark_script_writes_its_table(tmp_path):
    """A tiny run of benchmarks/benchmark.py (the real one is `make bench`, not part of the tests)."""
    benchmark = _benchmark_module()
    source = write_corpus(tmp_path / "src", {k: ARTICLES[k] for k in ("a-tax", "b-bridge")})
    out = tmp_path / "results.md"
    assert benchmark.main(["--corpus", str(source), "--scales", "1", "2", "--jobs", "1", "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Machine: " in text and " cores, " in text and "Python 3." in text and "spaCy 3." in text
    rows = [[cell.strip() for cell in line.strip("|").split("|")]
            for line in text.splitlines() if line.startswith(("| 1x |", "| 2x |"))]
    assert [(row[0], row[1], row[3]) for row in rows] == [("1x", "2", "1"), ("2x", "4", "1")]
    assert int(rows[1][2].replace(",", "")) == 2 * int(rows[0][2].replace(",", ""))  # tokens
    assert "| actors |" in text and "| parsing (`nlp.pipe`) and the rest |" in text
    assert "| network |" in text  # the stage run fails when a timed function is never called
    assert "repeated 1x, 2x under distinct names" in text
    assert "With 1 process, `extract` took " in text and "Target: the analysis costs less than 25%" in text
    assert benchmark.readme_block(text).startswith("Machine: ") and "| 2x |" in benchmark.readme_block(text)
    assert "| actors |" not in benchmark.readme_block(text)  # the stage table stays on the methods page
    again = tmp_path / "again.md"  # the page written again from the saved figures, measuring nothing
    assert benchmark.main(["--from-json", str(out.with_suffix(".json")), "--out", str(again)]) == 0
    assert again.read_text(encoding="utf-8") == text


def test_benchmark_findings_name_the_runs_over_the_target():
    benchmark = _benchmark_module()

    def row(scale, jobs, bare, extract):
        return {"scale": scale, "jobs": jobs,
                "bare": {"seconds": bare, "articles": 30 * scale, "peak_mb": 400},
                "extract": {"seconds": extract, "articles": 30 * scale, "peak_mb": 450 + scale}}

    met = benchmark.findings([row(1, 1, 4.0, 4.8), row(4, 1, 16.0, 19.0)])
    assert "met in every run" in met and "1.19 to 1.20 times" in met and "from 451 to 454 MB" in met
    missed = benchmark.findings([row(1, 1, 4.0, 4.8), row(1, 2, 2.4, 4.0), row(4, 2, 8.0, 10.4)])
    assert "missed for 1x with 2 processes (1.67), 4x with 2 processes (1.30)." in missed
    assert "tasks hold 2 articles at 1x and 8 at 4x (at least" in missed  # analysis.scale.task_size, batch size 16
    assert "fresh interpreters" in missed  # rows without a start method: measured before workers were forked
    forked = [row(1, 1, 4.0, 4.8), row(1, 2, 2.4, 2.9)]
    forked[1]["extract"]["start_method"] = "fork"
    assert "are forks of the measured process" in benchmark.findings(forked)


def test_readme_shows_the_committed_benchmark(tmp_path):
    """The README's copy of the table is the one in benchmarks/results.md (the script writes both)."""
    from pathlib import Path

    benchmark = _benchmark_module()
    root = Path(__file__).resolve().parents[1]
    results = (root / "benchmarks" / "results.md").read_text(encoding="utf-8")
    readme = (root / "README.md").read_text(encoding="utf-8")
    shown = readme.split(benchmark.README_START, 1)[1].split(benchmark.README_END, 1)[0]
    assert shown.strip() == benchmark.readme_block(results).strip()
    copy = tmp_path / "README.md"
    copy.write_text(f"intro\n{benchmark.README_START}\nold\n{benchmark.README_END}\nrest\n", encoding="utf-8")
    assert benchmark.sync_readme(results, copy)
    assert copy.read_text(encoding="utf-8") == (
        f"intro\n{benchmark.README_START}\n{benchmark.readme_block(results)}{benchmark.README_END}\nrest\n")
