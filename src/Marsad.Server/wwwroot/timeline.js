// Events timeline: one lane per CAMEO root, events placed by date (event date, else publication), coloured by quad class.
"use strict";
(() => {
  const { el, fill, svg, api, param, articleUrl, cameoRoots, showError } = Marsad;
  const main = document.getElementById("main");
  const args = { actor: param("actor") || "", root: param("root") || "", from: param("from") || "", to: param("to") || "" };

  const rootSelect = el("select", { name: "root" }, el("option", { value: "" }, "كل الأنواع"),
    Object.entries(cameoRoots).map(([k, v]) => el("option", { value: k, selected: args.root === k ? "selected" : null }, `${k} ${v}`)));
  const form = el("form", { class: "filters", method: "get", action: "/timeline" },
    el("label", null, "الفاعل", el("input", { name: "actor", value: args.actor })),
    el("label", null, "النوع", rootSelect),
    el("label", null, "من", el("input", { name: "from", type: "date", value: args.from })),
    el("label", null, "إلى", el("input", { name: "to", type: "date", value: args.to })),
    el("button", { type: "submit" }, "عرض"));
  const chart = el("section", { id: "chart" });
  fill(main, el("h1", null, "الخط الزمني للأحداث"), form, chart);

  function dayOf(v) {
    const s = (v.date && /^\d{4}-\d{2}-\d{2}/.test(v.date) ? v.date : v.published) || "";
    const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(s);
    return m ? Date.UTC(+m[1], +m[2] - 1, m[3] ? +m[3] : 15) : null;
  }

  function draw(events) {
    const dated = events.map((v) => ({ v, t: dayOf(v) })).filter((x) => x.t !== null);
    if (dated.length === 0) {
      fill(chart, el("p", { class: "meta", id: "empty" }, "لا توجد أحداث مؤرَّخة."));
      return;
    }
    const roots = [...new Set(dated.map((x) => x.v.root || "??"))].sort();
    const W = 1000, laneH = 28, left = 150, right = 60, top = 20, H = top + roots.length * laneH + 40;
    let t0 = Math.min(...dated.map((x) => x.t)), t1 = Math.max(...dated.map((x) => x.t));
    if (t1 - t0 < 86400000 * 2) { t0 -= 86400000 * 3; t1 += 86400000 * 3; }
    const x = (t) => left + (W - left - right) * (t - t0) / (t1 - t0);
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", id: "timeline-svg", "aria-label": "الخط الزمني" });
    roots.forEach((r, i) => {
      const y = top + i * laneH + laneH / 2;
      root.appendChild(svg("line", { class: "lane", x1: left, x2: W - right, y1: y, y2: y }));
      root.appendChild(svg("text", { class: "lane-label", x: left - 6, y: y + 4, "text-anchor": "end" }, `${r} ${cameoRoots[r] || ""}`));
    });
    // axis: about eight ticks
    const axis = svg("g", { class: "axis" });
    for (let k = 0; k <= 8; k++) {
      const t = t0 + (t1 - t0) * k / 8;
      const d = new Date(t).toISOString().slice(0, 10);
      axis.appendChild(svg("text", { x: x(t), y: H - 12, "text-anchor": "middle" }, d));
    }
    root.appendChild(axis);
    const jitter = new Map();
    for (const { v, t } of dated) {
      const lane = roots.indexOf(v.root || "??");
      const cx = x(t);
      const slot = `${lane}:${Math.round(cx / 6)}`;
      const n = jitter.get(slot) || 0;
      jitter.set(slot, n + 1);
      const cy = top + lane * laneH + laneH / 2 + [0, -6, 6][n % 3];
      const label = `${v.code || ""} ${cameoRoots[v.root] || ""}: ${v.actor || "؟"} ← ${v.target || "؟"}${v.place ? " — " + v.place : ""} (${v.date || v.published || ""}) — ${v.article_title || ""}`;
      const quad = v.event && v.event.quad_class ? v.event.quad_class : 1;
      root.appendChild(svg("a", { href: articleUrl(v.article_id), class: "event-dot" },
        svg("circle", { cx: cx.toFixed(1), cy: cy.toFixed(1), r: 5, class: "quad" + quad }, svg("title", null, label))));
    }
    fill(chart, el("p", { class: "meta", id: "count" }, `${dated.length} حدثًا مؤرَّخًا`), root);
  }

  api("/api/events", Object.assign({ limit: 500 }, args)).then((r) => draw(r.items)).catch((e) => showError(chart, e));
})();
