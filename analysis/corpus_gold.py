"""Score the analysis against the stand-off development gold on other stories (``gold/corpus/``).

The gold holds offsets, names and labels only (the stories are copyright
their publishers and stay in ``../shared/corpus``); the formats are in
``gold/corpus/README.md``. Two families of measures:

:func:`score_statements`
    statements found (matched as for the seed: :func:`analysis.evaluate.match_statements`) and speakers right among the matched ones. A
    predicted speaker is the gold speaker when its actor has a mention
    covering the gold speaker's first mention (:func:`speaker_map`), or else carries the same
    name (surname for people, head noun for groups and unnamed sources).
:func:`score_positions`
    each gold voice is matched to a predicted voice by name (surname for
    people, head noun for groups and unnamed sources; one to one), and its
    position counts as *inside* when it lies in the annotated interval,
    *within one step* when it is at most one step outside it. A gold voice
    with no predicted position counts as wrong on every measure. The issue
    is *found* when the analysis names one for a story whose gold has a
    policy, and *labelled alike* (:func:`issue_agrees`) when its label shares
    a word that says which issue it is with the annotators' policy or
    contested remark.

Both return plain rows (dicts) that :func:`pooled` sums per source.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import ROOT
from .evaluate import match_statements, one_to_one, overlap

CORPUS_GOLD = ROOT / "gold" / "corpus"
SHARED = ROOT.parent / "shared"
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_CUT = {"at", "of", "who", "that", "which", "in", "on", "for", "speaking", "interviewed", "representing", "with",
        "from", "whose", "to", "(", "and", "led", "involved", "working", "familiar", "close", "under"}
_DROP = {"the", "a", "an", "some", "most", "many", "several", "other", "unnamed", "one", "two", "three", "another",
         "few", "all", "both", "senior", "top"}


def source_of(doc_id: str) -> str:
    """The outlet of a development story, from its file name (``reuters`` for the wire stories)."""
    if doc_id.startswith(("isot-", "reuters-", "000_")):
        return "reuters"
    if doc_id.startswith("abc-"):
        return "abc"   # ABC News, Australia (the Lee corpus: tools/fetch_lee.py)
    return doc_id.split("_", 1)[0]


def group_of(source: str) -> str | None:
    """The group a source's figures are pooled into besides its own row: the U.S. outlets together;
    None for the wire and for an outlet that is a group of its own (ABC News, Australia)."""
    return None if source in ("reuters", "abc") else "U.S. outlets"


def load(kind: str, folder: Path | None = None) -> list[dict]:
    """The adjudicated stand-off files of one kind (``statements`` or ``positions``), sorted by name."""
    folder = folder or CORPUS_GOLD / kind
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.yml"))]


def text_path(gold: dict, shared: Path = SHARED) -> Path:
    """Where the story of a gold file is (it may be missing: the corpus is not committed);
    the seed's gold points into the repository's own ``seeds/``, fetched texts into ``texts/``
    (``tools/fetch_lee.py``)."""
    if str(gold["source"]).startswith(("seeds/", "texts/")):
        return ROOT / gold["source"]
    return shared / gold["source"]


# --------------------------------------------------------------------------- names

def _words(name: str) -> list[str]:
    name = re.sub(r"\([^)]*\)", " ", str(name))
    name = re.sub(r"'s(?=\s|$)", "", name.lower().replace("\u2019", "'"))  # "Modanlo’s" and "Modanlo's" alike
    return [w for w in re.findall(r"[a-z0-9][a-z0-9.'-]*", name)]


def surname(name: str) -> str:
    """The last word of a person's name, without suffixes (``Joe Manchin III`` -> ``manchin``)."""
    words = [w.strip(".,") for w in _words(name)]
    words = [w for w in words if w not in _SUFFIXES]
    return words[-1] if words else ""


def _kept(name: str) -> list[str]:
    """The words of a description up to its first cut word, without determiners and quantifiers."""
    kept: list[str] = []
    for w in (w.strip(".,") for w in _words(name)):
        if w in _CUT and kept:
            break
        if w not in _DROP:
            kept.append(w)
    return kept


def head_noun(name: str) -> str:
    """The head noun of a description, singular (``State Department officials interviewed`` -> ``official``)."""
    kept = _kept(name)
    if not kept:
        return ""
    head = kept[-1]
    if head.endswith("ies") and len(head) > 4:
        return head[:-3] + "y"
    if head.endswith("s") and not head.endswith(("ss", "us")) and len(head) > 3:
        return head[:-1]
    return head


def _acronym(name: str) -> str:
    return "".join(w[0] for w in _words(name) if w not in {"of", "the", "and", "for"})


def name_score(gold_name: str, gold_type: str, name: str, kind: str, aliases: str = "") -> float:
    """How well a predicted actor's name fits a gold name (0 = not the same actor)."""
    gw, pw = set(_words(gold_name)), set(_words(name))
    for alias in str(aliases or "").split(";"):
        pw |= set(_words(alias))
    overlap = len(gw & pw) / max(1, len(gw | pw))
    if gold_type == "person":
        if kind != "person":
            return 0.0
        names = [name] + [a for a in str(aliases or "").split(";") if a.strip()]
        return 1.0 + overlap if any(surname(n) == surname(gold_name) for n in names) else 0.0
    g_low = " ".join(_words(gold_name))
    p_low = " ".join(_words(name.removeprefix("unnamed ")))
    if g_low and (g_low == p_low or _acronym(gold_name) == p_low.replace(".", "") or
                  _acronym(name) == g_low.replace(".", "")):
        return 2.0
    if kind == "person":
        return 0.0
    gh, ph = head_noun(gold_name), head_noun(name)
    g_mods, p_mods = set(_kept(gold_name)[:-1]), set(_kept(name.removeprefix("unnamed "))[:-1])
    if g_mods and p_mods and not (g_mods <= p_mods or p_mods <= g_mods):
        return 0.0  # other modifiers name someone else ("Trump administration" is not the "Obama administration",
        #             "human rights groups" are not "civil rights groups"); "four federal judges" are "federal judges"
    if gh and gh == ph:
        return 1.0 + overlap
    if overlap >= 0.5:
        return 0.5 + overlap
    return 0.0


def match_voices(gold_voices: list[dict], predicted: list[dict]) -> dict[int, int]:
    """Gold voice index -> predicted row index, one to one, best name fit first."""
    pairs = []
    for gi, g in enumerate(gold_voices):
        for pi, p in enumerate(predicted):
            s = name_score(g["name"], g["type"], p["name"], p["type"], p.get("aliases", ""))
            if s > 0:
                pairs.append((s, gi, pi))
    return one_to_one(pairs)


# --------------------------------------------------------------------------- statements


def speaker_map(gold: dict, actors: list[dict], mentions: list[dict]) -> dict[str, str]:
    """Predicted actor id -> gold actor id. A predicted actor is the gold actor whose first mention
    one of its mentions covers (at least half of it, or any part when the names fit too: "U.S."
    inside "U.S. and Iranian officials" is not that group, "senior official" inside "a senior
    official involved in the talks" is that official); else the gold actor whose name fits best."""
    out: dict[str, str] = {}
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in mentions:
        spans.setdefault(m["actor_id"], []).append((int(m["start"]), int(m["end"])))
    for a in actors:
        best = (0.0, "")
        for g in gold["actors"]:
            s, e = g["first"]
            cover = max((overlap((s, e), sp) for sp in spans.get(a["actor_id"], [])), default=0) / max(1, e - s)
            if not cover:
                continue
            fit = name_score(g["name"], g["type"], a["name"], a["type"], a.get("aliases", ""))
            if cover >= 0.5 or fit > 0:
                best = max(best, (cover + fit, g["id"]))
        if best[1]:
            out[a["actor_id"]] = best[1]
    for a in actors:
        if a["actor_id"] in out:
            continue
        best = max(((name_score(g["name"], g["type"], a["name"], a["type"], a.get("aliases", "")), g["id"])
                    for g in gold["actors"]), default=(0.0, ""))
        if best[0] > 0:
            out[a["actor_id"]] = best[1]
    return out


@dataclass(frozen=True)
class StatementScore:
    doc_id: str
    source: str
    gold: int
    predicted: int
    matched: int
    speakers_right: int
    unresolved: int        # predicted statements with no speaker
    errors: tuple[tuple[str, int, int, str, str], ...]  # kind, start, end, gold speaker, predicted speaker


def score_statements(gold: dict, quotes: list[dict], actors: list[dict], mentions: list[dict]) -> StatementScore:
    """Statements and speakers of one analysis against one stand-off gold file."""
    matched = match_statements(gold["statements"], [(q["quote_id"], q["start"], q["end"]) for q in quotes])
    used = set(matched.values())
    amap = speaker_map(gold, actors, mentions)
    names = {g["id"]: g["name"] for g in gold["actors"]}
    qrow = {q["quote_id"]: q for q in quotes}
    right = 0
    errors = []
    for g in gold["statements"]:
        want = g["speaker"] if isinstance(g["speaker"], list) else [g["speaker"]]
        if g["id"] not in matched:
            errors.append(("missed", g["start"], g["end"], "; ".join(names.get(w, w) for w in want), ""))
            continue
        q = qrow[matched[g["id"]]]
        ids = [s for s in str(q["speaker_id"]).split(";") if s]
        got = sorted({amap.get(s, "?" + s) for s in ids}) or ["unresolved"]
        if got == sorted(set(want)):
            right += 1
        else:
            errors.append(("wrong speaker", g["start"], g["end"], "; ".join(names.get(w, w) for w in want),
                           str(q["speaker"])))
    for q in quotes:
        if q["quote_id"] not in used:
            errors.append(("false", int(q["start"]), int(q["end"]), "", str(q["speaker"])))
    unresolved = sum(1 for q in quotes if not str(q["speaker_id"] or ""))
    return StatementScore(gold["doc_id"], source_of(gold["doc_id"]), len(gold["statements"]), len(quotes),
                          len(matched), right, unresolved, tuple(errors))


# --------------------------------------------------------------------------- positions

@dataclass(frozen=True)
class PositionScore:
    doc_id: str
    source: str
    voices: int
    inside: int
    within_one: int
    placed: int              # gold voices that got a position at all
    issue_in_gold: bool
    issue_found: bool
    issue_alike: bool         # the label shares a word naming the issue with the gold's (any gold issue)
    gold_issue: str
    issue: str
    rows: tuple[tuple[str, int, int, object, str], ...]   # gold name, lo, hi, predicted score or None, predicted name
    baseline: dict            # constant score -> voices inside


def distance(score: int, lo: int, hi: int) -> int:
    """Steps from a score to an interval (0 inside)."""
    return lo - score if score < lo else score - hi if score > hi else 0


def score_positions(gold: dict, stances: list[dict], actors: list[dict], issue: str = "") -> PositionScore:
    """Voices' positions of one analysis against one stand-off gold file."""
    info = {a["actor_id"]: a for a in actors}
    predicted = [{**info.get(s["actor_id"], {}), **s, "name": s["actor"], "type": s["actor_type"]} for s in stances]
    mapping = match_voices(gold["voices"], predicted)
    inside = within = placed = 0
    rows = []
    for gi, v in enumerate(gold["voices"]):
        lo, hi = v["interval"]
        p = predicted[mapping[gi]] if gi in mapping else None
        score = None if p is None or p.get("score") is None or p.get("score") != p.get("score") else int(p["score"])
        if score is not None:
            placed += 1
            d = distance(score, lo, hi)
            inside += d == 0
            within += d <= 1
        rows.append((v["name"], lo, hi, score, p["name"] if p else ""))
    baseline = {c: sum(1 for v in gold["voices"] if v["interval"][0] <= c <= v["interval"][1]) for c in range(-2, 3)}
    return PositionScore(gold["doc_id"], source_of(gold["doc_id"]), len(gold["voices"]), inside, within, placed,
                         gold.get("policy") is not None, bool(issue), issue_agrees(issue, gold),
                         str(gold.get("policy") or gold.get("contested") or ""),
                         issue, tuple(rows), baseline)


def pooled(scores: list, fields: list[str], by: str = "source") -> dict[str, dict[str, int]]:
    """Sum integer fields per source, for the U.S. outlets together (:func:`group_of`), and for ``all``."""
    out: dict[str, dict[str, int]] = {}
    for s in scores:
        group = group_of(getattr(s, by))
        for key in dict.fromkeys(k for k in (getattr(s, by), group, "all") if k):
            row = out.setdefault(key, {f: 0 for f in fields} | {"stories": 0})
            row["stories"] += 1
            for f in fields:
                row[f] += int(getattr(s, f))
    return out


# Words that say what kind of issue it is, not which one: sharing one of them says nothing.
_ISSUE_KINDS = {"plan", "plans", "proposal", "proposals", "bill", "bills", "law", "laws", "policy", "policies",
                "decision", "move", "call", "claim", "claims", "comment", "comments", "remark", "remarks", "deal",
                "effort", "efforts", "program", "programme", "idea", "ideas", "push", "strategy", "proposed",
                "new", "possible", "statement", "words", "issue", "stake"}
_LABEL_STOP = {"the", "a", "an", "of", "to", "for", "on", "in", "at", "by", "with", "and", "or", "his", "her", "its",
               "their", "that", "this", "from", "into", "about", "as", "be", "is", "would", "will", "what", "it"}


def _stem(word: str) -> str:
    """A word without its inflection, so that "strikes" meets "strike", "deployments" "deployment"
    and "increasing" "increase" (one ending off, then a final e; never below four letters)."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[:-len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def _label_words(text: str) -> set[str]:
    words = re.findall(r"[A-Za-z0-9$][A-Za-z0-9$.\-]*", text.replace("\u2019", "'"))
    out = set()
    for w in words:
        w = w.lower().rstrip(".")
        w = w[:-2] if w.endswith("'s") else w
        if len(w) > 1 and w not in _LABEL_STOP and w not in _ISSUE_KINDS:
            out.add(_stem(w))
    return out


def issue_agrees(label: str, gold: dict) -> bool:
    """Whether the analysis's issue label names the annotators' issue: the two share a word that
    says which issue it is (not only its kind, "plan", "bill", nor only its owner's name).
    Lenient by design (one shared word such as "wall" or "sanctions" is enough), and strict
    where it matters: a label about another matter shares nothing. A story in which the
    annotators found no issue agrees with an analysis that finds none."""
    wanted = str(gold.get("policy") or gold.get("contested") or "")
    if not label or not wanted:
        return not label and not wanted
    owner = _label_words(str(gold.get("owner") or ""))
    return bool((_label_words(label) & _label_words(wanted)) - owner)
