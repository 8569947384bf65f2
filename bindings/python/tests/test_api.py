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
            # a stale MCI is an estimate, unverified: strict mode refuses it
            (lambda: self.ctx.mci("2027-01-01", allow_stale=True, strict=True), kzpenalty.UnverifiedError,
             "KZP_E_UNVERIFIED"),
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
        self.assertIn("max=kzpenalty.Bound(amount=Decimal('200'), tiyn=86500000", repr(r.sanctions[0]))
        self.assertEqual(r.sanctions[0].max.tiyn, 86500000)  # 200 x 4,325 = 865,000 tenge
        self.assertEqual(kzpenalty.format_tenge(r.sanctions[0].max.tiyn), "865 000 ₸")
        self.assertIsNone(r.sanctions[0].article_min)  # "up to": no lower bound in the article
        self.assertEqual(r.receipt.dataset, "kz-criminal-code")
        self.assertEqual({c.id for c in r.basis} >= {"cc-115-1", "cc-41-1", "mci-2026"}, True)

    def test_mitigated(self):
        r = self.ctx.range("115-1", D(2026, 2, 10), mitigated=True)
        # half of 200 MCI = 100 MCI = 432,500 tenge (fine and correctional work); 100 hours; 25 days
        self.assertEqual([s.max.amount for s in r.sanctions], [decimal.Decimal(n) for n in (100, 100, 100, 25)])
        self.assertEqual([s.max.source for s in r.sanctions], ["half_cap"] * 4)
        self.assertEqual(r.sanctions[0].max.tiyn, 43250000)
        self.assertEqual(r.sanctions[0].max.citation.id, "cc-55-2")
        self.assertTrue(all(s.capped for s in r.sanctions))
        self.assertEqual(r.sanctions[0].article_max.amount, decimal.Decimal(200))  # the article's own bound stays
        self.assertTrue(r.mitigated)
        self.assertFalse(r.order_procedure)

    def test_check_and_convert(self):
        c = self.ctx.check("115-1", "2026-02-10", "arrest", 30, mitigated=True)
        self.assertFalse(c.fits)
        # half of 50 days = 25 (Art. 55 part 2); 30 - 25 = 5 over
        self.assertEqual((c.violation, c.limit, c.excess), ("above_max", decimal.Decimal(25), decimal.Decimal(5)))
        self.assertEqual((c.limit_source, c.limit_citation.id), ("half_cap", "cc-55-2"))
        v = self.ctx.convert(150, "fine", "arrest")
        # Art. 61: 1 day = 4 MCI; 150 / 4 = 37 days, 37 x 4 = 148, 2 MCI left
        self.assertEqual((v.whole, v.remainder, v.remainder_unit, v.exact), (37, decimal.Decimal(2), "mci", False))
        self.assertEqual((v.rule, v.citation.id), ("aggregation", "cc-61"))


class Sanctions(unittest.TestCase):
    """The 0.2.0 shape: bounds with the rule behind each, restrictions, payments, the order procedure."""

    @classmethod
    def setUpClass(cls):
        cls.ctx = kzpenalty.Context()
        cls.r = cls.ctx.range("115-1", "2026-02-10")

    def test_four_alternatives_in_the_codes_order(self):
        self.assertEqual([s.kind for s in self.r.sanctions],
                         ["fine", "correctional_work", "community_service", "arrest"])
        self.assertEqual([s.unit for s in self.r.sanctions], ["mci", "mci", "hours", "days"])

    def test_bounds_and_their_rules(self):
        fine, cw, cs, arrest = self.r.sanctions
        # General Part minimum for a criminal offence: 20 MCI (Art. 41 part 2) = 20 x 4,325 = 86,500 tenge
        self.assertEqual((fine.min.amount, fine.min.tiyn, fine.min.source, fine.min.citation.id),
                         (decimal.Decimal(20), 8650000, "general_part", "cc-41-2"))
        # the article's "up to 200 MCI" = 200 x 4,325 = 865,000 tenge
        self.assertEqual((fine.max.amount, fine.max.tiyn, fine.max.source, fine.max.citation.id),
                         (decimal.Decimal(200), 86500000, "article", "cc-115-1"))
        self.assertIsNone(fine.article_min)
        self.assertEqual(fine.general_max.amount, decimal.Decimal(200))
        self.assertEqual((cw.min.citation.id, cw.max.citation.id), ("cc-42-3", "cc-115-1-correctional-work"))
        # hours and days carry no tiyn
        self.assertEqual((cs.min.amount, cs.min.tiyn, cs.max.amount, cs.max.tiyn),
                         (decimal.Decimal(20), None, decimal.Decimal(200), None))
        self.assertEqual((arrest.min.amount, arrest.min.citation.id, arrest.max.amount),
                         (decimal.Decimal(10), "cc-45-2", decimal.Decimal(50)))
        self.assertFalse(any(s.capped for s in self.r.sanctions))
        self.assertIsNone(fine.min_lifted_by)

    def test_per_day_limit(self):
        cs = self.r.sanctions[2]
        self.assertEqual((cs.per_day_max, cs.per_day_citation.id), (decimal.Decimal(4), "cc-43-2"))  # Art. 43 part 2
        self.assertIsNone(self.r.sanctions[3].per_day_max)
        self.assertIsNone(self.r.sanctions[3].per_day_citation)

    def test_restrictions(self):
        fine, cw, cs, arrest = self.r.sanctions
        self.assertIsNone(fine.restriction)
        self.assertEqual((cw.restriction.id, cw.restriction.kind, cw.restriction.citation.id),
                         ("art-42-7", "correctional_work", "cc-42-7"))
        self.assertEqual(set(cs.restriction.persons), {"en", "ru", "kk"})
        self.assertIn("pregnant women", cs.restriction.persons["en"])
        self.assertIn("беременным женщинам", cs.restriction.persons["ru"])
        self.assertEqual(cs.restriction.citation.id, "cc-43-3")
        self.assertEqual(arrest.restriction.persons["en"][0], "minors")  # Art. 45 part 3
        for s in (cw, cs, arrest):
            lengths = {len(s.restriction.persons[lang]) for lang in ("en", "ru", "kk")}
            self.assertEqual(len(lengths), 1, "the same persons in every language")
        with self.assertRaises(TypeError):
            cs.restriction.persons["en"] = ()

    def test_mitigation_lifts_the_fines_minimum_only(self):
        r = self.ctx.range("115-1", "2026-02-10", mitigated=True)
        fine, cw = r.sanctions[0], r.sanctions[1]
        self.assertIsNone(fine.min)  # lifted by Art. 41 part 7
        self.assertEqual(fine.min_lifted_by.id, "cc-41-7")
        self.assertEqual(fine.general_min.amount, decimal.Decimal(20))  # still stated, no longer applied
        self.assertEqual((cw.min.amount, cw.min_lifted_by), (decimal.Decimal(20), None))

    def test_payment_beside_the_punishment(self):
        (p,) = self.r.payments
        # 5 MCI x 4,325 = 21,625 tenge; which day's MCI prices it is an estimate: unverified
        self.assertEqual((p.id, p.mci, p.priced, p.amount_tiyn, p.certainty),
                         ("victims-fund", decimal.Decimal(5), True, 2162500, "unverified"))
        self.assertEqual((p.citation.id, p.priced_by.id), ("cc-98-2", "payment-mci-day"))
        self.assertIn("Victims' Compensation Fund", p.name["en"])
        self.assertEqual(self.r.certainty, "statement")  # the payment's estimate does not weaken the range
        (q,) = self.ctx.range("115-1", "2026-02-10", strict=True).payments
        self.assertEqual((q.priced, q.amount_tiyn, q.priced_by, q.certainty), (False, None, None, "statement"))

    def test_order_procedure(self):
        r = self.ctx.range("115-1", "2026-02-10", order_procedure=True)
        self.assertTrue(r.order_procedure)
        (fine,) = r.sanctions
        # a fine of 10 to 20 MCI: 10 x 4,325 = 43,250 and 20 x 4,325 = 86,500 tenge
        self.assertEqual((fine.min.amount, fine.min.tiyn, fine.max.amount, fine.max.tiyn),
                         (decimal.Decimal(10), 4325000, decimal.Decimal(20), 8650000))
        self.assertEqual((fine.min.source, fine.max.source), ("order_procedure", "order_procedure"))
        self.assertEqual(r.omitted, ("correctional_work", "community_service", "arrest"))
        self.assertEqual((r.order_procedure_rule.id, r.omitted_because.id), ("cc-55-3-order", "sc-17-2018-order"))
        self.assertEqual((self.r.omitted, self.r.order_procedure_rule, self.r.omitted_because), ((), None, None))
        with self.assertRaises(kzpenalty.NoSanctionError):
            self.ctx.check("115-1", "2026-02-10", "arrest", 20, order_procedure=True)
        c = self.ctx.check("115-1", "2026-02-10", "fine", 25, order_procedure=True)  # 25 - 20 = 5 over
        self.assertEqual((c.violation, c.excess, c.limit_source, c.limit_citation.id),
                         ("above_max", decimal.Decimal(5), "order_procedure", "cc-55-3-order"))
        (text,) = self.ctx.sanction_texts("115-1", "2026-02-10", "en", order_procedure=True)
        self.assertIn("10 (ten) to 20 (twenty) MCI", text)

    def test_check_names_the_rule_broken(self):
        c = self.ctx.check("115-1", "2026-02-10", "fine", 15)  # 20 - 15 = 5 short of Art. 41 part 2
        self.assertEqual((c.fits, c.violation, c.limit, c.excess, c.limit_source, c.limit_citation.id),
                         (False, "below_min", decimal.Decimal(20), decimal.Decimal(5), "general_part", "cc-41-2"))

    def test_convert_under_a_rule(self):
        v = self.ctx.convert(150, "fine", "arrest", rule="unpaid-fine")
        # Art. 41 part 6: 1 day per 4 unpaid MCI: 37 days, 2 MCI left
        self.assertEqual((v.whole, v.remainder, v.rule, v.citation.id), (37, decimal.Decimal(2), "unpaid-fine", "cc-41-6"))
        self.assertEqual(set(v.scope), {"en", "ru", "kk"})
        self.assertIn("unpaid", v.scope["en"])
        w = self.ctx.convert(10, "community_service", "arrest", rule="evaded-service")  # 4 hours = 1 day: 2 days, 2 h
        self.assertEqual((w.whole, w.remainder, w.remainder_unit, w.citation.id),
                         (2, decimal.Decimal(2), "hours", "cc-43-2-1"))
        with self.assertRaises(kzpenalty.NoRuleError) as caught:
            self.ctx.convert(5, "arrest", "fine", rule="unpaid-fine")
        self.assertIn("aggregation", str(caught.exception))  # names the rule that does convert the pair
        with self.assertRaises(kzpenalty.UnknownKindError) as caught:
            self.ctx.convert(5, "fine", "arrest", rule="prison-rule")
        self.assertIn("'unpaid-fine'", str(caught.exception))  # the words come from the library
        with self.assertRaises(TypeError):
            self.ctx.convert(5, "fine", "arrest", rule=None)


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
