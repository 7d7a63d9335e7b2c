set -eu
[ ! -e "$TMP/out.html" ]
