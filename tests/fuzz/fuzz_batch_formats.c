/* Fuzz target: any bytes as the input of `kzpenalty batch` in its other formats. The first byte
 * picks the input (JSON Lines or CSV) and the output (JSON Lines, CSV or HTML); the rest is the
 * input. Nothing may crash or read freed memory (run under ASan), writing to memory never
 * fails, and an HTML output is one whole document in valid UTF-8. */
#define _GNU_SOURCE /* fmemopen, open_memstream */
#include "../../cli/cli.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static kzp_ctx *ctx;

static bool utf8(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t k = kzp_utf8_char_len(s + i, n - i);
        if (k == 0) {
            return false;
        }
        i += k;
    }
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!ctx && kzp_ctx_new(&ctx, NULL) != KZP_OK) {
        abort();
    }
    if (size < 2) {
        return 0;
    }
    unsigned mode = data[0] % 6; /* input: mode % 2 (JSON Lines, CSV); output: mode / 2 (JSONL, CSV, HTML) */
    FILE *in = fmemopen((void *)(data + 1), size - 1, "rb");
    char *outbuf = NULL;
    size_t outlen = 0;
    FILE *out = open_memstream(&outbuf, &outlen);
    if (!in || !out) {
        abort();
    }
    cli_out sink = {out, 0};
    cli_batch_options o = {.default_date = "2026-02-10",
                           .lang = (int)(data[0] / 6 % 3),
                           .csv_in = mode % 2 == 1,
                           .csv_out = mode / 2 == 1,
                           .html_out = mode / 2 == 2,
                           .made_at = "2026-12-01 00:00:00 UTC"};
    if (cli_batch(in, &sink, ctx, &o) == CLI_EXIT_OUTPUT) {
        abort(); /* writing to memory cannot fail */
    }
    fclose(in);
    fclose(out);
    static const char END[] = "</html>\n";
    if (o.html_out && (strncmp(outbuf, "<!DOCTYPE html>", 15) != 0 || outlen < sizeof END ||
                       strcmp(outbuf + outlen - (sizeof END - 1), END) != 0 || !utf8(outbuf, outlen))) {
        abort();
    }
    free(outbuf);
    return 0;
}
