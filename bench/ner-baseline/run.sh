#!/usr/bin/env bash
# Marsad NER vs CRFsuite, side by side, in one run on this machine.
# Both train on the same data (ANERcorp CAMeL train minus its last 10% of sentences), both are scored
# on that held-out 10% (the dev split) with conlleval chunk F1, and both tagging throughputs are
# measured the same way (one thread, features + tagging, after one untimed warm-up pass; the fastest of
# three timed passes, and tokens per CPU-second over the three, since the machine may be shared).
# Usage: bench/ner-baseline/run.sh [TRAIN_FILE] [DEV_FRACTION]   (needs: dotnet, node, npm, g++)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
train="${1:-$repo/../shared/data/ner/anercorp-camel/ANERCorp_CamelLab_train.txt}"
fraction="${2:-0.1}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ ! -d "$here/node_modules/crfsuite" ]; then
  (cd "$here" && npm ci --no-audit --no-fund >/dev/null)
fi
dotnet build "$repo/src/Marsad.Cli" -c Release -v quiet -nologo >/dev/null
marsad=(dotnet "$repo/src/Marsad.Cli/bin/Release/net10.0/marsad.dll")

echo "training Marsad (averaged perceptron, stacked) on $(basename "$train") minus the last $fraction ..." >&2
"${marsad[@]}" train ner --train "$train" --dev-tail "$fraction" --epochs 6 --out "$work/marsad.bin" >"$work/marsad-train.log"
ours="$("${marsad[@]}" eval ner --gold "$train" --tail "$fraction" --model "$work/marsad.bin" --json)"
echo "training CRFsuite (L-BFGS, 100 iterations, classic features) on the same sentences ..." >&2
theirs="$(node "$here/crf.js" "$train" "$fraction" 100)"

node -e '
const ours = JSON.parse(process.argv[1]), theirs = JSON.parse(process.argv[2]);
const pct = x => (100 * x).toFixed(2);
const row = (name, r) => console.log(name.padEnd(10), pct(r.precision).padStart(9), pct(r.recall).padStart(8), pct(r.f1).padStart(8), String(r.tokens_per_second).padStart(12), String(r.tokens_per_cpu_second).padStart(14));
console.log("system".padEnd(10), "precision".padStart(9), "recall".padStart(8), "F1".padStart(8), "tokens/s".padStart(12), "tokens/cpu-s".padStart(14));
row("marsad", ours);
row("crfsuite", theirs);
console.log(`dev tokens: ${ours.tokens} (marsad) / ${theirs.tokens} (crfsuite)`);
console.log(`F1 difference: ${(100 * (ours.f1 - theirs.f1)).toFixed(2)} points`);
console.log(`throughput ratio marsad/crfsuite: ${(ours.tokens_per_second / theirs.tokens_per_second).toFixed(1)}x wall clock (fastest of 3 passes), ${(ours.tokens_per_cpu_second / theirs.tokens_per_cpu_second).toFixed(1)}x per CPU-second`);
' "$ours" "$theirs"
