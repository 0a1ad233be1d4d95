/* graphbuild page layout: positions for the nodes of a view.
 *
 * gbLayout.layout(ids, links, prev, radii) -> {id: {x, y}}: ids in rank order, links as
 * [id, id] pairs, prev (optional) positions to keep, radii how far each node's shape reaches.
 * Deterministic (seeded from the ids): each connected piece gets a force layout, a large piece
 * is evened out to a disc of even density, the pieces are packed around the largest, and
 * every pair of nodes ends at least r_i + r_j + GAP apart.
 */
var gbLayout = (function () {
  "use strict";

  var GAP = 14;  // canvas units between node rims
  function hash(s) {
    var h = 2166136261;
    for (var i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 16777619); }
    return (h >>> 0) / 4294967296;
  }
  var GOLDEN = Math.PI * (3 - Math.sqrt(5));
  /* forces on nodes 0..n-1 (Fruchterman-Reingold with a pull to the centroid), in place */
  function force(n, x, y, r, L, iters, t) {
    var k = 90;
    var k2 = k * k;
    var grav = 0.15;
    var mass = new Float64Array(n).fill(1);  // hubs push harder, so their neighbours get room
    for (var q = 0; q < L.length; q++) { mass[L[q][0]] += 0.25; mass[L[q][1]] += 0.25; }
    for (q = 0; q < n; q++) { mass[q] = Math.sqrt(mass[q]); }  // repulsion scales with sqrt(m_i m_j)
    var decay = Math.pow(1.5 / t, 1 / iters);
    var dx = new Float64Array(n);
    var dy = new Float64Array(n);
    var i, j;
    for (var it = 0; it < iters; it++) {
      dx.fill(0);
      dy.fill(0);
      var cx = 0;
      var cy = 0;
      for (i = 0; i < n; i++) { cx += x[i]; cy += y[i]; }
      cx /= n || 1;
      cy /= n || 1;
      for (i = 0; i < n; i++) {
        for (j = i + 1; j < n; j++) {
          var ddx = x[i] - x[j];
          var ddy = y[i] - y[j];
          var d2 = ddx * ddx + ddy * ddy;
          if (d2 < 0.01) { ddx = 0.1; ddy = 0; d2 = 0.01; }
          var minD = r[i] + r[j] + GAP;
          var f = k2 * mass[i] * mass[j] / d2;
          if (d2 < minD * minD) { f *= 4; }
          dx[i] += ddx * f; dy[i] += ddy * f;
          dx[j] -= ddx * f; dy[j] -= ddy * f;
        }
      }
      for (var m = 0; m < L.length; m++) {
        var a = L[m][0];
        var b = L[m][1];
        var lx = x[a] - x[b];
        var ly = y[a] - y[b];
        var g = Math.sqrt(lx * lx + ly * ly) / k;
        dx[a] -= lx * g; dy[a] -= ly * g;
        dx[b] += lx * g; dy[b] += ly * g;
      }
      for (i = 0; i < n; i++) {
        dx[i] -= (x[i] - cx) * grav;
        dy[i] -= (y[i] - cy) * grav;
        var len = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
        if (len > 0) {
          var step = Math.min(len, t);
          x[i] += dx[i] / len * step;
          y[i] += dy[i] / len * step;
        }
      }
      t *= decay;
    }
  }
  /* even out the density of a piece: a dense core and long tails become a disc of even density
   * (each node keeps its direction from the centre and its rank in distance), then relax a little */
  function even(m, px, py, cx, cy, pr, pl) {
    var order = [];
    var area = 0;
    for (var i = 0; i < m; i++) {
      order.push(i);
      var room = 2 * pr[i] + 46;
      area += room * room;
    }
    var dist = order.map(function (i) { return Math.sqrt((px[i] - cx) * (px[i] - cx) + (py[i] - cy) * (py[i] - cy)); });
    order.sort(function (a, b) { return (dist[a] - dist[b]) || (a - b); });
    var R = Math.sqrt(area / Math.PI);
    order.forEach(function (i, rank) {
      var target = R * Math.sqrt((rank + 0.5) / m);
      var d = dist[i] || 1;
      px[i] = cx + (px[i] - cx) / d * target;
      py[i] = cy + (py[i] - cy) / d * target;
    });
    force(m, px, py, pr, pl, 40, 20);
  }
  /* initial positions: kept ones, else near a placed neighbour, else on a sunflower spiral */
  function seedPositions(ids, nb, x, y, placed, k) {
    for (var i = 0; i < ids.length; i++) {
      if (placed[i]) { continue; }
      var h = hash(ids[i]) * 2 * Math.PI;
      var anchor = -1;
      for (var j = 0; j < nb[i].length; j++) { if (placed[nb[i][j]]) { anchor = nb[i][j]; break; } }
      if (anchor >= 0) {
        x[i] = x[anchor] + Math.cos(h) * k;
        y[i] = y[anchor] + Math.sin(h) * k;
      } else {
        var rad = k * 0.9 * Math.sqrt(i + 1);
        x[i] = rad * Math.cos(i * GOLDEN) + Math.cos(h);
        y[i] = rad * Math.sin(i * GOLDEN) + Math.sin(h);
      }
      placed[i] = 1;
    }
  }
  /* positions for ids (in rank order) joined by links: each connected piece laid out alone and
   * the pieces packed around the largest; with prev, kept nodes start where they were and the
   * whole view is relaxed together */
  function layout(ids, links, prev, radii) {
    var n = ids.length;
    var idx = {};
    ids.forEach(function (id, i) { idx[id] = i; });
    var x = new Float64Array(n);
    var y = new Float64Array(n);
    var r = new Float64Array(n);
    var placed = new Uint8Array(n);
    var nb = ids.map(function () { return []; });
    var L = [];
    links.forEach(function (l) {
      var a = idx[l[0]];
      var b = idx[l[1]];
      if (a === undefined || b === undefined || a === b) { return; }
      L.push([a, b]);
      nb[a].push(b);
      nb[b].push(a);
    });
    var kept = 0;
    ids.forEach(function (id, i) {
      r[i] = radii[i];
      if (prev && prev[id]) { x[i] = prev[id].x; y[i] = prev[id].y; placed[i] = 1; kept += 1; }
    });
    if (kept >= n / 2) {
      seedPositions(ids, nb, x, y, placed, 90);
      force(n, x, y, r, L, 120, 30);
    } else {
      // connected pieces, largest first (ties: best-ranked first node)
      var comp = new Int32Array(n).fill(-1);
      var pieces = [];
      for (var s = 0; s < n; s++) {
        if (comp[s] >= 0) { continue; }
        var members = [s];
        comp[s] = pieces.length;
        for (var q = 0; q < members.length; q++) {
          nb[members[q]].forEach(function (m) { if (comp[m] < 0) { comp[m] = pieces.length; members.push(m); } });
        }
        members.sort(function (a, b) { return a - b; });
        pieces.push(members);
      }
      pieces.sort(function (a, b) { return (b.length - a.length) || (a[0] - b[0]); });
      var circles = [];  // packed pieces: [cx, cy, radius]
      pieces.forEach(function (members, pi) {
        var m = members.length;
        var local = {};
        members.forEach(function (g, li) { local[g] = li; });
        var px = new Float64Array(m);
        var py = new Float64Array(m);
        var pr = new Float64Array(m);
        var pnb = members.map(function (g) { return nb[g].map(function (o) { return local[o]; }); });
        var pl = [];
        members.forEach(function (g, li) {
          pr[li] = r[g];
          pnb[li].forEach(function (o) { if (li < o) { pl.push([li, o]); } });
        });
        seedPositions(members.map(function (g) { return ids[g]; }), pnb, px, py, new Uint8Array(m), 90);
        if (m > 1) { force(m, px, py, pr, pl, m > 200 ? 150 : m > 3 ? 300 : 80, 270); }
        var cx = 0;
        var cy = 0;
        for (var i = 0; i < m; i++) { cx += px[i]; cy += py[i]; }
        cx /= m;
        cy /= m;
        if (m > 12) { even(m, px, py, cx, cy, pr, pl); }
        var rad = 0;
        for (i = 0; i < m; i++) {
          px[i] -= cx;
          py[i] -= cy;
          rad = Math.max(rad, Math.sqrt(px[i] * px[i] + py[i] * py[i]) + pr[i]);
        }
        // the first piece at the centre, each next one at the first free spot on a spiral around it
        var ox = 0;
        var oy = 0;
        if (pi > 0) {
          for (var step = 0; step < 20000; step++) {
            var dist = circles[0][2] + rad + GAP + 12 * Math.sqrt(step);
            var ang = step * GOLDEN;
            ox = Math.cos(ang) * dist;
            oy = Math.sin(ang) * dist * 0.75;
            var free = true;
            for (var c = 0; c < circles.length; c++) {
              var ddx = ox - circles[c][0];
              var ddy = oy - circles[c][1];
              var need = circles[c][2] + rad + GAP * 2;
              if (ddx * ddx + ddy * ddy < need * need) { free = false; break; }
            }
            if (free) { break; }
          }
        }
        circles.push([ox, oy, rad]);
        members.forEach(function (g, li) { x[g] = px[li] + ox; y[g] = py[li] + oy; });
      });
    }
    separate(ids, x, y, r);
    var out = {};
    ids.forEach(function (id, i) { out[id] = { x: Math.round(x[i] * 10) / 10, y: Math.round(y[i] * 10) / 10 }; });
    return out;
  }
  /* push overlapping pairs apart until every pair is at least r_i + r_j + GAP apart */
  function separate(ids, x, y, r) {
    var n = ids.length;
    for (var pass = 0; pass < 500; pass++) {
      var moved = false;
      for (var i = 0; i < n; i++) {
        for (var j = i + 1; j < n; j++) {
          var dx = x[i] - x[j];
          var dy = y[i] - y[j];
          var minD = r[i] + r[j] + GAP;
          var d2 = dx * dx + dy * dy;
          if (d2 >= minD * minD) { continue; }
          var d = Math.sqrt(d2);
          if (d < 1e-6) {
            var a = (hash(ids[i] + "|" + ids[j]) + 0.1) * 2 * Math.PI;
            dx = Math.cos(a);
            dy = Math.sin(a);
            d = 1;
          }
          var push = (minD - d) / 2 + 0.5;
          x[i] += dx / d * push; y[i] += dy / d * push;
          x[j] -= dx / d * push; y[j] -= dy / d * push;
          moved = true;
        }
      }
      if (!moved) { return; }
    }
  }


  return { layout: layout, hash: hash, GAP: GAP };
}());
