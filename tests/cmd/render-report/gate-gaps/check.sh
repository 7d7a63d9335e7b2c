# Refused: nothing written, not even the -o file.
set -eu
[ ! -e "$TMP/report.md" ]
[ ! -s "$OUT" ]
