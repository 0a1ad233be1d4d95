"""The object-based RDF conversion as it was before the string fast path: a frozen reference.

``reference_quads`` builds one pyoxigraph ``Quad`` per statement, exactly as
``graph_to_quads`` did when the model was settled.  Tests compare the fast
path with it quad for quad; do not "fix" it to follow later changes.

Changed once on purpose, for the one-copy layout (issue 12): relation
triples, posts and days in ``graph/relations`` (event roles in the event's
document graph), a person's ``positions`` as posts without ``org:postIn``
whose statements describe ``person org:holds post``, and ``gb:former``.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import quote

import networkx as nx
import pyoxigraph as ox

from graphbuild.exporters.rdf import (
    DCTERMS,
    ENTITY_CLASSES,
    EVENT_ACTIONS,
    GB,
    ITSRDF,
    NIF,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SEM,
    SEM_ROLE_PROPERTIES,
    WD,
    XSD,
    _digest,
    _offsets,
    _quote,
    clean_text,
    event_type_iri,
    is_xsd_date,
    normalise_base,
    relation_property,
    role_property,
    valid_iri,
)

log = logging.getLogger(__name__)

_LANG = "en"
_QID = re.compile(r"Q[1-9][0-9]*")
_XSD_DATE = ox.NamedNode(XSD + "date")
_XSD_DECIMAL = ox.NamedNode(XSD + "decimal")
_XSD_NNI = ox.NamedNode(XSD + "nonNegativeInteger")

def _nn(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _lit(value: object) -> ox.Literal:
    return ox.Literal(clean_text(value))


def _en(value: object) -> ox.Literal:
    return ox.Literal(clean_text(value), language=_LANG)


def _nni(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=_XSD_NNI)


def _date(value: object) -> ox.Literal:
    """``xsd:date`` when valid, otherwise a plain literal (never ill-typed)."""
    if is_xsd_date(value):
        return ox.Literal(str(value), datatype=_XSD_DATE)
    return _lit(value)


def _decimal(value: object) -> ox.Literal | None:
    """A number as ``xsd:decimal``; None for non-numbers and non-finite values."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    try:
        text = format(Decimal(repr(value)), "f")
    except InvalidOperation:
        return None
    if "." not in text:
        text += ".0"
    return ox.Literal(text, datatype=_XSD_DECIMAL)


class Minter:
    """Deterministic IRIs under one base."""

    def __init__(self, base: str) -> None:
        self.base = base
        self._cache: dict[str, ox.NamedNode] = {}

    def node(self, node_id: str) -> ox.NamedNode:
        """An entity or event node: ``base + node id``, percent-encoded once; hash path if unusable."""
        hit = self._cache.get(node_id)
        if hit is not None:
            return hit
        path = quote(str(node_id).encode("utf-8", "surrogatepass"), safe="/-._~")
        iri = self.base + path
        if not path.strip("/") or not valid_iri(iri):
            iri = f"{self.base}node/{_digest(node_id)[:20]}"
        nn = ox.NamedNode(iri)
        self._cache[node_id] = nn
        return nn

    def doc(self, doc_id: str) -> ox.NamedNode:
        """The article (and NIF context) of a document."""
        return _nn(f"{self.base}doc/{_quote(doc_id)}")

    def span(self, doc_id: str, start: int, end: int) -> ox.NamedNode:
        """A string of a document (RFC 5147 style ``#char=start,end``): a sentence or a mention."""
        return _nn(f"{self.base}doc/{_quote(doc_id)}#char={start},{end}")

    def doc_graph(self, doc_id: str) -> ox.NamedNode:
        """The named graph holding one document's facts."""
        return _nn(f"{self.base}graph/doc/{_quote(doc_id)}")

    def entities_graph(self) -> ox.NamedNode:
        """The named graph holding corpus-level entity facts."""
        return _nn(f"{self.base}graph/entities")

    def relations_graph(self) -> ox.NamedNode:
        """The named graph holding corpus-level relation facts."""
        return _nn(f"{self.base}graph/relations")

    def hashed(self, kind: str, *parts: object) -> ox.NamedNode:
        """A node named by a hash of ``parts`` (statements, posts)."""
        return _nn(f"{self.base}{kind}/{_digest(kind, *parts)[:20]}")

    def time(self, day: str) -> ox.NamedNode:
        """A ``sem:Time`` node for a valid ``xsd:date``."""
        return _nn(f"{self.base}day/{day}")


class _Quads:
    """Collects quads; sentence texts are resolved once all evidence is known."""

    def __init__(self, minter: Minter) -> None:
        self.m = minter
        self.quads: set[ox.Quad] = set()
        self.sentences: dict[tuple[str, int, int], str | None] = {}
        self.docs: set[str] = set()

    def add(self, g: ox.NamedNode, s: ox.NamedNode, p: str, o: ox.NamedNode | ox.Literal) -> None:
        self.quads.add(ox.Quad(s, _nn(p), o, g))

    def typ(self, g: ox.NamedNode, s: ox.NamedNode, cls: str) -> None:
        self.add(g, s, RDF + "type", _nn(cls))

    def sentence(self, doc: str, start: object, end: object, text: object = None) -> ox.NamedNode | None:
        """Note a sentence of ``doc``; its IRI, or None when the offsets are unusable."""
        off = _offsets(start, end)
        if off is None:
            log.warning("document %r: sentence offsets %r..%r are not usable; left out", doc, start, end)
            return None
        key = (doc, off[0], off[1])
        self.docs.add(doc)
        if isinstance(text, str) and text and not self.sentences.get(key):
            self.sentences[key] = text
        else:
            self.sentences.setdefault(key, None)
        return self.m.span(doc, *off)

    def finish_sentences(self) -> None:
        for (doc, start, end), text in self.sentences.items():
            g = self.m.doc_graph(doc)
            s = self.m.span(doc, start, end)
            self.typ(g, s, NIF + "Sentence")
            self.typ(g, s, NIF + "String")
            self.add(g, s, NIF + "beginIndex", _nni(start))
            self.add(g, s, NIF + "endIndex", _nni(end))
            self.add(g, s, NIF + "referenceContext", self.m.doc(doc))
            if text:
                self.add(g, s, NIF + "anchorOf", _lit(text))

    def document(self, doc: str, meta: Mapping[str, Any]) -> None:
        g = self.m.doc_graph(doc)
        a = self.m.doc(doc)
        self.typ(g, a, SCHEMA + "NewsArticle")
        self.typ(g, a, NIF + "Context")
        self.add(g, a, GB + "docId", _lit(doc))
        title = meta.get("title")
        if title:
            self.add(g, a, SCHEMA + "headline", _en(title))
            self.add(g, a, DCTERMS + "title", _en(title))
        day = meta.get("date")
        if day:
            self.add(g, a, SCHEMA + "datePublished", _date(day))
        url = meta.get("url")
        if url:
            self.add(g, a, SCHEMA + "url", _nn(url) if valid_iri(str(url)) else _lit(url))

    def statement(
        self,
        g: ox.NamedNode,
        subject: ox.NamedNode,
        predicate: str,
        obj: ox.NamedNode,
        relation: str,
        ev: Mapping[str, Any],
        extra: Iterable[tuple[str, ox.NamedNode | ox.Literal]] = (),
    ) -> None:
        doc = str(ev.get("doc", ""))
        sent = self.sentence(doc, ev.get("sentence_start"), ev.get("sentence_end"), ev.get("sentence"))
        st = self.m.hashed(
            "statement",
            subject.value,
            predicate,
            obj.value,
            doc,
            ev.get("sentence_start"),
            ev.get("sentence_end"),
            ev.get("rule"),
            ev.get("subject_text"),
            ev.get("object_text"),
        )
        self.typ(g, st, RDF + "Statement")
        self.typ(g, st, GB + "Statement")
        self.add(g, st, RDF + "subject", subject)
        self.add(g, st, RDF + "predicate", _nn(predicate))
        self.add(g, st, RDF + "object", obj)
        self.add(g, st, GB + "relation", _lit(relation))
        conf = _decimal(ev.get("confidence"))
        if conf is not None:
            self.add(g, st, GB + "confidence", conf)
        for key, prop in (("rule", "rule"), ("subject_text", "subjectText"), ("object_text", "objectText")):
            value = ev.get(key)
            if value is not None and value != "":
                self.add(g, st, GB + prop, _lit(value))
        if sent is not None:
            self.add(g, st, PROV + "wasDerivedFrom", sent)
        for p, o in extra:
            self.add(g, st, p, o)

    def entity(self, node: str, attrs: Mapping[str, Any]) -> None:
        g = self.m.entities_graph()
        e = self.m.node(node)
        etype = str(attrs.get("type", ""))
        cls = ENTITY_CLASSES.get(etype)
        if cls is None:
            log.warning("entity %r has unknown type %r; typed schema:Thing", node, etype)
            cls = SCHEMA + "Thing"
        self.typ(g, e, cls)
        label = attrs.get("label")
        if label is not None and label != "":
            self.add(g, e, RDFS + "label", _en(label))
        for alias in attrs.get("aliases") or ():
            if alias and alias != label:
                self.add(g, e, SCHEMA + "alternateName", _en(alias))
        qid = attrs.get("wikidata")
        if qid:
            if isinstance(qid, str) and _QID.fullmatch(qid):
                self.add(g, e, OWL + "sameAs", _nn(WD + qid))
            else:
                log.warning("entity %r: %r is not a Wikidata Q-id; left out", node, qid)
        for m in attrs.get("mentions") or ():
            self.mention(e, m)

    def mention(self, target: ox.NamedNode, m: Mapping[str, Any], rule_prop: bool = True) -> None:
        doc = str(m.get("doc", ""))
        off = _offsets(m.get("start"), m.get("end"))
        if off is None:
            log.warning("document %r: mention offsets %r..%r unusable; left out", doc, m.get("start"), m.get("end"))
            return
        self.docs.add(doc)
        g = self.m.doc_graph(doc)
        ph = self.m.span(doc, *off)
        self.typ(g, ph, NIF + "Phrase")
        self.typ(g, ph, NIF + "String")
        self.add(g, ph, NIF + "beginIndex", _nni(off[0]))
        self.add(g, ph, NIF + "endIndex", _nni(off[1]))
        self.add(g, ph, NIF + "referenceContext", self.m.doc(doc))
        text = m.get("text")
        if text is not None and text != "":
            self.add(g, ph, NIF + "anchorOf", _lit(text))
        self.add(g, ph, GB + "denotes", target)
        self.add(g, ph, ITSRDF + "taIdentRef", target)
        rule = m.get("rule")
        if rule_prop and rule:
            self.add(g, ph, GB + "rule", _lit(rule))
        if "sentence_start" in m:
            sent = self.sentence(doc, m.get("sentence_start"), m.get("sentence_end"))
            if sent is not None:
                self.add(g, ph, NIF + "sentence", sent)

    def event(self, node: str, attrs: Mapping[str, Any]) -> ox.NamedNode:
        doc = attrs.get("doc")
        g = self.m.doc_graph(str(doc)) if doc is not None else self.m.entities_graph()
        if doc is not None:
            self.docs.add(str(doc))
        ev = self.m.node(node)
        etype = str(attrs.get("event_type") or "Other")
        self.typ(g, ev, SEM + "Event")
        action = EVENT_ACTIONS.get(etype)
        if action:
            self.typ(g, ev, action)
        self.add(g, ev, GB + "eventType", _lit(etype))
        self.add(g, ev, SEM + "eventType", _nn(event_type_iri(etype)))
        label = attrs.get("label") or etype
        self.add(g, ev, RDFS + "label", _en(label))
        if doc is not None:
            self.add(g, ev, GB + "document", self.m.doc(str(doc)))
        for key, prop in (("trigger", "trigger"), ("rule", "rule"), ("time_text", "timeText"), ("quote", "quote")):
            value = attrs.get(key)
            if value is not None and value != "":
                self.add(g, ev, GB + prop, _lit(value))
        conf = _decimal(attrs.get("confidence"))
        if conf is not None:
            self.add(g, ev, GB + "confidence", conf)
        when = attrs.get("time")
        if when:
            self.add(g, ev, GB + "date", _date(when))
            if is_xsd_date(when):
                t = self.m.time(str(when))
                self.add(g, ev, SEM + "hasTime", t)
                r = self.m.relations_graph()
                self.typ(r, t, SEM + "Time")
                self.add(r, t, SEM + "hasTimeStamp", _date(when))
                self.add(r, t, RDFS + "label", _lit(when))
        for e in attrs.get("evidence") or ():
            sent = self.sentence(
                str(e.get("doc", doc)), e.get("sentence_start"), e.get("sentence_end"), e.get("sentence")
            )
            if sent is not None:
                self.add(g, ev, PROV + "wasDerivedFrom", sent)
        if doc is not None:
            for tm in attrs.get("trigger_mentions") or ():
                self.mention(ev, {"doc": doc, **tm}, rule_prop=False)
        return ev

    def edge(self, s: str, o: str, attrs: Mapping[str, Any], is_event: bool, event_doc: str | None) -> None:
        relation = str(attrs.get("relation", ""))
        subj = self.m.node(s)
        obj = self.m.node(o)
        evidence: list[Mapping[str, Any]] = list(attrs.get("evidence") or ())
        self.docs.update(str(e.get("doc", "")) for e in evidence)
        extra: list[tuple[str, ox.NamedNode | ox.Literal]] = []
        if is_event:
            g = self.m.doc_graph(event_doc) if event_doc is not None else self.m.entities_graph()
            if event_doc is not None:
                self.docs.add(event_doc)
            pred = role_property(relation)
            self.add(g, subj, pred, obj)
            sem = SEM_ROLE_PROPERTIES.get(relation)
            if sem:
                self.add(g, subj, sem, obj)
        else:
            g = self.m.relations_graph()
            pred = relation_property(relation)
            title = attrs.get("title")
            if s != o:
                self.add(g, subj, pred, obj)
            if relation == "holds_position" and title:
                post = self.m.hashed("post", s, title, o)
                self.typ(g, post, ORG + "Post")
                self.add(g, post, RDFS + "label", _en(title))
                self.add(g, post, GB + "title", _lit(title))
                self.add(g, post, ORG + "heldBy", subj)
                self.add(g, subj, ORG + "holds", post)
                if s != o:
                    self.add(g, post, ORG + "postIn", obj)
                if attrs.get("former"):
                    self.add(g, post, GB + "former", ox.Literal("true", datatype=_nn(XSD + "boolean")))
                extra = [(GB + "title", _lit(title)), (GB + "post", post)]
                if s == o:
                    pred, obj = ORG + "holds", post
            if attrs.get("former"):
                extra.append((GB + "former", ox.Literal("true", datatype=_nn(XSD + "boolean"))))
            if s == o and pred != ORG + "holds":
                return
        for e in evidence:
            g = self.m.doc_graph(str(e.get("doc", "")))
            self.statement(g, subj, pred, obj, relation, e, extra)


def _quad_key(q: ox.Quad) -> tuple[str, str, str, str]:
    return (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object))


def reference_quads(graph: nx.MultiDiGraph, base_iri: str | None = None) -> list[ox.Quad]:
    """The RDF of ``graph`` as quads in named graphs, sorted (the pre-fast-path reference).

    One named graph per document plus one for entity facts; a triple that
    several documents support appears once in each of their graphs.
    """
    minter = Minter(normalise_base(base_iri, graph))
    b = _Quads(minter)
    events: dict[str, str | None] = {}
    for node in sorted(graph.nodes, key=str):
        attrs = graph.nodes[node]
        if attrs.get("type") == "Event":
            b.event(str(node), attrs)
            doc = attrs.get("doc")
            events[node] = None if doc is None else str(doc)
        else:
            b.entity(str(node), attrs)
    edges = list(graph.edges(keys=True, data=True))
    for node in graph.nodes:
        for pos in graph.nodes[node].get("positions") or ():
            if pos.get("title"):
                attrs = {"relation": "holds_position", "title": pos["title"], "evidence": pos.get("evidence") or [],
                         "former": bool(pos.get("former"))}
                edges.append((node, node, "holds_position|" + pos["title"], attrs))
    edges.sort(key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    for s, o, _key, attrs in edges:
        b.edge(str(s), str(o), attrs, s in events, events.get(s))
    documents: Mapping[str, Mapping[str, Any]] = graph.graph.get("documents") or {}
    for doc in sorted(set(documents) | b.docs):
        b.document(doc, documents.get(doc) or {})
    b.finish_sentences()
    return sorted(b.quads, key=_quad_key)
