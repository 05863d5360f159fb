"""Execute notebooks in place, so that their stored outputs are a fresh run.

Usage: python tools/run_notebooks.py notebooks/*.ipynb

Each notebook runs in its own kernel with the notebook's folder as working
directory; no timing metadata is recorded, so a rerun with the same inputs
writes the same file. A notebook that raises stops the run with its error.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def run(path: Path) -> float:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    start = time.perf_counter()
    client.execute()
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    nbformat.write(nb, path)
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    for name in argv:
        path = Path(name)
        try:
            seconds = run(path)
        except CellExecutionError as exc:
            print(f"error: {path}: a cell failed\n{exc}", file=sys.stderr)
            return 1
        print(f"executed {path} in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
