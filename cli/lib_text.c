/* Texts from the library's snprintf-style calls in buffers sized by the call's own answer, so
 * no text taken from the dataset is cut by a fixed buffer of the command. */
#include "cli.h"

#include <stdlib.h>

/* Call once for the length, then again into a buffer of that size. NULL on an error of the
 * call (its status is lost: callers treat NULL as "no text", e.g. an amount beyond words). */
#define SIZED(call_with_buf_and_size)                                                                                  \
    do {                                                                                                               \
        char *buf = NULL;                                                                                              \
        size_t size = 0;                                                                                               \
        int n = call_with_buf_and_size;                                                                                \
        if (n < 0) {                                                                                                   \
            return NULL;                                                                                               \
        }                                                                                                              \
        size = (size_t)n + 1;                                                                                          \
        if (!(buf = malloc(size))) {                                                                                   \
            return NULL;                                                                                               \
        }                                                                                                              \
        n = call_with_buf_and_size;                                                                                    \
        if (n < 0) {                                                                                                   \
            free(buf);                                                                                                 \
            return NULL;                                                                                               \
        }                                                                                                              \
        return buf;                                                                                                    \
    } while (0)

char *cli_sanction_text(const kzp_range *r, size_t index, int lang)
{
    SIZED(kzp_sanction_text(buf, size, r, index, lang));
}

char *cli_tenge_words(int64_t tiyn, int lang)
{
    SIZED(kzp_tenge_words(buf, size, tiyn, lang));
}

char *cli_tenge_figures_words(int64_t tiyn, int lang)
{
    SIZED(kzp_tenge_figures_words(buf, size, tiyn, lang));
}
