"""Reported speech: a reporting verb's content and speaker, and reporting headings.

The first pass of :func:`analysis.quotes.find_statements`.
:func:`reported_speech` reads every reporting verb (a lemma of
``analysis/data/reporting_verbs.csv`` tagged as a verb, outside quotations
and the dateline, not negated) and returns candidate statements of kind
``indirect`` or ``mixed`` with their speaker tokens, not yet resolved to
actors; :func:`headlines` adds the statements of a heading that reports one ("WHITE HOUSE
SAYS ..."). "According to X" has no reporting verb and is not a statement (gold/GUIDELINE.md).

The method follows the verb's parse (the approach of the Gender Gap
Tracker's quote extractor): the content is the clause complement (``ccomp``, and
``xcomp`` for verbs whose content may be either) or, for verbs that report an
object ("denied the report", "called for talks"), the object with what
follows it (:func:`content_of`); the speaker is the verb's subject
(:func:`analysis.quotes.verb_subject`). Three constructions get rules of
their own: the parenthetical attribution "A, said one official, had known B"
(:func:`parenthetical`), the inverted one "Y, X told reporters."
(:func:`inverted_content`) and the passive "X, described by Y as Z", whose
speaker is the agent Y, not the subject (:func:`passive`); with no agent, "X is said to be Z" is said by
no one named (:func:`said_of_the_subject`). A reported clause runs to the end of its sentence
unless something there has an attribution of its own
(:func:`rest_of_sentence`).
"""
from __future__ import annotations

from spacy.tokens import Token

from .actors import gazetteer
from .corpus import headline_sentences
from .nlp import forms
from .quotes import Reading, _Statement, content_words, span_of

_OBJECT_TAIL = {"prep", "advcl", "xcomp", "ccomp", "oprd", "dative", "acomp", "npadvmod", "advmod", "relcl", "dep"}


def reporting_verb_tokens(rd: Reading) -> list[Token]:
    """The reporting verbs of the article outside quotations and the dateline, in text order."""
    doc = rd.doc
    return [
        t for t in (doc[i] for i in forms(doc).where_lemma(rd.verbs))
        if t.pos_ in ("VERB",) and rd.quote_of(t) is None and t.idx >= rd.dateline_end and _whole_phrase(rd, t)
        and not _a_noun_after_all(t)
    ]


def _a_noun_after_all(tok: Token) -> bool:
    """A 'verb' with a possessor or a determiner is a noun the tagger missed ('defended his comments')."""
    return any(c.dep_ in ("poss", "det") and c.i < tok.i for c in tok.children) or (
        tok.i > 0 and tok.doc[tok.i - 1].tag_ in ("PRP$", "POS"))


def _whole_phrase(rd: Reading, tok: Token) -> bool:
    """A verb of a two-word reporting phrase reports only with its second word ("made clear"), and a
    reporting verb with a particle or an object of another sense does not report ("called off the
    deal", "claimed the lives of")."""
    lemma = tok.lemma_.lower()
    other = rd.rules["other_senses"].get(lemma, [])
    if any(c.dep_ == "prt" and c.lower_ in other for c in tok.children):
        return False
    objects = rd.rules["other_objects"].get(lemma, [])
    for c in (c for c in tok.children if c.dep_ == "dobj"):
        # the object's noun, or the one its "of" measures ("claimed hundreds of lives")
        if c.lower_ in objects or any(p.lower_ == "of" and any(o.lower_ in objects for o in p.children)
                                      for p in c.children):
            return False
    words = rd.rules["phrasal_reporting"].get(lemma)
    return words is None or _second_word(tok, words) is not None


def _second_word(tok: Token, words: list[str]) -> Token | None:
    """The second word of a two-word reporting phrase: a child of the verb ("made it clear that"), or
    the word right after it, which the parser may hang on the reported clause ("made clear it would")."""
    found = [c for c in tok.children if c.lower_ in words]
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if not found and nxt is not None and nxt.lower_ in words:
        found = [nxt]
    return max(found, key=lambda t: t.i) if found else None


def reported_speech(rd: Reading, verbs: list[Token]) -> tuple[list[_Statement], dict[tuple[int, int], Token]]:
    """Statements of reported speech, one per reporting verb with content and a speaker.

    Also returns, for a quotation that is the whole content of a verb, that
    verb (the direct-quotation pass attributes the quotation to it).
    """
    used_for_quote: dict[tuple[int, int], Token] = {}
    candidates: list[_Statement] = []
    for v in verbs:
        if any(c.dep_ == "neg" for c in v.children):
            continue  # "would not confirm": a statement not made
        paren = passive(v) or parenthetical(rd, v)
        impersonal: list[Token] = []
        if paren is not None:
            speaker, content = paren
            if not speaker and not content:
                content = impersonal = said_of_the_subject(rd, v)  # "X is said to be Y": no one named
        else:
            speaker = _participle_speaker(rd, v, verbs) or rd.subject_of(v)
            content = content_of(rd, v)
            if not content and speaker:
                content = inverted_content(rd, v, speaker)
        words = content_words(content)
        if not words:
            continue
        outside = [t for t in words if rd.quote_of(t) is None]
        inside = {rd.quote_of(t) for t in words if rd.quote_of(t) is not None}
        if not outside:
            for q in inside:
                used_for_quote.setdefault(q, v)
            continue
        if not impersonal and (not speaker or not inside and _no_one(rd, speaker)):
            continue  # quoted words are someone's: kept, even when the text does not say whose
        if _not_yet_made(rd, v):
            continue  # "will announce his verdict": a speech act to come is no statement
        if _a_physical_act(rd, v):
            continue  # "blasting the city": an attack, not a statement
        cs, ce = span_of(content)
        if cs < 0:
            continue
        kind = "mixed" if any(cs <= q[0] and q[1] <= ce for q in rd.quotes) else "indirect"
        st = _Statement(kind, cs, ce, v.lemma_.lower(), v)
        st.speaker_tokens = speaker
        candidates.append(st)
    return candidates, used_for_quote


def passive(verb: Token) -> tuple[list[Token], list[Token]] | None:
    """A reporting verb in the passive ("X, described by the Pentagon as Y", "Z was hailed by W as
    ..."): its grammatical subject is the one spoken of, not the speaker. The agent of its "by"
    phrase speaks, and what it says is the subject with the complement ("as Y"); with no agent or no
    complement there is no statement ("X is accused of Y", "a show written by Z"): the speaker and
    content are empty. None for a verb in the active."""
    if verb.tag_ != "VBN" or not (verb.dep_ == "acl" or any(c.dep_ == "auxpass" for c in verb.children)):
        return None
    agent = [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    complements = [c for c in verb.children if c.dep_ in ("oprd", "ccomp", "xcomp")
                   or c.dep_ == "prep" and c.lower_ == "as"]
    if not agent or not complements:
        return [], []
    toks = {t for c in verb.children if c.dep_ == "nsubjpass" for t in c.subtree}
    if verb.dep_ == "acl":  # "X, described by Y as Z": X up to its description
        toks.update(t for t in verb.head.subtree if t.i < verb.i)
    toks.update(t for c in complements for t in c.subtree)
    return agent[:1], sorted((t for t in toks if not t.is_space), key=lambda t: t.i)


def said_of_the_subject(rd: Reading, verb: Token) -> list[Token]:
    """'The tape is alleged to show X', 'he was said to have been shot', 'air support was reported to
    help the army': a verb of saying in the passive with an infinitive and no agent reports what
    someone the text does not name says of the subject (Quirk et al. 1985, 16.31: the passive of
    "they say that X is Y"). The statement is the infinitive; its speaker is unresolved. Not a verb
    whose first object is the one spoken to ("was told to leave", "was urged to": a request to the
    subject, ``addressee_verbs`` in ``quote_rules.yml``)."""
    if verb.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in verb.children) or \
            rd.verbs[verb.lemma_.lower()] not in ("clause", "both") or \
            verb.lemma_.lower() in rd.rules["addressee_verbs"] or any(c.dep_ == "agent" for c in verb.children):
        return []
    clause = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i and any(
        x.tag_ == "TO" and x.dep_ == "aux" for x in c.children)), None)  # "to be", "to have been shot"
    if clause is None or not any(c.dep_ == "nsubjpass" for c in verb.children):
        return []
    return [t for t in clause.subtree if not t.is_space]


def _no_one(rd: Reading, speaker: list[Token]) -> bool:
    """A subject that cannot speak: a lower-case singular common noun naming no actor, person,
    institution or document ('Only time will tell if ...'): not a statement. Plural nouns are let
    through: the person-noun list cannot hold every group that speaks ('Campaigners claimed'). A
    nationality or name that only describes the thing ('heavy Russian air support was reported')
    does not make it speak; a possessor does ('the Kremlin's response')."""
    g = gazetteer()
    documents = set(rd.rules["document_nouns"])
    return all(
        t.tag_ == "NN" and t.text.islower() and not t.ent_type_
        and not any(x.i in rd.token_actor and not (x.head.i == t.i and x.dep_ in ("amod", "compound"))
                    for x in t.subtree)
        and t.lower_ not in g.person_nouns and t.lower_ not in g.titles and t.lemma_.lower() not in documents
        and t.lower_ not in g.institution_words and t.lemma_.lower() not in g.institution_words
        for t in speaker)


def _not_yet_made(rd: Reading, verb: Token) -> bool:
    """A reporting verb under a modal of the future or of possibility (``unmade_modals`` in
    ``quote_rules.yml``): "X will announce his verdict", "a dispute which could threaten services",
    "unions will advise members to reject the offer" (the modal on the verb whose infinitive it is).
    A speech act still to come or only possible was not made (gold/GUIDELINE.md section 3)."""
    modals = set(rd.rules["unmade_modals"])
    verbs = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]
    # (a lower-case modal: "Will wrote" is the columnist George Will, whatever the parser made of him)
    return any(c.dep_ == "aux" and c.lower_ in modals and c.text[:1].islower() for v in verbs for c in v.children)


def _a_physical_act(rd: Reading, verb: Token) -> bool:
    """A verb of criticism that also names a physical attack ("blasted X", "slammed X":
    ``physical_senses`` in ``quote_rules.yml``) used in that sense: its object is a place ("blasting
    the city") or it is done by those ordered to ("ordered his forces to blast ...")."""
    if verb.lemma_.lower() not in rd.rules["physical_senses"]:
        return False
    if any(c.dep_ == "dobj" and c.ent_type_ in ("GPE", "LOC", "FAC") for c in verb.children):
        return True
    head = verb.head
    return verb.dep_ == "xcomp" and any(c.dep_ == "dobj" and c.lower_ in gazetteer().person_nouns
                                        for c in head.children)


def _participle_speaker(rd: Reading, verb: Token, verbs: list[Token]) -> list[Token]:
    """'X stressed that “...,” suggesting Y': a participle the parser hung on a word inside the
    quotation speaks with the reporting verb that introduced the quotation."""
    if verb.tag_ != "VBG" or rd.quote_of(verb) is not None or rd.quote_of(verb.head) is None:
        return []
    intro = [u for u in verbs if u.i < verb.i and u.sent.start == verb.sent.start and u is not verb]
    return rd.subject_of(intro[-1]) if intro else []


def content_of(rd: Reading, verb: Token) -> list[Token]:
    """The reported words of a reporting verb (may be empty)."""
    mode = rd.verbs[verb.lemma_.lower()]
    toks: set[Token] = set()
    if mode in ("clause", "both"):
        toks = _clause_content(rd, verb, mode)
        if toks:
            speaker = rd.subject_of(verb)
            inverted = bool(speaker) and min(t.i for t in speaker) > verb.i
            for s in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
                if inverted and s not in speaker and s.i < verb.i:
                    toks.update(s.subtree)  # "The Russians, said one official, had known ..."
            toks.update(rest_of_sentence(rd, verb, toks))
    if not toks and mode == "clause":  # "says a man left ...": a clause the parser split
        toks = _misparsed_clause(rd, verb)
        toks.update(rest_of_sentence(rd, verb, toks))
    if not toks and mode in ("object", "both"):
        toks = _object_content(rd, verb)
    if not toks:  # "joked about moving abroad", "boasts of his record", "warned of X", "spoke of X"
        toks = _topic_content(rd, verb)
        toks.update(rest_of_sentence(rd, verb, toks))
    toks = {t for t in toks if t.idx >= rd.dateline_end}  # "NEW YORK (Reuters) - Y, people said": not the dateline
    words = rd.rules["phrasal_reporting"].get(verb.lemma_.lower())
    if words:  # "made (it) clear that X": X
        second = _second_word(verb, words).i
        toks = {t for t in toks if t.i > second}
    outside = [t for t in content_words(toks) if rd.quote_of(t) is None]
    inside = [t for t in content_words(toks) if rd.quote_of(t) is not None]
    if outside and not inside and all(t.lower_ in rd.rules["relative_pronouns"] and t.tag_ != "DT" for t in outside):
        return []  # "something that Moscow denies": no reported words ("Moscow denies that" has some)
    return sorted(toks, key=lambda t: t.i)


def _clause_content(rd: Reading, verb: Token, mode: str) -> set[Token]:
    """The clause complements of a reporting verb, each cut before a report of its own."""
    toks: set[Token] = set()
    has_object = any(c.dep_ in ("dobj", "dative") for c in verb.children)
    for c in verb.children:
        if c.dep_ == "xcomp" and verb.lemma_.lower() == "ask" and not has_object:
            continue  # "who asked not to be named": no request to anyone
        if c.dep_ == "ccomp" and reports_content(rd, c) and c.i > verb.i and not any(
                x.dep_ in ("nsubj", "nsubjpass") for x in c.children):
            continue  # "said X, described Y and accused Z": reports of their own
        if c.dep_ == "ccomp" and c.i < verb.i and reports_content(rd, c) and rd.quote_of(c) is None \
                and rd.subject_of(c) and _relayed(rd, c, verb):
            continue  # "X said Y, the agency reported": X's statement, relayed (gold/GUIDELINE.md section 3)
        to = _infinitive_mark(c) if mode == "both" and has_object and c.dep_ == "conj" else None
        # "told residents not to drink ...": a request told to someone
        request = c.dep_ == "xcomp" and has_object and _infinitive_mark(c) is not None
        if c.dep_ in ("ccomp",) or (c.dep_ == "xcomp" and mode == "both") or request or to is not None:
            sub = _subject_read_as_object(rd, verb, c) + _before_own_report(rd, c)
            if to is not None:  # "urged citizens in X, Y and Z to seek ...": the parser made the request a conjunct
                sub = [t for t in sub if t.i >= to.i]
            outside = [t for t in content_words(sub) if rd.quote_of(t) is None]
            other_quotes = {rd.quote_of(t) for t in sub if rd.quote_of(t) is not None}
            # the marks enclose the whole clause (but for "that"): the verb attributes a quotation;
            # a subject or verb outside them makes the clause mixed ("said X would “...”")
            attribution = not [t for t in outside if t.dep_ != "mark"] or len(other_quotes) > 1 or any(
                reports(rd, t) and t.i != verb.i for t in outside)
            if rd.quote_of(c) is not None and attribution:
                toks.add(c)  # the clause is a quotation: the verb attributes it
                continue
            toks.update(sub)
    return toks


def _subject_read_as_object(rd: Reading, verb: Token, clause: Token) -> list[Token]:
    """'claims the damage bill from the attacks over the past month has reached $2 million': a
    clause with no subject of its own after an object of the verb, whose long subject the parser
    read as that object. The words from the object to the clause are the clause's. Not an
    addressee ("told CNN that ...", "told residents not to drink"): a person or an organisation,
    a person noun or title, the first object of a verb of telling (``addressee_verbs`` in
    ``quote_rules.yml``), or a clause opened by "that" or "to"."""
    if clause.dep_ != "ccomp" or clause.i < verb.i or any(
            x.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "mark") or x.tag_ == "TO" for x in clause.children):
        return []
    obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.i), None)
    g = gazetteer()
    if obj is None or obj.ent_type_ in ("PERSON", "ORG", "NORP") or obj.lower_ in g.person_nouns or \
            obj.lower_ in g.titles:
        return []
    if verb.lemma_.lower() in rd.rules["addressee_verbs"] and obj.i in rd.token_actor and not any(
            c.dep_ == "dative" for c in verb.children):
        return []  # "told the commission, X and Y were at the meeting": the one spoken to
    return [t for t in verb.doc[obj.left_edge.i:clause.left_edge.i] if not t.is_space]


def _misparsed_clause(rd: Reading, verb: Token) -> set[Token]:
    """The reported clause of a verb of saying that the parser did not make its complement: "says
    a 28-year-old man left Australia", "says damage to the buildings ranged from ..." (the clause's
    subject read as the verb's object, its verb as a participle on it). Not an addressee's phrase
    ("told reporters gathered outside": a person noun or an actor) nor a description set off by a
    comma or with an agent of its own. Or a "that" clause hung on a noun (:func:`_that_clause_on_a_noun`)."""
    g = gazetteer()
    clause = _that_clause_on_a_noun(verb) or _fronted_phrase_clause(verb)
    if clause:
        return clause
    for c in verb.children:
        if c.dep_ != "dobj" or c.i < verb.i or rd.quote_of(c) is not None or c.i in rd.token_actor or \
                c.lower_ in g.person_nouns or c.lower_ in g.titles:
            continue
        for v in c.subtree:
            if v.dep_ == "acl" and v.pos_ == "VERB" and v.tag_ in ("VBD", "VBZ", "VBP", "VBN") and \
                    v.doc[v.i - 1].text != "," and not any(x.dep_ in ("nsubj", "nsubjpass", "agent") for x in v.children):
                return set(t for t in c.subtree if not t.is_space)
    return set()


def _fronted_phrase_clause(verb: Token) -> set[Token]:
    """'says despite the win, the side can never be taken lightly', 'says for nearly 24 hours he did
    not know ...': a reported clause that opens with a phrase of its own, which the parser made an
    adverbial clause of the verb. Right after the verb, with a subject of its own and no word that
    subordinates it ("says it will go ahead if ...", "said so when ..." keep their marker)."""
    for c in verb.children:
        if c.dep_ == "advcl" and c.i > verb.i and c.left_edge.i == verb.i + 1 and \
                c.left_edge.dep_ == "prep" and not any(x.dep_ == "mark" for x in c.children) and \
                any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children):
            return set(t for t in c.subtree if not t.is_space)
    return set()


def _that_clause_on_a_noun(verb: Token) -> set[Token]:
    """A "that" clause the parser hung on the noun of the verb's own phrase ("said at the time that
    the military ...", "said to the secretary that he ...": a relative clause of "time" to the
    parser): with a subject of its own and "that" right after the noun, it is what was said."""
    for p in (c for c in verb.children if c.dep_ == "prep" and c.i > verb.i):
        for o in (x for x in p.children if x.dep_ == "pobj"):
            for r in o.children:
                if r.dep_ in ("relcl", "acl") and any(c.lower_ == "that" and c.i == o.i + 1 for c in r.children) \
                        and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that" for c in r.children):
                    return set(t for t in r.subtree if not t.is_space)
    return set()


def _before_own_report(rd: Reading, head: Token) -> list[Token]:
    """The subtree of ``head`` up to a conjoined report of its own: "said he supported X but warned
    that Y", "calling for X to act and saying Y": the second report is its own statement."""
    sub = list(head.subtree)
    cut = [d for d in head.children if d.dep_ == "conj" and reports_content(rd, d) and d.i > head.i]
    if cut:
        first = min(min(t.i for t in d.subtree) for d in cut)
        sub = [t for t in sub if t.i < first]
        while sub and (sub[-1].dep_ == "cc" or sub[-1].is_punct):
            sub.pop()
    return sub


def _topic_content(rd: Reading, verb: Token) -> set[Token]:
    """The "about"/"of" phrase of a verb of complaining or joking ("bragged about X", "boasts of X"):
    what it says is about that (``topic_verbs`` in ``quote_rules.yml``)."""
    preps = rd.rules["topic_verbs"].get(verb.lemma_.lower(), [])
    phrase = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in preps and c.i > verb.i), None)
    return {t for t in phrase.subtree if not t.is_space} if phrase is not None else set()


def _infinitive_mark(verb: Token) -> Token | None:
    """The 'to' of an infinitive verb ('to seek'), if it is one."""
    return next((c for c in verb.children if c.dep_ == "aux" and c.tag_ == "TO" and c.i < verb.i), None) \
        if verb.tag_ == "VB" else None


def _object_content(rd: Reading, verb: Token) -> set[Token]:
    """The object of a reporting verb and what follows it ("called for X to ...", "denied X")."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")]
    if not objs:  # "called for X to ...", "called on X to ..." (the parser may read "on" as a particle)
        objs = [o for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ in ("for", "on")
                for o in c.children if o.dep_ == "pobj" and (c.lower_ == "for" or _asked_to_act(verb, o))]
    if not objs:  # "calling for Pakistan to take ...": the parser made "for" the mark of a clause
        objs = [c for c in verb.children if c.dep_ in ("advcl", "ccomp") and c.i > verb.i
                and any(m.dep_ == "mark" and m.lower_ == "for" and m.i == verb.i + 1 for m in c.children)]
    if not objs:
        objs = _object_read_as_clause(verb)
    if not objs:
        return set()
    obj = _before_own_report(rd, objs[0])
    start = min(t.i for t in obj if not (t.dep_ == "mark" and t.lower_ == "for"))
    # not into a report of its own ("rejected X, while Y said Z")
    tail = [c for c in verb.children if c.i > objs[0].i and c.dep_ in _OBJECT_TAIL and not (
        reports_content(rd, c) and any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children))]
    end = max([t.i for t in obj] + [t.i for c in tail for t in c.subtree])
    return {t for t in rd.doc[start:end + 1] if not t.is_space}


def _object_read_as_clause(verb: Token) -> list[Token]:
    """'called the president's surprise move a “significant development”': a verb that reports an object has
    no clause of its own, so a clause the parser hung on it right after it ("move" read as a verb)
    is the object with its complement."""
    return [c for c in verb.children if c.dep_ == "ccomp" and c.left_edge.i == verb.i + 1]


def _asked_to_act(verb: Token, obj: Token) -> bool:
    """'called on X to act': an infinitive follows the one called on ('reports on the war': none)."""
    return any(t.tag_ == "TO" and t.i > obj.i for t in verb.subtree if t.i <= obj.right_edge.i + 2)


def reports(rd: Reading, tok: Token) -> bool:
    """Is ``tok`` a reporting verb (by lemma and part of speech)?"""
    return tok.lemma_.lower() in rd.verbs and tok.pos_ == "VERB" and _whole_phrase(rd, tok)


def reports_content(rd: Reading, tok: Token) -> bool:
    """A reporting verb used to report ("warned that ...", "described X as ..."),
    not in another sense ("maintains a dose of skepticism")."""
    if not reports(rd, tok):
        return False
    mode = rd.verbs[tok.lemma_.lower()]
    if mode == "topic":  # "spoke of X": only its topic phrase
        return bool(_topic_content(rd, tok))
    deps = {c.dep_ for c in tok.children}
    said = bool(deps & {"ccomp"}) if mode == "clause" else bool(deps & {"ccomp", "dobj", "xcomp"})
    return said or bool(_topic_content(rd, tok))  # "complained about X", "objected to X"


def rest_of_sentence(rd: Reading, verb: Token, toks: set[Token]) -> list[Token]:
    """'X said Y, though Z': the reported clause runs to the end of the sentence,
    unless the reporting verb has a coordinated clause or another reporting verb of its own."""
    if not toks or min(t.i for t in toks) < verb.i:
        return []
    if verb.dep_ in ("relcl", "acl", "advcl", "xcomp", "pcomp", "ccomp"):
        return []  # "officials who argue that X met on Monday": the clause ends with the relative clause
    stop = [c.left_edge.i for c in verb.children if c.i > verb.i and c.dep_ in ("conj", "cc")]
    sent, parse = verb.sent, forms(rd.doc)
    stop += [i for i in range(verb.i + 1, sent.end) if parse.lower[i] in rd.rules["according_to"]]
    last = max(t.i for t in toks)
    # nor across a quotation that begins after the clause: it has its own attribution
    stop += [t.i for t in sent[max(last + 1 - sent.start, 0):]
             if t.text in "\u201c\u2018:" or rd.quote_of(t) is not None
             or (reports(rd, t) and t.dep_ in ("ROOT", "conj"))]
    end = min(stop + [sent.end])
    return [t for t in rd.doc[last + 1:end] if not t.is_space]


def inverted_content(rd: Reading, verb: Token, speaker: list[Token]) -> list[Token]:
    """'Y, X told reporters.': the clause before the speaker is what was said."""
    if verb.dep_ not in ("ROOT", "conj", "parataxis", "ccomp") or not speaker:
        return []
    first = min(_phrase_start(rd, s) for s in speaker)
    if first > verb.i:
        first = verb.i  # "Y, said X."
    before = [t for t in verb.sent if t.i < first and t.idx >= rd.dateline_end and not t.is_space]
    if not before or before[-1].text != ",":
        return []
    if not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in before):
        return []  # "Advised by X, the groups are demanding ...": not a clause that was said
    relayed = [t for t in before if reports_content(rd, t) and rd.quote_of(t) is None and rd.subject_of(t)]
    if any(_relayed(rd, t, verb) for t in relayed):
        # "X said Y, the agency reported": X's statement, relayed (gold/GUIDELINE.md section 3); "When
        # X asked Y, he replied": no statement of the verb after it
        return []
    return before


def _relayed(rd: Reading, inner: Token, verb: Token) -> bool:
    """Is the report ``inner`` before ``verb`` ("X said Y, Z reported") a statement of its own, which
    ``verb`` only relays or follows? It is when Z is a news medium (:func:`a_medium`), when X and Z
    are one actor ("he warned, “...,” X told Y"), or when the report is a subordinate clause ("When
    X asked Y, he replied"); else Z, a source that tells what X said or did, says it all."""
    if a_medium(rd, verb) or inner.dep_ == "advcl" or any(
            c.dep_ == "mark" or c.dep_ == "advmod" and c.tag_ == "WRB" for c in inner.children):
        return True
    outer = {rd.token_actor.get(t.i) for t in rd.subject_of(verb)} - {None}
    return bool(outer & {rd.token_actor.get(t.i) for t in rd.subject_of(inner)})


def a_medium(rd: Reading, verb: Token) -> bool:
    """Is the subject of a reporting verb a news medium ("the state news agency X reported", "public
    radio said"; ``media_nouns`` in ``quote_rules.yml``)? A medium relays what it reports someone said;
    an official or an office that tells what X said or did says the whole sentence itself."""
    media = set(rd.rules["media_nouns"])
    return any(t.lemma_.lower() in media or t.lower_ in media for s in rd.subject_of(verb) for t in s.subtree)


def _phrase_start(rd: Reading, speaker: Token) -> int:
    """First token of a speaker's phrase: its mention with the determiner and modifiers before it
    ("the ministry", "the U.S. White House")."""
    doc = rd.doc
    first = rd.mention_start(speaker)
    while first > speaker.left_edge.i and doc[first - 1].dep_ in ("det", "compound", "amod", "poss", "nmod") \
            and not doc[first - 1].is_punct:
        first -= 1
    return first


def parenthetical(rd: Reading, verb: Token) -> tuple[list[Token], list[Token]] | None:
    """'A, said one official, had known B': speaker between commas, content around them."""
    doc = rd.doc
    if verb.i == 0 or rd.verbs[verb.lemma_.lower()] != "clause":
        return None
    if doc[verb.i - 1].text != ",":
        return _parenthetical_subject_first(rd, verb)
    if verb.lemma_.lower() != "say" and any(c.dep_ in ("dobj", "dative") for c in verb.children if c.i > verb.i):
        return None  # "X, an attorney, told Y, ...": Y is told, not the speaker ("say" has no such object)
    for sub in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i):
        # "Another official, who ..., said ...", "A partner of X, Jane Roe, says ...": the speaker
        # comes first (a person named anywhere in the subject's phrase)
        if any(rd.info[rd.token_actor[t.i]]["type"] in ("person", "anonymous", "group")
               for t in sub.subtree if t.i in rd.token_actor):
            return None
    sent = verb.sent
    j = verb.i + 1
    speaker: list[Token] = []
    while j < sent.end and doc[j].text != ",":
        if j in rd.token_actor:
            speaker.append(doc[j])
        elif speaker:
            pass  # "one Western diplomat close to the talks": what follows describes the speaker
        elif not (doc[j].pos_ in ("DET", "NUM", "ADJ", "PRON")):
            if doc[j].lower_ not in rd.rules["singular_pronouns"]:
                return None
            speaker.append(doc[j])
        j += 1
    if not speaker or j >= sent.end - 1 or j - verb.i > 10:
        return None  # a parenthetical attribution is short
    heads = [t for t in speaker if t.head not in speaker] or speaker[-1:]
    # "A, said Jane Roe, a spokeswoman for X.": the apposition after the comma describes the speaker
    inner = set(range(verb.i - 1, j + 1)) | {x.i for h in heads for x in h.subtree if x.i > j}
    content = [t for t in sent if t.i not in inner and t.idx >= rd.dateline_end and not t.is_space]
    if not any(t.i < verb.i for t in content_words(content)) or not any(t.i > j for t in content_words(content)):
        return None
    return heads[:1], content


_PARENTHETICAL_TAIL = {"npadvmod", "advmod", "prep", "pobj", "det", "amod", "compound", "nummod"}


def _parenthetical_subject_first(rd: Reading, verb: Token) -> tuple[list[Token], list[Token]] | None:
    """'A, advisers say, B' / 'A, her advisers said Friday, because B': the speaker and verb set off
    by commas inside the clause they report (the whole sentence is the statement)."""
    doc = rd.doc
    subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i] or [
        t for t in rd.subject_of(verb) if t.i == verb.i - 1]  # "A, Will wrote, B": a name parsed as a modal
    if len(subs) != 1 or subs[0].i not in rd.token_actor and subs[0].lower_ not in rd.rules["singular_pronouns"]:
        return None
    left = subs[0].left_edge.i if subs[0].head == verb else subs[0].i
    if left < 1 or doc[left - 1].text != "," or verb.i - left > 6 or any(
            t.i < left or t.i >= verb.i for t in subs[0].subtree if t.dep_ in ("relcl", "acl")):
        return None
    j = verb.i + 1
    while j < verb.sent.end and doc[j].text != "," and doc[j].dep_ in _PARENTHETICAL_TAIL and j - verb.i <= 4:
        j += 1
    if j >= verb.sent.end - 1 or doc[j].text != ",":
        return None
    after = doc[j + 1]
    # "A, X said, but Y said B" / "..., adding B" / "“A,” X said, “B”": B has an attribution of its
    # own; but "In some places, he said, “we don't know ...”" is one clause, mixed
    quoted_before = rd.quote_of(doc[left - 2]) is not None or doc[left - 2].text in "\u201d\u2019"
    if after.dep_ == "cc" or after.tag_ == "VBG" or after.text in "\u201c\u2018" and quoted_before:
        return None
    if after.lower_ == "with" and any(reports(rd, t) and t.tag_ == "VBG" and any(
            c.dep_ == "nsubj" for c in t.children) for t in after.subtree):
        return None  # "A, X said, with one official describing B": the official's own statement
    inner = set(range(left - 1, j + 1))
    content = [t for t in verb.sent if t.i not in inner and t.idx >= rd.dateline_end and not t.is_space]
    if not any(t.i < left for t in content_words(content)) or not any(t.i > j for t in content_words(content)):
        return None
    return subs, content


def headlines(rd: Reading) -> list[_Statement]:
    """'WHITE HOUSE SAYS IT’S UP TO RUSSIA', 'Glenn Doe Blasts Critics for ...': a heading or a headline
    that reports a statement."""
    out = []
    irregular = rd.rules["irregular_forms"]
    heads = headline_sentences(rd.article)
    for seg in rd.article.sentences:
        if seg.kind != "heading" and seg.index not in heads:
            continue
        span = rd.doc.char_span(seg.clean_start, seg.clean_end, alignment_mode="expand")
        if span is None:
            continue
        for tok in span:
            low = tok.lower_
            lemma = irregular.get(low) or (low[:-1] if low.endswith("s") and low[:-1] in rd.verbs else "")
            lemma = lemma or (low[:-2] if low.endswith("ed") and low[:-2] in rd.verbs else "")
            lemma = lemma or (low[:-1] if low.endswith("ed") and low[:-1] in rd.verbs else "")
            if not lemma or lemma not in rd.verbs or lemma in rd.rules["phrasal_reporting"] or _a_noun_after_all(tok):
                continue
            who = [t for t in span if t.i < tok.i and t.i in rd.token_actor]
            what = [t for t in span if t.i > tok.i]
            # "X Blasts Y for Z, Quotes W": a headline's next clause begins after a comma or a dash
            cut = next((k for k, t in enumerate(what) if t.text in (",", ";", "\u2013", "\u2014")
                        and content_words(what[:k])), len(what))  # "X Praises, Laments Y": no cut yet
            what = what[:cut]
            if who and content_words(what):
                cs, ce = span_of(what)
                st = _Statement("indirect", cs, ce, lemma, tok)
                st.speaker_tokens = who[-1:]
                out.append(st)
            break
    return out
