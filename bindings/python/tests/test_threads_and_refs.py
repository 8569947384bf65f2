"""One Context shared by threads; no leak of references or memory over 100,000 calls."""
import concurrent.futures
import datetime
import decimal
import gc
import os
import subprocess
import sys
import tempfile
import textwrap
import tracemalloc
import unittest

import kzpenalty


class Threads(unittest.TestCase):
    def test_one_context_many_threads(self):
        ctx = kzpenalty.Context()

        def work(i):
            bad = 0
            for _ in range(2000):
                bad += ctx.fine(200, "2026-02-10").amount_tiyn != 86500000      # 200 x 4,325
                bad += ctx.fine(150, "2025-11-03").amount_tiyn != 58980000      # 150 x 3,932
                r = ctx.range("115-1", "2026-02-10", mitigated=i % 2 == 1)
                bad += r.sanctions[0].max.tiyn != (43250000 if i % 2 else 86500000)
                bad += ctx.convert(150, "fine", "arrest").whole != 37
            return bad

        with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
            self.assertEqual(sum(pool.map(work, range(16))), 0)

    def test_a_file_that_waits_does_not_stop_other_threads(self):
        # Opening a FIFO waits for a writer. Context.from_file must wait without holding the GIL: here the only
        # writer is the main thread, which can open the FIFO only if it runs while the reader waits. Run in a
        # child process with a time limit, so a regression fails instead of hanging the suite.
        script = textwrap.dedent("""
            import os, sys, threading, kzpenalty
            fifo = sys.argv[1]
            outcome = []
            def read():
                try:
                    kzpenalty.Context.from_file(fifo)
                except kzpenalty.KzpError as e:
                    outcome.append(e.code)
            t = threading.Thread(target=read)
            t.start()
            # 200 x 4,325 = 865,000 tenge, computed while the other thread waits for a writer
            assert kzpenalty.Context().fine(200, "2026-02-10").amount_tiyn == 86500000
            with open(fifo, "w") as f:
                f.write("not json")
            t.join()
            print(outcome[0])
        """)
        with tempfile.TemporaryDirectory() as tmp:
            fifo = os.path.join(tmp, "fifo")
            os.mkfifo(fifo)
            try:
                out = subprocess.run([sys.executable, "-c", script, fifo], capture_output=True, text=True,
                                     timeout=60, env=os.environ)
            except subprocess.TimeoutExpired:
                self.fail("Context.from_file held the GIL while it waited for the FIFO's writer")
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(out.stdout.strip(), "KZP_E_JSON")  # what the library does with a FIFO today


class References(unittest.TestCase):
    def test_no_reference_leak(self):
        ctx = kzpenalty.Context()
        date = datetime.date(2026, 2, 10)
        count = decimal.Decimal("150")
        before_date, before_count = sys.getrefcount(date), sys.getrefcount(count)
        for _ in range(100_000):
            ctx.fine(count, date)
        gc.collect()
        self.assertEqual(sys.getrefcount(date), before_date)
        self.assertEqual(sys.getrefcount(count), before_count)

    def test_no_memory_growth_over_100000_calls(self):
        ctx = kzpenalty.Context()

        def burst(n):
            for i in range(n):
                ctx.fine(200, "2026-02-10")
                ctx.range("115-1", "2026-02-10")
                try:
                    ctx.range("115-1", "2025-09-15")
                except kzpenalty.NotInForceError:
                    pass

        burst(1000)  # warm caches
        gc.collect()
        tracemalloc.start()
        first = tracemalloc.get_traced_memory()[0]
        burst(100_000)
        gc.collect()
        grown = tracemalloc.get_traced_memory()[0] - first
        tracemalloc.stop()
        self.assertLess(grown, 64 * 1024, f"memory grew by {grown} bytes over 100,000 rounds")

    def test_contexts_are_freed(self):
        def burst():
            for _ in range(2000):
                kzpenalty.Context().what_if(5000).fine(1, "2026-02-10")

        # Some interpreters (Debian's 3.11.2) grow an internal table once, by about 200 KB, the
        # first few thousand times contexts are made and freed; it then stays the same size at
        # 2,000 or 20,000 rounds. Warm up past it, then require no growth at all.
        burst()
        gc.collect()
        tracemalloc.start()
        burst()
        gc.collect()
        first = tracemalloc.get_traced_memory()[0]
        burst()
        gc.collect()
        grown = tracemalloc.get_traced_memory()[0] - first
        tracemalloc.stop()
        self.assertLess(grown, 64 * 1024)


if __name__ == "__main__":
    unittest.main()
