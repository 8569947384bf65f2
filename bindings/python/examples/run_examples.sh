#!/bin/sh
# Runs the Python examples and checks their output against figures worked out by hand.
# Usage: run_examples.sh PYTHON OUT_DIR   (PYTHONPATH must reach the built package)
set -eu
py=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
# Three rows cannot be priced (not in force; no 30 February; 250 > 200 MCI): exit 1, every row written.
if "$py" "$here/clerk_fines.py" "$here/fines-sample.csv" "$out/priced.csv" --lang ru; then
  echo "clerk_fines.py should report the two bad rows"; exit 1
fi
[ "$(wc -l < "$out/priced.csv")" -eq 7 ] || { echo "priced.csv must have a header and 6 rows"; exit 1; }
# 150 x 3,932 = 589,800 tenge; 200 x 4,325 = 865,000; 0.2 x 4,325 = 865
grep -q '589 800 (пятьсот восемьдесят девять тысяч восемьсот) тенге' "$out/priced.csv"
grep -q '865 000 (восемьсот шестьдесят пять тысяч) тенге' "$out/priced.csv"
grep -q '^2-103/2026,2026-01-05,0.2,4325,2026-01-01,86500,' "$out/priced.csv"
grep -q 'KZP_E_NOT_IN_FORCE' "$out/priced.csv"
grep -q 'KZP_E_BAD_DATE' "$out/priced.csv"
grep -q 'does not fit Article 115-1: above_max, limit 200 MCI (Art. 115-1)' "$out/priced.csv"
"$py" "$here/educator_history.py" > "$out/history.txt"
# 200 x 1,982 = 396,400 (2015); 200 x 2,651 = 530,200 and 200 x 2,778 = 555,600 (2020); 200 x 4,325 = 865,000
# 2014: an offence before 2015-01-01 fell under the 1997 Code (sentencing-day MCI): the library does not price it
grep -q '^2014-01-01 *1852 *not priced' "$out/history.txt"
grep -q '^2015-01-01 *1982 *396 400 ₸' "$out/history.txt"
grep -q '^2020-01-01 *2651 *530 200 ₸' "$out/history.txt"
grep -q '^2020-04-01 *2778 *555 600 ₸' "$out/history.txt"
grep -q '^2026-01-01 *4325 *865 000 ₸' "$out/history.txt"
[ "$(grep -c '^20' "$out/history.txt")" -eq 14 ] || { echo "14 periods for fines expected"; exit 1; }
echo "python examples: output as worked out by hand"
