"""Event nodes per article and the Statement share on one BBC News category (issue 15).

    python benchmarks/event_share.py [--category politics] [--limit N] [--examples K]

Parses every article of the category with graphbuild's spaCy pipeline, runs the extraction
(:func:`graphbuild.extract.extract_doc`, the same per-document step ``graphbuild build`` runs) and prints

- the number of articles, event nodes and event nodes per article;
- the Statement share (Statement events over all events) and the count per event type and status;
- the speakers: (article, speaker) pairs, and how many of them have more than one Statement node;
- with ``--examples K``, K randomly drawn events (seeded) with their evidence sentence, for a hand check.

The issue's target on the 417 politics articles: Statements at most a quarter of all events.
Skips cleanly when ../shared/data is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graphbuild.model import Document  # noqa: E402

BBC = ROOT.parent / "shared" / "data" / "bbc_news" / "bbc_news_2225.jsonl.gz"


def load_docs(category: str, limit: int | None) -> list[Document]:
    """The BBC News documents of one category (title and text, as the project reads them)."""
    with gzip.open(BBC, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    return [Document(id=r["id"], text=r["text"], title=r.get("title")) for r in rows if r["category"] == category][:limit]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--category", default="politics")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--examples", type=int, default=0, help="print this many random events for a hand check")
    ap.add_argument("--seed", type=int, default=15)
    args = ap.parse_args()
    if not BBC.exists():
        print(f"skipped: {BBC} not found")
        return 0
    from graphbuild.extract import extract_doc
    from graphbuild.nlp import load_pipeline

    docs = load_docs(args.category, args.limit)
    nlp = load_pipeline()
    t0 = time.perf_counter()
    types: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    drawn: list[tuple[str, str, str, str, str]] = []
    speakers: Counter[tuple[str, str]] = Counter()  # (article, speaker entity) -> Statements
    for d, sd in zip(docs, nlp.pipe([d.text for d in docs], batch_size=32), strict=True):
        for ev in extract_doc(sd, d).events:
            types[ev.event_type] += 1
            if ev.event_type == "Statement":
                speakers.update((d.id, a.entity) for a in ev.arguments if a.role == "agent")
            statuses[ev.status] += 1
            sent = ev.evidence[0].sentence_start if ev.evidence else ev.start
            end = ev.evidence[0].sentence_end if ev.evidence else ev.end
            drawn.append((d.id, ev.event_type, ev.status, ev.label or ev.trigger, d.text[sent:end]))
    total = sum(types.values())
    share = types["Statement"] / total if total else 0.0
    print(f"{args.category}: {len(docs)} articles, {total} event nodes, "
          f"{total / max(1, len(docs)):.2f} per article ({time.perf_counter() - t0:.0f} s)")
    print("by type:   " + ", ".join(f"{t} {n}" for t, n in types.most_common()))
    print("by status: " + ", ".join(f"{s} {n}" for s, n in statuses.most_common()))
    split = sum(1 for n in speakers.values() if n > 1)
    print(f"speakers: {len(speakers)} (article, speaker) pairs, {split} with more than one Statement "
          f"({sum(n - 1 for n in speakers.values() if n > 1)} extra nodes)")
    if args.examples:
        rng = random.Random(args.seed)
        for doc_id, etype, status, label, sent in rng.sample(drawn, min(args.examples, len(drawn))):
            print(f"- {doc_id} | {etype} ({status}) | {label} | {' '.join(sent.split())[:200]}")
    print(f"SUMMARY {args.category}: articles={len(docs)} events={total} per_article={total / max(1, len(docs)):.2f} "
          f"statements={types['Statement']} statement_share={share:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
