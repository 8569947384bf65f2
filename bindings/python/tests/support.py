"""Shared by the tests: where the repository is, and the shared vectors."""
import json
import os
import pathlib

# the repository: from the test runner, or from where this file sits (bindings/python/tests)
SOURCE_DIR = pathlib.Path(os.environ.get("KZP_SOURCE_DIR") or pathlib.Path(__file__).resolve().parents[3])


def load_vectors(name):
    """A corpus from tests/vectors/, the cases every binding runs."""
    return json.loads((SOURCE_DIR / "tests" / "vectors" / name).read_text(encoding="utf-8"))
