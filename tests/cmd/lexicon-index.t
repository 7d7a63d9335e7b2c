#!/bin/sh
# lexicon-index.t: the prebuilt word index (share/redact/lexicon.idx, written
# by make) never changes an answer. On a copy of the data folder, build-sea
# gives the same SEA with the index as copied (new times: the contents are
# compared), without it, truncated, or out of date; a list or word list
# changed after the index was written takes effect at once (the index is
# not used, and the note says so); the index rebuilt, it is used again.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
bad() { echo "lexicon-index: FAIL $*"; fails=$((fails + 1)); }
[ -s "$ROOT/share/redact/lexicon.idx" ] || { echo "lexicon-index: FAIL make wrote no index"; exit 1; }
cp -R "$ROOT/share" "$T/share"
cat >"$T/ev.csv" <<'EOF'
inspector,date,time,source,case_ref,service_area,judgement,criteria,finding,summary
HMI Ahmed,2027-01-26,10:30,case-file,CA27004512,North East,private-law,1,strength,The adviser met Zorblax and Quillom at home; the plan was clear.
EOF
# sea DATA OUT: build-sea on the evidence with the data folder DATA
sea() {
	CAFCASS_INSPECT_DATA=$1 "$ROOT/bin/build-sea" --format csv "$T/ev.csv" >"$2" 2>"$2.err"
	rc=$?
	[ $rc = 0 ] || bad "build-sea with $1 exited $rc: $(head -2 "$2.err")"
}
sea "$ROOT/share" "$T/ref"
grep -q 'Zorblax' "$T/ref" && bad "an unknown capitalised word survived (the detector is not on)"
sea "$T/share" "$T/copy"
cmp -s "$T/ref" "$T/copy" || bad "the copied data folder gives another SEA"
[ -s "$T/copy.err" ] && bad "a copied, unchanged index gave a note: $(cat "$T/copy.err")"
head -c 1000 "$ROOT/share/redact/lexicon.idx" >"$T/share/redact/lexicon.idx"
sea "$T/share" "$T/cut"
cmp -s "$T/ref" "$T/cut" || bad "a truncated index changed the SEA"
grep -q 'word index redact/lexicon.idx is' "$T/cut.err" || bad "a truncated index was not noted"
rm -f "$T/share/redact/lexicon.idx"
sea "$T/share" "$T/none"
cmp -s "$T/ref" "$T/none" || bad "no index changed the SEA"
[ -s "$T/none.err" ] && bad "a missing index gave a note: $(cat "$T/none.err")"

# A list of share/redact changed after the index was written: the word is allowed at once.
CAFCASS_INSPECT_DATA=$T/share "$ROOT/build/gen/lexicon-index" "$T/share/redact/lexicon.idx" ||
	bad "lexicon-index failed on the copy"
echo zorblax >>"$T/share/redact/allow-words.txt"
sea "$T/share" "$T/allow"
grep -q 'Zorblax' "$T/allow" || bad "a word added to allow-words.txt after the index was not allowed"
grep -q 'Quillom' "$T/allow" && bad "an unknown word survived beside the allowed one"
grep -q 'out of date (redact/allow-words.txt changed)' "$T/allow.err" ||
	bad "a stale index was not noted: $(cat "$T/allow.err")"

# A word list changed (a wbritish upgrade): the index is out of date, the new word known.
for f in /usr/share/dict/british-english /usr/share/dict/words; do
	[ -r "$f" ] && { cp "$f" "$T/dict"; break; }
done
sed "s|\"/usr/share/dict/british-english\",|\"$T/dict\",|" "$ROOT/share/redact/lexicon.json" \
	>"$T/share/redact/lexicon.json"
grep -q "$T/dict" "$T/share/redact/lexicon.json" || bad "lexicon.json has no british-english entry"
CAFCASS_INSPECT_DATA=$T/share "$ROOT/build/gen/lexicon-index" --if-stale "$T/share/redact/lexicon.idx" ||
	bad "lexicon-index failed on the copy"
sea "$T/share" "$T/dict1"
[ -s "$T/dict1.err" ] && bad "a fresh index gave a note: $(cat "$T/dict1.err")"
grep -q 'Quillom' "$T/dict1" && bad "Quillom survived before it was a word"
echo quillom >>"$T/dict"
sea "$T/share" "$T/dict2"
grep -q 'Quillom' "$T/dict2" || bad "a word added to the word list after the index was not known"
grep -q "out of date ($T/dict changed)" "$T/dict2.err" || bad "a changed word list was not noted"
CAFCASS_INSPECT_DATA=$T/share "$ROOT/build/gen/lexicon-index" --if-stale "$T/share/redact/lexicon.idx" ||
	bad "lexicon-index failed on the copy"
sea "$T/share" "$T/dict3"
cmp -s "$T/dict2" "$T/dict3" || bad "the rebuilt index gives another SEA than the lists"
[ -s "$T/dict3.err" ] && bad "the rebuilt index gave a note: $(cat "$T/dict3.err")"
[ $fails = 0 ] && echo "lexicon-index: ok"
[ $fails = 0 ]
