#!/bin/sh
# deps.sh [--ci] [--bench]: install the Debian packages cafcass-inspect needs to
# build and test, only those missing; --ci adds what CI's extra passes use
# (valgrind, clang's libFuzzer); --bench adds the peers `make bench` times
# (Miller and csvkit). GNU time, which measures peak memory, is in the base
# set: the benchmark's smoke test (tests/cmd/bench.t) needs it. As root it runs
# apt-get; with passwordless sudo it uses sudo; otherwise it prints the exact
# apt-get line and stops (exit 1).
set -u
PKGS="gcc make autoconf automake pkg-config libcsv-dev libjansson-dev libpcre2-dev check
libical-dev libcmark-dev zlib1g-dev libisal-dev libzip-dev libexpat1-dev libxlsxwriter-dev libutf8proc-dev wbritish wbritish-large clang-format libxml2-utils groff-base time universal-ctags jq"
for arg in "$@"; do
	case $arg in
	--ci) PKGS="$PKGS valgrind clang libclang-rt-14-dev" ;;
	--bench) PKGS="$PKGS miller csvkit" ;;
	*) echo "usage: deps.sh [--ci] [--bench]" >&2; exit 2 ;;
	esac
done
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && { echo "deps: all packages present"; exit 0; }
echo "deps: missing:$missing"
if [ "$(id -u)" = 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	SUDO="sudo -n"
else
	echo "deps: run as root:  apt-get install -y$missing"
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing ||
	{ $SUDO apt-get update -q && $SUDO apt-get install -y -q --no-install-recommends $missing; }
