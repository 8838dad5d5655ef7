#!/usr/bin/env bash
# Latency of the API as a client sees it (curl time_total, keep-alive off, one request at a time):
# /api/search for every query of a query file (first column; '#' lines skipped), and /api/articles/{id}
# for the articles those searches return. Prints p50/p95/max in milliseconds.
#   marsad serve --store archive.db --port 5080 &
#   src/Marsad.Server/tools/bench-api.sh http://127.0.0.1:5080 bench/search/queries.tsv [rounds]
set -euo pipefail
base=${1:?base URL}; queries=${2:?query file}; rounds=${3:-3}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

pct() { sort -n "$1" | awk -v name="$2" '{a[NR]=$1} END {
  p50=a[int(NR*0.50+0.999)]; p95=a[int(NR*0.95+0.999)];
  printf "%s: %d requests, p50 %.1f ms, p95 %.1f ms, max %.1f ms\n", name, NR, p50*1000, p95*1000, a[NR]*1000 }'; }

grep -v '^#' "$queries" | cut -f1 | sed '/^$/d' > "$tmp/q"
# warm-up round (JIT, caches), not counted
while IFS= read -r q; do
  curl -s -G -o "$tmp/last.json" "$base/api/search" --data-urlencode "q=$q" --data-urlencode "limit=10"
  grep -o '"id":"[0-9a-f]\{16\}"' "$tmp/last.json" | head -n 2 | cut -d'"' -f4 >> "$tmp/ids" || true
done < "$tmp/q"
sort -u "$tmp/ids" -o "$tmp/ids"
for ((r = 0; r < rounds; r++)); do
  while IFS= read -r q; do
    curl -s -G -o /dev/null -w '%{time_total}\n' "$base/api/search" --data-urlencode "q=$q" --data-urlencode "limit=10" >> "$tmp/search"
  done < "$tmp/q"
  while IFS= read -r id; do
    curl -s -o /dev/null -w '%{time_total}\n' "$base/api/articles/$id" >> "$tmp/article"
  done < "$tmp/ids"
done
pct "$tmp/search" "GET /api/search (top 10 with snippets)"
pct "$tmp/article" "GET /api/articles/{id}"
