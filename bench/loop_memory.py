"""What a Context made in a loop and dropped costs in Node and in Python (issue 13 item 5), and how long making one
takes. For each binding and kind (a what-if, an MCI update, a whole small dataset from its text and from its file)
a child process makes N contexts in one synchronous loop, dropping each, and reports its peak virtual size and its
resident size; the same child making none gives the baseline, and the difference divided by N is the cost of a
context until the loop ends. Node runs finalizers only when the event loop turns, so there every context of the
loop is still held at its end; Python frees each when it is dropped. The children run with MALLOC_ARENA_MAX=1 (as
the tests under `ulimit -v` do: glibc would otherwise reserve 64 MiB of address space per allocating thread).

Usage: python3 bench/loop_memory.py [--build build] [--counts what_if=N,with_mci=N,...] [--out FILE]
"""
import argparse
import datetime
import json
import os
import pathlib
import platform
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
MINIMAL = str(ROOT / "docs" / "examples" / "dataset-minimal.json")
UPDATE = json.dumps({
    "citations": [{"id": "fx", "act": "test fixture", "seen_in": "the bench", "status": "official"}],
    "known_until": "2027-12-31", "known_until_citation": "fx",
    "periods": [{"from": "2027-01-01", "tenge": 5000, "purpose": "all", "citation": "fx"}]})

NODE_CHILD = """
const fs = require('fs');
const k = require(process.argv[1]);
const [kind, count, minimal, update] = [process.argv[2], Number(process.argv[3]), process.argv[4], process.argv[5]];
const base = new k.Context();
const text = fs.readFileSync(minimal);
const make = { what_if: () => base.whatIf(5000), with_mci: () => base.withMci(update),
  from_json: () => k.Context.fromJSON(text), from_file: () => k.Context.fromFile(minimal) }[kind];
const t0 = process.hrtime.bigint();
for (let i = 0; i < count; i++) make();
const ns = Number(process.hrtime.bigint() - t0);
const st = fs.readFileSync('/proc/self/status', 'utf8');
const kib = (k) => Number(st.match(new RegExp(k + ':\\\\s+(\\\\d+)'))[1]);
console.log(JSON.stringify({ peak: kib('VmPeak'), rss: kib('VmRSS'), ns }));
"""

PY_CHILD = """
import json, sys, time, kzpenalty
kind, count, minimal, update = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
base = kzpenalty.Context()
text = open(minimal, "rb").read()
make = {"what_if": lambda: base.what_if(5000), "with_mci": lambda: base.with_mci(update),
        "from_json": lambda: kzpenalty.Context.from_json(text),
        "from_file": lambda: kzpenalty.Context.from_file(minimal)}[kind]
t0 = time.perf_counter_ns()
for _ in range(count):
    make()
ns = time.perf_counter_ns() - t0
st = dict(l.split(":", 1) for l in open("/proc/self/status"))
print(json.dumps({"peak": int(st["VmPeak"].split()[0]), "rss": int(st["VmRSS"].split()[0]), "ns": ns}))
"""

COUNTS = {"what_if": 1000000, "with_mci": 10000, "from_json": 20000, "from_file": 20000}


def child(binding, kind, count, build):
    env = dict(os.environ, MALLOC_ARENA_MAX="1")
    if binding == "node":
        env["KZPENALTY_ADDON"] = str(build / "bindings" / "node" / "kzpenalty.node")
        cmd = ["node", "-e", NODE_CHILD, str(ROOT / "bindings" / "node"), kind, str(count), MINIMAL, UPDATE]
    else:
        env["PYTHONPATH"] = str(build / "bindings" / "python")
        cmd = [sys.executable, "-c", PY_CHILD, kind, str(count), MINIMAL, UPDATE]
    return json.loads(subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=str(ROOT / "build"))
    ap.add_argument("--counts", default="", help="kind=N,... to change how many contexts a loop makes")
    ap.add_argument("--out")
    args = ap.parse_args()
    build = pathlib.Path(args.build)
    for item in filter(None, args.counts.split(",")):
        kind, n = item.split("=")
        COUNTS[kind] = int(n)
    L = ["| binding | kind | N in one loop | address space per context (bytes) | resident per context (bytes) | "
         "time per context (us) |", "|---|---|---:|---:|---:|---:|"]
    for binding in ("node", "python"):
        for kind, n in COUNTS.items():
            rest = child(binding, kind, 0, build)
            r = child(binding, kind, n, build)
            L.append(f"| {binding} | {kind} | {n:,} | {(r['peak'] - rest['peak']) * 1024 / n:,.0f} | "
                     f"{(r['rss'] - rest['rss']) * 1024 / n:,.0f} | {r['ns'] / n / 1000:.2f} |")
            print(L[-1], flush=True)
    if args.out:
        cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
        head = (f"Machine: {cpu}, {os.cpu_count()} cores, {platform.platform()}; "
                f"{subprocess.run(['node', '--version'], capture_output=True, text=True).stdout.strip()}, "
                f"Python {platform.python_version()}. Measured {datetime.date.today().isoformat()} with "
                f"`python3 bench/loop_memory.py{' --counts ' + args.counts if args.counts else ''}`.\n\n")
        pathlib.Path(args.out).write_text(head + "\n".join(L) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
