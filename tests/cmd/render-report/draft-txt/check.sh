# Plain text draft: the title and every section say DRAFT, top and bottom too.
set -eu
head -1 "$OUT" | grep -q '^OFFICIAL-SENSITIVE$'
sed -n 3p "$OUT" | grep -q '^DRAFT: Evidence pack: Inspection of'
[ "$(grep -c '^DRAFT: ' "$OUT")" -ge 11 ]
grep -q '^DRAFT: not for publication. The evidence or the report is not yet complete.$' "$OUT"
tail -3 "$OUT" | head -1 | grep -q '^DRAFT: not for publication.$'
tail -1 "$OUT" | grep -q '^OFFICIAL-SENSITIVE$'
grep -q '^DRAFT: How the inspection was done$' "$OUT"
