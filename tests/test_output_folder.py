"""The output folder of ``extract``: one run at a time, no temporary files left behind,
and problems of the machine (a bad --out, a full disk, no model) in one line with their
own exit status. The articles are those of test_scale.py.

Tests run as root here, where file permissions do not stop anything: errors are
provoked with a file where a folder is expected, with monkeypatched ``os``
functions, or with real processes (a second run, a killed one).
"""
from __future__ import annotations

import errno
import os

import pandas as pd

from analysis.output import StreamWriter, TableSchema

ENOSPC = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


# --------------------------------------------------------------------------- temporary files

class _FullDisk:
    """A file on a full disk: writing fails, and so does closing (which flushes)."""

    def __init__(self, fh) -> None:
        self.fh = fh

    @property
    def closed(self) -> bool:
        return self.fh.closed

    def write(self, text) -> int:
        raise ENOSPC

    def close(self) -> None:
        self.fh.close()
        raise ENOSPC


def test_abort_never_raises_and_removes_its_temporary_file(tmp_path):
    schema = TableSchema()
    schema.add(pd.DataFrame({"a": [1]}))
    writer = StreamWriter(tmp_path / "t.csv", schema)
    writer._fh = _FullDisk(writer._fh)
    writer.abort()
    assert list(tmp_path.iterdir()) == []
