"""Benchmark the entity layer against raw spaCy, in the scorer's own terms.

    python benchmarks/entities.py                 # seed + CoNLL-2003 eng.testa (dev)
    python benchmarks/entities.py --split testb   # the reported test figures (do not tune on them)

For CoNLL-2003 it writes the corpus with ``score.py conll2003-corpus``, runs
spaCy and our layer (extract_entities → resolve → build_graph → graph.json),
and scores both graphs with ``score.py conll2003``.  CoNLL-2003 annotates name
spans, so our graph is scored on its name mentions (``"kind": "name"``); mentions
of kind ``demonym`` ("Russian", "Tory": evidence of a country or party, not its
name; CoNLL tags them MISC) are left out.  A diagnostic line scores every mention.
The seed is scored with ``score.py news``.  Skips cleanly when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graphbuild.exporters.nodelink import write_json  # noqa: E402
from graphbuild.graph import build_graph  # noqa: E402
from graphbuild.model import DocResult, Document, Entity, Mention  # noqa: E402

SHARED = ROOT.parent / "shared"
SCORE = SHARED / "eval" / "score.py"
CONLL = SHARED / "data" / "conll2003"
SEED = SHARED / "seeds" / "kyiv-blinken-lammy.txt"
SEED_GOLD = SHARED / "eval" / "gold" / "seed.jsonl"
RAW_TYPES = {"PERSON": "Person", "GPE": "Place", "LOC": "Place", "ORG": "Organization"}


def score(*args: str) -> str:
    """Run score.py and return its output."""
    out = subprocess.run([sys.executable, str(SCORE), *args], check=True, capture_output=True, text=True)
    return out.stdout


def names_only(graph_path: Path, out: Path) -> None:
    """A copy of graph.json keeping only name mentions (``kind`` "name"), the spans CoNLL-2003 annotates."""
    data = json.loads(graph_path.read_text(encoding="utf-8"))
    for node in data["nodes"]:
        if "mentions" in node:
            node["mentions"] = [m for m in node["mentions"] if m.get("kind", "name") == "name"]
    out.write_text(json.dumps(data), encoding="utf-8")


def run_ours(docs: list[Document], graph_path: Path) -> float:
    """Our layer over ``docs``; writes graph.json; returns seconds spent."""
    from graphbuild.extract.entities import extract_entities
    from graphbuild.nlp import load_pipeline
    from graphbuild.resolve import resolve

    nlp = load_pipeline()
    t0 = time.perf_counter()
    results = []
    for d, sdoc in zip(docs, nlp.pipe([d.text for d in docs], batch_size=32), strict=True):
        results.append(DocResult(d, extract_entities(sdoc, d), (), ()))
    entities, entity_of = resolve(results)
    write_json(build_graph(entities, results, entity_of), graph_path)
    return time.perf_counter() - t0


def run_raw(docs: list[Document], graph_path: Path) -> None:
    """Raw spaCy: each entity span a mention, typed by label alone."""
    from graphbuild.nlp import load_pipeline
    from graphbuild.resolve import entity_id

    nlp = load_pipeline()
    nodes: dict[str, tuple[str, list[tuple[str, Mention]]]] = {}
    for d, sdoc in zip(docs, nlp.pipe([d.text for d in docs], batch_size=32), strict=True):
        for ent in sdoc.ents:
            typ = RAW_TYPES.get(ent.label_)
            if typ is None:
                continue
            m = Mention(ent.start_char, ent.end_char, ent.text, ent.sent.start_char, ent.sent.end_char, "spacy")
            nodes.setdefault(entity_id(typ, ent.text), (typ, []))[1].append((d.id, m))
    entities = [Entity(nid, nid, typ, (), tuple(ms)) for nid, (typ, ms) in sorted(nodes.items())]
    write_json(build_graph(entities, [], {}), graph_path)


def conll(split: str, tmp: Path) -> None:
    """Score raw spaCy and ours (name mentions; every mention as a diagnostic) on one CoNLL-2003 split."""
    data = CONLL / f"eng.{split}"
    corpus = tmp / f"{split}.jsonl"
    score("conll2003-corpus", "--data", str(data), "--out", str(corpus))
    docs = [Document(id=o["id"], text=o["text"]) for o in map(json.loads, corpus.read_text().splitlines())]
    print(f"== CoNLL-2003 eng.{split}: {len(docs)} documents")
    raw = tmp / f"raw-{split}.json"
    run_raw(docs, raw)
    print("-- raw spaCy")
    print(score("conll2003", "--graph", str(raw), "--data", str(data)), end="")
    ours = tmp / f"ours-{split}.json"
    secs = run_ours(docs, ours)
    names = tmp / f"ours-names-{split}.json"
    names_only(ours, names)
    print(f"-- graphbuild entity layer, name mentions ({secs:.1f} s)")
    print(score("conll2003", "--graph", str(names), "--data", str(data)), end="")
    print("-- diagnostic: every mention, demonyms too (CoNLL tags nationality words MISC)")
    print(score("conll2003", "--graph", str(ours), "--data", str(data)).splitlines()[-1])


def seed(tmp: Path) -> None:
    """Score the seed article against its gold."""
    doc = Document(id=SEED.stem, text=SEED.read_text(encoding="utf-8"))
    out = tmp / "seed.json"
    run_ours([doc], out)
    print("== seed (score.py news)")
    print(score("news", "--graph", str(out), "--gold", str(SEED_GOLD)), end="")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=["testa", "testb"], default="testa")
    ap.add_argument("--no-seed", action="store_true")
    ap.add_argument("--keep", type=Path, help="directory to keep the graphs in")
    args = ap.parse_args()
    if not SCORE.exists():
        print(f"skipped: {SCORE} not found")
        return 0
    with tempfile.TemporaryDirectory() as td:
        tmp = args.keep or Path(td)
        tmp.mkdir(parents=True, exist_ok=True)
        if not args.no_seed and SEED.exists():
            seed(tmp)
        if (CONLL / f"eng.{args.split}").exists():
            conll(args.split, tmp)
        else:
            print(f"skipped: {CONLL} not found")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
