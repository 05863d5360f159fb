"""Evidence in the reporter's voice: how news describes sides taken, and sides taken on other voices.

Each pass is a generator of :class:`~analysis.reading.Evidence` for one issue, like those of
:mod:`analysis.evidence` (the voice's own words); :func:`analysis.stance.extract_stances` runs both.

- :func:`framing_evidence`: the reporter's descriptions of reactions ("voted against the plan",
  "drew criticism from X", "offered qualified support"), read from a stance word's holder
  (subject, "from"/"by" phrase, possessor) and target (object, "for"/"against" phrase). On a
  contested remark, backing its maker is no side on the remark, but disavowing or condemning
  the maker rejects it.
  :func:`_stance_words` is the reading both this pass and the voices' own words use.
- :func:`neutral_evidence`, :func:`side_evidence`: "declined to comment" (0); groups named by their
  side ("supporters", "critics").
- A side taken on what a restrictive issue stops (:func:`stopped_by`: "welcome these refugees",
  "opponents of admitting refugees" when the issue is a plan to block refugees) counts with the
  opposite sign: the composition of Deng, Choi & Wiebe (2013) applied to the issue itself.
- :func:`alignment_evidence` and :func:`relation_evidence`: sides taken on other voices, read once
  their positions are known (structural balance: criticising an opponent of the issue is support);
  :func:`issue_partners`: the parties an issue involves besides its owners.
- :func:`same_side_evidence` ("X followed suit", "took a similar stance") and
  :func:`reaction_evidence` ("to the chagrin of X", "to cheers from the crowd", "the crowd
  applauded"): the reporter's formulas of a reaction, recorded as sides taken on another voice.
- :func:`target_evidence`: the one a restrictive issue acts against ("a call to abandon X") leans
  against it (the implicature of Deng & Wiebe 2014); :func:`acted_against` names that one, whose
  blame by a voice backs the issue.

The words are in ``analysis/data/stance_lexicon.yml``.
"""

import re

from spacy.tokens import Token

from .actors import country_of
from .issue_labels import STOP_KEYS
from .issue_references import rules as issue_rules
from .issues import Issue
from .nlp import forms
from .quotes import verb_subject
from .reading import (
    ANAPHORS, Context, Evidence, FIRST_PERSON, direct_targets, is_conceded, is_hedged, is_weakened, noun_negated,
    predicates, roles_of, signed_score,
)


def framing_evidence(ctx: Context, issue: Issue):
    """The reporter's descriptions of reactions, outside quotation marks."""
    w = ctx.lex["weights"]
    dateline = len(ctx.article.dateline)
    if ctx.narrative is None:
        ctx.narrative = [ctx.doc[i] for i in ctx.candidates if i not in ctx.quoted and i not in ctx.in_statement
                         and ctx.doc[i].idx >= dateline]
    yield from _stance_words(ctx, issue, ctx.narrative, "framing", None, w["framing"])


def _stance_words(ctx: Context, issue: Issue, tokens: list[Token], source: str, speakers: list[str] | None,
                  weight: float, ref: str = ""):
    lex = ctx.lex
    for tok, part, score, last in predicates(ctx, tokens):
        holders, target = roles_of(ctx, tok, part, last)
        if speakers is not None and part == "nouns" and not target:
            continue  # "lawsuits", "concerns" in a voice's words name a side only with what it is on
        if speakers is not None:
            # in a voice's own words the side is the speaker's, unless the stance word has a
            # subject of its own that names another actor ("the minister supported the effort")
            own = [c for c in (tok.children if part != "nouns" else []) if c.dep_ in ("nsubj", "nsubjpass")]
            if not own and part == "verbs" and tok.dep_ == "xcomp" and not _urging(ctx, tok.head):
                own = [c for c in tok.head.children if c.dep_ == "dobj"]  # "prompted X to question it": X's
            named = [a for c in own for a in ctx.actors_of(c) if a not in speakers]
            agents = [o for c in tok.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
            if part == "verbs" and agents and not any(o.lower_ in FIRST_PERSON for o in agents):
                named = [a for o in agents for a in ctx.actors_of(o) if a not in speakers]
                if not named:
                    continue  # "the deal, yet to be approved by a committee of creditors": the agent's act, not the speaker's side
            if part == "nouns" and _possessed_by_another(last):
                continue  # "Democrats' support for the bill hurt them": the possessor's side, reported
            holders = named if named and not any(c.lower_ in FIRST_PERSON for c in own) else list(speakers)
        if part == "verbs" and _on_a_place(ctx, tok):
            continue  # "blasted Gaza City", "attacked the town": a strike on a place, not a side taken
        if part == "verbs" and any(c.dep_ in ("xcomp", "ccomp", "advcl") and _acted_on(ctx, issue, c) is not None
                                   for c in last.children):
            continue  # "pushed to repeal it", "sued to block it": the act's side decides (act_framing_evidence)
        target = direct_targets(target)
        how = ctx.about(issue, target) or ("anaphor" if any(t.lower_ in ("it", "this", "that") for t in target)
                                            and ctx.near_issue(issue, tok) else "")
        if not how:
            others = [ctx.ta[t.i] for t in target if t.i in ctx.ta and ctx.ta[t.i] != issue.owner_id]
            if others and score and issue.issue_id == "I1":
                value = signed_score(score, ctx.negated(tok) if part != "nouns" else noun_negated(ctx, tok), False)
                start, end = ctx.original([tok, last])
                for h in holders:
                    for other in dict.fromkeys(others):
                        if other != h and value:
                            ctx.relations.append((h, other, 1 if value > 0 else -1,
                                                  " ".join(t.text for t in ctx.doc[tok.i:last.i + 1]), start, end))
            if others or not ctx.near_issue(issue, tok) or target and not any(t.lower_ in ANAPHORS for t in target):
                continue  # a side taken on someone else, or on something else
            how = "context"
        value = signed_score(score, ctx.negated(tok) if part != "nouns" else noun_negated(ctx, tok),
                        is_weakened(tok, last, lex) or is_hedged(tok, lex) or is_conceded(tok))
        if how == "owner" and issue.kind == "contested" and value >= 0:
            continue  # backing a person is not agreeing with their remark; disavowing them is rejecting it
        start, end = ctx.original([tok, last])
        cue = " ".join(t.text for t in ctx.doc[tok.i:last.i + 1])
        if how == "keywords" and on_what_it_stops(ctx, issue, target):
            value, cue = -value, f"{cue} (what the issue stops)"  # welcoming those a ban keeps out opposes it
        factor = {"reference": 1.0, "keywords": 1.0, "owner": 0.5}.get(how, 0.6)
        for h in holders:
            if value < 0 and issue.kind == "policy" and (
                    h == issue.owner_id or how == "owner" and h in ctx.camp(issue)):
                continue  # the owner "rejects criticism", its camp attacks the owner's critics: no verdict on the plan
            yield Evidence(h, source, ref or f"S{ctx.sentence(tok) + 1:02d}", value, f"{cue} ({how})", start, end,
                            weight * factor)


def _on_a_place(ctx: Context, verb: Token) -> bool:
    """Is a verb's object a place that is not an actor ("blasted Gaza City and Jenin", "attacked
    Aleppo")? Verbs such as "blast", "attack" and "hit" then name a physical strike, not criticism."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objs) and all(o.ent_type_ in ("GPE", "LOC", "FAC") and o.i not in ctx.ta for o in objs)


def _possessed_by_another(noun: Token) -> bool:
    """Is a stance noun held by a named possessor ("Democrats' support", "the union's opposition"),
    not by a pronoun that may stand for the speaker ("our support", "his opposition")?"""
    return any(c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN") for c in noun.children)


def _urging(ctx: Context, verb: Token) -> bool:
    """Is a verb one of urging or advocating ("urged X to back it", "called on X to drop it"), whose
    subject takes the side of the act it urges, unlike a verb that only causes it ("prompted X to
    question it", "led X to reject it": the side is X's)?"""
    lemma = ctx.lemma[verb.i]
    return lemma in issue_rules()["call_verbs"] or lemma in ctx.lex["verbs"] or lemma in ctx.lex["verbs_phrases"]


def alignment_evidence(ctx: Context, issue: Issue):
    """'X agrees with Y', 'X echoed Y': X sides with Y (recorded as a relation, read once Y's
    position is known); 'X agrees with Y's remarks', when the remarks are the issue: a side on the
    issue itself (+2, or -2 when negated)."""
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
        if _aligned_with_issue(ctx, issue, tok):  # "X agrees with Y's remarks": a side on the issue itself
            for h in _own_holders(ctx, tok, holders):
                if h != issue.owner_id:
                    yield Evidence(h, "framing", f"S{ctx.sentence(tok) + 1:02d}", 2 * sign,
                                   f"{tok.text} (the issue itself)", start, end, lex["weights"]["framing"])
            continue
        mutual = (phrase or (lemma,)) in lex["align_mutual"]
        for h in holders:
            for o in dict.fromkeys(others):
                if o != h:
                    ctx.relations.append((h, o, sign, tok.text, start, end))
                    if mutual:  # "X teamed up with Y": Y joined X as much
                        ctx.relations.append((o, h, sign, tok.text, start, end))


def _aligned_with_issue(ctx: Context, issue: Issue, verb: Token) -> bool:
    """Is what an alignment verb joins its subject to the issue itself ("agrees with Y's remarks",
    "echoed the decision"): an object whose head word is a reference to the issue, not a person nor
    another's side on it ("echoed Y's denunciation of the remarks")?"""
    objs = [c for c in verb.children if c.dep_ == "dobj"] + [
        o for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "behind") for o in c.children
        if o.dep_ == "pobj"]
    for o in objs:
        how = ctx.about(issue, [o, *[t for c in o.children if c.dep_ == "poss" for t in c.subtree]])
        if how in ("reference", "keywords") or how == "owner" and issue.noun in (ctx.low[o.i], ctx.lemma[o.i]):
            return True  # "Lee's remarks" for the issue of Lee's remarks
    return False


def _own_holders(ctx: Context, verb: Token, holders: list[str]) -> list[str]:
    """The holders of a side in reported speech: "X said he agrees ...": a pronoun subject inside a
    statement stands for the statement's speaker."""
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subj or subj[0].lower_ not in ("he", "she", "they") or verb.i not in ctx.in_statement:
        return holders
    at = ctx.original([verb])[0]
    said = [q for q in ctx.quote_rows if q.start <= at < q.end and q.speaker_id]
    return [a for a in str(said[0].speaker_id).split(";") if a in ctx.info] if said else holders


def same_side_evidence(ctx: Context, issue: Issue):
    """'X followed suit', 'X took a similar stance', 'X did the same': X sides with the actor the
    sentence before is about (its subjects), read once that actor's position is known."""
    if issue.issue_id != "I1":
        return
    phrases = ctx.lex["same_side"]
    firsts = {p[0] for p in phrases}
    for i in forms(ctx.doc).where_lemma(firsts):
        tok = ctx.doc[i]
        if tok.pos_ not in ("VERB", "AUX") or i in ctx.quoted:
            continue
        # the phrase on lemmas, skipping an article ("take a similar", "do the same")
        phrase = next((p for p in phrases if tuple(ctx.lemma[i:i + len(p)]) == p), None)
        if phrase is None:
            continue
        # a counted group is the holder here ("two dozen other governors took a similar stance")
        holders = [a for s in verb_subject(tok, ctx.ta) for a in (ctx.actors_of(s) or [ctx.ta.get(s.i, "")]) if a]
        sent = tok.sent
        if not holders or sent.start == 0:
            continue
        before = ctx.doc[sent.start - 1].sent
        others = [a for t in before if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"
                  for a in ctx.actors_of(t)]
        start, end = ctx.original([tok, ctx.doc[i + len(phrase) - 1]])
        sign = -1 if ctx.negated(tok) else 1
        for h in holders:
            for o in dict.fromkeys(others):
                if o != h:
                    ctx.relations.append((h, o, sign, " ".join(phrase), start, end))
    return
    yield  # a generator, for the same call as the other passes


def _reacted_to(ctx: Context, verb: Token, before: Token, sentences: int = 0) -> list[str]:
    """Whom a reaction answers: the speaker of the last statement before it in its sentence (or the
    ``sentences`` before), else the subject of the clause it is attached to."""
    at = ctx.original([before])[0]
    k = ctx.article.sentence_index(at)
    said = [q for q in ctx.quote_rows if q.start < at and k - sentences <= ctx.article.sentence_index(q.start) <= k
            and q.speaker_id]
    if said:
        return [a for a in str(max(said, key=lambda q: q.start).speaker_id).split(";") if a in ctx.info]
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return [a for s in verb_subject(verb, ctx.ta) for a in ctx.actors_of(s)]


def reaction_evidence(ctx: Context, issue: Issue):
    """The reporter's formulas of reaction: 'to the chagrin of X', 'to cheers from X', 'amid boos
    from X' (X holds the reaction, aimed at whoever said or did what the clause reports), 'the crowd
    cheered' (at the last speaker), 'told a cheering crowd'. X sides with (+1) or against (-1) the
    one reacted to, read once that one's position is known."""
    if issue.issue_id != "I1":
        return
    nouns, verbs = ctx.lex["reaction_nouns"], ctx.lex["reaction_verbs"]
    words = [i for i, (low, lemma) in enumerate(zip(ctx.low, ctx.lemma))
             if low in nouns or lemma in verbs or low.endswith("ing") and low[:-3] in verbs]
    for tok in (ctx.doc[i] for i in words):
        if tok.i in ctx.quoted:
            continue
        low, lemma = ctx.low[tok.i], ctx.lemma[tok.i]
        holders: list[str] = []
        others: list[str] = []
        if low in nouns and tok.dep_ == "pobj" and tok.head.lower_ in ("to", "amid"):
            sign = nouns[low]
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "from", "by"):
                    holders += [a for o in c.children if o.dep_ == "pobj" for a in ctx.actors_of(o)]
            others = _reacted_to(ctx, tok.head.head, tok) if holders else []
        elif tok.dep_ == "amod" and low.endswith("ing") and low[:-3] in verbs:  # "told a cheering crowd"
            sign = verbs[low[:-3]]
            holders = ctx.actors_of(tok.head)
            head = tok.head.head.head if tok.head.dep_ == "pobj" else tok.head.head
            others = _reacted_to(ctx, head, tok) if holders else []
        elif lemma in verbs and tok.pos_ == "VERB":
            sign = verbs[lemma]
            if not any(c.dep_ in ("dobj", "ccomp", "xcomp") or c.dep_ == "prep" and c.lower_ in ("for", "at", "on")
                         for c in tok.children):  # "the crowd cheered": at the last one who spoke
                holders = [a for s in verb_subject(tok, ctx.ta) for a in ctx.actors_of(s)]
                others = _reacted_to(ctx, tok, tok, sentences=1) if holders else []
        if not holders:
            continue
        start, end = ctx.original([tok])
        if not others and tok.dep_ == "pobj":  # "the plan moves them, to the chagrin of X": on the issue itself
            verb = tok.head.head
            subj = [t for s in verb_subject(verb, ctx.ta) for t in s.subtree] if verb.pos_ in ("VERB", "AUX") else []
            if ctx.about(issue, subj) == "reference":
                for h in holders:
                    yield Evidence(h, "framing", f"S{ctx.sentence(tok) + 1:02d}", sign, f"{tok.text} (reaction)",
                                   start, end, ctx.lex["weights"]["framing"])
            continue
        for h in holders:
            for o in dict.fromkeys(others):
                if o != h:
                    ctx.relations.append((h, o, sign, tok.text, start, end))


def issue_partners(ctx: Context, issue: Issue) -> list[str]:
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


def relation_evidence(ctx: Context, issue: Issue, positions: dict[str, int]):
    """A side taken on another voice whose position is known: criticising an opponent of the
    issue is support for it, agreeing with a supporter is support (structural balance)."""
    w = ctx.lex["weights"]["framing"] * 0.5
    partners = set(issue_partners(ctx, issue))
    for h, other, sign, cue, start, end in ctx.relations:
        p = positions.get(other, 0)
        if other == issue.owner_id and issue.kind == "policy":
            p = 2
        if other in partners and not p and h not in partners:
            if sign < 0:  # doubting or accusing the partner the issue would work with: skepticism;
                against = acted_against(ctx, issue, other)  # blaming the one a sanction is against backs it
                role = "the one the issue acts against" if against else "the issue's partner"
                yield Evidence(h, "relation", f"S{ctx.article.sentence_index(start) + 1:02d}", 1 if against else -1,
                                f"{cue} {ctx.info[other]['name']} ({role})", start, end, w)
            continue
        if not p or h == issue.owner_id:
            continue
        score = sign * (1 if p > 0 else -1)
        name = ctx.info[other]["name"]
        yield Evidence(h, "relation", f"S{ctx.article.sentence_index(start) + 1:02d}", score,
                        f"{cue} {name} ({'support' if p > 0 else 'against'})", start, end, w)


def neutral_evidence(ctx: Context, issue: Issue):
    """'declined to comment', 'declined comment': a voice that takes no side (0), in a sentence that
    names the issue or one of the two after such a sentence (the refusal answers what was just reported)."""
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
                        if ctx.near_issue(issue, verb, 2) or ctx.about(issue, list(verb.sent)):
                            os_, oe = ctx.original(list(span))
                            yield Evidence(h, "neutral", f"S{ctx.sentence(verb) + 1:02d}", 0, phrase, os_, oe, w)
            start = text.find(phrase, start + 1)


def side_evidence(ctx: Context, issue: Issue):
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
        if hit is None or "anti" in words or _side_of_another(ctx, issue, row):
            continue
        if on_what_it_stops(ctx, issue, _side_complement(ctx, row)):
            hit = -hit  # "opponents of admitting refugees" support a plan to block them
        yield Evidence(aid, "side", "name", hit, f"named \u201c{row['name']}\u201d", int(row["first_start"]),
                        int(row["first_end"]), w)


def _side_of_another(ctx: Context, issue: Issue, row: dict) -> bool:
    """Is a group named by its side named as someone's side ("Trump allies", "the mayor's opponents",
    "the president's supporters"), someone other than the issue's owner? Then its side is taken on
    that one, not on the issue."""
    span = ctx.span(row["first_start"], row["first_end"])
    if span is None:
        return False
    owner = ctx.info.get(issue.owner_id, {})
    own = set(re.findall(r"[\w-]+", f"{owner.get('name', '')} {owner.get('role', '')}".lower()))
    for c in span.root.children:
        if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN") or c.dep_ == "compound" and c.pos_ == "PROPN":
            if not {ctx.low[t.i] for t in c.subtree} & own:
                return True
    return False


def _side_complement(ctx: Context, row: dict) -> list[Token]:
    """What a group named by its side is for or against: "critics of the plan", "opponents of
    admitting refugees" (the words of its "of" or "to" phrase at its first mention)."""
    span = ctx.span(row["first_start"], row["first_end"])
    if span is None:
        return []
    return [t for c in span.root.children if c.dep_ == "prep" and c.lower_ in ("of", "to") for t in c.subtree]


#: Noun classes of ``issue_rules.yml`` whose issue stops or takes away what it names ("a ban on X").
_STOPPING_CLASSES = frozenset({"ban", "closure", "sanction"})
#: Prepositions that aim a noun of harm at someone ("attacks on", "strikes against").
_AIMED = frozenset({"on", "against", "at"})


def stopped_by(issue: Issue, lex: dict) -> frozenset[str]:
    """What a restrictive issue acts against: the words of its "against" phrase ("a campaign against
    Islamic State"), or its key nouns that stand in its description after a verb of stopping or taking away ("to block refugees", "to reduce staff", lex ``effects.bad`` and
    the negative ``acts_on``) or after a noun of that kind ("the closure of offices"); empty otherwise."""
    words = re.findall(r"[\w'-]+", issue.description.lower())
    if words[:1] == ["against"]:  # "a campaign against Islamic State": what it is against
        return frozenset(w for w in words[1:] if w not in STOP_KEYS)
    if not words or not issue.heads:
        return frozenset()
    verb = issue.act
    stopping = verb in lex["bad"] or lex["acts"].get(verb, 0) < 0 or (
        not verb and issue_rules()["class_of"].get(issue.noun) in _STOPPING_CLASSES)
    if not stopping:
        return frozenset()
    rest = set(words[2:] if verb else words)
    return frozenset(h for h in issue.heads if h in rest or h + "s" in rest)


def acted_against(ctx: Context, issue: Issue, actor: str) -> bool:
    """Is an actor the one a restrictive issue acts against ("sanctions against India": India), or one
    its references do harm to (:func:`harmed_in_references`: "break off contacts with him")?
    Blaming it backs the issue (the implicature of Deng & Wiebe 2014), as welcoming what a ban
    stops opposes the ban."""
    stopped = stopped_by(issue, ctx.lex)
    name = set(re.findall(r"[\w-]+", str(ctx.info.get(actor, {}).get("name", "")).lower()))
    return bool(stopped and name and name <= stopped) or actor in harmed_in_references(ctx, issue)


def harmed_in_references(ctx: Context, issue: Issue) -> set[str]:
    """The actors the issue's own words do harm to: named, or referred to by a pronoun, in one of its
    references below a verb that is bad for its object or acts against it ("to break off contacts
    with him", "sanctions that punish Iran", lex ``effects.bad`` and the negative ``acts_on``) or
    below a noun of harm ("attacks on X", "strikes against X": VADER's valence at most -1). A
    country's adjective there ("attacks on Syrian bases") names that country and its actors."""
    owners = {issue.owner_id, *issue.co_owner_ids}
    found: set[str] = set()
    for s, e, _t in issue.mentions:
        span = ctx.span(s, e)
        root = span.root if span is not None else None
        for t in root.subtree if root is not None and root.pos_ in ("VERB", "NOUN") else ():
            aid = ctx.ta.get(t.i)
            if aid and aid not in owners and t.dep_ in ("pobj", "dobj", "poss") and _under_harm(ctx, t, root):
                found.add(aid)
            elif t.dep_ == "amod" and t.ent_type_ == "NORP" and (c := country_of(t.text)) and _under_harm(ctx, t, root):
                found |= {a for a, row in ctx.info.items() if row.get("country") == c}  # "attacks on X-ian symbols"
    return found - owners


def _under_harm(ctx: Context, t: Token, root: Token) -> bool:
    """Does a word stand, up to ``root``, below a noun of harm aimed at it, or is the nearest verb
    above it one that harms its object (:func:`harmed_in_references`)?"""
    node = t
    while node.i != root.i and node.head.i != node.i:
        below, node = node, node.head
        if node.pos_ == "VERB":  # the nearest verb is the one that acts on the word
            return ctx.lemma[node.i] in ctx.lex["bad"] or ctx.lex["acts"].get(ctx.act[node.i], 0) < 0
        if node.pos_ == "NOUN" and below.dep_ == "prep" and below.lower_ in _AIMED and (
                ctx.lex["valence"].get(ctx.low[node.i], 0.0) <= -1.0):
            return True  # "attacks on X", not "the crisis with X"
    return False



def on_what_it_stops(ctx: Context, issue: Issue, target: list[Token]) -> bool:
    """Is a side taken on what a restrictive issue stops ("welcome these refugees" when the issue
    is a plan to block refugees), and not on the issue itself?"""
    stopped = stopped_by(issue, ctx.lex)
    if not stopped:
        return False
    words = {ctx.lemma[t.i] for t in target} | {ctx.low[t.i] for t in target}
    hit = {w for w in words if w in stopped or w.removesuffix("s") in stopped}
    return bool(hit) and not issue.named_by(words - hit)


def target_evidence(ctx: Context, issue: Issue):
    """Those a restrictive issue acts against ("a call to abandon X", "plans to reduce staff", "a
    push to sanction X") take its other side (-1): the object of a bad-for event is taken to be
    against the event (the implicature of Deng & Wiebe 2014 on "+/-effect" events), a lean rather
    than a stated side, so it counts only for a voice with no side of its own
    (:func:`analysis.stance.extract_stances`). Read where the issue's own verb is restated: at a reference to the issue, or
    after the issue's own noun ("X's call to abandon Y")."""
    act = issue.act
    if not act or not (act in ctx.lex["bad"] or ctx.lex["acts"].get(act, 0) < 0):
        return
    owners = {issue.owner_id, *issue.co_owner_ids}
    w = ctx.lex["weights"]["framing"] * 0.5
    for i in forms(ctx.doc).where_lemma({act}):
        verb = ctx.doc[i]
        restated = issue.refers(*ctx.original([verb])) or issue.refers(*ctx.original([verb.head])) or (
            ctx.lemma[verb.head.i] == issue.noun)
        if verb.pos_ != "VERB" or not restated:
            continue
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        objs += [x for o in objs for x in (*o.conjuncts, *[c for c in o.children if c.dep_ == "appos"])]
        start, end = ctx.original([verb, *objs])
        for aid in dict.fromkeys(a for o in objs for a in ctx.actors_of(o)):
            if aid not in owners:
                cue = f"{verb.text} {ctx.info[aid]['name']} (what the issue acts against)"
                yield Evidence(aid, "target", f"S{ctx.sentence(verb) + 1:02d}", -1, cue, start, end, w)


#: Verbs whose infinitive is an act not done ("refused to sign it", "failed to renew it").
_REFUSALS = frozenset("refuse decline fail".split())


def _actor_of_act(ctx: Context, verb: Token) -> list[str]:
    """Who does an act the reporter describes: the verb's subject, or for an infinitive the subject
    of the verb it completes ("X voted to scrap it", "X sued to block it", "X urged Y to drop it":
    what X wants done); none under a passive ("X was asked to renew it": someone else's wish)."""
    subjects = verb_subject(verb, ctx.ta)
    if not subjects and verb.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                for c in verb.children):
        head = verb.head
        if head.pos_ in ("VERB", "AUX") and not any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children):
            subjects = verb_subject(head, ctx.ta)
    return list(dict.fromkeys(a for s in subjects for a in ctx.actors_of(s)))


def _acted_on(ctx: Context, issue: Issue, verb: Token) -> Token | None:
    """The object of a verb of ``acts_on`` when it is the issue ("renewed the program", "block it"
    near a mention), else None. The issue's own verb ("close" in a plan to close a prison) is the
    issue itself, not an act on it."""
    lemma = ctx.lemma[verb.i]
    if verb.pos_ != "VERB" or not ctx.act[verb.i] or lemma == issue.act or lemma in issue.keywords:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    if ctx.about(issue, [obj]) in ("reference", "keywords") or obj.lower_ in ("it", "them") and ctx.near_issue(issue, verb):
        return obj
    return None


def act_framing_evidence(ctx: Context, issue: Issue):
    """The reporter's account of an act done or sought on the issue ("the Senate renewed the
    program", "X voted to scrap the plan", "X sued to block it", "X pushed to repeal it"): the
    actor takes the act's side (``acts_on``: +2 or -2); a negated or refused act ("did not renew
    it", "refused to sign it") leans the other way (-1 or +1). A side taken on what a restrictive
    issue stops counts the other way, as in :func:`framing_evidence`."""
    w = ctx.lex["weights"]["framing"]
    dateline = len(ctx.article.dateline)
    for i in (k for k, act in enumerate(ctx.act) if act):
        tok = ctx.doc[i]
        if tok.i in ctx.quoted or tok.i in ctx.in_statement or tok.idx < dateline:
            continue
        obj = _acted_on(ctx, issue, tok)
        if obj is None:
            continue
        side = ctx.lex["acts"][ctx.act[tok.i]]
        if on_what_it_stops(ctx, issue, list(obj.subtree)):
            side = -side
        if ctx.negated(tok) or tok.dep_ in ("xcomp", "advcl") and ctx.lemma[tok.head.i] in _REFUSALS:
            side = -side // 2
        start, end = ctx.original([tok, obj])
        verb = " ".join([tok.text, *(c.text for c in tok.children if c.dep_ == "prt")])
        for h in _actor_of_act(ctx, tok):
            yield Evidence(h, "framing", f"S{ctx.sentence(tok) + 1:02d}", side, f"{verb} {obj.text} (act on it)",
                           start, end, w)
