# One self-contained page: well-formed (as XML too), only HTML5/SVG tag names
# unknown to libxml2's HTML 4 parser, lang, table headers, print styles, the SVG.
set -eu
xmllint --noout "$OUT"
xmllint --html --noout "$OUT" 2>"$TMP/lint" || { cat "$TMP/lint"; exit 1; }
bad=$(grep 'error' "$TMP/lint" | grep -v -E 'Tag (main|figure|figcaption|svg|title|desc|rect|text|line) invalid' || true)
[ -z "$bad" ] || { echo "$bad"; exit 1; }
grep -q '^<!DOCTYPE html>$' "$OUT"
grep -q '<html lang="en">' "$OUT"
grep -q '<th scope="col">Grade</th>' "$OUT"
grep -q '<th scope="row">The impact of leaders on practice with children and families</th>' "$OUT"
grep -q '@media print' "$OUT"
grep -q '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="coverage-title coverage-desc"' "$OUT"
grep -q '<title>Criterion 16, Wessex: 1 entry</title>' "$OUT"
grep -q '<title>Criterion 16, North East: 1 entry</title>' "$OUT"
grep -q '<title>Criterion 2, Wessex: 1 entry</title>' "$OUT"
grep -q '<h1>Inspection of the Children' "$OUT"
grep -q '<h2>How the inspection was done</h2>' "$OUT"
# self-contained: nothing fetched from elsewhere
! grep -q -E '<(link|script|img)[ >]|src=' "$OUT"
