# common.sh: shared by the hostile-input suite and the privacy audit (sourced,
# not run). Sets ROOT, BIN, SHARE and a temporary folder $T removed on exit,
# makes sanitizer reports distinguishable from exit 1, and builds the small
# valid inputs every tool needs ($T/ok/...) from share/examples.
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=$ROOT/bin
SHARE=$ROOT/share
EX=$SHARE/examples
CAFCASS_INSPECT_DATA=$SHARE
export CAFCASS_INSPECT_DATA
# A sanitizer must never look like "findings" (exit 1): give it its own status.
ASAN_OPTIONS=${ASAN_OPTIONS:-exitcode=86:abort_on_error=0:detect_leaks=1}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:exitcode=87:print_stacktrace=1}
export ASAN_OPTIONS UBSAN_OPTIONS
T=$(mktemp -d "${TMPDIR:-/tmp}/hostile.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
fails=0
checks=0
SUITE=${SUITE:-hostile}

# Report one failed check (kept short: never print the tools' output whole).
bad() {
	echo "$SUITE: FAIL $*"
	fails=$((fails + 1))
}

# 1 when the tool binary is built with a sanitizer (no ulimit -v then).
sanitized() {
	grep -q -a -e __asan_init -e __ubsan_handle -e AddressSanitizer "$BIN/$1" 2>/dev/null
}

# Make the small valid inputs the probes use around the hostile one.
make_fixtures() {
	mkdir -p "$T/ok"
	head -n 201 "$EX/annexa-national.csv" >"$T/ok/annexa.csv"
	cp "$EX/recent-filed.csv" "$T/ok/filed.csv"
	cp "$EX/recent-closed.csv" "$T/ok/closed.csv"
	cp "$EX/complaints.csv" "$T/ok/complaints.csv"
	cp "$EX/areas.csv" "$T/ok/areas.csv"
	cp "$EX/team.csv" "$T/ok/team.csv"
	cp "$EX/opportunities.csv" "$T/ok/opps.csv"
	cp "$EX/judgements.json" "$T/ok/judgements.json"
	cp "$EX/details.json" "$T/ok/details.json"
	cp "$SHARE/holidays/bank-holidays.json" "$T/ok/holidays.json"
	cp "$SHARE/schedule/handbook-2014.json" "$T/ok/schedule.json"
	cp "$EX/evidence/priya-raman.csv" "$T/ok/evidence.csv"
	printf '%s\n' 'file,item' '1.01 Annual report.pdf,1.01' >"$T/ok/documents.csv"
	awk -F, 'NR == 1 { print $0 ",stratum,quota,audit,supervision,seed"; next }
		{ print $0 ",public-law,,N,,1" }' "$T/ok/annexa.csv" >"$T/ok/sample.csv"
	printf '%s\n' '{"inspector":"Priya Raman","date":"2027-01-19","time":"13:30","source":"document","case_ref":"","service_area":"Wessex","judgement":"private-law","criteria":"11;12","finding":"strength","summary":"The analysis was thorough."}' >"$T/ok/evidence.ndjson"
	"$BIN/plan-weeks" --start 2027-01-15 --areas "$T/ok/areas.csv" \
		--team "$T/ok/team.csv" --format json -o "$T/ok/plan.json" 2>/dev/null
	"$BIN/build-sea" --format json -o "$T/ok/sea.json" "$EX"/evidence/*.csv 2>/dev/null
	for f in plan.json sea.json; do
		[ -s "$T/ok/$f" ] || bad "fixture $f could not be built"
	done
}
