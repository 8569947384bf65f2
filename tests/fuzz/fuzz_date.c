/* Fuzz target: any bytes as a date, through the checker and every query that takes one. An
 * accepted date must round-trip: the MCI result echoes it unchanged. */
#include <kzpenalty.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static kzp_ctx *ctx;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!ctx && kzp_ctx_new(&ctx, NULL) != KZP_OK) {
        abort();
    }
    char text[64];
    size_t n = size < sizeof text - 1 ? size : sizeof text - 1;
    memcpy(text, data, n);
    text[n] = '\0';
    int ok = kzp_date_check(text, NULL) == KZP_OK;
    kzp_mci m;
    int rc = kzp_mci_on(&m, ctx, text, KZP_PURPOSE_FINES, KZP_Q_ALLOW_STALE, NULL);
    if (!ok && rc != KZP_E_BAD_DATE) {
        abort(); /* a rejected date is rejected everywhere */
    }
    if (rc == KZP_OK && strcmp(m.date, text) != 0) {
        abort();
    }
    /* every dated answer holds on the date asked: valid_from <= date <= valid_until */
    kzp_range r;
    kzp_fine f;
    kzp_check c;
    if (kzp_range_get(&r, ctx, "115-1", text, 0, NULL) == KZP_OK &&
        (strcmp(r.valid_from, text) > 0 || strcmp(text, r.valid_until) > 0)) {
        abort();
    }
    if (kzp_fine_compute(&f, ctx, text, kzp_whole(1), KZP_Q_ALLOW_STALE, NULL) == KZP_OK &&
        (strcmp(f.valid_from, text) > 0 || strcmp(text, f.valid_until) > 0)) {
        abort();
    }
    if (kzp_check_sentence(&c, ctx, "115-1", text, KZP_KIND_ARREST, kzp_whole(25), KZP_Q_MITIGATED, NULL) == KZP_OK &&
        (strcmp(c.valid_from, text) > 0 || strcmp(text, c.valid_until) > 0)) {
        abort();
    }
    /* a date read as people write it comes out as a real ISO date */
    char iso[11];
    if (kzp_date_parse(iso, text, NULL) == KZP_OK && kzp_date_check(iso, NULL) != KZP_OK) {
        abort();
    }
    return 0;
}
