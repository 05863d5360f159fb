"""One loader for every word list, gazetteer and codebook under ``analysis/data``.

Rules in this package never carry word lists as literals: they ask this
module for a table by name. Tables are small and read once per process.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"
# libyaml's parser where PyYAML was built with it (the PyPI wheels are): the same safe
# subset, about ten times faster (0.15 s -> 0.02 s for this package's files, once per process)
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def data_path(name: str) -> Path:
    """Return the path of a data file shipped with the package."""
    path = DATA_DIR / name
    if not path.is_file():
        raise FileNotFoundError(f"analysis data file missing: {path.name}")
    return path


@lru_cache(maxsize=None)
def load_csv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``analysis/data/<name>`` as dicts (comment lines start with '#')."""
    with data_path(name).open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return tuple(dict(row) for row in csv.DictReader(lines))


@lru_cache(maxsize=None)
def load_yaml(name: str) -> Any:
    """Parsed content of ``analysis/data/<name>``."""
    with data_path(name).open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_YAML_LOADER)  # noqa: S506 - a safe loader


def split_list(value: str | None) -> list[str]:
    """Split a ';'-joined cell into its non-empty, stripped items."""
    return [item.strip() for item in (value or "").split(";") if item.strip()]


@lru_cache(maxsize=None)
def word_set(name: str, column: str = "word") -> frozenset[str]:
    """A lower-cased set of one column of a CSV word list."""
    return frozenset(row[column].strip().lower() for row in load_csv(name) if row[column].strip())
