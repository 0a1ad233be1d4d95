"""Relation extraction benchmark: CoNLL04 (one split) and the seed gold, through ../shared/eval/score.py.

    python benchmarks/relations.py [train|dev|test]      (default: dev)

Writes the CoNLL04 corpus as JSONL into a temporary directory, builds it with
``graphbuild build --format json --no-html --no-cache``, scores the graph, and
prints per-label and overall strict/relaxed P/R/F1 plus the seed relation
figures; the numbers also go to ``benchmarks/results/relations.json``.
Skips (exit 0) when ../shared is absent.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORE = SHARED / "eval" / "score.py"
CONLL = SHARED / "data" / "conll04"
SEEDS = ROOT / "seeds"
SEED_GOLD = SHARED / "eval" / "gold" / "seed.jsonl"
RESULTS = ROOT / "benchmarks" / "results" / "relations.json"

_LABEL = re.compile(r"^(\w+)\s+P=([\d.]+) R=([\d.]+) F1=([\d.]+) \(tp=(\d+) fp=(\d+) fn=(\d+)\)")
_OVERALL = re.compile(r"^(strict|relaxed)\s+P=([\d.]+) R=([\d.]+) F1=([\d.]+)")
_NEWS = re.compile(r"^relations\s+P=([\d.]+) R=([\d.]+) F1=([\d.]+)\s+\(tp=(\d+) fp=(\d+) fn=(\d+)\)")


def _run(*args: str | Path) -> str:
    proc = subprocess.run([str(a) for a in args], cwd=ROOT, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"command failed ({proc.returncode}): {' '.join(map(str, args))}\n{proc.stderr}")
    return proc.stdout


def _build(inputs: Path, out: Path) -> float:
    start = time.perf_counter()
    _run(sys.executable, "-m", "graphbuild", "build", inputs, "-o", out,
         "--format", "json", "--no-html", "--no-cache", "-q")
    return time.perf_counter() - start


def conll04(split: str, tmp: Path) -> dict[str, object]:
    """Build and score one CoNLL04 split."""
    data = CONLL / f"conll04_{split}.json"
    corpus = tmp / f"conll04_{split}.jsonl"
    _run(sys.executable, SCORE, "conll04-corpus", "--data", data, "--out", corpus)
    seconds = _build(corpus, tmp / f"out_{split}")
    text = _run(sys.executable, SCORE, "conll04", "--graph", tmp / f"out_{split}" / "graph.json", "--data", data)
    labels: dict[str, dict[str, float]] = {}
    overall: dict[str, dict[str, float]] = {}
    for line in text.splitlines():
        if m := _LABEL.match(line):
            labels[m[1]] = {"p": float(m[2]), "r": float(m[3]), "f1": float(m[4]),
                            "tp": int(m[5]), "fp": int(m[6]), "fn": int(m[7])}
        elif m := _OVERALL.match(line):
            overall[m[1]] = {"p": float(m[2]), "r": float(m[3]), "f1": float(m[4])}
    return {"split": split, "build_seconds": round(seconds, 2), "labels_strict": labels, **overall}


def seed(tmp: Path) -> dict[str, float]:
    """Build seeds/ and score its relations against the seed gold."""
    _build(SEEDS, tmp / "out_seed")
    text = _run(sys.executable, SCORE, "news", "--graph", tmp / "out_seed" / "graph.json", "--gold", SEED_GOLD)
    for line in text.splitlines():
        if m := _NEWS.match(line):
            return {"p": float(m[1]), "r": float(m[2]), "f1": float(m[3]),
                    "tp": int(m[4]), "fp": int(m[5]), "fn": int(m[6])}
    raise SystemExit("no relation line in the news scorer's output")


def main(argv: list[str]) -> int:
    split = argv[0] if argv else "dev"
    if split not in ("train", "dev", "test"):
        print(f"unknown split {split!r}: use train, dev or test", file=sys.stderr)
        return 2
    if not (SCORE.exists() and CONLL.exists()):
        print(f"skipped: {SHARED} is not available")
        return 0
    with tempfile.TemporaryDirectory(prefix="graphbuild-relations-") as d:
        tmp = Path(d)
        result = conll04(split, tmp)
        result["seed"] = seed(tmp) if SEED_GOLD.exists() else None
    print(f"CoNLL04 {split} (built in {result['build_seconds']} s), per label (strict):")
    labels = result["labels_strict"]
    assert isinstance(labels, dict)
    for lab, v in sorted(labels.items()):
        print(f"  {lab:12} P={v['p']:.3f} R={v['r']:.3f} F1={v['f1']:.3f}  (tp={v['tp']} fp={v['fp']} fn={v['fn']})")
    for kind in ("strict", "relaxed"):
        v = result.get(kind)
        if isinstance(v, dict):
            print(f"  {kind:12} P={v['p']:.3f} R={v['r']:.3f} F1={v['f1']:.3f}")
    s = result["seed"]
    if isinstance(s, dict):
        print(f"seed relations P={s['p']:.3f} R={s['r']:.3f} F1={s['f1']:.3f}"
              f"  (tp={s['tp']} fp={s['fp']} fn={s['fn']})")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
