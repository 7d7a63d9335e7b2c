#!/bin/sh
# redact.sh: hostile inputs for the redaction detectors (issues 16 and 21),
# through build-sea: a 10 MB note, a note of 100,000 capitalised unknown
# words, a pathological string for every pattern and for the name rules, and
# 40,000 listed names sharing the first name "John". Each run must end within
# the time limit (linear time), exit 0 (no crash, no sanitizer report) and
# leave no personal value. Then the look-alikes: a listed name written with
# a zero-width space inside, Cyrillic or full-width letters, an NI number
# with hyphens and an NHS number grouped 5+5 are all removed.
set -u
SUITE=redact-hostile
. "$(dirname "$0")/common.sh"
TIMEOUT=${HOSTILE_TIMEOUT:-60}
H=inspector,date,time,source,case_ref,service_area,judgement,criteria,finding,summary

# One evidence record whose summary is the file $1 (quoted CSV field).
record() { # summary-file out
	{
		echo "$H"
		printf 'HMI A,2027-01-26,10:00,case-file,CA27004512,North East,private-law,1,strength,"'
		sed 's/"/""/g' "$1" | tr -d '\n'
		printf '"\n'
	} >"$2"
}

# Run build-sea on $1 with more arguments; must exit 0 within the limit.
probe() { # name evidence [args...]
	name=$1 ev=$2
	shift 2
	checks=$((checks + 1))
	timeout "$TIMEOUT" "$BIN/build-sea" "$@" -o "$T/sea.json" "$ev" 2>"$T/err"
	rc=$?
	case $rc in
	0) ;;
	124) bad "$name: no end within ${TIMEOUT}s (not linear)" ;;
	*) bad "$name: exit $rc: $(head -c 200 "$T/err")" ;;
	esac
}

# 10 MB of ordinary prose with a name in it every 1,000 words.
awk 'BEGIN { for (i = 0; i < 170000; i++) printf "the child was seen %s today; ", (i % 200 == 0) ? "Oluwakemi" : "alone" }' >"$T/big.txt"
record "$T/big.txt" "$T/big.csv"
probe "10 MB note" "$T/big.csv"
grep -q Oluwakemi "$T/sea.json" 2>/dev/null && bad "10 MB note: a name survives"

# 100,000 capitalised unknown words.
awk 'BEGIN { srand(7); for (i = 0; i < 100000; i++) printf "Zq%c%cwort ", 97 + int(rand() * 26), 97 + int(rand() * 26) }' >"$T/caps.txt"
record "$T/caps.txt" "$T/caps.csv"
probe "100,000 capitalised unknown words" "$T/caps.csv"
grep -q Zq "$T/sea.json" 2>/dev/null && bad "capitalised unknown words survive"

# A pathological string for each pattern and rule, about 1 MB each.
for kind in digits spaced-digits at-signs ni-like postcode-like born dates brackets flats \
	schools hyphens apostrophes particles titles ages zero-width combining relations; do
	awk -v k=$kind 'BEGIN {
		for (i = 0; i < 60000; i++) {
			if (k == "digits") printf "0"
			else if (k == "spaced-digits") printf "0 7 "
			else if (k == "at-signs") printf "a@b."
			else if (k == "ni-like") printf "AB 12 34 5"
			else if (k == "postcode-like") printf "SW1A 1A"
			else if (k == "born") printf "born born 1/"
			else if (k == "dates") printf "12/03/20 (1"
			else if (k == "brackets") printf "Amaka (0"
			else if (k == "flats") printf "Flat 1 1 "
			else if (k == "schools") printf "St Oak "
			else if (k == "hyphens") printf "a-"
			else if (k == "apostrophes") printf "O\x27"
			else if (k == "particles") printf "van de "
			else if (k == "titles") printf "Mr Mrs "
			else if (k == "ages") printf "Ebo (aged "
			else if (k == "zero-width") printf "J\342\200\213"
			else if (k == "combining") printf "\314\201"
			else if (k == "relations") printf "mum, "
		}
		if (k == "combining") printf "e"
		printf " School Road\n"
	}' >"$T/p.txt"
	record "$T/p.txt" "$T/p.csv"
	probe "pathological $kind" "$T/p.csv"
done

# 40,000 listed names sharing the first name John, and a note naming many.
awk 'BEGIN { print "name"; for (i = 0; i < 40000; i++) printf "John Q%dx%c%c\n", i, 97 + i % 26, 97 + int(i / 26) % 26 }' >"$T/johns.csv"
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "John met John Q%dx%c%c. ", i, 97 + i % 26, 97 + int(i / 26) % 26 }' >"$T/j.txt"
record "$T/j.txt" "$T/j.csv"
probe "40,000 names sharing John" "$T/j.csv" --identifiers "$T/johns.csv"
grep -q 'John' "$T/sea.json" 2>/dev/null && bad "40,000 names sharing John: a name survives"

# Look-alikes: each must come out without the name or number.
printf 'name\nJohn Smith\n' >"$T/js.csv"
for case in 'Jo\342\200\213hn Smi\342\200\214th saw the child' \
	'\320\210ohn \320\205mith saw the child' \
	'\357\274\252\357\274\257\357\274\250\357\274\256 Smith saw the child' \
	'NI AB-12-34-56-C on file' 'NI ab 12 34 56 c on file' \
	'NHS 94347 65919 on file' 'NHS 943\342\200\223476\342\200\2235919 on file' \
	'call \357\274\220\357\274\227700 900123'; do
	printf "$case" >"$T/l.txt"
	record "$T/l.txt" "$T/l.csv"
	probe "look-alike" "$T/l.csv" --identifiers "$T/js.csv"
	checks=$((checks + 1))
	grep -q -e 'Smi' -e 'mith' -e '12-34' -e '34 56' -e '65919' -e '5919' -e '900123' \
		"$T/sea.json" 2>/dev/null && bad "look-alike survives: $(printf "$case" | od -c | head -1)"
done

echo "$SUITE: $checks checks, $fails failed"
[ "$fails" = 0 ]
