#!/bin/sh
# hostile.t: the hostile-input suite (tests/hostile/run.sh) over every binary
# and every input it takes; exit 0 when every check passes.
exec sh "$(dirname "$0")/../hostile/run.sh"
