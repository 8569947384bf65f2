#!/bin/sh
# Runs one golden case of the kzpenalty command and compares stdout, stderr and the exit
# code with the committed files. A case NAME is:
#   cases/NAME.args    the arguments, one per line (no shell quoting to get wrong)
#   cases/NAME.stdin   optional standard input
#   cases/NAME.out, cases/NAME.err, cases/NAME.code   what must come out
# Run from the source tree, so relative paths in .args work. With UPDATE_GOLDEN=1 the
# expected files are rewritten instead (then review the diff: every number by hand).
# Usage: run_case.sh KZPENALTY SOURCE_DIR NAME
set -eu
bin=$1
src=$2
name=$3
dir="$src/tests/cli/cases"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"

set --
while IFS= read -r arg || [ -n "$arg" ]; do
  set -- "$@" "$arg"
done < "$dir/$name.args"
input=/dev/null
[ -f "$dir/$name.stdin" ] && input="$dir/$name.stdin"

code=0
export KZPENALTY_UPDATES= # no MCI update file of this machine's (docs/dataset.md)
NO_COLOR=1 "$bin" "$@" < "$input" > "$tmp/out" 2> "$tmp/err" || code=$?
echo "$code" > "$tmp/code"

if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
  cp "$tmp/out" "$dir/$name.out"
  cp "$tmp/err" "$dir/$name.err"
  cp "$tmp/code" "$dir/$name.code"
  echo "updated $name"
  exit 0
fi
fail=0
for part in code out err; do
  if ! cmp -s "$dir/$name.$part" "$tmp/$part"; then
    echo "== $name: $part differs (expected vs actual):"
    diff "$dir/$name.$part" "$tmp/$part" || true
    fail=1
  fi
done
exit $fail
