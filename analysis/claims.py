"""The claims each statement makes.

:func:`extract_claims` splits each statement of :mod:`analysis.quotes`
into clause-level claims and returns one row per claim:

``doc_id, claim_id, quote_id, speaker_id, type, target, polarity, start, end, text``
    ``type`` is one of ``assertion, evaluation, demand, condition,
    prediction, accusation, question, proposal``; ``target`` is an actor's
    name, or empty when the claim names no one (which issue a claim is
    about is decided by :mod:`analysis.issues`, the next stage);
    ``polarity`` (``positive``, ``negative``, ``neutral``) is toward the
    target; offsets are into the original text and ``text`` is
    ``original[start:end]``.
``target_id, target_type, holder_id, cues, gist``
    the target's actor id, its type, the actor whose position the claim
    states when that is not the speaker ("the minister supported ..." said by
    her spokesman), the words that decided type and polarity, and the claim
    as a short statement of at most eight words built from its subject,
    predicate and object ("Russia cannot be trusted").

Rules and word lists: ``analysis/data/claim_rules.yml``; the base polarity
lexicon is VADER's, read from the installed ``vaderSentiment`` package.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources as importlib_resources

import pandas as pd
from spacy.tokens import Doc, Token

from .actors import ActorTable, country_of
from .corpus import Article, quotation_spans
from .frames import Table, tuples
from .gists import gist
from .nlp import forms
from .quotes import reporting_verbs
from .resources import load_yaml

CLAIM_COLUMNS = [
    "doc_id", "claim_id", "quote_id", "speaker_id", "type", "target", "polarity", "start", "end", "text",
    "target_id", "target_type", "holder_id", "cues", "gist",
]
CLAIM_TYPES = ("assertion", "evaluation", "demand", "condition", "prediction", "accusation", "question", "proposal")


@lru_cache(maxsize=1)
def rules() -> dict:
    """The claim rules (``analysis/data/claim_rules.yml``)."""
    return load_yaml("claim_rules.yml")


@lru_cache(maxsize=1)
def polarity_lexicon() -> dict[str, int]:
    """Word or phrase -> +1 / -1: VADER's lexicon above the threshold, then the domain lists."""
    r = rules()
    lexicon: dict[str, int] = {}
    try:
        text = importlib_resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - dependency declared
        text = ""
    threshold = float(r["min_valence"])
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not re.fullmatch(r"[a-z][a-z'-]*", parts[0]):
            continue
        value = float(parts[1])
        if abs(value) >= threshold:
            lexicon[parts[0]] = 1 if value > 0 else -1
    for word in r["positive"]:
        lexicon[word.lower()] = 1
    for word in r["negative"]:
        lexicon[word.lower()] = -1
    for word in r["neutral"]:
        lexicon.pop(word.lower(), None)
    return lexicon


# --------------------------------------------------------------------------- claims

@dataclass
class _Claim:
    quote_id: str
    speaker_ids: list[str]
    cs: int
    ce: int
    tokens: list[Token] = field(default_factory=list)


def _phrase_in(phrase: str, text: str) -> re.Match | None:
    """Where ``phrase`` occurs in ``text`` as whole words, if it does."""
    if phrase not in text:
        return None
    return _phrase_pattern(phrase).search(text)


@lru_cache(maxsize=4096)
def _phrase_pattern(phrase: str) -> re.Pattern:
    return re.compile(r"(?<![\w\u2019'])" + re.escape(phrase) + r"(?![\w])")


def _split(tokens: list[Token], speaker_ids: list[str]) -> list[list[Token]]:
    """Clause-level pieces of one statement: sentences, then contrastive or 'saying' clauses."""
    r = rules()
    breaks = set(r["clause_breaks"])
    pieces: list[list[Token]] = []
    current: list[Token] = []
    for tok in tokens:
        cut = False
        if current and tok.is_sent_start:
            cut = True
        elif current and tok.lower_ in breaks and tok.dep_ in ("cc", "advmod", "mark", "prep"):
            later = [t for t in tokens if t.i > tok.i and t.pos_ in ("VERB", "AUX") and t.dep_ in ("conj", "advcl", "ccomp", "ROOT")]
            if later and any(c.dep_ in ("nsubj", "nsubjpass") for c in later[0].children):
                cut = True
        elif current and tok.text == "," and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].tag_ == "VBG" and tok.doc[tok.i + 1].lemma_ in ("say", "add", "argue", "warn", "note", "claim"):
            cut = True
        if cut and len([t for t in current if t.is_alpha]) >= 3:
            pieces.append(current)
            current = []
        current.append(tok)
    if current:
        if pieces and len([t for t in current if t.is_alpha]) < 3:
            pieces[-1].extend(current)
        else:
            pieces.append(current)
    return pieces


def _type(text: str, toks: list[Token]) -> tuple[str, list[str]]:
    r = rules()
    low = text.lower()
    if text.rstrip(" \u201d\u2019\"'").endswith("?"):
        return "question", ["?"]
    lemmas = {t.lemma_.lower() for t in toks} | {t.lower_ for t in toks}
    for kind in ("demand", "condition", "proposal", "prediction", "accusation", "evaluation"):
        hits = [c for c in r["types"][kind] if (" " in c and _phrase_in(c, low)) or c in lemmas]
        if hits:
            return kind, hits[:3]
    return "assertion", []


def _negated(tok: Token, stop: set[int]) -> bool:
    negs = {n.lower() for n in rules()["negators"]}
    node = tok
    for _ in range(6):
        if any(c.dep_ == "neg" or c.lower_ in negs for c in node.children):
            return True
        if node.head.i == node.i or node.head.i not in stop:
            return False
        node = node.head
    return False


@lru_cache(maxsize=2)
def _phrases(_key: int) -> tuple[str, ...]:
    """The multi-word entries of the polarity lexicon."""
    return tuple(p for p in polarity_lexicon() if " " in p)


def nested_quotes(toks: list[Token]) -> set[int]:
    """Token indices inside a quotation nested in the claim (‘...’ inside “...”): words the
    speaker quotes from someone else. A gap in the token indices starts a new claim."""
    out: set[int] = set()
    inside = False
    prev = None  # the token before in the list, read once per token
    for t in toks:
        i, text = t.i, t.text
        if prev is not None and i != prev.i + 1:
            inside = False
        if text in ("\u2018", "'") and not inside and (prev is None or prev.whitespace_ or prev.is_punct
                                                        or text == "\u2018"):
            inside = True
        elif text in ("\u2019", "'", "\u201d") and inside:
            inside = False
        elif inside:
            out.add(i)
        prev = t
    return out


def _polarity(text: str, toks: list[Token], kind: str) -> tuple[str, list[str]]:
    lex = polarity_lexicon()
    low = text.lower()
    negs = {n.lower() for n in rules()["negators"]}
    score = 0
    cues: list[str] = []
    used: set[int] = set()
    ids = {t.i for t in toks}
    for phrase in _phrases(id(lex)):
        m = _phrase_in(phrase, low)
        if m:
            score += lex[phrase]
            cues.append(phrase)
            start = toks[0].idx + m.start() if toks else 0
            used.update(t.i for t in toks if start <= t.idx < start + len(phrase))
    nested = nested_quotes(toks)
    for tok in toks:
        if tok.i in used or tok.i in nested:
            continue  # words quoted from someone else inside the claim are theirs, not the speaker's
        word = tok.lower_
        value = lex.get(word, lex.get(tok.lemma_.lower(), 0))
        if not value:
            continue
        if any(n in word for n in ("n't", "n\u2019t")) or word in negs:
            continue
        if _negated(tok, ids):
            value = -value
            cues.append(f"not {word}")
        else:
            cues.append(word)
        score += value
    fixed = rules()["type_polarity"].get(kind)
    if fixed:
        return fixed, cues + [kind]
    if score > 0:
        return "positive", cues
    if score < 0:
        return "negative", cues
    return "neutral", cues


def extract_claims(article: Article, doc: Doc, actors: ActorTable, quotes: pd.DataFrame | Table) -> pd.DataFrame:
    """Split statements into typed, targeted claims; see the module docstring for the columns."""
    return claim_table(article, doc, actors, quotes).frame()


def _trimmed(piece: list[Token]) -> list[Token]:
    """A claim's tokens without leading and trailing punctuation and space, keeping its quote
    marks and a closing question mark."""
    while piece and (piece[0].is_punct or piece[0].is_space) and piece[0].text not in "\u201c\u2018":
        piece = piece[1:]
    while piece and (piece[-1].is_space or piece[-1].is_punct and piece[-1].text not in "?\u201d\u2019"):
        piece = piece[:-1]
    return piece


def _claim_target(piece, quote_id: str, speakers: list[str], holder: str, actors: ActorTable, quote_spans,
                  previous_target: dict) -> tuple[str, str]:
    """The actor a claim is about (never its speakers, its holder or their own organisations);
    a claim that names none is about the target of the same statement's or speaker's last claim."""
    info = actors.info
    own = {aid for aid, row in info.items() if row["type"] == "organization" and row["institution"]
           and row["institution"] in {info[sp]["institution"] for sp in speakers if sp in info}}
    target_id, target_type = _target(piece, set(speakers) | {holder} | own, info, actors, quote_spans)
    if not target_id and quote_id in previous_target:
        target_id, target_type, _ = previous_target[quote_id]
    if not target_id and speakers and speakers[0] in previous_target:
        target_id, target_type, _ = previous_target[speakers[0]]
    if target_id:
        previous_target[quote_id] = (target_id, target_type, "")
        if speakers:
            previous_target[speakers[0]] = (target_id, target_type, "")
    return target_id, target_type


def claim_table(article: Article, doc: Doc, actors: ActorTable, quotes: pd.DataFrame | Table) -> Table:
    """:func:`extract_claims` as rows (the pipeline's stages read these; see :mod:`analysis.frames`)."""
    info = actors.info
    rows = []
    previous_target: dict[str, tuple[str, str, str]] = {}
    quote_spans = quotation_spans(article.text)
    n = 0
    for q in tuples(quotes):
        cs, ce = article.to_clean(q.start), article.to_clean(q.end)
        span = doc.char_span(cs, ce, alignment_mode="expand")
        if span is None:
            continue
        toks = [t for t in span if not t.is_space]
        speakers = [s for s in str(q.speaker_id).split(";") if s]
        cue = _cue_tokens(article, doc, q)
        for piece in _split(toks, speakers):
            words = [t for t in piece if not (t.is_punct and t.text not in "?")]
            piece = _trimmed(piece)
            if not piece or not words:
                continue
            pcs, pce = piece[0].idx, piece[-1].idx + len(piece[-1].text)
            start, end = article.to_original(pcs, pce)
            text = article.original[start:end]
            kind, type_cues = _type(text, piece)
            cue_type = rules()["cue_types"].get(str(q.cue))
            if cue_type and kind in ("assertion", "evaluation"):
                kind, type_cues = cue_type, [f"reported with \u201c{q.cue}\u201d"]
            holder = _holder(piece, speakers, actors, info, cue)
            target_id, target_type = _claim_target(piece, q.quote_id, speakers, holder, actors, quote_spans,
                                                   previous_target)
            polarity, pol_cues = _polarity(text, piece, kind)
            n += 1
            target = info.get(target_id, {}).get("name", "")
            rows.append({
                "doc_id": article.doc_id,
                "claim_id": f"C{n:02d}",
                "quote_id": q.quote_id,
                "speaker_id": q.speaker_id,
                "type": kind,
                "target": target,
                "polarity": polarity,
                "start": start,
                "end": end,
                "text": text,
                "target_id": target_id,
                "target_type": target_type,
                "holder_id": holder,
                "cues": "; ".join(dict.fromkeys(type_cues + pol_cues)),
                "gist": gist(piece, speakers, actors, frozenset(cue)),
            })
    return Table(rows, CLAIM_COLUMNS)


def _target(piece, excluded, info, actors: ActorTable, quotes) -> tuple[str, str]:
    """Whom a claim is about: the most salient actor in it other than its speaker."""
    country_actor = {row["name"]: aid for aid, row in info.items() if row["type"] == "country"}
    scores: dict[str, float] = {}
    order: dict[str, int] = {}
    previous = None
    for tok in piece:
        aid = actors.token_actor.get(tok.i)
        weight = 1.0
        if not aid and tok.lower_ in ("they", "them", "their"):
            aid = _recent_party(tok, piece[0].i, excluded, info, actors, quotes)
        if not aid and tok.pos_ in ("ADJ", "PROPN") and "-" not in tok.text:
            aid = country_actor.get(country_of(tok.text), "")
            weight = 0.75
        if not aid or aid in excluded:
            previous = None
            continue
        if aid == previous and tok.i in actors.token_actor:
            continue  # one mention, several tokens
        previous = aid
        row = info[aid]
        score = (2.0 if row["type"] in ("country", "organization", "group") else 0.5) * weight
        if tok.dep_ in ("nsubj", "nsubjpass"):
            score += 1
        scores[aid] = scores.get(aid, 0) + score
        order.setdefault(aid, tok.i)
    if scores:
        best = max(scores, key=lambda a: (scores[a], -order[a]))
        return best, info[best]["type"]
    return "", ""


def _recent_party(tok: Token, piece_start: int, excluded, info, actors: ActorTable, quotes) -> str:
    """'they': its apposition, else the latest country, organisation or group before it.

    Inside a quotation only the speaker's own quoted words are searched, so an
    attribution between two quotations ("... at the White House, “They ...")
    does not supply the antecedent.
    """
    doc = tok.doc

    def party(t: Token) -> str:
        aid = actors.token_actor.get(t.i, "")
        if aid and aid not in excluded and info[aid]["type"] in ("country", "organization", "group"):
            return aid
        return ""

    for c in tok.children:
        if c.dep_ == "appos" and party(c):
            return party(c)
    quoted = next(((s, e) for s, e in quotes if s <= tok.idx < e), None)
    for t in reversed(doc[max(0, tok.i - 80):tok.i]):
        if quoted is not None and t.i < piece_start and not any(s <= t.idx < e for s, e in quotes):
            continue
        aid = party(t)
        if aid:
            return aid
    return ""


def _cue_tokens(article: Article, doc: Doc, q) -> set[int]:
    """The token indices of a statement's own reporting verb (none for a floating quotation)."""
    start, end = getattr(q, "cue_start", None), getattr(q, "cue_end", None)
    if start is None or end is None or pd.isna(start) or pd.isna(end) or int(end) <= int(start):
        return set()
    span = doc.char_span(article.to_clean(int(start)), article.to_clean(int(end)), alignment_mode="expand")
    return {t.i for t in span} if span is not None else set()


def _holder(piece, speakers, actors: ActorTable, info, cue: set[int] = frozenset()) -> str:
    """'The minister supported ...' said by her spokesman: the position is the minister's. The actor
    is the subject or a word of its own phrase, not the possessor of a subject that names no one
    ("the military's recent successes suggest ...": the speaker's reading, not the military's);
    "have" holds a view only with an object ("X has doubts"), not as "have to" ("X will have to drop
    it" is an obligation the speaker states)."""
    ids = {t.i for t in piece}
    head = forms(piece[0].doc).head if len(piece) else []
    roots = [t for t in piece if head[t.i] not in ids or head[t.i] == t.i]
    verbs = set(rules()["holder_verbs"]) | set(reporting_verbs())  # "the minister emphasized that ..." inside a quote
    for root in roots:
        attribution = root.i in cue  # "X, said one official, had ...": the statement's own verb is no one's side
        for verb in [root] * (not attribution) + [c for c in root.children if c.dep_ in ("ccomp", "conj")]:
            if verb.lemma_.lower() not in verbs or verb.dep_ in ("aux", "auxpass"):
                continue
            if verb.lemma_.lower() == "have" and not any(c.dep_ == "dobj" for c in verb.children):
                continue  # "the party may have to disavow him": an obligation the speaker states, not a view held
            heads = [verb] + [c for c in verb.children if c.dep_ in ("aux", "auxpass")]  # "he’s had"
            for sub in (c for h in heads for c in h.children if c.dep_ in ("nsubj", "nsubjpass")):
                owned = {t.i for c in sub.children if c.dep_ == "poss" for t in c.subtree}
                aid = actors.token_actor.get(sub.i) or next(
                    (actors.token_actor[t.i] for t in sub.subtree if t.i in actors.token_actor and t.i not in owned),
                    "")  # "the military's recent successes suggest": the successes hold no side, the military none
                if aid and aid not in speakers and info[aid]["type"] in ("person", "organization", "anonymous",
                                                                         "group", "country"):
                    return aid  # "Paris would back it": the country holds the position
    return ""
