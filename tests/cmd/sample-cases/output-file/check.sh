#!/bin/sh
# -o writes the file (mode 0600), nothing on stdout, same bytes as stdout.
set -eu
[ "$(stat -c %a "$TMP/s.csv")" = 600 ]
"$TOOL" national --seed 1 ../national-basic/annexa.csv | cmp - "$TMP/s.csv"
