"""Library errors are ValueErrors and wrong types TypeErrors, as Python code expects."""
import unittest

import kzpenalty


class BuiltinErrorClasses(unittest.TestCase):
    def setUp(self):
        self.ctx = kzpenalty.Context()

    def test_every_library_error_is_a_value_error(self):
        self.assertTrue(issubclass(kzpenalty.KzpError, ValueError))
        self.assertTrue(issubclass(kzpenalty.BadDateError, ValueError))
        # code written for plain Python catches a bad date as a ValueError, with the library's details
        with self.assertRaises(ValueError) as caught:
            self.ctx.fine(200, "2026-02-30")
        self.assertIsInstance(caught.exception, kzpenalty.BadDateError)
        self.assertEqual(caught.exception.code, "KZP_E_BAD_DATE")
        with self.assertRaises(ValueError):
            self.ctx.range("115-1", "2025-09-15")  # before the article applies: NotInForceError

    def test_a_wrong_type_is_a_type_error_not_a_library_error(self):
        for call in (lambda: self.ctx.fine(1.5, "2026-02-10"), lambda: self.ctx.fine(200, 20260210)):
            with self.assertRaises(TypeError) as caught:
                call()
            self.assertNotIsInstance(caught.exception, kzpenalty.KzpError)


if __name__ == "__main__":
    unittest.main()
