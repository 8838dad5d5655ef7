// Article page: the body with entities, quotes, times and event triggers highlighted, and lists of each.
// The body is cut at every annotation boundary and each piece is a text node inside a span/a element.
"use strict";
(() => {
  const { el, fill, api, param, entityUrl, typeNames, cameoRoots, fmtDate, showError } = Marsad;
  const main = document.getElementById("main");
  const id = param("id");

  function spans(analysis) {
    const body = analysis.article.body;
    const list = [];
    const ok = (s, e) => Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e <= body.length && s < e;
    for (const q of analysis.quotes || []) {
      if (ok(q.start, q.end)) list.push({ start: q.start, end: q.end, kind: "q", quote: q });
    }
    for (const t of analysis.times || []) {
      if (ok(t.start, t.end)) list.push({ start: t.start, end: t.end, kind: "tm", time: t });
    }
    for (const ev of analysis.events || []) {
      const t = ev.trigger || {};
      if (ok(t.start, t.end)) list.push({ start: t.start, end: t.end, kind: "ev", event: ev });
    }
    for (const e of analysis.entities || []) {
      for (const m of e.mentions || []) {
        if (ok(m.start, m.end)) list.push({ start: m.start, end: m.end, kind: "ent", entity: e });
      }
    }
    return list;
  }

  /** The body as elements: one piece per stretch between annotation boundaries, classed by what covers it. */
  function highlightedBody(analysis, keys) {
    const body = analysis.article.body;
    const list = spans(analysis);
    const cuts = new Set([0, body.length]);
    for (const s of list) { cuts.add(s.start); cuts.add(s.end); }
    const points = [...cuts].sort((a, b) => a - b);
    const container = el("div", { class: "body", id: "body", lang: "ar" });
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      const text = body.slice(a, b);
      const covering = list.filter((s) => s.start <= a && s.end >= b);
      if (covering.length === 0) { container.appendChild(document.createTextNode(text)); continue; }
      const classes = new Set();
      const tips = [];
      let entity = null;
      for (const s of covering) {
        classes.add(s.kind);
        if (s.kind === "ent") { entity = s.entity; classes.add("ent-" + s.entity.type); tips.push(`${typeNames[s.entity.type] || s.entity.type}: ${s.entity.canonical}`); }
        if (s.kind === "q") tips.push(`اقتباس${s.quote.speaker_text ? " — " + s.quote.speaker_text : ""}${s.quote.via_text ? " (عبر " + s.quote.via_text + ")" : ""}`);
        if (s.kind === "tm") tips.push(`زمن: ${s.time.value || s.time.text}`);
        if (s.kind === "ev") tips.push(`حدث ${s.event.cameo}: ${cameoRoots[s.event.root] || ""}`);
      }
      const attrs = { class: [...classes].join(" "), title: tips.join(" | ") };
      if (entity) {
        attrs["data-entity"] = entity.id;
        const key = keys[entity.id];
        container.appendChild(key ? el("a", Object.assign({ href: entityUrl(key) }, attrs), text) : el("span", attrs, text));
      } else {
        container.appendChild(el("span", attrs, text));
      }
    }
    return container;
  }

  function entityLink(keys, entityId, text, entities) {
    const e = entities.find((x) => x.id === entityId);
    if (!e || !keys[e.id]) return el("span", null, text);
    return el("a", { class: "ent-" + e.type, href: entityUrl(keys[e.id]) }, text);
  }

  function render(data) {
    const analysis = data.analysis;
    const a = analysis.article;
    const keys = data.entity_keys || {};
    const entities = analysis.entities || [];
    document.title = "مرصد — " + (a.title || "مقال");
    const meta = [fmtDate(a.published), a.section, a.dateline && a.dateline.place, a.author].filter(Boolean).join(" · ");

    const entityList = el("ul", { class: "plain", id: "entities" });
    for (const e of [...entities].sort((x, y) => (y.mentions || []).length - (x.mentions || []).length)) {
      entityList.appendChild(el("li", null,
        keys[e.id] ? el("a", { class: "chip ent-" + e.type, href: entityUrl(keys[e.id]) }, e.canonical) : el("span", { class: "chip ent-" + e.type }, e.canonical),
        el("span", { class: "meta" }, ` ${typeNames[e.type] || e.type}${e.kind ? " · " + e.kind : ""}${e.role ? " · " + e.role : ""} · ${(e.mentions || []).length}×`)));
    }

    const quoteList = el("ul", { class: "plain", id: "quotes" });
    for (const q of analysis.quotes || []) {
      quoteList.appendChild(el("li", { class: "quote" },
        el("div", null,
          q.speaker ? entityLink(keys, q.speaker, q.speaker_text || "؟", entities) : el("strong", null, q.speaker_text || "متحدث غير محدد"),
          " ", el("span", { class: "meta" }, q.verb),
          q.via_text ? el("span", { class: "meta via" }, " — عبر ", q.via ? entityLink(keys, q.via, q.via_text, entities) : q.via_text) : null),
        el("blockquote", null, q.text)));
    }

    const timeList = el("ul", { class: "plain", id: "times" });
    for (const t of analysis.times || []) {
      timeList.appendChild(el("li", null, el("span", { class: "tm" }, t.text), el("span", { class: "meta" }, " → ", t.value || "؟", ` (${t.granularity})`)));
    }

    const eventList = el("ul", { class: "plain", id: "events" });
    for (const ev of analysis.events || []) {
      const actor = (x) => x ? (x.entity ? entityLink(keys, x.entity, x.text, entities) : el("span", null, x.text)) : el("span", { class: "meta" }, "—");
      eventList.appendChild(el("li", null,
        el("strong", { class: "quad" + ev.quad_class }, `${ev.cameo} ${cameoRoots[ev.root] || ""}`), " ",
        actor(ev.actor1), " ← ", actor(ev.actor2),
        el("div", { class: "meta" }, [ev.trigger && ev.trigger.text, ev.place && (ev.place.name || ev.place.text), ev.date, ev.modality].filter(Boolean).join(" · "))));
    }

    const legend = el("p", { class: "legend meta" },
      el("span", { class: "ent-PER" }, "شخص"), el("span", { class: "ent-ORG" }, "منظمة"), el("span", { class: "ent-LOC" }, "مكان"),
      el("span", { class: "ent-MISC" }, "أخرى"), el("span", { class: "q" }, "اقتباس"), el("span", { class: "tm" }, "زمن"), el("span", { class: "ev" }, "حدث"));

    fill(main, 
      el("h1", { id: "title" }, a.title || "(بلا عنوان)"),
      el("p", { class: "meta" }, meta),
      a.url ? el("p", { class: "meta" }, el("a", { href: a.url, rel: "noopener noreferrer nofollow" }, a.url)) : null,
      el("div", { class: "layout" },
        el("section", null, legend, highlightedBody(analysis, keys),
          el("p", { class: "meta" }, "المصادر: ", (data.sources || []).join("، ")),
          [...(analysis.events || []), ...entities].some((x) => x.place && typeof x.place.lat === "number")
            ? el("p", null, el("a", { href: "/map?article=" + encodeURIComponent(a.id) }, "أماكن المقال على الخريطة")) : null),
        el("aside", null,
          el("h2", null, `الكيانات (${entities.length})`), entityList,
          el("h2", null, `الاقتباسات (${(analysis.quotes || []).length})`), quoteList,
          el("h2", null, `الأحداث (${(analysis.events || []).length})`), eventList,
          el("h2", null, `الأزمنة (${(analysis.times || []).length})`), timeList)));
  }

  if (!id) {
    showError(main, new Error("لم يُحدَّد مقال (المعامل id)."));
    return;
  }
  api("/api/articles/" + encodeURIComponent(id)).then(render).catch((e) => showError(main, e));
})();
