// A C++ program on the public header: statuses are kzp_status (an int would not convert back),
// quantities go in as kzp_qty, and an ignored status is something the compiler flags (checked by
// the build's warnings; this file uses every status it gets).
#include <kzpenalty.h>

#include <cstdio>
#include <cstring>

static int failures = 0;

static void expect(bool ok, const char *what)
{
    if (!ok) {
        std::printf("FAILED: %s\n", what);
        failures++;
    }
}

int main()
{
    kzp_ctx *ctx = nullptr;
    kzp_error err;
    kzp_status s = kzp_ctx_new(&ctx, &err);
    expect(s == KZP_OK, "kzp_ctx_new");
    kzp_fine fine;
    s = kzp_fine_compute(&fine, ctx, "2026-02-10", kzp_whole(150), 0, &err);
    expect(s == KZP_OK, "kzp_fine_compute");
    expect(fine.amount_tiyn == 64875000, "150 MCI x 4,325 tenge = 648,750 tenge");
    expect(std::strcmp(fine.valid_from, "2026-01-01") == 0 && std::strcmp(fine.valid_until, "2026-12-31") == 0,
           "the 2026 MCI holds from 2026-01-01 to 2026-12-31");
    s = kzp_fine_compute(&fine, ctx, "2026-02-30", kzp_whole(150), 0, &err);
    expect(s == KZP_E_BAD_DATE && err.code == KZP_E_BAD_DATE, "a date that does not exist");
    kzp_qty q;
    s = kzp_qty_parse(&q, "150,5", &err);
    expect(s == KZP_OK && q.centi == 15050, "150,5 is 15050 hundredths");
    kzp_ctx_free(ctx);
    std::printf("%s\n", failures ? "C++ consumer: failures" : "C++ consumer: ok");
    return failures ? 1 : 0;
}
