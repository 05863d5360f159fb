"""Actors, claims, positions and policy disagreement in news articles.

The stages, each a module, in the order data flows through them::

    corpus -> nlp -> actors -> coreference -> quotes -> claims -> issues -> stance -> network -> plots

:mod:`analysis.pipeline` runs them all; :mod:`analysis.cli` is the command
line (``python -m analysis``); :mod:`analysis.evaluate` scores the result
against a gold annotation.
"""
from pathlib import Path

__version__ = "0.1.0"

#: The repository root (the folder holding ``seeds/`` and ``gold/``) when the
#: package is used from a checkout (``pip install -e .``).
ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "gold"
