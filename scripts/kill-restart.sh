#!/usr/bin/env bash
# Kill/restart check of `halyard run` (issue 11): SIGKILL at random moments (>= 20, half mid-send), restart,
# SIGTERM; audits the paper exchange's exchange.jsonl, the journal and the ledgers. Usage:
#   scripts/kill-restart.sh [--kills N] [--terms N] [--speed N] [--seed N]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Halyard.Cli -v q -nologo >/dev/null
work="$(mktemp -d "${TMPDIR:-/tmp}/halyard-kill-restart.XXXXXX")"
echo "work folder: $work"
python3 scripts/kill_restart.py --cli src/Halyard.Cli/bin/Debug/net10.0/Halyard.Cli.dll --work "$work" "$@"
