"""People in the BBC politics articles: bare-surname nodes and duplicate nodes.

    python benchmarks/bbc_people.py [--category politics] [--limit N]

Runs spaCy, extract_entities and resolve over one BBC News category and reports

1. every Person entity of a document labelled with a bare surname while a
   full-name Person with that surname occurs in the same document (should be
   none; surnames that fit several full names are listed apart: they are left
   unresolved on purpose);
2. the ten most-mentioned people and how many Person nodes stand for each:
   nodes with the same full name or first-name-compatible variant, plus bare
   surname nodes (should be exactly one).  Other people sharing the surname are
   listed but not counted.

Skips cleanly when ../shared/data is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graphbuild.model import DocResult, Document, Entity  # noqa: E402

BBC = ROOT.parent / "shared" / "data" / "bbc_news" / "bbc_news_2225.jsonl.gz"


def _first_last(label: str) -> tuple[str, str]:
    toks = label.split()
    return toks[0].lower().rstrip("."), toks[-1].lower()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--category", default="politics")
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    if not BBC.exists():
        print(f"skipped: {BBC} not found")
        return 0
    from graphbuild.extract.entities import extract_entities
    from graphbuild.nlp import load_pipeline
    from graphbuild.resolve import resolve

    docs = load_docs(args.category, args.limit)
    nlp = load_pipeline()
    t0 = time.perf_counter()
    results = [
        DocResult(d, extract_entities(sd, d), (), ())
        for d, sd in zip(docs, nlp.pipe([d.text for d in docs], batch_size=32), strict=True)
    ]
    entities, _ = resolve(results)
    secs = time.perf_counter() - t0
    print(f"{len(docs)} {args.category} documents, {len(entities)} entities, {secs:.1f} s")
    report(results, entities)
    return 0


def load_docs(category: str = "politics", limit: int | None = None) -> list[Document]:
    """The BBC News documents of one category."""
    with gzip.open(BBC, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    return [Document(id=r["id"], text=r["text"], title=r.get("title")) for r in rows if r["category"] == category][:limit]


def _titled_other(node: Entity, texts: dict[str, str]) -> bool:
    """A bare-surname node always written "Lord X"/"Lady X"/"Mrs X": someone else than a full name never so titled."""
    before = [texts.get(d, "")[max(0, m.start - 9) : m.start].split()[-1:] for d, m in node.mentions]
    return all(b and b[0].rstrip(".") in {"Lord", "Lady", "Baroness", "Dame", "Mrs", "Ms", "Miss"} for b in before)


def report(results: list[DocResult], entities: list[Entity]) -> tuple[int, int, list[tuple[str, int]]]:
    """Print the report; return (top-10 people with one node, bare-surname nodes, [(label, nodes)]).

    A bare-surname node counts as a duplicate of a top person unless every mention of it is
    titled "Lord"/"Lady"/"Mrs"... (another person: "Lord Campbell" is not Alastair Campbell).
    """
    texts = {r.doc.id: r.doc.text for r in results}
    bare, ambiguous = [], []
    for r in results:
        people = [e for e in r.entities if e.type == "Person"]
        full = [e for e in people if len(e.label.split()) > 1]
        for e in people:
            if len(e.label.split()) != 1:
                continue
            fits = [f for f in full if f.label.split()[-1].lower() == e.label.lower()]
            if len(fits) == 1:
                bare.append((r.doc.id, e.label, fits[0].label))
            elif len(fits) > 1:
                ambiguous.append((r.doc.id, e.label, [f.label for f in fits]))
    print(f"\nbare-surname Person entities beside a unique full name in the same document: {len(bare)}")
    for item in bare[:20]:
        print("   ", *item)
    print(f"bare surnames left unresolved because several full names fit: {len(ambiguous)}")
    for item in ambiguous[:10]:
        print("   ", *item)

    people = [e for e in entities if e.type == "Person"]
    by_surname: dict[str, list[str]] = defaultdict(list)
    for e in people:
        by_surname[e.label.split()[-1].lower()].append(e.label)
    top = sorted((e for e in people if len(e.label.split()) > 1), key=lambda e: (-len(e.mentions), e.id))[:10]
    print("\nten most-mentioned people: nodes standing for each (should be 1)")
    ok = 0
    counts: list[tuple[str, int]] = []
    for e in top:
        first, last = _first_last(e.label)
        same = [
            p
            for p in people
            if p.label.split()[-1].lower() == last
            and (
                (len(p.label.split()) == 1 and not _titled_other(p, texts))
                or _first_last(p.label)[0] == first
                or (len(_first_last(p.label)[0]) == 1 and first.startswith(_first_last(p.label)[0]))
            )
        ]
        others = sorted({lab for lab in by_surname[last]} - {p.label for p in same})
        ok += len(same) == 1
        counts.append((e.label, len(same)))
        docs_n = len({d for d, _ in e.mentions})
        print(
            f"  {len(same)} node(s)  {e.label:28} {e.id:32} mentions={len(e.mentions):4} docs={docs_n:3}"
            f"  same-person nodes={[p.label for p in same]}  other {last.title()}s={others[:4]}"
        )
    print(f"bbc_people top10_single_node={ok}/10 bare_surname_nodes={len(bare)} unresolved_ambiguous={len(ambiguous)}")
    return ok, len(bare), counts


if __name__ == "__main__":
    raise SystemExit(main())
