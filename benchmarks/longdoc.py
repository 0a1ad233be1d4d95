"""Long documents: seconds and peak memory per 100 KB of one article of 0.1 to 5 MB, against normal articles.

The text is BBC News articles (``../shared/data/bbc_news``) joined with blank
lines into one document of each size; the baseline is the same number of
characters as separate normal articles.  Each measurement runs in a fresh
subprocess (parse and extraction in one process, model loaded first and not
timed); seconds are wall-clock and CPU time (the CPU time is the fair
comparison on a shared machine); peak RSS is that process's ``ru_maxrss``,
and "added" the part above the loaded model.  Prints one line per size, then
a pass/fail line: at every size the one document's CPU seconds per 100 KB and
peak RSS within ``--limit`` (1.5) times the separate articles'.  Writes
``benchmarks/results/longdoc.json`` (``--out``).  Exits 0 with a message when the data is absent.

    python benchmarks/longdoc.py --sizes 0.1 0.35 1 5
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "bbc_news" / "bbc_news_2225.jsonl.gz"
RESULTS = ROOT / "benchmarks" / "results" / "longdoc.json"

_CHILD = r"""
import json, resource, sys, time
from graphbuild.model import Document
from graphbuild.nlp import load_pipeline
from graphbuild.pipeline import extract_batch
from graphbuild.gazetteer import gazetteer
mode, path = sys.argv[1], sys.argv[2]
texts = json.load(open(path))
load_pipeline(); gazetteer()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
if mode == "long":
    docs = [Document(id="long", text="\n\n".join(texts), source="long")]
else:
    docs = [Document(id=f"a{i}", text=t, source=f"a{i}") for i, t in enumerate(texts)]
t, c = time.perf_counter(), time.process_time()
results = extract_batch(docs)
seconds, cpu = time.perf_counter() - t, time.process_time() - c
errors = [r for r in results if isinstance(r, str)]
entities = sum(len(r.entities) for r in results if not isinstance(r, str))
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "peak_mb": peak / 1024, "added_mb": (peak - base) / 1024,
                  "errors": errors, "entities": entities}))
"""


def _texts(chars: int, articles: list[str]) -> list[str]:
    out, total, i = [], 0, 0
    while total < chars:
        text = articles[i % len(articles)]
        out.append(text)
        total += len(text) + 2
        i += 1
    return out


def _measure(mode: str, texts: list[str], tmp: Path) -> dict[str, object]:
    path = tmp / "texts.json"
    path.write_text(json.dumps(texts), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", _CHILD, mode, str(path)], capture_output=True, text=True,
                          cwd=ROOT, check=False)
    if proc.returncode != 0:
        return {"failed": proc.stderr.strip().splitlines()[-1:] or ["?"]}
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.1, 0.35, 1.0, 5.0], help="MB of text")
    parser.add_argument("--modes", nargs="+", choices=["articles", "long"], default=["articles", "long"],
                        help="measure separate articles, one long document, or both")
    parser.add_argument("--limit", type=float, default=1.5, help="allowed ratio of one document to articles")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the JSON results")
    args = parser.parse_args()
    if not DATA.is_file():
        print(f"{DATA} is absent; nothing measured")
        return 0
    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        articles = [json.loads(line)["text"] for line in fh]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for mb in args.sizes:
            texts = _texts(int(mb * 1_000_000), articles)
            chars = sum(len(t) for t in texts) + 2 * (len(texts) - 1)
            row: dict[str, object] = {"mb": mb, "chars": chars}
            for mode in args.modes:
                r = _measure(mode, texts, Path(tmp))
                row[mode] = r
                if "seconds" in r:
                    per = float(r["seconds"]) / (chars / 100_000)  # type: ignore[arg-type]
                    r["seconds_per_100kb"] = round(per, 3)
                    r["cpu_per_100kb"] = round(float(r["cpu_seconds"]) / (chars / 100_000), 3)  # type: ignore[arg-type]
                    r["added_mb_per_100kb"] = round(float(r["added_mb"]) / (chars / 100_000), 1)  # type: ignore[arg-type]
            rows.append(row)
            a, lg = row.get("articles", {}), row.get("long", {})
            assert isinstance(a, dict) and isinstance(lg, dict)
            if "seconds" in a and "seconds" in lg:
                print(f"{mb:>5} MB: articles {a['seconds_per_100kb']:.2f} s/100KB ({a['cpu_per_100kb']:.2f} CPU) peak "
                      f"{a['peak_mb']:.0f} MB (+{a['added_mb']:.0f}) | one document {lg['seconds_per_100kb']:.2f} s/100KB "
                      f"({lg['cpu_per_100kb']:.2f} CPU) peak {lg['peak_mb']:.0f} MB (+{lg['added_mb']:.0f}, "
                      f"{lg['added_mb_per_100kb']:.1f} MB/100KB); CPU time ratio "
                      f"{lg['cpu_per_100kb'] / a['cpu_per_100kb']:.2f}, peak ratio {lg['peak_mb'] / a['peak_mb']:.2f}; "
                      f"errors {len(lg['errors'])}", flush=True)
            elif "seconds" in lg:
                print(f"{mb:>5} MB: one document {lg['seconds_per_100kb']:.2f} s/100KB ({lg['cpu_per_100kb']:.2f} CPU) "
                      f"peak {lg['peak_mb']:.0f} MB (+{lg['added_mb']:.0f}, {lg['added_mb_per_100kb']:.1f} MB/100KB); "
                      f"errors {len(lg['errors'])}", flush=True)
            else:
                print(f"{mb:>5} MB: {row}", flush=True)
    verdicts = [_verdict(row, args.limit) for row in rows]
    if all(v is not None for v in verdicts) and verdicts:
        bad = [v for v in verdicts if v]
        sizes = ", ".join(f"{r['mb']} MB" for r in rows)
        print(f"{'FAIL' if bad else 'PASS'}: one document within {args.limit}x of separate articles in CPU seconds "
              f"per 100 KB and peak RSS at {sizes}" + (f" ({'; '.join(bad)})" if bad else ""))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


def _verdict(row: dict[str, object], limit: float) -> str | None:
    """None when the row lacks either measurement, else "" when within ``limit`` or what exceeds it."""
    a, lg = row.get("articles"), row.get("long")
    if not (isinstance(a, dict) and isinstance(lg, dict) and "seconds" in a and "seconds" in lg):
        return None
    over = []
    cpu = lg["cpu_per_100kb"] / a["cpu_per_100kb"]
    peak = lg["peak_mb"] / a["peak_mb"]
    if cpu > limit:
        over.append(f"CPU {cpu:.2f}x")
    if peak > limit:
        over.append(f"peak RSS {peak:.2f}x")
    return f"{row['mb']} MB: {', '.join(over)}" if over else ""


if __name__ == "__main__":
    raise SystemExit(main())
