"""python3-readability (Debian package, readability-lxml) over the pages listed in a TSV file.

Usage: /usr/bin/python3 python_readability.py PAGES.tsv OUT_DIR REPEATS
Writes OUT_DIR/<id>.txt (main text, one block per line), OUT_DIR/<id>.meta.json (title) and
OUT_DIR/timing.json.
"""
import json
import os
import re
import sys
import time

import lxml.html
from readability import Document

BLOCKS = {"p", "div", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "td", "th",
          "table", "blockquote", "section", "article", "header", "footer", "aside", "nav", "figure",
          "figcaption", "pre", "main", "dl", "dt", "dd", "body", "html"}


def block_text(el, out):
    """Block-aware text: a newline around each block element."""
    tag = el.tag if isinstance(el.tag, str) else ""
    block = tag.lower() in BLOCKS
    if block:
        out.append("\n")
    if el.text and tag.lower() not in ("script", "style"):
        out.append(el.text)
    for child in el:
        block_text(child, out)
        if child.tail:
            out.append(child.tail)
    if block:
        out.append("\n")
    return out


def extract(html):
    doc = Document(html)
    summary = doc.summary(html_partial=True)
    if not summary.strip():
        return "", doc.short_title()
    root = lxml.html.fromstring(summary)
    lines = (re.sub(r"\s+", " ", s).strip() for s in "".join(block_text(root, [])).split("\n"))
    return "\n".join(s for s in lines if s), doc.short_title()


def main():
    pages_file, out_dir = sys.argv[1], sys.argv[2]
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    pages = []
    with open(pages_file, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                pid, path, _url = line.rstrip("\n").split("\t")
                with open(path, encoding="utf-8") as h:
                    pages.append((pid, h.read()))
    os.makedirs(out_dir, exist_ok=True)
    for _, html in pages:  # warm-up pass
        extract(html)
    results = {}
    t0 = time.perf_counter()
    for _ in range(repeats):
        for pid, html in pages:
            results[pid] = extract(html)
    seconds = time.perf_counter() - t0
    for pid, (text, title) in results.items():
        with open(os.path.join(out_dir, pid + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)
        with open(os.path.join(out_dir, pid + ".meta.json"), "w", encoding="utf-8") as f:
            json.dump({"title": title, "published": None}, f, ensure_ascii=False)
    with open(os.path.join(out_dir, "timing.json"), "w", encoding="utf-8") as f:
        json.dump({"extractor": "python-readability", "pages": len(pages) * repeats, "seconds": seconds}, f)
    print(f"python-readability: {len(pages)} pages x {repeats} in {seconds:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
