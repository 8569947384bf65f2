/* Overflow-checked int64 arithmetic: every product or sum of user-controlled numbers goes through here. */
#include "kzp_internal.h"

bool kzp_mul_i64(int64_t *out, int64_t a, int64_t b)
{
    int64_t r;
    if (__builtin_mul_overflow(a, b, &r)) {
        return false;
    }
    *out = r;
    return true;
}

bool kzp_add_i64(int64_t *out, int64_t a, int64_t b)
{
    int64_t r;
    if (__builtin_add_overflow(a, b, &r)) {
        return false;
    }
    *out = r;
    return true;
}
