"""Names: people, organisations and countries named in an article, with their roles.

The naming passes of the actor stage. Each takes the draft
:class:`~analysis.actors.Cast` and adds actors and mentions to it;
:func:`analysis.actors.find_actors` runs them in this order:

:func:`people`
    PERSON entities (and names the model tagged otherwise but the text shows
    are people), trimmed of possessives and titles; full names first so that
    a bare surname joins them; the title before a name and an apposition
    after it give role, institution, country, gender and ``former``.
:func:`surnames`
    surnames of people found so far that the model missed or tagged as
    something else.
:func:`organisations_and_countries`
    the other entities: organisations (with their institution), countries
    that act (not places, not adjectives), seats of government standing for
    the state ("the Kremlin said"), plural nationality groups ("Republicans").
:func:`repeated_names`
    further occurrences of organisation names the model did not tag.
:func:`institution_words`
    institutions named by a common noun or a hyphenated prefix ("the
    administration", "the U.S. military", "U.N.-led").
:func:`organisation_nominals`
    "the board", "the ministry": an organisation named before, by its head noun
    or by the noun that described it ("the carrier" after "budget carrier Acme").
:func:`company_nominals`
    "the company": the business named before (by a corporate suffix, else the
    organisation of no public institution just mentioned).
:func:`speaking_names`
    run after the unnamed sources: a proper noun the model did not tag, the
    subject of a reporting verb, is an organisation ("Acmeland has announced").
:func:`nationality_nouns`
    "The Australian says": the one person of that country (or of none) just named.
:func:`unstated_governments`
    "The Government says" with no country given: a voice of its own.
:func:`headings`
    names in headings, matched case-insensitively against the actors found;
    :func:`analysis.coreference.resolve` runs it after the pronouns.

The method corrects what a small spaCy model gets wrong in news text
(possessives, titles swallowed by names, surnames tagged as organisations,
countries tagged as people) with the word lists and institution tables of
``analysis/data`` (``titles.csv``, ``institutions.csv``, ``countries.csv``,
``first_names.csv``, ``actor_rules.yml``).
"""
from __future__ import annotations

from bisect import bisect_right

import re

from functools import lru_cache

from spacy.tokens import Span, Token

from .actors import (
    Cast, _Actor, _country_in, _join_institutions, _lower_words, _match_institutions, _span_root, _surname, _trim,
    POSSESSIVE, country_of, narrowed_set, reporting_lemmas,
)
from .nlp import forms
from .resources import load_csv


# --------------------------------------------------------------------------- people

def people(cast: Cast) -> None:
    """Names of people, with the titles before them and the appositions after them."""
    doc = cast.doc
    spans = []
    addressed = _addressed(cast)  # once per story
    for ent in cast.ents:
        if ent.start in cast.heading_tokens or ent.start_char < cast.dateline_end:
            continue
        if ent.label_ not in cast.g.rules["person_labels"] and not _looks_like_person(cast, ent, addressed):
            continue
        if ent.text in _organisation_names(cast):
            continue  # "pay TV operator Acme" tagged as a person: an organisation (organisations_and_countries)
        s, e = _trim(doc, ent.start, ent.end)
        e = _before_verb(cast, s, e)  # "Glenn Doe Blasts Critics": a headline's verb read into a name
        # titles swallowed by the entity ("Secretary Smith", "President Ana de la Cruz")
        while s < e - 1 and doc[s].lower_ in cast.g.titles:
            s += 1
        if s >= e or e - s == 1 and doc[s].lower_ in cast.g.titles:
            continue  # "the Queen", "the Pope" tagged as a name: a title, for the person who holds it
        words = [t.text for t in doc[s:e]]
        if len(words) == 1 and country_of(words[0]) and not _multi_token_person(cast, words[0]):
            continue  # a country tagged as a person ("border with Jordan")
        if not any(ch.isupper() for ch in doc[s].text) and not (
                doc[s].lower_ in cast.g.rules["name_particles"] and e - s > 1 and doc[s + 1].text[:1].isupper()):
            continue
        spans.append((s, e))
    spans += _titled_names(cast, {i for s, e in spans for i in range(s, e)})
    spans += _honorific_surnames(cast, spans)
    # full names first so that bare surnames can join them
    for s, e in sorted(spans, key=lambda x: (-(x[1] - x[0]), x[0])):
        if not cast.free(s, e):
            continue
        if e - s == 1:
            s = _first_name_start(cast, s)
        words = [t.text for t in cast.doc[s:e]]
        actor = _person_for(cast, words, _honorific_gender(cast, s), s)
        how = "name" if len(words) > 1 or len(actor.names) == 0 else "alias"
        actor.names.append(cast.text(s, e))
        cast.add(actor, s, e, how)
        _attach_role(cast, actor, s, e)


@lru_cache(maxsize=1)
def _verb_forms() -> frozenset[str]:
    """Inflected forms of the reporting verbs ("says", "blasts", "praised"), which a title-case
    headline capitalises like a name."""
    out = set()
    for row in load_csv("reporting_verbs.csv"):
        lemma = row["lemma"].strip().lower()
        out.update({lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma.rstrip("e") + "ing"})
    out.update({"says", "said", "tells", "told", "wrote", "writes"})
    return frozenset(out)


def _before_verb(cast: Cast, s: int, e: int) -> int:
    doc = cast.doc
    forms_ = _verb_forms()
    for k in range(s + 1, e):
        if doc[k].lower_ in forms_ and doc[k].text[:1].isupper():
            return k
    return e


def _titled_names(cast: Cast, found: set[int]) -> list[tuple[int, int]]:
    """Names the model missed after a title: "Governor Ana Ruiz", "Sen. Tom Hill" (one to three
    capitalised words that are no entity of another kind, and not a place or an institution)."""
    doc = cast.doc
    out = []
    for i, low in enumerate(cast.lows):
        title = cast.g.titles.get(low)
        if title is None or title[1] not in ("title", "honorific") or i + 1 >= len(doc):
            continue
        j = i + 1
        while j < len(doc) and j - i <= 3 and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and \
                j not in found and not doc[j].ent_type_ in ("ORG", "GPE", "NORP", "FAC", "LOC", "DATE") and \
                doc[j].lower_ not in cast.g.titles and not country_of(doc[j].text) and \
                doc[j].lower_ not in cast.g.institution_words:
            j += 1
        if j - i >= 3 and doc[i].idx >= cast.dateline_end and i not in cast.heading_tokens:
            out.append((i + 1, j))  # a first name and a surname at least
    return out


def _honorific_surnames(cast: Cast, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'Ms Caird', 'Mr Romero': an honorific and one capitalised word that ends a longer person name
    found in the story is that person's surname, whatever entity type the model gave it (a title
    and a bare surname are easily tagged as an organisation)."""
    doc = cast.doc
    taken = {i for s, e in spans for i in range(s, e)}
    surnames = {doc[e - 1].text for s, e in spans if e - s > 1}
    out = []
    for i, low in enumerate(cast.lows[:-1]):
        title = cast.g.titles.get(low)
        j = i + 1
        if title is None or title[1] != "honorific" or j in taken or doc[j].text not in surnames:
            continue
        if j + 1 < len(doc) and doc[j + 1].text[:1].isupper() and doc[j + 1].pos_ == "PROPN":
            continue  # "Mr Roe Smith": a longer name of its own
        if doc[i].idx >= cast.dateline_end and i not in cast.heading_tokens:
            out.append((j, j + 1))
    return out


def _looks_like_person(cast: Cast, ent: Span, addressed: frozenset[str]) -> bool:
    """A name the model tagged as an organisation or place but the text shows is a person:
    it stands in apposition to a title ("chief negotiator, Ilse Marten,") or right after one,
    starts with a known first name, or ends with a word the story writes after "Mr" or "Dr"
    (``addressed``: :func:`_addressed`)."""
    if ent.label_ not in ("ORG", "GPE", "NORP", "PRODUCT") or not 2 <= len(ent) <= 3:
        return False
    if any(t.lower_ in cast.g.institution_words for t in ent) or country_of(ent.text):
        return False
    if ent.start > 0 and cast.g.titles.get(cast.doc[ent.start - 1].lower_, ("", ""))[1] == "title":
        return True  # "U.N. envoy Anders de Villiers": a name right after a title
    root = ent.root
    titled = (root.dep_ == "appos" and (root.head.lower_ in cast.g.titles or root.head.lower_ in cast.g.person_nouns)) or any(
        c.dep_ == "appos" and (c.lower_ in cast.g.titles or c.lower_ in cast.g.person_nouns) for c in root.children)
    # "meet de Mistura": a surname with its lower-case particle, as only people's names begin
    words = [t for t in ent]
    while len(words) > 2 and words[0].tag_.startswith("VB"):
        words = words[1:]  # "meet de Mistura": a verb the model read into the name
    particle = words[0].text in cast.g.rules["name_particles"] and words[1].text[:1].isupper()
    return titled or particle or ent[0].text in cast.g.first_names or ent[-1].text in addressed


def _addressed(cast: Cast) -> frozenset[str]:
    """Words the story puts right after an honorific of address ("Mr Schneiders", "Ms. Roe";
    ``address_honorifics``, not "Lord", which also names a deity): surnames of people,
    so a name ending in one is a person's, whatever entity type the model gave it."""
    doc = cast.doc
    address = frozenset(cast.g.rules["address_honorifics"])
    return frozenset(doc[i + 1].text for i, low in enumerate(cast.lows[:-1])
                     if low in address and doc[i + 1].text[:1].isupper())


def _multi_token_person(cast: Cast, word: str) -> bool:
    """Is ``word`` part of a longer PERSON entity somewhere in the text?"""
    return any(
        ent.label_ == "PERSON" and len(ent) > 1 and word in [t.text for t in ent] for ent in cast.ents
    )


def _same_first_name(cast: Cast, a: str, b: str) -> bool:
    """'Ken' and 'Kenneth', 'Bill' and 'William': one first name, short and full."""
    if a == b:
        return True
    short, full = sorted((a, b), key=len)
    nicknames = cast.g.rules["nicknames"]
    return len(short) >= 3 and full.startswith(short) or nicknames.get(short) == full or nicknames.get(full) == short


def _honorific_gender(cast: Cast, s: int) -> str:
    """'Mrs. Clinton', 'Mr. Clinton': the gender of an honorific right before a name ('' if none)."""
    if s < 1:
        return ""
    gender, kind = cast.g.titles.get(cast.doc[s - 1].lower_, ("", ""))
    return gender if kind == "honorific" else ""


def _person_for(cast: Cast, words: list[str], gender: str = "", at: int = -1) -> _Actor:
    """The person a name belongs to: one with that surname and no other first name (and, after
    'Mr.' or 'Mrs.', not of the other gender), else a new one. A bare surname that two people
    share goes to the one in view at token ``at`` (:func:`_in_view`)."""
    sur = _surname(words)
    first = words[0] if len(words) > 1 and words[0] not in cast.g.rules["name_particles"] else ""
    candidates = [a for a in cast.actors if a.type == "person" and a.key == sur]
    if len(words) == 1 and at >= 0 and len(candidates) > 1:
        candidates.sort(key=lambda a: _in_view(cast, a, at))
    if gender and len(words) == 1:
        candidates = [a for a in candidates if a.gender in ("", gender)] or candidates
        candidates.sort(key=lambda a: a.gender == gender)  # a known match last, so it is tried first
    if first:  # 'Donald Roe Jr.' and 'Donald Roe' are two people: a generation suffix must agree
        candidates = [a for a in candidates if _generation(cast, words) in
                      {_generation(cast, n.split()) for n in a.names if len(n.split()) > 1} | {None}]
    elif len(candidates) > 1:  # a bare 'Roe' is the elder: news calls the younger 'Roe Jr.'
        candidates.sort(key=lambda a: not _junior(cast, a))
    for a in reversed(candidates):
        firsts = {n.split()[0] for n in a.names if len(n.split()) > 1}
        if not first or not firsts or any(_same_first_name(cast, first, f) for f in firsts):
            return a
        if any(n.split()[-len(words):] == words for n in a.names if len(n.split()) > len(words)):
            return a  # the end of a longer name: 'Vargas Llosa' after 'Mario Vargas Llosa' (two surnames)
    if len(words) == 1 and not candidates:
        named = _by_first_word(cast).get(words[0], [])
        if len(named) == 1:
            return named[0]
    actor = _Actor("person", sur)
    cast.actors.append(actor)
    return actor


def _generation(cast: Cast, words: list[str]) -> str | None:
    """The generation suffix ending a full name ('Jr.', 'III'), '' for none; None for a name that is
    a surname with its suffix only ('Roe Jr.', which says nothing of a full name's)."""
    suffix = words[-1] if words and words[-1] in cast.g.rules["name_suffixes"] else ""
    return None if suffix and len(words) < 3 else suffix.rstrip(".")


def _junior(cast: Cast, actor: _Actor) -> bool:
    """Is a person named with a generation suffix ('Donald Roe Jr.')?"""
    return any(_generation(cast, n.split()) for n in actor.names)


def _in_view(cast: Cast, actor: _Actor, at: int) -> tuple[int, bool, int]:
    """How much a person is in view at token ``at``: the sentence of their latest mention before it,
    then whether a mention in that sentence is its subject ('Bill Clinton campaigned for his wife,
    Hillary Clinton. ... Clinton said': Bill), then the latest mention."""
    before = [m for m in actor.mentions if m.start < at]
    if not before:
        return (-1, False, -1)
    last = max(before, key=lambda m: m.start)
    sent = cast.doc[last.start].sent.start
    return (sent, any(m.subject and cast.doc[m.start].sent.start == sent for m in before), last.start)


def _by_first_word(cast: Cast) -> dict[str, list[_Actor]]:
    """People by the first word of their full names, for a word that is no one's surname: the
    family name of a name written family name first ('Ban Ki-moon' ... 'Ban said', 'Xi Jinping'
    ... 'Xi') or a first name used alone ('Bernie'). Only a word that starts exactly one person's
    name joins that person (the caller checks); a title or particle is never one."""
    keys = {a.key for a in cast.actors if a.type == "person"}
    out: dict[str, list[_Actor]] = {}
    for a in cast.actors:
        if a.type != "person":
            continue
        for n in dict.fromkeys(x.split()[0] for x in a.names if len(x.split()) > 1):
            if n.lower() in keys or n.lower() in cast.g.titles or n in cast.g.rules["name_particles"] or \
                    not n[:1].isupper() or len(n) < 2:
                continue
            if a not in out.setdefault(n, []):
                out[n].append(a)
    return out


def _attach_role(cast: Cast, actor: _Actor, s: int, e: int) -> None:
    """Read a title before the name ``doc[s:e]`` and an apposition after it into the person's record."""
    role_toks = _title_before(cast, s)
    described = _apposition_before(cast, s, e)
    parts = described + role_toks + _apposition_after(cast, e)
    if not parts:
        _gender_from_name(cast, actor)
        return
    cast.role_tokens.update(t.i for t in role_toks)
    cast.taken.update(t.i for t in role_toks)
    for t in role_toks:
        cast.role_owner[t.i] = actor
    if described:  # "the Health Minister, Jane Roe,": the title noun stands for her
        cast.role_owner.setdefault(_apposed_to(cast.doc[e - 1]).i, actor)
    _record_role(cast, actor, s, parts)
    _gender_from_name(cast, actor)


def _title_before(cast: Cast, s: int) -> list[Token]:
    """'Defense Secretary', 'U.S. Ambassador to X': the title words right before a name (none without a title)."""
    doc = cast.doc
    g = cast.g
    connectors = set(g.rules["title_connectors"])
    i = s - 1
    left: list[int] = []
    sent_start = doc[s].sent.start
    while i >= sent_start:
        t = doc[i]
        low = t.lower_
        if t.is_space or (t.is_punct and t.text not in ("-",)):
            break
        if i in cast.taken and i not in cast.role_tokens:
            break
        if low in g.titles or (i + 1 < s and f"{low} {doc[i + 1].lower_}" in g.titles):
            left.append(i)
        elif low in connectors and left:
            if low in ("for", "to") and i > sent_start and doc[i - 1].lower_ in g.rules["agent_titles"]:
                break  # "a spokesman for Immigration Minister X": the minister is X, the spokesman another
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
    if has_title and i >= sent_start + 1 and doc[i].text in POSSESSIVE and (
            (i - 1) in cast.taken or doc[i - 1].pos_ == "PROPN"):
        # "Reed’s spokeswoman Lisa Moy": whose spokeswoman she is belongs to her role
        j = i - 1
        while j - 1 >= sent_start and ((j - 1) in cast.taken or doc[j - 1].pos_ == "PROPN") and not doc[j - 1].is_punct:
            j -= 1
        role_toks = [doc[k] for k in range(j, i + 1)] + role_toks
    return role_toks if has_title else []


def _apposition_before(cast: Cast, s: int, e: int) -> list[Token]:
    """'the Health Minister, Jane Roe,', 'The Chief of the Army, Lieutenant-General John Roe,': the
    title the name (``doc[s:e]``, with any title before it) stands in apposition to, set off by a
    comma; its words without determiners, punctuation or clauses (none if the noun is no title)."""
    g = cast.g
    doc = cast.doc
    root = doc[e - 1]
    head = _apposed_to(root)
    # the name's phrase, a title before it included, from its first word (the parser may hang the
    # comma before it on the name)
    s = min([t.i for t in root.subtree if not t.is_punct] + [s])
    if root.dep_ != "appos" or head.i >= s or s < 1 or doc[s - 1].text != "," or head.i != s - 2 and not any(
            c.dep_ == "prep" and c.i < s for c in head.children):
        return []
    if head.tag_ not in ("NN", "NNP") or not (
            head.lower_ in g.titles and g.titles[head.lower_][1] == "title" or head.lower_ in g.person_nouns):
        return []  # (not "two senior leaders, X and Y": a plural names several people)
    clauses = {x.i for c in head.children if c.dep_ in ("relcl", "acl", "appos") for x in c.subtree}
    return [t for t in doc[head.left_edge.i:s - 1] if t.i not in clauses and t.dep_ not in ("poss", "case")
            and not (t.dep_ == "det" and t.i == head.left_edge.i)
            and (not t.is_punct or t.text == "-")]


def _apposed_to(root: Token) -> Token:
    """The noun a name's last word stands in apposition to; for "The head of the Law Institute, Jane
    Roe," the title, not the body the parser hangs her on."""
    head = root.head
    if head.dep_ == "pobj" and head.head.lower_ in ("of", "at") and head.head.head.i < head.i:
        return head.head.head
    return head


def _apposition_after(cast: Cast, e: int) -> list[Token]:
    """Apposition after the name ending at ``e`` when it holds a title ("Jane Doe, a Pentagon
    spokeswoman,") or is headed by a noun for a person ("John Roe, the presumptive Republican nominee,")."""
    g = cast.g
    appos_toks: list[Token] = []
    root = cast.doc[e - 1]
    for child in root.children:
        if child.dep_ == "appos" and child.i >= e:
            sub = [t for t in child.subtree if t.dep_ not in ("relcl",) and not t.is_punct or t.text == "-"]
            words = {t.lower_ for t in sub}
            if words & {w for w, (_g, k) in g.titles.items() if k == "title"} or child.lower_ in g.person_nouns:
                appos_toks = [t for t in sub if t.lower_ not in ("a", "an", "the")]
    return appos_toks


def _record_role(cast: Cast, actor: _Actor, s: int, parts: list[Token]) -> None:
    """Role, ``former``, role words, gender, institution and country from a person's title words."""
    g = cast.g
    former = any(t.lower_ in ("former", "ex") for t in parts)
    # an honorific ("Mr", "Dr", "the Reverend") gives a gender, not a role
    role_words = [t for t in parts if t.lower_ not in ("former", "ex", "then")
                  and g.titles.get(t.lower_, ("", ""))[1] != "honorific"]
    role = " ".join(t.text for t in role_words).replace(" - ", "-").replace(" \u2019s", "\u2019s").replace(
        " 's", "'s").strip()
    if len(role) > len(actor.role):
        actor.role = role
    actor.former = actor.former or former
    lows = [t.lower_ for t in parts]
    full = g.rules["title_abbreviations"]
    words = lows + [full[w] for w in lows if w in full]  # "Sen." is a senator
    actor.role_words.update(words)
    actor.role_heads.update(w for w in words if w in g.titles and g.titles[w][1] == "title")
    # a noun for a person in the role ("the presumptive Republican nominee"): "the nominee" later
    actor.role_heads.update(g.person_nouns[w][0] for w in words[-1:] if w in g.person_nouns)
    for t in parts:
        gender = g.titles.get(t.lower_, ("", ""))[0]
        if gender and not actor.gender:
            actor.gender = gender
    country = _country_in(parts)
    found = _match_institutions(lows, country, cast.home)
    if not found:
        found = _institution_from_context(cast, s)
    if found and (not actor.institution or len(role) >= len(actor.role)):
        actor.institution = _join_institutions(found)
        country = country or found[0][1]
    if country and not actor.country:
        actor.country = country


def _institution_from_context(cast: Cast, s: int) -> list[tuple[str, str, int]]:
    """'At the White House, spokesman X ...': an institution in a fronted phrase."""
    doc = cast.doc
    sent = doc[s].sent
    for t in sent:
        if t.i >= s:
            break
        if t.dep_ == "prep" and t.lower_ in cast.g.rules["institution_prepositions"]:
            obj = [c for c in t.children if c.dep_ == "pobj"]
            if obj:
                sub = list(obj[0].subtree)
                found = _match_institutions([x.lower_ for x in sub], _country_in(sub), cast.home)
                if found:
                    return found
    return []


def _gender_from_name(cast: Cast, actor: _Actor) -> None:
    """A known first name gives the gender when no title did."""
    if actor.gender:
        return
    for name in actor.names:
        words = name.split()
        if len(words) > 1 and words[0] in cast.g.first_names:
            actor.gender = cast.g.first_names[words[0]]
            return


# --------------------------------------------------------------------------- surnames

def surnames(cast: Cast) -> None:
    """Surnames the model missed or mislabelled (a surname tagged ORG, or not tagged at all)."""
    doc = cast.doc
    people = [a for a in cast.actors if a.type == "person"]
    by_surname: dict[str, list[_Actor]] = {}
    for a in people:
        by_surname.setdefault(a.key, []).append(a)
    for word, named in _by_first_word(cast).items():
        if len(named) == 1 and word.lower() not in by_surname:
            by_surname[word.lower()] = named
    for i in forms(doc).where(by_surname):
        tok = doc[i]
        if tok.i in cast.taken or tok.i in cast.heading_tokens or tok.idx < cast.dateline_end:
            continue
        if not tok.text[:1].isupper():
            continue
        if tok.ent_type_ in ("ORG", "GPE", "FAC", "NORP") and tok.ent_iob_ != "" and any(
                e.start <= tok.i < e.end and len(e) > 1 for e in cast.ents if e.label_ != "PERSON"):
            continue  # "Kesh" inside "the Kesh Foreign Ministry"
        if tok.is_sent_start and tok.pos_ != "PROPN" and tok.dep_ not in ("nsubj", "nsubjpass", "poss") \
                and not _modal_before_past(tok):
            continue
        # a bare 'Roe' is the elder, never 'Roe Jr.'; else the one in view
        actor = max(by_surname[tok.text.lower()], key=lambda a: (not _junior(cast, a), _in_view(cast, a, tok.i)))
        actor.names.append(tok.text)
        cast.add(actor, tok.i, tok.i + 1, "alias")


def _first_name_start(cast: Cast, s: int) -> int:
    """Where the name of a surname tagged alone at ``s`` starts: at the word before when that word is
    the first name of exactly one person of that surname found so far ('German Ortega' with only
    'Ortega' tagged: that brother, not the other Ortega); else at ``s``."""
    if s == 0 or s - 1 in cast.taken or not cast.doc[s - 1].text[:1].isupper():
        return s
    first, key = cast.doc[s - 1].lower_, cast.doc[s].lower_
    named = [a for a in cast.actors if a.type == "person" and a.key == key
             and any(len(n.split()) > 1 and n.split()[0].lower() == first for n in a.names)]
    return s - 1 if len(named) == 1 else s


def _modal_before_past(tok: Token) -> bool:
    """A 'modal' on a past-tense verb is a surname ('Will wrote', 'May said'): no modal takes one."""
    return tok.tag_ == "MD" and tok.dep_ == "aux" and tok.head.tag_ in ("VBD", "VBN", "VBZ")


# --------------------------------------------------------------------------- organisations and countries

def organisations_and_countries(cast: Cast) -> None:
    """The other entities: surnames tagged otherwise, countries, organisations, nationality groups."""
    doc = cast.doc
    people_ = sorted((a for a in cast.actors if a.type == "person"), key=lambda a: not _junior(cast, a))
    surnames = {a.key: a for a in people_}  # a bare 'Roe' is the elder (last here), not 'Roe Jr.'
    for ent in cast.ents:
        if ent.start in cast.heading_tokens or ent.start_char < cast.dateline_end:
            continue
        s, e = _trim(doc, ent.start, ent.end)
        if s >= e or not cast.free(s, e):
            continue
        text = cast.text(s, e)
        label = ent.label_
        if label != "ORG" and ent.text in _organisation_names(cast):
            label = "ORG"  # "travel company Acme" tagged as a person or a place: what the text says it is
        if label in cast.g.rules["organization_labels"] + cast.g.rules["person_labels"]:
            words = text.split()
            if len(words) > 1 and words[0] in cast.g.rules["name_particles"]:
                words = words[1:]  # "de Villiers": a surname with its particle
            if text.lower() in surnames or _surname(words) in surnames and len(words) == 1:
                person = surnames[_surname(words)]
                person.names.append(text)
                cast.add(person, s, e, "alias")
                continue
            person = _ending_a_name(people_, words)
            if person is not None:  # "Wali Roe" tagged ORG after "Ahmad Wali Roe": that person
                person.names.append(text)
                cast.add(person, s, e, "alias")
                continue
        country = country_of(text)
        if country and label not in ("ORG",) or (label == "PERSON" and country):
            _country_mention(cast, country, s, e)
            continue
        root = doc[s:e].root
        if label in cast.g.rules["organization_labels"] and _describes_a_person(cast, s, e):
            continue  # "a State Department official": the official is the actor, described by the body
        if label in cast.g.rules["organization_labels"] and not any(ch.isupper() for ch in text) and \
                root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in cast.g.titles:
            continue  # "secretary of state" tagged ORG: part of a title, not an organisation
        if label in cast.g.rules["organization_labels"]:
            _organisation_mention(cast, s, e, label)
        elif label == "NORP" and root.tag_ in ("NNPS", "NNS") and _takes_part(root):
            s = _quantified_from(cast, root, s)
            _group_of_people(cast, cast.text(s, e), s, e)  # "Republicans said ...", "criticism from Democrats"


_NAME_LABELS = ("PERSON", "GPE", "LOC", "NORP", "PRODUCT")  # the names a small model mistypes for an organisation's


def _organisation_names(cast: Cast) -> frozenset[str]:
    """The entity texts the story describes as an organisation's name somewhere (once per cast)."""
    if cast.organisation_names is None:
        cast.organisation_names = frozenset(ent.text for ent in cast.ents if ent.label_ in _NAME_LABELS
                                            and ent.text[:1].isupper()
                                            and _described_as_organisation(cast, ent.start, ent.end))
    return cast.organisation_names


def _described_as_organisation(cast: Cast, s: int, e: int) -> bool:
    """Does a noun of ``organisation_describers`` describe the name ``doc[s:e]``, set right before it
    ("pay TV operator Acme") or with the name in apposition to it ("the biggest airline, Acme,")?"""
    doc = cast.doc
    nouns = cast.g.rules["organisation_describers"]
    root = doc[s:e].root
    if root.dep_ == "appos" and root.head.i < s and root.head.lower_ in nouns and root.head.pos_ == "NOUN":
        return True
    before = doc[s - 1] if s > 0 else None
    if before is None or before.lower_ not in nouns or before.pos_ != "NOUN":
        return False
    # the noun hangs on the name, or the parser hung them apart but the name is no clause's subject
    # (not "the company Roe founded")
    return s <= before.head.i < e or root.dep_ not in ("nsubj", "nsubjpass")


def speaking_names(cast: Cast) -> None:
    """A name the model did not tag that speaks: a capitalised word, a proper noun somewhere in the
    article and never written in lower case, as the subject of a reporting verb ("Acmeland has
    announced", "Acme is urging") is an organisation: a person is named in full first, and a word
    that ends a longer name elsewhere is that person's surname.""" 
    doc = cast.doc
    f = forms(doc)
    reporting = reporting_lemmas()
    g = cast.g
    for i, dep in enumerate(f.dep):
        if dep != "nsubj" or i in cast.taken or f.lemma[f.head[i]] not in reporting or not f.text[i][:1].isupper():
            continue
        tok = doc[i]
        low = tok.lower_
        same = [doc[j] for j in f.where({low})]
        if tok.pos_ not in ("PROPN", "NOUN") or not tok.is_alpha or tok.ent_type_ in ("PERSON", "NORP") or any(t.text == low for t in same) \
                or not any(t.pos_ == "PROPN" for t in same) or any(c.dep_ in ("det", "poss", "amod") for c in tok.children):
            continue
        if any(t.i > 0 and doc[t.i - 1].pos_ == "PROPN" and doc[t.i - 1].text[:1].isupper() for t in same):
            continue  # the last word of a longer name given elsewhere ("Ann Roe ... Roe said"): a surname
        if low in g.titles or low in g.first_names or low in g.person_nouns or low in g.institution_words \
                or country_of(tok.text) or low in g.adjectives or i in cast.heading_tokens:
            continue
        s = min([c.i for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [i])
        if cast.free(s, i + 1):
            name = cast.text(s, i + 1)
            actor = next((a for a in cast.actors if a.type == "organization" and a.key == name.lower()), None)
            if actor is None:
                actor = _Actor("organization", name.lower())
                cast.actors.append(actor)
            actor.names.append(name)
            cast.add(actor, s, i + 1, "name")


def nationality_nouns(cast: Cast) -> None:
    """'Roe won in three sets. The Australian says ...': "the" and a nationality noun alone, the
    subject of a reporting verb, is the one person of that country mentioned in its sentence or the
    two before, or the one person there of no country the story gives; with several, no one."""
    doc = cast.doc
    f = forms(doc)
    reporting = reporting_lemmas()
    starts = [s.start for s in doc.sents]
    for i in f.where(cast.g.adjectives):
        if i < 1 or f.dep[i] != "nsubj" or f.lemma[f.head[i]] not in reporting or f.lower[i - 1] != "the" \
                or not cast.free(i - 1, i + 1) or len(list(doc[i].children)) != 1:
            continue
        first = starts[max(0, bisect_right(starts, i) - 3)]
        country = country_of(f.text[i])
        near = {m.actor.key: m.actor for m in cast.mentions if m.actor is not None and m.actor.type == "person"
                and first <= m.start < i and m.actor.country in ("", country)}
        of_it = [a for a in near.values() if a.country == country]
        if len(of_it) == 1 or not of_it and len(near) == 1:
            cast.add((of_it or list(near.values()))[0], i - 1, i + 1, "nominal")


def unstated_governments(cast: Cast) -> None:
    """'The Government is also warning ...': a bare "the government" that speaks, whose country no word
    gives and no pass has settled, is a voice the text gives (a government of its own, named as
    the text names it), not an unresolved speaker."""
    doc = cast.doc
    f = forms(doc)
    reporting = reporting_lemmas()
    for i in f.where(set(cast.g.rules["government_nouns"])):
        if i < 1 or i in cast.taken or f.dep[i] != "nsubj" or f.lemma[f.head[i]] not in reporting \
                or f.lower[i - 1] != "the" or len(list(doc[i].children)) != 1 or i in cast.heading_tokens:
            continue
        _org_actor(cast, f.text[i][:1].upper() + f.text[i][1:], "", "", i, None)


def _ending_a_name(people_: list[_Actor], words: list[str]) -> _Actor | None:
    """The one person whose longer name ends with these two or more words ("Wali Roe" of "Ahmad Wali
    Roe", a name shortened by its first word), None if no one's or several people's does."""
    if len(words) < 2:
        return None
    found = [a for a in people_ if any(n.split()[-len(words):] == words for n in a.names
                                       if len(n.split()) > len(words))]
    return found[0] if len(found) == 1 else None


def _quantified_from(cast: Cast, root: Token, s: int) -> int:
    """Where a group's phrase starts: at a quantifier before it ("several Democrats", "some Tories"
    are a part of the party, a group of their own), else at the name."""
    quantifiers = set(cast.g.rules["indefinite_determiners"]) - {"a", "an", "one", "another"}
    q = [c.i for c in root.lefts if c.lower_ in quantifiers and c.dep_ in ("det", "amod", "nummod") and c.i == s - 1]
    return q[0] if q and q[0] not in cast.taken else s


def _describes_a_person(cast: Cast, s: int, e: int) -> bool:
    """Does the name ``doc[s:e]`` only modify an unnamed person ("a State Department official"), alone
    or joined to another name ("State Department and Treasury aides")?"""
    root = cast.doc[s:e].root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    head = root.head
    noun = cast.g.person_nouns.get(head.lower_)
    person_noun = noun is not None and cast.g.noun_kinds.get(noun[0]) not in ("organization", "organisation", "state")
    return (root.dep_ in ("compound", "nmod", "amod") and head.i >= e
            and (person_noun or head.lower_ in cast.g.titles)
            and not any(t.ent_type_ == "PERSON" for t in head.subtree))


def _takes_part(tok: Token) -> bool:
    """Does a plural noun name people who act or react: a subject, or the people something comes
    from, is done by or is done with ("criticism from Democrats", "backed by Republicans")?"""
    node = tok
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ in ("nsubj", "nsubjpass", "dobj"):
        return True
    return node.dep_ == "pobj" and node.head.lower_ in ("from", "by", "among", "with", "of") and \
        node.head.head.pos_ in ("NOUN", "VERB")


def _group_of_people(cast: Cast, text: str, s: int, e: int) -> None:
    """A plural nationality that acts ("Republicans said ..."): a group; "Republicans who have praised
    him" are a narrower one, of their own (:func:`analysis.actors.narrowed_set`)."""
    key = text.lower()
    narrowed = narrowed_set(_span_root(cast.doc, s, e))
    actor = None if narrowed else next((a for a in cast.actors if a.type == "group" and a.key == key), None)
    if actor is None:
        actor = _Actor("group", key)
        actor.head = key
        actor.role = text
        cast.actors.append(actor)
    actor.names.append(text)
    cast.add(actor, s, e, "name")


def _organisation_mention(cast: Cast, s: int, e: int, label: str) -> None:
    """An organisation entity, with the institution it names (a seat of government is its country)."""
    doc = cast.doc
    words = _lower_words(doc[s:e])
    country = _country_in(doc[s:e])
    found = _own_institutions(cast, words, _match_institutions(words, country, cast.home))
    if not found and label == "FAC":
        return  # a building, not an actor
    name = cast.text(s, e)
    if not found and any(w in cast.g.rules["armed_group_words"] for w in words):
        found = [("Armed group", "", 0)] if not country else [(f"{cast.g.prefix.get(country, country)} military", country, 0)]
    seat = [f for f in found if f[0].endswith(" government") and f[1]]
    if seat and len(found) == 1 and _match_institutions(words, "", "") == found:
        # a seat of government standing for the state ("the Kremlin said")
        _country_alias(cast, seat[0][1], s, e)
        return
    key = found[0][0] if found and len(found) == 1 and found[0][0] != "Armed group" else name.lower()
    if key.startswith("news ") or key == "Armed group":
        key = name.lower()
    actor = next((a for a in cast.actors if a.type == "organization" and a.key == key), None)
    if actor is None:
        actor = _Actor("organization", key)
        actor.institution = _join_institutions(found)
        actor.country = (found[0][1] if found else "") or country
        cast.actors.append(actor)
    actor.names.append(name)
    cast.add(actor, s, e, "name")


def _own_institutions(cast: Cast, words: list[str], found: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    """The institutions an organisation's name is of. English names are head-final: a name whose
    last word is no institution word is of an institution only if it opens with it, after any
    country ("Senate Banking Committee", "U.S. Senate ..."); one named further in describes
    something else ("Guild of Defense Engineers", "National Defense Readiness Act" are not the
    Defense Department; "Department of Defense" is)."""
    if not found or words[-1] in cast.g.institution_words:
        return found
    lead = next((k for k, w in enumerate(words) if w != "the" and not country_of(w)), len(words))
    return [f for f in found if f[2] <= lead]


def _country_alias(cast: Cast, country: str, s: int, e: int) -> None:
    """A mention of a country by another name (its seat of government)."""
    actor = next((a for a in cast.actors if a.type == "country" and a.key == country), None)
    if actor is None:
        actor = _Actor("country", country)
        actor.country = country
        actor.institution = f"{cast.g.prefix.get(country, country)} government"
        cast.actors.append(actor)
    actor.names.append(country)
    cast.add(actor, s, e, "alias")


def _country_mention(cast: Cast, country: str, s: int, e: int) -> None:
    """A country that acts; not an adjective, a modifier, or a place something happens in."""
    doc = cast.doc
    root = _span_root(doc, s, e)
    text = cast.text(s, e)
    rules = cast.g.rules
    low = text.lower()
    if low in cast.g.adjectives and low not in cast.g.country_nouns:
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
    actor = next((a for a in cast.actors if a.type == "country" and a.key == country), None)
    if actor is None:
        actor = _Actor("country", country)
        actor.country = country
        actor.institution = f"{cast.g.prefix.get(country, country)} government"  # a state acts through it
        cast.actors.append(actor)
    actor.names.append(country)
    cast.add(actor, s, e, "name" if text.lower() == country.lower() else "alias")


# --------------------------------------------------------------------------- repeated organisation names

def repeated_names(cast: Cast) -> None:
    """Further occurrences of organisation names the model missed."""
    doc = cast.doc
    names_ = []
    for a in cast.actors:
        if a.type != "organization":
            continue
        for n in set(a.names):
            words = n.split()
            if words:
                names_.append((words, a))
    names_.sort(key=lambda f: -len(f[0]))
    by_first: dict[str, list[tuple[list[str], _Actor]]] = {}
    for words, a in names_:
        by_first.setdefault(words[0], []).append((words, a))
    texts = forms(doc).text
    for i, first in enumerate(texts):
        if first not in by_first or i in cast.taken or i in cast.heading_tokens or doc[i].idx < cast.dateline_end:
            continue
        for words, a in by_first[first]:
            n = len(words)
            if texts[i:i + n] == words and cast.free(i, i + n):
                if not _describes_a_person(cast, i, i + n):
                    cast.add(a, i, i + n, "name")
                break


# --------------------------------------------------------------------------- acronyms

_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,7}$|^[A-Z][A-Z&]{1,6}$")
def _initials(name: str, skip: frozenset[str]) -> str:
    """'Environmental Protection Agency' -> 'EPA', 'Federal Bureau of Investigation' -> 'FBI'."""
    words = [w for part in name.replace("-", " ").split() if (w := part.strip(".,'\u2019"))]
    return "".join(w[0] for w in words if w.lower() not in skip).upper()


def _spelled_by(letters: str, name: str, skip: frozenset[str]) -> bool:
    """Does an acronym spell a name: its initials ("Royal Flying Doctor Service": RFDS), or the
    initials of the name's last words ("New South Wales State Emergency Service": SES)?"""
    initials = _initials(name, skip)
    return len(letters) >= 2 and (initials == letters or len(initials) > len(letters) and initials.endswith(letters))


def bracketed_acronyms(cast: Cast) -> None:
    """'the Royal Flying Doctor Service (RFDS) ... The RFDS says': an acronym in brackets right after
    an organisation's name is the short name the story gives it (AP Stylebook, "abbreviations and
    acronyms"), whether or not the model tags its later uses; :func:`repeated_names` then finds those."""
    doc = cast.doc
    skip = frozenset(cast.g.rules["acronym_skip_words"])
    for a in [a for a in cast.actors if a.type == "organization"]:
        for m in list(a.mentions):
            e = m.end
            if e + 2 >= len(doc) or doc[e].text != "(" or doc[e + 2].text != ")":
                continue
            short = doc[e + 1].text
            if _ACRONYM.match(short) and _spelled_by(short.replace(".", ""), cast.text(m.start, m.end), skip) \
                    and cast.free(e + 1, e + 2):
                cast.add(a, e + 1, e + 2, "alias")
                a.names.append(short)


def acronyms(cast: Cast) -> None:
    """An organisation named only by an acronym is the organisation whose full name the acronym
    spells ('the Environmental Protection Agency ... the EPA said'), or that the story gave that
    acronym in brackets (:func:`bracketed_acronyms`), when exactly one does: its mentions join that
    actor as aliases."""
    orgs = [a for a in cast.actors if a.type == "organization" and a.names]
    skip = frozenset(cast.g.rules["acronym_skip_words"])
    for short in orgs:
        if not all(_ACRONYM.match(n.replace(" ", "")) for n in short.names):
            continue
        letters = short.names[0].replace(".", "").replace(" ", "").upper()
        full = [a for a in orgs if a is not short and any(
            len(n.split()) > 1 and _initials(n, skip) == letters or n in short.names for n in a.names)]
        if len(full) != 1:
            continue
        target = full[0]
        for m in short.mentions:
            m.actor = target
            m.how = "alias"
            target.mentions.append(m)
        target.names.extend(short.names)
        short.mentions = []
        cast.actors.remove(short)


# --------------------------------------------------------------------------- institution words and organisation nominals

def institution_words(cast: Cast) -> None:
    """'the administration', 'administration policy', 'U.N.-led efforts'."""
    doc = cast.doc
    g = cast.g
    single = {
        words[0]: (inst, country, proper) for words, inst, country, proper, _k in g.institutions
        if len(words) == 1
    }
    suffixes = set(g.rules["hyphen_suffixes"])
    for i, low in enumerate(cast.lows):
        if low not in single and not ("-" in low and low.rsplit("-", 1)[1] in suffixes):
            continue
        tok = doc[i]
        if tok.i in cast.taken or tok.i in cast.heading_tokens or tok.idx < cast.dateline_end:
            continue
        if "-" in low and low.rsplit("-", 1)[1] in suffixes:
            prefix = tok.text.rsplit("-", 1)[0]
            row = single.get(prefix.lower())
            if row and row[2] == "yes" and not country_of(prefix):
                _org_actor(cast, prefix, row[0], row[1], tok.i, (tok.idx, tok.idx + len(prefix)))
            continue
        row = single.get(low)
        heads = [tok.head, tok.head.head]
        part_of_title = tok.dep_ in ("pobj", "compound", "nmod", "amod", "conj") and any(
            h.lower_ in g.titles or h.lower_ in g.person_nouns for h in heads
        )  # "the secretary of defense", "defense officials", "U.S. military and intelligence officers"
        if not row or tok.pos_ != "NOUN" or low in g.titles or tok.tag_ != "NN" or part_of_title:
            continue
        mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss") and c.i < tok.i]
        owner = [c for c in mods if c.i in cast.taken and c.ent_type_ == "PERSON"]
        country = next((country_of(c.text) for c in mods if country_of(c.text) and "-" not in c.text), "")
        if "{adj}" in row[0] and country:
            # "the U.S. military", "the Syrian government": a national institution
            first = min(c.left_edge.i for c in mods if country_of(c.text))
            name = cast.text(first, tok.i + 1)
            inst = row[0].replace("{adj}", g.prefix.get(country, country))
            _org_actor(cast, name, inst, country, tok.i, (doc[first].idx, tok.idx + len(tok.text)))
        elif row[2] == "home" and row[1] == cast.home:
            if owner:
                # "the Trump administration": the owner's administration, an actor of its own
                first = min(c.i for c in owner)
                _org_actor(cast, cast.text(first, tok.i + 1), row[0], row[1], tok.i,
                               (doc[first].idx, tok.idx + len(tok.text)))
            else:
                # "the administration" after "the Trump administration": the same one
                named = next((a for a in reversed(cast.actors) if a.type == "organization"
                              and a.key.endswith(" " + low) and a.mentions), None)
                if named is not None:
                    cast.add(named, tok.i, tok.i + 1, "nominal")
                else:
                    _org_actor(cast, low, row[0], row[1], tok.i, None, how="nominal")


def _org_actor(cast: Cast, name: str, institution: str, country: str, i: int, chars, how: str = "name") -> None:
    """A mention of an organisation over token ``i`` (``chars``: the part of the token that names it)."""
    key = name.lower()
    actor = next((a for a in cast.actors if a.type == "organization" and a.key == key), None)
    if actor is None:
        actor = _Actor("organization", key)
        actor.institution, actor.country = institution, country
        cast.actors.append(actor)
    actor.names.append(name)
    m = cast.add(actor, i, i + 1, how)
    m.chars = chars


def organisation_nominals(cast: Cast) -> None:
    """'the board', 'the ministry', 'the Observatory': an organisation named before, by its head noun
    (its last word, or the word before the phrase that follows the head: "Syrian Observatory for Human
    Rights", "Joint Committee on Taxation")."""
    doc = cast.doc
    named = sorted(
        [(min(m.start for m in a.mentions), word, a) for a in cast.actors
         if a.type == "organization" and a.mentions and a.names and len(a.names[0].split()) > 1
         for word in _head_words(cast, a.names[0])] + _described_as(cast),
        key=lambda x: x[0])
    heads: dict[str, _Actor] = {}
    k = 0
    words = {word for _start, word, _a in named}
    for i in forms(doc).where(words):
        while k < len(named) and named[k][0] < i:
            heads[named[k][1]] = named[k][2]
            k += 1
        tok = doc[i]
        target = heads.get(tok.lower_) or _named_soon_after(cast, tok, named[k:])
        if (tok.i in cast.taken or tok.pos_ not in ("NOUN", "PROPN") or target is None
                or not any(c.lower_ in ("the", "this") and c.dep_ == "det" for c in tok.children)):
            continue
        det = next(c for c in tok.children if c.dep_ == "det")
        if cast.free(det.i, tok.i + 1) and det.i == tok.i - 1:
            cast.add(target, det.i, tok.i + 1, "nominal")


def _named_soon_after(cast: Cast, tok: Token, later: list[tuple[int, str, _Actor]]) -> _Actor | None:
    """'The department has confirmed ... . The Immigration Department has confirmed': a definite
    noun that speaks before any organisation of that head is named is the one organisation of that
    head the story names in the next three sentences."""
    if tok.dep_ != "nsubj" or tok.head.lemma_.lower() not in reporting_lemmas() or len(list(tok.children)) != 1:
        return None
    starts = [s.start for s in cast.doc.sents]
    at = bisect_right(starts, tok.i)
    end = starts[at + 3] if at + 3 < len(starts) else len(cast.doc)
    found = {id(a): a for start, word, a in later if word == tok.lower_ and tok.i < start < end}
    return next(iter(found.values())) if len(found) == 1 else None


def _described_as(cast: Cast) -> list[tuple[int, str, _Actor]]:
    """(token, noun, organisation) for each common noun a mention of an organisation is described by:
    a noun set before the name ("travel company Traveland", "the pay TV operator Acme") or in
    apposition after it ("Acme, a software company"), so that "the company", "the operator" later
    refer back to it."""
    doc = cast.doc
    out = []
    for m in cast.mentions:
        if m.actor is None or m.actor.type != "organization" or m.end - m.start > 6:
            continue
        root = doc[m.start:m.end].root
        nouns = [c for c in root.children if c.dep_ == "appos" and c.i >= m.end and c.pos_ == "NOUN"]
        if root.dep_ == "appos" and root.head.i < m.start and root.head.pos_ == "NOUN":
            nouns.append(root.head)
        if m.start > 0 and doc[m.start - 1].pos_ == "NOUN" and doc[m.start - 1].dep_ in ("compound", "appos") \
                and m.start <= doc[m.start - 1].head.i < m.end:
            nouns.append(doc[m.start - 1])
        out += [(m.start, n.lower_, m.actor) for n in nouns if n.lower_.isalpha()]
    return out


def _head_words(cast: Cast, name: str) -> set[str]:
    """The words an organisation's name may be referred back to by: its last word, and the word
    before the first connector of a name of three words or more ("Observatory" in "Syrian
    Observatory for Human Rights")."""
    words = name.lower().split()
    out = {words[-1]}
    connectors = set(cast.g.rules["title_connectors"]) | {"on"}
    at = next((k for k, w in enumerate(words) if w in connectors), 0)
    if at >= 1 and len(words) >= 3:
        out.add(words[at - 1])
    return out


def company_nominals(cast: Cast) -> None:
    """'the company', 'the firm': the latest organisation named before whose name ends with a
    corporate suffix ("Acme Corp."); with none, the organisation of no public institution
    mentioned latest in its sentence or the two before ("Acme Petroleum delayed ... The company
    blamed")."""
    doc = cast.doc
    suffixes = set(cast.g.rules["corporate_suffixes"])
    companies = [(min(m.start for m in a.mentions), a) for a in cast.actors if a.type == "organization"
                 and a.mentions and a.names and a.names[0].split()[-1].lower() in suffixes]
    for i in forms(doc).where(set(cast.g.rules["company_nouns"])):
        tok = doc[i]
        if tok.i in cast.taken or i < 1 or doc[i - 1].lower_ not in ("the", "this") or not cast.free(i - 1, i + 1):
            continue
        before = [(start, a) for start, a in companies if start < i]
        if before:
            target = max(before, key=lambda x: max(m.start for m in x[1].mentions if m.start < i))[1]
            cast.add(target, i - 1, i + 1, "nominal")
        elif (near := _organisation_near(cast, i, private=True)) is not None:
            cast.add(near, i - 1, i + 1, "nominal")


def _organisation_near(cast: Cast, i: int, private: bool = False) -> _Actor | None:
    """The organisation mentioned latest before token ``i`` in its sentence or the two before
    (``private``: only one of no public institution, a business or a civic body, named as itself,
    not as a modifier)."""
    starts = [s.start for s in cast.doc.sents]
    first = starts[max(0, bisect_right(starts, i) - 3)]
    near = [m for m in cast.mentions if m.actor is not None and m.actor.type == "organization"
            and first <= m.start < i and not (private and (m.actor.institution or _modifies(cast, m)))]
    return max(near, key=lambda m: m.start).actor if near else None


def _modifies(cast: Cast, m) -> bool:
    """Is the mention only a modifier of a noun after it ("the Acme gasfield", "Acme's email program")?"""
    root = cast.doc[m.start:m.end].root
    return root.dep_ in ("compound", "amod", "nmod", "poss") and root.head.i >= m.end


def organisation_generics(cast: Cast) -> None:
    """'Amnesty International said ... The organisation called on': "the organisation" is the
    organisation mentioned latest in its sentence or the two before (``organisation_nouns``)."""
    doc = cast.doc
    for i in forms(doc).where(set(cast.g.rules["organisation_nouns"])):
        if i < 1 or doc[i - 1].lower_ not in ("the", "this") or not cast.free(i - 1, i + 1):
            continue
        if (near := _organisation_near(cast, i)) is not None:
            cast.add(near, i - 1, i + 1, "nominal")


def person_bodies(cast: Cast) -> None:
    """'the Clinton campaign', 'Trump's campaign': a body named after a person is an organisation
    of its own (it speaks, not the person)."""
    doc = cast.doc
    owners = {i: m.actor for m in cast.mentions if m.actor is not None and m.actor.type == "person"
              for i in range(m.start, m.end)}
    for i in forms(doc).where(set(cast.g.rules["person_bodies"])):
        tok = doc[i]
        if tok.i in cast.taken or tok.pos_ != "NOUN":
            continue
        owner = [c for c in tok.children if c.dep_ in ("compound", "poss") and c.i in owners]
        if owner:
            first = min(x.i for x in owner[0].subtree if x.i in owners)
            name = f"{doc[first:owner[0].i + 1].text} {tok.text}"
            _org_actor(cast, name, "", "", tok.i, (doc[first].idx, tok.idx + len(tok.text)))


# --------------------------------------------------------------------------- headings

def headings(cast: Cast) -> None:
    """Headings, matched case-insensitively against the names of the actors found."""
    doc = cast.doc
    forms: list[tuple[list[str], _Actor]] = []
    for a in cast.actors:
        for n in set(a.names) | ({a.key} if a.type in ("country",) else set()):
            words = n.lower().split()
            if words and words[0] == "the":
                words = words[1:]
            if words:
                forms.append((words, a))
        if a.type == "person":
            forms.append(([a.key], a))
    forms.sort(key=lambda f: -len(f[0]))
    for i in sorted(cast.heading_tokens):
        if i in cast.taken:
            continue
        for words, a in forms:
            n = len(words)
            if i + n <= len(doc) and [t.lower_ for t in doc[i:i + n]] == words and cast.free(i, i + n):
                cast.add(a, i, i + n, "alias")
                break


def national_governments(cast: Cast) -> None:
    """'Damascus has dismissed ...' and 'The Syrian government had indicated ...': a state acting and its
    government named as such are one actor (a capital or a country named for its government is an
    alias of it, ``gold/GUIDELINE.md`` section 2), listed under the government's name. The country's
    mentions join the national government a story names ("the <adjective> government"), so that the
    story's references to that state are not split between two actors."""
    for gov in [a for a in cast.actors if a.type == "organization" and a.country and a.mentions]:
        if not gov.key.endswith(" government") or \
                gov.institution != f"{cast.g.prefix.get(gov.country, gov.country)} government":
            continue
        state = next((a for a in cast.actors if a.type == "country" and a.key == gov.country and a.mentions), None)
        if state is None:
            continue
        for m in state.mentions:
            m.actor = gov
        gov.mentions.extend(state.mentions)
        gov.names.extend(state.names)
        state.mentions, state.names = [], []
        cast.actors.remove(state)
