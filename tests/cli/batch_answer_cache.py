"""A batch writes a range answer once for each article, flag set and validity interval (a fine's for each amount,
flag set and interval), and reuses it
with the dates changed (cli/answer_cache.c). Every answer of a batch that crosses interval edges
(the article's entry into force on 2025-09-16, the MCI years 2025/2026, the end of the MCI table),
mixes flags, what-if MCI values, id forms and other ops between ranges, must be byte for byte the
answer that line gets alone (a fresh batch, nothing reused). Run in both citation forms and in
two languages. Usage: batch_answer_cache.py KZPENALTY"""
import json
import subprocess
import sys

kzp = sys.argv[1]
DATES = ["2026-02-10", "2026-01-01", "2026-12-31", "2025-12-31", "2025-09-16", "2025-09-15", "2025-10-01",
         "10.02.2026", "2026-06-30", "2027-01-01", "2026-02-30"]
FLAGS = [{}, {"mitigated": True}, {"accelerated": True}, {"order_procedure": True}, {"allow_stale": True}]

lines = []
for i in range(len(DATES) * len(FLAGS) * 2):
    q = {"id": [i, "x"] if i % 5 == 0 else i, "op": "range", "article": "115-1", "date": DATES[i % len(DATES)]}
    q.update(FLAGS[(i // len(DATES)) % len(FLAGS)])
    if i % 7 == 3:
        q["mci"] = 5000 + (i % 3) * 100
    lines.append(json.dumps(q))
    if i % 2 == 1:
        # one amount written three ways (one answer), and others, with and without flags
        count = ["150", "150.00", "150,0", "0.2", "12,5", 200][i % 6]
        lines.append(json.dumps({"id": f"f{i}", "op": "fine", "mci_count": count, "date": DATES[i % len(DATES)],
                                 "allow_stale": i % 3 == 0}))
lines.append(json.dumps({"id": None, "op": "range", "article": "115-1"}))  # the --date default, from the command line
text = "\n".join(lines) + "\n"

checked = 0
for extra in ([], ["--citations", "ids"], ["--lang", "ru"]):
    cmd = [kzp, "batch", "--date", "2026-03-01"] + extra
    whole = subprocess.run(cmd, input=text.encode(), capture_output=True).stdout.decode().splitlines()
    assert len(whole) == len(lines), (len(whole), len(lines))
    for n, line in enumerate(lines):
        alone = subprocess.run(cmd, input=(line + "\n").encode(), capture_output=True).stdout.decode()
        if alone != whole[n] + "\n":
            sys.exit(f"{' '.join(extra) or 'full'}: line {n + 1} differs from its answer alone: {line}")
        checked += 1
hits = sum(1 for w in whole if '"valid_from"' in w)
assert hits > len(DATES) * 2, hits  # many answered ranges, most of them from the kept answers
print(f"batch_answer_cache: {checked} answers equal their lines' answers alone")
