"""Issue 13, "nothing misread": an argument is taken as exactly what it is, or refused with a clear error.

Each test here failed on the binding as it was at commit ca7794a (item numbers refer to the issue)."""
import decimal
import unittest

import kzpenalty

DATE = "2026-02-10"  # MCI 4,325 tenge (from 2026-01-01)

# Every method that takes flags, a call with its required arguments, and the flags it takes.
RANGE_FLAGS = ("mitigated", "accelerated", "order_procedure", "allow_stale", "strict")
PRICE_FLAGS = ("allow_stale", "strict")
FLAG_CALLS = {
    "mci": ((DATE,), PRICE_FLAGS),
    "fine": ((200, DATE), PRICE_FLAGS),
    "range": (("115-1", DATE), RANGE_FLAGS),
    "check": (("115-1", DATE, "fine", 20), RANGE_FLAGS),
    "sanction_texts": (("115-1", DATE), RANGE_FLAGS),
}


class FlagsAreBools(unittest.TestCase):
    """Item 1: a flag is a bool; 'no', 'false', 0, 1, None... raise TypeError naming the flag."""

    @classmethod
    def setUpClass(cls):
        cls.ctx = kzpenalty.Context()

    def test_the_reported_cases(self):
        with self.assertRaises(TypeError) as caught:
            self.ctx.range("115-1", DATE, mitigated="no")  # was: the sanction halved
        self.assertIn("mitigated must be a bool", str(caught.exception))
        with self.assertRaises(TypeError) as caught:
            self.ctx.mci(DATE, strict="false")  # was: strict mode turned on
        self.assertIn("strict must be a bool", str(caught.exception))

    def test_every_flag_of_every_method(self):
        for method, (args, flags) in FLAG_CALLS.items():
            call = getattr(self.ctx, method)
            for flag in flags:
                for bad in ("no", "false", "", 0, 1, None, 1.0, [], decimal.Decimal(1)):
                    with self.subTest(method=method, flag=flag, value=bad):
                        with self.assertRaises(TypeError) as caught:
                            call(*args, **{flag: bad})
                        self.assertIn(f"{flag} must be a bool", str(caught.exception))
                        self.assertNotIsInstance(caught.exception, kzpenalty.KzpError)
                for good in (True, False):
                    with self.subTest(method=method, flag=flag, value=good):
                        try:
                            call(*args, **{flag: good})
                        except kzpenalty.KzpError:
                            pass  # the library may refuse the question (e.g. strict mode); the flag was taken

    def test_true_and_false_mean_what_they_say(self):
        # half of 200 MCI = 100 MCI under Art. 55 part 2; without it, 200
        self.assertEqual(self.ctx.range("115-1", DATE, mitigated=True).sanctions[0].max.amount, 100)
        self.assertEqual(self.ctx.range("115-1", DATE, mitigated=False).sanctions[0].max.amount, 200)
        self.assertEqual(self.ctx.fine(1, "2027-01-01", allow_stale=True).amount_tiyn, 432500)  # 1 x 4,325, stale
        with self.assertRaises(kzpenalty.StaleMciError):
            self.ctx.fine(1, "2027-01-01", allow_stale=False)


if __name__ == "__main__":
    unittest.main()
