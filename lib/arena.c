/* A bump allocator: a context's strings and arrays are freed together with it. */
#include "kzp_internal.h"

#include <stdlib.h>
#include <string.h>

struct kzp_arena_block {
    kzp_arena_block *next;
    size_t used, cap;
    _Alignas(max_align_t) unsigned char data[];
};

/* Blocks grow from FIRST_BLOCK to BLOCK_SIZE, each as large as all before it: a derived context or
 * a small dataset needs a few hundred bytes and should not hold 16 KiB (issue 13 item 5), while a
 * large dataset still gets large blocks after a few small ones. */
enum { FIRST_BLOCK = 256, BLOCK_SIZE = 16384 };

void *kzp_arena_alloc(kzp_arena *arena, size_t size)
{
    const size_t align = _Alignof(max_align_t);
    size = (size + align - 1) & ~(align - 1);
    if (size == 0) {
        size = align;
    }
    kzp_arena_block *b = arena->head;
    if (!b || b->cap - b->used < size) {
        size_t grow = arena->bytes < FIRST_BLOCK ? FIRST_BLOCK : arena->bytes;
        grow = grow < BLOCK_SIZE ? grow : BLOCK_SIZE;
        size_t cap = size > grow ? size : grow;
        b = calloc(1, sizeof *b + cap);
        if (!b) {
            return NULL;
        }
        b->cap = cap;
        arena->bytes += sizeof *b + cap;
        b->next = arena->head;
        arena->head = b;
    }
    void *p = b->data + b->used;
    b->used += size;
    return p;
}

char *kzp_arena_strdup(kzp_arena *arena, const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = kzp_arena_alloc(arena, n);
    if (p) {
        memcpy(p, s, n);
    }
    return p;
}

void kzp_arena_free(kzp_arena *arena)
{
    kzp_arena_block *b = arena->head;
    while (b) {
        kzp_arena_block *next = b->next;
        free(b);
        b = next;
    }
    arena->head = NULL;
    arena->bytes = 0;
}
