"""HTML views for the book: the article with its statements highlighted, and linked tables.

All article text placed in HTML goes through :func:`html.escape`, so an
article containing markup (``<script>``) is shown as text. Every sentence of
the article view carries an anchor (``#s07``) that tables link to, so a
reader can get from any row to the sentence it came from.
"""
from __future__ import annotations

import html
from typing import Iterable

import pandas as pd

from .corpus import Article
from .plots import colour_for

ARTICLE_PAGE = "03_claims.html"


def sentence_ref(index: int) -> str:
    """The reader-facing id of a sentence (0-based index -> ``S01``)."""
    return f"S{index + 1:02d}"


def sentence_anchor(index: int) -> str:
    """The HTML anchor of a sentence in the article view."""
    return f"s{index + 1:02d}"


def sentence_link(index: int, page: str = ARTICLE_PAGE) -> str:
    """A link to a sentence of the highlighted article."""
    return f'<a href="{page}#{sentence_anchor(index)}">{sentence_ref(index)}</a>'


def _style(colour: str) -> str:
    return f"background:{colour}33;border-bottom:2px solid {colour};"


def article_html(
    article: Article,
    quotes: pd.DataFrame | None = None,
    actors: pd.DataFrame | None = None,
    entities: Iterable[tuple[int, int, str]] = (),
) -> str:
    """The original article, paragraph by paragraph, with anchors on every sentence.

    ``quotes`` highlights each statement in its speaker's institution colour
    and labels it with the speaker; ``entities`` (original offsets and a
    label) marks named entities instead.
    """
    text = article.original
    marks: list[tuple[int, int, str, str]] = []  # start, end, style, label
    if quotes is not None and len(quotes):
        inst = dict(zip(actors["actor_id"], actors["institution"])) if actors is not None else {}
        for q in quotes.itertuples(index=False):
            ids = [i for i in str(q.speaker_id).split(";") if i]
            colour = colour_for(inst.get(ids[0], "") if len(ids) == 1 else ("a;b" if ids else ""))
            marks.append((int(q.start), int(q.end), _style(colour), f"{q.quote_id} {q.speaker}"))
    for s, e, label in entities:
        marks.append((int(s), int(e), _style("#888888"), label))
    marks.sort()

    out = ['<div class="article-view" style="line-height:1.7;font-family:Georgia,serif;">']
    for para in article.paragraphs:
        tag = "h4" if para.kind == "heading" else "p"
        out.append(f"<{tag}>")
        for sent in (s for s in article.sentences if s.paragraph == para.index):
            out.append(f'<span id="{sentence_anchor(sent.index)}" class="sentence">'
                       f'<sup style="color:#777;font-family:sans-serif;font-size:70%">{sentence_ref(sent.index)}</sup> ')
            pos = sent.start
            for ms, me, style, label in marks:
                a, b = max(ms, sent.start), min(me, sent.end)
                if a >= b or a < pos:
                    continue
                out.append(html.escape(text[pos:a]))
                first = ms >= sent.start
                lab = (f'<sub style="font-family:sans-serif;font-size:70%;color:#333">[{html.escape(label)}]</sub>'
                       if first else "")
                out.append(f'<mark style="{style}" title="{html.escape(label, quote=True)}">'
                           f"{html.escape(text[a:b])}</mark>{lab}")
                pos = b
            out.append(html.escape(text[pos:sent.end]))
            out.append("</span> ")
        out.append(f"</{tag}>")
    out.append("</div>")
    return "".join(out)


def html_table(df: pd.DataFrame, sentence_column: str | None = None, page: str = ARTICLE_PAGE,
               index: bool = False) -> str:
    """A table with every cell escaped and, optionally, a column of links to sentences."""
    shown = df.copy()
    shown.columns = [html.escape(str(c)) for c in shown.columns]
    shown.index = [html.escape(str(i)) for i in shown.index]
    if sentence_column is not None:
        sentence_column = html.escape(str(sentence_column))
    for col in shown.columns:
        if col == sentence_column:
            continue
        shown[col] = shown[col].map(lambda v: html.escape(str(v)) if not isinstance(v, float) else f"{v:.2f}")
    if sentence_column:
        shown[sentence_column] = shown[sentence_column].map(
            lambda v: " ".join(sentence_link(int(i), page) for i in str(v).split(";") if str(i).strip().lstrip("-").isdigit())
        )
    return shown.to_html(index=index, escape=False, border=0, classes="dataframe analysis-table")


def hierarchy_html(actors: pd.DataFrame) -> str:
    """Country -> institution -> actors, as a nested list (the institutional map of the story)."""
    people = actors[actors["type"].isin(["person", "anonymous", "group", "organization"])]
    tree: dict[str, dict[str, list[str]]] = {}
    for r in people.itertuples(index=False):
        country = r.country or "country not stated"
        for inst in [i.strip() for i in str(r.institution).split(";") if i.strip()] or ["institution not stated"]:
            label = html.escape(r.name)
            if r.role and r.type != "organization":
                label += f' <span style="color:#666">({html.escape(r.role)}{", former" if r.former else ""})</span>'
            tree.setdefault(country, {}).setdefault(inst, []).append(label)
    out = ['<ul class="actor-hierarchy">']
    for country in sorted(tree, key=lambda c: (c == "country not stated", c)):
        out.append(f"<li><strong>{html.escape(country)}</strong><ul>")
        for inst in sorted(tree[country], key=lambda i: (i == "institution not stated", i)):
            colour = colour_for(inst if inst != "institution not stated" else "")
            out.append(f'<li><span style="display:inline-block;width:.8em;height:.8em;background:{colour};'
                       f'margin-right:.4em"></span>{html.escape(inst)}<ul>')
            out.extend(f"<li>{item}</li>" for item in tree[country][inst])
            out.append("</ul></li>")
        out.append("</ul></li>")
    out.append("</ul>")
    return "".join(out)


def md_code(text: str) -> str:
    """Text safe inside an inline code span of Markdown (no backticks)."""
    return str(text).replace("`", "'")


def dropdown(summary: str, body_html: str, open_: bool = False) -> str:
    """Fold a table or a long view into a ``<details>`` element a reader opens on demand.

    ``summary`` is plain text (escaped here); ``body_html`` is HTML already escaped by
    :func:`html_table` or :func:`article_html`.
    """
    attr = " open" if open_ else ""
    return (f'<details class="analysis-dropdown"{attr}><summary>{html.escape(summary)}</summary>'
            f'<div class="analysis-dropdown-body">{body_html}</div></details>')


def shorten(text: str, words: int = 14) -> str:
    """The first words of a text, with an ellipsis when it was cut (for narrow table cells)."""
    parts = str(text).split()
    return " ".join(parts[:words]) + (" \u2026" if len(parts) > words else "")
