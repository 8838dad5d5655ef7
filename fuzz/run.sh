#!/usr/bin/env bash
# Fuzz one Marsad target with AFL++ and SharpFuzz (see fuzz/README.md).
#   fuzz/run.sh TARGET [SECONDS]     TARGET: text | html | feed | jsonl | sentences (default 600 s)
# Needs: apt-get install afl++ ; dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0
# Findings go to ${MARSAD_FUZZ_DIR:-/tmp/marsad-fuzz}/findings/TARGET (crashes/ and hangs/). Replay one with the
# uninstrumented build (instrumented code needs AFL's shared memory and crashes outside afl-fuzz):
#   dotnet fuzz/Marsad.Fuzz/bin/Release/net10.0/Marsad.Fuzz.dll TARGET --replay FILE
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: fuzz/run.sh text|html|feed|jsonl|sentences [SECONDS]}
seconds=${2:-600}
work=${MARSAD_FUZZ_DIR:-/tmp/marsad-fuzz}
bin=$work/bin
export PATH="$PATH:$HOME/.dotnet/tools"

# Build once, then instrument Marsad.Core.dll in place (sharpfuzz adds the AFL coverage calls).
if [ ! -f "$bin/.instrumented" ] || [ -n "$(find src/Marsad.Core fuzz/Marsad.Fuzz -name '*.cs' -newer "$bin/.instrumented" -print -quit)" ]; then
  rm -rf "$bin"
  dotnet publish fuzz/Marsad.Fuzz -c Release -o "$bin" --nologo -v q
  sharpfuzz "$bin/Marsad.Core.dll"
  touch "$bin/.instrumented"
fi

# Seeds: the bundled examples of the target's shape and the short inputs in fuzz/seeds/TARGET.
seeds=$work/seeds/$target
rm -rf "$seeds" && mkdir -p "$seeds"
case $target in
  text|sentences) cp examples/*.txt "$seeds/" ;;
  html) cp examples/*.html "$seeds/" ;;
  feed) cp examples/*.xml "$seeds/" ;;
  jsonl) cp examples/*.jsonl "$seeds/" ;;
esac
cp fuzz/seeds/"$target"/* "$seeds/" 2>/dev/null || true

findings=$work/findings/$target
input=("-i" "$seeds")
[ -d "$findings/default/queue" ] && input=("-i" "-") # continue an earlier run from its queue
mkdir -p "$findings"
AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 \
  afl-fuzz "${input[@]}" -o "$findings" -t 10000 -m none -V "$seconds" -- dotnet "$bin/Marsad.Fuzz.dll" "$target" \
  > "$work/$target.log" 2>&1 || true
grep -E "execs_done|execs_per_sec|saved_crashes|saved_hangs|corpus_count|run_time" "$findings/default/fuzzer_stats"
