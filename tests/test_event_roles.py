"""Event arguments by role, not proximity; trigger senses of play and markets; a killing in its attack's clause."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

DOCS = {
    # a name only near an event word is not its argument
    "near_only": "Witnesses told the BBC that the bombing shook the whole street.",
    "bare_joins": "Russian troops attacked Kharkiv on Monday. Further attacks followed overnight.",
    "bare_alone": "Two bombs went off on Monday. Nobody was hurt in Leeds, the police said.",
    # a killing told as the outcome of the attack in its clause is that attack
    "killing_of_attack": "A suicide bomber attacked a police station in Kabul, killing 12 people.",
    "killed_in_explosions": "Seven Taliban militants were killed in two explosions in Kandahar province.",
    "separate_killing": "Russian troops shelled Kharkiv on Monday. Two civilians were killed in Kupiansk.",
    # play is no attack; violence at a match is
    "sport_attack": ("The England striker shot wide before France attacked down the left in the second half "
                     "of the match in Paris."),
    "sport_noun": "Liverpool's attack was blunted by the Barcelona defence in the Champions League final in Istanbul.",
    "sport_verbal": "Chelsea attacked from the start and Didier Drogba scored against Liverpool in the cup.",
    "match_violence": "Gunmen attacked fans outside the stadium in Lagos after the match, police said.",
    # trading on a market is no transfer; a named party's deal is
    "market": "Investors sold shares in BP after the oil price fell in London.",
    "market_stocks": "Heavy buying of Japanese stocks pushed the Nikkei higher in Tokyo.",
    "deal": "Microsoft bought Activision for $69bn.",
    "stake": "BP sold its stake in Rosneft to Gazprom.",
}


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    from graphbuild.pipeline import BuildOptions, build

    tmp = tmp_path_factory.mktemp("roles")
    src = tmp / "docs.jsonl"
    src.write_text("".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in DOCS.items()), encoding="utf-8")
    build([src], BuildOptions(outdir=tmp / "out", use_cache=False, formats=(), html=False, processes=1))
    return json.loads(Path(tmp / "out" / "graph.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _events(graph: dict, doc: str, etype: str | None = None) -> list[tuple[dict, dict[str, set[str]]]]:  # type: ignore[type-arg]
    nodes = {n["id"]: n for n in graph["nodes"]}
    out = []
    for n in graph["nodes"]:
        if n.get("type") == "Event" and n["doc"] == doc and (etype is None or n["event_type"] == etype):
            roles: dict[str, set[str]] = {}
            for e in graph["edges"]:
                if e["source"] == n["id"]:
                    roles.setdefault(e["relation"], set()).add(nodes[e["target"]]["label"])
            out.append((n, roles))
    return out


def test_a_name_only_near_an_event_is_not_its_argument(graph: dict) -> None:  # type: ignore[type-arg]
    """"told the BBC that the bombing ...": the BBC is told, it did not bomb."""
    assert not any("BBC" in r.get("agent", set()) for _, r in _events(graph, "near_only", "Attack"))


def test_an_event_word_naming_no_one_joins_the_event_it_tells_again(graph: dict) -> None:  # type: ignore[type-arg]
    attacks = _events(graph, "bare_joins", "Attack")
    assert len(attacks) == 1
    node, roles = attacks[0]
    assert "Kharkiv" in roles.get("target", set())
    assert "attacks" in {m["text"].lower() for m in node.get("trigger_mentions", [])}  # told again
    # with nothing to join and no one named in a role, "went off" is no event of its own
    assert not _events(graph, "bare_alone", "Attack")


def test_a_killing_in_the_clause_of_its_attack_is_that_attack(graph: dict) -> None:  # type: ignore[type-arg]
    assert not _events(graph, "killing_of_attack", "Death")
    attacks = _events(graph, "killing_of_attack", "Attack")
    assert len(attacks) == 1 and "Kabul" in attacks[0][1].get("place", set())
    assert not _events(graph, "killed_in_explosions", "Death")
    explosions = _events(graph, "killed_in_explosions", "Attack")
    assert len(explosions) == 1 and "Kandahar province" in explosions[0][1].get("place", set())


def test_a_killing_told_apart_from_an_attack_stays_a_death(graph: dict) -> None:  # type: ignore[type-arg]
    assert _events(graph, "separate_killing", "Death")
    assert _events(graph, "separate_killing", "Attack")


def test_play_is_no_attack(graph: dict) -> None:  # type: ignore[type-arg]
    for doc in ("sport_attack", "sport_noun", "sport_verbal"):
        assert not _events(graph, doc, "Attack"), doc
    assert not _events(graph, "sport_verbal", "Statement")  # nor words: Chelsea attacked on the pitch


def test_violence_at_a_match_stays_an_attack(graph: dict) -> None:  # type: ignore[type-arg]
    attacks = _events(graph, "match_violence", "Attack")
    assert attacks and any("Lagos" in r.get("place", set()) for _, r in attacks)


def test_market_trading_is_no_transfer(graph: dict) -> None:  # type: ignore[type-arg]
    assert not _events(graph, "market", "Transfer")
    assert not _events(graph, "market_stocks", "Transfer")


def test_a_named_partys_purchase_stays_a_transfer(graph: dict) -> None:  # type: ignore[type-arg]
    deal = _events(graph, "deal", "Transfer")
    assert deal and "Microsoft" in deal[0][1].get("agent", set())
    stake = _events(graph, "stake", "Transfer")
    assert stake and "Gazprom" in stake[0][1].get("destination", set())
