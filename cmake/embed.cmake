# Turns the dataset JSON into a C source file, so the library works with no files at all.
# Usage: cmake -DIN=data/kzpenalty.json -DOUT=kzp_embedded_dataset.c -P embed.cmake
file(READ "${IN}" hex HEX)
# the SHA-256 printed on receipts, computed here once rather than at every start
file(SHA256 "${IN}" sha256)
string(LENGTH "${hex}" hexlen)
math(EXPR len "${hexlen} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "((0x[0-9a-f][0-9a-f],){16})" "\\1\n" bytes "${bytes}")
file(WRITE "${OUT}.tmp"
"/* Generated from data/kzpenalty.json by cmake/embed.cmake. Do not edit. */
#include <stddef.h>
const char kzp_embedded_dataset[] = {
${bytes}
0x00};
const size_t kzp_embedded_dataset_len = ${len};
const char kzp_embedded_sha256[] = \"${sha256}\";
")
file(RENAME "${OUT}.tmp" "${OUT}")
