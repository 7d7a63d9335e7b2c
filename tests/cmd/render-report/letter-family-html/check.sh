set -eu
xmllint --noout "$OUT"
grep -q '<html lang="en">' "$OUT"
grep -q 'this will include Cafcass in Wessex.' "$OUT"
grep -q '<a href="http://www.ofsted.gov.uk/inspection-reports/find-inspection-report">' "$OUT"
