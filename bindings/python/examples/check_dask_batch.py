"""Runs dask_batch.py on a local cluster of 2 workers and checks every answer against `kzpenalty batch` on
the same input: the same ids in the same order; a fine's tiyn and MCI; a range's bounds and tiyn per
alternative; the same error code for a bad line. Exits 77 (a skipped test) only when Dask is not installed.
Usage: python3 check_dask_batch.py KZPENALTY OUT_DIR   (PYTHONPATH must reach the built package)"""
import decimal
import glob
import json
import os
import subprocess
import sys

try:
    import dask  # noqa: F401
    import distributed  # noqa: F401
except ImportError as e:
    print(f"check_dask_batch: skipped: Dask is not installed ({e}); Debian: apt install python3-dask "
          "python3-distributed (scripts/install-deps does)")
    sys.exit(77)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dask_batch  # noqa: E402

def num(x):
    return None if x is None else decimal.Decimal(str(x))


def main():
    # Dask starts its workers as new processes that import this file again: the work runs only here
    kzp, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    DATES = ["2025-09-15", "2025-09-16", "2025-11-03", "2025-12-31", "2026-01-01", "2026-02-10", "2026-12-31",
             "2027-01-01", "2026-02-30"]
    lines = []
    for i in range(3000):
        date = DATES[i % len(DATES)]
        if i % 3:
            count = ["150", "0.2", "200", "12.5", "250", "0"][i % 6]
            lines.append(json.dumps({"id": i, "op": "fine", "mci_count": count, "date": date}))
        else:
            q = {"id": i, "op": "range", "article": "115-1" if i % 30 else "999", "date": date}
            q.update({["mitigated", "accelerated", "order_procedure"][i % 4 - 1]: True} if i % 4 else {})
            lines.append(json.dumps(q))
    lines.append(json.dumps({"id": "no count", "op": "fine", "date": "2026-02-10"}))
    src = os.path.join(out, "questions.jsonl")
    with open(src, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")

    n = dask_batch.run(src, os.path.join(out, "answers"), workers=2, blocksize="32KiB")
    parts = sorted(glob.glob(os.path.join(out, "answers", "*.part")))
    mine = [json.loads(line) for p in parts for line in open(p, encoding="utf-8")]
    theirs = [json.loads(line) for line in subprocess.run([kzp, "batch", src], capture_output=True, text=True).stdout
              .splitlines()]
    assert n == len(lines) == len(mine) == len(theirs), (n, len(lines), len(mine), len(theirs))
    assert len(parts) > 2, f"the input was not partitioned ({len(parts)} parts)"


    for a, b in zip(mine, theirs):
        assert a["id"] == b["id"], (a["id"], b["id"])
        if "error" in b or "error" in a:
            assert a.get("error", {}).get("code") == b.get("error", {}).get("code"), (a, b.get("error"))
        elif a["op"] == "fine":
            assert (a["amount_tiyn"], a["mci_tenge"]) == (b["amount_tiyn"], b["mci"]["tenge"]), (a, b["amount_tiyn"])
        else:
            got = [(s["kind"], num(s["min"]), s["min_tiyn"], num(s["max"]), s["max_tiyn"]) for s in a["sanctions"]]
            want = [(s["kind"], num(s["min"]), s.get("min_tiyn"), num(s["max"]), s.get("max_tiyn")) for s in b["sanctions"]]
            assert got == want, (a["id"], got, want)
    errors = sum(1 for b in theirs if "error" in b)
    print(f"check_dask_batch: {n} answers from {len(parts)} partitions on 2 workers agree with kzpenalty batch "
          f"({errors} of them errors)")


if __name__ == "__main__":
    main()
