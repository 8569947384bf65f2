#define _POSIX_C_SOURCE 200809L /* strdup */
/* Whole answers of a batch, written once and reused. The library says for which offence dates an
 * answer holds (valid_from .. valid_until of a range or a fine: the same answer but for the
 * offence date and the MCI's date), so an answer is keyed on that and on the question as the batch
 * asked it: the context, the operation, the article as written, the query flags and the amount.
 * The language and the citation form are the batch's, the same for every line. Nothing here knows
 * a rule of the law. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

/* Fines are hashed to a set of a few answers (one question asked across several years keeps
 * each year's); the few ranges (an article and its flags) share one set of 64. Tables of their own: a batch asks hundreds of fine amounts,
 * which must not push out the few ranges, each ten times the bytes of a fine. */
#define RANGE_SETS 1
#define RANGE_WAYS 64
#define FINE_SETS 128
#define FINE_WAYS 8

typedef struct cached_answer {
    cli_question q;
    char *article; /* the question's article, owned */
    char from[11], until[11];
    char *text; /* the answer's members, compact */
    size_t len;
    size_t date_at[2]; /* offsets in text of the dates that differ by line */
    int date_count;
} cached_answer;

struct cli_answer_cache {
    cached_answer range[RANGE_SETS][RANGE_WAYS];
    cached_answer fine[FINE_SETS][FINE_WAYS];
    unsigned next[RANGE_SETS + FINE_SETS]; /* per set, the way a new answer replaces, in turn */
};

#define ALL_SLOTS (RANGE_SETS * RANGE_WAYS + FINE_SETS * FINE_WAYS)

/* Every slot, for the walks that free or forget. */
static cached_answer *slot_at(cli_answer_cache *cache, size_t i)
{
    return i < RANGE_SETS * RANGE_WAYS ? &cache->range[0][0] + i : &cache->fine[0][0] + (i - RANGE_SETS * RANGE_WAYS);
}

cli_answer_cache *cli_answer_cache_new(void)
{
    return calloc(1, sizeof(cli_answer_cache));
}

static void drop(cached_answer *a)
{
    free(a->article);
    free(a->text);
    memset(a, 0, sizeof *a);
}

void cli_answer_cache_free(cli_answer_cache *cache)
{
    for (size_t i = 0; cache && i < ALL_SLOTS; i++) {
        drop(slot_at(cache, i));
    }
    free(cache);
}

void cli_answer_cache_forget_ctx(cli_answer_cache *cache, const kzp_ctx *ctx)
{
    for (size_t i = 0; cache && i < ALL_SLOTS; i++) {
        if (slot_at(cache, i)->q.ctx == ctx) {
            drop(slot_at(cache, i));
        }
    }
}

/* The set for q (its answers), its number among all sets in *index, and how many ways it has. */
static cached_answer *set_of(cli_answer_cache *cache, const cli_question *q, size_t *index, size_t *ways)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a over what tells questions apart */
    const char *parts[2] = {q->op, q->article ? q->article : ""};
    for (int p = 0; p < 2; p++) {
        for (const char *c = parts[p]; *c; c++) {
            h = (h ^ (unsigned char)*c) * 1099511628211ULL;
        }
    }
    h = (h ^ q->flags) * 1099511628211ULL;
    h = (h ^ (uint64_t)q->centi) * 1099511628211ULL;
    h = (h ^ (uint64_t)(uintptr_t)q->ctx) * 1099511628211ULL;
    /* FNV takes whole words here, which leaves the high bits alike: mix them (MurmurHash3's finalizer) */
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    if (q->article) {
        *index = (size_t)(h % RANGE_SETS);
        *ways = RANGE_WAYS;
        return cache->range[*index];
    }
    *index = RANGE_SETS + (size_t)(h % FINE_SETS);
    *ways = FINE_WAYS;
    return cache->fine[*index - RANGE_SETS];
}

static bool same_question(const cached_answer *a, const cli_question *q)
{
    return a->text && a->q.ctx == q->ctx && a->q.flags == q->flags && a->q.centi == q->centi &&
           strcmp(a->q.op, q->op) == 0 && strcmp(a->article ? a->article : "", q->article ? q->article : "") == 0;
}

bool cli_answer_cache_find(cli_answer_cache *cache, jw *w, const cli_question *q, const char date[11])
{
    size_t index, ways = 0;
    cached_answer *set = cache ? set_of(cache, q, &index, &ways) : NULL;
    for (size_t i = 0; i < ways; i++) {
        const cached_answer *a = &set[i];
        if (!same_question(a, q) || strcmp(date, a->from) < 0 || strcmp(date, a->until) > 0) {
            continue; /* ISO dates of one width compare as text */
        }
        size_t start = jw_next_member_at(w);
        jw_raw_members(w, a->text, a->len);
        if (w->failed) {
            return true; /* the writer's failure is the line's; writing it again would fail too */
        }
        for (int d = 0; d < a->date_count; d++) {
            memcpy(w->buf + start + a->date_at[d], date, 10);
        }
        return true;
    }
    return false;
}

void cli_answer_cache_keep(cli_answer_cache *cache, const cli_json *j, size_t start, const cli_question *q,
                           const char *valid_from, const char *valid_until)
{
    const jw *w = &j->w;
    if (!cache || w->failed || w->indent > 0 || j->date_count < 1 || strlen(valid_from) != 10 ||
        strlen(valid_until) != 10) {
        return;
    }
    cached_answer a = {.q = *q, .len = w->len - start, .date_count = j->date_count};
    for (int d = 0; d < j->date_count; d++) {
        if (j->date_at[d] < start || j->date_at[d] + 10 > w->len) {
            return; /* not where this answer was written: keep nothing rather than patch wrong bytes */
        }
        a.date_at[d] = j->date_at[d] - start;
    }
    memcpy(a.from, valid_from, sizeof a.from);
    memcpy(a.until, valid_until, sizeof a.until);
    a.article = q->article ? strdup(q->article) : NULL;
    a.text = malloc(a.len);
    if ((q->article && !a.article) || !a.text) { /* without memory the answer is only not reused */
        free(a.article);
        free(a.text);
        return;
    }
    a.q.article = NULL; /* the caller's text: a.article is the kept copy */
    memcpy(a.text, w->buf + start, a.len);
    size_t index, ways;
    cached_answer *set = set_of(cache, q, &index, &ways);
    cached_answer *slot = &set[cache->next[index]++ % ways];
    drop(slot);
    *slot = a;
}
