#!/usr/bin/env bash
# End-to-end sweep on a real cluster (docs/sweeps.md): starts a real Redis on a loopback port, two
# `halyard silo` processes clustered through it, and a sweep of 8 short replays submitted with
# `halyard sweep --cluster`; SIGKILLs one silo while it runs a job; then checks that every job finished
# once, with the same orders sha256 as the same job run locally. Stops Redis and the silos itself.
# Needs redis-server and python3 (.ci/install.d/40-redis.sh installs them). Exit 0 = passed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

for tool in redis-server redis-cli python3; do
  command -v "$tool" >/dev/null || { echo "cluster-sweep: $tool is missing (apt-get install redis-server python3)" >&2; exit 1; }
done

cli="$root/src/Halyard.Cli/bin/Debug/net10.0/Halyard.Cli.dll"
if [ ! -f "$cli" ] || [ "${REBUILD:-0}" = 1 ]; then
  dotnet build src/Halyard.Cli -v q -nologo >&2
fi
# exec: a background `halyard … &` is then the dotnet process itself, so $! is the PID a SIGKILL must reach.
halyard() { exec dotnet "$cli" "$@"; }

work=$(mktemp -d /tmp/halyard-cluster-sweep.XXXXXX)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
redis_port=$(free_port)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
  wait 2>/dev/null || true
  if [ "${KEEP:-0}" = 1 ]; then echo "cluster-sweep: kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --daemonize no >"$work/redis.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.2; done
redis-cli -p "$redis_port" ping >/dev/null

cat >"$work/cluster.yaml" <<YAML
cluster_id: sweep-check-$$
service_id: halyard
clustering: redis
connection: 127.0.0.1:$redis_port
host: 127.0.0.1
workers: 1
lease_timeout: 6s
poll: 200ms
probe_timeout: 1s
missed_probes: 2
death_votes: 1
YAML

sweep_yaml() { # $1 = out folder
  cat <<YAML
name: cluster-check
out: $1
axes:
  - key: traders[*].risk_params.altcoin_leverage
    name: lev
    values: [3, 5, 8, 10]
  - key: replay
    name: window
    labels: [d2, d3]
    values:
      - { from: "2025-07-02T00:00:00Z", to: "2025-07-02T02:00:00Z" }
      - { from: "2025-07-03T00:00:00Z", to: "2025-07-03T02:00:00Z" }
YAML
}
sweep_yaml "$work/cluster" >"$work/sweep.yaml"
sweep_yaml "$work/local" >"$work/sweep-local.yaml"

silo_a_port=$(free_port); gw_a=$(free_port); silo_b_port=$(free_port); gw_b=$(free_port)
halyard silo --config "$work/cluster.yaml" --silo-port "$silo_a_port" --gateway-port "$gw_a" --name silo-a >"$work/silo-a.log" 2>&1 &
pids+=($!)
halyard silo --config "$work/cluster.yaml" --silo-port "$silo_b_port" --gateway-port "$gw_b" --name silo-b >"$work/silo-b.log" 2>&1 &
silo_b=$!
pids+=($silo_b)
for log in silo-a silo-b; do
  for _ in $(seq 1 300); do grep -q "^Silo " "$work/$log.log" && break; sleep 0.2; done
  grep -q "^Silo " "$work/$log.log" || { echo "cluster-sweep: $log did not start" >&2; cat "$work/$log.log" >&2; exit 1; }
done
echo "cluster-sweep: redis on 127.0.0.1:$redis_port, silo-a and silo-b up" >&2

halyard sweep "$work/sweep.yaml" --cluster "$work/cluster.yaml" >"$work/sweep.log" 2>&1 &
sweep_pid=$!
pids+=($sweep_pid)

# Kill silo-b while the index shows it running a job.
victim_job=""
for _ in $(seq 1 600); do
  victim_job=$(python3 - "$work/cluster/index.json" <<'PY' 2>/dev/null || true
import json, sys
jobs = json.load(open(sys.argv[1]))["jobs"]
print(next((j["name"] for j in jobs if j["status"] == "running" and j.get("worker") == "silo-b"), ""))
PY
)
  [ -n "$victim_job" ] && break
  sleep 0.1
done
[ -n "$victim_job" ] || { echo "cluster-sweep: silo-b never ran a job" >&2; cat "$work/sweep.log" >&2; exit 1; }
kill -9 "$silo_b"
echo "cluster-sweep: SIGKILLed silo-b while it ran $victim_job" >&2

status=0
timeout 300 tail --pid="$sweep_pid" -f /dev/null || { echo "cluster-sweep: the sweep did not finish" >&2; exit 1; }
wait "$sweep_pid" || status=$?
cat "$work/sweep.log" >&2
[ "$status" -eq 0 ] || { echo "cluster-sweep: halyard sweep --cluster exited $status" >&2; exit 1; }

echo "cluster-sweep: the same 8 jobs locally (2 workers) for their orders sha256" >&2
(halyard sweep "$work/sweep-local.yaml" --workers 2) >"$work/local.log" 2>&1 || { cat "$work/local.log" >&2; exit 1; }

python3 - "$work/cluster/index.json" "$work/local/index.json" "$victim_job" <<'PY'
import json, statistics, sys
from datetime import datetime
cluster = json.load(open(sys.argv[1]))["jobs"]
local = {j["name"]: j for j in json.load(open(sys.argv[2]))["jobs"]}
victim = sys.argv[3]
t = lambda s: datetime.fromisoformat(s)
ok = True
names = [j["name"] for j in cluster]
if len(names) != 8 or len(set(names)) != 8 or set(names) != set(local):
    print("jobs differ:", names, sorted(local)); ok = False
for j in cluster:
    l = local.get(j["name"], {})
    if j["status"] != "done" or not j.get("actions_sha256") or j["actions_sha256"] != l.get("actions_sha256"):
        print("MISMATCH", j["name"], j["status"], j.get("actions_sha256"), l.get("actions_sha256")); ok = False
    print(f'{j["name"]:24} {j["worker"]:7} attempts {j["attempts"]}  sha {j["actions_sha256"][:16]}  local {l.get("actions_sha256", "")[:16]}')
v = next(j for j in cluster if j["name"] == victim)
if v["attempts"] < 2 or v["worker"] == "silo-b":
    print("the killed job did not restart elsewhere:", v); ok = False
firsts = {}
for j in sorted(cluster, key=lambda j: j["started_at"]):
    firsts.setdefault(j["worker"], j)
start = [(t(j["started_at"]) - t(j["submitted_at"])).total_seconds() * 1000 for j in firsts.values()]
index = [(t(j["indexed_at"]) - t(j["finished_at"])).total_seconds() * 1000 for j in cluster]
print(f"submission to start (first job of each worker, no queue): {', '.join(f'{x:.0f} ms' for x in start)}")
print(f"finish to index: median {statistics.median(index):.0f} ms, max {max(index):.0f} ms over {len(index)} jobs")
print("cluster-sweep:", "PASSED" if ok else "FAILED")
sys.exit(0 if ok else 1)
PY
