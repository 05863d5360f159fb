"""How an issue reads: the label, description, head nouns and key words of a group of references.

:func:`label_of` makes the label a reader sees from the best reference of an
issue: its noun phrase with the owner's name ("Reed's proposal"), and what
the issue does when a reference says so ("to close the prison", "that would
impose sanctions", "known as the Fair Pay Act"), cut at ``label_words``
words. :func:`heads_of` and :func:`keywords_of` give the words that alone name the
issue in a claim (:meth:`analysis.issues.Issue.named_by`).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .gists import dangling
from .issue_references import Reference, rules

_REPORTING = frozenset({"say", "tell", "add", "state", "write", "note", "argue", "claim"})
STOP_KEYS = frozenset(
    "the a an of to in on for and or by with from at as its his her their our this that plan proposal "
    "be is are was were would will new more than up out over about into".split())


def clean(text: str) -> str:
    return _balanced(re.sub(r"\s+", " ", text).strip(" ,.;:\u2014-"))


def _balanced(text: str) -> str:
    """A label cut inside a quotation loses the mark that opened it: "a new contract in “three or
    four days" reads "a new contract in three or four days", not as a quotation left open."""
    if text.count("\u201c") > text.count("\u201d"):
        k = text.rfind("\u201c")
        text = text[:k] + text[k + 1:]
    if text.count('"') % 2:
        k = text.rfind('"')
        text = text[:k] + text[k + 1:]
    return re.sub(r"\s+", " ", text).strip()


def _possessive(name: str) -> str:
    if not name:
        return ""
    return f"{name}\u2019" if name.endswith("s") else f"{name}\u2019s"


#: Modals of a relative clause that says what an issue does ("a bill that would impose sanctions"),
#: not what may become of it ("a bill that could not get the votes").
_WHAT_IT_DOES = frozenset({"would", "will", "wo"})


def complement(tok: Token, limit: int) -> list[Token]:
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


CLAUSE_ENDS = {",", ";", "(", "\u2014", ":"}


def words_until(words, stop, limit: int) -> list[Token]:
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
    return words_until((t for t in verb.subtree if not t.is_space), lambda t: t.text in CLAUSE_ENDS or (
        t.dep_ in ("cc", "conj") and t.head.i == verb.i), limit)


def _complement_words(obj: Token, limit: int) -> list[Token]:
    """An object's words up to a clause break or a relative clause after it, at most ``limit`` words:
    "their applications", "the sale of arms to the region"."""
    return words_until(obj.subtree, lambda t: t.text in CLAUSE_ENDS or t.is_space or (
        t.dep_ in ("relcl", "acl") and (t.head.i != obj.i or t.i > obj.i)), limit)


_PREPOSITIONS = frozenset("of on for against with over about in at by from into as".split())
_TOPIC_PREPOSITIONS = frozenset("about against on over".split())


def verbal(description: str) -> bool:
    """Whether a description says what the issue would do (a verb: "would create a toll", "to close
    the prison"), rather than a loose prepositional phrase ("of the night")."""
    first = re.sub(r"^(to|that would|that|which would|would|will|could) ", "", description).split(" ", 1)[0]
    return bool(first) and first.lower() not in _PREPOSITIONS



def _evaluative(obj: Token) -> bool:
    """An object that judges rather than describes: "makes the country look bad", "makes it
    harder" (a clause or complement whose head takes an adjective), not "would make it a crime"."""
    return obj.pos_ == "ADJ" or any(c.dep_ in ("acomp", "oprd") and c.pos_ == "ADJ" for c in obj.children)


def verb_detail(refs: list[Reference], limit: int) -> str:
    """What an issue's verb says it does: "the proposal would create a new toll" -> "would create a new toll"."""
    for x in refs:
        verb = x.tok.head
        if x.tok.dep_ == "nsubj" and verb.lemma_ == "be":  # "the plan is to close the prison" (its content)
            comp = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VB" and any(
                t.lower_ == "to" for t in c.children)), None)
            if comp is not None:
                return clean("".join(t.text_with_ws for t in words_until(
                    (t for t in comp.subtree if not t.is_space), lambda t: t.text in CLAUSE_ENDS, 3 * limit)))
        if x.tok.dep_ == "nsubjpass" and verb.lemma_.lower() in rules()["proposal_verbs"]:
            comp = next((c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VB" and any(
                t.lower_ == "to" and t.i < c.i for t in c.children)), None)   # "a bill was introduced ... to ban X"
            if comp is not None:
                return clean("".join(t.text_with_ws for t in words_until(
                    (t for t in comp.subtree if not t.is_space), lambda t: t.text in CLAUSE_ENDS, limit)))
        if x.tok.dep_ == "nsubj" and verb.lemma_.lower() in rules()["description_verbs"]:
            obj = next((c for c in verb.children if c.dep_ in ("dobj", "xcomp", "ccomp")), None)
            if obj is not None and not _evaluative(obj):
                words = [t for t in obj.subtree if not t.is_space]
                stop = next((k for k, t in enumerate(words) if t.text in (",", ";", "(", "\u2014", ":")), len(words))
                text = clean("".join(t.text_with_ws for t in words[:min(stop, 3 * limit)]))
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


#: A course of action stated as what the owner will not do ("vowed never to forget").
_NEGATED = ("not to ", "never to ")


def _proposal_label(ref: Reference, owner_name: str, limit: int) -> str:
    """The label of a course of action stated by a verb, in the noun of that verb: "Obama's plan to
    send troops", "Will's call for the electorate to abandon ...", "Ramos' demand for the resignation
    of ...", "Trump's pledge to build a wall"."""
    verb = ref.tok.head.head if ref.tok.head.dep_ == "prep" else ref.tok.head   # "called for a ban"
    nouns = rules()["proposal_label_nouns"]
    head = nouns.get(verb.lemma_.lower(), "plan")
    words = _action_words(ref.tok, limit)
    description = clean("".join(t.text_with_ws for t in words))
    if words and words[0].i == ref.tok.i and ref.tok.tag_ == "VBG":  # "has begun offering $5 flights"
        description = clean(ref.tok.lemma_ + ref.tok.whitespace_ + "".join(t.text_with_ws for t in words[1:]))
    who = clean("".join(t.text_with_ws for t in _addressee(verb, ref.tok))) if head == "call" else ""
    if who and len(who.split()) <= 6 and description and not description.startswith("for "):
        action = description if description.startswith(_NEGATED) else f"to {re.sub(r'^to ', '', description)}"
        return clean(f"{_possessive(owner_name)} call for {who} {action}")  # "... for Labor not to delay"
    if ref.tok.pos_ in ("NOUN", "PROPN") and not description.startswith(("for ", "to ")):
        return clean(f"{_possessive(owner_name)} {head} {'for' if head in ('call', 'demand', 'push') else 'of'} "
                      f"{description}")  # a course of action named by a noun: "a demand for the resignation"
    return clean(f"{_possessive(owner_name)} {head} to {description}" if not description.startswith(
        ("for ", "to ") + _NEGATED) else f"{_possessive(owner_name)} {head} {description}")  # "a threat not to come"


def _act_label(best: Reference, owner_name: str, limit: int) -> tuple[str, str, str]:
    """(label, noun, description) of an issue stated by a verb: a proposal ("Obama's plan to send
    troops"), a decision ("the Government's decision to suspend ...") or a claim ("X's claim that ...")."""
    if best.cls == "proposal":
        return _proposal_label(best, owner_name, limit), "call", clean(
            "".join(t.text_with_ws for t in _action_words(best.tok, limit)))
    if best.cls == "decision":
        obj = next(c for c in best.tok.children if c.dep_ == "dobj")
        words = [t for t in best.tok.children if t.dep_ == "prt"] + _complement_words(obj, limit)
        action = clean(" ".join([best.tok.lemma_.lower(), "".join(t.text_with_ws for t in words)]))
        return clean(f"{_possessive(owner_name)} decision to {action}"), "decision", action
    comp = next(c for c in best.tok.children if c.dep_ in ("ccomp", "xcomp"))   # "X claims bin Laden has fled"
    words = words_until((t for t in comp.subtree if not t.is_space), lambda t: t.text in CLAUSE_ENDS, limit)
    what = clean("".join(t.text_with_ws for t in words))
    link = "" if comp.dep_ == "xcomp" or (words and words[0].lower_ == "that") else "that "
    return clean(f"{_possessive(owner_name)} claim {link}{what}"), "claim", what


def _infinitive(noun: Token) -> bool:
    """Does a noun say its act with a to-infinitive ("a decision to cut ties")? Then even a weak noun
    names the issue fully."""
    return any(c.dep_ == "acl" and c.tag_ == "VB" and any(t.lower_ == "to" for t in c.children) for c in noun.children)


def label_of(group: list[Reference], owner_name: str, owner_type: str, doc: Doc) -> tuple[str, str, str]:
    """(label, noun, description) of a group of references."""
    limit = int(rules()["label_words"])
    weak = rules()["weak_nouns"]
    first = min(group, key=lambda x: x.tok.i)  # an ownerless issue opened by "a decision to cut ties": that names it
    named = first if not any(x.owner for x in group) and _infinitive(first.tok) else None
    ranked = sorted(group, key=lambda x: (x is not named, x.tok.lemma_.lower() in weak or
                                          x.cls in ("proposal", "decision"), -x.weight, x.tok.i))
    best = next((x for x in ranked if x.owner and x.start < x.tok.i), None) or next(
        (x for x in ranked if x.owner), ranked[0])
    if best.cls in ("proposal", "decision") or best.tok.pos_ == "VERB":
        return _act_label(best, owner_name, limit)
    proposal = next((x for x in group if x.cls == "proposal"), None)
    noun = best.tok.lemma_.lower()
    described = next((x for x in ranked if complement(x.tok, limit)), None)
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
        comp = complement(described.tok, limit)
        description = clean("".join(t.text_with_ws for t in comp))
    detail = verb_detail(ranked, limit)
    if not description:
        description = detail
    if proposal is not None and (described is None or best is not described):
        description = clean("".join(t.text_with_ws for t in _action_words(proposal.tok, limit)))
        described = proposal
    if description and described is best and best.cls != "proposal":
        label = f"{phrase} {description}"
    elif description and proposal is not None and described is proposal and owner_name and not possessed and not named:
        label = _proposal_label(proposal, owner_name, limit)  # "Obama's plan to send ...", "X's call for Y to ..."
    elif description and verbal(description):
        label = f"{phrase}: {re.sub(r'^(to|that would|that|which would) ', '', description)}"
    elif description.split(" ", 1)[0] in _TOPIC_PREPOSITIONS:
        label = f"{phrase} {description}"  # "the line about a federal judge", "the plan against Islamic State"
    else:
        label = phrase  # a description that is no course of action ("of the night") says nothing
    label = clean(label)
    if label[:1].isupper() and label.split()[0] in ("The", "A", "An"):
        label = label[0].lower() + label[1:]
    return label, noun, description


def heads_of(group: list[Reference], description: str, doc: Doc) -> tuple[str, ...]:
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


def keywords_of(label: str, doc: Doc) -> tuple[str, ...]:
    words = [re.sub(r"[\u2019']s$", "", w.lower().strip("\u2019'.,")) for w in re.findall(r"[\w$\u2019'.-]+", label)]
    return tuple(dict.fromkeys(w for w in words if len(w) > 2 and w not in STOP_KEYS))


def act_forms(heads: tuple[str, ...]) -> tuple[str, ...]:
    """The forms of the verbs the issue's head nouns are made from ("merger": merge, merges, merged,
    merging), by the nominalising suffixes of ``nominalisations``: words that name the issue's act."""
    forms: list[str] = []
    for head in heads:
        for noun_end, verb_end in rules()["nominalisations"]:
            stem = head[:-len(noun_end)] if head.endswith(noun_end) else ""
            if len(stem) < 4:
                continue
            verb = stem + verb_end
            base = verb[:-1] if verb.endswith("e") else verb
            forms += [verb, verb + "s", base + "ed", base + "ing"]
    return tuple(dict.fromkeys(f for f in forms if f not in heads))

