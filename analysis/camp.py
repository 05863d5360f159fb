"""The owner's camp: who speaks for the owner of an issue, and so supports it unless their words say otherwise.

:func:`owner_camp` reads the actors table only. An actor is in the camp of an
issue's owner when

- it speaks for the owner, directly or through an office (the actors table's
  ``speaks_for`` chain), or a role names the organisation that owns the
  issue ("Pfizer chief executive");
- its name or role ties a camp noun to the owner's name ("Smith aides", "the
  Smith administration", "Smith's campaign");
- it belongs to the owner's own office: the executive institution the
  owner's title heads (``analysis/data/offices.csv``: a president's White
  House, a prime minister's government), as an office, an unnamed official
  or a person whose role has a camp noun ("White House officials", "the
  administration", "White House press secretary");
- it serves in the chain of command of an owning institution (``chain_of_command`` in the
  lexicon): an office, unnamed official or head of that institution, or of the one it answers to
  ("the Pentagon", "a defense official" and "the Defense Secretary" for a plan of the U.S.
  military; the head of government of the same country, for the forces answer to it), the owner
  an organisation, a group ("Israeli forces") or a country (its government);
- it sits in an owning government: a minister of it ("Foreign Affairs Minister", "Treasurer":
  the ``members`` of a government in ``analysis/data/offices.csv``), of the owner's country and
  tier, no shadow, opposition or former one; for an owning opposition, its shadow ministers and
  opposition spokespeople (``government`` in the lexicon);
- or it speaks for one of these (a spokesman of the owner's office).

An actor whose name names another person ("the Obama administration" in a
story about Trump's plan) or who is a former holder is never in the camp.
The camp nouns are ``camp_nouns`` in ``analysis/data/stance_lexicon.yml``.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .actors import institution_kind, principal_chain
from .resources import load_csv, load_yaml, split_list


@lru_cache(maxsize=1)
def _camp_nouns() -> frozenset[str]:
    return frozenset(str(w).lower() for w in load_yaml("stance_lexicon.yml")["camp_nouns"])


@lru_cache(maxsize=1)
def _executive() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(institution, country, head titles) of the executive offices and governments."""
    country = {r["institution"]: r["country"] for r in load_csv("institutions.csv")
               if r["kind"] in ("executive", "government")}
    return tuple((r["institution"], country.get(r["institution"], ""), tuple(split_list(r["head"])))
                 for r in load_csv("offices.csv") if r["institution"] in country)


@lru_cache(maxsize=1)
def _chain_of_command() -> tuple[frozenset[str], dict[str, str]]:
    rule = load_yaml("stance_lexicon.yml")["chain_of_command"]
    return frozenset(rule["kinds"]), dict(rule["answers_to"])


@lru_cache(maxsize=1)
def _government() -> tuple[dict, tuple[str, ...]]:
    """The ``government`` rule of the lexicon and the member titles of a government (offices.csv)."""
    members = next((split_list(r.get("members") or "") for r in load_csv("offices.csv")
                    if r["institution"] == "{adj} government"), [])
    return load_yaml("stance_lexicon.yml")["government"], tuple(members)


@lru_cache(maxsize=1)
def _head_titles() -> dict[str, tuple[str, ...]]:
    return {r["institution"]: tuple(split_list(r["head"])) for r in load_csv("offices.csv")}


def _first_institution(row: dict) -> str:
    return str(row.get("institution") or "").split(";")[0].strip()


def _in_chain(row: dict, owner: dict) -> bool:
    """Does an actor serve in the chain of command of an owning institution: an office, unnamed
    official or group of it, or a person heading it or with a camp noun in their role, in the
    institution itself or the one it answers to (``chain_of_command``)?"""
    kinds, answers_to = _chain_of_command()
    own = _first_institution(owner)
    kind = institution_kind(own)
    inst = _first_institution(row)
    if owner.get("type") not in ("organization", "group", "country") or kind not in kinds or not inst:
        return False
    if owner.get("country") and row.get("country") and owner["country"] != row["country"]:
        return False
    if inst != own and (institution_kind(inst) not in answers_to.get(kind, ()) or not owner.get("country")
                        or row.get("country") != owner["country"]):
        return False
    if row["type"] in ("organization", "anonymous", "group"):
        return True
    role = str(row.get("role") or "").lower()
    heads = _head_titles().get(inst) or next((h for i, h in _head_titles().items()
                                              if "{adj}" in i and inst.endswith(i.replace("{adj}", "").rstrip())), ())
    return _has_camp_noun(_words(row, "role")) or any(role == h or role.endswith(" " + h) for h in heads)


def _in_government(row: dict, owner: dict) -> bool:
    """Does a person sit in an owning government: a minister of it ("Foreign Affairs Minister",
    "Treasurer"), of the owner's country (or neither names one) and tier ("Federal", "State"),
    no shadow, opposition or former one; or, for an owning opposition, its shadow ministers and
    opposition spokespeople (the ``government`` rule of the lexicon)?"""
    rule, titles = _government()
    name = _words(owner, "name")
    if row["type"] != "person" or row.get("former") or not name or owner.get("type") not in ("organization",
                                                                                          "country"):
        return False
    opposition = name[-1] in rule["opposition"]
    if not opposition and name[-1] not in rule["nouns"] and institution_kind(_first_institution(owner)) != "government":
        return False
    if (owner.get("country") or "") != (row.get("country") or ""):
        return False
    role = _words(row, "role")
    if _has_any(role, rule["former"]) or not (_has_any(role, rule["opposition"]) if opposition else
                                              _has_any(role, titles) and not _has_any(role, rule["opposition"])):
        return False
    tiers = set(rule["tiers"])
    mine, theirs = tiers.intersection(role), tiers.intersection(name)
    return not (mine and theirs and not mine & theirs)


def _words(row: dict, *fields: str) -> list[str]:
    text = " ".join(str(row.get(f) or "") for f in fields).lower()
    return re.findall(r"[\w-]+", text.replace("\u2019s", " ").replace("'s", " "))


def _has_any(words: list[str], phrases) -> bool:
    """Is one of the phrases (one or two words) among the words?"""
    return any(w in phrases for w in words) or any(f"{a} {b}" in phrases for a, b in zip(words, words[1:]))


def _has_camp_noun(words: list[str]) -> bool:
    return _has_any(words, _camp_nouns())


def _offices_of(owner: dict) -> list[tuple[str, str]]:
    """The owner's own offices: (institution, country), a template institution ending in
    "government" standing for the owner's country's government."""
    role = str(owner.get("role") or "").lower().removeprefix("former ").strip()
    if owner.get("type") != "person" or not role:
        return []
    out = []
    for inst, country, heads in _executive():
        if any(role == h or role.endswith(" " + h) for h in heads):
            if not owner.get("country") or not country or country == owner.get("country"):
                out.append((inst, country))
    return out


def _in_office(row: dict, offices: list[tuple[str, str]], owner_country: str) -> bool:
    inst = _first_institution(row)
    if not inst or row.get("former"):
        return False
    hit = any(inst == i for i, _c in offices if "{adj}" not in i) or (
        owner_country and row.get("country") == owner_country and inst.endswith(" government")
        and any("{adj}" in i for i, _c in offices))
    if not hit:
        return False
    return row["type"] in ("organization", "anonymous", "group") or _has_camp_noun(_words(row, "role", "name"))


def owner_camp(info: dict, owner_id: str) -> list[str]:
    """Actor ids in the camp of an issue's owner (the owner itself excluded), in table order."""
    if not owner_id or owner_id not in info:
        return []
    owner = info[owner_id]
    links = {a: r["speaks_for"] for a, r in info.items() if r.get("speaks_for")}
    oname = str(owner["name"]).lower()
    surname = oname.split()[-1] if owner["type"] == "person" and oname else ""
    bearers: dict[str, set[str]] = {}  # surname -> the people who bear it
    for a, r in info.items():
        if r["type"] == "person" and r["name"]:
            bearers.setdefault(str(r["name"]).lower().split()[-1], set()).add(a)
    offices = _offices_of(owner)
    camp: list[str] = []
    for aid, row in info.items():
        if aid == owner_id or row.get("former"):
            continue
        words = _words(row, "name", "role", "description")
        if any(w != surname and bearers.get(w, set()) - {aid, owner_id} for w in _words(row, "name")):
            continue  # "the Obama administration" is not the camp of another owner
        if owner_id in principal_chain(links, aid)[1:] or _in_office(row, offices, owner.get("country", "")) or \
                _in_chain(row, owner) or _in_government(row, owner):
            camp.append(aid)
        elif surname and surname in words and _has_camp_noun(words):
            camp.append(aid)
        elif owner["type"] == "organization" and row["type"] in ("person", "anonymous") and oname and \
                oname in f"{row.get('role', '')} {row.get('description', '')}".lower():
            camp.append(aid)
    for aid in info:  # a spokesman of the owner's office speaks for the owner too
        if aid not in camp and aid != owner_id and any(p in camp for p in principal_chain(links, aid)[1:]):
            camp.append(aid)
    return camp
