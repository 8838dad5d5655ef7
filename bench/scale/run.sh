#!/usr/bin/env bash
# Scale curve of `marsad bench` (read + the whole analysis pipeline, no store): 1K, 10K and all ~62K articles of
# ../shared/data/news/corpus, each in a fresh process under /usr/bin/time -v (wall clock, CPU, peak RSS).
#   bench/scale/run.sh [SIZES…]        default: 1000 10000 0   (0 = the whole corpus)
# Prints one TSV row per size and keeps the raw outputs in ${MARSAD_SCALE_DIR:-/tmp/marsad-scale}.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${MARSAD_SCALE_DIR:-/tmp/marsad-scale}
mkdir -p "$out"
dotnet build src/Marsad.Cli -c Release --nologo -v q >/dev/null
dll=src/Marsad.Cli/bin/Release/net10.0/marsad.dll
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000 0)
printf 'limit\tarticles\twall_s\tuser_s\tsys_s\tpeak_rss_mb\tarticles_per_wall_s\tcpu_ms_per_article\tload_before\n'
for n in "${sizes[@]}"; do
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -v dotnet "$dll" bench --limit "$n" --json > "$out/bench-$n.json" 2> "$out/time-$n.txt"
  python3 - "$n" "$out/bench-$n.json" "$out/time-$n.txt" "$load" <<'PY'
import json, re, sys
n, bench, timef, load = sys.argv[1:]
b = json.load(open(bench))
t = open(timef).read()
def field(name):
    return re.search(re.escape(name) + r":\s*(.+)", t).group(1).strip()
wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
parts = [float(x) for x in wall.split(":")]
secs = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
arts = b.get("articles") or b.get("Articles")
rss = int(field("Maximum resident set size (kbytes)")) / 1024
user, sys_ = float(field("User time (seconds)")), float(field("System time (seconds)"))
print(f"{n}\t{arts}\t{secs:.1f}\t{user:.1f}\t{sys_:.1f}\t{rss:.0f}\t{arts/secs:.1f}\t{1000*(user+sys_)/arts:.2f}\t{load}")
PY
done
