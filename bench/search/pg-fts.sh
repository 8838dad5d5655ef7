#!/usr/bin/env bash
# PostgreSQL full-text search beside the Lucene index, on a PostgreSQL archive filled by marsad:
# adds a tsvector over title + body with the built-in 'arabic' configuration (Snowball stemmer) and a
# GIN index, then times the benchmark queries server-side: match (websearch_to_tsquery, AND of the
# words), rank (ts_rank_cd; PostgreSQL has no BM25), top 10, ts_headline snippet for each.
# Usage: bench/search/pg-fts.sh "host=localhost port=54329 user=marsad password=marsad dbname=marsad_bench" [rounds]
set -euo pipefail
db="$1"
rounds="${2:-5}"
here="$(cd "$(dirname "$0")" && pwd)"
psql_() { psql -X -q -v ON_ERROR_STOP=1 "$db" "$@"; }

start=$(date +%s.%N)
psql_ -c "ALTER TABLE articles ADD COLUMN IF NOT EXISTS fts tsvector"
psql_ -c "UPDATE articles SET fts = to_tsvector('arabic', coalesce(title, '') || ' ' || (analysis::json->'article'->>'body')) WHERE fts IS NULL"
psql_ -c "CREATE INDEX IF NOT EXISTS articles_fts ON articles USING gin (fts)"
psql_ -c "ANALYZE articles"
echo "pg fts: tsvector + GIN index built in $(echo "$(date +%s.%N) - $start" | bc) s"

grep -v '^#' "$here/queries.tsv" | cut -f1 > /tmp/marsad-pg-fts-queries.txt
psql_ -At <<SQL
CREATE TEMP TABLE q (query text);
\copy q FROM '/tmp/marsad-pg-fts-queries.txt'
CREATE TEMP TABLE t (ms float8);
DO \$\$
DECLARE r record; t0 timestamptz; i int;
BEGIN
  FOR r IN SELECT query FROM q LOOP   -- warm-up
    PERFORM 1 FROM articles WHERE fts @@ websearch_to_tsquery('arabic', r.query) LIMIT 10;
  END LOOP;
  FOR i IN 1..$rounds LOOP
    FOR r IN SELECT query FROM q LOOP
      t0 := clock_timestamp();
      PERFORM s.id, ts_headline('arabic', s.analysis::json->'article'->>'body', websearch_to_tsquery('arabic', r.query), 'MaxWords=35, MinWords=15')
      FROM (SELECT id, analysis FROM articles
            WHERE fts @@ websearch_to_tsquery('arabic', r.query)
            ORDER BY ts_rank_cd(fts, websearch_to_tsquery('arabic', r.query)) DESC LIMIT 10) s;
      INSERT INTO t VALUES (extract(epoch FROM clock_timestamp() - t0) * 1000);
    END LOOP;
  END LOOP;
END \$\$;
SELECT format('pg fts latency ms over %s searches: p50 %s  p95 %s  p99 %s  max %s', count(*),
  round(percentile_cont(0.50) WITHIN GROUP (ORDER BY ms)::numeric, 2),
  round(percentile_cont(0.95) WITHIN GROUP (ORDER BY ms)::numeric, 2),
  round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)::numeric, 2),
  round(max(ms)::numeric, 2)) FROM t;
SQL
