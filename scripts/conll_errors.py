"""Classify the entity layer's errors on a CoNLL-2003 split (development aid; use eng.testa only).

    python scripts/conll_errors.py [--split testa] [--show CLASS] [--limit N]

Each predicted PER/LOC/ORG mention and each gold span (MISC included, for diagnosis) is compared:
``ok``, ``type`` (same span, other type), ``misc`` (the span is gold MISC), ``bound`` (overlaps a gold span
with other offsets), ``spurious`` (no gold overlap); misses are ``miss``, ``miss-typed``, ``miss-bound``.
Counts are given per class, per rule and per (gold, predicted) type.  Only name mentions count (as in
``benchmarks/entities.py``): a mention of kind ``demonym`` ("Russian", "Tory") is no name span.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CONLL = ROOT.parent / "shared" / "data" / "conll2003"
TYPES = {"Person": "PER", "Country": "LOC", "Place": "LOC", "Organization": "ORG"}


def read_docs(path: Path) -> list[tuple[str, set[tuple[int, int, str]]]]:
    """(text, gold spans with MISC) per document, text built exactly as score.py builds it."""
    docs: list[list[tuple[str, str] | None]] = []
    cur: list[tuple[str, str] | None] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("-DOCSTART-"):
            if cur:
                docs.append(cur)
            cur = []
        elif not line:
            if cur and cur[-1] is not None:
                cur.append(None)
        else:
            parts = line.split()
            cur.append((parts[0], parts[-1]))
    if cur:
        docs.append(cur)
    out = []
    for d in docs:
        text, spans, tags = "", [], []
        for item in d:
            if item is None:
                if text and not text.endswith("\n"):
                    text = text.rstrip(" ") + "\n"
                continue
            w, tag = item
            spans.append((len(text), len(text) + len(w)))
            tags.append(tag)
            text += w + " "
        gold: set[tuple[int, int, str]] = set()
        start, typ = None, None
        for i, t in enumerate([*tags, "O"]):
            if t == "O" or t.startswith("B-") or (t.startswith("I-") and t[2:] != typ):
                if start is not None and typ is not None:
                    gold.add((spans[start][0], spans[i - 1][1], typ))
                start, typ = (i, t[2:]) if t != "O" else (None, None)
        out.append((text.rstrip(), gold))
    return out


def predict(texts: list[str]) -> list[list[tuple[int, int, str, str, str]]]:
    from graphbuild.extract.entities import extract_entities
    from graphbuild.model import Document
    from graphbuild.nlp import load_pipeline

    nlp = load_pipeline()
    out = []
    for i, sdoc in enumerate(nlp.pipe(texts, batch_size=32)):
        ents = extract_entities(sdoc, Document(id=f"conll03-{i}", text=texts[i]))
        preds = []
        for e in ents:
            typ = TYPES.get(e.type)
            if typ is None:
                continue
            for m in e.mentions:
                if m.kind != "name":  # "Russian", "Tory": CoNLL-2003 annotates names (it tags these MISC)
                    continue
                preds.append((m.start, m.end, typ, m.rule, e.type))
        out.append(preds)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="testa")
    ap.add_argument("--show", action="append", default=[])
    ap.add_argument("--limit", type=int, default=40)
    ap.add_argument("--cache", type=Path, help="pickle of predictions to reuse/write")
    args = ap.parse_args()
    docs = read_docs(CONLL / f"eng.{args.split}")
    texts = [t for t, _ in docs]
    if args.cache and args.cache.exists():
        preds = pickle.loads(args.cache.read_bytes())
    else:
        preds = predict(texts)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(preds))
    cls: Counter[str] = Counter()
    by_rule: dict[str, Counter[str]] = defaultdict(Counter)
    pairs: Counter[tuple[str, str]] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    tp = fp = fn = 0
    for di, ((text, gold), pred) in enumerate(zip(docs, preds, strict=True)):
        gold3 = {g for g in gold if g[2] != "MISC"}
        by_span = {(s, e): t for s, e, t in gold}
        pset = {(s, e, t) for s, e, t, _, _ in pred}
        for s, e, t, rule, etype in pred:
            def ctx(s: int = s, e: int = e, text: str = text) -> str:
                return text[max(0, s - 40):s].replace("\n", " | ") + "[[" + text[s:e] + "]]" + \
                    text[e:e + 40].replace("\n", " | ")
            if (s, e, t) in gold3:
                c = "ok"
                tp += 1
            else:
                fp += 1
                g = by_span.get((s, e))
                if g == "MISC":
                    c = "misc"
                elif g is not None:
                    c = "type"
                    pairs[(g, t)] += 1
                elif any(gs < e and s < ge for gs, ge, _ in gold):
                    c = "bound"
                else:
                    c = "spurious"
                examples[c].append(f"{di} {t}/{etype} {rule}: {ctx()}" + (f"  gold={g}" if g else ""))
            cls[c] += 1
            by_rule[rule][c] += 1
        for s, e, t in gold3 - pset:
            fn += 1
            ctx = text[max(0, s - 40):s].replace("\n", " | ") + "[[" + text[s:e] + "]]" + text[e:e + 40].replace("\n", " | ")
            if any((ps, pe) == (s, e) for ps, pe, _, _, _ in pred):
                c = "miss-typed"
            elif any(ps < e and s < pe for ps, pe, _, _, _ in pred):
                c = "miss-bound"
            else:
                c = "miss"
            cls[c] += 1
            examples[c].append(f"{di} gold {t}: {ctx}")
    p = tp / (tp + fp)
    r = tp / (tp + fn)
    print(f"P={p:.3f} R={r:.3f} F1={2 * p * r / (p + r):.3f} tp={tp} fp={fp} fn={fn}")
    print("classes:", dict(cls.most_common()))
    print("type confusions (gold, pred):", dict(pairs.most_common()))
    for rule, c in sorted(by_rule.items(), key=lambda x: -sum(x[1].values())):
        print(f"  {rule:20} {dict(c.most_common())}")
    for c in args.show:
        print(f"== {c} ({len(examples[c])})")
        for line in examples[c][: args.limit]:
            print("  ", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
