"""Shared by event tests: build the graph.json of a few hand-written documents, and read events' roles and statuses."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def build_docs(tmp: Path, docs: dict[str, str]) -> dict[str, Any]:
    """The graph.json of ``docs`` (id -> text), built in ``tmp`` without cache, Turtle or page."""
    from graphbuild.pipeline import BuildOptions, build

    src = tmp / "docs.jsonl"
    src.write_text("".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in docs.items()), encoding="utf-8")
    build([src], BuildOptions(outdir=tmp / "out", use_cache=False, formats=(), html=False, processes=1))
    return json.loads(Path(tmp / "out" / "graph.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def roles_of(graph: dict[str, Any], doc: str, etype: str) -> dict[str, set[str]]:
    """Role -> argument labels over the document's events of ``etype``."""
    nodes = {n["id"]: n for n in graph["nodes"]}
    out: dict[str, set[str]] = {}
    for n in graph["nodes"]:
        if n.get("type") == "Event" and n["doc"] == doc and n["event_type"] == etype:
            for e in graph["edges"]:
                if e["source"] == n["id"]:
                    out.setdefault(e["relation"], set()).add(nodes[e["target"]]["label"])
    return out


def statuses_of(graph: dict[str, Any], docs: Any) -> dict[str, dict[str, str]]:
    """Document id -> event type -> status, over the events of ``graph`` (every id of ``docs`` present)."""
    out: dict[str, dict[str, str]] = {k: {} for k in docs}
    for n in graph["nodes"]:
        if n.get("type") == "Event":
            out[n["doc"]][n["event_type"]] = n["status"]
    return out
