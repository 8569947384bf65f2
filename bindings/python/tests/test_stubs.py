"""kzpenalty/__init__.pyi against the objects (issue 13, item 4): the stubs declare what the package has, no more and
no less: every name, every record's fields in order and the type of every value they hold, every parameter of every
function with how it may be passed, and the exception classes' bases. The stubs once declared NamedTuples for records
that are not tuples, so copy.copy of a result failed where a type checker promised it would work."""
import ast
import collections.abc
import datetime
import decimal
import inspect
import typing
import unittest

import kzpenalty

from support import SOURCE_DIR

STUB = SOURCE_DIR / "bindings" / "python" / "kzpenalty" / "__init__.pyi"
DATE = "2026-02-10"
DATASET = SOURCE_DIR / "docs" / "examples" / "dataset-minimal.json"
UPDATE_FILE = SOURCE_DIR / "examples" / "mci-update-example.json"
UPDATE = ('{"citations": [{"id": "fx", "act": "test fixture", "seen_in": "the test", "status": "official"}],'
          ' "known_until": "2027-12-31", "known_until_citation": "fx",'
          ' "periods": [{"from": "2027-01-01", "tenge": 5000, "purpose": "all", "citation": "fx"}]}')

# A value for every parameter of every callable, to call each one the way its stub says it may be called.
SAMPLES = {
    "Context.from_file": {"path": str(DATASET)},
    "Context.from_json": {"text": DATASET.read_text(encoding="utf-8")},
    "Context.with_mci": {"update": UPDATE},
    "Context.with_mci_file": {"path": str(UPDATE_FILE)},
    "Context.with_updates": {"where": [str(UPDATE_FILE)]},
    "Context.what_if": {"mci_tenge": 5000},
    "Context.mci": {"date": DATE, "purpose": "fines", "allow_stale": False, "strict": False},
    "Context.range": {"article": "115-1", "date": DATE, "mitigated": False, "accelerated": False,
                      "order_procedure": False, "allow_stale": False, "strict": False},
    "Context.fine": {"mci_count": 200, "date": DATE, "allow_stale": False, "strict": False},
    "Context.check": {"article": "115-1", "date": DATE, "kind": "fine", "amount": 20, "mitigated": False,
                      "accelerated": False, "order_procedure": False, "allow_stale": False, "strict": False},
    "Context.convert": {"amount": 150, "from_kind": "fine", "to_kind": "arrest", "rule": "aggregation"},
    "Context.sanction_texts": {"article": "115-1", "date": DATE, "lang": "en", "mitigated": False,
                               "accelerated": False, "order_procedure": False, "allow_stale": False,
                               "strict": False},
    "Context.mci_table": {},
    "Context.articles": {},
    "Context.citations": {},
    "Context.updates": {},
    "number_words": {"n": 5, "lang": "en", "gender": "masculine", "case": "nominative"},
    "tenge_words": {"tiyn": 100, "lang": "en"},
    "tenge_figures_words": {"tiyn": 100, "lang": "en"},
    "format_tenge": {"tiyn": 100, "style": "sign"},
    "validate_dataset": {"text": "{}"},
}

KINDS = {"posonlyargs": inspect.Parameter.POSITIONAL_ONLY, "args": inspect.Parameter.POSITIONAL_OR_KEYWORD,
         "kwonlyargs": inspect.Parameter.KEYWORD_ONLY}


def stub_params(fn, is_method):
    """[(name, kind, has_default)] of a stub function, without self or cls."""
    a = fn.args
    out = []
    positional = a.posonlyargs + a.args
    first_default = len(positional) - len(a.defaults)
    for i, arg in enumerate(positional):
        kind = KINDS["posonlyargs"] if i < len(a.posonlyargs) else KINDS["args"]
        out.append((arg.arg, kind, i >= first_default))
    for arg, default in zip(a.kwonlyargs, a.kw_defaults):
        out.append((arg.arg, KINDS["kwonlyargs"], default is not None))
    return out[1:] if is_method else out


def runtime_params(obj):
    params = list(inspect.signature(obj).parameters.values())
    return [(p.name, p.kind, p.default is not inspect.Parameter.empty) for p in params if p.name != "self"]


def results():
    """Results of every record type, in the forms that make each optional field None and not None."""
    ctx = kzpenalty.Context()
    r = ctx.range("115-1", DATE)
    return [r, *r.sanctions, *(b for s in r.sanctions for b in (s.min, s.max) if b), r.sanctions[1].restriction,
            r.payments[0], r.mci, r.receipt, *r.basis, ctx.range("115-1", DATE, mitigated=True),
            *ctx.range("115-1", DATE, mitigated=True).sanctions, ctx.range("115-1", DATE, order_procedure=True),
            ctx.range("115-1", DATE, strict=True), *ctx.range("115-1", DATE, strict=True).payments,
            ctx.fine(decimal.Decimal("0.2"), DATE), ctx.what_if(5000).fine(1, DATE),
            ctx.check("115-1", DATE, "fine", 15), ctx.check("115-1", DATE, "fine", 25, order_procedure=True),
            ctx.convert(150, "fine", "arrest"), ctx.convert(10, "community_service", "arrest", rule="evaded-service"),
            ctx.mci("2027-01-01", allow_stale=True), ctx.mci("2022-06-01", "benefits"), *ctx.mci_table(),
            *ctx.articles(), ctx.info, *kzpenalty.validate_dataset('{"schema_version": 1}'),
            *ctx.with_mci(UPDATE).updates(), *ctx.with_mci_file(UPDATE_FILE).updates(),
            ctx.with_mci(UPDATE).fine(1, "2027-01-01").receipt]  # a receipt whose updates hold an Update


class Stubs(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tree = ast.parse(STUB.read_text(encoding="utf-8"))
        cls.classes = {n.name: n for n in cls.tree.body if isinstance(n, ast.ClassDef)}
        cls.functions = {n.name: n for n in cls.tree.body if isinstance(n, ast.FunctionDef)}
        cls.aliases = {n.targets[0].id: n.value for n in cls.tree.body if isinstance(n, ast.Assign)}
        cls.variables = {n.target.id for n in cls.tree.body if isinstance(n, ast.AnnAssign)}
        # the stub's annotations evaluated against typing, the stub's aliases and the package's classes
        ns = {name: getattr(typing, name) for name in typing.__all__}
        ns.update(datetime=datetime, decimal=decimal, os=__import__("os"))
        ns.update({name: getattr(kzpenalty, name) for name in cls.classes})
        for name, value in cls.aliases.items():
            ns[name] = eval(compile(ast.Expression(value), str(STUB), "eval"), ns)  # noqa: S307 (our own stub)
        cls.namespace = ns

    def annotation(self, node):
        return eval(compile(ast.Expression(node), str(STUB), "eval"), self.namespace)  # noqa: S307

    def test_names(self):
        declared = set(self.classes) | set(self.functions) | self.variables
        self.assertEqual(declared, set(kzpenalty.__all__) | {"__version__"})

    def test_records_are_declared_as_what_they_are(self):
        records = [name for name in self.classes if hasattr(getattr(kzpenalty, name), "_fields")]
        self.assertEqual(len(records), 16)
        for name in records:
            cls, node = getattr(kzpenalty, name), self.classes[name]
            with self.subTest(record=name):
                self.assertFalse(issubclass(cls, tuple))
                self.assertEqual(node.bases, [], "a record is not a NamedTuple: it has no tuple base")
                self.assertIn("final", [ast.unparse(d) for d in node.decorator_list])
                props = [f.name for f in node.body if isinstance(f, ast.FunctionDef)
                         and any(ast.unparse(d) == "property" for d in f.decorator_list)]
                self.assertEqual(tuple(props), cls._fields)
                methods = {f.name for f in node.body if isinstance(f, ast.FunctionDef)} - set(props)
                self.assertEqual(methods, {"_asdict", "_make", "__reduce__", "__eq__", "__ne__", "__hash__"})
                for m in methods:
                    self.assertTrue(hasattr(cls, m), m)
                self.assertIn("_fields", {ast.unparse(f.target) for f in node.body if isinstance(f, ast.AnnAssign)})

    def test_every_value_has_its_declared_type(self):
        checked = collections.Counter()
        for result in results():
            node = self.classes[type(result).__name__]
            for f in node.body:
                if isinstance(f, ast.FunctionDef) and any(ast.unparse(d) == "property" for d in f.decorator_list):
                    value = getattr(result, f.name)
                    with self.subTest(record=type(result).__name__, field=f.name, value=value):
                        self.assertTrue(self.conforms(value, self.annotation(f.returns)),
                                        f"{type(result).__name__}.{f.name} = {value!r} is not {ast.unparse(f.returns)}")
                        checked[(type(result).__name__, f.name, value is None)] += 1
        # every field of every record was seen; each Optional one both ways where the results above allow it
        fields = {(n, f) for n, f, _ in checked}
        self.assertEqual(len(fields), sum(len(getattr(kzpenalty, n)._fields) for n in self.classes
                                          if hasattr(getattr(kzpenalty, n), "_fields")))

    def conforms(self, value, tp):
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if tp is typing.Any:
            return True
        if origin is typing.Union:
            return any(self.conforms(value, a) for a in args)
        if origin is typing.Literal:
            return value in args and type(value) in {type(a) for a in args}
        if origin is tuple:
            return type(value) is tuple and all(self.conforms(v, args[0]) for v in value)
        if origin is collections.abc.Mapping:
            return (isinstance(value, collections.abc.Mapping) and not isinstance(value, dict)
                    and all(self.conforms(k, args[0]) and self.conforms(v, args[1]) for k, v in value.items()))
        if tp is type(None):
            return value is None
        if tp is int:
            return type(value) is int
        if tp is datetime.date:
            return type(value) is datetime.date
        return type(value) is tp

    def callables(self):
        """(qualified name, stub node, runtime object, is a method) for every function the stub declares."""
        for name, node in self.functions.items():
            yield name, node, getattr(kzpenalty, name), False
        for node in self.classes["Context"].body:
            if isinstance(node, ast.FunctionDef) and node.name != "__init__" and not any(
                    ast.unparse(d) == "property" for d in node.decorator_list):
                yield f"Context.{node.name}", node, getattr(kzpenalty.Context, node.name), True

    def test_context_has_what_the_stub_declares(self):
        declared = {n.name for n in self.classes["Context"].body if isinstance(n, ast.FunctionDef)} - {"__init__"}
        public = {n for n in dir(kzpenalty.Context) if not n.startswith("_")}
        self.assertEqual(declared, public)
        self.assertEqual(runtime_params(kzpenalty.Context), [])  # Context() takes no arguments

    def test_parameters(self):
        names = set()
        for name, node, obj, is_method in self.callables():
            names.add(name)
            with self.subTest(function=name):
                declared = stub_params(node, is_method)
                self.assertEqual(declared, runtime_params(obj))
                self.assertEqual({p for p, _, _ in declared}, set(SAMPLES[name]))

    def test_each_function_takes_its_arguments_as_declared(self):
        ctx = kzpenalty.Context()
        for name, node, obj, is_method in self.callables():
            target = getattr(ctx, name.split(".")[1]) if is_method else obj
            params = stub_params(node, is_method)
            sample = SAMPLES[name]
            positional = [sample[p] for p, kind, _ in params if kind == KINDS["posonlyargs"]]
            keywords = {p: sample[p] for p, kind, _ in params if kind != KINDS["posonlyargs"]}
            with self.subTest(function=name):
                target(*positional, **keywords)  # every parameter given the way the stub allows: no TypeError
                with self.assertRaises(TypeError):
                    target(*positional, **keywords, no_such_parameter=1)
                for p, kind, _ in params:
                    if kind == KINDS["posonlyargs"]:  # positional only: refused by keyword
                        with self.assertRaises(TypeError):
                            target(**{p: sample[p]})
                    if kind == KINDS["kwonlyargs"]:  # keyword only: refused by position
                        with self.assertRaises(TypeError):
                            target(*[sample[q] for q, k, _ in params if k != KINDS["kwonlyargs"]], sample[p])

    def test_exception_classes(self):
        # the stub declares exactly the classes the module made at run time from the library's list
        errors = [n for n in self.classes if n.endswith("Error")]
        runtime = {n for n in kzpenalty.__all__ if isinstance(getattr(kzpenalty, n), type)
                   and issubclass(getattr(kzpenalty, n), kzpenalty.KzpError)}
        self.assertEqual(set(errors), runtime)
        for name in errors:
            with self.subTest(error=name):
                self.assertEqual([ast.unparse(b) for b in self.classes[name].bases],
                                 [b.__name__ for b in getattr(kzpenalty, name).__bases__])


if __name__ == "__main__":
    unittest.main()
