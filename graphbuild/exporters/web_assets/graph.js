/* graphbuild interactive graph page.
 *
 * Reads the JSON block #gb-data (every node and edge of the graph, vis options and page
 * metadata) and draws a *view* of it: by default the most connected entities and the
 * relations between them, events folded into their participants; filters, search and
 * "Expand"/"Focus" change the view, which is laid out again here (deterministic, with a
 * minimum distance between nodes).  Node and edge labels are drawn by this script, by
 * importance, only where they do not cover one another.
 * Text from articles is only ever put on screen with textContent / createTextNode or
 * canvas fillText, never as markup.
 * Globals, as in pyvis pages: window.network, window.nodes, window.edges (the drawn view).
 * window.graphbuildReady turns true after the first draw.
 */
(function () {
  "use strict";

  var t0 = performance.now();
  var data = JSON.parse(document.getElementById("gb-data").textContent);
  var timings = { parse: 0, index: 0, view: 0, layout: 0 };
  var meta = data.meta;
  var docs = meta.docs;
  /* nodes and edges come as {keys, rows}: rebuilt as objects (a null value is left out) */
  function records(table) {
    var keys = table.keys;
    return table.rows.map(function (row) {
      var o = {};
      for (var j = 0; j < keys.length; j++) { if (row[j] !== null) { o[keys[j]] = row[j]; } }
      return o;
    });
  }
  data.nodes = records(data.nodes);
  data.edges = records(data.edges);
  data.edges.forEach(function (e, i) {  // ends come as node positions, ids as e<position>
    e.id = "e" + i;
    e.from = data.nodes[e.from].id;
    e.to = data.nodes[e.to].id;
    if (e.elabel === undefined) { e.elabel = e.relation; }
    e.role = !!e.role;
  });
  data.nodes.forEach(function (n) { if (n.etype === undefined) { n.etype = ""; } });
  /* details (node info, edge evidence, sentences) sit in JSON blocks of meta.chunk items,
   * each parsed the first time the side panel needs one of its items */
  var CHUNK = meta.chunk || 500;
  var chunkCache = {};
  function chunk(prefix, i) {
    var key = prefix + Math.floor(i / CHUNK);
    if (!chunkCache[key]) {
      var block = document.getElementById(key);
      chunkCache[key] = block ? JSON.parse(block.textContent) : [];
    }
    return chunkCache[key][i % CHUNK];
  }
  function infoOf(n) { return chunk("gb-n-", n.index) || {}; }
  function evOf(e) { return chunk("gb-e-", e.index) || []; }
  function sentence(s) { return chunk("gb-s-", s) || [0, 0, 0, ""]; }
  var LIMIT = meta.limit || 150;  // nodes in the default view
  var VIEW_MAX = 400;             // nodes in any view
  var EVENT_MAX = 150;            // events in any view
  var NEIGHBOURS_MAX = 40;        // neighbours one expansion adds
  var LABEL_PX = 12;
  var EDGE_LABEL_PX = 11;
  /* how far each vis shape reaches from its centre, in units of its size */
  var REACH = { dot: 1, diamond: 1, hexagon: 1, triangle: 1.16, square: 1.42 };

  /* ---------- small DOM helpers (text only) ---------- */
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.appendChild(document.createTextNode(String(text))); }
    return e;
  }
  function clear(e) { while (e.firstChild) { e.removeChild(e.firstChild); } }
  var CLIP = {
    dot: "circle(50% at 50% 50%)",
    square: "inset(8%)",
    hexagon: "polygon(25% 5%, 75% 5%, 100% 50%, 75% 95%, 25% 95%, 0 50%)",
    triangle: "polygon(50% 5%, 100% 95%, 0 95%)",
    diamond: "polygon(50% 0, 100% 50%, 50% 100%, 0 50%)"
  };
  function swatch(shape, colour, size) {
    var s = el("span", "gb-swatch");
    var px = (size || 14) + "px";
    s.style.display = "inline-block";
    s.style.width = px;
    s.style.height = px;
    s.style.flex = "none";
    s.style.background = colour;
    s.style.clipPath = CLIP[shape] || CLIP.dot;
    return s;
  }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function cmpStr(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  /* ---------- indexes over the whole graph ---------- */
  var byId = {};
  var adjacent = {};   // node id -> [edge]
  var relNbrs = {};    // entity id -> {other entity id: [relation edge]}
  var coNbrs = {};     // entity id -> {other entity id: [event id]}
  var eventsOf = {};   // entity id -> [event id]
  var argsOf = {};     // event id -> [entity id]
  var edgeById = {};
  data.nodes.forEach(function (n, i) {
    n.index = i;
    byId[n.id] = n;
    adjacent[n.id] = [];
    n.isEvent = n.gtype === "Event";
    if (n.isEvent) { argsOf[n.id] = []; } else { relNbrs[n.id] = {}; coNbrs[n.id] = {}; eventsOf[n.id] = []; }
  });
  data.edges.forEach(function (e, i) {
    e.index = i;
    edgeById[e.id] = e;
    adjacent[e.from].push(e);
    if (e.to !== e.from) { adjacent[e.to].push(e); }
    if (e.role) {
      if (argsOf[e.from] && argsOf[e.from].indexOf(e.to) < 0 && relNbrs[e.to]) {
        argsOf[e.from].push(e.to);
        eventsOf[e.to].push(e.from);
      }
    } else if (e.from !== e.to && relNbrs[e.from] && relNbrs[e.to]) {
      (relNbrs[e.from][e.to] = relNbrs[e.from][e.to] || []).push(e);
      (relNbrs[e.to][e.from] = relNbrs[e.to][e.from] || []).push(e);
    }
  });
  Object.keys(argsOf).forEach(function (ev) {
    var a = argsOf[ev];
    for (var i = 0; i < a.length; i++) {
      for (var j = i + 1; j < a.length; j++) {
        (coNbrs[a[i]][a[j]] = coNbrs[a[i]][a[j]] || []).push(ev);
        (coNbrs[a[j]][a[i]] = coNbrs[a[j]][a[i]] || []).push(ev);
      }
    }
  });
  /* connectedness: distinct entities related directly (counted twice) or through a shared event */
  var score = {};
  data.nodes.forEach(function (n) {
    if (n.isEvent) {
      score[n.id] = argsOf[n.id].length;
    } else {
      var s = 2 * Object.keys(relNbrs[n.id]).length;
      Object.keys(coNbrs[n.id]).forEach(function (o) { if (!relNbrs[n.id][o]) { s += 1; } });
      score[n.id] = s;
    }
  });
  function byRank(a, b) {
    return (score[b] - score[a]) || ((byId[b].weight || 0) - (byId[a].weight || 0)) ||
      cmpStr(byId[a].label, byId[b].label) || cmpStr(a, b);
  }
  var entityIds = data.nodes.filter(function (n) { return !n.isEvent; }).map(function (n) { return n.id; });
  entityIds.sort(byRank);
  var eventIds = data.nodes.filter(function (n) { return n.isEvent; }).map(function (n) { return n.id; });
  var typeCount = {};
  data.nodes.forEach(function (n) { typeCount[n.gtype] = (typeCount[n.gtype] || 0) + 1; });
  var small = data.nodes.length <= LIMIT;
  timings.parse = Math.round(performance.now() - t0);  // a graph this small is shown whole, events and all

  var searchIndex = data.nodes.map(function (n) {
    return {
      id: n.id,
      names: [n.label].concat(n.aliases || []).map(function (s) { return String(s).toLowerCase(); }),
      posts: (n.posts || []).map(function (s) { return String(s).toLowerCase(); }),
      isEvent: n.isEvent,
      weight: n.weight || 0,
      label: n.label
    };
  });
  function styleOf(n) {
    if (n.isEvent) { return { shape: meta.eventShape, color: meta.eventColours[n.etype] || "#bab0ac" }; }
    return meta.entityStyle[n.gtype] || meta.otherStyle;
  }
  /* drawn size: the page's size, compressed in crowded views (8 to ~27 instead of 10 to 48) */
  var crowded = false;
  function drawnSize(n) { var s = n.size || 10; return crowded ? Math.round((8 + (s - 10) * 0.5) * 10) / 10 : s; }
  function reach(n) { return drawnSize(n) * (REACH[styleOf(n).shape] || 1.42); }

  timings.index = Math.round(performance.now() - t0) - timings.parse;

  /* ---------- filters ---------- */
  var state = { types: {}, etype: "", status: "", doc: "", from: "", to: "", expanded: [], focus: null };
  function resetState() {
    meta.types.forEach(function (t) { state.types[t] = !(t === "Event" && !small); });
    state.etype = "";
    state.status = "";
    state.doc = "";
    state.from = "";
    state.to = "";
    state.expanded = [];
    state.focus = null;
  }
  resetState();
  function dated() { return !!(state.from || state.to); }
  function inRange(date) {
    if (!dated()) { return true; }
    if (!date) { return false; }
    if (state.from && date < state.from.slice(0, date.length)) { return false; }
    if (state.to && date.slice(0, state.to.length) > state.to) { return false; }
    return true;
  }
  function docOK(i) {
    if (state.doc !== "" && i !== Number(state.doc)) { return false; }
    return !dated() || inRange(docs[i] ? docs[i].date : "");
  }
  function entityOK(id) {
    var n = byId[id];
    if (state.types[n.gtype] === false) { return false; }
    if (state.doc === "" && !dated()) { return true; }
    return n.docs.some(docOK);
  }
  function eventOK(id) {
    var n = byId[id];
    if (state.etype && n.etype !== state.etype) { return false; }
    if (state.status && (n.status || "reported") !== state.status) { return false; }
    // an event told by several documents (a cross-document event) is in each of them: its docs list them
    if (state.doc !== "" && n.doc !== Number(state.doc) && (n.docs || []).indexOf(Number(state.doc)) < 0) { return false; }
    return inRange(n.date || "");
  }
  function edgeOK(e) {
    if (state.doc === "" && !dated()) { return true; }
    return e.edocs.some(docOK);
  }

  /* ---------- the view: which nodes and edges are drawn ---------- */
  var view = { nodes: [], edges: [], shown: {}, events: {}, note: "" };
  function computeView() {
    var show = {};
    var order = [];
    var evs = {};
    var evOrder = [];
    var notes = [];
    var eventsOn = state.types.Event !== false;
    var eventDriven = !!(state.etype || state.status);
    function add(id) {
      if (!show[id] && order.length < VIEW_MAX && entityOK(id)) { show[id] = true; order.push(id); }
    }
    function addEvent(id) {
      if (!evs[id] && evOrder.length < EVENT_MAX) { evs[id] = true; evOrder.push(id); }
    }
    function neighbours(id) {
      // the entities related to id or sharing an event with it (under the filters), best first
      var out = {};
      Object.keys(relNbrs[id] || {}).forEach(function (o) { if (relNbrs[id][o].some(edgeOK)) { out[o] = 1; } });
      Object.keys(coNbrs[id] || {}).forEach(function (o) { if (coNbrs[id][o].some(eventOK)) { out[o] = 1; } });
      return Object.keys(out).filter(entityOK).sort(byRank);
    }
    var base = "overview";
    if (state.focus) {
      base = "focus";
    } else if (eventDriven) {
      base = "events";
      var matching = eventIds.filter(eventOK).filter(function (ev) {
        return argsOf[ev].length === 0 || argsOf[ev].some(entityOK);
      });
      matching.sort(function (a, b) {
        return (argsOf[b].length - argsOf[a].length) || cmpStr(byId[a].date || "", byId[b].date || "") || cmpStr(a, b);
      });
      matching.forEach(function (ev) {
        if (evOrder.length >= EVENT_MAX) { return; }
        addEvent(ev);
        argsOf[ev].forEach(add);
      });
      if (matching.length > evOrder.length) {
        notes.push(evOrder.length + " of " + matching.length + " matching events (those with most participants)");
      }
    } else if (small || state.doc !== "") {
      base = small ? "all" : "document";
      entityIds.forEach(add);
    } else {
      // the most connected entities, each linked to another one shown
      var cands = entityIds.filter(function (id) { return score[id] > 0 && entityOK(id); });
      var pick = cands.slice(0, LIMIT);
      for (var round = 0; round < 3; round++) {
        var inSet = {};
        pick.forEach(function (id) { inSet[id] = true; });
        var linked = pick.filter(function (id) {
          return neighbours(id).some(function (o) { return inSet[o]; });
        });
        if (linked.length === pick.length) { break; }
        var room = LIMIT - linked.length;
        var extra = [];
        var linkedSet = {};
        linked.forEach(function (id) { linkedSet[id] = true; });
        for (var k = 0; k < cands.length && extra.length < room; k++) {
          if (!linkedSet[cands[k]] && !inSet[cands[k]]) { extra.push(cands[k]); }
        }
        pick = linked.concat(extra);
      }
      var fin = {};
      pick.forEach(function (id) { fin[id] = true; });
      pick.filter(function (id) { return neighbours(id).some(function (o) { return fin[o]; }); }).forEach(add);
      var alone = entityIds.filter(entityOK).length - order.length;
      if (alone > 0) {
        notes.push("the " + order.length + " most connected entities; " + alone +
          " more (and the unconnected ones) are found by search or Expand");
      }
    }
    var centres = state.focus ? [state.focus].concat(state.expanded) : state.expanded;
    centres.forEach(function (id) {
      if (!byId[id]) { return; }
      if (byId[id].isEvent) {
        addEvent(id);
        argsOf[id].forEach(add);
        return;
      }
      if (!show[id] && order.length < VIEW_MAX) { show[id] = true; order.push(id); }
      var nb = neighbours(id);
      nb.slice(0, NEIGHBOURS_MAX).forEach(add);
      if (nb.length > NEIGHBOURS_MAX) {
        notes.push(byId[id].label + ": " + NEIGHBOURS_MAX + " of " + nb.length + " neighbours shown");
      }
      if (eventsOn) {
        eventsOf[id].filter(eventOK).slice(0, NEIGHBOURS_MAX).forEach(addEvent);
      }
    });
    if (eventsOn && !eventDriven && base !== "focus") {
      // the events of the entities shown, those joining two of them first
      var cand = {};
      order.forEach(function (id) { eventsOf[id].forEach(function (ev) { if (eventOK(ev)) { cand[ev] = 1; } }); });
      if (base === "all" || base === "document") {
        eventIds.forEach(function (ev) { if (eventOK(ev) && argsOf[ev].length === 0) { cand[ev] = 1; } });
      }
      var list = Object.keys(cand);
      function shownArgs(ev) { return argsOf[ev].filter(function (a) { return show[a]; }).length; }
      list.sort(function (a, b) { return (shownArgs(b) - shownArgs(a)) || cmpStr(a, b); });
      list.forEach(addEvent);
      if (list.length > evOrder.length) {
        notes.push(evOrder.length + " of " + list.length + " events of these entities");
      }
    }
    // nodes: entities then events
    var nodesOut = order.slice();
    evOrder.forEach(function (ev) { nodesOut.push(ev); });
    var shown = {};
    nodesOut.forEach(function (id) { shown[id] = true; });
    // edges: relations, event roles, and events folded into their participants
    var edgesOut = [];
    var seen = {};
    order.forEach(function (id) {
      Object.keys(relNbrs[id]).forEach(function (o) {
        if (!shown[o]) { return; }
        relNbrs[id][o].forEach(function (e) {
          if (!seen[e.id] && edgeOK(e)) { seen[e.id] = true; edgesOut.push({ kind: "rel", e: e, from: e.from, to: e.to }); }
        });
      });
    });
    evOrder.forEach(function (ev) {
      adjacent[ev].forEach(function (e) {
        if (e.role && e.from === ev && shown[e.to] && !seen[e.id]) {
          seen[e.id] = true;
          edgesOut.push({ kind: "role", e: e, from: e.from, to: e.to });
        }
      });
    });
    order.forEach(function (id) {
      Object.keys(coNbrs[id]).forEach(function (o) {
        if (!shown[o] || !(id < o) || relNbrs[id][o] && relNbrs[id][o].some(function (e) { return seen[e.id]; })) { return; }
        var folded = coNbrs[id][o].filter(function (ev) { return !shown[ev] && eventOK(ev); });
        if (folded.length) { edgesOut.push({ kind: "fold", from: id, to: o, events: folded, id: "f:" + id + "|" + o }); }
      });
    });
    view = { nodes: nodesOut, edges: edgesOut, shown: shown, events: evs, base: base, note: notes.join(" · ") };
    return view;
  }

  /* layout: graph_layout.js (window.gbLayout) */

  /* ---------- network ---------- */
  var container = document.getElementById("mynetwork");
  var nodes = new vis.DataSet([]);
  var edges = new vis.DataSet([]);
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  window.nodes = nodes;
  window.edges = edges;
  window.network = network;
  window.graphbuildReady = false;
  var status = document.getElementById("gb-status");
  var viewEdgeById = {};
  var viewAdj = {};

  /* plain-text tooltips (vis-network shows a string title as text) */
  function nodeTip(n) {
    var tip = [n.label];
    if (n.isEvent) {
      tip.push("Event · " + n.etype + (n.status && n.status !== "reported" ? " · " + n.status : ""));
      if (n.when) { tip.push("When: " + n.when); }
    } else {
      tip.push(n.gtype + " · " + plural(n.weight || 0, "mention"));
      var posts = n.posts || [];
      if (posts.length) { tip.push("Posts: " + posts.slice(0, 4).join("; ") + (posts.length > 4 ? " …" : "")); }
      var al = n.aliases || [];
      if (al.length) { tip.push("Also: " + al.slice(0, 8).join(", ") + (al.length > 8 ? " …" : "")); }
    }
    return tip.join("\n");
  }
  function edgeTip(e) {
    var tip = [byId[e.from].label + " —" + e.relation + "→ " + byId[e.to].label];
    if (e.post) { tip.push("Title: " + e.post); }
    if (e.former) { tip.push("Former (no longer holds)"); }
    tip.push(plural(e.nev || 0, "evidence sentence"));
    return tip.join("\n");
  }
  function visNode(id, pos) {
    var n = byId[id];
    var st = styleOf(n);
    return { id: id, shape: st.shape, color: st.color, size: drawnSize(n), title: nodeTip(n),
             x: pos.x, y: pos.y, gtype: n.gtype, etype: n.etype, label: undefined };
  }
  function visEdge(v, curve) {
    var item;
    if (v.kind === "fold") {
      var types = {};
      v.events.forEach(function (ev) { types[byId[ev].etype] = (types[byId[ev].etype] || 0) + 1; });
      var tnames = Object.keys(types).sort(function (a, b) { return (types[b] - types[a]) || cmpStr(a, b); });
      v.elabel = tnames[0] + (v.events.length > 1 ? " ×" + v.events.length : "");
      item = { id: v.id, from: v.from, to: v.to, kind: "fold", dashes: [2, 4], color: { color: "#c4c4c4" },
               arrows: { to: { enabled: false } },
               title: byId[v.from].label + " and " + byId[v.to].label + ": " + plural(v.events.length, "shared event") +
                 " (" + tnames.map(function (t) { return t + " " + types[t]; }).join(", ") + ")" };
    } else {
      var e = v.e;
      v.id = e.id;
      v.elabel = e.elabel;
      item = { id: e.id, from: e.from, to: e.to, kind: v.kind, role: e.role, dashes: e.role || !!e.former,
               color: { color: e.role ? "#b0b0b0" : "#7a7a7a" }, title: edgeTip(e) };
    }
    if (curve) { item.smooth = { enabled: true, type: "curvedCW", roundness: curve }; }
    return item;
  }
  function render(opts) {
    opts = opts || {};
    var tv = performance.now();
    computeView();
    timings.view = Math.round(performance.now() - tv);
    var prev = null;
    if (opts.keep) {
      prev = {};
      var old = network.getPositions();
      Object.keys(old).forEach(function (id) { if (view.shown[id]) { prev[id] = old[id]; } });
    }
    crowded = view.nodes.length > 60;
    var links = view.edges.map(function (v) { return [v.from, v.to]; });
    var tl = performance.now();
    var pos = gbLayout.layout(view.nodes, links, prev, view.nodes.map(function (id) { return reach(byId[id]); }));
    timings.layout = Math.round(performance.now() - tl);
    var parallel = {};
    var items = view.edges.map(function (v) {
      var key = v.from < v.to ? v.from + "\u0000" + v.to : v.to + "\u0000" + v.from;
      var kk = parallel[key] || 0;
      parallel[key] = kk + 1;
      return visEdge(v, kk ? Math.round((0.12 + 0.15 * kk) * 100) / 100 : 0);
    });
    viewEdgeById = {};
    viewAdj = {};
    view.nodes.forEach(function (id) { viewAdj[id] = []; });
    view.edges.forEach(function (v) { viewEdgeById[v.id] = v; viewAdj[v.from].push(v); viewAdj[v.to].push(v); });
    centre = null;
    hlNodes = [];
    hlEdges = [];
    edges.clear();
    nodes.clear();
    nodes.add(view.nodes.map(function (id) { return visNode(id, pos[id]); }));
    edges.add(items);
    updateChrome();
    fitView();
  }

  /* fit the picture into the canvas, clear of the legend on the left and the status line on top */
  function fitView() {
    var ids = nodes.getIds();
    var w = container.clientWidth;
    var h = container.clientHeight;
    if (!ids.length || !w || !h) { return; }
    var pos = network.getPositions(ids);
    var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    var scale0 = 0.7;
    ids.forEach(function (id) {
      var p = pos[id];
      var r = reach(byId[id]) + 6;
      var half = Math.min(110, 4 * String(byId[id].label).length) / scale0;  // room for the label
      x0 = Math.min(x0, p.x - Math.max(r, half)); x1 = Math.max(x1, p.x + Math.max(r, half));
      y0 = Math.min(y0, p.y - r); y1 = Math.max(y1, p.y + r + 18);
    });
    var legendBox = document.getElementById("gb-legend");
    var left = (legendBox && !legendBox.hidden ? legendBox.offsetWidth + 20 : 10);
    var top = 30;
    var availW = Math.max(100, w - left - 14);
    var availH = Math.max(100, h - top - 14);
    var scale = Math.min(availW / Math.max(1, x1 - x0), availH / Math.max(1, y1 - y0), 1.6);
    var cx = (x0 + x1) / 2 - (left - 14) / 2 / scale;
    var cy = (y0 + y1) / 2 - (top - 14) / 2 / scale;
    network.moveTo({ position: { x: cx, y: cy }, scale: scale, animation: false });
  }

  /* ---------- labels, drawn by importance where they fit ---------- */
  var labelBoxes = [];
  var edgeLabelBoxes = [];
  function overlaps(b, list) {
    for (var i = 0; i < list.length; i++) {
      var o = list[i];
      if (b.x < o.x + o.w && b.x + b.w > o.x && b.y < o.y + o.h && b.y + b.h > o.y) { return true; }
    }
    return false;
  }
  function shortLabel(s) { s = String(s); return s.length > 32 ? s.slice(0, 30) + "…" : s; }
  function drawLabels(ctx) {
    var body = network.body;
    var scale = network.getScale();
    var W = container.clientWidth;
    var H = container.clientHeight;
    var keep = null;
    if (centre !== null) { keep = {}; hlNodes.forEach(function (id) { keep[id] = true; }); }
    var sel = network.getSelectedNodes();
    var ids = view.nodes.filter(function (id) { return !keep || keep[id]; });
    var first = {};
    sel.forEach(function (id) { first[id] = 2; });
    if (centre !== null) { first[centre] = 2; }
    ids.sort(function (a, b) {
      return ((first[b] || 0) - (first[a] || 0)) || ((byId[a].isEvent ? 1 : 0) - (byId[b].isEvent ? 1 : 0)) ||
        ((byId[b].size || 0) - (byId[a].size || 0)) || byRank(a, b);
    });
    var boxes = [];
    ctx.save();
    ctx.font = (LABEL_PX / scale) + "px system-ui, sans-serif";
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    ctx.lineWidth = 3 / scale;
    ctx.strokeStyle = "#ffffff";
    ctx.fillStyle = "#1d1d1d";
    // the drawn nodes' screen boxes: a label may not cover another node
    var shapes = [];
    ids.forEach(function (id) {
      var vn = body.nodes[id];
      if (!vn) { return; }
      var p = network.canvasToDOM({ x: vn.x, y: vn.y });
      var r = reach(byId[id]) * scale;
      shapes.push({ id: id, x: p.x - r, y: p.y - r, w: 2 * r, h: 2 * r });
    });
    function coversNode(box) {
      for (var i = 0; i < shapes.length; i++) {
        var o = shapes[i];
        if (o.id !== box.id && box.x < o.x + o.w && box.x + box.w > o.x && box.y < o.y + o.h && box.y + box.h > o.y) {
          return true;
        }
      }
      return false;
    }
    var LH = LABEL_PX + 4;
    ids.forEach(function (id, rank) {
      var vn = body.nodes[id];
      if (!vn) { return; }
      var text = shortLabel(byId[id].label);
      var p = network.canvasToDOM({ x: vn.x, y: vn.y });
      var r = reach(byId[id]) * scale;
      var w = ctx.measureText(text).width * scale + 4;
      // below the node, else above, right, left
      var spots = [[p.x - w / 2, p.y + r + 1], [p.x - w / 2, p.y - r - 1 - LH], [p.x + r + 2, p.y - LH / 2],
                   [p.x - r - 2 - w, p.y - LH / 2]];
      var forced = !!first[id] || rank < 12;  // the selection and the top nodes may cover small nodes
      for (var k = 0; k < spots.length; k++) {
        var box = { id: id, x: spots[k][0], y: spots[k][1], w: w, h: LH };
        if (box.x + box.w < 0 || box.x > W || box.y > H || box.y + box.h < 0) { return; }
        if (overlaps(box, boxes) || (!forced && coversNode(box))) { continue; }
        boxes.push(box);
        var c = network.DOMtoCanvas({ x: box.x + w / 2, y: box.y + 2 });
        ctx.strokeText(text, c.x, c.y);
        ctx.fillText(text, c.x, c.y);
        return;
      }
    });
    // edge labels, fixed size on screen, where the edge is long enough and nothing is covered
    var eboxes = [];
    var elist = view.edges.filter(function (v) {
      return centre === null || hlEdges.indexOf(v.id) >= 0;
    });
    var prio = { rel: 0, fold: 1, role: 2 };
    elist.sort(function (a, b) { return (prio[a.kind] - prio[b.kind]) || cmpStr(a.id, b.id); });
    ctx.font = (EDGE_LABEL_PX / scale) + "px system-ui, sans-serif";
    ctx.textBaseline = "middle";
    ctx.fillStyle = "#555555";
    elist.forEach(function (v) {
      var be = body.edges[v.id];
      if (!be || !be.connected || !v.elabel) { return; }
      var a = network.canvasToDOM({ x: be.from.x, y: be.from.y });
      var b = network.canvasToDOM({ x: be.to.x, y: be.to.y });
      var len = Math.sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y));
      var text = shortLabel(v.elabel);
      var w = ctx.measureText(text).width * scale + 4;
      if (len < w + (reach(byId[v.from]) + reach(byId[v.to])) * scale + 8) { return; }
      var mid = be.edgeType.getPoint(0.5);
      var p = network.canvasToDOM(mid);
      var box = { id: v.id, x: p.x - w / 2, y: p.y - (EDGE_LABEL_PX + 4) / 2, w: w, h: EDGE_LABEL_PX + 4 };
      if (box.x + box.w < 0 || box.x > W || box.y > H || box.y + box.h < 0) { return; }
      if (overlaps(box, boxes) || overlaps(box, eboxes) || coversNode(box)) { return; }
      eboxes.push(box);
      ctx.strokeText(text, mid.x, mid.y);
      ctx.fillText(text, mid.x, mid.y);
    });
    ctx.restore();
    labelBoxes = boxes;
    edgeLabelBoxes = eboxes;
  }

  /* ---------- neighbourhood view ----------
   * After vis-network draws a frame, a translucent white sheet covers it and the centre, its
   * neighbours and the edges between them are drawn again on top (with vis-network's own node
   * and edge painters); then the labels.
   */
  var FADE = "rgba(255,255,255,0.9)";
  var centre = null;
  var hlNodes = [];
  var hlEdges = [];
  function highlight(id) {
    if (!view.shown[id]) { return; }
    var keep = {};
    keep[id] = true;
    hlEdges = [];
    viewAdj[id].forEach(function (v) { keep[v.from] = true; keep[v.to] = true; hlEdges.push(v.id); });
    hlNodes = Object.keys(keep).filter(function (n) { return n !== id; });
    hlNodes.push(id);  // the centre is drawn last, on top
    centre = id;
    network.redraw();
  }
  function unhighlight() {
    if (centre === null) { return; }
    centre = null;
    hlNodes = [];
    hlEdges = [];
    network.redraw();
  }
  function fadedIds() {
    if (centre === null) { return []; }
    var keep = {};
    hlNodes.forEach(function (n) { keep[n] = true; });
    return view.nodes.filter(function (n) { return !keep[n]; });
  }
  network.on("afterDrawing", function (ctx) {
    if (centre !== null) {
      var body = network.body;  // vis-network internals: drawn items by id (9.x)
      var pad = 50;
      var tl = network.DOMtoCanvas({ x: -pad, y: -pad });
      var br = network.DOMtoCanvas({ x: container.clientWidth + pad, y: container.clientHeight + pad });
      ctx.save();
      ctx.fillStyle = FADE;
      ctx.fillRect(tl.x, tl.y, br.x - tl.x, br.y - tl.y);
      ctx.restore();
      var live = [];
      hlEdges.forEach(function (eid) {
        var e = body.edges[eid];
        if (e && e.connected) { live.push(e); }
      });
      live.forEach(function (e) { e.draw(ctx); });
      live.forEach(function (e) { e.drawArrows(ctx); });
      hlNodes.forEach(function (nid) {
        var n = body.nodes[nid];
        if (n) { n.draw(ctx); }
      });
    }
    drawLabels(ctx);
  });

  /* ---------- side panel ---------- */
  var panel = document.getElementById("gb-panel");
  function hint() {
    clear(panel);
    panel.appendChild(el("p", "gb-hint",
      "Click a node or an edge to see its details and the sentences it was read from. Click the background to reset."));
  }
  function nodeLink(id) {
    var n = byId[id];
    var b = el("button", "gb-link", n ? n.label : id);
    b.type = "button";
    b.addEventListener("click", function () { focusNode(id); });
    return b;
  }
  function action(text, fn) {
    var b = el("button", "gb-action", text);
    b.type = "button";
    b.addEventListener("click", fn);
    return b;
  }
  function addRow(dl, key, value) {
    if (value === undefined || value === null || value === "") { return; }
    dl.appendChild(el("dt", null, key));
    var dd = el("dd");
    if (value instanceof Node) { dd.appendChild(value); } else { dd.appendChild(document.createTextNode(String(value))); }
    dl.appendChild(dd);
  }
  function docNode(i) {
    var d = docs[i];
    var span = el("span");
    if (!d) { return span; }
    if (d.url) {
      var a = el("a", null, d.title);
      a.href = d.url;  // only http(s) URLs reach d.url (checked when the page was built)
      a.rel = "noopener noreferrer";
      a.target = "_blank";
      span.appendChild(a);
    } else {
      span.appendChild(document.createTextNode(d.title));
    }
    if (d.date) { span.appendChild(document.createTextNode(" (" + d.date + ")")); }
    return span;
  }
  function markedSentence(text, needles) {
    // the sentence with the first occurrence of each needle wrapped in <mark>, built from text nodes
    var spans = [];
    needles.forEach(function (w) {
      if (!w) { return; }
      var i = text.indexOf(w);
      if (i >= 0) { spans.push([i, i + w.length]); }
    });
    spans.sort(function (a, b) { return a[0] - b[0]; });
    var out = el("div");
    var pos = 0;
    spans.forEach(function (s) {
      if (s[0] < pos) { return; }
      out.appendChild(document.createTextNode(text.slice(pos, s[0])));
      out.appendChild(el("mark", null, text.slice(s[0], s[1])));
      pos = s[1];
    });
    out.appendChild(document.createTextNode(text.slice(pos)));
    return out;
  }
  function evidenceList(list, limit) {
    var box = el("div");
    var seen = {};
    var shown = 0;
    list.forEach(function (ev) {
      if (seen[ev.s] || shown >= limit) { return; }
      seen[ev.s] = true;
      shown += 1;
      var s = sentence(ev.s);
      var item = el("div", "gb-ev");
      item.appendChild(markedSentence(s[3], [ev.subj, ev.obj]));
      var src = el("div", "gb-src");
      src.appendChild(docNode(s[0]));
      src.appendChild(document.createTextNode(" · rule " + ev.rule + " · confidence " + ev.conf));
      item.appendChild(src);
      box.appendChild(item);
    });
    var distinct = Object.keys(list.reduce(function (acc, ev) { acc[ev.s] = 1; return acc; }, {})).length;
    if (distinct > shown) { box.appendChild(el("p", "gb-hint", "… and " + (distinct - shown) + " more sentences")); }
    if (!shown) { box.appendChild(el("p", "gb-hint", "No evidence sentences.")); }
    return box;
  }
  function header(n, kind) {
    clear(panel);
    panel.appendChild(el("h2", null, n.label));
    var t = el("div", "gb-type");
    var st = styleOf(n);
    t.appendChild(swatch(st.shape, st.color));
    t.appendChild(document.createTextNode(kind));
    panel.appendChild(t);
  }
  function actions(id) {
    var bar = el("div", "gb-actions");
    var expanded = state.expanded.indexOf(id) >= 0;
    if (!expanded) {
      bar.appendChild(action("Expand", function () { expand(id); }));
    } else {
      bar.appendChild(action("Collapse", function () {
        state.expanded = state.expanded.filter(function (x) { return x !== id; });
        render({ keep: true });
        select(id);
      }));
    }
    if (state.focus !== id) { bar.appendChild(action("Focus", function () { focusOn(id); })); }
    panel.appendChild(bar);
  }
  function eventList(evIds, limit) {
    var counts = {};
    evIds.forEach(function (ev) { counts[byId[ev].etype] = (counts[byId[ev].etype] || 0) + 1; });
    var wrap = el("div");
    wrap.appendChild(el("p", "gb-counts", Object.keys(counts).sort(function (a, b) {
      return (counts[b] - counts[a]) || cmpStr(a, b);
    }).map(function (t) { return t + " " + counts[t]; }).join(" · ")));
    var ul = el("ul");
    evIds.slice(0, limit).forEach(function (ev) {
      var li = el("li");
      li.appendChild(nodeLink(ev));
      var others = argsOf[ev].length - 1;
      var extra = [byId[ev].date, byId[ev].status && byId[ev].status !== "reported" ? byId[ev].status : "",
                   others > 0 ? "with " + plural(others, "other") : ""].filter(Boolean).join(", ");
      if (extra) { li.appendChild(el("span", "gb-kind", extra)); }
      ul.appendChild(li);
    });
    if (evIds.length > limit) { ul.appendChild(el("li", "gb-hint", "… " + (evIds.length - limit) + " more")); }
    wrap.appendChild(ul);
    return wrap;
  }
  function showNode(id) {
    var n = byId[id];
    if (!n) { return; }
    var info = infoOf(n);
    var dl = el("dl");
    if (n.isEvent) {
      header(n, "Event · " + n.etype + (n.status && n.status !== "reported" ? " · " + n.status : ""));
      actions(id);
      panel.appendChild(dl);
      if (info.docs && info.docs.length > 1) {
        var told = el("span");
        info.docs.forEach(function (i, k) {
          if (k) { told.appendChild(document.createTextNode(" · ")); }
          told.appendChild(docNode(i));
        });
        addRow(dl, "Documents", told);
      } else {
        addRow(dl, "Document", info.doc === null ? "" : docNode(info.doc));
      }
      addRow(dl, "Trigger", info.trigger);
      addRow(dl, "When", [info.time, info.timeText ? "“" + info.timeText + "”" : ""].filter(Boolean).join(" "));
      addRow(dl, "Status", n.status);
      addRow(dl, "Rule", info.rule + " · confidence " + info.conf);
      if (info.quote) {
        panel.appendChild(el("h3", null, "Quote"));
        panel.appendChild(el("blockquote", null, info.quote));
      }
      panel.appendChild(el("h3", null, "Arguments"));
      var ul = el("ul");
      adjacent[id].forEach(function (e) {
        if (e.from !== id) { return; }
        var li = el("li");
        li.appendChild(document.createTextNode(e.relation + ": "));
        li.appendChild(nodeLink(e.to));
        ul.appendChild(li);
      });
      if (!ul.firstChild) { ul.appendChild(el("li", "gb-hint", "none")); }
      panel.appendChild(ul);
      panel.appendChild(el("h3", null, "Evidence"));
      panel.appendChild(evidenceList(info.evidence, 20));
      if (info.merges && info.merges.length) {
        panel.appendChild(el("h3", null, "Merged across documents"));
        var mul = el("ul");
        info.merges.forEach(function (m) {
          var li = el("li");
          li.appendChild(docNode(m.doc));
          li.appendChild(document.createTextNode(": “" + m.trigger + "” — " + m.evidence));
          li.appendChild(el("span", "gb-kind", m.rule + " · " + m.key));
          mul.appendChild(li);
        });
        panel.appendChild(mul);
      }
    } else {
      header(n, n.gtype);
      actions(id);
      panel.appendChild(dl);
      addRow(dl, "Id", n.id);
      addRow(dl, "Posts", (n.posts || []).join(" · "));
      addRow(dl, "Aliases", (n.aliases || []).join(" · "));
      addRow(dl, "Wikidata", info.wikidata);
      addRow(dl, "Mentions", info.mentions + " in " + plural(info.docCounts.length, "document"));
      var rels = adjacent[id].filter(function (e) { return !e.role; });
      var roles = adjacent[id].filter(function (e) { return e.role; });
      if (rels.length) {
        panel.appendChild(el("h3", null, "Relations (" + rels.length + ")"));
        var rl = el("ul");
        rels.slice(0, 60).forEach(function (e) {
          var li = el("li");
          var rel = e.relation + (e.post ? " (" + e.post + ")" : "") + (e.former ? " (former)" : "");
          if (e.from === e.to) {
            li.appendChild(document.createTextNode(rel));
          } else {
            var other = e.from === id ? e.to : e.from;
            li.appendChild(document.createTextNode(e.from === id ? rel + " → " : "← " + rel + " "));
            li.appendChild(nodeLink(other));
          }
          rl.appendChild(li);
        });
        if (rels.length > 60) { rl.appendChild(el("li", "gb-hint", "… " + (rels.length - 60) + " more")); }
        panel.appendChild(rl);
      }
      var evs = eventsOf[id];
      if (evs.length) {
        var hidden = evs.filter(function (ev) { return !view.shown[ev]; }).length;
        panel.appendChild(el("h3", null, "Events (" + evs.length + (hidden ? ", " + hidden + " folded" : "") + ")"));
        var sorted = evs.slice().sort(function (a, b) {
          return (argsOf[b].length - argsOf[a].length) || cmpStr(byId[a].etype, byId[b].etype) || cmpStr(a, b);
        });
        panel.appendChild(eventList(sorted, 40));
      }
      if (info.docCounts.length) {
        panel.appendChild(el("h3", null, "Documents"));
        var dul = el("ul");
        info.docCounts.slice(0, 30).forEach(function (dc) {
          var li = el("li");
          li.appendChild(docNode(dc[0]));
          li.appendChild(document.createTextNode(" · " + dc[1] + "×"));
          dul.appendChild(li);
        });
        if (info.docCounts.length > 30) { dul.appendChild(el("li", "gb-hint", "… " + (info.docCounts.length - 30) + " more")); }
        panel.appendChild(dul);
      }
      panel.appendChild(el("h3", null, "Evidence"));
      var all = (info.postEv || []).slice();
      rels.concat(roles).forEach(function (e) { all = all.concat(evOf(e)); });
      panel.appendChild(evidenceList(all, 25));
    }
  }
  function showEdge(id) {
    var v = viewEdgeById[id];
    if (v && v.kind === "fold") {
      clear(panel);
      panel.appendChild(el("h2", null, byId[v.from].label + " · " + byId[v.to].label));
      panel.appendChild(el("div", "gb-type", plural(v.events.length, "shared event") + " (folded)"));
      panel.appendChild(eventList(v.events, 40));
      return;
    }
    var e = edgeById[id];
    if (!e) { return; }
    clear(panel);
    panel.appendChild(el("h2", null, e.relation + (e.post ? ": " + e.post : "")));
    panel.appendChild(el("div", "gb-type", (e.role ? "Event role" : "Relation") + (e.former ? " · former" : "")));
    var dl = el("dl");
    addRow(dl, "From", nodeLink(e.from));
    addRow(dl, "To", nodeLink(e.to));
    addRow(dl, "Title", e.post);
    panel.appendChild(dl);
    panel.appendChild(el("h3", null, "Evidence"));
    panel.appendChild(evidenceList(evOf(e), 30));
  }

  /* ---------- selection, expansion, focus, search ---------- */
  function select(id) {
    network.selectNodes([id]);
    highlight(id);
    showNode(id);
  }
  function expand(id) {
    if (state.expanded.indexOf(id) < 0) { state.expanded.push(id); }
    render({ keep: true });
    select(id);
    // the view follows the neighbourhood just opened
    var around = viewAdj[id].map(function (v) { return v.from === id ? v.to : v.from; }).concat([id]);
    network.fit({ nodes: around, animation: false });
    network.moveTo({ scale: Math.min(network.getScale() * 0.9, 1.6), animation: false });
  }
  function focusOn(id) {
    state.focus = id;
    state.expanded = [];
    render();
    select(id);
  }
  function focusNode(id) {
    if (!byId[id]) { return false; }
    if (!view.shown[id]) {
      if (!byId[id].isEvent && !entityOK(id)) { resetState(); }
      focusOn(id);
    } else {
      select(id);
    }
    var scale = Math.max(network.getScale(), 0.9);
    network.focus(id, { scale: scale, animation: false });
    return true;
  }
  function search(q) {
    q = String(q).trim().toLowerCase();
    if (!q) { return []; }
    function rankIn(list) {
      var rank = 9;
      list.forEach(function (name) {
        var r = 9;
        if (name === q) { r = 0; }
        else if (name.indexOf(q) === 0) { r = 1; }
        else if (name.indexOf(" " + q) >= 0) { r = 2; }
        else if (name.indexOf(q) >= 0) { r = 3; }
        if (r < rank) { rank = r; }
      });
      return rank;
    }
    var hits = [];
    searchIndex.forEach(function (s) {
      var rank = rankIn(s.names);
      var post = null;
      if (rank > 0 && s.posts.length) {
        var pr = rankIn(s.posts);
        if (pr < rank) {
          rank = pr;
          post = byId[s.id].posts.filter(function (p) { return p.toLowerCase().indexOf(q) >= 0; })[0] || null;
        }
      }
      if (rank < 9) { hits.push({ id: s.id, rank: rank, isEvent: s.isEvent, weight: s.weight, label: s.label, post: post }); }
    });
    hits.sort(function (a, b) {
      return (a.rank - b.rank) || ((a.isEvent ? 1 : 0) - (b.isEvent ? 1 : 0)) || (b.weight - a.weight) ||
        cmpStr(a.label, b.label) || cmpStr(a.id, b.id);
    });
    return hits.slice(0, 25);
  }
  var searchBox = document.getElementById("gb-search");
  var results = document.getElementById("gb-results");
  var current = [];
  function showResults() {
    current = search(searchBox.value);
    clear(results);
    current.forEach(function (h, i) {
      var li = el("li", i === 0 ? "active" : null, h.label);
      li.setAttribute("role", "option");
      var n = byId[h.id];
      li.appendChild(el("span", "gb-kind", h.post ? h.post : n.isEvent ? n.etype : n.gtype));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); pick(h.id); });
      results.appendChild(li);
    });
    if (!current.length && searchBox.value.trim()) { results.appendChild(el("li", "gb-hint", "No match")); }
    results.hidden = !searchBox.value.trim();
  }
  function pick(id) {
    results.hidden = true;
    focusNode(id);
  }
  searchBox.addEventListener("input", showResults);
  searchBox.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      ev.preventDefault();
      current = search(searchBox.value);
      if (current.length) { pick(current[0].id); }
    } else if (ev.key === "Escape") {
      results.hidden = true;
    }
  });
  searchBox.addEventListener("blur", function () { results.hidden = true; });

  /* ---------- controls ---------- */
  var docSelect = document.getElementById("gb-doc");
  docs.forEach(function (d, i) {
    var o = el("option", null, d.title + (d.date ? " (" + d.date + ")" : ""));
    o.value = String(i);
    docSelect.appendChild(o);
  });
  var etypeSelect = document.getElementById("gb-etype");
  Object.keys(meta.eventColours).forEach(function (t) {
    var o = el("option", null, t);
    o.value = t;
    etypeSelect.appendChild(o);
  });
  var statusSelect = document.getElementById("gb-estatus");
  (meta.statuses || []).forEach(function (t) {
    var o = el("option", null, t);
    o.value = t;
    statusSelect.appendChild(o);
  });
  statusSelect.disabled = (meta.statuses || []).length < 2;
  var fromBox = document.getElementById("gb-from");
  var toBox = document.getElementById("gb-to");
  var dates = docs.map(function (d) { return d.date; }).filter(Boolean).sort();
  if (dates.length) { fromBox.min = toBox.min = dates[0].slice(0, 10); fromBox.max = toBox.max = dates[dates.length - 1].slice(0, 10); }
  function filtersChanged() {
    state.doc = docSelect.value;
    state.etype = etypeSelect.value;
    state.status = statusSelect.value;
    state.from = fromBox.value;
    state.to = toBox.value;
    state.focus = null;
    state.expanded = [];
    if (state.doc !== "" || state.etype || state.status) { state.types.Event = true; }  // events are what was asked for
    render();
    hint();
  }
  [docSelect, etypeSelect, statusSelect, fromBox, toBox].forEach(function (c) {
    c.addEventListener("change", filtersChanged);
  });
  document.getElementById("gb-fit").addEventListener("click", fitView);
  document.getElementById("gb-relayout").addEventListener("click", function () {
    var sel = network.getSelectedNodes();
    render();
    if (sel.length && view.shown[sel[0]]) { select(sel[0]); }
  });
  function resetAll() {
    searchBox.value = "";
    results.hidden = true;
    network.unselectAll();
    resetState();
    render();
    hint();
  }
  document.getElementById("gb-reset").addEventListener("click", resetAll);

  /* legend: one checkbox per node type (Event: show the events instead of folding them) */
  var legend = document.getElementById("gb-legend");
  var legendBoxes = [];
  var legendCounts = {};
  var etypeGrid = null;
  legend.appendChild(el("h2", null, "Legend · show"));
  meta.types.forEach(function (t) {
    var lab = el("label");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.value = t;
    box.className = "gb-type-toggle";
    box.setAttribute("data-type", t);
    box.addEventListener("change", function () { state.types[t] = box.checked; render({ keep: true }); hint(); });
    legendBoxes.push(box);
    lab.appendChild(box);
    var st = t === "Event" ? { shape: meta.eventShape, color: "#9a9a9a" } : (meta.entityStyle[t] || meta.otherStyle);
    lab.appendChild(swatch(st.shape, st.color));
    lab.appendChild(document.createTextNode(t === "Event" && !small ? "Events" : t));
    var cnt = el("span", "gb-count", String(typeCount[t] || 0));
    legendCounts[t] = cnt;
    lab.appendChild(cnt);
    legend.appendChild(lab);
    if (t === "Event") {
      var grid = el("div", "gb-etypes");
      Object.keys(meta.eventColours).forEach(function (et) {
        var chip = el("span");
        chip.appendChild(swatch(meta.eventShape, meta.eventColours[et], 10));
        chip.appendChild(document.createTextNode(et));
        grid.appendChild(chip);
      });
      legend.appendChild(grid);
      etypeGrid = grid;
    }
  });
  legend.appendChild(el("div", "gb-edgekey", "── relation   ┄┄ event role"));
  legend.appendChild(el("div", "gb-edgekey", "··· shared events (folded)"));
  legend.appendChild(el("div", "gb-edgekey", "size = mentions"));

  var note = document.getElementById("gb-note");
  function updateChrome() {
    legendBoxes.forEach(function (b) { b.checked = state.types[b.value] !== false; });
    docSelect.value = state.doc;
    etypeSelect.value = state.etype;
    statusSelect.value = state.status;
    fromBox.value = state.from;
    toBox.value = state.to;
    var vc = {};
    view.nodes.forEach(function (id) { vc[byId[id].gtype] = (vc[byId[id].gtype] || 0) + 1; });
    meta.types.forEach(function (t) { legendCounts[t].textContent = (vc[t] || 0) + " / " + (typeCount[t] || 0); });
    if (etypeGrid) { etypeGrid.hidden = !vc.Event; }
    var ents = view.nodes.length - Object.keys(view.events).length;
    status.textContent = ents + (ents === 1 ? " entity" : " entities") + " · " +
      plural(Object.keys(view.events).length, "event") + " · " + plural(view.edges.length, "edge") + " shown";
    var c = meta.counts;
    var parts = [];
    if (c.shown_entities < c.entities || c.shown_events < c.events) {
      parts.push("This page keeps " + c.shown_entities + " of " + c.entities + " entities (the most mentioned) and " +
        c.shown_events + " of " + c.events + " events");
    }
    if (view.base === "focus") { parts.push("Focus on " + byId[state.focus].label + " (Reset for the overview)"); }
    if (view.note) { parts.push("Showing " + view.note); }
    note.textContent = parts.join(" · ");
    note.hidden = !parts.length;
  }

  /* ---------- clicks ---------- */
  network.on("click", function (p) {
    if (p.nodes.length) {
      highlight(p.nodes[0]);
      showNode(p.nodes[0]);
    } else if (p.edges.length) {
      unhighlight();
      showEdge(p.edges[0]);
    } else {
      unhighlight();
      hint();
    }
  });

  /* ---------- first draw ---------- */
  render();
  network.once("afterDrawing", function () {
    window.graphbuildReadyAt = performance.now();
    window.graphbuildTimings = timings;
    window.graphbuildReady = true;
    document.documentElement.setAttribute("data-graphbuild-ready", "1");
  });
  network.redraw();

  window.graphbuild = {
    search: search,
    focusNode: focusNode,
    expand: expand,
    focusOn: focusOn,
    highlight: highlight,
    unhighlight: unhighlight,
    faded: fadedIds,
    render: render,
    clearFilters: resetAll,
    state: state,
    view: function () { return view; },
    labelBoxes: function () { return labelBoxes.slice(); },
    edgeLabelBoxes: function () { return edgeLabelBoxes.slice(); },
    reach: function (id) { return reach(byId[id]); },
    data: data,
    centre: function () { return centre; }
  };
}());
