#!/bin/bash
# bench.sh - time until mconf shows its first screen on the Linux 6.1 x86 tree, against the
# kernel's own `conf --olddefconfig` on the same tree, .config and environment.
#
# usage: bench.sh MCONF [ORACLE_CONF [SRCTREE [CONFIG]]]
#   defaults: what the conformance harness leaves in its work dir ($KCONFIG_WORKDIR, default
#   output/kconfig-conformance at the top of the tree): oracle/scripts/kconfig/conf,
#   src/linux-source-6.1, and the x86_64 defconfig of support/kconfig/bench.sh (bench/start/.config)
# Each side runs RUNS times (default 3); the best time of each is compared.
# Prints the times and the ratio (target: mconf <= 2x conf).
set -eu -o pipefail

usage() {
	echo "usage: $0 MCONF [ORACLE_CONF [SRCTREE [CONFIG]]]" >&2
	exit 2
}
if [ $# -lt 1 ] || [ $# -gt 4 ]; then usage; fi
MCONF=$(realpath "$1")
W=${KCONFIG_WORKDIR:-$(cd "$(dirname "$0")/../../.." && pwd)/output/kconfig-conformance}
ORACLE=$(realpath "${2:-$W/oracle/scripts/kconfig/conf}")
SRC=$(realpath "${3:-$W/src/linux-source-6.1}")
CONFIG=$(realpath "${4:-$W/bench/start/.config}")
RUNS=${RUNS:-3}
for f in "$MCONF" "$ORACLE"; do
	[ -x "$f" ] || { echo "$0: $f is not executable" >&2; exit 1; }
done
[ -f "$SRC/Kconfig" ] || { echo "$0: $SRC/Kconfig not found" >&2; exit 1; }
command -v tmux >/dev/null || { echo "$0: tmux is needed" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/mconf-bench.XXXXXX")
SOCK="mconf-bench-$$"
# A private tmux server; works from inside another tmux too.
unset TMUX
tm() { tmux -u -L "$SOCK" -f /dev/null "$@"; }
cleanup() {
	tm kill-server >/dev/null 2>&1 || true
	rm -rf "$WORK"
}
trap cleanup EXIT

# The environment kbuild exports to conf for ARCH=x86_64 (scripts/Kconfig.include and the
# Kconfig files read these).
version() { sed -n "s/^$1 = *//p" "$SRC/Makefile" | head -n1; }
KV="$(version VERSION).$(version PATCHLEVEL).$(version SUBLEVEL)$(version EXTRAVERSION)"
export LC_ALL=C.UTF-8 srctree="$SRC" ARCH=x86_64 SRCARCH=x86 KERNELVERSION="$KV"
export CC=gcc LD=ld HOSTCC=gcc HOSTCXX=g++ RUSTC=rustc BINDGEN=bindgen
CC_VERSION_TEXT=$(gcc --version | head -n1)
export CC_VERSION_TEXT

now() { date +%s.%N; }

oracle_once() {
	local d=$WORK/oracle
	rm -rf "$d" && mkdir -p "$d" && cp "$CONFIG" "$d/.config"
	local t0 t1
	t0=$(now)
	(cd "$d" && KCONFIG_CONFIG="$d/.config" "$ORACLE" -s --olddefconfig Kconfig >/dev/null 2>&1)
	t1=$(now)
	echo "$t1 - $t0" | bc -l
}

# Start mconf in a detached 80x24 tmux terminal and poll the screen until its menu is drawn.
mconf_once() {
	local d=$WORK/mconf
	rm -rf "$d" && mkdir -p "$d" && cp "$CONFIG" "$d/.config"
	local t0 t1
	tm kill-session -t bench >/dev/null 2>&1 || true
	t0=$(now)
	tm new-session -d -s bench -x 80 -y 24 -c "$d" \
		"env TERM=screen-256color KCONFIG_CONFIG='$d/.config' '$MCONF' Kconfig 2>/dev/null; sleep 60"
	for _ in $(seq 6000); do
		if tm capture-pane -p -t bench 2>/dev/null | grep -q "<Select>"; then
			break
		fi
		sleep 0.005
	done
	t1=$(now)
	if ! tm capture-pane -p -t bench | grep -q "Kernel Configuration"; then
		echo "$0: mconf did not show the kernel's main menu; screen:" >&2
		tm capture-pane -p -t bench >&2
		exit 1
	fi
	tm kill-session -t bench >/dev/null 2>&1 || true
	echo "$t1 - $t0" | bc -l
}

best() { sort -g | head -n1; }

o=$(for _ in $(seq "$RUNS"); do oracle_once; done | best)
m=$(for _ in $(seq "$RUNS"); do mconf_once; done | best)
printf 'tree:    %s (ARCH=%s, %s)\n' "$SRC" "$ARCH" "$KV"
printf 'oracle:  conf --olddefconfig        %.3f s (best of %s)\n' "$o" "$RUNS"
printf 'mconf:   first screen shown         %.3f s (best of %s)\n' "$m" "$RUNS"
printf 'ratio:   %.2f x (target <= 2.00 x)\n' "$(echo "$m / $o" | bc -l)"
