"""Relations the document's own entities or the place table contradict, dropped after the rules and the
inferences (:func:`graphbuild.extract.relations.extract_relations`).

A sentence rule reads a pattern; a pattern can be right in form and wrong in fact ("flights from Helsinki in
Stockholm", "Zambia , Malawi and ..."), and a wrong containment then spreads through the closure.  These checks
know nothing of the sentence, only of the two ends:

- an affiliation or a post's organisation is never a person ("Mr Ebbers' lawyer Reid Weingarten" does not
  make Weingarten affiliated with Ebbers);
- a country is never inside another country, nor inside any place but a world region or a sea (a dependent
  territory or a part of the United Kingdom may be inside its state, and any country inside a former union:
  "Bosnia in Yugoslavia", but none of them inside a town: "Scotland in Auckland", "Wales in Cardiff" name
  a side and the match's venue); a continent or world region is inside no country or town, and no body's home;
- a town the place table knows under one name only (:meth:`Gazetteer.place_unique`) is in its own country,
  and a US town in its own state: "Helsinki in Stockholm", "Helsinki in Sweden" are dropped, "Paris , Texas"
  (many Parises) and "London , Ontario" are left alone.
"""

from __future__ import annotations

from graphbuild.extract.lexicon import US_STATE_NAMES
from graphbuild.gazetteer import AMBIGUOUS_COUNTRY_NAMES, Gazetteer, gazetteer
from graphbuild.model import DocEntity, Relation

#: Relations whose object is the body a person belongs to.
_MEMBERSHIP = frozenset({"affiliated_with", "holds_position"})
#: Relations that put their subject inside their object.
_INSIDE = frozenset({"located_in", "based_in"})

#: Parts of the United Kingdom (the project's private codes) and territories that belong to another state:
#: inside another country without contradiction ("Hong Kong , China", "San Juan , Puerto Rico , United States").
_DEPENDENT = frozenset(
    {"XE", "XS", "XW", "XN", "HK", "MO", "PR", "GU", "VI", "AS", "MP", "UM", "GL", "FO", "AW", "CW", "SX", "BQ",
     "BM", "KY", "VG", "AI", "MS", "TC", "GI", "IM", "JE", "GG", "FK", "SH", "IO", "PN", "GS", "PF", "NC", "RE",
     "GP", "MQ", "YT", "GF", "PM", "BL", "MF", "WF", "TF", "AX", "SJ", "BV", "CX", "CC", "NF", "HM", "TK", "NU",
     "CK", "EH", "PS", "TW"}
)
#: Former unions and federations a country was part of ("Croatia , then part of Yugoslavia").
_UNIONS = frozenset({"YU", "SU"})
#: Continents and world regions larger than any country.
_REGIONS = frozenset(
    {"Africa", "Asia", "Europe", "North America", "South America", "Latin America", "Central America", "Oceania",
     "Antarctica", "Middle East", "Far East", "Near East", "Caribbean", "Scandinavia", "Balkans", "Eurasia",
     "Sub-Saharan Africa", "West Africa", "East Africa", "North Africa", "Southern Africa", "Central Asia",
     "South Asia", "East Asia", "South-East Asia", "Southeast Asia", "Western Europe", "Eastern Europe",
     "Central Europe", "Northern Europe", "Southern Europe", "Pacific", "Atlantic", "Arctic", "Mediterranean",
     "Gulf", "Persian Gulf", "Horn of Africa", "Indian Ocean", "Pacific Ocean", "Atlantic Ocean", "Caucasus",
     "Baltic", "Baltics", "Sahel", "Maghreb", "Levant", "Americas", "Indochina", "Arabia"})
#: Continents: inside no other region of :data:`_REGIONS` (Eurasia aside).
_CONTINENTS = frozenset({"Africa", "Asia", "Europe", "North America", "South America", "Oceania", "Antarctica",
                         "Americas"})


#: Last words of names of world regions and seas ("the Horn of Africa" aside, which _REGIONS lists).
_REGION_WORDS = frozenset({"ocean", "sea", "gulf", "peninsula", "islands", "archipelago", "coast", "basin",
                           "mountains", "region", "africa", "asia", "europe", "america", "americas"})


def _region(label: str) -> bool:
    """A continent, world region or sea a country may be inside."""
    return label in _REGIONS or label.split()[-1].lower() in _REGION_WORDS


#: The state a project code stands inside of, for comparing a town's ISO country with a part of the UK.
_STATE_OF = {"XE": "GB", "XS": "GB", "XW": "GB", "XN": "GB"}


def drop_inconsistent(relations: list[Relation], entities: dict[str, DocEntity]) -> list[Relation]:
    """``relations`` without those their two ends contradict (see the module docstring)."""
    gaz = gazetteer()
    return [r for r in relations if not _contradicted(gaz, r, entities.get(r.subject), entities.get(r.object))]


def _contradicted(gaz: Gazetteer, rel: Relation, subj: DocEntity | None, obj: DocEntity | None) -> bool:
    if subj is None or obj is None or subj.key == obj.key:
        return False
    if rel.relation in _MEMBERSHIP:
        return obj.type == "Person"
    if rel.relation not in _INSIDE:
        return False
    if rel.relation == "based_in" and obj.label in _REGIONS:
        return True  # a continent is no body's home: "Standard Life , Europe 's largest mutual insurer"
    inner, outer = _country_code(gaz, subj), _country_code(gaz, obj)
    if subj.type == "Place" and subj.label in US_STATE_NAMES and subj.label not in AMBIGUOUS_COUNTRY_NAMES:
        return outer is not None and outer != "US"  # a US state in another country
    if inner is not None:  # a country inside something
        if outer is not None:
            return inner not in _DEPENDENT and outer not in _UNIONS and _STATE_OF.get(inner, inner) != outer
        # a country is inside no town, state or province, only a world region ("Madagascar in the Indian
        # Ocean"): "France in Paris last season", "the USA in Seville" are sides playing there; a part of
        # the UK or a territory is inside no town the table knows either ("Wales in Auckland": a side)
        if obj.type != "Place" or _region(obj.label):
            return False
        return inner not in _DEPENDENT or (obj.label not in US_STATE_NAMES and gaz.place_country(obj.label) is not None)
    if subj.label in _REGIONS:  # "Britain 's Europe Director": a continent is inside no country or town
        # nor a continent inside another region: "to Asia , eastern Europe and Mexico" is a list
        if subj.label in _CONTINENTS and obj.label in _REGIONS and obj.label != "Eurasia":
            return True
        return outer is not None or (obj.type == "Place" and gaz.place_city(obj.label))
    town = _unique_town(gaz, subj)
    if town is None:
        return False
    code, state = town
    if outer is not None:  # a known town in a country
        return outer not in _UNIONS and _STATE_OF.get(outer, outer) != code and outer not in _DEPENDENT
    if obj.type != "Place":
        return False
    if obj.label in US_STATE_NAMES:  # a known town in a US state
        return (state is not None and state != obj.label) or code != "US"
    other = _unique_town(gaz, obj)  # a known town in another known town
    return other is not None and other[0] != code


def _country_code(gaz: Gazetteer, ent: DocEntity) -> str | None:
    """The code of a country entity the gazetteer knows."""
    if ent.type != "Country":
        return None
    entry = gaz.country(ent.label)
    return entry.code if entry is not None else None


def _unique_town(gaz: Gazetteer, ent: DocEntity) -> tuple[str, str | None] | None:
    """The (country, US state) of a place the table knows as one town only, not a US state."""
    if ent.type != "Place" or ent.label in US_STATE_NAMES or not gaz.place_unique(ent.label):
        return None
    return gaz.place_country(ent.label)
