#!/bin/bash
# run.sh - drive mconf for real in a tmux terminal and check what it shows and writes.
#
# usage: run.sh MCONF [CONF]
#   MCONF  the menuconfig binary under test
#   CONF   optional: the engine's conf; when given, every written .config is also checked to be
#          stable under `conf --olddefconfig` (i.e. the engine agrees it is a valid config)
# Prints one line per test and ends with "N passed, M failed"; exits non-zero on failure.
# MCONF_TESTS="test_a test_b" runs only those; a name there that is no test is an error.
set -eu -o pipefail

usage() {
	echo "usage: $0 MCONF [CONF]" >&2
	exit 2
}
if [ $# -lt 1 ] || [ $# -gt 2 ]; then usage; fi
MCONF=$(realpath "$1")
CONF=${2:+$(realpath "$2")}
[ -x "$MCONF" ] || { echo "$0: $MCONF is not executable" >&2; exit 2; }
command -v tmux >/dev/null || { echo "$0: tmux is needed (apt-get install tmux)" >&2; exit 2; }

HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/mconf-test.XXXXXX")
SOCK="mconf-test-$$"
export LC_ALL=C.UTF-8 LANG=C.UTF-8
PY=/usr/bin/python3
passed=0
failed=0
FAILED=0
S=""   # current tmux session
T=""   # current test directory

# A private tmux server; works from inside another tmux too.
unset TMUX
tm() { tmux -u -L "$SOCK" -f /dev/null "$@"; }
cleanup() {
	tm kill-server >/dev/null 2>&1 || true
	rm -rf "$WORK"
}
trap cleanup EXIT
# A session that lives for the whole run: killing a test's session never
# leaves the server without sessions, so it never exits while the next test
# connects ("server exited unexpectedly" under load).
tm new-session -d -s keepalive "sleep 86400"

# start NAME KCONFIG [COLS ROWS [TERM]]: run mconf on KCONFIG in a fresh dir and terminal.
start() {
	S=$1
	T=$WORK/$1
	mkdir -p "$T"
	local kconfig=$2 cols=${3:-80} rows=${4:-24} term=${5:-screen-256color}
	tm new-session -d -s "$S" -x "$cols" -y "$rows" -c "$T" \
		"env TERM=$term KCONFIG_CONFIG='$T/.config' ${MC_ENV:-} ${MCONF_WRAP:-} '$MCONF' '$kconfig' 2>'$T/stderr'; \
		 echo \"mconf-exit=\$?\"; sleep 600"
}

stop() { tm kill-session -t "$S" >/dev/null 2>&1 || true; }
screen() { tm capture-pane -p -t "$S"; }
keys() { tm send-keys -t "$S" "$@"; }
text() { tm send-keys -t "$S" -l "$1"; }

fail() {
	echo "    FAIL: $*"
	FAILED=1
}

# wait_for TEXT [SECONDS]: until the screen shows TEXT (fixed string).
wait_for() {
	local what=$1 tries=$((${2:-10} * 20))
	while [ "$tries" -gt 0 ]; do
		if screen | grep -qF -- "$what"; then
			return 0
		fi
		sleep 0.05
		tries=$((tries - 1))
	done
	fail "expected the screen to show \"$what\"; it shows:"
	screen | sed 's/^/      | /'
	return 0
}

# wait_gone TEXT: until TEXT is no longer on the screen.
wait_gone() {
	local what=$1 tries=200
	while [ "$tries" -gt 0 ]; do
		if ! screen | grep -qF -- "$what"; then
			return 0
		fi
		sleep 0.05
		tries=$((tries - 1))
	done
	fail "expected \"$what\" to disappear; the screen shows:"
	screen | sed 's/^/      | /'
}

# poll CMD...: until CMD succeeds (10 s at most); returns its last status.
poll() {
	local tries=200
	while [ "$tries" -gt 0 ]; do
		if "$@"; then
			return 0
		fi
		sleep 0.05
		tries=$((tries - 1))
	done
	return 1
}

# line_is N WIDTH FIRST LAST: screen line N is WIDTH columns wide, starts with FIRST, ends with LAST.
line_is() {
	screen | sed -n "$1p" | "$PY" -c '
import sys
l = sys.stdin.read().rstrip("\n")
w, first, last = int(sys.argv[1]), sys.argv[2], sys.argv[3]
sys.exit(0 if len(l) == w and l.startswith(first) and l.endswith(last) else 1)' "$2" "$3" "$4"
}

line_has() { screen | sed -n "$1p" | grep -qF -- "$2"; }

# settle: give mconf time to process keys that show nothing specific.
settle() { sleep "${1:-0.3}"; }

# config_has LINE: the written .config contains exactly this line.
config_has() {
	if [ ! -f "$T/.config" ]; then
		fail "no .config was written (wanted: $1)"
	elif ! grep -qxF -- "$1" "$T/.config"; then
		fail "$T/.config lacks the line: $1"
		sed 's/^/      | /' "$T/.config"
	fi
}

# engine_agrees KCONFIG: conf --olddefconfig leaves the written .config unchanged.
engine_agrees() {
	[ -n "$CONF" ] || return 0
	cp "$T/.config" "$T/check.config"
	if ! (cd "$T" && KCONFIG_CONFIG="$T/check.config" "$CONF" --olddefconfig "$1" \
		>"$T/conf.log" 2>&1); then
		fail "conf --olddefconfig failed on the written config:"
		sed 's/^/      | /' "$T/conf.log"
	elif ! diff <(grep -v '^#.*[Aa]utomatically\|^# [A-Z].*[0-9]\{4\}' "$T/.config") \
		<(grep -v '^#.*[Aa]utomatically\|^# [A-Z].*[0-9]\{4\}' "$T/check.config") \
		>"$T/conf.diff"; then
		fail "the engine changes the written config under olddefconfig:"
		sed 's/^/      | /' "$T/conf.diff"
	fi
}

# save_and_exit: Esc Esc at the top, answer Yes, wait for mconf to end.
save_and_exit() {
	keys Escape Escape
	wait_for "save your new configuration"
	keys Enter
	wait_for "mconf-exit=0"
}

# sanitizer_clean: when mconf is built with ASan/UBSan, nothing was reported on its stderr.
sanitizer_clean() {
	local f
	for f in "$WORK"/*/stderr; do
		[ -f "$f" ] || continue
		if grep -qE "ERROR: (Address|Leak)Sanitizer|runtime error:" "$f"; then
			fail "sanitizer report in $f:"
			sed 's/^/      | /' "$f" | head -n 40
		fi
		mv "$f" "$f.seen"
	done
}

run() {
	local name=$1
	FAILED=0
	"$name"
	stop
	sleep 0.1
	sanitizer_clean
	if [ "$FAILED" = 0 ]; then
		echo "PASS $name"
		passed=$((passed + 1))
	else
		echo "FAIL $name"
		failed=$((failed + 1))
	fi
}

BASIC=$HERE/basic/Kconfig
UTF8=$HERE/utf8/Kconfig

# ---- tests ---------------------------------------------------------------------------------

test_main_menu_shows_entries() {
	start main "$BASIC"
	wait_for "Menuconfig Test"
	wait_for "[*] Feature A"
	wait_for "(hello) Machine name"
	wait_for "(5) Worker count"
	wait_for "(0x1000) Base address"
	wait_for "<M> Driver as module or built in"
	wait_for "Networking  --->"
	wait_for "Compression (gzip)  --->"
	wait_for "<Select>"
	if screen | grep -qF "Needs Feature A off"; then
		fail "a hidden option is listed before z was pressed"
	fi
}

test_toggle_and_save() {
	start toggle "$BASIC"
	wait_for "[*] Feature A"
	keys Down
	keys n
	wait_for "[ ] Feature A"
	keys Down Down Down Down y
	wait_for "<*> Driver as module or built in"
	keys m
	wait_for "<M> Driver as module or built in"
	keys Space
	wait_for "<*> Driver as module or built in"
	save_and_exit
	config_has "# CONFIG_FEATURE_A is not set"
	config_has "CONFIG_DRIVER=y"
	engine_agrees "$BASIC"
}

test_selected_option_refuses_n() {
	start selected "$BASIC"
	wait_for "Selector of Feature A"
	keys End y
	wait_for "[*] Selector of Feature A"
	wait_for "-*- Feature A"
	keys Home Down n
	wait_for "cannot be n"
}

test_string_entry() {
	start string "$BASIC"
	wait_for "(hello) Machine name"
	keys Down Down Enter
	wait_for "Enter a string for NAME"
	keys C-u
	text "world wide"
	keys Enter
	wait_for "(world wide) Machine name"
	keys w
	wait_for "NAME has a value rather than an on/off state"
	keys Escape Escape
	wait_gone "Why: NAME"
	save_and_exit
	config_has 'CONFIG_NAME="world wide"'
	engine_agrees "$BASIC"
}

test_int_out_of_range_refused() {
	start int "$BASIC"
	wait_for "(5) Worker count"
	keys Down Down Down Enter
	wait_for "Enter a decimal number for COUNT"
	keys C-u
	text "42"
	keys Enter
	wait_for "\"42\" is refused: COUNT takes a number from 1 to 10."
	keys C-u
	text "abc"
	keys Enter
	wait_for "\"abc\" is refused"
	keys C-u
	text "7"
	keys Enter
	wait_for "(7) Worker count"
	keys Down Enter C-u
	text "zz"
	keys Enter
	wait_for "\"zz\" is refused: BASE takes a hexadecimal number."
	keys C-u
	text "0xbeef"
	keys Enter
	wait_for "(0xbeef) Base address"
	save_and_exit
	config_has "CONFIG_COUNT=7"
	config_has "CONFIG_BASE=0xbeef"
	engine_agrees "$BASIC"
}

test_submenu_and_back() {
	start submenu "$BASIC"
	wait_for "Networking  --->"
	keys Down Down Down Down Down Down Enter
	wait_for "[ ] Network support"
	wait_for "Menuconfig Test > Networking"
	keys y
	wait_for "[*] Network support"
	keys Escape Escape
	wait_for "Compression (gzip)  --->"
	save_and_exit
	config_has "CONFIG_NET=y"
}

test_choice_radio_list() {
	start choice "$BASIC"
	wait_for "Compression (gzip)  --->"
	keys End Up Enter
	wait_for "(X) gzip"
	wait_for "( ) xz"
	keys Down Enter
	wait_for "Compression (xz)  --->"
	save_and_exit
	config_has "CONFIG_XZ=y"
	config_has "# CONFIG_GZIP is not set"
	engine_agrees "$BASIC"
}

test_tristate_choice_modes() {
	start trichoice "$HERE/choice/Kconfig"
	wait_for "<M> Backend  --->"
	keys Down Enter
	wait_for "< > Backend A"
	keys Down m
	wait_for "<M> Backend B"
	keys y
	wait_for "BE_B cannot be y"
	keys Escape Escape
	wait_for "<M> Backend  --->"
	keys y
	wait_for "<*> Backend (Backend A)  --->"
	keys Enter
	wait_for "(X) Backend A"
	wait_for "( ) Backend B"
	keys Down Enter
	wait_for "<*> Backend (Backend B)  --->"
	save_and_exit
	config_has "CONFIG_BE_B=y"
	config_has "# CONFIG_BE_A is not set"
	engine_agrees "$HERE/choice/Kconfig"
}

test_help_details() {
	# a relative Kconfig path keeps "Defined at" on one line whatever $TMPDIR is
	mkdir -p "$WORK/help"
	cp "$BASIC" "$WORK/help/Kconfig"
	start help Kconfig
	wait_for "[*] Feature A"
	keys Down '?'
	wait_for "Symbol:     CONFIG_FEATURE_A [=y]"
	wait_for "Type:       bool"
	wait_for "Value:      y"
	wait_for "Set by:     a default: default y (Kconfig:10)"
	wait_for "Selected by:"
	wait_for "SELECTOR  [= n]   (SELECTOR = n)"
	wait_for "Prompt:     Feature A"
	wait_for "Defined at: Kconfig:8"
	wait_for "Location:   Menuconfig Test > Feature A"
	wait_for "Feature A help text"
	keys Escape Escape
	wait_for "<Select>"
	# a symbol with unmet dependencies lists each operand with its value
	keys z End
	wait_for "Needs Feature A off"
	keys Up '?'
	wait_for "Depends on: !FEATURE_A [=y]  => n"
	wait_for "Unmet (terms that keep it hidden"
	wait_for "FEATURE_A = y"
	stop
	# every depends-on term, met ones too, and the enclosing menu's visible-if, with values
	mkdir -p "$WORK/help-deps"
	cat >"$WORK/help-deps/Kconfig" <<-'EOF'
	mainmenu "Deps Test"
	config NET
		bool "Network support"
		default y
	config PCI
		bool "PCI support"
	menu "Drivers"
		visible if NET
	config DRV
		bool "A driver"
		depends on NET && !PCI
	endmenu
	EOF
	start help-deps "$WORK/help-deps/Kconfig"
	wait_for "[*] Network support"
	keys Down Down Enter
	wait_for "A driver"
	keys '?'
	wait_for "Symbol:     CONFIG_DRV [=n]"
	wait_for "Depends on: NET [=y] && !PCI [=n]  => y"
	wait_for "Visible if: NET [=y]  => y"
	wait_for "Unmet:      none, all dependencies are met"
}

test_search_and_jump() {
	start search "$BASIC"
	wait_for "Menuconfig Test"
	keys /
	wait_for "Search Configuration Parameter"
	text "wire"
	keys Enter
	wait_for "WIFI [=n]  Wireless LAN"
	wait_for "in Networking"
	keys '?'
	wait_for "Symbol:     CONFIG_WIFI"
	keys Escape Escape
	wait_for "Search results"
	keys Enter
	wait_for "Menuconfig Test > Networking"
	wait_for "Wireless LAN"
	# regular expression, and a CONFIG_ prefix is ignored
	keys /
	wait_for "Search Configuration Parameter"
	keys C-u
	text "CONFIG_^(gz|xz)"
	keys Enter
	wait_for "GZIP [=y]  gzip"
	wait_for "XZ [=n]  xz"
	keys Down Enter
	wait_for "Menuconfig Test > Compression"
	wait_for "( ) xz"
}

test_why_and_resolve() {
	start why "$BASIC"
	wait_for "Menuconfig Test"
	keys /
	wait_for "Search Configuration Parameter"
	text "WIFI"
	keys Enter
	wait_for "WIFI [=n]"
	keys Enter
	wait_for "Wireless LAN  [hidden: w = why]"
	keys w
	wait_for "Why: WIFI"
	wait_for "Unmet dependencies"
	wait_for "NET = n"
	wait_for "LEGACY = y"
	wait_for "To enable WIFI"
	wait_for "< Enable with dependencies >"
	screen >"$T/why.txt"
	keys Enter
	wait_for "WIFI is now y"
	keys Enter
	wait_for "[*]   Wireless LAN"
	keys Escape Escape
	wait_for "Compression (gzip)  --->"
	save_and_exit
	config_has "CONFIG_WIFI=y"
	config_has "CONFIG_NET=y"
	config_has "# CONFIG_LEGACY is not set"
	engine_agrees "$BASIC"
}

# The why view and `conf --explain` come from the same engine call: same change set, same order.
test_why_matches_conf_explain() {
	start explain "$BASIC"
	wait_for "Menuconfig Test"
	keys /
	wait_for "Search Configuration Parameter"
	text "^WIFI$"
	keys Enter
	wait_for "WIFI [=n]"
	keys Enter
	wait_for "Wireless LAN"
	keys w
	wait_for "To enable WIFI"
	screen | sed -n '/To enable WIFI/,/^[│ ]*$/p' |
		sed -n 's/^│ *\([A-Z0-9_]*\) *[^ ]* -> \([^ ]*\) *│$/\1=\2/p' >"$T/mconf.changes"
	(cd "$T" && KCONFIG_CONFIG="$T/.config" "$CONF" --explain WIFI "$BASIC") >"$T/explain.txt"
	sed -n '/to enable it, set:/,$p' "$T/explain.txt" |
		sed -n 's/^ *CONFIG_\([A-Z0-9_]*=[^ ]*\)$/\1/p' >"$T/conf.changes"
	if [ ! -s "$T/conf.changes" ] || ! diff "$T/conf.changes" "$T/mconf.changes" >"$T/changes.diff"; then
		fail "mconf's change set differs from conf --explain (conf < > mconf):"
		sed 's/^/      | /' "$T/changes.diff" "$T/explain.txt"
	fi
}

test_hidden_with_z() {
	start hidden "$BASIC"
	wait_for "Selector of Feature A"
	keys z
	wait_for "Needs Feature A off  [hidden: w = why]"
	wait_for "[z: all]"
	keys z
	wait_gone "Needs Feature A off"
}

test_save_as_and_load() {
	start saveload "$BASIC"
	wait_for "[*] Feature A"
	keys Down n
	wait_for "[ ] Feature A"
	keys S
	wait_for "Save Configuration"
	keys C-u
	text "$T/alt.config"
	keys Enter
	wait_for "Configuration saved to"
	printf 'CONFIG_NAME="loaded"\nCONFIG_COUNT=9\n' >"$T/other.config"
	keys L
	wait_for "Load Configuration"
	keys C-u
	text "$T/other.config"
	keys Enter
	wait_for "(loaded) Machine name"
	wait_for "(9) Worker count"
	# engine warnings while the screen is up come in a dialog, not over the screen
	printf 'CONFIG_COUNT=abc\n' >"$T/warn.config"
	keys L
	wait_for "Load Configuration"
	keys C-u
	text "$T/warn.config"
	keys Enter
	wait_for "Loaded with warnings"
	wait_for "warn.config:1:warning:"
	wait_for "invalid for COUNT"
	keys Enter
	wait_for "(5) Worker count"
	keys L
	wait_for "Load Configuration"
	keys C-u
	text "$T/missing.config"
	keys Enter
	wait_for "does not exist"
	keys Enter
	keys Escape Escape
	wait_for "save your new configuration"
	keys n
	wait_for "were NOT saved"
	if [ -e "$T/.config" ]; then
		fail "answering No still wrote $T/.config"
	fi
	if ! grep -qxF "# CONFIG_FEATURE_A is not set" "$T/alt.config" 2>/dev/null; then
		fail "alt.config was not written with the change"
	fi
}

test_exit_without_changes_asks_nothing() {
	# without a .config everything is new, so the first exit asks (as the kernel's does)
	start nochange "$BASIC"
	wait_for "Menuconfig Test"
	save_and_exit
	stop
	start nochange "$BASIC"
	wait_for "[*] Feature A"
	if screen | grep -qF "(NEW)"; then
		fail "options are still NEW after the .config was saved"
	fi
	keys Escape Escape
	wait_for "mconf-exit=0"
	if screen | grep -qF "save your new configuration"; then
		fail "asked to save although nothing changed"
	fi
}

test_resize() {
	start resize "$BASIC" 80 24
	wait_for "<Select>"
	tm resize-window -t "$S" -x 120 -y 35
	# the list frame follows the new width, the buttons the new last line
	if ! poll line_is 4 120 "┌" "┐"; then
		fail "frame does not span 120 columns after the resize:"
		screen | sed 's/^/      | /'
	fi
	if ! poll line_has 35 "<Select>"; then
		fail "buttons are not on the new last line 35"
	fi
	# open views and dialogs follow too
	keys Down '?'
	wait_for "Symbol:     CONFIG_FEATURE_A"
	tm resize-window -t "$S" -x 100 -y 30
	if ! poll line_is 2 100 "┌" "┐"; then
		fail "the help page does not span 100 columns after the resize:"
		screen | sed 's/^/      | /'
	fi
	if ! poll line_has 29 "└"; then
		fail "the help page does not reach the new bottom line 29"
	fi
	keys Escape Escape
	wait_gone "Symbol:     CONFIG_FEATURE_A"
	tm resize-window -t "$S" -x 60 -y 15
	wait_for "Terminal too small (60x15)"
	tm resize-window -t "$S" -x 80 -y 24
	wait_for "<Select>"
	wait_for "[*] Feature A"
	keys n
	wait_for "[ ] Feature A"
}

# The right frame of the list must be at the same column on every line, whatever the prompts'
# scripts: wide (CJK) characters take two columns.
aligned() {
	screen >"$T/screen.txt"
	"$PY" - "$T/screen.txt" >"$T/align.txt" <<'PYEOF'
import sys, unicodedata
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else
               0 if unicodedata.combining(c) else 1 for c in s)
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
bad = []
for i, l in enumerate(lines[4:20], 5):
    l = l.rstrip()
    if not l:
        continue
    if width(l) != 80 or l[-1] != "│":
        bad.append("line %d: width %d: %s" % (i, width(l), l))
if bad:
    print("\n".join(bad))
    sys.exit(1)
PYEOF
}

check_alignment() {
	if ! poll aligned; then
		fail "right frame is misaligned:"
		sed 's/^/      | /' "$T/align.txt" "$T/screen.txt"
	fi
}

test_utf8_prompts() {
	start utf8 "$UTF8"
	wait_for "中文测试 Chinese test"
	wait_for "[*] 启用网络功能 (enable networking)"
	wait_for "(服务器) 主机名称"
	wait_for "子菜单 submenu  --->"
	check_alignment
	keys Down Enter
	wait_for "Enter a string for ZH_NAME"
	keys C-u
	text "你好世界"
	keys Enter
	wait_for "(你好世界) 主机名称"
	check_alignment
	keys Up '?'
	wait_for "这是帮助文本。This is the help text."
	keys Escape Escape
	keys End Enter
	wait_for "中文测试 Chinese test > 子菜单 submenu"
	wait_for "[ ] 内部选项"
	keys Escape Escape
	save_and_exit
	config_has 'CONFIG_ZH_NAME="你好世界"'
	engine_agrees "$UTF8"
}

test_symbol_prefix_from_env() {
	MC_ENV="CONFIG_=MY_" start prefix "$BASIC"
	wait_for "[*] Feature A"
	keys Down '?'
	wait_for "Symbol:     MY_FEATURE_A [=y]"
	keys Escape Escape
	keys /
	wait_for "Search Configuration Parameter"
	text "MY_COUNT"
	keys Enter
	wait_for "COUNT [=5]  Worker count"
	keys Escape Escape
	wait_for "<Select>"
	save_and_exit
	config_has "MY_FEATURE_A=y"
	config_has "MY_COUNT=5"
}

test_hotkey_jumps_to_prompt_letter() {
	start hotkey "$BASIC"
	wait_for "(0x1000) Base address"
	keys b Enter
	wait_for "Enter a hexadecimal number (0x...) for BASE"
	keys Escape Escape
	wait_gone "Enter a hexadecimal number"
}

test_long_list_scrolls() {
	mkdir -p "$WORK/long"
	{
		echo 'mainmenu "Long list"'
		for i in $(seq -w 1 60); do
			printf 'config OPT_%s\n\tbool "Option %s"\n' "$i" "$i"
		done
	} >"$WORK/long/Kconfig"
	start long "$WORK/long/Kconfig"
	wait_for "[ ] Option 01"
	if screen | grep -qF "Option 20"; then
		fail "Option 20 should be below the first page"
	fi
	wait_for "(+)"
	keys NPage
	wait_for "Option 20"
	keys End
	wait_for "[ ] Option 60"
	wait_for "(-)"
	keys y
	wait_for "[*] Option 60"
	keys PPage
	wait_gone "Option 60"
	keys Home
	wait_for "[ ] Option 01"
	# Up on the first line stays there
	keys Up Down Down y
	wait_for "[*] Option 03"
	save_and_exit
	config_has "CONFIG_OPT_60=y"
	config_has "CONFIG_OPT_03=y"
	config_has "# CONFIG_OPT_01 is not set"
}

test_kconfig_error_names_file_and_line() {
	start broken "$HERE/bad/Kconfig"
	wait_for "mconf-exit=1"
	if ! grep -qF "bad/Kconfig:8" "$T/stderr"; then
		fail "the error does not name bad/Kconfig:8; stderr was:"
		sed 's/^/      | /' "$T/stderr"
	fi
	if grep -q $'\e' "$T/stderr"; then
		fail "escape sequences in the error output"
	fi
}

# smart-os itself uses an empty prefix (symbols are named SMARTOS_...).
test_empty_symbol_prefix() {
	MC_ENV="CONFIG_=" start noprefix "$BASIC"
	wait_for "[*] Feature A"
	keys Down '?'
	wait_for "Symbol:     FEATURE_A [=y]"
	keys Escape Escape
	wait_for "<Select>"
	save_and_exit
	config_has "FEATURE_A=y"
	config_has "COUNT=5"
	config_has "# NET is not set"
}

test_term_dumb_fails_clearly() {
	start dumb "$BASIC" 80 24 dumb
	wait_for "mconf-exit=1"
	if ! grep -qF "cannot position the cursor" "$T/stderr"; then
		fail "no clear message for TERM=dumb; stderr was:"
		sed 's/^/      | /' "$T/stderr"
	fi
	if grep -q $'\e' "$T/stderr" || screen | grep -q $'\e'; then
		fail "escape sequences were written to a dumb terminal"
	fi
}

# ---- the kernel user's first minute ---------------------------------------------------------

# The kernel's hotkey rule: the first letter of the prompt that is not a command key (y n m h,
# and our z w u), drawn highlighted; repeated presses cycle through the entries that share it.
test_hotkeys_kernel_rule() {
	start hotkeys "$BASIC"
	wait_for "Selector of Feature A"
	# s is a hotkey (Selector), no longer "select the current entry"
	keys s y
	wait_for "[*] Selector of Feature A"
	if ! screen | grep -qF "[*] Enable loadable module support"; then
		fail "s changed the highlighted entry instead of jumping to Selector"
	fi
	# "Networking": N is the n command, so its hotkey is e; from the top, e first reaches
	# "Enable loadable module support" (the current line), then cycles on to Networking
	keys Home e Enter
	wait_for "Network support"
	keys Escape Escape
	wait_for "Compression (gzip)"
	# the hotkey letters are drawn highlighted (bold+underline): S of Selector, e of Networking
	tm capture-pane -p -e -t "$S" >"$T/attrs.txt"
	if ! grep -aP '\e\[[0-9;]*4[0-9;]*m(\e\[[0-9;]*m)*S(\e\[[0-9;]*m)*elector' "$T/attrs.txt" >/dev/null ||
		! grep -aP 'N\e\[[0-9;]*4[0-9;]*m(\e\[[0-9;]*m)*e(\e\[[0-9;]*m)*tworking' "$T/attrs.txt" >/dev/null; then
		fail "hotkey letters are not highlighted; capture with attributes:"
		sed -n '5,14p' "$T/attrs.txt" | cat -v | sed 's/^/      | /'
	fi
}

# + and - move like Down and Up, as in the kernel's and Buildroot's menuconfig.
test_plus_minus_move() {
	start plusminus "$BASIC"
	wait_for "[*] Feature A"
	keys + n
	wait_for "[ ] Feature A"
	keys - n
	wait_for "[ ] Enable loadable module support"
	if ! screen | grep -qF "[ ] Feature A"; then
		fail "- did not move back up to the first entry"
	fi
}

# In a terminal below the minimum size, a waiting dialog must still be readable (a blind
# Enter would answer it).
test_small_terminal_shows_dialog() {
	start small "$BASIC" 80 24
	wait_for "[*] Feature A"
	keys Down n
	wait_for "[ ] Feature A"
	tm resize-window -t "$S" -x 40 -y 12
	wait_for "Terminal too small (40x12)"
	keys Escape Escape
	wait_for "save your new"
	wait_for "[y] Yes"
	keys n
	wait_for "mconf-exit=0"
	if [ -f "$T/.config" ]; then
		fail "answering n in the small terminal saved a .config"
	fi
}

# A choice is explained as a choice: its selected entry, no "select" and no "= y (bool)".
test_choice_explained_as_choice() {
	start choicewhy "$BASIC"
	wait_for "Compression (gzip)"
	keys c '?'
	wait_for "Choice:     selected entry GZIP"
	if screen | grep -qE "Selected by|implied|\(bool\)|Type:"; then
		fail "the choice's help speaks of selects or types:"
		screen | sed 's/^/      | /'
	fi
	keys Escape Escape
	wait_for "Compression (gzip)"
	keys w
	wait_for "Why: Compression"
	wait_for "Selected entry: GZIP"
	if screen | grep -qE "a select|= y  \(bool\)|Selected by"; then
		fail "the choice's why view speaks of selects or a bool value:"
		screen | sed 's/^/      | /'
	fi
}

# A new search starts empty: typing does not append to the last search's text.
test_new_search_starts_empty() {
	start search2 "$BASIC"
	wait_for "Menuconfig Test"
	keys /
	wait_for "Search Configuration Parameter"
	text "gzip"
	keys Enter
	wait_for 'Search results for "gzip"'
	keys Escape Escape
	wait_gone "Search results"
	keys /
	wait_for "Search Configuration Parameter"
	text "xz"
	keys Enter
	wait_for 'Search results for "xz"'
}

RESOLVE=$HERE/resolve/Kconfig

# goto SYMBOL: search for it and jump to it.
goto() {
	keys /
	wait_for "Search Configuration Parameter"
	text "^$1\$"
	keys Enter
	wait_for "$1 [="
	keys Enter
	wait_gone "Search results"
}

# The help lists the kernel's Range, Selects and Implies lines; Implied by stays once set.
test_help_range_selects_implies() {
	start helplines "$RESOLVE"
	wait_for "Resolver Test"
	goto COUNT
	keys '?'
	wait_for "Range:      [1 10]"
	keys Escape Escape
	goto SEL
	keys '?'
	wait_for "Selects:    TARGET"
	wait_for "Implies:    SOFT"
	keys Escape Escape
	keys y
	goto SOFT
	keys '?'
	wait_for "Implied by:"
	wait_for "SEL  [= y]"
}

# y on a -*- entry is a user value, kept when the selecting option goes away (as the kernel's).
test_y_on_selected_entry_is_kept() {
	start keepy "$RESOLVE"
	wait_for "Resolver Test"
	goto SEL
	keys y
	wait_for "-*- Target of the select"
	keys Down y Up n
	wait_for "[ ] Selector"
	save_and_exit
	config_has "CONFIG_TARGET=y"
	config_has "# CONFIG_SEL is not set"
	engine_agrees "$RESOLVE"
}

# Saving never leaves the configuration missing: .config stays in place until the new file is
# renamed over it (the old one is linked to .config.old first, never renamed away).
test_save_replaces_config_atomically() {
	command -v strace >/dev/null || { fail "strace is needed for this test (apt-get install strace)"; return; }
	mkdir -p "$WORK/atomic"
	printf 'CONFIG_FEATURE_A=y\n' >"$WORK/atomic/.config"
	MCONF_WRAP="strace -f -o $WORK/atomic/trace -e trace=rename,renameat,renameat2,link,linkat,unlink,unlinkat" \
		start atomic "$BASIC"
	wait_for "[*] Feature A"
	keys Down n
	wait_for "[ ] Feature A"
	save_and_exit
	config_has "# CONFIG_FEATURE_A is not set"
	if grep -E "rename[a-z0-9]*\(.*\"$T/\.config\", " "$T/trace" | grep -q .; then
		fail ".config was renamed away before the new one was in place:"
		grep -E "rename|link" "$T/trace" | sed 's/^/      | /'
	fi
	if ! grep -qF "CONFIG_FEATURE_A=y" "$T/.config.old"; then
		fail ".config.old does not hold the previous configuration"
	fi
}

# The resolver: a symbol only a select can turn on is enabled through the option selecting it;
# the whole change set is shown first (what follows included); u undoes it.
test_resolve_select_only_and_undo() {
	start selonly "$RESOLVE"
	wait_for "Resolver Test"
	goto NEEDS_LIB
	keys w
	wait_for "To enable NEEDS_LIB, these changes are needed:"
	wait_for "USER_OF_LIB"
	wait_for "Every value that changes as a result:"
	wait_for "(follows)"
	if ! screen | grep -qE "LIB_ONLY +n -> y +\(follows\)"; then
		fail "the change set does not show LIB_ONLY following"
		screen | sed 's/^/      | /'
	fi
	keys E
	wait_for "NEEDS_LIB is now y"
	keys Enter
	wait_for "[*] Needs the library"
	keys u
	wait_for "The last change set was undone."
	wait_for "[ ] User of the library"
	goto NEEDS_LIB
	keys w
	wait_for "To enable NEEDS_LIB"
	keys E
	wait_for "NEEDS_LIB is now y"
	keys Enter
	save_and_exit
	config_has "CONFIG_USER_OF_LIB=y"
	config_has "CONFIG_LIB_ONLY=y"
	config_has "CONFIG_NEEDS_LIB=y"
	engine_agrees "$RESOLVE"
}

# Numeric conditions get a value in range; a blocker forced on by a select is turned off
# through its selector.
test_resolve_numbers_and_forced_blockers() {
	mkdir -p "$WORK/numblock"
	printf 'CONFIG_FORCER=y\n' >"$WORK/numblock/.config"
	start numblock "$RESOLVE"
	wait_for "Resolver Test"
	goto NEEDS_BIG_LIMIT
	keys w
	wait_for "To enable NEEDS_BIG_LIMIT"
	if ! screen | grep -qE "LIMIT +2 -> 4"; then
		fail "no value in range proposed for LIMIT > 3"
		screen | sed 's/^/      | /'
	fi
	keys E
	wait_for "NEEDS_BIG_LIMIT is now y"
	keys Enter
	goto NEEDS_NO_BLOCKER
	keys w
	wait_for "To enable NEEDS_NO_BLOCKER"
	if ! screen | grep -qE "FORCER +y -> n"; then
		fail "the selector of the blocker is not turned off"
		screen | sed 's/^/      | /'
	fi
	keys E
	wait_for "NEEDS_NO_BLOCKER is now y"
	keys Enter
	save_and_exit
	config_has "CONFIG_LIMIT=4"
	config_has "CONFIG_NEEDS_BIG_LIMIT=y"
	config_has "# CONFIG_FORCER is not set"
	config_has "CONFIG_NEEDS_NO_BLOCKER=y"
	engine_agrees "$RESOLVE"
}

# A hidden string option: its dependencies are enabled, then its value dialog opens.
test_resolve_string_then_edit() {
	start strval "$RESOLVE"
	wait_for "Resolver Test"
	goto HOSTNAME
	keys w
	wait_for "To make HOSTNAME editable"
	keys E
	wait_for "HOSTNAME is now box"
	keys Enter
	wait_for "Enter a string for HOSTNAME"
	keys C-u
	text "router"
	keys Enter
	wait_for "(router) Host name"
	keys Escape Escape
	wait_for "Driver"
	save_and_exit
	config_has "CONFIG_NETWORK=y"
	config_has 'CONFIG_HOSTNAME="router"'
	engine_agrees "$RESOLVE"
}

# The other direction: a -*- entry turned off with what selects it; a tristate as module.
test_resolve_off_and_module() {
	mkdir -p "$WORK/offmod"
	printf 'CONFIG_SEL=y\nCONFIG_DRV=y\n' >"$WORK/offmod/.config"
	start offmod "$RESOLVE"
	wait_for "Resolver Test"
	goto TARGET
	wait_for "-*- Target of the select"
	keys w
	wait_for "< Turn off >"
	keys T
	wait_for "To turn TARGET off, these changes are needed:"
	if ! screen | grep -qE "SEL +y -> n"; then
		fail "turning TARGET off does not turn its selector off"
		screen | sed 's/^/      | /'
	fi
	keys A
	wait_for "TARGET is now n"
	keys Enter
	goto DRV
	keys w
	wait_for "< As module >"
	keys A
	wait_for "To make DRV a module"
	keys A
	wait_for "DRV is now m"
	keys Enter
	wait_for "<M> Driver"
	save_and_exit
	config_has "# CONFIG_SEL is not set"
	config_has "# CONFIG_TARGET is not set"
	config_has "CONFIG_DRV=m"
	engine_agrees "$RESOLVE"
}

# `make nconfig` says what it is instead of running menuconfig under another name.
test_make_nconfig_explains() {
	local top
	top=$(cd "$HERE/../../../.." && pwd)
	T=$WORK/nconfig
	mkdir -p "$T"
	if [ ! -f "$top/Makefile" ]; then
		fail "no top-level Makefile at $top"
		return
	fi
	if env -u MAKEFLAGS -u MAKELEVEL make -s -C "$top" O="$T/o" nconfig >"$T/out" 2>&1; then
		fail "make nconfig succeeded"
	fi
	if ! grep -q "nconfig is not provided.*menuconfig" "$T/out"; then
		fail "make nconfig does not point to menuconfig:"
		sed 's/^/      | /' "$T/out"
	fi
	env -u MAKEFLAGS -u MAKELEVEL make -s -C "$top" help >"$T/help" 2>&1 || true
	if ! grep -q "nconfig" "$T/help"; then
		fail "make help does not mention nconfig"
	fi
}

# A Chinese interface: LANG=zh_CN.UTF-8 picks menuconfig's zh_CN catalogue and, with
# KCONFIG_TEXTDOMAIN, the catalogue of smart-os's own Kconfig prompts (even where the zh_CN
# locale is not installed). Both catalogues cover every message of their template.
test_chinese_interface() {
	local top po
	top=$(cd "$HERE/../../../.." && pwd)
	po=$HERE/../../po
	MC_ENV="LC_ALL= LANGUAGE= LANG=zh_CN.UTF-8 KCONFIG_TEXTDOMAIN=smartos-kconfig CONFIG_= srctree=$top SMARTOS_EXTERNAL_KCONFIG=$top/support/misc/no-external.Kconfig" \
		start chinese "$top/Kconfig"
	wait_for "smart-os 配置"
	wait_for "目标选项  --->"
	wait_for "<选择>"
	wait_for "S保存"
	keys Enter
	wait_for "目标架构 (x86_64)"
	keys Down '?'
	wait_for "符号：     SMARTOS_TARGET_OPTIMIZATION"
	wait_for "提示：     目标优化参数"
	keys Escape Escape
	wait_for "目标架构"
	keys Escape Escape
	wait_for "系统配置  --->"
	keys Escape Escape
	wait_for "是否保存新的配置？"
	wait_for "< 是 >  < 否 >"
	keys n
	wait_for "您的配置更改未保存。"
	for d in smartos-mconf smartos-kconfig; do
		if ! msgcmp "$po/$d.zh_CN.po" "$po/$d.pot" >"$T/$d.msgcmp" 2>&1 ||
			msgattrib --untranslated --only-fuzzy "$po/$d.zh_CN.po" 2>/dev/null | grep -q msgid; then
			fail "$d.zh_CN.po does not translate every message of $d.pot:"
			sed 's/^/      | /' "$T/$d.msgcmp"
		fi
	done
}

TESTS=(
	test_main_menu_shows_entries test_toggle_and_save test_selected_option_refuses_n
	test_string_entry test_int_out_of_range_refused test_submenu_and_back
	test_choice_radio_list test_tristate_choice_modes test_help_details test_search_and_jump
	test_why_and_resolve test_hidden_with_z test_save_as_and_load
	test_exit_without_changes_asks_nothing test_resize test_utf8_prompts
	test_symbol_prefix_from_env test_empty_symbol_prefix test_hotkey_jumps_to_prompt_letter
	test_long_list_scrolls
	test_kconfig_error_names_file_and_line test_term_dumb_fails_clearly
	test_hotkeys_kernel_rule test_plus_minus_move test_small_terminal_shows_dialog
	test_choice_explained_as_choice test_new_search_starts_empty
	test_help_range_selects_implies test_y_on_selected_entry_is_kept
	test_save_replaces_config_atomically test_resolve_select_only_and_undo
	test_resolve_numbers_and_forced_blockers test_resolve_string_then_edit
	test_resolve_off_and_module test_make_nconfig_explains test_chinese_interface
)
# Tests that compare with the engine's conf run only when it is given (and say so otherwise).
if [ -n "$CONF" ]; then
	TESTS+=(test_why_matches_conf_explain)
else
	echo "note: no CONF given: test_why_matches_conf_explain not run"
fi
for t in ${MCONF_TESTS:-}; do
	if ! printf '%s\n' "${TESTS[@]}" | grep -qxF -- "$t"; then
		echo "$0: MCONF_TESTS: no test named $t (tests: ${TESTS[*]})" >&2
		echo "0 passed, 1 failed"
		exit 2
	fi
done
for t in "${TESTS[@]}"; do
	if [ -n "${MCONF_TESTS:-}" ] && ! grep -qw -- "$t" <<<"$MCONF_TESTS"; then
		continue
	fi
	run "$t"
done

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
