"""Event status: reported, planned, negated or hypothetical, read from hand-written sentences."""

from __future__ import annotations

import pytest

from graphbuild.extract.event_status import STATUSES, event_status

pytestmark = pytest.mark.model

CASES = [
    # planned: a future, a schedule, a plan
    ("Blinken will meet Zelensky next week.", "meet", "planned"),
    ("The two leaders are to visit Kyiv on Friday.", "visit", "planned"),
    ("Macron is going to travel to Berlin.", "travel", "planned"),
    ("The summit is scheduled for March.", "summit", "planned"),
    ("The bank plans to buy its rival.", "buy", "planned"),
    ("The ministers meet in Brussels tomorrow.", "meet", "planned"),
    ("The planned visit to Paris went ahead.", "visit", "planned"),
    ("Polish Foreign Minister to visit Yugoslavia.", "visit", "planned"),
    ("Blair to meet Bush in Washington.", "meet", "planned"),
    # a time ahead owning the event noun; a time past does not
    ("Ministers prepared for next week's summit in Brussels.", "summit", "planned"),
    ("Tomorrow's talks in Geneva will decide the matter.", "talks", "planned"),
    ("Ministers praised last week's summit in Brussels.", "summit", "reported"),
    # negated: negation, refusal, denial, calling off
    ("Putin refused to hold direct talks with Ukraine.", "talks", "negated"),
    ("The minister denied attacking the village.", "attacking", "negated"),
    ("Russia did not attack Kharkiv.", "attack", "negated"),
    ("There were no talks between the sides.", "talks", "negated"),
    ("Biden called off the visit.", "visit", "negated"),
    ("The planned visit to Paris was called off.", "visit", "negated"),
    # hypothetical: calls, modals, conditions, threats
    ("The opposition called for protests in Minsk.", "protests", "hypothetical"),
    ("Israel could strike Iran within days.", "strike", "hypothetical"),
    ("If Russia invades Ukraine, the West will impose sanctions.", "invades", "hypothetical"),
    ("Johnson would resign if he lost.", "resign", "hypothetical"),
    ("They urged Germany to supply tanks.", "supply", "hypothetical"),
    ("He threatened to impose sanctions on Iran.", "sanctions", "hypothetical"),
    ("Ministers may meet in Brussels tomorrow.", "meet", "hypothetical"),
    # reported: it happened (reported speech included)
    ("Russia attacked Pokrovsk on Monday.", "attacked", "reported"),
    ("Blinken and Lammy travelled to Kyiv.", "travelled", "reported"),
    ("The President met Starmer in Washington.", "met", "reported"),
    ("Police said the bombing killed 12 people.", "bombing", "reported"),
    ("She said Russia attacked the port.", "attacked", "reported"),
    ("Iraq asked the UN to send inspectors.", "asked", "reported"),
    # a failed or only wished attempt to stop a happening does not negate it; the stopping itself does
    ("Gazprom sought unsuccessfully to halt the auction of the refinery.", "auction", "reported"),
    ("Activists failed to stop the sale of the forest.", "sale", "reported"),
    ("It is unlikely that the unions' opposition would halt the merger.", "merger", "reported"),
    ("The court halted the auction of the refinery.", "auction", "negated"),
    ("A judge blocked the sale of the stadium.", "sale", "negated"),
    ("Unions opposed the sale of the Lisbon plant to Renault.", "sale", "reported"),
    ("Ford rejected the unions' demand for a pay rise.", "demand", "reported"),
    ("Shareholders rejected the takeover of the brewery.", "takeover", "negated"),
    # what someone is only ready or willing to do is possible; what they are unable to do did not happen
    ("The Treasury is ready to impose a tax on share purchases.", "impose", "hypothetical"),
    ("Rebel leaders said they were willing to meet the envoy.", "meet", "hypothetical"),
    ("The minister was unable to attend the meeting in Paris.", "attend", "negated"),
    # a scheduled happening, in the present tense or "ahead of" it, is planned
    ("The summit takes place in Vienna this week.", "summit", "planned"),
    ("The summit took place in Vienna last week.", "summit", "reported"),
    ("Nokia unveiled the phone ahead of the start of the trade fair in Barcelona.", "fair", "planned"),
    ("Talks were held ahead of the vote in Kyiv.", "vote", "planned"),
]


@pytest.mark.parametrize(("sentence", "word", "expected"), CASES)
def test_status(nlp, sentence: str, word: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(sentence)
    trigger = next(t for t in doc if t.text == word)
    assert event_status(trigger) == expected


def test_every_status_is_exercised() -> None:
    assert {c[2] for c in CASES} == set(STATUSES)
    assert len(CASES) >= 15


def test_status_reaches_graph_json(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """graph.json event nodes carry ``status``; a refused meeting is not recorded as held."""
    import json

    from graphbuild.pipeline import BuildOptions, build

    src = tmp_path / "a.jsonl"
    text = ("Vladimir Putin refused to meet Volodymyr Zelensky in Istanbul. "
            "Antony Blinken will visit Kyiv next week. Russian forces attacked Kharkiv on Monday.")
    src.write_text(json.dumps({"id": "a", "text": text}) + "\n", encoding="utf-8")
    build([src], BuildOptions(outdir=tmp_path / "out", use_cache=False, formats=("turtle",), html=False, processes=1))
    g = json.loads((tmp_path / "out" / "graph.json").read_text(encoding="utf-8"))
    status = {n["event_type"]: n["status"] for n in g["nodes"] if n.get("type") == "Event"}
    assert status.get("Meet") == "negated"
    assert status.get("Travel") == "planned"
    assert status.get("Attack") == "reported"
    ttl = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "out").glob("*.ttl"))
    assert 'status "planned"' in ttl or 'gb:status "planned"' in ttl
