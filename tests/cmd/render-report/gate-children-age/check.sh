set -eu
[ ! -s "$OUT" ]
