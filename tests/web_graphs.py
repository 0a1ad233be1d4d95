"""Hand-made graphs in the graphbuild.graph schema, for the HTML exporter tests and benchmark."""

from __future__ import annotations

import random
from typing import Any

import networkx as nx

from graphbuild.graph import DEFAULT_BASE_IRI, event_node_id

SEED_DOC = "kyiv-blinken-lammy"
SEED_TEXT = (
    "KYIV (Ukraine): The US and British top diplomats vowed Wednesday to work together for Ukraine's victory. "
    "In a rare joint trip, US Secretary of State Antony Blinken took the train from Poland to Kyiv alongside "
    "Foreign Secretary David Lammy. "
    "At three-way talks with their Ukrainian counterpart, Blinken said the visit sent a strong message. "
    "The only person that gains is Russian President Vladimir Putin, Lammy said. "
    "Russia is advancing on the key logistics hub of Pokrovsk. "
    "Kremlin spokesman Dmitry Peskov told reporters the response will be appropriate."
)


def _sentence(text: str, needle: str) -> tuple[int, int, str]:
    """The (start, end, text) of the sentence of ``text`` that contains ``needle``."""
    i = text.index(needle)
    start = text.rfind(". ", 0, i)
    start = 0 if start < 0 else start + 2
    end = text.find(". ", i)
    end = len(text) if end < 0 else end + 1
    return start, end, text[start:end]


def evidence(
    doc: str, text: str, needle: str, subj: str, obj: str, rule: str = "test", conf: float = 0.9
) -> dict[str, Any]:
    """An evidence dict for the sentence of ``text`` containing ``needle``."""
    s, e, sent = _sentence(text, needle)
    return {
        "doc": doc,
        "sentence_start": s,
        "sentence_end": e,
        "subject_text": subj,
        "object_text": obj,
        "rule": rule,
        "confidence": conf,
        "sentence": sent,
    }


def add_entity(
    g: nx.MultiDiGraph,
    nid: str,
    typ: str,
    label: str,
    doc: str,
    text: str,
    surfaces: list[str],
    aliases: list[str] | None = None,
    wikidata: str | None = None,
) -> None:
    """Add an entity node with one mention per surface form found in ``text``."""
    mentions = []
    for surf in surfaces:
        i = text.index(surf)
        s, e, _ = _sentence(text, surf)
        mentions.append(
            {"doc": doc, "start": i, "end": i + len(surf), "text": surf, "sentence_start": s, "sentence_end": e,
             "rule": "ner"}
        )
    mentions.sort(key=lambda m: (m["doc"], m["start"], m["end"]))
    g.add_node(
        nid,
        type=typ,
        label=label,
        aliases=sorted(aliases or []),
        mentions=mentions,
        mention_count=len(mentions),
        merges=[],
        wikidata=wikidata,
    )


def add_relation(
    g: nx.MultiDiGraph, s: str, o: str, relation: str, ev: dict[str, Any], title: str | None = None
) -> None:
    """Add a relation edge with one evidence record."""
    key = relation if title is None else f"{relation}|{title}"
    attrs: dict[str, Any] = {"relation": relation, "evidence": [ev], "confidence": ev["confidence"]}
    if title is not None:
        attrs["title"] = title
    g.add_edge(s, o, key=key, **attrs)


def add_event(
    g: nx.MultiDiGraph,
    doc: str,
    text: str,
    trigger: str,
    event_type: str,
    args: list[tuple[str, str]],
    quote: str | None = None,
    time: str | None = None,
    time_text: str | None = None,
) -> str:
    """Add an event node with role edges to ``args`` (role, entity id); return its id."""
    start = text.index(trigger)
    end = start + len(trigger)
    nid = event_node_id(doc, start, end, event_type)
    ev = evidence(doc, text, trigger, trigger, "", rule="trigger", conf=0.8)
    g.add_node(
        nid,
        type="Event",
        event_type=event_type,
        label=f"{event_type}: {trigger}",
        doc=doc,
        trigger=trigger,
        start=start,
        end=end,
        time=time,
        time_text=time_text,
        quote=quote,
        rule="trigger",
        confidence=0.8,
        evidence=[ev],
        trigger_mentions=[{"start": start, "end": end, "text": trigger}],
    )
    for role, target in args:
        arg_ev = dict(ev, object_text=g.nodes[target]["label"])
        g.add_edge(nid, target, key=role, relation=role, evidence=[arg_ev], confidence=0.8)
    return nid


def seed_graph() -> nx.MultiDiGraph:
    """A graph like the one the pipeline builds from the Kyiv/Blinken/Lammy seed article."""
    g: nx.MultiDiGraph = nx.MultiDiGraph()
    g.graph["base_iri"] = DEFAULT_BASE_IRI
    g.graph["documents"] = {
        SEED_DOC: {"title": "Blinken and Lammy visit Kyiv", "date": "2024-09-11", "url": None, "source": "seed"}
    }
    d, t = SEED_DOC, SEED_TEXT
    add_entity(g, "person/antony-blinken", "Person", "Antony Blinken", d, t, ["Antony Blinken", "Blinken said"],
               aliases=["Blinken"], wikidata="Q7354")
    add_entity(g, "person/david-lammy", "Person", "David Lammy", d, t, ["David Lammy", "Lammy said"],
               aliases=["Lammy"], wikidata="Q1174839")
    add_entity(g, "person/vladimir-putin", "Person", "Vladimir Putin", d, t, ["Vladimir Putin"], wikidata="Q7747")
    add_entity(g, "country/united-states", "Country", "United States", d, t, ["US and", "US Secretary"],
               aliases=["US"], wikidata="Q30")
    add_entity(g, "country/united-kingdom", "Country", "United Kingdom", d, t, ["British"], aliases=["British"],
               wikidata="Q145")
    add_entity(g, "country/russia", "Country", "Russia", d, t, ["Russian", "Russia is"], aliases=["Russian"],
               wikidata="Q159")
    add_entity(g, "country/ukraine", "Country", "Ukraine", d, t, ["Ukraine)", "Ukraine's", "Ukrainian"],
               aliases=["Ukrainian"], wikidata="Q212")
    add_entity(g, "place/kyiv", "Place", "Kyiv", d, t, ["KYIV", "Kyiv"], aliases=["KYIV"], wikidata="Q1899")
    add_entity(g, "place/pokrovsk", "Place", "Pokrovsk", d, t, ["Pokrovsk"])
    add_entity(g, "place/poland", "Place", "Poland", d, t, ["Poland"])
    add_entity(g, "organization/kremlin", "Organization", "Kremlin", d, t, ["Kremlin"], wikidata="Q150993")
    add_entity(g, "person/dmitry-peskov", "Person", "Dmitry Peskov", d, t, ["Dmitry Peskov"])

    add_relation(g, "person/antony-blinken", "country/united-states", "holds_position",
                 evidence(d, t, "Antony Blinken", "Antony Blinken", "US", "title_compound"), title="Secretary of State")
    add_relation(g, "person/david-lammy", "country/united-kingdom", "holds_position",
                 evidence(d, t, "David Lammy", "David Lammy", "Foreign Secretary", "title_compound"),
                 title="Foreign Secretary")
    add_relation(g, "person/vladimir-putin", "country/russia", "holds_position",
                 evidence(d, t, "Vladimir Putin", "Vladimir Putin", "Russian", "title_compound"), title="President")
    add_relation(g, "person/dmitry-peskov", "organization/kremlin", "affiliated_with",
                 evidence(d, t, "Dmitry Peskov", "Dmitry Peskov", "Kremlin", "title_compound"))
    add_relation(g, "place/kyiv", "country/ukraine", "located_in",
                 evidence(d, t, "KYIV", "KYIV", "Ukraine", "dateline"))

    add_event(g, d, t, "trip", "Travel",
              [("agent", "person/antony-blinken"), ("agent", "person/david-lammy"), ("origin", "place/poland"),
               ("destination", "place/kyiv")])
    add_event(g, d, t, "talks", "Meet",
              [("participant", "person/antony-blinken"), ("participant", "country/ukraine")])
    add_event(g, d, t, "Lammy said", "Statement", [("agent", "person/david-lammy")],
              quote="The only person that gains is Russian President Vladimir Putin")
    add_event(g, d, t, "told", "Statement", [("agent", "person/dmitry-peskov")],
              quote="the response will be appropriate", time="2024-09-11", time_text="Wednesday")
    add_event(g, d, t, "advancing", "Attack", [("agent", "country/russia"), ("target", "place/pokrovsk")])
    return g


SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
JSURL = "javascript:alert(1)"
PAYLOADS = (SCRIPT, IMG, JSURL)


def hostile_graph() -> nx.MultiDiGraph:
    """A seed-like graph whose article text carries script, img-onerror and javascript: payloads everywhere."""
    g = seed_graph()
    hostile_doc = "evil-doc"
    text = (
        f"Mr {SCRIPT} Smith met \"Quoted\" O'Brien in {IMG} City. "
        f"The ministry said {JSURL} was the answer </script><!-- \u2028\u2029 ok."
    )
    g.graph["documents"][hostile_doc] = {
        "title": f"Title {SCRIPT} {IMG} {JSURL}",
        "date": None,
        "url": JSURL,
        "source": IMG,
    }
    add_entity(g, "person/evil", "Person", f"Mr {SCRIPT} Smith", hostile_doc, text, [f"Mr {SCRIPT} Smith"],
               aliases=[IMG, JSURL, "\"Quoted\" O'Brien"], wikidata=JSURL)
    add_entity(g, "place/evil-city", "Place", f"{IMG} City", hostile_doc, text, [f"{IMG} City"])
    add_relation(g, "person/evil", "place/evil-city", "located_in",
                 evidence(hostile_doc, text, "met", f"Mr {SCRIPT} Smith", f"{IMG} City", rule=IMG))
    add_event(g, hostile_doc, text, "said", "Statement", [("agent", "person/evil"), ("place", "place/evil-city")],
              quote=f"{JSURL} was the answer </script><!--", time_text=SCRIPT)
    return g


EVENT_TYPES = ("Travel", "Meet", "Statement", "Request", "Attack", "Support", "Agreement", "Sanction", "Transfer",
               "Personnel", "Death", "Protest", "Other")
ENTITY_TYPES = ("Person", "Country", "Place", "Organization")
ROLES = ("agent", "participant", "target", "place", "origin", "destination")


POSTS = ("Minister", "Prime Minister", "Foreign Secretary", "Chancellor")
STATUSES = ("reported", "reported", "reported", "planned", "negated", "hypothetical")


def big_graph(n_nodes: int = 5000, seed: int = 0, n_docs: int = 417) -> nx.MultiDiGraph:
    """A synthetic corpus graph of about ``n_nodes`` nodes (60% entities, 40% events), skewed like news.

    Documents are dated a day apart from 2005-01-01; ``holds_position`` edges carry one of ``POSTS``
    (some ``former``), a few people hold a post with no organisation (``positions`` on the node, as
    graph.json gives it), and events carry a ``status``.
    """
    rng = random.Random(seed)
    g: nx.MultiDiGraph = nx.MultiDiGraph()
    g.graph["base_iri"] = DEFAULT_BASE_IRI
    docs = [f"bbc-politics-{i:03d}" for i in range(n_docs)]
    g.graph["documents"] = {
        d: {"title": f"Politics story number {i}", "date": f"{2005 + i // 365}-{(i % 365) // 31 + 1:02d}-"
            f"{(i % 365) % 28 + 1:02d}", "url": None, "source": "synthetic"}
        for i, d in enumerate(docs)
    }
    n_ent = int(n_nodes * 0.6)
    n_evt = n_nodes - n_ent
    ents: list[str] = []
    for i in range(n_ent):
        typ = rng.choices(ENTITY_TYPES, weights=(5, 1, 2, 3))[0]
        nid = f"{typ.lower()}/entity-{i}"
        count = max(1, int(rng.paretovariate(1.2)))
        mentions = []
        for _ in range(min(count, 40)):
            doc = rng.choice(docs)
            start = rng.randrange(0, 3000)
            mentions.append({"doc": doc, "start": start, "end": start + 8, "text": f"Entity {i}",
                             "sentence_start": max(0, start - 40), "sentence_end": start + 60, "rule": "ner"})
        mentions.sort(key=lambda m: (m["doc"], m["start"], m["end"]))
        g.add_node(nid, type=typ, label=f"{typ} {i}", aliases=[f"E{i}"], mentions=mentions,
                   mention_count=len(mentions), merges=[], wikidata=None)
        ents.append(nid)
    weights = [g.nodes[e]["mention_count"] for e in ents]
    for _ in range(n_ent):
        s, o = rng.choices(ents, weights=weights, k=2)
        if s == o:
            continue
        doc = rng.choice(docs)
        st = rng.randrange(0, 3000)
        rel = rng.choice(("holds_position", "affiliated_with", "located_in", "member_of"))
        ev = {"doc": doc, "sentence_start": st, "sentence_end": st + 90, "subject_text": g.nodes[s]["label"],
              "object_text": g.nodes[o]["label"], "rule": "synthetic", "confidence": 0.7,
              "sentence": f"{g.nodes[s]['label']} is linked to {g.nodes[o]['label']} in sentence {st}."}
        title = rng.choice(POSTS) if rel == "holds_position" else None
        add_relation(g, s, o, rel, ev, title=title)
        if rel == "holds_position" and rng.random() < 0.2:
            g.edges[s, o, f"{rel}|{title}"]["former"] = True
    for i, nid in enumerate(ents):
        if nid.startswith("person/") and i % 23 == 0:
            doc = g.nodes[nid]["mentions"][0]["doc"]
            st = g.nodes[nid]["mentions"][0]["start"]
            ev = {"doc": doc, "sentence_start": st, "sentence_end": st + 80, "subject_text": g.nodes[nid]["label"],
                  "object_text": "Prime Minister", "rule": "synthetic", "confidence": 0.7,
                  "sentence": f"Prime Minister {g.nodes[nid]['label']} spoke in sentence {st}."}
            g.nodes[nid]["positions"] = [{"title": "Prime Minister", "evidence": [ev]}]
    for j in range(n_evt):
        doc = rng.choice(docs)
        et = rng.choice(EVENT_TYPES)
        start = rng.randrange(0, 3000)
        nid = event_node_id(doc, start, start + 5, et)
        sent = f"Something of type {et} happened in story {doc} at {start}."
        ev = {"doc": doc, "sentence_start": start, "sentence_end": start + 60, "subject_text": "x",
              "object_text": "", "rule": "trigger", "confidence": 0.6, "sentence": sent}
        g.add_node(nid, type="Event", event_type=et, label=f"{et}: trigger{j}", doc=doc, trigger=f"trigger{j}",
                   start=start, end=start + 5, time=None, time_text=None, quote=None, rule="trigger",
                   confidence=0.6, evidence=[ev], trigger_mentions=[], status=rng.choice(STATUSES))
        for target in set(rng.choices(ents, weights=weights, k=rng.randint(1, 3))):
            role = rng.choice(ROLES)
            g.add_edge(nid, target, key=role, relation=role, evidence=[ev], confidence=0.6)
    return g
