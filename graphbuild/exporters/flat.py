"""Flattened, typed attributes for formats that hold only scalars (GraphML, GEXF, property-graph CSV).

One mapping for every such format, so Gephi, networkx and a property-graph
database see the same columns:

* scalars (``str``, ``int``, ``float``, ``bool``) stay as they are, with a
  fixed type per name (``confidence`` always a float, offsets integers);
  ``None`` is left out;
* lists of strings (``aliases``) become one string joined with ``"; "``;
* lists of records (``mentions``, ``evidence``, ``merges``, ``positions``,
  ``trigger_mentions``) become JSON text, plus a count (``evidence_count``)
  and, for evidence, the documents and the best sentence;
* event trigger offsets ``start``/``end`` are named ``trigger_start``/``trigger_end``
  (GEXF reserves ``start`` and ``end`` for time spans);
* text loses the control characters XML 1.0 cannot hold.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any, Final

import networkx as nx

#: Characters XML 1.0 cannot hold (and that no news text needs).
_BAD_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: Joins list-of-string values.
LIST_SEP: Final = "; "

FLOATS: Final = frozenset({"confidence", "weight"})
INTS: Final = frozenset({"mention_count", "evidence_count", "trigger_start", "trigger_end"})
_RENAMED: Final = {"start": "trigger_start", "end": "trigger_end"}


def clean(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids."""
    return _BAD_XML.sub(" ", text)


def _json(value: Any) -> str:
    return clean(json.dumps(value, ensure_ascii=False, sort_keys=True))


def _evidence_fields(evidence: list[Mapping[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {"evidence": _json(evidence), "evidence_count": len(evidence)}
    docs = sorted({str(e.get("doc")) for e in evidence if e.get("doc") is not None})
    if docs:
        out["documents"] = LIST_SEP.join(docs)
    best = max(evidence, key=lambda e: float(e.get("confidence") or 0.0), default=None)
    if best is not None and best.get("sentence"):
        out["sentence"] = clean(" ".join(str(best["sentence"]).split()))
    return out


def flat_attrs(attrs: Mapping[str, Any]) -> dict[str, Any]:
    """The flattened, typed form of one node's or edge's attributes (see the module docstring)."""
    out: dict[str, Any] = {}
    for key, value in attrs.items():
        name = _RENAMED.get(key, key)
        if value is None:
            continue
        if key == "evidence" and isinstance(value, list):
            out.update(_evidence_fields(value))
        elif isinstance(value, bool):
            out[name] = value
        elif name in FLOATS and isinstance(value, int | float):
            out[name] = float(value)
        elif name in INTS and isinstance(value, int | float):
            out[name] = int(value)
        elif isinstance(value, int | float):
            out[name] = value
        elif isinstance(value, str):
            out[name] = clean(value)
        elif isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
            out[name] = clean(LIST_SEP.join(value))
        elif isinstance(value, list | tuple):
            out[name] = _json(list(value))
            if f"{name.rstrip('s')}_count" not in attrs:  # mentions already have mention_count
                out[f"{name}_count"] = len(value)
            if key == "positions":
                titles = [str(p.get("title")) for p in value if isinstance(p, Mapping) and p.get("title")]
                out["position_titles"] = clean(LIST_SEP.join(titles))
        else:
            out[name] = _json(value)
    return out


def edge_label(attrs: Mapping[str, Any]) -> str:
    """A short edge label for viewers: the relation, with the title of a post."""
    rel = str(attrs.get("relation", ""))
    title = attrs.get("title")
    return f"{rel}: {title}" if title else rel


def flat_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``graph`` with flattened attributes, nodes and edges in id order (deterministic files).

    Edges get a ``label`` (the relation, and a post's title) and a ``weight``
    (their confidence) for Gephi; graph attributes keep ``base_iri`` and the
    document table as JSON.
    """
    g: nx.MultiDiGraph = nx.MultiDiGraph()
    for key, value in graph.graph.items():
        if value is not None:
            g.graph[key] = value if isinstance(value, str | int | float | bool) else _json(value)
    for node in sorted(graph.nodes):
        g.add_node(node, **flat_attrs(graph.nodes[node]))
    for s, o, k in sorted(graph.edges(keys=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2]))):
        attrs = graph.edges[s, o, k]
        flat = flat_attrs(attrs)
        flat.setdefault("label", clean(edge_label(attrs)))
        if "confidence" in flat:
            flat.setdefault("weight", flat["confidence"])
        g.add_edge(s, o, key=k, **flat)
    return g
