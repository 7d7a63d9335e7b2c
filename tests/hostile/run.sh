#!/bin/sh
# run.sh: the hostile-input suite. Every binary, every input it takes (CSV,
# JSON, NDJSON), each fed with inputs an exporting system or an attacker could
# produce: empty, header only, random bytes, NUL bytes, a 10 MB field, 100,000
# columns, an unterminated quote, bare CR line ends, a BOM in the middle,
# invalid UTF-8, JSON nested 100,000 deep, a missing file, and (for each
# tool's main input) a 1 GB line on a pipe; and for every CSV input, hostile
# Excel workbooks (tests/hostile/xlsx, made once by its hostile.py): a ZIP that
# is not one, a truncated one, ZIP bombs (one that says its size, one that
# lies), billion laughs (in the sheet and in the shared strings), a cell over
# Excel's limit, 16,384 columns then one beyond, rows out of order, a missing
# shared string, a legacy .xls. Each run must end by itself
# (timeout), exit 0, 1 or 2 (no crash, no sanitizer report), name the tool
# and, on exit 2, the file (and the line for the kinds that have one), write
# nothing to stdout on exit 2, and leave an existing -o file exactly as it
# was with no temporary file beside it. Then the output side: an unwritable
# -o folder, -o a full device, stdout on /dev/full; and check-annexA on the
# endless random bytes of /dev/urandom. Big inputs are made here,
# at run time, in a temporary folder. Exit 0 when every check passes.
set -u
SUITE=hostile
. "$(dirname "$0")/common.sh"
TIMEOUT=${HOSTILE_TIMEOUT:-60}
GIGA=${HOSTILE_GIGA:-1073741824}

# The inputs of every tool: "tool kind giga args", @IN@ the hostile input,
# @P@ the name that means standard input there ("-" where the contract
# allows it, else /dev/stdin); giga=1 for each tool's main input.
slots() {
	O=$OK
	cat <<SLOTS
check-annexA csv 1 --as-of 2027-01-15 @IN@
check-annexA csv 0 --as-of 2027-01-15 --documents @IN@ $O/annexa.csv
sample-cases csv 1 national --seed 1 @IN@
sample-cases csv 0 local --area Wessex --seed 1 @IN@
sample-cases csv 0 local --area Wessex --seed 1 --closed @IN@ $O/filed.csv
sample-cases csv 0 local --area Wessex --seed 1 --exclude @IN@ $O/filed.csv
sample-cases csv 0 complaints @IN@
plan-weeks csv 1 --start 2027-01-15 --areas @IN@ --team $O/team.csv
plan-weeks csv 0 --start 2027-01-15 --areas $O/areas.csv --team @IN@
plan-weeks json 0 --start 2027-01-15 --holidays @IN@
plan-observations json 1 --plan @IN@ --opportunities $O/opps.csv
plan-observations csv 0 --plan $O/plan.json --opportunities @IN@
build-sea csv 1 @IN@
build-sea ndjson 0 @IN@
build-sea csv 0 --identifiers @IN@ $O/evidence.csv
build-sea json 0 --schedule @IN@ $O/evidence.csv
render-report json 1 --draft --judgements $O/judgements.json @IN@
render-report json 0 --draft --judgements @IN@ $O/sea.json
render-report json 0 --draft --judgements $O/judgements.json --plan @IN@ $O/sea.json
render-report csv 0 --draft --judgements $O/judgements.json --sample @IN@ $O/sea.json
render-report csv 0 --draft --judgements $O/judgements.json --identifiers @IN@ $O/sea.json
render-report json 0 --letter ce-email --details @IN@
SLOTS
}

# A valid input of the slot's kind, for the header and the line-end cases.
valid_for() { # tool kind args
	case "$1 $2 $3" in
	*--documents*) echo "$OK/documents.csv" ;;
	"plan-weeks csv --start 2027-01-15 --areas @IN@"*) echo "$OK/areas.csv" ;;
	"plan-weeks csv"*) echo "$OK/team.csv" ;;
	*--holidays*) echo "$OK/holidays.json" ;;
	*"--plan @IN@"*) echo "$OK/plan.json" ;;
	*--opportunities*) echo "$OK/opps.csv" ;;
	*"--identifiers @IN@"*) echo "$OK/annexa.csv" ;;
	*"--schedule @IN@"*) echo "$OK/schedule.json" ;;
	"build-sea ndjson"*) echo "$OK/evidence.ndjson" ;;
	build-sea*) echo "$OK/evidence.csv" ;;
	*"--judgements @IN@"*) echo "$OK/judgements.json" ;;
	*"--sample @IN@"*) echo "$OK/sample.csv" ;;
	*--details*) echo "$OK/details.json" ;;
	render-report*) echo "$OK/sea.json" ;;
	*"complaints"*) echo "$OK/complaints.csv" ;;
	*"local --area"*) echo "$OK/filed.csv" ;;
	*) echo "$OK/annexa.csv" ;;
	esac
}

# Repeat string $1 $2 times (fast: doubling).
repeat() {
	awk -v s="$1" -v n="$2" 'BEGIN { r = ""; while (n > 0) { if (n % 2) r = r s; s = s s; n = int(n / 2) } printf "%s", r }'
}

# The shared hostile payloads, made once.
make_payloads() {
	P=$T/p
	mkdir -p "$P"
	awk 'BEGIN { srand(20270115); for (i = 0; i < 65536; i++) printf "%c", 1 + int(rand() * 255) }' >"$P/random"
	head -c 4096 /dev/zero >>"$P/random"
	repeat a 10485760 >"$P/ten-mb"
	awk 'BEGIN { for (i = 1; i <= 100000; i++) printf "%sc%d", (i > 1 ? "," : ""), i; print "" }' >"$P/wide-row"
	repeat '[' 100000 >"$P/deep"
	repeat ']' 100000 >>"$P/deep"
	awk 'BEGIN { printf "{"; for (i = 1; i <= 100000; i++) printf "%s\"k%d\": %d", (i > 1 ? "," : ""), i, i; print "}" }' >"$P/wide-json"
}

# Make hostile input $3 of kind $2 for a slot whose valid input is $1.
make_input() { # valid kind-of-file case out
	v=$1 k=$2 c=$3 out=$4
	case "$k:$c" in
	*:empty) : >"$out" ;;
	csv:header) head -n 1 "$v" >"$out" ;;
	*:header) printf '{}\n' >"$out" ;;
	*:random) cp "$P/random" "$out" ;;
	csv:nul) { head -n 2 "$v"; printf 'CA1234\0\0\0678,\0,x\n'; } >"$out" ;;
	*:nul) printf '{"a": "b\0c", "d": 1}\n' >"$out" ;;
	csv:bigfield) { head -n 1 "$v"; printf '"'; cat "$P/ten-mb"; printf '",x\n'; } >"$out" ;;
	*:bigfield) { printf '{"summary": "'; cat "$P/ten-mb"; printf '"}\n'; } >"$out" ;;
	csv:wide) { cat "$P/wide-row" "$P/wide-row"; } >"$out" ;;
	*:wide) cp "$P/wide-json" "$out" ;;
	csv:unterminated) { head -n 3 "$v"; printf '"CA12345678,never closed\nmore,text\n'; } >"$out" ;;
	*:unterminated) { head -c 200 "$v"; printf '\n"unterminated'; } >"$out" ;;
	*:barecr) tr '\n' '\r' <"$v" >"$out" ;;
	csv:midbom) { head -n 2 "$v"; printf '\357\273\277'; sed -n 3p "$v"; printf 'a\357\273\277b,c\n'; } >"$out" ;;
	*:midbom) { head -c 1 "$v"; printf '\357\273\277'; tail -c +2 "$v"; } >"$out" ;;
	csv:badutf8) { head -n 2 "$v"; printf 'CA12345678,\377\376 bad \300\200,x\n'; } >"$out" ;;
	*:badutf8) printf '{"summary_for_children": "\377\376 bad \300\200", "x": 1}\n' >"$out" ;;
	*:deep) cp "$P/deep" "$out" ;;
	csv:xlsx-*) cp "$ROOT/tests/hostile/xlsx/${c#xlsx-}.xlsx" "$out" ;;
	esac
}

# The checks shared by every run of a tool. $1 tool, $2 label, $3 rc,
# $4 out, $5 err, $6 the file named in messages (empty: not required),
# $7 1 when a line number is required on exit 2.
judge() {
	jt=$1 jw=$2 jrc=$3 jout=$4 jerr=$5 jname=$6 jline=$7
	checks=$((checks + 1))
	case $jrc in
	0 | 1 | 2) ;;
	124) bad "$jw: hung (killed after ${TIMEOUT}s)"; return ;;
	*) bad "$jw: exit $jrc (crash or sanitizer)"; sed -n '1,3p' "$jerr" | cut -c1-200; return ;;
	esac
	if grep -q -a -e 'Sanitizer' -e 'runtime error:' -e 'LeakSanitizer' "$jerr"; then
		bad "$jw: sanitizer report"; grep -a -m 3 -e Sanitizer -e 'runtime error' "$jerr" | cut -c1-200
	fi
	[ "$jrc" = 2 ] || return 0
	if ! grep -q -a "^$jt: " "$jerr"; then
		bad "$jw: exit 2 without a '$jt: ' diagnostic"; head -c 300 "$jerr"; echo
		return
	fi
	if [ -n "$jname" ] && ! grep -q -a -F "$jname" "$jerr"; then
		bad "$jw: exit 2 but stderr does not name $jname"; head -n 2 "$jerr" | cut -c1-200
	elif [ -n "$jname" ] && [ "$jline" = 1 ] && ! grep -q -a -F "$jname:" "$jerr"; then
		bad "$jw: exit 2 but stderr gives no line"; head -n 2 "$jerr" | cut -c1-200
	fi
	[ -s "$jout" ] && bad "$jw: exit 2 but something was written to stdout"
}

# Run slot args with @IN@ replaced; stdout, stderr to $T/out, $T/err.
run_slot() { # stdin tool args-template input [extra args...]
	si=$1 tool=$2 tpl=$3 in=$4
	shift 4
	args=$(printf '%s\n' "$tpl" | sed "s|@IN@|$in|")
	# shellcheck disable=SC2086
	timeout -k 5 "$TIMEOUT" "$BIN/$tool" "$@" $args <"$si" >"$T/out" 2>"$T/err"
}

# One hostile input through one slot: to stdout, then with -o over a file.
probe() { # tool kind tpl case
	tool=$1 kind=$2 tpl=$3 c=$4
	in=$T/in/$c.$kind
	mkdir -p "$T/in"
	if [ "$c" = missing ]; then
		in=$T/in/no-such-file.$kind
	else
		make_input "$(valid_for "$tool" "$kind" "$tpl")" "$kind" "$c" "$in"
	fi
	what="$tool $(echo "$tpl" | sed "s|$OK/||g") [$c]"
	line=0
	case $c in unterminated | badutf8 | deep) line=1 ;; esac
	run_slot /dev/null "$tool" "$tpl" "$in"
	judge "$tool" "$what" $? "$T/out" "$T/err" "$in" $line
	rm -rf "$T/o" && mkdir "$T/o" && printf 'precious\n' >"$T/o/target" && chmod 640 "$T/o/target"
	run_slot /dev/null "$tool" "$tpl" "$in" -o "$T/o/target"
	rc=$?
	judge "$tool" "$what -o" $rc "$T/out" "$T/err" "$in" $line
	[ -s "$T/out" ] && bad "$what -o: wrote to stdout"
	if [ "$rc" = 2 ]; then
		[ "$(cat "$T/o/target")" = precious ] || bad "$what -o: exit 2 but the target changed"
		[ "$(stat -c %a "$T/o/target")" = 640 ] || bad "$what -o: exit 2 but the target's mode changed"
	fi
	[ "$(ls -A "$T/o" | wc -l)" = 1 ] || bad "$what -o: left files behind: $(ls -A "$T/o")"
	rm -f "$in"
}

# A 1 GB line on a pipe, memory bounded by ulimit -v (unless sanitized).
probe_giga() { # tool tpl
	tool=$1 tpl=$2
	pipe=/dev/stdin
	case $tpl in "--"*"@IN@ "* | *" --"*" @IN@"*) ;; *) pipe=- ;; esac
	case $tpl in *"--"[a-z]*" @IN@"*) pipe=/dev/stdin ;; esac
	what="$tool $(echo "$tpl" | sed "s|$OK/||g") [1 GB line on a pipe]"
	lim="ulimit -v 1048576;"
	sanitized "$tool" && lim=""
	args=$(printf '%s\n' "$tpl" | sed "s|@IN@|$pipe|")
	checks=$((checks + 1))
	# shellcheck disable=SC2086
	head -c "$GIGA" /dev/zero | tr '\0' a |
		(eval "$lim" timeout -k 5 60 "$BIN/$tool" $args >"$T/out" 2>"$T/err"; echo $? >"$T/rc")
	rc=$(cat "$T/rc")
	judge "$tool" "$what" "$rc" "$T/out" "$T/err" "" 0
	if [ "$rc" = 2 ] && grep -q -a -i -e 'cannot allocate\|out of memory' "$T/err"; then
		bad "$what: ran out of memory instead of refusing the line"
	fi
}

# The output side: -o into a folder it cannot write, -o a full device,
# standard output on /dev/full.
probe_outputs() { # tool tpl valid-input
	tool=$1 tpl=$2 v=$3
	what="$tool $(echo "$tpl" | sed "s|$OK/||g")"
	mkdir -p "$T/ro" && chmod 555 "$T/ro"
	if [ "$(id -u)" != 0 ]; then
		run_slot /dev/null "$tool" "$tpl" "$v" -o "$T/ro/out"
		rc=$?
		judge "$tool" "$what [-o unwritable folder]" $rc "$T/out" "$T/err" "$T/ro/out" 0
		[ $rc = 2 ] || bad "$what [-o unwritable folder]: exit $rc, want 2"
	fi
	# A folder that does not exist cannot be written by anyone, root included.
	run_slot /dev/null "$tool" "$tpl" "$v" -o "$T/no/such/dir/out"
	rc=$?
	judge "$tool" "$what [-o no such folder]" $rc "$T/out" "$T/err" "$T/no/such/dir/out" 0
	[ $rc = 2 ] || bad "$what [-o no such folder]: exit $rc, want 2"
	# A full disk: a private full device (mknod, as root) so that a tool that
	# wrongly renames over it cannot destroy the system's /dev/full.
	full=/dev/full
	if [ "$(id -u)" = 0 ]; then
		full=$T/dev/full
		mkdir -p "$T/dev" && rm -f "$full" && mknod "$full" c 1 7 2>/dev/null || full=""
	fi
	if [ -n "$full" ]; then
		run_slot /dev/null "$tool" "$tpl" "$v" -o "$full"
		rc=$?
		judge "$tool" "$what [-o full device]" $rc "$T/out" "$T/err" "$full" 0
		[ $rc = 2 ] || bad "$what [-o full device]: exit $rc, want 2"
		[ -c "$full" ] || bad "$what [-o full device]: the device was replaced by a file"
		[ "$(ls -A "$(dirname "$full")" | wc -l)" = 1 ] ||
			bad "$what [-o full device]: left files: $(ls -A "$(dirname "$full")")"
	fi
	checks=$((checks + 1))
	args=$(printf '%s\n' "$tpl" | sed "s|@IN@|$v|")
	# shellcheck disable=SC2086
	timeout -k 5 "$TIMEOUT" "$BIN/$tool" $args </dev/null >/dev/full 2>"$T/err"
	rc=$?
	judge "$tool" "$what [stdout on /dev/full]" $rc /dev/null "$T/err" "" 0
	[ $rc = 2 ] || bad "$what [stdout on /dev/full]: exit $rc, want 2"
}

XLSX_CASES="xlsx-badzip xlsx-truncated xlsx-bomb xlsx-bomb-lies xlsx-laughs xlsx-laughs-sheet
xlsx-bigcell xlsx-wide xlsx-disorder xlsx-nosst xlsx-legacy"
CASES_CSV="empty header random nul bigfield wide unterminated barecr midbom badutf8 missing
$XLSX_CASES"
CASES_JSON="empty header random nul bigfield wide unterminated barecr midbom badutf8 deep missing"
ONLY=${1:-}

for t in check-annexA sample-cases plan-weeks plan-observations build-sea render-report; do
	[ -x "$BIN/$t" ] || { bad "$t: not built"; exit 1; }
done
OK=$T/ok
make_fixtures
make_payloads
slots >"$T/slots"
# Lanes run side by side (HOSTILE_JOBS, default 2), each in its own folder.
JOBS=${HOSTILE_JOBS:-2}
n=0
while [ $n -lt "$JOBS" ]; do
	(
		T=$T/lane$n
		mkdir -p "$T"
		awk -v n=$n -v j="$JOBS" '(NR - 1) % j == n' "$T/../slots" >"$T/slots"
		while read -r tool kind giga tpl; do
			[ -n "$ONLY" ] && [ "$ONLY" != "$tool" ] && continue
			if "$BIN/$tool" --help 2>&1 | grep -q 'not built yet'; then
				# A placeholder main: a failure, not a skip.
				bad "$tool: a placeholder, not the tool; its input ($tpl) is untested"
				continue
			fi
			cases=$CASES_JSON
			[ "$kind" = csv ] && cases=$CASES_CSV
			for c in $cases; do
				probe "$tool" "$kind" "$tpl" "$c"
			done
			if [ "$giga" = 1 ]; then
				probe_giga "$tool" "$tpl"
				probe_outputs "$tool" "$tpl" "$(valid_for "$tool" "$kind" "$tpl")"
			fi
		done <"$T/slots"
		echo "$fails $checks" >"$T/tally"
	) &
	n=$((n + 1))
done
wait
fails=$(cat "$T"/lane*/tally | awk '{ f += $1 } END { print f + 0 }')
checks=$(cat "$T"/lane*/tally | awk '{ c += $2 } END { print c + 0 }')
# check-annexA on an endless stream of random bytes (issue #21: it ran for
# ever): it must stop by itself, exit 2, and say why, naming the line.
if [ -z "$ONLY" ] || [ "$ONLY" = check-annexA ]; then
	for enc in utf-8 cp1252; do
		checks=$((checks + 1))
		timeout -k 5 120 "$BIN/check-annexA" --as-of 2027-01-15 --encoding $enc /dev/urandom \
			>"$T/out" 2>"$T/err"
		rc=$?
		judge check-annexA "check-annexA /dev/urandom ($enc)" $rc "$T/out" "$T/err" /dev/urandom 1
		[ $rc = 2 ] || bad "check-annexA /dev/urandom ($enc): exit $rc, want 2"
		# Mostly the records cannot be read; now and then (under 1%) the
		# stream's first line is blank, and there is no header to read.
		grep -q -a -e "^check-annexA: /dev/urandom:[0-9]*: 1000 records could not be read" \
			-e "^check-annexA: /dev/urandom:[0-9]*: no header row" "$T/err" ||
			bad "check-annexA /dev/urandom ($enc): no clear message: $(head -c 200 "$T/err")"
	done
fi
echo "hostile: $checks checks, $fails failed"
[ "$fails" = 0 ]
