#!/usr/bin/env python3
"""Validate gold annotation files (see gold/GUIDELINE.md for the format).

Usage:
    python gold/check_gold.py gold/000_e29bdc0df0d2cab1.yml
    python gold/check_gold.py --text path/to/article.txt some_gold.yml
    python gold/check_gold.py --texts /folder/with/txt/files gold_dir_or_files...

The article text is found, in this order: ``--text PATH`` (only with a single
gold file); ``--texts DIR`` + ``<doc_id>.txt``; the file's ``source:`` field,
relative to the gold file's folder, its parent, or the current directory.
The text is read with ``open(path, encoding="utf-8").read()``; all offsets
are Python code-point offsets into that string.

Checks: every ``text`` equals ``original[start:end]`` and the span lies inside
the text; ids are unique; every speaker and position actor is an actor id;
enumerations and the institution vocabulary are valid; statements are in
text order and do not overlap; direct statements sit inside quote marks;
position evidence is a statement id or a phrase found in the text.
Prints a summary per file; exits 1 on any problem (warnings do not fail).
Needs only the standard library and PyYAML.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

ACTOR_TYPES = {"person", "organization", "country", "group", "anonymous"}
MENTION_HOW = {"name", "alias", "pronoun", "nominal"}
KINDS = {"direct", "indirect", "mixed"}
SCORES = {2, 1, 0, -1, -2}
SIDES = {"for", "between", "against"}
INSTITUTIONS = {
    "State Department", "Department of Defense", "White House", "U.S. military",
    "U.S. intelligence", "U.S. Congress", "U.S. government", "Russian government",
    "Syrian government", "United Nations", "Armed group", "News agency",
    # added in gold/GUIDELINE.md ("Institutions"):
    "U.S. Department of Justice",
}
FOREIGN_GOV = re.compile(r"^[A-Z][A-Za-z .'-]* government$")
OPEN_MARKS = "“‘\"'"
CLOSE_MARKS = "”’\"'"
QUOTE_CHARS = "“”\""
UNRESOLVED = "unresolved"


class Report:
    def __init__(self, name: str) -> None:
        self.name = name
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def err(self, msg: str) -> None:
        self.errors.append(msg)

    def warn(self, msg: str) -> None:
        self.warnings.append(msg)


def find_text(gold_path: Path, data: dict, text: str | None, texts: str | None) -> Path | None:
    if text:
        return Path(text)
    doc_id = str(data.get("doc_id", "")) if isinstance(data, dict) else ""
    if texts and doc_id:
        p = Path(texts) / f"{doc_id}.txt"
        if p.exists():
            return p
    source = data.get("source") if isinstance(data, dict) else None
    if source:
        for base in (gold_path.parent, gold_path.parent.parent, Path.cwd()):
            p = base / source
            if p.exists():
                return p
        if Path(source).exists():
            return Path(source)
    return None


def check_span(rep: Report, where: str, item: dict, original: str) -> bool:
    s, e, t = item.get("start"), item.get("end"), item.get("text")
    if not (isinstance(s, int) and isinstance(e, int) and not isinstance(s, bool) and not isinstance(e, bool)):
        rep.err(f"{where}: start/end must be integers (got {s!r}, {e!r})")
        return False
    if not isinstance(t, str):
        rep.err(f"{where}: text must be a string")
        return False
    if not (0 <= s < e <= len(original)):
        rep.err(f"{where}: span [{s}:{e}] outside the text (length {len(original)}) or empty")
        return False
    if original[s:e] != t:
        rep.err(f"{where}: text {t!r} != original[{s}:{e}] {original[s:e]!r}")
        return False
    if t != t.strip():
        rep.warn(f"{where}: span has leading/trailing whitespace")
    return True


def valid_institution(value: str) -> bool:
    if value == "":
        return True
    parts = value.split("; ")
    return all(p in INSTITUTIONS or FOREIGN_GOV.match(p) for p in parts)


def check_file(gold_path: Path, text: str | None, texts: str | None) -> Report:
    rep = Report(str(gold_path))
    try:
        data = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    except Exception as exc:  # noqa: BLE001 - report any parse error
        rep.err(f"YAML does not parse: {exc}")
        return rep
    if not isinstance(data, dict):
        rep.err("top level must be a mapping")
        return rep
    for key in ("doc_id", "source", "policy", "actors", "statements"):
        if key not in data:
            rep.err(f"missing top-level key {key!r}")
    unknown = set(data) - {"doc_id", "source", "policy", "actors", "statements", "positions"}
    if unknown:
        rep.warn(f"unknown top-level keys: {sorted(unknown)}")
    if str(data.get("doc_id", "")) != gold_path.stem:
        rep.warn(f"doc_id {data.get('doc_id')!r} differs from file stem {gold_path.stem!r}")

    tpath = find_text(gold_path, data, text, texts)
    if tpath is None or not tpath.exists():
        rep.err(f"article text not found (source={data.get('source')!r}); use --text or --texts")
        return rep
    original = open(tpath, encoding="utf-8").read()
    rep.text_path = str(tpath)  # type: ignore[attr-defined]

    # actors
    actors = data.get("actors") or []
    if not isinstance(actors, list):
        rep.err("actors must be a list")
        actors = []
    actor_ids: set[str] = set()
    seen_mentions: dict[tuple[int, int], str] = {}
    types, hows = Counter(), Counter()
    n_mentions = 0
    for i, a in enumerate(actors):
        where = f"actors[{i}]"
        if not isinstance(a, dict):
            rep.err(f"{where}: must be a mapping")
            continue
        aid = a.get("id")
        where = f"actor {aid!r}"
        if not isinstance(aid, str) or not aid:
            rep.err(f"{where}: id must be a non-empty string")
        elif aid in actor_ids:
            rep.err(f"{where}: duplicate actor id")
        elif aid == UNRESOLVED:
            rep.err(f"{where}: 'unresolved' is reserved for speakers")
        else:
            actor_ids.add(aid)
        for key in ("name", "role", "institution", "country"):
            if not isinstance(a.get(key, None), str):
                rep.err(f"{where}: {key} must be a string (use \"\" when empty)")
        if not a.get("name"):
            rep.err(f"{where}: name is empty")
        if a.get("type") not in ACTOR_TYPES:
            rep.err(f"{where}: type {a.get('type')!r} not in {sorted(ACTOR_TYPES)}")
        types[a.get("type")] += 1
        if isinstance(a.get("institution"), str) and not valid_institution(a["institution"]):
            rep.err(f"{where}: institution {a['institution']!r} is not canonical (see GUIDELINE)")
        if not isinstance(a.get("former"), bool):
            rep.err(f"{where}: former must be true or false")
        mentions = a.get("mentions")
        if mentions is None:
            mentions = []
        if not isinstance(mentions, list):
            rep.err(f"{where}: mentions must be a list")
            continue
        for j, m in enumerate(mentions):
            mw = f"{where} mention[{j}]"
            if not isinstance(m, dict):
                rep.err(f"{mw}: must be a mapping")
                continue
            if m.get("how") not in MENTION_HOW:
                rep.err(f"{mw}: how {m.get('how')!r} not in {sorted(MENTION_HOW)}")
            hows[m.get("how")] += 1
            n_mentions += 1
            if check_span(rep, mw, m, original):
                key = (m["start"], m["end"])
                if key in seen_mentions:
                    other = seen_mentions[key]
                    (rep.err if other == aid else rep.warn)(
                        f"{mw}: span {key} {m['text']!r} also a mention of {other!r}")
                seen_mentions[key] = aid

    # statements
    statements = data.get("statements") or []
    if not isinstance(statements, list):
        rep.err("statements must be a list")
        statements = []
    st_ids: set[str] = set()
    kinds, speakers = Counter(), Counter()
    prev_end, prev_start = -1, -1
    for i, st in enumerate(statements):
        if not isinstance(st, dict):
            rep.err(f"statements[{i}]: must be a mapping")
            continue
        sid = st.get("id")
        where = f"statement {sid!r}"
        if not isinstance(sid, str) or not sid:
            rep.err(f"statements[{i}]: id must be a non-empty string")
        elif sid in st_ids:
            rep.err(f"{where}: duplicate statement id")
        else:
            st_ids.add(sid)
        kind = st.get("kind")
        if kind not in KINDS:
            rep.err(f"{where}: kind {kind!r} not in {sorted(KINDS)}")
        kinds[kind] += 1
        sp = st.get("speaker")
        sp_list = sp if isinstance(sp, list) else [sp]
        if isinstance(sp, list) and len(sp) < 2:
            rep.warn(f"{where}: a speaker list should have at least two ids")
        for one in sp_list:
            if one == UNRESOLVED and not isinstance(sp, list):
                continue
            if one not in actor_ids:
                rep.err(f"{where}: speaker {one!r} is not an actor id")
        speakers["+".join(map(str, sp_list))] += 1
        cue = st.get("cue")
        if not isinstance(cue, str):
            rep.err(f"{where}: cue must be a string (\"\" for a floating quotation)")
        elif cue == "" and kind != "direct":
            rep.err(f"{where}: only a direct (floating) quotation may have an empty cue")
        if not check_span(rep, where, st, original):
            continue
        s, e, t = st["start"], st["end"], st["text"]
        if s < prev_start:
            rep.err(f"{where}: statements are not in text order")
        if s < prev_end:
            rep.err(f"{where}: overlaps the previous statement (nested statements are not annotated)")
        prev_start, prev_end = s, max(prev_end, e)
        if kind == "direct":
            before = original[s - 1] if s > 0 else ""
            after = original[e] if e < len(original) else ""
            if before not in OPEN_MARKS:
                rep.err(f"{where}: direct quotation not preceded by an opening quote mark (got {before!r})")
            if after not in CLOSE_MARKS:
                if after in ("", "\n"):
                    rep.warn(f"{where}: direct quotation ends at line/text end without a closing mark")
                else:
                    rep.err(f"{where}: direct quotation not followed by a closing quote mark (got {after!r})")
        elif kind == "mixed" and not any(c in t for c in QUOTE_CHARS):
            rep.err(f"{where}: mixed statement contains no quoted fragment")
        elif kind == "indirect" and ("“" in t or "”" in t):
            rep.warn(f"{where}: indirect statement contains double quote marks (mixed?)")

    # positions
    positions = data.get("positions")
    sides = Counter()
    if positions is not None:
        if not isinstance(positions, list):
            rep.err("positions must be a list")
            positions = []
        pos_actors: set[str] = set()
        for i, p in enumerate(positions):
            if not isinstance(p, dict):
                rep.err(f"positions[{i}]: must be a mapping")
                continue
            actor = p.get("actor")
            where = f"position of {actor!r}"
            if actor not in actor_ids:
                rep.err(f"{where}: actor is not an actor id")
            if actor in pos_actors:
                rep.err(f"{where}: duplicate position")
            pos_actors.add(actor)
            score, side = p.get("score"), p.get("side")
            if isinstance(score, bool) or score not in SCORES:
                rep.err(f"{where}: score {score!r} not in {sorted(SCORES)}")
            if side not in SIDES:
                rep.err(f"{where}: side {side!r} not in {sorted(SIDES)}")
            sides[side] += 1
            if isinstance(score, int) and side in SIDES:
                if (side == "for" and score < 0) or (side == "against" and score > 0):
                    rep.err(f"{where}: side {side} contradicts score {score}")
                expected = {2: "for", -2: "against"}.get(score, "between")
                if side != expected:
                    rep.warn(f"{where}: side {side} with score {score} (default would be {expected})")
            ev = p.get("evidence")
            if not isinstance(ev, list) or not ev:
                rep.err(f"{where}: evidence must be a non-empty list")
                ev = []
            for x in ev:
                if not isinstance(x, str):
                    rep.err(f"{where}: evidence item {x!r} must be a string")
                elif re.fullmatch(r"S\d+", x):
                    if x not in st_ids:
                        rep.err(f"{where}: evidence {x} is not a statement id")
                elif x not in original:
                    rep.err(f"{where}: evidence phrase {x!r} not found in the text")
            if not isinstance(p.get("note", ""), str):
                rep.err(f"{where}: note must be a string")

    rep.summary = (  # type: ignore[attr-defined]
        f"  text: {getattr(rep, 'text_path', '?')} ({len(original)} chars)\n"
        f"  actors: {len(actor_ids)} {dict(sorted(types.items(), key=str))}\n"
        f"  mentions: {n_mentions} {dict(sorted(hows.items(), key=str))}\n"
        f"  statements: {len(statements)} {dict(sorted(kinds.items(), key=str))}\n"
        f"  speakers: {dict(speakers.most_common())}\n"
        f"  positions: {len(positions) if positions is not None else 'none'}"
        + (f" {dict(sorted(sides.items(), key=str))}" if positions else "")
    )
    return rep


def expand(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out.extend(sorted(q for q in path.iterdir() if q.suffix in (".yml", ".yaml")))
        else:
            out.append(path)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="+", help="gold .yml files or folders of them")
    ap.add_argument("--text", help="the article text (only with a single gold file)")
    ap.add_argument("--texts", help="folder holding <doc_id>.txt for each gold file")
    ap.add_argument("-q", "--quiet", action="store_true", help="do not print warnings")
    args = ap.parse_args(argv)
    files = expand(args.gold)
    if args.text and len(files) != 1:
        ap.error("--text needs exactly one gold file")
    if not files:
        ap.error("no gold files given")
    failed = 0
    for f in files:
        rep = check_file(f, args.text, args.texts)
        status = "FAIL" if rep.errors else "ok"
        print(f"{f}: {status} ({len(rep.errors)} errors, {len(rep.warnings)} warnings)")
        if hasattr(rep, "summary"):
            print(rep.summary)
        for e in rep.errors:
            print(f"  ERROR: {e}")
        if not args.quiet:
            for w in rep.warnings:
                print(f"  warning: {w}")
        failed += bool(rep.errors)
    if len(files) > 1:
        print(f"{len(files) - failed}/{len(files)} files ok")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
