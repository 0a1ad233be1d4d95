"""graph.html: one self-contained interactive page (pyvis network data, vis-network inlined).

The page carries the whole graph as data but draws a *view* of it: at corpus
size the most connected entities with events folded into them, or what a
filter, a search or an expansion asks for.  The view is chosen and laid out
(with a minimum distance between nodes) by the page script, ``web_assets/graph.js``
and ``web_assets/graph_layout.js``.

pyvis sets up the network (nodes, edges, options); the page itself comes from
our own template, because pyvis 0.3.2's template links Bootstrap from a CDN
whatever ``cdn_resources`` says.  vis-network's JS and CSS (shipped inside
pyvis) are inlined, our own script and style come from ``web_assets/``, and
every string taken from an article travels as JSON data in a
``<script type="application/json">`` block, with ``<``, ``>``, ``&``,
U+2028 and U+2029 written as ``\\uXXXX`` escapes, and is put on screen with
``textContent`` only.  The same graph always gives byte-identical HTML.
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from graphbuild.atomic import atomic_write_text
from graphbuild.errors import ExportError

log = logging.getLogger(__name__)

#: The page's default view shows at most this many nodes (a graph this small is shown whole).
VIEW_LIMIT = 150

#: Event statuses the page can filter on (graph.json ``status``; missing means "reported").
EVENT_STATUSES = ("reported", "planned", "negated", "hypothetical")

#: Details (node info, edge evidence, sentences) travel in JSON blocks of this many items, each
#: parsed only when the side panel first needs one of them: the page opens on the core data alone.
DETAIL_CHUNK = 500

#: Node and edge keys that stay in the core data (the rest of a node is its ``info`` detail).
CORE_NODE_KEYS = ("id", "label", "gtype", "etype", "size", "weight", "docs", "aliases", "posts", "status", "date",
                  "doc", "when")
CORE_EDGE_KEYS = ("from", "to", "relation", "elabel", "post", "role", "former", "edocs", "nev")

#: ISO dates (``2005``, ``2005-03``, ``2005-03-14``): the only event times the date filter uses.
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

#: vis-network version inlined from pyvis's bundled copy.
VIS_DIR = "vis-9.1.2"

#: (vis shape, colour) per entity type; events are diamonds coloured by event type.
ENTITY_STYLE: dict[str, tuple[str, str]] = {
    "Person": ("dot", "#4e79a7"),
    "Organization": ("square", "#f28e2b"),
    "Country": ("hexagon", "#59a14f"),
    "Place": ("triangle", "#76b7b2"),
    "Group": ("triangleDown", "#bcbd22"),
}
OTHER_STYLE = ("dot", "#bab0ac")
EVENT_SHAPE = "diamond"
EVENT_COLOURS: dict[str, str] = {
    "Travel": "#17becf",
    "Meet": "#edc948",
    "Statement": "#b07aa1",
    "Request": "#ff9da7",
    "Attack": "#e15759",
    "Support": "#8cd17d",
    "Agreement": "#499894",
    "Sanction": "#d37295",
    "Transfer": "#9c755f",
    "Personnel": "#79706e",
    "Death": "#333333",
    "Protest": "#b6992d",
    "Other": "#bab0ac",
}
ENTITY_TYPES = ("Person", "Organization", "Country", "Place", "Group")

CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)


def json_for_html(data: Any) -> str:
    """``data`` as JSON that is safe inside an HTML ``<script>`` block (and as a JS literal).

    ``<`` ``>`` ``&`` become ``\\u003c`` ``\\u003e`` ``\\u0026`` (so neither ``</script>`` nor
    ``<!--`` can appear), U+2028 and U+2029 become escapes; keys are sorted.
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _asset(name: str) -> str:
    return resources.files("graphbuild.exporters").joinpath("web_assets", name).read_text(encoding="utf-8")


def _vis_asset(name: str) -> str:
    import pyvis

    path = Path(pyvis.__file__).parent / "templates" / "lib" / VIS_DIR / name
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"pyvis does not ship {path}: {exc}") from exc


def _script_text(js: str) -> str:
    """Library code made safe to sit inside ``<script>``: no literal ``</script``."""
    return js.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")


def _style_text(css: str) -> str:
    return css.replace("</style", "<\\/style")


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _node_size(mentions: int) -> float:
    return round(min(48.0, 10.0 + 6.0 * math.log2(1 + max(0, mentions))), 1)


def select_nodes(graph: nx.MultiDiGraph, max_nodes: int | None) -> tuple[list[str], dict[str, int]]:
    """The node ids to draw (sorted) and the counts for the "showing N of M" note.

    With ``max_nodes`` the ``max_nodes`` most-mentioned entities are kept, plus
    the events with at least one argument among them.
    """
    entities = [str(n) for n, a in graph.nodes(data=True) if a.get("type") != "Event"]
    events = [str(n) for n, a in graph.nodes(data=True) if a.get("type") == "Event"]
    counts = {"entities": len(entities), "events": len(events)}
    if max_nodes is None or max_nodes >= len(entities):
        keep = set(entities) | set(events)
    else:
        if max_nodes < 0:
            raise ExportError(f"max_nodes must be at least 0, not {max_nodes}")
        ranked = sorted(entities, key=lambda n: (-int(graph.nodes[n].get("mention_count") or 0), n))
        keep = set(ranked[:max_nodes])
        for e in events:
            if any(str(t) in keep for t in graph.successors(e)) or any(str(s) in keep for s in graph.predecessors(e)):
                keep.add(e)
    shown = sorted(keep)
    counts["shown_entities"] = sum(1 for n in shown if graph.nodes[n].get("type") != "Event")
    counts["shown_events"] = len(shown) - counts["shown_entities"]
    return shown, counts


class _Tables:
    """Documents and sentences, stored once and referred to by index."""

    def __init__(
        self, documents: Mapping[str, Any], doc_ids: Iterable[str], sentences: Iterable[tuple[str, int, int, str]]
    ) -> None:
        ids = sorted(set(documents) | set(doc_ids))
        self.doc_index = {d: i for i, d in enumerate(ids)}
        self.docs = []
        for d in ids:
            meta = documents.get(d) or {}
            url = _text(meta.get("url"))
            self.docs.append(
                {
                    "id": d,
                    "title": _text(meta.get("title")) or d,
                    "date": _text(meta.get("date")),
                    "url": url if url.lower().startswith(("https://", "http://")) else "",
                    "rawUrl": url,
                }
            )
        sents = sorted(set(sentences))
        self.sent_index = {s: i for i, s in enumerate(sents)}
        self.sentences = [[self.doc_index[d], s, e, t] for d, s, e, t in sents]

    def evidence(self, ev: Mapping[str, Any]) -> dict[str, Any]:
        key = (_text(ev.get("doc")), int(ev.get("sentence_start") or 0), int(ev.get("sentence_end") or 0),
               _text(ev.get("sentence")))
        return {
            "s": self.sent_index[key],
            "rule": _text(ev.get("rule")),
            "conf": round(float(ev.get("confidence") or 0.0), 3),
            "subj": _text(ev.get("subject_text")),
            "obj": _text(ev.get("object_text")),
        }


def _sentence_key(ev: Mapping[str, Any]) -> tuple[str, int, int, str]:
    return (_text(ev.get("doc")), int(ev.get("sentence_start") or 0), int(ev.get("sentence_end") or 0),
            _text(ev.get("sentence")))


def _add_node(net: Any, n_id: str, label: str, shape: str, color: str, **options: Any) -> None:
    """pyvis's ``Network.add_node`` without its scan of every node id (ids here are unique).

    The same records pyvis 0.3.2 keeps (``nodes``, ``node_ids``, ``node_map``);
    its own method costs a list search per node, minutes at corpus size.
    """
    from pyvis.node import Node

    node = Node(n_id, shape, label=label or n_id, color=color, font_color=net.font_color, **options)
    net.nodes.append(node.options)
    net.node_ids.append(n_id)
    net.node_map[n_id] = node.options


def _add_edge(net: Any, source: str, to: str, **options: Any) -> None:
    """pyvis's ``Network.add_edge`` without its scan of every node per edge (both ends are drawn nodes)."""
    from pyvis.edge import Edge

    if source not in net.node_map or to not in net.node_map:
        raise ExportError(f"edge {source!r} -> {to!r} joins a node that is not drawn")
    net.edges.append(Edge(source, to, net.directed, **options).options)


def _posts(graph: nx.MultiDiGraph, n: str) -> tuple[list[str], list[Mapping[str, Any]]]:
    """The posts a person holds (``positions`` on the node, ``holds_position`` edge titles), former ones
    marked "former …", and the evidence of the node's ``positions``."""
    a = graph.nodes[n]
    posts: list[str] = []
    evidence: list[Mapping[str, Any]] = []
    for pos in a.get("positions") or []:
        if not isinstance(pos, Mapping):
            continue
        title = _text(pos.get("title")).strip()
        if title:
            posts.append(("former " if pos.get("former") else "") + title)
        evidence.extend(ev for ev in pos.get("evidence") or [] if isinstance(ev, Mapping))
    for _, _, e in graph.out_edges(n, data=True):
        title = _text(e.get("title")).strip()
        if e.get("relation") == "holds_position" and title:
            posts.append(("former " if e.get("former") else "") + title)
    return sorted(set(posts)), evidence


def _event_date(a: Mapping[str, Any], doc_date: str) -> str:
    """An event's ISO date: its normalised time, else its document's date, else ""."""
    time = _text(a.get("time")).strip()
    if _ISO_DATE.match(time):
        return time
    return doc_date if _ISO_DATE.match(doc_date) else ""


def build_network(graph: nx.MultiDiGraph, max_nodes: int | None = None) -> tuple[Any, dict[str, Any]]:
    """The pyvis ``Network`` for ``graph`` and the page metadata (documents, sentences, counts)."""
    from pyvis.network import Network

    shown, counts = select_nodes(graph, max_nodes)
    keep = set(shown)
    edges = sorted(
        ((str(s), str(o), str(k), a) for s, o, k, a in graph.edges(keys=True, data=True) if s in keep and o in keep),
        key=lambda e: (e[0], e[1], e[2]),
    )
    documents: Mapping[str, Any] = graph.graph.get("documents") or {}
    doc_ids: set[str] = set()
    sentences: set[tuple[str, int, int, str]] = set()
    posts: dict[str, tuple[list[str], list[Mapping[str, Any]]]] = {}
    for n in shown:
        a = graph.nodes[n]
        doc_ids.update(_text(m.get("doc")) for m in a.get("mentions") or [])
        if a.get("doc") is not None:
            doc_ids.add(_text(a["doc"]))
        doc_ids.update(_text(d) for d in a.get("docs") or [])  # a cross-document event's documents
        for ev in a.get("evidence") or []:
            sentences.add(_sentence_key(ev))
        if a.get("type") != "Event":
            posts[n] = _posts(graph, n)
            for ev in posts[n][1]:
                sentences.add(_sentence_key(ev))
    for _, _, _, a in edges:
        for ev in a.get("evidence") or []:
            sentences.add(_sentence_key(ev))
    doc_ids.update(s[0] for s in sentences)
    tables = _Tables(documents, doc_ids, sentences)

    # documents each node appears in (mentions, its own doc, evidence of its edges)
    node_docs: dict[str, set[int]] = defaultdict(set)
    for s, o, _, a in edges:
        for ev in a.get("evidence") or []:
            di = tables.doc_index[_text(ev.get("doc"))]
            node_docs[s].add(di)
            node_docs[o].add(di)

    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", heading="")
    event_types: set[str] = set()
    statuses: set[str] = set()
    types_present: set[str] = set()
    for n in shown:
        a = graph.nodes[n]
        typ = _text(a.get("type")) or "Entity"
        label = _text(a.get("label")) or n
        info: dict[str, Any] = {"wikidata": _text(a.get("wikidata"))}
        extra: dict[str, Any] = {}
        if typ == "Event":
            et = _text(a.get("event_type")) or "Other"
            event_types.add(et)
            status = _text(a.get("status")) or "reported"
            statuses.add(status)
            shape, colour = EVENT_SHAPE, EVENT_COLOURS.get(et, EVENT_COLOURS["Other"])
            doc = _text(a.get("doc"))
            if doc:
                node_docs[n].add(tables.doc_index[doc])
            size = 14.0
            info.update(
                {
                    "doc": tables.doc_index[doc] if doc else None,
                    "trigger": _text(a.get("trigger")),
                    "quote": _text(a.get("quote")),
                    "time": _text(a.get("time")),
                    "timeText": _text(a.get("time_text")),
                    "rule": _text(a.get("rule")),
                    "status": _text(a.get("status")) or "reported",
                    "conf": round(float(a.get("confidence") or 0.0), 3),
                    "evidence": [tables.evidence(ev) for ev in a.get("evidence") or []],
                }
            )
            told = [tables.doc_index[_text(d)] for d in a.get("docs") or []]
            if told:  # a cross-document event: every document, and why each other one's event joined
                node_docs[n].update(told)
                info["docs"] = told
                info["merges"] = [
                    {"doc": tables.doc_index[_text(m.get("doc"))], "trigger": _text(m.get("trigger")),
                     "rule": _text(m.get("rule")), "key": _text(m.get("key")), "evidence": _text(m.get("evidence"))}
                    for m in a.get("merges") or []
                    if _text(m.get("doc")) in tables.doc_index
                ]
            doc_date = tables.docs[tables.doc_index[doc]]["date"] if doc else ""
            extra.update({"status": status, "date": _event_date(a, doc_date)})
            aliases: list[str] = []
            mention_count = 1
        else:
            shape, colour = ENTITY_STYLE.get(typ, OTHER_STYLE)
            mentions = a.get("mentions") or []
            mention_count = int(a.get("mention_count") or len(mentions))
            per_doc = Counter(tables.doc_index[_text(m.get("doc"))] for m in mentions)
            node_docs[n].update(per_doc)
            size = _node_size(mention_count)
            aliases = [_text(x) for x in a.get("aliases") or []]
            titles, post_ev = posts[n]
            info.update({"mentions": mention_count, "docCounts": sorted(per_doc.items()),
                         "postEv": [tables.evidence(ev) for ev in post_ev]})
            extra["posts"] = titles
        types_present.add(typ)
        _add_node(
            net,
            n,
            label=label,
            shape=shape,
            color=colour,
            size=size,
            gtype=typ,
            etype=_text(a.get("event_type")) if typ == "Event" else "",
            aliases=aliases,
            docs=sorted(node_docs[n]),
            weight=mention_count,
            info=info,
            **extra,
        )

    for i, (s, o, _k, a) in enumerate(edges):
        relation = _text(a.get("relation")) or _k
        post = _text(a.get("title"))
        former = bool(a.get("former"))
        is_role = graph.nodes[s].get("type") == "Event"
        label = post if (relation == "holds_position" and post) else relation
        if former:
            label = "former " + label
        evs = [tables.evidence(ev) for ev in a.get("evidence") or []]
        opts: dict[str, Any] = {
            "id": f"e{i}",
            "elabel": label,
            "relation": relation,
            "post": post,
            "role": is_role,
            "ev": evs,
        }
        if former:
            opts["former"] = True
        _add_edge(net, s, o, **opts)

    net.options = _options()
    meta = {
        "docs": tables.docs,
        "sentences": tables.sentences,
        "counts": dict(counts, edges=len(edges), total_edges=graph.number_of_edges()),
        "limit": VIEW_LIMIT,
        "entityStyle": {t: {"shape": s, "color": c} for t, (s, c) in ENTITY_STYLE.items()},
        "eventColours": {t: EVENT_COLOURS.get(t, EVENT_COLOURS["Other"]) for t in sorted(event_types)},
        "statuses": [st for st in (*EVENT_STATUSES, *sorted(statuses - set(EVENT_STATUSES))) if st in statuses],
        "types": [t for t in (*ENTITY_TYPES, *sorted(types_present - set(ENTITY_TYPES) - {"Event"}), "Event")
                  if t in types_present],
        "eventShape": EVENT_SHAPE,
        "otherStyle": {"shape": OTHER_STYLE[0], "color": OTHER_STYLE[1]},
    }
    return net, meta


def _options() -> dict[str, Any]:
    """vis-network options: the page places every node itself (no physics), and draws labels itself."""
    return {
        "autoResize": True,
        "nodes": {"borderWidth": 1, "font": {"size": 0}},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "width": 1,
            "selectionWidth": 2,
            "smooth": False,
        },
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "physics": {"enabled": False, "stabilization": {"enabled": False}},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False, "keyboard": False,
                        "multiselect": False},
    }


def _core_node(n: Mapping[str, Any]) -> dict[str, Any]:
    """What the page needs of a node to choose, draw, filter and search: no evidence."""
    out = {k: n[k] for k in CORE_NODE_KEYS if k in n and n[k] != ""}
    info = n.get("info") or {}
    if n.get("gtype") == "Event":
        out["doc"] = info.get("doc")
        out["when"] = _text(info.get("time") or info.get("timeText"))
    return out


def _core_edge(e: Mapping[str, Any], sentences: list[list[Any]], index: Mapping[str, int]) -> dict[str, Any]:
    """What the page needs of an edge: its ends (node indexes), names, and the documents its evidence
    comes from; its id is ``e<position>``, its label left out when it is the relation's name."""
    out = {k: e[k] for k in CORE_EDGE_KEYS if k in e and e[k] not in ("", False)}
    out["from"], out["to"] = index[e["from"]], index[e["to"]]
    if out.get("elabel") == out.get("relation"):
        del out["elabel"]
    evs = e.get("ev") or []
    out["edocs"] = sorted({sentences[ev["s"]][0] for ev in evs})
    out["nev"] = len({ev["s"] for ev in evs})
    return out


def _columns(items: list[dict[str, Any]], keys: tuple[str, ...]) -> dict[str, Any]:
    """Records as ``{"keys": [...], "rows": [[...], ...]}`` (a missing value is null): key names once."""
    return {"keys": list(keys), "rows": [[it.get(k) for k in keys] for it in items]}


def _chunks(prefix: str, items: list[Any]) -> list[str]:
    """``items`` as ``<script type="application/json">`` blocks of DETAIL_CHUNK items each."""
    return [
        f'<script type="application/json" id="{prefix}{k}">{json_for_html(items[i : i + DETAIL_CHUNK])}</script>\n'
        for k, i in enumerate(range(0, len(items), DETAIL_CHUNK))
    ]


def render_html(graph: nx.MultiDiGraph, max_nodes: int | None = None) -> str:
    """The interactive page for ``graph`` as one self-contained HTML string."""
    net, meta = build_network(graph, max_nodes)
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    sentences = meta.pop("sentences")
    index = {n["id"]: i for i, n in enumerate(nodes)}
    if [e["id"] for e in edges] != [f"e{i}" for i in range(len(edges))]:
        raise ExportError("edge ids must be e0, e1, ... in order")
    meta["chunk"] = DETAIL_CHUNK
    core = {
        "nodes": _columns([_core_node(n) for n in nodes], CORE_NODE_KEYS),
        "edges": _columns([_core_edge(e, sentences, index) for e in edges], CORE_EDGE_KEYS),
        "options": json.loads(options),
        "meta": meta,
    }
    detail = (
        _chunks("gb-n-", [n.get("info") or {} for n in nodes])
        + _chunks("gb-e-", [e.get("ev") or [] for e in edges])
        + _chunks("gb-s-", sentences)
    )
    c = meta["counts"]
    title = f"graphbuild graph — {c['shown_entities']} entities, {c['shown_events']} events"
    template = _asset("page.html")
    parts = {
        "@@CSP@@": CSP,
        "@@TITLE@@": title,  # digits and ASCII only: no escaping needed
        "@@VIS_CSS@@": _style_text(_vis_asset("vis-network.css")),
        "@@PAGE_CSS@@": _style_text(_asset("graph.css")),
        "@@VIS_JS@@": _script_text(_vis_asset("vis-network.min.js")),
        "@@DATA@@": json_for_html(core),
        "@@DETAIL@@": "".join(detail),
        "@@PAGE_JS@@": _script_text(_asset("graph_layout.js") + "\n" + _asset("graph.js")),
    }
    out = []
    rest = template
    # replace markers in template order without rescanning inserted text
    while True:
        hits = [(rest.find(k), k) for k in parts if rest.find(k) >= 0]
        if not hits:
            out.append(rest)
            break
        pos, key = min(hits)
        out.append(rest[:pos])
        out.append(parts[key])
        rest = rest[pos + len(key) :]
    return "".join(out)


def write_html(graph: nx.MultiDiGraph, path: Path, max_nodes: int | None = None, **_: Any) -> None:
    """Write the interactive page for ``graph`` to ``path`` (UTF-8, atomically)."""
    text = render_html(graph, max_nodes=max_nodes)
    atomic_write_text(path, text)
    log.info("wrote %s (%d bytes)", path, len(text.encode("utf-8")))
