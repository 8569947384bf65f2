/* Memory a context costs in C (issue 13 item 5): N contexts of one kind are made and kept alive,
 * and the growth of the heap in use (mallinfo2) and of the resident set (VmRSS) is divided by N.
 * Kinds: a what-if and an MCI update derived from the embedded dataset's shared context and
 * from a context of the dataset file; a whole context of docs/examples/dataset-minimal.json
 * from its text and from the file. Prints one JSON object per kind (one per line).
 * Each kind runs in a child process of its own, so that memory freed by one is not reused by the
 * next (the resident set would not grow).
 * Usage: ctx_memory [N]   (N what-ifs; N/10 of the others, which each parse JSON) */
#define _GNU_SOURCE
#include <kzpenalty.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static long rss_kib(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kib = -1;
    while (f && fgets(line, sizeof line, f)) {
        if (strncmp(line, "VmRSS:", 6) == 0) {
            kib = atol(line + 6);
        }
    }
    if (f) {
        fclose(f);
    }
    return kib;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = (size_t)n;
    return buf;
}

enum { WHAT_IF, WITH_MCI, FROM_BUFFER, FROM_FILE };

typedef struct job {
    const char *name;
    int kind;
    const kzp_ctx *base;
    long n;
} job;

static const char *minimal_path = KZP_SOURCE_DIR "/docs/examples/dataset-minimal.json";
static char *minimal_text;
static size_t minimal_len;
/* One 2027 period with its own citation: what a January update adds. */
static const char UPDATE[] = "{\"citations\": [{\"id\": \"mci-2027\", \"act\": \"a 2027 budget law (test value)\", "
                             "\"seen_in\": \"bench\", \"status\": \"hypothetical\"}], \"known_until\": \"2027-12-31\", "
                             "\"known_until_citation\": \"mci-2027\", \"periods\": [{\"from\": \"2027-01-01\", "
                             "\"tenge\": 4700, \"purpose\": \"all\", \"citation\": \"mci-2027\"}]}";

static int make(kzp_ctx **out, const job *j, long i)
{
    switch (j->kind) {
    case WHAT_IF: return kzp_ctx_new_what_if(out, j->base, 5000 + (i & 1023), NULL);
    case WITH_MCI: return kzp_ctx_new_with_mci(out, j->base, UPDATE, sizeof UPDATE - 1, NULL);
    case FROM_BUFFER: return kzp_ctx_new_from_buffer(out, minimal_text, minimal_len, NULL);
    default: return kzp_ctx_new_from_file(out, minimal_path, NULL);
    }
}

static int run(const job *j)
{
    kzp_ctx **all = calloc((size_t)j->n, sizeof *all);
    if (!all) {
        return 1;
    }
    /* one made and freed first, so that lazily made state (the embedded context) is not counted */
    kzp_ctx *warm = NULL;
    if (make(&warm, j, 0) != KZP_OK) {
        fprintf(stderr, "%s: the first context failed\n", j->name);
        return 1;
    }
    kzp_ctx_free(warm);
    struct mallinfo2 m0 = mallinfo2();
    long r0 = rss_kib();
    double t0 = now_s();
    for (long i = 0; i < j->n; i++) {
        if (make(&all[i], j, i) != KZP_OK) {
            fprintf(stderr, "%s: context %ld failed\n", j->name, i);
            return 1;
        }
    }
    double t = now_s() - t0;
    struct mallinfo2 m1 = mallinfo2();
    long r1 = rss_kib();
    size_t reported = 0;
    for (long i = 0; i < j->n; i++) {
        size_t b = 0;
        kzp_ctx_memory(&b, all[i]);
        reported += b;
    }
    printf("{\"kind\": \"%s\", \"contexts\": %ld, \"heap_bytes_each\": %.0f, \"rss_bytes_each\": %.0f, "
           "\"reported_bytes_each\": %.0f, \"us_each\": %.2f}\n",
           j->name, j->n, (double)(m1.uordblks - m0.uordblks) / (double)j->n, (double)(r1 - r0) * 1024.0 / (double)j->n,
           (double)reported / (double)j->n, t * 1e6 / (double)j->n);
    for (long i = 0; i < j->n; i++) {
        kzp_ctx_free(all[i]);
    }
    free(all);
    return 0;
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 100000;
    kzp_ctx *embedded = NULL, *file = NULL;
    if (kzp_ctx_new(&embedded, NULL) != KZP_OK ||
        kzp_ctx_new_from_file(&file, KZP_SOURCE_DIR "/data/kzpenalty.json", NULL) != KZP_OK ||
        !(minimal_text = slurp(minimal_path, &minimal_len))) {
        fprintf(stderr, "cannot load the datasets\n");
        return 1;
    }
    const job jobs[] = {
        {"what_if of the embedded context", WHAT_IF, embedded, n},
        {"what_if of a context from the file", WHAT_IF, file, n},
        {"with_mci of the embedded context", WITH_MCI, embedded, n / 10},
        {"from_buffer of dataset-minimal.json", FROM_BUFFER, NULL, n / 10},
        {"from_file of dataset-minimal.json", FROM_FILE, NULL, n / 10},
    };
    for (size_t i = 0; i < sizeof jobs / sizeof jobs[0]; i++) {
        fflush(stdout);
        pid_t pid = fork();
        if (pid == 0) {
            int rc = run(&jobs[i]);
            fflush(stdout);
            _exit(rc);
        }
        int status = 0;
        if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            return 1;
        }
    }
    kzp_ctx_free(file);
    kzp_ctx_free(embedded);
    free(minimal_text);
    return 0;
}
