/* Contexts derived from a base: MCI periods added or replaced, and what-if MCIs.
 * The values used here for future years are test fixtures, not law. */
#include "test_util.h"

static kzp_ctx *base;
static void setup(void)
{
    base = test_ctx();
}
static void teardown(void)
{
    kzp_ctx_free(base);
}

/* A fixture citation and a 2027 period of 5,000 tenge (a made-up value for the test). */
#define FIXTURE_CITATION                                                                                               \
    "{\"id\": \"fixture-2027\", \"act\": \"test fixture\", \"seen_in\": \"the test\", \"status\": \"official\"}"
static const char UPDATE_2027[] = "{\"citations\": [" FIXTURE_CITATION "],\n"
                                  " \"known_until\": \"2027-12-31\",\n"
                                  " \"known_until_citation\": \"fixture-2027\",\n"
                                  " \"periods\": [{\"from\": \"2027-01-01\", \"tenge\": 5000, \"purpose\": \"all\", "
                                  "\"citation\": \"fixture-2027\"}]}";

static int64_t fine_tiyn(const kzp_ctx *ctx, const char *date, int64_t centi, int expect_rc)
{
    kzp_fine f = {.amount_tiyn = -1};
    ck_assert_int_eq(kzp_fine_compute(&f, ctx, date, kzp_hundredths(centi), 0, NULL), expect_rc);
    return f.amount_tiyn;
}

START_TEST(add_next_year)
{
    kzp_ctx *next = NULL;
    kzp_error err;
    ck_assert_msg(kzp_ctx_new_with_mci(&next, base, UPDATE_2027, strlen(UPDATE_2027), &err) == KZP_OK, "%s",
                  err.message);
    /* 200 MCI x 5,000 = 1,000,000 tenge in the derived context */
    ck_assert_int_eq(fine_tiyn(next, "2027-03-01", 20000, KZP_OK), 100000000);
    /* 2026 is unchanged: 200 x 4,325 = 865,000 tenge */
    ck_assert_int_eq(fine_tiyn(next, "2026-03-01", 20000, KZP_OK), 86500000);
    /* the base is untouched: 2027 is still stale there */
    ck_assert_int_eq(fine_tiyn(base, "2027-03-01", 20000, KZP_E_MCI_STALE), -1);
    kzp_dataset_info bi, ni;
    kzp_ctx_info(&bi, base);
    kzp_ctx_info(&ni, next);
    ck_assert_uint_eq(ni.mci_period_count, bi.mci_period_count + 1);
    ck_assert_str_eq(ni.mci_known_until, "2027-12-31");
    ck_assert_str_ne(ni.fingerprint, bi.fingerprint);
    kzp_ctx_free(next);
}
END_TEST

START_TEST(replace_a_period)
{
    static const char upd[] = "{\"citations\": [" FIXTURE_CITATION "], \"periods\": [{\"from\": \"2026-01-01\", "
                              "\"tenge\": 4000, \"purpose\": \"all\", \"citation\": \"fixture-2027\"}]}";
    kzp_ctx *next = NULL;
    kzp_error err;
    ck_assert_msg(kzp_ctx_new_with_mci(&next, base, upd, strlen(upd), &err) == KZP_OK, "%s", err.message);
    /* 200 x 4,000 = 800,000 tenge */
    ck_assert_int_eq(fine_tiyn(next, "2026-03-01", 20000, KZP_OK), 80000000);
    ck_assert_int_eq(fine_tiyn(base, "2026-03-01", 20000, KZP_OK), 86500000);
    kzp_dataset_info ni;
    kzp_ctx_info(&ni, next);
    ck_assert_uint_eq(ni.mci_period_count, 15); /* replaced, not added */
    kzp_ctx_free(next);
}
END_TEST

START_TEST(replace_the_source_of_a_period)
{
    /* an MCI update may correct the citation of an MCI period (not of an article or a rule) */
    static const char upd[] = "{\"citations\": [{\"id\": \"mci-2026\", \"act\": \"corrected act\", "
                              "\"seen_in\": \"the test\", \"status\": \"statement\"}], \"periods\": []}";
    kzp_ctx *next = NULL;
    kzp_error err;
    ck_assert_msg(kzp_ctx_new_with_mci(&next, base, upd, strlen(upd), &err) == KZP_OK, "%s", err.message);
    kzp_mci m;
    ck_assert_int_eq(kzp_mci_on(&m, next, "2026-02-10", KZP_PURPOSE_FINES, 0, NULL), KZP_OK);
    ck_assert_int_eq(m.tenge, 4325); /* the value stays; its source and certainty change */
    ck_assert_str_eq(m.citation->act, "corrected act");
    ck_assert_int_eq(m.certainty, KZP_CERT_STATEMENT);
    ck_assert_int_eq(kzp_mci_on(&m, base, "2026-02-10", KZP_PURPOSE_FINES, 0, NULL), KZP_OK);
    ck_assert_int_eq(m.certainty, KZP_CERT_OFFICIAL); /* the base is unchanged */
    kzp_ctx_free(next);
}
END_TEST

typedef struct bad_update {
    const char *json;
    int code;
    const char *path;
    int line;
} bad_update;

static const bad_update BAD_UPDATES[] = {
    {"{\"periods\": [", KZP_E_JSON, "$", 1},
    {"[]", KZP_E_SCHEMA, "$", 0},
    {"{}", KZP_E_SCHEMA, "$", 0},
    {"{\"periods\": {}}", KZP_E_SCHEMA, "$.periods", 1},
    {"{\"period\": []}", KZP_E_SCHEMA, "$.period", 1},
    /* a negative MCI, on line 2 of the update */
    {"{\"periods\": [\n{\"from\": \"2027-01-01\", \"tenge\": -5, \"purpose\": \"all\", \"citation\": \"mci-2026\"}]}",
     KZP_E_DATA_VALUE, "$.periods[0].tenge", 2},
    /* a period after known_until without a new known_until */
    {"{\"periods\": [{\"from\": \"2027-01-01\", \"tenge\": 5000, \"purpose\": \"all\", \"citation\": \"mci-2026\"}]}",
     KZP_E_DATA_ORDER, "$.periods[0].from", 1},
    {"{\"periods\": [{\"from\": \"2026-06-01\", \"tenge\": 5000, \"purpose\": \"all\", \"citation\": \"nope\"}]}",
     KZP_E_DATA_REF, "$.periods[0].citation", 1},
    {"{\"periods\": [{\"from\": \"2026-06-31\", \"tenge\": 5000, \"purpose\": \"all\", \"citation\": \"mci-2026\"}]}",
     KZP_E_BAD_DATE, "$.periods[0].from", 1},
    /* overlaps the 2026-01-01 "all" period for fines */
    {"{\"periods\": [{\"from\": \"2026-01-01\", \"tenge\": 5000, \"purpose\": \"fines\", \"citation\": \"mci-2026\"}]}",
     KZP_E_DATA_ORDER, "$.periods[0].from", 1},
    {"{\"known_until\": \"2026-13-01\", \"periods\": []}", KZP_E_BAD_DATE, "$.known_until", 1},
    {"{\"citations\": [{\"id\": \"x\"}], \"periods\": []}", KZP_E_SCHEMA, "$.citations[0].act", 1},
    /* the same period twice in one update: the last must not win silently */
    {"{\"periods\": [{\"from\": \"2026-06-01\", \"tenge\": 5000, \"purpose\": \"all\", \"citation\": \"mci-2026\"},\n"
     "{\"from\": \"2026-06-01\", \"tenge\": 9999, \"purpose\": \"all\", \"citation\": \"mci-2026\"}]}",
     KZP_E_DATA_DUPLICATE, "$.periods[1]", 2},
    {"{\"citations\": [" FIXTURE_CITATION ", " FIXTURE_CITATION "], \"periods\": []}", KZP_E_DATA_DUPLICATE,
     "$.citations[1].id", 1},
    /* an MCI update may not rewrite the source of the article */
    {"{\"citations\": [{\"id\": \"cc-115-1\", \"act\": \"x\", \"seen_in\": \"y\", \"status\": \"official\"}], "
     "\"periods\": []}",
     KZP_E_DATA_DUPLICATE, "$.citations[0].id", 1},
    /* known_until before the 2026 period already in the table */
    {"{\"known_until\": \"2025-12-31\", \"periods\": []}", KZP_E_DATA_ORDER, "$.known_until", 1},
    {"{\"known_until_citation\": \"nope\", \"periods\": []}", KZP_E_DATA_REF, "$.known_until_citation", 1},
    {"{\"known_until\": 2027, \"periods\": []}", KZP_E_SCHEMA, "$.known_until", 1},
    {"{\"citations\": {}, \"periods\": []}", KZP_E_SCHEMA, "$.citations", 1},
    {"{\"periods\": [5]}", KZP_E_SCHEMA, "$.periods[0]", 1},
    /* the second citation of the update is reported at its place in the update, on line 2 */
    {"{\"citations\": [" FIXTURE_CITATION ",\n{\"id\": \"z\"}], \"periods\": []}", KZP_E_SCHEMA, "$.citations[1].act",
     2},
    {"{\"periods\": [],\n\"periods\": []}", KZP_E_JSON, "$", 2},
};

START_TEST(bad_update_changes_nothing)
{
    const bad_update *b = &BAD_UPDATES[_i];
    kzp_ctx *sentinel = (kzp_ctx *)&_i, *out = sentinel;
    kzp_error err;
    int rc = kzp_ctx_new_with_mci(&out, base, b->json, strlen(b->json), &err);
    ck_assert_msg(rc == b->code, "case %d: got %s (%s)", _i, kzp_status_name(rc), err.message);
    ck_assert_msg(strcmp(err.path, b->path) == 0, "case %d: path %s, want %s", _i, err.path, b->path);
    ck_assert_int_eq(err.line, b->line);
    ck_assert_ptr_eq(out, sentinel);
    /* the base answers as before */
    ck_assert_int_eq(fine_tiyn(base, "2026-03-01", 20000, KZP_OK), 86500000);
    ck_assert_int_eq(fine_tiyn(base, "2027-03-01", 20000, KZP_E_MCI_STALE), -1);
}
END_TEST

START_TEST(null_error_pointer_is_allowed)
{
    kzp_ctx *out = NULL;
    static const char bad[] = "{\"periods\": [], \"bogus\": 1}";
    ck_assert_int_eq(kzp_ctx_new_with_mci(&out, base, bad, strlen(bad), NULL), KZP_E_SCHEMA);
    ck_assert_int_eq(kzp_ctx_new_with_mci(&out, base, "{", 1, NULL), KZP_E_JSON);
    ck_assert_ptr_null(out);
}
END_TEST

START_TEST(what_if)
{
    kzp_ctx *w = NULL;
    kzp_error err;
    ck_assert_int_eq(kzp_ctx_new_what_if(&w, base, 5000, &err), KZP_OK);
    /* 200 x 5,000 = 1,000,000 tenge, on any date, never stale */
    ck_assert_int_eq(fine_tiyn(w, "2026-02-10", 20000, KZP_OK), 100000000);
    ck_assert_int_eq(fine_tiyn(w, "2031-02-10", 20000, KZP_OK), 100000000);
    ck_assert_int_eq(fine_tiyn(w, "2015-02-10", 20000, KZP_OK), 100000000);
    kzp_range r;
    ck_assert_int_eq(kzp_range_get(&r, w, "115-1", "2026-02-10", KZP_Q_MITIGATED, &err), KZP_OK);
    ck_assert_int_eq(r.sanctions[0].max.tiyn, 50000000); /* 100 x 5,000 = 500,000 tenge */
    ck_assert_int_eq(r.certainty, KZP_CERT_HYPOTHETICAL);
    ck_assert_int_eq(r.mci.citation->certainty, KZP_CERT_HYPOTHETICAL);
    kzp_dataset_info info;
    kzp_ctx_info(&info, w);
    ck_assert_int_eq(info.hypothetical, 1);
    kzp_ctx_info(&info, base);
    ck_assert_int_eq(info.hypothetical, 0);
    /* the article's own dates still hold in a what-if */
    ck_assert_int_eq(kzp_range_get(&r, w, "115-1", "2025-09-15", 0, &err), KZP_E_NOT_IN_FORCE);
    kzp_ctx_free(w);

    kzp_ctx *sentinel = (kzp_ctx *)&err, *out = sentinel;
    ck_assert_int_eq(kzp_ctx_new_what_if(&out, base, 0, &err), KZP_E_BAD_NUMBER);
    ck_assert_int_eq(kzp_ctx_new_what_if(&out, base, -4325, &err), KZP_E_BAD_NUMBER);
    ck_assert_int_eq(kzp_ctx_new_what_if(&out, base, 1000000001, &err), KZP_E_BAD_NUMBER);
    ck_assert_int_eq(kzp_ctx_new_what_if(&out, NULL, 5000, &err), KZP_E_INVALID_ARG);
    ck_assert_ptr_eq(out, sentinel);
}
END_TEST

START_TEST(derived_of_derived)
{
    kzp_ctx *next = NULL, *w = NULL;
    ck_assert_int_eq(kzp_ctx_new_with_mci(&next, base, UPDATE_2027, strlen(UPDATE_2027), NULL), KZP_OK);
    ck_assert_int_eq(kzp_ctx_new_what_if(&w, next, 4000, NULL), KZP_OK);
    ck_assert_int_eq(fine_tiyn(w, "2027-03-01", 100, KZP_OK), 400000); /* 1 x 4,000 */
    kzp_ctx_free(next); /* a derived context does not borrow from its base */
    ck_assert_int_eq(fine_tiyn(w, "2027-03-01", 100, KZP_OK), 400000);
    kzp_ctx_free(w);
}
END_TEST

/* A 2028 period of 5,500 tenge with its own citation (made-up values for the test). */
static const char UPDATE_2028[] =
    "{\"citations\": [{\"id\": \"fixture-2028\", \"act\": \"test fixture 2028\", \"seen_in\": \"the test\", "
    "\"status\": \"official\"}],\n"
    " \"known_until\": \"2028-12-31\", \"known_until_citation\": \"fixture-2028\",\n"
    " \"periods\": [{\"from\": \"2028-01-01\", \"tenge\": 5500, \"purpose\": \"all\", \"citation\": "
    "\"fixture-2028\"}]}";

START_TEST(update_of_an_update)
{
    kzp_ctx *y27 = NULL, *y28 = NULL;
    kzp_error err;
    ck_assert_int_eq(kzp_ctx_new_with_mci(&y27, base, UPDATE_2027, strlen(UPDATE_2027), NULL), KZP_OK);
    ck_assert_msg(kzp_ctx_new_with_mci(&y28, y27, UPDATE_2028, strlen(UPDATE_2028), &err) == KZP_OK, "%s", err.message);
    /* each year at its own MCI: 200 x 4,325; 200 x 5,000; 200 x 5,500 */
    ck_assert_int_eq(fine_tiyn(y28, "2026-03-01", 20000, KZP_OK), 86500000);
    ck_assert_int_eq(fine_tiyn(y28, "2027-03-01", 20000, KZP_OK), 100000000);
    ck_assert_int_eq(fine_tiyn(y28, "2028-03-01", 20000, KZP_OK), 110000000);
    /* the 2027 period keeps the first update's citation, the 2028 one has the second's */
    kzp_mci m;
    ck_assert_int_eq(kzp_mci_on(&m, y28, "2027-03-01", KZP_PURPOSE_FINES, 0, NULL), KZP_OK);
    ck_assert_str_eq(m.citation->id, "fixture-2027");
    ck_assert_int_eq(kzp_mci_on(&m, y28, "2028-03-01", KZP_PURPOSE_FINES, 0, NULL), KZP_OK);
    ck_assert_str_eq(m.citation->act, "test fixture 2028");
    kzp_dataset_info i27, i28;
    kzp_ctx_info(&i27, y27);
    kzp_ctx_info(&i28, y28);
    ck_assert_uint_eq(i28.mci_period_count, i27.mci_period_count + 1);
    ck_assert_str_eq(i28.mci_known_until, "2028-12-31");
    ck_assert_str_ne(i28.fingerprint, i27.fingerprint);
    /* the intermediate context may go first: the last one holds what it needs */
    kzp_ctx_free(y27);
    ck_assert_int_eq(fine_tiyn(y28, "2027-03-01", 100, KZP_OK), 500000);
    kzp_ctx_free(y28);
}
END_TEST

START_TEST(periods_in_any_order)
{
    /* 2028 listed before 2027: the table is kept in date order */
    static const char upd[] =
        "{\"citations\": [" FIXTURE_CITATION "], \"known_until\": \"2028-12-31\", \"known_until_citation\": "
        "\"fixture-2027\", \"periods\": [{\"from\": \"2028-01-01\", \"tenge\": 5500, \"purpose\": \"all\", "
        "\"citation\": \"fixture-2027\"}, {\"from\": \"2027-01-01\", \"tenge\": 5000, \"purpose\": \"all\", "
        "\"citation\": \"fixture-2027\"}]}";
    kzp_ctx *next = NULL;
    kzp_error err;
    ck_assert_msg(kzp_ctx_new_with_mci(&next, base, upd, strlen(upd), &err) == KZP_OK, "%s", err.message);
    ck_assert_int_eq(fine_tiyn(next, "2027-12-31", 100, KZP_OK), 500000); /* 1 x 5,000 */
    ck_assert_int_eq(fine_tiyn(next, "2028-01-01", 100, KZP_OK), 550000); /* 1 x 5,500 */
    kzp_dataset_info info;
    kzp_ctx_info(&info, next);
    size_t n = info.mci_period_count;
    kzp_mci_period p;
    ck_assert_int_eq(kzp_mci_period_at(&p, next, n - 2), KZP_OK);
    ck_assert_str_eq(p.from, "2027-01-01");
    ck_assert_int_eq(kzp_mci_period_at(&p, next, n - 1), KZP_OK);
    ck_assert_str_eq(p.from, "2028-01-01");
    kzp_ctx_free(next);
}
END_TEST

START_TEST(update_of_a_what_if)
{
    /* a what-if of 5,000 on every date, then a 2027 period of 6,000 on top of it: before 2027 the
     * hypothetical value, from 2027 the update's; the result is still hypothetical */
    static const char upd[] = "{\"citations\": [" FIXTURE_CITATION "], \"periods\": [{\"from\": \"2027-01-01\", "
                              "\"tenge\": 6000, \"purpose\": \"all\", \"citation\": \"fixture-2027\"}]}";
    kzp_ctx *w = NULL, *next = NULL;
    kzp_error err;
    ck_assert_int_eq(kzp_ctx_new_what_if(&w, base, 5000, NULL), KZP_OK);
    ck_assert_msg(kzp_ctx_new_with_mci(&next, w, upd, strlen(upd), &err) == KZP_OK, "%s", err.message);
    ck_assert_int_eq(fine_tiyn(next, "2026-03-01", 100, KZP_OK), 500000); /* 1 x 5,000 */
    ck_assert_int_eq(fine_tiyn(next, "2027-03-01", 100, KZP_OK), 600000); /* 1 x 6,000 */
    kzp_dataset_info info;
    kzp_ctx_info(&info, next);
    ck_assert_int_eq(info.hypothetical, 1);
    kzp_ctx_free(w);
    kzp_ctx_free(next);
}
END_TEST

/* The position of the citation with this id in ctx's list, or -1; fails on a gap or a repeat. */
static long citation_pos(const kzp_ctx *ctx, const char *id)
{
    long at = -1;
    for (size_t i = 0; i < kzp_citation_count(ctx); i++) {
        const kzp_citation *c = NULL;
        ck_assert_int_eq(kzp_citation_at(&c, ctx, i), KZP_OK);
        ck_assert_ptr_nonnull(c);
        if (strcmp(c->id, id) == 0) {
            ck_assert_msg(at < 0, "%s listed twice", id);
            at = (long)i;
        }
    }
    return at;
}

START_TEST(every_citation_listed_once)
{
    /* the shipped dataset's citations, counted in its text */
    size_t len;
    char *text = test_read_file(KZP_SOURCE_DIR "/data/kzpenalty.json", &len);
    size_t n = 0;
    for (const char *p = strstr(text, "\"citations\""); p && (p = strstr(p, "\"seen_in\"")); p++) {
        n++; /* every citation has exactly one seen_in */
    }
    free(text);
    kzp_dataset_info info;
    ck_assert_int_eq(kzp_ctx_info(&info, base), KZP_OK);
    ck_assert_uint_eq(kzp_citation_count(base), n);
    ck_assert_uint_eq(info.citation_count, n);
    ck_assert_int_eq(citation_pos(base, "cc-115-1"), 0); /* the first in the file */
    const kzp_citation *c = (const kzp_citation *)&len, *first = NULL;
    ck_assert_int_eq(kzp_citation_at(&c, base, n), KZP_E_INVALID_ARG);
    ck_assert_ptr_eq(c, (const kzp_citation *)&len);
    ck_assert_int_eq(kzp_citation_at(NULL, base, 0), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_citation_at(&first, base, 0), KZP_OK);
    ck_assert_uint_eq(kzp_citation_count(NULL), 0);

    /* a what-if adds its own, last; a what-if of it replaces that one */
    kzp_ctx *w = NULL, *ww = NULL;
    ck_assert_int_eq(kzp_ctx_new_what_if(&w, base, 5000, NULL), KZP_OK);
    ck_assert_uint_eq(kzp_citation_count(w), n + 1);
    ck_assert_int_eq(citation_pos(w, "what-if-mci"), (long)n);
    ck_assert_int_eq(kzp_citation_at(&c, w, 0), KZP_OK);
    ck_assert_ptr_eq(c, first); /* shared with the base, not copied */
    ck_assert_int_eq(kzp_ctx_new_what_if(&ww, w, 4000, NULL), KZP_OK);
    ck_assert_uint_eq(kzp_citation_count(ww), n + 1);
    ck_assert_int_eq(kzp_citation_at(&c, ww, n), KZP_OK);
    ck_assert_ptr_nonnull(strstr(c->note, "4000"));

    /* an update adds the citations it brings; one that corrects an MCI citation keeps its place */
    kzp_ctx *y27 = NULL, *fixed = NULL;
    ck_assert_int_eq(kzp_ctx_new_with_mci(&y27, base, UPDATE_2027, strlen(UPDATE_2027), NULL), KZP_OK);
    ck_assert_uint_eq(kzp_citation_count(y27), n + 1);
    ck_assert_int_ge(citation_pos(y27, "fixture-2027"), 0);
    ck_assert_int_eq(citation_pos(y27, "cc-115-1"), 0);
    static const char upd[] = "{\"citations\": [{\"id\": \"mci-2026\", \"act\": \"corrected act\", "
                              "\"seen_in\": \"the test\", \"status\": \"statement\"}], \"periods\": []}";
    ck_assert_int_eq(kzp_ctx_new_with_mci(&fixed, base, upd, strlen(upd), NULL), KZP_OK);
    ck_assert_uint_eq(kzp_citation_count(fixed), n);
    long at = citation_pos(fixed, "mci-2026");
    ck_assert_int_eq(at, citation_pos(base, "mci-2026"));
    ck_assert_int_eq(kzp_citation_at(&c, fixed, (size_t)at), KZP_OK);
    ck_assert_str_eq(c->act, "corrected act");
    /* a what-if on the update sees the update's list */
    kzp_ctx *wy = NULL;
    ck_assert_int_eq(kzp_ctx_new_what_if(&wy, y27, 5000, NULL), KZP_OK);
    ck_assert_uint_eq(kzp_citation_count(wy), n + 2);
    ck_assert_int_ge(citation_pos(wy, "fixture-2027"), 0);
    kzp_ctx_free(wy);
    kzp_ctx_free(fixed);
    kzp_ctx_free(y27);
    kzp_ctx_free(ww);
    kzp_ctx_free(w);
}
END_TEST

/* What a context reports holding (kzp_ctx_memory, for bindings that tell their garbage collector):
 * a derived context counts only what it adds, never the base it shares. */
START_TEST(memory_held)
{
    size_t embedded = 1, full = 0, hypo = 0, update = 0;
    ck_assert_int_eq(kzp_ctx_memory(&embedded, base), KZP_OK);
    ck_assert_uint_eq(embedded, 0); /* the shared embedded context: freeing it gives nothing back */

    size_t len;
    char *text = test_read_file(KZP_SOURCE_DIR "/data/kzpenalty.json", &len);
    kzp_ctx *own = NULL, *w = NULL, *next = NULL;
    ck_assert_int_eq(kzp_ctx_new_from_buffer(&own, text, len, NULL), KZP_OK);
    ck_assert_int_eq(kzp_ctx_memory(&full, own), KZP_OK);
    ck_assert_uint_gt(full, len); /* it keeps the dataset's text, and the model built from it */

    ck_assert_int_eq(kzp_ctx_new_what_if(&w, own, 5000, NULL), KZP_OK);
    ck_assert_int_eq(kzp_ctx_memory(&hypo, w), KZP_OK);
    ck_assert_uint_gt(hypo, 0);
    ck_assert_uint_lt(hypo, full / 10);

    /* one period and one citation: a few KiB at most, not a 16 KiB arena block (as before 0.2.0) */
    ck_assert_int_eq(kzp_ctx_new_with_mci(&next, own, UPDATE_2027, strlen(UPDATE_2027), NULL), KZP_OK);
    ck_assert_int_eq(kzp_ctx_memory(&update, next), KZP_OK);
    ck_assert_uint_gt(update, hypo);
    ck_assert_uint_lt(update, 8192);

    ck_assert_int_eq(kzp_ctx_memory(NULL, w), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_ctx_memory(&update, NULL), KZP_E_INVALID_ARG);
    kzp_ctx_free(next);
    kzp_ctx_free(w);
    kzp_ctx_free(own);
    free(text);
}
END_TEST

static Suite *ctx_suite(void)
{
    Suite *s = suite_create("ctx");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, add_next_year);
    tcase_add_test(tc, replace_a_period);
    tcase_add_test(tc, replace_the_source_of_a_period);
    tcase_add_loop_test(tc, bad_update_changes_nothing, 0, (int)(sizeof BAD_UPDATES / sizeof BAD_UPDATES[0]));
    tcase_add_test(tc, null_error_pointer_is_allowed);
    tcase_add_test(tc, what_if);
    tcase_add_test(tc, derived_of_derived);
    tcase_add_test(tc, update_of_an_update);
    tcase_add_test(tc, periods_in_any_order);
    tcase_add_test(tc, update_of_a_what_if);
    tcase_add_test(tc, every_citation_listed_once);
    tcase_add_test(tc, memory_held);
    suite_add_tcase(s, tc);
    return s;
}

KZP_TEST_MAIN(ctx_suite)
