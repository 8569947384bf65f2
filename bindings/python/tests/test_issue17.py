"""Issue 17: the binding takes its vocabulary from the library (error classes, words, citations), every dated
answer carries the offence dates with the same answer (valid_from, valid_until), and an answer reused from the
binding's cache equals one the library gives afresh."""
import ctypes
import datetime
import decimal
import pathlib
import unittest

import kzpenalty

D = datetime.date


def library():
    """The C library the extension was built with (build/libkzpenalty.so beside build/bindings/python), read with
    ctypes so the names are the library's, not the binding's."""
    build = pathlib.Path(kzpenalty.__file__).resolve().parents[3]
    for name in ("libkzpenalty.so", "libkzpenalty.dylib"):
        if (build / name).exists():
            lib = ctypes.CDLL(str(build / name))
            lib.kzp_status_class.restype = ctypes.c_char_p
            lib.kzp_strerror.restype = ctypes.c_char_p
            return lib
    return None


class ErrorClasses(unittest.TestCase):
    def test_each_class_is_the_library_s_for_its_status(self):
        lib = library()
        if lib is None:
            self.skipTest("no build/libkzpenalty.so beside the extension (an installed package)")
        count = lib.kzp_status_count()
        self.assertGreater(count, 1)
        names = set()
        for code in range(-1, -count, -1):
            name = lib.kzp_status_class(code).decode()
            cls = getattr(kzpenalty, name)
            names.add(name)
            with self.subTest(status=code, name=name):
                self.assertTrue(issubclass(cls, kzpenalty.KzpError))
                # the class made for this status carries its message: name and status go together
                self.assertEqual(cls.__doc__, lib.kzp_strerror(code).decode())
        runtime = {n for n in kzpenalty.__all__ if isinstance(getattr(kzpenalty, n), type)
                   and issubclass(getattr(kzpenalty, n), kzpenalty.KzpError) and n != "KzpError"}
        self.assertEqual(runtime, names)

    def test_a_raised_error_is_the_class_of_its_status(self):
        ctx = kzpenalty.Context()
        with self.assertRaises(kzpenalty.BadDateError) as caught:
            ctx.range("115-1", "2026-02-30")
        self.assertEqual((caught.exception.code, caught.exception.status), ("KZP_E_BAD_DATE", -7))


class Words(unittest.TestCase):
    def test_unknown_words_carry_the_library_s_message(self):
        cases = [(lambda: kzpenalty.number_words(5, "de"), "'de' is not a language; expected one of: en, ru, kk"),
                 (lambda: kzpenalty.format_tenge(100, "usd"), "expected one of: sign, ru, kk, en, plain"),
                 (lambda: kzpenalty.number_words(5, "ru", gender="common"), "'common' is not a gender"),
                 (lambda: kzpenalty.number_words(5, "ru", case="dative"), "'dative' is not a case")]
        for call, message in cases:
            with self.assertRaises(ValueError) as caught:
                call()
            self.assertIn(message, str(caught.exception))

    def test_known_words_still_work(self):
        self.assertEqual(kzpenalty.number_words(1000, "ru", gender="feminine"), "одна тысяча")
        self.assertEqual(kzpenalty.number_words(200, "ru", case="genitive"), "двухсот")
        self.assertEqual(kzpenalty.format_tenge(86500000, "en"), "865,000 KZT")
        self.assertEqual(kzpenalty.tenge_words(100, "kk"), "бір теңге")
        self.assertEqual(set(kzpenalty.Context().articles()[0].title), {"en", "ru", "kk"})


class Citations(unittest.TestCase):
    def test_every_citation_once_as_the_library_counts_them(self):
        ctx = kzpenalty.Context()
        listed = ctx.citations()
        self.assertEqual(len(listed), ctx.info.citation_count)
        self.assertEqual(len({c.id for c in listed}), len(listed))
        # results hold the same objects as the list
        by_id = {c.id: c for c in listed}
        r = ctx.range("115-1", "2026-02-10")
        for c in r.basis:
            self.assertIs(by_id[c.id], c)
        # a what-if adds its own citation, an MCI update the ones it brings
        self.assertEqual(len(ctx.what_if(5000).citations()), ctx.info.citation_count + 1)
        update = ('{"citations": [{"id": "fx", "act": "test fixture", "seen_in": "the test", "status": "official"}],'
                  ' "known_until": "2027-12-31", "known_until_citation": "fx",'
                  ' "periods": [{"from": "2027-01-01", "tenge": 5000, "purpose": "all", "citation": "fx"}]}')
        nxt = ctx.with_mci(update)
        self.assertEqual(len(nxt.citations()), nxt.info.citation_count)
        self.assertIn("fx", {c.id for c in nxt.citations()})


class Validity(unittest.TestCase):
    def test_range(self):
        ctx = kzpenalty.Context()
        r = ctx.range("115-1", D(2026, 2, 10))
        self.assertEqual((r.valid_from, r.valid_until), (D(2026, 1, 1), D(2026, 12, 31)))
        # `build/cli/kzpenalty range 115-1 --date 2025-11-03 --json` says valid_from 2025-09-16 (the article's entry
        # into force, later than the 2025 MCI period's start) and valid_until 2025-12-31; its mci 2025-01-01..12-31
        r = ctx.range("115-1", "2025-11-03")
        self.assertEqual((r.valid_from, r.valid_until), (D(2025, 9, 16), D(2025, 12, 31)))
        self.assertEqual((r.mci.valid_from, r.mci.valid_until), (D(2025, 1, 1), D(2025, 12, 31)))
        self.assertIs(type(r.valid_from), datetime.date)

    def test_mci_fine_check(self):
        ctx = kzpenalty.Context()
        m = ctx.mci("2026-02-10")
        self.assertEqual((m.valid_from, m.valid_until), (D(2026, 1, 1), D(2026, 12, 31)))
        f = ctx.fine(200, "2026-02-10")
        self.assertEqual((f.valid_from, f.valid_until), (D(2026, 1, 1), D(2026, 12, 31)))
        c = ctx.check("115-1", "2025-11-03", "fine", 15)
        self.assertEqual((c.valid_from, c.valid_until), (D(2025, 9, 16), D(2025, 12, 31)))
        # the header: a stale answer holds from the day after known_until on; a what-if's MCI on every date
        stale = ctx.mci("2027-01-01", allow_stale=True)
        self.assertEqual((stale.valid_from, stale.valid_until), (D(2027, 1, 1), D(9999, 12, 31)))
        hypo = ctx.what_if(5000).mci("2026-02-10")
        self.assertEqual((hypo.valid_from, hypo.valid_until), (D(1, 1, 1), D(9999, 12, 31)))
        # 2022: benefits rose on 1 April, fines did not
        self.assertEqual(ctx.mci("2022-02-01", "benefits").valid_until, D(2022, 3, 31))
        self.assertEqual(ctx.mci("2022-02-01", "fines").valid_until, D(2022, 12, 31))


FLAGS = [{}, {"mitigated": True}, {"accelerated": True}, {"order_procedure": True}, {"strict": True},
         {"allow_stale": True}]
DATES = ["2025-09-16", "2025-11-03", "2025-12-31", "2026-01-01", "2026-02-10", "2026-12-31", "2027-01-01",
         D(2025, 12, 31), D(2026, 1, 1), D(2026, 6, 1)]


def answer(fn):
    try:
        return fn()
    except kzpenalty.KzpError as e:
        return (type(e), e.message)


class CachedEqualsFresh(unittest.TestCase):
    """A Context answers a question it answered for another date in the same interval from that answer; each such
    answer must equal the library's own for the date, from a Context that has answered nothing."""

    def test_ranges_inside_at_the_edges_and_across_the_new_year(self):
        ctx = kzpenalty.Context()
        for flags in FLAGS:
            for first in DATES:
                answer(lambda: ctx.range("115-1", first, **flags))  # the answer kept
                for day in DATES:
                    with self.subTest(flags=flags, first=first, day=day):
                        self.assertEqual(answer(lambda: ctx.range("115-1", day, **flags)),
                                         answer(lambda: kzpenalty.Context().range("115-1", day, **flags)))

    def test_fines(self):
        ctx = kzpenalty.Context()
        for count in (200, decimal.Decimal("0.2"), "150", decimal.Decimal("150.00")):
            for flags in ({}, {"allow_stale": True}, {"strict": True}):
                for first in DATES:
                    answer(lambda: ctx.fine(count, first, **flags))
                    for day in DATES:
                        with self.subTest(count=count, flags=flags, first=first, day=day):
                            got = answer(lambda: ctx.fine(count, day, **flags))
                            self.assertEqual(got, answer(lambda: kzpenalty.Context().fine(count, day, **flags)))
                            if not isinstance(got, tuple):
                                self.assertEqual(str(got.mci_count), str(decimal.Decimal(count)))

    def test_a_cached_answer_never_covers_a_bad_date(self):
        ctx = kzpenalty.Context()
        ctx.range("115-1", "2026-02-10")
        ctx.fine(200, "2026-02-10")
        for bad in ("2026-02-30", "10.02.2026", "2026-2-10", "2026-02-10 "):
            with self.subTest(date=bad):
                with self.assertRaises(kzpenalty.BadDateError):
                    ctx.range("115-1", bad)
                with self.assertRaises(kzpenalty.BadDateError):
                    ctx.fine(200, bad)

    def test_the_date_is_the_one_asked(self):
        ctx = kzpenalty.Context()
        ctx.range("115-1", "2026-02-10")
        r = ctx.range("115-1", "2026-03-01")
        self.assertEqual(r.offence_date, D(2026, 3, 1))
        day = D(2026, 4, 1)
        self.assertIs(ctx.range("115-1", day).offence_date, day)
        self.assertEqual(ctx.fine(200, "2026-05-05").offence_date, D(2026, 5, 5))

    def test_a_what_if(self):
        ctx = kzpenalty.Context().what_if(5000)
        ctx.range("115-1", "2026-02-10")
        for day in DATES:
            with self.subTest(day=day):
                self.assertEqual(answer(lambda: ctx.range("115-1", day)),
                                 answer(lambda: kzpenalty.Context().what_if(5000).range("115-1", day)))

if __name__ == "__main__":
    unittest.main()
