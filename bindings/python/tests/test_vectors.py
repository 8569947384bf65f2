"""The shared cases of tests/vectors/ (the same the C tests run), through the Python API.

Every key of a case, of an expected result, of a sanction, of a payment and of the words corpus is read here; a key
this runner does not know fails the test, so a field added to the corpus cannot be skipped silently."""
import decimal
import unittest

import kzpenalty

from support import load_vectors

CASE_KEYS = {"name", "why", "op", "article", "date", "mci_count", "kind", "amount", "from", "to", "rule", "mitigated",
             "accelerated", "order_procedure", "purpose", "mci", "allow_stale", "strict", "expect", "error"}
RANGE_FLAGS = ("mitigated", "accelerated", "order_procedure", "allow_stale", "strict")
PRICE_FLAGS = ("allow_stale", "strict")


def run_case(base, case):
    """Ask the question of a case; return the result (or raise the library's error)."""
    ctx = base.what_if(case["mci"]) if "mci" in case else base
    op = case["op"]
    # a flag absent from a case is not given at all, so the API's default is what runs
    flags = {k: case[k] for k in (RANGE_FLAGS if op in ("range", "check") else PRICE_FLAGS) if k in case}
    if op == "mci":
        return ctx.mci(case["date"], case.get("purpose", "fines"), **flags)
    if op == "fine":
        return ctx.fine(case["mci_count"], case["date"], **flags)
    if op == "range":
        return ctx.range(case["article"], case["date"], **flags)
    if op == "check":
        return ctx.check(case["article"], case["date"], case["kind"], case["amount"], **flags)
    if op == "convert":
        rule = {"rule": case["rule"]} if "rule" in case else {}  # absent: the library's default (aggregation)
        return ctx.convert(case["amount"], case["from"], case["to"], **rule)
    raise AssertionError(f"unknown op {op}")


def citation_id(citation):
    return None if citation is None else citation.id


class SharedVectors(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ctx = kzpenalty.Context()

    def check_bound(self, name, key, sanction, want):
        """min / max and their _tiyn, _source, _citation; False if key is none of them."""
        prefix, _, rest = key.partition("_")
        if prefix not in ("min", "max"):
            return False
        bound = getattr(sanction, prefix)
        if rest == "":
            self.assertEqual(None if bound is None else bound.amount, None if want is None else decimal.Decimal(want),
                             f"{name}: {key}")
        elif rest == "tiyn":
            self.assertIsNotNone(bound, f"{name}: {key} needs a bound")
            self.assertEqual(bound.tiyn, want, f"{name}: {key}")
        elif rest == "source":
            # no bound at all is the library's source 'none'
            self.assertEqual("none" if bound is None else bound.source, want, f"{name}: {key}")
        elif rest == "citation":
            self.assertEqual(None if bound is None else citation_id(bound.citation), want, f"{name}: {key}")
        else:
            return False
        return True

    def check_sanctions(self, name, result, want):
        self.assertEqual(len(result.sanctions), len(want), f"{name}: sanction count")
        for got, w in zip(result.sanctions, want):
            for k, v in w.items():
                if k in ("kind", "unit"):
                    self.assertEqual(getattr(got, k), v, f"{name}: {k}")
                elif k == "min_lifted_by":
                    self.assertEqual(citation_id(got.min_lifted_by), v, f"{name}: {k}")
                elif not self.check_bound(name, k, got, v):
                    self.fail(f"{name}: unknown sanction field {k}")

    def check_payments(self, name, result, want):
        self.assertEqual(len(result.payments), len(want), f"{name}: payment count")
        for got, w in zip(result.payments, want):
            for k, v in w.items():
                if k in ("id", "priced", "amount_tiyn", "certainty"):
                    self.assertEqual(getattr(got, k), v, f"{name}: payment {k}")
                elif k == "mci":
                    self.assertEqual(got.mci, decimal.Decimal(v), f"{name}: payment mci")
                else:
                    self.fail(f"{name}: unknown payment field {k}")

    def check_fields(self, name, op, result, expect):
        for key, want in expect.items():
            with self.subTest(case=name, field=key):
                if key == "certainty" and op != "check":  # a check's certainty is its range's
                    self.assertEqual(result.certainty, want)
                elif op == "mci" and key in ("tenge", "stale"):
                    self.assertEqual(getattr(result, key), want)
                elif op == "mci" and key == "from":
                    self.assertEqual(result.from_date.isoformat(), want)
                elif op == "fine" and key == "amount_tiyn":
                    self.assertEqual(result.amount_tiyn, want)
                elif op in ("fine", "range") and key == "mci_tenge":
                    self.assertEqual(result.mci.tenge, want)
                elif op == "fine" and key == "mci_from":
                    self.assertEqual(result.mci.from_date.isoformat(), want)
                elif op == "range" and key == "stale":
                    self.assertEqual(result.stale, want)
                elif op == "range" and key == "sanctions":
                    self.check_sanctions(name, result, want)
                elif op == "range" and key == "omitted":
                    self.assertEqual(list(result.omitted), want)
                elif op == "range" and key == "payments":
                    self.check_payments(name, result, want)
                elif op == "check" and key in ("fits", "violation", "limit_source"):
                    self.assertEqual(getattr(result, key), want)
                elif op == "check" and key in ("limit", "excess"):
                    self.assertEqual(getattr(result, key), decimal.Decimal(want))
                elif op == "check" and key == "limit_citation":
                    self.assertEqual(citation_id(result.limit_citation), want)
                elif op == "convert" and key in ("whole", "exact", "rule"):
                    self.assertEqual(getattr(result, key), want)
                elif op == "convert" and key == "remainder":
                    self.assertEqual(result.remainder, decimal.Decimal(want))
                elif op == "convert" and key == "citation":
                    self.assertEqual(citation_id(result.citation), want)
                else:
                    self.fail(f"{name}: unknown expected field {key} for {op}")

    def test_core_cases(self):
        cases = load_vectors("core.json")["cases"]
        self.assertGreaterEqual(len(cases), 66)
        for case in cases:
            with self.subTest(case=case["name"]):
                self.assertLessEqual(set(case), CASE_KEYS, "unknown field in a case")
                self.assertNotEqual("expect" in case, "error" in case, "exactly one of expect and error")
                if "error" in case:
                    with self.assertRaises(kzpenalty.KzpError) as caught:
                        run_case(self.ctx, case)
                    self.assertEqual(caught.exception.code, case["error"])
                else:
                    self.assertTrue(case["expect"], "an empty expect checks nothing")
                    self.check_fields(case["name"], case["op"], run_case(self.ctx, case), case["expect"])


class WordsVectors(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.doc = load_vectors("words.json")

    def test_no_unknown_keys(self):
        known = {"numbers": {"n", "en", "ru", "kk"}, "russian_forms": {"n", "gender", "case", "ru"},
                 "tenge": {"tiyn", "why", "words", "figures_words"}, "errors": {"n", "tiyn", "error"},
                 "sentences": {"article", "date", "lang", "mitigated", "order_procedure", "texts"}}
        self.assertEqual(set(self.doc) - {"about"}, set(known))
        for section, keys in known.items():
            for case in self.doc[section]:
                self.assertLessEqual(set(case), keys, f"{section}: unknown key in {case}")

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
        self.assertTrue(any(case.get("order_procedure") for case in self.doc["sentences"]))
        for case in self.doc["sentences"]:
            flags = {k: case[k] for k in ("mitigated", "order_procedure") if k in case}
            texts = ctx.sanction_texts(case["article"], case["date"], case["lang"], **flags)
            self.assertEqual(list(texts), case["texts"], f"{case['date']} {case['lang']} {flags}")


if __name__ == "__main__":
    unittest.main()
