"""analysis.corpus_gold: how gold voices are paired with predicted actors when scoring positions."""
from __future__ import annotations

from analysis.corpus_gold import match_voices, name_score


def test_the_same_head_with_other_modifiers_is_another_actor():
    assert name_score("Lopez administration", "organization", "Moreau administration", "organization") == 0.0
    assert name_score("Lopez administration", "organization", "administration", "organization") > 0


def test_a_shared_modifier_still_pairs_descriptions():
    assert name_score("some farm unions", "group", "farm unions", "group") > 0


def test_a_gold_voice_without_its_actor_stays_unpaired():
    gold = [{"name": "Lopez administration", "type": "organization"}]
    predicted = [{"name": "Moreau administration", "type": "organization"}]
    assert match_voices(gold, predicted) == {}


def test_modifiers_must_agree_not_only_overlap():
    assert name_score("human rights groups", "group", "civil rights groups", "group") == 0.0
    assert name_score("four federal judges", "group", "federal judges", "group") > 0


def test_a_word_inside_a_longer_first_mention_does_not_map_a_speaker():
    from analysis.corpus_gold import speaker_map

    # gold: "U.S. and Iranian officials" first mentioned at 10-36, "United States" at 50-63
    gold = {"actors": [{"id": "both", "name": "U.S. and Iranian officials", "type": "group", "first": [10, 36]},
                       {"id": "us", "name": "United States", "type": "country", "first": [50, 63]},
                       {"id": "off", "name": "senior official involved in the talks", "type": "anonymous",
                        "first": [70, 110]}]}
    actors = [{"actor_id": "A1", "name": "United States", "type": "country"},
              {"actor_id": "A2", "name": "unnamed senior official", "type": "anonymous"}]
    mentions = [{"actor_id": "A1", "start": 10, "end": 14}, {"actor_id": "A1", "start": 120, "end": 124},
                {"actor_id": "A2", "start": 70, "end": 85}]
    assert speaker_map(gold, actors, mentions) == {"A1": "us", "A2": "off"}


def test_the_committed_gold_is_what_adjudication_writes_from_the_readings(tmp_path, monkeypatch, capsys):
    """gold/corpus/{statements,positions} are reproduced from the two readings and the third
    reader's decisions (offsets only: no article text is needed)."""
    import shutil
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(root / "tools"))
    import adjudicate

    copy = tmp_path / "corpus"
    shutil.copytree(root / "gold" / "corpus", copy)
    monkeypatch.setattr(adjudicate, "GOLD", copy)
    for kind in ("statements", "positions"):
        assert adjudicate.main([kind, "--write"]) == 0
        for path in sorted((root / "gold" / "corpus" / kind).glob("*.yml")):
            if (root / "gold" / "corpus" / "annotators" / "a" / kind / path.name).is_file():
                assert (copy / kind / path.name).read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), path
    assert (copy / "agreement.json").read_text() == (root / "gold" / "corpus" / "agreement.json").read_text()
    capsys.readouterr()


def test_fetched_texts_are_read_from_the_repository_and_abc_is_a_source_of_its_own():
    from analysis import ROOT
    from analysis.corpus_gold import SHARED, group_of, source_of, text_path
    assert text_path({"source": "texts/lee/abc-006.txt"}) == ROOT / "texts" / "lee" / "abc-006.txt"
    assert text_path({"source": "corpus/x.txt"}) == SHARED / "corpus" / "x.txt"
    assert source_of("abc-006") == "abc" and group_of("abc") is None
    assert group_of(source_of("nyt_2016-06-09_x")) == "U.S. outlets" and group_of("reuters") is None


def test_standoff_names_a_fetched_text_relative_to_the_repository(tmp_path):
    import importlib.util
    from analysis import ROOT
    spec = importlib.util.spec_from_file_location("standoff", ROOT / "tools" / "standoff.py")
    standoff = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(standoff)
    assert standoff._source(ROOT / "texts" / "lee" / "abc-006.txt") == "texts/lee/abc-006.txt"
    assert standoff._source(ROOT.parent / "shared" / "corpus" / "a.txt") == "corpus/a.txt"
    assert standoff._source(tmp_path / "b.txt") == "b.txt"


def test_an_issue_label_agrees_with_the_gold_across_inflections_but_not_across_matters():
    from analysis.corpus_gold import issue_agrees
    assert issue_agrees("the further deployments", {"policy": "the deployment of more troops"})
    assert issue_agrees("the rocket strike on the city", {"policy": "the campaign of air strikes"})
    assert issue_agrees("Republican lawmakers\u2019 charges", {"policy": "the lawmakers' charge of bias",
                                                                "owner": "Republican lawmakers"})
    assert not issue_agrees("the plan to raise taxes", {"policy": "the plan to build a wall"})
    assert not issue_agrees("Lee\u2019s plan", {"policy": "Ann Lee's proposal", "owner": "Ann Lee"})


def test_a_name_fits_whichever_apostrophe_its_possessive_is_typed_with():
    from analysis.corpus_gold import name_score
    straight = name_score("Modanlo's lawyers", "group", "Modanlo\u2019s lawyers", "group")
    assert straight == name_score("Modanlo's lawyers", "group", "Modanlo's lawyers", "group") > 0
