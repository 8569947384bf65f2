"""Contexts made in a loop, each dropped at once, under a virtual-memory limit (issue 13 item 5).

Python frees a Context when its last reference goes, and the Context frees its C context (a derived
one gives back what it added, never its base's). So a loop of any length needs no more memory than
one step: each loop runs in a child Python under `ulimit -v rest + 64 MiB`, where rest is the peak
virtual size of the same child making no context, and 64 MiB what the interpreter's and the
allocator's heaps may grow by. A context that were kept, or a C context not freed, would exceed it:
1,000,000 what-ifs holding 1.2 KiB each would need 1.1 GiB more. The child runs with
MALLOC_ARENA_MAX=1, so that glibc reserves no 64 MiB arena for a thread, which says nothing of
contexts.
"""
import json
import os
import subprocess
import sys
import textwrap
import unittest

from support import SOURCE_DIR

MINIMAL = str(SOURCE_DIR / "docs" / "examples" / "dataset-minimal.json")

# Makes count contexts of one kind, dropping each, checks the last one's numbers and prints its peak
# virtual size (KiB).
CHILD = textwrap.dedent("""
    import json, sys, kzpenalty
    kind, count, minimal = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    base = kzpenalty.Context()
    text = open(minimal, "rb").read()
    update = json.dumps({
        "citations": [{"id": "fx", "act": "test fixture", "seen_in": "the test", "status": "official"}],
        "known_until": "2027-12-31", "known_until_citation": "fx",
        "periods": [{"from": "2027-01-01", "tenge": 5000, "purpose": "all", "citation": "fx"}]})
    make = {
        "what_if": lambda: base.what_if(5000),
        "with_mci": lambda: base.with_mci(update),
        "from_json": lambda: kzpenalty.Context.from_json(text),
        "from_file": lambda: kzpenalty.Context.from_file(minimal),
    }[kind]
    last = None
    for _ in range(count):
        last = make()
    if last is not None:
        # 200 x 5,000 = 1,000,000 tenge (the what-if and the fixture 2027 MCI); 200 x 4,325 = 865,000 (2026)
        derived = kind in ("what_if", "with_mci")
        amount = last.fine(200, "2027-03-01" if derived else "2026-03-01").amount_tiyn
        assert amount == (100000000 if derived else 86500000), amount
    peak = next(line for line in open("/proc/self/status") if line.startswith("VmPeak:")).split()[1]
    print(json.dumps({"kind": kind, "count": count, "peak_kib": int(peak)}))
""")


def child(kind, count, limit_kib=None):
    args = [sys.executable, "-c", CHILD, kind, str(count), MINIMAL]
    env = dict(os.environ, MALLOC_ARENA_MAX="1")
    if limit_kib:
        args = ["sh", "-c", 'ulimit -v %d && exec "$0" "$@"' % limit_kib] + args
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=600)


class LoopMemory(unittest.TestCase):
    def check(self, kind, count):
        rest = child(kind, 0)
        self.assertEqual(rest.returncode, 0, rest.stderr)
        limit = json.loads(rest.stdout)["peak_kib"] + 64 * 1024
        r = child(kind, count, limit)
        self.assertEqual(r.returncode, 0, "exit %d under ulimit -v %d: %s" % (r.returncode, limit, r.stderr[-500:]))
        self.assertLessEqual(json.loads(r.stdout)["peak_kib"], limit)

    def test_what_if(self):
        self.check("what_if", 1000000)

    def test_with_mci(self):
        # each parses the base's 49 KB dataset (about 1.5 ms): 10,000 take 15 s
        self.check("with_mci", 10000)

    def test_from_json(self):
        self.check("from_json", 20000)

    def test_from_file(self):
        self.check("from_file", 20000)


if __name__ == "__main__":
    unittest.main()
