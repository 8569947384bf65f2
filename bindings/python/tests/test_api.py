"""Python-specific behaviour: types in and out, exceptions, immutability, contexts."""
import datetime
import decimal
import unittest

import kzpenalty

from support import SOURCE_DIR

D = datetime.date


class Types(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ctx = kzpenalty.Context()

    def test_dates_as_date_or_iso(self):
        a = self.ctx.fine(150, D(2025, 11, 3))
        b = self.ctx.fine(150, "2025-11-03")
        self.assertEqual(a.amount_tiyn, 58980000)  # 150 x 3,932 tenge
        self.assertEqual(a.amount_tiyn, b.amount_tiyn)
        self.assertEqual(b.offence_date, D(2025, 11, 3))
        self.assertIsInstance(b.offence_date, datetime.date)

    def test_amounts_int_decimal_str(self):
        for count in (200, decimal.Decimal("200"), decimal.Decimal("2E+2"), "200", decimal.Decimal("200.00")):
            self.assertEqual(self.ctx.fine(count, "2026-02-10").amount_tiyn, 86500000)  # 200 x 4,325
        self.assertEqual(self.ctx.fine(decimal.Decimal("0.2"), "2026-01-05").amount_tiyn, 86500)  # 865 tenge
        self.assertEqual(self.ctx.fine("0.2", "2026-01-05").mci_count, decimal.Decimal("0.2"))

    def test_bad_types_raise_type_error(self):
        for bad in (1.5, True, None, [200], b"200"):
            with self.assertRaises(TypeError):
                self.ctx.fine(bad, "2026-02-10")
        for bad_date in (20260210, None, datetime.datetime(2026, 2, 10, 12, 0)):
            with self.assertRaises(TypeError):
                self.ctx.fine(1, bad_date)
        with self.assertRaises(TypeError):
            self.ctx.range(115, "2026-02-10")
        with self.assertRaises(TypeError):
            self.ctx.what_if(5000.0)
        with self.assertRaises(TypeError):
            kzpenalty.tenge_words(1.0)
        with self.assertRaises(TypeError):
            kzpenalty.Context.from_json(42)

    def test_bad_values_raise_the_library_error(self):
        cases = [
            (lambda: self.ctx.fine("0.205", "2026-01-05"), kzpenalty.BadNumberError, "KZP_E_BAD_NUMBER"),
            (lambda: self.ctx.fine(-1, "2026-01-05"), kzpenalty.BadNumberError, "KZP_E_BAD_NUMBER"),
            (lambda: self.ctx.fine(decimal.Decimal("NaN"), "2026-01-05"), kzpenalty.BadNumberError, "KZP_E_BAD_NUMBER"),
            (lambda: self.ctx.fine(10**30, "2026-01-05"), kzpenalty.AmountOverflowError, "KZP_E_OVERFLOW"),
            (lambda: self.ctx.fine(1, "2026-02-30"), kzpenalty.BadDateError, "KZP_E_BAD_DATE"),
            (lambda: self.ctx.fine(1, "2026-02-10\0"), kzpenalty.BadDateError, "KZP_E_BAD_DATE"),
            (lambda: self.ctx.range("115-1", "2025-09-15"), kzpenalty.NotInForceError, "KZP_E_NOT_IN_FORCE"),
            (lambda: self.ctx.range("999", "2026-02-10"), kzpenalty.UnknownArticleError, "KZP_E_UNKNOWN_ARTICLE"),
            (lambda: self.ctx.mci("2027-01-01"), kzpenalty.StaleMciError, "KZP_E_MCI_STALE"),
            (lambda: self.ctx.mci("2017-06-01", strict=True), kzpenalty.UnverifiedError, "KZP_E_UNVERIFIED"),
            (lambda: self.ctx.mci("2026-01-01", "pensions"), kzpenalty.UnknownKindError, "KZP_E_UNKNOWN_KIND"),
            (lambda: self.ctx.check("115-1", "2026-02-10", "prison", 1), kzpenalty.UnknownKindError,
             "KZP_E_UNKNOWN_KIND"),
            (lambda: self.ctx.what_if(0), kzpenalty.BadNumberError, "KZP_E_BAD_NUMBER"),
            (lambda: kzpenalty.number_words(10**12), kzpenalty.BadNumberError, "KZP_E_BAD_NUMBER"),
        ]
        for call, cls, code in cases:
            with self.subTest(code=code):
                with self.assertRaises(cls) as caught:
                    call()
                self.assertIsInstance(caught.exception, kzpenalty.KzpError)
                self.assertEqual(caught.exception.code, code)
                self.assertLess(caught.exception.status, 0)
                self.assertTrue(str(caught.exception))

    def test_hostile_inputs(self):
        # an embedded NUL must not cut a text: '115-1\0zzz' is not '115-1'
        for call in (lambda: self.ctx.range("115-1\0zzz", "2026-02-10"),
                     lambda: self.ctx.check("115-1", "2026-02-10", "fine\0x", 5),
                     lambda: self.ctx.fine("5\0abc", "2026-02-10")):
            with self.assertRaises(ValueError):
                call()
        # a huge exponent is refused at once, not written out as a gigabyte of digits
        with self.assertRaises(kzpenalty.AmountOverflowError):
            self.ctx.fine(decimal.Decimal("1E+999999999"), "2026-02-10")
        with self.assertRaises(kzpenalty.BadNumberError):
            self.ctx.fine(decimal.Decimal("1E-999999999"), "2026-02-10")
        # an exponent written in lower case (capitals=0) is still 200: 200 x 4,325 = 865,000 tenge
        with decimal.localcontext() as lc:
            lc.capitals = 0
            self.assertEqual(self.ctx.fine(decimal.Decimal("2E+2"), "2026-02-10").amount_tiyn, 86500000)
        # beyond 64 bits is an error, never a clamped amount
        with self.assertRaises(OverflowError):
            kzpenalty.format_tenge(2**64)
        # titles are read-only, so no result can be part of a reference cycle
        with self.assertRaises(TypeError):
            self.ctx.articles()[0].title["en"] = "x"

    def test_every_status_has_its_class(self):
        classes = [getattr(kzpenalty, n) for n in dir(kzpenalty) if n.endswith("Error") and n != "KzpError"]
        self.assertEqual(len(classes), 21)  # KZP_E_INVALID_ARG .. KZP_E_UNVERIFIED
        for cls in classes:
            self.assertTrue(issubclass(cls, kzpenalty.KzpError))

    def test_results_are_immutable_and_readable(self):
        r = self.ctx.range("115-1", "2026-02-10")
        with self.assertRaises(AttributeError):
            r.article = "116"
        with self.assertRaises(TypeError):
            r[0] = "116"
        self.assertTrue(repr(r).startswith("kzpenalty.Range(article='115-1'"))
        self.assertIn("max=Decimal('200')", repr(r.sanctions[0]))
        self.assertEqual(r.sanctions[0].max_tiyn, 86500000)
        self.assertEqual(kzpenalty.format_tenge(r.sanctions[0].max_tiyn), "865 000 ₸")
        self.assertIsNone(r.sanctions[0].min)  # no lower bound in the article
        self.assertEqual(r.receipt.dataset, "kz-criminal-code")
        self.assertEqual({c.id for c in r.basis} >= {"cc-115-1", "cc-41-1", "mci-2026"}, True)

    def test_mitigated(self):
        r = self.ctx.range("115-1", D(2026, 2, 10), mitigated=True)
        # half of 200 MCI = 100 MCI = 432,500 tenge; 100 hours; 25 days
        self.assertEqual([s.max for s in r.sanctions], [decimal.Decimal(100), decimal.Decimal(100), decimal.Decimal(25)])
        self.assertEqual(r.sanctions[0].max_tiyn, 43250000)
        self.assertTrue(r.mitigated)

    def test_check_and_convert(self):
        c = self.ctx.check("115-1", "2026-02-10", "arrest", 30, mitigated=True)
        self.assertFalse(c.fits)
        self.assertEqual((c.violation, c.limit, c.excess), ("above_max", decimal.Decimal(25), decimal.Decimal(5)))
        v = self.ctx.convert(150, "fine", "arrest")
        self.assertEqual((v.whole, v.remainder, v.remainder_unit, v.exact), (37, decimal.Decimal(2), "mci", False))


class Contexts(unittest.TestCase):
    def test_embedded_info(self):
        info = kzpenalty.Context().info
        self.assertEqual(info.id, "kz-criminal-code")
        self.assertEqual(info.mci_known_until, D(2026, 12, 31))
        self.assertEqual(len(kzpenalty.Context().mci_table()), 15)
        self.assertEqual(kzpenalty.Context().articles()[0].in_force_from, D(2025, 9, 16))

    def test_from_file_and_json(self):
        path = SOURCE_DIR / "docs" / "examples" / "dataset-minimal.json"
        a = kzpenalty.Context.from_file(path)
        b = kzpenalty.Context.from_json(path.read_text(encoding="utf-8"))
        c = kzpenalty.Context.from_json(path.read_bytes())
        self.assertEqual(a.info.fingerprint, b.info.fingerprint)
        self.assertEqual(b.info.fingerprint, c.info.fingerprint)
        with self.assertRaises(kzpenalty.DataFileError):
            kzpenalty.Context.from_file(SOURCE_DIR / "no-such-file.json")
        # its first problem: the status word "certain" of the second citation, on line 9
        with self.assertRaises(kzpenalty.UnknownKindError) as caught:
            kzpenalty.Context.from_file(SOURCE_DIR / "tests" / "cli" / "data" / "bad-dataset.json")
        self.assertEqual(caught.exception.path, "$.citations[1].status")
        self.assertEqual(caught.exception.line, 9)

    def test_with_mci_and_what_if(self):
        base = kzpenalty.Context()
        update = ('{"citations": [{"id": "fx", "act": "test fixture", "seen_in": "the test", "status": "official"}],'
                  ' "known_until": "2027-12-31", "known_until_citation": "fx",'
                  ' "periods": [{"from": "2027-01-01", "tenge": 5000, "purpose": "all", "citation": "fx"}]}')
        nxt = base.with_mci(update)
        self.assertEqual(nxt.fine(200, "2027-03-01").amount_tiyn, 100000000)  # 200 x 5,000 (a fixture value)
        with self.assertRaises(kzpenalty.StaleMciError):
            base.fine(200, "2027-03-01")  # the base is unchanged
        with self.assertRaises(kzpenalty.DataValueError) as caught:
            base.with_mci('{"periods": [{"from": "2027-01-01", "tenge": -5, "purpose": "all", "citation": "mci-2026"}]}')
        self.assertEqual(caught.exception.path, "$.periods[0].tenge")
        w = base.what_if(5000)
        self.assertEqual(w.fine(200, "2030-01-01").certainty, "hypothetical")
        self.assertTrue(w.info.hypothetical)

    def test_validate_dataset(self):
        text = (SOURCE_DIR / "tests" / "cli" / "data" / "bad-dataset.json").read_text(encoding="utf-8")
        problems = kzpenalty.validate_dataset(text)
        self.assertEqual(len(problems), 4)
        self.assertEqual(problems[0].code, "KZP_E_UNKNOWN_KIND")
        self.assertEqual(kzpenalty.validate_dataset((SOURCE_DIR / "data" / "kzpenalty.json").read_bytes()), ())


if __name__ == "__main__":
    unittest.main()
