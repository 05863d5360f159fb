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

import pandas as pd
from spacy.tokens import Doc

from .actors import ActorTable, country_of
from .corpus import Article, headline_sentences
from .frames import Table, column, rows_of, tuples
from .issue_labels import (CLAUSE_ENDS, act_forms, clean, complement, heads_of, keywords_of, label_of, verb_detail,
                           words_until)
from .issue_references import Reference, find_references, group, rules

ISSUE_COLUMNS = [
    "doc_id", "issue_id", "main", "kind", "label", "noun", "owner_id", "owner", "description", "salience",
    "references", "partners", "source", "changes",
]
LINK_COLUMNS = ["doc_id", "claim_id", "issue_id", "how"]


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
    acts: tuple[str, ...] = ()                    # the forms of the verbs its key nouns come from ("merging")
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
        if any(h in words or h + "s" in words for h in self.heads) or any(a in words for a in self.acts):
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


# --------------------------------------------------------------------------- the stage

def find_issues(article: Article, doc: Doc, actors: ActorTable, claims: pd.DataFrame) -> IssueSet:
    """The issues of one story, most salient first, and the claims about each."""
    heads = headline_sentences(article)
    refs = find_references(article, doc, actors, heads)
    owned_classes, floor = frozenset(rules()["owned_classes"]), float(rules()["ownerless_floor"])
    scored = []
    for g in group(refs):
        owners = [x.owner for x in g if x.owner]
        owner = max(dict.fromkeys(owners), key=owners.count) if owners else ""
        salience = sum(x.weight for x in g)
        kind = "contested" if all(x.cls == "contested" for x in g) else "policy"
        if not owner and (len(g) == 1 and g[0].cls in ("generic", "proposal", "decision") or
                          all(x.cls in owned_classes for x in g) or salience < floor):
            continue  # "a plan", "the outer wall", a bare "the regulations": no one's course of action at stake
        scored.append((salience, kind, owner, g))
    issues = tuple(_issue(f"I{k}", salience, kind, owner, g, article, doc, actors, heads)
                   for k, (salience, kind, owner, g) in enumerate(_ranked(scored), 1))
    issue_set = IssueSet(article.doc_id, issues, {}, issues)
    return _spoken_of(replace(issue_set, about=claims_about(issue_set, article, doc, actors, claims)))


def _spoken_of(issue_set: IssueSet) -> IssueSet:
    """The issues without those named once in passing that no voice speaks of: a group below
    ``passing_floor`` (one owned reference in the body, "his annual Christmas speech") that no claim
    is about is background to the story, not what is at stake in it."""
    floor = float(rules()["passing_floor"])
    linked = {iid for links in issue_set.about.values() for iid, _how in links}
    kept = tuple(i for i in issue_set.issues if i.salience >= floor or i.issue_id in linked)
    return issue_set if len(kept) == len(issue_set.issues) else replace(issue_set, issues=kept, detected=kept)


def _ranked(scored: list[tuple]) -> list[tuple]:
    """Groups of references (salience, kind, owner, group) most salient first: a contested remark
    leads only when no course of action is salient enough, or when it is much more salient; groups
    below ``passing_floor`` are dropped unless first."""
    r = rules()
    best_policy = max((s[0] for s in scored if s[1] == "policy"), default=0.0)
    best_contested = max((s[0] for s in scored if s[1] == "contested"), default=0.0)
    lead_contested = best_contested > 0 and (best_policy < float(r["policy_floor"]) or
                                             best_contested >= float(r["contested_margin"]) * best_policy)
    ranked = sorted(scored, key=lambda s: (-(s[0] * (1.0 if (s[1] == "contested") == lead_contested else 0.5)),
                                           min(x.tok.i for x in s[3])))
    floor = float(r["passing_floor"])
    return [s for s in ranked if s[0] >= floor or s is ranked[0]] if ranked else []


def _short_name(row: dict) -> str:
    """How a label names an issue's owner: a person's surname, "the chief U.S. diplomat" (not
    "unnamed chief ..."), "the United States"."""
    name = row.get("name", "")
    short = name.split()[-1] if row.get("type") == "person" and name else name.removeprefix("unnamed ")
    if row.get("type") == "anonymous" and not re.match(r"[\w.-]+[\u2019']s? ", short):
        short = f"the {short}"  # "the spokesman", but "the party's executive" stays (its determiner is the genitive)
    if row.get("type") == "country" and name.startswith("United "):
        short = f"the {name}"
    return short


def _issue(issue_id: str, salience: float, kind: str, owner: str, g: list[Reference], article: Article, doc: Doc,
           actors: ActorTable, heads: set[int]) -> Issue:
    """One issue from its group of references: label, description, references and partners."""
    info = actors.info
    row = info.get(owner, {})
    label, noun, description = label_of(g, _short_name(row), row.get("type", ""), doc)
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
            f"{description} {verb_detail(g, 40)}", info, owner))),
        co_owner_ids=co_owners, salience=round(salience, 2),
        keywords=keywords_of(" ".join([label] + [t for _s, _e, t in mentions]), doc),
        heads=(heads := heads_of(g, description, doc)), acts=act_forms(heads))


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
        words = words_until((t for t in verb.subtree if t.idx >= start and not t.is_space), lambda t: t.text in CLAUSE_ENDS
                             or (t.dep_ in ("cc", "conj") and t.head.i == verb.i), int(rules()["label_words"]))
        return clean("".join(t.text_with_ws for t in words))
    return ""


_PLACE_PREPS = frozenset("in at inside across near to into from within throughout around".split())


def _ref_partners(group: list[Reference], actors: ActorTable, owners: set[str]) -> tuple[str, ...]:
    """Countries and organisations an issue's references name as parties: "efforts to encourage
    the rebels", "a deal with the union" (not places: "coordination in Syria")."""
    info = actors.info
    found: list[str] = []
    for x in group:
        for t in complement(x.tok, 30):
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
