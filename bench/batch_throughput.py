"""`kzpenalty batch` lines per second against the least a plain Python program must do to write the same bytes
(issue 16), and the batch's peak memory over 10,000,000 lines. Writes bench/results/batch.md.

The input: N lines of the everyday questions, ids 0..N-1, in a fixed pseudo-random mix: 60% fines (1 to 200 MCI,
every tenth with hundredths), 35% ranges of 115-1 (any flag set), 5% checks, on offence dates spread over
2025-09-16..2026-11-30 (the MCI of 2025 and 2026).

The plain Python program (plain_answers below) does no lookup and spells no word: it parses each question and
dumps a prepared answer of the same shape, taken from kzpenalty's own answers to each distinct question before
anything is timed. Before timing, its output over the whole input must be byte for byte the command's; the
`--citations ids` output is checked to be the same answers with each citation object replaced by its id.

Then, in one run, each side answers the input R times (output to /dev/null) and the best and the median are kept:
the machine is shared, and the best is the least disturbed run. Peak memory: the command answers 10,000,000
lines (the input over and over, fed through a pipe) with --citations ids and with full answers; max RSS from
getrusage.

Needs the build's command and bench/peak_rss (cmake --build build --target kzpenalty_cli peak_rss).
Usage: python3 bench/batch_throughput.py [--build build] [--lines 200000] [--runs 5] [--big 10000000] [--out FILE]
"""
import argparse
import datetime
import hashlib
import json
import pathlib
import random
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import run_bench  # noqa: E402  (its description of the machine, shared by the results)

ROOT = pathlib.Path(__file__).resolve().parent.parent
FLAGS = ("mitigated", "accelerated", "order_procedure")
FIRST, LAST = datetime.date(2025, 9, 16), datetime.date(2026, 11, 30)


def question(rng):
    date = (FIRST + datetime.timedelta(days=rng.randrange((LAST - FIRST).days + 1))).isoformat()
    pick = rng.random()
    if pick < 0.60:
        count = str(rng.randint(1, 200)) if rng.random() < 0.9 else f"{rng.randint(0, 199)}.{rng.randint(1, 99):02d}"
        return {"op": "fine", "mci_count": count, "date": date}
    q = {"op": "range" if pick < 0.95 else "check", "article": "115-1", "date": date}
    for f in FLAGS:
        if rng.random() < 0.2:
            q[f] = True
    if q["op"] == "check":
        q["kind"], q["amount"] = rng.choice([("fine", "150"), ("arrest", "30"), ("community_service", "120")])
    return q


def make_input(n, seed=16):
    rng = random.Random(seed)
    return [json.dumps({"id": i, **question(rng)}, separators=(",", ":")) for i in range(n)]


PLAIN = r'''
import json, sys
prepared = json.load(open(sys.argv[1], encoding="utf-8"))  # question without id -> answer without id
out = sys.stdout
for line in sys.stdin:
    q = json.loads(line)
    i = q.pop("id")
    a = {"id": i}
    a.update(prepared[json.dumps(q, sort_keys=True, separators=(",", ":"))])
    out.write(json.dumps(a, ensure_ascii=False, separators=(",", ":")))
    out.write("\n")
'''


def run(cmd, stdin_path, stdout=subprocess.DEVNULL):
    with open(stdin_path, "rb") as f:
        t = time.perf_counter()
        subprocess.run(cmd, stdin=f, stdout=stdout, check=False)
        return time.perf_counter() - t


def ids_form(answer):
    """An answer with each citation object replaced by its id, as --citations ids writes it."""
    if isinstance(answer, dict):
        if set(answer) == {"id", "act", "reference", "document", "seen_in", "note", "status"}:
            return answer["id"]
        return {k: ids_form(v) for k, v in answer.items()}
    if isinstance(answer, list):
        return [ids_form(v) for v in answer]
    return answer


def peak_rss(peak, cmd, lines, repeat):
    """Max RSS (KiB) of cmd answering `lines` fed `repeat` times through a pipe, read by bench/peak_rss.c (a
    child of this Python would inherit its high-water mark)."""
    block = ("\n".join(lines) + "\n").encode()
    p = subprocess.Popen([peak] + cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    t = time.perf_counter()
    for _ in range(repeat):
        p.stdin.write(block)
    p.stdin.close()
    err = p.stderr.read().decode()
    p.wait()
    seconds = time.perf_counter() - t
    if p.returncode not in (0, 1) or "peak_rss_kib " not in err:  # 1: lines answered with an error, as meant
        raise SystemExit(f"{' '.join(cmd)} exited {p.returncode}: {err}")
    return int(err.split("peak_rss_kib ")[1].split()[0]), seconds


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default="build")
    ap.add_argument("--lines", type=int, default=200000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--big", type=int, default=10000000)
    ap.add_argument("--out")
    a = ap.parse_args()
    kzp = str(ROOT / a.build / "cli" / "kzpenalty")
    lines = make_input(a.lines)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        src = tmp / "questions.jsonl"
        src.write_text("\n".join(lines) + "\n", encoding="utf-8")
        # the prepared answers: kzpenalty's own, once per distinct question (not timed)
        distinct = sorted({json.dumps({k: v for k, v in json.loads(x).items() if k != "id"}, sort_keys=True,
                                      separators=(",", ":")) for x in lines})
        # each with an id, as the input's lines have (an error without one would name its line instead)
        (tmp / "distinct.jsonl").write_text("".join('{"id":0,' + q[1:] + "\n" for q in distinct), encoding="utf-8")
        answers = subprocess.run([kzp, "batch", str(tmp / "distinct.jsonl")], capture_output=True, text=True).stdout
        prepared = {q: json.loads(ans) for q, ans in zip(distinct, answers.splitlines())}
        for ans in prepared.values():
            del ans["id"]
        (tmp / "prepared.json").write_text(json.dumps(prepared, ensure_ascii=False), encoding="utf-8")
        (tmp / "plain.py").write_text(PLAIN, encoding="utf-8")
        plain = [sys.executable, str(tmp / "plain.py"), str(tmp / "prepared.json")]
        full, ids = [kzp, "batch"], [kzp, "batch", "--citations", "ids"]

        # equal work, checked before timing
        outs = {}
        for name, cmd in (("full", full), ("ids", ids), ("plain", plain)):
            with open(tmp / f"{name}.out", "wb") as f:
                run(cmd, src, stdout=f)
            outs[name] = (tmp / f"{name}.out").read_bytes()
        if hashlib.sha256(outs["full"]).digest() != hashlib.sha256(outs["plain"]).digest():
            raise SystemExit("the plain Python program's output differs from kzpenalty batch: nothing timed")
        full_lines, ids_lines = outs["full"].decode().splitlines(), outs["ids"].decode().splitlines()
        if len(full_lines) != a.lines or any(ids_form(json.loads(f)) != json.loads(i)
                                             for f, i in zip(full_lines, ids_lines)):
            raise SystemExit("--citations ids is not the full answers with citations as ids: nothing timed")
        errors = sum('"error"' in x for x in full_lines)
        sizes = {k: len(v) / a.lines for k, v in outs.items()}

        times = {"full": [], "ids": [], "plain": []}
        for _ in range(a.runs):
            for name, cmd in (("full", full), ("ids", ids), ("plain", plain)):
                times[name].append(run(cmd, src))
        rate = {k: (a.lines / min(v), a.lines / statistics.median(v)) for k, v in times.items()}

        repeat = max(1, a.big // a.lines)
        peak = str(ROOT / a.build / "bench" / "peak_rss")
        rss_ids, sec_ids = peak_rss(peak, ids, lines, repeat)
        rss_full, sec_full = peak_rss(peak, full, lines, repeat)

    big = repeat * a.lines
    met = lambda ok: "met" if ok else "NOT met"  # noqa: E731
    out = [
        "# `kzpenalty batch`: lines per second and memory",
        "",
        f"Machine: {run_bench.machine()}. Measured {datetime.date.today().isoformat()} with "
        f"`python3 bench/batch_throughput.py --lines {a.lines} --runs {a.runs} --big {a.big}` after "
        "`./scripts/setup` (RelWithDebInfo build); output to /dev/null.",
        "",
        f"Input: {a.lines:,} lines (60% fines, 35% ranges of 115-1 with any flags, 5% checks; offence dates "
        f"2025-09-16..2026-11-30; {errors:,} of them answered with an error). Answers average "
        f"{sizes['full']:,.0f} bytes a line in full, {sizes['ids']:,.0f} with `--citations ids`. Before timing, the "
        "plain Python program's output was byte for byte the command's, and the ids output the same answers with "
        "citations as ids.",
        "",
        "| program | best (lines/s) | median (lines/s) |",
        "|---|---:|---:|",
        f"| `kzpenalty batch` (full answers) | {rate['full'][0]:,.0f} | {rate['full'][1]:,.0f} |",
        f"| `kzpenalty batch --citations ids` | {rate['ids'][0]:,.0f} | {rate['ids'][1]:,.0f} |",
        f"| plain Python: parse, dump a prepared answer | {rate['plain'][0]:,.0f} | {rate['plain'][1]:,.0f} |",
        "",
        f"Full answers: {rate['full'][0] / rate['plain'][0]:.1f}x the plain Python program (best), "
        f"{rate['full'][1] / rate['plain'][1]:.1f}x (median).",
        "",
        f"Peak memory over {big:,} lines fed through a pipe: {rss_ids / 1024:.1f} MiB with `--citations ids` "
        f"({big / sec_ids:,.0f} lines/s), {rss_full / 1024:.1f} MiB with full answers ({big / sec_full:,.0f} "
        "lines/s) (max RSS).",
        "",
        "Goals (issue 16):",
        f"- full answers at least 300,000 lines/s: {rate['full'][0]:,.0f} best, {met(rate['full'][0] >= 300000)}; "
        f"median {rate['full'][1]:,.0f}, {met(rate['full'][1] >= 300000)};",
        f"- at least 5x the plain Python program: {rate['full'][0] / rate['plain'][0]:.1f}x best, "
        f"{met(rate['full'][0] >= 5 * rate['plain'][0])};",
        f"- `--citations ids` at least 1,000,000 lines/s: {rate['ids'][0]:,.0f} best, "
        f"{met(rate['ids'][0] >= 1000000)}; median {rate['ids'][1]:,.0f}, {met(rate['ids'][1] >= 1000000)};",
        f"- peak memory of 10,000,000 lines at most 32 MiB: {max(rss_ids, rss_full) / 1024:.1f} MiB, "
        f"{met(big >= 10000000 and max(rss_ids, rss_full) <= 32 * 1024)}.",
    ]
    text = "\n".join(out) + "\n"
    if a.out:
        pathlib.Path(a.out).write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
