# shellcheck shell=bash
# Shared setup for the kconfig conformance scripts (sourced, not run).
#
# It finds the Linux 6.1 source of Debian's linux-source-6.1 package,
# extracts it once into the work dir and builds the kernel's own `conf`
# from it (the oracle).  Callers set these before calling the functions:
#   WORKDIR     where everything is put (never inside the kernel tree)
#   KERNEL_SRC  optional: an already extracted linux-source-6.1 tree to use
#               as is (read-only use), instead of extracting the tarball
# and get back:
#   KERNEL_SRC  the kernel source tree
#   ORACLE_DIR  the O= dir the oracle was built in
#   ORACLE_CONF the oracle binary

KERNEL_TARBALL=${KERNEL_TARBALL:-/usr/src/linux-source-6.1.tar.xz}
CONFORMANCE_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TOPDIR=$(cd "$CONFORMANCE_DIR/../../../.." && pwd)
export DEFAULT_WORKDIR=$TOPDIR/output/kconfig-conformance

die() {
	echo "${0##*/}: error: $*" >&2
	exit 2
}

note() {
	echo ">>> $*" >&2
}

# An absolute path for $1 (which need not exist yet).
abspath() {
	case $1 in
	/*) printf '%s\n' "$1" ;;
	*) printf '%s/%s\n' "$PWD" "$1" ;;
	esac
}

# Check that $1 names an executable `conf` and print its absolute path.
conf_path() {
	local p
	p=$(abspath "$1")
	if [ ! -f "$p" ] || [ ! -x "$p" ]; then
		die "--conf $1: not an executable file"
	fi
	printf '%s\n' "$p"
}

# Argument parsing shared by the scripts: each sets CONF, WORKDIR and
# KERNEL_SRC to their defaults, then for every argument first asks
# common_arg, which takes --conf, --workdir, --kernel-src and --help
# (calling the script's usage) and sets ARGS_TAKEN; after the loop
# common_args_done checks them.
# shellcheck disable=SC2034 # ARGS_TAKEN is read by the caller
common_arg() {
	case $1 in
	--conf) CONF=${2?--conf needs a value}; ARGS_TAKEN=2 ;;
	--workdir) WORKDIR=${2?--workdir needs a value}; ARGS_TAKEN=2 ;;
	--kernel-src) KERNEL_SRC=${2?--kernel-src needs a value}; ARGS_TAKEN=2 ;;
	-h | --help) usage ;;
	*) return 1 ;;
	esac
}

unknown_arg() {
	echo "${0##*/}: unknown argument: $1" >&2
	usage
}

common_args_done() {
	[ -n "$CONF" ] || usage
	CONF=$(conf_path "$CONF")
	WORKDIR=$(abspath "$WORKDIR")
	mkdir -p "$WORKDIR"
}

# Extract the kernel source once; later runs reuse it (a stamp marks a
# complete extraction, so an interrupted one is redone).
ensure_kernel_src() {
	if [ -n "${KERNEL_SRC:-}" ]; then
		[ -f "$KERNEL_SRC/scripts/kconfig/conf.c" ] ||
			die "--kernel-src $KERNEL_SRC: not a Linux source tree (no scripts/kconfig/conf.c)"
		KERNEL_SRC=$(cd "$KERNEL_SRC" && pwd)
		return
	fi
	KERNEL_SRC=$WORKDIR/src/linux-source-6.1
	if [ -f "$WORKDIR/src/.extracted" ]; then
		return
	fi
	[ -f "$KERNEL_TARBALL" ] ||
		die "$KERNEL_TARBALL not found: the oracle is built from Debian's Linux 6.1 source; run 'apt-get install linux-source-6.1'"
	note "extracting $KERNEL_TARBALL into $WORKDIR/src (once)"
	rm -rf "$WORKDIR/src"
	mkdir -p "$WORKDIR/src.tmp"
	tar -xJf "$KERNEL_TARBALL" -C "$WORKDIR/src.tmp"
	[ -f "$WORKDIR/src.tmp/linux-source-6.1/scripts/kconfig/conf.c" ] ||
		die "$KERNEL_TARBALL: no linux-source-6.1/scripts/kconfig/conf.c inside"
	mv "$WORKDIR/src.tmp" "$WORKDIR/src"
	touch "$WORKDIR/src/.extracted"
}

# Build the kernel's own conf out of tree, the way kbuild builds it.
ensure_oracle() {
	ORACLE_DIR=$WORKDIR/oracle
	ORACLE_CONF=$ORACLE_DIR/scripts/kconfig/conf
	if [ -f "$ORACLE_DIR/.built" ] && [ "$(cat "$ORACLE_DIR/.built")" = "$KERNEL_SRC" ]; then
		return
	fi
	note "building the oracle conf from $KERNEL_SRC into $ORACLE_DIR"
	rm -rf "$ORACLE_DIR"
	mkdir -p "$ORACLE_DIR"
	# build_config is kbuild's target for "build conf, do not run it".
	nice make -s -C "$KERNEL_SRC" O="$ORACLE_DIR" ARCH=x86_64 build_config ||
		die "building the oracle conf failed (make -C $KERNEL_SRC O=$ORACLE_DIR build_config)"
	[ -x "$ORACLE_CONF" ] || die "the oracle build made no $ORACLE_CONF"
	printf '%s\n' "$KERNEL_SRC" >"$ORACLE_DIR/.built"
}

# replay ARCH TARGET ODIR BINARY [WRAP]: run BINARY the way kbuild runs conf
# for `make ARCH=<ARCH> <TARGET>`, in the O= dir ODIR (which must exist),
# optionally under the command WRAP (e.g. "valgrind -q").  The calls are
# recorded once per work dir (see conformance.py).
replay() {
	/usr/bin/python3 "$CONFORMANCE_DIR/conformance.py" replay \
		--oracle "$ORACLE_CONF" --oracle-dir "$ORACLE_DIR" \
		--kernel-src "$KERNEL_SRC" --workdir "$WORKDIR" \
		--arch "$1" --target "$2" --odir "$3" --wrap "${5:-}" "$4"
}
