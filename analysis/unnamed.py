"""Unnamed sources and groups: "a U.S. official", "another official", "Western diplomats".

The last pass of :func:`analysis.actors.find_actors`. :func:`unnamed` reads
every person noun or title (``person_nouns.csv``, ``titles.csv``) that is not
part of a name found by :mod:`analysis.names` and adds to the draft
:class:`~analysis.actors.Cast`:

- one ``anonymous`` actor per indefinite singular introduction ("a U.S.
  official", "another official", "one of the officials"), with the role,
  description, institution and country its noun phrase gives;
- one ``group`` actor per plural description ("Western diplomats"), merged
  with a group named before by the same head noun or by a noun of the same
  kind sharing a modifier, unless a relative clause narrows it ("residents
  who left the city"); a group is a source when it speaks or acts, is
  described, or is the one the reporter describes reacting (:func:`reacts`:
  "objections from conservatives", "to the chagrin of rights groups");
- ``nominal`` mentions for a definite singular ("the official", "the
  secretary of defense") that refers back to the latest person or unnamed
  source with that head (:func:`nominal_target`); a title no one has had
  names the person who spoke in the sentence before or who opens the next
  one, "the source" the unnamed source just met;
- ``nominal`` mentions for an indefinite introduction the next sentence names
  ("A spokesman for the ministry claims X. Ministry spokesman Jane Roe says
  Y": :func:`_named_next`);
- last, one ``group`` per plural that speaks and that no list holds
  ("Two federal appeals courts rejected ...": :func:`subject_voices`), one
  voice per possessed noun that speaks ("his agent said": :func:`possessed_voices`)
  and one ``anonymous`` source per indefinite singular that speaks and that no
  list holds ("a former partner, who accused ...": :func:`singular_voices`).

The nominal link is made here, during the pass, not by
:mod:`analysis.coreference`: whether "the official" is someone already met
decides whether the pass makes a new source, and what it links to is read by
the phrases that follow ("the minister's spokeswoman" takes the minister's
institution).

The method follows the parse of the noun phrase: its left dependents
(determiners, modifiers, a possessor) and conjoined person nouns give the
words of the description; the determiner tells a new source from one met
before.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from spacy.attrs import TAG
from spacy.tokens import Token

from .actors import (Cast, _Actor, _country_in, _join_institutions, _match_institutions, country_of, narrowed_set,
                     reporting_lemmas, voice_lemmas)
from .corpus import quotation_spans
from .nlp import forms
from .resources import load_yaml

_AUXILIARIES = ("has", "have", "had", "was", "were", "is", "are")
_NAMED = ("person", "organization", "country")  # actors whose name, set beside a description, names its holder
_DESCRIBING = ("amod", "compound", "nmod", "nummod", "acl", "relcl", "prep", "xcomp")  # words that describe a set
_QUANTITIES = ("DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL")  # "three months": no voice


class _Phrase(NamedTuple):
    """The noun phrase of an unnamed source or group, headed by ``tok``."""

    tok: Token
    singular: str          # the head noun's singular (the title itself for a title)
    number: str            # "sg" or "pl"
    det: str               # the first determiner, lower case ('' if none)
    core: list[Token]      # the phrase without determiners and possessor
    core_text: str         # its text (with the possessor's, if any)
    mods: list[Token]      # the describing words
    start: int             # token span of the phrase
    end: int
    is_person_noun: bool
    is_title: bool
    partitive: bool        # "one of the officials"


def unnamed(cast: Cast) -> None:
    """Unnamed sources, groups and nominal mentions of people met before."""
    doc = cast.doc
    g = cast.g
    indefinite = set(g.rules["indefinite_determiners"])
    definite = set(g.rules["definite_determiners"])
    bodies = set(g.rules["speaking_bodies"]) | set(g.rules["party_members"])
    for i, low in enumerate(cast.lows):
        if low not in g.person_nouns and low not in g.titles and low not in bodies and not _plural_title(cast, low):
            continue
        tok = doc[i]
        if not _heads_a_source(cast, tok, low):
            continue
        ph = _phrase(cast, tok, low, indefinite)
        if ph is not None and not cast.free(ph.start, ph.end):
            ph = _after_a_name(cast, ph)
        if ph is None or not cast.free(ph.start, ph.end):
            continue
        if ph.det in definite and ph.number == "sg":
            target = nominal_target(cast, tok, ph.singular)
            if target is not None:
                cast.add(target, ph.start, ph.end, "nominal")
                if target.type == "person":  # "the Republican candidate" once: "the candidate" later
                    target.role_heads.add(ph.singular)
                continue
        if ph.is_title and not ph.is_person_noun and not _title_of_a_body(tok):
            continue  # "the secretary" with no one it can be: leave unlinked
        if ph.partitive:
            _one_of_a_group(cast, ph)
        elif ph.number == "pl":
            _group(cast, ph, definite, indefinite)
        elif (named := _named_next(cast, ph)) is not None:
            cast.add(named, ph.start, ph.end, "nominal")
        else:
            actor = _new_unnamed(cast, "anonymous", f"{ph.core_text.lower()}#{tok.i}", ph.core_text, tok, ph.singular)
            actor.names.append(ph.core_text)
            cast.add(actor, ph.start, ph.end, "name")


def _named_next(cast: Cast, ph: _Phrase) -> _Actor | None:
    """'A spokesman for the ministry claims X. Ministry spokesman Jane Roe says Y': a source introduced
    as "a <title>" (or "a <noun> of ...": "A senior ally of X said ... Jane Roe, head of Y, was
    sceptical"), the subject of a reporting verb, is the person of that title who is the subject
    of a reporting verb in the next sentence, or the person that sentence opens by introducing
    (:func:`_introduced_here`): the story names the speaker it has just introduced, if exactly one
    person there fits."""
    tok = ph.tok
    reporting = reporting_lemmas()
    if ph.det not in ("a", "an") or ph.number != "sg" or tok.dep_ != "nsubj" or \
            tok.head.lemma_.lower() not in reporting or \
            cast.g.noun_kinds.get(ph.singular) in ("organization", "organisation"):
        return None  # "An organization established for X said ... Jane Roe, counsel to it, wrote": not her
    nxt = tok.sent.end
    if nxt >= len(cast.doc):
        return None
    sent = cast.doc[nxt].sent
    found: dict[int, _Actor] = {}
    for m in cast.mentions:
        root = cast.doc[m.start:m.end].root
        if m.actor is None or m.actor.type != "person" or not sent.start <= m.start < sent.end:
            continue
        if root.dep_ == "nsubj" and root.head.lemma_.lower() in reporting and ph.singular in m.actor.role_heads:
            found[id(m.actor)] = m.actor
        elif m.start == sent.start and _introduced_here(cast, m):
            found[id(m.actor)] = m.actor
    return next(iter(found.values())) if len(found) == 1 else None


def _introduced_here(cast: Cast, m) -> bool:
    """'Jane Roe, head of the committee, said ...': a full name met for the first time, the subject of
    its sentence, described by an apposition set off by a comma (the story names the source it has
    just introduced by a description)."""
    first = min(x.start for x in m.actor.mentions)
    return first == m.start and m.end - m.start >= 2 and m.end < len(cast.doc) and \
        cast.doc[m.end].text == "," and m.subject


def _title_of_a_body(tok: Token) -> bool:
    """'The panel's senior Republican asked', 'the agency's director said': a title held in a body
    named by a common noun, the subject of what is said, is an unnamed source of its own (whose
    the body is does not make the body the speaker); a country's or a person's title ('Britain's
    prime minister') is left to the rules for titles. So is a title whose "of" or "at" complement
    names its post by a common noun ('the director of nursing at the hospital says'): the text
    describes the holder instead of naming them."""
    return tok.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ == "poss" and c.pos_ == "NOUN" or c.dep_ == "prep" and c.lower_ in ("of", "at") and any(
            o.dep_ == "pobj" and o.pos_ == "NOUN" for o in c.children) for c in tok.children)


def poll_shares(cast: Cast) -> None:
    """'42% say', 'three-fourths say', 'a majority said', 'those surveyed say': the share of a poll's
    respondents that is the subject of a reporting verb or of a verb of taking a side ("42% oppose it",
    :func:`analysis.actors.voice_lemmas`) is a group (one per wording)."""
    rules = cast.g.rules
    shares, asked = set(rules["share_words"]), set(rules["respondent_participles"])
    reporting = voice_lemmas()
    for i in forms(cast.doc).where(shares | {"%", "percent", "those"}):  # only the words that can start one
        tok = cast.doc[i]
        if tok.dep_ != "nsubj" or tok.i in cast.taken or tok.head.lemma_.lower() not in reporting:
            continue
        low = tok.lower_
        if not (low in shares or low in ("%", "percent") and any(c.dep_ == "nummod" for c in tok.children)
                or low == "those" and any(c.dep_ == "acl" and c.lemma_.lower() in asked for c in tok.children)):
            continue
        s, e = tok.left_edge.i, tok.right_edge.i + 1
        if not cast.free(s, e):
            s, e = min(c.left_edge.i for c in [tok] + [c for c in tok.lefts]), tok.i + 1
        if not cast.free(s, e) or tok.idx < cast.dateline_end:
            continue
        text = cast.text(s, e)
        actor = next((a for a in cast.actors if a.type == "group" and a.key == text.lower()), None)
        if actor is None:
            actor = _new_unnamed(cast, "group", text.lower(), text, tok, low)
        actor.names.append(text)
        cast.add(actor, s, e, "name")


def quantifier_voices(cast: Cast) -> None:
    """'Some say the deal is dead', 'Others argued', 'Another wrote': an indefinite pronoun of number
    (``quantifier_pronouns`` in ``actor_rules.yml``) that is by itself the subject of a reporting
    verb or of a verb of taking a side ("others oppose it") is a voice of its own, a group ('another':
    one person), never one named before."""
    reporting = voice_lemmas()
    for i in forms(cast.doc).where(set(cast.g.rules["quantifier_pronouns"])):
        tok = cast.doc[i]
        if tok.dep_ != "nsubj" or i in cast.taken or tok.head.lemma_.lower() not in reporting or \
                any(c.dep_ not in ("punct", "advmod") for c in tok.children) or tok.idx < cast.dateline_end:
            continue  # "some officials", "many of them": the phrase's noun is the source
        low = tok.lower_
        actor = _new_unnamed(cast, "anonymous" if low == "another" else "group", f"{low}#{i}", tok.text, tok, low)
        actor.names.append(tok.text)
        cast.add(actor, i, i + 1, "name")


def _free_nouns(cast: Cast, tags: tuple[str, ...]):
    """The nouns of these fine-grained tags that no pass has made a mention yet, outside headings,
    the dateline and quotations, and that name no document ("reports say": hearsay): what the
    passes that make a voice of a noun that speaks start from. A Token is made for these only."""
    documents = set(load_yaml("quote_rules.yml")["document_nouns"])
    quotes = quotation_spans(cast.article.text)  # in text order, none inside another
    starts = [qs for qs, _qe in quotes]
    parse = forms(cast.doc)
    wanted = {cast.doc.vocab.strings[t] for t in tags}
    for i, tag in enumerate(cast.doc.to_array([TAG]).tolist() if len(cast.doc) else []):
        if tag not in wanted or i in cast.taken or i in cast.heading_tokens:
            continue
        at = parse.idx[i]
        if at < cast.dateline_end or parse.lemma[i] in documents:
            continue
        k = bisect_right(starts, at) - 1
        if k < 0 or at >= quotes[k][1]:  # not inside a quotation
            yield cast.doc[i]


def subject_voices(cast: Cast) -> None:
    """'Mujaheddin returning from the mountains say', 'Two federal appeals courts rejected', 'two of
    the women who have accused': a plural noun that no other pass made an actor, the subject of a
    reporting verb (itself or through a "who" clause), is the group that speaks there, named by its
    phrase (the noun, its modifiers, a participle or a short phrase describing it). The sentence
    says who spoke: a voice whose noun no list holds is still a voice, not an unresolved speaker.
    Plural documents ("reports say": hearsay), nouns that refer back and bare plurals with no word
    describing them ("Data suggest", "Tests confirmed": :func:`_new_plural_voice`) are left alone."""
    reporting = reporting_lemmas()
    for tok in _free_nouns(cast, ("NNS", "NNPS", "NNP")):
        plural = tok.tag_ in ("NNS", "NNPS") or tok.tag_ == "NNP" and tok.head.tag_ == "VBP"  # "Mujaheddin say"
        if plural and _the_group_again(cast, tok, reporting):
            continue
        if not plural or not _new_plural_voice(tok, reporting):
            continue
        described = [c for c in tok.rights if c.dep_ in ("acl", "xcomp") and c.tag_ in ("VBG", "VBN") or
                     c.dep_ == "prep" and len(list(c.subtree)) <= 4 and cast.doc[c.i - 1].text != ","]
        words = [t for t in tok.subtree if (t.i <= tok.i or any(t in c.subtree for c in described))
                 and not t.is_punct and t.dep_ not in ("det", "predet", "nummod")]
        if not words or not cast.free(words[0].i, tok.i + 1):
            continue
        text = re.sub(r"\s+", " ", cast.text(words[0].i, words[-1].i + 1)).strip()
        actor = next((a for a in cast.actors if a.type == "group" and a.key == text.lower()), None) or \
            _new_unnamed(cast, "group", text.lower(), text, tok, tok.lemma_.lower())
        actor.names.append(text)
        cast.add(actor, words[0].i, tok.i + 1, "name")


def possessed_voices(cast: Cast) -> None:
    """'his agent said', 'Mr Roe's family told media', 'the President's eldest son asked': a common noun
    with a possessor (a pronoun or an actor), not a person noun or title (:func:`unnamed` reads those),
    that no other pass made an actor and that is the subject of a reporting verb, is a voice of its own
    (a group when plural), named by its phrase. The genitive names someone by a relation to the
    possessor, so the possessor is not the speaker; the mention is the rest of the phrase, the
    possessor staying its own actor's mention (as in :func:`_after_a_name`)."""
    reporting = reporting_lemmas()
    for tok in _free_nouns(cast, ("NN", "NNS")):
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        low = tok.lower_
        if owner is None or tok.dep_ != "nsubj" or tok.head.pos_ != "VERB" or \
                tok.head.lemma_.lower() not in reporting or low in cast.g.person_nouns or low in cast.g.titles or \
                _plural_title(cast, low) or tok.ent_type_ in _QUANTITIES:
            continue
        if tok.head.lemma_.lower() in cast.g.rules["evidence_verbs"]:
            continue  # "the military's recent successes suggest": what shows, not who says
        if not (owner.pos_ == "PRON" or _actor_at(cast, owner.i, ("person", "organization", "country", "group"))):
            continue  # "the plan's backers": whose is no one the story names
        start = owner.right_edge.i + 1
        if start > tok.i or not cast.free(start, tok.i + 1):
            continue
        first = min(t.i for t in owner.subtree)
        text = re.sub(r"\s+", " ", cast.text(first, tok.i + 1)).strip()
        kind = "group" if tok.tag_ == "NNS" else "anonymous"
        actor = next((a for a in cast.actors if a.type == kind and a.key == text.lower()), None) or \
            _new_unnamed(cast, kind, text.lower(), text, tok, tok.lemma_.lower())
        actor.names.append(text)
        cast.add(actor, start, tok.i + 1, "name")


def singular_voices(cast: Cast) -> None:
    """'a former partner, who accused him of ...', 'A man known as Nick told Channel Ten ...': a singular
    common noun with "a"/"an" that no list holds and no other pass made an actor, the subject of a
    reporting verb (not one of evidence: "a survey shows") or described by a "who" clause of one, is an
    unnamed source of its own (the singular of :func:`subject_voices`); "the <noun>" later, the subject
    of a reporting verb, is that source again ("... the man said")."""
    reporting = reporting_lemmas()
    evidence = set(cast.g.rules["evidence_verbs"])
    for tok in _free_nouns(cast, ("NN",)):
        low, lemma = tok.lower_, tok.lemma_.lower()
        if low in cast.g.person_nouns or low in cast.g.titles or tok.ent_type_ in _QUANTITIES or \
                not _speaks_alone(tok, reporting, evidence):
            continue
        if _named_after_comma(cast, tok) is not None or any(
                t.dep_ == "appos" and t.i > tok.i and _actor_at(cast, t.i, _NAMED) for t in tok.subtree) or any(
                v.dep_ in ("ccomp", "dobj") and v.head.lemma_.lower() in reporting for v in [tok, *tok.ancestors]):
            continue  # "A partner of X, Jane Roe, says", "An offshoot of X, the Y Brigades, said": the name;
            #           "X says a man who claimed ...": part of what X says
        det = next((c.lower_ for c in tok.children if c.dep_ == "det"), "")
        left = [t for c in tok.lefts if c.dep_ in ("amod", "compound") for t in c.subtree]
        start = min([t.i for t in left] + [tok.i])
        if not cast.free(start, tok.i + 1):
            continue
        if det == "the":
            actor = next((a for a in reversed(cast.actors) if a.type == "anonymous" and a.head == lemma
                          and a.key.startswith("voice:")), None)
            if actor is not None:
                cast.add(actor, start, tok.i + 1, "nominal")
            continue
        if det not in ("a", "an"):
            continue
        text = cast.text(start, tok.i + 1)
        actor = _new_unnamed(cast, "anonymous", f"voice:{text.lower()}#{tok.i}", text, tok, lemma)
        actor.names.append(text)
        cast.add(actor, start, tok.i + 1, "name")


def _speaks_alone(tok: Token, reporting: frozenset[str], evidence: set[str]) -> bool:
    """Is a noun the subject of a reporting verb that is not one of evidence, or described by a
    "who" clause of one ("a partner, who accused him")?"""
    verb = tok.head
    if tok.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.lemma_.lower() in reporting:
        return verb.lemma_.lower() not in evidence
    return any(c.dep_ == "relcl" and c.lemma_.lower() in reporting and any(
        x.dep_ == "nsubj" and x.lower_ == "who" for x in c.children) for c in tok.children)


def _the_group_again(cast: Cast, tok: Token, reporting: set[str]) -> bool:
    """'Grieving families gathered ... The families say': a bare plural after "the", the subject of a
    reporting verb, is the group met before whose head noun it is; True when it was joined to it."""
    children = list(tok.children)
    if tok.dep_ != "nsubj" or tok.head.lemma_.lower() not in reporting or len(children) != 1 \
            or children[0].dep_ != "det" or children[0].lower_ != "the" or children[0].i != tok.i - 1:
        return False
    lemma = tok.lemma_.lower()
    group = next((a for a in reversed(cast.actors) if a.type == "group" and a.mentions and a.head == lemma
                  and min(m.start for m in a.mentions) < tok.i), None)
    if group is None or not cast.free(tok.i - 1, tok.i + 1):
        return False
    cast.add(group, tok.i - 1, tok.i + 1, "nominal")
    return True


def _new_plural_voice(tok: Token, reporting: set[str]) -> bool:
    """Is a plural noun that names no one met before ("courts", "two of the women who"; not "the two
    men", "their smiles", "both sides": those refer back) the subject of a reporting verb, or the
    noun a "who" clause of one describes?"""
    if tok.ent_type_ in _QUANTITIES or any(c.dep_ == "poss" or c.dep_ in ("det", "predet") and c.lower_ in (
            "the", "these", "those", "both", "all") for c in tok.children) and not narrowed_set(tok):
        return False
    if not any(c.dep_ in _DESCRIBING for c in tok.children):
        return False  # a bare plural ("Data suggest", "Tests confirmed") says too little to be a voice
    verb = tok.head
    if tok.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.lemma_.lower() in reporting and not any(
            c.dep_ == "prt" and c.lower_ != "out" or c.tag_ == "WRB" for c in verb.children):
        return True  # not "called off", nor a question asked about them ("how markets respond")
    return any(c.dep_ == "relcl" and c.lemma_.lower() in reporting and any(
        x.dep_ == "nsubj" and x.lower_ == "who" for x in c.children) for c in tok.children)


def _after_a_name(cast: Cast, ph: _Phrase) -> _Phrase | None:
    """'Tillerson aides', 'Trump administration officials', 'a senior Obama administration
    official': a phrase whose head noun another actor's name modifies is a source of its own (a
    group when plural), named with that name (whose people they are); its mention is the rest of
    the phrase, the name staying the other actor's mention. Only words that describe the source
    ("a senior") may come before the name."""
    taken = [i for i in range(ph.start, ph.end) if i in cast.taken]
    if not taken or taken != list(range(taken[0], taken[-1] + 1)) or taken[-1] + 1 >= ph.tok.i + 1:
        return None
    if not all(cast.doc[i].pos_ == "PROPN" for i in taken):
        return None
    before = cast.doc[ph.start:taken[0]]
    if (ph.number == "pl" and len(before)) or any(t.pos_ not in ("DET", "ADJ", "NUM") for t in before):
        return None
    return ph._replace(start=taken[-1] + 1)


def _a_title(cast: Cast, low: str) -> bool:
    """A title ("senator", "chancellor"), or a party member's noun that news uses like one for the
    person just met ("the Kentucky Republican said": ``party_members`` in ``actor_rules.yml``)."""
    return cast.g.titles.get(low, ("", ""))[1] == "title" or low in cast.g.rules["party_members"]


def _plural_title(cast: Cast, low: str) -> str:
    """The title a plural noun is the plural of ("chiefs" -> "chief"), or ''."""
    for singular in (low[:-1], low[:-2]) if low.endswith("s") else ():
        if cast.g.titles.get(singular, ("", ""))[1] == "title" and singular not in cast.g.person_nouns:
            return singular
    return ""


def _heads_a_source(cast: Cast, tok: Token, low: str) -> bool:
    """Can this person noun or title head the phrase of an unnamed source (not part of another name)?"""
    doc = cast.doc
    g = cast.g
    if tok.i in cast.taken or tok.i in cast.heading_tokens or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    is_person_noun = low in g.person_nouns
    is_title = _a_title(cast, low) or bool(_plural_title(cast, low))
    if not (is_person_noun or is_title or low in g.rules["speaking_bodies"]):
        return False
    if tok.dep_ == "conj" and (tok.head.lower_ in g.person_nouns):
        return False  # "officers and diplomats": part of the first noun's phrase
    if tok.dep_ in ("compound",) and tok.head.pos_ in ("PROPN", "NOUN"):
        return False  # "spokesman John Smith", "rebel alliance": part of another noun
    if tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-" and not tok.whitespace_:
        return False  # "rebel-held"
    if any(c.dep_ == "appos" and (c.ent_type_ == "PERSON" or _actor_at(cast, c.i) or _a_name(c) or _actor_at(
            cast, c.i, _NAMED) and not any(x.dep_ == "conj" for x in c.children)) for c in tok.children):
        return False  # "Valdoria’s chief negotiator, Ilse Marten,", "the largest radical group, Hamas,": named
        #               (not "the Baltic states, Estonia, Latvia and Lithuania,": the members of a group)
    if _named_after_comma(cast, tok) is not None:
        return False  # "A senior adviser to the president, Jane Roe, told ..." (the parser may misread it)
    if tok.dep_ == "appos" and (tok.head.ent_type_ == "PERSON" or _actor_at(cast, tok.head.i)):
        return False
    return True


def _phrase(cast: Cast, tok: Token, low: str, indefinite: set[str]) -> _Phrase | None:
    """The noun phrase ``tok`` heads, or None when it names a person or is not a source."""
    doc = cast.doc
    g = cast.g
    is_person_noun = low in g.person_nouns
    is_title = _a_title(cast, low)
    possessor = [c for c in tok.lefts if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")]
    left = [c for c in tok.lefts if c.dep_ not in ("punct", "cc", "poss") and not c.is_space
            and not (c.tag_ in ("VBD", "VBN") and c.i > 0 and doc[c.i - 1].lower_ in _AUXILIARIES)]
    # "leaders of the U.S. intelligence community": a short "of" phrase naming no one else is part of the name
    of = [t for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree if not t.is_space]
    if len(of) > 7 or any(t.pos_ in ("VERB", "AUX") or t.i in cast.taken for t in of):
        of = []
    core_toks = sorted(
        {t for c in left for t in c.subtree if not t.is_space} | {tok} | _conj_nouns(cast, tok) | set(of),
        key=lambda t: t.i,
    )
    if any(t.ent_type_ == "PERSON" and not (t.i in cast.taken and t.dep_ in ("compound", "poss"))
           and not (t.i == tok.i and is_title) for t in core_toks):
        return None  # a person's name, unless it is a named person's, modifying the noun ("Tillerson aides"),
        #             or the title itself, which the model may tag as a name ("the Queen")
    dets = [c for c in left if c.dep_ in ("det", "nummod", "predet") or c.lower_ in indefinite]
    det = dets[0].lower_ if dets else ""
    mods = [c for c in left if c not in dets] + [c for c in tok.rights if c.dep_ in ("relcl", "acl", "amod")
                                                  or c.dep_ == "prep" and c.lower_ == "of"]  # "leaders of X"
    number = "pl" if tok.tag_ in ("NNS", "NNPS") else "sg"
    if is_person_noun:
        singular, number, needs = g.person_nouns[low]
        if not _noun_is_a_source(cast, tok, singular, needs, left, mods):
            return None
    elif low in g.rules["speaking_bodies"] and not is_title:
        singular = low
        if not _the_body_that_said(cast, tok, singular):
            return None  # "the ministry said", "the French embassy said" speak; "the Syrian army" is named by the other passes
    else:
        singular = _plural_title(cast, low) or low
        if singular != low and not (mods and tok.dep_ in ("nsubj", "nsubjpass")):
            return None  # "the intelligence chiefs warned": a group; a bare "chiefs" is not a source
    partitive = (number == "pl" and tok.dep_ == "pobj" and tok.head.lower_ == "of"
                 and tok.head.head.lower_ in ("one", "another") and tok.head.head.i < tok.i)
    in_det = {x.i for d in dets for x in d.subtree}  # "A few early supporters": "a" hangs on "few"
    core = [t for t in core_toks if t.i not in in_det and t.dep_ != "poss"]
    core_text = " ".join(t.text for t in core if not t.is_punct or t.text in ("-", ".")).replace(" - ", "-")
    core_text = re.sub(r"\s+", " ", core_text).strip()
    if possessor:
        # "the minister’s spokeswoman": described by whose she is
        p_toks = sorted(possessor[0].subtree, key=lambda t: t.i)
        core_text = f"{cast.text(p_toks[0].i, p_toks[-1].i + 1)} {core_text}".replace("the ", "", 1)
    start = min(t.i for t in core_toks)
    end = max(t.i for t in core_toks) + 1
    return _Phrase(tok, singular, number, det, core, core_text, mods, start, end, is_person_noun, is_title, partitive)


def _noun_is_a_source(cast: Cast, tok: Token, singular: str, needs: bool, left: list[Token],
                      mods: list[Token]) -> bool:
    """A person noun that needs a modifier ("people", "members") has one and speaks or is described;
    an organisation-like noun ("a group", "an agency") speaks or acts."""
    speaking = _plural_that_speaks(tok)
    subject = tok.dep_ in ("nsubj", "nsubjpass") or reacts(tok) or speaking
    if needs and not mods and not _the_body_that_said(cast, tok, singular) and not speaking:
        return False
    described = any(c.dep_ in ("relcl", "acl", "amod") or c.dep_ == "prep" and c.lower_ == "of"
                    for c in tok.rights) or any(c.pos_ in ("ADJ", "NOUN", "PROPN") for c in left)
    if needs and not (subject or described and tok.dep_ not in ("dobj", "pobj")):
        return False  # "to resettle people", "members of": not a source
    if cast.g.noun_kinds.get(singular) in ("organization", "organisation") and not subject:
        return False  # "a group", "an agency" that does not speak or act
    return True


def _plural_that_speaks(tok: Token) -> bool:
    """A bare plural that is a subject, alone or with another ("X and unions are criticising ..."), of a
    reporting verb or of a verb of taking a side ("Unions are fighting the freeze"), or of a clause with
    a participle that reports ("Unions are worried, saying ..."):
    a group that speaks, though the noun alone names no one in particular."""
    if tok.tag_ != "NNS" or any(c.dep_ in ("det", "nummod") for c in tok.children):
        return False  # "the two countries added": a set just met (analysis.speakers), not a bare plural
    subj = tok if tok.dep_ == "nsubj" else tok.head if tok.dep_ == "conj" and tok.head.dep_ == "nsubj" else None
    if subj is None:
        return False
    reporting = voice_lemmas()
    verb = subj.head
    return verb.lemma_.lower() in reporting and verb.pos_ == "VERB" or any(
        c.tag_ == "VBG" and c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in reporting for c in verb.children)


def _the_body_that_said(cast: Cast, tok: Token, singular: str) -> bool:
    """'The government said', 'the state admitted', 'the ministry said', 'police said': a body (a state
    or an organisation noun, or one of ``speaking_bodies`` in ``actor_rules.yml``), singular and
    definite (bare for a body such as the police), that is the subject of a reporting verb is a
    source, even with no modifier."""
    body = singular in cast.g.rules["speaking_bodies"]
    if not (body or cast.g.noun_kinds.get(singular) in ("state", "organization", "organisation")):
        return False
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    bare = body and not any(c.dep_ == "det" for c in tok.children)
    return (tok.tag_ == "NN" or body) and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in reporting_lemmas() \
        and (definite or bare)


def reacts(tok: Token) -> bool:
    """Is this noun the one the reporter describes reacting, the holder of a noun of reaction?
    "objections from a coalition", "pleas from conservatives", "cheers from the crowd" (the
    "from"/"by" phrase of a noun), "to the chagrin of human rights groups" (the "of" phrase of
    the formula "to the N of X"). The grammar of English nominalisations (Quirk et al. 1985,
    17.51-54: the "by"/"from" agent and the "of" subject of an action noun), no word list."""
    if tok.dep_ != "pobj":
        return False
    prep, noun = tok.head, tok.head.head
    before = tok.doc[prep.i - 1] if prep.i > 0 else prep
    if prep.lower_ in ("from", "by") and before.pos_ == "NOUN" and (noun.i == before.i or before.head.i == noun.i):
        return True  # the phrase hangs on the noun, or on its verb ("drew objections from X")
    return (prep.lower_ == "of" and noun.pos_ == "NOUN" and noun.dep_ == "pobj" and noun.head.lower_ == "to"
            and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children))


def _one_of_a_group(cast: Cast, ph: _Phrase) -> None:
    """'one of the Iranian officials': one unnamed person out of a group; 'one of the officials, Jane
    Roe,': the person the name set off by commas names."""
    tok = ph.tok
    one = tok.head.head
    s, e = min(ph.start, one.i), ph.end
    if not cast.free(s, e):
        return
    named = _named_after_comma(cast, one)
    person = named is not None and next((m.actor for m in cast.mentions if m.start <= named.i < m.end
                                         and m.actor is not None and m.actor.type == "person"), None)
    if person:
        cast.add(person, s, e, "nominal")
        return
    core_text = cast.text(one.i, e)
    actor = _new_unnamed(cast, "anonymous", f"{core_text.lower()}#{tok.i}", core_text, tok, ph.singular)
    actor.names.append(core_text)
    cast.add(actor, s, e, "name")


def _group(cast: Cast, ph: _Phrase, definite: set[str], indefinite: set[str]) -> None:
    """A plural description: the group named before by it (or by a kindred one), else a new group."""
    g = cast.g
    tok, singular, core, det = ph.tok, ph.singular, ph.core, ph.det
    key = ph.core_text.lower()
    if det in indefinite - {"a", "an", "one"}:
        key = f"{key}#{tok.i}"  # "other Western officials", "some officials": not the ones named before
    narrowed = narrowed_set(tok)  # "residents who left the city": not the residents named before
    actor = None if narrowed else next((a for a in cast.actors if a.type == "group" and a.key == key), None)
    if actor is None and det in definite and len(core) == 1 and not narrowed:
        actor = next((a for a in reversed(cast.actors) if a.type == "group" and a.head == singular), None)
    mods_here = frozenset(t.lower_ for t in core if t.i != tok.i and t.pos_ != "CCONJ" and not t.is_punct)
    joint = any(t.pos_ == "CCONJ" for t in core if t.i < tok.i)  # "State Department and Treasury aides"
    if actor is None and "#" not in key and not joint and not narrowed:  # people of two bodies are no kin of one's
        kind = g.noun_kinds.get(singular, "")
        actor = next((a for a in reversed(cast.actors) if a.type == "group" and "#" not in a.key and (
            (a.head == singular and not mods_here)  # "refugee advocates" / "advocates"
            or (mods_here and kind and g.noun_kinds.get(a.head, "") == kind and a.modifiers & mods_here)
        )), None)
    count = _count_of(tok)
    if actor is None:
        speaks = tok.dep_ in ("nsubj", "nsubjpass") or reacts(tok) or _plural_that_speaks(tok) or (
            tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according") or count
        if len(core) == 1 and not ph.mods and det not in indefinite and not speaks:
            return  # a bare "officials" that neither speaks nor is described
        actor = _new_unnamed(cast, "group", key, ph.core_text, tok, singular)
        actor.modifiers = mods_here
    actor.names.append(ph.core_text)
    start = count.left_edge.i if count is not None and cast.free(count.left_edge.i, ph.start) else ph.start
    cast.add(actor, start, ph.end, "name" if actor.key == key else "nominal")


def _count_of(tok: Token) -> Token | None:
    """'Thousands of protesters marched', 'hundreds of residents rallied': the number noun a plural
    is counted by (an "of" phrase on a cardinal that is the subject), whose verb is the plural's
    own act; the group is named by its noun, the count being its size. None for any other plural."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "of" or tok.head.dep_ != "prep":
        return None
    count = tok.head.head
    if count.i > tok.i or count.dep_ not in ("nsubj", "nsubjpass") or count.ent_type_ != "CARDINAL" \
            or any(c.dep_ == "det" for c in count.children):
        return None  # "the thousands of protesters", "one of the officials": not a count
    return count


def _named_after_comma(cast: Cast, tok: Token) -> Token | None:
    """The name set off by commas right after a role ("an adviser to X, Jane Roe, said"), if any."""
    doc = tok.doc
    for t in tok.subtree:
        if t.i <= tok.i or t.dep_ not in ("appos", "conj"):
            continue
        first = min(x.i for x in t.subtree)
        if doc[first - 1].text == "," and (t.ent_type_ == "PERSON" or _actor_at(cast, t.i) or _a_name(t)):
            return t
    return None


def _a_name(tok: Token) -> bool:
    """A proper name of two or more capitalised words ("Bouthaina Shaaban"), whatever the model tagged."""
    words = [t for t in tok.subtree if t.pos_ == "PROPN" and t.text[:1].isupper()]
    return tok.pos_ == "PROPN" and len(words) >= 2 and tok.ent_type_ not in ("ORG", "GPE", "NORP", "FAC")


def _actor_at(cast: Cast, i: int, types: tuple[str, ...] = ("person",)) -> bool:
    """Is token ``i`` part of a mention of an actor of one of ``types`` (a person unless told)?"""
    return any(m.start <= i < m.end and m.actor is not None and m.actor.type in types for m in cast.mentions)


def _conj_nouns(cast: Cast, tok: Token) -> set[Token]:
    """Person nouns conjoined to ``tok`` ("officers and diplomats"), with their modifiers and the 'and'."""
    out: set[Token] = set()
    for c in tok.children:
        if c.dep_ in ("conj", "cc") and (c.lower_ in cast.g.person_nouns or c.dep_ == "cc"):
            if c.dep_ == "cc" and not any(x.dep_ == "conj" and x.lower_ in cast.g.person_nouns for x in tok.children):
                continue
            out.add(c)
            out.update(t for x in c.lefts for t in x.subtree)
    return out


def documents(cast: Cast) -> None:
    """'A new departmental report says ...': a document that speaks with no issuer the story names
    (no actor in its phrase, no earlier mention of its kind that could say whose it is) is a voice
    of its own, so that it and its later mentions ("the report says") are not left unresolved."""
    doc = cast.doc
    nouns = set(load_yaml("quote_rules.yml")["document_nouns"])
    reporting = reporting_lemmas()
    seen: set[str] = set()
    lemmas = forms(doc).lemma
    for i in forms(doc).where_lemma(nouns):
        tok, lemma = doc[i], lemmas[i]
        if tok.pos_ != "NOUN" or tok.tag_ == "NNS":
            continue  # "reports say": hearsay of unstated origin, not one document
        first = lemma not in seen
        seen.add(lemma)
        if not first or tok.dep_ != "nsubj" or tok.head.lemma_.lower() not in reporting or tok.idx < cast.dateline_end:
            continue
        phrase = [t for t in tok.subtree if t.i <= tok.i]
        if not cast.free(phrase[0].i, tok.i + 1) or any(m.start <= t.i < m.end for t in tok.subtree
                                                          for m in cast.mentions):
            continue  # "the CBO report", "a report by X", "X's letter": whose it is, the issuer speaks
        words = [t for t in phrase if t.dep_ in ("amod", "compound") and t.lower_ not in
                 cast.g.rules["document_time_words"]] + [tok]
        core = " ".join(t.text for t in words)
        actor = _new_unnamed(cast, "anonymous", f"{core.lower()}#{tok.i}", core, tok, lemma)
        actor.names.append(core)
        cast.add(actor, phrase[0].i if phrase[0].dep_ != "det" else phrase[0].i + 1, tok.i + 1, "name")


def _new_unnamed(cast: Cast, kind: str, key: str, core_text: str, tok: Token, singular: str) -> _Actor:
    """A new unnamed source or group, described by its phrase (role, description, institution, country)."""
    actor = _Actor(kind, key)
    actor.head = singular
    if kind == "anonymous":
        actor.gender = cast.g.titles.get(tok.lower_, ("", ""))[0]  # "a spokeswoman": F
    actor.role = core_text
    desc_toks = [t for t in tok.subtree if not t.is_space]
    actor.description = re.sub(r"\s+", " ", cast.text(desc_toks[0].i, desc_toks[-1].i + 1)).strip(" ,")
    words = [w.lower() for w in core_text.split()]
    country = _country_in([t for t in tok.subtree if t.i <= tok.i or t in _conj_nouns(cast, tok)])
    found = _match_institutions(words, country, cast.home)
    actor.institution = _join_institutions(found)
    actor.country = country or (found[0][1] if found else "")
    owner = next((m.actor for c in tok.children if c.dep_ == "poss" for m in cast.mentions
                  if m.start <= c.i < m.end and m.actor is not None), None)
    if owner is not None and not actor.institution:
        actor.institution, actor.country = owner.institution, actor.country or owner.country
    cast.actors.append(actor)
    return actor


def nominal_target(cast: Cast, tok: Token, singular: str) -> _Actor | None:
    """'the official' / 'the secretary (of defense)': the latest actor with that head.

    A person whose title has ``singular`` as a head word, or an unnamed source
    with that head noun, mentioned before ``tok``; the words describing ``tok``
    must all be words of that actor's role.
    """
    clauses = {x.i for c in tok.children if c.dep_ in ("relcl", "acl", "appos") for x in c.subtree}
    modifiers = {t.lower_ for t in tok.subtree
                 if t.i != tok.i and t.i not in clauses and t.pos_ in ("PROPN", "NOUN", "ADJ")}
    candidates = []
    for a in cast.actors:
        if a.type not in ("person", "anonymous"):
            continue
        if a.head == singular or singular in a.role_heads:
            if modifiers and not _described_by(modifiers, a.role_words | {w.lower() for w in a.role.split()}):
                continue
            before = [m.start for m in a.mentions if m.start < tok.i]
            if before:
                candidates.append((max(before), a))
    if not candidates and singular in cast.g.rules["generic_source_nouns"]:
        return _source_just_met(cast, tok)
    if not candidates:
        if cast.g.noun_kinds.get(singular) in ("organization", "organisation", "state"):
            return None  # "the opposition": not a person the story has been about
        # "the chancellor" with no one of that title: a title, unlike "the official", names one
        # holder, the person the story is about
        two = f"{tok.doc[tok.i - 1].lower_} {singular}" if tok.i > 0 else ""  # "the prime minister"
        titles = [w for w in (singular, two) if _a_title(cast, w) and w not in cast.g.person_nouns]
        if titles:
            modifiers = modifiers - set(titles[-1].split())  # "prime" is the title's, not a description
        return _salient_person(cast, tok, modifiers, bool(titles)) or _speaker_just_before(
            cast, tok, singular, modifiers) or _speaker_named_next(cast, tok, singular)
    return max(candidates, key=lambda x: x[0])[1]


def _described_by(modifiers: set[str], role: set[str]) -> bool:
    """Are all the words describing a nominal words of an actor's role, a country's name and its
    adjective counting as one ("the Israel official" after "a senior Israeli Defence official")?"""
    nations = {country_of(w) for w in role} - {""}
    return all(w in role or country_of(w) in nations for w in modifiers)


def _source_just_met(cast: Cast, tok: Token) -> _Actor | None:
    """'A Western diplomat said ... the source said': the latest unnamed source mentioned in this
    sentence or the two before (``generic_source_nouns`` in ``actor_rules.yml``), else None."""
    sents = list(cast.doc.sents)
    k = next((n for n, s in enumerate(sents) if s.start == tok.sent.start), 0)
    first = sents[max(0, k - 2)].start
    near = [m for m in cast.mentions if m.actor is not None and m.actor.type == "anonymous" and first <= m.start < tok.i]
    return max(near, key=lambda m: m.start).actor if near else None


def _speaker_named_next(cast: Cast, tok: Token, singular: str) -> _Actor | None:
    """'..., the provincial military chief said. Commander Jane Roe said ...': a title no one in the
    story has had, the subject of a reporting verb, is the person the next sentence opens with,
    named there for the first time and speaking (the story names the holder right after); or the
    one person named with that very title, for the first time and speaking, in the next two sentences
    ('The coroner has indicated ... . ... . Coroner Jane Roe said ...')."""
    reporting = reporting_lemmas()
    if not _a_title(cast, singular) or tok.dep_ != "nsubj" or tok.head.lemma_.lower() not in reporting:
        return None
    nxt = tok.sent.end
    if nxt >= len(cast.doc):
        return None
    sent = cast.doc[nxt].sent
    later = cast.doc[sent.end].sent if sent.end < len(cast.doc) else sent
    titled = set()
    for m in sorted(cast.mentions, key=lambda x: x.start):
        if not sent.start <= m.start < later.end or m.actor is None or m.actor.type != "person":
            continue
        root = cast.doc[m.start:m.end].root
        first = m.end - m.start >= 2 and min(x.start for x in m.actor.mentions) == m.start and \
            root.dep_ == "nsubj" and root.head.lemma_.lower() in reporting
        opens = m.start < sent.end and all(i in cast.role_tokens for i in range(sent.start, m.start))
        if opens and first:
            return m.actor
        if first and singular in m.actor.role_heads:
            titled.add(id(m.actor))
            holder = m.actor
    return holder if len(titled) == 1 else None


def _speaker_just_before(cast: Cast, tok: Token, singular: str, modifiers: set[str]) -> _Actor | None:
    """'X said in Washington. Asked ..., the Pentagon spokesman said': a title no one in the story has
    had, the subject of a reporting verb, names the person who spoke in the sentence before (the
    latest named subject of a reporting verb there), unless the words of the description name a
    country that person is known not to be of."""
    reporting = reporting_lemmas()
    if not _a_title(cast, singular) or tok.dep_ != "nsubj" or tok.head.lemma_.lower() not in reporting:
        return None
    sents = list(cast.doc.sents)
    k = next((n for n, s in enumerate(sents) if s.start == tok.sent.start), 0)
    if k == 0:
        return None
    before = sents[k - 1]
    countries = {country_of(w) for w in modifiers} | {c for _i, c, _p in _match_institutions(sorted(modifiers), "", cast.home)}
    countries.discard("")
    best = None
    for m in cast.mentions:
        root = cast.doc[m.start:m.end].root
        if m.actor is None or m.actor.type != "person" or not before.start <= m.start < before.end:
            continue
        if root.dep_ != "nsubj" or root.head.lemma_.lower() not in reporting:
            continue
        if m.actor.country and countries and m.actor.country not in countries:
            continue
        if best is None or m.start > best.start:
            best = m
    return best.actor if best is not None else None


def _salient_person(cast: Cast, tok: Token, modifiers: set[str], title_only: bool = False) -> _Actor | None:
    """'the real estate tycoon', 'the bespectacled 71-year-old diplomat' with no one of that role:
    a definite description of the person the story has just been about (a named person who was
    the subject of one of the two sentences before), unless the description names a country or an
    institution that person does not have."""
    parties = _party_words(cast)
    national = any(country_of(m) for m in modifiers) and not modifiers & set(cast.g.rules["one_of_a_kind_modifiers"])
    if not (modifiers or title_only) or national or (modifiers - parties) & cast.g.institution_words:
        return None  # a bare "the official" is a source of its own; "the U.S. official" another one (but
        #              "the top U.S. diplomat" is one person: the one the story is about)
    sent = tok.sent
    starts = [s.start for s in cast.doc.sents]
    k = starts.index(sent.start) if sent.start in starts else -1
    window = set(range(starts[max(0, k - 2)], sent.start)) if k >= 0 else set()
    best = None
    for m in cast.mentions:
        if m.actor is None or m.actor.type != "person" or not m.subject or m.start not in window:
            continue
        inst = m.actor.institution.lower()
        if inst and any(w not in inst for w in modifiers & parties):
            continue  # "the Democratic candidate" is not the Republican, nor the judge, just met
        if best is None or m.start > best.start:
            best = m
    return best.actor if best is not None else None


def _party_words(cast: Cast) -> frozenset[str]:
    """The words naming a political party ('republican', 'democratic') in ``institutions.csv``: a
    description with one ('the Republican presidential candidate') still fits a person of no
    known institution or of that party."""
    return frozenset(words[0] for words, _inst, _country, _proper, kind in cast.g.institutions if kind == "party")
