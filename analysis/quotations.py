"""Direct quotations: words inside quote marks, with the reporting verb that attributes them.

The third pass of :func:`analysis.quotes.find_statements`.
:func:`direct_quotations` returns a statement of kind ``direct`` for every
quotation (the balanced quote-mark spans of :func:`analysis.corpus.quotation_spans`)
that is not inside reported speech already found, is a full quotation
(:func:`is_full_quote`: it ends a clause or stands on its own, not a quoted
word inside a sentence) and is either attributed by a reporting verb next to
it (:func:`window_verb`) or opens its sentence. Its speaker tokens are the
verb's subject, else an actor right after the verb ("..., said X").
A quotation with no verb is a floating quotation: :func:`previous_speaker`
gives it the speaker of the statement before it, within
``floating_paragraphs`` paragraphs and no heading between.

As in the approach of the Gender Gap Tracker's quote extractor
(sfu-discourse-lab), quote marks are read after the parse has given the
reported speech, and floating quotations last; the rules are this project's
own, on the article's cleaned text, with their settings in
``analysis/data/quote_rules.yml``.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from .quotes import Reading, _Statement


def direct_quotations(rd: Reading, kept: list[_Statement], verbs: list[Token],
                      used_for_quote: dict[tuple[int, int], Token]) -> list[_Statement]:
    """Statements for the quotations that reported speech (``kept``) does not hold.

    ``verbs`` are the reporting verbs of the article; ``used_for_quote`` maps a
    quotation to the verb whose whole content it is (see
    :func:`analysis.reported.reported_speech`).
    """
    direct: list[_Statement] = []
    for q in rd.quotes:
        if any(o.cs <= q[0] and q[1] <= o.ce for o in kept):
            continue
        if not is_full_quote(rd, q):
            continue
        qs, qe = trim(rd, q)
        if qs >= qe:
            continue
        verb = window_verb(rd, q, verbs) or used_for_quote.get(q)
        if verb is None and not opens_sentence(rd, q):
            continue  # "The agreement prohibited “...”": a quotation inside a sentence, not a statement
        if verb is None and is_title(rd.article.text[qs:qe]):
            continue  # "“Sons of Liberty” is a play ...": the title of a work, not words someone said
        st = _Statement("direct", qs, qe, verb.lemma_.lower() if verb is not None else "", verb)
        if verb is not None:
            st.speaker_tokens = _named_between(rd, q, verb) or rd.subject_of(verb)
            if not st.speaker_tokens:
                st.speaker_tokens = inverted_speaker(rd, verb)
        direct.append(st)
    return direct


def _named_between(rd: Reading, q: tuple[int, int], verb: Token) -> list[Token]:
    """“...,” Jane Roe, 58, told AFP: the actor named between a quotation and its verb is the
    speaker, whatever the parser made of the apposition."""
    if verb.idx < q[1]:
        return []
    for t in reversed(rd.doc[max(0, verb.i - 12):verb.i]):
        if t.idx <= q[1]:
            break
        # (not a title word of a name that is an object: "an adviser to Mr X said")
        if t.i in rd.token_actor and t.pos_ in ("PROPN", "NOUN") and t.dep_ not in ("dobj", "pobj") and \
                rd.doc[rd.mention_end(t)].dep_ not in ("dobj", "pobj"):
            first = t
            while first.i - 1 >= 0 and rd.token_actor.get(first.i - 1) == rd.token_actor[t.i]:
                first = rd.doc[first.i - 1]
            return [t] if rd.doc[first.i - 1].idx >= q[1] or rd.doc[first.i - 1].text in ("\u201d", '"', ",") else []
    return []


def window_verb(rd: Reading, q: tuple[int, int], verbs: list[Token]) -> Token | None:
    """The reporting verb right after a quotation, or right before it ("X said, “...”")."""
    text = rd.article.text
    qi = rd.quotes.index(q)
    introduced = _introducing_verb(rd, q, verbs)
    if introduced is not None:
        return introduced  # "X shouted, “...,” Y said, “...”": the first quotation is X's
    nxt_open = rd.quotes[qi + 1][0] - 1 if qi + 1 < len(rd.quotes) else len(text)
    para_end = text.find("\n", q[1])
    para_end = len(text) if para_end < 0 else para_end
    limit = min(nxt_open, para_end)
    close = rd.doc.char_span(q[1], q[1] + 1, alignment_mode="expand")
    sent_end = close.sent.end_char if close is not None else q[1]
    # not a participle that names something ("a show called “X”", "“X,” written by Y")
    after = [v for v in verbs if q[1] < v.idx < min(limit, sent_end) and not (v.tag_ == "VBN" and v.dep_ == "acl")]
    gap = int(rd.rules["attribution_gap"])
    for v in sorted(after, key=lambda t: t.idx):
        if len(text[q[1]:v.idx].split()) <= gap:
            return v
        break
    prev_close = rd.quotes[qi - 1][1] + 1 if qi > 0 else 0
    para_start = text.rfind("\n", 0, q[0]) + 1
    start = max(prev_close, para_start)
    lead = text[start:q[0] - 1].rstrip()
    if lead.endswith((",", ":")) or re.search(r"\b(that|saying|said|says|wrote|added)$", lead):
        last = rd.doc.char_span(start, start + len(lead), alignment_mode="expand")
        sent = last[-1].sent if last is not None and len(last) else None
        # a verb of the lead's own sentence, not of a sentence before it
        before = [v for v in verbs if start <= v.idx < q[0] and (sent is None or v.sent.start == sent.start)]
        if before:
            return max(before, key=lambda t: t.idx)
        if lead.endswith(":") and sent is not None:
            return _colon_verb(rd, last[-1])
    if not lead and para_start > 0:
        # "She added:" at the end of the previous paragraph
        prev_para = text.rfind("\n", 0, para_start - 1) + 1
        if text[prev_para:para_start - 1].rstrip().endswith(":"):
            before = [v for v in verbs if prev_para <= v.idx < para_start]
            if before:
                return max(before, key=lambda t: t.idx)
    return None


def _colon_verb(rd: Reading, colon: Token) -> Token | None:
    """'X gave the idea a try in an interview: “...”': the verb a colon that introduces a quotation
    hangs on, when it stands outside quotations and its subject is an actor (the speaker)."""
    verb = colon.head
    subs = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.pos_ == "VERB" and rd.quote_of(verb) is None and subs and any(
            t.i in rd.token_actor for t in subs[0].subtree):
        return verb
    return None


def _introducing_verb(rd: Reading, q: tuple[int, int], verbs: list[Token]) -> Token | None:
    """The reporting verb that ends the words right before a quotation, with a comma, a colon or
    "that" between ("X shouted, “...”", "X said: “...”", "X stressed that “...”"), if any."""
    open_mark = rd.doc.char_span(q[0] - 1, q[0], alignment_mode="expand")
    if open_mark is None or open_mark.start < 2:
        return None
    punct, verb = rd.doc[open_mark.start - 1], rd.doc[open_mark.start - 2]
    if punct.text in (",", ":", "that") and any(v.i == verb.i for v in verbs):
        return verb  # "X said: “...”", "X stressed that “...”"
    return None


def is_title(words: str) -> bool:
    """Words in title case with no punctuation at their end ("Sons of Liberty", "The Art of War"):
    the name of a work or a slogan, not a sentence someone said."""
    parts = words.split()
    if len(parts) < 2 or not words[-1:].isalnum():
        return False
    return all(w[:1].isupper() for w in parts if len(w) > 3 and w[:1].isalpha())


def is_full_quote(rd: Reading, q: tuple[int, int]) -> bool:
    """A quotation that ends a clause, follows a line break or a colon, or opens a paragraph."""
    text = rd.article.text
    body = text[q[0]:q[1]].rstrip()
    if not body:
        return False
    if body[-1] in ",.?!\u2026:;" or body.endswith("\u2019") and body[-2:-1] in ",.?!":
        return True
    before = text[max(0, q[0] - 3):q[0] - 1].rstrip(" ")
    if not before or before[-1:] in ("\n", ":"):
        return True
    para = rd.paragraph(q[0])
    return para >= 0 and rd.article.paragraphs[para].clean_start >= q[0] - 1


def opens_sentence(rd: Reading, q: tuple[int, int]) -> bool:
    """Does a quotation begin its sentence (or follow a colon)?"""
    text = rd.article.text
    lead = text[:q[0] - 1].rstrip(" ")
    if not lead or lead[-1] in "\n:":
        return True
    return any(seg.clean_start == q[0] - 1 or seg.clean_start == q[0] for seg in rd.article.sentences)


def trim(rd: Reading, q: tuple[int, int]) -> tuple[int, int]:
    """A quotation's span without the spaces at its edges."""
    s, e = q
    text = rd.article.text
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def inverted_speaker(rd: Reading, verb: Token) -> list[Token]:
    """'..., said X': an actor right after the verb, before any punctuation."""
    for t in rd.doc[verb.i + 1: verb.i + 8]:
        if t.i in rd.token_actor:
            return [t]
        if t.is_punct and t.text not in ("-",):
            break
    return []


def previous_speaker(rd: Reading, st: _Statement) -> _Statement | None:
    """A floating quotation continues the previous statement's speaker, if it is near."""
    window = int(rd.rules["floating_paragraphs"])
    para = rd.paragraph(st.cs)
    prev = [o for o in rd.statements if o.cs < st.cs]
    if not prev:
        return None
    last = prev[-1]
    between = [p for p in rd.article.paragraphs if rd.paragraph(last.cs) < p.index < para]
    if any(p.kind == "heading" for p in between):
        return None
    if para - rd.paragraph(last.ce - 1) > window:
        return None
    return last
