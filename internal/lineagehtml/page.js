// Renders the lineage data of the page into SVG, with dagre's layout.
// Every string from the data is set with textContent, never as markup.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var body = document.body;

  function el(name, attrs, parent) {
    var e = document.createElementNS(SVG, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }
  function html(name, text, parent, cls) {
    var e = document.createElement(name);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    if (parent) parent.appendChild(e);
    return e;
  }
  function shortID(id) {
    return id.length > 20 ? id.slice(0, 10) + "…" + id.slice(-6) : id;
  }

  try {
    var data = JSON.parse(document.getElementById("lineage-data").textContent);
    var pay = data.payment || null;
    var byID = {};
    data.nodes.forEach(function (n) { byID[n.id] = n; });

    var g = new dagre.graphlib.Graph({ multigraph: true });
    g.setGraph({ rankdir: "TB", nodesep: 40, ranksep: 70, marginx: 20, marginy: 20 });
    g.setDefaultEdgeLabel(function () { return {}; });

    // Node boxes are sized from their longest line before layout.
    var measure = el("text", { class: "measure" }, document.getElementById("graph"));
    function textWidth(s, cls) {
      measure.setAttribute("class", cls);
      measure.textContent = s;
      return measure.getComputedTextLength();
    }
    data.nodes.forEach(function (n) {
      n.lines = [
        { text: n.name || shortID(n.id), cls: "name" },
        { text: n.missing ? "manifest not at hand" : (n.kind || ""), cls: "kind" },
        { text: shortID(n.id), cls: "cid" },
      ];
      if (pay && pay.received && pay.received[n.id] !== undefined) {
        n.lines.push({ text: "receives " + pay.received[n.id], cls: "received" });
      }
      var w = 0;
      n.lines.forEach(function (l) { w = Math.max(w, textWidth(l.text, l.cls)); });
      g.setNode(n.id, { width: Math.ceil(w) + 24, height: 16 * n.lines.length + 16 });
    });
    measure.remove();
    data.edges.forEach(function (e, i) {
      // Parents are laid out above their derivatives.
      g.setEdge(e.parent, e.child, { label: e.relation + " " + e.share, width: 8 * (e.relation.length + e.share.length + 1), height: 14, labelpos: "c", index: i }, "e" + i);
    });
    dagre.layout(g);

    var svg = document.getElementById("graph");
    var gi = g.graph();
    svg.setAttribute("viewBox", "0 0 " + Math.ceil(gi.width) + " " + Math.ceil(gi.height));
    svg.setAttribute("width", Math.ceil(gi.width));
    svg.setAttribute("height", Math.ceil(gi.height));
    var defs = el("defs", {}, svg);
    var marker = el("marker", { id: "arrow", viewBox: "0 0 10 10", refX: "10", refY: "5", markerWidth: "8", markerHeight: "8", orient: "auto-start-reverse" }, defs);
    el("path", { d: "M 0 0 L 10 5 L 0 10 z", class: "arrowhead" }, marker);

    // Edges point from the derivative to what it was made from, the way
    // royalties flow.
    g.edges().forEach(function (ed) {
      var lab = g.edge(ed);
      var pts = lab.points.map(function (p) { return p.x.toFixed(1) + "," + p.y.toFixed(1); });
      var grp = el("g", { class: "edge" }, svg);
      el("polyline", { points: pts.join(" "), "marker-start": "url(#arrow)" }, grp);
      var t = el("text", { x: lab.x, y: lab.y + 4, "text-anchor": "middle", class: "edge-label" }, grp);
      t.textContent = lab.label;
    });

    var maxReceived = 0;
    if (pay && pay.received) {
      for (var k in pay.received) maxReceived = Math.max(maxReceived, Number(pay.received[k]) || 0);
    }
    var details = document.getElementById("details");
    function showDetails(n) {
      details.textContent = "";
      html("h2", n.name || n.id, details);
      html("p", n.id, details, "cid");
      if (n.kind) html("p", "kind: " + n.kind, details);
      if (!n.contributors || n.contributors.length === 0) {
        html("p", "no contributors recorded", details, "hint");
        return;
      }
      var table = html("table", undefined, details);
      var head = html("tr", undefined, table);
      ["contributor", "role", "share"].forEach(function (h) { html("th", h, head); });
      n.contributors.forEach(function (c) {
        var tr = html("tr", undefined, table);
        html("td", c.id, tr, "id");
        html("td", c.role || "", tr);
        html("td", c.share, tr, "num");
      });
    }

    g.nodes().forEach(function (id) {
      var pos = g.node(id), n = byID[id];
      var cls = "node" + (n.missing ? " missing" : "") + (pay && pay.artifact === id ? " paid" : "");
      var grp = el("g", { class: cls, "data-id": id, tabindex: "0", transform: "translate(" + (pos.x - pos.width / 2).toFixed(1) + "," + (pos.y - pos.height / 2).toFixed(1) + ")" }, svg);
      var rect = el("rect", { width: pos.width, height: pos.height, rx: 6 }, grp);
      if (maxReceived > 0 && pay.received[id] !== undefined) {
        var f = (Number(pay.received[id]) || 0) / maxReceived;
        rect.style.fill = "rgba(46, 160, 67, " + (0.12 + 0.5 * f).toFixed(3) + ")";
      }
      n.lines.forEach(function (l, i) {
        var t = el("text", { x: 12, y: 22 + 16 * i, class: l.cls }, grp);
        t.textContent = l.text;
      });
      var title = el("title", {}, grp);
      title.textContent = id;
      grp.addEventListener("click", function () { showDetails(n); });
      grp.addEventListener("keydown", function (ev) { if (ev.key === "Enter") showDetails(n); });
    });

    var summary = document.getElementById("summary");
    summary.textContent = data.nodes.length + " artifacts, " + data.edges.length + " lineage links";
    if (pay) {
      summary.textContent += "; payment of " + pay.amount + " to " + (byID[pay.artifact].name || pay.artifact) + " (" + pay.policy + " policy)";
      var p = document.getElementById("payment");
      html("h2", "Who gets what", p);
      var table = html("table", undefined, p);
      var head = html("tr", undefined, table);
      ["recipient", "amount"].forEach(function (h) { html("th", h, head); });
      pay.recipients.forEach(function (r) {
        var tr = html("tr", undefined, table);
        html("td", r.recipient, tr, "id");
        html("td", r.amount, tr, "num");
      });
    }
    body.setAttribute("data-rendered", "ok");
  } catch (err) {
    var e = document.getElementById("error");
    e.hidden = false;
    e.textContent = "The lineage could not be drawn: " + err;
    body.setAttribute("data-rendered", "error");
  }
})();
