"""Compares two replay run folders: cycles.jsonl with every "wall_clock" and "latency_ms" removed (numbers kept as
their text, so a changed scale counts), and exchange.jsonl byte for byte. Prints the first difference and exits 1,
or prints the line counts and exits 0. Used to check that a speed change leaves the journal identical
(docs/performance.md). Usage: python3 scripts/replay_equal.py RUN_A RUN_B"""
import json
import os
import sys
from decimal import Decimal

DROP = {"wall_clock", "latency_ms"}


def strip(value):
    if isinstance(value, dict):
        return {k: strip(v) for k, v in value.items() if k not in DROP}
    if isinstance(value, list):
        return [strip(v) for v in value]
    return value


def cycles(folder):
    with open(os.path.join(folder, "cycles.jsonl"), encoding="utf-8") as lines:
        for line in lines:
            yield strip(json.loads(line, parse_float=Decimal, parse_int=str))


def main():
    a, b = sys.argv[1], sys.argv[2]
    count = 0
    left, right = cycles(a), cycles(b)
    while True:
        x, y = next(left, None), next(right, None)
        if x is None and y is None:
            break
        count += 1
        if x != y:
            print(f"cycles.jsonl differs at line {count}:\n  {a}: {json.dumps(x, default=str)[:400]}\n  {b}: {json.dumps(y, default=str)[:400]}")
            return 1
    with open(os.path.join(a, "exchange.jsonl"), "rb") as f, open(os.path.join(b, "exchange.jsonl"), "rb") as g:
        if f.read() != g.read():
            print("exchange.jsonl differs")
            return 1
    print(f"equal: {count} cycle records, exchange.jsonl byte-identical")
    return 0


if __name__ == "__main__":
    sys.exit(main())
