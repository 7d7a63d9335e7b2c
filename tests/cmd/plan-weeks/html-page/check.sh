# The HTML plan is one page that parses as XML (xmllint): the timeline
# table with every milestone and deadline (audits due day 4, the draft
# report, factual accuracy, publication), the areas table with the reasons,
# the deployment grid with a row per person, then the SVG Gantt picture with
# week numbers by calendar week; Easter is flagged in the timeline.
set -e
xmllint --noout "$OUT"
x() { xmllint --xpath "$1" "$OUT"; }
L='local-name()'
[ "$(x "count(//*[$L='table'])")" = 3 ]
[ "$(x "count(//*[$L='table'][@class='timeline']/*[$L='tbody']/*[$L='tr'])")" = "$("$TOOL" --start 2027-03-05 2>/dev/null | tail -n +2 | wc -l)" ]
[ "$(x "count(//*[$L='table'][@class='areas']/*[$L='tbody']/*[$L='tr'])")" = 8 ]
[ "$(x "count(//*[$L='table'][@class='grid']/*[$L='tbody']/*[$L='tr'])")" = 10 ]
[ "$(x "count(//*[$L='svg'])")" = 1 ]
# the table comes before the picture
[ "$(x "count(//*[$L='svg']/preceding::*[$L='table'])")" = 3 ]
grep -q 'audit outcomes' "$OUT"
grep -q 'Draft report sent' "$OUT"
grep -qi 'factual accuracy' "$OUT"
grep -q 'Report published' "$OUT"
grep -q 'week 4, 2027-03-22' "$OUT"
x "//*[$L='table'][@class='areas']" | grep -q 'rank'
