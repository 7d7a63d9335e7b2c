# On the example evidence: nothing planted survives (practitioners' names,
# phones, postcodes, e-mails, NHS numbers, dates of birth), while every case
# reference, initial and job title of the input is still there.
set -eu
python3 - "$ROOT/share/examples" "$OUT" <<'PY'
import csv, glob, json, re, sys
ex, out = sys.argv[1], sys.argv[2]
doc = json.load(open(out, encoding="utf-8"))
text = "\n".join(e["summary"] + "\n" + e.get("response", "") + "\n" + e.get("view", "") for e in doc["entries"])
inp = ""
for f in glob.glob(ex + "/evidence/*.csv"):
    for r in csv.DictReader(open(f, encoding="utf-8")):
        inp += r["summary"] + "\n" + r["response"] + "\n" + r["view"] + "\n"
names = {r["Practitioner"] for r in csv.DictReader(open(ex + "/annexa-national.csv", encoding="utf-8"))}
left = [n for n in names if n.lower() in text.lower()]
assert not left, "%d full names survive" % len(left)
for what, rx in [("phone", r"\b0\d{3} ?\d{3} ?\d{4}\b|\b07\d{3} ?\d{6}\b"), ("e-mail", r"@"),
                 ("postcode", r"\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b"), ("NHS", r"\b999 ?\d{3} ?\d{4}\b"),
                 ("date of birth", r"born \d")]:
    assert re.search(rx, inp), what + " not planted in the input"
    assert not re.search(rx, text), what + " survives"
for what, rx in [("case reference", r"\bCA\d{8}\b"), ("initials", r"\b[A-Z]\.[A-Z]\."),
                 ("job title", r"family court adviser|service manager|children's guardian")]:
    a, b = re.findall(rx, inp), re.findall(rx, text)
    assert a and sorted(a) == sorted(b), "%s: %d in, %d out" % (what, len(a), len(b))
assert "[name]" in text and "[date of birth]" in text
PY
