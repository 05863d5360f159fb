"""The book's prose: findings told in sentences built from the analysis, for any story.

Every sentence here adapts to what the story holds (an issue or none, one
voice or many, named and unnamed sources, no statements at all), so a new
article in ``seeds/`` gets a book that reads right without a template hole.
Everything taken from the article passes through :func:`md`, which escapes
Markdown and HTML, so a story that quotes markup (``<script>``) or uses
dollar signs ("a $15 wage", which MyST would read as mathematics) is shown as
text.

Functions return Markdown strings; the notebooks display them with
``IPython.display.Markdown``.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from . import ROOT
from .frames import records
from .issues import headline_sentences

ACCURACY_FILE = ROOT / "book" / "corpus_accuracy.json"
SIDES = ((2, "support"), (1, "conditional support"), (0, "neutral or unclear"), (-1, "skeptical"), (-2, "opposed"))
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#|~$!])")


def md(text: object) -> str:
    """Text from an article, safe inside Markdown: HTML and Markdown syntax are escaped."""
    s = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _MD_SPECIAL.sub(r"\\\1", s)
    return re.sub(r"\s+", " ", s).strip()


def listing(items: list[str], conj: str = "and") -> str:
    """'A', 'A and B', 'A, B and C' (items already escaped)."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {conj} " + items[-1]


def count(n: int, singular: str, plural: str | None = None) -> str:
    """'1 voice', '3 voices', 'no voice'."""
    if n == 0:
        return f"no {singular}"
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"


# --------------------------------------------------------------------------- the article

@dataclass(frozen=True)
class Facts:
    """What the book can say about where a story comes from."""

    headline: str          # the headline, or the first line when the text has none
    has_headline: bool
    outlet: str            # "" when neither the text nor a metadata file says
    date: str
    place: str
    url: str = ""


def facts(article) -> Facts:
    """Headline, outlet, date and place, from ``<article>.meta.yml`` when there is one, else the text."""
    meta: dict = {}
    if getattr(article, "path", ""):
        path = Path(article.path)
        candidate = path.with_name(path.stem + ".meta.yml")
        if candidate.is_file():
            try:
                meta = yaml.safe_load(candidate.read_text(encoding="utf-8")) or {}
            except (OSError, yaml.YAMLError):
                meta = {}
    heads = sorted(headline_sentences(article))
    if meta.get("title"):
        headline, has = str(meta["title"]), True
    elif heads:
        seg = article.sentences[heads[0]]
        headline, has = article.original[seg.start:seg.end], True
    else:
        first = article.sentences[0] if article.sentences else None
        text = article.original[first.start:first.end] if first is not None else ""
        text = text[len(article.dateline):] if article.dateline and text.startswith(article.dateline) else text
        words = text.split()
        headline, has = " ".join(words[:25]) + (" \u2026" if len(words) > 25 else ""), False
    return Facts(headline.strip(), has, str(meta.get("outlet") or article.source or ""), str(meta.get("date") or ""),
                 str(meta.get("place") or (article.place.title() if article.place else "")), str(meta.get("url") or ""))


# --------------------------------------------------------------------------- voices

@dataclass(frozen=True)
class Voice:
    """A principal and the voices that speak for it, with their position on the main issue."""

    principal: str          # actor id
    name: str
    score: int
    members: tuple[str, ...]   # names of the voices that speak for the principal (spokespeople ...)
    unnamed: bool
    conditions: tuple[str, ...]


def voices(a) -> list[Voice]:
    """The positions on the main issue, each principal counted once with its spokespeople."""
    st = records(a.main_stances)
    if not st:
        return []
    info = a.actors.info
    links = {aid: r.get("speaks_for", "") for aid, r in info.items() if r.get("speaks_for")}
    placed = {r["actor_id"]: r for r in st}
    groups: dict[str, list[dict]] = {}
    for r in st:
        chain = [r["actor_id"]]
        while chain[-1] in links and links[chain[-1]] not in chain:
            chain.append(links[chain[-1]])
        head = [a for a in chain if a in placed][-1]  # the furthest principal that takes a position
        groups.setdefault(head, []).append(r)
    out = []
    for head, rows in groups.items():
        own = placed[head]
        members = tuple(info[r["actor_id"]]["name"] for r in rows if r["actor_id"] != head)
        conditions = tuple(c for r in rows for c in str(r.get("conditions") or "").split("; ") if c)
        out.append(Voice(head, info[head]["name"], int(own["score"]), members,
                         info[head]["type"] in ("anonymous", "group"), conditions))
    out.sort(key=lambda v: (-v.score, v.principal))
    return out


def _who(vs: list[Voice], limit: int = 6) -> str:
    names = []
    for v in vs[:limit]:
        name = md(v.name)
        if v.members:
            name += f" (with {listing([md(m) for m in v.members])})"
        names.append(name)
    if len(vs) > limit:
        names.append(f"{len(vs) - limit} more")
    return listing(names)


def side_sentence(vs: list[Voice]) -> str:
    """'3 support it (A, B and C); 1 supports it only with conditions (D); 2 oppose it (E, F).'"""
    parts = []
    verbs = {2: ("supports it", "support it"), 1: ("supports it only with conditions", "support it only with conditions"),
             0: ("takes no clear side", "take no clear side"), -1: ("is skeptical", "are skeptical"),
             -2: ("opposes it", "oppose it")}
    for score, _label in SIDES:
        here = [v for v in vs if v.score == score]
        if here:
            one, many = verbs[score]
            parts.append(f"{len(here)} {one if len(here) == 1 else many} ({_who(here)})")
    return "; ".join(parts)


def record_sentence(a, vs: list[Voice]) -> str:
    """Who speaks on the record and who does not, and which side the unnamed take."""
    quotes = a.quotes
    if quotes.empty:
        return ""
    kinds = quotes["speaker_type"].fillna("")
    unnamed = int(kinds.isin(["anonymous", "group"]).sum())
    total = len(quotes)
    share = unnamed / total if total else 0.0
    if unnamed == 0:
        return f"All {count(total, 'statement')} come from named sources."
    against = [v for v in vs if v.score < 0]
    support = [v for v in vs if v.score > 0]
    text = f"{share:.0%} of the {count(total, 'statement')} come from sources the reader cannot name"
    if against and sum(v.unnamed for v in against) * 2 > len(against) and not any(v.unnamed for v in support):
        text += ", and the doubt and opposition come mostly from them, while those on the record back the plan"
    elif support and sum(v.unnamed for v in support) * 2 > len(support) and not any(v.unnamed for v in against):
        text += ", and the support comes mostly from them"
    return text + "."


def lede(a) -> str:
    """The story's main finding in two or three plain sentences."""
    issue = a.issue
    if a.quotes.empty and issue is None:
        return ("The story reports no statements and no course of action in dispute: there are no voices to "
                "place, and the book shows the text and the actors it names.")
    if issue is None:
        n = a.quotes["speaker_id"].replace("", pd.NA).dropna().nunique()
        return (f"No course of action or disputed remark stands out in this story, so the book places no "
                f"positions; it shows who speaks ({count(int(n), 'speaker')}) and what they say.")
    what = ("the remark at the centre of the dispute, " if issue.kind == "contested" else "") + f"**{md(issue.label)}**"
    owner = f", owned by {md(issue.owner)}" if issue.owner and issue.owner.split()[-1] not in issue.label else ""
    vs = voices(a)
    first = f"At stake is {what}{owner}."
    if not vs:
        return first + " No voice in the story says where it stands on it."
    sides = side_sentence(vs)
    second = f" Of {count(len(vs), 'voice')} (each counted once with those who speak for it), {sides}."
    conditions = [c for v in vs if v.score == 1 for c in v.conditions]
    third = ""
    if conditions:
        third = f" The condition most often attached: \u201c{md(shorten(conditions[0], 18))}\u201d."
    return first + second + third + (" " + record_sentence(a, vs) if record_sentence(a, vs) else "")


def shorten(text: str, words: int = 14) -> str:
    parts = str(text).split()
    return " ".join(parts[:words]) + (" \u2026" if len(parts) > words else "")


# --------------------------------------------------------------------------- accuracy

def corpus_accuracy(path: Path = ACCURACY_FILE) -> dict:
    """The figures measured on other stories by ``tools/corpus_accuracy.py --write`` ({} if missing)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def accuracy_markdown(figures: dict, seed: dict | None = None) -> str:
    """Accuracy on stories the rules never saw, with the development set and the seed for contrast."""
    held = figures.get("heldout", {})
    lines = []
    st = held.get("statements", {}).get("all")
    po = held.get("positions", {}).get("all")
    if st:
        lines.append(f"- **Statements found** (F1): {st['F1']:.2f}; **speakers right**: "
                     f"{st['speaker_accuracy']:.2f} ({st['stories']} held-out stories, {st['gold']} statements)")
    if po:
        lines.append(f"- **Positions inside the annotators' interval**: {po['inside_share']:.0%} of {po['voices']} "
                     f"voices in {po['stories']} held-out stories (placing every voice at *conditional support* "
                     f"would score {po['baseline_plus_one']:.0%})")
    if not lines:
        lines.append("- Accuracy on other stories has not been measured on this machine "
                     "(`python tools/corpus_accuracy.py --write`).")
    if seed:
        lines.append(f"- On this article, which the rules were written on (so the figure flatters them): "
                     f"statements F1 {seed['statements']:.2f}, speakers {seed['speakers']:.2f}")
    return "\n".join(lines)
