#!/bin/sh
# kzpenalty --help, docs/cli.md and the man page must agree: every option and command the
# help names is documented in both, and every command's own --help works.
# Usage: check_docs.sh KZPENALTY SOURCE_DIR
set -eu
bin=$1
src=$2
help=$("$bin" --help)
doc="$src/docs/cli.md"
man=$(sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' "$src/cli/kzpenalty.1")
fail=0
options=$(printf '%s\n' "$help" | grep -o -- '--[a-z][a-z-]*' | sort -u)
[ -n "$options" ] || { echo "no options found in --help"; exit 1; }
for opt in $options; do
  grep -q -- "\`$opt" "$doc" || { echo "docs/cli.md does not document $opt"; fail=1; }
  printf '%s\n' "$man" | grep -q -- "$opt" || { echo "the man page does not document $opt"; fail=1; }
done
commands=$(printf '%s\n' "$help" | sed -n '/^Commands:/,/^$/p' | grep -o '^  [a-z][a-z]*' | tr -d ' ' | sort -u)
for cmd in $commands; do
  grep -q "^| \`$cmd" "$doc" || { echo "docs/cli.md has no row for the command $cmd"; fail=1; }
  printf '%s\n' "$man" | grep -q "^\.B.* $cmd\|^\.B.*$cmd " || printf '%s\n' "$man" | grep -q "$cmd" ||
    { echo "the man page does not document $cmd"; fail=1; }
  "$bin" "$cmd" --help > /dev/null || { echo "'$cmd --help' failed"; fail=1; }
done
n_opt=$(printf '%s\n' "$options" | wc -l)
n_cmd=$(printf '%s\n' "$commands" | wc -l)
[ "$n_cmd" -ge 8 ] || { echo "only $n_cmd commands found in --help"; fail=1; }
[ "$fail" -eq 0 ] && echo "help, docs/cli.md and the man page agree on $n_opt options and $n_cmd commands"
exit $fail
