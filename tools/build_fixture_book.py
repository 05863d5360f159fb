#!/usr/bin/env python3
"""Build the whole book, strictly, for another article, and check it for live markup.

Usage:
    python tools/build_fixture_book.py [ARTICLE] [--out DIR]

The book is written for any story in ``seeds/``; this proves it on one that is
not the seed (default: ``tests/fixtures/articles/style_markup.txt``, a
fictional story whose quotations hold HTML and Markdown: ``<script>``,
``<video onerror=...>``, backticks, dollar signs). The book's sources are
copied to ``DIR`` (default ``_build/fixture_book``), the notebooks executed
there with ``NEWS_ARTICLE`` naming the article, its tables extracted for the
data page, and the book built with ``jupyter-book build -W -n --keep-going``
(any warning, such as a reference a chapter makes to something an article lacks, like a
hand annotation, fails). Then every page is read back and the run fails if
a page holds

- an element with an event-handler attribute (``onerror``, ``onload``,
  ``ontoggle`` ...) or a ``<script>`` whose text comes from the article, or
- text of the article's quotations rendered as Markdown (``<code>`` or
  ``<em>`` around words that the article wrote with backticks or stars), or
- a Markdown table the book writes itself left as text (a notebook output is
  read as CommonMark, which has no tables, unless its cell asks for GFM).

The repository's own notebooks and build are never touched. Exit status 0
when the book builds and is clean; 1 otherwise, with the problems listed.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ARTICLE = ROOT / "tests" / "fixtures" / "articles" / "style_markup.txt"
SOURCES = ["_config.yml", "_toc.yml", "notebooks", "book", "_ext", "_static", "requirements.txt",
           "benchmarks/results.md"]
#: Strings that only the fixture's quotations contain: found inside live markup, they mean injection.
PAYLOADS = ("alert(",)


class _Scan(HTMLParser):
    """Collect live markup that carries text from the article."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._script = False
        self._stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.lower().startswith("on") and value and any(p in value for p in PAYLOADS):
                self.problems.append(f"<{tag} {name}=...> carries the article's text as a live event handler")
        if tag == "script":
            self._script = True
        self._stack.append(tag)

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = False
        if self._stack and self._stack[-1] == tag:
            self._stack.pop()

    def handle_data(self, data):
        if self._script and any(p in data for p in PAYLOADS):
            self.problems.append("a <script> element runs the article's text")
        if self._stack and self._stack[-1] in ("code", "em", "strong") and data.strip() in ("rm -rf", "nothing"):
            self.problems.append(f"the article's Markdown was interpreted: <{self._stack[-1]}>{data.strip()}")
        if self._stack and self._stack[-1] == "p" and data.lstrip().startswith("| ") and (
                "|---" in data or "|\u2014" in data):
            self.problems.append("a Markdown table of the book's own is shown as text (a cell's output needs "
                                 "mystnb.markdown_format gfm)")


def scan(html_dir: Path) -> list[str]:
    """Problems found in the built pages of the chapters and the front page."""
    out = []
    for page in sorted((html_dir / "notebooks").glob("*.html")):
        parser = _Scan()
        parser.feed(page.read_text(encoding="utf-8"))
        out += [f"{page.relative_to(html_dir)}: {p}" for p in dict.fromkeys(parser.problems)]
    return out


def run(cmd: list[str], env: dict | None = None, cwd: Path | None = None) -> None:
    proc = subprocess.run(cmd, env=env, cwd=cwd, text=True, capture_output=True)
    if proc.returncode:
        sys.stderr.write(proc.stdout[-4000:] + proc.stderr[-4000:])
        raise SystemExit(f"error: {' '.join(cmd[:3])} … failed (exit {proc.returncode})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", type=Path, default=DEFAULT_ARTICLE)
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "fixture_book")
    args = parser.parse_args(argv)
    article = args.article.resolve()
    if not article.is_file():
        print(f"error: {article}: no such article", file=sys.stderr)
        return 2
    out = args.out.resolve()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in SOURCES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, out / name, ignore=shutil.ignore_patterns("data", "_build", ".ipynb_checkpoints"))
        elif src.is_file():
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, out / name)
    env = {**os.environ, "NEWS_ARTICLE": str(article)}
    py = sys.executable
    notebooks = sorted(str(p) for p in (out / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    run([py, str(ROOT / "tools" / "run_notebooks.py"), *notebooks], env=env)
    run([py, "-m", "analysis", "extract", str(article), "--out", str(out / "book" / "data"), "--quiet"], env=env)
    run([py, "-m", "zipfile", "-c", "graphml.zip", "graphml"], cwd=out / "book" / "data")
    jb = Path(py).with_name("jupyter-book")
    run([str(jb), "build", str(out), "--all", "-W", "-n", "--keep-going"], env=env)
    problems = scan(out / "_build" / "html")
    for p in problems:
        print(f"problem: {p}", file=sys.stderr)
    if problems:
        return 1
    print(f"built the book for {article.name} in {out / '_build' / 'html'}: strict build, no live markup")
    return 0


if __name__ == "__main__":
    sys.exit(main())
