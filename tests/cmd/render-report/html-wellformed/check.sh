# One self-contained page: well-formed (as XML too), only HTML5/SVG tag names
# unknown to libxml2's HTML 4 parser, lang, table headers, print styles, the SVG.
set -eu
xmllint --noout "$OUT"
xmllint --html --noout "$OUT" 2>"$TMP/lint" || { cat "$TMP/lint"; exit 1; }
bad=$(grep 'error' "$TMP/lint" | grep -v -E 'Tag (main|nav|figure|figcaption|svg|title|desc|rect|text|tspan|line) invalid' || true)
[ -z "$bad" ] || { echo "$bad"; exit 1; }
grep -q '^<!DOCTYPE html>$' "$OUT"
grep -q '<html lang="en">' "$OUT"
grep -q '<th scope="col">Grade</th>' "$OUT"
grep -q '<th scope="row">The effectiveness of leaders and managers</th>' "$OUT"
grep -q '@media print' "$OUT"
grep -q '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="coverage-title coverage-desc"' "$OUT"
grep -q '<title>Criterion 16, Wessex: 1 entry</title>' "$OUT"
grep -q '<title>Criterion 16, North East: 1 entry</title>' "$OUT"
grep -q '<title>Criterion 2, Wessex: 1 entry</title>' "$OUT"
grep -q '<h1>Evidence pack: Inspection of the Children' "$OUT"
grep -q -E '<h2 id="s[0-9]+">How the inspection was done</h2>' "$OUT"
# the contents list links every section
grep -q '<nav class="contents" aria-labelledby="contents">' "$OUT"
[ "$(grep -c '<li><a href="#s[0-9]*">' "$OUT")" = "$(grep -c '<h2 id="s[0-9]*">' "$OUT")" ]
# OFFICIAL-SENSITIVE on screen, and fixed at the top and bottom of every printed page
grep -q '<div class="marking-print marking-top" aria-hidden="true">OFFICIAL-SENSITIVE</div>' "$OUT"
grep -q '<div class="marking-print marking-bottom" aria-hidden="true">OFFICIAL-SENSITIVE</div>' "$OUT"
# self-contained: nothing fetched from elsewhere
if grep -q -E '<(link|script|img)[ >]|src=' "$OUT"; then echo 'fetches from elsewhere'; exit 1; fi
# the coverage picture's labels are whole: wrapped into lines, never cut short
if grep -q '…</text>' "$OUT"; then echo 'a label cut short'; exit 1; fi
grep -q '<tspan x="322" dy="0">' "$OUT"
