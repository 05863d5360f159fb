"""Evidence of a voice's position on an issue: the passes that read it from the text.

Each pass is a generator of :class:`_Evidence` (actor, source, reference,
score on the -2 .. +2 scale, the words that decided it, offsets, weight) for
one issue; :func:`analysis.stance.extract_stances` weighs them into positions.

- :func:`owner_evidence`: the issue's owner and co-proposers (+2); :func:`camp_evidence`: those
  who speak for the owner (:mod:`analysis.camp`), +1 unless their words say more.
- :func:`framing_evidence`: the reporter's descriptions of reactions ("voted
  against the plan", "drew criticism from X", "offered qualified support"),
  read from a stance word's holder (subject, "from"/"by" phrase, possessor)
  and target (object, "for"/"against" phrase).
- :func:`claim_evidence`: the voice's own words: stance words, acts on the
  issue ("block the deal"), predicted consequences composed from good-for
  and bad-for verbs and the value of their object (the "+/-effect" events of
  Deng, Choi & Wiebe 2013), VADER's compound score (Hutto & Gilbert 2014),
  conditions that qualify support.
- :func:`verdict_evidence`: what a voice's words call the issue itself ("such a stupid
  wall", "it's not good for the military"), by VADER's valence of the adjective.
- :func:`neutral_evidence`, :func:`side_evidence`: "declined to comment"
  (0); groups named by their side ("supporters", "critics").
- :func:`alignment_evidence` and :func:`relation_evidence`: sides taken on
  other voices, read once their positions are known (structural balance:
  criticising an opponent of the issue is support).
- :func:`relayed_evidence`: spokespeople and offices relay whom they speak for.
- :func:`context_evidence`: the tone of a voice's words near the issue when
  nothing else is known, weighed lightly.

The words are in ``analysis/data/stance_lexicon.yml``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as importlib_resources

import pandas as pd
from spacy.tokens import Doc, Token

from .actors import ActorTable, principal_chain
from .camp import owner_camp
from .claims import nested_quotes
from .corpus import Article, quotation_spans
from .frames import tuples
from .issues import Issue, IssueSet
from .nlp import forms
from .quotes import verb_subject
from .resources import load_yaml

#: Light verbs whose subject is the target, not the holder, of the side their object names
#: ("the deal drew criticism from X").
_ATTRACT = frozenset("draw spark face prompt trigger provoke meet receive win earn attract gain garner generate fuel "
                     "stoke ignite elicit invite court lose".split())
_COPULAS = frozenset("be seem appear remain become sound look feel stay prove".split())
_TARGET_PREPS = frozenset("for of to against over about on with toward towards behind into".split())
_FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
#: A quotation this short (in tokens) is a partial quote inside the reporter's sentence ('said he was
#: "encouraged" by the plan'): its words are read with the sentence's grammar.
_PARTIAL_QUOTE = 3
#: Pronouns that can stand for the issue ("opposes it", "supports this"); "our citizens" is not one.
_ANAPHORS = frozenset({"it", "this", "that", "them", "these", "those"})


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """The stance lexicon, with phrases indexed by their first word, and VADER's valence."""
    data = dict(load_yaml("stance_lexicon.yml"))
    data["labels"] = {int(k): v for k, v in data["labels"].items()}
    for part in ("verbs", "nouns", "adjectives", "side_nouns"):
        words: dict[str, int] = {}
        phrases: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for score, entries in data[part].items():
            for entry in entries:
                parts = tuple(str(entry).lower().split())
                if len(parts) == 1:
                    words.setdefault(parts[0], int(score))
                else:
                    phrases.setdefault(parts[0], []).append((parts, int(score)))
        for first in phrases:
            phrases[first].sort(key=lambda x: -len(x[0]))
        data[part] = words
        data[part + "_phrases"] = phrases
    data["neutral"] = tuple(str(p).lower() for p in data["neutral_phrases"])
    data["align"] = frozenset(str(w).lower() for w in data["align_verbs"] if " " not in str(w))
    data["align_phrases"] = tuple(tuple(str(w).lower().split()) for w in data["align_verbs"] if " " in str(w))
    for key in ("weakeners", "hedges", "conditions", "negators"):
        data[key] = frozenset(str(w).lower() for w in data[key])
    data["acts"] = {str(w).lower(): int(score) for score, ws in data["acts_on"].items() for w in ws if " " not in str(w)}
    data["not_evaluative"] = frozenset(str(w).lower() for w in data["not_evaluative"])
    data["good"] = frozenset(data["effects"]["good"])
    data["bad"] = frozenset(data["effects"]["bad"])
    data["valence"] = _vader()
    return data


def _vader() -> dict[str, float]:
    try:
        text = importlib_resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - dependency declared
        return {}
    out = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].isalpha():
            out[parts[0]] = float(parts[1])
    return out


@dataclass
class _Evidence:
    actor_id: str
    source: str
    ref: str
    score: int
    cue: str
    start: int
    end: int
    weight: float


# --------------------------------------------------------------------------- reading the text

class _Context:
    """What every pass reads: the parse, the actors, the statements, the issue."""

    def __init__(self, article: Article, doc: Doc, actors: ActorTable, quotes: pd.DataFrame,
                 claims: pd.DataFrame, issues: IssueSet) -> None:
        self.article = article
        self.doc = doc
        self.actors = actors
        self.info = actors.info
        self.ta = actors.token_actor
        self.issues = issues
        self.lex = lexicon()
        self.low = forms(doc).lower
        self.lemma = forms(doc).lemma
        self.claims = tuples(claims)
        self.quote_rows = tuples(quotes)
        quoted: set[int] = set()
        for s, e in quotation_spans(article.text):
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None and len(span) > _PARTIAL_QUOTE:  # a word or two quoted: the reporter's sentence
                quoted.update(range(span.start, span.end))
        self.quoted = quoted
        statements: set[int] = set()
        for q in self.quote_rows:
            span = doc.char_span(article.to_clean(q.start), article.to_clean(q.end), alignment_mode="expand")
            if span is not None:
                statements.update(range(span.start, span.end))
        self.in_statement = statements
        self.relations: list[tuple[str, str, int, str, int, int]] = []  # holder, other actor, sign, cue, start, end
        starts = set()
        for part in ("verbs", "nouns", "adjectives"):
            starts |= set(self.lex[part]) | set(self.lex[part + "_phrases"])
        self.candidates = [i for i, (lo, le) in enumerate(zip(self.low, self.lemma)) if lo in starts or le in starts]
        self.narrative: list[Token] | None = None
        self._camps: dict[str, set[str]] = {}
        self.owner_spans: dict[str, list[tuple[int, int]]] = {}
        m = actors.mentions
        if len(m):
            for aid, s, e in zip(m["actor_id"].tolist(), m["start"].tolist(), m["end"].tolist()):
                self.owner_spans.setdefault(aid, []).append((s, e))

    def original(self, tokens: list[Token]) -> tuple[int, int]:
        if not tokens:
            return 0, 0
        first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
        return self.article.to_original(first.idx, last.idx + len(last.text))

    def sentence(self, tok: Token) -> int:
        return self.article.sentence_index(self.article.to_original(tok.idx, tok.idx + 1)[0])

    def actors_of(self, tok: Token) -> list[str]:
        """The actors a subject or holder phrase names (several for "X and Y")."""
        rel = tok
        if tok.lower_ in ("who", "that", "which") and tok.head.dep_ == "relcl":
            rel = tok.head.head
        found: list[str] = []
        heads = [rel] + list(rel.conjuncts)
        for t in list(heads):  # "groups like the ACLU and the NACDL": the members too
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ in ("like", "including") or c.lower_ == "as" and c.head.lower_ == "such":
                    heads += [o for o in c.children if o.dep_ == "pobj"]
                    heads += [x for o in c.children if o.dep_ == "pobj" for x in o.conjuncts]
        for t in heads:
            aid = self.ta.get(t.i) or next((self.ta[x.i] for x in t.subtree if x.i in self.ta
                                            and x.dep_ not in ("relcl", "acl", "prep")), "")
            if aid and self.info[aid]["type"] == "group" and any(c.dep_ == "nummod" for c in t.children):
                continue  # "only two Democrats back the bill": a count of them, not the group
            if aid and aid not in found:
                found.append(aid)
        return found

    def about(self, issue: Issue, tokens: list[Token]) -> str:
        """How a stretch of text points at the issue: ``reference``, ``owner``, ``keywords`` or ''."""
        if not tokens:
            return ""
        s, e = self.original(tokens)
        if issue.refers(s, e):
            return "reference"
        if issue.owner_id and any(s <= a and b <= e for a, b in self.owner_spans.get(issue.owner_id, [])):
            return "owner"
        words = {self.low[t.i] for t in tokens} | {self.lemma[t.i] for t in tokens}
        if issue.named_by(words):
            return "keywords"
        return ""

    def near_issue(self, issue: Issue, tok: Token) -> bool:
        """Is the issue named in this sentence or the one before?"""
        k = self.sentence(tok)
        sents = {self.article.sentence_index(s) for s, _e, _t in issue.mentions}
        return k in sents or k - 1 in sents

    def camp(self, issue: Issue) -> set[str]:
        """Who speaks for the issue's owners (:func:`analysis.camp.owner_camp`), read once per issue."""
        if issue.issue_id not in self._camps:
            owners = [o for o in (issue.owner_id, *issue.co_owner_ids) if o]
            self._camps[issue.issue_id] = {a for o in owners for a in owner_camp(self.info, o)} - set(owners)
        return self._camps[issue.issue_id]

    def negated(self, tok: Token) -> bool:
        negators = self.lex["negators"]
        heads = [tok] + [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        if tok.dep_ in ("xcomp",) and tok.head.pos_ in ("VERB", "AUX"):
            heads.append(tok.head)  # "did not want to support"
        if tok.dep_ == "xcomp" and tok.head.lower_ in negators:
            return True  # "unlikely to support"
        return any(c.dep_ == "neg" or c.lower_ in negators for h in heads for c in h.children if c.i < tok.i + 3)


def _match(ctx: _Context, i: int, part: str) -> tuple[int, int] | None:
    """A stance word or phrase of one part of speech starting at token ``i``: (score, last token)."""
    lex = ctx.lex
    low, lemma = ctx.low[i], ctx.lemma[i]
    for words, score in lex[part + "_phrases"].get(lemma, []) + lex[part + "_phrases"].get(low, []):
        n = len(words)
        rest = ctx.low[i + 1:i + n]
        if len(rest) == n - 1 and tuple(rest) == words[1:]:
            return score, i + n - 1
    table = lex[part]
    if lemma in table:
        return table[lemma], i
    if low in table:
        return table[low], i
    return None


_POS = {"verbs": ("VERB",), "nouns": ("NOUN",), "adjectives": ("ADJ", "VERB", "ADV", "NOUN", "ADP")}


def _predicates(ctx: _Context, tokens: list[Token]):
    """Every stance word in a stretch of text: (token, part, score, last token).

    Only the tokens whose form starts a stance word (``ctx.candidates``, found once per
    article from the lower-case and lemma forms) are looked at."""
    skip = -1
    inside = {t.i for t in tokens} if tokens else set()
    for i in ctx.candidates:
        if i not in inside or i <= skip:
            continue
        tok = ctx.doc[i]
        if tok.dep_ in ("amod", "compound") or (tok.i and ctx.doc[tok.i - 1].text == "-"
                                                  and not ctx.doc[tok.i - 2].whitespace_):
            continue  # "U.S.-supported rebels", "anti-war": part of a modifier, no side taken
        for part in ("verbs", "nouns", "adjectives"):
            if tok.pos_ not in _POS[part] and not (part == "verbs" and tok.pos_ == "AUX"):
                continue
            hit = _match(ctx, tok.i, part)
            if hit is None:
                continue
            score, last = hit
            if part == "adjectives" and tok.dep_ not in ("acomp", "oprd", "ROOT", "conj", "amod", "advmod", "prep",
                                                          "attr", "ccomp", "xcomp", "advcl"):
                continue
            yield tok, part, score, ctx.doc[last]
            skip = last
            break


def _aimed(c: Token) -> bool:
    """Is a child a phrase a side can be taken on ("support for the plan"), not a time ("on Tuesday")?"""
    return c.dep_ == "prep" and c.lower_ in _TARGET_PREPS and not any(
        o.ent_type_ in ("DATE", "TIME") for o in c.children if o.dep_ == "pobj")


def _roles(ctx: _Context, tok: Token, part: str, last: Token) -> tuple[list[str], list[Token]]:
    """Who takes the side a stance word names, and what it is taken on."""
    holders: list[str] = []
    target: list[Token] = []
    if part == "verbs":
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
        if passive:
            for c in tok.children:
                if c.dep_ == "agent":
                    for obj in c.children:
                        holders += ctx.actors_of(obj)
                if c.dep_ == "nsubjpass":
                    target += list(c.subtree)
        else:
            for s in verb_subject(tok, ctx.ta):
                holders += ctx.actors_of(s)
            for c in tok.children:
                if c.dep_ in ("dobj", "xcomp", "ccomp", "attr") or _aimed(c):
                    target += list(c.subtree)
            if last.i != tok.i:  # "call for the ban", "vote against it": the phrase's own object
                for c in last.children:
                    if c.dep_ in ("pobj", "dobj"):
                        target += list(c.subtree)
    elif part == "nouns":
        head = last
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("from", "by", "among", "within"):
                for obj in c.children:
                    if obj.dep_ == "pobj":
                        holders += ctx.actors_of(obj)
            elif c.dep_ == "poss":
                holders += ctx.actors_of(c)
            elif _aimed(c):
                target += list(c.subtree)
        verb = head.head.head if head.dep_ == "pobj" else head.head  # "weighed in with her support"
        if head.dep_ in ("dobj", "pobj") and verb.pos_ in ("VERB", "AUX"):
            if ctx.lemma[verb.i] in _ATTRACT:
                subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
                target += [t for s in subj for t in s.subtree]
                for c in verb.children:  # "drew criticism from X" with "from X" attached to the verb
                    if c.dep_ == "prep" and c.lower_ in ("from", "among") and not holders:
                        for obj in c.children:
                            if obj.dep_ == "pobj":
                                holders += ctx.actors_of(obj)
            elif not holders and verb.pos_ in ("VERB", "AUX"):
                for s in verb_subject(verb, ctx.ta):
                    holders += ctx.actors_of(s)
                for c in verb.children:
                    if _aimed(c) and c.i > head.i:
                        target += list(c.subtree)
    else:  # adjectives: "X is opposed to", "was skeptical of"
        verb = tok.head if tok.dep_ in ("acomp", "oprd", "attr", "amod") else tok
        if tok.dep_ == "amod" and tok.head.pos_ in ("NOUN", "PROPN"):
            holders += ctx.actors_of(tok.head)  # "angry Republicans"
        elif ctx.lemma[verb.i] in _COPULAS or verb is tok:
            for s in verb_subject(verb, ctx.ta):
                holders += ctx.actors_of(s)
        for c in list(last.children) + ([c for c in verb.children if c.dep_ == "prep"] if verb is not tok else []):
            if _aimed(c) or c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by":
                target += list(c.subtree)  # "skeptical of the plan", "encouraged by the plan"
    holders = list(dict.fromkeys(holders))
    return holders, sorted(set(target), key=lambda t: t.i)


#: Dependencies that open a clause of its own inside what a stance word is aimed at.
_CLAUSES = frozenset("acl relcl ccomp advcl pcomp csubj xcomp".split())


def _direct(target: list[Token]) -> list[Token]:
    """The part of a stance word's target it is aimed at: not what a clause inside the target
    says ("rejected the notion that Democrats could pull away from the bill" is not aimed at the
    bill; "railed against Republicans for refusing to hear the president" not at the president)."""
    inside = {t.i for t in target}
    out = []
    for t in target:
        node, direct = t, True
        while node.head.i in inside and node.head is not node:
            if node.dep_ in _CLAUSES:
                direct = False
                break
            node = node.head
        if direct:
            out.append(t)
    return out


def _weakened(tok: Token, last: Token, lex: dict) -> bool:
    return any(c.lower_ in lex["weakeners"] for c in last.children if c.dep_ in ("amod", "advmod", "compound")) or \
        any(c.lower_ in lex["weakeners"] for c in tok.children if c.dep_ in ("advmod",))


def _noun_negated(ctx: _Context, noun: Token) -> bool:
    """Is a stance noun the object of a negated or unlikely verb ("won't get my support", "is
    unlikely to win his support")?"""
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ not in ("dobj", "pobj") or verb.pos_ not in ("VERB", "AUX"):
        return False
    return ctx.negated(verb)


_CONCESSIVE = frozenset("while although though whilst albeit".split())


def _conceded(tok: Token) -> bool:
    """Is a side taken only to be qualified: in a concessive clause ("while they praised the plan,
    they said it did not go far enough") or before a "but" ("praised it but said ...")?"""
    node = tok
    for _ in range(4):
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONCESSIVE for c in node.children):
            return True
        if any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in node.children) and any(
                c.dep_ == "conj" and c.i > tok.i and c.pos_ in ("VERB", "AUX") for c in node.children):
            return True
        if node.dep_ not in ("conj", "xcomp", "dobj", "pobj", "prep", "acomp") or node.head is node:
            return False
        node = node.head
    return False


def _hedged(tok: Token, lex: dict) -> bool:
    """Is a stance word under a modal or adverb of possibility ("could withdraw his support",
    "might back the plan"), in its own clause or one that governs it?"""
    hedges = lex["hedges"]
    for node in [tok, *tok.ancestors]:
        if any(c.dep_ in ("aux", "advmod") and c.lower_ in hedges for c in node.children):
            return True
    return False


def _signed(score: int, negated: bool, weakened: bool) -> int:
    if negated:
        return -1 if score > 0 else 1 if score < 0 else 0   # "did not support": skeptical at most
    if weakened and abs(score) == 2:
        return 1 if score > 0 else -1
    return score


# --------------------------------------------------------------------------- the passes

def owner_evidence(ctx: _Context, issue: Issue):
    """The owner of an issue advocates it (+2)."""
    s, e = issue.mentions[0][:2] if issue.mentions else (0, 0)
    verb = "made the remark" if issue.kind == "contested" else "proposes or owns it"
    for owner in (issue.owner_id, *issue.co_owner_ids):
        if owner and owner in ctx.info:
            yield _Evidence(owner, "owner", "owner", 2, verb, s, e, ctx.lex["weights"]["owner"])


def camp_evidence(ctx: _Context, issue: Issue):
    """Those who speak for the owner of a policy (its spokespeople, aides, office and
    administration) support it unless their own words say otherwise: +1, for a spokesperson who
    only relays the line has no side of their own, and their words make it +2 or take it back."""
    if issue.kind != "policy":
        return
    w = ctx.lex["weights"]["camp"]
    owner = ctx.info.get(issue.owner_id, {}).get("name", "")
    for aid in sorted(ctx.camp(issue)):
        row = ctx.info[aid]
        yield _Evidence(aid, "speaks_for", "role", 1, f"speaks for {owner}", int(row["first_start"]),
                        int(row["first_end"]), w)


def framing_evidence(ctx: _Context, issue: Issue):
    """The reporter's descriptions of reactions, outside quotation marks."""
    w = ctx.lex["weights"]
    dateline = len(ctx.article.dateline)
    if ctx.narrative is None:
        ctx.narrative = [ctx.doc[i] for i in ctx.candidates if i not in ctx.quoted and i not in ctx.in_statement
                         and ctx.doc[i].idx >= dateline]
    yield from _stance_words(ctx, issue, ctx.narrative, "framing", None, w["framing"])


def _stance_words(ctx: _Context, issue: Issue, tokens: list[Token], source: str, speakers: list[str] | None,
                  weight: float, ref: str = ""):
    lex = ctx.lex
    for tok, part, score, last in _predicates(ctx, tokens):
        holders, target = _roles(ctx, tok, part, last)
        if speakers is not None and part == "nouns" and not target:
            continue  # "lawsuits", "concerns" in a voice's words name a side only with what it is on
        if speakers is not None:
            # in a voice's own words the side is the speaker's, unless the stance word has a
            # subject of its own that names another actor ("the minister supported the effort")
            own = [c for c in (tok.children if part != "nouns" else []) if c.dep_ in ("nsubj", "nsubjpass")]
            named = [a for c in own for a in ctx.actors_of(c) if a not in speakers]
            holders = named if named and not any(c.lower_ in _FIRST_PERSON for c in own) else list(speakers)
        target = _direct(target)
        how = ctx.about(issue, target) or ("anaphor" if any(t.lower_ in ("it", "this", "that") for t in target)
                                            and ctx.near_issue(issue, tok) else "")
        if not how:
            others = [ctx.ta[t.i] for t in target if t.i in ctx.ta and ctx.ta[t.i] != issue.owner_id]
            if others and score and issue.issue_id == "I1":
                value = _signed(score, ctx.negated(tok) if part != "nouns" else _noun_negated(ctx, tok), False)
                start, end = ctx.original([tok, last])
                for h in holders:
                    for other in dict.fromkeys(others):
                        if other != h and value:
                            ctx.relations.append((h, other, 1 if value > 0 else -1,
                                                  " ".join(t.text for t in ctx.doc[tok.i:last.i + 1]), start, end))
            if others or not ctx.near_issue(issue, tok) or target and not any(t.lower_ in _ANAPHORS for t in target):
                continue  # a side taken on someone else, or on something else
            how = "context"
        if how == "owner" and issue.kind == "contested":
            continue  # backing a person is not agreeing with their remark
        value = _signed(score, ctx.negated(tok) if part != "nouns" else _noun_negated(ctx, tok),
                        _weakened(tok, last, lex) or _hedged(tok, lex) or _conceded(tok))
        start, end = ctx.original([tok, last])
        cue = " ".join(t.text for t in ctx.doc[tok.i:last.i + 1])
        factor = {"reference": 1.0, "keywords": 1.0, "owner": 0.5}.get(how, 0.6)
        for h in holders:
            if value < 0 and issue.kind == "policy" and (
                    h == issue.owner_id or how == "owner" and h in ctx.camp(issue)):
                continue  # the owner "rejects criticism", its camp attacks the owner's critics: no verdict on the plan
            yield _Evidence(h, source, ref or f"S{ctx.sentence(tok) + 1:02d}", value, f"{cue} ({how})", start, end,
                            weight * factor)


def alignment_evidence(ctx: _Context, issue: Issue):
    """'X agrees with Y', 'X echoed Y': X sides with Y (recorded as a relation, read once Y's
    position is known)."""
    if issue.issue_id != "I1":
        return
    lex = ctx.lex
    firsts = set(lex["align"]) | {p[0] for p in lex["align_phrases"]}
    for i in forms(ctx.doc).where_lemma(firsts):
        tok = ctx.doc[i]
        lemma = ctx.lemma[i]
        phrase = next((p for p in lex["align_phrases"] if p[0] == lemma and
                       tuple(ctx.low[tok.i + 1:tok.i + len(p)]) == p[1:]), None)
        if tok.pos_ != "VERB" or (lemma not in lex["align"] and phrase is None):
            continue
        holders = [a for s in verb_subject(tok, ctx.ta) for a in ctx.actors_of(s)]
        others = []
        for c in tok.children:
            if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("with", "behind")):
                objs = [c] if c.dep_ == "dobj" else [o for o in c.children if o.dep_ == "pobj"]
                for o in objs:
                    others += ctx.actors_of(o)
                    others += [ctx.ta[x.i] for x in o.children if x.dep_ == "poss" and x.i in ctx.ta]
        sign = -1 if ctx.negated(tok) else 1
        start, end = ctx.original([tok])
        for h in holders:
            for o in dict.fromkeys(others):
                if o != h:
                    ctx.relations.append((h, o, sign, tok.text, start, end))
    return
    yield  # a generator, for the same call as the other passes


def issue_partners(ctx: _Context, issue: Issue) -> list[str]:
    """The other parties an issue involves: actors named inside its references or description
    ("efforts to persuade the rebels", "a deal with the union"), other than its owners."""
    owners = {issue.owner_id, *issue.co_owner_ids}
    owner_country = ctx.info.get(issue.owner_id, {}).get("country", "")
    found = list(issue.partner_ids)
    for aid, spans in ctx.owner_spans.items():
        if aid in owners or aid in found:
            continue
        row = ctx.info.get(aid, {})
        if row.get("type") not in ("country", "organization") or (owner_country and row.get("name") == owner_country):
            continue
        if any(s <= a and b <= e for a, b in spans for s, e, _t in issue.mentions):
            found.append(aid)
    return found


def relation_evidence(ctx: _Context, issue: Issue, positions: dict[str, int]):
    """A side taken on another voice whose position is known: criticising an opponent of the
    issue is support for it, agreeing with a supporter is support (structural balance)."""
    w = ctx.lex["weights"]["framing"] * 0.5
    partners = set(issue_partners(ctx, issue))
    for h, other, sign, cue, start, end in ctx.relations:
        p = positions.get(other, 0)
        if other == issue.owner_id and issue.kind == "policy":
            p = 2
        if other in partners and not p and h not in partners:
            if sign < 0:  # doubting or accusing the partner the issue would work with: skepticism
                yield _Evidence(h, "relation", f"S{ctx.article.sentence_index(start) + 1:02d}", -1,
                                f"{cue} {ctx.info[other]['name']} (the issue's partner)", start, end, w)
            continue
        if not p or h == issue.owner_id:
            continue
        score = sign * (1 if p > 0 else -1)
        name = ctx.info[other]["name"]
        yield _Evidence(h, "relation", f"S{ctx.article.sentence_index(start) + 1:02d}", score,
                        f"{cue} {name} ({'support' if p > 0 else 'against'})", start, end, w)


def neutral_evidence(ctx: _Context, issue: Issue):
    """'declined to comment': a voice that takes no side (0)."""
    text = ctx.article.text.lower()
    w = ctx.lex["weights"]["neutral"]
    for phrase in ctx.lex["neutral"]:
        start = text.find(phrase)
        while start >= 0:
            span = ctx.doc.char_span(start, start + len(phrase), alignment_mode="expand")
            if span is not None:
                verb = span.root if span.root.pos_ in ("VERB", "AUX") else span[0]
                for s in verb_subject(verb, ctx.ta):
                    for h in ctx.actors_of(s):
                        if ctx.near_issue(issue, verb) or ctx.about(issue, list(verb.sent)):
                            os_, oe = ctx.original(list(span))
                            yield _Evidence(h, "neutral", f"S{ctx.sentence(verb) + 1:02d}", 0, phrase, os_, oe, w)
            start = text.find(phrase, start + 1)


def side_evidence(ctx: _Context, issue: Issue):
    """Groups named by their side: "supporters say", "critics of the plan"."""
    if issue.issue_id != "I1":
        return
    sides = ctx.lex["side_nouns"]
    w = ctx.lex["weights"]["side_noun"]
    for aid, row in ctx.info.items():
        if row["type"] not in ("group", "anonymous"):
            continue
        words = str(row["name"]).lower().removeprefix("unnamed ").split()
        hit = next((sides[x] for x in words if x in sides), None)
        if hit is None or "anti" in words:
            continue
        yield _Evidence(aid, "side", "name", hit, f"named \u201c{row['name']}\u201d", int(row["first_start"]),
                        int(row["first_end"]), w)


@lru_cache(maxsize=1)
def _analyzer():
    """VADER's sentiment analyser (Hutto & Gilbert 2014), without the words that have no side
    in political talk (``not_evaluative`` in the lexicon file)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    for word in lexicon()["not_evaluative"]:
        analyzer.lexicon.pop(word, None)
    return analyzer


def _valence(ctx: _Context, issue: Issue, tokens: list[Token]) -> tuple[float, list[str]]:
    """VADER's compound score of a voice's words (-1 .. +1), read without the issue's own name
    (a "deal" is not good news) and without words the voice quotes from others."""
    words: list[str] = []
    cues: list[str] = []
    val = ctx.lex["valence"]
    keys = set(issue.keywords)
    nested = nested_quotes(tokens)
    for t in tokens:
        if t.i in nested or ctx.low[t.i] in keys or ctx.lemma[t.i] in keys:
            continue
        words.append(t.text)
        if abs(val.get(ctx.low[t.i], 0.0)) >= 1.0 and ctx.low[t.i] not in ctx.lex["not_evaluative"]:
            cues.append(t.text)
    if not cues:
        return 0.0, []
    return _analyzer().polarity_scores(" ".join(words))["compound"], cues


def _consequences(ctx: _Context, issue: Issue, tokens: list[Token]) -> tuple[int, int, list[str]]:
    """Predicted effects and acts on the issue.

    Returns ``(effect, act, cues)``: ``effect`` sums good-for or bad-for verbs composed with
    the value of their object ("cost jobs" -1, "reduce poverty" +1); ``act`` is the side of
    a verb whose object is the issue itself ("block the deal" -2, "renew the law" +2).
    """
    lex = ctx.lex
    ids = {t.i for t in tokens}
    effect, act, cues = 0, 0, []
    for t in tokens:
        lemma = ctx.lemma[t.i]
        if t.pos_ != "VERB" or lemma in issue.keywords:
            continue  # "close the prison" in a plan to close it: the issue itself
        objs = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass") and c.i in ids]
        if not objs:
            continue
        head = objs[0]
        if ctx.low[head.i] in _QUANTITIES or head.like_num:  # "thousands of jobs": the jobs
            of = [o for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                  if o.dep_ == "pobj"]
            head = of[0] if of else head
        negated = ctx.negated(t) or _failed(t)
        if lemma in lex["acts"] and (ctx.about(issue, list(head.subtree)) or
                                     _definite(head) and ctx.near_issue(issue, t)):
            side = lex["acts"][lemma]
            act += -side // 2 if negated else side
            cues.append(f"{t.text} {head.text}")
            continue
        sign = 1 if lemma in lex["good"] else -1 if lemma in lex["bad"] else 0
        if not sign:
            continue
        value = lex["valued"].get(ctx.lemma[head.i], lex["valued"].get(ctx.low[head.i]))
        if value is None:
            v = lex["valence"].get(ctx.low[head.i], 0.0)
            value = 1 if v >= 1.0 else -1 if v <= -1.0 else 0
        subject = [c for c in t.children if c.dep_ == "nsubj"]
        if not value and subject and ctx.about(issue, list(subject[0].subtree)):
            value = 1  # "the ban would cost the city $2 million": what the issue does to something
        if not value:
            continue
        effect += -sign * value if negated else sign * value
        cues.append(f"{t.text} {head.text}")
    return effect, act, cues


#: How many paragraphs after a mention of the issue a voice's words count, lightly, as being about it.
CONTEXT_PARAGRAPHS = 3
_QUANTITIES = frozenset("thousands millions hundreds dozens billions lots many most some all scores tens".split())
_FAILURE = frozenset("failure fail failing refusal refuse decline inability unable".split())


def _definite(noun: Token) -> bool:
    """A pronoun or a definite noun phrase ("it", "the authority", "this measure"): near a mention
    of the issue, the object of an act on it ("renew the authority") refers back to the issue."""
    if noun.lower_ in ("it", "this", "that", "them"):
        return True
    return noun.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
                                       for c in noun.children)


def _failed(verb: Token) -> bool:
    """'failure to renew', 'refused to sign': an act that is not done."""
    head = verb.head
    return verb.dep_ in ("xcomp", "acl", "advcl") and head.lemma_.lower() in _FAILURE


def _names_issue(ctx: _Context, issue: Issue, noun: Token) -> bool:
    """Does a noun phrase name the issue ("this deal", "such a wall", or "it" right after a mention)?"""
    if noun.lower_ in _ANAPHORS:
        return ctx.near_issue(issue, noun)
    words = [t for t in noun.subtree if t.dep_ not in ("relcl", "acl")][:8]
    return ctx.about(issue, words) in ("reference", "keywords")


def _verdicts(ctx: _Context, issue: Issue, tokens: list[Token]) -> list[tuple[int, str]]:
    """Evaluative words a voice applies to the issue itself: an adjective on it ("such a stupid
    wall", "a great deal") or predicated of it ("it's not good for the military", "the ban is
    cruel"), scored by VADER's valence of the word, reversed under negation."""
    val, skip = ctx.lex["valence"], ctx.lex["not_evaluative"]
    out = []
    for t in tokens:
        if t.pos_ != "ADJ" or ctx.low[t.i] in skip or abs(val.get(ctx.low[t.i], 0.0)) < 1.0 or any(
                c.lower_ in ("least", "less") for c in t.children):
            continue  # "the least bad option" is no verdict against it
        v = val[ctx.low[t.i]]
        if t.dep_ == "amod" and t.head.pos_ == "NOUN":
            noun, verb = t.head, t.head.head
            if t.head.dep_ == "attr":  # "this is a great deal": the subject is what is judged
                noun = next((c for c in verb.children if c.dep_ == "nsubj"), t.head)
        elif t.dep_ == "acomp" and not any(c.dep_ in ("xcomp", "ccomp") for c in [*t.children, *t.head.children]):
            verb = t.head  # not "it is easy to ...", whose "it" stands for what follows
            noun = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        else:
            continue
        if noun is None or not _names_issue(ctx, issue, noun):
            continue
        sign = (1 if v > 0 else -1) * (-1 if ctx.negated(verb) or ctx.negated(t) else 1)
        out.append((sign * (2 if abs(v) >= 2.0 else 1), f"{t.text} {noun.text}"))
    return out


def verdict_evidence(ctx: _Context, issue: Issue):
    """What a voice's own words call the issue (:func:`_verdicts`), weighed as a stance word."""
    w = ctx.lex["weights"]["stance_word"]
    for c in ctx.claims:
        holders = [c.holder_id] if c.holder_id else [s for s in str(c.speaker_id).split(";") if s]
        span = ctx.doc.char_span(ctx.article.to_clean(c.start), ctx.article.to_clean(c.end), alignment_mode="expand")
        if not holders or span is None:
            continue
        found = _verdicts(ctx, issue, [t for t in span if not t.is_space])
        if not found:
            continue
        score = round(sum(s for s, _c in found) / len(found))
        for h in holders:
            if h != issue.owner_id and score:
                yield _Evidence(h, "evaluation", c.claim_id, score, "; ".join(cue for _s, cue in found), c.start,
                                c.end, w)


def claim_evidence(ctx: _Context, issue: Issue):
    """What each voice's own words say about the issue: stance words, evaluations,
    predicted consequences and conditions."""
    w = ctx.lex["weights"]
    about = ctx.issues.claims_about(issue.issue_id)
    hedges = ctx.lex["hedges"]
    partners = set(issue_partners(ctx, issue))
    for c in ctx.claims:
        speakers = [s for s in str(c.speaker_id).split(";") if s]
        holders = [c.holder_id] if c.holder_id else speakers
        if not holders:
            continue
        span = ctx.doc.char_span(ctx.article.to_clean(c.start), ctx.article.to_clean(c.end), alignment_mode="expand")
        if span is None:
            continue
        how = about.get(c.claim_id, "")
        if not how and issue.issue_id != "I1":
            continue  # an issue other than the main one is read only from the words that name it
        tokens = [t for t in span if not t.is_space]
        if c.target_id in partners and c.polarity in ("negative", "positive"):
            for h in holders:  # what the voice says of the issue's partner: doubt is skepticism
                if h not in partners:
                    yield _Evidence(h, "relation", c.claim_id, -1 if c.polarity == "negative" else 1,
                                    f"{c.polarity} about {c.target} (the issue's partner)", c.start, c.end,
                                    w["framing"] * 0.5)
        if how in ("reference", "keywords", "anaphor"):
            for h in holders:  # the voice speaks about the issue: at least "neutral or unclear"
                yield _Evidence(h, "mention", c.claim_id, 0, f"speaks of it ({how})", c.start, c.end,
                                w["mention"])
        text = " " + " ".join(ctx.low[t.i] for t in tokens) + " "
        conditional = any(f" {m} " in text for m in ctx.lex["conditions"])
        for e in _stance_words(ctx, issue, tokens, "stance", holders, w["stance_word"], c.claim_id):
            if conditional and e.score > 0:  # "would back the plan if ...": conditional support
                e.score, e.source, e.cue = 1, "condition", f"{e.cue}, with a condition"
                e.start, e.end = c.start, c.end  # the condition is the claim that states it
            yield e
        hedged = any(ctx.low[t.i] in hedges for t in tokens)
        weight = w["evaluation"] if how else w["context"]
        source = "evaluation" if how else "context"
        if not how and issue.issue_id != "I1":
            continue  # unlinked words count, lightly, only toward the main issue
        value, vcues = _valence(ctx, issue, tokens)
        effect, act, ecues = _consequences(ctx, issue, tokens)
        if act:
            if act < 0 and value < 0 and any(_failed(t) or ctx.negated(t) for t in tokens if t.pos_ == "VERB"):
                act = 1  # "failure to renew it would make it easier for our enemies": a warning for it
            act = max(-2, min(2, act))
            if hedged and abs(act) == 2:
                act //= 2  # "could block the deal": a possibility, not a verdict
            for h in holders:
                yield _Evidence(h, "stance", c.claim_id, act, "; ".join(ecues), c.start, c.end,
                                w["stance_word"])
            continue
        if value > 0 and effect >= 0 and conditional and c.type != "question":
            for h in holders:  # support stated with a condition attached: conditional support
                yield _Evidence(h, "condition", c.claim_id, 1, "condition", c.start, c.end, w["condition"])
        if effect:
            score = (2 if abs(effect) > 1 and not hedged else 1) * (1 if effect > 0 else -1)
            for h in holders:
                yield _Evidence(h, "consequence", c.claim_id, score, "; ".join(ecues), c.start, c.end,
                                w["consequence"] if how else w["context"])
        strong, weak = ctx.lex["valence_bounds"]["strong"], ctx.lex["valence_bounds"]["weak"]
        if abs(value) >= weak:
            score = (2 if abs(value) >= strong and not hedged else 1) * (1 if value > 0 else -1)
            for h in holders:
                if h == issue.owner_id:
                    continue
                yield _Evidence(h, source, c.claim_id, score, "; ".join(vcues[:4]), c.start, c.end, weight)


def relayed_evidence(ctx: _Context, issue: Issue, positions: dict[str, int], by_actor: dict):
    """A spokesperson, aide or office with nothing of its own on the issue relays the line of whom
    it speaks for: that voice's side, as qualified support or skepticism (+1 or -1)."""
    links = {a: r["speaks_for"] for a, r in ctx.info.items() if r.get("speaks_for")}
    owners = {issue.owner_id, *issue.co_owner_ids} - {""}
    w = ctx.lex["weights"]["speaks_for"]
    for_owner = ctx.camp(issue)
    for aid, row in ctx.info.items():
        if aid in owners or any(x.source not in ("context", "mention") for x in by_actor.get(aid, [])):
            continue
        chain = principal_chain(links, aid)[1:]
        principal = next((p for p in chain if p in owners or positions.get(p)), "")
        if not principal and aid in for_owner:
            principal = issue.owner_id
        if not principal:
            continue
        p = 2 if principal in owners else positions[principal]
        score = 1 if p > 0 else -1
        yield _Evidence(aid, "speaks_for", "role", score, f"relays the line of {ctx.info[principal]['name']}",
                        int(row["first_start"]), int(row["first_end"]), w)


def _issue_paragraphs(ctx: _Context, issue: Issue) -> set[int]:
    """Paragraphs that name the issue, its owner or its key words."""
    art = ctx.article
    out = {art.paragraph_index(s) for s, _e, _t in issue.mentions}
    out |= {art.paragraph_index(s) for s, _e in ctx.owner_spans.get(issue.owner_id, [])}
    if issue.keywords or issue.heads:
        for p in art.paragraphs:
            if issue.named_by(set(re.findall(r"[\w$\u2019'.-]+", art.original[p.start:p.end].lower()))):
                out.add(p.index)
    return out


def context_evidence(ctx: _Context, issue: Issue, claimed: set[str]):
    """A voice with nothing explicit about the main issue: the tone of everything it says,
    read once as a whole (VADER's compound score), weighed lightly."""
    if issue.issue_id != "I1":
        return
    w = ctx.lex["weights"]["context"]
    strong, weak = ctx.lex["valence_bounds"]["strong"], ctx.lex["valence_bounds"]["weak"]
    near = _issue_paragraphs(ctx, issue)
    by_voice: dict[str, list] = {}
    for c in ctx.claims:
        p = ctx.article.paragraph_index(c.start)
        if not any(p - k in near for k in range(CONTEXT_PARAGRAPHS + 1)):
            continue  # words far from any mention of the issue say nothing about it
        holders = [c.holder_id] if c.holder_id else [s for s in str(c.speaker_id).split(";") if s]
        for h in holders:
            if h not in claimed and h != issue.owner_id:
                by_voice.setdefault(h, []).append(c)
    for h, claims in by_voice.items():
        tokens = []
        for c in claims:
            span = ctx.doc.char_span(ctx.article.to_clean(c.start), ctx.article.to_clean(c.end),
                                     alignment_mode="expand")
            if span is not None:
                tokens += [t for t in span if not t.is_space]
        value, cues = _valence(ctx, issue, tokens)
        if abs(value) < weak:
            continue
        score = (2 if abs(value) >= strong else 1) * (1 if value > 0 else -1)
        first = claims[0]
        yield _Evidence(h, "context", ";".join(c.claim_id for c in claims), score, "; ".join(cues[:4]),
                        first.start, first.end, w)


