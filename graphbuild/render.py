"""graph.json and graph.ttl from pieces kept since the last build.

The outputs of a corpus are made of pieces that each depend on a few inputs
only:

* a document's named graph (its mentions, sentences, events, the statements
  of its evidence), its event nodes and their edges depend on the document
  (its cache key), on the ids its entities resolved to and on the members of
  the cross-document events it takes part in (:mod:`graphbuild.eventmerge`:
  the documents of such an event are rendered together, and the event's node
  is in the piece of its first document);
* an entity's node record depends on its id, on the document entities it was
  resolved from and on the merge records resolution wrote for it;
* a relation edge's record depends on the documents that support it;
* a Turtle fragment depends on its graph and on which of its shared triples
  (see :meth:`graphbuild.exporters.rdf.RdfData.shared_lines`) an earlier
  graph already holds.

Each piece is stored under a digest of exactly those inputs in one file of
the cache directory (:data:`MEMO_NAME`).  A build computes the digests (cheap:
resolution has run), renders only the pieces it does not find (through the
same graph and exporter code a full build uses, on a graph of just the
documents and entities concerned), and writes the files by joining pieces.
So adding one article renders that article and the few entities and edges it
touches, and the outputs are identical to a clean build's.

The memo's own key includes a digest of the source of every module that
shapes the outputs, so upgrading graphbuild never reuses a stale piece.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import logging
import marshal
import os
import re
import struct
import sys
import zlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import networkx as nx

from graphbuild import __version__
from graphbuild.atomic import atomic_open
from graphbuild.errors import ExportError
from graphbuild.eventmerge import EventMerges, merge_events
from graphbuild.graph import kept_as, relation_edge_key
from graphbuild.model import GROUP_TYPE, DocResult, Entity

if TYPE_CHECKING:
    from graphbuild.exporters.rdf import RdfData

log = logging.getLogger(__name__)

#: The memo file in the cache directory.
MEMO_NAME: Final = "render.memo"
_MAGIC: Final = b"GBMEMO2\n"
_LEN: Final = struct.Struct("<I")
_CHUNK: Final = 2048  # pieces per marshal record

#: Output formats the memo can write; any other format (or a store) takes the full path.
MEMO_FORMATS: Final = frozenset({"json", "turtle"})


@lru_cache(maxsize=1)
def renderer_version() -> str:
    """graphbuild's version plus a digest of the modules that shape graph.json and graph.ttl."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha1(f"{__version__}\x1f{sys.version_info[:2]}".encode())
    for rel in ("render.py", "graph.py", "eventmerge.py", "resolve.py", "model.py", "exporters/rdf.py",
                "exporters/nodelink.py"):
        try:
            h.update(root.joinpath(rel).read_bytes())
        except OSError:
            h.update(rel.encode())
    try:
        import pyoxigraph

        h.update(str(pyoxigraph.__version__).encode())
    except AttributeError:  # pragma: no cover
        pass
    return h.hexdigest()[:16]


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


class Memo:
    """Rendered pieces by key: those of earlier builds, and those this build uses or makes.

    Two files, each a series of ``marshal`` records and a CRC-32: ``render.memo`` (the
    base) and ``render.memo.delta`` (pieces made since the base was written,
    tied to it by its CRC).  A build that makes few pieces rewrites only the
    small delta; once the delta or the base's unused pieces pass a quarter of
    the base, the base is rewritten with just the pieces this build used.  A
    missing, damaged or foreign file (another graphbuild, base IRI or
    Python) is an empty memo: the pieces are rendered again.
    """

    def __init__(self, path: Path | None, tag: str) -> None:
        self.path = path
        self.tag = tag
        self._base: dict[str, Any] = {}
        self._base_crc = 0
        self._delta: dict[str, Any] = {}
        self.used: dict[str, Any] = {}
        self.made = 0
        if path is not None:
            self._base, self._base_crc = self._load(path, (tag, 0))
            if self._base:
                self._delta, _ = self._load(self._delta_path(path), (tag, self._base_crc))

    @staticmethod
    def _delta_path(path: Path) -> Path:
        return path.with_name(path.name + ".delta")

    @staticmethod
    def _load(path: Path, tag: tuple[str, int]) -> tuple[dict[str, Any], int]:
        try:
            data = path.read_bytes()
        except OSError:
            return {}, 0
        head, tail = len(_MAGIC), _LEN.size + 4
        if not data.startswith(_MAGIC) or len(data) < head + tail:
            return {}, 0
        body = memoryview(data)[head : len(data) - tail]
        crc = int.from_bytes(data[len(data) - 4 :], "little")
        if zlib.crc32(body) != crc or data[len(data) - tail : len(data) - 4] != _LEN.pack(0):
            log.warning("%s: damaged; its pieces are rendered again", path)
            return {}, 0
        entries: dict[str, Any] = {}
        try:
            pos, first = 0, True
            while pos < len(body):
                (size,) = _LEN.unpack_from(body, pos)
                record = marshal.loads(body[pos + _LEN.size : pos + _LEN.size + size])
                pos += _LEN.size + size
                if first:
                    if record != tag:
                        return {}, 0
                    first = False
                else:
                    entries.update(record)
        except (EOFError, ValueError, TypeError, struct.error):
            return {}, 0
        return entries, crc

    def get(self, key: str) -> Any:
        hit = self.used.get(key)
        if hit is None:
            hit = self._delta.get(key)
            if hit is None:
                hit = self._base.get(key)
            if hit is not None:
                self.used[key] = hit
        return hit

    def __contains__(self, key: str) -> bool:
        return key in self.used or key in self._delta or key in self._base

    def put(self, key: str, piece: Any) -> None:
        self.used[key] = piece
        self.made += 1

    @staticmethod
    def _write(path: Path, tag: tuple[str, int], entries: dict[str, Any]) -> int:
        """Write one memo file; its CRC.

        The pieces go out a chunk at a time (never one whole dump in memory),
        to a temporary file renamed into place; no fsync: a torn file fails
        its CRC and is only a memo to render again.
        """
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        crc = 0
        try:
            with tmp.open("wb") as fh:
                fh.write(_MAGIC)

                def put(record: Any) -> None:
                    nonlocal crc
                    data = marshal.dumps(record)
                    for part in (_LEN.pack(len(data)), data):
                        crc = zlib.crc32(part, crc)
                        fh.write(part)

                put(tag)
                items = iter(entries.items())
                while chunk := dict(itertools.islice(items, _CHUNK)):
                    put(chunk)
                fh.write(_LEN.pack(0))
                fh.write(crc.to_bytes(4, "little"))
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
        return crc

    def save(self) -> None:
        """Keep the pieces this build used for the next one (see the class docstring)."""
        if self.path is None:
            return
        base = self._base
        fresh = {k: v for k, v in self.used.items() if k not in base}
        unused = len(base) - (len(self.used) - len(fresh))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            delta_path = self._delta_path(self.path)
            if not base or 4 * (len(fresh) + unused) > len(base):
                self._write(self.path, (self.tag, 0), self.used)
                with contextlib.suppress(FileNotFoundError):
                    delta_path.unlink()
            elif self.made or fresh.keys() != self._delta.keys():
                self._write(delta_path, (self.tag, self._base_crc), fresh)
        except OSError as exc:  # a memo that cannot be written costs time, never the outputs
            log.warning("%s: cannot write the render memo: %s", self.path, exc)


@dataclass
class Rendered:
    """What :func:`render_outputs` wrote, with the counts of the build summary."""

    paths: list[Path]
    entities: int
    relations: int
    events: int
    rendered_docs: int


def _event_ids(res: DocResult, merges: EventMerges) -> list[str]:
    """The event nodes a document's piece holds: its own, and the cross-document events it leads."""
    d = res.doc.id
    return [merges.node_id(d, e) for e in res.events if merges.owned_by(d, e)]


class _Keys:
    """The digest of every piece of one build (see the module docstring)."""

    def __init__(
        self,
        results: Sequence[DocResult],
        entities: Sequence[Entity],
        entity_of: Mapping[tuple[str, str], str],
        fingerprints: Mapping[str, str],
        base: str,
    ) -> None:
        self.results = {r.doc.id: r for r in results}
        self.doc: dict[str, str] = {}
        for r in results:
            d = r.doc.id
            ids = "\x1e".join(entity_of.get((d, e.key), "") for e in r.entities)
            self.doc[d] = _digest("doc", fingerprints[d], base, ids)
        # a document's piece also depends on the cross-document events it takes part in: on their ids,
        # merge records and every member document, so the members of a merged event are rendered together
        self.merges = merge_events(results, entity_of, {e.id: e.label for e in entities})
        self.together: dict[str, set[str]] = {}  # document -> the other documents of its merged events
        if self.merges.merged:
            own = dict(self.doc)
            extra: dict[str, list[str]] = defaultdict(list)
            for nid, group in sorted(self.merges.merged.items()):
                part = _digest("merged", nid, *(f"{d}:{own[d]}" for d in group.docs),
                               *(f"{m.doc}\x1d{m.event}\x1d{m.key}\x1d{m.evidence}" for m in group.merges))
                for d in group.docs:
                    extra[d].append(part)
                    self.together.setdefault(d, set()).update(group.docs)
            for d, parts in extra.items():
                self.doc[d] = _digest("doc+merged", own[d], *parts)
        members: dict[str, list[str]] = defaultdict(list)
        for (d, k), nid in entity_of.items():
            members[nid].append(f"{fingerprints[d]}:{k}")
        self.entity: dict[str, str] = {}
        for ent in entities:
            merges = "\x1e".join(f"{m.rule}\x1d{m.alias}\x1d{m.canonical}\x1d{m.doc}\x1d{m.evidence}" for m in ent.merges)
            self.entity[ent.id] = _digest("entity", ent.id, "\x1e".join(members[ent.id]), merges)
        types = {e.id: e.type for e in entities}
        supporters: dict[tuple[str, str, str], set[str]] = defaultdict(set)
        holders: dict[str, set[str]] = defaultdict(set)  # person -> documents giving a post without organisation
        #: (source, target, key) -> former, for every relation edge and position (the relations graph's input)
        self.facts: dict[tuple[str, str, str], bool] = {}
        days: set[str] = set()
        for r in results:
            d = r.doc.id
            days.update(e.time for e in r.events if e.time)
            for rel in r.relations:
                s = entity_of.get((d, rel.subject))
                o = entity_of.get((d, rel.object))
                if s is None or o is None:
                    continue
                kind = kept_as(rel.relation, rel.title, s, o, types)
                if kind != "edge":  # a post without organisation is on the person node (see graphbuild.graph)
                    if kind == "position" and rel.title:
                        holders[s].add(d)
                        key = relation_edge_key(rel.relation, rel.title)
                        self.facts[(s, s, key)] = self.facts.get((s, s, key), True) and rel.former
                    continue
                key = relation_edge_key(rel.relation, rel.title)
                supporters[(s, o, key)].add(d)
                self.facts[(s, o, key)] = self.facts.get((s, o, key), True) and rel.former
        self.days = days
        self.supporters = supporters
        self.relation = {
            e: _digest("relation", *e, *sorted(self.doc[d] for d in docs)) for e, docs in supporters.items()
        }
        self.holders = holders
        self.positions = {
            n: _digest("positions", n, *sorted(self.doc[d] for d in docs)) for n, docs in holders.items()
        }


class _GraphsOf:
    """Document graph texts by document id, read when needed from the conversions that hold them
    (a conversion keeps its texts in a spooled file: the whole corpus's need not be in memory)."""

    def __init__(self, base: str) -> None:
        self.base = base
        self._where: dict[str, RdfData] = {}

    def add(self, rdf: RdfData, docs: Iterable[str]) -> None:
        for d in docs:
            self._where[d] = rdf

    def has(self, doc: str) -> bool:
        return doc in self._where

    def get(self, doc: str) -> bytes | None:
        from graphbuild.exporters.rdf import doc_graph_iri

        rdf = self._where.get(doc)
        return None if rdf is None else rdf.graphs.get(doc_graph_iri(doc, self.base), b"")


def _subgraph(
    docs: Iterable[str],
    keys: _Keys,
    entities: Sequence[Entity],
    entity_of: Mapping[tuple[str, str], str],
    base_iri: str,
    every_doc: bool,
) -> nx.MultiDiGraph:
    """The corpus graph restricted to ``docs``: their entities (with just their mentions in ``docs``), events, edges.

    Every record of a document in ``docs``, and every edge all of whose
    supporting documents are in ``docs``, is exactly as in the whole graph.
    """
    from graphbuild.graph import build_graph

    wanted = sorted(set(docs))
    results = [keys.results[d] for d in wanted]
    if every_doc:
        return build_graph(entities, results, entity_of, base_iri, keys.merges)
    inside = set(wanted)
    ids = {entity_of[(r.doc.id, e.key)] for r in results for e in r.entities if (r.doc.id, e.key) in entity_of}
    subset = [
        replace(e, mentions=tuple(m for m in e.mentions if m[0] in inside)) for e in entities if e.id in ids
    ]
    return build_graph(subset, results, entity_of, base_iri, keys.merges)


def render_outputs(
    results: Sequence[DocResult],
    entities: Sequence[Entity],
    entity_of: Mapping[tuple[str, str], str],
    fingerprints: Mapping[str, str],
    outdir: Path,
    formats: Iterable[str],
    base_iri: str | None,
    memo: Memo,
    timings: dict[str, float] | None = None,
) -> Rendered:
    """Write graph.json (always) and graph.ttl (when ``"turtle"`` is in ``formats``) from memo pieces."""
    import time

    from graphbuild.exporters import default_filename
    from graphbuild.exporters.nodelink import ENCODER, edge_record, node_record, write_records
    from graphbuild.exporters.rdf import (
        doc_graph_iri,
        entities_graph_iri,
        normalise_base,
        to_rdf,
    )
    from graphbuild.graph import DEFAULT_BASE_IRI, build_graph

    t0 = time.perf_counter()
    graph_base = base_iri or DEFAULT_BASE_IRI
    base = normalise_base(graph_base)
    want_turtle = "turtle" in formats
    keys = _Keys(results, entities, entity_of, fingerprints, base)
    all_docs = sorted(keys.doc)

    # ---- which pieces are missing
    need_docs: set[str] = set()
    for d in all_docs:
        if "J" + keys.doc[d] not in memo or (want_turtle and "R" + keys.doc[d] not in memo):
            need_docs.add(d)
    for d in list(need_docs):  # a merged event's node is made from all its documents
        need_docs.update(keys.together.get(d, ()))
    missing_entities = [e for e in entities if "J" + keys.entity[e.id] not in memo]
    missing_relations = [e for e, k in keys.relation.items() if "J" + k not in memo]
    missing_positions = [n for n, k in keys.positions.items() if "P" + k not in memo]
    every_doc = len(need_docs) == len(all_docs)

    # ---- render them
    texts = _GraphsOf(base)
    shared_of: dict[str, tuple[bytes, ...]] = {}
    entity_texts: tuple[bytes, tuple[bytes, ...]] | None = None
    if need_docs or missing_entities or missing_relations:
        sub = _subgraph(need_docs, keys, entities, entity_of, graph_base, every_doc)
        for d in need_docs:
            res = keys.results[d]
            ids = _event_ids(res, keys.merges)
            nodes = tuple((n, node_record(sub, n)) for n in sorted(set(ids)))
            edges = tuple(
                ((n, t, k), edge_record(sub, n, t, k)) for n in sorted(set(ids)) for _, t, k in sub.out_edges(n, keys=True)
            )
            memo.put("J" + keys.doc[d], (nodes, edges))
        if missing_relations or missing_positions:
            # an edge's record gathers the evidence of every document that supports it: their relations suffice
            rel_graph = sub
            if not every_doc:
                supporters = sorted(
                    {d for e in missing_relations for d in keys.supporters[e]}
                    | {d for n in missing_positions for d in keys.holders[n]}
                )
                # every entity's type (not its mentions): a post "in" a place is a position (graph.kept_as)
                typed = [replace(e, mentions=(), merges=()) for e in entities]
                rel_graph = build_graph(
                    typed, [replace(keys.results[d], events=()) for d in supporters], entity_of, graph_base
                )
            for e in missing_relations:
                memo.put("J" + keys.relation[e], edge_record(rel_graph, *e))
            for n in missing_positions:
                memo.put("P" + keys.positions[n], ENCODER.encode(rel_graph.nodes[n].get("positions") or []))
        if missing_entities:
            source = sub if every_doc else build_graph(missing_entities, [], {}, graph_base)
            for ent in missing_entities:
                # without its positions: they depend on the documents, not on the entity (see _with_positions)
                attrs = {k: v for k, v in source.nodes[ent.id].items() if k != "positions"}
                memo.put("J" + keys.entity[ent.id], ENCODER.encode({**attrs, "id": ent.id}))
        if want_turtle and need_docs:
            rdf = to_rdf(sub, graph_base)
            texts.add(rdf, need_docs)
            for d in need_docs:
                name = doc_graph_iri(d, base)
                shared = rdf.shared_lines(name)
                shared_of[d] = shared
                memo.put("R" + keys.doc[d], (shared, rdf.graph_dotted(name)))
            if every_doc:
                name = entities_graph_iri(base)
                entity_texts = (rdf.graphs.get(name, b""), rdf.shared_lines(name))
        del sub
    if timings is not None:
        timings["render"] = time.perf_counter() - t0

    # ---- graph.json, from the pieces
    t = time.perf_counter()
    node_items: list[tuple[str, str]] = [
        (e.id, _with_positions(memo.get("J" + keys.entity[e.id]), memo.get("P" + keys.positions[e.id])))
        if e.id in keys.positions
        else (e.id, memo.get("J" + keys.entity[e.id]))
        for e in entities
    ]
    edge_items: list[tuple[tuple[str, str, str], str]] = [
        (e, memo.get("J" + k)) for e, k in keys.relation.items()
    ]
    event_ids: set[str] = set()
    for d in all_docs:
        nodes, edges = memo.get("J" + keys.doc[d])
        node_items.extend(nodes)
        edge_items.extend(edges)
        event_ids.update(n for n, _ in nodes)
    node_items.sort(key=lambda x: x[0])
    edge_items.sort(key=lambda x: x[0])
    documents = {
        r.doc.id: {"title": r.doc.title, "date": r.doc.date, "url": r.doc.url, "text": r.doc.text}
        for r in sorted(results, key=lambda r: r.doc.id)
    }
    json_path = outdir / default_filename("json")
    write_records(
        json_path,
        {"base_iri": graph_base, "documents": documents},
        [rec for _, rec in node_items],
        [rec for _, rec in edge_items],
    )
    paths = [json_path]
    if timings is not None:
        timings["write:json"] = time.perf_counter() - t

    # ---- graph.ttl, from the fragments
    if want_turtle:
        t = time.perf_counter()
        paths.append(
            _write_turtle(outdir / default_filename("turtle"), keys, entities, entity_of, graph_base, base, memo, texts,
                          shared_of, entity_texts)
        )
        if timings is not None:
            timings["write:turtle"] = time.perf_counter() - t
    return Rendered(
        paths=paths,
        entities=sum(1 for e in entities if e.type != GROUP_TYPE),  # a group of people is no entity
        relations=len(keys.relation),
        events=len(event_ids),
        rendered_docs=len(need_docs),
    )




def _with_positions(record: str, positions: str) -> str:
    """An entity's encoded node record with its encoded ``positions`` list."""
    from graphbuild.exporters.nodelink import ENCODER

    data = json.loads(record)
    data["positions"] = json.loads(positions)
    return ENCODER.encode(data)


_ID_SAFE: Final = re.compile(r"[A-Za-z0-9._~-]+/[A-Za-z0-9/._~-]+")


def _entity_units(entities: Sequence[Entity], base: str) -> dict[str, list[Entity]]:
    """The entities of each bucket of the entities graph (see :func:`graphbuild.exporters.rdf.entity_bucket`)."""
    from graphbuild.exporters.rdf import Terms, entity_bucket

    terms: Terms | None = None
    head = "<" + base
    out: dict[str, list[Entity]] = {}
    for e in entities:
        if _ID_SAFE.fullmatch(e.id):  # the IRI is the base plus the id as it is
            subject = f"{head}{e.id}>"
        else:
            terms = terms or Terms(base)
            subject = terms.node(e.id)
        out.setdefault(entity_bucket(subject, base), []).append(e)
    return out


def _write_turtle(
    path: Path,
    keys: _Keys,
    entities: Sequence[Entity],
    entity_of: Mapping[tuple[str, str], str],
    graph_base: str,
    base: str,
    memo: Memo,
    texts: _GraphsOf,
    shared_of: dict[str, tuple[bytes, ...]],
    entity_texts: tuple[bytes, tuple[bytes, ...]] | None,
) -> Path:
    """graph.ttl: the ``@prefix`` lines, then the fragment of each document graph and entity bucket, in order."""
    from graphbuild.exporters.rdf import (
        doc_graph_iri,
        entities_graph_iri,
        relations_ntriples,
        split_entity_buckets,
        to_rdf,
        turtle_fragment,
        turtle_header,
        turtle_prefixes,
        without_lines,
    )
    from graphbuild.graph import build_graph

    def entity_rdf(ents: Iterable[Entity]) -> tuple[dict[str, bytes], tuple[bytes, ...]]:
        rdf = to_rdf(build_graph([replace(e, mentions=()) for e in ents], [], {}, graph_base), graph_base)
        name = entities_graph_iri(base)
        return split_entity_buckets(rdf.graphs.get(name, b""), base), rdf.shared_lines(name)

    # units in the order of the default-graph view: document graphs by IRI, then the entities graph's buckets
    units: list[tuple[str, str]] = [(keys.doc[d], d) for _, d in sorted((doc_graph_iri(d, base), d) for d in keys.doc)]
    buckets = _entity_units(entities, base)
    bucket_key = {
        b: _digest("entities", base, *(f"{e.id}\x1d{e.type}\x1d{e.label}\x1d{chr(29).join(e.aliases)}\x1d{e.wikidata}"
                                       for e in ents))
        for b, ents in buckets.items()
    }
    units += [(bucket_key[b], "\x00" + b) for b in buckets]
    bucket_texts: dict[str, bytes] = {}
    if entity_texts is not None:
        bucket_texts = split_entity_buckets(entity_texts[0], base)
        if entity_texts[1]:  # pragma: no cover - entity facts are never shared triples
            raise ExportError("shared triples in the entities graph")
    missing = [b for b in buckets if "R" + bucket_key[b] not in memo and b not in bucket_texts]
    if missing:
        rendered, shared = entity_rdf(e for b in missing for e in buckets[b])
        if shared:  # pragma: no cover
            raise ExportError("shared triples in the entities graph")
        bucket_texts.update(rendered)
    for b, text in bucket_texts.items():
        if b in bucket_key:
            memo.put("R" + bucket_key[b], ((), b".>" in text))

    entries = [memo.get("R" + k) for k, _ in units]
    # the relations graph (relation triples, posts, days) comes last: its IRI sorts after the entities graph's
    rel_text = relations_ntriples(graph_base, [(s, o, k, f) for (s, o, k), f in keys.facts.items()], keys.days)
    dotted = any(bool(e[1]) for e in entries) or b".>" in rel_text
    prefixes = turtle_prefixes(base, dotted)
    mode = "n" if dotted else "p"

    def unit_text(unit: str) -> bytes | None:
        return bucket_texts.get(unit[1:]) if unit.startswith("\x00") else texts.get(unit)

    def has_text(unit: str) -> bool:
        return unit[1:] in bucket_texts if unit.startswith("\x00") else texts.has(unit)

    # each shared triple is kept where it first occurs
    seen: set[bytes] = set()
    pieces: list[tuple[str, set[bytes], str | None]] = []  # (fragment key, lines to drop, unit to render or None)
    late: list[str] = []
    for (ukey, unit), entry in zip(units, entries, strict=True):
        lines: tuple[bytes, ...] = shared_of.get(unit) or tuple(entry[0])
        drop = {ln for ln in lines if ln in seen}
        seen.update(lines)
        fkey = "T" + mode + ukey + _digest(*sorted(ln.decode("utf-8", "surrogateescape") for ln in drop))
        if fkey in memo:
            pieces.append((fkey, drop, None))
            continue
        if not has_text(unit):
            late.append(unit)
        pieces.append((fkey, drop, unit))  # its text is read when written (the corpus's texts stay on disk)
    if late:  # units whose fragment is missing and whose text was not rendered above
        log.debug("%d graph.ttl fragments rendered again: their shared triples now come earlier", len(late))
        late_docs = [u for u in late if not u.startswith("\x00")]
        if late_docs:
            # with the other documents of their merged events: a merged event's node is made from all of them
            with_members = sorted({*late_docs, *(m for d in late_docs for m in keys.together.get(d, ()))})
            rdf = to_rdf(_subgraph(with_members, keys, entities, entity_of, graph_base, False), graph_base)
            texts.add(rdf, late_docs)
        late_buckets = [u[1:] for u in late if u.startswith("\x00")]
        if late_buckets:
            bucket_texts.update(entity_rdf(e for b in late_buckets for e in buckets[b])[0])
    try:
        with atomic_open(path, "wb") as fh:
            wrote = False
            for fkey, drop, todo in pieces:
                piece: bytes
                if todo is not None:
                    piece = turtle_fragment(without_lines(unit_text(todo) or b"", drop), prefixes)
                    memo.put(fkey, piece)
                else:
                    piece = memo.get(fkey)
                if piece and not wrote:
                    fh.write(turtle_header(prefixes))  # type: ignore[arg-type]
                    wrote = True
                fh.write(piece)  # type: ignore[arg-type]
            rkey = "T" + mode + _digest("relations", rel_text.decode("utf-8", "surrogateescape"))
            piece = memo.get(rkey)
            if piece is None:
                piece = turtle_fragment(rel_text, prefixes)
                memo.put(rkey, piece)
            if piece and not wrote:
                fh.write(turtle_header(prefixes))  # type: ignore[arg-type]
            fh.write(piece)  # type: ignore[arg-type]
    except ExportError as exc:
        raise ExportError(f"{path}: {exc}") from None
    except OSError as exc:
        raise ExportError(f"{path}: cannot write: {exc}") from exc
    return path
