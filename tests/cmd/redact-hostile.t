#!/bin/sh
# redact-hostile.t: hostile inputs for the redaction detectors
# (tests/hostile/redact.sh); exit 0 when every check passes.
exec sh "$(dirname "$0")/../hostile/redact.sh"
