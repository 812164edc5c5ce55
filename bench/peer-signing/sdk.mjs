// The TypeScript SDK's half of the peer signing benchmark: signs the same order actions as Halyard's
// bench/Halyard.Bench/PeerSigning.cs (same throwaway key, actions, nonces, mainnet) with
// @nktkas/hyperliquid's signL1Action and a viem local account, and prints one JSON line.
import { createHash } from "node:crypto";
import { signL1Action } from "@nktkas/hyperliquid/signing";
import { privateKeyToAccount } from "viem/accounts";

const count = Number(process.argv[2] ?? 1000);
const FIRST_NONCE = 1_700_000_000_000;
const key = "0x" + createHash("sha256").update("halyard-bench").digest("hex");
const wallet = privateKeyToAccount(key);

const cloid = (i) => "0x" + i.toString(16).padStart(32, "0");
// Key order as the venue hashes it (the SDK's canonical order for an order action).
const action = (i) => ({
  type: "order",
  orders: [{ a: 4, b: true, p: "1670.1", s: "0.0147", r: false, t: { limit: { tif: "Gtc" } }, c: cloid(i) }],
  grouping: "na",
});
const sign = (i) => signL1Action({ wallet, action: action(i), nonce: FIRST_NONCE + i, isTestnet: false });
const text = (s) => "0x" + s.r.slice(2).padStart(64, "0") + s.s.slice(2).padStart(64, "0") + s.v.toString(16).padStart(2, "0");

for (let i = 0; i < 200; i++) await sign(i);
const first = await sign(0);
let last = first;
const started = process.hrtime.bigint();
for (let i = 0; i < count; i++) last = await sign(i);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(JSON.stringify({
  impl: "@nktkas/hyperliquid", count, seconds: Number(seconds.toFixed(3)), perSecond: Math.round(count / seconds),
  first: text(first), last: text(last),
}));
