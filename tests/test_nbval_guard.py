"""nbval really compares stored outputs: one changed character in a stored table fails it.

This guards the promise that the book shows exactly a fresh run: if a future
nbval option or sanitizer stopped comparing HTML outputs, this test fails.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

from analysis import ROOT

NOTEBOOK = ROOT / "notebooks" / "01_source.ipynb"


def _nbval(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval", "-q", "-p", "no:cacheprovider", str(path)],
        cwd=path.parent, capture_output=True, text=True, timeout=300,
    )


def test_one_changed_character_in_a_stored_output_fails_nbval(tmp_path):
    copy = tmp_path / NOTEBOOK.name
    shutil.copy(NOTEBOOK, copy)
    assert _nbval(copy).returncode == 0, "the committed notebook must pass nbval as it is"

    nb = nbformat.read(copy, as_version=4)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            html = output.get("data", {}).get("text/html")
            if html and "<td>" in html:
                i = html.index("<td>") + len("<td>")
                output["data"]["text/html"] = html[:i] + ("X" if html[i] != "X" else "Y") + html[i + 1:]
                break
        else:
            continue
        break
    nbformat.write(nb, copy)
    result = _nbval(copy)
    assert result.returncode != 0, "nbval accepted a notebook whose stored output differs from a fresh run"
