#!/bin/bash
# Measure the resolver on the Linux 6.1 tree: for a fixed list of symbols that
# are off and cannot be set directly (drawn once with a seed, kept beside this
# script), the share for which `kc_explain` finds a change set; every found set,
# applied and written as a .config, is then given to the kernel's own
# `conf --olddefconfig`, which must leave it byte for byte unchanged.
#
# The configuration starts from the kernel's `make ARCH=x86_64 defconfig`; every
# program runs with the environment kbuild gives conf (see ../conformance).
# Ends with "N passed, M failed" (passed: a set was found and the kernel's conf
# keeps it; failed: a found set the kernel's conf changes); the share is printed
# before it.  --pick prints a new list instead (seeded) and exits.
set -eu -o pipefail

usage() {
	cat <<EOF2
usage: ${0##*/} --lib LIBKCONFIG_A [--list FILE] [--workdir DIR] [--kernel-src DIR] [--pick SEED]
  --lib PATH        the engine library to measure (libkconfig.a, with its kconfig.h beside
                    the sources it was built from: --include DIR, default: this tree's)
  --include DIR     where kconfig.h is (default: support/kconfig)
  --list FILE       the symbols (default: linux-x86_64-symbols.txt beside this script)
  --pick SEED       print 200 symbols drawn with SEED and exit
  --name NAME       work in WORKDIR/resolver-NAME (default: resolver), so that two
                    libraries can be measured side by side
  --jobs N          the kernel's conf checks run N at a time (default: 2)
EOF2
	exit 2
}

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../conformance/lib.sh
. "$HERE/../conformance/lib.sh"

LIB=
INCLUDE=$HERE/../..
LIST=$HERE/linux-x86_64-symbols.txt
WORKDIR=$DEFAULT_WORKDIR
# shellcheck disable=SC2034 # read by lib.sh
KERNEL_SRC=
PICK=
NAME=
JOBS=2
ARCH=x86_64
while [ $# -gt 0 ]; do
	case $1 in
	--lib) LIB=${2?}; shift 2 ;;
	--include) INCLUDE=${2?}; shift 2 ;;
	--list) LIST=${2?}; shift 2 ;;
	--workdir) WORKDIR=${2?}; shift 2 ;;
	--kernel-src) KERNEL_SRC=${2?}; shift 2 ;;
	--pick) PICK=${2?}; shift 2 ;;
	--name) NAME=-${2?}; shift 2 ;;
	--jobs) JOBS=${2?}; shift 2 ;;
	-h | --help) usage ;;
	*) echo "${0##*/}: unknown argument: $1" >&2; usage ;;
	esac
done
if [ -z "$LIB" ] || [ ! -f "$LIB" ]; then usage; fi
LIB=$(abspath "$LIB")
WORKDIR=$(abspath "$WORKDIR")
mkdir -p "$WORKDIR"
ensure_kernel_src
ensure_oracle

work=$WORKDIR/resolver$NAME
rm -rf "$work"
mkdir -p "$work/start" "$work/found"
cc -std=c11 -O2 -Wall -Wextra -Werror -I"$INCLUDE" -o "$work/resolve_share" \
	"$HERE/resolve_share.c" "$LIB"
replay "$ARCH" defconfig "$work/start" "$ORACLE_CONF" >/dev/null ||
	die "the oracle's defconfig failed in $work/start"

if [ -n "$PICK" ]; then
	replay "$ARCH" olddefconfig "$work/start" "$work/resolve_share" \
		"env RESOLVE_MODE=pick RESOLVE_SEED=$PICK RESOLVE_COUNT=200"
	exit 0
fi

LIST=$(abspath "$LIST")
replay "$ARCH" olddefconfig "$work/start" "$work/resolve_share" \
	"env RESOLVE_MODE=run RESOLVE_LIST=$LIST RESOLVE_OUT=$work/found" >"$work/results.txt" ||
	die "resolve_share failed (see $work/results.txt)"

# check SYMBOL: the kernel's conf --olddefconfig on the resolved .config; prints
# "ok SYMBOL" or the difference.
check() {
	local sym=$1 odir=$work/check/$1
	mkdir -p "$odir"
	cp "$work/found/$sym.config" "$odir/.config"
	if ! replay "$ARCH" olddefconfig "$odir" "$ORACLE_CONF" >"$odir/stdout" 2>"$odir/stderr"; then
		echo "FAIL $sym: the kernel's conf failed (see $odir)"
	elif cmp -s "$work/found/$sym.config" "$odir/.config"; then
		echo "ok $sym"
		rm -rf "$odir"
	else
		echo "FAIL $sym: the kernel's conf --olddefconfig changes the resolved .config:"
		diff "$work/found/$sym.config" "$odir/.config" | sed 's/^/    /' | head -n 20
	fi
}
export -f check replay
export work ARCH ORACLE_CONF ORACLE_DIR KERNEL_SRC WORKDIR CONFORMANCE_DIR
# shellcheck disable=SC2016 # $1 is the inner shell's
awk '$1 == "found" { print $2 }' "$work/results.txt" |
	xargs -r -P "$JOBS" -I{} bash -c 'check "$1"' _ {} >"$work/checks.txt"
grep -v '^ok ' "$work/checks.txt" || true
grep '^share ' "$work/results.txt"
passed=$(grep -c '^ok ' "$work/checks.txt" || true)
failed=$(grep -c '^FAIL ' "$work/checks.txt" || true)
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
