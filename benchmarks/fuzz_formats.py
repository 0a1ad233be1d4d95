"""Fuzzed articles through the build: every output format valid in every parser at hand (issue 13).

Makes up ``--articles`` articles (default 2,000) whose names, ids, urls and
titles carry hostile characters (``tests/fuzz_formats.py``), builds them in
batches of ``--batch`` (default 100, one build each, in this process) into
graph.json, Turtle, N-Triples, N-Quads, TriG and JSON-LD, and parses every
file in rdflib and pyoxigraph (and rapper for Turtle, N-Triples, N-Quads and
TriG, when installed); graph.json is checked against its JSON Schema.  Prints
one line per batch and a summary, and writes ``benchmarks/results/fuzz_formats.json``.
Exits 1 when any file was refused or parsers disagreed.  Needs no shared data.

    python benchmarks/fuzz_formats.py --articles 2000 --batch 100 --seed 13
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graphbuild.pipeline import BuildOptions, build  # noqa: E402
from tests.fuzz_formats import RDF_FORMATS, check_outputs, write_articles  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "fuzz_formats.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=100, help="articles per build")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--processes", type=int, default=1, help="extraction processes per build")
    parser.add_argument("--keep", metavar="DIR", help="keep the inputs and outputs of failing batches here")
    args = parser.parse_args()
    rows = []
    failed = 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for b, start in enumerate(range(0, args.articles, args.batch)):
            count = min(args.batch, args.articles - start)
            src = Path(tmp) / f"fuzz{b}.jsonl"
            write_articles(src, count, args.seed * 100_003 + b, start)
            out = Path(tmp) / f"out{b}"
            t = time.perf_counter()
            report = build([src], BuildOptions(outdir=out, formats=tuple(RDF_FORMATS), html=False, use_cache=False,
                                               processes=args.processes))
            seconds = time.perf_counter() - t
            counts, problems = check_outputs(out)
            rows.append({"batch": b, "articles": count, "documents": report.documents, "input_errors": report.errors,
                         "entities": report.entities, "counts": counts, "problems": problems,
                         "build_seconds": round(seconds, 2)})
            triples = counts.get("ntriples/oxigraph", 0)
            print(f"batch {b:>3}: {report.documents}/{count} documents, {len(report.errors)} input errors, "
                  f"{report.entities} entities, {triples} triples; {len(counts) - 1} parser runs, "
                  f"{len(problems)} problems", flush=True)
            for p in problems:
                print(f"    {p}", flush=True)
            if problems:
                failed += 1
                if args.keep:
                    import shutil

                    keep = Path(args.keep) / f"batch{b}"
                    shutil.rmtree(keep, ignore_errors=True)
                    shutil.copytree(out, keep, ignore=shutil.ignore_patterns(".cache", ".graphbuild.lock"))
                    shutil.copy(src, keep / src.name)
            shutil_rm(out)
    total_docs = sum(r["documents"] for r in rows)
    print(f"{args.articles} fuzzed articles ({total_docs} built) in {len(rows)} builds, "
          f"{time.perf_counter() - started:.0f} s: {len(rows) - failed} batches valid in every format and parser, "
          f"{failed} with problems", flush=True)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"articles": args.articles, "seed": args.seed, "batches": rows}, indent=1),
                       encoding="utf-8")
    return 1 if failed else 0


def shutil_rm(path: Path) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
