"""Issue 13, "nothing misread": an argument is taken as exactly what it is, or refused with a clear error.

Each test here failed on the binding as it was at commit ca7794a (item numbers refer to the issue)."""
import copy
import decimal
import pickle
import tracemalloc
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


class ExactDecimals(unittest.TestCase):
    """Item 2: a Decimal that is a whole number of hundredths is taken at its value, whatever its form."""

    @classmethod
    def setUpClass(cls):
        cls.ctx = kzpenalty.Context()

    def test_whole_hundredths_in_any_form(self):
        D = decimal.Decimal
        for text, centi in (("15.000", 1500), ("15.0000000000000000000000000", 1500), ("1.5E+1", 1500),
                            ("150E-1", 1500), ("0.20", 20), ("2.000E-1", 20), ("0E+100", 0), ("0E-100", 0),
                            ("-0", 0), ("-0.000", 0), ("0E+999999999", 0), ("1.50E+2", 15000)):
            with self.subTest(decimal=text):
                fine = self.ctx.fine(D(text), DATE)
                # hundredths of an MCI x 4,325 tenge = tiyn: 15 MCI = 64,875 tenge; 0.2 MCI = 865 tenge
                self.assertEqual(fine.amount_tiyn, centi * 4325)
                self.assertEqual(fine.mci_count, D(text))
        # the same in the other calls that take an amount: 15 MCI fits 20..200? no: 5 short of Art. 41 part 2
        c = self.ctx.check("115-1", DATE, "fine", D("15.000"))
        self.assertEqual((c.violation, c.excess), ("below_min", 5))
        self.assertEqual(self.ctx.convert(D("8.000"), "fine", "arrest").whole, 2)  # 4 MCI = 1 day: 2 days
        self.assertEqual(self.ctx.check("115-1", DATE, "arrest", D("3.0E+1")).amount, 30)

    def test_what_is_not_whole_hundredths_is_refused(self):
        D = decimal.Decimal
        for text in ("0.001", "15.005", "1E-3", "0.0000000000000000000000001", "1E-999999999", "123456.789"):
            with self.subTest(decimal=text):
                with self.assertRaises(kzpenalty.BadNumberError) as caught:
                    self.ctx.fine(D(text), DATE)
                self.assertIn("hundredths", str(caught.exception))
        for text, fragment in (("-1", "negative"), ("-0.01", "negative"), ("NaN", "finite"), ("sNaN", "finite"),
                               ("Infinity", "finite"), ("-Infinity", "finite")):
            with self.subTest(decimal=text):
                with self.assertRaises(kzpenalty.BadNumberError) as caught:
                    self.ctx.fine(D(text), DATE)
                self.assertIn(fragment, str(caught.exception))
        for text in ("1E+999999999", "1E+20", "92233720368547758.08", "1" * 5000):
            with self.subTest(decimal=text[:30]):
                with self.assertRaises(kzpenalty.AmountOverflowError) as caught:
                    self.ctx.fine(D(text), DATE)
                self.assertIn("too large", str(caught.exception))

    def test_huge_exponents_build_no_giant_text(self):
        D = decimal.Decimal
        with decimal.localcontext() as lc:
            lc.Emax = decimal.MAX_EMAX
            lc.Emin = decimal.MIN_EMIN
            huge = [D("1E+999999999999999999"), D("9.99E+999999999"), D("1E-999999999999999999"), D("0E+999999999")]
        tracemalloc.start()
        for d in huge:
            try:
                self.ctx.fine(d, DATE)
            except kzpenalty.KzpError:
                pass
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        self.assertLess(peak, 1 << 20, f"{peak} bytes for four Decimals")


class ValuesTooLarge(unittest.TestCase):
    """Item 3: an int beyond 64 bits is called too large (or negative), never "-1"."""

    @classmethod
    def setUpClass(cls):
        cls.ctx = kzpenalty.Context()

    def test_what_if(self):
        for value in (10**30, 2**63, 2**64 + 5):
            with self.subTest(value=value):
                with self.assertRaises(kzpenalty.BadNumberError) as caught:
                    self.ctx.what_if(value)
                text = str(caught.exception)
                self.assertIn("too large", text)
                self.assertNotIn("-1", text)
                self.assertEqual(caught.exception.code, "KZP_E_BAD_NUMBER")
        with self.assertRaises(kzpenalty.BadNumberError) as caught:
            self.ctx.what_if(-10**30)
        self.assertIn("negative", str(caught.exception))
        self.assertNotIn("not -1", str(caught.exception))
        # within 64 bits the library's own range message stands: 1 to 1,000,000,000 tenge
        with self.assertRaises(kzpenalty.BadNumberError) as caught:
            self.ctx.what_if(2**63 - 1)
        self.assertIn("9223372036854775807", str(caught.exception))

    def test_amounts(self):
        with self.assertRaises(kzpenalty.AmountOverflowError) as caught:
            self.ctx.fine(10**30, DATE)
        self.assertIn("too large", str(caught.exception))
        with self.assertRaises(kzpenalty.BadNumberError) as caught:
            self.ctx.fine(-10**30, DATE)  # negative, not "too large"
        self.assertIn("negative", str(caught.exception))

    def test_words(self):
        for call in (kzpenalty.number_words, kzpenalty.tenge_words, kzpenalty.tenge_figures_words):
            with self.subTest(call=call.__name__):
                with self.assertRaises(kzpenalty.BadNumberError) as caught:
                    call(10**30)
                self.assertIn("too large", str(caught.exception))


def every_kind_of_result(ctx):
    """One of each result type, the richest there is (a restriction, a payment, a mapping, None)."""
    r = ctx.range("115-1", DATE)
    return [r, r.sanctions[2], r.sanctions[2].restriction, r.sanctions[0].min, r.payments[0], r.mci, r.receipt,
            r.basis[0], ctx.range("115-1", DATE, order_procedure=True), ctx.fine(decimal.Decimal("0.2"), DATE),
            ctx.check("115-1", DATE, "fine", 15), ctx.convert(150, "fine", "arrest", rule="unpaid-fine"),
            ctx.mci_table()[0], ctx.articles()[0], ctx.info,
            kzpenalty.validate_dataset('{"schema_version": 1}')[0]]


class CopyAndPickle(unittest.TestCase):
    """Item 4: results copy, deep-copy and pickle to an equal record of the same type, still read-only."""

    @classmethod
    def setUpClass(cls):
        cls.ctx = kzpenalty.Context()

    def test_round_trips(self):
        for result in every_kind_of_result(self.ctx):
            name = type(result).__name__
            copies = [copy.copy(result), copy.deepcopy(result)]
            copies += [pickle.loads(pickle.dumps(result, protocol)) for protocol in range(pickle.HIGHEST_PROTOCOL + 1)]
            for i, other in enumerate(copies):
                with self.subTest(result=name, copy=i):
                    self.assertIs(type(other), type(result))
                    self.assertEqual(other, result)
                    self.assertEqual(repr(other), repr(result))
                    with self.assertRaises(AttributeError):
                        other.receipt = None

    def test_mappings_stay_read_only(self):
        r = pickle.loads(pickle.dumps(self.ctx.range("115-1", DATE)))
        with self.assertRaises(TypeError):
            r.sanctions[2].restriction.persons["en"] = ()
        with self.assertRaises(TypeError):
            r.payments[0].name["en"] = "x"
        a = copy.deepcopy(self.ctx.articles()[0])
        with self.assertRaises(TypeError):
            a.title["en"] = "x"
        self.assertEqual(a.title["en"], "Stalking")

    def test_make_takes_only_what_a_record_may_hold(self):
        fine = self.ctx.fine(200, DATE)
        values = tuple(getattr(fine, f) for f in fine._fields)
        self.assertEqual(kzpenalty.Fine._make(values), fine)
        with self.assertRaises(TypeError):
            kzpenalty.Fine._make(values[:-1])  # one field short
        with self.assertRaises(TypeError):
            kzpenalty.Fine._make(values[:-1] + ([],))  # a list could make a cycle the GC never sees
        with self.assertRaises(TypeError):
            kzpenalty.Fine._make(values[:-1] + ((1, [2]),))
        with self.assertRaises(TypeError):
            kzpenalty.Fine._make(values[:-1] + ({1: 2},))  # a mapping's keys are texts


if __name__ == "__main__":
    unittest.main()
