"""Hand-made corpus graphs for the RDF tests (no spaCy model needed).

The graphs follow the attribute schema of :mod:`graphbuild.graph`.  Import
the builders from test modules: ``from tests.conftest_rdf import seed_graph``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

import networkx as nx
import pytest

from graphbuild.graph import DEFAULT_BASE_IRI, event_node_id

DOC = "kyiv-blinken-lammy"
DOC2 = "london-talks"

S1 = (
    "In a rare joint trip, US Secretary of State Antony Blinken took the nine-hour train from Poland "
    "to Kyiv alongside Foreign Secretary David Lammy, whose two-month-old Labour government has vowed "
    "to keep up Britain’s role as a key defender of Ukraine."
)
S1_START = 252
S1_END = S1_START + len(S1)
S2 = "KYIV (Ukraine): The US and British top diplomats vowed Wednesday to work together."
S2_START = 0
S2_END = len(S2)
S3 = "Blinken, speaking Tuesday in London alongside Lammy, said the United States was committed."
S3_START = 0
S3_END = len(S3)


def _ev(doc: str, start: int, sent: str, subj: str, obj: str, rule: str, conf: float) -> dict[str, Any]:
    return {
        "doc": doc,
        "sentence_start": start,
        "sentence_end": start + len(sent),
        "subject_text": subj,
        "object_text": obj,
        "rule": rule,
        "confidence": conf,
        "sentence": sent,
    }


def _mention(doc: str, sent_start: int, sent: str, text: str, rule: str = "ner") -> dict[str, Any]:
    off = sent.index(text)
    return {
        "doc": doc,
        "start": sent_start + off,
        "end": sent_start + off + len(text),
        "text": text,
        "sentence_start": sent_start,
        "sentence_end": sent_start + len(sent),
        "rule": rule,
    }


def _entity(g: nx.MultiDiGraph, nid: str, etype: str, label: str, mentions: list[dict[str, Any]],
            aliases: tuple[str, ...] = (), wikidata: str | None = None) -> None:
    g.add_node(
        nid,
        type=etype,
        label=label,
        aliases=sorted(aliases),
        mentions=mentions,
        mention_count=len(mentions),
        merges=[],
        wikidata=wikidata,
    )


def seed_graph(base_iri: str = DEFAULT_BASE_IRI) -> nx.MultiDiGraph:
    """A small graph like the seed article's: people, posts, places and a Travel event."""
    g: nx.MultiDiGraph = nx.MultiDiGraph()
    g.graph["base_iri"] = base_iri
    g.graph["documents"] = {
        DOC: {"title": "Blinken and Lammy visit Kyiv", "date": "2024-09-11",
              "url": "https://example.com/news/kyiv", "source": "seeds/kyiv-blinken-lammy.txt"},
        DOC2: {"title": None, "date": "Wednesday", "url": "not a url", "source": "x.jsonl:2",
               "text": S3 + " Lammy agreed."},
    }
    _entity(g, "person/antony-blinken", "Person", "Antony Blinken",
            [_mention(DOC, S1_START, S1, "Antony Blinken"), _mention(DOC2, S3_START, S3, "Blinken")],
            aliases=("Blinken",), wikidata="Q7640")
    _entity(g, "person/david-lammy", "Person", "David Lammy",
            [_mention(DOC, S1_START, S1, "David Lammy"), _mention(DOC2, S3_START, S3, "Lammy")],
            aliases=("Lammy",))
    _entity(g, "country/united-states", "Country", "United States",
            [_mention(DOC, S1_START, S1, "US"), _mention(DOC2, S3_START, S3, "United States")],
            aliases=("US",), wikidata="Q30")
    _entity(g, "country/united-kingdom", "Country", "United Kingdom",
            [_mention(DOC, S1_START, S1, "Britain")], aliases=("Britain",), wikidata="Q145")
    _entity(g, "country/ukraine", "Country", "Ukraine", [_mention(DOC, S2_START, S2, "Ukraine")], wikidata="Q212")
    _entity(g, "country/poland", "Country", "Poland", [_mention(DOC, S1_START, S1, "Poland")])
    _entity(g, "place/kyiv", "Place", "Kyiv",
            [_mention(DOC, S1_START, S1, "Kyiv"), _mention(DOC, S2_START, S2, "KYIV", "dateline")])
    _entity(g, "place/london", "Place", "London", [_mention(DOC2, S3_START, S3, "London")])
    _entity(g, "organization/labour", "Organization", "Labour", [_mention(DOC, S1_START, S1, "Labour")])

    g.add_edge("person/antony-blinken", "country/united-states", key="holds_position|Secretary of State",
               relation="holds_position", title="Secretary of State",
               evidence=[_ev(DOC, S1_START, S1, "Antony Blinken", "US", "title_compound", 0.9)], confidence=0.9)
    g.add_edge("person/antony-blinken", "country/united-states", key="affiliated_with",
               relation="affiliated_with",
               evidence=[_ev(DOC, S1_START, S1, "Antony Blinken", "US", "title_compound", 0.8)], confidence=0.8)
    # a post whose organisation the text does not give: on the person node, never a self-loop
    g.nodes["person/david-lammy"]["positions"] = [
        {"title": "Foreign Secretary", "confidence": 0.85,
         "evidence": [_ev(DOC, S1_START, S1, "David Lammy", "Foreign Secretary", "title_prefix", 0.85)]}
    ]
    g.add_edge("person/david-lammy", "organization/labour", key="affiliated_with", relation="affiliated_with",
               evidence=[_ev(DOC, S1_START, S1, "David Lammy", "Labour", "whose_government", 0.6)], confidence=0.6)
    g.add_edge("place/kyiv", "country/ukraine", key="located_in", relation="located_in",
               evidence=[_ev(DOC, S2_START, S2, "KYIV", "Ukraine", "dateline", 0.95)], confidence=0.95)

    trip = event_node_id(DOC, S1_START + S1.index("trip"), S1_START + S1.index("trip") + 4, "Travel")
    g.add_node(trip, type="Event", event_type="Travel", label="Travel: trip", doc=DOC, trigger="trip",
               start=S1_START + S1.index("trip"), end=S1_START + S1.index("trip") + 4, time="2024-09-11",
               time_text="Wednesday", quote=None, rule="trigger_noun", confidence=0.8,
               evidence=[_ev(DOC, S1_START, S1, "trip", "trip", "trigger_noun", 0.8)],
               trigger_mentions=[{"start": S1_START + S1.index("took"), "end": S1_START + S1.index("took") + 4,
                                  "text": "took"}])
    for target, role, text in (
        ("person/antony-blinken", "agent", "Antony Blinken"),
        ("person/david-lammy", "participant", "David Lammy"),
        ("country/poland", "origin", "Poland"),
        ("place/kyiv", "destination", "Kyiv"),
    ):
        g.add_edge(trip, target, key=role, relation=role,
                   evidence=[_ev(DOC, S1_START, S1, "trip", text, "trigger_noun", 0.8)], confidence=0.8)

    meet = event_node_id(DOC2, S3.index("alongside"), S3.index("alongside") + 9, "Meet")
    g.add_node(meet, type="Event", event_type="Meet", label="Meet: alongside", doc=DOC2, trigger="alongside",
               start=S3.index("alongside"), end=S3.index("alongside") + 9, time="Tuesday?", time_text="Tuesday",
               quote="the United States was committed", rule="alongside", confidence=0.7,
               evidence=[_ev(DOC2, S3_START, S3, "alongside", "alongside", "alongside", 0.7)], trigger_mentions=[])
    for target, role, text in (
        ("person/antony-blinken", "participant", "Blinken"),
        ("person/david-lammy", "participant", "Lammy"),
        ("place/london", "place", "London"),
    ):
        g.add_edge(meet, target, key=role, relation=role,
                   evidence=[_ev(DOC2, S3_START, S3, "alongside", text, "alongside", 0.7)], confidence=0.7)
    return g


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def require_program(name: str) -> str:
    """The path of ``name``; skip the test when missing, fail instead under GRAPHBUILD_STRICT=1."""
    found = shutil.which(name)
    if found is None:
        venv_bin = os.path.join(os.path.dirname(sys.executable), name)
        if os.access(venv_bin, os.X_OK):
            return venv_bin
        if os.environ.get("GRAPHBUILD_STRICT") == "1":
            pytest.fail(f"{name} is required (GRAPHBUILD_STRICT=1) but not found")
        pytest.skip(f"{name} not installed")
    return found


def wait_for_endpoint(query_url: str, proc: subprocess.Popen[bytes], seconds: float = 30.0) -> None:
    """Wait until the SPARQL endpoint ``query_url`` answers ``ASK {}``; fail if ``proc`` exits first."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = proc.stderr.read() if proc.stderr else b""
            raise RuntimeError(f"server exited with {proc.returncode}: {err!r}")
        try:
            with urllib.request.urlopen(query_url + "?query=" + urllib.parse.quote("ASK {}"), timeout=1):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    raise RuntimeError(f"{query_url} did not start")


def stop_process(proc: subprocess.Popen[bytes]) -> None:
    """Terminate ``proc`` (kill it after 10 s) and close its stderr pipe."""
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    if proc.stderr:
        proc.stderr.close()
