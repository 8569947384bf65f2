/* Price a fine for a verdict: N MCI for an offence on a date, with the MCI of the
 * offence day (Criminal Code Art. 41 part 1). Usage: price_fine YYYY-MM-DD MCI_COUNT */
#include <kzpenalty.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s YYYY-MM-DD MCI_COUNT   (e.g. 2025-11-03 150)\n", argv[0]);
        return 2;
    }
    kzp_error err;
    kzp_qty mci; /* "150", "0.2" or "150,5": hundredths behind a type, so 150 cannot be read as 1.5 */
    if (kzp_qty_parse(&mci, argv[2], &err) != KZP_OK) {
        fprintf(stderr, "%s\n", err.message);
        return 2;
    }
    kzp_ctx *ctx = NULL;
    if (kzp_ctx_new(&ctx, &err) != KZP_OK) {
        fprintf(stderr, "cannot load the dataset: %s\n", err.message);
        return 1;
    }
    kzp_fine f;
    kzp_status rc = kzp_fine_compute(&f, ctx, argv[1], mci, 0, &err);
    if (rc == KZP_OK) {
        char amount[64];
        kzp_tenge_format(amount, sizeof amount, f.amount_tiyn, KZP_MONEY_RU);
        printf("%s MCI x %lld tenge (MCI from %s) = %s\n", argv[2], (long long)f.mci.tenge, f.mci.from, amount);
        for (size_t i = 0; i < f.basis_count; i++) {
            printf("  basis: %s, %s (%s)\n", f.basis[i]->act, f.basis[i]->reference,
                   kzp_certainty_name(f.basis[i]->certainty));
        }
    } else {
        fprintf(stderr, "%s: %s\n", kzp_status_name(rc), err.message);
    }
    kzp_ctx_free(ctx);
    return rc == KZP_OK ? 0 : 1;
}
