"""The HTML page in real headless Chromium (Selenium): loads clean, offline, interactive and injection-proof."""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graphbuild.exporters.web import write_html
from tests.web_graphs import IMG, JSURL, SCRIPT, big_graph, hostile_graph, seed_graph

pytestmark = pytest.mark.external

CHROME = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver") or "/usr/bin/chromedriver"
ARGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1400,900",
)
# Records alert/confirm/prompt calls instead of opening dialogs; runs before any page script.
ALERT_HOOK = (
    "window.__gbAlerts = [];"
    "['alert', 'confirm', 'prompt'].forEach(function (f) {"
    "  window[f] = function (m) { window.__gbAlerts.push(f + ':' + String(m)); };"
    "});"
)


def _missing() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed"
    for p in (CHROME, DRIVER):
        if not (os.path.isfile(p) and os.access(p, os.X_OK)):
            return f"{p} is missing"
    return None


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One headless Chromium for the whole module, with console and network logging."""
    why = _missing()
    if why:
        if os.environ.get("GRAPHBUILD_STRICT") == "1":
            pytest.fail(f"browser tests need Chromium: {why}")
        pytest.skip(why)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROME
    for a in ARGS:
        opts.add_argument(a)
    opts.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chrome-profile')}")
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    drv = webdriver.Chrome(service=Service(DRIVER), options=opts)
    drv.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": ALERT_HOOK})
    yield drv
    drv.quit()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The seed, hostile and 5,000-node pages written to disk."""
    d = tmp_path_factory.mktemp("html")
    out = {"seed": d / "seed.html", "hostile": d / "hostile.html", "big": d / "big.html"}
    write_html(seed_graph(), out["seed"])
    write_html(hostile_graph(), out["hostile"])
    write_html(big_graph(5000), out["big"])
    return out


def open_page(drv: Any, path: Path, timeout: float = 20.0) -> dict[str, Any]:
    """Load ``path`` fresh, wait for graphbuildReady; return seconds, console entries and request URLs."""
    drv.get_log("browser")
    drv.get_log("performance")
    start = time.perf_counter()
    drv.get(path.as_uri())
    while not drv.execute_script("return window.graphbuildReady === true"):
        assert time.perf_counter() - start < timeout, "graph never became ready"
        time.sleep(0.02)
    seconds = time.perf_counter() - start
    time.sleep(0.2)
    console = drv.get_log("browser")
    urls = []
    for entry in drv.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg.get("method") == "Network.requestWillBeSent":
            urls.append(msg["params"]["request"]["url"])
    return {"seconds": seconds, "console": console, "urls": urls}


def outside(urls: list[str]) -> list[str]:
    """The request URLs that leave the page (anything but file: and data:)."""
    return [u for u in urls if not u.startswith(("file:", "data:"))]


def click_node(drv: Any, node_id: str) -> None:
    """A real mouse click on a node where vis-network drew it."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    canvas = drv.find_element(By.CSS_SELECTOR, "#mynetwork canvas")
    x, y, w, h = drv.execute_script(
        "var p = network.canvasToDOM(network.getPositions([arguments[0]])[arguments[0]]);"
        "var c = document.querySelector('#mynetwork canvas');"
        "return [p.x, p.y, c.clientWidth, c.clientHeight];",
        node_id,
    )
    ActionChains(drv, duration=0).move_to_element_with_offset(canvas, int(x - w / 2), int(y - h / 2)).click().perform()


def click_background(drv: Any) -> None:
    """A real click on an empty spot of the canvas."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    canvas = drv.find_element(By.CSS_SELECTOR, "#mynetwork canvas")
    w, h = drv.execute_script(
        "var c = document.querySelector('#mynetwork canvas'); return [c.clientWidth, c.clientHeight];"
    )
    for fx, fy in ((0.5, 0.06), (0.97, 0.5), (0.5, 0.97), (0.3, 0.1), (0.8, 0.9)):
        x, y = w * fx, h * fy
        empty = drv.execute_script(
            "var p = {x: arguments[0], y: arguments[1]};"
            "return network.getNodeAt(p) === undefined && network.getEdgeAt(p) === undefined;",
            x,
            y,
        )
        if empty:
            ActionChains(drv, duration=0).move_to_element_with_offset(canvas, int(x - w / 2), int(y - h / 2)).click().perform()
            return
    raise AssertionError("no empty spot to click")


def faded(drv: Any) -> set[str]:
    """Ids of the nodes the neighbourhood view has faded."""
    return set(drv.execute_script("return graphbuild.faded()"))


def pixel(drv: Any, node_id: str) -> list[int]:
    """The RGBA canvas pixel at the centre of a node as drawn."""
    rgba: list[int] = drv.execute_script(
        "var c = document.querySelector('#mynetwork canvas');"
        "var p = network.canvasToDOM(network.getPositions([arguments[0]])[arguments[0]]);"
        "var r = c.width / c.clientWidth;"
        "return Array.from(c.getContext('2d').getImageData(Math.round(p.x * r), Math.round(p.y * r), 1, 1).data);",
        node_id,
    )
    return rgba


@pytest.fixture(scope="module")
def seed_load(driver: Any, pages: dict[str, Path]) -> dict[str, Any]:
    """The seed page opened once in the shared browser."""
    return open_page(driver, pages["seed"])


def test_seed_loads_clean(seed_load: dict[str, Any]) -> None:
    """The seed page loads with no console errors and no request leaving the file."""
    errors = [e for e in seed_load["console"] if e["level"] in ("SEVERE", "ERROR")]
    assert errors == []
    assert seed_load["urls"], "performance log recorded no requests at all"
    assert outside(seed_load["urls"]) == []


def test_counts_in_browser(driver: Any, seed_load: dict[str, Any]) -> None:
    """nodes.length and edges.length match the graph, and the globals are vis objects."""
    g = seed_graph()
    n, e, has_net = driver.execute_script(
        "return [window.nodes.length, window.edges.length, typeof window.network.getPositions === 'function']"
    )
    assert (n, e, has_net) == (g.number_of_nodes(), g.number_of_edges(), True)


def test_search_focuses_lammy(driver: Any, seed_load: dict[str, Any]) -> None:
    """Typing "lammy" and Enter selects David Lammy and shows him in the side panel."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    box = driver.find_element(By.ID, "gb-search")
    box.clear()
    box.send_keys("lammy")
    items = driver.find_elements(By.CSS_SELECTOR, "#gb-results li")
    assert items and items[0].text.startswith("David Lammy")
    box.send_keys(Keys.ENTER)
    assert driver.execute_script("return network.getSelectedNodes()") == ["person/david-lammy"]
    assert driver.find_element(By.CSS_SELECTOR, "#gb-panel h2").text == "David Lammy"
    assert "Q1174839" in driver.find_element(By.ID, "gb-panel").text
    driver.find_element(By.ID, "gb-reset").click()


def test_type_filter_hides_events(driver: Any, seed_load: dict[str, Any]) -> None:
    """Unticking Event in the legend folds the events: no Event node or role edge is drawn, every entity
    stays, and entities that shared an event are joined by a "shared events" edge; ticking restores them."""
    from selenium.webdriver.common.by import By

    box = driver.find_element(By.CSS_SELECTOR, "input.gb-type-toggle[data-type=Event]")
    box.click()
    shown_events, shown_entities, role_edges, folded = driver.execute_script(
        "return [nodes.get({filter: n => n.gtype === 'Event'}).length,"
        " nodes.get({filter: n => n.gtype !== 'Event'}).length,"
        " edges.get({filter: e => e.role}).length,"
        " edges.get({filter: e => e.kind === 'fold'}).map(e => [e.from, e.to].sort().join(' '))]"
    )
    assert (shown_events, shown_entities, role_edges) == (0, 12, 0)
    # Blinken and Lammy travelled together; Blinken met Ukraine
    assert "person/antony-blinken person/david-lammy" in folded
    assert "country/ukraine person/antony-blinken" in folded
    box.click()
    assert driver.execute_script("return nodes.length") == seed_graph().number_of_nodes()


def test_document_and_event_type_filters(driver: Any, seed_load: dict[str, Any]) -> None:
    """Choosing an event type shows those events and their participants only; Reset shows all again."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    Select(driver.find_element(By.ID, "gb-etype")).select_by_value("Travel")
    etypes, ids = driver.execute_script(
        "return [nodes.get({filter: n => n.gtype === 'Event'}).map(n => n.etype), nodes.getIds()]"
    )
    assert etypes == ["Travel"]
    travel = next(n for n, a in seed_graph().nodes(data=True) if a.get("event_type") == "Travel")
    assert set(ids) == {travel, "person/antony-blinken", "person/david-lammy", "place/poland", "place/kyiv"}
    driver.find_element(By.ID, "gb-reset").click()
    assert driver.execute_script("return nodes.length") == seed_graph().number_of_nodes()


def test_neighbourhood_click_fades_others(driver: Any, seed_load: dict[str, Any]) -> None:
    """Clicking Pokrovsk fades everything more than one hop away; clicking the background resets."""
    g = seed_graph()
    before = pixel(driver, "organization/kremlin")
    assert before[:3] == [0xF2, 0x8E, 0x2B]  # Organization orange
    click_node(driver, "place/pokrovsk")
    near = {"place/pokrovsk"} | set(g.predecessors("place/pokrovsk")) | set(g.successors("place/pokrovsk"))
    assert faded(driver) == set(g.nodes) - near
    time.sleep(0.1)
    assert min(pixel(driver, "organization/kremlin")[:3]) > 200  # drawn faded, near white
    centre = pixel(driver, "place/pokrovsk")[:3]
    assert max(centre) - min(centre) > 30  # the (selected) centre is still drawn in colour
    assert driver.execute_script("return network.getSelectedNodes()") == ["place/pokrovsk"]
    assert "Pokrovsk" in driver.find_element("id", "gb-panel").text
    click_background(driver)
    assert faded(driver) == set()
    time.sleep(0.1)
    assert pixel(driver, "organization/kremlin") == before


def test_hostile_payloads_stay_text(driver: Any, pages: dict[str, Path]) -> None:
    """Script, img-onerror and javascript: payloads in the data run nowhere and show as text."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    load = open_page(driver, pages["hostile"])
    assert [e for e in load["console"] if e["level"] in ("SEVERE", "ERROR")] == []
    assert outside(load["urls"]) == []
    box = driver.find_element(By.ID, "gb-search")
    box.send_keys("smith")
    box.send_keys(Keys.ENTER)
    panel = driver.find_element(By.ID, "gb-panel")
    text = panel.text
    assert SCRIPT in text and IMG in text and JSURL in text  # label, aliases, wikidata, evidence
    assert f"Title {SCRIPT} {IMG} {JSURL}" in text  # document title
    links = [a.get_attribute("href") or "" for a in driver.find_elements(By.TAG_NAME, "a")]
    assert not [h for h in links if h.lower().startswith("javascript")]
    # the event panel: quote and time text
    driver.execute_script("graphbuild.focusNode(graphbuild.data.nodes.filter(n => n.gtype === 'Event' &&"
                          " n.label === 'Statement: said')[0].id)")
    assert f"{JSURL} was the answer </script><!--" in panel.text
    # hover tooltip: vis-network puts string titles in as text (innerText: only <br> elements for newlines)
    driver.find_element(By.ID, "gb-reset").click()
    canvas = driver.find_element(By.CSS_SELECTOR, "#mynetwork canvas")
    x, y, w, h = driver.execute_script(
        "var p = network.canvasToDOM(network.getPositions(['person/evil'])['person/evil']);"
        "var c = document.querySelector('#mynetwork canvas'); return [p.x, p.y, c.clientWidth, c.clientHeight];"
    )
    ActionChains(driver, duration=0).move_to_element_with_offset(canvas, int(x - w / 2), int(y - h / 2)).perform()
    deadline = time.time() + 3
    tip = None
    while time.time() < deadline:
        tip = driver.execute_script(
            "var t = document.querySelector('div.vis-tooltip');"
            "return t && t.style.visibility !== 'hidden' && t.textContent ? [t.textContent,"
            " Array.from(t.querySelectorAll('*')).filter(e => e.tagName !== 'BR').length] : null"
        )
        if tip and tip[0].startswith("Mr "):
            break
        time.sleep(0.1)
    assert tip is not None and tip[0].startswith(f"Mr {SCRIPT} Smith") and tip[1] == 0
    injected = driver.execute_script(
        "return [document.images.length, window.__gbAlerts.length, document.querySelectorAll('[onerror]').length,"
        " Array.from(document.scripts).filter(s => s.type !== 'application/json').length,"
        " Array.from(document.scripts).filter(s => s.type === 'application/json' && !/^gb-/.test(s.id)).length]"
    )
    assert injected == [0, 0, 0, 2, 0]  # our two scripts, our JSON blocks, nothing else


def test_big_graph_interactive(driver: Any, pages: dict[str, Path]) -> None:
    """A 5,000-node page opens clean on at most 150 nodes and answers a search (timings: benchmarks/html_scale.py)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    load = open_page(driver, pages["big"], timeout=60)
    assert [e for e in load["console"] if e["level"] in ("SEVERE", "ERROR")] == []
    assert outside(load["urls"]) == []
    n, physics = driver.execute_script("return [nodes.length, network.physics.options.enabled]")
    assert 50 <= n <= 150 and physics is False
    box = driver.find_element(By.ID, "gb-search")
    box.send_keys("Person 1")
    box.send_keys(Keys.ENTER)
    assert driver.execute_script("return network.getSelectedNodes().length") == 1


def test_truncated_page_says_what_is_left_out(driver: Any, tmp_path: Path) -> None:
    """With max_nodes the page shows a "Showing N of M entities" note."""
    from selenium.webdriver.common.by import By

    path = tmp_path / "cut.html"
    write_html(seed_graph(), path, max_nodes=3)
    open_page(driver, path)
    note = driver.find_element(By.ID, "gb-note")
    assert note.is_displayed()
    assert note.text.startswith("This page keeps 3 of 12 entities")


def test_committed_seed_page_offline(driver: Any) -> None:
    """outputs/graph.html opens offline: no console errors, no outside request, graph.json's node and edge counts."""
    root = Path(__file__).resolve().parents[2]
    page = root / "outputs" / "graph.html"
    data = json.loads((root / "outputs" / "graph.json").read_text(encoding="utf-8"))
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd(
        "Network.emulateNetworkConditions",
        {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
    )
    try:
        load = open_page(driver, page)
    finally:
        driver.execute_cdp_cmd(
            "Network.emulateNetworkConditions",
            {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
        )
    assert [e for e in load["console"] if e["level"] in ("SEVERE", "ERROR")] == []
    assert outside(load["urls"]) == []
    counts = driver.execute_script("return [nodes.length, edges.length, !!(window.graphbuild && graphbuild.view)]")
    edges = data.get("edges") or data.get("links")
    # the page draws no self-loop (a post with no organisation shows in the side panel); a page written
    # before the page laid itself out drew them
    drawn = [e for e in edges if e["source"] != e["target"]] if counts[2] else edges
    assert counts[:2] == [len(data["nodes"]), len(drawn)]


# ---------- the corpus-sized page: what a reader sees by default and after filters ----------

#: How far each vis-network shape reaches from its centre, in units of its size (geometry of the shapes:
#: a square's half-diagonal, a triangle's circumradius).
SHAPE_REACH = {"dot": 1.0, "diamond": 1.0, "hexagon": 1.0, "triangle": 2 / 3**0.5, "square": 2**0.5}


@pytest.fixture(scope="module")
def big() -> Any:
    """The synthetic corpus-sized graph behind pages["big"]."""
    return big_graph(5000)


def drawn(drv: Any) -> list[dict[str, Any]]:
    """The drawn nodes: id, type, shape, size, canvas and screen (DOM) positions."""
    items: list[dict[str, Any]] = drv.execute_script(
        "var pos = network.getPositions();"
        "return nodes.get().map(function (n) { var p = pos[n.id]; var d = network.canvasToDOM(p);"
        " return {id: n.id, gtype: n.gtype, etype: n.etype, shape: n.shape, size: n.size, x: p.x, y: p.y,"
        " sx: d.x, sy: d.y}; })"
    )
    return items


def overlapping_pairs(items: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Pairs of drawn nodes whose shapes could touch (centres closer than their reaches allow)."""
    bad = []
    for i, a in enumerate(items):
        ra = a["size"] * SHAPE_REACH[a["shape"]]
        for b in items[i + 1 :]:
            rb = b["size"] * SHAPE_REACH[b["shape"]]
            if (a["x"] - b["x"]) ** 2 + (a["y"] - b["y"]) ** 2 < (ra + rb) ** 2:
                bad.append((a["id"], b["id"]))
    return bad


def box_overlaps(boxes: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Pairs of label boxes that overlap."""
    bad = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]:
                bad.append((a["id"], b["id"]))
    return bad


def in_canvas(drv: Any, items: list[dict[str, Any]]) -> list[str]:
    """Ids of drawn nodes whose centre is off the canvas or under the legend or the status line."""
    out = []
    for it in items:
        hit = drv.execute_script(
            "var c = document.querySelector('#mynetwork canvas').getBoundingClientRect();"
            "var e = document.elementFromPoint(c.left + arguments[0], c.top + arguments[1]);"
            "return e !== null && e.tagName === 'CANVAS';",
            it["sx"],
            it["sy"],
        )
        if not hit:
            out.append(it["id"])
    return out


def choose(drv: Any, select_id: str, value: str) -> None:
    """Pick an option of a header <select> as a user would."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    Select(drv.find_element(By.ID, select_id)).select_by_value(value)


def test_default_view_reads(driver: Any, pages: dict[str, Path], big: Any) -> None:
    """At the default view: at most 150 nodes, the most connected entities, no events (folded), no
    entity without an edge, no two shapes touching, every node on the canvas clear of the legend."""
    open_page(driver, pages["big"], timeout=60)
    items = drawn(driver)
    assert 100 <= len(items) <= 150
    assert not [i for i in items if i["gtype"] == "Event"]
    ends = set(driver.execute_script("return edges.get().flatMap(e => [e.from, e.to])"))
    assert {i["id"] for i in items} <= ends
    assert overlapping_pairs(items) == []
    assert in_canvas(driver, items) == []
    # the best connected entity of the graph is in the picture
    simple = {n: set() for n in big.nodes if big.nodes[n]["type"] != "Event"}
    for s, o in big.edges():
        if big.nodes[s]["type"] != "Event" and s != o:
            simple[s].add(o)
            simple[o].add(s)
    hub = max(simple, key=lambda n: (len(simple[n]), n))
    assert hub in {i["id"] for i in items}


def test_labels_do_not_overlap(driver: Any, pages: dict[str, Path]) -> None:
    """Node labels are drawn by importance where they fit: no two label boxes overlap, the biggest
    nodes are labelled, and edge labels are drawn at a readable size at the default zoom."""
    open_page(driver, pages["big"], timeout=60)
    boxes = driver.execute_script("return graphbuild.labelBoxes()")
    eboxes = driver.execute_script("return graphbuild.edgeLabelBoxes()")
    assert len(boxes) >= 30
    assert box_overlaps(boxes + eboxes) == []
    items = {i["id"]: i for i in drawn(driver)}
    for b in boxes:  # each label sits next to its own node: touching the square around its shape
        node = items[b["id"]]
        r = node["size"] * SHAPE_REACH[node["shape"]] * driver.execute_script("return network.getScale()") + 4
        assert b["x"] - r <= node["sx"] <= b["x"] + b["w"] + r and b["y"] - r <= node["sy"] <= b["y"] + b["h"] + r
    biggest = sorted(items.values(), key=lambda i: -i["size"])[:5]
    assert {b["id"] for b in boxes} >= {i["id"] for i in biggest[:1]}
    assert eboxes and min(b["h"] for b in eboxes) >= 14  # 11 px text on screen, whatever the zoom


def test_click_every_visible_node(driver: Any, pages: dict[str, Path]) -> None:
    """A real click on the centre of every drawn node selects that node and no other."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    open_page(driver, pages["big"], timeout=60)
    canvas = driver.find_element(By.CSS_SELECTOR, "#mynetwork canvas")
    w, h = driver.execute_script(
        "var c = document.querySelector('#mynetwork canvas'); return [c.clientWidth, c.clientHeight];"
    )
    wrong = []
    for it in drawn(driver):
        ActionChains(driver, duration=0).move_to_element_with_offset(
            canvas, round(it["sx"] - w / 2), round(it["sy"] - h / 2)
        ).click().perform()
        if driver.execute_script("return network.getSelectedNodes()") != [it["id"]]:
            wrong.append(it["id"])
    assert wrong == []


def test_meet_filter_shows_meetings(driver: Any, pages: dict[str, Path], big: Any) -> None:
    """The Meet filter shows only Meet events and their participants, laid out again without overlaps."""
    open_page(driver, pages["big"], timeout=60)
    choose(driver, "gb-etype", "Meet")
    items = drawn(driver)
    events = {i["id"] for i in items if i["gtype"] == "Event"}
    entities = {i["id"] for i in items if i["gtype"] != "Event"}
    meets = [n for n, a in big.nodes(data=True) if a.get("event_type") == "Meet"]
    assert events and all(big.nodes[e]["event_type"] == "Meet" for e in events)
    assert len(events) == min(150, len(meets))
    assert entities == {o for e in events for o in big.successors(e)}
    assert overlapping_pairs(items) == []
    assert in_canvas(driver, items) == []
    box = driver.find_element("css selector", "input.gb-type-toggle[data-type=Event]")
    assert box.is_selected()


def test_document_filter_shows_one_article(driver: Any, pages: dict[str, Path], big: Any) -> None:
    """The document filter shows that article's entities and events only, big enough to read."""
    open_page(driver, pages["big"], timeout=60)
    doc_ids = driver.execute_script("return graphbuild.data.meta.docs.map(d => d.id)")
    doc = "bbc-politics-007"
    choose(driver, "gb-doc", str(doc_ids.index(doc)))
    items = drawn(driver)
    events = {i["id"] for i in items if i["gtype"] == "Event"}
    entities = {i["id"] for i in items if i["gtype"] != "Event"}
    assert events == {n for n, a in big.nodes(data=True) if a.get("type") == "Event" and a.get("doc") == doc}
    expected = {n for n, a in big.nodes(data=True) if any(m["doc"] == doc for m in a.get("mentions") or [])}
    for s, o, a in big.edges(data=True):
        if any(ev["doc"] == doc for ev in a.get("evidence") or []):
            expected |= {s, o} - events
    assert entities == expected
    assert overlapping_pairs(items) == []
    assert in_canvas(driver, items) == []
    # 66 nodes: drawn at least at 0.4 of their size, and most of them labelled
    assert driver.execute_script("return network.getScale()") >= 0.4
    assert len(driver.execute_script("return graphbuild.labelBoxes()")) >= 0.7 * len(items)


def test_status_and_date_filters(driver: Any, pages: dict[str, Path], big: Any) -> None:
    """The status filter shows events of that status only; the date range keeps events dated in it."""
    open_page(driver, pages["big"], timeout=60)
    choose(driver, "gb-estatus", "planned")
    events = [i["id"] for i in drawn(driver) if i["gtype"] == "Event"]
    assert events and {big.nodes[e]["status"] for e in events} == {"planned"}
    driver.find_element("id", "gb-reset").click()
    driver.execute_script(
        "var f = document.getElementById('gb-from'), t = document.getElementById('gb-to');"
        "f.value = '2005-03-01'; t.value = '2005-03-10'; t.dispatchEvent(new Event('change'));"
        "var s = document.getElementById('gb-etype'); s.value = 'Statement'; s.dispatchEvent(new Event('change'));"
    )
    dates = {big.graph["documents"][big.nodes[i["id"]]["doc"]]["date"] for i in drawn(driver) if i["gtype"] == "Event"}
    assert dates and all("2005-03-01" <= d <= "2005-03-10" for d in dates)


def test_search_post_finds_holders(driver: Any, pages: dict[str, Path], big: Any) -> None:
    """Searching "prime minister" lists people holding that post (current holders first); picking one
    draws it and selects it."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    open_page(driver, pages["big"], timeout=60)
    holders, former = set(), set()
    for n, a in big.nodes(data=True):
        if any(p["title"] == "Prime Minister" for p in a.get("positions") or []):
            holders.add(n)
    for s, _, a in big.edges(data=True):
        if a.get("title") == "Prime Minister":
            (former if a.get("former") else holders).add(s)
    hits = driver.execute_script("return graphbuild.search('prime minister')")
    assert len(hits) == 25
    assert {h["id"] for h in hits} <= holders | former
    assert {h["id"] for h in hits} <= holders or holders <= {h["id"] for h in hits}  # current holders first
    box = driver.find_element(By.ID, "gb-search")
    box.send_keys("Prime Minister")
    items = driver.find_elements(By.CSS_SELECTOR, "#gb-results li")
    assert items and (items[0].get_attribute("textContent") or "").endswith("Prime Minister")
    box.send_keys(Keys.ENTER)
    first = hits[0]["id"]
    assert driver.execute_script("return network.getSelectedNodes()") == [first]
    assert "Prime Minister" in driver.find_element(By.ID, "gb-panel").text


def test_search_post_on_seed(driver: Any, pages: dict[str, Path]) -> None:
    """On the seed page a post finds the person who holds it."""
    open_page(driver, pages["seed"])
    assert [h["id"] for h in driver.execute_script("return graphbuild.search('foreign secretary')")] == [
        "person/david-lammy"
    ]
    assert driver.execute_script("return graphbuild.search('secretary of state')")[0]["id"] == "person/antony-blinken"


def test_isolated_entity_found_by_search(driver: Any, pages: dict[str, Path], big: Any) -> None:
    """An entity with no edge is not in the picture, but search finds it and draws it."""
    lonely = sorted(n for n in big.nodes if big.degree(n) == 0)
    assert lonely
    open_page(driver, pages["big"], timeout=60)
    assert lonely[0] not in driver.execute_script("return nodes.getIds()")
    driver.execute_script("graphbuild.focusNode(graphbuild.search(arguments[0])[0].id)", big.nodes[lonely[0]]["label"])
    assert driver.execute_script("return network.getSelectedNodes()") == [lonely[0]]
    assert lonely[0] in driver.execute_script("return nodes.getIds()")


def test_expand_and_focus(driver: Any, pages: dict[str, Path], big: Any) -> None:
    """Expand adds a node's neighbours to the picture; Focus shows only the node and its neighbours,
    laid out again without overlaps."""
    from selenium.webdriver.common.by import By

    open_page(driver, pages["big"], timeout=60)
    before = set(driver.execute_script("return nodes.getIds()"))
    hub = sorted(before, key=lambda n: (-big.degree(n), n))[0]
    click_node(driver, hub)
    next(b for b in driver.find_elements(By.CSS_SELECTOR, "#gb-panel .gb-action") if b.text == "Expand").click()
    after = set(driver.execute_script("return nodes.getIds()"))
    nbrs = {o for o in set(big.successors(hub)) | set(big.predecessors(hub)) if big.nodes[o]["type"] != "Event"}
    nbrs |= {o for e in big.predecessors(hub) if big.nodes[e]["type"] == "Event" for o in big.successors(e)} - {hub}
    assert before <= after and after - before and after - before <= nbrs
    assert overlapping_pairs(drawn(driver)) == []
    # "Lay out" lays out again just what is shown: the same nodes, new places, still no overlaps
    kept = {i["id"]: (i["x"], i["y"]) for i in drawn(driver)}
    driver.find_element(By.ID, "gb-relayout").click()
    again = {i["id"]: (i["x"], i["y"]) for i in drawn(driver)}
    assert set(again) == set(kept) and again != kept
    assert overlapping_pairs(drawn(driver)) == [] and in_canvas(driver, drawn(driver)) == []
    assert driver.execute_script("return network.getSelectedNodes()") == [hub]
    next(b for b in driver.find_elements(By.CSS_SELECTOR, "#gb-panel .gb-action") if b.text == "Focus").click()
    items = drawn(driver)
    ids = {i["id"] for i in items}
    assert hub in ids and ids - {hub} <= nbrs and len(ids) == 1 + min(40, len(nbrs))
    assert overlapping_pairs(items) == []
    assert in_canvas(driver, items) == []


def test_header_one_line(driver: Any, pages: dict[str, Path]) -> None:
    """At 1400 px the header holds every control on one line, none cut off."""
    open_page(driver, pages["big"], timeout=60)
    tops, fits = driver.execute_script(
        "var bar = document.getElementById('gb-bar');"
        "var r = bar.getBoundingClientRect();"
        "var kids = Array.from(bar.children).map(c => c.getBoundingClientRect());"
        "return [kids.map(k => Math.round(k.top + k.height / 2)), kids.every(k => k.right <= r.right)];"
    )
    assert max(tops) - min(tops) <= 3 and fits


def test_folded_events_in_panel(driver: Any, pages: dict[str, Path]) -> None:
    """With events folded, clicking a "shared events" edge lists the events; an event's link draws it
    with its arguments (Focus), and the person's panel counts its folded events."""
    from selenium.webdriver.common.by import By

    open_page(driver, pages["seed"])
    driver.find_element(By.CSS_SELECTOR, "input.gb-type-toggle[data-type=Event]").click()
    fid = "f:person/antony-blinken|person/david-lammy"
    assert fid in driver.execute_script("return edges.getIds()")
    driver.execute_script(
        "network.body.emitter.emit('click', {nodes: [], edges: [arguments[0]],"
        " pointer: {DOM: {x: 0, y: 0}, canvas: {x: 0, y: 0}}})",
        fid,
    )
    panel = driver.find_element(By.ID, "gb-panel")
    assert "1 shared event (folded)" in panel.text and "Travel: trip" in panel.text
    panel.find_element(By.CSS_SELECTOR, ".gb-link").click()
    travel = next(n for n, a in seed_graph().nodes(data=True) if a.get("event_type") == "Travel")
    assert driver.execute_script("return network.getSelectedNodes()") == [travel]
    assert set(driver.execute_script("return nodes.getIds()")) == {
        travel, "person/antony-blinken", "person/david-lammy", "place/poland", "place/kyiv"
    }
    driver.find_element(By.ID, "gb-reset").click()
    driver.find_element(By.CSS_SELECTOR, "input.gb-type-toggle[data-type=Event]").click()
    click_node(driver, "person/david-lammy")
    n_events = len(list(seed_graph().predecessors("person/david-lammy")))
    assert f"EVENTS ({n_events}, {n_events} FOLDED)" in panel.text.upper() and n_events == 2
