# The JSON output matches share/schemas/sea.schema.json, and -o creates it 0600.
set -eu
[ ! -s "$OUT" ]
[ "$(stat -c %a "$TMP/sea.json")" = 600 ]
python3 - "$ROOT/share/schemas/sea.schema.json" "$TMP/sea.json" <<'PY'
import json, sys
schema = json.load(open(sys.argv[1]))
doc = json.load(open(sys.argv[2]))
try:
    import jsonschema
    jsonschema.validate(doc, schema)
except ImportError:
    # Without python3-jsonschema: the required keys, at each level.
    for k in schema["required"]:
        assert k in doc, k
    for name in ("entries", "coverage", "concerns", "rejected"):
        req = schema["properties"][name]["items"]["required"]
        for item in doc[name]:
            for k in req:
                assert k in item, (name, k)
assert len(doc["coverage"]) == 32
assert doc["redactions"]["total"] == sum(v for k, v in doc["redactions"].items() if k != "total")
PY
