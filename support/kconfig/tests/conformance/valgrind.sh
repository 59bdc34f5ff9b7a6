#!/bin/bash
# valgrind on `conf --olddefconfig` on the Linux 6.1 x86 tree: fails on any
# memory error and on any leak (definite, indirect, possible or still
# reachable: an engine that frees what it allocates has none).
#
# The starting .config is the oracle's `make ARCH=x86_64 defconfig`; conf
# runs with the environment and arguments kbuild gives it.
set -eu -o pipefail

usage() {
	cat <<EOF2
usage: ${0##*/} --conf PATH [--workdir DIR] [--kernel-src DIR] [--arch ARCH]
  --conf PATH        the conf binary under test (required)
  --workdir DIR      work dir (default: output/kconfig-conformance at the top)
  --kernel-src DIR   use this extracted linux-source-6.1 tree instead of
                     extracting /usr/src/linux-source-6.1.tar.xz
  --arch ARCH        kernel architecture (default: x86_64)
  --leak-kinds K     valgrind's --errors-for-leak-kinds (default: all)
EOF2
	exit 2
}

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CONF=
WORKDIR=$DEFAULT_WORKDIR
KERNEL_SRC=
ARCH=x86_64
LEAK_KINDS=all
while [ $# -gt 0 ]; do
	if common_arg "$@"; then
		shift "$ARGS_TAKEN"
		continue
	fi
	case $1 in
	--arch) ARCH=${2?}; shift 2 ;;
	--leak-kinds) LEAK_KINDS=${2?}; shift 2 ;;
	*) unknown_arg "$1" ;;
	esac
done
common_args_done
command -v valgrind >/dev/null || die "valgrind not found: run 'apt-get install valgrind'"

ensure_kernel_src
ensure_oracle

odir=$WORKDIR/valgrind/o
rm -rf "$WORKDIR/valgrind"
mkdir -p "$odir"
replay "$ARCH" defconfig "$odir" "$ORACLE_CONF" >/dev/null ||
	die "the oracle's defconfig failed in $odir"

log=$WORKDIR/valgrind/valgrind.log
note "valgrind: $CONF --olddefconfig (ARCH=$ARCH), log in $log"
rc=0
replay "$ARCH" olddefconfig "$odir" "$CONF" \
	"valgrind --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=$LEAK_KINDS --error-exitcode=99 --log-file=$log" ||
	rc=$?
# Only the summary lines; the whole report is in the log.
grep -E '^==[0-9]+== +(ERROR SUMMARY|definitely lost:|indirectly lost:|possibly lost:|still reachable:|All heap blocks)' "$log" |
	sed 's/^==[0-9]*== */  /' || true
if [ "$rc" -eq 99 ]; then
	echo "valgrind: memory errors or leaks in conf --olddefconfig, see $log"
	echo "0 passed, 1 failed"
	exit 1
elif [ "$rc" -ne 0 ]; then
	echo "valgrind: conf --olddefconfig exited with status $rc (see $log)"
	echo "0 passed, 1 failed"
	exit 1
fi
echo "1 passed, 0 failed"
