// Entity co-occurrence network: the most-mentioned entities, linked by the number of articles they share,
// laid out by a small force simulation (repulsion between all nodes, springs along links), deterministic.
"use strict";
(() => {
  const { el, fill, svg, api, param, entityUrl, typeNames, showError } = Marsad;
  const main = document.getElementById("main");
  const args = { type: param("type") || "", entities: param("entities") || "40", min: param("min") || "1" };
  const colours = { PER: "#1f6fb2", ORG: "#8a3ea0", LOC: "#1c8a4a", MISC: "#a0652a" };

  const typeSelect = el("select", { name: "type" }, el("option", { value: "" }, "كل الأنواع"),
    Object.entries(typeNames).map(([k, v]) => el("option", { value: k, selected: args.type === k ? "selected" : null }, v)));
  const form = el("form", { class: "filters", method: "get", action: "/network" },
    el("label", null, "النوع", typeSelect),
    el("label", null, "عدد الكيانات", el("input", { name: "entities", type: "number", min: 2, max: 200, value: args.entities })),
    el("label", null, "أقل عدد مقالات مشتركة", el("input", { name: "min", type: "number", min: 1, value: args.min })),
    el("button", { type: "submit" }, "عرض"));
  const chart = el("section", { id: "chart" });
  fill(main, el("h1", null, "شبكة الكيانات"), el("p", { class: "meta" }, "كيانات ترد معًا في المقالات نفسها؛ سُمك الخط بعدد المقالات المشتركة."), form, chart);

  function layout(nodes, links, W, H) {
    const n = nodes.length;
    nodes.forEach((d, i) => {
      const a = 2 * Math.PI * i / n, r = Math.min(W, H) * 0.35;
      d.x = W / 2 + r * Math.cos(a); d.y = H / 2 + r * Math.sin(a);
    });
    const k = Math.sqrt(W * H / Math.max(1, n)) * 0.9;
    const maxW = Math.max(1, ...links.map((l) => l.articles));
    for (let it = 0, temp = W / 8; it < 300; it++, temp *= 0.985) {
      for (const d of nodes) { d.dx = 0; d.dy = 0; }
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const a = nodes[i], b = nodes[j];
          let dx = a.x - b.x, dy = a.y - b.y;
          const dist = Math.max(1, Math.hypot(dx, dy));
          const f = k * k / dist;
          dx /= dist; dy /= dist;
          a.dx += dx * f; a.dy += dy * f; b.dx -= dx * f; b.dy -= dy * f;
        }
      }
      for (const l of links) {
        const a = l.s, b = l.t;
        let dx = a.x - b.x, dy = a.y - b.y;
        const dist = Math.max(1, Math.hypot(dx, dy));
        const f = dist * dist / k * (0.3 + 0.7 * l.articles / maxW);
        dx /= dist; dy /= dist;
        a.dx -= dx * f; a.dy -= dy * f; b.dx += dx * f; b.dy += dy * f;
      }
      for (const d of nodes) {
        // gravity keeps unlinked nodes on the canvas
        d.dx += (W / 2 - d.x) * 0.02 * k / 10; d.dy += (H / 2 - d.y) * 0.02 * k / 10;
        const len = Math.max(1e-9, Math.hypot(d.dx, d.dy));
        d.x = Math.min(W - 30, Math.max(30, d.x + d.dx / len * Math.min(len, temp)));
        d.y = Math.min(H - 20, Math.max(20, d.y + d.dy / len * Math.min(len, temp)));
      }
    }
  }

  function draw(net) {
    if (net.nodes.length === 0) {
      fill(chart, el("p", { class: "meta", id: "empty" }, "لا توجد كيانات."));
      return;
    }
    const W = 1000, H = 700;
    const byKey = new Map(net.nodes.map((e) => [e.key, Object.assign({}, e)]));
    const nodes = [...byKey.values()];
    const links = net.edges.filter((l) => byKey.has(l.source) && byKey.has(l.target))
      .map((l) => ({ s: byKey.get(l.source), t: byKey.get(l.target), articles: l.articles }));
    layout(nodes, links, W, H);
    const maxA = Math.max(1, ...nodes.map((d) => d.articles));
    const maxW = Math.max(1, ...links.map((l) => l.articles));
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, id: "network-svg", role: "img", "aria-label": "شبكة الكيانات" });
    const g = svg("g", { class: "links" });
    for (const l of links) {
      g.appendChild(svg("line", { class: "link", x1: l.s.x.toFixed(1), y1: l.s.y.toFixed(1), x2: l.t.x.toFixed(1), y2: l.t.y.toFixed(1), "stroke-width": (0.5 + 5 * l.articles / maxW).toFixed(2) },
        svg("title", null, `${l.s.canonical} — ${l.t.canonical}: ${l.articles}`)));
    }
    root.appendChild(g);
    for (const d of nodes) {
      const r = 4 + 14 * Math.sqrt(d.articles / maxA);
      root.appendChild(svg("a", { href: entityUrl(d.key), class: "node" },
        svg("circle", { cx: d.x.toFixed(1), cy: d.y.toFixed(1), r: r.toFixed(1), fill: colours[d.type] || "#777" }, svg("title", null, `${d.canonical} (${typeNames[d.type] || d.type}، ${d.articles})`)),
        svg("text", { x: d.x.toFixed(1), y: (d.y - r - 3).toFixed(1), "text-anchor": "middle", direction: "rtl" }, d.canonical)));
    }
    fill(chart, el("p", { class: "meta", id: "count" }, `${nodes.length} كيانًا، ${links.length} صلة`), root);
  }

  api("/api/network", { type: args.type, entities: args.entities, min: args.min }).then(draw).catch((e) => showError(chart, e));
})();
