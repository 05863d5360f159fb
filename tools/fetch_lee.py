#!/usr/bin/env python3
"""Fetch the Lee news corpus (ABC News, Australia) for development checks on another outlet.

Usage:
    python tools/fetch_lee.py            # writes texts/lee/abc-NNN.txt (git-ignored)

The Lee corpus (Lee, Pincombe and Welsh, 2005) is 300 short news stories
from the Australian Broadcasting Corporation's news mail service, collected
for a study of document similarity (not of quotation or stance). gensim
ships it as test data (``gensim/test/test_data/lee_background.cor``, one
story per line). This script downloads the pinned gensim wheel from PyPI
with ``pip download`` (no other network is used), takes that file out of
it and writes each story to ``texts/lee/abc-NNN.txt``, NNN its line number
from 1. The stories stay out of git (copyright ABC); the stand-off gold in
``gold/corpus/`` that points at them (``source: texts/lee/...``) holds
offsets and names only, as for the other stories.

The house style differs from the Reuters wire and the U.S. outlets: the
present tense ("the minister says"), no dateline, no headline, one
paragraph per story.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "texts" / "lee"
GENSIM = "gensim==4.4.0"
MEMBER = "gensim/test/test_data/lee_background.cor"


def main() -> int:
    if OUT.is_dir() and any(OUT.glob("abc-*.txt")):
        print(f"{OUT.relative_to(ROOT)}: already there ({len(list(OUT.glob('abc-*.txt')))} stories)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "pip", "download", GENSIM, "--no-deps", "--only-binary", ":all:", "-d", tmp,
               "--quiet"]
        if subprocess.run(cmd).returncode != 0:
            print(f"could not download {GENSIM} from PyPI: the Lee stories are not available", file=sys.stderr)
            return 1
        wheel = next(Path(tmp).glob("gensim-*.whl"), None)
        if wheel is None:
            print(f"{GENSIM}: no wheel was downloaded", file=sys.stderr)
            return 1
        with zipfile.ZipFile(wheel) as z:
            lines = z.read(MEMBER).decode("utf-8").splitlines()
    OUT.mkdir(parents=True, exist_ok=True)
    for n, line in enumerate(lines, 1):
        if line.strip():
            (OUT / f"abc-{n:03d}.txt").write_text(line.strip() + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(lines)} stories written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
