"""analysis.camp: who speaks for the owner of an issue."""
from __future__ import annotations

from analysis.camp import owner_camp


def _row(aid, name, type_, role="", institution="", country="", speaks_for="", former=False):
    return aid, {"actor_id": aid, "name": name, "type": type_, "role": role, "institution": institution,
                 "country": country, "speaks_for": speaks_for, "former": former, "description": ""}


INFO = dict([
    _row("A1", "Tom Garcia", "person", "President"),
    _row("A2", "White House", "organization", institution="White House", country="United States"),
    _row("A3", "Lisa Monk", "person", "spokeswoman", "White House", "United States", speaks_for="A2"),
    _row("A4", "Garcia aides", "group", "Garcia aides"),
    _row("A5", "Hale administration", "organization", institution="White House", country="United States"),
    _row("A6", "Ray Hale", "person", "President", former=True),
    _row("A7", "State Department", "organization", institution="State Department", country="United States"),
    _row("A8", "Ann Lee", "person", "Senator", "U.S. Congress", "United States"),
])


def test_the_office_its_spokeswoman_and_the_owners_aides_are_the_camp():
    assert set(owner_camp(INFO, "A1")) == {"A2", "A3", "A4"}


def test_an_office_named_for_another_person_and_other_departments_are_not():
    camp = owner_camp(INFO, "A1")
    assert "A5" not in camp and "A7" not in camp and "A8" not in camp


def test_a_senator_has_no_office_camp():
    assert owner_camp(INFO, "A8") == []


def test_the_chief_executive_of_an_owning_company_is_its_camp():
    info = dict([_row("B1", "Acme", "organization"), _row("B2", "Jo Park", "person", "Acme chief executive"),
                 _row("B3", "Zeta", "organization"), _row("B4", "Li Wu", "person", "Zeta chief executive")])
    assert owner_camp(info, "B1") == ["B2"]


def test_a_company_read_as_a_person_still_has_its_chief_executive_in_its_camp():
    info = dict([_row("C1", "Acme", "person"), _row("C2", "Jo Park", "person", "Acme chief executive"),
                 _row("C3", "Li Wu", "person", "Acme shareholder")])
    assert owner_camp(info, "C1") == ["C2"]


def test_the_chain_of_command_of_an_owning_military_is_its_camp():
    info = dict([
        _row("M1", "U.S. military", "organization", institution="U.S. military", country="United States"),
        _row("M2", "Pat Cole", "person", "U.S. Defense Secretary", "Department of Defense", "United States"),
        _row("M3", "Pentagon", "organization", institution="Department of Defense", country="United States"),
        _row("M4", "unnamed U.S. defense official", "anonymous", "U.S. defense official", "Department of Defense",
             "United States"),
        _row("M5", "Ivan Orlov", "person", "Russian Defense Minister", "Department of Defense", "Russia"),
        _row("M6", "Ann Lee", "person", "Senator", "U.S. Congress", "United States"),
        _row("M7", "State Department", "organization", institution="State Department", country="United States"),
    ])
    assert set(owner_camp(info, "M1")) == {"M2", "M3", "M4"}


def test_a_legislature_that_owns_a_bill_has_no_chain_of_command():
    info = dict([
        _row("L1", "Congress", "organization", institution="U.S. Congress", country="United States"),
        _row("L2", "lawmakers", "group", "lawmakers", "U.S. Congress", "United States"),
        _row("L3", "Ann Lee", "person", "Senator", "U.S. Congress", "United States"),
    ])
    assert owner_camp(info, "L1") == []


def test_the_ministers_of_an_owning_government_are_its_camp():
    info = dict([
        _row("G1", "Federal Government", "organization"),
        _row("G2", "Tom Hale", "person", "Foreign Affairs Minister"),
        _row("G3", "Ann Rudd", "person", "Shadow Foreign Affairs Minister"),
        _row("G4", "Raj Mehta", "person", "Indian Foreign Minister", "Indian government", "India"),
        _row("G5", "Sue Ward", "person", "Treasurer"),
        _row("G6", "Bob Kerr", "person", "State Treasurer"),
        _row("G7", "Jim Lang", "person", "Immigration Minister", former=True),
        _row("G8", "Kim Ross", "person", "Opposition leader"),
    ])
    assert set(owner_camp(info, "G1")) == {"G2", "G5"}


def test_a_minister_of_the_owning_countrys_government_is_its_camp():
    info = dict([
        _row("I1", "Israeli Government", "organization", institution="Israeli government", country="Israel"),
        _row("I2", "Dan Levy", "person", "Israeli Foreign Minister", "Israeli government", "Israel"),
        _row("I3", "Omar Aziz", "person", "Palestinian minister", "Palestinian government", "Palestine"),
        _row("I4", "Karl Roth", "person", "Foreign Minister"),
    ])
    assert owner_camp(info, "I1") == ["I2"]


def test_a_military_answers_to_its_countrys_head_of_government():
    info = dict([
        _row("F1", "Israeli forces", "group", "Israeli forces", "Israeli military", "Israel"),
        _row("F2", "Dan Levy", "person", "Israeli Prime Minister", "Israeli government", "Israel"),
        _row("F3", "unnamed Israeli official", "anonymous", "Israeli official", "Israeli government", "Israel"),
        _row("F4", "Omar Aziz", "person", "Palestinian Prime Minister", "Palestinian government", "Palestine"),
        _row("F5", "Lee Park", "person", "U.S. President", "White House", "United States"),
    ])
    assert set(owner_camp(info, "F1")) == {"F2", "F3"}


def test_the_head_of_an_owning_countrys_government_is_its_camp():
    info = dict([
        _row("R1", "Russia", "country", institution="Russian government", country="Russia"),
        _row("R2", "Ivan Orlov", "person", "Russian President", "Russian government", "Russia"),
        _row("R3", "Ann Lee", "person", "Senator", "U.S. Congress", "United States"),
    ])
    assert owner_camp(info, "R1") == ["R2"]


def test_an_owning_oppositions_shadow_ministers_are_its_camp():
    info = dict([
        _row("O1", "Federal Opposition", "organization"),
        _row("O2", "Kim Ross", "person", "Shadow Environment Minister"),
        _row("O3", "Tom Hale", "person", "Environment Minister"),
        _row("O4", "Ann Rudd", "person", "former Shadow Treasurer"),
    ])
    assert owner_camp(info, "O1") == ["O2"]
