#!/usr/bin/env python3
"""Turn an annotator's reading (JSON with verbatim excerpts) into stand-off gold (YAML with offsets).

Usage:
    python tools/standoff.py statements READING.json [...] --out DIR [--texts DIR ...]
    python tools/standoff.py positions  READING.json [...] --out DIR [--texts DIR ...]
    python tools/standoff.py show GOLD.yml [--texts DIR ...]      # print the spans back, for checking

Annotators quote the article (that is how people read and point); the
repository keeps only offsets, names and labels, because the corpus is
copyright its publishers and is never committed. This tool finds each
excerpt in the article and writes ``gold/corpus/...`` files that hold no
article text beyond actor names. ``show`` prints a stand-off file with the
article's words put back, read from the local corpus.

Excerpts are matched exactly; if that fails, quotation marks and
apostrophes of any style match each other and any run of white space
matches any other. Statements are located in text order (each search
starts where the previous statement ended), so repeated wording is found
at the right place. An actor's ``first`` is its first mention, given as
``"words"`` (first occurrence) or ``["words", n]`` (the n-th occurrence).

The reading formats are described in ``gold/corpus/README.md``. Exit
status 1 when an excerpt cannot be found: the message names the file, the
item and the words, so the annotator can fix the reading.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TEXTS = [ROOT.parent / "shared" / "corpus", ROOT.parent / "shared" / "corpus" / "polnear", ROOT / "texts" / "lee"]
QUOTES = "\"'\u201c\u201d\u2018\u2019`\u00b4"
KINDS = {"direct", "indirect", "mixed"}
TYPES = {"person", "organization", "country", "group", "anonymous"}


class ReadingError(ValueError):
    """A reading that cannot be placed in its article."""


def find_article(name: str, folders: list[Path]) -> Path:
    for folder in folders:
        path = folder / name
        if path.is_file():
            return path
    raise ReadingError(f"article {name!r} not found in {', '.join(str(f) for f in folders)}")


def _pattern(excerpt: str) -> re.Pattern:
    parts = []
    for ch in excerpt.strip():
        if ch in QUOTES:
            parts.append(f"[{re.escape(QUOTES)}]")
        elif ch.isspace():
            parts.append(r"\s+")
        elif ch in "\u2014\u2013-":
            parts.append("[\u2014\u2013-]")
        else:
            parts.append(re.escape(ch))
    return re.compile(re.sub(r"(\\s\+)+", r"\\s+", "".join(parts)))


def locate(text: str, excerpt: str, start: int = 0, nth: int = 1) -> tuple[int, int]:
    """Offsets of the ``nth`` occurrence of ``excerpt`` at or after ``start``."""
    excerpt = str(excerpt).strip()
    if not excerpt:
        raise ReadingError("empty excerpt")
    pos = start
    for _ in range(nth):
        i = text.find(excerpt, pos)
        if i < 0:
            m = _pattern(excerpt).search(text, pos)
            if m is None:
                raise ReadingError(f"not found{' after offset ' + str(start) if start else ''}: {excerpt[:80]!r}")
            i, j = m.start(), m.end()
        else:
            j = i + len(excerpt)
        found = (i, j)
        pos = i + 1
    return found


def statements(reading: dict, text: str) -> dict:
    actors = []
    ids = set()
    for k, a in enumerate(reading.get("actors", [])):
        where = f"actor {k + 1} ({a.get('id')!r})"
        if a.get("type") not in TYPES:
            raise ReadingError(f"{where}: type must be one of {sorted(TYPES)}")
        first = a.get("first")
        words, nth = (first[0], int(first[1])) if isinstance(first, list) else (first, 1)
        try:
            s, e = locate(text, words, 0, nth)
        except ReadingError as exc:
            raise ReadingError(f"{where}: first mention {exc}") from None
        actors.append({"id": str(a["id"]), "name": str(a["name"]), "type": a["type"], "first": [s, e]})
        ids.add(str(a["id"]))
    out = []
    pos = 0
    for k, st in enumerate(reading.get("statements", [])):
        where = f"statement {k + 1}"
        if st.get("kind") not in KINDS:
            raise ReadingError(f"{where}: kind must be one of {sorted(KINDS)}")
        speaker = st.get("speaker")
        speakers = speaker if isinstance(speaker, list) else [speaker]
        for sp in speakers:
            if sp != "unresolved" and sp not in ids:
                raise ReadingError(f"{where}: speaker {sp!r} is not an actor id")
        try:
            s, e = locate(text, st["text"], pos)
        except ReadingError as exc:
            raise ReadingError(f"{where}: {exc}") from None
        out.append({"id": f"S{k + 1:02d}", "start": s, "end": e, "kind": st["kind"],
                    "speaker": speakers if len(speakers) > 1 else speakers[0], "cue": str(st.get("cue", ""))})
        pos = e
    return {"actors": actors, "statements": out}


def positions(reading: dict, text: str) -> dict:
    voices = []
    for k, v in enumerate(reading.get("stances", reading.get("voices", []))):
        where = f"voice {k + 1} ({v.get('name')!r})"
        if v.get("type") not in TYPES:
            raise ReadingError(f"{where}: type must be one of {sorted(TYPES)}")
        lo, hi = (int(x) for x in v["interval"])
        if not -2 <= lo <= hi <= 2:
            raise ReadingError(f"{where}: interval must be [lo, hi] with -2 <= lo <= hi <= 2")
        evidence = v.get("evidence") or []
        evidence = [evidence] if isinstance(evidence, str) else evidence
        spans = []
        for ex in evidence:
            try:
                spans.append(list(locate(text, ex)))
            except ReadingError as exc:
                raise ReadingError(f"{where}: evidence {exc}") from None
        voices.append({"name": str(v["name"]), "type": v["type"], "interval": [lo, hi],
                       "evidence": sorted({tuple(s) for s in spans})})
    for v in voices:
        v["evidence"] = [list(s) for s in v["evidence"]]
    return {"policy": reading.get("policy"), "owner": reading.get("owner"),
            "contested": reading.get("contested"), "voices": voices}


def _source(article: Path) -> str:
    """Where a gold file says its story is: relative to ``../shared`` for the shared corpus, to the
    repository for fetched texts (``texts/lee/...``, see ``tools/fetch_lee.py``)."""
    article = article.resolve()
    for base in (ROOT.parent / "shared", ROOT):
        if base.resolve() in article.parents:
            return str(article.relative_to(base.resolve()))
    return article.name


def convert(kind: str, path: Path, folders: list[Path], annotator: str) -> tuple[str, dict]:
    reading = json.loads(path.read_text(encoding="utf-8"))
    name = reading.get("doc") or f"{path.stem}.txt"
    article = find_article(name, folders)
    text = open(article, encoding="utf-8").read()
    body = statements(reading, text) if kind == "statements" else positions(reading, text)
    rel = _source(article)
    head = {"doc_id": Path(name).stem, "source": str(rel), "annotator": annotator, "chars": len(text)}
    return Path(name).stem, {**head, **body}


def dump(data: dict) -> str:
    class Flow(list):
        pass

    def flow(obj):
        if isinstance(obj, dict):
            return {k: flow(v) for k, v in obj.items()}
        if isinstance(obj, list):
            if obj and all(isinstance(x, (int, str)) for x in obj) and len(obj) <= 4:
                return Flow(obj)
            return [flow(x) for x in obj]
        return obj

    class Dumper(yaml.SafeDumper):
        pass

    Dumper.add_representer(Flow, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True))
    Dumper.add_representer(dict, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v.items()))
    return yaml.dump(flow(data), Dumper=Dumper, allow_unicode=True, sort_keys=False, width=120)


def show(path: Path, folders: list[Path]) -> str:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    article = find_article(Path(data["source"]).name, folders)
    text = open(article, encoding="utf-8").read()
    lines = [f"# {data['doc_id']} ({data.get('annotator', '')})"]
    if "statements" in data:
        names = {a["id"]: a["name"] for a in data["actors"]}
        for a in data["actors"]:
            s, e = a["first"]
            lines.append(f"actor {a['id']}: {a['name']} ({a['type']}) first {text[s:e]!r}")
        for st in data["statements"]:
            sp = st["speaker"] if isinstance(st["speaker"], list) else [st["speaker"]]
            who = "; ".join(names.get(x, x) for x in sp)
            lines.append(f"{st['id']} {st['kind']:8} {who} [{st['cue']}]: {text[st['start']:st['end']]!r}")
    else:
        lines.append(f"policy: {data.get('policy')}  owner: {data.get('owner')}  contested: {data.get('contested')}")
        for v in data["voices"]:
            ev = " | ".join(text[s:e] for s, e in v["evidence"])
            lines.append(f"{v['name']} ({v['type']}) {v['interval']}: {ev}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=["statements", "positions", "show"])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, help="folder for the stand-off YAML files")
    parser.add_argument("--annotator", default="", help="who read it (a, b, adjudicated)")
    parser.add_argument("--texts", type=Path, action="append", help="folders holding the articles")
    args = parser.parse_args(argv)
    folders = args.texts or DEFAULT_TEXTS
    status = 0
    for path in args.files:
        try:
            if args.kind == "show":
                print(show(path, folders))
                continue
            stem, data = convert(args.kind, path, folders, args.annotator)
        except (ReadingError, KeyError, ValueError, OSError) as exc:
            print(f"error: {path}: {exc}", file=sys.stderr)
            status = 1
            continue
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / f"{stem}.yml").write_text(dump(data), encoding="utf-8")
        n = len(data.get("statements", data.get("voices", [])))
        print(f"ok: {path.name}: {n} {'statements' if args.kind == 'statements' else 'voices'}")
    return status


if __name__ == "__main__":
    sys.exit(main())
