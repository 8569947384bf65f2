"""Answer a large JSON Lines file of fine and range questions on a Dask cluster, with the Python binding.

One core already answers a national year of verdicts in seconds with `kzpenalty batch` (see the README):
reach for this only when the questions are already in a Dask pipeline, or the input is far larger than one
machine reads in the time you have. The input is partitioned by Dask (blocks of whole lines), each worker
process opens one kzpenalty.Context and answers its partitions, and the answers are written in input order,
one JSON object a line, a part file a partition.

Input lines are those of `kzpenalty batch` for the two everyday questions, with ISO dates:
  {"id": 1, "op": "fine", "mci_count": "150", "date": "2025-11-03"}
  {"id": 2, "op": "range", "article": "115-1", "date": "2026-02-10", "mitigated": true}
Each answer carries the id and the numbers a clerk files: a fine's amount in tiyn and the MCI used; a
range's bounds per alternative (with tiyn where the unit is MCI); or the error's code and message. A bad
line is answered with its error, never dropped.

Usage: python3 dask_batch.py INPUT.jsonl OUTPUT_DIR [--workers 2] [--blocksize 1MiB]
Needs Debian's python3-dask and python3-distributed, and kzpenalty importable in every worker.
"""
import argparse
import json
import os
import sys

import kzpenalty

FLAGS = ("mitigated", "accelerated", "order_procedure")
_ctx = None  # one Context a worker process, made on its first partition


def _context():
    global _ctx
    if _ctx is None:
        _ctx = kzpenalty.Context()
    return _ctx


def _bound(b):
    if b is None:
        return None, None
    return str(b.amount), b.tiyn


def answer(line):
    """The answer to one input line, as a dict (see the module's text)."""
    try:
        q = json.loads(line)
    except ValueError as e:
        return {"error": {"code": "KZP_E_JSON", "message": str(e)}}
    if not isinstance(q, dict):
        return {"error": {"code": "USAGE", "message": "a line must be a JSON object"}}
    out = {"id": q.get("id"), "op": q.get("op")}
    try:
        if q.get("op") == "fine":
            f = _context().fine(str(q["mci_count"]), q["date"])
            out.update(amount_tiyn=f.amount_tiyn, mci_tenge=f.mci.tenge)
        elif q.get("op") == "range":
            options = {k: True for k in FLAGS if q.get(k) is True}
            r = _context().range(q["article"], q["date"], **options)
            out["sanctions"] = []
            for s in r.sanctions:
                (lo, lo_tiyn), (hi, hi_tiyn) = _bound(s.min), _bound(s.max)
                out["sanctions"].append({"kind": s.kind, "min": lo, "min_tiyn": lo_tiyn, "max": hi, "max_tiyn": hi_tiyn})
        else:
            out["error"] = {"code": "USAGE", "message": "this example answers 'fine' and 'range' lines"}
    except kzpenalty.KzpError as e:
        out["error"] = {"code": e.code, "message": e.message}
    except (KeyError, TypeError) as e:
        out["error"] = {"code": "USAGE", "message": f"missing or wrong field: {e}"}
    return out


def answer_partition(lines):
    return [json.dumps(answer(line), ensure_ascii=False) for line in lines if line.strip()]


def run(input_path, output_dir, workers=2, blocksize="1MiB"):
    """Answer input_path into output_dir/NNN.part files, in input order. Returns how many answers."""
    import dask.bag
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster):
        lines = dask.bag.read_text(input_path, blocksize=blocksize, linedelimiter="\n")
        answers = lines.map_partitions(answer_partition)
        os.makedirs(output_dir, exist_ok=True)
        files = answers.to_textfiles(os.path.join(output_dir, "*.part"), name_function=lambda i: f"{i:06d}")
    count = 0
    for name in files:
        with open(name, encoding="utf-8") as f:
            count += sum(1 for _ in f)
    return count


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input")
    parser.add_argument("output_dir")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--blocksize", default="1MiB")
    args = parser.parse_args(argv)
    n = run(args.input, args.output_dir, args.workers, args.blocksize)
    print(f"{n} answers in {args.output_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
