"""An educator's script: the tenge value of 200 MCI (the Art. 115-1 maximum fine) for every
period of the MCI table, with how sure the dataset is of each value.

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
        fine = ctx.fine(200, period.from_date, allow_stale=True)
        print(f"{period.from_date.isoformat():<12}{period.tenge:>8}{kzpenalty.format_tenge(fine.amount_tiyn):>16}  "
              f"{period.purpose:<10}{period.citation.status}")


if __name__ == "__main__":
    main()
