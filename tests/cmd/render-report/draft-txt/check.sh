# Plain text draft: the title and every section say DRAFT, top and bottom too.
set -eu
head -1 "$OUT" | grep -q '^DRAFT: Inspection of'
[ "$(grep -c '^DRAFT: ' "$OUT")" -ge 11 ]
grep -q '^DRAFT: not for publication. The evidence or the report is not yet complete.$' "$OUT"
tail -1 "$OUT" | grep -q '^DRAFT: not for publication.$'
grep -q '^DRAFT: How the inspection was done$' "$OUT"
