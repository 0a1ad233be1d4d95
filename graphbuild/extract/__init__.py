"""Extraction: one spaCy Doc in, one :class:`~graphbuild.model.DocResult` out.

The spaCy Doc never leaves this package; everything downstream works on records.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graphbuild.extract.common import EntityIndex
from graphbuild.extract.dates import document_anchor
from graphbuild.extract.entities import extract_entities
from graphbuild.extract.events import extract_events
from graphbuild.extract.relations import extract_relations
from graphbuild.model import DocResult, Document

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Bumped whenever extraction output may change; part of the cache key.
EXTRACTOR_VERSION = "0.1.0"

__all__ = ["EXTRACTOR_VERSION", "extract_doc"]


def extract_doc(doc: Doc, document: Document) -> DocResult:
    """Entities, relations and events of one parsed document."""
    entities = extract_entities(doc, document)
    index = EntityIndex(doc, entities)
    relations = extract_relations(doc, document, entities, index)
    anchor = document_anchor(document.date, document.text)
    events = extract_events(doc, document, index, anchor)
    return DocResult(doc=document, entities=entities, relations=relations, events=events,
                     extractor_version=EXTRACTOR_VERSION)
