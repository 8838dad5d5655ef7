#!/usr/bin/env bash
# Side-by-side HTML extraction comparison (see README.md):
#   bash bench/html-peers/run.sh [REPEATS]
# Installs what is missing (npm packages into ./node_modules from package-lock.json; Debian
# python3-readability and libboilerpipe-java when run as root), runs every peer on the same pages
# with the same timing protocol, and prints one table (F1 per page, pages/s per extractor).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
repeats="${1:-3}"
out="$here/out"
mkdir -p "$out"

# --- dependencies -----------------------------------------------------------------------------
if [ ! -d "$here/node_modules/@mozilla/readability" ] || [ ! -d "$here/node_modules/jsdom" ]; then
  (cd "$here" && npm ci --no-audit --no-fund >&2)
fi
need_apt=()
/usr/bin/python3 -c 'import readability' 2>/dev/null || need_apt+=(python3-readability)
[ -f /usr/share/java/boilerpipe.jar ] || need_apt+=(libboilerpipe-java)
command -v javac >/dev/null || need_apt+=(default-jdk-headless)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq >&2 && apt-get install -y -qq "${need_apt[@]}" >&2
  else
    echo "missing Debian packages: ${need_apt[*]} (apt-get install them as root)" >&2; exit 1
  fi
fi
cp="/usr/share/java/boilerpipe.jar:/usr/share/java/nekohtml.jar:/usr/share/java/xercesImpl.jar"
mkdir -p "$out/classes"
javac -d "$out/classes" -cp "$cp" "$here/Boilerpipe.java" >&2

# --- pages ------------------------------------------------------------------------------------
dotnet build "$here/Marsad.HtmlPeers/Marsad.HtmlPeers.csproj" -c Release -v quiet -nologo >&2
harness="$here/Marsad.HtmlPeers/bin/Release/net10.0/Marsad.HtmlPeers"
"$harness" list "$out/pages.tsv"

# --- peers, one after another (never in parallel: the timings share the machine) ---------------
node "$here/readability.mjs" "$out/pages.tsv" "$out/readability-js" "$repeats"
/usr/bin/python3 "$here/python_readability.py" "$out/pages.tsv" "$out/python-readability" "$repeats"
java -cp "$cp:$out/classes" Boilerpipe "$out/pages.tsv" "$out/boilerpipe" "$repeats"

# --- Marsad + SmartReader in-process, then the table ------------------------------------------
"$harness" report "$out" --repeats "$repeats"
