"""What is at stake: the issues a story's disagreement is about, with owners and references.

:func:`find_issues` reads the parse, the actors and the claims and returns an
:class:`IssueSet`: the issues ranked by salience (``main`` is the first), and
for each claim which issues it is about.

An **issue** is a course of action an actor can own: a plan, proposal, bill,
law, veto, ban, deal, ceasefire, strategy, decision, nomination or program
(``kind = "policy"``), found from nouns of that vocabulary and from verbs of
proposing ("the governor called for a statewide ban", "X plans to send 250
troops"). A story whose dispute is over a remark or an accusation and has no
course of action at stake gets that remark as its issue
(``kind = "contested"``: "Trump's comments about the judge"), as does a claim the
headline or the first sentence reports with a verb that leaves its truth open
("a spokesman claims bin Laden has fled"). References of
the same class and owner are one issue; a definite later reference ("the
plan", "the measure") joins the latest issue it can name. Salience counts the
references, with more weight in the headline and the lead.

The table of issues (``IssueSet.table()``) has the columns

``doc_id, issue_id, main, kind, label, noun, owner_id, owner, description,
salience, references, partners, source, changes``
    ``label`` is what a reader sees ("California's plan to raise its minimum
    wage to $15 an hour by 2022"); ``references`` lists every reference as
    ``start-end:text`` (original offsets); ``source`` is ``detected`` or
    ``codebook`` when an analyst's codebook changed the issue.

A claim is *about* an issue when it contains one of its references, names
its owner, shares its key words (the content words of its label), or refers
back to it with a pronoun right after a reference (``IssueSet.about``).
Rules and word lists: ``analysis/data/issue_rules.yml``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import pandas as pd
import yaml
from spacy.tokens import Doc, Token

from .actors import ActorTable, country_of
from .corpus import Article, headline_sentences
from .frames import Table, column, rows_of, tuples
from .gists import dangling
from .nlp import forms
from .resources import load_yaml

ISSUE_COLUMNS = [
    "doc_id", "issue_id", "main", "kind", "label", "noun", "owner_id", "owner", "description", "salience",
    "references", "partners", "source", "changes",
]
LINK_COLUMNS = ["doc_id", "claim_id", "issue_id", "how"]


class CodebookError(ValueError):
    """A codebook file that cannot be used; the message names the file and the problem."""


@lru_cache(maxsize=1)
def rules() -> dict:
    """The issue rules (``analysis/data/issue_rules.yml``), with the noun classes inverted."""
    data = dict(load_yaml("issue_rules.yml"))
    classes: dict[str, str] = {}
    for cls, nouns in data["policy_nouns"].items():
        for n in nouns:
            classes.setdefault(n, cls)
    data["class_of"] = classes
    data["contested"] = frozenset(data["contested_nouns"])
    data["needs"] = frozenset(data["needs_owner"])
    return data


@dataclass(frozen=True)
class Issue:
    """One issue at stake in a story."""

    issue_id: str
    kind: str                    # "policy" or "contested"
    label: str
    noun: str
    owner_id: str
    owner: str
    description: str
    mentions: tuple[tuple[int, int, str], ...]   # original offsets and text of every reference
    partner_ids: tuple[str, ...] = ()
    co_owner_ids: tuple[str, ...] = ()         # others who propose it with the owner ("X and Y agreed on a plan")
    salience: float = 0.0
    keywords: tuple[str, ...] = ()                # content words of the label and references
    heads: tuple[str, ...] = ()                   # its key nouns: one of them alone names it ("toll", "wall")
    source: str = "detected"
    changes: tuple[str, ...] = ()

    @property
    def act(self) -> str:
        """The verb of the act the issue is, from its description ("to suspend open-carry rights":
        ``suspend``), or '' when the description is not an infinitive."""
        words = re.findall(r"[\w'-]+", self.description.lower())
        return words[1] if len(words) > 1 and words[0] == "to" else ""

    def named_by(self, words: set[str]) -> bool:
        """Do these (lower-case) words name the issue: one of its head nouns, or two of its key words?"""
        if any(h in words or h + "s" in words for h in self.heads):
            return True
        return bool(self.keywords) and len([k for k in self.keywords if k in words]) >= min(2, len(self.keywords))

    def covers(self, start: int, end: int) -> bool:
        """Does an original span contain a reference to the issue?"""
        return any(start <= s and e <= end for s, e, _t in self.mentions)

    def refers(self, start: int, end: int) -> bool:
        """Does an original span overlap a reference to the issue?"""
        return any(s < end and start < e for s, e, _t in self.mentions)



@dataclass(frozen=True)
class IssueSet:
    """The issues of one story, most salient first, and the claims about each."""

    doc_id: str
    issues: tuple[Issue, ...]
    about: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)  # claim id -> ((issue id, how), ...)
    detected: tuple[Issue, ...] = ()       # before a codebook changed anything

    @property
    def main(self) -> Issue | None:
        return self.issues[0] if self.issues else None

    def get(self, issue_id: str) -> Issue | None:
        return next((i for i in self.issues if i.issue_id == issue_id), None)

    def claims_about(self, issue_id: str) -> dict[str, str]:
        """Claim id -> how it is about the issue."""
        return {cid: how for cid, links in self.about.items() for iid, how in links if iid == issue_id}

    def table(self, names: dict[str, str] | None = None) -> pd.DataFrame:
        return self.rows(names).frame()

    def rows(self, names: dict[str, str] | None = None) -> Table:
        """:meth:`table` as rows (see :mod:`analysis.frames`)."""
        names = names or {}
        rows = [{
            "doc_id": self.doc_id, "issue_id": i.issue_id, "main": k == 0, "kind": i.kind, "label": i.label,
            "noun": i.noun, "owner_id": i.owner_id, "owner": i.owner, "description": i.description,
            "salience": round(i.salience, 2), "references": "; ".join(f"{s}-{e}:{t}" for s, e, t in i.mentions),
            "partners": "; ".join(names.get(x, x) for x in i.partner_ids), "source": i.source,
            "changes": "; ".join(i.changes),
        } for k, i in enumerate(self.issues)]
        return Table(rows, ISSUE_COLUMNS)

    def links(self) -> pd.DataFrame:
        return self.link_rows().frame()

    def link_rows(self) -> Table:
        """:meth:`links` as rows (see :mod:`analysis.frames`)."""
        rows = [{"doc_id": self.doc_id, "claim_id": cid, "issue_id": iid, "how": how}
                for cid, links in sorted(self.about.items()) for iid, how in links]
        return Table(rows, LINK_COLUMNS)


# --------------------------------------------------------------------------- references

@dataclass
class _Ref:
    tok: Token
    cls: str                 # noun class, or "contested"
    owner: str               # actor id
    foreign: bool            # owned by something that is not an actor of the story
    start: int               # token span of the noun phrase (for the label)
    end: int
    weight: float = 1.0
    definite: bool = False
    needs_owner: bool = False
    co_owners: tuple[str, ...] = ()
    name: str = ""           # "the Fair Pay Act"


#: The genitive ending as the parser may leave it beside the noun: "Trump's", and the bare apostrophe
#: of a plural in -s ("lawmakers' charges", Quirk et al. 1985, 5.112), when the parser has not made
#: the owner a possessor ("dismissed lawmakers' charges" read as two objects).
_GENITIVE = frozenset({"\u2019s", "'s", "\u2019", "'"})


def _owner_of(noun: Token, actors: ActorTable) -> tuple[str, bool, int]:
    """The actor owning a noun ("Trump's wall", "the Senate bill", "his plan", "a plan by X"),
    whether something that is not an actor owns it ("California's plan"), and the first token
    of the owner phrase. A country as a modifier is a party, not an owner ("the Iran deal")."""
    ta = actors.token_actor
    doc = noun.doc
    for c in noun.children:
        if c.i > noun.i or c.dep_ not in ("poss", "compound", "nmod"):
            continue
        # the possessor's own words, not its possessor's ("her state's laws" are the state's, not hers)
        nested = {x.i for d in c.children if d.dep_ == "poss" for x in d.subtree}
        hit = next((t for t in c.subtree if t.i in ta and t.i not in nested), None)
        if hit is not None and (c.dep_ == "poss" or actors.info[ta[hit.i]]["type"] != "country"):
            return ta[hit.i], False, c.left_edge.i
        if c.dep_ == "poss" and c.pos_ in ("PROPN", "PRON", "NOUN"):
            return "", True, c.left_edge.i
    if noun.i >= 2 and doc[noun.i - 1].text in _GENITIVE and doc[noun.i - 2].i in ta:
        return ta[doc[noun.i - 2].i], False, noun.i - 2
    for c in noun.children:
        if c.dep_ in ("prep", "agent") and c.lower_ == "by" and c.i > noun.i:
            for obj in c.children:
                hit = next((t for t in obj.subtree if t.i in ta), None)
                if hit is not None:
                    return ta[hit.i], False, noun.i
    return "", False, noun.i


def _inside_other(tok: Token, classes: dict, contested: frozenset) -> bool:
    """Is a noun part of the complement of another issue noun ("an idea for a border wall")?"""
    node = tok
    for _ in range(6):
        if node.dep_ not in ("pobj", "prep", "acl", "relcl", "amod", "compound", "conj", "appos", "nmod", "pcomp",
                             "dobj", "nsubj") or node.head.i == node.i:
            return False
        if node.dep_ in ("dobj", "nsubj") and node.head.dep_ not in ("acl", "relcl", "pcomp"):
            return False
        node = node.head
        if node.pos_ == "NOUN" and (classes.get(node.lemma_.lower()) or node.lemma_.lower() in contested):
            return True
    return False


_RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})


def _subject(verb: Token) -> Token | None:
    node = verb
    for _ in range(3):
        subs = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subs and node.dep_ == "relcl" and subs[0].lower_ in _RELATIVE_PRONOUNS:
            return node.head  # "Trump, who has threatened to ...": the relative pronoun stands for its antecedent
        if subs:
            return subs[0]
        if node.dep_ in ("xcomp", "conj", "advcl", "relcl", "acl") and node.head.i != node.i:
            if node.dep_ in ("relcl", "acl"):
                return node.head
            node = node.head
        else:
            return None
    return None


def _misread_subject(verb: Token, actors: ActorTable) -> Token | None:
    """A subject the parser took for another word: a name that is also a modal or an adverb ("Will
    urged ...", "May said ...") hangs on the verb as ``aux`` or ``advmod`` when the verb has no subject,
    and the actor table knows it is a name."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    return next((c for c in verb.children if c.i < verb.i and c.dep_ in ("aux", "advmod", "npadvmod")
                 and c.i in actors.token_actor), None)


def _actor_in(tok: Token | None, actors: ActorTable, dateline_end: int) -> str:
    if tok is None:
        return ""
    # a subject the parser took from the dateline leaves the words after it ("HANOVER (Reuters) - X plans")
    hit = next((t for t in [tok, *tok.subtree] if t.i in actors.token_actor and t.idx >= dateline_end), None)
    return actors.token_actor[hit.i] if hit is not None else ""


def _companions(verb: Token) -> list[Token]:
    """Those the subject of a verb acts with: "X teamed up with Y and Z to introduce the bill"."""
    return [o for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "alongside")
            for p in c.children if p.dep_ == "pobj" for o in (p, *p.conjuncts)]


def _verbal_owner(noun: Token, actors: ActorTable, dateline_end: int) -> tuple[str, tuple[str, ...]]:
    """'X unveiled a plan', 'X called for a ban', 'X and Y agreed on a plan', 'the plan X proposed':
    the proposer, and any co-proposers named with it."""
    r = rules()
    head = noun.head
    verbs = r["proposal_verbs"]
    subject = None
    if noun.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in verbs:
        subject = (_subject(head) or _misread_subject(head, actors)) if noun.dep_ == "dobj" else None
    elif noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("for", "on", "to") and \
            head.head.lemma_.lower() in r["prep_proposal_verbs"]:
        subject = _subject(head.head) or _misread_subject(head.head, actors)  # "called for a ban", "agreed on a plan"
    if subject is not None:
        people = [subject, *subject.conjuncts, *_companions(subject.head)]
        owners = [a for a in (_actor_in(t, actors, dateline_end) for t in people) if a]
        owners = list(dict.fromkeys(owners))
        if owners:
            return owners[0], tuple(owners[1:])
    for c in noun.children:  # "the plan released by the White House", "the bill he introduced"
        if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in verbs:
            agent = [t for t in c.subtree if t.dep_ == "pobj" and t.head.dep_ == "agent"]
            subj = [t for t in c.children if t.dep_ == "nsubj"]
            owner = _actor_in((agent or subj or [None])[0], actors, dateline_end)
            if owner:
                return owner, ()
    return "", ()


def _name_of(noun: Token) -> str:
    """The proper name an issue is given: "the bill, known as the Fair Pay Act"."""
    for c in noun.children:
        if c.dep_ == "acl" and c.lower_ in ("known", "called", "dubbed", "named", "titled"):
            words = [t for t in c.subtree if t.i > c.i and t.lower_ not in ("as",)]
            words = [t for t in words if not t.is_punct or t.text in ("-", "'", "\u2019")]
            if words and any(t.pos_ == "PROPN" for t in words):
                return "".join(t.text_with_ws for t in words).strip()
        sub = list(c.subtree)
        if c.dep_ == "appos" and (c.ent_type_ == "LAW" or c.pos_ == "PROPN") and len(sub) <= 8 and not any(
                t.pos_ in ("VERB", "AUX") for t in sub):  # "the bill, the Fair Pay Act", not a clause
            return "".join(t.text_with_ws for t in sub if not t.is_punct).strip()
    return ""


def _references(article: Article, doc: Doc, actors: ActorTable, headline_sents: set[int]) -> list[_Ref]:
    r = rules()
    classes, contested, needs = r["class_of"], r["contested"], r["needs"]
    disputes = frozenset(r["dispute_verbs"])
    w = r["weights"]
    words = forms(doc)
    dateline_end = len(article.dateline)
    refs: list[_Ref] = []
    for i, (low, lemma) in enumerate(zip(words.lower, words.lemma)):
        cls = classes.get(lemma) or classes.get(low)
        if cls is None and (lemma in contested or low in contested):
            cls = "contested"
        if cls is None:
            continue
        tok = doc[i]
        if tok.pos_ not in ("NOUN", "PROPN") or tok.idx < dateline_end or i in actors.token_actor:
            continue
        if tok.dep_ == "compound" or tok.ent_type_ in _NOT_ISSUES or any(
                c.ent_type_ == "MONEY" for c in tok.children if c.i < tok.i):
            continue  # "tax dollars", "the Budget Committee", "a $100 bill": not the head of an issue
        if tok.lower_ == "order" and i > 0 and doc[i - 1].lower_ == "in" and i + 1 < len(doc) and \
                doc[i + 1].lower_ in ("to", "that"):
            continue  # "in order to", "in order that": a complex conjunction (Quirk et al. 1985, 14.12)
        if _inside_other(tok, classes, contested):
            continue  # "sanctions against ... Iran's missile program": part of another issue's description
        owner, foreign, left = _owner_of(tok, actors)
        co: tuple[str, ...] = ()
        if not owner:
            owner, co = _verbal_owner(tok, actors, dateline_end)
        needs_owner = cls == "contested" or low in needs or lemma in needs
        if cls == "contested" and not owner:
            continue  # "comments": a contested remark only when someone made it
        det = [c for c in tok.children if c.dep_ == "det"]
        if cls == "generic" and any(c.lower_ == "no" for c in det):
            continue  # "has no plans to leave": the absence of a plan, not one
        definite = any(c.lower_ in ("the", "this", "that", "these", "those") for c in det)
        start = min([c.left_edge.i for c in tok.children if c.i < tok.i and c.dep_ in (
            "poss", "compound", "amod", "nmod", "det", "nummod")] + [left, tok.i])
        weight = w["reference"] + (w["owned"] if owner else 0.0) + _place_weight(article, tok, headline_sents)
        if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in disputes or (
                tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in disputes):
            weight += w["disputed"] + (w["peg"] if _opens_story(article, tok, headline_sents) else 0.0)
        refs.append(_Ref(tok, cls, owner, foreign, start, tok.i + 1, weight, definite, needs_owner and not owner,
                         co, _name_of(tok)))
    return refs


def _lead_position(article: Article, tok: Token, headline_sents: set[int]) -> int | None:
    """Where a token stands: None in the headline, else its sentence's place in the body (0 for the first)."""
    sent = article.sentence_index(article.to_original(tok.idx, tok.idx + 1)[0])
    if sent in headline_sents:
        return None
    return sent - next((k for k in range(len(article.sentences)) if k not in headline_sents), 0)


def _place_weight(article: Article, tok: Token, headline_sents: set[int]) -> float:
    """What a reference gains from where it stands: in the headline, or in the lead's first
    sentences (the issue is the one the headline and the lead point to)."""
    w = rules()["weights"]
    place = _lead_position(article, tok, headline_sents)
    if place is None:
        return w["headline"]
    return w["lead"] if place < int(rules()["lead_sentences"]) else 0.0


def _opens_story(article: Article, tok: Token, headline_sents: set[int]) -> bool:
    """Is a token in the headline or the story's first sentence, where a news report states its peg
    ("X dismissed Y's charges that ...", "X welcomed the deal")?"""
    return _lead_position(article, tok, headline_sents) in (None, 0)


def _verbs_of(article: Article, doc: Doc, key: str):
    """The verbs after the dateline whose lemma is in the issue rules' list ``key``."""
    dateline_end = len(article.dateline)
    for i in forms(doc).where_lemma(set(rules()[key])):
        verb = doc[i]
        if verb.pos_ == "VERB" and verb.idx >= dateline_end:
            yield verb


def _owned_ref(article: Article, actors: ActorTable, headline_sents: set[int], verb: Token, tok: Token,
               cls: str) -> _Ref | None:
    """A reference at ``tok`` to a course of action (or remark) that ``verb``'s subject owns, weighed
    as an owned reference where it stands; None when the subject is no actor."""
    owner = _actor_in(_subject(verb) or _misread_subject(verb, actors), actors, len(article.dateline))
    if not owner:
        return None
    w = rules()["weights"]
    weight = w["reference"] + w["owned"] + _place_weight(article, verb, headline_sents)
    return _Ref(tok, cls, owner, False, tok.i, tok.i + 1, weight, False)


def _proposals(article: Article, doc: Doc, actors: ActorTable, headline_sents: set[int]) -> list[_Ref]:
    """'X called for a ban on Y', 'X plans to send troops': a course of action with no policy noun."""
    r = rules()
    out = []
    for verb in _verbs_of(article, doc, "call_verbs"):
        comp = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
        if not comp and verb.lemma_.lower() in r["object_verbs"]:
            comp = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"
                    and c.lemma_.lower() not in r["not_proposals"]]  # "to propose close coordination"
        if verb.lemma_.lower() == "call":
            comp = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for o in c.children
                    if o.dep_ == "pobj"] + [c for c in verb.children if c.dep_ == "xcomp"]
        if not comp or any(c.dep_ == "neg" for c in verb.children):
            continue
        if comp[0].pos_ in ("NOUN", "PROPN") and r["class_of"].get(comp[0].lemma_.lower()):
            continue  # "called for a ban": the noun is a reference of its own (not the verb "to cut")
        ref = _owned_ref(article, actors, headline_sents, verb, comp[0], "proposal")
        if ref is not None:
            out.append(ref)
    return out


def _decisions(article: Article, doc: Doc, actors: ActorTable, headline_sents: set[int]) -> list[_Ref]:
    """'The Government has suspended their applications', 'the council banned the plastic bags': an
    act of governing that the headline or the lead reports an actor to have taken, when no noun
    names it (the decision is the issue the reactions answer)."""
    r = rules()
    out = []
    for verb in _verbs_of(article, doc, "decision_verbs"):
        place = _lead_position(article, verb, headline_sents)
        if place is not None and place >= int(r["lead_sentences"]):
            continue
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
        if obj is None or any(c.dep_ == "neg" for c in verb.children) or verb.dep_ in ("xcomp", "amod", "acl"):
            continue  # "plans to suspend ..." is a proposal; "the suspended talks" no act
        if r["class_of"].get(obj.lemma_.lower()):
            continue  # "signed the bill": the noun is a reference of its own
        ref = _owned_ref(article, actors, headline_sents, verb, verb, "decision")
        if ref is not None:
            out.append(ref)
    return out


def _lead_claims(article: Article, doc: Doc, actors: ActorTable, headline_sents: set[int]) -> list[_Ref]:
    """'A spokesman claims bin Laden has fled to Pakistan': a claim the headline or the first sentence
    reports with a verb that leaves its truth open (`claim_verbs`), when no noun names it; the claim
    is the remark the voices take sides on."""
    out = []
    for verb in _verbs_of(article, doc, "claim_verbs"):
        if not _opens_story(article, verb, headline_sents):
            continue
        if not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children) or any(c.dep_ == "neg" for c in verb.children):
            continue
        ref = _owned_ref(article, actors, headline_sents, verb, verb, "contested")
        if ref is not None:
            out.append(ref)
    return out


# --------------------------------------------------------------------------- grouping

def _compatible(ref: _Ref, group: list[_Ref]) -> bool:
    classes = {g.cls for g in group}
    if ref.cls == "contested" or "contested" in classes:
        return ref.cls == "contested" and "contested" in classes
    wider = rules()["names_also"].get(ref.cls, ())  # "the deal" after "a cessation of hostilities"
    return ref.cls == "generic" or ref.cls in classes or classes <= {"generic", "proposal", "decision"} or (
        ref.definite and any(c in wider for c in classes))


def _group(refs: list[_Ref]) -> list[list[_Ref]]:
    """References that name the same issue: the latest earlier group of a compatible class
    whose owner does not conflict; a noun that needs an owner only joins a group."""
    groups: list[list[_Ref]] = []
    for ref in sorted(refs, key=lambda x: x.tok.i):
        fits = [g for g in groups if _compatible(ref, g) and not (
            ref.owner and any(x.owner and x.owner != ref.owner for x in g) and not any(x.owner == ref.owner for x in g))]
        owned = [g for g in fits if ref.owner and any(x.owner == ref.owner for x in g)]
        target = None
        if owned:
            target = owned[-1]
        elif fits and (ref.definite or ref.needs_owner or ref.cls == "generic" or
                       any(ref.cls in {x.cls for x in g} for g in fits)):
            same = [g for g in fits if ref.cls in {x.cls for x in g}] or fits
            lemma = ref.tok.lemma_.lower()  # "the law" goes back to the last law, not to a later measure
            same = [g for g in same if any(x.tok.lemma_.lower() == lemma for x in g)] or same
            target = max(same, key=lambda g: max(x.tok.i for x in g))
        if target is not None:
            target.append(ref)
        elif not ref.needs_owner:
            groups.append([ref])
    return groups


# --------------------------------------------------------------------------- labels

_REPORTING = frozenset({"say", "tell", "add", "state", "write", "note", "argue", "claim"})
_NOT_ISSUES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "WORK_OF_ART", "EVENT", "MONEY", "DATE",
                         "PRODUCT", "LANGUAGE"})
STOP_KEYS = frozenset(
    "the a an of to in on for and or by with from at as its his her their our this that plan proposal "
    "be is are was were would will new more than up out over about into".split())


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,.;:\u2014-")


def _possessive(name: str) -> str:
    if not name:
        return ""
    return f"{name}\u2019" if name.endswith("s") else f"{name}\u2019s"


#: Modals of a relative clause that says what an issue does ("a bill that would impose sanctions"),
#: not what may become of it ("a bill that could not get the votes").
_WHAT_IT_DOES = frozenset({"would", "will", "wo"})


def _complement(tok: Token, limit: int) -> list[Token]:
    """What a reference says the issue does: "to close the prison", "on transgender troops",
    "that would impose sanctions", "known as the Fair Pay Act"."""
    parts: list[Token] = []
    head = None
    for c in tok.children:
        if c.i < tok.i:
            continue
        head = c
        sub = list(c.subtree)
        if c.dep_ == "prep" and c.lower_ in ("to", "on", "for", "against", "with", "over", "about", "of") and not any(
                t.ent_type_ in ("DATE", "TIME") for t in c.children):
            parts = sub  # "a ban on plastic bags", not "the reform on Monday"
        elif c.dep_ == "acl" and c.tag_ == "VB" and any(t.lower_ == "to" for t in c.children):
            parts = sub
        elif c.dep_ == "acl" and c.tag_ == "VBG" and sub[0].i == c.i == tok.i + 1:
            parts = sub  # "a bill banning plastic bags", "his statement defending his handling of ..."
        elif c.dep_ == "relcl" and sub[0].lower_ in ("that", "which") and any(
                t.lower_ in _WHAT_IT_DOES for t in c.children) and not any(t.lemma_ in _REPORTING for t in sub):
            parts = sub
        if parts:
            break
    out: list[Token] = []
    start = parts[0] if parts else None
    verb = next((t for t in parts if t.pos_ in ("VERB", "AUX") and t.head in (tok, head)), None)
    for t in parts:
        if t.i != start.i and t.i != head.i and t.dep_ in ("relcl", "acl") and t.head.i != start.i:
            break  # "... agreement they have agreed to": a relative clause inside the complement (not
            # the complement's own verb, which its "to" precedes: "a plan to raise the wage")
        if verb is not None and t.head.i == verb.i and t.dep_ in ("cc", "conj"):
            break  # "plans to reduce staff and to carry out the cuts": the first course of action
        if t.text in (",", ";", "(", "\u2014", "\u2013", ":", "\u2018", "\u201c", '"') or t.is_space or (
                t.text == "-" and t.whitespace_):
            break
        out.append(t)
        if len([x for x in out if not x.is_punct]) >= limit:
            break
    while out and (out[-1].is_punct or out[-1].pos_ in ("CCONJ", "ADP", "DET", "PART", "SCONJ", "PRON", "ADV", "AUX")):
        out.pop()
    return out


_ENDS = {",", ";", "(", "\u2014", ":"}


def _words_until(words, stop, limit: int) -> list[Token]:
    """``words`` up to the first for which ``stop`` holds, at most ``limit`` of them, never ending on
    punctuation or a word that needs a continuation."""
    out: list[Token] = []
    for t in words:
        if stop(t):
            break
        out.append(t)
        if len(out) >= limit:
            break
    while out and (out[-1].is_punct or dangling(out[-1])):
        out.pop()
    return out


def _action_words(verb: Token, limit: int) -> list[Token]:
    """The words of a course of action stated by a verb ("block other refugees from coming to the
    state"): its subtree up to a clause break or a second verb phrase it is coordinated with ("...
    and to say ..."), at most ``limit`` words, never ending on a word that needs a continuation."""
    return _words_until((t for t in verb.subtree if not t.is_space), lambda t: t.text in _ENDS or (
        t.dep_ in ("cc", "conj") and t.head.i == verb.i), limit)


def _complement_words(obj: Token, limit: int) -> list[Token]:
    """An object's words up to a clause break or a relative clause after it, at most ``limit`` words:
    "their applications", "the sale of arms to the region"."""
    return _words_until(obj.subtree, lambda t: t.text in _ENDS or t.is_space or (
        t.dep_ in ("relcl", "acl") and (t.head.i != obj.i or t.i > obj.i)), limit)


_PREPOSITIONS = frozenset("of on for against with over about in at by from into as".split())
_TOPIC_PREPOSITIONS = frozenset("about against on over".split())


def _verbal(description: str) -> bool:
    """Whether a description says what the issue would do (a verb: "would create a toll", "to close
    the prison"), rather than a loose prepositional phrase ("of the night")."""
    first = re.sub(r"^(to|that would|that|which would|would|will|could) ", "", description).split(" ", 1)[0]
    return bool(first) and first.lower() not in _PREPOSITIONS



def _evaluative(obj: Token) -> bool:
    """An object that judges rather than describes: "makes the country look bad", "makes it
    harder" (a clause or complement whose head takes an adjective), not "would make it a crime"."""
    return obj.pos_ == "ADJ" or any(c.dep_ in ("acomp", "oprd") and c.pos_ == "ADJ" for c in obj.children)


def _verb_detail(refs: list[_Ref], limit: int) -> str:
    """What an issue's verb says it does: "the proposal would create a new toll" -> "would create a new toll"."""
    for x in refs:
        verb = x.tok.head
        if x.tok.dep_ == "nsubj" and verb.lemma_ == "be":  # "the plan is to close the prison" (its content)
            comp = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VB" and any(
                t.lower_ == "to" for t in c.children)), None)
            if comp is not None:
                return _clean("".join(t.text_with_ws for t in _words_until(
                    (t for t in comp.subtree if not t.is_space), lambda t: t.text in _ENDS, 3 * limit)))
        if x.tok.dep_ == "nsubj" and verb.lemma_.lower() in rules()["description_verbs"]:
            obj = next((c for c in verb.children if c.dep_ in ("dobj", "xcomp", "ccomp")), None)
            if obj is not None and not _evaluative(obj):
                words = [t for t in obj.subtree if not t.is_space]
                stop = next((k for k, t in enumerate(words) if t.text in (",", ";", "(", "\u2014", ":")), len(words))
                text = _clean("".join(t.text_with_ws for t in words[:min(stop, 3 * limit)]))
                aux = " ".join(t.text for t in [*[c for c in verb.children if c.dep_ == "aux"], verb])
                return f"{aux} {text}" if text else ""
    return ""


def _addressee(verb: Token, action: Token) -> list[Token]:
    """Whom a verb of urging asks to act: "urged the electorate to abandon ...", "called on the
    governor to resign" (the object, or "on" X, before the action)."""
    for c in verb.children:
        if c.i > action.i or c.i < verb.i:
            continue
        if c.dep_ in ("dobj", "oprd", "dative") and c.pos_ in ("NOUN", "PROPN", "PRON") and c.i != action.i:
            out, depth = [], 0   # "called on X to": the parser may leave "on" bare and take X for a predicate
            for t in c.subtree:
                depth += t.text == "("
                if not depth:
                    out.append(t)  # "Gov. Rick Snyder", not "... (R)"
                depth -= t.text == ")" and depth > 0
            return out
        if c.dep_ == "prep" and c.lower_ == "on":
            objs = [o for o in c.children if o.dep_ == "pobj"]
            if objs:
                return list(objs[0].subtree)
    return []


def _proposal_label(ref: _Ref, owner_name: str, limit: int) -> str:
    """The label of a course of action stated by a verb, in the noun of that verb: "Obama's plan to
    send troops", "Will's call for the electorate to abandon ...", "Ramos' demand for the resignation
    of ...", "Trump's pledge to build a wall"."""
    verb = ref.tok.head.head if ref.tok.head.dep_ == "prep" else ref.tok.head   # "called for a ban"
    nouns = rules()["proposal_label_nouns"]
    head = nouns.get(verb.lemma_.lower(), "plan")
    words = _action_words(ref.tok, limit)
    description = _clean("".join(t.text_with_ws for t in words))
    who = _clean("".join(t.text_with_ws for t in _addressee(verb, ref.tok))) if head == "call" else ""
    if who and len(who.split()) <= 6 and description and not description.startswith("for "):
        action = description if description.startswith("not to ") else f"to {re.sub(r'^to ', '', description)}"
        return _clean(f"{_possessive(owner_name)} call for {who} {action}")  # "... for Labor not to delay"
    if ref.tok.pos_ in ("NOUN", "PROPN") and not description.startswith(("for ", "to ")):
        return _clean(f"{_possessive(owner_name)} {head} {'for' if head in ('call', 'demand', 'push') else 'of'} "
                      f"{description}")  # a course of action named by a noun: "a demand for the resignation"
    return _clean(f"{_possessive(owner_name)} {head} to {description}" if not description.startswith(
        ("for ", "to ", "not to ")) else f"{_possessive(owner_name)} {head} {description}")  # "a threat not to come"


def _act_label(best: _Ref, owner_name: str, limit: int) -> tuple[str, str, str]:
    """(label, noun, description) of an issue stated by a verb: a proposal ("Obama's plan to send
    troops"), a decision ("the Government's decision to suspend ...") or a claim ("X's claim that ...")."""
    if best.cls == "proposal":
        return _proposal_label(best, owner_name, limit), "call", _clean(
            "".join(t.text_with_ws for t in _action_words(best.tok, limit)))
    if best.cls == "decision":
        obj = next(c for c in best.tok.children if c.dep_ == "dobj")
        words = [t for t in best.tok.children if t.dep_ == "prt"] + _complement_words(obj, limit)
        action = _clean(" ".join([best.tok.lemma_.lower(), "".join(t.text_with_ws for t in words)]))
        return _clean(f"{_possessive(owner_name)} decision to {action}"), "decision", action
    comp = next(c for c in best.tok.children if c.dep_ in ("ccomp", "xcomp"))   # "X claims bin Laden has fled"
    words = _words_until((t for t in comp.subtree if not t.is_space), lambda t: t.text in _ENDS, limit)
    what = _clean("".join(t.text_with_ws for t in words))
    link = "" if comp.dep_ == "xcomp" or (words and words[0].lower_ == "that") else "that "
    return _clean(f"{_possessive(owner_name)} claim {link}{what}"), "claim", what


def _label(group: list[_Ref], owner_name: str, owner_type: str, doc: Doc) -> tuple[str, str, str]:
    """(label, noun, description) of a group of references."""
    limit = int(rules()["label_words"])
    weak = rules()["weak_nouns"]
    ranked = sorted(group, key=lambda x: (x.tok.lemma_.lower() in weak or x.cls in ("proposal", "decision"), -x.weight,
                                          x.tok.i))
    best = next((x for x in ranked if x.owner and x.start < x.tok.i), None) or next(
        (x for x in ranked if x.owner), ranked[0])
    if best.cls in ("proposal", "decision") or best.tok.pos_ == "VERB":
        return _act_label(best, owner_name, limit)
    proposal = next((x for x in group if x.cls == "proposal"), None)
    noun = best.tok.lemma_.lower()
    described = next((x for x in ranked if _complement(x.tok, limit)), None)
    description = ""
    phrase_toks = [t for t in doc[best.start:best.end] if not t.is_space]
    if phrase_toks and phrase_toks[0].tag_ == "PRP$":
        phrase_toks = phrase_toks[1:]   # "his plan": the owner's name, or "the", replaces the pronoun
        if owner_name:
            phrase_toks = [t for t in phrase_toks if t.lower_ not in ("the", "a", "an")]
    phrase = "".join(t.text_with_ws for t in phrase_toks).strip()
    possessed = any(t.dep_ == "poss" or t.text in ("\u2019s", "'s") for t in phrase_toks)
    named = owner_name and owner_name.lower() in phrase.lower()
    if best.owner and not possessed and not named and not any(t.pos_ == "PROPN" for t in phrase_toks
                                                              if t.i < best.tok.i):
        mods = [t for t in phrase_toks if t.i < best.tok.i and t.dep_ in ("amod", "compound", "nmod")]
        phrase = f"{_possessive(owner_name)} " + "".join(t.text_with_ws for t in mods + [best.tok]).strip()
    elif phrase_toks and phrase_toks[0].lower_ in ("a", "an", "this", "that", "these", "those", "every", "any",
                                                   "such", "no", "some", "each", "another", "all"):
        phrase = "the " + "".join(t.text_with_ws for t in phrase_toks[1:]).strip()
    elif not possessed and phrase_toks and phrase_toks[0].lower_ != "the":
        phrase = "the " + phrase
    if described is not None:
        comp = _complement(described.tok, limit)
        description = _clean("".join(t.text_with_ws for t in comp))
    detail = _verb_detail(ranked, limit)
    if not description:
        description = detail
    if proposal is not None and (described is None or best is not described):
        description = _clean("".join(t.text_with_ws for t in _action_words(proposal.tok, limit)))
        described = proposal
    if description and described is best and best.cls != "proposal":
        label = f"{phrase} {description}"
    elif description and proposal is not None and described is proposal and owner_name and not possessed and not named:
        label = _proposal_label(proposal, owner_name, limit)  # "Obama's plan to send ...", "X's call for Y to ..."
    elif description and _verbal(description):
        label = f"{phrase}: {re.sub(r'^(to|that would|that|which would) ', '', description)}"
    elif description.split(" ", 1)[0] in _TOPIC_PREPOSITIONS:
        label = f"{phrase} {description}"  # "the line about a federal judge", "the plan against Islamic State"
    else:
        label = phrase  # a description that is no course of action ("of the night") says nothing
    label = _clean(label)
    if label[:1].isupper() and label.split()[0] in ("The", "A", "An"):
        label = label[0].lower() + label[1:]
    return label, noun, description


def _heads(group: list[_Ref], description: str, doc: Doc) -> tuple[str, ...]:
    """The nouns that alone name the issue: its specific nouns ("ban", "wall", "toll") and the head of
    what it would do ("a new toll on bridges" -> "toll"), not generic ones ("plan", "move")."""
    generic = set(rules()["policy_nouns"]["generic"]) | set(rules()["weak_nouns"])
    heads = [x.tok.lemma_.lower() for x in group if x.cls not in ("generic", "proposal", "decision", "contested")
             and x.tok.lemma_.lower() not in generic]
    if description:
        for x in group:
            for t in x.tok.head.subtree if x.tok.dep_ == "nsubj" else []:
                if t.dep_ == "dobj" and t.pos_ == "NOUN" and t.text in description:
                    heads.append(t.lemma_.lower())
            for t in x.tok.subtree:
                if t.dep_ in ("pobj", "dobj") and t.pos_ == "NOUN" and t.i > x.tok.i and t.text in description:
                    heads.append(t.lemma_.lower())
                    break
    return tuple(dict.fromkeys(h for h in heads if h not in STOP_KEYS))


def _keywords(label: str, doc: Doc) -> tuple[str, ...]:
    words = [re.sub(r"[\u2019']s$", "", w.lower().strip("\u2019'.,")) for w in re.findall(r"[\w$\u2019'.-]+", label)]
    return tuple(dict.fromkeys(w for w in words if len(w) > 2 and w not in STOP_KEYS))


# --------------------------------------------------------------------------- the stage

def find_issues(article: Article, doc: Doc, actors: ActorTable, claims: pd.DataFrame) -> IssueSet:
    """The issues of one story, most salient first, and the claims about each."""
    heads = headline_sentences(article)
    refs = (_references(article, doc, actors, heads) + _proposals(article, doc, actors, heads)
            + _decisions(article, doc, actors, heads) + _lead_claims(article, doc, actors, heads))
    scored = []
    for g in _group(refs):
        owners = [x.owner for x in g if x.owner]
        owner = max(dict.fromkeys(owners), key=owners.count) if owners else ""
        salience = sum(x.weight for x in g)
        kind = "contested" if all(x.cls == "contested" for x in g) else "policy"
        if len(g) == 1 and g[0].cls in ("generic", "proposal", "decision") and not owner:
            continue
        scored.append((salience, kind, owner, g))
    issues = tuple(_issue(f"I{k}", salience, kind, owner, g, article, doc, actors, heads)
                   for k, (salience, kind, owner, g) in enumerate(_ranked(scored), 1))
    issue_set = IssueSet(article.doc_id, issues, {}, issues)
    return replace(issue_set, about=claims_about(issue_set, article, doc, actors, claims))


def _ranked(scored: list[tuple]) -> list[tuple]:
    """Groups of references (salience, kind, owner, group) most salient first: a contested remark
    leads only when no course of action is salient enough, or when it is much more salient; groups
    below 2.0 are dropped unless first."""
    r = rules()
    best_policy = max((s[0] for s in scored if s[1] == "policy"), default=0.0)
    best_contested = max((s[0] for s in scored if s[1] == "contested"), default=0.0)
    lead_contested = best_contested > 0 and (best_policy < float(r["policy_floor"]) or
                                             best_contested >= float(r["contested_margin"]) * best_policy)
    ranked = sorted(scored, key=lambda s: (-(s[0] * (1.0 if (s[1] == "contested") == lead_contested else 0.5)),
                                           min(x.tok.i for x in s[3])))
    return [s for s in ranked if s[0] >= 2.0 or s is ranked[0]] if ranked else []


def _short_name(row: dict) -> str:
    """How a label names an issue's owner: a person's surname, "the chief U.S. diplomat" (not
    "unnamed chief ..."), "the United States"."""
    name = row.get("name", "")
    short = name.split()[-1] if row.get("type") == "person" and name else name.removeprefix("unnamed ")
    if row.get("type") == "anonymous":
        short = f"the {short}"
    if row.get("type") == "country" and name.startswith("United "):
        short = f"the {name}"
    return short


def _issue(issue_id: str, salience: float, kind: str, owner: str, g: list[_Ref], article: Article, doc: Doc,
           actors: ActorTable, heads: set[int]) -> Issue:
    """One issue from its group of references: label, description, references and partners."""
    info = actors.info
    row = info.get(owner, {})
    label, noun, description = _label(g, _short_name(row), row.get("type", ""), doc)
    named = next((x.name for x in g if x.name), "")
    if named:
        label = f"the {named}" if not named.lower().startswith("the ") else named
        what = re.sub(r"^(that|which) ", "", description)  # "the Fair Pay Act: would raise ...", not ": that would"
        label += f": {what}" if what and not what.startswith("known") else ""
    if not owner and not description and all(x.cls == "incident" for x in g):
        event = _lead_event(article, doc, heads)  # "the incidents" says nothing: what the lead reports happened
        label, description = (f"{label}: {event}", event) if event else (label, description)
    co_owners = tuple(dict.fromkeys(c for x in g for c in x.co_owners if c != owner))
    mentions = []
    for x in g:
        s, e = article.to_original(doc[x.start].idx, x.tok.idx + len(x.tok.text))
        mentions.append((s, e, article.original[s:e]))
    return Issue(
        issue_id=issue_id, kind=kind, label=label, noun=noun, owner_id=owner, owner=row.get("name", ""),
        description=description, mentions=tuple(sorted(set(mentions))),
        partner_ids=tuple(dict.fromkeys(_ref_partners(g, actors, {owner, *co_owners}) + _partners(
            f"{description} {_verb_detail(g, 40)}", info, owner))),
        co_owner_ids=co_owners, salience=round(salience, 2),
        keywords=_keywords(" ".join([label] + [t for _s, _e, t in mentions]), doc),
        heads=_heads(g, description, doc))


def _lead_event(article: Article, doc: Doc, headline_sents: set[int]) -> str:
    """What the headline or the story's first sentence reports to have happened: its main clause,
    or the clause a reporting verb attributes ("Two warplanes flew passes near a destroyer, the
    military said"); '' when neither reports an act (a report of words, a copula)."""
    from .quotes import reporting_verbs
    said = reporting_verbs()
    body = next((s.index for s in article.sentences if s.index not in headline_sents), 0)
    for sent in article.sentences[:body + 1]:
        start = max(sent.clean_start, len(article.dateline))  # "WASHINGTON (Reuters) -" is no event
        span = doc.char_span(start, sent.clean_end, alignment_mode="expand") if start < sent.clean_end else None
        verb = span.root if span is not None else None
        if verb is not None and verb.lemma_.lower() in said:
            verb = next((c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.pos_ == "VERB"), None)
        if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() in said:
            continue
        words = _words_until((t for t in verb.subtree if t.idx >= start and not t.is_space), lambda t: t.text in _ENDS
                             or (t.dep_ in ("cc", "conj") and t.head.i == verb.i), int(rules()["label_words"]))
        return _clean("".join(t.text_with_ws for t in words))
    return ""


_PLACE_PREPS = frozenset("in at inside across near to into from within throughout around".split())


def _ref_partners(group: list[_Ref], actors: ActorTable, owners: set[str]) -> tuple[str, ...]:
    """Countries and organisations an issue's references name as parties: "efforts to encourage
    the rebels", "a deal with the union" (not places: "coordination in Syria")."""
    info = actors.info
    found: list[str] = []
    for x in group:
        for t in _complement(x.tok, 30):
            aid = actors.token_actor.get(t.i)
            if not aid or aid in owners or aid in found or info[aid]["type"] not in ("country", "organization"):
                continue
            prep = next((a for a in [t, *t.ancestors] if a.dep_ == "prep" or a is x.tok), None)
            if prep is not None and prep is not x.tok and prep.lower_ not in ("with", "between", "alongside"):
                continue  # "in Syria" is a place, "against Islamic State" a target; "with Iran" a party
            found.append(aid)
    return tuple(found)


def _partners(text: str, info: dict, owner: str) -> tuple[str, ...]:
    """Countries named in the issue's description, other than the owner's own."""
    owner_country = info[owner].get("country", "") if owner in info else ""
    found: list[str] = []
    for m in re.finditer(r"[A-Z][\w.'\u2019-]*", text):
        if re.search(r"\b(in|at|inside|across|near|to)\s+$", text[:m.start()]):
            continue  # a place, not a party
        c = country_of(m.group().rstrip(".,")) or country_of(m.group())
        if not c or c == owner_country:
            continue
        for aid, row in info.items():
            if row["type"] == "country" and row["name"] == c and aid not in found:
                found.append(aid)
    return tuple(found)


def claims_about(issues: IssueSet, article: Article, doc: Doc, actors: ActorTable,
                 claims: pd.DataFrame) -> dict[str, tuple[tuple[str, str], ...]]:
    """For each claim, the issues it is about and how: ``reference``, ``owner``, ``keywords`` or ``anaphor``."""
    if not issues.issues or claims.empty:
        return {}
    mention_sents: dict[str, set[int]] = {}
    for i in issues.issues:
        mention_sents[i.issue_id] = {article.sentence_index(s) for s, _e, _t in i.mentions}
    owner_spans: dict[str, list[tuple[int, int]]] = {}
    mentions = rows_of(actors, "mentions")
    if len(mentions):
        for aid, s, e in zip(column(mentions, "actor_id"), column(mentions, "start"), column(mentions, "end")):
            owner_spans.setdefault(aid, []).append((s, e))
    out: dict[str, tuple[tuple[str, str], ...]] = {}
    for c in tuples(claims):
        low = article.original[c.start:c.end].lower()
        words = set(re.findall(r"[\w$\u2019'.-]+", low))
        sent = article.sentence_index(c.start)
        links = []
        for i in issues.issues:
            if i.refers(c.start, c.end):
                how = "reference"
            elif i.owner_id and i.owner_id not in str(c.speaker_id).split(";") and any(
                    c.start <= s and e <= c.end for s, e in owner_spans.get(i.owner_id, [])):
                how = "owner"
            elif i.named_by(words):
                how = "keywords"
            elif (words & {"it", "this", "that", "they"}) and (sent in mention_sents[i.issue_id] or
                                                               sent - 1 in mention_sents[i.issue_id]):
                how = "anaphor"
            else:
                continue
            links.append((i.issue_id, how))
        if links:
            out[c.claim_id] = tuple(links)
    return out


# --------------------------------------------------------------------------- codebooks

def load_codebook(path: str | Path) -> dict:
    """Read an article's codebook (YAML); raise :class:`CodebookError` on a bad file."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CodebookError(f"{path}: cannot read codebook ({exc.__class__.__name__})") from None
    if not isinstance(data, dict):
        raise CodebookError(f"{path}: a codebook must be a mapping with keys 'issue' (or 'policy') and/or 'concepts'")
    unknown = set(data) - {"policy", "issue", "concepts"}
    if unknown:
        raise CodebookError(f"{path}: unknown codebook keys: {', '.join(sorted(unknown))}")
    policy = data.get("issue") or data.get("policy") or {}
    if not isinstance(policy, dict) or set(policy) - {"label", "owner", "description", "terms"}:
        raise CodebookError(f"{path}: 'issue' (or 'policy') takes label, owner, description and terms")
    concepts = data.get("concepts") or {}
    if not isinstance(concepts, dict) or set(concepts) - {"rename", "merge"}:
        raise CodebookError(f"{path}: 'concepts' takes rename and merge")
    return {"policy": policy, "concepts": concepts}


def codebook_path(article) -> Path | None:
    """``<article>.codebook.yml`` next to the article file, if there is one."""
    if not getattr(article, "path", ""):
        return None
    path = Path(article.path)
    candidate = path.with_name(path.stem + ".codebook.yml")
    return candidate if candidate.is_file() else None


def apply_codebook(issues: IssueSet, codebook: dict, article: Article, actors: ActorTable,
                   claims: pd.DataFrame, doc: Doc) -> IssueSet:
    """Pin, rename or extend the main issue with a codebook's ``issue`` (or ``policy``) section."""
    spec = codebook.get("policy") or {}
    if not spec:
        return issues
    changes = []
    info = actors.actors
    main = issues.main
    if main is None:
        main = Issue("I1", "policy", "the issue", "issue", "", "", "", ())
        changes.append("no issue was detected; the codebook defines it")
    if spec.get("owner"):
        want = str(spec["owner"]).lower()
        match = info[info["name"].str.lower().str.contains(want, regex=False)
                     | info["aliases"].str.lower().str.contains(want, regex=False)]
        if match.empty:
            changes.append(f"owner {spec['owner']!r} is not an actor of this article; owner left as detected")
        else:
            row = match.iloc[0]
            if row["actor_id"] != main.owner_id:
                changes.append(f"owner: {main.owner or '(none)'} \u2192 {row['name']}")
            main = replace(main, owner_id=row["actor_id"], owner=row["name"])
    if spec.get("label"):
        changes.append(f"label: {main.label} \u2192 {spec['label']}")
        main = replace(main, label=str(spec["label"]), keywords=_keywords(str(spec["label"]), doc))
    if spec.get("description"):
        changes.append("description replaced")
        main = replace(main, description=str(spec["description"]))
    if spec.get("terms"):
        extra = []
        text = article.original
        for term in spec["terms"]:
            for m in re.finditer(re.escape(str(term)), text, flags=re.IGNORECASE):
                extra.append((m.start(), m.end(), text[m.start():m.end()]))
        added = sorted(set(extra) - set(main.mentions))
        if added:
            changes.append(f"{len(added)} references added from terms")
        main = replace(main, mentions=tuple(sorted(set(main.mentions) | set(added))))
    main = replace(main, source="codebook", changes=main.changes + tuple(changes))
    rest = tuple(i for i in issues.issues if i.issue_id != main.issue_id)
    updated = replace(issues, issues=(main,) + rest, detected=issues.detected or issues.issues)
    return replace(updated, about=claims_about(updated, article, doc, actors, claims))
