// Entity page: names, roles, latest mentions, quotes by and about it, its events, co-occurring entities, its articles.
"use strict";
(() => {
  const { el, fill, api, param, articleUrl, entityUrl, typeNames, cameoRoots, fmtDate, showError, entityChip } = Marsad;
  const main = document.getElementById("main");
  const key = param("key");

  function quoteItem(q) {
    return el("li", null,
      el("div", null,
        q.speaker_key ? el("a", { href: entityUrl(q.speaker_key) }, q.speaker_text || q.speaker_key) : el("strong", null, q.speaker_text || "متحدث غير محدد"),
        " ", el("span", { class: "meta" }, q.verb),
        q.via_text ? el("span", { class: "meta" }, " — عبر ", q.via_key ? el("a", { href: entityUrl(q.via_key) }, q.via_text) : q.via_text) : null),
      el("blockquote", null, q.text),
      el("div", { class: "meta" }, el("a", { href: articleUrl(q.article_id) }, q.article_title || q.article_id), " · ", fmtDate(q.published)));
  }

  function render(p, articles) {
    const e = p.entity;
    document.title = "مرصد — " + e.canonical;
    const section = (title, id, items, make) => [
      el("h2", null, `${title} (${items.length})`),
      items.length ? el("ul", { class: "plain", id }, items.map(make)) : el("p", { class: "meta", id }, "لا شيء."),
    ];
    fill(main, 
      el("h1", { id: "name", class: "ent-" + e.type }, e.canonical),
      el("p", { class: "meta" }, [typeNames[e.type] || e.type, e.kind, e.country, e.link_id, `${e.articles} مقالًا`, `${e.mentions} ذكرًا`].filter(Boolean).join(" · ")),
      p.roles.length ? el("p", null, "الأدوار: ", p.roles.join("، ")) : null,
      p.aliases.length ? el("p", null, "الصيغ: ", p.aliases.join("، ")) : null,
      el("p", null, el("a", { href: "/?entity=" + encodeURIComponent(e.key) + "&q=" + encodeURIComponent(e.canonical) }, "ابحث عن مقالات تذكره")),
      el("div", { class: "layout" },
        el("section", null,
          section("الاقتباسات على لسانه", "quotes-by", p.quotes_by, quoteItem),
          section("الاقتباسات عنه", "quotes-about", p.quotes_about, quoteItem),
          section("الأحداث", "events", p.events, (v) => el("li", null,
            el("strong", { class: "quad" + (v.event.quad_class || "") }, `${v.code || ""} ${cameoRoots[v.root] || ""}`), " ",
            v.actor_key ? el("a", { href: entityUrl(v.actor_key) }, v.actor) : (v.actor || "—"), " ← ",
            v.target_key ? el("a", { href: entityUrl(v.target_key) }, v.target) : (v.target || "—"),
            el("div", { class: "meta" }, el("a", { href: articleUrl(v.article_id) }, v.article_title || v.article_id), " · ", [v.place, v.date || fmtDate(v.published)].filter(Boolean).join(" · ")))),
          section("المقالات", "articles", articles.items, (a) => el("li", null,
            el("a", { href: articleUrl(a.id) }, a.title || "(بلا عنوان)"), el("span", { class: "meta" }, " · ", fmtDate(a.published))))),
        el("aside", null,
          section("يرد معه", "co", p.co_occurring, (c) => el("li", null, entityChip(c.entity.key, c.entity.canonical, c.entity.type), el("span", { class: "meta" }, ` ${c.articles} مقالًا مشتركًا`))),
          section("آخر الإشارات", "mentions", p.mentions, (m) => el("li", null,
            el("span", null, m.text), el("span", { class: "meta" }, " — "), el("a", { href: articleUrl(m.article_id) }, m.article_title || m.article_id))))));
  }

  if (!key) {
    showError(main, new Error("لم يُحدَّد كيان (المعامل key)."));
    return;
  }
  Promise.all([api("/api/entities/" + encodeURIComponent(key)), api("/api/articles", { entity: key, limit: 20 })])
    .then(([p, a]) => render(p, a)).catch((e) => showError(main, e));
})();
