"""Countries and the places inside them, so a list of the countries an article names leaves its cities out.

spaCy labels "Ukraine", "Moscow" and "Alaska" alike (GPE). countryinfo's tables (shipped in its wheel) give every
country's name and other spellings ("UK", "Holland", "Russian Federation") and its capital and provinces; a name in
neither ("Britain", "Crimea") is not known to be a city, so it is not left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_THE = re.compile(r"^the\s+")


def _key(name: str) -> str:
    """A name as looked up: lower case, no leading 'the', no dots ("the U.S." is "us")."""
    return " ".join(_THE.sub("", name.lower().replace("’", "'")).replace(".", "").split())


def _texts(value: object) -> list[str]:
    """The strings in one of countryinfo's fields, which may be a string or a list of them."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [text for item in value for text in _texts(item)]
    return []


@dataclass(frozen=True)
class _Gazetteer:
    """Every country's spellings → its name; the capitals; the provinces (names without "(…)")."""

    countries: dict[str, str]
    capitals: frozenset[str]
    provinces: frozenset[str]
    peoples: dict[str, tuple[str, ...]]  # a demonym ("algerian") → its country's name and spellings


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    """countryinfo's tables, read once per process (tens of ms), on the first list of countries or cities."""
    from countryinfo import all_countries

    countries: dict[str, str] = {}
    capitals: set[str] = set()
    provinces: set[str] = set()
    peoples: dict[str, tuple[str, ...]] = {}
    for entry in all_countries():
        info = entry.info()
        name = next(iter(_texts(info.get("name"))), "")
        spellings = [name, *_texts(info.get("altSpellings"))]
        for spelling in spellings:
            if _key(spelling):  # some entries have an empty spelling
                countries.setdefault(_key(spelling), name)
        for demonym in _texts(info.get("demonym")):
            if _key(demonym):
                known = peoples.get(_key(demonym), ())  # "American": the US's, Samoa's… all of them
                peoples[_key(demonym)] = known + tuple(s for s in spellings if s.strip() and s not in known)
        capitals.update(_key(place) for place in _texts(info.get("capital")))
        provinces.update(_key(re.sub(r"\s*\(.*\)$", "", place)) for place in _texts(info.get("provinces")))
    return _Gazetteer(countries, frozenset(capitals - {""}), frozenset(provinces - {""}), peoples)


def country(name: str) -> str | None:
    """The country ``name`` is a spelling of ("UK" → "United Kingdom"), or None."""
    return _gazetteer().countries.get(_key(name)) if _key(name) else None


def capital(name: str) -> bool:
    """Whether ``name`` is a country's capital ("Moscow"; "Singapore" too)."""
    return _key(name) in _gazetteer().capitals


def province(name: str) -> bool:
    """Whether ``name`` is a country's province or state ("Alaska"; "Georgia" too)."""
    return _key(name) in _gazetteer().provinces


def from_a_place(word: str) -> bool:
    """Whether ``word`` names someone from a capital or a province by its name and "-er" ("Dubliner", "Londoner")."""
    return word.endswith("er") and (capital(word[:-2]) or province(word[:-2]))


def country_of_people(demonym: str) -> tuple[str, ...]:
    """The spellings of the country whose people ``demonym`` names ("Algerian" → "Algeria", "DZ", …); empty when it
    names no country's people ("Catholic", "Labour")."""
    return _gazetteer().peoples.get(_key(demonym), ()) if _key(demonym) else ()
