#!/bin/bash
# Conformance of our `conf` against the Linux 6.1 kernel's own kconfig.
#
# Builds the kernel's conf (the oracle) from Debian's linux-source-6.1,
# records the exact environment and arguments kbuild gives conf for each
# configuration target, replays them for both binaries in separate dirs of
# the same layout, and compares the files they write byte for byte.
# See README.md in this directory.
set -eu -o pipefail

usage() {
	cat <<EOF
usage: ${0##*/} --conf PATH [options]
  --conf PATH        the conf binary under test (required)
  --workdir DIR      work dir (default: output/kconfig-conformance at the top)
  --kernel-src DIR   use this extracted linux-source-6.1 tree instead of
                     extracting /usr/src/linux-source-6.1.tar.xz
  --arch "A B"       architectures (default: "x86_64 arm64")
  --seeds N          randconfig seeds per arch (default: 30)
  --jobs N           cases run in parallel (default: 2)
  --strict           also compare .config.old, auto.conf.cmd, rustc_cfg,
                     the include/config/ dependency files, stdout/stderr
  --cases REGEX      only run the cases whose name (arch/case) matches
  --rand-olddefconfig  also run olddefconfig after each randconfig
  --timeout SECONDS  time one conf call may take (default: 120; the oracle
                     needs about 1): a call killed ends its case
EOF
	exit 2
}

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CONF=
WORKDIR=$DEFAULT_WORKDIR
KERNEL_SRC=
ARCHS="x86_64 arm64"
SEEDS=30
JOBS=2
STRICT=
RAND_OLDDEF=
TIMEOUT=120
CASES=
while [ $# -gt 0 ]; do
	if common_arg "$@"; then
		shift "$ARGS_TAKEN"
		continue
	fi
	case $1 in
	--arch) ARCHS=${2?}; shift 2 ;;
	--seeds) SEEDS=${2?}; shift 2 ;;
	--jobs) JOBS=${2?}; shift 2 ;;
	--strict) STRICT=--strict; shift ;;
	--cases) CASES=${2?}; shift 2 ;;
	--rand-olddefconfig) RAND_OLDDEF=--rand-olddefconfig; shift ;;
	--timeout) TIMEOUT=${2?}; shift 2 ;;
	*) unknown_arg "$1" ;;
	esac
done
common_args_done

ensure_kernel_src
ensure_oracle

# shellcheck disable=SC2086 # ARCHS is a word list
exec /usr/bin/python3 "$CONFORMANCE_DIR/conformance.py" \
	--conf "$CONF" --oracle "$ORACLE_CONF" --oracle-dir "$ORACLE_DIR" \
	--kernel-src "$KERNEL_SRC" --workdir "$WORKDIR" --seeds "$SEEDS" \
	--jobs "$JOBS" --timeout "$TIMEOUT" --cases "$CASES" $STRICT $RAND_OLDDEF $ARCHS
