"""Benchmark: networkx graph -> Turtle file, graphbuild's RDF path against rdflib's.

Usage::

    python benchmarks/rdf_write.py [BUILD_DIR] [--docs N] [--before] [--out benchmarks/results/rdf_write.json]

With BUILD_DIR (holding graph.json, e.g. a build of the BBC corpus) the graph
of that build is used; otherwise a BBC-sized graph (~430k triples) is
synthesised in the graph.py schema.  In one run it times, end to end and on
the same triples: ours (conversion to N-Triples text + pyoxigraph's Turtle
writer) and rdflib (conversion into an ``rdflib.Graph`` + rdflib's Turtle
serializer), checks both files hold the same triples, and prints and writes
the figures and the ratio rdflib / ours (target: >= 40).
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graphbuild.graph import DEFAULT_BASE_IRI, event_node_id

TYPES = ("Person", "Country", "Place", "Organization")
ROLES = ("agent", "participant", "place", "destination")
RELATIONS = ("affiliated_with", "located_in", "based_in", "lives_in")
EVENTS = ("Travel", "Meet", "Statement", "Attack", "Support")


def synthetic_graph(docs: int, seed: int = 7) -> nx.MultiDiGraph:
    """A corpus graph shaped like a BBC-news build: ~420 triples per document."""
    rnd = random.Random(seed)
    g: nx.MultiDiGraph = nx.MultiDiGraph()
    g.graph["base_iri"] = DEFAULT_BASE_IRI
    g.graph["documents"] = {}
    n_entities = max(50, docs * 3)
    ents = [f"{TYPES[i % 4].lower()}/entity-{i}" for i in range(n_entities)]
    for i, nid in enumerate(ents):
        g.add_node(nid, type=TYPES[i % 4], label=f"Entity {i}", aliases=[f"E{i}"], mentions=[], mention_count=0,
                   merges=[], wikidata=f"Q{i + 1}" if i % 3 == 0 else None)
    for d in range(docs):
        doc = f"bbc-{d:05d}"
        g.graph["documents"][doc] = {"title": f"Headline number {d}", "date": "2005-03-14",
                                     "url": f"https://example.org/news/{d}", "source": f"bbc.jsonl:{d + 1}"}
        sentences = [(s * 120, s * 120 + 110, f"Sentence {s} of document {d} mentions several names. " * 2)
                     for s in range(10)]
        for _ in range(20):
            nid = rnd.choice(ents)
            s0, s1, _text = rnd.choice(sentences)
            start = s0 + rnd.randrange(0, 90)
            g.nodes[nid]["mentions"].append({"doc": doc, "start": start, "end": start + 9, "text": "Some Name",
                                             "sentence_start": s0, "sentence_end": s1, "rule": "ner"})
        for _ in range(5):
            a, b = rnd.sample(ents, 2)
            s0, s1, text = rnd.choice(sentences)
            rel = rnd.choice(RELATIONS)
            ev = {"doc": doc, "sentence_start": s0, "sentence_end": s1, "subject_text": "A", "object_text": "B",
                  "rule": "pattern", "confidence": 0.75, "sentence": text}
            if g.has_edge(a, b, rel):
                g.edges[a, b, rel]["evidence"].append(ev)
            else:
                g.add_edge(a, b, key=rel, relation=rel, evidence=[ev], confidence=0.75)
        for k in range(2):
            s0, s1, text = sentences[k]
            etype = rnd.choice(EVENTS)
            eid = event_node_id(doc, s0 + 5, s0 + 10, etype)
            ev = {"doc": doc, "sentence_start": s0, "sentence_end": s1, "subject_text": "trip", "object_text": "x",
                  "rule": "trigger", "confidence": 0.6, "sentence": text}
            g.add_node(eid, type="Event", event_type=etype, label=f"{etype}: trigger", doc=doc, trigger="trigger",
                       start=s0 + 5, end=s0 + 10, time="2005-03-14", time_text="Monday", quote=None, rule="trigger",
                       confidence=0.6, evidence=[ev], trigger_mentions=[])
            for role, target in zip(ROLES[:3], rnd.sample(ents, 3), strict=True):
                g.add_edge(eid, target, key=role, relation=role, evidence=[ev], confidence=0.6)
    for nid in ents:
        g.nodes[nid]["mention_count"] = len(g.nodes[nid]["mentions"])
    return g


def load_graph(build_dir: Path) -> nx.MultiDiGraph:
    """The graph of a build directory (its graph.json)."""
    from graphbuild.exporters.nodelink import read_json

    return read_json(build_dir / "graph.json")


def _count_triples(path: Path) -> int:
    import pyoxigraph as ox

    return len({q.triple for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)})


def run(graph: nx.MultiDiGraph, source: str, before: bool = False) -> dict[str, Any]:
    """Time graph -> Turtle file, ours against rdflib's, on the same triples; the results dict.

    Ours: ``to_rdf`` (networkx graph -> N-Triples text) then pyoxigraph
    re-serialising it as Turtle (``write_turtle`` with that conversion).
    rdflib: the same conversion, an ``rdflib.Graph`` filled with the same
    triples as rdflib terms, then rdflib's own Turtle serializer.  With
    ``before`` the old object-based path (``tests/rdf_reference.py``) is timed
    too.
    """
    import pyoxigraph as ox
    import rdflib

    from graphbuild.exporters.rdf import _prefixes, to_rdf, write_turtle

    results: dict[str, Any] = {"source": source}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        t0 = time.perf_counter()
        data = to_rdf(graph)
        data.ntriples()
        t_conv = time.perf_counter() - t0
        t0 = time.perf_counter()
        write_turtle(graph, out / "ours.ttl", rdf=data)
        t_ser = time.perf_counter() - t0
        t_ours = t_conv + t_ser
        triples = data.triple_count
        print(f"{source}: {triples} triples ({data.quad_count} quads)", flush=True)
        print(f"ours:   {t_ours:7.2f} s  (conversion {t_conv:.2f} s, Turtle {t_ser:.2f} s)", flush=True)
        t0 = time.perf_counter()
        write_turtle(graph, out / "ours2.ttl")
        t_plain = time.perf_counter() - t0
        print(f"        write_turtle(graph, path) alone: {t_plain:.2f} s", flush=True)

        if before:
            from graphbuild.exporters.rdf import quads_to_triples
            from tests.rdf_reference import reference_quads

            t0 = time.perf_counter()
            old = quads_to_triples(reference_quads(graph))
            t_old_conv = time.perf_counter() - t0
            t0 = time.perf_counter()
            with open(out / "old.ttl", "wb") as fh:
                ox.serialize(old, fh, ox.RdfFormat.TURTLE, prefixes=_prefixes(data.base))
            t_old_ser = time.perf_counter() - t0
            results["before"] = {"total_seconds": round(t_old_conv + t_old_ser, 3),
                                 "conversion_seconds": round(t_old_conv, 3), "turtle_seconds": round(t_old_ser, 3)}
            print(f"before: {t_old_conv + t_old_ser:7.2f} s  (object-based conversion {t_old_conv:.2f} s, "
                  f"Turtle {t_old_ser:.2f} s)", flush=True)
            del old

        t0 = time.perf_counter()
        rdata = to_rdf(graph)
        rg = rdflib.Graph()
        for p, iri in _prefixes(rdata.base).items():
            rg.bind(p, iri)
        for t in rdata.triples():
            rg.add((_to_rdflib(t.subject), _to_rdflib(t.predicate), _to_rdflib(t.object)))
        t_rconv = time.perf_counter() - t0
        print(f"rdflib: conversion to rdflib.Graph {t_rconv:.2f} s ...", flush=True)
        t0 = time.perf_counter()
        rg.serialize(destination=str(out / "rdflib.ttl"), format="turtle")
        t_rser = time.perf_counter() - t0
        t_rdflib = t_rconv + t_rser
        print(f"rdflib: {t_rdflib:7.2f} s  (conversion {t_rconv:.2f} s, Turtle {t_rser:.2f} s)", flush=True)
        counts = {"ours": _count_triples(out / "ours.ttl"), "rdflib": _count_triples(out / "rdflib.ttl")}
        if len(set(counts.values())) != 1 or counts["ours"] != triples:
            raise SystemExit(f"the two Turtle files hold different triples: {counts}, expected {triples}")
        sizes = {"ours_bytes": (out / "ours.ttl").stat().st_size, "rdflib_bytes": (out / "rdflib.ttl").stat().st_size}

    ratio = t_rdflib / t_ours if t_ours > 0 else float("inf")
    print(f"ratio rdflib / ours = {ratio:.1f}x (target >= 40x); Turtle writing alone {t_rser / t_ser:.1f}x")
    results.update({
        "triples": triples,
        "quads": data.quad_count,
        "ours": {"total_seconds": round(t_ours, 3), "conversion_seconds": round(t_conv, 3),
                 "turtle_seconds": round(t_ser, 3), "write_turtle_seconds": round(t_plain, 3)},
        "rdflib": {"total_seconds": round(t_rdflib, 3), "conversion_seconds": round(t_rconv, 3),
                   "turtle_seconds": round(t_rser, 3)},
        "ratio": round(ratio, 1),
        "turtle_only_ratio": round(t_rser / t_ser, 1) if t_ser > 0 else None,
        "target_ratio": 40,
        "meets_target": ratio >= 40,
        **sizes,
        "python": platform.python_version(),
        "rdflib_version": rdflib.__version__,
        "pyoxigraph_version": getattr(ox, "__version__", "unknown"),
        "machine": platform.machine(),
    })
    return results


def _to_rdflib(term: Any) -> Any:
    import pyoxigraph as ox
    import rdflib

    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
    raise TypeError(f"unexpected term {term!r}")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; write the JSON results."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build_dir", nargs="?", help="build directory holding graph.json (default: synthesise)")
    ap.add_argument("--docs", type=int, default=1000, help="documents to synthesise (default 1000, ~420k triples)")
    ap.add_argument("--before", action="store_true", help="also time the old object-based conversion")
    ap.add_argument("--out", default=str(Path(__file__).parent / "results" / "rdf_write.json"))
    args = ap.parse_args(argv)
    if args.build_dir:
        graph = load_graph(Path(args.build_dir))
        source = f"build {args.build_dir}"
    else:
        graph = synthetic_graph(args.docs)
        source = f"synthetic ({args.docs} documents)"
    results = run(graph, source, before=args.before)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(f"results written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
