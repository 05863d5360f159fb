"""Who said what: direct quotations, reported and mixed speech, with speakers.

:func:`extract_quotes` returns a DataFrame with one row per statement:

``doc_id, quote_id, speaker, speaker_id, speaker_type, kind, cue, start, end,
text, sentence_index, paragraph_index``
    ``kind`` is ``direct`` (words inside quote marks), ``indirect``
    (reported speech without marks) or ``mixed`` (reported speech with a
    quoted fragment). ``cue`` is the reporting verb's lemma, empty for a
    floating quotation. ``start``/``end`` are offsets into the original
    file and ``text == original[start:end]``: for a direct quotation the
    quoted words without the marks, for reported speech the reported clause
    without the reporting verb and the speaker. A statement by several
    actors ("the White House and Pentagon demanded ...") has their names
    and ids joined with ``;``. A speaker the text does not settle is
    ``unresolved`` (empty ``speaker_id``).
``cue_start, cue_end, speaker_start, speaker_end``
    offsets of the reporting verb and of the speaker's words (``-1`` when
    there are none), so a reader can see what the attribution rests on.

The method follows the reporting verb's parse: its clause complement or
object is the content, its subject the speaker; quotations are then
attributed to a reporting verb next to them, or continue the previous
speaker when nothing in their sentence attributes them. Reporting verbs
are in ``analysis/data/reporting_verbs.csv``.

:func:`find_statements` runs the passes over a shared :class:`Reading` of
the article, each in a module of its own:

1. reported speech (:mod:`analysis.reported`): every reporting verb with its
   content and speaker tokens, then "according to" and headings that report;
2. the outermost statements are kept, and a quotation that opens inside
   reported speech is made part of it;
3. direct quotations not inside reported speech (:mod:`analysis.quotations`),
   with the reporting verb next to them;
4. in text order, speaker tokens are resolved to actors
   (:mod:`analysis.speakers`), and a quotation without a verb continues the
   previous statement's speaker (:func:`analysis.quotations.previous_speaker`).

This module holds what they share: the records, the reading, the reporting
verbs and :func:`verb_subject`.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd
from spacy.tokens import Doc, Token

from .actors import ActorTable
from .corpus import Article, quotation_spans
from .frames import Table
from .resources import load_csv, load_yaml

QUOTE_COLUMNS = [
    "doc_id", "quote_id", "speaker", "speaker_id", "speaker_type", "kind", "cue", "start", "end",
    "text", "sentence_index", "paragraph_index", "cue_start", "cue_end", "speaker_start", "speaker_end",
]
UNRESOLVED = "unresolved"


@lru_cache(maxsize=1)
def reporting_verbs() -> dict[str, str]:
    """Reporting-verb lemma -> where its content is (``clause``, ``object``, ``both`` or ``topic``)."""
    return {r["lemma"].strip().lower(): r["content"].strip() for r in load_csv("reporting_verbs.csv")}


@lru_cache(maxsize=1)
def _rules() -> dict:
    return load_yaml("quote_rules.yml")


@dataclass
class _Statement:
    kind: str
    cs: int                      # cleaned character span of the content
    ce: int
    cue: str = ""
    verb: Token | None = None
    speakers: list[str] = field(default_factory=list)   # actor ids
    speaker_tokens: list[Token] = field(default_factory=list)
    unresolved: bool = False


def verb_subject(verb: Token, token_actor: dict[int, str], depth: int = 0) -> list[Token]:
    """The subject tokens of a verb, looking through conjunctions and participles.

    Falls back on an actor mention right before the verb that the parser
    attached elsewhere ("..., the White House and Pentagon offered ...").
    """
    subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subs) > 1:
        after = [c for c in subs if c.i > verb.i and c.left_edge.i <= verb.i + 2]  # "said the official"
        # "China's delegate to the talks, Li Wei, said": the name set off by commas, split off by the parser
        named = [c for c in subs if c.i < verb.i and c.ent_type_ == "PERSON" and c.left_edge.i > 0
                 and verb.doc[c.left_edge.i - 1].text == "," and c is not subs[0]]
        # "WASHINGTON (Reuters) - The minister said": a dateline the parser made a second subject
        actors = [c for c in subs if c.i in token_actor]
        subs = after[:1] or named[-1:] or actors[:1] or subs[:1]
    if subs:
        return subs
    surface = _surface_subject(verb, token_actor) or _described_subject(verb)
    if surface:
        return surface
    if depth > 3:
        return []
    if verb.dep_ == "conj":
        siblings = [c for c in verb.head.children if c.dep_ == "conj" and c.i < verb.i and c.pos_ in ("VERB", "AUX")]
        number = _verb_number(verb)
        ancestors = [verb.head] + [a for a in list(verb.head.ancestors)[:2] if a.pos_ in ("VERB", "AUX")]
        candidates = sorted(siblings, key=lambda t: -t.i) + ancestors
        if verb.tag_ == "VBG":  # "calling for X to act and saying ...": parallel participles first
            candidates = [c for c in candidates if c.tag_ == "VBG"] + [c for c in candidates if c.tag_ != "VBG"]
        for candidate in candidates:
            found = verb_subject(candidate, token_actor, depth + 1)
            if found and (not number or _noun_number(found[0]) in ("", number)):
                return found
        return []
    if verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG":
        return verb_subject(verb.head, token_actor, depth + 1)  # "..., saying ..."
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i in token_actor and verb.i > verb.head.i:
        return [verb.head]  # "Mr Roe, blaming Mr Doe for the attacks, sent ...": the one the participle describes
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.dep_ == "dobj" and verb.head.head.pos_ == "VERB":
        return verb_subject(verb.head.head, token_actor, depth + 1)  # "issued a statement saying ..."
    if verb.dep_ == "acl" and verb.tag_ == "VB" and verb.head.dep_ == "dobj" and verb.head.head.pos_ == "VERB" \
            and verb.head.lemma_.lower() in _rules()["document_nouns"]:
        return verb_subject(verb.head.head, token_actor, depth + 1)  # "wrote a letter to say ..."
    if verb.dep_ == "ccomp" and verb.head.pos_ == "VERB" and verb.i > verb.head.i and verb.doc[verb.i - 1].text == ",":
        return verb_subject(verb.head, token_actor, depth + 1)  # "said X, described Y": the same speaker
    if verb.tag_ == "VB" and verb.head.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # "used a luncheon to complain that ...": the act done with a thing is the subject's own ("urged
        # Mr. X to tell ...", "wanted to say": a request or a wish, not a statement made)
        # (not a purpose clause in general: "spoke anonymously to criticize the policy" says why the
        # source is unnamed, not a second statement)
        things = [c for c in verb.head.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i not in token_actor]
        if verb.dep_ in ("xcomp", "advcl") and things:
            return verb_subject(verb.head, token_actor, depth + 1)
    if verb.dep_ == "xcomp" and verb.tag_ == "VB" and _carries_on(verb.head):
        # "continued to warn that", "were quick to point out that": the one who goes on speaking
        owner = verb.head.head if verb.head.pos_ == "ADJ" else verb.head
        return verb_subject(owner, token_actor, depth + 1)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep":
        return verb_subject(verb.head.head, token_actor, depth + 1)  # "... after saying ..."
    return []


def _carries_on(head: Token) -> bool:
    """An aspectual verb or adjective whose infinitive is the subject's own act ("continue to",
    "begin to", "be quick to"; ``aspectual`` in ``quote_rules.yml``), not a wish or a refusal."""
    words = _rules()["aspectual"]
    if head.pos_ == "ADJ":
        return head.lower_ in words["adjectives"] and head.dep_ == "acomp"
    return head.lemma_.lower() in words["verbs"] and head.pos_ in ("VERB", "AUX")


_SINGULAR_AUX = {"is", "was", "has", "does"}
_PLURAL_AUX = {"are", "were", "have", "do"}


def _verb_number(verb: Token) -> str:
    """'sg' or 'pl' when the verb's own form or auxiliary shows it, else ''."""
    for tok in [c for c in verb.children if c.dep_ in ("aux", "auxpass")] + [verb]:
        low = tok.lower_
        if low in _SINGULAR_AUX or tok.tag_ == "VBZ":
            return "sg"
        if low in _PLURAL_AUX or tok.tag_ == "VBP":
            return "pl"
    return ""


def _noun_number(tok: Token) -> str:
    if tok.tag_ in ("NNS", "NNPS") or tok.lower_ in ("they", "we"):
        return "pl"
    if tok.tag_ in ("NN", "NNP") or tok.lower_ in ("he", "she", "it"):
        return "sg"
    return ""


def _described_subject(verb: Token) -> list[Token]:
    """'Russia, which has ..., said': the noun phrase that opens the sentence before a relative
    clause set off by commas, when the parser has lost the verb's subject inside that clause."""
    doc = verb.doc
    sent = verb.sent
    if verb.i < sent.start + 4 or doc[verb.i - 1].text != ",":
        return []
    rel = next((t for t in doc[sent.start:verb.i] if t.lower_ in ("which", "who")), None)
    if rel is None or rel.i < sent.start + 2 or doc[rel.i - 1].text != ",":
        return []
    phrase = doc[sent.start:rel.i - 1]
    if phrase[-1].pos_ in ("PROPN", "NOUN") and all(t.pos_ in ("DET", "ADJ", "PROPN", "NOUN", "NUM") for t in phrase):
        return [phrase[-1]]
    return []


def _surface_subject(verb: Token, token_actor: dict[int, str]) -> list[Token]:
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].dep_ in ("aux", "auxpass", "advmod", "neg") and i not in token_actor:
        i -= 1  # a name the parser took for a modal ("Will wrote") is a mention, not an auxiliary
    if i < 0 or i not in token_actor or doc[i].dep_ in ("nsubj", "nsubjpass", "dobj"):
        return []
    toks = []
    while i >= 0 and (i in token_actor or doc[i].lower_ in ("and", ",", "the")):
        toks.append(doc[i])
        i -= 1
    return [t for t in toks if t.i in token_actor]


# --------------------------------------------------------------------------- the reading of one article

@dataclass
class Reading:
    """What the quotation passes share about one article, and the statements found so far."""

    article: Article
    doc: Doc
    token_actor: dict[int, str]          # token index -> actor id (from the actor table)
    info: dict[str, dict]                # actor id -> actor row
    quotes: list[tuple[int, int]]        # cleaned character spans of the quotations
    verbs: dict[str, str]                # reporting-verb lemma -> where its content is
    rules: dict
    dateline_end: int
    sent_index: dict[int, int]           # token index -> sentence index
    statements: list[_Statement] = field(default_factory=list)   # attributed so far, in text order

    def __post_init__(self) -> None:
        ordered = all(a[1] <= b[0] for a, b in zip(self.quotes, self.quotes[1:]))
        self._starts = [s for s, _e in self.quotes] if ordered else None  # for a binary search

    def quote_of(self, tok: Token) -> tuple[int, int] | None:
        """The quotation a token stands in, if any."""
        idx = tok.idx
        if self._starts is not None:
            k = bisect_right(self._starts, idx) - 1
            return self.quotes[k] if k >= 0 and idx < self.quotes[k][1] else None
        for s, e in self.quotes:
            if s <= idx < e:
                return s, e
        return None

    def paragraph(self, clean_pos: int) -> int:
        """Index of the paragraph holding a cleaned offset (-1 if none)."""
        for p in self.article.paragraphs:
            if p.clean_start <= clean_pos < p.clean_end + 1:
                return p.index
        return -1

    def subject_of(self, verb: Token) -> list[Token]:
        """The subject tokens of a verb (see :func:`verb_subject`)."""
        return verb_subject(verb, self.token_actor)

    def mention_end(self, tok: Token) -> int:
        """Last token of the mention that ``tok`` belongs to."""
        actor = self.token_actor.get(tok.i)
        i = tok.i
        while actor and i + 1 < len(self.doc) and self.token_actor.get(i + 1) == actor:
            i += 1
        return i

    def mention_start(self, tok: Token) -> int:
        """First token of the mention (with its title) that ``tok`` belongs to."""
        actor = self.token_actor.get(tok.i)
        i = tok.i
        while actor and i - 1 >= 0 and self.token_actor.get(i - 1) == actor:
            i -= 1
        return i


def new_reading(article: Article, doc: Doc, actors: ActorTable) -> Reading:
    """The reading of one parsed article with its actors, before any statement is found."""
    sent_index: dict[int, int] = {}
    for k, s in enumerate(doc.sents):
        sent_index.update(dict.fromkeys(range(s.start, s.end), k))
    # "make (clear)": a clause; a phrasal verb listed with its own content keeps it ("rule (out) X")
    verbs = {**dict.fromkeys(_rules()["phrasal_reporting"], "clause"), **reporting_verbs()}
    return Reading(article, doc, actors.token_actor, actors.info, quotation_spans(article.text),
                   verbs, _rules(), len(article.dateline), sent_index)


def content_words(toks) -> list[Token]:
    """The tokens that are neither punctuation nor space."""
    return [t for t in toks if not (t.is_punct or t.is_space)]


def span_of(toks: list[Token]) -> tuple[int, int]:
    """Cleaned character span of some tokens without the punctuation, space or 'that' at their edges."""
    toks = sorted(toks, key=lambda t: t.i)
    while toks and (toks[0].is_punct and toks[0].text not in "\u201c\u2018" or toks[0].is_space or toks[0].lower_ == "that" and toks[0].dep_ == "mark"):
        toks = toks[1:]
    while toks and (toks[-1].is_space or toks[-1].is_punct and toks[-1].text not in "\u201d\u2019)?!"):
        toks = toks[:-1]
    if not toks:
        return -1, -1
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


# --------------------------------------------------------------------------- the passes in order

def find_statements(rd: Reading) -> list[_Statement]:
    """Every statement of the article with its speakers, in text order (see the module docstring)."""
    # the pass modules import the records above, so they are imported when first called
    from . import quotations, reported, speakers

    verbs = reported.reporting_verb_tokens(rd)
    candidates, used_for_quote = reported.reported_speech(rd, verbs)
    used = {st.verb.i for st in candidates if st.verb is not None} | {v.i for v in used_for_quote.values()}
    candidates.extend(st for st in reported.headlines(rd) if st.verb is None or st.verb.i not in used)
    kept = _outermost(rd, candidates)
    _extend_into_quotations(rd, kept)
    direct = quotations.direct_quotations(rd, kept, verbs, used_for_quote)
    speakers.attribute(rd, sorted(kept + direct, key=lambda s: s.cs))
    return rd.statements


def _outermost(rd: Reading, candidates: list[_Statement]) -> list[_Statement]:
    """Keep the outermost reported speech: drop statements whose cue lies inside another
    and statements wholly inside a quotation."""
    candidates.sort(key=lambda s: -(s.ce - s.cs))
    kept: list[_Statement] = []
    for st in candidates:
        if any(o.cs <= st.verb.idx < o.ce for o in kept if st.verb is not None):
            continue
        if any(q[0] <= st.cs and st.ce <= q[1] for q in rd.quotes):
            continue
        kept.append(st)
    return kept


def _extend_into_quotations(rd: Reading, kept: list[_Statement]) -> None:
    """A quotation that opens inside reported speech is part of it ("... was “unsafe.”")."""
    for st in kept:
        for q in rd.quotes:
            if st.cs <= q[0] - 1 < st.ce < q[1] + 1:
                st.ce = q[1] + 1
                st.kind = "mixed"


# --------------------------------------------------------------------------- the table

def extract_quotes(article: Article, doc: Doc, actors: ActorTable) -> pd.DataFrame:
    """Statements of one parsed article with their speakers; see the module docstring."""
    return quote_table(article, doc, actors).frame()


def quote_table(article: Article, doc: Doc, actors: ActorTable) -> Table:
    """:func:`extract_quotes` as rows (the pipeline's stages read these; see :mod:`analysis.frames`)."""
    rd = new_reading(article, doc, actors)
    statements = find_statements(rd)
    info = rd.info
    rows = []
    for n, st in enumerate(statements, 1):
        start, end = article.to_original(st.cs, st.ce)
        if st.verb is not None:
            cue_start, cue_end = article.to_original(st.verb.idx, st.verb.idx + len(st.verb.text))
        else:
            cue_start = cue_end = -1
        if st.speaker_tokens:
            toks = sorted(st.speaker_tokens, key=lambda t: t.i)
            first, last = rd.mention_start(toks[0]), rd.mention_end(toks[-1])
            ss, se = article.to_original(doc[first].idx, doc[last].idx + len(doc[last].text))
        else:
            ss = se = -1
        if st.speakers:
            names = "; ".join(info[a]["name"] for a in st.speakers)
            types = sorted({info[a]["type"] for a in st.speakers})
            speaker_type = types[0] if len(types) == 1 else "; ".join(types)
        else:
            names, speaker_type = UNRESOLVED, ""
        rows.append({
            "doc_id": article.doc_id,
            "quote_id": f"Q{n:02d}",
            "speaker": names,
            "speaker_id": ";".join(st.speakers),
            "speaker_type": speaker_type,
            "kind": st.kind,
            "cue": st.cue,
            "start": start,
            "end": end,
            "text": article.original[start:end],
            "sentence_index": article.sentence_index(start),
            "paragraph_index": article.paragraph_index(start),
            "cue_start": cue_start,
            "cue_end": cue_end,
            "speaker_start": ss,
            "speaker_end": se,
        })
    return Table(rows, QUOTE_COLUMNS)
