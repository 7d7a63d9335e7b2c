#!/bin/sh
# linkage.sh: what every tool maps at start (make check). libxlsxwriter (with
# libcrypto), and zlib, ISA-L and expat (which only read workbooks) are loaded
# on first use through lib/core/dynlib, so no tool may name them among its
# needed libraries: a new call into one of them without a stub in
# lib/core/dynlib_*.c links it again and fails here. libical (with ICU and
# libstdc++) is no tool's at all (lib/plan/icstext writes the calendars; the
# tests link libical as its oracle): a call into it from lib/ fails here. Nor
# may a tool need libm (every library mapped costs each run's start-up).
# The Makefile links with -Wl,--as-needed, so a library no call needs is not
# named (gcc leaves the flag out by default when sanitizing; the Makefile does not).
# Unless configured with --disable-static-deps, libcsv, Jansson, utf8proc and
# libcmark are linked from their archives, so no tool names them either.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
fail=0
n=0
static=none
grep -q '^DEP_LIBS = -Wl,-Bstatic' config.mk && static='libjansson* | libcsv* | libutf8proc* | libcmark*'
for dir in cmd/*/; do
	tool=$(basename "$dir")
	[ -x "bin/$tool" ] || { echo "linkage: bin/$tool is not built"; fail=1; continue; }
	needed=$(readelf -d "bin/$tool" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p') ||
		{ echo "linkage: readelf failed on bin/$tool"; fail=1; continue; }
	[ -n "$needed" ] || { echo "linkage: bin/$tool: no needed library read"; fail=1; continue; }
	for lib in $needed; do
		case $lib in
		libical* | libxlsxwriter* | libcrypto* | libicu* | libstdc++* | libz.* | libisal* | libexpat* | libpcre2* | libm.*)
			echo "linkage: bin/$tool links $lib at start (load it through lib/core/dynlib)"
			fail=1
			;;
		esac
		eval "case \$lib in $static) echo \"linkage: bin/$tool links \$lib shared (configure chose static)\"; fail=1 ;; esac"
	done
	n=$((n + 1))
done
[ "$fail" = 0 ] && echo "linkage: $n tools, none links libical, libxlsxwriter, zlib, ISA-L, expat, PCRE2 or libm at start" &&
	[ "$static" != none ] && echo "linkage: libcsv, Jansson, utf8proc and libcmark linked from their archives"
exit "$fail"
