"""Unit tests for the HTML exporter (graphbuild.exporters.web): the page as a string."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphbuild.errors import ExportError
from graphbuild.exporters import export, get_exporter
from graphbuild.exporters.web import DETAIL_CHUNK, VIEW_LIMIT, json_for_html, render_html, select_nodes, write_html
from tests.web_graphs import (
    IMG,
    JSURL,
    PAYLOADS,
    SCRIPT,
    SEED_DOC,
    SEED_TEXT,
    big_graph,
    evidence,
    hostile_graph,
    seed_graph,
)

DATA_RE = re.compile(r'<script type="application/json" id="gb-data">(.*?)</script>', re.S)
BLOCK_RE = re.compile(r'<script type="application/json" id="(gb-[a-z]+)-?(\d*)">(.*?)</script>', re.S)


def json_blocks(html: str) -> dict[str, str]:
    """Every JSON block of a page, by id: the core data and the detail chunks."""
    return {f"{m.group(1)}-{m.group(2)}" if m.group(2) else m.group(1): m.group(3) for m in BLOCK_RE.finditer(html)}


def page_data(html: str) -> dict[str, Any]:
    """The data of a rendered page, details put back: nodes get ``info``, edges ``ev``, meta ``sentences``."""
    blocks = json_blocks(html)
    data: dict[str, Any] = json.loads(blocks["gb-data"])
    for kind in ("nodes", "edges"):  # columns back to records
        keys = data[kind]["keys"]
        data[kind] = [{k: v for k, v in zip(keys, row, strict=True) if v is not None} for row in data[kind]["rows"]]
    for i, e in enumerate(data["edges"]):  # as the page does: ids, ends by id, labels
        e["id"] = f"e{i}"
        e["from"], e["to"] = data["nodes"][e["from"]]["id"], data["nodes"][e["to"]]["id"]
        e.setdefault("elabel", e["relation"])
        e["role"] = bool(e.get("role"))
    chunk = data["meta"]["chunk"]

    def items(prefix: str, n: int) -> list[Any]:
        out: list[Any] = []
        for k in range((n + chunk - 1) // chunk):
            out.extend(json.loads(blocks[f"{prefix}-{k}"]))
        assert len(out) == n
        return out

    for n, info in zip(data["nodes"], items("gb-n", len(data["nodes"])), strict=True):
        n["info"] = info
    for e, ev in zip(data["edges"], items("gb-e", len(data["edges"])), strict=True):
        e["ev"] = ev
    n_sent = 1 + max((ev["s"] for e in data["edges"] for ev in e["ev"]), default=-1)
    n_sent = max([n_sent] + [1 + ev["s"] for n in data["nodes"] for ev in n["info"].get("evidence", [])])
    data["meta"]["sentences"] = items("gb-s", n_sent) if n_sent else []
    return data


@pytest.fixture(scope="module")
def seed_html() -> str:
    """The page for the seed-like graph."""
    return render_html(seed_graph())


@pytest.fixture(scope="module")
def hostile_html() -> str:
    """The page for the graph full of script payloads."""
    return render_html(hostile_graph())


def test_registry_finds_write_html() -> None:
    """The exporter registry's "html" entry is write_html."""
    assert get_exporter("html") is write_html


def test_no_remote_src_or_href(seed_html: str) -> None:
    """No src or href attribute points anywhere but the page itself."""
    attrs = re.findall(r"""\b(?:src|href)\s*=\s*["']?([^"'\s>]*)""", seed_html, re.I)
    assert not [a for a in attrs if re.match(r"\s*(https?:)?//", a, re.I)]
    assert "cdn.jsdelivr" not in seed_html and "cdnjs" not in seed_html and "bootstrap" not in seed_html.lower()
    assert "<link" not in seed_html


def test_vis_network_inlined(seed_html: str) -> None:
    """vis-network's script and style are inside the page."""
    assert "vis-network" in seed_html and "DataSet" in seed_html
    assert ".vis-network" in seed_html
    # vis-network, the page script, and JSON data blocks only
    scripts = re.findall(r"^<script([^>]*)>", seed_html, re.M)
    assert [s for s in scripts if "application/json" not in s] == ["", ""]


def test_csp_meta_first(seed_html: str) -> None:
    """A strict Content-Security-Policy meta tag comes before any script."""
    m = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', seed_html)
    assert m is not None
    assert "default-src 'none'" in m.group(1)
    assert m.start() < seed_html.index("<script")


def test_counts_match_graph(seed_html: str) -> None:
    """The page carries every node and edge of the graph."""
    g = seed_graph()
    data = page_data(seed_html)
    assert len(data["nodes"]) == g.number_of_nodes()
    assert len(data["edges"]) == g.number_of_edges()
    assert {n["id"] for n in data["nodes"]} == set(g.nodes)


def test_reading_attributes(seed_html: str) -> None:
    """Types get shapes and colours, events are diamonds, holds_position edges show the title."""
    data = page_data(seed_html)
    by_id = {n["id"]: n for n in data["nodes"]}
    style = data["meta"]["entityStyle"]
    assert style["Person"]["shape"] == "dot" and style["Country"]["shape"] != "dot"
    assert by_id["country/russia"]["gtype"] == "Country" and by_id["person/antony-blinken"]["gtype"] == "Person"
    events = [n for n in data["nodes"] if n["gtype"] == "Event"]
    assert events and data["meta"]["eventShape"] == "diamond"
    colours = data["meta"]["eventColours"]
    assert set(colours) == {n["etype"] for n in events} and len(set(colours.values())) == len(colours)
    labels = {e["elabel"] for e in data["edges"]}
    assert {"Secretary of State", "Foreign Secretary", "agent", "located_in", "affiliated_with"} <= labels
    assert by_id["person/antony-blinken"]["size"] > by_id["place/pokrovsk"]["size"]
    assert "Lammy" in by_id["person/david-lammy"]["aliases"]
    assert by_id["person/david-lammy"]["info"]["wikidata"] == "Q1174839"
    assert data["meta"]["docs"][0]["title"] == "Blinken and Lammy visit Kyiv"


def test_core_data_and_detail_chunks() -> None:
    """The page opens on core data (no evidence, no sentence); details sit in blocks of DETAIL_CHUNK items."""
    html = render_html(big_graph(3000, seed=2, n_docs=40))
    blocks = json_blocks(html)
    core = json.loads(blocks["gb-data"])
    assert "sentences" not in core["meta"]
    assert "info" not in core["nodes"]["keys"] and "ev" not in core["edges"]["keys"] and "edocs" in core["edges"]["keys"]
    node_chunks = [k for k in blocks if k.startswith("gb-n-")]
    assert len(node_chunks) == -(-len(core["nodes"]["rows"]) // DETAIL_CHUNK) and len(node_chunks) > 1
    assert len(blocks["gb-data"]) < 0.5 * sum(len(v) for v in blocks.values())
    data = page_data(html)
    for e in data["edges"]:  # the core's document list is the evidence's
        assert e["edocs"] == sorted({data["meta"]["sentences"][ev["s"]][0] for ev in e["ev"]})


def test_payloads_escaped(hostile_html: str) -> None:
    """Script, img and javascript: payloads from articles appear only as escaped JSON text."""
    assert SCRIPT not in hostile_html
    assert IMG not in hostile_html
    assert "<img" not in hostile_html.lower()
    for block in json_blocks(hostile_html).values():
        assert "<" not in block and ">" not in block and "\u2028" not in block and "\u2029" not in block
    data = page_data(hostile_html)
    text = json.dumps(data, ensure_ascii=False)
    for p in PAYLOADS:
        assert json.dumps(p)[1:-1] in text  # the payloads survive as data
    # the javascript: url is not offered as a link
    evil = next(d for d in data["meta"]["docs"] if d["id"] == "evil-doc")
    assert evil["url"] == "" and evil["rawUrl"] == JSURL


def test_no_early_script_end(hostile_html: str) -> None:
    """Only our own script blocks close: nothing in the data ends a script early."""
    assert hostile_html.count("</script>") == 2 + len(json_blocks(hostile_html))
    assert "<!--" not in hostile_html


def test_json_for_html_escapes() -> None:
    """json_for_html escapes the characters that could end or confuse a script block."""
    out = json_for_html({"a": "</script><!-- \u2028\u2029 & >"})
    assert "</" not in out and "<!--" not in out and "\u2028" not in out and "&" not in out
    assert json.loads(out) == {"a": "</script><!-- \u2028\u2029 & >"}


@settings(max_examples=60, deadline=None)
@given(st.text())
def test_json_for_html_round_trips(s: str) -> None:
    """Any string survives json_for_html unchanged and never contains a raw '<'."""
    out = json_for_html([s])
    assert "<" not in out
    assert json.loads(out) == [s]


def test_deterministic(seed_html: str) -> None:
    """The same graph gives byte-identical HTML, whatever the insertion order."""
    g = seed_graph()
    rev: nx.MultiDiGraph = nx.MultiDiGraph()
    rev.graph.update(g.graph)
    for n in reversed(list(g.nodes)):
        rev.add_node(n, **g.nodes[n])
    for s, o, k, a in reversed(list(g.edges(keys=True, data=True))):
        rev.add_edge(s, o, key=k, **a)
    assert render_html(seed_graph()) == seed_html
    assert render_html(rev) == seed_html


def test_write_html_utf8(tmp_path: Path) -> None:
    """write_html writes the rendered page as UTF-8 through the registry."""
    g = hostile_graph()
    out = export(g, "html", tmp_path / "graph.html", max_nodes=None)
    assert out.read_bytes() == render_html(g).encode("utf-8")
    assert not list(tmp_path.glob(".*.tmp"))


def test_max_nodes_keeps_most_mentioned() -> None:
    """max_nodes keeps the most-mentioned entities plus the events touching them."""
    g = seed_graph()
    shown, counts = select_nodes(g, 3)
    ents = [n for n in shown if g.nodes[n]["type"] != "Event"]
    assert len(ents) == 3
    assert "country/ukraine" in ents  # three mentions, the most
    for n in shown:
        if g.nodes[n]["type"] == "Event":
            assert any(t in ents for t in g.successors(n))
    assert counts["entities"] == 12 and counts["shown_entities"] == 3


def test_max_nodes_note() -> None:
    """A truncated page carries the counts for its "showing N of M" note, and only kept nodes."""
    g = seed_graph()
    data = page_data(render_html(g, max_nodes=2))
    c = data["meta"]["counts"]
    assert c["shown_entities"] == 2 and c["entities"] == 12
    ids = {n["id"] for n in data["nodes"]}
    assert all(e["from"] in ids and e["to"] in ids for e in data["edges"])
    assert "Showing " in render_html(g, max_nodes=2)  # the note text lives in the page script


def test_max_nodes_negative() -> None:
    """A negative max_nodes is an ExportError naming the value."""
    with pytest.raises(ExportError, match="-1"):
        select_nodes(seed_graph(), -1)


def test_empty_graph() -> None:
    """An empty graph still gives a page."""
    g: nx.MultiDiGraph = nx.MultiDiGraph()
    data = page_data(render_html(g))
    assert data["nodes"] == [] and data["edges"] == []


def test_page_places_nodes_itself() -> None:
    """Physics is off and no position is fixed in the data: the page script lays out what it shows."""
    data = page_data(render_html(big_graph(VIEW_LIMIT + 200, seed=3, n_docs=20)))
    assert data["options"]["physics"]["enabled"] is False
    assert not [n for n in data["nodes"] if "x" in n or "y" in n]
    assert data["meta"]["limit"] == VIEW_LIMIT


def test_posts_from_positions_and_titles() -> None:
    """A person's posts come from ``positions`` (no organisation), ``holds_position`` titles and
    self-loop titles, former ones marked; the position evidence reaches the page."""
    g = seed_graph()
    g.nodes["person/dmitry-peskov"]["positions"] = [
        {"title": "Kremlin spokesman", "evidence": [evidence(SEED_DOC, SEED_TEXT, "Dmitry Peskov", "Dmitry Peskov",
                                                             "spokesman")]}
    ]
    g.add_edge("person/vladimir-putin", "person/vladimir-putin", key="holds_position|Prime Minister",
               relation="holds_position", title="Prime Minister", former=True,
               evidence=[evidence(SEED_DOC, SEED_TEXT, "Vladimir Putin", "Vladimir Putin", "")])
    data = page_data(render_html(g))
    by_id = {n["id"]: n for n in data["nodes"]}
    assert by_id["person/dmitry-peskov"]["posts"] == ["Kremlin spokesman"]
    assert by_id["person/dmitry-peskov"]["info"]["postEv"][0]["subj"] == "Dmitry Peskov"
    assert by_id["person/vladimir-putin"]["posts"] == ["President", "former Prime Minister"]
    assert by_id["person/antony-blinken"]["posts"] == ["Secretary of State"]
    assert by_id["place/kyiv"]["posts"] == []
    loop = next(e for e in data["edges"] if e["from"] == e["to"])
    assert loop["former"] is True and loop["elabel"] == "former Prime Minister"


def test_event_status_and_date() -> None:
    """Event nodes carry their status (default "reported") and an ISO date: their time, else their
    document's date; the statuses present are listed for the filter."""
    g = seed_graph()
    talks = next(n for n, a in g.nodes(data=True) if a.get("trigger") == "talks")
    g.nodes[talks]["status"] = "planned"
    data = page_data(render_html(g))
    events = {n["info"]["trigger"]: n for n in data["nodes"] if n["gtype"] == "Event"}
    assert events["talks"]["status"] == "planned" and events["trip"]["status"] == "reported"
    assert events["told"]["date"] == "2024-09-11"  # its own time
    assert events["trip"]["date"] == "2024-09-11"  # the document's date
    assert data["meta"]["statuses"] == ["reported", "planned"]


def test_event_date_ignores_non_iso_time() -> None:
    """A time that is not an ISO date falls back to the document date, or none."""
    g = seed_graph()
    g.graph["documents"][SEED_DOC]["date"] = None
    told = next(n for n, a in g.nodes(data=True) if a.get("trigger") == "told")
    g.nodes[told]["time"] = "last Wednesday"
    data = page_data(render_html(g))
    events = {n["info"]["trigger"]: n for n in data["nodes"] if n["gtype"] == "Event"}
    assert events["told"].get("date", "") == "" and events["trip"].get("date", "") == ""
