"""The C library and the command, measured against straightforward Python doing the same work
in the same run (issue 8). Writes bench/results/c.md.

Usage: python3 bench/run_bench.py [--build build] [--out bench/results/c.md]
Needs a build (./scripts/setup). Benchmarks measure; the tests never time anything.
"""
import argparse
import bisect
import datetime
import json
import os
import pathlib
import platform
import subprocess
import sys
import tempfile
import time
import timeit
from decimal import Decimal

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = json.loads((ROOT / "data" / "kzpenalty.json").read_text(encoding="utf-8"))

# ---- straightforward Python: the same questions, answered from the same dataset ----

PERIODS = [(p["from"], p["tenge"]) for p in DATA["mci"]["periods"] if p["purpose"] in ("all", "fines")]
FROMS = [f for f, _ in PERIODS]
KNOWN_UNTIL = DATA["mci"]["known_until"]
ARTICLE = DATA["articles"][0]
RATE = {e["kind"]: e["amount"] for e in DATA["rules"]["equivalence"]["one_day_of_arrest"]}
CAP = next(Decimal(c["numerator"]) / Decimal(c["denominator"]) for c in DATA["rules"]["half_cap"]
           if c["flag"] == "mitigated" and c["category"] == ARTICLE["category"])


def py_date(s):
    datetime.date.fromisoformat(s)  # validates, like the library
    return s


def py_mci(date):
    i = bisect.bisect_right(FROMS, py_date(date)) - 1
    if i < 0 or date > KNOWN_UNTIL:
        raise ValueError("no MCI")
    return PERIODS[i]


def py_fine(count, date):
    frm, tenge = py_mci(date)
    return {"amount_tiyn": int(Decimal(count) * tenge * 100), "mci": tenge, "from": frm}


def py_range(article, date, mitigated=False):
    if article != ARTICLE["id"] or py_date(date) < ARTICLE["in_force_from"]:
        raise ValueError("not in force")
    frm, tenge = py_mci(date)
    out = []
    for s in ARTICLE["sanctions"]:
        mx = Decimal(s["max"]) * (CAP if mitigated else 1)
        item = {"kind": s["kind"], "unit": s["unit"], "min": None, "max": mx}
        if s["unit"] == "mci":
            item["max_tiyn"] = int(mx * tenge * 100)
        out.append(item)
    return {"article": article, "offence_date": date, "mci": tenge, "sanctions": out}


def py_check(article, date, kind, amount, mitigated=False):
    r = py_range(article, date, mitigated)
    s = next(x for x in r["sanctions"] if x["kind"] == kind)
    amount = Decimal(amount)
    return {"fits": amount <= s["max"], "excess": max(Decimal(0), amount - s["max"])}


def py_convert(amount, frm, to):
    amount = Decimal(amount)
    whole = int(amount * RATE[to] / RATE[frm])
    return {"whole": whole, "remainder": amount - Decimal(whole) * RATE[frm] / RATE[to]}


def py_context():
    data = json.loads((ROOT / "data" / "kzpenalty.json").read_text(encoding="utf-8"))
    cits = {c["id"]: c for c in data["citations"]}
    for p in data["mci"]["periods"]:
        datetime.date.fromisoformat(p["from"])
        assert p["citation"] in cits and p["tenge"] > 0
    return data


PY_CALLS = {
    "mci": ("py_mci('2026-02-10')", 200_000),
    "range": ("py_range('115-1', '2026-02-10')", 100_000),
    "fine": ("py_fine(200, '2026-02-10')", 200_000),
    "check": ("py_check('115-1', '2026-02-10', 'arrest', 26, True)", 100_000),
    "convert": ("py_convert(150, 'fine', 'arrest')", 200_000),
    "context_first": ("py_context()", 500),
}

GOALS = {"range": 150, "fine": 50, "context": 50_000}
# kzp_ctx_new shares one context of the embedded dataset per process: "context" is that call,
# "context_first" the parse and build the first call does (Python: json.load and a light check)


def best_ns(stmt, n):
    return min(timeit.repeat(stmt, number=n, repeat=5, globals=globals())) / n * 1e9


def run_child(cmd, stdin=None, stdout=None):
    """Wall time and peak RSS (KiB) of one child process."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdin=stdin, stdout=stdout or subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - t0, usage.ru_maxrss, p.returncode


def machine():
    cpu = "unknown"
    for line in open("/proc/cpuinfo", encoding="utf-8"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return f"{cpu}, {os.cpu_count()} cores, {platform.platform()}; Python {platform.python_version()}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=str(ROOT / "build"))
    ap.add_argument("--out")
    args = ap.parse_args()
    build = pathlib.Path(args.build)
    kzp = build / "cli" / "kzpenalty"

    c = json.loads(subprocess.run([str(build / "bench" / "c_calls")], check=True, capture_output=True,
                                  text=True).stdout)
    rows = []
    for name, c_ns in c.items():
        if name in PY_CALLS:
            p_ns = best_ns(*PY_CALLS[name])
            rows.append((name, c_ns, p_ns))
        else:
            rows.append((name, c_ns, None))

    # one whole process
    cmd = [str(kzp), "range", "115-1", "--date", "2026-02-10"]
    proc_c = min(run_child(cmd)[0] for _ in range(100))
    py_cmd = [sys.executable, "-c", "import json,sys; sys.path.insert(0, %r); import run_bench as b; "
              "print(b.py_range('115-1', '2026-02-10'))" % str(ROOT / "bench")]
    proc_p = min(run_child(py_cmd)[0] for _ in range(20))

    lib = build / "libkzpenalty.so"
    stripped = pathlib.Path(tempfile.mkdtemp()) / "lib.so"
    subprocess.run(["strip", "--strip-unneeded", "-o", str(stripped), str(lib.resolve())], check=True)

    L = ["# The C library and the command: measured",
         "",
         f"Machine: {machine()}. Measured {datetime.date.today().isoformat()} with "
         "`python3 bench/run_bench.py --out bench/results/c.md` after `./scripts/setup` (RelWithDebInfo build). "
         "C: best of 7 runs; Python: the same questions answered by a straightforward implementation from the same "
         "dataset file, best of 5 runs, in the same run.",
         "",
         "| call | C (ns) | Python (ns) | ratio | goal |",
         "|---|---:|---:|---:|---|"]
    for name, c_ns, p_ns in rows:
        goal = GOALS.get(name)
        g = "" if goal is None else (f"<= {goal:,} ns: {'met' if c_ns <= goal else 'NOT met'}")
        pn = "" if p_ns is None else f"{p_ns:,.0f}"
        ratio = "" if p_ns is None else (f"{p_ns / c_ns:,.0f}x" if p_ns >= c_ns else f"{p_ns / c_ns:.2f}x")
        L.append(f"| {name} | {c_ns:,.1f} | {pn} | {ratio} | {g} |")
    L += ["",
          "| whole job | kzpenalty | Python | ratio | goal |",
          "|---|---:|---:|---:|---|",
          f"| one `kzpenalty range 115-1` process (best of 100) | {proc_c * 1000:.2f} ms | {proc_p * 1000:.1f} ms | "
          f"{proc_p / proc_c:.0f}x | <= 5 ms: {'met' if proc_c <= 0.005 else 'NOT met'} |",
          "",
          f"Shared library: {lib.resolve().stat().st_size:,} bytes with debug info, {stripped.stat().st_size:,} stripped. "
          "`batch` is measured by bench/batch_throughput.py (results/batch.md), against a plain Python program "
          "that writes the same bytes.",
          "",
          "`words` (an amount in figures and Russian words) is a C figure. `context` is `kzp_ctx_new`, which parses "
          "the embedded dataset on its first call in a process and shares that immutable context afterwards; "
          "`context_first` is the work of that first call (parse, validate, build), compared with Python loading "
          "and lightly checking the same JSON.",
          ]
    if c.get("context_first", 0) > 50_000:
        L += ["",
              "`context_first` (the first `kzp_ctx_new` of a process) stays about 0.3 ms: it parses about 17 KB of "
              "JSON with jansson and validates every member; later contexts are the shared one (`context`)."]
    text = "\n".join(L) + "\n"
    print(text)
    if args.out:
        pathlib.Path(args.out).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
