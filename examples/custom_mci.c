/* Use next January's MCI before a new release of the library: derive a context with an
 * added MCI period from JSON. Usage: custom_mci UPDATE.json YYYY-MM-DD MCI_COUNT */
#include <kzpenalty.h>
#include <stdio.h>
#include <stdlib.h>

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        return NULL;
    }
    char *buf = NULL;
    size_t cap = 0;
    *len = 0;
    for (size_t got = 1; got > 0; *len += got) {
        if (*len == cap) {
            char *nb = realloc(buf, cap = cap ? cap * 2 : 4096);
            if (!nb) {
                break;
            }
            buf = nb;
        }
        got = fread(buf + *len, 1, cap - *len, f);
    }
    fclose(f);
    return buf;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: %s UPDATE.json YYYY-MM-DD MCI_COUNT\n", argv[0]);
        return 2;
    }
    size_t len;
    char *json = read_all(argv[1], &len);
    kzp_ctx *base = NULL, *updated = NULL;
    kzp_error err;
    kzp_qty mci;
    kzp_fine f;
    kzp_status rc = json ? KZP_OK : KZP_E_IO;
    if (rc || (rc = kzp_ctx_new(&base, &err)) || (rc = kzp_ctx_new_with_mci(&updated, base, json, len, &err)) ||
        (rc = kzp_qty_parse(&mci, argv[3], &err)) || (rc = kzp_fine_compute(&f, updated, argv[2], mci, 0, &err))) {
        fprintf(stderr, "%s: %s (line %d, column %d)\n", kzp_status_name(rc), json ? err.message : argv[1], err.line,
                err.column);
    } else {
        char text[48];
        kzp_tenge_format(text, sizeof text, f.amount_tiyn, KZP_MONEY_EN);
        printf("%s MCI on %s = %s (MCI %lld from %s: %s)\n", argv[3], argv[2], text, (long long)f.mci.tenge, f.mci.from,
               f.mci.citation->act);
    }
    kzp_ctx_free(updated);
    kzp_ctx_free(base);
    free(json);
    return rc ? 1 : 0;
}
