#!/bin/sh
# demo.sh [OUTDIR]: the whole pipeline on the synthetic examples in
# share/examples, as a lead inspector would run it over the nine weeks,
# writing every artefact to OUTDIR (default demo-out). Run from the top of
# the source tree (`make demo`), or anywhere with the tools on PATH.
# A step that finds problems in the data (exit 1) is reported and the demo
# goes on; a step that fails (exit 2) stops it. Messages go to OUTDIR/demo.log.
set -eu
OUT=${1:-demo-out}
case $0 in */*) HERE=${0%/*} ;; *) HERE=. ;; esac
ROOT=$(cd "$HERE/../.." && pwd)
EX=$ROOT/share/examples
[ -x "$ROOT/bin/check-annexA" ] && PATH=$ROOT/bin:$PATH
export PATH
umask 077 # the folder and the log are private too, as every tool's output is
mkdir -p "$OUT"
START=2027-01-15 # day 1: the Friday the lead inspector notifies Cafcass
SEED=20270115    # recorded, so anyone can draw the same sample again
LOCAL=2027-01-25 # the local samples are drawn the working day before week 3 on site

step() { # description, then the command
	what=$1
	shift
	rc=0
	"$@" 2>"$OUT/.stderr" || rc=$?
	case $rc in
	0) echo "ok       $what" ;;
	1) echo "finding  $what (exit 1; see demo.log)" ;;
	*) echo "FAILED   $what (exit $rc)"; cat "$OUT/.stderr" >&2; exit "$rc" ;;
	esac
	log_step <"$OUT/.stderr"
}

# log_step: the step's messages (stdin), if any, under its name in demo.log, with
# shell builtins only: a cat per step would cost as much CPU as a small tool's run.
log_step() {
	IFS= read -r line || [ -n "$line" ] || return 0
	{
		echo "== $what"
		printf '%s\n' "$line"
		while IFS= read -r line || [ -n "$line" ]; do printf '%s\n' "$line"; done
	} >>"$OUT/demo.log"
}

plan() { plan-weeks --start $START --areas "$EX/areas.csv" --team "$EX/team.csv" "$@"; }

: >"$OUT/demo.log"
# Day 1, by 14:00: is the Annex A extract complete and usable?
step "check-annexA: the Annex A extract" \
	check-annexA --as-of $START --format json -o "$OUT/annexa-check.json" "$EX/annexa-national.csv"
# Day 1: the 150 national cases, 60 of them for Cafcass to audit.
step "sample-cases national: 150 cases, 60 to audit" \
	sample-cases national --seed $SEED -o "$OUT/sample-national.csv" "$EX/annexa-national.csv"
# Week 2: the last 10 completed complaints investigations, for the NBC.
step "sample-cases complaints: the last 10" \
	sample-cases complaints --as-of $START -o "$OUT/complaints-last10.csv" "$EX/complaints.csv"
# The nine weeks: timetable, areas, team; calendar and picture.
step "plan-weeks: the plan (JSON)" plan --format json -o "$OUT/plan.json"
step "plan-weeks: the timetable" plan --view timeline -o "$OUT/timeline.csv"
step "plan-weeks: the areas to visit" plan --view areas -o "$OUT/areas-chosen.csv"
step "plan-weeks: who is where" plan --view deployment -o "$OUT/deployment.csv"
step "plan-weeks: the calendar" plan --format ics -o "$OUT/plan.ics"
step "plan-weeks: the Gantt picture" plan --format svg -o "$OUT/plan.svg"
step "plan-weeks: the Gantt page" plan --format html -o "$OUT/plan.html"
# Each on-site week: 10 recently filed and 5 closed cases per area, never a national one.
# (one sed gives each area, its first column, after its file name: lower case, - for space)
sed -n '2,$ { s/,.*//; h; y/ABCDEFGHIJKLMNOPQRSTUVWXYZ /abcdefghijklmnopqrstuvwxyz-/; G; s/\n/,/; p; }' \
	"$OUT/areas-chosen.csv" | while IFS=, read -r file area; do
	step "sample-cases local: $area" \
		sample-cases local --area "$area" --closed "$EX/recent-closed.csv" \
		--exclude "$OUT/sample-national.csv" --seed $SEED --as-of $LOCAL \
		-o "$OUT/sample-local-$file.csv" "$EX/recent-filed.csv"
done
# The practice observations, and the inspectors' calendar of them.
step "plan-observations: observations" \
	plan-observations --plan "$OUT/plan.json" --opportunities "$EX/opportunities.csv" \
	-o "$OUT/observations.csv"
step "plan-observations: their calendar" \
	plan-observations --plan "$OUT/plan.json" --opportunities "$EX/opportunities.csv" \
	--format ics -o "$OUT/observations.ics"
# The summary of evidence and analysis, redacted.
step "build-sea: the SEA (JSON)" \
	build-sea --identifiers "$EX/annexa-national.csv" -o "$OUT/sea.json" "$EX"/evidence/*.csv
step "build-sea: the SEA for the team meeting" \
	build-sea --identifiers "$EX/annexa-national.csv" --format md -o "$OUT/sea.md" \
	"$EX"/evidence/*.csv
# The report (handbook paras 103-110): the lead inspector assigns the sections and each
# writer drafts from a skeleton holding the SEA's evidence for the section; the team's
# prose for the examples is in share/examples/sections.
report() {
	render-report --judgements "$EX/judgements.json" --plan "$OUT/plan.json" \
		--sample "$OUT/sample-national.csv" --identifiers "$EX/annexa-national.csv" "$@" \
		"$OUT/sea.json"
}
step "render-report: the sections' skeleton, one file per writer" \
	report --skeleton "$OUT/sections"
cp "$EX"/sections/*.md "$OUT/sections/"
step "render-report: the report as published (HTML)" \
	report --sections "$OUT/sections" --format html -o "$OUT/report.html"
step "render-report: the report as published (Markdown)" \
	report --sections "$OUT/sections" --format md -o "$OUT/report.md"
step "render-report: the team's evidence pack (HTML)" \
	report --audience team --format html -o "$OUT/evidence-pack.html"
step "render-report: the team's evidence pack (Markdown)" \
	report --audience team --format md -o "$OUT/evidence-pack.md"
step "render-report: letter to the Chief Executive (Annex B)" \
	render-report --letter ce-email --details "$EX/details.json" --plan "$OUT/plan.json" \
	-o "$OUT/letter-ce-email.md"
# The staff information and the families' letter go to each area visited.
{ read -r _ && IFS=, read -r first _; } <"$OUT/areas-chosen.csv" # its second line's first column
for letter in staff-info family; do
	step "render-report: letter $letter for $first" \
		render-report --letter $letter --details "$EX/details.json" --plan "$OUT/plan.json" \
		--area "$first" -o "$OUT/letter-$letter.md"
done
# After the inspection: the 2021 framework's cycle to come, and Cafcass's action plan.
step "plan-cycle: the cycle after the last full inspection" \
	plan-cycle --last 2024-02-16 --grade private-law=good --grade public-law=good \
	--grade leadership=good --as-of 2025-06-01 -o "$OUT/cycle.csv"
step "check-action-plan: the plan against the recommendations, and the letter" \
	check-action-plan --recommendations "$EX/recommendations.csv" --plan "$EX/action-plan.md" \
	--draft-sent 2027-04-06 --received 2027-05-03 --letter -o "$OUT/action-plan-letter.md"
step "check-action-plan: the timetable of monitoring the plan" \
	check-action-plan --monitoring --inspection 2027-02-16 -o "$OUT/action-plan-monitoring.csv"
rm -f "$OUT/.stderr"
echo "demo: every artefact is in $OUT/"
