"""Tests for the entity rules of graphbuild.extract.entities (hand-built Docs, plus the seed with the model)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from graphbuild.extract.entities import SPORT_EVENT_WORDS, entity_at, extract_entities
from graphbuild.model import DocEntity, Document, Mention

VOCAB = Vocab()
SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seeds" / "kyiv-blinken-lammy.txt"


def mkdoc(text: str, ents: dict[str, str] | None = None, propn: bool = True) -> tuple[Doc, Document]:
    """A Doc from space-separated tokens ("\\n" tokens allowed); ``ents`` maps "i:j" token ranges to labels."""
    words = text.split(" ")
    tags = ["O"] * len(words)
    for rng, label in (ents or {}).items():
        i, j = (int(x) for x in rng.split(":"))
        tags[i] = f"B-{label}"
        for k in range(i + 1, j):
            tags[k] = f"I-{label}"
    starts = [i == 0 or words[i - 1] in {".", "\n"} for i in range(len(words))]
    pos = ["PROPN" if propn and w[:1].isupper() else "X" for w in words]
    doc = Doc(VOCAB, words=words, spaces=[True] * (len(words) - 1) + [False], ents=tags, sent_starts=starts, pos=pos)
    return doc, Document(id="t", text=doc.text)


def summary(ents: tuple[DocEntity, ...]) -> set[tuple[str, str]]:
    """(label, type) of each entity."""
    return {(e.label, e.type) for e in ents}


def find(ents: tuple[DocEntity, ...], label: str) -> DocEntity:
    """The entity labelled ``label``."""
    for e in ents:
        if e.label == label:
            return e
    raise AssertionError(f"{label!r} not in {summary(ents)}")


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("Antony Blinken arrived .", {"0:2": "PERSON"}, {("Antony Blinken", "Person")}),
        ("They met in Pokrovsk .", {"3:4": "GPE"}, {("Pokrovsk", "Place")}),
        ("The Kremlin said no .", {"1:2": "ORG"}, {("Kremlin", "Organization")}),
        ("Talks in Russia 's capital .", {"2:4": "GPE"}, {("Russia", "Country")}),
        ("He left the United States .", {"2:5": "GPE"}, {("United States", "Country")}),
    ],
)
def test_ner_rule_maps_and_trims(text: str, ents: dict[str, str], expected: set[tuple[str, str]]) -> None:
    """Rule ner: spaCy labels map to our four types; articles and possessives are trimmed."""
    doc, d = mkdoc(text, ents)
    assert summary(extract_entities(doc, d)) == expected


@pytest.mark.parametrize(
    ("text", "label", "surface", "rule"),
    [
        ("The US envoy came .", "United States", "US", "gazetteer"),
        ("Britain and France met .", "United Kingdom", "Britain", "gazetteer"),
        ("British support will continue .", "United Kingdom", "British", "demonym"),
        ("They killed Ukrainians .", "Ukraine", "Ukrainians", "demonym"),
        ("Iranian missiles flew .", "Iran", "Iranian", "demonym"),
        ("Russian aggression grew .", "Russia", "Russian", "demonym"),
        ("Officials of the UAE spoke .", "United Arab Emirates", "UAE", "gazetteer"),
    ],
)
def test_country_gazetteer_and_demonyms(text: str, label: str, surface: str, rule: str) -> None:
    """Rules gazetteer/demonym: country names, codes and nationality words are Country mentions."""
    doc, d = mkdoc(text)
    ent = find(extract_entities(doc, d), label)
    assert ent.type == "Country"
    assert [(m.text, m.rule) for m in ent.mentions] == [(surface, rule)]
    assert ent.wikidata is not None and ent.wikidata.startswith("Q")


def test_pronoun_us_is_not_a_country() -> None:
    """Rule gazetteer: the pronoun "us" never matches the code "US"."""
    doc, d = mkdoc("He told us nothing .")
    assert extract_entities(doc, d) == ()


@pytest.mark.parametrize(
    ("text", "ents", "label"),
    [
        ("Troops entered Russia 's Kursk region .", {"4:5": "PRODUCT"}, "Kursk region"),
        ("Fighting in the eastern Donetsk region .", {}, "Donetsk region"),
        ("Shelling hit Kharkiv Oblast overnight .", {}, "Kharkiv Oblast"),
    ],
)
def test_region_rule(text: str, ents: dict[str, str], label: str) -> None:
    """Rule region: "X region" / "X Oblast" is one Place mention including the suffix."""
    doc, d = mkdoc(text, ents)
    ent = find(extract_entities(doc, d), label)
    assert ent.type == "Place"
    assert ent.mentions[0].text == label and ent.mentions[0].rule == "region"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KYIV ( Ukraine ) : The talks began .", {("Kyiv", "Place"), ("Ukraine", "Country")}),
        ("LONDON ( Reuters ) - Shares fell .", {("London", "Place")}),
        ("WASHINGTON — The talks began .", {("Washington", "Place")}),
        ("SOCCER - RESULTS \n BRUSSELS 1996-08-22 \n Shares fell .", {("Brussels", "Place")}),
    ],
)
def test_dateline_rule(text: str, expected: set[tuple[str, str]]) -> None:
    """Rule dateline: the place (and a country in brackets) opening an article."""
    doc, d = mkdoc(text)
    ents = extract_entities(doc, d)
    assert expected <= summary(ents)
    assert all(m.rule in {"dateline", "headline"} for e in ents for m in e.mentions if e.label != "Reuters")


def test_headline_caps_confirmed_and_unconfirmed() -> None:
    """Rule headline: an all-caps name counts when a table confirms it; spaCy's guess alone does not."""
    doc, d = mkdoc("SOCCER - JAPAN GET LUCKY WIN \n Japan won .", {"0:1": "ORG", "4:5": "ORG"})
    ents = extract_entities(doc, d)
    assert summary(ents) == {("Japan", "Country")}
    assert [m.text for m in find(ents, "Japan").mentions] == ["JAPAN", "Japan"]


@pytest.mark.parametrize(
    ("text", "ents", "label"),
    [
        ("Foreign Secretary David Lammy arrived .", {}, "David Lammy"),
        ("Mr Straw arrived .", {}, "Straw"),
        ("President Putin spoke .", {"1:2": "ORG"}, "Putin"),
        ("Kremlin spokesman Dmitry Peskov spoke .", {}, "Dmitry Peskov"),
    ],
)
def test_title_rule(text: str, ents: dict[str, str], label: str) -> None:
    """Rule title: the name after a title or honorific is a Person."""
    doc, d = mkdoc(text, ents)
    ent = find(extract_entities(doc, d), label)
    assert ent.type == "Person"
    assert ent.mentions[0].rule == "title"


def test_title_word_inside_an_organisation() -> None:
    """Rule title: "General" inside "General Motors" introduces no person."""
    doc, d = mkdoc("General Motors said so .", {"0:2": "ORG"})
    assert summary(extract_entities(doc, d)) == {("General Motors", "Organization")}


def test_said_rule() -> None:
    """Rule said: an untyped proper noun before "said" is a Person."""
    doc, d = mkdoc("Hussain said it was fine .")
    assert summary(extract_entities(doc, d)) == {("Hussain", "Person")}


def test_said_rule_skips_common_nouns() -> None:
    """Rule said: "Analysts said" is no person."""
    doc, d = mkdoc("Analysts said it was fine .", propn=False)
    assert extract_entities(doc, d) == ()


def test_doc_consistency_person() -> None:
    """Rule doc-consistency: a surname typed ORG/GPE elsewhere is the Person, one entity."""
    doc, d = mkdoc(
        "David Lammy arrived . Lammy said yes . Later Lammy left .",
        {"0:2": "PERSON", "4:5": "ORG", "9:10": "GPE"},
    )
    ents = extract_entities(doc, d)
    assert summary(ents) == {("David Lammy", "Person")}
    ent = ents[0]
    assert [m.text for m in ent.mentions] == ["David Lammy", "Lammy", "Lammy"]
    assert [(m.rule, m.alias) for m in ent.merges] == [("surname", "Lammy")]


def test_doc_consistency_adds_missed_mentions() -> None:
    """Rule doc-consistency: an occurrence spaCy missed is added when the name is typed elsewhere."""
    doc, d = mkdoc("Pokrovsk fell . Troops left Pokrovsk .", {"0:1": "GPE"})
    ent = find(extract_entities(doc, d), "Pokrovsk")
    assert [(m.start, m.rule) for m in ent.mentions] == [(0, "ner"), (28, "doc-consistency")]


def test_gazetteer_beats_spacy_person() -> None:
    """Rule gazetteer: a city spaCy typed PERSON is a Place ("Kyiv")."""
    doc, d = mkdoc("Kyiv launched an offensive .", {"0:1": "PERSON"})
    assert summary(extract_entities(doc, d)) == {("Kyiv", "Place")}


def test_ambiguous_surname_stays_unresolved() -> None:
    """Resolution: a surname fitting two people in the document is not guessed."""
    doc, d = mkdoc("John Smith met Adam Smith . Smith said no .", {"0:2": "PERSON", "3:5": "PERSON", "6:7": "PERSON"})
    ents = extract_entities(doc, d)
    assert summary(ents) == {("John Smith", "Person"), ("Adam Smith", "Person"), ("Smith", "Person")}


@pytest.mark.parametrize(
    ("text", "ents", "label", "n"),
    [
        ("J. Smith scored . Smith left .", {}, "J. Smith", 2),
        ("M. Gatting c Smith b Such 34", {"1:2": "PERSON"}, "M. Gatting", 1),
    ],
)
def test_initials_rule(text: str, ents: dict[str, str], label: str, n: int) -> None:
    """Rule initials: an initial and a name form one Person mention."""
    doc, d = mkdoc(text, ents)
    ent = find(extract_entities(doc, d), label)
    assert ent.type == "Person" and len(ent.mentions) == n
    assert ent.mentions[0].text == label


def test_acronym_rule() -> None:
    """Resolution: an acronym joins the only organisation whose initials it spells."""
    doc, d = mkdoc(
        "The Ulster Farmers Union won . The UFU said so .",  # a name the gazetteer does not know
        {"1:4": "ORG", "7:8": "ORG"},
    )
    ents = extract_entities(doc, d)
    assert summary(ents) == {("Ulster Farmers Union", "Organization")}
    assert [m.rule for m in ents[0].merges] == ["acronym"]


def test_sports_team_rule() -> None:
    """Rule sports-team: cities in "X beat Y" are teams (Organization) everywhere in the document."""
    doc, d = mkdoc("Leeds beat Chelsea . Leeds played well .", {"0:1": "GPE", "2:3": "GPE", "4:5": "GPE"})
    ents = extract_entities(doc, d)
    assert summary(ents) == {("Leeds", "Organization"), ("Chelsea", "Organization")}
    assert {m.rule for m in find(ents, "Leeds").mentions} == {"sports-team"}


def test_keys_in_order_of_first_mention() -> None:
    """Keys e0, e1... follow the first mention of each entity; offsets are exact."""
    doc, d = mkdoc("Poland and Russia talked . Poland agreed .")
    ents = extract_entities(doc, d)
    assert [(e.key, e.label) for e in ents] == [("e0", "Poland"), ("e1", "Russia")]
    for e in ents:
        for m in e.mentions:
            assert d.text[m.start : m.end] == m.text


def test_entity_at() -> None:
    """entity_at returns the entity whose mention overlaps the range, else None."""
    ents = (
        DocEntity("e0", "Russia", "Country", (Mention(0, 6, "Russia", 0, 20),)),
        DocEntity("e1", "Kursk region", "Place", (Mention(9, 21, "Kursk region", 0, 20),)),
    )
    assert entity_at(ents, 0, 8) is ents[0]
    assert entity_at(ents, 9, 14) is ents[1]
    assert entity_at(ents, 7, 8) is None


def test_mismatched_text_is_refused() -> None:
    """extract_entities refuses a Doc whose text is not the document's."""
    doc, _ = mkdoc("Poland won .")
    with pytest.raises(ValueError, match="differs"):
        extract_entities(doc, Document(id="x", text="other"))


@pytest.mark.model
def test_seed_article() -> None:
    """The seed article: right types, one entity each, exact mention spans."""
    from graphbuild.nlp import load_pipeline

    if not SEED.exists():
        pytest.skip("../shared/seeds absent")
    text = SEED.read_text(encoding="utf-8")
    ents = extract_entities(load_pipeline()(text), Document(id="seed", text=text))
    expected = {
        ("Antony Blinken", "Person"),
        ("David Lammy", "Person"),
        ("Vladimir Putin", "Person"),
        ("Volodymyr Zelensky", "Person"),
        ("Joe Biden", "Person"),
        ("Dmitry Peskov", "Person"),
        ("Ukraine", "Country"),
        ("United States", "Country"),
        ("United Kingdom", "Country"),
        ("Russia", "Country"),
        ("Iran", "Country"),
        ("Poland", "Country"),
        ("Kyiv", "Place"),
        ("London", "Place"),
        ("Washington", "Place"),
        ("Pokrovsk", "Place"),
        ("Donetsk region", "Place"),
        ("Kursk region", "Place"),
        ("Moscow", "Place"),
        ("Kremlin", "Organization"),
    }
    assert expected <= summary(ents)
    assert len(ents) == len(summary(ents))
    spans = {(m.text, text[m.start : m.end]) for e in ents for m in e.mentions}
    assert all(a == b for a, b in spans)
    surfaces = {m.text for e in ents for m in e.mentions}
    assert {"Kursk region", "KYIV", "US", "British", "Ukrainians", "Iranian"} <= surfaces
    assert "Russia’s" not in surfaces
    assert find(ents, "Kyiv").mentions[0].rule == "dateline"
    blinken = find(ents, "Antony Blinken")
    assert len(blinken.mentions) == 4
    assert find(ents, "United States").wikidata == "Q30"


def test_surname_honorific_rule() -> None:
    """Rule surname.honorific: "Mr Blair" joins Tony Blair, not "Sir Ian Blair" (a knight is never "Mr")."""
    doc, d = mkdoc(
        "Sir Ian Blair spoke . Tony Blair replied . Mr Blair left .",
        {"1:3": "PERSON", "5:7": "PERSON", "10:11": "PERSON"},
    )
    ents = extract_entities(doc, d)
    assert summary(ents) == {("Ian Blair", "Person"), ("Tony Blair", "Person")}
    assert [(m.rule, m.alias) for m in find(ents, "Tony Blair").merges] == [("surname.honorific", "Blair")]


def test_surname_introduced_rule() -> None:
    """Rule surname.introduced: "Mr Howard" first written when only Michael Howard had been named joins him."""
    doc, d = mkdoc(
        "Michael Howard spoke . Mr Howard left . John Howard won . Mr Howard agreed .",
        {"0:2": "PERSON", "5:6": "PERSON", "8:10": "PERSON", "13:14": "PERSON"},
    )
    ents = extract_entities(doc, d)
    assert summary(ents) == {("Michael Howard", "Person"), ("John Howard", "Person")}
    assert len(find(ents, "Michael Howard").mentions) == 3
    assert [m.rule for m in find(ents, "Michael Howard").merges] == ["surname.introduced"]


@pytest.mark.parametrize(
    ("text", "teams"),
    [
        ("Bolton 2 Everton 1", {"Bolton", "Everton"}),
        ("Leicestershire 22 points , Somerset 4 .", {"Leicestershire", "Somerset"}),
        ("Puchon 3 1 0 6 1 10", {"Puchon"}),
        ("Bolton 2 Japan 1", {"Bolton"}),
    ],
)
def test_sports_results_line_rule(text: str, teams: set[str]) -> None:
    """Rule sports.results_line: names with scores on a results or standings line are teams (Organization)."""
    doc, d = mkdoc(text)
    ents = extract_entities(doc, d)
    assert {(t, "Organization") for t in teams} <= summary(ents)
    assert all(m.rule == "sports.results_line" for e in ents if e.label in teams for m in e.mentions)


def test_results_line_keeps_countries() -> None:
    """Rule sports.results_line: a national team is written as its country and stays a Country."""
    doc, d = mkdoc("Japan 2 Syria 1")
    assert summary(extract_entities(doc, d)) == {("Japan", "Country"), ("Syria", "Country")}


def test_results_line_needs_two_scores() -> None:
    """Rule sports.results_line: a single "name number" in prose makes no team."""
    doc, d = mkdoc("Bolton 2 people were hurt .", {"0:1": "GPE"})
    assert summary(extract_entities(doc, d)) == {("Bolton", "Place")}


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "They chanted Vote Blair , Get Brown .",
            {"2:4": "PERSON", "5:7": "PERSON"},
            {("Blair", "Person"), ("Brown", "Person")},
        ),
        ("He rang Lucy later .", {"1:3": "PERSON"}, {("Lucy", "Person")}),
        ("Islamophobia is rising .", {"0:1": "PERSON"}, set()),
        ("Portsmouth : W. Hegg 54 .", {"2:5": "PERSON"}, {("W. Hegg", "Person")}),
        ("Ayrton v Brunley was off .", {"0:3": "PERSON"}, {("Ayrton", "Person")}),
    ],
)
def test_junk_person_spans_are_cleaned(text: str, ents: dict[str, str], expected: set[tuple[str, str]]) -> None:
    """spaCy spans lose slogans, lowercase lead words, numbers and what follows "v"; -phobia words are no names."""
    doc, d = mkdoc(text, ents)
    assert {x for x in summary(extract_entities(doc, d)) if x[1] == "Person"} == expected


def test_hyphenated_name_keeps_the_text_slice() -> None:
    """A name tokenised "Kilroy - Silk" is labelled as written ("Robert Kilroy-Silk")."""
    words = ["Robert", "Kilroy", "-", "Silk", "spoke", "."]
    doc = Doc(
        VOCAB,
        words=words,
        spaces=[True, False, False, True, False, False],
        ents=["B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O", "O"],
        sent_starts=[True] + [False] * 5,
    )
    ents = extract_entities(doc, Document(id="t", text=doc.text))
    assert summary(ents) == {("Robert Kilroy-Silk", "Person")}


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("Zycie Warszawy daily said so .", {"0:2": "PERSON"}, {("Zycie Warszawy", "Organization")}),
        ("It told the daily Trud on Monday .", {}, {("Trud", "Organization")}),
        ("The Iraqi news agency INA said .", {}, {("Iraq", "Country"), ("INA", "Organization")}),
        ("Interfax news agency reported it .", {"0:3": "ORG"}, {("Interfax", "Organization")}),
        ("He said , quoted by the newspaper Rzeczpospolita .", {}, {("Rzeczpospolita", "Organization")}),
    ],
)
def test_press_rule(text: str, ents: dict[str, str], expected: set[tuple[str, str]]) -> None:
    """Rule press: a name beside "daily", "newspaper", "news agency" is an Organization; the cue word is no part of it."""
    doc, d = mkdoc(text, ents)
    assert summary(extract_entities(doc, d)) == expected


@pytest.mark.parametrize(
    ("text", "ents", "label"),
    [
        ("Tanjug said . Tanjug added .", {"0:1": "PERSON"}, "Tanjug"),
        ("Interfax reported it .", {"0:1": "PERSON"}, "Interfax"),
        ("the House of Lords voted .", {"1:2": "ORG", "3:4": "ORG"}, "House of Lords"),
        ("The Bank of England held rates .", {"1:2": "ORG", "3:4": "GPE"}, "Bank of England"),
    ],
)
def test_organisation_table_entries(text: str, ents: dict[str, str], label: str) -> None:
    """Rule gazetteer: news agencies and "X of Y" institutions from the table are one Organization."""
    doc, d = mkdoc(text, ents)
    ents_ = extract_entities(doc, d)
    assert find(ents_, label).type == "Organization"
    assert all(e.type == "Organization" for e in ents_)


@pytest.mark.parametrize(
    ("text", "ents", "acronym", "label"),
    [
        (
            "The Kurdistan Democratic Party ( KDP ) fought . KDP forces advanced .",
            {"1:4": "ORG"},
            "KDP",
            "Kurdistan Democratic Party",
        ),
        (
            "Bank Rozwoju Exportu SA ( BRE ) bid . BRE said .",
            {"0:4": "ORG", "9:10": "PERSON"},
            "BRE",
            "Bank Rozwoju Exportu SA",
        ),
    ],
)
def test_bracket_acronym_rule(text: str, ents: dict[str, str], acronym: str, label: str) -> None:
    """Rule acronym.bracket: an acronym in brackets after an organisation is a mention of it, everywhere."""
    doc, d = mkdoc(text, ents)
    ent = find(extract_entities(doc, d), label)
    assert [m.text for m in ent.mentions].count(acronym) == 2
    assert {m.rule for m in ent.merges} == {"acronym.bracket"}


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Essex , Derbyshire and Surrey closed in . Kent batted for 80 overs .",
            {"0:1": "GPE", "2:3": "PERSON", "4:5": "GPE", "8:9": "GPE"},
            {("Essex", "Organization"), ("Derbyshire", "Organization"), ("Surrey", "Organization"), ("Kent", "Organization")},
        ),
        (
            "Surrey captain Chris Lewis took a wicket .",
            {"2:4": "PERSON"},
            {("Surrey", "Organization"), ("Chris Lewis", "Person")},
        ),
        ("Kent police arrested a man .", {"0:1": "GPE"}, {("Kent", "Place")}),
    ],
)
def test_cricket_county_rule(text: str, ents: dict[str, str], expected: set[tuple[str, str]]) -> None:
    """Rule sports.county: a first-class county in a cricket report is its team; elsewhere it stays a place."""
    doc, d = mkdoc(text, ents)
    assert summary(extract_entities(doc, d)) == expected


def test_family_name_first_person() -> None:
    """Rule doc-consistency: "Wang" after "Wang Donghai" is that Person even when spaCy guessed ORG; rule
    first-name: and joins him (the family name written first)."""
    doc, d = mkdoc("Wang Donghai was held . Wang 's arrest angered them .", {"0:2": "PERSON", "5:6": "ORG"})
    ents = extract_entities(doc, d)
    assert summary(ents) == {("Wang Donghai", "Person")}
    assert find(ents, "Wang Donghai").aliases == ("Wang",)


@pytest.mark.parametrize("word", ["Men", "Women", "Attendance", "GMT"])
def test_stop_names(word: str) -> None:
    """Column heads and time zones ("Men 's singles", "Attendance", "GMT") are never entities."""
    doc, d = mkdoc(f"{word} 's singles at 1200 .", {"0:1": "ORG"})
    assert summary(extract_entities(doc, d)) == set()


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("Italian tyre giant Pirelli said so .", {"3:4": "PERSON"}, {("Italy", "Country"), ("Pirelli", "Organization")}),
        ("the group Human Rights in China said .", {}, {("Human Rights in China", "Organization")}),
        ("troops took the town of Tavildara .", {"5:6": "PERSON"}, {("Tavildara", "Place")}),
        ("just east of Longyear .", {}, {("Longyear", "Place")}),
        ("the company chairman John Smith spoke .", {"3:5": "PERSON"}, {("John Smith", "Person")}),
    ],
)
def test_company_and_place_cues(text: str, ents: dict[str, str], expected: set[tuple[str, str]]) -> None:
    """Rules company-cue and place-cue: "giant Pirelli" is an Organization, "town of Tavildara" a Place."""
    doc, d = mkdoc(text, ents)
    assert summary(extract_entities(doc, d)) == expected


def test_company_short_name() -> None:
    """Rule company-suffix: "Cofinec" alone after "Cofinec S.A." is that company, not spaCy's PERSON."""
    doc, d = mkdoc("Shares of Cofinec S.A. fell . Cofinec said .", {"6:7": "PERSON"})
    ents = extract_entities(doc, d)
    assert {e.type for e in ents} == {"Organization"}
    assert {m.text for e in ents for m in e.mentions} == {"Cofinec S.A.", "Cofinec"}


def test_cue_confirming_spacy_keeps_its_authority() -> None:
    """Selection: a cue that agrees with spaCy on a span lends it its authority ("Zycie Warszawy daily")."""
    doc, d = mkdoc(
        "Zycie Warszawy daily said . Zycie Warszawy said . Zycie Warszawy added .",
        {"0:2": "ORG", "5:7": "PERSON", "9:11": "PERSON"},
    )
    assert summary(extract_entities(doc, d)) == {("Zycie Warszawy", "Organization")}


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Sandrine Testud ( France ) beat Ines Gorrochategui ( Argentina ) 4-6 6-2",
            {"1:2": "PERSON", "3:4": "GPE", "7:9": "LOC", "10:11": "GPE"},
            {("Sandrine Testud", "Person"), ("Ines Gorrochategui", "Person"), ("France", "Country"),
             ("Argentina", "Country")},
        ),
        (
            "Guy Forget ( France ) beat Scott Draper ( Australia ) 6-4",
            {"0:2": "ORG", "3:4": "GPE", "6:10": "ORG"},
            {("Guy Forget", "Person"), ("Scott Draper", "Person"), ("France", "Country"), ("Australia", "Country")},
        ),
        (
            "Benetton ( Italy ) 92 Dinamo ( Russia ) 81",
            {"0:1": "ORG", "2:3": "GPE", "5:6": "ORG", "7:8": "GPE"},
            {("Benetton", "Organization"), ("Dinamo", "Organization"), ("Italy", "Country"), ("Russia", "Country")},
        ),
    ],
)
def test_country_bracket_people(text: str, ents: dict[str, str], expected: set[tuple[str, str]]) -> None:
    """Rule person.country-bracket: "Name ( Country )" in a results list is a Person; one word with a score is a club."""
    doc, d = mkdoc(text, ents)
    assert summary(extract_entities(doc, d)) == expected


def test_name_list_rule() -> None:
    """Rule person.list: in a line listing people, the items spaCy missed or mistyped are people too."""
    text = "France - 1 - Bernard Lama ; 2 - Lilian Thuram , 5 - Laurent Blanc , 8 - Marcel Desailly , 3 - Bixente Lizarazu"
    doc, d = mkdoc(text, {"0:1": "GPE", "9:11": "PERSON", "14:16": "PERSON", "19:21": "ORG"})
    ents = extract_entities(doc, d)
    people = {e.label for e in ents if e.type == "Person"}
    assert people == {"Bernard Lama", "Lilian Thuram", "Laurent Blanc", "Marcel Desailly", "Bixente Lizarazu"}
    assert find(ents, "France").type == "Country"
    assert {m.rule for e in ents for m in e.mentions if e.label == "Bernard Lama"} == {"person.list"}


def test_name_list_needs_people() -> None:
    """Rule person.list: a list of places stays places (fewer people than other names)."""
    doc, d = mkdoc("Leeds , Bolton Wanderers , Everton , John Smith , Ian Rush", {"0:1": "GPE", "4:5": "GPE", "6:8": "PERSON"})
    ents = extract_entities(doc, d)
    assert ("Bolton Wanderers", "Person") not in summary(ents)
    assert find(ents, "Leeds").type == "Place"


@pytest.mark.parametrize(
    ("text", "ents", "dropped"),
    [
        ("He won the Hong Kong Open on Sunday .", {"3:6": "GPE"}, "Hong Kong"),
        ("France lost the Fed Cup tie .", {"0:1": "GPE", "3:5": "ORG"}, "Fed Cup"),
        ("the Dutch Open starts today .", {}, "Netherlands"),
        ("He ran at the Atlanta Games .", {"4:5": "GPE"}, "Atlanta"),
    ],
)
def test_sport_event_names(text: str, ents: dict[str, str], dropped: str) -> None:
    """Rule misc.event: nothing inside "Hong Kong Open", "Fed Cup", "Dutch Open", "Atlanta Games" is an entity."""
    doc, d = mkdoc(text, ents)
    labels = {e.label for e in extract_entities(doc, d)}
    assert dropped not in labels
    assert not any(w in SPORT_EVENT_WORDS for lab in labels for w in lab.split())


SPORTS = "The striker scored two goals in the league match . "


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (SPORTS + "They beat Gloucester 75-19 .", {"12:13": "GPE"}, ("Gloucester", "Organization")),
        (SPORTS + "Norwich striker Keith Smith scored .", {"10:11": "GPE", "12:14": "PERSON"}, ("Norwich", "Organization")),
        (SPORTS + "Atlanta 's Tom Glavine lost .", {"10:11": "GPE", "12:14": "PERSON"}, ("Atlanta", "Organization")),
        (SPORTS + "They played the Cleveland Indians .", {"13:14": "GPE", "14:15": "NORP"}, ("Cleveland Indians", "Organization")),
        (SPORTS + "In Seattle , it rained .", {"11:12": "GPE"}, ("Seattle", "Place")),
        ("Police in Atlanta 's suburbs said .", {"2:3": "GPE"}, ("Atlanta", "Place")),
        (SPORTS + "Italy beat Spain 2-1 .", {"10:11": "GPE", "12:13": "GPE"}, ("Spain", "Country")),
    ],
)
def test_team_context_rule(text: str, ents: dict[str, str], expected: tuple[str, str]) -> None:
    """Rule sports.team-context: in a sports report a city after "beat", before "striker" or "'s", or with a nickname
    is the team; "In Seattle" stays a place, and so does every city outside sports reports and every country."""
    doc, d = mkdoc(text, ents)
    assert expected in summary(extract_entities(doc, d))


def test_span_loses_trailing_score() -> None:
    """spaCy spans lose a trailing score with its dash ("Lithuania 3 - 0" → "Lithuania")."""
    doc, d = mkdoc("Romania beat Lithuania 3 - 0 .", {"0:1": "GPE", "2:6": "GPE"})
    assert summary(extract_entities(doc, d)) == {("Romania", "Country"), ("Lithuania", "Country")}


def test_company_short_name_from_spacy_org() -> None:
    """Rule company-suffix: spaCy's own "Magna International Inc" names "Magna"; "Johnson Controls" is the company.
    Rule org-short: each short name joins its full name."""
    doc, d = mkdoc(
        "Magna International Inc bid . Magna said . Johnson Controls Inc rose . Johnson Controls fell .",
        {"0:3": "ORG", "5:6": "PERSON", "8:11": "ORG", "13:15": "PERSON"},
    )
    ents = extract_entities(doc, d)
    assert summary(ents) == {("Magna International Inc", "Organization"), ("Johnson Controls Inc", "Organization")}
    assert find(ents, "Magna International Inc").aliases == ("Magna",)
    assert find(ents, "Johnson Controls Inc").aliases == ("Johnson Controls",)


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # the rest is a country: "Treasury Department" is the U.S. one named before
        ("The U.S. Treasury Department acted . The Treasury Department said .", {"1:4": "ORG", "7:9": "ORG"},
         {("U.S. Treasury Department", "Organization")}),
        # "Organisation" and "Organization" spell one name
        ("The Organisation for Security acted . The Organization for Security said .", {"1:4": "ORG", "7:10": "ORG"},
         {("Organization for Security", "Organization")}),
        # "Ministry of Finance" is the "Finance Ministry"
        ("The Ministry of Finance acted . The Finance Ministry said .", {"1:4": "ORG", "7:9": "ORG"},
         {("Finance Ministry", "Organization")}),
        # negative: the rest is neither a suffix nor a country
        ("Acme Foods Europe rose . Acme Foods fell .", {"0:3": "ORG", "5:7": "ORG"},
         {("Acme Foods Europe", "Organization"), ("Acme Foods", "Organization")}),
    ],
)
def test_org_short_name_joins(text: str, ents: dict[str, str], expected: set[tuple[str, str]]) -> None:
    """Rule org-short: part of a longer organisation name joins it when the rest is a suffix or a country."""
    doc, d = mkdoc(text, ents)
    assert summary(extract_entities(doc, d)) == expected


def test_first_name_joins_the_only_person_so_named() -> None:
    """Rule first-name: "Saddam" after "Saddam Hussein" is him; with two Saddams it stays apart."""
    doc, d = mkdoc("Saddam Hussein spoke . Saddam said .", {"0:2": "PERSON", "4:5": "PERSON"})
    ents = extract_entities(doc, d)
    assert summary(ents) == {("Saddam Hussein", "Person")}
    doc, d = mkdoc(
        "Saddam Hussein spoke . Saddam Ali left . Saddam said .", {"0:2": "PERSON", "4:6": "PERSON", "8:9": "PERSON"}
    )
    assert ("Saddam", "Person") in summary(extract_entities(doc, d))


def test_dateline_is_never_a_team() -> None:
    """Selection: a dateline keeps its rule, so "NEW YORK 1996-08-30" above a results table stays a Place."""
    doc, d = mkdoc("NEW YORK 1996-08-30 \n New York 4 Boston 2", {"0:2": "GPE", "4:6": "GPE", "7:8": "GPE"})
    ents = extract_entities(doc, d)
    rules = {(m.text, e.type, m.rule) for e in ents for m in e.mentions}
    assert ("NEW YORK", "Place", "dateline") in rules


def test_dateline_with_state_or_country() -> None:
    """Rule dateline: "MANCHESTER , England 1996-08-31" names the city and the country, both from the dateline."""
    doc, d = mkdoc("MANCHESTER , England 1996-08-31 \n Rain fell .", {"0:1": "ORG"})
    ents = extract_entities(doc, d)
    assert {(e.label, e.type) for e in ents} == {("Manchester", "Place"), ("England", "Country")}
    assert {m.rule for e in ents for m in e.mentions} == {"dateline"}


def test_lowercase_spans_are_no_names() -> None:
    """spaCy spans starting with a common word ("congress", "defence ministry") are dropped; "al-Aqsa" is kept."""
    doc, d = mkdoc("the rebel congress and the defence ministry met at al-Aqsa .", {"2:3": "ORG", "5:7": "ORG", "9:10": "FAC"})
    assert summary(extract_entities(doc, d)) == {("al-Aqsa", "Place")}


def test_sports_leagues_and_statistics() -> None:
    """Rule misc.event: in a sports report "American League" is the competition and "RBI" a statistic."""
    doc, d = mkdoc(SPORTS + "He leads the American League with 121 RBI .", {"13:15": "ORG", "17:18": "ORG"})
    assert not {e.label for e in extract_entities(doc, d)} & {"American League", "RBI"}
    doc, d = mkdoc("The Arab League met . The Awami League won .", {"1:3": "ORG", "6:8": "ORG"})
    assert summary(extract_entities(doc, d)) == {("Arab League", "Organization"), ("Awami League", "Organization")}


def test_hyphenated_name_completed() -> None:
    """Rule person.hyphen: a Person spaCy cut at a hyphen takes the rest ("Ata" → "Ata-ur-Rehman")."""
    words = ["Thorpe", "lbw", "b", "Ata", "-", "ur", "-", "Rehman", "21"]
    doc = Doc(
        VOCAB,
        words=words,
        spaces=[True, True, True, False, False, False, False, True, False],
        ents=["B-PERSON", "O", "O", "B-PERSON", "O", "O", "O", "O", "O"],
        sent_starts=[True] + [False] * 8,
    )
    ents = extract_entities(doc, Document(id="t", text=doc.text))
    assert ("Ata-ur-Rehman", "Person") in summary(ents)
    assert {m.rule for e in ents if e.label == "Ata-ur-Rehman" for m in e.mentions} == {"person.hyphen"}


@pytest.mark.parametrize(
    ("text", "team"),
    [
        ("1. Olaf Ludwig ( Germany ) Telekom 4 hours 48 mins", "Telekom"),
        ("1. Alex Zanardi ( Italy ) , Reynard Honda , 53.980", "Reynard Honda"),
    ],
)
def test_rider_team_rule(text: str, team: str) -> None:
    """Rule sports.rider-team: the name after a rider's or driver's country is the team."""
    doc, d = mkdoc(text, {"1:3": "PERSON"})
    ents = extract_entities(doc, d)
    assert (team, "Organization") in summary(ents)
    assert {e.type for e in ents if e.label not in {team}} == {"Person", "Country"}


def test_surname_beats_country_table() -> None:
    """Rule doc-consistency: "Jordan" after "Eddie Jordan" is that Person, not the country."""
    doc, d = mkdoc("Eddie Jordan was angry . Jordan said so .", {"0:2": "PERSON", "5:6": "GPE"})
    assert summary(extract_entities(doc, d)) == {("Eddie Jordan", "Person")}


def test_headline_name_takes_the_body_type() -> None:
    """Rule headline: a headline name confirmed by the body takes the body's type."""
    doc, d = mkdoc(
        "BASKETBALL - BENETTON BEAT DINAMO \n Shares in Benetton rose .",
        {"2:3": "PERSON", "8:9": "ORG"},
    )
    ents = extract_entities(doc, d)
    assert find(ents, "Benetton").type == "Organization"
    assert "BENETTON" in find(ents, "Benetton").aliases


def test_standings_row_beats_spacy_person() -> None:
    """Rule sports.results_line: a standings row ("Greenock Morton 3 2 0 1 5 2 6") names a team even if spaCy saw a person."""
    doc, d = mkdoc("Greenock Morton 3 2 0 1 5 2 6", {"0:2": "PERSON"})
    assert summary(extract_entities(doc, d)) == {("Greenock Morton", "Organization")}


def test_results_line_town_letter() -> None:
    """Rule sports.results_line: "Proleter ( Z )" (a town letter telling two clubs apart) is one team name."""
    doc, d = mkdoc("Hajduk 2 Proleter ( Z ) 0")
    assert summary(extract_entities(doc, d)) == {("Hajduk", "Organization"), ("Proleter ( Z )", "Organization")}


def test_wall_street_is_a_place() -> None:
    """Rule gazetteer: "Wall Street" (in the places table) is a Place even when spaCy misses it."""
    doc, d = mkdoc("Stocks fell on Wall Street .")
    assert summary(extract_entities(doc, d)) == {("Wall Street", "Place")}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Romania - Cosmin Contra ( 31st ) , Mihai Tararache ( 75th )", "Cosmin Contra"),
        ("Canada - Aunger ( 41st min , pen ) , Paul Peschisolido ( 42nd )", "Aunger"),
        ("Sri Lanka - Arjuna Ranatunga ( captain ) , Sanath Jayasuriya", "Arjuna Ranatunga"),
    ],
)
def test_scorer_and_captain_brackets(text: str, person: str) -> None:
    """Rule person.country-bracket: a name before a goal minute or "( captain )" is a Person."""
    doc, d = mkdoc(text)
    ents = extract_entities(doc, d)
    assert (person, "Person") in summary(ents)
    assert all(e.type in {"Person", "Country"} for e in ents)


def test_team_context_spreads_but_not_after_in() -> None:
    """Rule sports.team-context: "Nantes" is the club everywhere once "beat Nantes" is read; "in Nantes" stays the city."""
    doc, d = mkdoc(
        SPORTS + "They beat Nantes . Nantes were poor . He lives in Nantes .",
        {"12:13": "GPE", "14:15": "GPE", "21:22": "GPE"},
    )
    types = sorted((m.start, e.type) for e in extract_entities(doc, d) for m in e.mentions)
    assert [t for _, t in types] == ["Organization", "Organization", "Place"]


@pytest.mark.parametrize(("word", "label"), [("Chechens", "LOC"), ("Afrikaners", "PERSON"), ("Hutu", "ORG")])
def test_group_words_are_no_entities(word: str, label: str) -> None:
    """Table groups.tsv: peoples and religious groups ("Chechens", "Afrikaners", "Hutu") are never entities."""
    doc, d = mkdoc(f"Leaders of the {word} met in Grozny .", {"3:4": label, "6:7": "GPE"})
    assert summary(extract_entities(doc, d)) == {("Grozny", "Place")}


def test_club_with_country_and_score() -> None:
    """Rule sports.club-country: "Benetton ( Italy ) 92" is a club; a tennis player before a set score stays a Person."""
    doc, d = mkdoc("Benetton ( Italy ) 92 Dinamo ( Russia ) 81", {"0:1": "PERSON", "5:6": "PERSON"})
    assert summary(extract_entities(doc, d)) == {
        ("Benetton", "Organization"), ("Dinamo", "Organization"), ("Italy", "Country"), ("Russia", "Country")
    }
    doc, d = mkdoc("Scott Draper ( Australia ) 6 - 3 6-4", {"0:2": "ORG"})
    assert ("Scott Draper", "Person") in summary(extract_entities(doc, d))


def test_club_cue_rule() -> None:
    """Rule sports.club-cue: in a sports report the name after "club" or "team" is the club, not spaCy's person."""
    doc, d = mkdoc(SPORTS + "UEFA fined Belgian club Standard Liege .", {"14:16": "PERSON"})
    assert ("Standard Liege", "Organization") in summary(extract_entities(doc, d))
    doc, d = mkdoc(SPORTS + "They beat the team Italy .", {"14:15": "GPE"})
    assert ("Italy", "Country") in summary(extract_entities(doc, d))


def test_press_news_weekly() -> None:
    """Rule press: "the news weekly Der Spiegel" names the paper."""
    doc, d = mkdoc("a report in the news weekly Der Spiegel said so .", {"6:8": "PERSON"})
    assert summary(extract_entities(doc, d)) == {("Der Spiegel", "Organization")}


def test_cricket_scorecard_rule() -> None:
    """Rule cricket.scorecard: batsman, fielder, bowler and the names before bowling figures are people."""
    text = (
        "Scoreboard of the cricket match : \n S. Law c Tillekeratne b Dharmasena 13 \n"
        " Bowling : Wasim Akram 10-0-50-0 , Vaas 7-0-29-0 ."
    )
    doc, d = mkdoc(text, {"10:11": "ORG", "17:19": "ORG", "21:22": "GPE"})
    people = {e.label for e in extract_entities(doc, d) if e.type == "Person"}
    assert people == {"S. Law", "Tillekeratne", "Dharmasena", "Wasim Akram", "Vaas"}


def test_cricket_scorecard_needs_a_cricket_report() -> None:
    """Rule cricket.scorecard: outside cricket reports "c" and "b" are just letters."""
    doc, d = mkdoc("Plan B b Acme Corp won .", {"3:5": "ORG"})
    assert summary(extract_entities(doc, d)) == {("Acme Corp", "Organization")}


def test_hyphenated_name_absorbs_the_rest() -> None:
    """Rule person.hyphen: the rest of the name is taken even when spaCy typed it apart ("Ata" + "Rehman")."""
    words = ["b", "Ata", "-", "ur", "-", "Rehman", "21"]
    doc = Doc(
        VOCAB,
        words=words,
        spaces=[True, False, False, False, False, True, False],
        ents=["O", "B-PERSON", "O", "O", "O", "B-PERSON", "O"],
        sent_starts=[True] + [False] * 6,
    )
    assert summary(extract_entities(doc, Document(id="t", text=doc.text))) == {("Ata-ur-Rehman", "Person")}


def test_acronym_before_its_name() -> None:
    """Rule acronym.bracket: "the FOMC ( Federal Open Market Committee )" and every later "FOMC" are one Organization."""
    doc, d = mkdoc("The FOMC ( Federal Open Market Committee ) met . The FOMC said .", {})
    ents = extract_entities(doc, d)
    ent = find(ents, "Federal Open Market Committee")
    assert ent.type == "Organization"
    assert [m.text for m in ent.mentions].count("FOMC") == 2
    assert len(ents) == 1


def test_sport_event_in_a_headline() -> None:
    """Rule misc.event: in an all-caps headline "HONG KONG OPEN" is the event, while "JANSHER" stays."""
    doc, d = mkdoc(
        "SQUASH - JANSHER WINS HONG KONG OPEN TITLE \n Jansher Khan beat Eyles in Hong Kong .",
        {"2:3": "PERSON", "4:6": "GPE", "9:11": "PERSON", "12:13": "PERSON", "14:16": "GPE"},
    )
    ents = extract_entities(doc, d)
    hk = find(ents, "Hong Kong")
    assert [m.text for m in hk.mentions] == ["Hong Kong"]


def test_person_span_with_company_suffix() -> None:
    """Rule company-suffix: spaCy's PERSON "Pirelli SpA" is a company, and so are "Pirelli" and "Pirelli Cables"."""
    doc, d = mkdoc(
        "Pirelli SpA said . Pirelli Cables grew . Pirelli rose .",
        {"0:2": "PERSON", "4:6": "PERSON", "8:9": "ORG"},
    )
    assert {e.type for e in extract_entities(doc, d)} == {"Organization"}


@pytest.mark.model
def test_known_name_as_the_last_words_of_a_document(nlp) -> None:  # type: ignore[no-untyped-def]
    """A name seen before and repeated as the document's last words (a photo credit) keeps offsets inside the
    text; a longer known name does not stretch it past the end."""
    from graphbuild.extract.entities import extract_entities
    from graphbuild.model import Document

    text = ("Getty Images supplied photographs to the Royal Bank of Scotland on Monday. Jane Doe spoke on the "
            "first day of the convention Getty Images")
    ents = extract_entities(nlp(text), Document(id="t", text=text))
    assert ents
    for e in ents:
        for m in e.mentions:
            assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.text


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a plain full name guessed ORG whose surname is a Person in the document
        ("Maria Eugenia Landaeta spoke . Landaeta said .", {"0:3": "ORG", "5:6": "PERSON"},
         {("Maria Eugenia Landaeta", "Person")}),
        # negative: an organisation word in the name keeps it an organisation
        ("Landaeta Foundation spoke . Landaeta said .", {"0:2": "ORG", "4:5": "PERSON"},
         {("Landaeta Foundation", "Organization"), ("Landaeta", "Person")}),
    ],
)
def test_full_name_of_a_bare_person(text: str, ents: dict[str, str], expected: set[tuple[str, str]]) -> None:
    """Rule doc-consistency: a full name spaCy guessed ORG is the Person its surname names."""
    doc, d = mkdoc(text, ents)
    assert summary(extract_entities(doc, d)) == expected


def test_weekday_is_no_part_of_a_name() -> None:
    """Rule title/ner: "Foreign Minister Jose Miguel Insulza Monday" names Jose Miguel Insulza; "Monday" alone
    is no one."""
    doc, d = mkdoc("Albright will meet Foreign Minister Jose Miguel Insulza Monday for talks .", {"5:9": "PERSON"})
    assert summary(extract_entities(doc, d)) == {("Jose Miguel Insulza", "Person")}


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # the owner is a name of its own elsewhere: two names
        ("Farrakhan spoke . Gaddafi backed Farrakhan 's Nation of Islam group .", {"0:1": "PERSON", "5:10": "ORG"},
         {("Farrakhan", "Person"), ("Nation of Islam", "Organization")}),
        # negative: a shop named after its owner stays one name
        ("Eldon Elliott owns Elliott 's Body Shop .", {"0:2": "PERSON", "3:7": "ORG"},
         {("Eldon Elliott", "Person"), ("Elliott 's Body Shop", "Organization")}),
    ],
)
def test_possessive_owner_split(text: str, ents: dict[str, str], expected: set[tuple[str, str]]) -> None:
    """Rule ner: "Farrakhan 's Nation of Islam" is the person and his organisation."""
    doc, d = mkdoc(text, ents)
    assert summary(extract_entities(doc, d)) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a portfolio before a post is no organisation
        ("German Defence Minister Volker Ruehe left .", {"1:2": "ORG", "3:5": "PERSON"},
         {("Germany", "Country"), ("Volker Ruehe", "Person")}),
        # negative: the ministry itself is
        ("The Defence Ministry said .", {"1:3": "ORG"}, {("Defence Ministry", "Organization")}),
    ],
)
def test_portfolio_word_is_not_an_organisation(text: str, ents: dict[str, str], expected: set[tuple[str, str]]) -> None:
    """Rule ner: "Defence" in "Defence Minister X" is not an Organization."""
    doc, d = mkdoc(text, ents)
    assert summary(extract_entities(doc, d)) == expected


def test_plural_demonyms_and_new_table_names() -> None:
    """Gazetteer: "Venezuelans" is Venezuela, "Tanzanian" Tanzania, "ISIS" Islamic State; "Indians" is no country
    (the Cleveland Indians)."""
    from graphbuild.gazetteer import gazetteer

    g = gazetteer()
    assert (g.lookup("Venezuelans").label, g.lookup("Tanzanian").label) == ("Venezuela", "Tanzania")  # type: ignore[union-attr]
    assert g.lookup("ISIS").label == "Islamic State"  # type: ignore[union-attr]
    assert g.lookup("Federal Republic of Yugoslavia").label == "Yugoslavia"  # type: ignore[union-attr]
    assert g.lookup("Indians") is None


def test_title_case_first_line_is_a_headline() -> None:
    """Headlines: a title-case first line keeps only names the body confirms ("Hampering Boston Bomb Probe" is
    nobody); an ordinary first sentence is body text."""
    from graphbuild.extract.entity_steps.base import _title_case_headline

    assert _title_case_headline("Kyrgyzstan National Pleads Not Guilty in Hampering Boston Bomb Probe")
    assert not _title_case_headline("Kyrgyzstan national pleads not guilty in Boston bomb probe")
    assert not _title_case_headline("Michael Johnson ( U.S. ) , Frankie Fredericks ( Namibia )")


def test_hyphen_adjective_is_no_part_of_a_name() -> None:
    """Rule person.hyphen: "Chen Chun-yeh" takes its hyphenated part; "Al Capone-like" stays "Al Capone"."""
    doc2 = Doc(VOCAB, words=["They", "used", "Al", "Capone", "-", "like", "methods", "."],
               spaces=[True, True, True, False, False, True, False, False],
               ents=["O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O"], pos=["X", "X", "PROPN", "PROPN", "X", "X", "X", "X"],
               sent_starts=[True] + [False] * 7)
    ents = extract_entities(doc2, Document(id="t", text=doc2.text))
    assert summary(ents) == {("Al Capone", "Person")}
    doc3 = Doc(VOCAB, words=["Chen", "Chun", "-", "yeh", "won", "."], spaces=[True, False, False, True, False, False],
               ents=["B-PERSON", "I-PERSON", "O", "O", "O", "O"], pos=["PROPN", "PROPN", "X", "X", "X", "X"],
               sent_starts=[True] + [False] * 5)
    assert summary(extract_entities(doc3, Document(id="t", text=doc3.text))) == {("Chen Chun-yeh", "Person")}


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a town and a club word guessed PERSON is the club
        ("The club put Manchester United out .", {"3:5": "PERSON"}, {("Manchester United", "Organization")}),
        # negative: a city whose own name ends in a club word stays a place
        ("She flew to Kansas City on Monday .", {"3:5": "GPE"}, {("Kansas City", "Place")}),
    ],
)
def test_club_named_after_its_town(text: str, ents: dict[str, str], expected: set[tuple[str, str]]) -> None:
    """Rule sports.club-name: "Manchester United" is an Organization, "Kansas City" a Place."""
    doc, d = mkdoc(text, ents)
    assert summary(extract_entities(doc, d)) == expected


def test_first_name_and_patronymic_join_the_person() -> None:
    """Rule patronymic: "Boris Nikolayevich" is Boris Yeltsin; "Boris Smith" is someone else."""
    doc, d = mkdoc("Boris Yeltsin spoke . Boris Nikolayevich smiled .", {"0:2": "PERSON", "4:6": "PERSON"})
    ents = extract_entities(doc, d)
    assert summary(ents) == {("Boris Yeltsin", "Person")}
    doc, d = mkdoc("Boris Yeltsin spoke . Boris Smith smiled .", {"0:2": "PERSON", "4:6": "PERSON"})
    assert summary(extract_entities(doc, d)) == {("Boris Yeltsin", "Person"), ("Boris Smith", "Person")}


def test_female_honorific_never_joins_a_man() -> None:
    """A surname written "Mrs" does not join a full name whose given name says a man; "Mr" does."""
    doc, d = mkdoc("Michael Howard spoke . Mrs Howard left .", {"0:2": "PERSON", "5:6": "PERSON"})
    assert len(find(extract_entities(doc, d), "Michael Howard").mentions) == 1
    doc, d = mkdoc("Michael Howard spoke . Mr Howard left .", {"0:2": "PERSON", "5:6": "PERSON"})
    assert len(find(extract_entities(doc, d), "Michael Howard").mentions) == 2
    doc, d = mkdoc("Margaret Howard spoke . Mrs Howard left .", {"0:2": "PERSON", "5:6": "PERSON"})
    assert len(find(extract_entities(doc, d), "Margaret Howard").mentions) == 2


def test_royal_title_with_given_name_is_its_own_person() -> None:
    """"Prince Charles" is not Charles Kennedy; a bare "Charles" after "Charles Kennedy" still is."""
    doc, d = mkdoc("Charles Kennedy spoke . Prince Charles left .", {"0:2": "PERSON", "5:6": "PERSON"})
    assert len(find(extract_entities(doc, d), "Charles Kennedy").mentions) == 1
    doc, d = mkdoc("Charles Kennedy spoke . Charles left .", {"0:2": "PERSON", "4:5": "PERSON"})
    assert len(find(extract_entities(doc, d), "Charles Kennedy").mentions) == 2


def test_name_after_mr_is_a_person_not_a_country() -> None:
    """"Mr German" is a person; "German" alone is still the demonym of Germany."""
    doc, d = mkdoc("Mr German said he would go .", {"1:2": "NORP"})
    assert summary(extract_entities(doc, d)) == {("German", "Person")}
    doc, d = mkdoc("Mr German said he would go .")
    assert summary(extract_entities(doc, d)) == {("German", "Person")}
    doc, d = mkdoc("The German said he would go .", {"1:2": "NORP"})
    assert summary(extract_entities(doc, d)) == {("Germany", "Country")}


def test_acronym_guessed_person_is_an_organisation() -> None:
    """Rule acronym.person: an all-capitals word guessed PERSON ("BAA") is an organisation; "Blair" stays a person."""
    doc, d = mkdoc("BAA said profits rose .", {"0:1": "PERSON"})
    assert summary(extract_entities(doc, d)) == {("BAA", "Organization")}
    doc, d = mkdoc("Blair said profits rose .", {"0:1": "PERSON"})
    assert summary(extract_entities(doc, d)) == {("Blair", "Person")}


def test_possessive_work_title_is_no_entity() -> None:
    """"his book Brown 's Britain", "' Blair 's Britain '": a title, neither a person nor a country;
    "Brown 's Britain is changing" names both."""
    doc, d = mkdoc("He wrote the book Brown 's Britain last year .", {"4:5": "PERSON", "6:7": "GPE"})
    doc[3].pos_ = "NOUN"
    assert summary(extract_entities(doc, d)) == set()
    doc, d = mkdoc("He wrote ' Blair 's Britain ' last year .", {"3:4": "PERSON", "5:6": "GPE"})
    assert summary(extract_entities(doc, d)) == set()
    doc, d = mkdoc("Gordon Brown spoke . Brown 's Britain is changing .", {"0:2": "PERSON", "4:5": "PERSON", "6:7": "GPE"})
    assert summary(extract_entities(doc, d)) == {("Gordon Brown", "Person"), ("United Kingdom", "Country")}


def test_mr_joins_the_only_knight_of_that_surname() -> None:
    """A surname written "Mr" joins Sir Edward Heath when he is the only Heath (same sex, title earned later)."""
    doc, d = mkdoc("Sir Edward Heath spoke . Mr Heath left .", {"1:3": "PERSON", "6:7": "PERSON"})
    assert len(find(extract_entities(doc, d), "Edward Heath").mentions) == 2
