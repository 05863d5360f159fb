"""Speakers: the actor behind the speaker words of each statement.

The last pass of :func:`analysis.quotes.find_statements`. :func:`attribute`
goes through the statements in text order: a statement with a reporting verb
gets the actors of its speaker tokens (:func:`resolve`); a floating quotation
continues the previous statement's speaker
(:func:`analysis.quotations.previous_speaker`). The statements attributed so
far are kept on the :class:`~analysis.quotes.Reading`, since a later "he
said" may fall back on them.

The method reads the actor table's ``token_actor`` (the mentions found by
:mod:`analysis.actors` and :mod:`analysis.coreference`): a subject token
that is a mention is its actor; a relative pronoun stands for the noun its
clause modifies; conjoined subjects are all speakers; a pronoun the actor
rules left unlinked falls back on the latest statement's speaker ("he", of
that gender, within two sentences) or the latest group, organisation or
country that was a subject outside quotations ("they"). A subject with no
actor is ``unresolved``.
"""
from __future__ import annotations

from spacy.tokens import Token

from .quotations import previous_speaker
from .quotes import Reading, _Statement


def attribute(rd: Reading, ordered: list[_Statement]) -> None:
    """Resolve each statement's speakers in text order and add it to ``rd.statements``."""
    for st in ordered:
        if st.verb is not None:
            ids, toks, unresolved = resolve(rd, st.speaker_tokens, st.verb)
            st.speakers, st.speaker_tokens, st.unresolved = ids, toks, unresolved
        else:
            prev = previous_speaker(rd, st)
            st.speakers = prev.speakers if prev else _introduced_person(rd, st)
            st.unresolved = not st.speakers
        rd.statements.append(st)


def _introduced_person(rd: Reading, st: _Statement) -> list[str]:
    """A floating quotation with no statement near before it: the person the sentence right before it
    is about, its subject, in the same paragraph or the one before ("The captain is not reading much
    into the milestone. 'I don't want to get carried away'"), as news introduces a speaker before
    quoting them. [] when that sentence's subject is no person, or is inside a quotation."""
    sents = [s for s in rd.doc.sents if s.end_char <= st.cs]
    if not sents or rd.paragraph(st.cs) - rd.paragraph(sents[-1].start_char) > 1:
        return []
    root = sents[-1].root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or rd.quote_of(subject) is not None:
        return []
    hit = next((t for t in subject.subtree if t.i in rd.token_actor), None)
    aid = rd.token_actor.get(hit.i, "") if hit is not None else ""
    return [aid] if aid and rd.info.get(aid, {}).get("type") == "person" else []


def resolve(rd: Reading, subject: list[Token], verb: Token) -> tuple[list[str], list[Token], bool]:
    """Actor ids for subject tokens; ``unresolved`` when the text does not settle it."""
    if not subject:
        return [], [], True
    rel = set(rd.rules["relative_pronouns"])
    ids: list[str] = []
    toks: list[Token] = []
    joint = _joint_speakers(rd, subject[0])
    if len(subject) == 1 and joint:
        return joint, list(subject), False
    for head in subject:
        if head.lower_ in rel:
            # "officials who argue ..." / "Republicans who have accused ... and say ...": the noun modified
            clause = next((v for v in [head.head, *head.head.ancestors] if v.dep_ == "relcl"), None)
            if clause is not None:
                head = _person_of(rd, head, clause.head)
        group = [head] + [c for c in head.conjuncts if c.i > head.i]
        for h in group:
            actor = actor_of(rd, h, verb)
            if actor and actor not in ids:
                ids.append(actor)
                toks.append(h)
    if ids:
        order = sorted(range(len(ids)), key=lambda k: toks[k].i)
        return [ids[k] for k in order], [toks[k] for k in order], False
    return [], list(subject), True


def _joint_speakers(rd: Reading, head: Token) -> list[str]:
    """'Both sides said', 'the two countries added', 'they said' right after a joint statement: the
    speakers of the latest statement with that many speakers, within two sentences ([] if none)."""
    low = head.lower_
    numbers = rd.rules["collective_numbers"]
    if low in ("both", "they"):
        if head.i in rd.token_actor:
            return []  # a pronoun the actor rules already settled
        count = numbers.get(low, 0)
    elif head.tag_ == "NNS":
        words = {c.lower_ for c in head.children if c.dep_ in ("det", "predet", "nummod")}
        count = next((numbers[w] for w in words if w in numbers), -1) if "the" in words or "both" in words else -1
        if count < 0 or head.i in rd.token_actor:
            return []
    else:
        return []
    k = rd.sent_index[head.i]
    for st in reversed(rd.statements):
        if k - rd.sent_index.get(st.verb.i if st.verb is not None else head.i, k) > 2:
            break
        if len(st.speakers) >= 2 and (not count or len(st.speakers) == count):
            return list(st.speakers)
        if st.speakers and low == "they":
            return []  # a later statement of one speaker: 'they' is not the pair any more
        if st.speakers:
            break  # 'both sides' after one side's statement: the sides are in the subjects
    return _joint_subject(rd, head, count) if low != "they" else []


def _joint_subject(rd: Reading, head: Token, count: int) -> list[str]:
    """'Democrats and Republicans have ... Both sides acknowledge': the actors of the latest
    conjoined subject outside quotations, in this sentence or the two before, if that many."""
    k = rd.sent_index[head.i]
    for t in reversed(rd.doc[max(0, head.sent.start - 200):head.i]):
        if k - rd.sent_index[t.i] > 2:
            break
        if t.dep_ not in ("nsubj", "nsubjpass") or t.i not in rd.token_actor or rd.quote_of(t) is not None:
            continue
        # "Democrats and Republicans have ...", or each side the subject of a conjoined clause
        # ("Unions have argued ..., but employers have insisted ...")
        verbs = [t.head, *t.head.conjuncts] if t.head.pos_ in ("VERB", "AUX") else [t.head]
        subjects = [x for v in verbs for c in v.children if c.dep_ in ("nsubj", "nsubjpass") for x in [c, *c.conjuncts]]
        ids = list(dict.fromkeys(rd.token_actor[x.i] for x in sorted({t, *t.conjuncts, *subjects}, key=lambda x: x.i)
                                 if x.i in rd.token_actor))
        if len(ids) >= 2:
            return ids if not count or len(ids) == count else []
    return []


def _person_of(rd: Reading, rel: Token, noun: Token) -> Token:
    """'X of the Y Division, who says ...': 'who' stands for the person X, not the organisation the
    parser hung the clause on; any other relative pronoun stands for ``noun``."""
    if rel.lower_ not in ("who", "whom") or noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return noun
    owner = noun.head.head
    kind = rd.info.get(rd.token_actor.get(noun.i, ""), {}).get("type")
    person = rd.info.get(rd.token_actor.get(owner.i, ""), {}).get("type")
    return owner if kind in ("organization", "country") and person in ("person", "anonymous") else noun


def actor_of(rd: Reading, head: Token, verb: Token) -> str:
    """The actor of one subject token (its mention, a pronoun's fallback, or a mention in its phrase)."""
    low = head.lower_
    singular = rd.rules["singular_pronouns"]
    if low in singular:
        # the actor rules tie "he said" to the subject of the last narrative sentence
        # or the latest speaker; without such a tie, fall back on the latest statement
        return rd.token_actor.get(head.i, "") or recent_speaker(rd, head, singular[low]) or \
            last_person_speaking(rd, head, singular[low])
    if low in rd.rules["plural_pronouns"]:
        return rd.token_actor.get(head.i, "") or recent_group(rd, head, verb)
    if head.i in rd.token_actor:
        return rd.token_actor[head.i]
    if head.lemma_.lower() in rd.rules["document_nouns"]:
        return issuer(rd, head, verb)
    for c in head.subtree:  # "A senior adviser, Jane Roe, told ...", "An offshoot of X, the Y Brigades,
        #                     said": the person, or the one body (not a list), named beside the description
        kind = rd.info[rd.token_actor[c.i]]["type"] if c.i in rd.token_actor else ""
        if c.i > head.i and c.dep_ in ("appos", "conj") and c.doc[min(x.i for x in c.subtree) - 1].text == "," and \
                (kind == "person" or kind == "organization" and not any(x.dep_ == "conj" for x in c.children)) and \
                head.lower_ not in rd.info[rd.token_actor[c.i]]["name"].lower():
            return rd.token_actor[c.i]
    # a token of the subject phrase that belongs to a mention ("Ambassador ... Smith"), not one
    # inside a clause that describes the subject ("The opposition, which met Smith, said")
    clauses = {x.i for c in head.subtree if c.dep_ in ("relcl", "acl") and c.i != head.i for x in c.subtree}
    last = rd.doc[verb.i - 1] if verb.i > head.i else None
    if last is not None and last.i in rd.token_actor and last.i not in clauses and \
            head.left_edge.i <= last.i <= head.right_edge.i and rd.info[rd.token_actor[last.i]]["type"] == "person":
        return rd.token_actor[last.i]  # "News of the X editor Jane Roe says": the name that ends the subject
    for t in head.subtree:
        if t.i in clauses or t.i >= verb.i > head.i:
            continue
        if t.i in rd.token_actor:
            return rd.token_actor[t.i]
    return ""


def issuer(rd: Reading, head: Token, verb: Token) -> str:
    """'the report said': the actor named in the document's phrase ("the CBO report", "a report
    released by X", "X's letter"), else the speaker of the latest statement, within two sentences,
    whose sentence names such a document ("In a statement, the company said ... The statement said")."""
    for t in head.subtree:
        if t.i in rd.token_actor and not t.i >= verb.i > head.i:
            return rd.token_actor[t.i]
    k = rd.sent_index[head.i]
    lemma = head.lemma_.lower()
    for st in reversed(rd.statements):
        if st.verb is None or st.verb.i >= head.i or not st.speakers:
            continue
        if k - rd.sent_index[st.verb.i] > 2:
            break
        if any(t.lemma_.lower() == lemma for t in st.verb.sent if t.i != head.i):
            return st.speakers[0]
    for t in reversed(rd.doc[:head.i]):  # the same document met before: whose it was
        if t.lemma_.lower() == lemma and t.pos_ == "NOUN" and rd.quote_of(t) is None:
            owner = _document_owner(rd, t)
            if owner:
                return owner
    return ""


def _document_owner(rd: Reading, doc_noun: Token) -> str:
    """Whose a document is where the text names it: an actor before the noun in its phrase ("X's
    letter", "the CBO report"), a name that ends right before it however the parser hung the noun
    on it, or its "by" phrase ("a report by X"); else the subject of the verb it is the object of
    ("X wrote a letter", "the ministry issued a statement")."""
    for c in doc_noun.lefts:
        for t in c.subtree:
            if t.i in rd.token_actor:
                return rd.token_actor[t.i]
    if doc_noun.i > 0 and doc_noun.i - 1 in rd.token_actor:
        return rd.token_actor[doc_noun.i - 1]  # "the X Institute report", the parse whatever it is
    for c in doc_noun.rights:  # "a report by accountancy firm X"
        if c.dep_ == "prep" and c.lower_ == "by":
            hit = next((t for t in c.subtree if t.i in rd.token_actor), None)
            if hit is not None:
                return rd.token_actor[hit.i]
    if doc_noun.dep_ == "dobj":
        for c in doc_noun.head.children:
            if c.dep_ == "nsubj" and c.i in rd.token_actor:
                return rd.token_actor[c.i]
    return ""


def recent_speaker(rd: Reading, tok: Token, gender: str) -> str:
    """'he said': the latest statement's speaker, if close enough and of that gender."""
    k = rd.sent_index[tok.i]
    for st in sorted(rd.statements, key=lambda s: -s.cs):
        if st.cs > tok.idx or not st.speakers or len(st.speakers) > 1:
            continue
        first = rd.doc.char_span(st.cs, st.ce, alignment_mode="expand")
        if first is None or k - rd.sent_index[first.start] > 2:
            return ""
        info = rd.info.get(st.speakers[0], {})
        if info.get("type") in ("person", "anonymous") and info.get("gender") in ("", gender):
            return st.speakers[0]
        return ""
    return ""


def last_person_speaking(rd: Reading, tok: Token, gender: str) -> str:
    """'he said' after a paragraph of background that names no one: the latest person mentioned
    before, outside quotations, if that person is of that gender (or of none known), has spoken
    already and was mentioned within ``pronoun_paragraphs`` paragraphs ('' otherwise: someone
    else met since is as likely)."""
    para = rd.paragraph(tok.idx)
    for t in reversed(rd.doc[:tok.i]):
        a = rd.token_actor.get(t.i)
        if not a or rd.quote_of(t) is not None or rd.info[a]["type"] not in ("person", "anonymous"):
            continue
        if para - rd.paragraph(t.idx) > int(rd.rules["pronoun_paragraphs"]) or \
                rd.info[a].get("gender") not in ("", gender):
            return ""
        return a if any(a in st.speakers for st in rd.statements) else ""
    return ""


def recent_group(rd: Reading, tok: Token, verb: Token | None = None) -> str:
    """'they said', 'it said': the latest group, organisation or country that was a subject within two
    sentences, outside quotations and outside what was reported (a speaker, not someone spoken of:
    "U.S. officials said they were helping Iraqi forces. ... they said"); for 'it', a document that
    spoke there ("The letter said ... It said") speaks for its issuer (:func:`issuer`)."""
    k = rd.sent_index[tok.i]
    first = tok.sent.start
    while first > 0 and k - rd.sent_index[first - 1] <= 2:
        first -= 1
    reported = [(st.cs, st.ce) for st in rd.statements]
    if verb is not None:  # "Y, they said": what this verb reports ("While X praised it, they said": not)
        reported += [(c.left_edge.idx, c.right_edge.idx + 1) for c in verb.children
                     if c.dep_ in ("ccomp", "parataxis", "xcomp")]
    documents = set(rd.rules["document_nouns"]) if tok.lower_ == "it" else set()
    for t in reversed(rd.doc[first:tok.i]):
        if t.dep_ not in ("nsubj", "nsubjpass", "pobj") or rd.quote_of(t) is not None or any(
                cs <= t.idx < ce for cs, ce in reported):
            continue
        a = rd.token_actor.get(t.i)
        if a and t.dep_ != "pobj" and rd.info[a]["type"] in ("group", "organization", "country"):
            return a
        if t.lemma_.lower() in documents and t.i not in rd.token_actor and _speaks_as_document(rd, t):
            return issuer(rd, t, t.head)
    return ""


def _speaks_as_document(rd: Reading, t: Token) -> bool:
    """A document that is a subject ("the letter said", "X's letter was sent to ...") or the source
    of an "according to" ("according to the letter")."""
    if t.dep_ == "pobj":
        return t.head.lower_ == "to" and t.head.i > 0 and rd.doc[t.head.i - 1].lower_ in rd.rules["according_to"]
    return True
