"""Induce the dependency-path pattern table from the CoNLL04 train split.

    python scripts/induce_relation_paths.py [--train ../shared/data/conll04/conll04_train.json]
        [--out graphbuild/data/relation_paths.tsv] [--min-support 2] [--min-precision 0.6]

Each sentence is parsed and its entities found by graphbuild's own pipeline
(so the patterns see the mentions, types and parses the extractor will see).
Every ordered pair of our mentions in one sentence gets the gold relation of
the gold entities they overlap, mapped to graphbuild's relation names
(Kill→killed, Live_In→lives_in, Work_For→affiliated_with,
OrgBased_In→based_in, Located_In→located_in), or ``none`` when there is no
such relation or our types cannot carry it (Work_For to a mention we typed
Place).  Its paths and surface key (see :mod:`graphbuild.extract.dep_paths`) are counted at
six levels; a row is kept when its best relation has at least
``--min-support`` pairs and a share of at least ``--min-precision`` of all
pairs with that key.  A ``none`` row is kept for a more specific key that
would otherwise be overridden by a less specific row predicting a relation
its own pairs did not have.  Only train is read; thresholds are chosen on
dev with ``benchmarks/relations.py dev``.  Exits 0 without writing when the
data is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graphbuild.extract import dep_paths  # noqa: E402
from graphbuild.extract.common import EntityIndex  # noqa: E402
from graphbuild.extract.entities import extract_entities  # noqa: E402
from graphbuild.model import Document  # noqa: E402
from graphbuild.nlp import load_pipeline  # noqa: E402

DEFAULT_TRAIN = ROOT.parent / "shared" / "data" / "conll04" / "conll04_train.json"
DEFAULT_OUT = ROOT / "graphbuild" / "data" / dep_paths.TABLE
LABELS = {"Kill": "killed", "Live_In": "lives_in", "Work_For": "affiliated_with",
          "OrgBased_In": "based_in", "Located_In": "located_in"}

Key = tuple[str, str, str, str]


def _char_spans(tokens: list[str]) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for t in tokens:
        spans.append((pos, pos + len(t)))
        pos += len(t) + 1
    return spans


Counts = dict[Key, Counter[str]]


def count(train: list[Path]) -> tuple[Counts, Counts, dict[Key, set[Key]], dict[str, int]]:
    """Label counts per lookup key over all mention pairs (typed levels: labels our types can carry; ``*_any``
    levels: labels the looser guards allow), the loose labels of every key, the less specific keys seen with
    each, coverage."""
    sents = [s for path in train for s in json.loads(path.read_text(encoding="utf-8"))]
    nlp = load_pipeline()
    counts: Counts = defaultdict(Counter)
    achieved: Counts = defaultdict(Counter)
    backoff: dict[Key, set[Key]] = defaultdict(set)
    stats: Counter[str] = Counter()
    texts = [" ".join(s["tokens"]) for s in sents]
    for n, (s, doc) in enumerate(zip(sents, nlp.pipe(texts, batch_size=64), strict=True)):
        document = Document(id=f"train-{n}", text=doc.text)
        index = EntityIndex(doc, extract_entities(doc, document))
        spans = _char_spans(s["tokens"])
        gold_spans = [(spans[e["start"]][0], spans[e["end"] - 1][1]) for e in s["entities"]]
        gold_rel = {(r["head"], r["tail"]): LABELS[r["type"]] for r in s["relations"]}
        stats["gold"] += len(gold_rel)

        def align(start: int, end: int, gold_spans: list[tuple[int, int]] = gold_spans) -> int | None:
            best, found = 0, None
            for g, (gs, ge) in enumerate(gold_spans):
                overlap = min(end, ge) - max(start, gs)
                if overlap > best:
                    best, found = overlap, g
            return found

        mentions = [(st, en, h, align(h.mention.start, h.mention.end)) for st, en, h in index.spans]
        reached: set[tuple[int, int]] = set()
        for s1, e1, h1, g1 in mentions:
            for s2, e2, h2, g2 in mentions:
                if h1.entity.key == h2.entity.key or s1 == s2 or doc[s1].sent.start != doc[s2].sent.start:
                    continue
                gold = gold_rel.get((g1, g2), "none") if g1 is not None and g2 is not None else "none"
                st, ot = h1.entity.type, h2.entity.type
                label, loose = gold, gold
                if gold != "none" and not dep_paths.allowed(gold, st, ot):
                    stats["type_blocked"] += 1
                    label = "none"
                if gold != "none" and not dep_paths.achievable(gold, st, ot):
                    stats["any_blocked"] += 1
                    loose = "none"
                found = dep_paths.keys(doc, (s1, e1), (s2, e2), st, ot)
                if not found:
                    if gold != "none":
                        stats["no_path"] += 1
                    continue
                if loose != "none" and g1 is not None and g2 is not None:
                    reached.add((g1, g2))
                for n, key in enumerate(found):
                    counts[key][loose if key[0].endswith("_any") else label] += 1
                    achieved[key][loose] += 1
                    backoff[key].update(found[n + 1:])
        stats["reachable"] += len(reached)
    return counts, achieved, backoff, dict(stats)


def select(counts: Counts, achieved: Counts, backoff: dict[Key, set[Key]], min_support: int,
           min_precision: float, lex_support: int | None = None,
           any_precision: float | None = None) -> list[tuple[Key, str, int, float]]:
    """Rows to keep: confident keys, plus ``none`` rows for keys whose backoff would otherwise fire wrongly.

    ``lex_support`` (default ``min_support``) is the support a fully lexical, fine-typed path needs when
    its precision is 1.0 on train; ``any_precision`` (default ``min_precision``) the precision a ``*_any``
    row needs.  A backoff row is wrong for a key when the key's pairs had its relation (by the loose labels,
    so a pair only the ``*_any`` level can carry does not block it) in less than ``min_precision`` of cases.
    """
    rows: list[tuple[Key, str, int, float]] = []
    for key, c in counts.items():
        total = sum(c.values())
        rel, n = max(((r, k) for r, k in c.items() if r != "none"), key=lambda x: (x[1], x[0]), default=("none", 0))
        need = min_support
        if key[0] == "lex" and lex_support is not None and n == total:
            need = min(need, lex_support)
        floor = any_precision if key[0].endswith("_any") and any_precision is not None else min_precision
        if rel != "none" and n >= need and n / total >= floor:
            rows.append((key, rel, n, n / total))
    firing = {r[0]: r[1] for r in rows}
    for key, c in counts.items():
        if key in firing:
            continue
        total = sum(c.values())
        wrong = [k for k in backoff[key] if k in firing and achieved[key][firing[k]] / total < min_precision]
        if wrong and total >= min_support and c["none"] / total >= min_precision:
            rows.append((key, "none", c["none"], c["none"] / total))
    levels = dep_paths.LEVELS
    rows.sort(key=lambda r: (levels.index(r[0][0]), r[0][1], r[0][2], r[1], -r[2], r[0][3]))
    return rows


def write(rows: list[tuple[Key, str, int, float]], out: Path, train: list[Path], min_support: int,
          min_precision: float, lex_support: int | None, any_precision: float | None) -> None:
    """The table as TSV, with a comment header saying how it was made."""
    names = " + ".join(p.name for p in train)
    lines = [
        f"# dependency-path relation patterns induced by scripts/induce_relation_paths.py from {names}",
        f"# min_support={min_support} min_precision={min_precision} lex_support={lex_support or min_support}"
        f" any_precision={any_precision or min_precision};"
        " precision and support are on that split",
        "\t".join(dep_paths.COLUMNS),
    ]
    for n, ((level, st, ot, path), rel, k, p) in enumerate(rows, 1):
        lines.append("\t".join((f"p{n:04d}", level, st, ot, path, rel, str(k), f"{p:.3f}")))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", type=Path, nargs="+", default=[DEFAULT_TRAIN],
                    help="one or more CoNLL04 JSON splits (never test)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--min-support", type=int, default=2)
    ap.add_argument("--min-precision", type=float, default=0.6)
    ap.add_argument("--lex-support", type=int, default=None,
                    help="support enough for a lexical path that was never wrong on train (default: --min-support)")
    ap.add_argument("--any-precision", type=float, default=None,
                    help="precision a type-agnostic (*_any) row needs (default: --min-precision)")
    args = ap.parse_args(argv)
    if not all(p.exists() for p in args.train):
        print(f"skipped: {' '.join(map(str, args.train))} is not available")
        return 0
    if any("test" in p.name for p in args.train):
        print("refused: patterns are never induced from the test split", file=sys.stderr)
        return 2
    counts, achieved, backoff, stats = count(args.train)
    rows = select(counts, achieved, backoff, args.min_support, args.min_precision, args.lex_support,
                  args.any_precision)
    write(rows, args.out, args.train, args.min_support, args.min_precision, args.lex_support,
          args.any_precision)
    per = Counter((r[0][0], r[1]) for r in rows)
    print(f"{len(rows)} rows to {args.out}; coverage {stats}")
    print("  " + ", ".join(f"{lv}/{rel}={n}" for (lv, rel), n in sorted(per.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
