#!/bin/sh
# --format json is one document with the shape the schema in share/ states:
# checked with Python's json module always, and against the schema itself
# when the jsonschema module is installed.
set -eu
"$TOOL" --as-of 2027-01-15 --format json --documents ../documents-csv/manifest.csv input.csv >"$TMP/o.json" || [ $? = 1 ]
python3 - "$TMP/o.json" "$SHARE/schemas/check-annexA.schema.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
schema = json.load(open(sys.argv[2]))
s = doc["summary"]
assert list(doc) == ["summary", "findings"], list(doc)
assert s["records"] == 4 and s["errors"] == 3, s
assert s["by_rule"]["enum"] == 3 and s["by_rule"]["document-missing"] == 7
assert len(doc["findings"]) == s["findings"] == s["findings_listed"]
assert doc["findings"][0] == {"line": 5, "column": "Gender", "rule": "enum", "severity": "error",
    "message": "value is not one of: female, male, not known, unknown, other, indeterminate, not stated"}
assert doc["findings"][3]["line"] is None and doc["findings"][3]["rule"] == "sample-shortfall"
assert s["documents"]["items"][0]["status"] == "supplied"
try:
    import jsonschema
except ImportError:
    sys.exit(0)
jsonschema.validate(doc, schema)
PY
