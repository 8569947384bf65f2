/* Reading a dataset file: regular files only, opened without blocking (a FIFO with no writer
 * would wait forever), at most KZP_MAX_FILE_BYTES bytes. */
#define _POSIX_C_SOURCE 200809L // NOLINT(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp): POSIX's own macro
#include "kzp_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *file_kind(mode_t m)
{
    return S_ISDIR(m)    ? "a directory"
           : S_ISFIFO(m) ? "a FIFO (named pipe)"
           : S_ISCHR(m)  ? "a character device"
           : S_ISBLK(m)  ? "a block device"
           : S_ISSOCK(m) ? "a socket"
                         : "not a regular file";
}

/* The path for a message: at most about 100 bytes, cut on a character boundary with "...", so the
 * reason after it is never lost to the message's fixed size. */
const char *kzp_path_shown(char buf[112], const char *path)
{
    size_t n = strlen(path);
    if (n < 100) {
        return path;
    }
    size_t end = 96;
    while (end > 0 && ((unsigned char)path[end] & 0xC0) == 0x80) {
        end--;
    }
    memcpy(buf, path, end);
    memcpy(buf + end, "\xE2\x80\xA6", 4); /* U+2026 and the NUL */
    return buf;
}

int kzp_read_file(char **out, size_t *out_len, const char *path, kzp_error *err)
{
    char name[112];
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        struct stat st;
        if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
            /* a socket cannot be opened at all ("No such device or address"): say what it is */
            return kzp_fail(err, KZP_E_IO, NULL, "'%s' is %s; a dataset must be a regular file",
                            kzp_path_shown(name, path), file_kind(st.st_mode));
        }
        return kzp_fail(err, KZP_E_IO, NULL, "cannot open '%s': %s", kzp_path_shown(name, path), strerror(e));
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int e = errno;
        close(fd);
        return kzp_fail(err, KZP_E_IO, NULL, "cannot read '%s': %s", kzp_path_shown(name, path), strerror(e));
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return kzp_fail(err, KZP_E_IO, NULL, "'%s' is %s; a dataset must be a regular file", kzp_path_shown(name, path),
                        file_kind(st.st_mode));
    }
    if (st.st_size > KZP_MAX_FILE_BYTES) {
        close(fd);
        return kzp_fail(err, KZP_E_IO, NULL, "'%s' is %lld bytes; a dataset may have at most %lld (64 MiB)",
                        kzp_path_shown(name, path), (long long)st.st_size, (long long)KZP_MAX_FILE_BYTES);
    }
    /* the size can change while it is read: read to the end, but never past the limit */
    size_t cap = (size_t)st.st_size + 1, len = 0;
    char *buf = malloc(cap);
    int rc = buf ? KZP_OK : kzp_fail(err, KZP_E_NOMEM, NULL, "out of memory reading '%s'", kzp_path_shown(name, path));
    while (rc == KZP_OK) {
        if (len == cap) {
            if (cap > KZP_MAX_FILE_BYTES) {
                rc = kzp_fail(err, KZP_E_IO, NULL, "'%s' grew past %lld bytes while it was read",
                              kzp_path_shown(name, path), (long long)KZP_MAX_FILE_BYTES);
                break;
            }
            size_t ncap = cap * 2 > (size_t)KZP_MAX_FILE_BYTES + 1 ? (size_t)KZP_MAX_FILE_BYTES + 1 : cap * 2;
            char *nb = realloc(buf, ncap);
            if (!nb) {
                rc = kzp_fail(err, KZP_E_NOMEM, NULL, "out of memory reading '%s'", kzp_path_shown(name, path));
                break;
            }
            buf = nb;
            cap = ncap;
        }
        ssize_t got = read(fd, buf + len, cap - len);
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got < 0) {
            rc = kzp_fail(err, KZP_E_IO, NULL, "cannot read '%s': %s", kzp_path_shown(name, path), strerror(errno));
        } else if (got == 0) {
            break;
        } else {
            len += (size_t)got;
        }
    }
    close(fd);
    if (rc) {
        free(buf);
        return rc;
    }
    *out = buf;
    *out_len = len;
    return KZP_OK;
}

kzp_status kzp_dataset_validate_file(kzp_error *errors, size_t cap, size_t *count, const char *path)
{
    if (!count || !path || (!errors && cap > 0)) {
        return KZP_E_INVALID_ARG;
    }
    char *buf = NULL;
    size_t len = 0;
    kzp_error e;
    int rc = kzp_read_file(&buf, &len, path, &e);
    if (rc) {
        if (cap > 0) {
            errors[0] = e;
        }
        *count = 1;
        return rc;
    }
    rc = kzp_dataset_validate(errors, cap, count, buf, len);
    free(buf);
    return rc;
}
