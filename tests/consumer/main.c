/* A program built against an installed kzpenalty: prices 200 MCI for an offence on
 * 2026-02-10 and checks it is 200 x 4,325 = 865,000 tenge. */
#include <kzpenalty.h>
#include <stdio.h>

int main(void)
{
    kzp_ctx *ctx = NULL;
    kzp_fine f;
    if (kzp_ctx_new(&ctx, NULL) != KZP_OK ||
        kzp_fine_compute(&f, ctx, "2026-02-10", kzp_whole(200), 0, NULL) != KZP_OK) {
        fprintf(stderr, "consumer: the library failed\n");
        return 1;
    }
    char text[32];
    kzp_tenge_format(text, sizeof text, f.amount_tiyn, KZP_MONEY_EN);
    printf("kzpenalty %s: 200 MCI on 2026-02-10 = %s\n", kzp_version_string(), text);
    kzp_ctx_free(ctx);
    return f.amount_tiyn == 86500000 ? 0 : 1;
}
