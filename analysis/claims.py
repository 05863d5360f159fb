"""The policy at stake, and the claims each statement makes.

:func:`find_policy` finds the plan, proposal, deal or effort an article is
about and who owns it, from possessives ("X's proposal"), proposal verbs
("X proposed ...") and later references ("the plan", "the move"). An
analyst may pin or rename it in an optional codebook next to the article
(:func:`load_codebook`, documented in ``book/methods.md``).

:func:`extract_claims` splits each statement of :mod:`analysis.quotes`
into clause-level claims and returns one row per claim:

``doc_id, claim_id, quote_id, speaker_id, type, target, polarity, start, end, text``
    ``type`` is one of ``assertion, evaluation, demand, condition,
    prediction, accusation, question, proposal``; ``target`` is the policy's
    label, an actor's name, or empty when the claim names no one;
    ``polarity`` (``positive``, ``negative``, ``neutral``) is toward the
    target; offsets are into the original text and ``text`` is
    ``original[start:end]``.
``target_id, target_type, holder_id, cues``
    the target's actor id (``policy`` for the policy), its type, the actor
    whose position the claim states when that is not the speaker ("the minister
    supported ..." said by her spokesman), and the words that decided type
    and polarity.

Rules and word lists: ``analysis/data/claim_rules.yml``; the base polarity
lexicon is VADER's, read from the installed ``vaderSentiment`` package.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path

import pandas as pd
import yaml
from spacy.tokens import Doc, Token

from .actors import ActorTable, country_of
from .corpus import Article, quotation_spans
from .frames import tuples
from .nlp import forms
from .quotes import reporting_verbs
from .resources import load_yaml

CLAIM_COLUMNS = [
    "doc_id", "claim_id", "quote_id", "speaker_id", "type", "target", "polarity", "start", "end", "text",
    "target_id", "target_type", "holder_id", "cues",
]
CLAIM_TYPES = ("assertion", "evaluation", "demand", "condition", "prediction", "accusation", "question", "proposal")
POLICY_ID = "policy"


class CodebookError(ValueError):
    """A codebook file that cannot be used; the message names the file and the problem."""


@lru_cache(maxsize=1)
def rules() -> dict:
    """The claim rules (``analysis/data/claim_rules.yml``)."""
    return load_yaml("claim_rules.yml")


@lru_cache(maxsize=1)
def polarity_lexicon() -> dict[str, int]:
    """Word or phrase -> +1 / -1: VADER's lexicon above the threshold, then the domain lists."""
    r = rules()
    lexicon: dict[str, int] = {}
    try:
        text = importlib_resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - dependency declared
        text = ""
    threshold = float(r["min_valence"])
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not re.fullmatch(r"[a-z][a-z'-]*", parts[0]):
            continue
        value = float(parts[1])
        if abs(value) >= threshold:
            lexicon[parts[0]] = 1 if value > 0 else -1
    for word in r["positive"]:
        lexicon[word.lower()] = 1
    for word in r["negative"]:
        lexicon[word.lower()] = -1
    for word in r["neutral"]:
        lexicon.pop(word.lower(), None)
    return lexicon


# --------------------------------------------------------------------------- the policy

@dataclass(frozen=True)
class Policy:
    """The policy at stake in one article."""

    label: str
    noun: str
    owner_id: str
    owner: str
    description: str
    detail: str
    mentions: tuple[tuple[int, int, str], ...]  # original offsets and text of each reference
    partner_ids: tuple[str, ...]
    source: str = "detected"                     # "detected" or "codebook"
    changes: tuple[str, ...] = ()                # what a codebook changed

    def covers(self, start: int, end: int) -> bool:
        """Does an original span contain a reference to the policy?"""
        return any(start <= s and e <= end for s, e, _t in self.mentions)

    def refers(self, start: int, end: int) -> bool:
        """Does an original span overlap a reference to the policy?"""
        return any(s < end and start < e for s, e, _t in self.mentions)


def _subject(verb: Token, depth: int = 0) -> Token | None:
    subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subs:
        return subs[0]
    if depth < 3 and verb.dep_ in ("advcl", "xcomp", "conj", "relcl"):
        return _subject(verb.head, depth + 1)
    return None


def _mention_actor(tok: Token, actors: ActorTable) -> str:
    for t in [tok] + [c for c in tok.subtree]:
        if t.i in actors.token_actor:
            return actors.token_actor[t.i]
    return ""


def _owner(noun: Token, actors: ActorTable) -> tuple[str, bool]:
    """The actor who owns a policy noun, and whether someone else (not an actor) does."""
    for c in noun.children:
        if c.dep_ in ("poss", "compound", "nmod") and c.i in actors.token_actor:
            return actors.token_actor[c.i], False
        if c.dep_ in ("poss", "compound", "nmod", "amod"):
            for part in re.split(r"[-\u2013]", c.text):
                if country_of(part) or part.lower().rstrip(".") in ("u.n", "un", "eu", "e.u", "nato"):
                    return "", True
            if c.dep_ in ("poss", "compound", "nmod") and c.pos_ in ("PROPN", "PRON"):
                return "", True
    doc = noun.doc
    if noun.i >= 2 and doc[noun.i - 1].text in ("\u2019s", "'s") and doc[noun.i - 2].i in actors.token_actor:
        return actors.token_actor[doc[noun.i - 2].i], False  # a possessive the parser attached elsewhere
    for c in noun.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "of", "from"):
            for obj in c.children:
                if obj.i in actors.token_actor:
                    return actors.token_actor[obj.i], False
    return "", False


def find_policy(article: Article, doc: Doc, actors: ActorTable) -> Policy | None:
    """The plan or proposal the article is about, with its owner and references."""
    r = rules()
    strong = set(r["policy_nouns"]["strong"])
    weak = set(r["policy_nouns"]["weak"])
    info = actors.info
    refs: list[tuple[Token, str, bool]] = []  # noun, owner id, owned by someone else
    words = forms(doc)
    for i, (low, lemma) in enumerate(zip(words.lower, words.lemma)):
        if lemma not in strong and lemma not in weak and low not in weak:
            continue
        tok = doc[i]
        if tok.pos_ != "NOUN":
            continue
        owner, other = _owner(tok, actors)
        refs.append((tok, owner, other))
    proposals: list[tuple[Token, str]] = []
    attitudes = set(r["not_proposals"])
    dateline_end = len(article.dateline)
    for tok in (doc[i] for i in words.where_lemma(set(r["proposal_verbs"]))):
        if tok.pos_ == "VERB":
            subj = _subject(tok)
            if subj is not None and subj.idx < dateline_end:
                # "BRUSSELS (Reuters) - The Commission proposed ...": the dateline is not the subject
                before = [t for t in tok.sent if dateline_end <= t.idx and t.i < tok.i and t.i in actors.token_actor]
                subj = before[-1] if before else None
            obj = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() not in attitudes]
            if subj is not None and obj:
                owner = _mention_actor(subj, actors)
                if owner and info[owner]["type"] in ("person", "organization", "country", "group", "anonymous"):
                    proposals.append((obj[0], owner))
    scores: dict[str, float] = {}
    last_owner = ""
    for tok, owner, other in refs:
        if owner:
            scores[owner] = scores.get(owner, 0) + (2 if tok.lemma_.lower() in strong else 1)
            last_owner = owner
        elif last_owner and not other and any(c.lower_ in ("the", "this", "that") for c in tok.children):
            scores[last_owner] += 1  # "the plan", "the move" after "X’s proposal"
    for _obj, owner in proposals:
        scores[owner] = scores.get(owner, 0) + 3
    if not scores:
        return None
    first = {}
    for tok, owner, _o in refs:
        first.setdefault(owner, tok.i)
    for obj, owner in proposals:
        first[owner] = min(first.get(owner, obj.i), obj.i)
    owner = max(scores, key=lambda a: (scores[a], -first.get(a, 0)))
    if scores[owner] < 3:
        return None
    owned = [t for t, o, _x in refs if o == owner]
    nouns = [t.lemma_.lower() for t in owned] + [
        o.lemma_.lower() for o, who in proposals if who == owner and o.lemma_.lower() in strong | weak]
    strong_nouns = [n for n in nouns if n in strong]
    noun = max(set(strong_nouns or nouns or ["plan"]), key=lambda n: ((strong_nouns or nouns or ["plan"]).count(n), -nouns.index(n) if n in nouns else 0))
    mentions = []
    for tok, o, other in refs:
        definite = any(c.lower_ in ("the", "this", "that") for c in tok.children if c.dep_ == "det")
        bare_weak = not any(c.dep_ in ("det", "poss") for c in tok.children) and tok.lower_ in weak and tok.tag_ == "NNS"
        same_noun = tok.lemma_.lower() == noun  # "a levy" when the policy is the levy
        if o == owner or (not o and not other and (definite or bare_weak or same_noun)):
            left = min([c.left_edge.i for c in tok.children if c.dep_ in ("poss", "compound", "amod", "det")] + [tok.i])
            if o and left == tok.i and tok.i >= 2 and doc[tok.i - 1].text in ("\u2019s", "'s"):
                left = tok.i - 2
            span = doc[left:tok.i + 1]
            s, e = article.to_original(span.start_char, span.end_char)
            mentions.append((s, e, article.original[s:e]))
    owner_name = info[owner]["name"]
    short = owner_name.split()[-1] if info[owner]["type"] == "person" else owner_name
    description, detail = "", ""
    for obj, o in proposals:
        if o == owner:
            sub = [t for t in obj.subtree]
            cut = [t.left_edge.i for t in sub if t.dep_ == "conj" and t.i in actors.token_actor and t.i > obj.i]
            end = min(cut + [sub[-1].i + 1])
            while end > obj.i + 1 and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("the", "and")):
                end -= 1
            description = _clean_text(doc[sub[0].i:end].text)
            break
    for tok in owned:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in r["description_verbs"]:
            verb = tok.head
            right = [t for t in verb.subtree if t.i > verb.i]
            if right:
                detail = _clean_text(doc[right[0].i:right[-1].i + 1].text)
            break
    partners = _partners(description + " " + detail, info, owner)
    return Policy(
        label=f"{short}\u2019s {noun}",
        noun=noun,
        owner_id=owner,
        owner=owner_name,
        description=description or detail,
        detail=detail,
        mentions=tuple(sorted(set(mentions))),
        partner_ids=partners,
    )


def _clean_text(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,.;")


def _partners(text: str, info: dict, owner: str) -> tuple[str, ...]:
    """Countries named in the policy's description, other than the owner's own."""
    owner_country = info[owner].get("country", "") if owner in info else ""
    found: list[str] = []
    for m in re.finditer(r"[A-Z][\w.'\u2019-]*", text):
        word = m.group()
        if re.search(r"\b(in|at|inside|across|near)\s+$", text[:m.start()]):
            continue  # a place, not a party to the plan
        c = country_of(word.rstrip(".,")) or country_of(word)
        if not c or c == owner_country:
            continue
        for aid, row in info.items():
            if row["type"] == "country" and row["name"] == c and aid not in found:
                found.append(aid)
    return tuple(found)


def load_codebook(path: str | Path) -> dict:
    """Read an article's codebook (YAML); raise :class:`CodebookError` on a bad file."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CodebookError(f"{path}: cannot read codebook ({exc.__class__.__name__})") from None
    if not isinstance(data, dict):
        raise CodebookError(f"{path}: a codebook must be a mapping with keys 'policy' and/or 'concepts'")
    unknown = set(data) - {"policy", "concepts"}
    if unknown:
        raise CodebookError(f"{path}: unknown codebook keys: {', '.join(sorted(unknown))}")
    policy = data.get("policy") or {}
    if not isinstance(policy, dict) or set(policy) - {"label", "owner", "description", "terms"}:
        raise CodebookError(f"{path}: 'policy' takes label, owner, description and terms")
    concepts = data.get("concepts") or {}
    if not isinstance(concepts, dict) or set(concepts) - {"rename", "merge"}:
        raise CodebookError(f"{path}: 'concepts' takes rename and merge")
    return {"policy": policy, "concepts": concepts}


def codebook_path(article: Article) -> Path | None:
    """``<article>.codebook.yml`` next to the article file, if there is one."""
    if not article.path:
        return None
    path = Path(article.path)
    candidate = path.with_name(path.stem + ".codebook.yml")
    return candidate if candidate.is_file() else None


def apply_codebook(policy: Policy | None, codebook: dict, article: Article, actors: ActorTable) -> Policy | None:
    """Pin, rename or extend the detected policy with a codebook's ``policy`` section."""
    spec = codebook.get("policy") or {}
    if not spec:
        return policy
    changes = []
    info = actors.actors
    if policy is None:
        policy = Policy("the policy", "policy", "", "", "", "", (), (), "codebook")
        changes.append("no policy was detected; the codebook defines it")
    if spec.get("owner"):
        want = str(spec["owner"]).lower()
        match = info[info["name"].str.lower().str.contains(want, regex=False) | info["aliases"].str.lower().str.contains(want, regex=False)]
        if match.empty:
            changes.append(f"owner {spec['owner']!r} is not an actor of this article; owner left as detected")
        else:
            row = match.iloc[0]
            if row["actor_id"] != policy.owner_id:
                changes.append(f"owner: {policy.owner or '(none)'} \u2192 {row['name']}")
            policy = replace(policy, owner_id=row["actor_id"], owner=row["name"])
    if spec.get("label"):
        changes.append(f"label: {policy.label} \u2192 {spec['label']}")
        policy = replace(policy, label=str(spec["label"]))
    if spec.get("description"):
        changes.append("description replaced")
        policy = replace(policy, description=str(spec["description"]))
    if spec.get("terms"):
        extra = []
        text = article.original
        for term in spec["terms"]:
            for m in re.finditer(re.escape(str(term)), text, flags=re.IGNORECASE):
                extra.append((m.start(), m.end(), text[m.start():m.end()]))
        added = sorted(set(extra) - set(policy.mentions))
        if added:
            changes.append(f"{len(added)} references added from terms")
        policy = replace(policy, mentions=tuple(sorted(set(policy.mentions) | set(added))))
    return replace(policy, source="codebook", changes=policy.changes + tuple(changes))


# --------------------------------------------------------------------------- claims

@dataclass
class _Claim:
    quote_id: str
    speaker_ids: list[str]
    cs: int
    ce: int
    tokens: list[Token] = field(default_factory=list)


def _phrase_in(phrase: str, text: str) -> re.Match | None:
    """Where ``phrase`` occurs in ``text`` as whole words, if it does."""
    if phrase not in text:
        return None
    return _phrase_pattern(phrase).search(text)


@lru_cache(maxsize=4096)
def _phrase_pattern(phrase: str) -> re.Pattern:
    return re.compile(r"(?<![\w\u2019'])" + re.escape(phrase) + r"(?![\w])")


def _split(tokens: list[Token], speaker_ids: list[str]) -> list[list[Token]]:
    """Clause-level pieces of one statement: sentences, then contrastive or 'saying' clauses."""
    r = rules()
    breaks = set(r["clause_breaks"])
    pieces: list[list[Token]] = []
    current: list[Token] = []
    for tok in tokens:
        cut = False
        if current and tok.is_sent_start:
            cut = True
        elif current and tok.lower_ in breaks and tok.dep_ in ("cc", "advmod", "mark", "prep"):
            later = [t for t in tokens if t.i > tok.i and t.pos_ in ("VERB", "AUX") and t.dep_ in ("conj", "advcl", "ccomp", "ROOT")]
            if later and any(c.dep_ in ("nsubj", "nsubjpass") for c in later[0].children):
                cut = True
        elif current and tok.text == "," and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].tag_ == "VBG" and tok.doc[tok.i + 1].lemma_ in ("say", "add", "argue", "warn", "note", "claim"):
            cut = True
        if cut and len([t for t in current if t.is_alpha]) >= 3:
            pieces.append(current)
            current = []
        current.append(tok)
    if current:
        if pieces and len([t for t in current if t.is_alpha]) < 3:
            pieces[-1].extend(current)
        else:
            pieces.append(current)
    return pieces


def _type(text: str, toks: list[Token]) -> tuple[str, list[str]]:
    r = rules()
    low = text.lower()
    if text.rstrip(" \u201d\u2019\"'").endswith("?"):
        return "question", ["?"]
    lemmas = {t.lemma_.lower() for t in toks} | {t.lower_ for t in toks}
    for kind in ("demand", "condition", "proposal", "prediction", "accusation", "evaluation"):
        hits = [c for c in r["types"][kind] if (" " in c and _phrase_in(c, low)) or c in lemmas]
        if hits:
            return kind, hits[:3]
    return "assertion", []


def _negated(tok: Token, stop: set[int]) -> bool:
    negs = {n.lower() for n in rules()["negators"]}
    node = tok
    for _ in range(6):
        if any(c.dep_ == "neg" or c.lower_ in negs for c in node.children):
            return True
        if node.head is node or node.head.i not in stop:
            return False
        node = node.head
    return False


@lru_cache(maxsize=2)
def _phrases(_key: int) -> tuple[str, ...]:
    """The multi-word entries of the polarity lexicon."""
    return tuple(p for p in polarity_lexicon() if " " in p)


def _polarity(text: str, toks: list[Token], kind: str) -> tuple[str, list[str]]:
    lex = polarity_lexicon()
    low = text.lower()
    negs = {n.lower() for n in rules()["negators"]}
    score = 0
    cues: list[str] = []
    used: set[int] = set()
    ids = {t.i for t in toks}
    for phrase in _phrases(id(lex)):
        m = _phrase_in(phrase, low)
        if m:
            score += lex[phrase]
            cues.append(phrase)
            start = toks[0].idx + m.start() if toks else 0
            used.update(t.i for t in toks if start <= t.idx < start + len(phrase))
    for tok in toks:
        if tok.i in used:
            continue
        word = tok.lower_
        value = lex.get(word, lex.get(tok.lemma_.lower(), 0))
        if not value:
            continue
        if any(n in word for n in ("n't", "n\u2019t")) or word in negs:
            continue
        if _negated(tok, ids):
            value = -value
            cues.append(f"not {word}")
        else:
            cues.append(word)
        score += value
    fixed = rules()["type_polarity"].get(kind)
    if fixed:
        return fixed, cues + [kind]
    if score > 0:
        return "positive", cues
    if score < 0:
        return "negative", cues
    return "neutral", cues


def extract_claims(
    article: Article, doc: Doc, actors: ActorTable, quotes: pd.DataFrame, policy: Policy | None
) -> pd.DataFrame:
    """Split statements into typed, targeted claims; see the module docstring for the columns."""
    info = actors.info
    rows = []
    previous_target: dict[str, tuple[str, str, str]] = {}
    quote_spans = quotation_spans(article.text)
    n = 0
    for q in tuples(quotes):
        cs, ce = article.to_clean(q.start), article.to_clean(q.end)
        span = doc.char_span(cs, ce, alignment_mode="expand")
        if span is None:
            continue
        toks = [t for t in span if not t.is_space]
        speakers = [s for s in str(q.speaker_id).split(";") if s]
        for piece in _split(toks, speakers):
            words = [t for t in piece if not (t.is_punct and t.text not in "?")]
            while piece and (piece[0].is_punct or piece[0].is_space) and piece[0].text not in "\u201c\u2018":
                piece = piece[1:]
            while piece and (piece[-1].is_space or piece[-1].is_punct and piece[-1].text not in "?\u201d\u2019"):
                piece = piece[:-1]
            if not piece or not words:
                continue
            pcs, pce = piece[0].idx, piece[-1].idx + len(piece[-1].text)
            start, end = article.to_original(pcs, pce)
            text = article.original[start:end]
            kind, type_cues = _type(text, piece)
            cue_type = rules()["cue_types"].get(str(q.cue))
            if cue_type and kind in ("assertion", "evaluation"):
                kind, type_cues = cue_type, [f"reported with \u201c{q.cue}\u201d"]
            holder = _holder(piece, speakers, actors, info)
            own = {aid for aid, row in info.items() if row["type"] == "organization" and row["institution"]
                   and row["institution"] in {info[sp]["institution"] for sp in speakers if sp in info}}
            excluded = set(speakers) | {holder} | own
            target_id, target_type = _target(piece, excluded, policy, info, actors, start, end, doc, quote_spans)
            if not target_id and q.quote_id in previous_target:
                target_id, target_type, _ = previous_target[q.quote_id]
            if not target_id and speakers and speakers[0] in previous_target:
                target_id, target_type, _ = previous_target[speakers[0]]
            polarity, pol_cues = _polarity(text, piece, kind)
            if target_id:
                previous_target[q.quote_id] = (target_id, target_type, "")
                if speakers:
                    previous_target[speakers[0]] = (target_id, target_type, "")
            n += 1
            target = policy.label if target_id == POLICY_ID and policy else info.get(target_id, {}).get("name", "")
            rows.append({
                "doc_id": article.doc_id,
                "claim_id": f"C{n:02d}",
                "quote_id": q.quote_id,
                "speaker_id": q.speaker_id,
                "type": kind,
                "target": target,
                "polarity": polarity,
                "start": start,
                "end": end,
                "text": text,
                "target_id": target_id,
                "target_type": target_type,
                "holder_id": holder,
                "cues": "; ".join(dict.fromkeys(type_cues + pol_cues)),
            })
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS)


def _target(piece, excluded, policy, info, actors: ActorTable, start, end, doc, quotes) -> tuple[str, str]:
    """What a claim is about: the policy if it refers to it, else the most salient other actor."""
    if policy is not None and policy.covers(start, end):
        return POLICY_ID, "policy"
    country_actor = {row["name"]: aid for aid, row in info.items() if row["type"] == "country"}
    scores: dict[str, float] = {}
    order: dict[str, int] = {}
    previous = None
    for tok in piece:
        aid = actors.token_actor.get(tok.i)
        weight = 1.0
        if not aid and tok.lower_ in ("they", "them", "their"):
            aid = _recent_party(tok, piece[0].i, excluded, info, actors, quotes)
        if not aid and tok.pos_ in ("ADJ", "PROPN") and "-" not in tok.text:
            aid = country_actor.get(country_of(tok.text), "")
            weight = 0.75
        if not aid or aid in excluded:
            previous = None
            continue
        if aid == previous and tok.i in actors.token_actor:
            continue  # one mention, several tokens
        previous = aid
        row = info[aid]
        score = (2.0 if row["type"] in ("country", "organization", "group") else 0.5) * weight
        if tok.dep_ in ("nsubj", "nsubjpass"):
            score += 1
        scores[aid] = scores.get(aid, 0) + score
        order.setdefault(aid, tok.i)
    if scores:
        best = max(scores, key=lambda a: (scores[a], -order[a]))
        return best, info[best]["type"]
    return "", ""


def _recent_party(tok: Token, piece_start: int, excluded, info, actors: ActorTable, quotes) -> str:
    """'they': its apposition, else the latest country, organisation or group before it.

    Inside a quotation only the speaker's own quoted words are searched, so an
    attribution between two quotations ("... at the White House, “They ...")
    does not supply the antecedent.
    """
    doc = tok.doc

    def party(t: Token) -> str:
        aid = actors.token_actor.get(t.i, "")
        if aid and aid not in excluded and info[aid]["type"] in ("country", "organization", "group"):
            return aid
        return ""

    for c in tok.children:
        if c.dep_ == "appos" and party(c):
            return party(c)
    quoted = next(((s, e) for s, e in quotes if s <= tok.idx < e), None)
    for t in reversed(doc[max(0, tok.i - 80):tok.i]):
        if quoted is not None and t.i < piece_start and not any(s <= t.idx < e for s, e in quotes):
            continue
        aid = party(t)
        if aid:
            return aid
    return ""


def _holder(piece, speakers, actors: ActorTable, info) -> str:
    """'The minister supported ...' said by her spokesman: the position is the minister's."""
    ids = {t.i for t in piece}
    roots = [t for t in piece if t.head.i not in ids or t.head is t]
    verbs = set(rules()["holder_verbs"]) | set(reporting_verbs())  # "the minister emphasized that ..." inside a quote
    for root in roots:
        for verb in [root] + [c for c in root.children if c.dep_ in ("ccomp", "conj")]:
            if verb.lemma_.lower() not in verbs or verb.dep_ in ("aux", "auxpass"):
                continue
            heads = [verb] + [c for c in verb.children if c.dep_ in ("aux", "auxpass")]  # "he’s had"
            for sub in (c for h in heads for c in h.children if c.dep_ in ("nsubj", "nsubjpass")):
                aid = actors.token_actor.get(sub.i) or next(
                    (actors.token_actor[t.i] for t in sub.subtree if t.i in actors.token_actor), "")
                if aid and aid not in speakers and info[aid]["type"] in ("person", "organization", "anonymous",
                                                                         "group", "country"):
                    return aid  # "Paris would back it": the country holds the position
    return ""
