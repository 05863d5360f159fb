"""Open every page of the built book in headless Chromium and fail on what a reader would hit.

Usage: python tools/browser_check.py _build/html [--screenshots _build/screenshots]
                                     [--viewport 1280x800] [--max-screens 12] [--overflow-px 2]

The book is served from a thread on a free localhost port and each page is
opened in Debian's Chromium, driven by Playwright for Python (the pip wheel
brings its own driver; no browser is downloaded, ``playwright install`` is
never run). The check fails, with exit status 1 and a report of page and
problem, on:

- a page that does not load (HTTP status >= 400, or a navigation error);
- a missing image (an ``<img>`` whose request fails or whose ``naturalWidth``
  is 0 once loading has settled);
- a request of the book's own files answered with an HTTP error;
- any error message in the browser console, and any uncaught page error;
- a broken internal link: an ``href`` (or the front page's meta refresh) to
  a file of the book that does not exist, or a ``#fragment`` with no element
  of that id on the target page (tables link to sentence anchors such as
  ``03_claims.html#s07``);
- an element wider than the text column: on any page, an element inside the
  column whose right edge lies more than ``OVERFLOW_PX`` (2) pixels past the
  column's right edge, or an element that scrolls (or cuts off) sideways
  because its content is more than ``OVERFLOW_PX`` wider than its box
  (``scrollWidth > clientWidth``): wide tables, figures, code blocks, long
  unbroken strings. The report names the element by a short CSS path (its
  tag, id or classes, its parents', and the nearest ``#id`` above it, mostly
  the section), says by how many pixels it is too wide and quotes the start
  of its text;
- a chapter taller than ``MAX_SCREENS`` (12) screens: a page under
  ``notebooks/`` whose document is higher than ``MAX_SCREENS`` times the
  viewport height once every dropdown is closed (every ``<details>``, which
  includes sphinx-design's ``details.sd-dropdown`` and the ``hide-input`` /
  ``hide-output`` cells of myst-nb, and every sphinx-togglebutton ``.toggle``
  admonition). The report gives the height in screens and the tallest
  sections.

Layout is measured at the fixed viewport ``VIEWPORT`` (1280 x 800 CSS
pixels, a common laptop screen; at this width sphinx-book-theme shows both
sidebars and a text column of about 750 px), so the results do not depend on
the machine. The column is the first of ``COLUMN_SELECTORS`` found on the page
(``article.bd-article``, the article body of sphinx-book-theme; ``main#main-
content`` would also hold the right-hand table of contents), else ``<body>``.
The width check looks at each page as it loads, before anything is opened or
closed, and does not count:

- what the reader does not see: elements inside a closed ``<details>`` (only
  its ``<summary>`` is shown), the content of a closed sphinx-togglebutton
  admonition (``CLOSED_TOGGLE``), elements with ``display: none`` or not
  ``visibility: visible``, and copies meant for screen readers only
  (``SCREEN_READER_ONLY``: MathJax's ``mjx-assistive-mml``, clipped to nothing
  on screen but wider than the drawn formula, and Bootstrap's
  ``.visually-hidden`` / ``.sr-only``);
- the theme's margin and full-width content (``ON_PURPOSE_OUTSIDE``:
  ``.margin``, ``.marginnote``, ``.sidenote``, ``tag_margin`` / ``tag_popout``
  / ``tag_full-width`` cells, ``.full-width``, margin captions), which
  sphinx-book-theme places past the column's edge on purpose; what scrolls
  sideways inside them still counts;
- the parts of a box that scrolls (or clips): they are drawn inside it, and
  the box itself is what is reported.

These limits are what CI enforces (``make check-browser`` runs with the
defaults). ``--viewport``, ``--max-screens`` and ``--overflow-px`` change them
for a run, e.g. to see how far a book is from them.

Internal links are checked from the HTML files themselves, which is what the
reader's browser receives; links to other sites are counted, not followed,
since the check runs without a network. Screenshots (full-page PNG) are taken
of the front page (``index.html``, after its redirect) and of the first
notebook page under ``notebooks/``.

The browser is ``$CHROMIUM`` if set, else ``/usr/bin/chromium``, else
``chromium`` on the PATH. Exit status: 0 all good, 1 problems found, 2 the
check could not run (no book, no browser, no Playwright).
"""
from __future__ import annotations

import argparse
import functools
import http.server
import os
import shutil
import sys
import threading
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

DEFAULT_CHROMIUM = "/usr/bin/chromium"
APT_HINT = "apt-get install -y chromium"

# The flags this closed network needs: without the background-networking ones
# Chromium keeps trying to reach Google's hosts and logs refused connections.
# Playwright's launch() already starts each run with a fresh, empty
# --user-data-dir of its own (and refuses one passed here), and adds --headless.
CHROMIUM_FLAGS = (
    "--no-sandbox",  # we run as root in CI
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Nothing outside the book may be fetched: every host name fails to resolve
    # but 127.0.0.1, where the book is served, so the
    # check cannot reach the network, and a page that needs another site is
    # reported. Cheaper than intercepting every request in Python.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
)

# Console errors that are not the book's fault. Keep this list narrow, say why
# for each entry, and prefer fixing the cause. An entry is (a substring of the
# message, the path, relative to the site root, of the resource it is about).
CONSOLE_ALLOW: tuple[tuple[str, str], ...] = (
    # A page that declares no icon makes Chromium ask for /favicon.ico, and the
    # book (Sphinx with no `html_favicon`, i.e. `html: favicon:` in _config.yml)
    # ships none. Only that exact path is allowed: an icon the book does declare
    # is requested under _static/ and still fails the check when missing.
    # Setting a favicon in _config.yml would make this entry unnecessary.
    ("the server responded with a status of 404", "favicon.ico"),
)

PAGE_TIMEOUT_MS = 15_000
SETTLE_TIMEOUT_MS = 3_000  # how long to wait at most for late requests after "load"
SETTLE_POLL_MS = 50  # settled: no request in flight at two polls in a row

# The layout limits (see the module docstring); each has a command-line option.
VIEWPORT = (1280, 800)  # width, height in CSS pixels: --viewport 1280x800
MAX_SCREENS = 12  # a chapter with its dropdowns closed is at most this many viewport heights: --max-screens
OVERFLOW_PX = 2  # sub-pixel layout and rounding: up to this many pixels too wide is not reported: --overflow-px

# The text column: the first of these on the page, else <body>. sphinx-book-theme
# (pydata-sphinx-theme's layout) nests main#main-content > .bd-article-container >
# article.bd-article; main also holds the right-hand table of contents, so it is
# only a fallback for another layout.
COLUMN_SELECTORS = ("article.bd-article", ".bd-article-container", "main#main-content")

# What sphinx-book-theme puts past the column's right edge on purpose (margin
# notes, margin and pop-out cells, margin captions at >= 992 px; full-width
# content at 136% of the column). Selectors as in the theme's CSS (1.x).
ON_PURPOSE_OUTSIDE = ", ".join((
    ".margin", ".marginnote", ".sidenote", ".margin-caption figcaption", ".margin-caption p.caption",
    ".cell.tag_margin", ".cell.tag_popout", ".cell.tag_full-width", ".cell.tag_full_width",
    ".full-width", ".full_width",
))

# Hidden (display: none) before the width is measured, since the reader does not
# see them but they still count in their box's scrollWidth: copies for screen
# readers, clipped to nothing on screen (MathJax's MathML copy of each formula is
# wider than the drawn formula), and the content of a closed sphinx-togglebutton
# admonition (height 0 and visibility: hidden, selector as in togglebutton.css).
SCREEN_READER_ONLY = "mjx-assistive-mml, .visually-hidden, .sr-only"
CLOSED_TOGGLE = ".admonition.toggle-hidden .admonition-title ~ *"


@dataclass(frozen=True)
class Problem:
    """One thing a reader would hit: the page it is on and what is wrong."""

    page: str
    kind: str
    detail: str

    def __str__(self) -> str:
        return f"{self.page}: {self.kind}: {self.detail}"


class SetupError(RuntimeError):
    """The check cannot run (no book, no browser, no driver)."""


@dataclass(frozen=True)
class Limits:
    """The layout limits of one run: viewport size, chapter height, width tolerance."""

    width: int = VIEWPORT[0]
    height: int = VIEWPORT[1]
    max_screens: float = MAX_SCREENS
    overflow_px: int = OVERFLOW_PX

    @property
    def viewport(self) -> str:
        return f"{self.width}x{self.height}"


# --------------------------------------------------------------------------- pages

def find_pages(root: Path) -> list[str]:
    """Every HTML page of the built book, as sorted paths relative to ``root``.

    Folders whose name starts with ``_`` or ``.`` are skipped: Sphinx keeps its
    assets there (``_static`` holds the theme's Jinja macro files, which are
    named ``*.html`` but are not pages), and never writes a page into a hidden
    folder, so an HTML file there is a leftover of an older build, not part of
    the book. ``genindex.html`` and ``search.html`` are kept: they are pages a
    reader can open, and the search page runs scripts of its own.
    """
    root = Path(root)
    pages = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(("_", "."))]
        for name in filenames:
            if name.endswith((".html", ".htm")):
                pages.append((Path(dirpath) / name).relative_to(root).as_posix())
    return sorted(pages)


def is_chapter(page: str) -> bool:
    """Whether ``page`` is a chapter: a page under ``notebooks/``, where the height limit applies."""
    return page.startswith("notebooks/")


def chapter_page(pages: list[str]) -> str | None:
    """The first notebook page (``notebooks/...``), the chapter that gets a screenshot."""
    return next((p for p in pages if is_chapter(p)), None)


# --------------------------------------------------------------------------- links

@dataclass
class PageLinks:
    """What the link check needs from one HTML file."""

    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)  # href values, in document order
    refresh: str | None = None  # the target of a <meta http-equiv="refresh">, also in links


class _LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.result = PageLinks()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v for k, v in attrs if v is not None}
        if "id" in a:
            self.result.ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.result.ids.add(a["name"])
        if tag in ("a", "area") and "href" in a:
            self.result.links.append(a["href"])
        if tag == "meta" and a.get("http-equiv", "").lower() == "refresh":
            # content="0; url=book/intro.html": the front page's redirect
            _, _, rest = a.get("content", "").partition(";")
            key, _, url = rest.strip().partition("=")
            if key.strip().lower() == "url" and url.strip():
                self.result.refresh = url.strip().strip("'\"")
                self.result.links.append(self.result.refresh)

    handle_startendtag = handle_starttag


def parse_links(text: str) -> PageLinks:
    """The element ids and the link targets of one HTML document."""
    parser = _LinkParser()
    parser.feed(text)
    parser.close()
    return parser.result


_BASE = "http://book.invalid/"  # only used to resolve relative links


def check_links(root: Path, pages: list[str]) -> tuple[list[Problem], int]:
    """Broken internal links of ``pages``, and how many links to other sites were skipped.

    A link is broken when the file it names does not exist under ``root`` (a
    folder stands for its ``index.html``), or when its fragment names no
    element id on the target HTML page. ``#top`` and an empty fragment always
    work (the HTML standard scrolls to the top); fragments into non-HTML files
    (``.csv``, ``.ipynb``) are not checked.
    """
    root = Path(root).resolve()

    @functools.lru_cache(maxsize=None)
    def links_of(rel: str) -> PageLinks:
        return parse_links((root / rel).read_text(encoding="utf-8", errors="replace"))

    problems: list[Problem] = []
    external = 0
    for page in pages:
        for href in links_of(page).links:
            href = href.strip()
            scheme = urlsplit(href).scheme.lower()
            if scheme in ("mailto", "tel", "javascript", "data"):
                continue
            url = urlsplit(urljoin(_BASE + page, href))
            if f"{url.scheme}://{url.netloc}/" != _BASE:
                external += 1
                continue
            target = unquote(url.path[1:])
            path = root / target
            if target == "" or target.endswith("/") or path.is_dir():
                target = (PurePosixPath(target) / "index.html").as_posix()
                path = root / target
            if not path.is_file():
                problems.append(Problem(page, "broken link", f'href="{href}": no file {target}'))
                continue
            fragment = unquote(url.fragment)
            if not fragment or fragment.lower() == "top" or path.suffix not in (".html", ".htm"):
                continue
            if fragment not in links_of(target).ids:
                where = "this page" if target == page else target
                problems.append(Problem(page, "broken anchor", f'href="{href}": no id "{fragment}" on {where}'))
    return problems, external


# --------------------------------------------------------------------------- server

class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the stdlib's name
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # The browser drops connections it no longer needs (a redirect, a closed
        # tab): that is not a failure of the book, so do not print a traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@dataclass
class Server:
    """The book served on a free localhost port from a daemon thread."""

    root: Path
    httpd: _Server
    thread: threading.Thread

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)

    def __enter__(self) -> "Server":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def serve(root: Path) -> Server:
    """Start serving ``root`` on 127.0.0.1 at a port the system picks."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    httpd = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05},
                              name="book-server", daemon=True)
    thread.start()
    return Server(Path(root), httpd, thread)


# --------------------------------------------------------------------------- browser

def find_chromium(env: dict[str, str] | None = None, default: str = DEFAULT_CHROMIUM) -> str:
    """The Chromium binary: ``$CHROMIUM``, else ``/usr/bin/chromium``, else ``chromium`` on PATH."""
    env = os.environ if env is None else env
    if env.get("CHROMIUM"):
        given = env["CHROMIUM"]
        found = given if os.path.isfile(given) and os.access(given, os.X_OK) else shutil.which(given)
        if not found:
            raise SetupError(f"$CHROMIUM is {given!r}, which is not an executable file")
        return found
    if os.path.isfile(default) and os.access(default, os.X_OK):
        return default
    found = shutil.which("chromium", path=env.get("PATH", os.defpath))
    if found:
        return found
    raise SetupError(f"Chromium not found (not $CHROMIUM, not {default}, not on PATH): "
                     f"install Debian's package with `{APT_HINT}`, or set $CHROMIUM to the binary")


def allowed_console(text: str, resource: str) -> bool:
    """Whether a console error about ``resource`` (a path under the site root) is allowed noise."""
    return any(fragment in text and resource == path for fragment, path in CONSOLE_ALLOW)


# Waits for every image to finish (load or error), lazy ones included, then
# lists those that did not decode to a picture.
_BROKEN_IMAGES_JS = """
async () => {
  const imgs = Array.from(document.images);
  for (const img of imgs) { if (img.loading === "lazy") img.loading = "eager"; }
  await Promise.all(imgs.map(img => img.complete ? null : new Promise(done => {
    img.addEventListener("load", done, {once: true});
    img.addEventListener("error", done, {once: true});
    setTimeout(done, 5000);
  })));
  return imgs.filter(img => img.naturalWidth === 0).map(img => ({
    src: img.getAttribute("src") || "",
    alt: img.getAttribute("alt") || "",
  }));
}
"""


# Waits until the layout is final: web fonts loaded, MathJax done typesetting
# (at most 5 s), two frames drawn.
_SETTLE_LAYOUT_JS = """
async () => {
  if (document.fonts) await document.fonts.ready;
  const typeset = window.MathJax && window.MathJax.startup && window.MathJax.startup.promise;
  if (typeset) await Promise.race([typeset, new Promise(done => setTimeout(done, 5000))]);
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
}
"""

# The elements too wide for the text column, outermost first (see the module
# docstring for what counts). Walks the column's tree once: an element that is
# reported is not entered (its parts would repeat it), nor are the parts of a
# box that clips or scrolls, except to find boxes that scroll inside it.
_TOO_WIDE_JS = r"""
({columns, outside, notShown, tolerance}) => {
  for (const e of document.querySelectorAll(notShown)) e.style.setProperty("display", "none", "important");
  let column = null;
  for (const sel of columns) { column = document.querySelector(sel); if (column) break; }
  column = column || document.body;
  const edge = column.getBoundingClientRect().right;
  const noise = new Set(["docutils", "container", "notranslate", "nohighlight"]);  // on everything Sphinx writes
  const name = e => {
    const tag = e.tagName.toLowerCase();
    if (e.id) return `${tag}#${e.id}`;
    return tag + Array.from(e.classList).filter(c => !noise.has(c)).slice(0, 3).map(c => "." + c).join("");
  };
  // The element and up to two parents, after the nearest #id above them (mostly the section).
  const path = e => {
    const chain = [name(e)];
    let p = e.parentElement;
    while (p && p !== column && !p.id && chain.length < 3) { chain.unshift(name(p)); p = p.parentElement; }
    while (p && p !== column && !p.id) p = p.parentElement;
    const anchor = p && p !== column ? `${p.tagName.toLowerCase()}#${p.id} ` : "";
    return anchor + (e.id ? chain[chain.length - 1] : chain.join(" > "));
  };
  const text = e => (e.innerText || e.getAttribute("src") || "").replace(/\s+/g, " ").trim().slice(0, 40);
  const found = [];
  const visit = (e, checkEdge) => {
    const style = getComputedStyle(e);
    if (style.display === "none") return;
    if (e.tagName === "DETAILS" && !e.open) {  // closed: only the summary is drawn
      for (const child of e.children) if (child.tagName === "SUMMARY") visit(child, checkEdge);
      return;
    }
    if (checkEdge && e.matches(outside)) checkEdge = false;
    const drawn = style.display !== "contents" && style.visibility === "visible";
    const clips = style.overflowX !== "visible";
    if (drawn) {
      const box = e.getBoundingClientRect();
      if (checkEdge && box.width > 0 && box.right - edge > tolerance) {
        found.push({kind: "edge", path: path(e), px: Math.round(box.right - edge), width: Math.round(box.width),
                    column: Math.round(column.getBoundingClientRect().width), text: text(e)});
        return;
      }
      if (clips && e.scrollWidth - e.clientWidth > tolerance) {
        found.push({kind: ["auto", "scroll"].includes(style.overflowX) ? "scroll" : "clip", path: path(e),
                    px: e.scrollWidth - e.clientWidth, width: e.scrollWidth, box: e.clientWidth, text: text(e)});
        return;
      }
      // Text is no element: a long unbroken string sticks out of a box that fits.
      for (const node of (checkEdge && !clips) ? e.childNodes : []) {
        if (node.nodeType !== Node.TEXT_NODE || !node.textContent.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const right = range.getBoundingClientRect().right;
        if (right - edge > tolerance) {
          found.push({kind: "text", path: path(e), px: Math.round(right - edge), text: text(e)});
          return;
        }
      }
    }
    for (const child of e.children) visit(child, checkEdge && !clips);
  };
  for (const child of column.children) visit(child, true);
  return found;
}
"""

# A chapter's height with every dropdown closed, in CSS pixels, and its
# sections' heights (the sections directly under the page's top section).
_CLOSED_HEIGHT_JS = """
() => {
  for (const d of document.querySelectorAll("details[open]")) d.open = false;
  for (const t of document.querySelectorAll(".admonition.toggle")) t.classList.add("toggle-hidden");
  const sections = Array.from(document.querySelectorAll("section > section[id]"))
    .filter(s => !s.parentElement.parentElement.closest("section"))
    .map(s => [s.id, s.getBoundingClientRect().height]);
  return {height: Math.max(document.documentElement.scrollHeight, document.body.scrollHeight), sections};
}
"""


def describe_too_wide(found: dict) -> str:
    """The report line for one element found by ``_TOO_WIDE_JS``."""
    start = f', starting "{found["text"]}"' if found.get("text") else ""
    if found["kind"] == "edge":
        return (f'{found["path"]} sticks out {found["px"]} px past the column\'s right edge '
                f'({found["width"]} px wide in a {found["column"]} px column){start}')
    if found["kind"] == "text":
        return f'{found["path"]}: its text runs {found["px"]} px past the column\'s right edge{start}'
    how = "scrolls sideways" if found["kind"] == "scroll" else "is cut off"
    return (f'{found["path"]} {how}: its content is {found["px"]} px wider than its box '
            f'({found["width"]} px in {found["box"]} px){start}')


def describe_too_tall(height: float, sections: list, limits: Limits) -> str:
    """The report line for a chapter over the height limit, with its tallest sections."""
    screens = height / limits.height
    text = (f"{screens:.1f} screens ({height:.0f} px at {limits.viewport}) with every dropdown closed; "
            f"the limit is {limits.max_screens:g} screens ({limits.max_screens * limits.height:.0f} px)")
    tallest = sorted(sections, key=lambda s: -s[1])[:3]
    if tallest:
        text += "; tallest sections: " + ", ".join(f"#{sid} {h / limits.height:.1f}" for sid, h in tallest)
    return text


def check_layout(tab, page: str, limits: Limits) -> list[Problem]:
    """What is too wide on the open page and, on a chapter, whether it is too tall.

    Runs after the screenshot: it hides the screen-reader copies and, on a
    chapter, closes every dropdown.
    """
    tab.evaluate(_SETTLE_LAYOUT_JS)
    problems = [Problem(page, "too wide", describe_too_wide(found)) for found in tab.evaluate(_TOO_WIDE_JS, {
        "columns": list(COLUMN_SELECTORS), "outside": ON_PURPOSE_OUTSIDE,
        "notShown": f"{SCREEN_READER_ONLY}, {CLOSED_TOGGLE}", "tolerance": limits.overflow_px,
    })]
    if is_chapter(page):
        measured = tab.evaluate(_CLOSED_HEIGHT_JS)
        if measured["height"] > limits.max_screens * limits.height:
            detail = describe_too_tall(measured["height"], measured["sections"], limits)
            problems.append(Problem(page, "too tall", detail))
    return problems


def _listen(tab, base: str, page: str, problems: list[Problem]) -> set:
    """Record on ``problems`` what goes wrong while ``page`` loads in ``tab``; the set returned
    holds the requests not yet answered, to know when the page has settled."""
    def rel(url: str) -> str:
        return url[len(base):] if url.startswith(base) else url

    def on_console(msg) -> None:
        src = (msg.location or {}).get("url") or ""
        if msg.type == "error" and not allowed_console(msg.text, rel(src).split("?")[0]):
            problems.append(Problem(page, "console error", msg.text + (f" (at {rel(src)})" if src else "")))

    def on_response(resp) -> None:
        if resp.status >= 400 and resp.url.startswith(base) and resp.url.split("#")[0] != base + page:
            problems.append(Problem(page, "HTTP error", f"{resp.status} for {rel(resp.url)}"))

    inflight: set = set()

    def on_failed(req) -> None:
        inflight.discard(req)
        if req.url.startswith(base):
            problems.append(Problem(page, "request failed", f"{rel(req.url)}: {req.failure}"))
        else:
            problems.append(Problem(page, "needs another site", f"{req.url} (the check runs offline; "
                                    "a reader without network gets no such resource either)"))

    tab.on("console", on_console)
    tab.on("pageerror", lambda err: problems.append(Problem(page, "page error", str(err))))
    tab.on("response", on_response)
    tab.on("requestfailed", on_failed)
    tab.on("request", lambda req: inflight.add(req))
    tab.on("requestfinished", lambda req: inflight.discard(req))
    return inflight


def _open(tab, base: str, page: str, redirects: bool, problems: list[Problem]) -> bool:
    """Load ``page`` (and follow the front page's meta-refresh redirect); False when it did not load."""
    try:
        resp = tab.goto(base + page, wait_until="load", timeout=PAGE_TIMEOUT_MS)
    except Exception as exc:  # Playwright's Error and TimeoutError
        problems.append(Problem(page, "did not load", str(exc).splitlines()[0]))
        return False
    if resp is None or resp.status >= 400:
        status = "no response" if resp is None else f"HTTP {resp.status}"
        problems.append(Problem(page, "did not load", status))
        return False
    if redirects:
        try:
            tab.wait_for_url(lambda u: u != base + page, timeout=PAGE_TIMEOUT_MS)
            tab.wait_for_load_state("load", timeout=PAGE_TIMEOUT_MS)
        except Exception as exc:
            problems.append(Problem(page, "redirect did not load", str(exc).splitlines()[0]))
            return False
    return True


def _visit(browser, base: str, page: str, redirects: bool, shot: Path | None,
           limits: Limits = Limits()) -> list[Problem]:
    """Open one page as a first-time reader would, collect what went wrong, screenshot if asked.

    Each page gets a fresh browser context (empty storage), so what a reader
    who lands on it from a search engine sees does not depend on the order
    in which the check visits pages.
    """
    problems: list[Problem] = []
    context = browser.new_context(viewport={"width": limits.width, "height": limits.height})
    tab = context.new_page()
    inflight = _listen(tab, base, page, problems)
    try:
        if not _open(tab, base, page, redirects, problems):
            return problems
        # Let requests started by scripts after "load" finish (Playwright's
        # "networkidle" would cost a fixed half second per page). A page that
        # keeps polling is not broken: what failed by then is already recorded.
        deadline, quiet = time.monotonic() + SETTLE_TIMEOUT_MS / 1000, 0
        while quiet < 2 and time.monotonic() < deadline:
            tab.wait_for_timeout(SETTLE_POLL_MS)
            quiet = 0 if inflight else quiet + 1
        for img in tab.evaluate(_BROKEN_IMAGES_JS):
            problems.append(Problem(page, "missing image", f'<img src="{img["src"]}" alt="{img["alt"]}">'))
        if shot is not None:
            shot.parent.mkdir(parents=True, exist_ok=True)
            tab.screenshot(path=str(shot), full_page=True)
        if not redirects:  # a redirecting page has no layout of its own: its target is checked
            problems.extend(check_layout(tab, page, limits))
    finally:
        context.close()
    return problems


def check_in_browser(root: Path, pages: list[str], chromium: str,
                     screenshots: dict[str, Path] | None = None, limits: Limits = Limits()) -> list[Problem]:
    """Open each page in headless Chromium; screenshot the pages named in ``screenshots``."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # depends on the environment
        raise SetupError("Playwright for Python is missing: pip install -r requirements.txt") from exc
    screenshots = screenshots or {}
    problems: list[Problem] = []
    with serve(root) as server, sync_playwright() as pw:
        try:
            browser = pw.chromium.launch(executable_path=chromium, headless=True, args=list(CHROMIUM_FLAGS))
        except Exception as exc:
            raise SetupError(f"{chromium} did not start: {str(exc).splitlines()[0]}") from exc
        try:
            for page in pages:
                redirects = parse_links((Path(root) / page).read_text(encoding="utf-8", errors="replace")).refresh
                problems.extend(_visit(browser, server.url, page, bool(redirects), screenshots.get(page), limits))
        finally:
            browser.close()
    return problems


# --------------------------------------------------------------------------- main

def format_problems(problems: list[Problem]) -> str:
    """The report: each distinct problem once, with every page it is on."""
    pages_of: dict[tuple[str, str], list[str]] = {}
    for p in problems:
        pages = pages_of.setdefault((p.kind, p.detail), [])
        if p.page not in pages:
            pages.append(p.page)
    lines = []
    for (kind, detail), pages in sorted(pages_of.items()):
        lines.append(f"  {kind}: {detail}")
        lines.append(f"    on {', '.join(sorted(pages))}")
    return "\n".join(lines)


def parse_viewport(text: str) -> tuple[int, int]:
    """``"1280x800"`` -> ``(1280, 800)``; for ``--viewport``."""
    width, sep, height = text.lower().partition("x")
    if not (sep and width.strip().isdigit() and height.strip().isdigit() and int(width) > 0 and int(height) > 0):
        raise argparse.ArgumentTypeError(f"{text!r} is not WIDTHxHEIGHT in pixels, e.g. 1280x800")
    return int(width), int(height)


def _at_least(kind, minimum, strictly: bool):
    """An argparse type: a number of ``kind`` above (or, not ``strictly``, at least) ``minimum``."""
    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
        if value < minimum or (strictly and value == minimum):
            raise argparse.ArgumentTypeError(f"{text!r} must be {'above' if strictly else 'at least'} {minimum}")
        return value
    return parse


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("html", type=Path, help="the built book (_build/html)")
    ap.add_argument("--screenshots", type=Path, help="folder for the PNG screenshots")
    ap.add_argument("--viewport", type=parse_viewport, default=VIEWPORT, metavar="WxH",
                    help=f"browser window in CSS pixels (default {VIEWPORT[0]}x{VIEWPORT[1]})")
    ap.add_argument("--max-screens", type=_at_least(float, 0, strictly=True), default=MAX_SCREENS, metavar="N",
                    help=f"fail on a chapter taller than N viewport heights, dropdowns closed "
                         f"(default {MAX_SCREENS})")
    ap.add_argument("--overflow-px", type=_at_least(int, 0, strictly=False), default=OVERFLOW_PX, metavar="PX",
                    help=f"report an element only when it is more than PX pixels too wide (default {OVERFLOW_PX})")
    args = ap.parse_args(argv)
    limits = Limits(args.viewport[0], args.viewport[1], args.max_screens, args.overflow_px)

    start = time.perf_counter()
    try:
        root = args.html
        if not (root / "index.html").is_file():
            raise SetupError(f"{root}/index.html not found: build the book first (make book)")
        pages = find_pages(root)
        chromium = find_chromium()
        shots: dict[str, Path] = {}
        if args.screenshots:
            shots["index.html"] = args.screenshots / "front.png"
            chapter = chapter_page(pages)
            if chapter is None:
                raise SetupError("no notebook page under notebooks/ to take a chapter screenshot of")
            shots[chapter] = args.screenshots / "chapter.png"
        problems, external = check_links(root, pages)
        problems += check_in_browser(root, pages, chromium, shots, limits)
    except SetupError as exc:
        print(f"browser check could not run: {exc}", file=sys.stderr)
        return 2

    seconds = time.perf_counter() - start
    print(f"browser check: {len(pages)} pages in {seconds:.1f} s with {chromium} at {limits.viewport}; "
          f"{external} links to other sites not followed")
    print(f"limits: nothing more than {limits.overflow_px} px wider than the text column; chapters "
          f"(notebooks/) at most {limits.max_screens:g} screens ({limits.max_screens * limits.height:.0f} px) tall "
          "with their dropdowns closed")
    for page in pages:
        print(f"  {page}")
    for name, path in shots.items():
        print(f"screenshot of {name}: {path if path.is_file() else 'not taken, the page did not load'}")
    if problems:
        print(f"\nFAILED: {len(problems)} problem(s)")
        print(format_problems(problems))
        return 1
    print("OK: every page loaded with no console error, missing image or broken link, "
          "nothing too wide for its column and no chapter too tall")
    return 0


if __name__ == "__main__":
    sys.exit(main())
