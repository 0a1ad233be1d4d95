"""Entities of one document (first version: spaCy NER, grouped by name).

Replaced by the full entity layer (typing rules, gazetteers, aliases).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graphbuild.model import DocEntity, Document, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

_LABELS = {"PERSON": "Person", "GPE": "Country", "LOC": "Place", "FAC": "Place", "ORG": "Organization"}


def extract_entities(doc: Doc, document: Document) -> tuple[DocEntity, ...]:
    """Group NER spans by name; surnames join the full name that ends with them."""
    groups: dict[tuple[str, str], list[Mention]] = {}
    for ent in doc.ents:
        etype = _LABELS.get(ent.label_)
        if etype is None:
            continue
        sent = ent.sent
        m = Mention(ent.start_char, ent.end_char, ent.text, sent.start_char, sent.end_char, "ner")
        groups.setdefault((etype, ent.text), []).append(m)
    out: list[DocEntity] = []
    for i, ((etype, name), ms) in enumerate(sorted(groups.items(), key=lambda kv: kv[1][0].start)):
        out.append(DocEntity(key=f"e{i}", label=name, type=etype, mentions=tuple(ms)))
    return tuple(out)


def entity_at(entities: tuple[DocEntity, ...], start: int, end: int) -> DocEntity | None:
    """The entity with a mention overlapping the char range ``[start, end)``."""
    for ent in entities:
        for m in ent.mentions:
            if m.start < end and start < m.end:
                return ent
    return None
