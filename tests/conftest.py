"""Shared fixtures for the unit tests: one loaded spaCy pipeline, and a helper that analyses a text.

The pipeline is loaded once per test session (loading it is the slowest
step of any test). ``analyse_text`` runs every stage on a short text
written for a test and caches the result by text, so that several tests
asserting different behaviours of the same short story parse it once.
Tests must treat what it returns as read-only.
"""
from __future__ import annotations

import pytest

from analysis.corpus import article_from_text
from analysis.nlp import load_pipeline, parse
from analysis.pipeline import Analysis, analyse_doc


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline :func:`analysis.nlp.load_pipeline` chooses, loaded once."""
    return load_pipeline()


@pytest.fixture(scope="session")
def analyse_text(nlp):
    """``analyse_text(text, doc_id="t") -> Analysis``: every stage run on ``text`` (cached by text)."""
    cache: dict[tuple[str, str], Analysis] = {}

    def run(text: str, doc_id: str = "t") -> Analysis:
        key = (text, doc_id)
        if key not in cache:
            article = article_from_text(text, doc_id=doc_id)
            cache[key] = analyse_doc(article, parse(article, nlp))
        return cache[key]

    return run


def pytest_addoption(parser):
    parser.addoption("--run-slow", action="store_true", help="also run the tests marked slow (each takes tens of seconds)")


def pytest_collection_modifyitems(config, items):
    """Tests marked ``slow`` run only with ``--run-slow``; each has a fast counterpart in the default run."""
    if config.getoption("--run-slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --run-slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
