"""How graph.html reads and how fast it is interactive at corpus size, in headless Chromium.

Usage::

    python benchmarks/html_scale.py                  # synthetic graph, 5,000 nodes (BBC-politics sized)
    python benchmarks/html_scale.py --nodes 3000
    python benchmarks/html_scale.py out/graph.json [--max-nodes N]
    python benchmarks/html_scale.py --bbc-politics   # build the 417 BBC politics articles first
    python benchmarks/html_scale.py --bbc-all        # build all 2,225 BBC articles first (slow)

The BBC builds run ``graphbuild build --processes 1`` under ``nice`` from
``../shared/data/bbc_news`` (skipped cleanly when it is absent).  Prints one
line per figure and writes benchmarks/results/html_scale.json.  Time to
interactive = from navigation start until ``window.graphbuildReady`` (first
draw of the default view), median of ``--runs`` loads.  Target: <= 2 s.
Then, as a reader would check: nodes at the default view (<= 150), pairs of
nodes whose shapes touch, overlapping labels, the Meet filter and one
article's document filter (nodes, overlaps, zoom), and what a search for
"prime minister" lists.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
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

TARGET_S = 2.0
BBC = ROOT.parent / "shared" / "data" / "bbc_news" / "bbc_news_2225.jsonl.gz"
REACH = {"dot": 1.0, "diamond": 1.0, "hexagon": 1.0, "triangle": 2 / 3**0.5, "square": 2**0.5}


def bbc_graph(category: str | None, workdir: Path) -> tuple[Any, str]:
    """Build the BBC articles (one category or all) with the CLI; return the graph, or None and why."""
    if not BBC.exists():
        return None, f"skipped: {BBC} is not available"
    corpus = workdir / "bbc.jsonl"
    n = 0
    with gzip.open(BBC, "rt", encoding="utf-8") as fh, corpus.open("w", encoding="utf-8") as out:
        for line in fh:
            obj = json.loads(line)
            if category is None or obj.get("category") == category:
                out.write(json.dumps({"id": obj["id"], "title": obj.get("title"), "text": obj["text"]}) + "\n")
                n += 1
    outdir = workdir / "out"
    cli = Path(sys.executable).with_name("graphbuild")
    cmd = ["nice", "-n", "10", str(cli), "build", str(corpus), "-o", str(outdir), "--processes", "1",
           "--no-html", "-q"]
    subprocess.run(cmd, check=True, env=dict(os.environ))
    return read_json(outdir / "graph.json"), f"BBC {category or 'all'} build ({n} articles)"


def overlaps(items: list[dict[str, Any]]) -> int:
    """Pairs of drawn nodes whose shapes could touch."""
    bad = 0
    for i, a in enumerate(items):
        ra = a["size"] * REACH.get(a["shape"], 1.5)
        for b in items[i + 1 :]:
            rb = b["size"] * REACH.get(b["shape"], 1.5)
            if (a["x"] - b["x"]) ** 2 + (a["y"] - b["y"]) ** 2 < (ra + rb) ** 2:
                bad += 1
    return bad


def label_overlaps(boxes: list[dict[str, Any]]) -> int:
    """Pairs of drawn labels whose boxes overlap."""
    return sum(
        1
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]
    )


VIEW_JS = (
    "var pos = network.getPositions();"
    "return {nodes: nodes.get().map(function (n) { var p = pos[n.id];"
    " return {id: n.id, gtype: n.gtype, shape: n.shape, size: n.size, x: p.x, y: p.y}; }),"
    " edges: edges.length, labels: graphbuild.labelBoxes(), edgeLabels: graphbuild.edgeLabelBoxes(),"
    " scale: network.getScale(), timings: window.graphbuildTimings,"
    # the hit test: which node vis-network finds at each drawn node's centre
    " missed: nodes.getIds().filter(function (id) {"
    "   return network.getNodeAt(network.canvasToDOM(pos[id])) !== id; }).length};"
)


def view_figures(drv: Any) -> dict[str, Any]:
    """What the page draws now: nodes, events, edges, overlaps, labels, zoom."""
    v = drv.execute_script(VIEW_JS)
    items = v["nodes"]
    return {
        "nodes": len(items),
        "events": sum(1 for i in items if i["gtype"] == "Event"),
        "edges": v["edges"],
        "touching_node_pairs": overlaps(items),
        "labels": len(v["labels"]),
        "edge_labels": len(v["edgeLabels"]),
        "overlapping_labels": label_overlaps(v["labels"] + v["edgeLabels"]),
        "scale": round(v["scale"], 3),
        "centres_hitting_another_node": v["missed"],
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return the exit status (1 when over the target)."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("graph_json", nargs="?", type=Path, help="a build's graph.json (default: synthetic graph)")
    p.add_argument("--bbc-politics", action="store_true",
                   help="build the 417 BBC politics articles from ../shared/data first and measure that page")
    p.add_argument("--bbc-all", action="store_true", help="build all 2,225 BBC articles first (slow)")
    p.add_argument("--nodes", type=int, default=5000, help="synthetic graph size")
    p.add_argument("--max-nodes", type=int, default=None)
    p.add_argument("--runs", type=int, default=3, help="page loads (the median is reported)")
    p.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "html_scale.json")
    a = p.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="gb-bench-") as tmp:
        if a.bbc_politics or a.bbc_all:
            graph, source = bbc_graph("politics" if a.bbc_politics else None, Path(tmp))
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
                # navigation start -> first draw of the default view, by the page's own clock
                loads.append(drv.execute_script("return window.graphbuildReadyAt") / 1000.0)
            timings = drv.execute_script("return window.graphbuildTimings")
            default = view_figures(drv)
            total_nodes, total_edges = drv.execute_script(
                "return [graphbuild.data.nodes.length, graphbuild.data.edges.length]"
            )
            hits = drv.execute_script(
                "return graphbuild.search('prime minister').map(h => [h.label, h.post || ''])"
            )
            # the Meet filter, then one article (the document with the most nodes in the page)
            drv.execute_script(
                "var s = document.getElementById('gb-etype'); s.value = 'Meet'; s.dispatchEvent(new Event('change'));"
            )
            meet = view_figures(drv)
            meet_ms = drv.execute_script(
                "var t = performance.now(); graphbuild.clearFilters();"
                "var s = document.getElementById('gb-etype'); s.value = 'Meet'; s.dispatchEvent(new Event('change'));"
                "return performance.now() - t;"
            )
            doc = drv.execute_script(
                "var c = {}; graphbuild.data.nodes.forEach(n => n.docs.forEach(d => { c[d] = (c[d] || 0) + 1; }));"
                "var best = Object.keys(c).sort((a, b) => c[b] - c[a] || a - b)[0];"
                "graphbuild.clearFilters(); var s = document.getElementById('gb-doc'); s.value = best;"
                "s.dispatchEvent(new Event('change')); return graphbuild.data.meta.docs[Number(best)].title;"
            )
            article = view_figures(drv)
            drv.execute_script("graphbuild.clearFilters()")
            label = drv.execute_script("return graphbuild.data.nodes[Math.floor(graphbuild.data.nodes.length / 2)].label")
            search_ms = drv.execute_script(
                "var t = performance.now(); var h = graphbuild.search(arguments[0]);"
                "graphbuild.focusNode(h[0].id); return performance.now() - t;",
                label,
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
        "page_nodes": total_nodes,
        "page_edges": total_edges,
        "max_nodes": a.max_nodes,
        "write_seconds": round(write_s, 3),
        "page_bytes": size,
        "ready_seconds_median": round(ready, 3),
        "ready_seconds_all": [round(x, 3) for x in loads],
        "script_ms": timings,
        "default_view": default,
        "meet_filter": dict(meet, ms=round(meet_ms, 1)),
        "document_filter": dict(article, title=doc),
        "search_prime_minister": hits[:10],
        "search_focus_ms": round(search_ms, 1),
        "redraw_ms": round(frame_ms, 1),
        "target_seconds": TARGET_S,
        "within_target": ready <= TARGET_S and default["nodes"] <= 150 and default["touching_node_pairs"] == 0
        and default["overlapping_labels"] == 0 and default["centres_hitting_another_node"] == 0,
    }

    def line(name: str, v: dict[str, Any]) -> str:
        return (f"{name}: {v['nodes']} nodes ({v['events']} events), {v['edges']} edges, {v['touching_node_pairs']} "
                f"touching node pairs, {v['labels']} labels + {v['edge_labels']} edge labels, "
                f"{v['overlapping_labels']} overlapping, {v['centres_hitting_another_node']} centres hitting another "
                f"node, zoom {v['scale']}")

    print(f"graph: {result['graph_nodes']} nodes, {result['graph_edges']} edges ({source})")
    print(f"page: {size / 1e6:.2f} MB, written in {write_s:.2f} s")
    print(f"time to interactive (median of {len(loads)}): {ready:.2f} s (target {TARGET_S:.0f} s); "
          f"page script: {timings}")
    print(line("default view", default))
    print(line("Meet filter", meet) + f", {meet_ms:.0f} ms")
    print(line(f"document filter ({doc})", article))
    print("search 'prime minister': " + "; ".join(f"{n} ({p})" for n, p in hits[:8]))
    print(f"search + focus: {search_ms:.0f} ms; full redraw: {frame_ms:.0f} ms")
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0 if result["within_target"] else 1


if __name__ == "__main__":
    sys.exit(main())
