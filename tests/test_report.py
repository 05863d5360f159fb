"""analysis.report: the book's prose reads right for any article, and never lets the article's markup live."""
from __future__ import annotations

import re
import sys

import pytest

from analysis import ROOT, SEEDS
from analysis.network import describe_split
from analysis.pipeline import analyse
from analysis.report import (claims_finding, disagreement_finding, facts, issue_markdown, lede, md, positions_finding,
                             source_finding, actors_finding, split_markdown, story_header, validation_finding)

FIXTURES = ROOT / "tests" / "fixtures" / "articles"
ARTICLES = sorted(FIXTURES.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))
#: What a template hole or a half-built sentence looks like.
HOLES = [
    (r"\{|\}", "a brace from a template"),
    (r"\bNone\b|\bnan\b|\bNaN\b|<NA>", "a missing value"),
    (r"\(\s*\)", "empty brackets"),
    (r"\s[,.;:]", "a space before punctuation"),
    (r"[,;:]\s*[.;,]", "punctuation with nothing between"),
    (r"\u2019s\u2019s|'s's", "a doubled possessive"),
    (r"\bs\u2019s\b", "a possessive of a plural written \u2019s\u2019s"),
    (r"\b(\w+) \1\b", "a doubled word"),
    (r"\A\s*\Z", "an empty text"),
]


def _check(text: str, where: str) -> None:
    plain = text.replace("\\", "")
    for pattern, what in HOLES:
        m = re.search(pattern, plain)
        assert m is None, f"{where}: {what}: {plain[max(0, m.start() - 40):m.end() + 40]!r}"
    assert plain.rstrip().endswith((".", ")", "*", "\u201d")), f"{where}: no final full stop: {plain[-60:]!r}"


@pytest.fixture(scope="module", params=ARTICLES, ids=[p.stem for p in ARTICLES])
def analysis(request):
    return analyse(request.param)


def test_the_front_page_and_every_finding_read_as_sentences(analysis):
    from analysis.actors import entity_review

    split = describe_split(analysis.network, analysis.stances)
    texts = {
        "header": story_header(facts(analysis.article)),
        "lede": lede(analysis),
        "source": source_finding(analysis, entity_review(analysis.article, analysis.doc, analysis.actors), "model"),
        "actors": actors_finding(analysis),
        "claims": claims_finding(analysis),
        "positions": positions_finding(analysis),
        "disagreement": disagreement_finding(analysis, split),
        "validation": validation_finding(analysis, None, {}),
    }
    for where, text in texts.items():
        _check(text, f"{analysis.doc_id} {where}")
    issue = issue_markdown(analysis)
    assert issue.strip() and "None" not in issue
    assert split_markdown(analysis, split).strip()


def test_the_lede_names_the_issue_and_every_side_it_counts(analysis):
    text = lede(analysis)
    if analysis.issue is not None:
        assert md(analysis.issue.label) in text
        for word, score in ((r"supports? it", 2), ("only with conditions", 1), ("oppose", -2), ("skeptical", -1)):
            if (analysis.main_stances["score"] == score).any():
                assert re.search(word, text), (word, text)


@pytest.mark.parametrize("text, hedged", [
    ("The city council has approved a plan to close the river road. Residents said the flooding had been "
     "terrible and frightening. Mayor Jane Roe said the closure would start on Monday.", True),
    ("The city council has approved a plan to close the river road. Residents said they oppose the plan. "
     "Mayor Jane Roe said the closure would start on Monday.", False),
])
def test_the_lede_says_when_positions_come_from_tone_alone(analyse_text, text, hedged):
    result = analyse_text(text)
    assert ("read from the tone" in lede(result)) is hedged
    # nor does it say those on the record back the issue when no one does
    assert "those on the record back it" not in lede(result)


@pytest.mark.parametrize("raw", [
    "<script>alert(1)</script>", "<video src=x onerror=alert(2)>", "`rm -rf` and *nothing*",
    "[a link](http://example.com)", "a $15 wage and $7.25", "{glue:text}`key`",
])
def test_md_escapes_markup_and_markdown_from_the_article(raw):
    out = md(raw)
    assert "<" not in out and ">" not in out
    for ch in "`*[]$":
        assert f"\\{ch}" in out or ch not in raw
    assert "{" not in out.replace("\\{", "")


def test_the_live_markup_scanner_finds_injection_and_passes_escaped_text():
    sys.path.insert(0, str(ROOT / "tools"))
    from build_fixture_book import _Scan

    bad = _Scan()
    bad.feed('<p>x <script>alert(1)</script> <svg onload=alert(3)> <code>rm -rf</code></p>')
    assert len(bad.problems) == 3
    good = _Scan()
    good.feed('<p>&lt;script&gt;alert(1)&lt;/script&gt; `rm -rf` *nothing*</p><script>var x=1;</script>')
    assert good.problems == []


def test_corpus_tables_show_end_to_end_f1_where_it_was_measured():
    from analysis.report import corpus_tables

    row = {"stories": 2, "gold": 40, "F1": 0.9, "speaker_accuracy": 0.8, "unresolved_share": 0.05}
    text = corpus_tables({"heldout": {"statements": {"reuters": {**row, "end_to_end_F1": 0.72}, "all": row}}})
    assert "| reuters | 2 | 40 | 0.90 | 0.80 | 5% | 0.72 |" in text
    assert "| all | 2 | 40 | 0.90 | 0.80 | 5% | – |" in text


def test_corpus_tables_show_a_batch_between_held_out_and_development():
    from analysis.report import corpus_tables

    row = {"stories": 2, "gold": 40, "F1": 0.9, "speaker_accuracy": 0.8, "unresolved_share": 0.05}
    text = corpus_tables({"heldout": {"statements": {"all": row}}, "development": {"statements": {"all": row}},
                          "batches": {"2026-11-30-wire": {"statements": {"all": row}}}})
    assert text.index("Held-out") < text.index("Batch 2026-11-30-wire") < text.index("Development stories")
    # the batches are folded into one closed dropdown, so the chapter stays short as batches accumulate
    assert text.index("<details") < text.index("Batch 2026-11-30-wire") < text.index("</details>")
    assert "<details open" not in text


def test_a_row_with_no_voices_gives_no_share():
    from analysis.report import corpus_tables

    row = {"stories": 1, "voices": 0, "inside_share": 0.0, "within_one_share": 0.0, "baseline_plus_one": 0.0,
           "issue_found_where_gold": 0, "issue_in_gold": 0, "issue_alike": 0}
    assert "| breitbart | 1 | 0 | – | – | – | 0 of 0 | 0 of 1 |" in corpus_tables(
        {"heldout": {"positions": {"breitbart": row}}})


def test_a_batch_file_names_the_families_it_was_annotated_for(tmp_path):
    sys.path.insert(0, str(ROOT / "tools"))
    from corpus_accuracy import _families, _stems

    both = tmp_path / "both.txt"
    both.write_text("# annotated for both\nstory-a story-b\nstory-c\n", encoding="utf-8")
    one = tmp_path / "one.txt"
    one.write_text("# positions only\n# families: positions\nstory-d\n", encoding="utf-8")
    assert _families(both) == ("statements", "positions") and _stems(both) == {"story-a", "story-b", "story-c"}
    assert _families(one) == ("positions",) and _stems(one) == {"story-d"}


def test_a_batch_note_says_how_it_was_scored(tmp_path):
    sys.path.insert(0, str(ROOT / "tools"))
    from corpus_accuracy import _note

    from analysis.report import corpus_tables

    path = tmp_path / "b.txt"
    path.write_text("# header\n# note: scored unread, 3 of 9;\n# note: then read.\nstory-a\n", encoding="utf-8")
    assert _note(path) == "scored unread, 3 of 9; then read."
    row = {"stories": 2, "gold": 40, "F1": 0.9, "speaker_accuracy": 0.8, "unresolved_share": 0.05}
    text = corpus_tables({"batches": {"b": {"statements": {"all": row}, "note": _note(path)}}})
    assert "Batch b (scored unread, 3 of 9; then read):" in text


def test_each_source_comes_before_the_totals():
    from analysis.report import corpus_tables

    row = {"stories": 2, "gold": 40, "F1": 0.9, "speaker_accuracy": 0.8, "unresolved_share": 0.05}
    sets = {"U.S. outlets": row, "all": row, "nyt": row, "reuters": row}  # as the sorted figures file keeps them
    text = corpus_tables({"heldout": {"statements": sets}})
    assert text.index("| nyt ") < text.index("| reuters ") < text.index("| U.S. outlets ") < text.index("| all ")
