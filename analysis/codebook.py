"""An analyst's codebook: pin or rename a story's issue (``<article>.codebook.yml``).

:func:`load_codebook` reads and checks the file (a bad file raises
:class:`CodebookError`, naming the file and the problem);
:func:`apply_codebook` changes the detected issues and records what it changed.
"""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pandas as pd
import yaml
from spacy.tokens import Doc

from .actors import ActorTable
from .corpus import Article
from .issue_labels import keywords_of
from .issues import Issue, IssueSet, claims_about


class CodebookError(ValueError):
    """A codebook file that cannot be used; the message names the file and the problem."""


def load_codebook(path: str | Path) -> dict:
    """Read an article's codebook (YAML); raise :class:`CodebookError` on a bad file."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CodebookError(f"{path}: cannot read codebook ({exc.__class__.__name__})") from None
    if not isinstance(data, dict):
        raise CodebookError(f"{path}: a codebook must be a mapping with keys 'issue' (or 'policy') and/or 'concepts'")
    unknown = set(data) - {"policy", "issue", "concepts"}
    if unknown:
        raise CodebookError(f"{path}: unknown codebook keys: {', '.join(sorted(unknown))}")
    policy = data.get("issue") or data.get("policy") or {}
    if not isinstance(policy, dict) or set(policy) - {"label", "owner", "description", "terms"}:
        raise CodebookError(f"{path}: 'issue' (or 'policy') takes label, owner, description and terms")
    concepts = data.get("concepts") or {}
    if not isinstance(concepts, dict) or set(concepts) - {"rename", "merge"}:
        raise CodebookError(f"{path}: 'concepts' takes rename and merge")
    return {"policy": policy, "concepts": concepts}


def codebook_path(article) -> Path | None:
    """``<article>.codebook.yml`` next to the article file, if there is one."""
    if not getattr(article, "path", ""):
        return None
    path = Path(article.path)
    candidate = path.with_name(path.stem + ".codebook.yml")
    return candidate if candidate.is_file() else None


def apply_codebook(issues: IssueSet, codebook: dict, article: Article, actors: ActorTable,
                   claims: pd.DataFrame, doc: Doc) -> IssueSet:
    """Pin, rename or extend the main issue with a codebook's ``issue`` (or ``policy``) section."""
    spec = codebook.get("policy") or {}
    if not spec:
        return issues
    changes = []
    info = actors.actors
    main = issues.main
    if main is None:
        main = Issue("I1", "policy", "the issue", "issue", "", "", "", ())
        changes.append("no issue was detected; the codebook defines it")
    if spec.get("owner"):
        want = str(spec["owner"]).lower()
        match = info[info["name"].str.lower().str.contains(want, regex=False)
                     | info["aliases"].str.lower().str.contains(want, regex=False)]
        if match.empty:
            changes.append(f"owner {spec['owner']!r} is not an actor of this article; owner left as detected")
        else:
            row = match.iloc[0]
            if row["actor_id"] != main.owner_id:
                changes.append(f"owner: {main.owner or '(none)'} \u2192 {row['name']}")
            main = replace(main, owner_id=row["actor_id"], owner=row["name"])
    if spec.get("label"):
        changes.append(f"label: {main.label} \u2192 {spec['label']}")
        main = replace(main, label=str(spec["label"]), keywords=keywords_of(str(spec["label"]), doc))
    if spec.get("description"):
        changes.append("description replaced")
        main = replace(main, description=str(spec["description"]))
    if spec.get("terms"):
        extra = []
        text = article.original
        for term in spec["terms"]:
            for m in re.finditer(re.escape(str(term)), text, flags=re.IGNORECASE):
                extra.append((m.start(), m.end(), text[m.start():m.end()]))
        added = sorted(set(extra) - set(main.mentions))
        if added:
            changes.append(f"{len(added)} references added from terms")
        main = replace(main, mentions=tuple(sorted(set(main.mentions) | set(added))))
    main = replace(main, source="codebook", changes=main.changes + tuple(changes))
    rest = tuple(i for i in issues.issues if i.issue_id != main.issue_id)
    updated = replace(issues, issues=(main,) + rest, detected=issues.detected or issues.issues)
    return replace(updated, about=claims_about(updated, article, doc, actors, claims))
