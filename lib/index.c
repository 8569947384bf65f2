/* A string-keyed index for a context's ids (citations, articles): open addressing over the
 * context's arena, so loading a dataset is linear in its entries and a lookup is constant. */
#include "kzp_internal.h"

#include <string.h>

static uint64_t hash(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ULL; /* FNV-1a */
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 0x100000001b3ULL;
    }
    return h;
}

bool kzp_index_init(kzp_index *ix, kzp_arena *arena, size_t n)
{
    size_t cap = 16;
    while (cap < 2 * n + 1) {
        if (cap > SIZE_MAX / 4) {
            return false;
        }
        cap *= 2;
    }
    ix->keys = kzp_arena_alloc(arena, cap * sizeof *ix->keys);
    ix->vals = kzp_arena_alloc(arena, cap * sizeof *ix->vals);
    ix->cap = ix->keys && ix->vals ? cap : 0;
    return ix->cap != 0;
}

long kzp_index_get(const kzp_index *ix, const char *key)
{
    if (ix->cap == 0) {
        return -1;
    }
    for (size_t i = hash(key) & (ix->cap - 1);; i = (i + 1) & (ix->cap - 1)) {
        if (!ix->keys[i]) {
            return -1;
        }
        if (strcmp(ix->keys[i], key) == 0) {
            return (long)ix->vals[i];
        }
    }
}

bool kzp_index_put(kzp_index *ix, const char *key, size_t val)
{
    for (size_t i = hash(key) & (ix->cap - 1);; i = (i + 1) & (ix->cap - 1)) {
        if (!ix->keys[i]) {
            ix->keys[i] = key;
            ix->vals[i] = val;
            return true;
        }
        if (strcmp(ix->keys[i], key) == 0) {
            return false;
        }
    }
}
