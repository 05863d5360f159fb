"""Sanity checks for the gazetteers in analysis/data (countries.csv, first_names.csv)."""
from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import pytest

DATA = Path(__file__).parents[1] / "analysis" / "data"

COUNTRY_HEADER = ["country", "aliases", "demonyms", "adjectives", "capitals"]
LIST_COLUMNS = COUNTRY_HEADER[1:]
NAME_HEADER = ["name", "gender"]

# Strings that legitimately name two different countries. Each must really clash
# (see test_whitelist_is_not_stale), so the list cannot silently rot.
SHARED_STRINGS = {
    # Citizens of both the Democratic Republic of Congo and the Republic of Congo.
    "congolese",
    # Dominica's people are "Dominicans" too (stress on the third syllable), the same
    # spelling as the Dominican Republic's; the text has to decide.
    "dominican",
    "dominicans",
}

# Strings deliberately left out of countries.csv because they are ambiguous.
AMBIGUOUS_OMITTED = ["Congo", "Korea", "Korean", "Koreans"]

# First names that are also a country/alias/capital string, kept on purpose.
NAME_PLACE_OVERLAP = {
    "chad",  # the country Chad; also a common US given name
    "victoria",  # capital of Seychelles; also a common given name
}


def _read(name: str) -> tuple[list[str], list[dict[str, str]]]:
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        rows = [dict(zip(header, row, strict=True)) for row in reader]
    return header, rows


def _items(cell: str) -> list[str]:
    return cell.split(";") if cell else []


@pytest.fixture(scope="module")
def countries():
    return _read("countries.csv")


@pytest.fixture(scope="module")
def names():
    return _read("first_names.csv")


@pytest.fixture(scope="module")
def string_to_countries(countries):
    _, rows = countries
    index: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        for col in COUNTRY_HEADER:
            for item in [row[col]] if col == "country" else _items(row[col]):
                index[item.casefold()].add(row["country"])
    return index


def lookup(index, s: str) -> set[str]:
    return index.get(s.casefold(), set())


# --- countries.csv ---------------------------------------------------------


def test_country_header_and_shape(countries):
    header, rows = countries
    assert header == COUNTRY_HEADER
    assert 190 <= len(rows) <= 210, len(rows)
    for row in rows:
        assert len(row) == len(COUNTRY_HEADER)
        assert row["country"] and row["country"] == row["country"].strip()


def test_countries_unique_and_sorted(countries):
    _, rows = countries
    names = [r["country"] for r in rows]
    folded = [n.casefold() for n in names]
    assert len(folded) == len(set(folded)), [n for n in names if folded.count(n.casefold()) > 1]
    assert names == sorted(names)


def test_list_cells_are_clean(countries):
    _, rows = countries
    for row in rows:
        for col in LIST_COLUMNS:
            items = _items(row[col])
            for item in items:
                assert item and item == item.strip(), (row["country"], col, row[col])
                assert "," not in item or col == "capitals", (row["country"], col, item)
            folded = [i.casefold() for i in items]
            assert len(folded) == len(set(folded)), (row["country"], col, items)


def test_required_cells_filled(countries):
    _, rows = countries
    for row in rows:
        assert row["capitals"], row["country"]
        assert row["adjectives"], row["country"]
        if row["country"] != "Vatican City":  # no demonym for the Holy See's residents
            assert row["demonyms"], row["country"]


def test_no_string_maps_to_two_countries(string_to_countries):
    clashes = {
        s: sorted(c) for s, c in string_to_countries.items() if len(c) > 1 and s not in SHARED_STRINGS
    }
    assert not clashes


def test_whitelist_is_not_stale(string_to_countries):
    for s in SHARED_STRINGS:
        assert len(string_to_countries.get(s, ())) > 1, f"{s!r} no longer clashes; drop it"


@pytest.mark.parametrize("s", AMBIGUOUS_OMITTED)
def test_ambiguous_strings_left_out(string_to_countries, s):
    assert not lookup(string_to_countries, s)


def test_expected_members_present(countries):
    _, rows = countries
    present = {r["country"] for r in rows}
    for c in [
        "United States", "United Kingdom", "Russia", "China", "Taiwan", "Kosovo",
        "Palestine", "Vatican City", "South Korea", "North Korea", "Czech Republic",
        "Ivory Coast", "Syria", "Iran", "Democratic Republic of Congo",
        "Republic of Congo", "South Sudan", "Eswatini", "North Macedonia", "East Timor",
    ]:
        assert c in present, c


@pytest.mark.parametrize(
    "s, country",
    [
        ("U.S.", "United States"),
        ("US", "United States"),
        ("USA", "United States"),
        ("America", "United States"),
        ("Americans", "United States"),
        ("American", "United States"),
        ("Washington", "United States"),
        ("Russians", "Russia"),
        ("Russian Federation", "Russia"),
        ("Moscow", "Russia"),
        ("Britain", "United Kingdom"),
        ("U.K.", "United Kingdom"),
        ("British", "United Kingdom"),
        ("London", "United Kingdom"),
        ("Syrians", "Syria"),
        ("Damascus", "Syria"),
        ("Tehran", "Iran"),
        ("Teheran", "Iran"),
        ("Beijing", "China"),
        ("Taipei", "Taiwan"),
        ("DPRK", "North Korea"),
        ("Republic of Korea", "South Korea"),
        ("Burma", "Myanmar"),
        ("Holland", "Netherlands"),
        ("Dutch", "Netherlands"),
        ("Kiev", "Ukraine"),
        ("Kyiv", "Ukraine"),
        ("Jerusalem", "Israel"),
        ("Cape Town", "South Africa"),
        ("Côte d'Ivoire", "Ivory Coast"),
        ("Czechia", "Czech Republic"),
        ("DRC", "Democratic Republic of Congo"),
        ("Brazzaville", "Republic of Congo"),
        ("Washington, D.C.", "United States"),
    ],
)
def test_spot_checks(string_to_countries, s, country):
    assert lookup(string_to_countries, s) == {country}


def test_no_government_building_metonyms(string_to_countries):
    for s in ["Kremlin", "White House", "Downing Street", "Elysee", "Élysée", "Zhongnanhai"]:
        assert not lookup(string_to_countries, s), s


# --- first_names.csv -------------------------------------------------------


def test_names_header_and_genders(names):
    header, rows = names
    assert header == NAME_HEADER
    assert len(rows) >= 350
    for row in rows:
        assert row["gender"] in {"M", "F"}, row
        name = row["name"]
        assert name and name == name.strip() and " " not in name, row


def test_names_unique_and_sorted(names):
    _, rows = names
    names_ = [r["name"] for r in rows]
    folded = [n.casefold() for n in names_]
    assert len(folded) == len(set(folded)), [n for n in names_ if folded.count(n.casefold()) > 1]
    assert names_ == sorted(names_)


@pytest.mark.parametrize(
    "name, gender",
    [
        ("Elizabeth", "F"), ("Vladimir", "M"), ("John", "M"), ("Angela", "F"),
        ("Emmanuel", "M"), ("Hillary", "F"), ("Nancy", "F"),
        ("Xi", "M"), ("Mohammad", "M"),
        ("Josh", "M"), ("Sergei", "M"),
    ],
)
def test_name_spot_checks(names, name, gender):
    _, rows = names
    assert {r["name"]: r["gender"] for r in rows}.get(name) == gender


@pytest.mark.parametrize(
    "name", ["Jordan", "Taylor", "Morgan", "Kim", "Robin", "Leslie", "Jean", "Dana", "Chris", "Alex"]
)
def test_unisex_names_left_out(names, name):
    _, rows = names
    assert name.casefold() not in {r["name"].casefold() for r in rows}


def test_name_place_overlap_is_deliberate(names, string_to_countries):
    _, rows = names
    overlap = {r["name"].casefold() for r in rows} & set(string_to_countries)
    assert overlap == NAME_PLACE_OVERLAP
