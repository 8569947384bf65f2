/* Fuzz target: any bytes as the input of `kzpenalty batch`. Every input line must get exactly
 * one output line, each output line must be a JSON object holding a result or an error
 * (whatever the input echoed into it), and nothing may crash. */
#define _GNU_SOURCE /* fmemopen, open_memstream */
#include "../../cli/cli.h"

#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static kzp_ctx *ctx;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!ctx && kzp_ctx_new(&ctx, NULL) != KZP_OK) {
        abort();
    }
    if (size == 0) {
        return 0;
    }
    FILE *in = fmemopen((void *)data, size, "rb");
    char *outbuf = NULL;
    size_t outlen = 0;
    FILE *out = open_memstream(&outbuf, &outlen);
    if (!in || !out) {
        abort();
    }
    cli_out sink = {out, 0};
    cli_batch_options o = {.default_date = "2026-02-10", .lang = KZP_LANG_EN, .citation_ids = size % 2 == 1};
    if (cli_batch(in, &sink, ctx, &o) == CLI_EXIT_OUTPUT) {
        abort(); /* writing to memory cannot fail */
    }
    fclose(in);
    fclose(out);
    /* lines in: newlines, plus a last line without one */
    size_t lines_in = 0, lines_out = 0;
    for (size_t i = 0; i < size; i++) {
        lines_in += data[i] == '\n';
    }
    lines_in += data[size - 1] != '\n';
    for (size_t i = 0; i < outlen; i++) {
        lines_out += outbuf[i] == '\n';
    }
    if (lines_in != lines_out) {
        abort();
    }
    for (char *line = outbuf, *nl; line < outbuf + outlen; line = nl + 1) {
        nl = strchr(line, '\n');
        json_t *v = json_loadb(line, (size_t)(nl - line), 0, NULL);
        /* an answer: a result (each has a receipt) or an error, never an empty shell */
        if (!json_is_object(v) || (!json_object_get(v, "receipt") && !json_object_get(v, "error"))) {
            abort();
        }
        json_decref(v);
    }
    free(outbuf);
    return 0;
}
