"""Bad input: every case is refused (or warned about) in one line naming the file and the problem.

The articles are written for these tests. Each case is checked twice: in
:mod:`analysis.corpus` (the problem it reports) and through the command
line (``error: <path>: <problem>``, exit status 2, no output written, or a
``skipped:`` line when the file is one of a folder).
"""
from __future__ import annotations

import hashlib
import io
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis import corpus
from analysis.cli import main
from analysis.corpus import ArticleError, article_from_bytes, load_article, quotation_spans

ENGLISH = (
    "RIVERTON (Reuters) - The city council of Riverton on Monday approved a plan to close the old bridge "
    "over the Sand River for repairs, a move that shop owners said would hurt their business.\n"
    "\u201cWe cannot keep sending buses over a bridge that is falling apart,\u201d Mayor Helen Marsh told "
    "reporters after the vote.\n"
    "Tom Price, who runs a bakery near the bridge, said the council had not listened to the people who "
    "work in the old town.\n"
)
FRENCH = (
    "Le conseil municipal a approuv\u00e9 lundi un plan pour fermer le vieux pont sur la rivi\u00e8re pendant "
    "les travaux. Les commer\u00e7ants du centre ont d\u00e9clar\u00e9 que cette d\u00e9cision allait nuire "
    "\u00e0 leurs affaires, mais la maire a r\u00e9pondu que la s\u00e9curit\u00e9 des habitants passait avant tout."
)
HTML = (
    "<!DOCTYPE html>\n<html><head><title>Bridge</title></head>\n<body><p>The city council approved a plan "
    "to close the bridge.</p>\n<p>Shop owners objected.</p></body></html>\n"
)
#: The English article with straight quotes and an accented word, encodable in Latin-1.
LATIN = ENGLISH.replace("\u201c", '"').replace("\u201d", '"').replace("bakery", "caf\u00e9")
NO_STATEMENTS = (
    "The weather in the valley was mild on Tuesday.\n"
    "Farmers brought in the last apples of the season and the market stayed open late.\n"
)


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# Each case: file name, bytes, the words the problem must contain, and extra keyword arguments.
BAD = [
    ("empty.txt", b"", "file is empty", {}),
    ("blank.txt", b"  \n\t\n   \n", "only whitespace", {}),
    ("bom-blank.txt", b"\xef\xbb\xbf \n", "only whitespace", {}),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary", {}),
    ("controls.txt", b"abc\x01\x02\x03\x04\x05\x06\x07\x08def", "binary", {}),
    ("latin1.txt", LATIN.encode("latin-1"), "not valid utf-8", {}),
    ("utf16.txt", ENGLISH.encode("utf-16"), "UTF-16", {}),
    ("large.txt", ENGLISH.encode(), "over the 100-byte limit", {"max_bytes": 100}),
    ("page.txt", HTML.encode(), "looks like HTML", {}),
    ("fragment.txt", b"<div><p>The council met.</p><p>It voted.</p></div>", "looks like HTML", {}),
]


@pytest.mark.parametrize("name,data,problem,kwargs", BAD, ids=[case[0] for case in BAD])
def test_load_article_names_the_file_and_the_problem(tmp_path, name, data, problem, kwargs):
    path = _write(tmp_path, name, data)
    with pytest.raises(ArticleError) as info:
        load_article(path, **kwargs)
    message = str(info.value)
    assert message.startswith(f"{path}: ")
    assert problem in message
    assert "\n" not in message


@pytest.mark.parametrize("name,data,problem,kwargs", BAD, ids=[case[0] for case in BAD])
def test_extract_of_one_bad_file_fails_in_one_line_and_writes_nothing(tmp_path, capsys, name, data, problem, kwargs):
    path = _write(tmp_path, name, data)
    out = tmp_path / "out"
    extra = ["--max-bytes", str(kwargs["max_bytes"])] if "max_bytes" in kwargs else []
    code = main(["extract", str(path), "--out", str(out), "--quiet", *extra])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert len(err) == 1, err
    assert err[0].startswith(f"error: {path}: ") and problem in err[0]
    assert not out.exists()


def test_size_limit_is_checked_before_reading(tmp_path, monkeypatch):
    path = _write(tmp_path, "big.txt", ENGLISH)
    monkeypatch.setattr(Path, "open", lambda *a, **k: pytest.fail("a file over the limit was opened"))
    with pytest.raises(ArticleError, match="over the 10-byte limit"):
        corpus.read_article_bytes(path, max_bytes=10)


def test_default_size_limit_is_documented_in_the_help(capsys):
    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    assert f"{corpus.MAX_BYTES:,}" in capsys.readouterr().out


def test_encoding_option_reads_other_encodings(tmp_path):
    latin = _write(tmp_path, "latin.txt", LATIN.encode("latin-1"))
    wide = _write(tmp_path, "wide.txt", ENGLISH.encode("utf-16"))
    assert "caf\u00e9" in load_article(latin, encoding="latin-1").original
    assert load_article(wide, encoding="utf-16").original == ENGLISH


def test_extract_with_encoding_option(tmp_path, capsys):
    path = _write(tmp_path, "latin.txt", LATIN.encode("latin-1"))
    assert main(["extract", str(path), "--out", str(tmp_path / "out"), "--quiet"]) == 2
    assert "pass --encoding" in capsys.readouterr().err
    assert main(["extract", str(path), "--out", str(tmp_path / "out"), "--quiet", "--encoding", "latin-1"]) == 0
    assert capsys.readouterr().err == ""
    mentions = pd.read_csv(tmp_path / "out" / "mentions.csv")
    assert "Helen Marsh" in set(mentions["text"])


def test_unknown_encoding_is_one_error_line(tmp_path, capsys):
    path = _write(tmp_path, "a.txt", ENGLISH)
    assert main(["extract", str(path), "--out", str(tmp_path / "out"), "--encoding", "klingon"]) == 2
    assert capsys.readouterr().err.strip() == "error: unknown encoding 'klingon' (--encoding)"


def test_another_language_is_a_warning_and_still_analysed(tmp_path, capsys):
    article = article_from_bytes(FRENCH.encode(), doc_id="fr", path="fr.txt")
    assert len(article.warnings) == 1 and "does not look like English" in article.warnings[0]
    assert article_from_bytes(ENGLISH.encode(), doc_id="en").warnings == ()
    path = _write(tmp_path, "fr.txt", FRENCH)
    assert main(["extract", str(path), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"warning: {path}: does not look like English")
    manifest = pd.read_csv(tmp_path / "out" / "manifest.csv", keep_default_na=False)
    assert manifest.loc[0, "status"] == "ok" and "English" in manifest.loc[0, "warnings"]


def test_short_texts_are_not_judged_by_language():
    assert article_from_bytes(b"Le pont est ferme.", doc_id="x").warnings == ()


def test_a_mention_of_a_tag_is_not_html():
    text = ENGLISH + "The council's web page still shows a <b> tag where the map should be.\n"
    assert article_from_bytes(text.encode(), doc_id="x").warnings == ()


def test_folder_skips_bad_files_and_analyses_the_rest(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    good = _write(folder, "good.txt", ENGLISH)
    empty = _write(folder, "empty.txt", b"")
    page = _write(folder, "page.txt", HTML)
    out = tmp_path / "out"
    code = main(["extract", str(folder), "--out", str(out), "--quiet"])
    err = sorted(capsys.readouterr().err.strip().splitlines())
    assert code == 1
    assert err == [f"skipped: {empty}: file is empty", f"skipped: {page}: " + err[1].split(": ", 2)[2]]
    assert "HTML" in err[1]
    assert set(pd.read_csv(out / "actors.csv")["doc_id"]) == {good.stem}
    manifest = pd.read_csv(out / "manifest.csv", keep_default_na=False).set_index("doc_id")
    assert manifest.loc["empty", "status"] == "skipped" and manifest.loc["good", "status"] == "ok"
    assert not list(out.glob(".*.tmp")) and not list(out.glob("*.tmp"))


def test_folder_of_only_bad_files_is_an_error_and_writes_nothing(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    _write(folder, "empty.txt", b"")
    _write(folder, "blank.txt", b"\n\n")
    assert main(["extract", str(folder), "--out", str(tmp_path / "out"), "--quiet"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert [line.split(":")[0] for line in err] == ["skipped", "skipped", "error"]
    assert err[-1] == "error: no article could be analysed"
    assert not (tmp_path / "out").exists()


def test_missing_path_and_empty_folder(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err.strip() == f"error: {tmp_path / 'nope.txt'}: no such file or folder"
    (tmp_path / "empty").mkdir()
    assert main(["extract", str(tmp_path / "empty"), "--out", str(tmp_path / "out")]) == 2
    assert "no article files (*.txt) found" in capsys.readouterr().err


def test_article_without_statements_gives_empty_tables_with_headers(tmp_path, capsys):
    from analysis.claims import CLAIM_COLUMNS
    from analysis.pipeline import TABLES
    from analysis.quotes import QUOTE_COLUMNS
    from analysis.stance import STANCE_COLUMNS

    path = _write(tmp_path, "calm.txt", NO_STATEMENTS)
    out = tmp_path / "out"
    assert main(["extract", str(path), "--out", str(out), "--quiet"]) == 0
    assert capsys.readouterr().err == ""
    assert sorted(p.stem for p in out.glob("*.csv")) == sorted([*TABLES, "manifest"])
    for name, columns in (("quotes", QUOTE_COLUMNS), ("claims", CLAIM_COLUMNS), ("stances", STANCE_COLUMNS)):
        lines = (out / f"{name}.csv").read_text(encoding="utf-8").splitlines()
        assert lines == [",".join(columns)], name


def test_unbalanced_quote_marks_are_closed_and_the_quote_found(tmp_path):
    text = (
        "RIVERTON (Reuters) - Mayor Helen Marsh defended the plan on Monday.\n"
        "\"We cannot keep sending buses over a bridge that is falling apart, she told reporters.\n"
        "Shop owners said they would appeal.\n"
    )
    path = _write(tmp_path, "open.txt", text)
    article = load_article(path)
    assert article.original == text
    assert article.text.count("\u201c") == article.text.count("\u201d") == 1
    assert any(r.kind == "closed_quote" for r in article.repairs)
    assert len(quotation_spans(article.text)) == 1
    assert main(["extract", str(path), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    quotes = pd.read_csv(tmp_path / "out" / "quotes.csv")
    assert any("falling apart" in t for t in quotes["text"])
    for start, end, quoted in quotes[["start", "end", "text"]].itertuples(index=False):
        assert text[start:end] == quoted


def test_inputs_are_never_modified(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    files = [_write(folder, "a.txt", ENGLISH), _write(folder, "b.txt", ENGLISH.replace("\u201c", '"')),
             _write(folder, "c.txt", b"")]
    before = {p: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in files}
    main(["extract", str(folder), "--out", str(tmp_path / "out"), "--quiet"])
    main(["extract", str(folder), "--out", str(tmp_path / "out"), "--quiet"])  # the resumed run too
    assert {p: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in files} == before
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt", "b.txt", "c.txt"]


def test_a_real_process_shows_no_traceback(tmp_path):
    path = _write(tmp_path, "image.txt", b"\x00\x01\x02binary")
    run = subprocess.run(
        [sys.executable, "-m", "analysis", "extract", str(path), "--out", str(tmp_path / "out")],
        capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 2
    assert run.stderr == f"error: {path}: binary file (contains NUL bytes), not text\n"
    assert "Traceback" not in run.stdout + run.stderr


#: A story without sentence punctuation: one "sentence" as long as the text (analysis.corpus cuts it).
RUN_ON = "the minister said the plan would work "


def test_a_cut_sentence_is_reported_by_check_and_in_the_manifest(tmp_path, capsys):
    path = _write(tmp_path, "run-on.txt", (RUN_ON * 80)[:3_000])
    assert main(["check", str(path)]) == 0
    assert capsys.readouterr().err.startswith(f"warning: {path}: a sentence longer than 200 tokens")
    assert main(["extract", str(path), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    assert capsys.readouterr().err.startswith(f"warning: {path}: a sentence longer than 200 tokens")
    manifest = pd.read_csv(tmp_path / "out" / "manifest.csv", keep_default_na=False)
    assert manifest.loc[0, "status"] == "ok" and "cut into parts of at most 200" in manifest.loc[0, "warnings"]


@pytest.mark.slow
def test_200000_characters_without_sentence_punctuation_are_analysed(tmp_path):
    # Took more than 14 minutes before long sentences were cut; about 15 s now. The
    # timeout only keeps a regression from hanging the test run.
    path = _write(tmp_path, "run-on.txt", (RUN_ON * 5300)[:200_000])
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "analysis", "extract", str(path), "--out", str(out), "--quiet"],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert run.stderr.startswith(f"warning: {path}: a sentence longer than 200 tokens (the longest has 36,")
    manifest = pd.read_csv(out / "manifest.csv", keep_default_na=False)
    assert manifest.loc[0, "tokens"] > 36_000 and "cut into parts" in manifest.loc[0, "warnings"]


def test_a_byte_order_mark_is_not_text(tmp_path, capsys):
    # Before, the mark became a space: the dateline was not recognised, "Reuters" became an
    # actor and the actor ids were renumbered. Offsets count from after the mark.
    outputs = {}
    for name, data in (("plain", ENGLISH.encode()), ("marked", b"\xef\xbb\xbf" + ENGLISH.encode())):
        folder = tmp_path / name
        folder.mkdir()
        path = _write(folder, "story.txt", data)
        article = load_article(path)
        assert article.original == ENGLISH and (article.place, article.source) == ("RIVERTON", "Reuters")
        assert main(["extract", str(path), "--out", str(folder / "out"), "--quiet"]) == 0
        outputs[name] = {p.relative_to(folder / "out").as_posix(): p.read_bytes()
                         for p in sorted((folder / "out").rglob("*")) if p.is_file() and ".parts" not in p.parts}
    assert capsys.readouterr().err == ""
    manifest = outputs["plain"].pop("manifest.csv"), outputs["marked"].pop("manifest.csv")
    assert outputs["plain"] == outputs["marked"]
    assert "Reuters" not in outputs["marked"]["actors.csv"].decode()
    plain, marked = (pd.read_csv(io.BytesIO(m), keep_default_na=False) for m in manifest)
    differ = [col for col in plain.columns if list(plain[col]) != list(marked[col])]
    assert differ == ["path", "sha256", "bytes"]  # the file, not the analysis
    assert marked.loc[0, "bytes"] == plain.loc[0, "bytes"] + 3
