"""The extraction on Dask (``pip install .[dask]``) writes the same files as a single-process run.

A LocalCluster with one worker in this process (``processes=False``) keeps
the test fast; the tasks, their pickling and the assembly are those of a
real cluster. The articles are written for this test.
"""
from __future__ import annotations

import pytest

from analysis import scale

pytest.importorskip("dask.distributed")

ARTICLES = {
    "harbour": (
        "PORTMOUTH (Reuters) - The harbour authority of Portmouth said on Friday it would raise docking fees "
        "by a fifth next year to pay for a new sea wall.\n"
        "\u201cThe fees have not changed in ten years and the wall will protect every business here,\u201d "
        "said Clara Moss, the authority's chief executive.\n"
        "Fishermen said the rise would drive small boats out of the port.\n"
    ),
    "library": (
        "EASTON (Reuters) - Easton's mayor, Paul Grant, wants to move the central library into the old "
        "railway station.\n"
        "Local historians criticised the plan, saying the station was too small.\n"
        "\u201cIt is a good building in the wrong place,\u201d said Jane Hollis of the Easton History "
        "Society.\n"
    ),
    "quiet": "Nothing much happened in the village on Sunday.\nThe bakery sold out of bread by noon.\n",
}


def _files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and ".parts" not in p.parts}


def test_dask_local_cluster_gives_the_tables_of_a_single_process_run(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    paths = sorted(folder.glob("*.txt"))

    single = scale.extract(paths, tmp_path / "single", progress=False, report=lambda line: None)
    lines = []
    on_dask = scale.extract(paths, tmp_path / "dask", progress=False, dask=True, dask_processes=False,
                            batch_size=1, report=lines.append)

    assert (on_dask.analysed, on_dask.skipped) == (single.analysed, single.skipped) == (3, 1)
    assert lines == [f"skipped: {folder / 'empty.txt'}: file is empty"]
    assert _files(tmp_path / "dask") == _files(tmp_path / "single")
    assert "actors.csv" in _files(tmp_path / "dask")


def test_dask_scheduler_address_and_a_worker_with_other_versions(tmp_path, monkeypatch):
    from dask.distributed import LocalCluster

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "harbour.txt").write_text(ARTICLES["harbour"], encoding="utf-8")
    paths = [folder / "harbour.txt"]
    single = tmp_path / "single"
    scale.extract(paths, single, progress=False)
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        summary = scale.extract(paths, tmp_path / "remote", progress=False, dask=cluster.scheduler_address)
        assert summary.analysed == 1
        assert _files(tmp_path / "remote") == _files(single)

        monkeypatch.setattr(scale, "_worker_fingerprint", lambda *args: "another version")
        with pytest.raises(scale.ExtractError, match="run another version of the analysis"):
            scale.extract(paths, tmp_path / "mixed", progress=False, dask=cluster.scheduler_address)
    assert not (tmp_path / "mixed").exists()
