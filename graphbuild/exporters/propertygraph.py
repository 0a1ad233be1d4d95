"""Property-graph CSV: a nodes file and a relationships file with Neo4j admin-import headers.

``write_csv`` writes a directory holding

``nodes.csv``
    ``id:ID``, ``:LABEL`` (the node type: ``Person``, ``Country``, ``Place``,
    ``Organization``, ``Event``), then the flattened attributes of
    :mod:`graphbuild.exporters.flat` with typed headers (``mention_count:int``,
    ``confidence:float``, ``aliases:string[]``...);
``relationships.csv``
    ``:START_ID``, ``:END_ID``, ``:TYPE`` (the relation or role in upper
    case: ``HOLDS_POSITION``, ``AGENT``), ``relation`` (its graph.json name),
    ``key``, ``title``, ``former:boolean``, ``confidence:float``,
    ``evidence_count:int``, ``documents:string[]``, ``sentence``, ``rule``,
    ``evidence`` (JSON).

Arrays use ``;`` (neo4j-admin's default ``--array-delimiter``); text is on
one line (newlines become spaces), quoted with ``"`` and doubled quotes.
Columns and their order are fixed, so the files load the same way for any
corpus (an absent value is an empty field).  See docs/export.md.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import networkx as nx

from graphbuild.atomic import atomic_open
from graphbuild.errors import ExportError
from graphbuild.exporters.flat import LIST_SEP, flat_attrs

#: (graph attribute after flattening, CSV header) of nodes.csv, after ``id:ID`` and ``:LABEL``.
NODE_COLUMNS: Final = (
    ("label", "label"),
    ("type", "type"),
    ("aliases", "aliases:string[]"),
    ("mention_count", "mention_count:int"),
    ("wikidata", "wikidata"),
    ("position_titles", "positions:string[]"),
    ("positions", "positions_json"),
    ("event_type", "event_type"),
    ("status", "status"),
    ("doc", "doc"),
    ("trigger", "trigger"),
    ("trigger_start", "trigger_start:int"),
    ("trigger_end", "trigger_end:int"),
    ("time", "time"),  # YYYY-MM-DD, YYYY-MM or YYYY: a string, as partial dates are not Neo4j dates
    ("time_text", "time_text"),
    ("quote", "quote"),
    ("rule", "rule"),
    ("confidence", "confidence:float"),
    ("sentence", "sentence"),
    ("mentions", "mentions_json"),
    ("merges", "merges_json"),
)

#: (graph attribute after flattening, CSV header) of relationships.csv, after the start, end and type.
EDGE_COLUMNS: Final = (
    ("relation", "relation"),
    ("key", "key"),
    ("title", "title"),
    ("former", "former:boolean"),
    ("confidence", "confidence:float"),
    ("evidence_count", "evidence_count:int"),
    ("documents", "documents:string[]"),
    ("sentence", "sentence"),
    ("rule", "rule"),
    ("evidence", "evidence_json"),
)

NODES_FILE: Final = "nodes.csv"
RELATIONSHIPS_FILE: Final = "relationships.csv"


def _cell(value: Any, header: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if header.endswith("[]"):
        parts = [p.replace(";", ",") for p in text.split(LIST_SEP)] if text else []
        text = ";".join(parts)
    return " ".join(text.splitlines()) if ("\n" in text or "\r" in text) else text


def _rule(attrs: Mapping[str, Any]) -> str | None:
    """The rule of the best evidence record (relationships have no rule of their own)."""
    evidence = attrs.get("evidence")
    if not evidence:
        return None
    best = max(evidence, key=lambda e: float(e.get("confidence") or 0.0))
    return str(best.get("rule")) if best.get("rule") is not None else None


def relationship_type(relation: str) -> str:
    """The ``:TYPE`` of a relation: upper snake case (``holds_position`` → ``HOLDS_POSITION``)."""
    return "".join(ch if ch.isalnum() else "_" for ch in relation).upper() or "RELATED_TO"


def _write_rows(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    try:
        with atomic_open(path, "w") as fh:
            writer = csv.writer(fh, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
            writer.writerow(header)
            writer.writerows(rows)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write: {exc}") from exc


def node_rows(graph: nx.MultiDiGraph) -> Iterable[list[str]]:
    """The rows of nodes.csv, in node id order."""
    for node in sorted(graph.nodes):
        attrs = graph.nodes[node]
        flat = flat_attrs(attrs)
        yield [str(node), str(attrs.get("type") or "Node")] + [_cell(flat.get(k), h) for k, h in NODE_COLUMNS]


def edge_rows(graph: nx.MultiDiGraph) -> Iterable[list[str]]:
    """The rows of relationships.csv, in (start, end, key) order."""
    for s, o, k in sorted(graph.edges(keys=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2]))):
        attrs = graph.edges[s, o, k]
        flat = {**flat_attrs(attrs), "key": str(k), "rule": _rule(attrs)}
        relation = str(attrs.get("relation") or k)
        yield [str(s), str(o), relationship_type(relation)] + [_cell(flat.get(c), h) for c, h in EDGE_COLUMNS]


def write_csv(graph: nx.MultiDiGraph, path: Path, **_: Any) -> None:
    """Write ``nodes.csv`` and ``relationships.csv`` into the directory ``path`` (each atomically)."""
    directory = Path(path)
    if directory.exists() and not directory.is_dir():
        raise ExportError(f"{directory}: the csv format writes a directory (nodes.csv, relationships.csv), not a file")
    _write_rows(directory / NODES_FILE, ["id:ID", ":LABEL", *(h for _, h in NODE_COLUMNS)], node_rows(graph))
    _write_rows(
        directory / RELATIONSHIPS_FILE, [":START_ID", ":END_ID", ":TYPE", *(h for _, h in EDGE_COLUMNS)], edge_rows(graph)
    )


def read_csv_graph(path: Path) -> nx.MultiDiGraph:
    """Read the two files back into a graph (ids, labels, scalar columns as text); for checks and tests."""
    g: nx.MultiDiGraph = nx.MultiDiGraph()
    with (Path(path) / NODES_FILE).open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            g.add_node(row.pop("id:ID"), **{k: v for k, v in row.items() if v != ""})
    with (Path(path) / RELATIONSHIPS_FILE).open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            s, o = row.pop(":START_ID"), row.pop(":END_ID")
            g.add_edge(s, o, key=row["key"], **{k: v for k, v in row.items() if v != ""})
    return g


__all__ = ["EDGE_COLUMNS", "NODE_COLUMNS", "read_csv_graph", "relationship_type", "write_csv"]
