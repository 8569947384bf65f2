/* Loading datasets: the shipped one loads; each malformed variant fails with its own code,
 * the JSON path of the problem and its line, and leaves the output pointer untouched.
 * Each variant is the shipped data/kzpenalty.json with one text replacement, so the line
 * of the replacement is known independently of the code under test. */
#include "test_util.h"

typedef struct mutation {
    const char *find; /* replaced at its first occurrence */
    const char *replace;
    int code;
    const char *path;
    int same_line; /* the error's line is the line of the replacement */
} mutation;

static const mutation MUTATIONS[] = {
    {"\"tenge\": 3932", "\"tenge\": -3932", KZP_E_DATA_VALUE, "$.mci.periods[13].tenge", 1},
    {"\"tenge\": 1852", "\"tenge\": 0", KZP_E_DATA_VALUE, "$.mci.periods[0].tenge", 1},
    {"{ \"from\": \"2016-01-01\"", "{ \"from\": \"2014-06-01\"", KZP_E_DATA_ORDER, "$.mci.periods[2].from", 1},
    {"{ \"from\": \"2021-01-01\"", "{ \"from\": \"2020-04-01\"", KZP_E_DATA_ORDER, "$.mci.periods[8].from", 1},
    /* benefits from the same day as an "all" period: two values for benefits on 2022-01-01 */
    {"\"from\": \"2022-04-01\", \"tenge\": 3180", "\"from\": \"2022-01-01\", \"tenge\": 3180", KZP_E_DATA_ORDER,
     "$.mci.periods[10].from", 1},
    {"\"kind\": \"arrest\", \"unit\": \"days\", \"min\"", "\"kind\": \"prison\", \"unit\": \"days\", \"min\"",
     KZP_E_UNKNOWN_KIND, "$.articles[0].sanctions[3].kind", 1},
    {", \"citation\": \"mci-2019\" }", " }", KZP_E_DATA_REF, "$.mci.periods[5].citation", 1},
    {"\"citation\": \"mci-2019\" }", "\"citation\": \"mci-2099\" }", KZP_E_DATA_REF, "$.mci.periods[5].citation", 1},
    {"{ \"from\": \"2024-01-01\"", "{ \"from\": \"2024-02-30\"", KZP_E_BAD_DATE, "$.mci.periods[12].from", 1},
    {"\"schema_version\": 1", "\"schema_version\": 2", KZP_E_SCHEMA_VERSION, "$.schema_version", 1},
    {"\"tenge\": 3692", "\"tenge\": 3692.5", KZP_E_SCHEMA, "$.mci.periods[12].tenge", 1},
    {"\"tenge\": 3692", "\"tenge\": \"3692\"", KZP_E_SCHEMA, "$.mci.periods[12].tenge", 1},
    {"\"tenge\": 3932,", "\"tenge\": 3932, \"tenga\": 1,", KZP_E_SCHEMA, "$.mci.periods[13].tenga", 1},
    {"\"tenge\": 3932,", "\"tenge\": 3932, \"tenge\": 3933,", KZP_E_JSON, "$", 1},
    {"\"id\": \"mci-2017\"", "\"id\": \"mci-2016\"", KZP_E_DATA_DUPLICATE, "$.citations[28].id", 1},
    {"\"kind\": \"community_service\", \"unit\": \"hours\", \"min\"", "\"kind\": \"fine\", \"unit\": \"mci\", \"min\"",
     KZP_E_DATA_DUPLICATE, "$.articles[0].sanctions[2]", 1},
    {"\"kind\": \"arrest\", \"unit\": \"days\", \"min\"", "\"kind\": \"arrest\", \"unit\": \"hours\", \"min\"",
     KZP_E_DATA_VALUE, "$.articles[0].sanctions[3].unit", 1},
    {"\"min\": null, \"max\": 50,", "\"min\": null, \"max\": 0,", KZP_E_DATA_VALUE, "$.articles[0].sanctions[3].max",
     1},
    {"\"min\": null, \"max\": 50,", "\"min\": null, \"max\": -50,", KZP_E_DATA_VALUE, "$.articles[0].sanctions[3].max",
     1},
    {"\"min\": null, \"max\": 50,", "\"min\": null, \"max\": \"50.125\",", KZP_E_BAD_NUMBER,
     "$.articles[0].sanctions[3].max", 1},
    {"\"min\": null, \"max\": 50,", "\"min\": null, \"max\": 50.0,", KZP_E_SCHEMA, "$.articles[0].sanctions[3].max", 1},
    {"\"min\": null, \"max\": 50", "\"min\": 60, \"max\": 50", KZP_E_DATA_VALUE, "$.articles[0].sanctions[3].min", 1},
    {"\"known_until\": \"2026-12-31\"", "\"known_until\": \"2025-06-30\"", KZP_E_DATA_ORDER, "$.mci.periods[14].from",
     0},
    {"\"status\": \"official\"", "\"status\": \"certain\"", KZP_E_UNKNOWN_KIND, "$.citations[5].status", 1},
    {"\"kk\": \"Сталкинг\", ", "", KZP_E_SCHEMA, "$.articles[0].title.kk", 1},
    {"\"category\": \"criminal_offence\",\n      \"category_citation\"",
     "\"category\": \"misdemeanour\",\n      \"category_citation\"", KZP_E_UNKNOWN_KIND, "$.articles[0].category", 1},
    {"\"category\": \"criminal_offence\",\n", "\"category\": \"misdemeanour\",\n", KZP_E_UNKNOWN_KIND,
     "$.rules.general_bounds[0].category", 1},
    {"\"purpose\": \"benefits\"", "\"purpose\": \"pensions\"", KZP_E_UNKNOWN_KIND, "$.mci.periods[10].purpose", 1},
    /* the 1997 Code priced fines on the sentencing day; the library implements the 2014 Code only */
    {"\"day\": \"offence\"", "\"day\": \"sentence\"", KZP_E_UNKNOWN_KIND, "$.rules.fine_mci_day.day", 1},
    {"\"numerator\": 1, \"denominator\": 2", "\"numerator\": 2, \"denominator\": 1", KZP_E_DATA_VALUE,
     "$.rules.half_cap[0].numerator", 1},
    {"\"in_force_from\": \"2025-09-16\"", "\"in_force_from\": \"2025-09-31\"", KZP_E_BAD_DATE,
     "$.articles[0].in_force_from", 1},
    {"\"tenge\": 1852", "\"tenge\": 99999999999999999999", KZP_E_JSON, "$", 1},
    {"\"citation\": \"cc-115-1\" }", "\"citation\": \"\" }", KZP_E_DATA_REF, "$.articles[0].sanctions[0].citation", 1},
    {"\"citation\": \"cc-115-1\",\n      \"sanctions\"", "\"sanctions\"", KZP_E_DATA_REF, "$.articles[0].citation", 0},
    {"\"amount\": 4 }", "\"amount\": 4.5 }", KZP_E_SCHEMA, "$.rules.equivalence.one_day_of_arrest[1].amount", 1},
    {"\"unit\": \"hours\", \"amount\": 4", "\"unit\": \"days\", \"amount\": 4", KZP_E_DATA_VALUE,
     "$.rules.equivalence.one_day_of_arrest[3].unit", 1},
    {"\"verified_on\": \"2026-11-30\"", "\"verified_on\": \"30.11.2026\"", KZP_E_BAD_DATE, "$.dataset.verified_on", 1},
    {"\"seen_in\": \"gov.kz\"", "\"seen_in\": \"\"", KZP_E_SCHEMA, "$.citations[37].seen_in", 1},
    {"\"id\": \"115-1\"", "\"id\": 1151", KZP_E_SCHEMA, "$.articles[0].id", 1},
    {"\"sanctions\": [", "\"sanctions\": [], \"x\": [", KZP_E_SCHEMA, "$.articles[0].x", 1},
    {"\"schema_version\": 1,", "", KZP_E_SCHEMA, "$.schema_version", 0},
    {"\"seen_in\": \"gov.kz\"", "\"seen_in\": \"gov.kz\\n\\u0001\"", KZP_E_SCHEMA, "$.citations[37].seen_in", 1},
    /* a wrong JSON type for each kind of member, named in the message */
    {"{ \"from\": \"2019-01-01\", \"tenge\": 2525, \"purpose\": \"all\", \"citation\": \"mci-2019\" }", "[2019, 2525]",
     KZP_E_SCHEMA, "$.mci.periods[5]", 1},
    {"{ \"flags\": [\"mitigated\", \"accelerated\"], \"citation\": \"cc-55-6\" }", "\"mitigated\"", KZP_E_SCHEMA,
     "$.rules.article_min_lifted_by", 1},
    {"\"citation\": \"mci-2019\" }", "\"citation\": 2019 }", KZP_E_SCHEMA, "$.mci.periods[5].citation", 1},
    {"\"citation\": \"mci-2019\" }", "\"citation\": null }", KZP_E_DATA_REF, "$.mci.periods[5].citation", 1},
    {"\"tenge\": 4325", "\"tenge\": 1000000001", KZP_E_DATA_VALUE, "$.mci.periods[14].tenge", 1},
    {"\"min\": null, \"max\": 50", "\"min\": \"many\", \"max\": 50", KZP_E_BAD_NUMBER, "$.articles[0].sanctions[3].min",
     1},
    {"\"min\": null, \"max\": 50", "\"min\": true, \"max\": 50", KZP_E_SCHEMA, "$.articles[0].sanctions[3].min", 1},
    {"\"min\": null, \"max\": 50", "\"min\": null, \"max\": null", KZP_E_SCHEMA, "$.articles[0].sanctions[3].max", 1},
    {"\"min\": null, \"max\": 50,", "\"min\": null, \"max\": 92233720368547759,", KZP_E_OVERFLOW,
     "$.articles[0].sanctions[3].max", 1},
    {"{ \"kind\": \"arrest\", \"unit\": \"days\", \"min\": null, \"max\": 50, \"citation\": \"cc-115-1\" }", "null",
     KZP_E_SCHEMA, "$.articles[0].sanctions[3]", 1},
    {"{ \"ru\": \"Сталкинг\", \"kk\": \"Сталкинг\", \"en\": \"Stalking\" }", "[\"Сталкинг\"]", KZP_E_SCHEMA,
     "$.articles[0].title", 1},
    {"\"ru\": { \"act\":", "\"de\": { \"act\":", KZP_E_SCHEMA, "$.citations[0].translations.de", 1},
    {"\"ru\": { \"act\": \"Уголовный кодекс Республики Казахстан от 3 июля 2014 года № 226-V\"",
     "\"ru\": { \"act\": 226", KZP_E_SCHEMA, "$.citations[0].translations.ru.act", 1},
    {"\"reference\": \"Art. 115-1\"", "\"reference\": \"Art.\\u007f115-1\"", KZP_E_SCHEMA, "$.citations[0].reference",
     1},
    /* the Art. 61 equivalence: each kind once, a whole positive number of units */
    {"\"unit\": \"mci\", \"amount\": 4 },\n        { \"kind\": \"correctional_work\"",
     "\"unit\": \"mci\", \"amount\": 0 },\n        { \"kind\": \"correctional_work\"", KZP_E_DATA_VALUE,
     "$.rules.equivalence.one_day_of_arrest[1].amount", 1},
    {"{ \"kind\": \"correctional_work\", \"unit\": \"mci\", \"amount\": 4 }",
     "{ \"kind\": \"fine\", \"unit\": \"mci\", \"amount\": 4 }", KZP_E_DATA_DUPLICATE,
     "$.rules.equivalence.one_day_of_arrest[2].kind", 1},
    {"{ \"kind\": \"arrest\", \"unit\": \"days\", \"amount\": 1 }", "\"arrest\"", KZP_E_SCHEMA,
     "$.rules.equivalence.one_day_of_arrest[0]", 1},
    /* the Art. 55 caps: a fraction below one, at most one cap per flag and category */
    {"\"numerator\": 1, \"denominator\": 2", "\"numerator\": 0, \"denominator\": 2", KZP_E_DATA_VALUE,
     "$.rules.half_cap[0].numerator", 1},
    {"\"numerator\": 1, \"denominator\": 2", "\"numerator\": 1, \"denominator\": 2000", KZP_E_DATA_VALUE,
     "$.rules.half_cap[0].numerator", 1},
    {"\"flag\": \"accelerated\"", "\"flag\": \"mitigated\"", KZP_E_DATA_DUPLICATE, "$.rules.half_cap[1]", 1},
    {"\"flag\": \"accelerated\"", "\"flag\": \"pardoned\"", KZP_E_UNKNOWN_KIND, "$.rules.half_cap[1].flag", 1},
    {"{ \"id\": \"art-55-3\",", "{ \"id\": 553,", KZP_E_SCHEMA, "$.rules.half_cap[1].id", 1},
    /* a fines-only period starting with an "all" one: two values for fines that day */
    {"\"from\": \"2022-04-01\", \"tenge\": 3180, \"purpose\": \"benefits\"",
     "\"from\": \"2022-01-01\", \"tenge\": 3180, \"purpose\": \"fines\"", KZP_E_DATA_ORDER, "$.mci.periods[10].from",
     1},
    /* General Part bounds: min not above max, one entry per kind and category, known kinds and flags */
    {"\"kind\": \"correctional_work\", \"min\": 20, \"max\": 200",
     "\"kind\": \"correctional_work\", \"min\": 300, \"max\": 200", KZP_E_DATA_VALUE, "$.rules.general_bounds[1].min",
     1},
    {"\"kind\": \"arrest\", \"min\": 10", "\"kind\": \"correctional_work\", \"min\": 10", KZP_E_DATA_DUPLICATE,
     "$.rules.general_bounds[3].kind", 1},
    {"\"kind\": \"arrest\", \"min\": 10", "\"kind\": \"prison\", \"min\": 10", KZP_E_UNKNOWN_KIND,
     "$.rules.general_bounds[3].kind", 1},
    {"\"flags\": [\"mitigated\", \"accelerated\"], \"citation\": \"cc-41-7\"",
     "\"flags\": [\"mitigated\", \"pardoned\"], \"citation\": \"cc-41-7\"", KZP_E_UNKNOWN_KIND,
     "$.rules.general_bounds[0].min_lifted_by.flags[1]", 1},
    {"\"flags\": [\"mitigated\", \"accelerated\"], \"citation\": \"cc-41-7\"",
     "\"flags\": [\"mitigated\", \"mitigated\"], \"citation\": \"cc-41-7\"", KZP_E_DATA_DUPLICATE,
     "$.rules.general_bounds[0].min_lifted_by.flags[1]", 1},
    {"\"max_per_day\": 4,", "\"max_per_day\": 0,", KZP_E_DATA_VALUE, "$.rules.general_bounds[2].max_per_day", 1},
    /* restrictions: every person in three languages, one list per kind */
    {"{ \"en\": \"pregnant women\", \"ru\": \"беременным женщинам\", \"kk\": \"жүкті әйелдерге\" }",
     "{ \"en\": \"pregnant women\", \"ru\": \"беременным женщинам\" }", KZP_E_SCHEMA,
     "$.rules.restrictions[1].persons[0].kk", 1},
    {"\"kind\": \"correctional_work\",\n        \"persons\"", "\"kind\": \"arrest\",\n        \"persons\"",
     KZP_E_DATA_DUPLICATE, "$.rules.restrictions[2].kind", 0},
    /* the order procedure: its bounds and the citation for its kinds */
    {"\"kind\": \"fine\", \"min\": 10, \"max\": 20", "\"kind\": \"fine\", \"min\": 30, \"max\": 20", KZP_E_DATA_VALUE,
     "$.rules.order_procedure.bounds[0].min", 1},
    {"\"kinds_citation\": \"sc-17-2018-order\"", "\"kinds_citation\": \"sc-17\"", KZP_E_DATA_REF,
     "$.rules.order_procedure.kinds_citation", 1},
    /* conversion rules: known words, aggregation only in the equivalence, each rule once, units of the kind */
    {"\"rule\": \"unpaid-fine\"", "\"rule\": \"forgiven\"", KZP_E_UNKNOWN_KIND, "$.rules.replacements[0].rule", 1},
    {"\"rule\": \"evaded-service\"", "\"rule\": \"aggregation\"", KZP_E_DATA_VALUE, "$.rules.replacements[1].rule", 1},
    {"\"rule\": \"evaded-service\"", "\"rule\": \"unpaid-fine\"", KZP_E_DATA_DUPLICATE, "$.rules.replacements[1].rule",
     1},
    {"{ \"from\": { \"kind\": \"fine\", \"unit\": \"mci\", \"amount\": 1 }",
     "{ \"from\": { \"kind\": \"fine\", \"unit\": \"hours\", \"amount\": 1 }", KZP_E_DATA_VALUE,
     "$.rules.replacements[0].pairs[0].from.unit", 1},
    /* the payment, the start of the pricing rule, and the rule correctional work needs */
    {"\"mci\": 5,", "\"mci\": 0,", KZP_E_DATA_VALUE, "$.rules.additional_payments[0].mci", 1},
    {"\"applies_from\": \"2015-01-01\"", "\"applies_from\": \"2015-02-30\"", KZP_E_BAD_DATE,
     "$.rules.fine_mci_day.applies_from", 1},
    {"\"correctional_work_mci_day\": { \"day\": \"offence\", \"citation\": \"cc-42-1\" },\n", "", KZP_E_DATA_REF,
     "$.articles[0].sanctions[1].kind", 0},
    /* a key with a quote: its path escapes it, and its line is found (it was the root's once) */
    {"\"schema_version\": 1,", "\"schema_version\": 1, \"a\\\"b\": 0,", KZP_E_SCHEMA, "$[\"a\\\"b\"]", 1},
    /* a key a dotted path cannot carry is named in brackets, not mistaken for $.mci.periods[3] */
    {"\"schema_version\": 1,", "\"schema_version\": 1, \"mci.periods[3]\": 0,", KZP_E_SCHEMA, "$[\"mci.periods[3]\"]",
     1},
};

static char *base_text;
static size_t base_len;

static void setup(void)
{
    base_text = test_read_file(KZP_SOURCE_DIR "/data/kzpenalty.json", &base_len);
}
static void teardown(void)
{
    free(base_text);
}

/* The base text with the first occurrence of find replaced; *line = its line (1-based). */
static char *mutate(const mutation *m, int *line)
{
    return test_replace_once(base_text, m->find, m->replace, line);
}

START_TEST(shipped_dataset_loads)
{
    kzp_ctx *ctx = NULL;
    kzp_error err;
    ck_assert_msg(kzp_ctx_new_from_buffer(&ctx, base_text, base_len, &err) == KZP_OK, "%s", err.message);
    kzp_dataset_info info;
    ck_assert_int_eq(kzp_ctx_info(&info, ctx), KZP_OK);
    ck_assert_str_eq(info.id, "kz-criminal-code");
    ck_assert_int_eq(info.schema_version, 1);
    ck_assert_str_eq(info.mci_known_until, "2026-12-31");
    kzp_ctx_free(ctx);
}
END_TEST

START_TEST(malformed_dataset)
{
    const mutation *m = &MUTATIONS[_i];
    int line;
    char *text = mutate(m, &line);
    kzp_ctx *sentinel = (kzp_ctx *)&line, *out = sentinel;
    kzp_error err;
    int rc = kzp_ctx_new_from_buffer(&out, text, strlen(text), &err);
    ck_assert_msg(rc == m->code, "case %d (%s): got %s (%s), want %s", _i, m->replace, kzp_status_name(rc), err.message,
                  kzp_status_name(m->code));
    ck_assert_int_eq(err.code, m->code);
    ck_assert_msg(strcmp(err.path, m->path) == 0, "case %d: path %s, want %s", _i, err.path, m->path);
    ck_assert_ptr_eq(out, sentinel);
    ck_assert(strlen(err.message) > 10);
    ck_assert_int_gt(err.line, 0);
    ck_assert_int_gt(err.column, 0);
    if (m->same_line) {
        ck_assert_msg(err.line == line, "case %d: line %d, want %d", _i, err.line, line);
    }
    /* validating the same text lists that problem first, with the same code, path and line,
     * and goes on through the rest of the file without inventing others */
    kzp_error list[16];
    size_t count = 0;
    rc = kzp_dataset_validate(list, 16, &count, text, strlen(text));
    ck_assert_msg(rc == m->code, "case %d: validate gave %s", _i, kzp_status_name(rc));
    /* one problem; or, when the broken thing was a citation, also the first reference to it */
    ck_assert_msg(count == 1 ||
                      (count == 2 && strncmp(err.path, "$.citations[", 12) == 0 && list[1].code == KZP_E_DATA_REF),
                  "case %d: %zu problems: %s", _i, count, list[count > 1].message);
    ck_assert_int_eq(list[0].code, m->code);
    ck_assert_str_eq(list[0].path, err.path);
    ck_assert_int_eq(list[0].line, err.line);
    free(text);
}
END_TEST

START_TEST(broken_json_and_odd_roots)
{
    kzp_ctx *out = NULL;
    kzp_error err;
    /* cut in the middle: not well formed */
    ck_assert_int_eq(kzp_ctx_new_from_buffer(&out, base_text, base_len / 2, &err), KZP_E_JSON);
    ck_assert_int_gt(err.line, 1);
    ck_assert_int_eq(kzp_ctx_new_from_buffer(&out, "", 0, &err), KZP_E_JSON);
    ck_assert_int_eq(kzp_ctx_new_from_buffer(&out, NULL, 0, &err), KZP_E_JSON);
    ck_assert_int_eq(kzp_ctx_new_from_buffer(&out, "[]", 2, &err), KZP_E_SCHEMA);
    ck_assert_str_eq(err.path, "$");
    ck_assert_int_eq(kzp_ctx_new_from_buffer(&out, "{}", 2, &err), KZP_E_SCHEMA);
    ck_assert_str_eq(err.path, "$.schema_version");
    /* a NUL inside the buffer is not JSON */
    ck_assert_int_eq(kzp_ctx_new_from_buffer(&out, "{\0}", 3, &err), KZP_E_JSON);
    ck_assert_int_eq(kzp_ctx_new_from_buffer(NULL, "{}", 2, &err), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_ctx_new_from_buffer(&out, NULL, 5, &err), KZP_E_INVALID_ARG);
    ck_assert_ptr_null(out);
}
END_TEST

/* True if s is valid UTF-8. */
static bool valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int n = *p < 0x80 ? 1 : (*p >> 5) == 0x6 ? 2 : (*p >> 4) == 0xE ? 3 : (*p >> 3) == 0x1E ? 4 : 0;
        if (n == 0) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            if ((p[i] & 0xC0) != 0x80) {
                return false;
            }
        }
        p += n;
    }
    return true;
}

START_TEST(positions_are_bytes_and_text_stays_utf8)
{
    kzp_ctx *out = NULL;
    kzp_error ascii, cyr;
    /* the same syntax error after an 8-letter word in Latin and in Cyrillic (2 bytes a letter):
     * the byte column differs by 8 */
    static const char a[] = "{\"a\": \"Stalking\" x}";
    static const char c[] = "{\"a\": \"Сталкинг\" x}";
    ck_assert_int_eq(kzp_ctx_new_from_buffer(&out, a, strlen(a), &ascii), KZP_E_JSON);
    ck_assert_int_eq(kzp_ctx_new_from_buffer(&out, c, strlen(c), &cyr), KZP_E_JSON);
    ck_assert_int_eq(cyr.line, 1);
    ck_assert_int_eq(cyr.column, ascii.column + 8);
    /* an unknown key of 100 Cyrillic letters: the path is cut, but never inside a character */
    char big[512] = "{\"";
    for (int i = 0; i < 100; i++) {
        strcat(big, "Ж");
    }
    strcat(big, "\": 1}");
    ck_assert_int_eq(kzp_ctx_new_from_buffer(&out, big, strlen(big), &cyr), KZP_E_SCHEMA);
    ck_assert(valid_utf8(cyr.path));
    ck_assert(valid_utf8(cyr.message));
    /* a malformed date with invalid bytes is echoed without them */
    ck_assert_int_eq(kzp_date_check("2026-\xD0-10", &cyr), KZP_E_BAD_DATE);
    ck_assert(valid_utf8(cyr.message));
    ck_assert_ptr_null(out);
}
END_TEST

/* Strict mode must see an unverified fact even when a hypothetical one (a what-if MCI) is
 * weaker still, and must look at every rule a result used. */
START_TEST(strict_sees_every_unverified_fact)
{
    kzp_ctx *ctx = NULL, *w = NULL;
    kzp_error err;
    /* the article's citation (the first "statement") made unverified */
    const mutation article = {"\"status\": \"statement\"", "\"status\": \"unverified\"", 0, "", 0};
    int line;
    char *text = mutate(&article, &line);
    ck_assert_int_eq(kzp_ctx_new_from_buffer(&ctx, text, strlen(text), &err), KZP_OK);
    ck_assert_int_eq(kzp_ctx_new_what_if(&w, ctx, 5000, &err), KZP_OK);
    kzp_range r;
    ck_assert_int_eq(kzp_range_get(&r, w, "115-1", "2026-02-10", 0, &err), KZP_OK);
    ck_assert_int_eq(r.certainty, KZP_CERT_HYPOTHETICAL);
    ck_assert_int_eq(kzp_range_get(&r, w, "115-1", "2026-02-10", KZP_Q_STRICT, &err), KZP_E_UNVERIFIED);
    kzp_ctx_free(w);
    kzp_ctx_free(ctx);
    free(text);
    /* Art. 41 part 1 (the first "official") made unverified: a strict fine refuses */
    const mutation rule = {"\"status\": \"official\"", "\"status\": \"unverified\"", 0, "", 0};
    text = mutate(&rule, &line);
    ck_assert_int_eq(kzp_ctx_new_from_buffer(&ctx, text, strlen(text), &err), KZP_OK);
    kzp_fine f;
    ck_assert_int_eq(kzp_fine_compute(&f, ctx, "2026-02-10", kzp_hundredths(100), 0, &err), KZP_OK);
    ck_assert_int_eq(f.certainty, KZP_CERT_UNVERIFIED);
    ck_assert_int_eq(kzp_fine_compute(&f, ctx, "2026-02-10", kzp_hundredths(100), KZP_Q_STRICT, &err),
                     KZP_E_UNVERIFIED);
    kzp_ctx_free(ctx);
    free(text);
}
END_TEST

START_TEST(validate_lists_every_problem)
{
    /* Three independent problems in three entries: a negative MCI (periods[13]), an unknown
     * status (citations[5]) and a zero maximum (sanctions[3]); all are reported, in document order. */
    const mutation three[] = {
        {"\"tenge\": 3932", "\"tenge\": -3932", 0, "", 0},
        {"\"status\": \"official\"", "\"status\": \"certain\"", 0, "", 0},
        {"\"min\": null, \"max\": 50,", "\"min\": null, \"max\": 0,", 0, "", 0},
    };
    char *saved = base_text;
    size_t saved_len = base_len;
    char *texts[3];
    int line;
    for (int i = 0; i < 3; i++) {
        texts[i] = mutate(&three[i], &line);
        base_text = texts[i];
        base_len = strlen(texts[i]);
    }
    kzp_error errs[8];
    size_t count = 0;
    ck_assert_int_eq(kzp_dataset_validate(errs, 8, &count, base_text, base_len), KZP_E_UNKNOWN_KIND);
    /* cc-41-1's status is unknown, so Art. 41's rule cannot cite it: one follow-on problem */
    ck_assert_uint_eq(count, 4);
    ck_assert_str_eq(errs[0].path, "$.citations[5].status");
    ck_assert_int_eq(errs[0].code, KZP_E_UNKNOWN_KIND);
    ck_assert_str_eq(errs[1].path, "$.mci.periods[13].tenge");
    ck_assert_int_eq(errs[1].code, KZP_E_DATA_VALUE);
    ck_assert_str_eq(errs[2].path, "$.rules.fine_mci_day.citation");
    ck_assert_int_eq(errs[2].code, KZP_E_DATA_REF);
    ck_assert_str_eq(errs[3].path, "$.articles[0].sanctions[3].max");
    ck_assert_int_eq(errs[3].code, KZP_E_DATA_VALUE);
    for (int i = 0; i < 4; i++) {
        ck_assert_int_gt(errs[i].line, 0);
    }
    /* a smaller array: the count still says how many there are */
    kzp_error one[1];
    ck_assert_int_eq(kzp_dataset_validate(one, 1, &count, base_text, base_len), KZP_E_UNKNOWN_KIND);
    ck_assert_uint_eq(count, 4);
    ck_assert_str_eq(one[0].path, "$.citations[5].status");
    ck_assert_int_eq(kzp_dataset_validate(NULL, 0, &count, base_text, base_len), KZP_E_UNKNOWN_KIND);
    ck_assert_uint_eq(count, 4);
    for (int i = 0; i < 3; i++) {
        free(texts[i]);
    }
    base_text = saved;
    base_len = saved_len;
    /* the shipped dataset has no problem; broken JSON has exactly one */
    ck_assert_int_eq(kzp_dataset_validate(errs, 8, &count, base_text, base_len), KZP_OK);
    ck_assert_uint_eq(count, 0);
    ck_assert_int_eq(kzp_dataset_validate(errs, 8, &count, base_text, base_len / 2), KZP_E_JSON);
    ck_assert_uint_eq(count, 1);
    ck_assert_int_gt(errs[0].line, 1);
    ck_assert_int_eq(kzp_dataset_validate(errs, 8, NULL, base_text, base_len), KZP_E_INVALID_ARG);
    ck_assert_int_eq(kzp_dataset_validate(NULL, 3, &count, base_text, base_len), KZP_E_INVALID_ARG);
}
END_TEST

START_TEST(long_text_and_inexact_rates)
{
    /* A note longer than one arena block (16 KiB) is kept whole. */
    size_t len;
    char *text = test_read_file(KZP_SOURCE_DIR "/docs/examples/dataset-minimal.json", &len);
    const char *at = strstr(text, "\"note\": \"4,325 tenge from 2026-01-01.\"");
    ck_assert_ptr_nonnull(at);
    size_t pre = (size_t)(at - text), big = 20000;
    char *longer = malloc(len + big + 64);
    memcpy(longer, text, pre);
    size_t o = pre + (size_t)sprintf(longer + pre, "\"note\": \"");
    memset(longer + o, 'x', big);
    o += big;
    strcpy(longer + o, at + strlen("\"note\": \"4,325 tenge from 2026-01-01."));
    kzp_ctx *ctx = NULL;
    kzp_error err;
    ck_assert_msg(kzp_ctx_new_from_buffer(&ctx, longer, strlen(longer), &err) == KZP_OK, "%s", err.message);
    kzp_mci m;
    ck_assert_int_eq(kzp_mci_on(&m, ctx, "2026-02-10", KZP_PURPOSE_FINES, 0, NULL), KZP_OK);
    ck_assert_uint_eq(strlen(m.citation->note), big);
    kzp_ctx_free(ctx);
    free(longer);
    free(text);

    /* Rates of 3 hours a day against 4 MCI a day: 2 MCI is 1.5 hours... of which 1 whole hour is
     * 4/3 MCI, leaving 2/3 MCI, not a whole number of hundredths: refused, never rounded. */
    text = test_read_file(KZP_SOURCE_DIR "/data/kzpenalty.json", &len);
    char *hours = strstr(text, "\"unit\": \"hours\", \"amount\": 4");
    ck_assert_ptr_nonnull(hours);
    hours[strlen("\"unit\": \"hours\", \"amount\": ")] = '3';
    ck_assert_int_eq(kzp_ctx_new_from_buffer(&ctx, text, len, &err), KZP_OK);
    kzp_conversion c = {.whole = 7};
    ck_assert_int_eq(kzp_convert(&c, ctx, KZP_KIND_FINE, kzp_hundredths(200), KZP_KIND_COMMUNITY_SERVICE, &err),
                     KZP_E_NO_RULE);
    ck_assert_int_eq(c.whole, 7);
    /* 4 MCI is exactly 3 hours under those rates */
    ck_assert_int_eq(kzp_convert(&c, ctx, KZP_KIND_FINE, kzp_hundredths(400), KZP_KIND_COMMUNITY_SERVICE, &err),
                     KZP_OK);
    ck_assert_int_eq(c.whole, 3);
    ck_assert_int_eq(c.exact, 1);
    kzp_ctx_free(ctx);
    free(text);
}
END_TEST

START_TEST(files)
{
    kzp_ctx *a = NULL, *b = NULL;
    kzp_error err;
    ck_assert_int_eq(kzp_ctx_new_from_file(&a, KZP_SOURCE_DIR "/data/kzpenalty.json", &err), KZP_OK);
    ck_assert_int_eq(kzp_ctx_new(&b, &err), KZP_OK);
    kzp_dataset_info ia, ib;
    kzp_ctx_info(&ia, a);
    kzp_ctx_info(&ib, b);
    /* the embedded dataset is the file, byte for byte: the same fingerprint */
    ck_assert_str_eq(ia.fingerprint, ib.fingerprint);
    ck_assert_uint_eq(strlen(ia.fingerprint), 16);
    kzp_ctx_free(a);
    kzp_ctx_free(b);
    kzp_ctx *out = NULL;
    ck_assert_int_eq(kzp_ctx_new_from_file(&out, KZP_SOURCE_DIR "/no/such/file.json", &err), KZP_E_IO);
    ck_assert_ptr_nonnull(strstr(err.message, "no/such/file.json"));
    ck_assert_int_eq(kzp_ctx_new_from_file(&out, KZP_SOURCE_DIR "/data", &err), KZP_E_IO); /* a directory */
    ck_assert_int_eq(kzp_ctx_new_from_file(&out, NULL, &err), KZP_E_INVALID_ARG);
    ck_assert_ptr_null(out);
    kzp_ctx_free(NULL); /* a no-op */
}
END_TEST

START_TEST(documented_example_loads)
{
    /* docs/examples/dataset-minimal.json: one period of 4,325 and a fine of up to 200 MCI.
     * 200 x 4,325 = 865,000 tenge. */
    kzp_ctx *ctx = NULL;
    kzp_error err;
    ck_assert_msg(kzp_ctx_new_from_file(&ctx, KZP_SOURCE_DIR "/docs/examples/dataset-minimal.json", &err) == KZP_OK,
                  "%s", err.message);
    kzp_range r;
    ck_assert_int_eq(kzp_range_get(&r, ctx, "115-1", "2026-02-10", 0, NULL), KZP_OK);
    ck_assert_uint_eq(r.sanction_count, 1);
    ck_assert_int_eq(r.sanctions[0].max.tiyn, 86500000);
    /* no equivalence or cap rules in it: those questions have no answer */
    kzp_conversion c;
    ck_assert_int_eq(kzp_convert(&c, ctx, KZP_KIND_FINE, kzp_hundredths(100), KZP_KIND_ARREST, NULL), KZP_E_NO_RULE);
    ck_assert_int_eq(kzp_range_get(&r, ctx, "115-1", "2026-02-10", KZP_Q_MITIGATED, NULL), KZP_E_NO_RULE);
    kzp_ctx_free(ctx);
}
END_TEST

static Suite *dataset_suite(void)
{
    Suite *s = suite_create("dataset");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, shipped_dataset_loads);
    tcase_add_loop_test(tc, malformed_dataset, 0, (int)(sizeof MUTATIONS / sizeof MUTATIONS[0]));
    tcase_add_test(tc, broken_json_and_odd_roots);
    tcase_add_test(tc, files);
    tcase_add_test(tc, documented_example_loads);
    tcase_add_test(tc, positions_are_bytes_and_text_stays_utf8);
    tcase_add_test(tc, strict_sees_every_unverified_fact);
    tcase_add_test(tc, validate_lists_every_problem);
    tcase_add_test(tc, long_text_and_inexact_rates);
    suite_add_tcase(s, tc);
    return s;
}

KZP_TEST_MAIN(dataset_suite)
