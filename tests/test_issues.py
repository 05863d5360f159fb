"""analysis.issues (with analysis.issue_references, analysis.issue_labels) and analysis.codebook: what is at stake in any story, its owner, its label, and codebooks."""
from __future__ import annotations

from pathlib import Path

import pytest

from analysis.corpus import load_article
from analysis.codebook import CodebookError, apply_codebook, load_codebook
from analysis.pipeline import analyse

#: A story whose issue is owned by the governor and referred to in four ways.
PROPOSAL = (
    "Governor Mark Reed\u2019s proposal would create a new toll on the state\u2019s bridges. "
    "Reed\u2019s plan was unveiled on Monday. "
    "Senator Ann Lee said the plan was a mistake. "
    "The move has angered truck drivers."
)


def _id(result, name):
    a = result.actors.actors
    return a.loc[a["name"] == name, "actor_id"].iloc[0]


def test_the_issue_is_found_with_its_owner_and_later_references(analyse_text):
    r = analyse_text(PROPOSAL)
    issue = r.issue
    assert (issue.kind, issue.owner, issue.owner_id) == ("policy", "Mark Reed", _id(r, "Mark Reed"))
    assert issue.label == "Governor Mark Reed\u2019s proposal: would create a new toll on the state\u2019s bridges"
    refs = [text for _s, _e, text in issue.mentions]
    assert {"Reed\u2019s plan", "the plan", "The move"} <= set(refs)
    for start, end, text in issue.mentions:
        assert r.article.original[start:end] == text


def test_a_ban_someone_called_for_is_theirs_and_says_what_it_bans(analyse_text):
    r = analyse_text("Governor Ana Ruiz has called for a statewide ban on plastic bags. "
                     "Retailers oppose the ban. Environmental groups welcomed the proposal.")
    assert r.issue.owner == "Ana Ruiz"
    assert r.issue.label.startswith("Ruiz\u2019s") and "plastic bags" in r.issue.label


def test_a_bill_known_by_its_name_is_labelled_with_it(analyse_text):
    r = analyse_text("The Senate passed a bill on Tuesday. The bill, known as the Fair Pay Act, would raise the "
                     "minimum wage. The president is expected to veto the measure.")
    assert r.issue.label.startswith("the Fair Pay Act")
    assert "the measure" in [t for _s, _e, t in r.issue.mentions]


def test_partners_who_agree_on_a_plan_own_it_together(analyse_text):
    r = analyse_text("The United States and Russia agreed on a plan to end the fighting. "
                     "\u201cThis is a good day,\u201d said a U.S. official.")
    assert r.issue.owner_id and r.issue.co_owner_ids
    owners = {r.issue.owner, *[r.actors.info[a]["name"] for a in r.issue.co_owner_ids]}
    assert owners == {"United States", "Russia"}
    assert not r.issue.label.startswith("United States\u2019s")  # "the United States’ plan", never "...’s"


def test_a_remark_in_dispute_is_the_issue_when_no_course_of_action_is(analyse_text):
    r = analyse_text("Mayor Joe Park called the judge biased. Park's comments drew criticism from the council. "
                     "\u201cHis comments were wrong,\u201d said council member Lisa Moy. "
                     "Park defended his remarks on Tuesday.")
    assert (r.issue.kind, r.issue.owner) == ("contested", "Joe Park")
    assert "comments" in r.issue.label


def test_no_issue_in_a_story_without_one(analyse_text):
    r = analyse_text("Senator Tom Hill said the weather was mild on Monday.")
    assert r.issue is None and r.issues.issues == ()


@pytest.mark.parametrize("text", [
    "Floodwaters swept through the town on Monday. A huge wall of water destroyed the bridge, "
    "fire chief Tom Hill said. \u201cWe have never seen the river this high,\u201d he said.",
    "Two gunmen opened fire near the Jewish settlement of Beit Lev on Tuesday, the army said. "
    "Settlers said the fence around the settlement had been cut.",
], ids=["a_wall_of_water", "a_settlement_as_a_place"])
def test_a_built_thing_or_a_place_is_no_issue_without_an_owner(analyse_text, text):
    assert analyse_text(text).issue is None


def test_a_course_of_action_no_one_owns_mentioned_once_in_passing_is_no_issue(analyse_text):
    r = analyse_text("Flood waters rose across the valley on Monday. Hundreds of homes were cut off. Rescue crews "
                     "worked through the night. The river peaked at 9 metres, the weather bureau said. Mayor Tom Hill "
                     "said the regulations on building near the river would be reviewed next year. "
                     "\u201cWe will rebuild,\u201d Hill said.")
    assert r.issue is None


#: A flood story that names a councillor's plan once, in passing, in its last sentence.
PASSING = ("Heavy rain fell across the valley on Monday. Hundreds of homes were cut off by the floods. Rescue crews "
           "worked through the night. The river peaked at nine metres on Tuesday. \u201cIt is the worst flood in "
           "decades,\u201d Mayor Tom Hill said. Schools will stay closed until Friday. Councillor Mark Reed's plan for "
           "a new library was also put on show at the town hall.")


def test_an_owned_course_of_action_named_once_in_passing_is_no_issue_when_no_voice_speaks_of_it(analyse_text):
    assert analyse_text(PASSING).issue is None
    r = analyse_text(PASSING + " Hill said a new library was too costly for the town.")
    assert r.issue is not None and r.issue.label == "Councillor Mark Reed's plan for a new library"


def test_asking_someone_to_act_is_a_call_the_asker_owns(analyse_text):
    r = analyse_text("President Ana Ruiz has asked the country's banks to stay open on Monday. "
                     "Bankers said the request was fair.")
    assert r.issue.owner == "Ana Ruiz"
    assert r.issue.label == "Ruiz\u2019s call for the country's banks to stay open on Monday"


def test_the_one_urged_in_a_passive_does_not_own_the_call(analyse_text):
    r = analyse_text("Police chief Tom Hill was urged to resign on Monday by Mayor Ann Lee. Hill said he would stay.")
    assert r.issue is None or r.issue.owner != "Tom Hill"


def test_an_infinitive_put_after_the_verb_of_proposing_says_what_the_issue_does(analyse_text):
    r = analyse_text("A bill was introduced in the Senate on Monday to ban plastic bags. Retailers oppose the bill.")
    assert r.issue.label == "the bill: ban plastic bags"
    r = analyse_text("The plan was abandoned last year to save money. Senator Ann Lee said the plan was a mistake.")
    assert r.issue.label == "the plan"   # the purpose of abandoning it, not what the plan does


def test_military_operations_someone_owns_are_a_deployment(analyse_text):
    r = analyse_text("Prime Minister Ann Lee said Israel might step up its military operations in the West Bank. "
                     "Palestinian officials condemned the operations.")
    assert r.issue.label == "Israel\u2019s military operations"
    assert analyse_text("Rescue crews ended their search on Monday. The rescue operation lasted three days.").issue is None


def test_an_act_named_with_its_infinitive_in_the_first_sentence_is_at_stake_without_an_owner(analyse_text):
    r = analyse_text("Warplanes struck the capital on Monday after the government dropped a bombshell with a decision "
                     "to cut ties with the rebel leader. Opposition leader Tom Hill said the decision was a mistake.")
    assert r.issue.label == "the decision to cut ties with the rebel leader"
    r = analyse_text("Warplanes struck the capital on Monday. Later in the week, a decision to cut ties with the rebel "
                     "leader was reported. Opposition leader Tom Hill said the decision was a mistake.")
    assert r.issue is None   # later in the story the same words still need an owner


def test_an_owned_wall_is_still_the_issue(analyse_text):
    r = analyse_text("Governor Ann Lee plans to build a wall along the river. \u201cThe wall will stop the floods,\u201d "
                     "Lee said. Farmers oppose the wall.")
    assert r.issue is not None and r.issue.owner == "Ann Lee" and "build a wall" in r.issue.label


def test_a_clause_on_the_subject_does_not_own_the_act(analyse_text):
    # "involved in planning attacks on France": France is the target named inside the clause, not the planner
    r = analyse_text("A suspect allegedly involved in planning terrorist attacks on France has been detained and "
                     "charged with waging war against Spain. Police say he had sent emails to friends.")
    assert all(i.owner != "France" for i in r.issues.issues)


def test_the_verb_of_the_issue_noun_names_the_issue():
    from analysis.issue_labels import act_forms
    forms = act_forms(("merger", "withdrawal", "deployment", "closure"))
    assert {"merging", "withdraw", "deployed", "closing"} <= set(forms)
    assert "suspense" not in act_forms(("suspension",))  # "-ion" leaves the stem: no other word made


def test_a_voice_that_names_the_act_by_its_verb_speaks_about_the_issue(analyse_text):
    r = analyse_text("The Liberal Party has proposed a merger with the National Party. Party president Ann Lee "
                     "said the merger would make the parties stronger. National Party director Tom Hill said "
                     "merging the two parties was not necessary.")
    hill = [c.claim_id for c in r.claims.itertuples() if "merging" in c.text]
    assert hill and any(i == r.issue.issue_id for i, _how in r.issues.about.get(hill[0], ()))


def test_a_headline_names_the_main_issue_over_a_more_frequent_one(analyse_text):
    r = analyse_text(
        "New border tax bill lacks support.\n\n"
        "Senator Ann Lee introduced a bill on Monday. Last year's trade deal still divides the Senate. "
        "The deal was signed in March. Critics of the deal say it cost jobs. The deal is unpopular.")
    assert r.issue.noun == "bill"
    assert len(r.issues.issues) >= 2 and r.issues.issues[1].noun == "deal"


def test_claims_about_the_issue_are_linked_to_it(analyse_text):
    r = analyse_text(PROPOSAL)
    about = r.issues.claims_about(r.issue.issue_id)
    lee = r.claims[r.claims["speaker_id"] == _id(r, "Ann Lee")]["claim_id"].tolist()
    assert lee and all(c in about for c in lee)


# --------------------------------------------------------------------------- codebooks

def _codebook(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "story.codebook.yml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text,problem", [
    ("issue:\n  label: toll\nthemes: [x]\n", "unknown codebook keys: themes"),
    ("issue: [label: toll\n", "cannot read codebook"),
    ("- just\n- a list\n", "a codebook must be a mapping"),
    ("issue:\n  colour: red\n", "takes label, owner, description and terms"),
    ("concepts:\n  split: [K01]\n", "'concepts' takes rename and merge"),
], ids=["unknown-key", "bad-yaml", "not-a-mapping", "bad-issue-key", "bad-concepts-key"])
def test_a_bad_codebook_is_refused_naming_the_file(tmp_path, text, problem):
    path = _codebook(tmp_path, text)
    with pytest.raises(CodebookError) as info:
        load_codebook(path)
    assert str(info.value).startswith(f"{path}: ")
    assert problem in str(info.value)


def test_a_codebook_pins_label_and_owner(tmp_path, analyse_text):
    r = analyse_text(PROPOSAL)
    book = load_codebook(_codebook(tmp_path, "issue:\n  label: the bridge toll\n  owner: Ann Lee\n"))
    pinned = apply_codebook(r.issues, book, r.article, r.actors, r.claims, r.doc).main
    assert (pinned.label, pinned.owner, pinned.owner_id) == ("the bridge toll", "Ann Lee", _id(r, "Ann Lee"))
    assert pinned.source == "codebook"
    assert any("owner: Mark Reed" in c for c in pinned.changes)
    assert pinned.mentions == r.issue.mentions  # the references stay as detected


def test_the_older_policy_key_of_a_codebook_still_works(tmp_path):
    book = load_codebook(_codebook(tmp_path, "policy:\n  label: the bridge toll\n"))
    assert book["policy"] == {"label": "the bridge toll"}


def test_a_codebook_owner_who_is_not_an_actor_leaves_the_owner_and_says_so(tmp_path, analyse_text):
    r = analyse_text(PROPOSAL)
    book = load_codebook(_codebook(tmp_path, "issue:\n  owner: Nobody Known\n"))
    pinned = apply_codebook(r.issues, book, r.article, r.actors, r.claims, r.doc).main
    assert pinned.owner == "Mark Reed"
    assert any("not an actor" in c for c in pinned.changes)


def test_a_codebook_next_to_the_article_is_used_by_the_pipeline(tmp_path, nlp):
    article = tmp_path / "story.txt"
    article.write_text(PROPOSAL, encoding="utf-8")
    _codebook(tmp_path, "issue:\n  label: the bridge toll\n  terms: [new toll]\n")
    r = analyse(load_article(article), nlp)
    assert (r.issue.label, r.issue.source) == ("the bridge toll", "codebook")
    assert r.issues.detected[0].label.startswith("Governor Mark Reed\u2019s proposal")
    assert "new toll" in [t for _s, _e, t in r.issue.mentions]


def test_key_words_of_a_label_keep_their_first_and_last_letters():
    from analysis.issue_labels import keywords_of

    words = keywords_of("the Security Council\u2019s sanctions on Sweden\u2019s ships", None)
    assert {"security", "council", "sanctions", "sweden", "ships"} <= set(words)


def test_the_proposer_after_a_two_place_dateline_owns_the_plan(analyse_text):
    r = analyse_text("OSLO, Norway/LONDON (Reuters) - Prime Minister Erna Dahl plans to sell 40 state ferries "
                     "to private firms, officials said on Monday.\nUnions oppose the sale.")
    assert r.issue is not None and r.issue.owner == "Erna Dahl"


def test_a_clause_in_apposition_is_not_the_name_of_a_plan(analyse_text):
    r = analyse_text("Governor Mark Reed\u2019s plan to close the state prison drew fire on Monday. "
                     "Lawmakers rejected the plan, a modest boost for Reed since 2014 when Ann Lee joined 40 other "
                     "senators to reject his request to close the prison.\nReed defended the plan.")
    assert "boost" not in r.issue.label and "Reed" in r.issue.label


def test_those_a_proposer_acts_with_share_the_plan(analyse_text):
    r = analyse_text("Governor Ana Ruiz announced the deal with the Teachers Union on Monday. "
                     "Under the agreement, salaries would rise by 4 percent.\nSome parents oppose the deal.")
    names = {r.actors.info[c]["name"] for c in r.issue.co_owner_ids}
    assert r.issue.owner == "Ana Ruiz" and "Teachers Union" in names


def test_what_a_relative_clause_of_an_issue_acts_on_is_not_a_reference_to_it(analyse_text):
    r = analyse_text("WASHINGTON (Reuters) - The prisoner deal between Norway and Sweden drew criticism on Monday.\n"
                     "The deal accompanied a landmark agreement that curbs Senator Ann Lee's drilling program in "
                     "exchange for tax relief.\nCritics said the deal was rushed.\n")
    assert "program" not in r.issue.label
    assert not any("program" in text for _s, _e, text in r.issue.mentions)


def test_an_unnamed_owner_is_named_as_the_text_describes_it(analyse_text):
    r = analyse_text("WASHINGTON (Reuters) - The chief U.S. negotiator met reporters on Monday. His effort to cut "
                     "tariffs on steel drew criticism from steel makers.\nThe effort was praised by farmers.\n")
    assert "unnamed" not in r.issue.label and r.issue.label.startswith("the chief U.S. negotiator")


def test_a_course_of_action_vowed_in_the_lead_outweighs_a_program_named_twice_later(analyse_text):
    text = ("Refugees settle in a small town.\n\n"
            "The families arrived in the town last month. "
            "Governor Ann Lee has vowed to block new refugees from coming to the state. "
            "Residents gathered at the library. They talked for hours. Children played outside. "
            "Mary Poole\u2019s language program helps the families. The program was full.\n")
    r = analyse_text(text)
    assert r.issue is not None and r.issue.owner == "Ann Lee"


def test_a_planned_course_of_action_is_labelled_up_to_its_first_coordinated_verb(analyse_text):
    r = analyse_text("Governor Ann Lee plans to cut bus fares for students and to say she supports the unions. "
                     "Senator Bob Hart said the plan was wrong.")
    assert r.issue is not None
    assert r.issue.label.endswith("to cut bus fares for students")


@pytest.mark.parametrize("description,expected", [
    ("would create a new toll", True), ("to close the prison", True), ("of the night in dark", False),
    ("for the first time", False),
])
def test_only_a_description_saying_what_the_issue_does_follows_the_colon(description, expected):
    from analysis.issue_labels import verbal
    assert verbal(description) is expected


def test_a_plan_to_do_something_is_labelled_with_what_it_would_do(analyse_text):
    # "plan to raise ...": the verb of the complement, after its "to", is the description, not a clause inside it
    r = analyse_text("Oregon may lift its minimum wage.\n\n"
                     "Oregon\u2019s plan to raise its minimum wage to $15 an hour by 2024 would be the highest in "
                     "the nation. Governor Ann Lee announced the deal with union leaders on Monday.\n")
    assert "minimum wage to $15" in r.issue.label


def test_a_relative_clause_on_what_may_become_of_a_bill_is_no_description(analyse_text):
    r = analyse_text("Senator Jim Cole introduced a bill that would impose new tariffs on steel. "
                     "Cole\u2019s bill, which could not win enough votes, was debated on Monday.\n")
    assert "tariffs on steel" in r.issue.label
    r = analyse_text("Senator Jim Cole introduced a bill that could not win enough votes in the Senate. "
                     "Cole\u2019s bill was debated on Monday.\n")
    assert "votes" not in r.issue.label


def test_a_named_bill_is_labelled_with_what_it_would_do_without_the_relative_pronoun(analyse_text):
    r = analyse_text("Senator Jim Cole introduced a bill, known as the Fair Roads Act, that would raise the fuel tax. "
                     "Cole\u2019s bill was debated on Monday.\n")
    assert r.issue.label.startswith("the Fair Roads Act")
    assert r.issue.label.endswith(": would raise the fuel tax")


def test_a_call_on_someone_to_act_is_labelled_as_a_call_naming_whom_it_asks(analyse_text):
    r = analyse_text("Senator Ann Lee urged the city council to close the old coal plant. "
                     "The mayor said the plan would cost jobs.")
    assert r.issue is not None and r.issue.owner == "Ann Lee"
    assert r.issue.label == "Lee\u2019s call for the city council to close the old coal plant"


def test_a_vowed_course_of_action_is_labelled_with_the_noun_of_the_verb(analyse_text):
    r = analyse_text("Governor Ann Lee vowed to block new refugees from coming to the state. "
                     "Senator Bob Hart said the plan was wrong.")
    assert r.issue.label.startswith("Lee\u2019s vow to block new refugees")


def test_a_demand_for_a_thing_reads_as_a_demand_for_it(analyse_text):
    r = analyse_text("Union leader Tom Reyes demanded the resignation of the transport minister. "
                     "The minister said he would stay.")
    assert r.issue is not None and r.issue.label.startswith("Reyes\u2019 demand for the resignation of")
    assert " of the resignation" not in r.issue.label and " to the resignation" not in r.issue.label


def test_a_name_the_parser_takes_for_a_modal_still_owns_the_call(analyse_text):
    # "Will" as a surname is parsed as the modal of "urged"; the actor table still knows the name
    r = analyse_text("Columnist George Will wrote a column on Monday. Will urged the party to drop its two "
                     "leading candidates. The party chairman said the column was unfair.")
    assert r.issue is not None and r.issue.owner == "George Will"
    assert r.issue.label.startswith("Will\u2019s call for the party to drop")


def test_in_order_to_is_no_order(analyse_text):
    r = analyse_text("Mayor Joe Park unveiled a budget plan on Monday. He met the council in order to show "
                     "that the city was united. Park later said the plan was sound.")
    assert r.issue is not None
    assert all("order" not in text for i in r.issues.issues for _s, _e, text in i.mentions)


def test_a_banknote_is_no_bill(analyse_text):
    r = analyse_text("Senator Ann Lee waved a $100 bill at the crowd on Monday. "
                     "The crowd cheered her speech.")
    assert all(i.noun != "bill" for i in r.issues.issues)


def test_the_possessor_of_a_possessor_does_not_own_the_issue(analyse_text):
    # "her state's gun laws" are the state's, not hers
    r = analyse_text("Martha Allen, a delegate from Vermont, criticized her state's lax gun laws on Monday.")
    assert all(i.owner != "Martha Allen" for i in r.issues.issues)


def test_the_deal_after_a_truce_is_the_same_issue(analyse_text):
    r = analyse_text("Foreign ministers agreed on Friday to a limited cessation of hostilities in the region. "
                     "The deal does not take effect until next week. "
                     "\u201cThe deal is a good start,\u201d said Mayor Tom Hale.")
    refs = [text for _s, _e, text in r.issue.mentions]
    assert "a limited cessation" in refs and "The deal" in refs
    assert len(r.issues.issues) == 1


def test_an_incident_others_condemn_is_the_issue_when_no_course_of_action_is(analyse_text):
    r = analyse_text("Two warplanes flew close to a navy ship on Tuesday. "
                     "The navy released photos of the incident on Wednesday. "
                     "\u201cThe incident was dangerous and reckless,\u201d said Admiral Tom Hale. "
                     "The incident came as the alliance plans new exercises.")
    assert r.issue is not None and r.issue.noun in ("incident", "incidents")
    s = r.main_stances
    assert s.loc[s["actor"] == "Tom Hale", "score"].iloc[0] < 0


def test_the_bare_apostrophe_of_a_plural_genitive_names_the_owner(analyse_text):
    r = analyse_text("WASHINGTON (Reuters) - Governor Ana Ruiz on Monday dismissed Republican lawmakers\u2019 "
                     "charges that her office was biased. Ruiz said the charges were false.")
    assert r.issue.kind == "contested"
    assert "lawmakers" in r.issue.owner.lower() and r.issue.owner_id != _id(r, "Ana Ruiz")


def test_what_the_first_sentence_rejects_outweighs_an_investigation_named_later(analyse_text):
    r = analyse_text("WASHINGTON (Reuters) - Governor Ana Ruiz on Monday rejected Senator Tom Hill\u2019s "
                     "accusation that her office was biased. The state police opened an investigation in May. "
                     "Senator Hill\u2019s investigation of the office continues. The investigation is costly.")
    assert (r.issue.kind, r.issue.owner) == ("contested", "Tom Hill")


def test_who_in_a_relative_clause_stands_for_the_proposer_it_follows(analyse_text):
    r = analyse_text("Mayor Lisa Moy is not giving in to developer Tom Hill, who has threatened to close "
                     "the factory unless the city pays him. \u201cWe do not pay,\u201d Moy said.")
    assert (r.issue.owner, r.issue.kind) == ("Tom Hill", "policy")
    assert "close the factory" in r.issue.label


def test_a_threat_not_to_act_reads_as_one(analyse_text):
    r = analyse_text("Developer Tom Hill threatened not to open the factory. \u201cHe means it,\u201d a "
                     "spokesman said.")
    assert r.issue.label.startswith("Hill\u2019s threat not to open")


def test_no_plans_are_no_plan(analyse_text):
    r = analyse_text("Developer Tom Hill vowed to close the factory. Senator Ann Lee said she has no plans to "
                     "leave. Ann Lee has no plans to retire. Lee has no plans to run.")
    assert "close the factory" in r.issue.label
    assert not any("leave" in i.label or "retire" in i.label for i in r.issues.issues)


def test_not_being_ready_to_act_is_no_offer(analyse_text):
    r = analyse_text("Opposition leader Tom Hale says he is not ready to back the budget. \u201cIt cuts too deep,\u201d "
                     "he said.")
    assert not any("back the budget" in i.label for i in r.issues.issues)


def test_deciding_whether_to_act_is_no_decision(analyse_text):
    r = analyse_text("Acme Corp workers will decide on Friday whether to strike, union leader Tom Hale said. Acme "
                     "chief executive Ann Lee said a strike would hurt everyone.")
    assert not any("decision" in i.label for i in r.issues.issues)


def test_an_act_with_a_noun_of_its_own_leaves_the_issue_to_that_noun(analyse_text):
    r = analyse_text("Governor Ana Ruiz signed the Clean Water Act on Monday. "
                     "Farmers oppose the law, Senator Bo Lin said.")
    assert "decision" not in r.issue.label


def test_a_plan_is_labelled_with_its_first_course_of_action_only(analyse_text):
    r = analyse_text("Rex Dahl, the transport minister, defended plans to close rural stations and to carry out "
                     "the Treasury\u2019s proposed cuts. Unions oppose the plans, their leader said.")
    assert "carry out" not in r.issue.label


def test_a_claim_the_lead_reports_with_a_verb_is_the_remark_at_stake(analyse_text):
    r = analyse_text("A spokesman for the Interior Ministry, Tom Hill, claims the rebel leader has fled abroad. "
                     "\u201cHe is gone,\u201d Mr Hill said. Opposition leader Ann Lee said the claim was false.")
    assert r.issue.kind == "contested"
    assert r.issue.label.endswith("claim that the rebel leader has fled abroad")


def test_a_claim_later_in_the_story_is_not_the_issue(analyse_text):
    r = analyse_text("Senator Ann Lee said the weather was mild on Monday. It rained on Tuesday. "
                     "Farmer Tom Hill claims the drought has ended.")
    assert r.issue is None


def test_an_unowned_decision_someone_defends_is_theirs(analyse_text):
    r = analyse_text("Coach Tom Hill has defended the decision to rest his captain for the final. "
                     "\u201cHe was not fit,\u201d Hill said. Fans were angry.")
    assert (r.issue.owner, r.issue.label) == ("Tom Hill", "Hill\u2019s decision to rest his captain for the final")


LABEL_CASES = [
    pytest.param(
        "Mayor Joe Park has defended his statement criticising the police chief. "
        "\u201cThe statement was wrong,\u201d council member Lisa Moy said.",
        "statement criticising the police chief",
        id="a_participle_after_the_noun_says_what_the_issue_does"),
    pytest.param(
        "The Nigerian military has launched attacks on the rebel stronghold. The strikes were condemned "
        "by villagers, who appealed for international intervention. \u201cThe strikes must stop,\u201d "
        "village elder Tom Hill said.",
        "Nigerian military\u2019s decision to launch attacks on the rebel stronghold",
        id="an_owned_act_labels_an_issue_its_nouns_do_not_own"),
    pytest.param(
        "Treasurer Tom Hill has urged the Senate not to delay the vote on pensions. "
        "\u201cIt would hurt retirees,\u201d Senator Ann Lee said.",
        "Hill\u2019s call for the Senate not to delay the vote on pensions",
        id="a_call_not_to_act_reads_as_one"),
    pytest.param(
        "Unions are fighting a proposed wage freeze for nurses. \u201cWe will not accept it,\u201d union "
        "leader Tom Hill said. The Health Minister, Ann Lee, says the state has spent $2 billion on "
        "new hospitals.",
        "the proposed wage freeze for nurses",
        id="a_freeze_is_a_course_of_action"),
    pytest.param(
        "Mayor Tom Hill says the council's plan is to close the old bridge to trucks. "
        "\u201cIt is a mistake,\u201d shop owner Ann Lee said of the plan.",
        "plan: close the old bridge to trucks",
        id="a_plan_that_is_to_act_is_described_by_the_act"),
    pytest.param(
        "The state government has suspended the licences of three coal mines. "
        "Mayor Tom Hale says the decision will cost hundreds of jobs. "
        "\u201cIt is the right call,\u201d Environment Minister Ruth Kemp said.",
        "decision to suspend the licences of three coal mines",
        id="an_act_of_governing_in_the_lead_is_the_issue_when_no_noun_names_it"),
]


#: Labels checked by how they begin: (story, start of the label, what the case shows).
LABEL_STARTS = [
    pytest.param(
        "OSLO (Reuters) - Prime Minister Erna Dahl plans to sell 40 state ferries to private firms, officials "
        "said on Monday.\nThe decision, first reported by a local newspaper, marks a significant increase in "
        "privatisation.\nUnions oppose the sale.\n",
        "Dahl\u2019s plan to sell 40 state ferries",
        id="a_label_names_the_owner_of_a_planned_course_of_action"),
    pytest.param(
        "Two Chinese fighter jets flew within 50 feet of a U.S. Navy patrol plane over the South China Sea on "
        "Friday, the Pentagon said. \u201cThis incident was unsafe,\u201d a U.S. defense official said. Senator "
        "Ann Lee called the incident reckless.",
        "the incident: Two Chinese fighter jets flew within 50 feet",
        id="an_incident_is_labelled_with_what_the_lead_reports_happened"),
    pytest.param(
        "CANBERRA - Prime Minister Anna Berg marked her first day in office by calling on the states to close "
        "their border checkpoints. The states' spending program for new schools has run over budget, officials "
        "said. The program was cut last year, the treasurer said. Opposition leader Tom Hale said the call came "
        "too late.",
        "Berg\u2019s call for the states to close their border checkpoints",
        id="a_gerund_after_a_preposition_proposes_for_the_subject_of_its_clause"),
    pytest.param(
        "LONDON - Health minister Ruth Kane plans to close three rural hospitals, her office said on Monday. Union "
        "leader Dan Price said the union's pay deal with the board would run until May. Nurses will meet on "
        "Friday, Price said. He said the deal was fair.",
        "Kane\u2019s plan to close three rural hospitals",
        id="an_act_proposed_in_the_first_sentence_is_the_news_peg"),
    pytest.param(
        "Mayor Joe Park vowed never to close the city library. \u201cThe vow is empty,\u201d council member Lisa "
        "Moy said. Others backed the vow.",
        "Park\u2019s vow never to close the city library",
        id="a_vow_never_to_act_is_not_a_vow_to_never_to_act"),
    pytest.param(
        "The Prime Minister, Anna Berg, says she is ready to meet the union leaders next week. \u201cWe cannot "
        "solve this alone,\u201d Ms Berg said. Union leader Tom Hale said the offer came too late.",
        "Berg\u2019s offer to meet the union leaders",
        id="readiness_to_act_is_an_offer"),
    pytest.param(
        "The Riverton Council has decided to close the public pool. \u201cIt is a disgrace,\u201d local resident "
        "Ann Lee said.",
        "Riverton Council\u2019s decision to close the public pool",
        id="a_decision_to_act_is_labelled_as_one"),
    pytest.param(
        "The Norwegian army has started to withdraw troops from the northern border. \u201cIt is too early,\u201d "
        "opposition leader Ann Lee said.",
        "Norwegian army\u2019s move to withdraw troops from the northern border",
        id="an_act_begun_in_the_opening_is_at_stake"),
    pytest.param(
        "The Riverton Council is continuing to demolish houses in the old quarter. \u201cIt must stop,\u201d local "
        "resident Tom Hale said.",
        "Riverton Council\u2019s effort to demolish houses in the old quarter",
        id="an_act_kept_up_in_the_opening_is_at_stake"),
]


@pytest.mark.parametrize("cut, label", [
    ("Farina\u2019s decision to sign a new contract in \u201cthree or four days", "Farina\u2019s decision to sign a new contract in three or four days"),
    ('the plan to launch a "leisure carrier', "the plan to launch a leisure carrier"),
    ("the \u201cPacific Solution\u201d program", "the \u201cPacific Solution\u201d program"),
])
def test_a_label_cut_inside_a_quotation_drops_the_mark_that_opened_it(cut, label):
    from analysis.issue_labels import clean
    assert clean(cut) == label


@pytest.mark.parametrize("text, start", LABEL_STARTS)
def test_the_issue_label_begins_as_a_reader_would_name_it(analyse_text, text, start):
    assert analyse_text(text).issue.label.startswith(start)


@pytest.mark.parametrize("text, ending", LABEL_CASES)
def test_the_issue_is_labelled_as_a_reader_would_name_it(analyse_text, text, ending):
    r = analyse_text(text)
    assert r.issue is not None and r.issue.label.endswith(ending)


def test_an_unnamed_owner_in_a_label_takes_the_article_unless_a_genitive_determines_it():
    from analysis.issues import _short_name
    assert _short_name({"name": "unnamed spokesman", "type": "anonymous"}) == "the spokesman"
    assert _short_name({"name": "unnamed Greens' national executive", "type": "anonymous"}) == \
        "Greens' national executive"
