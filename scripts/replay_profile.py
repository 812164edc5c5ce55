"""Reads `perf script -F comm,tid,time,ip,sym,dso` of a replay and prints the processor time of its cycles by
component, in µs per cycle. The cycles are the samples between the first trader-loop sample and the summary.
A sample counts for the first component (in the order below) any frame of its stack belongs to.
Usage: perf script ... | python3 scripts/replay_profile.py CYCLES [SAMPLE_HZ]"""
import re
import sys
from collections import Counter

RULES = [
    ("JIT compiler (background tier-up and first calls)", lambda c, st: "Tiered" in c or any("libclrjit" in d for _, d in st)),
    ("journal writer thread (serialise, write cycles.jsonl, SQLite inserts)", lambda c, st: "journal" in c or has(st, "BackgroundWriter")),
    ("journal on the cycle (hand-over; the line itself with fsync)", lambda c, st: has(st, r"Halyard\.Journal\.(CompositeJournal|ResilientJournal)::Append")),
    ("WebSocket client: receive and parse pushes", lambda c, st: has(st, r"HyperliquidSocket\+<ReceiveAsync>")),
    ("paper exchange: build and send pushes", lambda c, st: has(st, r"StreamHub|StreamSession|StreamConnection")),
    # The cycle released after an asynchronous advance runs on the advance's thread, under the driver's frames: only
    # what the driver calls itself (no trader loop frame nearer the leaf) is the driver's.
    ("replay driver: step to venue events, settle", lambda c, st: nearer(st, r"ReplayEventDriver|LiveStateSession", r"TraderLoop\+<RunAsync>")),
    ("market reads: candles, candidates, snapshots", lambda c, st: has(st, r"ReadMarketAsync")),
    ("venue reads: account, orders, universe", lambda c, st: has(st, r"ReadVenueAsync")),
    ("reconciliation", lambda c, st: has(st, r"ReconcileAsync")),
    ("performance analytics", lambda c, st: has(st, r"PerformanceAnalyzer")),
    ("rest of the cycle: decisions, risk, orders, record", lambda c, st: has(st, r"TraderLoop")),
    ("thread pool waiting for work", lambda c, st: has(st, r"WorkerThreadStart|LowLevelLifoSemaphore|LowLevelSpinWaiter")),
]


def has(stack, pattern):
    return any(re.search(pattern, symbol) for symbol, _ in stack)


def nearer(stack, pattern, other):
    """True when a frame of pattern comes before (nearer the leaf than) any frame of other."""
    for symbol, _ in stack:
        if re.search(other, symbol):
            return False
        if re.search(pattern, symbol):
            return True
    return False


def samples(lines):
    current = None
    for line in lines:
        if not line.strip():
            if current:
                yield current
            current = None
        elif not line.startswith(("\t", " ")):
            tokens = line.split()
            current = (" ".join(tokens[:-2]), float(tokens[-1].rstrip(":")), [])
        elif current is not None:
            rest = line.strip().split(" ", 1)[1] if " " in line.strip() else ""
            match = re.match(r"(.*) \((.*)\)$", rest)
            current[2].append((match.group(1), match.group(2)) if match else (rest, ""))
    if current:
        yield current


def main():
    cycles = int(sys.argv[1])
    hz = float(sys.argv[2]) if len(sys.argv) > 2 else 999.0
    every = list(samples(sys.stdin))
    # The cycles' window: samples inside a cycle (TraderCycle). Not "TraderLoop": the summary's read-back runs as the
    # loop's continuation on its thread, and in a precompiled build its own frames have no names.
    loop = [t for _, t, st in every if has(st, "TraderCycle")]
    start, end = min(loop), max(loop)
    window = [s for s in every if start <= s[1] <= end]
    counts = Counter()
    for comm, _, stack in window:
        counts[next((name for name, rule in RULES if rule(comm, stack)), "other (native frames without a managed caller)")] += 1
    print(f"{len(window) / hz:.1f} processor seconds in {end - start:.1f} s of cycles; {len(window) / hz / cycles * 1e6:.0f} µs per cycle")
    for name, count in counts.most_common():
        print(f"{count / hz / cycles * 1e6:7.1f} µs  {count * 100 / len(window):5.1f} %  {name}")


if __name__ == "__main__":
    main()
