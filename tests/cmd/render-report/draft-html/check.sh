# The HTML draft: a DRAFT mark fixed on the page (repeated on every printed page).
set -eu
xmllint --noout "$OUT"
grep -q '<title>DRAFT: Evidence pack: Inspection of' "$OUT"
grep -q '<div class="draft-mark" role="note">DRAFT</div>' "$OUT"
grep -q '@media print{.*\.draft-mark{position:fixed' "$OUT"
grep -q '<body class="draft">' "$OUT"
