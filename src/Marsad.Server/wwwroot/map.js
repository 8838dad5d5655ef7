// Map of places: the embedded world outline (Natural Earth via world-atlas) drawn as SVG in an
// equirectangular projection, places with coordinates as red dots and, for places known only by
// their country, one teal dot per country at its outline's label point. No tiles, no network.
"use strict";
(() => {
  const { el, fill, svg, api, param, articleUrl, entityUrl, showError } = Marsad;
  const main = document.getElementById("main");
  const articleId = param("article");
  const views = { world: "0 0 360 150", mena: "200 42 50 36" };
  const X = (lon) => lon + 180;
  const Y = (lat) => 85 - lat;
  const num = (v) => typeof v === "number" && isFinite(v);

  function pathOf(geometry) {
    const polys = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    let d = "";
    for (const poly of polys) {
      for (const ring of poly) {
        d += "M" + ring.map(([lon, lat]) => X(lon).toFixed(1) + "," + Y(Math.max(-64, lat)).toFixed(1)).join("L") + "Z";
      }
    }
    return d;
  }

  /** Coordinates of an entity or event place, wherever the analysis put them. */
  function coords(o) {
    if (!o) return null;
    for (const c of [o, o.place, o.geo, o.location]) {
      if (!c || typeof c !== "object") continue;
      if (num(c.lat) && num(c.lon)) return [c.lat, c.lon];
      if (num(c.latitude) && num(c.longitude)) return [c.latitude, c.longitude];
    }
    return null;
  }

  /** Places of one article: event places and entities with coordinates, countries by code. */
  function articlePlaces(data) {
    const a = data.analysis, keys = data.entity_keys || {};
    const out = [];
    for (const e of a.entities || []) {
      const c = coords(e);
      if (c) out.push({ name: e.canonical, key: keys[e.id], lat: c[0], lon: c[1], articles: 1, events: 0 });
      else if (e.type === "LOC" && e.country) out.push({ name: e.canonical, key: keys[e.id], kind: e.kind, country: e.country, articles: 1, events: 0 });
    }
    for (const ev of a.events || []) {
      const c = coords(ev.place);
      if (c) out.push({ name: ev.place.name || ev.place.text, lat: c[0], lon: c[1], articles: 0, events: 1 });
    }
    return out;
  }

  function draw(world, places, title) {
    const centre = new Map();
    for (const f of world.features) if (f.properties.a2) centre.set(f.properties.a2, f.properties.c);
    const root = svg("svg", { viewBox: views.mena, id: "map-svg", role: "img", "aria-label": "خريطة الأماكن" });
    const land = svg("g", { class: "land" });
    for (const f of world.features) land.appendChild(svg("path", { class: "country", d: pathOf(f.geometry) }, svg("title", null, f.properties.name || "")));
    root.appendChild(land);

    const exact = places.filter((p) => num(p.lat) && num(p.lon));
    const byCountry = new Map();
    for (const p of places) {
      if (num(p.lat) || !p.country || !centre.has(p.country)) continue;
      const agg = byCountry.get(p.country) || { country: p.country, names: [], articles: 0 };
      agg.names.push(p.name);
      agg.articles += p.articles || 0;
      byCountry.set(p.country, agg);
    }
    const dots = svg("g", { class: "dots" });
    const radius = (n) => Math.min(3, 0.5 + Math.sqrt(Math.max(1, n)) * 0.25);
    for (const agg of byCountry.values()) {
      const [lon, lat] = centre.get(agg.country);
      dots.appendChild(svg("circle", { class: "dot country-level", cx: X(lon).toFixed(2), cy: Y(lat).toFixed(2), r: radius(agg.articles).toFixed(2) },
        svg("title", null, `${agg.country}: ${agg.names.slice(0, 12).join("، ")} (${agg.articles})`)));
    }
    for (const p of exact) {
      const dot = svg("circle", { class: "dot", cx: X(p.lon).toFixed(2), cy: Y(p.lat).toFixed(2), r: radius((p.articles || 0) + (p.events || 0)).toFixed(2) },
        svg("title", null, `${p.name} (${p.lat.toFixed(2)}، ${p.lon.toFixed(2)})`));
      dots.appendChild(p.key ? svg("a", { href: entityUrl(p.key) }, dot) : dot);
    }
    root.appendChild(dots);

    const zoom = el("p", null,
      el("button", { type: "button", id: "zoom-mena" }, "الشرق الأوسط"), " ",
      el("button", { type: "button", id: "zoom-world" }, "العالم"));
    zoom.querySelector("#zoom-mena").addEventListener("click", () => root.setAttribute("viewBox", views.mena));
    zoom.querySelector("#zoom-world").addEventListener("click", () => root.setAttribute("viewBox", views.world));

    const list = el("ul", { class: "plain", id: "places" });
    for (const p of exact) list.appendChild(el("li", null, p.key ? el("a", { href: entityUrl(p.key) }, p.name) : p.name, el("span", { class: "meta" }, ` ${p.lat.toFixed(2)}، ${p.lon.toFixed(2)}`)));
    for (const agg of byCountry.values()) list.appendChild(el("li", null, el("strong", null, agg.country), el("span", { class: "meta" }, " " + agg.names.slice(0, 12).join("، "))));
    const summary = exact.length + byCountry.size === 0
      ? "لا توجد أماكن ذات إحداثيات بعد."
      : `${exact.length} مكانًا بإحداثيات، ${byCountry.size} دولة`;
    fill(main, el("h1", null, title), el("p", { class: "meta", id: "summary" }, summary), zoom, root,
      el("h2", null, "الأماكن"), list,
      el("p", { class: "meta" }, "حدود الدول: Natural Earth (ملك عام) عبر world-atlas."));
  }

  const world = fetch("/assets/world.geojson").then((r) => r.json());
  if (articleId) {
    Promise.all([world, api("/api/articles/" + encodeURIComponent(articleId))])
      .then(([w, d]) => {
        draw(w, articlePlaces(d), "أماكن المقال");
        main.insertBefore(el("p", null, el("a", { href: articleUrl(articleId) }, d.analysis.article.title || articleId)), main.children[1]);
      })
      .catch((e) => showError(main, e));
  } else {
    Promise.all([world, api("/api/places", { limit: 300 })])
      .then(([w, r]) => draw(w, r.places, "خريطة الأماكن"))
      .catch((e) => showError(main, e));
  }
})();
