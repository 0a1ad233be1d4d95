"""List entity false positives, misses and duplicate nodes of a graph against the dev gold (development aid).

    python scripts/dev_entity_errors.py GRAPH.json [eval/dev_gold.jsonl]
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("score", ROOT.parent / "shared" / "eval" / "score.py")
assert spec and spec.loader
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)


def main() -> int:
    graph = Path(sys.argv[1])
    gold_path = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "eval" / "dev_gold.jsonl"
    nodes, _ = score.load_graph(graph)
    golds = [score.Gold(json.loads(line)) for line in gold_path.read_text().splitlines() if line.strip()]
    same: dict[str, set[str]] = defaultdict(set)
    for g in golds:
        doc_nodes = {nid: n for nid, n in nodes.items() if g.id in score.evidence_docs(n)}
        matched = set()
        for nid, n in doc_nodes.items():
            if n.get("type") not in score.ENTITY_TYPES:
                continue
            gi = g.find(score.node_names(n))
            if gi is None:
                print(f"FP  {g.id}: {n['type']} {n['label']!r} aliases={n.get('aliases')}")
                continue
            ge = g.entities[gi]
            same[ge["name"]].add(f"{nid}@{g.id}")
            if n["type"] in ge.get("types", [ge["type"]]) or ge.get("optional"):
                matched.add(gi)
            else:
                print(f"TYP {g.id}: {n['type']} {n['label']!r} gold {ge['type']} {ge['name']!r}")
        for gi, ge in enumerate(g.entities):
            if gi not in matched and not ge.get("optional"):
                print(f"FN  {g.id}: {ge['type']} {ge['name']!r} aliases={ge.get('aliases')}")
    for name, ids in sorted(same.items()):
        nids = {i.split("@")[0] for i in ids}
        if len(nids) > 1:
            print(f"DUP {name!r}: {sorted(ids)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
