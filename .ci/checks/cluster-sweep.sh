#!/usr/bin/env bash
# Two silos clustered through a real Redis, a sweep of 8 replays, one silo SIGKILLed mid-sweep (scripts/cluster-sweep.sh).
set -uo pipefail
cd "$(dirname "$0")/../.."
timeout 480 bash scripts/cluster-sweep.sh
