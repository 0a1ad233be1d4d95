"""Benchmark: writing Turtle through pyoxigraph vs rdflib's own Turtle serializer.

Usage::

    python benchmarks/rdf_write.py [BUILD_DIR] [--docs N] [--out benchmarks/results/rdf_write.json]

With BUILD_DIR (holding graph.json) the graph of that build is used;
otherwise a BBC-sized graph (~400k triples) is synthesised in the
graph.py schema.  Both writers serialise the same triples to a file in the
same run; the ratio rdflib time / pyoxigraph time is printed and written to
the JSON results (target: >= 40).
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

from graphbuild.exporters.rdf import graph_to_quads, quads_to_triples, write_turtle
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
    """The graph of a build directory (graph.json)."""
    from graphbuild.exporters.nodelink import read_json

    return read_json(build_dir / "graph.json")


def run(graph: nx.MultiDiGraph, source: str) -> dict[str, Any]:
    """Time both writers on ``graph``; the results dict."""
    import rdflib

    t0 = time.perf_counter()
    quads = graph_to_quads(graph)
    triples = quads_to_triples(quads)
    t_model = time.perf_counter() - t0
    print(f"{source}: {len(triples)} triples ({len(quads)} quads) built in {t_model:.2f} s", flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        t0 = time.perf_counter()
        write_turtle(graph, out / "ox.ttl")
        t_full = time.perf_counter() - t0

        import pyoxigraph as ox

        from graphbuild.exporters.rdf import _prefixes, normalise_base

        prefixes = _prefixes(normalise_base(None, graph))
        t0 = time.perf_counter()
        with open(out / "ox2.ttl", "wb") as fh:
            ox.serialize(triples, fh, ox.RdfFormat.TURTLE, prefixes=prefixes)
        t_ox = time.perf_counter() - t0
        print(f"pyoxigraph Turtle: {t_ox:.2f} s (whole write_turtle incl. model: {t_full:.2f} s)", flush=True)

        rg = rdflib.Graph()
        for p, iri in prefixes.items():
            rg.bind(p, iri)
        for t in triples:
            rg.add((_to_rdflib(t.subject), _to_rdflib(t.predicate), _to_rdflib(t.object)))
        t0 = time.perf_counter()
        rg.serialize(destination=str(out / "rdflib.ttl"), format="turtle")
        t_rdflib = time.perf_counter() - t0
        print(f"rdflib Turtle:     {t_rdflib:.2f} s", flush=True)
        sizes = {
            "pyoxigraph_bytes": (out / "ox2.ttl").stat().st_size,
            "rdflib_bytes": (out / "rdflib.ttl").stat().st_size,
        }

    ratio = t_rdflib / t_ox if t_ox > 0 else float("inf")
    print(f"ratio rdflib / pyoxigraph = {ratio:.1f}x (target >= 40x)")
    return {
        "source": source,
        "triples": len(triples),
        "quads": len(quads),
        "model_seconds": round(t_model, 3),
        "write_turtle_seconds": round(t_full, 3),
        "pyoxigraph_turtle_seconds": round(t_ox, 3),
        "rdflib_turtle_seconds": round(t_rdflib, 3),
        "ratio": round(ratio, 1),
        "target_ratio": 40,
        "meets_target": ratio >= 40,
        **sizes,
        "python": platform.python_version(),
        "rdflib": rdflib.__version__,
        "pyoxigraph": getattr(ox, "__version__", "unknown"),
        "machine": platform.machine(),
    }


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
    ap.add_argument("--out", default=str(Path(__file__).parent / "results" / "rdf_write.json"))
    args = ap.parse_args(argv)
    if args.build_dir:
        graph = load_graph(Path(args.build_dir))
        source = f"build {args.build_dir}"
    else:
        graph = synthetic_graph(args.docs)
        source = f"synthetic ({args.docs} documents)"
    results = run(graph, source)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(f"results written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
