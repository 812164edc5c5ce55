#!/usr/bin/env bash
# The README's main command on this clone: `dotnet run -c Release` builds the CLI precompiled (ReadyToRun) and replays
# the bundled 30 days; its summary must say the engine ran precompiled, with the pinned orders. Bounded: 15 minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
timeout 900 dotnet run -c Release --project src/Halyard.Cli -- replay --out "$out/run" > "$out/replay.log" 2>&1 || { tail -n 40 "$out/replay.log"; exit 1; }
python3 - "$out/run/summary.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
code = s.get("code") or {}
print(f"ready-to-run: cycles {s['cycles']}, {s['cycles_per_second']} cycles/s, code {code}, orders {s['actions_sha256'][:16]}")
assert s["cycles"] == 14400, "the default replay ran 14,400 cycles"
assert code.get("ready_to_run") is True, "the Release build of the CLI runs precompiled (ReadyToRun)"
assert s["actions_sha256"].startswith("c452d3f91e5259ef"), "the default replay's orders are the pinned ones"
PY
