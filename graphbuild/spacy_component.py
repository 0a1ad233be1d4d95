"""The ``graphbuild`` spaCy component: ``nlp.add_pipe("graphbuild")``.

Registered as a spaCy factory through the ``spacy_factories`` entry point,
so any pipeline can add it once graphbuild is installed, with no import.
It reads the entities the pipeline found (its NER, an ``entity_ruler``,
``spancat`` written to ``doc.ents``...) and the parse when there is one,
and puts what graphbuild extracts on the Doc:

``doc._.graph``
    a plain, JSON-ready dict: ``doc`` (the document id), ``entities``,
    ``relations`` and ``events`` (see docs/spacy.md);
``doc._.graph_result``
    the same as a :class:`~graphbuild.model.DocResult` record, which
    :func:`graph_from_docs` joins into one corpus graph (held beside the
    Doc, so it is not serialised with it: a Doc read back from bytes has
    ``doc._.graph`` only).

Entity labels are read as spaCy's English models use them: ``PERSON``,
``ORG``, ``GPE``, ``LOC``, ``FAC`` (``NORP`` and a few others may be
retyped); a gazetteer may type a known country or place more precisely.
"""

from __future__ import annotations

import dataclasses
import weakref
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc

from graphbuild.model import DocResult, Document

if TYPE_CHECKING:
    from graphbuild.api import KnowledgeGraph

#: ``doc.user_data`` keys the component reads the document's metadata from (all optional).
META_KEYS = ("doc_id", "title", "date", "url")

#: The DocResult of each processed Doc, kept beside it (not in ``user_data``, so ``doc.to_bytes()`` still works).
_RESULTS: weakref.WeakKeyDictionary[Doc, DocResult] = weakref.WeakKeyDictionary()


def _result_of(doc: Doc) -> DocResult | None:
    return _RESULTS.get(doc)


if not Doc.has_extension("graph"):
    Doc.set_extension("graph", default=None)
if not Doc.has_extension("graph_result"):
    Doc.set_extension("graph_result", getter=_result_of)


def _plain(value: Any) -> Any:
    """Dataclass records as JSON-ready dicts and lists (every field, so new ones come along)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def result_dict(result: DocResult) -> dict[str, Any]:
    """``doc._.graph``: a DocResult as a plain dict, relation ends and event arguments with their entity labels."""
    labels = {e.key: e.label for e in result.entities}
    relations = []
    for rel in result.relations:
        rec = _plain(rel)
        rec["subject_label"] = labels.get(rel.subject)
        rec["object_label"] = labels.get(rel.object)
        relations.append(rec)
    events = []
    for evt in result.events:
        rec = _plain(evt)
        for arg in rec["arguments"]:
            arg["label"] = labels.get(arg["entity"])
        events.append(rec)
    return {
        "doc": result.doc.id,
        "entities": [_plain(e) for e in result.entities],
        "relations": relations,
        "events": events,
    }


class GraphbuildComponent:
    """Extract graphbuild's entities, relations and events from each Doc (see the module docstring)."""

    def __init__(self, nlp: Language, name: str = "graphbuild", default_id: str = "doc") -> None:
        self.name = name
        self.default_id = default_id
        self._sentencizer: Any = None

    def _ensure_sentences(self, doc: Doc) -> None:
        """Rule-based sentence boundaries when the pipeline set none (no parser, no senter)."""
        if doc.has_annotation("SENT_START"):
            return
        if self._sentencizer is None:
            from spacy.pipeline import Sentencizer

            self._sentencizer = Sentencizer()
        self._sentencizer(doc)

    def __call__(self, doc: Doc) -> Doc:
        """Run the extraction on ``doc`` and set ``doc._.graph`` and ``doc._.graph_result``."""
        from graphbuild.extract import extract_doc

        meta = doc.user_data
        self._ensure_sentences(doc)
        date = meta.get("date")
        document = Document(
            id=str(meta.get("doc_id") or self.default_id),
            text=doc.text,
            title=meta.get("title"),
            date=str(date)[:10] if date else None,
            url=meta.get("url"),
            source="spaCy Doc",
        )
        result = extract_doc(doc, document)
        _RESULTS[doc] = result
        doc._.graph = result_dict(result)
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        """Process a stream of Docs (one at a time: extraction is per document)."""
        for doc in stream:
            yield self(doc)


@Language.factory(
    "graphbuild",
    default_config={"default_id": "doc"},
    assigns=["doc._.graph", "doc._.graph_result"],
    requires=["doc.ents"],
)
def make_component(nlp: Language, name: str, default_id: str) -> GraphbuildComponent:
    """The ``graphbuild`` factory (``nlp.add_pipe("graphbuild", config={"default_id": "doc"})``)."""
    return GraphbuildComponent(nlp, name, default_id)


def graph_from_docs(docs: Iterable[Doc], base_iri: str | None = None) -> KnowledgeGraph:
    """One corpus graph (entities resolved across documents) from Docs the component has processed.

    Each Doc needs its own ``doc.user_data["doc_id"]``; a repeated id is an error.
    """
    from graphbuild.api import KnowledgeGraph
    from graphbuild.errors import GraphbuildError
    from graphbuild.pipeline import assemble

    results: list[DocResult] = []
    seen: set[str] = set()
    for n, doc in enumerate(docs, 1):
        res = doc._.graph_result
        if not isinstance(res, DocResult):
            raise GraphbuildError(f"Doc {n} has no graphbuild result: add the component with nlp.add_pipe('graphbuild')")
        if res.doc.id in seen:
            raise GraphbuildError(f"Doc {n}: document id {res.doc.id!r} repeats; set doc.user_data['doc_id'] per Doc")
        seen.add(res.doc.id)
        results.append(res)
    if not results:
        raise GraphbuildError("graph_from_docs: no Docs given")
    return KnowledgeGraph(assemble(results, base_iri), base_iri=base_iri)
