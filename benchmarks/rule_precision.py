"""Per-rule precision of the relation rules on dev data: how often each rule fired, how often it was right.

    python benchmarks/rule_precision.py redocred GRAPH      # a build of Re-DocRED dev (redocred_relations.py corpus)
    python benchmarks/rule_precision.py conll04 GRAPH       # a build of CoNLL04 dev (score.py conll04-corpus)
    (--paths: one row per induced dependency path instead of one ``dep_path`` row)

One row per sub-rule (the ``rule`` of an edge's evidence record), so weak rules are visible:

- Re-DocRED: ``fired`` = evidence records of the rule in the split; ``judged`` = those whose two ends both match
  gold entities; ``TP`` / ``OTHER`` (the pair carries another gold property, e.g. citizenship) / ``FP`` as in
  ``../shared/eval/external/redocred_relations.py``; ``selfloop`` = posts without an organisation. P = TP / judged.
- CoNLL04: ``fired`` = evidence records mapped to a CoNLL04 label; ``TP`` = the (sentence, subject, label, object)
  is gold (strict, the scorer's matching); ``relaxed`` = matches by containment. P = TP / fired.

Reads the scorers in ../shared/eval (standard library only); exits 0 with a note when ../shared is absent.
Develop on dev splits only: the scorers' test splits are for reporting.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXTERNAL = SHARED / "eval" / "external"
CONLL04_DEV = SHARED / "data" / "conll04" / "conll04_dev.json"

Counts = dict[str, dict[str, int]]


def _edge_records(graph: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    data = json.loads(graph.read_text(encoding="utf-8"))
    nodes = {str(n["id"]): n for n in data["nodes"]}
    return nodes, data.get("edges") or data.get("links") or []


def _rule(ev: dict[str, Any], paths: bool) -> str:
    """The evidence record's rule; induced dependency paths as one row unless ``paths``."""
    rule = str(ev.get("rule"))
    return rule if paths or not rule.startswith("dep_path:") else "dep_path"


def redocred(graph: Path, paths: bool = False) -> Counts:
    """Per-rule TP/OTHER/FP on Re-DocRED dev."""
    sys.path.insert(0, str(EXTERNAL))
    import redocred_relations as rr  # type: ignore[import-not-found]
    from common import exact_key, node_surface  # type: ignore[import-not-found]

    docs = {d["id"]: d for d in rr.build("dev")}
    nodes, edges = _edge_records(graph)
    counts: Counts = defaultdict(lambda: defaultdict(int))
    gold_cache: dict[str, tuple[dict[tuple[int, int], set[str]], set[tuple[int, int]], dict[int, set[str]]]] = {}

    def gold(did: str) -> tuple[dict[tuple[int, int], set[str]], set[tuple[int, int]], dict[int, set[str]]]:
        if did not in gold_cache:
            d = docs[did]
            mapped: dict[tuple[int, int], set[str]] = defaultdict(set)
            any_rel: set[tuple[int, int]] = set()
            p39: dict[int, set[str]] = defaultdict(set)
            for lab in d["labels"]:
                h, t = lab["h"], lab["t"]
                any_rel |= {(h, t), (t, h)}
                mr = rr.map_rel(lab["r"], d["ents"][h]["type"], d["ents"][t]["type"])
                if mr is None:
                    continue
                rel, rev = mr
                s, o = (t, h) if rev else (h, t)
                mapped[(s, o)] |= rr.accepted(rel)
                if lab["r"] == "P39":
                    p39[s] |= d["ents"][o]["names"]
            gold_cache[did] = (mapped, any_rel, p39)
        return gold_cache[did]

    def ents_of(nid: str, did: str) -> set[int]:
        surf = {exact_key(x) for x in node_surface(nodes[nid], did)}
        return {k for k, e in enumerate(docs[did]["ents"]) if e["names"] & surf}

    for e in edges:
        rel = e.get("relation")
        if rel not in rr.RELS:
            continue
        src, tgt = str(e["source"]), str(e["target"])
        if nodes.get(src, {}).get("type") == "Event":
            continue
        for ev in e.get("evidence") or []:
            did = ev.get("doc")
            if did not in docs:
                continue
            row = counts[f"{rel} {_rule(ev, paths)}"]
            row["fired"] += 1
            if src == tgt:
                row["selfloop"] += 1
                continue
            subj, obj = ents_of(src, did), ents_of(tgt, did)
            if not subj or not obj:
                continue
            row["judged"] += 1
            mapped, any_rel, p39 = gold(did)
            title = exact_key(e.get("title") or "")
            ok = any(rel in mapped.get((a, b), ()) for a in subj for b in obj)
            if not ok and rel == "holds_position" and title:
                ok = any(title in p39.get(a, set()) for a in subj)
            if ok:
                row["TP"] += 1
            elif any((a, b) in any_rel for a in subj for b in obj):
                row["OTHER"] += 1
            else:
                row["FP"] += 1
    return counts


def conll04(graph: Path, paths: bool = False, data: Path = CONLL04_DEV) -> Counts:
    """Per-rule strict and relaxed hits on CoNLL04 dev (or the train split given as ``data``)."""
    sys.path.insert(0, str(SHARED / "eval"))
    import score  # type: ignore[import-not-found]

    sents = json.loads(data.read_text(encoding="utf-8"))
    gold: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for i, s in enumerate(sents):
        ents = [" ".join(s["tokens"][e["start"]:e["end"]]) for e in s["entities"]]
        for r in s["relations"]:
            gold[f"conll04-{i}"].add((score.norm(ents[r["head"]]), r["type"], score.norm(ents[r["tail"]])))
    nodes, edges = _edge_records(graph)
    counts: Counts = defaultdict(lambda: defaultdict(int))
    for e in edges:
        rel = e.get("relation")
        label = score.CONLL_MAP.get((rel, None)) or score.CONLL_MAP.get((rel, nodes.get(str(e["target"]), {}).get("type")))
        if label is None:
            continue
        for ev in e.get("evidence") or []:
            st, ot, did = ev.get("subject_text"), ev.get("object_text"), ev.get("doc")
            if did is None or not st or not ot:
                continue
            row = counts[f"{rel} {_rule(ev, paths)}"]
            row["fired"] += 1
            p = (score.norm(st), label, score.norm(ot))
            row["TP"] += p in gold[did]
            row["relaxed"] += any(q[1] == label and (p[0] in q[0] or q[0] in p[0]) and (p[2] in q[2] or q[2] in p[2])
                                  for q in gold[did])
    return counts


def report(counts: Counts, cols: tuple[str, ...], denom: str) -> str:
    lines = [f"{'relation rule':46} " + " ".join(f"{c:>8}" for c in cols) + f" {'P':>6}"]
    total: dict[str, int] = defaultdict(int)
    for name in sorted(counts, key=lambda k: (-counts[k]["fired"], k)):
        row = counts[name]
        for c in cols:
            total[c] += row[c]
        p = row["TP"] / row[denom] if row[denom] else float("nan")
        lines.append(f"{name:46} " + " ".join(f"{row[c]:>8}" for c in cols) + f" {p:>6.3f}")
    p = total["TP"] / total[denom] if total[denom] else float("nan")
    lines.append(f"{'ALL':46} " + " ".join(f"{total[c]:>8}" for c in cols) + f" {p:>6.3f}")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dataset", choices=("redocred", "conll04"))
    ap.add_argument("graph", type=Path)
    ap.add_argument("--paths", action="store_true", help="one row per induced dependency path")
    ap.add_argument("--conll04-data", type=Path, default=CONLL04_DEV, help="CoNLL04 split the graph was built from")
    args = ap.parse_args()
    if not EXTERNAL.is_dir():
        print(f"{EXTERNAL} is not available: nothing to score")
        return
    if not args.graph.is_file():
        raise SystemExit(f"{args.graph}: no such graph file")
    if args.dataset == "redocred":
        print(report(redocred(args.graph, args.paths), ("fired", "selfloop", "judged", "TP", "OTHER", "FP"), "judged"))
    else:
        print(report(conll04(args.graph, args.paths, args.conll04_data), ("fired", "TP", "relaxed"), "fired"))


if __name__ == "__main__":
    main()
