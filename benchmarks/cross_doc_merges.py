"""Cross-document event merges of a build, printed for a hand check (issue 15).

    python benchmarks/cross_doc_merges.py --build DIR            # an existing build's graph.json
    python benchmarks/cross_doc_merges.py --conll testa [--out DIR]  # build CoNLL-2003 eng.testa first

``--conll testa`` (or ``testb``, the test split: report only) builds the Reuters articles of
../shared/data/conll2003, each dated by the ``YYYY-MM-DD`` of its dateline, so that relative times ("on
Friday") anchor to days and events of the same day can merge.  Prints the event nodes, the merged nodes
and the events they joined, how many events carry a full day, and each merged node with its merge records
and evidence sentences.  Skips cleanly when ../shared/data is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONLL = ROOT.parent / "shared" / "data" / "conll2003"
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def conll_corpus(split: str, path: Path) -> Path:
    """The articles of ``eng.<split>`` as JSONL (id, text, date from the dateline when there is one)."""
    sys.path.insert(0, str(ROOT.parent / "shared" / "eval"))
    from score import conll03_docs  # the scorer's own reading of the file

    with path.open("w", encoding="utf-8") as fh:
        for i, (text, _) in enumerate(conll03_docs(CONLL / f"eng.{split}")):
            rec = {"id": f"{split}-{i:03d}", "text": text}
            m = re.search(r"\b(19\d\d-\d\d-\d\d)\b", text[:300])
            if m:
                rec["date"] = m.group(1)
            fh.write(json.dumps(rec) + "\n")
    return path


def report(graph_json: Path) -> None:
    g = json.loads(graph_json.read_text(encoding="utf-8"))
    events = [n for n in g["nodes"] if n.get("type") == "Event"]
    merged = [n for n in events if n.get("docs")]
    joined = sum(1 + len(n.get("merges") or []) for n in merged)
    days = Counter("day" if n.get("time") and _DAY.fullmatch(n["time"]) else "partial" if n.get("time") else "none"
                   for n in events)
    print(f"event nodes {len(events)}; per-document events {len(events) - len(merged) + joined}; "
          f"merged nodes {len(merged)} joining {joined} events; times {dict(days)}")
    for n in merged:
        print(f"\n{n['id']} {n['event_type']} ({n.get('status', 'reported')}) {n.get('time')} {n['docs']}: {n['label']}")
        for m in n.get("merges") or []:
            print(f"  merge {m['doc']} {m['trigger']!r} [{m['rule']}] {m['key']}: {m['evidence']}")
        for e in n.get("evidence") or []:
            print(f"    {e['doc']}: {' '.join(e['sentence'].split())[:220]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--build", type=Path, help="a build directory (its graph.json)")
    group.add_argument("--conll", choices=("testa", "testb"), help="build CoNLL-2003 eng.testa or eng.testb first")
    ap.add_argument("--out", type=Path, help="where to build (default: a temporary directory)")
    args = ap.parse_args()
    if args.build is not None:
        report(args.build / "graph.json")
        return 0
    if not (CONLL / f"eng.{args.conll}").is_file():
        print(f"skipped: {CONLL / ('eng.' + args.conll)} is absent")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp) / "out"
        corpus = conll_corpus(args.conll, Path(tmp) / f"{args.conll}.jsonl")
        subprocess.run([sys.executable, "-m", "graphbuild", "build", str(corpus), "-o", str(out), "--no-html",
                        "--no-cache", "-q"], check=True)
        report(out / "graph.json")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
