/* Check whether a proposed sentence fits Article 115-1 for an offence date.
 * Usage: check_sentence YYYY-MM-DD KIND AMOUNT [mitigated]   (KIND: fine, community_service, arrest) */
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
    int64_t centi;
    int rc;
    if ((rc = kzp_kind_parse(&kind, argv[2])) || (rc = kzp_decimal_parse(&centi, argv[3], &err)) ||
        (rc = kzp_ctx_new(&ctx, &err)) ||
        (rc = kzp_check_sentence(&c, ctx, "115-1", argv[1], kind, centi, flags, &err))) {
        fprintf(stderr, "%s: %s\n", kzp_status_name(rc), err.message[0] ? err.message : kzp_strerror(rc));
        kzp_ctx_free(ctx);
        return 2;
    }
    char limit[32], excess[32];
    kzp_decimal_format(limit, sizeof limit, c.limit_centi);
    kzp_decimal_format(excess, sizeof excess, c.excess_centi);
    if (c.fits) {
        printf("fits: %s %s of %s allowed\n", argv[3], kzp_unit_name(c.unit), limit);
    } else {
        printf("does not fit: %s (limit %s %s, off by %s)\n", kzp_violation_name(c.violation), limit,
               kzp_unit_name(c.unit), excess);
    }
    kzp_ctx_free(ctx);
    return c.fits ? 0 : 1;
}
