#!/usr/bin/env bash
# Profiles the default replay with perf (processor samples, call stacks through the JIT's perf map) and prints
# where the processor time of the cycles goes, in µs per cycle by component (docs/performance.md).
# Needs perf (Debian: linux-perf) and python3; builds nothing: run `dotnet build -c Release src/Halyard.Cli` first.
# Usage: scripts/replay-profile.sh [extra replay arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 \
  perf record -F 999 -g -o "$out/perf.data" -- \
  dotnet src/Halyard.Cli/bin/Release/net10.0/Halyard.Cli.dll replay --out "$out/run" "$@" > "$out/replay.log" 2>&1
grep -E "cycles  |wall time|processor time" "$out/replay.log" | tr -s ' │' ' '
cycles=$(grep -oE '"cycles": *[0-9]+' "$out/run/summary.json" | head -1 | grep -oE '[0-9]+')
perf script -i "$out/perf.data" -F comm,tid,time,ip,sym,dso 2>/dev/null | python3 scripts/replay_profile.py "$cycles" 999
