#define _POSIX_C_SOURCE 200809L /* strdup */
/* Whole range answers of a batch, written once and reused. The library says for which offence
 * dates a range holds (kzp_range.valid_from .. valid_until: the same answer but for the offence
 * date and the MCI's date), so an answer is keyed on that and on what the batch asked: the
 * context, the article as written, the query flags. The language and the citation form are the
 * batch's, the same for every line. Nothing here knows a rule of the law. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#define ANSWER_SLOTS 64 /* a batch asks about a few articles and flag sets at a time */

typedef struct cached_answer {
    const kzp_ctx *ctx;
    char *article;
    unsigned flags;
    char from[11], until[11];
    char *text; /* the answer's members, compact */
    size_t len;
    size_t date_at[2]; /* offsets in text of the dates that differ by line */
    int date_count;
} cached_answer;

struct cli_answer_cache {
    cached_answer slot[ANSWER_SLOTS];
    size_t next;
};

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
    for (size_t i = 0; cache && i < ANSWER_SLOTS; i++) {
        drop(&cache->slot[i]);
    }
    free(cache);
}

void cli_answer_cache_forget_ctx(cli_answer_cache *cache, const kzp_ctx *ctx)
{
    for (size_t i = 0; cache && i < ANSWER_SLOTS; i++) {
        if (cache->slot[i].ctx == ctx) {
            drop(&cache->slot[i]);
        }
    }
}

bool cli_answer_cache_range(cli_answer_cache *cache, jw *w, const kzp_ctx *ctx, const char *article, unsigned flags,
                            const char date[11])
{
    for (size_t i = 0; cache && i < ANSWER_SLOTS; i++) {
        const cached_answer *a = &cache->slot[i];
        if (a->ctx != ctx || a->flags != flags || strcmp(a->article, article) != 0 || strcmp(date, a->from) < 0 ||
            strcmp(date, a->until) > 0) {
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

void cli_answer_cache_keep_range(cli_answer_cache *cache, const cli_json *j, size_t start, const kzp_ctx *ctx,
                                 const char *article, unsigned flags, const kzp_range *r)
{
    const jw *w = &j->w;
    if (!cache || w->failed || w->indent > 0 || j->date_count < 1 || strlen(r->offence_date) != 10) {
        return;
    }
    cached_answer a = {.ctx = ctx, .flags = flags, .len = w->len - start, .date_count = j->date_count};
    for (int d = 0; d < j->date_count; d++) {
        if (j->date_at[d] < start || j->date_at[d] + 10 > w->len) {
            return; /* not where this answer was written: keep nothing rather than patch wrong bytes */
        }
        a.date_at[d] = j->date_at[d] - start;
    }
    memcpy(a.from, r->valid_from, sizeof a.from);
    memcpy(a.until, r->valid_until, sizeof a.until);
    a.article = strdup(article);
    a.text = malloc(a.len);
    if (!a.article || !a.text) { /* without memory the answer is only not reused */
        free(a.article);
        free(a.text);
        return;
    }
    memcpy(a.text, w->buf + start, a.len);
    cached_answer *slot = &cache->slot[cache->next++ % ANSWER_SLOTS];
    drop(slot);
    *slot = a;
}
