/* The list of citations a result names, with the weakest certainty among them. */
#include "kzp_internal.h"

void kzp_basis_add(const kzp_citation **basis, size_t *count, int *certainty, const kzp_citation *c)
{
    if (!c) {
        return;
    }
    for (size_t i = 0; i < *count; i++) {
        if (basis[i] == c) {
            return;
        }
    }
    if (*count < KZP_MAX_BASIS) {
        basis[(*count)++] = c;
    }
    if (c->certainty > *certainty) {
        *certainty = c->certainty;
    }
}
