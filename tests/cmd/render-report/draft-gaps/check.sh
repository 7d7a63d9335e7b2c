# --draft renders an SEA with gaps and marks the title and every section DRAFT.
set -eu
grep -q '^# DRAFT: Evidence pack: Inspection of' "$OUT"
[ "$(grep -c '^## ' "$OUT")" = "$(grep -c '^## DRAFT: ' "$OUT")" ]
[ "$(grep -c '^## DRAFT: ' "$OUT")" -ge 10 ]
grep -q '^\*No evidence is recorded against this criterion: a gap in the SEA.\*$' "$OUT"
[ "$(grep -c 'class="draft-banner"' "$OUT")" = 2 ]
