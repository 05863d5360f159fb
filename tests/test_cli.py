"""The command line: ``python -m analysis extract|check|evaluate|model``.

Options, summaries, exit statuses and one-line errors as a user sees them.
The articles are written for these tests.
"""
from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

import analysis.cli as cli
from analysis import scale
from analysis.cli import main

ARTICLE = (
    "RIVERTON (Reuters) - The city council of Riverton on Monday approved a plan to close the old bridge "
    "over the Sand River for repairs.\n"
    "\u201cWe cannot keep sending buses over a bridge that is falling apart,\u201d Mayor Helen Marsh told "
    "reporters after the vote.\n"
)
GERMAN = (
    "Der Stadtrat hat am Montag beschlossen, die alte Br\u00fccke \u00fcber den Fluss f\u00fcr "
    "Reparaturen zu schlie\u00dfen. Die H\u00e4ndler in der Altstadt sagten, die Entscheidung werde ihren "
    "Gesch\u00e4ften schaden, aber die B\u00fcrgermeisterin meinte, die Sicherheit gehe vor."
)


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "in"
    path.mkdir()
    (path / "bridge.txt").write_text(ARTICLE, encoding="utf-8")
    (path / "bruecke.txt").write_text(GERMAN, encoding="utf-8")
    return path


def test_extract_help_lists_every_option(capsys):
    with pytest.raises(SystemExit) as info:
        main(["extract", "--help"])
    assert info.value.code == 0
    text = capsys.readouterr().out
    for option in ("--out", "--format", "--jobs", "--batch-size", "--dask", "--quiet", "--encoding", "--max-bytes"):
        assert option in text


def test_docstring_names_every_command():
    commands = cli.build_parser()._subparsers._group_actions[0].choices
    assert set(commands) == {"extract", "check", "evaluate", "model"}
    for name in commands:
        assert f"``{name}``" in cli.__doc__


def test_extract_prints_a_summary_and_the_warnings(folder, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["extract", str(folder), "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out == f"analysed 2 article(s); wrote 18 files to {out}\n"
    assert f"warning: {folder / 'bruecke.txt'}: does not look like English" in captured.err
    assert "2/2" in captured.err  # the progress bar
    assert main(["extract", str(folder), "--out", str(out)]) == 0
    assert capsys.readouterr().out == f"analysed 2 article(s) (2 unchanged since the last run); wrote 18 files to {out}\n"


def test_extract_parquet(folder, tmp_path):
    pytest.importorskip("pyarrow")
    assert main(["extract", str(folder), "--out", str(tmp_path / "out"), "--format", "parquet", "--quiet"]) == 0
    assert set(pd.read_parquet(tmp_path / "out" / "actors.parquet")["doc_id"]) >= {"bridge"}
    assert not list((tmp_path / "out").glob("*.csv"))[1:]  # only the manifest is CSV


def test_extract_parquet_without_pyarrow_is_one_error_line(folder, tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    assert main(["extract", str(folder), "--out", str(tmp_path / "out"), "--format", "parquet"]) == 2
    assert capsys.readouterr().err == "error: --format parquet needs pyarrow: pip install 'news-disagreement[parquet]'\n"
    assert not (tmp_path / "out").exists()


def test_extract_dask_without_dask_is_one_error_line(folder, tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "dask.distributed", None)
    assert main(["extract", str(folder), "--out", str(tmp_path / "out"), "--dask", "--quiet"]) == 2
    assert capsys.readouterr().err == "error: --dask needs Dask: pip install 'news-disagreement[dask]'\n"
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("option", [["--jobs", "0"], ["--batch-size", "0"], ["--max-bytes", "0"]])
def test_bad_numbers_are_refused(folder, tmp_path, capsys, option):
    assert main(["extract", str(folder), "--out", str(tmp_path / "out"), *option]) == 2
    assert capsys.readouterr().err.startswith("error: --")


def test_unexpected_failure_is_one_line_unless_debug(folder, tmp_path, capsys, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("something odd")

    monkeypatch.setattr(scale, "extract", broken)
    assert main(["extract", str(folder), "--out", str(tmp_path / "out")]) == 3
    assert capsys.readouterr().err == "error: RuntimeError: something odd\n"
    with pytest.raises(RuntimeError):
        main(["--debug", "extract", str(folder), "--out", str(tmp_path / "out")])


def test_interrupted_extract_says_how_to_resume(folder, tmp_path, capsys, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(scale, "extract", interrupted)
    assert main(["extract", str(folder), "--out", str(tmp_path / "out")]) == 130
    assert "run the same command again to resume" in capsys.readouterr().err


def test_check_reports_ok_warnings_and_errors(folder, capsys):
    (folder / "empty.txt").write_bytes(b"")
    assert main(["check", str(folder)]) == 1
    captured = capsys.readouterr()
    assert f"{folder / 'bridge.txt'}: ok (" in captured.out
    assert f"error: {folder / 'empty.txt'}: file is empty" in captured.err
    assert f"warning: {folder / 'bruecke.txt'}: does not look like English" in captured.err


def test_model_command(capsys):
    assert main(["model"]) == 0
    assert "components:" in capsys.readouterr().out


def test_no_command_prints_help(capsys):
    assert main([]) == 0
    assert "extract" in capsys.readouterr().out


def test_a_closed_pipe_ends_the_command_quietly(tmp_path):
    # `python -m analysis check FILE | head -1`: the reader goes away after one line. Over
    # 100 kB of output (one line per repair), so the command is still writing when it does.
    path = tmp_path / "glued.txt"
    path.write_text("The council met.It voted.They left. " * 3000, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "analysis", "check", str(path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    assert first.startswith(f"{path}: ok (".encode())
    assert (proc.wait(timeout=120), err) == (141, b"")  # not "error: BrokenPipeError" and 3
