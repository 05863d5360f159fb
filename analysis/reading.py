"""How the stance passes read an article: the shared reading behind :mod:`analysis.evidence` and
:mod:`analysis.reactions`.

:class:`Context` holds what every pass needs about one article (the parse, the
actors and their mentions, statements and claims, the issues, the stance words
found once per article); :class:`Evidence` is one piece of evidence. The
helpers read a stance word in its clause: :func:`predicates` (the stance words
of a span of tokens), :func:`roles_of` (who holds the side and what it is aimed
at: subject, object, "from"/"by" and "for"/"against" phrases, possessors, the subject of
the verb whose object a side noun qualifies: "represent plaintiffs in the lawsuits filed against X"),
:func:`direct_targets`, and the modifiers that change a side's strength or sign
(:func:`is_weakened`, :func:`noun_negated`, :func:`is_conceded`,
:func:`is_hedged`, :func:`signed_score`).

The words are in ``analysis/data/stance_lexicon.yml`` (:func:`lexicon`).
"""

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as importlib_resources

import pandas as pd
from spacy.tokens import Doc, Token

from .actors import ActorTable
from .camp import owner_camp
from .corpus import Article, quotation_spans
from .frames import column, rows_of, tuples
from .issues import Issue, IssueSet
from .nlp import forms
from .quotes import verb_subject
from .resources import load_csv, load_yaml

#: Light verbs whose subject is the target, not the holder, of the side their object names
#: ("the deal drew criticism from X").
_ATTRACT = frozenset("draw spark face prompt trigger provoke meet receive win earn attract gain garner generate fuel "
                     "stoke ignite elicit invite court lose".split())
_COPULAS = frozenset("be seem appear remain become sound look feel stay prove".split())
_TARGET_PREPS = frozenset("for of to against over about on with toward towards behind into".split())
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
#: A quotation this short (in tokens) is a partial quote inside the reporter's sentence ('said he was
#: "encouraged" by the plan'): its words are read with the sentence's grammar.
_PARTIAL_QUOTE = 3
#: Pronouns that can stand for the issue ("opposes it", "supports this"); "our citizens" is not one.
ANAPHORS = frozenset({"it", "this", "that", "them", "these", "those"})


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
    for key in ("weakeners", "hedges", "conditions", "negators", "diminishers", "negative_prefixes", "refusals"):
        data[key] = frozenset(str(w).lower() for w in data[key])
    data["align_mutual"] = tuple(tuple(str(w).lower().split()) for w in data["align_mutual"])
    data["continuation"] = tuple(tuple(str(w).lower().split()) for w in data["continuation_verbs"])
    data["same_side"] = tuple(tuple(str(w).lower().split()) for w in data["same_side"])
    data["reaction_nouns"] = {str(w).lower(): int(k) for k, ws in data["reactions"]["nouns"].items() for w in ws}
    data["reaction_verbs"] = {str(w).lower(): int(k) for k, ws in data["reactions"]["verbs"].items() for w in ws}
    data["rejected_calls"] = {k: frozenset(str(w).lower() for w in ws) for k, ws in data["rejected_calls"].items()}
    data["acts"] = {str(w).lower(): int(score) for score, ws in data["acts_on"].items() for w in ws}
    data["not_evaluative"] = frozenset(str(w).lower() for w in data["not_evaluative"])
    data["good"] = frozenset(data["effects"]["good"])
    data["bad"] = frozenset(data["effects"]["bad"])
    data["valence"] = {**political_valence(), **_vader()}
    return data


@lru_cache(maxsize=1)
def political_valence() -> dict[str, float]:
    """Evaluative words of political talk that VADER's lexicon lacks ("toxic", "unconstitutional",
    "sensible"), on VADER's scale (``analysis/data/political_valence.csv``); VADER's own entry wins."""
    return {r["word"].lower(): float(r["valence"]) for r in load_csv("political_valence.csv")}


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


#: Evidence sources that read a voice's tone or presence rather than a side it takes: its
#: evaluative words (``evaluation``), the words of claims not linked to the issue (``context``),
#: a bare mention, a neutral report, and ownership of the issue.
TONE_SOURCES = frozenset({"evaluation", "context", "mention", "neutral", "owner"})


@dataclass
class Evidence:
    actor_id: str
    source: str
    ref: str
    score: int
    cue: str
    start: int
    end: int
    weight: float


# --------------------------------------------------------------------------- reading the text

def act_keys(doc: Doc, lemma: list[str], acts: dict[str, int]) -> list[str | None]:
    """Per token, the entry of ``acts_on`` its verb is, or None: the lemma itself ("block"), or
    the lemma with its particle or the verb it lets happen when the two make an entry ("struck
    down", "tear it up", "let the law lapse": "strike down", "tear up", "let lapse")."""
    keys: list[str | None] = [w if w in acts else None for w in lemma]
    firsts = {k.split()[0] for k in acts if " " in k}
    for i, w in enumerate(lemma):
        if w in firsts and doc[i].pos_ in ("VERB", "AUX"):
            for child in doc[i].children:
                key = f"{w} {lemma[child.i]}"
                if child.dep_ in ("prt", "ccomp", "xcomp") and key in acts:
                    keys[i] = key
                    break
    return keys


class Context:
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
        self.text = forms(doc).text
        self.act = act_keys(doc, self.lemma, self.lex["acts"])
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
        self._spans: dict[tuple[int, int], tuple] = {}
        self._negated: dict[int, bool] = {}  # token index -> negated(token), read once
        self.tones: dict[str, float] = {}  # VADER's compound score of a text (analysis.evidence), read once
        self.against: dict[str, set[str]] = {}  # issue id -> the actors it acts against (analysis.evidence), read once
        self.owner_spans: dict[str, list[tuple[int, int]]] = {}
        m = rows_of(actors, "mentions")
        if len(m):
            for aid, s, e in zip(column(m, "actor_id"), column(m, "start"), column(m, "end")):
                self.owner_spans.setdefault(aid, []).append((s, e))

    def span(self, start: int, end: int):
        """The tokens of a stretch of the original text (offsets as the tables give them), widened
        to whole tokens; None where the parse has none."""
        return self._read(start, end)[0]

    def tokens(self, start: int, end: int) -> list[Token] | None:
        """``list(span(start, end))``, made once per stretch: every pass reads each claim's words."""
        return self._read(start, end)[1]

    def words(self, start: int, end: int) -> list[Token] | None:
        """The tokens of ``span(start, end)`` that are not white space, made once per stretch."""
        return self._read(start, end)[2]

    def _read(self, start: int, end: int) -> tuple:
        key = (int(start), int(end))
        found = self._spans.get(key)
        if found is None:
            span = self.doc.char_span(self.article.to_clean(key[0]), self.article.to_clean(key[1]),
                                      alignment_mode="expand")
            tokens = list(span) if span is not None else None
            words = [t for t in tokens if not t.is_space] if tokens is not None else None
            found = self._spans[key] = (span, tokens, words)
        return found

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
            if aid and self.info[aid]["type"] == "group" and any(c.dep_ == "nummod" for c in t.children) \
                    and self._named_elsewhere(aid, t):
                continue  # "only two Democrats back the bill": a count of them, not the group
            if aid and aid not in found:
                found.append(aid)
        return found

    def _named_elsewhere(self, aid: str, t: Token) -> bool:
        """Is a group named outside this phrase too? A count of a group the story names as a whole
        ("Only two Democrats back the bill. Most Democrats ...") is a part of it; a count that is the
        group's only name ("More than 3,000 engineers voted to reject it") is the group, its size."""
        phrase = range(t.left_edge.i, t.right_edge.i + 1)
        return any(a == aid and i not in phrase for i, a in self.ta.items())

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

    def near_issue(self, issue: Issue, tok: Token, before: int = 1) -> bool:
        """Is the issue named in this sentence or the ``before`` ones before it?"""
        k = self.sentence(tok)
        sents = {self.article.sentence_index(s) for s, _e, _t in issue.mentions}
        return any(k - j in sents for j in range(before + 1))

    def camp(self, issue: Issue) -> set[str]:
        """Who speaks for the issue's owners (:func:`analysis.camp.owner_camp`), read once per issue."""
        if issue.issue_id not in self._camps:
            owners = [o for o in (issue.owner_id, *issue.co_owner_ids) if o]
            self._camps[issue.issue_id] = {a for o in owners for a in owner_camp(self.info, o)} - set(owners)
        return self._camps[issue.issue_id]

    def negated(self, tok: Token) -> bool:
        """Is the verb or adjective denied: by its own negation or auxiliary, or by the verb it
        completes ("did not want to support", "unlikely to support")? Read once per token."""
        found = self._negated.get(tok.i)
        if found is None:
            found = self._negated[tok.i] = self._read_negated(tok)
        return found

    def _read_negated(self, tok: Token) -> bool:
        negators = self.lex["negators"]
        own = [tok] + [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        above = []
        if tok.dep_ in ("xcomp",) and tok.head.pos_ in ("VERB", "AUX"):
            above.append(tok.head)  # "did not want to support"
        elif tok.dep_ == "ccomp" and tok.head.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            above.append(tok.head)  # "do not want peace to be restored": an infinitive with its own subject
        if tok.dep_ == "xcomp" and tok.head.lower_ in negators:
            return True  # "unlikely to support"
        if tok.dep_ == "xcomp" and self.lemma[tok.head.i] in ("have", "be") and any(
                c.lower_ == "yet" and c.i < tok.i for c in tok.head.children):
            return True  # "has yet to endorse it", "is yet to decide": not done so far
        if any(c.dep_ in ("nsubj", "nsubjpass") and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
               for c in tok.children):
            return True  # "no projects will be scrapped", "no one supports it": the subject denies it
        if any(_denies(c, negators) for h in own for c in h.children if c.i < tok.i + 3):
            return True
        if any(c.dep_ == "advmod" and any(d.dep_ == "neg" for d in c.children) for c in tok.children):
            return True  # "no longer supports it"
        denied = any(_denies(c, negators) for h in above for c in h.children if c.i < tok.i + 3)
        return denied != refused(tok)  # "refused to back it"; "would not hesitate to back it" is not denied


def _denies(word: Token, negators: frozenset[str]) -> bool:
    """Is a word a negation of its head: "not", "never", "n't", but not the "not" of "not only ...
    but" (a correlative that adds, as in "not only supports it but will campaign for it")?"""
    if word.dep_ == "preconj" and word.i + 1 < len(word.doc) and word.doc[word.i + 1].lower_ == "only":
        return False
    return word.dep_ == "neg" or word.lower_ in negators


def refused(verb: Token) -> bool:
    """Is an act the complement of a word of refusing or failing (``refusals``: "refused to back
    it", "failure to renew it", "unable to stop it"), or what a call its subject rejects asks for
    (``rejected_calls``: "rejected calls to scrap it")? Such an act is not done."""
    head, lex = verb.head, lexicon()
    if head.i == verb.i:
        return False
    if verb.dep_ in ("acl", "relcl") and head.pos_ == "NOUN" and head.dep_ == "dobj" and (
            head.lemma_.lower() in lex["rejected_calls"]["nouns"]
            and head.head.lemma_.lower() in lex["rejected_calls"]["verbs"]):
        return True  # "rejected calls to scrap it", "resisted pressure to drop it"
    return verb.dep_ in ("xcomp", "acl", "advcl") and (head.lemma_.lower() in lex["refusals"]
                                                        or head.lower_ in lex["refusals"])


def _match(ctx: Context, i: int, part: str) -> tuple[int, int] | None:
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


def predicates(ctx: Context, tokens: list[Token]):
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


def roles_of(ctx: Context, tok: Token, part: str, last: Token) -> tuple[list[str], list[Token]]:
    """Who takes the side a stance word names, and what it is taken on."""
    holders: list[str] = []
    target: list[Token] = []
    if part == "verbs":
        _verb_roles(ctx, tok, last, holders, target)
    elif part == "nouns":
        _noun_roles(ctx, last, holders, target)
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


def _verb_roles(ctx: Context, tok: Token, last: Token, holders: list[str], target: list[Token]) -> None:
    """A stance verb's holder (subject, or the agent of a passive) and target (its object)."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
        for c in tok.children:
            if c.dep_ == "agent":
                for obj in c.children:
                    holders += ctx.actors_of(obj)
            if c.dep_ == "nsubjpass":
                target += list(c.subtree)
        return
    for s in verb_subject(tok, ctx.ta) or _purpose_of(tok):
        holders += ctx.actors_of(s)
    for c in tok.children:
        if c.dep_ in ("dobj", "xcomp", "ccomp", "attr") or _aimed(c):
            target += list(c.subtree)
    if last.i != tok.i:  # "call for the ban", "vote against it", "stand in the way of it": the phrase's own object
        for c in last.children:
            if c.dep_ in ("pobj", "dobj") or c.dep_ == "prep" and last.pos_ == "NOUN" and _aimed(c):
                target += list(c.subtree)


def _purpose_of(verb: Token) -> list[Token]:
    """'Residents rallied outside the hall to oppose the closure': the subject of the verb whose
    purpose an infinitive states takes the side that infinitive names (not under a passive: "X was
    asked to oppose it" is someone else's wish)."""
    head = verb.head
    if verb.dep_ != "advcl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or \
            head.pos_ != "VERB" or any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children):
        return []
    return [c for c in head.children if c.dep_ == "nsubj"]


def _noun_roles(ctx: Context, head: Token, holders: list[str], target: list[Token]) -> None:
    """A stance noun's holder ("support from X", "X's opposition", or the subject of the verb it
    is the object of) and target ("opposition to the plan", "the plan drew criticism")."""
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "among", "within"):
            for obj in c.children:
                if obj.dep_ == "pobj":
                    holders += ctx.actors_of(obj)
        elif c.dep_ == "poss":
            holders += ctx.actors_of(c)
        elif _aimed(c):
            target += list(c.subtree)
        elif c.dep_ == "acl" and c.tag_ == "VBN":  # "lawsuits filed against the administration"
            target += [t for x in c.children if _aimed(x) for t in x.subtree]
    verb = head.head.head if head.dep_ == "pobj" else head.head  # "weighed in with her support"
    if head.dep_ == "pobj" and head.head.lower_ == "in" and verb.dep_ == "dobj" and verb.pos_ == "NOUN":
        verb = verb.head  # "represent plaintiffs in the lawsuits", "joined others in opposition"
    if head.dep_ not in ("dobj", "pobj") or verb.pos_ not in ("VERB", "AUX"):
        return
    if ctx.lemma[verb.i] in _ATTRACT:
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        target += [t for s in subj for t in s.subtree]
        for c in verb.children:  # "drew criticism from X" with "from X" attached to the verb
            if c.dep_ == "prep" and c.lower_ in ("from", "among") and not holders:
                for obj in c.children:
                    if obj.dep_ == "pobj":
                        holders += ctx.actors_of(obj)
    elif not holders:
        for s in verb_subject(verb, ctx.ta):
            holders += ctx.actors_of(s)
        for c in verb.children:
            if _aimed(c) and c.i > head.i:
                target += list(c.subtree)


#: Dependencies that open a clause of its own inside what a stance word is aimed at.
_CLAUSES = frozenset("acl relcl ccomp advcl pcomp csubj xcomp".split())


def direct_targets(target: list[Token]) -> list[Token]:
    """The part of a stance word's target it is aimed at: not what a clause inside the target
    says ("rejected the notion that Democrats could pull away from the bill" is not aimed at the
    bill; "railed against Republicans for refusing to hear the president" not at the president)."""
    if not target:
        return []
    parse = forms(target[0].doc)
    inside = {t.i for t in target}
    out = []
    for t in target:
        node, direct = t.i, True
        while parse.head[node] in inside and parse.head[node] != node:
            if parse.dep[node] in _CLAUSES:
                direct = False
                break
            node = parse.head[node]
        if direct:
            out.append(t)
    return out


def is_weakened(tok: Token, last: Token, lex: dict) -> bool:
    return any(c.lower_ in lex["weakeners"] for c in last.children if c.dep_ in ("amod", "advmod", "compound")) or \
        any(c.lower_ in lex["weakeners"] for c in tok.children if c.dep_ in ("advmod",))


def noun_negated(ctx: Context, noun: Token) -> bool:
    """Is a stance noun the object of a negated or unlikely verb ("won't get my support", "is
    unlikely to win his support")?"""
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ not in ("dobj", "pobj") or verb.pos_ not in ("VERB", "AUX"):
        return False
    return ctx.negated(verb)


_CONCESSIVE = frozenset("while although though whilst albeit".split())


def is_conceded(tok: Token) -> bool:
    """Is a side taken only to be qualified: in a concessive clause ("while they praised the plan,
    they said it did not go far enough") or before a "but" ("praised it but said ...")?"""
    node = tok
    for _ in range(4):
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONCESSIVE for c in node.children):
            return True
        if any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in node.children) and any(
                c.dep_ == "conj" and c.i > tok.i and c.pos_ in ("VERB", "AUX") for c in node.children):
            return True
        if node.dep_ not in ("conj", "xcomp", "dobj", "pobj", "prep", "acomp") or node.head.i == node.i:
            return False
        node = node.head
    return False


def is_hedged(tok: Token, lex: dict) -> bool:
    """Is a stance word under a modal or adverb of possibility ("could withdraw his support",
    "might back the plan"), in its own clause or one that governs it?"""
    hedges = lex["hedges"]
    for node in [tok, *tok.ancestors]:
        if any(c.dep_ in ("aux", "advmod") and c.lower_ in hedges for c in node.children):
            return True
    return False


def signed_score(score: int, negated: bool, weakened: bool) -> int:
    if negated:
        return -1 if score > 0 else 1 if score < 0 else 0   # "did not support": skeptical at most
    if weakened and abs(score) == 2:
        return 1 if score > 0 else -1
    return score
