/* graphbuild interactive graph page.
 *
 * Reads the JSON block #gb-data (vis nodes, edges, options and page metadata),
 * builds vis-network and wires the controls.  Text from articles is only ever
 * put on screen with textContent / createTextNode, never as markup.
 * Globals, as in pyvis pages: window.network, window.nodes, window.edges.
 * window.graphbuildReady turns true after the first draw of the settled graph.
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("gb-data").textContent);
  var meta = data.meta;
  var docs = meta.docs;
  var sentences = meta.sentences;

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

  /* ---------- indexes ---------- */
  var byId = {};
  var adjacent = {};  // node id -> [edge]
  data.nodes.forEach(function (n) { byId[n.id] = n; adjacent[n.id] = []; });
  var edgeById = {};
  data.edges.forEach(function (e) {
    edgeById[e.id] = e;
    adjacent[e.from].push(e);
    if (e.to !== e.from) { adjacent[e.to].push(e); }
  });
  var typeCount = {};
  data.nodes.forEach(function (n) { typeCount[n.gtype] = (typeCount[n.gtype] || 0) + 1; });
  var searchIndex = data.nodes.map(function (n) {
    return {
      id: n.id,
      names: [n.label].concat(n.aliases || []).map(function (s) { return String(s).toLowerCase(); }),
      isEvent: n.gtype === "Event",
      weight: n.weight || 0,
      label: n.label
    };
  });
  function styleOf(n) {
    if (n.gtype === "Event") { return { shape: meta.eventShape, color: meta.eventColours[n.etype] || "#bab0ac" }; }
    return meta.entityStyle[n.gtype] || meta.otherStyle;
  }
  function docTitle(i) { return (i === null || i === undefined || !docs[i]) ? "" : docs[i].title; }

  /* ---------- network ---------- */
  var container = document.getElementById("mynetwork");
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  window.nodes = nodes;
  window.edges = edges;
  window.network = network;
  window.graphbuildReady = false;

  var status = document.getElementById("gb-status");
  /* fit the whole graph, leaving room on the left for the legend that floats over the canvas */
  function fitView() {
    network.fit({ animation: false });
    var legendBox = document.getElementById("gb-legend");
    var w = legendBox ? legendBox.offsetWidth : 0;
    var scale = network.getScale() * 0.94;
    var pos = network.getViewPosition();
    network.moveTo({ position: { x: pos.x - (w / 2) / scale, y: pos.y }, scale: scale, animation: false });
  }
  function markReady() {
    if (window.graphbuildReady) { return; }
    fitView();
    window.graphbuildReadyAt = performance.now();
    window.graphbuildReady = true;
    document.documentElement.setAttribute("data-graphbuild-ready", "1");
    status.textContent = meta.counts.shown_entities + " entities · " + meta.counts.shown_events + " events · " +
      meta.counts.edges + " edges";
  }
  var physicsOn = !!(data.options.physics && data.options.physics.enabled);
  if (physicsOn) {
    var settled = function () { network.once("afterDrawing", markReady); network.redraw(); };
    network.once("stabilizationIterationsDone", settled);
    network.on("stabilizationProgress", function (p) {
      status.textContent = "Laying out… " + Math.round(100 * p.iterations / p.total) + "%";
    });
  } else {
    network.once("afterDrawing", markReady);
  }

  /* ---------- neighbourhood view ----------
   * Fading every other node through DataSet updates costs seconds at 5,000 nodes, so the view
   * is drawn instead: after vis-network draws a frame, a translucent white sheet covers it and
   * the centre, its neighbours and the edges between them are drawn again on top (with
   * vis-network's own node and edge painters), so the cost follows the neighbourhood's size.
   */
  var FADE = "rgba(255,255,255,0.9)";
  var centre = null;
  var hlNodes = [];
  var hlEdges = [];
  function highlight(id) {
    if (!byId[id]) { return; }
    var keep = {};
    keep[id] = true;
    hlEdges = [];
    adjacent[id].forEach(function (e) { keep[e.from] = true; keep[e.to] = true; hlEdges.push(e.id); });
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
    return data.nodes.filter(function (n) { return !keep[n.id]; }).map(function (n) { return n.id; });
  }
  network.on("afterDrawing", function (ctx) {
    if (centre === null) { return; }
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
      if (e && e.connected && !e.options.hidden && !hiddenEdges[eid]) { live.push(e); }
    });
    live.forEach(function (e) { e.draw(ctx); });
    live.forEach(function (e) { e.drawArrows(ctx); });
    if (meta.large) {
      // large pages carry no edge labels in vis-network: label the neighbourhood's edges here
      var size = 11 / network.getScale();
      ctx.save();
      ctx.font = size + "px sans-serif";
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      ctx.lineWidth = size / 3;
      ctx.strokeStyle = "#ffffff";
      ctx.fillStyle = "#444444";
      live.forEach(function (e) {
        var text = edgeById[e.id].elabel;
        if (!text) { return; }
        var mx = (e.from.x + e.to.x) / 2;
        var my = (e.from.y + e.to.y) / 2;
        ctx.strokeText(text, mx, my);
        ctx.fillText(text, mx, my);
      });
      ctx.restore();
    }
    var labels = [];
    hlNodes.forEach(function (nid) {
      var n = body.nodes[nid];
      if (n && !hiddenNodes[nid]) {
        var r = n.draw(ctx);
        if (r && r.drawExternalLabel) { labels.push(r.drawExternalLabel); }
      }
    });
    labels.forEach(function (f) { f(); });
  });

  /* ---------- filters ---------- */
  var state = { types: {}, etype: "", doc: "" };
  meta.types.forEach(function (t) { state.types[t] = true; });
  var hiddenNodes = {};
  var hiddenEdges = {};
  function visible(n) {
    if (state.types[n.gtype] === false) { return false; }
    if (state.etype && n.gtype === "Event" && n.etype !== state.etype) { return false; }
    if (state.doc !== "" && n.docs.indexOf(Number(state.doc)) < 0) { return false; }
    return true;
  }
  function applyFilters() {
    var nu = [];
    var eu = [];
    data.nodes.forEach(function (n) {
      var hide = !visible(n);
      if (hide !== !!hiddenNodes[n.id]) {
        nu.push({ id: n.id, hidden: hide });
        if (hide) { hiddenNodes[n.id] = true; } else { delete hiddenNodes[n.id]; }
      }
    });
    data.edges.forEach(function (e) {
      var hide = !!hiddenNodes[e.from] || !!hiddenNodes[e.to];
      if (state.doc !== "" && !hide) {
        var d = Number(state.doc);
        hide = !e.ev.some(function (ev) { return sentences[ev.s][0] === d; }) && !e.role;
      }
      if (hide !== !!hiddenEdges[e.id]) {
        eu.push({ id: e.id, hidden: hide });
        if (hide) { hiddenEdges[e.id] = true; } else { delete hiddenEdges[e.id]; }
      }
    });
    if (nu.length) { nodes.update(nu); }
    if (eu.length) { edges.update(eu); }
    legendBoxes.forEach(function (b) { b.checked = state.types[b.value] !== false; });
    docSelect.value = state.doc;
    etypeSelect.value = state.etype;
  }
  function clearFilters() {
    meta.types.forEach(function (t) { state.types[t] = true; });
    state.etype = "";
    state.doc = "";
    applyFilters();
  }

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
      var s = sentences[ev.s];
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
  function showNode(id) {
    var n = byId[id];
    if (!n) { return; }
    var info = n.info;
    var dl = el("dl");
    if (n.gtype === "Event") {
      header(n, "Event · " + n.etype);
      panel.appendChild(dl);
      addRow(dl, "Document", info.doc === null ? "" : docNode(info.doc));
      addRow(dl, "Trigger", info.trigger);
      addRow(dl, "When", [info.time, info.timeText ? "“" + info.timeText + "”" : ""].filter(Boolean).join(" "));
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
    } else {
      header(n, n.gtype);
      panel.appendChild(dl);
      addRow(dl, "Id", n.id);
      addRow(dl, "Aliases", (n.aliases || []).join(" · "));
      addRow(dl, "Wikidata", info.wikidata);
      addRow(dl, "Mentions", info.mentions + " in " + info.docCounts.length + " document" +
        (info.docCounts.length === 1 ? "" : "s"));
      var rels = adjacent[id].filter(function (e) { return !e.role; });
      var roles = adjacent[id].filter(function (e) { return e.role; });
      if (rels.length) {
        panel.appendChild(el("h3", null, "Relations"));
        var rl = el("ul");
        rels.forEach(function (e) {
          var li = el("li");
          var other = e.from === id ? e.to : e.from;
          var rel = e.relation + (e.post ? " (" + e.post + ")" : "");
          li.appendChild(document.createTextNode(e.from === id ? rel + " → " : "← " + rel + " "));
          li.appendChild(nodeLink(other));
          rl.appendChild(li);
        });
        panel.appendChild(rl);
      }
      if (roles.length) {
        panel.appendChild(el("h3", null, "Events"));
        var evl = el("ul");
        roles.slice(0, 40).forEach(function (e) {
          var li = el("li");
          li.appendChild(document.createTextNode(e.relation + " in "));
          li.appendChild(nodeLink(e.from));
          evl.appendChild(li);
        });
        if (roles.length > 40) { evl.appendChild(el("li", "gb-hint", "… " + (roles.length - 40) + " more")); }
        panel.appendChild(evl);
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
      var all = [];
      rels.concat(roles).forEach(function (e) { all = all.concat(e.ev); });
      panel.appendChild(evidenceList(all, 25));
    }
  }
  function showEdge(id) {
    var e = edgeById[id];
    if (!e) { return; }
    clear(panel);
    panel.appendChild(el("h2", null, e.relation + (e.post ? ": " + e.post : "")));
    panel.appendChild(el("div", "gb-type", e.role ? "Event role" : "Relation"));
    var dl = el("dl");
    addRow(dl, "From", nodeLink(e.from));
    addRow(dl, "To", nodeLink(e.to));
    addRow(dl, "Title", e.post);
    panel.appendChild(dl);
    panel.appendChild(el("h3", null, "Evidence"));
    panel.appendChild(evidenceList(e.ev, 30));
  }

  /* ---------- focus and search ---------- */
  function focusNode(id) {
    if (!byId[id]) { return false; }
    if (hiddenNodes[id]) { clearFilters(); }
    network.selectNodes([id]);
    highlight(id);
    showNode(id);
    var scale = meta.large ? Math.max(network.getScale(), 1.2) : network.getScale();
    network.focus(id, { scale: scale, animation: meta.large ? false : { duration: 350, easingFunction: "easeInOutQuad" } });
    return true;
  }
  function search(q) {
    q = String(q).trim().toLowerCase();
    if (!q) { return []; }
    var hits = [];
    searchIndex.forEach(function (s) {
      var rank = 9;
      s.names.forEach(function (name) {
        var r = 9;
        if (name === q) { r = 0; }
        else if (name.indexOf(q) === 0) { r = 1; }
        else if (name.indexOf(" " + q) >= 0) { r = 2; }
        else if (name.indexOf(q) >= 0) { r = 3; }
        if (r < rank) { rank = r; }
      });
      if (rank < 9) { hits.push({ id: s.id, rank: rank, isEvent: s.isEvent, weight: s.weight, label: s.label }); }
    });
    hits.sort(function (a, b) {
      return (a.rank - b.rank) || ((a.isEvent ? 1 : 0) - (b.isEvent ? 1 : 0)) || (b.weight - a.weight) ||
        (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
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
      li.appendChild(el("span", "gb-kind", byId[h.id].gtype === "Event" ? byId[h.id].etype : byId[h.id].gtype));
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
  docSelect.addEventListener("change", function () { state.doc = docSelect.value; applyFilters(); });
  var etypeSelect = document.getElementById("gb-etype");
  Object.keys(meta.eventColours).forEach(function (t) {
    var o = el("option", null, t);
    o.value = t;
    etypeSelect.appendChild(o);
  });
  etypeSelect.addEventListener("change", function () { state.etype = etypeSelect.value; applyFilters(); });
  var physicsBox = document.getElementById("gb-physics");
  physicsBox.checked = physicsOn;
  physicsBox.addEventListener("change", function () {
    network.setOptions({ physics: { enabled: physicsBox.checked } });
  });
  document.getElementById("gb-fit").addEventListener("click", fitView);
  document.getElementById("gb-reset").addEventListener("click", function () {
    searchBox.value = "";
    results.hidden = true;
    network.unselectAll();
    unhighlight();
    clearFilters();
    hint();
    fitView();
  });

  /* legend: one checkbox per node type, colour chips per event type */
  var legend = document.getElementById("gb-legend");
  var legendBoxes = [];
  legend.appendChild(el("h2", null, "Legend · show"));
  meta.types.forEach(function (t) {
    var lab = el("label");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = t;
    box.className = "gb-type-toggle";
    box.setAttribute("data-type", t);
    box.addEventListener("change", function () { state.types[t] = box.checked; applyFilters(); });
    legendBoxes.push(box);
    lab.appendChild(box);
    var st = t === "Event" ? { shape: meta.eventShape, color: "#9a9a9a" } : (meta.entityStyle[t] || meta.otherStyle);
    lab.appendChild(swatch(st.shape, st.color));
    lab.appendChild(document.createTextNode(t));
    lab.appendChild(el("span", "gb-count", String(typeCount[t] || 0)));
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
    }
  });
  legend.appendChild(el("div", "gb-edgekey", "── relation   ┄┄ event role"));
  legend.appendChild(el("div", "gb-edgekey", "size = mentions"));

  /* truncation note */
  var c = meta.counts;
  if (c.shown_entities < c.entities || c.shown_events < c.events) {
    var note = document.getElementById("gb-note");
    note.textContent = "Showing " + c.shown_entities + " of " + c.entities + " entities (the most mentioned) and " +
      c.shown_events + " of " + c.events + " events (those involving them); " +
      (c.entities - c.shown_entities) + " entities and " + (c.events - c.shown_events) + " events are left out.";
    note.hidden = false;
  }
  document.getElementById("gb-title").textContent = "graphbuild · " + c.shown_entities + " entities · " +
    c.shown_events + " events · " + docs.length + " documents";

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

  window.graphbuild = {
    search: search,
    focusNode: focusNode,
    highlight: highlight,
    unhighlight: unhighlight,
    faded: fadedIds,
    applyFilters: applyFilters,
    clearFilters: clearFilters,
    state: state,
    centre: function () { return centre; }
  };
}());
