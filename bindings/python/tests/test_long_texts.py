"""Long texts from the data come out whole (issue 13 item 2).

The dataset sets no length on its texts, so a binding that copies one through a fixed buffer cuts
it, or cuts a UTF-8 character in half (UnicodeDecodeError, or U+FFFD). These tests load the shipped
dataset with the 2026 MCI citation's act set to 260 Cyrillic letters (520 bytes) and the Russian
reference of Art. 55 part 2 (cc-55-2) set to 200 (400 bytes), and read them back from every
result that carries them.
"""
import collections.abc
import os
import tempfile
import unittest

import kzpenalty

from support import SOURCE_DIR

ACT = "Ж" * 260
REF = "Щ" * 200
LONG_ID = "Ю" * 40  # an article id of 80 bytes


def replace_once(text, old, new):
    assert text.count(old) == 1, old
    return text.replace(old, new)


def long_dataset():
    text = (SOURCE_DIR / "data" / "kzpenalty.json").read_text(encoding="utf-8")
    text = replace_once(
        text,
        '"act": "Law of the Republic of Kazakhstan of 8 December 2025 on the republican budget for 2026-2028"',
        '"act": "%s"' % ACT,
    )
    return replace_once(text, '"reference": "ч. 2 ст. 55"', '"reference": "%s"' % REF)


def strings_in(value):
    """Every str inside a result: its records, tuples and mappings, recursively."""
    if isinstance(value, str):
        yield value
    elif hasattr(value, "_asdict"):
        for v in value._asdict().values():
            yield from strings_in(v)
    elif isinstance(value, collections.abc.Mapping):
        for v in value.values():
            yield from strings_in(v)
    elif isinstance(value, (tuple, list)):
        for v in value:
            yield from strings_in(v)


class LongTexts(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.text = long_dataset()
        cls.ctx = kzpenalty.Context.from_json(cls.text)

    def assert_whole(self, result, must_hold=ACT):
        texts = list(strings_in(result))
        self.assertTrue(texts)
        for t in texts:
            self.assertNotIn("\ufffd", t)
        self.assertIn(must_hold, texts, "the long act is missing or cut")

    def test_the_dataset_is_valid(self):
        self.assertEqual(kzpenalty.validate_dataset(self.text), ())

    def test_sanction_texts_whole(self):
        texts = self.ctx.sanction_texts("115-1", "2026-02-10", "ru", mitigated=True)
        self.assertEqual(len(texts), 4)
        # half of 200 MCI = 100 MCI = 100 x 4,325 = 432,500 tenge; half of 50 days = 25
        self.assertEqual(
            texts[0],
            "штраф в размере до 100 (ста) МРП, что составляет 432 500 (четыреста тридцать две тысячи пятьсот) тенге"
            " (с учетом " + REF + " УК РК: не более половины максимума)",
        )
        self.assertEqual(texts[3], "арест на срок до 25 (двадцати пяти) суток (с учетом " + REF
                         + " УК РК: не более половины максимума)")
        for t in texts:  # every alternative is capped, so every sentence names the part applied
            self.assertIn(REF, t)
            self.assertNotIn("\ufffd", t)
        for lang in ("en", "kk"):  # the other languages' references are untouched, and whole too
            for t in self.ctx.sanction_texts("115-1", "2026-02-10", lang, mitigated=True, accelerated=True):
                self.assertNotIn("\ufffd", t)

    def test_every_result_carries_the_whole_act(self):
        self.assert_whole(self.ctx.mci("2026-02-10"))
        fine = self.ctx.fine(200, "2026-02-10")
        self.assertEqual(fine.amount_tiyn, 86500000)  # 200 x 4,325 tenge
        self.assert_whole(fine)
        self.assert_whole(self.ctx.range("115-1", "2026-02-10", mitigated=True))
        self.assert_whole(self.ctx.check("115-1", "2026-02-10", "fine", 150))
        self.assert_whole(self.ctx.mci_table())
        self.assertEqual(self.ctx.mci_table()[-1].citation.act, ACT)
        # an update and a what-if keep the base's citations
        update = '{"periods": [{"from": "2026-01-01", "tenge": 4325, "purpose": "all", "citation": "mci-2026"}]}'
        self.assert_whole(self.ctx.with_mci(update).mci("2026-06-01"))

    def test_from_file_reads_the_same(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "long.json")
            with open(path, "w", encoding="utf-8") as f:
                f.write(self.text)
            ctx = kzpenalty.Context.from_file(path)
        self.assertEqual(ctx.mci("2026-02-10").citation.act, ACT)

    def test_a_long_article_id_is_found(self):
        text = replace_once(long_dataset(), '"id": "115-1",', '"id": "%s",' % LONG_ID)
        ctx = kzpenalty.Context.from_json(text)
        self.assertEqual(ctx.articles()[0].id, LONG_ID)
        self.assertEqual(len(ctx.range(LONG_ID, "2026-02-10").sanctions), 4)
        self.assertTrue(ctx.check(LONG_ID, "2026-02-10", "fine", 150).fits)  # 150 of 20..200 MCI
        self.assertEqual(len(ctx.sanction_texts(LONG_ID, "2026-02-10", "ru")), 4)

    def test_a_message_quoting_bytes_that_are_not_utf8(self):
        # a file name is bytes: ED A0 80 (a UTF-16 surrogate) and C0 80 (an overlong NUL) quoted in
        # the library's message once made it undecodable (UnicodeDecodeError instead of the error)
        for name in (b"/nonexistent/\xed\xa0\x80.json", b"/nonexistent/\xc0\x80.json", b"/nonexistent/\xf5\x80"):
            with self.assertRaises(kzpenalty.DataFileError) as cm:
                kzpenalty.Context.from_file(name)
            self.assertIn("cannot open '/nonexistent/", str(cm.exception))


if __name__ == "__main__":
    unittest.main()
