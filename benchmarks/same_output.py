"""Check that a change is a pure speed change: the same graph.json, byte for byte, before and after.

Builds three corpora with the current code (one process, no cache) and writes their graph.json files
under ``DIR``: the seed article (``seeds/``), the dev gold articles (``eval/dev_corpus.py``, as
``make devscore`` builds them) and the first N BBC News articles.  Run it once on the code before the
change and once after, then compare the two directories:

    python benchmarks/same_output.py build /tmp/before          # on the old code
    python benchmarks/same_output.py build /tmp/after           # on the new code
    python benchmarks/same_output.py compare /tmp/before /tmp/after

``compare`` exits 1 and names the first differing line of each graph.json that differs.  Corpora whose
data is absent (``../shared/data``) are skipped with a message.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
BBC = SHARED / "data" / "bbc_news" / "bbc_news_2225.jsonl.gz"


def _graphbuild(corpus: Path, out: Path) -> None:
    cmd = [sys.executable, "-m", "graphbuild", "build", str(corpus), "-o", str(out), "--no-html",
           "--processes", "1", "--no-cache", "-q", "--format", "json"]
    subprocess.run(cmd, cwd=ROOT, check=True)


def build(dest: Path, bbc: int, shared: Path) -> None:
    """graph.json of the seed, the dev gold corpus and ``bbc`` BBC articles under ``dest``/NAME/."""
    dest.mkdir(parents=True, exist_ok=True)
    _graphbuild(ROOT / "seeds", dest / "seed")
    print("seed built", flush=True)
    with tempfile.TemporaryDirectory(prefix="gb-same-") as tmp:
        dev = Path(tmp) / "dev.jsonl"
        made = subprocess.run([sys.executable, "eval/dev_corpus.py", "--shared", str(shared), "--out", str(dev)],
                              cwd=ROOT, capture_output=True, text=True)
        if made.returncode == 0:
            _graphbuild(dev, dest / "dev")
            print("dev gold built", flush=True)
        else:
            print(f"dev gold skipped: {made.stderr.strip()[-200:]}")
        data = shared / "data" / "bbc_news" / "bbc_news_2225.jsonl.gz"
        if bbc and data.is_file():
            corpus = Path(tmp) / "bbc.jsonl"
            with gzip.open(data, "rt", encoding="utf-8") as fh, corpus.open("w", encoding="utf-8") as out:
                for n, line in enumerate(fh):
                    if n >= bbc:
                        break
                    obj = json.loads(line)
                    out.write(json.dumps({k: obj[k] for k in ("id", "title", "text")}, ensure_ascii=False) + "\n")
            _graphbuild(corpus, dest / "bbc")
            print(f"{bbc} BBC articles built", flush=True)
        elif bbc:
            print(f"BBC skipped: {data} is absent")


def compare(a: Path, b: Path) -> int:
    """0 when every graph.json under ``a`` equals the one under ``b``, byte for byte; else 1."""
    status = 0
    names = sorted({p.parent.name for p in a.glob("*/graph.json")} | {p.parent.name for p in b.glob("*/graph.json")})
    for name in names:
        fa, fb = a / name / "graph.json", b / name / "graph.json"
        if not fa.is_file() or not fb.is_file():
            print(f"{name}: only in {'one'} directory ({fa if fa.is_file() else fb})")
            status = 1
            continue
        da, db = fa.read_bytes(), fb.read_bytes()
        if da == db:
            print(f"{name}: identical ({len(da):,} bytes)")
            continue
        status = 1
        la, lb = da.decode().splitlines(), db.decode().splitlines()
        line = next((i for i, (x, y) in enumerate(zip(la, lb, strict=False)) if x != y), min(len(la), len(lb)))
        print(f"{name}: DIFFERENT at line {line + 1}:\n  - {la[line][:300] if line < len(la) else '<end>'}\n"
              f"  + {lb[line][:300] if line < len(lb) else '<end>'}")
    if not names:
        print("no graph.json found")
        return 1
    return status


def main() -> int:
    """Command line (see the module docstring)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="build the corpora into DIR")
    b.add_argument("dir", type=Path)
    b.add_argument("--bbc", type=int, default=150, help="BBC articles (default 150; 0: none)")
    b.add_argument("--shared", type=Path, default=SHARED)
    c = sub.add_parser("compare", help="compare two directories written by build")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = ap.parse_args()
    if args.cmd == "build":
        build(args.dir, args.bbc, args.shared)
        return 0
    return compare(args.a, args.b)


if __name__ == "__main__":
    raise SystemExit(main())
