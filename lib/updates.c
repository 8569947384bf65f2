/* MCI update files: next year's MCI applied without a new release. Each file is an update in the
 * format of kzp_ctx_new_with_mci; where they are looked for is documented in docs/dataset.md. */
#include "kzp_internal.h"

#include <dirent.h>
#include <errno.h>
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

kzp_status kzp_ctx_new_with_mci_file(kzp_ctx **out, const kzp_ctx *base, const char *path, kzp_error *err)
{
    if (!out || !base || !path) {
        return kzp_fail(err, KZP_E_INVALID_ARG, NULL, "NULL argument to kzp_ctx_new_with_mci_file");
    }
    char *buf = NULL;
    size_t len = 0;
    kzp_error e = {0};
    int rc = kzp_read_file(&buf, &len, path, &e);
    if (rc == KZP_OK) {
        rc = kzp_ctx_update(out, base, buf, len, path, &e);
    }
    free(buf);
    if (rc == KZP_OK) {
        kzp_error_clear(err);
    } else if (e.line > 0 && strncmp(e.message, "line ", 5) != 0) { /* a JSON syntax message has its place */
        kzp_fail(err, rc, e.path, "MCI update %s, line %d, column %d: %s", path, e.line, e.column, e.message);
    } else {
        kzp_fail(err, rc, e.path, "MCI update %s: %s", path, e.message);
    }
    if (rc != KZP_OK && err) {
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
        return kzp_fail(err, KZP_E_INVALID_ARG, NULL, "more than %d MCI update files were found (the last: %.120s)",
                        KZP_MAX_UPDATE_FILES, name);
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

/* A directory's *.json files, in byte order of their names. A directory that does not exist is
 * an error only when the user named it (required). */
static int add_dir(file_list *l, const char *dir, bool required, kzp_error *err)
{
    DIR *d = opendir(dir);
    if (!d) {
        if (!required && (errno == ENOENT || errno == ENOTDIR)) {
            return KZP_OK;
        }
        return kzp_fail(err, KZP_E_IO, NULL, "cannot read the MCI update directory %.150s: %s", dir, strerror(errno));
    }
    size_t first = l->n;
    int rc = KZP_OK;
    for (struct dirent *e; rc == KZP_OK && (e = readdir(d)) != NULL;) {
        if (is_json_name(e->d_name)) {
            rc = add_path(l, dir, e->d_name, err);
        }
    }
    closedir(d);
    qsort(l->path + first, l->n - first, sizeof l->path[0], by_name);
    return rc;
}

/* One entry of a ':'-separated list: a file, or a directory of them. */
static int add_entry(file_list *l, const char *entry, bool required, kzp_error *err)
{
    struct stat st;
    if (stat(entry, &st) != 0) {
        if (!required && errno == ENOENT) {
            return KZP_OK;
        }
        return kzp_fail(err, KZP_E_IO, NULL, "MCI update %.150s: %s", entry, strerror(errno));
    }
    return S_ISDIR(st.st_mode) ? add_dir(l, entry, required, err) : add_path(l, NULL, entry, err);
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
        if (*e) {
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
    const char *home = getenv("XDG_DATA_HOME");
    const char *user_home = getenv("HOME");
    if (rc == KZP_OK && home && home[0] == '/') {
        rc = add_list(l, home, "/kzpenalty/updates", true, false, err);
    } else if (rc == KZP_OK && user_home && user_home[0] == '/') {
        rc = add_list(l, user_home, "/.local/share/kzpenalty/updates", false, false, err);
    }
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

size_t kzp_update_count(const kzp_ctx *ctx)
{
    size_t n = 0;
    for (const kzp_ctx *c = ctx; c; c = c->parent) {
        n += c->update_count;
    }
    return n;
}

kzp_status kzp_update_at(kzp_update *out, const kzp_ctx *ctx, size_t index)
{
    size_t total = kzp_update_count(ctx);
    if (!out || !ctx || index >= total) {
        return KZP_E_INVALID_ARG;
    }
    /* the chain runs from the last update back to the first: count from its end */
    size_t from_end = total - 1 - index;
    const kzp_ctx *c = ctx;
    while (from_end >= c->update_count) {
        from_end -= c->update_count;
        c = c->parent;
    }
    size_t k = c->update_periods[c->update_count - 1 - from_end];
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
