/* Print the sanctions of Article 115-1 for an offence committed today, from the
 * embedded dataset. Usage: sanctions_today [YYYY-MM-DD] */
#define _POSIX_C_SOURCE 200809L /* localtime_r */
#include <kzpenalty.h>
#include <stdio.h>
#include <time.h>

int main(int argc, char **argv)
{
    char today[11];
    time_t now = time(NULL);
    struct tm tm_now;
    strftime(today, sizeof today, "%Y-%m-%d", localtime_r(&now, &tm_now) ? &tm_now : gmtime(&now));
    const char *date = argc > 1 ? argv[1] : today;

    kzp_ctx *ctx = NULL;
    kzp_error err;
    if (kzp_ctx_new(&ctx, &err) != KZP_OK) {
        fprintf(stderr, "cannot load the dataset: %s\n", err.message);
        return 1;
    }
    /* After the last year in the dataset, price with the last known MCI but say so loudly. */
    kzp_range r;
    if (kzp_range_get(&r, ctx, "115-1", date, KZP_Q_ALLOW_STALE, &err) != KZP_OK) {
        fprintf(stderr, "%s: %s\n", kzp_status_name(err.code), err.message);
        kzp_ctx_free(ctx);
        return 1;
    }
    kzp_article a;
    if (kzp_article_get(&a, ctx, r.article, &err) != KZP_OK) {
        fprintf(stderr, "%s: %s\n", kzp_status_name(err.code), err.message);
        kzp_ctx_free(ctx);
        return 1;
    }
    printf("Article %s (%s), offence on %s: one of\n", a.id, a.title[KZP_LANG_EN], r.offence_date);
    /* the same answer holds for every offence date in this interval: a cache may key on it */
    printf("(the same for offences from %s to %s)\n", r.valid_from, r.valid_until);
    for (size_t i = 0; i < r.sanction_count; i++) {
        const kzp_sanction *s = &r.sanctions[i];
        char lo[32] = "none", hi[32], money[64] = "";
        if (s->min.set) {
            kzp_qty_format(lo, sizeof lo, kzp_hundredths(s->min.centi), KZP_LANG_EN);
        }
        kzp_qty_format(hi, sizeof hi, kzp_hundredths(s->max.centi), KZP_LANG_EN);
        if (s->has_tiyn) {
            char t[48];
            kzp_tenge_format(t, sizeof t, s->max.tiyn, KZP_MONEY_SIGN);
            snprintf(money, sizeof money, " = %s", t);
        }
        /* each bound names the rule that sets it: the article, or the General Part */
        printf("  %-18s from %s (%s) up to %s %s%s (%s)\n", kzp_kind_name(s->kind), lo,
               s->min.set ? s->min.citation->reference : "no minimum", hi, kzp_unit_name(s->unit), money,
               s->max.citation->reference);
    }
    printf("MCI %lld tenge, in force from %s (%s)\n", (long long)r.mci.tenge, r.mci.from, r.mci.citation->act);
    if (r.stale) {
        printf("WARNING: the dataset knows the MCI only until its last year; this amount uses the last known value.\n");
    }
    kzp_ctx_free(ctx);
    return 0;
}
