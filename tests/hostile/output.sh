#!/bin/sh
# output.sh: the -o attacks of issue #21, as reproduced there, against every
# binary: a FIFO at the target (read by another user, or a hang), a symbolic
# link at the target (to a 0666 file, or to another file), a socket, a
# directory, a device other than /dev/stdout and /dev/null, -o /dev/stdout
# with standard output closed, SIGTERM, SIGINT, SIGHUP and SIGPIPE half way
# (no temporary may be left), -o naming one of the run's input files
# (2,300 rows became the 150 sampled), a read-only (0444) target, a target
# with another hard link, another user's file (as root: its owner kept), a
# target name of 248 characters and more, an existing 0666 file narrowed;
# and a write error (a file size limit) must give its reason.
# Every refusal is exit 2 naming the target, with the target as it was and
# nothing left beside it. Exit 0 when every check passes.
set -u
SUITE=output
. "$(dirname "$0")/common.sh"
TIMEOUT=${HOSTILE_TIMEOUT:-60}

# A run of each tool that succeeds (exit 0 or 1); @IN@ is its main input.
run_args() {
	case $1 in
	check-annexA) echo "--as-of 2027-01-15 @IN@" ;;
	sample-cases) echo "national --seed 1 @IN@" ;;
	plan-weeks) echo "--start 2027-01-15 --team $OK/team.csv --areas @IN@" ;;
	plan-observations) echo "--opportunities $OK/opps.csv --plan @IN@" ;;
	build-sea) echo "@IN@" ;;
	render-report) echo "--draft --judgements $OK/judgements.json @IN@" ;;
	esac
}
main_input() {
	case $1 in
	check-annexA | sample-cases) echo "$OK/annexa.csv" ;;
	plan-weeks) echo "$OK/areas.csv" ;;
	plan-observations) echo "$OK/plan.json" ;;
	build-sea) echo "$OK/evidence.csv" ;;
	render-report) echo "$OK/sea.json" ;;
	esac
}

# Run tool $1 with its arguments (input $2) and -o $3; sets rc, $T/out, $T/err.
run_o() { # tool input target [extra...]
	ro_tool=$1 ro_in=$2 ro_target=$3
	shift 3
	ro_args=$(run_args "$ro_tool" | sed "s|@IN@|$ro_in|")
	# shellcheck disable=SC2086
	timeout -k 5 "$TIMEOUT" "$BIN/$ro_tool" $ro_args "$@" -o "$ro_target" </dev/null >"$T/out" 2>"$T/err"
	rc=$?
}

# A refusal: exit 2, a "tool: target: ...why..." diagnostic, nothing on stdout.
refused() { # tool what target why-fragment
	checks=$((checks + 1))
	[ "$rc" = 124 ] && { bad "$1 [$2]: hung (killed after ${TIMEOUT}s)"; return; }
	[ "$rc" = 2 ] || { bad "$1 [$2]: exit $rc, want 2"; return; }
	grep -q -a -F "$1: $3: " "$T/err" || bad "$1 [$2]: stderr does not name $3: $(head -c 200 "$T/err")"
	grep -q -a -F "$4" "$T/err" || bad "$1 [$2]: stderr does not say '$4': $(head -c 200 "$T/err")"
	[ -s "$T/out" ] && bad "$1 [$2]: wrote to stdout"
}

# The folder holds exactly the names given (no temporary left).
only() { # what names...
	w=$1
	shift
	checks=$((checks + 1))
	want=""
	[ $# = 0 ] || want=$(printf '%s\n' "$@" | sort | tr '\n' ' ')
	got=$(ls -A "$D" | sort | tr '\n' ' ')
	[ "$got" = "$want" ] || bad "$w: folder holds '$got', want '$want'"
}

fresh() { rm -rf "$D" && mkdir -p "$D"; }

attacks() { # tool
	t=$1 in=$(main_input "$1")
	# A FIFO at the target: never opened (another user reading it would get
	# the data; nobody reading it would hang the run).
	fresh && mkfifo -m 666 "$D/out"
	run_o "$t" "$in" "$D/out"
	refused "$t" "FIFO" "$D/out" "named pipe"
	[ -p "$D/out" ] || bad "$t [FIFO]: the FIFO was replaced"
	only "$t [FIFO]" out
	# A symbolic link to a 0666 file: refused, the file untouched.
	fresh && printf 'other\n' >"$D/other" && chmod 666 "$D/other" && ln -s "$D/other" "$D/out"
	run_o "$t" "$in" "$D/out"
	refused "$t" "symlink to a 0666 file" "$D/out" "symbolic link"
	[ "$(cat "$D/other")" = other ] || bad "$t [symlink]: the linked file changed"
	[ -L "$D/out" ] || bad "$t [symlink]: the link was replaced"
	only "$t [symlink]" out other
	# A dangling link (made to point at a file to be created): refused too.
	fresh && ln -s "$D/created" "$D/out"
	run_o "$t" "$in" "$D/out"
	refused "$t" "dangling symlink" "$D/out" "symbolic link"
	only "$t [dangling symlink]" out
	# A directory, a device (a private one as root), a socket.
	fresh && mkdir "$D/out"
	run_o "$t" "$in" "$D/out"
	refused "$t" "directory" "$D/out" "directory"
	dev=/dev/zero
	if [ "$(id -u)" = 0 ]; then fresh && mknod "$D/zero" c 1 5 && dev=$D/zero; fi
	run_o "$t" "$in" "$dev"
	refused "$t" "device" "$dev" "device"
	[ -c "$dev" ] || bad "$t [device]: the device was replaced"
	# -o naming one of the run's input files: the input must survive.
	fresh && cp "$in" "$D/in" && cp "$in" "$D/copy"
	run_o "$t" "$D/in" "$D/in"
	refused "$t" "-o its own input" "$D/in" "input"
	cmp -s "$D/in" "$D/copy" || bad "$t [-o its own input]: the input changed"
	# ... by another name (a hard link or a symbolic link to it), or on stdin.
	ln -s "$D/in" "$D/alias"
	run_o "$t" "$D/alias" "$D/in"
	refused "$t" "-o its own input, by a link" "$D/in" "input"
	cmp -s "$D/in" "$D/copy" || bad "$t [-o its own input by a link]: the input changed"
	only "$t [-o its own input]" in copy alias
	# A read-only (0444) target, root included.
	fresh && printf 'precious\n' >"$D/out" && chmod 444 "$D/out"
	run_o "$t" "$in" "$D/out"
	refused "$t" "read-only target" "$D/out" "read-only"
	[ "$(cat "$D/out")" = precious ] || bad "$t [read-only]: the target changed"
	[ "$(stat -c %a "$D/out")" = 444 ] || bad "$t [read-only]: the mode changed"
	only "$t [read-only]" out
	# A target with another hard link: replacing it would break the link.
	fresh && printf 'precious\n' >"$D/out" && chmod 600 "$D/out" && ln "$D/out" "$D/link"
	run_o "$t" "$in" "$D/out"
	refused "$t" "hard-linked target" "$D/out" "hard link"
	[ "$(cat "$D/link")" = precious ] || bad "$t [hard link]: the target changed"
	only "$t [hard link]" out link
	# An existing 0666 file: narrowed to 0600 and said so.
	fresh && printf 'old\n' >"$D/out" && chmod 666 "$D/out"
	run_o "$t" "$in" "$D/out"
	checks=$((checks + 1))
	[ "$rc" -le 1 ] || bad "$t [0666 target]: exit $rc"
	[ "$(stat -c %a "$D/out")" = 600 ] || bad "$t [0666 target]: mode $(stat -c %a "$D/out"), want 600"
	grep -q -F "narrowed to 0600" "$T/err" || bad "$t [0666 target]: narrowed without saying so"
	only "$t [0666 target]" out
	# Another user's file: as root, its owner and group are kept; otherwise refused.
	fresh && printf 'old\n' >"$D/out" && chmod 600 "$D/out"
	checks=$((checks + 1))
	if [ "$(id -u)" = 0 ]; then
		chown 4242:4243 "$D/out"
		run_o "$t" "$in" "$D/out"
		[ "$rc" -le 1 ] || bad "$t [another user's file, as root]: exit $rc"
		[ "$(stat -c %u:%g "$D/out")" = 4242:4243 ] ||
			bad "$t [another user's file]: owner became $(stat -c %u:%g "$D/out")"
	else
		[ "$(stat -c %u "$D/out")" = "$(id -u)" ] || bad "$t: cannot make a file of my own"
	fi
	# A target name of 248 to 255 characters: the temporary's name fits too.
	for n in 248 250 255; do
		fresh
		long=$(printf "%${n}s" "" | tr ' ' x)
		run_o "$t" "$in" "$D/$long"
		checks=$((checks + 1))
		[ "$rc" -le 1 ] || bad "$t [$n-character name]: exit $rc: $(head -c 200 "$T/err")"
		[ -s "$D/$long" ] || bad "$t [$n-character name]: nothing written"
		only "$t [$n-character name]" "$long"
	done
	# -o /dev/stdout with standard output closed: refused, /dev/stdout left alone.
	args=$(run_args "$t" | sed "s|@IN@|$in|")
	# shellcheck disable=SC2086
	timeout -k 5 "$TIMEOUT" "$BIN/$t" $args -o /dev/stdout </dev/null >&- 2>"$T/err"
	rc=$?
	: >"$T/out"
	refused "$t" "-o /dev/stdout, stdout closed" "<stdout>" "closed"
	[ -L /dev/stdout ] || [ -c /dev/stdout ] || bad "$t [-o /dev/stdout]: /dev/stdout replaced!"
	# -o /dev/stdout and -o /dev/null work.
	# shellcheck disable=SC2086
	"$BIN/$t" $args -o /dev/stdout </dev/null >"$T/out" 2>/dev/null
	rc=$?
	checks=$((checks + 1))
	[ "$rc" -le 1 ] && [ -s "$T/out" ] || bad "$t [-o /dev/stdout]: exit $rc or nothing written"
	# shellcheck disable=SC2086
	"$BIN/$t" $args -o /dev/null </dev/null >"$T/out" 2>/dev/null
	rc=$?
	checks=$((checks + 1))
	[ "$rc" -le 1 ] && [ ! -s "$T/out" ] || bad "$t [-o /dev/null]: exit $rc or wrote to stdout"
	[ -c /dev/null ] || bad "$t [-o /dev/null]: /dev/null replaced!"
}

# Signals half way: check-annexA reading an endless stream from a pipe has its
# temporary open; each signal must remove it and end the run by that signal.
# (timeout sends it: a job started with & would ignore SIGINT.)
signals() {
	row=$(sed -n 2p "$OK/annexa.csv")
	for sig in TERM INT HUP PIPE; do
		fresh
		printf 'precious\n' >"$D/out" && chmod 600 "$D/out"
		{ head -n 1 "$OK/annexa.csv"; yes "$row"; } |
			timeout -k 5 -s "$sig" 2 "$BIN/check-annexA" --as-of 2027-01-15 -o "$D/out" 2>"$T/err"
		checks=$((checks + 1))
		[ "$(cat "$D/out")" = precious ] || bad "check-annexA [SIG$sig]: the target changed"
		grep -q -a -e Sanitizer -e 'runtime error' "$T/err" && bad "check-annexA [SIG$sig]: sanitizer report"
		only "check-annexA [SIG$sig]" out
	done
}

for t in check-annexA sample-cases plan-weeks plan-observations build-sea render-report; do
	[ -x "$BIN/$t" ] || { bad "$t: not built"; exit 1; }
done
OK=$T/ok
D=$T/d
make_fixtures
for t in check-annexA sample-cases plan-weeks plan-observations build-sea render-report; do
	attacks "$t"
done
# The issue's own: 2,300 rows became the 150 sampled, exit 0; evidence replaced by JSON.
fresh && cp "$EX/annexa-national.csv" "$D/a.csv"
timeout -k 5 "$TIMEOUT" "$BIN/sample-cases" national --seed 1 -o "$D/a.csv" "$D/a.csv" >"$T/out" 2>"$T/err"
rc=$?
refused sample-cases "-o a.csv a.csv" "$D/a.csv" "input"
cmp -s "$D/a.csv" "$EX/annexa-national.csv" || bad "sample-cases [-o a.csv a.csv]: the input changed"
fresh && cp "$OK/evidence.csv" "$D/e.csv"
timeout -k 5 "$TIMEOUT" "$BIN/build-sea" -o "$D/e.csv" "$D/e.csv" >"$T/out" 2>"$T/err"
rc=$?
refused build-sea "-o e.csv e.csv" "$D/e.csv" "input"
cmp -s "$D/e.csv" "$OK/evidence.csv" || bad "build-sea [-o e.csv e.csv]: the evidence changed"
# The input on standard input, -o naming the same file.
fresh && cp "$EX/annexa-national.csv" "$D/a.csv"
timeout -k 5 "$TIMEOUT" "$BIN/check-annexA" --as-of 2027-01-15 -o "$D/a.csv" <"$D/a.csv" >"$T/out" 2>"$T/err"
rc=$?
refused check-annexA "-o the file on stdin" "$D/a.csv" "input"
# -o naming a file read through an option other than the main input:
# every input is registered where it is opened, so each is refused too.
second() { # tool what [args...] (the file is $D/f; -o $D/f ends the line)
	sc_tool=$1 sc_what=$2
	shift 2
	cp "$D/f" "$D/copy"
	timeout -k 5 "$TIMEOUT" "$BIN/$sc_tool" "$@" -o "$D/f" </dev/null >"$T/out" 2>"$T/err"
	rc=$?
	refused "$sc_tool" "$sc_what" "$D/f" "input"
	cmp -s "$D/f" "$D/copy" || bad "$sc_tool [$sc_what]: the input changed"
}
fresh && printf 'label,term\nSpecial guardianship order,s8\n' >"$D/f"
second check-annexA "-o its --map" --as-of 2027-01-15 --map "$D/f" "$EX/annexa-national.csv"
fresh && printf 'label,term\nSpecial guardianship order,s8\n' >"$D/f"
second sample-cases "-o its --map" national --seed 1 --map "$D/f" "$EX/annexa-national.csv"
fresh && printf 'Wessex\n' >"$D/f"
second build-sea "-o its --allow" --allow "$D/f" "$OK/evidence.csv"
fresh && "$BIN/plan-weeks" --start 2027-01-15 --areas "$EX/areas.csv" --format json -o "$D/f" 2>/dev/null
second plan-weeks "-o its --previous" --start 2027-01-15 --areas "$EX/areas.csv" --format json --previous "$D/f" --as-of 2027-01-19
fresh && cp "$EX/action-plan.md" "$D/f"
second check-action-plan "-o its --plan" --recommendations "$EX/recommendations.csv" --plan "$D/f"
signals
# A write error gives its reason (build-sea gave none): a file size limit,
# with SIGXFSZ ignored so that the write fails with EFBIG instead of killing.
for t in check-annexA sample-cases plan-weeks plan-observations build-sea render-report; do
	fresh
	args=$(run_args "$t" | sed "s|@IN@|$(main_input "$t")|")
	# shellcheck disable=SC2086
	(trap '' XFSZ; ulimit -f 1; exec "$BIN/$t" $args -o "$D/out") </dev/null >"$T/out" 2>"$T/err"
	rc=$?
	checks=$((checks + 1))
	[ "$rc" = 2 ] || bad "$t [file size limit]: exit $rc, want 2"
	grep -q -a -F "$D/out: write error: File too large" "$T/err" ||
		bad "$t [file size limit]: no reason given: $(head -c 200 "$T/err")"
	only "$t [file size limit]"
done
echo "output: $checks checks, $fails failed"
[ "$fails" = 0 ]
