#!/bin/sh
# Every C file of the project (not build trees or node_modules) matches .clang-format.
# bindings/python/build is setuptools' build tree (pip install builds in place), where setup.py
# writes the embedded dataset's C file.
# Usage: check_format.sh CLANG_FORMAT SOURCE_DIR
set -eu
cd "$2"
files=$(find include lib cli examples tests bench bindings -name '*.[ch]' -not -path '*/node_modules/*' -not -path 'bindings/python/build/*' | sort)
n=$(printf '%s\n' "$files" | grep -c .)
[ "$n" -ge 40 ] || { echo "only $n C files found: is this the source tree?"; exit 1; }
# shellcheck disable=SC2086
"$1" --dry-run --Werror $files
echo "clang-format: $n files formatted"
