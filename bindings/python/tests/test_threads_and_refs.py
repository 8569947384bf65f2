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

    def test_a_fifo_is_refused_without_waiting(self):
        # A FIFO with no writer would block a reader forever: the library refuses anything but a regular file,
        # without opening it in a way that waits. Run in a child process with a time limit, so a regression fails
        # instead of hanging the suite.
        script = textwrap.dedent("""
            import sys, kzpenalty
            try:
                kzpenalty.Context.from_file(sys.argv[1])
            except kzpenalty.KzpError as e:
                print(e.code, e)
        """)
        with tempfile.TemporaryDirectory() as tmp:
            fifo = os.path.join(tmp, "fifo")
            os.mkfifo(fifo)
            try:
                out = subprocess.run([sys.executable, "-c", script, fifo], capture_output=True, text=True,
                                     timeout=60, env=os.environ)
            except subprocess.TimeoutExpired:
                self.fail("Context.from_file waited for the FIFO's writer")
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertTrue(out.stdout.startswith("KZP_E_IO "), out.stdout)
        self.assertIn("is a FIFO", out.stdout)


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
