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
ARCH=x86_64
while [ $# -gt 0 ]; do
	case $1 in
	--lib) LIB=${2?}; shift 2 ;;
	--include) INCLUDE=${2?}; shift 2 ;;
	--list) LIST=${2?}; shift 2 ;;
	--workdir) WORKDIR=${2?}; shift 2 ;;
	--kernel-src) KERNEL_SRC=${2?}; shift 2 ;;
	--pick) PICK=${2?}; shift 2 ;;
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

work=$WORKDIR/resolver
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

passed=0
failed=0
while read -r what sym _; do
	[ "$what" = found ] || continue
	odir=$work/check/$sym
	mkdir -p "$odir"
	cp "$work/found/$sym.config" "$odir/.config"
	replay "$ARCH" olddefconfig "$odir" "$ORACLE_CONF" >"$odir/stdout" 2>"$odir/stderr" || {
		echo "FAIL $sym: the kernel's conf failed (see $odir)"
		failed=$((failed + 1))
		continue
	}
	if cmp -s "$work/found/$sym.config" "$odir/.config"; then
		passed=$((passed + 1))
		rm -rf "$odir"
	else
		echo "FAIL $sym: the kernel's conf --olddefconfig changes the resolved .config:"
		diff "$work/found/$sym.config" "$odir/.config" | sed 's/^/    /' | head -n 20
		failed=$((failed + 1))
	fi
done <"$work/results.txt"
tail -n 1 "$work/results.txt"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
