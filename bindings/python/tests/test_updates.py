"""MCI update files through the binding: Context.with_mci_file, Context.with_updates, Context.updates() and
Context.sha256. The library finds and applies the files; these tests check that the binding hands it the right
text and gives back what it answered. The binding under test is the CMake build's, linked with nettle, so the
SHA-256 of a file loaded at run time is there (pip's build, without nettle, gives '' for it)."""
import datetime
import hashlib
import os
import pathlib
import pickle
import tempfile
import unittest
from unittest import mock

import kzpenalty

from support import SOURCE_DIR

# A made-up MCI for 2027 in the format of examples/mci-update-example.json: 4,500 tenge from 2027-01-01, marked
# hypothetical (it is not law).
UPDATE_2027 = """{
  "citations": [
    { "id": "test-2027", "act": "TEST ONLY: a made-up 2027 MCI", "seen_in": "bindings/python/tests/test_updates.py",
      "note": "Not law.", "status": "hypothetical" }
  ],
  "known_until": "2027-12-31",
  "known_until_citation": "test-2027",
  "periods": [ { "from": "2027-01-01", "tenge": 4500, "purpose": "all", "citation": "test-2027" } ]
}
"""
# The same period replaced by a later file: 4,600 tenge from 2027-01-01.
UPDATE_2027_LATER = UPDATE_2027.replace("test-2027", "test-2027-later").replace('"tenge": 4500', '"tenge": 4600')
OFFENCE = "2027-03-15"
# 200 MCI x 4,500 tenge = 900,000 tenge = 90,000,000 tiyn
FINE_200_AT_4500 = 90_000_000
# 200 MCI x 4,325 tenge (the 2026 MCI of the embedded dataset) = 865,000 tenge = 86,500,000 tiyn
FINE_200_IN_2026 = 86_500_000


def sha256_of(path):
    return hashlib.sha256(pathlib.Path(path).read_bytes()).hexdigest()


class UpdateFiles(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = pathlib.Path(self.tmp.name)
        self.file = self.dir / "2027.json"
        self.file.write_text(UPDATE_2027, encoding="utf-8")
        self.base = kzpenalty.Context()

    def tearDown(self):
        self.tmp.cleanup()

    def check_2027(self, ctx, source):
        fine = ctx.fine(200, OFFENCE)
        self.assertEqual(fine.amount_tiyn, FINE_200_AT_4500)
        self.assertEqual(fine.mci.tenge, 4500)
        self.assertEqual(fine.certainty, "hypothetical")  # the update's status, carried into the answer
        (u,) = ctx.updates()
        self.assertIsInstance(u, kzpenalty.Update)
        self.assertEqual(u.source, source)
        self.assertEqual(u.sha256, sha256_of(self.file))
        self.assertEqual(u.from_date, datetime.date(2027, 1, 1))
        self.assertEqual((u.tenge, u.purpose), (4500, "all"))
        self.assertEqual((u.citation.id, u.citation.status), ("test-2027", "hypothetical"))

    def test_with_mci_file(self):
        with self.assertRaises(kzpenalty.StaleMciError):
            self.base.fine(200, OFFENCE)  # the embedded dataset knows the MCI until 2026-12-31 only
        self.check_2027(self.base.with_mci_file(str(self.file)), str(self.file))
        self.check_2027(self.base.with_mci_file(self.file), str(self.file))  # an os.PathLike
        with self.assertRaises(kzpenalty.StaleMciError):
            self.base.fine(200, OFFENCE)  # the base is not changed
        self.assertEqual(self.base.updates(), ())

    def test_with_updates_where(self):
        self.check_2027(self.base.with_updates(str(self.file)), str(self.file))
        self.check_2027(self.base.with_updates(self.file), str(self.file))
        self.check_2027(self.base.with_updates([self.file]), str(self.file))
        self.check_2027(self.base.with_updates((str(self.file),)), str(self.file))
        # a directory gives its *.json files; the library names each as directory/name
        self.check_2027(self.base.with_updates(str(self.dir)), f"{self.dir}/2027.json")
        # a str is a ':'-separated list, as KZPENALTY_UPDATES is: an empty entry is skipped
        self.check_2027(self.base.with_updates(f":{self.file}"), str(self.file))
        # nothing named: the same data, no update
        none = self.base.with_updates([])
        self.assertEqual(none.updates(), ())
        self.assertEqual(none.sha256, self.base.sha256)

    def test_files_apply_in_order_the_last_wins(self):
        (self.dir / "2027-later.json").write_text(UPDATE_2027_LATER, encoding="utf-8")
        ctx = self.base.with_updates(str(self.dir))  # "2027-later.json" sorts before "2027.json" ('-' < '.')
        # the receipt lists the period in use: "2027-later.json"'s 4,600, replaced, is not listed
        self.assertEqual([(pathlib.Path(u.source).name, u.tenge) for u in ctx.updates()], [("2027.json", 4500)])
        self.assertEqual(ctx.fine(200, OFFENCE).amount_tiyn, FINE_200_AT_4500)  # 4,500 applied last
        ctx = self.base.with_updates([self.file, self.dir / "2027-later.json"])
        self.assertEqual(ctx.fine(200, OFFENCE).amount_tiyn, 92_000_000)  # 200 x 4,600 = 920,000 tenge

    def test_a_broken_file_raises_naming_it_and_the_base_still_works(self):
        broken = self.dir / "broken.json"
        broken.write_text('{"periods": [', encoding="utf-8")
        for call in (lambda: self.base.with_mci_file(broken), lambda: self.base.with_updates(str(broken)),
                     lambda: self.base.with_updates(str(self.dir))):  # the good file is not applied alone
            with self.assertRaises(kzpenalty.JSONSyntaxError) as caught:
                call()
            self.assertEqual(caught.exception.code, "KZP_E_JSON")
            self.assertIn(str(broken), str(caught.exception))
        broken.write_text(UPDATE_2027.replace('"tenge": 4500', '"tenge": -5'), encoding="utf-8")
        with self.assertRaises(kzpenalty.DataValueError) as caught:
            self.base.with_mci_file(broken)
        self.assertIn(str(broken), str(caught.exception))
        self.assertEqual(caught.exception.path, "$.periods[0].tenge")
        missing = self.dir / "missing.json"
        with self.assertRaises(kzpenalty.DataFileError) as caught:
            self.base.with_updates([missing])
        self.assertIn(str(missing), str(caught.exception))
        # the base context answers as before
        self.assertEqual(self.base.fine(200, "2026-02-10").amount_tiyn, FINE_200_IN_2026)
        self.assertEqual(self.base.updates(), ())

    def test_where_refused_before_the_library_sees_it(self):
        with self.assertRaises(kzpenalty.InvalidArgumentError):
            self.base.with_updates([f"{self.file}:{self.file}"])  # one path of a list cannot hold ':'
        with self.assertRaises(kzpenalty.InvalidArgumentError):
            self.base.with_updates([""])
        with self.assertRaises(TypeError):
            self.base.with_updates(5)
        with self.assertRaises(TypeError):
            self.base.with_mci_file(None)

    def test_where_none_reads_the_documented_place(self):
        before = os.environ.get("KZPENALTY_UPDATES")
        with mock.patch.dict(os.environ, {"KZPENALTY_UPDATES": str(self.file)}):
            self.check_2027(self.base.with_updates(), str(self.file))
            self.check_2027(self.base.with_updates(None), str(self.file))
            # the decision: a Context is never given updates unless with_updates is asked
            self.assertEqual(kzpenalty.Context().updates(), ())
            with self.assertRaises(kzpenalty.StaleMciError):
                kzpenalty.Context().fine(200, OFFENCE)
        # unset: kzpenalty/updates under XDG_DATA_HOME (after those of XDG_DATA_DIRS)
        home = self.dir / "home"
        (home / "kzpenalty" / "updates").mkdir(parents=True)
        user_file = home / "kzpenalty" / "updates" / "2027.json"
        user_file.write_text(UPDATE_2027, encoding="utf-8")
        env = {"XDG_DATA_HOME": str(home), "XDG_DATA_DIRS": str(self.dir / "no-such-dir")}
        with mock.patch.dict(os.environ, env):
            os.environ.pop("KZPENALTY_UPDATES", None)
            self.check_2027(self.base.with_updates(), str(user_file))
            # set, even empty, it alone says where: here nowhere
            os.environ["KZPENALTY_UPDATES"] = ""
            self.assertEqual(self.base.with_updates().updates(), ())
        self.assertEqual(os.environ.get("KZPENALTY_UPDATES"), before)  # mock.patch.dict put it back


class Receipts(unittest.TestCase):
    """Every result's receipt names the dataset's SHA-256 and the updates that priced it, so a result saved on its own
    says what priced it. A receipt is built once per Context: a derived Context has its own."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.file = pathlib.Path(self.tmp.name) / "2027.json"
        self.file.write_text(UPDATE_2027, encoding="utf-8")

    def tearDown(self):
        self.tmp.cleanup()

    def test_a_result_priced_with_an_update_file_names_it(self):
        base = kzpenalty.Context()
        ctx = base.with_mci_file(self.file)
        fine = ctx.fine(200, OFFENCE)
        self.assertEqual(fine.amount_tiyn, FINE_200_AT_4500)  # 200 x 4,500 = 900,000 tenge = 90,000,000 tiyn
        receipt = fine.receipt
        (u,) = receipt.updates
        self.assertIsInstance(u, kzpenalty.Update)
        self.assertEqual(u.source, str(self.file))
        self.assertEqual(u.sha256, sha256_of(self.file))
        self.assertEqual(u.from_date, datetime.date(2027, 1, 1))
        self.assertEqual((u.tenge, u.purpose), (4500, "all"))
        self.assertEqual((u.citation.id, u.citation.status), ("test-2027", "hypothetical"))
        # the dataset under the update is the embedded one: its SHA-256, not the update's
        self.assertEqual(receipt.dataset_sha256, sha256_of(SOURCE_DIR / "data" / "kzpenalty.json"))
        self.assertEqual(receipt.dataset_sha256, ctx.sha256)
        # every result of the Context carries the same receipt, holding the very tuple updates() returns
        self.assertIs(ctx.range("115-1", OFFENCE).receipt, receipt)
        self.assertIs(ctx.check("115-1", OFFENCE, "fine", 15).receipt, receipt)
        self.assertIs(receipt.updates, ctx.updates())
        # the base keeps its own receipt, with no update
        self.assertEqual(base.fine(200, "2026-02-10").receipt.updates, ())
        self.assertIsNot(base.fine(200, "2026-02-10").receipt, receipt)
        # the receipt travels with the result: a copy saved on its own still names the file and its period
        saved = pickle.loads(pickle.dumps(fine))
        self.assertEqual(saved.receipt, receipt)
        self.assertEqual([(v.source, v.tenge) for v in saved.receipt.updates], [(str(self.file), 4500)])

    def test_the_receipt_names_the_update_in_use(self):
        later = pathlib.Path(self.tmp.name) / "later.json"
        later.write_text(UPDATE_2027_LATER, encoding="utf-8")
        fine = kzpenalty.Context().with_updates([self.file, later]).fine(200, OFFENCE)
        self.assertEqual(fine.amount_tiyn, 92_000_000)  # 200 x 4,600 tenge (applied last) = 920,000 tenge
        # the receipt names the period in use: the first file's 4,500, replaced by the later one, is not listed
        self.assertEqual([(v.source, v.sha256, v.tenge) for v in fine.receipt.updates],
                         [(str(later), sha256_of(later), 4600)])

    def test_a_result_of_the_default_context(self):
        receipt = kzpenalty.Context().fine(200, "2026-02-10").receipt  # 200 x 4,325 = 865,000 tenge
        self.assertEqual(receipt.dataset_sha256, sha256_of(SOURCE_DIR / "data" / "kzpenalty.json"))
        self.assertRegex(receipt.dataset_sha256, "^[0-9a-f]{64}$")
        self.assertEqual(receipt.updates, ())
        self.assertEqual(receipt._fields, ("library", "dataset", "dataset_version", "dataset_fingerprint",
                                           "dataset_sha256", "updates", "hypothetical"))  # the command's order

    def test_a_loaded_dataset_and_a_what_if(self):
        path = SOURCE_DIR / "docs" / "examples" / "dataset-minimal.json"
        loaded = kzpenalty.Context.from_file(path)
        receipt = loaded.fine(200, "2026-02-10").receipt  # 200 x 4,325 = 865,000 tenge
        self.assertEqual(receipt.dataset_sha256, sha256_of(path))  # computed at load time: nettle in this build
        self.assertEqual(receipt.updates, ())
        what_if = kzpenalty.Context().what_if(5000).fine(200, "2026-02-10").receipt  # 200 x 5,000 = 1,000,000 tenge
        self.assertEqual((what_if.hypothetical, what_if.updates), (True, ()))


class Sha256(unittest.TestCase):
    def test_the_embedded_dataset(self):
        expected = sha256_of(SOURCE_DIR / "data" / "kzpenalty.json")
        ctx = kzpenalty.Context()
        self.assertEqual(ctx.sha256, expected)
        self.assertRegex(ctx.sha256, "^[0-9a-f]{64}$")
        # a derived context keeps its base dataset's; what was added is in updates()
        self.assertEqual(ctx.what_if(5000).sha256, expected)
        self.assertEqual(ctx.with_mci(UPDATE_2027).sha256, expected)
        # loaded from the file at run time: computed with nettle in this build
        self.assertEqual(kzpenalty.Context.from_file(SOURCE_DIR / "data" / "kzpenalty.json").sha256, expected)

    def test_an_update_from_a_buffer_has_no_file(self):
        (u,) = kzpenalty.Context().with_mci(UPDATE_2027).updates()
        self.assertEqual(u.source, "")
        self.assertEqual(u.sha256, hashlib.sha256(UPDATE_2027.encode()).hexdigest())


if __name__ == "__main__":
    unittest.main()
