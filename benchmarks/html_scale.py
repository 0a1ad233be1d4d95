"""How big graph.html gets and how fast it is drawn and answers in headless Chromium.

Usage::

    python benchmarks/html_scale.py                 # synthetic graph, 5,000 nodes (BBC-politics sized)
    python benchmarks/html_scale.py --nodes 3000
    python benchmarks/html_scale.py outputs/bbc/graph.json [--max-nodes N]

Prints one line per figure and writes benchmarks/results/html_scale.json.
Time to interactive = from navigation start until ``window.graphbuildReady``
(first draw of the settled graph), then a search-and-focus round trip and a
neighbourhood highlight, each timed in the page.  Target: <= 3 s to
interactive for a 417-article graph (~3-5k nodes).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graphbuild.exporters.nodelink import read_json  # noqa: E402
from graphbuild.exporters.web import write_html  # noqa: E402
from scripts.screenshot import make_driver  # noqa: E402

TARGET_S = 3.0


def _bbc_politics_graph() -> tuple[Any, str]:
    """Build the BBC politics articles (graph.json only) and return the graph, or None and why."""
    import gzip
    import json

    from graphbuild.pipeline import BuildOptions, build

    src = ROOT.parent / "shared" / "data" / "bbc_news" / "bbc_news_2225.jsonl.gz"
    if not src.exists():
        return None, f"skipped: {src} is not available"
    with tempfile.TemporaryDirectory(prefix="gb-bbc-") as tmp:
        corpus = Path(tmp) / "politics.jsonl"
        with gzip.open(src, "rt", encoding="utf-8") as fh, corpus.open("w", encoding="utf-8") as out:
            for line in fh:
                obj = json.loads(line)
                if obj.get("category") == "politics":
                    out.write(json.dumps({"id": obj["id"], "title": obj.get("title"), "text": obj["text"]}) + "\n")
        report = build([corpus], BuildOptions(outdir=Path(tmp) / "out", formats=(), html=False, use_cache=False))
        return report.graph, f"BBC politics build ({report.documents} articles)"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return the exit status (1 when over the target)."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("graph_json", nargs="?", type=Path, help="a build's graph.json (default: synthetic graph)")
    p.add_argument("--bbc-politics", action="store_true",
                   help="build the 417 BBC politics articles from ../shared/data first and measure that page")
    p.add_argument("--nodes", type=int, default=5000, help="synthetic graph size")
    p.add_argument("--max-nodes", type=int, default=None)
    p.add_argument("--runs", type=int, default=3, help="page loads (the median is reported)")
    p.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "html_scale.json")
    a = p.parse_args(argv)

    if a.bbc_politics:
        graph, source = _bbc_politics_graph()
        if graph is None:
            print(source)
            return 0
    elif a.graph_json:
        graph = read_json(a.graph_json)
        source = str(a.graph_json)
    else:
        from tests.web_graphs import big_graph

        graph = big_graph(a.nodes)
        source = f"synthetic big_graph({a.nodes})"

    with tempfile.TemporaryDirectory(prefix="gb-bench-") as tmp:
        html = Path(tmp) / "graph.html"
        t0 = time.perf_counter()
        write_html(graph, html, max_nodes=a.max_nodes)
        write_s = time.perf_counter() - t0
        size = html.stat().st_size
        drv = make_driver(str(Path(tmp) / "profile"))
        loads: list[float] = []
        try:
            for _ in range(a.runs):
                drv.get("about:blank")
                drv.get(html.as_uri())
                deadline = time.perf_counter() + 60
                while not drv.execute_script("return window.graphbuildReady === true"):
                    if time.perf_counter() > deadline:
                        raise SystemExit("graph never became ready")
                    time.sleep(0.01)
                # navigation start -> first draw of the settled graph, by the page's own clock
                loads.append(drv.execute_script("return window.graphbuildReadyAt") / 1000.0)
            nodes, edges = drv.execute_script("return [nodes.length, edges.length]")
            label = drv.execute_script("return nodes.get()[Math.floor(nodes.length / 2)].label")
            search_ms = drv.execute_script(
                "var t = performance.now(); var h = graphbuild.search(arguments[0]);"
                "graphbuild.focusNode(h[0].id); return performance.now() - t;",
                label,
            )
            highlight_ms = drv.execute_script(
                "var t = performance.now(); graphbuild.unhighlight();"
                "graphbuild.highlight(nodes.get()[0].id); return performance.now() - t;"
            )
            frame_ms = drv.execute_async_script(
                "var done = arguments[arguments.length - 1]; var t = performance.now();"
                "network.once('afterDrawing', function () { done(performance.now() - t); }); network.redraw();"
            )
        finally:
            drv.quit()
    loads.sort()
    ready = loads[len(loads) // 2]
    result = {
        "source": source,
        "graph_nodes": graph.number_of_nodes(),
        "graph_edges": graph.number_of_edges(),
        "page_nodes": nodes,
        "page_edges": edges,
        "max_nodes": a.max_nodes,
        "write_seconds": round(write_s, 3),
        "page_bytes": size,
        "ready_seconds_median": round(ready, 3),
        "ready_seconds_all": [round(x, 3) for x in loads],
        "search_focus_ms": round(search_ms, 1),
        "highlight_ms": round(highlight_ms, 1),
        "redraw_ms": round(frame_ms, 1),
        "target_seconds": TARGET_S,
        "within_target": ready <= TARGET_S,
    }
    print(f"graph: {result['graph_nodes']} nodes, {result['graph_edges']} edges ({source})")
    print(f"page: {nodes} nodes, {edges} edges, {size / 1e6:.2f} MB, written in {write_s:.2f} s")
    print(f"time to interactive (median of {len(loads)}): {ready:.2f} s (target {TARGET_S:.0f} s)")
    print(f"search + focus: {search_ms:.0f} ms")
    print(f"neighbourhood highlight: {highlight_ms:.0f} ms")
    print(f"full redraw: {frame_ms:.0f} ms")
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0 if result["within_target"] else 1


if __name__ == "__main__":
    sys.exit(main())
