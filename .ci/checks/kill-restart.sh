#!/usr/bin/env bash
# End-to-end: SIGKILL/restart and SIGTERM of `halyard run` against a faulty standalone paper exchange.
set -euo pipefail
cd "$(dirname "$0")/../.."
timeout 420 bash scripts/kill-restart.sh --kills 20 --terms 3
