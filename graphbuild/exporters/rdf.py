"""RDF output: the corpus graph as quads, written through pyoxigraph.

The model (see ``docs/rdf.md``):

* entities are ``schema:Person`` / ``schema:Country`` / ``schema:Place`` /
  ``schema:Organization`` with an ``rdfs:label`` (``@en``), aliases as
  ``schema:alternateName`` and ``owl:sameAs`` a Wikidata entity when known;
* each document is a ``schema:NewsArticle`` that is also the ``nif:Context``
  of its sentences (``nif:Sentence``) and entity mentions (``nif:Phrase``);
* relations are direct ``gb:`` triples, ``holds_position`` also a W3C ORG
  ``org:Post``; events are ``sem:Event`` nodes with ``gb:`` role properties;
* every (fact, sentence) pair has one statement node (``rdf:Statement``)
  carrying confidence and rule, ``prov:wasDerivedFrom`` its NIF sentence.

There are no blank nodes and no RDF-star.  Every IRI is derived from content
(node ids, document ids, offsets, hashes) under one base IRI, so two builds of
the same input give the same triples.

Literal text is kept as it is, except that characters no RDF syntax can carry
safely — C0 controls other than tab, newline and carriage return, lone
surrogates and the non-characters U+FFFE/U+FFFF — are replaced by U+FFFD.

Quads go to one named graph per document (``<base>graph/doc/<id>``) plus
``<base>graph/entities`` for corpus-level entity facts; the triple formats
(Turtle, N-Triples, JSON-LD) hold the union of all graphs in the default graph.
"""

from __future__ import annotations

import hashlib
import io
import logging
import math
import re
import tempfile
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import IO, Any, Final, cast
from urllib.parse import quote

import networkx as nx
import pyoxigraph as ox

from graphbuild.atomic import atomic_open
from graphbuild.errors import ExportError
from graphbuild.graph import DEFAULT_BASE_IRI, WORLD_KNOWLEDGE_RULES

log = logging.getLogger(__name__)

from graphbuild.namespaces import (  # noqa: E402  (re-exported: the namespaces of the output)
    DCTERMS,
    GB,
    ITSRDF,
    NIF,
    ORG,
    OWL,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SEM,
    WD,
    XSD,
)

#: Entity type -> class IRI.
ENTITY_CLASSES: Final[dict[str, str]] = {
    "Person": SCHEMA + "Person",
    "Country": SCHEMA + "Country",
    "Place": SCHEMA + "Place",
    "Organization": SCHEMA + "Organization",
    "Group": GB + "Group",  # an unnamed group of people taking part in an event ("protesters")
}

#: Relation name -> property IRI of the direct triple.
RELATION_PROPERTIES: Final[dict[str, str]] = {
    "holds_position": GB + "holdsPosition",
    "affiliated_with": GB + "affiliatedWith",
    "located_in": GB + "locatedIn",
    "based_in": GB + "basedIn",
    "lives_in": GB + "livesIn",
    "killed": GB + "killed",
}

#: Event role -> property IRI (from the event to the entity).
ROLE_PROPERTIES: Final[dict[str, str]] = {
    "agent": GB + "agent",
    "participant": GB + "participant",
    "target": GB + "target",
    "place": GB + "place",
    "origin": GB + "origin",
    "destination": GB + "destination",
    "time": GB + "time",
}

#: Roles that also get the generic SEM property.
SEM_ROLE_PROPERTIES: Final[dict[str, str]] = {
    "agent": SEM + "hasActor",
    "participant": SEM + "hasActor",
    "place": SEM + "hasPlace",
    "destination": SEM + "hasPlace",
}

#: Event type -> schema.org Action subclass, where one fits.
EVENT_ACTIONS: Final[dict[str, str]] = {
    "Travel": SCHEMA + "TravelAction",
    "Statement": SCHEMA + "CommunicateAction",
    "Agreement": SCHEMA + "AgreeAction",
    "Transfer": SCHEMA + "TransferAction",
}

_LANG: Final = "en"
_BAD_CHARS: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ISO_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")
_G_YEAR: Final = re.compile(r"\d{4}")
_G_YEAR_MONTH: Final = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])")
_QID: Final = re.compile(r"Q[1-9][0-9]*")
_SCHEME: Final = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_NAME_CHARS: Final = re.compile(r"[^A-Za-z0-9]+")

# ---------------------------------------------------------------- terms
#
# The conversion writes every term straight in its N-Triples form: an IRI as
# ``<iri>`` (validated once per distinct IRI with ``pyoxigraph.NamedNode``), a
# literal as a quoted, escaped string with its language tag or datatype.  The
# escapes are the ones pyoxigraph's own N-Triples writer uses, so the lines are
# exactly the ``str()`` of the pyoxigraph terms.

#: Characters escaped inside a quoted literal (other C0 controls never get there: see clean_text).
_ESCAPED: Final = re.compile('[\\\\"\n\r\t\x7f]')
_ESCAPES: Final = {ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t",
                   0x7F: "\\u007F"}
_T_DATE: Final = f"^^<{XSD}date>"
_T_DECIMAL: Final = f"^^<{XSD}decimal>"
_T_NNI: Final = f"^^<{XSD}nonNegativeInteger>"
_TRUE: Final = f'"true"^^<{XSD}boolean>'




def _term(iri: str) -> str:
    """A constant IRI as an N-Triples term (checked at import)."""
    return f"<{ox.NamedNode(iri).value}>"


# Terms of the hot paths (mentions, sentences, statements), formatted once.
_A: Final = _term(RDF + "type")
_NIF_PHRASE: Final = _term(NIF + "Phrase")
_NIF_SENTENCE: Final = _term(NIF + "Sentence")
_NIF_STRING: Final = _term(NIF + "String")
_NIF_BEGIN: Final = _term(NIF + "beginIndex")
_NIF_END: Final = _term(NIF + "endIndex")
_NIF_CONTEXT: Final = _term(NIF + "referenceContext")
_NIF_ANCHOR: Final = _term(NIF + "anchorOf")
_NIF_IN_SENTENCE: Final = _term(NIF + "sentence")
_GB_DENOTES: Final = _term(GB + "denotes")
_ITS_REF: Final = _term(ITSRDF + "taIdentRef")
_GB_RULE: Final = _term(GB + "rule")
_RDF_STATEMENT: Final = _term(RDF + "Statement")
_GB_STATEMENT: Final = _term(GB + "Statement")
_RDF_SUBJECT: Final = _term(RDF + "subject")
_RDF_PREDICATE: Final = _term(RDF + "predicate")
_RDF_OBJECT: Final = _term(RDF + "object")
_GB_RELATION: Final = _term(GB + "relation")
_GB_CONFIDENCE: Final = _term(GB + "confidence")
_PROV_DERIVED: Final = _term(PROV + "wasDerivedFrom")
_STATEMENT_TEXTS: Final = (("rule", _term(GB + "rule")), ("subject_text", _term(GB + "subjectText")),
                           ("object_text", _term(GB + "objectText")))


def clean_text(value: object) -> str:
    """``value`` as a string any RDF syntax can carry (bad characters -> U+FFFD)."""
    return _BAD_CHARS.sub("\ufffd", str(value))


def nt_string(value: object) -> str:
    """``value`` as a quoted N-Triples string: cleaned (see :func:`clean_text`), then escaped."""
    text = _BAD_CHARS.sub("\ufffd", str(value))
    if _ESCAPED.search(text):
        text = text.translate(_ESCAPES)
    return f'"{text}"'


def is_xsd_date(value: object) -> bool:
    """True when ``value`` is a valid ``xsd:date`` lexical form ``YYYY-MM-DD``."""
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def partial_date_type(value: object) -> str | None:
    """The datatype IRI of a year (``xsd:gYear``) or year-month (``xsd:gYearMonth``) value, else None."""
    if not isinstance(value, str):
        return None
    if _G_YEAR.fullmatch(value):
        return XSD + "gYear"
    if _G_YEAR_MONTH.fullmatch(value):
        return XSD + "gYearMonth"
    return None


def _decimal_text(value: object) -> str | None:
    """The ``xsd:decimal`` lexical form of a number; None for non-numbers and non-finite values."""
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
    return text


def _offsets(start: object, end: object) -> tuple[int, int] | None:
    if isinstance(start, bool) or isinstance(end, bool):
        return None
    if not isinstance(start, int) or not isinstance(end, int) or start < 0 or end < start:
        return None
    return start, end


def valid_iri(text: str) -> bool:
    """True when ``text`` is an absolute IRI pyoxigraph accepts."""
    if not _SCHEME.match(text) or _BAD_CHARS.search(text):
        return False
    try:
        ox.NamedNode(text)
    except ValueError:
        return False
    return True


def _iri_unsafe(ch: str) -> bool:
    """A character some RDF reader refuses in an IRI: whitespace of any kind (rdflib's N-Triples and N-Quads
    readers stop at no-break, ideographic and line-separator spaces), controls, format characters, and
    the ASCII characters IRIs exclude."""
    if ch.isascii():
        return ch in ' <>"{}|\\^`' or not ch.isprintable()
    return ch.isspace() or unicodedata.category(ch)[0] in ("Z", "C")


def url_iri(url: str) -> str | None:
    """A document ``url`` as an IRI every reader accepts (unsafe characters percent-encoded as UTF-8), or None."""
    url = url.strip()
    if any(_iri_unsafe(ch) for ch in url):
        url = "".join(quote(ch.encode("utf-8", "surrogatepass"), safe="") if _iri_unsafe(ch) else ch for ch in url)
    return url if valid_iri(url) else None


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8", "surrogatepass")).hexdigest()


def normalise_base(base_iri: str | None, graph: nx.MultiDiGraph | None = None) -> str:
    """The base IRI to mint under: explicit, else the graph's, else the default; ends in ``/`` or ``#``."""
    base = base_iri or (graph.graph.get("base_iri") if graph is not None else None) or DEFAULT_BASE_IRI
    if not base.endswith(("/", "#")):
        base += "/"
    if not valid_iri(base):
        raise ExportError(f"base IRI {base!r} is not an absolute IRI")
    return base


def _quote(text: str) -> str:
    return quote(text.encode("utf-8", "surrogatepass"), safe="")


class Terms:
    """Deterministic IRIs under one base, and literals, as N-Triples terms (``<iri>``, ``"text"@en``).

    Every distinct IRI is checked with ``pyoxigraph.NamedNode`` once; terms
    are cached, so a long conversion formats each IRI and literal only once.
    """

    def __init__(self, base: str) -> None:
        self.base = base
        self._iris: dict[str, str] = {}
        self._nodes: dict[str, str] = {}
        self._quoted: dict[str, str] = {}
        self._spans: dict[tuple[str, int, int], str] = {}
        self._doc_terms: dict[str, tuple[str, str]] = {}
        self._lits: dict[str, str] = {}
        self._ens: dict[str, str] = {}

    def trim(self, limit: int) -> None:
        """Forget the spans (they belong to one document) and any cache grown past ``limit`` entries."""
        self._spans.clear()
        for cache in (self._iris, self._nodes, self._lits, self._ens):
            if len(cache) > limit:
                cache.clear()

    def iri(self, iri: str) -> str:
        """``<iri>``, after checking once that pyoxigraph accepts it."""
        hit = self._iris.get(iri)
        if hit is None:
            try:
                ox.NamedNode(iri)
            except ValueError as exc:
                raise ExportError(f"cannot mint the IRI {iri!r}: {exc}") from None
            hit = self._iris[iri] = f"<{iri}>"
        return hit

    def node(self, node_id: str) -> str:
        """An entity or event node: ``base + node id``, percent-encoded once; hash path if unusable."""
        hit = self._nodes.get(node_id)
        if hit is None:
            path = quote(str(node_id).encode("utf-8", "surrogatepass"), safe="/-._~")
            iri = self.base + path
            if not path.strip("/") or not valid_iri(iri):
                iri = f"{self.base}node/{_digest(node_id)[:20]}"
            hit = self._nodes[node_id] = self.iri(iri)
        return hit

    def _q(self, doc_id: str) -> str:
        hit = self._quoted.get(doc_id)
        if hit is None:
            hit = self._quoted[doc_id] = _quote(doc_id)
        return hit

    def _doc_terms_of(self, doc_id: str) -> tuple[str, str]:
        hit = self._doc_terms.get(doc_id)
        if hit is None:
            q = self._q(doc_id)
            hit = self._doc_terms[doc_id] = (self.iri(f"{self.base}doc/{q}"), self.iri(f"{self.base}graph/doc/{q}"))
        return hit

    def doc(self, doc_id: str) -> str:
        """The article (and NIF context) of a document."""
        return self._doc_terms_of(doc_id)[0]

    def span(self, doc_id: str, start: int, end: int) -> str:
        """A string of a document (RFC 5147 style ``#char=start,end``): a sentence or a mention."""
        key = (doc_id, start, end)
        hit = self._spans.get(key)
        if hit is None:
            if "#" in self.base:
                hit = self.iri(f"{self.base}doc/{self._q(doc_id)}#char={start},{end}")
            else:  # the document's IRI is checked and has no fragment: "#char=<int>,<int>" keeps it valid
                hit = f"{self.doc(doc_id)[:-1]}#char={start},{end}>"
            self._spans[key] = hit
        return hit

    def doc_graph(self, doc_id: str) -> str:
        """The named graph holding one document's facts."""
        return self._doc_terms_of(doc_id)[1]

    def entities_graph(self) -> str:
        """The named graph holding corpus-level entity facts."""
        return self.iri(f"{self.base}graph/entities")

    def relations_graph(self) -> str:
        """The named graph holding corpus-level relation facts: relation triples, posts, days."""
        return self.iri(f"{self.base}graph/relations")

    def hashed(self, kind: str, *parts: object) -> str:
        """A node named by a hash of ``parts`` (statements, posts)."""
        return self.iri(f"{self.base}{kind}/{_digest(kind, *parts)[:20]}")

    def time(self, day: str) -> str:
        """A ``sem:Time`` node for a valid ``xsd:date``."""
        return self.iri(f"{self.base}day/{day}")

    def lit(self, value: object) -> str:
        """A plain (``xsd:string``) literal."""
        text = str(value)
        hit = self._lits.get(text)
        if hit is None:
            hit = self._lits[text] = nt_string(text)
        return hit

    def en(self, value: object) -> str:
        """An ``@en`` literal."""
        text = str(value)
        hit = self._ens.get(text)
        if hit is None:
            hit = self._ens[text] = nt_string(text) + "@" + _LANG
        return hit

    @staticmethod
    def nni(value: int) -> str:
        """An ``xsd:nonNegativeInteger`` literal."""
        return f'"{value}"{_T_NNI}'

    def date(self, value: object) -> str:
        """``xsd:date`` when valid, ``xsd:gYear`` / ``xsd:gYearMonth`` for a year (``2003``) or month
        (``2004-12``), otherwise a plain literal (never ill-typed)."""
        if is_xsd_date(value):
            return f'"{value}"{_T_DATE}'
        partial = partial_date_type(value)
        if partial is not None:
            return f'"{value}"^^<{partial}>'
        return self.lit(value)

    @staticmethod
    def decimal(value: object) -> str | None:
        """A number as ``xsd:decimal``; None for non-numbers and non-finite values."""
        text = _decimal_text(value)
        return None if text is None else f'"{text}"{_T_DECIMAL}'


def _value(term: str) -> str:
    """The IRI of an ``<iri>`` term."""
    return term[1:-1]


def doc_graph_iri(doc_id: str, base_iri: str) -> str:
    """The named-graph IRI of one document under ``base_iri``."""
    return _value(Terms(normalise_base(base_iri)).doc_graph(doc_id))


def entities_graph_iri(base_iri: str) -> str:
    """The named-graph IRI of the corpus-level entity facts under ``base_iri``."""
    return _value(Terms(normalise_base(base_iri)).entities_graph())


def relations_graph_iri(base_iri: str) -> str:
    """The named-graph IRI of the corpus-level relation facts (relation triples, posts, days) under ``base_iri``."""
    return _value(Terms(normalise_base(base_iri)).relations_graph())


def corpus_graph_iris(base_iri: str) -> tuple[str, str]:
    """The IRIs of the two corpus-level graphs: entity facts and relation facts."""
    terms = Terms(normalise_base(base_iri))
    return _value(terms.entities_graph()), _value(terms.relations_graph())


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``start, end`` moved inward past whitespace of ``text`` (unchanged when out of range or all whitespace).

    A sentence's offsets may or may not include the whitespace that follows
    it (spaCy's sentence span does, an evidence record does not); trimmed,
    both name one sentence node.
    """
    if end > len(text):
        return start, end
    seg = text[start:end]
    kept = seg.strip()
    if not kept:
        return start, end
    lead = len(seg) - len(seg.lstrip())
    return start + lead, start + lead + len(kept)


def _camel(name: str) -> str:
    parts = [p for p in _NAME_CHARS.split(name) if p]
    if not parts:
        return "related" + _digest(name)[:8]
    text = parts[0].lower() + "".join(p[:1].upper() + p[1:] for p in parts[1:])
    return text if text[0].isalpha() else "r" + text


def relation_property(relation: str) -> str:
    """The property IRI of a relation name (``gb:`` camelCase for names outside the schema)."""
    return RELATION_PROPERTIES.get(relation) or GB + _camel(relation)


def role_property(role: str) -> str:
    """The property IRI of an event role."""
    return ROLE_PROPERTIES.get(role) or GB + _camel(role)


def event_type_iri(event_type: str) -> str:
    """The ``gb:`` event-type IRI (``gb:Travel``)."""
    name = _camel(event_type)
    return GB + name[:1].upper() + name[1:]


# ---------------------------------------------------------------- conversion


class _Lines:
    """Collects N-Triples lines per named graph; sentence texts are resolved once all evidence is known."""

    def __init__(self, terms: Terms, texts: Mapping[str, str] | None = None) -> None:
        self.m = terms
        #: document id -> its text, when known (graph.json ``documents[id]["text"]``): sentences are then
        #: trimmed of surrounding whitespace, so one sentence has one node, and every sentence carries its text
        self.texts: Mapping[str, str] = texts or {}
        self.graphs: dict[str, list[str]] = {}
        self.sentences: dict[tuple[str, int, int], str | None] = {}
        #: Lines that may occur in more than one graph: the triples of edges (several
        #: documents, or several edges, can support the same one).  Every other line
        #: belongs to exactly one graph by construction.
        self.shared: set[str] = set()
        #: graph term -> its shared lines, in order (repeats included)
        self.shared_in: dict[str, list[str]] = {}

    def lines(self, g: str) -> list[str]:
        """The lines of graph term ``g`` so far, duplicates included (for batched ``extend`` calls)."""
        lines = self.graphs.get(g)
        if lines is None:
            lines = self.graphs[g] = []
        return lines

    def add(self, g: str, s: str, p: str, o: str) -> None:
        """Add ``s p o`` (terms; ``p`` a bare IRI) to graph term ``g``."""
        lines = self.graphs.get(g)
        if lines is None:
            lines = self.graphs[g] = []
        lines.append(f"{s} {self.m.iri(p)} {o}")

    def typ(self, g: str, s: str, cls: str) -> None:
        self.add(g, s, RDF + "type", self.m.iri(cls))

    def add_shared(self, graphs: Iterable[str], s: str, p: str, o: str) -> None:
        """Add ``s p o`` to each of ``graphs``, noting the line as one that may recur in other graphs."""
        line = f"{s} {self.m.iri(p)} {o}"
        self.shared.add(line)
        for g in graphs:
            self.lines(g).append(line)
            self.shared_in.setdefault(g, []).append(line)

    def sentence(self, doc: str, start: object, end: object, text: object = None) -> str | None:
        """Note a sentence of ``doc``; its IRI term, or None when the offsets are unusable."""
        off = _offsets(start, end)
        if off is None:
            log.warning("document %r: sentence offsets %r..%r are not usable; left out", doc, start, end)
            return None
        doc_text = self.texts.get(doc)
        if doc_text is not None:
            off = trim_span(doc_text, *off)
        key = (doc, off[0], off[1])
        if isinstance(text, str) and text and not self.sentences.get(key):
            self.sentences[key] = text
        else:
            self.sentences.setdefault(key, None)
        return self.m.span(doc, *off)

    def finish_sentences(self, keys: Iterable[tuple[str, int, int]]) -> None:
        """The lines of the noted sentences ``keys``."""
        m = self.m
        for key in keys:
            doc, start, end = key
            text = self.sentences.get(key)
            doc_text = self.texts.get(doc)
            if doc_text is not None and end <= len(doc_text):
                text = doc_text[start:end]
            s = m.span(doc, start, end)
            out = self.lines(m.doc_graph(doc))
            out.extend((
                f"{s} {_A} {_NIF_SENTENCE}",
                f"{s} {_A} {_NIF_STRING}",
                f'{s} {_NIF_BEGIN} "{start}"{_T_NNI}',
                f'{s} {_NIF_END} "{end}"{_T_NNI}',
                f"{s} {_NIF_CONTEXT} {m.doc(doc)}",
            ))
            if text:
                out.append(f"{s} {_NIF_ANCHOR} {m.lit(text)}")

    def document(self, doc: str, meta: Mapping[str, Any]) -> None:
        m = self.m
        g = m.doc_graph(doc)
        a = m.doc(doc)
        self.typ(g, a, SCHEMA + "NewsArticle")
        self.typ(g, a, NIF + "Context")
        self.add(g, a, GB + "docId", m.lit(doc))
        text = meta.get("text")
        if isinstance(text, str):
            self.add(g, a, NIF + "isString", m.lit(text))
        title = meta.get("title")
        if title:
            self.add(g, a, SCHEMA + "headline", m.en(title))
            self.add(g, a, DCTERMS + "title", m.en(title))
        day = meta.get("date")
        if day:
            self.add(g, a, SCHEMA + "datePublished", m.date(day))
        url = meta.get("url")
        if url:
            iri = url_iri(str(url))
            self.add(g, a, SCHEMA + "url", m.iri(iri) if iri is not None else m.lit(url))

    def statement(
        self,
        g: str,
        subject: str,
        predicate: str,
        obj: str,
        relation: str,
        ev: Mapping[str, Any],
        extra: Iterable[tuple[str, str]] = (),
    ) -> None:
        m = self.m
        doc = str(ev.get("doc", ""))
        sent = self.sentence(doc, ev.get("sentence_start"), ev.get("sentence_end"), ev.get("sentence"))
        st = m.hashed(
            "statement",
            _value(subject),
            predicate,
            _value(obj),
            doc,
            ev.get("sentence_start"),
            ev.get("sentence_end"),
            ev.get("rule"),
            ev.get("subject_text"),
            ev.get("object_text"),
        )
        out = self.lines(g)
        out.extend((
            f"{st} {_A} {_RDF_STATEMENT}",
            f"{st} {_A} {_GB_STATEMENT}",
            f"{st} {_RDF_SUBJECT} {subject}",
            f"{st} {_RDF_PREDICATE} {m.iri(predicate)}",
            f"{st} {_RDF_OBJECT} {obj}",
            f"{st} {_GB_RELATION} {m.lit(relation)}",
        ))
        conf = m.decimal(ev.get("confidence"))
        if conf is not None:
            out.append(f"{st} {_GB_CONFIDENCE} {conf}")
        for key, prop in _STATEMENT_TEXTS:
            value = ev.get(key)
            if value is not None and value != "":
                out.append(f"{st} {prop} {m.lit(value)}")
        if sent is not None:
            out.append(f"{st} {_PROV_DERIVED} {sent}")
        for p, o in extra:
            self.add(g, st, p, o)

    def entity(self, node: str, attrs: Mapping[str, Any]) -> None:
        """An entity's own lines (its mentions go to their documents' graphs, see :meth:`mention`)."""
        m = self.m
        g = m.entities_graph()
        e = m.node(node)
        etype = str(attrs.get("type", ""))
        cls = ENTITY_CLASSES.get(etype)
        if cls is None:
            log.warning("entity %r has unknown type %r; typed schema:Thing", node, etype)
            cls = SCHEMA + "Thing"
        self.typ(g, e, cls)
        label = attrs.get("label")
        if label is not None and label != "":
            self.add(g, e, RDFS + "label", m.en(label))
        for alias in attrs.get("aliases") or ():
            if alias and alias != label:
                self.add(g, e, SCHEMA + "alternateName", m.en(alias))
        qid = attrs.get("wikidata")
        if qid:
            if isinstance(qid, str) and _QID.fullmatch(qid):
                self.add(g, e, OWL + "sameAs", m.iri(WD + qid))
            else:
                log.warning("entity %r: %r is not a Wikidata Q-id; left out", node, qid)

    def mention(self, target: str, mention: Mapping[str, Any], rule_prop: bool = True) -> None:
        m = self.m
        doc = str(mention.get("doc", ""))
        off = _offsets(mention.get("start"), mention.get("end"))
        if off is None:
            log.warning("document %r: mention offsets %r..%r unusable; left out", doc, mention.get("start"),
                        mention.get("end"))
            return
        start, end = off
        ph = m.span(doc, start, end)
        out = self.lines(m.doc_graph(doc))
        out.extend((
            f"{ph} {_A} {_NIF_PHRASE}",
            f"{ph} {_A} {_NIF_STRING}",
            f'{ph} {_NIF_BEGIN} "{start}"{_T_NNI}',
            f'{ph} {_NIF_END} "{end}"{_T_NNI}',
            f"{ph} {_NIF_CONTEXT} {m.doc(doc)}",
            f"{ph} {_GB_DENOTES} {target}",
            f"{ph} {_ITS_REF} {target}",
        ))
        text = mention.get("text")
        if text is not None and text != "":
            out.append(f"{ph} {_NIF_ANCHOR} {m.lit(text)}")
        rule = mention.get("rule")
        if rule_prop and rule:
            out.append(f"{ph} {_GB_RULE} {m.lit(rule)}")
        if "sentence_start" in mention:
            sent = self.sentence(doc, mention.get("sentence_start"), mention.get("sentence_end"))
            if sent is not None:
                out.append(f"{ph} {_NIF_IN_SENTENCE} {sent}")

    def event(self, node: str, attrs: Mapping[str, Any]) -> str:
        m = self.m
        doc = attrs.get("doc")
        g = m.doc_graph(str(doc)) if doc is not None else m.entities_graph()
        ev = m.node(node)
        etype = str(attrs.get("event_type") or "Other")
        self.typ(g, ev, SEM + "Event")
        action = EVENT_ACTIONS.get(etype)
        if action:
            self.typ(g, ev, action)
        self.add(g, ev, GB + "eventType", m.lit(etype))
        self.add(g, ev, SEM + "eventType", m.iri(event_type_iri(etype)))
        label = attrs.get("label") or etype
        self.add(g, ev, RDFS + "label", m.en(label))
        merged = isinstance(attrs.get("docs"), list)
        if doc is not None and not merged:
            self.add(g, ev, GB + "document", m.doc(str(doc)))
        for key, prop in (("trigger", "trigger"), ("rule", "rule"), ("time_text", "timeText"), ("quote", "quote"),
                          ("status", "status")):
            value = attrs.get(key)
            if value is not None and value != "":
                self.add(g, ev, GB + prop, m.lit(value))
        conf = m.decimal(attrs.get("confidence"))
        if conf is not None:
            self.add(g, ev, GB + "confidence", conf)
        when = attrs.get("time")
        if when:
            self.add(g, ev, GB + "date", m.date(when))
            if is_xsd_date(when):
                # the day's own node is a corpus-level fact (see :meth:`days`)
                self.add(g, ev, SEM + "hasTime", m.time(str(when)))
        if merged:
            return ev  # each document's part is in that document's graph (see :meth:`event_part`)
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

    def event_part(self, node: str, attrs: Mapping[str, Any], doc: str) -> None:
        """One document's part of a cross-document event, in that document's graph: ``gb:document``, the
        sentences it gives, its trigger mentions, and the record of its merge (a ``gb:EventMerge``)."""
        m = self.m
        g = m.doc_graph(doc)
        ev = m.node(node)
        self.add(g, ev, GB + "document", m.doc(doc))
        for e in attrs.get("evidence") or ():
            if str(e.get("doc")) == doc:
                sent = self.sentence(doc, e.get("sentence_start"), e.get("sentence_end"), e.get("sentence"))
                if sent is not None:
                    self.add(g, ev, PROV + "wasDerivedFrom", sent)
        for tm in attrs.get("trigger_mentions") or ():
            if str(tm.get("doc")) == doc:
                self.mention(ev, tm, rule_prop=False)
        for rec in attrs.get("merges") or ():
            if str(rec.get("doc")) != doc:
                continue
            mg = m.hashed("merge", node, doc, rec.get("event"), rec.get("key"))
            self.typ(g, mg, GB + "EventMerge")
            self.add(g, ev, GB + "merge", mg)
            self.add(g, mg, GB + "memberDocument", m.doc(doc))
            for key, prop in (("rule", "rule"), ("key", "mergeKey"), ("trigger", "memberTrigger"),
                              ("evidence", "mergeEvidence")):
                value = rec.get(key)
                if value is not None and value != "":
                    self.add(g, mg, GB + prop, m.lit(value))
            off = _offsets(rec.get("start"), rec.get("end"))
            if off is not None:
                self.add(g, mg, GB + "memberTriggerSpan", m.span(doc, *off))

    def fact(self, s: str, o: str, attrs: Mapping[str, Any], is_event: bool, event_doc: str | None) -> None:
        """The triples an edge states, once: an entity edge's (and a post's) in the relations graph, an
        event role's in its event's document graph.  ``s == o`` is a post without organisation (a
        person's ``positions`` entry): an ``org:Post`` with ``org:heldBy`` and no ``org:postIn``."""
        m = self.m
        relation = str(attrs.get("relation", ""))
        subj = m.node(s)
        obj = m.node(o)
        if is_event:
            g = m.doc_graph(event_doc) if event_doc is not None else m.entities_graph()
            self.add(g, subj, role_property(relation), obj)
            sem = SEM_ROLE_PROPERTIES.get(relation)
            if sem:
                self.add(g, subj, sem, obj)
            return
        g = m.relations_graph()
        if s != o:
            self.add(g, subj, relation_property(relation), obj)
        title = attrs.get("title")
        if relation == "holds_position" and title:
            post = m.hashed("post", s, title, o)
            self.typ(g, post, ORG + "Post")
            self.add(g, post, RDFS + "label", m.en(title))
            self.add(g, post, GB + "title", m.lit(title))
            self.add(g, post, ORG + "heldBy", subj)
            self.add(g, subj, ORG + "holds", post)
            if s != o:
                self.add(g, post, ORG + "postIn", obj)
            if attrs.get("former"):
                self.add(g, post, GB + "former", _TRUE)

    def days(self, days: Iterable[str]) -> None:
        """The ``sem:Time`` node of each day an event is dated (valid ``xsd:date`` values, in order)."""
        m = self.m
        g = m.relations_graph()
        for day in days:
            t = m.time(day)
            self.typ(g, t, SEM + "Time")
            self.add(g, t, SEM + "hasTimeStamp", m.date(day))
            self.add(g, t, RDFS + "label", m.lit(day))

    def statements(
        self, s: str, o: str, attrs: Mapping[str, Any], is_event: bool, evidence: Sequence[Mapping[str, Any]]
    ) -> None:
        """One statement per evidence record, in the graph of the record's document.  A statement
        always describes a triple the RDF holds: for a post without organisation, ``person org:holds
        post``."""
        m = self.m
        relation = str(attrs.get("relation", ""))
        subj = m.node(s)
        obj = m.node(o)
        extra: list[tuple[str, str]] = []
        if is_event:
            pred = role_property(relation)
        else:
            pred = relation_property(relation)
            title = attrs.get("title")
            if relation == "holds_position" and title:
                post = m.hashed("post", s, title, o)
                extra = [(GB + "title", m.lit(title)), (GB + "post", post)]
                if s == o:
                    pred, obj = ORG + "holds", post
            if attrs.get("former"):
                extra.append((GB + "former", _TRUE))
        if s == o and pred != ORG + "holds":
            return  # a self-relation states nothing (the graph never has one, see graphbuild.graph)
        for e in evidence:
            g = m.doc_graph(str(e.get("doc", "")))
            if not is_event and e.get("rule") in WORLD_KNOWLEDGE_RULES:
                # world knowledge, not the sentence: the statement says so (gb:inferred true)
                self.statement(g, subj, pred, obj, relation, e, [*extra, (GB + "inferred", _TRUE)])
            else:
                self.statement(g, subj, pred, obj, relation, e, extra)


#: Lines joined and encoded per block: a few non-ASCII lines then widen only their block, not the whole text.
_BLOCK: Final = 2048


def _blocks(lines: Iterable[str], end: str) -> Iterator[bytes]:
    """``line + end`` for every line, as UTF-8 bytes, a block of :data:`_BLOCK` lines at a time."""
    it = iter(lines)
    while block := list(islice(it, _BLOCK)):
        yield (end.join(block) + end).encode("utf-8")


def _encode_lines(lines: list[str], end: str) -> bytes:
    """``line + end`` for every line, as UTF-8 bytes."""
    return b"".join(_blocks(lines, end))


class _GraphTexts(Mapping[str, bytes]):
    """Named-graph IRI -> N-Triples text, kept in a spooled temporary file (in memory while small).

    A corpus's RDF text is several times the size of its graph; holding it on
    disk keeps the memory of a build flat as the corpus grows.
    """

    _SPOOL: Final = 32 * 2**20

    def __init__(self) -> None:
        self._file: IO[bytes] = tempfile.SpooledTemporaryFile(max_size=self._SPOOL)  # noqa: SIM115
        self._index: dict[str, list[tuple[int, int]]] = {}
        self._end = 0
        self.dotted = False  # some IRI ends in "." (see _prefixes_of)
        self.dotted_graphs: set[str] = set()  # the graphs with such an IRI

    def append(self, name: str, text: bytes) -> None:
        """Add ``text`` to graph ``name``."""
        if b".>" in text:
            self.dotted = True
            self.dotted_graphs.add(name)
        try:
            self._file.seek(self._end)
            self._file.write(text)
        except OSError as exc:
            where = tempfile.gettempdir()
            raise ExportError(f"{where}: cannot hold the RDF conversion there ({exc}); set TMPDIR to a larger disk") from None
        self._index.setdefault(name, []).append((self._end, len(text)))
        self._end += len(text)

    def __getitem__(self, name: str) -> bytes:
        parts = []
        for offset, length in self._index[name]:
            self._file.seek(offset)
            parts.append(self._file.read(length))
        return b"".join(parts)

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def line_count(self) -> int:
        """Lines over all graphs."""
        return sum(self[name].count(b"\n") for name in self._index)


class _BlockReader(io.RawIOBase):
    """A readable binary stream over an iterator of byte blocks (feeds pyoxigraph's parser)."""

    def __init__(self, blocks: Iterable[bytes]) -> None:
        self._blocks = iter(blocks)
        self._buf = b""
        self._pos = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        while self._pos >= len(self._buf):
            nxt = next(self._blocks, None)
            if nxt is None:
                return 0
            self._buf, self._pos = nxt, 0
        n = min(len(b), len(self._buf) - self._pos)
        b[:n] = self._buf[self._pos : self._pos + n]
        self._pos += n
        return n


class RdfData:
    """The RDF of one corpus graph, converted once and written many times.

    ``graphs`` maps each named-graph IRI to its distinct triples as N-Triples
    text (UTF-8, one ``s p o .`` line each), in generation order: the
    conversion walks nodes, edges and documents sorted by id, so the order
    depends only on the input graph (not on hash seeds), and no sort of the
    lines is needed.  ``shared`` holds the lines (without `` .``) that may
    occur in more than one graph (facts that several documents support); only
    those need checking when the graphs are merged into the default-graph view.

    The writers stream the texts graph by graph (:meth:`ntriples_blocks`,
    :meth:`nquads_blocks`) to the file, or to a temporary file that pyoxigraph
    re-serialises, so the whole N-Triples or N-Quads text is never built.
    Every writer and :func:`graphbuild.store.update_store` accept an
    ``RdfData`` (``rdf=``), so a build writing several formats converts the
    graph once.
    """

    def __init__(
        self,
        base: str,
        graphs: Mapping[str, bytes],
        source_id: int | None = None,
        shared: Iterable[str] = (),
        shared_by_graph: Mapping[str, tuple[bytes, ...]] | None = None,
    ) -> None:
        self.base = base
        self.graphs = graphs
        self.source_id = source_id
        self._shared = frozenset(line.encode("utf-8") + b" .\n" for line in shared)
        self._shared_by_graph = shared_by_graph
        self._triple_count: int | None = None

    def graph_names(self) -> list[str]:
        """The named-graph IRIs, sorted."""
        return sorted(self.graphs)

    def ntriples_blocks(self) -> Iterator[bytes]:
        """The N-Triples text of the default-graph view, graph by graph.

        The union of all graphs: graphs in IRI order, each triple where it first occurs.
        """
        for _name, text in self.default_view():
            yield text

    def default_view(self) -> Iterator[tuple[str, bytes]]:
        """(graph IRI, its lines not already in an earlier graph) for every graph, in IRI order."""
        names = sorted(self.graphs)
        shared = self._shared
        if len(names) == 1 or not shared:
            for name in names:
                yield name, self.graphs[name]
            return
        seen: set[bytes] = set()
        for name in names:
            yield name, without_seen(self.graphs[name], self.shared_lines(name), seen)

    def shared_lines(self, name: str) -> tuple[bytes, ...]:
        """The lines of graph ``name`` that other graphs may hold too (the shared lines, see above)."""
        if self._shared_by_graph is not None:
            return self._shared_by_graph.get(name, ())
        shared = self._shared
        if not shared or name not in self.graphs:
            return ()
        return tuple(ln for ln in self.graphs[name].splitlines(keepends=True) if ln in shared)

    def nquads_blocks(self) -> Iterator[bytes]:
        """The N-Quads text, graph by graph: graphs in IRI order, each in generation order."""
        for name in sorted(self.graphs):
            # a line ends in " .\n" and nowhere else: literals carry their newlines escaped
            yield self.graphs[name].replace(b" .\n", f" <{name}> .\n".encode())

    def graph_dotted(self, name: str) -> bool:
        """Whether some IRI in graph ``name`` ends in ``.``."""
        if isinstance(self.graphs, _GraphTexts):
            return name in self.graphs.dotted_graphs
        return b".>" in self.graphs.get(name, b"")

    @property
    def dotted(self) -> bool:
        """True when some IRI ends in ``.`` (then Turtle and TriG are written without prefixes)."""
        if isinstance(self.graphs, _GraphTexts):
            return self.graphs.dotted
        return any(b".>" in text for text in self.graphs.values())

    @property
    def quad_count(self) -> int:
        """Number of quads."""
        return sum(text.count(b"\n") for text in self.graphs.values())

    @property
    def triple_count(self) -> int:
        """Number of distinct triples over all graphs."""
        if self._triple_count is None:
            self._triple_count = sum(block.count(b"\n") for block in self.ntriples_blocks())
        return self._triple_count

    def nquads(self) -> bytes:
        """The N-Quads text (UTF-8), whole."""
        return b"".join(self.nquads_blocks())

    def ntriples(self) -> bytes:
        """The N-Triples text (UTF-8) of the default-graph view, whole."""
        return b"".join(self.ntriples_blocks())

    def graph_ntriples(self, name: str) -> bytes:
        """The N-Triples text of one named graph."""
        return self.graphs.get(name, b"")

    def quads(self) -> list[ox.Quad]:
        """The quads as pyoxigraph objects, in the N-Quads order."""
        return list(ox.parse(self.nquads(), ox.RdfFormat.N_QUADS))

    def triples(self) -> list[ox.Triple]:
        """The distinct triples as pyoxigraph objects, in the N-Triples order."""
        return [q.triple for q in ox.parse(self.ntriples(), ox.RdfFormat.N_TRIPLES)]


def _edge_docs(evidence: Iterable[Mapping[str, Any]], is_event: bool, event_doc: str | None) -> list[str]:
    """The documents whose graphs hold an edge's triples: those of its evidence (and an event's own)."""
    docs = {str(e.get("doc", "")) for e in evidence}
    if is_event and event_doc is not None:
        docs.add(event_doc)
    return sorted(docs)


class _Plan:
    """What goes into each named graph, found in one pass over the graph, in conversion order.

    The conversion then writes one graph at a time (see :func:`to_rdf`), so
    only one graph's lines are ever held as strings.  Per graph (a document
    id, or None for the corpus-level graphs): the nodes (an entity with its
    mentions in that document, or an event) in node order; ``facts``, the
    edges whose triples go there (entity edges under None, event roles under
    their event's document); ``edges``, the edges with their evidence in that
    document (its statements), in edge order.  A person's ``positions`` are
    edges from the person to itself here (see :meth:`_Lines.fact`).
    ``foreign`` holds the sentences an event's evidence finds in another
    document than its own; ``days`` the valid dates of events.
    """

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        self.nodes: dict[str | None, list[tuple[Any, list[Mapping[str, Any]] | None]]] = {}
        self.edges: dict[str | None, list[tuple[int, list[Mapping[str, Any]]]]] = {}
        self.facts: dict[str | None, list[int]] = {}
        self.foreign: dict[str, list[tuple[object, object, object]]] = {}
        self.docs: set[str] = set()
        self.event_doc: dict[Any, str | None] = {}
        #: document -> the cross-document events it has a part of (see :meth:`_Lines.event_part`)
        self.parts: dict[str, list[Any]] = {}
        days: set[str] = set()
        edges = list(graph.edges(keys=True, data=True))
        for node in sorted(graph.nodes, key=str):
            attrs = graph.nodes[node]
            if attrs.get("type") == "Event":
                self._event(node, attrs)
                when = attrs.get("time")
                if is_xsd_date(when):
                    days.add(str(when))
            else:
                self._entity(node, attrs)
                edges.extend(position_edges(node, attrs.get("positions")))
        self.days = sorted(days)
        self.edge_list = sorted(edges, key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
        for i, (s, _o, _k, attrs) in enumerate(self.edge_list):
            fact_key = self.event_doc.get(s) if s in self.event_doc else None
            self.facts.setdefault(fact_key, []).append(i)
            if fact_key is not None:
                self.docs.add(fact_key)
            by_doc: dict[str, list[Mapping[str, Any]]] = {}
            for e in attrs.get("evidence") or ():
                by_doc.setdefault(str(e.get("doc", "")), []).append(e)
            for key in sorted(by_doc):
                self.docs.add(key)
                self.edges.setdefault(key, []).append((i, by_doc[key]))

    def _add_node(self, key: str | None, node: Any, mentions: list[Mapping[str, Any]] | None) -> None:
        self.nodes.setdefault(key, []).append((node, mentions))

    def _entity(self, node: Any, attrs: Mapping[str, Any]) -> None:
        self._add_node(None, node, None)
        groups: dict[str, list[Mapping[str, Any]]] = {}
        for mention in attrs.get("mentions") or ():
            doc = str(mention.get("doc", ""))
            if _offsets(mention.get("start"), mention.get("end")) is not None:
                self.docs.add(doc)
            group = groups.get(doc)
            if group is None:
                group = groups[doc] = []
                self._add_node(doc, node, group)
            group.append(mention)

    def _event(self, node: Any, attrs: Mapping[str, Any]) -> None:
        doc = attrs.get("doc")
        key = None if doc is None else str(doc)
        self.event_doc[node] = key
        self._add_node(key, node, None)
        if key is not None:
            self.docs.add(key)
        docs = attrs.get("docs")
        if isinstance(docs, list):  # a cross-document event: each document's part goes to its graph
            for d in docs:
                self.docs.add(str(d))
                self.parts.setdefault(str(d), []).append(node)
            return
        for e in attrs.get("evidence") or ():
            sdoc = str(e.get("doc", doc))
            if sdoc != key:
                start, end = e.get("sentence_start"), e.get("sentence_end")
                if _offsets(start, end) is not None:
                    self.docs.add(sdoc)
                self.foreign.setdefault(sdoc, []).append((start, end, e.get("sentence")))


def position_edges(node: Any, positions: object) -> list[tuple[Any, Any, str, dict[str, Any]]]:
    """A person's ``positions`` (posts without organisation) as edges from the person to itself."""
    out: list[tuple[Any, Any, str, dict[str, Any]]] = []
    if not isinstance(positions, list):
        return out
    for pos in positions:
        title = pos.get("title") if isinstance(pos, Mapping) else None
        if not title:
            continue
        attrs = {"relation": "holds_position", "title": title, "evidence": pos.get("evidence") or []}
        if pos.get("former"):
            attrs["former"] = True
        out.append((node, node, f"holds_position|{title}", attrs))
    return out


#: Cached terms kept across graphs before the caches are emptied (bounds memory on big corpora).
_TERM_CACHE_LIMIT: Final = 100_000


def to_rdf(graph: nx.MultiDiGraph, base_iri: str | None = None) -> RdfData:
    """Convert ``graph`` to RDF once (see :class:`RdfData`); deterministic.

    One named graph per document (its node, sentences, mentions, events and
    the statements of its evidence) plus two corpus-level graphs, one for
    entity facts and one for relation facts (relation triples, posts, days):
    every triple is in exactly one graph.  The
    graphs are converted one at a time and kept as encoded N-Triples text, so
    the conversion holds only one graph's lines as strings.
    """
    terms = Terms(normalise_base(base_iri, graph))
    plan = _Plan(graph)
    documents: Mapping[str, Mapping[str, Any]] = graph.graph.get("documents") or {}
    texts = {d: meta["text"] for d, meta in documents.items() if isinstance((meta or {}).get("text"), str)}
    b = _Lines(terms, texts)
    out = _GraphTexts()
    shared_by_graph: dict[str, tuple[bytes, ...]] = {}
    keys: list[str | None] = [None, *sorted(set(documents) | plan.docs)]
    for key in keys:
        for node, mentions in plan.nodes.get(key, ()):
            attrs = graph.nodes[node]
            if mentions is None:
                if node in plan.event_doc:
                    b.event(str(node), attrs)
                else:
                    b.entity(str(node), attrs)
            else:
                target = terms.node(str(node))
                for mention in mentions:
                    b.mention(target, mention)
        if key is not None:
            for node in plan.parts.get(key, ()):
                b.event_part(str(node), graph.nodes[node], key)
        for i in plan.facts.get(key, ()):
            s, o, _k, attrs = plan.edge_list[i]
            b.fact(str(s), str(o), attrs, s in plan.event_doc, plan.event_doc.get(s))
        if key is None:
            b.days(plan.days)
        for i, evidence in plan.edges.get(key, ()):
            s, o, _k, attrs = plan.edge_list[i]
            b.statements(str(s), str(o), attrs, s in plan.event_doc, evidence)
        if key is not None:
            b.document(key, documents.get(key) or {})
            for start, end, text in plan.foreign.get(key, ()):
                b.sentence(key, start, end, text)
            b.finish_sentences([k for k in b.sentences if k[0] == key])
        b.sentences.clear()
        for g, lines in b.graphs.items():
            if lines:
                name = _value(g)
                out.append(name, _encode_lines(list(dict.fromkeys(lines)), " .\n"))
                mine = b.shared_in.get(g)
                if mine:
                    shared_by_graph[name] = (*shared_by_graph.get(name, ()), *(
                        ln.encode("utf-8") + b" .\n" for ln in dict.fromkeys(mine)
                    ))
        b.graphs.clear()
        b.shared_in.clear()
        terms.trim(_TERM_CACHE_LIMIT)
    return RdfData(terms.base, out, id(graph), shared=b.shared, shared_by_graph=shared_by_graph)


def relations_ntriples(
    base_iri: str, facts: Iterable[tuple[str, str, str, bool]], days: Iterable[str]
) -> bytes:
    """The N-Triples text of the relations graph, exactly as :func:`to_rdf` writes it, from its inputs alone.

    ``facts`` are the entity edges as ``(source, target, key, former)`` (the
    key is :func:`graphbuild.graph.relation_edge_key`; a person's positions
    are edges from the person to itself), ``days`` the dates of events.  A
    build that reuses its documents' rendered graphs (see
    :mod:`graphbuild.render`) writes this graph without the corpus graph.
    """
    b = _Lines(Terms(normalise_base(base_iri)))
    for s, o, key, former in sorted(facts, key=lambda f: (f[0], f[1], f[2])):
        relation, sep, title = key.partition("|")
        attrs: dict[str, Any] = {"relation": relation}
        if sep:
            attrs["title"] = title
        if former:
            attrs["former"] = True
        b.fact(s, o, attrs, False, None)
    b.days(sorted({d for d in days if is_xsd_date(d)}))
    lines = b.graphs.get(b.m.relations_graph(), [])
    return _encode_lines(list(dict.fromkeys(lines)), " .\n")


def rdf_of(graph: nx.MultiDiGraph, base_iri: str | None = None, rdf: RdfData | None = None) -> RdfData:
    """``rdf`` when it was converted from ``graph`` under the same base, else a fresh conversion."""
    if rdf is None:
        return to_rdf(graph, base_iri)
    base = normalise_base(base_iri, graph)
    if rdf.base != base or (rdf.source_id is not None and rdf.source_id != id(graph)):
        raise ExportError(f"the RDF given was converted from another graph or base IRI ({rdf.base}, not {base})")
    return rdf


def graph_to_quads(graph: nx.MultiDiGraph, base_iri: str | None = None) -> list[ox.Quad]:
    """The RDF of ``graph`` as distinct quads in named graphs, in a deterministic order (see :class:`RdfData`)."""
    return to_rdf(graph, base_iri).quads()


def quads_to_triples(quads: Iterable[ox.Quad]) -> list[ox.Triple]:
    """The union of the graphs of ``quads`` as sorted, distinct triples."""
    triples = {q.triple for q in quads}
    return sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def graph_to_triples(graph: nx.MultiDiGraph, base_iri: str | None = None) -> list[ox.Triple]:
    """The RDF of ``graph`` as distinct triples (the default-graph view), in a deterministic order."""
    return to_rdf(graph, base_iri).triples()


def quads_by_graph(quads: Iterable[ox.Quad]) -> dict[str, list[ox.Quad]]:
    """Quads grouped by graph-name IRI, in input order."""
    out: dict[str, list[ox.Quad]] = {}
    for q in quads:
        name = q.graph_name
        key = name.value if isinstance(name, ox.NamedNode) else ""
        out.setdefault(key, []).append(q)
    return out


# ---------------------------------------------------------------- writers


#: Prefixes for the kinds of minted IRIs (``person:antony-blinken``), under the base.
_BASE_PREFIXES: Final = ("person", "country", "place", "organization", "event", "post", "statement", "day", "doc")


def _prefixes(base: str) -> dict[str, str]:
    return {**PREFIXES, **{name: f"{base}{name}/" for name in _BASE_PREFIXES}}


def _write_blocks(blocks: Iterable[bytes], path: Path) -> None:
    """Write ``blocks`` to ``path`` atomically."""
    try:
        with atomic_open(path, "wb") as fh:
            out = cast(IO[bytes], fh)
            for block in blocks:
                out.write(block)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write: {exc}") from exc


def _reserialize(
    blocks: Iterable[bytes], src: ox.RdfFormat, path: Path, fmt: ox.RdfFormat, prefixes: dict[str, str] | None
) -> None:
    """Write our N-Triples/N-Quads text as ``fmt`` through pyoxigraph (parsing and writing in Rust).

    The text streams to the parser block by block, so it is never held whole.
    The parse is lenient (no second IRI check): :class:`Terms` has already
    checked every IRI with ``pyoxigraph.NamedNode``.
    """
    try:
        with atomic_open(path, "wb") as fh:
            reader = io.BufferedReader(_BlockReader(blocks), buffer_size=2**20)
            ox.serialize(ox.parse(reader, src, lenient=True), cast(IO[bytes], fh), fmt, prefixes=prefixes)
    except (ValueError, TypeError, SyntaxError) as exc:
        raise ExportError(f"{path}: cannot write {fmt.name}: {exc}") from exc
    except OSError as exc:
        raise ExportError(f"{path}: cannot write: {exc}") from exc


def _prefixes_of(data: RdfData) -> dict[str, str]:
    """The prefixes Turtle and TriG are written with.

    pyoxigraph writes an IRI ending in ``.`` under a prefix as ``p:a\\.``, which
    is valid Turtle that rdflib 7 cannot read; when any IRI ends in ``.`` (only
    odd node ids or URLs do) no prefixes are used at all.
    """
    return turtle_prefixes(data.base, data.dotted)


def without_seen(text: bytes, shared: Sequence[bytes], seen: set[bytes]) -> bytes:
    """``text`` less those of its ``shared`` lines already in ``seen``; ``seen`` gains the rest.

    This is how the default-graph view keeps a triple that several graphs hold
    only where it first occurs.
    """
    removed = {ln for ln in shared if ln in seen}
    seen.update(shared)
    return without_lines(text, removed)


def without_lines(text: bytes, lines: Collection[bytes]) -> bytes:
    """N-Triples ``text`` without ``lines``."""
    if not lines:
        return text
    return b"".join(ln for ln in text.splitlines(keepends=True) if ln not in lines)


@lru_cache(maxsize=8)
def _turtle_header(prefixes: tuple[tuple[str, str], ...]) -> bytes:
    """The ``@prefix`` lines pyoxigraph starts a Turtle document with, for ``prefixes``."""
    probe = b"<urn:x:s> <urn:x:p> <urn:x:o> .\n"
    out = ox.serialize(ox.parse(probe, ox.RdfFormat.N_TRIPLES), None, ox.RdfFormat.TURTLE, prefixes=dict(prefixes))
    assert out is not None  # no output file given: the bytes are returned
    return out[: out.index(b"<urn:x:s>")]


def turtle_header(prefixes: Mapping[str, str]) -> bytes:
    """The ``@prefix`` lines that start graph.ttl (empty without prefixes)."""
    return _turtle_header(tuple(prefixes.items()))


def turtle_fragment(ntriples: bytes, prefixes: Mapping[str, str]) -> bytes:
    """The Turtle statements (no ``@prefix`` lines) of one graph's N-Triples text.

    graph.ttl is :func:`turtle_header` followed by the fragments of the
    default-graph view, graph by graph, so a build can reuse the fragments of
    graphs that did not change (see :mod:`graphbuild.render`).
    """
    if not ntriples:
        return b""
    try:
        out = ox.serialize(
            ox.parse(ntriples, ox.RdfFormat.N_TRIPLES, lenient=True), None, ox.RdfFormat.TURTLE, prefixes=dict(prefixes)
        )
    except (ValueError, TypeError, SyntaxError) as exc:
        raise ExportError(f"cannot write Turtle: {exc}") from exc
    assert out is not None  # no output file given: the bytes are returned
    head = turtle_header(prefixes)
    if not out.startswith(head):  # pragma: no cover - pyoxigraph always writes its prefixes first
        raise ExportError("cannot write Turtle: pyoxigraph wrote an unexpected header")
    return out[len(head) :]


def turtle_prefixes(base: str, dotted: bool) -> dict[str, str]:
    """The prefixes Turtle and TriG are written with (none when some IRI ends in ``.``, see :func:`_prefixes_of`)."""
    return {} if dotted else _prefixes(base)


def entity_bucket(subject: str, base: str) -> str:
    """The bucket of an entity's triples in graph.ttl: its subject term up to one character past the kind.

    ``<base>person/tony-blair>`` is in ``<base>person/t``.  The entities graph
    is written one bucket at a time, so adding an entity re-renders its
    bucket's Turtle, not the whole graph's.
    """
    head = "<" + base
    if subject.startswith(head):
        i = subject.find("/", len(head))
        if i != -1:
            return subject[: min(i + 2, len(subject) - 1)]
    return subject


def split_entity_buckets(text: bytes, base: str) -> dict[str, bytes]:
    """The lines of the entities graph's ``text`` by :func:`entity_bucket`, buckets in order of first line."""
    groups: dict[str, list[bytes]] = {}
    for line in text.splitlines(keepends=True):
        subject = line[: line.index(b" ")].decode("utf-8")
        groups.setdefault(entity_bucket(subject, base), []).append(line)
    return {b: b"".join(lines) for b, lines in groups.items()}


def write_turtle(
    graph: nx.MultiDiGraph, path: Path, base_iri: str | None = None, rdf: RdfData | None = None, **_: Any
) -> None:
    """Write Turtle (all triples in the default graph): the prefixes, then one fragment per named graph
    (and per bucket of the entities graph, see :func:`entity_bucket`)."""
    data = rdf_of(graph, base_iri, rdf)
    prefixes = _prefixes_of(data)
    entities = entities_graph_iri(data.base)
    try:
        with atomic_open(path, "wb") as fh:
            out = cast(IO[bytes], fh)
            wrote = False
            for name, text in data.default_view():
                parts = split_entity_buckets(text, data.base).values() if name == entities else (text,)
                for part in parts:
                    piece = turtle_fragment(part, prefixes)
                    if piece and not wrote:
                        out.write(turtle_header(prefixes))
                        wrote = True
                    out.write(piece)
    except ExportError as exc:
        raise ExportError(f"{path}: {exc}") from None
    except OSError as exc:
        raise ExportError(f"{path}: cannot write: {exc}") from exc


def write_ntriples(
    graph: nx.MultiDiGraph, path: Path, base_iri: str | None = None, rdf: RdfData | None = None, **_: Any
) -> None:
    """Write N-Triples (all triples in the default graph), straight from the conversion's lines."""
    _write_blocks(rdf_of(graph, base_iri, rdf).ntriples_blocks(), Path(path))


def write_nquads(
    graph: nx.MultiDiGraph, path: Path, base_iri: str | None = None, rdf: RdfData | None = None, **_: Any
) -> None:
    """Write N-Quads (one named graph per document plus the entities graph) straight from the conversion's lines."""
    _write_blocks(rdf_of(graph, base_iri, rdf).nquads_blocks(), Path(path))


def write_trig(
    graph: nx.MultiDiGraph, path: Path, base_iri: str | None = None, rdf: RdfData | None = None, **_: Any
) -> None:
    """Write TriG: one named graph per document plus the entities graph."""
    data = rdf_of(graph, base_iri, rdf)
    _reserialize(data.nquads_blocks(), ox.RdfFormat.N_QUADS, Path(path), ox.RdfFormat.TRIG, _prefixes_of(data))


def write_jsonld(
    graph: nx.MultiDiGraph, path: Path, base_iri: str | None = None, rdf: RdfData | None = None, **_: Any
) -> None:
    """Write JSON-LD (pyoxigraph's serializer; all triples, expanded IRIs)."""
    data = rdf_of(graph, base_iri, rdf)
    _reserialize(data.ntriples_blocks(), ox.RdfFormat.N_TRIPLES, Path(path), ox.RdfFormat.JSON_LD, None)


#: RDF format name (as in :data:`graphbuild.exporters.EXPORTERS`) -> writer.
RDF_WRITERS: Final = {
    "turtle": write_turtle,
    "ntriples": write_ntriples,
    "nquads": write_nquads,
    "trig": write_trig,
    "jsonld": write_jsonld,
}


def write_rdf_formats(
    graph: nx.MultiDiGraph,
    outdir: str | Path,
    formats: Iterable[str],
    base_iri: str | None = None,
    rdf: RdfData | None = None,
) -> tuple[list[Path], RdfData]:
    """Write several RDF formats from one conversion; the paths written and the conversion (for the store).

    ``formats`` are registry names (``turtle``, ``ntriples``, ``nquads``,
    ``trig``, ``jsonld``); each goes to its default file name in ``outdir``.
    """
    from graphbuild.exporters import default_filename

    names = list(formats)
    unknown = [n for n in names if n not in RDF_WRITERS]
    if unknown:
        raise ExportError(f"not RDF formats: {', '.join(unknown)}; choose from {', '.join(RDF_WRITERS)}")
    data = rdf_of(graph, base_iri, rdf)
    written = []
    for name in names:
        path = Path(outdir) / default_filename(name)
        RDF_WRITERS[name](graph, path, base_iri, rdf=data)
        written.append(path)
    return written, data


# ---------------------------------------------------------------- reading

#: File suffix -> RDF format.
SUFFIX_FORMATS: Final[dict[str, ox.RdfFormat]] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".turtle": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".ntriples": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".nquads": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
}


def rdf_format(path: str | Path) -> ox.RdfFormat:
    """The RDF format of a file, from its suffix."""
    suffix = Path(path).suffix.lower()
    try:
        return SUFFIX_FORMATS[suffix]
    except KeyError:
        raise ExportError(
            f"{path}: unknown RDF file suffix {suffix!r}; use one of {', '.join(sorted(SUFFIX_FORMATS))}"
        ) from None


def iter_rdf(path: str | Path) -> Iterator[ox.Quad]:
    """The quads of an RDF file (triples land in the default graph)."""
    yield from ox.parse(path=str(path), format=rdf_format(path))


def read_rdf(path: str | Path) -> ox.Store:
    """An in-memory pyoxigraph store holding the RDF file at ``path``."""
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=rdf_format(path))
    except SyntaxError as exc:
        raise ExportError(f"{path}: not valid {rdf_format(path).name}: {exc}") from exc
    return store
