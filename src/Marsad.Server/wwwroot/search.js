// Search page: full-text search with filters; without a query, the latest articles.
"use strict";
(() => {
  const { el, fill, api, param, articleUrl, typeNames, fmtDate, showError } = Marsad;
  const main = document.getElementById("main");
  const fields = ["q", "section", "from", "to", "type", "place", "speaker", "entity"];
  const args = Object.fromEntries(fields.map((f) => [f, param(f) || ""]));
  const offset = Math.max(0, parseInt(param("offset") || "0", 10) || 0);
  const limit = 20;

  function input(name, label, type, attrs) {
    return el("label", null, label, el("input", Object.assign({ name, type: type || "text", value: args[name] }, attrs || {})));
  }

  const typeSelect = el("select", { name: "type" }, el("option", { value: "" }, "أي نوع"),
    Object.entries(typeNames).map(([k, v]) => el("option", { value: k, selected: args.type === k ? "selected" : null }, v)));
  const form = el("form", { class: "filters", method: "get", action: "/", role: "search" },
    el("label", null, "ابحث في الأرشيف", el("input", { id: "q", name: "q", type: "search", value: args.q, placeholder: "مثال: مجلس الأمن" })),
    input("section", "القسم"), input("from", "من تاريخ", "date"), input("to", "إلى تاريخ", "date"),
    el("label", null, "نوع الكيان", typeSelect), input("place", "المكان"), input("speaker", "المتحدث"),
    args.entity ? el("input", { type: "hidden", name: "entity", value: args.entity }) : null,
    el("button", { type: "submit" }, "بحث"));
  const results = el("section", { id: "results", "aria-live": "polite" });
  const stats = el("p", { class: "meta", id: "stats" });
  fill(main, el("h1", null, "البحث في الأرشيف"), form, stats, results);

  api("/api/stats").then((s) => {
    stats.textContent = `${s.articles} مقالًا، ${s.entities} كيانًا، ${s.quotes} اقتباسًا، ${s.events} حدثًا` +
      (s.first_published ? ` — من ${fmtDate(s.first_published)} إلى ${fmtDate(s.last_published)}` : "");
  }).catch(() => {});

  function pager(total, next) {
    const nav = el("nav", { class: "pager" });
    const base = new URLSearchParams(location.search);
    if (offset > 0) {
      base.set("offset", String(Math.max(0, offset - limit)));
      nav.appendChild(el("a", { href: "/?" + base.toString() }, "السابق"));
    }
    if (next) {
      base.set("offset", String(offset + limit));
      nav.appendChild(el("a", { href: "/?" + base.toString(), id: "next" }, "التالي"));
    }
    return nav;
  }

  /** The snippet with its highlights as <mark> elements, built from text nodes. */
  function snippet(s) {
    const p = el("p", { class: "snippet" });
    let at = 0;
    for (const [start, end] of s.highlights) {
      if (start < at || end > s.text.length) continue;
      p.appendChild(document.createTextNode(s.text.slice(at, start)));
      p.appendChild(el("mark", null, s.text.slice(start, end)));
      at = end;
    }
    p.appendChild(document.createTextNode(s.text.slice(at)));
    return p;
  }

  async function run() {
    const filters = { section: args.section, from: args.from, to: args.to, type: args.type, place: args.place, speaker: args.speaker, entity: args.entity, limit, offset };
    try {
      if (args.q.trim()) {
        const r = await api("/api/search", Object.assign({ q: args.q }, filters));
        const list = el("ol", { class: "hits", start: offset + 1 });
        for (const h of r.hits) {
          list.appendChild(el("li", { class: "hit" },
            el("a", { class: "title", href: articleUrl(h.id) }, h.title || "(بلا عنوان)"),
            el("div", { class: "meta" }, [fmtDate(h.published), h.section].filter(Boolean).join(" · ")),
            snippet(h.snippet)));
        }
        fill(results, el("p", { class: "meta", id: "total" }, `${r.total} نتيجة`), list, pager(r.total, r.next));
      } else {
        const r = await api("/api/articles", filters);
        const list = el("ol", { class: "hits", start: offset + 1 });
        for (const a of r.items) {
          list.appendChild(el("li", { class: "hit" },
            el("a", { class: "title", href: articleUrl(a.id) }, a.title || "(بلا عنوان)"),
            el("div", { class: "meta" }, [fmtDate(a.published), a.section, a.place, `${a.entities} كيان`, `${a.quotes} اقتباس`].filter(Boolean).join(" · "))));
        }
        fill(results, el("h2", null, "أحدث المقالات"), el("p", { class: "meta", id: "total" }, `${r.total} مقالًا`), list, pager(r.total, r.next));
      }
    } catch (e) {
      showError(results, e);
    }
  }
  run();
})();
