#!/bin/sh
# A batch keeps a few what-if contexts for lines with their own "mci", and writes each citation once
# and reuses its text; a context it lets go must take its own citations out of that cache (their
# addresses come back), and only those. Every answer of a batch of 60 lines (7 MCI values in turn,
# more than the contexts it keeps, with plain lines between them) must be the answer that line gets
# alone. Usage: batch_what_if_cache.sh KZPENALTY
set -eu
kzp=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
i=0
: >"$tmp/in"
while [ "$i" -lt 60 ]; do
    m=$((5000 + (i % 7) * 111))
    case $((i % 4)) in
    0) echo "{\"id\": $i, \"op\": \"fine\", \"mci_count\": \"200\", \"date\": \"2026-02-10\", \"mci\": $m}" ;;
    1) echo "{\"id\": $i, \"op\": \"range\", \"article\": \"115-1\", \"date\": \"2026-02-10\", \"mci\": $m}" ;;
    2) echo "{\"id\": $i, \"op\": \"range\", \"article\": \"115-1\", \"date\": \"2025-10-01\"}" ;;
    *) echo "{\"id\": $i, \"op\": \"mci\", \"date\": \"2026-02-10\", \"mci\": $m}" ;;
    esac >>"$tmp/in"
    i=$((i + 1))
done
"$kzp" batch <"$tmp/in" >"$tmp/all"
n=0
while IFS= read -r line; do
    n=$((n + 1))
    printf '%s\n' "$line" | "$kzp" batch >"$tmp/one"
    if ! sed -n "${n}p" "$tmp/all" | cmp -s - "$tmp/one"; then
        echo "line $n: the batch's answer differs from the answer to the line alone: $line"
        exit 1
    fi
done <"$tmp/in"
test "$n" -eq 60 && test "$(wc -l <"$tmp/all")" -eq 60
