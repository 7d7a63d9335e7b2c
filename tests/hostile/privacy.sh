#!/bin/sh
# privacy.sh: the privacy audit. Every binary is run down every error path
# we can reach with inputs whose personal fields (case names, dates of birth,
# practitioners, inspectors' names, free text, locations) hold sentinel
# values (tests/hostile/privacy/); no sentinel may appear on stderr, nor in
# check-annexA's findings in any format, and every file written with -o is
# created 0600 (under umask 022) with no temporary file left beside it.
set -u
SUITE=privacy
. "$(dirname "$0")/common.sh"
F=$ROOT/tests/hostile/privacy
S=$F/sentinels

# 0 when file $1 holds none of the sentinels; else name the first found.
clean() {
	while IFS= read -r s; do
		if grep -q -a -F -- "$s" "$1"; then
			echo "$s"
			return 1
		fi
	done <"$S"
	return 0
}

# Run one case: label, tool, args... with -o a new file; stderr (and, with
# AUDIT_STDOUT=1, a second run's stdout) must hold no sentinel.
audit() {
	what=$1 tool=$2
	shift 2
	checks=$((checks + 1))
	if "$BIN/$tool" --help 2>&1 | grep -q 'not built yet'; then
		bad "$tool: a placeholder, not the tool: [$what] untested"
		return
	fi
	rm -rf "$T/o" && mkdir "$T/o"
	(umask 022 && timeout -k 5 20 "$BIN/$tool" "$@" -o "$T/o/out" </dev/null >"$T/out" 2>"$T/err")
	rc=$?
	case $rc in 0 | 1 | 2) ;; *) bad "$tool [$what]: exit $rc" ;; esac
	[ -n "${PRIVACY_VERBOSE:-}" ] && echo "== $tool [$what] exit $rc" && head -n 4 "$T/err" | cut -c1-150
	if ! leak=$(clean "$T/err"); then
		bad "$tool [$what]: stderr shows the personal value '$leak'"
		grep -a -F -m 2 -- "$leak" "$T/err" | sed 's/^/    /' | cut -c1-160
	fi
	if [ -e "$T/o/out" ]; then
		m=$(stat -c %a "$T/o/out")
		[ "$m" = 600 ] || bad "$tool [$what]: -o file created mode $m, want 600"
	fi
	[ "$(ls -A "$T/o" | grep -v '^out$' | wc -l)" = 0 ] || bad "$tool [$what]: -o left $(ls -A "$T/o")"
	[ "${AUDIT_STDOUT:-0}" = 1 ] || return 0
	timeout -k 5 20 "$BIN/$tool" "$@" </dev/null >"$T/out" 2>/dev/null
	if ! leak=$(clean "$T/out"); then
		bad "$tool [$what]: a finding shows the personal value '$leak'"
		grep -a -F -m 2 -- "$leak" "$T/out" | sed 's/^/    /' | cut -c1-160
	fi
}

# 1 when at least one run of the tool wrote its -o file 0600 (checked apart
# so that a tool whose every case fails cannot pass the mode check silently).
created_0600() { # tool args...
	tool=$1
	shift
	rm -rf "$T/o" && mkdir "$T/o"
	checks=$((checks + 1))
	(umask 022 && "$BIN/$tool" "$@" -o "$T/o/new" </dev/null >/dev/null 2>"$T/err")
	rc=$?
	[ $rc -le 1 ] || { bad "$tool: the 0600 run failed (exit $rc)"; return; }
	m=$(stat -c %a "$T/o/new" 2>/dev/null)
	[ "$m" = 600 ] || bad "$tool: -o created mode '$m', want 600"
}

AS="--as-of 2027-01-15"
for fmt in text json csv; do
	AUDIT_STDOUT=1 audit "annexa $fmt" check-annexA $AS --format $fmt "$F/annexa.csv"
	AUDIT_STDOUT=1 audit "filed as annexa $fmt" check-annexA $AS --format $fmt "$F/filed.csv"
	AUDIT_STDOUT=1 audit "annexa cp1252 $fmt" check-annexA $AS --encoding cp1252 --format $fmt "$F/annexa.csv"
done
AUDIT_STDOUT=1 audit "documents" check-annexA $AS --documents "$F/filed.csv" "$F/annexa.csv"
audit "national" sample-cases national --seed 1 "$F/annexa.csv"
audit "national cp1252" sample-cases national --seed 1 --encoding cp1252 "$F/annexa.csv"
audit "local" sample-cases local --area Wessex --seed 1 --closed "$F/filed.csv" \
	--exclude "$F/annexa.csv" "$F/filed.csv"
audit "local, annexa as filed" sample-cases local --area Wessex --seed 1 "$F/annexa.csv"
audit "complaints" sample-cases complaints "$F/complaints.csv"
audit "national shortfall" sample-cases national --seed 1 "$F/annexa-ok.csv"
audit "local shortfall" sample-cases local --area Wessex --seed 1 --closed "$F/filed-ok.csv" \
	--exclude "$F/annexa-ok.csv" "$F/filed-ok.csv"
audit "complaints, bad dates" sample-cases complaints -n 5 "$F/complaints-ok.csv"
audit "bad team" plan-weeks --start 2027-01-15 --areas "$EX/areas.csv" --team "$F/team-bad.csv"
audit "team in conflict" plan-weeks --start 2027-01-15 --areas "$EX/areas.csv" \
	--team "$F/team-conflicted.csv" --format json
audit "team as areas" plan-weeks --start 2027-01-15 --areas "$F/team.csv"
audit "evidence as team" plan-weeks --start 2027-01-15 --areas "$EX/areas.csv" --team "$F/evidence.csv"
audit "plan" plan-weeks --start 2027-01-15 --areas "$EX/areas.csv" --team "$F/team.csv" --format json
cp "$T/o/out" "$T/plan.json" 2>/dev/null || bad "plan-weeks: no plan from the sentinel team"
# Opportunities in the areas the plan visits, so that assignment runs and
# reports what it cannot meet (a home visit too far, no consent, clashes).
"$BIN/plan-weeks" --start 2027-01-15 --areas "$EX/areas.csv" --team "$F/team.csv" \
	--view areas 2>/dev/null | awk -F, 'NR > 1 && NR <= 4 {
	loc = "Home of Zebedee Quartermaine SENTINEL-FREE-TEXT-1"
	printf "OPP-%d1,%s,%s,09:30,12:30,home-visit,%s,19,Y\n", NR, $1, $3, loc
	printf "OPP-%d2,%s,%s,09:45,11:00,home-visit,%s,300,Y\n", NR, $1, $3, loc
	printf "OPP-%d3,%s,%s,10:00,11:00,office-appointment,%s,5,N\n", NR, $1, $3, loc
	printf "OPP-%d4,%s,%s,10:00,11:00,meeting,%s,5,Y\n", NR, $1, $4, loc
	}' | { echo 'id,service_area,date,start,end,type,location,travel_minutes,consent'; cat; } >"$T/opps.csv"
for fmt in csv json ics; do
	audit "observations unmet $fmt" plan-observations --plan "$T/plan.json" --opportunities "$T/opps.csv" \
		--format $fmt --max-travel 20
	audit "observations $fmt" plan-observations --plan "$T/plan.json" --opportunities "$F/opps.csv" --format $fmt
done
audit "plan as opportunities" plan-observations --plan "$T/plan.json" --opportunities "$F/team.csv"
audit "judgements as plan" plan-observations --plan "$F/judgements-broken.json" --opportunities "$F/opps.csv"
audit "details as plan" plan-observations --plan "$F/details.json" --opportunities "$F/opps.csv"
for fmt in json csv md; do
	audit "evidence $fmt" build-sea --format $fmt "$F/evidence.csv" "$F/evidence.ndjson"
	audit "evidence identifiers $fmt" build-sea --format $fmt --identifiers "$F/annexa-ok.csv" "$F/evidence.csv"
	audit "evidence bad identifiers $fmt" build-sea --format $fmt --identifiers "$F/annexa.csv" "$F/evidence.csv"
done
audit "evidence cp1252" build-sea --encoding cp1252 --require-complete "$F/evidence.csv"
audit "identifiers broken" build-sea --identifiers "$F/evidence.ndjson" "$F/evidence.csv"
audit "names as schedule" build-sea --schedule "$F/judgements-broken.json" "$F/evidence.csv"
audit "annexa as evidence" build-sea "$F/annexa.csv"
audit "sea" build-sea --format json "$F/evidence.csv"
cp "$T/o/out" "$T/sea.json" 2>/dev/null || bad "build-sea: no SEA from the sentinel evidence"
for fmt in md html txt; do
	audit "report $fmt" render-report --format $fmt --judgements "$F/judgements.json" "$T/sea.json"
	audit "report draft $fmt" render-report --draft --format $fmt --judgements "$F/judgements.json" \
		--identifiers "$F/annexa-ok.csv" --plan "$T/plan.json" --sample "$F/annexa-ok.csv" "$T/sea.json"
	audit "team pack $fmt" render-report --audience team --draft --format $fmt \
		--judgements "$F/judgements.json" --identifiers "$F/annexa-ok.csv" --plan "$T/plan.json" \
		--sample "$F/annexa-ok.csv" "$T/sea.json"
done
audit "report names" render-report --draft --judgements "$F/judgements.json" --identifiers "$F/names.txt" "$T/sea.json"
audit "bad judgements" render-report --draft --judgements "$F/judgements-bad.json" "$T/sea.json"
audit "broken judgements" render-report --draft --judgements "$F/judgements-broken.json" "$T/sea.json"
audit "evidence as SEA" render-report --draft --judgements "$EX/judgements.json" "$F/evidence.ndjson"
audit "evidence as sample" render-report --draft --judgements "$EX/judgements.json" --sample "$F/evidence.csv" "$T/sea.json"
audit "team as plan" render-report --draft --judgements "$EX/judgements.json" --plan "$F/details.json" "$T/sea.json"
for l in ce-email staff-info family; do
	audit "letter $l" render-report --letter $l --details "$F/details.json"
	audit "letter $l bad" render-report --letter $l --details "$F/details-bad.json" --plan "$T/plan.json"
	audit "letter $l area" render-report --letter $l --details "$F/details-area.json" --plan "$T/plan.json"
	audit "letter $l broken" render-report --letter $l --details "$F/judgements-broken.json"
done

# JSON parse errors (issue #21): Jansson's own text quotes the input near the
# error ("control character 0x9 near '"Jane Zebedee-Smith'"). Each broken
# document holds a sentinel right before its error; through every JSON input
# of every tool, stderr must name FILE:LINE:COLUMN and the kind of error and
# show none of the sentinel.
J=$T/json-errors
mkdir -p "$J"
printf '{"chief_executive":"Jane Zebedee-Smith\tDOB"}\n' >"$J/tab.json"
printf '{"chief_executive":"Jane Zebedee-Smith\nDOB"}\n' >"$J/newline.json"
printf '{"chief_executive":"Zebedee \\q Quartermaine"}\n' >"$J/escape.json"
printf '{"chief_executive":"Zebedee Quartermaine' >"$J/unterminated.json"
printf '{"chief_executive":Zebedee}\n' >"$J/bareword.json"
printf '{"Zebedee Quartermaine":1,"Zebedee Quartermaine":2}\n' >"$J/duplicate.json"
printf '{"chief_executive":"Zebedee \377 Quartermaine"}\n' >"$J/utf8.json"
printf '{"chief_executive":"Zebedee"} Quartermaine\n' >"$J/trailing.json"
printf '{"Zebedee Quartermaine" 1}\n' >"$J/colon.json"
json_error() { # label tool args... (the broken file is the last @J@ in args)
	what=$1 tool=$2
	shift 2
	audit "$what" "$tool" "$@"
	checks=$((checks + 1))
	case $rc in 2) ;; *) bad "$tool [$what]: exit $rc, want 2" ;; esac
	grep -q -a -E "^$tool: .*\.json:[0-9]+:[0-9]+: invalid JSON: [^ ]" "$T/err" ||
		bad "$tool [$what]: no 'FILE:LINE:COLUMN: invalid JSON: kind' on stderr: $(head -c 200 "$T/err")"
}
for f in "$J"/*.json; do
	k=$(basename "$f" .json)
	json_error "holidays $k" plan-weeks --start 2027-01-15 --holidays "$f"
	json_error "plan $k" plan-observations --plan "$f" --opportunities "$F/opps.csv"
	json_error "schedule $k" build-sea --schedule "$f" "$F/evidence.csv"
	json_error "judgements $k" render-report --draft --judgements "$f" "$T/sea.json"
	json_error "sea $k" render-report --draft --judgements "$EX/judgements.json" "$f"
	json_error "report plan $k" render-report --draft --judgements "$EX/judgements.json" --plan "$f" "$T/sea.json"
	json_error "details $k" render-report --letter ce-email --details "$f"
done

created_0600 check-annexA $AS "$F/annexa-ok.csv"
created_0600 sample-cases national --seed 1 "$F/annexa-ok.csv"
created_0600 check-annexA $AS "$F/annexa.csv"
created_0600 sample-cases complaints "$EX/complaints.csv"
created_0600 plan-weeks --start 2027-01-15
created_0600 plan-observations --plan "$T/plan.json" --opportunities "$T/opps.csv"
created_0600 build-sea "$F/evidence.csv"
created_0600 render-report --letter ce-email --details "$EX/details.json"
echo "privacy: $checks checks, $fails failed"
[ "$fails" = 0 ]
