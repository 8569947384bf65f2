/* MCI update files: next year's MCI applied without a new release. Each file is an update in the
 * format of kzp_ctx_new_with_mci; where they are looked for is documented in docs/dataset.md. */
#define _POSIX_C_SOURCE 200809L // NOLINT(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp): fstatat, dirfd
#include "json_read.h"
#include "kzp_internal.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The context a caller gets when no update applies: base itself, held once more, so that the
 * caller frees what it was given in every case. */
static kzp_ctx *hold(const kzp_ctx *base)
{
    kzp_ctx *c = (kzp_ctx *)base;
    if (!c->shared) {
        atomic_fetch_add_explicit(&c->refs, 1, memory_order_relaxed);
    }
    return c;
}

/* The dataset under a chain of updates: where the values a release ships live. */
static const kzp_ctx *dataset_of(const kzp_ctx *c)
{
    while (c->step == KZP_STEP_UPDATE && c->parent) {
        c = c->parent;
    }
    return c;
}

/* What an update file may do: less than kzp_ctx_new_with_mci allows a program on purpose. It adds
 * at least one period and says until when the MCI is known, so every file that changes an answer
 * has a period in use and every receipt names it (the last file's periods cannot be replaced, and
 * its known_until is the one in force). Over the dataset it adds later periods only, and leaves
 * the dataset's citations as they are: a file in a drop-in directory must not reprice 2024 or
 * change the source a past year cites, silently (the dataset's values change with a release, or
 * through kzp_ctx_new_with_mci). An earlier update file's period or citation may be replaced. */
static int file_rules(const kzp_ctx *d, const kzp_ctx *base, const char *text, size_t len, kzp_error *err)
{
    if (d->update_count == 0) {
        return kzp_fail(err, KZP_E_SCHEMA, "$.periods",
                        "the file adds no period; an update file must add at least one");
    }
    const kzp_ctx *ds = dataset_of(base);
    bool history = ds->step == KZP_STEP_NONE && ds->period_count > 0; /* a what-if's has none to keep */
    const kzp_period_def *last = history ? &ds->periods[ds->period_count - 1] : NULL;
    for (size_t i = 0; last && i < d->update_count; i++) {
        const kzp_period_def *p = &d->periods[d->update_periods[i]];
        if (p->from <= last->from) {
            return kzp_fail(err, KZP_E_DATA_ORDER, NULL,
                            "the period from %s is not after the dataset's last one (from %s): an update file "
                            "only adds later periods (once a release has that year, delete the file)",
                            p->from_iso, last->from_iso);
        }
    }
    /* extras: the citations this step adds or changes (one the same as its base's is not there) */
    for (size_t i = 0; history && i < d->extra_count; i++) {
        if (kzp_index_get(&ds->citation_index, d->extras[i]->id) >= 0) {
            return kzp_fail(err, KZP_E_DATA_DUPLICATE, "$.citations",
                            "the citation '%s' is the dataset's own: an update file may not change it (give "
                            "the file's citation an id of its own)",
                            d->extras[i]->id);
        }
    }
    json_t *root = NULL;
    int rc = kzp_parse_json(&root, text, len, err); /* read once already: only memory can fail */
    if (rc != KZP_OK) {
        return rc;
    }
    bool until = json_object_get(root, "known_until") != NULL;
    json_decref(root);
    if (!until) {
        return kzp_fail(err, KZP_E_SCHEMA, "$.known_until",
                        "the file does not say until when its MCI is known (known_until); an update file must");
    }
    return KZP_OK;
}

kzp_status kzp_ctx_new_with_mci_file(kzp_ctx **out, const kzp_ctx *base, const char *path, kzp_error *err)
{
    if (!out || !base || !path) {
        return kzp_fail(err, KZP_E_INVALID_ARG, NULL, "NULL argument to kzp_ctx_new_with_mci_file");
    }
    char *buf = NULL;
    size_t len = 0;
    kzp_error e = {0};
    kzp_ctx *d = NULL;
    int rc = kzp_read_file(&buf, &len, path, &e);
    bool read = rc == KZP_OK;
    if (read) {
        rc = kzp_ctx_update(&d, base, buf, len, path, &e);
    }
    if (rc == KZP_OK && (rc = file_rules(d, base, buf, len, &e)) != KZP_OK) {
        kzp_ctx_free(d);
    }
    free(buf);
    if (rc == KZP_OK) {
        *out = d;
        kzp_error_clear(err);
        return KZP_OK;
    }
    /* the reason first, then where: a long path must not push the reason out of the message */
    char name[112];
    if (!read) {
        kzp_fail(err, rc, e.path, "MCI update: %s", e.message); /* the reader's message names the file */
    } else if (e.line > 0 && rc != KZP_E_JSON) {                /* a syntax error's message starts with its line */
        kzp_fail(err, rc, e.path, "MCI update: %s (in '%s', line %d, column %d)", e.message, kzp_path_shown(name, path),
                 e.line, e.column);
    } else {
        kzp_fail(err, rc, e.path, "MCI update: %s (in '%s')", e.message, kzp_path_shown(name, path));
    }
    if (err) {
        err->line = e.line;
        err->column = e.column;
    }
    return rc;
}

/* The files an update search found: owned copies of their paths. */
typedef struct file_list {
    char *path[KZP_MAX_UPDATE_FILES];
    size_t n;
} file_list;

static void list_free(file_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->path[i]);
    }
    l->n = 0;
}

static int add_path(file_list *l, const char *dir, const char *name, kzp_error *err)
{
    if (l->n == KZP_MAX_UPDATE_FILES) {
        char shown[112];
        return kzp_fail(err, KZP_E_INVALID_ARG, NULL, "more than %d MCI update files were found (reading '%s')",
                        KZP_MAX_UPDATE_FILES, kzp_path_shown(shown, dir ? dir : name));
    }
    size_t n = (dir ? strlen(dir) + 1 : 0) + strlen(name) + 1;
    char *p = malloc(n);
    if (!p) {
        return kzp_fail(err, KZP_E_NOMEM, NULL, "out of memory");
    }
    snprintf(p, n, "%s%s%s", dir ? dir : "", dir ? "/" : "", name);
    l->path[l->n++] = p;
    return KZP_OK;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_json_name(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && n > 5 && strcmp(name + n - 5, ".json") == 0;
}

/* A place that cannot be read (errno says why). An XDG place that is not there, is a file or is
 * closed to this user holds no update; a place the user named must be readable. */
static int unreadable(const char *place, bool required, kzp_error *err)
{
    int e = errno;
    if (!required && (e == ENOENT || e == ENOTDIR || e == EACCES || e == ENAMETOOLONG || e == ELOOP)) {
        return KZP_OK;
    }
    char shown[112];
    return kzp_fail(err, KZP_E_IO, NULL, "MCI update: cannot read '%s': %s", kzp_path_shown(shown, place), strerror(e));
}

/* A directory's *.json files (d, opened from dir), in byte order of their names. */
static int add_dir(file_list *l, DIR *d, const char *dir, bool required, kzp_error *err)
{
    size_t first = l->n;
    int rc = KZP_OK;
    struct dirent *e;
    while (rc == KZP_OK && (errno = 0, e = readdir(d)) != NULL) {
        struct stat st;
        /* in an XDG place, only regular files (or links to them): a stray directory named
         * x.json there must not stop every command; one the user named is read, and refused */
        if (is_json_name(e->d_name) &&
            (required || (fstatat(dirfd(d), e->d_name, &st, 0) == 0 && S_ISREG(st.st_mode)))) {
            rc = add_path(l, dir, e->d_name, err);
        }
    }
    if (rc == KZP_OK && errno != 0) { /* readdir's end and its failure differ only in errno */
        rc = unreadable(dir, true, err);
    }
    closedir(d);
    qsort(l->path + first, l->n - first, sizeof l->path[0], by_name);
    return rc;
}

/* One entry of a ':'-separated list: a directory of files, or (named by the user) a file. Opened
 * once, not checked first and opened after: nothing can change between the two. */
static int add_entry(file_list *l, const char *entry, bool required, kzp_error *err)
{
    DIR *d = opendir(entry);
    if (d) {
        return add_dir(l, d, entry, required, err);
    }
    if (errno == ENOTDIR && required) {
        return add_path(l, NULL, entry, err); /* read, and checked, as a file */
    }
    return unreadable(entry, required, err); /* an XDG place that is a file is skipped there */
}

/* Each entry of a ':'-separated list, with suffix appended to it ("" or "/kzpenalty/updates"),
 * first to last or (reverse) last to first. Empty entries are skipped. */
static int add_list(file_list *l, const char *list, const char *suffix, bool reverse, bool required, kzp_error *err)
{
    size_t n = strlen(list), slen = strlen(suffix), count = 1;
    for (size_t i = 0; i < n; i++) {
        count += list[i] == ':';
    }
    char *copy = malloc(n + 1);
    char *buf = malloc(n + slen + 1);
    const char **entry = malloc(count * sizeof *entry);
    if (!copy || !buf || !entry) {
        free(copy);
        free(buf);
        free(entry);
        return kzp_fail(err, KZP_E_NOMEM, NULL, "out of memory");
    }
    memcpy(copy, list, n + 1);
    size_t k = 0;
    entry[k++] = copy;
    for (char *p = copy; k < count && (p = strchr(p, ':')) != NULL; p++) {
        *p = '\0';
        entry[k++] = p + 1;
    }
    int rc = KZP_OK;
    for (size_t i = 0; rc == KZP_OK && i < k; i++) { /* k: the entries filled in (count of them) */
        const char *e = entry[reverse ? k - 1 - i : i];
        if (*e && (required || *e == '/')) { /* XDG: a relative entry is ignored */
            snprintf(buf, n + slen + 1, "%s%s", e, suffix);
            rc = add_entry(l, buf, required, err);
        }
    }
    free(copy);
    free(buf);
    free(entry);
    return rc;
}

/* The documented places (see kzp_ctx_new_with_updates in the header). */
static int find_default(file_list *l, kzp_error *err)
{
    const char *named = getenv(KZP_UPDATES_ENV);
    if (named) {
        return add_list(l, named, "", false, true, err);
    }
    const char *dirs = getenv("XDG_DATA_DIRS");
    int rc = add_list(l, dirs && *dirs ? dirs : "/usr/local/share:/usr/share", "/kzpenalty/updates", true, false, err);
    /* XDG_DATA_HOME is one directory, not a list; relative, it is ignored as if unset */
    const char *home = getenv("XDG_DATA_HOME");
    const char *user_home = getenv("HOME");
    bool xdg = home && home[0] == '/';
    const char *root = xdg ? home : user_home && user_home[0] == '/' ? user_home : NULL;
    const char *tail = xdg ? "/kzpenalty/updates" : "/.local/share/kzpenalty/updates";
    if (rc != KZP_OK || !root) {
        return rc;
    }
    char *place = malloc(strlen(root) + strlen(tail) + 1);
    if (!place) {
        return kzp_fail(err, KZP_E_NOMEM, NULL, "out of memory");
    }
    snprintf(place, strlen(root) + strlen(tail) + 1, "%s%s", root, tail);
    rc = add_entry(l, place, false, err);
    free(place);
    return rc;
}

kzp_status kzp_ctx_new_with_updates(kzp_ctx **out, const kzp_ctx *base, const char *where, kzp_error *err)
{
    if (!out || !base) {
        return kzp_fail(err, KZP_E_INVALID_ARG, NULL, "NULL argument to kzp_ctx_new_with_updates");
    }
    file_list l = {.n = 0};
    int rc = where ? add_list(&l, where, "", false, true, err) : find_default(&l, err);
    kzp_ctx *ctx = hold(base);
    for (size_t i = 0; rc == KZP_OK && i < l.n; i++) {
        kzp_ctx *next = NULL;
        rc = kzp_ctx_new_with_mci_file(&next, ctx, l.path[i], err);
        if (rc == KZP_OK) {
            kzp_ctx_free(ctx); /* next holds it */
            ctx = next;
        }
    }
    list_free(&l);
    if (rc != KZP_OK) {
        kzp_ctx_free(ctx);
        return rc;
    }
    *out = ctx;
    kzp_error_clear(err);
    return KZP_OK;
}

/* Whether an update period of step is replaced by a later update between final and step (a
 * period with the same first day and purpose): then it prices nothing and no receipt lists it. */
static bool replaced_later(const kzp_ctx *final, const kzp_ctx *step, const kzp_period_def *p)
{
    for (const kzp_ctx *c = final; c && c != step; c = c->parent) {
        for (size_t i = 0; i < c->update_count; i++) {
            const kzp_period_def *q = &c->periods[c->update_periods[i]];
            if (q->from == p->from && q->purpose_all == p->purpose_all &&
                (p->purpose_all || q->purpose == p->purpose)) {
                return true;
            }
        }
    }
    return false;
}

/* Visit the update periods in effect from the last applied back to the first; stops at the one
 * numbered want (counting from 0 in that order) and returns how many it visited. */
static size_t visit_in_effect(const kzp_ctx *ctx, size_t want, const kzp_ctx **step, size_t *k)
{
    size_t seen = 0;
    /* under a what-if, the updates before it price nothing: its one MCI holds on every date */
    for (const kzp_ctx *c = ctx; c && c->step != KZP_STEP_WHAT_IF; c = c->parent) {
        for (size_t i = c->update_count; i-- > 0;) {
            if (replaced_later(ctx, c, &c->periods[c->update_periods[i]])) {
                continue;
            }
            if (seen == want) {
                *step = c;
                *k = c->update_periods[i];
                return seen + 1;
            }
            seen++;
        }
    }
    return seen;
}

size_t kzp_update_count(const kzp_ctx *ctx)
{
    const kzp_ctx *step = NULL;
    size_t k = 0;
    return ctx ? visit_in_effect(ctx, SIZE_MAX, &step, &k) : 0;
}

kzp_status kzp_update_at(kzp_update *out, const kzp_ctx *ctx, size_t index)
{
    size_t total = kzp_update_count(ctx); /* 0 for NULL */
    const kzp_ctx *c = NULL;
    size_t k = 0;
    if (out && index < total) {
        /* the walk runs from the last update back to the first: the first applied is the last seen */
        visit_in_effect(ctx, total - 1 - index, &c, &k);
    }
    if (!c) {
        return KZP_E_INVALID_ARG;
    }
    kzp_update u = {.source = c->update_source, .sha256 = c->update_sha256};
    const kzp_period_def *p = &c->periods[k];
    u.period.tenge = p->tenge;
    u.period.tiyn = p->tenge * 100;
    u.period.purpose_all = p->purpose_all;
    u.period.purpose = p->purpose;
    u.period.citation = p->citation;
    memcpy(u.period.from, p->from_iso, sizeof u.period.from);
    *out = u;
    return KZP_OK;
}

const char *kzp_ctx_sha256(const kzp_ctx *ctx)
{
    return ctx ? ctx->sha256 : "";
}
