#!/usr/bin/env bash
# Signs the same order actions with Halyard and with the TypeScript SDK (@nktkas/hyperliquid, pinned in
# package-lock.json) in one run, checks both produced the same signatures, and prints the ratio.
# Usage: bench/peer-signing/run.sh [halyard-count] [sdk-count]   (defaults 20000 and 2000)
# Not needed by the README's commands; installs the SDK with `npm ci` into this folder.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
halyard_count="${1:-20000}"
sdk_count="${2:-2000}"

if [ ! -d "$here/node_modules/@nktkas/hyperliquid" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
dotnet build -c Release "$repo/bench/Halyard.Bench" -v quiet -nologo > /dev/null
bench="$repo/bench/Halyard.Bench/bin/Release/net10.0/Halyard.Bench.dll"

# Alternate the two sides twice so load from other processes falls on both; the best of each counts.
results=()
for round in 1 2; do
  results+=("$(taskset -c 0 dotnet "$bench" peer-signing "$halyard_count" 2>/dev/null || dotnet "$bench" peer-signing "$halyard_count")")
  results+=("$(cd "$here" && (taskset -c 0 node sdk.mjs "$sdk_count" 2>/dev/null || node sdk.mjs "$sdk_count"))")
done
printf '%s\n' "${results[@]}"
printf '%s\n' "${results[@]}" | node -e '
const lines = require("fs").readFileSync(0, "utf8").trim().split("\n").map(JSON.parse);
const best = (impl) => lines.filter((l) => l.impl === impl).reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
const h = best("halyard"), s = best("@nktkas/hyperliquid");
if (h.first !== s.first) { console.error("signatures differ: halyard " + h.first + " sdk " + s.first); process.exit(1); }
const lastSame = h.count === s.count ? (h.last === s.last ? "yes" : "NO") : "n/a (different counts)";
console.log(`halyard (${h.backend}): ${h.perSecond} signatures/s; @nktkas/hyperliquid: ${s.perSecond} signatures/s; ratio ${(h.perSecond / s.perSecond).toFixed(1)}x (same first signature: yes; same last: ${lastSame})`);
'
