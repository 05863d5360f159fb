"""Writing tables: atomically (temporary file, then rename), byte-identical for the same input."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd

FORMATS = ("csv", "parquet")


def write_table(df: pd.DataFrame, path: str | Path, fmt: str = "csv") -> Path:
    """Write one table; a reader never sees a half-written file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        if fmt == "csv":
            df.to_csv(tmp, index=False, lineterminator="\n")
        elif fmt == "parquet":
            try:
                df.to_parquet(tmp, index=False)
            except ImportError as exc:
                raise RuntimeError("Parquet output needs pyarrow: pip install 'news-disagreement[parquet]'") from exc
        else:
            raise ValueError(f"unknown table format {fmt!r}; choose one of {', '.join(FORMATS)}")
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def write_tables(tables: dict[str, pd.DataFrame], folder: str | Path, fmt: str = "csv") -> list[Path]:
    """Write every table of :func:`analysis.pipeline.tables` into ``folder`` as ``<name>.<fmt>``."""
    folder = Path(folder)
    return [write_table(df, folder / f"{name}.{fmt}", fmt) for name, df in tables.items()]
