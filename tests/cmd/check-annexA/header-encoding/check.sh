#!/bin/sh
# A header with a multi-line name and a Windows-1252 byte: the names are
# matched, the bad bytes are findings, and the JSON stays valid UTF-8 with
# the column printable on one line.
set -eu
python3 - "$OUT" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
f = doc["findings"]
assert f[0]["line"] == 1 and f[0]["rule"] == "encoding", f[0]
assert f[1] == {"line": 3, "column": "Not?s", "rule": "encoding", "severity": "error",
    "message": "bytes that are not valid UTF-8 (is it Windows-1252? try --encoding cp1252)"}, f[1]
assert doc["summary"]["by_rule"]["missing-column"] == 0
assert doc["summary"]["records"] == 1
PY
