/* Runs the shared cases of tests/vectors/ (the corpus every binding runs too) against the C
 * library. A case names its question and either the expected values or the expected error;
 * an unknown field in a case fails the test, so a typo cannot pass silently. */
#include "test_util.h"

#include <jansson.h>

static kzp_ctx *base;
static json_t *cases;

static void setup(void)
{
    base = test_ctx();
    json_error_t jerr;
    cases = json_load_file(KZP_SOURCE_DIR "/tests/vectors/core.json", JSON_REJECT_DUPLICATES, &jerr);
    ck_assert_msg(cases != NULL, "core.json: %s", jerr.text);
}

static void teardown(void)
{
    json_decref(cases);
    kzp_ctx_free(base);
}

static const char *str(const json_t *c, const char *key)
{
    return json_string_value(json_object_get(c, key));
}

static bool flag(const json_t *c, const char *key)
{
    return json_is_true(json_object_get(c, key));
}

static int64_t centi_of(const json_t *v, const char *what)
{
    kzp_qty n;
    ck_assert_msg(json_is_string(v), "%s must be a decimal string", what);
    ck_assert_msg(kzp_qty_parse(&n, json_string_value(v), NULL) == KZP_OK, "%s: bad decimal", what);
    return n.centi;
}

/* Compare one expected field; returns false if the key is not one this op knows. */
typedef struct results {
    const char *op;
    kzp_mci mci;
    kzp_fine fine;
    kzp_range range;
    kzp_check check;
    kzp_conversion conv;
} results;

static int certainty_of(const results *r)
{
    if (strcmp(r->op, "mci") == 0)
        return r->mci.certainty;
    if (strcmp(r->op, "fine") == 0)
        return r->fine.certainty;
    if (strcmp(r->op, "range") == 0)
        return r->range.certainty;
    return r->conv.certainty;
}

/* A citation id or null (for "none"). */
static void expect_citation(const char *name, const char *what, const kzp_citation *got, const json_t *want)
{
    if (json_is_null(want)) {
        ck_assert_msg(got == NULL, "%s: %s should be null, is %s", name, what, got ? got->id : "");
    } else {
        ck_assert_msg(got && strcmp(got->id, json_string_value(want)) == 0, "%s: %s is %s", name, what,
                      got ? got->id : "null");
    }
}

static bool expect_bound(const char *name, const char *key, const char *prefix, const kzp_bound *b,
                         const kzp_sanction *s, const json_t *v)
{
    size_t n = strlen(prefix);
    if (strncmp(key, prefix, n) != 0) {
        return false;
    }
    const char *rest = key + n;
    if (*rest == '\0') {
        ck_assert_msg(b->set == !json_is_null(v), "%s: %s set", name, key);
        if (!json_is_null(v)) {
            ck_assert_msg(b->centi == centi_of(v, key), "%s: %s is %lld", name, key, (long long)b->centi);
        }
    } else if (strcmp(rest, "_tiyn") == 0) {
        ck_assert_msg(s->has_tiyn && b->set, "%s: %s needs a priced bound", name, key);
        ck_assert_msg(b->tiyn == json_integer_value(v), "%s: %s is %lld", name, key, (long long)b->tiyn);
    } else if (strcmp(rest, "_source") == 0) {
        ck_assert_msg(strcmp(kzp_bound_source_name(b->source), json_string_value(v)) == 0, "%s: %s is %s", name, key,
                      kzp_bound_source_name(b->source));
    } else if (strcmp(rest, "_citation") == 0) {
        expect_citation(name, key, b->citation, v);
    } else {
        return false;
    }
    return true;
}

static void expect_sanctions(const char *name, const kzp_range *r, const json_t *want)
{
    ck_assert_msg(json_array_size(want) == r->sanction_count, "%s: sanction count %zu", name, r->sanction_count);
    for (size_t i = 0; i < r->sanction_count; i++) {
        const json_t *w = json_array_get(want, i);
        const kzp_sanction *s = &r->sanctions[i];
        const char *key;
        json_t *v;
        json_object_foreach((json_t *)w, key, v)
        {
            if (strcmp(key, "kind") == 0) {
                ck_assert_str_eq(kzp_kind_name(s->kind), json_string_value(v));
            } else if (strcmp(key, "unit") == 0) {
                ck_assert_str_eq(kzp_unit_name(s->unit), json_string_value(v));
            } else if (strcmp(key, "min_lifted_by") == 0) {
                expect_citation(name, key, s->min_lifted_by, v);
            } else if (!expect_bound(name, key, "min", &s->min, s, v) &&
                       !expect_bound(name, key, "max", &s->max, s, v)) {
                ck_abort_msg("%s: unknown sanction field %s", name, key);
            }
        }
    }
}

static void expect_payments(const char *name, const kzp_range *r, const json_t *want)
{
    ck_assert_msg(json_array_size(want) == r->payment_count, "%s: payment count %zu", name, r->payment_count);
    for (size_t i = 0; i < r->payment_count; i++) {
        const json_t *w = json_array_get(want, i);
        const kzp_payment *p = &r->payments[i];
        const char *key;
        json_t *v;
        json_object_foreach((json_t *)w, key, v)
        {
            if (strcmp(key, "id") == 0) {
                ck_assert_str_eq(p->id, json_string_value(v));
            } else if (strcmp(key, "mci") == 0) {
                ck_assert_int_eq(p->mci_centi, centi_of(v, "mci"));
            } else if (strcmp(key, "priced") == 0) {
                ck_assert_int_eq(p->priced, json_is_true(v));
            } else if (strcmp(key, "amount_tiyn") == 0) {
                ck_assert_msg(json_is_null(v) ? !p->priced : p->tiyn == json_integer_value(v), "%s: payment %lld", name,
                              (long long)p->tiyn);
            } else if (strcmp(key, "certainty") == 0) {
                ck_assert_str_eq(kzp_certainty_name(p->certainty), json_string_value(v));
            } else {
                ck_abort_msg("%s: unknown payment field %s", name, key);
            }
        }
    }
}

static void expect_omitted(const char *name, const kzp_range *r, const json_t *want)
{
    ck_assert_msg(json_array_size(want) == r->omitted_count, "%s: omitted count %zu", name, r->omitted_count);
    for (size_t i = 0; i < r->omitted_count; i++) {
        ck_assert_str_eq(kzp_kind_name(r->omitted_kinds[i]), json_string_value(json_array_get(want, i)));
    }
}

static void expect_field(const char *name, const results *r, const char *key, const json_t *v)
{
    const char *op = r->op;
    bool is_mci = strcmp(op, "mci") == 0, is_fine = strcmp(op, "fine") == 0, is_range = strcmp(op, "range") == 0;
    bool is_check = strcmp(op, "check") == 0, is_conv = strcmp(op, "convert") == 0;
    if (strcmp(key, "certainty") == 0 && !is_check) {
        ck_assert_msg(strcmp(kzp_certainty_name(certainty_of(r)), json_string_value(v)) == 0, "%s: certainty %s", name,
                      kzp_certainty_name(certainty_of(r)));
    } else if (is_mci && strcmp(key, "tenge") == 0) {
        ck_assert_int_eq(r->mci.tenge, json_integer_value(v));
    } else if (is_mci && strcmp(key, "from") == 0) {
        ck_assert_str_eq(r->mci.from, json_string_value(v));
    } else if (is_mci && strcmp(key, "stale") == 0) {
        ck_assert_int_eq(r->mci.stale, json_is_true(v));
    } else if (is_fine && strcmp(key, "amount_tiyn") == 0) {
        ck_assert_msg(r->fine.amount_tiyn == json_integer_value(v), "%s: amount %lld", name,
                      (long long)r->fine.amount_tiyn);
    } else if (is_fine && strcmp(key, "mci_tenge") == 0) {
        ck_assert_int_eq(r->fine.mci.tenge, json_integer_value(v));
    } else if (is_fine && strcmp(key, "mci_from") == 0) {
        ck_assert_str_eq(r->fine.mci.from, json_string_value(v));
    } else if (is_range && strcmp(key, "mci_tenge") == 0) {
        ck_assert_int_eq(r->range.mci.tenge, json_integer_value(v));
    } else if (is_range && strcmp(key, "stale") == 0) {
        ck_assert_int_eq(r->range.stale, json_is_true(v));
    } else if (is_range && strcmp(key, "sanctions") == 0) {
        expect_sanctions(name, &r->range, v);
    } else if (is_range && strcmp(key, "payments") == 0) {
        expect_payments(name, &r->range, v);
    } else if (is_range && strcmp(key, "omitted") == 0) {
        expect_omitted(name, &r->range, v);
    } else if (is_check && strcmp(key, "fits") == 0) {
        ck_assert_int_eq(r->check.fits, json_is_true(v));
    } else if (is_check && strcmp(key, "violation") == 0) {
        ck_assert_str_eq(kzp_violation_name(r->check.violation), json_string_value(v));
    } else if (is_check && strcmp(key, "limit") == 0) {
        ck_assert_int_eq(r->check.limit_centi, centi_of(v, "limit"));
    } else if (is_check && strcmp(key, "excess") == 0) {
        ck_assert_int_eq(r->check.excess_centi, centi_of(v, "excess"));
    } else if (is_check && strcmp(key, "limit_source") == 0) {
        ck_assert_str_eq(kzp_bound_source_name(r->check.limit_source), json_string_value(v));
    } else if (is_check && strcmp(key, "limit_citation") == 0) {
        expect_citation(name, key, r->check.limit_citation, v);
    } else if (is_conv && strcmp(key, "whole") == 0) {
        ck_assert_int_eq(r->conv.whole, json_integer_value(v));
    } else if (is_conv && strcmp(key, "remainder") == 0) {
        ck_assert_int_eq(r->conv.remainder_centi, centi_of(v, "remainder"));
    } else if (is_conv && strcmp(key, "exact") == 0) {
        ck_assert_int_eq(r->conv.exact, json_is_true(v));
    } else if (is_conv && strcmp(key, "rule") == 0) {
        ck_assert_str_eq(kzp_conversion_rule_name(r->conv.rule), json_string_value(v));
    } else if (is_conv && strcmp(key, "citation") == 0) {
        expect_citation(name, key, r->conv.citation, v);
    } else {
        ck_abort_msg("%s: unknown expected field '%s' for op %s", name, key, op);
    }
}

static const char *const CASE_KEYS[] = {
    "name",    "why",  "op",          "article", "date",      "mci_count",   "kind",
    "amount",  "from", "to",          "rule",    "mitigated", "accelerated", "order_procedure",
    "purpose", "mci",  "allow_stale", "strict",  "expect",    "error",       NULL};

START_TEST(vector_case)
{
    const json_t *c = json_array_get(json_object_get(cases, "cases"), (size_t)_i);
    const char *name = str(c, "name");
    ck_assert_msg(name && str(c, "op") && str(c, "why"), "case %d needs name, op and why", _i);
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)c, key, v)
    {
        bool known = false;
        for (const char *const *k = CASE_KEYS; *k; k++) {
            known = known || strcmp(*k, key) == 0;
        }
        ck_assert_msg(known, "%s: unknown field %s", name, key);
    }
    const json_t *expect = json_object_get(c, "expect");
    const char *want_error = str(c, "error");
    ck_assert_msg((expect != NULL) != (want_error != NULL), "%s: exactly one of expect and error", name);

    kzp_ctx *what_if = NULL;
    const kzp_ctx *ctx = base;
    if (json_object_get(c, "mci")) {
        ck_assert_int_eq(kzp_ctx_new_what_if(&what_if, base, json_integer_value(json_object_get(c, "mci")), NULL),
                         KZP_OK);
        ctx = what_if;
    }
    unsigned flags = (flag(c, "mitigated") ? KZP_Q_MITIGATED : 0) | (flag(c, "accelerated") ? KZP_Q_ACCELERATED : 0) |
                     (flag(c, "allow_stale") ? KZP_Q_ALLOW_STALE : 0) | (flag(c, "strict") ? KZP_Q_STRICT : 0) |
                     (flag(c, "order_procedure") ? KZP_Q_ORDER_PROCEDURE : 0);
    results r;
    memset(&r, 0, sizeof r);
    r.op = str(c, "op");
    int rc;
    kzp_qty amount = kzp_hundredths(0);
    int kind = 0, to = 0, purpose = KZP_PURPOSE_FINES;
    kzp_error err = {0};
    if (strcmp(r.op, "mci") == 0) {
        rc = str(c, "purpose") ? kzp_purpose_parse(&purpose, str(c, "purpose")) : KZP_OK;
        if (rc == KZP_OK) {
            rc = kzp_mci_on(&r.mci, ctx, str(c, "date"), purpose, flags, &err);
        }
    } else if (strcmp(r.op, "fine") == 0) {
        rc = kzp_qty_parse(&amount, str(c, "mci_count"), &err);
        if (rc == KZP_OK) {
            rc = kzp_fine_compute(&r.fine, ctx, str(c, "date"), amount, flags, &err);
        }
    } else if (strcmp(r.op, "range") == 0) {
        rc = kzp_range_get(&r.range, ctx, str(c, "article"), str(c, "date"), flags, &err);
    } else if (strcmp(r.op, "check") == 0) {
        rc = kzp_kind_parse(&kind, str(c, "kind"));
        if (rc == KZP_OK) {
            rc = kzp_qty_parse(&amount, str(c, "amount"), &err);
        }
        if (rc == KZP_OK) {
            rc = kzp_check_sentence(&r.check, ctx, str(c, "article"), str(c, "date"), kind, amount, flags, &err);
        }
    } else if (strcmp(r.op, "convert") == 0) {
        int rule = KZP_RULE_AGGREGATION;
        rc = str(c, "rule") ? kzp_conversion_rule_parse(&rule, str(c, "rule")) : KZP_OK;
        if (rc == KZP_OK) {
            rc = kzp_kind_parse(&kind, str(c, "from"));
        }
        if (rc == KZP_OK) {
            rc = kzp_kind_parse(&to, str(c, "to"));
        }
        if (rc == KZP_OK) {
            rc = kzp_qty_parse(&amount, str(c, "amount"), &err);
        }
        if (rc == KZP_OK) {
            rc = kzp_convert_under(&r.conv, ctx, rule, kind, amount, to, &err);
        }
    } else {
        ck_abort_msg("%s: unknown op %s", name, r.op);
        rc = KZP_E_INVALID_ARG;
    }
    if (want_error) {
        ck_assert_msg(strcmp(kzp_status_name(rc), want_error) == 0, "%s: got %s, want %s", name, kzp_status_name(rc),
                      want_error);
    } else {
        ck_assert_msg(rc == KZP_OK, "%s: %s %s", name, kzp_status_name(rc), err.message);
        ck_assert_msg(json_object_size(expect) > 0, "%s: empty expect", name);
        json_object_foreach((json_t *)expect, key, v)
        {
            expect_field(name, &r, key, v);
        }
    }
    kzp_ctx_free(what_if);
}
END_TEST

static Suite *vectors_suite(void)
{
    /* Count the cases up front so each runs as its own loop test. */
    json_error_t jerr;
    json_t *all = json_load_file(KZP_SOURCE_DIR "/tests/vectors/core.json", 0, &jerr);
    int n = all ? (int)json_array_size(json_object_get(all, "cases")) : 0;
    json_decref(all);
    Suite *s = suite_create("vectors");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, vector_case, 0, n);
    suite_add_tcase(s, tc);
    return s;
}

KZP_TEST_MAIN(vectors_suite)
