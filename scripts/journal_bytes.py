#!/usr/bin/env python3
"""Where the bytes of a journal go: sums the bytes of cycles.jsonl per top-level field, per action of `actions[]`
and per action and field of `decisions[]`, as stored (schema 2's compact forms are counted as written).

Usage: python3 scripts/journal_bytes.py [runs/replay/cycles.jsonl]
"""
import collections, json, sys


def size(value):
    return len(json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode())


def main(path):
    top, actions, action_count = collections.Counter(), collections.Counter(), collections.Counter()
    decisions, decision_fields = collections.Counter(), collections.Counter()
    records = total = 0
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            records += 1
            total += len(line.encode())
            record = json.loads(line)
            for key, value in record.items():
                top[key] += size(value) + len(key) + 4
            for action in record.get("actions") or []:
                actions[action.get("action")] += size(action)
                action_count[action.get("action")] += 1
            for decision in record.get("decisions") or []:
                decisions[decision.get("action")] += size(decision)
                for key, value in decision.items():
                    decision_fields[key] += size(value) + len(key) + 4
    if records == 0:
        print("no records")
        return 1
    print(f"records {records}  bytes {total}  per record {total / records:.0f}")
    for title, counter in (("top-level field", top), ("decisions by action", decisions), ("decision field", decision_fields)):
        print(f"-- {title} (MB)")
        for key, value in counter.most_common():
            print(f"{key:28s}{value / 1e6:9.2f}")
    print("-- actions by action (MB, count)")
    for key, value in actions.most_common():
        print(f"{key:28s}{value / 1e6:9.2f} {action_count[key]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "runs/replay/cycles.jsonl"))
