/* The dataset's structure: each edit of the shipped data/kzpenalty.json (a member set, removed, or
 * an array grown) is refused with its own code at the path of the edit, the output pointer is left
 * as it was, and kzp_dataset_validate lists the same problem first. Edits are made on the parsed
 * JSON with jansson, so a whole member can be replaced, which one text replacement cannot do. */
#include "test_util.h"

#include <jansson.h>

typedef enum op { SET, DEL, GROW } op;

typedef struct edit {
    const char *at;    /* the object or array edited, as a path under the root ("" for the root) */
    op what;           /* SET member key to value; DEL member key; GROW: append copies of element 0 */
    const char *key;   /* for SET and DEL */
    const char *value; /* JSON text for SET; for GROW, the number of copies */
    int code;
    const char *path;
} edit;

static const edit EDITS[] = {
    /* each top-level member of the wrong type, or missing */
    {"", SET, "dataset", "5", KZP_E_SCHEMA, "$.dataset"},
    {"", SET, "citations", "{}", KZP_E_SCHEMA, "$.citations"},
    {"", SET, "mci", "[]", KZP_E_SCHEMA, "$.mci"},
    {"", SET, "rules", "\"none\"", KZP_E_SCHEMA, "$.rules"},
    {"", SET, "articles", "null", KZP_E_SCHEMA, "$.articles"},
    {"", DEL, "articles", NULL, KZP_E_SCHEMA, "$.articles"},
    {"", DEL, "rules", NULL, KZP_E_SCHEMA, "$.rules"},
    /* the MCI table: at least one period, no unknown member */
    {"mci", SET, "periods", "[]", KZP_E_SCHEMA, "$.mci.periods"},
    {"mci", SET, "tenge", "4325", KZP_E_SCHEMA, "$.mci.tenge"},
    /* a language of a citation's translations that is not an object */
    {"citations[0].translations", SET, "ru", "\"ст. 115-1\"", KZP_E_SCHEMA, "$.citations[0].translations.ru"},
    /* the Art. 55 caps: the shipped 2 plus 7 copies is 9, one more than the library holds (8) */
    {"rules.half_cap", GROW, NULL, "7", KZP_E_DATA_VALUE, "$.rules.half_cap"},
    /* conversion rules: a rate of zero, a rule with no pairs, a pair twice, a kind into itself */
    {"rules.replacements[0].pairs[0].to", SET, "amount", "0", KZP_E_DATA_VALUE,
     "$.rules.replacements[0].pairs[0].to.amount"},
    {"rules.replacements[1]", SET, "pairs", "[]", KZP_E_SCHEMA, "$.rules.replacements[1].pairs"},
    {"rules.replacements[1].pairs", GROW, NULL, "1", KZP_E_DATA_DUPLICATE, "$.rules.replacements[1].pairs[1]"},
    {"rules.replacements[1].pairs[0]", SET, "to",
     "{\"kind\": \"community_service\", \"unit\": \"hours\", \"amount\": 1}", KZP_E_DATA_VALUE,
     "$.rules.replacements[1].pairs[0]"},
    /* the flags that lift an article's minimum: at least one, each a string */
    {"rules.article_min_lifted_by", SET, "flags", "[]", KZP_E_SCHEMA, "$.rules.article_min_lifted_by.flags"},
    {"rules.article_min_lifted_by", SET, "flags", "[5]", KZP_E_SCHEMA, "$.rules.article_min_lifted_by.flags[0]"},
    /* General Part bounds: a bound needs a min or a max; a max above zero; a lift needs a min */
    {"rules.general_bounds[1]", SET, "max", "0", KZP_E_DATA_VALUE, "$.rules.general_bounds[1].max"},
    {"rules.general_bounds[0]", DEL, "min", NULL, KZP_E_DATA_VALUE, "$.rules.general_bounds[0].min_lifted_by"},
    /* who may not receive a punishment: at least one group */
    {"rules.restrictions[0]", SET, "persons", "[]", KZP_E_SCHEMA, "$.rules.restrictions[0].persons"},
    /* compulsory payments: the shipped 1 plus 4 copies is 5, one more than a range lists (4) */
    {"rules.additional_payments", GROW, NULL, "4", KZP_E_DATA_VALUE, "$.rules.additional_payments"},
    /* the start of the fine's pricing rule: its citation without the date is a mistake */
    {"rules.fine_mci_day", DEL, "applies_from", NULL, KZP_E_SCHEMA, "$.rules.fine_mci_day.applies_from_citation"},
    /* the order procedure's bounds: an array, required */
    {"rules.order_procedure", SET, "bounds", "{}", KZP_E_SCHEMA, "$.rules.order_procedure.bounds"},
    {"rules.order_procedure", DEL, "bounds", NULL, KZP_E_SCHEMA, "$.rules.order_procedure.bounds"},
    /* an article: 1 to 8 alternatives; an id once */
    {"articles[0]", SET, "sanctions", "[]", KZP_E_SCHEMA, "$.articles[0].sanctions"},
    {"articles", GROW, NULL, "1", KZP_E_DATA_DUPLICATE, "$.articles[1].id"},
};

/* The value at a path such as "rules.replacements[1].pairs" under root ("" is the root). */
static json_t *at_path(json_t *root, const char *path)
{
    json_t *v = root;
    const char *p = path;
    while (*p && v) {
        if (*p == '.') {
            p++;
        }
        if (*p == '[') {
            char *end;
            unsigned long i = strtoul(p + 1, &end, 10);
            v = json_array_get(v, i);
            p = end + 1; /* past ']' */
        } else {
            size_t n = strcspn(p, ".[");
            char key[64];
            ck_assert_uint_lt(n, sizeof key);
            memcpy(key, p, n);
            key[n] = '\0';
            v = json_object_get(v, key);
            p += n;
        }
    }
    ck_assert_msg(v != NULL, "the shipped dataset has no %s", path);
    return v;
}

static char *edited_text(const edit *e)
{
    size_t len;
    char *text = test_read_file(KZP_SOURCE_DIR "/data/kzpenalty.json", &len);
    json_error_t jerr;
    json_t *root = json_loadb(text, len, 0, &jerr);
    free(text);
    ck_assert_ptr_nonnull(root);
    json_t *target = at_path(root, e->at);
    if (e->what == SET) {
        json_t *v = json_loads(e->value, JSON_DECODE_ANY, &jerr);
        ck_assert_ptr_nonnull(v);
        ck_assert_int_eq(json_object_set_new(target, e->key, v), 0);
    } else if (e->what == DEL) {
        ck_assert_int_eq(json_object_del(target, e->key), 0);
    } else {
        for (long n = strtol(e->value, NULL, 10); n > 0; n--) {
            ck_assert_int_eq(json_array_append_new(target, json_deep_copy(json_array_get(target, 0))), 0);
        }
    }
    char *out = json_dumps(root, JSON_INDENT(2));
    json_decref(root);
    ck_assert_ptr_nonnull(out);
    return out;
}

START_TEST(each_edit_is_refused_where_it_is)
{
    const edit *e = &EDITS[_i];
    char *text = edited_text(e);
    kzp_ctx *sentinel = (kzp_ctx *)&text, *out = sentinel;
    kzp_error err;
    int rc = kzp_ctx_new_from_buffer(&out, text, strlen(text), &err);
    ck_assert_msg(rc == e->code, "case %d (%s %s): got %s (%s), want %s", _i, e->at, e->key ? e->key : "",
                  kzp_status_name(rc), err.message, kzp_status_name(e->code));
    ck_assert_msg(strcmp(err.path, e->path) == 0, "case %d: path %s, want %s", _i, err.path, e->path);
    ck_assert_ptr_eq(out, sentinel);
    ck_assert_int_gt(err.line, 0);
    kzp_error list[8];
    size_t count = 0;
    ck_assert_int_eq(kzp_dataset_validate(list, 8, &count, text, strlen(text)), e->code);
    ck_assert_uint_ge(count, 1);
    ck_assert_str_eq(list[0].path, err.path);
    free(text);
}
END_TEST

/* A General Part bound with neither a min nor a max bounds nothing: refused, at its min, with a
 * message that says what it needs. */
START_TEST(bound_without_min_or_max)
{
    size_t len;
    char *text = test_read_file(KZP_SOURCE_DIR "/data/kzpenalty.json", &len);
    char *t = test_replace_once(text, "\"kind\": \"correctional_work\", \"min\": 20, \"max\": 200,",
                                "\"kind\": \"correctional_work\",", NULL);
    kzp_ctx *out = NULL;
    kzp_error err;
    ck_assert_int_eq(kzp_ctx_new_from_buffer(&out, t, strlen(t), &err), KZP_E_DATA_VALUE);
    ck_assert_str_eq(err.path, "$.rules.general_bounds[1].min");
    ck_assert_ptr_nonnull(strstr(err.message, "a min, a max or both"));
    ck_assert_ptr_null(out);
    free(t);
    free(text);
}
END_TEST

START_TEST(a_nul_byte_is_listed_by_validate)
{
    static const char text[] = "{\"schema_version\": 1,\n \"dat\0set\": {}}";
    kzp_error list[4];
    size_t count = 9;
    ck_assert_int_eq(kzp_dataset_validate(list, 4, &count, text, sizeof text - 1), KZP_E_JSON);
    ck_assert_uint_eq(count, 1);
    ck_assert_int_eq(list[0].code, KZP_E_JSON);
    ck_assert_int_eq(list[0].line, 2); /* the NUL is on the second line */
    ck_assert_ptr_nonnull(strstr(list[0].message, "NUL"));
    /* with no room for it, it is still counted */
    count = 9;
    ck_assert_int_eq(kzp_dataset_validate(NULL, 0, &count, text, sizeof text - 1), KZP_E_JSON);
    ck_assert_uint_eq(count, 1);
}
END_TEST

static Suite *structure_suite(void)
{
    Suite *s = suite_create("structure");
    TCase *tc = tcase_create("core");
    tcase_add_loop_test(tc, each_edit_is_refused_where_it_is, 0, (int)(sizeof EDITS / sizeof EDITS[0]));
    tcase_add_test(tc, bound_without_min_or_max);
    tcase_add_test(tc, a_nul_byte_is_listed_by_validate);
    suite_add_tcase(s, tc);
    return s;
}

KZP_TEST_MAIN(structure_suite)
