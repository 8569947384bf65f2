#!/bin/sh
# A batch line longer than 1 MiB gets an error line of its own; the lines around it are
# answered; no line is lost. Usage: long_line.sh KZPENALTY
set -eu
k=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{
  echo '{"id": 1, "op": "fine", "mci_count": "150", "date": "2025-11-03"}'
  printf '{"id": 2, "op": "fine", "pad": "'
  head -c 1100000 /dev/zero | tr '\0' 'x'
  echo '"}'
  echo '{"id": 3, "op": "mci", "date": "2020-03-31"}'
} > "$tmp/in.jsonl"
code=0
"$k" batch < "$tmp/in.jsonl" > "$tmp/out.jsonl" || code=$?
[ "$code" -eq 1 ] || { echo "exit $code, want 1 (one failed line)"; exit 1; }
[ "$(wc -l < "$tmp/out.jsonl")" -eq 3 ] || { echo "want 3 output lines"; cat "$tmp/out.jsonl" | cut -c1-200; exit 1; }
# 150 x 3,932 = 589,800 tenge; the MCI on 2020-03-31 is 2,651
sed -n 1p "$tmp/out.jsonl" | grep -q '"id":1,.*"amount_tiyn":58980000'
sed -n 2p "$tmp/out.jsonl" | grep -q '"line":2,"error":{"code":"USAGE","message":"line 2 is longer than 1 MiB"'
sed -n 3p "$tmp/out.jsonl" | grep -q '"id":3,.*"tenge":2651'
echo "batch: a 1.1 MB line answered with an error, its neighbours answered, 3 lines out"
