/* jansson's public configuration for the kzpenalty packages that compile jansson in (the npm
 * package's addon, the Python wheel): the values a Linux or macOS build with GCC or Clang
 * detects, the same as Debian's libjansson-dev (64-bit integers as long long, atomic reference
 * counts). jansson's own build system generates this file; the packages have none, so this one
 * stands in for it. See packaging/README.md. */
#ifndef JANSSON_CONFIG_H
#define JANSSON_CONFIG_H

#define JSON_INLINE inline
#define JSON_INTEGER_IS_LONG_LONG 1
#define JSON_HAVE_LOCALECONV 1
#define JSON_HAVE_ATOMIC_BUILTINS 1
#define JSON_HAVE_SYNC_BUILTINS 1
#define JSON_PARSER_MAX_DEPTH 2048

#endif
