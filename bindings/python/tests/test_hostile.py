"""The hostile inputs of tests/hostile/python.json, each run against the Python API (issue 13, item 5).

Each entry names a call, its arguments and what must happen: the exact exception class and a fragment of its
message, or values of the result. A key this runner does not know fails the test, so a typo cannot pass; a message is
checked by a fragment, so it cannot silently turn misleading. After every entry the embedded Context must still give
the same answers: bad input changes nothing.

Arguments are JSON values, except that a JSON object stands for a value JSON cannot write, by its one tag key (see
ARG_TAGS and the file's "arguments" note)."""
import datetime
import decimal
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import unittest

import kzpenalty

from support import SOURCE_DIR

TABLE = SOURCE_DIR / "tests" / "hostile" / "python.json"
ENTRY_KEYS = {"name", "why", "call", "args", "kwargs", "raises", "message", "attrs", "returns", "note"}
ARG_TAGS = {"decimal", "date", "datetime", "float", "bytes", "pow", "repeat", "path", "dataset", "tuple", "dict",
            "set", "object", "lying_decimal", "str_subclass", "int_subclass", "fields_of"}
DATE = "2026-02-10"


class LyingDecimal(decimal.Decimal):
    """A Decimal whose text and sign lie about its value."""

    def __str__(self):
        return "1"

    def __format__(self, spec):
        return "1"

    def is_signed(self):
        return True

    def as_tuple(self):
        return decimal.DecimalTuple(0, (1,), 0)


class StrSubclass(str):
    pass


class IntSubclass(int):
    pass


class Runner:
    """Turns an entry's arguments into Python values and its call into a callable."""

    def __init__(self, ctx, workdir):
        self.ctx = ctx
        self.workdir = pathlib.Path(workdir)
        self.writers = []

    def value(self, v):
        if isinstance(v, list):
            return [self.value(x) for x in v]
        if not isinstance(v, dict):
            return v
        tags = set(v) & ARG_TAGS
        if len(tags) != 1:
            raise AssertionError(f"an argument object needs exactly one tag of {sorted(ARG_TAGS)}: {v}")
        (tag,) = tags
        extra = set(v) - {tag} - {"times", "as", "writes", "with"}
        if extra:
            raise AssertionError(f"unknown keys {sorted(extra)} in argument {v}")
        x = v[tag]
        if tag == "decimal":
            return decimal.Decimal(x)
        if tag == "date":
            return datetime.date.fromisoformat(x)
        if tag == "datetime":
            return datetime.datetime.fromisoformat(x)
        if tag == "float":
            return float(x)
        if tag == "bytes":
            return x.encode(v.get("as", "utf-8")) * v.get("times", 1)
        if tag == "pow":
            return x[0] ** x[1] * v.get("times", 1)
        if tag == "repeat":
            return x * v["times"]
        if tag == "tuple":
            return tuple(self.value(x))
        if tag == "dict":
            return {k: self.value(y) for k, y in x.items()}
        if tag == "set":
            return set(self.value(x))
        if tag == "object":
            return {"object": object(), "function": len, "context": self.ctx, "type": int}[x]
        if tag == "lying_decimal":
            return LyingDecimal(x)
        if tag == "str_subclass":
            return StrSubclass(x)
        if tag == "int_subclass":
            return IntSubclass(x)
        if tag == "path":
            return self.path(x, v)
        if tag == "dataset":
            return self.dataset(x, v)
        if tag == "fields_of":
            record = {"fine": self.ctx.fine(200, DATE), "bound": self.ctx.range("115-1", DATE).sanctions[0].max}[x]
            values = record._asdict()
            values.update({k: self.value(y) for k, y in v.get("with", {}).items()})
            return tuple(values.values())
        raise AssertionError(tag)

    def path(self, kind, v):
        p = self.workdir / kind
        if kind == "missing":
            pass
        elif kind == "directory":
            p.mkdir(exist_ok=True)
        elif kind == "empty":
            p.write_bytes(b"")
        elif kind == "dataset":
            p = SOURCE_DIR / "data" / "kzpenalty.json"
        elif kind == "fifo":
            # Opening a FIFO waits for a writer: a separate process writes v["writes"] and closes. If the library
            # refuses a FIFO without opening it, the writer is stopped after the call (see finish()).
            p = pathlib.Path(tempfile.mkdtemp(dir=self.workdir)) / "fifo"
            os.mkfifo(p)
            code = "import sys; open(sys.argv[1], 'w', encoding='utf-8').write(sys.argv[2])"
            self.writers.append(subprocess.Popen([sys.executable, "-c", code, str(p), v.get("writes", "")]))
        else:
            raise AssertionError(f"unknown path kind {kind}")
        return {"str": str, "bytes": os.fsencode, "pathlib": pathlib.Path}[v.get("as", "str")](p)

    def dataset(self, replacements, v):
        text = (SOURCE_DIR / "data" / "kzpenalty.json").read_text(encoding="utf-8")
        for old, new in replacements:
            if text.count(old) != 1:
                raise AssertionError(f"{old!r} must occur once in the dataset, not {text.count(old)} times")
            text = text.replace(old, new)
        return text.encode("utf-8") if v.get("as") == "bytes" else text

    def callable(self, call):
        if call == "Context":
            return kzpenalty.Context
        owner, _, name = call.rpartition(".")
        if owner == "ctx":
            return getattr(self.ctx, name)
        if owner:
            return getattr(getattr(kzpenalty, owner), name)
        return getattr(kzpenalty, name)

    def finish(self):
        for w in self.writers:
            try:
                w.wait(timeout=5)
            except subprocess.TimeoutExpired:
                w.kill()
                w.wait()
        self.writers.clear()


def compare(testcase, got, want, where):
    if isinstance(got, decimal.Decimal):
        testcase.assertIsInstance(want, str, f"{where}: write a Decimal as a string")
        testcase.assertEqual(got, decimal.Decimal(want), where)
    elif isinstance(got, datetime.date):
        testcase.assertEqual(got.isoformat(), want, where)
    elif isinstance(got, tuple):
        testcase.assertIsInstance(want, list, where)
        testcase.assertEqual(len(got), len(want), where)
        for i, (g, w) in enumerate(zip(got, want)):
            compare(testcase, g, w, f"{where}.{i}")
    elif hasattr(got, "_fields") and isinstance(want, str):
        testcase.assertEqual(got.id, want, f"{where} (by id)")  # a citation named by its id
    else:
        testcase.assertIs(type(got), type(want), where)
        testcase.assertEqual(got, want, where)


def walk(value, path):
    for part in path.split(".") if path != "$" else []:
        value = value[int(part)] if part.isdigit() else (value[part] if hasattr(value, "keys") else getattr(value, part))
    return value


class Hostile(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.doc = json.loads(TABLE.read_text(encoding="utf-8"))
        cls.ctx = kzpenalty.Context()
        cls.info = cls.ctx.info

    def test_table(self):
        self.assertEqual(set(self.doc), {"about", "arguments", "entries"})
        entries = self.doc["entries"]
        self.assertGreaterEqual(len(entries), 90)
        names = [e.get("name") for e in entries]
        self.assertEqual(len(names), len(set(names)), "entry names are unique")
        with tempfile.TemporaryDirectory() as tmp:
            for entry in entries:
                with self.subTest(entry=entry.get("name")):
                    self.run_entry(entry, tmp)

    def run_entry(self, entry, tmp):
        self.assertLessEqual(set(entry), ENTRY_KEYS, "unknown key")
        self.assertTrue(entry.get("name") and entry.get("why") and entry.get("call"), "name, why and call")
        self.assertNotEqual("raises" in entry, "returns" in entry, "exactly one of raises and returns")
        self.assertEqual("raises" in entry, "message" in entry, "raises goes with a message fragment")
        self.assertTrue("message" not in entry or entry["message"].strip(), "an empty fragment checks nothing")
        self.assertTrue("attrs" not in entry or "raises" in entry, "attrs are an exception's")
        runner = Runner(self.ctx, tmp)
        try:
            fn = runner.callable(entry["call"])
            args = runner.value(entry.get("args", []))
            kwargs = {k: runner.value(v) for k, v in entry.get("kwargs", {}).items()}
            if "raises" in entry:
                with self.assertRaises(Exception) as caught:
                    fn(*args, **kwargs)
                exc = caught.exception
                self.assertEqual(type(exc).__name__, entry["raises"], f"{type(exc).__name__}: {exc}")
                self.assertIn(entry["message"], str(exc))
                if isinstance(exc, kzpenalty.KzpError):
                    self.assertEqual(exc.message, str(exc))
                    self.assertTrue(exc.code.startswith("KZP_E_"))
                for attr, want in entry.get("attrs", {}).items():
                    self.assertEqual(getattr(exc, attr), want, attr)
            else:
                result = fn(*args, **kwargs)
                self.assertTrue(entry["returns"], "an empty returns checks nothing")
                for path, want in entry["returns"].items():
                    compare(self, walk(result, path), want, path)
        finally:
            runner.finish()
        # nothing changed: 200 x 4,325 = 865,000 tenge, and the same dataset
        self.assertEqual(self.ctx.fine(200, DATE).amount_tiyn, 86500000)
        self.assertEqual(self.ctx.info, self.info)


if __name__ == "__main__":
    unittest.main()
