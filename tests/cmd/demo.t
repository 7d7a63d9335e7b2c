#!/bin/sh
# demo.t: the whole pipeline (share/examples/demo.sh) runs on the examples
# and every artefact is there, private (0600) and well-formed: the HTML and
# the SVG parse, the calendars parse back with libical, the letters have no
# blank left, the SEA redacted what was planted and has no gaps, and every
# JSON output is valid against its schema in share/schemas.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
bad() { echo "demo: $*"; fails=$((fails + 1)); }
sh "$ROOT/share/examples/demo.sh" "$T/out" >"$T/log" 2>&1 || { cat "$T/log"; bad "demo.sh failed"; exit 1; }
grep -q '^FAILED' "$T/log" && bad "a step failed"
O=$T/out
for f in annexa-check.json sample-national.csv complaints-last10.csv plan.json timeline.csv \
	areas-chosen.csv deployment.csv plan.ics plan.svg plan.html observations.csv observations.ics \
	sea.json sea.md report.html report.md evidence-pack.html evidence-pack.md \
	sections/key-findings.md sections/private-law.md letter-ce-email.md letter-staff-info.md \
	cycle.csv action-plan-letter.md action-plan-monitoring.csv \
	letter-family.md; do
	[ -s "$O/$f" ] || { bad "$f missing or empty"; continue; }
	[ "$(stat -c %a "$O/$f")" = 600 ] || bad "$f is not mode 0600"
done
[ "$(stat -c %a "$O/demo.log")" = 600 ] || bad "demo.log is not mode 0600"
# The log holds each step's messages under its name, and only those steps'.
grep -A1 '^== plan-observations: observations$' "$O/demo.log" | grep -q '^plan-observations: ' ||
	bad "demo.log lacks plan-observations' messages under its step"
grep -q "^== check-annexA" "$O/demo.log" && bad "demo.log names a step that said nothing"
[ -e "$O/.stderr" ] && bad "the demo left its scratch file"
[ "$(ls "$O" | grep -c '^sample-local-')" = 8 ] || bad "not 8 local samples"
# libxml2's HTML parser knows HTML 4 only: its complaints about HTML5 element
# names (main, figure, ...) are dropped, every other error counts.
html_ok() {
	xmllint --html --noout "$1" 2>&1 | grep 'error' | grep -v 'Tag [a-z]* invalid' >"$T/x"
	[ ! -s "$T/x" ] || { bad "$(basename "$1"): $(head -2 "$T/x")"; return 1; }
}
html_ok "$O/report.html"
html_ok "$O/evidence-pack.html"
# The published report: short (the SEA dump of old was 53,084 bytes), the team's prose,
# nothing case-level; the pack: marked on every page, the register in it.
[ "$(wc -c <"$O/report.md")" -le 13271 ] || bad "report.md is over a quarter of the old report"
grep -q '^Overall, Cafcass is good' "$O/report.md" || bad "report.md lacks the key findings prose"
grep -q 'Guardians scrutinise local authority care plans' "$O/report.md" ||
	bad "report.md lacks the public law section"
grep -Eq '\b[A-Z]{2}[0-9]{8}\b' "$O/report.md" "$O/report.html" && bad "the report prints a case reference"
grep -Eq '\[(name|email|phone|postcode|NHS number|NI number|date of birth)\]' "$O/report.md" &&
	bad "the report prints a placeholder"
grep -q 'Concerns referred back' "$O/report.md" && bad "the report prints the concerns register"
grep -q 'Catherine Ashdown\|Daniel Okonkwo' "$O/report.md" && bad "the report names an inspector"
grep -q 'Reading ease' "$O/report.md" && bad "the report prints the reading ease"
[ "$(head -1 "$O/evidence-pack.md")" = OFFICIAL-SENSITIVE ] || bad "the pack is not marked at its top"
[ "$(tail -1 "$O/evidence-pack.md")" = OFFICIAL-SENSITIVE ] || bad "the pack is not marked at its end"
grep -q 'Concerns referred back' "$O/evidence-pack.md" || bad "the pack lacks the concerns register"
grep -q 'marking-print' "$O/evidence-pack.html" || bad "the pack's HTML is not marked on every page"
html_ok "$O/plan.html"
xmllint --noout "$O/plan.svg" || bad "plan.svg is not well-formed XML"
for c in plan.ics observations.ics; do
	"$ROOT/build/gen/ics-check" "$O/$c" >"$T/ev" || bad "$c does not parse back"
	[ -s "$T/ev" ] || bad "$c has no events"
done
grep -l '\[insert' "$O"/letter-*.md && bad "a letter still has a blank"
grep -q '"total": 0' "$O/sea.json" && bad "the SEA redacted nothing"
grep -q '"gaps": \[\]' "$O/sea.json" || bad "the SEA has gaps"
[ "$(wc -l <"$O/sample-national.csv")" = 151 ] || bad "the national sample is not 150 cases"
# Every JSON output of the demo is valid against its schema (lib/core/jschema
# through build/gen/schema-check); a JSON file with no schema is a failure.
# So are the example inputs that have one (judgements, details).
n=0
for f in "$O"/*.json; do
	case $(basename "$f") in
	annexa-check*.json) s=check-annexA ;;
	plan*.json) s=plan ;;
	observations*.json) s=observations ;;
	sea*.json) s=sea ;;
	*) bad "$(basename "$f"): a JSON output with no schema"; continue ;;
	esac
	"$ROOT/build/gen/schema-check" "$ROOT/share/schemas/$s.schema.json" "$f" >"$T/v" 2>&1 ||
		bad "$(basename "$f") is not valid against $s.schema.json: $(head -3 "$T/v")"
	n=$((n + 1))
done
[ $n -ge 3 ] || bad "only $n JSON outputs to validate"
for s in judgements details; do
	"$ROOT/build/gen/schema-check" "$ROOT/share/schemas/$s.schema.json" "$ROOT/share/examples/$s.json" \
		>"$T/v" 2>&1 || bad "share/examples/$s.json is not valid against $s.schema.json: $(head -3 "$T/v")"
done
[ $fails = 0 ]
