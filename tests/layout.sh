#!/bin/sh
# layout.sh: the rules of the source tree's layout (README, "Layout"), checked
# on every `make check`. It fails when, within one program (lib/ and one
# cmd/<tool>/):
#   - a type (struct, union, enum tag or typedef) is defined twice;
#   - a global function or variable is defined twice, or a static one takes
#     the name of a global one;
#   - two headers share an include guard;
# or when a lib/core file includes a header from above core, a lib/ file
# includes cmd/, a test or fuzzer includes a .c file, or a tool's main()
# passes 80 lines. Universal Ctags reads the definitions.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
command -v ctags >/dev/null 2>&1 || { echo "layout: ctags (universal-ctags) is needed" >&2; exit 2; }
ctags --version 2>/dev/null | grep -q 'Universal Ctags' ||
	{ echo "layout: ctags is not Universal Ctags" >&2; exit 2; }
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "layout: $*"; fail=1; }

# name kind file static?  for every definition in the named files
defs() {
	ctags -x --_xformat='%N %K %F %{C.properties}' --fields-C=+'{properties}' \
		--kinds-C=fsugtv --language-force=C "$@" 2>/dev/null | grep -v '^__anon'
}

# clashes PROGRAM FILE: the clashes among the definitions in FILE
clashes() {
	awk '$2 ~ /^(struct|union|enum|typedef)$/ {print $1}' "$2" | sort | uniq -d |
		while read -r n; do
			echo "type $n defined twice ($1): $(awk -v n="$n" '$1 == n && $2 ~ /^(struct|union|enum|typedef)$/ {printf "%s ", $3}' "$2")"
		done
	awk '$2 ~ /^(function|variable)$/ && $4 != "static" {print $1}' "$2" | sort >"$tmp/glob"
	uniq -d "$tmp/glob" | while read -r n; do
		echo "global $n defined twice ($1)"
	done
	awk '$2 ~ /^(function|variable)$/ && $4 == "static" {print $1}' "$2" | sort -u |
		comm -12 - "$tmp/glob" | while read -r n; do
			echo "static $n shadows a global name ($1): $(awk -v n="$n" '$1 == n {printf "%s ", $3}' "$2")"
		done
}

defs $(find lib -name '*.[ch]' | sort) >"$tmp/lib"
clashes lib "$tmp/lib" >"$tmp/out"
ntools=0
for dir in cmd/*/; do
	tool=$(basename "$dir")
	ntools=$((ntools + 1))
	defs $(find "$dir" -name '*.[ch]' | sort) >"$tmp/cmd"
	awk '{print " " $1 " "}' "$tmp/cmd" | sort -u >"$tmp/cmd.names"
	cat "$tmp/lib" "$tmp/cmd" >"$tmp/all"
	# only what the tool's own files add
	clashes "$tool" "$tmp/all" | grep -F -f "$tmp/cmd.names" 2>/dev/null >>"$tmp/out" || true
done
[ "$ntools" -gt 0 ] || bad "no tool found under cmd/"
if [ -s "$tmp/out" ]; then
	sort -u "$tmp/out" | sed 's/^/layout: /'
	fail=1
fi

# include guards
for h in $(find lib cmd -name '*.h'); do
	g=$(sed -n 's/^#ifndef \([A-Z0-9_]*_H\)$/\1/p' "$h" | head -1)
	[ -n "$g" ] || { bad "$h: no include guard"; continue; }
	echo "$g $h"
done | sort >"$tmp/guards"
awk '{print $1}' "$tmp/guards" | uniq -d | while read -r g; do
	echo "layout: include guard $g in $(awk -v g="$g" '$1 == g {printf "%s ", $2}' "$tmp/guards")"
done >"$tmp/gout"
[ -s "$tmp/gout" ] && { cat "$tmp/gout"; fail=1; }

# core includes nothing above it; lib includes no cmd; no .c is included
for f in lib/core/*.[ch]; do
	grep -n '^#include "' "$f" | grep -v '#include "core/' | while read -r l; do
		echo "layout: $f:${l%%:*}: core includes a header above core"
	done
done >"$tmp/inc"
grep -rn '^#include ".*cmd/' lib | sed 's/^/layout: lib includes cmd: /' >>"$tmp/inc"
grep -rn '^#include ".*\.c"' lib cmd tests | sed 's/^/layout: a .c file is included: /' >>"$tmp/inc"
[ -s "$tmp/inc" ] && { cat "$tmp/inc"; fail=1; }

# a tool's main() fits on a screen
for f in cmd/*/*.c; do
	awk -v f="$f" '/^main\(/ {s = NR} s && /^}/ {n = NR - s + 1; if (n > 80) printf "layout: %s: main() is %d lines (at most 80)\n", f, n; s = 0}' "$f"
done >"$tmp/main"
[ -s "$tmp/main" ] && { cat "$tmp/main"; fail=1; }

if [ $fail = 0 ]; then
	echo "layout: $(wc -l <"$tmp/lib") definitions in lib/, $ntools tools: clean"
fi
exit $fail
