#!/usr/bin/env python3
"""kzpenalty batch with CSV in and out (issue 15), as a clerk's spreadsheet gives it: Excel in a Russian locale
(';' delimiter, a UTF-8 byte order mark, DD.MM.YYYY dates, decimal commas), quoted cells holding ';', quotes and a
line break, and bad rows among good ones.

1. Every answer row is checked column by column: the law's numbers are written here with their arithmetic; a
   column not given for a row must be empty. Fines use the MCI in force on the offence day (Art. 41 part 1):
   4,325 tenge in 2026, 3,932 in 2025; 1 tenge = 100 tiyn.
2. The same CSV answered as JSON Lines (--output-format jsonl) agrees: amounts, MCI, certainty, sentences.
3. The same questions as JSON Lines, answered as CSV and as JSON Lines, agree with each other and with 1.

Usage: batch_csv.py PATH/TO/kzpenalty   (Python 3 standard library only)
"""
import csv
import hashlib
import io
import json
import os
import pathlib
import subprocess
import sys

HEADER = ["id", "op", "date", "mci_count", "article", "kind", "amount", "from", "to", "mitigated", "mci"]
ANSWER = ["status", "error_code", "error_message", "offence_date", "mci_tenge", "amount_tiyn", "amount_text",
          "amount_words", "sentences", "fits", "violation", "limit", "excess", "unit", "whole", "remainder",
          "remainder_unit", "certainty", "stale", "receipt"]

# Art. 115-1 on 10.02.2026 (MCI 4,325): fine and correctional work up to 200 MCI = 200 x 4,325 = 865,000 tenge,
# community service up to 200 hours, arrest up to 50 days.
RANGE_2026 = "\n".join([
    "a fine of up to 200 (two hundred) MCI, which is 865,000 (eight hundred sixty-five thousand) tenge",
    "correctional work of up to 200 (two hundred) MCI, which is 865,000 (eight hundred sixty-five thousand) tenge",
    "community service of up to 200 (two hundred) hours",
    "arrest of up to 50 (fifty) days"])
# The same mitigated (Art. 55 part 2): at most half of each maximum: 100 MCI = 100 x 4,325 = 432,500 tenge,
# 100 hours, 25 days.
HALF = " (Art. 55 part 2 applied: at most half of the maximum)"
RANGE_2026_MITIGATED = "\n".join([
    "a fine of up to 100 (one hundred) MCI, which is 432,500 (four hundred thirty-two thousand five hundred) tenge"
    + HALF,
    "correctional work of up to 100 (one hundred) MCI, which is 432,500 (four hundred thirty-two thousand five "
    "hundred) tenge" + HALF,
    "community service of up to 100 (one hundred) hours" + HALF,
    "arrest of up to 25 (twenty-five) days" + HALF])

QUOTED_ID = 'ТОО "Ромашка"; дело 5'  # a cell with the delimiter and quotes: written quoted, quotes doubled
TWO_LINE_ID = "дело 6\nэпизод 2"  # a cell with a line break

# (cells of the input row, {answer column: expected value}); ok rows also expect status "ok".
ROWS = [
    (["1", "fine", "10.02.2026", "200", "", "", "", "", "", "", ""],
     # 200 x 4,325 = 865,000 tenge = 86,500,000 tiyn
     {"offence_date": "2026-02-10", "mci_tenge": "4325", "amount_tiyn": "86500000", "amount_text": "865 000 ₸",
      "amount_words": "eight hundred sixty-five thousand tenge",
      "sentences": "865,000 (eight hundred sixty-five thousand) tenge", "certainty": "official", "stale": "false"}),
    (["2", "fine", "01.03.2025", "150,5", "", "", "", "", "", "", ""],
     # 150.5 x 3,932 = 591,766 tenge = 59,176,600 tiyn
     {"offence_date": "2025-03-01", "mci_tenge": "3932", "amount_tiyn": "59176600", "amount_text": "591 766 ₸",
      "amount_words": "five hundred ninety-one thousand seven hundred sixty-six tenge",
      "sentences": "591,766 (five hundred ninety-one thousand seven hundred sixty-six) tenge",
      "certainty": "statement", "stale": "false"}),
    (["3", "fine", "10.02.2026", "0,2", "", "", "", "", "", "", ""],
     # 0.2 x 4,325 = 865 tenge = 86,500 tiyn
     {"offence_date": "2026-02-10", "mci_tenge": "4325", "amount_tiyn": "86500", "amount_text": "865 ₸",
      "amount_words": "eight hundred sixty-five tenge", "sentences": "865 (eight hundred sixty-five) tenge",
      "certainty": "official", "stale": "false"}),
    (["4", "fine", "31.12.2025", "20", "", "", "", "", "", "", ""],
     # the last day of 2025: 20 x 3,932 = 78,640 tenge
     {"offence_date": "2025-12-31", "mci_tenge": "3932", "amount_tiyn": "7864000", "amount_text": "78 640 ₸",
      "amount_words": "seventy-eight thousand six hundred forty tenge",
      "sentences": "78,640 (seventy-eight thousand six hundred forty) tenge", "certainty": "statement",
      "stale": "false"}),
    (["5", "fine", "01.01.2026", "20", "", "", "", "", "", "", ""],
     # the first day of 2026: 20 x 4,325 = 86,500 tenge
     {"offence_date": "2026-01-01", "mci_tenge": "4325", "amount_tiyn": "8650000", "amount_text": "86 500 ₸",
      "amount_words": "eighty-six thousand five hundred tenge",
      "sentences": "86,500 (eighty-six thousand five hundred) tenge", "certainty": "official", "stale": "false"}),
    (["6", "fine", "15.06.2026", "12,25", "", "", "", "", "", "", ""],
     # 12.25 x 4,325 = 52,981.25 tenge = 5,298,125 tiyn
     {"offence_date": "2026-06-15", "mci_tenge": "4325", "amount_tiyn": "5298125", "amount_text": "52 981,25 ₸",
      "certainty": "official", "stale": "false", "amount_words": None, "sentences": None}),
    (["7", "fine", "10.02.2026", "100", "", "", "", "", "", "", "5000"],
     # what-if MCI 5,000: 100 x 5,000 = 500,000 tenge
     {"offence_date": "2026-02-10", "mci_tenge": "5000", "amount_tiyn": "50000000", "amount_text": "500 000 ₸",
      "amount_words": "five hundred thousand tenge", "sentences": "500,000 (five hundred thousand) tenge",
      "certainty": "hypothetical", "stale": "false"}),
    ([QUOTED_ID, "fine", "10.02.2026", "1", "", "", "", "", "", "", ""],
     # 1 x 4,325 = 4,325 tenge
     {"offence_date": "2026-02-10", "mci_tenge": "4325", "amount_tiyn": "432500", "amount_text": "4 325 ₸",
      "amount_words": "four thousand three hundred twenty-five tenge",
      "sentences": "4,325 (four thousand three hundred twenty-five) tenge", "certainty": "official",
      "stale": "false"}),
    ([TWO_LINE_ID, "fine", "01.01.2025", "1", "", "", "", "", "", "", ""],
     # 1 x 3,932 = 3,932 tenge
     {"offence_date": "2025-01-01", "mci_tenge": "3932", "amount_tiyn": "393200", "amount_text": "3 932 ₸",
      "amount_words": "three thousand nine hundred thirty-two tenge",
      "sentences": "3,932 (three thousand nine hundred thirty-two) tenge", "certainty": "statement",
      "stale": "false"}),
    (["10", "range", "10.02.2026", "", "115-1", "", "", "", "", "", ""],
     {"offence_date": "2026-02-10", "mci_tenge": "4325", "sentences": RANGE_2026, "certainty": "statement",
      "stale": "false"}),
    (["11", "range", "10.02.2026", "", "115-1", "", "", "", "", "TRUE", ""],
     {"offence_date": "2026-02-10", "mci_tenge": "4325", "sentences": RANGE_2026_MITIGATED, "certainty": "statement",
      "stale": "false"}),
    (["12", "check", "10.02.2026", "", "115-1", "arrest", "60", "", "", "", ""],
     # 60 days of arrest against the article's 50: 10 over
     {"offence_date": "2026-02-10", "mci_tenge": "4325", "fits": "false", "violation": "above_max", "limit": "50",
      "excess": "10", "unit": "days", "certainty": "statement", "stale": "false"}),
    (["13", "check", "10.02.2026", "", "115-1", "arrest", "30", "", "", "true", ""],
     # mitigated: at most half of 50 = 25 days; 30 is 5 over
     {"offence_date": "2026-02-10", "mci_tenge": "4325", "fits": "false", "violation": "above_max", "limit": "25",
      "excess": "5", "unit": "days", "certainty": "statement", "stale": "false"}),
    (["14", "check", "10.02.2026", "", "115-1", "fine", "150,5", "", "", "", ""],
     # 150.5 MCI is within 20..200: it fits; the limit given is the upper bound, 200
     {"offence_date": "2026-02-10", "mci_tenge": "4325", "fits": "true", "violation": "fits", "limit": "200",
      "excess": "0", "unit": "mci", "certainty": "statement", "stale": "false"}),
    (["15", "check", "10.02.2026", "", "115-1", "fine", "10", "", "", "", ""],
     # the General Part's least fine is 20 MCI (Art. 41 part 2): 10 is 10 short
     {"offence_date": "2026-02-10", "mci_tenge": "4325", "fits": "false", "violation": "below_min", "limit": "20",
      "excess": "10", "unit": "mci", "certainty": "statement", "stale": "false"}),
    (["16", "check", "10.02.2026", "", "115-1", "fine", "200,5", "", "", "", ""],
     # 200.5 MCI against the article's 200: 0.5 over, written 0,5 in a ';' file
     {"offence_date": "2026-02-10", "mci_tenge": "4325", "fits": "false", "violation": "above_max", "limit": "200",
      "excess": "0,5", "unit": "mci", "certainty": "statement", "stale": "false"}),
    (["17", "convert", "", "", "", "", "150", "fine", "arrest", "", ""],
     # Art. 61 (aggregation): one day of arrest is 4 MCI: 150 / 4 = 37 days, 2 MCI left over
     {"whole": "37", "unit": "days", "remainder": "2", "remainder_unit": "mci", "certainty": "official"}),
    (["18", "mci", "31.03.2020", "", "", "", "", "", "", "", ""],
     # before the 1 April 2020 change the MCI was 2,651 tenge
     {"offence_date": "2020-03-31", "mci_tenge": "2651", "certainty": "official", "stale": "false"}),
    (["19", "mci", "10.02.2026", "", "", "", "", "", "", "", ""],
     {"offence_date": "2026-02-10", "mci_tenge": "4325", "certainty": "official", "stale": "false"}),
    (["20", "fine", "30.02.2026", "200", "", "", "", "", "", "", ""],
     {"status": "error", "error_code": "KZP_E_BAD_DATE", "error_message": "'30.02.2026'"}),
    (["21", "sentence", "10.02.2026", "", "", "", "", "", "", "", ""],
     {"status": "error", "error_code": "USAGE", "error_message": "unknown operation 'sentence'"}),
    (["22", "range", "10.02.2026", "", "115-1", "", "", "", "", "да", ""],
     {"status": "error", "error_code": "USAGE", "error_message": "'mitigated' must be true or false"}),
    (["23", "fine", "", "150", "", "", "", "", "", "", ""],
     {"status": "error", "error_code": "USAGE", "error_message": "is required"}),
    (["", "", "", "", "", "", "", "", "", "", ""],
     {"status": "error", "error_code": "USAGE", "error_message": "'op' is required"}),
]
# Rows written by hand, broken: (the raw line, the cells echoed, the expected answer). Row numbers count records,
# the header being row 1; each bad row stands where it is inserted below.
BAD_ROWS = {
    # a 12th cell: '150;5' left unquoted
    5: ("b1;fine;10.02.2026;150;5;;;;;;;\r\n", ["b1", "fine", "10.02.2026", "150", "5", "", "", "", "", "", ""],
        {"status": "error", "error_code": "CSV", "error_message": "has 12 cells, the header 11"}),
    # a quote inside an unquoted cell: the row is an error, the next row is read
    12: ('b2;fine;10.02.2026;1"5;;;;;;;\r\n', ["b2", "fine", "10.02.2026", "", "", "", "", "", "", "", ""],
         {"status": "error", "error_code": "CSV", "error_message": "a quote stands inside a cell"}),
    # too few cells
    20: ("b3;fine;10.02.2026\r\n", ["b3", "fine", "10.02.2026", "", "", "", "", "", "", "", ""],
         {"status": "error", "error_code": "CSV", "error_message": "has 3 cells, the header 11"}),
}


def csv_line(cells):
    """A row as Excel writes it: ';', a cell quoted only when it must be, quotes doubled, CRLF."""
    out = []
    for c in cells:
        if any(ch in c for ch in ';"\r\n') or c != c.strip():
            c = '"' + c.replace('"', '""') + '"'
        out.append(c)
    return ";".join(out) + "\r\n"


def run(kzpenalty, args, data):
    env = {**os.environ, "KZPENALTY_UPDATES": ""}  # no MCI update file of this machine's
    p = subprocess.run([kzpenalty] + args, input=data, capture_output=True, env=env)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def main():
    kzpenalty = sys.argv[1]
    failures = []

    # the input: BOM, header, rows with the bad ones in their places
    expected = []  # (echoed cells, expected answer)
    lines = [csv_line(HEADER)]
    for i, (cells, want) in enumerate(ROWS):
        if i in BAD_ROWS:
            raw, echo, bad = BAD_ROWS[i]
            lines.append(raw)
            expected.append((echo, bad))
        lines.append(csv_line(cells))
        expected.append((cells, want))
    lines.insert(3, "\r\n")  # a blank line: no row, no answer
    data = b"\xef\xbb\xbf" + "".join(lines).encode("utf-8")
    if len(expected) < 20:
        failures.append(f"only {len(expected)} rows")

    # an answered row ends with the receipt the human output ends with: the versions, the dataset's SHA-256
    # (hashlib's, of the file the library embeds) and the MCI updates applied (none: KZPENALTY_UPDATES is empty)
    version = json.loads(run(kzpenalty, ["--version", "--json"], b"")[1])
    dataset = pathlib.Path(__file__).resolve().parents[2] / "data" / "kzpenalty.json"
    receipt = (f"kzpenalty {version['program']} (library {version['library']}); dataset {version['dataset']} "
               f"{version['dataset_version']}, SHA-256 {hashlib.sha256(dataset.read_bytes()).hexdigest()}\n"
               "MCI updates: none")
    for _, want in expected:
        if want.get("status", "ok") == "ok":
            want.setdefault("receipt", receipt)

    code, out, err = run(kzpenalty, ["batch", "--input-format", "csv"], data)
    if code != 1:  # some rows failed: exit 1, every row still answered
        failures.append(f"exit {code}, expected 1; stderr {err!r}")
    if not out.startswith("\ufeff"):
        failures.append("the output has no byte order mark though the input had one")
    if "\r\n" not in out:
        failures.append("the output rows do not end in CRLF")
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"), newline=""), delimiter=";"))
    if rows and rows[0] != HEADER + ANSWER:
        failures.append(f"header {rows[0]}")
    rows = rows[1:]
    if len(rows) != len(expected):
        failures.append(f"{len(rows)} answer rows for {len(expected)} input rows")
    for n, (row, (echo, want)) in enumerate(zip(rows, expected), 2):
        if len(row) != len(HEADER) + len(ANSWER):
            failures.append(f"answer row {n}: {len(row)} columns")
            continue
        if row[:len(HEADER)] != echo:
            failures.append(f"answer row {n}: echoed {row[:len(HEADER)]}, expected {echo}")
        got = dict(zip(ANSWER, row[len(HEADER):]))
        want = dict(want)
        want.setdefault("status", "ok")
        for col in ANSWER:
            w = want.get(col, "")
            if w is None:  # checked elsewhere (2.) or long words not worked out here
                continue
            ok = w in got[col] if col == "error_message" else got[col] == w
            if col == "error_message" and not w:
                ok = got[col] == ""
            if not ok:
                failures.append(f"answer row {n} ({echo[0]!r}) {col}: {got[col]!r}, expected {w!r}")

    # 2. the same CSV answered as JSON Lines agrees with the CSV answers
    code, out_json, err = run(kzpenalty, ["batch", "--input-format", "csv", "--output-format", "jsonl"], data)
    answers = [json.loads(line) for line in out_json.splitlines()]
    if len(answers) != len(rows):
        failures.append(f"JSON Lines output: {len(answers)} lines for {len(rows)} CSV rows")
    for n, (row, a) in enumerate(zip(rows, answers), 2):
        got = dict(zip(ANSWER, row[len(HEADER):]))
        if row[0] and a.get("id") != row[0]:
            failures.append(f"row {n}: JSON id {a.get('id')!r}, CSV {row[0]!r}")
        if "error" in a:
            if got["status"] != "error" or got["error_code"] != a["error"]["code"] or \
                    got["error_message"] != a["error"]["message"]:
                failures.append(f"row {n}: JSON error {a['error']}, CSV {got}")
            continue
        if got["certainty"] != a["certainty"]:
            failures.append(f"row {n}: certainty {got['certainty']!r} vs JSON {a['certainty']!r}")
        if "amount_tiyn" in a and (got["amount_tiyn"] != str(a["amount_tiyn"]) or
                                   got["amount_text"] != a["amount_text"] or
                                   got["amount_words"] != (a["amount_words"] or "")):
            failures.append(f"row {n}: fine {got} vs JSON {a}")
        if "sanctions" in a and got["sentences"] != "\n".join(s["text"] for s in a["sanctions"]):
            failures.append(f"row {n}: sentences differ from JSON's sanctions[].text")
        mci = a.get("mci") if isinstance(a.get("mci"), dict) else a if "tenge" in a else None
        if mci and got["mci_tenge"] != str(mci["tenge"]):
            failures.append(f"row {n}: mci_tenge {got['mci_tenge']!r} vs JSON {mci['tenge']}")

    # 3. JSON Lines in, CSV and JSON Lines out: the same numbers (the rows of 1. that are JSON-able questions)
    jsonl = []
    for cells, want in ROWS:
        q = {k: v for k, v in zip(HEADER, cells) if v}
        if "mitigated" in q:
            if q["mitigated"].lower() not in ("true", "false"):
                continue
            q["mitigated"] = q["mitigated"].lower() == "true"
        if "mci" in q:
            q["mci"] = int(q["mci"])
        jsonl.append((json.dumps(q, ensure_ascii=False) + "\n", want))
    data = "".join(line for line, _ in jsonl).encode("utf-8")
    _, out_csv, _ = run(kzpenalty, ["batch", "--output-format", "csv"], data)
    _, out_json, _ = run(kzpenalty, ["batch"], data)
    fields = ["op", "id", "article", "date", "mci_count", "kind", "amount", "from", "to", "rule", "mitigated",
              "accelerated", "order_procedure", "allow_stale", "strict", "purpose", "mci"]
    csv_rows = list(csv.reader(io.StringIO(out_csv, newline=""), delimiter=","))
    if not csv_rows or csv_rows[0] != fields + ANSWER:
        failures.append(f"JSON Lines to CSV: header {csv_rows[:1]}")
    json_rows = [json.loads(line) for line in out_json.splitlines()]
    if len(csv_rows) - 1 != len(jsonl) or len(json_rows) != len(jsonl):
        failures.append(f"JSON Lines to CSV: {len(csv_rows) - 1} CSV rows, {len(json_rows)} JSON lines for "
                        f"{len(jsonl)} lines")
    for n, (row, a, (_, want)) in enumerate(zip(csv_rows[1:], json_rows, jsonl), 1):
        got = dict(zip(fields + ANSWER, row))
        if got["id"] != str(a.get("id", "")):
            failures.append(f"JSON Lines to CSV line {n}: id {got['id']!r} vs {a.get('id')!r}")
        for col in ("amount_tiyn", "mci_tenge", "status", "error_code", "whole", "fits", "violation"):
            w = want.get(col, "ok" if col == "status" else "")
            if w is not None and got[col] != w:
                failures.append(f"JSON Lines to CSV line {n} {col}: {got[col]!r}, expected {w!r}")
        if "amount_tiyn" in a and got["amount_tiyn"] != str(a["amount_tiyn"]):
            failures.append(f"JSON Lines to CSV line {n}: {got['amount_tiyn']} vs JSON {a['amount_tiyn']}")
        # a ',' file writes decimals with a point: 0.5 MCI, not 0,5
        if want.get("excess") == "0,5" and got["excess"] != "0.5":
            failures.append(f"JSON Lines to CSV line {n}: excess {got['excess']!r}, expected '0.5'")

    for f in failures:
        print("FAIL", f)
    print(f"cli.batch_csv: {len(expected)} CSV rows and {len(jsonl)} JSON lines checked, "
          f"{len(failures)} problem{'s' if len(failures) != 1 else ''}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
