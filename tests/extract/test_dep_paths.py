"""The dependency-path rule: path spelling, the shipped pattern table, and its relations on hand-written sentences."""

from __future__ import annotations

from importlib import resources

import pytest

from graphbuild.extract import dep_paths
from graphbuild.extract.common import EntityIndex
from graphbuild.extract.entities import extract_entities
from graphbuild.extract.relations import RULES, Context
from graphbuild.model import Document

Triple = tuple[str, str, str]


def _dep_path_triples(nlp, text: str) -> set[Triple]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    document = Document(id="t", text=text)
    index = EntityIndex(doc, extract_entities(doc, document))
    out = set()
    for r in RULES["graphbuild.dep_path.v1"](Context(doc, index, document)):
        ev = r.evidence
        assert text[ev.sentence_start:ev.sentence_end] == ev.sentence
        assert ev.subject_text in ev.sentence and ev.object_text in ev.sentence
        assert ev.rule.startswith("dep_path:p") and 0.0 < ev.confidence <= 1.0
        out.add((ev.subject_text, r.relation, ev.object_text))
    return out


def test_table_rows_are_well_formed() -> None:
    """Every row of the shipped table has known level, types and relation, support ≥ 1 and 0 < precision ≤ 1."""
    text = resources.files("graphbuild").joinpath("data", dep_paths.TABLE).read_text(encoding="utf-8")
    table = dep_paths.parse_table(text)
    assert len(table) > 100
    ids = [p.id for p in table.values()]
    assert len(ids) == len(set(ids))
    fine = {"Person", "Place", "Country", "Organization"}
    for pat in table.values():
        types = fine if pat.level in ("lex", "surface", "delex") else (
            {dep_paths.ANY_TYPE} if pat.level.endswith("_any") else {"PER", "ENT"})
        assert pat.subject_type in types and pat.object_type in types, pat
        assert pat.relation in dep_paths.RELATION_TYPES or pat.relation == dep_paths.NONE, pat
        assert pat.support >= 1 and 0.0 < pat.precision <= 1.0, pat
        assert pat.path and "\t" not in pat.path


def test_any_level_guards() -> None:
    """A type-agnostic row may link a person the entity layer typed Organization, never a place as a killer,
    and an affiliation only with an Organization."""
    row = dep_paths.PathPattern("p1", "lex_any", "*", "*", "<nsubj be >attr", "lives_in", 3, 0.9)
    assert dep_paths.permits(row, "Organization", "Place")
    assert not dep_paths.permits(row, "Place", "Place")
    aff = dep_paths.PathPattern("p2", "lex_any", "*", "*", "<appos spokesman >prep for >pobj", "affiliated_with", 3, 0.9)
    assert dep_paths.permits(aff, "Organization", "Organization")
    assert not dep_paths.permits(aff, "Person", "Place")
    typed = dep_paths.PathPattern("p3", "lex", "Person", "Place", "<nsubj bear >prep in >pobj", "lives_in", 3, 0.9)
    assert not dep_paths.permits(typed, "Organization", "Place")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id\tlevel\n", "header"),
        ("\t".join(dep_paths.COLUMNS) + "\np1\tlex\tPerson\tPlace\t>prep in >pobj\tlives_in\t2\n", "columns"),
        ("\t".join(dep_paths.COLUMNS) + "\np1\tlex\tPerson\tPlace\t>prep\tmarried_to\t2\t0.9\n", "unknown"),
    ],
)
def test_bad_table_is_refused(text: str, message: str) -> None:
    """A malformed table fails with a message naming the problem."""
    with pytest.raises(ValueError, match=message):
        dep_paths.parse_table(text)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "subject", "obj", "expected"),
    [
        ("Maria Lopez works for Acme Corporation.", "Maria", "Acme", "<nsubj work >prep for >pobj"),
        ("Tom Hart, a lawyer for the Treasury, spoke.", "Hart", "Treasury", ">appos lawyer >prep for >pobj"),
    ],
)
def test_lexical_path(nlp, text: str, subject: str, obj: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    """The lexical path climbs from the subject's head and descends to the object's, with lemmas between."""
    doc = nlp(text)
    a = next(t for t in doc if t.text == subject)
    b = next(t for t in doc if t.text == obj)
    a = a.head if a.dep_ == "compound" else a
    b = b.head if b.dep_ == "compound" else b
    found = dep_paths.paths(a, b)
    assert found is not None and found["lex"] == expected


@pytest.mark.model
def test_conjuncts_share_the_first_conjunct_path(nlp) -> None:  # type: ignore[no-untyped-def]
    """"Smith and Jones work for Acme": Jones is read through Smith, so both get the same path."""
    doc = nlp("Peter Smith and Anna Jones work for Acme Corporation.")
    smith, jones, acme = doc[1], doc[4], doc[8]
    assert dep_paths.paths(jones, acme) == dep_paths.paths(smith, acme)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mark Evans, who assassinated Governor Paul Reed in 1911, was hanged.",
         ("Mark Evans", "killed", "Paul Reed")),
        ("Anna Berg, a spokeswoman for the Red Cross, declined to comment.",
         ("Anna Berg", "affiliated_with", "Red Cross")),
        ("Tom Hart and Mary Cole of the Treasury declined to comment.",
         ("Mary Cole", "affiliated_with", "Treasury")),
    ],
)
def test_dep_path_rule(nlp, text: str, expected: Triple) -> None:  # type: ignore[no-untyped-def]
    """The rule finds the relation of hand-written sentences, one per conjunct, with honest evidence."""
    assert expected in _dep_path_triples(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Anna Berg, speaking in London on Tuesday, said nothing new.", ("Anna Berg", "lives_in", "London")),
        ("Peter Smith met Anna Jones in Paris.", ("Peter Smith", "killed", "Anna Jones")),
        ("The wreck was found below the surface of Lake Constance , Swiss police said Tuesday .",
         ("Lake Constance", "located_in", "Swiss")),
        ("Amnesty International UK also questioned whether the decisions were right .",
         ("UK", "located_in", "Amnesty International")),
        ("The Bahamas , East Timor , Madagascar and Swaziland are among the areas affected .",
         ("East Timor", "located_in", "Madagascar")),
    ],
)
def test_dep_path_rule_negative(nlp, text: str, absent: Triple) -> None:  # type: ignore[no-untyped-def]
    """A visit or a meeting is not residence or a killing; a nationality word, a longer organisation name or the
    next item of an enumeration is not where a place lies."""
    assert absent not in _dep_path_triples(nlp, text)


@pytest.mark.model
def test_learnt_paths_never_give_containment(nlp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """A learnt row saying ``located_in`` or ``based_in`` places nothing: containment is the geography rules'
    (lists of clubs, towns or nominees read as one inside another). The positive tests above show the other
    relations' rows still link."""
    text = "Acme Corporation opened a plant in Ohio."
    doc = nlp(text)
    document = Document(id="t", text=text)
    index = EntityIndex(doc, extract_entities(doc, document))
    spans = {h.mention.text: (s, e, h) for s, e, h in index.spans}
    (s1, e1, org), (s2, e2, ohio) = spans["Acme Corporation"], spans["Ohio"]
    assert org.entity.type == "Organization"
    key = dep_paths.keys(doc, (s1, e1), (s2, e2), org.entity.type, ohio.entity.type)[0]
    for relation, expected in (("located_in", []), ("based_in", [])):
        row = dep_paths.PathPattern("p1", *key, relation, 3, 0.9)
        monkeypatch.setattr(dep_paths, "load_table", lambda row=row: {row.key(): row})
        rels = list(RULES["graphbuild.dep_path.v1"](Context(doc, index, document)))
        assert [(r.evidence.subject_text, r.relation, r.evidence.object_text) for r in rels] == expected
