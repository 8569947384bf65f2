#!/bin/sh
# Installs the package with install-offline.sh into a new virtual environment and runs the
# README's one-liner there: what a user does, from a clean environment.
# Usage: pip_install.sh PYTHON WORK_DIR
set -eu
py=$1
work=$2
here=$(cd "$(dirname "$0")/.." && pwd)
rm -rf "$work"
"$py" -m venv "$work/venv"
PYTHON="$work/venv/bin/python" sh "$here/install-offline.sh" -q
cd "$work"
out=$("$work/venv/bin/python" -c "import kzpenalty; print(kzpenalty.Context().range('115-1', '2026-02-10'))")
# 200 MCI x 4,325 = 865,000 tenge = 86,500,000 tiyn
echo "$out" | grep -q "max=kzpenalty.Bound(amount=Decimal('200'), tiyn=86500000" || { echo "unexpected: $out"; exit 1; }
echo "pip install: kzpenalty $("$work/venv/bin/python" -c 'import kzpenalty; print(kzpenalty.__version__)') installed and runs"
