"""Build throughput, scaling, memory and incremental-update figures on the BBC News corpus.

Measured in one run on the same documents:

* raw ``nlp.pipe(texts, batch_size=B, n_process=P)`` words/s with graphbuild's model as spaCy ships
  it (its own ``attribute_ruler`` and ``lemmatizer``, where the build has
  :mod:`graphbuild.token_attrs`, the same annotations),
* a cold ``graphbuild`` build with P processes (words/s, ratio to raw, peak RSS),
* adding one article to that build (a fresh CLI process, up to graph.json and
  Turtle; the HTML page timed separately), checked against a clean build,
* a clean one-process build of the same documents (the P-process speed-up),
* the corpus twice over with distinct ids (peak RSS ratio).

Each measurement runs in its own subprocess; peak RSS is the highest sum of
RSS over the process tree (sampled every 0.1 s), plus the kernel's
``ru_maxrss`` of the largest single process.  Writes
``benchmarks/results/throughput.json``.  Exits 0 with a message when the data
is absent.

    python benchmarks/throughput.py --limit 500
"""

from __future__ import annotations

import argparse
import contextlib
import filecmp
import gzip
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "bbc_news" / "bbc_news_2225.jsonl.gz"
RESULTS = ROOT / "benchmarks" / "results" / "throughput.json"
NEW_ARTICLE = {
    "id": "added/0001",
    "title": "Ministers meet in Brussels over trade",
    "text": (
        "Trade Secretary Jonathan Reynolds met European Commission President Ursula von der Leyen "
        "in Brussels on Tuesday to discuss tariffs on steel.\n\n"
        '"We want a fair deal for British workers," Mr Reynolds said after the talks. '
        "Officials from France and Germany joined the meeting, the BBC understands."
    ),
}


# --- child processes -----------------------------------------------------------------------------


def _child_raw(corpus: Path, processes: int, batch_size: int) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    from graphbuild.nlp import load_pipeline
    from graphbuild.sources import iter_documents

    texts = [d.text for d in iter_documents([corpus])]
    t0 = time.perf_counter()
    nlp = load_pipeline(stock=True)  # the model as spaCy ships it (the build swaps in graphbuild.token_attrs)
    t_load = time.perf_counter() - t0
    tokens = 0
    for doc in nlp.pipe(texts, batch_size=batch_size, n_process=processes):
        tokens += len(doc)
    return {"seconds": time.perf_counter() - t0, "load_seconds": t_load, "tokens": tokens, "pipes": nlp.pipe_names}


def _child_build(
    corpus: Path, outdir: Path, processes: int, batch_size: int, cache: bool, turtle: bool
) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    from graphbuild.pipeline import BuildOptions, build

    opts = BuildOptions(
        outdir=outdir,
        formats=("turtle",) if turtle else (),
        html=False,
        processes=processes,
        batch_size=batch_size,
        use_cache=cache,
    )
    t0 = time.perf_counter()
    report = build([corpus], opts)
    return {
        "seconds": time.perf_counter() - t0,
        "documents": report.documents,
        "extracted": report.extracted,
        "cached": report.cached,
        "errors": report.errors[:5],
        "timings": report.timings,
    }


# --- measuring ----------------------------------------------------------------------------------


def _tree_rss(proc: Any, cpu: dict[int, float]) -> int:
    """Sum of RSS over ``proc`` and its descendants; their CPU seconds so far go to ``cpu`` (by pid)."""
    import psutil

    total = 0
    try:
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0
    for p in procs:
        with contextlib.suppress(psutil.Error):
            total += p.memory_info().rss
            t = p.cpu_times()
            cpu[p.pid] = t.user + t.system  # sampled: up to 0.1 s per process is missed
    return total


CPU_SECONDS: dict[str, float] = {}


def run_measured(argv: list[str], label: str = "") -> tuple[dict[str, Any], float, int, int]:
    """Run a command; (its last JSON line, wall seconds, peak tree RSS, largest single-process max RSS so far).

    The CPU seconds of the whole process tree go to ``CPU_SECONDS[label]``.
    """
    import psutil

    t0 = time.perf_counter()
    # output goes to files, not pipes read at the end: a child that logs more than a pipe holds (64 KB of
    # extraction errors) would otherwise block on its next write and the benchmark would wait forever
    with tempfile.TemporaryFile("w+") as out_f, tempfile.TemporaryFile("w+") as err_f:
        proc = subprocess.Popen(argv, stdout=out_f, stderr=err_f, text=True, cwd=ROOT)
        ps = psutil.Process(proc.pid)
        peak = 0
        cpu: dict[int, float] = {}
        while proc.poll() is None:
            peak = max(peak, _tree_rss(ps, cpu))
            time.sleep(0.1)
        wall = time.perf_counter() - t0
        out_f.seek(0)
        err_f.seek(0)
        out, err = out_f.read(), err_f.read()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}):\n{err[-3000:]}")
    CPU_SECONDS[label] = sum(cpu.values())  # as last sampled: forkserver workers are not our children
    maxrss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    lines = [ln for ln in out.splitlines() if ln.startswith("{")]
    result = json.loads(lines[-1]) if lines else {}
    return result, wall, peak, maxrss


def _me(*args: object) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), *map(str, args)]


def _load(limit: int | None) -> list[dict[str, Any]]:
    docs = []
    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        for line in fh:
            if limit is not None and len(docs) >= limit:
                break
            obj = json.loads(line)
            docs.append({"id": obj["id"], "title": obj["title"], "text": obj["text"]})
    return docs


def _write(path: Path, docs: list[dict[str, Any]]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    return path


def _words(docs: list[dict[str, Any]]) -> int:
    return sum(len(d["text"].split()) for d in docs)


def _have_exporter(name: str) -> bool:
    sys.path.insert(0, str(ROOT))
    try:
        from graphbuild.exporters import get_exporter

        get_exporter(name)
    except Exception:
        return False
    return True


def main() -> int:
    """Run the benchmark (or, with --child, one measured step)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles (default: all 2,225)")
    ap.add_argument("--processes", type=int, default=os.cpu_count() or 1, help="processes (default: CPU cores)")
    ap.add_argument("--batch-size", type=int, default=12,
                    help="nlp.pipe batch size for raw and build (default 12, the build's default)")
    ap.add_argument("--no-single", action="store_true", help="skip the one-process build (no speed-up figure)")
    ap.add_argument("--no-doubled", action="store_true", help="skip the doubled corpus (no memory-growth figure)")
    ap.add_argument("--output", type=Path, default=RESULTS)
    ap.add_argument("--child", choices=["raw", "build"], help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--outdir", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--cache", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--turtle", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.child == "raw":
        print(json.dumps(_child_raw(args.corpus, args.processes, args.batch_size)))
        return 0
    if args.child == "build":
        res = _child_build(args.corpus, args.outdir, args.processes, args.batch_size, args.cache, args.turtle)
        print(json.dumps(res))
        return 0

    if not DATA.is_file():
        print(f"throughput: {DATA} is not available; nothing measured")
        return 0
    p, b = args.processes, args.batch_size
    turtle = _have_exporter("turtle")
    html = _have_exporter("html")
    figures: dict[str, Any] = {"processes": p, "batch_size": b, "cpu_count": os.cpu_count()}
    work = Path(tempfile.mkdtemp(prefix="gb-throughput-"))

    def emit(name: str, value: Any, note: str = "") -> None:
        figures[name] = value
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        print(f"{name}: {shown}{'  (' + note + ')' if note else ''}", flush=True)

    try:
        docs = _load(args.limit)
        corpus = _write(work / "corpus.jsonl", docs)
        words = _words(docs)
        emit("documents", len(docs))
        emit("words", words, "whitespace-separated, the same count for every figure")
        emit("load_average_1min", os.getloadavg()[0], "other work on the machine skews wall times")

        raw, _, _, _ = run_measured(
            _me("--child", "raw", "--corpus", corpus, "--processes", p, "--batch-size", b), "raw"
        )
        emit("raw_nlp_pipe_words_per_s", words / raw["seconds"], f"n_process={p}, incl. model load")

        out = work / "build"
        built, _, peak, maxrss = run_measured(
            _me("--child", "build", "--corpus", corpus, "--outdir", out, "--processes", p, "--batch-size", b,
                "--cache", *(["--turtle"] if turtle else [])),
            "build",
        )
        assert built["documents"] == len(docs), built["errors"]
        assert not built["errors"], built["errors"]  # a build whose extraction fails is no throughput figure
        emit("build_words_per_s", words / built["seconds"], f"{p} processes, cold cache, incl. pool start")
        emit("build_to_raw_ratio", figures["build_words_per_s"] / figures["raw_nlp_pipe_words_per_s"], "target >= 0.90")
        emit("build_seconds", built["seconds"])
        emit("raw_cpu_seconds", CPU_SECONDS["raw"], "all processes, user + system")
        emit("build_cpu_seconds", CPU_SECONDS["build"], "all processes, user + system")
        emit("cpu_cost_ratio_raw_to_build", CPU_SECONDS["raw"] / CPU_SECONDS["build"],
             "the throughput ratio a machine with no other load would show")
        emit("build_timings", {k: round(v, 3) for k, v in built["timings"].items()})
        emit("build_peak_rss_mb", peak / 2**20, "sum over the process tree; target <= 1024")
        emit("largest_process_maxrss_mb", maxrss / 2**20, "ru_maxrss of RUSAGE_CHILDREN so far")

        # one more article, built incrementally by a fresh CLI process
        plus = _write(work / "corpus-plus-one.jsonl", [*docs, NEW_ARTICLE])
        cli = [sys.executable, "-m", "graphbuild", "build", str(plus), "-o", str(out), "--no-html", "-q",
               "--processes", str(p), "--format", "turtle" if turtle else "json"]
        t0 = time.perf_counter()
        proc = subprocess.run(cli, cwd=ROOT, capture_output=True, text=True)
        add_wall = time.perf_counter() - t0
        if proc.returncode != 0:
            raise SystemExit(proc.stderr)
        emit("add_one_article_seconds", add_wall,
             "fresh CLI process up to graph.json" + (" + graph.ttl" if turtle else "; Turtle exporter absent") +
             "; target <= 2")
        if html:
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "graphbuild", "export", str(out), "--format", "html"],
                           cwd=ROOT, capture_output=True, check=True)
            emit("html_page_seconds", time.perf_counter() - t0, "graph.html from graph.json, separately")
        else:
            emit("html_page_seconds", None, "HTML exporter absent in this branch")

        # a clean one-process build of the same 1 + N documents: the speed-up, and the incremental check
        if not args.no_single:
            clean = work / "clean1"
            one, _, _, _ = run_measured(
                _me("--child", "build", "--corpus", plus, "--outdir", clean, "--processes", 1, "--batch-size", b,
                    *(["--turtle"] if turtle else [])),
                "single",
            )
            wps1 = (words + _words([NEW_ARTICLE])) / one["seconds"]
            emit("build_1_process_words_per_s", wps1)
            emit("speedup_2_vs_1_process" if p == 2 else f"speedup_{p}_vs_1_process",
                 figures["build_words_per_s"] / wps1, "target >= 1.7")
            same = filecmp.cmp(out / "graph.json", clean / "graph.json", shallow=False)
            if turtle:
                same = same and filecmp.cmp(out / "graph.ttl", clean / "graph.ttl", shallow=False)
            emit("incremental_equals_clean_build", same)

        if not args.no_doubled:
            twice = [*docs, *({**d, "id": d["id"] + "#2"} for d in docs)]
            doubled = _write(work / "corpus-twice.jsonl", twice)
            dbl, _, peak2, _ = run_measured(
                _me("--child", "build", "--corpus", doubled, "--outdir", work / "twice", "--processes", p,
                    "--batch-size", b, "--cache", *(["--turtle"] if turtle else []))
            )
            assert dbl["documents"] == 2 * len(docs), dbl["errors"]
            emit("doubled_peak_rss_mb", peak2 / 2**20)
            emit("doubled_peak_rss_ratio", peak2 / peak, "target <= 1.20")
            emit("doubled_build_timings", {k: round(v, 3) for k, v in dbl["timings"].items()})
    finally:
        shutil.rmtree(work, ignore_errors=True)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
