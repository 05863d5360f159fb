"""tools/unresolved_share.py: the share of statements left without a speaker, per source."""
from __future__ import annotations

import csv
import importlib.util

from analysis import ROOT


def _tool():
    spec = importlib.util.spec_from_file_location("unresolved_share", ROOT / "tools" / "unresolved_share.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_share_is_counted_per_source(tmp_path, capsys):
    rows = [("abc-001", "Jane Roe"), ("abc-001", "unresolved"), ("abc-002", "unnamed official"),
            ("reuters-2016-x", "unresolved")]
    with (tmp_path / "quotes.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["doc_id", "speaker", "cue", "text"])
        w.writerows([(d, s, "say", "the plan will fail") for d, s in rows])
    assert _tool().main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "| abc | 2 | 3 | 1 (33.3%) |" in out
    assert "| reuters | 1 | 1 | 1 (100.0%) |" in out
    assert "| all | 3 | 4 | 2 (50.0%) |" in out


def test_a_folder_without_tables_is_a_clear_error(tmp_path, capsys):
    assert _tool().main([str(tmp_path)]) == 2
    assert "no quotes.csv here" in capsys.readouterr().err


def test_the_unannotated_stories_are_those_with_no_gold_file(tmp_path, monkeypatch):
    tool = _tool()
    root = tmp_path / "repo"
    (root / "texts" / "lee").mkdir(parents=True)
    (root / "gold" / "corpus" / "statements").mkdir(parents=True)
    (root / "gold" / "corpus" / "positions").mkdir(parents=True)
    for stem in ("abc-001", "abc-002", "abc-003"):
        (root / "texts" / "lee" / f"{stem}.txt").write_text("A story.", encoding="utf-8")
    (root / "gold" / "corpus" / "statements" / "abc-002.yml").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(tool, "ROOT", root)
    assert tool.main(["--unannotated", str(tmp_path / "out")]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["abc-001.txt", "abc-003.txt"]
