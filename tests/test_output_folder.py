"""The output folder of ``extract``: one run at a time, no temporary files left behind,
and problems of the machine (a bad --out, a full disk, no model) in one line with their
own exit status. The articles are those of test_scale.py.

Tests run as root here, where file permissions do not stop anything: errors are
provoked with a file where a folder is expected, with monkeypatched ``os``
functions, or with real processes (a second run, a killed one).
"""
from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest

import analysis.output as output
from analysis import scale
from analysis.cli import main
from analysis.output import StreamWriter, TableSchema

from test_scale import ARTICLES, files, write_corpus

ENOSPC = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _wait_for(predicate, what: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.02)


def _lock_holder(pid: int, out) -> bool:
    try:
        return (out / scale.LOCK).read_text().strip() == str(pid)
    except FileNotFoundError:
        return False


def _doc_ids(out) -> dict[str, set[str]]:
    """The articles each kind of output names."""
    return {
        "tables": set(pd.read_csv(out / "actors.csv")["doc_id"]),
        "manifest": set(pd.read_csv(out / scale.MANIFEST)["doc_id"]),
        "graphml": {scale._graphml_doc_id(p.name) for p in (out / "graphml").iterdir()},
        "parts": {p.name.split(".")[0] for p in (out / scale.PARTS).glob("*.pkl")},
    }


# --------------------------------------------------------------------------- one run at a time

def test_a_second_run_into_the_same_folder_is_refused_at_once(tmp_path):
    """Two real `python -m analysis extract` runs with different inputs and one --out.

    Before the lock, one failed with FileNotFoundError on a part file, or both ended
    with 0 and the first run's articles were gone. The first run is stopped
    (SIGSTOP) while it holds the lock, so the second surely finds it held.
    """
    first = write_corpus(tmp_path / "first", {k: ARTICLES[k] for k in ("a-tax", "b-bridge")})
    second = write_corpus(tmp_path / "second", {"d-other": ARTICLES["b-bridge"]})
    out = tmp_path / "out"
    command = [sys.executable, "-m", "analysis", "extract", "--out", str(out), "--quiet"]
    running = subprocess.Popen([*command, str(first)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for(lambda: _lock_holder(running.pid, out) or running.poll() is not None, "the first run's lock")
        os.kill(running.pid, signal.SIGSTOP)
        refused = subprocess.run([*command, str(second)], capture_output=True, text=True, timeout=120)
    finally:
        os.kill(running.pid, signal.SIGCONT)
    assert refused.returncode == 75
    assert refused.stderr == (f"error: the output folder {out} is in use by another run (process {running.pid}); "
                              "wait for it to finish or choose another --out\n")
    assert running.wait(timeout=300) == 0, running.stderr.read()
    assert _doc_ids(out) == {kind: {"a-tax", "b-bridge"} for kind in ("tables", "manifest", "graphml", "parts")}
    assert not (out / scale.LOCK).exists()

    # the refused run, run again, replaces the output; the first run's files go
    assert main(["extract", str(second), "--out", str(out), "--quiet"]) == 0
    assert _doc_ids(out) == {kind: {"d-other"} for kind in ("tables", "manifest", "graphml", "parts")}


HOLD = "import sys, time\nfrom analysis.scale import OutputLock\nOutputLock(sys.argv[1]).__enter__()\nprint('locked', flush=True)\ntime.sleep(600)\n"


def test_the_lock_of_a_killed_run_does_not_block_the_next(tmp_path, capsys):
    folder = write_corpus(tmp_path / "in", {"c-calm": ARTICLES["c-calm"]})
    out = tmp_path / "out"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(out)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "locked\n"
        assert main(["extract", str(folder), "--out", str(out), "--quiet"]) == 75
        assert f"in use by another run (process {holder.pid})" in capsys.readouterr().err
    finally:
        holder.kill()  # SIGKILL: no clean-up of its own; the kernel drops its lock
        holder.wait()
    assert (out / scale.LOCK).read_text().strip() == str(holder.pid)  # left behind, but not held
    assert main(["extract", str(folder), "--out", str(out), "--quiet"]) == 0
    assert not (out / scale.LOCK).exists()


def test_a_manifest_row_whose_part_file_is_missing_is_analysed_again(tmp_path):
    folder = write_corpus(tmp_path / "in")
    out = tmp_path / "out"
    scale.extract(sorted(folder.glob("*.txt")), out, progress=False)
    first = files(out)
    [part] = (out / scale.PARTS).glob("a-tax.*.pkl")
    part.unlink()
    again = scale.extract(sorted(folder.glob("*.txt")), out, progress=False)
    assert (again.analysed, again.resumed) == (1, 2)
    assert part.is_file() and files(out) == first


def test_graphml_files_of_articles_not_in_the_manifest_are_removed(tmp_path):
    folder = write_corpus(tmp_path / "in", {"c-calm": ARTICLES["c-calm"]})
    out = tmp_path / "out"
    (out / "graphml").mkdir(parents=True)
    for name in ("ghost.actor_concept.graphml", "ghost.actor_signed.graphml", "notes.txt"):
        (out / "graphml" / name).write_text("left by another run, or the user's own\n")
    scale.extract([folder / "c-calm.txt"], out, progress=False)
    assert sorted(p.name for p in (out / "graphml").iterdir()) == [
        "c-calm.actor_concept.graphml", "c-calm.actor_signed.graphml", "notes.txt"]


# --------------------------------------------------------------------------- temporary files

class _FullDisk:
    """A file on a full disk: writing fails, and so does closing (which flushes)."""

    def __init__(self, fh) -> None:
        self.fh = fh

    @property
    def closed(self) -> bool:
        return self.fh.closed

    def write(self, text) -> int:
        raise ENOSPC

    def close(self) -> None:
        self.fh.close()
        raise ENOSPC


def test_abort_never_raises_and_removes_its_temporary_file(tmp_path):
    schema = TableSchema()
    schema.add(pd.DataFrame({"a": [1]}))
    writer = StreamWriter(tmp_path / "t.csv", schema)
    writer._fh = _FullDisk(writer._fh)
    writer.abort()
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_while_the_tables_are_written_leaves_no_temporary_file(tmp_path, monkeypatch, capsys):
    folder = write_corpus(tmp_path / "in")
    out = tmp_path / "out"
    monkeypatch.setattr(output, "open", lambda *a, **k: _FullDisk(open(*a, **k)), raising=False)
    assert main(["extract", str(folder), "--out", str(out), "--quiet"]) == 4
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("error: cannot write ") and line.endswith(
        ": No space left on device; free some space, then run the same command again to resume "
        "(finished articles are kept)")
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    assert not list(out.glob("*.csv"))  # no table from a run that failed

    monkeypatch.undo()
    summary = scale.extract(sorted(folder.glob("*.txt")), out, progress=False)
    assert (summary.analysed, summary.resumed) == (0, 3)  # the parts were written before the disk filled


def test_temporary_files_left_by_a_killed_run_are_removed_by_the_next(tmp_path):
    folder = write_corpus(tmp_path / "in", {"c-calm": ARTICLES["c-calm"]})
    out = tmp_path / "out"
    ours = [".claims.csv.zf4ewozs.tmp", ".manifest.csv.a_b1c2d3.tmp", f"{scale.PARTS}/.c-calm.0123456789abcdef.pkl.k2j3h4g5.tmp",
            "graphml/c-calm.actor_signed.graphml.tmp", ".lock.x9y8z7w6.tmp"]
    theirs = ["notes.tmp", ".claims.csv.tmp", "graphml/notes.graphml.tmp"]
    for name in ours + theirs:
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text("half a table")
    scale.extract([folder / "c-calm.txt"], out, progress=False)
    assert [name for name in ours if (out / name).exists()] == []
    assert [name for name in theirs if (out / name).exists()] == theirs


# --------------------------------------------------------------------------- the machine

@pytest.fixture
def no_analysis(monkeypatch):
    """Fail the test if an article is analysed: the problem must be found before."""
    monkeypatch.setattr(scale, "analyse_batch", lambda *a: pytest.fail("an article was analysed"))


def test_out_that_is_a_file(tmp_path, capsys, no_analysis):
    folder = write_corpus(tmp_path / "in")
    out = tmp_path / "results.csv"
    out.write_text("keep me\n")
    assert main(["extract", str(folder), "--out", str(out)]) == 2
    assert capsys.readouterr().err == f"error: output folder {out} is a file, not a folder\n"
    assert out.read_text() == "keep me\n"


def test_out_that_cannot_be_made(tmp_path, capsys, no_analysis):
    folder = write_corpus(tmp_path / "in")
    (tmp_path / "results.csv").write_text("keep me\n")
    out = tmp_path / "results.csv" / "out"
    assert main(["extract", str(folder), "--out", str(out)]) == 2
    assert capsys.readouterr().err == (
        f"error: output folder {out} cannot be made: {tmp_path / 'results.csv'} is a file\n")


def test_out_that_cannot_be_written(tmp_path, capsys, monkeypatch, no_analysis):
    folder = write_corpus(tmp_path / "in")
    out = tmp_path / "out"
    out.mkdir()
    real = os.open

    def read_only(path, flags, *args, **kwargs):
        if str(path).startswith(str(out)) and flags & (os.O_WRONLY | os.O_RDWR):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", read_only)
    assert main(["extract", str(folder), "--out", str(out)]) == 2
    assert capsys.readouterr().err == f"error: cannot write in the output folder {out} (Permission denied)\n"
    assert list(out.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads and writes folders whatever their permissions say")
def test_folders_without_permission(tmp_path, capsys):
    folder = write_corpus(tmp_path / "in")
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        assert main(["extract", str(folder), "--out", str(out)]) == 2
        assert capsys.readouterr().err == f"error: cannot write in the output folder {out} (Permission denied)\n"
    finally:
        out.chmod(0o755)
    folder.chmod(0o000)
    try:
        assert main(["extract", str(folder), "--out", str(out)]) == 2
        assert capsys.readouterr().err == f"error: {folder}: cannot read the folder (Permission denied)\n"
    finally:
        folder.chmod(0o755)


def test_an_input_folder_that_cannot_be_read(tmp_path, capsys, monkeypatch):
    folder = write_corpus(tmp_path / "in")
    real = type(folder).iterdir

    def unreadable(self):
        if self == folder:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real(self)

    monkeypatch.setattr(type(folder), "iterdir", unreadable)
    for command in ("extract", "check"):
        extra = ["--out", str(tmp_path / "out")] if command == "extract" else []
        assert main([command, str(folder), *extra]) == 2
        assert capsys.readouterr().err == f"error: {folder}: cannot read the folder (Permission denied)\n"
    assert not (tmp_path / "out").exists()


def test_a_full_disk_during_the_run(tmp_path, capsys, monkeypatch):
    folder = write_corpus(tmp_path / "in")
    out = tmp_path / "out"

    def full(path, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(scale, "write_atomic", full)
    assert main(["extract", str(folder), "--out", str(out), "--quiet"]) == 4
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"error: cannot write {out / scale.PARTS}{os.sep}a-tax.")
    assert line.endswith(".pkl: No space left on device; free some space, then run the same command again "
                         "to resume (finished articles are kept)")
    monkeypatch.undo()
    assert main(["extract", str(folder), "--out", str(out), "--quiet"]) == 0


@pytest.mark.parametrize("command", [["extract", "--out", "OUT"], ["model"]], ids=["extract", "model"])
def test_a_missing_model_is_one_line_with_the_command_that_installs_one(tmp_path, capsys, monkeypatch, command):
    from analysis.nlp import MODEL_ENV, PIP_HINT

    monkeypatch.setenv(MODEL_ENV, "no_such_model_xyz")
    folder = write_corpus(tmp_path / "in")
    args = [str(tmp_path / "out") if a == "OUT" else a for a in command]
    assert main([*args[:1], *([str(folder)] if command[0] == "extract" else []), *args[1:]]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: NEWS_ANALYSIS_MODEL='no_such_model_xyz' names a spaCy model that is not installed")
    assert err.endswith(f"{PIP_HINT}\n") and err.count("\n") == 1
    assert not (tmp_path / "out").exists()
