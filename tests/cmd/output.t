#!/bin/sh
# output.t: the -o attacks of issue #21 (tests/hostile/output.sh) against
# every binary; exit 0 when every check passes.
exec sh "$(dirname "$0")/../hostile/output.sh"
