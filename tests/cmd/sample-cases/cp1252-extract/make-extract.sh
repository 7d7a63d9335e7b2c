#!/bin/sh
# make-extract.sh SEED ROWS DIR: a generated extract of our own made to look
# like an Excel export on Windows: accented names, an en dash and curly
# quotes in case-level fields, a pound sign and an extra column whose header
# is not ASCII; DIR/utf8.csv and the same bytes in Windows-1252, DIR/cp1252.csv.
set -eu
"$ROOT/build/gen/gen-examples" --seed "$1" --rows "$2" annexa |
	sed 's/Family Court at /Family Court – /; s/Joseph/Joséph/g; s/Zara/Zära/g; s/ Team \([0-9]\)/ Téam \1/' |
	awk 'NR == 1 { print $0 ",Notes (£)"; next } { print $0 ",‘fee’ £" NR % 7 }' >"$3/utf8.csv"
iconv -f UTF-8 -t CP1252 "$3/utf8.csv" >"$3/cp1252.csv"
