#!/bin/bash
# captures.sh - print text screen captures of mconf for the docs: the main menu and the
# why/resolve view of an option with unmet dependencies, in an 80x24 terminal.
#
# usage: captures.sh MCONF [linux]
#   default: tests/basic/Kconfig, why view of WIFI
#   linux:   the Linux 6.1 x86_64 tree as the conformance harness leaves it in its work dir
#            ($KCONFIG_WORKDIR, default output/kconfig-conformance at the top of the tree: src/,
#            and the defconfig of support/kconfig/bench.sh), why view of KVM_AMD_SEV
set -eu -o pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
	echo "usage: $0 MCONF [linux]" >&2
	exit 2
fi
TREE=${2:-basic}
MCONF=$(realpath "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/mconf-capture.XXXXXX")
SOCK="mconf-capture-$$"
export LC_ALL=C.UTF-8
# A private tmux server; works from inside another tmux too.
unset TMUX
tm() { tmux -u -L "$SOCK" -f /dev/null "$@"; }
cleanup() {
	tm kill-server >/dev/null 2>&1 || true
	rm -rf "$WORK"
}
trap cleanup EXIT

wait_for() {
	for _ in $(seq 600); do
		if tm capture-pane -p -t cap | grep -qF -- "$1"; then
			return 0
		fi
		sleep 0.05
	done
	echo "$0: the screen never showed \"$1\"" >&2
	exit 1
}

cd "$WORK"
if [ "$TREE" = linux ]; then
	W=${KCONFIG_WORKDIR:-$(cd "$HERE/../../../.." && pwd)/output/kconfig-conformance}
	SRC=$W/src/linux-source-6.1
	cp "$W/bench/start/.config" "$WORK/.config"
	export srctree="$SRC" ARCH=x86_64 SRCARCH=x86 KERNELVERSION=6.1.192
	export CC=gcc LD=ld HOSTCC=gcc HOSTCXX=g++ RUSTC=rustc BINDGEN=bindgen
	CC_VERSION_TEXT=$(gcc --version | head -n1)
	export CC_VERSION_TEXT
	KCONFIG=Kconfig
	SYM=KVM_AMD_SEV
else
	KCONFIG=$HERE/basic/Kconfig
	SYM=WIFI
fi
tm new-session -d -s cap -x 80 -y 24 -c "$WORK" \
	"env TERM=screen-256color KCONFIG_CONFIG=.config '$MCONF' '$KCONFIG'; sleep 60"
wait_for "<Select>"
echo "Main menu:"
echo '```'
tm capture-pane -p -t cap
echo '```'
tm send-keys -t cap / && wait_for "Search Configuration"
tm send-keys -t cap -l "^$SYM\$" && tm send-keys -t cap Enter && wait_for "$SYM [="
tm send-keys -t cap Enter && wait_for "<Select>"
tm send-keys -t cap w && wait_for "Why: $SYM"
echo
echo "Why/resolve view of $SYM (found with /, then key w):"
echo '```'
tm capture-pane -p -t cap
echo '```'
