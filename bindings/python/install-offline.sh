#!/bin/sh
# Installs the kzpenalty Python package from this directory of the repository without network
# access, with the python3 on PATH (or PYTHON), through pip-offline.sh. It compiles the library's
# sources into the extension and links the system's jansson (libjansson-dev); the sdist made by
# scripts/package carries jansson too (README.md, "Build and install").
# Usage: bindings/python/install-offline.sh [pip arguments, e.g. --user or a venv's python via PYTHON]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
exec sh "$here/pip-offline.sh" install "$@" "$here"
