"""A clerk's script: price a list of fines from a CSV file and write a CSV with the amounts
in figures and in words, with the MCI used and its legal basis.

Input columns: case, article (e.g. 115-1; may be empty), offence_date (YYYY-MM-DD), mci_count
(e.g. 150 or 0.2). With an article, the fine is first checked against the article's range on
the offence date (in force? within the upper bound?).
Usage: python3 clerk_fines.py fines.csv priced.csv [--lang ru|kk|en]
A row that cannot be priced is written with its error instead, so no row is lost.
"""
import argparse
import csv
import sys

import kzpenalty


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--lang", choices=("ru", "kk", "en"), default="ru")
    args = parser.parse_args(argv)
    ctx = kzpenalty.Context()
    failed = 0
    with open(args.input, newline="", encoding="utf-8") as fin, \
            open(args.output, "w", newline="", encoding="utf-8") as fout:
        out = csv.writer(fout)
        out.writerow(["case", "offence_date", "mci_count", "mci_tenge", "mci_from", "amount_tiyn", "amount",
                      "amount_in_words", "basis", "error"])
        for row in csv.DictReader(fin):
            article = (row.get("article") or "").strip()
            try:
                if article:
                    check = ctx.check(article, row["offence_date"].strip(), "fine", row["mci_count"].strip())
                    if not check.fits:
                        rule = f" ({check.limit_citation.reference})" if check.limit_citation else ""
                        raise ValueError(f"does not fit Article {article}: {check.violation}, limit {check.limit} MCI"
                                         f"{rule}")
                fine = ctx.fine(row["mci_count"].strip(), row["offence_date"].strip())
            except (kzpenalty.KzpError, ValueError) as e:
                failed += 1
                out.writerow([row["case"], row["offence_date"], row["mci_count"], "", "", "", "", "", "",
                              f"{e.code}: {e}" if isinstance(e, kzpenalty.KzpError) else str(e)])
                continue
            basis = "; ".join(f"{c.act}, {c.reference}" for c in fine.basis)
            out.writerow([row["case"], fine.offence_date.isoformat(), fine.mci_count, fine.mci.tenge,
                          fine.mci.from_date.isoformat(), fine.amount_tiyn,
                          kzpenalty.format_tenge(fine.amount_tiyn, args.lang),
                          kzpenalty.tenge_figures_words(fine.amount_tiyn, args.lang), basis, ""])
    print(f"priced {args.input} -> {args.output}; {failed} row(s) with errors", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
