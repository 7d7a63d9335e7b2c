set -eu
[ ! -e "$TMP/letter.md" ]
