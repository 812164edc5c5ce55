#!/usr/bin/env python3
"""Kill/restart audit of `halyard run` against a standalone paper exchange with faults.

Starts `halyard paper-exchange --speed N` with fault injection, then `halyard run` against it; SIGKILLs the
run at random moments (half of them right after an /exchange request arrived, i.e. mid-send) and restarts it
each time; then SIGTERMs it the same way. A monitor polls the venue (clearinghouseState, frontendOpenOrders)
all along. At the end it audits the paper exchange's exchange.jsonl, the journal and the ledgers:
no cloid accepted twice, no two open orders with one cloid, no intent with two live entry (or close) orders, every position protected by the end of the first
cycle after each restart, journal and ledgers readable, no fsynced cycle record lost; SIGTERM runs exit
within the grace with every position protected. Prints the figures; exit 0 only when every check held.
Uses only the public test key of the signing vectors (never a real account).
"""
import argparse, json, os, random, signal, socket, subprocess, sys, threading, time, urllib.error, urllib.request

ACCOUNT = "0xe5ca49fb3bd9a581f0d1ef9cb5d7177da08bf901"  # the TypeScript SDK's public test signer


def test_key():
    """The key signing for ACCOUNT: HALYARD_KR_KEY if set, else the public test key of the repository's signing
    vectors (never written here, never funded anywhere real)."""
    if os.environ.get("HALYARD_KR_KEY"):
        return os.environ["HALYARD_KR_KEY"]
    vectors = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "Halyard.Tests", "Fixtures", "vectors", "signing.json")
    with open(vectors) as f:
        signers = json.load(f)["conventions"]["signerAddresses"]
    return next(key for key, address in signers.items() if address.lower() == ACCOUNT)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def post(url, body, timeout=2.0, patience=60.0):
    """One /info read. The monitor shares 127.0.0.1's weight budget with the run it watches: on a 429 it waits
    (Retry-After, else a growing pause) and asks again, for at most `patience` seconds."""
    waited, pause = 0.0, 0.5
    while True:
        req = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return json.loads(r.read())
        except urllib.error.HTTPError as e:
            if e.code != 429 or waited >= patience:
                raise
            try:
                delay = float(e.headers.get("Retry-After", ""))
            except ValueError:
                delay = pause
            delay = min(delay, patience - waited, 5.0)
            time.sleep(delay)
            waited += delay
            pause = min(pause * 2, 5.0)


def lines(path):
    try:
        with open(path, "rb") as f:
            return f.read().split(b"\n")
    except FileNotFoundError:
        return []


class Monitor(threading.Thread):
    """Polls the venue; tracks, per coin, since when a position is not covered by reduce-only stop triggers."""

    def __init__(self, info_url, journal_dir):
        super().__init__(daemon=True)
        self.url = info_url
        self.journal = journal_dir
        self.intent_of = {}      # cloid -> the intent's entry cloid (from the trader's intent ledger)
        self.two_live = set()    # (intent, kind) seen with two live orders of that kind
        self.max_live_stops = 0  # most live stops one intent had at once (2 while a replacement is in place)
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.since = {}          # coin -> (real time the position became uncovered, cycle records then, kills then)
        self.max_gap = 0.0
        self.max_gap_alive = 0.0  # the longest spell that no kill interrupted
        self.gaps = []
        self.kills = 0           # set by the driver right before each SIGKILL
        self.cycle_ended_uncovered = []  # (coin, cycle records at the start, at the end): a cycle finished leaving it without a stop
        self._cycles_size = -1
        self._cycles = 0
        self.positions_seen = set()
        self.dup_open_cloids = 0
        self.polls = 0

    def state(self):
        ch = post(self.url, {"type": "clearinghouseState", "user": ACCOUNT})
        oo = post(self.url, {"type": "frontendOpenOrders", "user": ACCOUNT})
        return ch, oo

    @staticmethod
    def uncovered(ch, oo):
        out = {}
        for ap in ch.get("assetPositions", []):
            p = ap["position"]
            size = float(p["szi"])
            if size == 0:
                continue
            closing_buy = size < 0
            cover = sum(float(o["sz"]) for o in oo
                        if o["coin"] == p["coin"] and o.get("isTrigger") and o.get("reduceOnly")
                        and o["side"] == ("B" if closing_buy else "A") and o.get("orderType", "").startswith("Stop"))
            out[p["coin"]] = (abs(size), cover)
        return out

    def load_intents(self):
        """Every cloid the ledgers name (the entry's, its stop/target generations, closes, flattens) -> its intent."""
        try:
            names = [f for f in os.listdir(self.journal) if f.startswith("ledger-")]
        except OSError:
            return
        for name in names:
            for raw in lines(os.path.join(self.journal, name)):
                try:
                    rec = json.loads(raw)
                except ValueError:
                    continue
                e = rec.get("entry") if rec.get("kind") == "entry" else None
                if not e or not e.get("cloid"):
                    continue
                for c in [e["cloid"], e.get("stop_cloid"), e.get("take_profit_cloid")] + list(e.get("order_cloids") or []):
                    if c:
                        self.intent_of[c] = e["cloid"]

    @staticmethod
    def kind(o):
        if o.get("isTrigger"):
            return "stop" if o.get("orderType", "").startswith("Stop") else "take_profit"
        return "close" if o.get("reduceOnly") else "entry"

    def check_intents(self, oo):
        """One intent, one order: never two live entries (or closes) of one intent; stops are counted (a
        replacement rests beside the old one until the old is cancelled), not failed."""
        live = {}
        for o in oo:
            c = o.get("cloid")
            if c and c not in self.intent_of:
                self.load_intents()
            intent = self.intent_of.get(c)
            if intent:
                key = (intent, self.kind(o))
                live[key] = live.get(key, 0) + 1
        for (intent, kind), n in live.items():
            if kind == "stop":
                self.max_live_stops = max(self.max_live_stops, n)
            elif n > 1:
                self.two_live.add((intent, kind))

    def cycle_records(self):
        """Complete lines of cycles.jsonl (one per finished cycle), re-counted only when the file grew."""
        path = os.path.join(self.journal, "cycles.jsonl")
        try:
            size = os.path.getsize(path)
        except OSError:
            return 0
        if size != self._cycles_size:
            self._cycles_size = size
            self._cycles = sum(1 for l in lines(path)[:-1] if l.strip())
        return self._cycles

    def end_gap(self, coin, now):
        start, _, kills = self.since.pop(coin)
        gap = now - start
        self.gaps.append(gap)
        self.max_gap = max(self.max_gap, gap)
        if kills == self.kills:
            self.max_gap_alive = max(self.max_gap_alive, gap)

    def run(self):
        # A spell first seen by this poll began after the previous poll's read: a kill since then may have come
        # after the fill, so the spell counts from the kills the previous poll saw (not "no kill in between").
        previous_kills = self.kills
        while not self.stop.is_set():
            cycles = self.cycle_records()   # before the read: a record counted here was written before the state read
            kills = self.kills
            try:
                ch, oo = self.state()
            except Exception:
                time.sleep(0.05)
                continue
            now = time.monotonic()
            cloids = [o.get("cloid") for o in oo if o.get("cloid")]
            with self.lock:
                self.polls += 1
                if len(cloids) != len(set(cloids)):
                    self.dup_open_cloids += 1
                self.check_intents(oo)
                held = self.uncovered(ch, oo)
                for coin, (size, cover) in held.items():
                    self.positions_seen.add(coin)
                    if cover + 1e-12 < size:
                        start = self.since.setdefault(coin, (now, cycles, previous_kills))
                        # A cycle record written after the spell began (no kill since): that cycle ended with the
                        # position still without its stop. Spells across a kill are the first-cycle check's.
                        if start[2] == kills and kills == self.kills and cycles > start[1] \
                                and not any(c == coin and s == start[1] for c, s, _ in self.cycle_ended_uncovered):
                            self.cycle_ended_uncovered.append((coin, start[1], cycles))
                    elif coin in self.since:
                        self.end_gap(coin, now)
                for coin in list(self.since):
                    if coin not in held:
                        self.end_gap(coin, now)   # closed before it was covered
            previous_kills = kills
            time.sleep(0.05)

    def open_gaps(self):
        now = time.monotonic()
        with self.lock:
            return {c: now - t for c, t in self.since.items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True, help="path of Halyard.Cli.dll")
    ap.add_argument("--work", required=True)
    ap.add_argument("--kills", type=int, default=22)
    ap.add_argument("--terms", type=int, default=3)
    ap.add_argument("--speed", type=int, default=120)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--grace", type=int, default=20)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    os.makedirs(a.work, exist_ok=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    audit = os.path.join(a.work, "exchange.jsonl")
    journal = os.path.join(a.work, "journal")
    with open(os.path.join(a.work, "paper.yaml"), "w") as f:
        f.write("paper_exchange:\n  faults:\n    seed: 11\n    http_5xx: 0.04\n    response_lost: 0.04\n    timeout: 0.01\n")
    with open(os.path.join(a.work, "run.yaml"), "w") as f:
        f.write(f"exchange:\n  provider: paper\n  base_url: {base}\n  signer:\n    key_env: HALYARD_KR_KEY\n"
                f"journal:\n  dir: {journal}\n  sqlite: false\n"
                f"execution:\n  shutdown_grace: {a.grace}s\n"
                "traders:\n  - id: kr\n    decision_interval: 3m\n    risk_params:\n      max_position_size_usd: 100000\n")
    env = dict(os.environ, HALYARD_KR_KEY=test_key(), DOTNET_CLI_TELEMETRY_OPTOUT="1")
    paper = subprocess.Popen(["dotnet", a.cli, "paper-exchange", "--port", str(port), "--speed", str(a.speed),
                              "--config", os.path.join(a.work, "paper.yaml"), "--fund", f"{ACCOUNT}:10000",
                              "--from", "2025-07-02", "--audit", audit],
                             stdout=open(os.path.join(a.work, "paper.out"), "w"), stderr=subprocess.STDOUT, env=env)
    failures = []
    try:
        for _ in range(100):
            try:
                post(base + "/info", {"type": "allMids"})
                break
            except Exception:
                time.sleep(0.2)
        mon = Monitor(base + "/info", journal)
        mon.start()
        run_log = open(os.path.join(a.work, "run.out"), "a")
        cycles_path = os.path.join(journal, "cycles.jsonl")
        kept = []          # complete journal lines present when each kill landed (they were fsynced)
        kills = restarts = mid_send = 0
        first_cycle_unprotected = []

        def tail(offset, n=3):
            """The last lines a run printed (its output starts at offset in run.out)."""
            run_log.flush()
            with open(os.path.join(a.work, "run.out"), "rb") as f:
                f.seek(offset)
                out = [l.decode("utf-8", "replace").strip() for l in f.read().split(b"\n") if l.strip()]
            return " | ".join(out[-n:])

        def start():
            run_log.flush()
            return subprocess.Popen(["dotnet", a.cli, "run", "--config", os.path.join(a.work, "run.yaml")],
                                    stdout=run_log, stderr=subprocess.STDOUT, env=env)

        def wait_first_cycle(proc, before, timeout=150):
            end = time.monotonic() + timeout
            while time.monotonic() < end and proc.poll() is None:
                if len([l for l in lines(cycles_path) if l.strip()]) > before:
                    return True
                time.sleep(0.02)
            return False

        for i in range(a.kills):
            before = len([l for l in lines(cycles_path) if l.strip()])
            offset = os.path.getsize(os.path.join(a.work, "run.out"))
            proc = start()
            restarts += 1 if i > 0 else 0
            if not wait_first_cycle(proc, before):
                failures.append(f"run {i}: no first cycle (exit {proc.poll()}): {tail(offset)}")
            elif i > 0:
                late = {c: g for c, g in mon.open_gaps().items()}
                time.sleep(0.2)   # one monitor poll after the first cycle's record
                still = {c: g for c, g in mon.open_gaps().items() if c in late}
                if still:
                    first_cycle_unprotected.append((i, still))
            if i % 2 == 0:
                # mid-send: kill right after the venue receives an /exchange request
                n = len(lines(audit))
                end = time.monotonic() + rnd.uniform(3, 10)
                while time.monotonic() < end and len(lines(audit)) == n:
                    time.sleep(0.005)
                mid_send += 1 if len(lines(audit)) != n else 0
                time.sleep(rnd.uniform(0, 0.05))
            else:
                time.sleep(rnd.uniform(0.5, 6))
            kept.append([l for l in lines(cycles_path)[:-1] if l.strip()])
            mon.kills += 1
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            kills += 1

        term_exits = []
        for i in range(a.terms):
            before = len([l for l in lines(cycles_path) if l.strip()])
            proc = start()
            restarts += 1
            wait_first_cycle(proc, before)
            time.sleep(rnd.uniform(1, 5))
            t0 = time.monotonic()
            proc.send_signal(signal.SIGTERM)
            try:
                code = proc.wait(timeout=a.grace + 15)
            except subprocess.TimeoutExpired:
                proc.kill(); proc.wait(); code = "hung"
            took = time.monotonic() - t0
            time.sleep(0.3)
            ch, oo = mon.state()
            bad = {c: v for c, v in Monitor.uncovered(ch, oo).items() if v[1] + 1e-12 < v[0]}
            term_exits.append((code, took, len(Monitor.uncovered(ch, oo)), bad))
            if code != 0 or took > a.grace + 5 or bad:
                failures.append(f"SIGTERM {i}: exit {code} after {took:.1f}s, unprotected {bad}")
        mon.stop.set()
        mon.join()
    finally:
        paper.send_signal(signal.SIGINT)
        try:
            paper.wait(timeout=10)
        except subprocess.TimeoutExpired:
            paper.kill()

    # Audit of the venue's log: no cloid accepted twice.
    accepted = {}
    requests = 0
    for raw in lines(audit):
        if not raw.strip():
            continue
        rec = json.loads(raw)
        requests += 1
        action = (rec.get("request") or {}).get("action") or {}
        resp = rec.get("response") or {}
        if action.get("type") != "order" or resp.get("status") != "ok":
            continue
        statuses = resp["response"]["data"]["statuses"]
        for order, status in zip(action["orders"], statuses):
            if "c" in order and order["c"] and ("resting" in status or "filled" in status):
                accepted[order["c"]] = accepted.get(order["c"], 0) + 1
    duplicates = sum(1 for n in accepted.values() if n > 1)
    if duplicates:
        failures.append(f"{duplicates} cloid(s) accepted twice")
    if mon.dup_open_cloids:
        failures.append(f"{mon.dup_open_cloids} poll(s) saw two open orders with one cloid")
    if mon.two_live:
        failures.append(f"{len(mon.two_live)} intent(s) seen with two live orders of one kind: {sorted(mon.two_live)[:5]}")
    if mon.cycle_ended_uncovered:
        failures.append(f"a cycle ended with a position without its stop (coin, cycle records when the spell began, then): {mon.cycle_ended_uncovered[:5]}")
    if first_cycle_unprotected:
        failures.append(f"unprotected after the first cycle of a restart: {first_cycle_unprotected}")

    # Journal and ledgers readable; every line present at a kill still there, unchanged.
    final = [l for l in lines(os.path.join(journal, "cycles.jsonl")) if l.strip()]
    unreadable = 0
    for l in final:
        try:
            json.loads(l)
        except ValueError:
            unreadable += 1
    lost = sum(1 for snap in kept for l in snap if l not in set(final))
    ledgers = [f for f in os.listdir(journal) if f.startswith("ledger-")]
    ledger_bad = 0
    for f in ledgers:
        for l in lines(os.path.join(journal, f)):
            if l.strip():
                try:
                    json.loads(l)
                except ValueError:
                    ledger_bad += 1
    if lost:
        failures.append(f"{lost} journaled cycle record(s) lost")
    if not final:
        failures.append("no cycle journaled")

    print(f"kills: {kills} (mid-send: {mid_send}), restarts: {restarts}, SIGTERM runs: {len(term_exits)}")
    print(f"venue /exchange requests: {requests}, cloids accepted: {len(accepted)}, accepted twice: {duplicates}")
    print(f"positions seen (coins): {len(mon.positions_seen)}, unprotected spells: {len(mon.gaps)}, max seconds unprotected after a fill: {mon.max_gap:.2f} "
          f"(no kill in between: {mon.max_gap_alive:.2f}), cycles that ended with one: {len(mon.cycle_ended_uncovered)}")
    print(f"first cycle after a restart left a position unprotected: {len(first_cycle_unprotected)}")
    print(f"intents known from the ledgers: {len(set(mon.intent_of.values()))}, intents with two live entries or closes: {len(mon.two_live)}, most live stops of one intent at once: {mon.max_live_stops}")
    print(f"journal records: {len(final)} (unparseable lines: {unreadable}, fsynced records lost: {lost}); ledgers: {len(ledgers)} (unparseable lines, torn by a kill: {ledger_bad})")
    for code, took, held, bad in term_exits:
        print(f"SIGTERM: exit {code} after {took:.1f}s (grace {a.grace}s), positions {held}, unprotected {len(bad)}")
    if failures:
        print("FAILED: " + "; ".join(failures))
        return 1
    print("passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
