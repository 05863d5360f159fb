"""Actors: everyone who acts or speaks in an article, merged, with role and institution.

:func:`extract_actors` takes an :class:`~analysis.corpus.Article` and its
parsed ``Doc`` and returns an :class:`ActorTable`:

``actors`` (one row per actor)
    ``doc_id, actor_id, name, type, role, institution, country, former,
    aliases, mentions, first_start, first_end`` and, beyond the published
    schema, ``gender`` (M, F or empty), ``description`` (what the text
    says about an unnamed source or group) and ``speaks_for`` (the actor a
    spokesperson, aide or office speaks for, see :func:`principals`).
    ``type`` is one of ``person, organization, country, group, anonymous``;
    ``aliases`` are ';'-joined; offsets are into the original file text.
``mentions`` (one row per mention)
    ``doc_id, actor_id, start, end, text, how, sentence_index`` with
    ``how`` one of ``name, alias, pronoun, nominal``; ``text`` is exactly
    ``original[start:end]``.
``token_actor``
    the actor of every token that is part of a mention, by token index in
    the ``Doc`` (used by :mod:`analysis.quotes` to find speakers).

The stage runs in two steps, each a stage of the pipeline.
:func:`find_actors` returns the draft cast, a :class:`Cast`: the actors and
mentions found by the passes over names (:mod:`analysis.names`) and over
unnamed sources and groups (:mod:`analysis.unnamed`), in this order:
people, surnames, organisations and countries, repeated organisation names,
institution words, organisation nominals, unnamed sources. Then
:func:`analysis.coreference.resolve` adds pronouns and headings and calls
:func:`actor_table`. This module holds what those passes share: the
gazetteer, the records, the draft cast, small helpers, who speaks for whom,
and the table.

The rules start from spaCy's entities and parse and correct what a small
model gets wrong in news text: possessives, titles and roles before names,
surnames tagged as organisations, countries tagged as people, headings in
capitals. Word lists and gazetteers come from ``analysis/data``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

import pandas as pd
from spacy.tokens import Doc, Span, Token

from .corpus import Article
from .frames import Table, TableField, records, rows_of
from .nlp import forms
from .resources import load_csv, load_yaml, split_list

ACTOR_COLUMNS = [
    "doc_id", "actor_id", "name", "type", "role", "institution", "country", "former",
    "aliases", "mentions", "first_start", "first_end", "gender", "description", "speaks_for",
]
MENTION_COLUMNS = ["doc_id", "actor_id", "start", "end", "text", "how", "sentence_index"]
ACTOR_TYPES = ("person", "organization", "country", "group", "anonymous")
POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}


# --------------------------------------------------------------------------- data

@dataclass(frozen=True)
class _Gazetteer:
    countries: dict[str, str]          # any form (lower) -> country
    country_nouns: frozenset[str]      # names, aliases, capitals, plural demonyms (lower)
    adjectives: frozenset[str]         # adjective forms (lower)
    capitals: frozenset[str]
    prefix: dict[str, str]             # country -> short adjective for institution names
    titles: dict[str, tuple[str, str]]  # word -> (gender, kind)
    person_nouns: dict[str, tuple[str, str, bool]]  # form -> (singular, number, needs_modifier)
    institutions: tuple[tuple[tuple[str, ...], str, str, str, str], ...]  # (words, inst, country, proper, kind)
    first_names: dict[str, str]
    rules: dict
    noun_kinds: dict[str, str]                  # singular person noun -> kind (official, armed, ...)
    institution_words: frozenset[str] = frozenset()  # every word of every institution phrase
    institution_index: dict[str, tuple[int, ...]] = field(default_factory=dict)  # first word -> rows of institutions


@lru_cache(maxsize=1)
def gazetteer() -> _Gazetteer:
    """Load every word list the actor rules use (once per process)."""
    rules = load_yaml("actor_rules.yml")
    countries: dict[str, str] = {}
    nouns: set[str] = set()
    adjectives: set[str] = set()
    capitals: set[str] = set()
    prefix: dict[str, str] = {}
    for row in load_csv("countries.csv"):
        name = row["country"].strip()
        forms = [name] + split_list(row.get("aliases"))
        demonyms = split_list(row.get("demonyms"))
        adjs = split_list(row.get("adjectives"))
        caps = split_list(row.get("capitals"))
        for form in forms + demonyms + adjs + caps:
            countries.setdefault(form.lower(), name)
        nouns.update(f.lower() for f in forms + caps)
        nouns.update(d.lower() for d in demonyms if d.lower().endswith("s"))
        adjectives.update(a.lower() for a in adjs + demonyms)
        capitals.update(c.lower() for c in caps)
        prefix[name] = adjs[0] if adjs else name
    prefix.update(rules.get("country_prefixes", {}))
    titles = {r["word"].lower(): (r["gender"].strip(), r["kind"].strip()) for r in load_csv("titles.csv")}
    person_nouns: dict[str, tuple[str, str, bool]] = {}
    noun_kinds: dict[str, str] = {}
    for r in load_csv("person_nouns.csv"):
        needs = r["needs_modifier"].strip() == "yes"
        person_nouns[r["singular"].lower()] = (r["singular"].lower(), "sg", needs)
        person_nouns[r["plural"].lower()] = (r["singular"].lower(), "pl", needs)
        noun_kinds[r["singular"].lower()] = r["kind"].strip()
    institutions = tuple(
        (tuple(r["pattern"].lower().split()), r["institution"], r["country"], r["proper"], r["kind"])
        for r in load_csv("institutions.csv")
    )
    institutions = tuple(sorted(institutions, key=lambda x: -len(x[0])))
    first_names = {r["name"].strip(): r["gender"].strip() for r in load_csv("first_names.csv")}
    index: dict[str, list[int]] = {}
    for k, (words, *_rest) in enumerate(institutions):
        index.setdefault(words[0], []).append(k)
    return _Gazetteer(
        countries, frozenset(nouns), frozenset(adjectives), frozenset(capitals), prefix, titles,
        person_nouns, institutions, first_names, rules, noun_kinds,
        frozenset(w for words, *_rest in institutions for w in words) | frozenset(
            ("ministry", "department", "agency", "office", "council", "committee", "board", "party", "army",
             "company", "group", "union", "federation", "association", "bank", "court", "commission")),
        {w: tuple(rows) for w, rows in index.items()},
    )


@lru_cache(maxsize=1)
def reporting_lemmas() -> frozenset[str]:
    """The lemmas of ``reporting_verbs.csv``: a subject of one of them speaks."""
    return frozenset(r["lemma"].strip().lower() for r in load_csv("reporting_verbs.csv"))


@lru_cache(maxsize=1)
def voice_lemmas() -> frozenset[str]:
    """The reporting verbs and the one-word verbs of taking a side of ``stance_lexicon.yml``
    ("support", "oppose", "back", "fight"): a group whose share or kind alone names it ("42% support
    the plan", "unions are fighting it", "others oppose it") is a voice as the subject of either."""
    sides = load_yaml("stance_lexicon.yml")["verbs"]
    return reporting_lemmas() | frozenset(str(w).lower() for words in sides.values() for w in words
                                          if " " not in str(w))


def country_of(text: str) -> str:
    """The country a name, alias, demonym, adjective or capital refers to, or ''."""
    g = gazetteer()
    key = text.strip().lower()
    key = re.sub(r"^the\s+", "", key)
    return g.countries.get(key, "")


def institution_kind(institution: str) -> str:
    """The coarse family of a canonical institution (``defense``, ``military``, ...)."""
    for _words, inst, _country, _proper, kind in gazetteer().institutions:
        if inst == institution:
            return kind
    low = institution.lower()
    for suffix, kind in (("military", "military"), ("intelligence", "intelligence"), ("government", "government")):
        if low.endswith(suffix):
            return kind
    return ""


# --------------------------------------------------------------------------- records

@dataclass
class _Actor:
    type: str
    key: str
    names: list[str] = field(default_factory=list)
    role: str = ""
    role_heads: set[str] = field(default_factory=set)
    role_words: set[str] = field(default_factory=set)
    institution: str = ""
    country: str = ""
    former: bool = False
    gender: str = ""
    description: str = ""
    head: str = ""          # head noun of an unnamed source or group
    modifiers: frozenset[str] = frozenset()  # words describing a group ("U.S.-backed")
    mentions: list["_Mention"] = field(default_factory=list)
    actor_id: str = ""


@dataclass
class _Mention:
    start: int      # token indices
    end: int
    how: str
    actor: _Actor | None = None
    subject: bool = False
    chars: tuple[int, int] | None = None   # cleaned character span when a mention is part of a token


@dataclass(frozen=True)
class ActorTable:
    """The result of :func:`extract_actors`.

    ``actors`` and ``mentions`` are given as DataFrames or as rows
    (:class:`analysis.frames.Table`) and read as DataFrames, made on first
    read; ``frames.rows_of(table, "actors")`` gives the rows.
    """

    actors: pd.DataFrame = TableField()
    mentions: pd.DataFrame = TableField()
    token_actor: dict[int, str]
    #: Each actor's row as a dict, by actor id, shared by every later stage (read-only);
    #: made from ``actors`` when not given.
    info: dict[str, dict] = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.info is None:
            object.__setattr__(self, "info", {r["actor_id"]: r for r in records(rows_of(self, "actors"))})

    def actor(self, actor_id: str) -> dict:
        """One actor's row as a (new) dict."""
        return dict(self.info[actor_id])


# --------------------------------------------------------------------------- who speaks for whom

_SPOKESPEOPLE = ("spokesman", "spokeswoman", "spokesperson", "spokespeople")
_SPOKES = (*_SPOKESPEOPLE, "press secretary", "aide", "aides",
           "adviser", "advisers", "advisor", "advisors", "campaign manager", "chief of staff", "surrogate",
           "communications director", "press office", "lawyer", "lawyers", "attorney", "attorneys", "staff")


@lru_cache(maxsize=1)
def _offices() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((r["institution"], tuple(split_list(r["head"]))) for r in load_csv("offices.csv"))


def _heads_of(institution: str) -> tuple[str, ...]:
    for inst, heads in _offices():
        if inst == institution or ("{adj}" in inst and institution.endswith(inst.replace("{adj} ", ""))):
            return heads
    return ()


def principals(rows: list[dict]) -> dict[str, str]:
    """Who speaks for whom: actor id -> the actor it speaks for.

    A spokesperson, aide or lawyer speaks for the actor named in their role or
    description ("the minister's spokesman", "Smith aides"), else for their
    institution when it is an actor of the story ("White House press secretary"
    -> the White House); an office speaks for its head ("White House" -> the
    president, from ``analysis/data/offices.csv``). Chains are not followed
    here: :func:`principal_chain` does that.
    """
    by_id = {r["actor_id"]: r for r in rows}
    surnames = {}
    for r in rows:
        if r["type"] == "person" and r["name"]:
            surnames.setdefault(str(r["name"]).split()[-1].lower(), r["actor_id"])
    orgs = {str(r["name"]).lower(): r["actor_id"] for r in rows if r["type"] in ("organization", "country")}
    out: dict[str, str] = {}
    for r in rows:
        aid = r["actor_id"]
        text = f"{r.get('role', '')} {r.get('description', '')} {r.get('name', '')}".lower()
        if r["type"] in ("person", "anonymous", "group") and any(w in text for w in _SPOKES):
            words = text.replace("\u2019s", " ").replace("'s", " ").split()
            named = [surnames[w] for w in words if w in surnames and surnames[w] != aid]
            if named:
                out[aid] = named[0]
                continue
            inst = str(r.get("institution") or "").split(";")[0].strip()
            if inst and inst.lower() in orgs and orgs[inst.lower()] != aid:
                out[aid] = orgs[inst.lower()]
                continue
            head = _head_person(rows, inst, r.get("country", ""), aid)
            if head:
                out[aid] = head
        elif r["type"] in ("organization",) and r.get("institution"):
            head = _head_person(rows, str(r["institution"]).split(";")[0].strip(), r.get("country", ""), aid)
            if head:
                out[aid] = head
    return {a: p for a, p in out.items() if p in by_id}


def _principals_in_sentence(rows: list[dict], mrows: list[dict], article, links: dict[str, str]) -> dict[str, str]:
    """A spokesperson whose role names no principal ("spokesman Raanan Gissin") speaks for the one
    organisation the sentence that introduces them names, by a mention or by its name's head noun
    ("The Government position was spelt out by spokesman X")."""
    out: dict[str, str] = {}
    orgs = [r for r in rows if r["type"] in ("organization", "country")]
    for r in rows:
        role = str(r.get("role") or "").lower()
        desc = str(r.get("description") or "").lower().removeprefix("a ").removeprefix("the ").strip()
        if r["actor_id"] in links or r["type"] not in ("person", "anonymous") or role not in _SPOKESPEOPLE \
                or desc not in ("", role) or r.get("institution"):
            continue
        seg = article.sentences[article.sentence_index(int(r["first_start"]))]
        words = set(re.findall(r"[\w.-]+", article.original[seg.start:seg.end]))
        named = {m["actor_id"] for m in mrows if m["sentence_index"] == seg.index} | {
            o["actor_id"] for o in orgs if str(o["name"]).split() and str(o["name"]).split()[-1] in words}
        found = [o["actor_id"] for o in orgs if o["actor_id"] in named]
        others = {m["actor_id"] for m in mrows if m["sentence_index"] == seg.index} - {r["actor_id"], *found}
        if len(found) == 1 and not others:
            out[r["actor_id"]] = found[0]
    return out


def _head_person(rows: list[dict], institution: str, country: str, exclude: str) -> str:
    heads = _heads_of(institution) if institution else ()
    for r in rows:
        if r["actor_id"] == exclude or r["type"] != "person" or r.get("former"):
            continue
        role = str(r.get("role", "")).lower()
        if any(role == h or role.endswith(" " + h) or role.startswith(h) for h in heads) and (
                r.get("institution") == institution or (country and r.get("country") == country
                                                        and not r.get("institution"))):
            return r["actor_id"]
    return ""


def principal_chain(speaks_for: dict[str, str], aid: str) -> list[str]:
    """Whom an actor speaks for, and whom that one speaks for, and so on: ``[aid, principal, ...]``
    (a spokesman, the office, its head); just ``[aid]`` when it speaks for no one."""
    chain = [aid]
    while chain[-1] in speaks_for and speaks_for[chain[-1]] not in chain:
        chain.append(speaks_for[chain[-1]])
    return chain


# --------------------------------------------------------------------------- helpers

def _lower_words(tokens: Iterable[Token]) -> list[str]:
    return [t.text.lower() for t in tokens]


def _is_subject(tok: Token) -> bool:
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return True
    if tok.dep_ == "poss" and tok.head.dep_ in ("nsubj", "nsubjpass"):
        return True
    return tok.dep_ in ("compound", "appos") and tok.head.dep_ in ("nsubj", "nsubjpass")


def narrowed_set(tok: Token) -> bool:
    """'Residents who left the city on Monday': a plural noun narrowed by a restrictive relative clause
    (a relative pronoun, no comma before it) names a narrower set than the bare noun, a group of its
    own (gold/GUIDELINE.md section 4). A participle ("diplomats involved in Syria policy") describes
    the group as often as it narrows it."""
    return any(c.dep_ == "relcl" and c.i > tok.i and tok.doc[c.left_edge.i - 1].text != ","
               and any(x.tag_ in ("WP", "WDT") for x in c.children) for c in tok.children)


def _span_root(doc: Doc, start: int, end: int) -> Token:
    return doc[start:end].root


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop determiners, possessive markers, punctuation and verbs at the edges of a name
    ("meet de Souza", "Showing Russian": a verb the model read into a name), and a bracket the model
    read into it ("the Department of Foreign Affairs and Trade (DFAT": the acronym is its own word)."""
    while start < end:
        tok = doc[start]
        if not (tok.lower_ in ("the", "a", "an") or tok.is_punct or tok.is_space
                or (tok.tag_ in ("VB", "VBG", "VBD", "VBZ", "VBP") and end - start > 1)):
            break
        start += 1
    text = forms(doc).text
    end = next((k for k in range(start + 1, end) if text[k] == "("), end)  # "Trade (DFAT": the name ends
    while end > start:
        tok = doc[end - 1]
        if not (tok.text in POSSESSIVE or tok.is_punct or tok.is_space):
            break
        end -= 1
    return start, end


def _surname(words: list[str]) -> str:
    g = gazetteer()
    words = [w for w in words if w not in g.rules["name_suffixes"]]
    if not words:
        return ""
    last = words[-1]
    for prefix in g.rules["surname_prefixes"]:
        if last.startswith(prefix) and len(last) > len(prefix) + 1:
            last = last[len(prefix):]
    return last.lower()


def _match_institutions(words: list[str], country: str, home: str) -> list[tuple[str, str, int]]:
    """Institutions named by a role or organisation phrase: ``(institution, country, position)``.

    Longer phrases come first (the order of ``gazetteer().institutions``), so
    "defense department" takes its words before "department" can.
    """
    g = gazetteer()
    found: list[tuple[str, str, int, str]] = []
    taken = [False] * len(words)
    # (row, position) of every phrase whose first word is here, in the table's order
    tries = sorted((k, i) for i, w in enumerate(words) for k in g.institution_index.get(w, ()))
    for k, i in tries:
        pattern, inst, row_country, proper, kind = g.institutions[k]
        n = len(pattern)
        if i + n > len(words) or any(taken[i:i + n]) or tuple(words[i:i + n]) != pattern:
            continue
        if "{adj}" in inst:
            if not country:
                continue
            name = inst.replace("{adj}", g.prefix.get(country, country))
            found.append((name, country, i, kind))
        elif proper == "yes" or not row_country or (row_country == country) or (
            proper == "home" and not country and row_country == home
            and not (i and words[i - 1] in g.rules["subnational_modifiers"])  # "state lawmakers"
        ):
            found.append((inst, row_country or country, i, kind))
        else:
            continue
        for j in range(i, i + n):
            taken[j] = True
    specific = [f for f in found if f[3] != "government"]
    chosen = specific or found
    return [(inst, c, pos) for inst, c, pos, _kind in sorted(chosen, key=lambda f: f[2])]


def _join_institutions(found: list[tuple[str, str, int]]) -> str:
    seen: list[str] = []
    for inst, _c, _p in found:
        if inst not in seen:
            seen.append(inst)
    return "; ".join(seen)


def _country_in(tokens: Iterable[Token]) -> str:
    """The first country a phrase names as a nationality, or ''."""
    toks = list(tokens)
    for i, t in enumerate(toks):
        if i > 0 and toks[i - 1].lower_ in ("to", "in"):
            continue  # "Ambassador to Syria": the posting, not the nationality
        if "-" in t.text or (t.i + 1 < len(t.doc) and t.doc[t.i + 1].text == "-" and not t.whitespace_):
            continue  # "U.S.-backed": backed by the country, not of it
        c = country_of(t.text)
        if c:
            return c
    return ""


def _tokens_in(doc: Doc, segments) -> set[int]:
    """Indices of the tokens inside some text segments (cleaned offsets)."""
    out: set[int] = set()
    for seg in segments:
        span = doc.char_span(seg.clean_start, seg.clean_end, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


# --------------------------------------------------------------------------- the draft cast

@dataclass
class Cast:
    """The draft cast of one article: what the actor passes have found so far.

    Each pass (a function of :mod:`analysis.names`, :mod:`analysis.unnamed`
    or :mod:`analysis.coreference`) takes the cast and adds actors and
    mentions to it; :func:`actor_table` turns it into the published table.
    """

    article: Article
    doc: Doc
    g: _Gazetteer
    home: str                    # the country the story is told from ('' if unknown)
    heading_tokens: set[int]     # tokens of headings (matched last, case-insensitively)
    dateline_end: int            # cleaned offset where the dateline ends
    lows: list[str]              # every token's lower-case form
    ents: tuple[Span, ...]       # the parse's entities (``doc.ents`` makes new spans at each call)
    actors: list[_Actor] = field(default_factory=list)
    mentions: list[_Mention] = field(default_factory=list)
    taken: set[int] = field(default_factory=set)          # tokens already part of a mention or a role
    role_tokens: set[int] = field(default_factory=set)    # title tokens before a name
    role_owner: dict[int, _Actor] = field(default_factory=dict)  # title tokens before a name -> that person
    organisation_names: frozenset[str] | None = None  # entity texts the story describes as organisations'

    def free(self, start: int, end: int) -> bool:
        """No token of ``doc[start:end]`` belongs to a mention or a role yet."""
        return self.taken.isdisjoint(range(start, end))

    def add(self, actor: _Actor, start: int, end: int, how: str) -> _Mention:
        """Record a mention of ``actor`` over ``doc[start:end]`` and take its tokens."""
        m = _Mention(start, end, how, actor, subject=_is_subject(_span_root(self.doc, start, end)))
        actor.mentions.append(m)
        self.mentions.append(m)
        self.taken.update(range(start, end))
        return m

    def text(self, start: int, end: int) -> str:
        """The text of ``doc[start:end]`` on one line."""
        return forms(self.doc).span_text(start, end).replace("\n", " ").strip()


def new_cast(article: Article, doc: Doc) -> Cast:
    """An empty cast for one parsed article, with its headings, dateline and home country."""
    home = country_of(article.place.split(",")[0]) if article.place else ""
    if not home:
        # a dateline that is not a capital: the country the article names most; when two are named
        # equally often, the text does not say which it is told from
        named = [country_of(e.text) for e in doc.ents if e.label_ in ("GPE", "NORP")]
        counts = sorted((named.count(c) for c in dict.fromkeys(c for c in named if c)), reverse=True)
        home = max(dict.fromkeys(c for c in named if c), key=named.count) if counts else ""
        if len(counts) > 1 and counts[0] == counts[1]:
            home = ""
    return Cast(
        article, doc, gazetteer(), home,
        heading_tokens=_tokens_in(doc, (s for s in article.sentences if s.kind == "heading")),
        dateline_end=len(article.dateline),
        lows=forms(doc).lower,
        ents=doc.ents,
    )


def find_actors(article: Article, doc: Doc) -> Cast:
    """The draft cast of one parsed article: named actors, unnamed sources and groups.

    Runs the naming passes of :mod:`analysis.names` and the unnamed-source
    pass of :mod:`analysis.unnamed`, in the order each relies on (full names
    before surnames, people before organisations, names before the nouns that
    refer back to them). Pronouns and headings are left to
    :func:`analysis.coreference.resolve`.
    """
    # the pass modules import the records above, so they are imported when first called
    from . import names, unnamed

    cast = new_cast(article, doc)
    names.people(cast)
    names.surnames(cast)
    names.organisations_and_countries(cast)
    names.bracketed_acronyms(cast)
    names.repeated_names(cast)
    names.acronyms(cast)
    names.institution_words(cast)
    names.organisation_nominals(cast)
    names.company_nominals(cast)
    names.organisation_generics(cast)
    names.person_bodies(cast)
    unnamed.unnamed(cast)
    unnamed.poll_shares(cast)
    unnamed.quantifier_voices(cast)
    unnamed.documents(cast)
    unnamed.subject_voices(cast)
    unnamed.possessed_voices(cast)
    unnamed.singular_voices(cast)
    names.speaking_names(cast)
    names.nationality_nouns(cast)
    names.unstated_governments(cast)
    names.company_nominals(cast)  # again, for the names speaking_names found ("Acme says ... The company")
    names.national_governments(cast)
    return cast


# --------------------------------------------------------------------------- the table

def actor_table(cast: Cast) -> ActorTable:
    """The published tables of a finished cast (actors numbered in order of first mention)."""
    article = cast.article
    doc = cast.doc
    actors = [a for a in cast.actors if a.mentions]
    for a in actors:
        a.mentions.sort(key=lambda m: m.start)
    actors.sort(key=lambda a: a.mentions[0].start)
    width = max(2, len(str(len(actors))))
    for n, a in enumerate(actors, 1):
        a.actor_id = f"A{n:0{width}d}"
    rows, mrows, token_actor = [], [], {}
    for a in actors:
        spans = []
        for m in a.mentions:
            cs = doc[m.start].idx
            ce = doc[m.end - 1].idx + len(doc[m.end - 1].text)
            if m.chars is not None:
                cs, ce = m.chars
            start, end = article.to_original(cs, ce)
            spans.append((start, end, m.how))
            mrows.append({
                "doc_id": article.doc_id, "actor_id": a.actor_id, "start": start, "end": end,
                "text": article.original[start:end], "how": m.how,
                "sentence_index": article.sentence_index(start),
            })
            for i in range(m.start, m.end):
                token_actor[i] = a.actor_id
        names = [re.sub(r"\s+", " ", n) for n in a.names]
        name = _canonical(a, names)
        aliases = sorted({n for n in names if n != name})
        rows.append({
            "doc_id": article.doc_id, "actor_id": a.actor_id, "name": name, "type": a.type,
            "role": a.role, "institution": a.institution, "country": a.country, "former": a.former,
            "aliases": ";".join(aliases), "mentions": len(a.mentions),
            "first_start": spans[0][0], "first_end": spans[0][1], "gender": a.gender,
            "description": a.description, "speaks_for": "",
        })
    links = principals(rows)
    links.update(_principals_in_sentence(rows, mrows, article, links))
    for r in rows:
        r["speaks_for"] = links.get(r["actor_id"], "")
    for i, owner in cast.role_owner.items():
        if owner.actor_id and i not in token_actor:
            token_actor[i] = owner.actor_id
    mrows.sort(key=lambda r: (r["start"], r["end"]))  # in text order (stable)
    return ActorTable(Table(rows, ACTOR_COLUMNS), Table(mrows, MENTION_COLUMNS), token_actor,
                      {r["actor_id"]: r for r in rows})


def _canonical(a: _Actor, names: list[str]) -> str:
    """The name an actor is listed under."""
    if a.type == "country":
        return a.key
    if a.type == "anonymous":
        return f"unnamed {names[0]}" if names else "unnamed source"
    if a.type == "group":
        return names[0]
    return max(names, key=lambda n: (len(n.split()), len(n), -names.index(n)))


def extract_actors(article: Article, doc: Doc) -> ActorTable:
    """Find, merge and describe the actors of one parsed article.

    A shortcut over two stages, :func:`find_actors` then
    :func:`analysis.coreference.resolve`, for callers that want the finished
    table; the pipeline calls the two stages itself.
    """
    from .coreference import resolve  # the next stage, imported only by this shortcut

    return resolve(find_actors(article, doc))


def empty_actor_table() -> ActorTable:
    """An actor table with the published columns and no rows."""
    return ActorTable(pd.DataFrame(columns=ACTOR_COLUMNS), pd.DataFrame(columns=MENTION_COLUMNS), {})


def entity_review(article: Article, doc: Doc, table: ActorTable) -> pd.DataFrame:
    """What the actor rules made of each entity spaCy found.

    Columns: ``start, end, text, spacy_label, actor_id, actor, actor_type,
    verdict`` where ``verdict`` says whether the entity was kept as it was,
    given another type, trimmed (a possessive or a title), or is not an actor
    (a place, a date, a role word).
    """
    types = {"PERSON": "person", "ORG": "organization", "FAC": "organization", "GPE": "country",
             "NORP": "country", "LOC": "country"}
    mentions = table.mentions
    actors = table.actors.set_index("actor_id") if len(table.actors) else table.actors
    rows = []
    for ent in doc.ents:
        start, end = article.to_original(ent.start_char, ent.end_char)
        hit = mentions[(mentions["start"] < end) & (mentions["end"] > start)]
        if hit.empty:
            owner = next((table.token_actor[t.i] for t in ent if t.i in table.token_actor), "")
            root = ent.root
            if owner:
                verdict = f"part of the title of {actors.loc[owner, 'name']}"
            elif ent.label_ not in types:
                verdict = f"not an actor (a {ent.label_.lower()})"
            elif ent.label_ == "NORP" or root.dep_ in ("amod", "compound", "nmod"):
                verdict = "not an actor (describes something else)"
            elif article.dateline and start < len(article.dateline) and ent.label_ == "ORG":
                verdict = "the news agency of the dateline (its reporter, not a voice)"
            elif root.dep_ == "pobj" or article.dateline and start < len(article.dateline):
                verdict = "not an actor (a place)"
            else:
                verdict = "not an actor here"
            rows.append({"start": start, "end": end, "text": article.original[start:end], "spacy_label": ent.label_,
                         "actor_id": "", "actor": "", "actor_type": "", "verdict": verdict})
            continue
        m = hit.iloc[0]
        row = actors.loc[m["actor_id"]]
        if int(m["start"]) < start or int(m["end"]) > end and types.get(ent.label_) != row["type"]:
            verdict = f"part of the description of {row['name']}"
        elif types.get(ent.label_) != row["type"]:
            verdict = f"relabelled: {ent.label_} \u2192 {row['type']}"
        elif (int(m["start"]), int(m["end"])) != (start, end):
            verdict = "trimmed to the name"
        else:
            verdict = "kept"
        rows.append({"start": start, "end": end, "text": article.original[start:end], "spacy_label": ent.label_,
                     "actor_id": m["actor_id"], "actor": row["name"], "actor_type": row["type"], "verdict": verdict})
    return pd.DataFrame(rows, columns=["start", "end", "text", "spacy_label", "actor_id", "actor", "actor_type", "verdict"])
