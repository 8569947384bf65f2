#!/bin/sh
# Installs the kzpenalty Python package without network access, with the python3 on PATH
# (or PYTHON): pip builds it with setuptools, and takes the `wheel` package it needs from
# Debian's python3-wheel, since the Python Package Index is not reachable here.
# Usage: bindings/python/install-offline.sh [pip arguments, e.g. --user or a venv's python via PYTHON]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
py=${PYTHON:-python3}
if ! "$py" -c "import wheel" 2>/dev/null; then
  debian=/usr/lib/python3/dist-packages
  [ -d "$debian/wheel" ] || { echo "install Debian's python3-wheel first (apt-get install python3-wheel)" >&2; exit 1; }
  # only wheel and its metadata: nothing else of Debian's Python leaks into the build
  shim=$(mktemp -d)
  trap 'rm -rf "$shim"' EXIT
  for d in "$debian"/wheel "$debian"/wheel-*; do
    [ -e "$d" ] && ln -s "$d" "$shim/$(basename "$d")"
  done
  PYTHONPATH="$shim${PYTHONPATH:+:$PYTHONPATH}"
  export PYTHONPATH
fi
exec "$py" -m pip install --no-index --no-build-isolation "$@" "$here"
