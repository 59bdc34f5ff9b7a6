#!/bin/bash
# Measure the resolver on the Linux 6.1 tree: for a fixed list of symbols that
# are off and cannot be set directly (drawn once with a seed, kept beside this
# script), the share for which `kc_explain` finds a change set; every found set,
# applied and written as a .config, is then given to the kernel's own
# olddefconfig (its kconfig code, see oracle_batch.c), which must leave it byte
# for byte unchanged.
#
# The configuration starts from the kernel's `make ARCH=x86_64 defconfig`; every
# program runs with the environment kbuild gives conf (see ../conformance).
# Ends with "N passed, M failed" (passed: a set was found and the kernel's conf
# keeps it; failed: a found set the kernel's conf changes); the share is printed
# before it.  --pick prints a new list instead (seeded) and exits.
# It replays the conformance harness's recording of kbuild's calls: don't run
# it while the harness (make check-kconfig) works in the same work dir, which
# records them anew.
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

# The kernel's own olddefconfig on every resolved .config, in one process
# (oracle_batch.c: the kernel's kconfig objects of the oracle build, parsed
# once, conf_read + conf_write per file, as the kernel's conf does).
kdir=$KERNEL_SRC/scripts/kconfig
odir=$ORACLE_DIR/scripts/kconfig
cc -O2 -I"$kdir" -I"$odir" -o "$work/oracle_batch" "$HERE/oracle_batch.c" \
	"$odir/confdata.o" "$odir/expr.o" "$odir/lexer.lex.o" "$odir/menu.o" \
	"$odir/parser.tab.o" "$odir/preprocess.o" "$odir/symbol.o" "$odir/util.o"
awk -v d="$work/found" '$1 == "found" { print d "/" $2 ".config" }' "$work/results.txt" \
	>"$work/found.list"
mkdir -p "$work/check"
cp "$work/start/.config" "$work/check/.config"
replay "$ARCH" olddefconfig "$work/check" "$work/oracle_batch" \
	"env ORACLE_BATCH_LIST=$work/found.list" >"$work/check/stdout" 2>"$work/check/stderr" ||
	die "the kernel's kconfig failed on a resolved .config (see $work/check/stderr)"
passed=0
failed=0
while read -r f; do
	if cmp -s "$f" "$f.out"; then
		passed=$((passed + 1))
	else
		echo "FAIL $(basename "$f" .config): the kernel's olddefconfig changes the resolved .config:"
		diff "$f" "$f.out" | sed 's/^/    /' | head -n 20
		failed=$((failed + 1))
	fi
done <"$work/found.list"
grep '^share ' "$work/results.txt"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
