"""analysis.actors: who acts or speaks, merged into one actor each, with role and institution.

Each test analyses a short text written for it (names invented or generic)
and checks the actor or mention a reader would look up. Where a rule exists
to correct the small spaCy model, the test first checks that the model
really makes that mistake on the text, so the test exercises the rule.
"""
from __future__ import annotations

import pytest

import ast
import re
import warnings
from pathlib import Path


import analysis
from analysis import SEEDS
from analysis.corpus import article_from_text, load_article
from analysis.nlp import parse

PACKAGE = Path(analysis.__file__).resolve().parent


def _actor(result, name):
    rows = result.actors.actors[result.actors.actors["name"] == name]
    assert len(rows) == 1, f"{name!r} not one actor: {result.actors.actors[['actor_id', 'name']].to_dict('records')}"
    return rows.iloc[0].to_dict()


def _mentions(result, actor_id=None):
    m = result.actors.mentions
    if actor_id is not None:
        m = m[m["actor_id"] == actor_id]
    return list(zip(m["text"], m["how"]))


def _mention_at(result, text, nth=0):
    """The actor id of the mention starting at the nth occurrence of ``text`` ('' if none)."""
    original = result.article.original
    start = [m.start() for m in re.finditer(re.escape(text), original)][nth]
    m = result.actors.mentions
    hit = m[m["start"] == start]
    return hit["actor_id"].iloc[0] if len(hit) else ""


def _entities(nlp, text):
    article = article_from_text(text)
    return [(e.text, e.label_) for e in parse(article, nlp).ents]


# --------------------------------------------------------------------------- names

def test_possessive_is_trimmed_and_joins_the_full_name(analyse_text):
    r = analyse_text("Kerry\u2019s visit to Paris was short. John Kerry met the minister there.")
    kerry = _actor(r, "John Kerry")
    assert _mentions(r, kerry["actor_id"]) == [("Kerry", "alias"), ("John Kerry", "name")]
    assert not r.actors.actors["name"].str.contains("\u2019s").any()


def test_full_name_surname_and_title_with_surname_are_one_actor_named_by_the_full_name(analyse_text):
    r = analyse_text(
        "Secretary of State John Kerry met the minister. Kerry said the talks were useful. "
        "Secretary Kerry added that more talks were needed."
    )
    people = r.actors.actors[r.actors.actors["type"] == "person"]
    assert list(people["name"]) == ["John Kerry"]
    assert people.iloc[0]["mentions"] == 3
    assert people.iloc[0]["aliases"] == "Kerry"


def test_an_honorific_without_a_stop_and_a_known_surname_is_that_person(analyse_text):
    r = analyse_text("The Community and Public Sector Union's Wendy Caird says jobs are at risk. "
                     "\u201cI think that's quite alarming,\u201d Ms Caird said.")
    people = r.actors.actors[r.actors.actors["type"] == "person"]
    assert list(people["name"]) == ["Wendy Caird"] and people.iloc[0]["mentions"] == 2
    assert not r.actors.actors["name"].str.contains("Ms ").any()


def test_a_name_the_story_writes_after_mr_is_a_person_whatever_its_entity_type(analyse_text):
    # the model tags this name an organisation; "Mr Schneiders" later says whose surname it is
    r = analyse_text("The Rainforest Alliance's Lyndon Schneiders says the ruling will help. "
                     "\u201cIt is the right result,\u201d Mr Schneiders said.")
    a = r.actors.actors.set_index("name")
    assert a.loc["Lyndon Schneiders", "type"] == "person"
    assert r.quotes["speaker"].tolist() == ["Lyndon Schneiders", "Lyndon Schneiders"]


@pytest.mark.parametrize("text", [
    "The Royal Flying Doctor Service (RFDS) says a plane came down last night. The RFDS says the pilot died.",
    "The New South Wales State Emergency Service (SES) says it has had 5,000 calls. The SES says more rain is due.",
    # the model reads the opening bracket into the name: the name ends before it
    "The Department of Foreign Affairs and Trade (DFAT) says exports will rise. DFAT says the report was misread.",
    "The Construction, Forestry, Mining and Energy Union (CFMEU) says the inquiry is biased. The CFMEU says it will "
    "appeal.",
])
def test_an_acronym_given_in_brackets_is_the_organisation_it_follows(analyse_text, text):
    r = analyse_text(text)
    orgs = r.actors.actors[r.actors.actors["type"] == "organization"]
    assert len(orgs) == 1 and orgs.iloc[0]["mentions"] >= 3
    assert set(r.quotes["speaker"]) == {orgs.iloc[0]["name"]}


@pytest.mark.parametrize("text, name", [
    ("Dr Jane Roe runs the clinic. \u201cWe are full,\u201d Dr Roe said.", "Jane Roe"),
    ("Prof Jane Roe teaches law. \u201cThe bill is flawed,\u201d Prof Roe said.", "Jane Roe"),
    ("The Reverend Tom Hill leads the church. \u201cWe will stay,\u201d Rev Hill said.", "Tom Hill"),
    ("Mr John Doe owns the firm. \u201cWe will stay,\u201d Mr Doe said.", "John Doe"),
])
def test_an_honorific_names_its_person_and_is_no_role(analyse_text, text, name):
    # British and Australian style writes honorifics without a stop ("Dr", "Prof", "Rev"); "Mr" or
    # "Dr" says how a person is addressed, not what office they hold
    r = analyse_text(text)
    people = r.actors.actors[r.actors.actors["type"] == "person"]
    assert list(people["name"]) == [name] and people.iloc[0]["mentions"] == 2
    assert people.iloc[0]["role"] == ""


@pytest.mark.parametrize("text, agent, principal, role", [
    ("A spokesman for Immigration Minister Ann Roe says the damage is large.", "unnamed spokesman", "Ann Roe",
     "Immigration Minister"),
    ("An aide to Senator Tom Hill said the bill would pass.", "unnamed aide", "Tom Hill", "Senator"),
])
def test_one_who_speaks_for_a_titled_person_is_another_voice(analyse_text, text, agent, principal, role):
    r = analyse_text(text)
    a = r.actors.actors.set_index("name")
    assert a.loc[principal, "role"] == role
    assert a.loc[agent, "speaks_for"] == a.loc[principal, "actor_id"]
    assert list(r.quotes["speaker"]) == [agent]


def test_two_people_sharing_a_surname_are_two_actors(analyse_text):
    r = analyse_text("Senator Tom Hill met Judge Mary Hill on Monday. Tom Hill said the talks were useful.")
    people = r.actors.actors[r.actors.actors["type"] == "person"]
    assert sorted(people["name"]) == ["Mary Hill", "Tom Hill"]


def test_role_and_institution_from_a_title_before_the_name(analyse_text):
    r = analyse_text("State Department spokesman John Kirby told reporters the talks were useful.")
    kirby = _actor(r, "John Kirby")
    assert (kirby["role"], kirby["institution"], kirby["gender"]) == ("State Department spokesman", "State Department", "M")
    assert _mentions(r) == [("John Kirby", "name")]  # the title is a role, not another actor


def test_role_and_institution_from_an_apposition(analyse_text):
    r = analyse_text("Jane Doe, a Pentagon spokeswoman, said the plan was flawed.")
    doe = _actor(r, "Jane Doe")
    assert (doe["role"], doe["institution"], doe["gender"]) == ("Pentagon spokeswoman", "Department of Defense", "F")
    assert len(r.actors.actors) == 1


@pytest.mark.parametrize("text, name, role", [
    ("The Treasurer, Tom Hill, says the budget will be tight. Mr Hill will speak again on Friday.", "Tom Hill",
     "Treasurer"),
    ("The coroner, Ann Lee, says the inquest will resume in March.", "Ann Lee", "coroner"),
])
def test_a_definite_title_set_off_by_commas_before_a_name_is_that_persons_role(analyse_text, text, name, role):
    # "The Treasurer, Tom Hill, says": one person, whose role the title is (not an unnamed Treasurer too)
    r = analyse_text(text)
    people = r.actors.actors[r.actors.actors["type"] == "person"]
    assert list(people["name"]) == [name] and people.iloc[0]["role"] == role
    assert list(r.quotes["speaker"]) == [name]


def test_a_title_with_an_of_phrase_before_a_name_set_off_by_commas_is_that_persons_role(analyse_text):
    # the parser hangs the name on the body ("Institute"), not on the title ("head")
    r = analyse_text("The head of the Victorian Law Institute, John Corcoran, says the charge could stand.")
    assert _actor(r, "John Corcoran")["role"] == "head of the Victorian Law Institute"
    assert list(r.quotes["speaker"]) == ["John Corcoran"]


@pytest.mark.parametrize("text", [
    "Staff cuts were announced at regional pay TV operator Zentrix. Zentrix says the cuts are needed.",
    "Hundreds will lose their jobs at the country's biggest broadcaster, Zentrix. Zentrix says the cuts are "
    "needed.",
])
def test_a_name_the_text_describes_as_a_business_is_an_organisation(analyse_text, text):
    # whatever type the small model gives the name, "operator Zentrix" says what it is
    r = analyse_text(text)
    a = r.actors.actors
    assert list(a.loc[a["name"] == "Zentrix", "type"]) == ["organization"]
    assert list(r.quotes["speaker"]) == ["Zentrix"]


def test_a_home_country_is_not_guessed_from_a_tie(analyse_text):
    # a story naming two countries equally often does not say which it is told from, so a title that
    # belongs to one country's institutions ("Senator") is not tied to it
    r = analyse_text("The United States and Pakistan held talks on Monday. The Defence Minister, Tom Hill, "
                     "says it is too early to judge them. Senator Hill said more talks were needed.")
    hill = _actor(r, "Tom Hill")
    assert hill["institution"] != "U.S. Congress"


def test_former_is_recorded_and_left_out_of_the_role(analyse_text):
    r = analyse_text("Former Ambassador to Syria Robert Ford said the plan was flawed. Senator Tom Hill agreed.")
    ford, hill = _actor(r, "Robert Ford"), _actor(r, "Tom Hill")
    assert (ford["former"], ford["role"]) == (True, "Ambassador to Syria")
    assert not hill["former"]
    assert "Syria" not in r.actors.actors["name"].tolist()  # the posting is not an actor


# --------------------------------------------------------------------------- what spaCy gets wrong

def test_a_country_tagged_as_a_person_is_not_a_person(nlp, analyse_text):
    text = "They bombed a camp near the border with Jordan used by rebels."
    assert ("Jordan", "PERSON") in _entities(nlp, text)  # the model's mistake
    r = analyse_text(text)
    assert "Jordan" not in r.actors.actors["name"].tolist()  # a place here, not an actor
    assert _mention_at(r, "Jordan") == ""


def test_a_country_tagged_as_a_person_that_speaks_is_the_country(nlp, analyse_text):
    text = "Jordan said the camp was bombed."
    assert ("Jordan", "PERSON") in _entities(nlp, text)
    jordan = _actor(analyse_text(text), "Jordan")
    assert (jordan["type"], jordan["country"]) == ("country", "Jordan")


def test_a_surname_tagged_as_an_organisation_joins_the_person(nlp, analyse_text):
    text = "Senator Robert Ford spoke on Monday. Ford told Reuters the plan was weak."
    assert ("Ford", "ORG") in _entities(nlp, text)
    r = analyse_text(text)
    ford = _actor(r, "Robert Ford")
    assert _mentions(r, ford["actor_id"]) == [("Robert Ford", "name"), ("Ford", "alias")]
    assert r.actors.actors["name"].tolist() == ["Robert Ford", "Reuters"]


def test_a_surname_tagged_as_an_organisation_is_listed_among_the_aliases(analyse_text):
    r = analyse_text("Senator Robert Ford spoke on Monday. Ford told Reuters the plan was weak.")
    assert _actor(r, "Robert Ford")["aliases"] == "Ford"


def test_a_capital_that_acts_stands_for_its_country(analyse_text):
    r = analyse_text("Moscow said on Tuesday it would not withdraw its troops.")
    russia = _actor(r, "Russia")
    assert (russia["type"], russia["institution"]) == ("country", "Russian government")
    assert _mentions(r, russia["actor_id"]) == [("Moscow", "alias"), ("it", "pronoun")]  # "said it would"


def test_a_capital_as_a_place_is_not_an_actor(analyse_text):
    r = analyse_text("The mayor met aides in Moscow on Friday. The talks went well.")
    assert _mention_at(r, "Moscow") == ""
    assert "Russia" not in r.actors.actors["name"].tolist()


def test_a_heading_in_capitals_is_matched_to_a_known_actor(analyse_text):
    r = analyse_text(
        "Senator Maria Lopez criticised the bill on Monday. LOPEZ SAYS BILL IS DEAD The senator said it would not pass."
    )
    lopez = _actor(r, "Maria Lopez")
    assert _mentions(r, lopez["actor_id"]) == [("Maria Lopez", "name"), ("LOPEZ", "alias"), ("The senator", "nominal")]


# --------------------------------------------------------------------------- unnamed sources and groups

def test_each_indefinite_official_is_a_new_actor_and_the_official_is_the_latest(analyse_text):
    r = analyse_text(
        "A senior official said the talks had failed. Another official said the plan was dead. "
        "The official added that nothing would change."
    )
    actors = r.actors.actors
    assert list(actors["type"]) == ["anonymous", "anonymous"]
    first, second = actors["actor_id"]
    assert _mention_at(r, "A senior official") == first
    assert _mention_at(r, "Another official") == second
    assert _mention_at(r, "The official") == second


def test_a_plural_description_is_one_group(analyse_text):
    r = analyse_text("Opposition lawmakers said the bill was unfair. The lawmakers vowed to block it.")
    group = _actor(r, "Opposition lawmakers")
    assert group["type"] == "group"
    assert _mentions(r, group["actor_id"]) == [("Opposition lawmakers", "name"), ("The lawmakers", "nominal")]


def test_an_unnamed_source_gets_its_institution_from_its_description(analyse_text):
    r = analyse_text("A State Department spokeswoman said the plan was fine.")
    source = r.actors.actors.iloc[0]
    assert (source["type"], source["name"], source["institution"]) == (
        "anonymous", "unnamed State Department spokeswoman", "State Department")


def test_an_unnamed_spokeswoman_is_female(analyse_text):
    r = analyse_text("A State Department spokeswoman said the plan was fine.")
    assert r.actors.actors.iloc[0]["gender"] == "F"


# --------------------------------------------------------------------------- pronouns

def test_pronouns_are_resolved_by_gender(analyse_text):
    r = analyse_text("Senator Tom Hill met Mayor Ann Lee on Monday. He said the plan was fine. She disagreed.")
    hill, lee = _actor(r, "Tom Hill")["actor_id"], _actor(r, "Ann Lee")["actor_id"]
    assert _mention_at(r, "He") == hill
    assert _mention_at(r, "She") == lee


def test_she_is_the_spokeswoman_not_the_man_named_before(analyse_text):
    r = analyse_text("Senator Tom Hill met a State Department spokeswoman on Monday. The talks were useful, she said.")
    spokeswoman = _actor(r, "unnamed State Department spokeswoman")["actor_id"]
    assert _mention_at(r, "she") == spokeswoman


def test_a_pronoun_the_text_does_not_settle_is_left_unlinked(analyse_text):
    r = analyse_text("Senator Tom Hill met Governor Mark Reed on Monday. She said the plan was fine.")
    assert _mention_at(r, "She") == ""
    assert set(r.actors.mentions["how"]) == {"name"}


def test_a_pronoun_too_far_from_any_name_is_left_unlinked(analyse_text):
    r = analyse_text(
        "Senator Tom Hill spoke on Monday. The talks were long. The rooms were cold. "
        "The food was bad. The rain kept falling. Later he left."
    )
    assert _mention_at(r, "he") == ""


# --------------------------------------------------------------------------- offsets

def test_every_mention_is_exactly_the_original_text(analyse_text):
    text = (
        "WASHINGTON (Reuters) - Former U.S.\nAmbassador Jane Roe said \"the plan is dead\" on Monday.Kerry "
        "disagreed. ROE SAYS NO DEAL Roe\u2019s aides and a senior official met in Moscow. She said the Kremlin "
        "had not replied."
    )
    r = analyse_text(text)
    assert len(r.actors.mentions) >= 5
    for row in r.actors.mentions.itertuples(index=False):
        assert text[row.start:row.end] == row.text
    for row in r.actors.actors.itertuples(index=False):
        assert (row.first_start, row.first_end) in set(
            zip(r.actors.mentions["start"], r.actors.mentions["end"]))


# --------------------------------------------------------------------------- no seed names in the rules

def _seed_surnames(nlp) -> set[str]:
    """Surnames of the people the seed articles name in full (from spaCy's PERSON entities)."""
    names = set()
    for path in sorted(SEEDS.glob("*.txt")):
        article = load_article(path)
        for ent in parse(article, nlp).ents:
            words = ent.text.split()
            if ent.label_ == "PERSON" and len(words) > 1:
                names.add(re.sub(r"^(?:al|el)-", "", words[-1], flags=re.I).rstrip("\u2019s'"))
    return names


def _rule_strings(path: Path) -> list[str]:
    """Identifiers and string literals of a module, without docstrings and comments."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # escape-sequence warnings are not this test's business
        tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value) for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
    }
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            out.append(node.value)
        elif isinstance(node, ast.Name):
            out.append(node.id)
    return out


def _hits(names: set[str], text: str) -> set[str]:
    return {n for n in names if re.search(rf"\b{re.escape(n)}\b", text)}


def _data_without_comments(path: Path) -> str:
    lines = path.read_text(encoding="utf-8").splitlines()
    if path.suffix in (".yml", ".yaml"):
        lines = [line.split("#", 1)[0] for line in lines]
    return "\n".join(lines)


def test_no_rule_or_word_list_names_a_person_of_the_seed(nlp):
    names = _seed_surnames(nlp)
    assert len(names) >= 5, names  # the seed's people were found
    found = {}
    # schema.py is the data dictionary's prose, not a rule: the next test covers it
    for path in sorted(p for p in PACKAGE.glob("*.py") if p.name != "schema.py"):
        hits = _hits(names, "\n".join(_rule_strings(path)))
        if hits:
            found[path.name] = sorted(hits)
    for path in sorted((PACKAGE / "data").iterdir()):
        if path.suffix in (".csv", ".yml", ".yaml"):
            hits = _hits(names, _data_without_comments(path))
            if hits:
                found[f"data/{path.name}"] = sorted(hits)
    assert found == {}


def test_no_code_comment_or_data_file_names_a_person_of_the_seed(nlp):
    names = _seed_surnames(nlp)
    found = {}
    for path in sorted(PACKAGE.glob("*.py")) + sorted((PACKAGE / "data").iterdir()):
        if path.is_file():
            hits = _hits(names, path.read_text(encoding="utf-8"))
            if hits:
                found[str(path.relative_to(PACKAGE))] = sorted(hits)
    assert found == {}


def test_a_name_after_a_closing_mark_speaks_whatever_the_parser_made_of_it(nlp):
    """“...,” Okonkwo, 61, told AFP: a small model often reads the name as a conjunct of the quoted
    clause; the name still speaks (so a later "he said" can go back to it)."""
    from types import SimpleNamespace

    from spacy.tokens import Doc

    from analysis.actors import _Mention
    from analysis.coreference import speaks

    words = ["\u201c", "We", "lost", ",", "\u201d", "Okonkwo", ",", "61", ",", "told", "AFP", "."]
    heads = [2, 2, 2, 2, 5, 2, 5, 5, 5, 2, 9, 2]
    deps = ["punct", "nsubj", "ROOT", "punct", "punct", "conj", "punct", "appos", "punct", "conj", "dobj", "punct"]
    pos = ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "PROPN", "PUNCT", "NUM", "PUNCT", "VERB", "PROPN", "PUNCT"]
    lemmas = ["\u201c", "we", "lose", ",", "\u201d", "Okonkwo", ",", "61", ",", "tell", "AFP", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    told = speaks(SimpleNamespace(doc=doc), SimpleNamespace(reporting=frozenset({"tell"})), _Mention(5, 6, "name"))
    assert told is not None and told.text == "told"
    assert speaks(SimpleNamespace(doc=doc), SimpleNamespace(reporting=frozenset({"tell"})), _Mention(10, 11, "name")) is None


def test_an_honorific_picks_the_person_of_its_gender_among_two_with_one_surname(analyse_text):
    r = analyse_text("Hillary Clinton and her husband, former President Bill Clinton, spoke in Ohio. "
                     "Mrs. Clinton said the plan would fail. Mr. Clinton said it might work.")
    assert r.quotes["speaker"].tolist() == ["Hillary Clinton", "Bill Clinton"]


def test_an_abbreviated_title_lets_the_full_title_refer_back_to_the_person(analyse_text):
    r = analyse_text("Sen. Margaret Ellison said on Tuesday that the talks had collapsed. "
                     "\u201cWe are running out of time,\u201d the senator told reporters.")
    assert r.quotes["speaker"].tolist() == ["Margaret Ellison", "Margaret Ellison"]
    assert len(r.actors.actors) == 1


def test_the_company_refers_back_to_the_business_named_before(analyse_text):
    r = analyse_text("Acme Corp. said on Monday it had fired its chief executive. In a statement, the company "
                     "said the board had lost confidence in him.")
    assert r.quotes["speaker"].tolist() == ["Acme Corp.", "Acme Corp."]


def test_the_company_without_a_suffix_is_the_business_of_no_institution_named_just_before(analyse_text):
    r = analyse_text("Last year, Dunmore Mining delayed its plan to build a smelter near the Kessel ore field. "
                     "The company blamed the delay on the state's royalty regime.")
    assert r.quotes["speaker"].tolist() == ["Dunmore Mining"]


def test_the_noun_that_described_an_organisation_refers_back_to_it(analyse_text):
    r = analyse_text("Thousands of travellers were stranded after the budget carrier Skyreach Airways cancelled its "
                     "flights. The carrier says the cancellations will end on Friday.")
    assert r.quotes["speaker"].tolist() == ["Skyreach Airways"]


def test_an_untagged_name_that_speaks_is_an_organisation(analyse_text):
    r = analyse_text("Hundreds of jobs will go at the travel agent. Travelwise has announced it is closing forty "
                     "stores.")
    assert r.quotes["speaker"].tolist() == ["Travelwise"]
    assert r.actors.actors["type"].tolist() == ["organization"]


def test_a_surname_given_in_full_elsewhere_is_not_made_an_organisation(analyse_text):
    r = analyse_text("Tomasz Wrzelak, a lawyer, backed the plan. \u201cIt will help,\u201d Wrzelak said.")
    assert r.quotes["speaker"].tolist() == ["Tomasz Wrzelak"]


def test_the_plural_noun_after_the_is_the_group_met_before(analyse_text):
    r = analyse_text("Grieving families of the flood victims have welcomed the verdict. The judge ordered the council "
                     "to pay damages. The families say they are still waiting for an apology.")
    assert r.quotes["speaker"].tolist() == ["Grieving families of the flood victims"] * 2


def test_the_nationality_noun_is_the_one_person_just_named(analyse_text):
    r = analyse_text("Sam Brennan overcame a back injury to win the final in three sets. The Australian says he is "
                     "happy with his form.")
    assert r.quotes["speaker"].tolist() == ["Sam Brennan"]


def test_the_nationality_noun_is_no_one_when_two_people_of_no_country_were_just_named(analyse_text):
    r = analyse_text("Sam Brennan beat John Miller in the final on Sunday. The Australian says he is happy with his "
                     "form.")
    assert r.quotes["speaker"].tolist() == ["unresolved"]


def test_a_bare_the_government_that_speaks_is_a_voice_not_unresolved(analyse_text):
    r = analyse_text("Storms have cut power to thousands of homes in the north. The Government is warning "
                     "householders against dealing with unlicensed tradespeople.")
    assert r.quotes["speaker"].tolist() == ["Government"]


def test_a_name_after_a_title_is_a_person_and_its_particle_surname_joins_it(analyse_text):
    r = analyse_text("As the aircraft landed, U.N. envoy Anders de Villiers called the move a significant step. "
                     "Opening the indirect talks, de Villiers said the parties faced a moment of truth.")
    assert r.quotes["speaker"].tolist() == ["Anders de Villiers", "Anders de Villiers"]
    assert r.actors.actors["type"].tolist() == ["person"]


def test_a_short_and_a_full_first_name_of_one_surname_are_one_person(analyse_text):
    r = analyse_text("Kenneth Marsh said the committee should act. Ken Marsh later added that he had been misquoted. "
                     "Robert Vance declined to comment, but Bob Vance said he was amused.")
    assert r.actors.actors["name"].tolist() == ["Kenneth Marsh", "Robert Vance"]
    assert r.quotes["speaker"].tolist() == ["Kenneth Marsh", "Kenneth Marsh", "Robert Vance"]


def test_a_first_name_the_model_leaves_out_still_picks_that_person_of_two_with_one_surname(analyse_text):
    r = analyse_text("“We grew up on this street,” said German Lopez, a baker. “The rent is too high,” said "
                     "Pablo Lopez, his brother, on Friday.\n\nGerman Lopez says that the bakery will close next "
                     "month.")
    q = r.quotes
    assert q["speaker"].tolist()[-1] == "German Lopez"


def test_an_acronym_is_the_organisation_whose_name_it_spells(analyse_text):
    r = analyse_text("The Environmental Protection Agency proposed new limits on Monday. "
                     "The EPA said the rule would take effect next year. The Federal Bureau of Investigation "
                     "reviewed it, and the FBI said it had no objection.")
    names = list(r.actors.actors["name"])
    assert "EPA" not in names and "FBI" not in names
    assert "Environmental Protection Agency" in names
    assert r.quotes.iloc[-1]["speaker"] == "Federal Bureau of Investigation"


def test_an_acronym_two_names_spell_joins_neither(analyse_text):
    r = analyse_text("The Public Safety Agency and the Pacific Shipping Association met on Monday. "
                     "The PSA said the talks had failed.")
    assert "PSA" in list(r.actors.actors["name"])


def test_a_group_the_reporter_describes_reacting_is_an_actor(analyse_text):
    # the holder of a noun of reaction: its "from" phrase, or "of" in "to the chagrin of X"
    r = analyse_text("The mayor closed the park on Monday. The move drew objections from conservatives. "
                     "It also shut the market, to the chagrin of local business groups.")
    names = r.actors.actors["name"].tolist()
    assert "conservatives" in names and "local business groups" in names


def test_a_described_faction_or_leadership_that_acts_is_a_group(analyse_text):
    # collective nouns for political bodies: a source only with a modifier and as the subject
    r = analyse_text("Rival Valdorian factions signed an agreement on a new cabinet on Monday. "
                     "The Valdorian leadership appealed for help from the United Nations. "
                     "Talks on the leadership of the party will resume.")
    rows = r.actors.actors.set_index("name")
    assert rows.loc["Rival Valdorian factions", "type"] == "group"
    assert rows.loc["unnamed Valdorian leadership", "type"] == "anonymous"  # one body, like "the opposition"
    assert len(rows) == 3  # "the leadership of the party", no subject: not a source


def test_a_surname_with_its_particle_is_a_person_even_with_a_verb_read_into_it(analyse_text):
    # the model tags "meet de Mistura" as an organisation
    r = analyse_text("Opposition negotiators will meet de Mistura on Monday, a spokesman said.")
    rows = r.actors.actors.set_index("name")
    assert rows.loc["de Mistura", "type"] == "person"


def test_a_quantifier_and_its_article_are_not_part_of_a_groups_name(analyse_text):
    r = analyse_text("A few early supporters of the bill said they had changed their minds.")
    assert list(r.actors.actors["name"]) == ["early supporters of the bill"]


def test_a_possessive_pronoun_in_the_object_of_its_subjects_verb_is_the_subject(analyse_text):
    # "X criticized her state's laws": her = X (not a woman met before)
    r = analyse_text("Hillary Clinton spoke on Monday. Martha Allen, a delegate from Vermont, criticized her "
                     "state's lax gun laws.")
    m = r.actors.mentions
    her = m[m["how"] == "pronoun"]
    names = dict(zip(r.actors.actors["actor_id"], r.actors.actors["name"]))
    assert [names[a] for a in her["actor_id"]] == ["Martha Allen"]


def test_its_and_their_refer_to_the_organisation_their_clause_is_about(analyse_text):
    # "the Government will keep its policy": its = the Government; an "its" outside such a clause stays unlinked
    r = analyse_text("Minister Paul Lee said the Government would keep its policy on refugees.\n\n"
                     "The Labor Party wants to change its policy. The policy and its costs were debated.")
    m = r.actors.mentions
    names = dict(zip(r.actors.actors["actor_id"], r.actors.actors["name"]))
    owners = [names[a] for a in m[m["how"] == "pronoun"]["actor_id"]]
    assert owners == ["Government", "Labor Party"]
    assert r.issue.owner == "Government"


def test_its_in_a_sentence_without_a_verb_stays_unlinked(analyse_text):
    # a heading such as "The Labor Party and its policy." has no verb: the climb to the clause stops at the root
    r = analyse_text("The Labor Party and its policy on refugees.\n\nThe Labor Party said on Monday that the policy works.")
    m = r.actors.mentions
    assert not len(m[m["how"] == "pronoun"])


@pytest.mark.parametrize("text,owner", [
    ("The Health Ministry said it would review the plan.", "Health Ministry"),
    ("The Kurdish rebels said they had withdrawn from the town.", "Kurdish rebels"),
    ("Russia said it was ready to talk about the plan.", "Russia"),
    ("Russia said it is up to the Syrian people to decide.", None),
    ("The Times reported that it was not the dossier that started the probe.", None),
    ("The union says while the initiative may create jobs, it will not help workers.", None),
], ids=["organization", "group", "country", "extraposed-it", "cleft-it", "nearer-subject"])
def test_it_or_they_reported_by_a_body_refers_to_that_body(analyse_text, text, owner):
    # "the ministry said it would": the subject of a reported clause is bound by its reporter
    r = analyse_text(text)
    m = r.actors.mentions
    names = dict(zip(r.actors.actors["actor_id"], r.actors.actors["name"]))
    linked = [names[a] for a in m[m["how"] == "pronoun"]["actor_id"]]
    assert linked == ([owner] if owner else [])


def test_leaders_of_a_body_and_plural_titles_are_groups_that_speak(analyse_text):
    r = analyse_text("The leaders of the U.S. intelligence community warned on Monday that national security may "
                     "be endangered.\n\nThe intelligence chiefs warned that the program would need to end.")
    assert [q for q in r.quotes["speaker"]] == ["leaders of the U.S. intelligence community", "intelligence chiefs"]


def test_a_long_of_phrase_is_not_read_into_a_groups_name(analyse_text):
    r = analyse_text("Opponents of allowing refugees into the country cite concerns that the region is rife with "
                     "militants.")
    assert all(len(n.split()) <= 8 for n in r.actors.actors["name"])


def test_a_named_persons_aides_are_a_group_that_speaks_for_that_person(analyse_text):
    r = analyse_text("Rex Tillerson unveiled a plan to reorganize the department on Tuesday.\n\n"
                     "Tillerson aides have said they need to make a stronger case about the reorganization.")
    rows = r.actors.actors.set_index("name")
    assert rows.loc["Tillerson aides", "type"] == "group"
    assert rows.loc["Tillerson aides", "speaks_for"] == rows.loc["Rex Tillerson", "actor_id"]
    assert list(r.quotes["speaker"]) == ["Tillerson aides"]


def test_a_lower_case_organisation_inside_a_title_is_no_actor(analyse_text):
    # the model tags "state" in "secretary of state" as an organisation
    r = analyse_text("Rex Roe, dogged by speculation about how long he will last as U.S. secretary of state, "
                     "spoke on Tuesday. Several state refugee coordinators said they had been told.")
    assert "state" not in list(r.actors.actors["name"])
    assert list(r.quotes["speaker"]) == ["state refugee coordinators"]


def test_the_government_that_said_is_a_source(analyse_text):
    r = analyse_text("The government said it would act on Monday. The state admitted it had made a mistake.")
    assert list(r.quotes["speaker"]) == ["unnamed government", "unnamed state"]


def test_the_top_diplomat_of_a_country_is_the_person_the_story_is_about(analyse_text):
    r = analyse_text("Rex Roe tried on Tuesday to ease skepticism about his plans. The chief U.S. diplomat said the "
                     "department would be stronger.\n\nA U.S. official said the plan would fail.")
    assert list(r.quotes["speaker"]) == ["Rex Roe", "unnamed U.S. official"]


@pytest.mark.parametrize("subject, speaker", [("The ministry", "unnamed ministry"), ("The army", "unnamed army"),
                                              ("The court", "unnamed court"), ("Police", "Police")])
def test_a_body_of_the_state_named_by_its_noun_speaks(analyse_text, subject, speaker):
    r = analyse_text(f"{subject} said on Monday that the talks would resume next week.")
    assert list(r.quotes["speaker"]) == [speaker]


def test_a_named_or_indefinite_body_is_left_to_the_other_passes(analyse_text):
    r = analyse_text("A court said on Monday that the talks would resume next week.")
    assert "court" not in list(r.actors.actors["name"])


@pytest.mark.parametrize("subject, speaker", [("The Norwegian embassy", "unnamed Norwegian embassy"),
                                              ("The governing party", "unnamed governing party")])
def test_a_described_body_that_speaks_is_a_source_when_no_other_pass_names_it(analyse_text, subject, speaker):
    r = analyse_text(f"Talks with the rebels stalled again. {subject} said on Monday that the talks would resume.")
    assert list(r.quotes["speaker"]) == [speaker]


def test_an_institution_word_inside_another_name_is_not_that_institution(analyse_text):
    r = analyse_text("U.S. senators met in Washington on the plan. The National Association of Defense Engineers "
                     "praised the plan on Monday. The Pentagon said the "
                     "plan would cost $2 billion. The National Defense Readiness Act passed in May.")
    engineers = _actor(r, "National Association of Defense Engineers")
    assert engineers["institution"] != "Department of Defense"
    assert _mention_at(r, "Pentagon") != engineers["actor_id"]
    assert _mention_at(r, "National Defense Readiness Act") != _mention_at(r, "Pentagon")


def test_names_joined_before_a_person_noun_describe_one_group_of_both_bodies(analyse_text):
    r = analyse_text("White House officials said the plan was ready. State Department and Pentagon spokesmen said on "
                     "Tuesday that the law prevented the move.")
    assert list(r.quotes["speaker"]) == ["White House officials", "State Department and Pentagon spokesmen"]


def test_a_quantified_part_of_a_party_is_a_group_of_its_own(analyse_text):
    r = analyse_text("Republicans said on Monday that the bill was too costly. Some Democrats said they would back it "
                     "anyway. Democrats said the vote would come next week.")
    assert list(r.quotes["speaker"]) == ["Republicans", "Some Democrats", "Democrats"]


def test_a_name_with_a_generation_suffix_is_another_person_and_a_bare_surname_the_elder(analyse_text):
    r = analyse_text("Donald Roe Jr. spoke to the committee on Tuesday, his lawyer said. President Donald Roe has called "
                     "the inquiry unfair. Roe has dismissed any talk of collusion.")
    junior, elder = _actor(r, "Donald Roe Jr."), _actor(r, "Donald Roe")
    assert junior["actor_id"] != elder["actor_id"]
    assert _mention_at(r, "Roe has", 1) == elder["actor_id"]



def test_a_title_held_in_a_body_named_by_a_common_noun_is_a_source_not_the_body(analyse_text):
    r = analyse_text("The Senate Ethics Committee met on Tuesday. The committee's senior Republican asked whether the "
                     "rules had been broken.")
    speaker = r.quotes["speaker"].iloc[0]
    assert "Republican" in speaker and "Committee" not in speaker


def test_a_quantified_plural_is_not_the_group_named_before(analyse_text):
    r = analyse_text("U.S. and British officials said on Monday that the talks would resume. Some officials predict that "
                     "the talks could fail.")
    first, second = list(r.quotes["speaker_id"])
    assert first and second and first != second


def test_an_indefinite_pronoun_that_speaks_is_a_voice_of_its_own(analyse_text):
    r = analyse_text("The mayor posted a photo of the new bridge on Tuesday. Some say the bridge cost too much. "
                     "Another wrote, \u201cThe bridge is a waste of money.\u201d Many of the residents said it was fine.")
    speakers = list(r.quotes["speaker"])
    assert speakers[:2] == ["Some", "unnamed Another"]
    assert len(set(r.quotes["speaker_id"][:2])) == 2
    assert "Many" not in speakers


def test_a_name_shortened_by_its_first_word_is_the_one_person_whose_name_ends_so():
    from analysis.actors import _Actor
    from analysis.names import _ending_a_name

    full, other = _Actor("person", "roe"), _Actor("person", "doe")
    full.names, other.names = ["Ahmad Wali Roe"], ["Ana Doe"]
    assert _ending_a_name([full, other], ["Wali", "Roe"]) is full
    assert _ending_a_name([full, other], ["Roe"]) is None  # a bare surname: the surname rules decide
    twin = _Actor("person", "roe")
    twin.names = ["Omar Wali Roe"]
    assert _ending_a_name([full, twin], ["Wali", "Roe"]) is None  # two people's names end so


def test_described_officials_after_bare_officials_are_another_group(analyse_text):
    r = analyse_text("Two policemen were wounded, officials said. Two people were killed in the strikes, "
                     "Palestinian hospital officials said.")
    assert r.quotes["speaker"].tolist() == ["officials", "Palestinian hospital officials"]


def test_a_body_below_the_national_level_is_not_the_national_institution(analyse_text):
    text = "U.S. senators met in Washington on the wage plan. {} said on Monday that the plan would cost jobs."
    state = analyse_text(text.format("State lawmakers"))
    national = analyse_text(text.format("Lawmakers"))
    assert _actor(state, "State lawmakers")["institution"] != "U.S. Congress"
    assert _actor(national, "Lawmakers")["institution"] == "U.S. Congress"


@pytest.mark.parametrize("text, agent, principal", [
    ("The Danish Government has cut off contact with the rebels.\n\n"
     "The Government position was spelt out by spokesman Lars Holm.", "Lars Holm", "Danish Government"),
    ("Acme Corporation will close two plants.\n\n"
     "Two plants at Acme Corporation lost money last year, spokeswoman Jo Reyes said.", "Jo Reyes",
     "Acme Corporation"),
])
def test_a_spokesperson_speaks_for_the_organisation_their_sentence_names(analyse_text, text, agent, principal):
    a = analyse_text(text).actors.actors.set_index("name")
    assert a.loc[agent, "speaks_for"] == a.loc[principal, "actor_id"]


def test_a_spokesperson_in_a_sentence_of_two_organisations_speaks_for_neither(analyse_text):
    a = analyse_text("Acme Corporation will close two plants.\n\n"
                     "Spokesman Jo Reyes said Acme and Zenith Industries would talk.").actors.actors.set_index("name")
    assert a.loc["Jo Reyes", "speaks_for"] == ""


def test_a_plural_counted_by_a_number_noun_is_a_group_named_by_its_noun(analyse_text):
    # "Thousands of protesters marched": the count is the subject, the group its "of" phrase
    r = analyse_text("The state has proposed a new mining tax. Thousands of protesters marched against the tax. "
                     "Hundreds of nurses rallied outside parliament.")
    for name, text in (("protesters", "Thousands of protesters"), ("nurses", "Hundreds of nurses")):
        group = _actor(r, name)
        assert group["type"] == "group"
        assert _mentions(r, group["actor_id"]) == [(text, "name")]
