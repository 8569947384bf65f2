"""Builds kzpenalty._native against the kzpenalty C library.

The library is found, in this order: KZPENALTY_BUILD_DIR (a CMake build tree, linked
statically), the repository's own build/ (made by ./scripts/setup), or an installed
library through pkg-config. The version is read from include/kzpenalty.h, its one home.
"""
import os
import pathlib
import re
import shlex
import subprocess

from setuptools import Extension, setup

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def header_version():
    header = (ROOT / "include" / "kzpenalty.h").read_text(encoding="utf-8")
    parts = [re.search(rf"#define KZP_VERSION_{p} (\d+)", header).group(1) for p in ("MAJOR", "MINOR", "PATCH")]
    return ".".join(parts)


def library_options():
    build = pathlib.Path(os.environ.get("KZPENALTY_BUILD_DIR", ROOT / "build"))
    static = build / "libkzpenalty.a"
    if static.exists():
        return {"include_dirs": [str(ROOT / "include")], "extra_objects": [str(static)], "libraries": ["jansson"]}
    try:
        flags = subprocess.run(["pkg-config", "--cflags", "--libs", "kzpenalty"], check=True, capture_output=True,
                               text=True).stdout
    except (OSError, subprocess.CalledProcessError):
        raise SystemExit("kzpenalty: the C library was not found. Build it first with ./scripts/setup "
                         "(or set KZPENALTY_BUILD_DIR to a CMake build tree, or install it for pkg-config).")
    opts = {"include_dirs": [], "library_dirs": [], "libraries": []}
    for f in shlex.split(flags):
        key = {"-I": "include_dirs", "-L": "library_dirs", "-l": "libraries"}.get(f[:2])
        if key:
            opts[key].append(f[2:])
    return opts


setup(
    version=header_version(),
    ext_modules=[Extension("kzpenalty._native", sources=["src/native.c"], **library_options())],
)
