"""tools/browser_check.py: page discovery, link and anchor checking, the server, finding Chromium,
and the layout limits (nothing wider than the text column, no chapter taller than twelve screens).

Everything here runs on tiny synthetic sites in a tmp folder. The tests marked
`needs_browser` open such a site in the real browser and are skipped where
Chromium or Playwright is missing (`.ci/run` installs Chromium before `make test`).
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


# ---------------------------------------------------------------- layout: too wide, too tall

def themed_page(body: str, head: str = "") -> str:
    """A page in the shape of sphinx-book-theme's layout, without its CSS.

    A 700-px text column (``article.bd-article`` in ``.bd-article-container``)
    beside a 400-px right-hand sidebar, both inside ``main#main-content``, so
    an element can be too wide for the column and still fit in ``main``.
    """
    return html_page(
        '<main id="main-content" class="bd-main" style="display:flex">'
        '<div class="bd-article-container" style="flex:none;width:700px">'
        f'<article class="bd-article">{body}</article></div>'
        '<div class="bd-sidebar-secondary" style="flex:none;width:400px">contents</div></main>',
        head="<style>body{margin:0} .admonition{overflow:hidden}"
             ".admonition.toggle-hidden .admonition-title ~ *{height:0;visibility:hidden}</style>" + head)


WIDE_TABLE = '<table id="wide" style="width:3000px"><tr><td>actor_id</td><td>name</td></tr></table>'
LONG_LINE = "make book && " + "x" * 300


def test_is_chapter_means_under_notebooks():
    assert bc.is_chapter("notebooks/03_claims.html")
    assert not bc.is_chapter("book/methods.html") and not bc.is_chapter("index.html")


def test_viewport_option_is_width_x_height():
    assert bc.parse_viewport("1280x800") == (1280, 800)
    assert bc.parse_viewport("390X844") == (390, 844)
    for bad in ("1280", "1280x", "x800", "0x800", "1280x800x2", "wide"):
        with pytest.raises(bc.argparse.ArgumentTypeError):
            bc.parse_viewport(bad)


@pytest.mark.parametrize("options", [["--viewport", "big"], ["--max-screens", "0"], ["--max-screens", "many"],
                                     ["--overflow-px", "-1"]])
def test_main_refuses_a_bad_limit(tmp_path, capsys, options):
    with pytest.raises(SystemExit) as exit_:
        bc.main([str(tmp_path), *options])
    assert exit_.value.code == 2 and options[0] in capsys.readouterr().err


def test_too_tall_report_gives_screens_limit_and_tallest_sections():
    text = bc.describe_too_tall(24000, [["intro", 800], ["tables", 16000], ["plots", 4000], ["end", 100]],
                                bc.Limits(1280, 800, 12))
    assert text == ("30.0 screens (24000 px at 1280x800) with every dropdown closed; the limit is 12 screens "
                    "(9600 px); tallest sections: #tables 20.0, #plots 5.0, #intro 1.0")


@needs_browser
def test_each_element_wider_than_the_column_is_named_with_its_overflow(tmp_path):
    site = write(tmp_path, {
        "table.html": themed_page(f'<section id="results"><h2>Results</h2>{WIDE_TABLE}</section>'),
        "into-sidebar.html": themed_page('<div class="cell_output docutils container" style="width:800px">'
                                         'a figure</div>'),
        "image.html": themed_page('<figure class="align-default"><img src="dot.png" alt="d" width="2000">'
                                  '</figure>'),
        "dot.png": png_1x1(),
        "code.html": themed_page(f'<section id="rerun"><div class="highlight"><pre style="overflow-x:auto">'
                                 f'{LONG_LINE}</pre></div></section>'),
        "word.html": themed_page(f'<p>see {"y" * 400}</p>'),
        "clipped.html": themed_page(f'<div class="admonition note">{WIDE_TABLE}</div>'),
    })
    problems = bc.check_in_browser(site, bc.find_pages(site), bc.find_chromium())
    assert {p.kind for p in problems} == {"too wide"}
    found = {p.page: p.detail for p in problems}
    assert sorted(found) == ["clipped.html", "code.html", "image.html", "into-sidebar.html", "table.html",
                             "word.html"]  # one report per page: the outermost element, not its parts
    assert found["table.html"] == ("section#results table#wide sticks out 2300 px past the column's right "
                                   'edge (3000 px wide in a 700 px column), starting "actor_id name"')
    # still inside main#main-content, but not inside the column
    assert found["into-sidebar.html"].startswith("div.cell_output sticks out 100 px past")
    assert found["image.html"].startswith("figure.align-default > img sticks out 1340 px")  # figure's 40-px margin
    assert found["code.html"].startswith("section#rerun div.highlight > pre scrolls sideways: its content is ")
    assert 'starting "make book && xxx' in found["code.html"]
    assert found["word.html"].startswith("p: its text runs ")
    assert "px past the column's right edge" in found["word.html"]
    assert found["clipped.html"].startswith("div.admonition.note is cut off: its content is 2300 px wider")


@needs_browser
def test_what_the_reader_does_not_see_or_the_theme_puts_outside_is_not_too_wide(tmp_path):
    hidden_math = ('<span class="math" style="display:inline-flex;overflow:hidden"><mjx-container '
                   'style="position:relative">P = Q<mjx-assistive-mml style="position:absolute;display:inline-block;'
                   'width:3000px;clip:rect(1px,1px,1px,1px)">P = Q</mjx-assistive-mml></mjx-container></span>')
    site = write(tmp_path, {
        "closed.html": themed_page(f"<details><summary>Show the table</summary>{WIDE_TABLE}"
                                   f"<pre style='overflow-x:auto'>{LONG_LINE}</pre></details>"),
        "open.html": themed_page(f"<details open><summary>Hide the table</summary>{WIDE_TABLE}</details>"),
        "toggle.html": themed_page('<div class="admonition toggle toggle-hidden"><p class="admonition-title">'
                                   f'More</p><div>{WIDE_TABLE}</div></div>'),
        "margin.html": themed_page('<aside class="margin sidebar" style="float:right;width:33%;margin-right:-36%">'
                                   'a margin note</aside><div class="cell tag_full-width" style="width:136%">'
                                   "a full-width cell</div><p>text</p>"),
        "math.html": themed_page(f"<p>Polarisation is {hidden_math}.</p>"),
        "rounding.html": themed_page('<div style="width:702px">two pixels over</div>'),
        "normal.html": themed_page('<table style="width:400px"><tr><td>a</td></tr></table>'
                                   '<pre style="overflow-x:auto">make book</pre><p>An ordinary paragraph.</p>'),
    })
    problems = bc.check_in_browser(site, bc.find_pages(site), bc.find_chromium())
    assert [(p.page, p.kind) for p in problems] == [("open.html", "too wide")]


@needs_browser
def test_a_chapter_taller_than_twelve_screens_fails_unless_the_height_is_in_dropdowns(tmp_path):
    tall = '<div style="height:24000px">thirty screens</div>'  # 30 x 800 px, in dropdowns below
    page = themed_page('<section id="chapter"><section id="long"><div style="height:23200px">long</div></section>'
                       '<section id="short"><div style="height:800px">short</div></section></section>')
    site = write(tmp_path, {
        "notebooks/01_tall.html": page,
        "book/methods.html": page,  # not a chapter: no height limit
        "notebooks/02_dropdowns.html": themed_page(
            f'<details class="sd-dropdown" open><summary>Open at first</summary>{tall}</details>'
            f'<details class="hide below-input"><summary>Show output</summary>{tall}</details>'
            f'<div class="admonition dropdown toggle"><p class="admonition-title">Toggle</p><div>{tall}</div></div>'),
        "notebooks/03_short.html": themed_page('<div style="height:9600px">exactly twelve screens</div>'),
    })
    problems = bc.check_in_browser(site, bc.find_pages(site), bc.find_chromium())
    assert [(p.page, p.kind) for p in problems] == [("notebooks/01_tall.html", "too tall")]
    assert problems[0].detail.startswith("30.0 screens (24000 px at 1280x800) with every dropdown closed; "
                                         "the limit is 12 screens (9600 px); tallest sections: #long 29.0, #short 1.0")


@needs_browser
def test_main_enforces_the_limits_by_default_and_the_options_change_them(tmp_path, capsys):
    site = write(tmp_path / "html", {
        "index.html": '<meta http-equiv="Refresh" content="0; url=book/intro.html" />',
        "book/intro.html": themed_page('<div id="banner" style="width:705px">five pixels over</div>'),
        "notebooks/01_a.html": themed_page('<div style="height:24000px">thirty screens</div>'),
    })
    assert bc.main([str(site)]) == 1
    out = capsys.readouterr().out
    assert "at 1280x800" in out and "at most 12 screens (9600 px)" in out
    assert "too tall: 30.0 screens" in out and "on notebooks/01_a.html" in out
    assert "too wide: div#banner sticks out 5 px" in out and "on book/intro.html" in out
    assert bc.main([str(site), "--max-screens", "30", "--overflow-px", "5"]) == 0, capsys.readouterr().out
    assert bc.main([str(site), "--viewport", "1280x2000", "--overflow-px", "5"]) == 0, capsys.readouterr().out
    assert bc.main([str(site), "--viewport", "1280x1000"]) == 1  # 24 screens of 1000 px
    assert "too tall: 24.0 screens (24000 px at 1280x1000)" in capsys.readouterr().out
