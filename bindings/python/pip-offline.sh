#!/bin/sh
# Runs pip without network access, with the python3 on PATH (or PYTHON): --no-index and
# --no-build-isolation, so that pip builds with the setuptools of that Python, and the `wheel`
# package that setuptools needs to make a wheel taken from Debian's python3-wheel when that Python
# has none (the Python Package Index is not reachable here).
# Usage: [PYTHON=python] bindings/python/pip-offline.sh install|wheel [pip arguments]
#   e.g. pip-offline.sh wheel --no-deps -w DIR kzpenalty-0.1.0/   (a wheel from an unpacked sdist)
set -eu
[ $# -ge 1 ] || { echo "usage: pip-offline.sh install|wheel [pip arguments]" >&2; exit 2; }
command=$1
shift
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
"$py" -m pip "$command" --no-index --no-build-isolation "$@"
