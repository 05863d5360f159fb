"""A claim as a short statement a reader takes in at a glance: its gist.

:func:`gist` names a claim in at most :data:`GIST_WORDS` words built from its
clause: subject, predicate and complement ("Russia cannot be trusted", "The
toll would cost thousands of jobs"). The concepts of the discourse network
(:mod:`analysis.network`) are named by these gists, so a name is never cut
from the middle of a quotation.

The steps, each a small function over the parse:

1. the clause's main verb (:func:`_main_verb`); a verb of saying or thinking
   with a finite clause of its own gives way to that clause ("has proved that
   it cannot be trusted"), not to an infinitive ("would expect the council to
   drop it" keeps its verb);
2. the subject (:func:`_subject`): a pronoun or "I"/"we" becomes the actor it
   stands for, a relative pronoun the noun it stands for ("the levy, which
   would cost jobs": "The levy would cost jobs"), a clausal subject keeps its
   verb and object ("Firing the prosecutor"); a bare infinitive keeps no "to" ("Streamline the process",
   a proposal);
3. the predicate: auxiliaries, negation, the verb and its particle ("played
   down"), in number with a resolved subject ("we need" said by one person:
   "Moss needs"), contractions written out ("they're": "they are");
4. the complement (:func:`_complement`): object, attribute, prepositional
   phrase, or, for a verb with a clause ("need to make a case"), that clause's
   own verb and complement, recursively;
5. trimming (:func:`_trim`): a gist cut by the word budget never ends on a
   word that needs a continuation ("... about", "... the", "... which");
   a gist left without a verb ("Trump is", trimmed) is no statement, and the
   claim's own first words, trimmed the same way, are used instead.

Notes: the shape follows the subject-verb-object triples of textacy
(``extract/triples.py``) and the concept names of discourse network analysis
(Leifeld, *Discourse Network Analyzer* manual), short statements such as
"Russia cannot be trusted".
"""
from __future__ import annotations

from spacy.tokens import Token

from .actors import ActorTable
from .resources import load_csv, load_yaml

#: The most words a gist has.
GIST_WORDS = 8

_CONTRACTIONS = {"\u2019ve": "have", "'ve": "have", "\u2019re": "are", "'re": "are", "\u2019ll": "will", "'ll": "will",
                 "\u2019d": "would", "'d": "would", "n\u2019t": "not", "n't": "not", "\u2019m": "am", "'m": "am",
                 "ca": "can", "wo": "will"}
_AMBIGUOUS = {"\u2019d", "'d"}  # "had" or "would": only as an auxiliary is it read
_SINGULAR = {"have": "has", "are": "is", "were": "was", "do": "does", "am": "is"}
_FIRST = {"i", "we", "me", "us"}
_QUOTES = {"\u201c", "\u201d", '"', "\u2018", "\u2019", "''", "``"}
#: Where each reporting verb puts what is reported (``reporting_verbs.csv``): a verb of saying
#: ("say", "write") takes a clause or the words quoted, never an act it names.
_CONTENT = {row["lemma"].strip().lower(): row["content"].strip() for row in load_csv("reporting_verbs.csv")}
_NAME_SUFFIXES = frozenset(load_yaml("actor_rules.yml")["name_suffixes"])
_SUBJECTS = ("nsubj", "nsubjpass", "expl")
_CLAUSAL_SUBJECTS = ("csubj", "csubjpass")
_OBJECTS = ("dobj", "attr", "acomp", "oprd", "xcomp", "ccomp", "prep", "dative")
_MODIFIERS = ("amod", "compound", "nummod", "poss", "det", "neg", "advmod")
_OF_PREPOSITIONS = ("of", "on", "for", "to")
#: Parts of speech a statement cannot end on: it would need a continuation.
_DANGLING_POS = {"ADP", "DET", "CCONJ", "SCONJ", "PART", "AUX"}
_DANGLING_TAGS = {"WDT", "WP", "WP$", "PRP$", "TO", "IN", "DT", "CC", "MD"}

# A gist is built as a list of (word, token) pairs, so trimming can read the parse.
Words = list[tuple[str, Token]]


def _word(tok: Token) -> str:
    low = tok.lower_
    if low in _CONTRACTIONS and (tok.dep_ in ("aux", "neg", "auxpass") or low in ("ca", "wo")
                                 or (tok.pos_ in ("AUX", "VERB") and low not in _AMBIGUOUS)):
        return _CONTRACTIONS[low]  # "they're": the copula "are" too, not only an auxiliary
    if low in ("\u2019s", "'s") and tok.dep_ in ("aux", "auxpass", "ROOT"):
        return "is" if tok.dep_ != "aux" else "has"
    return tok.text


def _pairs(tokens) -> Words:
    return [(_word(t), t) for t in tokens if t.text not in _QUOTES and not t.is_space]


def _short_name(aid: str, actors: ActorTable) -> tuple[str, bool]:
    """A short name for an actor (a person's surname) and whether it is grammatically plural."""
    row = actors.info.get(aid, {})
    name = str(row.get("name", "")).removeprefix("unnamed ")
    if row.get("type") == "person":  # the surname, with its suffix ("Roe Jr.", "Elizabeth II"), not the suffix alone
        words = name.split()
        return " ".join(words[-2:] if len(words) > 1 and words[-1] in _NAME_SUFFIXES else words[-1:]), False
    plural = row.get("type") == "group"
    if row.get("type") == "anonymous":
        return f"an {name}" if name[:1].lower() in "aeiou" else f"a {name}", False
    return name, plural


def _phrase(head: Token, limit: int) -> Words:
    """A noun phrase cut to its head and closest modifiers ("every ceasefire agreement"),
    with one "of/on/for/to" complement when there is room ("the closure of offices")."""
    keep = [c for c in head.children if c.i < head.i and c.dep_ in _MODIFIERS]
    words = [t for c in keep for t in c.subtree if not t.is_punct or t.text in ("\u2019s", "'s")] + [head]
    words = sorted(set(words), key=lambda t: t.i)
    of = [c for c in head.children if c.dep_ == "prep" and c.i > head.i and c.lower_ in _OF_PREPOSITIONS]
    if of and len(words) + 2 <= limit:
        obj = [c for c in of[0].children if c.dep_ == "pobj"]
        if obj:  # only as many of its words as fit: the head noun is never cut away
            words += [of[0]] + [t for t in obj[0].subtree if t.i <= obj[0].i and not t.is_punct][
                -min(2, limit - len(words) - 1):]
    pairs = _pairs(words)
    pairs = pairs[-limit:] if len(pairs) > limit else pairs
    while len(pairs) > 1 and pairs[0][1].dep_ in ("case", "punct"):
        pairs = pairs[1:]  # a cut never opens on a possessive ending ("'s highest wage floors")
    return pairs


def _subject_of(verb: Token) -> Token | None:
    """The verb's subject; the parser sometimes hangs it on an auxiliary ("he’s had": "he"
    under "’s")."""
    for head in [verb] + [c for c in verb.children if c.dep_ in ("aux", "auxpass")]:
        subjects = [c for c in head.children if c.dep_ in _SUBJECTS]
        if subjects:  # two subjects ("which he said the government should pay for"): the noun
            return next((c for c in subjects if c.tag_ not in ("WDT", "WP")), subjects[0])
    return None


def _main_verb(words: list[Token], ids: set[int]) -> Token | None:
    """The verb the claim's clause hangs on (the first verb whose head lies outside the claim)."""
    verbs = [t for t in words if t.pos_ in ("VERB", "AUX") and (t.head.i not in ids or t.head.i == t.i)]
    verbs += [t for t in words if t.pos_ in ("VERB", "AUX") and t.dep_ in ("ccomp", "conj", "xcomp", "advcl")]
    verb = verbs[0] if verbs else None
    if verb is not None and not any(c.dep_ in ("dobj", "attr", "acomp") for c in verb.children):
        inner = [c for c in verb.children if c.dep_ == "ccomp" and c.i in ids and c.pos_ in ("VERB", "AUX")
                 and not any(a.tag_ == "TO" for a in c.children)]  # "expect X to be": the outer verb
        if inner and _subject_of(inner[0]) is not None:
            verb = inner[0]  # "has proved that it cannot be trusted": the inner clause
    return verb


def _subject(verb: Token, speakers: list[str], actors: ActorTable) -> tuple[Words, bool]:
    """The subject's words, and whether a plural pronoun stands for a single actor."""
    subj = _subject_of(verb)
    if subj is None:
        clausal = next((c for c in verb.children if c.dep_ in _CLAUSAL_SUBJECTS and c.i < verb.i), None)
        if clausal is None:
            return [], False
        return [(_word(clausal), clausal)] + _complement(clausal, {t.i for t in clausal.subtree}, 3, depth=1), False
    if subj.tag_ in ("WDT", "WP") and _antecedent(verb) is not None:
        return _phrase(_antecedent(verb), 3), False  # "..., which would cost jobs": the noun it stands for
    aid = actors.token_actor.get(subj.i, "")
    if subj.lower_ in _FIRST and speakers:
        aid = speakers[0]
    named = subj.pos_ == "PROPN" and actors.info.get(aid, {}).get("type") == "person"  # a surname, not the full title
    if aid and (subj.pos_ == "PRON" or named or subj.lower_ in _FIRST):
        name, plural = _short_name(aid, actors)
        plural_pronoun = subj.lower_ in ("they", "we") and not plural
        return [(w, subj) for w in name.split()], plural_pronoun
    return _phrase(subj, 3), False


def _antecedent(verb: Token) -> Token | None:
    """The noun a relative clause hangs on, for the verb of that clause or of a clause inside it
    ("the bill, which would cost"; "Germany, which the OECD says had")."""
    for t in [verb, *verb.ancestors]:
        if t.dep_ == "relcl":
            return t.head if t.head.pos_ in ("NOUN", "PROPN") else None
        if t.dep_ not in ("ccomp", "conj", "xcomp"):
            return None
    return None


def _predicate(verb: Token, subject: Words, plural_pronoun: bool) -> Words:
    """Auxiliaries, negation and the verb, agreeing with the subject."""
    parts = sorted([c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]
                   + [c for c in verb.children if c.dep_ == "neg" and c.i == verb.i + 1] + [verb],
                   key=lambda t: t.i)  # "it was not": a copula's negation follows it
    parts += [c for c in verb.children if c.dep_ == "prt" and c.i > verb.i]  # "played down", "gave up"
    out: Words = []
    for t in parts:
        if out and t.lower_ == "not" and not t.doc[t.i - 1].whitespace_ and t.doc[t.i - 1].lower_ == "can":
            out[-1] = ("cannot", out[-1][1])  # "cannot" is one word, though the tokenizer splits it
            continue
        out.append((_word(t), t))
    if not subject and out and out[0][1].tag_ == "TO":
        out = out[1:]  # "to streamline the process": a proposal, named as "Streamline the process"
    first_person = bool(subject) and subject[0][1].lower_ == "i"
    if (plural_pronoun or first_person) and out:
        out[0] = (_third_person(*out[0]), out[0][1])
    return out


def _third_person(word: str, tok: Token, present: bool = False) -> str:
    """The verb agreeing with a single actor that stands for "I" or "we" ("we need" -> "Smith
    needs"); a verb already in another form stays, unless ``present`` asks for the present of a
    lemma ("accuse" -> "accuses")."""
    low = word.lower()
    if low in _SINGULAR:
        return _SINGULAR[low]
    if (tok.tag_ != "VBP" and not present) or not low.isalpha():
        return word
    if low.endswith(("s", "sh", "ch", "x", "z", "o")):
        return word + "es"
    if low.endswith("y") and low[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _complement(verb: Token, ids: set[int], room: int, depth: int = 0) -> Words:
    """What the verb says of its subject: object, attribute, prepositional phrase, or the
    verb and complement of a clause it takes ("need to make a stronger case")."""
    if room <= 0:
        return []
    after = [c for c in verb.children if c.i > verb.i and c.i in ids]  # read once, not once per dependency
    for dep in _OBJECTS:
        child = next((c for c in after if c.dep_ == dep), None)
        if child is None:
            continue
        if dep == "prep":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            return [(child.text, child)] + (_phrase(pobj, room - 1) if pobj is not None else [])
        if dep in ("xcomp", "ccomp"):
            return _clause(child, ids, room, depth)
        return _phrase(child, room)
    return []


def _clause(verb: Token, ids: set[int], room: int, depth: int) -> Words:
    """A clause inside the complement: its subject (if any), auxiliaries, verb and complement."""
    if depth >= 2:
        inner = [t for t in verb.subtree if t.i in ids and not t.is_punct]
        return _pairs(inner)[:room]
    subj = _subject_of(verb)
    subj = subj if subj is not None and subj.i in ids else None
    head: Words = _phrase(subj, 2) if subj is not None else []
    marks = [c for c in verb.children if c.dep_ == "mark" and c.lower_ in ("if", "whether") and c.i in ids]
    head = _pairs(marks) + head  # "decide if they are going": the "if" carries the meaning
    head += _pairs(sorted([c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")
                           and c.i < verb.i and c.i in ids] + [verb], key=lambda t: t.i))
    return (head + _complement(verb, ids, room - len(head), depth + 1))[:room]


def dangling(tok: Token) -> bool:
    """A word that needs a continuation: a preposition, conjunction, auxiliary or "to", or a
    determiner or possessive that modifies a noun left out ("the", "his"); a determiner that
    is itself the object ("do both", "see that") is complete."""
    if tok.dep_ == "prt":
        return False  # "weigh in", "gave up": the particle completes its verb
    if tok.pos_ in ("DET", "PRON") or tok.tag_ in ("DT", "PRP$", "WDT", "WP", "WP$"):
        return tok.dep_ in ("det", "poss", "predet", "mark") or tok.tag_ in ("PRP$", "WDT", "WP", "WP$")
    return tok.pos_ in _DANGLING_POS or tok.tag_ in _DANGLING_TAGS


def _trim(words: Words) -> Words:
    """Drop words at the end that need a continuation ("... about", "... the", "... which")."""
    while words and (words[-1][1].is_punct or dangling(words[-1][1])):
        words = words[:-1]
    return words


#: Subjects a reader cannot resolve when the gist stands alone as a concept's name.
_PRONOUN_SUBJECTS = {"it", "they", "he", "she", "this", "that", "these", "those", "him", "them"}


def reads_alone(text: str) -> bool:
    """Whether a gist names its subject (not "It was disruptive"): the network prefers such a
    claim to name a concept."""
    words = text.split()
    return not (len(words) > 1 and words[0].lower() in _PRONOUN_SUBJECTS)


def _first_phrase(words: list[Token]) -> list[Token]:
    """The claim's words up to its first comma or relative clause ("anger about the proposal,
    which several called naive" -> "anger about the proposal")."""
    out = []
    for t in words:
        if out and (t.text in (",", ";", ":", "\u2014") or t.tag_ in ("WDT", "WP", "WP$")):
            break
        if not t.is_punct:
            out.append(t)
    return out


def _sentence(words: Words) -> str:
    text = " ".join(w for w, _t in words if w).replace(" \u2019s", "\u2019s").replace(" 's", "'s")
    return text[:1].upper() + text[1:]


def gist(piece: list[Token], speakers: list[str], actors: ActorTable, cue: frozenset[int] = frozenset()) -> str:
    """The claim as a short statement of at most :data:`GIST_WORDS` words: subject, predicate,
    complement ("Russia cannot be trusted"). Pronouns become the actor they stand for; "I" and
    "we" the speaker. A claim that is only the object of its reporting verb ("accused Obama of
    weakness") is said with that verb ("Trump accuses Obama of weakness"). When the parse gives no
    clause, or only a fragment, the claim's first words (cut where they read as a phrase)."""
    ids = {t.i for t in piece}
    words = [t for t in piece if not (t.is_space or t.text in _QUOTES)]
    if not words:
        return ""
    fallback = _sentence(_trim(_pairs(_first_phrase(words))[:GIST_WORDS])
                         or _pairs(t for t in words if not t.is_punct)[:GIST_WORDS])
    verb = _main_verb(words, ids)
    if verb is None:
        return _reported_act(words, ids, speakers, actors, cue) or fallback
    subject, plural_pronoun = _subject(verb, speakers, actors)
    predicate = _predicate(verb, subject, plural_pronoun)
    room = GIST_WORDS - len(subject) - len(predicate)
    out = _trim((subject + predicate + _complement(verb, ids, room))[:GIST_WORDS])
    if not any(t.pos_ in ("VERB", "AUX") for _w, t in out):
        return fallback  # "Trump is" trimmed to "Trump": no statement left
    return _sentence(out)


def _reported_act(words: list[Token], ids: set[int], speakers: list[str], actors: ActorTable,
                  cue: frozenset[int]) -> str:
    """'accused Obama of weakness', 'called for the resignation of X': a claim with no verb of its own
    that is the object of its reporting verb, said with that verb in the present and its speaker as
    subject ("Trump accuses Obama of weakness"); "" when it is not such an object."""
    verb = next((words[0].doc[i] for i in sorted(cue) if words[0].doc[i].pos_ == "VERB"), None)
    if verb is None or not speakers or any(t.pos_ in ("VERB", "AUX") for t in words) or \
            _CONTENT.get(verb.lemma_.lower()) == "clause" or any(t.text in _QUOTES or t.text == "?" for t in
                                                                 words[0].doc[min(verb.i, words[0].i):words[-1].i + 2]):
        return ""  # "said: 'A pathetic figure'", "asked: the bad ones?": words quoted, not an act the verb names
    heads = [t for t in words if t.head.i not in ids]
    if len(heads) != 1 or heads[0].head.i != verb.i and not (
            heads[0].head.dep_ == "prep" and heads[0].head.head.i == verb.i):
        return ""
    name, plural = _short_name(speakers[0], actors)
    if not name:
        return ""
    lemma = verb.lemma_.lower()
    form = lemma if plural else _third_person(lemma, verb, present=True)
    link = [c for c in verb.children if c.dep_ == "prt"] + [p for p in (heads[0].head,) if p.dep_ == "prep"]
    parts = [(w, verb) for w in name.split()] + [(form, verb)] + [(p.text, p) for p in link]  # "rules out"
    out = _trim((parts + _pairs(t for t in words if not t.is_punct))[:GIST_WORDS])
    return _sentence(out) if len(out) > len(parts) else ""
