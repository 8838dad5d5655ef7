// Builds ../wwwroot/world.geojson: country outlines for the map page, small enough to ship.
// Source: world-atlas countries-110m.json (Natural Earth 1:110m Admin 0 countries, public domain).
// Each feature keeps its ISO 3166-1 alpha-2 code (`a2`, from i18n-iso-countries' numeric table) and a
// label point `c` = [lon, lat] (area centroid of its largest ring), so the map can place a country
// mentioned without coordinates. Coordinates are rounded to 0.1° (the map is a sketch, not a survey).
//   cd src/Marsad.Server/tools && npm install && node build-world.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { feature } from "topojson-client";
import countries from "i18n-iso-countries";

const require = createRequire(import.meta.url);
const topo = JSON.parse(readFileSync(require.resolve("world-atlas/countries-110m.json"), "utf8"));
const world = feature(topo, topo.objects.countries);

const round = (x) => Math.round(x * 10) / 10;

function ringArea(ring) {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return a / 2;
}

function ringCentroid(ring) {
  let a = 0, x = 0, y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    a += f; x += (ring[j][0] + ring[i][0]) * f; y += (ring[j][1] + ring[i][1]) * f;
  }
  return a === 0 ? ring[0] : [x / (3 * a), y / (3 * a)];
}

function simplifyRing(ring) {
  const out = [];
  for (const p of ring) {
    const q = [round(p[0]), round(p[1])];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out.length >= 4 ? out : null;
}

const features = [];
for (const f of world.features) {
  if (!f.geometry) continue;
  const polygons = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  let best = null, bestArea = -1;
  for (const poly of polygons) {
    const area = Math.abs(ringArea(poly[0]));
    if (area > bestArea) { bestArea = area; best = poly[0]; }
  }
  const kept = polygons.map((poly) => poly.map(simplifyRing).filter(Boolean)).filter((poly) => poly.length > 0);
  if (kept.length === 0) continue;
  const a2 = f.id ? countries.numericToAlpha2(f.id) ?? null : null;
  const c = ringCentroid(best).map(round);
  features.push({
    type: "Feature",
    properties: { a2, name: f.properties?.name ?? null, c },
    geometry: kept.length === 1 ? { type: "Polygon", coordinates: kept[0] } : { type: "MultiPolygon", coordinates: kept },
  });
}
const out = { type: "FeatureCollection", attribution: "Natural Earth (public domain), via world-atlas", features };
writeFileSync(new URL("../wwwroot/world.geojson", import.meta.url), JSON.stringify(out) + "\n");
console.log(`world.geojson: ${features.length} countries, ${features.filter((f) => f.properties.a2).length} with ISO codes`);
