"""tools/browser_check.py: page discovery, link and anchor checking, the server, finding Chromium.

Everything here runs on tiny synthetic sites in a tmp folder. The last tests
open such a site in the real browser and are skipped where Chromium or
Playwright is missing (`.ci/run` installs Chromium before `make test`).
"""
from __future__ import annotations

import importlib.util
import struct
import sys
import urllib.error
import urllib.request
import zlib
from pathlib import Path

import pytest

TOOL = Path(__file__).parents[1] / "tools" / "browser_check.py"
_spec = importlib.util.spec_from_file_location("browser_check", TOOL)
bc = importlib.util.module_from_spec(_spec)
sys.modules["browser_check"] = bc  # dataclasses look their module up by name
_spec.loader.exec_module(bc)


def write(root: Path, files: dict[str, str | bytes]) -> Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def html_page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def png_1x1() -> bytes:
    """A valid one-pixel PNG, made here so the tests need no image library."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


# A small book in the shape Jupyter Book writes: a redirecting index.html, pages
# in folders, sentence anchors in a chapter, theme files under _static.
GOOD_SITE = {
    "index.html": '<meta http-equiv="Refresh" content="0; url=book/intro.html" />',
    "book/intro.html": html_page(
        '<h1 id="top-title">Intro</h1>'
        '<a href="../notebooks/01_source.html">chapter</a>'
        '<a href="../notebooks/01_source.html#s07">a sentence</a>'
        '<a href="#top-title">this heading</a><a href="#">top</a><a href="#top">top too</a>'
        '<a href="data/actors.csv">download</a><a href="data/actors.csv#row=2">a row</a>'
        '<a href="../notebooks/">chapters</a>'
        '<a href="https://github.com/x/y">repo</a><a href="//cdn.example.org/x.js">cdn</a>'
        '<a href="mailto:a@b.c">mail</a><a href="javascript:void(0)">js</a>'
        '<a href="../notebooks/01%20extra.html#caf%C3%A9">encoded</a>'
    ),
    "book/data/actors.csv": "actor_id,name\nA1,x\n",
    "notebooks/index.html": html_page("chapters"),
    "notebooks/01_source.html": html_page(
        '<p><span id="s07">A sentence.</span><a name="old-style">old</a></p>'
        '<a href="../book/intro.html#top-title">back</a><a href="01_source.html#old-style">self</a>'
    ),
    "notebooks/01 extra.html": html_page('<p id="café">accented</p>'),
    "_static/webpack-macros.html": "{% macro x() %}<a href='{{ nowhere }}'>x</a>{% endmacro %}",
    ".pytest_cache/README.html": html_page('<a href="gone.html">stale</a>'),
}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write(tmp_path / "html", GOOD_SITE)


# ---------------------------------------------------------------- discovery

def test_find_pages_walks_folders_and_skips_asset_and_hidden_folders(site):
    assert bc.find_pages(site) == [
        "book/intro.html",
        "index.html",
        "notebooks/01 extra.html",
        "notebooks/01_source.html",
        "notebooks/index.html",
    ]


def test_find_pages_finds_a_chapter_added_later(site):
    write(site, {"notebooks/07_new.html": html_page("new"), "appendix/deep/a.htm": html_page("a")})
    pages = bc.find_pages(site)
    assert "notebooks/07_new.html" in pages and "appendix/deep/a.htm" in pages


def test_chapter_page_is_the_first_notebook_page():
    pages = ["book/intro.html", "index.html", "notebooks/01_source.html", "notebooks/02_actors.html"]
    assert bc.chapter_page(pages) == "notebooks/01_source.html"
    assert bc.chapter_page(["book/intro.html", "index.html"]) is None


# ---------------------------------------------------------------- parsing

def test_parse_links_collects_ids_hrefs_and_the_meta_refresh():
    got = bc.parse_links(
        '<meta http-equiv="refresh" content="0; URL=\'book/intro.html\'">'
        '<h2 id="a">A</h2><a name="b"></a><map><area href="x.html#a"></map>'
        '<a href="y.html">y</a><a>no href</a><img id="c" src="p.png"/>'
    )
    assert got.ids == {"a", "b", "c"}
    assert got.refresh == "book/intro.html"
    assert got.links == ["book/intro.html", "x.html#a", "y.html"]


# ---------------------------------------------------------------- links

def test_a_sound_site_has_no_broken_link_and_counts_external_ones(site):
    problems, external = bc.check_links(site, bc.find_pages(site))
    assert problems == []
    assert external == 2  # github and the protocol-relative cdn; mailto/javascript are not links to pages


@pytest.mark.parametrize("href, kind, detail", [
    ("../notebooks/01_source.html#s99", "broken anchor", 'no id "s99" on notebooks/01_source.html'),
    ("#nowhere", "broken anchor", 'no id "nowhere" on this page'),
    ("../notebooks/03_claims.html#s07", "broken link", "no file notebooks/03_claims.html"),
    ("missing/", "broken link", "no file book/missing/index.html"),
    ("data/stances.csv", "broken link", "no file book/data/stances.csv"),
    ("../notebooks/01%20extra.html#cafe", "broken anchor", 'no id "cafe" on notebooks/01 extra.html'),
])
def test_each_kind_of_broken_link_is_reported_with_page_and_href(site, href, kind, detail):
    intro = site / "book/intro.html"
    intro.write_text(intro.read_text().replace("</body>", f'<a href="{href}">bad</a></body>'))
    problems, _ = bc.check_links(site, bc.find_pages(site))
    assert problems == [bc.Problem("book/intro.html", kind, f'href="{href}": {detail}')]


def test_a_front_page_redirecting_to_a_missing_page_is_reported(tmp_path):
    site = write(tmp_path, {"index.html": '<meta http-equiv="Refresh" content="0; url=book/intro.html" />'})
    problems, _ = bc.check_links(site, bc.find_pages(site))
    assert [(p.page, p.kind) for p in problems] == [("index.html", "broken link")]
    assert "book/intro.html" in problems[0].detail


# ---------------------------------------------------------------- server, browser lookup, report

def test_server_serves_the_book_on_a_free_localhost_port(site):
    with bc.serve(site) as server:
        assert server.url.startswith("http://127.0.0.1:") and not server.url.endswith(":0/")
        with urllib.request.urlopen(server.url + "book/data/actors.csv", timeout=5) as resp:
            assert resp.status == 200 and resp.read().startswith(b"actor_id")
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(server.url + "book/nothing.html", timeout=5)
        assert err.value.code == 404


def _fake_binary(folder: Path, name: str = "chromium") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("#!/bin/sh\n")
    path.chmod(0o755)
    return path


def test_find_chromium_prefers_the_environment_then_the_default_then_path(tmp_path):
    env_bin = _fake_binary(tmp_path / "env")
    default = _fake_binary(tmp_path / "usr/bin")
    on_path = _fake_binary(tmp_path / "path")
    nowhere = str(tmp_path / "none" / "chromium")
    assert bc.find_chromium({"CHROMIUM": str(env_bin)}, default=str(default)) == str(env_bin)
    assert bc.find_chromium({"PATH": str(on_path.parent)}, default=str(default)) == str(default)
    assert bc.find_chromium({"PATH": str(on_path.parent)}, default=nowhere) == str(on_path)


def test_find_chromium_names_the_apt_command_when_there_is_none(tmp_path):
    with pytest.raises(bc.SetupError, match="apt-get install -y chromium"):
        bc.find_chromium({"PATH": str(tmp_path)}, default=str(tmp_path / "chromium"))
    with pytest.raises(bc.SetupError, match="CHROMIUM"):
        bc.find_chromium({"CHROMIUM": str(tmp_path / "nope")})


def test_only_the_root_favicon_404_is_allowed_console_noise():
    msg = "Failed to load resource: the server responded with a status of 404 (File not found)"
    assert bc.allowed_console(msg, "favicon.ico")
    assert not bc.allowed_console(msg, "_static/favicon.ico")  # an icon the book declares
    assert not bc.allowed_console(msg, "_images/figure.png")
    assert not bc.allowed_console("Uncaught TypeError: x is undefined", "favicon.ico")


def test_report_lists_each_problem_once_with_all_its_pages():
    text = bc.format_problems([
        bc.Problem("b.html", "page error", "boom"),
        bc.Problem("a.html", "page error", "boom"),
        bc.Problem("a.html", "missing image", '<img src="x.png" alt="">'),
    ])
    assert text.splitlines() == [
        '  missing image: <img src="x.png" alt="">',
        "    on a.html",
        "  page error: boom",
        "    on a.html, b.html",
    ]


def test_main_refuses_a_folder_without_a_built_book(tmp_path, capsys):
    assert bc.main([str(tmp_path)]) == 2
    assert "build the book first" in capsys.readouterr().err


# ---------------------------------------------------------------- in the real browser

def _browser() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
        return bc.find_chromium()
    except (ImportError, bc.SetupError):
        return None


needs_browser = pytest.mark.skipif(_browser() is None, reason="needs Playwright and Chromium")


@needs_browser
def test_browser_finds_what_a_reader_would_hit(tmp_path):
    site = write(tmp_path, {
        "index.html": '<meta http-equiv="Refresh" content="0; url=good.html" />',
        "good.html": html_page('<img src="dot.png" alt="a dot"><p>fine</p>'),
        "dot.png": png_1x1(),
        "not-a-picture.png": "this is text",
        "images.html": html_page('<img src="gone.png" alt="404"><img src="not-a-picture.png" alt="junk">'
                                 '<img src="dot.png" alt="fine" loading="lazy" style="margin-top:5000px">'),
        "console.html": html_page("<script>console.error('something broke')</script>"),
        "throws.html": html_page("<script>notAFunction()</script>"),
        "offline.html": html_page('<script src="https://cdn.example.invalid/lib.js"></script>'),
    })
    problems = bc.check_in_browser(site, bc.find_pages(site), bc.find_chromium())
    found = {(p.page, p.kind) for p in problems}
    assert ("images.html", "missing image") in found
    missing = {p.detail for p in problems if p.kind == "missing image"}
    assert missing == {'<img src="gone.png" alt="404">', '<img src="not-a-picture.png" alt="junk">'}
    assert ("images.html", "HTTP error") in found  # the 404 of gone.png
    assert any(p.page == "console.html" and p.kind == "console error" and "something broke" in p.detail
               for p in problems)
    assert any(p.page == "throws.html" and p.kind == "page error" and "notAFunction" in p.detail
               for p in problems)
    assert ("offline.html", "needs another site") in found
    assert not {"good.html", "index.html"} & {p.page for p in problems}


@needs_browser
def test_main_passes_a_clean_book_and_saves_both_screenshots(tmp_path, capsys):
    site = write(tmp_path / "html", {
        "index.html": '<meta http-equiv="Refresh" content="0; url=book/intro.html" />',
        "book/intro.html": html_page('<h1>Front page</h1><a href="../notebooks/01_a.html#s01">S01</a>'),
        "notebooks/01_a.html": html_page('<h1>Chapter</h1><span id="s01">One.</span><img src="dot.png" alt="d">'),
        "notebooks/dot.png": png_1x1(),
    })
    shots = tmp_path / "shots"
    assert bc.main([str(site), "--screenshots", str(shots)]) == 0, capsys.readouterr().out
    for name in ("front.png", "chapter.png"):
        assert (shots / name).read_bytes().startswith(b"\x89PNG")
    out = capsys.readouterr().out
    assert "screenshot of notebooks/01_a.html" in out and "OK" in out
