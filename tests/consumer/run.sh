#!/bin/sh
# Installs the build tree into a scratch prefix, then builds and runs a consumer program
# against it twice: through pkg-config and through find_package(kzpenalty); then runs the
# installed command.
# Usage: run.sh BUILD_DIR WORK_DIR
set -eu
build=$1
work=$2
here=$(cd "$(dirname "$0")" && pwd)
cc=${CC:-cc}
rm -rf "$work"
mkdir -p "$work"
cmake --install "$build" --prefix "$work/prefix" >/dev/null

pcdir=$(dirname "$(find "$work/prefix" -name kzpenalty.pc | head -n 1)")
libdir=$(PKG_CONFIG_PATH="$pcdir" pkg-config --variable=libdir kzpenalty)
echo "pkg-config: $(PKG_CONFIG_PATH="$pcdir" pkg-config --cflags --libs kzpenalty)"
# shellcheck disable=SC2046
"$cc" -std=c11 -Wall -Werror "$here/main.c" -o "$work/pc_consumer" \
  $(PKG_CONFIG_PATH="$pcdir" pkg-config --cflags --libs kzpenalty) -Wl,-rpath,"$libdir"
"$work/pc_consumer"

cmake -S "$here" -B "$work/cmake-build" -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_C_COMPILER="$cc" >/dev/null
cmake --build "$work/cmake-build" >/dev/null
"$work/cmake-build/consumer_shared"
"$work/cmake-build/consumer_static"
# The installed command runs from its prefix (it finds the library through its RPATH), and
# its man page is installed: 200 MCI x 4,325 = 865,000 tenge = 86,500,000 tiyn.
"$work/prefix/bin/kzpenalty" fine 200 --date 2026-02-10 --json | grep -q '"amount_tiyn": 86500000'
test -f "$(find "$work/prefix" -path '*man1/kzpenalty.1' | head -n 1)"
echo "consumer: pkg-config and find_package builds both run; the installed kzpenalty command runs"
