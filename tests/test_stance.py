"""analysis.stance: each voice's position on the issue (-2 .. +2), resting on evidence from the text."""
from __future__ import annotations

import pytest

from analysis.stance import label

#: One issue (the governor's toll) and one voice for each kind of evidence a reader would use.
STORY = (
    "Governor Mark Reed\u2019s proposal would create a new toll on the state\u2019s bridges. "
    "Reed\u2019s plan was unveiled on Monday.\n"
    "The Trucking Association offered qualified support for the plan.\n"
    "Senator Ann Lee said she would back the plan if the money went to repairs.\n"
    "Senator Jim Cole voted against the plan.\n"
    "\u201cThe toll will cost thousands of jobs,\u201d said Mayor Tom Hill.\n"
    "Senator Rosa Diaz called on the governor to scrap the plan.\n"
    "Supporters say the toll will fix the bridges.\n"
    "A spokeswoman for the Transport Department declined to comment on the plan.\n"
)
#: The same story with a voice, far from the issue, who speaks of something else.
ELSEWHERE = STORY + "\n".join([
    "The state fair opened on Saturday.", "Crowds were large.", "Rides ran until midnight.",
    "Food stalls sold out.", "\u201cThe weather was lovely,\u201d said Mayor Sam Ortiz."])


def _stance(result, name):
    s = result.main_stances
    rows = s[s["actor"] == name]
    assert len(rows) == 1, f"no position for {name!r}: {s[['actor', 'score']].to_dict('records')}"
    return rows.iloc[0].to_dict()


def _evidence(result, actor_id):
    e = result.stances.evidence
    return e[e["actor_id"] == actor_id].to_dict("records")


def test_the_owner_of_the_issue_supports_it(analyse_text):
    r = analyse_text(STORY)
    reed = _stance(r, "Mark Reed")
    assert (reed["score"], reed["stance"], reed["confidence"]) == (2, "support", 1.0)
    assert [e["source"] for e in _evidence(r, reed["actor_id"])] == ["owner"]


@pytest.mark.parametrize("name,score,source", [
    ("Trucking Association", 1, "framing"),     # "offered qualified support for the plan"
    ("Ann Lee", 1, "condition"),                # "would back the plan if ..."
    ("Jim Cole", -2, "framing"),                # "voted against the plan"
    ("Tom Hill", -1, "consequence"),            # "will cost thousands of jobs"
    ("Rosa Diaz", -2, "stance"),                # "called on the governor to scrap the plan"
    ("Supporters", 2, "side"),                  # a group named by its side
    ("unnamed spokeswoman", 0, "neutral"),      # "declined to comment"
], ids=["qualified-support", "condition", "voted-against", "consequence", "demand-to-scrap", "side-noun",
        "declined"])
def test_each_kind_of_evidence_places_its_voice(analyse_text, name, score, source):
    r = analyse_text(STORY)
    row = _stance(r, name)
    assert (row["score"], row["stance"]) == (score, label(score))
    assert source in [e["source"] for e in _evidence(r, row["actor_id"])]


def test_a_voice_that_says_nothing_about_the_issue_gets_no_position(analyse_text):
    r = analyse_text(ELSEWHERE)
    ortiz = r.actors.actors.loc[r.actors.actors["name"] == "Sam Ortiz", "actor_id"].iloc[0]
    assert ortiz in r.stances.voices                 # a voice of the story ...
    assert ortiz not in set(r.main_stances["actor_id"])  # ... with no position, not a 0


def test_mixed_evidence_gives_a_position_with_low_confidence(analyse_text):
    r = analyse_text(
        "Governor Mark Reed\u2019s proposal would create a new toll on the state\u2019s bridges.\n"
        "Senator Ann Lee praised the plan on Monday but warned that the toll would cost jobs.\n")
    lee = _stance(r, "Ann Lee")
    sources = {(e["source"], e["score"]) for e in _evidence(r, lee["actor_id"])}
    assert any(s > 0 for _src, s in sources) and any(s < 0 for _src, s in sources)
    assert -1 <= lee["score"] <= 1 and lee["confidence"] < 0.5


def test_criticism_drawn_from_a_group_puts_it_against_the_issue(analyse_text):
    r = analyse_text("Governor Mark Reed\u2019s proposal would create a new toll. "
                     "The proposal drew sharp criticism from truck drivers, who called it unfair.")
    assert _stance(r, "truck drivers")["score"] < 0


def test_criticising_an_opponent_of_the_issue_is_support(analyse_text):
    r = analyse_text("Governor Mark Reed\u2019s proposal would create a new toll on the bridges.\n"
                     "Senator Jim Cole voted against the plan.\n"
                     "Mayor Tom Hill criticized Cole on Tuesday.\n")
    assert _stance(r, "Tom Hill")["score"] > 0
    assert "relation" in [e["source"] for e in _evidence(r, _stance(r, "Tom Hill")["actor_id"])]


def test_a_spokesperson_relays_the_owners_line(analyse_text):
    r = analyse_text("Governor Mark Reed\u2019s proposal would create a new toll on the bridges.\n"
                     "Reed\u2019s spokeswoman Lisa Moy said the governor would meet drivers on Friday.\n")
    moy = _stance(r, "Lisa Moy")
    assert moy["score"] > 0
    assert "speaks_for" in [e["source"] for e in _evidence(r, moy["actor_id"])]


def test_every_piece_of_evidence_quotes_the_text_exactly(analyse_text):
    r = analyse_text(STORY)
    ev = r.stances.evidence
    assert len(ev) >= 8
    for e in ev.itertuples(index=False):
        assert STORY[e.start:e.end] == e.text
    for row in r.main_stances.itertuples(index=False):
        assert row.evidence, row


def test_institutions_table_has_the_mean_position_of_their_voices(analyse_text):
    r = analyse_text(STORY)
    inst = r.stances.institutions
    assert set(inst["issue_id"]) <= {i.issue_id for i in r.issues.issues}
    for row in inst.itertuples(index=False):
        assert row.voices >= 1 and -2 <= row.score <= 2


def test_a_story_without_an_issue_has_no_positions(analyse_text):
    r = analyse_text("\u201cThe weather was mild,\u201d Senator Tom Hill said on Monday.")
    assert r.issue is None and r.stances.stances.empty and r.main_stances.empty


def test_labels_of_the_scale():
    assert [label(s) for s in (2, 1, 0, -1, -2)] == [
        "support", "conditional support", "neutral or unclear", "skeptical", "opposed"]


#: A president's plan, defended by his press secretary and his administration; another
#: administration named by another president's name is not his camp.
CAMP_STORY = (
    "WASHINGTON (Reuters) - President Tom Garcia unveiled a plan on Monday to close three coal plants by 2030.\n"
    "White House press secretary Lisa Monk said the plan was the result of long study.\n"
    "The Garcia administration sent the plan to Congress on Tuesday.\n"
    "Former President Ray Hale said the plan would cost thousands of jobs.\n"
    "The Hale administration had kept the plants open.\n"
)


def test_the_owners_spokesman_and_administration_support_his_plan(analyse_text):
    r = analyse_text(CAMP_STORY)
    assert r.issue.owner == "Tom Garcia"
    assert _stance(r, "Lisa Monk")["score"] > 0
    s = r.main_stances
    garcia = s[s["actor"].str.contains("Garcia") & (s["actor_type"] != "person")]
    assert len(garcia) == 1 and garcia["score"].iloc[0] > 0
    assert not (s["actor"].str.contains("Hale administration") & (s["score"] > 0)).any()


def test_a_stance_under_a_modal_of_possibility_is_one_step_weaker(analyse_text):
    r = analyse_text("Governor Mark Reed\u2019s proposal would create a new toll on the state\u2019s bridges.\n"
                     "\u201cI might block the toll,\u201d said Senator Ann Lee.\n"
                     "\u201cI will block the toll,\u201d said Senator Jim Cole.\n")
    assert _stance(r, "Ann Lee")["score"] == -1
    assert _stance(r, "Jim Cole")["score"] == -2


#: A law, a later measure, "the law" again, and a warning about failing to renew "the authority".
WIRETAP = (
    "WASHINGTON (Reuters) - The Justice Department's wiretap law expires on Dec. 31, and lawmakers are split over it.\n"
    "House Republicans unveiled a stopgap funding measure on Wednesday. The law lets agents tap phones without a "
    "warrant.\n"
    "\u201cFailure to renew the authority would make it easier for criminals to plan attacks against our citizens,\u201d "
    "said Senator Jim Cole.\n"
)


def test_the_law_refers_back_to_the_last_law_not_to_a_later_measure(analyse_text):
    r = analyse_text(WIRETAP)
    assert "wiretap law" in r.issue.label
    assert "The law" in [text for _s, _e, text in r.issue.mentions]


def test_warning_against_failing_to_renew_the_authority_is_support_and_our_citizens_is_no_anaphor(analyse_text):
    r = analyse_text(WIRETAP)
    assert _stance(r, "Jim Cole")["score"] > 0


def test_rejecting_what_a_clause_says_about_the_plan_is_not_rejecting_the_plan(analyse_text):
    r = analyse_text("Governor Mark Reed\u2019s plan would create a new toll on the state\u2019s bridges.\n"
                     "Senator Ann Lee rejected the notion that truck drivers could walk away from the plan.\n")
    s = r.main_stances
    assert not ((s["actor"] == "Ann Lee") & (s["score"] < 0)).any()


def test_support_on_a_day_and_a_partial_quote_are_read_from_the_reporters_sentence(analyse_text):
    r = analyse_text("Governor Mark Reed\u2019s plan would create a new toll on the state\u2019s bridges.\n"
                     "Senator Ann Lee weighed in with her support on Tuesday evening, hours after Senator Jim Cole "
                     "said he was \u201cencouraged\u201d by the plan.\n")
    assert _stance(r, "Ann Lee")["score"] > 0
    assert _stance(r, "Jim Cole")["score"] > 0


def test_advocates_of_a_cause_are_not_supporters_of_the_plan(analyse_text):
    r = analyse_text("The State Department\u2019s plan would close 40 resettlement offices.\n"
                     "Advocates said the closure of the offices would hurt families and undermine that goal.\n")
    assert _stance(r, "Advocates")["score"] == -2
    assert "side" not in {e["source"] for e in _evidence(r, _stance(r, "Advocates")["actor_id"])}


def test_what_a_voice_calls_the_plan_is_its_verdict(analyse_text):
    r = analyse_text("Governor Mark Reed\u2019s plan would create a new toll on the state\u2019s bridges.\n"
                     "\u201cWe will not pay a single cent for such a stupid toll,\u201d said Mayor Tom Hill.\n"
                     "\u201cThe toll is the least bad option we have,\u201d said Senator Ann Lee.\n")
    assert _stance(r, "Tom Hill")["score"] == -2
    lee = [e for e in _evidence(r, _stance(r, "Ann Lee")["actor_id"]) if e["source"] == "evaluation"]
    assert all(e["score"] >= 0 for e in lee)


def test_praise_in_a_concessive_clause_or_before_but_is_qualified(analyse_text):
    r = analyse_text("Governor Mark Reed\u2019s plan would create a new toll on the state\u2019s bridges.\n"
                     "While the Trucking Association praised the plan, it said the toll was too high.\n"
                     "The Farm Bureau welcomed the plan but said it came too late.\n"
                     "The Builders Guild welcomed the plan.\n")
    assert _stance(r, "Trucking Association")["score"] == 1
    assert _stance(r, "Farm Bureau")["score"] == 1
    assert _stance(r, "Builders Guild")["score"] == 2


def test_a_count_of_a_group_does_not_speak_for_the_group(analyse_text):
    r = analyse_text("Senator Bob Crane\u2019s bill would raise the tax on diesel.\n"
                     "Only two Democrats back the bill.\n"
                     "Most Democrats have not signed on to the bill.\n")
    assert _stance(r, "Democrats")["score"] < 0


def test_support_a_plan_did_not_win_or_is_unlikely_to_win_is_no_support(analyse_text):
    r = analyse_text("Governor Mark Reed\u2019s plan would create a new toll on the state\u2019s bridges.\n"
                     "Senator Ann Lee toured the bridges on Monday, and the plan is unlikely to win her support.\n"
                     "Senator Jim Cole toured the bridges on Tuesday, but the plan did not win his support.\n")
    assert _stance(r, "Ann Lee")["score"] < 0
    assert _stance(r, "Jim Cole")["score"] < 0


def test_tone_words_inside_names_are_no_evaluation(analyse_text):
    # "Supreme" and "Justice" are VADER-positive words, but here they only name institutions
    r = analyse_text(
        "Governor Mark Reed\u2019s plan would close the state prison. Reed unveiled the plan on Monday.\n"
        "\u201cThe plan will go to the Supreme Court and the Justice Department next week,\u201d "
        "said Senator Ann Lee.\n")
    lee = _stance(r, "Ann Lee")
    assert lee["score"] == 0
    assert not [e for e in _evidence(r, lee["actor_id"]) if e["score"]]


def test_tone_alone_is_a_lean_not_a_clear_side(analyse_text):
    # the mayor says nothing explicit about the plan: the warm tone of her words near it is +1, not +2
    r = analyse_text(
        "Governor Mark Reed\u2019s plan would close the state prison. Reed unveiled the plan on Monday.\n"
        "\u201cOur town is wonderful, our people are kind and generous and we love our parks,\u201d "
        "said Mayor Sue Park.\n")
    park = _stance(r, "Sue Park")
    assert park["score"] == 1
    assert [e["source"] for e in _evidence(r, park["actor_id"])] == ["context"]


def test_a_voice_who_only_speaks_of_the_issue_leans_by_the_tone_of_its_words(analyse_text):
    # the mayor names the plan in plain words and says warm things next to it: a lean (+1), not neutral
    r = analyse_text(
        "Governor Mark Reed\u2019s plan would close the state prison. Reed unveiled the plan on Monday.\n"
        "\u201cThe plan will be debated in March,\u201d said Mayor Sue Park. \u201cOur town is wonderful and our "
        "people are kind and generous,\u201d she added.\n")
    park = _stance(r, "Sue Park")
    assert park["score"] == 1
    assert {e["source"] for e in _evidence(r, park["actor_id"])} == {"mention", "context"}


def test_a_voice_who_only_speaks_of_the_issue_in_plain_words_is_neutral(analyse_text):
    r = analyse_text(
        "Governor Mark Reed\u2019s plan would close the state prison. Reed unveiled the plan on Monday.\n"
        "\u201cThe plan will be debated in March,\u201d said Mayor Sue Park.\n")
    assert _stance(r, "Sue Park")["score"] == 0


@pytest.mark.parametrize("plan,sign", [("block", -1), ("admit", 1)])
def test_welcoming_those_a_plan_would_keep_out_opposes_it(analyse_text, plan, sign):
    # the side taken on what the issue acts on counts against a plan that stops it, for one that gives it
    r = analyse_text(
        f"Governor Mark Reed vowed on Monday to {plan} farm migrants in the state.\n"
        "Reed spoke at the capitol.\n"
        "\u201cWe welcome these migrants to our town,\u201d said Mayor Sue Park.\n")
    assert r.issue.label.startswith("Reed\u2019s vow")  # the noun of "vowed"
    assert _stance(r, "Sue Park")["score"] * sign > 0


def test_opponents_of_what_a_plan_would_stop_support_the_plan(analyse_text):
    r = analyse_text(
        "Governor Mark Reed vowed on Monday to block farm migrants in the state.\n"
        "Opponents of admitting migrants say the state cannot afford them.\n")
    assert _stance(r, "Opponents")["score"] > 0


#: An issue that is an act ("a plan to close the prison"), and voices who say whether it should happen.
ACT_STORY = (
    "Governor Mark Reed unveiled a plan to close the state prison on Monday.\n"
    "\u201cLawmakers must close the prison this year,\u201d said Senator Ann Lee.\n"
    "Senator Jim Cole said governors do not have the power to close the prison.\n"
    "Senator Rosa Diaz said the state should not close the prison until the inmates have a new home.\n"
)


def test_a_voice_who_says_the_issues_act_must_happen_supports_it(analyse_text):
    r = analyse_text(ACT_STORY)
    assert _stance(r, "Ann Lee")["score"] > 0


def test_a_voice_who_says_the_issues_act_cannot_happen_opposes_it(analyse_text):
    r = analyse_text(ACT_STORY)
    cole = _stance(r, "Jim Cole")
    assert cole["score"] < 0
    assert any("the issue's act" in e["cue"] for e in _evidence(r, cole["actor_id"]))


def test_an_act_refused_only_until_a_condition_is_met_is_no_opposition(analyse_text):
    r = analyse_text(ACT_STORY)
    s = r.main_stances
    diaz = s[s["actor"] == "Rosa Diaz"]
    assert diaz.empty or int(diaz.iloc[0]["score"]) >= 0


def test_a_relative_clause_that_describes_a_group_gives_it_no_side_on_the_act(analyse_text):
    r = analyse_text(ACT_STORY + "Republicans who say the prison should close gathered in the capital.\n")
    s = r.main_stances
    assert not any("the issue's act" in e["cue"] for aid in s[s["actor"] == "Republicans"]["actor_id"]
                   for e in _evidence(r, aid))


def test_a_complaint_about_the_issue_is_skepticism(analyse_text):
    r = analyse_text("Governor Mark Reed unveiled a plan to close the state prison on Monday.\n"
                     "Senator Jim Cole complained that the plan would cost the state millions.\n")
    assert _stance(r, "Jim Cole")["score"] < 0


# --------------------------------------------------------------------------- the reporter's formulas of reaction

def test_a_group_that_took_a_similar_stance_shares_the_side_of_the_one_before(analyse_text):
    r = analyse_text("Governor Tom Reed has vowed to block the refugee plan. "
                     "More than a dozen other governors have taken a similar stance.")
    s = r.main_stances
    governors = s[s["actor"].str.contains("governors")]
    assert len(governors) == 1 and governors["score"].iloc[0] > 0


def test_a_crowd_that_cheers_a_speaker_takes_the_speaker_s_side(analyse_text):
    r = analyse_text("Governor Tom Reed unveiled a plan to build a new toll bridge on Monday. "
                     "\u201cWe will build it,\u201d Reed told the audience, to cheers from the crowd.")
    assert _stance(r, "unnamed crowd")["score"] > 0


def test_a_crowd_that_applauds_after_a_speaker_takes_the_speaker_s_side(analyse_text):
    r = analyse_text("Governor Tom Reed unveiled a plan to build a new toll bridge on Monday. "
                     "\u201cWe will build it,\u201d Reed said. The crowd applauded.")
    assert _stance(r, "unnamed crowd")["score"] > 0


def test_a_cheering_crowd_a_speaker_addresses_takes_the_speaker_s_side(analyse_text):
    r = analyse_text("Governor Tom Reed unveiled a plan to build a new toll bridge on Monday. "
                     "\u201cWe will build it,\u201d Reed said to a cheering crowd.")
    assert _stance(r, "unnamed cheering crowd")["score"] > 0


def test_to_the_dismay_of_a_group_sets_it_against_what_the_owner_did(analyse_text):
    r = analyse_text("Governor Tom Reed signed the toll bill on Monday, to the dismay of trucking groups.")
    assert _stance(r, "trucking groups")["score"] < 0


def test_one_who_teamed_up_with_the_owner_shares_the_owner_s_side(analyse_text):
    r = analyse_text("Senator Ann Cole unveiled a bill to cut the gas tax on Monday. "
                     "Cole teamed up with Senator Bob Hill to write the bill.")
    assert _stance(r, "Bob Hill")["score"] > 0


def test_a_group_representing_plaintiffs_in_lawsuits_against_the_issue_opposes_it(analyse_text):
    # the holder of a side noun after "in" is the subject of the verb whose object it qualifies,
    # and the target of "lawsuits filed against X" is X
    r = analyse_text("Governor Tom Reed signed a ban on new toll roads on Monday. "
                     "The Road Builders Union represents plaintiffs in the lawsuits filed against the ban.")
    assert _stance(r, "Road Builders Union")["score"] < 0


def test_an_issue_against_a_group_stops_that_group():
    from analysis.issues import Issue
    from analysis.reactions import stopped_by
    from analysis.reading import lexicon

    issue = Issue("I1", "policy", "the campaign against the militia", "campaign", "", "", "against the militia", ())
    assert stopped_by(issue, lexicon()) == frozenset({"militia"})


#: A voice who says the issue must go on, and a side the speaker reports of others it prompted.
GOING_ON = (
    "Governor Mark Reed\u2019s proposal would create a new toll on the state\u2019s bridges.\n"
    "Senator Ann Lee said the toll plan must continue.\n"
    "Mayor Tom Hill said a new audit prompted the Trucking Association to question Reed\u2019s proposal.\n"
)


def test_saying_the_issue_must_go_on_is_support(analyse_text):
    assert _stance(analyse_text(GOING_ON), "Ann Lee")["score"] > 0


def test_a_side_the_speaker_says_others_were_prompted_to_take_is_theirs(analyse_text):
    r = analyse_text(GOING_ON)
    assert _stance(r, "Trucking Association")["score"] < 0
    hill = r.actors.actors.set_index("name").loc["Tom Hill", "actor_id"]
    assert not any(e["score"] < 0 for e in _evidence(r, hill))


def test_voices_joined_as_one_subject_share_the_side_reported(analyse_text):
    r = analyse_text(
        "Governor Mark Reed\u2019s proposal would create a new toll on the state\u2019s bridges.\n"
        "The Transport Department said Senator Ann Lee and Mayor Tom Hill had agreed to implement the toll plan.\n")
    assert _stance(r, "Ann Lee")["score"] > 0 and _stance(r, "Tom Hill")["score"] > 0


#: A remark in dispute: one voice agrees with the remark itself, another echoes a third's denunciation of it.
REMARKS = (
    "Senator Ann Lee\u2019s remarks about the judge drew sharp criticism from Republicans on Monday. "
    "Lee\u2019s remarks were widely condemned.\n"
    "\u201cLee\u2019s remarks were a disgrace,\u201d Governor Mark Reed said.\n"
)


def test_a_voice_announcing_what_it_will_do_to_carry_out_the_plan_backs_it(analyse_text):
    r = analyse_text(
        "Governor Mark Reed\u2019s plan would create a new toll on the state\u2019s bridges.\n"
        "The Highway Agency told drivers it will start collecting the toll in May.\n"
        "The Trucking Association said it will not collect the toll.\n")
    assert _stance(r, "Highway Agency")["score"] > 0
    s = r.main_stances
    assert not (s[s["actor"] == "Trucking Association"]["score"] > 0).any()  # "will not": no commitment


def test_the_one_a_restrictive_call_acts_against_leans_against_it(analyse_text):
    # the object of the issue's own bad-for act ("to abandon X") is taken to be against it: a lean (-1)
    story = ("Columnist George Will urged Republican voters to abandon Senator Jim Cole.\n"
             "Will's call to abandon Cole drew wide attention on Monday.\n")
    r = analyse_text(story)
    assert r.issue is not None and r.issue.act == "abandon"
    cole = _stance(r, "Jim Cole")
    assert cole["score"] == -1
    assert {e["source"] for e in _evidence(r, cole["actor_id"])} == {"target"}  # at each restatement


def test_the_target_of_a_call_keeps_its_own_stated_side(analyse_text):
    story = ("Columnist George Will urged Republican voters to abandon Senator Jim Cole.\n"
             "\u201cI welcome it,\u201d Cole said.\n")
    r = analyse_text(story)
    cole = _stance(r, "Jim Cole")
    assert cole["score"] == 2
    assert "target" not in [e["source"] for e in _evidence(r, cole["actor_id"])]


@pytest.mark.parametrize("sentence,score", [
    ("Senator Jim Cole pushed to repeal the plan.", -2),     # urging an act against it: against it
    ("Senator Jim Cole vowed to block the plan.", -2),
    ("Senator Jim Cole sued to block the plan.", -2),
    ("Senator Jim Cole voted to scrap the plan.", -2),       # no stance verb: the act alone
    ("Senator Jim Cole offered to fund the plan.", 2),
    ("\u201cWe will fight to keep this plan,\u201d said Senator Jim Cole.", 2),
], ids=["push-to-repeal", "vow-to-block", "sue-to-block", "vote-to-scrap", "offer-to-fund", "fight-to-keep"])
def test_an_act_sought_on_the_issue_gives_the_acts_side(analyse_text, sentence, score):
    r = analyse_text("Governor Mark Reed\u2019s proposal would create a new toll on the state\u2019s bridges. "
                     "Reed\u2019s plan was unveiled on Monday.\n" + sentence + "\n")
    assert _stance(r, "Jim Cole")["score"] == score


#: One voice's words on an issue and the side they take (+1: for it, -1: against it, 0: declines to take one),
#: one reading rule each.
SIDE_CASES = [
    pytest.param(
        "Governor Mark Reed\u2019s plan to build a new toll on the state\u2019s bridges has drawn a debate.\n"
        "\u201cWe are concerned about the toll. The toll would help families,\u201d said Mayor Tom Hill.\n",
        "Tom Hill", -1,
        id="when_effects_and_tone_cancel_the_voices_own_stance_word_gives_the_lean"),
    pytest.param(
        "Governor Mark Reed\u2019s proposal would create a new toll on the state\u2019s bridges.\n"
        "\u201cThe toll makes the state less attractive and less friendly,\u201d said Mayor Tom Hill.\n",
        "Tom Hill", -1,
        id="a_quality_said_to_be_less_is_denied"),
    pytest.param(
        "Defense Minister Tom Hale unveiled a new offensive against the Red Hand militia on Monday.\n"
        "\u201cWe will kill the leaders of the Red Hand militia,\u201d said General Ann Cole.\n",
        "Ann Cole", 1,
        id="destroying_what_a_campaign_is_against_is_support_for_it"),
    pytest.param(
        "Defense Minister Tom Hale unveiled a new offensive against the Red Hand militia on Monday.\n"
        "\u201cThe fight against the Red Hand militia has made real progress,\u201d said General Ann Cole.\n",
        "Ann Cole", 1,
        id="a_harsh_word_aimed_at_what_a_campaign_fights_is_no_verdict_on_it"),
    pytest.param(
        "Governor Mark Reed\u2019s proposal would create a new toll on the state\u2019s bridges.\n"
        "\u201cThere is no way to justify the toll,\u201d said Mayor Tom Hill.\n",
        "Tom Hill", -1,
        id="no_way_to_justify_the_issue_is_against_it"),
    pytest.param(
        REMARKS + "Mayor Tom Hill said on Tuesday he agrees with Lee\u2019s remarks.",
        "Tom Hill", 1,
        id="agreeing_with_the_remark_itself_is_support"),
    pytest.param(
        REMARKS + "Mayor Tom Hill, who echoed Reed\u2019s denunciation of Lee\u2019s remarks, said the "
        "party must move on.",
        "Tom Hill", -1,
        id="echoing_anothers_denunciation_of_the_remark_sides_with_that_voice"),
    pytest.param(
        # "unconstitutional" and "misguided" are not in VADER's lexicon: analysis/data/political_valence.csv
        "Governor Mark Reed\u2019s proposal would create a new toll on the state\u2019s bridges.\n"
        "\u201cThe toll is unconstitutional and misguided,\u201d said Senator Jim Cole.\n",
        "Jim Cole", -1,
        id="political_evaluatives_missing_from_vader_carry_a_verdict"),
    pytest.param(
        # "end the violence" names a thing of its own value (``valued``), not the plan by a definite article
        "Governor Mark Reed\u2019s plan would send more police officers to the city\u2019s streets.\n"
        "Mayor Tom Hill called the plan the best chance in years to end the violence.\n",
        "Tom Hill", 1,
        id="ending_a_harm_near_the_issue_is_an_effect_not_an_act_on_the_issue"),
    pytest.param(
        # wire style "declined comment", two sentences after the issue was named
        "Governor Mark Reed\u2019s proposal would create a new toll on the state\u2019s bridges.\n"
        "Reed spoke to reporters in the capital on Monday.\n"
        "Mayor Tom Hill declined comment.\n",
        "Tom Hill", 0,
        id="declining_comment_soon_after_the_issue_is_no_side"),
    pytest.param(
        "Governor Mark Reed\u2019s proposal would create a new toll on the state\u2019s bridges.\n"
        "On Monday Mayor Tom Hill ruled out any money for the proposal.\n",
        "Tom Hill", -1,
        id="ruling_out_the_issue_rejects_it"),
    pytest.param(
        # the subject's possessor holds no side: the words are the speaker's, not Reed's
        "Governor Mark Reed\u2019s plan would send more police officers to the city\u2019s streets.\n"
        "\u201cReed\u2019s recent failures suggest that the plan will be a disaster,\u201d said Mayor Tom Hill.\n",
        "Tom Hill", -1,
        id="a_possessor_of_the_subject_is_not_the_holder_of_the_claim"),
    pytest.param(
        # "access" is a thing of value (``valued``): reducing it is a harm predicted of the plan
        "Governor Mark Reed\u2019s plan would merge the state\u2019s rural clinics into three regional centres.\n"
        "Mayor Tom Hill said it would reduce access to doctors for thousands of families.\n",
        "Tom Hill", -1,
        id="a_plan_said_to_reduce_access_is_said_to_harm"),
    pytest.param(
        # "have to" states an obligation: the side is the speaker's, not Cole's
        "Governor Mark Reed\u2019s plan would merge the state\u2019s rural clinics into three regional centres.\n"
        "\u201cSenator Jim Cole will have to drop the plan,\u201d said Mayor Tom Hill.\n",
        "Tom Hill", -1,
        id="what_another_will_have_to_do_is_the_speakers_side"),
    pytest.param(
        REMARKS + "Mayor Tom Hill said his party may have to disavow Lee.",
        "Tom Hill", -1,
        id="disavowing_the_maker_of_a_remark_rejects_the_remark"),
    pytest.param(
        "Governor Mark Reed\u2019s proposal would create a new toll on the state\u2019s bridges.\n"
        "\u201cThe toll will do nothing to help families,\u201d said Mayor Tom Hill.\n",
        "Tom Hill", -1,
        id="an_effect_the_issue_does_nothing_to_bring_is_denied"),
    pytest.param(
        # "succeed" is four words after "not": further than VADER's own negation reaches
        "Governor Mark Reed\u2019s plan would send more police officers to the city\u2019s streets.\n"
        "\u201cWe do not want this plan to succeed,\u201d said Mayor Tom Hill.\n",
        "Tom Hill", -1,
        id="not_wanting_the_issue_to_succeed_negates_the_praise_word"),
    pytest.param(
        "Governor Mark Reed\u2019s plan would send more police officers to the city\u2019s streets.\n"
        "\u201cThe union\u2019s support for the plan will hurt families,\u201d said Mayor Tom Hill.\n",
        "Tom Hill", -1,
        id="anothers_support_reported_in_a_voices_words_is_not_its_own"),
    pytest.param(
        "Governor Mark Reed\u2019s plan would send more police officers to the city\u2019s streets.\n"
        "Mayor Tom Hill has long fought the governor.\nHill allies questioned the plan on Tuesday.\n",
        "Hill allies", -1,
        id="allies_named_after_another_than_the_owner_are_not_the_issues_allies"),
    pytest.param(
        # the quoted words are the voice's quoting of others, not read for tone: "asset" decides
        "Governor Mark Reed\u2019s plan would send more police officers to the city\u2019s streets.\n"
        "Mayor Tom Hill called the plan less an asset than \u201ca walking headache\u201d for the city.\n",
        "Tom Hill", -1,
        id="less_a_thing_than_another_denies_the_thing"),
    pytest.param(
        "Governor Mark Reed\u2019s bill would raise the state\u2019s minimum wage to $15.\n"
        "\u201cThe bill is good news for workers, and the city should end the deal with the union,\u201d "
        "said Mayor Tom Hill.\n",
        "Tom Hill", 1,
        id="an_act_on_a_course_of_action_of_another_kind_is_not_an_act_on_the_issue"),
    pytest.param(
        "Governor Mark Reed\u2019s plan would send more police officers to the city\u2019s streets.\n"
        "\u201cThe plan would put officers in every non-profit shelter, and that worries the people there,\u201d "
        "said Mayor Tom Hill.\n",
        "Tom Hill", -1,
        id="a_word_after_a_negative_prefix_has_no_tone"),
    pytest.param(
        "Israel launched new air strikes on Gaza City on Monday.\n"
        "Prime Minister Tom Hale made a national address after blasting Gaza City and Jenin on Monday.\n"
        "\u201cThe strikes must go on,\u201d Hale said.\n",
        "Tom Hale", 1,
        id="blasting_a_place_is_a_strike_not_criticism"),
    pytest.param(
        "Governor Mark Reed\u2019s new rules for city contracts took effect on Monday.\n"
        "\u201cThe photo shows that the contractors violated the rules during the bidding,\u201d said Tom Hill, "
        "an aide to Senator Ann Jones.\n",
        "Tom Hill", 1,
        id="harm_done_to_the_issue_by_another_is_charged_against_the_doer"),
    pytest.param(
        "Governor Mark Reed\u2019s plan would send more police officers to the city\u2019s streets.\n"
        "\u201cReed has not demonstrated the judgment necessary to lead the greatest city in the state,\u201d "
        "said Mayor Tom Hill.\n",
        "Tom Hill", -1,
        id="a_praise_word_in_the_object_of_a_negated_verb_is_denied"),
    pytest.param(
        "Britain announced new sanctions against Russia on Monday.\n"
        "\u201cRussia has behaved disgracefully and its threats are dangerous,\u201d said Senator Ann Cole.\n",
        "Ann Cole", 1,
        id="blaming_the_one_a_sanction_is_against_backs_the_sanction"),
    pytest.param(
        # an act on what the issue is about ("the toll"), not only on a reference to it ("the proposal")
        "Governor Mark Reed\u2019s proposal would create a new toll on the state\u2019s bridges.\n"
        "Senator Ann Cole pushed to repeal the toll.\n",
        "Ann Cole", -1,
        id="pushing_to_undo_what_the_issue_creates_opposes_it"),
    pytest.param(
        # a phrasal verb of acts_on ("tear up"): the verb with its particle is the act
        "Governor Mark Reed\u2019s proposal would create a new toll on the state\u2019s bridges.\n"
        "Senator Ann Cole pushed to tear up the proposal.\n",
        "Ann Cole", -1,
        id="a_phrasal_act_on_the_issue_takes_its_side"),
    pytest.param(
        "Senate Republicans\u2019 charges that the city auditors are biased against Mayor Tom Hale were dismissed "
        "on Tuesday by Auditor Jane Cole.\nSenator Bill Ward pointed to emails between two auditors.\n"
        "\u201cThey show extreme hostility and contempt for the mayor,\u201d Ward said.\n",
        "Bill Ward", 1,
        id="blame_near_a_charge_echoes_the_charge"),
    pytest.param(
        "Senator Bill Ward\u2019s accusation that Police Chief Tom Hale lied to the council drew a sharp reply on "
        "Monday.\n\u201cHale is a liar and a disgrace,\u201d said Senator Ann Cole.\n",
        "Ann Cole", 1,
        id="blame_in_words_about_a_charge_echoes_it"),
    pytest.param(
        "Senator Bill Ward\u2019s accusation that the police chief lied to the council drew a sharp reply on Monday.\n"
        "\u201cThese accusations are false and baseless,\u201d said Mayor Jim Reed.\n",
        "Jim Reed", -1,
        id="blame_of_the_charge_itself_opposes_it"),
    pytest.param(
        "Senator Bill Ward\u2019s investigation of Mayor Tom Hale\u2019s spending began on Monday.\n"
        "\u201cThe mayor wasted millions and lied to the voters,\u201d said Senator Ann Cole.\n",
        "Ann Cole", 1,
        id="blame_of_the_one_investigated_backs_the_investigation"),
    pytest.param(
        "Senator Bill Ward\u2019s investigation of Mayor Tom Hale\u2019s spending began on Monday.\n"
        "\u201cWard is biased and his staff are dishonest,\u201d said Senator Ann Cole.\n",
        "Ann Cole", -1,
        id="blame_of_the_investigator_opposes_the_investigation"),
    pytest.param(
        "District Attorney Bill Ward\u2019s indictment of Mayor Tom Hale was unsealed on Monday.\n"
        "\u201cHale is charged with stealing millions and lying to investigators,\u201d said Senator Ann Cole.\n",
        "Ann Cole", 1,
        id="reporting_what_someone_is_charged_with_echoes_the_charge"),
    pytest.param(
        "Governor Mark Reed unveiled a plan to close the state prison on Monday.\n"
        "\u201cThe plan is entirely inconsistent with the values of this state,\u201d said Senator Ann Cole.\n",
        "Ann Cole", -1,
        id="inconsistent_with_norms_is_a_verdict_against"),
    pytest.param(
        "Governor Mark Reed\u2019s new ethics rules for state lawmakers took effect on Monday.\n"
        "\u201cSome senators think they are above the rules,\u201d said Senator Ann Cole.\n",
        "Ann Cole", 1,
        id="charging_others_with_being_above_the_rules_backs_the_rules"),
    pytest.param(
        "Governor Mark Reed unveiled a plan on Monday to build a new toll road across the state.\n"
        "\u201cIt is time for Reed to show leadership,\u201d said Mayor Tom Hill.\n",
        "Tom Hill", 0,
        id="words_on_what_the_owner_does_speak_of_the_issue"),
    pytest.param(
        "Governor Mark Reed unveiled a plan on Monday to freeze the wages of state workers.\n"
        "Unions are fighting the proposed wage freeze.\n",
        "Unions", -1,
        id="a_bare_group_noun_that_fights_the_issue_is_a_voice_against_it"),
    pytest.param(
        "Governor Mark Reed unveiled a plan on Monday to build a new toll road across the state.\n"
        "Some lawmakers praised it. Others oppose the plan.\n",
        "Others", -1,
        id="others_who_oppose_the_issue_are_a_voice_against_it"),
    pytest.param(
        # the one the issue breaks with is a pronoun in its description; what he does is its rationale
        "Rebel leader Tom Hale met reporters on Sunday.\n"
        "The Cabinet decided on Monday to break off all contacts with him.\n"
        "\u201cHale has chosen violence and he allows the killing of civilians,\u201d said Senator Ann Cole.\n",
        "Ann Cole", 1,
        id="what_the_one_the_issue_breaks_with_does_is_its_rationale"),
    pytest.param(
        "The Cabinet decided on Monday to launch attacks on the Freedom Front.\n"
        "\u201cThe Freedom Front has chosen to allow the murder of innocent people,\u201d said Senator Ann Cole.\n",
        "Ann Cole", 1,
        id="blaming_the_one_attacks_are_aimed_at_backs_the_attacks"),
    pytest.param(
        "The Cabinet decided on Monday to launch attacks on Syrian army bases.\n"
        "Syrian President Tom Hale spoke on Sunday.\n"
        "\u201cHale has chosen to allow the murder of innocent people,\u201d said Senator Ann Cole.\n",
        "Ann Cole", 1,
        id="blaming_a_leader_of_the_country_attacks_are_aimed_at_backs_them"),
    pytest.param(
        "Governor Mark Reed\u2019s proposal would create a new toll on the state\u2019s bridges.\n"
        "\u201cNo part of the plan will be scrapped,\u201d said Senator Ann Cole.\n",
        "Ann Cole", 1,
        id="a_subject_with_no_denies_the_act"),
]


_VISA_LAW = "The Government has proposed a new visa law. Opposition leader Tom Hill says "

#: Acts on the issue that are denied, refused or failed, and the side they give (the scores allowed).
NEGATED_ACT_CASES = [
    pytest.param("his party will not support the law.", (-1, -2), id="will_not_support"),
    pytest.param("his party will never accept the law.", (-1, -2), id="never_accept_is_against"),
    pytest.param("his party refused to back the law.", (-2,), id="refused_to_back_is_opposed"),
    pytest.param("failure to pass the law would make it easier for criminals.", (1, 2),
                 id="failure_to_pass_as_the_cause_of_harm_is_a_warning_for_it"),
    pytest.param("the workers will not accept it.", (-1, -2), id="will_not_accept_it_is_against"),
    pytest.param("senators should not block the law.", (1, 2), id="should_not_block_is_for"),
    pytest.param("his party declined to endorse the law.", (-1, -2), id="declined_to_endorse"),
    pytest.param("his party no longer supports the law.", (-1, -2), id="no_longer_supports"),
    pytest.param("his party not only supports the law but will campaign for it.", (1, 2),
                 id="not_only_supports_is_no_negation"),
    pytest.param("his party would not hesitate to back the law.", (1, 2), id="would_not_hesitate_to_back"),
    pytest.param("his party cannot accept the law.", (-1, -2), id="cannot_accept"),
    pytest.param("his party will not stand in the way of the law.", (1, 2), id="will_not_stand_in_the_way"),
    pytest.param("his party refused to block the law.", (1, 2), id="refused_to_block_is_for"),
    pytest.param("his party is unwilling to support the law.", (-1, -2), id="unwilling_to_support"),
    pytest.param("not passing the law would be a disaster.", (1, 2), id="not_passing_it_as_the_cause_of_harm"),
    pytest.param("his party has refused to repeal the law.", (1, 2), id="refused_to_repeal_is_for"),
    pytest.param("it is a shame the Senate did not pass the law.", (1, 2), id="regret_that_it_was_not_passed_is_for"),
    pytest.param("his party has yet to endorse the law.", (-1, 0), id="has_yet_to_endorse_is_not_support"),
    pytest.param("his party failed to block the law.", (1, 0), id="failed_to_block_is_not_opposition"),
    pytest.param("his party resisted pressure to drop the law.", (1, 2), id="resisted_pressure_to_drop_it_is_for"),
]


@pytest.mark.parametrize("rest, allowed", NEGATED_ACT_CASES)
def test_a_denied_or_refused_act_reads_the_right_way_round(analyse_text, rest, allowed):
    assert _stance(analyse_text(_VISA_LAW + rest), "Tom Hill")["score"] in allowed


def test_rejecting_calls_to_undo_the_issue_is_support(analyse_text):
    text = ("The Government has proposed a new visa law.\n"
            "\u201cWe have rejected calls to scrap the law,\u201d said Opposition leader Tom Hill.\n")
    assert _stance(analyse_text(text), "Tom Hill")["score"] > 0


def test_a_passive_stance_verb_with_an_agent_is_the_agents_side_not_the_speakers(analyse_text):
    r = analyse_text(_VISA_LAW + "the law was approved by a committee last week.")
    ids = set(r.main_stances.query("actor == 'Tom Hill'").actor_id)
    ev = r.stances.evidence
    cues = ev[ev.actor_id.isin(ids) & (ev.source == "stance")].cue.tolist()
    assert not any(c.startswith("approved (") for c in cues), cues


@pytest.mark.parametrize("text, voice, side", SIDE_CASES)
def test_a_voice_takes_the_side_its_words_give(analyse_text, text, voice, side):
    score = _stance(analyse_text(text), voice)["score"]
    assert score == 0 if side == 0 else score * side > 0


def test_a_minister_of_the_owning_government_supports_its_decision(analyse_text):
    r = analyse_text("The Federal Government has decided to suspend the visa applications of 200 asylum seekers.\n"
                     "Foreign Affairs Minister Tom Hale says the danger in their homeland is no longer there and "
                     "the threat has passed.\n"
                     "Shadow Foreign Affairs Minister Ann Rudd says the suspension is cruel.\n")
    assert _stance(r, "Tom Hale")["score"] == 1
    assert _stance(r, "Ann Rudd")["score"] < 0


def test_a_ministers_own_criticism_outweighs_membership_of_the_government(analyse_text):
    r = analyse_text("The Federal Government has decided to suspend the visa applications of 200 asylum seekers.\n"
                     "Foreign Affairs Minister Tom Hale says the danger in their homeland is no longer there.\n"
                     "Health Minister Jo Bell has criticised the decision, saying it is cruel.\n")
    assert _stance(r, "Tom Hale")["score"] == 1
    assert _stance(r, "Jo Bell")["score"] == -2


def test_a_war_against_a_harm_is_no_blame(analyse_text):
    text = ("Governor Mark Reed\u2019s plan would send more police officers to the city\u2019s streets.\n"
            "\u201cThe plan is a new front in the war against crime,\u201d said Mayor Tom Hill.\n")
    assert _stance(analyse_text(text), "Tom Hill")["score"] >= 0


@pytest.mark.parametrize("text, name, low, high", [
    ("The state has proposed a pay cut for its nurses.\n"
     "More than 2,000 mill workers voted to reject the pay cut.\n", "mill workers", -2, -1),
    ("The state has proposed a new mining tax.\n"
     "Thousands of protesters marched through the capital against the tax on Sunday.\n", "protesters", -2, -1),
    ("The state has proposed a new mining tax.\n"
     "Hundreds of nurses gathered outside parliament to oppose the tax.\n", "nurses", -2, -1),
    ("The state has proposed a new mining tax.\n"
     "About 300 teachers signed a petition backing the tax.\n", "teachers", 1, 2),
])
def test_a_counted_group_that_takes_a_side_holds_it(analyse_text, text, name, low, high):
    assert low <= _stance(analyse_text(text), name)["score"] <= high


def test_a_counted_group_that_takes_no_side_has_no_position(analyse_text):
    r = analyse_text("The state has proposed a new mining tax.\n"
                     "About 300 farmers lost their crops in the floods.\n"
                     "Thousands of people died in the storm.\n")
    assert not any(r.main_stances["actor"].isin(["farmers", "people"]))
