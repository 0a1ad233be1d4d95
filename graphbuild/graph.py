"""The corpus graph: one networkx MultiDiGraph with one attribute schema.

This module is the single place that decides what the graph's nodes and
edges carry; every exporter reads only these attributes.

Graph attributes (``G.graph``)
    ``documents``: ``{doc id: {"title", "date", "url", "text"}}`` (None when unknown; ``text``
    is the document text the offsets count in, the RDF's ``nif:isString``)
    ``base_iri``: the IRI base the exporters mint IRIs under.

Entity nodes (id = ``"<type>/<slug>"``, e.g. ``"person/antony-blinken"``)
    ``type`` (Person | Country | Place | Organization), ``label``,
    ``aliases`` (sorted list), ``mentions`` (list of ``{"doc", "start",
    "end", "text", "sentence_start", "sentence_end", "rule", "kind"}``; ``kind`` is
    ``"name"`` or ``"demonym"``, a nationality or member word such as "Russian" or "Tory"),
    ``mention_count``, ``merges`` (list of ``{"rule", "alias", "canonical",
    "doc", "evidence"}``), ``wikidata`` (Q-id or None); on a person with a
    post whose organisation the text does not give, ``positions`` (list of
    ``{"title", "evidence", "confidence"}`` plus ``"former": true`` for a
    past post, sorted by title).  No edge ever joins a node to itself.

Event nodes (id = ``"event/<hash>"``)
    ``type`` = ``"Event"``, ``event_type``, ``label``, ``doc``,
    ``trigger``, ``start``, ``end``, ``status`` (reported | planned |
    negated | hypothetical), ``time`` (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, or None),
    ``time_text``, ``quote``, ``rule``, ``confidence``, ``evidence`` (list of
    evidence dicts), ``trigger_mentions`` (list of ``{"start", "end", "text"}``).
    A cross-document event (:mod:`graphbuild.eventmerge`) has an id derived from
    its merge key, the attributes of its first member (``doc`` that member's
    document), and also ``docs`` (every document telling it, sorted),
    ``merges`` (list of ``{"rule", "doc", "event", "trigger", "start", "end",
    "key", "evidence"}``, one per other member), evidence from every member,
    and ``trigger_mentions`` carrying their ``"doc"``.

Edges (key = relation name, plus ``"|" + title`` for posts)
    ``relation``; ``evidence`` (list of ``{"doc", "sentence_start",
    "sentence_end", "subject_text", "object_text", "rule", "confidence",
    "sentence"}``, sorted, one per supporting sentence); ``confidence`` (the
    highest of its evidence); ``title`` for ``holds_position``; ``former``
    (True) when every supporting sentence gives a past post or affiliation; ``inferred``
    (True) when every record rests on world knowledge rather than a sentence
    (:data:`WORLD_KNOWLEDGE_RULES`, left out by a build without ``world_knowledge``).  Event
    argument edges go from the event node to the entity, with the role as
    ``relation``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

import networkx as nx

from graphbuild.eventmerge import EventMerges, MergedEvent, event_node_id, merge_events
from graphbuild.model import DocResult, Entity, Event, Evidence, Mention, Relation

__all__ = [
    "DEFAULT_BASE_IRI", "WORLD_KNOWLEDGE_RULES", "build_graph", "event_node_id", "is_world_knowledge", "kept_as",
    "relation_edge_key", "stated_only",
]

#: Evidence rules of relations the text does not state, inferred from the place table or a chain of other
#: facts: a town's country from the gazetteer ("Nagano" -> Japan), containment carried along a chain
#: (X based_in Los Angeles, Los Angeles located_in United States -> X based_in United States), a
#: country's post read from its title alone ("Home Secretary" -> United Kingdom), and a body's country read
#: from a nationality word or a place inside its own name ("British Bankers Association" -> United Kingdom,
#: "University of Alberta" -> Alberta).  Their edges
#: say ``inferred``; a build with ``--stated-only`` leaves them out.
WORLD_KNOWLEDGE_RULES = frozenset(
    {"located_in.gazetteer", "located_in.closure", "based_in.closure", "title.implied_country",
     "based_in.demonym_name", "based_in.name", "located_in.name"}
)


def is_world_knowledge(rel: Relation) -> bool:
    """Whether ``rel`` rests on world knowledge, not on its sentence (:data:`WORLD_KNOWLEDGE_RULES`); a post
    without organisation (subject == object) is the title itself, which the sentence states."""
    return rel.evidence.rule in WORLD_KNOWLEDGE_RULES and rel.subject != rel.object


def stated_only(results: Iterable[DocResult]) -> list[DocResult]:
    """``results`` without the relations that rest on world knowledge: every fact left has a sentence that
    states it.  A post whose country only the title implies ("Home Secretary" -> United Kingdom) stays as a
    post of the person without organisation."""
    out = []
    for res in results:
        if not any(is_world_knowledge(r) for r in res.relations):
            out.append(res)
            continue
        kept: dict[tuple[str, str, str, str | None, int], Relation] = {}
        for rel in res.relations:
            if is_world_knowledge(rel):
                if rel.relation != "holds_position" or not rel.title:
                    continue
                rel = replace(rel, object=rel.subject,
                              evidence=replace(rel.evidence, object_text=rel.evidence.subject_text))
            kept.setdefault((rel.subject, rel.relation, rel.object, rel.title, rel.evidence.sentence_start), rel)
        out.append(replace(res, relations=tuple(kept.values())))
    return out

DEFAULT_BASE_IRI = "https://graphbuild.example.org/id/"


def evidence_dict(ev: Evidence) -> dict[str, Any]:
    """An Evidence record as the graph.json evidence dict (built directly: asdict deep-copies)."""
    return {
        "doc": ev.doc,
        "sentence_start": ev.sentence_start,
        "sentence_end": ev.sentence_end,
        "subject_text": ev.subject_text,
        "object_text": ev.object_text,
        "rule": ev.rule,
        "confidence": ev.confidence,
        "sentence": ev.sentence,
    }


def mention_dict(doc: str, m: Mention) -> dict[str, Any]:
    """A Mention as the graph.json mention dict."""
    return {
        "doc": doc,
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "sentence_start": m.sentence_start,
        "sentence_end": m.sentence_end,
        "rule": m.rule,
        "kind": m.kind,
    }


def relation_edge_key(relation: str, title: str | None) -> str:
    """The key of a relation's edge: the relation name, plus ``"|" + title`` for a post."""
    return relation if title is None else f"{relation}|{title}"


#: The types a post's organisation may have; a post given with anything else is kept without organisation.
POST_OWNER_TYPES = frozenset({"Organization", "Country"})


def kept_as(relation: str, title: str | None, s: str, o: str, types: Mapping[str, str]) -> str | None:
    """How a relation from ``s`` to ``o`` enters the graph: ``"edge"``, ``"position"`` (a post of ``s`` whose
    organisation is not known: extraction's person-to-itself marker, or a post "in" something that is no
    organisation or country) or None (an entity related to itself, a post held by a non-person).

    ``types`` maps entity ids to their types; an id it lacks is taken to fit.
    """
    if relation != "holds_position":
        return None if s == o else "edge"
    if types.get(s, "Person") != "Person":
        return None
    if s == o or types.get(o, "Organization") not in POST_OWNER_TYPES:
        return "position" if title else None
    return "edge"


def _evkey(ev: Mapping[str, Any]) -> tuple[Any, ...]:
    return (ev["doc"], ev["sentence_start"], ev["sentence_end"], ev["rule"], ev["subject_text"], ev["object_text"])


def _add_evidence(pending: dict[tuple[Any, ...], dict[str, Any]], ev: dict[str, Any]) -> None:
    """Keep ``ev`` among an edge's evidence: one record per key, the more confident on a repeat."""
    key = _evkey(ev)
    old = pending.get(key)
    if old is None or ev["confidence"] > old["confidence"]:
        pending[key] = ev


def _finish_evidence(g: nx.MultiDiGraph, pending: dict[tuple[Any, Any, str], dict[tuple[Any, ...], dict[str, Any]]]) -> None:
    """Each edge's evidence sorted by key, and the edge's confidence the best of it."""
    for (s, o, k), records in pending.items():
        attrs = g.edges[s, o, k]
        existing = [records[key] for key in sorted(records)]
        attrs["evidence"] = existing
        attrs["confidence"] = max(e["confidence"] for e in existing)


def _finish_positions(
    g: nx.MultiDiGraph,
    pending: Mapping[tuple[str, str], dict[tuple[Any, ...], dict[str, Any]]],
    former: Mapping[tuple[Any, ...], bool],
) -> None:
    """The ``positions`` of the persons holding a post whose organisation is not known, sorted by title."""
    by_node: dict[str, list[dict[str, Any]]] = {}
    for (node, title), records in sorted(pending.items()):
        evidence = [records[key] for key in sorted(records)]
        pos: dict[str, Any] = {
            "title": title,
            "evidence": evidence,
            "confidence": max(e["confidence"] for e in evidence),
        }
        if former.get((node, title)):
            pos["former"] = True
        by_node.setdefault(node, []).append(pos)
    for node, positions in by_node.items():
        if node in g:
            g.nodes[node]["positions"] = positions


def _event_attrs(doc: str, evt: Event) -> dict[str, Any]:
    """The node attributes of one document's event."""
    return {
        "type": "Event",
        "event_type": evt.event_type,
        "label": evt.label or f"{evt.event_type}: {evt.trigger}",
        "doc": doc,
        "trigger": evt.trigger,
        "start": evt.start,
        "end": evt.end,
        "status": evt.status,
        "time": evt.time,
        "time_text": evt.time_text,
        "quote": evt.quote,
        "rule": evt.rule,
        "confidence": evt.confidence,
        "evidence": sorted((evidence_dict(e) for e in evt.evidence), key=_evkey),
        "trigger_mentions": [{"start": s, "end": e, "text": t} for s, e, t in evt.mentions],
    }


def _merged_attrs(group: MergedEvent, present: list[tuple[str, Event]]) -> dict[str, Any]:
    """The node attributes of a cross-document event from its members at hand (all of them in a whole
    graph; a part graph of some documents gets those documents' parts right, see graphbuild.render)."""
    lead_doc, lead = present[0]
    attrs = _event_attrs(lead_doc, lead)
    evidence: dict[tuple[Any, ...], dict[str, Any]] = {}
    mentions: list[dict[str, Any]] = []
    for d, evt in present:
        for e in evt.evidence:
            _add_evidence(evidence, evidence_dict(e))
        if (d, evt.key) != (lead_doc, lead.key):
            mentions.append({"doc": d, "start": evt.start, "end": evt.end, "text": evt.trigger})
        mentions.extend({"doc": d, "start": s, "end": e, "text": t} for s, e, t in evt.mentions)
    attrs.update(
        doc=group.doc,
        docs=group.docs,
        quote=next((evt.quote for _, evt in present if evt.quote), None),
        confidence=max(evt.confidence for _, evt in present),
        evidence=[evidence[k] for k in sorted(evidence)],
        trigger_mentions=sorted(mentions, key=lambda m: (m["doc"], m["start"], m["end"])),
        merges=[m.as_dict() for m in group.merges],
    )
    return attrs


def build_graph(
    entities: Iterable[Entity],
    results: Iterable[DocResult],
    entity_of: Mapping[tuple[str, str], str],
    base_iri: str = DEFAULT_BASE_IRI,
    merges: EventMerges | None = None,
) -> nx.MultiDiGraph:
    """Assemble the corpus graph.

    ``entity_of`` maps ``(doc id, DocEntity.key)`` to the corpus entity id
    (:func:`graphbuild.resolve.resolve` returns it).  ``merges`` are the
    cross-document event merges of the corpus (:func:`graphbuild.eventmerge.merge_events`);
    when None they are found among ``results``, which must then be the whole corpus.
    """
    g: nx.MultiDiGraph = nx.MultiDiGraph()
    g.graph["base_iri"] = base_iri
    docs: dict[str, dict[str, Any]] = {}
    g.graph["documents"] = docs
    pending: dict[tuple[Any, Any, str], dict[tuple[Any, ...], dict[str, Any]]] = {}
    formers: dict[tuple[Any, ...], bool] = {}  # an edge or position is former when all its relations are
    inferred: dict[tuple[Any, ...], bool] = {}  # an edge is inferred when all its relations rest on world knowledge
    positions: dict[tuple[str, str], dict[tuple[Any, ...], dict[str, Any]]] = {}
    entities = list(entities)
    types = {e.id: e.type for e in entities}
    results = sorted(results, key=lambda r: r.doc.id)
    if merges is None:
        merges = merge_events(results, entity_of, {e.id: e.label for e in entities})
    members: dict[str, list[tuple[str, Event]]] = {}  # merged event id -> its members at hand
    for ent in sorted(entities, key=lambda e: e.id):
        mentions = sorted(
            (mention_dict(doc, m) for doc, m in ent.mentions),
            key=lambda d: (d["doc"], d["start"], d["end"]),
        )
        g.add_node(
            ent.id,
            type=ent.type,
            label=ent.label,
            aliases=sorted(set(ent.aliases) - {ent.label}),
            mentions=mentions,
            mention_count=len(mentions),
            merges=[
                {"rule": m.rule, "alias": m.alias, "canonical": m.canonical, "doc": m.doc, "evidence": m.evidence}
                for m in ent.merges
            ],
            wikidata=ent.wikidata,
        )
    for res in results:
        d = res.doc
        docs[d.id] = {"title": d.title, "date": d.date, "url": d.url, "text": d.text}
        for rel in res.relations:
            s = entity_of.get((d.id, rel.subject))
            o = entity_of.get((d.id, rel.object))
            if s is None or o is None:
                continue
            kind = kept_as(rel.relation, rel.title, s, o, types)
            if kind != "edge":
                if kind == "position" and rel.title:
                    _add_evidence(positions.setdefault((s, rel.title), {}), evidence_dict(rel.evidence))
                    formers[(s, rel.title)] = formers.get((s, rel.title), True) and rel.former
                continue
            key = relation_edge_key(rel.relation, rel.title)
            if not g.has_edge(s, o, key):
                attrs: dict[str, Any] = {"relation": rel.relation}
                if rel.title is not None:
                    attrs["title"] = rel.title
                g.add_edge(s, o, key=key, **attrs)
            _add_evidence(pending.setdefault((s, o, key), {}), evidence_dict(rel.evidence))
            was = formers.get((s, o, key), True) and rel.former
            formers[(s, o, key)] = was
            if was:
                g.edges[s, o, key]["former"] = True
            else:
                g.edges[s, o, key].pop("former", None)
            guess = inferred[(s, o, key)] = inferred.get((s, o, key), True) and is_world_knowledge(rel)
            if guess:
                g.edges[s, o, key]["inferred"] = True
            else:
                g.edges[s, o, key].pop("inferred", None)
        for evt in res.events:
            nid = merges.node_id(d.id, evt)
            if nid in merges.merged:
                members.setdefault(nid, []).append((d.id, evt))
            else:
                g.add_node(nid, **_event_attrs(d.id, evt))
            ev0 = evt.evidence[0] if evt.evidence else None
            for arg in evt.arguments:
                target = entity_of.get((d.id, arg.entity))
                if target is None:
                    continue
                key = arg.role
                if not g.has_edge(nid, target, key):
                    g.add_edge(nid, target, key=key, relation=arg.role)
                if arg.evidence is not None:
                    _add_evidence(pending.setdefault((nid, target, key), {}), evidence_dict(arg.evidence))
                elif ev0 is not None:
                    _add_evidence(
                        pending.setdefault((nid, target, key), {}),
                        evidence_dict(
                            Evidence(
                                doc=d.id,
                                sentence_start=ev0.sentence_start,
                                sentence_end=ev0.sentence_end,
                                subject_text=evt.trigger,
                                object_text=arg.text,
                                rule=evt.rule,
                                confidence=evt.confidence,
                                sentence=ev0.sentence,
                            )
                        ),
                    )
    for nid, present in members.items():
        group = merges.merged[nid]
        order = {m: i for i, m in enumerate(group.members)}
        present.sort(key=lambda x: order[(x[0], x[1].key)])
        g.add_node(nid, **_merged_attrs(group, present))
    _finish_evidence(g, pending)
    _finish_positions(g, positions, formers)
    return g
