/* Fuzz target: any bytes as a decimal amount. An accepted amount must survive a round trip
 * through kzp_decimal_format, and pricing it must never wrap. */
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
    int64_t centi = -1;
    kzp_error err;
    if (kzp_decimal_parse(&centi, text, &err) != KZP_OK) {
        if (centi != -1) {
            abort(); /* the output is untouched on failure */
        }
        return 0;
    }
    char back[48];
    int64_t again;
    kzp_decimal_format(back, sizeof back, centi);
    if (kzp_decimal_parse(&again, back, NULL) != KZP_OK || again != centi) {
        abort();
    }
    kzp_fine f;
    int rc = kzp_fine_compute(&f, ctx, "2026-02-10", centi, 0, NULL);
    if (rc == KZP_OK && (f.amount_tiyn < 0 || f.amount_tiyn / 4325 != centi)) {
        abort(); /* 2026: x 4,325, and never a wrapped number */
    }
    char words[1024];
    kzp_tenge_words(words, sizeof words, rc == KZP_OK ? f.amount_tiyn : centi, KZP_LANG_RU);
    kzp_conversion c;
    kzp_convert(&c, ctx, KZP_KIND_FINE, centi, KZP_KIND_ARREST, NULL);
    return 0;
}
