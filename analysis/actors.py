"""Actors: everyone who acts or speaks in an article, merged, with role and institution.

:func:`extract_actors` takes an :class:`~analysis.corpus.Article` and its
parsed ``Doc`` and returns an :class:`ActorTable`:

``actors`` (one row per actor)
    ``doc_id, actor_id, name, type, role, institution, country, former,
    aliases, mentions, first_start, first_end`` and, beyond the published
    schema, ``gender`` (M, F or empty) and ``description`` (what the text
    says about an unnamed source or group). ``type`` is one of
    ``person, organization, country, group, anonymous``; ``aliases`` are
    ';'-joined; offsets are into the original file text.
``mentions`` (one row per mention)
    ``doc_id, actor_id, start, end, text, how, sentence_index`` with
    ``how`` one of ``name, alias, pronoun, nominal``; ``text`` is exactly
    ``original[start:end]``.
``token_actor``
    the actor of every token that is part of a mention, by token index in
    the ``Doc`` (used by :mod:`analysis.quotes` to find speakers).

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

from .corpus import Article, quotation_spans
from .frames import records
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
    """The result of :func:`extract_actors`."""

    actors: pd.DataFrame
    mentions: pd.DataFrame
    token_actor: dict[int, str]
    #: Each actor's row as a dict, by actor id, shared by every later stage (read-only);
    #: made from ``actors`` when not given.
    info: dict[str, dict] = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.info is None:
            object.__setattr__(self, "info", {r["actor_id"]: r for r in records(self.actors)})

    def actor(self, actor_id: str) -> dict:
        """One actor's row as a (new) dict."""
        return dict(self.info[actor_id])


# --------------------------------------------------------------------------- who speaks for whom

_SPOKES = ("spokesman", "spokeswoman", "spokesperson", "spokespeople", "press secretary", "aide", "aides",
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


def principal_chain(speaks_for: dict[str, str], aid: str) -> str:
    """The actor at the end of the "speaks for" chain (itself when it speaks for no one)."""
    seen = {aid}
    while aid in speaks_for and speaks_for[aid] not in seen:
        aid = speaks_for[aid]
        seen.add(aid)
    return aid


# --------------------------------------------------------------------------- helpers

def _lower_words(tokens: Iterable[Token]) -> list[str]:
    return [t.text.lower() for t in tokens]


def _is_subject(tok: Token) -> bool:
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return True
    if tok.dep_ == "poss" and tok.head.dep_ in ("nsubj", "nsubjpass"):
        return True
    return tok.dep_ in ("compound", "appos") and tok.head.dep_ in ("nsubj", "nsubjpass")


def _span_root(doc: Doc, start: int, end: int) -> Token:
    return doc[start:end].root


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop determiners, possessive markers and punctuation at the edges of a name."""
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct or doc[end - 1].is_space):
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


# --------------------------------------------------------------------------- extraction

class _Extractor:
    def __init__(self, article: Article, doc: Doc) -> None:
        self.article = article
        self.doc = doc
        self.g = gazetteer()
        self.taken: set[int] = set()            # tokens already part of a mention or a role
        self.role_tokens: set[int] = set()
        self.role_owner: dict[int, _Actor] = {}   # title tokens before a name -> that person
        self.actors: list[_Actor] = []
        self.mentions: list[_Mention] = []
        self.heading_tokens = self._tokens_in(s for s in article.sentences if s.kind == "heading")
        self.dateline_end = len(article.dateline)
        self.home = country_of(article.place.split(",")[0]) if article.place else ""
        if not self.home:
            # a dateline that is not a capital: the country the article names most
            named = [country_of(e.text) for e in doc.ents if e.label_ in ("GPE", "NORP")]
            named = [c for c in named if c]
            self.home = max(dict.fromkeys(named), key=named.count) if named else ""
        self.quotes = quotation_spans(article.text)
        self.reporting = frozenset(r["lemma"].strip().lower() for r in load_csv("reporting_verbs.csv"))
        self.lows = forms(doc).lower
        self.sent_of: dict[int, int] = {}
        self.quoted_sents: set[int] = set()
        for k, sent in enumerate(doc.sents):
            self.sent_of.update(dict.fromkeys(range(sent.start, sent.end), k))
            if not self.quotes:
                continue
            words = [t.idx for t in sent if t.is_alpha]
            if words and all(any(qs <= x < qe for qs, qe in self.quotes) for x in words):
                self.quoted_sents.add(k)

    # ---- utilities
    def _tokens_in(self, segments) -> set[int]:
        out: set[int] = set()
        for seg in segments:
            span = self.doc.char_span(seg.clean_start, seg.clean_end, alignment_mode="expand")
            if span is not None:
                out.update(range(span.start, span.end))
        return out

    def in_quote(self, tok: Token) -> tuple[int, int] | None:
        for s, e in self.quotes:
            if s <= tok.idx < e:
                return s, e
        return None

    def free(self, start: int, end: int) -> bool:
        return not any(i in self.taken for i in range(start, end))

    def add(self, actor: _Actor, start: int, end: int, how: str) -> _Mention:
        m = _Mention(start, end, how, actor, subject=_is_subject(_span_root(self.doc, start, end)))
        actor.mentions.append(m)
        self.mentions.append(m)
        self.taken.update(range(start, end))
        return m

    def text(self, start: int, end: int) -> str:
        if start >= end:
            return ""
        return self.doc[start:end].text.replace("\n", " ").strip()

    # ---- countries in a phrase
    def country_in(self, tokens: Iterable[Token]) -> str:
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

    # ---- pass 1: names of people, with their titles
    def people(self) -> None:
        doc = self.doc
        spans = []
        for ent in doc.ents:
            if ent.start in self.heading_tokens or ent.start_char < self.dateline_end:
                continue
            if ent.label_ not in self.g.rules["person_labels"] and not self.looks_like_person(ent):
                continue
            s, e = _trim(doc, ent.start, ent.end)
            # titles swallowed by the entity ("Secretary Smith", "President Ana de la Cruz")
            while s < e - 1 and doc[s].lower_ in self.g.titles:
                s += 1
            if s >= e:
                continue
            words = [t.text for t in doc[s:e]]
            if len(words) == 1 and country_of(words[0]) and not self._multi_token_person(words[0]):
                continue  # a country tagged as a person ("border with Jordan")
            if not any(ch.isupper() for ch in doc[s].text):
                continue
            spans.append((s, e))
        # full names first so that bare surnames can join them
        for s, e in sorted(spans, key=lambda x: (-(x[1] - x[0]), x[0])):
            if not self.free(s, e):
                continue
            words = [t.text for t in self.doc[s:e]]
            actor = self.person_for(words)
            how = "name" if len(words) > 1 or len(actor.names) == 0 else "alias"
            actor.names.append(self.text(s, e))
            self.add(actor, s, e, how)
            self.attach_role(actor, s, e)

    def looks_like_person(self, ent: Span) -> bool:
        """A name the model tagged as an organisation or place but the text shows is a person:
        it stands in apposition to a title ("chief negotiator, Ilse Marten,") or starts with a
        known first name."""
        if ent.label_ not in ("ORG", "GPE", "NORP", "PRODUCT") or not 2 <= len(ent) <= 3:
            return False
        if any(t.lower_ in self.g.institution_words for t in ent) or country_of(ent.text):
            return False
        root = ent.root
        titled = (root.dep_ == "appos" and (root.head.lower_ in self.g.titles or root.head.lower_ in self.g.person_nouns)) or any(
            c.dep_ == "appos" and (c.lower_ in self.g.titles or c.lower_ in self.g.person_nouns) for c in root.children)
        return titled or ent[0].text in self.g.first_names

    def _multi_token_person(self, word: str) -> bool:
        return any(
            ent.label_ == "PERSON" and len(ent) > 1 and word in [t.text for t in ent] for ent in self.doc.ents
        )

    def person_for(self, words: list[str]) -> _Actor:
        sur = _surname(words)
        first = words[0] if len(words) > 1 else ""
        candidates = [a for a in self.actors if a.type == "person" and a.key == sur]
        for a in reversed(candidates):
            firsts = {n.split()[0] for n in a.names if len(n.split()) > 1}
            if not first or not firsts or first in firsts:
                return a
        actor = _Actor("person", sur)
        self.actors.append(actor)
        return actor

    def attach_role(self, actor: _Actor, s: int, e: int) -> None:
        """Read a title before the name and an apposition after it."""
        doc = self.doc
        g = self.g
        connectors = set(g.rules["title_connectors"])
        i = s - 1
        left: list[int] = []
        sent_start = doc[s].sent.start
        while i >= sent_start:
            t = doc[i]
            low = t.lower_
            if t.is_space or (t.is_punct and t.text not in ("-",)):
                break
            if i in self.taken and i not in self.role_tokens:
                break
            if low in g.titles or (i + 1 < s and f"{low} {doc[i + 1].lower_}" in g.titles):
                left.append(i)
            elif low in connectors and left:
                left.append(i)
            elif (t.pos_ == "PROPN" or country_of(t.text)) and t.text[:1].isupper():
                left.append(i)
            elif t.text[:1].isupper() and t.pos_ in ("NOUN", "ADJ") and i != sent_start:
                left.append(i)
            else:
                break
            i -= 1
        left.sort()
        while left and doc[left[0]].lower_ in connectors:
            left.pop(0)
        role_toks = [doc[k] for k in left]
        has_title = any(t.lower_ in g.titles and g.titles[t.lower_][1] in ("title", "honorific") for t in role_toks)
        if not has_title:
            left, role_toks = [], []
        # apposition after the name: "Jane Doe, a Pentagon spokeswoman,"
        appos_toks: list[Token] = []
        root = doc[e - 1]
        for child in root.children:
            if child.dep_ == "appos" and child.i >= e:
                sub = [t for t in child.subtree if t.dep_ not in ("relcl",) and not t.is_punct or t.text == "-"]
                words = {t.lower_ for t in sub}
                if words & {w for w, (_g, k) in g.titles.items() if k == "title"}:
                    appos_toks = [t for t in sub if t.lower_ not in ("a", "an", "the")]
        parts = role_toks + appos_toks
        if not parts:
            self.gender_from_name(actor)
            return
        self.role_tokens.update(t.i for t in role_toks)
        self.taken.update(t.i for t in role_toks)
        for t in role_toks:
            self.role_owner[t.i] = actor
        former = any(t.lower_ in ("former", "ex") for t in parts)
        role_words = [t for t in parts if t.lower_ not in ("former", "ex", "then")]
        role = " ".join(t.text for t in role_words).replace(" - ", "-").strip()
        if len(role) > len(actor.role):
            actor.role = role
        actor.former = actor.former or former
        lows = [t.lower_ for t in parts]
        actor.role_words.update(lows)
        actor.role_heads.update(w for w in lows if w in g.titles and g.titles[w][1] == "title")
        for t in parts:
            gender = g.titles.get(t.lower_, ("", ""))[0]
            if gender and not actor.gender:
                actor.gender = gender
        country = self.country_in(parts)
        found = _match_institutions(lows, country, self.home)
        if not found:
            found = self.institution_from_context(s)
        if found and (not actor.institution or len(role) >= len(actor.role)):
            actor.institution = _join_institutions(found)
            country = country or found[0][1]
        if country and not actor.country:
            actor.country = country
        self.gender_from_name(actor)

    def institution_from_context(self, s: int) -> list[tuple[str, str, int]]:
        """'At the White House, spokesman X ...': an institution in a fronted phrase."""
        doc = self.doc
        sent = doc[s].sent
        for t in sent:
            if t.i >= s:
                break
            if t.dep_ == "prep" and t.lower_ in self.g.rules["institution_prepositions"]:
                obj = [c for c in t.children if c.dep_ == "pobj"]
                if obj:
                    sub = list(obj[0].subtree)
                    found = _match_institutions([x.lower_ for x in sub], self.country_in(sub), self.home)
                    if found:
                        return found
        return []

    def gender_from_name(self, actor: _Actor) -> None:
        if actor.gender:
            return
        for name in actor.names:
            words = name.split()
            if len(words) > 1 and words[0] in self.g.first_names:
                actor.gender = self.g.first_names[words[0]]
                return

    # ---- pass 2: surnames the model missed or mislabelled (a surname tagged ORG, or not tagged at all)
    def surnames(self) -> None:
        doc = self.doc
        people = [a for a in self.actors if a.type == "person"]
        by_surname: dict[str, list[_Actor]] = {}
        for a in people:
            by_surname.setdefault(a.key, []).append(a)
        for i in forms(doc).where(by_surname):
            tok = doc[i]
            if tok.i in self.taken or tok.i in self.heading_tokens or tok.idx < self.dateline_end:
                continue
            if not tok.text[:1].isupper():
                continue
            if tok.ent_type_ in ("ORG", "GPE", "FAC", "NORP") and tok.ent_iob_ != "" and any(
                    e.start <= tok.i < e.end and len(e) > 1 for e in doc.ents if e.label_ != "PERSON"):
                continue  # "Kesh" inside "the Kesh Foreign Ministry"
            if tok.is_sent_start and tok.pos_ != "PROPN" and tok.dep_ not in ("nsubj", "nsubjpass", "poss"):
                continue
            actor = self.latest(by_surname[tok.text.lower()], tok.i)
            actor.names.append(tok.text)
            self.add(actor, tok.i, tok.i + 1, "alias")

    def latest(self, actors: list[_Actor], before: int) -> _Actor:
        def last(a: _Actor) -> int:
            idx = [m.start for m in a.mentions if m.start < before]
            return max(idx) if idx else -1
        return max(actors, key=last)

    # ---- pass 3: organisations and countries
    def organisations_and_countries(self) -> None:
        doc = self.doc
        surnames = {a.key: a for a in self.actors if a.type == "person"}
        for ent in doc.ents:
            if ent.start in self.heading_tokens or ent.start_char < self.dateline_end:
                continue
            s, e = _trim(doc, ent.start, ent.end)
            if s >= e or not self.free(s, e):
                continue
            text = self.text(s, e)
            label = ent.label_
            if label in self.g.rules["organization_labels"] + self.g.rules["person_labels"]:
                if text.lower() in surnames or _surname(text.split()) in surnames and len(text.split()) == 1:
                    person = surnames[_surname(text.split())]
                    person.names.append(text)
                    self.add(person, s, e, "alias")
                    continue
            country = country_of(text)
            if country and label not in ("ORG",) or (label == "PERSON" and country):
                self.country_mention(country, s, e)
                continue
            root = doc[s:e].root
            head = root.head
            if (label in self.g.rules["organization_labels"] and root.dep_ in ("compound", "nmod", "amod")
                    and head.i >= e and (head.lower_ in self.g.person_nouns or head.lower_ in self.g.titles)
                    and not any(t.ent_type_ == "PERSON" for t in head.subtree)):
                continue  # "a State Department official": the official is the actor, described by the body
            if label in self.g.rules["organization_labels"]:
                self.organisation_mention(s, e, label)
            elif label == "NORP" and root.tag_ in ("NNPS", "NNS") and root.dep_ in ("nsubj", "nsubjpass"):
                self.group_of_people(text, s, e)  # "Republicans said ..."

    def group_of_people(self, text: str, s: int, e: int) -> None:
        key = text.lower()
        actor = next((a for a in self.actors if a.type == "group" and a.key == key), None)
        if actor is None:
            actor = _Actor("group", key)
            actor.head = key
            actor.role = text
            self.actors.append(actor)
        actor.names.append(text)
        self.add(actor, s, e, "name")

    def organisation_mention(self, s: int, e: int, label: str) -> None:
        doc = self.doc
        words = _lower_words(doc[s:e])
        country = self.country_in(doc[s:e])
        found = _match_institutions(words, country, self.home)
        if not found and label == "FAC":
            return  # a building, not an actor
        name = self.text(s, e)
        if not found and any(w in self.g.rules["armed_group_words"] for w in words):
            found = [("Armed group", "", 0)] if not country else [(f"{self.g.prefix.get(country, country)} military", country, 0)]
        seat = [f for f in found if f[0].endswith(" government") and f[1]]
        if seat and len(found) == 1 and _match_institutions(words, "", "") == found:
            # a seat of government standing for the state ("the Kremlin said")
            self.country_alias(seat[0][1], s, e)
            return
        key = found[0][0] if found and len(found) == 1 and found[0][0] != "Armed group" else name.lower()
        if key.startswith("news ") or key == "Armed group":
            key = name.lower()
        actor = next((a for a in self.actors if a.type == "organization" and a.key == key), None)
        if actor is None:
            actor = _Actor("organization", key)
            actor.institution = _join_institutions(found)
            actor.country = (found[0][1] if found else "") or country
            self.actors.append(actor)
        actor.names.append(name)
        self.add(actor, s, e, "name")

    def country_alias(self, country: str, s: int, e: int) -> None:
        actor = next((a for a in self.actors if a.type == "country" and a.key == country), None)
        if actor is None:
            actor = _Actor("country", country)
            actor.country = country
            actor.institution = f"{self.g.prefix.get(country, country)} government"
            self.actors.append(actor)
        actor.names.append(country)
        self.add(actor, s, e, "alias")

    def country_mention(self, country: str, s: int, e: int) -> None:
        doc = self.doc
        root = _span_root(doc, s, e)
        text = self.text(s, e)
        rules = self.g.rules
        low = text.lower()
        if low in self.g.adjectives and low not in self.g.country_nouns:
            return  # "Russian air strikes": an adjective, not the country acting
        if root.dep_ in ("amod", "compound", "nmod", "npadvmod") and root.head.pos_ in ("NOUN", "PROPN", "ADJ") and root.head.i >= e:
            return
        if any(ch == "-" for ch in doc[e - 1].whitespace_ + (doc[e].text if e < len(doc) else "")) and e < len(doc) and doc[e].text == "-":
            return  # "U.S.-backed"
        if root.dep_ == "pobj":
            prep = root.head
            if prep.lower_ in rules["locative_prepositions"]:
                return
            if prep.lower_ == "of" and prep.head.lower_ in rules["locative_prepositions"]:
                return  # "inside of Syria"
            if prep.head.lower_ in rules["geographic_nouns"]:
                return
        if root.dep_ == "poss" and root.head.lower_ in rules["geographic_nouns"]:
            return
        actor = next((a for a in self.actors if a.type == "country" and a.key == country), None)
        if actor is None:
            actor = _Actor("country", country)
            actor.country = country
            actor.institution = f"{self.g.prefix.get(country, country)} government"  # a state acts through it
            self.actors.append(actor)
        actor.names.append(country)
        self.add(actor, s, e, "name" if text.lower() == country.lower() else "alias")

    # ---- pass 3b: institutions named by a common noun or a hyphenated prefix
    def institution_words(self) -> None:
        """'the administration', 'administration policy', 'U.N.-led efforts'."""
        doc = self.doc
        g = self.g
        single = {
            words[0]: (inst, country, proper) for words, inst, country, proper, _k in g.institutions
            if len(words) == 1
        }
        suffixes = set(g.rules["hyphen_suffixes"])
        for i, low in enumerate(self.lows):
            if low not in single and not ("-" in low and low.rsplit("-", 1)[1] in suffixes):
                continue
            tok = doc[i]
            if tok.i in self.taken or tok.i in self.heading_tokens or tok.idx < self.dateline_end:
                continue
            if "-" in low and low.rsplit("-", 1)[1] in suffixes:
                prefix = tok.text.rsplit("-", 1)[0]
                row = single.get(prefix.lower())
                if row and row[2] == "yes" and not country_of(prefix):
                    self.org_actor(prefix, row[0], row[1], tok.i, (tok.idx, tok.idx + len(prefix)))
                continue
            row = single.get(low)
            heads = [tok.head, tok.head.head]
            part_of_title = tok.dep_ in ("pobj", "compound", "nmod", "amod", "conj") and any(
                h.lower_ in g.titles or h.lower_ in g.person_nouns for h in heads
            )  # "the secretary of defense", "defense officials", "U.S. military and intelligence officers"
            if not row or tok.pos_ != "NOUN" or low in g.titles or tok.tag_ != "NN" or part_of_title:
                continue
            mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss") and c.i < tok.i]
            owner = [c for c in mods if c.i in self.taken and c.ent_type_ == "PERSON"]
            country = next((country_of(c.text) for c in mods if country_of(c.text) and "-" not in c.text), "")
            if "{adj}" in row[0] and country:
                # "the U.S. military", "the Syrian government": a national institution
                first = min(c.left_edge.i for c in mods if country_of(c.text))
                name = self.text(first, tok.i + 1)
                inst = row[0].replace("{adj}", g.prefix.get(country, country))
                self.org_actor(name, inst, country, tok.i, (doc[first].idx, tok.idx + len(tok.text)))
            elif row[2] == "home" and row[1] == self.home:
                if owner:
                    # "the Trump administration": the owner's administration, an actor of its own
                    first = min(c.i for c in owner)
                    self.org_actor(self.text(first, tok.i + 1), row[0], row[1], tok.i,
                                   (doc[first].idx, tok.idx + len(tok.text)))
                else:
                    # "the administration" after "the Trump administration": the same one
                    named = next((a for a in reversed(self.actors) if a.type == "organization"
                                  and a.key.endswith(" " + low) and a.mentions), None)
                    if named is not None:
                        self.add(named, tok.i, tok.i + 1, "nominal")
                    else:
                        self.org_actor(low, row[0], row[1], tok.i, None, how="nominal")

    def org_actor(self, name: str, institution: str, country: str, i: int, chars, how: str = "name") -> None:
        key = name.lower()
        actor = next((a for a in self.actors if a.type == "organization" and a.key == key), None)
        if actor is None:
            actor = _Actor("organization", key)
            actor.institution, actor.country = institution, country
            self.actors.append(actor)
        actor.names.append(name)
        m = self.add(actor, i, i + 1, how)
        m.chars = chars

    # ---- pass 3c: "the board", "the ministry": an organisation named before, by its head noun
    def organisation_nominals(self) -> None:
        doc = self.doc
        named = sorted(
            ((min(m.start for m in a.mentions), a.names[0].split()[-1].lower(), a) for a in self.actors
             if a.type == "organization" and a.mentions and a.names and len(a.names[0].split()) > 1),
            key=lambda x: x[0])
        heads: dict[str, _Actor] = {}
        k = 0
        words = {word for _start, word, _a in named}
        for i in forms(doc).where(words):
            while k < len(named) and named[k][0] < i:
                heads[named[k][1]] = named[k][2]
                k += 1
            tok = doc[i]
            if (tok.i in self.taken or tok.pos_ != "NOUN" or tok.lower_ not in heads
                    or not any(c.lower_ in ("the", "this") and c.dep_ == "det" for c in tok.children)):
                continue
            det = next(c for c in tok.children if c.dep_ == "det")
            if self.free(det.i, tok.i + 1) and det.i == tok.i - 1:
                self.add(heads[tok.lower_], det.i, tok.i + 1, "nominal")

    # ---- pass 4: unnamed sources, groups and nominal mentions
    def unnamed(self) -> None:
        doc = self.doc
        g = self.g
        indefinite = set(g.rules["indefinite_determiners"])
        definite = set(g.rules["definite_determiners"])
        for i, low in enumerate(self.lows):
            if low not in g.person_nouns and low not in g.titles:
                continue
            tok = doc[i]
            if tok.i in self.taken or tok.i in self.heading_tokens or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            is_person_noun = low in g.person_nouns
            is_title = low in g.titles and g.titles[low][1] == "title"
            if not (is_person_noun or is_title):
                continue
            if tok.dep_ == "conj" and (tok.head.lower_ in g.person_nouns):
                continue  # "officers and diplomats": part of the first noun's phrase
            if tok.dep_ in ("compound",) and tok.head.pos_ in ("PROPN", "NOUN"):
                continue  # "spokesman John Smith", "rebel alliance": part of another noun
            if tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-" and not tok.whitespace_:
                continue  # "rebel-held"

            if any(c.dep_ == "appos" and (c.ent_type_ == "PERSON" or self.person_at(c.i)) for c in tok.children):
                continue  # "Valdoria’s chief negotiator, Ilse Marten,": a title of a named person
            if tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON":
                continue
            possessor = [c for c in tok.lefts if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")]
            left = [c for c in tok.lefts if c.dep_ not in ("punct", "cc", "poss") and not c.is_space
                    and not (c.tag_ in ("VBD", "VBN") and c.i > 0
                             and doc[c.i - 1].lower_ in ("has", "have", "had", "was", "were", "is", "are"))]
            core_toks = sorted(
                {t for c in left for t in c.subtree if not t.is_space} | {tok} | self._conj_nouns(tok),
                key=lambda t: t.i,
            )
            if any(t.ent_type_ == "PERSON" for t in core_toks):
                continue
            dets = [c for c in left if c.dep_ in ("det", "nummod", "predet") or c.lower_ in indefinite]
            det = dets[0].lower_ if dets else ""
            mods = [c for c in left if c not in dets] + [c for c in tok.rights if c.dep_ in ("relcl", "acl", "amod")]
            number = "pl" if tok.tag_ in ("NNS", "NNPS") else "sg"
            subject = tok.dep_ in ("nsubj", "nsubjpass")
            if is_person_noun:
                singular, number, needs = g.person_nouns[low]
                if needs and not mods:
                    continue
                described = any(c.dep_ in ("relcl", "acl", "amod") for c in tok.rights) or any(
                    c.pos_ in ("ADJ", "NOUN", "PROPN") for c in left)
                if needs and not (subject or described and tok.dep_ not in ("dobj", "pobj")):
                    continue  # "to resettle people", "members of": not a source
                if g.noun_kinds.get(singular) in ("organization", "organisation") and not subject:
                    continue  # "a group", "an agency" that does not speak or act
            else:
                singular = low
            partitive = (number == "pl" and tok.dep_ == "pobj" and tok.head.lower_ == "of"
                         and tok.head.head.lower_ in ("one", "another") and tok.head.head.i < tok.i)
            core = [t for t in core_toks if t not in dets and t.dep_ != "poss"]
            core_text = " ".join(t.text for t in core if not t.is_punct or t.text in ("-", ".")).replace(" - ", "-")
            core_text = re.sub(r"\s+", " ", core_text).strip()
            if possessor:
                # "the minister’s spokeswoman": described by whose she is
                p_toks = sorted(possessor[0].subtree, key=lambda t: t.i)
                core_text = f"{self.text(p_toks[0].i, p_toks[-1].i + 1)} {core_text}".replace("the ", "", 1)
            s = min(t.i for t in core_toks)
            e = max(t.i for t in core_toks) + 1
            if not self.free(s, e):
                continue
            if det in definite and number == "sg":
                target = self.nominal_target(tok, singular)
                if target is not None:
                    self.add(target, s, e, "nominal")
                    continue
                if is_title and not is_person_noun:
                    continue  # "the secretary" with no one it can be: leave unlinked
            if is_title and not is_person_noun:
                continue
            if partitive:
                # "one of the Iranian officials": one unnamed person out of a group
                one = tok.head.head
                s = min(s, one.i)
                if not self.free(s, e):
                    continue
                core_text = self.text(one.i, e)
                actor = self.new_unnamed("anonymous", f"{core_text.lower()}#{tok.i}", core_text, tok, singular)
                actor.names.append(core_text)
                self.add(actor, s, e, "name")
                continue
            if number == "pl":
                key = core_text.lower()
                if det in ("other", "another"):
                    key = f"{key}#{tok.i}"  # "other Western officials": not the ones named before
                actor = next((a for a in self.actors if a.type == "group" and a.key == key), None)
                if actor is None and det in definite and len(core) == 1:
                    actor = next((a for a in reversed(self.actors) if a.type == "group" and a.head == singular), None)
                mods_here = frozenset(t.lower_ for t in core if t.i != tok.i and t.pos_ != "CCONJ" and not t.is_punct)
                if actor is None and "#" not in key:
                    kind = g.noun_kinds.get(singular, "")
                    actor = next((a for a in reversed(self.actors) if a.type == "group" and "#" not in a.key and (
                        (a.head == singular and (not a.modifiers or not mods_here))  # "advocates" / "refugee advocates"
                        or (mods_here and kind and g.noun_kinds.get(a.head, "") == kind and a.modifiers & mods_here)
                    )), None)
                if actor is None:
                    speaks = tok.dep_ in ("nsubj", "nsubjpass") or (
                        tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according")
                    if len(core) == 1 and not mods and det not in indefinite and not speaks:
                        continue  # a bare "officials" that neither speaks nor is described
                    actor = self.new_unnamed("group", key, core_text, tok, singular)
                    actor.modifiers = mods_here
                actor.names.append(core_text)
                self.add(actor, s, e, "name" if actor.key == key else "nominal")
            else:
                actor = self.new_unnamed("anonymous", f"{core_text.lower()}#{tok.i}", core_text, tok, singular)
                actor.names.append(core_text)
                self.add(actor, s, e, "name")

    def person_at(self, i: int) -> bool:
        return any(m.start <= i < m.end and m.actor is not None and m.actor.type == "person" for m in self.mentions)

    def _conj_nouns(self, tok: Token) -> set[Token]:
        out: set[Token] = set()
        for c in tok.children:
            if c.dep_ in ("conj", "cc") and (c.lower_ in self.g.person_nouns or c.dep_ == "cc"):
                if c.dep_ == "cc" and not any(x.dep_ == "conj" and x.lower_ in self.g.person_nouns for x in tok.children):
                    continue
                out.add(c)
                out.update(t for x in c.lefts for t in x.subtree)
        return out

    def new_unnamed(self, kind: str, key: str, core_text: str, tok: Token, singular: str) -> _Actor:
        actor = _Actor(kind, key)
        actor.head = singular
        if kind == "anonymous":
            actor.gender = self.g.titles.get(tok.lower_, ("", ""))[0]  # "a spokeswoman": F
        actor.role = core_text
        desc_toks = [t for t in tok.subtree if not t.is_space]
        actor.description = re.sub(r"\s+", " ", self.text(desc_toks[0].i, desc_toks[-1].i + 1)).strip(" ,")
        words = [w.lower() for w in core_text.split()]
        country = self.country_in([t for t in tok.subtree if t.i <= tok.i or t in self._conj_nouns(tok)])
        found = _match_institutions(words, country, self.home)
        actor.institution = _join_institutions(found)
        actor.country = country or (found[0][1] if found else "")
        owner = next((m.actor for c in tok.children if c.dep_ == "poss" for m in self.mentions
                      if m.start <= c.i < m.end and m.actor is not None), None)
        if owner is not None and not actor.institution:
            actor.institution, actor.country = owner.institution, actor.country or owner.country
        self.actors.append(actor)
        return actor

    def nominal_target(self, tok: Token, singular: str) -> _Actor | None:
        """'the official' / 'the secretary (of defense)': the latest actor with that head."""
        modifiers = {t.lower_ for t in tok.subtree if t.i != tok.i and t.pos_ in ("PROPN", "NOUN", "ADJ")}
        candidates = []
        for a in self.actors:
            if a.type not in ("person", "anonymous"):
                continue
            if a.head == singular or singular in a.role_heads:
                if modifiers and not modifiers <= (a.role_words | {w.lower() for w in a.role.split()}):
                    continue
                before = [m.start for m in a.mentions if m.start < tok.i]
                if before:
                    candidates.append((max(before), a))
        if not candidates:
            return None
        return max(candidates, key=lambda x: x[0])[1]

    # ---- pass 5: pronouns
    def pronouns(self) -> None:
        doc = self.doc
        table = self.g.rules["pronouns"]
        window = int(self.g.rules["pronoun_window"])
        sents = list(doc.sents)
        for i in forms(doc).where(table):
            tok = doc[i]
            if tok.i in self.taken:
                continue
            gender, _number = table[tok.lower_]
            quote = self.in_quote(tok)
            target = self.resolve_pronoun(tok, gender, quote, sents, window)
            if target is not None:
                self.add(target, tok.i, tok.i + 1, "pronoun")

    def speaks(self, m: _Mention) -> Token | None:
        """The reporting verb a mention is the subject of, if any."""
        head = self.doc[m.start:m.end].root
        if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_.lower() in self.reporting:
            return head.head
        return None

    def narrative_distance(self, a: int, b: int) -> int:
        """Sentences between two sentence indices, not counting sentences wholly inside a quotation."""
        return sum(1 for k in range(a, b) if k not in self.quoted_sents)

    def resolve_pronoun(self, tok: Token, gender: str, quote, sents, window: int) -> _Actor | None:
        k = self.sent_of[tok.i]
        people = [m for m in self.mentions if m.actor is not None and m.actor.type in ("person", "anonymous") and m.start < tok.i]
        if quote is not None:
            people = [m for m in people if quote[0] <= self.doc[m.start].idx < quote[1]]
        else:
            people = [m for m in people if self.in_quote(self.doc[m.start]) is None]
        people = [m for m in people if self.narrative_distance(self.sent_of[m.start], k) <= window]
        if quote is None and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in self.reporting:
            # "he said": the subject of the last narrative sentence before, else the latest speaker,
            # even one of unknown gender
            earlier = [m for m in people if self.sent_of[m.start] < k and m.actor.gender in ("", gender)]
            if earlier:
                last = max(self.sent_of[m.start] for m in earlier)
                subjects = [m for m in earlier if self.sent_of[m.start] == last and m.subject]
                if subjects:
                    return min(subjects, key=lambda m: m.start).actor
            speakers = [m for m in earlier if self.speaks(m) is not None]
            if speakers:
                return max(speakers, key=lambda m: m.start).actor
        # "X said he would ...": the subject of the reported clause is the speaker
        if quote is None and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ccomp":
            own = [m for m in people if self.speaks(m) == tok.head.head and m.actor.gender in ("", gender)]
            if own:
                return own[-1].actor
        # deeper inside what someone is reported to say, a pronoun does not refer to that speaker
        people = [m for m in people if not ((verb := self.speaks(m)) is not None and tok in list(verb.subtree)
                                            and self.sent_of[m.start] == k)]

        # Salience first (a subject of this sentence, then of the sentences before, then the
        # latest mention); within a level, an actor whose gender is known to match wins.
        cands = [m for m in people if m.actor.gender in ("", gender)]
        if not cands:
            return None
        same = [m for m in cands if self.sent_of[m.start] == k and m.subject]
        if same:
            return max(same, key=lambda m: (m.actor.gender == gender, m.start)).actor
        for back in range(1, window + 1):
            prev = [m for m in cands if self.sent_of[m.start] == k - back and m.subject]
            if prev:
                return max(prev, key=lambda m: (m.actor.gender == gender, -m.start)).actor
        return max(cands, key=lambda m: (m.actor.gender == gender, m.start)).actor

    # ---- pass 6: headings, matched case-insensitively against known names
    def headings(self) -> None:
        doc = self.doc
        forms: list[tuple[list[str], _Actor]] = []
        for a in self.actors:
            for n in set(a.names) | ({a.key} if a.type in ("country",) else set()):
                words = n.lower().split()
                if words and words[0] == "the":
                    words = words[1:]
                if words:
                    forms.append((words, a))
            if a.type == "person":
                forms.append(([a.key], a))
        forms.sort(key=lambda f: -len(f[0]))
        for i in sorted(self.heading_tokens):
            if i in self.taken:
                continue
            for words, a in forms:
                n = len(words)
                if i + n <= len(doc) and [t.lower_ for t in doc[i:i + n]] == words and self.free(i, i + n):
                    self.add(a, i, i + n, "alias")
                    break

    # ---- pass 7: further occurrences of organisation names the model missed
    def repeated_names(self) -> None:
        doc = self.doc
        forms = []
        for a in self.actors:
            if a.type != "organization":
                continue
            for n in set(a.names):
                words = n.split()
                if words:
                    forms.append((words, a))
        forms.sort(key=lambda f: -len(f[0]))
        by_first: dict[str, list[tuple[list[str], _Actor]]] = {}
        for words, a in forms:
            by_first.setdefault(words[0], []).append((words, a))
        texts = [t.text for t in doc]
        for i, first in enumerate(texts):
            if first not in by_first or i in self.taken or i in self.heading_tokens or doc[i].idx < self.dateline_end:
                continue
            for words, a in by_first[first]:
                n = len(words)
                if texts[i:i + n] == words and self.free(i, i + n):
                    self.add(a, i, i + n, "name")
                    break

    # ---- output
    def table(self) -> ActorTable:
        article = self.article
        doc = self.doc
        actors = [a for a in self.actors if a.mentions]
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
            name = self.canonical(a, names)
            aliases = sorted({n for n in names if n != name})
            rows.append({
                "doc_id": article.doc_id, "actor_id": a.actor_id, "name": name, "type": a.type,
                "role": a.role, "institution": a.institution, "country": a.country, "former": a.former,
                "aliases": ";".join(aliases), "mentions": len(a.mentions),
                "first_start": spans[0][0], "first_end": spans[0][1], "gender": a.gender,
                "description": a.description, "speaks_for": "",
            })
        links = principals(rows)
        for r in rows:
            r["speaks_for"] = links.get(r["actor_id"], "")
        for i, owner in self.role_owner.items():
            if owner.actor_id and i not in token_actor:
                token_actor[i] = owner.actor_id
        mrows.sort(key=lambda r: (r["start"], r["end"]))  # in text order (stable)
        actors_df = pd.DataFrame(rows, columns=ACTOR_COLUMNS)
        mentions_df = pd.DataFrame(mrows, columns=MENTION_COLUMNS)
        return ActorTable(actors_df, mentions_df, token_actor, {r["actor_id"]: r for r in rows})

    def canonical(self, a: _Actor, names: list[str]) -> str:
        if a.type == "country":
            return a.key
        if a.type == "anonymous":
            return f"unnamed {names[0]}" if names else "unnamed source"
        if a.type == "group":
            return names[0]
        return max(names, key=lambda n: (len(n.split()), len(n), -names.index(n)))


def extract_actors(article: Article, doc: Doc) -> ActorTable:
    """Find, merge and describe the actors of one parsed article."""
    ex = _Extractor(article, doc)
    ex.people()
    ex.surnames()
    ex.organisations_and_countries()
    ex.repeated_names()
    ex.institution_words()
    ex.organisation_nominals()
    ex.unnamed()
    ex.pronouns()
    ex.headings()
    return ex.table()


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
