"""Cross-document resolution (first version: same type and label merge)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

from graphbuild.model import DocResult, Entity, Mention, Merge


def slugify(text: str) -> str:
    """ASCII slug of a name; a hash when nothing is left."""
    s = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "h" + hashlib.sha1(text.encode()).hexdigest()[:12]


def resolve(results: Iterable[DocResult]) -> tuple[list[Entity], dict[tuple[str, str], str]]:
    """One Entity per (type, label) across the corpus."""
    acc: dict[str, dict[str, object]] = {}
    entity_of: dict[tuple[str, str], str] = {}
    for res in results:
        for ent in res.entities:
            eid = f"{ent.type.lower()}/{slugify(ent.label)}"
            slot = acc.setdefault(eid, {"label": ent.label, "type": ent.type, "aliases": set(), "mentions": [], "merges": [], "wikidata": ent.wikidata})
            slot["aliases"].add(ent.label)  # type: ignore[attr-defined]
            slot["aliases"].update(ent.aliases)  # type: ignore[attr-defined]
            slot["mentions"].extend((res.doc.id, m) for m in ent.mentions)  # type: ignore[attr-defined]
            slot["merges"].extend(ent.merges)  # type: ignore[attr-defined]
            entity_of[(res.doc.id, ent.key)] = eid
    entities = []
    for eid, slot in sorted(acc.items()):
        mentions: list[tuple[str, Mention]] = slot["mentions"]  # type: ignore[assignment]
        merges: list[Merge] = slot["merges"]  # type: ignore[assignment]
        entities.append(
            Entity(
                id=eid,
                label=str(slot["label"]),
                type=str(slot["type"]),
                aliases=tuple(sorted(slot["aliases"])),  # type: ignore[call-overload]
                mentions=tuple(sorted(mentions, key=lambda dm: (dm[0], dm[1].start))),
                merges=tuple(merges),
                wikidata=slot["wikidata"],  # type: ignore[arg-type]
            )
        )
    return entities, entity_of
