/* kzpenalty: the command line. Parses options (accepted before or after the command),
 * builds the context, runs one command and maps the outcome to an exit code. */
#define _GNU_SOURCE /* getopt_long, localtime_r */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char USAGE[] =
    "kzpenalty: sanctions of Kazakhstan's Criminal Code as exact, dated, cited numbers\n"
    "\n"
    "Usage: kzpenalty [OPTIONS] COMMAND [ARGUMENTS] [OPTIONS]\n"
    "\n"
    "Commands:\n"
    "  range ARTICLE [--mitigated] [--accelerated] [--order-procedure]\n"
    "                        the alternative sanctions, each bound with its rule, amounts in tenge\n"
    "  fine MCI_COUNT        a fine of MCI_COUNT MCI in tenge at the offence day's MCI (0.2 allowed)\n"
    "  check ARTICLE (--fine MCI | --correctional-work MCI | --community-service HOURS | --arrest DAYS)\n"
    "        [--mitigated] [--accelerated] [--order-procedure]\n"
    "                        whether a proposed sentence fits: exit 0 when it fits, 1 when not\n"
    "  convert AMOUNT --from KIND --to KIND [--rule aggregation|unpaid-fine|evaded-service]\n"
    "                        one punishment in units of another under a rule: whole part and remainder\n"
    "  mci [--history] [--purpose fines|benefits]\n"
    "                        the MCI on the date, or the whole table with sources\n"
    "  articles              the articles the dataset encodes, with in-force dates\n"
    "  batch [FILE|-] [--input-format csv|jsonl] [--output-format csv|jsonl|html]\n"
    "                        JSON Lines or CSV in (CSV for a FILE named *.csv), the same format out\n"
    "                        unless told (docs/cli.md)\n"
    "  dataset check FILE    validate a dataset file and list every problem with its JSON path\n"
    "  dataset citations     the sources the dataset cites, each with its id\n"
    "\n"
    "Options:\n"
    "  --date DATE           the offence date, YYYY-MM-DD or DD.MM.YYYY (default: today, said on the\n"
    "                        first line, or \"date_assumed\": true in JSON; batch lines need a date)\n"
    "  --lang en|ru|kk       language of the human output (default: en)\n"
    "  --json                machine output: JSON (errors too, on stdout)\n"
    "  --format text|json|html\n"
    "                        text (default), JSON (as --json), or for range, fine, check and convert\n"
    "                        a printable HTML document of one A4 page in the --lang language\n"
    "  --citations full|ids  in JSON, each citation whole (default) or as its id only; the ids\n"
    "                        refer to the table of 'dataset citations --json'\n"
    "  --data FILE           a dataset file instead of the embedded dataset\n"
    "  --mci TENGE           what-if: this MCI (whole tenge) on every date\n"
    "  --allow-stale         price a date after the MCI table with its last value, marked stale\n"
    "  --strict              refuse answers that depend on an unverified fact\n"
    "  --version             the versions of the program, the library and the dataset\n"
    "  -h, --help            this help; COMMAND --help for one command\n"
    "\n"
    "Kinds: fine, correctional_work, community_service, arrest. Units: mci, hours, days.\n"
    "Exit codes: 0 success; 1 a sentence that does not fit, or a batch with a failed line;\n"
    "2 a usage or input error; 3 a data error (a bad dataset file); 4 an internal error;\n"
    "5 the output could not be written (a full disk, a closed pipe).\n";

typedef struct command_help {
    const char *name, *text;
} command_help;

static const command_help HELP[] = {
    {"range", "Usage: kzpenalty range ARTICLE [--mitigated] [--accelerated] [--order-procedure] [--date YYYY-MM-DD]\n"
              "The alternative sanctions of ARTICLE for an offence on the date, in the Code's order: each lower and\n"
              "upper bound with the rule that sets it (the article, the General Part, a half cap, the order\n"
              "procedure), amounts in MCI also in tenge at the MCI in force on the offence day, who may not receive\n"
              "each punishment, and payments collected beside it.\n"
              "  --mitigated        Art. 55 part 2: a mitigating and no aggravating circumstance\n"
              "  --accelerated      Art. 55 part 3: accelerated investigation or procedural agreement\n"
              "  --order-procedure  a verdict in the order procedure (Art. 55 part 3)\n"
              "The dataset says what each flag changes; the two half caps do not stack.\n"
              "Example: kzpenalty range 115-1 --date 2026-02-10\n"},
    {"fine", "Usage: kzpenalty fine MCI_COUNT [--date YYYY-MM-DD]\n"
             "A fine of MCI_COUNT MCI (up to two decimals: 150, 0.2) in tenge, with the MCI for fines in force\n"
             "on the offence day (Art. 41 part 1).\n"
             "Example: kzpenalty fine 150 --date 2025-11-03   (150 x 3,932 = 589,800 tenge)\n"},
    {"check", "Usage: kzpenalty check ARTICLE (--fine MCI | --correctional-work MCI | --community-service HOURS |\n"
              "                       --arrest DAYS) [--mitigated] [--accelerated] [--order-procedure]\n"
              "                       [--date YYYY-MM-DD]\n"
              "Whether a proposed sentence fits the article's range on the date; which bound it breaks, by how\n"
              "much, and the rule that sets that bound. Hours and days are whole. Exit 0 when it fits, 1 when not.\n"
              "Example: kzpenalty check 115-1 --arrest 30 --mitigated --date 2026-02-10\n"},
    {"convert", "Usage: kzpenalty convert AMOUNT --from KIND --to KIND [--rule RULE]\n"
                "AMOUNT of one punishment in whole units of another, and the remainder in --from units, under a\n"
                "rule that holds only for its own purpose (nothing is rounded):\n"
                "  aggregation     adding up punishments for several offences or verdicts (Art. 61; the default)\n"
                "  unpaid-fine     replacing the unpaid part of a fine (Art. 41 part 6)\n"
                "  evaded-service  replacing community service the convict evades (Art. 43 part 2-1)\n"
                "A pair of kinds the rule does not convert is an error that names the rules that do.\n"
                "Example: kzpenalty convert 150 --from fine --to arrest   (37 days, 2 MCI left over)\n"},
    {"mci", "Usage: kzpenalty mci [--history] [--purpose fines|benefits] [--date YYYY-MM-DD]\n"
            "The MCI in force on the date (for fines by default), with its source; --history lists the whole\n"
            "table (only the periods for one purpose with --purpose).\n"},
    {"articles",
     "Usage: kzpenalty articles\nThe articles the dataset encodes, with their titles and the first offence\n"
     "date each applies to.\n"},
    {"batch", "Usage: kzpenalty batch [FILE|-] [--input-format csv|jsonl] [--output-format csv|jsonl|html]\n"
              "Reads JSON Lines (standard input by default, or FILE) and writes one JSON object a line, in order:\n"
              "{\"op\": \"range\"|\"fine\"|\"check\"|\"convert\"|\"mci\", \"id\": ..., other fields as the\n"
              "command's arguments (article, date, mci_count, kind, amount, from, to, rule, mitigated,\n"
              "accelerated, order_procedure, allow_stale, strict, purpose, mci)}. A bad line gets\n"
              "{\"id\": ..., \"error\": {...}} and the batch goes on. Exit 1 if any line failed.\n"
              "  --input-format csv|jsonl   CSV: a header row naming those fields, then one question a row;\n"
              "                             ',' or ';' (the first on the header line), RFC 4180 quotes, an\n"
              "                             optional UTF-8 BOM; the default for a FILE named *.csv\n"
              "  --output-format csv|jsonl  CSV: the input's columns, then status, error_code, error_message,\n"
              "                             offence_date, mci_tenge, amount_tiyn, amount_text, amount_words,\n"
              "                             sentences, fits, violation, limit, excess, unit, whole, remainder,\n"
              "                             remainder_unit, certainty, stale, receipt; default: the input's\n"
              "                             format. html: one printable document, an A4 page a line or row\n"},
    {"dataset", "Usage: kzpenalty dataset check FILE\n"
                "       kzpenalty dataset citations [--json]\n"
                "check validates a dataset file (docs/dataset.md) and lists every problem with its JSON path, line\n"
                "and column. Exit 0 when valid, 3 when not.\n"
                "citations lists every source the dataset (or --data FILE) cites: its id, the act, where in it,\n"
                "the document and how sure it is. With --json it is the table that the ids of\n"
                "--citations ids refer to.\n"},
};

/* Options that belong to one command; the global ones are allowed everywhere. */
enum {
    OPT_MITIGATED = 1 << 0,
    OPT_ACCELERATED = 1 << 1,
    OPT_FINE = 1 << 2,
    OPT_CS = 1 << 3,
    OPT_ARREST = 1 << 4,
    OPT_FROM = 1 << 5,
    OPT_TO = 1 << 6,
    OPT_HISTORY = 1 << 7,
    OPT_PURPOSE = 1 << 8,
    OPT_CW = 1 << 9,
    OPT_ORDER = 1 << 10,
    OPT_RULE = 1 << 11,
    OPT_INPUT_FORMAT = 1 << 12,
    OPT_OUTPUT_FORMAT = 1 << 13,
};

typedef struct command_def {
    const char *name;
    int min_args, max_args;
    unsigned options;
} command_def;

static const command_def COMMANDS[] = {
    {"range", 1, 1, OPT_MITIGATED | OPT_ACCELERATED | OPT_ORDER},
    {"fine", 1, 1, 0},
    {"check", 1, 1, OPT_FINE | OPT_CW | OPT_CS | OPT_ARREST | OPT_MITIGATED | OPT_ACCELERATED | OPT_ORDER},
    {"convert", 1, 1, OPT_FROM | OPT_TO | OPT_RULE},
    {"mci", 0, 0, OPT_HISTORY | OPT_PURPOSE},
    {"articles", 0, 0, 0},
    {"batch", 0, 1, OPT_INPUT_FORMAT | OPT_OUTPUT_FORMAT},
    {"dataset", 1, 2, 0},
};

static const char *const OPT_NAMES[] = {
    "--mitigated",    "--accelerated",  "--fine",    "--community-service", "--arrest",          "--from",
    "--to",           "--history",      "--purpose", "--correctional-work", "--order-procedure", "--rule",
    "--input-format", "--output-format"};

typedef struct options {
    const char *date, *data, *mci, *sentence, *from, *to, *purpose, *rule, *lang_text, *citations, *format;
    const char *input_format, *output_format; /* batch: "csv" or "jsonl" (checked), or NULL */
    int lang, sentence_kind;
    bool json, version, help, history, citation_ids, html, format_text;
    const char *request; /* the command line as given (before getopt reorders it), for an HTML document */
    unsigned flags, used;
    char today[11];
} options;

static const struct option LONG[] = {
    {"date", required_argument, NULL, 'd'},
    {"lang", required_argument, NULL, 'l'},
    {"json", no_argument, NULL, 'j'},
    {"data", required_argument, NULL, 'D'},
    {"mci", required_argument, NULL, 'm'},
    {"allow-stale", no_argument, NULL, 'S'},
    {"strict", no_argument, NULL, 'X'},
    {"version", no_argument, NULL, 'V'},
    {"help", no_argument, NULL, 'h'},
    {"mitigated", no_argument, NULL, 'M'},
    {"accelerated", no_argument, NULL, 'A'},
    {"order-procedure", no_argument, NULL, 'O'},
    {"fine", required_argument, NULL, 'f'},
    {"correctional-work", required_argument, NULL, 'w'},
    {"community-service", required_argument, NULL, 'c'},
    {"arrest", required_argument, NULL, 'a'},
    {"from", required_argument, NULL, 'F'},
    {"to", required_argument, NULL, 'T'},
    {"rule", required_argument, NULL, 'R'},
    {"history", no_argument, NULL, 'H'},
    {"purpose", required_argument, NULL, 'P'},
    {"citations", required_argument, NULL, 'C'},
    {"format", required_argument, NULL, 'o'},
    {"input-format", required_argument, NULL, 'I'},
    {"output-format", required_argument, NULL, 'U'},
    {NULL, 0, NULL, 0},
};

/* The long options an argument "--name[=value]" can mean, as getopt_long reads it: an exact name,
 * or every option the name is a prefix of. Writes their names into out (", "-separated) and
 * returns how many. */
static int long_matches(const char *arg, char *out, size_t size, const struct option **one)
{
    const char *name = arg + 2;
    size_t n = strcspn(name, "=");
    int count = 0;
    size_t o = 0;
    if (size) {
        out[0] = '\0';
    }
    if (n == 0) { /* "--=x": an empty name is no option, not a prefix of every one */
        return 0;
    }
    for (const struct option *opt = LONG; opt->name; opt++) {
        if (strncmp(opt->name, name, n) != 0) {
            continue;
        }
        if (strlen(opt->name) == n) { /* an exact name wins over prefixes */
            *one = opt;
            snprintf(out, size, "--%s", opt->name);
            return 1;
        }
        *one = opt;
        count++;
        if (o < size) {
            o += (size_t)snprintf(out + o, size - o, "%s--%s", o ? ", " : "", opt->name);
        }
    }
    return count;
}

/* --json decides how errors are shown, so it is looked for before anything can fail, the way
 * getopt_long will read it (an unambiguous prefix such as --js counts). */
static bool wants_json(int argc, char **argv)
{
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
        char names[256];
        const struct option *opt = NULL;
        if (strncmp(argv[i], "--", 2) != 0 || !argv[i][2] || long_matches(argv[i], names, sizeof names, &opt) != 1) {
            continue;
        }
        const char *eq = strchr(argv[i], '=');
        const char *value = eq ? eq + 1 : i + 1 < argc ? argv[i + 1] : "";
        if (opt->val == 'j' || (opt->val == 'o' && strcmp(value, "json") == 0)) {
            return true;
        }
    }
    return false;
}

/* A message for an option getopt_long refused, from the argument itself. */
static int option_error(const char *arg, int optopt_seen)
{
    if (strncmp(arg, "--", 2) == 0) {
        char names[256];
        const struct option *opt = NULL;
        int n = long_matches(arg, names, sizeof names, &opt);
        if (n > 1) {
            return cli_usage("option '%.60s' is ambiguous; it could be: %s", arg, names);
        }
        if (n == 1 && opt->has_arg == no_argument && strchr(arg, '=')) {
            return cli_usage("option '--%s' takes no value (given '%.60s')", opt->name, arg);
        }
        if (n == 1 && opt->has_arg == required_argument) {
            return cli_usage("option '--%s' needs a value", opt->name);
        }
        return cli_usage("unknown option '%.60s'", arg);
    }
    if (arg[0] == '-' && arg[1] >= '0' && arg[1] <= '9') {
        return cli_usage_as(KZP_E_BAD_NUMBER, "'%.40s' is negative: amounts are zero or more", arg);
    }
    if (optopt_seen && optopt_seen != '?') {
        return cli_usage("unknown option '-%c'", optopt_seen);
    }
    return cli_usage("unknown option '%.60s'", arg);
}

/* A value option given twice with two values: which one the user meant is not ours to guess
 * (the last one would silently price another date or MCI). The same value twice is harmless. */
static int set_once(const char **slot, const char *value, const char *name)
{
    if (*slot && strcmp(*slot, value) != 0) {
        return cli_usage("%s is given twice ('%.40s' and '%.40s'); give it once", name, *slot, value);
    }
    *slot = value;
    return CLI_EXIT_OK;
}

/* "--arrest --date 2026-02-10": getopt takes "--date" as the value of --arrest, and the date
 * is left over as an argument; say that the value is missing instead. Only a separate argument
 * is judged: "--date=--x" was written as a value. */
static int value_is_option(const struct option *opt, char **argv)
{
    char names[256];
    const struct option *other = NULL;
    if (opt->has_arg != required_argument || optarg != argv[optind - 1] || strncmp(optarg, "--", 2) != 0 ||
        long_matches(optarg, names, sizeof names, &other) == 0) {
        return CLI_EXIT_OK;
    }
    return cli_usage("option '--%s' needs a value; '%.60s' is an option", opt->name, optarg);
}

static int parse_options(options *o, int argc, char **argv)
{
    cli_set_json_errors(wants_json(argc, argv));
    opterr = 0;
    int c, index = -1, code;
    while ((c = getopt_long(argc, argv, ":h", LONG, &index)) != -1) {
        if (c != '?' && c != ':' && c != 'h' && (code = value_is_option(&LONG[index], argv))) {
            return code;
        }
        code = CLI_EXIT_OK;
        switch (c) {
        case 'd': code = set_once(&o->date, optarg, "--date"); break;
        case 'l': {
            if ((code = set_once(&o->lang_text, optarg, "--lang"))) {
                return code;
            }
            kzp_error err;
            if (kzp_lang_parse(&o->lang, optarg, &err) != KZP_OK) {
                return cli_usage("--lang: %s", err.message);
            }
            break;
        }
        case 'j': o->json = true; break;
        case 'o':
            if ((code = set_once(&o->format, optarg, "--format"))) {
                return code;
            }
            if (strcmp(optarg, "text") != 0 && strcmp(optarg, "json") != 0 && strcmp(optarg, "html") != 0) {
                return cli_usage("--format '%.40s' is not known; expected text, json or html", optarg);
            }
            o->json = o->json || strcmp(optarg, "json") == 0;
            o->html = strcmp(optarg, "html") == 0;
            o->format_text = strcmp(optarg, "text") == 0;
            break;
        case 'C':
            if ((code = set_once(&o->citations, optarg, "--citations"))) {
                return code;
            }
            if (strcmp(optarg, "full") != 0 && strcmp(optarg, "ids") != 0) {
                return cli_usage("--citations '%.40s' is not known; expected full or ids", optarg);
            }
            o->citation_ids = strcmp(optarg, "ids") == 0;
            break;
        case 'D': code = set_once(&o->data, optarg, "--data"); break;
        case 'm': code = set_once(&o->mci, optarg, "--mci"); break;
        case 'S': o->flags |= KZP_Q_ALLOW_STALE; break;
        case 'X': o->flags |= KZP_Q_STRICT; break;
        case 'V': o->version = true; break;
        case 'h': o->help = true; break;
        case 'M':
            o->flags |= KZP_Q_MITIGATED;
            o->used |= OPT_MITIGATED;
            break;
        case 'A':
            o->flags |= KZP_Q_ACCELERATED;
            o->used |= OPT_ACCELERATED;
            break;
        case 'f':
        case 'w':
        case 'c':
        case 'a':
            if (o->sentence) {
                return cli_usage("%s", "give one proposed sentence: --fine, --correctional-work, "
                                       "--community-service or --arrest");
            }
            o->sentence = optarg;
            o->sentence_kind = c == 'f'   ? KZP_KIND_FINE
                               : c == 'w' ? KZP_KIND_CORRECTIONAL_WORK
                               : c == 'c' ? KZP_KIND_COMMUNITY_SERVICE
                                          : KZP_KIND_ARREST;
            o->used |= c == 'f' ? OPT_FINE : c == 'w' ? OPT_CW : c == 'c' ? OPT_CS : OPT_ARREST;
            break;
        case 'O':
            o->flags |= KZP_Q_ORDER_PROCEDURE;
            o->used |= OPT_ORDER;
            break;
        case 'R':
            code = set_once(&o->rule, optarg, "--rule");
            o->used |= OPT_RULE;
            break;
        case 'F':
            code = set_once(&o->from, optarg, "--from");
            o->used |= OPT_FROM;
            break;
        case 'T':
            code = set_once(&o->to, optarg, "--to");
            o->used |= OPT_TO;
            break;
        case 'H':
            o->history = true;
            o->used |= OPT_HISTORY;
            break;
        case 'P':
            code = set_once(&o->purpose, optarg, "--purpose");
            o->used |= OPT_PURPOSE;
            break;
        case 'I':
        case 'U': {
            const char *name = c == 'I' ? "--input-format" : "--output-format";
            if ((code = set_once(c == 'I' ? &o->input_format : &o->output_format, optarg, name))) {
                return code;
            }
            if (strcmp(optarg, "csv") != 0 && strcmp(optarg, "jsonl") != 0 &&
                (c == 'I' || strcmp(optarg, "html") != 0)) {
                return cli_usage("%s '%.40s' is not known; expected csv%s or jsonl", name, optarg,
                                 c == 'I' ? "" : ", html");
            }
            o->used |= c == 'I' ? OPT_INPUT_FORMAT : OPT_OUTPUT_FORMAT;
            break;
        }
        default: /* ':' (a value is missing) or '?' (unknown, ambiguous, or a value it takes not) */
            return option_error(argv[optind - 1], optopt);
        }
        if (code) {
            return code;
        }
        index = -1;
    }
    return CLI_EXIT_OK;
}

static const command_def *find_command(const char *name)
{
    for (size_t i = 0; i < sizeof COMMANDS / sizeof COMMANDS[0]; i++) {
        if (strcmp(COMMANDS[i].name, name) == 0) {
            return &COMMANDS[i];
        }
    }
    return NULL;
}

static void print_command_help(FILE *f, const char *name)
{
    for (size_t i = 0; i < sizeof HELP / sizeof HELP[0]; i++) {
        if (strcmp(HELP[i].name, name) == 0) {
            fputs(HELP[i].text, f);
        }
    }
}

static int build_context(kzp_ctx **out, const options *o)
{
    kzp_ctx *ctx = NULL;
    kzp_error err = {0};
    cli_error e;
    int rc = o->data ? kzp_ctx_new_from_file(&ctx, o->data, &err) : kzp_ctx_new(&ctx, &err);
    if (rc) {
        if (err.line > 0) {
            cli_fail(&e, rc, "%s:%d:%d: %s", o->data, err.line, err.column, err.message);
        } else {
            cli_fail(&e, rc, "%s", err.message);
        }
        /* Whatever the problem (a bad date, an unknown kind...), it is in the data: exit 3. */
        return cli_report(&e) == CLI_EXIT_INTERNAL ? CLI_EXIT_INTERNAL : CLI_EXIT_DATA;
    }
    /* MCI update files from the documented place (KZPENALTY_UPDATES, else the XDG data
     * directories): a broken one stops the command, as a broken --data does */
    kzp_ctx *updated = NULL;
    rc = kzp_ctx_new_with_updates(&updated, ctx, NULL, &err);
    kzp_ctx_free(ctx);
    if (rc) {
        cli_fail(&e, rc, "%s", err.message);
        return cli_report(&e) == CLI_EXIT_INTERNAL ? CLI_EXIT_INTERNAL : CLI_EXIT_DATA;
    }
    ctx = updated;
    if (o->mci) {
        kzp_qty tenge;
        kzp_ctx *w = NULL;
        /* a sign is read here so that the library, which knows the allowed range, can say it */
        bool negative = o->mci[0] == '-';
        rc = kzp_qty_parse(&tenge, o->mci + negative, &err);
        if (rc == KZP_E_OVERFLOW) {
            kzp_ctx_free(ctx);
            return cli_usage_as(rc, "--mci '%.40s' is too large for a hypothetical MCI, e.g. --mci 5000", o->mci);
        }
        if (rc != KZP_OK || tenge.centi % 100 != 0) {
            kzp_ctx_free(ctx);
            return cli_usage_as(KZP_E_BAD_NUMBER, "--mci '%.40s' is not a whole number of tenge, e.g. --mci 5000",
                                o->mci);
        }
        /* the library says which values a hypothetical MCI may take */
        rc = kzp_ctx_new_what_if(&w, ctx, negative ? -(tenge.centi / 100) : tenge.centi / 100, &err);
        kzp_ctx_free(ctx);
        if (rc) {
            cli_fail(&e, rc, "--mci: %s", err.message);
            return cli_report(&e);
        }
        ctx = w;
    }
    *out = ctx;
    return CLI_EXIT_OK;
}

/* A whole JSON document on standard output. */
static void print_json(cli_out *out, void (*write)(cli_json *, const kzp_ctx *), const kzp_ctx *ctx, bool ids)
{
    cli_json j = {.citation_ids = ids};
    jw_init(&j.w, 2);
    write(&j, ctx);
    cli_out_json(out, &j.w);
    jw_free(&j.w);
}

static int print_version(cli_out *out, const kzp_ctx *ctx, bool json)
{
    kzp_dataset_info info;
    kzp_ctx_info(&info, ctx);
    if (json) {
        print_json(out, cli_json_version, ctx, false);
    } else {
        fprintf(out->f, "kzpenalty %s (library %s; dataset %s %s, verified %s, MCI known until %s)\n",
                KZP_VERSION_STRING, kzp_version_string(), info.id, info.version, info.verified_on,
                info.mci_known_until);
        fprintf(out->f, "dataset SHA-256 %s\n", kzp_ctx_sha256(ctx)[0] ? kzp_ctx_sha256(ctx) : "-");
        cli_updates_text(out->f, ctx, KZP_LANG_EN);
    }
    return CLI_EXIT_OK;
}

static int listing(cli_out *out, const options *o, const command_def *cmd, const kzp_ctx *ctx, const cli_style *st)
{
    int purpose = -1;
    if (o->purpose && kzp_purpose_parse(&purpose, o->purpose) != KZP_OK) {
        return cli_usage_as(KZP_E_UNKNOWN_KIND, "--purpose '%.40s' is not known; expected fines or benefits",
                            o->purpose);
    }
    bool articles = strcmp(cmd->name, "articles") == 0;
    if (o->json && articles) {
        print_json(out, cli_json_articles, ctx, o->citation_ids);
    } else if (o->json) {
        cli_json j = {.citation_ids = o->citation_ids};
        jw_init(&j.w, 2);
        cli_json_mci_history(&j, ctx, purpose); /* purpose -1: every period */
        cli_out_json(out, &j.w);
        jw_free(&j.w);
    } else if (articles) {
        cli_articles_text(out->f, ctx, st);
        cli_receipt_text(out->f, ctx, st->lang);
    } else {
        cli_mci_history_text(out->f, ctx, purpose, st);
        cli_receipt_text(out->f, ctx, st->lang);
    }
    return CLI_EXIT_OK;
}

/* The command line as the user gave it, for the HTML document's "Request" line (read before
 * getopt reorders argv); an argument with a space or a quote is quoted as a shell would take it
 * back. Whole, however long; bytes that are not UTF-8 become '?'. NULL when memory runs out. */
static char *request_text(int argc, char **argv)
{
    char *text = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&text, &len);
    if (!m) {
        return NULL;
    }
    fputs("kzpenalty", m);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '\0' && strpbrk(a, " \t\n'\"\\$`*?;&|<>()") == NULL) {
            fprintf(m, " %s", a);
            continue;
        }
        fputs(" '", m); /* in single quotes, a ' is written '\'' */
        for (const char *c = a; *c; c++) {
            if (*c == '\'') {
                fputs("'\\''", m);
            } else {
                fputc(*c, m);
            }
        }
        fputc('\'', m);
    }
    if (fclose(m) != 0) {
        free(text);
        return NULL;
    }
    for (size_t i = 0; i < len;) { /* the document is UTF-8 text: mend what an argument brought */
        size_t n = kzp_utf8_char_len(text + i, len - i);
        unsigned char b = (unsigned char)text[i];
        if (n == 0 || (b < 0x20 && b != '\t' && b != '\n') || b == 0x7f) { /* HTML allows no other control */
            text[i] = '?';
            n = 1;
        }
        i += n;
    }
    return text;
}

/* When the document was made, in UTC; SOURCE_DATE_EPOCH, when set, fixes it (the reproducible-builds
 * convention), so that a test or an archive can make the same bytes twice. */
static const char *made_at_text(char *buf, size_t n)
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    char *end = NULL;
    long long fixed = epoch ? strtoll(epoch, &end, 10) : 0;
    time_t t = epoch && end != epoch && *end == '\0' && fixed >= 0 ? (time_t)fixed : time(NULL);
    struct tm tm;
    if (!gmtime_r(&t, &tm) || strftime(buf, n, "%Y-%m-%d %H:%M:%S UTC", &tm) == 0) {
        snprintf(buf, n, "%s", "-");
    }
    return buf;
}

static int question(cli_out *out, const options *o, const command_def *cmd, char **args, const kzp_ctx *ctx,
                    const cli_style *st, const char *date)
{
    /* every question but a conversion is about a date: one the user did not give is said first */
    bool assumed = !o->date && strcmp(cmd->name, "convert") != 0;
    cli_request rq = {.op = cmd->name, .date = date, .flags = o->flags, .purpose = o->purpose};
    if (strcmp(cmd->name, "range") == 0 || strcmp(cmd->name, "check") == 0) {
        rq.article = args[0];
        rq.kind = o->sentence ? kzp_kind_name(o->sentence_kind) : NULL;
        rq.amount = o->sentence;
    } else if (strcmp(cmd->name, "fine") == 0) {
        rq.mci_count = args[0];
    } else if (strcmp(cmd->name, "convert") == 0) {
        rq.amount = args[0];
        rq.from = o->from;
        rq.to = o->to;
        rq.rule = o->rule;
    }
    cli_result r;
    cli_error e;
    if (cli_execute(&r, &e, ctx, &rq) != KZP_OK) {
        return cli_report(&e);
    }
    if (o->json) {
        cli_json j = {.citation_ids = o->citation_ids};
        jw_init(&j.w, 2);
        jw_begin_object(&j.w);
        if (assumed) {
            jw_kbool(&j.w, "date_assumed", true);
        }
        cli_json_result_members(&j, &r, ctx, o->lang);
        jw_end_object(&j.w);
        cli_out_json(out, &j.w);
        jw_free(&j.w);
    } else if (o->html) {
        char made_at[32];
        cli_html h = {.result = &r,
                      .request = o->request,
                      .made_at = made_at_text(made_at, sizeof made_at),
                      .date = date,
                      .date_assumed = assumed};
        if (cli_html_document(out->f, &h, ctx, st) != 0) {
            cli_fail(&e, KZP_E_NOMEM, "out of memory while writing the HTML document");
            return cli_report(&e);
        }
    } else {
        if (assumed) {
            cli_date_assumed_text(out->f, date, st);
        }
        cli_result_text(out->f, &r, ctx, st);
        cli_receipt_text(out->f, ctx, st->lang);
    }
    return strcmp(cmd->name, "check") == 0 && !r.check.fits ? CLI_EXIT_NOT_FIT : CLI_EXIT_OK;
}

/* Whether batch reads CSV: as --input-format says, else when FILE's name ends in .csv (any case,
 * as Windows names it); standard input is JSON Lines unless told. */
static bool batch_csv_input(const options *o, const char *file)
{
    if (o->input_format) {
        return strcmp(o->input_format, "csv") == 0;
    }
    size_t n = file ? strlen(file) : 0;
    return n > 4 && strcasecmp(file + n - 4, ".csv") == 0;
}

static int run(cli_out *out, const options *o, const command_def *cmd, char **args, int nargs)
{
    /* a date as people write it (2026-02-10 or 10.02.2026), given on as ISO */
    char date_iso[11];
    kzp_error date_err;
    if (o->date && kzp_date_parse(date_iso, o->date, &date_err) != KZP_OK) {
        return cli_usage_as(KZP_E_BAD_DATE, "--date: %s", date_err.message);
    }
    bool citations = strcmp(cmd->name, "dataset") == 0 && strcmp(args[0], "citations") == 0;
    if (strcmp(cmd->name, "dataset") == 0 && !citations) {
        if (strcmp(args[0], "check") != 0) {
            return cli_usage("unknown dataset command '%.40s'; expected: dataset check FILE, or dataset citations",
                             args[0]);
        }
        if (nargs != 2) {
            return cli_usage("%s", "'dataset check' takes a FILE; see 'kzpenalty dataset --help'");
        }
        return cli_dataset_check(out, args[1], o->json);
    }
    if (citations && nargs != 1) {
        return cli_usage("'dataset citations' takes no FILE; give --data FILE to list another dataset's");
    }
    kzp_ctx *ctx = NULL;
    int code = build_context(&ctx, o);
    if (code) {
        return code;
    }
    const char *date = o->date ? date_iso : o->today;
    cli_style st = {.lang = o->lang, .color = !o->json && !o->html && isatty(STDOUT_FILENO) && !getenv("NO_COLOR")};
    if (strcmp(cmd->name, "batch") == 0) {
        bool csv_in = batch_csv_input(o, nargs ? args[0] : NULL);
        bool html_out = o->output_format && strcmp(o->output_format, "html") == 0;
        bool csv_out = o->output_format ? strcmp(o->output_format, "csv") == 0 : csv_in;
        if ((csv_out || html_out) && (o->json || o->citations)) {
            kzp_ctx_free(ctx);
            return cli_usage("%s shapes JSON output; the batch's output is %s here (--output-format jsonl for JSON "
                             "Lines)",
                             o->json ? "--json" : "--citations", html_out ? "HTML" : "CSV");
        }
        FILE *in = stdin;
        if (nargs == 1 && strcmp(args[0], "-") != 0 && !(in = fopen(args[0], "rb"))) {
            kzp_ctx_free(ctx);
            cli_error e;
            cli_fail(&e, KZP_E_IO, "cannot open '%.200s': %s", args[0], strerror(errno));
            return cli_report(&e);
        }
        struct stat in_st;
        if (in != stdin && fstat(fileno(in), &in_st) == 0 && S_ISDIR(in_st.st_mode)) {
            /* fopen takes a directory; its first read would fail with a message naming no file */
            fclose(in);
            kzp_ctx_free(ctx);
            cli_error e;
            cli_fail(&e, KZP_E_IO, "'%.200s' is a directory; batch reads a file of JSON Lines, or standard input",
                     args[0]);
            return cli_report(&e);
        }
        /* a line without a date is an error unless --date gives one: a batch never assumes today */
        char made_at[32];
        cli_batch_options bo = {.default_date = o->date ? date_iso : NULL,
                                .flags = o->flags & (KZP_Q_ALLOW_STALE | KZP_Q_STRICT),
                                .lang = o->lang,
                                .citation_ids = o->citation_ids,
                                .csv_in = csv_in,
                                .csv_out = csv_out,
                                .html_out = html_out,
                                .made_at = made_at_text(made_at, sizeof made_at)};
        /* A batch's answers are buffered to the end anyway: a larger buffer than stdio's 4 KiB makes
         * one write call for a hundred answers, not for two (bench/results/batch.md). Static: stdio
         * uses it until the process exits. Nothing was written yet; if refused, stdio's own stays. */
        static char out_buffer[256 * 1024];
        if (out->f == stdout) {
            (void)setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
        }
        code = cli_batch(in, out, ctx, &bo);
        if (in != stdin) {
            fclose(in);
        }
    } else if (citations && o->json) {
        print_json(out, cli_json_citations, ctx, false); /* the table itself is always whole */
    } else if (citations) {
        cli_citations_text(out->f, ctx, &st);
    } else if (strcmp(cmd->name, "articles") == 0 || (strcmp(cmd->name, "mci") == 0 && o->history)) {
        code = listing(out, o, cmd, ctx, &st);
    } else {
        code = question(out, o, cmd, args, ctx, &st, date);
    }
    kzp_ctx_free(ctx);
    return code;
}

/* The command's work, then its output checked: a write that failed (a full disk, a closed pipe)
 * makes the exit code CLI_EXIT_OUTPUT, even after a failure whose JSON error was lost with it:
 * a reader of standard output got less than it was promised, and only 5 says so. */
static int finish(cli_out *out, int code)
{
    if (cli_out_finish(out) != 0) {
        return cli_output_failed(out->err);
    }
    return code;
}

static int dispatch(cli_out *out, options *o, int argc, char **argv)
{
    int code = parse_options(o, argc, argv);
    if (code) {
        return code;
    }
    char **args = argv + optind;
    int nargs = argc - optind;
    if (o->help && nargs == 0) {
        fputs(USAGE, out->f);
        return CLI_EXIT_OK;
    }
    if ((o->html || o->format_text) && o->json) {
        return cli_usage("--format %s and --json ask for two outputs; give one", o->html ? "html" : "text");
    }
    if (o->version && o->html) {
        return cli_usage("%s", "--format html is for range, fine, check and convert, not --version");
    }
    if (o->version) {
        kzp_ctx *ctx = NULL;
        if ((code = build_context(&ctx, o))) {
            /* the data failed (a broken update file, a bad --data): which release refused it is
             * still worth saying, for the report a user sends */
            if (!o->json) {
                fprintf(out->f, "kzpenalty %s (library %s; no dataset: see the error)\n", KZP_VERSION_STRING,
                        kzp_version_string());
            }
            return code;
        }
        code = print_version(out, ctx, o->json);
        kzp_ctx_free(ctx);
        return code;
    }
    if (nargs == 0) {
        fputs(USAGE, stderr);
        return CLI_EXIT_USAGE;
    }
    const command_def *cmd = find_command(args[0]);
    if (!cmd) {
        return cli_usage("unknown command '%.40s'; expected range, fine, check, convert, mci, articles, batch or "
                         "dataset",
                         args[0]);
    }
    if (o->help) {
        print_command_help(out->f, cmd->name);
        return CLI_EXIT_OK;
    }
    for (size_t i = 0; i < sizeof OPT_NAMES / sizeof OPT_NAMES[0]; i++) {
        if ((o->used & (1u << i)) && !(cmd->options & (1u << i))) {
            return cli_usage("%s is not an option of '%s'", OPT_NAMES[i], cmd->name);
        }
    }
    if (strcmp(cmd->name, "dataset") == 0 && (nargs - 1 < cmd->min_args || nargs - 1 > cmd->max_args)) {
        return cli_usage("%s", "'dataset' takes 'check FILE' or 'citations'; see 'kzpenalty dataset --help'");
    }
    if (nargs - 1 < cmd->min_args || nargs - 1 > cmd->max_args) {
        return cli_usage("'%s' takes %s; see 'kzpenalty %s --help'", cmd->name,
                         cmd->min_args == cmd->max_args ? (cmd->min_args == 1   ? "one argument"
                                                           : cmd->min_args == 2 ? "two arguments"
                                                                                : "no arguments")
                                                        : "at most one argument",
                         cmd->name);
    }
    if (o->citations && !o->json && strcmp(cmd->name, "batch") != 0) {
        return cli_usage("--citations shapes JSON output: give it with --json, or to batch");
    }
    if (o->format_text && strcmp(cmd->name, "batch") == 0) {
        return cli_usage("%s", "a batch writes JSON Lines, CSV or HTML: choose with --output-format, not --format");
    }
    if (o->html && strcmp(cmd->name, "range") != 0 && strcmp(cmd->name, "fine") != 0 &&
        strcmp(cmd->name, "check") != 0 && strcmp(cmd->name, "convert") != 0) {
        return cli_usage("--format html is for range, fine, check and convert, not '%s'%s", cmd->name,
                         strcmp(cmd->name, "batch") == 0 ? "; a batch takes --output-format html (a page a line)" : "");
    }
    if (strcmp(cmd->name, "check") == 0 && !o->sentence) {
        return cli_usage("%s", "check needs a proposed sentence: --fine MCI, --correctional-work MCI, "
                               "--community-service HOURS or --arrest DAYS");
    }
    return run(out, o, cmd, args + 1, nargs - 1);
}

int main(int argc, char **argv)
{
    options o = {.lang = KZP_LANG_EN};
    char *request = request_text(argc, argv);
    o.request = request ? request : "kzpenalty";
    time_t now = time(NULL);
    struct tm tm_now;
    strftime(o.today, sizeof o.today, "%Y-%m-%d", localtime_r(&now, &tm_now) ? &tm_now : gmtime(&now));
    cli_out out = {stdout, 0};
    int code = finish(&out, dispatch(&out, &o, argc, argv));
    free(request);
    return code;
}
