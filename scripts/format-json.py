#!/usr/bin/env python3
"""Writes a JSON file (the dataset, its schema) in the project's layout: a value whose compact form fits on one
line (140 columns with its indentation) stays on one line ({ "a": 1 }), anything longer is broken
up, two spaces an indent. Keys keep their order. Usage: format-json.py FILE [FILE...] (in place)."""
import json
import sys

WIDTH = 140


def one_line(v):
    """Compact, with a space inside the braces of an object: { "a": 1 }."""
    if isinstance(v, dict) and v:
        return "{ " + ", ".join(f"{json.dumps(k, ensure_ascii=False)}: {one_line(x)}" for k, x in v.items()) + " }"
    if isinstance(v, list) and v:
        return "[" + ", ".join(one_line(x) for x in v) + "]"
    return json.dumps(v, ensure_ascii=False)


def fmt(v, indent, prefix_len):
    flat = one_line(v)
    if not isinstance(v, (dict, list)) or indent + prefix_len + len(flat) <= WIDTH or not v:
        return flat
    pad = " " * (indent + 2)
    if isinstance(v, dict):
        items = [f'{pad}{json.dumps(k, ensure_ascii=False)}: {fmt(x, indent + 2, len(k) + 4)}' for k, x in v.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    items = [pad + fmt(x, indent + 2, 0) for x in v]
    return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"


for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    with open(path, "w", encoding="utf-8") as f:
        f.write(fmt(data, 0, 0) + "\n")
