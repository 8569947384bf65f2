"""--format html: each document prints to exactly one A4 page in headless Chromium (pdfinfo) and
its text (pdftotext) holds the amounts, worked out by hand below, the dataset's SHA-256 (from
hashlib) and the MCI update applied. Chromium and poppler-utils are installed by
scripts/install-deps; without them this test fails, it is not skipped.
Usage: html_pdf.py KZPENALTY SOURCE_DIR"""
import hashlib
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

kzp, src = sys.argv[1], pathlib.Path(sys.argv[2])
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
for tool in ("pdfinfo", "pdftotext"):
    if not shutil.which(tool):
        sys.exit(f"{tool} is missing: run scripts/install-deps (poppler-utils)")
if not CHROMIUM:
    sys.exit("chromium is missing: run scripts/install-deps")

DATASET_SHA = hashlib.sha256((src / "data" / "kzpenalty.json").read_bytes()).hexdigest()
EXAMPLE = src / "examples" / "mci-update-example.json"
EPOCH = "1796083200"  # 2026-12-01 00:00:00 UTC, as the "made" line must then say
failures = []
tmp = pathlib.Path(tempfile.mkdtemp(prefix="kzp-html-"))


def pdf_of(name, args, env_extra=None):
    """The command's HTML for args, printed to PDF; (pages, text, html)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "KZPENALTY_UPDATES": ""}
    env.update(env_extra or {})
    p = subprocess.run([kzp, *args, "--format", "html"], capture_output=True, env=env, check=False)
    if p.returncode not in (0, 1):
        failures.append(f"{name}: exit {p.returncode}: {p.stderr.decode()}")
        return 0, "", ""
    html = tmp / f"{name}.html"
    html.write_bytes(p.stdout)
    pdf = tmp / f"{name}.pdf"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--user-data-dir={tmp / 'profile'}", f"--print-to-pdf={pdf}", html.as_uri()],
                   capture_output=True, timeout=120, check=False)
    if not pdf.exists():
        failures.append(f"{name}: chromium printed no PDF")
        return 0, "", p.stdout.decode()
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return pages, " ".join(text.split()), p.stdout.decode()


def expect(name, args, wants, env_extra=None):
    pages, text, html = pdf_of(name, args, env_extra)
    if pages != 1:
        failures.append(f"{name}: {pages} pages, want 1 ({tmp / name}.pdf)")
    for want in wants:
        if " ".join(want.split()) not in text:
            failures.append(f"{name}: the PDF's text lacks {want!r}")
    return html


COMMON = [DATASET_SHA, "2026-12-01 00:00:00 UTC"]
# 200 MCI x 4,325 tenge = 865,000 tenge (2026); the lower bound 20 x 4,325 = 86,500; the payment 5 x 4,325 = 21,625
expect("range-en", ["range", "115-1", "--date", "2026-02-10"],
       ["865,000 KZT", "86,500 KZT", "21,625 KZT", "50 days", "MCI updates: none", *COMMON])
expect("range-ru", ["range", "115-1", "--date", "10.02.2026", "--lang", "ru"],
       ["865 000 тенге", "86 500 тенге", "восемьсот шестьдесят пять тысяч", "Обновления МРП: нет", *COMMON])
expect("range-kk", ["range", "115-1", "--date", "10.02.2026", "--lang", "kk", "--mitigated"],
       # the half cap: 200 / 2 = 100 MCI x 4,325 = 432,500 tenge
       ["432 500 теңге", "АЕК жаңартулары: жоқ", *COMMON])
# 2025: 200 x 3,932 = 786,400 tenge
expect("range-2025-ru", ["range", "115-1", "--date", "01.11.2025", "--lang", "ru", "--order-procedure"],
       # the order procedure: a fine of 10 to 20 MCI; 20 x 3,932 = 78,640 tenge
       ["78 640 тенге", *COMMON])
# 150.5 MCI x 4,325 tenge = 650,912.50 tenge
expect("fine-kk", ["fine", "150,5", "--date", "10.02.2026", "--lang", "kk"],
       ["650 912,50 теңге", "алты жүз елу мың тоғыз жүз он екі", *COMMON])
expect("check-ru", ["check", "115-1", "--fine", "150", "--date", "10.02.2026", "--lang", "ru"],
       ["150 МРП: соответствует", *COMMON])
# 150 MCI of fine in days of arrest (Art. 61, 4 MCI a day): 37 days, 4 x 37 = 148, 2 MCI left over
expect("convert-en", ["convert", "150", "--from", "fine", "--to", "arrest"], ["37 days (arrest), 2 MCI left over"])

# an MCI update for 2027, named with its SHA-256: 200 x 4,500 (the example's made-up value) = 900,000 tenge
odd = tmp / "upd <b>&"
odd.mkdir()
update = odd / "2027.json"
update.write_bytes(EXAMPLE.read_bytes())
html = expect("range-2027", ["range", "115-1", "--date", "15.03.2027"],
              ["900,000 KZT", hashlib.sha256(EXAMPLE.read_bytes()).hexdigest(), "example-2027 (hypothetical)",
               "Certainty: hypothetical"], {"KZPENALTY_UPDATES": str(update)})
if "upd &lt;b&gt;&amp;/2027.json" not in html or "<b>&" in html:
    failures.append("range-2027: the update's path is not escaped in the HTML")
# no date: said on the first line, in the document too
pages, text, _ = pdf_of("assumed", ["fine", "1"])
if "No date given (--date)" not in text:
    failures.append("assumed: the document does not say the date was taken to be today")

# a batch: one document, a page a line, in order; a line that fails gets a page saying so
lines = ('{"op":"fine","mci_count":"150,5","date":"10.02.2026"}\n'
         '{"op":"range","article":"115-1","date":"01.11.2025","id":"b"}\n'
         '{"op":"fine","mci_count":"x","date":"10.02.2026"}\n'
         '{"op":"check","article":"115-1","kind":"arrest","amount":"30","mitigated":true,"date":"10.02.2026"}\n')
p = subprocess.run([kzp, "batch", "--output-format", "html", "--lang", "ru"], input=lines.encode(), capture_output=True,
                   env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "KZPENALTY_UPDATES": ""}, check=False)
if p.returncode != 1:  # one line failed
    failures.append(f"batch: exit {p.returncode}, want 1: {p.stderr.decode()}")
(tmp / "batch.html").write_bytes(p.stdout)
pdf = tmp / "batch.pdf"
subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                f"--user-data-dir={tmp / 'profile'}", f"--print-to-pdf={pdf}", (tmp / "batch.html").as_uri()],
               capture_output=True, timeout=120, check=False)
info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=False).stdout
pages = re.search(r"^Pages:\s+(\d+)", info, re.M)
if not pages or int(pages.group(1)) != 4:
    failures.append(f"batch: {pages.group(1) if pages else 'no'} pages, want 4, one a line")
PAGE_WANTS = [
    ["line 1:", "650 912,50 тенге"],  # 150.5 x 4,325 = 650,912.50 tenge
    ["line 2:", "786 400 тенге", "3 932 тенге"],  # 2025: 200 x 3,932 = 786,400 tenge
    ["line 3:", "Ответа нет", "KZP_E_BAD_NUMBER"],
    ["line 4:", "не соответствует"],  # arrest 30 days with the half cap: above 50 / 2 = 25
]
for n, wants in enumerate(PAGE_WANTS, 1):
    text = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=False).stdout
    text = " ".join(text.split())
    for want in wants:
        if want not in text:
            failures.append(f"batch page {n}: lacks {want!r}")

if failures:
    print("\n".join(failures))
    sys.exit(1)
shutil.rmtree(tmp)
print("ok: 9 HTML documents, each one A4 page with its amounts; a batch of 4 lines on 4 pages")
