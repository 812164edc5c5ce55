# The TypeScript SDK (@nktkas/hyperliquid) and viem for scripts/sdk-conformance, from the npm registry,
# exactly as pinned by its committed package-lock.json (sourced by .ci/run; idempotent).
if [ ! -d scripts/sdk-conformance/node_modules/@nktkas/hyperliquid ]; then
  command -v npm >/dev/null 2>&1 || ensure_apt nodejs npm || return 1
  (cd scripts/sdk-conformance && npm ci --no-audit --no-fund >&2) || return 1
fi
