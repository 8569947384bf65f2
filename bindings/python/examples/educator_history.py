"""An educator's script: the tenge value of 200 MCI (the Art. 115-1 maximum fine) for every
period of the MCI table, with how sure the dataset is of each value. A period the library does
not price a fine in (an offence before Code No. 226-V applied) says so.

Usage: python3 educator_history.py
"""
import kzpenalty


def main():
    ctx = kzpenalty.Context()
    print(f"{'from':<12}{'MCI':>8}{'200 MCI':>16}  {'purpose':<10}status")
    for period in ctx.mci_table():
        if period.purpose == "benefits":
            continue  # fines use the index for fines
        # 200 MCI in tiyn: 200 x tenge x 100, computed by the library for the period's first day
        try:
            amount = kzpenalty.format_tenge(ctx.fine(200, period.from_date, allow_stale=True).amount_tiyn)
        except kzpenalty.NotInForceError:
            amount = "not priced"  # the library prices no fine under a Code the dataset has no pricing rule for
        print(f"{period.from_date.isoformat():<12}{period.tenge:>8}{amount:>16}  {period.purpose:<10}"
              f"{period.citation.status}")


if __name__ == "__main__":
    main()
