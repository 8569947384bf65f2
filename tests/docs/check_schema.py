"""Checks that docs/dataset.schema.json describes the shipped dataset and the worked
example: both must validate. Run with Debian's python3 (python3-jsonschema)."""
import json
import pathlib
import sys

import jsonschema

root = pathlib.Path(sys.argv[1])
schema = json.loads((root / "docs/dataset.schema.json").read_text(encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
failed = False
for rel in ("data/kzpenalty.json", "docs/examples/dataset-minimal.json"):
    doc = json.loads((root / rel).read_text(encoding="utf-8"))
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    for e in errors:
        print(f"{rel}: {'/'.join(map(str, e.path))}: {e.message}")
    failed = failed or bool(errors)
    print(f"{rel}: {'INVALID' if errors else 'valid'}")
# The schema must also refuse something: a float MCI.
bad = json.loads((root / "docs/examples/dataset-minimal.json").read_text(encoding="utf-8"))
bad["mci"]["periods"][0]["tenge"] = 4325.5
if validator.is_valid(bad):
    print("schema accepts a floating-point MCI")
    failed = True
sys.exit(1 if failed else 0)
