#!/usr/bin/env python3
"""Runs every entry of tests/hostile/cli.json against the kzpenalty command (issue 13, items 1, 2, 6, 8 and 9).

Usage: run_cli.py PATH/TO/kzpenalty [ENTRY_NAME...]

Each entry runs the command once, in a fresh temporary directory holding the entry's files, with the entry's standard
input (empty if none) and NO_COLOR=1, under a time limit: a command that blocks (on a FIFO, say) fails here instead of
hanging the suite. Standard output goes to a pipe, to /dev/full or to a pipe whose read end is closed (SIGPIPE is
ignored in the child, so the write itself must fail and be noticed). The exit code, fragments of stdout and stderr,
the JSON error code and JSON values are compared with the entry; a key this runner does not know fails the run, so a
misspelt expectation cannot pass unchecked. Python 3 standard library only.
"""
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.path.dirname(os.path.dirname(HERE))
TABLE = os.path.join(HERE, "cli.json")
DATASET = os.path.join(SOURCE_DIR, "data", "kzpenalty.json")
TIME_LIMIT = 30  # seconds; generous for the 64 MiB entries on a busy machine, short next to a hang

ENTRY_KEYS = {"name", "why", "args", "stdin", "files", "stdout_to", "exit", "stdout", "stderr", "stdout_lacks",
              "stderr_lacks", "stdout_empty", "error_code", "json", "json_lines", "stdout_raw"}
FILE_KEYS = {"kind", "text", "replace", "pad_to", "writes"}
FILE_KINDS = {"fifo", "directory", "empty", "text", "dataset"}
OUTPUT_FAILED = 5  # CLI_EXIT_OUTPUT in cli/cli.h


class Mismatch(Exception):
    pass


def text(t):
    """An entry's text: a string, {"repeat": text, "times": n} or {"concat": [text, ...]}. A lone surrogate
    U+DC80..U+DCFF stands for the byte 0x80..0xFF (Python's surrogateescape), for names that are not UTF-8."""
    if isinstance(t, str):
        return t
    if isinstance(t, dict) and set(t) == {"repeat", "times"} and isinstance(t["times"], int):
        return text(t["repeat"]) * t["times"]
    if isinstance(t, dict) and set(t) == {"concat"} and isinstance(t["concat"], list):
        return "".join(text(x) for x in t["concat"])
    raise Mismatch(f"not a text (a string, repeat/times or concat): {str(t)[:80]}")


def to_bytes(t):
    return text(t).encode("utf-8", "surrogateescape")


def shown(s, limit=300):
    s = s if isinstance(s, str) else s.decode("utf-8", "backslashreplace")
    return s if len(s) <= limit else s[:limit] + f"... ({len(s)} characters)"


def make_files(workdir, files):
    """Creates the entry's files; returns the FIFO writers to start once the command runs."""
    writers = []
    for name, spec in (files or {}).items():
        if not isinstance(spec, dict) or set(spec) - FILE_KEYS or spec.get("kind") not in FILE_KINDS:
            raise Mismatch(f"file {name!r}: want {{kind: {sorted(FILE_KINDS)}, ...}} with keys of "
                           f"{sorted(FILE_KEYS)}, got {spec}")
        path = os.path.join(workdir.encode(), to_bytes(name))
        kind = spec["kind"]
        extra = set(spec) - {"kind"} - {"fifo": {"writes"}, "text": {"text"}, "dataset": {"replace", "pad_to"}}.get(
            kind, set())
        if extra:
            raise Mismatch(f"file {name!r}: a {kind} takes no {sorted(extra)}")
        if kind == "fifo":
            os.mkfifo(path)
            if "writes" in spec:
                writers.append((path, to_bytes(spec["writes"])))
        elif kind == "directory":
            os.mkdir(path)
        elif kind == "empty":
            open(path, "wb").close()
        elif kind == "text":
            with open(path, "wb") as f:
                f.write(to_bytes(spec["text"]))
        else:
            with open(DATASET, "rb") as f:
                data = f.read()
            for pair in spec.get("replace", []):
                old, new = to_bytes(pair[0]), to_bytes(pair[1])
                if data.count(old) != 1:
                    raise Mismatch(f"file {name!r}: {shown(old)!r} is in the dataset {data.count(old)} times, "
                                   f"not once")
                data = data.replace(old, new)
            if "pad_to" in spec:  # JSON allows trailing whitespace: the same dataset, a chosen size
                if spec["pad_to"] < len(data):
                    raise Mismatch(f"file {name!r}: the dataset is already {len(data)} bytes")
                data += b" " * (spec["pad_to"] - len(data))
            with open(path, "wb") as f:
                f.write(data)
    return writers


def fifo_writer(path, payload):
    """Opens the FIFO for writing (waiting for its reader), writes, closes."""
    try:
        with open(path, "wb") as f:
            f.write(payload)
    except BrokenPipeError:
        pass


def json_mode(args):
    """Whether the command line asks for --json (or an unambiguous prefix of it, which the command takes too)."""
    for a in args:
        if a == "--":
            return False
        if a.startswith("--j") and "--json".startswith(a):
            return True
    return False


def lookup(doc, path):
    """doc at a dotted path ("sanctions.0.max_tiyn")."""
    node = doc
    for part in path.split("."):
        if isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            raise Mismatch(f"JSON has no {path!r} (stopped at {part!r})")
    return node


def expected_value(v):
    return text(v) if isinstance(v, dict) else v


def check_values(doc, want, where):
    if not isinstance(want, dict):
        raise Mismatch(f"{where}: want {{path: value}}, got {want!r}")
    for path, v in want.items():
        got = lookup(doc, path)
        v = expected_value(v)
        if got != v or type(got) is not type(v):
            raise Mismatch(f"{where} {path}: expected {shown(json.dumps(v, ensure_ascii=False))}, "
                           f"got {shown(json.dumps(got, ensure_ascii=False))}")


def parse_json(out, what):
    try:
        return json.loads(out)
    except ValueError as e:
        raise Mismatch(f"{what} is not JSON ({e}): {shown(out)!r}")


def run_entry(kzpenalty, e):
    unknown = set(e) - ENTRY_KEYS
    if unknown:
        raise Mismatch(f"unknown keys {sorted(unknown)}")
    for key in ("name", "why", "args", "exit"):
        if key not in e:
            raise Mismatch(f"no {key!r}")
    if not e["why"].strip():
        raise Mismatch("an empty 'why'")
    args = [text(a) for a in e["args"]]
    to = e.get("stdout_to")
    if to not in (None, "full", "closed_pipe"):
        raise Mismatch(f"stdout_to is 'full' or 'closed_pipe', not {to!r}")
    stdout_keys = {"stdout", "stdout_lacks", "stdout_empty", "error_code", "json", "json_lines", "stdout_raw"}
    if to and set(e) & stdout_keys:
        raise Mismatch(f"{sorted(set(e) & stdout_keys)} cannot be checked when stdout goes to {to}")
    if json_mode(args) and e["exit"] not in (0, 1) and not to and not {"error_code", "json", "json_lines"} & set(e):
        raise Mismatch("a failure under --json prints its error as JSON: give error_code (or json for a report)")

    with tempfile.TemporaryDirectory(prefix="kzp-hostile-") as workdir:
        writers = make_files(workdir, e.get("files"))
        write_end = None
        if to == "full":
            stdout = open("/dev/full", "wb")
        elif to == "closed_pipe":
            read_end, write_end = os.pipe()
            os.close(read_end)  # nobody will read: the first write fails with EPIPE
            stdout = write_end
        else:
            stdout = subprocess.PIPE
        threads = [threading.Thread(target=fifo_writer, args=w, daemon=True) for w in writers]
        for t in threads:
            t.start()
        env = dict(os.environ, NO_COLOR="1")
        try:
            # restore_signals=False: the child inherits SIGPIPE ignored (main() below), so a write to the closed
            # pipe fails with EPIPE instead of killing it
            proc = subprocess.Popen([kzpenalty] + [a.encode("utf-8", "surrogateescape") for a in args],
                                    cwd=workdir, stdin=subprocess.PIPE, stdout=stdout, stderr=subprocess.PIPE,
                                    env=env, restore_signals=False)
            try:
                out, err = proc.communicate(to_bytes(e.get("stdin", "")), timeout=TIME_LIMIT)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.communicate()
                raise Mismatch(f"no exit after {TIME_LIMIT} s: the command blocked")
        finally:
            if to == "full":
                stdout.close()
            elif to == "closed_pipe":
                os.close(write_end)
            for t in threads:
                if t.is_alive():  # the command never opened its FIFO: open it ourselves so the writer ends
                    fd = os.open(writers[threads.index(t)][0], os.O_RDONLY | os.O_NONBLOCK)
                    t.join(5)
                    os.close(fd)
    out = out or b""
    try:
        err_text = err.decode("utf-8")
    except UnicodeDecodeError as x:
        raise Mismatch(f"stderr is not UTF-8 ({x}): {shown(err)!r}")
    try:
        out_text = out.decode("utf-8")
    except UnicodeDecodeError as x:
        if "stdout_raw" not in e:
            raise Mismatch(f"stdout is not UTF-8 ({x}): {shown(out)!r}")
        out_text = out.decode("utf-8", "surrogateescape")

    problems = []
    if proc.returncode != e["exit"]:
        problems.append(f"exit {proc.returncode}, expected {e['exit']}")
    if proc.returncode not in (0, 1) and not err_text.strip() and not out_text.strip():
        problems.append("a failure that says nothing")
    if proc.returncode == 0 and err_text:
        problems.append("stderr is not empty on success")
    for frag in e.get("stderr", []):
        if text(frag) not in err_text:
            problems.append(f"stderr lacks {shown(text(frag))!r}")
    for frag in e.get("stderr_lacks", []):
        if text(frag) in err_text:
            problems.append(f"stderr has {shown(text(frag))!r}")
    for frag in e.get("stdout", []):
        if text(frag) not in out_text:
            problems.append(f"stdout lacks {shown(text(frag))!r}")
    for frag in e.get("stdout_lacks", []):
        if text(frag) in out_text:
            problems.append(f"stdout has {shown(text(frag))!r}")
    if e.get("stdout_empty") and out_text:
        problems.append("stdout is not empty")
    if to:  # exit 5 and its message go together; an error that wrote nothing to stdout lost nothing
        said = "the output could not be written" in err_text
        if said != (proc.returncode == OUTPUT_FAILED):
            problems.append(f"exit {proc.returncode} with{'' if said else 'out'} 'the output could not be written'")
    try:
        if "error_code" in e or "json" in e:
            doc = parse_json(out_text, "stdout")
            if "error_code" in e:
                code = doc.get("error", {}).get("code") if isinstance(doc, dict) else None
                if code != e["error_code"]:
                    problems.append(f"JSON error code {code!r}, expected {e['error_code']!r}")
            if "json" in e:
                check_values(doc, e["json"], "stdout")
        if "json_lines" in e:
            lines = out_text.splitlines()
            if len(lines) != len(e["json_lines"]):
                problems.append(f"{len(lines)} output lines, expected {len(e['json_lines'])}")
            for i, (line, want) in enumerate(zip(lines, e["json_lines"]), 1):
                check_values(parse_json(line, f"output line {i}"), want, f"line {i}")
    except Mismatch as x:
        problems.append(str(x))
    if problems:
        raise Mismatch("; ".join(problems) + f"\n    stdout: {shown(out_text)!r}\n    stderr: {shown(err_text)!r}")


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: run_cli.py PATH/TO/kzpenalty [ENTRY_NAME...]")
    kzpenalty = os.path.abspath(sys.argv[1])
    only = set(sys.argv[2:])
    signal.signal(signal.SIGPIPE, signal.SIG_IGN)  # inherited by the command (restore_signals=False)
    with open(TABLE, encoding="utf-8") as f:
        table = json.load(f)
    if set(table) - {"about", "texts", "files", "entries"}:
        sys.exit(f"{TABLE}: unknown top-level keys {sorted(set(table) - {'about', 'texts', 'files', 'entries'})}")
    entries = table["entries"]
    names = [e.get("name") for e in entries]
    dup = sorted({n for n in names if names.count(n) > 1})
    if dup:
        sys.exit(f"{TABLE}: names used twice: {dup}")
    if only - set(names):
        sys.exit(f"no entries named {sorted(only - set(names))}")
    failed = 0
    ran = 0
    for e in entries:
        if only and e.get("name") not in only:
            continue
        ran += 1
        try:
            run_entry(kzpenalty, e)
        except Mismatch as x:
            failed += 1
            print(f"FAIL {e.get('name')!r}: {x}")
    print(f"hostile.cli: {ran - failed} of {ran} entries passed ({len(entries)} in {os.path.relpath(TABLE)})")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
