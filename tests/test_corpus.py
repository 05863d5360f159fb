"""analysis.corpus: loading, cleaning repairs, the map back to the original, sentences.

Every text here is written for its test. A cleaning repair is checked where
a reader would see it: in the cleaned text the parser reads, in the
paragraphs and sentences, and in the record of repairs. No test needs the
spaCy model.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from analysis import SEEDS
from analysis.corpus import ArticleError, article_from_text, load_article, quotation_spans

OPEN, CLOSE = "\u201c", "\u201d"


def _paragraphs(article):
    return [(p.kind, article.text[p.clean_start:p.clean_end]) for p in article.paragraphs]


def _sentences(article):
    return [article.original[s.start:s.end] for s in article.sentences]


def _repair_kinds(article):
    return [r.kind for r in article.repairs]


# --------------------------------------------------------------------------- cleaning repairs

def test_sentence_broken_after_an_abbreviation_is_joined():
    article = article_from_text("Former U.S.\nAmbassador to Syria Robert Ford said the plan was weak.\n")
    assert article.text.startswith("Former U.S. Ambassador to Syria")
    assert _paragraphs(article) == [("body", "Former U.S. Ambassador to Syria Robert Ford said the plan was weak.")]
    assert len(article.sentences) == 1
    assert _repair_kinds(article) == ["joined_line"]


def test_line_ending_a_sentence_is_not_joined_to_the_next():
    article = article_from_text("The talks ended on Monday.\nOfficials said little.\n")
    assert [text for _kind, text in _paragraphs(article)] == ["The talks ended on Monday.", "Officials said little."]
    assert article.repairs == ()


def test_all_caps_heading_run_into_the_body_becomes_a_heading_paragraph():
    article = article_from_text(
        "The talks ended on Monday. WHITE HOUSE SAYS IT IS UP TO RUSSIA At the White House, the tone was cautious."
    )
    assert _paragraphs(article) == [
        ("body", "The talks ended on Monday."),
        ("heading", "WHITE HOUSE SAYS IT IS UP TO RUSSIA"),
        ("body", "At the White House, the tone was cautious."),
    ]
    assert [s.kind for s in article.sentences] == ["body", "heading", "body"]
    assert "split_heading" in _repair_kinds(article)


def test_title_case_heading_run_into_the_body_becomes_a_heading_paragraph():
    article = article_from_text(
        "The talks ended on Monday. Anger Within the Administration But officials were angry about the plan."
    )
    assert _paragraphs(article) == [
        ("body", "The talks ended on Monday."),
        ("heading", "Anger Within the Administration"),
        ("body", "But officials were angry about the plan."),
    ]


def test_title_case_names_inside_a_sentence_are_not_a_heading():
    article = article_from_text("The talks with Secretary of State John Kerry ended on Monday in Moscow.")
    assert [kind for kind, _text in _paragraphs(article)] == ["body"]
    assert article.repairs == ()


def test_two_sentences_glued_together_get_a_space():
    article = article_from_text("He propped up President Bashar al-Assad.Kerry himself took a tough line.")
    assert "al-Assad. Kerry" in article.text
    assert _sentences(article) == ["He propped up President Bashar al-Assad.", "Kerry himself took a tough line."]
    assert _repair_kinds(article) == ["missing_space"]


@pytest.mark.parametrize("end", ["\u201cthe plan is dead\u201d", "the plan was dead (again)", "it ended in 2015"],
                         ids=["closing-quote", "bracket", "number"])
def test_sentence_glued_after_a_quote_bracket_or_number_gets_a_space(end):
    article = article_from_text(f"He said {end}.Kerry disagreed.")
    assert _sentences(article) == [f"He said {end}.", "Kerry disagreed."]


def test_abbreviations_and_decimals_are_not_glued_sentences():
    text = "The U.S. envoy met officials on Monday. Growth was 2.5 percent."
    assert article_from_text(text).text == text


def test_straight_quotes_are_made_curly_by_their_position():
    article = article_from_text('He said "the plan is dead" on Monday.')
    assert article.text == f"He said {OPEN}the plan is dead{CLOSE} on Monday."
    assert _repair_kinds(article) == ["straight_quote"]


def test_two_apostrophes_for_a_double_mark_become_a_quotation():
    text = "''The deal is dead,'' said Ana Roe, a lawyer. ''We will appeal.''\nHe called it ''unfair'' twice."
    article = article_from_text(text)
    quoted = [article.text[s:e].strip() for s, e in quotation_spans(article.text)]
    assert quoted == ["The deal is dead,", "We will appeal.", "unfair"]
    s, e = quotation_spans(article.text)[1]
    inner = article.text[s:e]
    s, e = s + len(inner) - len(inner.lstrip()), e - len(inner) + len(inner.rstrip())
    start, end = article.to_original(s, e)
    assert article.original[start:end] == "We will appeal."
    assert "Roe's" in article_from_text("Ana Roe's plan").text


def test_quotation_opened_and_never_closed_ends_with_its_line():
    article = article_from_text(f"{OPEN}The plan is dead, Ford said.\nThe talks resumed on Monday.")
    assert article.text == f"{OPEN}The plan is dead, Ford said.{CLOSE}\nThe talks resumed on Monday."
    (start, end), = quotation_spans(article.text)
    assert article.text[start:end] == "The plan is dead, Ford said."
    assert _repair_kinds(article) == ["closed_quote"]


def test_paragraphs_of_a_quotation_joined_on_one_line_are_quotations_of_their_own():
    text = f"{OPEN}We are safe, Ford said. {OPEN}The talks resume on Monday.{CLOSE} Ana Roe agreed."
    article = article_from_text(text)
    quoted = [article.text[s:e] for s, e in quotation_spans(article.text)]
    assert quoted == ["We are safe, Ford said.", "The talks resume on Monday."]
    assert _repair_kinds(article) == ["closed_quote"]


def test_a_quotation_left_open_before_narrative_joined_on_its_line_ends_with_its_first_sentence():
    # two sentences is a quotation paragraph; four before the next mark are narrative joined in too
    two = f"{OPEN}We are safe. We will stay, Ford said. {OPEN}No.{CLOSE} Roe said."
    assert [two[s:e] for s, e in quotation_spans(article_from_text(two).text)][0] == "We are safe. We will stay, Ford said."
    text = (f"{OPEN}We still have far to go. In Paris, crowds gathered. The mayor spoke. Ana Roe vowed "
            f"to rebuild. {OPEN}We are ready,{CLOSE} Roe said.")
    article = article_from_text(text)
    quoted = [article.text[s:e] for s, e in quotation_spans(article.text)]
    assert quoted == ["We still have far to go.", "We are ready,"]
    assert _repair_kinds(article) == ["closed_quote"]


def test_quotation_running_over_two_lines_to_its_closing_mark_is_left_alone():
    text = f"{OPEN}But we are waiting to see.\nIt is not clear that we will agree,{CLOSE} he said."
    article = article_from_text(text)
    assert article.text == text
    assert len(quotation_spans(article.text)) == 1


def test_nested_quotation_closed_only_by_the_outer_mark_gets_its_own_closing_mark():
    article = article_from_text(
        f"{OPEN}The message was clear: \u2018When our interests differ from yours, ours win.{CLOSE}"
    )
    assert article.text.endswith("ours win.\u2019\u201d")
    assert _repair_kinds(article) == ["nested_quote"]


def test_apostrophes_inside_a_nested_quotation_do_not_close_it():
    article = article_from_text(f"{OPEN}They said \u2018we won\u2019t leave.{CLOSE} The end.")
    assert "we won\u2019t leave.\u2019\u201d" in article.text


def test_the_original_is_never_modified():
    text = 'Former U.S.\nAmbassador Jane Roe said "no".Kerry left. WHITE HOUSE SAYS NO The end.'
    article = article_from_text(text)
    assert article.original == text
    assert article.text != text


# --------------------------------------------------------------------------- offsets

MESSY = (
    'WASHINGTON (Reuters) - Former U.S.\nAmbassador Jane Roe said "the plan is dead" on Monday.Kerry disagreed. '
    "WHITE HOUSE SAYS IT IS UP TO RUSSIA At the White House, the tone was cautious.\n"
    f"{OPEN}We will see, the spokesman said.\n"
    f"{OPEN}They told us \u2018no deal.{CLOSE} Officials left.\n"
)


def test_every_word_of_the_cleaned_text_maps_back_to_the_same_word_of_the_original():
    article = article_from_text(MESSY)
    assert len(article.repairs) >= 6  # every kind of repair is in play
    for m in re.finditer(r"\w+", article.text):
        start, end = article.to_original(m.start(), m.end())
        assert article.original[start:end] == m.group(), m.group()


def test_a_span_across_repairs_maps_to_the_original_characters():
    article = article_from_text(MESSY)
    cleaned = f"{OPEN}the plan is dead{CLOSE} on Monday. Kerry"
    cs = article.text.index(cleaned)
    start, end = article.to_original(cs, cs + len(cleaned))
    assert article.original[start:end] == '"the plan is dead" on Monday.Kerry'
    joined = article.text.index("U.S. Ambassador")
    start, end = article.to_original(joined, joined + len("U.S. Ambassador"))
    assert article.original[start:end] == "U.S.\nAmbassador"


def test_an_inserted_character_maps_to_an_empty_span():
    article = article_from_text("He left.Kerry stayed.")
    space = article.text.index(". Kerry") + 1
    start, end = article.to_original(space, space + 1)
    assert start == end == article.original.index("Kerry")


def test_segments_cover_the_same_text_in_original_and_cleaned_coordinates():
    article = article_from_text(MESSY)
    for seg in article.paragraphs + article.sentences:
        assert (seg.start, seg.end) == article.to_original(seg.clean_start, seg.clean_end)
        original, cleaned = article.original[seg.start:seg.end], article.text[seg.clean_start:seg.clean_end]
        assert re.findall(r"\w+", original) == re.findall(r"\w+", cleaned)


def test_dateline_is_recognised():
    article = article_from_text(MESSY)
    assert (article.place, article.source) == ("WASHINGTON", "Reuters")


def test_a_dateline_of_two_places_is_one_dateline():
    article = article_from_text("OSLO, Norway/LONDON (Reuters) - The minister plans to sell the ferries.")
    assert (article.place, article.source) == ("OSLO, Norway/LONDON", "Reuters")
    assert article.text[len(article.dateline):].startswith("The minister")


# --------------------------------------------------------------------------- sentences

def test_abbreviations_and_an_attributed_question_do_not_end_sentences():
    article = article_from_text(
        f"U.S. officials met Mr. Smith in Washington. {OPEN}Who will pay?{CLOSE} she said. Then they left."
    )
    assert _sentences(article) == [
        "U.S. officials met Mr. Smith in Washington.",
        f"{OPEN}Who will pay?{CLOSE} she said.",
        "Then they left.",
    ]


def test_an_abbreviation_can_end_a_sentence_before_a_sentence_starter():
    article = article_from_text("The sanctions hit the U.S. The move angered Congress.")
    assert _sentences(article) == ["The sanctions hit the U.S.", "The move angered Congress."]


def test_a_question_not_followed_by_an_attribution_ends_its_sentence():
    article = article_from_text(f"{OPEN}Who will pay?{CLOSE} Nobody knows.")
    assert len(article.sentences) == 2


# --------------------------------------------------------------------------- over-long sentences

#: A story without sentence punctuation: one "sentence" as long as the text.
RUN_ON = "the minister said the plan would work "


def _limit():
    from analysis.resources import load_yaml

    return load_yaml("text_rules.yml")["max_sentence_tokens"]


def test_text_without_sentence_punctuation_is_cut_into_sentences_of_bounded_length():
    text = (RUN_ON * 270)[:10_000]
    article = article_from_text(text)
    words = [len(article.text[s.clean_start:s.clean_end].split()) for s in article.sentences]
    assert max(words) <= _limit() and len(words) == -(-len(text.split()) // _limit())  # as few parts as the limit allows
    assert " ".join(_sentences(article)).split() == text.split()  # every word once, in order
    assert len(article.warnings) == 1
    assert f"longer than {_limit()} tokens (the longest has {len(text.split()):,}" in article.warnings[0]


def test_a_long_sentence_is_cut_after_a_comma_or_before_a_conjunction():
    clause = "the minister said the plan would work"
    commas = article_from_text(", ".join([clause] * 60) + ".")
    assert len(commas.sentences) > 1
    assert all(s.endswith(",") for s in _sentences(commas)[:-1])
    conjunctions = article_from_text(" and ".join([clause] * 60) + ".")
    assert len(conjunctions.sentences) > 1
    assert all(s.startswith("and ") for s in _sentences(conjunctions)[1:])


def test_a_long_word_without_spaces_is_cut_too():
    article = article_from_text("-".join(["x"] * 600))
    assert len(article.sentences) > 1 and len(article.warnings) == 1
    assert "".join(_sentences(article)) == article.original


def test_news_sentences_are_not_cut():
    for path in [*SEEDS.glob("*.txt"), *(Path(__file__).parent / "fixtures" / "articles").glob("*.txt")]:
        assert load_article(path).warnings == (), path


# --------------------------------------------------------------------------- loading

def test_the_seed_is_read_exactly_as_stored():
    seeds = sorted(SEEDS.glob("*.txt"))
    assert seeds
    for path in seeds:
        article = load_article(path)
        assert article.original.encode("utf-8") == path.read_bytes()
        assert article.doc_id == path.stem
        assert article.path == str(path)


@pytest.mark.parametrize("data,problem", [
    (b"", "file is empty"),
    (b" \n\t\n  ", "file contains only whitespace"),
    (b"GIF89a\x00\x01\x00\x00binary", "binary file"),
    (b"The caf\xe9 was closed.", "not valid utf-8 (byte 7: b'\\xe9')"),
], ids=["empty", "whitespace", "binary", "invalid-utf8"])
def test_bad_files_are_refused_with_the_file_name_and_the_problem(tmp_path, data, problem):
    # test_bad_input.py checks the message and the command line; this checks the
    # structured error a caller gets (path, problem) and where invalid bytes are.
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    with pytest.raises(ArticleError) as info:
        load_article(path)
    assert info.value.path == str(path)
    assert info.value.problem.startswith(problem)
    assert str(info.value) == f"{path}: {info.value.problem}"
