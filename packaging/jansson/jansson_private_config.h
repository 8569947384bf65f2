/* jansson's private configuration for the kzpenalty packages that compile jansson in (read by
 * its sources when HAVE_CONFIG_H is defined): the POSIX headers and calls that Linux and macOS
 * have, so that the hash seed comes from /dev/urandom as in a normal jansson build.
 * See packaging/README.md. */
#ifndef KZP_JANSSON_PRIVATE_CONFIG_H
#define KZP_JANSSON_PRIVATE_CONFIG_H

#if defined(__linux__)
#define HAVE_ENDIAN_H 1
#endif
#define HAVE_FCNTL_H 1
#define HAVE_SCHED_H 1
#define HAVE_UNISTD_H 1
#define HAVE_SYS_PARAM_H 1
#define HAVE_SYS_STAT_H 1
#define HAVE_SYS_TIME_H 1
#define HAVE_SYS_TYPES_H 1
#define HAVE_STDINT_H 1

#define HAVE_CLOSE 1
#define HAVE_GETPID 1
#define HAVE_GETTIMEOFDAY 1
#define HAVE_OPEN 1
#define HAVE_READ 1
#define HAVE_SCHED_YIELD 1

#define HAVE_SYNC_BUILTINS 1
#define HAVE_ATOMIC_BUILTINS 1

#define HAVE_LOCALE_H 1
#define HAVE_SETLOCALE 1

#define USE_URANDOM 1
#define INITIAL_HASHTABLE_ORDER 3

#endif
