"""The shared cases of tests/vectors/ (the same the C tests run), through the Python API."""
import decimal
import unittest

import kzpenalty

from support import load_vectors

CASE_KEYS = {"name", "why", "op", "article", "date", "mci_count", "kind", "amount", "from", "to", "mitigated",
             "accelerated", "purpose", "mci", "allow_stale", "strict", "expect", "error"}


def run_case(base, case):
    """Ask the question of a case; return the result (or raise the library's error)."""
    ctx = base.what_if(case["mci"]) if "mci" in case else base
    flags = {k: case.get(k, False) for k in ("allow_stale", "strict")}
    caps = {k: case.get(k, False) for k in ("mitigated", "accelerated")}
    op = case["op"]
    if op == "mci":
        return ctx.mci(case["date"], case.get("purpose", "fines"), **flags)
    if op == "fine":
        return ctx.fine(case["mci_count"], case["date"], **flags)
    if op == "range":
        return ctx.range(case["article"], case["date"], **caps, **flags)
    if op == "check":
        return ctx.check(case["article"], case["date"], case["kind"], case["amount"], **caps, **flags)
    if op == "convert":
        return ctx.convert(case["amount"], case["from"], case["to"])
    raise AssertionError(f"unknown op {op}")


class SharedVectors(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ctx = kzpenalty.Context()

    def check_fields(self, name, op, result, expect):
        for key, want in expect.items():
            with self.subTest(case=name, field=key):
                if key == "certainty":
                    self.assertEqual(result.certainty, want)
                elif op == "mci" and key in ("tenge", "stale"):
                    self.assertEqual(getattr(result, key), want)
                elif op == "mci" and key == "from":
                    self.assertEqual(result.from_date.isoformat(), want)
                elif op == "fine" and key == "amount_tiyn":
                    self.assertEqual(result.amount_tiyn, want)
                elif op == "fine" and key == "mci_tenge":
                    self.assertEqual(result.mci.tenge, want)
                elif op == "fine" and key == "mci_from":
                    self.assertEqual(result.mci.from_date.isoformat(), want)
                elif op == "range" and key == "mci_tenge":
                    self.assertEqual(result.mci.tenge, want)
                elif op == "range" and key == "stale":
                    self.assertEqual(result.stale, want)
                elif op == "range" and key == "sanctions":
                    self.assertEqual(len(result.sanctions), len(want))
                    for got, w in zip(result.sanctions, want):
                        for k, v in w.items():
                            if k in ("max", "min"):
                                self.assertEqual(getattr(got, k), None if v is None else decimal.Decimal(v))
                            else:
                                self.assertEqual(getattr(got, k), v, f"{name}: {k}")
                elif op == "check" and key in ("fits", "violation"):
                    self.assertEqual(getattr(result, key), want)
                elif op == "check" and key in ("limit", "excess"):
                    self.assertEqual(getattr(result, key), decimal.Decimal(want))
                elif op == "convert" and key in ("whole", "exact"):
                    self.assertEqual(getattr(result, key), want)
                elif op == "convert" and key == "remainder":
                    self.assertEqual(result.remainder, decimal.Decimal(want))
                else:
                    self.fail(f"{name}: unknown expected field {key} for {op}")

    def test_core_cases(self):
        cases = load_vectors("core.json")["cases"]
        self.assertGreater(len(cases), 30)
        for case in cases:
            with self.subTest(case=case["name"]):
                self.assertLessEqual(set(case), CASE_KEYS, "unknown field in a case")
                if "error" in case:
                    with self.assertRaises(kzpenalty.KzpError) as caught:
                        run_case(self.ctx, case)
                    self.assertEqual(caught.exception.code, case["error"])
                else:
                    self.check_fields(case["name"], case["op"], run_case(self.ctx, case), case["expect"])


class WordsVectors(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.doc = load_vectors("words.json")

    def test_numbers(self):
        self.assertGreaterEqual(len(self.doc["numbers"]), 60)
        for case in self.doc["numbers"]:
            for lang in ("en", "ru", "kk"):
                self.assertEqual(kzpenalty.number_words(case["n"], lang), case[lang], f"{case['n']} {lang}")

    def test_russian_forms(self):
        for case in self.doc["russian_forms"]:
            got = kzpenalty.number_words(case["n"], "ru", gender=case["gender"], case=case["case"])
            self.assertEqual(got, case["ru"])

    def test_tenge(self):
        for case in self.doc["tenge"]:
            for lang, text in case.get("words", {}).items():
                self.assertEqual(kzpenalty.tenge_words(case["tiyn"], lang), text)
            for lang, text in case.get("figures_words", {}).items():
                self.assertEqual(kzpenalty.tenge_figures_words(case["tiyn"], lang), text)

    def test_errors(self):
        for case in self.doc["errors"]:
            with self.assertRaises(kzpenalty.KzpError) as caught:
                if "n" in case:
                    kzpenalty.number_words(case["n"], "ru")
                else:
                    kzpenalty.tenge_words(case["tiyn"], "ru")
            self.assertEqual(caught.exception.code, case["error"])

    def test_sentences(self):
        ctx = kzpenalty.Context()
        for case in self.doc["sentences"]:
            texts = ctx.sanction_texts(case["article"], case["date"], case["lang"], mitigated=case["mitigated"])
            self.assertEqual(list(texts), case["texts"])


if __name__ == "__main__":
    unittest.main()
