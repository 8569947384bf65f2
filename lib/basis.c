/* The list of citations a result names, with the weakest certainty among them. */
#include "kzp_internal.h"

bool kzp_basis_add(const kzp_citation **basis, size_t *count, int *certainty, const kzp_citation *c)
{
    if (!c) {
        return true;
    }
    for (size_t i = 0; i < *count; i++) {
        if (basis[i] == c) {
            return true;
        }
    }
    if (*count >= KZP_MAX_BASIS) {
        return false; /* never drop a citation silently: the caller fails */
    }
    basis[(*count)++] = c;
    if (c->certainty > *certainty) {
        *certainty = c->certainty;
    }
    return true;
}

/* Strict mode looks at every citation, not at the weakest certainty alone: a hypothetical
 * value (weaker than unverified) must not hide an unverified one beside it. */
bool kzp_basis_unverified(const kzp_citation *const *basis, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        if (basis[i]->certainty == KZP_CERT_UNVERIFIED) {
            return true;
        }
    }
    return false;
}
