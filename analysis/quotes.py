"""Who said what: direct quotations, reported speech and mixed quotations, with speakers.

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
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd
from spacy.tokens import Doc, Token

from .actors import ActorTable
from .corpus import Article, quotation_spans
from .nlp import forms
from .resources import load_csv, load_yaml

QUOTE_COLUMNS = [
    "doc_id", "quote_id", "speaker", "speaker_id", "speaker_type", "kind", "cue", "start", "end",
    "text", "sentence_index", "paragraph_index", "cue_start", "cue_end", "speaker_start", "speaker_end",
]
UNRESOLVED = "unresolved"


@lru_cache(maxsize=1)
def reporting_verbs() -> dict[str, str]:
    """Reporting-verb lemma -> where its content is (``clause``, ``object`` or ``both``)."""
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
        after = [c for c in subs if c.i > verb.i]
        subs = after[:1] or subs[:1]
    if subs:
        return subs
    surface = _surface_subject(verb, token_actor)
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
    if verb.dep_ == "ccomp" and verb.head.pos_ == "VERB" and verb.i > verb.head.i and verb.doc[verb.i - 1].text == ",":
        return verb_subject(verb.head, token_actor, depth + 1)  # "said X, described Y": the same speaker
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep":
        return verb_subject(verb.head.head, token_actor, depth + 1)  # "... after saying ..."
    return []


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


def _surface_subject(verb: Token, token_actor: dict[int, str]) -> list[Token]:
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].dep_ in ("aux", "auxpass", "advmod", "neg"):
        i -= 1
    if i < 0 or i not in token_actor or doc[i].dep_ in ("nsubj", "nsubjpass", "dobj"):
        return []
    toks = []
    while i >= 0 and (i in token_actor or doc[i].lower_ in ("and", ",", "the")):
        toks.append(doc[i])
        i -= 1
    return [t for t in toks if t.i in token_actor]


class _Finder:
    def __init__(self, article: Article, doc: Doc, actors: ActorTable) -> None:
        self.article = article
        self.doc = doc
        self.actors = actors
        self.info = actors.info
        self.token_actor = actors.token_actor
        self.quotes = quotation_spans(article.text)
        self.verbs = reporting_verbs()
        self.rules = _rules()
        self.dateline_end = len(article.dateline)
        self.statements: list[_Statement] = []
        self.sent_index: dict[int, int] = {}
        for k, s in enumerate(doc.sents):
            self.sent_index.update(dict.fromkeys(range(s.start, s.end), k))
        self.para_of_char = article.paragraphs

    # ------------------------------------------------------------------ helpers
    def quote_of(self, tok: Token) -> tuple[int, int] | None:
        for s, e in self.quotes:
            if s <= tok.idx < e:
                return s, e
        return None

    def paragraph(self, clean_pos: int) -> int:
        for p in self.article.paragraphs:
            if p.clean_start <= clean_pos < p.clean_end + 1:
                return p.index
        return -1

    def words(self, toks) -> list[Token]:
        return [t for t in toks if not (t.is_punct or t.is_space)]

    def span_of(self, toks: list[Token]) -> tuple[int, int]:
        toks = sorted(toks, key=lambda t: t.i)
        while toks and (toks[0].is_punct and toks[0].text not in "\u201c\u2018" or toks[0].is_space or toks[0].lower_ == "that" and toks[0].dep_ == "mark"):
            toks = toks[1:]
        while toks and (toks[-1].is_space or toks[-1].is_punct and toks[-1].text not in "\u201d\u2019)?!"):
            toks = toks[:-1]
        if not toks:
            return -1, -1
        return toks[0].idx, toks[-1].idx + len(toks[-1].text)

    # ------------------------------------------------------------------ speakers
    def subject_of(self, verb: Token) -> list[Token]:
        return verb_subject(verb, self.token_actor)

    def resolve(self, subject: list[Token], verb: Token) -> tuple[list[str], list[Token], bool]:
        """Actor ids for subject tokens; ``unresolved`` when the text does not settle it."""
        if not subject:
            return [], [], True
        rel = set(self.rules["relative_pronouns"])
        ids: list[str] = []
        toks: list[Token] = []
        for head in subject:
            if head.lower_ in rel:
                # "officials who argue ..." / "Republicans who have accused ... and say ...": the noun modified
                clause = next((v for v in [head.head, *head.head.ancestors] if v.dep_ == "relcl"), None)
                if clause is not None:
                    head = clause.head
            group = [head] + [c for c in head.conjuncts if c.i > head.i]
            for h in group:
                actor = self.actor_of(h, verb)
                if actor and actor not in ids:
                    ids.append(actor)
                    toks.append(h)
        if ids:
            order = sorted(range(len(ids)), key=lambda k: toks[k].i)
            return [ids[k] for k in order], [toks[k] for k in order], False
        return [], list(subject), True

    def actor_of(self, head: Token, verb: Token) -> str:
        low = head.lower_
        singular = self.rules["singular_pronouns"]
        if low in singular:
            # the actor rules tie "he said" to the subject of the last narrative sentence
            # or the latest speaker; without such a tie, fall back on the latest statement
            return self.token_actor.get(head.i, "") or self.recent_speaker(head, singular[low])
        if low in self.rules["plural_pronouns"]:
            return self.token_actor.get(head.i, "") or self.recent_group(head)
        if head.i in self.token_actor:
            return self.token_actor[head.i]
        # a token of the subject phrase that belongs to a mention ("Ambassador ... Smith")
        for t in head.subtree:
            if t.dep_ in ("relcl", "acl") or t.i >= verb.i > head.i:
                continue
            if t.i in self.token_actor:
                return self.token_actor[t.i]
        return ""

    def recent_speaker(self, tok: Token, gender: str) -> str:
        """'he said': the latest statement's speaker, if close enough and of that gender."""
        k = self.sent_index[tok.i]
        for st in sorted(self.statements, key=lambda s: -s.cs):
            if st.cs > tok.idx or not st.speakers or len(st.speakers) > 1:
                continue
            first = self.doc.char_span(st.cs, st.ce, alignment_mode="expand")
            if first is None or k - self.sent_index[first.start] > 2:
                return ""
            info = self.info.get(st.speakers[0], {})
            if info.get("type") in ("person", "anonymous") and info.get("gender") in ("", gender):
                return st.speakers[0]
            return ""
        return ""

    def recent_group(self, tok: Token) -> str:
        k = self.sent_index[tok.i]
        best = ""
        for t in self.doc[: tok.i]:
            a = self.token_actor.get(t.i)
            if (a and self.info[a]["type"] in ("group", "organization", "country") and t.dep_ in ("nsubj", "nsubjpass")
                    and k - self.sent_index[t.i] <= 2 and self.quote_of(t) is None):
                best = a  # the latest such subject outside quotations (a speaker, not someone quoted)
        return best

    # ------------------------------------------------------------------ content
    def content_of(self, verb: Token) -> list[Token]:
        """The reported words of a reporting verb (may be empty)."""
        mode = self.verbs[verb.lemma_.lower()]
        toks: set[Token] = set()
        subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        speaker = self.subject_of(verb)
        if mode in ("clause", "both"):
            has_object = any(c.dep_ in ("dobj", "dative") for c in verb.children)
            for c in verb.children:
                if c.dep_ == "xcomp" and verb.lemma_.lower() == "ask" and not has_object:
                    continue  # "who asked not to be named": no request to anyone
                if c.dep_ == "ccomp" and self.reports_content(c) and c.i > verb.i and not any(
                        x.dep_ in ("nsubj", "nsubjpass") for x in c.children):
                    continue  # "said X, described Y and accused Z": reports of their own
                if c.dep_ in ("ccomp",) or (c.dep_ == "xcomp" and mode == "both"):
                    sub = list(c.subtree)
                    # "said he supported X but warned that Y": the second report is its own statement
                    cut = [d for d in c.children if d.dep_ == "conj" and self.reports_content(d) and d.i > c.i]
                    if cut:
                        first = min(min(t.i for t in d.subtree) for d in cut)
                        sub = [t for t in sub if t.i < first]
                        while sub and (sub[-1].dep_ == "cc" or sub[-1].is_punct):
                            sub.pop()
                    outside = [t for t in self.words(sub) if self.quote_of(t) is None]
                    other_quotes = {self.quote_of(t) for t in sub if self.quote_of(t) is not None}
                    attribution = len(outside) < 3 or len(other_quotes) > 1 or any(
                        self.reports(t) and t is not verb for t in outside)
                    if self.quote_of(c) is not None and attribution:
                        toks.add(c)  # the clause is a quotation: the verb attributes it
                        continue
                    toks.update(sub)
            if toks:
                for s in subs:
                    if s not in speaker and s.i < verb.i:
                        toks.update(s.subtree)  # "The Russians, said one official, had known ..."
                toks.update(self.rest_of_sentence(verb, toks))
        if not toks and mode in ("object", "both"):
            objs = [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")]
            if not objs:  # "called for X to ...", "called on X to ..."
                objs = [o for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "on")
                        for o in c.children if o.dep_ == "pobj"]
            if objs:
                start = min(t.i for t in objs[0].subtree)
                keep = {"prep", "advcl", "xcomp", "ccomp", "oprd", "dative", "acomp", "npadvmod", "advmod", "relcl", "dep"}
                end = max([t.i for t in objs[0].subtree] + [
                    t.i for c in verb.children if c.i > objs[0].i and c.dep_ in keep for t in c.subtree])
                toks.update(t for t in self.doc[start:end + 1] if not t.is_space)
        outside = [t for t in self.words(toks) if self.quote_of(t) is None]
        inside = [t for t in self.words(toks) if self.quote_of(t) is not None]
        if outside and not inside and all(t.lower_ in self.rules["relative_pronouns"] for t in outside):
            return []  # "something that Moscow denies": no reported words
        return sorted(toks, key=lambda t: t.i)

    def reports(self, tok: Token) -> bool:
        return tok.lemma_.lower() in self.verbs and tok.pos_ == "VERB"

    def reports_content(self, tok: Token) -> bool:
        """A reporting verb used to report ("warned that ...", "described X as ..."),
        not in another sense ("maintains a dose of skepticism")."""
        if not self.reports(tok):
            return False
        mode = self.verbs[tok.lemma_.lower()]
        deps = {c.dep_ for c in tok.children}
        return bool(deps & {"ccomp"}) if mode == "clause" else bool(deps & {"ccomp", "dobj", "xcomp"})

    def rest_of_sentence(self, verb: Token, toks: set[Token]) -> list[Token]:
        """'X said Y, though Z': the reported clause runs to the end of the sentence,
        unless the reporting verb has a coordinated clause or another reporting verb of its own."""
        if not toks or min(t.i for t in toks) < verb.i:
            return []
        if verb.dep_ in ("relcl", "acl", "advcl", "xcomp", "pcomp", "ccomp"):
            return []  # "officials who argue that X met on Monday": the clause ends with the relative clause
        stop = [c.left_edge.i for c in verb.children if c.i > verb.i and c.dep_ in ("conj", "cc")]
        stop += [t.i for t in verb.sent if t.lower_ in self.rules["according_to"] and t.i > verb.i]
        last = max(t.i for t in toks)
        # nor across a quotation that begins after the clause: it has its own attribution
        stop += [t.i for t in verb.sent if t.i > last and (t.text in "\u201c\u2018:" or self.quote_of(t) is not None
                                                             or (self.reports(t) and t.dep_ in ("ROOT", "conj")))]
        end = min(stop + [verb.sent.end])
        return [t for t in self.doc[last + 1:end] if not t.is_space]

    def inverted_content(self, verb: Token, speaker: list[Token]) -> list[Token]:
        """'Y, X told reporters.': the clause before the speaker is what was said."""
        if verb.dep_ not in ("ROOT", "conj", "parataxis", "ccomp") or not speaker:
            return []
        first = min(self.mention_start(s) for s in speaker)
        if first > verb.i:
            first = verb.i  # "Y, said X."
        before = [t for t in verb.sent if t.i < first and t.idx >= self.dateline_end and not t.is_space]
        if not before or before[-1].text != ",":
            return []
        if not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in before):
            return []  # "Advised by X, the groups are demanding ...": not a clause that was said
        return before

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

    def parenthetical(self, verb: Token) -> tuple[list[Token], list[Token]] | None:
        """'A, said one official, had known B': speaker between commas, content around them."""
        doc = self.doc
        if verb.i == 0 or doc[verb.i - 1].text != "," or self.verbs[verb.lemma_.lower()] != "clause":
            return None
        if verb.lemma_.lower() != "say" and any(c.dep_ in ("dobj", "dative") for c in verb.children if c.i > verb.i):
            return None  # "X, an attorney, told Y, ...": Y is told, not the speaker ("say" has no such object)
        for sub in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i):
            aid = self.token_actor.get(sub.i)
            if aid and self.info[aid]["type"] in ("person", "anonymous", "group"):
                return None  # "Another official, who ..., said ...": the speaker comes first
        sent = verb.sent
        j = verb.i + 1
        speaker: list[Token] = []
        while j < sent.end and doc[j].text != ",":
            if j in self.token_actor:
                speaker.append(doc[j])
            elif speaker:
                pass  # "one Western diplomat close to the talks": what follows describes the speaker
            elif not (doc[j].pos_ in ("DET", "NUM", "ADJ", "PRON")):
                if doc[j].lower_ not in self.rules["singular_pronouns"]:
                    return None
                speaker.append(doc[j])
            j += 1
        if not speaker or j >= sent.end - 1 or j - verb.i > 10:
            return None  # a parenthetical attribution is short
        heads = [t for t in speaker if t.head not in speaker] or speaker[-1:]
        inner = set(range(verb.i - 1, j + 1))
        content = [t for t in sent if t.i not in inner and t.idx >= self.dateline_end and not t.is_space]
        if not any(t.i < verb.i for t in self.words(content)) or not any(t.i > j for t in self.words(content)):
            return None
        return heads[:1], content

    # ------------------------------------------------------------------ main
    def run(self) -> list[_Statement]:
        doc = self.doc
        verbs = [
            t for t in (doc[i] for i in forms(doc).where_lemma(self.verbs))
            if t.pos_ in ("VERB",) and self.quote_of(t) is None and t.idx >= self.dateline_end
        ]
        used_for_quote: dict[tuple[int, int], Token] = {}
        candidates: list[_Statement] = []
        for v in verbs:
            if any(c.dep_ == "neg" for c in v.children):
                continue  # "would not confirm": a statement not made
            paren = self.parenthetical(v)
            if paren is not None:
                speaker, content = paren
            else:
                speaker = self.subject_of(v)
                content = self.content_of(v)
                if not content and speaker:
                    content = self.inverted_content(v, speaker)
            words = self.words(content)
            if not words:
                continue
            outside = [t for t in words if self.quote_of(t) is None]
            inside = {self.quote_of(t) for t in words if self.quote_of(t) is not None}
            if not outside:
                for q in inside:
                    used_for_quote.setdefault(q, v)
                continue
            if not speaker:
                continue
            cs, ce = self.span_of(content)
            if cs < 0:
                continue
            kind = "mixed" if any(cs <= q[0] and q[1] <= ce for q in self.quotes) else "indirect"
            st = _Statement(kind, cs, ce, v.lemma_.lower(), v)
            st.speaker_tokens = speaker
            candidates.append(st)
        for st in self.according_to():
            candidates.append(st)
        candidates.extend(self.headlines())

        # keep the outermost reported speech: drop statements whose cue lies inside another
        candidates.sort(key=lambda s: -(s.ce - s.cs))
        kept: list[_Statement] = []
        for st in candidates:
            if any(o.cs <= st.verb.idx < o.ce for o in kept if st.verb is not None):
                continue
            if any(q[0] <= st.cs and st.ce <= q[1] for q in self.quotes):
                continue
            kept.append(st)

        # a quotation that opens inside reported speech is part of it ("... was “unsafe.”")
        for st in kept:
            for q in self.quotes:
                if st.cs <= q[0] - 1 < st.ce < q[1] + 1:
                    st.ce = q[1] + 1
                    st.kind = "mixed"
        # direct quotations not inside reported speech
        direct: list[_Statement] = []
        for q in self.quotes:
            if any(o.cs <= q[0] and q[1] <= o.ce for o in kept):
                continue
            if not self.is_full_quote(q):
                continue
            qs, qe = self.trim(q)
            if qs >= qe:
                continue
            verb = self.window_verb(q, verbs) or used_for_quote.get(q)
            if verb is None and not self.opens_sentence(q):
                continue  # "The agreement prohibited “...”": a quotation inside a sentence, not a statement
            st = _Statement("direct", qs, qe, verb.lemma_.lower() if verb is not None else "", verb)
            if verb is not None:
                st.speaker_tokens = self.subject_of(verb)
                if not st.speaker_tokens:
                    st.speaker_tokens = self.inverted_speaker(verb)
            direct.append(st)

        ordered = sorted(kept + direct, key=lambda s: s.cs)
        for st in ordered:
            if st.verb is not None:
                ids, toks, unresolved = self.resolve(st.speaker_tokens, st.verb)
                st.speakers, st.speaker_tokens, st.unresolved = ids, toks, unresolved
            else:
                prev = self.previous_speaker(st)
                st.speakers = prev.speakers if prev else []
                st.unresolved = not st.speakers
            self.statements.append(st)
        return self.statements

    def according_to(self) -> list[_Statement]:
        out = []
        for i in forms(self.doc).where(self.rules["according_to"]):
            t = self.doc[i]
            if self.quote_of(t) is not None:
                continue
            to = [c for c in t.children if c.lower_ == "to"]
            objs = [c for c in (to[0].children if to else t.children) if c.dep_ == "pobj"]
            if not objs:
                continue
            phrase = set(t.subtree)
            sent = [x for x in t.sent if x not in phrase and x.idx >= self.dateline_end]
            if not self.words(sent):
                continue
            cs, ce = self.span_of(sent)
            if any(cs <= q[0] and q[1] <= ce and self.is_full_quote(q) for q in self.quotes):
                continue  # a quotation with its own attribution: "X told Y: “...” according to Z"
            st = _Statement("indirect", cs, ce, "according to", t)
            st.speaker_tokens = objs
            st.kind = "mixed" if any(cs <= q[0] and q[1] <= ce for q in self.quotes) else "indirect"
            out.append(st)
        return out

    def headlines(self) -> list[_Statement]:
        """'WHITE HOUSE SAYS IT’S UP TO RUSSIA': a heading that reports a statement."""
        out = []
        irregular = self.rules["irregular_forms"]
        for seg in self.article.sentences:
            if seg.kind != "heading":
                continue
            span = self.doc.char_span(seg.clean_start, seg.clean_end, alignment_mode="expand")
            if span is None:
                continue
            for tok in span:
                low = tok.lower_
                lemma = irregular.get(low) or (low[:-1] if low.endswith("s") and low[:-1] in self.verbs else "")
                lemma = lemma or (low[:-2] if low.endswith("ed") and low[:-2] in self.verbs else "")
                lemma = lemma or (low[:-1] if low.endswith("ed") and low[:-1] in self.verbs else "")
                if not lemma or lemma not in self.verbs:
                    continue
                who = [t for t in span if t.i < tok.i and t.i in self.token_actor]
                what = [t for t in span if t.i > tok.i]
                if who and self.words(what):
                    cs, ce = self.span_of(what)
                    st = _Statement("indirect", cs, ce, lemma, tok)
                    st.speaker_tokens = who[-1:]
                    out.append(st)
                break
        return out

    def inverted_speaker(self, verb: Token) -> list[Token]:
        for t in self.doc[verb.i + 1: verb.i + 8]:
            if t.i in self.token_actor:
                return [t]
            if t.is_punct and t.text not in ("-",):
                break
        return []

    def trim(self, q: tuple[int, int]) -> tuple[int, int]:
        s, e = q
        text = self.article.text
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        return s, e

    def is_full_quote(self, q: tuple[int, int]) -> bool:
        text = self.article.text
        body = text[q[0]:q[1]].rstrip()
        if not body:
            return False
        if body[-1] in ",.?!\u2026:;" or body.endswith("\u2019") and body[-2:-1] in ",.?!":
            return True
        before = text[max(0, q[0] - 3):q[0] - 1].rstrip(" ")
        if not before or before[-1:] in ("\n", ":"):
            return True
        para = self.paragraph(q[0])
        return para >= 0 and self.article.paragraphs[para].clean_start >= q[0] - 1

    def opens_sentence(self, q: tuple[int, int]) -> bool:
        """Does a quotation begin its sentence (or follow a colon)?"""
        text = self.article.text
        lead = text[:q[0] - 1].rstrip(" ")
        if not lead or lead[-1] in "\n:":
            return True
        return any(seg.clean_start == q[0] - 1 or seg.clean_start == q[0] for seg in self.article.sentences)

    def window_verb(self, q: tuple[int, int], verbs: list[Token]) -> Token | None:
        """The reporting verb right after a quotation, or right before it ("X said, “...”")."""
        text = self.article.text
        qi = self.quotes.index(q)
        nxt_open = self.quotes[qi + 1][0] - 1 if qi + 1 < len(self.quotes) else len(text)
        para_end = text.find("\n", q[1])
        para_end = len(text) if para_end < 0 else para_end
        limit = min(nxt_open, para_end)
        close = self.doc.char_span(q[1], q[1] + 1, alignment_mode="expand")
        sent_end = close.sent.end_char if close is not None else q[1]
        after = [v for v in verbs if q[1] < v.idx < min(limit, sent_end)]
        gap = int(self.rules["attribution_gap"])
        for v in sorted(after, key=lambda t: t.idx):
            if len(text[q[1]:v.idx].split()) <= gap:
                return v
            break
        prev_close = self.quotes[qi - 1][1] + 1 if qi > 0 else 0
        para_start = text.rfind("\n", 0, q[0]) + 1
        start = max(prev_close, para_start)
        lead = text[start:q[0] - 1].rstrip()
        if lead.endswith((",", ":")) or re.search(r"\b(that|saying|said|says|wrote|added)$", lead):
            before = [v for v in verbs if start <= v.idx < q[0]]
            if before:
                return max(before, key=lambda t: t.idx)
        if not lead and para_start > 0:
            # "She added:" at the end of the previous paragraph
            prev_para = text.rfind("\n", 0, para_start - 1) + 1
            if text[prev_para:para_start - 1].rstrip().endswith(":"):
                before = [v for v in verbs if prev_para <= v.idx < para_start]
                if before:
                    return max(before, key=lambda t: t.idx)
        return None

    def previous_speaker(self, st: _Statement) -> _Statement | None:
        """A floating quotation continues the previous statement's speaker, if it is near."""
        window = int(self.rules["floating_paragraphs"])
        para = self.paragraph(st.cs)
        prev = [o for o in self.statements if o.cs < st.cs]
        if not prev:
            return None
        last = prev[-1]
        between = [p for p in self.article.paragraphs if self.paragraph(last.cs) < p.index < para]
        if any(p.kind == "heading" for p in between):
            return None
        if para - self.paragraph(last.ce - 1) > window:
            return None
        return last


def extract_quotes(article: Article, doc: Doc, actors: ActorTable) -> pd.DataFrame:
    """Statements of one parsed article with their speakers; see the module docstring."""
    finder = _Finder(article, doc, actors)
    statements = finder.run()
    info = finder.info
    rows = []
    for n, st in enumerate(statements, 1):
        start, end = article.to_original(st.cs, st.ce)
        if st.verb is not None:
            cue_start, cue_end = article.to_original(st.verb.idx, st.verb.idx + len(st.verb.text))
        else:
            cue_start = cue_end = -1
        if st.speaker_tokens:
            toks = sorted(st.speaker_tokens, key=lambda t: t.i)
            first, last = finder.mention_start(toks[0]), finder.mention_end(toks[-1])
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
    return pd.DataFrame(rows, columns=QUOTE_COLUMNS)
