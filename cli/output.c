/* Writing the command's output, checked: a full disk or a closed pipe is an error that the
 * command reports and exits on (CLI_EXIT_OUTPUT), never an output lost with exit 0. */
#include "cli.h"

#include <errno.h>
#include <string.h>

bool cli_out_write(cli_out *o, const char *p, size_t n)
{
    if (o->err) {
        return false;
    }
    if (n > 0 && fwrite(p, 1, n, o->f) != n) {
        o->err = errno ? errno : EIO;
        return false;
    }
    return true;
}

bool cli_out_json(cli_out *o, const jw *w)
{
    if (w->failed) {
        o->err = o->err ? o->err : ENOMEM; /* the document could not be built: say so, do not print half */
        return false;
    }
    if (!cli_out_write(o, w->buf, w->len)) {
        return false;
    }
    if (!o->err && putc('\n', o->f) == EOF) { /* a byte: cheaper than a second fwrite on every batch line */
        o->err = errno ? errno : EIO;
        return false;
    }
    return true;
}

int cli_out_finish(cli_out *o)
{
    errno = 0;
    if (fflush(o->f) != 0 && !o->err) {
        o->err = errno ? errno : EIO;
    }
    if (ferror(o->f) && !o->err) {
        o->err = EIO;
    }
    return o->err;
}

int cli_output_failed(int err)
{
    fprintf(stderr, "kzpenalty: the output could not be written: %s\n", strerror(err));
    return CLI_EXIT_OUTPUT;
}
