"""The C shown in the docs compiles against the header and runs.

Usage: check_c_snippets.py CC SOURCE_DIR LIBRARY [LINK_FLAGS...]

Every ```c block in README.md and docs/*.md that has a main() is compiled with -Werror (so an
ignored status, a renamed function or a wrong argument type fails) against include/ and the
given library, and run; it must exit 0. A block without main() is a fragment and only counted.
"""

import glob
import os
import re
import subprocess
import sys
import tempfile


def blocks(path):
    text = open(path, encoding="utf-8").read()
    for m in re.finditer(r"^```c\n(.*?)^```", text, re.S | re.M):
        yield text.count("\n", 0, m.start()) + 1, m.group(1)


def main():
    cc, root, lib = sys.argv[1], sys.argv[2], sys.argv[3]
    flags = sys.argv[4:]
    files = [os.path.join(root, "README.md")] + sorted(glob.glob(os.path.join(root, "docs", "*.md")))
    ran = bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            for line, code in blocks(path):
                if "int main(" not in code:
                    continue
                src = os.path.join(tmp, "snippet.c")
                exe = os.path.join(tmp, "snippet")
                with open(src, "w", encoding="utf-8") as f:
                    f.write(code)
                where = f"{os.path.relpath(path, root)}:{line}"
                build = subprocess.run(
                    [cc, "-std=c11", "-Wall", "-Wextra", "-Werror", "-I", os.path.join(root, "include"), src, lib]
                    + flags + ["-o", exe],
                    capture_output=True, text=True, check=False)
                if build.returncode != 0:
                    print(f"{where}: does not compile:\n{build.stderr}", file=sys.stderr)
                    bad += 1
                    continue
                run = subprocess.run([exe], capture_output=True, text=True, check=False)
                if run.returncode != 0:
                    print(f"{where}: exits {run.returncode}:\n{run.stdout}{run.stderr}", file=sys.stderr)
                    bad += 1
                ran += 1
    if ran == 0:
        print("no C program found in the docs: the pattern is wrong", file=sys.stderr)
        return 1
    print(f"{ran} C programs from the docs compiled and ran, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
