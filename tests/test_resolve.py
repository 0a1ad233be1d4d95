"""Tests for corpus-level resolution (graphbuild.resolve): identity, homonyms, ids, order invariance."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphbuild.model import DocEntity, DocResult, Document, Mention, Merge
from graphbuild.resolve import entity_id, resolve, slugify


def doc(doc_id: str, *ents: tuple[str, str]) -> DocResult:
    """A DocResult whose entities are (label, type) pairs, one mention each."""
    out = []
    pos = 0
    for i, (label, typ) in enumerate(ents):
        out.append(DocEntity(f"e{i}", label, typ, (Mention(pos, pos + len(label), label, 0, 100),)))
        pos += len(label) + 1
    return DocResult(Document(id=doc_id, text=" ".join(label for label, _ in ents)), tuple(out), (), ())


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Antony Blinken", "antony-blinken"),
        ("Volodymyr Zelenskyy", "volodymyr-zelenskyy"),
        ("Côte d'Ivoire", "cote-d-ivoire"),
        ("  United  States ", "united-states"),
        ("Москва", ""),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    """slugify: NFKD, ASCII, lower, non-alphanumerics collapsed to '-'."""
    assert slugify(text) == slug


def test_entity_id_hash_fallback() -> None:
    """entity_id: an empty slug falls back to a stable hash."""
    a = entity_id("Place", "Москва")
    assert a.startswith("place/h-") and a == entity_id("Place", "Москва")
    assert entity_id("Country", "United States") == "country/united-states"


def test_same_person_in_two_documents_is_one_entity() -> None:
    """Cross-document identity: the same full name and type gives one id."""
    ents, of = resolve([doc("a", ("Antony Blinken", "Person")), doc("b", ("Antony Blinken", "Person"))])
    assert [e.id for e in ents] == ["person/antony-blinken"]
    assert of[("a", "e0")] == of[("b", "e0")] == "person/antony-blinken"
    assert len(ents[0].mentions) == 2
    assert [(m.rule, m.doc) for m in ents[0].merges] == [("same-name", "b")]


def test_surname_only_document_joins_the_unique_full_name() -> None:
    """Cross-document surname: "Blinken" alone joins the only full-name Blinken."""
    ents, of = resolve([doc("a", ("Antony Blinken", "Person")), doc("b", ("Blinken", "Person"))])
    assert of[("b", "e0")] == "person/antony-blinken"
    assert ents[0].label == "Antony Blinken" and "Blinken" in ents[0].aliases
    assert any(m.rule == "surname" for m in ents[0].merges)


def test_homonyms_stay_apart() -> None:
    """Homonym guard: two Smiths with different first names never merge; a bare Smith stays apart."""
    results = [
        doc("a", ("John Smith", "Person")),
        doc("b", ("Adam Smith", "Person")),
        doc("c", ("Smith", "Person")),
    ]
    ents, of = resolve(results)
    assert len({of[("a", "e0")], of[("b", "e0")], of[("c", "e0")]}) == 3
    assert {e.label for e in ents} == {"John Smith", "Adam Smith", "Smith"}


def test_surname_with_conflicting_first_name_in_its_document() -> None:
    """Homonym guard: a bare Smith in a document that names another Smith does not join John Smith."""
    results = [
        doc("a", ("John Smith", "Person")),
        doc("b", ("Mary Smith", "Person"), ("Smith", "Person")),
    ]
    _, of = resolve(results)
    assert of[("b", "e1")] not in {of[("a", "e0")], of[("b", "e0")]}


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("George W. Bush", "George Bush", True),
        ("J. Smith", "John Smith", True),
        ("K. Smith", "John Smith", False),
    ],
)
def test_name_variants_and_initials(a: str, b: str, same: bool) -> None:
    """Cross-document: a middle initial or a first initial joins the only compatible full name."""
    _, of = resolve([doc("x", (a, "Person")), doc("y", (b, "Person"))])
    assert (of[("x", "e0")] == of[("y", "e0")]) is same


def test_countries_merge_and_keep_wikidata() -> None:
    """Countries merge by canonical label; the Q-id is kept."""
    r1 = DocResult(
        Document(id="a", text="US"),
        (DocEntity("e0", "United States", "Country", (Mention(0, 2, "US", 0, 2),), ("US",), (), "Q30"),),
        (),
        (),
    )
    ents, _ = resolve([r1, doc("b", ("United States", "Country"))])
    assert len(ents) == 1 and ents[0].wikidata == "Q30" and ents[0].aliases == ("US",)


def test_same_label_different_types_stay_apart() -> None:
    """Different types never merge: a Person "Washington" is not the Place."""
    ents, _ = resolve([doc("a", ("Washington", "Place")), doc("b", ("Washington", "Person"))])
    assert sorted(e.id for e in ents) == ["person/washington", "place/washington"]


def test_id_collision_is_disambiguated() -> None:
    """Two different entities with one slug get distinct, deterministic ids."""
    ents, _of = resolve([doc("a", ("St. John", "Place")), doc("b", ("St John", "Place"))])
    ids = sorted(e.id for e in ents)
    assert len(ids) == 2 and ids[0] == "place/st-john" and ids[1].startswith("place/st-john-")
    again, _ = resolve([doc("b", ("St John", "Place")), doc("a", ("St. John", "Place"))])
    assert sorted(e.id for e in again) == ids


def test_doc_merges_are_kept() -> None:
    """Within-document merges travel to the corpus entity."""
    m = Merge("surname", "Lammy", "David Lammy", "a", "only David in the document")
    r = DocResult(
        Document(id="a", text="David Lammy Lammy"),
        (
            DocEntity(
                "e0",
                "David Lammy",
                "Person",
                (Mention(0, 11, "David Lammy", 0, 17), Mention(12, 17, "Lammy", 0, 17)),
                ("Lammy",),
                (m,),
            ),
        ),
        (),
        (),
    )
    ents, _ = resolve([r])
    assert ents[0].merges == (m,)


NAMES = st.sampled_from(
    [
        ("John Smith", "Person"),
        ("Adam Smith", "Person"),
        ("Smith", "Person"),
        ("J. Smith", "Person"),
        ("Antony Blinken", "Person"),
        ("Blinken", "Person"),
        ("United States", "Country"),
        ("St. John", "Place"),
        ("St John", "Place"),
        ("Kremlin", "Organization"),
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(NAMES, min_size=1, max_size=4, unique=True), min_size=1, max_size=6), st.randoms())
def test_resolve_is_invariant_to_document_order(docs: list[list[tuple[str, str]]], rnd: object) -> None:
    """resolve() gives the same entities and map whatever the order of the documents."""
    results = [doc(f"d{i}", *ents) for i, ents in enumerate(docs)]
    shuffled = list(results)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert resolve(results) == resolve(shuffled)


def textdoc(doc_id: str, text: str, *ents: tuple[str, str]) -> DocResult:
    """A DocResult over ``text`` whose entities (name, type) are mentioned wherever the name occurs."""
    out = []
    for i, (label, typ) in enumerate(ents):
        starts = [j for j in range(len(text)) if text.startswith(label, j)]
        mentions = tuple(Mention(s, s + len(label), label, 0, len(text)) for s in starts)
        out.append(DocEntity(f"e{i}", label, typ, mentions))
    return DocResult(Document(id=doc_id, text=text), tuple(out), (), ())


def blair_corpus(n_tony: int, n_cherie: int) -> list[DocResult]:
    """``n_tony`` documents naming Tony Blair ("Mr Blair"), ``n_cherie`` naming Cherie Blair ("Mrs Blair")."""
    tony = [textdoc(f"t{i}", "Tony Blair spoke. Mr Blair left.", ("Tony Blair", "Person")) for i in range(n_tony)]
    cherie = [textdoc(f"c{i}", "Mrs Cherie Blair spoke.", ("Cherie Blair", "Person")) for i in range(n_cherie)]
    return tony + cherie


def test_dominant_full_name_takes_the_bare_surname() -> None:
    """Rule surname.dominant: "Blair" alone joins Tony Blair, named in 3x the documents of other Blairs; counts recorded."""
    ents, of = resolve([*blair_corpus(3, 1), textdoc("x", "Blair said no.", ("Blair", "Person"))])
    assert of[("x", "e0")] == "person/tony-blair"
    tony = next(e for e in ents if e.id == "person/tony-blair")
    merge = next(m for m in tony.merges if m.rule == "surname.dominant")
    assert merge.doc == "x" and "Tony Blair 3" in merge.evidence and "Cherie Blair 1" in merge.evidence


def test_no_dominant_full_name_keeps_the_surname_apart() -> None:
    """Rule surname.dominant: 2 documents against 1 is not dominance; "Blair" stays its own node."""
    _, of = resolve([*blair_corpus(2, 1), textdoc("x", "Blair said no.", ("Blair", "Person"))])
    assert of[("x", "e0")] == "person/blair"


def test_mr_never_joins_a_person_written_mrs() -> None:
    """Honorific guard: "Mr Blair" skips Cherie Blair ("Mrs"), "Mrs Blair" skips Tony Blair ("Mr")."""
    _, of = resolve(
        [
            *blair_corpus(1, 3),
            textdoc("m", "Mr Blair said no.", ("Blair", "Person")),
            textdoc("f", "Mrs Blair said no.", ("Blair", "Person")),
        ]
    )
    assert of[("m", "e0")] == "person/tony-blair"
    assert of[("f", "e0")] == "person/cherie-blair"
    _, of = resolve([*blair_corpus(0, 1), textdoc("m", "Mr Blair said no.", ("Blair", "Person"))])
    assert of[("m", "e0")] == "person/blair"


def test_each_bare_surname_is_resolved_on_its_own_document() -> None:
    """Homonym guard: a bare "Smith" beside Mary Smith stays apart even when another document's "Smith" joins John Smith."""
    _, of = resolve(
        [
            *(doc(f"a{i}", ("John Smith", "Person")) for i in range(3)),
            doc("b", ("Smith", "Person")),
            doc("c", ("Mary Smith", "Person"), ("Smith", "Person")),
        ]
    )
    assert of[("b", "e0")] == of[("a0", "e0")] == "person/john-smith"
    assert of[("c", "e1")] not in {of[("a0", "e0")], of[("c", "e0")]}


FAMILY_TEXTS = st.sampled_from(
    [
        ("Tony Blair spoke. Mr Blair left.", ("Tony Blair", "Person"), ("Blair", "Person")),
        ("Mrs Cherie Blair spoke.", ("Cherie Blair", "Person")),
        ("Blair said no.", ("Blair", "Person")),
        ("T. Blair and J. Smith met.", ("T. Blair", "Person"), ("J. Smith", "Person")),
        ("John Smith met Adam Smith in St. John.", ("John Smith", "Person"), ("Adam Smith", "Person"),
         ("St. John", "Place")),
        ("Smith went to St John.", ("Smith", "Person"), ("St John", "Place")),
        ("The United States and the Kremlin.", ("United States", "Country"), ("Kremlin", "Organization")),
        ("Kremlin Smith, the Kremlin said.", ("Kremlin Smith", "Person"), ("Kremlin", "Organization")),
    ]
)


@settings(max_examples=80, deadline=None)
@given(st.lists(FAMILY_TEXTS, min_size=2, max_size=10), st.data())
def test_resolution_add_equals_resolving_everything(docs: list[tuple[Any, ...]], data: st.DataObject) -> None:
    """Resolution(first).add(rest) gives exactly resolve(first + rest): what an incremental build relies on."""
    from graphbuild.resolve import Resolution

    results = [textdoc(f"d{i:02d}", text, *ents) for i, (text, *ents) in enumerate(docs)]
    order = data.draw(st.permutations(range(len(results))))
    cut = data.draw(st.integers(min_value=0, max_value=len(results)))
    first = [results[i] for i in order[:cut]]
    rest = [results[i] for i in order[cut:]]
    res = Resolution(first)
    split = data.draw(st.integers(min_value=0, max_value=len(rest)))
    res.add(rest[:split])
    res.add(rest[split:])
    assert res.result() == resolve(results)


def test_resolution_add_refuses_a_document_twice() -> None:
    """Adding documents already resolved is a programming error, not a silent double count."""
    from graphbuild.resolve import Resolution

    res = Resolution([doc("a", ("Antony Blinken", "Person"))])
    with pytest.raises(ValueError, match="already resolved"):
        res.add([doc("a", ("Antony Blinken", "Person"))])


def test_generic_organisation_without_country_stays_per_document() -> None:
    """Generic bodies: "Treasury" in two articles is two entities (the US one, the UK one); a qualified label
    ("Treasury (United Kingdom)") and a proper name ("Acme Bank Holdings") still join across articles."""
    ents, of = resolve(
        [
            doc("a", ("Treasury", "Organization"), ("Treasury (United Kingdom)", "Organization"),
                ("Acme Holdings", "Organization")),
            doc("b", ("Treasury", "Organization"), ("Treasury (United Kingdom)", "Organization"),
                ("Acme Holdings", "Organization")),
        ]
    )
    assert of[("a", "e0")] != of[("b", "e0")]
    assert of[("a", "e1")] == of[("b", "e1")] == "organization/treasury-united-kingdom"
    assert of[("a", "e2")] == of[("b", "e2")]
    assert sorted(e.label for e in ents) == ["Acme Holdings", "Treasury", "Treasury", "Treasury (United Kingdom)"]


def test_given_name_sex_guards_a_bare_surname() -> None:
    """Honorific guard: "Mrs Howard" never joins Michael Howard (a man's given name); "Mr Howard" does."""
    howards = [textdoc(f"h{i}", "Michael Howard spoke.", ("Michael Howard", "Person")) for i in range(3)]
    _, of = resolve([*howards, textdoc("f", "Mrs Howard said no.", ("Howard", "Person"))])
    assert of[("f", "e0")] == "person/howard"
    _, of = resolve([*howards, textdoc("m", "Mr Howard said no.", ("Howard", "Person"))])
    assert of[("m", "e0")] == "person/michael-howard"


def test_royal_title_name_never_joins_a_surname() -> None:
    """A name after a royal title is a given name: "Prince Edmund" is not the singer Rosa Edmund; "Prince Edmund"
    of two documents is one person; a bare "Edmund" still joins the only full-name Edmund."""
    singer = [textdoc(f"s{i}", "Rosa Edmund sang.", ("Rosa Edmund", "Person")) for i in range(3)]
    prince = [textdoc(f"p{i}", "Prince Edmund visited Leeds.", ("Edmund", "Person")) for i in range(2)]
    bare = textdoc("b", "Then Edmund sang again.", ("Edmund", "Person"))
    _, of = resolve([*singer, *prince, bare])
    assert of[("p0", "e0")] == of[("p1", "e0")] != of[("s0", "e0")]
    assert of[("b", "e0")] == of[("s0", "e0")] == "person/rosa-edmund"


def test_club_tail_word_never_joins_across_documents() -> None:
    """ "United" alone (Leeds United in one report, an airline in the next) stays in its own document."""
    _, of = resolve([doc("a", ("United", "Organization")), doc("b", ("United", "Organization")),
                     doc("c", ("Arsenal", "Organization")), doc("d", ("Arsenal", "Organization"))])
    assert of[("a", "e0")] != of[("b", "e0")]
    assert of[("c", "e0")] == of[("d", "e0")]


def test_royal_title_before_one_mention_is_enough() -> None:
    """ "Prince Edmund ... Edmund ... Edmund": one royal title keeps the bare name from a surname join."""
    singer = [textdoc(f"s{i}", "Rosa Edmund sang.", ("Rosa Edmund", "Person")) for i in range(3)]
    prince = textdoc("p", "Edmund left. Edmund came back. Prince Edmund spoke.", ("Edmund", "Person"))
    _, of = resolve([*singer, prince])
    assert of[("p", "e0")] != of[("s0", "e0")]
