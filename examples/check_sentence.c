/* Check whether a proposed sentence fits Article 115-1 for an offence date (written 2026-02-10
 * or 10.02.2026), the amount as people write it (30, 150,5).
 * Usage: check_sentence DATE KIND AMOUNT [mitigated]
 *        (KIND: fine, correctional_work, community_service, arrest) */
#include <kzpenalty.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc < 4 || argc > 5) {
        fprintf(stderr, "usage: %s YYYY-MM-DD KIND AMOUNT [mitigated]\n", argv[0]);
        return 2;
    }
    unsigned flags = argc == 5 && strcmp(argv[4], "mitigated") == 0 ? KZP_Q_MITIGATED : 0;
    kzp_ctx *ctx = NULL;
    kzp_error err = {0};
    kzp_check c;
    int kind;
    kzp_qty amount;
    char date[11];
    kzp_status rc;
    if ((rc = kzp_date_parse(date, argv[1], &err)) || (rc = kzp_kind_parse(&kind, argv[2])) ||
        (rc = kzp_qty_parse(&amount, argv[3], &err)) || (rc = kzp_ctx_new(&ctx, &err)) ||
        (rc = kzp_check_sentence(&c, ctx, "115-1", date, kind, amount, flags, &err))) {
        fprintf(stderr, "%s: %s\n", kzp_status_name(rc), err.message[0] ? err.message : kzp_strerror(rc));
        kzp_ctx_free(ctx);
        return 2;
    }
    char limit[32], excess[32];
    kzp_qty_format(limit, sizeof limit, kzp_hundredths(c.limit_centi), KZP_LANG_EN);
    kzp_qty_format(excess, sizeof excess, kzp_hundredths(c.excess_centi), KZP_LANG_EN);
    if (c.fits) {
        printf("fits: %s %s of %s allowed\n", argv[3], kzp_unit_name(c.unit), limit);
    } else {
        printf("does not fit: %s (limit %s %s, off by %s)\n", kzp_violation_name(c.violation), limit,
               kzp_unit_name(c.unit), excess);
    }
    kzp_ctx_free(ctx);
    return c.fits ? 0 : 1;
}
