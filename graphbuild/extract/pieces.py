"""A long document extracted piece by piece: each piece's records, shifted to the document's offsets, joined.

A document over ``max_chars`` is parsed in pieces (:mod:`graphbuild.longdoc`).
Each piece is parsed and extracted on its own and its Doc freed before the
next, so memory stays that of one piece, as for a stream of articles, however
long the document.  The pieces' records are then joined into one
:class:`~graphbuild.model.DocResult`:

* offsets (mentions, sentences, evidence, triggers) move by the piece's start,
  so every offset means the same as in the whole text;
* an entity found in several pieces is one entity: the same type and label
  (case folded), and across pieces an entity named by one of its aliases
  elsewhere ("Lammy" in one piece, "David Lammy" with the alias "Lammy" in
  another) or a lone surname of exactly one full name of a person (recorded
  as a :class:`~graphbuild.model.Merge` with the rule ``piece-alias`` or
  ``piece-surname``);
* relations and events keep their pieces' findings with the joined entity
  keys (``e0``, ``e1``... by first mention, ``v0``, ``v1``... by trigger, as
  in one Doc); a relation whose two ends became one entity is dropped.

Steps that look at the whole document inside one piece (type consistency,
the merge of an event with its later mentions) see only that piece; a piece
is at least a few paragraphs, and the merge of events is bounded by
:data:`graphbuild.extract.event_merge.MERGE_SPAN` anyway.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from graphbuild.extract.piece_events import merge_across
from graphbuild.extract.relations import is_inferred
from graphbuild.gazetteer import fold
from graphbuild.model import Argument, DocEntity, DocResult, Document, Event, Evidence, Mention, Merge, Relation

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["extract_pieces", "join_results"]


def extract_pieces(pieces: Iterable[tuple[int, Doc]], document: Document) -> DocResult:
    """Extract each parsed piece ``(start offset, Doc)`` of ``document`` as it comes, and join the results.

    ``pieces`` is consumed one at a time: a piece's Doc is released before the next is read.
    """
    from graphbuild.extract import extract_doc
    from graphbuild.extract.dates import document_anchor

    anchor = document_anchor(document.date, document.text)  # the whole document's, for every piece
    parts: list[tuple[int, DocResult]] = []
    for offset, doc in pieces:
        sub = replace(document, text=document.text[offset : offset + len(doc.text)])
        parts.append((offset, extract_doc(doc, sub, anchor=anchor)))
        del doc
    return join_results(document, parts)


def _shift_mention(m: Mention, d: int) -> Mention:
    return replace(m, start=m.start + d, end=m.end + d, sentence_start=m.sentence_start + d,
                   sentence_end=m.sentence_end + d)


def _shift_evidence(e: Evidence, d: int) -> Evidence:
    return replace(e, sentence_start=e.sentence_start + d, sentence_end=e.sentence_end + d)


class _Joined:
    """One entity of the joined document, gathered from the pieces."""

    __slots__ = ("aliases", "label", "mentions", "merges", "type", "wikidata")

    def __init__(self, ent: DocEntity, mentions: list[Mention]) -> None:
        self.label, self.type, self.wikidata = ent.label, ent.type, ent.wikidata
        self.mentions = mentions
        self.aliases: set[str] = set(ent.aliases)
        self.merges: list[Merge] = list(ent.merges)

    def absorb(self, other: _Joined) -> None:
        self.mentions += other.mentions
        self.aliases |= other.aliases | ({other.label} - {self.label})
        self.merges += other.merges
        self.wikidata = self.wikidata or other.wikidata


def _alias_targets(joined: list[_Joined]) -> dict[int, tuple[int, str, str]]:
    """For an entity only another piece names in full: ``index -> (index of that entity, rule, evidence)``.

    Its label is an alias of exactly one other entity of its type, or (a person) the last word of exactly
    one other person's name.  Targets are entities that do not move themselves.
    """
    by_alias: dict[tuple[str, str], list[int]] = {}
    by_surname: dict[str, list[int]] = {}
    for i, j in enumerate(joined):
        for a in j.aliases:
            by_alias.setdefault((j.type, fold(a)), []).append(i)
        words = j.label.split()
        if j.type == "Person" and len(words) > 1:
            by_surname.setdefault(fold(words[-1]), []).append(i)
    moves: dict[int, tuple[int, str, str]] = {}
    for i, j in enumerate(joined):
        found = [k for k in dict.fromkeys(by_alias.get((j.type, fold(j.label)), ())) if k != i]
        if len(found) == 1:
            moves[i] = (found[0], "piece-alias", f"{j.label!r} is an alias of {joined[found[0]].label!r} "
                                                 "in another part of the document")
            continue
        if j.type == "Person" and " " not in j.label.strip():
            found = [k for k in by_surname.get(fold(j.label), ()) if k != i]
            if len(found) == 1:
                moves[i] = (found[0], "piece-surname", f"{j.label!r} is the surname of "
                                                       f"{joined[found[0]].label!r} in another part of the document")
    return {i: t for i, t in moves.items() if t[0] not in moves}


def join_results(document: Document, parts: list[tuple[int, DocResult]]) -> DocResult:
    """The pieces' results ``(start offset, result)`` as the one result of ``document``."""
    joined: list[_Joined] = []
    by_name: dict[tuple[str, str], int] = {}
    local: list[dict[str, int]] = []  # per piece: entity key -> index in ``joined``
    for offset, part in parts:
        keys: dict[str, int] = {}
        for ent in part.entities:
            mentions = [_shift_mention(m, offset) for m in ent.mentions]
            name = (ent.type, fold(ent.label))
            k = by_name.get(name)
            if k is None:
                by_name[name] = k = len(joined)
                joined.append(_Joined(ent, mentions))
            else:
                joined[k].absorb(_Joined(ent, mentions))
            keys[ent.key] = k
        local.append(keys)
    moves = _alias_targets(joined)
    target = list(range(len(joined)))
    for i, (k, rule, why) in moves.items():
        joined[k].absorb(joined[i])
        joined[k].merges.append(Merge(rule, joined[i].label, joined[k].label, document.id, why))
        target[i] = k
    entities, new_key = _entities(document, joined, moves)
    key_of = [new_key[target[i]] for i in range(len(joined))]
    relations: dict[tuple[str, str, str, str | None, int], Relation] = {}
    inferred: list[Relation] = []
    events: list[list[Event]] = []
    for (offset, part), keys in zip(parts, local, strict=True):
        for rel in part.relations:
            subject, obj = key_of[keys[rel.subject]], key_of[keys[rel.object]]
            if subject == obj and rel.subject != rel.object:
                continue  # two names of one entity: no relation between them
            moved = replace(rel, subject=subject, object=obj, evidence=_shift_evidence(rel.evidence, offset))
            if is_inferred(rel):
                inferred.append(moved)
            else:
                relations.setdefault(_relation_key(moved), moved)
        events.append([_shift_event(event, offset, keys, key_of) for event in part.events])
    # a relation inferred for a whole document (at its first mention) is inferred once, unless a sentence says it
    stated = {k[:4] for k in relations}
    for rel in inferred:
        if _relation_key(rel)[:4] not in stated:
            stated.add(_relation_key(rel)[:4])
            relations[_relation_key(rel)] = rel
    order = sorted(relations, key=lambda k: (k[4], _key_number(k[0]), k[1], _key_number(k[2]), k[3] or ""))
    joined_events = sorted(merge_across(events), key=lambda e: e.start)
    return DocResult(doc=document, entities=entities, relations=tuple(relations[k] for k in order),
                     events=tuple(replace(e, key=f"v{n}") for n, e in enumerate(joined_events)),
                     extractor_version=parts[0][1].extractor_version if parts else "")


def _relation_key(rel: Relation) -> tuple[str, str, str, str | None, int]:
    return rel.subject, rel.relation, rel.object, rel.title, rel.evidence.sentence_start


def _key_number(key: str) -> int:
    return int(key[1:])


def _entities(
    document: Document, joined: list[_Joined], moves: dict[int, tuple[int, str, str]]
) -> tuple[tuple[DocEntity, ...], dict[int, str]]:
    """The joined entities keyed ``e0``, ``e1``... by first mention (as :func:`extract_entities` keys them)."""
    built: list[tuple[int, str, str, int, DocEntity]] = []
    for i, j in enumerate(joined):
        if i in moves:
            continue
        uniq = tuple(sorted({(m.start, m.end): m for m in j.mentions}.values(), key=lambda m: (m.start, m.end)))
        aliases = tuple(sorted(({m.text for m in uniq} | j.aliases) - {j.label}))
        merges = [m if m.canonical == j.label else replace(m, canonical=j.label) for m in j.merges if m.alias != j.label]
        seen = {m.alias for m in merges}
        merges += [Merge("same-name", a, j.label, document.id, f"{a!r} written as {j.label!r} elsewhere in the document")
                   for a in aliases if a not in seen]
        ent = DocEntity("", j.label, j.type, uniq, aliases, tuple(dict.fromkeys(merges)), j.wikidata)
        built.append((uniq[0].start, j.type, j.label, i, ent))
    built.sort(key=lambda b: (b[0], b[1], b[2]))
    new_key = {b[3]: f"e{n}" for n, b in enumerate(built)}
    return tuple(replace(b[4], key=new_key[b[3]]) for b in built), new_key


def _shift_event(event: Event, d: int, keys: dict[str, int], key_of: list[str]) -> Event:
    arguments = tuple(
        replace(a, entity=key_of[keys[a.entity]], evidence=_shift_evidence(a.evidence, d) if a.evidence else None)
        for a in _unique_arguments(event.arguments, keys, key_of)
    )
    return replace(
        event, start=event.start + d, end=event.end + d, arguments=arguments,
        evidence=tuple(_shift_evidence(e, d) for e in event.evidence),
        mentions=tuple((s + d, e + d, t) for s, e, t in event.mentions),
    )


def _unique_arguments(arguments: tuple[Argument, ...], keys: dict[str, int], key_of: list[str]) -> list[Argument]:
    """An event's arguments, one per role and joined entity (two of its names may have become one entity)."""
    seen: set[tuple[str, str]] = set()
    out = []
    for a in arguments:
        k = (a.role, key_of[keys[a.entity]])
        if k not in seen:
            seen.add(k)
            out.append(a)
    return out
