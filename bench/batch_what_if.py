"""`kzpenalty batch` over lines that each carry their own what-if `mci`, against the same lines without it
(issue 13 item 7: a what-if line cost a whole context, about 2,200 lines/s).

Three inputs of N lines each, the same ops (half `fine` of 1 to 200 MCI on 2026-02-10, half `range` of 115-1
on 2025-10-01): plain lines; lines whose `mci` differs from the line before (1,000 values in turn, so no
what-if context is ever reused); lines that all carry the same `mci`. Every answer of one run of each is checked
before anything is timed (no error; a fine is its count x the MCI in tiyn; a range's fine bound is 200 x the
MCI; plain lines price with 4,325 and 3,932 tenge, the 2026 and 2025 MCI). Then each input is run R times, in
turn, and the best and the median are kept (the machine is shared: the best is the least disturbed run).

Usage: python3 bench/batch_what_if.py [--build build] [--lines 200000] [--runs 5] [--out FILE]
"""
import argparse
import datetime
import json
import os
import pathlib
import platform
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent

MCI_2026, MCI_2025 = 4325, 3932  # the dataset's MCI for 2026-02-10 and 2025-10-01 (fines)


def line(i, mci):
    if i % 2:
        q = {"id": i, "op": "fine", "mci_count": str(i % 200 + 1), "date": "2026-02-10"}
    else:
        q = {"id": i, "op": "range", "article": "115-1", "date": "2025-10-01"}
    if mci is not None:
        q["mci"] = mci
    return json.dumps(q)


KINDS = {
    "plain": lambda i: None,
    "what-if, a new mci on every line": lambda i: 4000 + i % 1000,
    "what-if, the same mci on every line": lambda i: 5000,
}


def expected_mci(kind, i):
    m = KINDS[kind](i)
    if m is not None:
        return m
    return MCI_2026 if i % 2 else MCI_2025


def check(kind, out_path, n):
    with open(out_path, encoding="utf-8") as f:
        answers = [json.loads(x) for x in f]
    assert len(answers) == n, f"{kind}: {len(answers)} answers to {n} lines"
    for i, a in enumerate(answers):
        assert a.get("id") == i and "error" not in a, f"{kind}: line {i}: {a}"
        mci = expected_mci(kind, i)
        if i % 2:
            assert a["amount_tiyn"] == (i % 200 + 1) * mci * 100, f"{kind}: line {i}: {a['amount_tiyn']}"
        else:
            fine = next(s for s in a["sanctions"] if s["kind"] == "fine")
            assert fine["max_tiyn"] == 200 * mci * 100, f"{kind}: line {i}: {fine['max_tiyn']}"
        assert a["mci"]["tenge"] == mci


def run(kzp, src, dst):
    with open(src, "rb") as fin, open(dst, "wb") as fout:
        t0 = time.perf_counter()
        rc = subprocess.run([str(kzp), "batch"], stdin=fin, stdout=fout).returncode
        dt = time.perf_counter() - t0
    assert rc == 0, f"batch exited {rc}"
    return dt


def machine():
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo", encoding="utf-8")
                if l.startswith("model name")), "unknown")
    return f"{cpu}, {os.cpu_count()} cores, {platform.platform()}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=str(ROOT / "build"))
    ap.add_argument("--lines", type=int, default=200000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out")
    args = ap.parse_args()
    kzp = pathlib.Path(args.build) / "cli" / "kzpenalty"
    n = args.lines
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        files = {}
        for k, (kind, mci) in enumerate(KINDS.items()):
            files[kind] = tmp / f"in-{k}.jsonl"
            with open(files[kind], "w", encoding="utf-8") as f:
                for i in range(n):
                    f.write(line(i, mci(i)) + "\n")
            run(kzp, files[kind], tmp / "out.jsonl")
            check(kind, tmp / "out.jsonl", n)
        times = {kind: [] for kind in KINDS}
        for _ in range(args.runs):
            for kind in KINDS:
                times[kind].append(run(kzp, files[kind], tmp / "out.jsonl"))
    plain_best = min(times["plain"])
    rows = []
    for kind, ts in times.items():
        rows.append((kind, n / min(ts), n / statistics.median(ts), min(ts) / plain_best))
    L = ["| lines | lines/s, best | lines/s, median | time vs plain (best) |", "|---|---:|---:|---:|"]
    L += [f"| {k} | {b:,.0f} | {m:,.0f} | {r:.2f}x |" for k, b, m, r in rows]
    text = "\n".join(L)
    print(text)
    if args.out:
        head = (f"Machine: {machine()}. Measured {datetime.date.today().isoformat()} with "
                f"`python3 bench/batch_what_if.py --lines {n} --runs {args.runs}`: {n:,} lines of each kind, "
                f"every answer checked first, then {args.runs} runs of each in turn; best and median.\n\n")
        pathlib.Path(args.out).write_text(head + text + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
