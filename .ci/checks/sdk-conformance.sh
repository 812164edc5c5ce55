#!/usr/bin/env bash
# SDK conformance: the TypeScript SDK @nktkas/hyperliquid trades on a standalone `halyard paper-exchange`
# (scripts/sdk-conformance/conformance.mjs). Bounded: 4 minutes in all, the script itself 3.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -d scripts/sdk-conformance/node_modules/@nktkas/hyperliquid ]; then
  echo "sdk-conformance: @nktkas/hyperliquid is missing (run: cd scripts/sdk-conformance && npm ci)" >&2
  exit 1
fi
[ -f src/Halyard.Cli/bin/Debug/net10.0/Halyard.Cli.dll ] || timeout 600 dotnet build src/Halyard.Cli >&2
timeout 240 node scripts/sdk-conformance/conformance.mjs
