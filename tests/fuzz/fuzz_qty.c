/* Fuzz target: any bytes as an amount. An accepted amount must survive a round trip through
 * kzp_qty_format in every language, and pricing or converting it must never wrap. */
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
    kzp_qty q = {-1};
    kzp_error err;
    if (kzp_qty_parse(&q, text, &err) != KZP_OK) {
        if (q.centi != -1 || err.code == KZP_OK) {
            abort(); /* the output is untouched on failure, and the failure says why */
        }
        return 0;
    }
    for (int lang = KZP_LANG_EN; lang <= KZP_LANG_KK; lang++) {
        char back[48];
        kzp_qty again;
        if (kzp_qty_format(back, sizeof back, q, lang) <= 0 || kzp_qty_parse(&again, back, NULL) != KZP_OK ||
            again.centi != q.centi) {
            abort();
        }
    }
    kzp_fine f;
    kzp_status rc = kzp_fine_compute(&f, ctx, "2026-02-10", q, 0, NULL);
    if (rc == KZP_OK && (f.amount_tiyn < 0 || f.amount_tiyn / 4325 != q.centi)) {
        abort(); /* 2026: x 4,325, and never a wrapped number */
    }
    if (rc != KZP_OK && rc != KZP_E_OVERFLOW) {
        abort(); /* a parsed amount is either priced or too large */
    }
    char words[1024];
    if (kzp_tenge_words(words, sizeof words, rc == KZP_OK ? f.amount_tiyn : q.centi, KZP_LANG_RU) < 0 && rc == KZP_OK &&
        f.amount_tiyn / 100 <= KZP_WORDS_MAX) {
        abort(); /* an amount within the words' range is spelled */
    }
    kzp_conversion c;
    rc = kzp_convert(&c, ctx, KZP_KIND_FINE, q, KZP_KIND_ARREST, NULL);
    if (rc == KZP_OK && (c.whole < 0 || c.whole_centi != c.whole * 100)) {
        abort();
    }
    return 0;
}
