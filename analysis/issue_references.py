"""Where a story names a course of action: the references of :mod:`analysis.issues`.

:func:`find_references` reads the parse and the actors and returns every
:class:`Reference`: a noun of the vocabulary of public decisions ("the bill",
"Trump's wall", "a ban"), a verb of proposing ("called for a statewide ban",
"plans to send 250 troops"), an act of governing in the lead ("the Government
has suspended ..."), or a claim the lead reports with a verb that leaves its
truth open. Each has its class, its owner (possessor, "by" agent, or subject of
a verb of proposing) and a weight (more in the headline and the lead, more when
a verb of taking sides governs it). :func:`group` joins the references that
name the same issue. Rules and word lists: ``analysis/data/issue_rules.yml``
(:func:`rules`).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from .actors import ActorTable
from .corpus import Article
from .nlp import forms
from .resources import load_yaml

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


#: Entity types of a noun that is a name, not a course of action ("the Budget Committee").
_NOT_ISSUES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "WORK_OF_ART", "EVENT", "MONEY", "DATE",
                         "PRODUCT", "LANGUAGE"})


@dataclass
class Reference:
    """One place where the story names a course of action (or a contested remark)."""

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
    """The subject of a verb, or of the clause that controls it: an infinitive's, a conjunct's, and a
    gerund's after a preposition ("marked the day by calling on allies to ...": the subject of the
    verb the adverbial clause hangs on, Quirk et al. 1985, 15.59 on subject control)."""
    node = verb
    for _ in range(4):
        subs = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subs and node.dep_ == "relcl" and subs[0].lower_ in _RELATIVE_PRONOUNS:
            return node.head  # "Trump, who has threatened to ...": the relative pronoun stands for its antecedent
        if subs:
            return subs[0]
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.head.pos_ in ("VERB", "AUX"):
            node = node.head.head
        elif node.dep_ in ("xcomp", "conj", "advcl", "relcl", "acl", "acomp") and node.head.i != node.i:
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
    # a subject the parser took from the dateline leaves the words after it ("HANOVER (Reuters) - X plans");
    # a clause on the subject is not the subject ("a suspect involved in planning attacks on Australia"),
    # but its passive agent names the subject's author ("a statement issued by X", "... chaired by X")
    clauses = {t.i for c in tok.children if c.dep_ in ("acl", "relcl") for t in c.subtree}
    clauses -= {t.i for i in clauses if tok.doc[i].dep_ == "agent" for t in tok.doc[i].subtree}
    hit = next((t for t in [tok, *tok.subtree] if t.i in actors.token_actor and t.idx >= dateline_end
                and t.i not in clauses), None)
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


def _noun_references(article: Article, doc: Doc, actors: ActorTable, headline_sents: set[int]) -> list[Reference]:
    r = rules()
    classes, contested, needs = r["class_of"], r["contested"], r["needs"]
    disputes = frozenset(r["dispute_verbs"])
    w = r["weights"]
    words = forms(doc)
    dateline_end = len(article.dateline)
    refs: list[Reference] = []
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
        needs_owner = cls == "contested" or (low in needs or lemma in needs) and not (
            _opens_story(article, tok, headline_sents) and _act_named(tok))  # the peg: "a decision to cut ties"
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
        refs.append(Reference(tok, cls, owner, foreign, start, tok.i + 1, weight, definite, needs_owner and not owner,
                         co, _name_of(tok)))
    return refs


def _act_named(noun: Token) -> bool:
    """Does a noun name its act with a to-infinitive ("a decision to cut ties", "a new agreement with
    Nauru to accept 400 asylum seekers")?"""
    return any(c.dep_ == "acl" and c.tag_ == "VB" and any(t.lower_ == "to" for t in c.children) for c in noun.children)


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
    """The verbs after the dateline whose lemma is in the issue rules' list ``key``, and, for
    ``call_verbs``, the predicative adjectives of ``offer_adjectives`` ("says he is ready to meet
    X": an offer stated as the subject's readiness, Quirk et al. 1985, ch. 16 on adjective
    complementation by a to-infinitive)."""
    dateline_end = len(article.dateline)
    adjectives = set(rules()["offer_adjectives"]) if key == "call_verbs" else set()
    for i in forms(doc).where_lemma(set(rules()[key]) | adjectives):
        verb = doc[i]
        if verb.idx < dateline_end:
            continue
        if verb.pos_ == "VERB" and verb.lemma_.lower() in rules()[key] or (
                verb.dep_ == "acomp" and verb.lemma_.lower() in adjectives):
            yield verb


def _owned_ref(article: Article, actors: ActorTable, headline_sents: set[int], verb: Token, tok: Token,
               cls: str) -> Reference | None:
    """A reference at ``tok`` to a course of action (or remark) that ``verb``'s subject owns, weighed
    as an owned reference where it stands; None when the subject is no actor."""
    owner = _actor_in(_subject(verb) or _misread_subject(verb, actors), actors, len(article.dateline))
    if not owner:
        return None
    w = rules()["weights"]
    weight = w["reference"] + w["owned"] + _place_weight(article, verb, headline_sents)
    weight += w["peg"] if _lead_position(article, verb, headline_sents) == 0 else 0.0
    return Reference(tok, cls, owner, False, tok.i, tok.i + 1, weight, False)


def _proposals(article: Article, doc: Doc, actors: ActorTable, headline_sents: set[int]) -> list[Reference]:
    """'X called for a ban on Y', 'X plans to send troops': a course of action with no policy noun."""
    r = rules()
    out = []
    for verb in _verbs_of(article, doc, "call_verbs"):
        comp = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"
                and not any(t.lower_ == "whether" for t in c.children)]  # "will decide whether to accept": open
        if not comp and verb.lemma_.lower() in r["object_verbs"]:
            comp = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"
                    and c.lemma_.lower() not in r["not_proposals"]]  # "to propose close coordination"
        if verb.lemma_.lower() == "call":
            comp = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for o in c.children
                    if o.dep_ == "pobj"] + [c for c in verb.children if c.dep_ == "xcomp"]
        negated = [verb, verb.head] if verb.dep_ == "acomp" else [verb]  # "is not ready to back it"
        if not comp or any(c.dep_ == "neg" for v in negated for c in v.children) or any(
                c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            continue  # "X was asked to resign": the subject is the one urged, not the one who urges
        if comp[0].pos_ in ("NOUN", "PROPN") and r["class_of"].get(comp[0].lemma_.lower()):
            continue  # "called for a ban": the noun is a reference of its own (not the verb "to cut")
        ref = _owned_ref(article, actors, headline_sents, verb, comp[0], "proposal")
        if ref is not None:
            out.append(ref)
    return out


def _decisions(article: Article, doc: Doc, actors: ActorTable, headline_sents: set[int]) -> list[Reference]:
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


#: Subordinators of time that set a clause before or after the main event (Quirk et al. 1985, 15.25):
#: what such a clause reports is background ("days before X began ...", "since Y started ...").
_BACKGROUND = frozenset({"before", "after", "since", "until", "till"})


def _aspects(article: Article, doc: Doc, actors: ActorTable, headline_sents: set[int]) -> list[Reference]:
    """'Moscow started to withdraw forces', 'the US military is continuing to search caves': an act on
    something that the headline or the first sentence reports an actor to begin, resume or keep up
    (`aspect_verbs`), when no noun names it; read as a course of action its subject has taken."""
    out = []
    for verb in _verbs_of(article, doc, "aspect_verbs"):
        if not _opens_story(article, verb, headline_sents) or any(
                c.dep_ == "neg" or c.dep_ == "mark" and c.lower_ in _BACKGROUND for c in verb.children):
            continue  # "days before X began attacking ...": a background event, not the news
        act = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        objs = [c for c in act.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")] if act is not None else []
        if not objs or any(rules()["class_of"].get(o.lemma_.lower()) for o in objs):
            continue  # "continued to rise": no act on anything; "began attacking the plan": the plan is the issue
        ref = _owned_ref(article, actors, headline_sents, verb, act, "proposal")
        if ref is not None:
            out.append(ref)
    return out


def _lead_claims(article: Article, doc: Doc, actors: ActorTable, headline_sents: set[int]) -> list[Reference]:
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

def _compatible(ref: Reference, group: list[Reference]) -> bool:
    classes = {g.cls for g in group}
    if ref.cls == "contested" or "contested" in classes:
        return ref.cls == "contested" and "contested" in classes
    wider = rules()["names_also"].get(ref.cls, ())  # "the deal" after "a cessation of hostilities"
    return ref.cls == "generic" or ref.cls in classes or classes <= {"generic", "proposal", "decision"} or (
        ref.definite and any(c in wider for c in classes))


def group(refs: list[Reference]) -> list[list[Reference]]:
    """References that name the same issue: the latest earlier group of a compatible class
    whose owner does not conflict; a noun that needs an owner only joins a group."""
    groups: list[list[Reference]] = []
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


def find_references(article: Article, doc: Doc, actors: ActorTable, headline_sents: set[int]) -> list[Reference]:
    """Every reference of a story: nouns, verbs of proposing, acts of governing, acts begun or kept up
    in the opening, open claims of the lead."""
    return (_noun_references(article, doc, actors, headline_sents) + _proposals(article, doc, actors, headline_sents)
            + _decisions(article, doc, actors, headline_sents) + _aspects(article, doc, actors, headline_sents)
            + _lead_claims(article, doc, actors, headline_sents))
