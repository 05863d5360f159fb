"""Run every stage on one article or many; the notebooks and the command line call this.

:func:`analyse` runs corpus -> nlp -> actors -> coreference -> quotes -> claims ->
issues -> stance -> network on one article and returns an :class:`Analysis`. :func:`analyse_many`
streams articles through ``nlp.pipe``. :func:`tables` turns analyses into the
published tables (one DataFrame per table name, see :data:`TABLES`).

The stages hand each other their tables as rows (:class:`analysis.frames.Table`);
a DataFrame is made when a reader asks for one (``Analysis.quotes``,
:func:`article_tables`), never on the way: :func:`article_rows` gives the
tables of one analysis as rows, which is what ``extract`` writes.
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
from .claims import claim_table
from .corpus import Article, load_article
from .frames import Table, TableField, column, rows_of
from .codebook import apply_codebook, codebook_path, load_codebook
from .issues import Issue, IssueSet, find_issues
from .network import DiscourseNetwork, build_network
from .nlp import load_pipeline, parse, parse_many
from .quotes import quote_table
from .stance import StanceResult, extract_stances

#: Published tables, in the order the command line writes them.
TABLES = (
    "actors", "mentions", "quotes", "claims", "issues", "issue_claims", "stances", "stance_evidence",
    "institutions", "concepts", "statements", "edges", "coalitions",
)


@dataclass(frozen=True)
class Analysis:
    """Everything the pipeline found in one article.

    ``quotes`` and ``claims`` are given as DataFrames or as the stages' rows
    (:class:`analysis.frames.Table`) and read as DataFrames, made on first
    read; ``frames.rows_of(analysis, "quotes")`` gives the rows.
    """

    article: Article
    actors: ActorTable
    quotes: pd.DataFrame = TableField()
    issues: IssueSet
    claims: pd.DataFrame = TableField()
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
    quotes = quote_table(article, doc, actors)
    claims = claim_table(article, doc, actors, quotes)
    issues = find_issues(article, doc, actors, claims)
    if codebook is None:
        path = codebook_path(article)
        codebook = load_codebook(path) if path else None
    if codebook:
        issues = apply_codebook(issues, codebook, article, actors, claims, doc)
    stances = extract_stances(article, doc, actors, quotes, claims, issues)
    about = issues.claims_about(issues.main.issue_id) if issues.main is not None else {}
    network = build_network(claims, stances, rows_of(actors, "actors"), issues.main, article.doc_id, codebook, about)
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
    return _issue_rows(a).frame()


def _issue_rows(a: Analysis) -> Table:
    rows = rows_of(a.actors, "actors")
    return a.issues.rows(dict(zip(column(rows, "actor_id"), column(rows, "name"))))


def article_rows(a: Analysis) -> dict[str, Table]:
    """The published tables of one analysis as rows (see :class:`analysis.frames.Table`)."""
    return {
        "actors": rows_of(a.actors, "actors"),
        "mentions": rows_of(a.actors, "mentions"),
        "quotes": rows_of(a, "quotes"),
        "claims": rows_of(a, "claims"),
        "issues": _issue_rows(a),
        "issue_claims": a.issues.link_rows(),
        "stances": rows_of(a.stances, "stances"),
        "stance_evidence": rows_of(a.stances, "evidence"),
        "institutions": rows_of(a.stances, "institutions"),
        "concepts": rows_of(a.network, "concepts"),
        "statements": rows_of(a.network, "statements"),
        "edges": rows_of(a.network, "edges"),
        "coalitions": rows_of(a.network, "coalitions"),
    }


def article_tables(a: Analysis) -> dict[str, pd.DataFrame]:
    """The published tables of one analysis."""
    return {name: table.frame() for name, table in article_rows(a).items()}


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
