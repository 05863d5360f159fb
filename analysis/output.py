"""Writing tables: atomically (temporary file, then rename), byte-identical for the same input.

:func:`write_table` writes one DataFrame. :class:`TableSchema` and
:class:`StreamWriter` write a table that is too big to hold, one chunk at a
time (:func:`analysis.scale.assemble` uses them): the schema is gathered
from every chunk first, so each column gets the dtype ``pandas.concat`` of
all chunks would give it, and every chunk is cast to it before writing.

Parquet output needs pyarrow (``pip install 'news-disagreement[parquet]'``).
"""
from __future__ import annotations

import csv
import io
import os
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

FORMATS = ("csv", "parquet")
PARQUET_HINT = "Parquet output needs pyarrow: pip install 'news-disagreement[parquet]'"


def write_table(df: pd.DataFrame, path: str | Path, fmt: str = "csv") -> Path:
    """Write one table; a reader never sees a half-written file."""
    path = Path(path)
    if fmt not in FORMATS:
        raise ValueError(f"unknown table format {fmt!r}; choose one of {', '.join(FORMATS)}")
    schema = TableSchema(fmt)
    schema.add(df)
    writer = StreamWriter(path, schema, fmt)
    try:
        writer.write(df)
        return writer.close()
    finally:
        writer.abort()


def write_tables(tables: dict[str, pd.DataFrame], folder: str | Path, fmt: str = "csv") -> list[Path]:
    """Write every table of :func:`analysis.pipeline.tables` into ``folder`` as ``<name>.<fmt>``."""
    folder = Path(folder)
    return [write_table(df, folder / f"{name}.{fmt}", fmt) for name, df in tables.items()]


def _pyarrow():
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401
    except ImportError as exc:
        raise RuntimeError(PARQUET_HINT) from exc
    return pyarrow


class TableSchema:
    """The columns and dtypes of a table made of chunks, gathered one chunk at a time.

    Chunks without rows only count when no chunk has rows (their dtypes are
    placeholders). For Parquet, the Arrow type of each ``object`` column is
    inferred from its values: numbers, booleans, or else strings.
    """

    def __init__(self, fmt: str = "csv") -> None:
        self.fmt = fmt
        self._full: pd.DataFrame | None = None
        self._signature: tuple | None = None
        self._empty: pd.DataFrame | None = None
        self._arrow: dict[str, set] = {}

    def add(self, df: pd.DataFrame) -> None:
        """Count one chunk in."""
        self._add(len(df), tuple(df.columns), tuple(df.dtypes))
        if self.fmt == "parquet" and len(df):
            pa = _pyarrow()
            for col in df.columns:
                if df[col].dtype == object:
                    kind = pa.array(df[col], from_pandas=True).type if df[col].notna().any() else pa.null()
                    self._arrow.setdefault(col, set()).add(kind)
                else:
                    self._arrow.setdefault(col, set())

    def add_head(self, rows: int, columns: tuple, dtypes: tuple) -> None:
        """Count in a chunk known only by its length, columns and dtypes (enough for CSV)."""
        if self.fmt == "parquet" and rows:
            raise ValueError("a Parquet schema needs the chunk's values, not only its head")
        self._add(rows, columns, dtypes)

    def matches(self, columns: tuple, dtypes: tuple) -> bool:
        """Whether a chunk with these columns and dtypes is written as it is (no cast)."""
        return self._signature == (tuple(columns), tuple(dtypes))

    def _add(self, rows: int, columns: tuple, dtypes: tuple) -> None:
        signature = (tuple(columns), tuple(dtypes))
        if not rows:
            if self._empty is None:
                self._empty = _empty_frame(*signature)
            return
        if signature == self._signature:
            return  # as the table is already (most chunks: building the frame's signature again costs)
        if self._full is None:
            self._full = _empty_frame(*signature)
        else:
            self._full = pd.concat([self._full, _empty_frame(*signature)])  # the dtypes concat gives the column
        self._signature = (tuple(self._full.columns), tuple(self._full.dtypes))

    @property
    def frame(self) -> pd.DataFrame:
        """An empty frame with the table's columns and dtypes."""
        if self._full is not None:
            return self._full
        return self._empty if self._empty is not None else pd.DataFrame()

    def cast(self, df: pd.DataFrame) -> pd.DataFrame:
        """``df`` with the table's columns, in order, each of the table's dtype."""
        frame = self.frame
        if df.columns.equals(frame.columns) and df.dtypes.equals(frame.dtypes):
            return df
        df = df.reindex(columns=frame.columns)
        for col, dtype in frame.dtypes.items():
            if df[col].dtype != dtype:
                try:
                    df[col] = df[col].astype(dtype)
                except (TypeError, ValueError):
                    df[col] = df[col].astype(object)
        return df

    def arrow(self):
        """The Arrow schema for Parquet output, and the object columns written as strings."""
        pa = _pyarrow()
        frame = self.frame
        fields, as_text = [], []
        for col, dtype in frame.dtypes.items():
            if dtype == object:
                kinds = {k for k in self._arrow.get(col, set()) if not pa.types.is_null(k)}
                if kinds and all(pa.types.is_integer(k) for k in kinds):
                    kind = pa.int64()
                elif kinds and all(pa.types.is_integer(k) or pa.types.is_floating(k) for k in kinds):
                    kind = pa.float64()
                elif kinds and all(pa.types.is_boolean(k) for k in kinds):
                    kind = pa.bool_()
                else:
                    kind = pa.string()
                    as_text.append(col)
                fields.append(pa.field(str(col), kind))
            else:
                fields.append(pa.Schema.from_pandas(frame[[col]], preserve_index=False).field(0))
        return pa.schema(fields), as_text


def _empty_frame(columns: tuple, dtypes: tuple) -> pd.DataFrame:
    return pd.DataFrame({col: pd.Series(dtype=dtype) for col, dtype in zip(columns, dtypes)}, columns=list(columns))


def table_values(df: pd.DataFrame) -> list[list]:
    """Each row of ``df`` as a list of Python objects (missing values as pandas has them)."""
    if not len(df.columns):
        return [[] for _ in range(len(df))]
    return df.to_numpy(dtype=object).tolist()


def table_frame(columns: tuple, dtypes: tuple, values: list[list]) -> pd.DataFrame:
    """The DataFrame :func:`table_values` was read from, given its columns and dtypes."""
    return pd.DataFrame(
        {col: pd.Series([row[k] for row in values], dtype=dtype) for k, (col, dtype) in enumerate(zip(columns, dtypes))},
        columns=list(columns),
    )


def csv_rows(df: pd.DataFrame, values: list[list] | None = None) -> str:
    """The CSV lines of ``df`` without the header, exactly as :class:`StreamWriter` writes them.

    The same text as ``df.to_csv(index=False, header=False, lineterminator="\\n")``
    (a property test checks it), made without pandas' per-call set-up, which
    dominates for the small tables of one article: the cells go to the
    ``csv`` module as Python objects, missing values as empty fields, as
    pandas hands them over (a ``float64`` written by NumPy reads as Python's
    ``repr``). Tables with other dtypes go through pandas. ``values`` may pass
    :func:`table_values` of ``df`` when it has been read already.
    """
    if not len(df.columns) or not len(df) or not all(_plain(dtype) for dtype in df.dtypes):
        return df.to_csv(index=False, header=False, lineterminator="\n")
    return plain_csv_rows(table_values(df) if values is None else values)


def plain_csv_rows(values: list[list]) -> str:
    """The CSV lines of a table's :func:`table_values`, for a table :func:`csv_rows` writes
    itself (columns and rows, and every dtype one it writes: see :func:`plain_dtypes`)."""
    rows = [[v if type(v) is str else ("" if _missing(v) else v) for v in row] for row in values]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def plain_dtypes(dtypes) -> bool:
    """Whether :func:`csv_rows` writes columns of these dtypes itself, without pandas."""
    return all(_plain(dtype) for dtype in dtypes)


def _plain(dtype) -> bool:
    """A dtype :func:`csv_rows` writes itself: NumPy integers, booleans, objects and
    ``float64``, strings, and nullable integers and booleans."""
    if isinstance(dtype, np.dtype):
        return dtype.kind in "iubO" or dtype == np.float64
    return isinstance(dtype, (pd.StringDtype, pd.Int64Dtype, pd.BooleanDtype))


def _missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


class StreamWriter:
    """Write a table chunk by chunk into a temporary file; :meth:`close` renames it into place."""

    def __init__(self, path: str | Path, schema: TableSchema, fmt: str = "csv") -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown table format {fmt!r}; choose one of {', '.join(FORMATS)}")
        self.path = Path(path)
        self.schema = schema
        self.fmt = fmt
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self._tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        os.close(fd)
        self._buffer: list[pd.DataFrame] = []
        self._rows = 0
        self._fh = None
        self._writer = None
        try:
            if fmt == "csv":
                self._fh = open(self._tmp, "w", encoding="utf-8", newline="")
                schema.frame.to_csv(self._fh, index=False, lineterminator="\n")
            else:
                pa = _pyarrow()
                self._arrow, self._as_text = schema.arrow()
                self._writer = pa.parquet.ParquetWriter(self._tmp, self._arrow)
        except BaseException:
            self.abort()
            raise

    def write(self, df: pd.DataFrame) -> None:
        """Append the rows of one chunk (buffered up to :data:`ROW_GROUP_ROWS` rows)."""
        df = self.schema.cast(df)
        self._buffer.append(df)
        self._rows += len(df)
        if self._rows >= ROW_GROUP_ROWS:
            self._flush()

    def write_text(self, text: str) -> None:
        """Append CSV lines made by :func:`csv_rows` from a chunk that needs no cast (see :meth:`TableSchema.matches`)."""
        if self.fmt != "csv":
            raise ValueError("only CSV tables take ready-made lines")
        self._flush()
        self._fh.write(text)

    def _flush(self) -> None:
        if not self._buffer:
            return
        df = pd.concat(self._buffer, ignore_index=True) if len(self._buffer) > 1 else self._buffer[0]
        self._buffer, self._rows = [], 0
        if self.fmt == "csv":
            self._fh.write(csv_rows(df))
            return
        pa = _pyarrow()
        for col in self._as_text:
            df[col] = df[col].map(lambda v: v if v is None or isinstance(v, str) or pd.isna(v) else str(v))
        self._writer.write_table(pa.Table.from_pandas(df, schema=self._arrow, preserve_index=False))

    def close(self) -> Path:
        """Finish the file and move it into place; returns its path."""
        self._flush()
        if self.fmt == "csv":
            self._fh.close()
        else:
            self._writer.close()
        os.chmod(self._tmp, 0o666 & ~umask())  # mkstemp makes files private; tables are for sharing
        os.replace(self._tmp, self.path)
        return self.path

    def abort(self) -> None:
        """Remove the temporary file if :meth:`close` did not move it into place.

        Never raises: it runs while another error is on its way (a full disk, an
        interrupt), and closing a file flushes it, which on a full disk fails again.
        """
        for handle in (self._fh, self._writer):
            if handle is not None:
                try:
                    handle.close()  # the descriptor is released even when the flush fails
                except Exception:  # noqa: BLE001 - already closed, or broken: the file goes anyway
                    pass
        discard(self._tmp)


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, renamed into
    place: a reader sees the old file or the whole new one, never a part."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o666 & ~umask())  # mkstemp makes files private
        os.replace(tmp, path)
    finally:
        discard(tmp)


def discard(path: str | Path) -> None:
    """Remove a file if it is there; never raises (used while another error is on its way)."""
    try:
        os.unlink(path)
    except OSError:
        pass


def umask() -> int:
    """The process's file-creation mask (read without changing it for long)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


#: Rows of one table buffered before they are written (one Parquet row group).
ROW_GROUP_ROWS = 100_000
