# The sections come in the order of contract section 7, with the grade words.
set -eu
order="^OFFICIAL-SENSITIVE
^# Evidence pack: Inspection of
^## Judgements
^## Summary for children and young people
^## Summary of key findings
^## What needs to improve
^## Areas for priority action
^## The quality and effectiveness of Cafcass private law
^## The quality and effectiveness of Cafcass public law
^## The effectiveness of leaders and managers
^## How the inspection was done
^## Gaps in the evidence
^## Concerns referred back to Cafcass"
last=0
echo "$order" | while IFS= read -r pat; do
	n=$(grep -n -m1 -- "$pat" "$OUT" | cut -d: -f1)
	[ -n "$n" ] || { echo "missing: $pat"; exit 1; }
	[ "$n" -gt "$last" ] || { echo "out of order: $pat"; exit 1; }
	last=$n
done
grep -q '<td>Requires improvement to be good</td>' "$OUT"
[ "$(grep -c '<td>Good</td>' "$OUT")" = 2 ]
grep -q '^\*Reading ease (Flesch) [0-9]*; reading age (Flesch-Kincaid) about [0-9]* years.\*$' "$OUT"
grep -q '^- Children are seen alone in most cases.$' "$OUT"
grep -q '^None: no judgement is inadequate.$' "$OUT"
grep -q '^### Criterion 16: Risk assessment$' "$OUT"
# inspectors are never named
if grep -q -e 'Ann Inspector' -e 'Ben Checker' "$OUT"; then echo 'an inspector named'; exit 1; fi
