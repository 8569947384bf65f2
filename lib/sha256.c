/* SHA-256 for receipts: nettle computes it where the build links nettle (KZP_HAVE_NETTLE, the
 * CMake build); the bundled bindings and the WebAssembly module build without it, and say so
 * with an empty text. The embedded dataset's is computed when it is embedded, in every build. */
#include "kzp_internal.h"

#ifdef KZP_HAVE_NETTLE
#include <nettle/sha2.h>
#endif

bool kzp_sha256_hex(char out[65], const void *data, size_t len)
{
    out[0] = '\0';
#ifdef KZP_HAVE_NETTLE
    static const char HEX[] = "0123456789abcdef";
    struct sha256_ctx c;
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_init(&c);
    sha256_update(&c, len, data);
    sha256_digest(&c, sizeof digest, digest);
    for (size_t i = 0; i < sizeof digest; i++) {
        out[2 * i] = HEX[digest[i] >> 4];
        out[2 * i + 1] = HEX[digest[i] & 15];
    }
    out[64] = '\0';
    return true;
#else
    (void)data;
    (void)len;
    return false;
#endif
}
