// SDK conformance: starts `halyard paper-exchange` on a free loopback port, funds the TypeScript SDK's
// public test key, and trades on it with @nktkas/hyperliquid exactly as a user would (HttpTransport with
// apiUrl, a viem account, the SDK's own Date.now() nonces). Every answer is checked; the script prints one
// line per check and exits 0 when all passed.
//
//   node conformance.mjs [--cli "dotnet path/to/Halyard.Cli.dll"]
//
// Environment: HALYARD_CLI overrides the command that runs the Halyard CLI (default: the Debug or Release
// build of src/Halyard.Cli next to this repository). The whole run is bounded (CONFORMANCE_TIMEOUT_S, 180 s).
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ApiRequestError, ExchangeClient, HttpTransport, InfoClient } from "@nktkas/hyperliquid";
import { privateKeyToAccount } from "viem/accounts";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const timeoutSeconds = Number(process.env.CONFORMANCE_TIMEOUT_S ?? 180);

// The TypeScript SDK's public test key, from the repository's signing vectors (never funded anywhere real).
function sdkTestKey() {
  const vectors = JSON.parse(readFileSync(join(root, "tests/Halyard.Tests/Fixtures/vectors/signing.json"), "utf8"));
  const vector = vectors.l1.find((v) => v.origin.repo === "nktkas/hyperliquid");
  if (!vector) throw new Error("no nktkas/hyperliquid vector in signing.json");
  return vector.privateKey;
}

function cliCommand() {
  const flag = process.argv.indexOf("--cli");
  const text = flag > 0 ? process.argv[flag + 1] : process.env.HALYARD_CLI;
  if (text) return text.split(" ").filter((part) => part.length > 0);
  for (const configuration of ["Release", "Debug"]) {
    const dll = join(root, "src/Halyard.Cli/bin", configuration, "net10.0/Halyard.Cli.dll");
    if (existsSync(dll)) return ["dotnet", dll];
  }
  throw new Error("Halyard.Cli is not built: run `dotnet build src/Halyard.Cli` (or pass --cli)");
}

/** Starts the paper exchange on port 0 and resolves with its base URL (read from its first line). */
function startPaperExchange(account) {
  const [command, ...args] = cliCommand();
  const child = spawn(command, [...args, "paper-exchange", "--port", "0", "--fund", `${account}:10000`], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const ready = new Promise((resolve, reject) => {
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk.toString();
      const match = /Paper exchange on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.stderr.on("data", (chunk) => process.stderr.write(chunk));
    child.on("exit", (code) => reject(new Error(`paper-exchange exited with ${code} before listening:\n${output}`)));
  });
  return { child, ready };
}

let passed = 0;
let failed = 0;

async function check(name, body) {
  try {
    const detail = await body();
    passed++;
    console.log(`PASS ${name}${detail ? ` — ${detail}` : ""}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${name} — ${error instanceof Error ? error.message : String(error)}`);
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/** Runs `action`, which must be refused by the venue; returns the venue's text. */
async function refused(action) {
  try {
    const answer = await action();
    throw new Error(`accepted: ${JSON.stringify(answer)}`);
  } catch (error) {
    if (error instanceof ApiRequestError) return error.message;
    throw error;
  }
}

/** A price on the venue's grid: 5 significant figures, at most 6 − szDecimals decimals. */
function price(value, szDecimals) {
  const decimals = Math.max(0, 6 - szDecimals);
  const significant = Number(value.toPrecision(5));
  return String(Number(significant.toFixed(decimals)));
}

async function run(baseUrl, wallet) {
  const transport = new HttpTransport({ apiUrl: baseUrl, timeout: 10_000 });
  const info = new InfoClient({ transport });
  const exchange = new ExchangeClient({ transport, wallet });
  const user = wallet.address.toLowerCase();

  const meta = await info.meta();
  const eth = meta.universe.findIndex((asset) => asset.name === "ETH");
  const ethDecimals = meta.universe[eth].szDecimals;
  const mids = await info.allMids();
  const mid = Number(mids.ETH);
  const below = price(mid * 0.9, ethDecimals);
  const through = price(mid * 1.01, ethDecimals);
  const size = (20 / mid).toFixed(ethDecimals);

  await check("info meta", () => {
    expect(meta.universe[0].name === "BTC" && eth === 1, `universe starts ${meta.universe.slice(0, 2).map((a) => a.name)}`);
    return `${meta.universe.length} assets`;
  });
  await check("info allMids / l2Book / metaAndAssetCtxs / candleSnapshot", async () => {
    const book = await info.l2Book({ coin: "ETH" });
    const [metaAgain, contexts] = await info.metaAndAssetCtxs();
    const now = Date.now();
    const candles = await info.candleSnapshot({ coin: "ETH", interval: "5m", startTime: 0, endTime: now });
    expect(Number(book.levels[0][0].px) < Number(book.levels[1][0].px), "bid below ask");
    expect(contexts.length === metaAgain.universe.length && Number(contexts[eth].markPx) > 0, "one context per asset");
    expect(candles.length > 0, "candles");
    return `ETH mid ${mids.ETH}, bbo ${book.levels[0][0].px}@${book.levels[1][0].px}, ${candles.length} candles`;
  });
  await check("info clearinghouseState: the funded test key", async () => {
    const state = await info.clearinghouseState({ user });
    expect(Number(state.marginSummary.accountValue) === 10_000, `accountValue ${state.marginSummary.accountValue}`);
    return `accountValue ${state.marginSummary.accountValue}`;
  });
  await check("noop with the SDK's Date.now() nonce", async () => {
    const answer = await exchange.noop({});
    expect(answer.status === "ok", JSON.stringify(answer));
  });
  await check("expiresAfter in the past: Action already expired", async () => {
    const text = await refused(() => exchange.noop({}, { expiresAfter: Date.now() - 1_000 }));
    expect(text === "Action already expired", text);
    return text;
  });
  await check("updateLeverage 10x cross", async () => {
    const answer = await exchange.updateLeverage({ asset: eth, isCross: true, leverage: 10 });
    expect(answer.status === "ok", JSON.stringify(answer));
  });

  let restingOid;
  await check("order Gtc below the market rests; orderStatus by oid", async () => {
    const answer = await exchange.order({ orders: [{ a: eth, b: true, p: below, s: size, r: false, t: { limit: { tif: "Gtc" } } }], grouping: "na" });
    restingOid = answer.response.data.statuses[0].resting?.oid;
    expect(typeof restingOid === "number", JSON.stringify(answer.response.data.statuses[0]));
    const status = await info.orderStatus({ user, oid: restingOid });
    expect(status.status === "order" && status.order.status === "open", JSON.stringify(status));
    return `oid ${restingOid} open at ${below}`;
  });
  await check("modify by oid: the order moves (new oid)", async () => {
    const lower = price(mid * 0.85, ethDecimals);
    await exchange.modify({ oid: restingOid, order: { a: eth, b: true, p: lower, s: size, r: false, t: { limit: { tif: "Gtc" } } } });
    const open = await info.openOrders({ user });
    expect(open.length === 1 && Number(open[0].limitPx) === Number(lower), JSON.stringify(open));
    restingOid = open[0].oid;
    return `now oid ${restingOid} at ${open[0].limitPx}`;
  });
  await check("cancel by oid", async () => {
    const answer = await exchange.cancel({ cancels: [{ a: eth, o: restingOid }] });
    expect(answer.response.data.statuses[0] === "success", JSON.stringify(answer));
    const text = await refused(() => exchange.cancel({ cancels: [{ a: eth, o: restingOid }] }));
    expect(text.includes("Order was never placed, already canceled, or filled."), text);
    return text;
  });
  await check("order with cloid, cancelByCloid", async () => {
    // A realistic 128-bit cloid: the SDK reads a numerically small hex string (0x…c1) as an oid number.
    const cloid = "0x" + "5d1c0ffee0ddba11".repeat(2);
    const answer = await exchange.order({ orders: [{ a: eth, b: true, p: below, s: size, r: false, t: { limit: { tif: "Gtc" } }, c: cloid }], grouping: "na" });
    expect(answer.response.data.statuses[0].resting?.cloid === cloid, JSON.stringify(answer.response.data.statuses[0]));
    const byCloid = await info.orderStatus({ user, oid: cloid });
    expect(byCloid.status === "order" && byCloid.order.status === "open", JSON.stringify(byCloid));
    const cancelled = await exchange.cancelByCloid({ cancels: [{ asset: eth, cloid }] });
    expect(cancelled.response.data.statuses[0] === "success", JSON.stringify(cancelled));
    return `cloid ${cloid}`;
  });
  await check("order Ioc through the market fills; position opens", async () => {
    const answer = await exchange.order({ orders: [{ a: eth, b: true, p: through, s: size, r: false, t: { limit: { tif: "Ioc" } } }], grouping: "na" });
    const filled = answer.response.data.statuses[0].filled;
    expect(filled && Number(filled.totalSz) === Number(size), JSON.stringify(answer.response.data.statuses[0]));
    const state = await info.clearinghouseState({ user });
    const position = state.assetPositions.find((p) => p.position.coin === "ETH");
    expect(position && Number(position.position.szi) === Number(size), JSON.stringify(state.assetPositions));
    return `filled ${filled.totalSz} @ ${filled.avgPx}`;
  });
  let stopOid;
  await check("trigger: plain (na) stop-loss market rests with an oid", async () => {
    const trigger = price(mid * 0.8, ethDecimals);
    const limit = price(mid * 0.72, ethDecimals);
    const answer = await exchange.order({
      orders: [{ a: eth, b: false, p: limit, s: size, r: true, t: { trigger: { isMarket: true, triggerPx: trigger, tpsl: "sl" } } }],
      grouping: "na",
    });
    stopOid = answer.response.data.statuses[0].resting?.oid;
    expect(typeof stopOid === "number", JSON.stringify(answer.response.data.statuses[0]));
    const open = await info.frontendOpenOrders({ user });
    const stop = open.find((o) => o.oid === stopOid);
    expect(stop && stop.isTrigger && stop.orderType === "Stop Market" && Number(stop.triggerPx) === Number(trigger), JSON.stringify(open));
    return `oid ${stopOid} Stop Market at ${trigger}`;
  });
  await check("trigger: positionTpsl take-profit answers waitingForTrigger (no oid)", async () => {
    const trigger = price(mid * 1.2, ethDecimals);
    const answer = await exchange.order({
      orders: [{ a: eth, b: false, p: trigger, s: size, r: true, t: { trigger: { isMarket: false, triggerPx: trigger, tpsl: "tp" } } }],
      grouping: "positionTpsl",
    });
    const status = answer.response.data.statuses[0];
    expect(status === "waitingForTrigger", JSON.stringify(status));
    const open = await info.frontendOpenOrders({ user });
    expect(open.some((o) => o.orderType === "Take Profit Limit" && Number(o.triggerPx) === Number(trigger)), JSON.stringify(open));
    return JSON.stringify(status);
  });
  await check("price band: 95% from the reference price refused", async () => {
    const text = await refused(() =>
      exchange.order({ orders: [{ a: eth, b: true, p: price(mid * 0.04, ethDecimals), s: "1", r: false, t: { limit: { tif: "Gtc" } } }], grouping: "na" }));
    expect(text.includes("Order price cannot be more than 95% away from the reference price"), text);
    return text;
  });
  await check("scheduleCancel: the volume gate with the traded volume", async () => {
    const text = await refused(() => exchange.scheduleCancel({ time: Date.now() + 60_000 }));
    expect(/^Cannot set scheduled cancel time until enough volume traded\. Required: \$1000000\. Traded: \$[0-9.]+\.$/.test(text), text);
    return text;
  });
  await check("close with reduce-only Ioc: flat, the position's TP/SL cancelled", async () => {
    const answer = await exchange.order({ orders: [{ a: eth, b: false, p: price(mid * 0.99, ethDecimals), s: size, r: true, t: { limit: { tif: "Ioc" } } }], grouping: "na" });
    expect(answer.response.data.statuses[0].filled, JSON.stringify(answer.response.data.statuses[0]));
    const state = await info.clearinghouseState({ user });
    expect(!state.assetPositions.some((p) => p.position.coin === "ETH"), JSON.stringify(state.assetPositions));
    const open = await info.frontendOpenOrders({ user });
    expect(!open.some((o) => o.isPositionTpsl), JSON.stringify(open));
    const status = await info.orderStatus({ user, oid: stopOid });
    return `plain stop ${stopOid}: ${status.order?.status}`;
  });
  await check("userFills: both fills, with fees", async () => {
    const fills = await info.userFills({ user });
    expect(fills.length === 2 && fills.every((f) => Number(f.fee) > 0), JSON.stringify(fills));
    return fills.map((f) => `${f.dir} ${f.sz}@${f.px}`).join(", ");
  });
  await check("userRateLimit", async () => {
    const limit = await info.userRateLimit({ user });
    expect(limit.nRequestsUsed > 0 && limit.nRequestsCap >= 10_000, JSON.stringify(limit));
    return `${limit.nRequestsUsed} used of ${limit.nRequestsCap}`;
  });
}

const wallet = privateKeyToAccount(sdkTestKey());
const { child, ready } = startPaperExchange(wallet.address.toLowerCase());
const guard = setTimeout(() => {
  console.log(`FAIL timeout — the conformance run took more than ${timeoutSeconds} s`);
  child.kill("SIGTERM");
  process.exit(1);
}, timeoutSeconds * 1_000);
let exitCode = 1;
try {
  const baseUrl = await ready;
  console.log(`paper exchange at ${baseUrl}, SDK @nktkas/hyperliquid, account ${wallet.address}`);
  await run(baseUrl, wallet);
  console.log(`${passed} passed, ${failed} failed`);
  exitCode = failed === 0 && passed > 0 ? 0 : 1;
} catch (error) {
  console.log(`FAIL setup — ${error instanceof Error ? error.message : String(error)}`);
} finally {
  clearTimeout(guard);
  child.kill("SIGTERM");
}
process.exit(exitCode);
