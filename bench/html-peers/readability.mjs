// Mozilla Readability (npm @mozilla/readability + jsdom) over the pages listed in a TSV file.
// Usage: node readability.mjs PAGES.tsv OUT_DIR REPEATS
// PAGES.tsv: one "id<TAB>path<TAB>url" per line. Writes OUT_DIR/<id>.txt (main text, one block per
// line), OUT_DIR/<id>.meta.json (title, publishedTime) and OUT_DIR/timing.json.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');

const [pagesFile, outDir, repeatsArg] = process.argv.slice(2);
const repeats = Number(repeatsArg ?? 3);
const pages = readFileSync(pagesFile, 'utf8').split('\n').filter(Boolean).map(l => {
  const [id, path, url] = l.split('\t');
  return { id, url, html: readFileSync(path, 'utf8') };
});
mkdirSync(outDir, { recursive: true });

const BLOCKS = new Set(['P', 'DIV', 'BR', 'HR', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'TR', 'TD', 'TH',
  'TABLE', 'BLOCKQUOTE', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'FIGURE', 'FIGCAPTION', 'PRE', 'MAIN', 'DL', 'DT', 'DD']);

// Block-aware text of the article HTML (textContent would glue the last word of one paragraph to the
// first of the next when the markup has no whitespace between them).
function blockText(node, out) {
  for (const child of node.childNodes) {
    if (child.nodeType === 3) out.push(child.data);
    else if (child.nodeType === 1) {
      const block = BLOCKS.has(child.tagName);
      if (block) out.push('\n');
      blockText(child, out);
      if (block) out.push('\n');
    }
  }
  return out;
}

const quiet = new VirtualConsole();
function extract(p) {
  const dom = new JSDOM(p.html, { url: p.url || 'https://example.invalid/', virtualConsole: quiet });
  const article = new Readability(dom.window.document).parse();
  if (!article) return { text: '', title: null, publishedTime: null };
  const frag = JSDOM.fragment(article.content ?? '');
  const text = blockText(frag, []).join('').split('\n').map(s => s.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n');
  dom.window.close();
  return { text, title: article.title ?? null, publishedTime: article.publishedTime ?? null };
}

for (const p of pages) extract(p); // warm-up pass
const results = new Map();
const t0 = process.hrtime.bigint();
for (let r = 0; r < repeats; r++) for (const p of pages) results.set(p.id, extract(p));
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
for (const p of pages) {
  const res = results.get(p.id);
  writeFileSync(`${outDir}/${p.id}.txt`, res.text);
  writeFileSync(`${outDir}/${p.id}.meta.json`, JSON.stringify({ title: res.title, published: res.publishedTime }));
}
writeFileSync(`${outDir}/timing.json`, JSON.stringify({ extractor: 'Readability.js', pages: pages.length * repeats, seconds }));
console.error(`Readability.js: ${pages.length} pages x ${repeats} in ${seconds.toFixed(2)} s`);
