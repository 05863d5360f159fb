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
from .views import shorten
from .actors import principal_chain
from .corpus import headline_sentences

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
        chain = principal_chain(links, r["actor_id"])
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


def _short_name(name: str, person: bool) -> str:
    return name.split()[-1] if person and name.split() else name


def _who(vs: list[Voice], limit: int = 6, short: bool = False, info: dict | None = None) -> str:
    names = []
    for v in vs[:limit]:
        person = bool(info and info.get(v.principal, {}).get("type") == "person")
        name = md(_short_name(v.name, person) if short else v.name)
        if v.members and not short:
            name += f" (with {listing([md(m) for m in v.members])})"
        names.append(name)
    if len(vs) > limit:
        names.append(f"{len(vs) - limit} more")
    return listing(names)


def side_sentence(vs: list[Voice], short: bool = False, info: dict | None = None) -> str:
    """'3 support it (A, B and C); 1 supports it only with conditions (D); 2 oppose it (E, F).'"""
    parts = []
    verbs = {2: ("supports it", "support it"), 1: ("supports it only with conditions", "support it only with conditions"),
             0: ("takes no clear side", "take no clear side"), -1: ("is skeptical", "are skeptical"),
             -2: ("opposes it", "oppose it")}
    for score, _label in SIDES:
        here = [v for v in vs if v.score == score]
        if here:
            one, many = verbs[score]
            parts.append(f"{len(here)} {one if len(here) == 1 else many} ({_who(here, short=short, info=info)})")
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
    if against and support and sum(v.unnamed for v in against) * 2 > len(against) and not any(
            v.unnamed for v in support):
        text += ", and the doubt and opposition come mostly from them, while those on the record back it"
    elif support and sum(v.unnamed for v in support) * 2 > len(support) and not any(v.unnamed for v in against):
        text += ", and the support comes mostly from them"
    return text + "."


def sides_taken_in_words(a) -> bool:
    """Does a voice other than the owner take a side on the main issue by more than tone (a stance
    word, a condition, a predicted effect, a reported reaction, a relation to its partner, speaking
    for a camp)?"""
    from .reading import TONE_SOURCES

    issue = a.issue
    ev = a.stances.evidence
    if issue is None or ev.empty:
        return False
    ev = ev[(ev["issue_id"] == issue.issue_id) & ~ev["source"].isin(TONE_SOURCES) & (ev["actor_id"] != issue.owner_id)]
    return bool((ev["score"].fillna(0) != 0).any())


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
    sides = side_sentence(vs, short=True, info=a.actors.info)
    second = f" Of {count(len(vs), 'voice')}, each counted once with those who speak for it, {sides}."
    if not sides_taken_in_words(a):
        second += (f" {'No one but its owner' if issue.owner_id else 'No one'} takes a side in words of support "
                   "or opposition, a condition or a reported reaction: these positions are read from the tone "
                   "of what each voice says.")
    conditions = [c for v in vs if v.score == 1 for c in v.conditions]
    third = ""
    if conditions:
        third = f" The condition most often attached: \u201c{md(shorten(conditions[0], 18))}\u201d."
    return first + second + third + (" " + record_sentence(a, vs) if record_sentence(a, vs) else "")


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


# --------------------------------------------------------------------------- the front page

def story_header(f: Facts) -> str:
    """The headline (or the first line), outlet, place and date, as far as they are known."""
    head = f"> **{md(f.headline)}**" if f.has_headline else f"> *The text has no headline; it opens:* {md(f.headline)}"
    bits = []
    if f.outlet:
        bits.append(f"a story by {md(f.outlet)}" if not f.url else f"a story by [{md(f.outlet)}]({f.url})")
    else:
        bits.append("a story whose outlet the text does not name")
    if f.place:
        bits.append(f"datelined {md(f.place)}")
    bits.append(f"dated {md(f.date)}" if f.date else "undated in the text")
    line = "; ".join(bits)
    return head + "\n\n" + line[:1].upper() + line[1:] + "."


def chart_title(a) -> str:
    issue = a.issue
    if issue is None:
        return "No issue found: no positions to place"
    return "Who stands where on " + shorten(issue.label, 9)


def seed_scores(a) -> dict | None:
    """Statement F1 and speaker accuracy on this article when it has a hand annotation."""
    from . import GOLD
    from .evaluate import evaluate, load_gold

    path = GOLD / f"{a.doc_id}.yml"
    if not path.is_file():
        return None
    ev = evaluate(a, load_gold(path))
    return {"statements": ev.value("statements", "F1"), "speakers": ev.value("speakers", "accuracy (matched statements)")}


# --------------------------------------------------------------------------- chapter findings

def source_finding(a, review: pd.DataFrame, model: str) -> str:
    art = a.article
    headings = sum(1 for p in art.paragraphs if p.kind == "heading")
    changed = int((review["verdict"] != "kept").sum()) if len(review) else 0
    parts = [f"The article has {count(len(art.original), 'character')} in {count(len(art.sentences), 'sentence')} and "
             f"{count(len(art.paragraphs), 'paragraph')}"]
    if headings:
        parts.append(f", {count(headings, 'heading')} among them")
    text = "".join(parts) + "."
    text += (f" Cleaning made {count(len(art.repairs), 'repair')}, each listed below with its reason and each "
             f"reversible to the original characters." if art.repairs else " Its text needed no repair.")
    if len(review):
        text += (f" The language model ({md(model)}) found {count(len(review), 'named entity', 'named entities')}; "
                 f"the actor rules read {changed} of them differently (a title, a place, a possessive).")
    for w in art.warnings:
        text += f" Warning: {md(w)}."
    return text


def actors_finding(a) -> str:
    actors = a.actors.actors
    if actors.empty:
        return "No actor was found in this story: it names no person, organisation or country that acts or speaks."
    by = actors["type"].value_counts()
    kinds = [count(int(by.get(k, 0)), s, p) for k, s, p in (
        ("person", "person", "people"), ("organization", "organisation", None), ("country", "country", "countries"),
        ("anonymous", "unnamed source", None), ("group", "group", None)) if by.get(k, 0)]
    top = actors.sort_values(["mentions", "actor_id"], ascending=[False, True]).iloc[0]
    text = (f"The story has {count(len(actors), 'actor')}: {listing(kinds)}. The most mentioned is "
            f"{md(top['name'])} ({count(int(top['mentions']), 'mention')}).")
    links = actors[actors["speaks_for"].astype(str) != ""]
    if len(links):
        names = dict(zip(actors["actor_id"], actors["name"]))
        pairs = [f"{md(r.name)} for {md(names.get(r.speaks_for, r.speaks_for))}" for r in links.itertuples()][:4]
        text += f" {count(len(links), 'actor')} speak{'s' if len(links) == 1 else ''} for another: {listing(pairs)}."
    return text


def speaks_for_table(a) -> pd.DataFrame:
    actors = a.actors.actors
    names = dict(zip(actors["actor_id"], actors["name"]))
    rows = [{"voice": r.name, "role": r.role, "speaks for": names.get(r.speaks_for, "")}
            for r in actors.itertuples() if str(r.speaks_for)]
    return pd.DataFrame(rows, columns=["voice", "role", "speaks for"])


def speaker_counts(a) -> pd.DataFrame:
    quotes = a.quotes
    if quotes.empty:
        return pd.DataFrame(columns=["speaker", "speaker_id", "statements", "words", "institution"])
    inst = dict(zip(a.actors.actors["actor_id"], a.actors.actors["institution"]))
    counts = (quotes.assign(words=quotes["text"].str.split().str.len())
              .groupby(["speaker", "speaker_id"], as_index=False)
              .agg(statements=("quote_id", "count"), words=("words", "sum")))
    counts["institution"] = [inst.get(i, "") if ";" not in i else "several;institutions" for i in counts["speaker_id"]]
    return counts.sort_values(["statements", "words", "speaker"], ascending=[False, False, True]).reset_index(drop=True)


def claims_finding(a) -> str:
    quotes = a.quotes
    if quotes.empty:
        return "The story attributes no statement to anyone: it is told in the reporter's own voice."
    kinds = quotes["kind"].value_counts()
    kind_text = listing([f"{int(kinds[k])} {k}" for k in ("direct", "indirect", "mixed") if kinds.get(k, 0)])
    counts = speaker_counts(a)
    top = counts.iloc[0]
    unresolved = int((quotes["speaker"] == "unresolved").sum())
    text = (f"The story has {count(len(quotes), 'statement')} ({kind_text}) by "
            f"{count(int((counts['speaker'] != 'unresolved').sum()), 'speaker')}, split into "
            f"{count(len(a.claims), 'claim')}. {md(top['speaker'])} speaks most: "
            f"{count(int(top['statements']), 'statement')}, {count(int(top['words']), 'word')}.")
    rec = record_sentence(a, voices(a))
    if rec:
        text += " " + rec
    if unresolved:
        text += f" The text does not settle the speaker of {count(unresolved, 'statement')}."
    return text


def positions_finding(a) -> str:
    return lede(a)


def issue_markdown(a) -> str:
    issue = a.issue
    if issue is None:
        return ("**No issue found.** No plan, bill, deal or other course of action is referred to often enough, "
                "and no remark is disputed, so no position is placed. An analyst who knows what is at stake can "
                "name it in a codebook next to the article (see the methods page).")
    lines = [f"- **The issue:** {md(issue.label)}" + (" (a remark in dispute)" if issue.kind == "contested" else "")]
    lines.append(f"- **Owner:** {md(issue.owner)}" if issue.owner else "- **Owner:** not named in the text")
    lines.append(f"- **Referred to:** {count(len(issue.mentions), 'time')}")
    if issue.source == "codebook":
        lines.append(f"- **Changed by the analyst's codebook:** {md('; '.join(issue.changes))}")
    others = a.issues.issues[1:3]
    if others:
        lines.append("- **Also at stake, less prominently:** " + "; ".join(md(o.label) for o in others))
    return "\n".join(lines)


def positions_table(a) -> pd.DataFrame:
    st = a.main_stances
    cols = ["voice", "institution", "position", "conditions", "evidence", "confidence"]
    if st.empty:
        return pd.DataFrame(columns=cols)
    return pd.DataFrame({"voice": st["actor"], "institution": st["institution"],
                         "position": [f"{s:+d} {lab}" for s, lab in zip(st["score"], st["stance"])],
                         "conditions": [" / ".join(shorten(c, 12) for c in str(x).split("; ") if c)
                                        for x in st["conditions"]],
                         "evidence": st["evidence"], "confidence": st["confidence"]}, columns=cols)


def evidence_table(a) -> pd.DataFrame:
    ev = a.stances.evidence
    main = a.issue.issue_id if a.issue is not None else ""
    ev = ev[ev["issue_id"] == main]
    names = dict(zip(a.actors.actors["actor_id"], a.actors.actors["name"]))
    return pd.DataFrame({
        "voice": ev["actor_id"].map(names), "source": ev["source"],
        "score": ev["score"].map(lambda v: "" if pd.isna(v) else f"{int(v):+d}"),
        "cue": ev["cue"], "text": [shorten(t, 20) for t in ev["text"]],
        "sentence": [a.article.sentence_index(s) for s in ev["start"]],
    }, columns=["voice", "source", "score", "cue", "text", "sentence"])


def silent_voices(a) -> list[str]:
    placed = set(a.main_stances["actor_id"])
    info = a.actors.info
    return [md(info[v]["name"]) for v in a.stances.voices if v in info and v not in placed
            and a.issue is not None]


def disagreement_finding(a, split) -> str:
    if a.issue is None:
        return ("With no issue at stake, the disagreement is read from the claims alone: " +
                (f"{count(len(split.camps), 'camp')} of actors who agree on the same concepts." if split.camps
                 else "no two actors agree or disagree on the same concept, so there are no camps."))
    if not split.camps:
        return "No two voices agree or conflict on the same concept, so the story shows no camps."
    camps = []
    for c in split.camps:
        from .stance import label
        camps.append(f"camp {c.coalition} ({label(int(max(-2, min(2, round(c.mean_score)))))}: "
                     f"{listing([md(m) for m in c.members[:4]] + ([f'{len(c.members) - 4} more'] if len(c.members) > 4 else []))})")
    text = f"The voices fall into {count(len(split.camps), 'camp')}: {'; '.join(camps)}."
    if split.dividing:
        text += f" They divide over {listing([f'“{md(d)}”' for d in split.dividing[:2]])}"
        text += (f", and share {listing([f'“{md(s)}”' for s in split.shared[:1]])}." if split.shared else ".")
    elif split.shared:
        text += f" They share {listing([f'“{md(s)}”' for s in split.shared[:2]])}."
    text += f" Polarisation is {a.network.polarisation:.2f} on Leifeld's measure (0: the division explains nothing)."
    return text


def split_markdown(a, split) -> str:
    """The camps told in prose, each with what it demands, agrees with and says."""
    from .stance import label

    if not split.camps:
        return "*No camps: no two voices take sides on the same concept.*"
    claims = a.claims.set_index("claim_id") if len(a.claims) else a.claims
    lines = []
    for camp in split.camps:
        head = label(int(max(-2, min(2, round(camp.mean_score)))))
        lines.append(f"**Camp {camp.coalition}** ({count(len(camp.members), 'voice')}, on average *{head}*): "
                     f"{listing([md(m) for m in camp.members])}.")
        if camp.conditions:
            lines.append("- Conditions they attach: " + "; ".join(f"“{md(shorten(c, 18))}”" for c in camp.conditions[:3]) + ".")
        if camp.agrees_with:
            lines.append("- What most of them agree with: " + "; ".join(f"“{md(x)}”" for x in camp.agrees_with[:3]) + ".")
        quoted = [cid for cid in camp.evidence if cid in claims.index][:2]
        if quoted:
            lines.append("- What they say, for example: " + "; ".join(
                f"“{md(shorten(claims.loc[c, 'text'], 18))}” ({c})" for c in quoted) + ".")
        lines.append("")
    if split.shared:
        lines.append("**Common ground:** " + "; ".join(f"“{md(x)}”" for x in split.shared[:4]) + ".")
        lines.append("")
    if split.dividing:
        lines.append("**Fault lines:** " + "; ".join(f"“{md(x)}”" for x in split.dividing[:4]) + ".")
        lines.append("")
    if split.unaligned:
        lines.append("**Not aligned with any camp:** " + listing([md(x) for x in split.unaligned]) + ".")
    return "\n".join(lines)


# --------------------------------------------------------------------------- validation

def validation_finding(a, ev, figures: dict) -> str:
    held = figures.get("heldout", {})
    st = held.get("statements", {}).get("all")
    po = held.get("positions", {}).get("all")
    parts = []
    if st and po:
        parts.append(f"On held-out stories from several outlets, the rules find statements with F1 {st['F1']:.2f} "
                     f"and the right speaker for {st['speaker_accuracy']:.0%} of them ({st['stories']} stories), and "
                     f"place {po['inside_share']:.0%} of voices inside the annotators' interval ({po['stories']} stories; "
                     f"placing everyone at *conditional support* would score {po['baseline_plus_one']:.0%}).")
    else:
        parts.append("Accuracy on other stories has not been measured on this machine.")
    if ev is None:
        parts.append("This article has no hand annotation, so it is measured only through those stories.")
    else:
        pos = ev.positions
        inside = int((pos["difference"] == 0).sum()) if len(pos) else 0
        parts.append(f"On this article, which the rules were written on (so the figures flatter them): statements "
                     f"F1 {ev.value('statements', 'F1'):.2f}, speakers {ev.value('speakers', 'accuracy (matched statements)'):.2f}, "
                     f"and {inside} of {len(pos)} positions exactly as annotated.")
    return " ".join(parts)


def validation_rows(ev) -> list[tuple[str, int, int, object]]:
    rows = []
    for r in ev.positions.itertuples(index=False):
        placed = r.actor_id and r.actor != "(no position found)"
        rows.append((r.gold_actor, int(r.gold_score), int(r.gold_score), int(r.score) if placed else None))
    return rows


def seed_table(ev) -> pd.DataFrame:
    wanted = [("statements", "F1"), ("statements", "precision"), ("statements", "recall"),
              ("speakers", "accuracy (matched statements)"), ("actors", "precision"), ("actors", "recall"),
              ("mentions", "F1"), ("positions", "exact"), ("positions", "within one step")]
    rows = [{"measure": f"{lvl}: {m}", "value": ev.value(lvl, m)} for lvl, m in wanted
            if ev.value(lvl, m) == ev.value(lvl, m)]
    return pd.DataFrame(rows, columns=["measure", "value"])


def _share(v: dict, key: str) -> str:
    """A share of voices as a percentage, '–' for a row with no voices (no share to give)."""
    return f"{v[key]:.0%}" if v.get("voices") else "–"


def _e2e(v: dict) -> str:
    """End-to-end F1 (statement found with the right speaker), '–' in figures measured before it was."""
    return f"{v['end_to_end_F1']:.2f}" if "end_to_end_F1" in v else "–"


#: How a batch was scored, unless its file says more (a '# note:' line).
_BATCH = "annotated in one stop and scored, not read, while that stop's rules were written; development stories since"


def _sources_first(rows: dict) -> list[tuple[str, dict]]:
    """A table's rows in reading order: each source, then the U.S. outlets together, then all (the
    figures file keeps its keys sorted, which put the totals first)."""
    last = ("U.S. outlets", "all")
    return [(k, v) for k, v in rows.items() if k not in last] + [(k, rows[k]) for k in last if k in rows]


def natural_key(name: str) -> list:
    """Sort key that reads the numbers in a name as numbers ("abc9" before "abc10")."""
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", name)]


def corpus_tables(figures: dict) -> str:
    """The measured figures per source, as Markdown tables (no article text)."""
    if not figures:
        return "*Not measured on this machine: run `python tools/corpus_accuracy.py --write`.*"
    heldout = _family_tables(figures.get("heldout", {}), "Held-out stories (only ever scored)")
    batches = sorted(figures.get("batches", {}).items(), key=lambda kv: natural_key(kv[0]))
    folded = [line for name, sets in batches
              for line in _family_tables(sets, f"Batch {name} ({(sets.get('note') or _BATCH).rstrip('.')})")]
    if folded:  # closed by default: each batch's two tables and note would make the chapter very long
        summary = f"{len(batches)} batches scored before they were read (open for their tables)"
        folded = ['<details class="analysis-dropdown"><summary>' + summary + "</summary>",
                  '<div class="analysis-dropdown-body">', "", *folded, "</div>", "</details>", ""]
    development = _family_tables(figures.get("development", {}),
                                 "Development stories (read while the rules were written)")
    out = heldout + folded + development
    return "\n".join(out)


def _family_tables(sets: dict, title: str) -> list[str]:
    """The statements and positions tables of one set of stories, as Markdown lines."""
    out: list[str] = []
    st = sets.get("statements", {})
    if st:
        out += [f"**{title}: statements and speakers**", "",
                "| source | stories | statements | F1 | speakers right | unresolved | end-to-end F1 |",
                "|---|---:|---:|---:|---:|---:|---:|"]
        out += [f"| {k} | {v['stories']} | {v['gold']} | {v['F1']:.2f} | {v['speaker_accuracy']:.2f} | "
                f"{v['unresolved_share']:.0%} | {_e2e(v)} |" for k, v in _sources_first(st)]
        out.append("")
    po = sets.get("positions", {})
    if po:
        out += [f"**{title}: positions**", "",
                "| source | stories | voices | inside the interval | within one step | all at +1 | issue found "
                "| issue labelled alike |",
                "|---|---:|---:|---:|---:|---:|---:|---:|"]
        out += [f"| {k} | {v['stories']} | {v['voices']} | {_share(v, 'inside_share')} | "
                f"{_share(v, 'within_one_share')} | {_share(v, 'baseline_plus_one')} | "
                f"{v['issue_found_where_gold']} of {v['issue_in_gold']} | "
                f"{v.get('issue_alike', 0)} of {v['stories']} |"
                for k, v in _sources_first(po)]
        out.append("")
    return out

