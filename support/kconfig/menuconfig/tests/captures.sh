#!/bin/bash
# captures.sh - print text screen captures of mconf for the docs: the main menu and the
# why/resolve view of an option with unmet dependencies (tests/basic/Kconfig, 80x24).
#
# usage: captures.sh MCONF
set -eu -o pipefail

if [ $# -ne 1 ]; then
	echo "usage: $0 MCONF" >&2
	exit 2
fi
MCONF=$(realpath "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/mconf-capture.XXXXXX")
SOCK="mconf-capture-$$"
export LC_ALL=C.UTF-8
tm() { tmux -u -L "$SOCK" -f /dev/null "$@"; }
cleanup() {
	tm kill-server >/dev/null 2>&1 || true
	rm -rf "$WORK"
}
trap cleanup EXIT

wait_for() {
	for _ in $(seq 100); do
		if tm capture-pane -p -t cap | grep -qF -- "$1"; then
			return 0
		fi
		sleep 0.05
	done
	echo "$0: the screen never showed \"$1\"" >&2
	exit 1
}

cd "$WORK"
tm new-session -d -s cap -x 80 -y 24 -c "$WORK" \
	"env TERM=screen-256color KCONFIG_CONFIG=.config '$MCONF' '$HERE/basic/Kconfig'; sleep 60"
wait_for "<Select>"
echo "Main menu:"
echo '```'
tm capture-pane -p -t cap
echo '```'
tm send-keys -t cap / && wait_for "Search Configuration"
tm send-keys -t cap -l WIFI && tm send-keys -t cap Enter && wait_for "WIFI [="
tm send-keys -t cap Enter && wait_for "Wireless LAN"
tm send-keys -t cap w && wait_for "Why: WIFI"
echo
echo "Why/resolve view (Networking > Wireless LAN, key w):"
echo '```'
tm capture-pane -p -t cap
echo '```'
