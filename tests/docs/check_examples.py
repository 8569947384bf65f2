"""The command's output shown in the docs is the command's output.

Usage: check_examples.py KZPENALTY SOURCE_DIR

A shown example is a fenced block that starts with a line `$ kzpenalty ARGS`, or that follows a
line saying "`kzpenalty ARGS` prints". Its text may leave parts out with a line of "..." (any
indentation): each part between those lines must appear in the real output, whole lines, in
order. An example without --date that shows "Offence date: D" is run on D (the README shows what
`./scripts/setup` printed on the day the docs were written). Exits 1 naming every example that
no longer agrees.
"""

import re
import shlex
import subprocess
import sys

FILES = ["README.md", "docs/cli.md"]
LEAD = re.compile(r"`kzpenalty ([^`]+)` prints")


def examples(text):
    """(line number, args, shown lines) for each example in a markdown text."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if lines[i].startswith("```"):
            end = lines.index("```", i + 1)
            body = lines[i + 1 : end] if lines[i] == "```" else []
            lead = next((LEAD.search(lines[k]) for k in range(i - 1, max(i - 3, -1), -1) if LEAD.search(lines[k])), None)
            if body and body[0].startswith("$ kzpenalty "):
                yield i + 1, shlex.split(body[0][len("$ kzpenalty ") :]), body[1:]
            elif lead:
                yield i + 1, shlex.split(lead.group(1)), body
            i = end
        i += 1


def parts(shown):
    part = []
    for line in shown:
        if line.strip() == "...":
            yield part
            part = []
        else:
            part.append(line)
    yield part


def agrees(shown, actual):
    """Each part of shown is a run of whole lines of actual, the parts in order."""
    at = 0
    for part in parts(shown):
        if not part:
            continue
        found = next((k for k in range(at, len(actual) - len(part) + 1) if actual[k : k + len(part)] == part), None)
        if found is None:
            return part
        at = found + len(part)
    return None


def main():
    exe, root = sys.argv[1], sys.argv[2]
    bad = 0
    count = 0
    for name in FILES:
        with open(f"{root}/{name}", encoding="utf-8") as f:
            text = f.read()
        for line, args, shown in examples(text):
            count += 1
            if "--date" not in args:
                day = next((s.split(": ", 1)[1] for s in shown if s.startswith("Offence date: ")), None)
                if day:
                    args = args + ["--date", day]
            run = subprocess.run([exe] + args, capture_output=True, text=True, check=False)
            missing = agrees(shown, run.stdout.split("\n"))
            if missing is not None:
                bad += 1
                print(f"{name}:{line}: `kzpenalty {' '.join(args)}` no longer prints:", file=sys.stderr)
                for s in missing[:8]:
                    print(f"    {s}", file=sys.stderr)
    if count == 0:
        print("no examples found: the pattern is wrong", file=sys.stderr)
        return 1
    print(f"{count} examples checked, {bad} out of date")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
