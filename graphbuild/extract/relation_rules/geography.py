"""Geography inferred from a document's other facts: a town's country from the place table, and containment
carried along a chain of places.

These run after the sentence rules (:data:`graphbuild.extract.relations.INFERENCES`), over the relations they
found, and only add what the text does not contradict:

- ``located_in.gazetteer``: a town or US state the place table knows is in the country (and a US town in the
  state) that the same document names: an article on "Sacramento" that names the United States gets
  Sacramento located_in United States.  A place the text already puts in another country is left alone.
- ``located_in.closure`` / ``based_in.closure``: A in B and B in C give A in C ("Roketsan is based in Ankara"
  and "Ankara , Turkey" give Roketsan based_in Turkey); the evidence is the sentence of A in B.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from graphbuild.extract.common import Hit
from graphbuild.extract.lexicon import POST_HEADS, TITLES
from graphbuild.extract.relation_rules.base import _FACILITY_HEADS, Context
from graphbuild.gazetteer import Gazetteer, gazetteer
from graphbuild.model import DocEntity, Relation

#: Relations that put their subject inside their object.
_INSIDE = frozenset({"located_in", "based_in"})
#: Containers a chain may continue through.
_CONTAINERS = frozenset({"Place", "Country"})
#: Longest chain followed (A in B in C in D).
_MAX_HOPS = 3


def infer_place_country(ctx: Context, relations: list[Relation]) -> Iterator[Relation]:
    """``located_in.gazetteer``: a known town's country (and a US town's state) when the document names it."""
    gaz = gazetteer()
    entities = {e.key: e for e in ctx.index.entities}
    countries: dict[str, DocEntity] = {}
    states: dict[str, DocEntity] = {}
    # a country counts when named other than as a post's body ("the 34th President of the United States", "U.S.
    # Ambassador"); a nationality word counts ("the German city", "American visitors")
    named = {hit.entity.key for s, e, hit in ctx.index.spans if hit.entity.type == "Country" and not _in_post(ctx, s, e)}
    for ent in entities.values():
        if ent.type == "Country" and ent.key in named and (entry := gaz.country(ent.label)) is not None and entry.code:
            countries.setdefault(entry.code, ent)
        elif ent.type == "Place":
            states.setdefault(ent.label, ent)
    if not countries and not states:
        return
    stated: dict[str, set[str]] = {}  # place -> the containers the text puts it in
    for rel in relations:
        if rel.relation in _INSIDE:
            stated.setdefault(rel.subject, set()).add(rel.object)
    usable: dict[str, list[tuple[int, Hit]]] = {}  # place -> its mentions written as a place
    sents_of: dict[str, dict[int, tuple[int, Hit]]] = {}  # entity -> sentence start -> a mention there
    for s, e, hit in ctx.index.spans:
        sents_of.setdefault(hit.entity.key, {}).setdefault(hit.mention.sentence_start, (s, hit))
        if hit.entity.type != "Place" or _dateline(ctx, s, hit):
            continue
        # a capital often stands for its government ("Baghdad says"): only a capital written as a location counts
        if hit.entity.label not in gaz.capitals or _locative(ctx, s, e):
            usable.setdefault(hit.entity.key, []).append((s, hit))
    for key, mentions in usable.items():
        ent = entities[key]
        if (found := gaz.place_country(ent.label)) is None:
            continue
        code, state = found
        if code in _DISPUTED:  # whose town a disputed territory's is, the table cannot say
            continue
        inside = stated.get(key, set())
        # "Paris , Texas": a place the text puts in another country or state is not the table's town
        if any(_elsewhere(gaz, entities[o], code, state) for o in inside if o in entities):
            continue
        for target in (countries.get(code), states.get(state) if state else None):
            if target is None or target.key == key or target.key in inside:
                continue
            tok, hit = mentions[0]
            otext = target.label
            both = [m for m in mentions if m[1].mention.sentence_start in sents_of.get(target.key, {})]
            if both:  # a sentence that names both: its surfaces are the evidence
                tok, hit = both[0]
                otext = sents_of[target.key][hit.mention.sentence_start][1].mention.text
            yield ctx.rel(hit, "located_in", target, ctx.sent_of[tok], "located_in.gazetteer", 0.6, object_text=otext)


def _elsewhere(gaz: Gazetteer, container: DocEntity, code: str, state: str | None) -> bool:
    """Whether a container the text names for a town contradicts the table: another country, another US state
    ("Paris , Texas" is not the French Paris)."""
    if container.type == "Country":
        entry = gaz.country(container.label)
        return entry is not None and entry.code != code
    other = gaz.place_country(container.label)
    if other is None or container.label == state:
        return False
    return other[0] != code or (other[1] is None and state is not None)


#: Prepositions that put what they govern as a location ("in Coimbra", "near Harbin").
_LOCATIVE_PREPS = frozenset({"in", "at", "near", "from", "outside", "around", "inside", "across", "throughout"})


#: Territories whose towns the place table gives a country that is disputed (Gaza, East Jerusalem, Laayoune).
_DISPUTED = frozenset({"PS", "EH", "TW", "XK"})


def _in_post(ctx: Context, s: int, e: int) -> bool:
    """Whether the mention at tokens [s, e) names the body of a post: "U.S. Ambassador", "President of the
    United States"."""
    doc = ctx.doc
    if e < len(doc) and (doc[e].lower_ in TITLES or doc[e].lower_ in POST_HEADS):
        return True
    j = s - 1
    if j >= 0 and doc[j].lower_ == "the":
        j -= 1
    return j >= 1 and doc[j].lower_ == "of" and (doc[j - 1].lower_ in TITLES or doc[j - 1].lower_ in POST_HEADS)


def _dateline(ctx: Context, s: int, hit: Hit) -> bool:
    """A dateline's place ("BONN 1996-08-30"): all capitals at the start of a sentence."""
    text = hit.mention.text
    return s == ctx.sent_of[s].start and text.isupper() and len(text) > 2


def _locative(ctx: Context, s: int, e: int) -> bool:
    """Whether the mention at tokens [s, e) is written as a location ("in Coimbra", "born in Harbin , China",
    "in Kiruna and Malmberget"), not as an actor ("Baghdad says", "Bonn 's ministry") or a dateline: only then
    is the town the reader is told about a place the table can put in a country."""
    tok = ctx.doc[e - 1]
    for _ in range(3):
        if tok.dep_ == "pobj":
            return tok.head.lower_ in _LOCATIVE_PREPS
        if tok.dep_ not in ("conj", "appos", "compound") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def infer_containment(ctx: Context, relations: list[Relation]) -> Iterator[Relation]:
    """``located_in.closure`` / ``based_in.closure``: A in B and B in C give A in C (up to three hops)."""
    types = {e.key: e.type for e in ctx.index.entities}
    labels = {e.key: e.label for e in ctx.index.entities}
    outer: dict[str, list[Relation]] = {}
    linked: set[tuple[str, str]] = set()
    for rel in relations:
        if rel.relation in _INSIDE and rel.subject != rel.object:
            outer.setdefault(rel.subject, []).append(rel)
            linked.add((rel.subject, rel.object))
    frontier = [r for rels in outer.values() for r in rels]
    for _ in range(_MAX_HOPS - 1):
        added: list[Relation] = []
        for rel in frontier:
            if types.get(rel.object) not in _CONTAINERS:
                continue
            for nxt in outer.get(rel.object, ()):
                if nxt.relation != "located_in" or nxt.object == rel.subject or (rel.subject, nxt.object) in linked:
                    continue
                linked.add((rel.subject, nxt.object))
                ev = rel.evidence
                new = replace(rel, object=nxt.object, former=False, evidence=replace(
                    ev, object_text=labels.get(nxt.object, ev.object_text),
                    rule=f"{rel.relation}.closure", confidence=round(min(ev.confidence, nxt.evidence.confidence) * 0.8, 3)))
                added.append(new)
                yield new
        for rel in added:
            outer.setdefault(rel.subject, []).append(rel)
        frontier = added
        if not frontier:
            break


def infer_name_home(ctx: Context, relations: list[Relation]) -> Iterator[Relation]:
    """``based_in.name`` / ``located_in.name``: an organisation or facility whose name carries a place the
    document also names on its own: "the University of Alberta" and "Alberta", "Calgary City Council" and
    "Calgary" (a facility is located_in: "Kahului Airport")."""
    places = {e.label: e for e in ctx.index.entities if e.type in _CONTAINERS}
    if not places:
        return
    linked = {(r.subject, r.object) for r in relations if r.relation in _INSIDE}
    first: dict[str, tuple[int, Hit]] = {}
    for s, _e, hit in ctx.index.spans:
        first.setdefault(hit.entity.key, (s, hit))
    for ent in ctx.index.entities:
        if ent.type != "Organization" or ent.key not in first or ent.label in places:
            continue
        words = ent.label.split()
        if len(words) < 2 or any(w.lower() in ("v", "v.", "vs", "vs.", "versus") for w in words):
            continue  # a fixture ("Leeds v Nottingham Forest") is no body with a home
        found = None
        if words[-1].lower() in _ORG_HEADS:  # "Calgary City Council": the longest place first
            for n in range(len(words) - 1, 0, -1):
                if (place := places.get(" ".join(words[:n]))) is not None:
                    found = place
                    break
        if found is None and (k := _last_of(words)) is not None and words[k - 1].lower() in _ORG_HEADS:
            found = places.get(" ".join(words[k + 1:]))  # "the University of Alberta"
        if found is None or found.key == ent.key or (ent.key, found.key) in linked:
            continue
        tok, hit = first[ent.key]
        facility = words[-1].lower() in _FACILITY_HEADS
        relation = "located_in" if facility else "based_in"
        yield ctx.rel(hit, relation, found, ctx.sent_of[tok], f"{relation}.name", 0.6, object_text=found.label)


#: Last words of organisation names that say what kind of body it is; only then does a place in the name
#: say where it is ("Boston Marathon", "Boston Bombing Suspect" are not bodies).
_ORG_HEADS = _FACILITY_HEADS | frozenset(
    {"council", "university", "college", "school", "academy", "bank", "club", "company", "corporation", "corp",
     "inc", "ltd", "exchange", "institute", "authority", "department", "ministry", "police", "agency", "association",
     "society", "board", "commission", "union", "federation", "league", "orchestra", "library", "times", "post",
     "herald", "tribune", "gazette", "airlines", "airways", "railway", "railways", "fc", "assembly", "court",
     "church", "diocese", "archdiocese", "government", "army", "navy", "symphony", "opera", "records", "press",
     "county", "city", "utility", "group", "trust", "foundation", "centre", "center", "observatory", "zoo",
     "port", "harbour", "parliament", "senate", "legislature", "guard", "brigade", "regiment", "district",
     "congress", "force", "forces", "corps", "service", "office", "committee", "bureau", "institution",
     "museum", "hospital", "newspaper", "radio", "television", "broadcasting", "airport", "railroad"})


def _last_of(words: list[str]) -> int | None:
    """The index of the last "of" in a name, when a name follows it ("University of Alberta")."""
    for k in range(len(words) - 2, 0, -1):
        if words[k] == "of":
            return k
    return None
