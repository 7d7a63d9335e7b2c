#!/bin/sh
# privacy.t: the privacy audit (tests/hostile/privacy.sh): sentinel personal
# values through every binary's error paths never reach stderr or a finding,
# and -o files are created 0600; exit 0 when every check passes.
exec sh "$(dirname "$0")/../hostile/privacy.sh"
