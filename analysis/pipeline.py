"""Run every stage on one article or many; the notebooks and the command line call this.

:func:`analyse` runs corpus -> nlp -> actors -> coreference -> quotes -> claims ->
issues -> stance -> network on one article and returns an :class:`Analysis`. :func:`analyse_many`
streams articles through ``nlp.pipe``. :func:`tables` turns analyses into the
published tables (one DataFrame per table name, see :data:`TABLES`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

from . import coreference
from .actors import ActorTable, find_actors
from .claims import extract_claims
from .corpus import Article, load_article
from .issues import Issue, IssueSet, apply_codebook, codebook_path, find_issues, load_codebook
from .network import DiscourseNetwork, build_network
from .nlp import load_pipeline, parse, parse_many
from .quotes import extract_quotes
from .stance import StanceResult, extract_stances

#: Published tables, in the order the command line writes them.
TABLES = (
    "actors", "mentions", "quotes", "claims", "issues", "issue_claims", "stances", "stance_evidence",
    "institutions", "concepts", "statements", "edges", "coalitions",
)


@dataclass(frozen=True)
class Analysis:
    """Everything the pipeline found in one article."""

    article: Article
    actors: ActorTable
    quotes: pd.DataFrame
    issues: IssueSet
    claims: pd.DataFrame
    stances: StanceResult
    network: DiscourseNetwork
    codebook: dict | None = None
    doc: Doc | None = field(default=None, repr=False, compare=False)

    @property
    def doc_id(self) -> str:
        return self.article.doc_id

    @property
    def issue(self) -> Issue | None:
        """The main issue at stake (None when the story has none)."""
        return self.issues.main

    @property
    def main_stances(self) -> pd.DataFrame:
        """The positions on the main issue."""
        main = self.issues.main
        return self.stances.for_issue(main.issue_id) if main is not None else self.stances.stances.iloc[0:0]


def analyse_doc(article: Article, doc: Doc, codebook: dict | None = None, keep_doc: bool = True) -> Analysis:
    """Run every stage after parsing."""
    actors = coreference.resolve(find_actors(article, doc))
    quotes = extract_quotes(article, doc, actors)
    claims = extract_claims(article, doc, actors, quotes)
    issues = find_issues(article, doc, actors, claims)
    if codebook is None:
        path = codebook_path(article)
        codebook = load_codebook(path) if path else None
    if codebook:
        issues = apply_codebook(issues, codebook, article, actors, claims, doc)
    stances = extract_stances(article, doc, actors, quotes, claims, issues)
    about = issues.claims_about(issues.main.issue_id) if issues.main is not None else {}
    network = build_network(claims, stances, actors.actors, issues.main, article.doc_id, codebook, about)
    return Analysis(article, actors, quotes, issues, claims, stances, network, codebook, doc if keep_doc else None)


def analyse(article: Article | str | Path, nlp: Language | None = None, codebook: dict | None = None) -> Analysis:
    """Analyse one article (an :class:`Article` or a path)."""
    if not isinstance(article, Article):
        article = load_article(article)
    return analyse_doc(article, parse(article, nlp), codebook)


def analyse_many(
    articles: Iterable[Article], nlp: Language | None = None, batch_size: int = 16, n_process: int = 1,
) -> Iterator[Analysis]:
    """Analyse a stream of articles; memory stays flat (parses are dropped after use)."""
    nlp = nlp or load_pipeline()
    for article, doc in parse_many(articles, nlp, batch_size=batch_size, n_process=n_process):
        yield analyse_doc(article, doc, keep_doc=False)


def issue_table(a: Analysis) -> pd.DataFrame:
    """One row per issue at stake, the main one first (empty if none was found)."""
    names = dict(zip(a.actors.actors["actor_id"].tolist(), a.actors.actors["name"].tolist()))
    return a.issues.table(names)


def article_tables(a: Analysis) -> dict[str, pd.DataFrame]:
    """The published tables of one analysis."""
    return {
        "actors": a.actors.actors,
        "mentions": a.actors.mentions,
        "quotes": a.quotes,
        "claims": a.claims,
        "issues": issue_table(a),
        "issue_claims": a.issues.links(),
        "stances": a.stances.stances,
        "stance_evidence": a.stances.evidence,
        "institutions": a.stances.institutions,
        "concepts": a.network.concepts,
        "statements": a.network.statements,
        "edges": a.network.edges,
        "coalitions": a.network.coalitions,
    }


def tables(analyses: Iterable[Analysis]) -> dict[str, pd.DataFrame]:
    """Concatenate the tables of several analyses (one table per name)."""
    parts: dict[str, list[pd.DataFrame]] = {name: [] for name in TABLES}
    for a in analyses:
        for name, df in article_tables(a).items():
            parts[name].append(df)
    out = {}
    for name, dfs in parts.items():
        non_empty = [d for d in dfs if len(d)]
        out[name] = pd.concat(non_empty, ignore_index=True) if non_empty else (dfs[0] if dfs else pd.DataFrame())
    return out


#: Environment variable naming the article the book is about (a file stem in ``seeds/`` or a path).
ARTICLE_ENV = "NEWS_ARTICLE"


def book_article_path() -> Path:
    """The article the book analyses: ``$NEWS_ARTICLE``, else the first ``seeds/*.txt``."""
    import os

    from . import SEEDS

    wanted = os.environ.get(ARTICLE_ENV, "").strip()
    if wanted:
        path = Path(wanted)
        if not path.is_file():
            path = SEEDS / f"{wanted}.txt"
        if not path.is_file():
            raise FileNotFoundError(f"{ARTICLE_ENV}={wanted!r}: no such article (give a path or a stem in {SEEDS})")
        return path
    found = sorted(SEEDS.glob("*.txt"))
    if not found:
        raise FileNotFoundError(f"no article in {SEEDS}: add a .txt file or set {ARTICLE_ENV}")
    return found[0]


_BOOK: dict[str, Analysis] = {}


def book_analysis() -> Analysis:
    """The analysis of the book's article (computed once per process)."""
    path = book_article_path()
    key = str(path.resolve())
    if key not in _BOOK:
        _BOOK[key] = analyse(path)
    return _BOOK[key]
