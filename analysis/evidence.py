"""Evidence of a voice's position on an issue from its own words, and from whom it speaks for.

Each pass is a generator of :class:`~analysis.reading.Evidence` (actor, source, reference,
score on the -2 .. +2 scale, the words that decided it, offsets, weight) for one issue;
:func:`analysis.stance.extract_stances` weighs them, with those of :mod:`analysis.reactions`
(the reporter's voice: framing, reactions, sides taken on other voices), into positions.

- :func:`owner_evidence`: the issue's owner and co-proposers (+2); :func:`camp_evidence`: those
  who speak for the owner (:mod:`analysis.camp`), +1 unless their words say more.
- :func:`claim_evidence`: the voice's own words: stance words, acts on the
  issue ("block the deal"), predicted consequences composed from good-for
  and bad-for verbs and the value of their object (the "+/-effect" events of
  Deng, Choi & Wiebe 2013), VADER's compound score (Hutto & Gilbert 2014),
  conditions that qualify support.
- :func:`act_evidence`: what the voice says of the issue's own act ("must close it", "has no power
  to suspend it").
- :func:`commitment_evidence`: the voice announces, in words about the issue, what it will do to
  carry it out ("told agencies it will pare back the offices"): the announcer backs it (+2).
- :func:`continuation_evidence`: that the issue should go on ("the investigation must continue").
- :func:`verdict_evidence`: what a voice's words call the issue itself ("such a stupid
  wall", "it's not good for the military"), by VADER's valence of the adjective.
- :func:`relayed_evidence`: spokespeople and offices relay whom they speak for.
- :func:`context_evidence`: the tone of a voice's words near the issue when
  nothing else is known, weighed lightly.

The shared reading the passes rely on (the article's :class:`~analysis.reading.Context`, stance
words in their clause, holders and targets, negation and hedges) is :mod:`analysis.reading`.
The words are in ``analysis/data/stance_lexicon.yml``.
"""

import re
from functools import lru_cache

from spacy.tokens import Token

from .actors import principal_chain
from .claims import nested_quotes
from .issue_references import rules as issue_rules
from .issues import Issue
from .reactions import _stance_words, acted_against, issue_partners, on_what_it_stops, stopped_by
from .reading import ANAPHORS, Context, Evidence, lexicon, political_valence, refused


# --------------------------------------------------------------------------- the passes

def owner_evidence(ctx: Context, issue: Issue):
    """The owner of an issue advocates it (+2)."""
    s, e = issue.mentions[0][:2] if issue.mentions else (0, 0)
    verb = "made the remark" if issue.kind == "contested" else "proposes or owns it"
    for owner in (issue.owner_id, *issue.co_owner_ids):
        if owner and owner in ctx.info:
            yield Evidence(owner, "owner", "owner", 2, verb, s, e, ctx.lex["weights"]["owner"])


def camp_evidence(ctx: Context, issue: Issue):
    """Those who speak for the owner of a policy (its spokespeople, aides, office and
    administration) support it unless their own words say otherwise: +1, for a spokesperson who
    only relays the line has no side of their own, and their words make it +2 or take it back."""
    if issue.kind != "policy":
        return
    w = ctx.lex["weights"]["camp"]
    owner = ctx.info.get(issue.owner_id, {}).get("name", "")
    for aid in sorted(ctx.camp(issue)):
        row = ctx.info[aid]
        yield Evidence(aid, "speaks_for", "role", 1, f"speaks for {owner}", int(row["first_start"]),
                        int(row["first_end"]), w)


@lru_cache(maxsize=1)
def _analyzer():
    """VADER's sentiment analyser (Hutto & Gilbert 2014), without the words that have no side
    in political talk (``not_evaluative`` in the lexicon file)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    for word, value in political_valence().items():
        analyzer.lexicon.setdefault(word, value)
    for word in lexicon()["not_evaluative"]:
        analyzer.lexicon.pop(word, None)
    return analyzer


#: Entity types whose words are names, not evaluations.
_NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "LAW", "EVENT", "WORK_OF_ART", "PRODUCT"})


def _in_name(ctx: Context, t: Token) -> bool:
    """Is a token part of a name: a proper noun, a named entity or a mention of an actor?"""
    return t.pos_ == "PROPN" or t.ent_type_ in _NAME_ENTS or t.i in ctx.ta


def _aimed_at_stopped(ctx: Context, t: Token, stopped: frozenset[str]) -> bool:
    """Is a word aimed at what a restrictive issue stops: its object or its "against" phrase names
    it ("fight against Islamic State", "kill the militants" in a campaign against them)?"""
    for c in t.children:
        if c.dep_ in ("dobj", "pobj") or c.dep_ == "prep" and c.lower_ == "against":
            if any(ctx.low[x.i] in stopped or ctx.lemma[x.i] in stopped for x in c.subtree):
                return True
    return False


def _harmful(ctx: Context, t: Token) -> bool:
    """A word of harm: VADER's valence at most -1 or a harmful object of ``valued`` ("terrorism")."""
    return ctx.lex["valence"].get(ctx.low[t.i], 0.0) <= -1.0 or ctx.lex["valued"].get(ctx.lemma[t.i]) == -1


def _against_harm(ctx: Context, t: Token) -> bool:
    """Is a word of harm one aimed against another harm ("war", "fight" in "the war against
    terrorism", "a fight on corruption"), or the harm so aimed at ("terrorism")? Acting against
    something bad is good (the composition of Deng, Choi & Wiebe 2013), so neither is blame."""
    if not _harmful(ctx, t):
        return False
    if t.dep_ == "pobj" and t.head.lower_ in _AGAINST and _harmful(ctx, t.head.head):
        return True
    return any(c.dep_ == "prep" and c.lower_ in _AGAINST and any(
        o.dep_ == "pobj" and _harmful(ctx, o) for o in c.children) for c in t.children)


#: Prepositions that aim a word of conflict at what it fights ("war against", "crackdown on").
_AGAINST = frozenset({"against", "on"})


def _valence(ctx: Context, issue: Issue, tokens: list[Token]) -> tuple[float, list[str]]:
    """VADER's compound score of a voice's words (-1 .. +1), read without the issue's own name
    (a "deal" is not good news), without words the voice quotes from others, without the
    words of names ("Supreme Court", "Justice Department", "the justice": a name has no tone), and
    without words that say what a third actor does or has (:func:`_by_another`)."""
    words: list[str] = []
    cues: list[str] = []
    val = ctx.lex["valence"]
    keys = set(issue.keywords)
    nested = nested_quotes(tokens)
    stopped = stopped_by(issue, ctx.lex)
    ids = {t.i for t in tokens}
    others = _acted_against_all(ctx, issue)
    for t in tokens:
        if t.i in nested or ctx.low[t.i] in keys or ctx.lemma[t.i] in keys or _in_name(ctx, t):
            continue
        if t.i > 1 and ctx.text[t.i - 1] == "-" and ctx.low[t.i - 2] in ctx.lex["negative_prefixes"]:
            continue  # "a non-profit", "anti-war": the prefix denies or opposes the word
        if stopped and _aimed_at_stopped(ctx, t, stopped):
            continue  # "the fight against the group" in a campaign against it: the issue's own aim, no verdict
        if _against_harm(ctx, t):
            continue  # "the war against terrorism": opposing a harm is no blame
        if _by_another(ctx, issue, t, ids, others):
            continue  # "when he supports terrorism": a judgement of that actor, not of the issue
        if ctx.lemma[t.i] in ctx.lex["bad"] and not ctx.act[t.i] and any(
                c.dep_ == "dobj" and _names_issue(ctx, issue, c, head_only=True) for c in t.children):
            continue  # "X violates the rules": harm done to the issue (a consequence), no verdict on it
        if ctx.low[t.i] in ctx.lex["diminishers"] and (t.dep_ == "advmod" and t.head.pos_ in ("ADJ", "ADV") or any(
                c.dep_ == "pobj" and c.pos_ == "NOUN" for c in t.children)):
            words.append("not")  # "less attractive", "least effective", "less an asset than": the quality denied
            continue
        evaluative = abs(val.get(ctx.low[t.i], 0.0)) >= 1.0 and ctx.low[t.i] not in ctx.lex["not_evaluative"]
        if evaluative and t.pos_ in ("VERB", "ADJ") and _in_negated_clause(ctx, t, ids) and not any(
                w.lower() in ctx.lex["negators"] for w in words[-3:]):
            words.append("not")  # "don't want peace to be restored": a negation further back than VADER looks
        words.append(t.text)
        if evaluative:
            cues.append(t.text)
    if not cues:
        return 0.0, []
    text = " ".join(words)
    if text not in ctx.tones:
        ctx.tones[text] = _analyzer().polarity_scores(text)["compound"]
    return ctx.tones[text], cues


#: Dependencies through which a verb's negation reaches a word: its object and complements and
#: their modifiers; not its subject, an adjunct ("will not pay a cent for such a stupid toll") or a
#: clause of its own ("legislation that could not get the support").
_NEGATION_SCOPE = frozenset("amod dobj xcomp acomp attr oprd advmod compound".split())


#: Dependencies through which a word stands in the clause of its head, up to the clause's subject:
#: objects, modifiers and complements, and verbs that share their head's subject ("in choosing to
#: allow the killing", "chose to try to win").
_IN_CLAUSE = frozenset("dobj pobj prep pcomp xcomp acomp attr amod compound conj appos advcl".split())


def _doer(ctx: Context, t: Token, ids: set[int], deps: tuple[str, ...] = ("nsubj", "poss")) -> Token | None:
    """The subject of the clause a word of a claim stands in ("Arafat has chosen ... in choosing to
    allow the killing": Arafat), or the possessor of the noun phrase it heads ("his terrorism"),
    of the dependencies ``deps``; None when the claim gives none."""
    node = t
    for _ in range(12):
        subj = next((c for c in node.children if c.dep_ in deps), None)
        if subj is not None and subj.i in ids and subj.i != t.i:
            return subj
        if node.dep_ not in _IN_CLAUSE or node.head.i == node.i or node.head.i not in ids:
            return None
        node = node.head
    return None


def _acted_against_all(ctx: Context, issue: Issue) -> set[str]:
    """Every actor the issue acts against (:func:`~analysis.reactions.acted_against`), read once."""
    if issue.issue_id not in ctx.against:
        ctx.against[issue.issue_id] = {aid for aid in ctx.info if acted_against(ctx, issue, aid)}
    return ctx.against[issue.issue_id]


def target_blame(ctx: Context, issue: Issue, tokens: list[Token]) -> list[str]:
    """The negative words a voice says of what the one the issue acts against does or has ("when he
    supports terrorism" of the leader contacts are broken off with): blame of the issue's target, its
    rationale, which backs the issue (the implicature of Deng & Wiebe 2014). Only what the target
    does counts, with it as subject: "his weakness" or "he was weakened" is no blame."""
    others = _acted_against_all(ctx, issue)
    ids = {t.i for t in tokens}
    val = ctx.lex["valence"]
    return [t.text for t in tokens if val.get(ctx.low[t.i], 0.0) <= -1.0 and not _in_name(ctx, t)
            and ctx.low[t.i] not in ctx.lex["not_evaluative"] and not _in_negated_clause(ctx, t, ids)
            and _by_another(ctx, issue, t, ids, others, ("nsubj",))]


def _by_another(ctx: Context, issue: Issue, t: Token, ids: set[int], others: set[str],
                deps: tuple[str, ...] = ("nsubj", "poss")) -> bool:
    """Is a word said of what one of ``others`` (the actors the issue is done to) does or has: the
    subject of its clause, or the possessor of its noun phrase, is one of them ("when he supports
    terrorism", "Arafat has chosen to allow the killing")? Such words judge that actor, the issue's
    rationale, not the issue."""
    subj = _doer(ctx, t, ids, deps) if others else None
    return subj is not None and ctx.ta.get(subj.i) in others


def _in_negated_clause(ctx: Context, t: Token, ids: set[int]) -> bool:
    """Is a word negated, itself or through the verbs of its own clause ("has not demonstrated the
    temperament to assume the greatest office"), within its scope (``_NEGATION_SCOPE``)?"""
    node = t
    while True:
        if node.pos_ in ("VERB", "AUX", "ADJ") and ctx.negated(node):
            return True
        if node.dep_ not in _NEGATION_SCOPE or node.head.i == node.i or node.head.i not in ids:
            return False
        node = node.head


def _consequences(ctx: Context, issue: Issue, tokens: list[Token]) -> tuple[int, int, list[str]]:
    """Predicted effects and acts on the issue.

    Returns ``(effect, act, cues)``: ``effect`` sums good-for or bad-for verbs composed with
    the value of their object ("cost jobs" -1, "reduce poverty" +1); ``act`` is the side of
    a verb whose object is the issue itself ("block the deal" -2, "renew the law" +2).
    """
    lex = ctx.lex
    ids = {t.i for t in tokens}
    effect, act, cues = 0, 0, []
    others = _acted_against_all(ctx, issue)
    for t in tokens:
        lemma = ctx.lemma[t.i]
        if _held_above(ctx, issue, t):
            effect += 1  # "she thinks she is above the rules": disregard of the issue charged against its subject
            cues.append(f"{t.head.text} {t.text} {ctx.doc[t.i + 1:t.i + 3].text}")
            continue
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
        negated = ctx.negated(t) or _lacking(t)
        valued = lex["valued"].get(ctx.lemma[head.i], lex["valued"].get(ctx.low[head.i]))
        if ctx.act[t.i] and _names_an_act(ctx, head):
            continue  # "rejected calls to scrap it": the act called for decides (refused, when the call is rejected)
        if ctx.act[t.i] and (ctx.about(issue, list(head.subtree)) or valued is None and
                             _definite(head) and ctx.near_issue(issue, t) and not _other_kind(issue, head)):
            side = lex["acts"][ctx.act[t.i]]
            if side < 0 and on_what_it_stops(ctx, issue, list(head.subtree)):
                side = -side  # "killed its second in command" in a campaign against the group: its aim
            act += -side // 2 if negated else side
            cues.append(f"{t.text} {head.text}")
            continue
        sign = 1 if lemma in lex["good"] else -1 if lemma in lex["bad"] else 0
        if not sign or _by_another(ctx, issue, t, ids, others):
            continue  # "when he supports terrorism": what a third actor does, no effect of the issue
        value = valued
        if value is None:
            v = lex["valence"].get(ctx.low[head.i], 0.0)
            value = 1 if v >= 1.0 else -1 if v <= -1.0 else 0
        subject = [c for c in t.children if c.dep_ == "nsubj"]
        if not value and subject and ctx.about(issue, list(subject[0].subtree)):
            value = 1  # "the ban would cost the city $2 million": what the issue does to something
        elif not value and sign < 0 and _names_issue(ctx, issue, head, head_only=True):
            value = -1  # "X violates the rules": harm done to the issue, which the speaker values
        if not value:
            continue
        effect += -sign * value if negated else sign * value
        cues.append(f"{t.text} {head.text}")
    return effect, act, cues


#: How many paragraphs after a mention of the issue a voice's words count, lightly, as being about it.
CONTEXT_PARAGRAPHS = 3
_QUANTITIES = frozenset("thousands millions hundreds dozens billions lots many most some all scores tens".split())


def _held_above(ctx: Context, issue: Issue, prep: Token) -> bool:
    """Is a preposition of ``exempt_preps`` after "be" followed by the issue ("they are above the
    rules")? The subject is charged with disregarding it, as with "violate"."""
    if prep.dep_ != "prep" or ctx.low[prep.i] not in ctx.lex["exempt_preps"] or ctx.lemma[prep.head.i] != "be":
        return False
    return any(c.dep_ == "pobj" and _names_issue(ctx, issue, c, head_only=True) for c in prep.children)


def _definite(noun: Token) -> bool:
    """A pronoun or a definite noun phrase ("it", "the authority", "this measure"): near a mention
    of the issue, the object of an act on it ("renew the authority") refers back to the issue."""
    if noun.lower_ in ("it", "this", "that", "them"):
        return True
    return noun.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
                                       for c in noun.children)


def _other_kind(issue: Issue, noun: Token) -> bool:
    """Does a noun name a course of action of another kind than the issue ("the deal" near a bill,
    "the ban" near a deal)? Then "kill the deal" is not an act on the issue."""
    classes = issue_rules()["class_of"]
    cls = classes.get(noun.lemma_.lower()) or classes.get(noun.lower_)
    own = classes.get(issue.noun)
    if cls in (None, "generic") or own in (None, "generic"):
        return False
    return cls != own and own not in issue_rules()["names_also"].get(cls, ())


def _names_an_act(ctx: Context, noun: Token) -> bool:
    """Is a noun a call or proposal with the act it asks for ("calls to scrap it", "pressure to drop
    it": ``rejected_calls`` nouns with a clause)? An act on the call is read from the act called for."""
    return ctx.lemma[noun.i] in ctx.lex["rejected_calls"]["nouns"] and any(
        c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" for c in noun.children)


def _failure_deplored(ctx: Context, verb: Token) -> bool:
    """Is an act not done what a bad outcome or a word of regret is said of: the subject of what
    follows ("failure to renew it would make it easier for our enemies", "not renewing it would be a
    mistake"), or the clause a word of harm governs ("it is a shame the Senate did not pass it",
    "regrets that they failed to pass it")? Then the bad tone is a warning for the act; a plain
    denied act ("will not accept it") takes its bad tone from the denial, and is against it."""
    if refused(verb) and verb.head.pos_ == "NOUN":
        return verb.head.dep_ in ("nsubj", "nsubjpass")
    if not ctx.negated(verb):
        return False
    if verb.dep_ in ("csubj", "csubjpass"):
        return True
    node, refusals = verb, ctx.lex["refusals"]
    for _ in range(4):
        if node.dep_ not in ("xcomp", "ccomp", "relcl", "acl", "advcl") or node.head.i == node.i:
            return False
        node = node.head
        if ctx.lemma[node.i] not in refusals and ctx.lex["valence"].get(ctx.low[node.i], 0.0) <= -1.0:
            return not ctx.negated(node)
    return False


def _lacking(verb: Token) -> bool:
    """'no way to justify it', 'no power to suspend it', 'did nothing to prevent it': an act that a
    "no" noun or "nothing" says cannot be or was not done."""
    head = verb.head
    if verb.dep_ not in ("acl", "relcl"):
        return False
    return head.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in head.children) or (
        head.pos_ == "PRON" and head.lower_ == "nothing")


def _names_issue(ctx: Context, issue: Issue, noun: Token, head_only: bool = False) -> bool:
    """Does a noun phrase name the issue ("this deal", "such a wall", or "it" right after a mention)?
    With ``head_only``, only its words up to its head count and a pronoun does not: the object of
    harm done to the issue ("violated the DNC rules", not "cut spending on the programs")."""
    if head_only:
        words = [t for t in noun.subtree if t.i <= noun.i]
    elif noun.lower_ in ANAPHORS:
        return ctx.near_issue(issue, noun)
    else:
        words = [t for t in noun.subtree if t.dep_ not in ("relcl", "acl")][:8]
    return ctx.about(issue, words) in ("reference", "keywords")


def _verdicts(ctx: Context, issue: Issue, tokens: list[Token]) -> list[tuple[int, str]]:
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


def verdict_evidence(ctx: Context, issue: Issue):
    """What a voice's own words call the issue (:func:`_verdicts`), weighed as a stance word."""
    w = ctx.lex["weights"]["stance_word"]
    for c in ctx.claims:
        holders = [c.holder_id] if c.holder_id else [s for s in str(c.speaker_id).split(";") if s]
        span = ctx.span(c.start, c.end)
        if not holders or span is None:
            continue
        if c.holder_id:
            holders = _with_conjuncts(ctx, c.holder_id, span)
        found = _verdicts(ctx, issue, ctx.words(c.start, c.end))
        if not found:
            continue
        score = round(sum(s for s, _c in found) / len(found))
        for h in holders:
            if h != issue.owner_id and score:
                yield Evidence(h, "evaluation", c.claim_id, score, "; ".join(cue for _s, cue in found), c.start,
                                c.end, w)


def _with_conjuncts(ctx: Context, holder: str, span) -> list[str]:
    """A claim's holder and the actors joined to it as one subject ("X and Y had agreed to ..."):
    the actors of the conjuncts of the holder's subject in the claim."""
    out = [holder]
    for i in range(span.start, span.end):
        if ctx.ta.get(i) == holder and (t := ctx.doc[i]).dep_ in ("nsubj", "nsubjpass"):
            out += [ctx.ta[x.i] for x in t.conjuncts if x.i in ctx.ta]
    return list(dict.fromkeys(out))


def claim_evidence(ctx: Context, issue: Issue):
    """What each voice's own words say about the issue: stance words, evaluations,
    predicted consequences and conditions."""
    w = ctx.lex["weights"]
    about = ctx.issues.claims_about(issue.issue_id)
    partners = set(issue_partners(ctx, issue))
    for c in ctx.claims:
        found = _claim_tokens(ctx, c)
        how = about.get(c.claim_id, "")
        if found is None or (not how and issue.issue_id != "I1"):
            continue  # an issue other than the main one is read only from the words that name it
        tokens, holders = found
        against = c.target_id in partners and acted_against(ctx, issue, c.target_id)
        if c.target_id in partners and c.polarity in ("negative", "positive"):
            sign = (-1 if c.polarity == "negative" else 1) * (-1 if against else 1)
            role = "the one the issue acts against" if against else "the issue's partner"
            for h in holders:  # what the voice says of the issue's partner: doubt is skepticism
                if h not in partners and h not in _acted_against_all(ctx, issue):
                    yield Evidence(h, "relation", c.claim_id, sign, f"{c.polarity} about {c.target} ({role})",
                                    c.start, c.end, w["framing"] * 0.5)
        if how in ("reference", "keywords", "anaphor") or how == "owner" and _owner_acts(ctx, issue, tokens):
            for h in holders:  # the voice speaks about the issue: at least "neutral or unclear"
                yield Evidence(h, "mention", c.claim_id, 0, f"speaks of it ({how})", c.start, c.end,
                                w["mention"])
        text = " " + " ".join(ctx.low[t.i] for t in tokens) + " "
        conditional = any(f" {m} " in text for m in ctx.lex["conditions"])
        for e in _stance_words(ctx, issue, tokens, "stance", holders, w["stance_word"], c.claim_id):
            if conditional and e.score > 0:  # "would back the plan if ...": conditional support
                e.score, e.source, e.cue = 1, "condition", f"{e.cue}, with a condition"
                e.start, e.end = c.start, c.end  # the condition is the claim that states it
            yield e
        if not against:  # blame of the one a sanction or strike is against is read as a relation only
            yield from _verdict_evidence(ctx, issue, c, tokens, holders, how, conditional)


def _owner_acts(ctx: Context, issue: Issue, tokens: list[Token]) -> bool:
    """Do a voice's words say what the issue's owner does or is (the owner the subject of one of
    their clauses: "Arafat remains the only partner", "it is time for Arafat to exert control")?
    Such words are about the owner's course, not only a mention of the owner in passing ("an
    impropriety by X's team", "cooperate with X")."""
    owners = {issue.owner_id, *issue.co_owner_ids} - {""}
    return any(t.dep_ in ("nsubj", "nsubjpass") and ctx.ta.get(t.i) in owners for t in tokens)


def _claim_tokens(ctx: Context, c) -> tuple[list[Token], list[str]] | None:
    """A claim's tokens and the voices who hold it (its holder and the holder's conjuncts, else
    its speakers); None for a claim no one holds or whose span the parse cannot give."""
    speakers = [s for s in str(c.speaker_id).split(";") if s]
    holders = [c.holder_id] if c.holder_id else speakers
    if not holders:
        return None
    span = ctx.span(c.start, c.end)
    if span is None:
        return None
    if c.holder_id:
        holders = _with_conjuncts(ctx, c.holder_id, span)
    return ctx.words(c.start, c.end), holders


def _verdict_evidence(ctx: Context, issue: Issue, c, tokens: list[Token], holders: list[str], how: str,
                      conditional: bool):
    """What a claim's words judge of the issue: an act on it, a predicted effect, a condition
    attached to support, or the tone of its evaluative words (lighter when the claim is not
    linked to the issue)."""
    w = ctx.lex["weights"]
    hedged = any(ctx.low[t.i] in ctx.lex["hedges"] for t in tokens)
    weight = w["evaluation"] if how else w["context"]
    source = "evaluation" if how else "context"
    value, vcues = _valence(ctx, issue, tokens)
    effect, act, ecues = _consequences(ctx, issue, tokens)
    if act:
        if act < 0 and value < 0 and any(_failure_deplored(ctx, t) for t in tokens if t.pos_ == "VERB"):
            act = 1  # "failure to renew it would make it easier for our enemies": a warning for it
        act = max(-2, min(2, act))
        if hedged and abs(act) == 2:
            act //= 2  # "could block the deal": a possibility, not a verdict
        for h in holders:
            yield Evidence(h, "stance", c.claim_id, act, "; ".join(ecues), c.start, c.end, w["stance_word"])
        return
    blame = target_blame(ctx, issue, tokens)
    if blame:
        for h in holders:  # "when he supports terrorism", of the one the issue acts against
            if h not in _acted_against_all(ctx, issue):
                yield Evidence(h, "evaluation", c.claim_id, 1, f"{'; '.join(blame[:4])} (blame of the one the issue "
                                "acts against)", c.start, c.end, weight)
    if value > 0 and effect >= 0 and conditional and c.type != "question":
        for h in holders:  # support stated with a condition attached: conditional support
            yield Evidence(h, "condition", c.claim_id, 1, "condition", c.start, c.end, w["condition"])
    if effect:
        score = (2 if abs(effect) > 1 and not hedged else 1) * (1 if effect > 0 else -1)
        for h in holders:
            yield Evidence(h, "consequence", c.claim_id, score, "; ".join(ecues), c.start, c.end,
                            w["consequence"] if how else w["context"])
    strong, weak = ctx.lex["valence_bounds"]["strong"], ctx.lex["valence_bounds"]["weak"]
    if abs(value) >= weak:
        score = (2 if abs(value) >= strong and not hedged else 1) * (1 if value > 0 else -1)
        cue = "; ".join(vcues[:4])
        if how not in ("reference", "anaphor"):  # words that do not name the charge itself
            score, cue = _unless_echo(ctx, issue, tokens, score, cue)
        for h in holders:
            if h != issue.owner_id:
                yield Evidence(h, source, c.claim_id, score, cue, c.start, c.end, weight)


def _act_side(ctx: Context, verb: Token) -> int:
    """What a clause says of an act: -1 when it is denied, refused or not possible ("will not close
    it", "have no power to suspend", "refused to sign"), +1 when it ought to happen ("should
    close it", "must raise", "need to send"), 0 otherwise (a report of the act is no side)."""
    modals = ctx.lex["act_modals"]
    clause = verb
    while refused(clause):  # "rejected the request to close it until ...": the refusal's own condition
        clause = clause.head.head if clause.dep_ in ("acl", "relcl") and clause.head.dep_ == "dobj" else clause.head
    if any(c.lower_ in ctx.lex["conditions"] or c.lower_ == "until" for c in clause.subtree):
        return 0  # "not to close it until there is a way to ...": a condition, read as one elsewhere
    if ctx.negated(verb):
        return -1
    head = verb.head
    if _lacking(verb) or verb.dep_ in ("acl", "relcl") and head.pos_ == "NOUN" and (
            head.dep_ in ("dobj", "attr") and ctx.negated(head.head)):
        return -1  # "have no power to suspend", "did not have the authority to close"
    if verb.dep_ in ("xcomp", "ccomp") and head.pos_ in ("VERB", "AUX") and ctx.negated(head):
        return -1  # "will not let them close", "refuse to let it pass"
    auxes = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    if any(a in modals["aux"] for a in auxes) or verb.dep_ == "xcomp" and ctx.lemma[head.i] in modals["heads"]:
        return 1
    return 0


def _in_description(ctx: Context, q) -> bool:
    """Is a statement's reporting verb a relative clause that describes its speakers?"""
    if q.cue_start is None or q.cue_start != q.cue_start or q.cue_start < 0:
        return False
    span = ctx.span(q.cue_start, q.cue_end)
    return span is not None and span.root.dep_ == "relcl"


def act_evidence(ctx: Context, issue: Issue):
    """What a voice's own words say of the issue's act itself: that it should happen (+1), or that
    it will not or cannot (-1). The owner's words are the proposal, not a side on it."""
    act = issue.act
    if not act:
        return
    w = ctx.lex["weights"]["stance_word"]
    owners = {issue.owner_id, *issue.co_owner_ids}
    described = {q.quote_id for q in ctx.quote_rows if _in_description(ctx, q)}
    for c in ctx.claims:
        if c.quote_id in described:
            continue  # "Republicans who agree that it should close": who they are, not their side
        # the speaker's side, whoever the clause's subject is ("Congress must pass it," X said: X's)
        holders = [h for h in str(c.speaker_id).split(";") if h and h not in owners]
        if not holders:
            continue
        span = ctx.span(c.start, c.end)
        if span is None:
            continue
        for t in (ctx.doc[i] for i in range(span.start, span.end) if ctx.lemma[i] == act):
            if t.pos_ != "VERB":
                continue
            objs = [o for o in t.children if o.dep_ in ("dobj", "nsubjpass")]
            if objs and not (ctx.about(issue, list(objs[0].subtree)) or _definite(objs[0])):
                continue  # the same verb on something else
            side = _act_side(ctx, t)
            if side:
                start, end = ctx.original([t])
                for h in holders:
                    yield Evidence(h, "stance", c.claim_id, side, f"{t.text} (the issue's act)", c.start, c.end, w)
                break


_SPEAKER_PRONOUNS = frozenset({"i", "we", "he", "she", "it", "they"})


def _own_commitment(ctx: Context, verb: Token, speakers: list[str]) -> bool:
    """Does a clause announce what its speaker will do ("it will sharply pare back the number of
    offices", "we plan to send more troops")? A verb under "will" (or after "plan", "intend", "going")
    whose subject is the speaker itself, neither negated nor a word of taking sides."""
    if ctx.negated(verb) or ctx.lemma[verb.i] in ctx.lex["verbs"]:
        return False
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    auxes = {ctx.low[c.i] for c in verb.children if c.dep_ == "aux"}
    if verb.dep_ == "xcomp" and ctx.lemma[verb.head.i] in ("plan", "intend", "go"):
        subj, auxes = [c for c in verb.head.children if c.dep_ == "nsubj"], {"will"}  # "plans to send"
    if not subj or not auxes & {"will", "'ll", "\u2019ll"}:
        return False
    who = ctx.ta.get(subj[0].i)
    # "X said it will ...": a pronoun subject of reported speech stands for its speaker
    return who in speakers or who is None and subj[0].lower_ in _SPEAKER_PRONOUNS


def commitment_evidence(ctx: Context, issue: Issue):
    """A voice that announces, in words about the issue, what it will do to carry it out ("the
    department told agencies it will pare back the offices") stands behind it (+2): the announcer
    of a measure is its advocate."""
    about = ctx.issues.claims_about(issue.issue_id)
    w = ctx.lex["weights"]["stance_word"]
    for c in ctx.claims:
        speakers = [s for s in str(c.speaker_id).split(";") if s]
        if not speakers or about.get(c.claim_id, "") not in ("reference", "keywords"):
            continue
        span = ctx.span(c.start, c.end)
        if span is None or any(ctx.low[i] in ctx.lex["conditions"] for i in range(span.start, span.end)):
            continue
        verb = next((t for t in ctx.tokens(c.start, c.end) if t.pos_ == "VERB" and _own_commitment(ctx, t, speakers)),
                    None)
        if verb is not None:
            for h in speakers:
                yield Evidence(h, "stance", c.claim_id, 2, f"{verb.text} (announces it)", c.start, c.end, w)


def _continued(ctx: Context, verb: Token) -> Token | None:
    """What a verb of going on says goes on: its subject ("the inquiry must continue") or its "with"
    phrase ("needs to carry on with the inquiry"), when the verb starts a ``continuation_verbs`` phrase."""
    lemma = ctx.lemma[verb.i]
    for words in ctx.lex["continuation"]:
        if words[0] == lemma and tuple(ctx.low[verb.i + 1:verb.i + len(words)]) == words[1:]:
            subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            with_ = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for o in c.children
                     if o.dep_ == "pobj"]
            return (with_ or subj or [None])[0]
    return None


def continuation_evidence(ctx: Context, issue: Issue):
    """What a voice's words say of the issue going on: that it should or must go on is support (+1:
    "the investigation must continue"); that it cannot go on is a warning, not a side."""
    firsts = {w[0] for w in ctx.lex["continuation"]}
    w = ctx.lex["weights"]["stance_word"]
    owners = {issue.owner_id, *issue.co_owner_ids}
    for c in ctx.claims:
        holders = [h for h in str(c.speaker_id).split(";") if h and h not in owners]
        span = ctx.span(c.start, c.end)
        if not holders or span is None:
            continue
        for t in (ctx.doc[i] for i in range(span.start, span.end) if ctx.lemma[i] in firsts):
            if t.pos_ != "VERB":
                continue
            what = _continued(ctx, t)
            if what is None or not _names_issue(ctx, issue, what):
                continue
            if _act_side(ctx, t) > 0:  # "cannot go on indefinitely" warns, it takes no side
                for h in holders:
                    yield Evidence(h, "stance", c.claim_id, 1, f"{t.text} (the issue goes on)", c.start, c.end, w)
                break


def relayed_evidence(ctx: Context, issue: Issue, positions: dict[str, int], by_actor: dict):
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
        yield Evidence(aid, "speaks_for", "role", score, f"relays the line of {ctx.info[principal]['name']}",
                        int(row["first_start"]), int(row["first_end"]), w)


def _issue_paragraphs(ctx: Context, issue: Issue) -> set[int]:
    """Paragraphs that name the issue, its owner or its key words."""
    art = ctx.article
    out = {art.paragraph_index(s) for s, _e, _t in issue.mentions}
    out |= {art.paragraph_index(s) for s, _e in ctx.owner_spans.get(issue.owner_id, [])}
    if issue.keywords or issue.heads:
        for p in art.paragraphs:
            if issue.named_by(set(re.findall(r"[\w$\u2019'.-]+", art.original[p.start:p.end].lower()))):
                out.add(p.index)
    return out


def context_evidence(ctx: Context, issue: Issue, claimed: set[str]):
    """A voice with nothing explicit about the main issue: the tone of everything it says,
    read once as a whole (VADER's compound score), weighed lightly and never more than a lean
    (+1 or -1): tone without a word on the issue is not a clear side."""
    if issue.issue_id != "I1":
        return
    w = ctx.lex["weights"]["context"]
    weak = ctx.lex["valence_bounds"]["weak"]
    near = _issue_paragraphs(ctx, issue)
    partners = set(issue_partners(ctx, issue))
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
            words = ctx.words(c.start, c.end)
            if words is not None:
                tokens += words
        value, cues = _valence(ctx, issue, tokens)
        if abs(value) < weak:
            continue
        score = 1 if value > 0 else -1  # tone alone is a lean, never a clear side
        cue = "; ".join(cues[:4])
        if h not in partners:
            score, cue = _unless_echo(ctx, issue, tokens, score, cue)
        first = claims[0]
        yield Evidence(h, "context", ";".join(c.claim_id for c in claims), score, cue, first.start, first.end, w)


def _unless_echo(ctx: Context, issue: Issue, tokens: list[Token], score: int, cue: str) -> tuple[int, str]:
    """A negative tone read as +1 when the blame echoes the issue's charge (:func:`echoes_charge`)."""
    if score < 0 and echoes_charge(ctx, issue, tokens):
        return 1, f"{cue} (blame that echoes the charge)"
    return score, cue


def echoes_charge(ctx: Context, issue: Issue, tokens: list[Token]) -> bool:
    """Does blame in these words echo the issue rather than oppose it? So when the issue is itself a
    negative claim about someone: a contested accusation, allegation or charge (``charge_nouns`` of
    the issue rules) or a course of action of a charging class (``charge_classes``: an investigation,
    an indictment), and the words name neither a charge ("these accusations are baseless" judges
    one) nor the issue's owner ("the investigator is biased" blames the one who charges)."""
    rules = issue_rules()
    nouns = rules["charge_nouns"]
    if not (issue.kind == "contested" and issue.noun in nouns or rules["class_of"].get(issue.noun) in
            rules["charge_classes"]):
        return False
    owners = {issue.owner_id, *issue.co_owner_ids} - {""}
    return not any(t.pos_ == "NOUN" and (ctx.low[t.i] in nouns or ctx.lemma[t.i] in nouns) or ctx.ta.get(t.i) in owners
                   for t in tokens)  # "is charged with" reports the charge; "the charges" names one


