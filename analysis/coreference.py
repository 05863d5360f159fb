"""Coreference: which actor each pronoun refers to, and the finished actor table.

:func:`resolve` takes the draft cast of :func:`analysis.actors.find_actors`
(a :class:`~analysis.actors.Cast`), adds a ``pronoun`` mention for every
pronoun the text settles (:func:`pronouns`; "its"/"their" of a body, :func:`possessives`;
"it"/"they" a body is reported to say, :func:`reported_subjects`), then the names in headings
(:func:`analysis.names.headings`), and returns the
:class:`~analysis.actors.ActorTable` of :func:`analysis.actors.actor_table`.
The headings come after the pronouns, so a name in a heading is never a
pronoun's antecedent. Mentions of people by a noun ("the official") are
linked earlier, by the unnamed-source pass (:mod:`analysis.unnamed`), because
that pass depends on them.

The method is rule-based salience (in the spirit of Lappin and Leass's
resolution of third-person pronouns): a candidate is a person or unnamed
source mentioned before the pronoun, within ``pronoun_window`` narrative
sentences (sentences wholly inside a quotation do not count), inside the
same quotation as the pronoun or outside every quotation, of a gender that
does not contradict the pronoun's. "He said" goes to the subject (or "by"
agent) of the last narrative sentence before, else the latest speaker; "X said he ..." to
X; "he" speaking in a clause of its sentence ("an address by X, in which he
said", "with X denouncing what he called") to the subject or "by" agent
before it there; otherwise a subject of the same sentence, then of the sentences before,
then the latest mention, an actor whose gender is known to match winning
within each level. A pronoun no rule settles stays unlinked. Pronouns and
the window are in ``analysis/data/actor_rules.yml``.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import IDX, IS_ALPHA
from spacy.tokens import Token

from . import names
from .actors import ActorTable, Cast, _Actor, _Mention, actor_table, reporting_lemmas
from .corpus import quotation_spans
from .nlp import forms


@dataclass(frozen=True)
class _Discourse:
    """What pronoun resolution reads besides the cast: quotations, sentences, reporting verbs."""

    quotes: list[tuple[int, int]]    # cleaned character spans of the quotations
    reporting: frozenset[str]        # reporting-verb lemmas
    sent_of: dict[int, int]          # token index -> sentence index
    quoted_sents: set[int]           # sentences wholly inside a quotation
    idx: list[int]                   # token index -> cleaned character offset
    narrative_before: list[int]      # sentence index -> narrative sentences before it
    verbs: dict                      # (start, end) of a mention -> :func:`speaks` of it, read once


def _discourse(cast: Cast) -> _Discourse:
    quotes = quotation_spans(cast.article.text)
    reporting = reporting_lemmas()
    sent_of: dict[int, int] = {}
    quoted_sents: set[int] = set()
    columns = cast.doc.to_array([IDX, IS_ALPHA]).tolist() if len(cast.doc) else []
    idx = [c[0] for c in columns]
    k = -1
    for k, sent in enumerate(cast.doc.sents):
        sent_of.update(dict.fromkeys(range(sent.start, sent.end), k))
        if not quotes:
            continue
        words = [idx[i] for i in range(sent.start, sent.end) if columns[i][1]]
        if words and all(any(qs <= x < qe for qs, qe in quotes) for x in words):
            quoted_sents.add(k)
    narrative_before = [0]
    for j in range(k + 1):
        narrative_before.append(narrative_before[-1] + (j not in quoted_sents))
    return _Discourse(quotes, reporting, sent_of, quoted_sents, idx, narrative_before, {})


def resolve(draft: Cast) -> ActorTable:
    """Add pronoun and heading mentions to a draft cast (in place) and return its table."""
    pronouns(draft)
    possessives(draft)
    reported_subjects(draft)
    names.headings(draft)
    return actor_table(draft)


def pronouns(cast: Cast) -> None:
    """A ``pronoun`` mention for every pronoun not yet taken whose actor the text settles."""
    doc = cast.doc
    d = _discourse(cast)
    table = cast.g.rules["pronouns"]
    window = int(cast.g.rules["pronoun_window"])
    for i in forms(doc).where(table):
        tok = doc[i]
        if tok.i in cast.taken:
            continue
        gender, _number = table[tok.lower_]
        quote = _in_quote(d, tok)
        target = resolve_pronoun(cast, d, tok, gender, quote, window)
        if target is not None:
            cast.add(target, tok.i, tok.i + 1, "pronoun")


def possessives(cast: Cast) -> None:
    """A ``pronoun`` mention for "its" or "their" possessing a noun of its own clause, when that
    clause's subject is an organization, country or group: "the Government will keep its policy",
    "Labor wants to change its policy". A possessive in the predicate refers to the clause's
    subject far more often than to anything else (the subject preference of Lappin and Leass,
    and the binding of possessives by the local subject); any other "its" or "their" stays unlinked."""
    doc = cast.doc
    table = cast.g.rules["possessives"]
    by_token = _actors_by_token(cast)
    for i in forms(doc).where(table):
        tok = doc[i]
        if tok.i in cast.taken or tok.dep_ != "poss":
            continue
        subject = _clause_subject(tok)
        actor = by_token.get(subject.i) if subject is not None else None
        if actor is not None and actor.type in table[tok.lower_]:
            cast.add(actor, tok.i, tok.i + 1, "pronoun")


def reported_subjects(cast: Cast) -> None:
    """A ``pronoun`` mention for "it" or "they" as the subject of a clause that an organization,
    country or group is reported to say: "the ministry said it would review the plan", "the rebels
    said they had withdrawn". The subject of a reported clause is bound by the reporter, as "X said
    he would" is of a person (:func:`resolve_pronoun`); any other "it" or "they" stays unlinked."""
    doc = cast.doc
    table = cast.g.rules["reported_subjects"]
    reporting = reporting_lemmas()
    by_token = _actors_by_token(cast)
    for i in forms(doc).where(table):
        tok = doc[i]
        verb = tok.head
        if tok.i in cast.taken or tok.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "ccomp":
            continue
        if verb.head.lemma_.lower() not in reporting or not _bound_by_reporter(tok, verb):
            continue
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        actor = by_token.get(subject.i) if subject is not None else None
        if actor is not None and actor.type in table[tok.lower_]:
            cast.add(actor, tok.i, tok.i + 1, "pronoun")


def _bound_by_reporter(tok: Token, verb: Token) -> bool:
    """Whether a subject pronoun of a reported clause can stand for the reporter: not an expletive
    "it" ("said it is up to the people to decide", "reported that it was not the dossier that
    triggered"), and no other subject noun between the reporting verb and the pronoun ("says while
    the initiative may create jobs, it will not help": the initiative)."""
    if tok.lower_ == "it" and verb.lemma_ == "be" and (
            any(c.dep_ in ("xcomp", "ccomp", "csubj") for c in verb.children)
            or any(g.dep_ == "relcl" for c in verb.children if c.dep_ == "attr" for g in c.children)):
        return False
    between = tok.doc[verb.head.i + 1:tok.i]
    return not any(t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN") for t in between)


def _actors_by_token(cast: Cast) -> dict[int, _Actor]:
    """The actor of each token inside a mention, as the cast stands now."""
    return {i: m.actor for m in cast.mentions if m.actor is not None for i in range(m.start, m.end)}


def _clause_subject(tok: Token) -> Token | None:
    """The subject of the clause a token is in; a verb of a controlled ("wants to change") or
    coordinated clause without its own subject takes the one of the verb it hangs on."""
    verb = tok.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
        if verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _in_quote(d: _Discourse, tok: Token) -> tuple[int, int] | None:
    return _quote_at(d, tok.idx)


def _quote_at(d: _Discourse, idx: int) -> tuple[int, int] | None:
    for s, e in d.quotes:
        if s <= idx < e:
            return s, e
    return None


_CLOSING = ("\u201d", '"')


def speaks(cast: Cast, d: _Discourse, m: _Mention) -> Token | None:
    """The reporting verb a mention is the subject of, if any.

    A name right after a closing quote mark is the speaker of the reporting verb that follows
    it ("“...,” Roe, 58, told AFP"), whatever the parser made of it (often a conjunct)."""
    doc = cast.doc
    head = doc[m.start:m.end].root
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_.lower() in d.reporting:
        return head.head
    k = max(m.end, head.right_edge.i + 1)
    first = min(m.start, head.left_edge.i)  # ", General Jane Roe, says": the title opens the apposition
    if k < len(doc) and doc[k].text == "," and first > 0 and doc[first - 1].text == ",":
        k += 1
    nxt = doc[k] if k < len(doc) else None
    if nxt is not None and nxt.tag_ in ("VBZ", "VBD") and nxt.lemma_.lower() in d.reporting and all(
            c.i < m.start for c in nxt.children if c.dep_ == "nsubj"):
        # "News of the X editor Jane Roe says", "The head of X, Jane Roe, says", "..., a militant from
        # the group told": the phrase the parser hung elsewhere, right before the verb
        return nxt
    before = doc[max(0, m.start - 2):m.start]
    if not any(t.text in _CLOSING for t in before):
        return None
    for t in doc[m.end:min(len(doc), m.end + 8)]:
        if t.lemma_.lower() in d.reporting and t.pos_ == "VERB":
            return t
        if t.text in (".", "\u201c", ";"):
            break
    return None


def _speaks(cast: Cast, d: _Discourse, m: _Mention) -> Token | None:
    """:func:`speaks`, read once per mention: every pronoun after it asks again."""
    key = (m.start, m.end)
    if key not in d.verbs:
        d.verbs[key] = speaks(cast, d, m)
    return d.verbs[key]


def _in_content(verb: Token, tok: Token) -> bool:
    """Is a token inside a clause a reporting verb reports (not in the verb's own object phrase)?"""
    return any(tok in list(c.subtree) for c in verb.children if c.dep_ in ("ccomp", "xcomp", "parataxis", "advcl"))


def _object_of(cast: Cast, m: _Mention, verb: Token) -> bool:
    """Is a mention the object of ``verb``, the one told or asked ("told Hannity", "asked Trump")?"""
    root = cast.doc[m.start:m.end].root
    return root.head.i == verb.i and root.dep_ in ("dobj", "dative") and root.i > verb.i


def _questions(cast: Cast, subjects: list[_Mention]) -> list[Token]:
    """The verbs 'ask' these subjects ask a question with ("asked Y how high ...", "asked Y whether
    ..."), not a request ("asked Y to look into ...")."""
    verbs = [cast.doc[m.start:m.end].root.head for m in subjects]
    return [v for v in verbs if v.lemma_.lower() == "ask" and any(c.dep_ == "ccomp" for c in v.children)
            and not any(c.dep_ == "xcomp" for c in v.children)]


def _agent_before(cast: Cast, d: _Discourse, tok: Token, gender: str, people: list[_Mention]) -> _Actor | None:
    """'with Mr X denouncing what he called ...', 'an address by Mr X, in which he said ...': the
    subject of a reporting verb inside a clause of its sentence (not its main verb) is the person
    who is a subject, or the agent of a "by" phrase, before it in that sentence (the latest)."""
    if tok.dep_ != "nsubj" or tok.head.lemma_.lower() not in d.reporting or tok.head.dep_ not in (
            "relcl", "pcomp", "acl", "advcl", "ccomp"):
        return None
    k = d.sent_of[tok.i]
    agents = [m for m in people if d.sent_of[m.start] == k and m.actor.gender in ("", gender) and (
        m.subject or _by_agent(cast, m))]
    return max(agents, key=lambda m: m.start).actor if agents else None


def _by_agent(cast: Cast, m: _Mention) -> bool:
    """Is a mention the "by" agent of a passive or a noun ("was spelt out by spokesman X", "an address
    by X"): the one who acts, as a subject is?"""
    root = cast.doc[m.start:m.end].root
    return root.dep_ == "pobj" and root.head.lower_ == "by"


def narrative_distance(d: _Discourse, a: int, b: int) -> int:
    """Sentences between two sentence indices, not counting sentences wholly inside a quotation."""
    return d.narrative_before[b] - d.narrative_before[a] if b > a else 0


def resolve_pronoun(cast: Cast, d: _Discourse, tok: Token, gender: str, quote: tuple[int, int] | None,
                    window: int) -> _Actor | None:
    """The actor a pronoun refers to (``quote``: the quotation it stands in), or None."""
    sent_of = d.sent_of
    k = sent_of[tok.i]
    people = [m for m in cast.mentions if m.actor is not None and m.actor.type in ("person", "anonymous") and m.start < tok.i]
    if quote is not None:
        people = [m for m in people if quote[0] <= d.idx[m.start] < quote[1]]
    else:
        people = [m for m in people if _quote_at(d, d.idx[m.start]) is None]
    people = [m for m in people if narrative_distance(d, sent_of[m.start], k) <= window]
    inner = _agent_before(cast, d, tok, gender, people) if quote is None else None
    if inner is not None:
        return inner
    if quote is None and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in d.reporting:
        # "he said": the subject of the last narrative sentence before, else the latest speaker,
        # even one of unknown gender
        told = {m.actor.key for m in people if _object_of(cast, m, tok.head)}  # "he told X": not X
        earlier = [m for m in people if sent_of[m.start] < k and m.actor.gender in ("", gender)
                   and m.actor.key not in told]
        if earlier:
            last = max(sent_of[m.start] for m in earlier)
            subjects = [m for m in earlier if sent_of[m.start] == last and (
                m.subject or _by_agent(cast, m) or _speaks(cast, d, m))]
            asked = [m for m in earlier if sent_of[m.start] == last and any(
                _object_of(cast, m, v) for v in _questions(cast, subjects))]
            if asked:  # "X asked Y how ... “...,” he said": the answer is Y's
                return asked[0].actor
            if subjects:  # one who speaks there first ("X's plan is bad, Y said. ... he said": Y)
                return min(subjects, key=lambda m: (_speaks(cast, d, m) is None, m.start)).actor
        speakers = [m for m in earlier if _speaks(cast, d, m) is not None]
        if speakers:
            return max(speakers, key=lambda m: m.start).actor
    # "X said he would ...": the subject of the reported clause is the speaker
    if quote is None and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ccomp":
        own = [m for m in people if _speaks(cast, d, m) == tok.head.head and m.actor.gender in ("", gender)]
        if own:
            return own[-1].actor
    # deeper inside what someone is reported to say, a pronoun does not refer to that speaker (but
    # "X criticized her state's laws": a possessor in the verb's own object is X)
    people = [m for m in people if not ((verb := _speaks(cast, d, m)) is not None and _in_content(verb, tok)
                                        and sent_of[m.start] == k)]

    # Salience first (a subject of this sentence, then of the sentences before, then the
    # latest mention); within a level, an actor whose gender is known to match wins.
    cands = [m for m in people if m.actor.gender in ("", gender)]
    if not cands:
        return None
    same = [m for m in cands if sent_of[m.start] == k and m.subject]
    if same:
        return max(same, key=lambda m: (m.actor.gender == gender, m.start)).actor
    for back in range(1, window + 1):
        prev = [m for m in cands if sent_of[m.start] == k - back and m.subject]
        if prev:
            return max(prev, key=lambda m: (m.actor.gender == gender, -m.start)).actor
    return max(cands, key=lambda m: (m.actor.gender == gender, m.start)).actor
