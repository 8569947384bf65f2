"""Checks that docs/cli.schema.json describes the JSON the kzpenalty command prints.

Usage: python3 tests/docs/check_cli_schema.py SOURCE_DIR   (Debian's python3, python3-jsonschema)

1. The schema itself must be a valid JSON Schema (draft 2020-12).
2. Every golden JSON output in tests/cli/cases must validate: NAME.out as one document when
   NAME.args has a line "--json"; NAME.out line by line (each a batch line) when the first or
   second line of NAME.args is "batch".
3. At least MIN_DOCUMENTS documents must have been validated, so the test cannot pass on an
   empty or renamed case directory.
4. The schema must reject documents made wrong on purpose (each a copy of a golden document
   that validated, with one thing broken), to show it is strict.
Exit 0 when all hold, 1 otherwise, listing every failure as FILE:LINE: PATH: ERROR.
"""
import copy
import json
import pathlib
import sys

import jsonschema

MIN_DOCUMENTS = 15


def pointer(path):
    """A JSON Pointer for an error's path in the instance ("" is the whole document)."""
    return "/" + "/".join(str(p) for p in path)


def leaf_errors(errors):
    """The errors that explain a failure. A oneOf over the output kinds fails as a whole
    ("not valid under any of the given schemas"); descend into the branch the document came
    closest to (fewest errors, then deepest) so the message names the actual field."""
    out = []
    for e in errors:
        if not e.context:
            out.append(e)
            continue
        branches = {}
        for c in e.context:
            branches.setdefault(c.relative_schema_path[0], []).append(c)
        closest = min(branches.values(), key=lambda b: (len(b), -max(len(c.absolute_path) for c in b)))
        out.extend(leaf_errors(closest))
    return out


def main():
    if len(sys.argv) != 2:
        print("usage: check_cli_schema.py SOURCE_DIR", file=sys.stderr)
        return 2
    root = pathlib.Path(sys.argv[1])
    schema_path = root / "docs/cli.schema.json"
    cases = root / "tests/cli/cases"
    failures = []

    try:
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        print(f"{schema_path}: cannot be read as JSON: {e}")
        return 1
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.SchemaError as e:
        print(f"{schema_path}: not a valid draft 2020-12 schema: {pointer(e.path)}: {e.message}")
        return 1
    if "batch_line" not in schema.get("$defs", {}):
        print(f"{schema_path}: $defs/batch_line is missing")
        return 1
    validator = jsonschema.Draft202012Validator(schema)
    # A batch line is checked against $defs/batch_line (results and errors only), with the
    # same $defs: the schema with its top-level oneOf replaced by that reference.
    batch_schema = {k: v for k, v in schema.items() if k != "oneOf"}
    batch_schema["$ref"] = "#/$defs/batch_line"
    batch_validator = jsonschema.Draft202012Validator(batch_schema)

    valid_docs = []  # (file, line, document, is_batch_line) of every document that validated

    def check(rel, lineno, text, is_batch):
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as e:
            failures.append(f"{rel}:{lineno + e.lineno - 1}: not JSON: {e.msg} (column {e.colno})")
            return
        v = batch_validator if is_batch else validator
        errors = list(v.iter_errors(doc))
        if not errors:
            valid_docs.append((rel, lineno, doc, is_batch))
            return
        for e in sorted(leaf_errors(errors), key=lambda e: list(map(str, e.absolute_path))):
            failures.append(f"{rel}:{lineno}: {pointer(e.absolute_path)}: {e.message[:300]}")

    if not cases.is_dir():
        print(f"{cases}: no such directory")
        return 1
    for args_path in sorted(cases.glob("*.args")):
        args = args_path.read_text(encoding="utf-8").splitlines()
        out_path = args_path.with_suffix(".out")
        rel = out_path.relative_to(root)
        is_batch = "batch" in args[:2]
        if not is_batch and "--json" not in args:
            continue
        if not out_path.exists():
            failures.append(f"{rel}:0: missing golden output")
            continue
        text = out_path.read_text(encoding="utf-8")
        if is_batch:
            for n, line in enumerate(text.splitlines(), 1):
                check(rel, n, line, True)
        else:
            check(rel, 1, text, False)

    count = len(valid_docs)
    checked = count + len(failures)
    if checked < MIN_DOCUMENTS:
        failures.append(f"{cases.relative_to(root)}: only {checked} JSON documents found; expected at least "
                        f"{MIN_DOCUMENTS} (are the golden cases there, with --json or batch in their .args?)")

    # Documents made wrong on purpose: a valid golden document of the right kind, one thing broken.
    def find(pred, what, batch=None):
        for _, _, doc, is_batch in valid_docs:
            if (batch is None or batch == is_batch) and pred(doc):
                return copy.deepcopy(doc)
        failures.append(f"no valid golden document of kind '{what}' to break on purpose")
        return None

    def priced_sanction(doc):
        return next((s for s in doc.get("sanctions", []) if "max_tiyn" in s), None)

    bad = []  # (description, document, validator)

    doc = find(lambda d: priced_sanction(d) is not None, "range with a priced fine")
    if doc:
        s = priced_sanction(doc)
        s["max_tiyn"] = str(s["max_tiyn"])
        bad.append(("range result with sanctions[].max_tiyn as a string", doc, validator))
    doc = find(lambda d: "sanctions" in d and d.get("mci") is not None, "range with an MCI")
    if doc:
        doc["mci"]["citation"]["status"] = "certain"
        bad.append(("range result whose MCI citation has an unknown status", doc, validator))
    doc = find(lambda d: "amount_tiyn" in d, "fine")
    if doc:
        del doc["amount_tiyn"]
        bad.append(("fine result without amount_tiyn", doc, validator))
    doc = find(lambda d: "mci_count" in d, "fine")
    if doc:
        doc["mci_count"] = 0.2
        bad.append(("fine result with mci_count as a JSON number", doc, validator))
    doc = find(lambda d: "fits" in d, "check")
    if doc:
        doc["fits"] = not doc["fits"]
        bad.append(("check result whose fits contradicts its violation", doc, validator))
    doc = find(lambda d: "error" in d and "id" not in d and "line" not in d, "error", batch=False)
    if doc:
        doc["hint"] = "try again"
        bad.append(("error object with an unknown extra field", doc, validator))
    doc = find(lambda d: "error" in d, "error")
    if doc:
        doc["error"]["code"] = "not_in_force"
        bad.append(("error object with a code that is not USAGE or KZP_E_*", doc, validator))
    doc = find(lambda d: "error" in d and "line" in d, "batch error with a line number", batch=True)
    if doc:
        doc["id"] = 1
        bad.append(("batch error with both id and line", doc, batch_validator))
    doc = find(lambda d: "articles" in d, "articles")
    if doc:
        bad.append(("an articles listing as a batch line", doc, batch_validator))
    doc = find(lambda d: "offence_date" in d, "result with an offence date")
    if doc:
        doc["offence_date"] = "10.02.2026"
        bad.append(("result with a non-ISO offence_date", doc, validator))

    rejected = 0
    for what, doc, v in bad:
        if v.is_valid(doc):
            failures.append(f"schema accepts a bad document: {what}")
        else:
            rejected += 1

    for f in failures:
        print(f)
    if failures:
        print(f"cli schema: FAILED ({len(failures)} problem{'s' if len(failures) != 1 else ''}; "
              f"{count} documents valid, {rejected} of {len(bad)} bad documents rejected)")
        return 1
    print(f"cli schema: {count} documents valid, {rejected} bad documents rejected")
    return 0


if __name__ == "__main__":
    sys.exit(main())
